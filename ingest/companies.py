"""Company names: split entries that run two names together, and slug a name to its company."""

import functools
import re

from slugify import slugify

# Legal-form suffixes (SPEC §2) plus their long spellings; compared without dots or commas.
LEGAL_FORMS = frozenset(
    # "pte" and "pvt": Singapore's "Pte. Ltd." and India's "Pvt. Ltd."
    "inc incorporated corp corporation co ltd limited llc plc ag sa sl gmbh pte pvt".split()
)
# What ends a German partnership's name after "& Co.": "Fresenius SE & Co. KGaA" is one firm
# (2.4.30; not legal forms of their own, which would change the companies' slugs).
_PARTNERSHIP_TAILS = frozenset({"kgaa", "kg"})
# A comma inside parentheses parts no entries: "Becton, Dickinson and Company (CareFusion/Vyaire
# Medical, Inc.)" (2.4.30).
_ENTRY_SEPARATORS = re.compile(r"\s*[;|]\s*|\s*,\s+(?![^()]{0,80}\))")


def is_legal_form(token: str) -> bool:
    return token.strip(".,").replace(".", "").lower() in LEGAL_FORMS


def legal_form_count(text: str) -> int:
    """How many words of `text` are legal forms, at least: a comma inside a word splits it
    here, so a word 'Acme,Inc' counts where `is_legal_form` would not. One pass over the
    words, as every paragraph of a page is counted."""
    words = text.lower().replace(".", "").replace(",", " ").split()
    return sum(1 for word in words if word in LEGAL_FORMS)


def has_legal_form(name: str) -> bool:
    """'Kaiyo Therapeutics Inc.' and 'DAIICHI SANKYO COMPANY, LIMITED' carry one."""
    return any(is_legal_form(token) for token in name.split()[1:])


# "Becton, Dickinson and Company": a firm named for two partners, the comma its own.
_PARTNERS_FIRM = re.compile(r"[A-Z][\w'-]+\s+and\s+Company\b")


def _join_partners(parts: list[str]) -> list[str]:
    """['Becton', 'Dickinson and Company', …] → ['Becton, Dickinson and Company', …]."""
    joined: list[str] = []
    for part in parts:
        previous = joined[-1] if joined else ""
        if _PARTNERS_FIRM.match(part) and re.fullmatch(r"[A-Z][\w'-]+", previous):
            joined[-1] = f"{previous}, {part}"
        else:
            joined.append(part)
    return joined


def split_company_entry(entry: str) -> list[str]:
    """'Pfizer Inc Taiho Pharmaceutical Co Ltd' → ['Pfizer Inc', 'Taiho Pharmaceutical Co Ltd'].

    A new name starts after a legal-form suffix when the next word is capitalised and is not
    itself a suffix; comma-separated suffixes ('Pfizer, Inc.') stay with their name.
    """
    parts: list[str] = []
    for part in _ENTRY_SEPARATORS.split(entry.strip()):
        if not part:
            continue
        if parts and all(is_legal_form(token) for token in part.split()):
            parts[-1] = f"{parts[-1]}, {part}"
        else:
            parts.append(part)
    names: list[str] = []
    for part in _join_partners(parts):
        current: list[str] = []
        for token in part.split():
            # never inside parentheses: "Getinge AB (Maquet Holding BV & Co. KG)" (2.4.30)
            closed = "".join(current).count("(") <= "".join(current).count(")")
            starts_new_name = (
                current
                and closed
                and is_legal_form(current[-1])
                and not is_legal_form(token)
                and token.strip(".,)").lower() not in _PARTNERSHIP_TAILS
                and token[:1].isupper()
            )
            if starts_new_name:
                names.append(" ".join(current))
                current = []
            current.append(token)
        if current:
            names.append(" ".join(current))
    return names


