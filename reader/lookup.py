"""What the reader reads from the index besides search hits: one document, filter choices, spelling.

Kept apart from the screens so it can be tested without a terminal, and so that the TUI never
touches whoosh itself: it goes through `index.store.open_index` and the searcher it returns.
When `index.crossref.get_document` exists it is the source of a document's quotes and figures;
until then a document is read from its stored fields alone.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from index.search import QueryError, search
from index.store import open_index

KIND_CHOICES = ("article", "statement", "other")
ALL = "*:*"  # Whoosh for every document


@dataclass
class Item:
    """A quote or a figure inside a document, as the reader shows and navigates it."""

    kind: str  # "quote" or "figure"
    id: str  # stable id (the cross-reference layer's), used for notes and the trail/comparison
    text: str
    start: int | None = None  # offsets into DocumentView.text (or into the aside's text when `aside` is set)
    end: int | None = None
    aside: int | None = None
    who: str | None = None  # speaker of a quote, source of a figure (its merged display name)
    who_key: str | None = None  # that source's key across the corpus (`person:helen-marlowe`)
    org: str | None = None
    label: str = ""  # "up to 2.1 million customers" for a figure, the cue for a quote
    data: dict = field(default_factory=dict)  # everything the cross-reference layer returned


@dataclass
class DocumentView:
    id: str
    title: str
    outlet: str
    authors: list[str]
    date: datetime | None
    url: str
    path: str
    kind: str
    text: str
    paragraphs: list[tuple[int, int]]
    asides: list[dict] = field(default_factory=list)
    quotes: list[Item] = field(default_factory=list)
    figures: list[Item] = field(default_factory=list)

    @property
    def items(self) -> list[Item]:
        """Quotes and figures in reading order (body first, then the asides)."""
        def key(item: Item):
            return (item.aside is not None, item.aside or 0, item.start if item.start is not None else 1 << 30)
        return sorted(self.quotes + self.figures, key=key)


class DocumentMissing(LookupError):
    """The document id is not (or no longer) in the index."""


def load_document(index_dir: Path, doc_id: str) -> DocumentView:
    """A document with its quotes and figures (from the cross-reference layer when it is there)."""
    view = stored_document(index_dir, doc_id)
    get_document = _crossref("get_document")
    if get_document is not None:
        try:
            found = get_document(index_dir, doc_id)
        except LookupError:  # crossref.NotFound: gone since the search
            raise DocumentMissing(doc_id) from None
        d = found.to_dict() if hasattr(found, "to_dict") else dict(found)
        view.quotes = [quote_item(q) for q in d.get("quotes") or []]
        view.figures = [figure_item(f) for f in d.get("figures") or []]
    return view


def _crossref(name: str):
    try:
        from index import crossref
    except ImportError:
        return None
    return getattr(crossref, name, None)


def stored_document(index_dir: Path, doc_id: str) -> DocumentView:
    ix = open_index(index_dir)
    with ix.searcher() as searcher:
        stored = searcher.document(id=doc_id)
    if stored is None:
        raise DocumentMissing(doc_id)
    return DocumentView(
        id=stored["id"], title=stored.get("title") or "", outlet=stored.get("outlet") or "",
        authors=[a for a in (stored.get("author") or "").split("; ") if a], date=stored.get("date"),
        url=stored.get("url") or "", path=stored.get("path") or "", kind=stored.get("kind") or "",
        text=stored.get("text") or "", paragraphs=[tuple(p) for p in json.loads(stored.get("paragraphs") or "[]")],
        asides=json.loads(stored.get("asides") or "[]"),
    )


def quote_item(q: dict) -> Item:
    """A cross-reference quote record (`QuoteRecord.to_dict()`) as a reader item."""
    return Item("quote", str(q.get("id") or ""), q.get("text") or "", q.get("start"), q.get("end"), q.get("aside"),
                who=q.get("speaker_name") or q.get("speaker"), who_key=q.get("speaker_key"), org=q.get("org"),
                label=q.get("cue") or "", data=q)


def figure_item(f: dict) -> Item:
    """A cross-reference figure record (`FigureRecord.to_dict()`) as a reader item."""
    return Item("figure", str(f.get("id") or ""), f.get("number") or f.get("text") or "", f.get("start"), f.get("end"),
                f.get("aside"), who=f.get("source_name") or f.get("source"), who_key=f.get("source_key"),
                label=figure_label(f), data=f)


def figure_label(f: dict) -> str:
    """`up to 2.1 million customers`, from the value (or bounds), qualifier and unit."""
    value = f.get("value")
    parts = [f.get("qualifier") or ""]
    low, high = f.get("low"), f.get("high")
    if low is not None and high is not None and low != high:
        parts.append(f"{human_number(low)}–{human_number(high)}")
    elif value is not None:
        parts.append(human_number(value))
    parts.append(f.get("unit") or "")
    return " ".join(p for p in parts if p)


def human_number(value: float | None, digits: int = 3, missing: str = "?") -> str:
    """1200000 -> `1.2 million`, 38000 -> `38,000`, 4.5 -> `4.5`; `digits` significant digits for
    millions and up, `missing` for an unknown value."""
    if value is None:
        return missing
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            return f"{value / size:.{digits}g} {word}"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")


@dataclass
class Facets:
    """Choices offered by the filter bar: outlets (key, shown name) and the number of documents."""

    outlets: list[tuple[str, str]]
    documents: int


def facets(index_dir: Path, limit: int = 2000) -> Facets:
    """Outlets present in the index, each with the name most of its documents give it."""
    ix = open_index(index_dir)
    with ix.searcher() as searcher:
        keys = [k.decode("utf-8") if isinstance(k, bytes) else k for k in searcher.lexicon("outlet_key")][:limit]
        outlets = []
        for key in keys:
            stored = searcher.document(outlet_key=key)
            outlets.append((key, (stored or {}).get("outlet") or key))
        return Facets(sorted(outlets, key=lambda kv: re.sub(r"^the ", "", kv[1].lower())), searcher.doc_count())


@dataclass
class Filters:
    outlet: str | None = None  # outlet_key
    kind: str | None = None
    date_from: str | None = None  # YYYY-MM-DD
    date_to: str | None = None
    speaker: str | None = None

    def active(self) -> bool:
        return any((self.outlet, self.kind, self.date_from, self.date_to, self.speaker))

    def describe(self) -> str:
        parts = []
        if self.outlet:
            parts.append(f"outlet {self.outlet}")
        if self.kind:
            parts.append(self.kind)
        if self.date_from or self.date_to:
            parts.append(f"{self.date_from or '…'} to {self.date_to or '…'}")
        if self.speaker:
            parts.append(f"speaker {self.speaker}")
        return ", ".join(parts)


_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def build_query(text: str, filters: Filters | None = None) -> str:
    """The user's words plus the filters as Whoosh clauses; every document when both are empty.

    Every document is `*:*` (one Every query), not `*`, which Whoosh expands into every term of
    every field: seconds on a large index instead of milliseconds.
    """
    text = text.strip()
    clauses = []
    f = filters or Filters()
    if f.outlet:
        clauses.append(f"outlet_key:{_term(f.outlet)}")
    if f.kind:
        clauses.append(f"kind:{_term(f.kind)}")
    if f.date_from or f.date_to:
        for day in (f.date_from, f.date_to):
            if day and not _DAY.match(day):
                raise QueryError(f"dates are YYYY-MM-DD, not {day!r}")
        clauses.append(f"date:[{f.date_from or ''} TO {f.date_to or ''}]".replace("[ TO", "[TO").replace("TO ]", "TO]"))
    if f.speaker:
        clauses.append(f'speaker:"{_phrase(f.speaker)}"')
    if not clauses:
        return text or ALL
    if text:
        return f"({text}) " + " ".join(clauses)
    return " ".join(clauses)


def _term(value: str) -> str:
    return re.sub(r"[^\w.-]", "", value)


def _phrase(value: str) -> str:
    return " ".join(re.sub(r'["\\]', " ", value).split())


_WORD = re.compile(r"(?<![\w:\"])([A-Za-z][A-Za-z'-]{2,})\b(?!:)")
_OPERATORS = {"AND", "OR", "NOT", "TO", "ANDNOT", "ANDMAYBE"}


def did_you_mean(index_dir: Path, text: str) -> str | None:
    """A respelling of `text` that finds documents, or None.

    Each word the index has never seen is replaced by the nearest indexed word (edit distance
    at most 2); because the body field is stemmed, the stem found is turned back into a word as
    printed in a document that contains it, so the suggestion reads as English.
    """
    ix = open_index(index_dir)
    analyzer = ix.schema["text"].analyzer
    changed = False
    out = text
    with ix.searcher() as searcher:
        reader = searcher.reader()
        for m in reversed(list(_WORD.finditer(text))):
            word = m.group(1)
            if word in _OPERATORS:
                continue
            stems = [t.text for t in analyzer(word)]
            if not stems or any(reader.frequency("text", s) or reader.frequency("title", s) for s in stems):
                continue
            candidates = searcher.suggest("text", word.lower(), limit=3, maxdist=2)
            if not candidates:
                continue
            surface = _surface_word(searcher, analyzer, candidates[0]) or candidates[0]
            if word[:1].isupper():
                surface = surface[:1].upper() + surface[1:]
            out = out[:m.start(1)] + surface + out[m.end(1):]
            changed = True
    if not changed:
        return None
    try:
        return out if search(index_dir, out, limit=1).total else None
    except QueryError:
        return None


def _surface_word(searcher, analyzer, stem: str) -> str | None:
    """The commonest spelling, in a document that has the stem, of a word that stems to it."""
    reader = searcher.reader()
    if not reader.frequency("text", stem):
        return None
    docnum = reader.postings("text", stem).id()
    stored = searcher.stored_fields(docnum)
    counts: Counter[str] = Counter()
    for word in re.findall(r"[A-Za-z][A-Za-z'-]+", stored.get("text") or ""):
        low = word.lower()
        if low.startswith(stem[:3]) and [t.text for t in analyzer(low)] == [stem]:
            counts[low] += 1
    return max(counts, key=lambda w: (w == stem, counts[w], -len(w))) if counts else None


_QUERY_WORD = re.compile(r"(?<![\w\"*?])(?:(\w+):)?(\"[^\"]*\"|\[[^\]]*\]|\{[^}]*\}|[\w*?'’.-]+)")
_BODY_FIELDS = {None, "text", "title"}
_DOC_WORD = re.compile(r"\w[\w'’-]*")


def term_spans(index_dir: Path, query: str, text: str) -> list[tuple[int, int]]:
    """Where the words of `query` occur in `text`, matched as the index matches them (stemmed,
    `*` and `?` wildcards), for highlighting search hits in the full document."""
    if not query.strip() or query.strip() in ("*", ALL):
        return []
    analyzer = open_index(index_dir).schema["text"].analyzer
    stems: set[str] = set()
    patterns: list[re.Pattern] = []
    for m in _QUERY_WORD.finditer(query):
        field_name, value = m.group(1), m.group(2)
        if field_name not in _BODY_FIELDS or value.startswith(("[", "{")):
            continue
        for word in re.findall(r"[\w*?'’-]+", value.strip('"')):
            if word in _OPERATORS:
                continue
            if "*" in word or "?" in word:
                rx = re.escape(word.lower()).replace(r"\*", r"\w*").replace(r"\?", r"\w")
                patterns.append(re.compile(rx + r"$"))
            else:
                stems.update(t.text for t in analyzer(word))
    if not stems and not patterns:
        return []
    cache: dict[str, bool] = {}
    spans = []
    for m in _DOC_WORD.finditer(text):
        low = m.group().lower()
        hit = cache.get(low)
        if hit is None:
            hit = any(t.text in stems for t in analyzer(low)) or any(p.match(low) for p in patterns)
            cache[low] = hit
        if hit:
            spans.append((m.start(), m.end()))
    return spans


def display_path(path: str) -> str:
    """A file path as short as it can be and still be found: relative to here, or from ~."""
    if not path:
        return ""
    p = Path(path)
    try:
        return str(p.relative_to(Path.cwd()))
    except ValueError:
        pass
    try:
        return "~/" + str(p.relative_to(Path.home()))
    except ValueError:
        return path
