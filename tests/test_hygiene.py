"""store/ is a headless data layer: importing it must not pull in Textual or Rich."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_store_never_imports_textual_or_rich():
    code = (
        "import sys, store.store, store.importers, store.export, store.pipeline, store.annotate, store.search\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_cli_start_up_does_not_import_spacy():
    code = "import sys, tui.cli, tui.app\nprint('spacy' in sys.modules)\n"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
