"""Figures: the numbers in a news text that count or measure something, with bounds, unit and source.

Rule-based on purpose: every ingested article goes through it (hundreds per second), offsets must be
exact, and each rule is a statement about English number expressions that can be read and tested.

Conventions (what a `Figure` holds):

* `value` is the number as stated, scaled: "87m" -> 87e6, "£500,000" -> 5e5, "40%" -> 40.0,
  "a third of" -> 0.333…, "half a million" -> 5e5. Cents and pence stay in cents and pence.
* Bounds: an upper-bound qualifier ("up to", "no more than", "as many as", "at most", "less than",
  "under", "sub-") sets `high = value`; a lower-bound one ("more than", "at least", "over", "87m+")
  sets `low = value`; an approximation ("nearly", "about", "around", "roughly", "some") only sets
  `qualifier`. An exact figure has `low = high = None`.
* Ranges ("between 50 and 87 million", "50 to 87 million", "50-87 million", "from $500,000 to $1m")
  set both `low` and `high` (sorted, a scale or unit written once applies to both ends) and
  `value = high`; `qualifier` is "between", "from" or "to".
* `unit`: an ISO 4217 code for money ("USD", "GBP", "EUR"), "percent", a unit symbol for measures
  ("km", "GB", "mph"), otherwise the counted noun after the number, lower-cased and in its plural
  form so that "1 user" and "30 users" share a unit ("users", "people", "records").
* `start`/`end` span the qualifier (if any) through the number, currency sign, scale word and
  percent sign, but not the counted noun: "up to 87 million", "between 50 and 87 million".
* Not figures: years, dates, times, ordinals, decades, numbers inside names ("Windows 10",
  "COVID-19", "Section 427", "S&P 500"), phone numbers, version numbers, ids, street numbers,
  numbers that are part of a hyphenated adjective when spelled out ("a two-year ban"),
  the pronoun "one" ("no one", "each one"), and vague quantities ("dozens", "thousands of").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from corpus.extracted import Claim, Figure
from corpus.numbers import (
    CURRENCY_CODES,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DIGITS,
    DOLLAR_PREFIXES,
    FRACTIONS,
    GLUED_ONLY_SYMBOLS,
    MAGNITUDE,
    MAGNITUDES,
    PHRASE_TAIL,
    SCALE_ABBREVIATIONS,
    UNICODE_FRACTIONS,
    UNIT_SYMBOLS,
    UNIT_WORDS,
    WORD_NUMBER,
    parse_number_phrase,
    word_value,
)

# ---------------------------------------------------------------------------------------------
# Vocabulary (the tables of number words, currencies and units are in corpus/numbers.py)

_WORD_UNIT_RE = "|".join(re.escape(w) for w in sorted(UNIT_WORDS, key=len, reverse=True))
_SYMBOL_UNIT_RE = "|".join(re.escape(w) for w in sorted(UNIT_SYMBOLS, key=len, reverse=True))
_SPACED_SYMBOL_RE = "|".join(
    re.escape(w) for w in sorted(UNIT_SYMBOLS, key=len, reverse=True) if w not in GLUED_ONLY_SYMBOLS
)
_CURRENCY_WORD_RE = "|".join(re.escape(w) for w in sorted(CURRENCY_WORDS, key=len, reverse=True))
_ISO_CODE_RE = "|".join(c for c in CURRENCY_CODES if c.isalpha() and c.isupper() and len(c) == 3)
# A unit right after the number (optionally after one space or a hyphen).
_UNIT_AFTER = re.compile(
    rf"(?:[ \t\u00a0]?-?[ \t\u00a0]?)(?:(?i:(?P<word>{_WORD_UNIT_RE}|{_CURRENCY_WORD_RE}))"
    rf"|(?P<code>{_ISO_CODE_RE})|(?P<sym>{_SPACED_SYMBOL_RE}))(?![A-Za-z0-9])"
)
_GLUED_UNIT = re.compile(rf"(?:{_SYMBOL_UNIT_RE})(?![A-Za-z0-9])")

# Words that never make a figure a name when capitalised before it ("About 30", "The 11 members").
_FUNCTION_WORDS = frozenset(
    """a about above across after against all almost along also although among an and another any
    approximately are around as at be because been before being below between beyond both but by
    can circa could despite did do does down during each either estimated even every exactly for
    from further had has have he her here his how i if in including into is it its just last least
    less like many may maybe might more most much must my near nearly neither next no nor not now
    of off on once only or other our out over past per perhaps plus roughly said says several she
    should since so some still such than that the their them then there these they this those
    though through thus to today total under until up upwards us via was we well were what when
    where whereas whether which while who whom whose why will with within without would yet you
    your additional extra another nearly some top-line""".split()
)
# Words that, before a number, make it a label rather than a quantity ("section 427", "page 5").
_DESIGNATORS = frozenset(
    """section sections article articles chapter page pages pp p no nos number version ver v vol
    volume issue episode season part clause rule item step phase figure fig table appendix exhibit
    room suite apt flight route highway interstate gate platform exit row seat lot unit ward
    district channel model type class tier stage title game week round level grade act sec
    paragraph schedule form line priority versions releases port ports field""".split()
)
# Scales whose capitalised name precedes a measured value ("Category 4", "Force 10", "Magnitude 7").
_RATING_WORDS = frozenset(("category", "force", "magnitude", "level"))
# Words before a 4-digit number that make it a year ("in 1850", "between A.D. 1000 and ...").
_YEAR_CONTEXT = frozenset(
    "in since from until till by between before after circa c. ca. ad a.d. bc b.c. bce ce year "
    "during early late mid end spring summer autumn fall winter of and to or through".split()
)
# Counted nouns that show a 4-digit number is a count, not a year ("2000 people").
_COUNT_NOUNS = frozenset(
    """people persons users customers accounts records employees workers jobs staff members
    residents patients students children voters citizens consumers subscribers clients households
    homes families files documents emails messages passwords profiles devices computers servers
    machines websites sites apps companies businesses firms organizations organisations victims
    cases deaths troops soldiers officers refugees migrants immigrants visitors passengers
    participants respondents applicants downloads installs followers fans viewers readers
    attendees delegates seats votes ballots signatures shares units vehicles cars phones
    laptops incidents attacks breaches vulnerabilities bugs hosts addresses numbers cards
    transactions entries rows lines images photos videos pages words items points""".split()
)
_IRREGULAR_PLURALS = {
    "person": "people", "persons": "people", "people": "people", "man": "men", "men": "men",
    "woman": "women", "women": "women", "child": "children", "children": "children",
    "staff": "staff", "personnel": "personnel", "data": "data", "police": "police", "media": "media",
    "foot": "feet", "feet": "feet", "series": "series", "species": "species", "sheep": "sheep",
    "aircraft": "aircraft", "cattle": "cattle", "news": "news", "each": "each",
}
_OF_DETERMINERS = frozenset("the its their his her our my your those these all whose".split())
# Plurals that are usually modifiers ("social media users", "data records"): a head only if last.
_WEAK_PLURALS = frozenset(("data", "media"))
# In the noun after a number, words to look past ("40 million more users").
_NOUN_SKIP = frozenset(
    "more fewer additional extra other new further separate previous of former current potential active "
    "senior junior major very".split()
)
_NOUN_STOP = _FUNCTION_WORDS - _NOUN_SKIP | frozenset(
    """am is are was were be been has have had do does did will would can could shall should may
    might must who whom whose which that this these those it its they them their he she his her
    we our you your i me my than then per each a an the and or nor but if so as at by for from in
    into on onto to up down with without about over under out off via while when where said says
    say told according ago later earlier before after last next year's vs versus""".split()
)
# "one" after these words is a pronoun, not the number 1 ("no one", "the same one").
_ONE_PRONOUN_BEFORE = frozenset(
    """the this that each every any no which same last next other another a such little big
    new old right wrong loved young good bad first second latter former whichever not someone
    anyone everyone no-one favourite favorite main special single""".split()
)
_ONE_PRONOUN_AFTER = frozenset(
    """another who that which is was has had can could should would will must might may does did
    are were or and but if because so than another's from to at by with for on into onto after
    before over under about against without within through like as in near also even still
    later""".split()
)
# "one of" + anything but a number ("one of four" is a proportion) picks out a member of a group.
_ONE_OF = re.compile(
    rf"\s+of\s+(?!(?:{WORD_NUMBER})\b|\d)", re.IGNORECASE
)
_HALF_AFTER = re.compile(
    r"\s+(?:of|the|a|an|its|their|his|her|our|my|your|all|them|these|those|which)\b", re.IGNORECASE
)
_HALF_NOT_BEFORE = frozenset("the a an first second other latter former one last next and each".split())

