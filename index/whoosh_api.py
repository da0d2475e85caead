"""The one module that imports whoosh.

Whoosh 2.7.4 (pinned: frozen since 2016, but known) has invalid escape sequences that Python 3.12+
reports as SyntaxWarnings when it is first compiled; they are harmless and silenced here, once.
"""

import warnings

with warnings.catch_warnings():
    warnings.simplefilter("ignore", SyntaxWarning)
    warnings.simplefilter("ignore", DeprecationWarning)
    from whoosh import highlight, index, qparser, query, sorting
    from whoosh.analysis import LowercaseFilter, RegexTokenizer, StemmingAnalyzer
    from whoosh.fields import DATETIME, ID, KEYWORD, NUMERIC, STORED, TEXT, Schema
    from whoosh.index import EmptyIndexError, LockError
    from whoosh.qparser import dateparse
    from whoosh.searching import Searcher

__all__ = [
    "DATETIME", "ID", "KEYWORD", "NUMERIC", "STORED", "TEXT", "EmptyIndexError", "LockError",
    "LowercaseFilter", "RegexTokenizer", "Schema", "Searcher", "StemmingAnalyzer", "dateparse",
    "highlight", "index", "qparser", "query", "sorting",
]
