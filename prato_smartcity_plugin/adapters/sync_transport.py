"""The sync engine's HTTP transport through QGIS: ``QgsBlockingNetworkRequest`` on QGIS's network access manager, so
QGIS's proxy settings apply and the credentials come from a QGIS auth config (``QgsAuthManager``) — never from the
plugin's settings, the project or the logs. Usable from worker threads (each thread has its own manager, whose
connections are reused between requests)."""

from __future__ import annotations

from typing import Mapping

from qgis.core import QgsBlockingNetworkRequest
from qgis.PyQt.QtCore import QByteArray, QUrl
from qgis.PyQt.QtNetwork import QNetworkRequest

from prato_smartcity_plugin.core.sync.transport import Response, TransportError


class QgisTransport:
    def __init__(self, authcfg: str = ""):
        self.authcfg = authcfg or ""

    def request(self, method: str, url: str, headers: Mapping[str, str] | None = None, body: bytes | None = None,
                timeout: float = 30.0) -> Response:
        request = QNetworkRequest(QUrl(url))
        for name, value in (headers or {}).items():
            request.setRawHeader(name.encode("latin-1"), value.encode("latin-1"))
        request.setAttribute(QNetworkRequest.CacheLoadControlAttribute, QNetworkRequest.AlwaysNetwork)
        request.setAttribute(QNetworkRequest.CacheSaveControlAttribute, False)
        if hasattr(request, "setTransferTimeout"):
            request.setTransferTimeout(int(timeout * 1000))
        blocking = QgsBlockingNetworkRequest()
        if self.authcfg:
            blocking.setAuthCfg(self.authcfg)
        data = QByteArray(body or b"")
        if method == "GET":
            error = blocking.get(request, True)
        elif method == "POST":
            error = blocking.post(request, data, True)
        elif method == "PUT":
            error = blocking.put(request, data)
        elif method == "DELETE":
            error = blocking.deleteResource(request)
        else:
            raise ValueError(method)
        reply = blocking.reply()
        status = reply.attribute(QNetworkRequest.HttpStatusCodeAttribute)
        if not status:
            # No HTTP status: refused, reset, timed out or cut midway (the error message never holds credentials).
            raise TransportError(f"{method} {url}: {blocking.errorMessage() or error}")
        if error != QgsBlockingNetworkRequest.NoError and reply.error() in _INCOMPLETE:
            raise TransportError(f"{method} {url}: {blocking.errorMessage()}")
        headers_out = {bytes(k).decode("latin-1").lower(): bytes(v).decode("latin-1")
                       for k, v in reply.rawHeaderPairs()}
        return Response(int(status), headers_out, bytes(reply.content()))


def _incomplete_errors() -> set:
    from qgis.PyQt.QtNetwork import QNetworkReply

    names = ("RemoteHostClosedError", "TimeoutError", "OperationCanceledError", "TemporaryNetworkFailureError",
             "NetworkSessionFailedError", "UnknownNetworkError", "ProxyConnectionClosedError", "ProxyTimeoutError")
    return {getattr(QNetworkReply, name) for name in names if hasattr(QNetworkReply, name)}


_INCOMPLETE = _incomplete_errors()
