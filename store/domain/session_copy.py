"""A whole stored session as another store needs it to hold the same: what `haicap export
--format yaml|json` writes and what importing that file reproduces.

A `SessionCopy` carries what the panes show (the `Session` and its `Item`s, deleted ones
too) and what a store keeps beside it: the session's content hash and read hashes (so the
report it came from is "already there" in the new store too), where it came from, each
item's place and origin, and every history row of every item, copied field by field.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from haicap.store.domain.models import Item, Session

__all__ = ["HISTORY_FIELDS", "ITEM_ID", "SESSION_ID", "CopiedItem", "SessionCopy"]

SESSION_ID = re.compile(r"[0-9a-f]{8,64}")
"""A session id as a store makes it: the first hex digits (8, or more when two sessions of
one store share them) of the content hash."""

ITEM_ID = re.compile(r"(?P<session>[0-9a-f]{8,64})-(?P<order>[0-9]{2,})")
"""An item id as a store makes it: its session's id and its place, two digits at least."""

HISTORY_FIELDS = ("who", "when", "field", "old", "new", "revision")
"""The fields every history row has; a row may carry more (they are copied as they are)."""


@dataclass(frozen=True, eq=True)
class CopiedItem:
    """One item of a copied session with what the store keeps beside it."""

    item: Item
    order: int
    """Its place in the session (the number in its id)."""
    origin: str = ""
    """"import", "seed", "synthetic"; empty for an item added by hand."""
    history: tuple[Mapping[str, Any], ...] = ()
    """Its history rows in the order written: who, when, field, old, new, revision and any
    other field a row carries, as stored (without the item id and the schema number)."""


@dataclass(frozen=True, eq=True)
class SessionCopy:
    """A stored session, whole: see the module docstring."""

    session: Session
    content_hash: str
    read_hashes: tuple[str, ...] = ()
    origin: str = ""
    source_file: str = ""
    """The file it was first imported from (for messages and the audit log)."""
    items: tuple[CopiedItem, ...] = ()
    """Every item, deleted ones included, in their order."""
