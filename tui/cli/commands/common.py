"""What the subcommands share: one-line errors, dates and names read from the command line,
and items as lines or as JSON.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from haicap.store import Calendar
from haicap.store.domain.i18n import _, language
from haicap.store.domain.models import Commune, Item, Kind, Province
from haicap.store.domain.text import fold, visible

if TYPE_CHECKING:
    from haicap.store import DeadlineRules, Store
    from haicap.store.domain.followup import FollowUp

__all__ = [
    "NONE_WORDS",
    "TODAY_ENV_VAR",
    "CommandError",
    "commune_column",
    "current_day",
    "fail",
    "find_province",
    "item_communes",
    "item_json",
    "item_row",
    "open_store",
    "parse_count",
    "parse_day",
    "parse_kind",
    "parse_positive_int",
    "read_only_run",
    "resolve_commune",
    "run_calendar",
    "state_text",
    "state_words",
    "visible_output",
]

NONE_WORDS = ("none", "-", "")
"""What clears a date option: `--deadline none`."""


class CommandError(Exception):
    """A refusal reported as one line; `code` 2 for a malformed command line, 1 for the rest."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


class VisibleText(io.TextIOBase):
    """A text stream that writes through another one with control characters made visible
    (see `store.domain.text.visible`): what commands print may quote item text from outside."""

    def __init__(self, inner: TextIO) -> None:
        self.inner = inner

    def write(self, text: str) -> int:
        self.inner.write(visible(text))
        return len(text)

    def flush(self) -> None:
        self.inner.flush()

    def isatty(self) -> bool:
        return self.inner.isatty()

    def fileno(self) -> int:
        return self.inner.fileno()

    @property
    def buffer(self) -> Any:  # bytes written on purpose (a document to stdout) pass as they are
        return getattr(self.inner, "buffer", None)

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.inner, "encoding", "utf-8")


