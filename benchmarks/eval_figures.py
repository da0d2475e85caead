"""Score `extract_figures` on NewsQuant (value F1) and measure its speed on real articles.

NewsQuant metric (../shared/eval/README.md): per sentence, each gold quantity is greedily matched to an
unused predicted figure whose value is within relative 1e-5; a gold range [lo, hi] needs a predicted
range whose low and high are both close. Gold ranges are compared as intervals (NewsQuant writes a
fall "from 36,040 to 34,935" as [36040, 34935]; a Figure keeps low <= high). Micro P/R/F1.

    python benchmarks/eval_figures.py                # P/R/F1 on dev, sentences/s
    python benchmarks/eval_figures.py --errors       # also list misses and false positives
    python benchmarks/eval_figures.py --speed 2000   # also articles/s on 2,000 AllSides articles
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from corpus.extracted import Figure  # noqa: E402
from corpus.figures import extract_figures  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "newsquant" / "dev.jsonl"
DEFAULT_SPEED = ROOT.parent / "shared" / "corpora" / "scale" / "allsides_article_bias_37554.jsonl.gz"


def _close(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and math.isclose(a, b, rel_tol=1e-5, abs_tol=1e-12)


def _matches(gold: dict, fig: Figure) -> bool:
    rng = gold.get("range")
    if rng:
        lo, hi = sorted(rng)
        return _close(fig.low, lo) and _close(fig.high, hi)
    if fig.low is not None and fig.high is not None and fig.low != fig.high:
        return False  # a predicted range does not match a single gold value
    return _close(fig.value, gold["value"])


def match_sentence(gold: list[dict], figures: list[Figure]) -> tuple[int, list[dict], list[Figure]]:
    """Greedy matching; returns (true positives, missed gold, unmatched figures)."""
    used = [False] * len(figures)
    missed = []
    tp = 0
    for g in gold:
        for i, fig in enumerate(figures):
            if not used[i] and _matches(g, fig):
                used[i] = True
                tp += 1
                break
        else:
            missed.append(g)
    return tp, missed, [f for i, f in enumerate(figures) if not used[i]]


def evaluate(path: str | Path = DEFAULT_DATA, errors: bool = False) -> dict:
    """Value precision/recall/F1 of extract_figures over a NewsQuant JSONL file."""
    rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    tp = fp = fn = 0
    elapsed = 0.0
    for row in rows:
        t0 = time.perf_counter()
        figures = extract_figures(row["text"])
        elapsed += time.perf_counter() - t0
        gold = row["quantities"]
        n_tp, missed, extra = match_sentence(gold, figures)
        tp += n_tp
        fn += len(missed)
        fp += len(extra)
        if errors and (missed or extra):
            print(f"\n{row['id']}: {row['text']}")
            for g in missed:
                print(f"   MISS {g['range'] or g['value']!r:>24}  {g['value_raw']!r} {g['unit']!r}")
            for f in extra:
                shown = [f.low, f.high] if f.low is not None and f.high is not None else f.value
                print(f"   FP   {shown!r:>24}  {f.text!r} unit={f.unit!r} q={f.qualifier!r}")
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "sentences": len(rows),
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "sentences_per_s": len(rows) / elapsed if elapsed else float("inf"),
    }


def speed(path: str | Path = DEFAULT_SPEED, n: int = 2000) -> dict:
    """Articles per second of extract_figures over the first `n` articles (field `text`).

    Also per CPU-second: on a shared machine wall-clock time mostly measures the neighbours."""
    texts = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if len(texts) >= n:
                break
            texts.append(json.loads(line)["text"])
    t0, c0 = time.perf_counter(), time.process_time()
    count = 0
    for text in texts:
        count += len(extract_figures(text))
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    chars = sum(len(t) for t in texts)
    return {
        "articles": len(texts),
        "figures": count,
        "seconds": elapsed,
        "cpu_seconds": cpu,
        "articles_per_s": len(texts) / elapsed,
        "articles_per_cpu_s": len(texts) / cpu if cpu else float("inf"),
        "mb_per_s": chars / elapsed / 1e6,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=str(DEFAULT_DATA), help="NewsQuant JSONL (default: shared dev half)")
    ap.add_argument("--errors", action="store_true", help="print misses and false positives")
    ap.add_argument("--speed", type=int, metavar="N", help="also time N articles from --speed-data")
    ap.add_argument("--speed-data", default=str(DEFAULT_SPEED))
    args = ap.parse_args(argv)
    r = evaluate(args.data, errors=args.errors)
    print(
        f"NewsQuant {Path(args.data).name}: {r['sentences']} sentences  tp={r['tp']} fp={r['fp']} fn={r['fn']}\n"
        f"  value P={r['precision']:.3f} R={r['recall']:.3f} F1={r['f1']:.3f}   "
        f"({r['sentences_per_s']:,.0f} sentences/s)"
    )
    if args.speed:
        s = speed(args.speed_data, args.speed)
        print(
            f"speed: {s['articles']} articles, {s['figures']} figures in {s['seconds']:.2f}s = "
            f"{s['articles_per_s']:,.0f} articles/s ({s['mb_per_s']:.1f} MB/s); "
            f"{s['articles_per_cpu_s']:,.0f} articles per CPU-second"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
