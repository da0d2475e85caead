"""What a figure counts: its unit family and the words around it.

Both are computed once at ingest (stored in the figure's record) so that comparing figures at query
time is set arithmetic. Families decide what may be compared at all: people (users, customers,
profiles…) are never set against accounts or records, pounds never against dollars.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Unit words as an extractor reports them (plural, lower case) -> the family they are counted in.
_FAMILIES = {
    "people": """people person persons individuals individual users user customers customer patients patient
        members member voters voter subscribers subscriber employees employee staff workers students children
        residents citizens americans britons consumers clients passengers victims guests travellers travelers
        applicants taxpayers borrowers shoppers viewers players profiles profile families households
        accountholders holders participants veterans followers adults minors teenagers pensioners""",
    "accounts": "accounts account logins login credentials passwords usernames mailboxes",
    "records": """records record rows files documents entries emails messages datasets database databases
        email addresses""",
    "cards": "cards card",
    "devices": "devices device computers machines phones servers systems endpoints",
    "organisations": "companies organisations organizations firms businesses agencies institutions",
}
UNIT_FAMILY = {w: fam for fam, words in _FAMILIES.items() for w in words.split()}
_CURRENCY = re.compile(r"^[A-Z]{3}$")
COUNT_FAMILIES = ("people", "accounts", "records", "cards", "devices", "organisations")


def unit_family(unit: str | None) -> str:
    """`users` -> `people`, `GBP` -> `money:GBP`, `percent` -> `percent`, None -> `count`."""
    if not unit:
        return "count"
    u = unit.strip()
    if _CURRENCY.match(u):
        return f"money:{u}"
    low = u.lower()
    if low in ("percent", "%", "per cent", "percentage"):
        return "percent"
    if low in UNIT_FAMILY:
        return UNIT_FAMILY[low]
    last = low.split()[-1] if low.split() else low
    if last in UNIT_FAMILY:  # "payment cards", "customer records", "Facebook users"
        return UNIT_FAMILY[last]
    return f"unit:{low}"


STOPWORDS = set("""
a about above after again against all almost also am an and any are around as at be been before being
below between both but by can could did do does doing down during each few for from further had has have
having he her here hers herself him himself his how i if in into is it its itself just least less like
made make many may me might more most much must my myself near nearly no nor not now of off on once only
or other our ours out over own per rather said same says say she should so some such than that the their
them then there these they this those through to too under until up upon us very was we were what when
where which while who whom why will with would you your yours million millions billion billions thousand
thousands hundred hundreds m bn k mn one two three four five six seven eight nine ten first last new also
according told saying added estimated estimate figure figures number numbers total some roughly approximately
least most up to as many much well including whose had been being has
""".split())
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
WINDOW = 8


@lru_cache(maxsize=65536)  # the same words come back in every article
def stem(word: str) -> str:
    """A crude English stem, enough to let `downloaded`/`downloads` and `profiles`/`profile` meet."""
    w = word.lower().replace("’", "'").removesuffix("'s").strip("'-")
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3 and not w.endswith("ss"):
            return w[: len(w) - len(suffix)] + keep
    return w


def context_words(sentence: str, start: int, end: int, window: int = WINDOW) -> list[str]:
    """Stems of the content words within `window` words either side of the figure at
    `sentence[start:end]`, nearest first (so callers may weigh the nearest words more)."""
    before = _WORD.findall(sentence, 0, start)[-window:]
    after = _WORD.findall(sentence, end)[:window]
    ordered: list[str] = []
    for i in range(max(len(before), len(after))):
        if i < len(after):
            ordered.append(after[i])
        if i < len(before):
            ordered.append(before[-1 - i])
    out: list[str] = []
    for w in ordered:
        if w.lower() in STOPWORDS or len(w) < 3:
            continue
        s = stem(w)
        if s not in out and s not in STOPWORDS:
            out.append(s)
    return out
