"""Shared fixtures. `../shared` (real data, read-only) exists on developer machines and CI only:
tests that need it take the `shared` fixture and are skipped cleanly elsewhere."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "corpus" / "samples"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not available on this machine")
    return SHARED


@pytest.fixture(scope="session")
def seed_path(shared) -> Path:
    return shared / "seeds" / "000_c7a5bf058b0415d7.txt"
