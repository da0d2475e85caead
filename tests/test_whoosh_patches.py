"""The patches index/whoosh_api.py makes to Whoosh 2.7.4 keep its answers and fix its hang."""

from __future__ import annotations

import threading

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
