"""One comparer for every golden expectation: seed-gold, the layout samples, the publisher pages.

Expected files name only the fields they check. Conventions (seed-gold.json's, plus the
publisher pages'): `*_startswith`, `description_contains`, `warning_codes` (the exact set),
`warnings_include` (a subset), `not_companies` / `not_segments` (names that must not appear),
`figures` as year, amount and currency, `segments` by key or by name and dimension.
"""

from typing import Any

SOURCE_FIELDS = ("report_id", "product_url", "sample_url", "publisher", "published_on")


def check_expectations(report: dict[str, Any], expected: dict[str, Any]) -> None:
    for field, value in expected.items():
        if field in SOURCE_FIELDS:
            stated = report["source"][field]
            assert (str(stated) if stated is not None else None) == value, field
        elif field == "summary_startswith":
            assert (report["summary"] or "").startswith(value)
        elif field in ("trend_startswith", "opportunity_startswith"):
            items = report["trends" if field.startswith("trend") else "opportunities"]
            assert len(items) == len(value), field
            assert all(item.startswith(prefix) for item, prefix in zip(items, value, strict=True))
        elif field == "segments":
            _check_segments(report["segments"], value)
        elif field == "figures":
            got = [(f["year"], f["amount"], f["currency"]) for f in report["figures"]]
            assert got == [(f["year"], f["amount"], f["currency"]) for f in value], field
        elif field == "faqs":
            got = [(f["question"], f["answer"]) for f in report["faqs"]]
            assert got == [(f["question"], f["answer"]) for f in value], field
        elif field == "warning_codes":
            assert {w["code"] for w in report["quality"]["warnings"]} == set(value)
        elif field == "warnings_include":
            codes = {w["code"] for w in report["quality"]["warnings"]}
            assert set(value) <= codes, f"{field}: {sorted(set(value) - codes)} missing"
        elif field == "not_companies":
            assert not set(value) & set(report["companies"]), field
        elif field == "not_segments":
            assert not set(value) & {s["name"] for s in report["segments"]}, field
        else:
            assert report[field] == value, field


def _check_segments(segments: list[dict[str, Any]], expected: list[dict[str, Any]]) -> None:
    keys = [k for k in ("key", "name", "dimension") if all(k in want for want in expected)]
    got = [tuple(segment[k] for k in keys) for segment in segments]
    assert got == [tuple(want[k] for k in keys) for want in expected], f"segments by {keys}"
    for segment, want in zip(segments, expected, strict=True):
        assert want.get("description_contains", "") in segment["description"]
