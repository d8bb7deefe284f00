"""The language `haicap` speaks on the command line: Vietnamese by default, English with
`--lang en` (before or after the command), with a remembered choice (`haicap lang en`, the
settings file's "language") or with a locale that names English; `--lang` beats them all.

The help and the errors are checked on the real command (`python -m haicap`), in a process
of its own, with the environment a shell would give it."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from haicap.store.domain.i18n import language, set_language
from haicap.tui.cli.main import main

ROOT = Path(__file__).resolve().parents[2]

VIETNAMESE_HELP = "in thư mục kho dữ liệu mà haicap sẽ dùng, rồi thoát"
ENGLISH_HELP = "print the store folder haicap would use, and exit"
VIETNAMESE_IMPORT_HELP = "thêm các phiên làm việc vào kho"
ENGLISH_IMPORT_HELP = "add the sessions to the store"


def _haicap(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m haicap ARGV` in its own process, with no locale unless `env` gives one."""
    base = {name: value for name, value in os.environ.items() if name not in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")}
    return subprocess.run(
        [sys.executable, "-m", "haicap", *argv],
        cwd=ROOT,
        env={**base, **(env or {})},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )


def _is_vietnamese(help_text: str) -> bool:
    return help_text.startswith("cách dùng: haicap") and "tuỳ chọn:" in help_text and "usage:" not in help_text


def _is_english(help_text: str) -> bool:
    return help_text.startswith("usage: haicap") and "options:" in help_text and "cách dùng" not in help_text


# -- help ---------------------------------------------------------------------------------


def test_the_help_is_vietnamese_by_default() -> None:
    done = _haicap("--help")
    assert done.returncode == 0, done.stderr
    assert _is_vietnamese(done.stdout) and VIETNAMESE_HELP in done.stdout
    words = " ".join(done.stdout.split())
    assert "--lang vi|en" in words and "haicap lang en ghi nhớ" in words, "the help says how to change it"
    command = _haicap("import", "--help")
    assert _is_vietnamese(command.stdout) and VIETNAMESE_IMPORT_HELP in " ".join(command.stdout.split())


@pytest.mark.parametrize(
    "argv",
    [
        ("--lang", "en", "--help"),
        ("--lang=en", "--help"),
        ("--help", "--lang", "en"),
    ],
)
def test_lang_en_gives_the_english_help(argv: tuple[str, ...]) -> None:
    done = _haicap(*argv)
    assert done.returncode == 0, done.stderr
    assert _is_english(done.stdout) and ENGLISH_HELP in done.stdout


@pytest.mark.parametrize(
    "argv",
    [
        ("--lang", "en", "import", "--help"),
        ("import", "--lang", "en", "--help"),
        ("import", "--help", "--lang=en"),
    ],
)
def test_lang_en_before_or_after_the_command_gives_its_english_help(argv: tuple[str, ...]) -> None:
    done = _haicap(*argv)
    assert done.returncode == 0, done.stderr
    assert _is_english(done.stdout) and ENGLISH_IMPORT_HELP in " ".join(done.stdout.split())


@pytest.mark.parametrize(
    ("variables", "english"),
    [
        ({"LANG": "en_US.UTF-8"}, True),
        ({"LC_ALL": "en_GB.UTF-8", "LANG": "vi_VN.UTF-8"}, True),
        ({"LC_MESSAGES": "en_US.UTF-8"}, True),
        ({"LANG": "vi_VN.UTF-8"}, False),
        ({"LANG": "C.UTF-8"}, False),
        ({"LANG": "C"}, False),
        ({"LANG": "fr_FR.UTF-8"}, False),
    ],
)
def test_the_locale_chooses_when_nothing_else_does(variables: dict[str, str], english: bool) -> None:
    done = _haicap("--help", env=variables)
    assert done.returncode == 0, done.stderr
    assert (_is_english if english else _is_vietnamese)(done.stdout), done.stdout[:200]


def test_lang_beats_the_locale_and_the_settings_file(isolated_user_config: Path) -> None:
    assert _is_vietnamese(_haicap("--lang", "vi", "--help", env={"LANG": "en_US.UTF-8"}).stdout)
    isolated_user_config.parent.mkdir(parents=True)
    isolated_user_config.write_text(json.dumps({"language": "en"}), encoding="utf-8")
    assert _is_english(_haicap("--help").stdout), "the settings file's language"
    assert _is_english(_haicap("--help", env={"LANG": "vi_VN.UTF-8"}).stdout), "the settings file beats LANG"
    assert _is_vietnamese(_haicap("--lang", "vi", "locate", "--help").stdout), "--lang beats the settings file"


# -- a language haicap does not speak -----------------------------------------------------


@pytest.mark.parametrize("argv", [("--lang", "fr", "items"), ("items", "--lang=fr"), ("--lang",)])
def test_an_unknown_lang_is_one_line_exit_2_and_touches_nothing(argv: tuple[str, ...], seeded_store_path: Path) -> None:
    before = (seeded_store_path / "haicap.json").read_bytes()
    done = _haicap("--db", str(seeded_store_path), *argv)
    assert done.returncode == 2 and done.stdout == ""
    [line] = done.stderr.splitlines()
    assert line.startswith("haicap: --lang: ") and "vi, en" in line
    assert "haicap không dùng ngôn ngữ" in line, "said in Vietnamese, the default"
    assert (seeded_store_path / "haicap.json").read_bytes() == before


def test_an_unknown_lang_is_said_in_the_language_of_the_locale(seeded_store_path: Path) -> None:
    before = (seeded_store_path / "haicap.json").read_bytes()
    done = _haicap(
        "--db", str(seeded_store_path), "--lang", "fr", "set", "cdb5ed9f-16", "--owner", "X", env={"LANG": "en_US.UTF-8"}
    )
    assert done.returncode == 2
    assert done.stderr == "haicap: --lang: 'fr' is not a language haicap speaks; use one of: vi, en\n"
    assert (seeded_store_path / "haicap.json").read_bytes() == before


# -- results and errors -------------------------------------------------------------------


def test_an_error_is_vietnamese_by_default_and_english_with_lang_en(seeded_store_path: Path, tmp_path: Path) -> None:
    missing = tmp_path / "khong-co.txt"
    before = (seeded_store_path / "haicap.json").read_bytes()
    vietnamese = _haicap("--db", str(seeded_store_path), "import", str(missing))
    assert vietnamese.returncode == 1
    [line] = vietnamese.stderr.splitlines()
    assert line.startswith(f"haicap: {missing}: ") and line.endswith("; không nhập gì")
    english = _haicap("--db", str(seeded_store_path), "import", str(missing), "--lang", "en")
    assert english.returncode == 1
    [line] = english.stderr.splitlines()
    assert line.startswith(f"haicap: {missing}: ") and line.endswith("; nothing imported")
    assert (seeded_store_path / "haicap.json").read_bytes() == before


def test_a_refusal_of_argparse_is_in_the_language_spoken(seeded_store_path: Path) -> None:
    vietnamese = _haicap("--db", str(seeded_store_path), "items", "--kind")
    assert vietnamese.returncode == 2
    assert vietnamese.stderr.strip().endswith("(xem haicap items --help)"), vietnamese.stderr
    english = _haicap("--db", str(seeded_store_path), "--lang", "en", "items", "--kind")
    assert english.returncode == 2
    assert english.stderr.strip().endswith("(see haicap items --help)"), english.stderr


def test_results_follow_the_language_and_json_does_not(seeded_store_path: Path, capsys) -> None:
    db = ["--db", str(seeded_store_path)]
    assert main([*db, "config"]) == 0
    assert "kiến nghị đến hạn trả lời" in capsys.readouterr().out
    assert main([*db, "--lang", "en", "config"]) == 0
    assert "a request is due this many days after its session" in capsys.readouterr().out
    assert main([*db, "--lang", "en", "items", "--kind", "request"]) == 0
    listing = capsys.readouterr().out
    assert "Received" in listing and "Mới tiếp nhận" not in listing
    assert main([*db, "items", "--kind", "request", "--json"]) == 0
    in_vietnamese = capsys.readouterr().out
    assert main([*db, "items", "--kind", "request", "--json", "--lang", "en"]) == 0
    assert capsys.readouterr().out == in_vietnamese, "machine output is the same in every language"


def test_each_run_chooses_again(seeded_store_path: Path, capsys) -> None:
    """In one process (the tests, a script calling main), a run's --lang does not stick."""
    assert main(["--lang", "en", "--db", str(seeded_store_path), "search", "atlantis"]) == 0
    assert capsys.readouterr().out.startswith("no item contains")
    assert main(["--db", str(seeded_store_path), "search", "atlantis"]) == 0
    assert capsys.readouterr().out.startswith("không có nội dung nào chứa")
    assert main(["--lan", "en", "--db", str(seeded_store_path), "search", "atlantis"]) == 0, "argparse's abbreviation"
    assert capsys.readouterr().out.startswith("no item contains")


# -- remembering the language --------------------------------------------------------------


def test_haicap_lang_remembers_the_language_in_the_settings_file(isolated_user_config: Path) -> None:
    shown = _haicap("lang")
    assert shown.returncode == 0 and shown.stdout == "tiếng Việt (vi), mặc định\n"
    remembered = _haicap("lang", "en")
    assert remembered.returncode == 0, remembered.stderr
    assert remembered.stdout == f"English (en), remembered in {isolated_user_config}\n", "said in the new language"
    assert json.loads(isolated_user_config.read_text(encoding="utf-8")) == {"language": "en"}
    assert _is_english(_haicap("--help").stdout)
    assert _haicap("lang").stdout == f"English (en), remembered in {isolated_user_config}\n"
    assert _haicap("--lang", "vi", "lang").stdout == "tiếng Việt (vi), chọn bằng --lang cho lần chạy này\n"
    forgotten = _haicap("lang", "--forget", env={"LANG": "C.UTF-8"})
    assert forgotten.returncode == 0
    assert forgotten.stdout == "đã bỏ ngôn ngữ ghi nhớ; giờ là: tiếng Việt (vi), mặc định\n"
    assert json.loads(isolated_user_config.read_text(encoding="utf-8")) == {}
    assert _is_vietnamese(_haicap("--help").stdout)


def test_haicap_lang_keeps_the_other_settings_and_touches_no_store(isolated_user_config: Path, seeded_store_path: Path) -> None:
    isolated_user_config.parent.mkdir(parents=True)
    isolated_user_config.write_text(json.dumps({"theme": "haicap-dark"}), encoding="utf-8")
    before = (seeded_store_path / "haicap.json").read_bytes()
    done = _haicap("--db", str(seeded_store_path), "--read-only", "lang", "en")
    assert done.returncode == 0, done.stderr
    assert json.loads(isolated_user_config.read_text(encoding="utf-8")) == {"theme": "haicap-dark", "language": "en"}
    assert (seeded_store_path / "haicap.json").read_bytes() == before
    assert _haicap("lang", "--forget").returncode == 0
    assert json.loads(isolated_user_config.read_text(encoding="utf-8")) == {"theme": "haicap-dark"}


def test_haicap_lang_with_lang_says_what_it_remembered_in_the_language_of_this_run(isolated_user_config: Path) -> None:
    done = _haicap("--lang", "vi", "lang", "en")
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"tiếng Anh (en), đã ghi nhớ trong {isolated_user_config}\n"
    assert _haicap("lang").stdout == f"English (en), remembered in {isolated_user_config}\n"


def test_haicap_lang_refuses_what_it_cannot_remember(isolated_user_config: Path) -> None:
    unknown = _haicap("lang", "fr")
    assert unknown.returncode == 2 and len(unknown.stderr.splitlines()) == 1
    assert "'fr'" in unknown.stderr and "haicap lang --help" in unknown.stderr
    both = _haicap("lang", "en", "--forget")
    assert both.returncode == 2 and both.stderr.startswith("haicap: --forget: ")
    assert not isolated_user_config.exists()


def test_a_settings_file_that_cannot_be_written_is_one_line(isolated_user_config: Path) -> None:
    isolated_user_config.parent.parent.mkdir(parents=True, exist_ok=True)
    isolated_user_config.parent.write_text("not a folder", encoding="utf-8")
    done = _haicap("lang", "en")
    assert done.returncode == 1
    assert done.stderr == f"haicap: {isolated_user_config}: không lưu được ngôn ngữ\n"


# -- haicap serve ------------------------------------------------------------------------


def test_each_browser_tab_speaks_the_language_serve_speaks(tmp_path: Path) -> None:
    from haicap.tui.cli.commands.serve import dashboard_command

    assert language() == "vi"
    assert shlex.split(dashboard_command(tmp_path, read_only=False, province=None))[3:5] == ["--lang", "vi"]
    set_language("en")
    assert shlex.split(dashboard_command(tmp_path, read_only=False, province=None, served=True))[3:5] == ["--lang", "en"]
