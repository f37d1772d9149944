"""The CKAN API v3 client (the plugin's one home for talking to CKAN portals) and the catalogue's data classes.

Requests go through a *transport*: a function ``transport(HttpRequest) -> HttpResponse``. The QGIS adapter provides
one that honours QGIS's proxy and auth configs; :func:`urllib_transport` serves tests and headless use. A transport
returns any HTTP status as a response and raises :class:`NetworkError` only when no response came (refused, timeout).
Every response is parsed strictly: an HTML page where JSON was expected, ``success: false`` or a missing key become
:class:`DataFormatError` / :class:`NetworkError` with a translated message.
"""

from __future__ import annotations

import json
import os
import socket
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from typing import Any, Callable, Optional

from prato_smartcity_plugin.core.errors import (
    AuthenticationError,
    CancelledError,
    DataFormatError,
    NetworkError,
)
from prato_smartcity_plugin.core.i18n import translate
from prato_smartcity_plugin.core.log import get_logger

log = get_logger("catalogue")

#: progress(received_bytes, total_bytes_or_None) -> False to cancel
Progress = Callable[[int, Optional[int]], bool]

FACET_FIELDS = ("organization", "groups", "res_format", "tags", "license_id")
SORT_RELEVANCE = "score desc, metadata_modified desc"
SORT_MODIFIED = "metadata_modified desc"
DEFAULT_TIMEOUT = 30.0


def tr(text: str) -> str:
    return translate("PratoSmartCity", text)


# --- transport --------------------------------------------------------------------------------------------------------
@dataclass
class HttpRequest:
    url: str
    headers: dict[str, str] = field(default_factory=dict)
    timeout: float = DEFAULT_TIMEOUT
    #: when set, the body is streamed to this file (never held in memory) and ``HttpResponse.body`` is empty
    dest: str | None = None
    progress: Progress | None = None
    method: str = "GET"


@dataclass
class HttpResponse:
    status: int
    headers: dict[str, str]  # lower-case names
    body: bytes = b""
    url: str = ""

    def header(self, name: str) -> str:
        return self.headers.get(name.lower(), "")


Transport = Callable[[HttpRequest], HttpResponse]

CHUNK = 256 * 1024


def urllib_transport(request: HttpRequest) -> HttpResponse:
    """A transport on the standard library (no proxy or auth config of QGIS: tests and headless tools)."""
    req = urllib.request.Request(request.url, headers=request.headers, method=request.method)
    try:
        try:
            reply = urllib.request.urlopen(req, timeout=request.timeout)  # noqa: S310 - http(s) URLs of portals
        except urllib.error.HTTPError as error:
            reply = error
        with reply:
            status = reply.status if hasattr(reply, "status") else reply.code
            headers = {k.lower(): v for k, v in reply.headers.items()}
            if request.dest and status == 200:
                total = int(headers["content-length"]) if headers.get("content-length", "").isdigit() else None
                received = 0
                with open(request.dest, "wb") as out:
                    while True:
                        chunk = reply.read(CHUNK)
                        if not chunk:
                            break
                        out.write(chunk)
                        received += len(chunk)
                        if request.progress is not None and request.progress(received, total) is False:
                            raise CancelledError(tr("Download cancelled."))
                return HttpResponse(status, headers, b"", reply.geturl())
            return HttpResponse(status, headers, reply.read(), reply.geturl())
    except (socket.timeout, TimeoutError) as error:
        raise NetworkError(tr("The server did not answer in time."), f"{request.url}: {error}",
                           retryable=True) from error
    except (urllib.error.URLError, ConnectionError, OSError) as error:
        raise NetworkError(tr("Cannot reach the server: check the address and your network connection."),
                           f"{request.url}: {error}", retryable=True) from error


def raise_for_status(response: HttpResponse, what: str) -> None:
    """Turn an HTTP error status into the right :class:`NetworkError` (``what`` names the thing asked for)."""
    status = response.status
    if 200 <= status < 300 or status == 304:
        return
    details = f"HTTP {status} for {response.url}\n{response.body[:500]!r}"
    if status in (401, 403):
        raise AuthenticationError(tr("The portal refused access to {what} (HTTP {status}): check the authentication "
                                     "configured for this portal.").format(what=what, status=status), details,
                                  status=status)
    if status == 404:
        raise NetworkError(tr("{what} was not found on the server (HTTP 404): the link may be dead.").format(
            what=what), details, status=status)
    raise NetworkError(tr("The server failed while sending {what} (HTTP {status}).").format(what=what, status=status),
                       details, status=status, retryable=status >= 500)


# --- data classes -----------------------------------------------------------------------------------------------------
@dataclass
class Resource:
    id: str
    name: str
    url: str
    format: str = ""  # as the portal labels it
    description: str = ""
    mimetype: str = ""
    size: int | None = None
    last_modified: str = ""
    dataset_id: str = ""

    @classmethod
    def from_ckan(cls, data: dict, dataset_id: str = "") -> Resource:
        size = data.get("size")
        try:
            size = int(size) if size not in (None, "") else None
        except (TypeError, ValueError):
            size = None
        return cls(
            id=_required(data, "id", "resource"), name=data.get("name") or data.get("url", "").rsplit("/", 1)[-1],
            url=data.get("url") or "", format=(data.get("format") or "").strip(),
            description=data.get("description") or "", mimetype=data.get("mimetype") or "", size=size,
            last_modified=data.get("last_modified") or data.get("metadata_modified") or data.get("created") or "",
            dataset_id=data.get("package_id") or dataset_id)