@functools.lru_cache(maxsize=65536)  # the same names recur across thousands of reports
def company_slug(name: str) -> str:
    """The company's identity across markets: its name without trailing legal-form suffixes.
    "Johnson and Johnson" is "Johnson & Johnson" (whose "&" slugify drops), and "Eli Lilly and
    Company" and "Tallis and Co" are Eli Lilly and Tallis (2.4.31)."""
    tokens = name.replace(",", " ").split()
    while len(tokens) > 1 and is_legal_form(tokens[-1]):
        tokens.pop()
    if len(tokens) > 2 and tokens[-1].lower() == "company" and tokens[-2].lower() in _JOINERS:
        tokens = tokens[:-1]  # "… and Company"
    while len(tokens) > 1 and tokens[-1].lower() in _JOINERS:
        tokens.pop()  # "Tallis and" of "Tallis and Co"
    if len(tokens) > 2:
        tokens = [token for token in tokens if token.lower() != "and"]
    return slugify(" ".join(tokens))


# The joining word before a firm's "Company" or "Co." ("Eli Lilly and Company"; 2.4.31).
_JOINERS = frozenset({"and", "&"})


# A word that speaks of the market's players: a table's "Company Name" column, "the big six
# hearing aid manufacturers" before their ranking.
_PLAYERS_WORD = re.compile(
    r"\b(?:compan(?:y|ies)|players|manufacturers?|vendors?|suppliers?|firms|brands|makers)\b"
)


def mentions_players(text: str) -> bool:
    """Asked of every paragraph until one answers yes: a case-sensitive search of the
    lowercased text takes half the time of an IGNORECASE one."""
    return _PLAYERS_WORD.search(text.lower()) is not None


