"""What was ingested, file by file, in SQLite next to the index.

Whoosh is not crash-safe, so this is the record the index can always be rebuilt from; it is also
what makes ingest incremental (a file whose content hash is unchanged is skipped). A row is written
only after the Whoosh commit that holds its documents, so a crash between the two at worst makes
the next run redo a few files (documents are replaced by id, never duplicated).
"""

from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass
class FileEntry:
    path: str
    sha: str
    size: int
    mtime: float
    doc_ids: list[str]


class Manifest:
    def __init__(self, directory: Path):
        self.path = Path(directory) / "manifest.sqlite"
        self._db = sqlite3.connect(self.path, timeout=10)
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, sha TEXT NOT NULL, size INTEGER,"
            " mtime REAL, doc_ids TEXT NOT NULL, ingested_at REAL)"
        )
        self._db.commit()

    def get(self, path: str) -> FileEntry | None:
        row = self._db.execute("SELECT path, sha, size, mtime, doc_ids FROM files WHERE path = ?", (path,)).fetchone()
        return _entry(row) if row else None

    def all(self) -> list[FileEntry]:
        rows = self._db.execute("SELECT path, sha, size, mtime, doc_ids FROM files ORDER BY path")
        return [_entry(r) for r in rows]

    def put_many(self, entries: list[FileEntry]) -> None:
        now = time.time()
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?)",
                [(e.path, e.sha, e.size, e.mtime, json.dumps(e.doc_ids), now) for e in entries],
            )

    def remove_many(self, paths: list[str]) -> None:
        with self._db:
            self._db.executemany("DELETE FROM files WHERE path = ?", [(p,) for p in paths])

    def doc_ids_elsewhere(self, doc_ids: list[str], path: str) -> set[str]:
        """Those of `doc_ids` that another file also holds (the same article saved twice)."""
        wanted = set(doc_ids)
        found: set[str] = set()
        for (ids,) in self._db.execute("SELECT doc_ids FROM files WHERE path != ?", (path,)):
            found |= wanted & set(json.loads(ids))
        return found

    def close(self) -> None:
        self._db.close()


def _entry(row) -> FileEntry:
    return FileEntry(row[0], row[1], row[2], row[3], json.loads(row[4]))
