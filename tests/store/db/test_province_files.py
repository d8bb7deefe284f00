"""One file per province (schema 3): a question about a province reads that province's file
only, a pass over the country holds one province at a time, and officers of different
provinces never wait on each other's locks."""

from __future__ import annotations

import multiprocessing
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import province_stores
import pytest
import store_files
from province_stores import PROVINCES

from haicap.store import Kind, Store, StoreError
from haicap.store.db.layout import province_file


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return province_stores.build(tmp_path_factory.mktemp("provinces") / "s")


def _loaded(store: Store) -> set[str]:
    return set(store._content.indexes.loaded)


def _opened(store: Store) -> set[str]:
    return set(store._content.provinces.opened())


def test_each_province_has_its_own_file_and_the_national_file_holds_none_of_them(built: Path) -> None:
    assert [p.name for p in store_files.province_files(built)] == sorted(province_file(c) for c in PROVINCES)
    national = province_stores.read_json(built / "haicap.json")
    assert not any(national.get(table) for table in ("sessions", "items", "history"))
    for code in PROVINCES:
        rows = province_stores.read_json(store_files.province_path(built, code))
        assert rows["meta"]["1"]["province"] == code
        assert rows["sessions"] and all(s["province"] == code for s in rows["sessions"].values())
        sessions = {s["id"] for s in rows["sessions"].values()}
        assert all(i["session"] in sessions for i in rows["items"].values())


def test_items_of_a_province_load_that_province_only(built: Path) -> None:
    with Store.open(built, read_only=True) as store:
        assert _loaded(store) == set()
        items = store.items(province_code="01")
        assert items and all(i.session.province.code == "01" for i in items)
        assert _loaded(store) == _opened(store) == {"01"}
        commune = store.commune(items[0].commune_codes[0])
        assert commune is not None
        store.items(commune_codes=(commune.code,))
        store.commune_view(commune)
        assert _loaded(store) == {"01"}


@pytest.mark.parametrize("code", sorted(PROVINCES))
def test_an_item_or_session_by_id_or_prefix_loads_its_province_only(built: Path, code: str) -> None:
    every = province_stores.items_by_id(built)
    wanted = min(i for i in every if every[i]["session"] in _sessions_of(built, code))
    session = wanted.split("-")[0]
    assert sum(s.startswith(session[:6]) for s in {r["session"] for r in every.values()}) == 1
    for ask in (
        lambda s: s.item(wanted),
        lambda s: _refused(s.find_item, session[:6]),  # ambiguous: every item of the session
        lambda s: s.find_item(wanted),
        lambda s: s.session(session),
        lambda s: s.find_session(session[:6]),
        lambda s: s.history(wanted) or s.item(wanted),
    ):
        with Store.open(built, read_only=True) as store:
            found = ask(store)
            assert found is not None
            assert _loaded(store) == {code}
            assert _opened(store) == {code}


def _refused(ask: Callable[[str], object], text: str) -> bool:
    with pytest.raises(StoreError):
        ask(text)
    return True


def _sessions_of(folder: Path, code: str) -> set[str]:
    return {s["id"] for s in province_stores.read_json(store_files.province_path(folder, code))["sessions"].values()}


def test_an_unknown_item_loads_nothing(built: Path) -> None:
    with Store.open(built, read_only=True) as store:
        assert store.item("ffffffff-01") is None
        assert store.session("ffffffff") is None
        assert _loaded(store) == _opened(store) == set()


def test_a_pass_over_the_country_holds_one_province_at_a_time_and_leaves_none_behind(built: Path) -> None:
    with Store.open(built, read_only=True) as store:
        store.items(province_code="38")
        before = _loaded(store)
        seen = []
        for code, items in store.each_province(kinds=(Kind.REQUEST,)):
            seen.append(code)
            assert items and all(i.kind is Kind.REQUEST and i.session.province.code == code for i in items)
            assert len(_loaded(store) - before) <= 1, "one province at a time"
        assert seen == sorted(PROVINCES)
        assert _loaded(store) == before and _opened(store) == before
        word = store.items(province_code="38")[0].text.split()[0]
        found = store.search_items(word)
        assert found and {i.session.province.code for i in found} <= set(PROVINCES)
        assert _loaded(store) == before and _opened(store) == before
        assert len(store.items(province_code="38")) == len(store.items(province_code="38")), "what was loaded stays usable"


