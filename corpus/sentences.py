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

# A candidate end: terminal punctuation, optional closing quotes/brackets, then whitespace.
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)|\n\s*\n")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) offsets of the sentences of `text`, whitespace trimmed.

    Paragraph breaks (blank lines) always end a sentence.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        end = m.end()
        if not m.group().startswith("\n"):
            word = re.search(r"([\w.]+)[.!?]*$", text[start : m.start() + 1])
            token = word.group(1).rstrip(".").lower() if word else ""
            if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue
            nxt = re.match(r"\s*(\S)", text[end:])
            if nxt and nxt.group(1).islower():
                continue
        _add(text, start, end, spans)
        start = end
    _add(text, start, len(text), spans)
    return spans


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        s = start + chunk.index(stripped[0])
        spans.append((s, s + len(stripped)))
