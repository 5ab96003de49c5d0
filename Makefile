# The one task runner. `make run` and `make test` set everything up themselves.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
# What serving needs (`make run`), and that plus the tools of the tests and lint (the rest).
# Only the dependencies are installed: the code runs from this folder, so it is never built
# (no build step, no setuptools output). The Dockerfile reads the same list.
SERVE_INSTALLED := $(VENV)/.installed-serve
DEV_INSTALLED := $(VENV)/.installed-dev
REQUIREMENTS = $(PY) -c "import sys, tomllib; p = tomllib.load(open('pyproject.toml', 'rb'))['project']; \
  print('\n'.join(p['dependencies'] + [d for x in sys.argv[1:] for d in p['optional-dependencies'][x]]))"

.PHONY: install system-deps run test test-sqlite test-postgresql bench lint format migrate ingest clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(SERVE_INSTALLED): pyproject.toml | $(VENV)/bin/python
	$(REQUIREMENTS) > $(VENV)/requirements-serve.txt
	$(PY) -m pip install --quiet -r $(VENV)/requirements-serve.txt
	touch $@

$(DEV_INSTALLED): pyproject.toml | $(VENV)/bin/python
	$(REQUIREMENTS) dev > $(VENV)/requirements-dev.txt
	$(PY) -m pip install --quiet -r $(VENV)/requirements-dev.txt
	touch $@ $(SERVE_INSTALLED)

install: $(DEV_INSTALLED)

## Debian packages the tests drive for real: Chromium (Swagger UI) and nginx (the compose proxy).
## Installed when missing and run as root; otherwise those tests skip (and fail under CI).
SYSTEM_PACKAGES := chromium nginx
system-deps:
	@missing=""; for p in $(SYSTEM_PACKAGES); do \
	  command -v $$p >/dev/null 2>&1 || [ -x /usr/sbin/$$p ] || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "note: missing$$missing; the tests that need them will skip"; fi; fi

## Ingest seeds/ into the embedded SQLite database (it migrates itself), then serve the API.
run: $(SERVE_INSTALLED)
	$(PY) -m ingest seeds/ || test $$? -eq 1
	@echo "API docs: http://$(HOST):$(PORT)/docs"
	MALLOC_ARENA_MAX=2 $(PY) -m uvicorn --factory app.main:create_app --host $(HOST) --port $(PORT) \
	  --http app.core.guarded_http:GuardedHttpToolsProtocol \
	  --no-access-log --timeout-graceful-shutdown 10 \
	  $(if $(FORWARDED_ALLOW_IPS),--proxy-headers,--no-proxy-headers)

## The whole suite twice: on SQLite files, then on a private PostgreSQL 15 server it starts itself.
## Each runs in TEST_WORKERS pytest-xdist processes, every one on databases of its own (more
## workers than CPUs, since many tests wait on servers and subprocesses); TEST_WORKERS=0 runs
## the suite in one process.
## Bytecode is cached even where PYTHONDONTWRITEBYTECODE is set (as on our CI machines):
## without it every worker and every server or CLI a test starts compiles its modules again,
## and pytest rewrites the asserts of 389 modules per worker (2 s each time).
TEST_WORKERS ?= 3
XDIST := -n $(TEST_WORKERS) --dist worksteal
PYTEST := PYTHONDONTWRITEBYTECODE= $(PY) -m pytest $(XDIST) $(PYTEST_ARGS)
test: test-sqlite test-postgresql

test-sqlite: install system-deps
	TEST_DATABASE=sqlite $(PYTEST)

test-postgresql: install system-deps
	TEST_DATABASE=postgresql $(PYTEST)

## SPEC §6 P1-P5 on a small corpus (BENCH_COUNT=100000 for the real thing); needs wrk.
BENCH_COUNT ?= 500
BENCH_SECONDS ?= 3
bench: install
	@command -v wrk >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
	$(PY) -m bench --count $(BENCH_COUNT) --seconds $(BENCH_SECONDS)

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy

format: install
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

## Bring DATABASE_URL (default: the embedded SQLite file) to the schema head.
migrate: $(SERVE_INSTALLED)
	$(PY) -m alembic upgrade head

## Ingest PATHS (default seeds/) into DATABASE_URL.
ingest: $(SERVE_INSTALLED)
	$(PY) -m ingest $(PATHS)

clean:
	rm -rf $(VENV) data .pytest_cache .mypy_cache .ruff_cache
