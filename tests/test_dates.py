"""The one date parser: what the loaders' dateutil parser and the page-metadata patterns each read,
and the plausibility rule for every caller. (tests/test_html_loader.py has the metadata cases.)"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from corpus.dates import date_from_path, date_from_url, parse_date


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # non-string values (JSON records)
        (datetime(2018, 4, 5, 10, 0), utc(2018, 4, 5, 10, 0)),
        (datetime(2018, 4, 5, 12, 0, tzinfo=timezone(timedelta(hours=2))), utc(2018, 4, 5, 10, 0)),
        (1522922400, utc(2018, 4, 5, 10, 0)),
        (1522922400000, utc(2018, 4, 5, 10, 0)),
        (1522922400.5, utc(2018, 4, 5, 10, 0, 0, 500000)),
        # what records, tagged text and Markdown dumps write
        ("2017_05_04", utc(2017, 5, 4)),
        ("2017_5_4", utc(2017, 5, 4)),
        ("2024-03-05T10:00:00+01:00", utc(2024, 3, 5, 9, 0)),
        ("1987-02-26T15:01:01", utc(1987, 2, 26, 15, 1, 1)),
        ("April 4, 2018", utc(2018, 4, 4)),
        ("04/05/2018", utc(2018, 4, 5)),
        ("2018/04/05", utc(2018, 4, 5)),
        ("13/06/2014", utc(2014, 6, 13)),
        # what page metadata writes
        ("20180405", utc(2018, 4, 5)),
        ("2018-04-05T06:00:00.250Z", utc(2018, 4, 5, 6, 0, 0, 250000)),
        ("Thu, 05 Apr 2018 10:00:00 -0400", utc(2018, 4, 5, 14, 0)),
        ("April 5, 2018 10:30 p.m. EDT", utc(2018, 4, 6, 2, 30)),
        ("5th April 2018", utc(2018, 4, 5)),
        ("Sept. 9, 2019, 11:47am PDT", utc(2019, 9, 9, 18, 47)),
        ("9:05 pm CST, Friday, June 7, 2019", utc(2019, 6, 8, 3, 5)),
        # a date inside page furniture, which dateutil cannot read whole
        ("Published: April 5, 2018", utc(2018, 4, 5)),
        ("UPDATED: 09:15, Wed, Mar 6, 2024", utc(2024, 3, 6)),
        ("Last modified on Tue 5 Mar 2024 18.05 GMT", utc(2024, 3, 5, 18, 5)),
        ("Posted 2018-04-05T10:00Z by the desk", utc(2018, 4, 5, 10, 0)),
        ("  April&nbsp;5,  2018 ", utc(2018, 4, 5)),
    ],
)
def test_parses(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        None, "", "not a date", "2018-13-45", True,
        "0001-11-30", "1899-12-31", "2050-09-30", 4102444800,  # implausible: before 1900 or in the future
        "10:30", "Tuesday", "April 5",  # no year: nothing is filled in from the clock
        "ref 120180405",  # digits inside a longer number are no date
    ],
)  # fmt: skip
def test_rejects(value):
    assert parse_date(value) is None


def test_missing_day_is_the_first_not_today():
    assert parse_date("2015-02") == utc(2015, 2, 1)


def test_future_limit_has_a_little_slack():
    now = datetime.now(UTC).replace(microsecond=0)
    assert parse_date((now + timedelta(days=1)).isoformat()) == now + timedelta(days=1)
    assert parse_date((now + timedelta(days=10)).isoformat()) is None


def test_results_are_utc_aware():
    for value in ("2018-04-05", "April 5, 2018 10:30 a.m. EDT", 1522922400, datetime(2018, 4, 5)):
        assert parse_date(value).utcoffset() == timedelta(0)


def test_dates_in_paths_and_urls():
    assert date_from_path("corpus/moveit-2023__the-record__2023-07-07__x.md") == utc(2023, 7, 7)
    assert date_from_path("20240306-story.html") == utc(2024, 3, 6)
    assert date_from_path("feed.jsonl#2") is None
    assert date_from_path("2023-07-07/story.html") is None  # only the file's own name counts
    assert date_from_url("https://example.com/2018/4/5/story-slug") == utc(2018, 4, 5)
    assert date_from_url("https://example.com/news/2018-04-05-story") == utc(2018, 4, 5)
    assert date_from_url("https://example.com/2099/01/01/story") is None
    assert date_from_url("https://example.com/news/story-2018") is None
