"""The links an item's dialogs show, made from the store: `EditLinks` for the edit dialog.

A request lists the directives it responds to, then those of its session suggested as
its answer (marked "gợi ý"), then the session's other directives, each with its state
today; a directive lists the requests it answers. Built on the UI thread from the store's
memory (a session's items), so the dialog opens at once.
"""

from __future__ import annotations

import datetime as dt

from haicap.store import Item, Store, follow_up
from haicap.store.domain.i18n import _
from haicap.store.views.links import item_links, linked_items
from haicap.tui.dialogs.edit_item_dialog import EditLinks
from haicap.tui.widgets.link_checklist import LinkChoice

__all__ = ["detail_links", "edit_links", "state_of"]


def state_of(store: Store, item: Item, today: dt.date) -> str:
    """The item's follow-up state in the dashboard's words, "deleted" for a deleted one."""
    if item.deleted:
        return _("deleted")
    state = follow_up(item, today, store.deadline_rules)
    return state.label if state else ""


def detail_links(store: Store, item: Item, today: dt.date) -> tuple[LinkChoice[str], ...]:
    """What the detail of `item` names: a request's answering directives, or the requests a
    directive answers, each with its state (see `store.views.links.linked_items`)."""
    return tuple(LinkChoice(other.id, other.text, state_of(store, other, today)) for other in linked_items(store, item))


def edit_links(store: Store, item: Item, today: dt.date) -> EditLinks:
    """What the edit dialog of `item` shows of its links."""
    links = item_links(store, item)

    def choice(other: Item, mark: str = "") -> LinkChoice[str]:
        return LinkChoice(other.id, other.text, state_of(store, other, today), mark)

    if links.answers:
        return EditLinks(answers=tuple(choice(request) for request in links.answers))
    choices = [choice(d) for d in links.linked]
    choices += [choice(d, _("suggested")) for d, _s in links.suggested]
    choices += [choice(d) for d in links.others]
    return EditLinks(choices=tuple(choices), linked=tuple(d.id for d in links.linked))
