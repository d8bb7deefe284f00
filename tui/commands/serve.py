"""`haicap serve`: the dashboard in a web browser, for a projector PC without a terminal.

Each browser tab gets its own haicap process on the server (textual-serve runs the
command below per connection), on the same store as every terminal user, so locking,
live refresh and read-only work the same way.
"""

from __future__ import annotations

import argparse
import ipaddress
import shlex
import sys
from pathlib import Path

from .common import CommandError, fail

__all__ = ["register", "dashboard_command", "is_loopback"]


def register(commands: argparse._SubParsersAction, parents: list[argparse.ArgumentParser]) -> None:
    """Add serve."""
    serve = commands.add_parser(
        "serve",
        parents=parents,
        help="serve the dashboard to a web browser (textual-serve)",
        description="Serve the dashboard at http://HOST:PORT for a browser, each tab its own haicap on the "
        "same store. It listens on this machine only (127.0.0.1) unless --host says otherwise; there is "
        "no login, so anyone who can reach another address can use it.",
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    serve.add_argument("--port", default="8000", help="port to listen on (default 8000)")
    serve.add_argument(
        "--read-only", dest="serve_read_only", action="store_true", help="serve a viewer: nothing can be changed from the browser"
    )
    serve.add_argument("--province", dest="serve_province", metavar="NAME", help="province to show first")
    serve.set_defaults(handler=_serve)


def is_loopback(host: str) -> bool:
    """Whether `host` is reachable from this machine only ("localhost", 127.x, ::1)."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to anything


def dashboard_command(db_path: Path, *, read_only: bool, province: str | None) -> str:
    """The shell command textual-serve runs for each browser tab."""
    words = [sys.executable, "-m", "tui.cli", "--db", str(db_path)]
    if read_only:
        words.append("--read-only")
    if province:
        words += ["--province", province]
    return shlex.join(words)


def _serve(args: argparse.Namespace, db_path: Path) -> int:
    from store import Store

    try:
        port = int(args.port)
    except ValueError:
        raise CommandError(f"--port: '{args.port}' is not a port number", code=2) from None
    if not 0 < port < 65536:
        raise CommandError(f"--port: {port} is not a port number (1-65535)", code=2)
    read_only = bool(getattr(args, "read_only", False) or args.serve_read_only)
    province = args.serve_province or getattr(args, "province", None)
    # Open the store once here, so a wrong path or a refused store is said at once, in the
    # terminal, rather than in every browser tab.
    with Store.open(db_path, read_only=read_only) as store:
        if province and store.find_province(province) is None:
            raise CommandError(f"--province: no province named '{province}'", code=2)
    if not is_loopback(args.host):
        print(
            f"haicap: warning: serving on {args.host}: there is no login; anyone who can reach this "
            "address can use haicap" + ("" if read_only else " and change the store (consider --read-only)"),
            file=sys.stderr,
        )
    from textual_serve.server import Server

    server = Server(
        dashboard_command(db_path, read_only=read_only, province=province),
        host=args.host,
        port=port,
        title="haicap",
    )
    print(f"haicap: serving {db_path} at http://{args.host}:{port} (ctrl+c stops)", file=sys.stderr)
    try:
        server.serve()
    except OSError as error:
        return fail(f"cannot listen on {args.host}:{port} ({error.strerror or error})")
    return 0
