"""Sentences the reader leaves out of the four kinds, and why.

An officer checks an import by reading what was taken in and what was left out; every
sentence of the text is one or the other. A reason is a short code, the same in
`extract --json`, and has a label for people (`reason_text`: English in `REASONS`,
Vietnamese in the catalogue).
"""

from __future__ import annotations

from dataclasses import dataclass

from haicap.store.domain.i18n import N_, _

__all__ = [
    "CAPTION",
    "CONTEXT",
    "DUPLICATE",
    "HEADING",
    "META",
    "NO_KIND",
    "PAGE",
    "PROMISE",
    "REASONS",
    "REVIEW",
    "STATISTICS",
    "LeftOut",
    "reason_label",
    "reason_text",
]

CAPTION = "caption"
"""A photo caption or credit ("Ảnh: …", "Thực hiện: …"), or the sentence a credit belongs to."""
CONTEXT = "context"
"""Who met whom, when and about what; visits, gifts, the leader's own doings; potential."""
STATISTICS = "statistics"
"""A description of the commune: area, population, party members, religions."""
PROMISE = "promise"
"""What the province or the leader will do ("tỉnh sẽ quan tâm …"): not the commune's request."""
META = "meta"
"""About the meeting itself ("lắng nghe báo cáo, kiến nghị …")."""
PAGE = "page"
"""Page furniture of a news site: breadcrumbs, buttons, related headlines."""
DUPLICATE = "duplicate"
"""The same sentence once more (a caption repeating the body, a headline): see `detail`."""
NO_KIND = "no_kind"
"""A sentence with no cue of any of the four kinds."""
HEADING = "heading"
"""A section heading of a Word or Markdown report."""
REVIEW = "review"
"""Left out by the officer in the review."""

REASONS: dict[str, str] = {
    CAPTION: N_("photo caption"),
    CONTEXT: N_("context"),
    STATISTICS: N_("description, statistics"),
    PROMISE: N_("the province's promise"),
    META: N_("about the meeting"),
    PAGE: N_("page furniture"),
    DUPLICATE: N_("duplicate"),
    NO_KIND: N_("none of the four kinds"),
    HEADING: N_("section heading"),
    REVIEW: N_("left out in review"),
}
"""Each reason code with its label in English (marked for the catalogue): show it with
`reason_text`, which gives it in the language spoken."""


def reason_text(code: str) -> str:
    """The label of reason `code` in the language spoken ("chú thích ảnh", "photo caption");
    a code it does not know as it is."""
    label = REASONS.get(code)
    return _(label) if label else code


def reason_label(code: str, detail: str = "") -> str:
    """ "chú thích ảnh"; a duplicate names what it repeats: "trùng “…”"."""
    label = reason_text(code)
    return f"{label} “{detail}”" if detail else label


@dataclass(frozen=True)
class LeftOut:
    """A sentence of the text that is none of the four kinds, with the reason."""

    text: str
    reason: str
    """One of the codes of `REASONS`."""
    detail: str = ""
    """For a duplicate: the text it repeats."""
    position: int = 0
    """Its place among the text's sentences (items carry the same numbering)."""

    def to_json(self) -> dict[str, str]:
        """{"text", "reason"} (and "detail" when there is one)."""
        data = {"text": self.text, "reason": self.reason}
        if self.detail:
            data["detail"] = self.detail
        return data
