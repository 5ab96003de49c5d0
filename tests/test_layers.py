"""Dependencies run one way: domain ← ingest ← API (README, "Architecture").

Read from the source with `ast`, so that a forbidden import fails here with its file and line
rather than surfacing later as a cycle or as a parser loaded into every API worker."""

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.paths import PROJECT_ROOT

pytestmark = pytest.mark.backend_independent

# The domain: tables and shared shapes, public shapes, settings and the database.
DOMAIN = (
    "app.models",
    "app.schemas",
    "app.projected",
    "app.market_search",
    "app.core.settings",
    "app.core.db",
    "app.core.packed_text",
)
# The one module of app/ that reaches the write side in ingest/.
SEAM = "app.reports"
# The HTTP layer's query types, below both routes and repositories.
QUERY_KIT = "app.core.query"


def _imports(package: str) -> Iterator[tuple[str, int, str]]:
    """(module, line, imported module) for every import in a package, top level or not."""
    for path in sorted((PROJECT_ROOT / package).rglob("*.py")):
        module = ".".join(path.relative_to(PROJECT_ROOT).with_suffix("").parts)
        module = module.removesuffix(".__init__")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                yield module, node.lineno, node.module
            elif isinstance(node, ast.Import):
                yield from ((module, node.lineno, alias.name) for alias in node.names)


def _within(name: str, *packages: str) -> bool:
    return any(name == package or name.startswith(package + ".") for package in packages)


def test_ingest_imports_only_the_domain_of_app() -> None:
    wrong = [
        f"{module}:{line} imports {imported}"
        for module, line, imported in _imports("ingest")
        if _within(imported, "app") and not _within(imported, *DOMAIN)
    ]
    assert not wrong, wrong


def test_app_imports_ingest_through_its_seam_only() -> None:
    wrong = [
        f"{module}:{line} imports {imported}"
        for module, line, imported in _imports("app")
        if _within(imported, "ingest") and module != SEAM
    ]
    assert not wrong, wrong


@pytest.mark.parametrize("lower", [*DOMAIN, QUERY_KIT, "app.repositories"])
def test_lower_layers_do_not_import_the_http_layer(lower: str) -> None:
    wrong = [
        f"{module}:{line} imports {imported}"
        for module, line, imported in _imports("app")
        if _within(module, lower) and _within(imported, "app.api", "app.main")
    ]
    assert not wrong, wrong


def test_the_domain_does_not_import_the_read_side() -> None:
    wrong = [
        f"{module}:{line} imports {imported}"
        for module, line, imported in _imports("app")
        if _within(module, *DOMAIN) and _within(imported, "app.repositories", SEAM)
    ]
    assert not wrong, wrong


def test_every_rule_reads_real_modules() -> None:
    """The rules above pass vacuously if a path is wrong: each names modules that exist."""
    modules = {module for module, _, _ in _imports("app")} | {m for m, _, _ in _imports("ingest")}
    for name in (*DOMAIN, SEAM, QUERY_KIT):
        assert name in modules, name
    assert any(_within(module, "app.repositories") for module in modules)
    assert Path(PROJECT_ROOT / "ingest" / "parse.py").exists()
