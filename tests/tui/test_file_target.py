"""The file a dialog writes (tui/dialogs/file_target.py): what a typed name comes to."""

from __future__ import annotations

from pathlib import Path

from haicap.tui.dialogs.file_target import target_of


def _docx(path: Path) -> tuple[Path, str]:
    return (path if path.suffix else path.with_suffix(".docx")), "docx"


def test_a_relative_name_is_in_the_dialog_folder_and_gets_the_chosen_suffix(tmp_path: Path) -> None:
    target = target_of("bien-ban", folder=tmp_path, served=False, named_format=_docx, confirmed=None)
    assert target.path == tmp_path / "bien-ban.docx" and target.fmt == "docx" and not target.force


def test_an_empty_name_a_folder_and_a_missing_folder_are_refused(tmp_path: Path) -> None:
    assert target_of("  ", folder=tmp_path, served=False, named_format=_docx, confirmed=None).path is None
    (tmp_path / "thu-muc.docx").mkdir()
    folder = target_of("thu-muc.docx", folder=tmp_path, served=False, named_format=_docx, confirmed=None)
    assert folder.path is None and "thu-muc.docx" in folder.error
    missing = target_of("khong-co/a.docx", folder=tmp_path, served=False, named_format=_docx, confirmed=None)
    assert missing.path is None and "khong-co" in missing.error


def test_an_existing_file_is_overwritten_only_once_confirmed(tmp_path: Path) -> None:
    existing = tmp_path / "a.docx"
    existing.write_bytes(b"old")
    first = target_of("a.docx", folder=tmp_path, served=False, named_format=_docx, confirmed=None)
    assert first.path is None and first.asks == existing
    second = target_of("a.docx", folder=tmp_path, served=False, named_format=_docx, confirmed=first.asks)
    assert second.path == existing and second.force


def test_for_a_browser_only_the_last_part_of_the_name_counts(tmp_path: Path) -> None:
    target = target_of("../../etc\\passwd", folder=tmp_path, served=True, named_format=_docx, confirmed=None)
    assert target.path == Path("passwd.docx") and not target.force
    assert target_of("..", folder=tmp_path, served=True, named_format=_docx, confirmed=None).path is None
