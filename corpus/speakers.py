"""Who a mention refers to: names, titles, roles, organisations and pronouns in one document.

`Registry` reads every run of capitalised words outside quotations once, sorts them into people,
organisations and unknowns, and then answers, for a mention at a given offset, the fullest name the
document has given so far: "Mr Schroepfer" -> "Mike Schroepfer" (named earlier with his role and
firm), "He" -> the last person a "he" can refer to, "It" / "the company" -> the last organisation.
Indefinite mentions ("A Messenger spokeswoman", "sources") are kept as written, never guessed.

Finding the mention next to a cue verb is `corpus.quote_phrases`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from corpus.quote_names import (
    FEMALE_NAMES,
    FEMALE_NOUNS,
    FEMALE_TITLES,
    MALE_NAMES,
    MALE_NOUNS,
    MALE_TITLES,
    ORG_NOUNS,
    ORG_WORDS,
    PLACES,
    ROLE_HEADS,
    TITLES,
)

_UP = "A-ZÀ-ÖØ-Þ"
ABBREV = (r"(?:Mr|Mrs|Ms|Dr|Prof|Sen|Gov|Rep|Gen|Col|Capt|Lt|Sgt|Adm|Maj|St|Rev|Hon|Pres|Jr|Sr|Inc|Corp|Co|Ltd|"
           r"Mt|Ft|Supt|Insp|Det|Cmdr|Del|Atty|Amb|Sec|Cong|Gens|Reps|Sens|Govs|Msgr|Fr|Sgt)\.")
_TOKEN = rf"(?:{ABBREV}|[{_UP}]\.(?:[{_UP}]\.)*(?![\w])|[{_UP}][\w'’&-]*\w|[{_UP}])"
_JOIN = r"[ \xa0](?:(?:de|da|van|von|der|den|del|della|di|du|la|le|bin|ibn|al|el|dos|das|of|y)[ \xa0])?"
RUN_RE = re.compile(rf"(?=[{_UP}])(?<![\w'’]){_TOKEN}(?:{_JOIN}{_TOKEN})*")
_WORD_RE = re.compile(r"\S+")
_PAREN_RE = re.compile(r"\s*\([^)]*\)")
# "of …" after a person's name (a title, or two capitalised words) says where they are from
_OF_PLACE = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Miss)\.?\s[A-Z][\w'’-]*|[A-Z][\w'’-]+\s[A-Z][\w'’-]+)"
                       r"(\s(?:of|from)\s)(?=the\s|[A-Z]|[a-z]+\s+(?:[a-z]+\s+){0,2}[A-Z])")
_PARTICIPLE_NEXT = re.compile(r"\s+(?:before|the|a|an|to|on|in|at|with|for|about|from|his|her|their|its|after|"
                              r"through|into|over|under|during|as|by|out|up|back)\b")
# Capitalised verbs of headlines ("Trump Slams …", "Cruz Hints …"): they end a name.
HEADLINE_VERBS = {"says", "said", "calls", "slams", "hints", "warns", "urges", "wins", "loses", "blasts",
                  "rips", "mocks", "attacks", "claims", "admits", "denies", "vows", "tells", "asks",
                  "responds", "reveals", "is", "was", "will", "has", "are", "were", "to", "defends",
                  "praises", "endorses", "backs", "rejects", "accuses", "thanks", "doubles", "takes",
                  "gets", "makes", "goes", "leads", "trails", "beats", "meets", "drops", "quits", "just"}
NOT_NAME_WORDS = {"year", "day", "eve", "street", "avenue", "road", "river", "sea", "ocean", "mountain",
                  "lake", "park", "square", "bridge", "island", "county", "valley", "beach", "center",
                  "week", "month", "night", "morning", "act", "bill", "law", "amendment", "war", "games",
                  "cup", "awards", "prize", "series", "show", "debate", "caucus", "primary", "convention",
                  "election", "summit", "conference", "forum", "festival", "book", "report"}
_UTTERANCES = {"response", "statement", "campaign", "tweet", "tweets", "letter", "remarks", "comments", "reply",
               "answer", "message", "speech", "post", "website", "team", "office", "camp", "account",
               "announcement", "memo", "filing", "ad", "op-ed", "column", "book"}
_CONTEXT_WORDS = ROLE_HEADS | ORG_NOUNS | MALE_NOUNS | FEMALE_NOUNS
_PLACE_PREFIXES = {"new", "san", "santa", "los", "las", "saint", "st", "fort", "port", "lake", "mount", "el",
                   "north", "south", "east", "west", "upper", "lower", "greater"}
DEMONYMS = {"american", "americans", "korean", "chinese", "japanese", "mexican", "russian", "british",
            "german", "french", "italian", "spanish", "iranian", "iraqi", "syrian", "israeli", "palestinian",
            "canadian", "european", "african", "asian", "indian", "pakistani", "afghan", "saudi", "turkish",
            "egyptian", "cuban", "muslim", "muslims", "christian", "christians", "jewish", "catholic",
            "democratic", "republican", "democrat", "republicans", "democrats", "hispanic", "latino",
            "latinos", "black", "white", "evangelical", "evangelicals", "conservative", "liberal",
            "progressive", "south", "north", "east", "west", "southern", "northern", "western", "eastern"}
_PARTICLES = {"de", "da", "van", "von", "der", "den", "del", "della", "di", "du", "la", "le", "bin", "ibn",
              "al", "el", "dos", "das", "of", "y"}

PERSONAL = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
PRONOUNS = {"he", "she", "they", "it", "i", "we", "you", "who", "him", "her", "them", "us", "me"}
POSSESSIVES = {"his", "her", "its", "their", "our", "my", "your"}
DETERMINERS = {"a", "an", "the", "another", "one", "two", "three", "four", "five", "several", "some",
               "many", "most", "other", "both", "all", "few", "no", "each", "every", "this", "that",
               "these", "those", "any", "more", "fellow"}
# Capitalised words that start sentences or clauses but are never part of a name.
STOP_CAPS = {
    "the", "a", "an", "but", "and", "or", "so", "yet", "in", "on", "at", "of", "for", "to", "from", "by",
    "with", "as", "after", "before", "when", "while", "if", "though", "although", "because", "since",
    "until", "unless", "he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "our",
    "my", "your", "this", "that", "these", "those", "there", "here", "what", "who", "why", "how", "where",
    "which", "also", "however", "meanwhile", "still", "then", "now", "not", "no", "yes", "more", "most",
    "many", "some", "all", "both", "each", "every", "other", "such", "one", "two", "last", "next",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "june", "july", "august", "september", "october", "november", "december", "jan", "feb",
    "aug", "sept", "oct", "nov", "dec", "asked", "according", "speaking", "said", "says", "despite",
    "during", "instead", "later", "earlier", "today", "yesterday", "tonight", "even", "just", "only",
    "like", "unlike", "about", "among", "against", "between", "into", "over", "under", "without",
    "within", "through", "across", "do", "does", "did", "is", "are", "was", "were", "be", "has", "have",
    "had", "will", "would", "can", "could", "should", "may", "might", "must", "let", "please", "thanks",
    "thank", "well", "oh", "okay", "ok", "once", "whether", "whatever", "whoever", "read", "click", "follow", "watch", "see", "photo", "image", "getty", "reuters_x", "update", "editor",
    "note", "advertisement", "related", "again", "indeed", "perhaps", "maybe", "too",
    "everyone", "nobody", "someone", "anyone", "nothing", "something", "either",
    "neither", "sources", "officials", "critics", "supporters", "voters", "analysts", "experts",
    "given", "told", "writing", "having", "being", "following",
    "responding", "addressing", "pressed", "reached", "contacted", "interviewed", "quoted", "citing",
}
# Lower-case words that cannot be inside a subject noun phrase: a walk from the cue stops there.
FUNCTION_WORDS = {
    "in", "on", "at", "to", "for", "from", "by", "with", "as", "after", "before", "when", "while", "if",
    "though", "although", "because", "since", "until", "unless", "and", "but", "or", "nor", "so", "yet",
    "that", "which", "who", "whom", "whose", "what", "where", "why", "how", "than", "then", "there",
    "here", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did",
    "will", "would", "can", "could", "should", "may", "might", "must", "shall", "not", "also", "about",
    "into", "over", "under", "during", "without", "within", "through", "across", "against", "between",
    "among", "upon", "like", "just", "only", "even", "still", "already", "never", "always", "now",
    "said", "says", "say", "told", "tells", "it", "him", "them", "me", "us", "you", "i", "we", "this",
    "whether", "once", "ago", "later", "earlier", "again", "too", "very", "much", "such", "out", "up",
    "down", "off", "away", "back", "more", "less", "last", "next", "week", "year", "month", "day",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "morning", "afternoon",
    "evening", "night", "tonight", "today", "yesterday", "tomorrow", "per", "via", "amid", "despite",
    "including", "according", "asked", "saying", "telling", "adding", "noting", "writing",
}


@dataclass
class Entity:
    """A person or organisation the document names; `name` is the fullest form seen."""

    name: str
    kind: str  # "person", "org" or "unknown"
    gender: str | None = None  # "m", "f" or None (unknown)
    role: str | None = None
    org: str | None = None
    positions: list[int] = field(default_factory=list)
    spoke: bool = False  # has been the speaker of a cue

    @property
    def surname(self) -> str:
        return _key(self.name.split()[-1])


@dataclass
class Resolution:
    """The answer for one mention: the name to show, and the role/organisation the text gives."""

    name: str
    role: str | None = None
    org: str | None = None
    entity: Entity | None = None
    nominal: bool = False  # an unnamed mention kept as written ("A Messenger spokeswoman")


@lru_cache(maxsize=65536)
def _key(word: str) -> str:
    return word.lower().removesuffix("'s").removesuffix("’s").rstrip(".")


def _strip_possessive(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "’s")) else word.rstrip("'’")


def is_cap(word: str) -> bool:
    """Does the word start with a capital letter?"""
    return bool(word) and word[0].isupper()


def _gender_of_tokens(tokens: list[str], context: str = "") -> str | None:
    for t in tokens:
        k = t.lower().rstrip(".")
        if k in MALE_TITLES:
            return "m"
        if k in FEMALE_TITLES:
            return "f"
    for t in tokens:
        k = t.lower().rstrip(".")
        if k in MALE_NAMES and k not in FEMALE_NAMES:
            return "m"
        if k in FEMALE_NAMES and k not in MALE_NAMES:
            return "f"
        if not (k in TITLES or k in ROLE_HEADS):
            break
    words = context.lower().split()
    if words:
        last = words[-1].strip(",")
        if last in MALE_NOUNS:
            return "m"
        if last in FEMALE_NOUNS:
            return "f"
    return None


def split_role(tokens: list[str]) -> tuple[list[str], list[str], list[str]]:
    """Split capitalised tokens into (titles/role, name, possessor): "Facebook's Chief Technology
    Officer Mike Schroepfer" -> (["Chief", "Technology", "Officer"], ["Mike", "Schroepfer"],
    ["Facebook"])."""
    possessor: list[str] = []
    for i in range(len(tokens) - 1, -1, -1):
        if tokens[i].endswith(("s'", "s’")) and _key(tokens[-1]) in ORG_WORDS:
            break  # a plural possessive inside an organisation's name: "The Patients’ Data Alliance"
        if tokens[i].endswith(("'s", "’s", "s'", "s’")) and i < len(tokens) - 1:
            possessor = tokens[: i + 1]
            possessor[-1] = _strip_possessive(possessor[-1])
            tokens = tokens[i + 1 :]
            break
    last_role = -1
    for i, t in enumerate(tokens[:-1]):
        k = t.lower().rstrip(".")
        if k in ROLE_HEADS or k in TITLES:
            last_role = i
        elif k == "of" and last_role == i - 1 and i + 1 < len(tokens) - 1:
            last_role = i + 1  # "Secretary of State John Kerry"
    while last_role < len(tokens) - 3 and _key(tokens[last_role + 1]) in DEMONYMS:
        last_role += 1  # "Democrat Hillary Clinton", "Republican Rep. …": party or origin, not name
    if last_role >= 0 and any(_key(t) in ORG_WORDS for t in tokens[last_role + 1 :]):
        # "General Motors", "Chief Justice's Court": the words after the title name an organisation
        if tokens[last_role].lower().rstrip(".") not in ("mr", "mrs", "ms", "dr", "sen", "gov", "rep"):
            return [], tokens, possessor
    return tokens[: last_role + 1], tokens[last_role + 1 :], possessor


@lru_cache(maxsize=65536)  # the same runs come back in every article ("The", "Mr Smith", "But Facebook")
def _name_parts(run: str) -> tuple[tuple[int, tuple[str, ...]], ...]:
    """A run of capitalised words split at the words that cannot belong to a name ("But", "In",
    "Monday"): (offset in the run, words) of each part that may be a name."""
    if " " not in run and "\xa0" not in run:
        return () if _key(run) in STOP_CAPS else ((0, (run,)),)
    matches = list(_WORD_RE.finditer(run))
    out = []
    part: list[str] = []
    part_start = 0
    for n, m in enumerate(matches):
        tok = m.group()
        key = _key(tok)
        initial = part and len(tok) == 2 and tok[1] == "." and n + 1 < len(matches)  # "Roberta A. Kaplan"
        if (key in STOP_CAPS and not initial) or (part and n + 1 < len(matches) and key in HEADLINE_VERBS):
            # "But", "Monday"; "Ted Cruz Hints Trump …" in a title-case headline
            if part:
                out.append((part_start, tuple(part)))
            part = []
            continue
        if not part:
            part_start = m.start()
        part.append(tok)
    if part:
        out.append((part_start, tuple(part)))
    return tuple(out)


_COUNTRY_CODES = {"uk", "us", "usa", "u.s", "u.k"}
SENTENCE_WINDOW = 8  # how many sentences back a pronoun looks for its person


class Registry:
    """People and organisations named in one document, in text order."""

    def __init__(self, text: str, skip: list[tuple[int, int]] = (), masked: str | None = None):
        """`skip`: spans (quotations) whose names are not read; or `masked`, the text with those
        spans already blanked out (same offsets), which is faster."""
        self.text = text
        self._masked = masked
        self.entities: list[Entity] = []
        self._by_name: dict[str, Entity] = {}
        self._by_surname: dict[str, list[Entity]] = {}
        self._mentions: list[tuple[int, Entity]] = []  # (offset, entity) in text order
        self._speakers: list[tuple[int, Resolution]] = []  # attributed speakers in text order
        self.sentence_starts: list[int] = []  # set by the caller once sentences are known
        self._classified: dict[tuple, tuple] = {}  # a name seen again in the same context
        self._scan(skip)

    # ---- building -------------------------------------------------------------------------
    def _scan(self, skip) -> None:
        if self._masked is not None:
            for m in RUN_RE.finditer(self._masked):  # quotations are masked out already
                self._add_run(m.start(), m.group())
            return
        starts = [s for s, _ in skip]
        for m in RUN_RE.finditer(self.text):
            i = bisect.bisect_right(starts, m.start()) - 1
            if i >= 0 and skip[i][0] <= m.start() < skip[i][1]:
                continue
            self._add_run(m.start(), m.group())

    def _add_run(self, pos: int, run: str) -> None:
        for offset, part in _name_parts(run):
            self._add_name(pos + offset, list(part))

    def _add_name(self, pos: int, tokens: list[str]) -> None:
        while tokens and tokens[-1] in _PARTICLES:
            tokens = tokens[:-1]
        if not tokens:
            return
        if tokens[-1].endswith(("'s", "’s")):
            tokens = tokens[:-1] + [_strip_possessive(tokens[-1])]
        if len(tokens) == 1 and tokens[0].endswith("ing") and _PARTICIPLE_NEXT.match(self.text, pos + len(tokens[0])):
            return  # "Appearing before cheering supporters, …"
        if len(tokens) > 5 and not any(_key(t) in ORG_WORDS for t in tokens):
            return  # a headline in title case, not a name
        before = self.text[max(0, pos - 40) : pos]
        prev_words = before.rsplit(None, 1)
        prev_word = prev_words[-1].lower().strip(",") if prev_words else ""
        if prev_word not in _CONTEXT_WORDS:
            prev_word = ""  # the classification depends on the word before only if it is one of these
        stop = pos + sum(map(len, tokens)) + len(tokens) - 1
        who = self.text.startswith((", who", " who "), stop)
        ckey = (tuple(tokens), prev_word, who)
        cached = self._classified.get(ckey)
        if cached is not None:
            if cached[0] is not None:
                owner = self._register(pos, cached[0], cached[1], None)
                org = owner.name
            else:
                org = cached[6]
            if cached[2] is not None:
                self._register(pos, cached[2], cached[3], cached[4], cached[5], org)
            return
        role_toks, name_toks, possessor = split_role(tokens)
        while name_toks and name_toks[0] in _PARTICLES:
            name_toks = name_toks[1:]  # "Secretary of Defense": no name after the title
        pkind = None
        if possessor:
            pkind = "org" if self._looks_org(possessor, before) else "unknown"
            owner = self._register(pos, possessor, pkind, None)
            org = owner.name
        else:
            org = None
        if not name_toks:
            self._classified[ckey] = (possessor or None, pkind, None, None, None, None, None)
            return
        kind = "unknown"
        # lower-case role words just before the name, and the organisation named before them:
        # "Equifax chief executive Richard Smith", "spokeswoman Haley Morris"
        prev = before.split()
        lead_role: list[str] = []
        lead_org: list[str] = []
        if prev and prev[-1].islower() and prev[-1].strip(",") in ROLE_HEADS and not prev[-1].endswith(","):
            k = len(prev) - 1
            while k >= 0 and len(lead_role) < 3 and prev[k].islower() and prev[k] not in DETERMINERS \
                    and prev[k] not in FUNCTION_WORDS:
                lead_role.insert(0, prev[k])
                k -= 1
            while k >= 0 and len(lead_org) < 3 and is_cap(prev[k]) and _key(prev[k]) not in STOP_CAPS \
                    and not prev[k].endswith((",", ".")):
                lead_org.insert(0, _strip_possessive(prev[k]))
                k -= 1
        if self._looks_org(name_toks, before) and not role_toks:
            kind = "org"
        elif any(_key(t) in PLACES or _key(t) in NOT_NAME_WORDS for t in name_toks[-1:]) \
                or _key(name_toks[0]) in DEMONYMS:
            kind = "unknown"  # "Former Pennsylvania governor …", "New Year", "South Korean-born …"
        elif role_toks or lead_role or _key(name_toks[0]) in MALE_NAMES or _key(name_toks[0]) in FEMALE_NAMES:
            kind = "person"
        elif who:
            kind = "person"
        if kind == "person" and not role_toks:
            role_toks = lead_role
        if org is None and lead_org and kind == "person":
            org = " ".join(lead_org)
        gender = _gender_of_tokens(role_toks + name_toks, before) if kind == "person" else None
        role = " ".join(t for t in role_toks if _key(t) not in ("mr", "mrs", "ms", "miss", "dr")) or None
        self._classified[ckey] = (possessor or None, pkind, name_toks, kind, gender, role,
                                  " ".join(lead_org) if lead_org and kind == "person" else None)
        self._register(pos, name_toks, kind, gender, role, org)

    def _looks_org(self, tokens: list[str], before: str) -> bool:
        if any(_key(t) in ORG_WORDS for t in tokens):
            return True
        if len(tokens) == 1 and len(tokens[0]) >= 2 and tokens[0].isupper() and len(tokens[0]) <= 5 \
                and _key(tokens[0]) not in _COUNTRY_CODES:
            return True  # FBI, CNN, GSR; not UK or US, places ("UK online pharmacy Larkspur Health")
        prev = before.rstrip().split()
        return bool(prev) and prev[-1].lower().strip(",") in ORG_NOUNS

    def _register(self, pos, tokens, kind, gender, role=None, org=None) -> Entity:
        name = " ".join(tokens)
        key = " ".join(_key(t) for t in tokens)
        ent = self._by_name.get(key)
        if ent is None and len(tokens) == 1:
            cands = self._by_surname.get(key)
            if cands:
                ent = self._pick(cands, pos, gender)
        if ent is None and len(tokens) > 1:
            # a fuller name for a surname first seen alone ("Trump" ... "Donald Trump")
            lone = self._by_name.get(_key(tokens[-1]))
            if lone is not None and lone.kind != "org" and kind != "org":
                ent = lone
                ent.name = name
                self._by_name[key] = ent
                self._by_surname.setdefault(_key(tokens[-1]), []).append(ent)
        if ent is None:
            ent = Entity(name, kind, gender, role, org)
            self.entities.append(ent)
            self._by_name[key] = ent
            if len(tokens) > 1 and kind != "org":
                self._by_surname.setdefault(_key(tokens[-1]), []).append(ent)
        else:
            if ent.name.isupper() and not name.isupper() and len(name) > 3:
                ent.name = name  # "FACEBOOK has revealed" in a standfirst, "Facebook" in the text
            if ent.kind == "unknown" and kind != "unknown":
                ent.kind = kind
            if gender and not ent.gender:
                ent.gender = gender
            if role and not ent.role:
                ent.role = role
            if org and not ent.org:
                ent.org = org
        ent.positions.append(pos)
        self._mentions.append((pos, ent))
        return ent

    @staticmethod
    def _pick(cands: list[Entity], pos: int, gender: str | None) -> Entity:
        """Among people sharing a surname, the one of the right gender mentioned most recently."""
        fitting = [e for e in cands if not gender or not e.gender or e.gender == gender] or cands
        return max(fitting, key=lambda e: max((p for p in e.positions if p <= pos), default=-1))

    # ---- speakers -------------------------------------------------------------------------
    def note_speaker(self, pos: int, res: Resolution) -> None:
        """Remember an attributed speaker: pronouns prefer the people who have been speaking."""
        self._speakers.append((pos, res))
        if res.entity is not None:
            res.entity.spoke = True

    # ---- resolution -----------------------------------------------------------------------
    def resolve(self, start: int, end: int) -> Resolution:
        """Resolve the mention text[start:end] ("Mr Schroepfer", "He", "A Messenger spokeswoman")."""
        mention = self.text[start:end].strip(" ,")
        low = mention.lower()
        if low in PRONOUNS:
            return self._pronoun(low, start, mention)
        head, _, appos = mention.partition(", ")
        head = _PAREN_RE.sub("", head).strip(" ,")
        m = _OF_PLACE.search(head)
        if m and not (head.split()[0].lower().rstrip(".") in ROLE_HEADS and head.split()[0][0].isupper()
                      and m.group().split()[0] == head.split()[0]):
            head = head[: m.start(1)]  # "Mr. Morgan of the Sierra Club", "Scott Hawkins of Cheyenne"
        words = head.split()
        det = None
        if words and words[0].lower() in DETERMINERS | POSSESSIVES:
            det = words.pop(0).lower()
        if not words:
            return Resolution(mention, nominal=True)
        # the name is the trailing run of capitalised words; what precedes it is role or organisation
        i = len(words)
        while i > 0 and (is_cap(words[i - 1]) or (words[i - 1] in _PARTICLES and i < len(words))):
            i -= 1
        pre, run = words[:i], words[i:]
        org = None
        if det in ("its", "their"):
            ent = self._last_org(start)
            org = ent.name if ent else None
        if not run:
            if appos and RUN_RE.fullmatch(appos.strip(" ,")):
                # "Bloomberg's pollster, Douglas Schoen": the apposition names the speaker
                words = [w for w in pre if not w.endswith(("'s", "’s"))]
                role = " ".join(words) or None
                owner = next((_strip_possessive(w) for w in pre if w.endswith(("'s", "’s"))), None)
                ent = self.lookup_name(appos.strip(" ,").split(), start, None)
                return Resolution(ent.name, role or ent.role, owner or org or ent.org, ent)
            return self._nominal(mention, start, det, pre, org)
        role_toks, name_toks, possessor = split_role(run)
        if possessor:
            org = " ".join(possessor)
        role_words = []
        lead_caps: list[str] = []
        for w in pre:
            if w.endswith(("'s", "’s")) and is_cap(w):
                org = _strip_possessive(" ".join(lead_caps + [w]))
                lead_caps = []
            elif is_cap(w) and not role_words and _key(w) not in TITLES:
                lead_caps.append(w)  # "Acme Corp chief executive …", "Clinton press secretary …"
            else:
                role_words.append(w)
        if lead_caps:
            if role_words:
                org = " ".join(lead_caps)
            else:
                role_words = lead_caps
        role_words += [t for t in role_toks if _key(t) not in ("mr", "mrs", "ms", "miss", "dr")]
        if not name_toks:
            return self._nominal(mention, start, det, pre + run, org)
        gender = _gender_of_tokens(role_toks + name_toks, " ".join(pre))
        ent = self.lookup_name(name_toks, start, gender)
        if ent.kind == "org":
            return Resolution(ent.name, None, org or ent.org, ent)
        if org and not ent.org and ent.kind == "person":
            ent.org = org  # "Its CEO Mark Zuckerberg": later "the company" is his
        role = " ".join(role_words) or (_role_from_apposition(appos) if appos else None)
        return Resolution(ent.name, role or ent.role, org or ent.org, ent)

    def _is_known_org(self, word: str) -> bool:
        ent = self._by_name.get(_key(word))
        return (ent is not None and ent.kind == "org") or _key(word) in ORG_WORDS

    def lookup_name(self, tokens: list[str], pos: int, gender: str | None) -> Entity:
        """The entity a name refers to at `pos` (a surname alone finds the full name), or a new one."""
        key = " ".join(_key(t) for t in tokens)
        ent = self._by_name.get(key)
        if len(tokens) == 1:
            cands = self._by_surname.get(key)
            if cands:
                best = self._pick(cands, pos, gender)
                if ent is None or ent.kind != "org":
                    ent = best
        if ent is None:
            ent = Entity(" ".join(tokens), "unknown", gender)
        return ent

    def _pronoun(self, low: str, pos: int, mention: str) -> Resolution:
        """"he"/"she": walking back sentence by sentence, the first person of a fitting gender who
        speaks in the nearest sentence that has one, else the first person named there (usually its
        subject), else the last speaker; "it": the last organisation speaking or named; "I", "we",
        "you" stay as written."""
        if low in ("i", "we", "you", "me", "us"):
            return Resolution(mention, nominal=True)
        if low in ("it", "they", "them"):
            res = self._last_speaker(pos, ("org",)) if low == "it" else self._last_speaker(pos, ("org", "plural"))
            if res is not None:
                return res
            ent = self._last_org(pos)
            if ent is not None:
                return Resolution(ent.name, None, ent.org, ent)
            return Resolution(mention, nominal=True)
        gender = PERSONAL.get(low)
        found = self._antecedent(pos, gender) or self._last_speaker(pos, ("person",), gender)
        return found if found is not None else Resolution(mention, nominal=True)

    def _antecedent(self, pos: int, gender: str | None) -> Resolution | None:
        """Walk back sentence by sentence; in the nearest sentence with a fitting person, take the
        person speaking there, else the first person named there (usually the subject)."""
        starts = self.sentence_starts
        if not starts:
            return None
        return self._walk(pos, gender, strict=True) or self._walk(pos, gender, strict=False)

    def _walk(self, pos: int, gender: str | None, strict: bool) -> Resolution | None:
        starts = self.sentence_starts
        k = bisect.bisect_right(starts, pos) - 1
        for si in range(k, max(-1, k - SENTENCE_WINDOW), -1):
            lo = starts[si]
            hi = pos if si == k else starts[si + 1]
            a = bisect.bisect_left(self._speakers, lo, key=lambda t: t[0])
            b = bisect.bisect_left(self._speakers, hi, key=lambda t: t[0])
            for j in range(a, b):
                res = self._speakers[j][1]
                if res.entity is not None and self._fits(res.entity, gender, strict):
                    return res
            a = bisect.bisect_left(self._mentions, lo, key=lambda t: t[0])
            b = bisect.bisect_left(self._mentions, hi, key=lambda t: t[0])
            fallback = None
            for j in range(a, b):
                mpos, ent = self._mentions[j]
                if self._fits(ent, gender, strict):
                    if not self._oblique(mpos):
                        return Resolution(ent.name, ent.role, ent.org, ent)
                    fallback = fallback or ent
            if fallback is not None:
                return Resolution(fallback.name, fallback.role, fallback.org, fallback)
        return None

    def _oblique(self, pos: int) -> bool:
        """Is the name at `pos` a possessor ("Clinton's email scandal") or the object of a
        preposition ("an interview with Clinton")? Then it is less likely what "he"/"she" takes up
        than a subject named later in the same sentence."""
        m = RUN_RE.match(self.text, pos)
        end = m.end() if m else pos
        if self.text.startswith(("'s", "’s"), end) or (m and m.group().endswith(("'s", "’s"))):
            return True
        before = self.text[max(0, pos - 12) : pos].split()
        if before and before[-1].lower() in _OBLIQUE_BEFORE:
            return True
        # "Obama consultant Cornell Belcher": a name modifying the role of the person named after it
        after = _ROLE_THEN_NAME.match(self.text, end)
        return after is not None and after.group(1) in ROLE_HEADS

    def _fits(self, ent: Entity, gender: str | None, strict: bool = True) -> bool:
        """Can "he"/"she" refer to this entity? Strictly: a known person, or a name that has spoken;
        leniently (when nothing strict is near): any two- or three-word name that is no place."""
        if gender and ent.gender and ent.gender != gender:
            return False
        if ent.kind == "person":
            return True
        if ent.kind != "unknown" or not _personish(ent.name):
            return False
        return ent.spoke or (not strict and 2 <= len(ent.name.split()) <= 3)

    def _last_speaker(self, pos: int, kinds, gender: str | None = None) -> Resolution | None:
        i = bisect.bisect_left(self._speakers, pos, key=lambda t: t[0])
        for j in range(i - 1, max(-1, i - 12), -1):
            res = self._speakers[j][1]
            ent = res.entity
            if ent is None:
                if "plural" in kinds and res.nominal and res.name.lower().endswith("s"):
                    return res
                continue
            kind = ent.kind
            if kind == "unknown":
                kind = "person" if "person" in kinds and _personish(ent.name) else "org"
            if kind not in kinds:
                continue
            if gender and ent.gender and ent.gender != gender:
                continue
            return res
        return None

    def _nominal(self, mention: str, pos: int, det: str | None, words: list[str], org: str | None) -> Resolution:
        """An unnamed mention: "the company" is the last organisation; "A Messenger spokeswoman" stays."""
        head = words[-1].lower().strip(",.") if words else ""
        if det in ("the", "this", "that") and len(words) <= 3 and head in ORG_NOUNS \
                and not any(is_cap(w) for w in words):
            ent = self._last_org(pos)
            if ent is not None:
                return Resolution(ent.name, None, ent.org, ent)
        if head in _UTTERANCES and len(words) >= 2 and words[-2].endswith(("'s", "’s")) and is_cap(words[-2]):
            # "Clinton's response", "Trump's campaign": the owner is the source
            ent = self.lookup_name(_strip_possessive(" ".join(w for w in words[:-1] if is_cap(w))).split(),
                                    pos, None)
            return Resolution(ent.name, ent.role, ent.org, ent)
        caps = [_strip_possessive(w) for w in words if is_cap(w)]
        lows = [w for w in words if not is_cap(w)]
        if caps and not org:
            org = " ".join(caps)

        role = " ".join(lows) if lows and lows[-1].lower().strip(",.") in ROLE_HEADS else None
        return Resolution(mention, role=role, org=org, nominal=True)

    def named_non_persons(self) -> list[str]:
        """The name of each mention of an organisation or other non-person, in text order."""
        return [ent.name for _, ent in self._mentions if ent.kind != "person"]

    def _last_org(self, pos: int) -> Entity | None:
        """The organisation of the last speaker if that was in this or the previous sentence ("the
        company" after "Mr Zuckerberg admitted …" is his company), else the organisation last named,
        or the organisation of the person last named."""
        k = bisect.bisect_left(self._speakers, pos, key=lambda t: t[0])
        if k > 0 and self.sentence_starts:
            spos, res = self._speakers[k - 1]
            si = bisect.bisect_right(self.sentence_starts, pos) - 1
            if si >= 0 and spos >= self.sentence_starts[max(0, si - 1)] and res.entity is not None:
                ent = res.entity
                if ent.kind == "org":
                    return ent
                if ent.kind == "person" and ent.org:
                    org = self._by_name.get(" ".join(_key(t) for t in ent.org.split()))
                    if org is not None and org.kind == "org":
                        return org
        i = bisect.bisect_left(self._mentions, pos, key=lambda t: t[0])
        for j in range(i - 1, -1, -1):
            ent = self._mentions[j][1]
            if ent.kind == "org":
                return ent
            if ent.kind == "person" and ent.org:
                org = self._by_name.get(" ".join(_key(t) for t in ent.org.split()))
                if org is not None and org.kind != "person":
                    return org
        return None


_ROLE_THEN_NAME = re.compile(r"(?:\s+[a-z-]+)?\s+([a-z-]+)\s+[A-Z]")
_OBLIQUE_BEFORE = {"of", "with", "for", "against", "about", "to", "by", "from", "toward", "towards", "than",
                   "between", "on", "at", "into", "over", "under", "like", "unlike", "behind", "beside"}


def _personish(name: str) -> bool:
    """Could this unknown name be a person? Not a place, a demonym or a plural ("Democrats")."""
    toks = name.split()
    last = _key(toks[-1])
    if _orgish(name) or last in PLACES or _key(toks[0]) in PLACES or last in NOT_NAME_WORDS:
        return False
    if _key(toks[0]) in DEMONYMS or last in DEMONYMS or last.removesuffix("s") in DEMONYMS:
        return False
    if len(toks) > 1 and _key(toks[0]) in _PLACE_PREFIXES:
        return False  # "New Delhi", "San Jose", "Fort Worth"
    return len(toks) > 1 or not last.endswith(("ians", "ists", "crats", "cans", "ese"))


def _orgish(name: str) -> bool:
    toks = name.split()
    return any(_key(t) in ORG_WORDS for t in toks) or (len(toks) == 1 and toks[0].isupper() and len(toks[0]) > 1)


def _role_from_apposition(appos: str) -> str | None:
    words = appos.split()
    if words and words[0].lower() in ("a", "an", "the"):
        words = words[1:]
    cut: list[str] = []
    for w in words:
        low = w.lower()
        if low in ("who", "which", "that", "from", "for", "at", "in", "with", "and", "whose"):
            break
        if low == "of" and not (cut and cut[-1].lower() in ROLE_HEADS):
            break
        cut.append(w.strip(","))
        if w.endswith(","):
            break
    return " ".join(cut) or None if cut and any(w.lower() in ROLE_HEADS for w in cut) else None
