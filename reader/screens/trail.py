"""A quote's trail: every appearance across outlets, who each outlet says spoke, the first one,
the wording variants as a word diff, and a warning when outlets disagree on the speaker."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, LoadingIndicator, Static

from reader.safe import clean_terminal
from reader.screens.base import BreachScreen
from reader.screens.crossref_base import CrossrefActions, crossref_call
from reader.widgets.breadcrumb import Breadcrumb
from reader.widgets.record_table import RecordTable, cell
from reader.widgets.word_diff import diff_text

RELATION = {
    "reference": "reference", "identical": "identical", "punctuation": "punctuation only",
    "truncated": "shortened", "extended": "longer", "wording": "words changed",
}


class TrailScreen(CrossrefActions, BreachScreen):
    BINDINGS = [
        Binding("s", "source", "Speaker sheet"),
        Binding("o", "outlet", "Outlet sheet", show=False),
        Binding("v", "verdict", "Verdict"),
    ]

    def __init__(self, quote: str) -> None:
        super().__init__()
        self.quote = quote
        self.crumb = "Trail"
        self.trail: dict | None = None

    def compose(self) -> ComposeResult:
        yield Breadcrumb()
        yield Static(id="trail-head", classes="xref-head")
        yield Static(id="trail-warning", classes="xref-warning -hidden")
        yield LoadingIndicator(id="xref-loading")
        yield RecordTable(id="trail-table", classes="xref-table")
        yield Static(id="trail-detail", classes="xref-detail")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(RecordTable)
        table.add_columns("date", "outlet", "speaker as printed", "wording", "match")
        self.load()

    @work(thread=True, exclusive=True, group="trail")
    def load(self) -> None:
        result = crossref_call("quote_trail", self.app.index_dir, self.quote)  # type: ignore[attr-defined]
        self.app.call_from_thread(self._loaded, result)

    async def _loaded(self, result) -> None:
        await self.query_one("#xref-loading").remove()
        if isinstance(result, str):
            self.query_one("#trail-head", Static).update(Text(result))
            return
        trail = self.trail = result.to_dict()
        appearances = trail["appearances"]
        reference = next((a for a in appearances if a["quote"]["id"] == trail.get("reference")), None)
        first = next((a for a in appearances if a["quote"]["id"] == trail.get("first")), None)
        shown = (reference or first or appearances[0])["quote"] if appearances else {"text": self.quote}
        self.crumb = "Trail: " + _short(shown.get("text", ""), 40)
        await self._refresh_crumbs()

        head = Text()
        head.append("“" + " ".join(clean_terminal(shown.get("text", "")).split()) + "”", style="italic")
        outlets = sorted({a["quote"].get("outlet") or "?" for a in appearances})
        head.append(f"\n{len(appearances)} appearance{'' if len(appearances) == 1 else 's'} in "
                    f"{len(outlets)} outlet{'' if len(outlets) == 1 else 's'}", style="bold")
        if first:
            q = first["quote"]
            head.append(f" · first: {clean_terminal(q.get('outlet'))}, {q.get('date') or 'undated'}")
        if reference:
            head.append(f" · compared with the {trail.get('reference_reason') or 'reference'}"
                        f" ({clean_terminal(reference['quote'].get('outlet'))})", style="dim")
        if len(trail.get("variants") or []) > 1:
            head.append(f" · {len(trail['variants'])} wordings", style="dim")
        self.query_one("#trail-head", Static).update(head)

        warnings = trail.get("warnings") or []
        warning = self.query_one("#trail-warning", Static)
        warning.set_class(not warnings, "-hidden")
        if warnings:
            warning.update(Text("\n".join("⚠ " + clean_terminal(w) for w in warnings)))

        table = self.query_one(RecordTable)
        misattributed = set(trail.get("misattributed") or [])
        for a in appearances:
            q = a["quote"]
            flags = []
            if q["id"] == trail.get("first"):
                flags.append("first")
            if q["id"] in misattributed:
                flags.append("⚠ speaker")
            speaker_style = "bold red" if q["id"] in misattributed else ""
            table.add_record(
                {**q, "_appearance": a},
                cell(q.get("date") or "undated"), cell(q.get("outlet"), 24),
                cell(q.get("speaker") or q.get("speaker_name") or "unattributed", 28, speaker_style),
                cell(RELATION.get(a.get("relation"), a.get("relation")), 18),
                cell(f"{a.get('score', 0):.0f}%" + (" " + ", ".join(flags) if flags else ""), 22),
            )
        table.focus()
        self._detail()

    @on(DataTable.RowHighlighted)
    def _detail(self) -> None:
        record = self.query_one(RecordTable).current
        detail = Text()
        if record is not None:
            a = record["_appearance"]
            detail.append(f"{clean_terminal(record.get('outlet'))}, {record.get('date') or 'undated'}: ", style="bold")
            detail.append(clean_terminal(record.get("title")), style="dim")
            detail.append("\n")
            if a.get("diff"):
                detail.append("against the reference: ", style="dim")
                detail.append_text(diff_text(a["diff"]))
            else:
                detail.append("“" + " ".join(clean_terminal(record.get("text")).split()) + "”", style="italic")
        self.query_one("#trail-detail", Static).update(detail)

    def current_record(self) -> dict | None:
        return self.query_one(RecordTable).current

    @on(DataTable.RowSelected)
    def _selected(self) -> None:
        self.action_open()


def _short(text: str, n: int) -> str:
    text = " ".join(clean_terminal(text).split())
    return text if len(text) <= n else text[: n - 1] + "…"
