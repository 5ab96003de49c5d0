"""One comparer for every golden expectation: seed-gold, the layout samples, the publisher pages.

Expected files name only the fields they check. Conventions (seed-gold.json's, plus the
publisher pages'): `*_startswith`, `description_contains`, `warning_codes` (the exact set),
`warnings_include` (a subset), `not_companies` / `not_segments` (names that must not appear),
`figures` as year, amount and currency, `segments` by key or by name and dimension.

A report is compared as JSON: a parsed report's `model_dump(mode="json")`, the `--dry-run`
output or `GET /markets/{slug}` (companies as names or as objects: compared by the name the
report gives). Counts and values the tests expect of the seeds are derived here from
seed-gold, never copied from output.
"""

import re
import statistics
from collections.abc import Callable
from typing import Any

from tests.paths import seed_gold

SOURCE_FIELDS = ("file", "report_id", "product_url", "sample_url", "publisher", "published_on")
GoldMarket = dict[str, Any]


def gold_markets() -> list[GoldMarket]:
    """seed-gold's markets, in seed file order."""
    markets: list[GoldMarket] = seed_gold()["markets"]
    return markets


def gold_market(slug: str) -> GoldMarket:
    return next(market for market in gold_markets() if market["slug"] == slug)


def cross_market() -> dict[str, Any]:
    facts: dict[str, Any] = seed_gold()["cross_market"]
    return facts


def gold_slugs(keep: Callable[[GoldMarket], bool] = lambda market: True) -> list[str]:
    """The slugs of the gold markets `keep` accepts, sorted."""
    return sorted(market["slug"] for market in gold_markets() if keep(market))


def gold_text_mentions(*words: str) -> list[str]:
    """The slugs of the gold markets whose text (title, summary, segments, trends,
    opportunities, FAQs) has a word starting with each of `words`, case aside; sorted."""

    def text(market: GoldMarket) -> str:
        parts = [market["title"], market["summary_startswith"]]
        parts += [f"{s['name']} {s['description_contains']}" for s in market["segments"]]
        parts += market["trend_startswith"] + market["opportunity_startswith"]
        parts += [f"{faq['question']} {faq['answer']}" for faq in market["faqs"]]
        return " ".join(parts)

    return gold_slugs(
        lambda market: all(
            re.search(rf"\b{re.escape(word)}", text(market), re.IGNORECASE) for word in words
        )
    )


def gold_faq_count() -> int:
    return sum(len(market["faqs"]) for market in gold_markets())


def gold_cagr_statistics() -> dict[str, float]:
    """GET /stats's `cagr_percent` over the gold markets' stated CAGRs."""
    cagrs = [market["cagr_percent"] for market in gold_markets()]
    return {
        "min": min(cagrs),
        "median": statistics.median(cagrs),
        "mean": statistics.fmean(cagrs),
        "max": max(cagrs),
    }


def check_gold_market(
    report: dict[str, Any], gold: GoldMarket, *, fields: tuple[str, ...] | None = None
) -> None:
    """Every field of one seed-gold market (or the `fields` named) against a report."""
    check_expectations(report, {f: v for f, v in gold.items() if fields is None or f in fields})


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
            figures = [(f["year"], f["amount"], f["currency"]) for f in report["figures"]]
            assert figures == [(f["year"], f["amount"], f["currency"]) for f in value], field
        elif field == "faqs":
            faqs = [(f["question"], f["answer"]) for f in report["faqs"]]
            assert faqs == [(f["question"], f["answer"]) for f in value], field
        elif field == "warning_codes":
            assert {w["code"] for w in report["quality"]["warnings"]} == set(value)
        elif field == "warnings_include":
            codes = {w["code"] for w in report["quality"]["warnings"]}
            assert set(value) <= codes, f"{field}: {sorted(set(value) - codes)} missing"
        elif field == "companies":
            assert _companies_as_given(report) == value, field
        elif field == "not_companies":
            assert not set(value) & set(_companies_as_given(report)), field
        elif field == "not_segments":
            assert not set(value) & {s["name"] for s in report["segments"]}, field
        else:
            assert report[field] == value, field


def _companies_as_given(report: dict[str, Any]) -> list[str]:
    """The report's companies as it names them: a list of names, or of company objects."""
    companies: list[str | dict[str, Any]] = report["companies"]
    return [c if isinstance(c, str) else c["name_as_given"] for c in companies]


def _check_segments(segments: list[dict[str, Any]], expected: list[dict[str, Any]]) -> None:
    keys = [k for k in ("key", "name", "dimension") if all(k in want for want in expected)]
    got = [tuple(segment[k] for k in keys) for segment in segments]
    assert got == [tuple(want[k] for k in keys) for want in expected], f"segments by {keys}"
    for segment, want in zip(segments, expected, strict=True):
        assert want.get("description_contains", "") in segment["description"]
