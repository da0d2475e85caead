"""Ingest files into the index: incremental, interruptible, and every file accounted for.

Files are read and hashed here; only new or changed ones are parsed (in a second process when
there are many, since parsing and Whoosh writing each keep a core busy). Documents are committed
in batches, and the manifest records a file only after the commit that holds its documents, so
Ctrl-C or a kill loses at most the current batch, never what was already ingested.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from corpus.document import Document, LoadError, content_id
from index.manifest import FileEntry
from index.record_writer import RecordWriter, RecordWriterProcess, exit_with_parent
from index.records import document_records
from index.store import document_fields, ingest_lock, open_index, open_manifest

# A batch is one commit, and one new segment of each index: Whoosh's default merge policy leaves the
# records index's segments (~40,000 records a batch) unmerged, and each costs every query a little.
# A killed ingest loses at most one batch; Ctrl-C commits it.
BATCH_FILES = 1000
BATCH_SECONDS = 45.0
PARALLEL_MIN_FILES = 40
# Files a folder walk passes over: dotfiles, and a collection's own sidecar files.
_SIDECAR_STEMS = {"readme", "manifest", "license", "licence", "changelog", "index"}
_SKIP_SUFFIXES = {".pyc", ".lock", ".sqlite", ".db", ".gz", ".zip", ".png", ".jpg", ".jpeg", ".gif", ".pdf"}


@dataclass
class IngestReport:
    indexed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    ignored: list[tuple[str, str]] = field(default_factory=list)  # (path, reason) skipped by a folder walk
    pruned: list[str] = field(default_factory=list)
    documents: int = 0
    interrupted: bool = False
    seconds: float = 0.0


@dataclass
class _Parsed:
    path: str
    sha: str
    size: int
    mtime: float
    # Per document, all prepared in the worker, so that the writing process only writes: its fields
    # for the documents index, and its records-index entries pickled once, passed on unopened.
    fields: list[dict] = field(default_factory=list)
    records: list[bytes] = field(default_factory=list)
    error: str | None = None


def collect(paths: Iterable[str | os.PathLike], report: IngestReport) -> list[Path]:
    """Expand folders (recursively, sorted); missing paths are failures, sidecars are ignored."""
    files: list[Path] = []
    for raw in paths:
        p = Path(raw).expanduser()
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                if not child.is_file():
                    continue
                rel = child.relative_to(p)
                if any(part.startswith(".") for part in rel.parts):
                    continue
                if child.stem.lower() in _SIDECAR_STEMS or child.suffix.lower() in _SKIP_SUFFIXES:
                    report.ignored.append((str(child.resolve()), "not an article (collection file)"))
                    continue
                files.append(child.resolve())
        elif p.is_file():
            files.append(p.resolve())
        elif p.exists():
            report.failed.append((str(p), "not a regular file"))
        else:
            report.failed.append((str(p), "no such file or directory"))
    seen: set[Path] = set()
    return [f for f in files if not (f in seen or seen.add(f))]


def _parse(path: str, data: bytes | None = None, extract: bool = True) -> _Parsed:
    """Load one file (runs in a worker process when ingesting many)."""
    from corpus.loaders import load_bytes

    p = Path(path)
    try:
        stat = p.stat()
        if data is None:
            data = p.read_bytes()
        parsed = _Parsed(path, content_id(data), stat.st_size, stat.st_mtime)
        for doc in load_bytes(data, path):
            extraction = _analyse(doc) if extract else None
            parsed.fields.append(document_fields(doc, extraction))
            parsed.records.append(pickle.dumps(document_records(doc, extraction), pickle.HIGHEST_PROTOCOL))
    except LoadError as exc:
        return _Parsed(path, "", 0, 0.0, error=str(exc))
    except OSError as exc:
        return _Parsed(path, "", 0, 0.0, error=f"cannot read ({exc.strerror or exc})")
    except Exception as exc:  # a loader bug must not stop the run; report it against the file
        return _Parsed(path, "", 0, 0.0, error=f"unexpected error: {type(exc).__name__}: {exc}")
    return parsed


def _analyse(doc: Document):
    try:
        from corpus.extract import analyse
    except ImportError:  # extraction not available in this build
        return None
    return analyse(doc)


def _parallel(files: int) -> bool:
    return files >= PARALLEL_MIN_FILES and (os.cpu_count() or 1) >= 2


def _parse_many(paths: list[str], extract: bool) -> Iterator[_Parsed]:
    if not _parallel(len(paths)):
        for path in paths:
            yield _parse(path, extract=extract)
        return
    # One worker parses while this process writes to Whoosh: two cores, both busy. "spawn", not
    # fork: the reader ingests from a thread, and forking a process that has threads can deadlock.
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                             initializer=exit_with_parent, initargs=(os.getpid(),)) as pool:
        results = pool.map(_parse, paths, [None] * len(paths), [extract] * len(paths), chunksize=8)
        try:
            yield from results
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def ingest(
    paths: Iterable[str | os.PathLike],
    index_directory: Path,
    prune: bool = False,
    extract: bool = True,
    progress: Callable[[str, str], None] | None = None,
    lock_wait: float = 3.0,
) -> IngestReport:
    """Ingest `paths` (files or folders) into the index at `index_directory`.

    `progress(path, status)` is called once per file with status "indexed", "unchanged" or
    "failed" (and once with "total" and the number of files first), for a progress bar.
    Raises IndexBusy when another process holds the index.
    """
    started = time.monotonic()
    report = IngestReport()
    paths = list(paths)
    files = collect(paths, report)
    notify = progress or (lambda _p, _s: None)
    notify(str(len(files)), "total")
    for path, _reason in report.failed:
        notify(path, "failed")
    with ingest_lock(index_directory, wait=lock_wait):
        ix = open_index(index_directory, create=True)
        manifest = open_manifest(index_directory)
        try:
            todo = _unchanged_filter(files, manifest, report, notify)
            # quotes, claims and figures, committed with their documents
            records = (RecordWriterProcess if _parallel(len(todo)) else RecordWriter)(index_directory)
            try:
                _write(ix, manifest, todo, report, notify, extract, records)
                if prune and not report.interrupted:
                    _prune(ix, manifest, paths, report, records)
            finally:
                records.close()
            records.finish()
        finally:
            manifest.close()
    report.seconds = time.monotonic() - started
    return report


def _unchanged_filter(files, manifest, report, notify) -> list[str]:
    todo = []
    for f in files:
        path = str(f)
        entry = manifest.get(path)
        if entry is not None:
            try:
                sha = content_id(f.read_bytes())
            except OSError:
                sha = ""
            if sha == entry.sha:
                report.unchanged.append(path)
                notify(path, "unchanged")
                continue
        todo.append(path)
    return todo


class _Documents:
    """The documents writer of one batch. Whoosh's `update_document` and `delete_by_term` each open
    a searcher over every segment, and a compound segment is copied into memory when opened: per
    document, that grew with the index until ingest at 5,000 documents spent half of its time
    copying. One searcher a batch, and segments written as separate files, keep it flat."""

    def __init__(self, ix):
        self._writer = ix.writer(timeout=5.0, compound=False)
        self._searcher = self._writer.searcher()
        self._written: set[str] = set()

    def replace(self, fields: dict) -> None:
        if fields["id"] in self._written:  # the same content twice in one batch
            return
        self.delete(fields["id"])
        self._writer.add_document(**fields)
        self._written.add(fields["id"])

    def delete(self, doc_id: str) -> None:
        self._writer.delete_by_term("id", doc_id, searcher=self._searcher)
        self._written.discard(doc_id)

    def commit(self) -> None:
        self._searcher.close()
        self._writer.commit()

    def cancel(self) -> None:
        self._searcher.close()
        self._writer.cancel()


def _write(ix, manifest, todo, report, notify, extract, records) -> None:
    writer: _Documents | None = None
    pending: list[FileEntry] = []
    batch_started = time.monotonic()

    def commit(last: bool = False):
        nonlocal writer, pending, batch_started
        # the records writer commits (and after the last batch merges the sources) while the documents
        # are committed here
        records.start_commit(merge_sources=last)
        if writer is not None:
            writer.commit()
            writer = None
        records.commit()
        if pending:
            manifest.put_many(pending)
            pending = []
        batch_started = time.monotonic()

    try:
        for parsed in _parse_many(todo, extract):
            # a full batch is committed when the next file is in, so that the last batch is always
            # the one committed below, whose records commit merges the sources beside it
            if len(pending) >= BATCH_FILES or (pending and time.monotonic() - batch_started > BATCH_SECONDS):
                commit()
            if parsed.error:
                report.failed.append((parsed.path, parsed.error))
                notify(parsed.path, "failed")
                continue
            if writer is None:
                writer = _Documents(ix)
            old = manifest.get(parsed.path)
            new_ids = [f["id"] for f in parsed.fields]
            if old is not None:
                gone = set(old.doc_ids) - set(new_ids) - manifest.doc_ids_elsewhere(old.doc_ids, parsed.path)
                for doc_id in gone:
                    writer.delete(doc_id)
                    records.delete(doc_id)
            for doc_fields, doc_records in zip(parsed.fields, parsed.records, strict=True):
                writer.replace(doc_fields)
                records.replace(doc_fields["id"], doc_records)
            pending.append(FileEntry(parsed.path, parsed.sha, parsed.size, parsed.mtime, new_ids))
            report.indexed.append(parsed.path)
            report.documents += len(parsed.fields)
            notify(parsed.path, "indexed")
        commit(last=True)
    except KeyboardInterrupt:
        report.interrupted = True
        commit(last=True)  # keep what was parsed; the rest is picked up by the next run
    except BaseException:
        if writer is not None:
            writer.cancel()
        try:
            records.cancel()
        except RuntimeError:  # the records writer is gone too: the error being raised says why
            pass
        raise


def _prune(ix, manifest, paths, report, records) -> None:
    """Drop documents of files under the given folders that no longer exist."""
    roots = [str(Path(p).expanduser().resolve()) for p in paths]
    gone = [e for e in manifest.all() if not Path(e.path).exists() and any(
        e.path == r or e.path.startswith(r.rstrip(os.sep) + os.sep) for r in roots)]
    if not gone:
        return
    writer = _Documents(ix)
    for entry in gone:
        for doc_id in set(entry.doc_ids) - manifest.doc_ids_elsewhere(entry.doc_ids, entry.path):
            writer.delete(doc_id)
            records.delete(doc_id)
        report.pruned.append(entry.path)
    writer.commit()
    records.commit()
    manifest.remove_many([e.path for e in gone])
