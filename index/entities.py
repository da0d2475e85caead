"""Sources as entities: one key per person, organisation or outlet, whatever each article called them.

Extraction resolves names inside one document (`He` -> `Mark Zuckerberg`); this module merges them
across documents, where the only evidence is the names themselves and the organisations printed
beside them:
- a role or organisation written before a name is not part of it (`Facebook CEO Mark Zuckerberg`
  is `Mark Zuckerberg`, affiliated with Facebook);
- honorifics and middle initials do not matter (`Mr Zuckerberg`, `Paul S. Grewal`);
- a bare surname joins the one full name that carries it, or, when several people share it, the
  one whose organisation matches; otherwise it stays on its own (two Zuckerbergs are never merged);
- abbreviations count only where a text defines them (`Cambridge Analytica (CA)`), see
  `abbreviations`; the ingest expands them per document before anything reaches this module;
- unnamed speakers (`a company spokeswoman`) are never merged with a named person.
Organisations and outlets share one key space (`corpus.outlets.normalise_outlet`), so a company
that publishes its own statements is one source.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from corpus.outlets import normalise_outlet
from corpus.quote_names import ORG_WORDS as _EXTRACTOR_ORG_WORDS

HONORIFICS = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "lord", "lady", "rev", "mister", "madam"}
# Words of a job title. A name written after them is the person; what comes before them is the employer.
ROLE_WORDS = {
    "ceo", "cto", "cfo", "coo", "ciso", "cio", "cso", "cmo", "chief", "executive", "officer", "president",
    "vice", "vp", "director", "chairman", "chairwoman", "chair", "chairperson", "founder", "co-founder",
    "cofounder", "spokesman", "spokeswoman", "spokesperson", "head", "manager", "analyst", "researcher",
    "commissioner", "minister", "secretary", "senator", "sen", "rep", "representative", "congressman",
    "congresswoman", "governor", "gov", "attorney", "general", "counsel", "deputy", "editor", "professor",
    "engineer", "partner", "principal", "senior", "lead", "officials", "official", "leader", "mayor",
    "chancellor", "prime", "judge", "justice", "inspector", "superintendent", "detective", "sergeant",
    "agent", "expert", "consultant", "lawyer", "whistleblower", "employee", "staffer", "adviser", "advisor",
    "strategist", "investigator", "auditor", "regulator", "owner", "boss", "architect", "scientist",
}
# Lowercase words that may sit inside a title ("head of security", "Secretary of State").
_TITLE_GLUE = {"of", "for", "and", "the", "at", "&"}
ORG_WORDS = {
    "inc", "ltd", "llc", "plc", "corp", "corporation", "company", "co", "group", "office", "agency",
    "department", "ministry", "commission", "committee", "council", "authority", "bureau", "university",
    "institute", "association", "alliance", "guild", "union", "foundation", "bank", "labs", "lab", "police",
    "court", "government", "newsroom", "party", "campaign", "services", "systems", "technologies",
    "networks", "health", "news", "times", "post", "journal", "federation", "board", "trust", "fund",
    "watchdog", "regulator", "administration", "house", "senate", "congress", "parliament", "league",
    "center", "centre", "coalition", "network", "platforms", "school", "hospital", "army", "navy",
} | _EXTRACTOR_ORG_WORDS
_CORPORATE_SUFFIX = re.compile(r"(?:,?\s+(?:inc|ltd|llc|plc|corp|corporation|co|limited|gmbh|sa|ag)\.?)+$", re.I)
_OUTLET_HOUSE = re.compile(r"\s+(?:newsroom|press office|press release|press releases|media centre|media center)$", re.I)
_PRONOUNS = {"i", "we", "you", "he", "she", "they", "it", "me", "us", "him", "her", "them", "who", "which", "this",
             "that", "these", "those", "someone", "somebody", "anyone", "everyone", "nobody", "many", "others"}
_DOMAIN = re.compile(r"(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+/?", re.I)
_BASED = re.compile(r"^(?:[A-Z][\w.'’-]*\s+)*[A-Z][\w.'’]*-based\s+")
_DETERMINERS = {"a", "an", "the", "one", "another", "two", "three", "several", "some", "its", "his", "her", "their"}
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
_TOKEN = re.compile(r"[^\s,]+")
_ABBREV_DEF = re.compile(r"\(([A-Z][A-Za-z&.]{1,9})\)")


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lowercase, accents removed, curly apostrophes straight: the form names are compared in."""
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.replace("’", "'").replace("‘", "'").lower()


