"""Ingest a file or folder from the reader, with a progress bar, while the reader stays usable.

The ingest runs in an app-level thread worker and reports into an `IngestJob`; this dialog only
reads the job a few times a second, so closing it does not stop the ingest (a notification says
when it is done and the search refreshes).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, ProgressBar, Static

from reader.safe import clean_terminal
from reader.widgets.path_input import PathInput


@dataclass
class IngestJob:
    paths: list[str]
    total: int | None = None
    done: int = 0
    indexed: int = 0
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    current: str = ""
    finished: bool = False
    error: str | None = None
    summary: str = ""
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def on_file(self, path: str, status: str) -> None:
        """`progress` callback of index.ingest.ingest (called from the worker thread)."""
        with self._lock:
            if status == "total":
                self.total = int(path)
                return
            self.done += 1
            self.current = Path(path).name
            if status == "indexed":
                self.indexed += 1
            elif status == "unchanged":
                self.unchanged += 1

    def run(self, index_dir: Path) -> None:
        from index.ingest import ingest
        from index.store import IndexBroken, IndexBusy

        try:
            report = ingest(self.paths, index_dir, progress=self.on_file)
        except (IndexBusy, IndexBroken, OSError) as exc:
            self.error = str(exc)
        else:
            self.failed = list(report.failed)
            self.summary = (f"{len(report.indexed)} indexed ({report.documents} documents), "
                            f"{len(report.unchanged)} unchanged, {len(report.failed)} failed "
                            f"in {report.seconds:.1f}s")
        finally:
            self.finished = True


class IngestScreen(ModalScreen[bool]):
    """Dismisses with True when an ingest finished while it was open (the search should refresh)."""

    BINDINGS = [Binding("escape", "close", "Close")]

    def __init__(self, path: str = "") -> None:
        super().__init__()
        self.initial = path
        self._finished_here = False

    def compose(self) -> ComposeResult:
        with Vertical(id="ingest-box", classes="dialog"):
            yield Label("Add a file or folder to the index", classes="dialog-title")
            yield PathInput(value=self.initial, placeholder="path to a file or folder (→ completes)", id="ingest-path")
            yield ProgressBar(id="ingest-progress", show_eta=False)
            yield Static(id="ingest-status")
            yield Static(id="ingest-failed")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Ingest", variant="primary", id="ingest-start")
                yield Button("Close", id="ingest-close")

    def on_mount(self) -> None:
        self.query_one("#ingest-path").focus()
        self.set_interval(0.1, self._poll)
        self._poll()

    @property
    def job(self) -> IngestJob | None:
        return self.app.ingest_job  # type: ignore[attr-defined]

    @on(PathInput.Submitted, "#ingest-path")
    @on(Button.Pressed, "#ingest-start")
    def start(self) -> None:
        raw = self.query_one("#ingest-path", PathInput).value.strip()
        if not raw:
            self._say("Type the path of a file or folder first.", error=True)
            return
        path = Path(raw).expanduser()
        if not path.exists():
            self._say(f"No such file or folder: {raw}", error=True)
            return
        if self.job is not None and not self.job.finished:
            self._say("An ingest is already running; wait for it to finish.", error=True)
            return
        self.app.start_ingest([str(path)])  # type: ignore[attr-defined]
        self._finished_here = False
        self._poll()

    def _say(self, message: str, error: bool = False) -> None:
        status = self.query_one("#ingest-status", Static)
        status.set_class(error, "-error")
        status.update(Text(clean_terminal(message)))

    def _poll(self) -> None:
        job = self.job
        bar = self.query_one(ProgressBar)
        button = self.query_one("#ingest-start", Button)
        if job is None:
            bar.update(total=None, progress=0)
            self._say("Files already in the index are skipped unless they changed.")
            return
        button.disabled = not job.finished
        bar.update(total=job.total or None, progress=job.done)
        if not job.finished:
            self._say(f"{job.done}/{job.total or '?'} files · {job.indexed} indexed · {job.unchanged} unchanged"
                      f" · {job.current}")
            return
        self._finished_here = True
        if job.error:
            self._say(job.error, error=True)
        else:
            self._say("Done: " + job.summary, error=False)
        if job.failed:
            lines = Text()
            for path, reason in job.failed[:5]:
                lines.append(f"failed {clean_terminal(Path(path).name)}: {clean_terminal(reason)}\n", style="red")
            if len(job.failed) > 5:
                lines.append(f"… and {len(job.failed) - 5} more", style="red")
            self.query_one("#ingest-failed", Static).update(lines)

    @on(Button.Pressed, "#ingest-close")
    def action_close(self) -> None:
        self.dismiss(self._finished_here)
