"""Speed of the cross-reference queries on an N-article index (target: each within 0.5 s at 10,000).

    python benchmarks/crossref_speed.py 10000 [--index DIR] [--data DIR] [--runs 30]

Builds the index from ../shared/corpora/scale/*.jsonl.gz (the four sources interleaved, extraction
on; one JSON file per article, as a user's folder would be), or reuses `--index DIR` when it already
holds one. Then times every public query of index/crossref.py on varied inputs drawn from the index
itself: words, speakers, value ranges, quote and figure ids, source names. Each call opens the index
as a CLI command does; the merge of sources that ends an ingest is timed on its own.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from ingest_search import write_articles  # noqa: E402

from index import crossref, source_store  # noqa: E402
from index.ingest import ingest  # noqa: E402
from index.records import open_records  # noqa: E402
from index.search import QueryError  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "corpora" / "scale"
TOPICS = ["cambridge analytica", "facebook", "breach", "hackers", "tax", "election", "oil prices", "immigration",
          "health care", "trade deficit", "bank", "unemployment", "police", "court ruling", "stock market",
          "ransomware", "privacy", "budget", "climate", "Trump"]


def read_articles(folder: Path, n: int) -> list[dict]:
    """Up to n articles with a body, the corpora interleaved so that the mix is not one source."""
    streams = [gzip.open(p, "rt", encoding="utf-8") for p in sorted(folder.glob("*.jsonl.gz"))]
    out: list[dict] = []
    try:
        while len(out) < n and streams:
            for fh in list(streams):
                line = fh.readline()
                if not line:
                    streams.remove(fh)
                    continue
                rec = json.loads(line)
                if len(rec.get("text") or "") > 200:
                    out.append(rec)
                    if len(out) >= n:
                        break
    finally:
        for fh in streams:
            fh.close()
    return out


def build(index_dir: Path, data: Path, n: int) -> None:
    articles = read_articles(data, n)
    work = Path(tempfile.mkdtemp(prefix="breachdesk-xref-"))
    try:
        src = write_articles(articles, work / "articles")
        report = ingest([src], index_dir)
        print(f"built: {len(report.indexed)} files, {report.documents} documents, {len(report.failed)} failed, "
              f"{report.seconds:.0f} s ({report.documents / report.seconds:.1f} docs/s with extraction and records)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def inputs(index_dir: Path, runs: int, rng: random.Random) -> dict[str, list]:
    """Query inputs sampled from what the index holds."""
    rix = open_records(index_dir)
    quotes, figures = [], []
    with rix.searcher() as s:
        reader = s.reader()
        for docnum in rng.sample(range(reader.doc_count_all()), min(20000, reader.doc_count_all())):
            if reader.is_deleted(docnum):
                continue
            f = reader.stored_fields(docnum)
            if f.get("type") == "quote" and len(f.get("text", "").split()) >= 8:
                quotes.append(f)
            elif f.get("type") == "figure" and f.get("family") not in (None, "count"):
                figures.append(f)
    sources = crossref.list_sources(index_dir, limit=200)
    people = [s for s in sources if s.kind == "person"]
    outlets = [s for s in sources if s.kind == "outlet"]
    pick = lambda xs, k: rng.sample(xs, min(k, len(xs)))  # noqa: E731
    half = max(1, runs // 2)
    return {
        "quotes": [(t, None) for t in pick(TOPICS, half)] + [(None, p.name) for p in pick(people, half)],
        "figures": [(t, None, None, None) for t in pick(TOPICS, half)]
        + [(None, 1e6, 1e8, u) for u in ["people", "users", "records", "accounts", "USD"] * (half // 5 + 1)][:half],
        "trail": [q["id"] for q in pick(quotes, half)] + [" ".join(q["text"].split()[:8]) for q in pick(quotes, half)],
        "compare": pick(TOPICS, half) + [f["id"] for f in pick(figures, half)],
        "sources": [None] * 3 + [p.name for p in pick(people, half)] + [o.name for o in pick(outlets, half // 2)],
        "document": [q["doc_id"] for q in pick(quotes, runs)],
    }


def cli(index_dir: Path, todo: dict[str, list]) -> None:
    """The same commands as a user runs them: a new process each, Python start-up and imports included."""
    def args(name, a) -> list[str]:
        if name == "quotes":
            return ["quotes", a[0]] if a[0] else ["quotes", "--speaker", a[1]]
        if name == "figures":
            return ["figures", a[0]] if a[0] else ["figures", "--min", str(a[1]), "--max", str(a[2]), "--unit", a[3]]
        return {"trail": ["trail", a], "compare": ["compare", a], "sources": ["sources"] + ([a] if a else [])}[name]

    print(f"{'CLI':10} {'n':>4} {'median ms':>10} {'max ms':>8}   (python -m reader.cli --json …, new process)")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for name in ("quotes", "figures", "trail", "compare", "sources"):
        times = []
        for a in todo[name][:6]:
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "reader.cli", "--index", str(index_dir), *args(name, a), "--json"],
                           env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
            times.append((time.perf_counter() - started) * 1000)
        print(f"{name:10} {len(times):4} {statistics.median(times):10.1f} {max(times):8.1f}")


def timed(fn) -> float:
    started = time.perf_counter()
    try:
        fn()
    except (QueryError, crossref.NotFound):
        pass  # answered, with a message
    return time.perf_counter() - started


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int, nargs="?", default=10000)
    ap.add_argument("--index", type=Path, help="reuse (or build into) this folder")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--runs", type=int, default=30)
    args = ap.parse_args()
    keep = args.index is not None
    index_dir = args.index or Path(tempfile.mkdtemp(prefix="breachdesk-xref-ix-"))
    try:
        if open_records(index_dir) is None:
            if not args.data.is_dir():
                sys.exit(f"no data at {args.data}")
            build(index_dir, args.data, args.n)
        started = time.perf_counter()  # what the end of an ingest does when records changed
        rix = open_records(index_dir)
        source_store.write(index_dir / source_store.FILE, source_store.merge(rix), rix.latest_generation())
        merge = time.perf_counter() - started
        source_store._CACHE.clear()  # as in a new process: the stored sources are opened, not merged
        cold = timed(lambda: crossref.list_sources(index_dir, limit=10))
        rng = random.Random(11)
        todo = inputs(index_dir, args.runs, rng)
        with rix.searcher() as s:
            counts = {t: s.doc_frequency("type", t) for t in ("doc", "quote", "figure")}
            counts["claim"] = sum(len(f.get("claims", ())) for f in s.documents(type="claim"))  # one record a document
        print(f"index: {counts['doc']} documents, {counts['quote']} quotes, {counts['figure']} figures, "
              f"{counts['claim']} claims")
        print(f"merging sources at the end of an ingest: {merge * 1000:.0f} ms; "
              f"opening the stored sources: {cold * 1000:.0f} ms")
        calls = {
            "quotes": lambda a: crossref.list_quotes(index_dir, a[0], a[1]),
            "figures": lambda a: crossref.list_figures(index_dir, a[0], a[1], a[2], a[3]),
            "trail": lambda a: crossref.quote_trail(index_dir, a),
            "compare": lambda a: crossref.compare_figures(index_dir, a),
            "sources": lambda a: crossref.source_sheet(index_dir, a) if a else crossref.list_sources(index_dir),
            "document": lambda a: crossref.get_document(index_dir, a),
        }
        worst = 0.0
        print(f"{'command':10} {'n':>4} {'median ms':>10} {'p95 ms':>8} {'max ms':>8}")
        slowest = []
        for name, fn in calls.items():
            timings = sorted(((timed(lambda a=a, fn=fn: fn(a)) * 1000, a) for a in todo[name]), key=lambda x: x[0])
            times = [t for t, _ in timings]
            p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
            worst = max(worst, times[-1])
            slowest.append(f"  {name}: {times[-1]:.0f} ms for {str(timings[-1][1])[:70]!r}")
            print(f"{name:10} {len(times):4} {statistics.median(times):10.1f} {p95:8.1f} {times[-1]:8.1f}")
        print(f"slowest single call: {worst:.0f} ms (target 500 ms)")
        print("slowest input per command:\n" + "\n".join(slowest))
        cli(index_dir, todo)
    finally:
        if not keep:
            shutil.rmtree(index_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
