"""The catalogue on the QGIS side: the portals of the settings as :class:`PortalService` objects over QGIS's network,
the cache folder, and a ``QgsTask`` that runs catalogue work off the UI thread with progress and cancel."""

from __future__ import annotations

import os
from typing import Any, Callable

from qgis.core import QgsApplication, QgsProject, QgsTask

from prato_smartcity_plugin.adapters import settings
from prato_smartcity_plugin.adapters.catalogue_layers import CrsPrompt, LoadReport, load_layers
from prato_smartcity_plugin.adapters.catalogue_network import qgis_transport
from prato_smartcity_plugin.core.catalogue.cache import CacheIndex
from prato_smartcity_plugin.core.catalogue.ckan import Dataset, Resource, normalise_base_url
from prato_smartcity_plugin.core.catalogue.service import PortalService
from prato_smartcity_plugin.core.errors import CancelledError
from prato_smartcity_plugin.core.log import get_logger

log = get_logger("catalogue")


def cache_dir() -> str:
    return settings.get("cache_dir") or os.path.join(QgsApplication.qgisSettingsDirPath(), "prato_smartcity",
                                                     "opendata_cache")


def open_cache() -> CacheIndex:
    return CacheIndex(cache_dir())


def confirm_above_bytes() -> int:
    return int(settings.get("download_confirm_mb")) * 1024 * 1024


def portal_service(portal: dict, cache: CacheIndex | None = None) -> PortalService:
    """``portal`` is an entry of ``settings.portals()`` ({name, url, authcfg})."""
    transport = qgis_transport(portal.get("authcfg", ""), auth_origin=portal["url"])
    return PortalService(portal["url"], transport, cache or open_cache(), converter=gpkg_converter)


def find_portal(url: str) -> dict:
    """The configured portal with API root ``url`` (or a bare entry for it)."""
    wanted = normalise_base_url(url)
    for portal in settings.portals():
        if normalise_base_url(portal["url"]) == wanted:
            return portal
    return {"name": url, "url": url, "authcfg": ""}


def add_resource(service: PortalService, dataset: Dataset, resource: Resource, project: QgsProject | None = None,
                 crs_prompt: CrsPrompt | None = None, confirm_above: int | None = None,
                 progress: Callable | None = None) -> LoadReport:
    """Fetch (or reuse the cache) and add the resource's layers to ``project``, synchronously (Processing, tests)."""
    entry = service.fetch(dataset, resource, progress=progress, confirm_above=confirm_above)
    report = load_layers(entry, crs_prompt)
    (project or QgsProject.instance()).addMapLayers(report.layers)
    return report


class CatalogueTask(QgsTask):
    """Runs ``work(task)`` in a worker thread; ``on_done(result)`` or ``on_error(error)`` run on the main thread.
    ``task.progress_callback()`` is a ``progress(received, total)`` for downloads that also carries cancel."""

    def __init__(self, description: str, work: Callable[[CatalogueTask], Any],
                 on_done: Callable[[Any], None] | None = None,
                 on_error: Callable[[BaseException], None] | None = None):
        super().__init__(description, QgsTask.CanCancel)
        self.work = work
        self.on_done = on_done
        self.on_error = on_error
        self.result: Any = None
        self.error: BaseException | None = None

    def progress_callback(self) -> Callable[[int, int | None], bool]:
        def progress(received: int, total: int | None) -> bool:
            if total:
                self.setProgress(min(100.0, 100.0 * received / total))
            return not self.isCanceled()

        return progress

    def run(self) -> bool:
        try:
            self.result = self.work(self)
            return True
        except BaseException as error:  # noqa: BLE001 - handed to on_error on the main thread
            self.error = error
            return False

    def finished(self, ok: bool) -> None:
        if ok:
            if self.on_done is not None:
                self.on_done(self.result)
        elif self.on_error is not None:
            self.on_error(self.error or CancelledError(self.tr("Cancelled.")))


#: formats whose OGR drivers read the whole file on every open: kept in the cache as GeoPackage
CONVERTED_KINDS = ("geojson", "kml")


def gpkg_converter(path: str, kind: str, temp_dir: str):
    """Convert a checked GeoJSON or KML file to a GeoPackage beside it (the original is removed): the next opens are
    instant and the layer is indexed. Geometries are copied as they are (invalid ones too: they are reported). FIDs are
    renumbered (portals publish GeoJSON with duplicate ids). If the conversion fails, the original is kept: the
    conversion is only an optimisation, the file itself was checked."""
    if kind not in CONVERTED_KINDS:
        return None
    from osgeo import gdal

    from prato_smartcity_plugin.adapters.gdal_errors import gdal_exceptions

    target = os.path.splitext(path)[0] + ".gpkg"
    try:
        with gdal_exceptions():
            result = gdal.VectorTranslate(target, path, options=["-unsetFid"], format="GPKG",
                                          layerCreationOptions=["SPATIAL_INDEX=YES"])
            ok = result is not None
            result = None  # closes the GeoPackage
    except RuntimeError as error:
        ok = False
        log.warning("%s kept as %s: conversion to GeoPackage failed: %s", path, kind, error)
    if not ok:
        if os.path.exists(target):
            os.remove(target)
        return None
    os.remove(path)
    return target, "gpkg"
