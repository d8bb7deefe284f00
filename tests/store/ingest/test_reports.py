"""haicap.store.ingest.reports: the bundled seed report, and every way a report file can be refused."""

from __future__ import annotations

import copy
import datetime as dt
import json
import unicodedata
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml

from haicap.store.domain.errors import ReportError, StoreError
from haicap.store.domain.models import Kind
from haicap.store.domain.registry import Registry, load_registry
from haicap.store.domain.text import clean
from haicap.store.ingest.reports import FORMAT, MAX_REPORT_BYTES, SessionReport, bundled_reports, parse_report, read_report_file

SEED_FILE = "2025-11-25-thanh-hoa-ngoc-trao-van-du-kim-tan.yaml"


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry()


@pytest.fixture(scope="module")
def seed(registry: Registry) -> SessionReport:
    reports = bundled_reports(registry)
    assert len(reports) == 1
    return reports[0]


def _seed_document() -> dict[str, Any]:
    raw = resources.files("haicap.seeds").joinpath("sessions", SEED_FILE).read_text(encoding="utf-8")
    return yaml.safe_load(raw)


def _valid_document() -> dict[str, Any]:
    """A small report written for these tests (not real content)."""
    return {
        "format": FORMAT,
        "session": {
            "date": "2025-12-02",
            "province": "Thanh Hóa",
            "leader": {"name": "Nguyễn Thị Thử", "title": "Phó Chủ tịch UBND tỉnh"},
            "participants": [{"name": "Lê Văn Mẫu", "title": "Giám đốc Sở Xây dựng"}],
            "title": "Kiểm tra đê sông Bưởi tại các xã Ngọc Trạo và Vân Du",
            "source": "Bản tin thử nghiệm",
        },
        "communes": ["xã Ngọc Trạo", "xã Vân Du"],
        "items": [
            {"kind": "achievement", "text": "Hai xã đã gia cố xong 3 km đê."},
            {"kind": "request", "text": "Đề nghị tỉnh hỗ trợ kè bờ sông.", "communes": ["xã Vân Du"]},
        ],
    }


# -- the bundled seed ----------------------------------------------------------------


def test_seed_session_fields(seed: SessionReport) -> None:
    assert seed.date == dt.date(2025, 11, 25)
    assert seed.province.name == "Thanh Hóa"
    assert seed.leader.name == "Trịnh Tuấn Sinh"
    assert [c.label for c in seed.communes] == ["xã Ngọc Trạo", "xã Vân Du", "xã Kim Tân"]
    assert all(c.province == seed.province for c in seed.communes)
    assert seed.source_name.endswith(SEED_FILE)


def test_seed_item_counts_per_kind(seed: SessionReport) -> None:
    counts = Counter(item.kind for item in seed.items)
    assert counts == {Kind.ACHIEVEMENT: 8, Kind.DIFFICULTY: 7, Kind.REQUEST: 4, Kind.DIRECTIVE: 19}
    assert len(seed.items) == 38


def test_seed_storm_damage_applies_only_to_van_du_and_kim_tan(seed: SessionReport) -> None:
    narrowed = [item for item in seed.items if item.communes != seed.communes]
    assert len(narrowed) == 1
    (storm,) = narrowed
    assert storm.kind is Kind.DIFFICULTY
    assert "bão số 10" in storm.text
    assert [c.name for c in storm.communes] == ["Vân Du", "Kim Tân"]


def test_every_seed_item_is_verbatim_from_the_source_article(seed: SessionReport) -> None:
    source_file = _seed_document()["session"]["source_file"]
    article = clean(resources.files("haicap.seeds").joinpath(source_file).read_text(encoding="utf-8"))
    assert len(article) > 1000
    missing = [item.text for item in seed.items if item.text not in article]
    assert missing == []


def test_seed_title_and_participant(seed: SessionReport) -> None:
    assert "Trịnh Tuấn Sinh" in seed.title
    assert [p.name for p in seed.participants] == ["Lê Quang Hùng"]


def test_content_hash_is_stable(registry: Registry, seed: SessionReport) -> None:
    again = bundled_reports(registry)[0]
    assert again.content_hash() == seed.content_hash()
    assert len(seed.content_hash()) == 64


def test_content_hash_changes_when_an_item_changes(registry: Registry, seed: SessionReport) -> None:
    document = _seed_document()
    document["items"][0]["text"] += " Thêm một chữ."
    changed = parse_report(document, registry, "changed.yaml")
    assert changed.content_hash() != seed.content_hash()

    document = _seed_document()
    document["items"][0]["kind"] = "directive"
    assert parse_report(document, registry, "kind.yaml").content_hash() != seed.content_hash()

    document = _seed_document()
    document["items"][1]["communes"] = ["xã Ngọc Trạo"]
    assert parse_report(document, registry, "scope.yaml").content_hash() != seed.content_hash()


