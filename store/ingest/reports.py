"""Structured session reports (format `haicap-session/1`): parsing and validation.

A report is a YAML or JSON document with a `session` block, the `communes` it covers and
its `items`; `seeds/sessions/*.yaml` are examples and README.md documents the format.
Every problem is reported as a `ReportError` naming the file and the reason.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from haicap.store.domain.bounds import day_problem
from haicap.store.domain.errors import ReportError
from haicap.store.domain.file_names import shown_name
from haicap.store.domain.i18n import _
from haicap.store.domain.models import Commune, Kind, Person, Province
from haicap.store.domain.registry import Registry
from haicap.store.domain.text import clean, shorten
from haicap.store.domain.tracking import Tracking

if TYPE_CHECKING:
    import yaml

    from haicap.store.domain.session_copy import SessionCopy

__all__ = [
    "FORMAT",
    "ParsedItem",
    "SessionReport",
    "bundled_reports",
    "load_structured",
    "parse_report",
    "read_report_file",
]

FORMAT = "haicap-session/1"
"""The format tag every structured report carries."""

MAX_REPORT_BYTES = 5 * 1024 * 1024
"""Structured reports larger than this are refused: a real session report is a few kB."""


@dataclass(frozen=True)
class ParsedItem:
    """An item of a report, validated, with its communes resolved."""

    kind: Kind
    text: str
    communes: tuple[Commune, ...]
    tracking: Tracking | None = None
    """Follow-up fields known when the report is added (a generated store sets them, and an
    import the owner, co-agencies and deadline its text gives). Not part of the content hash."""
    history: tuple[tuple[str, str, str], ...] = ()
    """History entries (field, old, new) recorded when the item is added: where it came
    from and what was read or set in review. Not part of the content hash."""


@dataclass(frozen=True)
class SessionReport:
    """A validated session report, ready to be added to a store."""

    source_name: str
    """The file it was read from (for messages)."""
    date: dt.date
    province: Province
    leader: Person
    participants: tuple[Person, ...]
    title: str
    source: str
    communes: tuple[Commune, ...]
    items: tuple[ParsedItem, ...]
    read_hash: str | None = None
    """For an import: the digest of the file's reading before review (see
    `ImportPlan.read_hash`), so the same file imported again adds nothing."""
    extends: str | None = None
    """For an import of a session already stored (another outlet's report): that
    session's id; the items are added to it."""
    copy: SessionCopy | None = None
    """For a file `haicap export --format yaml|json` wrote (its session has an `id`): the
    whole session, stored as it is, ids, states and history included (see
    `store.ingest.session_files`)."""

    def __post_init__(self) -> None:
        # Every way in (YAML, JSON, a text or Word file read, --date) ends here: a date out
        # of range would overflow deadline arithmetic in every view of the store.
        problem = day_problem(self.date)
        if problem:
            raise ReportError(self.source_name, _("session date {problem}").format(problem=problem))
        for number, item in enumerate(self.items, start=1):
            tracking = item.tracking
            for name, day in (("deadline", tracking and tracking.deadline), ("done", tracking and tracking.done)):
                if isinstance(day, dt.date) and day_problem(day):
                    if name == "deadline":
                        reason = _("item {number}: deadline {problem}")
                    else:
                        reason = _("item {number}: done date {problem}")
                    raise ReportError(self.source_name, reason.format(number=number, problem=day_problem(day)))

    def content_hash(self) -> str:
        """A digest of what the report says (not of its file), so re-importing it is a no-op."""
        canonical = {
            "date": self.date.isoformat(),
            "province": self.province.code,
            "leader": [self.leader.name, self.leader.title],
            "communes": [c.code for c in self.communes],
            "items": [[i.kind.value, i.text, [c.code for c in i.communes]] for i in self.items],
        }
        encoded = json.dumps(canonical, ensure_ascii=False, sort_keys=True).encode("utf-8")
        return hashlib.sha256(encoded).hexdigest()


def _text(value: Any, field: str, source: str, *, required: bool = True) -> str:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ReportError(source, _("missing required field '{field}'").format(field=field))
        return ""
    if not isinstance(value, str):
        # A number or a yes/no where text belongs is a mistake in the file (YAML reads
        # `title: 2025` as a number and `source: no` as False), not text to store.
        if isinstance(value, bool):
            reason = _("field '{field}' must be text, not a yes/no value (put it in quotes)")
        else:
            reason = _("field '{field}' must be text, not a {type} (put it in quotes)")
        raise ReportError(source, reason.format(field=field, type=type(value).__name__))
    return clean(value)


def _short(text: str) -> str:
    """A value from the file as a message quotes it: at most 60 characters."""
    return shorten(text, 60)


def _date(value: Any, source: str) -> dt.date:
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    else:
        text = _text(value, "session.date", source)
        try:
            day = dt.date.fromisoformat(text)
        except ValueError:
            raise ReportError(source, _("session.date '{text}' is not a real date (YYYY-MM-DD)").format(text=text)) from None
    problem = day_problem(day)
    if problem:
        raise ReportError(source, _("session.date {problem}").format(problem=problem))
    return day


def _person(value: Any, field: str, source: str) -> Person:
    if isinstance(value, str):
        return Person(name=_text(value, field, source))
    if isinstance(value, dict):
        return Person(
            name=_text(value.get("name"), f"{field}.name", source),
            title=_text(value.get("title"), f"{field}.title", source, required=False),
        )
    raise ReportError(source, _("missing required field '{field}'").format(field=field))


def _communes(labels: Any, field: str, province: Province, registry: Registry, source: str) -> tuple[Commune, ...]:
    if not isinstance(labels, list) or not labels:
        raise ReportError(source, _("'{field}' must be a non-empty list of communes").format(field=field))
    found = []
    for label in labels:
        if isinstance(label, dict):
            label = label.get("code") or f"{label.get('type', '')} {label.get('name', '')}"
        if not isinstance(label, str):
            raise ReportError(
                source, _("'{field}' must list communes as text, not {type}").format(field=field, type=type(label).__name__)
            )
        commune = registry.parse_commune(province, label)
        if commune is None:
            reason = _("commune '{commune}' is not in the registry of {province}")
            raise ReportError(source, reason.format(commune=clean(str(label)), province=province.full_name))
        if commune not in found:
            found.append(commune)
    return tuple(found)


def parse_report(data: Any, registry: Registry, source: str) -> SessionReport:
    """Validate a loaded YAML/JSON document and resolve its province and communes."""
    if not isinstance(data, dict):
        raise ReportError(source, _("not a haicap session report (expected a mapping at the top)"))
    if data.get("format") != FORMAT:
        raise ReportError(
            source,
            _("unknown format {found} (expected '{format}')").format(found=_short(repr(data.get("format"))), format=FORMAT),
        )
    session = data.get("session")
    if not isinstance(session, dict):
        raise ReportError(source, _("missing required field '{field}'").format(field="session"))
    province_name = _text(session.get("province"), "session.province", source)
    province = registry.find_province(province_name)
    if province is None:
        raise ReportError(source, _("unknown province '{province}'").format(province=province_name))
    communes = _communes(data.get("communes"), "communes", province, registry, source)
    raw_items = data.get("items")
    if not isinstance(raw_items, list) or not raw_items:
        raise ReportError(source, _("'{field}' must be a non-empty list").format(field="items"))
    items = []
    for number, raw in enumerate(raw_items, start=1):
        if not isinstance(raw, dict):
            raise ReportError(source, _("item {number} is not a mapping").format(number=number))
        try:
            kind = Kind(raw.get("kind", "").strip() if isinstance(raw.get("kind", ""), str) else None)
        except ValueError:
            allowed = ", ".join(k.value for k in Kind)
            # The value is the file's: shown short, whatever it holds.
            shown = _short(repr(raw.get("kind")))
            reason = _("item {number}: kind {kind} is not one of {allowed}").format(number=number, kind=shown, allowed=allowed)
            raise ReportError(source, reason) from None
        text = _text(raw.get("text"), f"items[{number}].text", source)
        item_communes = communes
        if raw.get("communes") is not None:
            item_communes = _communes(raw["communes"], f"items[{number}].communes", province, registry, source)
            stray = [c.label for c in item_communes if c not in communes]
            if stray:
                reason = _("item {number} names {communes}, which the session does not cover")
                raise ReportError(source, reason.format(number=number, communes=", ".join(stray)))
        items.append(ParsedItem(kind=kind, text=text, communes=item_communes))
    participants = session.get("participants") or []
    if not isinstance(participants, list):
        raise ReportError(source, _("'{field}' must be a list").format(field="session.participants"))
    report = SessionReport(
        source_name=source,
        date=_date(session.get("date"), source),
        province=province,
        leader=_person(session.get("leader"), "session.leader", source),
        participants=tuple(_person(p, "session.participants", source) for p in participants),
        title=_text(session.get("title"), "session.title", source),
        source=_text(session.get("source"), "session.source", source, required=False),
        communes=communes,
        items=tuple(items),
    )
    if "id" in session:  # a session copy: what a store adds beside the report (imported here: see the module)
        from haicap.store.ingest.session_files import parse_copy

        report = replace(report, copy=parse_copy(data, report, source))
    return report


def load_structured(raw: bytes, source: str, suffix: str) -> Any:
    """Parse the bytes of a YAML or JSON file (`suffix` ".json" means JSON, anything else YAML).

    Returns the parsed object; every problem (too large, empty, not UTF-8, malformed) is a
    `ReportError` naming `source` with a one-line reason. `store.ingest.documents` uses it too.
    """
    if len(raw) > MAX_REPORT_BYTES:
        raise ReportError(source, _("file is larger than {size} MB").format(size=MAX_REPORT_BYTES // (1024 * 1024)))
    if not raw.strip():
        raise ReportError(source, _("file is empty"))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ReportError(source, _("not UTF-8 text")) from None
    depth = _nesting_depth(text)
    if depth > MAX_NESTING:
        raise ReportError(
            source, _("nested more than {depth} levels deep; a session report needs a few").format(depth=MAX_NESTING)
        )
    # PyYAML is imported here, not at the top: the commands that read no report (items,
    # set and most others) would spend 10 ms on it at every start.
    import yaml

    try:
        if suffix == ".json":
            return json.loads(text, object_pairs_hook=_unique_keys)
        return yaml.load(text, Loader=_report_loader())
    except _Refused as refused:
        raise ReportError(source, str(refused)) from None
    except RecursionError:
        raise ReportError(source, _("nested more than {depth} levels deep").format(depth=MAX_NESTING)) from None
    except json.JSONDecodeError as error:
        raise ReportError(source, _("malformed JSON at line {line}").format(line=error.lineno)) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        reason = _("malformed YAML at line {line}").format(line=mark.line + 1) if mark else _("malformed YAML")
        raise ReportError(source, reason) from None
    except ValueError as error:
        # PyYAML builds dates itself and raises a bare ValueError for 2025-02-31.
        raise ReportError(source, _("invalid value in YAML ({error})").format(error=error)) from None


MAX_NESTING = 50
"""Lists and mappings nested deeper than this are refused (a session report needs four):
JSON nested 100,000 deep would exhaust Python's recursion limit."""


class _Refused(Exception):
    """A structure the report format does not allow (its message is the reason)."""


def _nesting_depth(text: str) -> int:
    """How deep brackets and braces nest in `text`, in one pass without parsing, so that a
    document nested 100,000 deep is refused before a parser recurses into it. Brackets
    inside strings count too, which can only overstate the depth of an odd file; YAML's
    indentation nesting is bounded by the loader (see `_ReportLoader`)."""
    if text.count("[") + text.count("{") <= MAX_NESTING:
        return 0  # cannot nest deeper than it has brackets: the common case costs two counts
    depth = deepest = 0
    for char in text:
        if char in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > MAX_NESTING:
                    return deepest
        elif char in "]}":
            depth = max(0, depth - 1)
    return deepest


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object as a dict, refusing a key given twice (json would keep the last silently)."""
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _Refused(_("duplicate key {key} in a JSON object").format(key=_short(repr(key))))
        result[key] = value
    return result


@functools.cache
def _report_loader() -> type[yaml.SafeLoader]:
    """The loader class, made the first time a YAML report is read (see `load_structured`)."""
    import yaml

    class _ReportLoader(yaml.SafeLoader):
        """PyYAML's safe loader without aliases and with a nesting bound.

        An alias (`*a`) repeats what an anchor (`&a`) names: a few hundred bytes of nested
        aliases ("billion laughs") expand to gigabytes. Session reports never need them. Keys
        given twice are refused, as in JSON."""

        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.AliasEvent):
                event = self.peek_event()  # type: ignore[no-untyped-call]  # types-PyYAML leaves the parser unannotated
                raise _Refused(
                    _("YAML aliases (*name) are not allowed in a report (line {line})").format(line=event.start_mark.line + 1)
                )
            event = self.peek_event()  # type: ignore[no-untyped-call]  # as above
            if getattr(event, "anchor", None) is not None:
                raise _Refused(
                    _("YAML anchors (&name) are not allowed in a report (line {line})").format(line=event.start_mark.line + 1)
                )
            self._depth = getattr(self, "_depth", 0) + 1
            try:
                if self._depth > MAX_NESTING:
                    raise _Refused(
                        _("nested more than {depth} levels deep; a session report needs a few").format(depth=MAX_NESTING)
                    )
                return super().compose_node(parent, index)
            finally:
                self._depth -= 1

        def construct_mapping(self, node: Any, deep: bool = False) -> Any:
            if isinstance(node, yaml.MappingNode):
                seen = set()
                for key_node, _value in node.value:
                    key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
                    if key is not None and key in seen:
                        raise _Refused(
                            _("duplicate key {key} (line {line})").format(
                                key=_short(repr(key)), line=key_node.start_mark.line + 1
                            )
                        )
                    seen.add(key)
            return super().construct_mapping(node, deep=deep)

    return _ReportLoader


_load_document = load_structured  # the name the rest of this module (and older callers) use


def read_report_file(path: Path, registry: Registry) -> SessionReport:
    """Read and validate a YAML or JSON report file."""
    shown = shown_name(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ReportError(shown, _("no such file")) from None
    except IsADirectoryError:
        raise ReportError(shown, _("is a directory, not a report file")) from None
    except OSError as error:
        raise ReportError(shown, error.strerror or str(error)) from None
    return parse_report(_load_document(raw, shown, path.suffix.lower()), registry, shown)


def bundled_reports(registry: Registry) -> list[SessionReport]:
    """Read every session report shipped in `seeds/sessions/`, in file-name order."""
    folder = resources.files("haicap.seeds").joinpath("sessions")
    reports = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith((".yaml", ".yml", ".json")):
            source = f"seeds/sessions/{entry.name}"
            suffix = ".json" if entry.name.endswith(".json") else ".yaml"
            reports.append(parse_report(_load_document(entry.read_bytes(), source, suffix), registry, source))
    return reports
