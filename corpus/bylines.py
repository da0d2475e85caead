"""Person names from a byline, the one rule for every source that names authors.

Bylines come from printed lines in text copy ("By Alice Scarsi, World News Reporter"), from page
bylines and from structured data (JSON-LD, `<meta name="author">`). All of them mix people with
job titles, outlets, dates and CMS placeholders, so they share one splitter: the same line gives
the same authors whichever loader read it.
"""

from __future__ import annotations

import re

# Words that make a comma-separated byline part a job title or an organisation, not a person.
_TITLE_WORDS = re.compile(
    r"\b(?:reporter|editor|correspondent|writer|staff|contributor|contributing|columnist|producer|news|"
    r"senior|chief|director|officer|analyst|technologist|project|team|desk|agency|service|press|wire|"
    r"associated|department|professor|journalist|author|manager|president|founder|head|lead|fellow|"
    r"intern|researcher|special|to|for|at|of|in|the|updated|published|posted|photos?|video|"
    r"edited|additional|reporting|university|institute|media|magazine|times|post|daily|journal)\b",
    re.IGNORECASE,
)
_NAME_TOKEN = re.compile(
    r"^(?:[A-Z\u00C0-\u024F][\w'’.\-]*|[A-Z]\.|de|da|di|del|della|der|den|van|von|la|le|du|dos|bin|al|el|st\.?)$"
)
# Where a byline stops naming people: a separator, a date or weekday, or the end of a sentence
# ("Finian Cunningham. Sputnik International"; a period after an initial does not count).
_BYLINE_END = re.compile(
    r"\s+(?:\||•|·)\s+|\s{2,}|(?<=[a-z]{2})\.(?:\s|$)|\d"
    r"|\b(?:Updated|Published|Posted|Last updated|UPDATED|PUBLISHED|POSTED|LAST UPDATED)\b"
    r"|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b"
    r"|\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d"
)
# Placeholder "authors" that CMSs put where a person's name should be.
_NOT_PEOPLE = {
    "admin", "administrator", "editor", "editors", "editorial", "editorial board", "editorial staff", "staff",
    "staff writer", "webmaster", "guest", "guest author", "anonymous", "unknown", "user", "redazione",
    "redação", "redaccion", "redacción", "team", "news desk", "newsdesk", "wire", "wires", "agencies",
}  # fmt: skip
_URL_LIKE = re.compile(r"^(?:https?:|www\.)|\.(?:com|org|net|co\.uk)\b|/", re.IGNORECASE)


def _looks_like_person(part: str) -> bool:
    tokens = part.split()
    if not 1 < len(tokens) <= 5 or _TITLE_WORDS.search(part):
        return False
    return all(_NAME_TOKEN.match(token) for token in tokens)


def _plausible_name(value: str) -> bool:
    return (
        bool(value)
        and len(value) <= 80
        and not _URL_LIKE.search(value)
        and "@" not in value
        and any(c.isalpha() for c in value)
    )


def byline_names(text: str, strict: bool = True) -> list[str]:
    """People named in a byline: "By Jane Doe and John Roe" -> ["Jane Doe", "John Roe"].

    A comma usually introduces a job title or an organisation ("By Alice Scarsi, World News
    Reporter"): parts after the first one are kept only while they look like further names, and
    "and"/"&" separate names within a part. `strict=False` (structured data, which is known to
    name an author) also accepts a first part that is not a typical Western name. The outlet
    itself is not known here: callers that know it drop it (see `metadata.split_byline`).
    """
    text = re.sub(
        r"^(?:(?:written|posted|reported|reporting|analysis|opinion|commentary|story|words|text|review|"
        r"interview|compiled|edited|an?)\s+)?by[:\s]+",
        "",
        re.sub(r"\s*\([^)]*\)", "", text.strip()),  # "(@handle)", "(Reuters)"
        flags=re.IGNORECASE,
    )
    text = _BYLINE_END.split(text)[0].strip(" ,;:-–—")
    names: list[str] = []
    for index, part in enumerate(re.split(r"\s*[,;]\s*", text)):
        part = re.sub(r"^(?:and|&)\s+", "", part.strip(), flags=re.IGNORECASE)
        pieces = [p.strip() for p in re.split(r"\s+(?:and|&)\s+", part) if p.strip()]
        accepted = [
            p for p in pieces if _looks_like_person(p) or (not strict and index == 0 and _plausible_name(p))
        ]
        if not accepted or len(accepted) < len(pieces) and index > 0:
            break  # a job title or an organisation: the rest of the line describes the author
        names.extend(accepted)
    names = [n.title() if n.isupper() and len(n) > 3 else n for n in names]
    return dedupe_names([n for n in names if n.lower() not in _NOT_PEOPLE])


def dedupe_names(names: list[str]) -> list[str]:
    """`names` without repeats, compared case-insensitively; the first spelling is kept."""
    seen: set[str] = set()
    out = []
    for name in names:
        key = name.lower()
        if key not in seen:
            seen.add(key)
            out.append(name)
    return out
