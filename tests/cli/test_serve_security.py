"""`haicap serve` lets in only its own page holding the start's token (issue 14, items 2 and 8).

Each test starts the real server in a subprocess on a free loopback port and talks to it
with aiohttp, as a browser (or another site's page in a browser) would: a refused
connection gets its HTTP status and no dashboard process is started on the server.
"""

from __future__ import annotations

import asyncio
import os
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import pytest

from haicap.tui.cli.main import main
from haicap.tui.serving.origin import Gate, PublicUrlError, origin_of, parse_public_url

EVIL = "http://evil.example"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Served:
    """A running `haicap serve`: its process, port, the URL it printed and its token."""

    process: subprocess.Popen[str]
    port: int
    url: str
    token: str

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def children(self) -> list[int]:
        """The processes the server started (one dashboard per accepted browser session)."""
        found = []
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == self.process.pid:
                found.append(int(entry))
        return found


def _store_bytes(path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(path.iterdir()) if p.is_file()}


@contextmanager
def serving(store: Path, *options: str, port: int | None = None) -> Iterator[Served]:
    """Run `haicap serve --db STORE OPTIONS` until the block ends; wait until it answers."""
    port = port or _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "haicap", "serve", "--db", str(store), "--port", str(port), *options],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stderr is not None
        line = process.stderr.readline()
        printed = re.search(r" (?:at|tại) (\S+/\?token=(\S+)) ", line)
        assert printed, f"the command prints the URL with its token: {line!r}"
        for _ in range(200):
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                time.sleep(0.05)
        yield Served(process, port, printed.group(1), printed.group(2))
    finally:
        process.terminate()
        try:
            process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()


async def _ws_status(url: str, origin: str | None, host: str | None = None) -> int:
    """The HTTP status a websocket handshake gets: 101 when accepted (then closed at once)."""
    headers = {} if origin is None else {"Origin": origin}
    if host is not None:
        headers["Host"] = host
    async with aiohttp.ClientSession() as session:
        try:
            async with session.ws_connect(url, headers=headers, timeout=aiohttp.ClientWSTimeout(ws_receive=5)) as ws:
                await ws.close()
                return 101
        except aiohttp.WSServerHandshakeError as error:
            return error.status


async def _get(url: str, **headers: str) -> tuple[int, str]:
    async with aiohttp.ClientSession() as session, session.get(url, headers=headers) as response:
        return response.status, await response.text()


