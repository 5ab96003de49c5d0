"""Golden files for the parser: each `samples/<case>.html` against `<case>.expected.json`.

Expected files name only the fields they check; `*_startswith`, `description_contains` and
`warning_codes` (exact set) follow seed-gold.json's conventions.
"""

import json
from pathlib import Path

import pytest

from ingest.parse import parse_report_bytes

SAMPLES_DIR = Path(__file__).parent / "samples"
CASES = sorted(path.stem for path in SAMPLES_DIR.glob("*.html"))
SOURCE_FIELDS = ("report_id", "product_url", "sample_url")


def check_expectations(report: dict, expected: dict) -> None:
    for field, value in expected.items():
        if field in SOURCE_FIELDS:
            assert report["source"][field] == value, field
        elif field == "summary_startswith":
            assert (report["summary"] or "").startswith(value)
        elif field in ("trend_startswith", "opportunity_startswith"):
            items = report["trends" if field.startswith("trend") else "opportunities"]
            assert len(items) == len(value), field
            assert all(item.startswith(prefix) for item, prefix in zip(items, value, strict=True))
        elif field == "segments":
            segments = report["segments"]
            assert [(s["key"], s["name"]) for s in segments] == [
                (s["key"], s["name"]) for s in value
            ]
            for segment, want in zip(segments, value, strict=True):
                assert want["description_contains"] in segment["description"]
        elif field == "warning_codes":
            assert {w["code"] for w in report["quality"]["warnings"]} == set(value)
        else:
            assert report[field] == value, field


@pytest.mark.parametrize("case", CASES)
def test_sample_layout(case):
    data = (SAMPLES_DIR / f"{case}.html").read_bytes()
    expected = json.loads((SAMPLES_DIR / f"{case}.expected.json").read_text(encoding="utf-8"))
    report = parse_report_bytes(data, file_name=f"{case}.html").model_dump()
    check_expectations(report, expected)


PAGE = (
    "<h2>Italy Hospice Oncology Market</h2>"
    "<p>Hospice Oncology Market size was valued at USD 1.2 Billion in 2022 and is projected to "
    "reach USD 1.8 Billion by 2030, growing at a CAGR of 5.2% from 2024 to 2030.</p>"
    "<p>The Italy hospice oncology market follows the patient{apostrophe}s wishes at home.</p>"
)


def test_cp1252_file_is_decoded_and_warned():
    data = PAGE.format(apostrophe="\u2019").encode("cp1252")
    report = parse_report_bytes(data, file_name="italy.html")
    assert report.summary and "patient\u2019s wishes" in report.summary
    assert report.source.encoding == "cp1252"
    assert "non_utf8_text" in {w.code for w in report.quality.warnings}


def test_mojibake_is_repaired_and_warned():
    mojibake = "\u2019".encode().decode("cp1252")  # 'â€™'
    report = parse_report_bytes(PAGE.format(apostrophe=mojibake).encode(), file_name="m.html")
    assert report.summary and "patient\u2019s wishes" in report.summary
    assert "mojibake_repaired" in {w.code for w in report.quality.warnings}


def test_entities_and_stray_backticks_are_cleaned():
    page = PAGE.format(apostrophe="&rsquo;") + "```<h2>FAQs</h2><p>Is it&nbsp;covered?<br>Yes.</p>"
    report = parse_report_bytes(page.encode(), file_name="e.html")
    assert report.summary and "patient\u2019s" in report.summary
    assert [(f.question, f.answer) for f in report.faqs] == [("Is it covered?", "Yes.")]
