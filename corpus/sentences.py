"""Sentence boundaries as offsets, shared by the quote, claim and figure extractors.

Rule-based on purpose: it must be fast (every ingested article goes through it) and keep offsets
exact. Abbreviations such as "Mr." or "U.S." and decimal numbers do not end a sentence.
"""

from __future__ import annotations

import re

_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "gen", "gov", "sen", "rep", "rev", "col",
    "lt", "sgt", "capt", "cmdr", "adm", "pres", "supt", "insp", "hon", "inc", "ltd", "co", "corp", "plc",
    "no", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "u.s", "u.k", "u.n", "e.g", "i.e", "a.m", "p.m", "d.c", "approx", "est", "dept", "univ",
}

# A candidate end: terminal punctuation, optional closing quotes/brackets, then whitespace. (The
# lookahead lets the search pass over other characters quickly.)
_END = re.compile(r"(?=[.!?\n])(?:[.!?]+[\"'”’)\]]*(?=\s)|\n\s*\n)")
_NEXT = re.compile(r"\s*(\S)")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) offsets of the sentences of `text`, whitespace trimmed.

    Paragraph breaks (blank lines) always end a sentence.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        end = m.end()
        if not m.group().startswith("\n"):
            token = _word_before(text, start, m.start()).rstrip(".").lower()
            if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue
            nxt = _NEXT.match(text, end)
            if nxt and nxt.group(1).islower():
                continue
        _add(text, start, end, spans)
        start = end
    _add(text, start, len(text), spans)
    return spans


def _word_before(text: str, start: int, end: int) -> str:
    """The run of word characters and dots that ends at `end` ("U.S" before "U.S. officials"),
    read backwards: a regex anchored at the end would try every position of the sentence."""
    i = end
    while i > start and (text[i - 1].isalnum() or text[i - 1] in "._"):
        i -= 1
    return text[i:end]


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        s = start + chunk.index(stripped[0])
        spans.append((s, s + len(stripped)))
