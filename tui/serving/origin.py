"""Which browser requests `haicap serve` answers: same origin, right host, right token.

A web page on any other site can open a websocket to a server the browser can reach
(loopback included), and the browser lets it: only the server can refuse. So every
request must carry the per-start secret token, and a websocket must also come from a
page of the served URL itself (its Origin) and name this server (its Host: a DNS
rebinding attack names the attacker's own domain).
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from haicap.store.domain.i18n import _

__all__ = ["Gate", "PublicUrlError", "listening_url", "new_token", "origin_of", "parse_public_url"]

_DEFAULT_PORTS = {"http": 80, "https": 443}


class PublicUrlError(ValueError):
    """A `--public-url` that is not an http(s) origin a browser could use."""


def new_token() -> str:
    """A fresh secret for one start of the server (32 random bytes, URL-safe)."""
    return secrets.token_urlsafe(32)


def _netloc(host: str, port: int, scheme: str) -> str:
    """`host:port` as a URL writes it: IPv6 in brackets, the scheme's default port left out."""
    shown = f"[{host}]" if ":" in host else host
    return shown if _DEFAULT_PORTS.get(scheme) == port else f"{shown}:{port}"


def origin_of(url: str) -> str | None:
    """The origin of `url` ("scheme://host[:port]", lower case, default port left out), or None."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        return None
    return f"{scheme}://{_netloc(parts.hostname.lower(), port or _DEFAULT_PORTS[scheme], scheme)}"


def parse_public_url(text: str) -> str:
    """`--public-url` checked and without a trailing slash: http(s)://HOST[:PORT][/PATH].

    It is where browsers reach the server (an SSH tunnel's local port, a reverse proxy);
    no query, fragment or user name, since the token and the websocket path are added to it.
    """
    try:
        parts = urlsplit(text.strip())
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number
    except ValueError:
        raise PublicUrlError(_("'{url}' is not a URL (http://HOST:PORT)").format(url=text)) from None
    if parts.scheme.lower() not in _DEFAULT_PORTS or not parts.hostname:
        raise PublicUrlError(_("'{url}' is not an http:// or https:// URL with a host").format(url=text))
    if parts.query or parts.fragment or parts.username or parts.password:
        raise PublicUrlError(_("'{url}': give only scheme, host, port and path (no ?, # or user)").format(url=text))
    return text.strip().rstrip("/")


def listening_url(host: str, port: int) -> str:
    """The URL of the address the server listens on: http://HOST:PORT."""
    return f"http://{_netloc(host.strip('[]'), port, 'http')}"


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class Gate:
    """The checks every request to the served dashboard passes.

    `origins` are the pages allowed to open a websocket: the public URL's origin when one
    is given, and the listening address's (on loopback, by any of its names). The Host
    header must name one of them too.
    """

    token: str
    """The per-start secret: in the printed URL's query, and in the websocket's path."""
    origins: frozenset[str]
    """Allowed Origin values, as `origin_of` writes them."""

    @classmethod
    def for_server(cls, host: str, port: int, public_url: str | None, token: str) -> Gate:
        """The gate of a server listening on `host:port`, reached at `public_url` (if given)."""
        origins = {listening_url(host, port)}
        if _is_loopback(host):
            # The same machine by another of its names is the same server.
            origins |= {listening_url(name, port) for name in ("127.0.0.1", "localhost", "::1")}
        if public_url is not None:
            public = origin_of(public_url)
            if public is not None:
                origins.add(public)
        return cls(token, frozenset(origin for origin in (origin_of(o) for o in origins) if origin))

    @property
    def hosts(self) -> frozenset[str]:
        """Allowed Host header values: the host part of each allowed origin."""
        return frozenset(origin.split("://", 1)[1] for origin in self.origins)

    def token_matches(self, given: str | None) -> bool:
        """Whether `given` is the token (compared in constant time)."""
        return given is not None and hmac.compare_digest(given.encode(), self.token.encode())

    def host_refusal(self, headers: Mapping[str, str], scheme: str = "http") -> str | None:
        """Why the Host header is refused, or None when it names this server."""
        host = headers.get("Host")
        if host is None:
            return _("no Host header")
        # `Host: 127.0.0.1:80` and `Host: 127.0.0.1` are the same; compare as origins.
        for candidate_scheme in (scheme, "http", "https"):
            origin = origin_of(f"{candidate_scheme}://{host}")
            if origin is not None and origin.split("://", 1)[1] in self.hosts:
                return None
        return _("Host '{host}' is not this server").format(host=host)

    def origin_refusal(self, headers: Mapping[str, str]) -> str | None:
        """Why the Origin header is refused, or None when it is a page of this server."""
        origin = headers.get("Origin")
        if origin is None:
            return _("no Origin header")
        if origin_of(origin) not in self.origins:
            return _("Origin '{origin}' is not this server").format(origin=origin)
        return None

    def page_refusal(self, headers: Mapping[str, str], token: str | None) -> str | None:
        """Why a request for the page (or a download) is refused, or None."""
        if not self.token_matches(token):
            return _("wrong or missing token")
        return self.host_refusal(headers)

    def websocket_refusal(self, headers: Mapping[str, str], token: str | None) -> str | None:
        """Why a websocket is refused, or None: token, Host and Origin must all be right."""
        if not self.token_matches(token):
            return _("wrong or missing token")
        return self.host_refusal(headers) or self.origin_refusal(headers)
