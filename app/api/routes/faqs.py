"""GET /faqs: FAQs across markets."""

from typing import Annotated

from fastapi import APIRouter, Depends, Request

from app.api.deps import SessionDep
from app.api.pages import page_body
from app.api.params import pagination, text_query
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
        text_query("Words that must all appear in the question or answer.", example="insurance"),
    ] = None,
    market: Annotated[
        str | None,
        text_query("Only this market's FAQs (slug).", example="united-states-iclusig"),
    ] = None,
) -> Page[FaqWithMarket]:
    rows, total = repository.list_faqs(session, q=q, market=market, page=page)
    items = [
        FaqWithMarket(market=slug, question=f.question, answer=f.answer, position=f.position)
        for slug, f in rows
    ]
    return Page[FaqWithMarket](**page_body(request, items=items, total=total, page=page))
