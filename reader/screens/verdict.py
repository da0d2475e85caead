"""The verdict dialog: mark a quote or figure verified / disputed / false / needs-check, with a note."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from reader.lookup import DocumentView, Item
from reader.notes import VERDICTS, Note, NotesStore
from reader.safe import clean_terminal


def note_for(item: Item, doc: DocumentView | None = None, **extra) -> Note:
    """A note about `item`, carrying a copy of what it judges and where it appeared."""
    # A figure is judged in its sentence ("Larkspur said up to 2.1 million customers …"), not as a bare number.
    text = (item.data.get("sentence") or item.text) if item.kind == "figure" else item.text
    fields = {
        "item_id": item.id, "item_kind": item.kind, "verdict": "needs-check", "text": text,
        "who": item.who or "",
    }
    if doc is not None:
        fields.update(doc_id=doc.id, title=doc.title, outlet=doc.outlet, url=doc.url, path=doc.path,
                      date=doc.date.date().isoformat() if doc.date else "")
    fields.update({k: v for k, v in extra.items() if v is not None})
    return Note(**fields)


class VerdictScreen(ModalScreen[bool]):
    """Dismisses with True when the note was saved or deleted."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save"),
        *[Binding(str(i + 1), f"pick('{v}')", v, show=False) for i, v in enumerate(VERDICTS)],
    ]

    def __init__(self, note: Note, store: NotesStore) -> None:
        super().__init__()
        self.store = store
        existing = store.get(note.item_id) if note.item_id else None
        self.note = existing or note
        self.existing = existing is not None

    def compose(self) -> ComposeResult:
        with Vertical(id="verdict-box", classes="dialog"):
            yield Label(f"Verdict on this {self.note.item_kind}", classes="dialog-title")
            claim = Text("“" + " ".join(clean_terminal(self.note.text).split()) + "”", style="italic")
            if self.note.who:
                claim.append(f"\n— {clean_terminal(self.note.who)}", style="dim")
            yield Static(claim, id="verdict-claim")
            with RadioSet(id="verdict-choice"):
                for i, verdict in enumerate(VERDICTS):
                    yield RadioButton(f"{i + 1} {verdict}", value=verdict == self.note.verdict, name=verdict)
            yield Input(value=self.note.note, placeholder="note (why, with which source)", id="verdict-note")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", variant="primary", id="verdict-save")
                if self.existing:
                    yield Button("Delete", variant="error", id="verdict-delete")
                yield Button("Cancel", id="verdict-cancel")

    def on_mount(self) -> None:
        if not self.note.item_id:
            self.notify("This item has no stable id yet (cross-reference layer missing); it cannot be noted.",
                        severity="error")
            self.dismiss(False)
            return
        self.query_one(RadioSet).focus()  # 1-4 pick a verdict here; Tab goes on to the note

    @property
    def verdict(self) -> str:
        pressed = self.query_one(RadioSet).pressed_button
        return pressed.name if pressed is not None and pressed.name else self.note.verdict

    def action_pick(self, verdict: str) -> None:
        for button in self.query(RadioButton):
            if button.name == verdict:
                button.value = True

    @on(Input.Submitted, "#verdict-note")
    @on(Button.Pressed, "#verdict-save")
    def action_save(self) -> None:
        self.note.verdict = self.verdict
        self.note.note = self.query_one("#verdict-note", Input).value.strip()
        self.store.save(self.note)
        self.dismiss(True)

    @on(Button.Pressed, "#verdict-delete")
    def _delete(self) -> None:
        self.store.delete(self.note.item_id)
        self.dismiss(True)

    @on(Button.Pressed, "#verdict-cancel")
    def action_cancel(self) -> None:
        self.dismiss(False)
