"""The article body, paragraph by paragraph, with quotes, figures and search hits marked.

One Static per paragraph (and per aside) keeps re-rendering cheap when the current item moves,
and lets the view scroll to an item by its paragraph plus the wrapped line inside it.
"""

from __future__ import annotations

from bisect import bisect_right

from rich.style import Style
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Static

from reader.lookup import DocumentView, Item
from reader.safe import clean_terminal
from reader.widgets.styled import safe_text

HIT_STYLE = {True: "on #5f5f00", False: "on #ffff87"}  # by dark theme
FIGURE_STYLE = {True: "bold underline #ff79c6", False: "bold underline #af005f"}


class DocumentText(VerticalScroll):
    """Body paragraphs, then the asides (captions, pull-quotes) printed beside the article."""

    def __init__(self, doc: DocumentView, colours: dict, hits: list[tuple[int, int]], dark: bool = True,
                 **kwargs) -> None:
        super().__init__(**kwargs)
        self.doc = doc
        self.colours = colours
        self.hits = hits
        self.dark = dark
        self.items = doc.items
        self.current_item: int | None = None
        self.current_hit: int | None = None
        self.paragraphs = list(doc.paragraphs) or ([(0, len(doc.text))] if doc.text else [])
        self._starts = [s for s, _ in self.paragraphs]

    # --- where things are ------------------------------------------------------------------

    def paragraph_of(self, offset: int) -> int:
        return max(0, bisect_right(self._starts, offset) - 1)

    def locate(self, item: Item) -> tuple[str, int, int] | None:
        """("para", index, offset inside it) or ("aside", index, offset), or None when unknown."""
        if item.start is None:
            return None
        if item.aside is not None:
            return ("aside", item.aside, item.start) if item.aside < len(self.doc.asides) else None
        i = self.paragraph_of(item.start)
        return ("para", i, item.start - self.paragraphs[i][0])

    # --- rendering ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        if not self.paragraphs:
            yield Static(Text("(this document has no text)", style="dim italic"), classes="para")
        for i in range(len(self.paragraphs)):
            yield Static(self.render_paragraph(i), classes="para", id=f"para-{i}")
        if self.doc.asides:
            yield Static(Text("Beside the article"), classes="asides-title")
            for j in range(len(self.doc.asides)):
                yield Static(self.render_aside(j), classes="aside", id=f"aside-{j}")

    def _item_style(self, index: int, item: Item) -> Style:
        # Plain meta, not "@click": Textual would draw those as links, in the link colour, and
        # the speaker's colour would be lost. Clicks are read back from the meta in on_click.
        meta = {"item": index}
        if item.kind == "figure":
            style = Style.parse(FIGURE_STYLE[self.dark])
        else:
            style = Style(color=self.colours.get(item.who_key or item.who) or self.colours.get(None), italic=True)
        if index == self.current_item:
            style += Style(reverse=True, bold=True)
        return style + Style(meta=meta)

    def render_paragraph(self, i: int) -> Text:
        start, end = self.paragraphs[i]
        spans: list = []
        for k, (s, e) in enumerate(self.hits):
            if s < end and e > start:
                hit_style = "reverse bold" if k == self.current_hit else HIT_STYLE[self.dark]
                spans.append((s - start, e - start, hit_style))
        for index, item in enumerate(self.items):
            if item.aside is None and item.start is not None and item.end is not None \
                    and item.start < end and item.end > start:
                spans.append((item.start - start, item.end - start, self._item_style(index, item)))
        # Quotes first so a figure inside a quote keeps its own mark on top.
        spans.sort(key=lambda sp: 0 if isinstance(sp[2], Style) and sp[2].italic else 1)
        return safe_text(self.doc.text[start:end], spans)

    def render_aside(self, j: int) -> Text:
        aside = self.doc.asides[j]
        raw = aside.get("text") or ""
        spans = [(it.start, it.end, self._item_style(index, it)) for index, it in enumerate(self.items)
                 if it.aside == j and it.start is not None and it.end is not None]
        label = Text(f"{aside.get('kind') or 'aside'}: ", style="bold dim")
        label.append_text(safe_text(raw, spans))
        if aside.get("credit"):
            label.append(f"  — {clean_terminal(aside['credit'])}", style="dim")
        return label

    def rerender(self, *places: tuple[str, int] | None) -> None:
        for place in places:
            if place is None:
                continue
            kind, index = place
            widget_id = f"#{kind}-{index}"
            for widget in self.query(widget_id):
                widget.update(self.render_paragraph(index) if kind == "para" else self.render_aside(index))

    class ItemClicked(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def on_click(self, event: events.Click) -> None:
        index = event.style.meta.get("item") if event.style else None
        if isinstance(index, int):
            self.post_message(self.ItemClicked(index))

    # --- moving --------------------------------------------------------------------------------

    def set_current_item(self, index: int | None) -> None:
        old = self._place_of_item(self.current_item)
        self.current_item = index
        new = self._place_of_item(index)
        self.rerender(old, new)
        if index is not None:
            where = self.locate(self.items[index])
            if where:
                self.scroll_to_place(where[0], where[1], where[2])

    def set_current_hit(self, index: int | None) -> None:
        old = self._place_of_hit(self.current_hit)
        self.current_hit = index
        new = self._place_of_hit(index)
        self.rerender(old, new)
        if index is not None and new is not None:
            self.scroll_to_place("para", new[1], self.hits[index][0] - self.paragraphs[new[1]][0])

    def _place_of_item(self, index: int | None) -> tuple[str, int] | None:
        if index is None:
            return None
        where = self.locate(self.items[index])
        return (where[0], where[1]) if where else None

    def _place_of_hit(self, index: int | None) -> tuple[str, int] | None:
        if index is None or not self.paragraphs:
            return None
        return ("para", self.paragraph_of(self.hits[index][0]))

    def scroll_to_place(self, kind: str, index: int, offset: int) -> None:
        """Scroll so the line holding `offset` of that paragraph sits a third of the way down."""
        widgets = self.query(f"#{kind}-{index}")
        if not widgets:
            return
        widget = widgets.first()
        width = max(10, widget.content_region.width or self.content_region.width - 2)
        rendered = widget.render()
        line = 0
        plain = getattr(rendered, "plain", None)
        if plain is not None:
            line = _line_of(Text(plain), offset, width, self.app.console)
        y = widget.virtual_region.y + line - self.scrollable_content_region.height // 3
        self.scroll_to(y=max(0, y), animate=False)


def _line_of(text: Text, offset: int, width: int, console) -> int:
    """The wrapped line (0-based) of character `offset` when `text` is wrapped to `width`."""
    lines = text.wrap(console, width)
    pos = 0
    for n, line in enumerate(lines):
        pos += len(line.plain)
        # wrapping drops the space at each break; count it back when the source has one there
        if pos < len(text.plain) and text.plain[pos:pos + 1].isspace():
            pos += 1
        if offset < pos:
            return n
    return max(0, len(lines) - 1)
