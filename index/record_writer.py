"""Writing the records index during an ingest, in this process or in a process of its own.

Writing a document's ~20 records costs Whoosh about what writing the document does. In one
process that made ingest with extraction 3–4× slower than without; with the records written by a
process of their own, the parse worker, the documents writer and the records writer share the two
cores. Both writers take the same calls (`replace`, `delete`, `commit`, `cancel`), and a commit
returns only once the records are on disk, so the manifest still records a file only after every
index holding it was committed.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import signal
import threading
import time
from pathlib import Path

from index.records import RECORD_TYPES, open_records
from index.whoosh_api import W3Codec


class _Records:
    """What both writers share: after the last commit, the sources are merged anew."""

    directory: Path
    changed: bool

    def merge_sources(self) -> None:
        """Merge the sources anew if the records changed, so that the first query does not wait."""
        if self.changed:
            from index.source_store import refresh

            refresh(self.directory)
            self.changed = False

    def finish(self) -> None:
        """After `close`: merge the sources if the records changed since the last commit that did."""
        self.merge_sources()


class RecordWriter(_Records):
    """Writes records in step with the documents writer: the same batches, committed together."""

    def __init__(self, directory: Path):
        self.directory = Path(directory)
        self._ix = None
        self._writer = None
        self._searcher = None
        self._written: set[str] = set()
        self.changed = False
        self._merge_next = False

    def _w(self):
        if self._writer is None:
            if self._ix is None:
                self._ix = open_records(self.directory, create=True)
            # compound=False: whoosh copies a compound segment's files into memory on every open;
            # uncompressed postings: records have short posting lists, which zlib barely shrinks
            # (+20% size) for a tenth of the writing time
            self._writer = self._ix.writer(timeout=5.0, limitmb=512, compound=False,
                                           codec=W3Codec(compression=0))
            self._searcher = self._writer.searcher()
        return self._writer

    def replace(self, doc_id: str, records: bytes) -> None:
        """Drop whatever records the document had and write `records` (`records.document_records`,
        pickled: they come from the parse worker and pass through the ingest process unopened)."""
        w = self._w()
        if doc_id in self._written:  # the same content twice in one batch
            return
        self._delete(w, doc_id)
        for rec in pickle.loads(records):
            w.add_document(**{k: v for k, v in rec.items() if v is not None})
        self._written.add(doc_id)
        self.changed = True

    def delete(self, doc_id: str) -> None:
        self._delete(self._w(), doc_id)
        self._written.discard(doc_id)
        self.changed = True

    def _delete(self, w, doc_id: str) -> None:
        for kind in RECORD_TYPES:
            w.delete_by_term("of_doc", f"{kind}:{doc_id}", searcher=self._searcher)

    def start_commit(self, merge_sources: bool = False) -> None:
        """Nothing to start here: `commit` does it all (see RecordWriterProcess.start_commit)."""
        self._merge_next = merge_sources

    def commit(self) -> None:
        self._end("commit")
        if self._merge_next:
            self.merge_sources()
        self._merge_next = False

    def cancel(self) -> None:
        self._end("cancel")

    def _end(self, how: str) -> None:
        if self._writer is not None:
            self._close_searcher()
            getattr(self._writer, how)()
            self._writer = None
            self._written.clear()

    def close(self) -> None:
        self.cancel()

    def _close_searcher(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None


class RecordWriterProcess(_Records):
    """A RecordWriter in a child process ("spawn", like the parse worker). `replace` and `delete`
    are sent without waiting; `commit` and `cancel` wait for the child, and raise what it met."""

    def __init__(self, directory: Path):
        self.directory = Path(directory)
        self.changed = False
        self._committing = False
        self._merging = False
        ctx = multiprocessing.get_context("spawn")
        self._conn, child = ctx.Pipe()
        self._proc = ctx.Process(target=_serve, args=(child, str(self.directory), os.getpid()), daemon=True,
                                 name="breachdesk-records")
        self._proc.start()
        child.close()

    def replace(self, doc_id: str, records: bytes) -> None:
        self._send(("replace", doc_id, records))
        self.changed = True

    def delete(self, doc_id: str) -> None:
        self._send(("delete", doc_id))
        self.changed = True

    def start_commit(self, merge_sources: bool = False) -> None:
        """Let the child commit while this process commits the documents; `commit` then waits. After
        the last batch the child also merges the sources then, instead of this process afterwards."""
        self._send(("commit", merge_sources))
        self._committing = True
        self._merging = merge_sources

    def commit(self) -> None:
        if not self._committing:
            self._send(("commit", False))
            self._merging = False
        self._committing = False
        self._answer()
        if self._merging:
            self.changed = False  # merged by the child

    def cancel(self) -> None:
        if self._committing:  # a commit was started and has to be answered first
            self._committing = False
            self._answer()
        self._send(("cancel",))
        self._answer()

    def close(self) -> None:
        """Stop the child (after a cancel of anything not committed)."""
        if self._proc.is_alive():
            try:
                if self._committing:
                    self._committing = False
                    self._answer()
                self._send(("close",))
                self._answer()
            except RuntimeError:
                pass
        self._conn.close()
        self._proc.join(timeout=10)
        if self._proc.is_alive():
            self._proc.kill()

    def _send(self, message: tuple) -> None:
        try:
            self._conn.send(message)
        except OSError:
            raise RuntimeError(f"the records writer stopped (exit code {self._proc.exitcode})") from None

    def _answer(self) -> None:
        try:
            error = self._conn.recv()
        except (OSError, EOFError):
            raise RuntimeError(f"the records writer stopped (exit code {self._proc.exitcode})") from None
        if error:
            raise RuntimeError(f"writing records failed: {error}")


def exit_with_parent(parent: int) -> None:
    """In a helper process: exit when the parent dies. A killed ingest otherwise left its parse
    worker waiting forever on a queue whose other end it holds itself."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, daemon=True, name="exit-with-parent").start()


def _serve(conn, directory: str, parent: int) -> None:
    """The child's loop. Ctrl-C is the parent's to handle: it commits what it has, then says so."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    exit_with_parent(parent)
    writer = RecordWriter(Path(directory))
    error: str | None = None  # the first failure of a replace or delete, told at the next commit
    while True:
        try:
            op, *args = conn.recv()
        except EOFError:  # the parent is gone: keep nothing half-written
            writer.cancel()
            return
        if op in ("replace", "delete"):  # not answered: a failure is told at the next commit
            if error is None:
                try:
                    getattr(writer, op)(*args)
                except Exception as exc:
                    error = f"{type(exc).__name__}: {exc}"
            continue
        try:
            if op == "commit" and error is not None:
                writer.cancel()  # a batch with a failed record is not committed half
            elif op == "commit":
                writer.start_commit(*args)  # whether to merge the sources after it
                writer.commit()
            else:
                getattr(writer, op)()
        except Exception as exc:  # told to the parent, which reports it against the ingest
            error = error or f"{type(exc).__name__}: {exc}"
        try:
            conn.send(error)
        except OSError:  # the parent is gone (killed while waiting for this commit)
            return
        error = None
        if op == "close":
            return
