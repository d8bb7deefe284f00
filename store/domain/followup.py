"""Where a request or directive stands today: open or closed, on time or overdue.

Nothing here is stored: the state is derived from the tracking fields, the session date
and today, so it is always current. Requests are due `answer_days` after the session
(40 by default), `answer_days_with_co` when co-operating agencies are involved (50), as
in the national rules for handling voters' and localities' recommendations; both can be
changed per store. Directives are due when the leader set a deadline.

An open item whose deadline is today or within the store's `due_soon_days` (7 by default;
0 turns the mark off) is *due soon* ("sắp đến hạn"), so officers see it coming before it
is overdue.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from haicap.store.domain.bounds import MAX_ANSWER_DAYS, MAX_DUE_SOON_DAYS, add_days
from haicap.store.domain.i18n import _, ngettext
from haicap.store.domain.models import Item, Kind
from haicap.store.domain.tracking import DirectiveStatus, RequestStatus

__all__ = [
    "DEFAULT_DUE_SOON_DAYS",
    "DeadlineRules",
    "FollowUp",
    "days_left_words",
    "due_soon_problems",
    "follow_up",
    "overdue_words",
    "rules_from_meta",
    "rules_problems",
]

DEFAULT_DUE_SOON_DAYS = 7
"""Days before its deadline an open item is marked due soon, unless the store says otherwise."""


@dataclass(frozen=True)
class DeadlineRules:
    """How many days an agency has to answer a request, and how near a deadline is "due soon"."""

    answer_days: int = 40
    answer_days_with_co: int = 50
    due_soon_days: int = DEFAULT_DUE_SOON_DAYS
    """An open item due today or within this many days is due soon; 0: never."""


_RULE_NAMES = ("answer_days", "answer_days_with_co")


def _whole_days(value: Any, low: int, high: int) -> bool:
    """Whether a stored setting is a whole number of days from `low` to `high` (a yes/no is none)."""
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _usable_days(value: Any) -> bool:
    return _whole_days(value, 1, MAX_ANSWER_DAYS)


def _usable_due_soon(value: Any) -> bool:
    return _whole_days(value, 0, MAX_DUE_SOON_DAYS)


def rules_from_meta(stored: Any, due_soon: Any = None) -> DeadlineRules:
    """The rules a store's meta holds (`stored`: its answer deadlines, `due_soon`: its
    due-soon days); a value that is not a whole number of 1 to `MAX_ANSWER_DAYS` days (0 to
    `MAX_DUE_SOON_DAYS` for `due_soon`), written by an older haicap or by hand, counts as
    the default, and `rules_problems` or `due_soon_problems` names it."""
    days = {"due_soon_days": due_soon} if _usable_due_soon(due_soon) else {}
    if not isinstance(stored, dict):
        return DeadlineRules(**days)
    return DeadlineRules(**{k: v for k, v in stored.items() if k in _RULE_NAMES and _usable_days(v)}, **days)


def due_soon_problems(stored: Any) -> list[str]:
    """What is wrong with the stored due-soon days (none when it is unset), with the command that fixes it."""
    if stored is None or _usable_due_soon(stored):
        return []
    return [
        _(
            "the store's due-soon-days is {value}, not 0 to {most}; {default} is used (fix with haicap config --due-soon-days N)"
        ).format(value=repr(stored)[:40], most=MAX_DUE_SOON_DAYS, default=DEFAULT_DUE_SOON_DAYS)
    ]


def rules_problems(stored: Any) -> list[str]:
    """What is wrong with the stored rules, one sentence each, with the command that fixes it."""
    if stored is None:
        return []
    if not isinstance(stored, dict):
        return [_("the store's answer deadlines are damaged; the defaults are used (fix with haicap config --answer-days N)")]
    problems = []
    default = DeadlineRules()
    for name in _RULE_NAMES:
        if name in stored and not _usable_days(stored[name]):
            option = "--" + name.replace("_", "-")
            shown = repr(stored[name])[:40]
            problems.append(
                _(
                    "the store's {setting} is {value}, not 1 to {most}; {default} is used (fix with haicap config {option} N)"
                ).format(setting=option[2:], value=shown, most=MAX_ANSWER_DAYS, default=getattr(default, name), option=option)
            )
    return problems


@dataclass(frozen=True)
class FollowUp:
    """The state of one request or directive on a given day."""

    label_vi: str
    """The officials' wording: "Đang thực hiện – quá hạn", "Đã trả lời" (whatever the
    language spoken: for machine output; people read `label`)."""
    label_en: str
    """The same in English, whatever the language spoken."""
    is_open: bool
    """Still to be answered or done."""
    overdue: bool
    """Open and past its deadline (for a directive done late: False, see `late_days`)."""
    late_days: int
    """Days past the deadline: today for open items, the completion day for done ones."""
    deadline: dt.date | None
    """The deadline in force (for a request, the default one when none was set)."""
    status: RequestStatus | DirectiveStatus
    days_left: int | None = None
    """Days until the deadline of an open item that is not overdue (0: due today); None
    for a closed or overdue item and one without a deadline."""
    due_soon: bool = False
    """Open, not overdue, and due today or within the rules' `due_soon_days`."""

    @property
    def label(self) -> str:
        """The state in the language spoken now: "Đang thực hiện – quá hạn 12 ngày"
        ("In progress – 12 days overdue"), "Hoàn thành – đúng hạn", "Đã trả lời"."""
        return self._wording(with_days=True)

    @property
    def short_label(self) -> str:
        """`label` without the number of days ("Đang giải quyết – quá hạn"), so that a
        spreadsheet's filter groups alike rows."""
        return self._wording(with_days=False)

    def _wording(self, *, with_days: bool) -> str:
        status = self.status.label
        if self.overdue:
            late = overdue_words(self.late_days) if with_days else _("overdue")
            return f"{status} – {late}"
        if isinstance(self.status, RequestStatus) or self.deadline is None:
            return status
        if self.status is DirectiveStatus.DONE:
            if not self.late_days:
                return _("Done – on time")
            if not with_days:
                return _("Done – late")
            return ngettext("Done – {days} day late", "Done – {days} days late", self.late_days).format(days=self.late_days)
        return _("In progress – on time")

    @property
    def mark(self) -> str:
        """A short text mark that survives a monochrome terminal, in the language spoken now:
        "⚠ quá hạn 12 ngày" ("⚠ 12 days overdue"), "◷ sắp đến hạn, còn 3 ngày" ("◷ due soon,
        3 days left"), "◷ hôm nay đến hạn" ("◷ due today"); empty otherwise."""
        if self.overdue:
            return "⚠ " + overdue_words(self.late_days)
        if self.due_soon and self.days_left is not None:
            if self.days_left == 0:
                return "◷ " + days_left_words(0)
            return "◷ " + _("due soon, {left}").format(left=days_left_words(self.days_left))
        return ""


