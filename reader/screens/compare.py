"""A figure's comparison: every source's value for the same thing, with bounds, dates, documents,
a divergence flag with the spread, the timeline, and a chart of value by source and date."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Footer, LoadingIndicator, Static

from reader.lookup import human_number
from reader.safe import clean_terminal
from reader.screens.base import BreachScreen
from reader.screens.crossref_base import CrossrefActions, crossref_call
from reader.widgets.breadcrumb import Breadcrumb
from reader.widgets.record_table import RecordTable, cell
from reader.widgets.value_chart import ValueChart


class CompareScreen(CrossrefActions, BreachScreen):
    BINDINGS = [
        Binding("right_square_bracket", "group(1)", "Next group", key_display="]"),
        Binding("left_square_bracket", "group(-1)", "Prev group", key_display="[", show=False),
        Binding("s", "source", "Source sheet"),
        Binding("o", "outlet", "Outlet sheet", show=False),
        Binding("v", "verdict", "Verdict"),
    ]

    def __init__(self, figure: dict | str) -> None:
        super().__init__()
        self.figure = figure if isinstance(figure, dict) else {"id": figure}
        self.crumb = "Compare"
        self.groups: list[dict] = []
        self.group_index = 0

    def compose(self) -> ComposeResult:
        yield Breadcrumb()
        yield Static(id="compare-head", classes="xref-head")
        yield LoadingIndicator(id="xref-loading")
        yield RecordTable(id="compare-table", classes="xref-table")
        with VerticalScroll(id="chart-box"):
            yield ValueChart(id="compare-chart")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(RecordTable).add_columns("date", "outlet", "as printed", "value", "source", "bounds",
                                                "unit", "×")
        self.load()

    @property
    def seed_query(self) -> str:
        return self.figure.get("id") or self.figure.get("number") or self.figure.get("text") or ""

    @work(thread=True, exclusive=True, group="compare")
    def load(self) -> None:
        result = crossref_call("compare_figures", self.app.index_dir, self.seed_query)  # type: ignore[attr-defined]
        self.app.call_from_thread(self._loaded, result)

    async def _loaded(self, result) -> None:
        await self.query_one("#xref-loading").remove()
        if isinstance(result, str) or not result:
            message = result if isinstance(result, str) else "No other figure in the corpus is about the same thing."
            self.query_one("#compare-head", Static).update(Text(message))
            return
        self.groups = [g.to_dict() for g in result]
        label = self.figure.get("number") or human_number(self.groups[0]["values"][0] if self.groups[0]["values"] else 0)
        self.crumb = "Compare: " + clean_terminal(label)
        await self._refresh_crumbs()
        self.show_group(0)
        self.query_one(RecordTable).focus()

    def show_group(self, index: int) -> None:
        self.group_index = index
        group = self.groups[index]
        head = Text()
        if group["divergent"]:
            spread = group.get("spread")
            head.append("⚠ SOURCES DIVERGE", style="bold red")
            if spread:
                head.append(f" (largest is {1 + spread:.1f}× the smallest)", style="red")
            head.append("  ")
        elif len(group["entries"]) < 2:
            head.append("only one source gives this figure  ", style="bold")
        else:
            head.append("✓ ", style="bold green")
        assessment = clean_terminal(group.get("assessment") or "")
        if len(group["entries"]) > 1 or assessment not in ("sources agree", ""):
            head.append(assessment, style="bold")
        head.append(f"\n{clean_terminal(group.get('label'))}", style="dim")
        head.append(f"\n{len(group['entries'])} figures in {group['documents']} documents · "
                    f"units: {', '.join(clean_terminal(u) for u in group.get('units') or []) or '—'}")
        if group.get("all_upper_bounds"):
            head.append(" · all are upper bounds: diverging estimates, not a contradiction", style="yellow")
        elif group.get("contradiction"):
            head.append(" · no single number satisfies every source", style="yellow")
        if len(self.groups) > 1:
            head.append(f" · group {index + 1}/{len(self.groups)} (] [)", style="dim")
        timeline = group.get("timeline") or []
        if group.get("changes_over_time") and timeline:
            head.append("\ntimeline: ", style="bold")
            head.append(" → ".join(f"{step.get('date') or 'undated'} {clean_terminal(', '.join(step.get('numbers') or []))}"
                                   for step in timeline))
        for apart in group.get("kept_apart") or []:
            head.append(f"\nkept apart: {clean_terminal(apart.get('reason'))} "
                        f"({clean_terminal(', '.join(apart.get('numbers') or []))})", style="dim")
        self.query_one("#compare-head", Static).update(head)

        table = self.query_one(RecordTable)
        table.clear()
        table.records, table.order = {}, []
        seed = self.figure.get("id")
        rows = []
        for entry in group["entries"]:
            who = entry.get("source_name") or entry.get("source") or ""
            bounds = _bounds(entry)
            marker = "◀" if seed and seed in (entry.get("ids") or [entry.get("id")]) else ""
            table.add_record(
                entry, cell(entry.get("date") or "undated"), cell(entry.get("outlet"), 20),
                cell(entry.get("number"), 20, "bold" if marker else ""), cell(human_number(entry.get("value"))),
                cell(who, 20), cell(bounds), cell(entry.get("unit") or entry.get("family"), 12),
                cell(f"{entry.get('mentions', 1)}{' ' + marker if marker else ''}"),
            )
            rows.append({"date": entry.get("date"), "who": who if who and who != entry.get("outlet")
                         else entry.get("outlet"), "value": entry.get("value") or 0,
                         "qualifier": entry.get("qualifier"), "number": entry.get("number")})
        self.query_one(ValueChart).set_rows(rows)
        if seed:
            for i, rid in enumerate(table.order):
                if seed in (table.records[rid].get("ids") or []):
                    table.move_cursor(row=i)
                    break

    def action_group(self, step: int) -> None:
        if self.groups:
            self.show_group((self.group_index + step) % len(self.groups))

    def current_record(self) -> dict | None:
        return self.query_one(RecordTable).current

    @on(DataTable.RowSelected)
    def _selected(self) -> None:
        self.action_open()


def _bounds(entry: dict) -> str:
    low, high = entry.get("low"), entry.get("high")
    if low is None and high is None:
        return "—"
    return f"{human_number(low) if low is not None else '…'} – {human_number(high) if high is not None else '…'}"
