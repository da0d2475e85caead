"""The speaker mention next to a cue verb, found by walking words outward from the verb.

`subject_before` reads leftwards from "said" ("A Messenger spokeswoman said", "Bryant, the
Republican chairman, said"), `phrase_after` rightwards ("said Jon Ralston, who runs …"). Walking
word by word is fast and never backtracks, unlike one big regular expression for noun phrases.
"""

from __future__ import annotations

import re

from corpus.quote_names import ORG_NOUNS, ROLE_HEADS
from corpus.speakers import (
    ABBREV,
    DETERMINERS,
    FUNCTION_WORDS,
    POSSESSIVES,
    PRONOUNS,
    RUN_RE,
    STOP_CAPS,
    is_cap,
)

_PLURAL_NOUNS = {"officials", "sources", "aides", "advisers", "advisors", "experts", "analysts", "critics",
                 "supporters", "voters", "members", "leaders", "lawmakers", "democrats", "republicans",
                 "residents", "people", "workers", "executives", "investigators", "prosecutors", "lawyers",
                 "researchers", "activists", "protesters", "delegates", "observers", "strategists", "donors",
                 "users", "customers", "employees", "staffers", "operatives", "insiders", "organizers",
                 "others", "polls", "reports", "documents", "records", "statements", "emails"}

_POSTMOD_HEADS = {"those", "people", "voters", "respondents", "americans", "democrats", "republicans",
                  "officials", "residents", "adults", "women", "men", "students", "workers", "members",
                  "others", "most", "many", "some", "all"}

_ADVERB_OK = {
    "also", "later", "then", "again", "previously", "recently", "once", "repeatedly", "further",
    "simply", "just", "still", "often", "long", "already", "first", "earlier", "initially",
    "subsequently", "separately", "privately", "publicly", "openly", "flatly", "has", "have", "had",
    "was", "were", "is", "are", "would", "will", "could", "may", "might", "did", "does", "do", "been", "not", "never", "reportedly", "allegedly", "apparently", "has.", "even", "always",
    "had,", "once,", "quickly", "immediately", "finally", "eventually", "only",
}


_WORD_RE = re.compile(r"\S+")
# Nouns ending in -ly, not adverbs: "Clinton ally James Carville".
_LY_NOUNS = {"ally", "family", "assembly", "rally", "supply", "monopoly", "bully"}
_ABBREV_END = ABBREV + r"|No\.|(?:[A-Z]\.)+"
# Verbs (irregular past, present) that follow a name as its predicate, never as part of the phrase.
_VERBS_AFTER_NAME = {
    "went", "held", "took", "made", "gave", "got", "came", "saw", "kept", "left", "sent", "spent", "brought",
    "thought", "felt", "began", "ran", "won", "lost", "wrote", "spoke", "stood", "led", "met", "paid", "hit",
    "seems", "seem", "appears", "goes", "gets", "takes", "makes", "gives", "comes", "sees", "keeps", "wants",
    "thinks", "knows", "believes", "remains", "continues", "tries", "turns", "turned", "responds", "insists",
}


def _tokens(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _WORD_RE.finditer(text, lo, hi)]


def _np_word(word: str, inside: bool = False) -> str:
    """'ok' (noun-phrase word), 'det' (ends the phrase at its left), or 'stop'. `inside`: the word
    follows a capitalised word of the same phrase, where "Watch" in "Judicial Watch" is a name."""
    core = word.strip("()[]\"'“”‘’")
    low = core.lower().rstrip(",")
    if not core:
        return "stop"
    if low in DETERMINERS or low in POSSESSIVES:
        return "det"
    if core[0].isupper():
        if inside and low not in FUNCTION_WORDS and low not in PRONOUNS:
            return "ok"
        if low in _PLURAL_NOUNS:
            return "ok"  # "Critics said", "Officials say": a plural noun opening the sentence
        return "stop" if low in STOP_CAPS and low not in ("the", "a", "an") else "ok"
    if low in FUNCTION_WORDS:
        return "stop"
    if core[0].isdigit():
        return "ok"
    if not core[0].isalpha():
        return "stop"
    if (low.endswith("ly") and low not in _LY_NOUNS) or (low.endswith("ed") and low not in ROLE_HEADS
                                                         and low not in ORG_NOUNS):
        return "stop"
    return "ok"


