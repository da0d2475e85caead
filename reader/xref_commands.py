"""The cross-reference commands: quotes, figures, trail, compare, sources.

Each prints Rich tables, or JSON Lines with `--json` (one object per line, each carrying the ids the
other commands accept). Article text is untrusted: it reaches the terminal only through
`clean_terminal` inside `rich.text.Text`, never as markup.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from reader.lookup import human_number
from reader.safe import clean_terminal

RELATION = {"reference": "reference", "identical": "identical", "punctuation": "punctuation only",
            "truncated": "shortened", "extended": "longer", "wording": "words changed"}


def _out(out: TextIO | None) -> TextIO:
    return out or sys.stdout


def _console(out: TextIO | None) -> Console:
    return Console(file=out, highlight=False) if out is not None and out is not sys.stdout else \
        Console(highlight=False)


def _err(message: str) -> None:
    Console(stderr=True, highlight=False).print(Text("breachdesk: " + clean_terminal(message)), soft_wrap=True)


def _json(out: TextIO, obj: dict) -> None:
    out.write(json.dumps(obj, ensure_ascii=False, default=str) + "\n")


def _t(text: str | None, style: str = "") -> Text:
    """Untrusted text, cleaned and on one line, as a Rich Text (never parsed as markup)."""
    return Text(re.sub(r"\s+", " ", clean_terminal(text or "")), style=style)


def number(value: float | None) -> str:
    """87000000 -> `87 million`, 270000 -> `270,000` (one more digit than the reader shows)."""
    return human_number(value, digits=4, missing="…")


def _guarded(run):
    """Run a query; known failures become one line on stderr and an exit code."""
    from index.crossref import NotFound
    from index.search import QueryError
    from index.store import IndexBroken, IndexMissing

    try:
        return run(), 0
    except NotFound as exc:
        _err(str(exc))
        return None, 1
    except (QueryError, IndexMissing, IndexBroken) as exc:
        _err(str(exc))
        return None, 2


# ------------------------------------------------------------------------------------------------ quotes


def run_quotes(index_dir: Path, query: str | None, speaker: str | None, limit: int, as_json: bool,
               out: TextIO | None = None) -> int:
    from index.crossref import list_quotes

    quotes, status = _guarded(lambda: list_quotes(index_dir, query or None, speaker, limit))
    if quotes is None:
        return status
    if as_json:
        for q in quotes:
            _json(_out(out), q.to_dict())
        return 0
    console = _console(out)
    what = " ".join(p for p in (repr(query) if query else "", f"by {speaker}" if speaker else "") if p)
    if not quotes:
        console.print(_t(f"no quotes {what}".strip()))
        return 0
    table = Table(title=_t(f"{len(quotes)} quotes {what}".strip()), show_lines=True, expand=True)
    table.add_column("id", no_wrap=True, style="dim")
    table.add_column("date", no_wrap=True, width=10)
    table.add_column("outlet", ratio=1)
    table.add_column("speaker", ratio=1)
    table.add_column("quote", ratio=4)
    for q in quotes:
        who = _t(q.speaker_name or q.speaker or "unattributed", "bold")
        if q.speaker and q.speaker_name and q.speaker != q.speaker_name:
            who.append_text(_t(f"\nas printed: {q.speaker}", "dim"))
        table.add_row(q.id, _date(q.date), _t(q.outlet), who, _t(f"“{q.text}”", "italic"))
    console.print(table)
    return 0


def _date(d) -> str:
    return d.date().isoformat() if d else "undated"


# ----------------------------------------------------------------------------------------------- figures


def run_figures(index_dir: Path, query: str | None, min_value: float | None, max_value: float | None,
                unit: str | None, limit: int, as_json: bool, out: TextIO | None = None) -> int:
    from index.crossref import list_figures

    figures, status = _guarded(lambda: list_figures(index_dir, query or None, min_value, max_value, unit, limit))
    if figures is None:
        return status
    if as_json:
        for f in figures:
            _json(_out(out), f.to_dict())
        return 0
    console = _console(out)
    if not figures:
        console.print(_t("no figures match"))
        return 0
    table = Table(title=_t(f"{len(figures)} figures" + (f" matching {query!r}" if query else "")),
                  show_lines=True, expand=True)
    table.add_column("id", no_wrap=True, style="dim")
    table.add_column("date", no_wrap=True, width=10)
    table.add_column("outlet", ratio=1)
    table.add_column("as printed", ratio=1)
    table.add_column("value", justify="right", no_wrap=True)
    table.add_column("unit", ratio=1)
    table.add_column("source", ratio=1)
    table.add_column("sentence", ratio=3)
    for f in figures:
        table.add_row(f.id, _date(f.date), _t(f.outlet), _t(f.number, "bold"), _bounds(f.value, f.low, f.high, f.qualifier),
                      _t(f.unit or "—"), _t(f.source_name or f.source or "—"), _t(f.sentence, "dim"))
    console.print(table)
    return 0


def _bounds(value, low, high, qualifier) -> Text:
    text = Text(number(value))
    if low is not None and high is not None and low != high:
        text.append(f"\n{number(low)}–{number(high)}", style="dim")
    elif high is not None and high == value and qualifier:
        text.append("\n(upper bound)", style="dim")
    elif low is not None and low == value and qualifier:
        text.append("\n(lower bound)", style="dim")
    elif qualifier:
        text.append(f"\n({clean_terminal(qualifier)})", style="dim")
    return text


# ------------------------------------------------------------------------------------------------- trail


def run_trail(index_dir: Path, quote: str, as_json: bool, out: TextIO | None = None) -> int:
    from index.crossref import quote_trail

    trail, status = _guarded(lambda: quote_trail(index_dir, quote))
    if trail is None:
        return status
    d = trail.to_dict()
    if as_json:
        head = {k: v for k, v in d.items() if k != "appearances"}
        _json(_out(out), {"type": "trail", **head, "appearances": len(trail.appearances)})
        for a in d["appearances"]:
            q = a.pop("quote")
            _json(_out(out), {**q, "type": "appearance", **a, "first": q["id"] == d["first"],
                              "misattributed": q["id"] in d["misattributed"]})
        return 0
    console = _console(out)
    shown = (trail.reference or trail.first).quote
    head = _t(f"“{shown.text}”", "italic")
    outlets = {a.quote.outlet for a in trail.appearances}
    head.append(f"\n{len(trail.appearances)} appearances in {len(outlets)} outlets", style="bold")
    if trail.first:
        head.append_text(_t(f" · first: {trail.first.quote.outlet}, {_date(trail.first.quote.date)}"))
    if trail.reference:
        head.append_text(_t(f" · wording compared with the {trail.reference_reason} "
                            f"({trail.reference.quote.outlet})", "dim"))
    if len(trail.variants) > 1:
        head.append(f" · {len(trail.variants)} wordings", style="dim")
    console.print(head)
    for w in trail.warnings:
        console.print(_t("⚠ " + w, "bold red"))
    table = Table(show_lines=True, expand=True)
    table.add_column("id", no_wrap=True, style="dim")
    table.add_column("date", no_wrap=True, width=10)
    table.add_column("outlet", ratio=1)
    table.add_column("speaker as printed", ratio=1)
    table.add_column("wording", ratio=4)
    wrong = set(trail.misattributed)
    for a in trail.appearances:
        q = a.quote
        flags = []
        if trail.first and q.id == trail.first.quote.id:
            flags.append("first")
        if a.pull_quotes:
            flags.append(f"+{len(a.pull_quotes)} pull-quote")
        who = _t(q.speaker or "unattributed", "bold red" if q.id in wrong else "")
        if q.id in wrong:
            who.append("\n⚠ other outlets name someone else", style="red")
        wording = Text(RELATION.get(a.relation, a.relation), style="bold")
        if flags:
            wording.append(" · " + ", ".join(flags), style="cyan")
        wording.append("\n")
        wording.append_text(diff_text(a.diff) if a.diff else _t(f"“{q.text}”", "italic"))
        table.add_row(q.id, _date(q.date), _t(q.outlet), who, wording)
    console.print(table)
    return 0


def diff_text(ops) -> Text:
    """A word diff as Rich text: removed words struck through in red, added ones green."""
    out = Text()
    for op in ops:
        ref, var = clean_terminal(op.reference), clean_terminal(op.variant)
        if out.plain and not out.plain.endswith(" ") and (ref or var)[:1] not in ",.;:!?":
            out.append(" ")
        if op.op == "equal":
            out.append(var)
        elif op.op == "delete":
            out.append(ref, style="red strike")
        elif op.op == "insert":
            out.append(var, style="bold green")
        else:
            out.append(ref, style="red strike")
            out.append(" ")
            out.append(var, style="bold green")
    return out


# ----------------------------------------------------------------------------------------------- compare


def run_compare(index_dir: Path, query: str, limit: int, as_json: bool, out: TextIO | None = None) -> int:
    from index.crossref import compare_figures

    groups, status = _guarded(lambda: compare_figures(index_dir, query, limit))
    if groups is None:
        return status
    if as_json:
        for g in groups:
            _json(_out(out), {"type": "figure_group", **g.to_dict()})
        return 0
    console = _console(out)
    if not groups:
        console.print(_t(f"no figures about {query!r}"))
        return 0
    for g in groups:
        head = Text(f"{g.id} ", style="bold")
        head.append_text(_t(g.label, "bold"))
        console.rule(head, align="left")
        verdict = Text()
        if g.divergent:
            verdict.append("⚠ SOURCES DIVERGE", style="bold red")
            verdict.append(f" (spread {g.spread:.0%}): ", style="red")
        elif len(g.entries) > 1:
            verdict.append("✓ ", style="bold green")
        verdict.append_text(_t(g.assessment))
        verdict.append(f" · {len(g.entries)} figures in {g.documents} documents · units: "
                       f"{clean_terminal(', '.join(g.units)) or '—'}", style="dim")
        console.print(verdict)
        table = Table(expand=True, show_edge=False)
        table.add_column("date", no_wrap=True, width=10)
        table.add_column("outlet", ratio=2)
        table.add_column("source", ratio=2)
        table.add_column("as printed", ratio=2)
        table.add_column("value", justify="right", no_wrap=True)
        table.add_column("unit", ratio=1)
        table.add_column("figure id", no_wrap=True, style="dim")
        for e in g.entries:
            f = e.figure
            table.add_row(_date(f.date), _t(f.outlet), _t(f.source_name or f.source or "—"),
                          _t(f.number + (f" ×{e.mentions}" if e.mentions > 1 else ""), "bold"),
                          _bounds(f.value, f.low, f.high, f.qualifier), _t(f.unit or "—"), f.id)
        console.print(table)
        if g.changes_over_time and g.timeline:
            line = Text("timeline: ", style="bold")
            line.append_text(_t(" → ".join(f"{s['date']} {', '.join(s['numbers'])} ({', '.join(s['sources'][:3])}"
                                            f"{'…' if len(s['sources']) > 3 else ''})" for s in g.timeline)))
            console.print(line)
        for apart in g.kept_apart:
            console.print(_t(f"kept apart: {apart['reason']} ({', '.join(apart['numbers'])})", "yellow"))
        console.print()
    return 0


# ----------------------------------------------------------------------------------------------- sources


def run_sources(index_dir: Path, name: str | None, limit: int, as_json: bool, out: TextIO | None = None) -> int:
    from index.crossref import list_sources, source_sheet

    if not name:
        sources, status = _guarded(lambda: list_sources(index_dir, None, limit))
        if sources is None:
            return status
        return _source_list(sources, as_json, out)
    sheet, status = _guarded(lambda: source_sheet(index_dir, name, limit))
    if sheet is None:
        return status
    if as_json:
        d = sheet.to_dict()
        _json(_out(out), {"type": "source", **d["source"], "other_matches": d["other_matches"]})
        for role in ("quotes", "figures", "claims"):
            for r in d[role]:
                _json(_out(out), {**r, "role": "said"})
        for r in d["published"]:
            _json(_out(out), {**r, "role": "published"})
        return 0
    console = _console(out)
    s = sheet.source
    head = _t(s.name, "bold")
    head.append(f"  {s.kind}  {s.key}", style="dim")
    if s.affiliation:
        head.append_text(_t(f" · {s.affiliation}"))
    aliases = [a for a in s.aliases if a != s.name]
    if aliases:
        head.append_text(_t("\nalso printed as: " + ", ".join(aliases[:10]), "dim"))
    head.append(f"\n{s.quotes} quotes · {s.figures} figures · {s.claims} reported claims")
    if s.documents_published:
        head.append(f" · {s.documents_published} documents published")
    if sheet.other_matches:
        head.append_text(_t("\nthe name may also mean: " + ", ".join(f"{o.name} ({o.key})" for o in sheet.other_matches),
                            "dim"))
    console.print(head)
    _records_table(console, "quotes", [(q.id, q.date, q.outlet, _t(f"“{q.text}”", "italic")) for q in sheet.quotes])
    _records_table(console, "figures", [(f.id, f.date, f.outlet, _figure_cell(f)) for f in sheet.figures])
    _records_table(console, "reported claims", [(c.id, c.date, c.outlet, _t(c.text)) for c in sheet.claims])
    if sheet.published:
        rows = []
        for r in sheet.published:
            if hasattr(r, "speaker"):
                rows.append((r.id, r.date, r.speaker_name or r.speaker or "unattributed", _t(f"“{r.text}”", "italic")))
            else:
                rows.append((r.id, r.date, r.source_name or r.source or "—", _figure_cell(r)))
        _records_table(console, "published", rows, who="who")
    return 0


def _figure_cell(f) -> Text:
    text = _t(f.number, "bold")
    text.append(f"  {number(f.value)} {clean_terminal(f.unit or '')}\n")
    text.append_text(_t(f.sentence, "dim"))
    return text


def _records_table(console: Console, title: str, rows: list[tuple], who: str = "outlet") -> None:
    if not rows:
        return
    table = Table(title=Text(f"{title} ({len(rows)})", style="bold"), title_justify="left", expand=True,
                  show_lines=True)
    table.add_column("id", no_wrap=True, style="dim")
    table.add_column("date", no_wrap=True, width=10)
    table.add_column(who, ratio=1)
    table.add_column("what", ratio=5)
    for rid, date, where, what in rows:
        table.add_row(rid, _date(date), _t(where), what)
    console.print(table)


def _source_list(sources, as_json: bool, out: TextIO | None) -> int:
    if as_json:
        for s in sources:
            _json(_out(out), {"type": "source", **s.to_dict()})
        return 0
    console = _console(out)
    if not sources:
        console.print(_t("no sources"))
        return 0
    table = Table(title=Text(f"{len(sources)} sources"), expand=True)
    table.add_column("key", style="dim", ratio=2)
    table.add_column("name", ratio=2)
    table.add_column("kind", no_wrap=True)
    table.add_column("affiliation", ratio=1)
    for col in ("quotes", "figures", "claims", "docs"):
        table.add_column(col, justify="right", no_wrap=True)
    for s in sources:
        table.add_row(_t(s.key), _t(s.name, "bold"), s.kind, _t(s.affiliation or ""), str(s.quotes), str(s.figures),
                      str(s.claims), str(s.documents_published or ""))
    console.print(table)
    return 0


_SCALES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "b": 1e9, "bn": 1e9, "billion": 1e9}


def parse_amount(text: str) -> float:
    """`87m`, `87 million`, `1.5bn`, `270,000`, `1e6` -> a number; ValueError otherwise."""
    m = re.fullmatch(r"\s*([-+]?\d[\d,]*(?:\.\d+)?(?:e\d+)?)\s*([a-z]*)\s*", text.lower())
    if not m or (m.group(2) and m.group(2) not in _SCALES):
        raise ValueError(f"not a number: {text!r} (try 87m, 1.5bn, 270000)")
    return float(m.group(1).replace(",", "")) * _SCALES.get(m.group(2), 1.0)