def test_content_hash_ignores_the_file_name(registry: Registry, seed: SessionReport) -> None:
    assert parse_report(_seed_document(), registry, "elsewhere.yaml").content_hash() == seed.content_hash()


# -- valid documents -----------------------------------------------------------------


def test_parse_small_report(registry: Registry) -> None:
    report = parse_report(_valid_document(), registry, "thu.yaml")
    assert report.date == dt.date(2025, 12, 2)
    assert report.leader.title == "Phó Chủ tịch UBND tỉnh"
    assert [c.name for c in report.items[0].communes] == ["Ngọc Trạo", "Vân Du"]
    assert [c.name for c in report.items[1].communes] == ["Vân Du"]


def test_parse_cleans_item_text(registry: Registry) -> None:
    document = _valid_document()
    document["items"][0]["text"] = "  Hai xã   đã\n gia cố " + "\u0111" + "ê. "
    report = parse_report(document, registry, "thu.yaml")
    assert report.items[0].text == "Hai xã đã gia cố đê."


@pytest.mark.parametrize("suffix", [".yaml", ".yml", ".json"])
def test_read_report_file_yaml_and_json(tmp_path: Path, registry: Registry, suffix: str) -> None:
    path = tmp_path / f"bao-cao{suffix}"
    document = _valid_document()
    text = json.dumps(document, ensure_ascii=False) if suffix == ".json" else yaml.safe_dump(document, allow_unicode=True)
    path.write_text(text, encoding="utf-8")
    report = read_report_file(path, registry)
    assert report.source_name == str(path)
    assert report.content_hash() == parse_report(document, registry, "x").content_hash()


def test_read_report_file_accepts_a_utf8_bom(tmp_path: Path, registry: Registry) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + yaml.safe_dump(_valid_document(), allow_unicode=True).encode("utf-8"))
    assert read_report_file(path, registry).province.code == "38"


# -- refused documents ---------------------------------------------------------------


def _mutated(change) -> dict[str, Any]:
    document = copy.deepcopy(_valid_document())
    change(document)
    return document


def _set(path: tuple[str, ...], value: Any):
    def change(document: dict[str, Any]) -> None:
        target = document
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


def _delete(path: tuple[str, ...]):
    def change(document: dict[str, Any]) -> None:
        target = document
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]

    return change


CASES = [
    pytest.param(["a list"], "không phải báo cáo buổi làm việc của haicap", id="not-a-mapping"),
    pytest.param("just text", "không phải báo cáo buổi làm việc của haicap", id="scalar"),
    pytest.param(_mutated(_set(("format",), "haicap-session/2")), "định dạng 'haicap-session/2' không rõ", id="wrong-format"),
    pytest.param(_mutated(_delete(("format",))), "định dạng None không rõ", id="missing-format"),
    pytest.param(_mutated(_delete(("session",))), "thiếu trường bắt buộc 'session'", id="missing-session"),
    pytest.param(_mutated(_delete(("session", "province"))), "thiếu trường bắt buộc 'session.province'", id="no-province"),
    pytest.param(_mutated(_set(("session", "province"), "Atlantis")), "không có tỉnh 'Atlantis'", id="unknown-province"),
    pytest.param(
        _mutated(_set(("communes",), ["xã Ngọc Trạo", "xã Không Có"])),
        "xã/phường 'xã Không Có' không có trong danh mục của Tỉnh Thanh Hóa",
        id="unknown-commune",
    ),
    pytest.param(_mutated(_set(("communes",), [])), "'communes' phải là một danh sách xã/phường không rỗng", id="no-communes"),
    pytest.param(
        _mutated(_set(("session", "date"), "2025-02-31")),
        "session.date '2025-02-31' không phải ngày có thật",
        id="impossible-date",
    ),
    pytest.param(_mutated(_set(("session", "date"), "25/11/2025")), "không phải ngày có thật", id="date-format"),
    pytest.param(_mutated(_delete(("session", "date"))), "thiếu trường bắt buộc 'session.date'", id="no-date"),
    pytest.param(_mutated(_delete(("session", "leader"))), "thiếu trường bắt buộc 'session.leader'", id="no-leader"),
    pytest.param(_mutated(_set(("items", 0, "kind"), "praise")), "mục 1: loại 'praise' không phải một trong", id="unknown-kind"),
    pytest.param(_mutated(_set(("items",), [])), "'items' phải là một danh sách không rỗng", id="empty-items"),
    pytest.param(_mutated(_delete(("items",))), "'items' phải là một danh sách không rỗng", id="no-items"),
    pytest.param(_mutated(_set(("items", 1), "chỉ là chữ")), "mục 2 không phải là một bảng khóa–giá trị", id="item-not-mapping"),
    pytest.param(_mutated(_set(("items", 0, "text"), "   ")), "thiếu trường bắt buộc 'items[1].text'", id="blank-text"),
    pytest.param(
        _mutated(_set(("items", 1, "communes"), ["xã Kim Tân"])),
        "mục 2 nêu xã Kim Tân, không thuộc buổi làm việc",
        id="item-commune-not-covered",
    ),
]


