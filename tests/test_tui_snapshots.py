"""Snapshots (pytest-textual-snapshot) of the main screens at 80x24 and 160x50 on the sample corpus.

Stable on purpose: the index is built from the bundled samples, file paths show relative to the
checkout (the test runs from it), notes carry fixed times, and every screen is captured only after
its worker has answered. Update with `pytest tests/test_tui_snapshots.py --snapshot-update` after a
deliberate change of the screens or of what extraction finds, and look at the SVGs before committing.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from test_tui import ROOT, go_to_item, open_outlet, sample_index, search_for, wait_for  # noqa: F401

from reader.app import BreachdeskApp
from reader.notes import Note, NotesStore
from reader.screens.compare import CompareScreen
from reader.screens.notes import NotesScreen
from reader.screens.trail import TrailScreen

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 50), id="160x50")]


@pytest.fixture
def app(sample_index, tmp_path, monkeypatch) -> BreachdeskApp:  # noqa: F811
    monkeypatch.chdir(ROOT)
    fixed = datetime(2024, 4, 2, 10, 30, tzinfo=UTC)
    return BreachdeskApp(sample_index, settings_path=tmp_path / "settings.json",
                         notes=NotesStore(tmp_path / "notes", clock=lambda: fixed))


async def settle(pilot) -> None:
    await pilot.pause(0.2)
    await pilot.wait_for_scheduled_animations()


@pytest.mark.parametrize("size", SIZES)
def test_search_screen(app, snap_compare, size):
    async def run_before(pilot):
        await search_for(pilot, "sorry")
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_reader_screen(app, snap_compare, size):
    async def run_before(pilot):
        await open_outlet(pilot, "sorry", "The Albion Ledger")
        await go_to_item(pilot, lambda it: it.kind == "quote" and it.who == "Helen Marlowe" and it.aside is None)
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_trail_screen(app, snap_compare, size):
    async def run_before(pilot):
        await open_outlet(pilot, "sorry", "The Evening Lantern")
        await go_to_item(pilot, lambda it: it.kind == "quote" and "truly sorry" in it.text)
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, TrailScreen) and pilot.app.screen.trail)
        await pilot.press("down")
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_compare_screen(app, snap_compare, size):
    async def run_before(pilot):
        await open_outlet(pilot, "million", "The Albion Ledger")
        await go_to_item(pilot, lambda it: it.kind == "figure" and it.data.get("value") == 2_100_000)
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, CompareScreen) and pilot.app.screen.groups)
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_notes_screen(app, snap_compare, size):
    app.notes.save(Note("q-example-1", "quote", "disputed", note="CEO's words, credited to the CTO",
                        text="We took the affected systems offline within hours of detecting the intrusion",
                        who="Daniel Okafor", doc_id="x", title="Black Heron ransomware gang claims attack",
                        outlet="Patchwire", date="2024-03-08", url="https://www.patchwire.example/x"))
    app.notes.save(Note("f-example-2", "figure", "verified", text="at least 3.4 million", who="IPO",
                        outlet="Information Protection Office", date="2024-03-28"))

    async def run_before(pilot):
        await pilot.press("ctrl+n")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, NotesScreen))
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)
