"""Whoosh schemas. Documents are stemmed for search; metadata fields are for field queries
(`outlet:bbc`, `date:[2018-03-01 TO 2018-04-30]`, `kind:statement`, `author:scarsi`)."""

from __future__ import annotations

from index.whoosh_api import DATETIME, ID, NUMERIC, STORED, TEXT, Schema, StemmingAnalyzer


def document_schema() -> Schema:
    stem = StemmingAnalyzer()
    return Schema(
        id=ID(stored=True, unique=True),
        path=ID(stored=True),
        kind=ID(stored=True),
        title=TEXT(analyzer=stem, stored=True, field_boost=2.0),
        outlet=TEXT(stored=True),
        outlet_key=ID(stored=True),
        author=TEXT(stored=True),
        date=DATETIME(stored=True, sortable=True),
        url=STORED(),
        text=TEXT(analyzer=stem, stored=True, chars=True),
        paragraphs=STORED(),
        asides=STORED(),
        quotes=NUMERIC(stored=True),
        figures=NUMERIC(stored=True),
        speaker=TEXT(stored=True),
    )
