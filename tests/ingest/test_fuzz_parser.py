"""Hypothesis on the parser: random bytes, truncations and mutations of the seeds give a report
or the parser's own error (ReportParseError), never anything else."""

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ingest.errors import ReportParseError
from ingest.parse import parse_report_bytes
from tests.paths import SEEDS_DIR

SEEDS = [path.read_bytes() for path in sorted(SEEDS_DIR.iterdir())]
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))


def parses_or_refuses(data: bytes) -> None:
    try:
        report = parse_report_bytes(data, file_name="fuzz.html")
    except ReportParseError as error:
        assert str(error)  # a reason the summary can print
        return
    assert report.slug and report.title


@FUZZ
@given(st.binary(max_size=4096))
def test_random_bytes(data):
    parses_or_refuses(data)


@FUZZ
@given(st.sampled_from(SEEDS), st.floats(min_value=0, max_value=1))
# Found by a longer run: cut mid-word, a bold line ended "... PDF S"; inflect singularised the
# lone "S" to "" and then refused to pluralise "" (a TypeCheckError, not a parse error).
@example(SEEDS[2], (SEEDS[2].index(b"PDF S") + len(b"PDF S") + 0.5) / len(SEEDS[2]))
def test_truncated_seeds(seed, fraction):
    parses_or_refuses(seed[: int(len(seed) * fraction)])


@FUZZ
@given(
    st.sampled_from(SEEDS),
    st.lists(
        st.tuples(st.floats(min_value=0, max_value=1), st.binary(min_size=0, max_size=12)),
        min_size=1,
        max_size=8,
    ),
)
def test_mutated_seeds(seed, edits):
    data = bytearray(seed)
    for where, replacement in edits:
        start = int(len(data) * where)
        data[start : start + len(replacement) or start + 1] = replacement
    parses_or_refuses(bytes(data))


@FUZZ
@given(st.sampled_from(SEEDS), st.text(alphabet="<>/&;\"'=!-[]*#`", min_size=1, max_size=40))
def test_markup_noise_spliced_into_seeds(seed, noise):
    middle = len(seed) // 2
    parses_or_refuses(seed[:middle] + noise.encode() + seed[middle:])


def test_a_link_urllib_refuses_is_skipped_not_fatal():
    """Found by test_mutated_seeds: an unbalanced "[" in a host made urlsplit raise ValueError.
    The broken link is skipped; the page's intact sample link still gives the report id."""
    seed = SEEDS[0].decode()
    first_link = seed.index('href="https://www.')
    broken = (
        seed[:first_link] + 'href="https://[www.' + seed[first_link + len('href="https://www.') :]
    )
    report = parse_report_bytes(broken.encode(), file_name="broken-link.html")
    assert report.source.report_id == "823236"
