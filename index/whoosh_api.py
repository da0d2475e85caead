"""The one module that imports whoosh.

Whoosh 2.7.4 (pinned: frozen since 2016, but known) has invalid escape sequences that Python 3.12+
reports as SyntaxWarnings when it is first compiled; they are harmless and silenced here, once.
Two methods are patched for speed (`_cached_reader`, `_stem_filter_clear`).
"""

import functools
import warnings

with warnings.catch_warnings():
    warnings.simplefilter("ignore", SyntaxWarning)
    warnings.simplefilter("ignore", DeprecationWarning)
    from whoosh import highlight, index, qparser, query, sorting
    from whoosh.analysis import LowercaseFilter, RegexTokenizer, StemFilter, StemmingAnalyzer
    from whoosh.codec import whoosh3 as _whoosh3
    from whoosh.codec.whoosh3 import W3Codec
    from whoosh.fields import DATETIME, ID, KEYWORD, NUMERIC, STORED, TEXT, Schema
    from whoosh.index import EmptyIndexError, LockError
    from whoosh.lang import stemmer_for_language
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


def _stem_filter_clear(self):
    """Whoosh caches stems with a pure-Python least-frequently-used cache that counts every call;
    functools' cache gives the same stems for a fraction of the time (a tenth of writing time)."""
    stemfn = stemmer_for_language(self.lang) if self.lang else self.stemfn
    size = self.cachesize
    if isinstance(size, int) and size != 0:
        self._stem = functools.lru_cache(maxsize=None if size < 0 else size)(stemfn)
    else:
        self._stem = stemfn


StemFilter.clear = _stem_filter_clear

__all__ = [
    "DATETIME", "ID", "KEYWORD", "NUMERIC", "STORED", "TEXT", "EmptyIndexError", "LockError", "W3Codec",
    "LowercaseFilter", "RegexTokenizer", "Schema", "Searcher", "StemmingAnalyzer", "dateparse",
    "highlight", "index", "qparser", "query", "sorting",
]
