"""A word diff (the cross-reference layer's DiffOp dicts) as styled text: removed words struck
through in red, added words underlined in green, so a changed word reads at a glance."""

from __future__ import annotations

from rich.text import Text

from reader.safe import clean_terminal

REMOVED = "strike red"
ADDED = "underline bold green"


def diff_text(ops: list[dict]) -> Text:
    out = Text()
    for op in ops:
        kind = op.get("op")
        ref, var = clean_terminal(op.get("reference") or ""), clean_terminal(op.get("variant") or "")
        if out.plain and not out.plain.endswith(" "):
            out.append(" ")
        if kind == "equal":
            out.append(var or ref)
        elif kind == "delete":
            out.append(ref, style=REMOVED)
        elif kind == "insert":
            out.append(var, style=ADDED)
        else:  # replace
            out.append(ref, style=REMOVED)
            out.append(" ")
            out.append(var, style=ADDED)
    return out
