"""The national summary (schema 3): each province's row is what its file holds after every
edit, the overview reads it without opening a province file, and a stale row (a writer
killed between the two files, a file edited by hand) is computed again, never trusted."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import signal
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import province_stores
import pytest
import store_files
from province_stores import PROVINCES, TODAY, computed_summary, recount, recount_of_row, stored_summary

from haicap.store import Kind, Store
from haicap.store.db.province_files import ProvinceFiles
from haicap.store.domain.followup import DeadlineRules, request_deadline
from haicap.store.domain.tracking import RequestStatus


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return province_stores.build(tmp_path / "s")


def _assert_summary_is_the_files(folder: Path, after: str) -> None:
    stored, fresh = stored_summary(folder), computed_summary(folder)
    assert sorted(stored) == sorted(fresh), after
    for code in fresh:
        assert stored[code] == fresh[code], f"province {code}'s summary row after {after}"
        assert recount_of_row(stored[code]) == recount(folder, code), f"province {code}'s raw counts after {after}"


def _pick(store: Store, code: str, kind: Kind, number: int = 0) -> str:
    return store.items(province_code=code, kinds=(kind,))[number].id


def _edits(store: Store, code: str) -> list[tuple[str, Callable[[], object]]]:
    """Every kind of edit, in an order where each applies, of items of province `code`."""
    request, other_request = _pick(store, code, Kind.REQUEST), _pick(store, code, Kind.REQUEST, 1)
    directive = _pick(store, code, Kind.DIRECTIVE)
    note = next(i.id for i in store.items(province_code=code) if i.kind not in (Kind.REQUEST, Kind.DIRECTIVE))
    session = store.item(request).session
    session_date = session.date
    return [
        ("set_status answered", lambda: store.set_status(request, RequestStatus.ANSWERED)),
        ("set_status in progress", lambda: store.set_status(request, "in_progress")),
        ("request deadline", lambda: store.update_tracking(request, deadline=session_date + dt.timedelta(days=3))),
        ("co-agencies", lambda: store.update_tracking(other_request, co_agencies=("Sở Tài chính",))),
        ("directive deadline", lambda: store.update_tracking(directive, deadline=session_date + dt.timedelta(days=5))),
        ("directive done late", lambda: store.update_tracking(directive, done=session_date + dt.timedelta(days=9))),
        ("directive open again", lambda: store.set_status(directive, "in_progress")),
        ("directive done on time", lambda: store.set_status(directive, "done", today=session_date)),
        ("delete", lambda: store.delete_item(request)),
        ("restore", lambda: store.restore_item(request)),
        ("change kind to directive", lambda: store.change_kind(request, Kind.DIRECTIVE)),
        ("change kind to request", lambda: store.change_kind(note, Kind.REQUEST)),
        ("edit text and deadline", lambda: store.edit_item(note, text="Đề nghị sửa lại.", deadline=session_date)),
        ("note", lambda: store.update_tracking(other_request, note="ghi chú")),
        (
            "add item",
            lambda: store.add_item(session.id, session.commune_codes[:1], Kind.REQUEST, "Đề nghị thêm tay."),
        ),
        ("delete again", lambda: store.delete_item(other_request)),
    ]


def test_every_kind_of_edit_leaves_each_summary_row_equal_to_its_file(folder: Path) -> None:
    _assert_summary_is_the_files(folder, "the imports")
    with Store.open(folder) as store:
        for code in PROVINCES:
            for name, edit in _edits(store, code):
                edit()
                _assert_summary_is_the_files(folder, f"{name} in province {code}")
        store.set_deadline_rules(DeadlineRules(answer_days=10, answer_days_with_co=20))
        _assert_summary_is_the_files(folder, "a change of the answer deadlines")
        assert all(row["rules"] == [10, 20] for row in stored_summary(folder).values())


def test_the_counts_are_those_of_the_items(folder: Path) -> None:
    with Store.open(folder) as store:
        # A few edits first, so the counts are those of edited rows, not only of imports.
        for code in PROVINCES:
            store.delete_item(_pick(store, code, Kind.REQUEST))
            store.set_status(_pick(store, code, Kind.REQUEST), "resolved")
            store.change_kind(_pick(store, code, Kind.DIRECTIVE), Kind.ACHIEVEMENT)
    with Store.open(folder) as store:
        rules = store.deadline_rules
        for day in (TODAY - dt.timedelta(days=400), TODAY, TODAY + dt.timedelta(days=400)):
            total_overdue = 0
            for code in PROVINCES:
                province = store.find_province(code)
                assert province is not None
                counts = store.province_counts(province)
                items = store.items(province_code=code)
                assert counts.kinds == Counter(i.kind.value for i in items)
                assert counts.items == len(items)
                sessions = [s for s in store.sessions() if s.province.code == code]
                assert counts.sessions == len(sessions)
                assert counts.last_session == max(s.date for s in sessions).isoformat()
                late = [
                    i
                    for i in items
                    if i.kind is Kind.REQUEST
                    and (i.tracking.status or RequestStatus.NEW).is_open
                    and request_deadline(i, rules) < day
                ]
                assert counts.overdue(Kind.REQUEST, day) == len(late)
                total_overdue += len(late)
                late_directives = [
                    i
                    for i in items
                    if i.kind is Kind.DIRECTIVE and i.tracking.done is None and i.tracking.deadline and i.tracking.deadline < day
                ]
                assert counts.overdue(Kind.DIRECTIVE, day) == len(late_directives)
                for summary in store.commune_summaries(province):
                    commune = summary.commune
                    of_commune = store.items(commune_codes=(commune.code,))
                    assert summary.item_count == len(of_commune) == store.commune_counts(commune).items
                    assert summary.session_count == sum(commune.code in s.commune_codes for s in sessions)
            assert store.totals().overdue(Kind.REQUEST, day) == total_overdue
        assert store.totals().items == len(store.items())
        assert store.totals().sessions == store.session_count() == len(store.sessions())


def test_the_national_overview_opens_no_province_file(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store.open(folder) as loaded:
        expected = {code: loaded.province_counts(loaded.find_province(code)) for code in PROVINCES}  # type: ignore[arg-type]
        expected_communes = {
            code: loaded.commune_summaries(loaded.find_province(code))  # type: ignore[arg-type]
            for code in PROVINCES
        }
        expected_last = loaded.last_change()

    def refused(self: ProvinceFiles, code: str) -> None:
        raise AssertionError(f"province {code}'s file was opened")

    monkeypatch.setattr(ProvinceFiles, "file", refused)
    with Store.open(folder) as store:
        by_province = store.session_counts_by_province()
        assert by_province == Counter({code: expected[code].sessions for code in PROVINCES})
        assert store.session_count() == sum(by_province.values())
        for province in store.provinces():
            summaries = store.commune_summaries(province)
            if province.code in PROVINCES:
                assert summaries == expected_communes[province.code]
                assert store.province_counts(province) == expected[province.code]
            else:
                assert all(s.item_count == s.session_count == 0 for s in summaries)
                assert store.province_counts(province).items == 0
        assert store.totals().items == sum(c.items for c in expected.values())
        assert store.last_change() == expected_last
        store.default_province()
        assert not any(store.is_loaded(p) for p in store.provinces())
        assert store._content.provinces.opened() == {}


# -- stale rows ----------------------------------------------------------------------


def _delete_by_hand(folder: Path, code: str) -> str:
    """Mark a live request of province `code` deleted straight in its file (a person with an
    editor, or a writer killed before the summary); returns its id."""
    path = store_files.province_path(folder, code)
    data = province_stores.read_json(path)
    row = next(r for r in data["items"].values() if r["kind"] == "request" and not r.get("deleted"))
    row["deleted"] = True
    path.write_text(__import__("json").dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(row["id"])


def _live_requests(store: Store, code: str) -> int:
    province = store.find_province(code)
    assert province is not None
    return store.province_counts(province).kinds["request"]


@pytest.mark.parametrize("read_only", [True, False])
def test_a_province_file_edited_by_hand_is_counted_from_the_file_and_opening_writes_nothing(
    folder: Path, read_only: bool
) -> None:
    with Store.open(folder) as store:
        requests = _live_requests(store, "01")
        other = _live_requests(store, "38")
    _delete_by_hand(folder, "01")
    before = store_files.snapshot(folder)
    with Store.open(folder, read_only=read_only) as store:
        assert _live_requests(store, "01") == requests - 1, "counted from the file, not the stale row"
        assert _live_requests(store, "38") == other
        assert len(store.items(province_code="01", kinds=(Kind.REQUEST,))) == requests - 1
    assert store_files.snapshot(folder) == before, "opening a store to read it writes nothing"
    with Store.open(folder) as store:
        store.update_tracking(_pick(store, "01", Kind.REQUEST), note="sửa sau")
        assert _live_requests(store, "01") == requests - 1
    _assert_summary_is_the_files(folder, "the first edit after a hand edit")


def _killed_before_the_summary(folder: str, item_id: str) -> None:
    """A writer that dies (SIGKILL) once the province's file is written, before the national summary."""
    from haicap.store.db.content import StoreContent

    def die(self: StoreContent, code: str) -> None:
        os.kill(os.getpid(), signal.SIGKILL)

    StoreContent.publish = die  # type: ignore[method-assign]
    with Store.open(Path(folder)) as store:
        store.delete_item(item_id)