def abbreviations(text: str) -> dict[str, str]:
    """Abbreviations a text defines: `The Information Protection Office (IPO)` -> {"IPO": "Information
    Protection Office"}. The letters must be the initials of the words before the bracket (small
    words may be skipped), so `Larkspur Health (Leeds)` defines nothing."""
    found: dict[str, str] = {}
    for m in _ABBREV_DEF.finditer(text):
        abbr = m.group(1)
        letters = [c for c in abbr if c.isupper()]
        # the words just before the bracket, on the same line
        before = text[max(0, m.start() - 160):m.start()].rsplit("\n", 1)[-1]
        words = re.findall(r"[\w&'’.-]+", before)[-12:]
        long = _initials_match(words, letters)
        if long and abbr not in found:
            found[abbr] = long
    return found


def _initials_match(words: list[str], letters: list[str]) -> str | None:
    """The shortest tail of `words` whose capitalised words' initials spell `letters`."""
    if len(letters) < 2:
        return None
    for start in range(len(words) - 1, -1, -1):
        tail = words[start:]
        if tail[0].lower() in _TITLE_GLUE:
            continue
        caps = [w[0] for w in tail if w[0].isupper()]
        if caps == letters:
            return " ".join(tail).strip(" ,")
        if len(caps) > len(letters):
            break
    return None


def expand_abbreviation(name: str | None, defined: dict[str, str]) -> str | None:
    """`CA` -> `Cambridge Analytica` when the document defined it; also `the IPO`, `IPO's`."""
    if not name or not defined:
        return name
    core = re.sub(r"^(?:the|a|an)\s+", "", name.strip(), flags=re.I)
    core = re.sub(r"['’]s$", "", core)
    if core in defined:
        return defined[core]
    # "a GCP spokesman": expand the abbreviation inside an unnamed speaker's description
    return re.sub(r"\b([A-Z]{2,})\b", lambda m: defined.get(m.group(1), m.group(1)), name)


@dataclass
class Name:
    """One way a source was written, split into its parts."""

    raw: str
    kind: str  # "person", "organisation" or "unnamed"
    tokens: list[str]  # the name proper, folded: ["mark", "zuckerberg"]; for organisations, the display words
    org: str | None = None  # employer written before the title ("Facebook")
    role: str | None = None
    honorific: str | None = None
    display: str = ""  # the name without title or honorific, as printed: "Mark Zuckerberg"

    @property
    def surname(self) -> str | None:
        return self.tokens[-1] if self.kind == "person" and self.tokens else None