@pytest.mark.parametrize(("document", "reason"), CASES)
def test_parse_report_refuses(registry: Registry, document: Any, reason: str) -> None:
    with pytest.raises(ReportError) as caught:
        parse_report(document, registry, "bao-cao-loi.yaml")
    message = str(caught.value)
    assert message.startswith("bao-cao-loi.yaml: ")
    assert reason in message
    assert "\n" not in message
    assert caught.value.source == "bao-cao-loi.yaml"
    assert isinstance(caught.value, StoreError)


def test_unknown_kind_lists_the_allowed_kinds(registry: Registry) -> None:
    with pytest.raises(ReportError) as caught:
        parse_report(_mutated(_set(("items", 0, "kind"), "khen")), registry, "k.yaml")
    for kind in Kind:
        assert kind.value in str(caught.value)


FILE_CASES = [
    pytest.param("loi.yaml", b"format: haicap-session/1\nsession: [unclosed\n  date: x\n", "YAML sai cú pháp ở dòng", id="yaml"),
    pytest.param("loi.json", b'{"format": "haicap-session/1",\n "session": }', "JSON sai cú pháp ở dòng 2", id="json"),
    pytest.param("rong.yaml", b"", "tệp rỗng", id="empty"),
    pytest.param("trang.yaml", b"  \n\t\n", "tệp rỗng", id="blank"),
    pytest.param(
        "latin1.yaml",
        unicodedata.normalize("NFD", "format: haicap-session/1\ntitle: Ngọc Trạo\n").encode("cp1258"),
        "không phải văn bản UTF-8",
        id="not-utf8",
    ),
    pytest.param(
        "chu-thich.yaml", "# chỉ có ghi chú\n".encode(), "không phải báo cáo buổi làm việc của haicap", id="only-comment"
    ),
]


@pytest.mark.parametrize(("name", "content", "reason"), FILE_CASES)
def test_read_report_file_refuses(tmp_path: Path, registry: Registry, name: str, content: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ReportError) as caught:
        read_report_file(path, registry)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert reason in message


def test_read_report_file_refuses_a_directory(tmp_path: Path, registry: Registry) -> None:
    folder = tmp_path / "thu-muc.yaml"
    folder.mkdir()
    with pytest.raises(ReportError) as caught:
        read_report_file(folder, registry)
    assert str(caught.value).startswith(f"{folder}: ")
    assert "là thư mục" in str(caught.value)


def test_read_report_file_refuses_a_missing_file(tmp_path: Path, registry: Registry) -> None:
    path = tmp_path / "khong-co.yaml"
    with pytest.raises(ReportError) as caught:
        read_report_file(path, registry)
    assert str(caught.value) == f"{path}: không có tệp này"


def test_read_report_file_refuses_a_huge_file(tmp_path: Path, registry: Registry) -> None:
    path = tmp_path / "lon.yaml"
    with path.open("wb") as handle:
        handle.truncate(MAX_REPORT_BYTES + 1)  # sparse: costs no disk space
    with pytest.raises(ReportError) as caught:
        read_report_file(path, registry)
    assert str(caught.value).startswith(f"{path}: ")
    assert "lớn hơn 5 MB" in str(caught.value)


def test_read_report_file_accepts_a_file_just_under_the_limit(tmp_path: Path, registry: Registry) -> None:
    # JSON padded with spaces: the same size limit, without making YAML parse 5 MB of comments.
    text = json.dumps(_valid_document(), ensure_ascii=False, default=str)
    path = tmp_path / "vua.json"
    path.write_text(text + " " * (MAX_REPORT_BYTES - len(text.encode("utf-8"))), encoding="utf-8")
    assert path.stat().st_size == MAX_REPORT_BYTES
    assert read_report_file(path, registry).date == dt.date(2025, 12, 2)


def test_unquoted_impossible_date_in_yaml_is_a_report_error(tmp_path: Path, registry: Registry) -> None:
    text = yaml.safe_dump(_valid_document(), allow_unicode=True).replace("'2025-12-02'", "2025-02-31")
    assert "date: 2025-02-31" in text
    path = tmp_path / "ngay-sai.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ReportError) as caught:
        read_report_file(path, registry)
    assert str(caught.value).startswith(f"{path}: ")
    assert "2025-02-31" in str(caught.value) or "date" in str(caught.value)
