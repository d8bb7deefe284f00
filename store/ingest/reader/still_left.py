"""What a contrast says is still so after results: a difficulty, whatever its words.

"Tỷ lệ hộ nghèo giảm 3,1%, song vẫn ở mức cao", "Tuy nhiên, tỷ lệ hộ nghèo của xã vẫn còn
38,6%": the turn tells what the results before it have not changed.
"""

from __future__ import annotations

import re

from haicap.store.ingest.reader import cues
from haicap.store.ingest.reader.kinds import ACHIEVEMENT, DIFFICULTY
from haicap.store.ingest.reader.problems import STILL_AFTER_TURN

__all__ = ["still_unchanged"]

_STILL_LEFT = re.compile(
    r"^\W*(?:tuy nhiên|song|nhưng|tuy vậy|dù vậy)\s*,?\s+(?:[^,;:]{0,80}?\s)?(?:vẫn còn|vẫn ở mức|vẫn duy trì ở mức)\b"
)
_STILL_AFTER_CONTRAST = re.compile(r"^\W*(?:song|nhưng|tuy nhiên|tuy vậy)\s*,?\s+(?:\S+\s+){0,3}?(?:vẫn|còn)\b")


def still_unchanged(low: str, kind: str | None, prev_kind: str | None) -> str | None:
    """The classifier's reason when lower-cased clause `low` (read as `kind` by its words, after a
    clause of `prev_kind`) says what is still left after a contrast, else None."""
    if (
        prev_kind == ACHIEVEMENT
        and kind != DIFFICULTY
        and _STILL_AFTER_CONTRAST.match(low)
        and not cues.NEGATED_PROBLEM.search(low)
    ):
        # "Tỷ lệ hộ nghèo giảm 3,1%, song vẫn ở mức cao": what a contrast says "still" is after a
        # result is what the result has not yet changed, a difficulty, whatever its words.
        return "still, after a result"
    if kind != DIFFICULTY and _STILL_LEFT.match(low) and not cues.NEGATED_PROBLEM.search(low):
        # "Tuy nhiên, tỷ lệ hộ nghèo của xã vẫn còn 38,6%": what a contrast says is still left is
        # what the results before it have not changed, whatever the figure.
        return "still left, after a contrast"
    if kind is None and STILL_AFTER_TURN.match(low):
        # "Tuy vậy, … nước thải của 40 cơ sở vẫn xả thẳng ra kênh": what a turn says still goes on,
        # with no result of its own, is what the results before it have not changed.
        return "still, after a turn"
    return None