def _no_child_for(served: Served, seconds: float = 1.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert served.children() == [], "no dashboard process is started for a refused connection"
        time.sleep(0.05)


def _wait_for_child(served: Served, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not served.children():
        assert time.monotonic() < deadline, "an accepted session starts its dashboard"
        time.sleep(0.05)


# -- the browser of another site's page -----------------------------------------------


def test_a_page_of_another_site_gets_403_and_starts_nothing(seeded_store_path: Path) -> None:
    before = _store_bytes(seeded_store_path)
    with serving(seeded_store_path) as served:
        ws = f"ws://127.0.0.1:{served.port}/ws/{served.token}"
        # Even holding the token (it cannot), a foreign page is refused; so is a client without Origin.
        assert asyncio.run(_ws_status(ws, EVIL)) == 403
        assert asyncio.run(_ws_status(ws, None)) == 403
        # textual-serve's own websocket path, which the original server answered for any page.
        assert asyncio.run(_ws_status(f"ws://127.0.0.1:{served.port}/ws", EVIL)) == 403
        assert asyncio.run(_ws_status(f"ws://127.0.0.1:{served.port}/ws", served.origin)) == 403
        _no_child_for(served)
        # The page's own origin, with the token: a dashboard starts.
        assert asyncio.run(_ws_status(ws, served.origin)) == 101
    assert _store_bytes(seeded_store_path) == before


def test_a_rebound_host_name_is_refused(seeded_store_path: Path) -> None:
    """DNS rebinding: evil.example resolved to 127.0.0.1 sends its own name as Host and Origin."""
    with serving(seeded_store_path) as served:
        ws = f"ws://127.0.0.1:{served.port}/ws/{served.token}"
        assert asyncio.run(_ws_status(ws, f"http://evil.example:{served.port}", host=f"evil.example:{served.port}")) == 403
        status, _ = asyncio.run(_get(f"{served.url}", Host=f"evil.example:{served.port}"))
        assert status == 403
        _no_child_for(served, 0.3)


def test_page_and_websocket_need_the_token_of_this_start(seeded_store_path: Path) -> None:
    with serving(seeded_store_path) as served:
        page = f"http://127.0.0.1:{served.port}/"
        assert asyncio.run(_get(page))[0] == 403
        status, text = asyncio.run(_get(page + "?token=guessed"))
        assert status == 403 and text.startswith("haicap: ") and text.count("\n") == 1
        assert asyncio.run(_ws_status(f"ws://127.0.0.1:{served.port}/ws/guessed", served.origin)) == 403
        _no_child_for(served, 0.3)
        status, text = asyncio.run(_get(served.url))
        assert status == 200 and f'data-session-websocket-url="ws://127.0.0.1:{served.port}/ws/{served.token}"' in text
    with serving(seeded_store_path, port=served.port) as again:
        assert again.token != served.token, "a new token at every start"
        assert asyncio.run(_get(served.url))[0] == 403, "the last start's URL no longer works"


def test_sessions_over_the_cap_get_503_and_no_process(seeded_store_path: Path) -> None:
    async def scenario(served: Served) -> None:
        ws = f"ws://127.0.0.1:{served.port}/ws/{served.token}"
        async with aiohttp.ClientSession() as session, session.ws_connect(ws, headers={"Origin": served.origin}):
            await asyncio.to_thread(_wait_for_child, served)
            assert len(served.children()) == 1
            assert await _ws_status(ws, served.origin) == 503
            async with session.get(ws, headers={"Origin": served.origin}) as response:
                text = await response.text()
            assert response.status == 503 and "quá nhiều phiên trình duyệt" in text and text.count("\n") == 1
            assert len(served.children()) == 1, "no second dashboard"
        # The tab closed: its place is free again.
        for _ in range(100):
            if await _ws_status(ws, served.origin) == 101:
                return
            await asyncio.sleep(0.1)
        raise AssertionError("a closed session frees its place")

    with serving(seeded_store_path, "--max-sessions", "1") as served:
        asyncio.run(scenario(served))


# -- a tunnel or a proxy on another port ----------------------------------------------


@contextmanager
def tunnel(to_port: int) -> Iterator[int]:
    """A TCP forwarder from a new local port to `to_port`, as `ssh -L Q:127.0.0.1:P` makes."""
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.settimeout(0.2)
    stop = threading.Event()

    def pipe(source: socket.socket, target: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                target.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, target):
                try:
                    end.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def accept() -> None:
        while not stop.is_set():
            try:
                client, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", to_port))
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=pipe, args=(a, b), daemon=True).start()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        thread.join(2)
        listener.close()


def test_behind_a_tunnel_on_another_port_the_page_points_at_the_public_url(seeded_store_path: Path) -> None:
    port = _free_port()
    with tunnel(port) as public_port:
        public = f"http://127.0.0.1:{public_port}"
        with serving(seeded_store_path, "--public-url", public, port=port) as served:
            assert served.url == f"{public}/?token={served.token}", "the URL printed is the one browsers open"
            status, page = asyncio.run(_get(served.url))  # through the tunnel
            assert status == 200
            assert f'data-session-websocket-url="ws://127.0.0.1:{public_port}/ws/{served.token}"' in page
            through = f"ws://127.0.0.1:{public_port}/ws/{served.token}"
            assert asyncio.run(_ws_status(through, EVIL)) == 403
            _no_child_for(served, 0.3)
            assert asyncio.run(_ws_status(through, public)) == 101
            # Decided: the listening address's own origin stays allowed (a browser on the server).
            assert asyncio.run(_ws_status(f"ws://127.0.0.1:{port}/ws/{served.token}", f"http://127.0.0.1:{port}")) == 101


# -- the command line -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "said"),
    [
        (["--public-url", "localhost:9000"], "--public-url"),
        (["--public-url", "ftp://may-chu/"], "--public-url"),
        (["--public-url", "http://may-chu:99999"], "--public-url"),
        (["--public-url", "http://may-chu/?a=1"], "--public-url"),
        (["--max-sessions", "0"], "--max-sessions"),
        (["--max-sessions", "tám"], "--max-sessions"),
        (["--files", "NOT-A-FOLDER"], "--files"),
        (["--host", "0.0.0.0"], "--public-url"),
    ],
)
def test_malformed_options_are_one_line_and_exit_2(seeded_store_path: Path, monkeypatch, capsys, options, said) -> None:
    served: list[object] = []
    monkeypatch.setattr("textual_serve.server.Server.serve", lambda self, debug=False: served.append(self))
    options = [str(seeded_store_path / "x") if o == "NOT-A-FOLDER" else o for o in options]
    assert main(["serve", "--db", str(seeded_store_path), *options]) == 2
    err = capsys.readouterr().err
    assert err.startswith("haicap: ") and said in err and err.count("\n") == 1
    assert served == []


