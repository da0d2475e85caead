"""Plain-text and Markdown news copy: the first line is the title, then standfirst, byline, body.

Copy pasted or dumped from a page also carries picture credits, captions, pull-quotes, related-story
headlines and newsletter prompts. Captions and pull-quotes become `Aside`s (they carry figures and
speakers); the rest is dropped. Markdown page dumps (`**Title**:`, `**Source**:`, `## Content`)
are handled here too: their navigation is mostly short lines without sentence punctuation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from corpus.boilerplate import (
    CAPTION_LINE,
    NEWSLETTER_OUTLET,
    PROMPT_LINE,
    SENTENCE_END,
    byline_authors,
    credit_of,
    is_prose,
)
from corpus.dates import parse_date
from corpus.document import Aside, Document, content_id, join_paragraphs
from corpus.kinds import guess_kind
from corpus.outlets import title_and_outlet

_MD_FIELD = re.compile(r"^\s*\*\*(Title|Source|URL|Date|Author|Outlet|Publisher)\*\*\s*:\s*(.+?)\s*$", re.I)
_MD_HEADING = re.compile(r"^\s*#{1,6}\s+")
_QUOTE_MARKS = "\"“”„«»"
_MAX_CAPTION_WORDS = 45
_MAX_CREDIT_WORDS = 9


@dataclass
class CleanCopy:
    """What the line rules make of a run of news copy."""

    paragraphs: list[str] = field(default_factory=list)
    asides: list[Aside] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    outlet: str | None = None


def load_text(text: str, path: str, data: bytes | None = None) -> Document:
    """Parse news copy into a Document (title, authors, outlet, body paragraphs, asides)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    fields, lines = _split_markdown_fields(text.split("\n"))
    blocks = list(_blocks(lines))
    title = fields.get("title")
    if title is None and blocks:
        title = _MD_HEADING.sub("", blocks.pop(0)).strip()
    copy = clean_copy(blocks, title)
    authors = [a.strip() for a in re.split(r",| and ", fields.get("author", "")) if a.strip()] or copy.authors
    url = fields.get("source") or fields.get("url")
    title, outlet = title_and_outlet(title, url, fields.get("outlet") or fields.get("publisher") or copy.outlet)
    clean, offsets = join_paragraphs(copy.paragraphs)
    return Document(
        id=content_id(data if data is not None else text.encode("utf-8")),
        path=path,
        text=clean,
        kind=guess_kind(title or "", clean, url),
        title=title or None,
        outlet=outlet or None,
        authors=authors,
        published=parse_date(fields.get("date")),
        url=url,
        paragraphs=offsets,
        asides=copy.asides,
    )


def clean_copy(blocks: list[str], title: str | None = None) -> CleanCopy:
    """Sort paragraphs of copy into body, asides (captions, pull-quotes) and dropped lines.

    Also picks up what those lines tell: a byline's authors, a newsletter prompt's outlet.
    """
    out = CleanCopy()
    quoted = _quoted_text(blocks)
    title_norm = _norm(title) if title else None
    i = 0
    while i < len(blocks):
        block = blocks[i]
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        i += 1
        if title and _norm_is(block, title_norm):
            continue
        if title and len(title) > 20 and title in block[1:]:
            block = block[block.rindex(title) + len(title) :].strip()  # title glued after page furniture
            if not block:
                continue
        names = byline_authors(block)
        if names is not None:
            out.authors = out.authors or names
            continue
        m = NEWSLETTER_OUTLET.search(block) if block.rstrip().endswith("?") else None  # a prompt ends in "?"
        if m:
            out.outlet = out.outlet or m.group(1).strip()
            continue
        if CAPTION_LINE.match(block):
            out.asides.append(Aside("caption", CAPTION_LINE.sub("", block).strip()))
            continue
        if _is_pull_quote(block, nxt, quoted):
            out.asides.append(Aside("pull-quote", block, nxt))
            i += 1
            continue
        n_words = len(block.split())
        if n_words <= 20 and not block.endswith((".", "!", "?", "\"", "”", "’")):
            credit = credit_of(block)
            if credit is not None:
                if nxt is not None and _looks_like_caption(nxt):
                    out.asides.append(Aside("caption", nxt, credit or None))
                    i += 1
                continue
        if n_words < 30 and PROMPT_LINE.search(block):
            continue
        if not is_prose(block, min_words=4) and not _opens_quote(block):
            continue  # headings, related-story links, menus
        out.paragraphs.append(block)
    return out


