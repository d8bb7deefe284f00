"""AtomicJSONStorage: readable UTF-8, atomic replacement, damage reported by file name."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from haicap.store import StoreError
from haicap.store.db.storage import AtomicJSONStorage


def test_round_trip_keeps_vietnamese_readable(tmp_path: Path) -> None:
    storage = AtomicJSONStorage(tmp_path / "kho.json")
    data = {"items": {"1": {"text": "Ngọc Trạo đạt kết quả"}}}
    storage.write(data)
    assert storage.read() == data
    assert "Ngọc Trạo" in (tmp_path / "kho.json").read_text(encoding="utf-8")


def test_missing_or_empty_file_reads_as_empty(tmp_path: Path) -> None:
    assert AtomicJSONStorage(tmp_path / "none.json").read() is None
    (tmp_path / "empty.json").write_text("  \n", encoding="utf-8")
    assert AtomicJSONStorage(tmp_path / "empty.json").read() is None


@pytest.mark.parametrize("content", ['{"items": ', "[]", '{"items": [1, 2]}', "\xff\xfe"])
def test_damaged_file_names_the_file(tmp_path: Path, content: str) -> None:
    path = tmp_path / "hong.json"
    path.write_bytes(content.encode("latin-1"))
    with pytest.raises(StoreError) as caught:
        AtomicJSONStorage(path).read()
    assert str(path) in str(caught.value) and "damaged" in str(caught.value)


def test_failed_write_keeps_the_old_file_and_leaves_no_temp(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "kho.json"
    storage = AtomicJSONStorage(path)
    storage.write({"t": {"1": {"v": "cũ"}}})
    before = path.read_bytes()

    def broken_replace(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(StoreError, match="chưa ghi gì"):  # one line for the user, not the OSError
        storage.write({"t": {"1": {"v": "mới"}}})
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kho.json"]


def test_write_keeps_the_file_mode(tmp_path: Path) -> None:
    path = tmp_path / "kho.json"
    storage = AtomicJSONStorage(path)
    storage.write({})
    os.chmod(path, 0o660)
    storage.write({"t": {}})
    assert path.stat().st_mode & 0o777 == 0o660
