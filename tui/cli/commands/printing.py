"""What the command line prints: aligned tables for people, indented JSON for scripts.

`print_table` pads every column but the last and, on a terminal, cuts the last to the
width; `print_json` and `print_json_list` write the same indented JSON, the second object by
object (a list of the whole country is never held whole).
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterable, Sequence
from typing import Any

from haicap.store.domain.text import one_line, shorten

__all__ = ["print_json", "print_json_list", "print_table"]


def _to_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):  # a closed or odd stream is no terminal
        return False


def print_table(rows: Sequence[tuple[str, ...]]) -> None:
    """Print rows, one line each, every column but the last padded.

    On a terminal the last column is cut to the terminal's width. Anywhere else (a pipe, a
    file) nothing is cut, so `haicap items | grep` finds what `--json` holds."""
    if not rows:
        return
    # A tab or line break inside a cell would split its row or shift its columns.
    rows = [tuple(one_line(cell) for cell in row) for row in rows]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    used = sum(widths) + 2 * len(widths)
    room = max(30, shutil.get_terminal_size((120, 24)).columns - used) if _to_terminal() else None
    for row in rows:
        cells = [
            cell.ljust(width) for cell, width in zip(row, widths, strict=False)
        ]  # the last cell has no width: it takes the room left
        last = row[-1] if room is None else shorten(row[-1], room)
        print("  ".join([*cells, last]).rstrip())


def print_json(data: Any) -> None:
    """Print `data` as indented JSON, text as it is (not \\u escapes)."""
    print(_indented_json(data))


def _indented_json(data: Any) -> str:
    """`json.dumps(data, ensure_ascii=False, indent=2)`, through orjson, which writes the same
    text ten times faster (`items --json` of a province: 16,000 objects); json for what
    orjson refuses (a lone surrogate, an integer past 64 bits)."""
    import orjson

    try:
        return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode("utf-8")
    except TypeError:
        import json

        return json.dumps(data, ensure_ascii=False, indent=2)


def print_json_list(objects: Iterable[Any]) -> None:
    """Print a JSON list as `print_json(list(objects))` would, each object as soon as it is
    made: a list of the whole country is written province by province, never held whole."""
    first = True
    for obj in objects:
        body = _indented_json(obj).replace("\n", "\n  ")
        sys.stdout.write(("[\n  " if first else ",\n  ") + body)
        first = False
    print("[]" if first else "\n]")
