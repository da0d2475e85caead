"""A source sheet: everything a person, organisation or outlet said (quotes, figures, reported
claims) by date, and for an outlet what it printed."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, LoadingIndicator, Static, TabbedContent, TabPane

from reader.lookup import figure_label
from reader.safe import clean_terminal
from reader.screens.base import BreachScreen
from reader.screens.crossref_base import CrossrefActions, crossref_call
from reader.widgets.breadcrumb import Breadcrumb
from reader.widgets.record_table import RecordTable, cell

TABS = (("quotes", "Quotes"), ("figures", "Figures"), ("claims", "Reported claims"), ("published", "Printed"))


class SourceSheetScreen(CrossrefActions, BreachScreen):
    BINDINGS = [
        Binding("t", "trail", "Trail", tooltip="The trail of the selected quote"),
        Binding("c", "compare", "Compare", tooltip="The comparison of the selected figure"),
        Binding("v", "verdict", "Verdict"),
        Binding("o", "outlet", "Outlet sheet", show=False),
    ]

    def __init__(self, name: str, kind: str | None = None) -> None:
        super().__init__()
        self.source_name = name
        self.source_kind = kind
        self.crumb = clean_terminal(name)
        self.sheet: dict | None = None

    def compose(self) -> ComposeResult:
        yield Breadcrumb()
        yield Static(id="sheet-head", classes="xref-head")
        yield LoadingIndicator(id="xref-loading")
        with TabbedContent(id="sheet-tabs"):
            for key, title in TABS:
                with TabPane(title, id=f"tab-{key}"):
                    yield RecordTable(id=f"sheet-{key}", classes="xref-table")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#sheet-quotes", RecordTable).add_columns("date", "outlet", "words", "as printed")
        self.query_one("#sheet-figures", RecordTable).add_columns("date", "outlet", "figure", "as printed", "sentence")
        self.query_one("#sheet-claims", RecordTable).add_columns("date", "outlet", "claim")
        self.query_one("#sheet-published", RecordTable).add_columns("date", "kind", "who", "what")
        self.load()

    @work(thread=True, exclusive=True, group="sheet")
    def load(self) -> None:
        name = self.source_name
        if self.source_kind == "outlet":
            # A name can mean the outlet or an unnamed source inside it ("a Patchwire reporter"): ask for the outlet.
            found = crossref_call("list_sources", self.app.index_dir, name)  # type: ignore[attr-defined]
            if not isinstance(found, str):
                name = next((s.key for s in found if s.kind == "outlet"), name)
        result = crossref_call("source_sheet", self.app.index_dir, name)  # type: ignore[attr-defined]
        self.app.call_from_thread(self._loaded, result)

    async def _loaded(self, result) -> None:
        await self.query_one("#xref-loading").remove()
        if isinstance(result, str):
            self.query_one("#sheet-head", Static).update(Text(result))
            return
        sheet = self.sheet = result.to_dict()
        source = sheet["source"]
        self.crumb = clean_terminal(source.get("name")) or self.crumb
        await self._refresh_crumbs()
        head = Text()
        head.append(clean_terminal(source.get("name")), style="bold")
        head.append(f"  {source.get('kind')}", style="dim")
        if source.get("affiliation"):
            head.append(f" · {clean_terminal(source['affiliation'])}")
        aliases = [a for a in source.get("aliases") or [] if a != source.get("name")]
        if aliases:
            head.append("\nalso printed as: " + ", ".join(clean_terminal(a) for a in aliases[:8]), style="dim")
        head.append(f"\n{source.get('quotes', 0)} quotes · {source.get('figures', 0)} figures · "
                    f"{source.get('claims', 0)} reported claims")
        if source.get("documents_published"):
            head.append(f" · {source['documents_published']} documents published")
        others = sheet.get("other_matches") or []
        if others:
            head.append("\nthe name may also mean: " + ", ".join(clean_terminal(o.get("name")) for o in others[:4]),
                        style="dim")
        self.query_one("#sheet-head", Static).update(head)

        quotes = self.query_one("#sheet-quotes", RecordTable)
        for q in sheet["quotes"]:
            quotes.add_record(q, cell(q.get("date") or "undated"), cell(q.get("outlet"), 22),
                              cell("“" + (q.get("text") or "") + "”", 90), cell(q.get("speaker"), 24))
        figures = self.query_one("#sheet-figures", RecordTable)
        for f in sheet["figures"]:
            figures.add_record(f, cell(f.get("date") or "undated"), cell(f.get("outlet"), 22),
                               cell(figure_label(f), 28), cell(f.get("number"), 22), cell(f.get("sentence"), 70))
        claims = self.query_one("#sheet-claims", RecordTable)
        for c in sheet["claims"]:
            claims.add_record(c, cell(c.get("date") or "undated"), cell(c.get("outlet"), 22), cell(c.get("text"), 100))
        published = self.query_one("#sheet-published", RecordTable)
        for r in sheet["published"]:
            if r.get("type") == "quote":
                who, what = r.get("speaker_name") or r.get("speaker"), "“" + (r.get("text") or "") + "”"
            else:
                who, what = r.get("source_name") or r.get("source"), r.get("number") or ""
            published.add_record(r, cell(r.get("date") or "undated"), cell(r.get("type")), cell(who, 24), cell(what, 90))

        tabs = self.query_one(TabbedContent)
        counts = {"quotes": len(sheet["quotes"]), "figures": len(sheet["figures"]), "claims": len(sheet["claims"]),
                  "published": len(sheet["published"])}
        for key, title in TABS:
            tabs.get_tab(f"tab-{key}").label = f"{title} ({counts[key]})"
            if not counts[key]:
                tabs.hide_tab(f"tab-{key}")
        first = next((k for k, _ in TABS if counts[k]), None)
        if first:
            tabs.active = f"tab-{first}"
            self.query_one(f"#sheet-{first}", RecordTable).focus()

    def _table(self) -> RecordTable | None:
        active = self.query_one(TabbedContent).active
        if not active:
            return None
        return self.query_one(f"#sheet-{active.removeprefix('tab-')}", RecordTable)

    def current_record(self) -> dict | None:
        table = self._table()
        return table.current if table else None

    @on(DataTable.RowSelected)
    def _selected(self) -> None:
        self.action_open()

    def action_trail(self) -> None:
        record = self.current_record()
        if record and record.get("type") == "quote":
            self.app.open_trail(record["id"])  # type: ignore[attr-defined]
        else:
            self.notify("Select a quote first", severity="warning", timeout=2)

    def action_compare(self) -> None:
        record = self.current_record()
        if record and record.get("type") == "figure":
            self.app.open_comparison(record)  # type: ignore[attr-defined]
        else:
            self.notify("Select a figure first", severity="warning", timeout=2)
