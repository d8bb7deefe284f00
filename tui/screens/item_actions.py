"""The dashboard's actions on single items: status, edit, history, kind, delete, undo, add, sessions.

They are a base class of `DashboardScreen`, kept apart so each file holds one concern:
the dashboard screen keeps the state (province, communes, selection, filters); this class
turns keys on a pane's item into Store changes, run in a worker that posts the outcome.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import on, work
from textual.screen import Screen

from haicap.store import Commune, EditConflict, Item, Kind, Session, Store, StoreError
from haicap.store.db.editing import TRACKED_KINDS
from haicap.tui.dialogs.add_item_dialog import AddItemDialog
from haicap.tui.dialogs.conflict_dialog import SAVE_MINE, ConflictDialog
from haicap.tui.dialogs.edit_item_dialog import EditItemDialog, ItemEdit
from haicap.tui.dialogs.history_dialog import FIELD_LABELS, HistoryDialog
from haicap.tui.dialogs.kind_dialog import KindDialog
from haicap.tui.dialogs.sessions_dialog import ALL_SESSIONS, SessionsDialog
from haicap.tui.dialogs.status_dialog import Status, StatusDialog, current_status
from haicap.tui.literal import short
from haicap.tui.messages import ItemChanged, ItemChangeFailed, ItemEditConflict
from haicap.tui.widgets.items_pane import ItemsPane

if TYPE_CHECKING:
    import datetime as dt

__all__ = ["ItemActionsScreen"]


class ItemActionsScreen(Screen[None]):
    """Item-level actions of the dashboard; `DashboardScreen` provides the state they use."""

    store: Store
    _selected: Commune | None
    _deleted: list[str]
    _write_lock: threading.Lock

    # Provided by DashboardScreen.
    def go_to(self, commune: Commune, item_id: str | None = None) -> None:
        raise NotImplementedError

    def _fill_panes(self, changed: Item | None = None) -> None:
        raise NotImplementedError

    def _today(self) -> dt.date:
        raise NotImplementedError

    # -- changing items ---------------------------------------------------------------

    @work(thread=True, group="edit", exit_on_error=False)
    def change_item(self, change: Callable[[int], Item], notice: str, revision: int, deleted: bool = False) -> None:
        """Run one store change off the UI thread and post what came of it.

        `change` gets the item's revision as the officer saw it; the store refuses the
        change when someone else saved the item since (posted as ItemEditConflict)."""
        try:
            with self._write_lock:
                item = change(revision)
        except EditConflict as conflict:
            self.post_message(ItemEditConflict(conflict.item, conflict.changes, change, notice, deleted))
            return
        except StoreError as error:
            self.post_message(ItemChangeFailed(str(error)))
            return
        self.post_message(ItemChanged(item, notice, deleted))

    @on(ItemEditConflict)
    def _item_edit_conflict(self, message: ItemEditConflict) -> None:
        # The store has re-read the file: the panes show the other officer's change at once.
        self._show_current(message.item)

        def decided(choice: str | None) -> None:
            if choice == SAVE_MINE:
                self.change_item(message.change, message.notice, message.item.revision, message.deleted)

        self.app.push_screen(ConflictDialog(message.item, message.changes, message.notice), decided)

    def _show_current(self, item: Item) -> None:
        """Show the selected commune's panes as the store now holds them, cursor on `item`."""
        if self._selected is None:
            return
        self._report = self.store.report(self._selected)
        focused_pane = isinstance(self.focused, ItemsPane)
        self._fill_panes(changed=item)
        self._update_header()
        if focused_pane and not item.deleted:
            self._focus_item(item.id)  # follows an item moved to another pane

    @on(ItemChanged)
    def _item_changed(self, message: ItemChanged) -> None:
        item = message.item
        if message.deleted:
            self._deleted.append(item.id)
        self.notify(message.notice, timeout=4)
        if message.reveal and (self._selected is None or self._selected.code not in item.commune_codes):
            commune = self.store.commune(item.commune_codes[0]) if item.commune_codes else None
            if commune is not None:
                self.go_to(commune, item.id)
            return
        self._show_current(item)

    @on(ItemChangeFailed)
    def _item_change_failed(self, message: ItemChangeFailed) -> None:
        self.notify(message.reason, title="Không thay đổi gì / Nothing changed", severity="error", timeout=15)

    def _focused_item(self, *, tracked: bool = False) -> Item | None:
        """The item under the cursor of the focused pane; None, with a notice, when there is none."""
        pane = self.focused if isinstance(self.focused, ItemsPane) else None
        item = pane.current if pane is not None else None
        if item is None:
            self.notify("Chưa chọn mục nào / no item selected", severity="warning", timeout=3)
            return None
        if tracked and item.kind not in TRACKED_KINDS:
            self.notify(
                "Chỉ kiến nghị và chỉ đạo có trạng thái / only requests and directives have a status",
                severity="warning",
                timeout=4,
            )
            return None
        return item

    @staticmethod
    def _short(item: Item, width: int = 40) -> str:
        return f"«{short(item.text, width)}»"

    def action_set_status(self) -> None:
        """Choose the status of the request or directive under the cursor."""
        item = self._focused_item(tracked=True)
        if item is None:
            return

        def chosen(status: Status | None) -> None:
            if status is None or status == current_status(item):
                return
            today = self._today()
            self.change_item(
                lambda revision: self.store.set_status(item.id, status, today=today, expected_revision=revision),
                f"Trạng thái / status → {status.label_vi}",
                item.revision,
            )

        self.app.push_screen(StatusDialog(item), chosen)

    def action_edit_item(self) -> None:
        """Edit the text (and follow-up fields) of the item under the cursor."""
        item = self._focused_item()
        if item is None:
            return

        def edited(edit: ItemEdit | None) -> None:
            if edit:
                self.change_item(
                    lambda revision: self.store.edit_item(item.id, text=edit.text, expected_revision=revision, **edit.tracking),
                    f"Đã lưu / saved: {edit.describe(FIELD_LABELS)}",
                    item.revision,
                )

        self.app.push_screen(EditItemDialog(item, self.store.deadline_rules), edited)

    def action_item_history(self) -> None:
        """Show who changed the item under the cursor, when, and how."""
        item = self._focused_item()
        if item is not None:
            self.app.push_screen(HistoryDialog(item, self.store.history(item.id)))

    def action_change_kind(self) -> None:
        """Move the item under the cursor to another pane."""
        item = self._focused_item()
        if item is None:
            return

        def chosen(kind: Kind | None) -> None:
            if kind is not None and kind is not item.kind:
                self.change_item(
                    lambda revision: self.store.change_kind(item.id, kind, expected_revision=revision),
                    f"Chuyển sang / moved to {kind.title_vi}: {self._short(item)}",
                    item.revision,
                )

        self.app.push_screen(KindDialog(item), chosen)

    def action_delete_item(self) -> None:
        """Delete the item under the cursor; `u` brings it back."""
        item = self._focused_item()
        if item is not None:
            self.change_item(
                lambda revision: self.store.delete_item(item.id, expected_revision=revision),
                f"Đã xoá / deleted {self._short(item)} · u: hoàn tác / undo",
                item.revision,
                deleted=True,
            )

    def action_undo_delete(self) -> None:
        """Restore the last item deleted in this run."""
        if not self._deleted:
            self.notify("Không có mục nào vừa xoá / nothing deleted to bring back", severity="warning", timeout=3)
            return
        item_id = self._deleted.pop()
        self.restore_item(item_id)

    @work(thread=True, group="edit", exit_on_error=False)
    def restore_item(self, item_id: str) -> None:
        """Bring a deleted item back off the UI thread; the dashboard then shows it."""
        try:
            with self._write_lock:
                item = self.store.restore_item(item_id)
        except StoreError as error:
            self.post_message(ItemChangeFailed(str(error)))
            return
        self.post_message(ItemChanged(item, f"Đã khôi phục / restored {self._short(item)}", reveal=True))

    def action_add_item(self) -> None:
        """Add an item of the focused pane's kind to the selected commune's session."""
        pane = self.focused if isinstance(self.focused, ItemsPane) else None
        commune = self._selected
        if pane is None or commune is None:
            return
        sessions = self._report.sessions if self._report else ()
        session = self._session or (sessions[0] if sessions else None)
        if session is None:
            self.notify(
                f"{commune.label} chưa có phiên làm việc nào / has no session to add to",
                severity="warning",
                timeout=5,
            )
            return
        kind = pane.kind

        def typed(text: str | None) -> None:
            if text:
                self.change_item(
                    lambda _revision: self.store.add_item(session.id, (commune.code,), kind, text),
                    f"Đã thêm / added to {kind.title_vi}: {text[:40]}",
                    0,  # a new item: no one else can have changed it
                )

        self.app.push_screen(AddItemDialog(kind, commune, session), typed)

    def action_pick_session(self) -> None:
        """Narrow the panes to one of the commune's sessions; when narrowed, show all again."""
        if self._session is not None:
            self._narrow(None)
            return
        if self._report is None or not self._report.sessions:
            self.notify("Xã này chưa có phiên nào / this commune has no session", severity="warning", timeout=3)
            return
        items = [item for kind in Kind for item in self._report.of_kind(kind)]
        commune = self._report.commune

        def chosen(session_id: str | None) -> None:
            if session_id is None:
                return
            self._narrow(None if session_id == ALL_SESSIONS else self.store.session(session_id))

        self.app.push_screen(SessionsDialog(commune, self._report.sessions, items, self._session), chosen)

    def _narrow(self, session: Session | None) -> None:
        if session == self._session:
            return
        self._session = session
        self._fill_panes()
        self._update_header()
        if session is None:
            self.notify("Tất cả các phiên / all sessions", timeout=2)
