"""Attributed statements (placeholder while quotes are tuned)."""

from __future__ import annotations

from collections.abc import Sequence

from corpus.extracted import Claim, Quote


def extract_claims(text: str, quotes: Sequence[Quote] | None = None) -> list[Claim]:
    return []
