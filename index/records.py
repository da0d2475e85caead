"""Quotes, claims and figures as searchable records, in a second Whoosh index beside the documents.

One typed schema (`type` = quote, figure, claim, doc, abbrev) rather than three indexes: one writer, one
commit per batch, one place to delete a document's records. Each record carries its document's
outlet, date, title and path so that listing and comparing never need to open the documents index.
Record ids hash the document id (itself a hash of the file's bytes) with the record's offsets, so the
same quote in the same file keeps its id across re-ingests and rebuilds. A document's claims are one
record, and a claim's id begins with its document's (`record_id`).

`mention` terms (`q\\x1fMark Zuckerberg\\x1fFacebook`) are never shown; their lexicon, with counts
(term weights: a claims record names a source once per claim), is all `index.entities.Resolver`
needs to merge sources across the corpus, and they are how records are found by speaker or source.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from corpus.document import Document
from corpus.sentences import sentence_spans
from index.entities import abbreviations, expand_abbreviation
from index.figure_context import context_words, unit_family
from index.store import check_format, outlet_key, to_naive_utc
from index.whoosh_api import (
    DATETIME,
    ID,
    NUMERIC,
    STORED,
    TEXT,
    EmptyIndexError,
    RegexTokenizer,
    Schema,
    StemmingAnalyzer,
)
from index.whoosh_api import index as whoosh_index

RECORDS = "records"  # index name inside the index directory
RECORD_TYPES = ("doc", "abbrev", "quote", "figure", "claim")  # `of_doc` is "<type>:<document id>"
SEP = "\x1f"
EACH = "\x1e"  # between the values of a field that holds several (a claims record's sources)
_PREFIX = {"quote": "q", "figure": "f", "claim": "c"}


def records_schema() -> Schema:
    stem = StemmingAnalyzer()
    return Schema(
        id=ID(stored=True, unique=True),
        type=ID(stored=True),
        doc_id=STORED(),  # a document's records are found by `of_doc` (and deleted so)
        path=STORED(),
        # The document's title, outlet, kind and date are stored on each of its records but indexed once,
        # on its `doc` record: ~40 records a document indexed the same title 40 times. A query on them
        # becomes "records of these documents" (`index.crossref`).
        title=STORED(),
        outlet=STORED(),
        kind=STORED(),  # article or statement
        doc_title=TEXT(analyzer=stem),
        doc_outlet=TEXT(),
        doc_kind=ID(),
        outlet_key=ID(stored=True),  # on doc records only: an outlet's records are their children
        date=_unindexed_date(),  # shown and sorted by on every record; queried on the doc record
        doc_date=_one_term_date(),
        text=TEXT(analyzer=stem, stored=True),  # quote words; a figure's sentence
        speaker=TEXT(stored=True),  # who is quoted
        source=TEXT(stored=True),  # who a figure or claim is attributed to
        org=TEXT(stored=True),
        role=STORED(),
        cue=STORED(),
        qkind=ID(stored=True),  # full, partial, pull
        repeats=STORED(),  # a pull-quote: id of the quote it repeats
        start=STORED(),
        end=STORED(),
        aside=STORED(),
        speaker_start=STORED(),
        speaker_end=STORED(),
        claims=STORED(),  # a claims record's claims: words, source, offsets, id (see _claims_record)
        number=STORED(),  # the figure as printed: "up to 87m"
        # default: not NaN; shift_step 16: four terms a figure instead of eight, and a range query still
        # visits only the distinct values near its ends (at 32 it walked every value in range: 60,000
        # terms for "1 to 100 million" at 10,000 articles)
        value=NUMERIC(numtype=float, stored=True, sortable=True, default=0, shift_step=16),
        low=STORED(),
        high=STORED(),
        unit=ID(stored=True),
        family=ID(stored=True),
        qualifier=ID(stored=True),
        ctx=STORED(),  # stems of the words around a figure, nearest first
        mention=TEXT(analyzer=_each_value(), phrase=False),  # counted per value, not per record
        of_doc=ID(),  # "figure:<doc id>": one document's records of one type, without intersecting `type`
    )


def _each_value() -> RegexTokenizer:
    """One term per value of a field holding values joined by EACH, each kept exactly as given."""
    return RegexTokenizer(r"[^\x1e]+")


def _unindexed_date() -> DATETIME:
    """Stored and sortable but not indexed: a date query is asked of the document's record
    (`doc_date`), as title and outlet are, instead of indexing the date on its ~20 records."""
    field = DATETIME(stored=True, sortable=True)
    field.indexed = False
    return field


def _one_term_date() -> DATETIME:
    """A date indexed as one term instead of eight: a date range query walks the distinct dates in
    range (a few thousand at most), which costs less than indexing seven more terms per record."""
    field = DATETIME(stored=True, sortable=True)
    field.shift_step = 0
    return field


def open_records(directory: Path, create: bool = False):
    """The records index in `directory`; None when absent (an index built before records existed)."""
    directory = Path(directory)
    try:
        if whoosh_index.exists_in(directory, indexname=RECORDS):
            check_format(directory)  # the records' fields change with the format as the documents' do
            return whoosh_index.open_dir(directory, indexname=RECORDS)
    except EmptyIndexError:
        pass
    if not create:
        return None
    directory.mkdir(parents=True, exist_ok=True)
    return whoosh_index.create_in(directory, records_schema(), indexname=RECORDS)


def record_id(kind: str, doc_id: str, start: int, end: int, aside: int | None) -> str:
    digest = hashlib.sha1(f"{doc_id}:{kind}:{start}:{end}:{aside}".encode()).hexdigest()
    if kind == "claim":  # claims are stored together, one entry a document: the id leads to it
        return _PREFIX[kind] + doc_id[:CLAIM_DOC_PREFIX] + digest[: 12 - CLAIM_DOC_PREFIX]
    return _PREFIX[kind] + digest[:12]


CLAIM_DOC_PREFIX = 6  # hex digits of the document id that open a claim's id


def document_records(doc: Document, extraction) -> list[dict]:
    """The records of one document: a `doc` record, then its quotes, indirect claims and figures.
    Written in this order, in one go, they stay together behind their `doc` record, so that a
    query on the document's fields finds its records (Whoosh nested queries, `index.crossref`)."""
    base = {"doc_id": doc.id, "path": doc.path, "title": doc.title or "", "outlet": doc.outlet or "", "kind": doc.kind}
    date = to_naive_utc(doc.published)
    if date is not None:
        base["date"] = date
    out = [{**base, "id": f"d{doc.id}", "type": "doc", "mention": f"d{SEP}{doc.outlet or ''}{SEP}", "doc_date": date,
            "outlet_key": outlet_key(doc.outlet),
            "doc_title": base["title"], "doc_outlet": base["outlet"], "doc_kind": base["kind"]}]
    if extraction is None:
        out[0]["of_doc"] = f"doc:{doc.id}"
        return out
    defined = abbreviations(doc.text)
    for n, (abbr, long) in enumerate(sorted(defined.items())):  # so that a user may type "GCP"
        out.append({"id": f"a{doc.id}{n}", "type": "abbrev", "doc_id": doc.id, "mention": f"a{SEP}{abbr}{SEP}{long}"})
    quote_ids = [record_id("quote", doc.id, q.start, q.end, q.aside) for q in extraction.quotes]
    for n, q in enumerate(extraction.quotes):
        speaker = expand_abbreviation(q.speaker, defined)
        org = expand_abbreviation(q.org, defined)
        if q.speaker in defined and not org:
            org = speaker  # only organisations get abbreviations defined: say so to the resolver
        rec = {**base, "id": quote_ids[n], "type": "quote", "text": q.text, "qkind": q.kind,
               "start": q.start, "end": q.end, "aside": q.aside, "speaker_start": q.speaker_start,
               "speaker_end": q.speaker_end, "role": q.role, "cue": q.cue}
        if q.repeats is not None and 0 <= q.repeats < len(quote_ids):
            rec["repeats"] = quote_ids[q.repeats]
        _who(rec, "speaker", "p" if q.kind == "pull" else "q", speaker, org)  # a pull-quote repeats, not a quote
        out.append(rec)
    claims = _claims_record(doc, extraction, defined, base)
    if claims is not None:
        out.append(claims)
    sentences = _Sentences(doc)
    for f in extraction.figures:
        sentence, s_start = sentences.around(f.start, f.end, f.aside)
        rel_start, rel_end = f.start - s_start, f.end - s_start
        rec = {**base, "id": record_id("figure", doc.id, f.start, f.end, f.aside), "type": "figure",
               "text": sentence, "number": f.text, "start": f.start, "end": f.end, "aside": f.aside,
               "value": float(f.value), "unit": f.unit or None, "family": unit_family(f.unit),
               "qualifier": f.qualifier or None, "ctx": " ".join(context_words(sentence, rel_start, rel_end))}
        if f.low is not None:
            rec["low"] = float(f.low)
        if f.high is not None:
            rec["high"] = float(f.high)
        _who(rec, "source", "f", expand_abbreviation(f.source, defined), None)
        out.append(rec)
    for rec in out:
        rec["of_doc"] = f"{rec['type']}:{doc.id}"
    return out


