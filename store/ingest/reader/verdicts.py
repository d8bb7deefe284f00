"""What the classifier decides for a clause, and what it knows beyond the clause itself."""

from __future__ import annotations

from dataclasses import dataclass

from haicap.store.ingest.reader.speakers import People

__all__ = ["EXCLUDED", "Context", "Verdict"]

EXCLUDED = "excluded"
"""A clause that is deliberately none of the four (meta, visit, promise, potential)."""


@dataclass(frozen=True)
class Context:
    """What the classifier knows beyond the clause itself."""

    speaker: str
    people: People
    prev_kind: str | None = None
    """Kind of the previous clause of the same sentence (None at the start)."""
    prev_actor: str | None = None
    in_request_list: bool = False
    """The previous sentence was a commune's request: bare instructions continue the list."""
    voter_meeting: bool = False
    """The article reports a voter meeting (tiếp xúc cử tri): voters' asks are requests."""
    answer: bool = False
    """The clause gives, after a colon, the answer to a request (see `Clause.answer`)."""
    frame: bool = False
    """The clause is the frame that opens its sentence (see `Clause.frame`)."""
    listing: str | None = None
    """The kind a head before a colon earlier in the sentence named ("Ghi nhận những kết quả
    xã đạt được: …" lists results; "xã còn một số tồn tại, hạn chế: …" lists problems)."""


@dataclass(frozen=True)
class Verdict:
    """The kind decided for a clause (a kind, EXCLUDED or None) and the actor seen."""

    kind: str | None
    actor: str | None = None
    reason: str = ""
