"""Cross-reference queries: who said what, where, first; which figures are about the same thing.

The public functions (used by the CLI now and the TUI next) each return dataclasses with `to_dict()`;
every record carries an id that the other functions accept: quote ids (`q…`) for `quote_trail`,
figure ids (`f…`) for `compare_figures`, source keys (`person:mark-zuckerberg`) for `source_sheet`,
document ids for `get_document`.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from index import figure_groups as fg
from index import source_store
from index.entities import Entity, Resolver, org_key
from index.figure_context import unit_family
from index.quote_match import MATCH, DiffOp, relation, similarity, word_diff
from index.quote_match import fold as fold_quote
from index.records import CLAIM_DOC_PREFIX, SEP, open_records
from index.search import QueryError
from index.store import IndexMissing, open_index
from index.whoosh_api import NullMatcher, dateparse, qparser, sorting
from index.whoosh_api import query as wq

__all__ = [
    "ClaimRecord", "DocumentView", "FigureEntry", "FigureGroup", "FigureRecord", "NotFound", "QuoteRecord",
    "QuoteTrail", "SourceSheet", "SourceSummary", "Appearance", "compare_figures", "get_document",
    "list_figures", "list_quotes", "list_sources", "quote_trail", "source_sheet",
]

QUOTE_FIELDS = ["text", "speaker", "org", "outlet", "title"]
FIGURE_FIELDS = ["text", "source", "outlet", "title", "unit", "qualifier"]
_QUOTE_ID = re.compile(r"^q[0-9a-f]{12}$")
_FIGURE_ID = re.compile(r"^f[0-9a-f]{12}$")
_RECORD_ID = re.compile(r"^[qfc][0-9a-f]{12}$")
TRAIL_CANDIDATES = 400
COMPARE_DOCS = 80  # the most relevant documents whose figures are compared
COMPARE_MAX_FIGURES = 1000
SEEDED_FIGURES = 600
KEPT_APART_RATIO = 10.0  # a count in another unit, within this factor and in like words, is worth a note


class NotFound(LookupError):
    """No quote, figure, source or document answers the given id or words; the message says which."""


def _day(d: datetime | None) -> str | None:
    return d.date().isoformat() if d else None


# ---------------------------------------------------------------------------------------------- records


@dataclass
class QuoteRecord:
    id: str
    doc_id: str
    text: str
    speaker: str | None  # as this document printed it (abbreviations expanded)
    speaker_key: str | None  # the source it was merged into across the corpus
    speaker_name: str | None  # that source's display name
    org: str | None
    role: str | None
    cue: str | None
    kind: str  # full, partial, pull
    outlet: str
    date: datetime | None
    title: str
    path: str
    doc_kind: str
    start: int
    end: int
    aside: int | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    repeats: str | None = None  # a pull-quote: the id of the quote it repeats

    def to_dict(self) -> dict:
        return {"type": "quote", **_plain(self)}


@dataclass
class FigureRecord:
    id: str
    doc_id: str
    number: str  # as printed: "up to 87m"
    value: float
    low: float | None
    high: float | None
    unit: str | None
    family: str  # people, accounts, records, money:GBP, percent…
    qualifier: str | None
    source: str | None
    source_key: str | None
    source_name: str | None
    sentence: str
    outlet: str
    date: datetime | None
    title: str
    path: str
    doc_kind: str
    start: int
    end: int
    aside: int | None = None

    def to_dict(self) -> dict:
        return {"type": "figure", **_plain(self)}


@dataclass
class ClaimRecord:
    id: str
    doc_id: str
    text: str
    source: str | None
    source_key: str | None
    source_name: str | None
    cue: str | None
    outlet: str
    date: datetime | None
    title: str
    path: str
    doc_kind: str
    start: int
    end: int

    def to_dict(self) -> dict:
        return {"type": "claim", **_plain(self)}


def _plain(obj) -> dict:
    out = {}
    for k, v in obj.__dict__.items():
        if isinstance(v, datetime):
            v = _day(v)
        elif hasattr(v, "to_dict"):
            v = v.to_dict()
        elif isinstance(v, list):
            v = [x.to_dict() if hasattr(x, "to_dict") else x for x in v]
        out[k] = v
    return out


def _quote(f: dict, res: Resolver) -> QuoteRecord:
    key = res.key_of(f.get("speaker"), f.get("org"))
    return QuoteRecord(
        id=f["id"], doc_id=f["doc_id"], text=f.get("text", ""), speaker=f.get("speaker"), speaker_key=key,
        speaker_name=res.name_of(key), org=f.get("org"), role=f.get("role"), cue=f.get("cue"),
        kind=f.get("qkind") or "full", outlet=f.get("outlet", ""), date=f.get("date"), title=f.get("title", ""),
        path=f.get("path", ""), doc_kind=f.get("kind", ""), start=f.get("start", 0), end=f.get("end", 0),
        aside=f.get("aside"), speaker_start=f.get("speaker_start"), speaker_end=f.get("speaker_end"),
        repeats=f.get("repeats"))


def _figure(f: dict, res: Resolver) -> FigureRecord:
    key = res.key_of(f.get("source"))
    return FigureRecord(
        id=f["id"], doc_id=f["doc_id"], number=f.get("number", ""), value=f.get("value", 0.0), low=f.get("low"),
        high=f.get("high"), unit=f.get("unit") or None, family=f.get("family", "count"),
        qualifier=f.get("qualifier") or None, source=f.get("source"), source_key=key, source_name=res.name_of(key),
        sentence=f.get("text", ""), outlet=f.get("outlet", ""), date=f.get("date"), title=f.get("title", ""),
        path=f.get("path", ""), doc_kind=f.get("kind", ""), start=f.get("start", 0), end=f.get("end", 0),
        aside=f.get("aside"))


def _claims(f: dict, res: Resolver) -> list[ClaimRecord]:
    """A document's claims, all in one stored record (index.records._claims_record)."""
    out = []
    for c in f.get("claims", ()):
        key = res.key_of(c.get("source"))
        out.append(ClaimRecord(
            id=c["id"], doc_id=f["doc_id"], text=c.get("text", ""), source=c.get("source"), source_key=key,
            source_name=res.name_of(key), cue=c.get("cue"), outlet=f.get("outlet", ""), date=f.get("date"),
            title=f.get("title", ""), path=f.get("path", ""), doc_kind=f.get("kind", ""), start=c.get("start", 0),
            end=c.get("end", 0)))
    return out


