"""Notes and verdicts (SQLite next to the index) and their exports; the reader's index look-ups."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from index.ingest import ingest
from reader.cli import main
from reader.lookup import Filters, build_query, did_you_mean, figure_label, human_number, term_spans
from reader.notes import Note, NotesStore, export_notes, to_claimreview
from reader.widgets.styled import safe_text

ROOT = Path(__file__).resolve().parents[1]


class Clock:
    def __init__(self):
        self.now = datetime(2024, 4, 1, 9, 0, tzinfo=UTC)

    def __call__(self):
        self.now = self.now.replace(minute=self.now.minute + 1)
        return self.now


def note(item_id="q1", verdict="disputed", **kw) -> Note:
    fields = dict(item_kind="quote", text="We took the systems offline", who="Daniel Okafor", doc_id="d1",
                  title="Gang claims attack", outlet="Patchwire", date="2024-03-08", url="https://p.example/a")
    fields.update(kw)
    return Note(item_id, verdict=verdict, **fields)


def test_note_update_keeps_creation_time_and_survives_reopening(tmp_path):
    clock = Clock()
    store = NotesStore(tmp_path, clock=clock)
    first = store.save(note(note="check the statement"))
    second = store.save(note(verdict="false", note="CEO said it"))
    assert second.created == first.created and second.updated > first.updated
    store.close()
    again = NotesStore(tmp_path)
    saved = again.get("q1")
    assert saved.verdict == "false" and saved.note == "CEO said it" and saved.created == first.created
    assert again.verdicts(["q1", "q2"]) == {"q1": "false"}
    assert again.delete("q1") and again.get("q1") is None


def test_notes_are_keyed_by_item_id_so_reingest_keeps_them(tmp_path):
    """Re-ingesting the same file gives the same quote ids, so the verdict still attaches."""
    from reader.lookup import load_document

    sample = ROOT / "corpus" / "samples" / "larkspur-2024__patchwire__2024-03-08__black-heron-claims.html"
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / sample.name).write_bytes(sample.read_bytes())
    index_dir = tmp_path / "ix"
    ingest([folder], index_dir)
    from index.search import search

    doc_id = search(index_dir, "*:*").hits[0].id
    quote = load_document(index_dir, doc_id).quotes[0]
    store = NotesStore(index_dir)
    store.save(note(item_id=quote.id, text=quote.text))
    import shutil

    for p in index_dir.iterdir():  # rebuild the index from scratch, keeping only notes.sqlite
        if p.name != "notes.sqlite":
            shutil.rmtree(p) if p.is_dir() else p.unlink()
    ingest([folder], index_dir)
    again = load_document(index_dir, doc_id)
    assert quote.id in {q.id for q in again.quotes}
    assert store.verdicts([q.id for q in again.quotes]) == {quote.id: "disputed"}


def test_save_refuses_unknown_verdict_and_missing_id(tmp_path):
    store = NotesStore(tmp_path)
    with pytest.raises(ValueError, match="verdict must be one of"):
        store.save(note(verdict="maybe"))
    with pytest.raises(ValueError, match="needs the id"):
        store.save(note(item_id=""))


def test_markdown_report_groups_by_verdict_and_escapes_article_text():
    text = export_notes([note(text="a *bold* [link](x)", note="see `code`"),
                         note("f1", "verified", item_kind="figure", text="2.1 million", who="Larkspur")], "markdown")
    assert text.index("## Verified (1)") < text.index("## Disputed (1)")
    assert r"a \*bold\* \[link\](x)" in text and r"see \`code\`" in text
    assert "[Gang claims attack](https://p.example/a)" in text


def test_csv_has_every_field_and_neutralises_formulas():
    out = export_notes([note(text="=HYPERLINK(\"http://x\")", note="+1")], "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[0]["text"].startswith("'=") and rows[0]["note"] == "'+1"
    assert rows[0]["outlet"] == "Patchwire" and rows[0]["verdict"] == "disputed"


def test_json_export_round_trips():
    notes = [note(), note("f2", "verified", item_kind="figure")]
    assert [Note(**d) for d in json.loads(export_notes(notes, "json"))] == notes


def test_claimreview_follows_schema_org_and_skips_unfinished_checks():
    data = to_claimreview([note(note="credited to the wrong person", updated="2024-04-01T09:01:00+00:00"),
                           note("q9", "needs-check")], reviewer="Desk")
    assert data["@context"] == "https://schema.org"
    assert len(data["@graph"]) == 1
    review = data["@graph"][0]
    assert review["@type"] == "ClaimReview" and review["claimReviewed"] == "We took the systems offline"
    assert review["datePublished"] == "2024-04-01" and review["author"] == {"@type": "Organization", "name": "Desk"}
    assert review["reviewRating"] == {"@type": "Rating", "ratingValue": 2, "bestRating": 3, "worstRating": 1,
                                      "alternateName": "Disputed"}
    claim = review["itemReviewed"]
    assert claim["author"] == {"@type": "Person", "name": "Daniel Okafor"}
    assert claim["appearance"]["url"] == "https://p.example/a" and claim["datePublished"] == "2024-03-08"


def test_export_command_writes_each_format(tmp_path):
    store = NotesStore(tmp_path)
    store.save(note())
    store.save(note("f1", "verified", item_kind="figure"))
    store.close()
    runner = CliRunner()
    out = runner.invoke(main, ["--index", str(tmp_path), "export", "--format", "csv", "--verdict", "verified"])
    assert out.exit_code == 0
    assert [r["item_id"] for r in csv.DictReader(io.StringIO(out.output))] == ["f1"]
    target = tmp_path / "report.jsonld"
    out = runner.invoke(main, ["--index", str(tmp_path), "export", "--format", "claimreview", "-o", str(target)])
    assert out.exit_code == 0 and len(json.loads(target.read_text())["@graph"]) == 2
    out = runner.invoke(main, ["--index", str(tmp_path / "none"), "export"])
    assert out.exit_code == 2 and "no notes" in out.output


# ------------------------------------------------------------------------------------- look-ups


def test_filters_become_whoosh_clauses():
    assert build_query("", Filters()) == "*:*"
    assert build_query("fine OR penalty", Filters(outlet="bbc", kind="statement")) == \
        "(fine OR penalty) outlet_key:bbc kind:statement"
    assert build_query("", Filters(date_from="2024-03-01")) == "date:[2024-03-01 TO]"
    assert build_query("x", Filters(date_to="2024-03-31", speaker='Ann "Lee')) == \
        '(x) date:[TO 2024-03-31] speaker:"Ann Lee"'
    from index.search import QueryError

    with pytest.raises(QueryError):
        build_query("x", Filters(date_from="March"))


@pytest.fixture(scope="module")
def small_index(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("docs")
    (folder / "a.txt").write_text("Pharmacy breach\n\nThe pharmacy said the breach affected customers; breaches are common.\n",
                                  encoding="utf-8")
    (folder / "b.txt").write_text("Ransomware attack\n\nA ransomware gang attacked the company.\n", encoding="utf-8")
    index_dir = folder / "ix"
    ingest([folder / "a.txt", folder / "b.txt"], index_dir)
    return index_dir


def test_did_you_mean_respells_unknown_words_as_printed(small_index):
    assert did_you_mean(small_index, "ransomwere") == "ransomware"
    assert did_you_mean(small_index, "pharmacy braech") == "pharmacy breach"
    assert did_you_mean(small_index, "pharmacy") is None  # nothing to correct
    assert did_you_mean(small_index, "zzzzqqq") is None  # nothing close


def test_term_spans_match_stems_and_wildcards_but_not_other_fields(small_index):
    text = "The breaches at the pharmacy; a breach, pharmacies and ransomware."
    words = [text[s:e] for s, e in term_spans(small_index, 'breach outlet:pharmacy "ransom*"', text)]
    assert words == ["breaches", "breach", "ransomware"]
    assert term_spans(small_index, "*:*", text) == []


def test_figure_labels_and_numbers_read_as_words():
    assert human_number(2_100_000) == "2.1 million" and human_number(38_000) == "38,000"
    assert figure_label({"value": 2.1e6, "qualifier": "up to", "unit": "customers"}) == "up to 2.1 million customers"
    assert figure_label({"value": 3e7, "low": 3e7, "high": 5e7, "unit": "people"}) == "30 million–50 million people"


def test_safe_text_strips_escapes_and_keeps_spans_on_the_same_characters():
    raw = "ab\x1b[31mcd\x1b[0mef [red]x[/red]"
    text = safe_text(raw, [(2, 9, "bold"), (16, 28, "italic")])
    assert text.plain == "abcdef [red]x[/red]"
    spans = {(text.plain[s.start:s.end], str(s.style)) for s in text.spans}
    assert spans == {("cd", "bold"), ("[red]x[/red]", "italic")}
