"""The reader (Textual), driven with Pilot on the bundled sample corpus: each flow of the issue,
with assertions on what the screen shows."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest
from textual.widgets import Input, Select

from index.ingest import ingest
from reader.app import BreachdeskApp
from reader.notes import NotesStore
from reader.screens.compare import CompareScreen
from reader.screens.document import DocumentScreen
from reader.screens.help import HelpScreen, SyntaxHelpScreen
from reader.screens.ingest import IngestJob, IngestScreen
from reader.screens.notes import NotesScreen
from reader.screens.search import SearchScreen
from reader.screens.source_sheet import SourceSheetScreen
from reader.screens.trail import TrailScreen
from reader.screens.verdict import VerdictScreen
from reader.widgets.breadcrumb import Breadcrumb
from reader.widgets.document_text import DocumentText
from reader.widgets.item_list import ItemList
from reader.widgets.record_table import RecordTable
from reader.widgets.results import ResultList
from reader.widgets.value_chart import ValueChart

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "corpus" / "samples"
ARTICLE_SUFFIXES = {".html", ".txt", ".json"}


def sample_files() -> list[Path]:
    return [p for p in sorted(SAMPLES.iterdir()) if p.suffix in ARTICLE_SUFFIXES and p.name.startswith("larkspur")]


@pytest.fixture(scope="module")
def sample_index(tmp_path_factory) -> Path:
    """The bundled sample corpus ingested (with extraction) into a fresh index."""
    index_dir = tmp_path_factory.mktemp("tui") / "index"
    report = ingest(sample_files(), index_dir)
    assert len(report.indexed) == 9 and not report.failed
    return index_dir


@pytest.fixture
def make_app(sample_index, tmp_path):
    """An app on the sample index whose notes and settings live in this test's tmp folder."""
    def make(index_dir: Path | None = None) -> BreachdeskApp:
        return BreachdeskApp(index_dir or sample_index, settings_path=tmp_path / "settings.json",
                             notes=NotesStore(tmp_path / "notes"))
    return make


async def wait_for(pilot, condition, timeout: float = 10.0) -> None:
    """Let the app run until `condition()` holds (workers answer in their own time)."""
    for _ in range(int(timeout / 0.02)):
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError("condition not met in time")


def status_text(app) -> str:
    return str(app.screen.query_one("#status").render())


async def search_for(pilot, text: str) -> SearchScreen:
    screen = pilot.app.screen
    assert isinstance(screen, SearchScreen)
    await wait_for(pilot, lambda: screen.shown_text is not None)
    box = screen.query_one("#query", Input)
    box.value = text  # typing key by key is covered by its own test; here one change is enough
    box.cursor_position = len(text)
    await wait_for(pilot, lambda: screen.shown_text == text and not screen._searching)
    return screen


async def open_outlet(pilot, query: str, outlet: str) -> DocumentScreen:
    screen = await search_for(pilot, query)
    results = screen.query_one(ResultList)
    index = next(i for i, h in enumerate(results.hits) if h.outlet == outlet)
    results.focus()
    results.highlighted = index
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, DocumentScreen) and pilot.app.screen.doc is not None)
    await pilot.pause()
    return pilot.app.screen


async def go_to_item(pilot, predicate) -> None:
    """Press ] until the current quote/figure satisfies `predicate`."""
    screen = pilot.app.screen
    for _ in range(len(screen.doc.items) + 1):
        await pilot.press("right_square_bracket")
        if screen.current_item is not None and predicate(screen.current_item):
            return
    raise AssertionError("no such item in the document")


# --------------------------------------------------------------------------------------- search


