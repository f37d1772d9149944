"""The catalogue's transport over QGIS's network stack: ``QgsNetworkAccessManager`` (so QGIS's proxy settings, SSL
settings and the portal's auth config apply), bodies streamed to disk chunk by chunk when a destination is given.

Runs in any thread (QgsNetworkAccessManager gives each thread its own manager); it waits in a local event loop, so it
belongs in a ``QgsTask``, never on the UI thread for a download.
"""

from __future__ import annotations

from qgis.core import QgsApplication, QgsNetworkAccessManager
from qgis.PyQt.QtCore import QEventLoop, QTimer, QUrl
from qgis.PyQt.QtNetwork import QNetworkReply, QNetworkRequest

from prato_smartcity_plugin.core.catalogue.ckan import HttpRequest, HttpResponse, Transport, tr
from prato_smartcity_plugin.core.errors import AuthenticationError, CancelledError, NetworkError


def qgis_transport(authcfg: str = "", auth_origin: str = "") -> Transport:
    """A transport for ``core.catalogue`` that uses QGIS's network manager and ``authcfg`` (a QgsAuthManager id).
    With ``auth_origin`` (the portal's address), the credentials go only to that scheme, host and port: resources
    that link to other hosts never receive the portal's secret."""
    origin = _origin(auth_origin) if auth_origin else None

    def transport(request: HttpRequest) -> HttpResponse:
        use_auth = authcfg if origin is None or _origin(request.url) == origin else ""
        return _Exchange(request, use_auth).run()

    return transport


def _origin(url: str) -> tuple:
    parsed = QUrl(url)
    scheme = parsed.scheme().lower()
    return scheme, parsed.host().lower(), parsed.port({"http": 80, "https": 443}.get(scheme, -1))


class _Exchange:
    def __init__(self, request: HttpRequest, authcfg: str):
        self.request = request
        self.authcfg = authcfg
        self.buffer = bytearray()
        self.out = None
        self.received = 0
        self.error: BaseException | None = None
        self.timed_out = False

    def run(self) -> HttpResponse:
        request = self.request
        qrequest = QNetworkRequest(QUrl(request.url))
        for name, value in request.headers.items():
            qrequest.setRawHeader(name.encode("latin-1"), value.encode("latin-1"))
        qrequest.setAttribute(QNetworkRequest.RedirectPolicyAttribute, QNetworkRequest.NoLessSafeRedirectPolicy)
        # the cache is ours: Qt's disk cache would keep a second copy and hide 304 answers
        qrequest.setAttribute(QNetworkRequest.CacheLoadControlAttribute, QNetworkRequest.AlwaysNetwork)
        qrequest.setAttribute(QNetworkRequest.CacheSaveControlAttribute, False)
        if self.authcfg:
            updated = QgsApplication.authManager().updateNetworkRequest(qrequest, self.authcfg)
            ok = updated[0] if isinstance(updated, tuple) else updated
            if not ok:
                raise AuthenticationError(tr("The authentication configuration {id} cannot be used: check it in "
                                             "QGIS's authentication settings.").format(id=self.authcfg))
        manager = QgsNetworkAccessManager.instance()
        reply = manager.head(qrequest) if request.method == "HEAD" else manager.get(qrequest)
        if self.authcfg:
            QgsApplication.authManager().updateNetworkReply(reply, self.authcfg)
        loop = QEventLoop()
        timer = QTimer()
        timer.setSingleShot(True)
        timer.setInterval(int(request.timeout * 1000))

        def on_timeout():
            self.timed_out = True
            reply.abort()

        def on_ready_read():
            timer.start()  # an idle timeout: a slow but steady download is fine
            data = bytes(reply.readAll())
            status = reply.attribute(QNetworkRequest.HttpStatusCodeAttribute)
            try:
                if request.dest and status == 200:
                    if self.out is None:
                        self.out = open(request.dest, "wb")
                    self.out.write(data)
                    self.received += len(data)
                    if request.progress is not None:
                        total = reply.header(QNetworkRequest.ContentLengthHeader)
                        if request.progress(self.received, int(total) if total else None) is False:
                            raise CancelledError(tr("Download cancelled."))
                else:
                    self.buffer += data
            except BaseException as error:  # noqa: BLE001 - re-raised in run(), outside the Qt slot
                self.error = error
                reply.abort()

        timer.timeout.connect(on_timeout)
        reply.readyRead.connect(on_ready_read)
        reply.finished.connect(loop.quit)
        timer.start()
        if not reply.isFinished():
            loop.exec_()
        timer.stop()
        if reply.bytesAvailable():
            on_ready_read()
        try:
            if self.out is not None:
                self.out.close()
            if self.error is not None:
                raise self.error
            status = reply.attribute(QNetworkRequest.HttpStatusCodeAttribute)
            if self.timed_out:
                raise NetworkError(tr("The server did not answer in time."), request.url, retryable=True)
            if status is None:
                if reply.error() == QNetworkReply.OperationCanceledError:
                    raise NetworkError(tr("The server did not answer in time."), request.url, retryable=True)
                raise NetworkError(tr("Cannot reach the server: check the address and your network connection."),
                                   f"{request.url}: {reply.errorString()}", retryable=True)
            headers = {bytes(name).decode("latin-1").lower(): bytes(value).decode("latin-1")
                       for name, value in reply.rawHeaderPairs()}
            if request.dest and status == 200 and self.out is None:
                open(request.dest, "wb").close()  # an empty body is still a (bad) file: the core says so
            return HttpResponse(int(status), headers, bytes(self.buffer),
                                reply.url().toString() or request.url)
        finally:
            reply.deleteLater()
