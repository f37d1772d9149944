"""The client of the municipal API: an OGC API - Features collection with Part 4 (create, replace, delete).

What it knows of the protocol: items in GeoJSON (CRS84), paging by ``next`` links, ``datetime=<t>/..`` on the server's
modification time, writes with ``Content-Type: application/geo+json`` exactly (anything else is read as a query), the
client's UUID as the feature id (kept by the server), the ``id`` repeated in the body of a PUT. Reads are retried with
backoff on timeouts and 5xx; writes are not retried here, because only the sync engine can tell (by reading the item
back) whether a write whose answer was lost reached the server.
"""

from __future__ import annotations

import json
import random
import time
import urllib.parse
from dataclasses import dataclass
from typing import Callable, Iterator

from prato_smartcity_plugin.core.errors import (
    AuthenticationError,
    CancelledError,
    DataFormatError,
    NetworkError,
)
from prato_smartcity_plugin.core.i18n import translate
from prato_smartcity_plugin.core.log import get_logger
from prato_smartcity_plugin.core.sync.transport import Response, Transport, TransportError

log = get_logger("sync")

GEOJSON = "application/geo+json"
RETRYABLE_STATUS = frozenset({408, 425, 429, 502, 503, 504})


def tr(text: str) -> str:
    return translate("PratoSmartCity", text)


@dataclass
class RetryPolicy:
    attempts: int = 8
    first_delay: float = 0.2
    max_delay: float = 8.0

    def delays(self) -> Iterator[float]:
        """The waits between attempts: exponential with jitter (so that many clients do not retry in step)."""
        delay = self.first_delay
        for _ in range(self.attempts - 1):
            yield delay * (0.5 + random.random())
            delay = min(delay * 2, self.max_delay)


class WriteOutcomeUnknownError(NetworkError):
    """A write got no usable answer (lost connection, 5xx): it may or may not have reached the server."""


def _short(body: bytes, limit: int = 500) -> str:
    return body[:limit].decode("utf-8", "replace")