def _split_markdown_fields(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    """Pull `**Title**: …` style fields out of a Markdown dump; drop its scaffolding headings."""
    fields: dict[str, str] = {}
    kept: list[str] = []
    for line in lines:
        m = _MD_FIELD.match(line)
        if m:
            fields.setdefault(m.group(1).lower(), m.group(2))
            continue
        kept.append(line)
    if fields:
        # The dump's own headings ("# Reference for …", "## Content") are not the article's.
        kept = [ln for ln in kept if not _MD_HEADING.match(ln)]
    return fields, kept


def _blocks(lines: list[str]):
    """Paragraphs: blank-line separated. A block whose lines end sentences (a page dump, one
    paragraph per line) or are short (a menu, a caption under its credit) is split into lines;
    only hard-wrapped prose is joined."""
    current: list[str] = []
    for line in lines + [""]:
        if line.strip():
            current.append(line.strip())
            continue
        if not current:
            continue
        if len(current) > 1 and not _wrapped(current):
            for line_ in current:
                yield from _unglue(line_)
        else:
            yield from _unglue(" ".join(current))
        current = []


def _wrapped(lines: list[str]) -> bool:
    inner = lines[:-1]
    ends = sum(1 for ln in inner if SENTENCE_END.search(ln))
    return ends * 2 < len(inner) and all(40 <= len(ln) <= 120 for ln in inner)


# "…since the fiasco began at the end of May.Cybercrime NewsNews…": text glued to page furniture.
_GLUED = re.compile(r"(?<=[a-z0-9)][.!?])(?=[A-Z][a-z])|(?<=[a-z0-9)][.!?][”\"])(?=[A-Z])")


def _unglue(block: str):
    if len(block) < 200:
        yield block
        return
    yield from (piece for piece in _GLUED.split(block) if piece.strip())


def _quoted_text(blocks: list[str]) -> list[str]:
    """Normalised paragraphs that contain quote marks, to recognise pull-quotes that repeat them."""
    return [_norm(block) for block in blocks if any(q in block for q in _QUOTE_MARKS)]


@lru_cache(maxsize=4)
def _vocabulary(quoted: tuple[str, ...]) -> frozenset[str]:
    return frozenset(" ".join(quoted).split())


_WORD = re.compile(r"\w+")


def _norm(text: str) -> str:
    """Lower-case words joined by single spaces (all else dropped)."""
    return " ".join(_WORD.findall(text.lower()))


def _norm_is(text: str, norm: str) -> bool:
    """`_norm(text) == norm`, comparing the first words before normalising the whole text."""
    first = _WORD.search(text.lower())
    if (first.group() if first else "") != norm.partition(" ")[0]:
        return False
    return _norm(text) == norm


def _opens_quote(block: str) -> bool:
    return block[:1] in _QUOTE_MARKS and len(block.split()) >= 4


def _looks_like_caption(block: str) -> bool:
    return len(block.split()) <= _MAX_CAPTION_WORDS and not block.endswith((".", "?", "!")) or (
        len(block.split()) <= 25 and block.count(".") <= 1
    )


def _is_pull_quote(block: str, nxt: str | None, quoted: list[str]) -> bool:
    """A paragraph without marks that repeats quoted words, followed by a short credit line."""
    if nxt is None or any(q in block for q in _QUOTE_MARKS) or len(block.split()) < 6:
        return False
    if len(nxt.split()) > _MAX_CREDIT_WORDS or SENTENCE_END.search(nxt) or not nxt[:1].isupper():
        return False
    words = _norm(block)
    vocabulary = _vocabulary(tuple(quoted))
    tokens = words.split()
    if sum(t in vocabulary for t in tokens) < 0.9 * len(tokens):
        return False  # cheap test first: a repeat uses the quoted words
    # Pull-quotes are trimmed ("—mostly in the US —" dropped), so all words present is enough.
    return any(fuzz.partial_ratio(words, q) >= 90 or fuzz.token_set_ratio(words, q) >= 97 for q in quoted)
