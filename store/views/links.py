"""The links of one item as the dashboard and `haicap item` show them, and storing an import's links.

A request's `Tracking.responds_to` names the directives that answer it. `item_links`
gathers, for a request, those directives, the directives of its session suggested as
answers (`store.domain.links`) and the session's other directives; for a directive, the
requests it answers. `store_import_links` writes the links an officer accepted in an
import, once the store has given the new items their ids.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING

from haicap.store.domain.links import LinkSuggestion, answered_requests, session_suggestions
from haicap.store.domain.models import Item, Kind, Session
from haicap.store.ingest.import_plan import ImportPlan
from haicap.store.ingest.plan_links import line_ids, responds_to_changes

if TYPE_CHECKING:
    from haicap.store.db.database import Store

__all__ = ["ItemLinks", "item_links", "linked_items", "session_item_ids", "session_items", "store_import_links"]


@dataclass(frozen=True)
class ItemLinks:
    """What an item is linked to, and what it could be."""

    item: Item
    linked: tuple[Item, ...] = ()
    """Request: the directives it responds to (deleted ones included: they are still linked)."""
    suggested: tuple[tuple[Item, LinkSuggestion[str]], ...] = ()
    """Request: directives of its session suggested as its answer and not linked yet, best first."""
    others: tuple[Item, ...] = ()
    """Request: the other live directives of its session, in report order."""
    answers: tuple[Item, ...] = ()
    """Directive: the live requests that name it in `responds_to`."""

    @property
    def directives(self) -> tuple[Item, ...]:
        """Every directive a request can be linked to here: linked, suggested, the others."""
        return self.linked + tuple(item for item, _s in self.suggested) + self.others


def session_items(store: Store, session: Session) -> list[Item]:
    """The live items of `session`, in report order."""
    return [item for item in store.items(province_code=session.province.code) if item.session.id == session.id]


def session_item_ids(store: Store, session_id: str | None) -> set[str]:
    """The ids of a stored session's live items (none for None or a session not stored)."""
    session = store.session(session_id) if session_id else None
    return {item.id for item in session_items(store, session)} if session else set()


def linked_items(store: Store, item: Item) -> tuple[Item, ...]:
    """A request's answering directives (in the order linked), or the live requests a
    directive answers (in their order); nothing for the other kinds."""
    if item.kind is Kind.REQUEST:
        return tuple(found for i in item.tracking.responds_to if (found := store.item(i)) is not None)
    if item.kind is Kind.DIRECTIVE:
        return tuple(answered_requests(item, store.items(province_code=item.session.province.code, kinds=(Kind.REQUEST,))))
    return ()


def item_links(store: Store, item: Item) -> ItemLinks:
    """The links of `item` (see `ItemLinks`); an achievement or difficulty has none."""
    if item.kind is Kind.DIRECTIVE:
        return ItemLinks(item, answers=linked_items(store, item))
    if item.kind is not Kind.REQUEST:
        return ItemLinks(item)
    linked = linked_items(store, item)
    items = session_items(store, item.session)
    if all(other.id != item.id for other in items):
        items.append(item)  # a deleted request: its suggestions are still worth showing
    by_id = {other.id: other for other in items}
    taken = {directive.id for directive in linked}
    suggested = tuple((by_id[s.directive], s) for s in session_suggestions(items).get(item.id, ()) if s.directive not in taken)
    taken |= {directive.id for directive, _s in suggested}
    others = tuple(other for other in items if other.kind is Kind.DIRECTIVE and other.id not in taken)
    return ItemLinks(item, linked=linked, suggested=suggested, others=others)


def store_import_links(
    store: Store, plan: ImportPlan, session: Session, before: Collection[str] = (), *, who: str | None = None
) -> list[Item]:
    """Write the links accepted in `plan` (stored into `session`) as the new requests'
    `responds_to`, through the store's editing path (so history records them); `before` are
    the ids the session held before the import. The requests changed, in order."""
    if not plan.links:
        return []
    ids = line_ids(plan, session_items(store, session), before)
    changed = []
    for request_id, directive_ids in responds_to_changes(plan, ids).items():
        request = store.item(request_id)
        if request is None:
            continue
        wanted = tuple(dict.fromkeys((*request.tracking.responds_to, *directive_ids)))
        changed.append(store.update_tracking(request_id, who=who, responds_to=wanted))
    return changed
