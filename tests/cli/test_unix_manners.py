"""`haicap` behaves like a Unix tool: no dashboard without a terminal, piped output never
cut, `--` ends options, completion scripts, `--verbose` and a log file, Ctrl-C exits 130
with nothing half-written, and an output encoding that cannot show Vietnamese is no crash.

Most of these run the real command in a real process (`python -m haicap`), with pipes and
files for its streams, as cron or a shell script would."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import store_files

from haicap.store import Store
from haicap.store.domain.i18n import _
from haicap.tui.cli.main import TERMINAL_NEEDED, main

ROOT = Path(__file__).resolve().parents[2]

REQUEST = "cdb5ed9f-16"
"""A request of the seed session (followed up: `set` works on it)."""


def _haicap(*argv: str, env: dict[str, str] | None = None, stdin=subprocess.DEVNULL, timeout: float = 10, **options):
    """Run `python -m haicap ARGV` in its own process, as a shell would."""
    return subprocess.run(  # noqa: PLW1510 - the exit code is what the tests look at
        [sys.executable, "-m", "haicap", *argv],
        cwd=options.pop("cwd", ROOT),
        env={**os.environ, **(env or {})},
        stdin=stdin,
        capture_output="stdout" not in options,
        text=True,
        timeout=timeout,
        **options,
    )


def _one_line(err: str) -> str:
    assert "Traceback" not in err, err
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("haicap: "), err
    return lines[0]


# -- the dashboard needs a terminal ------------------------------------------------------


def test_the_dashboard_without_a_terminal_says_so_and_exits_2_at_once(seeded_store_path: Path, tmp_path: Path) -> None:
    """`haicap </dev/null >file` (cron): one line and exit 2, no escape codes in the file, no hang."""
    output = tmp_path / "out.txt"
    with output.open("w") as handle:
        done = _haicap("--db", str(seeded_store_path), stdout=handle, stderr=subprocess.PIPE)
    assert done.returncode == 2
    assert _one_line(done.stderr) == f"haicap: {_(TERMINAL_NEEDED)}"
    assert output.read_text() == "", "nothing, escape codes least of all, goes into the file"


def test_the_dashboard_in_a_pipe_is_refused_too(seeded_store_path: Path) -> None:
    done = _haicap("--db", str(seeded_store_path), stdin=None, input="q\n")
    assert done.returncode == 2 and "cần một terminal" in _one_line(done.stderr)


# -- piped output is whole --------------------------------------------------------------


def test_piped_items_hold_every_text_json_has(seeded_store_path: Path) -> None:
    """`haicap items | grep` finds what `--json` finds: no line is cut at 120 columns."""
    env = {"COLUMNS": "80"}
    listed = _haicap("--db", str(seeded_store_path), "items", env=env)
    as_json = _haicap("--db", str(seeded_store_path), "items", "--json", env=env)
    assert listed.returncode == 0 and as_json.returncode == 0
    texts = [item["text"] for item in json.loads(as_json.stdout)]
    assert max(len(text) for text in texts) > 200, "the seed has long items"
    assert "…" not in listed.stdout
    lines = listed.stdout.splitlines()
    assert len(lines) == len(texts)
    for text, line in zip(texts, lines, strict=True):
        assert line.endswith(text)


def test_a_line_break_in_a_text_cannot_split_a_row(seeded_store_path: Path, capsys) -> None:
    from haicap.tui.cli.commands.printing import print_table

    print_table([("a-1", "request", "xã X\nforged-row", "tab\there")])
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and "forged-row" in out and "\t" not in out


# -- `--` ends options ------------------------------------------------------------------


def test_double_dash_ends_options_for_search(seeded_store_path: Path, capsys) -> None:
    assert main(["--db", str(seeded_store_path), "search", "--", "-x"]) == 0
    assert "'-x'" in capsys.readouterr().out


def test_double_dash_ends_options_for_import(seeded_store_path: Path, tmp_path: Path) -> None:
    """A file named `-file.txt` is read as a file, not an option."""
    from test_command_line import ARTICLE

    reports = tmp_path / "reports"  # not tmp_path itself: its `store` folder would shadow the package
    reports.mkdir()
    (reports / "-file.txt").write_text(ARTICLE, encoding="utf-8")
    done = _haicap("--db", str(seeded_store_path), "import", "--", "-file.txt", cwd=reports)
    assert done.returncode == 0, done.stderr
    assert "đã nhập 1 phiên làm việc" in done.stdout


# -- completion -------------------------------------------------------------------------


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_scripts_name_the_commands(shell: str) -> None:
    done = _haicap("completion", shell)
    assert done.returncode == 0 and done.stderr == ""
    for word in ("items", "import", "restore-item", "--db"):
        assert word in done.stdout, (shell, word)


def test_the_bash_completion_script_is_valid_bash(tmp_path: Path) -> None:
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("no bash here")
    script = tmp_path / "haicap.bash"
    script.write_text(_haicap("completion", "bash").stdout)
    checked = subprocess.run([bash, "-n", str(script)], check=False, capture_output=True, text=True, timeout=10)
    assert checked.returncode == 0, checked.stderr
    # Sourced, it registers a completion function for `haicap`.
    loaded = subprocess.run(
        [bash, "-c", f"source {script} && complete -p haicap"], check=False, capture_output=True, text=True, timeout=10
    )
    assert loaded.returncode == 0 and "haicap" in loaded.stdout, loaded.stderr


# -- --verbose and the log file ---------------------------------------------------------


def test_verbose_names_the_kind_of_error_and_where(tmp_path: Path, capsys) -> None:
    assert main(["--verbose", "--db", str(tmp_path / "nowhere"), "items"]) == 1
    line = _one_line(capsys.readouterr().err)
    assert "CommandError tại " in line and ".py:" in line
    assert main(["--db", str(tmp_path / "nowhere"), "items"]) == 1
    assert "Error tại" not in capsys.readouterr().err


def test_a_change_leaves_one_line_in_the_log_without_the_text(seeded_store_path: Path, isolated_log: Path, capsys) -> None:
    note = "ghi chú rất dài " * 20
    assert main(["--db", str(seeded_store_path), "set", REQUEST, "--owner", "Sở Tài chính", "--note", note]) == 0
    [line] = isolated_log.read_text(encoding="utf-8").splitlines()
    assert "command=set" in line and f"store={seeded_store_path}" in line and "done" in line and REQUEST in line
    assert note.strip() not in line, "item text never lands in the log in full"
    # A refusal is logged too, as the one line the user saw.
    assert main(["--db", str(seeded_store_path), "set", "nope-1", "--owner", "X"]) == 1
    err = _one_line(capsys.readouterr().err)
    logged = isolated_log.read_text(encoding="utf-8").splitlines()
    assert len(logged) == 3 and err.removeprefix("haicap: ") in logged[1] and "refused" in logged[2]


def test_a_log_that_cannot_be_written_never_fails_a_command(seeded_store_path: Path, tmp_path: Path, monkeypatch, capsys) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("HAICAP_LOG", str(blocker / "log" / "haicap.log"))  # under a file: no folder can be made
    assert main(["--db", str(seeded_store_path), "set", REQUEST, "--owner", "Sở Y tế"]) == 0
    assert capsys.readouterr().err == ""
    assert main(["--verbose", "--db", str(seeded_store_path), "set", REQUEST, "--owner", "Sở Xây dựng"]) == 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "không ghi được nhật ký" in err


# -- Ctrl-C ------------------------------------------------------------------------------


INTERRUPT_DURING_WRITE = textwrap.dedent(
    """
    import os, signal, sys
    import haicap.store.db.storage
    storage = haicap.store.db.storage
    real = storage.replace_file

    def interrupted(*args, **kwargs):
        # Ctrl-C arrives after the backup was kept, before the new file is renamed in place.
        os.kill(os.getpid(), signal.SIGINT)
        return real(*args, **kwargs)

    storage.replace_file = interrupted
    from haicap.tui.cli.main import run
    sys.argv = ["haicap", *sys.argv[1:]]
    sys.exit(run())
    """
)


def test_ctrl_c_during_an_import_exits_130_with_nothing_written(seeded_store_path: Path, tmp_path: Path) -> None:
    from test_command_line import ARTICLE

    article = tmp_path / "bai.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    before = store_files.snapshot(seeded_store_path)
    files_before = set(os.listdir(seeded_store_path))
    backups_before = sorted(os.listdir(seeded_store_path / "backups")) if (seeded_store_path / "backups").exists() else []
    done = subprocess.run(
        [sys.executable, "-c", INTERRUPT_DURING_WRITE, "--db", str(seeded_store_path), "import", str(article)],
        cwd=ROOT,
        check=False,
        capture_output=True,
        text=True,
        timeout=20,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 130
    assert _one_line(done.stderr) == "haicap: đã ngắt; không ghi gì"
    assert store_files.snapshot(seeded_store_path) == before
    assert set(os.listdir(seeded_store_path)) - files_before <= {"haicap.json.lock", "province-38.json.lock"}, (
        "no half-written file left"
    )
    assert sorted(os.listdir(seeded_store_path / "backups")) == backups_before, "the interrupted change keeps no backup"
    with Store.open(seeded_store_path) as store:
        assert len(store.sessions()) == 1


def test_ctrl_c_during_a_long_listing_exits_130(seeded_store_path: Path) -> None:
    script = textwrap.dedent(
        """
        import os, signal, sys
        import haicap.tui.cli.commands.common as common
        real = common.item_row
        def slow(*args, **kwargs):
            os.kill(os.getpid(), signal.SIGINT)
            return real(*args, **kwargs)
        common.item_row = slow
        import haicap.tui.cli.commands.follow_up as follow_up
        follow_up.item_row = slow
        from haicap.tui.cli.main import run
        sys.argv = ["haicap", *sys.argv[1:]]
        sys.exit(run())
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script, "--db", str(seeded_store_path), "items"],
        cwd=ROOT,
        check=False,
        capture_output=True,
        text=True,
        timeout=20,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 130 and _one_line(done.stderr) == "haicap: đã ngắt; không ghi gì"


