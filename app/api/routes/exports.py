"""GET /exports: every table as a file (CSV, NDJSON, Parquet) and the dataset as SQLite."""

import os
import subprocess
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response
from fastapi import Path as PathParam
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, StreamingResponse

from app.api.deps import EngineDep, SessionDep
from app.api.exports import ExportsBusy, ExportSlots, chunks, spool_csv, spool_ndjson
from app.api.formats import ExportFormat
from app.api.pages import linked_page_body
from app.api.params import pagination
from app.bulk.builds import BuiltFiles
from app.bulk.snapshot import build_snapshot
from app.bulk.tables import EXPORT_TABLES, ExportTable
from app.core.http import etag_matches, weak_etag
from app.core.problems import NotFound, problem_responses
from app.core.query import Pagination
from app.core.settings import PROJECT_ROOT
from app.repositories.meta import dataset_version

router = APIRouter(prefix="/exports", tags=["exports"])
PARQUET_MEDIA_TYPE = "application/vnd.apache.parquet"
SQLITE_MEDIA_TYPE = "application/vnd.sqlite3"
PARQUET_BUILD_SECONDS = 600


class FileFormat(StrEnum):
    CSV = "csv"
    NDJSON = "ndjson"
    PARQUET = "parquet"


class TableNotFound(NotFound):
    pass


def _table(name: str) -> ExportTable:
    table = EXPORT_TABLES.get(name)
    if table is None:
        raise TableNotFound(f"no table {name!r}; tables: {', '.join(EXPORT_TABLES)}")
    return table


@router.get(
    "",
    summary="The tables that can be downloaded, with their file URLs",
    responses=problem_responses(),
)
def list_exports(
    request: Request, response: Response, page: Annotated[Pagination, Depends(pagination)]
) -> dict[str, Any]:
    items = [
        {
            "name": name,
            "columns": table.column_names,
            "files": {
                f: str(request.url_for("export_table", table=name, format=f)) for f in FileFormat
            },
        }
        for name, table in EXPORT_TABLES.items()
    ]
    body = linked_page_body(
        request,
        response,
        items=items[page.offset : page.offset + page.limit],
        total=len(items),
        page=page,
    )
    return {**body, "dataset": str(request.url_for("export_dataset"))}


def _etag(version: int, request: Request) -> str:
    return weak_etag(f"{version}|{request.url.path}".encode())


@router.get(
    "/dataset.sqlite",
    summary="The whole dataset as one SQLite file",
    description="One consistent snapshot of every table of GET /exports, built once per "
    "dataset version, on either backend. Open it with `sqlite3`, DuckDB or pandas.",
    response_class=FileResponse,
    responses={
        **problem_responses(),
        200: {"content": {SQLITE_MEDIA_TYPE: {"schema": {"type": "string"}}}},
    },
)
async def export_dataset(request: Request, engine: EngineDep, session: SessionDep) -> Response:
    version = await run_in_threadpool(dataset_version, session)
    etag = _etag(version, request)
    if etag_matches(request.headers.get("if-none-match", ""), etag):
        return Response(status_code=304, headers={"ETag": etag})
    builds: BuiltFiles = request.app.state.built_files
    path = await run_in_threadpool(
        builds.get, version, "dataset.sqlite", lambda out: build_snapshot(engine, out)
    )
    return FileResponse(
        path,
        media_type=SQLITE_MEDIA_TYPE,
        filename="oncology-markets.sqlite",
        headers={"ETag": etag},
    )


@router.get(
    "/{table}.{format}",
    summary="Every row of one table as CSV, NDJSON or Parquet",
    description="Rows in primary-key order; JSON columns are JSON text in CSV and Parquet. "
    "Parquet files are built once per dataset version.",
    response_class=Response,  # no JSON: the three files below are all it answers
    responses={
        **problem_responses(TableNotFound, ExportsBusy),
        200: {
            "content": {
                "text/csv": {"schema": {"type": "string"}},
                "application/x-ndjson": {"schema": {"type": "string"}},
                PARQUET_MEDIA_TYPE: {"schema": {"type": "string", "format": "binary"}},
            }
        },
    },
)
async def export_table(
    request: Request,
    engine: EngineDep,
    session: SessionDep,
    table: Annotated[str, PathParam(description="A table name.", examples=["markets"])],
    format: Annotated[FileFormat, PathParam(description="The file format.", examples=["csv"])],
) -> Response:
    export = _table(table)
    version = await run_in_threadpool(dataset_version, session)
    await run_in_threadpool(session.close)  # back to the pool before the export reads
    etag = _etag(version, request)
    if etag_matches(request.headers.get("if-none-match", ""), etag):
        return Response(status_code=304, headers={"ETag": etag})
    if format is FileFormat.PARQUET:
        builds: BuiltFiles = request.app.state.built_files
        url = engine.url.render_as_string(hide_password=False)
        path = await run_in_threadpool(
            builds.get, version, f"{table}.parquet", lambda out: _run_parquet(table, out, url)
        )
        return FileResponse(
            path, media_type=PARQUET_MEDIA_TYPE, filename=f"{table}.parquet", headers={"ETag": etag}
        )
    slots: ExportSlots = request.app.state.export_slots

    def spool() -> Any:
        with slots.slot(), engine.connect() as connection:
            if format is FileFormat.CSV:
                return spool_csv(export.flat_rows(connection, text_times=True), export.column_names)
            return spool_ndjson(export.rows(connection, text_times=True))

    spooled = await run_in_threadpool(spool)
    media_type = ExportFormat(format.value).media_type
    return StreamingResponse(chunks(spooled), media_type=media_type, headers={"ETag": etag})


def _run_parquet(table: str, out: Path, database_url: str) -> None:
    """The Parquet writer in a process of its own (see app/bulk/parquet.py)."""
    result = subprocess.run(
        [sys.executable, "-m", "app.bulk.parquet", table, str(out)],
        cwd=PROJECT_ROOT,
        env={**os.environ, "DATABASE_URL": database_url},
        capture_output=True,
        text=True,
        timeout=PARQUET_BUILD_SECONDS,
    )
    if result.returncode != 0:
        lines = result.stderr.strip().splitlines() or ["no output"]
        raise RuntimeError(f"parquet export of {table} failed: {lines[-1]}")
