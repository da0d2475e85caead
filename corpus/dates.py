"""Dates from the many ways sources write them, always returned as UTC-aware datetimes.

The one date parser of the project: page metadata, JSON records, tagged and plain text all come
through here, so a date means the same thing whichever loader read it. Whoosh stores naive
datetimes, so everything is normalised to UTC here once, and the index layer only strips the
tzinfo. A date without a zone is taken as UTC. Implausible dates (the scale corpus has
`0001-11-30` and `2050-09-30`) are rejected rather than indexed.

A string is read whole by dateutil first (ISO, RFC 2822, "04/05/2018", "April 5, 2018 10:30 a.m.
EDT", with the US and European zone abbreviations it does not know by itself); when that fails, two
patterns look for a date inside it, as page furniture writes them ("PUBLISHED: 09:15, Wed, Mar 6,
2024", "Tue 5 Mar 2024 18.05 GMT", "Posted 2018-04-05T10:00Z").
"""

from __future__ import annotations

import html
import re
import warnings
from datetime import UTC, datetime, timedelta, timezone
from pathlib import PurePath
from urllib.parse import urlparse

from dateutil import parser as _dateparser

MIN_YEAR = 1900
# Publication dates cannot lie in the future; a little slack for time zones and embargoes.
FUTURE_SLACK = timedelta(days=2)
# Fields a string leaves out are taken from here: a missing year gives year 1 (rejected), a
# missing day the 1st, so that no part of a date comes from the clock.
_NO_DATE = datetime(1, 1, 1)

_ZONE_HOURS = {
    "UTC": 0, "GMT": 0, "Z": 0, "UT": 0,
    "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
    "BST": 1, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3, "JST": 9, "AEST": 10, "AEDT": 11,
}  # fmt: skip
_DATEUTIL_ZONES = {name: hours * 3600 for name, hours in _ZONE_HOURS.items()}
_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
            ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
            ("oct", "october"), ("nov", "november"), ("dec", "december"),
        ]
    )
    for m in names
}  # fmt: skip

_UNDERSCORE_DATE = re.compile(r"^(\d{4})_(\d{1,2})_(\d{1,2})$")
_ISO = re.compile(
    r"(\d{4})-?(\d{2})-?(\d{2})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*"
    r"(Z|[+-]\d{2}(?::?\d{2})?|[A-Z]{2,4}\b)?"
)
_TIME = r"(?:\s*(?:,|/|\||•|-|–|—)?\s*(?:at\s+)?(\d{1,2})[:.](\d{2})(?::(\d{2}))?\s*([apAP]\.?[mM]\.?)?\s*([A-Z]{2,4}\b|[+-]\d{2}:?\d{2})?)?"
_MONTH_FIRST = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})" + _TIME)
_DAY_FIRST = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})" + _TIME)
_PATH_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})[-_]?(0[1-9]|1[0-2])[-_]?(0[1-9]|[12]\d|3[01])(?!\d)")
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|$|[-_])")


def parse_date(value: object) -> datetime | None:
    """A publication date as an aware UTC datetime, or None when there is none or it is implausible.

    Accepts datetimes, epoch numbers (seconds or milliseconds), ISO 8601 (with or without
    separators, zone or fractional seconds), `2017_05_04`, RFC 2822 ("Thu, 05 Apr 2018 10:00:00
    GMT"), written dates ("April 5, 2018 10:30 a.m. EDT", "5 April 2018") and the other layouts
    dateutil reads ("04/05/2018"); ISO and written dates are also found inside a longer string.
    """
    if value is None or value == "" or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        return _plausible(value)
    if isinstance(value, int | float):
        try:
            return _plausible(datetime.fromtimestamp(float(value) / (1000 if value > 1e11 else 1), tz=UTC))
        except (OverflowError, OSError, ValueError):
            return None
    text = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]{0,500}>", " ", str(value)))).strip()[:200]
    m = _UNDERSCORE_DATE.match(text)
    if m:
        text = "-".join(part.zfill(2) for part in m.groups())
    return _dateutil(text) or _iso(text) or _written(text)


def _plausible(dt: datetime) -> datetime | None:
    """`dt` in UTC (naive taken as UTC), or None before MIN_YEAR or in the future."""
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    try:
        dt = dt.astimezone(UTC)
    except (OverflowError, ValueError):
        return None
    if dt.year < MIN_YEAR or dt > datetime.now(UTC) + FUTURE_SLACK:
        return None
    return dt


def _build(year, month, day, hour=0, minute=0, second=0, zone=None, fraction=None) -> datetime | None:
    try:
        value = datetime(
            int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0),
            int((fraction or "0")[:6].ljust(6, "0")),
        )  # fmt: skip
    except (ValueError, TypeError):
        return None
    return _plausible(value.replace(tzinfo=zone or UTC))


def _zone(token: str | None) -> timezone | None:
    if not token:
        return None
    token = token.strip()
    if token.upper() in _ZONE_HOURS:
        return timezone(timedelta(hours=_ZONE_HOURS[token.upper()]))
    m = re.fullmatch(r"([+-])(\d{2}):?(\d{2})?", token)
    if m:
        delta = timedelta(hours=int(m.group(2)), minutes=int(m.group(3) or 0))
        return timezone(-delta if m.group(1) == "-" else delta)
    return None


def _iso(text: str) -> datetime | None:
    m = _ISO.search(text)
    # digits just before the match mean it is the middle of a longer number, not a date
    if not m or (m.start() and text[: m.start()].strip(" ,:")[-1:].isdigit()):
        return None
    year, month, day, hour, minute, second, fraction, zone = m.groups()
    return _build(year, month, day, hour, minute, second, _zone(zone), fraction)


def _written(text: str) -> datetime | None:
    for pattern, month_group, day_group in ((_MONTH_FIRST, 1, 2), (_DAY_FIRST, 2, 1)):
        m = pattern.search(text)
        if not m:
            continue
        month = _MONTHS.get(m.group(month_group).lower().rstrip("."))
        if not month:
            continue
        hour, minute, second, ampm, zone = m.group(4, 5, 6, 7, 8)
        if hour is not None and ampm:
            hour = int(hour) % 12 + (12 if ampm.lower().startswith("p") else 0)
        parsed = _build(m.group(3), month, m.group(day_group), hour, minute, second, _zone(zone))
        if parsed:
            return parsed
    return None


def _dateutil(text: str) -> datetime | None:
    try:
        with warnings.catch_warnings():  # a zone it does not know ("IST") is taken as UTC, quietly
            warnings.simplefilter("ignore", _dateparser.UnknownTimezoneWarning)
            return _plausible(_dateparser.parse(text, default=_NO_DATE, tzinfos=_DATEUTIL_ZONES))
    except (ValueError, OverflowError, TypeError, _dateparser.ParserError):
        return None


def date_from_path(path: str) -> datetime | None:
    """A date written in a file name (`story__2024-03-06__x.txt`, `20240306-story.html`), or None."""
    m = _PATH_DATE.search(PurePath(path.split("#", 1)[0]).name)
    return _build(*m.groups()) if m else None


def date_from_url(url: str) -> datetime | None:
    """A date in a URL's path (`/2018/04/05/story`, `/2018-4-5-story`), or None."""
    m = _URL_DATE.search(urlparse(url).path)
    return _build(*m.groups()) if m else None
