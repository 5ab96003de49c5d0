"""What a page says about itself outside its text: <title>, Open Graph and JSON-LD."""

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from bs4 import Tag

from ingest.text import clean_text

_TAG = re.compile(r"<[^>]{0,500}>")
_TITLE_TYPES = frozenset(
    {"Article", "NewsArticle", "Report", "WebPage", "Product", "BlogPosting", "PressRelease"}
)
_MAX_JSON_LD_CHARS = 200_000
_MAX_SITE_NAME_WORDS = 5
_NOT_SITE_NAME = re.compile(r"\d|\b(?:report|forecast|size|share|growth|trends?|analysis)\b", re.I)


@dataclass
class PageMeta:
    titles: list[str] = field(default_factory=list)  # og:title, JSON-LD headline, <title>
    site_name: str | None = None
    publisher: str | None = None
    dates: list[str] = field(default_factory=list)  # as written: ISO 8601 mostly
    faqs: list[tuple[str, str]] = field(default_factory=list)
    canonical_url: str | None = None
    footer_texts: list[str] = field(default_factory=list)  # where a copyright line sits
    title_suffix: str | None = None  # "X Market Report | Acme Research": the site's name


def read_head(head: Tag, meta: PageMeta) -> None:
    og_title = html_title = None
    for tag in head.find_all(["title", "meta", "script", "link"]):
        if tag.name == "link":
            if "canonical" in (tag.get("rel") or ()) and str(tag.get("href", "")).startswith(
                ("http://", "https://")
            ):
                meta.canonical_url = str(tag["href"]).split("?")[0]
        elif tag.name == "title":
            html_title = clean_text(tag.get_text(" "))
        elif tag.name == "script":
            if tag.get("type") == "application/ld+json":
                read_json_ld(tag.get_text(), meta)
        else:
            key = str(tag.get("property") or tag.get("name") or "").lower()
            content = clean_text(str(tag.get("content") or ""))
            if not content:
                continue
            if key == "og:title":
                og_title = content
            elif key == "og:site_name":
                meta.site_name = meta.site_name or content
            elif key in ("article:published_time", "article:modified_time", "date"):
                meta.dates.append(content)
    meta.titles[:0] = [title for title in (og_title, html_title) if title]
    if html_title and " | " in html_title:
        suffix = html_title.rsplit(" | ", 1)[1].strip()
        if 0 < len(suffix.split()) <= _MAX_SITE_NAME_WORDS and not _NOT_SITE_NAME.search(suffix):
            meta.title_suffix = suffix


def read_json_ld(text: str, meta: PageMeta) -> None:
    if len(text) > _MAX_JSON_LD_CHARS:
        return
    try:
        data = json.loads(text)
    except ValueError:
        return  # a broken script is no reason to reject the page
    for item in _items(data):
        kinds = item.get("@type")
        kinds = set(kinds) if isinstance(kinds, list) else {kinds}
        if "FAQPage" in kinds:
            meta.faqs.extend(_faq_pairs(item.get("mainEntity")))
        if kinds & _TITLE_TYPES:
            headline = item.get("headline") or item.get("name")
            if isinstance(headline, str) and headline.strip():
                meta.titles.append(clean_text(headline))
        publisher = item.get("publisher")
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            meta.publisher = meta.publisher or clean_text(publisher["name"])
        for key in ("dateModified", "datePublished"):
            if isinstance(item.get(key), str):
                meta.dates.append(item[key])


def _items(data: Any) -> Iterator[dict[str, Any]]:
    """Every object in a JSON-LD document: top level, lists and @graph (not deeper)."""
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(reversed(node))
        elif isinstance(node, dict):
            yield node
            if isinstance(node.get("@graph"), list):
                stack.extend(reversed(node["@graph"]))


def _faq_pairs(entities: Any) -> Iterator[tuple[str, str]]:
    for entity in entities if isinstance(entities, list) else [entities]:
        if not isinstance(entity, dict):
            continue
        answer = entity.get("acceptedAnswer")
        answer = answer[0] if isinstance(answer, list) and answer else answer
        question = entity.get("name")
        text = answer.get("text") if isinstance(answer, dict) else None
        if isinstance(question, str) and isinstance(text, str):
            question, text = clean_text(_TAG.sub(" ", question)), clean_text(_TAG.sub(" ", text))
            if question and text:
                yield question, text
