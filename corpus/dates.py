"""Dates from the many ways sources write them, always returned as UTC-aware datetimes.

Whoosh stores naive datetimes, so everything is normalised to UTC here once, and the index layer
only strips the tzinfo. A date without a zone is taken as UTC. Implausible dates (the scale corpus
has `0001-11-30` and `2050-09-30`) are rejected rather than indexed.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from dateutil import parser as _dateparser

MIN_YEAR = 1900
# Publication dates cannot lie in the future; a little slack for time zones and embargoes.
FUTURE_SLACK = timedelta(days=2)

_UNDERSCORE_DATE = re.compile(r"^\s*(\d{4})_(\d{1,2})_(\d{1,2})\s*$")


def parse_date(value: object) -> datetime | None:
    """Parse an ISO string, an RFC 2822 string, `2017_05_04`, `April 4, 2018` or an epoch number."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        dt = value
    elif isinstance(value, int | float):
        try:
            dt = datetime.fromtimestamp(float(value) / (1000 if value > 1e11 else 1), tz=UTC)
        except (OverflowError, OSError, ValueError):
            return None
    else:
        text = str(value).strip()
        m = _UNDERSCORE_DATE.match(text)
        if m:
            text = "-".join(m.groups())
        try:
            dt = _dateparser.parse(text, fuzzy=False)
        except (ValueError, OverflowError, TypeError, _dateparser.ParserError):
            return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    dt = dt.astimezone(UTC)
    if dt.year < MIN_YEAR or dt > datetime.now(UTC) + FUTURE_SLACK:
        return None
    return dt


_PATH_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})[-_]?(0[1-9]|1[0-2])[-_]?(0[1-9]|[12]\d|3[01])(?!\d)")


def date_from_path(path: str) -> datetime | None:
    """A date written in a file name (`story__2024-03-06__x.txt`, `20240306-story.html`), or None."""
    from pathlib import PurePath

    m = _PATH_DATE.search(PurePath(path.split("#", 1)[0]).name)
    return parse_date("-".join(m.groups())) if m else None