# ---------------------------------------------------------------------------------------------
# Regular expressions

_CUR_PREFIX = (
    r"(?<![A-Za-z])(?P<dpre>US|U\.S\.|AU|CA|CDN|NZ|HK|SG|NT|MX)\s?\$"
    r"|(?<![A-Za-z])(?P<dpre1>[ACSR])\$"
    r"|(?P<sym>[$£€¥₹₩₽₺₪])"
    r"|(?<![A-Za-z])(?P<code>USD|EUR|GBP|JPY|CNY|INR|AUD|CAD|CHF|HKD|SGD|NZD|SEK|NOK|DKK|ZAR|BRL|MXN"
    r"|KRW|RUB|TRY|ILS|MYR|AED|SAR|RMB|NIS|RM|Rs\.?|Y=)(?:[ \u00a0](?=[-−]?\d))?"
)
_FRACTION_WORDS = "|".join(sorted(FRACTIONS, key=len, reverse=True))
# Where a number may start. Kept simple (a digit run; a number word spelled with explicit case) because
# scanning is most of the cost: the currency sign, minus sign or leading "." before a digit run is
# found by looking back from it (`_true_start`).
_DIGIT_RUN = re.compile(r"\d[\d,.]*")
_MAG_OR_FRACTION = "|".join(
    ["hundred", "thousand", "million", "billion", "trillion", "dozen", "lakh", "crore", *sorted(FRACTIONS)]
)
# The lookahead lists the words' first letters, so that the search spends little at other positions
# (a pattern opening with "\b" gets no quick scan).
_WORD_ANCHOR = re.compile(
    r"(?=[ZzOoTtFfSsEeNnHhAa])\b(?:[Zz]ero|[Oo]ne|[Tt](?:wo|hree|en|welve|hirt(?:een|y)|wenty)|[Ff](?:our(?:teen)?|ive|ifteen|orty|ifty)"
    r"|[Ss](?:ix(?:teen|ty)?|even(?:teen|ty)?)|[Ee](?:ight(?:een|y)?|leven)|[Nn]ine(?:teen|ty)?|[Hh]alf"
    rf"|[Aa]n?(?=[\s-](?:{_MAG_OR_FRACTION})\b))\b"
)
_PREFIX_BEFORE = re.compile(rf"(?:{_CUR_PREFIX})[ \u00a0]?$")
_URLS = re.compile(r"\bhttps?://\S+|\bwww\.\S+|\b[\w.+-]+@[\w-]+\.[\w.]+")
_PREFIX = re.compile(_CUR_PREFIX)
_SIGN = re.compile(r"[ \u00a0]?(?:[-−]|(?i:minus)[- ]?|\+)(?=\.?\d)")
_NUMBER = re.compile(
    rf"(?:{DIGITS})|(?i:{WORD_NUMBER}\b|an?(?=\s+{MAGNITUDE}\b)|half\s+an?(?=\s+{MAGNITUDE}\b))"
)
_SCI = re.compile(r"\s?[×x*]\s?10\s?(?:\^|\*\*)?\s?([-−]?\d{1,3})\b")
_SLASH_FRACTION = re.compile(r"/(\d+)(?![\d/])")
_MIXED_FRACTION = re.compile(r" (\d{1,2})/(\d{1,3})(?![\d/])")
_DENOMINATORS = frozenset((2, 3, 4, 5, 8, 10, 16, 32, 64, 100))
_GLUED_SCALE = re.compile(r"(bn|mn|mln|bln|trn|tn|m|M|b|B|k|K)(?![A-Za-z0-9²³])")
_SPACED_SCALE = re.compile(r"[ \u00a0](bn|mn|mln|bln|trn|tn)\b")
_SPACED_SCALE_MONEY = re.compile(r"[ \u00a0](m|M|b|B)\b(?![.,]?\d)")
_PERCENT = re.compile(r"[ \u00a0]?%|[ \u00a0]?(?i:per[ -]?cent|percent|pct)\b|pc\b")
_FRACTION_AFTER = re.compile(rf"[\s-](?P<f>{_FRACTION_WORDS})\s+of\b", re.IGNORECASE)
_PROPORTION = re.compile(
    rf"\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<d>\d{{1,3}}(?:,\d{{3}})+|\d{{1,4}}|{WORD_NUMBER})\b"
    r"(?![.,]\d|\s*(?:%|per\s?cent|percent))",
    re.IGNORECASE,
)
# Qualifiers written after the number: "87m+", "a million-plus", "10 days or so", "100 or more".
_QUAL_AFTER = re.compile(
    r"(?P<glued>\+|-plus\b)|(?P<plus>[ \u00a0]plus\b)(?![ \u00a0]*[$£€]?\d)"
    r"|(?:[ \u00a0][a-z]+)?[ \u00a0](?P<q>or (?:more|over|so|less|fewer|under))\b"
)
_QUAL_AFTER_KIND = {"or more": "low", "or over": "low", "or so": "approx", "or less": "high",
                    "or fewer": "high", "or under": "high"}
