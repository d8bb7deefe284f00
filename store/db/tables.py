"""The store file's tables as TinyDB holds them, and the two operations its public API lacks.

`Tables` is the whole database as a storage reads and writes it: `{table: {doc_id: row}}`.
`StoreDatabase` is TinyDB plus `change`, `replace_all` and `forget_tables` (see its docstring
for why);
this module is the only place in haicap that touches TinyDB's private attributes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tinydb import TinyDB

__all__ = ["StoreDatabase", "Tables"]

Tables = dict[str, dict[str, Any]]
"""The whole database: for each table name, its rows keyed by document id (a string)."""


class StoreDatabase(TinyDB):
    """TinyDB with the two things haicap needs that TinyDB's public API cannot do.

    - `change(update)` changes rows of several tables in place and writes the database
      once. TinyDB writes once per table operation, and `Table.update` copies the whole
      table twice per call (a quarter of a second for one edit in a national store of
      300,000 items); an edit writes an item and its history entries together, and an
      import its items, their history and the audit log. `replace_all` writes a whole
      database at once (a restore, a schema migration) with the ids it already has.
    - `forget_tables()` drops the `Table` objects TinyDB keeps. Each counts its next
      document id itself; once another process has written the file, that count is stale
      and an insert would overwrite the other process's record. Fresh `Table` objects count
      again from the file. TinyDB offers no public way to do it (`drop_tables` deletes
      the data too).
    """

    def rows(self) -> Tables:
        """The whole database as the storage holds it (empty when nothing is stored yet).

        The storage's own dictionaries: change them only inside `change`."""
        return self.storage.read() or {}

    def change(self, update: Callable[[Tables], None]) -> None:
        """Let `update` change the tables in place, then write the whole database once.

        The `Table` objects are forgotten afterwards, so none of TinyDB's counts or caches
        can disagree with what `update` wrote."""
        tables = self.rows()
        update(tables)
        self.storage.write(tables)
        self.forget_tables()

    def replace_all(self, tables: Tables) -> None:
        """Make `tables` the whole database, in one write (a restore, a schema migration)."""
        self.storage.write(tables)
        self.forget_tables()

    def forget_tables(self) -> None:
        """Drop the `Table` objects, so the next use of a table reads its ids from the file."""
        self._tables.clear()
