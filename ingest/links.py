"""Report identity from the page's links: the sample link's `rid` and the product page."""

from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

from ingest.blocks import Link


@dataclass(frozen=True)
class ReportLinks:
    report_id: str | None = None
    product_url: str | None = None
    sample_url: str | None = None


def find_report_links(links: list[Link]) -> ReportLinks:
    """Tracking parameters (utm_*) are dropped so the URLs identify the report, not the visit."""
    report_id = sample_url = product_url = None
    for link in links:
        try:
            parts = urlsplit(link.href.strip())
        except ValueError:  # e.g. an unbalanced "[" in the host: not a link we can use
            continue
        if parts.scheme not in ("http", "https"):
            continue
        rid = parse_qs(parts.query).get("rid", [None])[0]
        if report_id is None and rid and rid.strip().isalnum():
            report_id = rid.strip()
            query = urlencode({"rid": report_id})
            sample_url = urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))
        if product_url is None and "/product/" in parts.path:
            product_url = urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
    return ReportLinks(report_id=report_id, product_url=product_url, sample_url=sample_url)
