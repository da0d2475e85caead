"""The reader: one document's text with its quotes (coloured by speaker), figures and search hits
marked, its metadata on top and the list of quotes and figures beside it."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, LoadingIndicator, OptionList, Static

from reader.lookup import DocumentMissing, DocumentView, Item, display_path, load_document, term_spans
from reader.safe import clean_terminal
from reader.screens.base import BreachScreen
from reader.widgets.breadcrumb import Breadcrumb
from reader.widgets.document_text import DocumentText
from reader.widgets.item_list import ItemList
from reader.widgets.styled import speaker_colours


class DocumentScreen(BreachScreen):
    BINDINGS = [
        Binding("n", "next_hit", "Next hit"),
        Binding("N", "previous_hit", "Prev hit", key_display="N"),
        Binding("right_square_bracket", "next_item", "Next quote/figure", key_display="]"),
        Binding("left_square_bracket", "previous_item", "Prev quote/figure", key_display="[", show=False),
        Binding("t", "trail", "Trail", tooltip="Every appearance of the current quote"),
        Binding("c", "compare", "Compare", tooltip="All sources' values for the current figure"),
        Binding("s", "source", "Source sheet", tooltip="The speaker's or source's sheet"),
        Binding("o", "outlet", "Outlet sheet", show=False),
        Binding("v", "verdict", "Verdict", tooltip="Mark the current quote or figure and add a note"),
        Binding("p", "toggle_panel", "Panel", show=False),
    ]

    def __init__(self, doc_id: str, query: str = "", item_id: str | None = None) -> None:
        super().__init__()
        self.doc_id = doc_id
        self.search_query = query
        self.start_item_id = item_id
        self.doc: DocumentView | None = None
        self.colours: dict = {}
        self.hits: list[tuple[int, int]] = []
        self.crumb = "Document"

    def compose(self) -> ComposeResult:
        yield Breadcrumb()
        with Horizontal(id="doc-body"):
            with Vertical(id="doc-main"):
                yield Static(id="doc-title")
                yield Static(id="doc-meta")
                yield LoadingIndicator(id="doc-loading")
                yield Static(id="doc-status")
            with Vertical(id="side"):
                yield Static(id="side-title")
                yield ItemList(id="items")
        yield Footer()

    def on_mount(self) -> None:
        self.call_after_refresh(self.load)  # the widgets the answer goes into exist by then

    @work(thread=True, exclusive=True, group="document")
    def load(self) -> None:
        try:
            doc = load_document(self.app.index_dir, self.doc_id)  # type: ignore[attr-defined]
        except DocumentMissing:
            self.app.call_from_thread(self._missing)
            return
        except Exception as exc:  # a broken record must not take the reader down
            self.app.call_from_thread(self._missing, f"This document cannot be read: {type(exc).__name__}: {exc}")
            return
        hits = term_spans(self.app.index_dir, self.search_query, doc.text)  # type: ignore[attr-defined]
        verdicts = self.app.notes.verdicts([it.id for it in doc.items if it.id])  # type: ignore[attr-defined]
        self.app.call_from_thread(self._loaded, doc, hits, verdicts)

    def _missing(self, message: str = "This document is no longer in the index (re-ingested or pruned).") -> None:
        self.query("#doc-loading").remove()
        self.query_one("#doc-meta", Static).update(Text(clean_terminal(message)))

    async def _loaded(self, doc: DocumentView, hits: list[tuple[int, int]], verdicts: dict[str, str]) -> None:
        self.doc, self.hits = doc, hits
        self.crumb = clean_terminal(doc.title) or "Document"
        self.colours = speaker_colours([q.who_key or q.who for q in doc.items if q.kind == "quote"],
                                       self.app.current_theme.dark)
        self.query_one("#doc-title", Static).update(Text(clean_terminal(doc.title) or "(untitled)", style="bold"))
        self.query_one("#doc-meta", Static).update(self._meta_text(doc))
        text = DocumentText(doc, self.colours, hits, dark=self.app.current_theme.dark, id="doc-text")
        await self.query_one("#doc-loading").remove()
        await self.query_one("#doc-main").mount(text, before="#doc-status")
        items = self.query_one(ItemList)
        items.show(doc.items, self.colours, verdicts)
        self.query_one("#side-title", Static).update(self._side_title(doc))
        self.set_class(not doc.items, "-no-items")
        self.refresh_bindings()
        for crumbs in self.query(Breadcrumb):
            await crumbs.refresh_crumbs()
        text.focus()
        if self.start_item_id:
            for i, it in enumerate(doc.items):
                if it.id == self.start_item_id:
                    self.select_item(i)
                    break
        elif hits:
            self.call_after_refresh(self._goto_hit, 0)
        self._update_status()

    def _meta_text(self, doc: DocumentView) -> Text:
        """One line each (cut with … when narrow): outlet · date · kind · authors, URL, file."""
        text = Text(no_wrap=True, overflow="ellipsis")
        line = [clean_terminal(doc.outlet) or "unknown outlet",
                doc.date.date().isoformat() if doc.date else "undated", doc.kind or "article"]
        if doc.authors:
            line.append("by " + ", ".join(clean_terminal(a) for a in doc.authors))
        text.append(" · ".join(line))
        if doc.url:
            text.append("\n" + clean_terminal(doc.url), style="dim underline")
        if doc.path:
            text.append("\nfile: " + clean_terminal(display_path(doc.path)), style="dim")
        return text

    def _side_title(self, doc: DocumentView) -> Text:
        q, f = len(doc.quotes), len(doc.figures)
        return Text(f"{q} quote{'' if q == 1 else 's'} · {f} figure{'' if f == 1 else 's'}", style="bold")

    # --- status --------------------------------------------------------------------------------

    def _update_status(self) -> None:
        view = self._text()
        if view is None:
            return
        parts = []
        if self.hits:
            at = f"{view.current_hit + 1}/" if view.current_hit is not None else ""
            parts.append(f"hit {at}{len(self.hits)} (n/N)")
        elif self.search_query:
            parts.append("no hits in the body")
        items = view.items
        if items:
            at = f"{view.current_item + 1}/" if view.current_item is not None else ""
            parts.append(f"quote/figure {at}{len(items)} ([ ])")
            if view.current_item is not None:
                parts.append(self._describe(items[view.current_item]))
        self.query_one("#doc-status", Static).update(Text("  ·  ".join(parts), no_wrap=True, overflow="ellipsis"))

    def _describe(self, item: Item) -> str:
        if item.kind == "quote":
            return f"quote by {clean_terminal(item.who) or 'unattributed'}: t trail, s speaker, v verdict"
        return f"figure {clean_terminal(item.label)}: c compare, s source, v verdict"

    def _text(self) -> DocumentText | None:
        found = self.query(DocumentText)
        return found.first() if found else None

    # --- moving between hits and items --------------------------------------------------------

    def action_next_hit(self) -> None:
        self._step_hit(+1)

    def action_previous_hit(self) -> None:
        self._step_hit(-1)

    def _step_hit(self, step: int) -> None:
        view = self._text()
        if view is None or not self.hits:
            self.notify("No search hits in this document", severity="warning", timeout=2)
            return
        current = view.current_hit
        self._goto_hit(0 if current is None and step > 0 else
                       len(self.hits) - 1 if current is None else (current + step) % len(self.hits))

    def _goto_hit(self, index: int) -> None:
        view = self._text()
        if view is not None:
            view.set_current_hit(index)
            self._update_status()

    def action_next_item(self) -> None:
        self._step_item(+1)

    def action_previous_item(self) -> None:
        self._step_item(-1)

    def _step_item(self, step: int) -> None:
        view = self._text()
        if view is None or not view.items:
            self.notify("No quotes or figures found in this document", severity="warning", timeout=2)
            return
        current = view.current_item
        n = len(view.items)
        self.select_item(0 if current is None and step > 0 else n - 1 if current is None else (current + step) % n)

    def select_item(self, index: int) -> None:
        """Make item `index` current: marked in the text, scrolled to, highlighted in the panel."""
        view = self._text()
        if view is None or not 0 <= index < len(view.items):
            return
        view.set_current_item(index)
        panel = self.query_one(ItemList)
        if panel.highlighted != index:
            panel.highlighted = index
        # The current item leads the panel, with the ones after it below: the same view whatever
        # the path that led here (and whatever the panel's width did to the lines meanwhile).
        panel.call_after_refresh(panel.scroll_to_highlight, top=True)
        self._update_status()
        if view.items[index].kind != getattr(self, "_bound_kind", None):
            self._bound_kind = view.items[index].kind
            self.refresh_bindings()  # t or c in the footer, whichever fits; redrawing it is not free

    @on(DocumentText.ItemClicked)
    def _clicked(self, event: DocumentText.ItemClicked) -> None:
        self.select_item(event.index)

    @on(OptionList.OptionHighlighted, "#items")
    def _panel_moved(self, event: OptionList.OptionHighlighted) -> None:
        view = self._text()
        if view is not None and view.current_item != event.option_index:
            self.select_item(event.option_index)

    @on(OptionList.OptionSelected, "#items")
    def _panel_chosen(self, event: OptionList.OptionSelected) -> None:
        self.select_item(event.option_index)
        self.follow(self.current_item)

    @property
    def current_item(self) -> Item | None:
        view = self._text()
        if view is None or view.current_item is None:
            return None
        return view.items[view.current_item]

    # --- following a quote, a figure, a source -----------------------------------------------

    def follow(self, item: Item | None) -> None:
        if item is None:
            return
        if item.kind == "quote":
            self.app.open_trail(item.id or item.text)  # type: ignore[attr-defined]
        else:
            self.app.open_comparison(item.data or {"text": item.text})  # type: ignore[attr-defined]

    def _need_item(self, kind: str | None = None) -> Item | None:
        item = self.current_item
        if item is None:
            self.notify("Move to a quote or figure first (] and [)", severity="warning", timeout=3)
            return None
        if kind and item.kind != kind:
            self.notify(f"The current item is a {item.kind}, not a {kind}", severity="warning", timeout=3)
            return None
        return item

    def action_trail(self) -> None:
        self.follow(self._need_item("quote"))

    def action_compare(self) -> None:
        self.follow(self._need_item("figure"))

    def action_source(self) -> None:
        item = self._need_item()
        if item is None:
            return
        if not item.who:
            self.notify("No speaker or source is known for this one", severity="warning", timeout=3)
            return
        self.app.open_source(item.who_key or item.who)  # type: ignore[attr-defined]

    def action_outlet(self) -> None:
        if self.doc and self.doc.outlet:
            self.app.open_source(self.doc.outlet, kind="outlet")  # type: ignore[attr-defined]

    def action_verdict(self) -> None:
        item = self._need_item()
        if item is None or self.doc is None:
            return
        from reader.screens.verdict import VerdictScreen, note_for

        self.app.push_screen(VerdictScreen(note_for(item, self.doc), self.app.notes), self._verdict_saved)  # type: ignore[attr-defined]

    def _verdict_saved(self, changed: bool | None) -> None:
        if changed and self.doc is not None:
            verdicts = self.app.notes.verdicts([it.id for it in self.doc.items if it.id])  # type: ignore[attr-defined]
            self.query_one(ItemList).show(self.doc.items, self.colours, verdicts)

    def action_toggle_panel(self) -> None:
        self.query_one("#side").toggle_class("-hidden")

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        item_actions = {"next_item", "previous_item", "trail", "compare", "source", "verdict"}
        if self.doc is None and action in item_actions | {"next_hit", "previous_hit"}:
            return None  # shown dimmed until the document has loaded
        if self.doc is not None and action in item_actions and not self.doc.items:
            return False  # nothing to move to: keep the footer to what works
        if self.doc is not None and action in {"next_hit", "previous_hit"} and not self.hits:
            return False
        if action in {"trail", "compare", "source", "verdict"}:
            item = self.current_item
            # Shown for the item under the cursor only: t for a quote, c for a figure.
            return item is not None and (action not in {"trail", "compare"} or
                                         item.kind == ("quote" if action == "trail" else "figure"))
        return True
