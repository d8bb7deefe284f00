"""The slide model: what a presentation says, and how it is cut into pages for a size."""

from __future__ import annotations

import datetime as dt

import pytest

from haicap.store import Kind, RequestStatus, Store
from haicap.store.views.slides import (
    Deck,
    SlideKind,
    deck_of_commune,
    deck_of_session,
    find_again,
    first_slide_of,
)

TODAY = dt.date(2025, 12, 15)


@pytest.fixture
def store() -> Store:
    seeded = Store.in_memory()
    seeded.ensure_seeded()
    return seeded


def seed_deck(store: Store, today: dt.date = TODAY) -> Deck:
    return deck_of_session(store, store.latest_session(), today)


def commune(store: Store, name: str):
    return next(c for c in store.communes_of_session(store.latest_session()) if c.name == name)


def one_row(entry) -> int:
    return 1


# -- what the deck says -----------------------------------------------------------------


def test_the_title_gives_leader_date_communes_and_counts_per_kind(store: Store) -> None:
    title = seed_deck(store).title
    assert "Trịnh Tuấn Sinh" in title.lines[0] and "Phó Bí thư Tỉnh ủy" in title.lines[0]
    assert "25/11/2025 · Tỉnh Thanh Hóa" in title.lines
    assert "xã Ngọc Trạo · xã Vân Du · xã Kim Tân" in title.lines
    assert dict(title.counts) == {Kind.ACHIEVEMENT: 8, Kind.DIFFICULTY: 7, Kind.REQUEST: 4, Kind.DIRECTIVE: 19}


def test_shared_items_are_shown_once_then_each_group_of_communes(store: Store) -> None:
    parts = seed_deck(store).parts
    shared = [p for p in parts if p.where.startswith("Chung")]
    assert [p.kind for p in shared[:4]] == list(Kind)
    assert [len(p.entries) for p in shared[:4]] == [8, 6, 4, 19]
    # One difficulty of the seed concerns only Vân Du and Kim Tân: a part of its own, after the shared ones.
    assert parts[4].where == "xã Vân Du, xã Kim Tân" and parts[4].kind is Kind.DIFFICULTY
    assert len(parts[4].entries) == 1


def test_a_commune_only_item_gets_that_communes_part(store: Store) -> None:
    van_du = commune(store, "Vân Du")
    store.add_item(store.latest_session().id, (van_du.code,), Kind.REQUEST, "Hỗ trợ làm lại cầu treo bản Cang.", who="test")
    parts = seed_deck(store).parts
    [own] = [p for p in parts if p.commune_codes == (van_du.code,)]
    assert own.where == "xã Vân Du" and own.kind is Kind.REQUEST
    assert [e.text for e in own.entries] == ["Hỗ trợ làm lại cầu treo bản Cang."]


def test_the_closing_part_lists_open_requests_and_directives_overdue_first(store: Store) -> None:
    session = store.latest_session()
    van_du = commune(store, "Vân Du")
    late = store.add_item(session.id, (van_du.code,), Kind.REQUEST, "Sửa đường vào bản.", who="test")
    store.update_tracking(late.id, owner="Sở Xây dựng", deadline=dt.date(2025, 12, 10), who="test")
    done = store.commune_view(van_du).of_kind(Kind.DIRECTIVE)[0]
    store.update_tracking(done.id, done=dt.date(2025, 12, 1), who="test")
    closing = seed_deck(store).parts[-1]
    assert closing.kind is None and closing.heading_vi == "Việc cần theo dõi"
    first = closing.entries[0]
    assert first.text == "Sửa đường vào bản."
    assert first.detail == "Kiến nghị · Mới tiếp nhận – quá hạn 5 ngày · Sở Xây dựng · hạn 10/12/2025"
    assert first.overdue == "⚠ quá hạn 5 ngày"
    # 4 + 1 requests and 19 - 1 directives are open; the done directive is not listed.
    assert len(closing.entries) == 23 and done.id not in {e.item_id for e in closing.entries}
    assert closing.entries[1].detail == "Kiến nghị · Mới tiếp nhận · chưa giao · hạn 04/01/2026"
    assert closing.entries[-1].detail.startswith("Chỉ đạo · Đang thực hiện · chưa giao")


