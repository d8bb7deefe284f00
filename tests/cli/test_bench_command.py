"""`haicap bench --json` on a tiny synthetic store: every figure, as a number, and the store untouched."""

from __future__ import annotations

import json
from pathlib import Path

from haicap.store import Store
from haicap.store.domain.i18n import set_language
from haicap.tui.cli.dev.bench import percentile
from haicap.tui.cli.dev.benchmarks import FIGURES
from haicap.tui.cli.main import main

QUICK = ("--runs", "1", "--switches", "5", "--filter-words", "1", "--overview-runs", "1", "--edits", "3", "--articles", "10")


def _state(db: Path) -> list[tuple]:
    with Store.open(db, read_only=True) as store:
        return sorted((i.id, i.text, i.tracking, i.revision) for i in store.items())


def test_bench_json_has_every_figure_and_leaves_the_store_alone(tmp_path: Path, capsys) -> None:
    db = tmp_path / "tiny"
    assert main(["synth", "--db", str(db), "--communes", "5", "--sessions-per-commune", "2", "--items-per-session", "6"]) == 0
    before = _state(db)
    capsys.readouterr()

    results = tmp_path / "results.jsonl"
    assert main(["bench", "--db", str(db), "--json", *QUICK, "--append", str(results), "--label", "test"]) == 0
    data = json.loads(capsys.readouterr().out)

    assert set(data) == set(FIGURES) | {"store", "machine", "when"}
    for key in FIGURES:
        assert isinstance(data[key], float) and data[key] >= 0, key
    for key in ("floor_s", "first_paint_s", "switch_p50_ms", "rss_mb", "import_per_s", "edit_p95_ms"):
        assert data[key] > 0, key
    assert data["switch_p50_ms"] <= data["switch_p95_ms"]
    assert data["store"] == str(db)
    machine = data["machine"]
    assert isinstance(machine["cpus"], int) and isinstance(machine["python"], str) and isinstance(machine["platform"], str)
    assert isinstance(data["when"], str)
    assert json.loads(results.read_text(encoding="utf-8"))["label"] == "test"
    # Read-only dashboard, edits and imports on a copy: the measured store is unchanged.
    assert _state(db) == before


def test_bench_refuses_a_folder_without_a_store(tmp_path: Path, capsys) -> None:
    assert main(["bench", "--db", str(tmp_path / "nothing"), "--json"]) == 1
    assert capsys.readouterr().err.startswith("haicap: ")


def test_percentile_is_nearest_rank() -> None:
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 0.5) == 50.0
    assert percentile(values, 0.95) == 95.0
    assert percentile([3.0], 0.95) == 3.0


_OUTPUT = {
    **dict.fromkeys(FIGURES, 1.0),
    "store": "/tmp/hb/province",
    "machine": {"cpus": 2, "python": "3.11.9", "platform": "Linux", "load": [1.0], "load_before": [0.5]},
    "when": "2026-12-03T16:00:00+00:00",
}
_DETAIL = {
    "open_s": 0.25,
    "province": "Thanh Hóa",
    "sessions": 452,
    "items": 15936,
    "edits": 50,
    "articles": 1000,
    "switches": 200,
    "keystrokes": 20,
    "backups_mb": 0.0,
}


def _table(capsys) -> list[str]:
    from haicap.tui.cli.dev.bench import _print_table

    _print_table(_OUTPUT, _DETAIL)
    return capsys.readouterr().out.splitlines()


def test_the_bench_table_is_in_vietnamese_by_default_and_keeps_the_figures_names(capsys) -> None:
    lines = _table(capsys)
    assert lines[0] == "kho dữ liệu  /tmp/hb/province  (452 phiên làm việc, 15,936 mục, mở trong 0.25 giây)"
    # The figures' names and targets are the ones README and benchmarks/results.md quote.
    assert [line.split()[0] for line in lines[1:-1]] == list(FIGURES)
    assert lines[4].startswith("switch_p95_ms           1.000  ≤ 17")
    assert "n → các ô của xã/phường kế tiếp (200 lần chuyển)" in lines[3]
    assert lines[-1].startswith("máy  2 CPU, Python 3.11.9, Linux, tải [0.5] → [1.0]")


def test_the_bench_table_is_in_english_on_request(capsys, monkeypatch) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    set_language("en")
    lines = _table(capsys)
    assert lines[0] == "store  /tmp/hb/province  (452 sessions, 15,936 items, opens in 0.25 s)"
    assert [line.split()[0] for line in lines[1:-1]] == list(FIGURES)
    assert "n → next commune's panes (200 switches)" in lines[3]
    assert lines[-1].startswith("machine  2 cpus, Python 3.11.9, Linux, load [0.5] → [1.0]")


def test_the_bench_refusal_is_in_english_on_request(tmp_path: Path, capsys, monkeypatch) -> None:
    assert main(["bench", "--db", str(tmp_path / "nothing")]) == 1
    assert capsys.readouterr().err == f"haicap: {tmp_path / 'nothing'}: không có kho dữ liệu haicap nào ở đây để đo\n"
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    set_language("en")
    assert main(["bench", "--db", str(tmp_path / "nothing")]) == 1
    assert capsys.readouterr().err == f"haicap: {tmp_path / 'nothing'}: no haicap store here to measure\n"