_MAKERS = {"quote": _quote, "figure": _figure}


def _make(f: dict, res: Resolver):
    """A quote or figure record."""
    return _MAKERS[f["type"]](f, res)


def _made(f: dict, res: Resolver) -> list:
    """What a stored record holds: one quote or figure, or a document's claims."""
    return _claims(f, res) if f["type"] == "claim" else [_make(f, res)]


def _record_by_id(s, rid: str) -> dict | None:
    """A quote's or figure's stored fields, or a claim's (its fields within its claims record)."""
    if not rid.startswith("c"):
        return s.document(id=rid)
    # the claims entries of the documents whose id starts as the claim's does (one, nearly always)
    entries = s.search(wq.Prefix("of_doc", f"claim:{rid[1 : 1 + CLAIM_DOC_PREFIX]}"), limit=None)
    for group in (h.fields() for h in entries):
        claim = next((c for c in group.get("claims", ()) if c["id"] == rid), None)
        if claim is not None:
            return {**group, **claim}
    return None


# ------------------------------------------------------------------------------------ opening + sources


def _records(index_dir: Path):
    rix = open_records(index_dir)
    if rix is None:
        open_index(index_dir)  # raises IndexMissing when there is no index at all
        raise IndexMissing(f"the index at {index_dir} has no quote and figure records; run `breachdesk rebuild`")
    return rix


def resolver(index_dir: Path, rix=None):
    """The corpus' merged sources (`index.source_store`): `key_of`, `name_of`, `entity`, `find`…"""
    return source_store.current(index_dir, rix or _records(index_dir))


def _alias_query(res: Resolver, ents: list[Entity], letters: str):
    """Records whose speaker or source is printed as one of the entities' names. Their `mention`
    terms are the record's letter (q quote, p pull-quote, f figure, c claim), the name and its
    organisation (index.records), all known to the merged sources: exact terms, where prefix
    queries cost a lexicon walk per segment."""
    names = {a for ent in ents for a in ent.aliases if a}
    terms = [wq.Term("mention", f"{letter}{SEP}{raw}{SEP}{org}")
             for raw, org in res.printed_as(names) for letter in letters]
    return wq.Or(terms) if terms else wq.NullQuery



# ---------------------------------------------------------------------------------------------- parsing


_DATE_CLAUSE = re.compile(r"\bdate:\s*(?:[\[{][^\]}]*[\]}]|\S+)")
_ISO_DAY = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


# A record's document fields are indexed on its document's `doc` record only (index.records); the
# names a user types are those of the record.
_DOC_FIELDS = {"doc_title": ["title"], "doc_outlet": ["outlet"], "doc_kind": ["kind"], "doc_date": ["date"]}
_DOC_RECORDS = wq.Term("type", "doc")


class _RecordsOf(wq.NestedChildren):
    """The records of the documents whose doc record matches `docs` (Whoosh's NestedChildren), with
    the set of all doc records read once per segment searcher instead of once per clause (a
    figure's four title words read it four times per segment)."""

    def __init__(self, docs):
        super().__init__(_DOC_RECORDS, wq.And([_DOC_RECORDS, docs]))

    def matcher(self, searcher, context=None):
        bits = getattr(searcher, "_doc_records", None)
        if bits is None:
            bits = searcher._doc_records = searcher._filter_to_comb(self.parents)
        child = self.child.matcher(searcher, context) if bits else None
        if child is None or not child.is_active():
            return NullMatcher
        return self.NestedChildMatcher(bits, child, searcher.doc_count_all(), searcher.reader().is_deleted,
                                       boost=self.boost)


