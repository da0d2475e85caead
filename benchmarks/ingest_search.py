"""Ingest and search speed on N real articles, against raw Whoosh on the same texts.

    python benchmarks/ingest_search.py 10000 [--no-extract] [--data DIR]

Writes N articles from ../shared/corpora/scale/*.jsonl.gz as one JSON file each (as a user's
folder would be), ingests them with breachdesk, runs 200 varied queries, then indexes the same
texts with a bare Whoosh schema (no loading, no extraction) and runs the same queries: the ratio
of the two is breachdesk's overhead.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from index.ingest import ingest  # noqa: E402
from index.search import QueryError, search  # noqa: E402
from index.whoosh_api import TEXT, Schema, StemmingAnalyzer, index, qparser  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "corpora" / "scale"


def read_articles(folder: Path, n: int) -> list[dict]:
    out = []
    for path in sorted(folder.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                if len(rec.get("text") or "") > 200:
                    out.append(rec)
                    if len(out) >= n:
                        return out
    return out


def write_articles(articles: list[dict], folder: Path) -> Path:
    """One JSON file per article, as a user's folder would hold them (files already there are kept)."""
    folder.mkdir(parents=True, exist_ok=True)
    for i, a in enumerate(articles):
        path = folder / f"{i:06}.json"
        if not path.exists():
            path.write_text(json.dumps(a, ensure_ascii=False), encoding="utf-8")
    return folder


def make_queries(articles: list[dict], k: int = 200) -> list[str]:
    rng = random.Random(7)
    words = [w for a in articles[:2000] for w in (a.get("title") or "").split() if w.isalpha() and len(w) > 4]
    outlets = [a["outlet"].split()[0] for a in articles if a.get("outlet") and a["outlet"].split()[0].isalpha()]
    queries = []
    for i in range(k):
        kind = i % 5
        if kind == 0:
            queries.append(rng.choice(words))
        elif kind == 1:
            queries.append(f"{rng.choice(words)} AND {rng.choice(words)}")
        elif kind == 2:
            a = rng.choice(articles)
            t = (a.get("title") or "").split()
            queries.append('"' + " ".join(t[:2]) + '"' if len(t) >= 2 else rng.choice(words))
        elif kind == 3:
            queries.append(f"outlet:{rng.choice(outlets).lower()} {rng.choice(words)}")
        else:
            queries.append(f"{rng.choice(words)} OR {rng.choice(words)} NOT {rng.choice(words)}")
    return queries


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1] if len(values) > 1 else values[0]


def dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def raw_whoosh(articles: list[dict], queries: list[str], folder: Path) -> tuple[float, list[float]]:
    schema = Schema(title=TEXT(analyzer=StemmingAnalyzer(), stored=True),
                    text=TEXT(analyzer=StemmingAnalyzer(), stored=True), outlet=TEXT(stored=True))
    ix = index.create_in(folder, schema)
    started = time.perf_counter()
    writer = ix.writer()
    for a in articles:
        writer.add_document(title=a.get("title") or "", text=a["text"], outlet=a.get("outlet") or "")
    writer.commit()
    rate = len(articles) / (time.perf_counter() - started)
    parser = qparser.MultifieldParser(["title", "text", "outlet"], schema)
    latencies = []
    with ix.searcher() as searcher:
        for q in queries:
            t = time.perf_counter()
            results = searcher.search(parser.parse(q), limit=10)
            for r in results:
                r.highlights("text")
            latencies.append((time.perf_counter() - t) * 1000)
    return rate, latencies


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--no-extract", action="store_true")
    ap.add_argument("--keep", type=Path, metavar="DIR",
                    help="keep the breachdesk index in DIR (for crossref_speed.py / tui_speed.py --index DIR)")
    args = ap.parse_args()
    if not args.data.is_dir():
        sys.exit(f"no data at {args.data}")
    articles = read_articles(args.data, args.n)
    queries = make_queries(articles)
    work = Path(tempfile.mkdtemp(prefix="breachdesk-bench-"))
    try:
        src = write_articles(articles, work / "articles")
        ix_dir = args.keep or work / "ix"
        report = ingest([src], ix_dir, extract=not args.no_extract)
        rate = len(report.indexed) / report.seconds
        latencies = []
        for q in queries:
            t = time.perf_counter()
            try:
                search(ix_dir, q, limit=10)
            except QueryError:
                pass  # e.g. a phrase of stop words: answered (with an error) all the same
            latencies.append((time.perf_counter() - t) * 1000)
        raw_rate, raw_lat = raw_whoosh(articles, queries, _mk(work / "raw"))
        print(f"articles: {len(articles)} ({sum(len(a['text']) for a in articles) / 1e6:.1f} M chars), "
              f"extraction: {'off' if args.no_extract else 'on'}, failed: {len(report.failed)}")
        print(f"breachdesk ingest: {rate:8.1f} docs/s   index size {dir_size(ix_dir) / 1e6:7.1f} MB   "
              f"query p50 {percentile(latencies, 50):6.1f} ms  p95 {percentile(latencies, 95):6.1f} ms")
        print(f"raw whoosh:        {raw_rate:8.1f} docs/s   index size {dir_size(work / 'raw') / 1e6:7.1f} MB   "
              f"query p50 {percentile(raw_lat, 50):6.1f} ms  p95 {percentile(raw_lat, 95):6.1f} ms")
        print(f"overhead: ingest {raw_rate / rate:.2f}x slower, query p95 {percentile(latencies, 95) / percentile(raw_lat, 95):.2f}x")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _mk(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


if __name__ == "__main__":
    main()
