"""Each seed report parsed against every field of seed-gold.json."""

import json
from collections import defaultdict
from typing import Any

import pytest

from ingest.companies import company_slug
from ingest.parse import parse_report_bytes
from ingest.report import ParsedReport
from tests.golden import GoldMarket, check_gold_market, cross_market, gold_markets
from tests.paths import SEEDS_DIR

pytestmark = pytest.mark.backend_independent

GOLD_MARKETS = gold_markets()
CROSS = cross_market()
EXACT_FIELDS = (
    "title",
    "name",
    "slug",
    "region",
    "size_usd",
    "size_year",
    "forecast_usd",
    "forecast_year",
    "cagr_percent",
    "cagr_start_year",
    "cagr_end_year",
    "implied_cagr_percent",
    "companies",
    "regions_covered",
)
SOURCE_FIELDS = ("file", "report_id", "product_url", "sample_url")
TEXT_FIELDS = ("summary_startswith", "segments", "trend_startswith", "opportunity_startswith")


def parse_seed(file_name: str) -> ParsedReport:
    return parse_report_bytes((SEEDS_DIR / file_name).read_bytes(), file_name=file_name)


@pytest.fixture(scope="module")
def parsed() -> dict[str, ParsedReport]:
    return {gold["file"]: parse_seed(gold["file"]) for gold in GOLD_MARKETS}


def by_slug(parsed: dict[str, ParsedReport]) -> dict[str, ParsedReport]:
    return {report.slug: report for report in parsed.values()}


def as_json(parsed: dict[str, ParsedReport], gold: GoldMarket) -> dict[str, Any]:
    """The report parsed from the gold market's file, as JSON (what the comparer reads)."""
    return parsed[gold["file"]].model_dump(mode="json")


def test_every_gold_field_is_checked() -> None:
    checked = {*EXACT_FIELDS, *SOURCE_FIELDS, *TEXT_FIELDS, "faqs"}
    assert {field for gold in GOLD_MARKETS for field in gold} == checked


@pytest.mark.parametrize("gold", GOLD_MARKETS, ids=lambda gold: gold["slug"])
class TestSeedReport:
    def test_exact_fields(self, gold: GoldMarket, parsed: dict[str, ParsedReport]) -> None:
        check_gold_market(as_json(parsed, gold), gold, fields=EXACT_FIELDS)

    def test_provenance(self, gold: GoldMarket, parsed: dict[str, ParsedReport]) -> None:
        check_gold_market(as_json(parsed, gold), gold, fields=SOURCE_FIELDS)
        source = parsed[gold["file"]].source
        assert len(source.sha256 or "") == 64
        assert "USD" in (source.figure_sentences.size or "")
        assert source.figure_sentences.cagr and "CAGR" in source.figure_sentences.cagr

    def test_summary(self, gold: GoldMarket, parsed: dict[str, ParsedReport]) -> None:
        check_gold_market(as_json(parsed, gold), gold, fields=("summary_startswith",))

    def test_segments(self, gold: GoldMarket, parsed: dict[str, ParsedReport]) -> None:
        check_gold_market(as_json(parsed, gold), gold, fields=("segments",))

    def test_trends_and_opportunities(
        self, gold: GoldMarket, parsed: dict[str, ParsedReport]
    ) -> None:
        fields = ("trend_startswith", "opportunity_startswith")
        check_gold_market(as_json(parsed, gold), gold, fields=fields)

    def test_faqs(self, gold: GoldMarket, parsed: dict[str, ParsedReport]) -> None:
        check_gold_market(as_json(parsed, gold), gold, fields=("faqs",))

    def test_no_mojibake_survives(self, gold: GoldMarket, parsed: dict[str, ParsedReport]) -> None:
        assert "â€" not in json.dumps(parsed[gold["file"]].model_dump(), ensure_ascii=False)


def test_distinct_companies(parsed: dict[str, ParsedReport]) -> None:
    slugs = {company_slug(name) for report in parsed.values() for name in report.companies}
    assert len(slugs) == CROSS["distinct_companies"]


def test_company_groups(parsed: dict[str, ParsedReport]) -> None:
    aliases_by_slug: dict[str, set[str]] = defaultdict(set)
    markets_by_slug: dict[str, list[str]] = defaultdict(list)
    for report in parsed.values():
        for name in report.companies:
            aliases_by_slug[company_slug(name)].add(name)
            markets_by_slug[company_slug(name)].append(report.slug)
    for group in CROSS["company_groups"]:
        assert aliases_by_slug[group["slug"]] == set(group["aliases"])
        assert sorted(markets_by_slug[group["slug"]]) == sorted(group["markets"])


@pytest.mark.parametrize("name,slug", sorted(CROSS["company_slug_examples"].items()))
def test_company_slug_examples(name: str, slug: str) -> None:
    assert company_slug(name) == slug


def test_segment_key_markets(parsed: dict[str, ParsedReport]) -> None:
    markets_by_key: dict[str, list[str]] = defaultdict(list)
    for report in parsed.values():
        for segment in report.segments:
            markets_by_key[segment.key].append(report.slug)
    assert {key: sorted(slugs) for key, slugs in markets_by_key.items()} == {
        key: sorted(slugs) for key, slugs in CROSS["segment_key_markets"].items()
    }


def test_cagr_threshold_and_mismatch(parsed: dict[str, ParsedReport]) -> None:
    reports = by_slug(parsed)
    at_least_10 = [slug for slug, r in reports.items() if (r.cagr_percent or 0) >= 10]
    assert sorted(at_least_10) == sorted(CROSS["markets_with_cagr_at_least_10"])
    mismatched = [
        slug
        for slug, report in reports.items()
        if any(w.code == "cagr_mismatch" for w in report.quality.warnings)
    ]
    assert mismatched == CROSS["cagr_mismatch_over_1pp"]


def test_mojibake_repaired(parsed: dict[str, ParsedReport]) -> None:
    check = CROSS["mojibake_check"]
    report = by_slug(parsed)[check["market"]]
    segment = next(s for s in report.segments if s.key == check["segment"])
    assert check["contains"] in segment.description
    assert "mojibake_repaired" in {w.code for w in report.quality.warnings}


def test_run_together_and_repeated_companies_are_warned(parsed: dict[str, ParsedReport]) -> None:
    codes = {report.slug: [w.code for w in report.quality.warnings] for report in parsed.values()}
    assert codes["united-states-rhabdomyosarcoma-drug"].count("company_entry_split") == 4
    assert "duplicate_company_dropped" in codes["united-states-iclusig"]
