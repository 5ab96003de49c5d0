"""The market a news heading is about when it never says "market": the subject before its verb
('Orphan Drug Sales Will Outpace All Other Meds' → 'Orphan Drug'), or the object of a verb that
drives it ('Rising cataract surgeries driving artificial lens' → 'artificial lens'). Parser
2.4.33; used only for a title that reads as a sentence and no figure sentence names a market."""

import re

# A question's or a forecast's opening: "Will X Reach …", "Why Is X Usage Rising …".
_QUESTION_OPENING = re.compile(
    r"^(?:(?:why|how|what|when|where)\s+)?(?:will|can|could|would|is|are|does|do)\s+(?=\w)",
    re.IGNORECASE,
)
_TOLD_VERBS = (
    r"increased|decreased|rose|grew|fell|declined|jumped|climbed|expanded|slowed|dropped|"
    r"soared|surged|doubled|tripled|shrank|reached"
)
# Verbs (and auxiliaries) that end a heading's subject.
_SUBJECT_VERB = re.compile(
    r"\s+(?:will|would|could|can|may|might|to|is|are|was|were|has|have|had|sets|takes|seeks?|"
    r"rises?|rising|grows?|growing|surges?|soars?|jumps?|climbs?|reach(?:es)?|hits|tops|"
    r"doubles|triples|outpaces?|continues?|increasing|gains|falls|declines|leads|accounts?|"
    r"expected|projected|poised|set\s+to|needs?|must|should|"
    rf"{_TOLD_VERBS})\b",
    re.IGNORECASE,
)
# A verb that tells what a market did makes a heading a sentence however short ("Analytical
# Instrumentation Increased Modestly").
_TOLD = re.compile(rf"\s(?:{_TOLD_VERBS})\b", re.IGNORECASE)
# Verbs whose object is the market: "… Will Lift the Ortho Devices", "… Fueling Demand For X".
_DRIVING_VERB = re.compile(
    r"\b(?:drive|drives|driving|fuel|fuels|fueling|fuelling|spur|spurs|spurring|boost|boosts|"
    r"boosting|lift|lifts|lifting|propel|propels|propelling)\s+(?:the\s+)?"
    r"(?:(?:demand|growth|sales|spending)\s+(?:for|of|in)\s+(?:the\s+)?)?"
    r"(?P<object>[\w&'’/-]+(?:\s+[\w&'’/-]+){0,4}?)(?=\s+(?:in|for|across|among|with|as)\b|[,:;.!?(]|$)",
    re.IGNORECASE,
)
# A subject that is a trend, an opportunity or people, not a market: "Recovery Will Lift …",
# "Opportunity In Japan Grows …", "Industry Experts …", "More Indian Citizens Are …".
_NOT_A_MARKET = frozenset(
    "recovery opportunity opportunities popularity growth demand burden report study survey "
    "analysis experts analysts citizens patients consumers investors researchers bankers prices "
    "cost costs introduction overview aims guide state future rise age era world story"
    "".split()
)
_QUANTIFIERS = frozenset("more most many few all some big top new".split())
# The scope words after a market's name in a heading: "Cancer Drug Spending Rises".
_TRAILING_SCOPE = re.compile(
    r"(?:\s+(?:sales|spending|revenues?|markets?|industry|sector|usage|use|demand|boom|surge|"
    # the market's firms: "Telemedicine Players Need To Remodel …" (its players, its market)
    r"business|segment|players|companies|firms|makers|manufacturers|producers|providers|vendors))+$",
    re.IGNORECASE,
)
_MAX_SUBJECT_WORDS = 5
_MAX_SUBJECT_CHARS = 120
_MAX_LABEL_WORDS = 4
_LABEL_END = re.compile(r":\s|\s[-–—]\s")


def heading_subject(heading: str) -> str | None:
    """The market `heading` is about, or None when it names none that way."""
    # "Telehealth Surge: A Digital Healthcare Renaissance …", "E-Bus Boom - Why is it …"
    labelled = _LABEL_END.search(heading, 0, 40) is not None
    heading = _LABEL_END.split(heading, maxsplit=1)[0] if labelled else heading
    if driven := _DRIVING_VERB.search(heading):
        return _as_market(driven["object"])
    heading = _QUESTION_OPENING.sub("", heading.strip())
    if verb := _SUBJECT_VERB.search(heading):
        return _as_market(heading[: verb.start()])
    # "Medical Robotics: When Business Dreams Come True": the topic before the slogan (2.4.33)
    return _as_market(heading) if labelled and len(heading.split()) <= _MAX_LABEL_WORDS else None


def _as_market(words: str) -> str | None:
    if len(words) > _MAX_SUBJECT_CHARS:
        return None  # a sentence, not a subject (and never a long search)
    subject = _TRAILING_SCOPE.sub("", words.strip(" ,;-–—"))
    lowered = subject.lower().split()
    if not lowered or len(lowered) > _MAX_SUBJECT_WORDS or lowered[0] in _QUANTIFIERS:
        return None
    if _NOT_A_MARKET & set(lowered):
        return None
    return subject


def reads_as_sentence(name: str) -> bool:
    """Whether a title's name tells what its market did ('X Increased Modestly')."""
    return bool(_TOLD.search(name))
