"""What `pip install .` puts into site-packages: every package of the repository, under `haicap`.

`pyproject.toml` lists the packages by hand (the repository root is the package `haicap`,
which automatic discovery cannot map). A folder added without its line installs fine in
editable mode, which the tests use, and is missing from a real install: `haicap` then
fails at start with ModuleNotFoundError. This test catches the missing line.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_package_folder_is_listed_in_pyproject() -> None:
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    folders = {
        "haicap." + ".".join(init.parent.relative_to(ROOT).parts)
        for top in ("store", "tui", "seeds")
        for init in (ROOT / top).rglob("__init__.py")
    }
    assert folders | {"haicap"} == listed, {
        "not listed": folders - listed,
        "listed, no such folder": listed - folders - {"haicap"},
    }


def test_every_data_file_the_app_reads_is_package_data() -> None:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-data"]
    assert "*.tcss" in data["haicap.tui"]
    stray = [p for p in (ROOT / "tui").rglob("*.tcss") if p.parent != ROOT / "tui"]
    assert not stray, f"stylesheets outside tui/ are not installed: {stray}"
