"""Reading the dashboard's province off the UI thread: at start, on a new province, after another process wrote.

`StoreReader` runs the reads in thread workers on the dashboard and posts what it read
(`CommunesLoaded` from the national summary at once, `ProvinceLoaded` once the province's
file is read, `StoreRefreshed`, or `LoadFailed`); the dashboard shows it.
"""

from __future__ import annotations

from functools import partial

from textual.screen import Screen

from haicap.store import Province, Store, StoreError
from haicap.store.domain.history import current_user
from haicap.store.domain.i18n import _
from haicap.tui.dialogs.history_dialog import field_label
from haicap.tui.messages import CommunesLoaded, LoadFailed, ProvinceLoaded, StoreRefreshed

__all__ = ["StoreReader"]


class StoreReader:
    """Reads a province's communes for the dashboard (`host`), which gets the result as a message."""

    def __init__(self, host: Screen[None], store: Store) -> None:
        self.host = host
        """The dashboard: the workers run on it and post to it."""
        self.store = store
        """The store read."""
        self._damage_checked = False
        """Whether the store was looked over for damaged values (once: it reads every record)."""

    def load(self, province: Province | None, start_code: str | None = None) -> None:
        """Read `province`'s communes (the default province's when None), off the UI thread.

        (Seeds are never loaded here: the command line seeds the default store on first
        use; see `tui.cli.main`.) The list is to start on `start_code` when given, else on
        the newest session's first commune."""
        work = partial(self._load, province, start_code)
        self.host.run_worker(work, thread=True, exclusive=True, group="load", exit_on_error=False)

    def _load(self, province: Province | None, start_code: str | None) -> None:
        try:
            chosen = province or self.store.default_province()
            start = start_code
            if start is None:
                # The newest session's first commune, from the national summary (no province read).
                first = self.store.start_commune(chosen)
                start = first.code if first is not None else None
            # The list first, from the national summary: usable while the province's file is read.
            self.host.post_message(CommunesLoaded(chosen, self.store.commune_summaries(chosen), start))
            if not self.store.is_loaded(chosen):
                self.store.load_province(chosen)
            damaged = () if self._damage_checked else tuple(self.store.damaged_values())
            self._damage_checked = True
            self.host.post_message(ProvinceLoaded(chosen, damaged))
        except StoreError as error:
            self.host.post_message(LoadFailed(str(error)))

    def refresh(self, province: Province) -> None:
        """Re-read the store another process wrote, off the UI thread, and post what changed."""
        work = partial(self._refresh, province)
        self.host.run_worker(work, thread=True, exclusive=True, group="refresh", exit_on_error=False)

    def _refresh(self, province: Province) -> None:
        try:
            self.store.refresh()
            change = self.store.last_change()
        except StoreError as error:
            self.host.post_message(LoadFailed(str(error)))
            return
        notice = _("The store was updated")
        if change is not None and change.who != current_user():
            field = field_label(change.field)
            notice += f" — {change.who}: {field} {change.old_shown or '—'} → {change.new_shown or '—'}"
        self.host.post_message(StoreRefreshed(self.store.commune_summaries(province), notice))
