"""From clause verdicts to items: cue-less clauses join a neighbour, runs of one kind merge, edges are trimmed.

An item must read on its own: a list label, a bullet or a conjunction left hanging at either end
of the merged text is no part of it.
"""

from __future__ import annotations

import re

from haicap.store.ingest.reader.classify import EXCLUDED
from haicap.store.ingest.reader.letters import BULLET

__all__ = ["LEADING_CONJUNCTION", "LIST_LABEL", "merge_verdicts"]


def merge_verdicts(sentence: str, verdicts: list[tuple[int, int, str | None, str]]) -> list[tuple[str, str, str]]:
    """Merge clause verdicts into items (kind, text, cue): clauses without a cue join their
    neighbour, neighbouring clauses of one kind become one item, excluded clauses stay out.

    The cue of an item is the reason of its first clause that had one ("joined" when a
    cue-less clause took its kind from a neighbour and none had one of its own)."""
    kinds = [kind for _, _, kind, _ in verdicts]
    reasons = [reason if kind is not None else "" for _, _, kind, reason in verdicts]
    # The nearest labelled clause after each one (found in one pass from the end: a long
    # sentence has hundreds of clauses, and looking ahead from each was quadratic).
    following: list[str | None] = [None] * len(kinds)
    for i in range(len(kinds) - 2, -1, -1):
        following[i] = kinds[i + 1] if kinds[i + 1] is not None else following[i + 1]
    # A cue-less clause joins the labelled clause before it (or after it, at the start).
    before: str | None = None
    for i, kind in enumerate(kinds):
        if kind is None:
            after = following[i]
            pick = before if before not in (None, EXCLUDED) else after
            kinds[i] = pick if pick not in (None, EXCLUDED) else None
            reasons[i] = "joined"
        if kinds[i] is not None:
            before = kinds[i]
    items: list[tuple[str, str, str]] = []
    run_start, run_kind, run_end, run_cue = 0, None, 0, ""
    for (start, end, _, _), kind, reason in zip(verdicts, kinds, reasons, strict=True):
        if kind == run_kind and kind is not None:
            run_end = end
            if run_cue == "joined" and reason != "joined":
                run_cue = reason
            continue
        if run_kind not in (None, EXCLUDED):
            items.append((run_kind, sentence[run_start:run_end], run_cue))
        run_start, run_end, run_kind, run_cue = start, end, kind, reason
    if run_kind not in (None, EXCLUDED):
        items.append((run_kind, sentence[run_start:run_end], run_cue))
    # Bullets and joining punctuation at the ends are not part of the clause, and a clause
    # must read on its own: no conjunction left hanging at its start or end.
    cleaned = []
    for kind, text, cue in items:
        text = LIST_LABEL.sub("", _EDGE_BULLETS.sub("", text))
        if not sentence.startswith(text):
            text = LEADING_CONJUNCTION.sub("", text)
        text = _EDGE_BULLETS.sub("", _TRAILING_CONJUNCTION.sub("", text))
        if text:
            cleaned.append((kind, text, cue))
    return cleaned


# Bullets, pictographs and joining punctuation at either end of an item: "✅ Thu ngân sách …",
# "… giai đoạn 2026–2030 👏👏".
_EDGE_BULLETS = re.compile(rf"^(?:{BULLET}|[\s,;])+|(?:{BULLET}|[\s,;])+$")
# "2.1. ", "a) ", "III. ": the label of a list line is not part of its content.
# (A count is no label: "17 hộ chưa đồng thuận" keeps its number.)
LIST_LABEL = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2}){1,3}\.?|\d{1,2}[.)]|[a-zđ]\)|[IVX]{1,4}\.)\s+(?=\S)")
# "nhưng vẫn còn …" reads on its own as "vẫn còn …".
LEADING_CONJUNCTION = re.compile(
    r"^(?:(?:nhưng|song|tuy nhiên|tuy vậy|dù vậy|thế nhưng|trong khi đó|trong khi|đồng thời|và|nhưng mà|mà)\b\s*,?\s*)+", re.I
)
_TRAILING_CONJUNCTION = re.compile(r"[,;]?\s*(?:đồng thời|và|nhưng|song|trong đó|bên cạnh đó)\s*[,;:]?\s*$", re.IGNORECASE)
