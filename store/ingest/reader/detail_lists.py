"""A leader's order, then a bare line that says its details follow: the lines below are orders.

"… yêu cầu các xã khẩn trương rà soát từng dự án. Cụ thể:" — the bullets after it spell the order
out commune by commune or body by body ("- Xã A hoàn thiện hồ sơ …", "- Các xã không để …"), so
they are the leader's, whatever they name. What decides is the place: a line of a few words that
ends on a colon and holds no item, right after an order in the leader's words. After praise or a
report, or in someone else's words, the same line opens nothing.
"""

from __future__ import annotations

from haicap.store.ingest.reader.kinds import DIRECTIVE

__all__ = ["details_follow"]

_WORDS = 4
"""Words a line that only announces details may have ("Cụ thể như sau:")."""


def details_follow(sentence: str, leader_speaks: bool, last_kind: str | None) -> bool:
    """Whether `sentence`, which held no item, opens a list that details the order just given:
    a line of at most `_WORDS` words ending on a colon, in the leader's words (`leader_speaks`),
    right after a directive (`last_kind`)."""
    line = sentence.strip()
    return leader_speaks and last_kind == DIRECTIVE and line.endswith(":") and len(line.split()) <= _WORDS
