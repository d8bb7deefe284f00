"""`haicap synth`: a deterministic, clearly labelled synthetic store, and the stores it refuses."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from haicap import seeds
from haicap.store import Store
from haicap.store.domain.i18n import set_language
from haicap.store.domain.registry import load_registry
from haicap.store.ingest.synthetic import SYNTHETIC_TITLE_MARK, SynthOptions, generate
from haicap.tui.cli.main import main

SUMMARY = re.compile(r"communes=(\d+) sessions=(\d+) items=(\d+) added=(\d+) seconds=\d+\.\d store_mb=\d+\.\d db=.+")
TINY = ("--communes", "5", "--sessions-per-commune", "2", "--items-per-session", "6")


def _synth(capsys, db: Path, *extra: str) -> re.Match[str]:
    assert main(["synth", "--db", str(db), *TINY, *extra]) == 0
    summary = SUMMARY.fullmatch(capsys.readouterr().out.strip())
    assert summary, "synth prints one summary line"
    return summary


def _content(db: Path) -> list[tuple]:
    """Everything a store holds for its sessions and items, through the public API."""
    with Store.open(db, read_only=True) as store:
        sessions = [
            (s.id, s.date, s.province.code, s.leader, s.participants, s.title, s.source, s.commune_codes)
            for s in store.sessions()
        ]
        items = sorted((i.id, i.kind, i.text, i.commune_codes, i.tracking) for i in store.items())
    return sessions + items


def test_the_same_seed_gives_the_same_store(tmp_path: Path, capsys) -> None:
    _synth(capsys, tmp_path / "a", "--seed", "7")
    _synth(capsys, tmp_path / "b", "--seed", "7")
    _synth(capsys, tmp_path / "c", "--seed", "8")
    assert _content(tmp_path / "a") == _content(tmp_path / "b")
    assert _content(tmp_path / "a") != _content(tmp_path / "c")


def test_counts_match_the_options(tmp_path: Path, capsys) -> None:
    summary = _synth(capsys, tmp_path / "s")
    assert summary.groups()[0] == "5" and summary[3] == "60"  # 5 communes × 2 sessions × 6 items
    with Store.open(tmp_path / "s", read_only=True) as store:
        assert int(summary[2]) == int(summary[4]) == len(store.sessions())
        assert len(store.items()) == 60
        communes = load_registry().communes[:5]
        for commune in communes:
            assert len(store.commune_view(commune).sessions) == 2
        for session in store.sessions():
            # A session covers 1–3 communes of one province, within the two years up to today.
            assert 1 <= len(session.commune_codes) <= 3
            assert {store.commune(c).province for c in session.commune_codes} == {session.province}
            assert dt.date(2023, 12, 15) < session.date <= dt.date(2025, 12, 15)  # conftest's today


def test_every_record_is_labelled_synthetic(tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    origins = []
    real_add_reports = Store.add_reports

    def spy(self, reports, *, origin="import"):
        origins.append(origin)
        return real_add_reports(self, reports, origin=origin)

    monkeypatch.setattr(Store, "add_reports", spy)
    _synth(capsys, tmp_path / "s")
    assert origins and set(origins) == {"synthetic"}, "every record goes in with origin 'synthetic'"
    with Store.open(tmp_path / "s", read_only=True) as store:
        for session in store.sessions():
            assert session.title.startswith(SYNTHETIC_TITLE_MARK)
            assert "synthetic" in session.source and "tổng hợp" in session.source


def test_generated_sentences_and_follow_up_look_real() -> None:
    options = SynthOptions(communes=40, sessions_per_commune=2, items_per_session=10, seed=1)
    reports = [r for _, batch in generate(load_registry(), options, dt.date(2025, 12, 15)) for r in batch]
    items = [item for report in reports for item in report.items]
    lengths = sorted(len(item.text) for item in items)
    assert 80 <= lengths[len(lengths) // 2] <= 260, "sentence lengths of real reports"
    tracked = [item for item in items if item.kind.value in ("request", "directive")]
    assert tracked and all(item.tracking is not None for item in tracked)
    assert any(item.tracking.owner.startswith("Sở ") for item in tracked)
    assert len({item.kind for item in items}) == 4


def test_running_again_with_the_same_seed_adds_nothing(tmp_path: Path, capsys) -> None:
    _synth(capsys, tmp_path / "s")
    assert _synth(capsys, tmp_path / "s")[4] == "0"


def _refused(capsys, argv: list[str], code: int) -> str:
    assert main(argv) == code
    captured = capsys.readouterr()
    assert captured.out == ""
    message = captured.err.strip().splitlines()[-1]
    assert message.startswith("haicap: ")
    return message


def test_a_store_with_real_sessions_is_refused(seeded_store_path: Path, capsys) -> None:
    with Store.open(seeded_store_path) as store:
        before = len(store.sessions())
    message = _refused(capsys, ["synth", "--db", str(seeded_store_path), *TINY], 1)
    assert "không phải dữ liệu tổng hợp" in message
    with Store.open(seeded_store_path) as store:
        assert len(store.sessions()) == before


def test_a_folder_that_is_no_store_is_refused(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    assert "không phải kho dữ liệu haicap" in _refused(capsys, ["synth", "--db", str(folder), *TINY], 1)


def test_without_db_it_is_refused(capsys) -> None:
    assert "--db" in _refused(capsys, ["synth", *TINY], 2)


def test_the_default_store_is_refused(tmp_path: Path, capsys) -> None:
    # conftest points HAICAP_DB, the default store, at tmp_path / "default-store".
    message = _refused(capsys, ["synth", "--db", str(tmp_path / "default-store"), *TINY], 1)
    assert "dùng mặc định" in message
    assert not (tmp_path / "default-store").exists()


def test_seeds_are_never_written(capsys) -> None:
    target = Path(seeds.__file__).parent / "synthetic-store"
    assert "seeds" in _refused(capsys, ["synth", "--db", str(target), *TINY], 1)
    assert not target.exists()


def test_a_generated_store_never_gets_the_real_seed_session_and_keeps_one_batch_backup_at_most(tmp_path: Path, capsys) -> None:
    _synth(capsys, tmp_path / "synth")
    with Store.open(tmp_path / "synth") as store:
        assert store.ensure_seeded() == 0, "opening it in the dashboard adds nothing real"
        assert all(SYNTHETIC_TITLE_MARK in s.title for s in store.sessions())
        # One backup at most (a store keeps at least one: the state before the last batch).
        assert len(store.backups()) <= 1 and store.backup_count == 5


def test_synth_reports_in_vietnamese_by_default(tmp_path: Path, capsys) -> None:
    assert main(["synth", "--db", str(tmp_path / "s"), *TINY]) == 0
    captured = capsys.readouterr()
    assert SUMMARY.fullmatch(captured.out.strip()), "the summary line is for scripts: the same in every language"
    assert captured.err.startswith(
        f"synth: 5 xã/phường × 2 phiên làm việc × 6 mục = 60 mục vào {tmp_path / 's'} "
        "(hạt giống 0, hôm nay 2025-12-15; đã có sẵn 0 phiên làm việc)\n"
    )
    message = _refused(capsys, ["synth", "--db", str(tmp_path / "default-store"), *TINY], 1)
    assert message == (
        f"haicap: {tmp_path / 'default-store'}: là kho dữ liệu haicap dùng mặc định; synth cần một thư mục kho dữ liệu nháp"
    )


def test_synth_reports_in_english(tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    set_language("en")
    assert main(["synth", "--db", str(tmp_path / "s"), *TINY]) == 0
    captured = capsys.readouterr()
    assert SUMMARY.fullmatch(captured.out.strip())
    assert captured.err.startswith(
        f"synth: 5 communes × 2 sessions × 6 items = 60 items into {tmp_path / 's'} "
        "(seed 0, today 2025-12-15; 0 sessions there already)\n"
    )
    message = _refused(capsys, ["synth", "--db", str(tmp_path / "default-store"), *TINY], 1)
    assert message == (
        f"haicap: {tmp_path / 'default-store'}: is the store haicap uses by default; synth needs a scratch store folder"
    )
