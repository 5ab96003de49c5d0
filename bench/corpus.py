"""A deterministic corpus of N reports in the seed family, for the benchmark.

Report i is a pure function of (i, seed): the same N gives byte-identical files on every
machine. Reports rotate through the layouts of SPEC §2 (the seeds' h1/h2 pages, bold
paragraphs with `<b>Q</b> A` FAQs, inline **markdown** headings, h3 sections with
`<strong>Q<br>A` FAQs), three headline phrasings, varied names, regions and figures, 3–6
application segments from a shared pool and 4–9 companies drawn from a pool shared across
markets. Prose drawn from a pool of sentences brings each page to the seeds' 9–14 kB.
"""

import argparse
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REGIONS = ["United States", "Germany", "Japan", "Europe", "Asia Pacific", "Global", "India"]
PREFIXES = ["Onco", "Lympho", "Myelo", "Carci", "Sarco", "Neuro", "Hemato", "Radio", "Immuno"]
STEMS = ["vex", "tinib", "mab", "zumab", "ciclib", "parib", "rafenib", "lisib", "tecan"]
THERAPY = ["Drug", "Therapy", "Treatment", "Diagnostics", "Inhibitor", "Vaccine"]
SEGMENTS = [
    "Hospitals", "Specialty Clinics", "Research Centers", "Pharmacies", "Homecare",
    "Ambulatory Surgical Centers", "Diagnostic Laboratories", "Academic Institutes",
    "Oncology Centers", "Online Pharmacies", "Blood Banks", "Cancer Institutes",
]  # fmt: skip
COMPANY_WORDS = ["Bio", "Thera", "Gen", "Cyto", "Vita", "Medi", "Astra", "Nova", "Helix", "Zen"]
COMPANY_TAILS = ["pharm", "cell", "omics", "gene", "cure", "labs", "tech", "vance"]
LEGAL_FORMS = ["Inc", "Ltd", "AG", "plc", "Corporation", "SA", "GmbH", "Co., Ltd."]
# Prose for the paragraphs: each draws distinct sentences from this pool, so that no text
# repeats itself within one value (a repeated sentence would compress far better than the
# seeds' prose does: SPEC §6 P6 is measured on this corpus).
SENTENCES = [
    "Clinical adoption depends on reimbursement, on the evidence from phase III trials and on "
    "how quickly oncologists adopt new protocols across community and academic settings.",
    "Payers ask for outcome data before they widen coverage, which slows uptake in smaller "
    "practices.",
    "Manufacturing capacity for biologics has grown, yet supply contracts remain long and rigid.",
    "Regulators have shortened review times for therapies that address unmet medical needs.",
    "Patient advocacy groups push for earlier diagnosis and for wider access to genetic testing.",
    "Pricing pressure from health technology assessment bodies weighs on launch strategies.",
    "Real-world evidence now complements randomised trials in many reimbursement dossiers.",
    "Oncology nurses and pharmacists carry a growing share of the daily treatment workload.",
    "Digital tools help care teams track side effects between visits and adjust doses sooner.",
    "Biosimilar entry has lowered the cost of several supportive care medicines.",
    "Formulary committees favour products with clear dosing schedules and stable storage needs.",
    "Academic centres often run the first trials of a new mechanism before wider rollout.",
    "Cold-chain logistics remain a constraint for cell-based products in remote areas.",
    "Companion diagnostics decide which patients qualify for targeted regimens.",
    "Training programmes for community oncologists spread new protocols beyond large cities.",
    "Combination regimens raise efficacy but also the complexity of managing toxicity.",
    "Insurers increasingly tie payment to adherence and to documented response rates.",
    "Early access schemes let patients receive promising drugs before full approval.",
    "Investment in radiopharmaceutical production has reshaped several regional supply networks.",
    "Telehealth follow-up reduces travel for patients living far from treatment centres.",
    "Generic competition after patent expiry changes the mix of prescribed products.",
    "Public funding for screening campaigns influences how many cases are found early.",
    "Data sharing between registries improves the evidence on long-term survival.",
    "Workforce shortages in pathology delay diagnosis in a number of health systems.",
]


@dataclass(frozen=True)
class Report:
    """What the generator put in a report: the truth the parser should read back."""

    file_name: str
    region: str
    name: str
    size_billion: float
    size_year: int
    forecast_billion: float
    forecast_year: int
    cagr_percent: float
    segments: list[str]
    companies: list[str]
    html: str


