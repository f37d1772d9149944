"""Resource formats: what a portal's label means (``wms`` / ``WMS`` / ``OGC WMS``) and what a file really is (a
"GeoJSON" that is a zip, an HTML error page served as "CSV"). The file's content wins over its label."""

from __future__ import annotations

import json
import os
import zipfile

from prato_smartcity_plugin.core.errors import DataFormatError
from prato_smartcity_plugin.core.i18n import translate

GEOJSON, SHAPEFILE_ZIP, KML, KMZ, GPKG, GPX, CSV, WMS, WFS, JSON, UNKNOWN = (
    "geojson", "shapefile", "kml", "kmz", "gpkg", "gpx", "csv", "wms", "wfs", "json", "unknown")

#: formats loaded as a QGIS service layer rather than downloaded
SERVICE_KINDS = (WMS, WFS)
#: formats the plugin can turn into a layer
LOADABLE_KINDS = (GEOJSON, SHAPEFILE_ZIP, KML, KMZ, GPKG, GPX, CSV, WMS, WFS)

_LABELS = {
    "geojson": GEOJSON, "geo+json": GEOJSON, "application/geo+json": GEOJSON, "application/vnd.geo+json": GEOJSON,
    "shp": SHAPEFILE_ZIP, "shapefile": SHAPEFILE_ZIP, "zip": SHAPEFILE_ZIP, "esri shapefile": SHAPEFILE_ZIP,
    "shape": SHAPEFILE_ZIP, "application/zip": SHAPEFILE_ZIP, "shp.zip": SHAPEFILE_ZIP,
    "kml": KML, "application/vnd.google-earth.kml+xml": KML, "kmz": KMZ, "application/vnd.google-earth.kmz": KMZ,
    "gpkg": GPKG, "geopackage": GPKG, "application/geopackage+sqlite3": GPKG,
    "gpx": GPX, "application/gpx+xml": GPX,
    "csv": CSV, "text/csv": CSV, "tsv": CSV,
    "wms": WMS, "ogc wms": WMS, "ogc:wms": WMS, "wms_srv": WMS,
    "wfs": WFS, "ogc wfs": WFS, "ogc:wfs": WFS, "wfs_srv": WFS,
    "json": JSON, "application/json": JSON,
}
_EXTENSIONS = {".geojson": GEOJSON, ".json": JSON, ".zip": SHAPEFILE_ZIP, ".kml": KML, ".kmz": KMZ, ".gpkg": GPKG,
               ".gpx": GPX, ".csv": CSV, ".txt": CSV}


def tr(text: str) -> str:
    return translate("PratoSmartCity", text)


def normalise_format(label: str = "", url: str = "", mimetype: str = "") -> str:
    """The kind a resource claims to be, from its label, then its MIME type, then its URL (case and spacing ignored)."""
    for candidate in (label, mimetype):
        key = " ".join((candidate or "").strip().lower().lstrip(".").split())
        if key in _LABELS:
            return _LABELS[key]
    lowered = (url or "").lower()
    if "service=wms" in lowered or lowered.rstrip("?").endswith("/wms"):
        return WMS
    if "service=wfs" in lowered or lowered.rstrip("?").endswith("/wfs"):
        return WFS
    path = lowered.split("?", 1)[0]
    for ext, kind in _EXTENSIONS.items():
        if path.endswith(ext):
            return kind
    return UNKNOWN


def sniff_file(path: str, claimed: str = UNKNOWN) -> str:
    """What the downloaded file at ``path`` really is. Raises :class:`DataFormatError` for empty files, web pages and
    content nothing can read."""
    size = os.path.getsize(path)
    if size == 0:
        raise DataFormatError(tr("The resource is an empty file."), path)
    with open(path, "rb") as handle:
        head = handle.read(4096)
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _sniff_zip(path)
    if head.startswith(b"SQLite format 3\x00"):
        return GPKG
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    lowered = text[:1024].lower()
    if lowered.startswith((b"<!doctype html", b"<html")) or b"<html" in lowered[:300]:
        raise DataFormatError(tr("The resource link leads to a web page, not to data: the portal's link may be dead "
                                 "or need a login."), f"{path}\n{head[:300]!r}")
    if lowered.startswith(b"<"):
        if b"<kml" in lowered:
            return KML
        if b"<gpx" in lowered:
            return GPX
        raise DataFormatError(tr("The resource is an XML document the plugin cannot load as a layer."),
                              f"{path}\n{head[:300]!r}")
    if text.startswith((b"{", b"[")):
        return GEOJSON if _looks_like_geojson(path) else JSON
    if b"\x00" not in head and (claimed == CSV or b"," in head or b";" in head or b"\t" in head):
        return CSV
    raise DataFormatError(tr("The format of the resource is unknown: the plugin cannot load it."),
                          f"{path}\n{head[:300]!r}")


def _looks_like_geojson(path: str) -> bool:
    with open(path, "rb") as handle:
        head = handle.read(65536).decode("utf-8", "replace")
    for marker in ('"FeatureCollection"', '"Feature"', '"coordinates"', '"geometries"'):
        if marker in head:
            return True
    if os.path.getsize(path) <= 65536:
        try:
            data = json.loads(head)
        except ValueError:
            return False
        return isinstance(data, dict) and data.get("type") in ("FeatureCollection", "Feature", "Point", "LineString",
                                                                "Polygon", "MultiPoint", "MultiLineString",
                                                                "MultiPolygon", "GeometryCollection")
    return False


def _sniff_zip(path: str) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = [name.lower() for name in archive.namelist()]
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise DataFormatError(tr("The resource is a damaged zip archive."), f"{path}: {error}") from error
    if any(name.endswith(".shp") for name in names):
        return SHAPEFILE_ZIP
    if any(name.endswith(".kml") for name in names):
        return KMZ
    for ext, kind in ((".gpkg", GPKG), (".geojson", GEOJSON), (".json", GEOJSON), (".gpx", GPX), (".csv", CSV)):
        if any(name.endswith(ext) for name in names):
            return "zip:" + kind
    raise DataFormatError(tr("The zip archive holds no file the plugin can load (shapefile, KML, GeoJSON, "
                             "GeoPackage, GPX or CSV)."), f"{path}: {names[:20]}")


def inner_kind(kind: str) -> str | None:
    """For ``zip:<kind>`` (a zip holding one loadable file), the inner kind; else ``None``."""
    return kind[4:] if kind.startswith("zip:") else None