def test_a_writer_killed_between_the_province_file_and_the_summary(folder: Path) -> None:
    with Store.open(folder) as store:
        victim = _pick(store, "04", Kind.REQUEST)
        requests = _live_requests(store, "04")
    national = (folder / "haicap.json").read_bytes()
    province = store_files.province_path(folder, "04").read_bytes()
    writer = multiprocessing.get_context("spawn").Process(target=_killed_before_the_summary, args=(str(folder), victim))
    writer.start()
    writer.join(60)
    assert writer.exitcode == -signal.SIGKILL
    assert (folder / "haicap.json").read_bytes() == national, "killed before the summary was written"
    assert store_files.province_path(folder, "04").read_bytes() != province, "the province's file was written"
    before = store_files.snapshot(folder)
    with Store.open(folder, read_only=True) as viewer, Store.open(folder) as store:
        for opened in (viewer, store):
            assert _live_requests(opened, "04") == requests - 1
            assert opened.item(victim).deleted  # type: ignore[union-attr]
        assert store_files.snapshot(folder) == before
        store.restore_item(victim)  # within the deadline: the lock the killed writer held is free
        assert _live_requests(store, "04") == requests
        _assert_summary_is_the_files(folder, "the edit after the kill")
        viewer.refresh()
        assert _live_requests(viewer, "04") == requests, "a viewer that opened on the stale row sees the new one"


