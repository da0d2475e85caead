"""A small horizontal bar chart of a figure group: one bar per source, in date order.

Bars share one linear scale (the largest value fills the width) so that a tenfold difference
looks tenfold; an upper bound ("up to") is drawn hollow, a lower bound ("at least") ends in ▶.
"""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from reader.lookup import human_number
from reader.safe import clean_terminal

LABEL = 28


class ValueChart(Widget):
    DEFAULT_CLASSES = "value-chart"

    def __init__(self, rows: list[dict] | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.rows = rows or []

    def set_rows(self, rows: list[dict]) -> None:
        """rows: {"date", "who", "value", "qualifier", "number"}, in the order to draw."""
        self.rows = rows
        self.refresh(layout=True)

    def get_content_height(self, container, viewport, width: int) -> int:
        return max(1, len(self.rows) + 1)

    def render(self) -> Text:
        if not self.rows:
            return Text("no values to chart", style="dim")
        width = max(10, self.content_region.width or 60)
        label_width = min(LABEL, max(12, width // 3))
        numbers = [clean_terminal(r.get("number")) or human_number(r["value"]) for r in self.rows]
        number_width = min(22, max(len(n) for n in numbers) + 1)
        bar_width = max(4, width - label_width - number_width - 3)
        top = max(abs(r["value"] or 0) for r in self.rows) or 1
        out = Text(no_wrap=True, overflow="ellipsis")
        out.append("value by source and date (one scale)\n", style="bold dim")
        for i, r in enumerate(self.rows):
            label = f"{r.get('date') or 'undated'} {clean_terminal(r.get('who') or '?')}"
            label = label[: label_width - 1] + "…" if len(label) > label_width else label.ljust(label_width)
            n = max(1, round(bar_width * abs(r["value"] or 0) / top))
            qualifier = (r.get("qualifier") or "").lower()
            upper = qualifier in {"up to", "no more than", "at most", "less than", "fewer than", "under", "nearly",
                                  "almost"}
            lower = qualifier in {"at least", "more than", "over", "in excess of", "upwards of"}
            bar = ("░" * n) if upper else ("█" * (n - 1) + ("▶" if lower else "█"))
            out.append(label + " ")
            out.append(bar.ljust(bar_width), style="bold")
            out.append(" " + numbers[i][:number_width])
            if i < len(self.rows) - 1:
                out.append("\n")
        return out
