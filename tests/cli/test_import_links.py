"""`haicap import --link` end to end: the suggestions printed under the plan, stored only
with --link, with the ids the importer gives (a new session, or another outlet's report
added to a stored one), and `haicap item` showing both sides of each link.

The reports are invented for these tests (see tests/tui/test_links.py).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from haicap.store import Kind, Store
from haicap.tui.cli.main import main

ROAD_REQUEST = "Xã kiến nghị tỉnh hỗ trợ kinh phí nâng cấp tuyến đường liên thôn Đông Hải."
SCHOOL_REQUEST = "Xã đề nghị tỉnh quan tâm đầu tư xây dựng thêm phòng học cho trường mầm non."
REFORM = "Yêu cầu xã đẩy mạnh cải cách hành chính, nâng cao chất lượng phục vụ người dân."
ROAD_DIRECTIVE = "Giao Sở Xây dựng khảo sát, lập phương án nâng cấp tuyến đường liên thôn Đông Hải."
SCHOOL_DIRECTIVE = "Giao Sở Giáo dục và Đào tạo rà soát, đề xuất bố trí vốn xây dựng phòng học trường mầm non."

HEAD = """\
format: haicap-session/1
session:
  date: 2025-12-04
  province: Thanh Hóa
  leader:
    name: Lê Văn Bình
    title: Phó Chủ tịch UBND tỉnh
  title: "Phó Chủ tịch UBND tỉnh làm việc với xã Hoằng Tiến"
  source: {source}
communes:
  - xã Hoằng Tiến
items:
"""


def report(folder: Path, name: str, source: str, *items: tuple[str, str]) -> Path:
    path = folder / name
    body = "".join(f'  - kind: {kind}\n    text: "{text}"\n' for kind, text in items)
    path.write_text(HEAD.format(source=source) + body, encoding="utf-8")
    return path


WHOLE = (
    ("achievement", "Năm 2025, tổng giá trị sản xuất của xã đạt 950 tỷ đồng."),
    ("request", ROAD_REQUEST),
    ("request", SCHOOL_REQUEST),
    ("directive", REFORM),
    ("directive", ROAD_DIRECTIVE),
    ("directive", SCHOOL_DIRECTIVE),
)


@pytest.fixture
def store_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> Path:
    monkeypatch.setattr("haicap.store.domain.history._whoami", lambda: "lan")
    path = tmp_path / "store"
    assert main(["init", "--db", str(path)]) == 0
    capsys.readouterr()
    return path


def run(capsys, *argv: str) -> str:
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert code == 0, err
    assert err == ""
    return out


def stored(path: Path) -> dict[str, object]:
    with Store.open(path) as store:
        return {item.text: item for item in store.items()}


def test_suggestions_are_printed_under_the_plan_and_not_stored_without_link(store_path: Path, tmp_path: Path, capsys) -> None:
    file = report(tmp_path, "hoang-tien.yaml", "Báo thử, 04/12/2025", *WHOLE)
    out = run(capsys, "import", str(file), "--db", str(store_path))
    assert "liên kết gợi ý (2): kiến nghị ← chỉ đạo" in out
    below = out.split("liên kết gợi ý")[1]
    road, school = below.index("Xã kiến nghị tỉnh hỗ trợ"), below.index("Xã đề nghị tỉnh quan tâm")
    assert road < below.index("← Giao Sở Xây dựng khảo sát") < school < below.index("← Giao Sở Giáo dục")
    assert "(nâng cấp tuyến đường liên thôn Đông Hải)" in below, "what they share, as written"
    assert "Yêu cầu xã đẩy mạnh" not in below
    assert "nối" not in out.splitlines()[-1]
    assert all(not item.tracking.responds_to for item in stored(store_path).values())


def test_link_stores_them_and_item_shows_both_sides(store_path: Path, tmp_path: Path, capsys) -> None:
    file = report(tmp_path, "hoang-tien.yaml", "Báo thử, 04/12/2025", *WHOLE)
    out = run(capsys, "import", str(file), "--db", str(store_path), "--link")
    assert out.splitlines()[-1].endswith("; 2 kiến nghị đã được nối với chỉ đạo trả lời")
    items = stored(store_path)
    road, school = items[ROAD_REQUEST], items[SCHOOL_REQUEST]
    road_directive, school_directive = items[ROAD_DIRECTIVE], items[SCHOOL_DIRECTIVE]
    assert road.tracking.responds_to == (road_directive.id,)
    assert school.tracking.responds_to == (school_directive.id,)
    assert road.id.split("-")[0] == road_directive.id.split("-")[0], "the ids the importer gave the new session"

    shown = run(capsys, "item", road.id, "--db", str(store_path))
    assert f"chỉ đạo trả lời:  {road_directive.id} · Đang thực hiện" in shown
    assert "· Giao Sở Xây dựng" in shown
    assert "lan · chỉ đạo trả lời: — → " + road_directive.id in shown, "history records the link"

    answered = run(capsys, "item", road_directive.id, "--db", str(store_path))
    assert f"trả lời kiến nghị: {road.id} · Mới tiếp nhận" in answered
    data = json.loads(run(capsys, "item", road_directive.id, "--db", str(store_path), "--json"))
    assert data["answers"] == [road.id]

    again = run(capsys, "import", str(file), "--db", str(store_path), "--link")
    assert "đã có" in again.splitlines()[-1] and "nối" not in again.splitlines()[-1], "the same file again links nothing"


def test_link_into_a_stored_session_uses_the_ids_the_extension_gets(store_path: Path, tmp_path: Path, capsys) -> None:
    first = report(
        tmp_path,
        "bao-a.yaml",
        "Báo A, 04/12/2025",
        ("achievement", "Năm 2025, tổng giá trị sản xuất của xã đạt 950 tỷ đồng."),
        ("request", ROAD_REQUEST),
        ("directive", REFORM),
    )
    run(capsys, "import", str(first), "--db", str(store_path))
    before = stored(store_path)
    session = before[ROAD_REQUEST].session.id

    other = report(tmp_path, "bao-b.yaml", "Báo B, 04/12/2025", *WHOLE)
    out = run(capsys, "import", str(other), "--db", str(store_path), "--link")
    assert out.splitlines()[-1].endswith("; 1 bổ sung vào phiên làm việc đã có; 1 kiến nghị đã được nối với chỉ đạo trả lời")
    items = stored(store_path)
    school, school_directive = items[SCHOOL_REQUEST], items[SCHOOL_DIRECTIVE]
    assert school.session.id == session and school_directive.session.id == session
    assert school.id not in {item.id for item in before.values()}
    assert school.tracking.responds_to == (school_directive.id,)
    assert items[ROAD_REQUEST].tracking.responds_to == (), "a request already stored is not linked by the import"
    assert {item.kind for item in items.values()} == set(Kind) - {Kind.DIFFICULTY}
