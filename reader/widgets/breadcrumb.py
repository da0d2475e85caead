"""Where the reader is: one crumb per screen on the stack; clicking a crumb goes back to it."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from reader.safe import clean_terminal

SEPARATOR = " › "


class Crumb(Static):
    """One step of the trail; its text is untrusted (a title), so it is a plain Text, never markup."""

    def __init__(self, label: str, depth: int, current: bool) -> None:
        self.label = clean_terminal(label)
        super().__init__(Text(self.label), classes="crumb -current" if current else "crumb")
        self.depth = depth
        self.tooltip = None if current else "Go back here"

    def on_click(self) -> None:
        if not self.has_class("-current"):
            self.app.call_later(self.app.go_back_to, self.depth)  # type: ignore[attr-defined]


class Breadcrumb(Horizontal):
    """The crumbs of the screens below and including this one (modal dialogs have none)."""

    def compose(self) -> ComposeResult:
        yield from self._crumbs()

    def _crumbs(self):
        stack = [s for s in self.app.screen_stack if getattr(s, "crumb", None)]
        mine = self.screen
        if mine in stack:
            stack = stack[: stack.index(mine) + 1]
        for depth, screen in enumerate(stack):
            if depth:
                yield Static(SEPARATOR, classes="crumb-sep")
            yield Crumb(screen.crumb, depth, current=screen is mine)

    async def refresh_crumbs(self) -> None:
        await self.remove_children()
        await self.mount_all(list(self._crumbs()))

    @property
    def labels(self) -> list[str]:
        return [c.label for c in self.query(Crumb)]
