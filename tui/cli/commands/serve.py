"""`haicap serve`: the dashboard in a web browser, for a projector PC without a terminal.

Each browser tab gets its own haicap process on the server (textual-serve runs the
command below per connection), on the same store as every terminal user, so locking,
live refresh and read-only work the same way.

Only the page opened with the printed URL (which holds a secret made at each start) can
use it: `tui.serving` refuses any other site's page, a missing or wrong token and a
session over `--max-sessions`, before any process starts. The served dashboard reads
files only from the `--files` folders and sends exports to the browser.
"""

from __future__ import annotations

import argparse
import datetime as dt
import ipaddress
import os
import shlex
import sys
from pathlib import Path

from haicap.store.domain.i18n import _, language, pgettext
from haicap.tui.cli.commands.common import CommandError, fail
from haicap.tui.cli.grammar import OneLineParser, Subcommands

__all__ = ["dashboard_command", "is_loopback", "register"]


def register(commands: Subcommands, parents: list[OneLineParser]) -> None:
    """Add serve."""
    serve = commands.add_parser(
        "serve",
        parents=parents,
        help=_("serve the dashboard to a web browser (textual-serve)"),
        description=_(
            "Serve the dashboard at http://HOST:PORT for a browser, each tab its own haicap on the "
            "same store. It listens on this machine only (127.0.0.1) unless --host says otherwise. Only the "
            "URL printed at start works: it holds a secret made at each start; pages of other sites are refused."
        ),
    )
    serve.add_argument("--host", default="127.0.0.1", help=_("address to listen on (default 127.0.0.1: this machine only)"))
    serve.add_argument("--port", default="8000", help=_("port to listen on (default 8000)"))
    serve.add_argument(
        "--read-only",
        dest="serve_read_only",
        action="store_true",
        help=_("serve a viewer: nothing can be changed from the browser"),
    )
    serve.add_argument("--province", dest="serve_province", metavar=pgettext("metavar", "NAME"), help=_("province to show first"))
    serve.add_argument(
        "--public-url",
        metavar="URL",
        help=_(
            "the address browsers use, when not http://HOST:PORT: an SSH tunnel's port, a reverse proxy "
            "(e.g. http://localhost:9000); pages of that origin are let in"
        ),
    )
    serve.add_argument(
        "--files",
        dest="serve_files",
        action="append",
        metavar=pgettext("metavar", "DIR"),
        help=_("a folder the browser may import report files from (repeatable; default none: no import from files)"),
    )
    serve.add_argument(
        "--max-sessions",
        metavar="N",
        help=_("at most N browser tabs at once, about {memory} MB each (default: what free memory allows, at most 8)").format(
            memory=SESSION_MEMORY_MB
        ),
    )
    serve.set_defaults(handler=_serve)


def is_loopback(host: str) -> bool:
    """Whether `host` is reachable from this machine only ("localhost", 127.x, ::1)."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to anything


SESSION_MEMORY_MB = 55
"""About what one browser session's dashboard process takes, in MB (see tui.serving.server)."""


def dashboard_command(
    db_path: Path,
    *,
    read_only: bool,
    province: str | None,
    served: bool = False,
    files: list[Path] | None = None,
    today: dt.date | None = None,
) -> str:
    """The shell command textual-serve runs for each browser tab (`served`: told it runs for
    a browser; `today`: the day this run fixed, given to each tab's process). It speaks the
    language spoken now (`--lang`), whatever the tab's process would find in its settings."""
    words = [sys.executable, "-m", "haicap", "--lang", language(), "--db", str(db_path)]
    if today is not None:
        words += ["--today", today.isoformat()]
    if read_only:
        words.append("--read-only")
    if province:
        words += ["--province", province]
    if served:
        words.append("--served")
        for folder in files or ():
            words += ["--files", str(folder)]
    return shlex.join(words)


def _is_wildcard(host: str) -> bool:
    try:
        return ipaddress.ip_address(host.strip("[]")).is_unspecified
    except ValueError:
        return False


