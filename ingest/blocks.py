"""Flatten a report's HTML into ordered headings and paragraphs, whatever markup it uses.

Headings come as <h1>–<h4>, as a paragraph that is only <strong>/<b>, or as **markdown bold**
inside the text; all three become `Block(is_heading=True)` so extractors never see the markup.
"""

import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Tag
from bs4.element import NavigableString, PageElement, PreformattedString

from ingest.page_meta import PageMeta, read_head, read_json_ld
from ingest.text import clean_text

_BLOCK_TAGS = frozenset(
    "address article blockquote body dd div dl dt h1 h2 h3 h4 h5 h6 "
    "header hr html li main ol p pre section table tbody thead tr ul".split()
)
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4"})
_BOLD_TAGS = frozenset({"strong", "b"})
_CELL_TAGS = frozenset({"td", "th"})
# Never report content: page chrome, forms (comments, search), embedded code.
_SKIPPED_TAGS = frozenset(
    "script style noscript template svg iframe nav footer aside form button select textarea".split()
)
# Containers whose class or id says they are page chrome, whatever their tag.
_CHROME_CLASS_WORDS = frozenset(
    "cookie cookies consent gdpr breadcrumb breadcrumbs share sharing social comment comments "
    "respond newsletter subscribe related sidebar navbar menu popup modal advert ads pricing "
    "price buy cart checkout login signup toc".split()
)
_CLASS_WORD = re.compile(r"[a-z]+")
CELL_SEPARATOR = " | "
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
    list_item: bool = False  # an <li>: one entry of a list
    is_h1: bool = False


@dataclass(frozen=True)
class Link:
    href: str
    text: str


@dataclass
class Document:
    blocks: list[Block] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    meta: PageMeta = field(default_factory=PageMeta)
    # Question and answer pairs the markup itself pairs: <details>/<summary>, <dl> with
    # questions as terms.
    marked_up_faqs: list[tuple[str, str]] = field(default_factory=list)


@dataclass(slots=True)
class _Piece:
    text: str
    bold: bool
    is_break: bool = False
    in_link: bool = False
    image_alt: bool = False  # an image's alt text: kept only when the block has no other text


class _BlockBuilder:
    def __init__(self) -> None:
        self.document = Document()
        self._pieces: list[_Piece] = []
        self._bold_depth = 0
        self._heading_depth = 0
        self._link_depth = 0
        self._block_tag = ""  # the tag that opened the current block
        self._has_image_alt = False

    def text(self, text: str) -> None:
        self._pieces.append(_Piece(text, bold=self._bold_depth > 0, in_link=self._link_depth > 0))

    def line_break(self) -> None:
        self._pieces.append(_Piece("", bold=False, is_break=True))

    def start(self, tag: Tag) -> None:
        if tag.name in _BLOCK_TAGS:
            self.flush()
            self._block_tag = tag.name
        elif tag.name in _CELL_TAGS and self._pieces:
            self._pieces.append(_Piece(CELL_SEPARATOR, bold=False))
        if tag.name in _HEADING_TAGS:
            self._heading_depth += 1
        elif tag.name in _BOLD_TAGS:
            self._bold_depth += 1
        elif tag.name == "br":
            self.line_break()
        elif tag.name == "img" and self._block_tag == "li" and tag.get("alt"):
            # A list of logos names its companies.
            self._pieces.append(_Piece(str(tag["alt"]), bold=False, image_alt=True))
            self._has_image_alt = True
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
        if self._has_image_alt:
            pieces, self._has_image_alt = _without_image_alts(pieces), False
        lines = _join_lines(pieces)
        text = " ".join(lines)  # each line is clean already
        if not text:
            return
        if self._heading_depth > 0:
            is_h1 = self._block_tag == "h1"
            self.document.blocks.append(Block(text, is_heading=True, lines=(text,), is_h1=is_h1))
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
                Block(
                    text,
                    lines=tuple(lines),
                    lead_bold=_lead_bold(content),
                    link_only=link_only,
                    list_item=self._block_tag == "li",
                )
            )


def _without_image_alts(pieces: list[_Piece]) -> list[_Piece]:
    """The pieces without image alt texts, unless those are all the block says."""
    if any(not piece.image_alt and piece.text.strip() for piece in pieces):
        return [piece for piece in pieces if not piece.image_alt]
    return pieces


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


def _is_chrome(tag: Tag) -> bool:
    if not tag.attrs:
        return False  # most tags: nothing to read
    classes = tag.get("class") or ()
    names = " ".join([*classes, str(tag.get("id") or "")]).lower()
    if not names:
        return False
    words = set(_CLASS_WORD.findall(names))
    return bool(words & _CHROME_CLASS_WORDS) and "market" not in words


_PAIRED_FAQ_TAGS = frozenset({"details", "dl"})


def _read_paired_faqs(tag: Tag, document: Document) -> bool:
    """<details><summary>question</summary>answer</details>, or a <dl> whose terms are
    questions: record the pairs and skip the markup. False when the tag holds no questions."""
    if tag.name == "details":
        summary = tag.find("summary")
        if summary is None:
            return False
        question = clean_text(summary.get_text(" "))
        answer = clean_text(
            " ".join(
                child.get_text(" ") if isinstance(child, Tag) else str(child)
                for child in tag.contents
                if child is not summary
            )
        )
        if not question.endswith("?") or not answer:
            return False
        document.marked_up_faqs.append((question, answer))
        return True
    pairs: list[tuple[str, str]] = []
    term: str | None = None
    for child in tag.find_all(["dt", "dd"]):
        text = clean_text(child.get_text(" "))
        if child.name == "dt":
            term = text
        elif term and text:
            pairs.append((term, text))
            term = None
    if not pairs or not all(q.endswith("?") for q, _ in pairs):
        return False
    document.marked_up_faqs.extend(pairs)
    return True


# "€160 billion in 2023<sup>1,2</sup>": a footnote's mark, which would glue to the year.
_FOOTNOTE_MARK = re.compile(r"\s*(?:\[?\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\]?|[*†‡§]+)\s*")


def _is_footnote_mark(sup: Tag) -> bool:
    """A superscript that marks a footnote, not an exponent ("10<sup>9</sup>")."""
    before = sup.previous_sibling
    exponent = isinstance(before, NavigableString) and before.rstrip().endswith("10")
    return not exponent and bool(_FOOTNOTE_MARK.fullmatch(sup.get_text()))


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
            if node.name in _SKIPPED_TAGS or _is_chrome(node):
                if node.name == "script" and node.get("type") == "application/ld+json":
                    read_json_ld(node.get_text(), builder.document.meta)
                elif node.name == "footer":
                    builder.document.meta.footer_texts.append(clean_text(node.get_text(" ")))
                continue
            if node.name == "head":
                read_head(node, builder.document.meta)
                continue
            if node.name == "sup" and _is_footnote_mark(node):
                continue
            if node.name in _PAIRED_FAQ_TAGS and _read_paired_faqs(node, builder.document):
                builder.flush()
                continue
            builder.start(node)
            if node.name in _ENDS_THAT_MATTER:
                stack.append(_Close(node))
            stack.extend(reversed(node.contents))
        elif isinstance(node, NavigableString) and not isinstance(node, PreformattedString):
            builder.text(str(node))
    builder.flush()
    return builder.document
