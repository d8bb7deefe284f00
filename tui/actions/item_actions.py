"""The dashboard's actions on single items: detail, status, edit, history, kind, delete, restore, add.

`ItemActions` turns a key on a pane's item into a dialog and then a store change, run in
a thread worker that posts the outcome to the dashboard (`ItemChanged`,
`ItemChangeFailed`, `ItemEditConflict`); the dashboard applies it to its state.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from functools import partial

from textual.screen import Screen

from haicap.store import Commune, EditConflict, Item, Kind, Session, Store, StoreError
from haicap.store.db.editing import TRACKED_KINDS
from haicap.store.domain.followup import follow_up
from haicap.store.domain.i18n import _
from haicap.tui.dialogs.add_item_dialog import AddItemDialog
from haicap.tui.dialogs.conflict_dialog import SAVE_MINE, ConflictDialog
from haicap.tui.dialogs.edit_item_dialog import EditItemDialog, ItemEdit
from haicap.tui.dialogs.history_dialog import FIELD_LABELS, HistoryDialog
from haicap.tui.dialogs.item_detail import ItemDetailDialog
from haicap.tui.dialogs.kind_dialog import KindDialog
from haicap.tui.dialogs.status_dialog import Status, StatusDialog, current_status
from haicap.tui.link_choices import detail_links, edit_links
from haicap.tui.literal import short
from haicap.tui.messages import ItemChanged, ItemChangeFailed, ItemEditConflict
from haicap.tui.widgets.items_pane import NO_STATUS, ItemsPane

__all__ = ["ItemActions", "quoted"]


def quoted(item: Item, width: int = 40) -> str:
    """The start of an item's text in «», for a notice about it."""
    return f"«{short(item.text, width)}»"


