"""Which figures are about the same thing, and do their sources agree?

Figures are grouped only within a unit family (people, accounts, records, one currency…), then by
the words around them (idf-weighted, so that words every candidate shares, like the company's
name, count for little) and by magnitude: counts an order of magnitude apart are not estimates of
one quantity (270,000 app users are not a low estimate of 87 million profiles). A group then gets
its verdict: do the sources agree, diverge as estimates, contradict each other's bounds, or did
the number change over time?
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime

MAX_RATIO = 4.0  # largest/smallest value inside one group: estimates of one quantity rarely differ more
SAME_THING = 0.22  # cosine of context vectors from which two figures are about the same thing
# Percentages, durations and other units are said of many different things in like words ("41% of
# voters say"): they need more alike words than counts of people, accounts, records or money.
SAME_THING_OTHER = 0.4


def same_thing(family: str) -> float:
    counted = family in COUNTED or family.startswith("money:") or family == "count"
    return SAME_THING if counted else SAME_THING_OTHER
RELATED = 0.1  # cosine between groups of different units worth telling the user about
CLOSE_VALUE = 0.12  # values this close (relative) count as extra evidence of the same quantity
EXACT_TOLERANCE = 0.02  # rounding: "1.2 million" may be 1,190,000
APPROX_TOLERANCE = 0.10  # "about", "around", "nearly", "roughly"
UPPER = {"up to", "no more than", "as many as", "at most", "fewer than", "less than", "under", "below",
         "not more than", "a maximum of", "maximum", "max"}
LOWER = {"at least", "more than", "over", "above", "in excess of", "upwards of", "no fewer than",
         "no less than", "not less than", "a minimum of", "minimum", "min"}


@dataclass
class Item:
    """What grouping needs to know about one figure."""

    id: str
    value: float
    family: str
    words: list[str]  # context stems, nearest first
    topic: list[str] = field(default_factory=list)  # words of its document's title
    low: float | None = None
    high: float | None = None
    qualifier: str | None = None
    date: datetime | None = None
    doc_id: str = ""
    source_key: str | None = None
    relevance: float = 1.0
    unit: str | None = None
    number: str = ""  # as printed, for its significant digits
    tol: float = -1.0  # cached by _tolerance


def bounds(item: Item) -> tuple[float, float]:
    """The interval a source commits to: `up to 87m` -> (0, 87m); `at least 3.4m` -> (3.4m, inf);
    `about 1.2m` -> 1.2m ± 10%; a plain number -> ± rounding."""
    q = (item.qualifier or "").lower().strip()
    v = item.value
    if item.low is not None and item.high is not None and item.low != item.high:
        return item.low, item.high
    if q in UPPER or (item.high is not None and item.low is None):
        return 0.0, item.high if item.high is not None else v
    if q in LOWER or (item.low is not None and item.high is None):
        return item.low if item.low is not None else v, math.inf
    tol = _tolerance(item)
    return v * (1 - tol), v * (1 + tol)


def is_upper_bound(item: Item) -> bool:
    lo, hi = bounds(item)
    return lo == 0.0 and hi != math.inf


def vectors(items: list[Item]) -> dict[str, dict[str, float]]:
    """idf-weighted context vectors; words near the figure weigh more than the title's."""
    df: Counter = Counter()
    for it in items:
        df.update(set(it.words) | set(it.topic))
    n = len(items) + 1
    out = {}
    for it in items:
        vec: dict[str, float] = {}
        for rank, w in enumerate(it.words):
            idf = math.log(n / df[w]) + 0.1
            vec[w] = max(vec.get(w, 0.0), idf * (1.0 if rank < 6 else 0.6))
        for w in it.topic:
            idf = math.log(n / df[w]) + 0.1
            vec[w] = max(vec.get(w, 0.0), idf * 0.35)
        out[it.id] = vec
    return out


def cosine(a: dict[str, float], b: dict[str, float], na: float | None = None, nb: float | None = None) -> float:
    """Cosine of two sparse vectors; `na`/`nb`: their norms when already known."""
    if len(a) > len(b):
        a, b, na, nb = b, a, nb, na
    dot = sum(w * b[k] for k, w in a.items() if k in b)
    if not dot:
        return 0.0
    na = na if na is not None else math.sqrt(sum(w * w for w in a.values()))
    nb = nb if nb is not None else math.sqrt(sum(w * w for w in b.values()))
    return dot / (na * nb)


