"""A short command imports only what it uses: under eight writers and four readers on two
cores, every start of `haicap set` or `haicap items` pays for each module it imports.

Each command runs in a fresh process, which then lists the modules it has loaded.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REQUEST = "cdb5ed9f-16"

_LIST_MODULES = """
import contextlib, io, json, sys
from haicap.tui.cli.main import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    try:
        code = main(sys.argv[1:])
    except SystemExit as exit:
        code = exit.code
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""

NEVER_FOR_SHORT_COMMANDS = ("textual", "textual_serve", "rich", "docx", "openpyxl", "pdfplumber", "yaml", "shtab")
"""Packages a listing or an edit never uses: the dashboard, Word, Excel, PDF, YAML reports, completion."""


def _modules(*argv: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", _LIST_MODULES, *argv],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
        check=True,
    )
    result = json.loads(done.stdout)
    assert result["code"] == 0, (argv, done.stderr)
    return result["modules"]


def _heavy(modules: list[str]) -> list[str]:
    return [
        name
        for name in modules
        if name.split(".")[0] in NEVER_FOR_SHORT_COMMANDS
        or name.startswith(("haicap.store.views", "haicap.tui.app", "haicap.tui.screens", "haicap.tui.widgets"))
        # the reader (store.ingest.reader) reads articles; `left_out` only names its reasons
        or (name.startswith("haicap.store.ingest.reader.") and name != "haicap.store.ingest.reader.left_out")
        or name == "importlib.metadata"  # only for --version
    ]


@pytest.mark.parametrize(
    "argv",
    [
        ["items"],
        ["items", "--commune", "Ngọc Trạo", "--json"],
        ["item", REQUEST],
        ["set", REQUEST, "--note", "x"],
        ["search", "đê"],
    ],
    ids=" ".join,
)
def test_a_short_command_imports_no_textual_nor_what_it_does_not_use(seeded_store_path: Path, argv: list[str]) -> None:
    modules = _modules("--db", str(seeded_store_path), *argv)
    assert "haicap.store.db.database" in modules, "the command did open the store"
    assert _heavy(modules) == []


@pytest.mark.parametrize("argv", [["--version"], ["--help"], ["items", "--help"], ["lang"]], ids=" ".join)
def test_help_and_version_open_no_store(argv: list[str]) -> None:
    modules = _modules(*argv)
    store = [name for name in modules if name.split(".")[0] == "tinydb" or name == "haicap.store.db.database"]
    assert store == []
    assert [name for name in _heavy(modules) if name != "importlib.metadata"] == []