def _lift(q):
    """`q` with each clause on a document field replaced by "the records of the documents that match
    it", clause by clause, so the query's and/or/not logic is unchanged. A document's records follow
    its `doc` record in the index (index.records), which is what Whoosh's nested queries need."""
    if q.is_leaf():
        if q.field() not in _DOC_FIELDS:
            return q
        return _RecordsOf(q)
    return q.apply(_lift)


def _parse(rix, text: str, fields: list[str]):
    """Whoosh syntax over record fields (`speaker:zuckerberg`, `value:[1000000 TO 90000000]`)."""
    text = _DATE_CLAUSE.sub(lambda m: _ISO_DAY.sub(r"\1\2\3", m.group()), text)
    names = set(rix.schema.names())
    for name in re.findall(r"(?<![\w:])([A-Za-z_]\w*):(?=[\w\[\"(<>{])", re.sub(r'"[^"]*"', "", text)):
        if name not in names:
            raise QueryError(f"unknown field {name!r}; fields: {', '.join(sorted(set(fields) | {'date', 'value', 'family', 'kind'}))}")
    indexed_as = {alias: name for name, aliases in _DOC_FIELDS.items() for alias in aliases}
    parser = qparser.MultifieldParser([indexed_as.get(f, f) for f in fields], rix.schema)
    parser.add_plugin(dateparse.DateParserPlugin(free=False))
    parser.add_plugin(qparser.GtLtPlugin())
    parser.add_plugin(qparser.FieldAliasPlugin(_DOC_FIELDS))
    try:
        q = parser.parse(text)
    except Exception as exc:  # whoosh raises assorted errors on odd input
        raise QueryError(f"cannot parse query {text!r} ({exc})") from None
    if q is wq.NullQuery:
        raise QueryError(f"query has no searchable terms: {text!r}")
    return _lift(q)


def _by_date(items):
    return sorted(items, key=lambda r: (r.date is None, r.date or datetime.min, r.outlet, r.start))


# ----------------------------------------------------------------------------------------------- lists


def list_quotes(index_dir: Path, query: str | None = None, speaker: str | None = None, limit: int = 50,
                include_pull: bool = False) -> list[QuoteRecord]:
    """Quotes matching words (Whoosh syntax over quote words, speaker, org, outlet, title) and/or
    spoken by a source (any name it was printed under). Pull-quotes are repeats and left out."""
    words = query
    rix = _records(index_dir)
    res = resolver(index_dir, rix)
    clauses = [_term("type", "quote")]
    if words and words.strip():
        clauses.append(_parse(rix, words, QUOTE_FIELDS))
    keys = None
    if speaker:
        ents = [e for e in res.find(speaker) if e.kind != "outlet" or e.counts["quote"]]
        if not ents:
            return []
        keys = {e.key for e in ents[:1]}
        clauses.append(_alias_query(res, ents[:1], "qp" if include_pull else "q"))
    q = _and(clauses)
    if not include_pull:
        q = wq.AndNot(q, _term("qkind", "pull"))
    return _run(rix, res, q, limit, scored=bool(words and words.strip()), keys=keys, key_attr="speaker_key")


def list_figures(index_dir: Path, query: str | None = None, min_value: float | None = None,
                 max_value: float | None = None, unit: str | None = None, limit: int = 50) -> list[FigureRecord]:
    """Figures matching words (over their sentence, source, outlet, title; `value:[a TO b]` works too),
    a value range and a unit (a unit as printed, a family such as `people`, or a currency code)."""
    words = query
    rix = _records(index_dir)
    res = resolver(index_dir, rix)
    clauses = [_term("type", "figure")]
    if words and words.strip():
        clauses.append(_parse(rix, words, FIGURE_FIELDS))
    if min_value is not None or max_value is not None:
        clauses.append(wq.NumericRange("value", min_value, max_value))
    if unit:
        u = unit.strip()
        options = {u, u.lower(), unit_family(u), f"money:{u.upper()}"}
        clauses.append(wq.Or([_term("unit", x) for x in options] + [_term("family", x) for x in options]))
    return _run(rix, res, _and(clauses), limit, scored=bool(words and words.strip()), sort_value=True)


def _term(fieldname: str, text: str):
    return wq.Term(fieldname, text)


def _and(clauses):
    return clauses[0] if len(clauses) == 1 else wq.And(clauses)


def _run(rix, res, q, limit, scored=True, keys=None, key_attr=None, sort_value=False):
    with rix.searcher() as s:
        if scored:
            hits = s.search(q, limit=limit if keys is None else None)
        elif sort_value:
            hits = s.search(q, limit=limit, sortedby="value", reverse=True)
        else:
            hits = s.search(q, limit=limit if keys is None else None, sortedby=sorting.FieldFacet("date", reverse=True))
        out = []
        for h in hits:
            rec = _make(h.fields(), res)
            if keys is not None and getattr(rec, key_attr) not in keys:
                continue
            out.append(rec)
            if len(out) >= limit and (keys is None or scored):
                break
    if not scored and not sort_value:  # newest first, undated last
        out.sort(key=lambda r: (r.date is None, -(r.date.timestamp() if r.date else 0.0)))
    return out[:limit]


