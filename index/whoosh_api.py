"""The one module that imports whoosh.

Whoosh 2.7.4 (pinned: frozen since 2016, but known) has invalid escape sequences that Python 3.12+
reports as SyntaxWarnings when it is first compiled; they are harmless and silenced here, once.
One method is patched for speed (see `_cached_reader`).
"""

import warnings

with warnings.catch_warnings():
    warnings.simplefilter("ignore", SyntaxWarning)
    warnings.simplefilter("ignore", DeprecationWarning)
    from whoosh import highlight, index, qparser, query, sorting
    from whoosh.analysis import LowercaseFilter, RegexTokenizer, StemmingAnalyzer
    from whoosh.codec import whoosh3 as _whoosh3
    from whoosh.fields import DATETIME, ID, KEYWORD, NUMERIC, STORED, TEXT, Schema
    from whoosh.index import EmptyIndexError, LockError
    from whoosh.qparser import dateparse
    from whoosh.searching import Searcher


def _cached_reader(self, fieldname, column):
    """Whoosh caches a segment's length readers but not their absence, so every posting of a field
    without lengths (each ID field) cost a `stat()` while a segment was written: a fifth of the
    time of writing the records index. Same behaviour, with the absence cached too."""
    try:
        return self._readers[fieldname]
    except KeyError:
        reader = self.column_reader(fieldname, column) if self.has_column(fieldname) else None
        self._readers[fieldname] = reader
        return reader


_whoosh3.W3PerDocReader._cached_reader = _cached_reader

__all__ = [
    "DATETIME", "ID", "KEYWORD", "NUMERIC", "STORED", "TEXT", "EmptyIndexError", "LockError",
    "LowercaseFilter", "RegexTokenizer", "Schema", "Searcher", "StemmingAnalyzer", "dateparse",
    "highlight", "index", "qparser", "query", "sorting",
]
