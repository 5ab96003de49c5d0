"""The benchmark's generated reports read back exactly as generated, in every layout."""

import pytest

from bench.corpus import LAYOUTS, company_pool, make_report
from ingest.parse import parse_report

pytestmark = pytest.mark.backend_independent

COMPANIES = company_pool(seed=7)


@pytest.mark.parametrize("index", range(0, 48, 3))
def test_generated_report_parses_to_what_was_generated(index: int) -> None:
    truth = make_report(index, seed=7, companies=COMPANIES)
    report = parse_report(truth.html, file_name=truth.file_name)
    assert (report.region, report.name) == (truth.region, truth.name)
    assert report.size_usd == round(truth.size_billion * 1e9)
    assert report.forecast_usd == round(truth.forecast_billion * 1e9)
    assert (report.size_year, report.forecast_year) == (truth.size_year, truth.forecast_year)
    assert report.cagr_percent == truth.cagr_percent
    assert sorted(s.name for s in report.segments) == sorted(truth.segments)
    assert sorted(report.companies) == sorted(truth.companies)
    assert len(report.faqs) == 10 and report.trends and report.opportunities


def test_the_corpus_is_deterministic_and_uses_every_layout() -> None:
    first = [make_report(i, seed=7, companies=COMPANIES).html for i in range(len(LAYOUTS))]
    again = [make_report(i, seed=7, companies=company_pool(seed=7)).html for i in range(4)]
    assert first == again
    assert len({html[:12] for html in first}) == len(LAYOUTS)