@dataclass
class Organization:
    id: str
    name: str
    title: str
    description: str = ""
    package_count: int = 0

    @classmethod
    def from_ckan(cls, data: dict) -> Organization:
        return cls(id=data.get("id") or data.get("name", ""), name=_required(data, "name", "organization"),
                   title=data.get("title") or data.get("display_name") or data["name"],
                   description=data.get("description") or "", package_count=int(data.get("package_count") or 0))


Group = Organization  # CKAN groups have the same shape as organisations


@dataclass
class Dataset:
    id: str
    name: str
    title: str
    notes: str = ""
    license_id: str = ""
    license_title: str = ""
    license_url: str = ""
    metadata_modified: str = ""
    organization: Organization | None = None
    groups: list = field(default_factory=list)
    tags: list = field(default_factory=list)
    resources: list = field(default_factory=list)
    author: str = ""
    maintainer: str = ""
    raw: dict = field(default_factory=dict, repr=False)

    @classmethod
    def from_ckan(cls, data: dict) -> Dataset:
        if not isinstance(data, dict):
            raise DataFormatError(tr("The portal sent a dataset in an unexpected form."), repr(data)[:500])
        dataset_id = _required(data, "id", "dataset")
        org = data.get("organization")
        return cls(
            id=dataset_id, name=data.get("name") or dataset_id, title=data.get("title") or data.get("name") or "",
            notes=data.get("notes") or "", license_id=data.get("license_id") or "",
            license_title=data.get("license_title") or data.get("license_id") or "",
            license_url=data.get("license_url") or "", metadata_modified=data.get("metadata_modified") or "",
            organization=Organization.from_ckan(org) if isinstance(org, dict) and org.get("name") else None,
            groups=[Organization.from_ckan(g) for g in data.get("groups") or [] if isinstance(g, dict)],
            tags=[t.get("name", "") if isinstance(t, dict) else str(t) for t in data.get("tags") or []],
            resources=[Resource.from_ckan(r, dataset_id) for r in data.get("resources") or []],
            author=data.get("author") or "", maintainer=data.get("maintainer") or "", raw=data)

    @property
    def publisher(self) -> str:
        return self.organization.title if self.organization else (self.author or self.maintainer)

    def resource(self, resource_id: str) -> Resource:
        for resource in self.resources:
            if resource_id in (resource.id, resource.name):
                return resource
        raise DataFormatError(tr("The dataset has no resource {id}.").format(id=resource_id))


@dataclass
class FacetItem:
    name: str
    display_name: str
    count: int


@dataclass
class SearchQuery:
    text: str = ""
    organization: str = ""
    group: str = ""
    res_format: str = ""
    tags: tuple = ()
    license_id: str = ""
    rows: int = 20
    start: int = 0
    sort: str = SORT_RELEVANCE

    def filter_query(self) -> str:
        parts = []
        for key, value in (("organization", self.organization), ("groups", self.group),
                           ("res_format", self.res_format), ("license_id", self.license_id)):
            if value:
                parts.append(f'{key}:"{_quote_solr(value)}"')
        parts += [f'tags:"{_quote_solr(tag)}"' for tag in self.tags if tag]
        return " AND ".join(parts)

    def params(self) -> dict[str, str]:
        params = {"q": self.text.strip() or "*:*", "rows": str(self.rows), "start": str(self.start),
                  "sort": self.sort, "facet.field": json.dumps(list(FACET_FIELDS)), "facet.limit": "50"}
        fq = self.filter_query()
        if fq:
            params["fq"] = fq
        return params


@dataclass
class SearchResult:
    count: int
    datasets: list
    facets: dict  # field -> [FacetItem]
    offline: bool = False


