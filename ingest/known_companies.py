"""Well-known healthcare companies named in a page's prose, for pages without a players list.

News articles and trade-press pages name the firms of a market in running text ("Medtronic, a
massive medical device company, is moving into the space") and never list them. Names alone
carry no mark of being a company, so only firms from a fixed list are recognised, each under
the spellings pages use (parser 2.4.32).
"""

import re
from collections.abc import Iterable
from functools import cache

# One firm a line: its spellings, the first one the firm's usual name. Ambiguous short forms
# (MSD, BD, "Lilly" alone) are left out: they name other things as often as the firm.
_FIRMS = """
Merck|Merck & Co.|Merck and Co.
Merck KGaA
Roche|Hoffmann-La Roche|Roche Holding|Roche Diagnostics
Pfizer
Novartis
AstraZeneca
GlaxoSmithKline|GSK
Sanofi
Bristol-Myers Squibb|Bristol Myers Squibb|BMS
Johnson & Johnson|J&J|Johnson and Johnson
Abbott Laboratories|Abbott
AbbVie
Medtronic
Boston Scientific
Stryker
Siemens Healthineers
GE Healthcare
Philips|Royal Philips
Becton, Dickinson and Company|Becton Dickinson
Baxter International|Baxter
Eli Lilly
Novo Nordisk
Amgen
Gilead Sciences|Gilead
Biogen
Eisai
Takeda
Bayer
Boehringer Ingelheim
Zimmer Biomet
Smith & Nephew
Edwards Lifesciences
Intuitive Surgical
Illumina
Thermo Fisher Scientific|Thermo Fisher
Danaher
Agilent Technologies|Agilent
PerkinElmer
Dexcom
Alcon
Bausch + Lomb|Bausch & Lomb|Bausch Health
CooperVision|The Cooper Companies
Zoetis
Lonza
Samsung Biologics
BioNTech
Moderna
Regeneron
Vertex Pharmaceuticals
Teva Pharmaceutical|Teva
Viatris
Sun Pharmaceutical|Sun Pharma
Cipla
Lupin
Daiichi Sankyo
Astellas
Otsuka
Chugai
Fresenius Medical Care|Fresenius Kabi|Fresenius
B. Braun
Cardinal Health
McKesson
Hologic
Qiagen
bioMérieux
Sysmex
Olympus
Terumo
Varian Medical Systems|Varian
Elekta
Accuray
Hillrom|Hill-Rom
Dräger|Draeger
Karl Storz
Coloplast
ConvaTec
Mölnlycke
EssilorLuxottica|Essilor
Carl Zeiss|Zeiss
Celgene
Genentech
Seagen|Seattle Genetics
Incyte
Exact Sciences
Guardant Health
Foundation Medicine
Myriad Genetics
Bio-Rad
Beckman Coulter
Cepheid
Insulet
Tandem Diabetes Care
Masimo
ResMed
Align Technology
Dentsply Sirona
Straumann
Henry Schein
Teleflex
Integra LifeSciences
Globus Medical
NuVasive
Orthofix
Hospira
Mylan
Sandoz
Catalent
WuXi AppTec|WuXi Biologics
IQVIA
Labcorp|LabCorp
Quest Diagnostics
Ranbaxy
Dr. Reddy's|Dr. Reddy’s
Aurobindo Pharma|Aurobindo
Biocon
Serum Institute of India
Bharat Biotech
Sinovac
Sinopharm
CSL Behring|CSL
Grifols
Octapharma
Ipsen
Servier
UCB
Lundbeck
Jazz Pharmaceuticals
Alexion
Ferring
Menarini
Recordati
Chiesi
Novavax
CureVac
Junshi Biosciences
BeiGene
Hengrui
Innovent
"""
# A firm cited as a source is no player: "according to a report by Amgen", "data from IQVIA".
_CITED_BEFORE = re.compile(
    r"\b(?:according\s+to|report(?:ed)?\s+by|data\s+(?:from|by)|source:?|estimates?\s+by)"
    r"\b[^.;]{0,60}$",
    re.IGNORECASE,
)
_CITED_WINDOW_CHARS = 80


# A word that may open a firm's name: a capital's ("bioMérieux" too), with the marks names use.
_WORD = re.compile(r"(?<![\w&-])(?:[A-Z]|bio(?=M))[\w.&+-]*")

_WORD_END = "."  # "Dr.", a sentence's full stop


@cache
def _spellings() -> dict[str, list[tuple[str, int]]]:
    """Each firm's spellings by their first word, the longest first (so 'Merck KGaA' wins over
    'Merck'), with the firm they belong to. Looking up the words of a text is several times
    faster than one pattern of every spelling."""
    by_first_word: dict[str, list[tuple[str, int]]] = {}
    for firm, line in enumerate(_FIRMS.strip().splitlines()):
        for spelling in line.split("|"):
            first_word = re.split(r"[\s,]", spelling)[0].rstrip(_WORD_END)
            by_first_word.setdefault(first_word, []).append((spelling, firm))
    for spellings in by_first_word.values():
        spellings.sort(key=lambda spelling: len(spelling[0]), reverse=True)
    return by_first_word


def _named_at(text: str, start: int, spellings: list[tuple[str, int]]) -> tuple[str, int] | None:
    for spelling, firm in spellings:
        end = start + len(spelling)
        if text.startswith(spelling, start) and not _continues_word(text, end):
            return spelling, firm
    return None


def _continues_word(text: str, end: int) -> bool:
    return end < len(text) and (text[end].isalnum() or text[end] in "&-_")


def known_companies_named(texts: Iterable[str]) -> list[str]:
    """The listed firms the texts name, each once, as first written, in order of mention."""
    by_first_word = _spellings()
    named: dict[int, str] = {}
    for text in texts:
        for word in _WORD.finditer(text):
            spellings = by_first_word.get(word.group().rstrip(_WORD_END))
            if spellings is None or (found := _named_at(text, word.start(), spellings)) is None:
                continue
            window_start = max(0, word.start() - _CITED_WINDOW_CHARS)
            if _CITED_BEFORE.search(text, window_start, word.start()) is None:
                named.setdefault(found[1], found[0])
    return list(named.values())