_ALPHA_SUFFIX = re.compile(r"[A-Za-zμµ°²³]+(?:/[A-Za-z]+)?")
# The next item of a list of labels: "Windows 7, 8 and 10", "versions 9.0, 8.5 and 7.0", "ports 139 and 445".
_LIST_LINK = re.compile(
    r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|to|through|&)\s+)[vV]?\d+(?:\.\d+)*(?![\d,.]?\d|[%A-Za-z])"
)
_YEAR_LINK = re.compile(r"(?:[-–/](?:\d{4}|\d{2})|\s*(?:–|-|to|and|or|through|until|till)\s+\d{4})\b")
_AGE_LINK = re.compile(r"\s*(?:[-–]|to|and)\s*\d{1,3}\b")
_RANGE_TAIL_M = re.compile(r"-?(?:long|high|tall|wide|deep)\b|\s?\(\s?\d[\d,.]*\s?(?:ft|feet|foot|in|yards?)\b")
_FEET_BEFORE = re.compile(r"(?:ft|feet|foot|in|inches|'|\"|′|″)\s*\(\s*$")
_METRE_WORDS = frozenset("long tall high wide deep away above below sprint race hurdles freestyle dash relay".split())

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_BLOCK_DIGIT_FIRST = [
    rf"{_DAY}\s+(?:of\s+)?{_MONTHS}\b",  # 9 April
    r"\d{4}-\d{1,2}-\d{1,2}\b",  # 2018-04-09
    r"\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b",  # 04/09/2018
    r"\d{1,2}(?::\d{2}){1,2}(?:\.\d+)?(?:\s*[ap]\.?m\.?(?![a-z]))?",  # 10:30, 1:36.6
    r"\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.m\.|[ap]m\b|[AP]M\b)",  # 3pm, 10.45 p.m.
    r"\d{3,4}\s+(?:GMT|UTC|BST|CET|CEST|EST|EDT|CST|CDT|PST|PDT|ET|PT)\b",  # 0401 GMT
    r"\d{1,2}\s*o['’]clock\b",
    r"(?<![\d,.])(?:\d{1,3}[\s.-])?\d{3}[.-]\d{3}[.-]\d{4}\b",  # 555-123-4567
    r"(?<![\d,.])0\d{2,4}(?:[ \u00a0]\d{3,4}){1,3}\b(?![.,]\d)",  # 0808 157 0342: a trunk 0 opens no count
    r"(?<![\d,.])0\d{9,10}\b",  # 07700900123
    r"\d+(?:\.\d+){2,}\b",  # versions, IP addresses
    r"\d{1,3}(?:\s?[\[(]\s?(?:dot|\.)\s?[\])]\s?\d{1,3}){3}\b",  # 198[dot]200[dot]45[dot]112
    r"\d+(?:[-–]\d+){2,}\b",  # 4-3-3, 1-800-555
    r"\d+(?:-\d+)?\s+(?:[A-Z][a-z]+\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane"
    r"|Ln|Drive|Dr|Way|Place|Pl|Court|Ct|Square|Sq|Terrace|Parkway|Pkwy|Highway|Hwy)\b",  # addresses
]
_BLOCK_OTHER = [
    rf"(?=[A-Z])\b{_MONTHS}\.?\s+{_DAY}(?:\s?[-–]\s?{_DAY})?\b(?![.,]?\d)"
    r"(?!\s*(?:%|percent|per cent|million|billion)\b)",
    r"(?=[A-Z])\b[A-Z][A-Za-z]*[-–]\d+(?:[-–]\d+)+\b",  # CVE-2018-1234
    r"(?=[+(])(?:\+\d{1,3}[\s.-]?)?\(\d{2,5}\)\s?\d{3,4}[\s.-]?\d{3,4}\b",  # (555) 123-4567
    r"(?=[+(])\+?\d{1,3}[\s.-]\d{3}[.-]\d{3}[.-]\d{4}\b",
    r"\+\d{1,3}(?:[\s.-]\d{1,5}){2,5}\b",  # +44 20 7946 0958
    r"\+\d{10,15}\b",  # +447584640566
    r"\b[vV]\d+(?:\.\d+){2,}\b",
]
# Spans whose digits are never figures: dates, times, phone numbers, versions, ids, addresses. Each
# branch starts with a cheap look-ahead so the scan fails fast at ordinary characters.
_BLOCK = re.compile(r"(?=\d)\b(?:" + "|".join(_BLOCK_DIGIT_FIRST) + ")|" + "|".join(_BLOCK_OTHER))