async def test_search_as_you_type_lists_hits_with_outlet_date_counts_and_snippet(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await search_for(pilot, "sorry")
        results = screen.query_one(ResultList)
        assert status_text(app).startswith("5 documents match")
        outlets = {h.outlet for h in results.hits}
        assert {"Larkspur Health", "Cipherline", "The Evening Lantern", "The Albion Ledger", "Kestrel News"} == outlets
        kestrel = next(h for h in results.hits if h.outlet == "Kestrel News")
        prompt = results.get_option(kestrel.id).prompt
        assert f"Kestrel News · 2024-03-28 · {kestrel.quotes} quotes · {kestrel.figures} figures" in prompt.plain
        assert kestrel.quotes > 0 and kestrel.figures > 0
        # the search word is highlighted in the snippet
        styled = {prompt.plain[s.start:s.end].lower() for s in prompt.spans if "reverse" in str(s.style)}
        assert "sorry" in styled


async def test_typing_is_coalesced_and_the_last_query_wins(make_app):
    app = make_app()
    async with app.run_test() as pilot:
        screen = pilot.app.screen
        await wait_for(pilot, lambda: screen.shown_text is not None)
        box = screen.query_one("#query", Input)
        for ch in "ransomware":  # a burst of keystrokes, faster than the debounce
            box.insert_text_at_cursor(ch)
        await wait_for(pilot, lambda: screen.shown_text == "ransomware" and not screen._searching)
        shown = [text for _t, text, _s in screen.shown_log]
        assert shown[-1] == "ransomware"
        assert len(shown) <= 3  # the initial listing, at most one intermediate search, the last query
        assert {h.outlet for h in screen.query_one(ResultList).hits} >= {"Patchwire"}


async def test_more_hits_load_when_the_cursor_reaches_the_end(make_app, monkeypatch):
    import reader.screens.search as search_screen

    monkeypatch.setattr(search_screen, "LIMIT", 3)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await search_for(pilot, "larkspur")
        results = screen.query_one(ResultList)
        assert len(results.hits) == 3 and "first 3 shown; more at the end" in status_text(app)
        results.focus()
        await pilot.press("down", "down")
        await wait_for(pilot, lambda: len(results.hits) == 9 and not screen._searching)
        assert results.highlighted == 2  # the cursor stays where it was
        assert status_text(app) == "9 documents match"


async def test_bad_query_is_one_line_error_and_keeps_results(make_app):
    app = make_app()
    async with app.run_test() as pilot:
        screen = await search_for(pilot, "fine")
        before = list(screen.query_one(ResultList).hits)
        await search_for(pilot, "nosuchfield:x")  # set at once: no partial query in between
        status = screen.query_one("#status")
        assert status.has_class("-error")
        assert "unknown field 'nosuchfield'" in status_text(app)
        assert "\n" not in status_text(app)
        assert screen.query_one(ResultList).hits == before


async def test_no_match_offers_did_you_mean_and_enter_takes_it(make_app):
    app = make_app()
    async with app.run_test() as pilot:
        screen = await search_for(pilot, "ransomwere")
        assert status_text(app) == "No documents match."  # at once; the respelling comes once typing pauses
        await wait_for(pilot, lambda: "Did you mean" in status_text(app))
        assert "No documents match. Did you mean ransomware?" in status_text(app)
        await pilot.press("enter")
        await wait_for(pilot, lambda: screen.shown_text == "ransomware" and not screen._searching)
        assert screen.query_one("#query", Input).value == "ransomware"
        assert screen.query_one(ResultList).hits


async def test_a_word_still_being_typed_matches_as_a_prefix(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await search_for(pilot, "ransomw")
        assert "match with a word starting “ransomw” (no exact match)" in status_text(app)
        assert {h.outlet for h in screen.query_one(ResultList).hits} >= {"Patchwire"}
        assert screen.shown_query == "ransomw*"  # so the reader highlights those words


async def test_question_mark_shows_syntax_but_stays_a_wildcard_inside_a_word(make_app):
    app = make_app()
    async with app.run_test() as pilot:
        screen = await search_for(pilot, "")
        await pilot.press("question_mark")
        assert isinstance(app.screen, SyntaxHelpScreen)
        assert "date:[2024-03-01 TO 2024-03-15]" in app.screen.query_one("#syntax")._markdown
        await pilot.press("escape")
        assert app.screen is screen
        await pilot.press(*"pharmac", "question_mark")
        assert screen.query_one("#query", Input).value == "pharmac?"
        assert isinstance(app.screen, SearchScreen)


async def test_filters_by_outlet_kind_date_and_speaker(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await search_for(pilot, "larkspur")
        total = len(screen.query_one(ResultList).hits)
        await pilot.press("ctrl+f")
        bar = screen.query_one("#filters")
        assert not bar.has_class("-hidden")
        await wait_for(pilot, lambda: len(bar.query_one("#f-outlet", Select)._options) > 5)

        async def settle():
            await pilot.pause(0.1)
            await wait_for(pilot, lambda: not screen._searching)

        bar.query_one("#f-kind", Select).value = "statement"
        await settle()
        assert {h.kind for h in screen.query_one(ResultList).hits} == {"statement"}
        assert "filters: statement" in status_text(app)
        bar.query_one("#f-kind", Select).clear()
        bar.query_one("#f-outlet", Select).value = "patchwire"
        await settle()
        assert [h.outlet for h in screen.query_one(ResultList).hits] == ["Patchwire"]
        bar.query_one("#f-outlet", Select).clear()
        bar.query_one("#f-from", Input).value = "2024-03-20"
        bar.query_one("#f-to", Input).value = "2024-03-28"
        await settle()
        dates = {h.date.date().isoformat() for h in screen.query_one(ResultList).hits}
        assert dates and dates <= {"2024-03-20", "2024-03-28"}
        bar.query_one("#f-from", Input).value = ""
        bar.query_one("#f-to", Input).value = ""
        bar.query_one("#f-speaker", Input).value = "Priya Raman"
        await settle()
        speakers_docs = {h.outlet for h in screen.query_one(ResultList).hits}
        assert "Information Protection Office" in speakers_docs and len(speakers_docs) < total
        await pilot.click("#f-clear")
        await settle()
        assert len(screen.query_one(ResultList).hits) == total


async def test_missing_index_says_how_to_start(make_app, tmp_path):
    app = make_app(tmp_path / "nothing-here")
    async with app.run_test() as pilot:
        screen = pilot.app.screen
        await wait_for(pilot, lambda: screen.shown_text is not None)
        assert "No index yet. Press ctrl+o" in status_text(app)


# --------------------------------------------------------------------------------------- reader


async def test_reader_shows_metadata_quotes_by_speaker_colour_and_figures(make_app, monkeypatch):
    monkeypatch.chdir(ROOT)
    app = make_app()
    async with app.run_test(size=(140, 45)) as pilot:
        screen = await open_outlet(pilot, "watchdog", "Kestrel News")
        assert str(screen.query_one("#doc-title").render()).startswith("Larkspur Health faces £4.2m fine")
        meta = str(screen.query_one("#doc-meta").render())
        assert "Kestrel News · 2024-03-28 · article · by " in meta
        assert "https://" in meta
        assert "file: corpus/samples/larkspur-2024__kestrel-news__2024-03-28__watchdog-fine.json" in meta
        doc = screen.doc
        assert doc.quotes and doc.figures
        view = screen.query_one(DocumentText)
        quote = next(q for q in doc.quotes if q.aside is None)
        para = view.paragraph_of(quote.start)
        rendered = view.render_paragraph(para)
        start = quote.start - view.paragraphs[para][0]
        colours = {str(s.style.color.name) for s in rendered.spans
                   if hasattr(s.style, "color") and s.style.color and s.start <= start < s.end}
        assert screen.colours[quote.who_key or quote.who] in colours
        speakers = {q.who_key or q.who for q in doc.quotes if q.who}
        assert len({screen.colours[s] for s in speakers}) == len(speakers)  # one colour per speaker
        figure = next(f for f in doc.figures if f.aside is None)
        fpara = view.render_paragraph(view.paragraph_of(figure.start))
        fstart = figure.start - view.paragraphs[view.paragraph_of(figure.start)][0]
        assert any(s.style.underline for s in fpara.spans if hasattr(s.style, "underline") and s.start <= fstart < s.end)
        # side panel lists every quote and figure
        assert screen.query_one(ItemList).option_count == len(doc.quotes) + len(doc.figures)
        assert f"{len(doc.quotes)} quotes · {len(doc.figures)} figures" in str(screen.query_one("#side-title").render())


async def test_keys_move_between_hits_and_between_quotes_and_figures(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_outlet(pilot, "million", "The Albion Ledger")
        view = screen.query_one(DocumentText)
        assert len(screen.hits) >= 2
        await wait_for(pilot, lambda: view.current_hit == 0)
        await pilot.press("n")
        assert view.current_hit == 1
        await pilot.press("N", "N")
        assert view.current_hit == len(screen.hits) - 1
        assert f"hit {len(screen.hits)}/{len(screen.hits)}" in str(screen.query_one("#doc-status").render())
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert view.current_item == 1
        assert screen.query_one(ItemList).highlighted == 1
        await pilot.press("left_square_bracket")
        assert view.current_item == 0
        status = str(screen.query_one("#doc-status").render())
        assert f"quote/figure 1/{len(view.items)}" in status
        # the current item is drawn reversed in its paragraph
        item = view.items[0]
        para = view.paragraph_of(item.start)
        offset = item.start - view.paragraphs[para][0]
        assert any(getattr(s.style, "reverse", False) for s in view.render_paragraph(para).spans
                   if s.start <= offset < s.end)


async def test_escape_goes_back_and_breadcrumb_shows_the_way(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_outlet(pilot, "sorry", "The Evening Lantern")
        crumbs = screen.query_one(Breadcrumb).labels
        assert crumbs[0] == "Search" and crumbs[-1].startswith("Larkspur Health hack")
        await pilot.press("escape")
        assert isinstance(app.screen, SearchScreen)


# ------------------------------------------------------------------------------- cross-references


async def test_quote_to_trail_with_variants_first_appearance_and_word_diff(make_app):
    app = make_app()
    async with app.run_test(size=(140, 45)) as pilot:
        await open_outlet(pilot, "sorry", "The Evening Lantern")
        await go_to_item(pilot, lambda it: it.kind == "quote" and "truly sorry" in it.text)
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, TrailScreen) and app.screen.trail is not None)
        trail = app.screen
        table = trail.query_one(RecordTable)
        outlets = [table.records[rid]["outlet"] for rid in table.order]
        assert {"Larkspur Health", "The Evening Lantern", "The Albion Ledger", "Kestrel News"} <= set(outlets)
        assert outlets[0] == "Larkspur Health"  # first appearance, by date
        head = str(trail.query_one("#trail-head").render())
        assert "first: Larkspur Health, 2024-03-05" in head
        lantern = outlets.index("The Evening Lantern")
        table.move_cursor(row=lantern)
        await pilot.pause()
        detail = trail.query_one("#trail-detail").render()
        assert "deeply" in detail.plain and "truly" in detail.plain
        crumbs = trail.query_one(Breadcrumb).labels
        assert crumbs[0] == "Search" and crumbs[-1].startswith("Trail: We are deeply sorry")
        await pilot.press("escape")
        assert isinstance(app.screen, DocumentScreen)


async def test_misattributed_quote_is_flagged_in_its_trail(make_app):
    app = make_app()
    async with app.run_test(size=(140, 45)) as pilot:
        await open_outlet(pilot, "Okafor", "Patchwire")
        await go_to_item(pilot, lambda it: it.kind == "quote" and "systems offline" in it.text and it.aside is None)
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, TrailScreen) and app.screen.trail is not None)
        warning = app.screen.query_one("#trail-warning")
        assert not warning.has_class("-hidden")
        text = str(warning.render())
        assert "misattribution" in text and "Daniel Okafor" in text and "Helen Marlowe" in text


async def test_figure_to_comparison_flags_divergence_and_charts_values(make_app):
    app = make_app()
    async with app.run_test(size=(140, 45)) as pilot:
        await open_outlet(pilot, "million", "The Albion Ledger")
        await go_to_item(pilot, lambda it: it.kind == "figure" and it.data.get("value") == 2_100_000)
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen) and app.screen.groups)
        compare = app.screen
        head = str(compare.query_one("#compare-head").render())
        assert "SOURCES DIVERGE" in head
        table = compare.query_one(RecordTable)
        values = {table.records[rid]["value"] for rid in table.order}
        assert {1_200_000, 2_100_000, 3_400_000} <= values
        chart = compare.query_one(ValueChart)
        assert len(chart.rows) == len(table.order)
        drawn = chart.render().plain
        assert "value by source and date" in drawn and "up to 2.1 million" in drawn
        # bars share one scale: the 3.4 million bar is longer than the 1.2 million one
        lines = {line.split()[-1]: line for line in drawn.splitlines()[1:]}
        bar = lambda line: sum(line.count(c) for c in "█░▶")  # noqa: E731
        big = next(line for line in drawn.splitlines() if "3.4 million" in line)
        small = next(line for line in drawn.splitlines() if "1.2 million" in line)
        assert bar(big) > bar(small) and lines


