"""What an export holds, gathered once from the store as plain data every format writes out.

An export covers one session (all its communes, or one of them), or one commune across
all of its sessions. `gather` turns that choice into an `ExportContent`: the session facts
as strings, the items grouped for the minutes, and the flat tracking table of requests
and directives with their state on a given day. Every string is already made safe for
XML (see `store.views.exports.safe`), so the writers only lay it out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from haicap.store.domain.errors import StoreError
from haicap.store.domain.followup import DeadlineRules, follow_up
from haicap.store.domain.i18n import _, language, pgettext
from haicap.store.domain.models import TRACKED_KINDS, Commune, Item, Kind, Session
from haicap.store.views.exports.safe import safe_text, slug

if TYPE_CHECKING:
    from haicap.store.db.database import Store
    from haicap.store.domain.session_copy import SessionCopy

__all__ = [
    "Entry",
    "ExportContent",
    "Group",
    "SessionBlock",
    "SessionFacts",
    "document_language",
    "find_session",
    "gather",
    "join_list",
    "kind_heading",
]


def document_language() -> str:
    """The language property of an exported document, for the language spoken now: "vi-VN"
    or "en-US" (Word and LibreOffice check spelling and hyphenate in it)."""
    return "en-US" if language() == "en" else "vi-VN"


def kind_heading(kind: Kind) -> str:
    """The section heading of the minutes for `kind`, in the language spoken now; in
    Vietnamese the wording of administrative reports ("Kết quả đạt được"), which haicap's
    own Word import reads back as the kind it names."""
    return {
        Kind.ACHIEVEMENT: pgettext("minutes heading", "Results achieved"),
        Kind.DIFFICULTY: pgettext("minutes heading", "Difficulties and obstacles"),
        Kind.REQUEST: pgettext("minutes heading", "Requests and proposals"),
        Kind.DIRECTIVE: pgettext("minutes heading", "Conclusions and directives"),
    }[kind]


@dataclass(frozen=True)
class Entry:
    """One item as the documents show it; the follow-up fields are empty for achievements
    and difficulties."""

    id: str
    kind: Kind
    text: str
    communes: tuple[str, ...]
    """Labels of every commune the item concerns ("xã Vân Du"), the exported one first."""
    session_date: dt.date
    owner: str = ""
    co_agencies: tuple[str, ...] = ()
    deadline: dt.date | None = None
    """The deadline in force (a request's default one when none was set)."""
    done: dt.date | None = None
    state: str = ""
    """The officials' full wording: "Đang giải quyết – quá hạn 9 ngày"."""
    status: str = ""
    """The same without the number of days, so a spreadsheet filter groups alike rows."""
    overdue: bool = False
    late_days: int = 0
    revision: int = 0
    """The item's revision when exported: an agency's filled table read back is checked
    against it (`store.db.tracking_updates`)."""
    set_status: str = ""
    """The status an officer sets, in the language spoken: a request's five, a directive's
    "Đang thực hiện" or "Hoàn thành" (the column the agency fills)."""
    answer: str = ""
    note: str = ""


@dataclass(frozen=True)
class Group:
    """Items of a session that concern the same communes: common to all, or some only."""

    heading: str
    """"Nội dung chung của …", "Riêng xã Vân Du"; empty when the session has one group only."""
    entries: dict[Kind, tuple[Entry, ...]]

    def of_kind(self, kind: Kind) -> tuple[Entry, ...]:
        """The entries of `kind` in report order (empty when there are none)."""
        return self.entries.get(kind, ())


@dataclass(frozen=True)
class SessionFacts:
    """The heading facts of a session, as text."""

    id: str
    date: dt.date
    province: str
    title: str
    leader_name: str
    leader_title: str
    participants: tuple[str, ...]
    """"Lê Quang Hùng, Phó Chủ tịch UBND tỉnh"."""
    communes: tuple[str, ...]
    """Labels of every commune of the session (also when the export covers only one)."""
    source: str


@dataclass(frozen=True)
class SessionBlock:
    """One session of the export with its items, grouped by the communes they concern."""

    session: SessionFacts
    groups: tuple[Group, ...]


@dataclass(frozen=True)
class ExportContent:
    """Everything an export shows: minutes (`blocks`) and the tracking table (`tracked`)."""

    title: str
    """"BIÊN BẢN LÀM VIỆC", or "TỔNG HỢP CÁC BUỔI LÀM VIỆC" for a commune's sessions (in
    the language spoken when it was gathered, as every word of the content)."""
    scope: str
    """What is covered, in words: "xã Ngọc Trạo (Thanh Hóa)", or the session's communes and province."""
    province: str
    """"Thanh Hóa"."""
    province_full: str
    """"Tỉnh Thanh Hóa", "Thành phố Hồ Chí Minh"."""
    today: dt.date
    """The day states and days overdue are measured on."""
    blocks: tuple[SessionBlock, ...]
    tracked: tuple[Entry, ...]
    """Every request and directive covered, newest session first, then report order."""
    base_name: str
    """ASCII file name without prefix or suffix: "2025-11-25-ngoc-trao"."""
    commune: str = ""
    """The commune asked for, if any."""
    single_session: bool = field(default=True)
    agency: str = ""
    """The owner agency the table is for (`export --owner`, `--by-owner`), if any."""
    copy: SessionCopy | None = None
    """For an export of one session: the whole of it, which the Word minutes carry so that
    importing them reproduces it (see `store.ingest.documents.minutes_mark`)."""

    def file_name(self, suffix: str) -> str:
        """The default file name: "bien-ban-….docx" for minutes, "theo-doi-….xlsx" for tables
        ("minutes-…", "tracking-…" in English); ASCII, like the rest of the name."""
        table = suffix in (".xlsx", ".csv")
        prefix = pgettext("file name", "tracking") if table else pgettext("file name", "minutes")
        return f"{prefix}-{self.base_name}{suffix}"


def join_list(labels: tuple[str, ...] | list[str]) -> str:
    """ "A", "A và B", "A, B và C" ("A, B and C"): a list the way prose writes it, in the
    language spoken now."""
    labels = list(labels)
    if len(labels) <= 1:
        return "".join(labels)
    return _("{first} and {last}").format(first=", ".join(labels[:-1]), last=labels[-1])


def find_session(store: Store, text: str) -> Session:
    """The session whose id is `text` or starts with it (see `Store.find_session`)."""
    return store.find_session(text)


def gather(
    store: Store,
    today: dt.date,
    *,
    session: Session | None = None,
    commune: Commune | None = None,
    carry_session: bool = False,
) -> ExportContent:
    """The content of an export: `session` (all its communes, or only `commune`), `commune`
    across all its sessions, or the newest session when neither is given. With
    `carry_session` (Word minutes), an export of one session holds its `copy` too."""
    if session is not None and commune is not None and commune.code not in session.commune_codes:
        where = join_list([c.label for c in store.communes_of_session(session)])
        raise StoreError(
            _("{commune} ({province}) is not in session {session} ({communes})").format(
                commune=commune.label, province=commune.province.name, session=session.id, communes=where
            )
        )
    if session is not None:
        sessions: tuple[Session, ...] = (session,)
    elif commune is not None:
        sessions = store.commune_view(commune).sessions
        if not sessions:
            raise StoreError(
                _("{commune} ({province}) has no session to export").format(commune=commune.label, province=commune.province.name)
            )
    else:
        latest = store.latest_session()
        if latest is None:
            raise StoreError(_("the store holds no session to export; import a report first"))
        sessions = (latest,)
    rules = store.deadline_rules
    wanted = {s.id for s in sessions}
    items = [i for i in store.items(commune_codes=(commune.code,) if commune else None) if i.session.id in wanted]
    labels = {c.code: safe_text(c.label) for s in sessions for c in store.communes_of_session(s)}
    entries = {i.id: _entry(store, i, today, rules, commune) for i in items}
    blocks = tuple(_block(s, [i for i in items if i.session.id == s.id], entries, commune, labels) for s in sessions)
    tracked = tuple(entries[i.id] for i in items if i.kind in TRACKED_KINDS)
    province = safe_text(sessions[0].province.name)
    if commune is not None:
        scope = f"{safe_text(commune.label)} ({safe_text(commune.province.name)})"
    else:
        scope = f"{join_list([labels[code] for code in sessions[0].commune_codes if code in labels])} ({province})"
    single = len(sessions) == 1
    return ExportContent(
        title=_("MINUTES OF THE WORKING SESSION") if single else _("SUMMARY OF THE WORKING SESSIONS"),
        scope=scope,
        province=province,
        province_full=safe_text(sessions[0].province.full_name),
        today=today,
        blocks=blocks,
        tracked=tracked,
        base_name=_base_name(store, sessions, commune),
        commune=safe_text(commune.label) if commune else "",
        single_session=single,
        copy=store.session_copy(sessions[0]) if single and carry_session else None,
    )


def _entry(store: Store, item: Item, today: dt.date, rules: DeadlineRules, focus: Commune | None) -> Entry:
    communes = list(store.communes_of_item(item))
    if focus is not None and focus in communes:
        communes.remove(focus)
        communes.insert(0, focus)
    base = Entry(
        id=item.id,
        kind=item.kind,
        text=safe_text(item.text),
        communes=tuple(safe_text(c.label) for c in communes),
        session_date=item.session.date,
    )
    state = follow_up(item, today, rules)
    if state is None:
        return base
    tracking = item.tracking
    return Entry(
        id=base.id,
        kind=base.kind,
        text=base.text,
        communes=base.communes,
        session_date=base.session_date,
        owner=safe_text(tracking.owner),
        co_agencies=tuple(safe_text(a) for a in tracking.co_agencies),
        deadline=state.deadline,
        done=tracking.done,
        state=state.label,
        status=state.short_label,
        overdue=state.overdue,
        late_days=state.late_days,
        revision=item.revision,
        set_status=state.status.label,
        answer=safe_text(tracking.answer),
        note=safe_text(tracking.note),
    )


def _facts(session: Session, labels: dict[str, str]) -> SessionFacts:
    return SessionFacts(
        id=session.id,
        date=session.date,
        province=safe_text(session.province.name),
        title=safe_text(session.title),
        leader_name=safe_text(session.leader.name),
        leader_title=safe_text(session.leader.title),
        participants=tuple(safe_text(f"{p.name}, {p.title}" if p.title else p.name) for p in session.participants),
        communes=tuple(labels[code] for code in session.commune_codes if code in labels),
        source=safe_text(session.source),
    )


def _block(
    session: Session,
    items: list[Item],
    entries: dict[str, Entry],
    focus: Commune | None,
    labels: dict[str, str],
) -> SessionBlock:
    codes = [c for c in session.commune_codes if c in labels and (focus is None or c == focus.code)]
    # An item's communes within this block decide its group. Grouping, rather than one
    # section per commune, keeps an item the session addressed to all communes from being
    # written out once per commune (in the seed session 37 of 38 items concern all three).
    grouped: dict[tuple[str, ...], list[Item]] = {}
    for item in items:
        key = tuple(c for c in codes if c in item.commune_codes)
        grouped.setdefault(key, []).append(item)
    everyone = tuple(codes)

    def order(key: tuple[str, ...]) -> tuple[int, list[int]]:
        return (0 if key == everyone else 1 if len(key) == 1 else 2, [codes.index(c) for c in key])

    groups = []
    for key in sorted(grouped, key=order):
        names = [labels[c] for c in key]
        if len(grouped) == 1 and key == everyone:
            heading = ""  # the whole session is one group: the communes are in its heading already
        elif key == everyone:
            heading = _("Common to {communes}").format(communes=join_list(names))
        else:
            heading = _("{communes} only").format(communes=join_list(names))
        by_kind = {kind: tuple(entries[i.id] for i in grouped[key] if i.kind is kind) for kind in Kind}
        groups.append(Group(heading=heading, entries={k: v for k, v in by_kind.items() if v}))
    return SessionBlock(session=_facts(session, labels), groups=tuple(groups))


def _base_name(store: Store, sessions: tuple[Session, ...], commune: Commune | None) -> str:
    if commune is not None:
        name = slug(commune.name)
        # All of a commune's sessions carry no date; one session (chosen, or its only one) does.
        return f"{sessions[0].date.isoformat()}-{name}" if len(sessions) == 1 else name
    session = sessions[0]
    communes = store.communes_of_session(session)
    if len(communes) > 3:
        # A file name must stay short enough to read and type.
        where = f"{slug(session.province.name)}-{len(communes)}-don-vi"
    else:
        where = "-".join(slug(c.name) for c in communes) or slug(session.province.name)
    return f"{session.date.isoformat()}-{where}"
