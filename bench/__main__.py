"""`python -m bench --count N`: SPEC §6's P1–P6, each measured side by side in one run.

Builds the deterministic corpus (bench/corpus.py), ingests it, serves it with the API, a bare
ASGI app (the ceiling) and Datasette (the peer), loads each with wrk on loopback, and prints
one table: target, our value, the reference value, the ratio, and whether it holds; then
every read endpoint's uncached median at 1,000 and N markets (bench/endpoints.py).
"""

import argparse
import json
import math
import os
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
from bs4 import BeautifulSoup
from sqlalchemy import create_engine, text

from app.core.cache import MAX_ENTRIES
from app.core.settings import normalize_database_url
from bench.corpus import write_corpus
from bench.endpoints import measure_endpoints
from bench.load import wrk

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
PYTHON = sys.executable
UVICORN_OPTIONS = ["--log-level", "warning", "--no-access-log", "--workers", "1"]
# The API runs with the Dockerfile's environment (its malloc arena limit).
API_ENV = {"MALLOC_ARENA_MAX": "2"}
ROUNDS = 3  # P1, P2 and P3 compare two servers in alternating rounds
API = [
    PYTHON,
    "-m",
    "uvicorn",
    "--factory",
    "app.main:create_app",
    "--port",
    "{port}",
    *UVICORN_OPTIONS,
]