# ------------------------------------------------------------------------------------------ quote trail


@dataclass
class Appearance:
    quote: QuoteRecord
    score: float  # similarity to the quote asked about, 0-100
    relation: str  # against the reference: reference, identical, punctuation, truncated, extended, wording
    diff: list[DiffOp] = field(default_factory=list)
    pull_quotes: list[str] = field(default_factory=list)  # ids of pull-quotes repeating it in the same document

    def to_dict(self) -> dict:
        return {"quote": self.quote.to_dict(), "score": round(self.score, 1), "relation": self.relation,
                "diff": [d.to_dict() for d in self.diff], "pull_quotes": self.pull_quotes}


@dataclass
class QuoteTrail:
    query: str
    appearances: list[Appearance]  # by date, undated last
    first: Appearance | None
    reference: Appearance | None  # what the variants are compared with
    reference_reason: str  # "official statement" or "earliest appearance"
    variants: list[dict]  # distinct wordings: {"text", "relation", "ids", "outlets"}
    speakers: list[dict]  # {"key", "name", "ids", "outlets"} most frequent first
    misattributed: list[str]  # ids of appearances attributed to someone other than the likely speaker
    warnings: list[str]

    def to_dict(self) -> dict:
        return {"query": self.query, "appearances": [a.to_dict() for a in self.appearances],
                "first": self.first.quote.id if self.first else None,
                "reference": self.reference.quote.id if self.reference else None,
                "reference_reason": self.reference_reason, "variants": self.variants, "speakers": self.speakers,
                "misattributed": self.misattributed, "warnings": self.warnings}


def quote_trail(index_dir: Path, quote_id_or_text: str) -> QuoteTrail:
    """Every appearance of a quote across the corpus, its first appearance, its wording variants
    (diffed against the official statement, else the earliest) and conflicting attributions."""
    rix = _records(index_dir)
    res = resolver(index_dir, rix)
    asked = quote_id_or_text.strip()
    with rix.searcher() as s:
        seed = None
        if _QUOTE_ID.match(asked):
            seed = s.document(id=asked)
            if seed is None:
                raise NotFound(f"no quote with id {asked}")
            if seed.get("repeats"):
                seed = s.document(id=seed["repeats"]) or seed
        text = seed["text"] if seed else asked
        target = fold_quote(text)
        if len(target.split()) < 2:
            raise NotFound(f"too few words to trace: {asked!r}")
        terms = distinctive_terms(s, rix, "text", text)
        q = wq.And([_term("type", "quote"), wq.Or([_term("text", t) for t in terms])])
        hits = s.search(q, limit=TRAIL_CANDIDATES)
        min_words = 6 if seed else max(3, min(6, len(target.split())))
        found = []
        for h in hits:
            f = h.fields()
            score = similarity(target, fold_quote(f.get("text", "")), min_words)
            if score >= MATCH or (seed and f["id"] == seed["id"]):
                found.append((max(score, 100.0 if seed and f["id"] == seed["id"] else score), _quote(f, res)))
    if not found:
        raise NotFound(f"no quote matches {asked!r}")
    return _trail(asked, found, res)


def _trail(asked: str, found: list[tuple[float, QuoteRecord]], res: Resolver) -> QuoteTrail:
    by_doc: dict[str, list[tuple[float, QuoteRecord]]] = defaultdict(list)
    for score, rec in found:
        by_doc[rec.doc_id].append((score, rec))
    appearances = []
    for items in by_doc.values():
        # one appearance per document: its best quoted passage; pull-quotes there are repeats of it
        items.sort(key=lambda x: (x[1].kind == "pull", -x[0], -len(x[1].text)))
        score, best = items[0]
        pulls = [r.id for _s, r in items[1:] if r.kind == "pull"]
        appearances.append(Appearance(best, score, "", pull_quotes=pulls))
    appearances = sorted(appearances, key=lambda a: (a.quote.date is None, a.quote.date or datetime.min,
                                                     a.quote.doc_kind != "statement", a.quote.outlet))
    first = appearances[0]  # undated appearances sort last, so this is the earliest dated one if any
    statements = [a for a in appearances if a.quote.doc_kind == "statement"]
    reference, reason = (statements[0], "official statement") if statements else (first, "earliest appearance")
    variants: dict[str, dict] = {}
    for a in appearances:
        if a is reference:
            a.relation = "reference"
        else:
            a.relation = relation(reference.quote.text, a.quote.text)
            a.diff = word_diff(reference.quote.text, a.quote.text)
        v = variants.setdefault(" ".join(_words_of(a.quote.text)), {
            "text": a.quote.text, "relation": a.relation, "ids": [], "outlets": []})
        v["ids"].append(a.quote.id)
        v["outlets"].append(a.quote.outlet)
    speakers, misattributed, warnings = _attributions(appearances, reference, res)
    return QuoteTrail(asked, appearances, first, reference, reason, list(variants.values()), speakers,
                      misattributed, warnings)


