"""Real coverage of the Cambridge Analytica story (../shared/corpora/breach): the figures a fact-checker
must see side by side, without app users mixed up with harvested profiles."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from index.crossref import compare_figures, quote_trail, source_sheet
from index.ingest import ingest
from reader.cli import main

pytest.importorskip("corpus.extract")


@pytest.fixture(scope="module")
def breach_ix(shared, tmp_path_factory):
    ix = tmp_path_factory.mktemp("breach") / "ix"
    report = ingest([shared / "corpora" / "breach"], ix)
    assert len(report.indexed) >= 150
    return ix


def _group_with(groups, value):
    return [g for g in groups if any(abs(v - value) <= value * 0.01 for v in g.values)]


def test_compare_cambridge_analytica_keeps_app_users_apart_from_profiles(breach_ix):
    groups = compare_figures(breach_ix, "cambridge analytica")
    top = groups[:5]
    profiles = [g for g in _group_with(top, 87e6) if g.family == "people"]
    assert len(profiles) == 1
    profiles = profiles[0]
    assert {30e6, 50e6, 87e6} <= set(profiles.values)
    assert min(profiles.values) >= 10e6  # no app-user count in the profile group
    assert profiles.divergent and profiles.changes_over_time
    app = [g for g in _group_with(top, 270000) if g.family == "people"]
    assert len(app) == 1 and app[0] is not profiles
    assert max(app[0].values) < 1e6
    for group in (profiles, app[0]):
        dated = [e for e in group.entries if e.figure.date is not None]
        assert len({e.figure.outlet for e in group.entries}) >= 4 and len(dated) >= 3
        assert all(e.figure.source_name or e.figure.source for e in group.entries)
    # the earliest 50 million and the later 87 million read as a timeline
    steps = {s["value"]: s["date"] for s in profiles.timeline}
    assert steps[50e6] < steps[87e6]


def test_compare_command_prints_both_groups_with_sources_and_dates(breach_ix):
    result = CliRunner().invoke(main, ["--index", str(breach_ix), "compare", "cambridge analytica", "--json"],
                                catch_exceptions=False)
    assert result.exit_code == 0
    groups = [json.loads(line) for line in result.output.splitlines()]
    assert all(g["type"] == "figure_group" for g in groups)
    numbers = {e["value"] for g in groups[:5] for e in g["entries"]}
    assert {270000.0, 30e6, 50e6, 87e6} <= numbers
    entry = next(e for g in groups for e in g["entries"] if e["value"] == 87e6)
    assert entry["outlet"] and entry["id"].startswith("f") and entry["doc_id"]


def test_zuckerberg_is_one_source_across_outlets(breach_ix):
    sheet = source_sheet(breach_ix, "Zuckerberg")
    assert sheet.source.key == "person:mark-zuckerberg" and sheet.source.affiliation == "Facebook"
    assert len({q.outlet for q in sheet.quotes}) >= 3
    trail = quote_trail(breach_ix, sheet.quotes[0].id)
    assert trail.appearances and trail.first is not None
