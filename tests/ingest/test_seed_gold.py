"""Each seed report parsed against every field of seed-gold.json."""

import json
from collections import defaultdict

import pytest

from ingest.companies import company_slug
from ingest.parse import parse_report_bytes
from ingest.report import ParsedReport
from tests.paths import SEEDS_DIR, seed_gold

GOLD_MARKETS = seed_gold()["markets"]
CROSS = seed_gold()["cross_market"]
EXACT_FIELDS = [
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
]
SOURCE_FIELDS = ["report_id", "product_url", "sample_url"]


def parse_seed(file_name: str) -> ParsedReport:
    return parse_report_bytes((SEEDS_DIR / file_name).read_bytes(), file_name=file_name)


@pytest.fixture(scope="module")
def parsed() -> dict[str, ParsedReport]:
    return {gold["file"]: parse_seed(gold["file"]) for gold in GOLD_MARKETS}


def by_slug(parsed: dict[str, ParsedReport]) -> dict[str, ParsedReport]:
    return {report.slug: report for report in parsed.values()}


@pytest.mark.parametrize("gold", GOLD_MARKETS, ids=lambda gold: gold["slug"])
class TestSeedReport:
    def test_exact_fields(self, gold, parsed):
        report = parsed[gold["file"]].model_dump()
        assert {field: report[field] for field in EXACT_FIELDS} == {
            field: gold[field] for field in EXACT_FIELDS
        }

    def test_provenance(self, gold, parsed):
        source = parsed[gold["file"]].source
        assert source.file == gold["file"]
        assert {field: getattr(source, field) for field in SOURCE_FIELDS} == {
            field: gold[field] for field in SOURCE_FIELDS
        }
        assert len(source.sha256 or "") == 64
        assert "USD" in (source.figure_sentences.size or "")
        assert source.figure_sentences.cagr and "CAGR" in source.figure_sentences.cagr

    def test_summary(self, gold, parsed):
        assert (parsed[gold["file"]].summary or "").startswith(gold["summary_startswith"])

    def test_segments(self, gold, parsed):
        segments = parsed[gold["file"]].segments
        assert [(s.key, s.name) for s in segments] == [
            (s["key"], s["name"]) for s in gold["segments"]
        ]
        for segment, expected in zip(segments, gold["segments"], strict=True):
            assert expected["description_contains"] in segment.description

    def test_trends_and_opportunities(self, gold, parsed):
        report = parsed[gold["file"]]
        for items, prefixes in (
            (report.trends, gold["trend_startswith"]),
            (report.opportunities, gold["opportunity_startswith"]),
        ):
            assert len(items) == len(prefixes)
            for item, prefix in zip(items, prefixes, strict=True):
                assert item.startswith(prefix)

    def test_faqs(self, gold, parsed):
        faqs = [faq.model_dump() for faq in parsed[gold["file"]].faqs]
        assert faqs == gold["faqs"]

    def test_no_mojibake_survives(self, gold, parsed):
        assert "â€" not in json.dumps(parsed[gold["file"]].model_dump(), ensure_ascii=False)


def test_distinct_companies(parsed):
    slugs = {company_slug(name) for report in parsed.values() for name in report.companies}
    assert len(slugs) == CROSS["distinct_companies"]


def test_company_groups(parsed):
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
def test_company_slug_examples(name, slug):
    assert company_slug(name) == slug


def test_segment_key_markets(parsed):
    markets_by_key: dict[str, list[str]] = defaultdict(list)
    for report in parsed.values():
        for segment in report.segments:
            markets_by_key[segment.key].append(report.slug)
    assert {key: sorted(slugs) for key, slugs in markets_by_key.items()} == {
        key: sorted(slugs) for key, slugs in CROSS["segment_key_markets"].items()
    }


def test_cagr_threshold_and_mismatch(parsed):
    reports = by_slug(parsed)
    at_least_10 = [slug for slug, r in reports.items() if (r.cagr_percent or 0) >= 10]
    assert sorted(at_least_10) == sorted(CROSS["markets_with_cagr_at_least_10"])
    mismatched = [
        slug
        for slug, report in reports.items()
        if any(w.code == "cagr_mismatch" for w in report.quality.warnings)
    ]
    assert mismatched == CROSS["cagr_mismatch_over_1pp"]


def test_mojibake_repaired(parsed):
    check = CROSS["mojibake_check"]
    report = by_slug(parsed)[check["market"]]
    segment = next(s for s in report.segments if s.key == check["segment"])
    assert check["contains"] in segment.description
    assert "mojibake_repaired" in {w.code for w in report.quality.warnings}


def test_run_together_and_repeated_companies_are_warned(parsed):
    codes = {report.slug: [w.code for w in report.quality.warnings] for report in parsed.values()}
    assert codes["united-states-rhabdomyosarcoma-drug"].count("company_entry_split") == 4
    assert "duplicate_company_dropped" in codes["united-states-iclusig"]