def _words_of(text: str) -> list[str]:
    from index.quote_match import tokens

    return [t.lower() for t in tokens(text)]


def _attributions(appearances: list[Appearance], reference: Appearance, res: Resolver):
    """Who each outlet says spoke; a warning when named sources conflict."""
    groups: dict[str, list[Appearance]] = defaultdict(list)
    for a in appearances:
        if a.quote.speaker_key:
            groups[a.quote.speaker_key].append(a)
    speakers = [{"key": k, "name": res.name_of(k), "ids": [a.quote.id for a in v],
                 "outlets": [a.quote.outlet for a in v]}
                for k, v in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[1][0].quote.date or datetime.max))]
    named = [k for k in groups if not k.startswith("unnamed:")]
    if len(named) < 2:
        return speakers, [], []
    likely = reference.quote.speaker_key if reference.quote.speaker_key in named else \
        max(named, key=lambda k: (len(groups[k]), -min(a.quote.date.timestamp() if a.quote.date else 9e12 for a in groups[k])))
    likely_ent = res.entity(likely)
    misattributed, warnings = [], []
    for k in named:
        if k == likely or _same_side(res.entity(k), likely_ent):
            continue
        for a in groups[k]:
            misattributed.append(a.quote.id)
        where = ", ".join(f"{a.quote.outlet} ({_day(a.quote.date) or 'undated'})" for a in groups[k])
        basis = ", ".join(f"{a.quote.outlet} ({_day(a.quote.date) or 'undated'})" for a in groups[likely][:3])
        warnings.append(f"possible misattribution: {where} attribute these words to {res.name_of(k)}; "
                        f"{basis} attribute them to {res.name_of(likely)}")
    return speakers, misattributed, warnings


def _same_side(a: Entity | None, b: Entity | None) -> bool:
    """A person and the organisation they speak for are not a conflicting attribution."""
    if a is None or b is None:
        return False
    if a.kind == "person" and b.kind != "person":
        a, b = b, a
    if b.kind == "person" and a.kind != "person":
        return any(org_key(o) == a.key.split(":", 1)[1] for o in b.orgs)
    return False


# ---------------------------------------------------------------------------------- figure comparison


@dataclass
class FigureEntry:
    """One document's figure in a group (repeats of the same value in one document folded in)."""

    figure: FigureRecord
    mentions: int = 1
    ids: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {**self.figure.to_dict(), "mentions": self.mentions, "ids": self.ids}


@dataclass
class FigureGroup:
    id: str  # "g1"…, valid within one answer; pass a figure id to `compare` to get a group back
    label: str
    family: str
    units: list[str]
    entries: list[FigureEntry]  # by date, undated last
    divergent: bool
    spread: float
    contradiction: bool
    all_upper_bounds: bool
    changes_over_time: bool
    assessment: str
    timeline: list[dict]  # {"date", "value", "numbers", "sources", "ids"} in order of first publication
    values: list[float]  # distinct values, ascending
    documents: int
    kept_apart: list[dict] = field(default_factory=list)  # related figures in another unit family

    def to_dict(self) -> dict:
        return {"id": self.id, "label": self.label, "family": self.family, "units": self.units,
                "divergent": self.divergent, "spread": round(self.spread, 4) if self.spread != float("inf") else None,
                "contradiction": self.contradiction, "all_upper_bounds": self.all_upper_bounds,
                "changes_over_time": self.changes_over_time, "assessment": self.assessment,
                "values": self.values, "documents": self.documents, "timeline": self.timeline,
                "kept_apart": self.kept_apart, "entries": [e.to_dict() for e in self.entries]}


def compare_figures(index_dir: Path, query: str, limit: int = 20) -> list[FigureGroup]:
    """Figure groups about the query (words in Whoosh syntax, or a figure id): same unit family,
    same magnitude, similar context; divergent groups first, then the best documented."""
    words = (query or "").strip()
    if not words:
        raise QueryError("empty query")
    rix = _records(index_dir)
    res = resolver(index_dir, rix)
    seed_id = words if _FIGURE_ID.match(words) else None
    with rix.searcher() as s:
        rows = _seeded_candidates(rix, s, words) if seed_id else _query_candidates(index_dir, rix, s, words)
        records = [(rel, _figure(f, res), f.get("ctx", "").split(), f.get("title", "")) for rel, f in rows]
    if not records:
        return []
    return _groups(records, limit, seed_id)


