"""ctrl+f over a store of several provinces: every province is searched, one at a time, and
none is left loaded that the dashboard had not read (a national store must not end up in
memory whole because someone searched it)."""

from __future__ import annotations

from pathlib import Path

import province_stores
from apps import make_app
from helpers import settle

from haicap.store import Store
from haicap.store.domain.text import fold
from haicap.tui.dialogs.search_dialog import SearchDialog


async def test_a_search_finds_every_province_and_keeps_only_the_shown_one(tmp_path: Path) -> None:
    folder = province_stores.build(tmp_path / "store")
    with Store.open(folder) as store:
        word = "tỉnh"  # in requests of every province (synthetic texts)
        expected = {i.id for _code, items in store.each_province() for i in items if fold(word) in fold(i.text)}
        provinces = {i.session.province.code for _code, items in store.each_province() for i in items if i.id in expected}
    assert len(provinces) == 3, "the test needs hits in every province"
    app = make_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        shown = app.dashboard.province
        await pilot.press("ctrl+f")
        assert isinstance(app.screen, SearchDialog)
        await pilot.press(*word)
        for _ in range(50):
            await settle(pilot)
            if "tỉnh…" not in str(app.screen.query_one("#search-count").render()):
                break
        assert {item.id for item in app.screen.hits} == expected
        assert "đang tìm" not in str(app.screen.query_one("#search-count").render())
        loaded = {code for code in province_stores.PROVINCES if app.store.is_loaded(app.store.find_province(code))}
        assert loaded == {shown.code}, "the provinces read only for the search were let go"
