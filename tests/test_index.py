"""Ingest and search: incremental runs, pruning, bad files, two writers, interrupted runs."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from index.ingest import ingest
from index.records import open_records
from index.search import QueryError, search
from index.store import IndexBusy, ingest_lock, open_index

ARTICLE = """{title}

By Jane Doe, Security Correspondent

{body}

The company said the attackers had accessed {n} million customer records in the breach.

“We are deeply sorry,” said chief executive Ann Lee.
"""


def write_article(folder: Path, name: str, title: str, body: str, n: int = 2) -> Path:
    path = folder / name
    path.write_text(ARTICLE.format(title=title, body=body, n=n), encoding="utf-8")
    return path


@pytest.fixture
def stories(tmp_path) -> Path:
    folder = tmp_path / "stories"
    folder.mkdir()
    write_article(folder, "a.txt", "Retailer hit by breach", "A retailer confirmed a breach of its systems on Monday.")
    write_article(folder, "b.txt", "Pharmacy chain data stolen", "A pharmacy chain said hackers stole patient data.")
    return folder


def test_incremental_ingest_processes_only_new_and_changed_files(stories, tmp_path):
    ix = tmp_path / "ix"
    first = ingest([stories], ix)
    assert len(first.indexed) == 2 and not first.failed
    write_article(stories, "c.txt", "Bank breach", "A bank said its customers were affected by an attack.")
    write_article(stories, "d.txt", "Airline breach", "An airline disclosed a cyber attack on its booking site.")
    second = ingest([stories], ix)
    assert sorted(Path(p).name for p in second.indexed) == ["c.txt", "d.txt"]
    assert len(second.unchanged) == 2
    write_article(stories, "a.txt", "Retailer hit by breach", "The retailer now says the breach was larger.", n=5)
    third = ingest([stories], ix)
    assert [Path(p).name for p in third.indexed] == ["a.txt"]
    assert search(ix, "larger").total == 1
    assert search(ix, "retailer").total == 1  # the old version of a.txt was replaced, not kept beside it


def test_prune_drops_documents_of_deleted_files(stories, tmp_path):
    ix = tmp_path / "ix"
    ingest([stories], ix)
    (stories / "b.txt").unlink()
    assert search(ix, "pharmacy").total == 1
    report = ingest([stories], ix, prune=True)
    assert [Path(p).name for p in report.pruned] == ["b.txt"]
    assert search(ix, "pharmacy").total == 0
    assert search(ix, "retailer").total == 1


def test_bad_files_are_reported_and_the_rest_indexed(tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "photo.jpg.txt").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00" * 20)
    (folder / "empty.txt").write_bytes(b"")
    body = "Les données of 3 million customers were exposed, the company’s “chief” said — café owners worried."
    (folder / "legacy.txt").write_bytes(ARTICLE.format(title="Café chain breach", body=body, n=3).encode("cp1252"))
    write_article(folder, "good.txt", "Retailer hit by breach", "A retailer confirmed a breach on Monday.")
    report = ingest([folder], tmp_path / "ix")
    failed = {Path(p).name: reason for p, reason in report.failed}
    assert failed == {"photo.jpg.txt": "binary file, not text", "empty.txt": "empty file"}
    assert sorted(Path(p).name for p in report.indexed) == ["good.txt", "legacy.txt"]
    hit = search(tmp_path / "ix", "café").hits[0]
    assert hit.title == "Café chain breach"
    assert "company’s “chief” said" in hit.snippet or "café" in hit.snippet.lower()


def test_missing_path_is_reported(tmp_path):
    report = ingest([tmp_path / "nope"], tmp_path / "ix")
    assert report.failed == [(str(tmp_path / "nope"), "no such file or directory")]


def test_field_queries_and_dates(tmp_path):
    folder = tmp_path / "s"
    folder.mkdir()
    (folder / "x.json").write_text(
        '{"title": "Regulator fines retailer", "text": "The regulator fined the retailer today.", '
        '"outlet": "BBC News", "date": "2018-04-02T23:30:00-04:00", "authors": "Ann Lee"}'
    )
    (folder / "y.json").write_text(
        '{"title": "Retailer appeals", "text": "The retailer appealed the fine.", "outlet": "Reuters", '
        '"date": "2018-06-01"}'
    )
    ix = tmp_path / "ix"
    ingest([folder], ix)
    assert [h.title for h in search(ix, "outlet:bbc").hits] == ["Regulator fines retailer"]
    in_april = search(ix, "date:[2018-04-01 TO 2018-04-30] retailer")
    assert [h.title for h in in_april.hits] == ["Regulator fines retailer"]
    assert in_april.hits[0].date.isoformat() == "2018-04-03T03:30:00"  # stored as UTC
    assert search(ix, "author:lee").total == 1
    assert search(ix, "fines").total == 2  # stemmed: fines / fined / fine


def test_malformed_queries_raise_query_error(stories, tmp_path):
    ix = tmp_path / "ix"
    ingest([stories], ix)
    for bad in ["", "nosuchfield:x", "date:[garbage TO x]", "AND OR ("]:
        with pytest.raises(QueryError):
            search(ix, bad)


def test_snippet_highlights_point_at_matched_words(stories, tmp_path):
    ix = tmp_path / "ix"
    ingest([stories], ix)
    hit = search(ix, "pharmacy").hits[0]
    words = {hit.snippet[s:e].lower() for s, e in hit.spans}
    assert words == {"pharmacy"}


def test_second_writer_waits_then_gives_up(tmp_path):
    ix = tmp_path / "ix"
    with ingest_lock(ix):
        started = time.monotonic()
        with pytest.raises(IndexBusy, match="another breachdesk process"):
            ingest([tmp_path], ix, lock_wait=0.5)
        assert time.monotonic() - started >= 0.5


def _processes_marked(marker: str) -> list[int]:
    """Live processes started with `marker` in their environment (Linux /proc; none elsewhere)."""
    found = []
    for environ in Path("/proc").glob("[0-9]*/environ"):
        try:
            if marker.encode() in environ.read_bytes() and (environ.parent / "stat").read_text().split()[2] != "Z":
                found.append(int(environ.parent.name))
        except OSError:
            continue
    return found


@pytest.mark.parametrize("parallel", [False, True], ids=["one-process", "parse-and-records-processes"])
def test_killed_ingest_leaves_a_usable_index(tmp_path, parallel):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(400):
        write_article(folder, f"{i:03}.txt", f"Story number {i} about a breach", f"Body of story {i} here.")
    ix = tmp_path / "ix"
    root = Path(__file__).resolve().parents[1]
    script = textwrap.dedent(f"""
        import index.ingest as ing
        ing.BATCH_FILES = 25
        ing.PARALLEL_MIN_FILES = {1 if parallel else 10**9}
        ing.ingest([{str(folder)!r}], __import__('pathlib').Path({str(ix)!r}), extract={parallel})
    """)
    marker = f"breachdesk-killed-test-{os.getpid()}-{parallel}"
    env = {**os.environ, "PYTHONPATH": str(root), "BREACHDESK_TEST_MARKER": marker}
    proc = subprocess.Popen([sys.executable, "-c", script], cwd=root, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (ix / "manifest.sqlite").exists():
        time.sleep(0.05)
    time.sleep(0.8)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 10
    while _processes_marked(marker) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _processes_marked(marker), "the killed ingest left a helper process running"
    partial = search(ix, "breach").total if (ix / "manifest.sqlite").exists() else 0
    report = ingest([folder], ix, extract=parallel)
    assert not report.failed
    assert len(report.indexed) + len(report.unchanged) == 400
    assert search(ix, "breach", limit=1).total == 400
    assert partial <= 400
    with open_index(ix).searcher() as s:
        assert s.doc_count() == 400
    if parallel:  # one doc record per document: nothing orphaned or written twice
        with open_records(ix).searcher() as s:
            docs = [f["doc_id"] for f in s.all_stored_fields() if f["type"] == "doc"]
        assert len(docs) == len(set(docs)) == 400


def test_bare_wildcard_lists_every_document(stories, tmp_path):
    ix = tmp_path / "ix"
    ingest([stories], ix)
    assert search(ix, "*").total == 2 == search(ix, "*:*").total


def test_the_same_article_in_two_files_is_one_document(tmp_path):
    folder = tmp_path / "copies"
    folder.mkdir()
    first = write_article(folder, "a.txt", "Breach at Acme", "Acme lost the records of its customers.")
    (folder / "b.txt").write_bytes(first.read_bytes())
    ix = tmp_path / "ix"
    report = ingest([folder], ix)
    assert len(report.indexed) == 2 and not report.failed
    assert search(ix, "acme").total == 1
    with open_index(ix).searcher() as s:
        assert s.doc_count() == 1
