"""`haicap bench --json` on a tiny synthetic store: every figure, as a number, and the store untouched."""

from __future__ import annotations

import json
from pathlib import Path

from haicap.store import Store
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