@dataclass
class Row:
    target: str
    what: str
    ours: float
    reference: float
    unit: str
    needed: str  # e.g. ">= 0.5"

    @property
    def ratio(self) -> float:
        # A reference that answered nothing in the time given is not a measurement.
        return self.ours / self.reference if self.reference else float("nan")

    @property
    def holds(self) -> bool:
        if math.isnan(self.ratio):
            return False
        op, bound = self.needed.split()
        return self.ratio >= float(bound) if op == ">=" else self.ratio <= float(bound)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def server(command: list[str], env: dict[str, str]) -> Iterator[tuple[str, int]]:
    """A server on a free port (`{port}` in the command); yields (url, pid) once it answers."""
    port = _free_port()
    process = subprocess.Popen(
        [part.replace("{port}", str(port)) for part in command],
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                httpx.get(url + "/", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        yield url, process.pid
    finally:
        process.terminate()
        process.wait(timeout=15)


def rss_megabytes(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def timed_ingest(corpus: Path, database_url: str, jobs: int) -> tuple[float, float]:
    """(seconds, peak RSS MB of the ingest process) for `python -m ingest corpus --jobs`."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [PYTHON, "-m", "ingest", str(corpus), "--jobs", str(jobs)],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": database_url},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"ingest of {corpus} failed with status {status}")
    return elapsed, usage.ru_maxrss / 1024


def _build_tree(path: Path) -> int:
    return len(BeautifulSoup(path.read_bytes(), "lxml").contents)


def soup_only_seconds(corpus: Path, jobs: int) -> float:
    files = sorted(corpus.rglob("*.html"))
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for _ in pool.map(_build_tree, files, chunksize=64):
            pass
    return time.perf_counter() - started


def market_slugs(url: str, count: int) -> list[str]:
    slugs: list[str] = []
    offset = 0
    while len(slugs) < count:
        page = httpx.get(f"{url}/markets", params={"limit": 100, "offset": offset}).json()
        slugs += [item["slug"] for item in page["items"]]
        if not page["next"]:
            break
        offset += 100
    return slugs[:count]


def distinct_list_queries(count: int, *, broad: bool) -> tuple[list[str], list[str]]:
    """The same filtered table queries for the API and for Datasette (its table view): a
    CAGR range a few points wide (narrow), or a lower CAGR bound alone that most markets
    pass (broad), each sorted by name at several offsets."""
    ours, theirs = [], []
    for i in range(count):
        low, high = (i % 250) / 10, (i % 250) / 10 + 1 + i // 250 % 5
        # every URL distinct: a broad filter's only other variable is its offset
        offset = i // 250 * 20 if broad else i // 1250 * 20
        ours_range = f"min_cagr={low}" if broad else f"min_cagr={low}&max_cagr={high}"
        theirs_range = (
            f"cagr_percent__gte={low}"
            if broad
            else f"cagr_percent__gte={low}&cagr_percent__lte={high}"
        )
        ours.append(f"/markets?{ours_range}&sort=name&offset={offset}")
        theirs.append(f"/bench/market.json?{theirs_range}&_sort=name&_size=20&_shape=objects")
    return ours, theirs


def list_queries_row(url: str, datasette_url: str, *, broad: bool, seconds: int) -> Row:
    """P2 for one kind of filter: distinct queries, ours against Datasette's."""
    ours, theirs = distinct_list_queries(3 * MAX_ENTRIES, broad=broad)
    ours_per_s, theirs_per_s = alternating(
        lambda: wrk(url, ours, seconds).requests_per_s,
        lambda: wrk(datasette_url, theirs, seconds).requests_per_s,
    )
    kind = "broad" if broad else "narrow"
    what = f"distinct {kind} list queries req/s vs Datasette (wrk {seconds}s)"
    return Row("P2", what, ours_per_s, theirs_per_s, "req/s", ">= 5")


def alternating(ours: Callable[[], float], reference: Callable[[], float]) -> tuple[float, float]:
    """The median of each measure over rounds taken in turn, so that a slow spell of the
    machine falls on both sides rather than on whichever ran during it."""
    rounds = [(ours(), reference()) for _ in range(ROUNDS)]
    return statistics.median(o for o, _ in rounds), statistics.median(r for _, r in rounds)


def run(count: int, jobs: int, seconds: int, work: Path) -> list[Row]:
    corpus = write_corpus(work / f"corpus-{count}", count)
    database = work / "bench.sqlite3"  # Datasette serves it as /bench
    database.unlink(missing_ok=True)
    url_n = f"sqlite:///{database}"
    # The trees alone are timed before, between and after the two ingests (too long to take
    # turns with) and the median kept, so that a slow spell of the machine does not fall on
    # the reference alone.
    soup_runs = [soup_only_seconds(corpus, jobs)]
    first_s, ingest_rss = timed_ingest(corpus, url_n, jobs)
    soup_runs.append(soup_only_seconds(corpus, jobs))
    rerun_s, _ = timed_ingest(corpus, url_n, jobs)
    soup_runs.append(soup_only_seconds(corpus, jobs))
    soup_s = statistics.median(soup_runs)
    seeds_db = work / "bench-seeds.sqlite3"
    seeds_db.unlink(missing_ok=True)
    timed_ingest(SEEDS, f"sqlite:///{seeds_db}", 1)
    rows = [
        Row(
            "P4",
            "ingest files/s vs BeautifulSoup trees alone",
            count / first_s,
            count / soup_s,
            "files/s",
            ">= 0.5",
        ),
        Row("P4", "first ingest vs unchanged re-run (seconds)", first_s, rerun_s, "s", ">= 10"),
        Row("P5", "ingest peak RSS (MB) vs 500 MB", ingest_rss, 500, "MB", "<= 1.0"),
    ]

    api = API
    hot = "/markets?min_cagr=10"
    with server(api, {**API_ENV, "DATABASE_URL": url_n}) as (url, api_pid):
        body = work / "bench-body.json"
        body.write_bytes(httpx.get(url + hot).content)
        bare = [PYTHON, "-m", "uvicorn", "bench.bare:app", "--port", "{port}", *UVICORN_OPTIONS]
        with server(bare, {"BENCH_BODY_FILE": str(body)}) as (bare_url, _):
            ours_hot, bare_hot = alternating(
                lambda: wrk(url, [hot], seconds).requests_per_s,
                lambda: wrk(bare_url, [hot], seconds).requests_per_s,
            )
        rows.append(
            Row(
                "P1",
                f"repeated GET {hot} req/s vs bare ASGI",
                ours_hot,
                bare_hot,
                "req/s",
                ">= 0.5",
            )
        )

        # More distinct URLs than the response cache holds: this measures the queries. Longer
        # windows, as Datasette takes seconds per query at large N; alternating rounds, as the
        # database file (GBs at large N) drops in and out of the page cache on this VM.
        datasette = [PYTHON, "-m", "datasette", "serve", "-i", str(database), "--port", "{port}"]
        with server(datasette, {}) as (datasette_url, _):
            rows += [
                list_queries_row(url, datasette_url, broad=False, seconds=4 * seconds),
                list_queries_row(url, datasette_url, broad=True, seconds=4 * seconds),
            ]
        our_queries, _ = distinct_list_queries(50, broad=False)

        # P3: the same requests, alternating between N markets and the five seeds.
        with server(api, {**API_ENV, "DATABASE_URL": f"sqlite:///{seeds_db}"}) as (url_5, _):
            details_n = [f"/markets/{slug}" for slug in market_slugs(url, 200)]
            details_5 = [f"/markets/{slug}" for slug in market_slugs(url_5, 5)]
            detail_n, detail_5 = alternating(
                lambda: wrk(url, details_n, seconds, connections=1).median_ms,
                lambda: wrk(url_5, details_5, seconds, connections=1).median_ms,
            )
            filtered_n, filtered_5 = alternating(
                lambda: wrk(url, our_queries, seconds, connections=1).median_ms,
                lambda: wrk(url_5, our_queries, seconds, connections=1).median_ms,
            )
        small = small_database(work, jobs)
        rows += scale_rows(
            url,
            api_pid,
            database_url=url_n,
            small_database_url=f"sqlite:///{small}",
            count=count,
        )

    rows += [
        Row(
            "P3",
            f"median latency /markets/{{slug}} at {count} vs 5 markets",
            detail_n,
            detail_5,
            "ms",
            "<= 1.5",
        ),
        Row(
            "P3",
            f"median latency filtered list at {count} vs 5 markets",
            filtered_n,
            filtered_5,
            "ms",
            "<= 1.5",
        ),
    ]
    return rows


SMALL_COUNT = 1000  # P3 compares every endpoint at N with the same at this many markets
P3_BOUND_MS = 50.0


@dataclass
class EndpointRow:
    endpoint: str
    small_ms: float
    large_ms: float

    @property
    def holds(self) -> bool:
        """≤ 50 ms, and at most twice (or 5 ms above) the figure at 1,000 markets."""
        grown_ok = self.large_ms <= max(2 * self.small_ms, self.small_ms + 5)
        return self.large_ms <= P3_BOUND_MS and grown_ok


def small_database(work: Path, jobs: int) -> Path:
    """The first 1,000 reports of the same corpus, ingested once and kept."""
    database = work / f"bench-{SMALL_COUNT}.sqlite3"
    if not database.exists():
        corpus = write_corpus(work / f"corpus-{SMALL_COUNT}", SMALL_COUNT)
        timed_ingest(corpus, f"sqlite:///{database}", jobs)
    return database


def full_exports(url: str) -> None:
    """Every market as CSV, and the markets table as Parquet, read to the end."""
    for path in ("/markets?format=csv", "/exports/markets.parquet"):
        with httpx.stream("GET", url + path, timeout=600) as response:
            response.raise_for_status()
            for _ in response.iter_bytes():
                pass


def database_bytes(database_url: str) -> int:
    """The SQLite file with its WAL, or the PostgreSQL database, in bytes."""
    if database_url.startswith("sqlite:///"):
        database = Path(database_url.removeprefix("sqlite:///"))
        return sum(path.stat().st_size for path in database.parent.glob(database.name + "*"))
    engine = create_engine(normalize_database_url(database_url))
    with engine.connect() as connection:
        size = connection.execute(text("SELECT pg_database_size(current_database())"))
        size_bytes = int(size.scalar_one())
    engine.dispose()
    return size_bytes


def scale_rows(
    url: str, api_pid: int, *, database_url: str, small_database_url: str, count: int
) -> list[Row]:
    """P3 per endpoint at 1,000 and N markets (printed as its own table), then P5's worker
    RSS after all of it plus full exports, and P6's bytes per market."""
    with server(API, {**API_ENV, "DATABASE_URL": small_database_url}) as (small_url, _):
        small_ms = measure_endpoints(small_url)
    large_ms = measure_endpoints(url)
    ENDPOINT_ROWS[:] = [EndpointRow(e, small_ms[e], large_ms[e]) for e in large_ms]
    full_exports(url)
    kind = "SQLite" if database_url.startswith("sqlite") else "PostgreSQL"
    return [
        Row(
            "P5",
            "API worker RSS after P1-P3, every endpoint and full exports (MB) vs 250 MB",
            rss_megabytes(api_pid),
            250,
            "MB",
            "<= 1.0",
        ),
        Row(
            "P6",
            f"{kind} bytes per market at {count} vs 12 KB",
            database_bytes(database_url) / count,
            12 * 1024,
            "B",
            "<= 1.0",
        ),
    ]


ENDPOINT_ROWS: list[EndpointRow] = []


def print_endpoint_table(count: int) -> None:
    print(f"\nP3: uncached median latency per endpoint, {SMALL_COUNT:,} vs {count:,} markets\n")
    print(f"| endpoint | {SMALL_COUNT:,} (ms) | {count:,} (ms) | ratio | holds |")
    print("| --- | ---: | ---: | ---: | --- |")
    for row in ENDPOINT_ROWS:
        ratio = row.large_ms / row.small_ms if row.small_ms else float("nan")
        print(
            f"| `{row.endpoint}` | {row.small_ms:.1f} | {row.large_ms:.1f} | {ratio:.2f} | "
            f"{'yes' if row.holds else 'NO'} |"
        )


def run_scale_only(
    count: int, jobs: int, work: Path, database_url: str | None, small_database_url: str | None
) -> list[Row]:
    """`--scale-only`: the per-endpoint P3 table, P5's worker RSS and P6, without P1, P2 and
    P4. Databases given by URL (PostgreSQL) are served as they are and must already hold
    `count` and 1,000 markets; by default work/bench.sqlite3 is ingested when missing."""
    if database_url is None:
        database = work / "bench.sqlite3"
        if not database.exists():
            corpus = write_corpus(work / f"corpus-{count}", count)
            timed_ingest(corpus, f"sqlite:///{database}", jobs)
        database_url = f"sqlite:///{database}"
    small_url = small_database_url or f"sqlite:///{small_database(work, jobs)}"
    with server(API, {**API_ENV, "DATABASE_URL": database_url}) as (url, api_pid):
        return scale_rows(
            url, api_pid, database_url=database_url, small_database_url=small_url, count=count
        )


def print_table(rows: list[Row], count: int, jobs: int, seconds: int) -> None:
    print(
        f"\nN = {count} markets, ingest --jobs {jobs}, wrk {seconds}s per measurement, "
        f"{os.cpu_count()} CPUs\n"
    )
    print("| id | measure | ours | reference | ratio | target | holds |")
    print("| --- | --- | ---: | ---: | ---: | --- | --- |")
    for row in rows:
        print(
            f"| {row.target} | {row.what} | {row.ours:,.2f} | {row.reference:,.2f} | "
            f"{row.ratio:.2f} | {row.needed} | {'yes' if row.holds else 'NO'} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description="Measure SPEC §6 P1–P5.")
    parser.add_argument("--count", type=int, default=1000, help="markets in the corpus")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--seconds", type=int, default=5, help="wrk duration per measurement")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "onco-bench")
    parser.add_argument("--json", type=Path, help="also write the rows here")
    parser.add_argument(
        "--scale-only",
        action="store_true",
        help="only every endpoint at 1,000 vs N markets, the worker's RSS and bytes per market",
    )
    parser.add_argument(
        "--database-url", help="with --scale-only: serve this database of N markets as it is"
    )
    parser.add_argument("--small-database-url", help="with --scale-only: the same at 1,000 markets")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    resource.setrlimit(resource.RLIMIT_NOFILE, (4096, 4096))
    if args.scale_only:
        rows = run_scale_only(
            args.count, args.jobs, args.work, args.database_url, args.small_database_url
        )
    else:
        rows = run(args.count, args.jobs, args.seconds, args.work)
    print_table(rows, args.count, args.jobs, args.seconds)
    print_endpoint_table(args.count)
    if args.json:
        measured = {
            "rows": [row.__dict__ for row in rows],
            "endpoints": [row.__dict__ for row in ENDPOINT_ROWS],
        }
        args.json.write_text(json.dumps(measured, indent=2))


if __name__ == "__main__":
    main()