def test_an_edit_writes_its_province_file_and_the_summary_only(built: Path, tmp_path: Path) -> None:
    folder = tmp_path / "s"
    shutil.copytree(built, folder)
    before = store_files.snapshot(folder)
    with Store.open(folder, read_only=True) as viewer:
        backups = {b.path for b in viewer.backups()}
    with Store.open(folder) as store:
        store.update_tracking(store.items(province_code="04", kinds=(Kind.REQUEST,))[0].id, note="một")
        assert _loaded(store) == {"04"}
    after = store_files.snapshot(folder)
    changed = {name for name in before if before[name] != after[name]}
    assert changed == {"haicap.json", province_file("04")}
    with Store.open(folder, read_only=True) as viewer:
        new = [b for b in viewer.backups() if b.path not in backups]
    assert [b.province for b in new] == ["04"], "one backup, of the province's file (the summary is derived data)"


# -- locks ---------------------------------------------------------------------------


def _hold_province(folder: str, code: str, ready: str, seconds: float) -> None:
    """An officer's process in the middle of a long change of province `code`."""
    with Store.open(Path(folder)) as store, store._content.change(code, "hold"):
        Path(ready).touch()
        time.sleep(seconds)


def _edit_timed(store: Store, code: str, note: str) -> float:
    item = store.items(province_code=code, kinds=(Kind.REQUEST,))[0].id
    start = time.monotonic()
    store.update_tracking(item, note=note)
    return time.monotonic() - start


def test_a_change_of_one_province_does_not_wait_for_another_province(built: Path, tmp_path: Path) -> None:
    folder = tmp_path / "s"
    shutil.copytree(built, folder)
    ready = tmp_path / "ready"
    holder = multiprocessing.get_context("spawn").Process(target=_hold_province, args=(str(folder), "38", str(ready), 3.0))
    holder.start()
    try:
        deadline = time.monotonic() + 30
        while not ready.exists():
            assert time.monotonic() < deadline and holder.is_alive(), "the holder never took its lock"
            time.sleep(0.02)
        held_since = time.monotonic()
        with Store.open(folder) as store:
            assert _edit_timed(store, "01", "không chờ") < 1.5, "province 01 waited for province 38's lock"
            assert _edit_timed(store, "04", "không chờ") < 1.5
            assert time.monotonic() - held_since < 2.5, "the holder still holds its lock (the test proves nothing otherwise)"
            waited = _edit_timed(store, "38", "chờ")
            assert time.monotonic() - held_since >= 2.9, "province 38's edit waited for its lock"
            assert waited > 0.4
            assert store.items(province_code="38", kinds=(Kind.REQUEST,))[0].tracking.note == "chờ"
    finally:
        holder.join(30)
    assert holder.exitcode == 0
    province_stores_summary = province_stores.stored_summary(folder)
    assert province_stores_summary == province_stores.computed_summary(folder)


EDITS = 12


def _officer(folder: str, name: str, item_ids: list[str]) -> None:
    """One officer's process: EDITS changes of kinds that move the counts (status, deletion)."""
    with Store.open(Path(folder)) as store:
        for number in range(EDITS):
            item = item_ids[number % len(item_ids)]
            if number % 3 == 2:
                store.delete_item(item, who=name)
                store.restore_item(item, who=name)
            else:
                store.set_status(item, "answered" if number % 2 else "in_progress", who=name)


def test_officers_of_several_provinces_at_once_lose_no_edit_and_leave_a_true_summary(built: Path, tmp_path: Path) -> None:
    folder = tmp_path / "s"
    shutil.copytree(built, folder)
    with Store.open(folder, read_only=True) as store:
        requests = {code: [i.id for i in store.items(province_code=code, kinds=(Kind.REQUEST,))] for code in PROVINCES}
    plan = [("a", requests["38"][0::2]), ("b", requests["38"][1::2]), ("c", requests["01"]), ("d", requests["04"])]
    spawn = multiprocessing.get_context("spawn")
    officers = [spawn.Process(target=_officer, args=(str(folder), name, ids)) for name, ids in plan]
    for officer in officers:
        officer.start()
    for officer in officers:
        officer.join(120)
        assert officer.exitcode == 0
    assert province_stores.stored_summary(folder) == province_stores.computed_summary(folder)
    with Store.open(folder, read_only=True) as store:
        for name, ids in plan:
            entries = [e for i in ids for e in store.history(i) if e.who == name]
            # each status change writes one entry (or none when it sets the status the item has)
            assert len([e for e in entries if e.field == "deleted"]) == 2 * (EDITS // 3), name
