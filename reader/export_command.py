"""`breachdesk export`: the notes and verdicts of an index as a report or data file."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from reader.notes import NOTES_FILE, NotesStore, export_notes


def run_export(index_dir: Path, fmt: str, output: Path | None = None, verdict: str | None = None,
               reviewer: str = "breachdesk", out: TextIO | None = None) -> int:
    """Write the notes to `output` (or stdout); 2 when the index has no notes file at all."""
    if not (Path(index_dir) / NOTES_FILE).exists():
        print(f"breachdesk: no notes at {index_dir}; mark quotes and figures in the reader first", file=sys.stderr)
        return 2
    store = NotesStore(index_dir)
    try:
        text = export_notes(store.all(verdict), fmt, reviewer=reviewer)
    finally:
        store.close()
    if output is None:
        (out or sys.stdout).write(text)
    else:
        output.write_text(text, encoding="utf-8")
    return 0