# "Key players operating in the market include A, B, and C." / "Major companies such as A
# and B" / "The leading vendors are: A, B, C".
_PLAYERS_SENTENCE = re.compile(
    r"\b(?:key|major|leading|prominent|top|notable|main|dominant|established|significant|"
    r"biggest|largest|primary|principal)\s+(?:[\w-]+\s+){0,3}?(?:players|companies|vendors|"
    r"manufacturers|makers|participants|competitors|firms|providers|suppliers|"
    r"organi[sz]ations)\b[^.;:]{0,100}?"
    # "… the five leading vendors: A, B and C"
    r"(?:\b(?:include|includes|including|are|such\s+as|like|comprise|namely)\b\s*:?|:)\s*"
    r"(?P<names>.+)$"
    # "The market includes companies such as A, B and C"
    r"|\b(?:includes?|including|comprises?)\s+(?:companies|players|vendors|manufacturers)\s+"
    r"(?:such\s+as|like)\b\s*(?P<names_such>.+)$"
    # "Companies covered: A, B" / "Key Companies Profiled A; B"
    # "The following manufacturers are covered in this report: A, B"
    r"|\b(?:players|companies|vendors|manufacturers)\s+(?:are\s+)?(?:covered|profiled)\b"
    r"(?:\s+in\s+(?:this|the)\s+(?:report|study))?\s*:?\s*,?\s*"
    r"(?P<names_covered>.+)$"
    # "Key Players: A, B, C" (a label) / "The companies operating in the X market are A and B"
    # "CAR-T Cell Therapy Companies: A (NASDAQ: GILD), B" (the market's name for a label)
    r"|^(?:key|major|leading|prominent|top)?\s*(?:[\w&-]+\s+){0,4}?(?:market\s+)?"
    r"(?:players|companies|vendors|manufacturers)\s*:\s*"
    r"(?P<names_label>.+)$"
    r"|\b(?:companies|players|vendors|manufacturers|makers)(?:\s+of\s+[^.;:]{2,60}?)?\s+"
    r"(?:operating|active|present|competing)\s+"
    r"in\b[^.;:]{0,80}?\b(?:are|include)\b\s*:?\s*(?P<names_operating>.+)$"
    # 2.4.30: "… opportunities for the market players," which include A, B, C" (a relative
    # clause about the players, after a closing quotation mark or not)
    r"|\b(?:players|companies|vendors|manufacturers|competitors)[,”\"’']{0,3}\s+(?:which|who)\s+"
    r"include\b\s*:?\s*(?=(?-i:[A-Z]))(?P<names_which>.+)$"
    # "Companies like A, B, and C are leveraging …", "… among various companies like A, B"
    # (2.4.29: "New entrants like A and B", "early pioneers like A", "industry giants such as A")
    r"|\b(?:companies|players|vendors|firms|manufacturers|providers|suppliers|competitors|"
    r"rivals|chains|giants|entrants|pioneers|incumbents|"
    r"(?:corporate|hospital|clinic|pharmacy|imaging|radiology|laboratory|"
    r"diagnostic|healthcare)\s+networks),?\s+"  # "pharmacy chains, such as A and B" (2.4.22)
    r"(?:like|such\s+as|including)\s+"
    r"(?P<names_like>.+)$"
    # "A handful of companies dominate the X market: A, B, C and D" (2.4.22)
    r"|\b(?:companies|players|firms|manufacturers)\s+(?:dominated?|lead|led)\b[^.;:]{0,80}?:\s*"
    r"(?P<names_colon>.+)$"
    # "… operated by two chains: A (based in X) and B" (2.4.29)
    r"|\b(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?:[\w-]+\s+)?"
    # (2.4.33: "controlled mostly by five big corporations: A, B, …")
    r"(?:chains|companies|players|firms|manufacturers|groups|corporations|producers|vendors)"
    r"\s*:\s*(?P<names_counted>.+)$"
    # "The likes of A, B and C were among numerous global firms that …"
    r"|\bthe\s+likes\s+of\s+(?=(?-i:[A-Z]))(?P<names_likes>[^;:]+?)\s+(?:were|are|have|has)\b"
    # "Large manufacturers include A, B and C" (not "Large companies are adopting …")
    r"|\b(?:large|big)\s+(?:[\w-]+\s+){0,2}?(?:players|companies|manufacturers|vendors)\s+"
    r"(?:include|including|such\s+as|like)\b\s*:?\s*(?P<names_large>.+)$"
    # "four multinational corporations — A, B, C, and D — along with …"
    # (2.4.29: "All the oncology giants–A, B, C and D–expect …")
    r"|\b(?:players|companies|corporations|manufacturers|producers|vendors|giants)"
    r"(?:\s+in\s+[^—–;:]{2,40}?)?\s*[—–]\s*"
    r"(?P<names_dashed>[^—–]{3,300}?)\s*[—–]"
    # "The leaders in the market are A, B and C", "Market leaders include A and B"
    r"|\bleaders(?:\s+in\s+(?:the|this)\s+(?:[\w-]+\s+){0,3}?(?:market|industry|space))?\s+"
    r"(?:are|include)\b\s*:?\s*(?=(?-i:[A-Z]))(?P<names_leaders>.+)$"
    # 2.4.31: "The companies with the biggest market share were listed as A, 44 percent; B, …"
    r"|\b(?:companies|players|firms|manufacturers|vendors)\s+with\s+the\s+"
    r"(?:biggest|largest|highest|greatest|leading)\s+(?:market\s+)?shares?\s+(?:were|are)\s+"
    r"(?:listed\s+as\s+)?(?=(?-i:[A-Z]))(?P<names_share>.+)$"
    # "The market is dominated by A, B and C" (regions too, which `_any_region` drops)
    # (2.4.30: also "The X market — currently dominated by A and B — is …")
    r"|\b(?:market|industry|landscape|space)(?:\s+(?:is|was|remains|has\s+been)\s+|"
    r"\s*[,—–]\s*(?:(?:which|that)\s+is\s+)?(?:(?:currently|now|still)\s+)?)"
    r"(?:[a-z]+ly\s+)?(?:dominated|led)\s+by\s+"
    r"(?:(?:companies|players|firms|manufacturers|vendors)\s+(?:such\s+as|like)\s+)?"
    r"(?=(?-i:[A-Z]))(?P<names_dominant>.+)$",
    re.I,
)
# "Eli Lilly and Company" is one name.
# Every players sentence has one of these words.
_PLAYER_WORDS = (
    "players", "compan", "vendors", "manufacturers", "participants", "competitors", "firms",
    "corporations", "producers", "providers", "suppliers", "organi", "leaders", "dominate",
    "makers", "led by", "chains", "networks", "giants", "entrants", "pioneers", "incumbents",
)  # fmt: skip
# "A, B and C are the top three players …" / "A and B are some of the key companies …"
_PLAYERS_AFTER_NAMES = (
    r"\s+(?:are|were|remain|remains)\s+(?:some\s+of\s+|among\s+)?(?:the\s+)?"
    r"(?:top|leading|key|major|prominent|dominant|main|notable|largest)\s+"
    r"(?:(?!(?:markets|regions?|countries)\b)[\w-]+\s+){0,3}?"
    r"(?:players|companies|vendors|manufacturers|competitors)\b"
)
# The names opening a sentence, each with a short parenthesis or none ("Takeda (BPL)").
_OPENING_NAMES = r"(?P<names>[A-Z](?:[^;:()]|\([^()]{0,40}\)){1,300}?)"
_NAMES_THEN_PLAYERS = re.compile(_OPENING_NAMES + _PLAYERS_AFTER_NAMES)
# "A Ltd., B Inc., and C Ltd. dominate the market with …": names with legal forms only
# ("Hospitals and clinics dominate the market" names no company; 2.4.16)
_NAMES_THEN_DOMINATE = re.compile(
    _OPENING_NAMES + r"\s+(?:dominate|lead)\s+the\s+(?:[\w-]+\s+){0,3}?market\b"
)
# "…, technology giants Cerner, Epic and Allscripts remain key players": inside the sentence,
# a list of capitalised names alone (no prose before it in the list).
# ("Johnson & Johnson" is one name, 2.4.30.)
_CAPITALISED_NAME = r"[A-Z][\w&.'’-]*(?:\s+(?:&\s+)?[A-Z][\w&.'’-]*){0,3}"
# At most this many names before a list's last: a run of names is never backtracked through
# whole (unbounded, one 200 kB sentence of names took minutes, 2.4.30).
_MAX_LISTED_NAMES = 40
_NAMES_BEFORE_AND = rf"{_CAPITALISED_NAME}(?:,\s+{_CAPITALISED_NAME}){{0,{_MAX_LISTED_NAMES}}}"
_NAME_LIST = rf"{_NAMES_BEFORE_AND},?\s+(?:and|&)\s+{_CAPITALISED_NAME}"
_LISTED_NAMES_THEN_PLAYERS = re.compile(
    rf"(?P<names>{_NAME_LIST})"
    + _PLAYERS_AFTER_NAMES
    # "Pfizer, Novartis, Roche, Sanofi, MSD, and other companies have …"
    + rf"|(?P<others>{_CAPITALISED_NAME}(?:,\s+{_CAPITALISED_NAME}){{1,{_MAX_LISTED_NAMES}}}),?"
    r"\s+and\s+other\s+"
    r"(?:[\w-]+\s+)?(?:companies|players|manufacturers|vendors|firms)\b"
)
# What follows such a list; the list is looked for in the characters before it only.
_PLAYERS_AFTER_LIST = re.compile(
    _PLAYERS_AFTER_NAMES + r"|\s+and\s+other\s+(?:[\w-]+\s+)?"
    r"(?:companies|players|manufacturers|vendors|firms)\b"
)
_MAX_LIST_CHARS = 2_000
_COMMA_SPLIT = (
    # not a comma inside (short) parentheses: "Tilray (Nanaimo, BC)"
    r"\s*;\s*(?:and\s+)?|\s*,(?![^()]{0,40}\))\s*(?:and\s+|&\s+)?(?!(?:and\s+)?Company\b)"
)
_LIST_SPLIT = re.compile(_COMMA_SPLIT + r"|\s+and\s+(?=[A-Z])(?!Company\b)")
# A list whose last name follows ", and" parts at its commas only: "Johnson and Johnson,
# Bausch and Lomb, and Alcona Inc." keeps the "and" inside names (2.4.31).
_COMMA_SPLITTER = re.compile(_COMMA_SPLIT)
_OXFORD_AND = re.compile(r",\s+and\s+")
_LIST_TAIL = re.compile(
    r"\s*(?:,?\s*(?:and|&|among)\s+)?(?:others|many more|more|etc)\.?\s*$", re.I
)
# "… such as A, B, and C continue to dominate …": the last name, then the sentence goes on.
_LEADING_ADVERB = re.compile(r"^[A-Z][a-z]+ly,\s+")
# "A and B, coupled with …", "Roche Diagnostics held 14.5% …" (a list item that is a sentence)
_NAME_THEN_PROSE = re.compile(r"(?P<name>.+?)\s+(?=(?:[a-z][\w'-]*\s+)+[a-z0-9$€£])")
# "Ostrava Scientific captured 9.1% of …": a list item that states the company's share
_NAME_THEN_FIGURE = re.compile(r"(?P<name>.+?)\s+(?:[a-z][\w'-]*\s+)+[$€£\d]")
_MAX_NAME_WORDS = 8
_DOTTED_FORMS = frozenset({"inc.", "co.", "corp.", "ltd."})  # the dot is the name's, kept
RANK = re.compile(r"^(?:#?\d{1,3}[.)]?|[a-z][.)])\s+")
# "Acme Holding AG: $12.4 billion." / "Acme Holding AG – USD 12.4 billion revenue"
# "Roche Holdings– Diagnostics Division, Basel": a dash on the name's last word ends it too.
# "IQVIA, 12.4%", "Syneos Health 3.7%": a ranking's market share after the name.
_SHARE_TAIL = r",?\s+\d+(?:\.\d+)?\s?%$"
_RANKING_TAIL = re.compile(
    rf"\s*(?::|\s[–—-]\s|(?<=\w)[–—]\s|\(\s*(?:USD|US\$|\$|€|£)).*$|{_SHARE_TAIL}"
)
_SHARE_AT_END = re.compile(_SHARE_TAIL)


