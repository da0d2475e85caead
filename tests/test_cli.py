"""The command line as a user meets it: exit codes, one-line errors, JSON output, safe text."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from reader.cli import main

STORY = """Retailer admits breach of 2 million accounts

By Jane Doe, Technology Reporter

A retailer said on Monday that up to 2 million customer accounts were exposed in a breach.

“We are deeply sorry,” said chief executive Ann Lee.
"""


def run(*args, input=None, env=None):
    return CliRunner().invoke(main, list(args), input=input, env=env, catch_exceptions=False)


def make_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "stories"
    folder.mkdir()
    (folder / "story.txt").write_text(STORY, encoding="utf-8")
    (folder / "hostile.txt").write_text(STORY.replace("Retailer admits", "[red]Evil[/red] \x1b[31mretailer\x1b[0m admits"))
    return folder


def test_ingest_then_search(tmp_path):
    folder = make_folder(tmp_path)
    result = run("--index", str(tmp_path / "ix"), "ingest", str(folder))
    assert result.exit_code == 0, result.output
    assert "2 indexed" in result.output and "0 failed" in result.output
    again = run("--index", str(tmp_path / "ix"), "ingest", str(folder))
    assert "0 indexed" in again.output and "2 unchanged" in again.output
    found = run("--index", str(tmp_path / "ix"), "search", "retailer", "--json")
    hits = [json.loads(line) for line in found.output.splitlines()]
    assert {h["title"] for h in hits} >= {"Retailer admits breach of 2 million accounts"}
    assert all(h["path"].endswith(".txt") and "snippet" in h for h in hits)


def test_index_from_environment(tmp_path):
    folder = make_folder(tmp_path)
    env = {"BREACHDESK_INDEX": str(tmp_path / "envix")}
    assert run("ingest", str(folder), env=env).exit_code == 0
    assert (tmp_path / "envix" / "manifest.sqlite").exists()
    assert run("search", "retailer", "--json", env=env).output.count("\n") == 2


def test_failed_files_give_exit_1_and_a_reason(tmp_path):
    folder = make_folder(tmp_path)
    (folder / "empty.txt").write_bytes(b"")
    result = run("--index", str(tmp_path / "ix"), "ingest", str(folder))
    assert result.exit_code == 1
    assert "empty.txt: empty file" in result.output
    assert "2 indexed" in result.output


def test_bad_query_is_one_line_and_exit_2(tmp_path):
    run("--index", str(tmp_path / "ix"), "ingest", str(make_folder(tmp_path)))
    result = run("--index", str(tmp_path / "ix"), "search", "date:[garbage TO x]")
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output


def test_search_without_index_is_a_usage_error(tmp_path):
    result = run("--index", str(tmp_path / "none"), "search", "x")
    assert result.exit_code == 2 and "no index" in result.output


def test_terminal_output_strips_escapes_and_shows_markup_literally(tmp_path):
    run("--index", str(tmp_path / "ix"), "ingest", str(make_folder(tmp_path)))
    result = run("--index", str(tmp_path / "ix"), "search", "evil")
    assert "\x1b[31m" not in result.output
    assert "[red]Evil[/red]" in result.output


def test_extract_json_has_metadata(tmp_path):
    folder = make_folder(tmp_path)
    result = run("extract", "--json", str(folder / "story.txt"))
    (record,) = [json.loads(line) for line in result.output.splitlines()]
    assert record["title"] == "Retailer admits breach of 2 million accounts"
    assert record["authors"] == ["Jane Doe"]
    assert record["kind"] == "article"
    assert record["path"].endswith("story.txt")


def test_extract_jsonl_keeps_input_text_and_ids():
    lines = [json.dumps({"id": f"n{i}", "text": STORY.replace("2 million", f"{i + 2} million")}) for i in range(300)]
    lines.insert(5, "{not json")
    lines.append(json.dumps({"id": "h", "html": "<html><head><title>T</title></head><body><article>"
                                               "<h1>Breach at bank</h1><p>" + "A bank said hackers stole data. " * 10
                                               + "</p></article></body></html>"}))
    result = run("extract", "--jsonl", "-", input="\n".join(lines) + "\n")
    out = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert result.exit_code == 1  # the malformed line
    by_id = {o["id"]: o for o in out if o.get("id")}
    assert len(by_id) == 301
    assert by_id["n7"]["text"] == STORY.replace("2 million", "9 million")
    assert by_id["n7"]["title"] == "Retailer admits breach of 9 million accounts"
    assert "bank said hackers" in by_id["h"]["text"]
    assert any("error" in o for o in out)


def test_cli_does_not_import_textual_for_commands(tmp_path):
    code = ("import sys; from reader.cli import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "assert 'textual' not in sys.modules, 'textual imported'")
    root = Path(__file__).resolve().parents[1]
    subprocess.run([sys.executable, "-c", code], check=True, cwd=root, capture_output=True)


def test_outdated_index_asks_for_rebuild_and_rebuild_keeps_notes(tmp_path):
    folder = make_folder(tmp_path)
    ix = tmp_path / "ix"
    assert run("--index", str(ix), "ingest", str(folder)).exit_code == 0
    (ix / "FORMAT").write_text("0\n")  # as if written by an older breachdesk
    (ix / "notes.sqlite").write_bytes(b"the user's verdicts")
    searched = run("--index", str(ix), "search", "retailer")
    assert searched.exit_code == 2 and "breachdesk rebuild" in searched.output
    for command in (["quotes", "retailer"], ["figures"], ["compare", "retailer"], ["sources"]):
        # the records' fields change with the format too: no empty answers from an old records index
        answered = run("--index", str(ix), *command)
        assert answered.exit_code == 2 and "breachdesk rebuild" in answered.output, command
    rebuilt = run("--index", str(ix), "rebuild")
    assert rebuilt.exit_code == 0, rebuilt.output
    assert (ix / "notes.sqlite").read_bytes() == b"the user's verdicts"
    found = run("--index", str(ix), "search", "retailer", "--json")
    assert found.exit_code == 0 and len(found.output.splitlines()) == 2
