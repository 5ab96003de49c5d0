"""Read a market's dated values and stated CAGR from the sentences that state them.

Every search is bounded: an amount's year is looked for between it and its neighbours, a CAGR's
percent and period within a fixed window, so a paragraph of thousands of amounts parses in
linear time.
"""

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property

from ingest.currency import (
    CURRENCY_HINT,
    amount_pattern,
    currency_of,
    number_value,
    unit_multiplier,
)
from ingest.publisher import DATELINE_LEAD, FILED_DATELINE
from ingest.regions import WHOLE_WORLD_WORD, mentions_other_region, one_region, regions_named

_YEAR = r"(?:19|20)\d{2}"
# "2024", "FY2024", "FY24" (a fiscal year in two digits: 2024), "CY21" (a calendar year).
# An analyst's estimate or forecast year: "2024E", "2030e", "2025F".
_ESTIMATE = r"(?:[EeFfPp](?![A-Za-z]))?"
_FY_YEAR = rf"(?:[FC]Y\s?(?P<fy>\d{{2}})(?!\d)|(?:[FC]Y\s?)?(?P<year>{_YEAR}){_ESTIMATE})"
_FISCAL = r"(?:fiscal\s+(?:year\s+)?)?"
_MONEY = re.compile(amount_pattern(), re.IGNORECASE)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+"
)
# The year after an amount: "in 2022", "by 2030", "till 2026", "by the end of 2031", "(2023)",
# "as of March 2024".
_YEAR_AFTER = re.compile(
    # (2.4.30: French and German "en 2024", "d'ici 2032", "bis 2028")
    # (2.4.31: German "im Jahr 2009")
    # (2.4.32: Spanish, Italian and Portuguese "para 2030", "hasta 2030", "nel 2021", "entro il
    # 2028", "em 2018", "até 2025")
    rf"[^.;,]{{0,40}}?\b(?P<prep>in|by|for|of|through|till|until|during|as\s+of|en|d['’]ici|"
    rf"bis|im\s+jahre?|para|hasta|nel|entro\s+il|em|até)\s+(?:the\s+)?"
    rf"(?:end\s+of\s+(?:the\s+)?|(?:base\s+)?year\s+|{_MONTH})?(?:year\s+)?{_FISCAL}{_FY_YEAR}\b"
    # 2.4.33: "by 2019-2020", "by 2025-26": a fiscal year's range, whose end a deadline means
    rf"(?:[-–](?P<range_end>(?:19|20)?\d{{2}})\b)?"
    rf"|\s*\(\s*(?:[FC]Y\s?)?(?P<paren_year>{_YEAR})\s*\)",
    re.IGNORECASE,
)
# The year before an amount, in its own clause: "In 2023, the market was worth …",
# "By 2031, it will reach …", a label "Market Size in 2024: …" or "2033 Market Size: …".
_YEAR_BEFORE = re.compile(
    rf"\b(?P<prep>in|by|for|as\s+of|en|d['’]ici|bis|im\s+jahre?)\s+(?:the\s+year\s+|{_MONTH})?"
    rf"{_FISCAL}"
    rf"{_FY_YEAR}\b"
    rf"|(?:^|[\s(])(?:[FC]Y\s?)?(?P<label_year>{_YEAR}){_ESTIMATE}\b[^\d.;:]{{0,40}}:"
    # German puts a bare year before the amount: "belief sich 2023 auf rund 59,8 Milliarden
    # Euro", "rechnet 2024 mit einem Umsatz von …" (2.4.32)
    rf"|\b(?P<german_year>{_YEAR})\s+(?=(?:auf|mit|ein|eine[mn]?|über|um)\s)",
    re.IGNORECASE,
)
# A year that labels the amount right after it: "Market Size in 2023 US$ 1.84 Billion",
# "2024 | USD 3.12 Billion", "from 2024 (1.29 billion USD)", "2023's USD 4.3 billion",
# "a 2016 valuation of USD 15.2 billion", "a 2024 market size of approximately $500 billion",
# "the 2022 U.S. market of $11.3 billion", "Market Size (2022) | USD 4,522.30 Billion",
# "a CY21 market size of $4.1B".
_YEAR_RIGHT_BEFORE = re.compile(
    # (2.4.32: "Market Size (2026 Est.) | $7.8 Billion")
    rf"(?:^|[\s(|])(?:(?P<prep>in|by|for|till|through)\s+)?{_FY_YEAR}"
    r"(?:\s+(?:est(?:imated?)?|proj(?:ected)?|forecast)\.?)?\)?"
    r"(?:['’]s|\s+(?:U\.?S\.?\s+|global\s+)?(?:market\s+)?"
    r"(?:size|valuation|value|estimate|revenue|market)\s+of"
    r"(?:\s+(?:approximately|about|around|nearly|roughly|some|over))?)?\s*[|:(]?\s*$",
    re.IGNORECASE,
)
_BY_YEAR = frozenset(
    {"by", "through", "till", "until", "d'ici", "d’ici", "bis", "para", "hasta", "entro il", "até"}
)
# "from USD 465.2 million in 2016 to 847.8 million by 2022": the second amount, after "to", in
# the first one's currency (with a scale word: "to 2022" or "to 8%" is none).
_BARE = r"(?P<number>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>trillion|billion|million|tn|bn|mn)\b"
_BARE_SECOND = re.compile(rf"(?:\s+(?:in|for)\s+{_FY_YEAR})?,?\s+to\s+{_BARE}", re.IGNORECASE)
_BARE_AMOUNT = re.compile(_BARE, re.IGNORECASE)
# "… to grow to $7.8 billion by 2018, having been valued at 4.7 billion globally in 2011"
_BARE_VALUED = re.compile(
    rf"\b(?:valued|worth)\s+(?:at\s+)?(?:(?:around|about|approximately|nearly)\s+)?{_BARE}",
    re.IGNORECASE,
)
# "For 2016, the total market value of medical devices, including small devices, capital
# equipment, diagnostics and consumables, is estimated around €9.1 bn": the year that opens
# the sentence dates its first amount, however long the subject between them.
_OPENING_YEAR = re.compile(
    rf"^\s*(?P<prep>in|by|for|as\s+of)\s+{_FISCAL}{_FY_YEAR}\s*,", re.IGNORECASE
)
# "… worth €203.4 billion this year": a year only the page's own date says.
_RELATIVE_YEAR = re.compile(r"\s+(?:in\s+)?(?P<which>this|last|next)\s+year\b", re.I)
_YEARS_FROM_THIS = {"this": 0, "last": -1, "next": 1}
_FORECAST_VERB = re.compile(
    # "has hit $100 billion" is the present's value, "will hit" a forecast (the modal's), and
    # so is "hit $107 billion in 2015" (2.4.33: only "to hit" forecasts by itself)
    r"\b(?:reach|reaching|reached\s+by|surpass|exceed|cross|to\s+hit|"
    # "is estimated to grow 11-13 per cent to Rs 1.2 tn in FY2026"
    r"touch|to\s+grow\b|to\s+top|"
    r"predicts?|expects?|"
    r"forecast|projected|expected|anticipated|predicted|poised|set\s+to|will|would|could|"
    r"likely|projection)\b",  # 2.4.33: "Market projection for 2028 is around €7.7bn"
    re.IGNORECASE,
)
# "grew at 12% in 2023 to reach USD 3.4 billion": reached, in the past, unless a future follows
# the past verb ("grew 8% in 2023 and is expected to reach …").
_PAST_GROWTH = re.compile(
    r"\b(?:grew|rose|increased|jumped|climbed|surged|expanded|soared|"
    r"(?:has|have)\s+(?:grown|risen|increased|expanded|declined|fallen|decreased))\b"
    r"(?P<after>.*)$",
    re.IGNORECASE,
)
# A value the market had by a year, not one forecast for it (2.4.31).
_PAST_STATE = re.compile(
    r"\b(?:was|were|had\s+(?:reached|grown|risen|become))\b"
    r"(?!.*\b(?:expected|projected|forecast|anticipated|predicted|estimated\s+to|set|poised|likely)\b)",
    re.IGNORECASE,
)
_FUTURE = re.compile(
    r"\b(?:will|expected|projected|forecast|anticipated|predicted|poised|set\s+to|likely|could|"
    r"would)\b",
    re.IGNORECASE,
)
# A clause about a part of the market, not the whole: a segment, a share, the fastest grower.
_PART_MARKER = re.compile(
    r"\bsub-?segments?\b|\bsegments?\b|\bfastest\b|\bhighest\b|\bsub-?markets?\b|"
    # (2.4.31: not "The Global X Market Share was $40,080 million", a size by another word)
    r"\bshare\b(?!\s+(?:was|is|stood|reached)\s+(?:at\s+)?(?:(?:about|around|approximately|nearly|"
    r"over)\s+)?(?:[$€£¥₹]|USD|US\$|EUR\b|GBP\b|INR\b|$))|"
    # "the country's market" is the market itself
    # (2.4.27: "the region's market" too)
    # (2.4.30: "the X market, dominated by A and B, is …" is the whole market, dominated)
    r"\bregions?\b(?!['’]s\s)|\bcountr(?:y|ies)\b(?!['’]s\s)|\bcategor(?:y|ies)\b|"
    r"\bdominat\w*\b(?!\s+by\b)",
    re.IGNORECASE,
)
_IN_THE_COUNTRY = re.compile(r"\bin\s+the\s+country\b", re.IGNORECASE)
# "the Alzheimer's disease market in these countries" after the report's "eight major
# markets": the scope the page stated, no part of it (2.4.31)
_IN_THESE_COUNTRIES = re.compile(
    r"\b(?:in\s+)?(?:these|those|all|the\s+(?:\w+\s+)?(?:major|key|leading))\s+"
    r"(?:countries|markets|regions|nations)\b",
    re.IGNORECASE,
)
_CAGR_KEYWORD = re.compile(
    # The lookahead on the first letter spares the alternation every other word's start.
    r"\b(?=[cagopeftCAGOPEFT]|[dD]urch|[jJ]ähr)(?:CAGR\b|compound(?:ed)?\s+annual(?:\s+growth)?(?:\s+rate)?"
    # "24% Compound Annual Growth Rate (CAGR) from 2023 to 2032": the abbreviation is the same
    # keyword, not a second CAGR between the percent and its period
    r"(?:\s*\(CAGR\))?"
    # 2.4.30: French, "taux de croissance annuel composé de 5,2 %", "un TCAC de 6 %"
    r"|taux\s+de\s+croissance\s+annuel(?:le)?\s+(?:moyen\s+)?compos[ée]e?|TCAC\b"
    # 2.4.32: German, "einer durchschnittlichen jährlichen Wachstumsrate von 5,9 Prozent",
    # "ein jährliches Wachstum von durchschnittlich 6,4 Prozent"
    r"|(?:durchschnittliche[nrs]?\s+)?jährliche[nrs]?\s+Wachstum(?:srate)?"
    # 2.4.33: Spanish, Italian and Portuguese, "una tasa compuesta anual de 6.99%", "tasa de
    # crecimiento anual compuesta", "tasso annuo composto", "taxa de crescimento anual composta"
    r"|tasa\s+(?:de\s+crecimiento\s+)?(?:compuesta\s+anual|anual\s+(?:compuesta|acumulativa))"
    r"|tasso\s+(?:di\s+crescita\s+)?annuo\s+composto|taxa\s+(?:de\s+crescimento\s+)?anual\s+composta"
    r"|annuali[sz]ed\s+(?:growth\s+)?rate|average\s+annual\s+(?:growth(?:\s+rate)?|rate)"
    r"|annual\s+growth\s+rate|average\s+annual\s+expansion|AAGR\b"
    # "this indicates an annual growth of 8.4%" (2.4.32)
    r"|annual\s+growth(?=\s+of\s+(?:about\s+|around\s+|nearly\s+)?\d)"
    # "an annual compound growth rate of 25%" (2.4.17)
    r"|annual\s+compound(?:ed)?\s+growth(?:\s+rate)?"
    # "Market Growth Rate (2025-2033) | 8.47%": a growth rate over a stated period
    r"|growth\s+rate(?=\s*\(\s*(?:[FC]Y\s?)?(?:19|20)\d{2}\s*[-–])"
    # "expected to grow at a rate of 6.5% during the forecast period of 2022-2030", "a growth
    # rate of 5.5% from 2024 to 2030": a CAGR only with the period stated (see _parse_cagr)
    r"|(?P<rate_of>(?:grow(?:s|ing)?\s+at\s+an?\s+(?:\w+\s+)?rate|growth\s+rate)\s+of\b)"
    # "6.2% annually", "9.8 percent on average annually", "5.8% a year", "4% per annum", "20%
    # every year": only with the percent before it
    r"|(?P<annually>(?:on\s+average\s+)?(?:annually|(?:a|per)\s+year(?!\s+(?:ago|earlier|before))"
    r"|per\s+annum|annual\s+growth|(?:every|each)\s+year"
    # 2.4.32: "5,7% por ano", "6% all'anno", "6,4 Prozent pro Jahr"
    r"|por\s+a[ñn]o|(?:all['’])?anno|pro\s+jahr|par\s+an)\b)"
    # "growing at 27.5% for the next five years": a yearly rate only after "at" (see _parse_cagr;
    # "grow 30% over the next five years" is the whole period's growth)
    r"|(?P<next_years>(?:for|over)\s+(?:the\s+)?next\s+(?:\w+|\d+)\s+years\b))",
    re.IGNORECASE,
)
# Whole percents written as words: "to grow more than nine percent annually" (2.4.31).
_PERCENT_WORDS = {
    word: str(value)
    for value, word in enumerate(
        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split(),
        start=1,
    )
}
# A declining market's CAGR carries a minus (ASCII, the minus sign, or a typeset en dash) set
# against the number; after a digit, a dash is a range ("5-6% CAGR" is 6).
# ("7.2.%": a page's stray full stop before the sign)
# A sign, not the dash of a range: "a CAGR of -2.1%", but "17 – 19 %" is 19 (the upper figure).
_PERCENT = (
    # (a decimal comma too: "a CAGR of 15,4%", 2.4.19)
    r"(?P<percent>(?:(?<![\d.%])(?<![\d.%]\s)[-−–]\s?)?\d+(?:\.\d+|,\d{1,2}(?!\d))?"
    rf"|\b(?:{'|'.join(_PERCENT_WORDS)})(?=\s+per))\.?\s*"
    r"(?:%|percent\b|per\s*cent\b|prozent\b)"  # (2.4.32: German "5,9 Prozent")
)
# A decimal point is no sentence end: "CAGR of 5.5-6%".
_PERCENT_AFTER = re.compile(rf"(?:[^.;]|\.(?=\d)){{0,80}}?{_PERCENT}", re.IGNORECASE)
# "5.5%–6%": a range, whose upper figure is the CAGR read.
_RANGE_UPPER = re.compile(r"\s*[-–—]\s*(?P<upper>\d+(?:\.\d+)?)\s*%")
# The lower figure before a range's upper one: "5-", "21 – ", "15 to " (the upper's own sign
# is no dash: "after a digit, a dash is a range").
_RANGE_START_CHARS = 20
_RANGE_START = re.compile(r"(?<![\d.,])\d{1,2}(?:[.,]\d+)?\s*%?\s*(?:[-–—]|to)\s*$")
# one word between: "an 11.5% annual CAGR", "a 9.7% five-year CAGR" (2.4.33: a hyphenated word)
_PERCENT_BEFORE = re.compile(rf"{_PERCENT}\s*(?:[\w-]+\s+)?$", re.IGNORECASE)
_PERIOD = re.compile(
    rf"(?:[FC]Y\s?)?(?P<start>{_YEAR}){_ESTIMATE}\s*(?:-|–|—|to|through|and|until|till"
    # 2.4.33: "entre 2024 y 2030", "tra il 2024 e il 2030", "de 2024 a 2030"
    r"|(?:y|e|a)(?:\s+(?:il|el|o))?)\s*"
    rf"(?:[FC]Y\s?)?(?P<end>{_YEAR}){_ESTIMATE}\b"
    # "during 2022-30": the end year in two digits (not a range of percents or amounts)
    rf"|\b(?P<short_start>{_YEAR})\s*[-–—]\s*(?P<short_end>\d{{2}})\b(?![%.,]?\d|\s*(?:%|percent))"
    # "through 2031", "a CAGR of 24.1% by 2023", "during the forecast period 2031" (an end year
    # alone, not a range's start)
    rf"|\b(?:through|till|until|to|by|forecast\s+period"
    r"|hasta|até|entro\s+il|fino\s+al)"  # 2.4.33: Spanish, Portuguese, Italian
    rf"\s+(?:the\s+year\s+)?(?:[FC]Y\s?)?"
    rf"(?P<end_only>{_YEAR})\b(?!\s*(?:-|–|—|to)\s*\d)"
    # "FY24-FY29", "between CY21-29" (calendar years, as analysts write them)
    r"|\b[FC]Y\s?(?P<fy_start>\d{2})\s*(?:-|–|—|to|and)\s*(?:[FC]Y\s?)?(?P<fy_end>\d{2})\b"
    # "… CAGR of 7.3% from 2025": the start year alone
    rf"|\bfrom\s+(?:[FC]Y\s?)?(?P<start_only>{_YEAR})\b(?!\s*(?:-|–|—|to|through|until|till)\s*\S)",
    re.IGNORECASE,
)
# "… a CAGR of 6.2% to reach $15.3 billion by 2028": the year the rate runs to, though an
# amount stands between them (the end year only: the size's year is not the rate's start)
_TO_REACH = re.compile(
    r"\s*,?\s*(?:and\s+(?:is|are)\s+(?:\w+\s+){0,2})?"
    r"to\s+(?:reach|hit|touch|cross|surpass|exceed)\s+"
    r"(?:(?:a\s+)?(?:value|valuation|size|revenue)\s+of\s+)?(?:around|about|nearly|over|almost)?\s*$",
    re.IGNORECASE,
)
_REACHED_BY = re.compile(
    rf"\s*by\s+(?:the\s+end\s+of\s+)?(?:the\s+year\s+)?(?P<year>{_YEAR})\b(?!\s*[-–—]\s*\d)"
)
_MINUS = str.maketrans("−–", "--")
_AT_RATE = re.compile(r"\bat\s+(?:a\s+(?:\w+\s+)?rate\s+of\s+)?$", re.IGNORECASE)
# A sentence that opens with its period: "During the forecast period between 2025 and 2033,",
# "Over 2024-2030,", "From 2025 to 2032,"; nothing after it up to the CAGR ends a clause.
_OPENING_PERIOD = re.compile(
    r"\s*(?:during|over|between|from|for|in)\b[^,;]{0,80}?,(?=[^;]*$)", re.I
)
# "… a CAGR of 8.9% over this period": the period the sentence has just stated.
_THIS_PERIOD = re.compile(r"\s*(?:over|during|in|for)\s+(?:this|that|the\s+same)\s+period\b", re.I)
_HISTORY_WINDOW_CHARS = 120
_ANY_YEAR = re.compile(rf"\b({_YEAR})\b")
# A CAGR of the past: "grew from … at a CAGR of 7.2%", "during the historical period".
_HISTORICAL = re.compile(
    r"\b(?:grew|has\s+grown|had\s+grown|historical|historic|history|recorded|rose|increased|"
    r"(?:has|have|had)\s+seen|saw|witnessed)\b",  # 2.4.33: "has seen a CAGR of 33% between …"
    re.I,
)
# The cheap test first: only after a full stop are the abbreviations and initials looked at
# ("U.S.", "F. Hoffmann-La Roche").
_SENTENCE_END = re.compile(
    r"(?<=[.!?])(?:(?<!\b[A-Z]\.)(?<!\bInc\.)(?<!\bCo\.)(?<!\bLtd\.)(?<!\bi\.e\.)(?<!\be\.g\.)"
    r"(?<!\bvs\.)(?<!\bDr\.)(?<!\bSt\.)(?<!\bMr\.)(?<!\bMs\.)"
    r"(?<!\bPte\.)(?<!\bPTE\.)(?<!\bPvt\.)(?<!\bPVT\.)\s+(?=[A-Z])"  # "Pte. Ltd"
    # "… and Rowan Oncology Ltd. These companies …": a name's full stop that ends a sentence
    # (2.4.31: also after "B.V.", "N.V.", "S.A.", before "Major …", "Key …", "Other …")
    r"|(?:(?<=\bInc\.)|(?<=\bLtd\.)|(?<=\bCo\.)|(?<=\b[A-Z]\.[A-Z]\.)(?<!\bU\.[SK]\.))\s+"
    r"(?=(?:The|These|This|"
    r"They|Their|It|Its|In|With|However|Moreover|Additionally|Furthermore|According|Major|Key|"
    r"Leading|Other|Some|Several|Many|Prominent)\b))"
    # '… Forecasts to 2025." According to …': a quotation that ends its sentence
    r"|(?<=[.!?][\"”’])\s+(?=[A-Z])"
)
_WINDOW_CHARS = 80
# "During the forecast period between 2024 and 2030, the India X Market size is projected to
# grow at a CAGR of 7.89%": how far before the CAGR its period may stand.
_PERIOD_BEFORE_CHARS = 90
# "By 2030, it is anticipated that the X market will reach a value of $10.6 Bn": the words
# before an amount that may hold its year or say whose it is.
_CLAUSE_BEFORE_CHARS = 120
_LABEL_CHARS = 45  # "a 2024 market size of approximately " (the year and its label)
# "CNY68.3bn ($9.4bn)", "1.2 trillion yuan (about $165 billion)": a conversion, not a figure.
_CONVERSION_OPEN = re.compile(
    r"\s*\(\s*(?:~|≈|about|around|approx\.?|approximately|roughly|nearly|almost|some|or|i\.e\.,?|"
    r"(?:close|equal|equivalent)\s+to)?\s*",
    re.I,
)
_CONVERSION_CLOSE = re.compile(r"\s*\)")
_DIGIT = re.compile(r"\d")
_SUBJECT_CHARS = 160
_SUBJECT_REGION_CHARS = 3000
_GLOBAL_MARKET = re.compile(r"\b(?:global|worldwide)\s+(?:[\w-]+\s+){0,5}?market\b", re.IGNORECASE)
_QUOTED_TEXT = re.compile(r"\"[^\"]{1,400}\"|“[^”]{1,400}”")
_AFTER_LONE_QUOTE = re.compile(r"^[^\"“”]*[\"”]")
_MAX_QUOTE_CHARS = 600
_RELATIVE_CLAUSE = re.compile(
    r"(?P<noun>[^,;]{1,60}),\s+which\s+(?:is|was|are|were|has|had|will|would)\b(?P<rest>[^,;]{0,60})$"
)
# A forecast the sentence says was replaced: "Previously, X expected the market to hit $9
# billion by 2025, but …", "up from a prior forecast of $100 billion" (2.4.30).
_SUPERSEDED = re.compile(
    r"\b(?:previously|prior\s+(?:forecast|estimate|projection)s?|earlier\s+(?:forecast|estimate)s?|"
    r"originally\s+(?:expected|forecast|projected|estimated))\b",
    re.IGNORECASE,
)
# Where a firm is based is no region of the market: "P&S Intelligence, a market research firm
# based in India, …" (2.4.30).
_FIRM_PLACE = re.compile(
    r"\b(?:based|headquartered)\s+in\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}"
)
# A reporting aside before "which" is no noun: the clause goes on about the market (2.4.30).
_REPORTING_ASIDE = re.compile(
    r"\b(?:(?:has|have|had)\s+)?(?:estimated|estimates|said|says|reported|reports|stated|states|"
    r"noted|notes|predicted|predicts|projected|projects|found|finds|forecast|forecasts)\s*$",
    re.IGNORECASE,
)
# "…, which will take the value of the market to AUD10.8bn": the relative clause moves the
# market itself to the amount (2.4.28).
_MOVES_THE_MARKET = re.compile(
    r"\b(?:take|bring|push|lift|propel|drive)s?\s+(?:the\s+)?(?:(?:total\s+)?value\s+of\s+"
    r"the\s+)?(?:market|industry|sector)\s+to\s*$",
    re.IGNORECASE,
)
# "poised to grow by USD 312.6 million during 2021-2025", "an incremental growth of $2 bn",
# "valued to increase USD 17.74 billion", "Market Opportunities: USD 220.16 million"
_INCREMENT = re.compile(
    r"\b(?:grow|increase|expand|rise|climb|accelerate)s?\s+by\s+(?:an?\s+)?(?:estimated\s+|"
    r"additional\s+|(?:more|less)\s+than\s+|over\s+|nearly\s+|almost\s+|about\s+|around\s+)?$"
    r"|\bincremental\s+(?:growth|revenue|value)\s+of\s+$|\bincrease\s+of\s+$|\ban\s+extra\s+$"
    r"|\bto\s+increase\s+$|\bopportunit(?:y|ies)\s*(?::|of|worth)\s+$",
    re.IGNORECASE,
)
# "is expected to reach a business opportunity of $45 billion in 2020": the value reached
# (2.4.31), not an incremental opportunity
_OPPORTUNITY_REACHED = re.compile(
    r"\breach(?:es|ing)?\s+(?:an?\s+)?(?:[\w-]+\s+)?opportunit(?:y|ies)\s+(?:of|worth)\s+$",
    re.IGNORECASE,
)
# "… lifting CATL's market capitalization to $186 billion", "FDI inflows … reached US$ 5.3
# billion": money that is not the market's value.
_OTHER_MONEY = re.compile(
    r"(?:\bmarket\s*cap(?:s\b|\b|itali[sz]ation)|\bFDI\b|\binflows?\b|\binvested\b"
    r"|\b(?:R&D|research\s+and\s+development)\s+(?:investments?|spending|expenditures?|budgets?)\b)"
    r"[^.;]{0,60}$"
    # 2.4.31: a leader's own sales, "… a $34bn market by 2024, led by Keytruda with $10bn"
    r"|\b(?:led|followed)\s+by\s+(?-i:[A-Z])[^.;,]{0,60}?,?\s+with\s+(?:about\s+|around\s+|nearly\s+)?$",
    re.IGNORECASE,
)
_YEAR_EARLIER = re.compile(
    r"\b(?:a|one)\s+year\s+(?:earlier|before|prior)\b|\bthe\s+(?:previous|prior|preceding)\s+year\b",
    re.IGNORECASE,
)
_SPEAKS_OF_MARKET = re.compile(
    r"\bmarket(?!\s*cap(?:s\b|\b|itali[sz]ation))|\bindustry\b|\bCAGR\b"
    # a key findings line "2023 Value: USD 105,037.8 Million"
    rf"|^\W*(?:[FC]Y\s?)?{_YEAR}\s+(?:value|valuation|size|revenue)\s*:",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Amount:
    """An amount the text states for the market, in the currency it was stated in."""

    amount: int
    currency: str
    year: int | None
    sentence: str
    looks_like_forecast: bool = False

    @property
    def usd(self) -> int | None:
        return self.amount if self.currency == "USD" else None


@dataclass(frozen=True)
class StatedCagr:
    percent: float
    start_year: int | None
    end_year: int | None
    sentence: str
    historical: bool = False  # "grew … at a CAGR of 7.2%": the past, not the forecast
    # "will grow from $100.4 billion in 2022 to $107.1 billion in 2023 at a CAGR of 6.6%": one
    # year's growth, which a press release follows with the forecast period's CAGR
    one_year: bool = False
    # "a CAGR of 5-6%", "38–39%": a range, no one rate (2.4.32); `percent` holds its upper figure
    ranged: bool = False

    def gives_way_to(self, later: "StatedCagr | None") -> bool:
        """Whether a later CAGR replaces this one: a forecast CAGR over the forecast period
        after a historical one, one year's or a range."""
        if later is None or later.historical or later.one_year or later.ranged:
            return False
        return self.historical or self.one_year or self.ranged


@dataclass(frozen=True)
class HeadlineFigures:
    amounts: tuple[Amount, ...] = ()  # the market's own amounts, in text order
    cagr: StatedCagr | None = None

    @cached_property
    def figures(self) -> list[Amount]:
        """Every dated amount, the first stated for each year, by year."""
        by_year: dict[int, Amount] = {}
        for amount in self.amounts:
            if amount.year is not None:
                by_year.setdefault(amount.year, amount)
        return [by_year[year] for year in sorted(by_year)]

    @property
    def size(self) -> Amount | None:
        return self._size_and_forecast[0]

    @property
    def forecast(self) -> Amount | None:
        return self._size_and_forecast[1]

    @cached_property
    def _size_and_forecast(self) -> tuple[Amount | None, Amount | None]:
        return _size_and_forecast(self)

    @property
    def found_any(self) -> bool:
        return bool(self.amounts or self.cagr)

    def then(self, other: "HeadlineFigures") -> "HeadlineFigures":
        """These figures followed by another text's: amounts appended, the first CAGR kept (with
        the period a later statement of the same percent gives it, when it states none)."""
        cagr, later = self.cagr or other.cagr, other.cagr
        if cagr and later and cagr.end_year is None and later.percent == cagr.percent:
            cagr = later if later.end_year is not None else cagr
        if cagr and cagr.gives_way_to(later):
            cagr = later
        return HeadlineFigures(self.amounts + other.amounts, cagr)


def _size_and_forecast(figures: HeadlineFigures) -> tuple[Amount | None, Amount | None]:
    """Size is the earliest dated value and forecast the latest; with a single dated value,
    its wording and the undated amounts beside it decide. When the dated values mix
    currencies, both come from the one most of them are stated in (the first on a tie), so
    that size and forecast stay comparable."""
    dated = figures.figures
    currencies = Counter(amount.currency for amount in dated)
    if len(currencies) > 1:
        stated = figures.amounts  # in text order: the first stated wins a tie
        main = max(currencies, key=lambda code: (currencies[code], -_first_use(stated, code)))
        dated = [amount for amount in dated if amount.currency == main]
    if len(dated) >= 2:
        return dated[0], dated[-1]
    undated = _distinct([amount for amount in figures.amounts if amount.year is None])
    if len(dated) == 1:
        only = dated[0]
        # "projected to reach €2.04 billion in 2025 and grow at a CAGR of 11.3% from 2025 to
        # 2033": the year the growth starts from is the size's, whatever the wording.
        from_its_year = figures.cagr is not None and figures.cagr.start_year == only.year
        if only.looks_like_forecast and not from_its_year:
            current = [a for a in undated if not a.looks_like_forecast]
            return (current[0] if current else None), only
        later = [a for a in undated if a.looks_like_forecast]
        return only, (later[0] if later else None)
    if not undated:
        return None, None
    if len(undated) == 1:
        only = undated[0]
        return (None, only) if only.looks_like_forecast else (only, None)
    return undated[0], undated[1]


def _distinct(amounts: list[Amount]) -> list[Amount]:
    """Each amount once: "… is now a $7.9 billion industry" said twice is one value (2.4.31)."""
    firsts = {(amount.amount, amount.currency): amount for amount in reversed(amounts)}
    return [amount for amount in amounts if firsts[amount.amount, amount.currency] is amount]


def _first_use(amounts: Sequence[Amount], currency: str) -> int:
    return next(index for index, amount in enumerate(amounts) if amount.currency == currency)


def mentions_headline_figures(text: str) -> bool:
    # Every amount and every CAGR has a digit: most paragraphs are ruled out by that alone.
    if not _DIGIT.search(text):
        return False
    states_money = CURRENCY_HINT.search(text) is not None and _MONEY.search(text) is not None
    return states_money or _CAGR_KEYWORD.search(text) is not None


def parse_headline_figures(
    text: str,
    *,
    own_region: str | None = None,
    market_sentences_only: bool = False,
    this_year: int | None = None,
) -> HeadlineFigures:
    """The market's own amounts and first stated CAGR in a text; clauses about a segment, a
    share or another region than `own_region` are left out, and with `market_sentences_only`
    every sentence that does not speak of the market. `this_year`, the page's own (from its
    date), dates "€203 billion this year" and "last year"."""
    amounts: list[Amount] = []
    cagr: StatedCagr | None = None
    for sentence in split_sentences(text):
        if not _DIGIT.search(sentence):
            continue  # no amount, no percent
        sentence = FILED_DATELINE.sub("", DATELINE_LEAD.sub("", sentence, count=1))
        if market_sentences_only and not _SPEAKS_OF_MARKET.search(sentence):
            continue
        money = list(_MONEY.finditer(sentence)) if CURRENCY_HINT.search(sentence) else []
        about = _Subject(own_region, _subject_is_a_part(sentence, money, own_region))
        sentence_cagr, masked = _parse_cagr(sentence, about=about)
        money, carried = _with_carried_currency(sentence, money)
        found = _parse_amounts(
            sentence, money, carried=carried, masked=masked, about=about, this_year=this_year
        )
        if sentence_cagr and sentence_cagr.end_year is not None:
            found = _reached_at_period_end(found, sentence_cagr.end_year)
        if sentence_cagr and sentence_cagr.start_year is None and _one_year_apart(found):
            sentence_cagr = replace(sentence_cagr, one_year=True)
        elif sentence_cagr and sentence_cagr.end_year is None and sentence_cagr.start_year:
            sentence_cagr = _ending_where_it_reaches(sentence_cagr, found)
        if cagr is None or cagr.gives_way_to(sentence_cagr):
            cagr = sentence_cagr
        if amounts and amounts[-1].year and _YEAR_EARLIER.search(sentence):
            earlier = amounts[-1].year - 1  # "In 2024, … reached $7.44 billion. A year earlier, …"
            found = [replace(a, year=earlier) if a.year is None else a for a in found]
        amounts.extend(found)
    return HeadlineFigures(tuple(amounts), cagr)


def _reached_at_period_end(amounts: list[Amount], end_year: int) -> list[Amount]:
    """'grow at a CAGR of 5.2% from 2023 to 2028, reaching $9.6 trillion by the end of the
    forecast period': the undated amount the growth reaches is the period end's."""
    return [
        replace(a, year=end_year) if a.year is None and a.looks_like_forecast else a
        for a in amounts
    ]


def _ending_where_it_reaches(cagr: StatedCagr, amounts: list[Amount]) -> StatedCagr:
    """'grow at a CAGR of 6.1% from 2021 and reach $603.5 billion in 2023': a period stated
    from its start alone ends at the year of the forecast its sentence reaches."""
    reached = [a.year for a in amounts if a.looks_like_forecast and a.year is not None]
    if len(reached) != 1 or reached[0] <= (cagr.start_year or 0):
        return cagr
    return replace(cagr, end_year=reached[0])


def _one_year_apart(amounts: list[Amount]) -> bool:
    years = sorted({amount.year for amount in amounts if amount.year is not None})
    return len(years) == 2 and years[1] - years[0] == 1


def split_sentences(text: str) -> list[str]:
    return _SENTENCE_END.split(text)


@dataclass(frozen=True)
class _Subject:
    """What a sentence is about: the market's own region, and whether its subject is a part
    (a sub-region or a segment), which every figure in it then describes unless its own clause
    returns to the whole ('… while the global market …')."""

    own_region: str | None
    part: bool

    def is_part(self, clause: str) -> bool:
        if self.part and not WHOLE_WORLD_WORD.search(clause):
            return True
        return _is_about_a_part(clause, self.own_region)


def _subject_is_a_part(sentence: str, money: list[re.Match[str]], own_region: str | None) -> bool:
    """Whether the words before the sentence's first amount or CAGR name a part."""
    return _names_a_part(_subject(sentence, money), own_region)


def _subject(sentence: str, money: list[re.Match[str]]) -> str:
    """The words before the sentence's first amount or CAGR, quoted titles left out."""
    keyword = _CAGR_KEYWORD.search(sentence)
    starts = [m.start() for m in (money[0] if money else None, keyword) if m]
    return _without_quoted(sentence[: min(starts)] if starts else "")[-_SUBJECT_CHARS:]


# "Die deutsche Medizintechnikbranche rechnet 2024 mit …", "… der Pharmamarkt in Deutschland":
# a German subject's country (the adjective in small letters, as German writes it; 2.4.32)
_GERMANY = re.compile(r"\bdeutsch(?:e[nrs]?)?\b|\bDeutschland\b")


def subject_region(text: str) -> str | None:
    """The one region the subject of a text's first figure sentence names, the whole world
    not named with it: "Japan's regenerative medicine market will grow to $10 billion by
    2030" is Japan's market. The first sentences only: a headline states its figures early."""
    for sentence in split_sentences(text[:_SUBJECT_REGION_CHARS]):
        if not _DIGIT.search(sentence):
            continue  # no amount, no percent
        # "Northbrook, IL, USA, … —", "BURNABY, British Columbia, Canada: The …"
        sentence = FILED_DATELINE.sub("", DATELINE_LEAD.sub("", sentence, count=1))
        money = list(_MONEY.finditer(sentence)) if CURRENCY_HINT.search(sentence) else []
        if not money and not _CAGR_KEYWORD.search(sentence):
            continue
        subject = _subject(sentence, money)
        named = regions_named(subject) or ({"Germany"} if _GERMANY.search(subject) else set())
        return named.pop() if len(named) == 1 and not WHOLE_WORLD_WORD.search(subject) else None
    return None


def _without_quoted(clause: str) -> str:
    """A clause without a quoted report title: '… report "X Market by Type, Region - Global
    Forecast to 2025", published by …, the global X market is projected …' is about the
    global market (2.4.14). A clause cut inside the quotes keeps what follows the closing one."""
    if '"' not in clause and "“" not in clause and "”" not in clause:
        return clause  # most clauses quote nothing
    clause = _QUOTED_TEXT.sub(" ", clause)
    return _AFTER_LONE_QUOTE.sub("", clause)


def _is_about_a_part(clause: str, own_region: str | None) -> bool:
    return _names_a_part(_without_quoted(clause), own_region)


def _names_a_part(clause: str, own_region: str | None) -> bool:
    """Whether a clause, its quoted titles already left out, speaks of a part or of another
    region."""
    # "With greater adoption in North America and Europe, the global X market was valued at …":
    # the words before the comma set a scene, the subject after it is the whole (2.4.27).
    if _GLOBAL_MARKET.search(last_clause := clause.rsplit(",", 1)[-1]):
        clause = last_clause
    if one_region(own_region):
        clause = _IN_THE_COUNTRY.sub(" ", clause)  # a country's page: its own country
    if own_region:  # "the telehealth market in the MENA region" of a MENA page (2.4.27)
        clause = re.sub(rf"\b({re.escape(own_region)})\s+regions?\b", r"\1", clause, flags=re.I)
    clause = _IN_THESE_COUNTRIES.sub(" ", _FIRM_PLACE.sub(" ", clause))
    return bool(_PART_MARKER.search(clause)) or mentions_other_region(clause, own_region)


def _parse_cagr(
    sentence: str, *, about: _Subject
) -> tuple[StatedCagr | None, tuple[int, int] | None]:
    """The first CAGR stated for the whole market, and the span it covers (keyword to period)."""
    clause_start = 0
    for keyword in _CAGR_KEYWORD.finditer(sentence):
        found = _percent_near(sentence, keyword.start(), keyword.end())
        if found is None or (
            keyword["annually"]
            and found[1] == keyword.start()
            and not _grows_annually_at(sentence, keyword)
        ):
            continue
        if keyword["next_years"] and not (
            found[1] < keyword.start() and _AT_RATE.search(sentence, 0, found[1])
        ):
            continue
        number, span_start, span_end, ranged = found
        clause = sentence[max(clause_start, span_start - _WINDOW_CHARS) : span_start]
        clause_start = span_end
        if about.is_part(clause):
            continue
        start_year, end_year, span_start, span_end = _cagr_period(
            sentence, keyword_end=keyword.end(), span=(span_start, span_end)
        )
        if start_year is None and _THIS_PERIOD.match(sentence, span_end):
            start_year, end_year = _years_stated_before(sentence[:span_start])
        yearly = "annual" in keyword[0].lower()  # "grow at an annual rate of 15%" (2.4.18)
        if keyword["rate_of"] and not yearly and (start_year is None or end_year is None):
            continue  # "grew at a rate of 12% in 2023": one year's growth, no CAGR
        number = _PERCENT_WORDS.get(number.lower(), number)
        percent = float(number.translate(_MINUS).replace(" ", "").replace(",", "."))
        quote = _quote(sentence, span_start, span_end)
        around = sentence[max(0, span_start - _HISTORY_WINDOW_CHARS) : span_end + 40]
        historical = bool(_HISTORICAL.search(around))
        cagr = StatedCagr(percent, start_year, end_year, quote, historical, ranged=ranged)
        return cagr, (span_start, span_end)
    return None, None


# "is predicted to increase annually at around 5.5%", "to grow annually by 7.2%" (2.4.14)
_GROWTH_VERB_BEFORE = re.compile(
    r"\b(?:grow|increase|rise|expand|climb|advance)(?:s|d|ed|ing)?\s+$", re.IGNORECASE
)
_AT_PERCENT_AFTER = re.compile(
    r"\s+(?:at|by)\s+(?:(?:around|about|approximately|nearly|roughly|some|over|more\s+than)\s+)?"
    r"(?=[-−–]?\d)",
    re.IGNORECASE,
)


def _grows_annually_at(sentence: str, keyword: re.Match[str]) -> bool:
    """'increase annually at around 5.5%': a yearly rate with its percent after "annually"."""
    return bool(
        keyword[0].lower() == "annually"
        and _GROWTH_VERB_BEFORE.search(sentence, max(0, keyword.start() - 20), keyword.start())
        and _AT_PERCENT_AFTER.match(sentence, keyword.end())
    )


def _years_stated_before(text: str) -> tuple[int | None, int | None]:
    """The earliest and latest years a clause states ('from USD 2.9 billion in 2023 to USD 6.8
    billion by 2033' → 2023, 2033), for a CAGR 'over this period'."""
    years = [int(year) for year in _ANY_YEAR.findall(text[-_MAX_QUOTE_CHARS:])]
    if len(set(years)) < 2:
        return None, None
    return min(years), max(years)


def _percent_near(sentence: str, start: int, end: int) -> tuple[str, int, int, bool] | None:
    """The percent beside a CAGR keyword ('an 11.5% CAGR', 'CAGR of 11.5%', 'CAGR (2025-2029)
    of 11.40%'): its number, the span from the first of the two to the last, and whether it
    ends a range ('5-6% CAGR', 'CAGR of 5.5%–6%')."""
    before = _PERCENT_BEFORE.search(sentence, max(0, start - 30), start)
    if before is not None:
        ranged = _ends_a_range(sentence, before.start())
        return before["percent"], before.start(), end, ranged
    after = _PERCENT_AFTER.match(sentence, end, end + _WINDOW_CHARS)
    if after is not None and not _MONEY.search(sentence, end, after.start("percent")):
        if upper := _RANGE_UPPER.match(sentence, after.end()):
            return upper["upper"], start, upper.end(), True
        ranged = _ends_a_range(sentence, after.start("percent"))
        return after["percent"], start, after.end(), ranged
    return None


def _ends_a_range(sentence: str, percent_start: int) -> bool:
    """Whether the percent at `percent_start` is a range's upper figure ("5-6%"); the few
    characters before it only, so that no search runs over a growing prefix."""
    return bool(
        _RANGE_START.search(sentence, max(0, percent_start - _RANGE_START_CHARS), percent_start)
    )


def _cagr_period(
    sentence: str, *, keyword_end: int, span: tuple[int, int]
) -> tuple[int | None, int | None, int, int]:
    """The CAGR's period: after its percent, else between keyword and percent, else just
    before it ('from 2025 to 2030, at a CAGR of 5%'); widens the span to cover it."""
    span_start, span_end = span
    limit = span_end + _WINDOW_CHARS
    next_amount = _MONEY.search(sentence, span_end, limit)
    after_end = next_amount.start() if next_amount else limit
    opening = _OPENING_PERIOD.match(sentence, 0, span_start)
    if opening and _MONEY.search(sentence, opening.end(), span_start):
        opening = None  # "From 2019 to 2023, the market grew from X to Y, and … a CAGR of 5%"
    candidates = (  # (start, end, whether "from YEAR" alone, whether "through YEAR" alone)
        (span_end, after_end, True, True),
        (keyword_end, span_end, False, True),  # "The estimated CAGR through 2026 is 12.3%"
        (max(0, span_start - _PERIOD_BEFORE_CHARS), span_start, False, False),
        # "During the forecast period between 2025 and 2033, the X market is projected to grow
        # at a CAGR of 9.1%": the sentence's opening clause, however far before (2.4.27)
        (0, opening.end() if opening else 0, False, False),
    )
    for window_start, window_end, start_alone, end_alone in candidates:
        for period in _PERIOD.finditer(sentence, window_start, window_end):
            if (period["start_only"] and not start_alone) or (period["end_only"] and not end_alone):
                continue
            if window_start == span_end and _crosses_clause(sentence[span_end : period.start()]):
                break
            start, end = _period_years(period)
            return start, end, min(span_start, period.start()), max(span_end, period.end())
    if (
        next_amount
        and _TO_REACH.fullmatch(sentence, span_end, next_amount.start())
        and (by_year := _REACHED_BY.match(sentence, next_amount.end()))
    ):
        return None, int(by_year["year"]), span_start, span_end
    return None, None, span_start, span_end


def _period_years(period: re.Match[str]) -> tuple[int | None, int | None]:
    if period["fy_start"]:
        return 2000 + int(period["fy_start"]), 2000 + int(period["fy_end"])
    if period["short_start"]:
        first = int(period["short_start"])
        last = first - first % 100 + int(period["short_end"])
        return (first, last) if last > first else (None, None)
    start = period["start"] or period["start_only"]
    end = period["end"] or period["end_only"]
    return (int(start) if start else None), (int(end) if end else None)


def _crosses_clause(between: str) -> bool:
    return ";" in between or bool(_CAGR_KEYWORD.search(between))


def _reads_as_forecast(wording: str, clause: str) -> bool:
    """Whether the words right before an amount forecast it, unless its clause grew to it in
    the past ("has grown at a CAGR of 1.9% over the past five years, to reach an estimated
    $137.2bn in 2024", 2.4.30: also far before the amount)."""
    if not _FORECAST_VERB.search(wording):
        return False
    past = _PAST_GROWTH.search(clause)
    return past is None or bool(_FUTURE.search(past["after"]))


def _with_carried_currency(
    sentence: str, money: list[re.Match[str]]
) -> tuple[list[re.Match[str]], dict[int, str]]:
    """The amounts, with those written without a currency ('from USD 465.2 million in 2016 to
    847.8 million by 2022', '… $7.8 billion by 2018, having been valued at 4.7 billion in
    2011'), and their currency (the first amount's) by position."""
    carried: dict[int, str] = {}
    seconds: list[re.Match[str]] = []
    starts = {match.start() for match in money}
    for match in money:
        second = _BARE_SECOND.match(sentence, match.end())
        if second is not None and second.start("number") not in starts:
            bare = _BARE_AMOUNT.match(sentence, second.start("number"))
            if bare is not None:
                seconds.append(bare)
                carried[bare.start()] = currency_of(match)
    if money:
        for valued in _BARE_VALUED.finditer(sentence):
            bare = _BARE_AMOUNT.match(sentence, valued.start("number"))
            if bare is not None and bare.start() not in starts | carried.keys():
                seconds.append(bare)
                carried[bare.start()] = currency_of(money[0])
    return sorted([*money, *seconds], key=lambda match: match.start()), carried


def _parse_amounts(
    sentence: str,
    money: list[re.Match[str]],
    *,
    carried: dict[int, str],
    masked: tuple[int, int] | None,
    about: _Subject,
    this_year: int | None,
) -> list[Amount]:
    text, matches = sentence, money
    if masked is not None:
        # The CAGR's own years ("from 2024 to 2030") must not be read as an amount's year.
        start, end = masked
        text = sentence[:start] + " " * (end - start) + sentence[end:]
        matches = [m for m in money if m.end() <= start or m.start() >= end]
    matches, read_from = _without_conversions(text, matches)
    amounts = []
    clause_start = 0  # where the current amount's clause begins: after the previous one's year
    for index, match in enumerate(matches):
        following = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        end = read_from.get(match.start(), match.end())
        before_window_start = max(clause_start, match.start() - _CLAUSE_BEFORE_CHARS)
        clause = text[before_window_start : match.start()]
        after = None
        if not _YEAR_RIGHT_BEFORE.search(clause[-_LABEL_CHARS:]):  # else the label's year
            after = _YEAR_AFTER.match(text, end, min(following, end + _WINDOW_CHARS))
        clause_start = after.end() if after else match.end()
        value = _amount_value(match)
        if value is None or about.is_part(clause) or _of_another_noun(clause):
            continue
        if _OTHER_MONEY.search(clause):
            continue  # a company's worth: "… lifting its market capitalization to $186 billion"
        if _INCREMENT.search(clause) and not _OPPORTUNITY_REACHED.search(clause):
            continue  # a change, not a value: "forecast to increase by USD 1.27 billion"
        if _SUPERSEDED.search(clause):
            continue  # "That's up from a prior forecast of $100 billion" (2.4.30)
        year, by_year = _amount_year(after, clause)
        if year is None and index == 0 and (opening := _OPENING_YEAR.match(text)):
            year, by_year = _year_of(opening), opening["prep"].lower() in _BY_YEAR
        if year is None and this_year is not None and (told := _RELATIVE_YEAR.match(text, end)):
            year = this_year + _YEARS_FROM_THIS[told["which"].lower()]
        # "By 2023, the market was worth around $50 billion": what it had come to by then
        was_by_then = by_year and _PAST_STATE.search(clause) is not None
        forecast_wording = (by_year and not was_by_then) or _reads_as_forecast(clause[-60:], clause)
        quote = _quote(sentence, match.start(), match.end())
        currency = carried[match.start()] if match.start() in carried else currency_of(match)
        amounts.append(Amount(value, currency, year, quote, forecast_wording))
    return amounts


def _without_conversions(
    text: str, matches: list[re.Match[str]]
) -> tuple[list[re.Match[str]], dict[int, int]]:
    """Amounts without their conversions in parentheses ('CNY68.3bn ($9.4bn) in 2023', 'Rs.
    1.9 trillion (US$ 22.8 billion)'), and where each amount's year is to be looked for: after
    the conversion that follows it."""
    kept: list[re.Match[str]] = []
    read_from: dict[int, int] = {}
    for match in matches:
        if kept and _CONVERSION_OPEN.fullmatch(text, kept[-1].end(), match.start()):
            close = _CONVERSION_CLOSE.match(text, match.end())
            if close is not None:
                read_from[kept[-1].start()] = close.end()
                continue
        kept.append(match)
    return kept, read_from


def _of_another_noun(clause: str) -> bool:
    """'… and cancer immunotherapy, which is estimated to reach USD 277.4 billion': a relative
    clause gives the amount to the noun before it, which is not the market."""
    relative = _RELATIVE_CLAUSE.search(clause)
    if relative is None or _MOVES_THE_MARKET.search(relative["rest"]):
        return False
    if _REPORTING_ASIDE.search(relative["noun"]):
        return False  # "… $320M in 2022, DeciBio has estimated, which will grow to …"
    return not _SPEAKS_OF_MARKET.search(relative["noun"])


def _quote(sentence: str, start: int, end: int) -> str:
    """The sentence a figure was read from, or the words around it when the 'sentence' is a
    run-on paragraph: provenance stays readable and every figure row stays small."""
    if len(sentence) <= _MAX_QUOTE_CHARS:
        return sentence
    margin = (_MAX_QUOTE_CHARS - (end - start)) // 2
    left, right = max(0, start - margin), min(len(sentence), end + margin)
    cut_right = "…" if right < len(sentence) else ""
    return ("…" if left else "") + sentence[left:right] + cut_right


def _amount_year(after: re.Match[str] | None, clause: str) -> tuple[int | None, bool]:
    """The amount's year, and whether it was stated as a deadline ('by 2030')."""
    if after is None and (label := _YEAR_RIGHT_BEFORE.search(clause[-_LABEL_CHARS:])):
        return _year_of(label), (label["prep"] or "").lower() in _BY_YEAR
    if after is not None:
        prep = (after["prep"] or "").lower()
        year = int(after["paren_year"]) if after["paren_year"] else _year_of(after)
        if prep in _BY_YEAR and (end := after["range_end"]) and after["year"]:
            ended = int(end) if len(end) == 4 else year // 100 * 100 + int(end)
            year = ended if 0 < ended - year <= 1 else year  # one fiscal year, not a span
        return year, prep in _BY_YEAR
    years_before = list(_YEAR_BEFORE.finditer(clause))
    if not years_before:
        return None, False
    before = years_before[-1]  # the nearest year before the amount
    if bare_year := before["label_year"] or before["german_year"]:
        return int(bare_year), False
    return _year_of(before), (before["prep"] or "").lower() in _BY_YEAR


def _year_of(match: re.Match[str]) -> int:
    """The year a `_FY_YEAR` group matched: 'FY24' is 2024."""
    return int(match["year"]) if match["year"] else 2000 + int(match["fy"])


def _amount_value(match: re.Match[str]) -> int | None:
    groups = match.groupdict()
    number = groups.get("number") or groups.get("number_plain") or groups.get("number2")
    unit = groups.get("unit") or groups.get("unit2") or groups.get("unit3") or ""
    value = number_value(number, unit) if number is not None else None
    return None if value is None else int(value * unit_multiplier(unit))