@contextmanager
def visible_output() -> Iterator[None]:
    """Make standard output and error show control characters as visible stand-ins."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = VisibleText(sys.stdout), VisibleText(sys.stderr)
    try:
        yield
    finally:
        sys.stdout.flush()
        sys.stdout, sys.stderr = saved


def fail(message: str, code: int = 1) -> int:
    """Print `haicap: message` on stderr (one line), note it in the log, and return `code`."""
    from haicap.tui.cli.logging_setup import log_error

    line = " ".join(str(message).splitlines())
    print(f"haicap: {line}", file=sys.stderr)
    log_error(line)
    return code


# -- reading the command line ------------------------------------------------------------


def parse_day(text: str, option: str, *, allow_none: bool = False) -> dt.date | None:
    """A date given on the command line (YYYY-MM-DD or DD/MM/YYYY), within years 2000–2100
    (see `store.domain.bounds`); `none` clears when allowed. CommandError (exit 2) otherwise."""
    from haicap.store.domain.bounds import day_problem
    from haicap.store.domain.dates import parse_date

    if allow_none and text.strip().casefold() in NONE_WORDS:
        return None
    said = _("{option}: {reason}; 'none' clears it") if allow_none else "{option}: {reason}"
    try:
        day = parse_date(text)
    except ValueError as error:
        raise CommandError(said.format(option=option, reason=visible(str(error))), code=2) from None
    problem = day_problem(day)
    if problem:
        raise CommandError(said.format(option=option, reason=problem), code=2)
    return day


def parse_kind(text: str) -> Kind:
    """ "request", "requests", "Kiến nghị", "kien nghi" ... -> Kind; CommandError otherwise."""
    wanted = fold(text).replace("_", " ")
    for kind in Kind:
        if wanted in (kind.value, fold(kind.title_en), fold(kind.title_vi)):
            return kind
    allowed = ", ".join(f"{k.value} ({k.title})" for k in Kind)
    raise CommandError(_("--kind: '{value}' is not a kind; use one of: {kinds}").format(value=text, kinds=allowed), code=2)


def _whole_number(text: str, option: str, of_days: bool) -> int:
    """An integer written in plain digits (of days, when `of_days`): "1e20", "10**12", "3.5"
    or "abc" are refused."""
    stripped = str(text).strip()
    # int() alone would take "1_000" and "٣" (Arabic-Indic digits); only ASCII digits are meant.
    digits = stripped[1:] if stripped[:1] in "+-" else stripped
    if not digits.isascii() or not digits.isdigit() or len(digits) > 18:
        shown = visible(str(text))
        if digits.isascii() and digits.isdigit():
            raise CommandError(_("{option}: '{value}…' is far too large").format(option=option, value=shown[:24]), code=2)
        said = (
            _("{option}: '{value}' is not a whole number of days") if of_days else _("{option}: '{value}' is not a whole number")
        )
        raise CommandError(said.format(option=option, value=shown), code=2)
    return int(stripped)


def parse_count(text: str, option: str, *, minimum: int = 1, maximum: int | None = None) -> int:
    """A whole number from `minimum` to `maximum` (when given), from an option; CommandError (exit 2) otherwise."""
    value = _whole_number(text, option, of_days=False)
    if value < minimum:
        said = _("{option}: must be at least {minimum}, not {value}")
        raise CommandError(said.format(option=option, minimum=minimum, value=value), code=2)
    if maximum is not None and value > maximum:
        said = _("{option}: must be at most {maximum}, not {value}")
        raise CommandError(said.format(option=option, maximum=maximum, value=value), code=2)
    return value


def parse_positive_int(text: str, option: str, unit: str = "days", *, maximum: int | None = None) -> int:
    """A whole number (of days when `unit` is "days", of nothing said when it is "") greater
    than zero and at most `maximum` (when given)."""
    of_days = unit == "days"
    value = _whole_number(text, option, of_days)
    if value <= 0:
        said = (
            _("{option}: must be a positive number of days, not {value}")
            if of_days
            else _("{option}: must be a positive number, not {value}")
        )
        raise CommandError(said.format(option=option, value=value), code=2)
    if maximum is not None and value > maximum:
        said = (
            _("{option}: must be at most {maximum} days, not {value}")
            if of_days
            else _("{option}: must be at most {maximum}, not {value}")
        )
        raise CommandError(said.format(option=option, maximum=maximum, value=value), code=2)
    return value


# -- the store and today -----------------------------------------------------------------


_read_only: ContextVar[bool] = ContextVar("haicap_read_only", default=False)
"""Set for a command run with --read-only (see `read_only_run`)."""


@contextmanager
def read_only_run(read_only: bool) -> Iterator[None]:
    """Within the block, `open_store` opens stores as viewers when `read_only` (`haicap --read-only`)."""
    token = _read_only.set(read_only)
    try:
        yield
    finally:
        _read_only.reset(token)


@contextmanager
def open_store(db_path: Path) -> Iterator[Store]:
    """Open an existing store folder; a missing one is refused rather than created empty.
    Under `read_only_run(True)` it is opened as a viewer, which writes nothing."""
    from haicap.store import Store
    from haicap.store.db.database import STORE_FILE

    if not db_path.exists() or (db_path.is_dir() and not (db_path / STORE_FILE).exists()):
        raise CommandError(
            _("{path}: no haicap store here; create one with haicap init --db {path} [--with-seeds]").format(path=db_path)
        )
    with Store.open(db_path, read_only=_read_only.get()) as store:
        # Values an older haicap or a hand edit left are worked around; say what to fix.
        for problem in store.damaged_values():
            print("haicap: " + _("warning: {problem}").format(problem=problem), file=sys.stderr)
        yield store


TODAY_ENV_VAR = "HAICAP_TODAY"
"""Environment variable that fixes today's date (YYYY-MM-DD) when `--today` is not given."""


def run_calendar(given: str | None, environ: Mapping[str, str]) -> Calendar:
    """The calendar of this run: the day of `--today` (`given`), else of `$HAICAP_TODAY`
    in `environ`, else the machine's date. A malformed day is a CommandError (exit 2)."""
    from haicap.store.domain.bounds import day_problem

    if given is not None:
        return Calendar(parse_day(given, "--today"))
    fixed = environ.get(TODAY_ENV_VAR, "").strip()
    if not fixed:
        return Calendar()
    try:
        day = dt.date.fromisoformat(fixed)
    except ValueError:
        said = _("{variable}={value} is not a date (YYYY-MM-DD)")
        raise CommandError(said.format(variable=TODAY_ENV_VAR, value=visible(repr(fixed))), code=2) from None
    problem = day_problem(day)
    if problem:
        raise CommandError(f"{TODAY_ENV_VAR}: {problem}", code=2)
    return Calendar(day)


def current_day(args: argparse.Namespace) -> dt.date:
    """Today for this command: from the calendar the command line built (`args.calendar`,
    set by `haicap.tui.cli.main.main` from `--today` or `$HAICAP_TODAY`)."""
    calendar: Calendar = args.calendar
    return calendar.today()


def find_province(store: Store, name: str) -> Province:
    province = store.find_province(name)
    if province is None:
        raise CommandError(_("--province: no province named '{name}'").format(name=name), code=2)
    return province


