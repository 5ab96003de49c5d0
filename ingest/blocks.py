"""Flatten a report's HTML into ordered headings and paragraphs, whatever markup it uses.

Headings come as <h1>–<h4>, as a paragraph that is only <strong>/<b>, or as **markdown bold**
inside the text; all three become `Block(is_heading=True)` so extractors never see the markup.
"""

import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, NavigableString, PageElement, Tag
from bs4.element import PreformattedString

from ingest.text import clean_text

_BLOCK_TAGS = frozenset(
    "address article aside blockquote body dd div dl dt footer form h1 h2 h3 h4 h5 h6 "
    "header hr html li main nav ol p pre section table tbody td th thead tr ul".split()
)
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4"})
_BOLD_TAGS = frozenset({"strong", "b"})
_SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template", "head", "svg", "iframe"})
_MARKDOWN_BOLD = re.compile(r"\*\*(.+?)\*\*")
# A bold-only paragraph longer than this is emphasis, not a section heading.
_MAX_HEADING_WORDS = 20


@dataclass(frozen=True)
class Block:
    text: str
    is_heading: bool = False
    lines: tuple[str, ...] = ()
    lead_bold: str = ""  # bold text opening a paragraph, e.g. a FAQ question before its answer
    link_only: bool = False  # every word is link text: navigation, not content


@dataclass(frozen=True)
class Link:
    href: str
    text: str


@dataclass
class Document:
    blocks: list[Block] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)


@dataclass(slots=True)
class _Piece:
    text: str
    bold: bool
    is_break: bool = False
    in_link: bool = False


class _BlockBuilder:
    def __init__(self) -> None:
        self.document = Document()
        self._pieces: list[_Piece] = []
        self._bold_depth = 0
        self._heading_depth = 0
        self._link_depth = 0

    def text(self, text: str) -> None:
        self._pieces.append(_Piece(text, bold=self._bold_depth > 0, in_link=self._link_depth > 0))

    def line_break(self) -> None:
        self._pieces.append(_Piece("", bold=False, is_break=True))

    def start(self, tag: Tag) -> None:
        if tag.name in _BLOCK_TAGS:
            self.flush()
        if tag.name in _HEADING_TAGS:
            self._heading_depth += 1
        elif tag.name in _BOLD_TAGS:
            self._bold_depth += 1
        elif tag.name == "br":
            self.line_break()
        elif tag.name == "a":
            self._link_depth += 1
            if tag.get("href"):
                self.document.links.append(Link(str(tag["href"]), clean_text(tag.get_text(" "))))

    def end(self, tag: Tag) -> None:
        if tag.name in _BLOCK_TAGS:
            self.flush()
        if tag.name in _HEADING_TAGS:
            self._heading_depth -= 1
        elif tag.name in _BOLD_TAGS:
            self._bold_depth -= 1
        elif tag.name == "a":
            self._link_depth -= 1

    def flush(self) -> None:
        if not self._pieces:
            return  # most block boundaries close nothing
        pieces, self._pieces = self._pieces, []
        lines = _join_lines(pieces)
        text = clean_text(" ".join(lines))
        if not text:
            return
        if self._heading_depth > 0:
            self.document.blocks.append(Block(text, is_heading=True, lines=(text,)))
            return
        content = [p for p in pieces if not p.is_break and p.text.strip()]
        bold_only = all(p.bold for p in content) and len(text.split()) <= _MAX_HEADING_WORDS
        if bold_only:
            self.document.blocks.append(Block(text, is_heading=True, lines=(text,)))
        elif "**" in text:
            self.document.blocks.extend(_split_markdown_bold(text))
        else:
            link_only = all(p.in_link for p in content)
            self.document.blocks.append(
                Block(text, lines=tuple(lines), lead_bold=_lead_bold(content), link_only=link_only)
            )


def _join_lines(pieces: list[_Piece]) -> list[str]:
    lines: list[str] = []
    current: list[str] = []
    for piece in pieces:
        if piece.is_break:
            lines.append(clean_text("".join(current)))
            current = []
        else:
            current.append(piece.text)
    lines.append(clean_text("".join(current)))
    return [line for line in lines if line]


def _lead_bold(content: list[_Piece]) -> str:
    lead = []
    for piece in content:
        if not piece.bold:
            break
        lead.append(piece.text)
    return clean_text("".join(lead)) if len(lead) < len(content) else ""


def _split_markdown_bold(text: str) -> list[Block]:
    """`intro **Heading** body` → paragraph, heading, paragraph."""
    blocks = []
    for index, part in enumerate(_MARKDOWN_BOLD.split(text)):
        part = clean_text(part)
        if part:
            is_heading = index % 2 == 1
            blocks.append(Block(part, is_heading=is_heading, lines=(part,)))
    return blocks


@dataclass(frozen=True, slots=True)
class _Close:
    tag: Tag


# Tags whose end changes the builder's state; the walk skips end events for all others.
_ENDS_THAT_MATTER = _BLOCK_TAGS | _HEADING_TAGS | _BOLD_TAGS | {"a"}


def parse_document(html: str) -> Document:
    """Walk the tree iteratively (deeply nested input must not exhaust the stack)."""
    soup = BeautifulSoup(html, "lxml")
    builder = _BlockBuilder()
    stack: list[PageElement | _Close] = [soup]
    while stack:
        node = stack.pop()
        if type(node) is NavigableString:  # the common case first: plain text
            builder.text(node)
        elif type(node) is _Close:
            builder.end(node.tag)
        elif isinstance(node, Tag):
            if node.name in _SKIPPED_TAGS:
                continue
            builder.start(node)
            if node.name in _ENDS_THAT_MATTER:
                stack.append(_Close(node))
            stack.extend(reversed(node.contents))
        elif isinstance(node, NavigableString) and not isinstance(node, PreformattedString):
            builder.text(str(node))
    builder.flush()
    return builder.document
