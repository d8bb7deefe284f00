"""Changing items through the store (`store.db.editing`): each change shows at once in every
view, the same as the store file read afresh shows it; a refused change writes nothing.

Every test runs over a store in memory and a store in a folder (see conftest.py)."""

from __future__ import annotations

import pytest

from haicap.store import EditConflict, Kind, Store, StoreError
from haicap.store.domain.models import Commune, Item

VAN_DU = "15190"


def _van_du(store: Store) -> Commune:
    commune = store.commune(VAN_DU)
    assert commune is not None
    return commune


def _first(store: Store, kind: Kind) -> Item:
    return store.commune_view(_van_du(store)).of_kind(kind)[0]


def _views(store: Store) -> tuple[object, ...]:
    """What the panes, the overview and the search show."""
    session = store.latest_session()
    assert session is not None
    province = session.province
    return (
        store.items(),
        store.items(province_code=province.code),
        [store.commune_view(commune) for commune in store.communes_of_session(session)],
        store.commune_summaries(province),
        store.search_items("xã"),
    )


def test_every_view_shows_a_change_at_once_as_a_fresh_read_of_the_store_does(seeded: Store) -> None:
    request, directive = _first(seeded, Kind.REQUEST), _first(seeded, Kind.DIRECTIVE)
    achievement, difficulty = _first(seeded, Kind.ACHIEVEMENT), _first(seeded, Kind.DIFFICULTY)
    # Changes that leave the item in its panes update the indexes in place...
    seeded.update_tracking(request.id, owner="Sở Tài chính", who="lan")
    seeded.edit_text(directive.id, "Rà soát các tuyến đường xã bị sạt lở.")
    seeded.change_kind(achievement.id, Kind.DIFFICULTY)
    assert seeded.commune_view(_van_du(seeded)).of_kind(Kind.REQUEST)[0].tracking.owner == "Sở Tài chính"
    assert seeded.search_items("tuyến đường xã bị sạt lở") == [seeded.item(directive.id)]
    assert achievement.id in [i.id for i in seeded.commune_view(_van_du(seeded)).of_kind(Kind.DIFFICULTY)]
    shown = _views(seeded)
    seeded.refresh()  # the indexes rebuilt from the rows
    assert _views(seeded) == shown
    # ...one that takes it out of them rebuilds them.
    seeded.delete_item(difficulty.id)
    assert difficulty.id not in [i.id for i in seeded.items()]
    shown = _views(seeded)
    seeded.refresh()
    assert _views(seeded) == shown


def test_a_restored_item_comes_back_in_its_place(seeded: Store) -> None:
    before = seeded.commune_view(_van_du(seeded))
    item = before.of_kind(Kind.REQUEST)[1]
    seeded.delete_item(item.id, who="lan")
    assert item.id not in [i.id for i in seeded.commune_view(_van_du(seeded)).of_kind(Kind.REQUEST)]
    deleted = seeded.item(item.id)
    assert deleted is not None and deleted.deleted
    with pytest.raises(StoreError, match="đã bị xoá; hãy khôi phục trước"):
        seeded.edit_text(item.id, "Văn bản khác.")
    seeded.restore_item(item.id, who="lan")
    after = seeded.commune_view(_van_du(seeded))
    assert [i.id for i in after.of_kind(Kind.REQUEST)] == [i.id for i in before.of_kind(Kind.REQUEST)]
    assert [(e.field, e.old, e.new, e.revision) for e in seeded.history(item.id)] == [
        ("deleted", "no", "yes", 1),
        ("deleted", "yes", "no", 2),
    ]


def test_an_added_item_takes_the_next_number_of_its_session(seeded: Store) -> None:
    session = seeded.latest_session()
    assert session is not None
    count = len(seeded.items())
    added = seeded.add_item(session.id, (VAN_DU,), Kind.REQUEST, "  Đề nghị   hỗ trợ xây cầu treo. ", who="lan")
    assert added.id == f"{session.id}-{count + 1:02d}"
    assert added.text == "Đề nghị hỗ trợ xây cầu treo." and added.added_by_hand and added.revision == 1
    assert added in seeded.commune_view(_van_du(seeded)).of_kind(Kind.REQUEST)
    assert [(e.who, e.field, e.new) for e in seeded.history(added.id)] == [
        ("lan", "created", f"{Kind.REQUEST.title_vi}: {added.text}")
    ]
    second = seeded.add_item(session.id, (VAN_DU,), Kind.DIRECTIVE, "Chỉ đạo thêm.")
    assert second.id == f"{session.id}-{count + 2:02d}"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda store, session: store.add_item("khongco", (VAN_DU,), Kind.REQUEST, "Đề nghị."), "không có phiên làm việc"),
        (lambda store, session: store.add_item(session.id, (VAN_DU,), Kind.REQUEST, "   "), "không được để trống"),
        (
            lambda store, session: store.add_item(session.id, ("01001",), Kind.REQUEST, "Đề nghị."),
            "các xã, phường của phiên làm việc",
        ),
        (lambda store, session: store.add_item(session.id, (), Kind.REQUEST, "Đề nghị."), "các xã, phường của phiên làm việc"),
    ],
)
def test_a_refused_addition_writes_nothing(seeded: Store, change, message: str) -> None:
    session = seeded.latest_session()
    before = _views(seeded)
    with pytest.raises(StoreError, match=message):
        change(seeded, session)
    assert _views(seeded) == before
    assert seeded.last_change() is None


def test_a_save_from_an_older_revision_is_a_conflict_and_writes_nothing(seeded: Store) -> None:
    request = _first(seeded, Kind.REQUEST)
    seeded.update_tracking(request.id, note="đã gọi điện", who="minh")
    with pytest.raises(EditConflict) as caught:
        seeded.edit_item(request.id, text="Văn bản mới.", owner="Sở Xây dựng", who="lan", expected_revision=request.revision)
    assert caught.value.item == seeded.item(request.id)
    assert [(c.who, c.field) for c in caught.value.changes] == [("minh", "note")]
    assert seeded.item(request.id) == caught.value.item and caught.value.item.text == request.text
    assert [e.who for e in seeded.history(request.id)] == ["minh"]


def test_one_edit_of_text_and_fields_saves_both_with_their_history(seeded: Store) -> None:
    request = _first(seeded, Kind.REQUEST)
    saved = seeded.edit_item(request.id, text="Đề nghị sửa đường.", owner="Sở Xây dựng", who="lan", expected_revision=0)
    assert saved.text == "Đề nghị sửa đường." and saved.tracking.owner == "Sở Xây dựng"
    assert saved.revision == 2  # the fields, then the text
    assert {e.field for e in seeded.history(request.id)} == {"owner", "text"}
    assert seeded.last_change() == seeded.history(request.id)[-1]


def test_a_change_that_changes_nothing_is_not_recorded(seeded: Store) -> None:
    request = _first(seeded, Kind.REQUEST)
    again = seeded.edit_text(request.id, request.text)
    assert again == request == seeded.item(request.id)
    assert seeded.history(request.id) == [] and seeded.last_change() is None


def test_responds_to_names_directives_by_id_prefix(seeded: Store) -> None:
    request, directive = _first(seeded, Kind.REQUEST), _first(seeded, Kind.DIRECTIVE)
    saved = seeded.update_tracking(request.id, responds_to=(directive.id,))
    assert saved.tracking.responds_to == (directive.id,)
    with pytest.raises(StoreError, match="không phải là chỉ đạo"):
        seeded.update_tracking(request.id, responds_to=(_first(seeded, Kind.ACHIEVEMENT).id,))
    assert seeded.item(request.id) == saved
