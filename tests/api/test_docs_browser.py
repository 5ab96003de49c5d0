"""Swagger UI in a real headless Chromium, with every request to another host blocked."""

import os
import shutil
from collections.abc import Iterator
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest

from tests.environment import unavailable
from tests.servers import free_port, serving, uvicorn_command

if TYPE_CHECKING:  # imported by the test itself, which skips without it
    from playwright.sync_api import Route

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Flags the workplace needs: no sandbox as root, and no background calls to Google's hosts.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _browser_or_skip() -> None:
    missing = [] if os.path.exists(CHROMIUM) else ["Debian's chromium (/usr/bin/chromium)"]
    try:
        import playwright  # noqa: F401
    except ImportError:
        missing.append("the playwright package")
    if missing:
        unavailable(
            f"browser test needs {' and '.join(missing)}; `make test` installs them as root"
        )


@pytest.fixture(scope="module")
def server_url(seeded_database_url: str) -> Iterator[str]:
    port = free_port()
    command = uvicorn_command(port, "--host", "127.0.0.1")
    with serving(command, port=port, env={"DATABASE_URL": seeded_database_url}) as url:
        yield url


def test_swagger_ui_executes_get_markets_offline(server_url: str) -> None:
    _browser_or_skip()
    from playwright.sync_api import sync_playwright

    blocked: list[str] = []

    def only_this_server(route: "Route") -> None:
        if urlsplit(route.request.url).netloc == urlsplit(server_url).netloc:
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.route("**/*", only_this_server)
            page.goto(f"{server_url}/docs")
            operation = page.locator("#operations-markets-list_markets_markets_get")
            operation.wait_for(timeout=20_000)
            assert page.locator(".opblock").count() >= 10
            operation.locator(".opblock-summary").click()
            operation.get_by_role("button", name="Try it out").click()
            # The inputs show the parameters' examples, which together pick one seed market.
            assert operation.locator("tr[data-param-name='q'] input").input_value() == "leukemia"
            operation.get_by_role("button", name="Execute").click()
            responses = operation.locator(".live-responses-table")
            status = responses.locator("tr.response .response-col_status").first
            status.wait_for(timeout=20_000)
            assert status.inner_text().strip().startswith("200")
            body = responses.inner_text()
            assert "united-states-t-cells-leukemia-treatment" in body
            assert "united-states-iclusig" not in body
        finally:
            browser.close()
    assert blocked == [], f"the docs page tried to reach other hosts: {blocked}"
