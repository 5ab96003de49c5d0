"""P3: every read endpoint's uncached median latency, one client, distinct URLs.

Each endpoint gets its own list of URLs that differ (offsets, bounds, years, keys), and every
request carries an `Origin` of its own (part of the response cache's key; /stats takes no
parameter), so the cache never answers: what is measured is the query behind it.
"""

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

import httpx

from bench.corpus import PREFIXES, STEMS

_STEMS = [prefix.lower() + stem for prefix in PREFIXES for stem in STEMS]
# Requests per endpoint; each URL is asked once (a second ask would be a cache hit).
SAMPLES = 15


@dataclass(frozen=True)
class Sample:
    """What the URLs are built from, read from the served dataset itself."""

    slugs: list[str]
    segment_keys: list[str]
    companies: list[str]
    regions: list[str]


def sample_dataset(client: httpx.Client) -> Sample:
    markets = client.get("/markets", params={"limit": 100, "fields": "slug,region"}).json()
    segments = client.get("/segments", params={"limit": 100}).json()["items"]
    companies = client.get("/companies", params={"limit": 100}).json()["items"]
    return Sample(
        slugs=[m["slug"] for m in markets["items"]],
        segment_keys=[s["key"] for s in segments],
        companies=[c["slug"] for c in companies],
        regions=sorted({m["region"] for m in markets["items"] if m["region"]}),
    )


def _cycle(values: list[str], i: int) -> str:
    return values[i % len(values)]


def _sorted_by(sort: str) -> Callable[[int], str]:
    return lambda i: f"/markets?sort={sort}&offset={i * 20}"


def endpoint_urls(sample: Sample) -> dict[str, Callable[[int], str]]:
    """Endpoint label → the i-th distinct URL for it (offset i keeps each one distinct)."""
    s = sample
    urls: dict[str, Callable[[int], str]] = {
        "/markets?min_cagr= (broad)": lambda i: f"/markets?min_cagr={i % 5}&offset={i}",
        "/markets?q=": lambda i: (
            f"/markets?q={['hospital', 'leukemia', 'clinics'][i % 3]}&offset={i}"
        ),
        "/markets?segment=": lambda i: f"/markets?segment={_cycle(s.segment_keys, i)}&offset={i}",
        "/markets?company=": lambda i: f"/markets?company={_cycle(s.companies, i)}&offset={i}",
        "/markets?region=": lambda i: f"/markets?region={_cycle(s.regions, i)}&offset={i}",
        "/markets?min_size=&max_size=": lambda i: f"/markets?min_size={i}00M&max_size=50B",
    }
    for key in ("name", "cagr_percent", "size_usd", "forecast_usd", "implied_cagr_percent"):
        for sign in ("", "-"):
            urls[f"/markets?sort={sign}{key}"] = _sorted_by(f"{sign}{key}")
    urls.update(
        {
            "/markets/{slug}": lambda i: f"/markets/{_cycle(s.slugs, i)}",
            "/markets/{slug}/figures": lambda i: f"/markets/{_cycle(s.slugs, i)}/figures",
            "/markets/{slug}/segments": lambda i: f"/markets/{_cycle(s.slugs, i)}/segments",
            "/markets/{slug}/companies": lambda i: f"/markets/{_cycle(s.slugs, i)}/companies",
            "/markets/{slug}/faqs": lambda i: f"/markets/{_cycle(s.slugs, i)}/faqs",
            "/projections?year=": lambda i: f"/projections?year={2020 + i % 20}&offset={i}",
            "/projections?year=&min_value=&sort=name": lambda i: (
                f"/projections?year={2020 + i % 20}&min_value={i}B&sort=name"
            ),
            "/segments": lambda i: f"/segments?offset={i % 3}&limit={20 + i}",
            "/segments/{key}": lambda i: f"/segments/{_cycle(s.segment_keys, i)}?offset={i}",
            "/companies": lambda i: f"/companies?offset={i}",
            "/companies?q=": lambda i: (
                f"/companies?q={['bio', 'pharma', 'gen'][i % 3]}&offset={i // 3}"
            ),
            "/companies/{slug}": lambda i: f"/companies/{_cycle(s.companies, i)}?offset={i}",
            # A drug-name stem: in the FAQs of one market in 81, as a topic would be.
            "/faqs?q=": lambda i: f"/faqs?q={_STEMS[i % len(_STEMS)]}&offset={i}",
            "/stats": lambda i: "/stats",
            "/stats?group_by=segment": lambda i: f"/stats?group_by=segment&offset={i}",
            "/stats?group_by=company&min_cagr=": lambda i: (
                f"/stats?group_by=company&min_cagr={i % 5}&offset={i}"
            ),
            "/changes?since=": lambda i: f"/changes?since={i}",
            "/markets/{slug}/editions": lambda i: f"/markets/{_cycle(s.slugs, i)}/editions",
            "/markets?embed=segments,companies": lambda i: (
                f"/markets?embed=segments,companies&offset={i}"
            ),
            "/explore?min_cagr= (HTML)": lambda i: f"/explore?min_cagr={i % 5}&offset={i}",
            "/explore/markets/{slug} (HTML)": lambda i: f"/explore/markets/{_cycle(s.slugs, i)}",
        }
    )
    return urls


_ORIGINS = iter(range(1 << 62))


def _origin(i: int) -> dict[str, str]:
    return {"Origin": f"http://client-{next(_ORIGINS)}-{i}.bench.invalid"}


def median_ms(client: httpx.Client, url_for: Callable[[int], str], *, offset: int = 0) -> float:
    """Median of SAMPLES requests to distinct URLs (after one warm-up request)."""
    client.get(url_for(offset + SAMPLES), headers=_origin(-1 - offset)).raise_for_status()
    timings = []
    for i in range(offset, offset + SAMPLES):
        started = time.perf_counter()
        client.get(url_for(i), headers=_origin(i)).raise_for_status()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def measure_endpoints(base_url: str, *, offset: int = 0) -> dict[str, float]:
    with httpx.Client(base_url=base_url, timeout=120) as client:
        urls = endpoint_urls(sample_dataset(client))
        return {label: median_ms(client, url_for, offset=offset) for label, url_for in urls.items()}
