"""Dockerfile, docker-compose.yml and the nginx proxy, tested by their parts (no Docker engine
here): the files' structure, and each service's own command run on this machine against the
test database, with the image's healthcheck and the proxy's limits exercised for real."""

import os
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import yaml

from tests.databases import fresh_database_url
from tests.environment import unavailable
from tests.golden import cross_market, gold_markets
from tests.paths import PROJECT_ROOT
from tests.servers import free_port, serving

COMPOSE = yaml.safe_load((PROJECT_ROOT / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]
NGINX_SITE = (PROJECT_ROOT / "deploy" / "nginx.conf").read_text()
_COMPOSE_VARIABLE = re.compile(r"\$\{(\w+)(?::-(.*?))?\}")


def dockerfile_instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) in order, continuation lines joined, comments dropped."""
    text = (PROJECT_ROOT / "Dockerfile").read_text()
    lines = [line for line in text.splitlines() if not line.lstrip().startswith("#")]
    joined = re.sub(r"\\\n\s*", " ", "\n".join(lines))
    return [
        (line.split(maxsplit=1)[0].upper(), line.split(maxsplit=1)[1])
        for line in joined.splitlines()
        if line.strip()
    ]


def instruction(name: str) -> str:
    found = [arguments for key, arguments in dockerfile_instructions() if key == name]
    assert len(found) == 1, f"expected one {name} in the Dockerfile"
    return found[0]


def exec_form(arguments: str) -> list[str]:
    return list(yaml.safe_load(arguments))  # a JSON array is YAML too


def compose_environment(service: str, database_url: str) -> dict[str, str]:
    """The service's environment as compose would give it (defaults), aimed at our database."""
    environment = {
        name: _COMPOSE_VARIABLE.sub(lambda m: os.environ.get(m[1], m[2] or ""), str(value))
        for name, value in SERVICES[service]["environment"].items()
    }
    assert environment["DATABASE_URL"].startswith("postgresql://")  # the form compose files use
    return {**environment, "DATABASE_URL": database_url}


def standard_postgres_url(url: str) -> str:
    """`postgresql+psycopg://…` → `postgresql://…`, as a hosting provider would write it."""
    return re.sub(r"^postgresql\+psycopg://", "postgresql://", url)


def run_service(service: str, database_url: str) -> subprocess.CompletedProcess[str]:
    command = SERVICES[service]["command"]
    executable = [sys.executable, "-m", command[0]] if command[0] != "python" else [sys.executable]
    return subprocess.run(
        [*executable, *command[1:]],
        cwd=PROJECT_ROOT,
        env={**os.environ, **compose_environment(service, database_url)},
        capture_output=True,
        text=True,
        timeout=180,
    )


@pytest.mark.backend_independent
def test_compose_has_the_services_and_their_order() -> None:
    assert set(SERVICES) >= {"db", "migrate", "ingest", "api", "proxy"}
    assert SERVICES["db"]["image"].startswith("postgres:15")
    assert "pg_isready" in " ".join(SERVICES["db"]["healthcheck"]["test"])
    assert SERVICES["migrate"]["depends_on"] == {"db": {"condition": "service_healthy"}}
    completed = {"condition": "service_completed_successfully"}
    assert SERVICES["ingest"]["depends_on"] == {"migrate": completed}
    assert SERVICES["api"]["depends_on"] == {"migrate": completed, "ingest": completed}
    assert SERVICES["proxy"]["depends_on"] == {"api": {"condition": "service_healthy"}}
    for one_shot in ("migrate", "ingest"):
        assert SERVICES[one_shot]["restart"] == "no"
        assert SERVICES[one_shot]["build"] == "."


@pytest.mark.backend_independent
def test_api_scales_with_replicas_behind_the_proxy() -> None:
    api = SERVICES["api"]
    assert api["deploy"]["replicas"] >= 2
    assert "ports" not in api  # replicas cannot share a host port; the proxy is the way in
    assert "ADMIN_TOKEN" in api["environment"]
    mount = SERVICES["proxy"]["volumes"][0].split(":")
    assert (PROJECT_ROOT / mount[0]).resolve() == PROJECT_ROOT / "deploy" / "nginx.conf"
    assert "server api:8000" in NGINX_SITE


@pytest.mark.backend_independent
@pytest.mark.parametrize(
    "directive",
    ["client_header_timeout", "client_body_timeout", "client_max_body_size", "proxy_read_timeout"],
)
def test_proxy_sets_timeouts_and_a_body_limit(directive: str) -> None:
    assert re.search(rf"^\s*{directive}\s+\w+;", NGINX_SITE, re.MULTILINE)