_HIGH = (
    "up to a maximum of", "up to", "no more than", "not more than", "as many as", "as much as",
    "as high as", "at most", "a maximum of", "maximum of", "max", "max.", "less than", "fewer than",
    "just under", "a little under", "slightly under", "under", "below", "not exceeding", "sub-",
    "<", "≤",
)
_LOW = (
    "more than", "well over", "just over", "a little over", "slightly over", "over", "at least",
    "upwards of", "in excess of", "above", "no fewer than", "no less than", "not less than",
    "a minimum of", "minimum of", "north of", "exceeding", "greater than", "higher than", ">", "≥",
)
_APPROX = (
    "nearly", "almost", "about", "around", "roughly", "approximately", "approx.", "approx", "some",
    "an estimated", "estimated", "close to", "circa", "c.", "ca.", "just about", "more or less",
    "or so", "~", "≈", "give or take",
)
_EXACT = ("exactly", "precisely")
_QUAL_KIND = {q: "high" for q in _HIGH} | {q: "low" for q in _LOW} | {q: "approx" for q in _APPROX}
_QUAL_KIND |= {q: "exact" for q in _EXACT}
_WORD_QUALS = sorted((q for q in _QUAL_KIND if q[0].isalpha()), key=len, reverse=True)
_QUAL_BEFORE = re.compile(
    r"(?:(?<![\w-])(?P<w>" + "|".join(re.escape(q).replace(r"\ ", r"\s+") for q in _WORD_QUALS) + r")\s+"
    r"|(?P<s>[~≈<>≤≥])\s?)$",
    re.IGNORECASE,
)
_BETWEEN_BEFORE = re.compile(r"(?<![\w-])between\s+$", re.IGNORECASE)
_FROM_BEFORE = re.compile(
    r"(?<![\w-])from\s+(?:(?:up\s+to|about|around|roughly|nearly|some|approximately|just)\s+)?$",
    re.IGNORECASE,
)
_GAP_AND = re.compile(r"\s+and\s+$")
_GAP_TO = re.compile(r"\s*-?\s*to\s*-?\s*$|[-–—]$|\s[–—]\s$")
_GAP_FROM_TO = re.compile(r"(?:\s+[^\s;!?]+){0,4}?\s+to\s+$")
# Words that start a new clause between "from X" and "to Y": not one range.
_GAP_CLAUSE = re.compile(r"\b(?:who|which|that|and|but|was|were|is|are|has|have|had|went|then|while)\b", re.I)
# "rose 0.3% to 2.1%": a change then the new level, not a range.
_CHANGE_BEFORE = re.compile(
    r"(?<![\w-])(?:rose|rise[sn]?|rising|fell|fall(?:s|en|ing)?|jump(?:s|ed|ing)?|climb(?:s|ed|ing)?"
    r"|drop(?:s|ped|ping)?|gain(?:s|ed|ing)?|increas(?:e|es|ed|ing)|decreas(?:e|es|ed|ing)|declin(?:e|es|ed|ing)"
    r"|slid(?:es|ing)?|slump(?:s|ed|ing)?|grew|grow(?:s|n|ing)?|edg(?:e|es|ed|ing)|(?:was|is|were|are) (?:up|down)"
    r"|up|down|add(?:s|ed|ing)?|lost|los(?:e|es|ing)|cut(?:s|ting)?|rais(?:e|es|ed|ing)|lower(?:s|ed|ing)?"
    r"|boost(?:s|ed|ing)?|trimm(?:ed|ing)|shed(?:s|ding)?|soar(?:s|ed|ing)?|surg(?:e|es|ed|ing)"
    r"|tumbl(?:e|es|ed|ing)|plung(?:e|es|ed|ing)|advanc(?:e|es|ed|ing)|revis(?:e|es|ed|ing)(?: up| down)?)"
    r"(?:\s+by)?\s+$",
    re.IGNORECASE,
)
_GAP_NOUN_TO = re.compile(r"\s+([A-Za-z]+)\s+to\s+$")
_SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-Z]|\n")
_NEXT_WORD = re.compile(r"[ \t\u00a0]*(?:-[ \t]*)?([A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*)")


# ---------------------------------------------------------------------------------------------
# Candidate numbers


class _Num:
    """A number expression read from the text, before it becomes a Figure."""

    __slots__ = (
        "start", "end", "value", "mag", "currency", "percent", "unit", "words", "comma", "decimal",
        "integer4", "qualifier", "qual_kind", "qual_start", "spelled",
    )

    def __init__(self, start: int, end: int, value: float) -> None:
        self.start = start
        self.end = end
        self.value = value
        self.mag = 1.0  # the scale written with the number ("million", "bn"): shared by ranges
        self.currency: str | None = None
        self.percent = False
        self.unit: str | None = None  # a unit written with the number ("60GB", "5 km")
        self.words = False  # spelled out ("forty million")
        self.comma = False
        self.decimal = False
        self.integer4 = False  # a bare 4-digit integer: could be a year
        self.qualifier: str | None = None
        self.qual_kind: str | None = None
        self.qual_start = start
        self.spelled = ""  # the number as written, without currency or suffixes

    def kind(self) -> tuple:
        if self.currency:
            return ("cur", self.currency)
        if self.percent:
            return ("pct",)
        if self.unit:
            return ("unit", self.unit)
        return ()


def _prev_word(text: str, pos: int) -> tuple[str, int]:
    """The whitespace-delimited token ending before `pos` and the number of spaces before `pos`."""
    i = pos
    while i > 0 and text[i - 1] in " \t\u00a0":
        i -= 1
    gap = pos - i
    j = i
    lo = max(0, i - 40)
    while j > lo and not text[j - 1].isspace():
        j -= 1
    return text[j:i], gap


def _next_words(text: str, pos: int, limit: int = 4) -> list[str]:
    words = []
    for _ in range(limit):
        m = _NEXT_WORD.match(text, pos)
        if not m:
            break
        words.append(m.group(1))
        pos = m.end()
    return words


def _is_plural(w: str) -> bool:
    if w in _WEAK_PLURALS:
        return False
    if w in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[w] == w
    return (
        len(w) > 3
        and w.endswith("s")
        and not w.endswith(("ss", "us", "is", "ous", "'s", "’s"))
        and w not in _NOUN_STOP
    )


def _plural(w: str) -> str:
    """A simple plural for a singular counted noun: user -> users, city -> cities."""
    if w in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[w]
    if _is_plural(w):
        return w
    if w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        return w[:-1] + "ies"
    if w.endswith(("s", "x", "z", "ch", "sh")):
        return w + "es"
    return w + "s"


def _counted_noun(text: str, pos: int) -> str | None:
    """The noun a number counts: the first plural noun in the next few words, else the last
    lower-case word before a function word ("12 page document" -> "documents")."""
    candidate = None
    prev_of = False
    if text[pos : pos + 1] == "-":
        m = _NEXT_WORD.match(text, pos)
        if m:  # "22-month", "65-year-old", "185-hp": the word joined to the number is its unit
            w = m.group(1).lower()
            if w.startswith("year-old"):
                return "years old"
            return UNIT_WORDS.get(w) or UNIT_SYMBOLS.get(m.group(1)) or _plural(w.split("-")[0])
    last = ""
    for i, word in enumerate(_next_words(text, pos)):
        lw = word.lower().rstrip("'’")
        if lw in CURRENCY_WORDS:
            return CURRENCY_WORDS[lw]
        if f"{last} {lw}" in UNIT_WORDS:
            return UNIT_WORDS[f"{last} {lw}"]  # "1,000 South Korean won"
        last = lw
        if lw == "of" and candidate:
            break  # "1/2 pound of flour"
        if lw in _NOUN_SKIP or lw in _OF_DETERMINERS and prev_of:
            prev_of = lw == "of"
            continue
        if lw in _NOUN_STOP:
            break
        if lw.endswith(("ly", "ing", "ed", "'s", "’s")):
            continue  # "80,000 unique cached pages", "30 million affected users", "of the company's profit"
        if i == 0 and lw.startswith("year-old"):
            return "years old"
        proper = word[0].isupper() or word_value(lw) is not None
        if _is_plural(lw) or lw in _IRREGULAR_PLURALS and lw not in _WEAK_PLURALS:
            return _plural(lw)
        if not proper:
            candidate = lw
    return _plural(candidate) if candidate else None