def test_a_viewer_that_computed_a_stale_row_follows_later_edits(folder: Path) -> None:
    with Store.open(folder) as store:
        requests = _live_requests(store, "38")
    _delete_by_hand(folder, "38")
    with Store.open(folder, read_only=True) as viewer, Store.open(folder) as officer:
        assert _live_requests(viewer, "38") == requests - 1
        officer.delete_item(_pick(officer, "38", Kind.REQUEST))
        assert viewer.changed_on_disk()
        viewer.refresh()
        assert _live_requests(viewer, "38") == requests - 2, "the viewer's own computation must give way to the new row"


def test_a_summary_row_damaged_by_hand_is_computed_again(folder: Path) -> None:
    """A row edited by hand (wrong figures, no file state) is not the file's: computed again."""
    with Store.open(folder) as store:
        requests = _live_requests(store, "01")

    def damage(tables: dict) -> None:
        for row in tables["summary"].values():
            if row["province"] == "01":
                row["totals"]["kinds"]["request"] = 999
                row["file_state"] = None

    store_files.edit(folder, damage, "01")
    with Store.open(folder, read_only=True) as viewer:
        assert _live_requests(viewer, "01") == requests


def test_another_process_reads_the_totals_without_loading_a_province(folder: Path) -> None:
    """As an officer's command would: a fresh interpreter opens the store and reads its totals."""
    code = (
        "import sys; from pathlib import Path; from haicap.store import Store\n"
        "with Store.open(Path(sys.argv[1]), read_only=True) as s:\n"
        "    s.totals(); assert not s._content.indexes.loaded; print(s.session_count())\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(folder)], capture_output=True, text=True, timeout=60, check=True)
    assert int(done.stdout) == sum(stored_summary(folder)[c]["totals"]["sessions"] for c in PROVINCES)


def test_a_viewer_follows_the_counts_of_a_province_it_never_loaded(folder: Path) -> None:
    with Store.open(folder, read_only=True) as viewer, Store.open(folder) as officer:
        requests = _live_requests(viewer, "04")
        officer.delete_item(_pick(officer, "04", Kind.REQUEST))
        assert viewer.changed_on_disk()
        viewer.refresh()
        assert _live_requests(viewer, "04") == requests - 1
        assert not viewer._content.indexes.loaded


def test_restoring_a_province_backup_writes_its_row_again(folder: Path) -> None:
    with Store.open(folder) as store:
        requests = _live_requests(store, "38")
        store.delete_item(_pick(store, "38", Kind.REQUEST))
        store.delete_item(_pick(store, "38", Kind.REQUEST))
        store.delete_item(_pick(store, "01", Kind.REQUEST))
        assert _live_requests(store, "38") == requests - 2
        [before_both] = [b for b in store.backups() if b.province == "38" and b.action == "delete-item"][-1:]
        store.restore(before_both)
        assert _live_requests(store, "38") == requests
        _assert_summary_is_the_files(folder, "a restore of a province's backup")


def test_an_edit_after_another_process_changed_the_deadlines_counts_with_the_new_ones(folder: Path) -> None:
    with Store.open(folder) as officer, Store.open(folder) as admin:
        officer.items(province_code="38")  # loaded, with the national file as it was
        admin.set_deadline_rules(DeadlineRules(answer_days=7, answer_days_with_co=9))
        _assert_summary_is_the_files(folder, "the change of deadlines")
        officer.set_status(_pick(officer, "38", Kind.REQUEST), "answered")
        _assert_summary_is_the_files(folder, "an edit by a process that read the old deadlines")
        assert {tuple(row["rules"]) for row in stored_summary(folder).values()} == {(7, 9)}


def test_in_memory_the_summary_follows_the_edits_too() -> None:
    with Store.in_memory() as store:
        province_stores.fill(store)

        def check(after: str) -> None:
            content = store._content
            for code in PROVINCES:
                assert content.summary_rows()[code] == content.compute(code), after

        check("the imports")
        for code in PROVINCES:
            for name, edit in _edits(store, code):
                edit()
                check(f"{name} in {code}")


def test_a_national_file_that_cannot_be_written_keeps_the_edit_and_its_counts(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The province's file holds the edit when the national file's write fails (a full disk,
    its lock held too long): the error names the national file, and the counts are right at
    once and after reopening."""
    from haicap.store import StoreError
    from haicap.store.db.content import StoreContent

    with Store.open(folder) as store:
        victim = _pick(store, "04", Kind.REQUEST)
        requests = _live_requests(store, "04")
        national = (folder / "haicap.json").read_bytes()

        def refuse(self: StoreContent, code: str) -> None:
            raise StoreError("haicap.json: disk full; nothing was written")

        monkeypatch.setattr(StoreContent, "publish", refuse)
        with pytest.raises(StoreError, match=r"haicap\.json"):
            store.delete_item(victim)
        monkeypatch.undo()
        assert (folder / "haicap.json").read_bytes() == national
        assert store.item(victim).deleted  # type: ignore[union-attr]
        assert _live_requests(store, "04") == requests - 1
    with Store.open(folder) as again:
        assert _live_requests(again, "04") == requests - 1, "the stale row is computed again from the file"
        again.restore_item(victim)
        _assert_summary_is_the_files(folder, "the edit after the failed summary")
