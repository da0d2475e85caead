"""Quote and figure records written, replaced and pruned with their documents; the queries over them.

Extraction is replaced by hand-made Quote/Figure/Claim objects so that these tests pin down the index
and the cross-referencing, whatever the extractors find.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import index.ingest as ingest_module
from corpus.extracted import Claim, Figure, Quote
from index.crossref import (
    NotFound,
    compare_figures,
    get_document,
    list_figures,
    list_quotes,
    list_sources,
    quote_trail,
    source_sheet,
)
from index.ingest import ingest
from index.records import open_records


class Extraction:
    def __init__(self, quotes=(), claims=(), figures=()):
        self.quotes, self.claims, self.figures = list(quotes), list(claims), list(figures)


# speaker (or speaker and organisation) of each quote, by the first words of the quote
SPEAKERS: dict[str, str | tuple[str, str]] = {}
UNITS = {"customers": "customers", "people": "people", "records": "records", "accounts": "accounts"}
_NUMBER = re.compile(r"(?:(up to|at least|about|no more than) )?(\d+(?:\.\d+)?) million (\w+)")


def fake_analyse(doc):
    """Quotes between curly marks (speaker from SPEAKERS), figures `N million unit`, claims `X said that …`."""
    quotes = []
    for m in re.finditer(r"“([^”]+)”", doc.text):
        words = m.group(1)
        speaker = next((s for k, s in SPEAKERS.items() if words.startswith(k)), None)
        speaker, org = speaker if isinstance(speaker, tuple) else (speaker, None)
        quotes.append(Quote(m.start(1), m.end(1), words, speaker=speaker, org=org, cue="said"))
    figures = []
    for m in _NUMBER.finditer(doc.text):
        value = float(m.group(2)) * 1e6
        q = m.group(1)
        figures.append(Figure(m.start(), m.end(), m.group(0), value, unit=UNITS.get(m.group(3)), qualifier=q,
                              high=value if q in ("up to", "no more than") else None,
                              low=value if q == "at least" else None, source=doc.outlet))
    claims = [Claim(m.start(2), m.end(2), m.group(2), source=m.group(1), direct=False)
              for m in re.finditer(r"(Acme|The regulator) said that ([^.]+)\.", doc.text)]
    return Extraction(quotes, claims, figures)


def article(folder: Path, name: str, outlet: str, date: str, body: str, kind: str = "article") -> Path:
    path = folder / f"{name}.json"
    path.write_text(json.dumps({"title": f"{outlet} on the Acme breach", "text": body, "outlet": outlet,
                                "date": date, "kind": kind}), encoding="utf-8")
    return path


APOLOGY = "We are deeply sorry that this has happened to our customers, who trusted us with their data."


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest_module, "_analyse", fake_analyse)
    SPEAKERS.clear()
    SPEAKERS.update({"We are deeply": "Acme CEO Ann Lee", "We are truly": "Ann Lee", "We are sorry": "Bob Ray",
                     "We will": ("Ms Lee", "Acme"), "Our systems": "Bob Ray",
                     "The fine": "Randi Lee"})
    folder = tmp_path / "news"
    folder.mkdir()
    article(folder, "statement", "Acme Corp", "2024-01-05",
            f"Acme CEO Ann Lee said: “{APOLOGY}” Acme said that up to 2 million customers were affected.",
            kind="statement")
    article(folder, "daily", "Daily Bugle", "2024-01-06",
            "Acme says up to 2 million customers were hit. Ms Lee said: “We are truly sorry that this has "
            "happened to our customers, who trusted us with their data.” The hackers claim 9 million records.")
    article(folder, "wire", "Wire Service", "2024-01-09",
            "The regulator said that at least 3.4 million people were affected. "
            "“We are sorry that this has happened to our customers,” said Acme's CTO Bob Ray.")
    article(folder, "late", "Evening Post", "2024-02-01",
            "Acme now says no more than 2.5 million customers were affected. “We will fix this,” she said. "
            "“The fine is fair,” said Randi Lee of the regulator.")
    return folder, tmp_path / "ix"


def test_records_are_written_with_their_documents_and_carry_document_fields(corpus):
    folder, ix = corpus
    ingest([folder], ix)
    quotes = list_quotes(ix, "sorry")
    assert {q.outlet for q in quotes} == {"Acme Corp", "Daily Bugle", "Wire Service"}
    q = next(q for q in quotes if q.outlet == "Acme Corp")
    assert q.date.date().isoformat() == "2024-01-05" and q.doc_kind == "statement" and q.title
    doc = get_document(ix, q.doc_id)
    assert doc.text[q.start:q.end] == q.text  # offsets point into the stored text
    assert any(f.number == "up to 2 million customers" for f in doc.figures)
    assert [c.text for c in doc.claims] == ["up to 2 million customers were affected"]
    assert get_document(ix, q.id).id == q.doc_id  # a record id opens its document


def test_reingesting_a_changed_file_replaces_its_records_and_prune_removes_them(corpus):
    folder, ix = corpus
    ingest([folder], ix)
    assert [f.number for f in list_figures(ix, "records")] == ["9 million records"]
    article(folder, "daily", "Daily Bugle", "2024-01-06", "The hackers now claim 7 million records.")
    ingest([folder], ix)
    assert [f.number for f in list_figures(ix, "records")] == ["7 million records"]
    assert not list_quotes(ix, speaker="Ann Lee") or all(q.outlet != "Daily Bugle" for q in list_quotes(ix, "sorry"))
    (folder / "daily.json").unlink()
    ingest([folder], ix, prune=True)
    assert list_figures(ix, "records") == []
    rix = open_records(ix)
    with rix.searcher() as s:
        outlets = [f.get("outlet") or (f.get("said") or {}).get("outlet") for f in s.all_stored_fields()]
    assert outlets and "Daily Bugle" not in outlets


def test_ids_are_stable_across_a_rebuild(corpus, tmp_path):
    folder, ix = corpus
    ingest([folder], ix)
    ingest([folder], tmp_path / "ix2")
    assert sorted(q.id for q in list_quotes(ix, "sorry")) == sorted(q.id for q in list_quotes(tmp_path / "ix2", "sorry"))


def test_value_ranges_units_and_field_queries(corpus):
    folder, ix = corpus
    ingest([folder], ix)
    assert {f.value for f in list_figures(ix, min_value=3e6)} == {3.4e6, 9e6}
    assert {f.value for f in list_figures(ix, "value:[2000000 TO 3000000]")} == {2e6, 2.5e6}
    people = list_figures(ix, unit="people")  # a family: customers are people too
    assert {f.unit for f in people} == {"customers", "people"}
    assert {f.unit for f in list_figures(ix, unit="records")} == {"records"}
    assert {f.qualifier for f in list_figures(ix, 'qualifier:"at least"')} == {"at least"}


def test_speaker_filter_takes_any_name_the_source_was_printed_under(corpus):
    folder, ix = corpus
    ingest([folder], ix)
    by_name = {q.id for q in list_quotes(ix, speaker="Ann Lee")}
    assert by_name == {q.id for q in list_quotes(ix, speaker="Ms Lee")}
    assert {q.outlet for q in list_quotes(ix, speaker="Ann Lee")} >= {"Acme Corp", "Daily Bugle", "Evening Post"}
    # "Ms Lee" could be either Lee; the organisation printed beside her settles it
    assert all(q.speaker_key == "person:ann-lee" for q in list_quotes(ix, speaker="Ms Lee"))
    randi = list_quotes(ix, speaker="Randi Lee")
    assert [q.text for q in randi] == ["The fine is fair,"]  # same surname, another person


def test_trail_finds_variants_first_appearance_and_conflicting_speakers(corpus):
    folder, ix = corpus
    ingest([folder], ix)
    seed = next(q for q in list_quotes(ix, "trusted") if q.outlet == "Daily Bugle")
    trail = quote_trail(ix, seed.id)
    assert [a.quote.outlet for a in trail.appearances] == ["Acme Corp", "Daily Bugle", "Wire Service"]
    assert trail.first.quote.outlet == "Acme Corp"
    assert trail.reference.quote.outlet == "Acme Corp" and trail.reference_reason == "official statement"
    rel = {a.quote.outlet: a.relation for a in trail.appearances}
    assert rel == {"Acme Corp": "reference", "Daily Bugle": "wording", "Wire Service": "wording"}
    daily = next(a for a in trail.appearances if a.quote.outlet == "Daily Bugle")
    assert [(d.reference, d.variant) for d in daily.diff if d.op != "equal"] == [("deeply", "truly")]
    wire = next(a for a in trail.appearances if a.quote.outlet == "Wire Service")
    assert trail.misattributed == [wire.quote.id]
    assert len(trail.warnings) == 1 and "Bob Ray" in trail.warnings[0] and "Ann Lee" in trail.warnings[0]
    # the same trail from the words alone
    assert [a.quote.id for a in quote_trail(ix, "we are deeply sorry that this has happened").appearances] == \
        [a.quote.id for a in trail.appearances]


def test_trail_of_unknown_words_or_id_is_not_found(corpus):
    folder, ix = corpus
    ingest([folder], ix)
    with pytest.raises(NotFound):
        quote_trail(ix, "nothing anyone ever said in these articles")
    with pytest.raises(NotFound):
        quote_trail(ix, "q000000000000")


def test_compare_groups_people_apart_from_records_and_flags_divergence(corpus):
    folder, ix = corpus
    ingest([folder], ix)
    groups = compare_figures(ix, "acme")
    people = next(g for g in groups if g.family == "people")
    assert people.values == [2e6, 2.5e6, 3.4e6]
    assert people.divergent and people.contradiction  # at least 3.4m cannot be no more than 2.5m
    assert people.changes_over_time
    assert [s["date"] for s in people.timeline] == ["2024-01-05", "2024-01-09", "2024-02-01"]
    records = next(g for g in groups if g.family == "records")
    assert [e.figure.value for e in records.entries] == [9e6]
    assert groups.index(people) < groups.index(records)  # divergent first
    # a figure id gives back its own group first
    seeded = compare_figures(ix, people.entries[0].figure.id)
    assert people.entries[0].figure.id in seeded[0].entries[0].ids + [i for e in seeded[0].entries for i in e.ids]


def test_upper_bounds_that_differ_are_diverging_estimates_not_a_contradiction(corpus):
    folder, ix = corpus
    (folder / "wire.json").unlink()
    ingest([folder], ix, prune=True)
    people = next(g for g in compare_figures(ix, "acme") if g.family == "people")
    assert people.values == [2e6, 2.5e6]
    assert people.divergent and people.all_upper_bounds and not people.contradiction
    assert "not a contradiction" in people.assessment


def test_source_sheet_and_list(corpus):
    folder, ix = corpus
    ingest([folder], ix)
    sheet = source_sheet(ix, "Acme CEO Ann Lee")
    assert sheet.source.key == "person:ann-lee" and sheet.source.affiliation == "Acme"
    dates = [q.date for q in sheet.quotes]
    assert dates == sorted(dates) and len(sheet.quotes) == 3
    outlet = source_sheet(ix, "Acme Corp")
    assert outlet.source.kind == "outlet"
    assert [c.text for c in outlet.claims] == ["up to 2 million customers were affected"]
    assert {r.outlet for r in outlet.published} == {"Acme Corp"}
    keys = [s.key for s in list_sources(ix)]
    assert "person:ann-lee" in keys and "person:randi-lee" in keys and "person:bob-ray" in keys
    assert source_sheet(ix, sheet.quotes[0].id).source.key == "person:ann-lee"  # a record id names its speaker
    with pytest.raises(NotFound):
        source_sheet(ix, "Nobody Atall")


def test_entity_cache_follows_new_ingests(corpus):
    folder, ix = corpus
    ingest([folder], ix)
    assert "person:carol-king" not in [s.key for s in list_sources(ix)]
    SPEAKERS["Nothing"] = "Carol King"
    article(folder, "new", "Daily Bugle", "2024-03-01", "“Nothing more to add,” said Carol King.")
    ingest([folder], ix)
    assert "person:carol-king" in [s.key for s in list_sources(ix)]


def test_sources_of_replaced_documents_are_forgotten(corpus):
    folder, ix = corpus
    ingest([folder], ix)
    assert "person:randi-lee" in [s.key for s in list_sources(ix)]
    article(folder, "late", "Evening Post", "2024-02-01", "Acme now says no more than 2.5 million customers were affected.")
    ingest([folder], ix)
    assert "person:randi-lee" not in [s.key for s in list_sources(ix)]
    with pytest.raises(NotFound):
        source_sheet(ix, "Randi Lee")


def test_claims_kept_one_record_a_document_still_count_and_open_one_by_one(corpus):
    folder, ix = corpus
    article(folder, "watch", "Watchdog Weekly", "2024-01-09",
            "The regulator said that it had opened an inquiry. The regulator said that fines were possible. "
            "Acme said that its systems were now safe.")
    ingest([folder], ix)
    regulator = source_sheet(ix, "The regulator")
    texts = [c.text for c in regulator.claims]
    assert {"it had opened an inquiry", "fines were possible"} <= set(texts)
    summary = next(s for s in list_sources(ix) if s.key == regulator.source.key)
    assert summary.to_dict()["claims"] == len(texts) >= 2  # counted a claim at a time, not a document
    claim = next(c for c in regulator.claims if c.text == "fines were possible")
    assert get_document(ix, claim.id).id == claim.doc_id  # a claim id opens its document
    assert source_sheet(ix, claim.id).source.key == regulator.source.key  # and names its source