def _read(text: str, pos: int, anchor_end: int) -> tuple[_Num | None, int]:
    """Read the number expression starting at `pos`; returns (candidate or None, where to resume)."""
    start = pos
    currency = None
    m = _PREFIX.match(text, pos)
    if m:
        if m.group("dpre"):
            currency = DOLLAR_PREFIXES[m.group("dpre")]
        elif m.group("dpre1"):
            currency = DOLLAR_PREFIXES[m.group("dpre1")]
        elif m.group("sym"):
            currency = CURRENCY_SYMBOLS[m.group("sym")]
        else:
            currency = CURRENCY_CODES[m.group("code")]
        pos = m.end()
        if pos < len(text) and text[pos] in " \u00a0":
            pos += 1
    sign = 1.0
    m = _SIGN.match(text, pos)
    if m:
        sign = 1.0 if "+" in m.group() else -1.0
        pos = m.end()
    m = _NUMBER.match(text, pos)
    if not m:
        if text[pos : pos + 4].lower() == "half" and not currency:
            return _read_half(text, start, pos + 4)
        return None, anchor_end
    num_start = m.start()
    lead = m.group()
    is_digits = lead[0].isdigit() or lead[0] == "."
    tail = PHRASE_TAIL.match(text, m.end())
    phrase = text[num_start : tail.end()]
    parsed = parse_number_phrase(phrase)
    if parsed is None:
        if lead.lower() == "half":
            return _read_half(text, start, m.end())
        return None, max(anchor_end, m.end())
    value, consumed, scaled = parsed
    end = num_start + consumed
    first = phrase.split(None, 1)[0].lower()
    if first in ("a", "an") and not scaled:
        return None, max(anchor_end, end)
    num = _Num(start, end, value * sign)
    num.words = not is_digits
    num.spelled = text[num_start:end]
    if is_digits:
        num.comma = "," in lead
        num.decimal = "." in lead
        num.integer4 = len(lead) == 4 and lead.isdigit()
    if scaled:
        num.mag = _last_magnitude(text[num_start:end])
        num.integer4 = False
    num.currency = currency
    return _read_suffix(text, num, is_digits, scaled)


def _last_magnitude(phrase: str) -> float:
    """The largest magnitude word in a spelled phrase: "1.5 million" -> 1e6 (shared in ranges)."""
    mags = [MAGNITUDES.get(w.lower().rstrip("s"), 0.0) for w in re.findall(r"[A-Za-z]+", phrase)]
    mags = [x for x in mags if x]
    return max(mags) if mags else 1.0


def _read_half(text: str, start: int, end: int) -> tuple[_Num | None, int]:
    """"half of …", "half the …" = 0.5; not "half-staff", "the second half", "an hour and a half"."""
    prev, _ = _prev_word(text, start)
    if prev.lower() in _HALF_NOT_BEFORE or not _HALF_AFTER.match(text, end):
        return None, end
    num = _Num(start, end, 0.5)
    num.words = True
    num.spelled = text[start:end]
    return num, end


def _read_suffix(text: str, num: _Num, is_digits: bool, scaled: bool) -> tuple[_Num | None, int]:
    """Scale abbreviation, fraction, percent sign or unit glued to or right after the number."""
    end = num.end
    n = len(text)
    nxt = text[end] if end < n else ""
    if is_digits and nxt in UNICODE_FRACTIONS:
        num.value += UNICODE_FRACTIONS[nxt] * (1 if num.value >= 0 else -1)
        end += 1
        nxt = text[end] if end < n else ""
    if is_digits and nxt == " " and not num.decimal and not num.comma:
        m = _MIXED_FRACTION.match(text, end)
        if m and int(m.group(2)) in _DENOMINATORS and int(m.group(1)) < int(m.group(2)):
            num.value += int(m.group(1)) / int(m.group(2)) * (1 if num.value >= 0 else -1)
            num.integer4 = False
            end = m.end()
            nxt = text[end] if end < n else ""
    if is_digits and nxt == "/":
        m = _SLASH_FRACTION.match(text, end)
        den = int(m.group(1)) if m else 0
        if m and den in _DENOMINATORS and not num.comma and num.value < den:
            num.value = num.value / den
            num.integer4 = False
            end = m.end()
            nxt = text[end] if end < n else ""
        else:
            return None, m.end() if m else end + 1
    if is_digits and num.decimal and nxt in " ×x*":
        m = _SCI.match(text, end)
        if m:
            num.value *= 10.0 ** int(m.group(1).replace("−", "-"))
            end = m.end()
            nxt = text[end] if end < n else ""
    if not scaled and is_digits and nxt.isalpha():
        m = _GLUED_SCALE.match(text, end)
        if m:
            abbr = m.group(1)
            mult = SCALE_ABBREVIATIONS[abbr.lower()]
            after = m.end()
            if abbr == "m" and not num.currency and _metres_context(text, num.start, after):
                num.unit = "m"
                end = after
            elif abbr in ("b", "B", "k", "K") and not num.currency and not _plural_follows(text, after):
                return None, after
            else:
                num.value *= mult
                num.mag = mult
                num.integer4 = False
                scaled = True
                end = after
            nxt = text[end] if end < n else ""
    if not scaled and is_digits:
        m = _SPACED_SCALE.match(text, end) or (num.currency and _SPACED_SCALE_MONEY.match(text, end))
        if m:
            mult = SCALE_ABBREVIATIONS[m.group(1).lower()]
            num.value *= mult
            num.mag = mult
            num.integer4 = False
            end = m.end()
            nxt = text[end] if end < n else ""
    m = _PERCENT.match(text, end)
    if m:
        num.percent = True
        end = m.end()
        num.end = end
        return num, end
    if nxt == "." and text[end + 1 : end + 2] in ("x", "X"):
        return None, end + 2  # "19.x versions"
    if is_digits and nxt and (nxt.isalpha() or nxt in "μµ°"):
        m = _ALPHA_SUFFIX.match(text, end)
        suffix = m.group()
        low = suffix.lower()
        if low in ("st", "nd", "rd", "th") or low == "s":
            return None, m.end()  # ordinal, decade ("3rd", "1970s")
        g = _GLUED_UNIT.match(text, end)
        if not g:
            if num.comma and text[num.start].isalpha():
                num.end = end
                return num, end  # "PS21,700": an unknown currency code glued to an amount
            return None, m.end()  # "5G", "2FA", "4WD": names and codes, not quantities
        if suffix == "p" and num.value in (360, 480, 720, 1080, 1440, 2160):
            return None, g.end()  # video resolution
        num.unit = UNIT_SYMBOLS[g.group()]
        end = g.end()
    if nxt in "'’" and is_digits and not num.unit:
        after = text[end + 1] if end + 1 < n else ""
        if after == "s":
            return None, end + 2  # "the 1990's"
    num.end = end
    return num, end


