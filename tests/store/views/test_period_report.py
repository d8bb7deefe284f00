"""The report of a period on a SYNTHETIC store made by code (`tests/period_stores.py`).

The counts are computed here **independently**, by the test's own loop over the store's
items and their history (not through `store.views.period_report`), and compared with
the cells of the report's .xlsx and the rows of its Markdown, for several periods and
their edges: a done date on `--to` and the day after it, a status change on `--to` and
the day after it, a deadline on `--to`.
"""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter
from pathlib import Path

import openpyxl
import period_stores
import pytest
from period_stores import FROM, TO

from haicap.store import Kind, Store
from haicap.store.domain.errors import StoreError
from haicap.store.views.period_report import Filters, Period, file_name, gather, quarter_of, render

DAY = dt.timedelta(days=1)
OPEN = {"new", "in_progress"}

STATUS_OF_LABEL = {
    "Mới tiếp nhận": "new",
    "Đang giải quyết": "in_progress",
    "Đã trả lời": "answered",
    "Đã giải quyết dứt điểm": "resolved",
    "Không giải quyết được (lý do khách quan)": "unresolvable",
}
"""The officials' wording of the request statuses (history and the report's headers), by slug."""

AXIS_OF_LABEL = {
    "Hoàn thành – đúng hạn": "done_on_time",
    "Hoàn thành – quá hạn": "done_late",
    "Đang thực hiện – trong hạn": "in_progress_on_time",
    "Đang thực hiện – quá hạn": "in_progress_overdue",
    "Không có thời hạn – hoàn thành": "no_deadline_done",
    "Không có thời hạn – đang thực hiện": "no_deadline_in_progress",
}
"""The national two axes (and without a deadline) as the report's headers write them."""