@dataclass
class Cluster:
    family: str
    members: list[Item] = field(default_factory=list)
    centroid: dict[str, float] = field(default_factory=dict)
    lo: float = math.inf
    hi: float = 0.0
    _norm: float | None = None  # of the centroid, until it changes

    def norm(self) -> float:
        if self._norm is None:
            self._norm = math.sqrt(sum(w * w for w in self.centroid.values()))
        return self._norm

    def fits(self, value: float) -> bool:
        return max(self.hi, value) <= MAX_RATIO * max(min(self.lo, value), 1e-9)

    def add(self, item: Item, vec: dict[str, float]) -> None:
        self.members.append(item)
        self._norm = None
        for k, w in vec.items():
            self.centroid[k] = self.centroid.get(k, 0.0) + w
        self.lo = min(self.lo, item.value)
        self.hi = max(self.hi, item.value)


def cluster(items: list[Item]) -> list[Cluster]:
    """Single-link clustering, most relevant figures first: each figure joins the group holding the
    figures most like it (same family, magnitude within MAX_RATIO of the whole group, and, for a
    large group, like more than one of its figures), or starts its own. Groups that turn out alike
    are merged, then figures left alone or in pairs get a second chance to join a larger group. A
    number whose unit the text left unsaid ("of which about 30 million could be matched") may join a
    counted group, on stronger evidence."""
    g = _Grouper(items)
    for it in sorted(items, key=lambda x: (x.family == "count", -x.relevance, x.id)):
        best = g.best(it)
        if best is None:
            best = Cluster(it.family)
            g.clusters.append(best)
        g.place(it, best)
    g.clusters = _merge(g.clusters)
    g.reassign_small()
    return [c for c in g.clusters if c.members]


class _Grouper:
    def __init__(self, items: list[Item]):
        self.vecs = vectors(items)
        self.bucket = {it.id: _bucket(it.value) for it in items}
        self.norms = {k: math.sqrt(sum(w * w for w in v.values())) or 1.0 for k, v in self.vecs.items()}
        self.postings: dict[tuple[str, str], list[Item]] = defaultdict(list)
        self.owner: dict[str, Cluster] = {}
        self.clusters: list[Cluster] = []
        self.by_bucket: dict[tuple[str, int], list[Cluster]] = defaultdict(list)
        # a word in a large share of a family's figures tells little: not used to find candidates
        df: Counter = Counter()
        for it in items:
            df.update((it.family, w) for w in self.vecs[it.id])
        size = Counter(it.family for it in items)
        self.common = {fw for fw, n in df.items() if n > max(20, COMMON_SHARE * size[fw[0]])}

    def place(self, it: Item, c: Cluster) -> None:
        c.add(it, self.vecs[it.id])
        if it.id not in self.owner:
            for w in self.vecs[it.id]:
                self.postings[(it.family, w)].append(it)
        self.owner[it.id] = c
        bucket = self.by_bucket[(c.family, self.bucket[it.id])]
        if c not in bucket:
            bucket.append(c)

    def best(self, it: Item, exclude: Cluster | None = None) -> Cluster | None:
        vec = self.vecs[it.id]
        families = (it.family, *COUNTED) if it.family == "count" else (it.family,)
        # candidates share one of the figure's most telling words (the rare ones: short lists);
        # their similarity is then computed over all words
        telling = sorted(vec, key=lambda w: -vec[w])[:TELLING_WORDS]
        candidates = {other.id: other for fam in families for w in telling if (fam, w) not in self.common
                      for other in self.postings.get((fam, w), ())}
        near = self.bucket[it.id]  # and figures of about the same value, whatever their words
        for fam in families:
            for b in (near - 1, near, near + 1):
                for c in self.by_bucket.get((fam, b), ()):
                    candidates.update((m.id, m) for m in c.members[:30] if abs(self.bucket[m.id] - near) <= 1)
        candidates.pop(it.id, None)
        per_cluster: dict[int, tuple[Cluster, list[float]]] = {}
        allowed: dict[int, bool] = {}
        norm = self.norms[it.id]
        for oid in candidates:
            other = self.vecs[oid]
            if vec.keys().isdisjoint(other):
                continue  # no shared word: even with the value bonus (≤ 0.2) it could not reach same_thing
            c = self.owner[oid]
            ok = allowed.get(id(c))
            if ok is None:
                ok = allowed[id(c)] = c is not exclude and _may_join(c, it)
            if ok:
                sim = cosine(vec, other, norm, self.norms[oid])
                if sim:
                    per_cluster.setdefault(id(c), (c, []))[1].append(sim)
        best, best_sim = None, 0.0
        for c, sims in per_cluster.values():
            sims.sort(reverse=True)
            bonus = _value_bonus(c, it)
            sim = sims[0] + bonus
            if it.family != c.family and not bonus:
                sim -= 0.1  # a number with its unit left unsaid needs more than words to join
            # one shared sentence is not enough to join a large group about other things
            if not bonus and len(c.members) >= 3 and (len(sims) < 2 or sims[1] < same_thing(c.family) / 2):
                continue
            if sim > best_sim:
                best, best_sim = c, sim
        if best is not None and best_sim >= same_thing(best.family):
            return best
        for fam in families:  # no telling word shared, but the same number of the same thing
            for b in range(near - 3, near + 4):
                for c in self.by_bucket.get((fam, b), ()):
                    if c is not exclude and c.members and _may_join(c, it) and _value_bonus(c, it) >= 0.2 \
                            and cosine(vec, c.centroid, norm, c.norm()) >= same_thing(c.family) / 2:
                        return c
        return None

    def reassign_small(self) -> None:
        for c in sorted(self.clusters, key=lambda c: len(c.members)):
            if not 0 < len(c.members) <= 2:
                continue
            for it in list(c.members):
                target = self.best(it, exclude=c)
                if target is not None and len(target.members) > len(c.members):
                    c.members.remove(it)
                    _recompute(c, self.vecs)
                    self.place(it, target)


