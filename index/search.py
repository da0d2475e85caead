"""Full-text search over documents, with highlighted snippets returned as plain text + spans.

Snippets come back as `(text, [(start, end), …])` rather than markup so that each front end
(Rich tables, JSON, the TUI) escapes the untrusted article text itself and adds its own styling.
"""

from __future__ import annotations

import re
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from index.store import open_index
from index.whoosh_api import dateparse, highlight, qparser, query

SEARCH_FIELDS = ("title", "text", "outlet", "author", "speaker")
_OPEN, _CLOSE = "\x02", "\x03"  # markers around highlighted terms, never present in clean text


class QueryError(ValueError):
    """A query the parser cannot make sense of; the message is the one line to show."""


@dataclass
class Hit:
    id: str
    title: str
    outlet: str
    date: datetime | None
    kind: str
    path: str
    url: str
    score: float
    quotes: int = 0
    figures: int = 0
    snippet: str = ""
    spans: list[tuple[int, int]] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "id": self.id, "title": self.title, "outlet": self.outlet,
            "date": self.date.date().isoformat() if self.date else None, "kind": self.kind,
            "path": self.path, "url": self.url, "score": round(self.score, 3), "quotes": self.quotes,
            "figures": self.figures, "snippet": self.snippet, "highlights": [list(s) for s in self.spans],
        }


@dataclass
class SearchResult:
    query: str
    total: int
    hits: list[Hit]


class _Marker(highlight.Formatter):
    between = " … "

    def format_token(self, text, token, replace=False):
        return _OPEN + highlight.get_text(text, token, replace) + _CLOSE


def parse_query(ix, text: str):
    """Parse Whoosh syntax with field names and dates; raise QueryError on nonsense."""
    if not text.strip():
        raise QueryError("empty query")
    if text.strip() in ("*", "*:*"):
        return query.Every()  # every document; a bare wildcard would expand every term of every field
    fields = set(ix.schema.names())
    for name in _FIELD_PREFIX.findall(_QUOTED.sub("", text)):
        if name not in fields:
            raise QueryError(f"unknown field {name!r}; fields: {', '.join(sorted(SEARCH_FIELDS + ('kind', 'date', 'path')))}")
    text = _DATE_CLAUSE.sub(lambda m: _ISO_DAY.sub(r"\1\2\3", m.group()), text)
    parser = qparser.MultifieldParser(list(SEARCH_FIELDS), ix.schema)
    parser.add_plugin(dateparse.DateParserPlugin(free=False))
    parser.add_plugin(qparser.GtLtPlugin())
    try:
        q = parser.parse(text)
    except Exception as exc:  # whoosh raises assorted errors on odd input (bad dates, ranges)
        raise QueryError(f"cannot parse query {text!r} ({exc})") from None
    if q is query.NullQuery or isinstance(q, type(query.NullQuery)):
        raise QueryError(f"query has no searchable terms: {text!r}")
    for node in q.leaves() if not q.is_leaf() else [q]:
        if isinstance(node, query.qcore._NullQuery) or type(node).__name__ == "ErrorQuery":
            raise QueryError(f"cannot parse query {text!r}")
    return q


# Whoosh's date parser reads `2018-04-01` as the year 2018 only; `20180401` as the day.
_DATE_CLAUSE = re.compile(r"\bdate:\s*(?:[\[{][^\]}]*[\]}]|\S+)")
_ISO_DAY = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_QUOTED = re.compile(r'"[^"]*"')
_FIELD_PREFIX = re.compile(r"(?<![\w:])([A-Za-z_]\w*):(?=[\w\[\"(<>{])")


class _SearcherPool:
    """Open searchers kept between calls: reopening a large index costs more than searching it.

    Whoosh searchers are not thread-safe, so a searcher is lent to one caller at a time and
    refreshed when an ingest has committed since it was opened.
    """

    def __init__(self):
        self._lock = threading.Lock()
        self._idle: dict[str, list] = {}

    @contextmanager
    def searcher(self, directory: Path):
        key = str(Path(directory).resolve())
        with self._lock:
            pool = self._idle.setdefault(key, [])
            searcher = pool.pop() if pool else None
        if searcher is None:
            searcher = open_index(directory).searcher()
        elif not searcher.up_to_date():
            # a fresh searcher, not refresh(): refresh re-uses segment readers, which after an
            # interrupted ingest can count stale documents
            searcher.close()
            searcher = open_index(directory).searcher()
        try:
            yield searcher
        finally:
            with self._lock:
                self._idle[key].append(searcher)


_POOL = _SearcherPool()


def search(directory: Path, text: str, limit: int = 20) -> SearchResult:
    with _POOL.searcher(directory) as searcher:
        q = parse_query(searcher, text)
        # (whoosh's block-quality skipping could spin forever on rounding: patched in whoosh_api)
        results = searcher.search(q, limit=limit, terms=True)
        # Pinpoint: snippets from the character offsets stored at index time, not by re-analysing
        # each hit's whole text.
        results.fragmenter = highlight.PinpointFragmenter(maxchars=220, surround=60, autotrim=True)
        results.formatter = _Marker()
        hits = []
        for r in results:
            snippet = r.highlights("text", top=2) or r.highlights("title", top=1)
            plain, spans = _unmark(snippet)
            if not plain:
                plain = (r.get("text") or "")[:200]
            hits.append(Hit(
                id=r["id"], title=r.get("title", ""), outlet=r.get("outlet", ""), date=r.get("date"),
                kind=r.get("kind", ""), path=r.get("path", ""), url=r.get("url", ""), score=r.score,
                quotes=r.get("quotes", 0) or 0, figures=r.get("figures", 0) or 0, snippet=plain, spans=spans,
            ))
        return SearchResult(text, len(results), hits)


def _unmark(marked: str) -> tuple[str, list[tuple[int, int]]]:
    out, spans, start = [], [], None
    pos = 0
    for ch in marked:
        if ch == _OPEN:
            start = pos
        elif ch == _CLOSE and start is not None:
            spans.append((start, pos))
            start = None
        else:
            out.append(ch)
            pos += 1
    return " ".join("".join(out).split("\n")), spans