class FeaturesClient:
    def __init__(self, transport: Transport, base_url: str, collection: str, timeout: float = 30.0,
                 retry: RetryPolicy | None = None, page_size: int = 500,
                 is_cancelled: Callable[[], bool] = lambda: False, sleep: Callable[[float], None] = time.sleep):
        if not base_url:
            raise NetworkError(tr("The municipal API's address is not set: set it in the options."))
        self.transport = transport
        self.base_url = base_url.rstrip("/")
        self.collection = collection
        self.timeout = timeout
        self.retry = retry or RetryPolicy()
        self.page_size = page_size
        self.is_cancelled = is_cancelled
        self.sleep = sleep

    # --- URLs ---------------------------------------------------------------------------------------------------

    @property
    def collection_url(self) -> str:
        return f"{self.base_url}/collections/{urllib.parse.quote(self.collection, safe='')}"

    @property
    def items_url(self) -> str:
        return f"{self.collection_url}/items"

    def item_url(self, feature_id: str) -> str:
        return f"{self.items_url}/{urllib.parse.quote(str(feature_id), safe='')}"

    # --- requests -----------------------------------------------------------------------------------------------

    def _send(self, method: str, url: str, body: bytes | None = None, headers: dict | None = None) -> Response:
        if self.is_cancelled():
            raise CancelledError(tr("Sync cancelled."))
        try:
            response = self.transport.request(method, url, headers=headers, body=body, timeout=self.timeout)
        except TransportError as error:
            kind = NetworkError if method == "GET" else WriteOutcomeUnknownError
            raise kind(tr("The municipal API did not answer."), str(error), retryable=True) from error
        if response.status in (401, 403, 407):
            raise AuthenticationError(
                tr("The municipal API refused the credentials (HTTP {status}): check the authentication "
                   "configuration in the options.").format(status=response.status),
                f"{method} {url}\n{_short(response.body)}", status=response.status)
        return response

    def _get_json(self, url: str, allow_missing: bool = False) -> tuple[dict | None, Response]:
        """GET with retries on timeouts and retryable statuses; ``None`` for a 404 when ``allow_missing``."""
        delays = self.retry.delays()
        while True:
            try:
                response = self._send("GET", url, headers={"Accept": f"{GEOJSON}, application/json"})
                if response.status in RETRYABLE_STATUS or response.status >= 500:
                    raise NetworkError(tr("The municipal API answered with an error (HTTP {status}).").format(
                        status=response.status), f"GET {url}\n{_short(response.body)}", status=response.status,
                        retryable=True)
            except NetworkError as error:
                if not error.retryable:
                    raise
                delay = next(delays, None)
                if delay is None:
                    raise
                log.info("GET %s failed (%s), retrying in %.1f s", url, error.details.splitlines()[0], delay)
                self.sleep(delay)
                continue
            if response.status == 404 and allow_missing:
                return None, response
            if response.status != 200:
                raise NetworkError(tr("The municipal API answered with an error (HTTP {status}).").format(
                    status=response.status), f"GET {url}\n{_short(response.body)}", status=response.status)
            try:
                data = json.loads(response.body.decode("utf-8"))
                if not isinstance(data, dict):
                    raise ValueError("not a JSON object")
            except ValueError as error:
                raise DataFormatError(tr("The municipal API sent something that is not JSON: check its address."),
                                      f"GET {url}: {error}\n{_short(response.body)}") from error
            return data, response

    def _with_json(self, url: str, **params) -> str:
        query = {"f": "json", **{k: v for k, v in params.items() if v is not None}}
        return f"{url}?{urllib.parse.urlencode(query)}"

    def check(self) -> dict:
        """Read the collection's description: proves the address, the collection and the credentials before any
        write is sent."""
        data, _ = self._get_json(self._with_json(self.collection_url))
        return data

    def get(self, feature_id: str) -> dict | None:
        """The feature (tombstones included), or ``None`` when the server does not have it."""
        data, _ = self._get_json(self._with_json(self.item_url(feature_id)), allow_missing=True)
        if data is not None and data.get("type") != "Feature":
            raise DataFormatError(tr("The municipal API sent something that is not a feature."), str(data)[:500])
        return data

    def pages(self, since: str | None = None, **where: str) -> Iterator[tuple[list[dict], Response]]:
        """The collection (or the features modified at or after ``since``, an ISO time; or those whose properties
        equal ``where``), page by page following the ``next`` links; each page with its response (its ``Date``
        header tells the server's time)."""
        datetime_param = f"{since}/.." if since else None
        url: str | None = self._with_json(self.items_url, limit=self.page_size, datetime=datetime_param, **where)
        while url:
            data, response = self._get_json(url)
            features = data.get("features")
            if data.get("type") != "FeatureCollection" or not isinstance(features, list):
                raise DataFormatError(tr("The municipal API sent something that is not a feature collection."),
                                      f"GET {url}\n{str(data)[:500]}")
            yield features, response
            url = self._same_origin(next((link.get("href") for link in data.get("links", [])
                                          if link.get("rel") == "next" and link.get("href")), None))
            if url and not features:
                break  # a server that keeps linking to empty pages

    def _same_origin(self, url: str | None) -> str | None:
        """Follow a ``next`` link through the address we were given: servers behind a proxy often advertise their
        internal address, which the client cannot (or must not) reach directly."""
        if not url:
            return url
        ours, theirs = urllib.parse.urlsplit(self.base_url), urllib.parse.urlsplit(urllib.parse.urljoin(
            self.items_url, url))
        if (theirs.scheme, theirs.netloc) != (ours.scheme, ours.netloc):
            theirs = theirs._replace(scheme=ours.scheme, netloc=ours.netloc)
        return urllib.parse.urlunsplit(theirs)

    def _write(self, method: str, url: str, feature: dict | None = None) -> Response:
        body = None if feature is None else json.dumps(feature, ensure_ascii=False).encode("utf-8")
        headers = {"Content-Type": GEOJSON, "Accept": "application/json"} if body is not None else {}
        response = self._send(method, url, body=body, headers=headers)
        if response.status >= 500 or response.status in RETRYABLE_STATUS:
            raise WriteOutcomeUnknownError(tr("The municipal API answered with an error (HTTP {status}).").format(
                status=response.status), f"{method} {url}\n{_short(response.body)}", status=response.status,
                retryable=True)
        return response

    def create(self, feature: dict) -> Response:
        """POST a feature with its own ``id``; 201 on success."""
        response = self._write("POST", self.items_url, feature)
        if response.status not in (200, 201):
            raise NetworkError(tr("The municipal API refused the new intervention (HTTP {status}).").format(
                status=response.status), _short(response.body), status=response.status)
        return response

    def replace(self, feature: dict) -> Response:
        """PUT the whole feature (its ``id`` in the body too, which the server reads)."""
        response = self._write("PUT", self.item_url(feature["id"]), feature)
        if response.status not in (200, 204):
            raise NetworkError(tr("The municipal API refused the change (HTTP {status}).").format(
                status=response.status), _short(response.body), status=response.status)
        return response

    def delete(self, feature_id: str) -> Response:
        response = self._write("DELETE", self.item_url(feature_id))
        if response.status not in (200, 204, 404):
            raise NetworkError(tr("The municipal API refused the delete (HTTP {status}).").format(
                status=response.status), _short(response.body), status=response.status)
        return response