TELLING_WORDS = 6
COMMON_SHARE = 0.1


def _bucket(value: float) -> int:
    """Values within about 5% of each other share a bucket or sit in the next one."""
    return int(math.floor(math.log(max(abs(value), 1e-9)) * 20))


def _recompute(c: Cluster, vecs: dict[str, dict[str, float]]) -> None:
    members = c.members
    c.members, c.centroid, c.lo, c.hi, c._norm = [], {}, math.inf, 0.0, None
    for m in members:
        c.add(m, vecs[m.id])


def _merge(clusters: list[Cluster]) -> list[Cluster]:
    """One pass cannot see that two early groups are one: merge groups of one family whose words
    are alike and whose values, together, still fit one magnitude."""
    singles = [c for c in clusters if len(c.members) < 2]  # left to `reassign_small`
    clusters = sorted((c for c in clusters if len(c.members) >= 2), key=lambda c: -len(c.members))
    changed = True
    while changed:
        changed = False
        kept: list[Cluster] = []
        by_family: dict[str, list[Cluster]] = defaultdict(list)
        for c in clusters:
            target = None
            for k in by_family[c.family]:
                if max(k.hi, c.hi) > MAX_RATIO * max(min(k.lo, c.lo), 1e-9):
                    continue
                cos, needed = cosine(k.centroid, c.centroid, k.norm(), c.norm()), same_thing(c.family)
                # the bonus (at most SHARED_VALUE_BONUS) is counted only where it can make the difference
                if cos >= needed or (cos + SHARED_VALUE_BONUS >= needed and cos + _shared_value_bonus(k, c) >= needed):
                    target = k
                    break
            if target is None:
                kept.append(c)
                by_family[c.family].append(c)
            else:
                for m in c.members:
                    target.members.append(m)
                for w, x in c.centroid.items():
                    target.centroid[w] = target.centroid.get(w, 0.0) + x
                target.lo, target.hi = min(target.lo, c.lo), max(target.hi, c.hi)
                target._norm = None
                changed = True
        clusters = kept
    return clusters + singles


SHARED_VALUE_BONUS = 0.15


def _shared_value_bonus(a: Cluster, b: Cluster) -> float:
    """Two groups printing the same number (of the same unit, better still) are likely one."""
    bonus = 0.0
    for x in a.members[:30]:
        for y in b.members[:10]:
            if _same_value(x, y):
                if x.unit and x.unit == y.unit:
                    return SHARED_VALUE_BONUS
                bonus = 0.1
    return bonus


def _may_join(c: Cluster, it: Item) -> bool:
    if not c.fits(it.value):
        return False
    return c.family == it.family or (it.family == "count" and c.family in COUNTED)


COUNTED = ("people", "accounts", "records", "cards", "devices", "organisations")


def _value_bonus(c: Cluster, it: Item) -> float:
    """The same number of the same thing, printed again, is itself evidence of the same quantity."""
    near = 1 - CLOSE_VALUE
    if c.hi < it.value * near or c.lo * near > it.value:  # no member that close at all
        return 0.0
    bonus = 0.0
    for m in c.members[:30]:
        if abs(m.value - it.value) <= CLOSE_VALUE * max(m.value, it.value):
            if m.unit and m.unit == it.unit:
                return 0.2
            bonus = 0.1
    return bonus