def without_share(line: str) -> str:
    """'IQVIA, 12.4%' → 'IQVIA': a line of a ranking by market share (asked of every
    paragraph: the regex only when the line ends in a percent sign)."""
    return _SHARE_AT_END.sub("", line) if line.endswith("%") else line


YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
# The words a name joins with ("Johnson & Johnson", "Bank of America", "Fonds de …").
_NAME_JOINERS = frozenset({"and", "&", "of", "de", "du", "la", "von", "the", "für", "-", "–"})
# "Novartis (NVS / NYSE: NVS)", "Bristol Myers Squibb (NYSE: BMY,)": a listing, not the name
_TICKER = re.compile(
    r"\s*\([^()]*\b(?:NASDAQ|NYSE|HKEX|LSE|TSX|SIX|XETRA|OTC|Euronext|SSE|SZSE|KRX|TYO|BSE|NSE|"
    r"ASX)\b[^()]*\)"
)
_SENTENCE_WORDS = frozenset(
    "is are was were has have had will would can could the market in turn which that this "
    "these with for from into by its their also".split()
)
_NOT_NAMES = frozenset(
    {"company", "company name", "companies", "key players", "name", "rank", "other", "total"}
    # a link to the rest of a list (2.4.27)
    | {
        f"{verb}more{dots}"
        for verb in ("", "read ", "see ", "view ", "show ")
        for dots in ("", "...", "…")
    }
)
# Words no company name is made of: list headings and page chrome under a key-players heading,
# and a profile's fact labels ("Establishment year: 1983", "Market Capitalization: Rs 4.6
# lakh crore", 2.4.24).
_NOT_NAME_WORDS = frozenset(
    "players companies vendors others key audience investors authors author loading like "
    "announcement benefits stakeholders leaders segments share following these those they "
    "there here which establishment founded capitalization capitalisation headquarters "
    "headquartered employees ceo".split()
)
# Inside a list of names, one that ends in its own "Companies" ("A, Bausch Health Companies,
# C"); never after words that describe companies ("Top Pharma Companies").
_OWN_COMPANIES_WORD = re.compile(
    r"(?!(?:Top|Leading|Key|Major|Main|Prominent|Notable|Largest|Biggest|Other|Global|Local|"
    r"Emerging|Several|Many|Some|These|Those)\b)[A-Z][\w&'-]*\s+[A-Z][\w&'-]*\s+Companies"
)
# "the Japanese groups Fanuc", "the National Medical Products Administration": a description
# or a public body, not a company's name
_DETERMINERS = frozenset(
    "the a an its their our other several many various some it this that we".split()
)
# "(U.S.)", "(Japan)", "(the US)": where a list says a company is based, not part of its name;
# nor is its ticker ("($MRK)", "(NYSE: AZN)") or its rank ("(U.K., 4th)", 2.4.29).
_RANK_NOTE = r"\d{1,3}(?:st|nd|rd|th)"
TRAILING_PLACE = re.compile(
    r"\s*\((?:(?:the\s+)?[A-Z][\w.]*\.?(?:,?\s+(?:&\s+)?[A-Z][\w.]*){0,3}"
    rf"(?:,\s*{_RANK_NOTE})?|{_RANK_NOTE}|\$[A-Z.]{{1,8}}|[A-Z]{{2,8}}\s*:\s*[A-Z.]{{1,8}})\)"
    r"\s*$"
)


