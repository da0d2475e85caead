"""The records index written by a process of its own (large ingests) holds exactly what the
in-process writer writes, and the child's failures reach the parent as errors."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

import index.ingest as ingest_module
from index.ingest import ingest
from index.record_writer import RecordWriterProcess
from index.records import open_records
from index.store import open_index

SAMPLES = Path(__file__).resolve().parents[1] / "corpus" / "samples"


def _stored(ix: Path) -> list[dict]:
    with open_records(ix).searcher() as s:
        return sorted(s.all_stored_fields(), key=lambda f: f["id"])


def test_records_process_writes_what_the_in_process_writer_writes(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest_module, "PARALLEL_MIN_FILES", 10**9)
    ingest([SAMPLES], tmp_path / "alone")
    monkeypatch.setattr(ingest_module, "PARALLEL_MIN_FILES", 1)
    report = ingest([SAMPLES], tmp_path / "split")
    assert not report.failed
    alone, split = _stored(tmp_path / "alone"), _stored(tmp_path / "split")
    assert {f["type"] for f in split} >= {"doc", "quote", "figure", "claim"}
    assert split == alone


def test_reingest_through_the_records_process_replaces_records(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest_module, "PARALLEL_MIN_FILES", 1)
    folder = tmp_path / "docs"
    folder.mkdir()
    story = folder / "story.txt"
    story.write_text("Breach at Acme\n\nAcme said 3 million customers were affected.\n", encoding="utf-8")
    ingest([folder], tmp_path / "ix")
    story.write_text("Breach at Acme\n\nAcme said 5 million customers were affected.\n", encoding="utf-8")
    ingest([folder], tmp_path / "ix")
    figures = [f for f in _stored(tmp_path / "ix") if f["type"] == "figure"]
    assert [f["value"] for f in figures] == [5_000_000.0]


def test_a_failure_in_the_records_process_is_raised_at_commit(tmp_path):
    open_index(tmp_path, create=True)  # as ingest does first: the records live beside the documents
    writer = RecordWriterProcess(tmp_path)
    try:
        writer.replace("d1", pickle.dumps([{"id": "q1", "type": "quote", "no_such_field": "x"}]))
        with pytest.raises(RuntimeError, match="writing records failed: .*no_such_field"):
            writer.commit()
        writer.replace("d2", pickle.dumps([{"id": "q2", "type": "quote", "doc_id": "d2"}]))
        writer.commit()  # the failed batch was dropped; the writer goes on
    finally:
        writer.close()
    assert [f["id"] for f in _stored(tmp_path)] == ["q2"]


def test_the_records_process_merges_the_sources_with_its_last_commit(tmp_path, monkeypatch):
    from index import source_store

    merged_here = []
    monkeypatch.setattr(source_store, "refresh", lambda d: merged_here.append(d))  # this process only
    monkeypatch.setattr(ingest_module, "PARALLEL_MIN_FILES", 1)
    ingest([SAMPLES], tmp_path / "split")
    assert merged_here == []  # the child merged them, beside the last documents commit
    monkeypatch.undo()
    monkeypatch.setattr(ingest_module, "PARALLEL_MIN_FILES", 10**9)
    ingest([SAMPLES], tmp_path / "alone")
    split = source_store.current(tmp_path / "split")
    alone = source_store.current(tmp_path / "alone")
    assert isinstance(split, source_store.SourceStore)  # stored by the child, read here without merging
    assert [(e.key, e.name) for e in split.top(20)] == [(e.key, e.name) for e in alone.top(20)]
    assert len(split.top(20)) >= 5
