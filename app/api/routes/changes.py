"""GET /changes?since=: what changed after a dataset version, to keep a copy in sync."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response

from app.api.collections import Collection, collection_response
from app.api.deps import EngineDep, SessionDep
from app.api.exports import ExportsBusy
from app.api.formats import EXPORT_RESPONSES, FormatParam
from app.api.params import fields_parameter, pagination
from app.core.problems import problem_responses
from app.core.query import Pagination
from app.repositories import history
from app.repositories.meta import dataset_version
from app.schemas import ChangeOut, ChangePage

router = APIRouter(tags=["dataset"])
_FIELDS = tuple(ChangeOut.model_fields)

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
    responses={**problem_responses(ExportsBusy), **EXPORT_RESPONSES},
)
def get_changes(
    request: Request,
    session: SessionDep,
    engine: EngineDep,
    page: Annotated[Pagination, Depends(pagination)],
    fields: Annotated[list[str] | None, Depends(fields_parameter(_FIELDS))],
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
    format: FormatParam = None,
) -> Response:
    def item(row: dict[str, Any]) -> dict[str, Any]:
        return ChangeOut.model_validate(row).model_dump(mode="json")

    collection = Collection(
        read_page=lambda: history.list_changes(session, since=since, page=page),
        stream_rows=lambda: history.stream_changes(engine, since=since),
        item=item,
        columns=_FIELDS,
    )
    return collection_response(
        request,
        session=session,
        collection=collection,
        page=page,
        fields=fields,
        format_=format,
        # read before the page: no change after it is missed next time
        envelope=lambda: {"latest_version": dataset_version(session)},
    )
