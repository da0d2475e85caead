"""The planted cases of the bundled sample corpus, end to end: real loaders, real extraction, the index.

See corpus/samples/README.md: case 1 (figures that disagree, change over time, differ in unit),
case 2 (one quote printed five times), case 3 (pull-quotes), case 4 (a misattributed quote).
"""

from __future__ import annotations

import pytest

from index.crossref import compare_figures, list_figures, list_quotes, list_sources, quote_trail, source_sheet
from index.ingest import ingest
from index.records import open_records

pytest.importorskip("corpus.extract")

APOLOGY = "We are deeply sorry that this has happened"
OFFLINE = "We took the affected systems offline within hours of detecting the intrusion"


@pytest.fixture(scope="module")
def ix(tmp_path_factory):
    from conftest import SAMPLES

    folder = tmp_path_factory.mktemp("samples") / "ix"
    report = ingest([SAMPLES], folder)
    assert len(report.indexed) == 9
    return folder


def _statement_quote(ix, words):
    return next(q for q in list_quotes(ix, f'"{words}"') if q.outlet == "Larkspur Health")


def test_diverging_counts_are_one_group_flagged_with_their_timeline(ix):
    groups = compare_figures(ix, "larkspur")
    people = groups[0]
    assert people.family == "people"
    assert {1.2e6, 2.1e6, 3.4e6} <= set(people.values)
    assert people.divergent and people.spread == pytest.approx(3.4 / 1.2 - 1)
    assert people.contradiction  # "at least 3.4 million" (regulator) vs "up to 2.1 million" (company)
    assert people.changes_over_time
    steps = [s["value"] for s in people.timeline]
    assert steps.index(3.4e6) == len(steps) - 1  # the regulator's count comes last (28 March)
    assert {e.figure.outlet for e in people.entries} >= {"Larkspur Health", "The Evening Lantern",
                                                          "The Albion Ledger", "Kestrel News",
                                                          "Information Protection Office"}
    # the attackers' records and the payment cards are counted apart, and the user is told so
    assert all(e.figure.family == "people" or e.figure.unit is None for e in people.entries)
    assert 5e6 not in people.values and 38000 not in people.values
    assert any(k["family"] == "records" for k in people.kept_apart)
    records = next(g for g in groups if g.family == "records")
    assert records.values == [5e6] and records.documents >= 2 and not records.divergent


def test_the_fine_written_three_ways_agrees(ix):
    fines = [g for g in compare_figures(ix, "fine") if g.family == "money:GBP" and 4.2e6 in g.values]
    assert len(fines) == 1 and not fines[0].divergent
    assert {e.figure.outlet for e in fines[0].entries} >= {"Information Protection Office", "Kestrel News"}


def test_the_apology_printed_by_five_outlets_is_one_trail(ix):
    seed = _statement_quote(ix, APOLOGY)
    trail = quote_trail(ix, seed.id)
    by_outlet = {a.quote.outlet: a for a in trail.appearances}
    assert set(by_outlet) == {"Larkspur Health", "The Evening Lantern", "The Albion Ledger", "Cipherline",
                              "Kestrel News"}
    assert trail.first.quote.id == seed.id and trail.first.quote.date.date().isoformat() == "2024-03-05"
    assert trail.reference.quote.id == seed.id and trail.reference_reason == "official statement"
    lantern = by_outlet["The Evening Lantern"]
    assert lantern.relation == "wording"
    assert [(d.reference, d.variant) for d in lantern.diff if d.op != "equal"] == [("deeply", "truly")]
    assert by_outlet["The Albion Ledger"].relation == "truncated"
    assert by_outlet["Kestrel News"].relation == "punctuation"
    assert by_outlet["Cipherline"].relation == "identical"
    assert len(trail.variants) == 4
    # Helen Marlowe throughout, whether named, "She said" or "she said at the time"
    assert {by_outlet[o].quote.speaker_key for o in ("Larkspur Health", "The Evening Lantern", "Kestrel News")} \
        == {"person:helen-marlowe"}
    assert not trail.warnings
    # the same trail from a fragment of the words, typed with other punctuation and case
    assert {a.quote.id for a in quote_trail(ix, "we are deeply sorry, that this has happened").appearances} \
        == {a.quote.id for a in trail.appearances}


