"""Score quote and claim extraction on PolNeAR (see ../shared/eval/README.md, polnear section).

Units. A gold attribution may have several content spans (`"To a point," he said. "He sort of …"`
is one attribution with two spans). Each content span is one unit, except that spans separated only
by punctuation and spaces inside one paragraph are joined again (annotators sometimes cut a quotation
around a nested quote). Predicted quotes are units as they are (one per paragraph of a quotation).
(Spans that end or begin with a double quote mark are separate quotations and stay apart.)
Spans are compared with quote marks, spaces and punctuation stripped from both ends; two units match
when they overlap by at least half of each, one-to-one, greedily in text order.

Direct quotes: gold units of `quote_marks == "full"` attributions against predicted quotes of kind
"full" or "pull". This follows PolNeAR's definitions: `full` is an attribution whose content is all
in quote marks, `partial` one whose content mixes quoted and unquoted words (a quoted fragment inside
the writer's sentence, or a quotation that is only one part of a longer attributed content), and a
Quote's kind says the same thing ("full": the quotation is the whole attributed content; "partial":
it is a fragment of it). Also printed, for information: the same score over predicted quotes of every
kind (`quote_allkinds_*`), which counts a right partial/full distinction for nothing.
Quotations delimited by two apostrophes (''like this'', an archive convention of some NYT texts) are
left out of precision and counted apart: PolNeAR's annotators did not take them for quote marks
(its dev texts using them have 1 "full" attribution in 123 articles), so they cannot be scored.
Recall is over gold full units; precision over predicted quotes that overlap any gold attribution at
all (the annotation of scare quotes and titles is not exhaustive). Speakers are scored on matched
pairs: mention = the predicted speaker mention overlaps the gold speaker span; name = the resolved
speaker has the gold speaker's surname (last capitalised word of the name before any comma or
parenthesis). For a gold pronoun the gold name is that of the nearest earlier gold speaker that is a
name; a gold speaker that is no name at all ("a source", "the company") cannot be checked by name, so
it counts as right when the mention overlaps.

Also printed, for information (not the target): a unit-level variant where any gold content span
that is entirely in quote marks counts as a full quote, whatever its attribution's label. PolNeAR
labels a whole attribution "partial" when any of its spans is, so a quoted sentence that continues
a partial quotation (`… "who understand that …," Clinton said. "And that's why …"`) is not "full"
there.

Claims: every gold attribution against every predicted claim, with the same units and rules; source =
the predicted source mention overlaps the gold speaker span.

Speed: articles per CPU second for quotes + claims together (process time, best of three passes,
so other load on the machine counts as little as possible).

Usage: python benchmarks/eval_quotes.py [--data PATH] [--limit N] [--errors N] [--kinds miss,false]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from corpus.claims import extract_claims  # noqa: E402
from corpus.quote_analysis import analyse  # noqa: E402
from corpus.quotes import extract_quotes  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "polnear" / "dev.jsonl"
_STRIP = " \t\n\r\xa0\"'“”‘’«»„.,;:!?…—–-"
_MARKS = "\"“”«»„"
_PRONOUNS = {"he", "she", "they", "it", "i", "we", "you", "him", "her", "his", "its", "their", "them",
             "who", "which", "that", "one", "me", "us", "our", "my", "whom", "whose", "this", "these"}
_TITLES = {"mr", "mrs", "ms", "miss", "dr", "sen", "gov", "rep", "gen", "president", "senator", "governor",
           "secretary", "mayor", "judge", "justice", "sir", "lord", "lady", "prof", "rev", "the", "a", "an",
           "her", "his", "its", "their", "our", "my", "this", "that", "these", "those", "one", "another"}
_DIRECT_KINDS = ("full", "pull")  # predicted kinds scored against gold "full"
_CAP_RE = re.compile(r"[A-Z][\w'’.-]*")


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _STRIP:
        start += 1
    while end > start and text[end - 1] in _STRIP:
        end -= 1
    return start, end


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def half_match(a: tuple[int, int], b: tuple[int, int]) -> bool:
    ov = overlap(a, b)
    return ov > 0 and 2 * ov >= a[1] - a[0] and 2 * ov >= b[1] - b[0]


def surname(name: str | None) -> str | None:
    """Last capitalised word of the head of a name ("Sen. Richard J. Durbin (D-Ill.)" -> "durbin",
    "Mr. Morgan of the Sierra Club" -> "morgan"), lower case; None when the head has no capitalised
    word or ends in a common noun ("voters in Iowa", "a source", "a White House official")."""
    if not name:
        return None
    head = re.split(r",|\(| who | which | of | in | at | from | for | with | on | to ", name)[0]
    last = head.split()[-1] if head.split() else ""
    if last[:1].islower():
        return None  # "a White House official": a description ending in a common noun, no name
    words = [w.rstrip(".").removesuffix("’s").removesuffix("'s") for w in _CAP_RE.findall(head)]
    words = [w for w in words if w and w.lower() not in _TITLES]
    return words[-1].lower() if words else None


def _is_pronoun(name: str | None) -> bool:
    return bool(name) and name.strip().lower().strip(",.") in _PRONOUNS


def _fully_quoted(text: str, span: tuple[int, int]) -> bool:
    """Is this span a quotation from its opening to its closing mark, with no unquoted words?"""
    t = text[span[0] : span[1]].strip().rstrip(" .,;:!?")
    if len(t) < 3 or t[0] not in "\"“" or t[-1] not in "\"”":
        return False
    return re.search(r"[\"”]\s+\w", t[1:-1]) is None


def _gold_units(text: str, q: dict, raw: bool = False) -> list[tuple[int, int]]:
    units: list[list[int]] = []
    for a, b in q["content_spans"]:
        if units:
            gap = text[units[-1][1] : a]
            left = text[units[-1][0] : units[-1][1]].rstrip()
            right = text[a:b].lstrip()
            quoted = left[-1:] in _MARKS or right[:1] in _MARKS
            if "\n" not in gap and not re.search(r"\w", gap) and not quoted:
                units[-1][1] = b
                continue
        units.append([a, b])
    if raw:
        return [(a, b) for a, b in units]
    out = []
    for a, b in units:
        s, e = strip_span(text, a, b)
        if e > s:
            out.append((s, e))
    return out


def _gold_names(quotes: list[dict]) -> dict[str, str | None]:
    """Gold name per attribution id: its surname, or for a pronoun the nearest earlier named speaker."""
    named = sorted(
        ((q["speaker_start"], surname(q["speaker"])) for q in quotes
         if q.get("speaker") and q["speaker_start"] is not None and not _is_pronoun(q["speaker"])
         and surname(q["speaker"])),
    )
    out: dict[str, str | None] = {}
    for q in quotes:
        sp = q.get("speaker")
        if not sp or q["speaker_start"] is None:
            out[q["id"]] = None
        elif _is_pronoun(sp):
            prev = [n for pos, n in named if pos < q["speaker_start"]]
            out[q["id"]] = prev[-1] if prev else None
        else:
            out[q["id"]] = surname(sp) or ""  # "" = no name in the mention: checked by overlap only
    return out


def _match(gold: list[tuple], pred: list[tuple]) -> list[tuple[int, int]]:
    """Greedy one-to-one matching of units (span first in each tuple), largest overlap first."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if half_match(g[0], p[0]):
                pairs.append((-overlap(g[0], p[0]), gi, pi))
    pairs.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return out