def _claims_record(doc: Document, extraction, defined: dict[str, str], base: dict) -> dict | None:
    """All of a document's indirect claims in one record: claims are listed by source and by
    document, never searched by their words, and one record instead of ~20 a document halves what
    writing the records costs. `mention` holds one value per claim, and a claim's id begins with
    its document's (`record_id`)."""
    items, sources = [], []
    for c in extraction.claims:
        if c.direct:  # direct claims are the quotes above
            continue
        source = expand_abbreviation(c.source, defined)
        items.append({"id": record_id("claim", doc.id, c.start, c.end, None), "text": c.text,
                      "source": source, "start": c.start, "end": c.end, "cue": c.cue,
                      "speaker_start": c.source_start, "speaker_end": c.source_end})
        if source:
            sources.append(source)
    if not items:
        return None
    rec = {**base, "id": f"k{doc.id}", "type": "claim", "claims": items}
    if sources:
        rec["mention"] = EACH.join(f"c{SEP}{name}{SEP}" for name in sources)
    return rec


def _who(rec: dict, field: str, letter: str, name: str | None, org: str | None) -> None:
    if org:
        rec["org"] = org
    if name:
        rec[field] = name
        rec["mention"] = f"{letter}{SEP}{name}{SEP}{org or ''}"


class _Sentences:
    """The sentence around an offset, in the text or in an aside (computed once per text)."""

    def __init__(self, doc: Document):
        self.doc = doc
        self._spans: dict[int | None, list[tuple[int, int]]] = {}

    def text_of(self, aside: int | None) -> str:
        if aside is None:
            return self.doc.text
        return self.doc.asides[aside].text if 0 <= aside < len(self.doc.asides) else ""

    def around(self, start: int, end: int, aside: int | None) -> tuple[str, int]:
        text = self.text_of(aside)
        if aside not in self._spans:
            self._spans[aside] = sentence_spans(text)
        for s, e in self._spans[aside]:
            if s <= start < e:
                return text[s:max(e, min(end, len(text)))], s
        return text[max(0, start - 120):end + 120], max(0, start - 120)
