"""Pair quotation marks into quoted passages, paragraph by paragraph.

Marks are classified by what surrounds them rather than by their glyph, because real text uses
straight marks, curly marks and curly marks the wrong way round (`It reads: ”Cambridge …`): a mark
after a space and before a word opens, a mark after a word and before a space or punctuation closes;
only when the context says nothing does the glyph decide. Doubles nest through a stack; single marks
are only taken as quotation marks outside double quotes and never between two letters (apostrophes).
A passage still open at the end of its paragraph ends there (`closed=False`); if the next paragraph
opens with a mark, that passage is its continuation (`continued=True`), the newspaper convention for a
quotation running over several paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE = "\"“”„«»"
SINGLE = "'‘’‚"
OPEN_GLYPHS = "“„«‘‚"
CLOSE_GLYPHS = "”»’"
_PRE_OPEN = set(" \t\n\r\xa0([{—–-/:;") | set(OPEN_GLYPHS) | {"\u2002", "\u2003", "\u2009"}
_POST_CLOSE = set(" \t\n\r\xa0.,;:!?)]}—–-…/") | set(CLOSE_GLYPHS)
# Two apostrophes stand for a double mark in some archives (''like this''); of three, two are the
# double mark and one closes or opens a nested single quotation.
_DOUBLE_RE = re.compile("'''?|[\"“”„«»]")
_SINGLE_RE = re.compile("['‘’‚]")
_PARA_RE = re.compile(r"\n[ \t\xa0]*\n")


@dataclass
class Passage:
    """A quoted passage: `start`/`end` include the marks; `inner_*` exclude them."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    para: int  # index of the paragraph it sits in
    closed: bool = True
    continued: bool = False  # continues a passage left open at the end of the previous paragraph
    single: bool = False  # delimited by single marks


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph offsets: at blank lines, and also at a single line break that ends a sentence and
    starts a new one or that comes before an opening quote mark (texts mixing both conventions);
    one paragraph per line when the text has no blank line at all."""
    blank = _PARA_RE.search(text) is not None
    spans: list[tuple[int, int]] = []
    pos = 0
    i = text.find("\n")
    while i >= 0:
        if not blank or _breaks(text, i):
            _add_para(text, pos, i, spans)
            pos = i + 1
        i = text.find("\n", i + 1)
    _add_para(text, pos, len(text), spans)
    return spans


def _breaks(text: str, i: int) -> bool:
    """Does the line break at text[i] end a paragraph of a text that has blank lines?"""
    nxt = _NEXT_RE.match(text, i + 1)
    if nxt is None:
        return True
    following = nxt.group(1)
    if following == "\n" or following in "“\"":
        return True
    prev = text[max(0, i - 16) : i].rstrip(" \t\xa0")[-1:]
    return prev in ".!?\"”’:)]" and (following.isupper() or following.isdigit() or following in "‘'([")


_NEXT_RE = re.compile(r"[ \t\xa0]*(.)", re.DOTALL)


def _add_para(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def _role(text: str, i: int, lo: int, hi: int) -> str:
    """'o' (opens), 'c' (closes) or 'u' (unknown) for the mark at text[i] inside paragraph [lo, hi)."""
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    left = prev in _PRE_OPEN and not nxt.isspace()
    right = not prev.isspace() and (nxt in _POST_CLOSE or nxt.isspace())
    if left and not right:
        return "o"
    if right and not left:
        return "c"
    ch = text[i]
    if ch in OPEN_GLYPHS:
        return "o"
    if ch in CLOSE_GLYPHS:
        return "c"
    return "u"


def find_passages(text: str, paras: list[tuple[int, int]] | None = None) -> list[Passage]:
    """Every top-level quoted passage of `text`, in order."""
    if paras is None:
        paras = paragraphs(text)
    out: list[Passage] = []
    carry = False  # previous paragraph ended inside a quotation
    for pi, (lo, hi) in enumerate(paras):
        doubles = _pair_doubles(text, lo, hi, pi, carry)
        carry = bool(doubles) and not doubles[-1].closed
        out.extend(doubles)
        if "'" in text[lo:hi] or "‘" in text[lo:hi] or "’" in text[lo:hi]:
            out.extend(_pair_singles(text, lo, hi, pi, doubles))
    out.sort(key=lambda p: p.start)
    return out


def _pair_doubles(text: str, lo: int, hi: int, pi: int, carry: bool) -> list[Passage]:
    found: list[Passage] = []
    depth = 0
    open_at = open_len = -1
    for m in _DOUBLE_RE.finditer(text, lo, hi):
        i, j = m.span()
        if j - i > 1:
            if text[i - 1 : i].isalnum() and text[j : j + 1].isalnum():
                continue
            role = _role_span(text, i, j, lo, hi)
            if j - i == 3:
                i, j = (i + 1, j) if role == "c" else (i, j - 1)
        else:
            role = _role(text, i, lo, hi)
        if depth == 0:
            if role == "c" and i > lo:
                continue  # a stray closer (or an inch mark) outside any quotation
            depth, open_at, open_len = 1, i, j - i
        elif role == "o":
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                found.append(Passage(open_at, j, open_at + open_len, i, pi))
    if depth > 0:
        found.append(Passage(open_at, hi, open_at + open_len, hi, pi, closed=False))
    if carry and found and found[0].start == lo:
        found[0].continued = True
    return [p for p in found if p.inner_end > p.inner_start]


def _role_span(text: str, i: int, j: int, lo: int, hi: int) -> str:
    """Like `_role`, for a mark written with two or three apostrophes."""
    prev = text[i - 1] if i > lo else " "
    nxt = text[j] if j < hi else " "
    left = prev in _PRE_OPEN and not nxt.isspace()
    right = not prev.isspace() and (nxt in _POST_CLOSE or nxt.isspace())
    if left and not right:
        return "o"
    if right and not left:
        return "c"
    return "u"


def _pair_singles(text: str, lo: int, hi: int, pi: int, doubles: list[Passage]) -> list[Passage]:
    """Single-mark quotations outside double quotes (`admits 'mistake'`, British `'We are …'`)."""
    found: list[Passage] = []
    open_at = -1
    di = 0
    for m in _SINGLE_RE.finditer(text, lo, hi):
        i = m.start()
        while di < len(doubles) and doubles[di].end <= i:
            di += 1
        if di < len(doubles) and doubles[di].start <= i:
            open_at = -1
            continue
        prev = text[i - 1] if i > lo else " "
        nxt = text[i + 1] if i + 1 < hi else " "
        if prev.isalnum() and nxt.isalnum():
            continue  # apostrophe inside a word
        if prev == "'" or nxt == "'":
            continue  # part of a double mark written ''like this
        role = _role(text, i, lo, hi)
        if open_at < 0:
            if role == "o" and nxt.isalpha() and text[i] != "’":
                # "'90s", "'em", "rock 'n' roll" are elisions, not openers
                if text[i + 1 : i + 4].lower() in ("em ", "n' ", "til") or nxt.isdigit():
                    continue
                open_at = i
        elif role == "c" and not (prev in "sS" and nxt.isspace() and _more_closers(text, i + 1, hi)):
            if di < len(doubles) and doubles[di].start < i:
                open_at = -1
                continue
            found.append(Passage(open_at, i + 1, open_at + 1, i, pi, single=True))
            open_at = -1
    return [p for p in found if p.inner_end > p.inner_start]


def _more_closers(text: str, start: int, hi: int) -> bool:
    """After `users'`, is there a later single mark that could close the quotation instead?"""
    for m in _SINGLE_RE.finditer(text, start, hi):
        j = m.start()
        nxt = text[j + 1] if j + 1 < hi else " "
        if not (text[j - 1].isalnum() and nxt.isalnum()):
            return True
    return False
