"""A path box that completes file and folder names as you type (→ or Tab... accepts, as in Input)."""

from __future__ import annotations

import os
from pathlib import Path

from textual.suggester import Suggester
from textual.widgets import Input


class PathSuggester(Suggester):
    """Completes the last part of a path from what is on disk (folders get a trailing slash)."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        if not value:
            return None
        expanded = os.path.expanduser(value)
        folder, _, prefix = expanded.rpartition(os.sep)
        base = Path(folder or ("/" if expanded.startswith(os.sep) else "."))
        try:
            names = sorted(p.name for p in base.iterdir() if p.name.startswith(prefix) and not p.name.startswith("."))
        except OSError:
            return None
        if not names:
            return None
        name = names[0]
        suffix = name[len(prefix):] + (os.sep if (base / name).is_dir() else "")
        return value + suffix if suffix else None


class PathInput(Input):
    def __init__(self, **kwargs) -> None:
        super().__init__(suggester=PathSuggester(), **kwargs)
