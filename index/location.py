"""Where the index lives: `--index DIR`, else $BREACHDESK_INDEX, else the user data dir."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_VAR = "BREACHDESK_INDEX"


def index_dir(explicit: str | os.PathLike | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("breachdesk", appauthor=False)) / "index"
