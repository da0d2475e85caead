"""The patches index/whoosh_api.py makes to Whoosh 2.7.4 keep its answers and fix its hang."""

from __future__ import annotations

import threading
from pathlib import Path

from index.whoosh_api import StemmingAnalyzer, UnionMatcher

# Block qualities for which rounding makes a + b <= q while a > q - b: Whoosh's own union matcher
# then asked `a` to skip to quality q - b, `a` found its block good enough, and the loop never ended.
A, B = 0.4453871940548014, 1.1669272263955839
Q = A + B


class _Blocks:
    """A child matcher that, like Whoosh's leaf matchers, skips only blocks at or below a quality."""

    def __init__(self, qualities: list[float]):
        self.qualities = qualities

    def is_active(self) -> bool:
        return bool(self.qualities)

    def block_quality(self) -> float:
        return self.qualities[0]

    def skip_to_quality(self, minquality: float) -> int:
        skipped = 0
        while self.qualities and self.qualities[0] <= minquality:
            self.qualities.pop(0)
            skipped += 1
        return skipped


def test_union_skip_to_quality_ends_when_rounding_stops_progress():
    assert A + B <= Q and A > Q - B  # the rounding case itself
    union = UnionMatcher(_Blocks([A, A]), _Blocks([B, B]))
    done = threading.Event()
    result = []
    worker = threading.Thread(target=lambda: (result.append(union.skip_to_quality(Q)), done.set()), daemon=True)
    worker.start()
    assert done.wait(5), "skip_to_quality spun forever"
    assert result == [0]


def test_union_skip_to_quality_still_skips_poor_blocks():
    union = UnionMatcher(_Blocks([0.1, 0.1, 2.0]), _Blocks([0.2, 3.0]))
    assert union.skip_to_quality(1.0) == 2  # a's two poor blocks; then a + b is good enough
    assert union.a.block_quality() == 2.0 and union.b.block_quality() == 0.2


def test_stems_are_whoosh_stems():
    words = [t.text for t in StemmingAnalyzer()("Hackers were running breaches affecting accounts")]
    assert words == ["hacker", "were", "runn", "breach", "affect", "account"]


def test_doc_field_length_gives_whoosh_lengths(tmp_path):
    from index.whoosh_api import _ORIGINAL_DOC_FIELD_LENGTH, ID, TEXT, Schema, index

    ix = index.create_in(tmp_path, Schema(id=ID(stored=True), body=TEXT, title=TEXT))
    with ix.writer() as w:
        for n in range(300):  # lengths of 0 to 299 words: byte-coded, so some share a byte
            w.add_document(id=str(n), body=" ".join(["breach"] * n) or None, title="data leak" if n % 7 else None)
    with ix.searcher() as s:
        (seg,) = s.reader().leaf_readers()
        per_doc = seg[0]._perdoc
        for field in ("body", "title", "id", "missing"):
            ours = [per_doc.doc_field_length(d, field, default=-1) for d in range(300)]
            per_doc.__dict__.pop("_length_bytes", None)
            theirs = [_ORIGINAL_DOC_FIELD_LENGTH(per_doc, d, field, default=-1) for d in range(300)]
            assert ours == theirs
        assert per_doc.doc_field_length(299, "body") > 250 and per_doc.doc_field_length(0, "body") is None


def _index_contents(ix) -> tuple:
    """Everything a reader can see: stored fields, every posting with weight and value, lengths, columns."""
    with ix.searcher() as s:
        r = s.reader()
        stored = list(r.all_stored_fields())
        postings = []
        for field, text in r.all_terms():
            m = r.postings(field, text)
            while m.is_active():
                postings.append((field, text, m.id(), m.weight(), m.value()))
                m.next()
        names = ix.schema.names()
        lengths = [(f, d, r.doc_field_length(d, f)) for f in names if ix.schema[f].scorable
                   for d in range(r.doc_count_all())]
        columns = [(f, list(r.column_reader(f, translate=False))) for f in names if r.has_column(f)]
    return stored, postings, lengths, columns


def test_add_document_writes_what_whoosh_writes(tmp_path, monkeypatch):
    from corpus.extract import analyse
    from corpus.loaders import load_file
    from index.records import document_records, records_schema
    from index.schema import document_schema
    from index.store import document_fields
    from index.whoosh_api import _ORIGINAL_ADD_DOCUMENT, SegmentWriter, index

    samples = Path(__file__).resolve().parents[1] / "corpus" / "samples"
    docs = [d for p in sorted(samples.glob("*__*")) for d in load_file(p)]  # the articles, not MANIFEST.json
    pairs = [(d, analyse(d)) for d in docs]
    batches = {"records": (records_schema, [r for d, e in pairs for r in document_records(d, e)]),
               "documents": (document_schema, [document_fields(d, e) for d, e in pairs])}
    for name, (schema, rows) in batches.items():
        built = []
        for how in ("whoosh", "patched"):
            if how == "whoosh":
                monkeypatch.setattr(SegmentWriter, "add_document", _ORIGINAL_ADD_DOCUMENT)
            else:
                monkeypatch.undo()
            folder = tmp_path / f"{name}-{how}"
            folder.mkdir()
            ix = index.create_in(folder, schema())
            with ix.writer() as w:
                for row in rows:
                    w.add_document(**{k: v for k, v in row.items() if v is not None})
            built.append(_index_contents(ix))
        assert len(built[0][0]) == len(rows) >= 9
        assert built[0] == built[1], name
