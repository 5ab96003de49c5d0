"""Jinja2 for the explorer: autoescaping on (every report text is untrusted), undefined names
an error, and the formatting filters the templates write values with."""

from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse
from starlette.templating import Jinja2Templates

from app.explorer import formatting

TEMPLATES = Path(__file__).parent / "templates"
# The pages run no script and load nothing from another host; telling the browser so is a
# second line of defence behind the escaping.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)


@cache
def templates() -> Jinja2Templates:
    """Built on first use, not at import."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters.update(
        short_amount=formatting.short_amount,
        money=formatting.money,
        percent=formatting.percent,
        day=formatting.day,
        web_link=formatting.web_link,
    )
    return Jinja2Templates(env=environment)


def render(request: Request, name: str, *, status_code: int = 200, **context: Any) -> HTMLResponse:
    response = templates().TemplateResponse(
        request,
        name,
        context,
        status_code=status_code,
        headers={"Content-Security-Policy": CONTENT_SECURITY_POLICY},
    )
    return response
