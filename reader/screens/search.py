"""The first screen: a query box that searches as you type, filters, and the results list."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.timer import Timer
from textual.widgets import Footer, OptionList, Static
from textual.worker import get_current_worker

from reader.lookup import Filters, build_query, did_you_mean, facets
from reader.safe import clean_terminal
from reader.screens.base import BreachScreen
from reader.widgets.breadcrumb import Breadcrumb
from reader.widgets.filter_bar import FilterBar
from reader.widgets.query_input import QueryInput
from reader.widgets.results import ResultList

DEBOUNCE = 0.03  # seconds of quiet before a search starts; keystrokes during a search are coalesced
SUGGEST_AFTER = 0.4  # seconds of quiet on a query without hits before "did you mean" is worked out
# A word still being typed is tried as a prefix from five letters on: shorter prefixes expand to
# thousands of terms on a large index (`cou*`: 1.5 s on 10,000 articles; `counc*`: 25 ms).
_LAST_WORD = re.compile(r"(?:^|[\s(])([A-Za-z][\w'-]{4,})$")
LIMIT = 20  # hits per search while typing: each costs a highlighted snippet
MORE = 100  # hits once the cursor reaches the end of the list


@dataclass
class Outcome:
    """What one search produced, handed from the worker thread to the UI."""

    text: str  # the query box as typed
    query: str  # with the filters added
    hits: list | None = None
    total: int = 0
    error: str | None = None
    suggestion: str | None = None
    missing_index: bool = False
    seconds: float = 0.0
    limit: int = LIMIT
    filters: Filters | None = None
    prefix: str | None = None  # no exact hit: these hits have a word starting with `prefix` (still typing)


class SearchScreen(BreachScreen):
    crumb = "Search"

    BINDINGS = [
        Binding("escape", "escape", "Clear", show=False),
        Binding("ctrl+f", "toggle_filters", "Filters", tooltip="Filter by outlet, kind, date range and speaker"),
        Binding("slash", "focus_query", "Query", show=False),
        Binding("question_mark", "syntax_help", "Syntax", tooltip="Whoosh query syntax"),
        Binding("o", "outlet_sheet", "Outlet sheet", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._debounce: Timer | None = None
        self._searching = False
        self._search_pending = False
        self.shown_text: str | None = None  # query-box text whose results are on screen
        # (perf_counter, text, seconds the search took) per display: what benchmarks/tui_speed.py reads
        self.shown_log: list[tuple[float, str, float]] = []
        self.suggestion: str | None = None
        self.filters = Filters()
        self._limit = LIMIT
        self._total = 0
        self._shown_key: tuple | None = None  # (text, filters) of the hits on screen
        self._suggest_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Breadcrumb()
        yield QueryInput(placeholder='words, "a phrase", outlet:name, date:[2024-03-01 TO 2024-03-31] · ? syntax',
                         id="query")
        yield FilterBar(id="filters", classes="-hidden")
        yield Static(id="status")
        yield ResultList(id="results")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#query").focus()
        self.load_facets()
        self.schedule_search(delay=0)

    @property
    def index_dir(self):
        return self.app.index_dir  # type: ignore[attr-defined]

    # --- searching ---------------------------------------------------------------------------

    @on(QueryInput.Changed, "#query")
    def _query_changed(self) -> None:
        self.schedule_search()

    @on(FilterBar.Changed)
    def _filters_changed(self, event: FilterBar.Changed) -> None:
        self.filters = event.filters
        self.schedule_search()

    def schedule_search(self, delay: float = DEBOUNCE) -> None:
        """Debounce: restart the quiet-period timer; a search already running picks this up after."""
        if self._debounce is not None:
            self._debounce.stop()
        if self._suggest_timer is not None:
            self._suggest_timer.stop()
        self.suggestion = None
        self._debounce = self.set_timer(delay, self._start) if delay else None
        if not delay:
            self._start()

    def _start(self) -> None:
        if self._searching:
            self._search_pending = True
            return
        self._searching = True
        self._search_pending = False
        text = self.query_one("#query", QueryInput).value
        if (text, self.filters) != self._shown_key:
            self._limit = LIMIT
        self.run_search(text, self.filters, self._limit)

    def load_more(self) -> None:
        """The cursor reached the last hit: fetch more of the same query in the background."""
        if self._limit < MORE and self._total > self._limit and not self._searching:
            self._limit = MORE
            self._start()

    @work(thread=True, exclusive=True, group="search")
    def run_search(self, text: str, filters: Filters, limit: int = LIMIT) -> None:
        from index.search import QueryError, search
        from index.store import IndexBroken, IndexMissing

        started = time.perf_counter()
        outcome = Outcome(text, "", limit=limit, filters=filters)
        try:
            outcome.query = build_query(text, filters)
            result = search(self.index_dir, outcome.query, limit=limit)
            last = _LAST_WORD.search(text)
            if not result.total and last and last.group(1).upper() not in {"AND", "OR", "NOT", "TO"}:
                # Probably a word still being typed: show the documents with words that start so.
                try:
                    started_words = search(self.index_dir, build_query(text + "*", filters), limit=limit)
                except QueryError:
                    started_words = None
                if started_words is not None and started_words.total:
                    result, outcome.prefix = started_words, last.group(1)
            outcome.hits, outcome.total = result.hits, result.total
        except QueryError as exc:
            outcome.error = str(exc)
        except IndexMissing:
            outcome.missing_index = True
        except IndexBroken as exc:
            outcome.error = str(exc)
        except Exception as exc:  # keep the reader up; the line says what went wrong
            outcome.error = f"search failed: {type(exc).__name__}: {exc}"
        outcome.seconds = time.perf_counter() - started
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, outcome)

    def _show(self, outcome: Outcome) -> None:
        self._searching = False
        status = self.query_one("#status", Static)
        results = self.query_one("#results", ResultList)
        self.suggestion = outcome.suggestion
        status.set_class(bool(outcome.error), "-error")
        if outcome.missing_index:
            results.show([])
            status.update(Text("No index yet. Press ctrl+o to add a file or a folder of articles."))
        elif outcome.error:
            status.update(Text("⚠ " + clean_terminal(outcome.error), overflow="ellipsis", no_wrap=True))
        else:
            results.show(outcome.hits or [], keep_position=(outcome.text, outcome.filters) == self._shown_key)
            self._shown_key = (outcome.text, outcome.filters)
            self._total = outcome.total
            status.update(self._status_text(outcome))
        self.shown_text = outcome.text
        self._shown_prefix = outcome.prefix
        self.shown_log.append((time.perf_counter(), outcome.text, outcome.seconds))
        if self._search_pending:
            self._start()
        elif not outcome.error and not outcome.missing_index and outcome.text.strip() \
                and (not outcome.total or outcome.prefix):
            self._suggest_timer = self.set_timer(SUGGEST_AFTER, lambda: self._suggest(outcome))

    def _suggest(self, outcome: Outcome) -> None:
        if self.shown_text == outcome.text and not self._searching and not self._search_pending:
            self.find_suggestion(outcome)

    @work(thread=True, exclusive=True, group="suggest")
    def find_suggestion(self, outcome: Outcome) -> None:
        """Did you mean: only once typing has paused on a query without (exact) hits; it is slow."""
        suggestion = did_you_mean(self.index_dir, outcome.text)
        if suggestion and not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_suggestion, outcome, suggestion)

    def _show_suggestion(self, outcome: Outcome, suggestion: str) -> None:
        if self.shown_text != outcome.text or self._searching:
            return  # typing went on meanwhile
        self.suggestion = outcome.suggestion = suggestion
        self.query_one("#status", Static).update(self._status_text(outcome))

    def _status_text(self, outcome: Outcome) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        what = "document" if outcome.total == 1 else "documents"
        if not outcome.total:
            text.append("No documents match.")
        elif not outcome.text.strip() and not self.filters.active():
            text.append(f"{outcome.total} {what} in the index")
        else:
            text.append(f"{outcome.total} {what} match")
        if outcome.prefix and outcome.total:
            text.append(f" with a word starting “{clean_terminal(outcome.prefix)}” (no exact match)", style="dim")
        shown = len(outcome.hits or [])
        if shown < outcome.total:
            more = "; more at the end of the list" if shown < MORE else ""
            text.append(f" (first {shown} shown{more})", style="dim")
        if outcome.suggestion:
            text.append(" Did you mean ")
            text.append(clean_terminal(outcome.suggestion), style="bold underline")
            text.append("? (Enter)")
        if self.filters.active():
            text.append(f"  filters: {clean_terminal(self.filters.describe())}", style="dim")
        return text

    @work(thread=True, exclusive=True, group="facets")
    def load_facets(self) -> None:
        from index.store import IndexBroken, IndexMissing

        try:
            found = facets(self.index_dir)
        except (IndexMissing, IndexBroken, OSError):
            return
        self.app.call_from_thread(self.query_one(FilterBar).set_outlets, found.outlets)

    def refresh_results(self) -> None:
        """After an ingest: new outlets, new documents."""
        self.load_facets()
        self.schedule_search(delay=0)

    # --- moving and opening ------------------------------------------------------------------

    @on(QueryInput.Submitted, "#query")
    def _submitted(self) -> None:
        if self.suggestion:
            self.use_suggestion()
            return
        results = self.query_one(ResultList)
        if results.option_count:
            results.focus()

    @on(QueryInput.ToResults)
    def _to_results(self) -> None:
        results = self.query_one(ResultList)
        if results.option_count:
            results.focus()

    @on(QueryInput.SyntaxHelpRequested)
    def action_syntax_help(self) -> None:
        from reader.screens.help import SyntaxHelpScreen

        self.app.push_screen(SyntaxHelpScreen())

    def use_suggestion(self) -> None:
        if self.suggestion:
            box = self.query_one("#query", QueryInput)
            box.value = self.suggestion
            box.cursor_position = len(box.value)

    def on_click(self, event) -> None:
        if event.widget is self.query_one("#status") and self.suggestion:
            self.use_suggestion()

    @on(OptionList.OptionHighlighted, "#results")
    def _moved(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_index == event.option_list.option_count - 1:
            self.load_more()

    @on(OptionList.OptionSelected, "#results")
    def _open(self, event: OptionList.OptionSelected) -> None:
        self.app.open_document(event.option.id, query=self.shown_query)  # type: ignore[attr-defined]

    @property
    def shown_query(self) -> str:
        """The words the hits on screen answer (with the `*` of a word still being typed)."""
        text = (self.shown_text or "").strip()
        return text + "*" if getattr(self, "_shown_prefix", None) else text

    def action_focus_query(self) -> None:
        self.query_one("#query").focus()

    def action_escape(self) -> None:
        box = self.query_one("#query", QueryInput)
        if not box.has_focus:
            box.focus()
        elif box.value:
            box.value = ""

    def action_toggle_filters(self) -> None:
        bar = self.query_one(FilterBar)
        bar.toggle_class("-hidden")
        if not bar.has_class("-hidden"):
            bar.query_one("#f-outlet").focus()
        else:
            self.query_one("#query").focus()

    def action_outlet_sheet(self) -> None:
        hit = self.query_one(ResultList).current
        if hit is not None and hit.outlet:
            self.app.open_source(hit.outlet, kind="outlet")  # type: ignore[attr-defined]

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action in ("syntax_help", "outlet_sheet"):
            # Letters and `?` belong to the query box while it has focus.
            return not isinstance(self.focused, QueryInput | FilterBar) and not self._typing()
        return True

    def _typing(self) -> bool:
        from textual.widgets import Input

        return isinstance(self.focused, Input)
