"""One portal seen through the cache: search and browse online, fall back to the cached catalogue when the network is
down, and fetch resources into the cache (conditional requests, size question, safe unpacking, atomic install)."""

from __future__ import annotations

import os
import shutil
from dataclasses import asdict
from typing import Callable, Optional

from prato_smartcity_plugin.core.catalogue import formats, ogc
from prato_smartcity_plugin.core.catalogue.archive import DEFAULT_MAX_BYTES, safe_extract
from prato_smartcity_plugin.core.catalogue.cache import CachedResource, CacheIndex, utc_now
from prato_smartcity_plugin.core.catalogue.ckan import (
    DEFAULT_TIMEOUT,
    CkanClient,
    Dataset,
    HttpRequest,
    Resource,
    SearchQuery,
    SearchResult,
    Transport,
    filename_from_url,
    raise_for_status,
)
from prato_smartcity_plugin.core.catalogue.csvsniff import sniff_csv
from prato_smartcity_plugin.core.catalogue.kml import check_kml
from prato_smartcity_plugin.core.errors import DataFormatError, InputError, NetworkError
from prato_smartcity_plugin.core.i18n import translate
from prato_smartcity_plugin.core.log import get_logger

log = get_logger("catalogue")

_EXTENSION = {formats.GEOJSON: ".geojson", formats.SHAPEFILE_ZIP: ".zip", formats.KML: ".kml", formats.KMZ: ".kmz",
              formats.GPKG: ".gpkg", formats.GPX: ".gpx", formats.CSV: ".csv", formats.JSON: ".json"}


def tr(text: str) -> str:
    return translate("PratoSmartCity", text)


#: converter(path, kind, temp_dir) -> (new_path, new_kind) or None: turns a checked file into a faster format
#: (the QGIS side converts GeoJSON and KML to GeoPackage) inside the download's temporary folder
Converter = Callable[[str, str, str], Optional[tuple]]


class LargeDownloadError(InputError):
    """The download is larger than the size the user wants to be asked about; retry with ``confirmed=True``."""

    def __init__(self, size: int, limit: int, resource_name: str):
        super().__init__(tr("{name} is {size} MB, more than the {limit} MB you set to be asked about.").format(
            name=resource_name, size=round(size / 1024 ** 2, 1), limit=round(limit / 1024 ** 2)))
        self.size = size
        self.limit = limit


def _offline(error: NetworkError) -> bool:
    """No answer at all (refused, timeout, DNS): the network or the portal is down."""
    return error.status is None


