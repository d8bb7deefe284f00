"""Session copies and the rows they are stored as (see `store.domain.session_copy`).

`stored_copy` reads a stored session back whole from its province's tables, for `haicap
export --format yaml|json` and to tell whether a copy being imported is already there;
`session_row` is the row any session is stored as; `copy_rows` makes the rows a copy is
stored as, so that reading them back gives the same copy; `insert_history` adds its history rows as they are (who and when included).
"""

from __future__ import annotations

from typing import Any

from haicap.store.db.history_log import HISTORY_TABLE
from haicap.store.db.indexes import item_from_row
from haicap.store.db.migrations import SCHEMA_VERSION
from haicap.store.db.tables import Tables
from haicap.store.domain.models import Session
from haicap.store.domain.session_copy import CopiedItem, SessionCopy

__all__ = ["copy_rows", "insert_history", "session_row", "stored_copy"]


def _order_of(row: dict[str, Any]) -> int:
    order = row.get("order")
    return order if isinstance(order, int) else 0


def _position(key: Any) -> int:
    return int(key) if str(key).isdigit() else 0


def stored_copy(tables: Tables, session: Session) -> SessionCopy | None:
    """The whole of `session` as its province's `tables` hold it; None when its row is gone."""
    row = next((r for r in (tables.get("sessions") or {}).values() if isinstance(r, dict) and r.get("id") == session.id), None)
    if row is None:
        return None
    item_rows = [
        r
        for r in (tables.get("items") or {}).values()
        if isinstance(r, dict) and r.get("session") == session.id and isinstance(r.get("id"), str)
    ]
    item_rows.sort(key=_order_of)
    wanted = {r["id"] for r in item_rows}
    history: dict[str, list[dict[str, Any]]] = {item_id: [] for item_id in wanted}
    table = tables.get(HISTORY_TABLE) or {}
    for _key, entry in sorted(table.items(), key=lambda pair: _position(pair[0])):
        if isinstance(entry, dict) and entry.get("item") in wanted:
            history[entry["item"]].append({k: v for k, v in entry.items() if k not in ("item", "schema")})
    items = []
    for item_row in item_rows:
        try:
            item = item_from_row(item_row, session)
        except (KeyError, TypeError, ValueError):
            continue  # a damaged record (store.domain.checkup names it) is not copied
        items.append(
            CopiedItem(
                item=item,
                order=_order_of(item_row),
                origin=str(item_row.get("origin", "")),
                history=tuple(history[item.id]),
            )
        )
    return SessionCopy(
        session=session,
        content_hash=str(row.get("content_hash", "")),
        read_hashes=tuple(str(h) for h in row.get("read_hashes", ())),
        origin=str(row.get("origin", "")),
        source_file=str(row.get("source_file", "")),
        items=tuple(items),
    )


def session_row(
    session: Session, *, content_hash: str, origin: str, source_file: str, read_hashes: tuple[str, ...] = ()
) -> dict[str, Any]:
    """The row a session is stored as, whether a report's reading just made it or a copy
    brings it whole (the keys in the order every haicap writes them)."""
    row: dict[str, Any] = {
        "schema": SCHEMA_VERSION,
        "id": session.id,
        "content_hash": content_hash,
        "origin": origin,
        "source_file": source_file,
        "date": session.date.isoformat(),
        "province": session.province.code,
        "leader": {"name": session.leader.name, "title": session.leader.title},
        "participants": [{"name": p.name, "title": p.title} for p in session.participants],
        "title": session.title,
        "source": session.source,
        "communes": list(session.commune_codes),
    }
    if read_hashes:
        # The reading of the file before the officer's review: the same file again is "already there".
        row["read_hashes"] = list(read_hashes)
    if session.also_reported_by:
        row["also_reported_by"] = list(session.also_reported_by)
    return row


def copy_rows(copy: SessionCopy) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The session row and item rows `copy` is stored as (its history: `insert_history`)."""
    session = copy.session
    row_of_session = session_row(
        session, content_hash=copy.content_hash, origin=copy.origin, source_file=copy.source_file, read_hashes=copy.read_hashes
    )
    item_rows = []
    for copied in copy.items:
        item = copied.item
        row: dict[str, Any] = {
            "schema": SCHEMA_VERSION,
            "id": item.id,
            "session": session.id,
            "order": copied.order,
            "kind": item.kind.value,
            "text": item.text,
            "communes": list(item.commune_codes),
            "revision": item.revision,
        }
        if tracking := item.tracking.to_row():
            row["tracking"] = tracking
        if copied.origin:
            row["origin"] = copied.origin
        if item.deleted:
            row["deleted"] = True
        if item.added_by_hand:
            row["by_hand"] = True
        item_rows.append(row)
    return row_of_session, item_rows


def insert_history(tables: Tables, copy: SessionCopy) -> None:
    """Add every history row of `copy`'s items to `tables` as it is."""
    history = tables.setdefault(HISTORY_TABLE, {})
    next_id = max(map(_position, history), default=0) + 1
    added = 0
    for copied in copy.items:
        for entry in copied.history:
            history[str(next_id + added)] = {"schema": SCHEMA_VERSION, "item": copied.item.id, **entry}
            added += 1