def subject_before(text: str, lo: int, pos: int) -> tuple[int, int] | None:
    """The noun phrase just before a cue verb at `pos` ("A Messenger spokeswoman" in
    "A Messenger spokeswoman said"), skipping adverbs ("also said"). When commas set off phrases
    before the verb ("Clinton, 35, the daughter of …, said", "Durbin, noting …, said"), the subject is
    the first of those phrases that is a whole noun phrase, and the mention runs to the last one.
    Searches no further left than `lo`."""
    toks = _tokens(text, max(lo, pos - 240), pos)
    i = len(toks) - 1
    while i >= 0:
        w = toks[i][2]
        if not w.endswith(",") and (w.lower() in _ADVERB_OK or (w.endswith("ly") and w.islower())):
            i -= 1
        elif i >= 1 and _TIME_WORD.fullmatch(w) and toks[i - 1][2].lower() in _TIME_LEAD:
            i -= 2  # "… allies on Monday predicted", "… officials last week said"
        elif _TIME_WORD.fullmatch(w) and w.lower() in ("yesterday", "today", "tonight", "recently"):
            i -= 1
        else:
            break
    if i < 0:
        return None
    if not toks[i][2].endswith(","):
        return _np_ending(toks, i, toks[i][1])
    # comma-separated phrases before the verb: find where they start
    end = toks[i][1] - 1
    cuts = [i]  # indices of tokens ending a phrase (with a comma)
    j = i - 1
    while j >= 0 and i - j < 40:
        w = toks[j][2]
        if w.endswith((";", ":", ".", "!", "?")) and not re.fullmatch(_ABBREV_END, w):
            break
        if w.endswith(","):
            cuts.append(j)
        j -= 1
    first = j + 1
    # phrases: [first, cuts[-1]], [cuts[-1]+1, cuts[-2]], ...
    bounds = [first] + [c + 1 for c in reversed(cuts)]
    for a, b in zip(bounds, [c for c in reversed(cuts)], strict=False):
        np_ = _np_ending(toks, b, toks[b][1] - 1, strip_comma=True)
        if np_ is None:
            continue
        if np_[0] == toks[a][0] or (a == first and _np_start_ok(toks, a, np_[0])):
            if np_[0] == toks[a][0] and text[np_[0] : np_[1]].lower() in PRONOUNS and b != cuts[0]:
                continue
            return (np_[0], end)
    return None


def _np_start_ok(toks, a: int, start: int) -> bool:
    """The phrase may open with a conjunction or adverb before the noun phrase ("But Sen. Durbin"),
    or with a clause that a subordinator ends ("The issue came up after Mr. Trump, asked …, said")."""
    for k in range(a, len(toks)):
        if toks[k][0] >= start:
            return k == a or toks[k - 1][2].lower() in _CLAUSE_OPENERS
        if toks[k][2].lower().strip(",") not in ("but", "and", "so", "yet", "still", "then", "now", "also",
                                                 "meanwhile", "however", "instead"):
            nxt = [t for t in toks[k:] if t[0] < start]
            return bool(nxt) and nxt[-1][2].lower() in _CLAUSE_OPENERS
    return False


_CLAUSE_OPENERS = {"after", "when", "as", "while", "because", "since", "if", "although", "though", "and",
                   "but", "so", "until", "before", "once", "whereas", "where", "then"}
_TIME_WORD = re.compile(r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|"
                        r"night|morning|afternoon|evening|weekend|yesterday|today|tonight|recently)",
                        re.IGNORECASE)
_TIME_LEAD = {"on", "last", "this", "next", "earlier", "late", "early", "that", "the"}


def _np_ending(toks, i: int, end: int, strip_comma: bool = False) -> tuple[int, int] | None:
    """The noun phrase whose last word is toks[i] (a pronoun alone, else up to 14 words back)."""
    word = toks[i][2][:-1] if strip_comma and toks[i][2].endswith(",") else toks[i][2]
    low = word.lower().strip("()")
    if low in PRONOUNS:
        return (toks[i][0], end)
    kind = _np_word(word)
    if kind == "stop" and low.endswith("ed") and i >= 1 and word.islower() \
            and toks[i - 1][2].lower() in _POSTMOD_HEADS:
        kind = "ok"  # "those surveyed said", "voters polled say": a participle after its noun
    if kind != "ok" and not (kind == "det" and low in ("one", "two", "several", "some", "many", "most")):
        return None
    start = toks[i][0]
    first = i  # index of the phrase's first token
    lower_count = 0
    j = i - 1
    while j >= 0 and i - j < 14:
        w = toks[j][2]
        if w.endswith((",", ";", ":", ".", "!", "?")) and not re.fullmatch(_ABBREV_END, w):
            break
        k = _np_word(w)
        if k == "stop":
            if w == "of" and j > 0 and is_cap(toks[j - 1][2]) and is_cap(toks[j + 1][2]):
                j -= 1
                continue
            break
        if k == "det":
            start, first = toks[j][0], j
            break
        if not is_cap(w):
            lower_count += 1
            if lower_count > 4:
                break
        start, first = toks[j][0], j
        j -= 1
    # "A spokeswoman for the company said": the role before "for"/"at" is who speaks, for the company
    if first >= 2 and toks[first - 1][2] in _ROLE_LINKS and toks[first - 2][2].lower() in ROLE_HEADS:
        role = _np_ending(toks, first - 2, toks[first - 2][1])
        if role is not None:
            return (role[0], end)
    return (start, end)


