"""The one module that imports whoosh.

Whoosh 2.7.4 (pinned: frozen since 2016, but known) has invalid escape sequences that Python 3.12+
reports as SyntaxWarnings when it is first compiled; they are harmless and silenced here, once.
Four methods are patched for speed (`_add_document`, `_cached_reader`, `_doc_field_length`,
`_stem_filter_clear`) and one that could loop forever (`_union_skip_to_quality`).
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
    from whoosh.matching import NullMatcher, ReadTooFar
    from whoosh.matching.binary import UnionMatcher
    from whoosh.qparser import dateparse
    from whoosh.searching import Searcher
    from whoosh.writing import SegmentWriter


_ORIGINAL_ADD_DOCUMENT = SegmentWriter.add_document


def _add_document(self, **fields):
    """Whoosh asks every field of every document the same questions (indexed? scorable? stored? a
    column? spelling words? term vectors? a per-document boost or stored value?). An article's ~20
    records of ~20 fields each made those questions about a tenth of writing the records index. They
    are answered once per writer here; the postings, stored values, lengths and columns written are
    the same, and anything unusual (a boost, a custom stored value, an unknown field, spelling words,
    term vectors) takes Whoosh's own path."""
    table = self.__dict__.get("_plain_fields")
    if table is None:
        table = self._plain_fields = {
            name: None if field.separate_spelling() or field.vector
            else (field, field.indexed, field.scorable, field.stored, field.column_type)
            for name, field in self.schema.items()}
    names = sorted(fields)
    if any(name[:1] == "_" or table.get(name) is None for name in names):
        return _ORIGINAL_ADD_DOCUMENT(self, **fields)
    self._check_state()
    perdoc = self.perdocwriter
    docnum = self.docnum
    add_post = self.pool.add
    perdoc.start_doc(docnum)
    for name in names:
        value = fields[name]
        if value is None:
            continue
        field, indexed, scorable, stored, column = table[name]
        length = 0
        if indexed:
            for tbytes, freq, weight, vbytes in field.index(value):
                if scorable:
                    length += freq
                add_post((name, tbytes, docnum, weight * 1.0, vbytes))  # Whoosh's boost of 1.0 makes it a float
        perdoc.add_field(name, field, value if stored else None, length)
        if column:
            perdoc.add_column_value(name, column, field.to_column_value(value))
    perdoc.finish_doc()
    self._added = True
    self.docnum += 1


SegmentWriter.add_document = _add_document


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
_ORIGINAL_DOC_FIELD_LENGTH = _whoosh3.W3PerDocReader.doc_field_length


def _doc_field_length(self, docnum, fieldname, default=0):
    """Whoosh reads a length through four calls and a file read for every posting it writes (and
    every document it scores). A segment's lengths are one byte a document: read them once as bytes.
    Same values, including None for a zero byte."""
    if docnum > self._doccount:
        raise IndexError(f"Asked for docnum {docnum!r} of {self._doccount}")
    cache = self.__dict__.setdefault("_length_bytes", {})
    try:
        lengths = cache[fieldname]
    except KeyError:
        reader = self._cached_reader(_whoosh3._lenfield(fieldname), _whoosh3.LENGTHS_COLUMN)
        lengths = cache[fieldname] = None if reader is None else reader._dbfile.get(reader._basepos, reader._count)
    if lengths is None:
        return default
    lbyte = lengths[docnum] if docnum < len(lengths) else 0
    if lbyte:
        return _whoosh3.byte_to_length(lbyte)
    return None


_whoosh3.W3PerDocReader.doc_field_length = _doc_field_length


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


def _union_skip_to_quality(self, minquality):
    """Whoosh's version loops forever when rounding makes `aq + bq <= minquality` while
    `aq > minquality - bq`: the side asked to skip finds its block good enough and does not move
    (a search hung so, intermittently). Skipping is a shortcut: when a side does not move, stop; the
    collector still scores every remaining document."""
    self._id = None
    a, b = self.a, self.b
    if not (a.is_active() or b.is_active()):
        raise ReadTooFar
    if not a.is_active():
        return b.skip_to_quality(minquality)
    if not b.is_active():
        return a.skip_to_quality(minquality)
    skipped = 0
    aq, bq = a.block_quality(), b.block_quality()
    while a.is_active() and b.is_active() and aq + bq <= minquality:
        if aq < bq:
            moved = a.skip_to_quality(minquality - bq)
            aq = a.block_quality()
        else:
            moved = b.skip_to_quality(minquality - aq)
            bq = b.block_quality()
        if not moved:
            break
        skipped += moved
    return skipped


UnionMatcher.skip_to_quality = _union_skip_to_quality

__all__ = [
    "DATETIME", "ID", "KEYWORD", "NUMERIC", "STORED", "TEXT", "EmptyIndexError", "LockError", "NullMatcher", "W3Codec",
    "LowercaseFilter", "RegexTokenizer", "Schema", "Searcher", "StemmingAnalyzer", "UnionMatcher", "dateparse",
    "highlight", "index", "qparser", "query", "sorting",
]
