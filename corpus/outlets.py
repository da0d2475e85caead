"""Outlet names: from URLs for sources that do not name themselves, and one comparison key per
outlet so that `BBC News`, `bbc.co.uk` and `BBC` are recognised as the same source."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_PARENS = re.compile(r"\([^)]*\)|\s[-–|]\s.*$")
_WORD = re.compile(r"[a-z0-9]+")
_GENERIC_LABELS = {"com", "co", "uk", "org", "net", "news", "media", "www", "m", "edition", "amp", "io", "us", "au"}
_FILLER = {"the", "news", "online", "web", "com", "newspaper", "magazine", "inc", "ltd", "media", "group", "daily"}
# Domains whose label is an abbreviation of the outlet's name.
_ABBREVIATED = {"nytimes": "newyorktimes", "wsj": "wallstreetjournal", "ft": "financialtimes", "apnews": "ap",
                "latimes": "losangelestimes", "usatoday": "usatoday", "washpost": "washingtonpost",
                "associatedpress": "ap"}


def outlet_from_url(url: str) -> str | None:
    """`https://www.bleepingcomputer.com/news/…` -> `bleepingcomputer.com`."""
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host.removeprefix("www.").removeprefix("m.")


def normalise_outlet(outlet: str | None) -> str | None:
    """A comparison key for an outlet name or domain: `www.bbc.co.uk`, `BBC News` -> `bbc`.

    Cross-referencing merges outlets by this key; the displayed name is kept as the source gave it.
    """
    if not outlet:
        return None
    name = outlet.strip().lower()
    if "://" in name:
        name = outlet_from_url(name) or name
    name = name.removeprefix("www.")
    if " " not in name and "." in name:  # a bare domain: keep its distinctive label
        labels = [x for x in name.split(".") if x not in _GENERIC_LABELS]
        name = labels[0] if labels else name
        name = name.removeprefix("the") if len(name) > 6 else name
    name = _PARENS.sub("", name)
    key = "".join(w for w in _WORD.findall(name) if w not in _FILLER) or None
    return _ABBREVIATED.get(key, key) if key else None


_TITLE_SUFFIX = re.compile(r"^(?P<title>.{12,}?)\s+[-–—|:]\s+(?P<outlet>[^-–—|:]{2,40})$")


def split_title_outlet(title: str | None, url: str | None = None, outlet: str | None = None) -> tuple[str | None, str | None]:
    """`Breach count rises - Cipherline` -> (`Breach count rises`, `Cipherline`) when the suffix names
    the outlet (it matches the given outlet or the URL's domain); otherwise the title unchanged."""
    if not title:
        return title, None
    m = _TITLE_SUFFIX.match(title.strip())
    if not m:
        return title, None
    suffix = m.group("outlet").strip()
    key = normalise_outlet(suffix)
    known = {normalise_outlet(outlet), normalise_outlet(outlet_from_url(url) if url else None)} - {None}
    if key and key in known:
        return m.group("title").strip(), suffix
    return title, None


def title_and_outlet(title: str | None, url: str | None, named: str | None) -> tuple[str | None, str | None]:
    """The title without an outlet suffix, and the outlet: as named by the source, else the
    title's suffix, else the URL's domain."""
    title, suffix = split_title_outlet(title, url, named)
    return title, named or suffix or (outlet_from_url(url) if url else None)