async def test_speaker_and_outlet_source_sheets(make_app):
    app = make_app()
    async with app.run_test(size=(140, 45)) as pilot:
        await open_outlet(pilot, "sorry", "The Albion Ledger")
        await go_to_item(pilot, lambda it: it.kind == "quote" and it.who == "Helen Marlowe")
        await pilot.press("s")
        await wait_for(pilot, lambda: isinstance(app.screen, SourceSheetScreen) and app.screen.sheet is not None)
        sheet = app.screen
        assert sheet.sheet["source"]["name"] == "Helen Marlowe"
        quotes = sheet.query_one("#sheet-quotes", RecordTable)
        assert len(quotes.order) >= 3
        dates = [quotes.records[r]["date"] or "9999" for r in quotes.order]
        assert dates == sorted(dates)
        await pilot.press("escape")
        await pilot.press("o")
        await wait_for(pilot, lambda: isinstance(app.screen, SourceSheetScreen) and app.screen.sheet is not None)
        assert app.screen.sheet["source"]["kind"] == "outlet"
        assert app.screen.query_one(Breadcrumb).labels[-1] == "The Albion Ledger"


async def test_a_failing_cross_reference_is_one_line_not_a_crash(make_app, monkeypatch):
    import index.crossref

    def broken(*_args, **_kwargs):
        raise TypeError("boom")

    monkeypatch.setattr(index.crossref, "quote_trail", broken)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_outlet(pilot, "sorry", "The Evening Lantern")
        await go_to_item(pilot, lambda it: it.kind == "quote")
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, TrailScreen) and "failed" in
                       str(app.screen.query_one("#trail-head").render()))
        assert "quote_trail failed: TypeError: boom" in str(app.screen.query_one("#trail-head").render())
        await pilot.press("escape")
        assert isinstance(app.screen, DocumentScreen) and app.is_running