def company_pool(seed: int, size: int = 2_000) -> list[str]:
    rng = random.Random(seed)
    names: set[str] = set()
    while len(names) < size:
        word = rng.choice(COMPANY_WORDS) + rng.choice(COMPANY_TAILS)
        names.add(
            f"{word} {rng.choice(['', 'Pharma ', 'Bio ', 'Health '])}{rng.choice(LEGAL_FORMS)}"
        )
    return sorted(names)


def headline(r: random.Random, name: str, size: tuple[float, int], forecast: tuple[float, int],
             cagr: float) -> str:  # fmt: skip
    (s, sy), (f, fy) = size, forecast
    phrasings = [
        f"{name} Market size was valued at USD {s} Billion in {sy} and is projected to reach "
        f"USD {f} Billion by {fy}, growing at a CAGR of {cagr}% from {sy + 2} to {fy}.",
        f"The {name} Market is expected to reach ${f} Billion by {fy} from ${s} Billion in "
        f"{sy}, at a compound annual growth rate (CAGR) of {cagr} % {sy + 1}-{fy}.",
        f"{name} Market revenue was valued at USD {s} Billion in {sy} and is estimated to "
        f"reach USD {f} Billion by {fy}, growing at a CAGR of {cagr}% from {sy + 1} to {fy}.",
    ]
    return r.choice(phrasings)


Prose = Callable[[int], str]  # n distinct sentences of SENTENCES


def _faqs(name: str, count: int, prose: Prose) -> list[tuple[str, str]]:
    return [
        (f"What drives question {n} of the {name} market?", f"Answer {n}: {prose(2)}")
        for n in range(1, count + 1)
    ]


def _h2_layout(title: str, head: str, name: str, segs: list[str], cos: list[str],
               rid: int, prose: Prose) -> str:  # fmt: skip
    parts = [
        f'<h2><a href="https://www.verifiedmarketreports.com/download-sample/?rid={rid}">'
        f"{title}</a> Insights</h2><p>{head}</p>",
        f"<p><h1>{title} By Application</h1> <p>The {title.lower()} is growing. {prose(6)}",
    ]
    parts += [f"<h2>{seg}</h2> <p>{seg} use {name}. {prose(12)}" for seg in segs]
    parts.append(f"<h2>Key Trends in the {title}</h2> <p>Trend one. {prose(4)}<p>Trend two.")
    parts.append(f"<h2>Opportunities in the {title}</h2> <p>Opportunity one. {prose(4)}")
    parts.append("<h2>Frequently Asked Questions (FAQs)</h2>")
    parts += [f"<p>{q}</p> <p>{a}</p>" for q, a in _faqs(name, 10, prose)]
    items = "".join(f"<li> {c}</li>" for c in cos)
    parts.append(f"<p><strong>Top {title} Companies</strong></p><div><p>{items}</p></div>")
    parts.append(
        f'<p><strong><a href="https://www.verifiedmarketreports.com/product/r{rid}-market/">'
        f"{title} Insights Size And Forecast</a></strong></p>"
    )
    return " ".join(parts)


def _bold_layout(title: str, head: str, name: str, segs: list[str], cos: list[str],
                 rid: int, prose: Prose) -> str:  # fmt: skip
    parts = [f"<p><b>{title} Insights</b></p>", f"<p>{head}</p>", f"<p>{prose(6)}</p>"]
    parts.append(f"<p><b>{name} Market, By Application</b></p>")
    for seg in segs:
        parts += [f"<p><b>{seg}</b></p>", f"<p>{seg} adopt {name}. {prose(12)}</p>"]
    parts += ["<p><b>Key Market Trends</b></p>", f"<p>Trend one. {prose(2)}</p>"]
    parts += ["<p><b>Market Opportunities</b></p>", f"<p>Opportunity one. {prose(2)}</p>"]
    parts.append("<p><b>Frequently Asked Questions</b></p>")
    parts += [f"<p><b>{n}. {q}</b> {a}</p>" for n, (q, a) in enumerate(_faqs(name, 10, prose), 1)]
    parts.append(f"<p><b>Top {title} Companies</b></p>")
    parts.append("<p>" + "".join(f"<li>{c}</li>" for c in cos) + "</p>")
    return "\n".join(parts)


