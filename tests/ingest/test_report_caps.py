"""One page cannot grow without bound in the data: each part is capped per report, and each
cut is named by a `truncated_*` warning; the rest of the report is kept as parsed."""

from pathlib import Path

import pytest

from ingest.limits import MAX_ITEMS, MAX_TEXT_CHARS
from ingest.parse import parse_report_bytes
from tests.paths import SEEDS_DIR

pytestmark = pytest.mark.backend_independent


def _parsed(html: str) -> tuple[dict[str, int], set[str]]:
    report = parse_report_bytes(html.encode(), file_name="huge.html")
    sizes = {field: len(getattr(report, field)) for field in ("companies", "faqs")}
    sizes["summary"] = len(report.summary or "")
    return sizes, {warning.code for warning in report.quality.warnings}


def test_a_page_with_huge_lists_and_texts_is_cut_with_warnings() -> None:
    companies = "".join(
        f"<li>Company Number {i} Inc.</li>" for i in range(3 * MAX_ITEMS["companies"])
    )
    faqs = "".join(
        f"<h3>Question number {i}?</h3><p>Answer number {i}.</p>"
        for i in range(2 * MAX_ITEMS["faqs"])
    )
    long_summary = "Oncology care grows. " * (MAX_TEXT_CHARS // 10)
    html = (
        "<h1>Global Huge Oncology Market</h1>"
        f"<p>{long_summary}</p>"
        "<p>The Global Huge Oncology Market was valued at USD 1.2 Billion in 2023.</p>"
        f"<h2>Key Players</h2><ul>{companies}</ul>"
        f"<h2>Frequently Asked Questions</h2>{faqs}"
    )
    sizes, codes = _parsed(html)
    assert sizes["companies"] == MAX_ITEMS["companies"]
    assert sizes["faqs"] == MAX_ITEMS["faqs"]
    assert sizes["summary"] <= MAX_TEXT_CHARS
    assert {"truncated_companies", "truncated_faqs", "truncated_text"} <= codes


def test_a_real_page_is_not_cut() -> None:
    for seed in sorted(SEEDS_DIR.glob("*.txt")):
        _, codes = _parsed(Path(seed).read_text(encoding="utf-8"))
        assert not {code for code in codes if code.startswith("truncated_")}, seed.name
