"""Articles per second of extraction (quotes, claims, figures) on real news text.

    python benchmarks/extract_speed.py [N=2000] [--data FILE]

Prints wall-clock and CPU-time rates: on a shared machine the CPU-time figure is the steadier one.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from corpus.extract import analyse_text  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "corpora" / "scale" / "allsides_article_bias_37554.jsonl.gz"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int, nargs="?", default=2000)
    ap.add_argument("--data", type=Path, default=DEFAULT)
    args = ap.parse_args()
    texts = []
    with gzip.open(args.data, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec.get("text"):
                texts.append((rec["text"], rec.get("outlet")))
            if len(texts) >= args.n:
                break
    wall, cpu = time.perf_counter(), time.process_time()
    counts = [0, 0, 0]
    for text, outlet in texts:
        found = analyse_text(text, default_source=outlet)
        counts[0] += len(found.quotes)
        counts[1] += len(found.claims)
        counts[2] += len(found.figures)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    chars = sum(len(t) for t, _ in texts)
    print(f"{len(texts)} articles ({chars / len(texts):.0f} chars mean): {len(texts) / wall:.0f} articles/s wall, "
          f"{len(texts) / cpu:.0f} articles/s CPU; {counts[0]} quotes, {counts[1]} claims, {counts[2]} figures")


if __name__ == "__main__":
    main()