def parse_name(raw: str, org: str | None = None, role: str | None = None, known_orgs: Iterable[str] = ()) -> Name:
    """Split a speaker as printed into name, title and employer."""
    text = re.sub(r"\s+", " ", raw.strip().strip("\"'“”‘’,.;:")).strip()
    if _DOMAIN.fullmatch(text):  # a web site named as the source: "bleepingcomputer.com"
        return Name(raw, "organisation", [text], org, role)
    text = _BASED.sub("", text) or text  # "San Francisco-based DocuSign"
    if fold(text) in _PRONOUNS:
        return Name(raw, "unnamed", [fold(text)], org, role)
    if _CORPORATE_SUFFIX.search(text) and text[:1].isupper():  # "Facebook, Inc.", "Larkspur Health Ltd"
        return Name(raw, "organisation", [_CORPORATE_SUFFIX.sub("", text)], org, role)
    head, _, appos = text.partition(",")
    if appos.strip() and head[:1].isupper():  # "Helen Marlowe, chief executive of Larkspur Health"
        appos = appos.strip()
        caps = re.search(r"(?:\bof|\bat|\bfor)\s+((?:the\s+)?[A-Z][\w'’&.-]*(?:\s+(?:of\s+)?[A-Z][\w'’&.-]*)*)", appos)
        inner = parse_name(head, org or (caps.group(1) if caps else None), role or appos, known_orgs)
        inner.raw = raw
        return inner
    words = _TOKEN.findall(text)
    if not words:
        return Name(raw, "unnamed", [], org, role)
    first = fold(words[0])
    if first == "the" and len(words) > 1 and all(w[0].isupper() or fold(w) in _TITLE_GLUE for w in words[1:]) \
            and words[-1][0].isupper():  # "The Albion Ledger", "The Federal Trade Commission": a name
        return Name(raw, "organisation", [" ".join(words[1:])], org, role)
    if first in _DETERMINERS or text == text.lower() or not any(w[0].isupper() for w in words):
        return Name(raw, "unnamed", [fold(w) for w in words], org or _org_in_description(words), role)
    if _is_description(words):  # "Larkspur's original statement", "Facebook spokesperson"
        return Name(raw, "unnamed", [fold(w) for w in words], org or _org_in_description(["", *words]), role)
    # the rightmost title word that still has a capitalised name after it
    cut = -1
    for i, w in enumerate(words[:-1]):
        lw = fold(w).strip(".")
        if lw in ROLE_WORDS and all(x[0].isupper() or fold(x) in _TITLE_GLUE for x in words[i + 1:]) \
                and words[-1][0].isupper():
            cut = i
    prefix, rest = (words[: cut + 1], words[cut + 1:]) if cut >= 0 else ([], words)
    while rest and fold(rest[0]) in _TITLE_GLUE:
        rest = rest[1:]
    found_org, found_role = None, None
    if prefix:
        j = next((k for k, w in enumerate(prefix) if fold(w).strip(".") in ROLE_WORDS), len(prefix))
        before = prefix[:j]
        # "Facebook's CTO", "Larkspur Health chief executive": an employer; "Information Protection
        # Commissioner": one title
        if before and (re.search(r"['’]s?$", before[-1]) or len(before) == 1
                       or _looks_organisation(before, known_orgs)):
            found_org = _strip_possessive(" ".join(before))
            found_role = " ".join(prefix[j:]) or None
        else:
            found_role = " ".join(prefix)
    honorific = None
    if rest and fold(rest[0]).strip(".") in HONORIFICS:
        honorific = fold(rest[0]).strip(".")
        rest = rest[1:]
    if not rest:
        return Name(raw, "unnamed", [fold(w) for w in words], org or found_org, role or found_role)
    org = org or found_org
    role = role or found_role
    display = " ".join(rest)
    if _looks_organisation(rest, known_orgs) and not honorific:
        return Name(raw, "organisation", [_strip_possessive(display)], org, role)
    tokens = [fold(_strip_possessive(w)).strip(".") for w in rest]
    tokens = [t for t in tokens if t and t not in _SUFFIXES]
    if not tokens:  # nothing left of a name: "Jr.", "'s"
        return Name(raw, "unnamed", [fold(w) for w in words], org, role)
    if len(tokens) > 2:  # middle names and initials do not tell people apart as well as they vary
        tokens = [tokens[0], tokens[-1]] if len(tokens[0]) > 1 else tokens[1:]
    if len(tokens) == 2 and len(tokens[0]) == 1 and not honorific:  # "J. Smith": keep as a surname
        tokens = tokens[1:]
    return Name(raw, "person", tokens, org, role, honorific, _strip_possessive(display))


_PARTICLES = {"de", "van", "von", "der", "den", "da", "di", "du", "del", "della", "bin", "al", "el", "le", "la",
              "dos", "das", "ter", "ten", "y"}


def _is_description(words: list[str]) -> bool:
    """Ends in lower-case words that are not name particles, or a possessive followed by more words:
    a description of a source, not its name."""
    if any(re.search(r"['’]s?$", w) for w in words[:-1]) and not words[-1][0].isupper():
        return True
    tail = words[-1]
    return not tail[0].isupper() and fold(tail) not in _PARTICLES and not any(ch.isdigit() for ch in tail)