# "Figure 8: Trends …", "Source: Created by JETRO", "Table 2": a caption, not a name
# ("Source BioScience" is one).
_CAPTION = re.compile(
    r"^(?:figure|fig\.|table|chart|exhibit|source|note)(?:\s*\d+\w?)?(?:\s*[:.]|$)", re.I
)


def looks_like_company(name: str) -> bool:
    words = name.split()
    if not 0 < len(words) <= _MAX_NAME_WORDS or not name[:1].isalnum() or _CAPTION.match(name):
        return False
    if any(YEAR.fullmatch(word.strip(",.:")) for word in words):
        return False  # "2020 Revenue": a column's heading; "In April 2019": a sentence's date
    # a capital somewhere: "bioMérieux", "iRhythm" open with a small letter
    if name.lower() in _NOT_NAMES or not any(char.isupper() for char in name):
        return False
    lowered = [word.lower().strip(",.:") for word in words]
    alone = len(lowered) == 1 and lowered[0] in _DETERMINERS  # "The", cut from a sentence
    not_names = _NOT_NAME_WORDS & set(lowered)
    # "Companies" with the firm's legal form is its own word: "Cooper Companies, Inc." (2.4.30)
    if not_names == {"companies"} and lowered[0] != "companies" and is_legal_form(words[-1]):
        not_names = frozenset()
    if words[0] in _DETERMINERS or alone or not_names:
        return False
    return not (len(words) > 2 and sum(word in _SENTENCE_WORDS for word in lowered) >= 2)