PERIODS = [
    (FROM, TO),
    (FROM, dt.date(2026, 4, 1)),
    (TO, TO),
    (dt.date(2026, 4, 1), dt.date(2026, 4, 1)),
    (dt.date(2025, 12, 1), dt.date(2025, 12, 31)),
    (dt.date(2026, 2, 10), dt.date(2026, 2, 15)),
    (dt.date(2026, 3, 2), dt.date(2026, 3, 9)),
    (dt.date(2025, 1, 1), dt.date(2026, 12, 31)),
]


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The synthetic store, made once for this module (the tests only read it)."""
    return period_stores.build(tmp_path_factory.mktemp("period") / "store")


def _tag(text: str) -> str:
    return text.split("[")[1].split("]")[0]


def expected(store: Store, start: dt.date, end: dt.date) -> tuple[Counter[str], Counter[str], int, dict[str, Counter[str]]]:
    """The test's own count: directives by axis, requests by status, overdue requests, and
    per commune ("d:axis" / "r:status" keys), as of `end`."""
    directives: Counter[str] = Counter()
    requests: Counter[str] = Counter()
    overdue = 0
    communes: dict[str, Counter[str]] = {}
    for item in store.items(kinds=(Kind.REQUEST, Kind.DIRECTIVE)):
        if item.session.date > end:
            continue
        tracking = item.tracking
        if item.kind is Kind.DIRECTIVE:
            if tracking.done is not None and tracking.done < start:
                continue
            done = tracking.done is not None and tracking.done <= end
            if tracking.deadline is None:
                key = "no_deadline_done" if done else "no_deadline_in_progress"
            elif done:
                key = "done_on_time" if tracking.done <= tracking.deadline else "done_late"  # type: ignore[operator]
            else:
                key = "in_progress_overdue" if end > tracking.deadline else "in_progress_on_time"
            directives[key] += 1
            counted = "d:" + key
        else:
            changes = [
                (e.when.astimezone().date(), STATUS_OF_LABEL[e.new], STATUS_OF_LABEL.get(e.old, "new"))
                for e in store.history(item.id)
                if e.field == "status"
            ]

            def status_on(day: dt.date, changes=changes, tracking=tracking) -> str:
                status = changes[0][2] if changes else (tracking.status.value if tracking.status else "new")
                for when, new, _old in changes:
                    if when <= day:
                        status = new
                return status

            if item.session.date < start and status_on(start - DAY) not in OPEN:
                continue
            key = status_on(end)
            days = 50 if tracking.co_agencies else 40
            deadline = tracking.deadline or item.session.date + dt.timedelta(days=days)
            overdue += key in OPEN and end > deadline
            requests[key] += 1
            counted = "r:" + key
        for commune in store.communes_of_item(item):
            communes.setdefault(commune.label, Counter())[counted] += 1
    return directives, requests, overdue, communes


def _sheet_counts(sheet, labels: dict[str, str]) -> dict[str, dict[str, int]]:  # type: ignore[no-untyped-def]
    header, *rows = list(sheet.iter_rows(values_only=True))
    result = {}
    for row in rows:
        cells = dict(zip(header, row, strict=True))
        result[row[0]] = {labels[h]: v for h, v in cells.items() if h in labels}
        result[row[0]]["total"] = cells["Tổng số"]
        if "Trong đó quá hạn" in cells:
            result[row[0]]["overdue"] = cells["Trong đó quá hạn"]
    return result


def _markdown_table(text: str, caption: str) -> list[list[str]]:
    lines = text.split(f"**{caption}**\n\n", 1)[1].split("\n\n", 1)[0].splitlines()
    return [[cell.strip() for cell in line.strip("|").split(" | ")] for line in lines if not line.startswith("|---")]


@pytest.mark.parametrize(("start", "end"), PERIODS, ids=lambda day: day.isoformat())
def test_counts_match_an_independent_count_in_xlsx_and_markdown(synthetic: Path, start: dt.date, end: dt.date) -> None:
    with Store.open(synthetic, read_only=True) as store:
        directives, requests, overdue, communes = expected(store, start, end)
        report = gather(store, Period(start, end), Filters(), dt.date(2026, 12, 1))
    book = openpyxl.load_workbook(io.BytesIO(render("xlsx", report)))
    totals = _sheet_counts(book["Tổng hợp chỉ đạo"], AXIS_OF_LABEL)["Tổng cộng"]
    assert totals == {**{key: directives[key] for key in AXIS_OF_LABEL.values()}, "total": directives.total()}
    asked = _sheet_counts(book["Tổng hợp kiến nghị"], STATUS_OF_LABEL)["Tổng cộng"]
    assert asked == {**{key: requests[key] for key in STATUS_OF_LABEL.values()}, "total": requests.total(), "overdue": overdue}
    for sheet, labels, prefix in (("Chỉ đạo theo xã", AXIS_OF_LABEL, "d:"), ("Kiến nghị theo xã", STATUS_OF_LABEL, "r:")):
        shown = _sheet_counts(book[sheet], labels)
        mine = {
            f"{label} (Thanh Hóa)": {k[2:]: v for k, v in counts.items() if k.startswith(prefix)}
            for label, counts in communes.items()
        }
        mine = {label: counts for label, counts in mine.items() if counts}
        assert {label: {k: v for k, v in c.items() if v and k in labels.values()} for label, c in shown.items()} == mine
    markdown = render("md", report).decode("utf-8")
    header, total_row = _markdown_table(markdown, "Tình hình thực hiện nhiệm vụ chỉ đạo")
    assert {AXIS_OF_LABEL[h]: int(v) for h, v in zip(header, total_row, strict=True) if h in AXIS_OF_LABEL} == {
        key: directives[key] for key in AXIS_OF_LABEL.values()
    }
    header, total_row = _markdown_table(markdown, "Tình hình giải quyết kiến nghị")
    assert {STATUS_OF_LABEL[h]: int(v) for h, v in zip(header, total_row, strict=True) if h in STATUS_OF_LABEL} == {
        key: requests[key] for key in STATUS_OF_LABEL.values()
    }


def test_the_first_quarter_counts_every_state_once(synthetic: Path) -> None:
    """The independent count itself, checked against the cases as written in period_stores."""
    with Store.open(synthetic, read_only=True) as store:
        directives, requests, overdue, _communes = expected(store, FROM, TO)
    assert directives == Counter(
        done_on_time=2, done_late=1, in_progress_on_time=2, in_progress_overdue=2, no_deadline_done=1, no_deadline_in_progress=1
    )
    assert requests == Counter(new=2, in_progress=3, answered=1, unresolvable=1)
    assert overdue == 3


def _states(synthetic: Path, start: dt.date, end: dt.date) -> dict[str, str]:
    with Store.open(synthetic, read_only=True) as store:
        report = gather(store, Period(start, end), Filters(), end)
    found = {_tag(d.text): d.state.value for d in report.directives}
    found.update({_tag(r.text): r.status.value for r in report.requests})
    return found


def test_the_edges_of_the_period(synthetic: Path) -> None:
    q1 = _states(synthetic, FROM, TO)
    assert q1["d-no-deadline-done-on-to"] == "no_deadline_done", "done on --to counts as done"
    assert q1["d-due-on-to-done-after"] == "in_progress_on_time", "done the day after --to: still in progress, due on --to"
    assert q1["d-late-by-to-done-after"] == "in_progress_overdue"
    assert q1["r-unresolvable-on-to"] == "unresolvable", "a status change on --to counts"
    assert q1["r-resolved-after"] == "in_progress", "the change of the day after does not"
    assert q1["r-b-reopened"] == "in_progress", "answered, then back in progress"
    assert {"d-done-before", "r-answered-before", "d-b-deleted", "d-c-later", "r-c-later"}.isdisjoint(q1)
    later = _states(synthetic, FROM, TO + DAY)
    assert later["d-due-on-to-done-after"] == "done_late", "done the day after its deadline"
    assert later["d-late-by-to-done-after"] == "done_late"
    assert later["r-resolved-after"] == "resolved"
    march = _states(synthetic, dt.date(2026, 3, 1), dt.date(2026, 3, 5))
    assert march["r-b-reopened"] == "answered", "answered on 01/03, the first day: in the period"
    assert "r-b-reopened" not in _states(synthetic, dt.date(2026, 3, 2), dt.date(2026, 3, 5)), "answered before the period"


def test_overdue_list_changes_and_links(synthetic: Path) -> None:
    with Store.open(synthetic, read_only=True) as store:
        report = gather(store, Period(FROM, TO), Filters(), TO)
    assert [(_tag(x.text), x.late_days) for x in report.overdue()] == [
        ("r-resolved-after", 91),  # due 30/12/2025 (40 days after 20/11/2025)
        ("d-overdue", 31),
        ("r-overdue", 30),
        ("r-b-reopened", 9),  # due 22/03/2026
        ("d-late-by-to-done-after", 1),
    ]
    assert [_tag(d.text) for d in report.completed()] == ["d-on-time", "d-late", "d-b-on-time", "d-no-deadline-done-on-to"]
    assert [(_tag(r.text), r.closed.new.value) for r in report.closed() if r.closed] == [
        ("r-answered-in", "answered"),
        ("r-b-reopened", "answered"),
        ("r-unresolvable-on-to", "unresolvable"),
    ]
    assert [_tag(x.text) for x in report.newly_overdue()] == [
        "d-late",
        "d-overdue",
        "r-overdue",
        "r-b-reopened",
        "d-late-by-to-done-after",
    ]
    [linked] = [r for r in report.requests if r.answers]
    assert _tag(linked.text) == "r-b-new" and [(_tag(a.text), a.state.value) for a in linked.answers] == [
        ("d-b-on-time", "done_on_time")
    ]


def test_filters_by_commune_and_owner(synthetic: Path) -> None:
    with Store.open(synthetic, read_only=True) as store:
        kim_tan = store.registry.parse_commune(store.find_province("thanh hoa"), "kim tan")  # type: ignore[arg-type]
        only_kim_tan = gather(store, Period(FROM, TO), Filters(commune=kim_tan), TO)
        finance = gather(store, Period(FROM, TO), Filters(owner="so tai chinh"), TO)
    assert {_tag(line.text) for line in (*only_kim_tan.directives, *only_kim_tan.requests)} == {
        "d-b-on-time",
        "r-b-new",
        "r-b-reopened",
    }
    assert {line.owner for line in (*finance.directives, *finance.requests)} == {"Sở Tài chính"}
    assert file_name(finance.period, finance.filters, "xlsx") == "bao-cao-2026-q1-ca-nuoc-so-tai-chinh.xlsx"


def test_periods_and_their_names() -> None:
    assert quarter_of(dt.date(2026, 11, 30)) == Period(dt.date(2026, 10, 1), dt.date(2026, 12, 31))
    assert Period(FROM, TO).file_part() == "2026-q1"
    assert Period(FROM, dt.date(2026, 12, 31)).file_part() == "2026"
    assert Period(dt.date(2026, 2, 1), dt.date(2026, 2, 28)).file_part() == "2026-02"
    assert Period(dt.date(2026, 2, 3), dt.date(2026, 2, 28)).file_part() == "2026-02-03-2026-02-28"
    assert Period(FROM, TO).words() == "quý I/2026 (từ ngày 01/01/2026 đến ngày 31/03/2026)"
    with pytest.raises(StoreError):
        Period(TO, FROM)
    with pytest.raises(StoreError):
        Period(dt.date(1999, 12, 31), TO)


def test_the_docx_has_the_header_sections_and_tables(synthetic: Path) -> None:
    import docx

    with Store.open(synthetic, read_only=True) as store:
        report = gather(store, Period(FROM, TO), Filters(province=store.find_province("thanh hoa")), dt.date(2026, 4, 2))
    document = docx.Document(io.BytesIO(render("docx", report)))
    letterhead = document.tables[0]
    header = " ".join(cell.text for cell in letterhead.rows[0].cells).replace("\u00a0", " ")
    assert "TỈNH THANH HÓA" in header and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in header
    assert "Độc lập - Tự do - Hạnh phúc" in header and "Thanh Hóa, ngày 02 tháng 04 năm 2026" in header
    paragraphs = [p.text for p in document.paragraphs]
    assert "BÁO CÁO TÌNH HÌNH GIẢI QUYẾT KIẾN NGHỊ VÀ THỰC HIỆN CHỈ ĐẠO" in paragraphs
    assert "Quý I/2026 (từ ngày 01/01/2026 đến ngày 31/03/2026)" in paragraphs
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert [h.split(".")[0] for h in headings] == ["I", "II", "III", "IV", "V", "VI"]
    assert headings[0] == "I. TỔNG HỢP CHUNG"
    directives = document.tables[1]
    assert [c.text for c in directives.rows[0].cells][1:3] == ["Tổng số", "Hoàn thành – đúng hạn"]
    assert [c.text for c in directives.rows[1].cells][:3] == ["Tổng cộng", "9", "2"]
    assert len(document.tables) == 1 + 11, "the letterhead and every table (none is empty in this quarter)"