def overdue_words(days: int) -> str:
    """ "quá hạn 12 ngày" ("12 days overdue"), in the language spoken now."""
    return ngettext("{days} day overdue", "{days} days overdue", days).format(days=days)


def days_left_words(days: int) -> str:
    """ "còn 3 ngày" ("3 days left"), or "hôm nay đến hạn" ("due today") for 0, in the language spoken now."""
    if days == 0:
        return _("due today")
    return ngettext("{days} day left", "{days} days left", days).format(days=days)


def _coming(deadline: dt.date, today: dt.date, rules: DeadlineRules) -> tuple[int, bool]:
    """Days left to a deadline not yet passed, and whether that is due soon."""
    left = (deadline - today).days
    return left, rules.due_soon_days > 0 and left <= rules.due_soon_days


def request_deadline(item: Item, rules: DeadlineRules) -> dt.date:
    """The answer deadline of a request: the one set by hand, else session date + the rule's days."""
    tracking = item.tracking
    if tracking.deadline:
        return tracking.deadline
    days = rules.answer_days_with_co if tracking.co_agencies else rules.answer_days
    return add_days(item.session.date, days)


def follow_up(item: Item, today: dt.date, rules: DeadlineRules | None = None) -> FollowUp | None:
    """The state of `item` on `today`; None for achievements and difficulties."""
    rules = rules or DeadlineRules()
    tracking = item.tracking
    if item.kind is Kind.REQUEST:
        asked = tracking.status or RequestStatus.NEW
        due = request_deadline(item, rules)
        overdue = asked.is_open and today > due
        late = (today - due).days if overdue else 0
        suffix_vi = f" – quá hạn {late} ngày" if overdue else ""
        suffix_en = f" – {late} days overdue" if overdue else ""
        left, soon = _coming(due, today, rules) if asked.is_open and not overdue else (None, False)
        return FollowUp(
            asked.label_vi + suffix_vi, asked.label_en + suffix_en, asked.is_open, overdue, late, due, asked, left, soon
        )
    if item.kind is Kind.DIRECTIVE:
        deadline = tracking.deadline
        done = tracking.done
        status = DirectiveStatus.DONE if done else DirectiveStatus.IN_PROGRESS
        if deadline is None:
            return FollowUp(status.label_vi, status.label_en, done is None, False, 0, None, status)
        if done is not None:
            late = max(0, (done - deadline).days)
            if late:
                return FollowUp("Hoàn thành – quá hạn", f"Done – {late} days late", False, False, late, deadline, status)
            return FollowUp("Hoàn thành – đúng hạn", "Done – on time", False, False, 0, deadline, status)
        if today > deadline:
            late = (today - deadline).days
            return FollowUp(
                f"Đang thực hiện – quá hạn {late} ngày", f"In progress – {late} days overdue", True, True, late, deadline, status
            )
        left, soon = _coming(deadline, today, rules)
        return FollowUp("Đang thực hiện – trong hạn", "In progress – on time", True, False, 0, deadline, status, left, soon)
    return None