def is_name_word(word: str) -> bool:
    """A word of a name: capitalised somewhere ("bioMérieux"), a number, a joining word or a
    legal form; a word of a sentence is none of these."""
    upper_or_digit = any(char.isupper() or char.isdigit() for char in word)
    return upper_or_digit or word in _NAME_JOINERS or is_legal_form(word)


def company_from_line(line: str) -> str | None:
    """The company an entry of a key-players list names: a plain name, a ranking line's name,
    a table row's first cell; None for prose."""
    name = line.split(" | ", 1)[0].strip()
    name = _drop_full_stop(_RANKING_TAIL.sub("", RANK.sub("", name)).strip())
    name = TRAILING_PLACE.sub("", name)
    if stated := _NAME_THEN_FIGURE.match(name):
        name = stated["name"]
    return name if looks_like_company(name) else None


def _drop_full_stop(text: str) -> str:
    """A sentence's final full stop goes; the one of 'Inc.' stays."""
    words = text.rsplit(maxsplit=1)
    last = words[-1] if words else ""
    abbreviated = "." in last[:-1] and not last.endswith(").")  # "U.S." keeps, "(U.S.)." not
    if text.endswith(".") and last.lower() not in _DOTTED_FORMS and not abbreviated:
        return text[:-1].rstrip()
    return text


_TOLD_OF_HARM = re.compile(
    r"\b(?:breach(?:es|ed)?|hack(?:s|ed)?|attack(?:s|ed)?|suffered|victims?|fined|sued|"
    r"lawsuits?|outages?|leak(?:s|ed)?)\b",
    re.I,
)
_MAX_LISTS_PER_SENTENCE = 2
# "A, 44 percent; B, 22 percent", "A (31%), B (20%)": a ranking's shares (2.4.31)
_SHARE_FIGURE = re.compile(
    r"\s*\(\s*\d+(?:\.\d+)?\s*(?:%|percent|per\s+cent)\s*\)"
    r"|,?\s*\d+(?:\.\d+)?\s*(?:%|percent\b|per\s+cent\b)"
)
_NAME_GROUPS = (
    "names", "names_such", "names_covered", "names_label", "names_operating", "names_like",
    "names_dashed", "names_large", "names_leaders", "names_dominant", "names_likes",
    "names_colon", "names_counted", "names_which", "names_share",
)  # fmt: skip