def _folders(given: list[str] | None) -> list[Path]:
    """The `--files` folders, resolved (what the app checks paths against)."""
    folders = []
    for text in given or ():
        folder = Path(os.path.realpath(os.path.expanduser(text)))
        if not folder.is_dir():
            raise CommandError(_("--files: '{folder}' is not a folder").format(folder=text), code=2)
        folders.append(folder)
    return folders


def _max_sessions(text: str | None) -> int:
    from haicap.tui.serving.server import default_max_sessions

    if text is None:
        return default_max_sessions()
    try:
        count = int(text)
    except ValueError:
        raise CommandError(_("--max-sessions: '{value}' is not a number").format(value=text), code=2) from None
    if count < 1:
        raise CommandError(_("--max-sessions: {value} is less than 1").format(value=count), code=2)
    return count


def _serve(args: argparse.Namespace, db_path: Path) -> int:
    from haicap.store import Store

    try:
        port = int(args.port)
    except ValueError:
        raise CommandError(_("--port: '{value}' is not a port number").format(value=args.port), code=2) from None
    if not 0 < port < 65536:
        raise CommandError(_("--port: {value} is not a port number (1-65535)").format(value=port), code=2)
    from haicap.tui.serving.origin import (
        Gate,
        PublicUrlError,
        listening_url,
        new_token,
        parse_public_url,
    )

    public_url = None
    if args.public_url is not None:
        try:
            public_url = parse_public_url(args.public_url)
        except PublicUrlError as error:
            raise CommandError(f"--public-url: {error}", code=2) from None
    elif _is_wildcard(args.host):
        # Every address: the page cannot know which one browsers use, nor can the origin check.
        said = _(
            "--host {host}: listening on every address needs --public-url, the URL browsers open (e.g. http://server-name:{port})"
        )
        raise CommandError(said.format(host=args.host, port=port), code=2)
    files = _folders(args.serve_files)
    max_sessions = _max_sessions(args.max_sessions)
    read_only = bool(getattr(args, "read_only", False) or args.serve_read_only)
    province = args.serve_province or getattr(args, "province", None)
    # Open the store once here, so a wrong path or a refused store is said at once, in the
    # terminal, rather than in every browser tab.
    with Store.open(db_path, read_only=read_only) as store:
        if province and store.find_province(province) is None:
            raise CommandError(_("--province: no province named '{name}'").format(name=province), code=2)
    if not is_loopback(args.host):
        if read_only:
            warning = _(
                "warning: serving on {host}: there is no login, only the secret in the URL below; anyone given "
                "that URL can use haicap as you. It travels in clear over http: use https (a reverse proxy) or "
                "an SSH tunnel across a network"
            )
        else:
            warning = _(
                "warning: serving on {host}: there is no login, only the secret in the URL below; anyone given "
                "that URL can use haicap as you and change the store (consider --read-only). It travels in clear "
                "over http: use https (a reverse proxy) or an SSH tunnel across a network"
            )
        print("haicap: " + warning.format(host=args.host), file=sys.stderr)
    from haicap.tui.serving.server import GuardedServer

    token = new_token()
    served_at = public_url or listening_url(args.host, port)
    server = GuardedServer(
        dashboard_command(db_path, read_only=read_only, province=province, served=True, files=files, today=args.calendar.fixed),
        host=args.host,
        port=port,
        public_url=served_at,
        gate=Gate.for_server(args.host, port, public_url, token),
        max_sessions=max_sessions,
        title="haicap",
    )
    serving = _("serving {path} at {url} (at most {tabs} browser tabs; ctrl+c stops)")
    print(
        "haicap: " + serving.format(path=db_path, url=f"{served_at}/?token={token}", tabs=max_sessions),
        file=sys.stderr,
        flush=True,
    )
    try:
        server.serve()
    except OSError as error:
        said = _("cannot listen on {host}:{port} ({reason})")
        return fail(said.format(host=args.host, port=port, reason=error.strerror or error))
    return 0
