"""`haicap serve`: the dashboard for a browser, loopback by default, warned when not."""

from __future__ import annotations

import asyncio
import datetime as dt
import re
import shlex
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from haicap.tui.cli.commands.serve import dashboard_command, is_loopback
from haicap.tui.cli.main import main


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("localhost", True),
        ("::1", True),
        ("127.3.2.1", True),
        ("0.0.0.0", False),
        ("192.168.1.5", False),
        ("cong-ty.vn", False),
    ],
)
def test_which_hosts_count_as_this_machine_only(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_each_browser_tab_runs_the_dashboard_on_the_same_store(tmp_path: Path) -> None:
    words = shlex.split(dashboard_command(tmp_path / "kho chung", read_only=True, province="Nghệ An"))
    assert words[:3] == [sys.executable, "-m", "haicap"]
    assert words[3:] == ["--lang", "vi", "--db", str(tmp_path / "kho chung"), "--read-only", "--province", "Nghệ An"]


def test_each_browser_tab_measures_deadlines_against_the_day_serve_was_given(tmp_path: Path) -> None:
    words = shlex.split(dashboard_command(tmp_path, read_only=False, province=None, today=dt.date(2026, 1, 31)))
    assert words[3:] == ["--lang", "vi", "--db", str(tmp_path), "--today", "2026-01-31"]


async def _first_screen(websocket_url: str, origin: str, seconds: float = 30.0) -> str:
    """What the app sends a browser tab (as the page's script would receive it), as text."""
    import aiohttp

    received = b""
    # As the page's script does: the page's URL, plus the size; sent from the page's origin.
    async with (
        aiohttp.ClientSession() as session,
        session.ws_connect(f"{websocket_url}?width=100&height=30", headers={"Origin": origin}) as socket_,
    ):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                message = await socket_.receive(timeout=max(deadline - time.monotonic(), 0.1))
            except TimeoutError:
                break
            if message.type == aiohttp.WSMsgType.BINARY:
                received += message.data
            elif message.type != aiohttp.WSMsgType.TEXT:
                break
            if "Ngọc Trạo".encode() in received:
                break
    return received.decode("utf-8", errors="replace")


def test_serve_answers_on_localhost_with_the_app_page(seeded_store_path: Path) -> None:
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from haicap.tui.cli.main import run; sys.exit(run())",
            "serve",
            "--db",
            str(seeded_store_path),
            "--port",
            str(port),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        assert server.stderr is not None
        printed = server.stderr.readline().decode()
        url = next(word for word in printed.split() if "?token=" in word)
        assert url.startswith(f"http://127.0.0.1:{port}/?token="), "the URL to open holds the start's token"
        page = b""
        for _ in range(100):
            try:
                with urllib.request.urlopen(url, timeout=2) as response:
                    page = response.read()
                    break
            except OSError:
                time.sleep(0.1)
        assert b"<div>haicap</div>" in page, "textual-serve's page, titled haicap"
        [websocket_url] = re.findall(rb'data-session-websocket-url="([^"]+)"', page)
        assert websocket_url.startswith(f"ws://127.0.0.1:{port}/ws/".encode())
        screen = asyncio.run(_first_screen(websocket_url.decode(), f"http://127.0.0.1:{port}"))
        assert "Thanh Hóa" in screen and "Ngọc Trạo" in screen, "the dashboard runs behind the page"
    finally:
        server.terminate()
        _, err = server.communicate(timeout=20)
    assert "cảnh báo".encode() not in err, "no warning on loopback"


def test_serving_beyond_this_machine_warns_and_a_bad_port_is_refused(seeded_store_path: Path, monkeypatch, capsys) -> None:
    served = []
    monkeypatch.setattr("textual_serve.server.Server.serve", lambda self, debug=False: served.append((self.host, self.port)))
    public = ["--public-url", "http://may-chu:8123"]  # every address: the URL browsers use must be said
    assert main(["serve", "--db", str(seeded_store_path), "--host", "0.0.0.0", "--port", "8123", *public]) == 0
    err = capsys.readouterr().err
    assert "cảnh báo" in err and "không có đăng nhập" in err and "--read-only" in err
    assert served == [("0.0.0.0", 8123)]
    assert main(["serve", "--db", str(seeded_store_path), "--port", "tám"]) == 2
    assert "--port" in capsys.readouterr().err


def test_serve_refuses_a_missing_store_at_once(tmp_path: Path, capsys) -> None:
    code = main(["serve", "--db", str(tmp_path / "none"), "--read-only"])
    assert code == 1
    assert "ở đây không có kho dữ liệu haicap" in capsys.readouterr().err