@pytest.mark.backend_independent
def test_dockerfile_is_slim_cached_non_root_and_healthchecked() -> None:
    instructions = dockerfile_instructions()
    assert instruction("FROM").endswith("-slim")
    copies = [arguments for key, arguments in instructions if key == "COPY"]
    assert copies[0] == "pyproject.toml ./"  # the dependency layer comes before any code
    install = next(i for i, (key, args) in enumerate(instructions) if "pip install" in args)
    first_code = next(i for i, (key, args) in enumerate(instructions) if args == "app app")
    assert install < first_code
    command = exec_form(instruction("CMD"))
    assert "--limit-concurrency" in command and "--timeout-keep-alive" in command
    user = instruction("USER")
    assert user not in {"root", "0"}
    assert "/healthz" in instruction("HEALTHCHECK")
    assert "MALLOC_ARENA_MAX=2" in instruction("ENV")  # the environment bench/ measures
    ignored = (PROJECT_ROOT / ".dockerignore").read_text().split()
    assert {".venv", ".git", "data"} <= set(ignored)


@pytest.mark.backend_independent
def test_dockerfile_requirements_step_lists_the_project_dependencies(tmp_path: Path) -> None:
    run_step = next(args for key, args in dockerfile_instructions() if "requirements.txt" in args)
    generate = run_step.split("&&")[0].replace("python", shlex.quote(sys.executable), 1)
    shutil.copy(PROJECT_ROOT / "pyproject.toml", tmp_path)
    subprocess.run(generate, shell=True, cwd=tmp_path, check=True)
    listed = (tmp_path / "requirements.txt").read_text().split()
    declared = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())["project"]
    assert listed == declared["dependencies"]


@pytest.fixture(scope="module")
def served_like_the_image(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """migrate, then ingest, then the image's CMD: each command as compose runs it (once for
    the module's tests, which only read)."""
    tmp_path = tmp_path_factory.mktemp("image")
    unmigrated_url = standard_postgres_url(fresh_database_url(tmp_path, migrated=False))
    for service in ("migrate", "ingest"):
        result = run_service(service, unmigrated_url)
        assert result.returncode == 0, f"{service}: {result.stdout}{result.stderr}"
    port = free_port()
    command = [arg if arg != "8000" else str(port) for arg in exec_form(instruction("CMD"))]
    assert command[0] == "uvicorn"
    environment = compose_environment("api", unmigrated_url)
    with serving(
        [sys.executable, "-m", *command],
        port=port,
        env=environment,
        log=tmp_path / "api.log",
    ) as url:
        yield url


def test_compose_commands_migrate_ingest_and_serve(served_like_the_image: str) -> None:
    url = served_like_the_image
    assert httpx.get(f"{url}/readyz").status_code == 200
    assert httpx.get(f"{url}/markets").json()["total"] == len(gold_markets())
    port = url.rsplit(":", 1)[1]
    healthcheck = [
        arg.replace("8000", port) for arg in exec_form(instruction("HEALTHCHECK").split("CMD")[1])
    ]
    assert healthcheck[0] == "python"
    assert subprocess.run([sys.executable, *healthcheck[1:]], timeout=10).returncode == 0


def test_nginx_proxies_and_enforces_its_limits(served_like_the_image: str, tmp_path: Path) -> None:
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not os.path.exists(nginx):
        unavailable("Debian's nginx is not installed; `make test` installs it as root")
    api_port = served_like_the_image.rsplit(":", 1)[1]
    proxy_port = free_port()
    site = NGINX_SITE.replace("server api:8000", f"server 127.0.0.1:{api_port}")
    site = site.replace("listen 80;", f"listen 127.0.0.1:{proxy_port};")
    (tmp_path / "site.conf").write_text(site)
    tmp_path.chmod(0o777)
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{\n access_log off;\n client_body_temp_path {tmp_path}/body;\n"
        f" proxy_temp_path {tmp_path}/proxy;\n include {tmp_path}/site.conf;\n}}\n"
    )
    command = [nginx, "-c", str(tmp_path / "nginx.conf"), "-g", "daemon off;"]
    with serving(command, port=proxy_port, env={}, log=tmp_path / "nginx.out") as url:
        proxied = httpx.get(f"{url}/markets?min_cagr=10", headers={"X-Request-ID": "via-proxy-1"})
        at_least_10 = cross_market()["markets_with_cagr_at_least_10"]
        assert proxied.status_code == 200 and proxied.json()["total"] == len(at_least_10)
        assert proxied.headers["x-request-id"] == "via-proxy-1"
        oversize = httpx.post(f"{url}/admin/reports", content=b"x" * (6 * 1024 * 1024))
        assert oversize.status_code == 413
