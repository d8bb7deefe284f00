"""A whole session as a `haicap-session/1` file (YAML or JSON), to move it to another store.

    data = build_session_file("yaml", store.session_copy(session), store.registry)

The file is a structured report (`store.ingest.reports`: the session, its communes, its
items by kind and text), so it reads as one, plus what a store keeps beside it (see
`store.ingest.session_files`): the session's id and hashes, every item's id, order,
follow-up fields, deleted and hand-added marks, revision and origin, and its history rows
as stored, field by field. `haicap import` of the file into another store reproduces the
session.
"""

from __future__ import annotations

import json
from typing import Any

from haicap.store.domain.errors import StoreError
from haicap.store.domain.i18n import _
from haicap.store.domain.registry import Registry
from haicap.store.domain.session_copy import HISTORY_FIELDS, CopiedItem, SessionCopy
from haicap.store.ingest.reports import FORMAT

__all__ = ["SESSION_FORMATS", "build_session_file", "session_data"]

SESSION_FORMATS = ("yaml", "json")
"""The formats of a session file."""

_YAML_HEADER = """\
# A working session copied from a haicap store (format haicap-session/1): its items with
# their ids, follow-up state and history. `haicap import FILE` adds it to another store
# as it is; see "Moving a session to another store" in haicap's README.
"""


def session_data(copy: SessionCopy, registry: Registry | None = None) -> dict[str, Any]:
    """The file's content as plain data (text, numbers, true/false, lists, mappings); with
    `registry`, each commune's type and name beside its code, for a reader of the file."""
    session = copy.session
    block: dict[str, Any] = {
        "id": session.id,
        "content_hash": copy.content_hash,
        "date": session.date.isoformat(),
        "province": session.province.name,
        "leader": {"name": session.leader.name, "title": session.leader.title},
        "participants": [{"name": p.name, "title": p.title} for p in session.participants],
        "title": session.title,
        "source": session.source,
        "also_reported_by": list(session.also_reported_by),
        "read_hashes": list(copy.read_hashes),
        "origin": copy.origin,
        "source_file": copy.source_file,
    }
    communes = []
    for code in session.commune_codes:
        commune = registry.commune(code) if registry else None
        # The code is what is read back; type and name are there for a reader of the file.
        communes.append({"code": code, "type": commune.type, "name": commune.name} if commune else {"code": code})
    return {
        "format": FORMAT,
        "session": block,
        "communes": communes,
        "items": [_item(copied) for copied in copy.items],
    }


def _item(copied: CopiedItem) -> dict[str, Any]:
    item = copied.item
    return {
        "id": item.id,
        "order": copied.order,
        "kind": item.kind.value,
        "text": item.text,
        "communes": list(item.commune_codes),
        "tracking": item.tracking.to_row(),
        "deleted": item.deleted,
        "added_by_hand": item.added_by_hand,
        "revision": item.revision,
        "origin": copied.origin,
        "history": [_history_row(row) for row in copied.history],
    }


def _history_row(row: Any) -> dict[str, Any]:
    """A history row with its usual fields first (who, when, field, old, new, revision), then any other."""
    ordered = {name: row[name] for name in HISTORY_FIELDS if name in row}
    return ordered | {name: value for name, value in row.items() if name not in ordered}


def build_session_file(fmt: str, copy: SessionCopy, registry: Registry) -> bytes:
    """The bytes of the session file in `fmt` ("yaml" or "json"), UTF-8."""
    data = session_data(copy, registry)
    if fmt == "json":
        return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    if fmt != "yaml":
        raise StoreError(_("unknown session file format '{format}'; use yaml or json").format(format=fmt))
    import yaml  # here: only this export pays for PyYAML

    class _Dumper(yaml.SafeDumper):
        """Every value written out where it stands: no `&anchor`/`*alias` (the import refuses them)."""

        def ignore_aliases(self, data: Any) -> bool:
            return True

    text = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100)
    return (_YAML_HEADER + text).encode("utf-8")