def _metres_context(text: str, start: int, pos: int) -> bool:
    """After "37m": metres when a length adjective or a feet conversion follows, or when it is the
    conversion of a length in feet ("6ft 5in (1.95m)")."""
    if _RANGE_TAIL_M.match(text, pos) or _FEET_BEFORE.search(text, max(0, start - 16), start):
        return True
    words = _next_words(text, pos, 1)
    return bool(words) and words[0].lower() in _METRE_WORDS


def _plural_follows(text: str, pos: int) -> bool:
    words = _next_words(text, pos, 1)
    return bool(words) and _is_plural(words[0].lower())


# ---------------------------------------------------------------------------------------------
# Context rules


def _block_end(text: str, pos: int, urls: list[tuple[int, int]]) -> int:
    """End of a date, time, phone number, version, id, address or URL covering `pos`, or -1.

    Checked in a small window around each candidate rather than over the whole text: much faster,
    and every pattern starts at most a month name's length before its first digit.
    """
    for m in _BLOCK.finditer(text, max(0, pos - 14), min(len(text), pos + 48)):
        if m.start() <= pos < m.end():
            return m.end()
        if m.start() > pos:
            break
    for s, e in urls:
        if s <= pos < e:
            return e
    return -1


def _true_start(text: str, s: int) -> int:
    """Extend a digit run at `s` back over a leading ".", a sign, "minus" and a currency prefix."""
    if s and text[s - 1] == "." and (s < 2 or not text[s - 2].isalnum()):
        s -= 1
    if s and text[s - 1] in "-−+" and (s < 2 or text[s - 2] in " \t\n(\u00a0[$£€¥"):
        s -= 1
    elif s >= 6 and text[s - 6 : s].lower() in ("minus ", "minus-"):
        return s - 6
    m = _PREFIX_BEFORE.search(text, max(0, s - 6), s)
    if m:
        s = m.start()
    return s


def _reject(text: str, num: _Num, prev_year_end: int) -> tuple[bool, int]:
    """Whether `num` is not a figure, and where to resume scanning. Checks the text around it."""
    start, end = num.start, num.end
    before = text[start - 1] if start > 0 else ""
    plain = not (num.currency or num.percent or num.unit or num.mag != 1.0)
    # Glued to letters ("XC40", "cac40", "MS17") or to a hyphenated word ("COVID-19", "F-35").
    if before.isalpha() and not num.currency:
        if not num.comma:
            return True, end
    if before and before in "-–" and start >= 2 and text[start - 2].isalpha():
        word, _ = _prev_word(text, start - 1)
        w = word.lower()
        if w.endswith("sub"):
            num.qualifier, num.qual_kind, num.qual_start = "sub-", "high", start - len("sub-")
        elif not (w.endswith("to") or w.endswith("minus") or w.endswith("mid")):
            return True, end
    # "501(c)(3)", "’90s", "24/7", "#1", "1:36", "1.2.3"
    if before == "[":
        return True, _skip_list(text, end)  # reference marks "[1, 2, 3]"
    if end < len(text) and text[end] in "(]" or before and before in ")'’/#:@":
        return True, end
    if text[end : end + 1] == ")" and "(" not in text[max(0, start - 30) : start]:
        return True, end + 1  # an enumerator: "2) He blamed ..."
    if before == "(" and start >= 2 and (text[start - 2] == ")" or text[start - 2].isalnum()):
        return True, end  # "(c)(3)", "5(3)": subsection numbers
    if before == "." and start >= 2 and text[start - 2].isalnum():
        return True, end  # "1.2.3", "x.509": part of an identifier
    if plain and not num.words and text[start] == "0" and end - start >= 2 and text[start + 1].isdigit() \
            and not num.decimal:
        return True, end  # "No. 2016-02", "007": a leading zero makes an id, not a count
    prev, gap = _prev_word(text, start)
    prev_core = prev.rstrip(".,:;)")
    lp = prev.lower()
    # Labels: "section 427", "page 5", "No. 1", and capitalised names: "Windows 10", "S&P 500".
    if plain and gap and prev.rstrip(".") == prev_core and not _UNIT_AFTER.match(text, end):
        if lp.rstrip(".") in _DESIGNATORS:
            return True, _skip_list(text, end)
        if prev == prev_core and _is_name_word(text, start, end, gap, prev, lp) and (
            not num.words and not num.comma or num.words and num.spelled[:1].isupper()
        ):
            return True, _skip_list(text, end)
    if lp == "aged" and plain:
        m = _AGE_LINK.match(text, end)
        return True, m.end() if m else end
    # Years: "in 2016", "the 2019 Rich List", "1600 and 1900" -- unless a unit or count follows.
    if num.integer4 and plain and not num.unit and 1000 <= num.value <= 2099:
        link = _YEAR_LINK.match(text, end)
        counted = _count_follows(text, end, num.value < 1900) or bool(
            link and _count_follows(text, link.end(), num.value < 1900)
        )
        if not counted and (
            num.value >= 1900 or lp in _YEAR_CONTEXT or prev_year_end >= 0 and start - prev_year_end < 12
        ):
            return True, link.end() if link else end
    if num.words:
        # Spelled-out numbers joined to a word by a hyphen are adjectives: "a two-year ban".
        nxt = text[end] if end < len(text) else ""
        if nxt == "-" and not text[end + 1 : end + 2].isdigit():
            return True, end
        if plain and num.spelled.lower() == "one" and _one_is_pronoun(text, start, end, lp):
            return True, end
        if num.spelled[:1].isupper() and _in_name(text, start, end, prev):
            return True, end
    return False, end


