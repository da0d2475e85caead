"""Notes and verdicts on quotes and figures, in SQLite next to the index, and their exports.

A note is keyed by the quote's or figure's stable id (the cross-reference layer's), never by a
Whoosh document number, so re-ingesting the corpus keeps every verdict. Each note also keeps a
copy of what it judged (text, speaker, outlet, date, title, URL) so that the Notes screen and the
exports still read correctly if the article later leaves the index.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, fields
from datetime import UTC, datetime
from pathlib import Path

VERDICTS = ("verified", "disputed", "false", "needs-check")
FORMATS = ("markdown", "csv", "json", "claimreview")
NOTES_FILE = "notes.sqlite"
# ClaimReview ratings on a 1..3 scale; "needs-check" is work in progress, not a verdict, so it is not exported there.
_RATINGS = {"false": (1, "False"), "disputed": (2, "Disputed"), "verified": (3, "Verified")}


@dataclass
class Note:
    item_id: str
    item_kind: str  # "quote" or "figure"
    verdict: str  # one of VERDICTS
    note: str = ""
    text: str = ""
    who: str = ""  # the quote's speaker or the figure's source, as attributed
    doc_id: str = ""
    title: str = ""
    outlet: str = ""
    date: str = ""  # the article's date, YYYY-MM-DD
    url: str = ""
    path: str = ""
    created: str = ""  # ISO 8601, UTC
    updated: str = ""

    def to_dict(self) -> dict:
        return asdict(self)


_COLUMNS = [f.name for f in fields(Note)]


def _utc_now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


class NotesStore:
    """The notes of one index. `clock` is injectable so tests (and snapshots) see fixed times."""

    def __init__(self, index_dir: Path, clock: Callable[[], datetime] = _utc_now):
        self.path = Path(index_dir) / NOTES_FILE
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._clock = clock
        self._db = sqlite3.connect(self.path, timeout=10, check_same_thread=False)
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS notes (" + ", ".join(
                f"{c} TEXT NOT NULL DEFAULT ''" if c != "item_id" else "item_id TEXT PRIMARY KEY" for c in _COLUMNS
            ) + ")"
        )
        self._db.commit()

    def save(self, note: Note) -> Note:
        """Insert or replace the note on `note.item_id`, keeping its first creation time."""
        if note.verdict not in VERDICTS:
            raise ValueError(f"verdict must be one of {', '.join(VERDICTS)}, not {note.verdict!r}")
        if not note.item_id:
            raise ValueError("a note needs the id of the quote or figure it is about")
        now = self._clock().isoformat()
        old = self.get(note.item_id)
        note.created = old.created if old else (note.created or now)
        note.updated = now
        with self._db:
            self._db.execute(
                f"INSERT OR REPLACE INTO notes ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})",
                [getattr(note, c) or "" for c in _COLUMNS],
            )
        return note

    def get(self, item_id: str) -> Note | None:
        row = self._db.execute(f"SELECT {', '.join(_COLUMNS)} FROM notes WHERE item_id = ?", (item_id,)).fetchone()
        return Note(*row) if row else None

    def all(self, verdict: str | None = None) -> list[Note]:
        """Newest first."""
        sql = f"SELECT {', '.join(_COLUMNS)} FROM notes"
        args: tuple = ()
        if verdict:
            sql += " WHERE verdict = ?"
            args = (verdict,)
        return [Note(*row) for row in self._db.execute(sql + " ORDER BY updated DESC, item_id", args)]

    def delete(self, item_id: str) -> bool:
        with self._db:
            return self._db.execute("DELETE FROM notes WHERE item_id = ?", (item_id,)).rowcount > 0

    def verdicts(self, item_ids: Iterable[str]) -> dict[str, str]:
        """item id -> verdict, for marking items on screen."""
        ids = list(item_ids)
        if not ids:
            return {}
        rows = self._db.execute(
            f"SELECT item_id, verdict FROM notes WHERE item_id IN ({', '.join('?' * len(ids))})", ids)
        return dict(rows.fetchall())

    def close(self) -> None:
        self._db.close()


def export_notes(notes: list[Note], fmt: str, reviewer: str = "breachdesk") -> str:
    """The notes as a Markdown report, CSV, JSON, or schema.org ClaimReview JSON-LD."""
    if fmt == "markdown":
        return to_markdown(notes)
    if fmt == "csv":
        return to_csv(notes)
    if fmt == "json":
        return json.dumps([n.to_dict() for n in notes], ensure_ascii=False, indent=2) + "\n"
    if fmt == "claimreview":
        return json.dumps(to_claimreview(notes, reviewer), ensure_ascii=False, indent=2) + "\n"
    raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")


def to_markdown(notes: list[Note]) -> str:
    lines = ["# Fact-check notes", ""]
    if not notes:
        return "\n".join(lines + ["No notes yet.", ""])
    for verdict in VERDICTS:
        group = [n for n in notes if n.verdict == verdict]
        if not group:
            continue
        lines += [f"## {verdict.capitalize()} ({len(group)})", ""]
        for n in group:
            where = ", ".join(p for p in (n.outlet, n.date) if p)
            source = f"[{_md(n.title or n.url)}]({n.url})" if n.url else _md(n.title)
            lines.append(f"- **{n.item_kind}** “{_md(n.text)}” — {_md(n.who) or 'unattributed'}"
                         + (f" ({_md(where)})" if where else "") + (f", {source}" if source else ""))
            if n.note:
                lines.append(f"  - {_md(n.note)}")
        lines.append("")
    return "\n".join(lines)


def _md(text: str) -> str:
    """Escape what would turn a copied sentence into Markdown formatting or links."""
    text = " ".join((text or "").split())
    for ch in "\\`*_[]<>|":
        text = text.replace(ch, "\\" + ch)
    return text


def to_csv(notes: list[Note]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(_COLUMNS)
    for n in notes:
        writer.writerow([_csv_cell(getattr(n, c)) for c in _COLUMNS])
    return out.getvalue()


def _csv_cell(value: str) -> str:
    """Neutralise spreadsheet formulas: quoted article text may start with = + - @."""
    return "'" + value if value and value[0] in "=+-@\t\r" else value


def to_claimreview(notes: list[Note], reviewer: str = "breachdesk") -> dict:
    """schema.org ClaimReview records (https://schema.org/ClaimReview), one per judged claim."""
    graph = []
    for n in notes:
        if n.verdict not in _RATINGS:
            continue
        value, name = _RATINGS[n.verdict]
        claim: dict = {"@type": "Claim"}
        if n.who:
            kind = "Person" if n.item_kind == "quote" and n.who != n.outlet else "Organization"
            claim["author"] = {"@type": kind, "name": n.who}
        if n.date:
            claim["datePublished"] = n.date
        if n.url or n.title:
            appearance: dict = {"@type": "CreativeWork"}
            if n.url:
                appearance["url"] = n.url
            if n.title:
                appearance["headline"] = n.title
            if n.outlet:
                appearance["publisher"] = {"@type": "Organization", "name": n.outlet}
            claim["appearance"] = appearance
        review = {
            "@type": "ClaimReview",
            "identifier": n.item_id,
            "datePublished": n.updated[:10],
            "claimReviewed": n.text,
            "author": {"@type": "Organization", "name": reviewer},
            "reviewRating": {"@type": "Rating", "ratingValue": value, "bestRating": 3, "worstRating": 1,
                             "alternateName": name},
            "itemReviewed": claim,
        }
        if n.note:
            review["reviewBody"] = n.note
        graph.append(review)
    return {"@context": "https://schema.org", "@graph": graph}
