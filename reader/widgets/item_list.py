"""The reader's side panel: the document's quotes and figures in reading order, with verdicts."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.lookup import Item
from reader.safe import clean_terminal

VERDICT_STYLE = {"verified": "bold green", "disputed": "bold yellow", "false": "bold red", "needs-check": "bold cyan"}
PREVIEW = 70


def item_prompt(item: Item, colours: dict, verdict: str | None = None) -> Text:
    text = Text()
    if item.kind == "quote":
        text.append("❝ ", style="bold")
        text.append(clean_terminal(item.who) or "unattributed", style=f"bold {colours.get(item.who_key or item.who, 'grey50')}")
        if item.data.get("kind") == "pull":
            text.append("  pull-quote, repeats a quote", style="dim")
    else:
        text.append("# ", style="bold")
        text.append(clean_terminal(item.label or item.text), style="bold")
    if verdict:
        text.append(f"  {verdict}", style=VERDICT_STYLE.get(verdict, "bold"))
    if item.kind == "figure":
        printed = " ".join(clean_terminal(item.text).split())
        line = []
        if printed.lower() not in (item.label or "").lower():  # "four" beside "4 digits"; not "2.1 million" twice
            line.append(f"“{printed}”")
        if item.who:
            line.append(f"per {clean_terminal(item.who)}")
        if line:
            text.append("\n")
            text.append(" ".join(line), style="dim")
        return text
    preview = " ".join(clean_terminal(item.text).split())
    if len(preview) > PREVIEW:
        preview = preview[:PREVIEW].rsplit(" ", 1)[0] + " …"
    text.append("\n")
    text.append(preview, style="italic" if item.kind == "quote" else "")
    return text


class ItemList(OptionList):
    """Option i is item i of the document (DocumentView.items order)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(markup=False, **kwargs)
        self.items: list[Item] = []

    def show(self, items: list[Item], colours: dict, verdicts: dict[str, str]) -> None:
        self.items = items
        highlighted = self.highlighted
        self.set_options([Option(item_prompt(it, colours, verdicts.get(it.id)), id=f"item-{i}")
                          for i, it in enumerate(items)])
        if highlighted is not None and highlighted < len(items):
            self.highlighted = highlighted