def _in_name(text: str, start: int, end: int, prev: str) -> bool:
    """A capitalised number word inside a sentence before a capitalised word is part of a name
    ("the Five Eyes alliance", "the populist Five Star Movement", "Protect It With Zero Trust")."""
    m = _NEXT_WORD.match(text, end)
    if m is None or m.start(1) != end + 1 or not m.group(1)[:1].isupper():
        return False
    if m.group(1).lower() in _FUNCTION_WORDS:
        return False
    j = start - 1
    while j >= 0 and text[j] in " \t\u00a0\"“‘'(":
        j -= 1
    return j >= 0 and text[j] not in ".!?:\n" and bool(prev)


def _skip_list(text: str, end: int) -> int:
    """After a label, the end of the list it heads ("Windows 7, 8 and 10"), stopping before a count."""
    while True:
        m = _LIST_LINK.match(text, end)
        if not m or _count_follows(text, m.end(), False):
            return end
        end = m.end()


def _is_name_word(text: str, start: int, end: int, gap: int, prev: str, lp: str) -> bool:
    """Whether `prev`, right before a number, makes it part of a name ("Windows 10", "iPhone 14").

    A capitalised word that is not a function word, unless it is capitalised only because it starts
    a sentence ("Add 1/2 pound", "Work 40 to 50 hours").
    """
    if not prev[-1:].isalnum() or not any(c.isupper() for c in prev) or lp in _FUNCTION_WORDS:
        return False
    if lp in _RATING_WORDS or _count_follows(text, end, False):
        return False  # "Category 4 hurricane"; title case "Hackers Stole 500 Records"
    if prev[1:].islower():
        j = start - gap - len(prev) - 1
        while j >= 0 and text[j] in " \t\u00a0\"“‘'(":
            j -= 1
        if j < 0 or text[j] in ".!?\n":
            return False
    return True


def _count_follows(text: str, pos: int, any_plural: bool) -> bool:
    """A unit or a counted noun right after `pos` ("2000 people", "1520 sq m")."""
    m = _UNIT_AFTER.match(text, pos)
    if m and m.group().strip().lower() != "times":  # "in 2008 times were hard"
        return True
    words = _next_words(text, pos, 1)
    nxt = words[0].lower() if words else ""
    return nxt in _COUNT_NOUNS or any_plural and _is_plural(nxt)


def _one_is_pronoun(text: str, start: int, end: int, prev: str) -> bool:
    if prev.rstrip(",;:") in _ONE_PRONOUN_BEFORE and prev[-1:].isalpha():
        return True
    if _ONE_OF.match(text, end):
        return True  # "one of the largest", "one of its vendors": picks one out, counts nothing
    rest = text[end : end + 2]
    if not rest or rest[0] in ".,;:!?)\"”'’" or rest == " (":
        return True
    words = _next_words(text, end, 1)
    return not words or words[0].lower() in _ONE_PRONOUN_AFTER or words[0].lower() == "another"


def _qualify(text: str, num: _Num) -> None:
    """Attach a bound or approximation qualifier written before or after the number."""
    if num.qualifier is None:
        m = _QUAL_BEFORE.search(text, max(0, num.start - 40), num.start)
        if m:
            q = m.group("w") or m.group("s")
            key = " ".join(q.lower().split())
            num.qualifier = key
            num.qual_kind = _QUAL_KIND[key]
            num.qual_start = m.start()
    m = _QUAL_AFTER.match(text, num.end)
    if m and m.group("glued"):
        num.end = m.end()  # "87m+", "a million-plus": part of the figure whatever else qualifies it
    if num.qualifier is None:
        if m and m.group("q"):
            num.qualifier, num.qual_kind = m.group("q"), _QUAL_AFTER_KIND[m.group("q")]
        elif m:
            num.qualifier, num.qual_kind = ("+" if m.group() == "+" else "plus"), "low"


# ---------------------------------------------------------------------------------------------
# Ranges


def _try_range(text: str, a: _Num, b: _Num) -> str | None:
    """The connective if `a` and `b` are the two ends of one range, else None."""
    gap = text[a.end : b.start]
    if len(gap) > 45 or _SENTENCE_BREAK.search(gap):
        return None
    lo = max(0, a.start - 30)
    ka, kb = a.kind(), b.kind()
    if _GAP_AND.fullmatch(gap) and _BETWEEN_BEFORE.search(text, lo, a.start):
        return "between" if (not ka or not kb or ka == kb) else None
    if _FROM_BEFORE.search(text, lo, a.start) and _GAP_FROM_TO.fullmatch(gap) and not _GAP_CLAUSE.search(gap):
        return "from" if (not ka or not kb or ka == kb) else None
    if _GAP_TO.fullmatch(gap):
        if "to" not in gap and (a.words or b.words or a.percent and not b.percent):
            return None  # a dash joins digits only: not "five-six", not "5%-10"
        if "to" in gap and ka and _CHANGE_BEFORE.search(text, lo, a.qual_start):
            return None  # "rose 0.3% to 2.1%", but "fell by 5 to 10 percent" is a range
        if "to" in gap and a.value > b.value and not (a.mag == 1.0 and b.mag != 1.0):
            return None  # a result or comparison: "beat Clinton 61% to 34%", "a 52 to 48 vote"
        if ka and not kb and a.currency and "to" not in gap and b.value > a.value:
            return "to"  # "$75-100 million": the currency is written once, on the first end
        return "to" if (not ka or ka == kb) else None
    m = _GAP_NOUN_TO.fullmatch(gap)
    if m and _counted_noun(text, a.end) and _counted_noun(text, a.end) == _counted_noun(text, b.end):
        return "to"
    return None


def _merge(a: _Num, b: _Num) -> None:
    """Apply a scale or unit written only on the second end to the first ("50 to 87 million")."""
    if a.mag == 1.0 and b.mag != 1.0 and not a.comma and abs(a.value) <= abs(b.value / b.mag):
        a.value *= b.mag
    if not a.currency and b.currency:
        a.currency = b.currency
    if not a.percent and b.percent:
        a.percent = True
    if not a.unit and b.unit:
        a.unit = b.unit
    if not b.currency and a.currency:
        b.currency = a.currency


# ---------------------------------------------------------------------------------------------
# Public API


def extract_figures(
    text: str, claims: Sequence[Claim] = (), default_source: str | None = None
) -> list[Figure]:
    """All figures in `text`, in order. The source of a figure is the source of the innermost claim
    whose content span contains it, else `default_source` (usually the outlet)."""
    nums = _candidates(text)
    figures: list[Figure] = []
    i = 0
    while i < len(nums):
        a = nums[i]
        if i + 1 < len(nums):
            b = nums[i + 1]
            connective = _try_range(text, a, b)
            if connective:
                _merge(a, b)
                fig = _range_figure(text, a, b, connective)
                figures.append(fig)
                i += 2
                continue
        figures.append(_single_figure(text, a))
        i += 1
    for fig in figures:
        fig.source = _source_of(fig, claims, default_source)
    return figures


