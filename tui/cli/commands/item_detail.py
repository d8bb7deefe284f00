"""What `haicap item` and `haicap set` print of one item: its text, communes, session and
follow-up fields as aligned, wrapped lines, its links to answering directives or answered
requests, and its history (each change named in the language spoken, or as JSON).

The commands themselves are in `tui.cli.commands.follow_up`.
"""

from __future__ import annotations

import datetime as dt
import shutil
import textwrap
from typing import TYPE_CHECKING, Any

from haicap.store.domain.i18n import _, pgettext
from haicap.store.domain.models import Item, Kind
from haicap.tui.cli.commands.common import item_communes, state_text

if TYPE_CHECKING:
    from haicap.store import HistoryEntry, Store

__all__ = ["describe_change", "describe_item", "history_json", "links_of"]


def _wrap(fields: list[tuple[str, str]], width: int) -> list[str]:
    """Each (label, value) as indented lines, the values aligned after the longest label."""
    column = max(13, *(len(label) + 2 for label, _value in fields)) if fields else 13
    lines: list[str] = []
    for label, value in fields:
        head = f"  {label + ':' if label else '':<{column}}"  # no label: one more value of the line above
        lines += textwrap.wrap(value or "—", width=width, initial_indent=head, subsequent_indent=" " * len(head)) or [head]
    return lines


def _field_name(field: str) -> str:
    """A field history records, named in the language spoken ("owner", "cơ quan chủ trì");
    one this version does not know as the store wrote it."""
    names = {
        "status": pgettext("history field", "status"),
        "owner": pgettext("history field", "owner"),
        "co_agencies": pgettext("history field", "co-agencies"),
        "deadline": pgettext("history field", "deadline"),
        "done": pgettext("history field", "done"),
        "answer": pgettext("history field", "answer"),
        "note": pgettext("history field", "note"),
        "responds_to": pgettext("history field", "answered by"),
        "kind": pgettext("history field", "kind"),
        "text": pgettext("history field", "text"),
        "deleted": pgettext("history field", "deleted"),
        "created": pgettext("history field", "added"),
    }
    return names.get(field, field)


def describe_change(entry: HistoryEntry) -> str:
    """ "owner: — → Sở Tài chính": one change of history, in the language spoken."""
    return f"{_field_name(entry.field)}: {entry.old_shown or '—'} → {entry.new_shown or '—'}"


def describe_item(store: Store, item: Item, today: dt.date) -> list[str]:
    """The lines `haicap item` prints for `item` (without its history)."""
    from haicap.store import follow_up

    width = max(60, shutil.get_terminal_size((100, 24)).columns)
    rules = store.deadline_rules
    state = follow_up(item, today, rules)
    tracking = item.tracking
    session = item.session
    communes = item_communes(store, item)
    deleted = "  " + _("[deleted: haicap restore-item {id}]").format(id=item.id) if item.deleted else ""
    lines = [f"{item.id}  {item.kind.singular}{deleted}"]
    lines += textwrap.wrap(item.text, width=width, initial_indent="  ", subsequent_indent="  ")
    fields = [
        (pgettext("item detail", "communes"), ", ".join(c.label for c in communes) + f" ({session.province.name})"),
        (pgettext("item detail", "session"), f"{session.id} · {session.date.isoformat()} · {session.leader}"),
    ]
    if state is None:
        return lines + _wrap(fields, width)
    fields += [
        (pgettext("item detail", "state"), state_text(state)),
        (pgettext("item detail", "owner"), tracking.owner),
        (pgettext("item detail", "co-agencies"), ", ".join(tracking.co_agencies)),
    ]
    if item.kind is Kind.REQUEST and tracking.deadline is None and state.deadline is not None:
        days = rules.answer_days_with_co if tracking.co_agencies else rules.answer_days
        deadline = _("{date} (default: {days} days after the session)").format(date=state.deadline.isoformat(), days=days)
    else:
        deadline = state.deadline.isoformat() if state.deadline else ""
    fields.append((pgettext("item detail", "deadline"), deadline))
    if item.kind is Kind.DIRECTIVE or tracking.done:
        fields.append((pgettext("item detail", "done"), tracking.done.isoformat() if tracking.done else ""))
    if item.kind is Kind.REQUEST:
        fields.append((pgettext("item detail", "answer"), tracking.answer))
    fields.append((pgettext("item detail", "note"), tracking.note))
    fields += _link_fields(store, item, today, width)
    return lines + _wrap(fields, width)


def links_of(store: Store, item: Item) -> list[Item]:
    """A request's answering directives, or the live requests of its province a directive
    answers (as `store.views.links.linked_items`, without the views a short command never needs)."""
    from haicap.store.domain.links import answered_requests

    if item.kind is Kind.REQUEST:
        return [found for i in item.tracking.responds_to if (found := store.item(i)) is not None]
    if item.kind is Kind.DIRECTIVE:
        return answered_requests(item, store.items(province_code=item.session.province.code, kinds=(Kind.REQUEST,)))
    return []


def _link_fields(store: Store, item: Item, today: dt.date, width: int) -> list[tuple[str, str]]:
    """A request's answering directives, or the requests a directive answers: one line
    each, "id · state · text…" (an id the store no longer holds is shown as it is stored)."""
    from haicap.store import follow_up
    from haicap.store.domain.text import shorten

    linked = links_of(store, item)
    label = pgettext("item detail", "answered by") if item.kind is Kind.REQUEST else pgettext("item detail", "answers")
    values = []
    for other in linked:
        state = follow_up(other, today, store.deadline_rules)
        head = f"{other.id} · {state_text(state) if state else '—'}"
        if other.deleted:
            head += " · " + _("deleted")
        values.append(f"{head} · {shorten(other.text, max(20, width - len(head) - 24), at_word=True)}")
    found = {other.id for other in linked}
    values += [f"{missing} · " + _("not in the store") for missing in item.tracking.responds_to if missing not in found]
    return [(label if n == 0 else "", value) for n, value in enumerate(values)]


def history_json(store: Store, item: Item) -> list[dict[str, Any]]:
    """The item's history as `haicap item --json` gives it: who, when, field, old, new (and source)."""
    return [
        {
            "who": e.who,
            "when": e.when.isoformat(),
            "field": e.field,
            "old": e.old,
            "new": e.new,
            **({"source": e.source} if e.source else {}),
        }
        for e in store.history(item.id)
    ]
