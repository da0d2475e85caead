"""What the trail, comparison and source-sheet screens share: calling the cross-reference layer
from a worker (its errors become one line on screen) and acting on the record under the cursor."""

from __future__ import annotations

from reader.lookup import Item, figure_item, quote_item


def crossref_call(name: str, *args, **kwargs):
    """Call `index.crossref.<name>`; on failure return the one-line message to show instead."""
    from index.search import QueryError
    from index.store import IndexBroken, IndexMissing

    try:
        from index import crossref
    except ImportError:
        return "The cross-reference layer is not available in this build."
    function = getattr(crossref, name, None)
    if function is None:
        return f"The cross-reference layer has no {name}() yet."
    try:
        return function(*args, **kwargs)
    except (LookupError, QueryError, IndexMissing, IndexBroken) as exc:
        return str(exc)
    except Exception as exc:  # a bug below must cost one screen, not the reader with the user's work
        return f"{name} failed: {type(exc).__name__}: {exc}"


def record_item(record: dict) -> Item | None:
    kind = record.get("type")
    if kind == "quote":
        return quote_item(record)
    if kind == "figure":
        return figure_item(record)
    return None


class CrossrefActions:
    """Mixin for screens with a table of records: open it, its source sheet, its verdict."""

    def current_record(self) -> dict | None:
        raise NotImplementedError

    def action_open(self) -> None:
        record = self.current_record()
        if record and record.get("doc_id"):
            self.app.open_document(record["doc_id"], item_id=record.get("id"))  # type: ignore[attr-defined]

    def action_source(self) -> None:
        record = self.current_record()
        if not record:
            return
        key = record.get("speaker_key") or record.get("source_key")
        name = key or record.get("speaker_name") or record.get("speaker") or record.get("source_name") \
            or record.get("source")
        if not name:
            self.notify("No speaker or source is known for this one", severity="warning", timeout=3)  # type: ignore[attr-defined]
            return
        self.app.open_source(name)  # type: ignore[attr-defined]

    def action_outlet(self) -> None:
        record = self.current_record()
        if record and record.get("outlet"):
            self.app.open_source(record["outlet"], kind="outlet")  # type: ignore[attr-defined]

    def action_verdict(self) -> None:
        from reader.screens.verdict import VerdictScreen, note_for

        record = self.current_record()
        item = record_item(record) if record else None
        if item is None:
            return
        doc = None
        if record.get("doc_id"):
            from reader.lookup import DocumentMissing, stored_document

            try:
                doc = stored_document(self.app.index_dir, record["doc_id"])  # type: ignore[attr-defined]
            except DocumentMissing:
                doc = None
        note = note_for(item, doc, doc_id=record.get("doc_id"), title=record.get("title"),
                        outlet=record.get("outlet"), date=record.get("date"), path=record.get("path"))
        self.app.push_screen(VerdictScreen(note, self.app.notes))  # type: ignore[attr-defined]
