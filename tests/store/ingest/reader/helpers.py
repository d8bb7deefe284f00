"""Helpers for the reader's behaviour tests: run a small made-up article, list its items."""

import datetime as dt

from haicap.store.domain.registry import load_registry
from haicap.store.ingest.reader import extract_text

INTRO = "Sáng 4/3, đồng chí Lò Văn Minh, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Lạng Sơn đã làm việc với xã Bình Gia."
CONCLUSION = "Phát biểu kết luận buổi làm việc, Chủ tịch UBND tỉnh Lò Văn Minh ghi nhận những cố gắng của xã."


def items(*paragraphs: str) -> list[tuple[str, str]]:
    """Extract a body made of `paragraphs` (one per line) and return (kind, text) pairs."""
    body = "\n".join(paragraphs)
    ex = extract_text(body, load_registry(), today=dt.date(2026, 6, 1))
    return [(i.kind, i.text) for i in ex.items]


def kind_of(sentence: str, *before: str) -> str | None:
    """The kind given to the item that contains `sentence` (None when no item does)."""
    found = [k for k, text in items(*before, sentence) if text in sentence or sentence in text]
    return found[-1] if found else None
