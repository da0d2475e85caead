"""A table of cross-reference records (quotes, figures, claims) that knows which record is under
the cursor. Every cell is a Text: DataTable would read a plain string as markup."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable

from reader.safe import clean_terminal


def cell(value, width: int | None = None, style: str = "") -> Text:
    text = " ".join(clean_terminal("" if value is None else str(value)).split())
    if width and len(text) > width:
        text = text[: width - 1] + "…"
    return Text(text, style=style)


class RecordTable(DataTable):
    """Rows keyed by record id; `records[id]` is the record's dict."""

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self.records: dict[str, dict] = {}
        self.order: list[str] = []

    def add_record(self, record: dict, *cells) -> None:
        rid = str(record.get("id") or len(self.order))
        if rid in self.records:
            return
        self.records[rid] = record
        self.order.append(rid)
        self.add_row(*cells, key=rid)

    @property
    def current(self) -> dict | None:
        if not self.order or self.cursor_row is None or not 0 <= self.cursor_row < len(self.order):
            return None
        return self.records[self.order[self.cursor_row]]
