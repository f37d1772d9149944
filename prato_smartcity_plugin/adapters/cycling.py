"""QGIS side of the cycle network: read layers into the core's projected geometries, build typed and styled
cycle-path layers, and write the analysis outputs. No widgets here.

Every analysis works in a projected CRS (default EPSG:6707, RDN2008 / UTM 32N): layers in another CRS, geographic
ones included, are reprojected feature by feature. Z and M values are dropped; what cannot be used is counted by
``core.cycling.geometry.clean_lines`` and reported, never dropped silently.
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProject,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from prato_smartcity_plugin.adapters.paths import resource
from prato_smartcity_plugin.core.cycling import schema
from prato_smartcity_plugin.core.cycling.geometry import CleanLines, clean_lines
from prato_smartcity_plugin.core.cycling.network import Areas, Network
from prato_smartcity_plugin.core.errors import InputError
from prato_smartcity_plugin.core.i18n import translate
from prato_smartcity_plugin.core.log import get_logger


def tr(text: str) -> str:
    return translate("PratoSmartCity", text)

WORK_CRS = "EPSG:6707"
OSM_ATTRIBUTION = "© OpenStreetMap contributors (ODbL)"
_log = get_logger("cycling")
_QTYPES = {"text": QVariant.String, "integer": QVariant.Int, "real": QVariant.Double, "bool": QVariant.Bool}


def style_path(name: str) -> str:
    return str(resource("styles", f"{name}.qml"))


def apply_style(layer: QgsVectorLayer, name: str) -> None:
    """Load ``resources/styles/<name>.qml``; categories by kind get their translated labels."""
    message, ok = layer.loadNamedStyle(style_path(name))
    if not ok:
        _log.warning("style %s not applied to %s: %s", name, layer.name(), message)
        return
    renderer = layer.renderer()
    if renderer is not None and renderer.type() == "categorizedSymbol" and renderer.classAttribute() == "kind":
        for index, category in enumerate(renderer.categories()):
            renderer.updateCategoryLabel(index, schema.kind_label(str(category.value())))


def fields_of(specs: Iterable[tuple[str, str]]) -> QgsFields:
    """QgsFields from (name, type) pairs; types as in ``schema.Field.type``."""
    fields = QgsFields()
    for name, kind in specs:
        fields.append(QgsField(name, _QTYPES[kind]))
    return fields


def cycle_path_fields() -> QgsFields:
    return fields_of((f.name, f.type) for f in schema.FIELDS)


def work_crs(crs: QgsCoordinateReferenceSystem | str | None = None) -> QgsCoordinateReferenceSystem:
    """The CRS of the analysis: the one given if it is projected, else EPSG:6707."""
    if isinstance(crs, str):
        crs = QgsCoordinateReferenceSystem(crs)
    if crs is None or not crs.isValid() or crs.isGeographic():
        return QgsCoordinateReferenceSystem(WORK_CRS)
    return crs


def _plain(value: Any) -> Any:
    if isinstance(value, QVariant):
        return None if value.isNull() else value.value()
    return value


def attributes_of(feature: QgsFeature) -> dict[str, Any]:
    return {field.name(): _plain(feature[field.name()]) for field in feature.fields()}


def _to_shapely(geometry: QgsGeometry):
    """A QgsGeometry (already in the work CRS) as a 2D shapely geometry, None if empty."""
    from shapely import wkb

    if geometry is None or geometry.isNull() or geometry.isEmpty():
        return None
    geometry = QgsGeometry(geometry)
    if QgsWkbTypes.isCurvedType(geometry.wkbType()):
        geometry = QgsGeometry(geometry.get().segmentize())
    geometry.get().dropMValue()  # shapely 1.8 reads no M; Z is kept here and dropped (and counted) by clean_lines
    return wkb.loads(bytes(geometry.asWkb()))


# A "source" is a QgsVectorLayer or any QgsFeatureSource (what Processing hands to an algorithm).
def source_crs(source) -> QgsCoordinateReferenceSystem:
    return source.crs() if isinstance(source, QgsVectorLayer) else source.sourceCrs()


def source_name(source) -> str:
    return source.name() if isinstance(source, QgsVectorLayer) else source.sourceName()


def _transform(source, crs: QgsCoordinateReferenceSystem, transform_context=None) -> QgsCoordinateTransform:
    """Processing passes its context's transform context (thread-safe); the dock uses the project's."""
    if transform_context is None:
        transform_context = QgsProject.instance().transformContext()
    return QgsCoordinateTransform(source_crs(source), crs, transform_context)


def require_geometry(source, geometry_type, what: str) -> None:
    """Refuse, with a clear message, a missing layer, a layer of another geometry type, or one without a CRS."""
    if source is None or (isinstance(source, QgsVectorLayer) and not source.isValid()):
        raise InputError(tr("{what}: the layer is missing or cannot be read.").format(what=what))
    if QgsWkbTypes.geometryType(source.wkbType()) != geometry_type:
        names = {QgsWkbTypes.LineGeometry: tr("a line layer"),
                 QgsWkbTypes.PointGeometry: tr("a point layer"),
                 QgsWkbTypes.PolygonGeometry: tr("a polygon layer")}
        raise InputError(tr("{what}: \"{layer}\" is not {expected}.").format(
            what=what, layer=source_name(source), expected=names.get(geometry_type, "")),
            details=f"geometry type: {QgsWkbTypes.displayString(source.wkbType())}")
    if not source_crs(source).isValid():
        raise InputError(tr("{what}: \"{layer}\" has no coordinate reference system.").format(
            what=what, layer=source_name(source)))


def _features(source, selected_only: bool = False, feedback=None, expression: str = ""):
    request = QgsFeatureRequest()
    if expression:
        request.setFilterExpression(expression)
    if selected_only and isinstance(source, QgsVectorLayer):
        features, total = source.getSelectedFeatures(request), source.selectedFeatureCount()
    else:
        features, total = source.getFeatures(request), source.featureCount()
    for n, feature in enumerate(features):
        if feedback is not None:
            if feedback.isCanceled():
                from prato_smartcity_plugin.core.errors import CancelledError
                raise CancelledError(tr("Cancelled."))
            if total > 0 and n % 500 == 0:
                feedback.setProgress(100.0 * n / total)
        yield feature


def read_cycle_paths(layer, crs=None, mapping: Mapping[str, str] | None = None, selected_only: bool = False,
                     kind: str | None = None, source: str = "", feedback=None, expression: str = "",
                     what: str = "", transform_context=None) -> tuple[Network, dict[Any, dict[str, Any]]]:
    """A line layer (or feature source) as a :class:`Network` in the work CRS, with the typed record of each
    feature (by feature id). ``kind`` forces one kind for every feature (``schema.PLANNED`` for planned links)."""
    what = what or tr("Cycle paths")
    require_geometry(layer, QgsWkbTypes.LineGeometry, what)
    target = work_crs(crs)
    transform = _transform(layer, target, transform_context)
    records: dict[Any, dict[str, Any]] = {}
    items = []
    failed = 0
    for feature in _features(layer, selected_only, feedback, expression):
        record = schema.record_from_attributes(attributes_of(feature), mapping, source=source)
        if kind:
            record["kind"] = kind
        records[feature.id()] = record
        geometry = QgsGeometry(feature.geometry())
        if not geometry.isNull():
            try:
                geometry.transform(transform)
            except Exception as error:  # noqa: BLE001 - QgsCsException: out of the CRS's area
                _log.warning("feature %s of %s not reprojected: %s", feature.id(), source_name(layer), error)
                failed += 1
                geometry = QgsGeometry()
        items.append((feature.id(), _to_shapely(geometry)))
    clean = clean_lines(items)
    if failed:
        clean.skipped["invalid"] += failed
    if clean.skipped:
        _log.info("%s %s: %s %s", what, source_name(layer), clean.summary(), dict(clean.skipped_keys))
    network = Network.from_clean(clean, {key: r["kind"] for key, r in records.items()})
    if not network.lines:
        raise InputError(tr("{what}: \"{layer}\" has no usable line. {summary}").format(
            what=what, layer=source_name(layer), summary=clean.summary()))
    return network, records


def read_areas(layer, name_field: str = "", crs=None, what: str = "", transform_context=None) -> Areas:
    """Polygons in the work CRS, named by ``name_field`` (or by feature id)."""
    require_geometry(layer, QgsWkbTypes.PolygonGeometry, what or tr("Areas"))
    transform = _transform(layer, work_crs(crs), transform_context)
    names, polygons = [], []
    for feature in _features(layer):
        geometry = QgsGeometry(feature.geometry())
        if geometry.isNull() or geometry.isEmpty():
            continue
        geometry.transform(transform)
        name = _plain(feature[name_field]) if name_field and name_field in feature.fields().names() else None
        names.append(str(name) if name not in (None, "") else f"#{feature.id()}")
        polygons.append(_to_shapely(geometry))
    return Areas(names, polygons)


def read_barriers(layers: Iterable[QgsVectorLayer], crs=None, transform_context=None) -> list:
    """Lines and polygons of the barrier layers, in the work CRS."""
    geometries = []
    for layer in layers:
        if layer is None:
            continue
        if QgsWkbTypes.geometryType(layer.wkbType()) not in (QgsWkbTypes.LineGeometry,
                                                              QgsWkbTypes.PolygonGeometry):
            raise InputError(tr("Barriers: \"{layer}\" is not a line or polygon layer.").format(
                layer=source_name(layer)))
        transform = _transform(layer, work_crs(crs), transform_context)
        for feature in _features(layer):
            geometry = QgsGeometry(feature.geometry())
            if geometry.isNull() or geometry.isEmpty():
                continue
            geometry.transform(transform)
            geometries.append(_to_shapely(geometry))
    return geometries


def read_points(layer, weight_field: str = "", crs=None, transform_context=None):
    """Point coordinates (N x 2, work CRS), weights (or None), feature ids, and how many features were skipped.
    Multi-points count once, at their first point."""
    import numpy as np

    require_geometry(layer, QgsWkbTypes.PointGeometry, tr("Points"))
    transform = _transform(layer, work_crs(crs), transform_context)
    xy, weights, ids, skipped = [], [], [], 0
    for feature in _features(layer):
        geometry = QgsGeometry(feature.geometry())
        if geometry.isNull() or geometry.isEmpty():
            skipped += 1
            continue
        geometry.transform(transform)
        point = geometry.vertexAt(0)
        xy.append((point.x(), point.y()))
        ids.append(feature.id())
        if weight_field:
            value = _plain(feature[weight_field])
            try:
                weights.append(float(value) if value is not None else 0.0)
            except (TypeError, ValueError):
                weights.append(0.0)
    return np.asarray(xy, dtype=float).reshape(-1, 2), (weights if weight_field else None), ids, skipped


def cycle_path_layer(network: Network, records: Mapping[Any, Mapping[str, Any]], crs, name: str,
                     attribution: str = "") -> QgsVectorLayer:
    """A memory layer of typed cycle paths (one feature per cleaned line part), styled by kind."""
    layer = QgsVectorLayer(f"LineString?crs={work_crs(crs).authid()}", name, "memory")
    provider = layer.dataProvider()
    provider.addAttributes(cycle_path_fields().toList())
    layer.updateFields()
    features = []
    for key, line in zip(network.keys, network.lines):
        feature = QgsFeature(layer.fields())
        record = records.get(key, {})
        feature.setAttributes([record.get(f.name) for f in schema.FIELDS])
        feature.setGeometry(QgsGeometry.fromWkt(line.wkt))
        features.append(feature)
    provider.addFeatures(features)
    layer.updateExtents()
    if attribution:
        layer.setAttribution(attribution)
    apply_style(layer, "cycle_network")
    return layer


def load_cycle_paths(source, name: str = "", crs=None, mapping: Mapping[str, str] | None = None
                     ) -> tuple[QgsVectorLayer, CleanLines]:
    """Cycle paths from a file (OSM-style GeoJSON with nested tags, shapefile, GeoPackage...) or a line layer, as a
    typed, styled memory layer in the work CRS. Returns the layer and the cleaning summary."""
    if isinstance(source, QgsVectorLayer):
        layer = source
    else:
        layer = QgsVectorLayer(str(source), name or "cycle paths", "ogr")
        if not layer.isValid():
            raise InputError(tr("Cannot read the cycle paths file {path}.").format(path=source))
    network, records = read_cycle_paths(layer, crs, mapping)
    from_osm = any(r.get("source") == "OpenStreetMap" for r in records.values())
    result = cycle_path_layer(network, records, crs, name or tr("Cycle paths"),
                              OSM_ATTRIBUTION if from_osm else "")
    return result, network.cleaning