class PortalService:
    """The portal at ``base_url`` through ``transport``, with ``cache`` for offline work."""

    def __init__(self, base_url: str, transport: Transport, cache: CacheIndex, headers: dict | None = None,
                 max_archive_bytes: int = DEFAULT_MAX_BYTES, converter: Converter | None = None,
                 timeout: float = DEFAULT_TIMEOUT):
        self.client = CkanClient(base_url, transport, headers, timeout)
        self.portal = self.client.base_url
        self.cache = cache
        self.max_archive_bytes = max_archive_bytes
        self.converter = converter

    # --- catalogue --------------------------------------------------------------------------------------------------
    def search(self, query: SearchQuery) -> SearchResult:
        try:
            result = self.client.package_search(query)
        except NetworkError as error:
            if not _offline(error) or not self.cache.knows(self.portal):
                raise  # nothing of this portal was ever seen: an empty "offline" answer would hide the cause
            log.warning("Portal %s unreachable, searching the cached catalogue: %s", self.portal, error.details)
            return self.cache.search(self.portal, query)
        self.cache.store_datasets(self.portal, result.datasets)
        return result

    def dataset(self, dataset_id: str) -> Dataset:
        try:
            dataset = self.client.package_show(dataset_id)
        except NetworkError as error:
            cached = self.cache.dataset(self.portal, dataset_id)
            if not _offline(error) or cached is None:
                raise
            return cached
        self.cache.store_datasets(self.portal, [dataset])
        return dataset

    def organizations(self) -> list:
        return self._listing("organization_list", self.client.organization_list)

    def groups(self) -> list:
        return self._listing("group_list", self.client.group_list)

    def _listing(self, action: str, fetch: Callable[[], list]) -> list:
        try:
            items = fetch()
        except NetworkError as error:
            if not _offline(error):
                raise
            return self.cache.organizations(self.portal, action)
        self.cache.store_response(self.portal, action, [asdict(item) for item in items])
        return items

    def datasets_of(self, organization: str = "", group: str = "", rows: int = 1000) -> list:
        return self.search(SearchQuery(organization=organization, group=group, rows=rows,
                                       sort="title_string asc")).datasets

    # --- resources --------------------------------------------------------------------------------------------------
    def fetch(self, dataset: Dataset, resource: Resource,
              progress: Callable[[int, int | None], bool] | None = None,
              confirm_above: int | None = None) -> CachedResource:
        """``resource`` ready to load: from the cache when the portal says it has not changed (or cannot be reached),
        else downloaded. ``confirm_above`` (bytes): raise :class:`LargeDownloadError` before downloading more.
        ``progress(received, total)`` returning ``False`` cancels. Nothing partial is ever left in the cache."""
        claimed = formats.normalise_format(resource.format, resource.url, resource.mimetype)
        entry = self._entry(dataset, resource, claimed)
        if claimed in formats.SERVICE_KINDS:
            return self._service_entry(entry, resource)
        if not resource.url:
            raise DataFormatError(tr("The resource {name} has no download address.").format(name=resource.name))
        cached = self.cache.resource(resource.id)
        headers = {}
        if cached is not None:
            changed = bool(resource.last_modified and cached.last_modified
                           and resource.last_modified != cached.last_modified)
            if not changed:
                if cached.etag:
                    headers["If-None-Match"] = cached.etag
                if cached.http_last_modified:
                    headers["If-Modified-Since"] = cached.http_last_modified
        if cached is None and confirm_above is not None and resource.size and resource.size > confirm_above:
            raise LargeDownloadError(resource.size, confirm_above, resource.name)

        temp_dir = self.cache.new_temp_dir()
        try:
            download = os.path.join(temp_dir, "download.part")

            def on_progress(received: int, total: int | None) -> bool:
                if confirm_above is not None and cached is None and max(received, total or 0) > confirm_above:
                    raise LargeDownloadError(max(received, total or 0), confirm_above, resource.name)
                return True if progress is None else progress(received, total) is not False

            try:
                response = self.client.transport(HttpRequest(resource.url, {**self.client.headers, **headers},
                                                             self.client.timeout, dest=download,
                                                             progress=on_progress))
            except NetworkError as error:
                if cached is not None and _offline(error):
                    log.info("Resource %s loaded from the cache (portal unreachable)", resource.id)
                    cached.offline = True
                    cached.notes.append(tr("The portal cannot be reached: the cached copy of {date} was used.")
                                        .format(date=cached.retrieved_at))
                    return cached
                raise
            if response.status == 304 and cached is not None:
                self.cache.touch(resource.id, response.header("etag"), response.header("last-modified"))
                return self.cache.resource(resource.id) or cached
            try:
                raise_for_status(response, tr("the resource {name}").format(name=resource.name))
            except NetworkError:
                if cached is not None:
                    cached.notes.append(tr("The resource's address failed (HTTP {status}): the cached copy of "
                                           "{date} was used.").format(status=response.status,
                                                                     date=cached.retrieved_at))
                    return cached
                raise
            if response.status != 200 or not os.path.exists(download):
                raise DataFormatError(tr("The server sent no file for {name}.").format(name=resource.name),
                                      f"HTTP {response.status} {resource.url}")
            entry.etag = response.header("etag")
            entry.http_last_modified = response.header("last-modified")
            self._prepare(entry, temp_dir, download, claimed, resource)
            entry.retrieved_at = utc_now()
            installed = self.cache.install(entry, temp_dir)
            log.info("Resource %s (%s) cached in %s", resource.id, installed.kind, installed.folder)
            return installed
        except BaseException:
            shutil.rmtree(temp_dir, ignore_errors=True)
            raise

    def _service_entry(self, entry: CachedResource, resource: Resource) -> CachedResource:
        """A WMS/WFS resource: its layers, from the service's capabilities (services are not cached)."""
        response = self.client.transport(HttpRequest(ogc.capabilities_url(resource.url, entry.kind),
                                                     dict(self.client.headers), self.client.timeout))
        raise_for_status(response, tr("the capabilities of {name}").format(name=resource.name))
        layers = ogc.parse_capabilities(response.body, entry.kind)
        entry.layout = {"base_url": ogc.base_url(resource.url), "layers": [asdict(layer) for layer in layers]}
        return entry

    def _entry(self, dataset: Dataset, resource: Resource, claimed: str) -> CachedResource:
        return CachedResource(
            resource_id=resource.id, portal=self.portal, dataset_id=dataset.id, dataset_name=dataset.name,
            dataset_title=dataset.title, resource_name=resource.name, url=resource.url, kind=claimed, path="",
            dataset_notes=dataset.notes, dataset_page=self.client.dataset_page(dataset.name),
            publisher=dataset.publisher, format_label=resource.format, licence=dataset.license_title,
            licence_url=dataset.license_url, last_modified=resource.last_modified or dataset.metadata_modified)

    def _prepare(self, entry: CachedResource, temp_dir: str, download: str, claimed: str, resource: Resource) -> None:
        """Identify, check and unpack the downloaded file inside ``temp_dir``; fills ``entry.kind/path/layout``."""
        actual = formats.sniff_file(download, claimed)
        if claimed not in (formats.UNKNOWN, actual) and not (claimed == formats.JSON and actual == formats.GEOJSON):
            entry.notes.append(tr("The portal labels this resource {label}, but it is {actual}: it was read as "
                                  "{actual}.").format(label=resource.format or claimed, actual=_describe(actual)))
        inner = formats.inner_kind(actual)
        if actual in (formats.SHAPEFILE_ZIP, formats.KMZ) or inner:
            data_dir = os.path.join(temp_dir, "data")
            files = safe_extract(download, data_dir, self.max_archive_bytes)
            os.remove(download)
            wanted = {formats.SHAPEFILE_ZIP: ".shp", formats.KMZ: ".kml"}.get(actual) or _EXTENSION.get(inner, "")
            if inner == formats.GEOJSON:
                candidates = [f for f in files if f.lower().endswith((".geojson", ".json"))]
            else:
                candidates = [f for f in files if f.lower().endswith(wanted)]
            candidates.sort(key=lambda f: (f.count("/"), f.lower()))
            if not candidates:
                raise DataFormatError(tr("The archive holds no loadable file."), str(files))
            main = os.path.join(data_dir, *candidates[0].split("/"))
            kind = inner or (formats.KML if actual == formats.KMZ else actual)
            if len(candidates) > 1:
                entry.layout["more_files"] = [os.path.join("data", *c.split("/")) for c in candidates[1:]]
        else:
            kind = actual
            base = os.path.splitext(filename_from_url(resource.url, "resource"))[0] or "resource"
            main = os.path.join(temp_dir, base + _EXTENSION.get(kind, ""))
            os.replace(download, main)
        if kind == formats.KML:
            check_kml(main)
        elif kind == formats.CSV:
            entry.layout.update(asdict(sniff_csv(main)))
        elif kind == formats.JSON:
            raise DataFormatError(tr("The resource is JSON but not GeoJSON: it holds no map data the plugin can "
                                     "load."), resource.url)
        if self.converter is not None:
            converted = self.converter(main, kind, temp_dir)
            if converted is not None:
                entry.layout["converted_from"] = kind
                main, kind = converted
        entry.kind = kind
        entry.path = main


def _describe(kind: str) -> str:
    inner = formats.inner_kind(kind)
    if inner:
        return tr("a zip holding {kind}").format(kind=inner.upper())
    return {formats.SHAPEFILE_ZIP: tr("a zipped shapefile")}.get(kind, kind.upper())

