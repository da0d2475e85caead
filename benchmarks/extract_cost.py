"""What extraction costs ingest: the same N articles ingested without and with extraction.

    python benchmarks/extract_cost.py 2000 [--data DIR] [--rounds 2]

The rule (issue "Who said what…"): extraction must not make ingest more than 2× slower. With
extraction, ingest also writes the quote, claim and figure records. Each round ingests into fresh
indexes, without then with extraction, and prints docs/s and the CPU seconds of this process (the
documents writer) and of its helper processes (parsing and extraction, the records writer). On a
machine with other work running, wall-clock ratios wander; the CPU seconds say where time goes.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from ingest_search import DEFAULT_DATA, read_articles, write_articles  # noqa: E402

from index.ingest import ingest  # noqa: E402


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(src: Path, ix: Path, extract: bool) -> tuple[float, float, float, int]:
    wall, cpu, children = time.perf_counter(), time.process_time(), _children_cpu()
    report = ingest([src], ix, extract=extract)
    return (time.perf_counter() - wall, time.process_time() - cpu, _children_cpu() - children,
            len(report.indexed))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    if not args.data.is_dir():
        sys.exit(f"no data at {args.data}")
    work = Path(tempfile.mkdtemp(prefix="breachdesk-extract-cost-"))
    try:
        src = write_articles(read_articles(args.data, args.n), work / "articles")
        print(f"{'round':>5} {'extraction':>10} {'docs/s':>8} {'wall s':>7} {'main cpu s':>10} {'helpers cpu s':>13}")
        ratios = []
        for r in range(1, args.rounds + 1):
            rates = {}
            for extract in (False, True):
                ix = work / f"ix-{r}-{extract}"
                wall, cpu, helpers, n = run(src, ix, extract)
                rates[extract] = n / wall
                print(f"{r:5} {'on' if extract else 'off':>10} {n / wall:8.1f} {wall:7.1f} {cpu:10.1f} {helpers:13.1f}")
                shutil.rmtree(ix, ignore_errors=True)
            ratios.append(rates[False] / rates[True])
        print("ingest with extraction is " + ", ".join(f"{x:.2f}" for x in ratios) + "× slower (target ≤ 2)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
