"""haicap's data layer: the store facade, domain objects and Vietnamese text rules.

Nothing here imports Textual; the UI talks only to `Store` and gets `store.domain.models`
dataclasses back.
"""

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
