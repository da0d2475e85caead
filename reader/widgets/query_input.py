"""The query box: `?` on its own asks for the syntax, `?` inside a word stays Whoosh's wildcard."""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input


class QueryInput(Input):
    BINDINGS = [Binding("down", "to_results", "Results", show=False)]

    class SyntaxHelpRequested(Message):
        """The user typed `?` where it cannot be a wildcard (empty box, or after a space)."""

    class ToResults(Message):
        """Down arrow: move into the results list."""

    async def _on_key(self, event: events.Key) -> None:
        if event.character == "?" and self.selection.is_empty:
            before = self.value[: self.cursor_position]
            if not before or before[-1].isspace():
                event.prevent_default()
                event.stop()
                self.post_message(self.SyntaxHelpRequested())
                return
        await super()._on_key(event)

    def action_to_results(self) -> None:
        self.post_message(self.ToResults())