def test_the_quote_credited_to_the_wrong_person_is_flagged(ix):
    trail = quote_trail(ix, _statement_quote(ix, OFFLINE).id)
    patchwire = next(a for a in trail.appearances if a.quote.outlet == "Patchwire")
    assert patchwire.quote.speaker_key == "person:daniel-okafor"
    assert trail.misattributed == [patchwire.quote.id]
    assert len(trail.warnings) == 1
    assert "Daniel Okafor" in trail.warnings[0] and "Helen Marlowe" in trail.warnings[0]
    assert "Patchwire" in trail.warnings[0]


def test_pull_quotes_are_repeats_not_separate_quotes_or_claims(ix):
    trail = quote_trail(ix, _statement_quote(ix, OFFLINE).id)
    lantern = [a for a in trail.appearances if a.quote.outlet == "The Evening Lantern"]
    assert len(lantern) == 1 and lantern[0].quote.kind == "full" and len(lantern[0].pull_quotes) == 1
    listed = list_quotes(ix, '"affected systems offline"')
    assert all(q.kind != "pull" for q in listed)
    assert sorted(q.outlet for q in listed) == ["Larkspur Health", "Patchwire", "The Evening Lantern"]
    with_pulls = list_quotes(ix, '"affected systems offline"', include_pull=True)
    pull = next(q for q in with_pulls if q.kind == "pull")
    assert pull.repeats == lantern[0].quote.id
    # no pull-quote also became an indirect claim of its document
    from index.quote_match import fold, similarity

    rix = open_records(ix)
    with rix.searcher() as s:
        stored = list(s.all_stored_fields())
    pulls = [f for f in stored if f["type"] == "quote" and f.get("qkind") == "pull"]
    assert len(pulls) >= 4
    for p in pulls:
        claims = [c["text"] for f in stored if f["type"] == "claim" and f["doc_id"] == p["doc_id"]
                  for c in f["claims"]]
        assert all(similarity(fold(p["text"]), fold(c)) < 85 for c in claims), p["text"]


def test_source_sheets_merge_names_and_abbreviations(ix):
    marlowe = source_sheet(ix, "Ms Marlowe")
    assert marlowe.source.key == "person:helen-marlowe"
    assert {q.outlet for q in marlowe.quotes} >= {"Larkspur Health", "The Evening Lantern", "Kestrel News"}
    dates = [q.date for q in marlowe.quotes]
    assert dates == sorted(dates)
    # "a GCP spokesman", with GCP defined in the text, speaks for the Guild of Community Pharmacists
    gcp = [s for s in list_sources(ix, "Guild of Community Pharmacists") if s.kind == "unnamed"]
    assert gcp and gcp[0].affiliation == "Guild of Community Pharmacists"
    sheet = source_sheet(ix, "GCP")  # as printed; the text defines it
    assert any("card details in that way" in q.text for q in sheet.quotes)
    ipo = source_sheet(ix, "Information Protection Office")
    assert ipo.source.kind == "outlet" and ipo.published


def test_document_fields_in_record_queries_keep_the_query_logic(ix):
    """Title, outlet and kind are indexed once per document, yet act as fields of every record."""
    everywhere = list_quotes(ix, "sorry")
    assert len({q.outlet for q in everywhere}) >= 3
    kestrel = list_quotes(ix, "sorry AND outlet:kestrel")
    assert kestrel and {q.outlet for q in kestrel} == {"Kestrel News"}
    others = list_quotes(ix, "sorry NOT outlet:kestrel")
    assert {q.id for q in others} == {q.id for q in everywhere} - {q.id for q in kestrel}
    statements = list_quotes(ix, "kind:statement")
    assert statements and {q.doc_kind for q in statements} == {"statement"}
    titled = list_figures(ix, "title:breach", limit=500)
    assert titled and all("breach" in f.title.lower() for f in titled)
    dated = list_quotes(ix, "date:[2024-03-01 TO 2024-03-06]", limit=500)
    assert dated and all("2024-03-01" <= q.date.date().isoformat() <= "2024-03-06" for q in dated)
