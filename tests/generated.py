"""Generated report files for tests that ingest, change and re-ingest a corpus."""

from pathlib import Path

from bench.corpus import company_pool, make_report


def write_reports(folder: Path, indexes: range, *, seed: int = 7) -> None:
    """Write (or overwrite) the generated reports `indexes` of corpus `seed` into `folder`.
    Their companies come from a pool whose names differ only by legal form, so some markets
    list one company twice."""
    folder.mkdir(parents=True, exist_ok=True)
    pool = company_pool(seed)
    for index in indexes:
        report = make_report(index, seed=seed, companies=pool)
        (folder / report.file_name).write_text(report.html, encoding="utf-8")
