"""The cross-reference commands as a user meets them: JSON Lines whose ids the other commands accept,
Rich tables that print hostile article text as text, one-line errors and exit codes."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import index.ingest as ingest_module
from index.ingest import ingest
from reader.cli import main
from reader.xref_commands import parse_amount
from tests.test_crossref_index import SPEAKERS, article, fake_analyse


def run(*args):
    return CliRunner(env={"COLUMNS": "250"}).invoke(main, list(args), catch_exceptions=False)


def lines(result) -> list[dict]:
    return [json.loads(line) for line in result.output.splitlines() if line.strip()]


@pytest.fixture
def ix(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest_module, "_analyse", fake_analyse)
    SPEAKERS.clear()
    SPEAKERS.update({"We are deeply": "Acme CEO Ann Lee", "We are truly": "Ann Lee", "We are sorry": "Bob Ray",
                     "Evil": "\x1b[31m[red]Mallory[/red]"})
    folder = tmp_path / "news"
    folder.mkdir()
    article(folder, "one", "Acme Corp", "2024-01-05",
            "Acme said that up to 2 million customers were affected. Ann Lee said: “We are deeply sorry that this "
            "has happened to our customers, who trusted us.”", kind="statement")
    article(folder, "two", "Daily Bugle", "2024-01-06",
            "At least 3.4 million people were affected. “We are truly sorry that this has happened to our "
            "customers, who trusted us,” she said.")
    article(folder, "three", "Wire Service", "2024-01-08",
            "“We are sorry that this has happened to our customers who trusted us,” Bob Ray said.")
    article(folder, "evil", "[bold]Evil Times[/bold]", "2024-01-07",
            "“Evil \x1b]0;pwned\x07 words [link=http://x]click[/link] about 2 million customers”")
    path = tmp_path / "ix"
    ingest([folder], path)
    return str(path)


def test_json_ids_feed_the_other_commands(ix):
    quotes = lines(run("--index", ix, "quotes", "sorry", "--json"))
    assert quotes and all(q["type"] == "quote" and q["id"].startswith("q") for q in quotes)
    seed = next(q for q in quotes if q["outlet"] == "Acme Corp")
    trail = lines(run("--index", ix, "trail", seed["id"], "--json"))
    assert trail[0]["type"] == "trail" and trail[0]["first"] == seed["id"]
    appearances = trail[1:]
    assert {a["type"] for a in appearances} == {"appearance"} and len(appearances) == trail[0]["appearances"]
    assert any(a["misattributed"] for a in appearances)  # Bob Ray, against the CEO's statement

    figures = lines(run("--index", ix, "figures", "--min", "2m", "--unit", "people", "--json"))
    assert {f["value"] for f in figures} == {2e6, 3.4e6}
    group = lines(run("--index", ix, "compare", figures[0]["id"], "--json"))[0]
    assert group["type"] == "figure_group" and figures[0]["id"] in [i for e in group["entries"] for i in e["ids"]]

    sheet = lines(run("--index", ix, "sources", seed["speaker_key"], "--json"))
    assert sheet[0]["type"] == "source" and sheet[0]["key"] == "person:ann-lee"
    assert {r["id"] for r in sheet[1:] if r["type"] == "quote"} >= {seed["id"]}
    listed = lines(run("--index", ix, "sources", "--json"))
    assert "person:ann-lee" in {s["key"] for s in listed}


def test_tables_print_hostile_text_as_text(ix):
    for args in (["quotes", "words"], ["figures"], ["sources"], ["compare", "customers"], ["sources", "Evil Times"]):
        result = run("--index", ix, *args)
        assert result.exit_code == 0, (args, result.output)
        assert "\x1b" not in result.output and "\x07" not in result.output
    out = run("--index", ix, "quotes", "words").output
    assert "[link=http://x]click[/link]" in out and "[red]Mallory[/red]" in out


def test_trail_table_shows_the_warning_and_the_changed_word(ix):
    out = run("--index", ix, "trail", "we are deeply sorry that this has happened").output
    assert "possible misattribution" in out and "Bob Ray" in out
    assert "truly" in out and "first" in out


def test_errors_are_one_line_with_exit_codes(ix, tmp_path):
    missing = run("--index", ix, "trail", "q000000000000")
    assert missing.exit_code == 1 and "no quote with id" in missing.output
    bad = run("--index", ix, "figures", "nofield:x")
    assert bad.exit_code == 2 and "unknown field" in bad.output
    nothing = run("--index", str(tmp_path / "none"), "compare", "acme")
    assert nothing.exit_code == 2 and "breachdesk ingest" in nothing.output
    assert run("--index", ix, "quotes").exit_code == 2  # neither words nor --speaker
    assert run("--index", ix, "figures", "--min", "lots").exit_code == 2
    unknown = run("--index", ix, "sources", "Nobody Atall")
    assert unknown.exit_code == 1 and "no source called" in unknown.output


def test_amounts_are_read_as_people_write_them():
    assert parse_amount("87m") == 87e6
    assert parse_amount("1.5bn") == 1.5e9
    assert parse_amount("270,000") == 270000
    assert parse_amount("2 million") == 2e6
    with pytest.raises(ValueError):
        parse_amount("lots")
