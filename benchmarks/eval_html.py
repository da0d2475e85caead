"""Article-extraction benchmark for the HTML loader: shingle precision, recall and F1, and pages/s.

The metric is the article-extraction-benchmark's own (see ../shared/eval/README.md, extraction/):
4-token shingles of `\\w+` tokens, per-page precision/recall of the shingle multisets, averaged over
pages, F1 from the two means. `--check-scorer` scores the published extractors' outputs shipped with
the data instead, so the scorer can be checked against the README's figures (whole page 0.693,
trafilatura 0.953) before trusting the loader's number.

    python benchmarks/eval_html.py [--data DIR] [--limit N] [--worst K] [--check-scorer]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "extraction"
_TOKEN = re.compile(r"\w+")


def shingles(text: str | None, n: int = 4) -> Counter:
    """Multiset of n-token shingles; a text of 1..n-1 tokens is one shingle, an empty text none."""
    tokens = _TOKEN.findall(text or "")
    if not tokens:
        return Counter()
    if len(tokens) < n:
        return Counter([" ".join(tokens)])
    return Counter(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def page_scores(gold: str | None, pred: str | None) -> tuple[float, float]:
    """(precision, recall) of one page; both 1 when prediction and gold agree exactly (even if empty)."""
    g, p = shingles(gold), shingles(pred)
    tp = sum((g & p).values())
    fp = sum((p - g).values())
    fn = sum((g - p).values())
    if fp == fn == 0:
        return 1.0, 1.0
    # the benchmark divides tp, fp, fn by their sum first; the ratios below are unchanged by that
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall


def shingle_f1(pairs: Iterable[tuple[str | None, str | None]]) -> tuple[float, float, float]:
    """Mean page precision, mean page recall and their F1 over (gold, predicted) text pairs."""
    scores = [page_scores(gold, pred) for gold, pred in pairs]
    if not scores:
        return 0.0, 0.0, 0.0
    precision = sum(p for p, _ in scores) / len(scores)
    recall = sum(r for _, r in scores) / len(scores)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def read_gold(data: Path) -> list[dict]:
    with open(data / "dev.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def check_scorer(data: Path) -> None:
    """Print P/R/F1 of each published extractor whose outputs ship with the data."""
    gold = {row["id"]: row["articleBody"] for row in read_gold(data)}
    with open(data / "reference_outputs_dev.jsonl", encoding="utf-8") as fh:
        refs = [json.loads(line) for line in fh if line.strip()]
    names = list(refs[0]["outputs"]) if refs else []
    print(f"{'extractor':<24} {'P':>6} {'R':>6} {'F1':>6}   ({len(refs)} pages)")
    for name in names:
        p, r, f = shingle_f1((gold[ref["id"]], ref["outputs"].get(name)) for ref in refs)
        label = f"{name} (whole page)" if name == "html-text" else name
        print(f"{label:<24} {p:6.3f} {r:6.3f} {f:6.3f}")


def evaluate(data: Path, limit: int | None = None, worst: int = 0) -> tuple[float, float, float, float]:
    """Run the loader on every page; print and return P, R, F1 and pages per second."""
    from corpus.document import LoadError
    from corpus.loaders.html import load_html

    rows = read_gold(data)[:limit]
    pages = [(row, (data / row["html_path"]).read_text(encoding="utf-8", errors="replace")) for row in rows]
    predictions = []
    failures = 0
    start = time.perf_counter()
    for row, html in pages:
        try:
            predictions.append(load_html(html, row["html_path"]).text)
        except LoadError as exc:
            failures += 1
            predictions.append("")
            print(f"  LoadError on {row['id'][:12]}: {exc}", file=sys.stderr)
    elapsed = time.perf_counter() - start
    pairs = [(row["articleBody"], pred) for (row, _), pred in zip(pages, predictions, strict=True)]
    p, r, f = shingle_f1(pairs)
    speed = len(pages) / elapsed if elapsed else float("inf")
    print(f"pages {len(pages)}  load errors {failures}")
    print(f"P {p:.4f}  R {r:.4f}  F1 {f:.4f}")
    print(f"{speed:.1f} pages/s ({elapsed:.2f} s)")
    if worst:
        ranked = sorted(
            ((page_scores(g, pr), row) for (g, pr), (row, _) in zip(pairs, pages, strict=True)),
            key=lambda item: 2 * item[0][0] * item[0][1] / (sum(item[0]) or 1),
        )
        for (pp, rr), row in ranked[:worst]:
            print(f"  P {pp:.3f} R {rr:.3f}  {row['id'][:12]}  {row.get('url', '')[:80]}")
    return p, r, f, speed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="extraction eval folder")
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages")
    parser.add_argument("--worst", type=int, default=0, help="list the K lowest-scoring pages")
    parser.add_argument("--check-scorer", action="store_true", help="score the shipped reference outputs")
    args = parser.parse_args(argv)
    if not (args.data / "dev.jsonl").is_file():
        print(f"no extraction data at {args.data}", file=sys.stderr)
        return 2
    if args.check_scorer:
        check_scorer(args.data)
    else:
        evaluate(args.data, args.limit, args.worst)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
