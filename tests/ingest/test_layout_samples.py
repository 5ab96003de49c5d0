"""Golden files for the parser: each `<case>.html` against `<case>.expected.json`, in
`samples/` (the seed family's layouts) and `publishers/` (other publishers' page structures,
written after real pages with invented names and figures; see its README)."""

import json
from pathlib import Path
from typing import Any

import pytest

from ingest.parse import parse_report_bytes
from tests.golden import check_expectations
from tests.paths import PUBLISHERS_DIR, SAMPLES_DIR

pytestmark = pytest.mark.backend_independent

SAMPLES = sorted(SAMPLES_DIR.glob("*.html"))
PUBLISHER_PAGES = sorted(PUBLISHERS_DIR.glob("*.html"))
# Share of the publisher pages' expected fields read exactly (measured 0.95 on parser 2.2.0 over
# 38 pages; 0.90 on 2.0.0 over the first 28).
MIN_PUBLISHER_FIELD_SHARE = 0.93


def parse_case(case: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    expected: dict[str, Any] = json.loads(
        case.with_suffix(".expected.json").read_text(encoding="utf-8")
    )
    report = parse_report_bytes(case.read_bytes(), file_name=case.name).model_dump(mode="json")
    return report, expected


@pytest.mark.parametrize("case", SAMPLES, ids=lambda path: path.stem)
def test_seed_family_layout(case: Path) -> None:
    check_expectations(*parse_case(case))


def test_publisher_pages_are_read_field_by_field() -> None:
    """Every expected field of every publisher page, counted: the parser must keep its share;
    the misses are listed so that a failure says what was lost."""
    checked, missed = 0, []
    for case in PUBLISHER_PAGES:
        report, expected = parse_case(case)
        for field, value in expected.items():
            checked += 1
            try:
                check_expectations(report, {field: value})
            except AssertionError:
                missed.append(f"{case.stem}.{field}")
    share = 1 - len(missed) / checked
    assert share >= MIN_PUBLISHER_FIELD_SHARE, f"{share:.0%} of fields; missed {missed}"


@pytest.mark.parametrize("case", PUBLISHER_PAGES, ids=lambda path: path.stem)
def test_publisher_page_chrome_is_never_content(case: Path) -> None:
    """Breadcrumbs, prices, buttons, comment forms and footers never become a company or a
    segment, and every page lands (no page is rejected for its layout)."""
    report, expected = parse_case(case)
    for field in ("not_companies", "not_segments"):
        if field in expected:
            check_expectations(report, {field: expected[field]})


PAGE = (
    "<h2>Italy Hospice Oncology Market</h2>"
    "<p>Hospice Oncology Market size was valued at USD 1.2 Billion in 2022 and is projected to "
    "reach USD 1.8 Billion by 2030, growing at a CAGR of 5.2% from 2024 to 2030.</p>"
    "<p>The Italy hospice oncology market follows the patient{apostrophe}s wishes at home.</p>"
)


def test_cp1252_file_is_decoded_and_warned() -> None:
    data = PAGE.format(apostrophe="\u2019").encode("cp1252")
    report = parse_report_bytes(data, file_name="italy.html")
    assert report.summary and "patient\u2019s wishes" in report.summary
    assert report.source.encoding == "cp1252"
    assert "non_utf8_text" in {w.code for w in report.quality.warnings}


def test_mojibake_is_repaired_and_warned() -> None:
    mojibake = "\u2019".encode().decode("cp1252")  # 'â€™'
    report = parse_report_bytes(PAGE.format(apostrophe=mojibake).encode(), file_name="m.html")
    assert report.summary and "patient\u2019s wishes" in report.summary
    assert "mojibake_repaired" in {w.code for w in report.quality.warnings}


def test_entities_and_stray_backticks_are_cleaned() -> None:
    page = PAGE.format(apostrophe="&rsquo;") + "```<h2>FAQs</h2><p>Is it&nbsp;covered?<br>Yes.</p>"
    report = parse_report_bytes(page.encode(), file_name="e.html")
    assert report.summary and "patient\u2019s" in report.summary
    assert [(f.question, f.answer) for f in report.faqs] == [("Is it covered?", "Yes.")]
