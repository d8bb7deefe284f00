"""haicap's data layer: the store facade, domain objects and Vietnamese text rules.

Nothing here imports Textual; the UI talks only to `Store` and gets `store.domain.models`
dataclasses back.

The names below are imported when first used (PEP 562), not with the package: every
module of haicap is inside it, and importing the store and its parts (TinyDB, the
indexes, the importer's plan) took 50 ms of each `haicap --version`, `--help` or `lang`.
`from haicap.store import Store` works as ever, and type checkers see the imports below.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from haicap.store.db.backups import Backup
    from haicap.store.db.database import SCHEMA_VERSION, Store
    from haicap.store.db.editing import EditConflict
    from haicap.store.db.paths import resolve_store_path
    from haicap.store.domain.clock import Calendar
    from haicap.store.domain.errors import ReportError, StoreError
    from haicap.store.domain.followup import DeadlineRules, FollowUp, follow_up
    from haicap.store.domain.history import HistoryEntry
    from haicap.store.domain.models import Commune, CommuneSummary, CommuneView, Item, Kind, Person, Province, Session
    from haicap.store.domain.tracking import DirectiveStatus, RequestStatus, Tracking

__all__ = [
    "SCHEMA_VERSION",
    "Backup",
    "Calendar",
    "Commune",
    "CommuneSummary",
    "CommuneView",
    "DeadlineRules",
    "DirectiveStatus",
    "EditConflict",
    "FollowUp",
    "HistoryEntry",
    "Item",
    "Kind",
    "Person",
    "Province",
    "ReportError",
    "RequestStatus",
    "Session",
    "Store",
    "StoreError",
    "Tracking",
    "follow_up",
    "resolve_store_path",
]

_MODULES = {
    "Backup": "haicap.store.db.backups",
    "SCHEMA_VERSION": "haicap.store.db.database",
    "Store": "haicap.store.db.database",
    "EditConflict": "haicap.store.db.editing",
    "resolve_store_path": "haicap.store.db.paths",
    "Calendar": "haicap.store.domain.clock",
    "ReportError": "haicap.store.domain.errors",
    "StoreError": "haicap.store.domain.errors",
    "DeadlineRules": "haicap.store.domain.followup",
    "FollowUp": "haicap.store.domain.followup",
    "follow_up": "haicap.store.domain.followup",
    "HistoryEntry": "haicap.store.domain.history",
    "Commune": "haicap.store.domain.models",
    "CommuneSummary": "haicap.store.domain.models",
    "CommuneView": "haicap.store.domain.models",
    "Item": "haicap.store.domain.models",
    "Kind": "haicap.store.domain.models",
    "Person": "haicap.store.domain.models",
    "Province": "haicap.store.domain.models",
    "Session": "haicap.store.domain.models",
    "DirectiveStatus": "haicap.store.domain.tracking",
    "RequestStatus": "haicap.store.domain.tracking",
    "Tracking": "haicap.store.domain.tracking",
}
"""Where each name of `__all__` is defined."""


def __getattr__(name: str) -> Any:
    """Import the module that defines `name` (once: the name is then a global of the package)."""
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
