"""Cached catalogue resources as QGIS layers: the right provider and CRS, a filled ``QgsLayerMetadata`` (title,
abstract, licence, attribution, dataset and resource links, retrieval date), WMS/WFS as service layers, tables for
resources without geometry, and a report of invalid geometries (loaded, never dropped)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Optional

from qgis.core import (
    QgsAbstractMetadataBase,
    QgsCoordinateReferenceSystem,
    QgsDataSourceUri,
    QgsFeatureRequest,
    QgsLayerMetadata,
    QgsMapLayer,
    QgsRasterLayer,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication, QDateTime, Qt, QUrl, QUrlQuery

from prato_smartcity_plugin.core.catalogue import formats
from prato_smartcity_plugin.core.catalogue.cache import CachedResource
from prato_smartcity_plugin.core.catalogue.csvsniff import guess_crs
from prato_smartcity_plugin.core.errors import DataFormatError, InputError
from prato_smartcity_plugin.core.log import get_logger

log = get_logger("catalogue")

#: layer custom properties that tie a layer to its catalogue resource (also used to find it again)
PROPERTY_RESOURCE = "prato_smartcity/catalogue_resource"
PROPERTY_PORTAL = "prato_smartcity/catalogue_portal"

#: crs_prompt(layer_name) -> a valid CRS, or None if the user declined
CrsPrompt = Callable[[str], Optional[QgsCoordinateReferenceSystem]]


def tr(text: str) -> str:
    return QCoreApplication.translate("PratoSmartCity", text)


@dataclass
class LoadReport:
    layers: list = field(default_factory=list)
    invalid_geometries: dict = field(default_factory=dict)  # layer name -> [feature ids]
    notes: list = field(default_factory=list)

    def messages(self) -> list[str]:
        out = list(self.notes)
        for name, fids in self.invalid_geometries.items():
            out.append(tr("{name}: {count} features have invalid geometries (loaded as they are; check them with "
                          "Vector ▸ Geometry Tools ▸ Check Validity).").format(name=name, count=len(fids)))
        return out


def load_layers(entry: CachedResource, crs_prompt: CrsPrompt | None = None, check_geometries: bool = True
                ) -> LoadReport:
    """The layers of ``entry`` (not yet added to a project). Raises :class:`DataFormatError` when nothing loads,
    :class:`InputError` when no CRS is known and the user gives none."""
    report = LoadReport(notes=list(entry.notes))
    name = layer_title(entry)
    if entry.kind in formats.SERVICE_KINDS:
        layers = _service_layers(entry, name)
    elif entry.kind == formats.CSV:
        layers = [_csv_layer(entry, name, crs_prompt)]
    else:
        layers = _ogr_layers(entry, name)
    for layer in layers:
        if not layer.isValid():
            raise DataFormatError(tr("QGIS cannot read the resource {name}.").format(name=name), layer.source())
        if isinstance(layer, QgsVectorLayer) and layer.isSpatial() and entry.kind not in formats.SERVICE_KINDS:
            _ensure_crs(layer, crs_prompt)
            if check_geometries:
                bad = invalid_geometries(layer)
                if bad:
                    report.invalid_geometries[layer.name()] = bad
                    log.warning("%s: invalid geometries in features %s", layer.name(), bad[:50])
        if isinstance(layer, QgsVectorLayer) and not layer.isSpatial():
            report.notes.append(tr("{name} has no geometry: it was added as a table.").format(name=layer.name()))
        layer.setMetadata(layer_metadata(entry, layer))
        layer.setCustomProperty(PROPERTY_RESOURCE, entry.resource_id)
        layer.setCustomProperty(PROPERTY_PORTAL, entry.portal)
    report.layers = layers
    return report


def layer_title(entry: CachedResource) -> str:
    if entry.resource_name and entry.resource_name != entry.dataset_title:
        return f"{entry.dataset_title} — {entry.resource_name}" if entry.dataset_title else entry.resource_name
    return entry.dataset_title or entry.resource_name


def _ogr_layers(entry: CachedResource, name: str) -> list:
    """One layer per non-empty sublayer (a GPX has waypoints, routes and tracks; a KML may have folders)."""
    from osgeo import ogr

    from prato_smartcity_plugin.adapters.gdal_errors import gdal_exceptions

    try:
        with gdal_exceptions():
            source = ogr.Open(entry.path)
            sublayers = []
            for index in range(source.GetLayerCount()):
                ogr_layer = source.GetLayerByIndex(index)
                sublayers.append((ogr_layer.GetName(), ogr_layer.GetFeatureCount()))
            source = None
    except (RuntimeError, AttributeError) as error:
        raise DataFormatError(tr("QGIS cannot read the resource {name}.").format(name=name),
                              f"{entry.path}: {error}") from error
    non_empty = [n for n, count in sublayers if count != 0] or [n for n, _ in sublayers[:1]]
    if entry.kind == formats.GPX:  # the points of routes and tracks repeat their lines: only when alone
        lines = {n for n in non_empty if n in ("routes", "tracks")}
        non_empty = [n for n in non_empty if not (n.endswith("_points") and n[: -len("_points")] + "s" in lines)]
    if not non_empty:
        raise DataFormatError(tr("The resource {name} holds no layer.").format(name=name), entry.path)
    if len(sublayers) == 1:
        return [QgsVectorLayer(entry.path, name, "ogr")]
    return [QgsVectorLayer(f"{entry.path}|layername={sub}", f"{name} ({sub})", "ogr") for sub in non_empty]


def _csv_layer(entry: CachedResource, name: str, crs_prompt: CrsPrompt | None) -> QgsVectorLayer:
    layout = entry.layout
    query = [("type", "csv"), ("delimiter", layout["delimiter"]), ("encoding", layout["encoding"]),
             ("detectTypes", "yes"), ("trimFields", "yes"), ("geomType", "none")]
    if layout.get("decimal_comma"):
        query.append(("decimalPoint", ","))
    if layout.get("x_field") and layout.get("y_field"):
        query = [q for q in query if q[0] != "geomType"] + [("xField", layout["x_field"]),
                                                             ("yField", layout["y_field"]), ("geomType", "point")]
    elif layout.get("wkt_field"):
        query = [q for q in query if q[0] != "geomType"] + [("wktField", layout["wkt_field"])]
    has_geometry = any(key in ("xField", "wktField") for key, _ in query)
    if has_geometry:
        crs = layout.get("crs")
        if not crs:
            chosen = crs_prompt(name) if crs_prompt else None
            if chosen is None or not chosen.isValid():
                raise InputError(tr("Nothing tells the coordinate reference system of {name}: choose one to load "
                                    "it.").format(name=name))
            crs = chosen.authid() or chosen.toWkt()
        query.append(("crs", crs))
    url = QUrl.fromLocalFile(entry.path)
    url_query = QUrlQuery()
    for key, value in query:
        url_query.addQueryItem(key, str(value))
    url.setQuery(url_query)
    return QgsVectorLayer(bytes(url.toEncoded()).decode(), name, "delimitedtext")


def _service_layers(entry: CachedResource, name: str) -> list:
    base = entry.layout["base_url"]
    layers = []
    for item in entry.layout["layers"]:
        title = f"{name} ({item['title']})" if len(entry.layout["layers"]) > 1 else name
        if entry.kind == formats.WMS:
            crs = next((c for c in item["crs"] if c in ("EPSG:3857", "EPSG:4326", "EPSG:6707", "EPSG:3003")),
                       item["crs"][0] if item["crs"] else "EPSG:4326")
            uri = QgsDataSourceUri()
            uri.setParam("url", base)
            uri.setParam("layers", item["name"])
            uri.setParam("styles", "")
            uri.setParam("format", "image/png")
            uri.setParam("crs", crs)
            layers.append(QgsRasterLayer(bytes(uri.encodedUri()).decode(), title, "wms"))
        else:
            uri = QgsDataSourceUri()
            uri.setParam("url", base)
            uri.setParam("typename", item["name"])
            uri.setParam("version", "auto")
            uri.setParam("restrictToRequestBBOX", "1")
            layers.append(QgsVectorLayer(uri.uri(False), title, "WFS"))
    return layers


def _ensure_crs(layer: QgsVectorLayer, crs_prompt: CrsPrompt | None) -> None:
    if layer.crs().isValid():
        return
    extent = layer.extent()
    authid = guess_crs(extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()) \
        if not extent.isEmpty() else None
    crs = QgsCoordinateReferenceSystem(authid) if authid else (crs_prompt(layer.name()) if crs_prompt else None)
    if crs is None or not crs.isValid():
        raise InputError(tr("Nothing tells the coordinate reference system of {name}: choose one to load it.")
                         .format(name=layer.name()))
    layer.setCrs(crs)


def invalid_geometries(layer: QgsVectorLayer) -> list:
    """Ids of the features whose polygon is not valid for GEOS (self-intersections, bad rings). Points and lines
    read by OGR are valid by construction, so only polygons are checked (keeps large point layers fast)."""
    if QgsWkbTypes.geometryType(layer.wkbType()) != QgsWkbTypes.PolygonGeometry:
        return []
    bad = []
    for feature in layer.getFeatures(QgsFeatureRequest().setNoAttributes()):
        geometry = feature.geometry()
        if not geometry.isNull() and not geometry.isEmpty() and not geometry.isGeosValid():
            bad.append(feature.id())
    return bad


def layer_metadata(entry: CachedResource, layer: QgsMapLayer) -> QgsLayerMetadata:
    metadata = layer.metadata() if layer.metadata() else QgsLayerMetadata()
    metadata.setIdentifier(entry.resource_id)
    metadata.setParentIdentifier(entry.dataset_id)
    metadata.setTitle(layer_title(entry))
    metadata.setAbstract(entry.dataset_notes)
    metadata.setType("dataset")
    metadata.setLanguage("ita")
    if entry.licence:
        metadata.setLicenses([f"{entry.licence} ({entry.licence_url})" if entry.licence_url else entry.licence])
    attribution = entry.publisher or entry.dataset_title
    rights = [tr("Source: {publisher}, open data portal {portal}").format(publisher=attribution, portal=entry.portal)]
    if "openstreetmap" in (entry.dataset_notes + entry.licence).lower():
        rights.append("© OpenStreetMap contributors")
    metadata.setRights(rights)
    if entry.publisher:
        contact = QgsAbstractMetadataBase.Contact(entry.publisher)
        contact.organization = entry.publisher
        contact.role = "publisher"
        metadata.setContacts([contact])
    links = []
    if entry.dataset_page:
        links.append(QgsAbstractMetadataBase.Link(tr("Dataset page"), "WWW:LINK", entry.dataset_page))
    if entry.url:
        link = QgsAbstractMetadataBase.Link(tr("Resource"), "WWW:DOWNLOAD-1.0-http--download", entry.url)
        link.format = entry.format_label
        links.append(link)
    metadata.setLinks(links)
    metadata.setKeywords({"catalogue": [entry.portal, entry.dataset_name]})
    retrieved = QDateTime.fromString(entry.retrieved_at, Qt.ISODate) if entry.retrieved_at else \
        QDateTime.currentDateTimeUtc()
    metadata.setHistory([tr("Retrieved from {url} on {date}").format(url=entry.url or entry.portal,
                                                                     date=retrieved.toString(Qt.ISODate))]
                        + ([tr("Last modified on the portal: {date}").format(date=entry.last_modified)]
                           if entry.last_modified else []))
    if layer.crs().isValid():
        metadata.setCrs(layer.crs())
    return metadata