def _strip_possessive(text: str) -> str:
    return re.sub(r"['’]s?$", "", text.strip())


def _org_in_description(words: list[str]) -> str | None:
    """`a Facebook spokeswoman` -> Facebook: the capitalised words of an unnamed speaker."""
    caps = [w for w in words[1:] if w[0].isupper()]
    return _strip_possessive(" ".join(caps)) or None


def _looks_organisation(words: list[str], known_orgs: Iterable[str]) -> bool:
    folded = [fold(w).strip(".,") for w in words]
    if any(w in ORG_WORDS for w in folded):
        return True
    if len(words) == 1 and words[0].isupper() and len(words[0]) >= 2:
        return True
    if any(ch.isdigit() for ch in "".join(words)):
        return True
    return org_key(" ".join(words)) in known_orgs


@lru_cache(maxsize=50_000)
def org_key(name: str | None) -> str | None:
    """One key per organisation or outlet: `Facebook, Inc.` and `Facebook` -> `facebook`."""
    if not name:
        return None
    name = _CORPORATE_SUFFIX.sub("", name.strip())
    name = _OUTLET_HOUSE.sub("", name)
    return normalise_outlet(fold(name))


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


@dataclass
class Entity:
    key: str  # "person:mark-zuckerberg", "org:facebook", "unnamed:spokeswoman@facebook"
    kind: str  # "person", "organisation", "outlet", "unnamed"
    name: str
    aliases: Counter = field(default_factory=Counter)  # names as printed -> how often
    orgs: Counter = field(default_factory=Counter)
    roles: Counter = field(default_factory=Counter)
    counts: Counter = field(default_factory=Counter)  # "quote", "figure", "claim", "printed"
    outlet_keys: list[str] = field(default_factory=list)  # documents' outlet_key values when it publishes

    @property
    def affiliation(self) -> str | None:
        return self.orgs.most_common(1)[0][0] if self.orgs else None

    def to_dict(self) -> dict:
        return {
            "key": self.key, "kind": self.kind, "name": self.name,
            "aliases": [a for a, _ in self.aliases.most_common()],
            "affiliation": self.affiliation, "organisations": [o for o, _ in self.orgs.most_common()],
            "roles": [r for r, _ in self.roles.most_common(3)],
            "quotes": self.counts["quote"], "figures": self.counts["figure"], "claims": self.counts["claim"],
            "documents_published": self.counts["printed"],
        }

    def state(self) -> dict:
        return {"key": self.key, "kind": self.kind, "name": self.name, "aliases": dict(self.aliases),
                "orgs": dict(self.orgs), "roles": dict(self.roles), "counts": dict(self.counts),
                "outlet_keys": self.outlet_keys}

    @classmethod
    def from_state(cls, d: dict) -> Entity:
        return cls(d["key"], d["kind"], d["name"], Counter(d["aliases"]), Counter(d["orgs"]), Counter(d["roles"]),
                   Counter(d["counts"]), list(d.get("outlet_keys", [])))


@dataclass
class Mention:
    """A name as one record printed it, with how many records printed it that way."""

    raw: str
    org: str | None = None
    role: str | None = None
    kind: str = "quote"  # which record type: quote, figure, claim
    count: int = 1