def _quote_solr(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"')


def _required(data: dict, key: str, what: str) -> Any:
    if not isinstance(data, dict) or key not in data:
        raise DataFormatError(tr("The portal's answer lacks the {key} of a {what}: it is not a CKAN response.")
                              .format(key=key, what=what), repr(data)[:500])
    return data[key]


# --- the client -------------------------------------------------------------------------------------------------------
def normalise_base_url(url: str) -> str:
    """``https://dati.example.it``, ``.../api/3`` or ``.../api/3/action/`` -> ``https://dati.example.it/api/3``."""
    url = url.strip().rstrip("/")
    if url.endswith("/action"):
        url = url[: -len("/action")]
    if not url.endswith("/api/3"):
        url = url + "/api/3"
    return url


class CkanClient:
    """One CKAN API v3 portal. ``base_url`` is the API root (``https://host/api/3``; a site URL is accepted)."""

    def __init__(self, base_url: str, transport: Transport, headers: dict | None = None,
                 timeout: float = DEFAULT_TIMEOUT):
        self.base_url = normalise_base_url(base_url)
        self.transport = transport
        self.headers = dict(headers or {})
        self.timeout = timeout

    @property
    def site_url(self) -> str:
        return self.base_url[: -len("/api/3")]

    def dataset_page(self, dataset_name: str) -> str:
        return f"{self.site_url}/dataset/{urllib.parse.quote(dataset_name)}"

    def action_url(self, action: str, params: dict | None = None) -> str:
        url = f"{self.base_url}/action/{action}"
        if params:
            url += "?" + urllib.parse.urlencode(params)
        return url

    def call(self, action: str, params: dict | None = None) -> Any:
        """GET ``action`` and return its ``result``, or raise a clear error."""
        url = self.action_url(action, params)
        log.debug("CKAN %s", url)
        response = self.transport(HttpRequest(url, {"Accept": "application/json", **self.headers}, self.timeout))
        return parse_action_response(response, action)

    # actions
    def status_show(self) -> dict:
        result = self.call("status_show")
        if not isinstance(result, dict) or "ckan_version" not in result:
            raise DataFormatError(tr("The address answers, but it is not a CKAN API v3 portal."), repr(result)[:500])
        return result

    def package_search(self, query: SearchQuery) -> SearchResult:
        return parse_search_result(self.call("package_search", query.params()))

    def package_show(self, dataset_id: str) -> Dataset:
        return Dataset.from_ckan(self.call("package_show", {"id": dataset_id}))

    def organization_list(self) -> list:
        return self._list("organization_list")

    def group_list(self) -> list:
        return self._list("group_list")

    def _list(self, action: str) -> list:
        result = self.call(action, {"all_fields": "true"})
        if not isinstance(result, list):
            raise DataFormatError(tr("The portal sent an unexpected answer to {action}.").format(action=action),
                                  repr(result)[:500])
        return [Organization.from_ckan(item if isinstance(item, dict) else {"name": str(item)}) for item in result]


def parse_action_response(response: HttpResponse, action: str) -> Any:
    """Strictly parse a CKAN action response: JSON with ``success: true`` and a ``result``."""
    body = response.body
    content_type = response.header("content-type").lower()
    head = body.lstrip()[:200].lower()
    envelope = None
    if head.startswith(b"{"):
        try:
            envelope = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as error:
            raise DataFormatError(tr("The portal sent broken JSON."), f"{response.url}: {error}") from error
    if isinstance(envelope, dict) and envelope.get("success") is False:
        error = envelope.get("error") or {}
        message = error.get("message") if isinstance(error, dict) else str(error)
        kind = error.get("__type", "") if isinstance(error, dict) else ""
        details = f"{response.url}\nHTTP {response.status}: {kind}: {message}\n{json.dumps(error)[:1000]}"
        if response.status in (401, 403) or kind == "Authorization Error":
            raise AuthenticationError(tr("The portal refused access: check the authentication configured for it."),
                                      details, status=response.status)
        if response.status == 404 or kind == "Not Found Error":
            raise NetworkError(tr("The portal does not know this item (it may have been removed)."), details,
                               status=response.status)
        raise NetworkError(tr("The portal refused the request: {message}").format(message=message or kind), details,
                           status=response.status)
    if envelope is None:
        raise_for_status(response, action)
        if head.startswith((b"<!doctype html", b"<html")) or "html" in content_type:
            raise DataFormatError(tr("The address answers with a web page, not with the CKAN API: check the portal "
                                     "address (it should end with /api/3)."), f"{response.url}\n{body[:500]!r}")
        if not body.strip():
            raise DataFormatError(tr("The portal sent an empty answer."), response.url)
        raise DataFormatError(tr("The portal's answer is not JSON."), f"{response.url}\n{body[:500]!r}")
    raise_for_status(response, action)
    if not isinstance(envelope, dict) or envelope.get("success") is not True or "result" not in envelope:
        raise DataFormatError(tr("The answer is JSON but not a CKAN API response."), f"{response.url}\n{body[:500]!r}")
    return envelope["result"]


def parse_search_result(result: Any) -> SearchResult:
    if not isinstance(result, dict) or "results" not in result or "count" not in result:
        raise DataFormatError(tr("The portal's search answer lacks its results."), repr(result)[:500])
    facets: dict = {}
    for name, facet in (result.get("search_facets") or {}).items():
        items = facet.get("items", []) if isinstance(facet, dict) else []
        facets[name] = sorted((FacetItem(i.get("name", ""), i.get("display_name") or i.get("name", ""),
                                         int(i.get("count", 0))) for i in items if isinstance(i, dict)),
                              key=lambda item: (-item.count, item.display_name.lower()))
    return SearchResult(int(result["count"]), [Dataset.from_ckan(d) for d in result["results"]], facets)


def filename_from_url(url: str, fallback: str = "resource") -> str:
    name = os.path.basename(urllib.parse.urlparse(url).path)
    name = urllib.parse.unquote(name)
    name = "".join(c if c.isalnum() or c in "._-" else "_" for c in name).strip("._")
    return name or fallback