_ROLE_LINKS = {"for", "at", "from"}


_KNOWN_AS = re.compile(r"(?:(?<=known)\s+as|\s+(?:known\s+as|called|named))\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}")
_APPOSITION_RE = re.compile(r"(?:a|an|the|his|her|its|their)\s[^,.;:\x01\n]{1,80}?(?=[,.;]|$)")


def phrase_after(text: str, pos: int, hi: int) -> tuple[int, int] | None:
    """The noun phrase right after `pos` ("Jon Ralston" in "said Jon Ralston, who runs …"); an
    apposition naming a person is included ("the company's spokesman, John Smith")."""
    toks = _tokens(text, pos, min(hi, pos + 300))
    i = 0
    while i < len(toks) and toks[i][2].lower() in ("also", "later", "then", "again"):
        i += 1
    if i >= len(toks):
        return None
    first = toks[i][2]
    low = first.lower().strip(",.;:")
    if low in PRONOUNS:
        return (toks[i][0], toks[i][0] + len(first.rstrip(",.;:")))
    if low[-2:] in ("'s", "’s") and low[:-2] in PRONOUNS:
        return (toks[i][0], toks[i][0] + len(low) - 2)  # "She's a Sanders supporter but concedes …"
    k = _np_word(first)
    if k == "stop" and first[0].isupper() and i + 1 < len(toks) and is_cap(toks[i + 1][2]) \
            and first.lower() in ("will", "may", "hope", "grant", "rush", "chase", "mark", "read", "bill", "art"):
        k = "ok"  # "said Will Doyle": a given name that is also a word
    if k == "stop" and not first[0].isupper():
        # "said retired neurosurgeon Ben Carson": a participle used as an adjective
        if not (first.endswith("ed") and i + 1 < len(toks) and _np_word(toks[i + 1][2]) == "ok"):
            return None
    start = toks[i][0]
    end = start
    lower_count = 0
    while i < len(toks):
        w = toks[i][2]
        core = w.rstrip(",.;:!?)\"”’")
        inside = i > 0 and toks[i][0] != start and is_cap(toks[i - 1][2])
        k = _np_word(core, inside) if core else "stop"
        if k == "ok" and toks[i][0] != start and core.islower() and core.endswith("s") \
                and not core.endswith(("ss", "us", "is")) and toks[i - 1][2].islower() \
                and toks[i - 1][2].lower() not in DETERMINERS and core not in _PLURAL_NOUNS:
            k = "stop"  # "The 60 second ad ends with …"
        after_cap = toks[i][0] != start and is_cap(toks[i - 1][2])
        if k == "stop" and core.endswith("ed") and w == core and i + 1 < len(toks) \
                and _np_word(toks[i + 1][2]) == "ok" and not after_cap:
            k = "ok"  # "said retired neurosurgeon Ben Carson", but "Clinton claimed victory" is a clause
        if k == "ok" and after_cap and (core.lower() in _VERBS_AFTER_NAME or core.endswith(("n't", "n’t"))):
            k = "stop"  # "Trump went even further", "Weaver didn't seem …": the name's verb
        if i > 0 and toks[i][0] != start and k == "det" and core.lower() not in POSSESSIVES:
            break
        if k == "stop" and core not in ("of", "and", "&") and not (core and core[0] == "("):
            break
        if core and not is_cap(core) and k != "det":
            lower_count += 1
            if lower_count > 4:
                break
        is_abbrev = re.fullmatch(_ABBREV_END, w) is not None
        if core[:1] == "(" and ")" in w:
            end = toks[i][0] + w.index(")") + 1  # "Rep. Jim Clyburn (D-S.C.)": the whole parenthesis
            break
        end = toks[i][0] + (len(w) if is_abbrev else len(core))
        if w != core and not is_abbrev:
            break
        i += 1
    if end <= start:
        return None
    m = _KNOWN_AS.match(text, end, hi)
    if m:
        end = m.end()  # "the base chief known as Bob"
    # "Tom Ruiz, a spokesman for the bank": the apposition gives the role
    if text[end : end + 2] == ", " and is_cap(text[start]):
        m = _APPOSITION_RE.match(text, end + 2, hi)
        if m:
            return (start, m.end())
    # "the company's spokesman, John Smith" / "a spokeswoman, Jane Doe,"
    if text[end : end + 2] == ", ":
        m = RUN_RE.match(text, end + 2)
        if m and not is_cap(text[start]) and m.end() <= hi:
            nxt = text[m.end() : m.end() + 1]
            if nxt in (",", ".", "") or m.end() == hi:
                end = m.end()
    # drop a trailing "of"/"and"
    while True:
        seg = text[start:end]
        if seg.endswith((" of", " and", " &")):
            end = start + seg.rfind(" ")
        else:
            break
    return (start, end) if end > start else None