class Resolver:
    """Merges all the mentions of a corpus into entities; `key_of(raw, org)` then says who a record names."""

    def __init__(self, mentions: Iterable[Mention] = (), outlets: Iterable[tuple[str, int]] = ()):
        self.entities: dict[str, Entity] = {}
        self._by_mention: dict[tuple[str, str], str] = {}
        self._folded: dict[str, set[str]] | None = None
        outlets = list(outlets)
        mentions = list(mentions)
        defined = [m for m in mentions if m.kind == "abbrev"]  # raw: the abbreviation, org: what it stands for
        mentions = [m for m in mentions if m.kind != "abbrev"]
        known_orgs = {org_key(m.org) for m in mentions if m.org} | {org_key(o) for o, _ in outlets}
        known_orgs.discard(None)
        names: dict[tuple, Name] = {}  # a name printed as a quote's speaker and a figure's source: parsed once
        parsed = []
        for m in mentions:
            key = (m.raw, m.org, m.role)
            n = names.get(key)
            if n is None:
                n = names[key] = parse_name(m.raw, m.org, m.role, known_orgs)
            parsed.append((m, n))
        full: dict[str, list[Name]] = {}
        for _m, n in parsed:
            if n.kind == "person" and len(n.tokens) >= 2:
                full.setdefault(" ".join(n.tokens), []).append(n)
        by_surname: dict[str, set[str]] = {}
        for key in full:
            by_surname.setdefault(key.split()[-1], set()).add(key)
        person_orgs: dict[str, set[str]] = {}
        for key, names in full.items():
            person_orgs[key] = {org_key(n.org) for n in names if n.org} - {None}
        for m, n in parsed:
            ekey, kind, display = self._key_for(n, full, by_surname, person_orgs)
            ent = self.entities.get(ekey)
            if ent is None:
                ent = self.entities[ekey] = Entity(ekey, kind, display)
            ent.aliases[m.raw] += m.count
            if n.org and kind != "organisation":  # an organisation's "org" is itself or noise
                ent.orgs[n.org] += m.count
            if n.role:
                ent.roles[n.role] += m.count
            ent.counts[m.kind] += m.count
            self._by_mention[(m.raw, m.org or "")] = ekey
        # the most used name is shown, a name before a web address
        for outlet, n_docs in sorted(outlets, key=lambda o: (bool(_DOMAIN.fullmatch(o[0])), -o[1])):
            key = f"org:{org_key(outlet)}"
            ent = self.entities.get(key)
            if ent is None:
                ent = self.entities[key] = Entity(key, "outlet", outlet)
            elif ent.kind != "outlet":
                # an organisation that also publishes (a company newsroom, a regulator)
                ent.kind, ent.name = "outlet", outlet
            ent.aliases[outlet] += 0
            ent.counts["printed"] += n_docs
            okey = normalise_outlet(outlet)
            if okey and okey not in ent.outlet_keys:
                ent.outlet_keys.append(okey)
        for m in defined:
            key = f"org:{org_key(m.org) or slug(m.org or m.raw)}"
            ent = self.entities.get(key)
            if ent is None:
                ent = self.entities[key] = Entity(key, "organisation", m.org or m.raw)
            ent.aliases[m.raw] += 0
        for ent in self.entities.values():
            if ent.kind == "person":
                ent.name = _display_person(ent.aliases, ent.name)

    def _key_for(self, n: Name, full, by_surname, person_orgs) -> tuple[str, str, str]:
        if n.kind == "unnamed":
            desc = " ".join(t for t in n.tokens if t not in _DETERMINERS) or " ".join(n.tokens)
            where = org_key(n.org) if n.org else None
            return f"unnamed:{slug(desc)}" + (f"@{where}" if where else ""), "unnamed", n.raw.strip()
        if n.kind == "organisation":
            word = n.tokens[0]
            # "Wylie", taken for an organisation somewhere, is the surname of a person named in full
            if " " in word or len(n.raw.split()) > 1 or word.isupper() or fold(word) in ORG_WORDS \
                    or fold(word) not in by_surname:
                key = org_key(word) or slug(word)
                return f"org:{key}", "organisation", word
            n = Name(n.raw, "person", [fold(word)], n.org, n.role)
        if len(n.tokens) >= 2:
            return f"person:{slug(' '.join(n.tokens))}", "person", n.raw
        surname = n.tokens[0]
        cands = by_surname.get(surname, set())
        if not cands and not n.honorific and not n.role:
            # one capitalised word nobody of that surname was named in full: "Accellion", "Observer"
            return f"org:{org_key(surname) or slug(surname)}", "organisation", n.raw.strip()
        if len(cands) > 1 and n.org:
            cands = {c for c in cands if org_key(n.org) in person_orgs.get(c, set())}
        if len(cands) == 1:
            key = next(iter(cands))
            return f"person:{slug(key)}", "person", key.title()
        return f"person:{slug(surname)}", "person", surname.title()

    def name_of(self, key: str | None) -> str | None:
        ent = self.entities.get(key) if key else None
        return ent.name if ent else None

    def entity(self, key: str | None) -> Entity | None:
        return self.entities.get(key) if key else None

    def mention_keys(self) -> dict[tuple[str, str], str]:
        return dict(self._by_mention)

    def printed_as(self, names) -> list[tuple[str, str]]:
        """Every (name, organisation) the records print one of `names` with."""
        names = set(names)
        return [k for k in self._by_mention if k[0] in names]

    def top(self, limit: int) -> list[Entity]:
        """Sources most quoted and cited first, then outlets by documents published."""
        ents = [e for e in self.entities.values() if sum(e.counts.values())]
        said = lambda e: e.counts["quote"] + e.counts["figure"] + e.counts["claim"]  # noqa: E731
        return sorted(ents, key=lambda e: (-said(e), -e.counts["printed"], e.name))[:limit]

    def _aliases_folded(self) -> dict[str, set[str]]:
        if self._folded is None:
            self._folded = {}
            for e in self.entities.values():
                for a in [e.name, *e.aliases]:
                    self._folded.setdefault(fold(a), set()).add(e.key)
        return self._folded

    def key_of(self, raw: str | None, org: str | None = None) -> str | None:
        if not raw:
            return None
        return self._by_mention.get((raw, org or "")) or self._by_mention.get((raw, ""))

    def find(self, name: str) -> list[Entity]:
        """Entities a user's words may mean, best first: a key, a name or alias as printed, the same
        person under a fuller or shorter name, an organisation's key, then every word contained."""
        name = name.strip()
        if not name:
            return []
        if name in self.entities:
            return [self.entities[name]]
        folded = fold(name)
        found: dict[str, int] = {}
        for key in self._aliases_folded().get(folded, ()):
            found[key] = 3 if fold(self.entities[key].name) == folded else 2
        parsed = parse_name(name)
        if parsed.kind == "person" and parsed.tokens:
            full = f"person:{slug(' '.join(parsed.tokens))}"
            if full in self.entities:
                found.setdefault(full, 2)
            surname = slug(parsed.tokens[-1])
            for e in self.entities.values():
                if e.kind == "person" and e.key.rsplit("-", 1)[-1].removeprefix("person:") == surname:
                    if len(parsed.tokens) == 1 or e.key == full:
                        found.setdefault(e.key, 1)
        okey = org_key(name)
        if okey and f"org:{okey}" in self.entities:
            found.setdefault(f"org:{okey}", 2)
        if not found:
            words = folded.split()
            for alias, keys in self._aliases_folded().items():
                if all(w in alias for w in words):
                    for k in keys:
                        found.setdefault(k, 0)
        for key in [k for k in found if k.startswith("org:")]:
            for spokes in self.spokespeople(key):  # "a GCP spokesman" speaks for the GCP
                found.setdefault(spokes.key, -1)
        return sorted((self.entities[k] for k in found),
                      key=lambda e: (-found[e.key], -sum(e.counts.values()), e.name))

    def spokespeople(self, org_entity_key: str) -> list[Entity]:
        """Unnamed speakers printed as speaking for an organisation."""
        suffix = "@" + org_entity_key.split(":", 1)[1]
        return [e for k, e in self.entities.items() if k.startswith("unnamed:") and k.endswith(suffix)]


def _display_person(aliases: Counter, fallback: str) -> str:
    """The fullest plain form a person was printed under: `Mark Zuckerberg`, not `Facebook CEO Mark
    Zuckerberg` or `Mr Zuckerberg`."""
    best = None
    for alias, count in aliases.most_common():
        n = parse_name(alias)
        if n.kind != "person":
            continue
        score = (len(n.tokens), len(n.display.split()) == len(n.tokens), count)
        if best is None or score > best[0]:
            best = (score, n.display)
    return best[1] if best else fallback
