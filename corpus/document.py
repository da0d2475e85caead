"""The one shape every loader produces, whatever the input format."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime

KINDS = ("article", "statement", "other")


class LoadError(Exception):
    """A file that cannot become a document; the message is the one-line reason shown to the user."""


@dataclass
class Aside:
    """Text printed beside the article but not part of it: an image caption or a pull-quote.

    Kept out of `Document.text` (so it is not indexed as article text) but kept, because captions
    carry figures and a pull-quote repeats a quote whose speaker its `credit` line names.
    """

    kind: str  # "caption" or "pull-quote"
    text: str
    credit: str | None = None  # "GETTY" for a caption, "Facebook's CTO Mike Schroepfer" for a pull-quote

    def to_dict(self) -> dict:
        return {"kind": self.kind, "text": self.text, "credit": self.credit}


@dataclass
class Document:
    """A cleaned article or statement.

    `text` is the clean body; `paragraphs` are (start, end) character offsets into it, so that
    quotes and figures found later can point back into the same string.
    """

    id: str
    path: str
    text: str
    kind: str = "article"
    title: str | None = None
    outlet: str | None = None
    authors: list[str] = field(default_factory=list)
    published: datetime | None = None
    url: str | None = None
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    asides: list[Aside] = field(default_factory=list)

    def to_dict(self) -> dict:
        """JSON-ready fields (dates as ISO 8601)."""
        return {
            "id": self.id,
            "path": self.path,
            "kind": self.kind,
            "title": self.title,
            "outlet": self.outlet,
            "authors": list(self.authors),
            "published": self.published.isoformat() if self.published else None,
            "url": self.url,
            "text": self.text,
            "paragraphs": [list(p) for p in self.paragraphs],
            "asides": [a.to_dict() for a in self.asides],
        }


def content_id(data: bytes) -> str:
    """Stable id of a file's content: the same bytes always give the same document id."""
    return hashlib.sha256(data).hexdigest()[:16]


def join_paragraphs(paragraphs: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Join paragraphs with blank lines and return the text with each paragraph's offsets."""
    text_parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    pos = 0
    for para in paragraphs:
        para = para.strip()
        if not para:
            continue
        if text_parts:
            text_parts.append("\n\n")
            pos += 2
        offsets.append((pos, pos + len(para)))
        text_parts.append(para)
        pos += len(para)
    return "".join(text_parts), offsets


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Offsets of the blank-line separated paragraphs of an existing text (left unchanged)."""
    spans = []
    for m in re.finditer(r"(?:[^\n]|\n(?![ \t]*\n))+", text):
        chunk = m.group()
        stripped = chunk.strip()
        if stripped:
            start = m.start() + chunk.index(stripped[0])
            spans.append((start, start + len(stripped)))
    return spans
