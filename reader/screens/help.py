"""Help: the Whoosh query syntax (on `?`) and the reader's keys and flows (on F1)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Markdown

from reader.screens.base import BreachScreen
from reader.widgets.breadcrumb import Breadcrumb

SYNTAX = """\
## Query syntax (Whoosh)

| you type | finds |
|---|---|
| `breach pharmacy` | documents with both words (stemmed: *breaches*, *breached* match) |
| `"payment cards"` | the exact phrase |
| `fine OR penalty` | either word; `AND`, `NOT` and `( )` group |
| `hack NOT ransomware` | the first without the second |
| `pharm*` | any word starting with *pharm*; `wom?n` one letter |
| `title:fine` | a word in the title; also `outlet:`, `author:`, `speaker:`, `kind:statement` |
| `date:[2024-03-01 TO 2024-03-15]` | published in that range; `date:[2024-03-10 TO]` from a day on |

A query that cannot be parsed is explained on one line under the box; when nothing matches, a
respelling that does is offered (Enter takes it). `ctrl+f` opens the filters (outlet, kind, dates,
speaker), which are added to the query.

Press **Escape** or **?** to close.
"""

HELP = """\
# breachdesk reader

Search a corpus of breach coverage, read each article with its quotes and figures marked, and follow
any quote or number across outlets. Every screen shows its keys in the footer; **ctrl+p** lists every
action by name (command palette).

## Everywhere
| key | does |
|---|---|
| `escape` | back to the previous screen (the breadcrumb on top shows the way back; click a crumb) |
| `ctrl+o` | ingest a file or folder (runs in the background with a progress bar) |
| `ctrl+n` | notes and verdicts |
| `f1` | this help |
| `ctrl+p` | command palette: every action, and the theme |
| `ctrl+q` | quit |

## Search
| key | does |
|---|---|
| typing | searches as you type |
| `?` | query syntax (in the box: a `?` on its own; inside a word it is a wildcard) |
| `ctrl+f` | filters: outlet, kind, date range, speaker |
| `↓` / `enter` | into the results; `enter` on a result opens it |
| `o` | the outlet's source sheet (on a result) |
| `/` | back to the query box |

## Reader
| key | does |
|---|---|
| `n` / `N` | next / previous search hit |
| `]` / `[` | next / previous quote or figure |
| `enter` | a quote's trail, or a figure's comparison |
| `t` / `c` | trail of the quote / comparison of the figure |
| `s` | source sheet of the speaker (quote) or source (figure) |
| `o` | source sheet of the outlet |
| `v` | verdict and note on the quote or figure |
| `p` | show / hide the side panel |

Quotes are coloured by speaker (the side panel shows the colours); figures are underlined; search
hits are reversed. Text beside the article (captions, pull-quotes) is listed after it.

## Trail, comparison, source sheet
`enter` on a row opens that document at that quote or figure; `v` records a verdict on it.

## Notes
`v` edits the verdict of the selected note, `delete` removes it, `e` exports (Markdown report,
CSV, JSON, schema.org ClaimReview). Notes live next to the index in `notes.sqlite` and are keyed by
stable quote and figure ids, so they survive re-ingesting. `breachdesk export --format …` does the
same from the command line.

## Untrusted text
Article text is shown as it is: terminal control sequences are removed and any markup in it is
shown literally, never interpreted.
"""


class SyntaxHelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape", "dismiss", "Close"),
        Binding("question_mark", "dismiss", "Close", show=False),
        Binding("q", "dismiss", "Close", show=False),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="syntax-box", classes="dialog"):
            yield Markdown(SYNTAX, id="syntax")


class HelpScreen(BreachScreen):
    crumb = "Help"
    BINDINGS = [Binding("q", "app.back", "Back", show=False), Binding("f1", "app.back", "Back", show=False)]

    def compose(self) -> ComposeResult:
        yield Breadcrumb()
        with VerticalScroll(id="help-body"):
            yield Markdown(HELP, id="help")
        yield Footer()
