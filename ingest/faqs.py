"""FAQ pairs, whether a report writes them as separate paragraphs, `question<br>answer`,
`<strong>1. question</strong><br>answer` or `<b>1. question</b> answer`."""

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ingest.blocks import Block
from ingest.text import clean_text, strip_list_marker

_INLINE_QUESTION = re.compile(
    r"^(?P<question>(?:what|how|is|are|can|could|who|why|when|which|does|do|did|should|will|"
    r"where|has|have)\b[^?]{3,300}\?)\s+(?P<answer>\S.*)$",
    re.IGNORECASE,
)


# "Q: …" / "A: …" markers some pages put before each half, numbered or not ("Q1:", "A1:").
_QUESTION_LABEL = re.compile(r"^(?:Q|Question)\s?\d{0,2}\s*:\s*|^Q\d{0,2}\.\s+", re.IGNORECASE)
_ANSWER_LABEL = re.compile(r"^(?:A|Answer)\s?\d{0,2}\s*:\s*|^A\d{0,2}\.\s+(?=[A-Z])", re.IGNORECASE)


# "Q: Why do hospitals lead? A: They perform the complex surgeries.": pairs on one line.
_LABELLED_PAIR = re.compile(
    r"(?:Q|Question)\s?\d{0,2}\s*[:.]\s*(?P<question>[^?]{3,300}\?)\s+"
    r"(?:A|Answer)\s?\d{0,2}\s*[:.]\s*(?P<answer>\S.*?)(?=\s+(?:Q|Question)\s?\d{0,2}\s*[:.]\s|$)"
)


def is_labelled_question(text: str) -> bool:
    """'Q. What is pharma market research?': a question whatever the section it is in."""
    return _QUESTION_LABEL.match(text) is not None and text.rstrip().endswith("?")


def clean_faq_pair(question: str, answer: str) -> tuple[str, str]:
    """A pair from any source without its numbering or Q:/A: labels."""
    return _QUESTION_LABEL.sub("", strip_list_marker(question)), _ANSWER_LABEL.sub("", answer)


@dataclass(frozen=True)
class FaqPair:
    question: str
    answer: str


def _faq_lines(blocks: Iterable[Block]) -> Iterable[tuple[str, bool]]:
    """Yield (text, is_question) for each line of the FAQ section."""
    asked = False  # the last line was a question: an answer may restate it first
    for block in blocks:
        lead = strip_list_marker(block.lead_bold)
        if lead:
            yield lead, True
            rest = clean_text(block.text[len(block.lead_bold) :])
            if rest:
                yield rest, False
            asked = not rest
            continue
        for line in block.lines or (block.text,):
            line = strip_list_marker(line)
            if _LABELLED_PAIR.match(line):
                for paired in _LABELLED_PAIR.finditer(line):
                    yield paired["question"], True
                    yield paired["answer"], False
            elif line.endswith("?"):
                yield line, True
            elif (inline := _INLINE_QUESTION.match(line)) and not asked:
                yield inline["question"], True
                yield inline["answer"], False
            else:  # "How profitable is CBD?" answered "How much profit can … make? CBD oil …"
                yield line, False
            asked = line.endswith("?")


def pair_faqs(blocks: Iterable[Block]) -> tuple[list[FaqPair], int]:
    """Pair questions with the answer lines that follow; return pairs and unanswered count."""
    pairs: list[FaqPair] = []
    question: str | None = None
    answer: list[str] = []
    unanswered = 0

    def close() -> None:
        nonlocal unanswered
        if question is None:
            return
        if answer:
            pairs.append(FaqPair(question, " ".join(answer)))
        else:
            unanswered += 1

    for text, is_question in _faq_lines(blocks):
        if is_question:
            close()
            question, answer = text, []
        elif question is not None:
            answer.append(text)
    close()
    return pairs, unanswered
