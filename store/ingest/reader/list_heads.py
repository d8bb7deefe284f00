"""What a list's head says its items are: the clause that opens a list with a colon names them.

"Những kết quả …:" or praise opens results, "tồn tại, hạn chế …:" problems; "Xã có một số kiến
nghị: …" the commune's asks, "Đồng chí yêu cầu: …" the leader's orders (unless the leader's head
names shortcomings: "một số việc còn chậm: …" lists findings).
"""

from __future__ import annotations

import re

from haicap.store.ingest.reader import cues
from haicap.store.ingest.reader.kinds import ACHIEVEMENT, DIFFICULTY, DIRECTIVE, REQUEST
from haicap.store.ingest.reader.problems import names_problem
from haicap.store.ingest.reader.speakers import LEADER
from haicap.store.ingest.reader.speech_acts import SHORTCOMINGS
from haicap.store.ingest.reader.verdicts import EXCLUDED, Verdict

__all__ = ["list_named"]

_RESULTS_HEAD = re.compile(r"\bkết quả\b|\bthành tích\b")
_ASKS_HEAD = re.compile(r"\b(?:kiến nghị|đề xuất|đề nghị|mong muốn|nguyện vọng)\b")


def list_named(clause: str, verdict: Verdict) -> str | None:
    """The kind of the list a clause opens with a colon: results after praise or "những kết quả
    …:", problems after "tồn tại, hạn chế …:"; None when it opens none or names no kind."""
    head, colon, _ = clause.lower().rpartition(":")
    if colon and verdict.kind == EXCLUDED and verdict.reason == "list header":
        # "Xã có một số kiến nghị: …", "Đồng chí yêu cầu: …": the items said after it in the same
        # sentence are the leader's orders, or the asks of whoever else opens the list.
        if verdict.actor == LEADER:
            # ("một số nhiệm vụ còn chậm:" lists the leader's findings, no orders.)
            return DIFFICULTY if names_problem(head) else DIRECTIVE
        return REQUEST if _ASKS_HEAD.search(head) else None
    if not colon or verdict.kind not in (ACHIEVEMENT, DIFFICULTY):
        return None
    if verdict.kind == ACHIEVEMENT and (cues.PRAISE.search(head) or _RESULTS_HEAD.search(head)):
        return ACHIEVEMENT
    if verdict.kind == DIFFICULTY and SHORTCOMINGS.search(head):
        return DIFFICULTY
    return None
