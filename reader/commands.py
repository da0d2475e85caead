"""What the CLI commands do, kept apart from option parsing so the TUI can reuse it."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TextIO

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from reader.safe import clean_terminal, highlighted

SAMPLES = Path(__file__).resolve().parent.parent / "corpus" / "samples"
DEMO_QUERY = "breach"


def _console(err: bool = False) -> Console:
    return Console(stderr=err, highlight=False)


def _err(message: str) -> None:
    _console(err=True).print(Text("breachdesk: " + clean_terminal(message)), soft_wrap=True)


def run_ingest(index_dir: Path, paths: list[Path], prune: bool = False, extract: bool = True,
               console: Console | None = None) -> int:
    from index.ingest import ingest
    from index.store import IndexBroken, IndexBusy

    console = console or _console(err=True)
    progress = Progress(TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                        TextColumn("{task.fields[name]}"), console=console, transient=True,
                        disable=not console.is_terminal)
    task = progress.add_task("ingest", total=None, name="")

    def on_file(path: str, status: str) -> None:
        if status == "total":
            progress.update(task, total=int(path))
        else:
            progress.update(task, advance=1, name=clean_terminal(Path(path).name)[:40])

    try:
        with progress:
            report = ingest(paths, index_dir, prune=prune, extract=extract, progress=on_file)
    except IndexBusy as exc:
        _err(str(exc))
        return 1
    except IndexBroken as exc:
        _err(str(exc))
        return 2
    for path, reason in report.failed:
        console.print(Text.assemble(("failed  ", "bold red"), clean_terminal(path), ": ", clean_terminal(reason)),
                      soft_wrap=True)
    summary = (f"{len(report.indexed)} indexed ({report.documents} documents), {len(report.unchanged)} unchanged, "
               f"{len(report.failed)} failed")
    if report.ignored:
        summary += f", {len(report.ignored)} ignored (not articles: {', '.join(Path(p).name for p, _ in report.ignored[:3])}" \
                   f"{'…' if len(report.ignored) > 3 else ''})"
    if report.pruned:
        summary += f", {len(report.pruned)} pruned"
    summary += f" in {report.seconds:.1f}s -> {index_dir}"
    console.print(Text(clean_terminal(summary)), soft_wrap=True)
    if report.interrupted:
        console.print("[yellow]interrupted[/]: what was ingested is kept; run the same command again to finish.")
        return 130
    return 1 if report.failed else 0


def run_search(index_dir: Path, query: str, limit: int, as_json: bool, out: TextIO | None = None) -> int:
    from index.search import QueryError, search
    from index.store import IndexBroken, IndexMissing

    try:
        result = search(index_dir, query, limit)
    except QueryError as exc:
        _err(str(exc))
        return 2
    except (IndexMissing, IndexBroken) as exc:
        _err(str(exc))
        return 2
    out = out or sys.stdout
    if as_json:
        for hit in result.hits:
            out.write(json.dumps(hit.to_dict(), ensure_ascii=False) + "\n")
        return 0
    console = Console(file=out, highlight=False) if out is not sys.stdout else _console()
    if not result.hits:
        console.print(Text(f"no documents match {clean_terminal(query)!r}"))
        return 0
    table = Table(title=Text(f"{result.total} documents match {clean_terminal(query)!r}"), show_lines=True,
                  expand=True)
    table.add_column("date", no_wrap=True, width=10)
    table.add_column("outlet", ratio=1)
    table.add_column("title / snippet", ratio=4)
    for hit in result.hits:
        body = Text(clean_terminal(hit.title), style="bold")
        body.append("\n")
        body.append_text(highlighted(hit.snippet, hit.spans, style="bold yellow"))
        body.append(f"\n{clean_terminal(hit.path)}", style="dim")
        table.add_row(hit.date.date().isoformat() if hit.date else "—", Text(clean_terminal(hit.outlet)), body)
    console.print(table)
    return 0


def run_extract(files: list[Path], as_json: bool) -> int:
    from corpus.document import LoadError
    from corpus.loaders import load_file

    status = 0
    console = _console()
    for path in files:
        try:
            docs = load_file(path)
        except LoadError as exc:
            _err(f"{path}: {exc}")
            status = 1
            continue
        for doc in docs:
            record = document_record(doc)
            if as_json:
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                _print_document(console, record)
    return status


def document_record(doc, text: str | None = None) -> dict:
    """The JSON of one document: metadata, text, and (when extraction is available) findings.

    With `text` given (the caller's own input), findings are computed on and index that string.
    """
    record = {
        "path": doc.path, "title": doc.title, "outlet": doc.outlet, "authors": doc.authors,
        "published": doc.published.isoformat() if doc.published else None, "url": doc.url, "kind": doc.kind,
        "text": doc.text if text is None else text,
        "asides": [a.to_dict() for a in doc.asides] if text is None else [],
    }
    try:
        from corpus.extract import analyse_text
    except ImportError:
        return record
    findings = analyse_text(record["text"], doc.asides if text is None else (), default_source=doc.outlet)
    record.update(findings.to_dict())
    return record


def _print_document(console: Console, record: dict) -> None:
    meta = Table.grid(padding=(0, 1))
    meta.add_column(style="bold")
    meta.add_column()
    for key in ("title", "outlet", "authors", "published", "url", "kind", "path"):
        value = record.get(key)
        if isinstance(value, list):
            value = ", ".join(value)
        meta.add_row(key, Text(clean_terminal(str(value)) if value else "—"))
    console.rule(Text(clean_terminal(record.get("title") or record["path"])))
    console.print(meta)
    console.print()
    console.print(Text(clean_terminal(record["text"])))
    for aside in record.get("asides", []):
        console.print(Text(f"[{aside['kind']}] " + clean_terminal(aside["text"]), style="italic dim"))
    for quote in record.get("quotes", []):
        console.print(Text.assemble(("quote ", "bold cyan"), clean_terminal(quote.get("speaker") or "?"), ": ",
                                    clean_terminal(quote["text"])))
    for fig in record.get("figures", []):
        console.print(Text.assemble(("figure ", "bold magenta"), clean_terminal(fig["text"]), " = ",
                                    str(fig.get("value")), f" ({fig.get('unit') or '?'}; {fig.get('source') or '?'})"))


def run_extract_jsonl(stream: TextIO, out: TextIO) -> int:
    """`extract --jsonl -`: one JSON line in ({"id", "text"|"html"}), one JSON line out, same id."""
    from corpus.document import LoadError
    from corpus.loaders.html import load_html
    from corpus.loaders.text import load_text

    status = 0
    for n, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            if not isinstance(item, dict):
                raise ValueError("not a JSON object")
        except ValueError as exc:
            _err(f"stdin line {n}: malformed JSON ({exc})")
            out.write(json.dumps({"id": None, "line": n, "error": f"malformed JSON ({exc})"}) + "\n")
            status = 1
            continue
        ident = item.get("id")
        try:
            if isinstance(item.get("text"), str):
                doc = load_text(item["text"], f"<stdin:{n}>")
                record = document_record(doc, text=item["text"])
            elif isinstance(item.get("html"), str):
                record = document_record(load_html(item["html"], f"<stdin:{n}>"))
            else:
                raise LoadError('needs a "text" or "html" string')
        except LoadError as exc:
            _err(f"stdin line {n} (id {ident!r}): {exc}")
            out.write(json.dumps({"id": ident, "error": str(exc)}, ensure_ascii=False) + "\n")
            status = 1
            continue
        record.pop("path", None)
        if "text" in item:  # the caller's own text has no asides: its captions stay in it
            record.pop("asides", None)
        out.write(json.dumps({"id": ident, **record}, ensure_ascii=False) + "\n")
        out.flush()
    return status


def demo_index_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("breachdesk", appauthor=False)) / "demo-index"


def run_demo(open_reader: bool = True) -> int:
    index_dir = demo_index_dir()
    console = _console()
    console.print(Text(f"Ingesting the bundled sample corpus (fictional) from {SAMPLES} into {index_dir}"))
    _drop_if_outdated(index_dir)
    status = run_ingest(index_dir, [SAMPLES], prune=True, console=console)
    if status not in (0,):
        return status
    if open_reader and sys.stdout.isatty():
        open_tui(index_dir)
        return 0
    console.print(Text(f"\nSample search: breachdesk --index {index_dir} search {DEMO_QUERY!r}\n"))
    return run_search(index_dir, DEMO_QUERY, 5, as_json=False)


def _drop_if_outdated(index_dir: Path) -> None:
    """The demo index is the demo's own: one from another version is simply made anew."""
    import shutil

    from index.store import IndexBroken, IndexMissing, IndexOutdated, open_index

    try:
        open_index(index_dir)
    except IndexOutdated:
        shutil.rmtree(index_dir)
    except (IndexMissing, IndexBroken):
        pass


def run_rebuild(index_dir: Path) -> int:
    """Re-ingest every file the manifest lists into a fresh index; notes and verdicts are kept."""
    import shutil

    from index.store import USER_FILES, open_manifest

    manifest = open_manifest(index_dir)
    paths = [e.path.split("#", 1)[0] for e in manifest.all()]
    manifest.close()
    if not paths:
        _err(f"nothing to rebuild: the manifest at {index_dir} is empty")
        return 2
    backup = index_dir.with_name(index_dir.name + ".rebuild-old")
    shutil.rmtree(backup, ignore_errors=True)
    index_dir.rename(backup)
    index_dir.mkdir(parents=True)
    for name in USER_FILES:
        if (backup / name).exists():
            shutil.copy2(backup / name, index_dir / name)
    status = run_ingest(index_dir, [Path(p) for p in dict.fromkeys(paths)])
    shutil.rmtree(backup, ignore_errors=True)
    return status


def open_tui(index_dir: Path) -> None:
    try:
        from reader.app import BreachdeskApp
    except ImportError:
        _err("the reader is not available yet; use `breachdesk search QUERY`")
        sys.exit(2)
    BreachdeskApp(index_dir=index_dir).run()
