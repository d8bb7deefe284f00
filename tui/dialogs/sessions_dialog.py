"""Choose one of a commune's sessions to narrow the panes to, or all of them."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content

from haicap.store import Commune, Item, Kind, Session
from haicap.store.domain.dates import DATE_FORMAT
from haicap.tui.dialogs.choice_dialog import Choice, ChoiceDialog
from haicap.tui.literal import literal

__all__ = ["ALL_SESSIONS", "SessionsDialog", "session_label"]

ALL_SESSIONS = ""
"""What the dialog dismisses with for the "all sessions" entry (None means cancelled)."""

_SHORT = {Kind.ACHIEVEMENT: "KQ", Kind.DIFFICULTY: "KK", Kind.REQUEST: "KN", Kind.DIRECTIVE: "CĐ"}
"""Two-letter abbreviations of the kinds (Kết quả, Khó khăn, Kiến nghị, Chỉ đạo)."""


def session_label(session: Session) -> str:
    """ "25/11/2025 · Trịnh Tuấn Sinh" (the date alone when no leader is named)."""
    date = session.date.strftime(DATE_FORMAT)
    return f"{date} · {session.leader.name}" if session.leader.name else date


class SessionsDialog(ChoiceDialog[str]):
    """The commune's sessions, newest first, with their item counts per kind; dismisses
    with the chosen session's id, `ALL_SESSIONS`, or None."""

    def __init__(self, commune: Commune, sessions: Sequence[Session], items: Sequence[Item], current: Session | None) -> None:
        entries: list[Choice[str]] = [self._all_entry(current is None)]
        entries += [self._entry(session, items, session == current) for session in sessions]
        start = 0 if current is None else 1 + list(sessions).index(current)
        about = Content.assemble(
            literal("Phiên làm việc với / Sessions with ", "dim"),
            literal(commune.label, "bold"),
            literal("\nKQ kết quả · KK khó khăn · KN kiến nghị · CĐ chỉ đạo", "dim"),
        )
        super().__init__("Phiên / Sessions", about, entries, start)

    @staticmethod
    def _all_entry(current: bool) -> Choice[str]:
        mark = literal("● " if current else "  ", "$accent")
        return (Content.assemble(mark, literal("Tất cả các phiên / all sessions", "bold" if current else "")), ALL_SESSIONS, True)

    @staticmethod
    def _entry(session: Session, items: Sequence[Item], current: bool) -> Choice[str]:
        counts = " ".join(
            f"{_SHORT[kind]} {sum(1 for i in items if i.session.id == session.id and i.kind is kind)}" for kind in Kind
        )
        mark = literal("● " if current else "  ", "$accent")
        return (
            Content.assemble(
                mark,
                literal(session_label(session), "bold" if current else ""),
                literal(f"  {counts}", "$accent"),
                literal(f"\n  {session.title}", "dim italic") if session.title else "",
            ),
            session.id,
            True,
        )
