"""Article text is untrusted: make it safe to print before it reaches a terminal.

Escape sequences in a saved page could move the cursor, retitle the window or hide text; Rich or
Textual markup in a title (`[red]x[/red]`) must show as those characters. Callers build
`rich.text.Text` from cleaned strings (Text never interprets markup) or use `escape_markup`.
"""

from __future__ import annotations

import re

from rich.markup import escape
from rich.text import Text

# CSI, OSC, DCS/SOS/PM/APC sequences, lone ESC + char, then remaining C0/C1 controls but \t and \n.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"
    r"|\x1b[@-Z\\-_]?"
    r"|\x9b[0-?]*[ -/]*[@-~]"
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f]"
)


def clean_terminal(text: str | None) -> str:
    """Remove terminal control sequences and control characters (keeps newlines and tabs)."""
    if not text:
        return ""
    return _ESCAPES.sub("", text)


def escape_markup(text: str | None) -> str:
    """Cleaned text with Rich/Textual markup escaped, for places that take markup strings."""
    return escape(clean_terminal(text))


def highlighted(text: str, spans: list[tuple[int, int]] | None = None, style: str = "bold reverse") -> Text:
    """A Rich Text of untrusted `text` with `spans` styled; offsets survive cleaning because the
    control characters removed are counted back out."""
    if not spans:
        return Text(clean_terminal(text))
    out = Text()
    pos = 0
    for start, end in sorted(spans):
        if start < pos:
            continue
        out.append(clean_terminal(text[pos:start]))
        out.append(clean_terminal(text[start:end]), style=style)
        pos = end
    out.append(clean_terminal(text[pos:]))
    return out