def _query_candidates(index_dir, rix, s, words: str) -> list[tuple[float, dict]]:
    from index.search import parse_query

    relevance: dict[str, float] = {}
    ix = open_index(index_dir)
    with ix.searcher() as ds:
        doc_hits = ds.search(parse_query(ix, words), limit=COMPARE_DOCS)
        top = doc_hits[0].score if len(doc_hits) else 1.0
        for h in doc_hits:
            relevance[h["id"]] = h.score / top if top else 1.0
    rows: dict[str, tuple[float, dict]] = {}
    if relevance:
        q = wq.Or([_term("of_doc", f"figure:{d}") for d in relevance])
        for h in s.search(q, limit=COMPARE_MAX_FIGURES):
            f = h.fields()
            rows[f["id"]] = (relevance.get(f["doc_id"], 0.1), f)
    if rows:
        # figures whose own sentence answers the query lead their groups
        wanted = [w for w in re.findall(r"\w{3,}", words.lower()) if w not in ("and", "not")]
        for fid, (rel, f) in rows.items():
            sentence = f.get("text", "").lower()
            if wanted and any(w in sentence for w in wanted):
                rows[fid] = (rel + 0.5, f)
        return list(rows.values())
    try:  # record-only syntax (`source:facebook`, `unit:users`) or no document matched
        direct = s.search(wq.And([_term("type", "figure"), _parse(rix, words, FIGURE_FIELDS)]), limit=300)
    except QueryError:
        return []
    return [(1.0, h.fields()) for h in direct]