def _markdown_layout(title: str, head: str, name: str, segs: list[str], cos: list[str],
                     rid: int, prose: Prose) -> str:  # fmt: skip
    parts = [f"<p>**{title} Insights**</p>", f"<p>{head}</p>", f"<p>{prose(6)}</p>"]
    parts.append(f"<p>**{name} Market By Application**</p>")
    for seg in segs:
        parts += [f"<p>**{seg}**</p>", f"<p>{seg} rely on {name}. {prose(12)}</p>"]
    parts += ["<p>**Key Trends**</p>", f"<p>Trend one. {prose(2)}</p>"]
    parts += ["<p>**Opportunities**</p>", f"<p>Opportunity one. {prose(2)}</p>"]
    parts.append("<p>**Frequently Asked Questions**</p>")
    for q, a in _faqs(name, 10, prose):
        parts += [f"<p>{q}</p>", f"<p>{a}</p>"]
    parts.append(f"<p>**Top {title} Companies**</p>")
    parts.append("<ul>" + "".join(f"<li>{c}</li>" for c in cos) + "</ul>")
    return "\n".join(parts)


def _h3_layout(title: str, head: str, name: str, segs: list[str], cos: list[str],
               rid: int, prose: Prose) -> str:  # fmt: skip
    parts = [f"<h3>{title} Insights</h3>", f"<p>{head}</p>", f"<p>{prose(6)}</p>"]
    parts.append(f"<h3>{title} By Application</h3>")
    for seg in segs:
        parts += [f"<h4>{seg}</h4>", f"<p>{seg} prescribe {name}. {prose(12)}</p>"]
    parts += ["<h3>Key Trends</h3>", f"<p>Trend one. {prose(2)}</p>"]
    parts += ["<h3>Opportunities</h3>", f"<p>Opportunity one. {prose(2)}</p>"]
    parts.append("<h3>Frequently Asked Questions</h3>")
    parts += [f"<p><strong>{q}</strong><br>{a}</p>" for q, a in _faqs(name, 10, prose)]
    parts.append(f"<h3>Top {title} Companies</h3>")
    parts.append("<ul>" + "".join(f"<li>{c}</li>" for c in cos) + "</ul>")
    return "\n".join(parts)


LAYOUTS: list[Callable[..., str]] = [_h2_layout, _bold_layout, _markdown_layout, _h3_layout]


def make_report(index: int, *, seed: int, companies: list[str]) -> Report:
    r = random.Random(seed * 1_000_003 + index)
    region = REGIONS[index % len(REGIONS)]
    # index in the name keeps every slug unique however large N is
    name = f"{r.choice(PREFIXES)}{r.choice(STEMS)} {index} {r.choice(THERAPY)}"
    size_year = r.choice([2021, 2022, 2023])
    forecast_year = r.choice([2030, 2031, 2033])
    size = round(r.uniform(0.1, 40.0), 2)
    cagr = round(r.uniform(0.5, 25.0), 1)
    forecast = round(size * (1 + cagr / 100) ** (forecast_year - size_year), 2)
    segs = r.sample(SEGMENTS, r.randint(3, 6))
    cos = r.sample(companies, r.randint(4, 9))
    title = f"{region} {name} Market"
    head = headline(r, name, (size, size_year), (forecast, forecast_year), cagr)
    # Its own generator: the draws above (and so every report's facts) stay as they were.
    sentences = random.Random(f"prose {seed} {index}")

    def prose(count: int) -> str:
        return " ".join(sentences.sample(SENTENCES, count))

    html = LAYOUTS[index % len(LAYOUTS)](title, head, name, segs, cos, 100_000 + index, prose)
    return Report(
        file_name=f"{index:07d}.html",
        region=region,
        name=name,
        size_billion=size,
        size_year=size_year,
        forecast_billion=forecast,
        forecast_year=forecast_year,
        cagr_percent=cagr,
        segments=segs,
        companies=cos,
        html=html,
    )


def write_corpus(folder: Path, count: int, *, seed: int = 7) -> Path:
    """Write reports 0…count-1 into folder (sharded by thousands); existing files are kept."""
    companies = company_pool(seed)
    for index in range(count):
        path = folder / f"{index // 1000:04d}" / f"{index:07d}.html"
        if path.exists():
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(make_report(index, seed=seed, companies=companies).html, "utf-8")
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    write_corpus(args.folder, args.count, seed=args.seed)


if __name__ == "__main__":
    main()
