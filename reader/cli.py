"""The `breachdesk` command line. Bare `breachdesk` opens the reader (TUI).

Exit codes: 0 all went well, 1 some input failed (files reported), 2 usage errors (bad options,
bad query, missing index). Heavy imports (whoosh, textual) happen inside commands so that
`breachdesk --help` and the CLI stay quick and textual loads only when the TUI opens.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from reader import __version__


class _Context:
    def __init__(self, index: str | None):
        self.index_option = index

    @property
    def index_dir(self) -> Path:
        from index.location import index_dir

        return index_dir(self.index_option)


def _fail(message: str, code: int = 2) -> None:
    from reader.safe import clean_terminal

    click.echo(f"breachdesk: {clean_terminal(message)}", err=True)
    sys.exit(code)


@click.group(invoke_without_command=True)
@click.option("--index", "index", metavar="DIR", envvar="BREACHDESK_INDEX",
              help="Index folder (default: the user data folder; env BREACHDESK_INDEX).")
@click.version_option(__version__, prog_name="breachdesk")
@click.pass_context
def main(ctx: click.Context, index: str | None) -> None:
    """breachdesk: search data-breach news, see who said what and which numbers."""
    ctx.obj = _Context(index)
    if ctx.invoked_subcommand is None:
        from reader.commands import open_tui

        open_tui(ctx.obj.index_dir)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--prune", is_flag=True, help="Drop documents whose files are gone from the given folders.")
@click.option("--no-extract", is_flag=True, help="Index text only, without quotes and figures (faster).")
@click.pass_obj
def ingest(obj: _Context, paths: tuple[Path, ...], prune: bool, no_extract: bool) -> None:
    """Add files and folders (HTML, text, Markdown, JSON, JSON Lines) to the index."""
    from reader.commands import run_ingest

    sys.exit(run_ingest(obj.index_dir, list(paths), prune=prune, extract=not no_extract))


@main.command()
@click.argument("query", nargs=-1, required=True)
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, 10_000))
@click.option("--json", "as_json", is_flag=True, help="One JSON line per hit.")
@click.pass_obj
def search(obj: _Context, query: tuple[str, ...], limit: int, as_json: bool) -> None:
    """Search with Whoosh syntax: words, "phrases", AND/OR/NOT, outlet:bbc, kind:statement,
    author:name, date:[2018-03-01 TO 2018-04-30]."""
    from reader.commands import run_search

    sys.exit(run_search(obj.index_dir, " ".join(query), limit, as_json))


@main.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="One JSON line per document.")
@click.option("--jsonl", "jsonl", type=click.File("r", encoding="utf-8"), metavar="-",
              help='Read {"id", "text"} or {"id", "html"} lines (use - for stdin); write one JSON line each.')
def extract(files: tuple[Path, ...], as_json: bool, jsonl) -> None:
    """Parse files without indexing and print what breachdesk finds in them."""
    from reader.commands import run_extract, run_extract_jsonl

    if jsonl is not None:
        if files:
            _fail("give either FILES or --jsonl, not both")
        sys.exit(run_extract_jsonl(jsonl, sys.stdout))
    if not files:
        _fail("nothing to extract: give FILES or --jsonl -")
    sys.exit(run_extract(list(files), as_json))


@main.command()
@click.option("--no-tui", is_flag=True, help="Only ingest the sample corpus and run a sample search.")
def demo(no_tui: bool) -> None:
    """Ingest the bundled (fictional) sample corpus into its own index and show it."""
    from reader.commands import run_demo

    sys.exit(run_demo(open_reader=not no_tui))


@main.command()
@click.pass_obj
def rebuild(obj: _Context) -> None:
    """Rebuild the index from its manifest (after a crash or a damaged index)."""
    from reader.commands import run_rebuild

    sys.exit(run_rebuild(obj.index_dir))


@main.command()
@click.option("--format", "fmt", type=click.Choice(["markdown", "csv", "json", "claimreview"]), default="markdown",
              show_default=True, help="Markdown report, CSV, JSON, or schema.org ClaimReview JSON-LD.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="File to write (default: stdout).")
@click.option("--verdict", type=click.Choice(["verified", "disputed", "false", "needs-check"]),
              help="Only notes with this verdict.")
@click.option("--reviewer", default="breachdesk", show_default=True, help="Author named in ClaimReview records.")
@click.pass_obj
def export(obj: _Context, fmt: str, output: Path | None, verdict: str | None, reviewer: str) -> None:
    """Export the notes and verdicts made in the reader."""
    from reader.export_command import run_export

    sys.exit(run_export(obj.index_dir, fmt, output, verdict, reviewer))


class _Amount(click.ParamType):
    name = "AMOUNT"

    def convert(self, value, param, ctx):
        from reader.xref_commands import parse_amount

        try:
            return value if isinstance(value, float) else parse_amount(str(value))
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


@main.command()
@click.argument("query", nargs=-1)
@click.option("--speaker", metavar="NAME", help="Only this source, under any name it was printed as.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 10_000))
@click.option("--json", "as_json", is_flag=True, help="One JSON line per quote.")
@click.pass_obj
def quotes(obj: _Context, query: tuple[str, ...], speaker: str | None, limit: int, as_json: bool) -> None:
    """Quotes by words (Whoosh syntax: speaker:, outlet:, date:[…]) and/or --speaker NAME."""
    from reader.xref_commands import run_quotes

    if not query and not speaker:
        _fail("give words to look for, --speaker NAME, or both")
    sys.exit(run_quotes(obj.index_dir, " ".join(query), speaker, limit, as_json))


@main.command()
@click.argument("query", nargs=-1)
@click.option("--min", "min_value", type=_Amount(), help="Smallest value (87m, 1.5bn, 270000).")
@click.option("--max", "max_value", type=_Amount(), help="Largest value.")
@click.option("--unit", metavar="U", help="A unit as printed (users), a family (people, accounts, records) or a currency (GBP).")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 10_000))
@click.option("--json", "as_json", is_flag=True, help="One JSON line per figure.")
@click.pass_obj
def figures(obj: _Context, query: tuple[str, ...], min_value: float | None, max_value: float | None,
            unit: str | None, limit: int, as_json: bool) -> None:
    """Figures by words around them, source, outlet (Whoosh syntax; value:[10000000 TO 100000000] works)."""
    from reader.xref_commands import run_figures

    sys.exit(run_figures(obj.index_dir, " ".join(query), min_value, max_value, unit, limit, as_json))


@main.command()
@click.argument("quote", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="A trail line, then one JSON line per appearance.")
@click.pass_obj
def trail(obj: _Context, quote: tuple[str, ...], as_json: bool) -> None:
    """Where a quote (QUOTE-ID or its words) appeared, first, in which wordings, attributed to whom."""
    from reader.xref_commands import run_trail

    sys.exit(run_trail(obj.index_dir, " ".join(quote), as_json))


@main.command()
@click.argument("query", nargs=-1, required=True)
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 1000))
@click.option("--json", "as_json", is_flag=True, help="One JSON line per group of figures.")
@click.pass_obj
def compare(obj: _Context, query: tuple[str, ...], limit: int, as_json: bool) -> None:
    """Figures about the same thing side by side (QUERY words or a FIGURE-ID); divergent groups first."""
    from reader.xref_commands import run_compare

    sys.exit(run_compare(obj.index_dir, " ".join(query), limit, as_json))


@main.command()
@click.argument("name", nargs=-1)
@click.option("--limit", default=100, show_default=True, type=click.IntRange(1, 100_000))
@click.option("--json", "as_json", is_flag=True, help="One JSON line per source, or the source then its records.")
@click.pass_obj
def sources(obj: _Context, name: tuple[str, ...], limit: int, as_json: bool) -> None:
    """All sources, or one person's, organisation's or outlet's quotes, figures and claims by date."""
    from reader.xref_commands import run_sources

    sys.exit(run_sources(obj.index_dir, " ".join(name).strip() or None, limit, as_json))


def _json_line(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, default=str)


if __name__ == "__main__":
    main()
