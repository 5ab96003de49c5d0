"""GET /changes?since=: what changed after a dataset version, to keep a copy in sync."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request

from app.api.deps import SessionDep
from app.api.pages import page_body
from app.api.params import pagination
from app.core.problems import problem_responses
from app.core.query import Pagination
from app.repositories.history import list_changes
from app.repositories.meta import dataset_version
from app.schemas import ChangeOut, ChangePage

router = APIRouter(tags=["dataset"])

_DOC = """Every market created, updated or deleted after dataset version `since`, oldest first,
in pages. A client keeping a copy applies the items in order (fetch `/markets/{slug}` for
`created` and `updated`, drop the row for `deleted`), then asks again with `since` set to
`latest_version`. A market whose slug changed appears as a deletion of the old slug and an
update of the new one."""


@router.get(
    "/changes",
    response_model=ChangePage,
    summary="The changes feed: what changed after a dataset version",
    description=_DOC,
    responses=problem_responses(),
)
def get_changes(
    request: Request,
    session: SessionDep,
    page: Annotated[Pagination, Depends(pagination)],
    since: Annotated[
        int,
        Query(
            ge=0,
            le=2**62,
            description="A dataset version (from `latest_version`, `/meta` or `/stats`); "
            "0 gives the whole history.",
            examples=[0],
        ),
    ] = 0,
) -> ChangePage:
    latest = dataset_version(session)
    changes, total = list_changes(session, since=since, page=page)
    items = [ChangeOut.model_validate(change, from_attributes=True) for change in changes]
    return ChangePage(
        **page_body(request, items=items, total=total, page=page), latest_version=latest
    )
