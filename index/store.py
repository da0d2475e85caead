"""Opening the index, the ingest lock, and turning Documents into Whoosh records."""

from __future__ import annotations

import fcntl
import json
import os
import time
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from corpus.document import Document
from index.manifest import Manifest
from index.schema import document_schema
from index.whoosh_api import EmptyIndexError
from index.whoosh_api import index as whoosh_index

DOCS = "docs"  # index name inside the directory
# Bumped whenever what ingest writes changes shape (schemas, records, sources): an index of another
# format is rebuilt from its manifest rather than read wrongly.
FORMAT = "8"
FORMAT_FILE = "FORMAT"
# Files in the index folder that are the user's own work, not derived from the articles: a rebuild keeps them.
USER_FILES = ("notes.sqlite",)


class IndexBusy(Exception):
    """Another process is writing to the index."""


class IndexMissing(Exception):
    """No index at the given location yet."""


class IndexBroken(Exception):
    """The index files cannot be opened (e.g. a crash left them inconsistent)."""


class IndexOutdated(IndexBroken):
    """The index was written by a breachdesk whose index format differs from this one."""


def open_index(directory: Path, create: bool = False):
    """Open (or with `create`, create) the documents index in `directory`."""
    directory = Path(directory)
    try:
        if whoosh_index.exists_in(directory, indexname=DOCS):
            check_format(directory)
            return whoosh_index.open_dir(directory, indexname=DOCS)
    except EmptyIndexError:
        pass
    except IndexOutdated:
        raise
    except Exception as exc:  # a torn or corrupt segment
        raise IndexBroken(f"index at {directory} cannot be opened ({exc}); run `breachdesk rebuild`") from None
    if not create:
        raise IndexMissing(f"no index at {directory}; run `breachdesk ingest PATH` first")
    directory.mkdir(parents=True, exist_ok=True)
    ix = whoosh_index.create_in(directory, document_schema(), indexname=DOCS)
    (directory / FORMAT_FILE).write_text(FORMAT + "\n")
    return ix


def check_format(directory: Path) -> None:
    """Raise IndexOutdated when the index in `directory` was written in another format."""
    try:
        found = (directory / FORMAT_FILE).read_text().strip()
    except OSError:
        found = "1"
    if found != FORMAT:
        raise IndexOutdated(f"the index at {directory} was built by another version of breachdesk "
                            f"(format {found}, this one reads {FORMAT}); run `breachdesk rebuild`")


@contextmanager
def ingest_lock(directory: Path, wait: float = 3.0):
    """Hold the index's writer lock for a whole ingest; wait up to `wait` seconds, then IndexBusy.

    An OS-level lock (flock) is released by the kernel if the process dies, so a killed ingest
    never leaves a stale lock behind.
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    fd = os.open(directory / "ingest.lock", os.O_RDWR | os.O_CREAT, 0o644)
    deadline = time.monotonic() + wait
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise IndexBusy(
                        f"another breachdesk process is writing to {directory}; try again when it has finished"
                    ) from None
                time.sleep(0.1)
        yield
    finally:
        os.close(fd)


def open_manifest(directory: Path) -> Manifest:
    Path(directory).mkdir(parents=True, exist_ok=True)
    return Manifest(directory)


def to_naive_utc(dt: datetime | None) -> datetime | None:
    """Whoosh stores naive datetimes: convert to UTC first so that all dates compare correctly."""
    if dt is None:
        return None
    if dt.tzinfo is not None:
        dt = dt.astimezone(UTC).replace(tzinfo=None)
    return dt


def outlet_key(outlet: str | None) -> str:
    from corpus.outlets import normalise_outlet

    return normalise_outlet(outlet) or ""


def document_fields(doc: Document, extraction=None) -> dict:
    """The Whoosh fields of one document (`extraction` adds counts and speakers when given)."""
    fields = {
        "id": doc.id,
        "path": doc.path,
        "kind": doc.kind,
        "title": doc.title or "",
        "outlet": doc.outlet or "",
        "outlet_key": outlet_key(doc.outlet),
        "author": "; ".join(doc.authors),
        "url": doc.url or "",
        "text": doc.text,
        "paragraphs": json.dumps(doc.paragraphs),
        "asides": json.dumps([a.to_dict() for a in doc.asides]),
        "quotes": 0,
        "figures": 0,
    }
    date = to_naive_utc(doc.published)
    if date is not None:
        fields["date"] = date
    if extraction is not None:
        fields["quotes"] = len(extraction.quotes)
        fields["figures"] = len(extraction.figures)
        speakers = sorted({q.speaker for q in extraction.quotes if q.speaker})
        if speakers:
            fields["speaker"] = "; ".join(speakers)
    return fields