def test_a_commune_deck_covers_all_its_sessions_and_names_them(store: Store) -> None:
    van_du = commune(store, "Vân Du")
    deck = deck_of_commune(store, van_du, TODAY)
    assert deck.title.heading == "xã Vân Du" and deck.communes == (van_du,)
    assert {p.where for p in deck.parts} == {"xã Vân Du"}
    assert [len(p.entries) for p in deck.parts if p.kind] == [8, 7, 4, 19]
    # One session: the footer names it, the entries do not repeat it.
    assert deck.context == "xã Vân Du · 25/11/2025" and deck.parts[0].entries[0].detail == ""


# -- cutting into pages -----------------------------------------------------------------


def test_pages_depend_on_the_rows_available(store: Store) -> None:
    deck = seed_deck(store)

    def directive_pages(rows: int) -> list:
        return [s for s in deck.paginate(one_row, rows) if s.part and s.part.kind is Kind.DIRECTIVE]

    small, large = directive_pages(5), directive_pages(10)
    assert len(small) == 4 and len(large) == 2
    assert [len(s.entries) for s in large] == [10, 9]
    assert [(s.page, s.pages) for s in small] == [(1, 4), (2, 4), (3, 4), (4, 4)]
    # Numbering continues across pages, and every directive is on exactly one page.
    assert [s.first for s in small] == [0, 5, 10, 15]
    assert sum(len(s.entries) for s in small) == 19


def test_pages_are_balanced_rather_than_leaving_a_lone_item(store: Store) -> None:
    deck = seed_deck(store)
    achievements = [
        s for s in deck.paginate(one_row, 7) if s.part and s.part.kind is Kind.ACHIEVEMENT and s.part.where.startswith("Chung")
    ]
    assert [len(s.entries) for s in achievements] == [4, 4]


def test_an_entry_taller_than_a_page_gets_a_page_of_its_own(store: Store) -> None:
    deck = seed_deck(store)
    tall = deck.parts[0].entries[2].item_id
    slides = deck.paginate(lambda entry: 50 if entry.item_id == tall else 1, 10)
    [alone] = [s for s in slides if any(e.item_id == tall for e in s.entries)]
    assert len(alone.entries) == 1


def test_the_deck_opens_on_the_title_and_ends_on_the_follow_up(store: Store) -> None:
    slides = seed_deck(store).paginate(one_row, 100)
    assert slides[0].kind is SlideKind.TITLE
    assert [s.kind for s in slides[-1:]] == [SlideKind.CLOSING]
    assert len(slides) == 1 + 5 + 1


def test_a_session_with_nothing_open_still_closes_with_one_slide(store: Store) -> None:
    deck = seed_deck(store)
    for entry in deck.parts[-1].entries:
        if store.item(entry.item_id).kind is Kind.REQUEST:
            store.update_tracking(entry.item_id, status=RequestStatus.RESOLVED, who="test")
        else:
            store.update_tracking(entry.item_id, done=TODAY, who="test")
    slides = seed_deck(store).paginate(one_row, 10)
    assert slides[-1].kind is SlideKind.CLOSING and slides[-1].entries == () and slides[-1].pages == 1


def test_after_a_resize_the_same_entries_stay_on_screen(store: Store) -> None:
    deck = seed_deck(store)
    small = deck.paginate(one_row, 5)
    shown = next(s for s in small if s.part and s.part.kind is Kind.DIRECTIVE and s.page == 3)  # directives 11-15
    large = deck.paginate(one_row, 10)
    again = large[find_again(large, shown)]
    assert again.part.key == shown.part.key and again.first <= shown.first < again.first + len(again.entries)
    assert find_again(large, small[0]) == 0
    assert large[find_again(large, small[-1])].kind is SlideKind.CLOSING


def test_a_communes_first_slide_is_its_own_part_else_a_shared_one(store: Store) -> None:
    van_du, kim_tan = commune(store, "Vân Du"), commune(store, "Kim Tân")
    slides = seed_deck(store).paginate(one_row, 100)
    assert first_slide_of(slides, van_du.code) == 1  # only shared parts name it: the first of them
    store.add_item(store.latest_session().id, (van_du.code,), Kind.ACHIEVEMENT, "Làm xong đường liên thôn.", who="test")
    slides = seed_deck(store).paginate(one_row, 100)
    own = first_slide_of(slides, van_du.code)
    assert own > 1 and slides[own].part.where == "xã Vân Du"
    assert first_slide_of(slides, kim_tan.code) == 1
    assert first_slide_of(slides, "99999") is None
