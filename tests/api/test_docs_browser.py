"""Swagger UI in a real headless Chromium, with every request to another host blocked."""

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest

from tests.browser import CHROMIUM, CHROMIUM_ARGS, browser_or_skip

# Swagger UI's offline assets and script: the same on either backend.
pytestmark = pytest.mark.backend_independent

if TYPE_CHECKING:  # imported by the test itself, which skips without it
    from playwright.sync_api import Route


def test_swagger_ui_executes_get_markets_offline(server_url: str) -> None:
    browser_or_skip()
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
