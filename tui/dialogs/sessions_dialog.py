"""Choose one of a commune's sessions to narrow the panes to, or all of them."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content

from haicap.store import Commune, Item, Kind, Session
from haicap.store.domain.dates import DATE_FORMAT
from haicap.store.domain.i18n import _, pgettext
from haicap.tui.dialogs.choice_dialog import Choice, ChoiceDialog
from haicap.tui.dialogs.phrase import phrase
from haicap.tui.literal import literal

__all__ = ["ALL_SESSIONS", "SessionsDialog", "session_label"]

ALL_SESSIONS = ""
"""What the dialog dismisses with for the "all sessions" entry (None means cancelled)."""


def _short(kind: Kind) -> str:
    """The kind in two letters, in the language spoken: "KQ", "KK", "KN", "CĐ" (Kết quả,
    Khó khăn, Kiến nghị, Chỉ đạo), "AC", "DF", "RQ", "DR" in English."""
    return {
        Kind.ACHIEVEMENT: pgettext("kind abbreviation", "AC"),
        Kind.DIFFICULTY: pgettext("kind abbreviation", "DF"),
        Kind.REQUEST: pgettext("kind abbreviation", "RQ"),
        Kind.DIRECTIVE: pgettext("kind abbreviation", "DR"),
    }[kind]


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
        legend = " · ".join(f"{_short(kind)} {kind.title.lower()}" for kind in Kind)
        about = Content.assemble(
            phrase(_("Sessions with {commune}"), "dim", commune=literal(commune.label, "bold")),
            literal("\n" + legend, "dim"),
        )
        super().__init__(_("Sessions"), about, entries, start)

    @staticmethod
    def _all_entry(current: bool) -> Choice[str]:
        mark = literal("● " if current else "  ", "$accent")
        return (Content.assemble(mark, literal(_("All sessions"), "bold" if current else "")), ALL_SESSIONS, True)

    @staticmethod
    def _entry(session: Session, items: Sequence[Item], current: bool) -> Choice[str]:
        counts = " ".join(
            f"{_short(kind)} {sum(1 for i in items if i.session.id == session.id and i.kind is kind)}" for kind in Kind
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
