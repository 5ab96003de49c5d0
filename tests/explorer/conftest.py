"""The explorer over a database ingested from the real seed files, reached through HTTP; and
over one of odd reports: a hostile one (markup in its title, a FAQ and a company name) and one
without headline figures."""

import html
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.core.db import prepare_database
from app.main import create_app
from ingest.run import run_ingest
from tests.databases import fresh_database_url
from tests.paths import SEEDS_DIR

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
HOSTILE_SEED = "002_67a20397f5666d95.txt"  # the Iclusig report
FIGURELESS_SEED = "001_44f0dd4fdcc0169a.txt"  # the Blinatumomab report
FIGURELESS_SLUG = "united-states-blinatumomab"


def _entities(text: str) -> str:
    """`text` as it appears in a page's source: the parser reads it back as `text`."""
    return html.escape(text, quote=True)


def hostile_report(folder: Path) -> Path:
    """A copy of a seed with SCRIPT in a FAQ question and IMG in its title and a company."""
    text = (SEEDS_DIR / HOSTILE_SEED).read_text(encoding="utf-8")
    replacements = {
        ">United States Iclusig Market</a>": f">United States Iclusig {_entities(IMG)} Market</a>",
        "<p>What is Iclusig used for?</p>": f"<p>What is Iclusig {_entities(SCRIPT)} used for?</p>",
        "<li>ARIAD Pharmaceuticals</li>": f"<li>ARIAD {_entities(IMG)} Pharmaceuticals</li>",
    }
    for seed_text, hostile_text in replacements.items():
        assert seed_text in text, seed_text
        text = text.replace(seed_text, hostile_text, 1)
    path = folder / "hostile.txt"
    path.write_text(text, encoding="utf-8")
    return path


def figureless_report(folder: Path) -> Path:
    """A copy of a seed without its headline sentence: no size, forecast, CAGR or figure."""
    text = (SEEDS_DIR / FIGURELESS_SEED).read_text(encoding="utf-8")
    headline = re.search(r"<p>[^<]*Market size was valued[^<]*</p>", text)
    assert headline is not None
    path = folder / "figureless.txt"
    path.write_text(text.replace(headline[0], ""), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def odd_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    folder = tmp_path_factory.mktemp("odd")
    url = fresh_database_url(folder)
    reports = [hostile_report(folder), figureless_report(folder)]
    summary = run_ingest(reports, engine=prepare_database(url))
    assert not summary.failures
    with TestClient(create_app(url), raise_server_exceptions=False) as client:
        yield client