@dataclass
class Verdict:
    divergent: bool
    spread: float  # (largest - smallest) / smallest
    contradiction: bool  # no single number satisfies every source's bounds
    all_upper_bounds: bool
    changes_over_time: bool
    assessment: str


def verdict(items: list[Item]) -> Verdict:
    values = [it.value for it in items]
    lo_v, hi_v = min(values), max(values)
    spread = (hi_v - lo_v) / lo_v if lo_v > 0 else (math.inf if hi_v > 0 else 0.0)
    # one article giving two numbers is not two sources disagreeing
    divergent = not _all_close(items) and len({it.doc_id for it in items}) > 1
    intervals = [bounds(it) for it in items]
    contradiction = max(lo for lo, _ in intervals) > min(hi for _, hi in intervals)
    all_upper = all(is_upper_bound(it) for it in items)
    changes = divergent and changed_over_time(items)
    contradiction = contradiction and not all_upper and divergent
    parts = []
    if not divergent:
        parts.append("sources agree")
    else:
        if changes:
            parts.append("changed over time")
        if all_upper:
            parts.append("diverging estimates (all upper bounds, not a contradiction)")
        elif contradiction:
            parts.append("sources contradict each other")
        else:
            parts.append("diverging estimates")
    return Verdict(divergent, spread, contradiction, all_upper, changes, "; ".join(parts))


def _all_close(items: list[Item]) -> bool:
    """Every pair of values within its sources' rounding or approximation."""
    ordered = sorted(items, key=lambda it: it.value)
    return _same_value(ordered[0], ordered[-1])


def _tolerance(item: Item) -> float:
    """How far the true number may be from the printed one: the qualifier's approximation, or the
    rounding its significant digits imply ("2 billion" may be 2.2 billion; "87 million" is 87)."""
    if item.tol < 0:
        q = (item.qualifier or "").lower()
        approx = APPROX_TOLERANCE if q and q not in UPPER and q not in LOWER and q != "exactly" else EXACT_TOLERANCE
        item.tol = max(approx, rounding(item.number, item.value))
    return item.tol


_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")


def rounding(number: str, value: float) -> float:
    """Relative half-step of the last significant digit printed: "1.2 million" -> 0.05/1.2; a number
    in words ("two") counts as one significant digit. Capped at 12%: "2 million" and "2.5 million"
    are different figures to a reader, "2 billion" and "2.2 billion" are not."""
    if not value:
        return 0.0
    m = _DIGITS.search(number or "")
    if m:
        raw = m.group().replace(",", "")
        if "." in raw:
            digits = len(raw.replace(".", "").lstrip("0"))
        else:
            digits = len(raw.lstrip("0").rstrip("0")) or 1
    else:
        digits = 1
    digits = max(digits, 1)
    magnitude = 10 ** math.floor(math.log10(abs(value)))
    step = magnitude / 10 ** (digits - 1)
    return min(0.12, 0.5 * step / abs(value))


def timeline(items: list[Item]) -> list[tuple[datetime, list[Item]]]:
    """Distinct values in the order they were first published (undated figures left out)."""
    dated = sorted((it for it in items if it.date is not None), key=lambda it: (it.date, it.value))
    steps: list[tuple[datetime, list[Item]]] = []
    for it in dated:
        for _first, group in steps:
            if _same_value(group[0], it):
                group.append(it)
                break
        else:
            steps.append((it.date, [it]))
    return steps


def changed_over_time(items: list[Item]) -> bool:
    """At least two different values, first published on different days."""
    days = {first.date() for first, _ in timeline(items)}
    return len(days) >= 2


def _same_value(a: Item, b: Item) -> bool:
    """The two numbers' rounding (or approximation) intervals overlap."""
    lo, hi = (a, b) if a.value <= b.value else (b, a)
    return hi.value * (1 - _tolerance(hi)) <= lo.value * (1 + _tolerance(lo)) + 1e-9


def label(c: Cluster, units: Counter, k: int = 4) -> str:
    """A few words that say what the group counts: its units, then its most telling context words."""
    words = [w for w, _ in sorted(c.centroid.items(), key=lambda kv: -kv[1]) if w not in units][:k]
    unit_text = ", ".join(u for u, _ in units.most_common(3) if u) or c.family.split(":")[-1]
    return f"{unit_text} — {' '.join(words)}" if words else unit_text
