"""Untrusted text with styled spans, and the colours that tell speakers apart."""

from __future__ import annotations

from bisect import bisect_right

from rich.style import Style
from rich.text import Text

from reader.safe import _ESCAPES

# Readable on dark and on light backgrounds respectively; a speaker keeps its colour within a document.
DARK_PALETTE = ("#61afef", "#e5c07b", "#98c379", "#c678dd", "#56b6c2", "#e06c75", "#d19a66", "#a9b1d6")
LIGHT_PALETTE = ("#005f87", "#875f00", "#005f00", "#870087", "#007070", "#af0000", "#af5f00", "#4e4e8a")
UNKNOWN_SPEAKER = "grey50"


def safe_text(raw: str, spans: list[tuple[int, int, Style | str]] | None = None) -> Text:
    """`raw` with control sequences removed and `spans` (offsets into `raw`) styled; spans may overlap.

    Offsets are mapped through the removal, so a span still covers the same characters.
    """
    removed = [(m.start(), m.end()) for m in _ESCAPES.finditer(raw)]
    if removed:
        starts = [s for s, _ in removed]
        shift, total = [], 0
        for s, e in removed:
            total += e - s
            shift.append(total)
        clean = "".join(raw[a:b] for a, b in _keep(removed, len(raw)))

        def where(i: int) -> int:
            k = bisect_right(starts, i) - 1
            if k < 0:
                return i
            s, e = removed[k]
            before = shift[k - 1] if k else 0
            return s - before if i < e else i - shift[k]
    else:
        clean = raw

        def where(i: int) -> int:
            return i
    text = Text(clean)
    for start, end, style in spans or ():
        a, b = where(max(0, start)), where(min(len(raw), end))
        if b > a:
            text.stylize(style, a, b)
    return text


def _keep(removed: list[tuple[int, int]], n: int):
    pos = 0
    for s, e in removed:
        yield pos, s
        pos = e
    yield pos, n


def speaker_colours(speakers: list[str | None], dark: bool) -> dict[str | None, str]:
    """A colour per speaker, in order of first appearance (unknown speakers are grey)."""
    palette = DARK_PALETTE if dark else LIGHT_PALETTE
    colours: dict[str | None, str] = {None: UNKNOWN_SPEAKER}
    for name in speakers:
        if name and name not in colours:
            colours[name] = palette[(len(colours) - 1) % len(palette)]
    return colours
