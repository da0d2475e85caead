"""What every full screen of the reader shares: a breadcrumb on top, the footer, Escape to go back."""

from __future__ import annotations

from textual.binding import Binding
from textual.screen import Screen

from reader.widgets.breadcrumb import Breadcrumb


class BreachScreen(Screen):
    """A full screen with a crumb (its short title in the breadcrumb)."""

    BINDINGS = [Binding("escape", "app.back", "Back", tooltip="Go back to the previous screen")]

    crumb: str = ""

    async def on_screen_resume(self) -> None:
        await self._refresh_crumbs()

    async def _refresh_crumbs(self) -> None:
        """Redraw the breadcrumb (on showing, and when this screen's own crumb changes)."""
        for crumbs in self.query(Breadcrumb):
            await crumbs.refresh_crumbs()
