"""The breachdesk reader (Textual): search, read, follow quotes and figures across outlets, judge them.

The app owns navigation (every screen pushes the next, Escape pops, the breadcrumb mirrors the
stack), the notes store, and the user's settings (theme). Screens do their slow work in thread
workers, so typing and scrolling never wait for Whoosh.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import partial
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from reader.notes import NotesStore

STYLES = Path(__file__).parent / "styles"


def default_settings_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_config_dir("breachdesk", appauthor=False)) / "reader.json"


class BreachdeskApp(App):
    TITLE = "breachdesk"
    CSS_PATH = [STYLES / "app.tcss", STYLES / "search.tcss", STYLES / "document.tcss",
                STYLES / "crossref.tcss", STYLES / "dialogs.tcss"]
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    BINDINGS = [
        Binding("ctrl+o", "ingest", "Ingest", tooltip="Add a file or folder to the index"),
        Binding("ctrl+n", "notes", "Notes", tooltip="Notes and verdicts"),
        Binding("f1", "help", "Help", tooltip="Keys and flows"),
    ]

    def __init__(self, index_dir: Path, settings_path: Path | None = None, notes: NotesStore | None = None) -> None:
        super().__init__()
        self.index_dir = Path(index_dir)
        self.settings_path = settings_path if settings_path is not None else default_settings_path()
        self._notes = notes
        self.ingest_job = None
        self._settings = self._read_settings()

    # --- settings -----------------------------------------------------------------------------

    def _read_settings(self) -> dict:
        try:
            data = json.loads(self.settings_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def on_mount(self) -> None:
        theme = self._settings.get("theme")
        if isinstance(theme, str) and theme in self.available_themes:
            self.theme = theme
        self.theme_changed_signal.subscribe(self, self._remember_theme)

    def _remember_theme(self, theme) -> None:
        self._settings["theme"] = theme.name
        try:
            self.settings_path.parent.mkdir(parents=True, exist_ok=True)
            self.settings_path.write_text(json.dumps(self._settings, indent=1), encoding="utf-8")
        except OSError as exc:
            self.notify(f"cannot save settings: {exc}", severity="warning")

    @property
    def notes(self) -> NotesStore:
        if self._notes is None:
            self._notes = NotesStore(self.index_dir)
        return self._notes

    # --- screens ------------------------------------------------------------------------------

    def get_default_screen(self) -> Screen:
        from reader.screens.search import SearchScreen

        return SearchScreen()

    def open_document(self, doc_id: str, query: str = "", item_id: str | None = None) -> None:
        from reader.screens.document import DocumentScreen

        self.push_screen(DocumentScreen(doc_id, query=query, item_id=item_id))

    def open_trail(self, quote_id_or_text: str) -> None:
        from reader.screens.trail import TrailScreen

        self.push_screen(TrailScreen(quote_id_or_text))

    def open_comparison(self, figure: dict) -> None:
        from reader.screens.compare import CompareScreen

        self.push_screen(CompareScreen(figure))

    def open_source(self, name: str, kind: str | None = None) -> None:
        from reader.screens.source_sheet import SourceSheetScreen

        self.push_screen(SourceSheetScreen(name, kind=kind))

    def action_notes(self) -> None:
        from reader.screens.notes import NotesScreen

        if not isinstance(self.screen, NotesScreen):
            self.push_screen(NotesScreen())

    def action_help(self) -> None:
        from reader.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_ingest(self) -> None:
        from reader.screens.ingest import IngestScreen

        if not isinstance(self.screen, IngestScreen):
            self.push_screen(IngestScreen())

    def start_ingest(self, paths: list[str]) -> None:
        """Ingest in a thread; the UI reads `ingest_job` for progress and is told when it is done."""
        from reader.screens.ingest import IngestJob

        job = self.ingest_job = IngestJob(paths)

        def run() -> None:
            job.run(self.index_dir)
            self.call_from_thread(self._ingest_done, job)

        self.run_worker(run, thread=True, group="ingest", exclusive=True, name="ingest")

    def _ingest_done(self, job) -> None:
        from reader.screens.search import SearchScreen

        if job.error:
            self.notify(job.error, title="Ingest failed", severity="error")
        else:
            self.notify(job.summary, title="Ingest finished", severity="warning" if job.failed else "information")
        for screen in self.screen_stack:
            if isinstance(screen, SearchScreen):
                screen.refresh_results()

    def action_back(self) -> None:
        if len(self.screen_stack) > 1:
            self.pop_screen()

    def action_go_back_to(self, depth: int) -> None:
        self.go_back_to(depth)

    def go_back_to(self, depth: int) -> None:
        """Pop screens until the `depth`-th screen of the breadcrumb is on top."""
        crumbed = [s for s in self.screen_stack if getattr(s, "crumb", None)]
        if not 0 <= depth < len(crumbed):
            return
        target = crumbed[depth]
        while self.screen is not target and len(self.screen_stack) > 1:
            self.pop_screen()

    # --- command palette ----------------------------------------------------------------------

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every action bound on the current screen, by its description, plus the app's own."""
        yield from super().get_system_commands(screen)
        seen = {"Theme", "Quit", "Keys", "Screenshot", "Maximize", "Minimize"}
        for key, active in screen.active_bindings.items():
            binding = active.binding
            title = binding.description
            if not title or title in seen or not active.enabled or binding.system:
                continue
            seen.add(title)
            shown_key = self.get_key_display(binding)
            yield SystemCommand(title, binding.tooltip or f"Key: {shown_key}",
                                partial(self._run_bound, active.node, binding.action))
            del key
        for title, help_text, action in (
            ("Search", "Back to the search screen", "go_back_to(0)"),
            ("Notes", "Notes and verdicts", "notes"),
            ("Ingest", "Add a file or folder to the index", "ingest"),
            ("Help", "Keys and flows", "help"),
            ("Export notes as Markdown", "Write a Markdown report next to the index", "export('markdown')"),
            ("Export notes as CSV", "Write notes.csv next to the index", "export('csv')"),
            ("Export notes as JSON", "Write notes.json next to the index", "export('json')"),
            ("Export notes as ClaimReview", "schema.org ClaimReview JSON-LD next to the index",
             "export('claimreview')"),
        ):
            if title not in seen:
                seen.add(title)
                yield SystemCommand(title, help_text, partial(self.run_action, action))

    async def _run_bound(self, node, action: str) -> None:
        await self.run_action(action, node)

    def action_export(self, fmt: str) -> None:
        from reader.screens.notes import export_to_file

        path = export_to_file(self, fmt)
        if path is not None:
            self.notify(f"Notes exported to {path.name} (next to the index)", title="Export")

    def on_unmount(self) -> None:
        if self._notes is not None:
            self._notes.close()