def distinctive_terms(searcher, rix, fieldname: str, text: str, chunks: int = 3, per_chunk: int = 5,
                      max_share: float = 0.01) -> list[str]:
    """The rarest indexed words of `text`, taken from each of `chunks` stretches of it, so that a
    truncated or partial copy still shares some of them. Querying with a handful of rare words
    instead of every word keeps a search short on a large index: words found in more than
    `max_share` of the records are left out unless nothing rarer is there."""
    words = [t.text for t in rix.schema[fieldname].analyzer(text)]
    if not words:
        return []
    df = {w: searcher.doc_frequency(fieldname, w) for w in set(words)}
    common = max(50, max_share * searcher.doc_count())
    size = max(1, -(-len(words) // chunks))
    out: list[str] = []
    for i in range(0, len(words), size):
        ranked = sorted({w for w in words[i:i + size] if w not in out and df[w]}, key=lambda w: (df[w], w))
        rare = [w for w in ranked if df[w] <= common]
        out.extend((rare or ranked[:2])[:per_chunk])
    return out


def _seeded_candidates(rix, s, fid: str) -> list[tuple[float, dict]]:
    seed = s.document(id=fid)
    if seed is None or seed.get("type") != "figure":
        raise NotFound(f"no figure with id {fid}")
    v = seed["value"]
    # the rarest words of its sentence and of its article's title find figures about the same thing
    terms = distinctive_terms(s, rix, "text", seed.get("text", ""), chunks=1, per_chunk=8)
    titles = distinctive_terms(s, rix, "doc_title", seed.get("title", ""), chunks=1, per_chunk=4)
    q = wq.And([_term("type", "figure"), _term("family", seed.get("family", "count")),
                _lift(wq.Or([_term("text", t) for t in terms] + [_term("doc_title", t) for t in titles]))])
    # magnitude filtered here: a numeric range in the query costs more than the words save
    rows = {h["id"]: (h.score, f) for h in s.search(q, limit=SEEDED_FIGURES)
            if v / fg.MAX_RATIO <= (f := h.fields()).get("value", 0.0) <= v * fg.MAX_RATIO}
    top = max((r for r, _ in rows.values()), default=1.0) or 1.0
    out = {k: (r / top, f) for k, (r, f) in rows.items()}
    out[fid] = (10.0, seed)  # the seed leads its group
    return list(out.values())


_TITLE_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")


def _groups(records, limit: int, seed_id: str | None) -> list[FigureGroup]:
    from index.figure_context import STOPWORDS, stem

    items, by_id = [], {}
    for rel, rec, ctx, title in records:
        topic = [stem(w) for w in _TITLE_WORD.findall(title) if w.lower() not in STOPWORDS][:12]
        items.append(fg.Item(rec.id, rec.value, rec.family, ctx, topic, rec.low, rec.high, rec.qualifier,
                             rec.date, rec.doc_id, rec.source_key, rel, rec.unit, rec.number))
        by_id[rec.id] = rec
    clusters = fg.cluster(items)
    seed_of = (lambda c: any(m.id == seed_id for m in c.members)) if seed_id else (lambda c: False)

    def order(c: fg.Cluster):
        entries = {(m.doc_id, round(m.value, 6), m.qualifier) for m in c.members}
        # the same figure seen in one document only says little: groups with one entry come last;
        # then counts of people, accounts, records and money, other units, numbers whose unit the
        # text left unsaid; within each, divergent groups first, then the best documented
        return (not seed_of(c), len(entries) < 2 and not seed_id, _tier(c.family), not fg.verdict(c.members).divergent,
                -len({m.doc_id for m in c.members}), -max(m.relevance for m in c.members), c.members[0].id)

    shown = sorted(clusters, key=order)[:limit]
    groups = [(c, _group(c, by_id)) for c in shown]
    _note_kept_apart(groups, clusters)
    for n, (_c, g) in enumerate(groups, 1):
        g.id = f"g{n}"
    return [g for _c, g in groups]


def _tier(family: str) -> int:
    if family in fg.COUNTED or family.startswith("money:"):
        return 0
    return 2 if family == "count" else 1


def _group(c: fg.Cluster, by_id: dict[str, FigureRecord]) -> FigureGroup:
    entries: dict[tuple, FigureEntry] = {}
    for m in c.members:
        rec = by_id[m.id]
        k = (rec.doc_id, round(rec.value, 6), rec.qualifier)
        if k in entries:
            entries[k].mentions += 1
            entries[k].ids.append(rec.id)
        else:
            entries[k] = FigureEntry(rec, 1, [rec.id])
    ordered = _by_date_entries(entries.values())
    v = fg.verdict(c.members)
    units = Counter(by_id[m.id].unit for m in c.members if by_id[m.id].unit)
    steps = []
    for first, members in fg.timeline(c.members):
        recs = [by_id[m.id] for m in members]
        steps.append({"date": _day(first), "value": members[0].value,
                      "numbers": sorted({r.number for r in recs}),
                      "sources": list(dict.fromkeys(_who_printed(r) for r in recs)), "ids": [r.id for r in recs]})
    return FigureGroup(
        id="", label=fg.label(c, units), family=c.family, units=[u for u, _ in units.most_common()],
        entries=ordered, divergent=v.divergent, spread=v.spread, contradiction=v.contradiction,
        all_upper_bounds=v.all_upper_bounds, changes_over_time=v.changes_over_time, assessment=v.assessment,
        timeline=steps, values=sorted({e.figure.value for e in ordered}),
        documents=len({m.doc_id for m in c.members}))


def _who_printed(r: FigureRecord) -> str:
    src = r.source_name or r.source
    if src and org_key(src) != org_key(r.outlet):
        return f"{src} via {r.outlet}" if r.outlet else src
    return r.outlet or src or "?"


def _by_date_entries(entries):
    return sorted(entries, key=lambda e: (e.figure.date is None, e.figure.date or datetime.min, e.figure.value))


def _note_kept_apart(groups: list[tuple[fg.Cluster, FigureGroup]], clusters: list[fg.Cluster]) -> None:
    """Tell the user when figures about the same thing, of the same size, were not compared because
    they count different things (people vs records vs accounts)."""
    counted = [c for c in clusters if c.family in fg.COUNTED]
    for c, g in groups:
        if c.family not in fg.COUNTED:
            continue
        for c2 in counted:
            if c2.family == c.family or max(c.hi, c2.hi) > KEPT_APART_RATIO * min(c.lo, c2.lo):
                continue
            if fg.cosine(c.centroid, c2.centroid) >= fg.RELATED:
                units = Counter(m.unit for m in c2.members if m.unit)
                g.kept_apart.append({"family": c2.family, "label": fg.label(c2, units),
                                     "numbers": sorted({m.number for m in c2.members})[:4],
                                     "ids": [m.id for m in c2.members][:10],
                                     "reason": f"{c2.family} are not {c.family}: counted apart"})


# ---------------------------------------------------------------------------------------- source sheet


@dataclass
class SourceSummary:
    key: str
    kind: str
    name: str
    aliases: list[str]
    affiliation: str | None
    quotes: int
    figures: int
    claims: int
    documents_published: int

    def to_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass
class SourceSheet:
    source: SourceSummary
    quotes: list[QuoteRecord]  # what they said, by date
    figures: list[FigureRecord]  # figures attributed to them, by date
    claims: list[ClaimRecord]  # what they are reported to have said (indirect), by date
    published: list[QuoteRecord | FigureRecord]  # for an outlet: what it printed, by date
    other_matches: list[SourceSummary]  # other sources the name could mean

    def to_dict(self) -> dict:
        return {"source": self.source.to_dict(), "quotes": [q.to_dict() for q in self.quotes],
                "figures": [f.to_dict() for f in self.figures], "claims": [c.to_dict() for c in self.claims],
                "published": [r.to_dict() for r in self.published],
                "other_matches": [o.to_dict() for o in self.other_matches]}


def _summary(e: Entity) -> SourceSummary:
    d = e.to_dict()
    return SourceSummary(e.key, e.kind, e.name, d["aliases"], d["affiliation"], d["quotes"], d["figures"],
                         d["claims"], d["documents_published"])


def source_sheet(index_dir: Path, name: str, limit: int = 500) -> SourceSheet:
    """Everything a person, organisation or outlet said (quotes, figures, reported claims), by date;
    for an outlet, also what it printed. `name` is any form it was printed under, or a source key,
    or a record id (its speaker or source)."""
    rix = _records(index_dir)
    res = resolver(index_dir, rix)
    name = name.strip()
    if _RECORD_ID.match(name):
        with rix.searcher() as s:
            f = _record_by_id(s, name)
        if f is None:
            raise NotFound(f"no record with id {name}")
        key = res.key_of(f.get("speaker") or f.get("source"), f.get("org") if f.get("type") == "quote" else None)
        if key is None:
            raise NotFound(f"record {name} has no known speaker or source")
        name = key
    found = res.find(name)
    if not found:
        raise NotFound(f"no source called {name!r}")
    ent = found[0]
    # an organisation speaks through its unnamed spokespeople too
    voices = [ent] + (res.spokespeople(ent.key) if ent.key.startswith("org:") else [])
    keys = {v.key for v in voices}
    said: list = []
    by_date = sorting.FieldFacet("date")
    # each kind asked for apart, earliest first, with room for records of namesakes dropped below:
    # an outlet is the source of every figure it prints, and loading all of them cost half a second
    with rix.searcher() as s:
        for letter in "qfc":  # quotes (pull-quotes, "p", are repeats), figures, claims
            for h in s.search(_alias_query(res, voices, letter), limit=2 * limit, sortedby=by_date):
                for rec in _made(h.fields(), res):
                    key = rec.speaker_key if isinstance(rec, QuoteRecord) else rec.source_key
                    if key in keys:
                        said.append(rec)
        published = []
        if ent.outlet_keys:  # kinds sorted out here: an and-query over `type` costs more than it saves
            printed = wq.Or([_term("outlet_key", k) for k in ent.outlet_keys])  # on its doc records
            hits = s.search(_RecordsOf(printed), limit=2 * limit, sortedby=by_date)
            published = [_make(f, res) for h in hits if (f := h.fields())["type"] in ("quote", "figure")][:limit]
    quotes = _by_date(r for r in said if isinstance(r, QuoteRecord))[:limit]
    figures = _by_date(r for r in said if isinstance(r, FigureRecord))[:limit]
    claims = _by_date(r for r in said if isinstance(r, ClaimRecord))[:limit]
    published = [r for r in _by_date(published) if not (isinstance(r, QuoteRecord) and r.kind == "pull")]
    others = [e for e in found[1:] if e.key not in keys][:5]
    return SourceSheet(_summary(ent), quotes, figures, claims, published, [_summary(e) for e in others])


def list_sources(index_dir: Path, name: str | None = None, limit: int = 100) -> list[SourceSummary]:
    """Sources (people, organisations, outlets, unnamed speakers), most quoted and cited first;
    with `name`, those it may mean."""
    rix = _records(index_dir)
    res = resolver(index_dir, rix)
    ents = res.find(name) if name and name.strip() else res.top(limit)
    return [_summary(e) for e in ents[:limit]]


# -------------------------------------------------------------------------------------------- document


@dataclass
class DocumentView:
    id: str
    title: str
    outlet: str
    date: datetime | None
    kind: str
    path: str
    url: str
    text: str
    paragraphs: list[tuple[int, int]]
    asides: list[dict]
    quotes: list[QuoteRecord]
    figures: list[FigureRecord]
    claims: list[ClaimRecord]

    def to_dict(self) -> dict:
        d = _plain(self)
        d["paragraphs"] = [list(p) for p in self.paragraphs]
        return d


def get_document(index_dir: Path, doc_id: str) -> DocumentView:
    """A document's stored fields with its quotes, figures and claims (offsets into `text`, or into
    `asides[aside].text` when `aside` is set), for the reader screen. Takes a record id too."""
    doc_id = doc_id.strip()
    rix = open_records(index_dir)
    res = resolver(index_dir, rix) if rix is not None else Resolver([])
    if rix is not None and _RECORD_ID.match(doc_id):
        with rix.searcher() as s:
            f = _record_by_id(s, doc_id)
        if f is None:
            raise NotFound(f"no record with id {doc_id}")
        doc_id = f["doc_id"]
    ix = open_index(index_dir)
    with ix.searcher() as s:
        d = s.document(id=doc_id)
    if d is None:
        raise NotFound(f"no document with id {doc_id}")
    recs: list = []
    if rix is not None:
        with rix.searcher() as s:
            q = wq.Or([_term("of_doc", f"{t}:{doc_id}") for t in ("quote", "figure", "claim")])
            recs = [r for h in s.search(q, limit=None) for r in _made(h.fields(), res)]
    return DocumentView(
        id=d["id"], title=d.get("title", ""), outlet=d.get("outlet", ""), date=d.get("date"), kind=d.get("kind", ""),
        path=d.get("path", ""), url=d.get("url", ""), text=d.get("text", ""),
        paragraphs=[tuple(p) for p in json.loads(d.get("paragraphs") or "[]")],
        asides=json.loads(d.get("asides") or "[]"),
        quotes=sorted((r for r in recs if isinstance(r, QuoteRecord)), key=_reading_order),
        figures=sorted((r for r in recs if isinstance(r, FigureRecord)), key=_reading_order),
        claims=sorted((r for r in recs if isinstance(r, ClaimRecord)), key=_reading_order))


def _reading_order(r) -> tuple:
    """Body text first, by offset; then each aside (caption, pull-quote) in turn."""
    aside = getattr(r, "aside", None)
    return (aside is not None, aside or 0, r.start)
