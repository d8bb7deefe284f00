"""The `haicap` command: locations and one-line errors, without starting the dashboard."""

from __future__ import annotations

from pathlib import Path

import pytest

from haicap.store import SCHEMA_VERSION
from haicap.tui.cli.main import main


def test_locate_prints_the_store_from_the_environment(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("HAICAP_DB", str(tmp_path / "from-env"))
    assert main(["locate"]) == 0
    assert capsys.readouterr().out.strip() == str(tmp_path / "from-env")


def test_db_option_wins_over_the_environment(tmp_path: Path, capsys) -> None:
    assert main(["--db", str(tmp_path / "from-option"), "locate"]) == 0
    assert capsys.readouterr().out.strip() == str(tmp_path / "from-option")


def test_default_store_is_in_the_user_data_directory(capsys, monkeypatch, isolated_data_dir: Path) -> None:
    monkeypatch.delenv("HAICAP_DB")
    assert main(["locate"]) == 0
    assert Path(capsys.readouterr().out.strip()) == isolated_data_dir / "haicap" / "store"


def test_unknown_province_is_one_line_and_exit_2(tmp_path: Path, capsys, fake_terminal) -> None:
    assert main(["init", "--db", str(tmp_path / "s")]) == 0
    capsys.readouterr()
    assert main(["--db", str(tmp_path / "s"), "--province", "Atlantis"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("haicap: ") and "Atlantis" in err and "\n" not in err


def test_a_file_given_as_store_is_refused_and_left_alone(tmp_path: Path, capsys, fake_terminal) -> None:
    not_a_store = tmp_path / "notes.txt"
    not_a_store.write_text("ghi chú", encoding="utf-8")
    assert main(["--db", str(not_a_store)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("haicap: ") and str(not_a_store) in err and "\n" not in err
    assert not_a_store.read_text(encoding="utf-8") == "ghi chú"


def test_newer_schema_is_refused_naming_both_versions(tmp_path: Path, capsys, fake_terminal) -> None:
    folder = tmp_path / "future"
    folder.mkdir()
    (folder / "haicap.json").write_text('{"meta": {"1": {"schema_version": 99}}}', encoding="utf-8")
    before = (folder / "haicap.json").read_bytes()
    assert main(["--db", str(folder)]) == 1
    err = capsys.readouterr().err
    assert "99" in err and f"chỉ đọc đến {SCHEMA_VERSION}" in err and "nâng cấp" in err
    assert (folder / "haicap.json").read_bytes() == before


def test_version(capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith("haicap ")


# -- import, extract, eval -------------------------------------------------------------

ARTICLE = (
    "Sáng 3/12, đồng chí Lê Văn Minh, Phó Chủ tịch UBND tỉnh đã làm việc với xã Hoằng Hóa "
    "về tình hình phát triển kinh tế - xã hội năm 2025.\n\n"
    "Theo báo cáo, năm 2025 xã Hoằng Hóa đã hoàn thành 18/20 chỉ tiêu, thu ngân sách đạt 120% dự toán.\n"
    "Lãnh đạo xã kiến nghị tỉnh quan tâm hỗ trợ kinh phí nâng cấp tuyến đê biển.\n"
    "Phát biểu kết luận, đồng chí Lê Văn Minh yêu cầu xã tập trung đẩy nhanh tiến độ giải phóng mặt bằng.\n"
)


@pytest.fixture
def store_folder(tmp_path: Path) -> Path:
    """A store that already holds the seed session, as after a first launch."""
    from haicap.store import Store

    folder = tmp_path / "store"
    with Store.open(folder) as store:
        store.ensure_seeded()
    return folder


def _article(tmp_path: Path, name: str = "bai.txt", text: str = ARTICLE) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_import_adds_a_session_and_a_second_import_adds_nothing(tmp_path: Path, store_folder: Path, capsys) -> None:
    from haicap.store import Store

    path = _article(tmp_path)
    assert main(["--db", str(store_folder), "import", str(path)]) == 0
    out = capsys.readouterr().out
    assert "xã Hoằng Hóa" in out and "imported 1 session" in out
    assert main(["import", "--db", str(store_folder), str(path)]) == 0
    assert "already there" in capsys.readouterr().out
    with Store.open(store_folder) as store:
        assert len(store.sessions()) == 2


def test_dry_run_shows_the_plan_and_writes_nothing(tmp_path: Path, store_folder: Path, capsys) -> None:
    before = (store_folder / "haicap.json").read_bytes()
    assert main(["--db", str(store_folder), "import", "--dry-run", str(_article(tmp_path))]) == 0
    out = capsys.readouterr().out
    assert "03/12/2025" in out and "dry run" in out
    # Every item in full, with its kind, then the sentences left out with their reasons.
    assert "[Kiến nghị] (xã Hoằng Hóa) Lãnh đạo xã kiến nghị tỉnh quan tâm hỗ trợ kinh phí nâng cấp tuyến đê biển." in out
    assert "bỏ ra (" in out
    assert (store_folder / "haicap.json").read_bytes() == before


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """Each bad input and a piece of the reason its error line must give."""
    cases: dict[str, tuple[Path, str]] = {}
    cases["missing"] = (tmp_path / "khong-co.txt", "không có tệp này")
    (tmp_path / "folder.txt").mkdir()
    cases["directory"] = (tmp_path / "folder.txt", "thư mục")
    cases["empty"] = (_article(tmp_path, "empty.txt", ""), "rỗng")
    binary = tmp_path / "anh.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    cases["binary"] = (binary, "nhị phân")
    fake_docx = _article(tmp_path, "gia.docx", "không phải Word")
    cases["docx not a zip"] = (fake_docx, "không phải tệp nén zip")
    cases["malformed yaml"] = (_article(tmp_path, "hong.yaml", "format: [haicap-session/1\n"), "YAML sai cú pháp")
    cases["missing fields"] = (
        _article(tmp_path, "thieu.yaml", "format: haicap-session/1\nsession: {}\n"),
        "thiếu trường bắt buộc",
    )
    cases["impossible date"] = (_article(tmp_path, "ngay.txt", ARTICLE.replace("Sáng 3/12", "Sáng 31/2")), "không có thật")
    big = tmp_path / "lon.txt"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    cases["50 MB"] = (big, "giới hạn")
    return cases


def test_each_bad_input_gets_one_line_and_leaves_the_store_alone(tmp_path: Path, store_folder: Path, capsys) -> None:
    before = (store_folder / "haicap.json").read_bytes()
    for name, (path, reason) in _bad_inputs(tmp_path).items():
        assert main(["--db", str(store_folder), "import", str(path)]) == 1, name
        lines = capsys.readouterr().err.strip().splitlines()
        assert lines[0].startswith(f"haicap: {path}: ") and reason in lines[0], (name, lines)
        assert (store_folder / "haicap.json").read_bytes() == before, name


def test_an_unknown_commune_override_is_refused(tmp_path: Path, store_folder: Path, capsys) -> None:
    before = (store_folder / "haicap.json").read_bytes()
    assert main(["--db", str(store_folder), "import", "--commune", "xã Atlantis", str(_article(tmp_path))]) == 1
    assert "xã Atlantis" in capsys.readouterr().err
    assert (store_folder / "haicap.json").read_bytes() == before


def test_an_impossible_date_option_is_a_usage_error(tmp_path: Path, capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["import", "--date", "31/02/2025", str(_article(tmp_path))])
    assert exit_info.value.code == 2
    assert "không phải là ngày có thật" in capsys.readouterr().err


def test_import_of_several_files_is_all_or_nothing(tmp_path: Path, store_folder: Path, capsys) -> None:
    before = (store_folder / "haicap.json").read_bytes()
    good = _article(tmp_path)
    assert main(["--db", str(store_folder), "import", str(good), str(tmp_path / "khong-co.txt")]) == 1
    err = capsys.readouterr().err
    assert "khong-co.txt: không có tệp này" in err and "nothing imported" in err
    assert (store_folder / "haicap.json").read_bytes() == before


def test_extract_json_prints_the_documented_shape_and_touches_no_store(tmp_path: Path, capsys, monkeypatch) -> None:
    import json

    monkeypatch.setenv("HAICAP_DB", str(tmp_path / "never"))
    assert main(["extract", str(_article(tmp_path)), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"date", "province", "leader", "communes", "items", "left_out"}
    assert all({"owner", "co_agencies", "deadline"} <= set(item) for item in data["items"])
    assert all(set(left) >= {"text", "reason"} for left in data["left_out"])
    assert data["date"] == "2025-12-03" and data["province"] == "Thanh Hóa" and data["leader"].startswith("Lê Văn Minh")
    assert data["communes"] == [{"type": "xã", "name": "Hoằng Hóa", "code": "15865"}]
    kinds = {item["kind"] for item in data["items"]}
    assert {"achievement", "request", "directive"} <= kinds
    assert all(item["text"] in ARTICLE.replace("\n", " ") for item in data["items"])
    assert not (tmp_path / "never").exists()


def test_extract_of_a_bad_file_is_one_line(tmp_path: Path, capsys) -> None:
    assert main(["extract", str(tmp_path / "khong-co.txt"), "--json"]) == 1
    err = capsys.readouterr().err.strip()
    assert err == f"haicap: {tmp_path / 'khong-co.txt'}: không có tệp này"


def test_eval_prints_the_per_kind_table(tmp_path: Path, capsys) -> None:
    import json

    folder = tmp_path / "labelled"
    folder.mkdir()
    (folder / "01_test.txt").write_text("url: x\ndate: 2025-12-03\n\n" + ARTICLE, encoding="utf-8")
    key = {
        "date": "2025-12-03",
        "province": "Thanh Hóa",
        "communes": ["Hoằng Hóa"],
        "leader": "Lê Văn Minh",
        "achievements": ["đã hoàn thành 18/20 chỉ tiêu"],
        "difficulties": [],
        "requests": ["kiến nghị tỉnh quan tâm hỗ trợ kinh phí"],
        "directives": ["yêu cầu xã tập trung đẩy nhanh tiến độ"],
        "ambiguous": [],
    }
    (folder / "01_test.key.json").write_text(json.dumps(key, ensure_ascii=False), encoding="utf-8")
    assert main(["eval", str(folder)]) == 0
    out = capsys.readouterr().out
    for word in ("achievement", "difficulty", "request", "directive", "macro-F1", "communes", "01_test"):
        assert word in out


def test_eval_of_a_folder_without_keys_is_refused(tmp_path: Path, capsys) -> None:
    assert main(["eval", str(tmp_path)]) == 1
    assert "no article with a .key.json" in capsys.readouterr().err


def test_commands_print_control_characters_from_item_text_visibly(seeded_store_path: Path, capsys) -> None:
    from haicap.store import Kind, Store

    with Store.open(seeded_store_path) as store:
        [session] = store.sessions()
        item = store.add_item(
            session.id, session.commune_codes[:1], Kind.REQUEST, "Đề nghị \x1b[31mđỏ\x1b[0m \u202eabc [bold]x[/]"
        )
    assert main(["--db", str(seeded_store_path), "item", item.id]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\u202e" not in out
    assert "␛[31mđỏ␛[0m" in out and "<U+202E>abc" in out and "[bold]x[/]" in out
    assert main(["--db", str(seeded_store_path), "item", "nope\x1b[2J"]) == 1
    assert "nope␛[2J" in capsys.readouterr().err


def test_a_bug_of_the_reader_is_one_line_and_writes_nothing(tmp_path: Path, store_folder: Path, capsys, monkeypatch) -> None:
    """The reader is heuristic code run on any file: if it fails on one, the import says so on
    one line naming the file, and the store is untouched."""
    import haicap.store.ingest.importer

    def broken(*args, **kwargs):
        raise IndexError("list index out of range")

    monkeypatch.setattr(haicap.store.ingest.importer, "extract_text", broken)
    before = (store_folder / "haicap.json").read_bytes()
    assert main(["--db", str(store_folder), "import", str(_article(tmp_path))]) == 1
    err = capsys.readouterr().err
    assert "cannot read (IndexError" in err and "Traceback" not in err
    assert (store_folder / "haicap.json").read_bytes() == before
