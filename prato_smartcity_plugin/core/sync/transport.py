"""The HTTP transport the API client is given: one small interface, two implementations.

The plugin uses the QGIS one (adapters/sync_transport.py: QGIS's proxy settings and auth configs); this module holds
the interface and a standard-library one with keep-alive connections (one per thread), for scripts and benchmarks
that run without QGIS.
"""

from __future__ import annotations

import base64
import http.client
import socket
import threading
import urllib.parse
from dataclasses import dataclass, field
from typing import Mapping, Protocol


@dataclass
class Response:
    status: int
    headers: dict[str, str] = field(default_factory=dict)  # lower-case names
    body: bytes = b""

    def header(self, name: str, default: str = "") -> str:
        return self.headers.get(name.lower(), default)


class TransportError(Exception):
    """The request got no (complete) answer: refused, reset, timed out, cut midway. Whether a write reached the
    server is unknown."""


class Transport(Protocol):
    def request(self, method: str, url: str, headers: Mapping[str, str] | None = None, body: bytes | None = None,
                timeout: float = 30.0) -> Response:
        """Send one request; raise :class:`TransportError` when no complete response came back."""


class StdlibTransport:
    """``http.client`` with one keep-alive connection per thread and host; optional basic-auth credentials."""

    def __init__(self, credentials: tuple[str, str] | None = None, keep_alive: bool = True):
        self._local = threading.local()
        self._auth = None
        if credentials:
            self._auth = "Basic " + base64.b64encode(f"{credentials[0]}:{credentials[1]}".encode()).decode()
        self.keep_alive = keep_alive

    def _connection(self, scheme: str, netloc: str, timeout: float) -> http.client.HTTPConnection:
        pool = getattr(self._local, "pool", None)
        if pool is None:
            pool = self._local.pool = {}
        key = (scheme, netloc)
        conn = pool.get(key)
        if conn is None or not self.keep_alive:
            cls = http.client.HTTPSConnection if scheme == "https" else http.client.HTTPConnection
            conn = pool[key] = cls(netloc, timeout=timeout)
        conn.timeout = timeout
        return conn

    def _drop(self, scheme: str, netloc: str) -> None:
        conn = getattr(self._local, "pool", {}).pop((scheme, netloc), None)
        if conn is not None:
            conn.close()

    def request(self, method, url, headers=None, body=None, timeout=30.0):
        parts = urllib.parse.urlsplit(url)
        path = urllib.parse.urlunsplit(("", "", parts.path or "/", parts.query, ""))
        all_headers = dict(headers or {})
        if self._auth:
            all_headers.setdefault("Authorization", self._auth)
        if not self.keep_alive:
            all_headers["Connection"] = "close"
        conn = self._connection(parts.scheme, parts.netloc, timeout)
        try:
            conn.request(method, path, body=body, headers=all_headers)
            raw = conn.getresponse()
            data = raw.read()
            response = Response(raw.status, {k.lower(): v for k, v in raw.getheaders()}, data)
            if raw.will_close or not self.keep_alive:
                self._drop(parts.scheme, parts.netloc)
            return response
        except (OSError, http.client.HTTPException, socket.timeout) as error:
            self._drop(parts.scheme, parts.netloc)
            raise TransportError(f"{method} {url}: {type(error).__name__}: {error}") from error

    def close(self) -> None:
        for conn in getattr(self._local, "pool", {}).values():
            conn.close()
        self._local.pool = {}
