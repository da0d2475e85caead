"""The results list: one option per hit with title, outlet, date, counts and highlighted snippet."""

from __future__ import annotations

import re

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.safe import clean_terminal, highlighted

SNIPPET_CHARS = 240


def hit_prompt(hit) -> Text:
    """A hit as plain Text (never markup: every string in it comes from an article)."""
    text = Text(clean_terminal(hit.title) or "(untitled)", style="bold", overflow="ellipsis", no_wrap=False)
    meta = [clean_terminal(hit.outlet) or "unknown outlet", hit.date.date().isoformat() if hit.date else "undated"]
    if hit.kind and hit.kind != "article":
        meta.append(hit.kind)
    meta.append(_count(hit.quotes, "quote"))
    meta.append(_count(hit.figures, "figure"))
    text.append("\n")
    text.append(" · ".join(meta), style="dim")
    # Same length, so the highlight offsets still hold; line breaks would make ragged results.
    snippet, spans = re.sub(r"\s", " ", hit.snippet), list(hit.spans)
    if not spans and len(snippet) >= 190:  # the search's fallback: the text's start, cut mid-word
        snippet = snippet.rsplit(" ", 1)[0] + " …"
    if len(snippet) > SNIPPET_CHARS:
        snippet = snippet[:SNIPPET_CHARS].rsplit(" ", 1)[0] + " …"
        spans = [(s, min(e, len(snippet))) for s, e in spans if s < len(snippet)]
    if snippet.strip():
        text.append("\n")
        text.append_text(highlighted(snippet, spans, style="bold reverse"))
    return text


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


class ResultList(OptionList):
    """Hits of the last search; the option id is the document id."""

    def __init__(self, **kwargs) -> None:
        super().__init__(markup=False, **kwargs)
        self.hits: list = []

    def show(self, hits: list, keep_position: bool = False) -> None:
        """New hits; a new query starts at the top, a refresh of the same one keeps the cursor."""
        self.hits = list(hits)
        options: list[Option | None] = []
        for hit in self.hits:
            if options:
                options.append(None)
            options.append(Option(hit_prompt(hit), id=hit.id))
        highlighted_id = self.highlighted_option.id if self.highlighted_option and keep_position else None
        self.set_options(options)
        ids = [h.id for h in self.hits]
        if ids:
            self.highlighted = self.get_option_index(highlighted_id) if highlighted_id in ids else 0
        if highlighted_id is None:
            self.scroll_home(animate=False)

    @property
    def current(self):
        option = self.highlighted_option
        if option is None:
            return None
        return next((h for h in self.hits if h.id == option.id), None)