class _Tally:
    def __init__(self) -> None:
        self.gold = self.pred = self.tp = 0
        self.mention = self.name = self.name_n = 0
        self.kinds = {"named": [0, 0], "pronoun": [0, 0], "nominal": [0, 0]}
        self.apostrophe_marks = 0
        self.unrestricted = 0

    def scores(self, prefix: str) -> dict:
        p = self.tp / self.pred if self.pred else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out = {f"{prefix}_precision": p, f"{prefix}_recall": r, f"{prefix}_f1": f,
               f"{prefix}_gold": self.gold, f"{prefix}_pred": self.pred, f"{prefix}_tp": self.tp,
               f"{prefix}_mention_acc": self.mention / self.tp if self.tp else 0.0}
        if self.name_n:
            out[f"{prefix}_name_acc"] = self.name / self.name_n
            for k, (ok, n) in self.kinds.items():
                out[f"{prefix}_name_acc_{k}"] = ok / n if n else 0.0
                out[f"{prefix}_name_n_{k}"] = n
        return out


def _speaker_ok(text, g, gold_name, pred_start, pred_end, pred_name) -> tuple[bool, bool | None, str]:
    gspans = g.get("speaker_spans") or []
    mention = pred_start is not None and any(
        overlap((a, b), (pred_start, pred_end)) > 0 for a, b in gspans)
    if not g.get("speaker") or g.get("speaker_start") is None:
        return mention, None, ""
    if _is_pronoun(g["speaker"]):
        kind = "pronoun"
    elif gold_name == "":
        kind = "nominal"
    else:
        kind = "named"
    if gold_name is None:
        return mention, None, kind
    if gold_name == "":
        return mention, mention, kind
    return mention, surname(pred_name) == gold_name, kind


