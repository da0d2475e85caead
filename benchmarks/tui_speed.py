"""How fast the reader is on a large index: start to first usable screen, keystroke to results.

    python benchmarks/tui_speed.py [--n 10000] [--index DIR] [--extract] [--interval 0.08]

Builds (once, then reuses) an index of N real articles from ../shared/corpora/scale, or uses
--index DIR. Then:

* start: a fresh Python process imports the reader and runs it headless at 160x50; the time from
  spawning the process to the query box having focus (usable: keystrokes land) and to the first
  listing on screen. Five runs; median and worst.
* typing: in one running app, queries made of title words are typed one key every --interval
  seconds (0.08 s is a fast typist). For each keystroke, the time until the results on screen
  include it (that text, or a longer one typed after it). p50, p95, max, and how long the
  searches themselves took, since the debounce and the search are the two parts of that delay.

Headless: no terminal is drawn to, so real terminals add their own paint time on top.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ingest_search import read_articles, write_articles  # noqa: E402  (same articles as the ingest benchmark)

DEFAULT_DATA = ROOT.parent / "shared" / "corpora" / "scale"
SIZE = (160, 50)

CHILD = r"""
import asyncio, sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
from reader.app import BreachdeskApp

async def main():
    app = BreachdeskApp(Path({index!r}), settings_path=Path({settings!r}))
    async with app.run_test(size={size!r}) as pilot:
        screen = app.screen
        while not (screen.is_mounted and screen.query("#query") and screen.query_one("#query").has_focus):
            await asyncio.sleep(0.002)
        print("usable", flush=True)
        while not screen.shown_log:
            await asyncio.sleep(0.002)
        print("listed", flush=True)

asyncio.run(main())
"""


def build_index(data: Path, n: int, target: Path, extract: bool) -> list[dict]:
    """Write N articles as one JSON file each and ingest them (skipped when already done)."""
    from index.ingest import ingest

    articles = read_articles(data, n)
    src = write_articles(articles, target / "articles")
    started = time.perf_counter()
    report = ingest([src], target / "index", extract=extract)
    if report.indexed:
        print(f"built the index: {len(report.indexed)} files in {time.perf_counter() - started:.0f}s "
              f"(extraction {'on' if extract else 'off'})")
    return articles


def make_queries(articles: list[dict], k: int, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    words = [w.lower() for a in articles[:3000] for w in (a.get("title") or "").split()
             if w.isalpha() and 4 <= len(w) <= 11]
    queries = []
    while len(queries) < k:
        q = rng.choice(words) if rng.random() < 0.6 else f"{rng.choice(words)} {rng.choice(words)}"
        if q not in queries:
            queries.append(q)
    return queries


def startup(index: Path, runs: int = 5) -> tuple[list[float], list[float]]:
    usable, listed = [], []
    with tempfile.TemporaryDirectory() as tmp:
        code = CHILD.format(root=str(ROOT), index=str(index), settings=str(Path(tmp) / "s.json"), size=SIZE)
        for _ in range(runs):
            started = time.perf_counter()
            proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
            for line in proc.stdout:
                if line.startswith("usable"):
                    usable.append(time.perf_counter() - started)
                elif line.startswith("listed"):
                    listed.append(time.perf_counter() - started)
            proc.wait()
    return usable, listed


def key_event(app, ch: str):
    """The event a terminal driver would post for `ch`."""
    from textual import events
    from textual.keys import _character_to_key

    key = ch if ch.isalnum() else _character_to_key(ch)
    event = events.Key(key, ch)
    event.set_sender(app)
    return event


async def typing(index: Path, queries: list[str], interval: float) -> tuple[list[float], list[float]]:
    """Keys come from a thread at a steady pace, as from a terminal driver's input thread, whether
    or not the app has caught up; each keystroke's delay ends when its results are on screen."""
    from reader.app import BreachdeskApp

    latencies, searches = [], []
    with tempfile.TemporaryDirectory() as tmp:
        app = BreachdeskApp(index, settings_path=Path(tmp) / "s.json")
        async with app.run_test(size=SIZE):
            screen = app.screen
            box = screen.query_one("#query")
            while not screen.shown_log:
                await asyncio.sleep(0.01)
            for query in queries:
                box.value = ""
                while screen.shown_text != "" or screen._searching:
                    await asyncio.sleep(0.01)
                await asyncio.sleep(0.2)
                logged = len(screen.shown_log)
                keys: list[tuple[float, str]] = []

                def typist(query=query, keys=keys):
                    for i, ch in enumerate(query):
                        keys.append((time.perf_counter(), query[: i + 1]))
                        app._driver.send_message(key_event(app, ch))
                        time.sleep(interval)

                thread = threading.Thread(target=typist)
                thread.start()
                while thread.is_alive() or screen.shown_text != query or screen._searching:
                    await asyncio.sleep(0.005)
                thread.join()
                shown = screen.shown_log[logged:]
                searches += [s for _t, _text, s in shown]
                for pressed, prefix in keys:
                    seen = next(t for t, text, _s in shown if t >= pressed and text.startswith(prefix))
                    latencies.append(seen - pressed)
    return latencies, searches


def pct(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100)[q - 1] if len(values) > 1 else values[0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--index", type=Path, help="an existing index to measure instead of building one")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "breachdesk-tui-bench",
                    help="where the built index is kept between runs")
    ap.add_argument("--extract", action="store_true", help="build the index with quote/figure extraction")
    ap.add_argument("--queries", type=int, default=25)
    ap.add_argument("--interval", type=float, default=0.08, help="seconds between keystrokes")
    args = ap.parse_args()

    if args.index:
        index = args.index
        articles = read_articles(args.data, min(args.n, 3000)) if args.data.is_dir() else []
    else:
        if not args.data.is_dir():
            sys.exit(f"no data at {args.data}; give --index DIR")
        target = args.cache / f"{args.n}{'-extract' if args.extract else ''}"
        articles = build_index(args.data, args.n, target, args.extract)
        index = target / "index"
    from index.search import search

    documents = search(index, "*:*", limit=1).total
    queries = make_queries(articles, args.queries) if articles else ["breach", "data breach", "hackers"]

    usable, listed = startup(index)
    latencies, searches = asyncio.run(typing(index, queries, args.interval))

    print(f"index: {documents} documents at {index}")
    print(f"start to usable screen:  median {statistics.median(usable):.2f} s   worst {max(usable):.2f} s   "
          f"(target <= 1 s; {len(usable)} cold starts)")
    print(f"start to first listing:  median {statistics.median(listed):.2f} s   worst {max(listed):.2f} s")
    print(f"keystroke to results:    p50 {pct(latencies, 50) * 1000:.0f} ms   p95 {pct(latencies, 95) * 1000:.0f} ms   "
          f"max {max(latencies) * 1000:.0f} ms   (target p95 <= 100 ms; {len(latencies)} keystrokes, "
          f"{len(queries)} queries, one key every {args.interval * 1000:.0f} ms)")
    print(f"searches while typing:   {len(searches)} for {len(latencies)} keystrokes   "
          f"p50 {pct(searches, 50) * 1000:.0f} ms   p95 {pct(searches, 95) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
