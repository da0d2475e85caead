"""Pick a loader by what a file contains (its extension is only a hint) and run it.

Every failure is a `LoadError` whose message is the one-line reason the CLI prints next to the path.
"""

from __future__ import annotations

import re
from pathlib import Path

from corpus.dates import date_from_path
from corpus.decode import decode_bytes
from corpus.document import Document, LoadError

MAX_BYTES = 20 * 1024 * 1024  # a saved news page is rarely over 2 MB; 20 MB is something else

_HTML_HINT = re.compile(r"<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<article[\s>]|<p[\s>]", re.I)


def sniff(text: str, suffix: str = "") -> str:
    """Name the format of `text`: "html", "json", "tagged" or "text"."""
    from corpus.loaders.tagged import looks_tagged

    head = text.lstrip()[:2048]
    if head[:1] in "{[" and suffix not in (".txt", ".md", ".html", ".htm"):
        return "json"
    if head[:1] in "{[" and suffix in (".txt", ".md") and head[:1] == "{" and head.rstrip().endswith(("}", '"')):
        return "json"
    if looks_tagged(text):
        return "tagged"
    if _HTML_HINT.search(head) or (suffix in (".html", ".htm", ".xhtml") and "<" in head):
        return "html"
    return "text"


def load_bytes(data: bytes, path: str) -> list[Document]:
    """Decode and parse the content of one file into one or more documents."""
    return _date_fallback(_load_bytes(data, path), path)


def _load_bytes(data: bytes, path: str) -> list[Document]:
    if len(data) > MAX_BYTES:
        raise LoadError(f"file too large ({len(data) // (1024 * 1024)} MB; limit {MAX_BYTES // (1024 * 1024)} MB)")
    text = decode_bytes(data)
    kind = sniff(text, Path(path).suffix.lower())
    if kind == "json":
        from corpus.loaders.records import load_records

        return load_records(text, path)
    if kind == "tagged":
        from corpus.loaders.tagged import load_tagged

        return [load_tagged(text, path, data)]
    if kind == "html":
        from corpus.loaders.html import load_html

        doc = load_html(text, path)
    else:
        from corpus.loaders.text import load_text

        doc = load_text(text, path, data)
    if not doc.text.strip():
        raise LoadError("no article text found")
    return [doc]


def _date_fallback(docs: list[Document], path: str) -> list[Document]:
    """Saved copy often has no date in it but one in its file name (`…__2024-03-06__….txt`)."""
    for doc in docs:
        if doc.published is None:
            doc.published = date_from_path(path)
    return docs


def load_file(path: str | Path) -> list[Document]:
    """Read and parse one file; raises LoadError with a reason for anything unreadable."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise LoadError(f"file too large ({size // (1024 * 1024)} MB; limit {MAX_BYTES // (1024 * 1024)} MB)")
        data = p.read_bytes()
    except FileNotFoundError:
        raise LoadError("no such file") from None
    except IsADirectoryError:
        raise LoadError("is a directory") from None
    except PermissionError:
        raise LoadError("permission denied") from None
    except OSError as exc:
        raise LoadError(f"cannot read ({exc.strerror or exc})") from None
    return load_bytes(data, str(p))
