"""GET /: a browser is sent to the explorer; an API client gets the API's entry points."""

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse, RedirectResponse
from pydantic import BaseModel, Field
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

from app import __version__

router = APIRouter(tags=["dataset"])
# JSON first: a tie (`*/*`, or no Accept at all) goes to API clients; a browser ranks
# text/html above the `*/*` it also sends.
_OFFERED = ("application/json", "text/html")
# Entry point → route name.
ENTRY_POINTS = {
    "markets": "list_markets",
    "segments": "list_segments",
    "companies": "list_companies",
    "faqs": "list_faqs",
    "projections": "list_projections",
    "stats": "get_stats",
    "meta": "get_meta",
    "docs": "custom_swagger_ui_html",
    "openapi": "openapi",
    "explore": "explore_markets",
}


class ApiIndex(BaseModel):
    title: str = Field(description="The API's name.", examples=["Oncology Market Data API"])
    version: str = Field(description="Version of this API.", examples=["0.1.0"])
    links: dict[str, str] = Field(
        description="Absolute URL of each entry point, by name.",
        examples=[{"markets": "http://127.0.0.1:8000/markets"}],
    )


@router.get(
    "/",
    response_model=ApiIndex,
    summary="The API's entry points (a browser is redirected to the explorer)",
    responses={303: {"description": "A client preferring text/html: to /explore."}},
)
def api_index(request: Request) -> Response:
    accept = parse_accept_header(request.headers.get("accept", ""), MIMEAccept)
    headers = {"Vary": "Accept"}
    if accept.best_match(_OFFERED) == "text/html":
        explorer = str(request.url_for("explore_markets"))
        return RedirectResponse(explorer, status_code=303, headers=headers)
    index = ApiIndex(
        title=request.app.title,
        version=__version__,
        links={name: str(request.url_for(route)) for name, route in ENTRY_POINTS.items()},
    )
    return JSONResponse(index.model_dump(), headers=headers)
