"""textual-serve's `Server` with haicap's guard: token, Origin, Host and a cap on sessions.

textual-serve answers any request: its page, and its `/ws` websocket, which starts a
dashboard process per connection and feeds it keys. Here the page needs the token in its
query, the websocket moves to `/ws/TOKEN` (the page's script appends `?width=…` to the
URL it is given, so the token cannot ride in a query there) and is refused, before any
process starts, unless its Origin and Host are this server's and a session is free.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp_jinja2
import jinja2
from aiohttp import web
from textual_serve.server import Server, to_int

from haicap.store.domain.i18n import _
from haicap.tui.serving.origin import Gate

__all__ = ["SESSION_MEMORY", "GuardedServer", "default_max_sessions"]

SESSION_MEMORY = 55 * 1024 * 1024
"""About what one browser session costs on the server (its dashboard process), in bytes."""

_SECURITY_HEADERS = {
    # The page's URL holds the token: never send it on as a Referer.
    "Referrer-Policy": "no-referrer",
    # No other site may frame the dashboard and trick clicks into it.
    "Content-Security-Policy": "frame-ancestors 'none'",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}


def _available_memory() -> int | None:
    """Memory available to new processes now, in bytes (Linux's MemAvailable), or None if unknown."""
    try:
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (AttributeError, OSError, ValueError):
        return None


def default_max_sessions(available: int | None = None) -> int:
    """Sessions that fit in the memory available now (`SESSION_MEMORY` each), between 1 and 8."""
    if available is None:
        available = _available_memory()
        if available is None:
            return 8
    return max(1, min(8, available // SESSION_MEMORY))


def _refuse(status: type[web.HTTPException], text: str) -> web.HTTPException:
    """A refusal with one line of text (in the language spoken), logged on the server's stderr too."""
    print(f"haicap: serve: {text}", file=sys.stderr, flush=True)
    return status(text=f"haicap: {text}\n", headers=_SECURITY_HEADERS)


@web.middleware
async def _security_headers(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    response = await handler(request)
    if not response.prepared:
        response.headers.update(_SECURITY_HEADERS)
    return response


class GuardedServer(Server):
    """A textual-serve server that lets in only this server's own pages, holding the token."""

    def __init__(self, command: str, *, host: str, port: int, public_url: str, gate: Gate, max_sessions: int, title: str) -> None:
        super().__init__(command, host=host, port=port, title=title, public_url=public_url)
        self.gate = gate
        """The token and the origins allowed."""
        self.max_sessions = max_sessions
        """At most this many browser sessions (dashboard processes) at once."""
        self.sessions = 0
        """Browser sessions open now."""

    def initialize_logging(self) -> None:
        # textual-serve's rich log would print its own URL, without the token, and every
        # process start; the command prints the URL to open, refusals go to stderr.
        pass

    async def on_startup(self, app: web.Application) -> None:
        """Print nothing: `haicap serve` has printed the URL to open."""

    async def _make_app(self) -> web.Application:
        app = web.Application(middlewares=[_security_headers])
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path))
        app.add_routes(
            [
                web.get("/", self.handle_index, name="index"),
                web.get("/ws", self.handle_tokenless_websocket),
                web.get("/ws/{token}", self.handle_websocket, name="websocket"),
                # The key is a random single-use name known only to the session that
                # asked for the download; the page's script builds this URL itself.
                web.get("/download/{key}", self.handle_download, name="download"),
                web.static("/static", self.statics_path, show_index=False, name="static"),
            ]
        )
        app.on_startup.append(self.on_startup)
        app.on_shutdown.append(self.on_shutdown)
        return app

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        """The page, for a request with the token; its websocket URL carries the token."""
        refusal = self.gate.page_refusal(request.headers, request.query.get("token"))
        if refusal is not None:
            raise _refuse(web.HTTPForbidden, _("page refused: {reason}").format(reason=refusal))
        router = request.app.router
        base = self.public_url.rstrip("/")
        websocket = base + str(router["websocket"].url_for(token=self.gate.token))
        websocket = ("wss:" if base.startswith("https") else "ws:") + websocket.split(":", 1)[1]
        context: dict[str, Any] = {
            "font_size": to_int(request.query.get("fontsize", "16"), 16),
            "app_websocket_url": websocket,
            "config": {"static": {"url": base + str(router["static"].url_for(filename="/")).rstrip("/") + "/"}},
            "application": {"name": self.title},
        }
        return aiohttp_jinja2.render_template("app_index.html", request, context)

    async def handle_tokenless_websocket(self, request: web.Request) -> web.StreamResponse:
        """textual-serve's own websocket path: always refused (the token is missing)."""
        raise _refuse(web.HTTPForbidden, _("websocket refused: {reason}").format(reason=_("wrong or missing token")))

    async def handle_download(self, request: web.Request) -> web.StreamResponse:
        """A file the session's export delivered, for this server's Host only."""
        refusal = self.gate.host_refusal(request.headers)
        if refusal is not None:
            raise _refuse(web.HTTPForbidden, _("download refused: {reason}").format(reason=refusal))
        return await super().handle_download(request)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """A browser session: refused (403, 503) before any process starts unless allowed."""
        refusal = self.gate.websocket_refusal(request.headers, request.match_info.get("token"))
        if refusal is not None:
            raise _refuse(web.HTTPForbidden, _("websocket refused: {reason}").format(reason=refusal))
        if self.sessions >= self.max_sessions:
            raise _refuse(
                web.HTTPServiceUnavailable,
                _("too many browser sessions ({count} open); close one, or start serve with a larger --max-sessions").format(
                    count=self.max_sessions
                ),
            )
        # Counted before the first await: connections arrive on one event loop, so two
        # cannot both take the last free session.
        self.sessions += 1
        try:
            return await super().handle_websocket(request)
        finally:
            self.sessions -= 1