def test_the_served_dashboard_is_told_it_is_served_and_which_folders_it_may_read(
    seeded_store_path: Path, tmp_path: Path, monkeypatch, capsys
) -> None:
    served = []
    monkeypatch.setattr("textual_serve.server.Server.serve", lambda self, debug=False: served.append(self))
    (tmp_path / "bao cao").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "bao cao")
    assert (
        main(["serve", "--db", str(seeded_store_path), "--read-only", "--files", str(tmp_path / "link"), "--max-sessions", "3"])
        == 0
    )
    [server] = served
    assert server.command.endswith(f"--read-only --served --files '{tmp_path / 'bao cao'}'"), "resolved at start"
    assert server.max_sessions == 3
    assert capsys.readouterr().err.count("?token=") == 1


def test_the_non_loopback_warning_says_what_the_token_protects(seeded_store_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setattr("textual_serve.server.Server.serve", lambda self, debug=False: None)
    assert main(["serve", "--db", str(seeded_store_path), "--host", "0.0.0.0", "--public-url", "http://may-chu:8000"]) == 0
    err = capsys.readouterr().err
    assert "cảnh báo" in err and "mã bí mật trong URL" in err and "https" in err


# -- the checks themselves ------------------------------------------------------------


def test_origins_are_compared_as_origins() -> None:
    gate = Gate.for_server("127.0.0.1", 8000, "https://haicap.tinh.gov.vn/bang", "t")
    assert origin_of("HTTP://LocalHost:8000/x") == "http://localhost:8000"
    assert origin_of("https://haicap.tinh.gov.vn:443") == "https://haicap.tinh.gov.vn"
    for allowed in ("http://127.0.0.1:8000", "http://localhost:8000", "http://[::1]:8000", "https://haicap.tinh.gov.vn"):
        assert gate.origin_refusal({"Origin": allowed}) is None, allowed
    for refused in (
        "http://127.0.0.1:8001",
        "https://127.0.0.1:8000",
        "http://haicap.tinh.gov.vn",
        "null",
        "http://evil.example",
    ):
        assert gate.origin_refusal({"Origin": refused}) is not None, refused
    assert gate.host_refusal({"Host": "haicap.tinh.gov.vn"}) is None
    assert gate.host_refusal({"Host": "haicap.tinh.gov.vn:443"}) is None
    assert gate.host_refusal({"Host": "evil.example"}) is not None
    assert gate.token_matches("t") and not gate.token_matches("T") and not gate.token_matches(None)
    assert parse_public_url("http://localhost:9000/") == "http://localhost:9000"
    with pytest.raises(PublicUrlError):
        parse_public_url("//localhost:9000")


def test_the_default_cap_is_what_memory_allows_between_1_and_8() -> None:
    from haicap.tui.serving.server import SESSION_MEMORY, default_max_sessions

    assert default_max_sessions(0) == 1
    assert default_max_sessions(3 * SESSION_MEMORY + 1) == 3
    assert default_max_sessions(10**12) == 8
    assert 1 <= default_max_sessions() <= 8
