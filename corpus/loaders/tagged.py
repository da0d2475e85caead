"""The tagged text format of security-news corpora: `<title>`, `<source>` URL, `<date>`, `<text>`."""

from __future__ import annotations

import html
import re

from corpus.dates import parse_date
from corpus.document import Document, LoadError, content_id, join_paragraphs
from corpus.kinds import guess_kind
from corpus.loaders.text import clean_copy
from corpus.outlets import title_and_outlet

_TAG = re.compile(r"<(title|source|date|text|author|outlet)>\s*(.*?)\s*</\1>", re.S | re.I)


def looks_tagged(text: str) -> bool:
    head = text[:4000].lower()
    return "<text>" in head and ("<title>" in head or "<source>" in head) and "<html" not in head


def load_tagged(text: str, path: str, data: bytes | None = None) -> Document:
    fields: dict[str, str] = {}
    for m in _TAG.finditer(text):
        fields.setdefault(m.group(1).lower(), html.unescape(m.group(2)))
    body = fields.get("text")
    if not body:
        raise LoadError("tagged text without a <text> body")
    url = fields.get("source") or None
    blocks = [b.strip() for b in re.split(r"\n\s*\n|\n", body) if b.strip()]
    copy = clean_copy(blocks, fields.get("title"))
    title, outlet = title_and_outlet(fields.get("title") or None, url, fields.get("outlet") or copy.outlet)
    clean, offsets = join_paragraphs(copy.paragraphs or blocks)
    return Document(
        id=content_id(data if data is not None else text.encode("utf-8")),
        path=path,
        text=clean,
        kind=guess_kind(title or "", clean, url),
        title=title,
        outlet=outlet,
        authors=[fields["author"]] if fields.get("author") else copy.authors,
        published=parse_date(fields.get("date")),
        url=url,
        paragraphs=offsets,
        asides=copy.asides,
    )
