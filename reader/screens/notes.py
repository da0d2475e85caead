"""Notes and verdicts: the list, editing, deleting, and exporting next to the index."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Footer, Label, Static

from reader.notes import FORMATS, Note, export_notes
from reader.safe import clean_terminal
from reader.screens.base import BreachScreen
from reader.widgets.breadcrumb import Breadcrumb
from reader.widgets.item_list import VERDICT_STYLE

EXTENSIONS = {"markdown": "md", "csv": "csv", "json": "json", "claimreview": "claimreview.jsonld"}


def export_to_file(app, fmt: str) -> Path | None:
    """Write the notes of the app's index as `notes.<ext>` in the index folder."""
    notes = app.notes.all()
    if not notes:
        app.notify("No notes to export yet", severity="warning")
        return None
    path = Path(app.index_dir) / f"notes.{EXTENSIONS[fmt]}"
    path.write_text(export_notes(notes, fmt), encoding="utf-8")
    return path


class NotesScreen(BreachScreen):
    crumb = "Notes"
    BINDINGS = [
        Binding("v", "edit", "Verdict"),
        Binding("delete", "delete", "Delete"),
        Binding("e", "export", "Export"),
    ]

    def compose(self) -> ComposeResult:
        yield Breadcrumb()
        yield Static(id="notes-title")
        yield DataTable(id="notes-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="notes-detail")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("verdict", "kind", "who", "claim", "outlet", "date", "note")
        self.reload()
        table.focus()

    def reload(self) -> None:
        self.notes: list[Note] = self.app.notes.all()  # type: ignore[attr-defined]
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        for n in self.notes:
            table.add_row(
                Text(n.verdict, style=VERDICT_STYLE.get(n.verdict, "")), Text(n.item_kind),
                Text(_short(n.who, 24)), Text(_short(n.text, 48)), Text(_short(n.outlet, 20)), Text(n.date),
                Text(_short(n.note, 40)), key=n.item_id,
            )
        counts = {}
        for n in self.notes:
            counts[n.verdict] = counts.get(n.verdict, 0) + 1
        summary = ", ".join(f"{v} {k}" for k, v in counts.items())
        self.query_one("#notes-title", Static).update(Text(
            f"{len(self.notes)} note{'' if len(self.notes) == 1 else 's'}" + (f": {summary}" if summary else
                                                                            " — mark quotes and figures with v in the reader")))
        if self.notes:
            table.move_cursor(row=min(row, len(self.notes) - 1))
        self._detail()

    @property
    def current(self) -> Note | None:
        table = self.query_one(DataTable)
        if not self.notes or table.cursor_row is None or table.cursor_row >= len(self.notes):
            return None
        return self.notes[table.cursor_row]

    @on(DataTable.RowHighlighted)
    def _detail(self) -> None:
        note = self.current
        detail = Text()
        if note is not None:
            detail.append(f"{note.verdict}", style=VERDICT_STYLE.get(note.verdict, "bold"))
            detail.append(f"  {note.item_kind} ")
            detail.append("“" + " ".join(clean_terminal(note.text).split()) + "”", style="italic")
            if note.who:
                detail.append(f" — {clean_terminal(note.who)}")
            if note.title:
                detail.append(f"\n{clean_terminal(note.outlet)}, {note.date or 'undated'}: {clean_terminal(note.title)}",
                              style="dim")
            if note.note:
                detail.append(f"\nnote: {clean_terminal(note.note)}")
        self.query_one("#notes-detail", Static).update(detail)

    def action_edit(self) -> None:
        from reader.screens.verdict import VerdictScreen

        note = self.current
        if note is not None:
            self.app.push_screen(VerdictScreen(note, self.app.notes), lambda _changed: self.reload())  # type: ignore[attr-defined]

    def action_delete(self) -> None:
        note = self.current
        if note is not None:
            self.app.notes.delete(note.item_id)  # type: ignore[attr-defined]
            self.notify("Note deleted", timeout=2)
            self.reload()

    @on(DataTable.RowSelected)
    def action_open(self) -> None:
        note = self.current
        if note is not None and note.doc_id:
            self.app.open_document(note.doc_id, item_id=note.item_id)  # type: ignore[attr-defined]

    def action_export(self) -> None:
        self.app.push_screen(ExportScreen())


class ExportScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape", "dismiss", "Close"),
                *[Binding(str(i + 1), f"export('{fmt}')", fmt, show=False) for i, fmt in enumerate(FORMATS)]]

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box", classes="dialog"):
            yield Label("Export the notes next to the index", classes="dialog-title")
            with Horizontal(classes="dialog-buttons"):
                for i, fmt in enumerate(FORMATS):
                    yield Button(f"{i + 1} {fmt}", id=f"export-{fmt}")
            yield Static("`breachdesk export --format …` does the same from the shell.", id="export-hint")

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        if event.button.id and event.button.id.startswith("export-"):
            self.action_export(event.button.id.removeprefix("export-"))

    def action_export(self, fmt: str) -> None:
        path = export_to_file(self.app, fmt)
        if path is not None:
            self.app.notify(f"Wrote {path.name} next to the index", title="Export")
        self.dismiss(None)


def _short(text: str, n: int) -> str:
    text = " ".join(clean_terminal(text).split())
    return text if len(text) <= n else text[: n - 1] + "…"