# -- output encodings --------------------------------------------------------------------


def test_an_ascii_output_gets_escapes_and_one_warning_not_a_traceback(seeded_store_path: Path) -> None:
    done = _haicap("--db", str(seeded_store_path), "items", env={"PYTHONIOENCODING": "ascii"})
    assert done.returncode == 0, done.stderr
    assert "warning" in _one_line(done.stderr) and "ascii" in done.stderr
    assert "Ng\\u1ecdc Tr\\u1ea1o" in done.stdout  # "Ngọc Trạo", escaped


def test_the_c_locale_lists_items_without_a_traceback(seeded_store_path: Path) -> None:
    done = _haicap("--db", str(seeded_store_path), "items", env={"LANG": "C", "LC_ALL": "C"})
    assert done.returncode == 0 and "Traceback" not in done.stderr
    assert done.stderr.count("\n") <= 1
    assert "Ng" in done.stdout


# -- an unexpected error -----------------------------------------------------------------


def test_an_unexpected_error_is_one_line_naming_the_log(monkeypatch, capsys, seeded_store_path: Path, isolated_log: Path) -> None:
    import haicap.tui.cli.main

    def broken(*args, **kwargs):
        raise TypeError("a bug")

    monkeypatch.setattr("haicap.tui.cli.commands.follow_up.item_row", broken)
    monkeypatch.setattr(sys, "argv", ["haicap", "--db", str(seeded_store_path), "items"])
    assert haicap.tui.cli.main.run() == 1
    line = _one_line(capsys.readouterr().err)
    assert "TypeError" in line and "a bug" in line and str(isolated_log) in line
    assert "Traceback" in isolated_log.read_text(encoding="utf-8"), "the details are in the log, on one line"