def resolve_commune(store: Store, label: str, province: Province | None) -> Commune:
    """ "xã Vân Du", "van du" or a code, in `province`, else in the one province that has it
    (or, among several, the only one where it has sessions)."""
    registry = store.registry
    if province is not None:
        commune = registry.parse_commune(province, label)
        if commune is None:
            said = _("--commune: no commune '{name}' in {province}")
            raise CommandError(said.format(name=label, province=province.name), code=2)
        return commune
    found = [c for c in (registry.parse_commune(p, label) for p in registry.provinces) if c is not None]
    if not found:
        raise CommandError(_("--commune: no commune named '{name}' in any province").format(name=label), code=2)
    if len(found) > 1:
        # Names repeat across provinces; when only one of them has sessions, that is the
        # one meant (the others hold nothing to list, export or present).
        reported = [c for c in found if store.commune_view(c).sessions]
        if len(reported) == 1:
            return reported[0]
        where = ", ".join(f"{c.label} ({c.province.name})" for c in found)
        said = _("--commune: '{name}' is ambiguous: {communes}; add --province")
        raise CommandError(said.format(name=label, communes=where), code=2)
    return found[0]


# -- showing items -----------------------------------------------------------------------


def item_communes(store: Store, item: Item, first: Commune | None = None) -> list[Commune]:
    """The communes of `item` in report order, `first` (the one asked for) moved to the front."""
    communes = list(store.communes_of_item(item))
    if first is not None and first in communes:
        communes.remove(first)
        communes.insert(0, first)
    return communes


def commune_column(communes: list[Commune]) -> str:
    """ "xã Vân Du", or "xã Vân Du +2" for an item of several communes."""
    if not communes:
        return "—"
    return communes[0].label + (f" +{len(communes) - 1}" if len(communes) > 1 else "")


def item_json(store: Store, item: Item, today: dt.date, rules: DeadlineRules) -> dict[str, Any]:
    """The documented JSON object of an item and its follow-up state on `today`."""
    from haicap.store import follow_up

    state = follow_up(item, today, rules)
    tracking = item.tracking
    tracked = state is not None
    return {
        "id": item.id,
        "kind": item.kind.value,
        "text": item.text,
        "communes": [{"type": c.type, "name": c.name, "code": c.code} for c in item_communes(store, item)],
        "session": {"id": item.session.id, "date": item.session.date.isoformat(), "leader": item.session.leader.name},
        "owner": tracking.owner if tracked else None,
        "co_agencies": list(tracking.co_agencies) if tracked else [],
        "deadline": state.deadline.isoformat() if state and state.deadline else None,
        "deadline_set": tracking.deadline.isoformat() if tracking.deadline else None,
        "done": tracking.done.isoformat() if tracking.done else None,
        "status": state.status.value if state else None,
        "state": state.label_vi if state else None,
        "overdue": bool(state and state.overdue),
        "late_days": state.late_days if state else 0,
        "due_soon": bool(state and state.due_soon),
        "days_left": state.days_left if state else None,
        "answer": tracking.answer if item.kind is Kind.REQUEST else None,
        "note": tracking.note if tracked else None,
        "responds_to": list(tracking.responds_to) if item.kind is Kind.REQUEST else None,
    }


def state_words(state: FollowUp) -> str:
    """A request's or directive's state as the command line prints it, in the language spoken
    now: "Đang giải quyết – quá hạn 9 ngày" ("In progress – 9 days overdue"); the officials'
    fixed wording, which `--json` gives too (the dashboard's `FollowUp.label` may say more)."""
    return state.label_en if language() == "en" else state.label_vi


def state_text(state: FollowUp, *, days_left: bool = False) -> str:
    """`state_words`, then, for an item due soon (or any open one not overdue, with
    `days_left`), its days left: "Mới tiếp nhận · còn 3 ngày" ("Received · 3 days left")."""
    from haicap.store.domain.followup import days_left_words

    words = state_words(state)
    if state.days_left is not None and (state.due_soon or days_left):
        return f"{words} · {days_left_words(state.days_left)}"
    return words


def item_row(
    store: Store, item: Item, today: dt.date, rules: DeadlineRules, first: Commune | None = None, *, days_left: bool = False
) -> tuple[str, ...]:
    """The columns of one item in a list: id, kind, commune(s), follow-up state (with the
    days left of an item due soon, or of every open one with `days_left`), text."""
    from haicap.store import follow_up

    state = follow_up(item, today, rules)
    return (
        item.id,
        item.kind.singular,
        commune_column(item_communes(store, item, first)),
        state_text(state, days_left=days_left) if state else "—",
        item.text,
    )
