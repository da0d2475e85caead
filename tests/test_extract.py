"""The founding article end to end: loaded, then analysed, as `breachdesk extract` and ingest do."""

from __future__ import annotations

import json

from click.testing import CliRunner

from corpus.extract import analyse
from corpus.loaders import load_file
from reader.cli import main


def test_seed_quotes_speakers_and_pull_quote(seed_path):
    doc = load_file(seed_path)[0]
    found = analyse(doc)
    direct = [q for q in found.quotes if q.kind != "pull"]
    speakers = [q.speaker for q in direct]
    assert len(direct) == 10
    assert speakers.count("Mike Schroepfer") == 3
    assert speakers.count("Cambridge Analytica") == 2
    assert speakers.count("Mark Zuckerberg") == 3
    assert speakers.count("A Messenger spokeswoman") == 2
    for q in direct:
        assert doc.text[q.start:q.end].strip("“”\"' ").startswith(q.text[:20])
    (pull,) = [q for q in found.quotes if q.kind == "pull"]
    assert pull.aside is not None and doc.asides[pull.aside].kind == "pull-quote"
    assert direct[pull.repeats].speaker == "Mike Schroepfer" and pull.speaker == "Mike Schroepfer"
    assert not [c for c in found.claims if "In total, we believe" in c.text and c.start is None]


def test_seed_figures_values_bounds_and_sources(seed_path):
    doc = load_file(seed_path)[0]
    figures = analyse(doc).figures
    in_text = {(f.value, f.qualifier): f for f in figures if f.aside is None}
    up_to_87 = in_text[(87e6, "up to")]
    assert up_to_87.high == 87e6 and up_to_87.low is None and up_to_87.unit == "people"
    no_more = in_text[(30e6, "no more than")]
    assert no_more.high == 30e6 and no_more.source == "Cambridge Analytica"
    assert in_text[(40e6, "nearly")]
    million = in_text[(1e6, "more than")]
    assert million.low == 1e6 and million.unit == "users"
    assert {f.source for f in figures if f.value == 87e6 and f.aside is None} <= {"Facebook", "Mike Schroepfer"}
    captions = {(f.value, f.qualifier, f.source) for f in figures
                if f.aside is not None and doc.asides[f.aside].kind == "caption"}
    assert captions == {(87e6, "up to", "Facebook"), (30e6, "about", "Cambridge Analytica")}
    years_and_days = [f for f in figures if f.value in (9, 2018)]
    assert not years_and_days  # "Monday, April 9" is a date, not a figure


def test_extract_json_carries_quotes_claims_figures_with_offsets(seed_path):
    result = CliRunner().invoke(main, ["extract", "--json", str(seed_path)])
    (record,) = [json.loads(line) for line in result.output.splitlines()]
    assert {"quotes", "claims", "figures"} <= record.keys()
    for q in record["quotes"]:
        assert {"start", "end", "text", "speaker", "speaker_start", "speaker_end", "role", "org", "cue", "kind"} <= q.keys()
    for f in record["figures"]:
        if f["aside"] is None:
            assert record["text"][f["start"]:f["end"]] == f["text"]


def test_extract_jsonl_offsets_index_the_input_text(seed_path):
    text = seed_path.read_text(encoding="utf-8")
    line = json.dumps({"id": "seed", "text": text})
    result = CliRunner().invoke(main, ["extract", "--jsonl", "-"], input=line + "\n")
    (record,) = [json.loads(x) for x in result.output.splitlines()]
    assert record["id"] == "seed" and record["text"] == text
    assert len([q for q in record["quotes"] if q["kind"] != "pull"]) == 10
    for item in record["quotes"] + record["figures"] + record["claims"]:
        if item.get("aside") is None:
            assert text[item["start"]:item["end"]].strip("“”\"' ").startswith(item["text"][:15].strip("“”\"' "))
    assert any(f["text"] == "up to 87m" for f in record["figures"])  # captions stay in raw input text
