"""Filters under the query box: outlet, kind, date range and speaker, turned into Whoosh clauses."""

from __future__ import annotations

import re

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.validation import Regex
from textual.widgets import Button, Input, Select

from reader.lookup import KIND_CHOICES, Filters

_DAY = r"^$|^\d{4}-\d{2}-\d{2}$"


class FilterBar(Horizontal):
    class Changed(Message):
        def __init__(self, filters: Filters) -> None:
            super().__init__()
            self.filters = filters

    def compose(self) -> ComposeResult:
        yield Select[str]([], prompt="any outlet", id="f-outlet", compact=True)
        yield Select[str]([(k, k) for k in KIND_CHOICES], prompt="any kind", id="f-kind", compact=True)
        yield Input(placeholder="from YYYY-MM-DD", id="f-from", max_length=10, restrict=r"[0-9-]*",
                    validators=[Regex(_DAY, failure_description="a date is YYYY-MM-DD")], compact=True)
        yield Input(placeholder="to YYYY-MM-DD", id="f-to", max_length=10, restrict=r"[0-9-]*",
                    validators=[Regex(_DAY, failure_description="a date is YYYY-MM-DD")], compact=True)
        yield Input(placeholder="speaker", id="f-speaker", compact=True)
        yield Button("Clear", id="f-clear", compact=True)

    def set_outlets(self, outlets: list[tuple[str, str]]) -> None:
        """(key, shown name) pairs; shown names are untrusted and Select renders them as plain text."""
        from rich.text import Text

        from reader.safe import clean_terminal

        self.query_one("#f-outlet", Select).set_options([(Text(clean_terminal(name)), key) for key, name in outlets])

    @property
    def filters(self) -> Filters:
        def value(selector: str) -> str | None:
            v = self.query_one(selector, Select).value
            return v if isinstance(v, str) else None

        def day(selector: str) -> str | None:
            v = self.query_one(selector, Input).value.strip()
            return v if re.match(r"^\d{4}-\d{2}-\d{2}$", v) else None

        speaker = self.query_one("#f-speaker", Input).value.strip()
        return Filters(outlet=value("#f-outlet"), kind=value("#f-kind"), date_from=day("#f-from"),
                       date_to=day("#f-to"), speaker=speaker or None)

    @on(Select.Changed)
    @on(Input.Changed)
    def _changed(self, event: Message) -> None:
        event.stop()
        self.post_message(self.Changed(self.filters))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()

    @on(Button.Pressed, "#f-clear")
    def clear(self) -> None:
        for select in self.query(Select):
            select.clear()
        for box in self.query(Input):
            box.value = ""