def speed(texts: list[str], repeat: int = 3) -> float:
    """Articles per CPU second for quotes + claims, best of `repeat` passes (process time, so other
    load on the machine counts as little as possible; the analysis cache is cleared per article)."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        for text in texts:
            analyse.cache_clear()
            extract_claims(text, extract_quotes(text))
        best = min(best, time.process_time() - t0)
    return len(texts) / best if best else 0.0


def evaluate(path: str | Path = DEFAULT_DATA, limit: int | None = None, errors: list | None = None,
             timing: bool = True) -> dict:
    """Scores over the first `limit` articles of a PolNeAR jsonl file (all if None)."""
    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            rows.append(json.loads(line))
            if limit and len(rows) >= limit:
                break
    direct, claims, unit_level, allkinds = _Tally(), _Tally(), _Tally(), _Tally()
    nbytes = 0
    for row in rows:
        text = row["text"]
        nbytes += len(text)
        quotes = extract_quotes(text)
        found = extract_claims(text, quotes)
        gold = row["quotes"]
        names = _gold_names(gold)
        all_gold_spans = [(a, b) for q in gold for a, b in q["content_spans"]]

        # direct quotes
        gunits = [(u, q) for q in gold if q["quote_marks"] == "full" for u in _gold_units(text, q)]
        punits, aunits = [], []
        for q in quotes:
            if q.aside is not None:
                continue
            if text.startswith("''", q.start):
                direct.apostrophe_marks += q.kind in _DIRECT_KINDS  # not quote marks to PolNeAR: see docstring
                continue
            span = strip_span(text, q.start, q.end)
            if span[1] > span[0] and any(overlap(span, g) > 0 for g in all_gold_spans):
                aunits.append((span, q))
                if q.kind in _DIRECT_KINDS:
                    punits.append((span, q))
        allkinds.gold += len(gunits)
        allkinds.pred += len(aunits)
        allkinds.tp += len(_match(gunits, aunits))
        # unit-level variant: any gold unit that is entirely in quote marks counts as a full quote
        uunits = gunits + [(u, q) for q in gold if q["quote_marks"] != "full"
                           for u in _gold_units(text, q, raw=True) if _fully_quoted(text, u)]
        uunits = [(strip_span(text, *u), q) for u, q in uunits]
        unit_level.gold += len(uunits)
        unit_level.pred += len(punits)
        unit_level.tp += len(_match(uunits, punits))
        direct.gold += len(gunits)
        direct.pred += len(punits)
        matched = _match(gunits, punits)
        direct.tp += len(matched)
        for gi, pi in matched:
            g, p = gunits[gi][1], punits[pi][1]
            m, n, kind = _speaker_ok(text, g, names[g["id"]], p.speaker_start, p.speaker_end, p.speaker)
            direct.mention += m
            if n is not None:
                direct.name_n += 1
                direct.name += n
                direct.kinds[kind][0] += n
                direct.kinds[kind][1] += 1
            if errors is not None and n is False:
                errors.append(("speaker", row["id"], text, g, p))
        if errors is not None:
            mg = {gi for gi, _ in matched}
            mp = {pi for _, pi in matched}
            errors.extend(("miss", row["id"], text, gunits[i][1], gunits[i][0]) for i in range(len(gunits))
                          if i not in mg)
            errors.extend(("false", row["id"], text, None, punits[i][1]) for i in range(len(punits))
                          if i not in mp)

        # claims
        cg = [(u, q) for q in gold for u in _gold_units(text, q)]
        cp = []
        for c in found:
            span = strip_span(text, c.start, c.end)
            if span[1] > span[0] and any(overlap(span, g) > 0 for g in all_gold_spans):
                cp.append((span, c))
        claims.gold += len(cg)
        claims.pred += len(cp)
        claims.unrestricted += len(found)
        cm = _match(cg, cp)
        claims.tp += len(cm)
        for gi, pi in cm:
            g, c = cg[gi][1], cp[pi][1]
            m, n, kind = _speaker_ok(text, g, names[g["id"]], c.source_start, c.source_end, c.source)
            claims.mention += m
            if n is not None:
                claims.name_n += 1
                claims.name += n
                claims.kinds[kind][0] += n
                claims.kinds[kind][1] += 1
            if errors is not None and not m:
                errors.append(("claim-source", row["id"], text, g, c))
        if errors is not None:
            mg = {gi for gi, _ in cm}
            mp = {pi for _, pi in cm}
            errors.extend(("claim-miss", row["id"], text, cg[i][1], cg[i][0]) for i in range(len(cg))
                          if i not in mg)
            errors.extend(("claim-false", row["id"], text, None, cp[i][1]) for i in range(len(cp))
                          if i not in mp)

    out = {"articles": len(rows), "kb_per_article": nbytes / len(rows) / 1000 if rows else 0.0}
    if timing:
        out["articles_per_cpu_s"] = speed([row["text"] for row in rows])
    out.update(direct.scores("quote"))
    out["quote_pred_in_two_apostrophe_marks"] = direct.apostrophe_marks
    every = allkinds.scores("quote_allkinds")
    out.update({k: every[k] for k in ("quote_allkinds_precision", "quote_allkinds_recall", "quote_allkinds_f1")})
    unit = unit_level.scores("quote_unitlevel")
    out.update({k: unit[k] for k in ("quote_unitlevel_precision", "quote_unitlevel_recall", "quote_unitlevel_f1")})
    out.update(claims.scores("claim"))
    out["claim_source_acc"] = out.pop("claim_mention_acc")
    out["claim_precision_unrestricted"] = claims.tp / claims.unrestricted if claims.unrestricted else 0.0
    return out


def _show_errors(errors: list, n: int, kinds: set[str] | None) -> None:
    import random

    random.seed(0)
    picked = [e for e in errors if not kinds or e[0] in kinds]
    for kind, aid, text, g, p in random.sample(picked, min(n, len(picked))):
        print(f"--- {kind} {aid}")
        if kind in ("miss", "claim-miss"):
            s, e = p
            print("  GOLD", repr(text[s:e][:160]), "| speaker:", g.get("speaker"), "| cue:", g.get("cue"))
            print("  CTX ", repr(text[max(0, s - 200) : e + 120]))
        elif kind in ("false", "claim-false"):
            print("  PRED", repr(p.text[:160]), "| speaker:", getattr(p, "speaker", getattr(p, "source", None)))
            print("  CTX ", repr(text[max(0, p.start - 200) : p.end + 120]))
        else:
            sp = getattr(p, "speaker", None) or getattr(p, "source", None)
            ss = getattr(p, "speaker_start", None) or getattr(p, "source_start", None)
            se = getattr(p, "speaker_end", None) or getattr(p, "source_end", None)
            print("  GOLD speaker", repr(g.get("speaker")), g.get("speaker_spans"), "| PRED", repr(sp),
                  (ss, se), repr(text[ss:se]) if ss is not None else "")
            print("  CTX ", repr(text[max(0, p.start - 250) : p.end + 120]))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(DEFAULT_DATA))
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--errors", type=int, default=0, help="print N random errors")
    ap.add_argument("--kinds", default="", help="comma-separated error kinds to show")
    args = ap.parse_args(argv)
    errs: list | None = [] if args.errors else None
    scores = evaluate(args.data, args.limit, errs)
    if errs:
        _show_errors(errs, args.errors, set(filter(None, args.kinds.split(","))))
    for key, val in scores.items():
        print(f"{key:32s} {val:.3f}" if isinstance(val, float) else f"{key:32s} {val}")


if __name__ == "__main__":
    main()
