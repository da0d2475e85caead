"""Is this the same quote? And if so, how does this outlet's wording differ?

Outlets reprint quotes with straight or curly marks, changed punctuation, a word swapped or the
last clause dropped. Matching compares a folded form (case, punctuation and quote marks removed)
with rapidfuzz: the plain ratio for small edits, the partial ratio for truncation, the latter only
when the shorter side is long enough to be distinctive. Diffs are word-level, over the printed
words, so that a fact-checker sees exactly which words changed.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz

MATCH = 85.0  # score (0-100) from which two quotes are the same quote
MIN_PARTIAL_WORDS = 6  # a fragment shorter than this matches too much to count as a truncation
_TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")
_WORDS = re.compile(r"\w+(?:['’]\w+)*")


def fold(text: str) -> str:
    """`“We’re sorry – truly,”` -> `we're sorry truly`: the form quotes are compared in."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'").lower()
    return " ".join(_WORDS.findall(text))


def similarity(a: str, b: str, min_partial_words: int = MIN_PARTIAL_WORDS) -> float:
    """0-100: how likely `a` and `b` are the same quote, one perhaps a truncation of the other.
    Takes folded strings (see `fold`)."""
    if not a or not b:
        return 0.0
    score = fuzz.ratio(a, b)
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short.split()) >= min_partial_words:
        # A fragment must be most of a sentence of the other, not a shared stock phrase.
        score = max(score, fuzz.partial_ratio(short, long) * (0.9 + 0.1 * min(1.0, len(short) / 60)))
    return score


@dataclass
class DiffOp:
    op: str  # "equal", "replace", "delete", "insert"
    reference: str
    variant: str

    def to_dict(self) -> dict:
        return {"op": self.op, "reference": self.reference, "variant": self.variant}


def tokens(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    return _TOKEN.findall(text)


def word_diff(reference: str, variant: str) -> list[DiffOp]:
    """Word-level differences from `reference` to `variant` (case-insensitive; punctuation kept as
    tokens so that a changed full stop shows)."""
    ref, var = tokens(reference), tokens(variant)
    matcher = difflib.SequenceMatcher(None, [t.lower() for t in ref], [t.lower() for t in var], autojunk=False)
    out: list[DiffOp] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        out.append(DiffOp(op, _join(ref[i1:i2]), _join(var[j1:j2])))
    return out


def _join(toks: list[str]) -> str:
    text = " ".join(toks)
    return re.sub(r"\s+([,.;:!?)\]”’])", r"\1", text)


def relation(reference: str, variant: str) -> str:
    """How a variant differs: identical, punctuation (or case) only, truncated (a contiguous part of
    the reference), extended (the reference is a part of it), or wording."""
    if tokens(reference) == tokens(variant):
        return "identical"
    ref, var = fold(reference).split(), fold(variant).split()
    if ref == var:
        return "punctuation"
    if _contains(ref, var):
        return "truncated"
    if _contains(var, ref):
        return "extended"
    return "wording"


def _contains(longer: list[str], shorter: list[str]) -> bool:
    n = len(shorter)
    return n < len(longer) and any(longer[i:i + n] == shorter for i in range(len(longer) - n + 1))
