"""JSON and JSON Lines article records, under the field names that scrapers and datasets use.

A record is an article when it has body text under one of the known names; an `html` field is
handed to the HTML loader. A file of several records gives several documents, each with its own
path (`file.jsonl#3` = third record) and a content id of its own.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from corpus.dates import parse_date
from corpus.document import Document, LoadError, content_id, join_paragraphs
from corpus.kinds import guess_kind
from corpus.loaders.text import clean_copy
from corpus.outlets import title_and_outlet

# Body text, best first: AllSides keeps the untokenised text in `content_original`.
TEXT_FIELDS = ("content_original", "text", "body", "articleBody", "article", "content", "story", "description")
TITLE_FIELDS = ("title", "headline", "name")
OUTLET_FIELDS = ("outlet", "source", "publisher", "site_name", "siteName", "source_name", "media")
DATE_FIELDS = ("published", "date", "publish_date", "published_at", "publishedAt", "datePublished", "pubDate", "time")
AUTHOR_FIELDS = ("authors", "author", "byline", "creator")
URL_FIELDS = ("url", "link", "canonical_url", "source_url")
KIND_FIELDS = ("kind", "type")


def load_records(text: str, path: str) -> list[Document]:
    """Parse a JSON document, a JSON array of records, or JSON Lines into documents."""
    records = list(_records(text, path))
    if not records:
        raise LoadError("JSON holds no records")
    docs = []
    for n, record in records:
        record_path = path if len(records) == 1 else f"{path}#{n}"
        doc = record_to_document(record, record_path)
        if doc is not None:
            docs.append(doc)
    if not docs:
        raise LoadError(f"JSON holds no article records (no field among {', '.join(TEXT_FIELDS[:4])}, html)")
    return docs


def _records(text: str, path: str) -> Iterator[tuple[int, dict]]:
    stripped = text.lstrip()
    try:
        data = json.loads(stripped)
    except json.JSONDecodeError as exc:
        if not stripped.startswith("{") or "\n" not in stripped.strip():
            raise LoadError(f"malformed JSON (line {exc.lineno}: {exc.msg})") from None
        yield from _json_lines(stripped)
        return
    if isinstance(data, dict):
        for key in ("articles", "items", "results", "data", "docs"):
            if isinstance(data.get(key), list) and not _text_of(data):
                data = data[key]
                break
    if isinstance(data, dict):
        yield 1, data
    elif isinstance(data, list):
        yield from ((n, r) for n, r in enumerate(data, 1) if isinstance(r, dict))
    else:
        raise LoadError("JSON is not an object or a list of objects")


def _json_lines(text: str) -> Iterator[tuple[int, dict]]:
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise LoadError(f"malformed JSON Lines (line {n}: {exc.msg})") from None
        if isinstance(record, dict):
            yield n, record


def _first(record: dict, names: tuple[str, ...]):
    for name in names:
        value = record.get(name)
        if value not in (None, "", [], {}):
            return value
    return None


def _text_of(record: dict) -> str | None:
    value = _first(record, TEXT_FIELDS)
    return value if isinstance(value, str) and value.strip() else None


def _name(value) -> str | None:
    """A name from a string or a schema.org-like object ({"name": …})."""
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, list):
        value = value[0] if value else None
        return _name(value)
    return str(value).strip() or None if value else None


def _authors(value) -> list[str]:
    if value is None:
        return []
    items = value if isinstance(value, list) else re.split(r",|;|\band\b", str(value))
    names = []
    for item in items:
        name = _name(item)
        if name:
            name = re.sub(r"^By\s+", "", name.strip().strip('"'))
            if name and not name.startswith("http"):
                names.append(name)
    return names


def record_to_document(record: dict, path: str) -> Document | None:
    """One record -> Document, or None when it has no article text."""
    html = record.get("html")
    if isinstance(html, str) and html.strip() and not _text_of(record):
        from corpus.loaders.html import load_html

        doc = load_html(html, path)
        doc.title = doc.title or _name(_first(record, TITLE_FIELDS))
        doc.outlet = doc.outlet or _name(_first(record, OUTLET_FIELDS))
        doc.url = doc.url or _name(_first(record, URL_FIELDS))
        return doc
    body = _text_of(record)
    if body is None:
        return None
    title = _name(_first(record, TITLE_FIELDS))
    url = _name(_first(record, URL_FIELDS))
    blocks = [b.strip() for b in re.split(r"\n\s*\n|\n", body.replace("\r\n", "\n")) if b.strip()]
    copy = clean_copy(blocks, title)
    clean, offsets = join_paragraphs(copy.paragraphs or blocks)
    title, outlet = title_and_outlet(title, url, _name(_first(record, OUTLET_FIELDS)) or copy.outlet)
    kind = str(_first(record, KIND_FIELDS) or "").lower()
    return Document(
        id=content_id(json.dumps(record, sort_keys=True, ensure_ascii=False).encode("utf-8")),
        path=path,
        text=clean,
        kind=kind if kind in ("article", "statement", "other") else guess_kind(title or "", clean, url),
        title=title,
        outlet=outlet,
        authors=_authors(_first(record, AUTHOR_FIELDS)) or copy.authors,
        published=parse_date(_first(record, DATE_FIELDS)),
        url=url,
        paragraphs=offsets,
        asides=copy.asides,
    )
