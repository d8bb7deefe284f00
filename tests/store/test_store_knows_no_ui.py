"""The store must work without the UI: importing any store module never loads Textual."""

from __future__ import annotations

import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import haicap.store

STORE_DIR = Path(haicap.store.__file__).parent


def store_modules() -> list[str]:
    return ["haicap.store"] + [m.name for m in pkgutil.walk_packages([str(STORE_DIR)], prefix="haicap.store.")]


def test_importing_every_store_module_loads_no_textual() -> None:
    modules = store_modules()
    assert "haicap.store.db.database" in modules and len(modules) > 5
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "ui = sorted(m for m in sys.modules if m.split('.')[0] == 'textual' or m.startswith('haicap.tui'))\n"
        "print(','.join(ui))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "", f"store pulled in UI modules: {result.stdout.strip()}"


def test_no_store_source_imports_textual() -> None:
    pattern = re.compile(r"^\s*(from|import)\s+(textual|haicap\.tui)\b", re.MULTILINE)
    offenders = [str(p) for p in STORE_DIR.rglob("*.py") if pattern.search(p.read_text(encoding="utf-8"))]
    assert offenders == []