def _names_then_players(sentence: str) -> re.Match[str] | None:
    """A list of names alone followed by its players words, looked for only in the words
    before each place a sentence says "are the key players" or "and other companies"."""
    for said in _PLAYERS_AFTER_LIST.finditer(sentence):
        before = sentence[max(0, said.start() - _MAX_LIST_CHARS) : said.end()]
        if match := _LISTED_NAMES_THEN_PLAYERS.search(before):
            return match
    return None


def companies_in_sentence(sentence: str) -> list[str]:
    """The names a 'key players include A, B, and C' sentence lists; [] for other sentences."""
    lowered = sentence.lower()
    if not any(word in lowered for word in _PLAYER_WORDS):
        return []  # the cheap test first: most sentences name no players
    names: list[str] = []
    start = 0
    # Each list the sentence gives: "… key players, namely A and B, although new players such
    # as C and D …" (the next list is looked for inside the previous one's tail); two at
    # most, since each reads the rest of the sentence.
    for _ in range(_MAX_LISTS_PER_SENTENCE):
        if not (match := _PLAYERS_SENTENCE.search(sentence, start)):
            break
        group = next(group for group in _NAME_GROUPS if match[group])
        if group != "names_like" or _names_players_like(sentence, match[group]):
            text = match[group]
            if group == "names_dominant":  # "— dominated by A and B — is now set to …"
                text = ASIDE_DASH.split(text, maxsplit=1)[0]
            if group == "names_share":  # "A, 44 percent; B, 22 percent": the names alone
                text = _SHARE_FIGURE.sub("", text)
            listed = _names_listed(text)
            # "… dominated by North America and Europe": regions, also named with others
            if group != "names_dominant" or not _any_region(listed):
                names += listed
        start = match.start(group)
    # "A, B and C are the leading players": opening the sentence, else a list of names alone
    if not names and (match := _NAMES_THEN_PLAYERS.match(sentence)):
        names = _names_listed(match["names"])
    if not names and (match := _names_then_players(sentence)):
        names = _names_listed(match["names"] or match["others"] or "")
    if not names and (match := _NAMES_THEN_DOMINATE.match(sentence)):
        listed = _names_listed(match["names"])
        names = listed if listed and all(map(has_legal_form, listed)) else []
    return names


# "The top 10 U.S. medtech companies account for over two-thirds of the market. These include
# A, B and C.": the players, then a sentence of their own that lists them.
_PLAYERS_THEN_SENTENCE = re.compile(
    r"\b(?:key|major|leading|prominent|top|dominant|biggest|largest|principal|large|"
    r"multinational|established|notable)\s+"
    r"(?:[\w.-]+\s+){0,3}?(?:players|companies|vendors|manufacturers|makers|firms|suppliers)\b",
    re.IGNORECASE,
)
# (2.4.29: "… dominated by large international manufacturers. Twelve of them: A, B, … and L
# accounted for 79% of sales.")
_THESE_INCLUDE = re.compile(
    r"^(?:(?:These|They|Those)\s+(?:include|are)\b\s*:?|(?:[A-Z][a-z]+|\d{1,2})\s+of\s+them\s*:)"
    r"\s*(?P<names>.+)$"
)


def companies_after_lead(previous: str, sentence: str) -> list[str]:
    """The names a sentence 'These include A, B and C' lists, when the sentence before it
    spoke of the leading players; [] otherwise."""
    listed = _THESE_INCLUDE.match(sentence)
    if listed is None or not _PLAYERS_THEN_SENTENCE.search(previous):
        return []
    return _names_listed(listed["names"])


# "… leadership rests with A, B, and C, whose …", "Second-tier innovators—D, E and F—are …":
# three capitalised names or more listed in a players section's sentence (2.4.30).
_NAME_RUN = re.compile(_NAME_LIST)
_MIN_RUN_NAMES = 3


def names_in_runs(sentence: str) -> list[str]:
    """The names of every list of three or more capitalised names in a sentence (not
    regions); none in a 'sentence' longer than any prose's."""
    if len(sentence) > _MAX_LIST_CHARS:
        return []
    names: list[str] = []
    for run in _NAME_RUN.finditer(sentence):
        listed = companies_in_list(run[0])
        if len(listed) >= _MIN_RUN_NAMES and not _any_region(listed):
            names += listed
    return names


