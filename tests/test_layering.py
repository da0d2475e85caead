"""Data flows one way (corpus -> index -> reader) and whoosh stays inside index/."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def imported_modules(package: str) -> set[tuple[str, str]]:
    found = set()
    for path in (ROOT / package).rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found |= {(str(path.relative_to(ROOT)), a.name.split(".")[0]) for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add((str(path.relative_to(ROOT)), node.module.split(".")[0]))
    return found


def test_corpus_imports_neither_index_reader_textual_nor_whoosh():
    bad = {(f, m) for f, m in imported_modules("corpus") if m in {"index", "reader", "textual", "whoosh"}}
    assert not bad


def test_index_never_imports_reader_or_textual():
    assert not {(f, m) for f, m in imported_modules("index") if m in {"reader", "textual"}}


def test_whoosh_is_imported_by_one_module_only():
    users = {f for f, m in imported_modules("index") | imported_modules("reader") if m == "whoosh"}
    assert users == {"index/whoosh_api.py"}


def test_loading_corpus_and_index_does_not_import_textual():
    code = ("import sys, corpus.loaders, index.ingest, index.search\n"
            "assert 'textual' not in sys.modules\nprint('ok')")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "ok"


def test_import_reader_is_this_project():
    import reader

    assert Path(reader.__file__).resolve().parent == ROOT / "reader"
    assert hasattr(reader, "__version__")