def figures_in_asides(
    asides: Sequence, default_source: str | None = None, claims: Sequence[Sequence[Claim]] | None = None
) -> list[Figure]:
    """Figures in `Document.asides` (captions, pull-quotes): offsets index each aside's own text and
    `aside` is its index. `claims`, if given, holds the claims found in each aside, in order."""
    out: list[Figure] = []
    for i, aside in enumerate(asides):
        text = aside if isinstance(aside, str) else aside.text
        aside_claims = claims[i] if claims is not None and i < len(claims) else ()
        for fig in extract_figures(text, aside_claims, default_source):
            fig.aside = i
            out.append(fig)
    return out


def _anchors(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, is_word) of every place a number may start, in order."""
    digits = [(_true_start(text, m.start()), m.end(), False) for m in _DIGIT_RUN.finditer(text)]
    words = [(m.start(), m.end(), True) for m in _WORD_ANCHOR.finditer(text)]
    if not words:
        return digits
    return sorted(digits + words)


def _candidates(text: str) -> list[_Num]:
    urls = [m.span() for m in _URLS.finditer(text)] if ("://" in text or "www." in text or "@" in text) else []
    nums: list[_Num] = []
    pos = 0
    prev_year_end = -1
    for s, anchor_end, is_word in _anchors(text):
        if s < pos:
            continue
        blocked = _block_end(text, s, urls) if not is_word else -1
        if blocked >= 0:
            pos = blocked
            continue
        if is_word and text[s] in "Aa" and _FRACTION_AFTER.match(text, anchor_end):
            num, pos = _read_fraction_word(text, s, anchor_end)
        else:
            num, pos = _read(text, s, anchor_end)
        if num is None:
            continue
        if num.words or num.spelled.isdigit():
            _fraction_or_proportion(text, num)
            pos = max(pos, num.end)
        rejected, resume = _reject(text, num, prev_year_end)
        if rejected:
            if num.integer4:
                prev_year_end = resume
            pos = max(pos, resume)
            continue
        nums.append(num)
    for n in nums:
        _qualify(text, n)
    return nums


def _read_fraction_word(text: str, start: int, end: int) -> tuple[_Num | None, int]:
    """"a third of", "a quarter of" -> 1/3, 1/4."""
    m = _FRACTION_AFTER.match(text, end)
    num = _Num(start, m.end("f"), 1.0 / FRACTIONS[m.group("f").lower()])
    num.words = True
    num.spelled = text[start : m.end("f")]
    return num, m.end("f")


def _fraction_or_proportion(text: str, num: _Num) -> None:
    """"two-thirds of" -> 0.667, "one in three" / "1 out of 5" -> 0.333 / 0.2 (in place)."""
    if num.mag != 1.0 or num.percent or num.currency:
        return
    m = _FRACTION_AFTER.match(text, num.end)
    if m and num.words and num.value >= 1 and num.value < 100:
        den = FRACTIONS[m.group("f").lower()]
        if num.value < den or m.group("f").lower().endswith("s"):
            num.value = num.value / den
            num.end = m.end("f")
            num.spelled = text[num.start : num.end]
            return
    m = _PROPORTION.match(text, num.end)
    if m:
        d = m.group("d")
        den = float(d.replace(",", "")) if d[0].isdigit() else word_value(d)
        if den and num.value < den and (den <= 1000 or "," in d) and num.value >= 1:
            num.value = num.value / den
            num.end = m.end()
            num.spelled = text[num.start : num.end]
            num.integer4 = False


def _unit_of(text: str, num: _Num) -> str | None:
    if num.currency:
        return num.currency
    if num.percent:
        return "percent"
    if num.unit:
        return num.unit
    m = _UNIT_AFTER.match(text, num.end)
    if m:
        if m.group("word"):
            w = " ".join(m.group("word").lower().split())
            if w in UNIT_WORDS:
                return UNIT_WORDS[w]
            return CURRENCY_WORDS[w]
        if m.group("code"):
            return CURRENCY_CODES[m.group("code")]
        else:
            return UNIT_SYMBOLS[m.group("sym")]
    noun = _counted_noun(text, num.end)
    if noun == "pounds" and num.mag != 1.0:
        return "GBP"
    return noun


def _clean(v: float) -> float:
    """Drop binary noise from scaling: 132.8 * 1e6 is 132800000.00000001."""
    return float(f"{v:.12g}")


def _single_figure(text: str, n: _Num) -> Figure:
    n.value = _clean(n.value)
    start = min(n.start, n.qual_start)
    low = high = None
    if n.qual_kind == "high":
        high = n.value
    elif n.qual_kind == "low":
        low = n.value
    return Figure(
        start=start,
        end=n.end,
        text=text[start : n.end],
        value=n.value,
        low=low,
        high=high,
        unit=_unit_of(text, n),
        qualifier=n.qualifier,
    )


def _range_figure(text: str, a: _Num, b: _Num, connective: str) -> Figure:
    lo_v, hi_v = sorted((_clean(a.value), _clean(b.value)))
    start = a.start
    if connective in ("between", "from"):
        pattern = _BETWEEN_BEFORE if connective == "between" else _FROM_BEFORE
        m = pattern.search(text, max(0, a.start - 30), a.start)
        if m:
            start = m.start()
    if lo_v == hi_v:
        fig = _single_figure(text, b)
        fig.start, fig.text = start, text[start : b.end]
        return fig
    return Figure(
        start=start,
        end=b.end,
        text=text[start : b.end],
        value=hi_v,
        low=lo_v,
        high=hi_v,
        unit=_unit_of(text, b) or _unit_of(text, a),
        qualifier=connective,
    )


def _source_of(fig: Figure, claims: Sequence[Claim], default: str | None) -> str | None:
    """The source of the smallest claim holding the figure, else the document's own (its outlet).
    A claim the writer makes in the first person ("I reckon 30 million …") is the document's too."""
    best = None
    for c in claims:
        if c.start <= fig.start and fig.end <= c.end and c.source:
            if best is None or c.end - c.start < best.end - best.start:
                best = c
    if best is None or best.source.lower() in _FIRST_PERSON:
        return default
    return best.source


_FIRST_PERSON = {"i", "me", "we", "us"}
