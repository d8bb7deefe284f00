"""haicap's data layer: the store facade, domain objects and Vietnamese text rules.

Nothing here imports Textual; the UI talks only to `Store` and gets `store.models`
dataclasses back.
"""

from .backups import Backup
from .database import SCHEMA_VERSION, Store
from .editing import EditConflict
from .errors import ReportError, StoreError
from .models import Commune, CommuneReport, CommuneSummary, Item, Kind, Person, Province, Session
from .paths import resolve_store_path
from .clock import today
from .followup import DeadlineRules, FollowUp, follow_up
from .history import HistoryEntry
from .tracking import DirectiveStatus, RequestStatus, Tracking

__all__ = [
    "Backup",
    "EditConflict",
    "Store",
    "SCHEMA_VERSION",
    "StoreError",
    "ReportError",
    "Kind",
    "Province",
    "Commune",
    "CommuneSummary",
    "CommuneReport",
    "Person",
    "Session",
    "Item",
    "resolve_store_path",
    "today",
    "DeadlineRules",
    "FollowUp",
    "follow_up",
    "HistoryEntry",
    "DirectiveStatus",
    "RequestStatus",
    "Tracking",
]
