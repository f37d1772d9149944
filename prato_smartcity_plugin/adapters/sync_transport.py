"""The sync engine's HTTP transport through QGIS: ``QgsBlockingNetworkRequest`` on QGIS's network access manager, so
QGIS's proxy settings apply and the credentials come from a QGIS auth config (``QgsAuthManager``) — never from the
plugin's settings, the project or the logs. Usable from worker threads (each thread has its own manager, whose
connections are reused between requests)."""

from __future__ import annotations

from concurrent.futures import Future
from typing import Mapping

from qgis.core import QgsBlockingNetworkRequest
from qgis.PyQt.QtCore import QByteArray, QRunnable, QThreadPool, QUrl
from qgis.PyQt.QtNetwork import QNetworkRequest

from prato_smartcity_plugin.core.sync.transport import Response, TransportError


class QgisTransport:
    def __init__(self, authcfg: str = ""):
        self.authcfg = authcfg or ""

    def request(self, method: str, url: str, headers: Mapping[str, str] | None = None, body: bytes | None = None,
                timeout: float = 30.0) -> Response:
        if body is None or method == "GET":
            return self._request(method, url, headers, body, timeout)
        # Qt 5 sends a body in a second TCP segment whenever it reaches Qt's network thread after the headers went
        # out, and without TCP_NODELAY that segment waits for the server's delayed ACK (40 ms on Linux). With
        # "Expect: 100-continue" the server answers the headers at once, which releases the body.
        response = self._request(method, url, {**(headers or {}), "Expect": "100-continue"}, body, timeout)
        if response.status == 417:  # an intermediary that does not know the expectation
            response = self._request(method, url, headers, body, timeout)
        return response

    def _request(self, method: str, url: str, headers: Mapping[str, str] | None, body: bytes | None,
                 timeout: float) -> Response:
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
        headers_out = {bytes(k).decode("latin-1").lower(): bytes(reply.rawHeader(k)).decode("latin-1")
                       for k in reply.rawHeaderList()}
        return Response(int(status), headers_out, bytes(reply.content()))


def _incomplete_errors() -> set:
    from qgis.PyQt.QtNetwork import QNetworkReply

    names = ("RemoteHostClosedError", "TimeoutError", "OperationCanceledError", "TemporaryNetworkFailureError",
             "NetworkSessionFailedError", "UnknownNetworkError", "ProxyConnectionClosedError", "ProxyTimeoutError")
    return {getattr(QNetworkReply, name) for name in names if hasattr(QNetworkReply, name)}


_INCOMPLETE = _incomplete_errors()


class _Job(QRunnable):
    def __init__(self, future: Future, function, args):
        super().__init__()
        self.future, self.function, self.args = future, function, args

    def run(self) -> None:
        if not self.future.set_running_or_notify_cancel():
            return
        try:
            self.future.set_result(self.function(*self.args))
        except BaseException as error:  # noqa: BLE001 - handed to the waiting thread
            self.future.set_exception(error)


class QtThreadExecutor:
    """The engine's bounded parallelism on Qt threads: QGIS's network stack needs QThreads (its timers do not run in
    plain Python threads), and each pool thread keeps its network manager, hence its open connections."""

    def __init__(self, max_workers: int):
        self.pool = QThreadPool()
        self.pool.setMaxThreadCount(max_workers)
        self.pool.setExpiryTimeout(60000)
        self._jobs: list[_Job] = []

    def submit(self, function, *args) -> Future:
        future: Future = Future()
        job = _Job(future, function, args)
        job.setAutoDelete(False)
        self._jobs.append(job)
        self.pool.start(job)
        return future

    def __enter__(self) -> QtThreadExecutor:
        return self

    def __exit__(self, *exc) -> None:
        self.pool.waitForDone()
        self._jobs.clear()
