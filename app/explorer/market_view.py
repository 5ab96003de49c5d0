"""What one market's page shows, gathered from its stored bundle: headline figures with the
sentences they were read from, the projection and its chart, and warnings in words."""

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from app.charts import projection_chart
from app.explorer.quality import explain
from app.projections import NotProjectable, ReportedFigures, default_range, project
from app.repositories.markets import MarketBundle
from app.schemas import ProjectionMethod, ProjectionPoint


@dataclass(frozen=True)
class Projection:
    points: list[ProjectionPoint]
    chart: Markup | None
    unavailable: str | None  # why there is no chart

    @property
    def kinds(self) -> set[str]:
        """The kinds of point drawn, so that the legend names only those."""
        return {point.kind.value for point in self.points}


@dataclass(frozen=True)
class SourceSentence:
    figures: str  # which headline figures it states: "size, forecast and CAGR"
    sentence: str


@dataclass(frozen=True)
class ExplainedWarning:
    """One kind of warning: what it means, and each of the parser's notes of that kind."""

    code: str
    explanation: str
    messages: list[str]


def projection(bundle: MarketBundle) -> Projection:
    """The series from the first to the last reported year, as GET …/projections gives it."""
    figures = ReportedFigures.of(bundle.market, bundle.figures)
    try:
        first, last = default_range(figures)
        points = project(figures, from_year=first, to_year=last, method=ProjectionMethod.REPORTED)
    except NotProjectable as error:
        return Projection(points=[], chart=None, unavailable=str(error))
    title = f"Projected value of the {bundle.market.title}, {first} to {last}"
    return Projection(points=points, chart=projection_chart(points, title=title), unavailable=None)


def source_sentences(bundle: MarketBundle) -> list[SourceSentence]:
    """Each distinct sentence a headline figure came from, naming the figures it gave
    (reports usually state all three in one sentence)."""
    provenance = bundle.provenance
    named: dict[str, list[str]] = {}
    for figure, sentence in (
        ("size", provenance.size_sentence),
        ("forecast", provenance.forecast_sentence),
        ("CAGR", provenance.cagr_sentence),
    ):
        if sentence:
            named.setdefault(sentence, []).append(figure)
    return [SourceSentence(_spoken_list(figures), sentence) for sentence, figures in named.items()]


def _spoken_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def explained_warnings(bundle: MarketBundle) -> list[ExplainedWarning]:
    """The warnings grouped by code, in order of first appearance: a report that ran five
    company names together reads as one explanation with five notes."""
    messages: dict[str, list[str]] = {}
    for warning in bundle.warnings:
        messages.setdefault(warning.code, []).append(warning.message)
    return [ExplainedWarning(code, explain(code), notes) for code, notes in messages.items()]


def market_context(bundle: MarketBundle) -> dict[str, Any]:
    """The template context of a market page."""
    return {
        "market": bundle.market,
        "provenance": bundle.provenance,
        "figures": bundle.figures,
        "segments": bundle.segments,
        "companies": bundle.companies,
        "trends": [i.text for i in bundle.insights if i.kind == "trend"],
        "opportunities": [i.text for i in bundle.insights if i.kind == "opportunity"],
        "faqs": bundle.faqs,
        "warnings": explained_warnings(bundle),
        "sources": source_sentences(bundle),
        "projection": projection(bundle),
    }
