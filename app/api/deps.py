"""Request dependencies: the resources the app's lifespan opened (app/main.py)."""

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy import Engine
from sqlmodel import Session

from app.reports import ReportWriter


def get_engine(request: Request) -> Engine:
    engine: Engine = request.app.state.engine
    return engine


def get_session(engine: Annotated[Engine, Depends(get_engine)]) -> Iterator[Session]:
    """One session per request; reads only, so closing it is all the cleanup there is."""
    with Session(engine) as session:
        yield session


def get_report_writer(request: Request) -> ReportWriter:
    writer: ReportWriter = request.app.state.report_writer
    return writer


EngineDep = Annotated[Engine, Depends(get_engine)]
ReportWriterDep = Annotated[ReportWriter, Depends(get_report_writer)]
SessionDep = Annotated[Session, Depends(get_session)]