class ItemActions:
    """Changes the item under the focused pane's cursor, as the officer asks in a dialog.

    `host` is the screen the dialogs open over, the workers run on and the outcomes are
    posted to; `today` gives the day deadlines are counted from, at each change.
    """

    def __init__(self, host: Screen[None], store: Store, today: Callable[[], dt.date]) -> None:
        self.host = host
        """The dashboard: it opens the dialogs, runs the workers and receives the outcomes."""
        self.store = store
        """The store the changes are written to."""
        self.today = today
        """Today, for a status's completion day."""
        self._write_lock = threading.Lock()
        """Keeps two editing workers from writing the store at the same time."""

    # -- running a change -------------------------------------------------------------

    def change(self, change: Callable[[int], Item], notice: str, revision: int, deleted: bool = False) -> None:
        """Run one store change off the UI thread; the outcome is posted to the host.

        `change` gets the item's revision as the officer saw it; the store refuses the
        change when someone else saved the item since (posted as ItemEditConflict)."""
        work = partial(self._run_change, change, notice, revision, deleted)
        self.host.run_worker(work, thread=True, group="edit", exit_on_error=False)

    def _run_change(self, change: Callable[[int], Item], notice: str, revision: int, deleted: bool) -> None:
        try:
            with self._write_lock:
                item = change(revision)
        except EditConflict as conflict:
            self.host.post_message(ItemEditConflict(conflict.item, conflict.changes, change, notice, deleted))
            return
        except StoreError as error:
            self.host.post_message(ItemChangeFailed(str(error)))
            return
        self.host.post_message(ItemChanged(item, notice, deleted))

    def restore(self, item_id: str) -> None:
        """Bring a deleted item back off the UI thread; the dashboard then shows it."""
        self.host.run_worker(partial(self._run_restore, item_id), thread=True, group="edit", exit_on_error=False)

    def _run_restore(self, item_id: str) -> None:
        try:
            with self._write_lock:
                item = self.store.restore_item(item_id)
        except StoreError as error:
            self.host.post_message(ItemChangeFailed(str(error)))
            return
        self.host.post_message(ItemChanged(item, _("Restored {item}").format(item=quoted(item)), reveal=True))

    def resolve_conflict(self, conflict: ItemEditConflict) -> None:
        """Ask whether to save the officer's change over the other officer's, and do so if told."""

        def decided(choice: str | None) -> None:
            if choice == SAVE_MINE:
                self.change(conflict.change, conflict.notice, conflict.item.revision, conflict.deleted)

        self.host.app.push_screen(ConflictDialog(conflict.item, conflict.changes, conflict.notice), decided)

    def failed(self, failure: ItemChangeFailed) -> None:
        """Say that the store refused the change."""
        self.host.notify(failure.reason, title=_("Nothing changed"), severity="error", timeout=15)

    # -- the item under the cursor ----------------------------------------------------

    def focused_item(self, *, tracked: bool = False) -> Item | None:
        """The item under the cursor of the focused pane; None, with a notice, when there is none."""
        focused = self.host.focused
        item = focused.current if isinstance(focused, ItemsPane) else None
        if item is None:
            self.host.notify(_("No item selected"), severity="warning", timeout=3)
            return None
        if tracked and item.kind not in TRACKED_KINDS:
            self.host.notify(_(NO_STATUS), severity="warning", timeout=4)
            return None
        return item

    def show_detail(self, item: Item) -> None:
        """Show everything about `item` (enter on a pane): its communes, follow-up and links."""
        today = self.today()
        state = follow_up(item, today, self.store.deadline_rules)
        links = detail_links(self.store, item, today)
        self.host.app.push_screen(ItemDetailDialog(item, list(self.store.communes_of_item(item)), state, links))

    def set_status(self) -> None:
        """Choose the status of the request or directive under the cursor."""
        item = self.focused_item(tracked=True)
        if item is None:
            return

        def chosen(status: Status | None) -> None:
            if status is None or status == current_status(item):
                return
            today = self.today()
            self.change(
                lambda revision: self.store.set_status(item.id, status, today=today, expected_revision=revision),
                _("Status → {status}").format(status=status.label),
                item.revision,
            )

        self.host.app.push_screen(StatusDialog(item), chosen)

    def edit(self) -> None:
        """Edit the text (and follow-up fields) of the item under the cursor."""
        item = self.focused_item()
        if item is None:
            return

        def edited(edit: ItemEdit | None) -> None:
            if edit:
                self.change(
                    lambda revision: self.store.edit_item(item.id, text=edit.text, expected_revision=revision, **edit.tracking),
                    _("Saved: {changes}").format(changes=edit.describe(FIELD_LABELS)),
                    item.revision,
                )

        links = edit_links(self.store, item, self.today())
        self.host.app.push_screen(EditItemDialog(item, self.store.deadline_rules, links), edited)

    def history(self) -> None:
        """Show who changed the item under the cursor, when, and how."""
        item = self.focused_item()
        if item is not None:
            self.host.app.push_screen(HistoryDialog(item, self.store.history(item.id)))

    def change_kind(self) -> None:
        """Move the item under the cursor to another pane."""
        item = self.focused_item()
        if item is None:
            return

        def chosen(kind: Kind | None) -> None:
            if kind is not None and kind is not item.kind:
                self.change(
                    lambda revision: self.store.change_kind(item.id, kind, expected_revision=revision),
                    _("Moved to {kind}: {item}").format(kind=kind.title, item=quoted(item)),
                    item.revision,
                )

        self.host.app.push_screen(KindDialog(item), chosen)

    def delete(self) -> None:
        """Delete the item under the cursor (the dashboard keeps it for `u`)."""
        item = self.focused_item()
        if item is not None:
            self.change(
                lambda revision: self.store.delete_item(item.id, expected_revision=revision),
                _("Deleted {item} · u: undo").format(item=quoted(item)),
                item.revision,
                deleted=True,
            )

    def add(self, kind: Kind, commune: Commune, session: Session) -> None:
        """Ask for the text of a new item of `kind` and add it to `commune` in `session`."""

        def typed(text: str | None) -> None:
            if text:
                self.change(
                    lambda _revision: self.store.add_item(session.id, (commune.code,), kind, text),
                    _("Added to {kind}: {text}").format(kind=kind.title, text=text[:40]),
                    0,  # a new item: no one else can have changed it
                )

        self.host.app.push_screen(AddItemDialog(kind, commune, session), typed)
