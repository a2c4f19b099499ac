"""The shape of the code: store/ is headless, SQL lives in store/sqlite/ only, tui/ sees only the store
package, no mixins, no oversized modules, and the app starts without the model."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

MODULES = [path for folder in ("store", "tui") for path in sorted((ROOT / folder).rglob("*.py"))]


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), str(path))


def _module(path: Path) -> str:
    return "newsgloss." + ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")


def test_store_never_imports_textual_or_rich():
    store_modules = [_module(p) for p in MODULES if p.relative_to(ROOT).parts[0] == "store"]
    code = (f"import sys, {', '.join(store_modules)}\n"
            "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))))\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_sql_only_in_the_sqlite_backend():
    found = []
    for path in MODULES:
        if path.is_relative_to(ROOT / "store" / "sqlite"):
            continue
        for node in ast.walk(_tree(path)):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                    node.func.attr in ("execute", "executemany", "executescript"):
                found.append(f"{_module(path)}:{node.lineno} executes SQL")
            if isinstance(node, ast.Import) and any(alias.name.split(".")[0] in ("sqlite3", "sqlite_utils")
                                                    for alias in node.names):
                found.append(f"{_module(path)}:{node.lineno} imports a SQLite module")
            if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in ("sqlite3", "sqlite_utils"):
                found.append(f"{_module(path)}:{node.lineno} imports a SQLite module")
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("newsgloss.store.sqlite") and \
                    _module(path) != "newsgloss.store.library":
                found.append(f"{_module(path)}:{node.lineno} reaches into the backend")
    assert found == []


def test_tui_sees_only_the_store_package():
    found = [f"{_module(path)}:{node.lineno} imports {node.module}"
             for path in MODULES if path.relative_to(ROOT).parts[0] == "tui"
             for node in ast.walk(_tree(path))
             if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("newsgloss.store.")]
    found += [f"{_module(path)}:{node.lineno} imports {alias.name}"
              for path in MODULES if path.relative_to(ROOT).parts[0] == "tui"
              for node in ast.walk(_tree(path)) if isinstance(node, ast.Import)
              for alias in node.names if alias.name.startswith("newsgloss.store.")]
    assert found == []


def test_no_mixins_and_no_oversized_modules():
    trees = {path: _tree(path) for path in MODULES}
    ours = {node.name for tree in trees.values() for node in ast.walk(tree) if isinstance(node, ast.ClassDef)}
    mixed = [f"{_module(path)}.{node.name}" for path, tree in trees.items() for node in ast.walk(tree)
             if isinstance(node, ast.ClassDef)
             and sum(isinstance(base, ast.Name) and base.id in ours for base in node.bases) >= 2]
    assert mixed == []
    assert [(_module(p), n) for p in MODULES if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400] == []


def test_cli_start_up_does_not_import_spacy():
    code = ("import sys, newsgloss.tui.cli, newsgloss.tui.app\n"
            "print('spacy' in sys.modules, 'multiprocessing' in sys.modules)\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False False"
