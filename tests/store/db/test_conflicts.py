"""Two officers change one item: the later save sees the earlier one instead of overwriting it."""

from __future__ import annotations

from pathlib import Path

import pytest

from haicap.store import EditConflict, Kind, Store
from haicap.store.ingest.reports import FORMAT, SessionReport, parse_report

REQUEST = "cdb5ed9f-16"


@pytest.fixture
def two_officers(seeded_store_path: Path):
    """Two haicap processes' views of one store (two Store objects on one folder)."""
    with Store.open(seeded_store_path) as lan, Store.open(seeded_store_path) as minh:
        yield lan, minh


def test_a_save_based_on_an_older_revision_is_refused_and_shows_the_other_change(two_officers) -> None:
    lan, minh = two_officers
    seen_by_lan = lan.item(REQUEST)  # lan opens the edit dialog
    minh.update_tracking(REQUEST, owner="Sở Tài chính", note="minh đã gọi điện", who="minh")
    with pytest.raises(EditConflict) as caught:
        lan.update_tracking(REQUEST, owner="Sở Xây dựng", who="lan", expected_revision=seen_by_lan.revision)
    conflict = caught.value
    assert "minh" in str(conflict) and "chưa được lưu" in str(conflict)
    assert conflict.item.tracking.owner == "Sở Tài chính", "the item as it is now"
    assert {(c.who, c.field, c.new) for c in conflict.changes} == {
        ("minh", "owner", "Sở Tài chính"),
        ("minh", "note", "minh đã gọi điện"),
    }
    assert lan.item(REQUEST).tracking.owner == "Sở Tài chính", "lan's store re-read the file; nothing overwritten"
    assert [e.who for e in lan.history(REQUEST)] == ["minh", "minh"]


def test_saving_again_from_the_current_revision_goes_through(two_officers) -> None:
    lan, minh = two_officers
    seen = lan.item(REQUEST).revision
    minh.set_status(REQUEST, "in_progress", who="minh")
    with pytest.raises(EditConflict) as caught:
        lan.set_status(REQUEST, "answered", who="lan", expected_revision=seen)
    saved = lan.set_status(REQUEST, "answered", who="lan", expected_revision=caught.value.item.revision)
    assert saved.tracking.status is not None and saved.tracking.status.value == "answered"
    assert saved.revision == seen + 2


def test_without_an_expected_revision_the_last_save_wins(two_officers) -> None:
    lan, minh = two_officers
    minh.update_tracking(REQUEST, note="một", who="minh")
    assert lan.update_tracking(REQUEST, note="hai", who="lan").tracking.note == "hai"


@pytest.mark.parametrize(
    "change",
    [
        lambda store, rev: store.edit_text(REQUEST, "Văn bản mới", expected_revision=rev),
        lambda store, rev: store.change_kind(REQUEST, Kind.DIRECTIVE, expected_revision=rev),
        lambda store, rev: store.delete_item(REQUEST, expected_revision=rev),
        lambda store, rev: store.edit_item(REQUEST, text="Văn bản mới", note="n", expected_revision=rev),
    ],
    ids=["edit_text", "change_kind", "delete_item", "edit_item"],
)
def test_every_change_checks_the_revision(two_officers, change) -> None:
    lan, minh = two_officers
    seen = lan.item(REQUEST).revision
    minh.update_tracking(REQUEST, note="trước", who="minh")
    before = (minh.location / "haicap.json").read_bytes()
    with pytest.raises(EditConflict):
        change(lan, seen)
    assert (minh.location / "haicap.json").read_bytes() == before


def test_one_edit_of_text_and_fields_is_saved_under_one_lock(two_officers) -> None:
    lan, _ = two_officers
    item = lan.item(REQUEST)
    saved = lan.edit_item(REQUEST, text="Đề nghị hỗ trợ kinh phí", owner="Sở Tài chính", expected_revision=item.revision)
    assert saved.text == "Đề nghị hỗ trợ kinh phí" and saved.tracking.owner == "Sở Tài chính"
    assert {e.field for e in lan.history(REQUEST)} == {"owner", "text"}


def test_the_last_change_is_the_last_written_even_within_one_second(two_officers, set_now) -> None:
    lan, minh = two_officers
    set_now("2025-12-15T02:30:00+00:00")  # both in the same second
    lan.update_tracking(REQUEST, note="trước", who="lan")
    minh.update_tracking("cdb5ed9f-17", note="sau", who="minh")
    lan.refresh()
    assert lan.last_change().who == "minh"


def test_sessions_and_items_two_officers_add_in_turn_are_all_kept(two_officers) -> None:
    """TinyDB counts each table's next document id in memory; after another process has
    added rows, an insert counted from the old number would overwrite them."""
    lan, minh = two_officers
    session = lan.latest_session()
    code = session.commune_codes[0]
    added = [
        lan.add_item(session.id, (code,), Kind.REQUEST, "Đề nghị một.", who="lan"),
        minh.add_item(session.id, (code,), Kind.REQUEST, "Đề nghị hai.", who="minh"),
        lan.add_item(session.id, (code,), Kind.REQUEST, "Đề nghị ba.", who="lan"),
    ]
    reports = [_report(store, day) for store, day in ((lan, "2025-12-02"), (minh, "2025-12-03"), (lan, "2025-12-04"))]
    sessions = [lan.add_report(reports[0]), minh.add_report(reports[1]), lan.add_report(reports[2])]
    with Store.open(lan.location) as fresh:
        assert [fresh.item(i.id).text for i in added] == ["Đề nghị một.", "Đề nghị hai.", "Đề nghị ba."]
        assert {s.id for s in sessions if s} <= {s.id for s in fresh.sessions()} and len(fresh.sessions()) == 4
        assert len({i.id for i in fresh.items()}) == len(fresh.items()) == 38 + 3 + 3


def _report(store: Store, day: str) -> SessionReport:
    document = {
        "format": FORMAT,
        "session": {"date": day, "province": "Thanh Hóa", "leader": {"name": "Phạm Văn Thử", "title": "Chủ tịch"}, "title": day},
        "communes": ["xã Kim Tân"],
        "items": [{"kind": "directive", "text": f"Chỉ đạo ngày {day}."}],
    }
    return parse_report(document, store.registry, f"{day}.yaml")