async def test_a_document_gone_from_the_index_says_so(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await search_for(pilot, "")
        app.open_document("0000000000000000")
        # the message and the end of the loading indicator arrive in one refresh or in two
        await wait_for(pilot, lambda: any("no longer in the index" in str(w.render())
                                          for w in app.screen.query("#doc-meta"))
                       and not app.screen.query("#doc-loading"))


# ------------------------------------------------------------------------------------------ notes


async def test_verdict_on_a_quote_is_saved_listed_and_exported(make_app, tmp_path):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_outlet(pilot, "Okafor", "Patchwire")
        await go_to_item(pilot, lambda it: it.kind == "quote" and "systems offline" in it.text and it.aside is None)
        item = screen.current_item
        await pilot.press("v")
        assert isinstance(app.screen, VerdictScreen)
        await pilot.press("2")  # disputed
        app.screen.query_one("#verdict-note", Input).value = "CEO's words, credited to the CTO"
        await pilot.click("#verdict-save")
        await wait_for(pilot, lambda: isinstance(app.screen, DocumentScreen))
        note = app.notes.get(item.id)
        assert note.verdict == "disputed" and note.outlet == "Patchwire" and note.url.startswith("https://")
        assert "disputed" in screen.query_one(ItemList).get_option_at_index(screen.query_one(ItemList).highlighted).prompt.plain
        await pilot.press("ctrl+n")
        assert isinstance(app.screen, NotesScreen)
        table = app.screen.query_one("#notes-table")
        assert table.row_count == 1
        assert "CEO's words" in str(app.screen.query_one("#notes-detail").render())
        await pilot.press("e")
        await pilot.press("4")  # claimreview
        await pilot.pause()
        exported = json.loads((Path(app.index_dir) / "notes.claimreview.jsonld").read_text(encoding="utf-8"))
        review = exported["@graph"][0]
        assert review["@type"] == "ClaimReview" and review["reviewRating"]["alternateName"] == "Disputed"
        assert review["itemReviewed"]["appearance"]["publisher"]["name"] == "Patchwire"
    (Path(app.index_dir) / "notes.claimreview.jsonld").unlink()


# ----------------------------------------------------------------------------------------- ingest


async def test_ingest_from_the_tui_with_progress_without_blocking(make_app, tmp_path, monkeypatch):
    folder = tmp_path / "new"
    folder.mkdir()
    for p in sample_files()[:3]:
        shutil.copy(p, folder / p.name)
    index_dir = tmp_path / "fresh-index"
    slow_down = IngestJob.on_file

    def on_file(self, path, status):  # a slower disk: the UI must keep going meanwhile
        slow_down(self, path, status)
        if status != "total":
            time.sleep(0.3)

    monkeypatch.setattr(IngestJob, "on_file", on_file)
    app = make_app(index_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+o")
        assert isinstance(app.screen, IngestScreen)
        dialog = app.screen
        dialog.query_one("#ingest-path", Input).value = str(folder)
        await pilot.press("enter")
        bar = dialog.query_one("#ingest-progress")
        seen = set()
        while not (app.ingest_job and app.ingest_job.finished):
            seen.add(bar.progress)  # the dialog keeps redrawing while the ingest thread works
            await pilot.pause(0.02)
        await pilot.pause(0.3)
        assert seen & {1, 2}, seen
        assert bar.total == 3 and bar.progress == 3
        assert "Done: 3 indexed" in str(dialog.query_one("#ingest-status").render())
        await pilot.press("escape")
        search = app.screen
        await wait_for(pilot, lambda: len(search.query_one(ResultList).hits) == 3)


# -------------------------------------------------------------------------------- untrusted text


async def test_markup_and_control_sequences_in_articles_are_shown_literally(make_app, tmp_path, monkeypatch):
    folder = tmp_path / "evil"
    folder.mkdir()
    (folder / "evil.json").write_text(json.dumps({
        "title": "[red]x[/red] \x1b[2J\x1b]0;pwned\x07breach [@click=app.quit]bye[/]",
        "text": "The [bold]breach[/bold] hit \x1b[31mred\x1b[0m systems. “[i]We are sorry[/i],” said [b]Ann Lee[/b].",
        "outlet": "[blink]Evil[/blink] Times", "date": "2024-01-02", "url": "https://evil.example/x",
    }), encoding="utf-8")
    index_dir = tmp_path / "evil-index"
    ingest([folder], index_dir)
    app = make_app(index_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await search_for(pilot, "breach")
        prompt = screen.query_one(ResultList).get_option_at_index(0).prompt.plain
        assert "[red]x[/red]" in prompt and "[blink]Evil[/blink] Times" in prompt
        assert "\x1b" not in prompt and "\x07" not in prompt
        await pilot.press("enter", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, DocumentScreen) and app.screen.doc is not None)
        await pilot.pause()
        title = str(app.screen.query_one("#doc-title").render())
        assert title.startswith("[red]x[/red] ") and "[@click=app.quit]bye[/]" in title and "\x1b" not in title
        assert "[blink]Evil[/blink] Times" in str(app.screen.query_one("#doc-meta").render())
        body = app.screen.query_one(DocumentText).render_paragraph(0).plain
        assert "The [bold]breach[/bold] hit red systems." in body
        assert app.screen.query_one(Breadcrumb).labels[-1].startswith("[red]x[/red]")
        assert app.is_running  # the [@click=app.quit] in the title did nothing


# ------------------------------------------------------------------- conventions: help, palette, theme


async def test_help_screen_and_palette_commands_for_every_action(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await search_for(pilot, "sorry")
        titles = {c.title for c in app.get_system_commands(screen)}
        assert {"Filters", "Ingest", "Notes", "Help", "Theme", "Export notes as CSV",
                "Export notes as ClaimReview"} <= titles
        screen.query_one(ResultList).focus()
        await pilot.pause()
        assert "Syntax" in {c.title for c in app.get_system_commands(screen)}
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, DocumentScreen) and app.screen.doc is not None)
        await pilot.press("right_square_bracket")
        doc_titles = {c.title for c in app.get_system_commands(app.screen)}
        assert {"Next hit", "Next quote/figure", "Source sheet", "Verdict"} <= doc_titles
        assert ("Trail" in doc_titles) != ("Compare" in doc_titles)  # the one that fits the current item
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        assert "Quotes are coloured by speaker" in app.screen.query_one("#help")._markdown
        await pilot.press("escape")
        assert isinstance(app.screen, DocumentScreen)


async def test_palette_runs_an_action_by_name(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await search_for(pilot, "")
        command = next(c for c in app.get_system_commands(app.screen) if c.title == "Notes")
        await command.callback()
        await pilot.pause()
        assert isinstance(app.screen, NotesScreen)


async def test_theme_choice_is_remembered(make_app, tmp_path):
    app = make_app()
    async with app.run_test() as pilot:
        app.theme = "nord"
        await pilot.pause()
    assert json.loads((tmp_path / "settings.json").read_text())["theme"] == "nord"
    again = make_app()
    async with again.run_test() as pilot:
        await pilot.pause()
        assert again.theme == "nord"


async def test_mouse_opens_a_result_and_crumb_click_goes_back(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await search_for(pilot, "sorry")
        await pilot.click(ResultList, offset=(5, 1))
        await wait_for(pilot, lambda: isinstance(app.screen, DocumentScreen) and app.screen.doc is not None)
        await pilot.pause()
        await pilot.click(".crumb")  # the first crumb: Search
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)


async def test_clicking_a_quote_in_the_text_makes_it_current(make_app):
    app = make_app()
    async with app.run_test(size=(140, 45)) as pilot:
        screen = await open_outlet(pilot, "sorry", "The Evening Lantern")
        view = screen.query_one(DocumentText)
        index, item = next((i, it) for i, it in enumerate(view.items) if it.kind == "quote" and it.aside is None)
        para = view.paragraph_of(item.start)
        widget = view.query_one(f"#para-{para}")
        view.scroll_to_widget(widget, animate=False, top=True)
        await pilot.pause()
        offset = item.start - view.paragraphs[para][0] + 1
        lines = view.render_paragraph(para).wrap(app.console, widget.content_region.width)
        row = 0
        while offset > len(lines[row].plain) + 1:
            offset -= len(lines[row].plain) + 1
            row += 1
        await pilot.click(widget, offset=(offset, row))
        assert view.current_item == index
        assert screen.query_one(ItemList).highlighted == index
        # and the speaker's colour survives (no link colour drawn over it)
        line = widget.render_line(row)
        assert any(seg.style and seg.style.color and seg.style.color.triplet
                   and seg.style.color.triplet.hex == screen.colours[item.who_key or item.who].lower()
                   for seg in line)


async def test_usable_at_80x24(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await search_for(pilot, "fine")
        results = screen.query_one(ResultList)
        assert results.size.height >= 10 and results.option_count
        await pilot.press("down", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, DocumentScreen) and app.screen.doc is not None)
        await pilot.pause()
        text = app.screen.query_one(DocumentText)
        assert text.size.height >= 8 and text.size.width >= 40
        assert app.screen.query_one("#side").size.width <= 30


def test_lists_of_article_text_are_built_with_markup_off():
    assert ResultList()._markup is False and ItemList()._markup is False


def test_side_panel_marks_a_pull_quote_as_a_repeat():
    from reader.lookup import Item
    from reader.widgets.item_list import item_prompt

    pull = Item("quote", "q1", "The measures were not new.", who="Priya Raman", data={"kind": "pull"})
    full = Item("quote", "q2", "The measures were not new.", who="Priya Raman", data={"kind": "full"})
    assert "pull-quote" in item_prompt(pull, {}).plain
    assert "pull-quote" not in item_prompt(full, {}).plain
