"""A page of markets' child lists in one query per kind (GET /markets?embed=): segments,
companies and figures keyed by market slug, each list in report order."""

from collections.abc import Iterable
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlmodel import Session, col

from app.models import Company, Figure, Market, MarketCompany, Segment
from app.schemas import FigureOut, MarketCompanyOut, SegmentOut


class Embed(StrEnum):
    SEGMENTS = "segments"
    COMPANIES = "companies"
    FIGURES = "figures"


def embedded_children(
    session: Session, slugs: Iterable[str], kinds: Iterable[Embed]
) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """{slug: {kind: [child, …]}} for every slug and kind asked (an empty list for none)."""
    wanted = list(dict.fromkeys(slugs))
    found: dict[str, dict[str, list[dict[str, Any]]]] = {
        slug: {kind.value: [] for kind in kinds} for slug in wanted
    }
    for kind in kinds:
        for slug, child in _children(session, kind, wanted):
            found[slug][kind.value].append(child)
    return found


def _children(
    session: Session, kind: Embed, slugs: list[str]
) -> Iterable[tuple[str, dict[str, Any]]]:
    of_these = col(Market.slug).in_(slugs)
    if kind is Embed.SEGMENTS:
        segments = (
            select(col(Market.slug), Segment)
            .join(Market, col(Market.id) == col(Segment.market_id))
            .where(of_these)
            .order_by(col(Segment.market_id), col(Segment.position))
        )
        for slug, segment in session.execute(segments):
            yield slug, SegmentOut.model_validate(segment).model_dump(mode="json")
    elif kind is Embed.FIGURES:
        figures = (
            select(col(Market.slug), Figure)
            .join(Market, col(Market.id) == col(Figure.market_id))
            .where(of_these)
            .order_by(col(Figure.market_id), col(Figure.position))
        )
        for slug, figure in session.execute(figures):
            yield slug, FigureOut.model_validate(figure).model_dump(mode="json")
    else:
        companies = (
            select(col(Market.slug), Company, MarketCompany)
            .join(MarketCompany, col(MarketCompany.company_id) == col(Company.id))
            .join(Market, col(Market.id) == col(MarketCompany.market_id))
            .where(of_these)
            .order_by(col(MarketCompany.market_id), col(MarketCompany.position))
        )
        for slug, company, link in session.execute(companies):
            out = MarketCompanyOut(
                slug=company.slug,
                name=company.name,
                name_as_given=link.name_as_given,
                position=link.position,
            )
            yield slug, out.model_dump(mode="json")