def _any_region(names: list[str]) -> bool:
    # Imported here: the API imports this module for slugs, and pycountry is the parser's.
    from ingest.regions import mentions_other_region

    return any(mentions_other_region(name, None) for name in names)


def _names_players_like(sentence: str, listed: str) -> bool:
    """Whether "companies like A, B" names the market's players: not "players like well-known
    FMCG companies" (a kind of company), nor "breaches suffered by companies like A, B" (the
    victims a cybersecurity page cites)."""
    return listed[:1].isupper() and not _TOLD_OF_HARM.search(sentence)


def _names_listed(listed: str) -> list[str]:
    """The names a players sentence lists; none when one is a region ("key vendors' focus on
    emerging markets, namely, Asia-Pacific and LAMEA")."""
    from ingest.regions import region_names  # the parser's (see _any_region)

    # "Currently, J&J and BMS are key players": the adverb is no name.
    names = companies_in_list(_LEADING_ADVERB.sub("", listed))
    return [] if any(name.lower() in region_names() for name in names) else names


# The dash that closes an aside ("… — currently dominated by A and B — is …", "—which includes
# A, B and C—is …"), and the list inside it (2.4.30): an em dash, or a spaced en dash.
ASIDE_DASH = re.compile(r"\s*—\s*|\s+–\s+")
# "DaVita Incorporated (based in Colorado) and Fresenius (a subsidiary of a German company)":
# a note in small letters about the company, no part of its name (2.4.29)
_DESCRIBING_NOTE = re.compile(r"\s*\((?=[a-z])(?!(?:the|a|an)\s*\))[^()]{2,80}\)")


# "A, B, and the Serum Institute of India": the article of a later name is no part of it
# (2.4.31)
_THE_BEFORE_NAME = re.compile(r"^the\s+(?=[A-Z])")


def companies_in_list(listed: str) -> list[str]:
    """'Accuray Incorporated, Varian Medical Systems, Inc., Elekta AB' → three names; [] when
    a part reads as prose (see `_listed_names`)."""
    listed = _TICKER.sub("", _LIST_TAIL.sub("", _drop_full_stop(listed.strip())))
    listed = _DESCRIBING_NOTE.sub("", listed)
    # An Oxford list's "and" inside a name stays ("Bausch and Lomb, and Alcona Inc."), unless
    # its first part is then prose: "Moderna and Pfizer are leading …, and global expansion"
    if _OXFORD_AND.search(listed) and (names := _listed_names(_entries(listed, _COMMA_SPLITTER))):
        return names
    return _listed_names(_entries(listed, _LIST_SPLIT))


def _entries(listed: str, splitter: re.Pattern[str]) -> list[str]:
    parts: list[str] = []
    for part in splitter.split(listed):
        # "Quest Diagnostics., BioMerieux": a stray full stop is no part of a name
        part = part.strip()
        part = _THE_BEFORE_NAME.sub("", part) if parts else part  # "such as the X Agency": none
        part = _drop_full_stop(TRAILING_PLACE.sub("", part))
        if part and all(is_legal_form(token) for token in part.split()):
            if parts:  # "Merck & Co., Inc."; first, the tail of a name cut off before the list
                parts[-1] = f"{parts[-1]}, {part}"
        elif part:
            parts.append(part)
    return _join_partners(parts)


def _listed_names(parts: list[str]) -> list[str]:
    """The names of a list, up to where the sentence goes on as prose ("A and B, coupled with
    the emergence of …", "A, B and C continue to …"); [] unless every part before that is a
    name, and a list cut short still holds two."""
    names: list[str] = []
    for part in parts:
        head = _NAME_THEN_PROSE.match(part)
        rest = part[head.end() :].split() if head else []
        if head and not any(map(is_legal_form, rest)):  # "… bio, Inc." is still a name
            if not looks_like_company(head["name"]):
                break
            names.append(_drop_full_stop(head["name"]))  # the last name, then the sentence goes on
            return names if part is parts[-1] or len(names) >= 2 else []
        if not (looks_like_company(part) or (names and _OWN_COMPANIES_WORD.fullmatch(part))):
            break
        names.append(part)
    else:
        return names
    return names if len(names) >= 2 else []
