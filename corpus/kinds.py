"""Article, statement or other: statements are what organisations publish about themselves."""

from __future__ import annotations

import re

_STATEMENT = re.compile(
    r"\b(?:press release|for immediate release|media release|news release|official statement"
    r"|statement (?:from|by|on behalf of)|notice of (?:a )?data (?:breach|security incident)"
    r"|notice of (?:a )?(?:security|privacy) incident|media statement)\b",
    re.I,
)
_STATEMENT_URL = re.compile(r"/(?:newsroom|press|press-releases?|media-centre|media-center|statements?|news-releases?)/", re.I)


def guess_kind(title: str, text: str, url: str | None = None) -> str:
    """`statement` when the title, opening or URL says so; otherwise `article` (or `other` if empty)."""
    if not text.strip():
        return "other"
    if _STATEMENT.search(title) or _STATEMENT.search(text[:400]) or (url and _STATEMENT_URL.search(url)):
        return "statement"
    return "article"
