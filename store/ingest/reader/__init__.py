"""The reader of free text: a Vietnamese article about a working session in, a session out.

`extract_text(body, registry)` finds the session date, province, leader and communes and
sorts the article's sentences and clauses into achievements, difficulties, requests and
directives. Pure Python, no UI imports; `store.ingest.reader.evaluate` scores it on a devset.

The reader's names are loaded on first use: compiling its cue lexicons takes a tenth of a
second, which every command paid at start even when it reads no text (`haicap items`,
`--version`). Code that only needs its small modules (`left_out`'s reasons, say) gets
them without it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from haicap.store.ingest.reader.extract import ExtractedItem, Extraction, extract_text

__all__ = ["KINDS", "ExtractedItem", "Extraction", "extract_text"]

KINDS = ("achievement", "difficulty", "request", "directive")
"""The four kinds of content, in pane order."""

_LAZY = {"ExtractedItem", "Extraction", "extract_text"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module("haicap.store.ingest.reader.extract"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
