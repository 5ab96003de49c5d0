"""GET /faqs: FAQs across markets."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request

from app.api.deps import SessionDep
from app.api.pages import page_body
from app.api.params import PLAIN_TEXT, pagination
from app.core.problems import problem_responses
from app.core.query import Pagination
from app.repositories import faqs as repository
from app.schemas import FaqWithMarket, Page

router = APIRouter(prefix="/faqs", tags=["faqs"])


@router.get(
    "",
    response_model=Page[FaqWithMarket],
    summary="FAQs across markets",
    responses=problem_responses(),
)
def list_faqs(
    request: Request,
    session: SessionDep,
    page: Annotated[Pagination, Depends(pagination)],
    q: Annotated[
        str | None,
        Query(
            max_length=200,
            pattern=PLAIN_TEXT,
            description="Words that must all appear in the question or answer.",
            examples=["insurance"],
        ),
    ] = None,
    market: Annotated[
        str | None,
        Query(
            max_length=200,
            pattern=PLAIN_TEXT,
            description="Only this market's FAQs (slug).",
            examples=["united-states-iclusig"],
        ),
    ] = None,
) -> Page[FaqWithMarket]:
    rows, total = repository.list_faqs(session, q=q, market=market, page=page)
    items = [
        FaqWithMarket(market=slug, question=f.question, answer=f.answer, position=f.position)
        for slug, f in rows
    ]
    return Page[FaqWithMarket](**page_body(request, items=items, total=total, page=page))
