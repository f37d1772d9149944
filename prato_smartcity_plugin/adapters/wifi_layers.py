"""QGIS side of the Wi-Fi analyses: reading layers into the core's inputs (reprojected to metres, with notes), and
writing the results as layers with the canonical schema and the plugin's styles.

Sources are any ``QgsFeatureSource`` (a ``QgsVectorLayer`` or a Processing source). Access points come from a point
layer mapped onto :mod:`core.wifi.schema`, or from the Comune's coverage-area polygons (their centroids stand in
for the positions, see :mod:`core.wifi.opendata`). The municipal API hook is :func:`access_points_from_api`.
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping, Sequence

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, QVariant

from prato_smartcity_plugin.adapters.paths import resource
from prato_smartcity_plugin.core.errors import InputError, Level, PratoError
from prato_smartcity_plugin.core.i18n import translate
from prato_smartcity_plugin.core.wifi import opendata, schema
from prato_smartcity_plugin.core.wifi.schema import AccessPoint, Note

#: Where the analyses run when the access points are not already in a projected CRS: RDN2008 / UTM zone 32N,
#: the national frame of the plugin's store.
WORK_CRS = "EPSG:6707"

_QVARIANT = {"text": QVariant.String, "integer": QVariant.Int, "real": QVariant.Double, "date": QVariant.Date,
             "datetime": QVariant.DateTime}


def tr(text: str) -> str:
    return translate("PratoSmartCity", text)


def working_crs(*sources) -> QgsCoordinateReferenceSystem:
    """The first source's CRS when it is projected, else :data:`WORK_CRS`."""
    for source in sources:
        if source is not None:
            crs = source.sourceCrs()
            if crs.isValid() and not crs.isGeographic():
                return crs
            break
    return QgsCoordinateReferenceSystem(WORK_CRS)


def layer_name(source) -> str:
    name = getattr(source, "sourceName", None)
    return name() if callable(name) else tr("the layer")


class Reader:
    """Reads sources into ``crs`` (metres), collecting :class:`Note` objects on the way (reprojection, skipped
    features) for the caller to report."""

    def __init__(self, crs: QgsCoordinateReferenceSystem,
                 transform_context: QgsCoordinateTransformContext | None = None):
        self.crs = crs
        self.context = transform_context or QgsProject.instance().transformContext()
        self.notes: list[Note] = []

    def _transform(self, source, what: str) -> QgsCoordinateTransform | None:
        source_crs = source.sourceCrs()
        if not source_crs.isValid():
            self.notes.append(Note(Level.WARNING, tr("{what} has no CRS: its coordinates are taken as {crs}.").format(
                what=what, crs=self.crs.authid())))
            return None
        if source_crs == self.crs:
            return None
        if source_crs.isGeographic():
            self.notes.append(Note(Level.INFO, tr("{what} is in {src} (degrees): it is reprojected to {crs} so that "
                                                  "distances are in metres.").format(
                what=what, src=source_crs.authid(), crs=self.crs.authid())))
        return QgsCoordinateTransform(source_crs, self.crs, self.context)

    def _check(self, source, what: str, geometry_types: Sequence[int]) -> QgsCoordinateTransform | None:
        """Refuse a missing layer or one of the wrong geometry type; the transform to ``self.crs`` (or ``None``)."""
        if source is None:
            raise InputError(tr("{what} is missing.").format(what=what))
        geometry_type = QgsWkbTypes.geometryType(source.wkbType())
        if geometry_type not in geometry_types:
            raise InputError(tr("{what} must be a {kind} layer; {name} has {actual} geometries.").format(
                what=what, kind=" / ".join(_kind_name(t) for t in geometry_types), name=layer_name(source),
                actual=_kind_name(geometry_type)))
        return self._transform(source, what)

    def _request(self, attributes: Sequence[int] | None) -> QgsFeatureRequest:
        request = QgsFeatureRequest()
        if attributes is not None:
            request.setSubsetOfAttributes(list(attributes))
        return request

    def _finish(self, source, what: str, found: int, missing: int) -> None:
        if missing:
            self.notes.append(Note(Level.WARNING, tr("{n} features of {what} have no geometry and are left out.")
                                   .format(n=missing, what=what)))
        if not found:
            raise InputError(tr("{what} ({name}) is empty: it has no feature with a geometry.").format(
                what=what, name=layer_name(source)))

    def features(self, source, what: str, geometry_types: Sequence[int], attributes: Sequence[int] | None = None):
        """``(feature, geometry in self.crs)`` for each feature with a geometry; checks the type and emptiness.
        ``attributes``: the indexes to read (``None``: all)."""
        transform = self._check(source, what, geometry_types)
        result, missing = [], 0
        for feature in source.getFeatures(self._request(attributes)):
            geom = feature.geometry()
            if geom is None or geom.isNull() or geom.isEmpty():
                missing += 1
                continue
            if transform is not None:
                geom = QgsGeometry(geom)
                geom.transform(transform)
            result.append((feature, geom))
        self._finish(source, what, len(result), missing)
        return result

    def points(self, source, what: str, attributes: Sequence[int] | None = None, row=None):
        """``(xs, ys, rows)``: one position per feature with a geometry (the first point of a multipoint), and
        ``row(feature)`` for each of those features (``rows`` is empty without ``row``).

        Demand layers have tens of thousands of points, so this loop does as little as it can per feature: one
        reused ``QgsFeature`` (``nextFeature``), no geometry copies, and the reprojection done afterwards in one
        call for all the points (:func:`transform_xy`)."""
        transform = self._check(source, what, [QgsWkbTypes.PointGeometry])
        xs, ys, rows = [], [], []
        add_x, add_y, add_row = xs.append, ys.append, rows.append
        missing = multi = 0
        iterator = source.getFeatures(self._request(attributes))
        feature = QgsFeature()
        while iterator.nextFeature(feature):
            if not feature.hasGeometry():
                missing += 1
                continue
            geom = feature.geometry()
            try:  # the common case first: as few calls per feature as possible
                point = geom.asPoint()
            except (TypeError, ValueError):  # a multipoint, or an empty one
                parts = [] if geom.isEmpty() else geom.asMultiPoint()
                if not parts:
                    missing += 1
                    continue
                multi += len(parts) > 1
                point = parts[0]
            x, y = point.x(), point.y()
            if x != x or y != y:  # an empty point reads as NaN
                missing += 1
                continue
            add_x(x)
            add_y(y)
            if row is not None:
                add_row(row(feature))
        self._finish(source, what, len(xs), missing)
        if multi:
            self.notes.append(Note(Level.WARNING, tr("{n} features of {what} have several points; the first point of "
                                                     "each is used.").format(n=multi, what=what)))
        if transform is not None:
            xs, ys = transform_xy(xs, ys, transform)
        return xs, ys, rows

    def access_points(self, source, mapping: Mapping[str, str] | None = None,
                      defaults: Mapping[str, Any] | None = None, what: str = "") -> list[AccessPoint]:
        """Access points from a point layer mapped onto the schema, or from the Comune's coverage areas."""
        what = what or tr("The access-point layer")
        field_names = [f.name() for f in source.fields()] if source is not None else []
        if source is not None and QgsWkbTypes.geometryType(source.wkbType()) == QgsWkbTypes.PolygonGeometry \
                and opendata.is_coverage_areas_record(field_names):
            points = []
            for feature, geom in self.features(source, what, [QgsWkbTypes.PolygonGeometry]):
                centroid = geom.centroid().asPoint()
                points.append(opendata.access_point_from_coverage_area(
                    dict(zip(field_names, feature.attributes())), centroid.x(), centroid.y(), geom.area(),
                    origin=feature.id()))
            self.notes.append(Note(Level.INFO, tr("{what} holds coverage areas: each area's centroid stands in for "
                                                  "its access point, with the radius of a disc of the same area.")
                                   .format(what=what)))
            return points
        xs, ys, rows = self.points(source, what, row=lambda feature: (feature.id(), feature.attributes()))
        points = []
        for x, y, (fid, attributes) in zip(xs, ys, rows):
            record = {name: _python_value(value) for name, value in zip(field_names, attributes)}
            points.append(schema.access_point_from_record(x, y, record, mapping, defaults, origin=fid,
                                                          notes=self.notes))
        return points

    def demand(self, source, weight_field: str = "", what: str = ""):
        from prato_smartcity_plugin.core.wifi.coverage import Demand

        what = what or tr("the demand layer")
        index = source.fields().lookupField(weight_field) if (weight_field and source is not None) else -1
        if weight_field and index < 0:
            raise InputError(tr("The weight field {field} is not in {what}.").format(field=weight_field, what=what))
        if index < 0:
            xs, ys, _ = self.points(source, what[:1].upper() + what[1:], [])
            return Demand.from_points(xs, ys, None, what)
        xs, ys, values = self.points(source, what[:1].upper() + what[1:], [index], lambda feature: feature[index])
        if not all(type(v) in (float, int) for v in values):  # NULLs, strings, decimal commas: one by one
            values = [_number(v) for v in values]
        return Demand.from_points(xs, ys, values, what)

    def polygons(self, source, name_field: str = "", what: str = "") -> list[tuple[str, Any]]:
        """``[(name, shapely polygon)]``; names from ``name_field`` or the feature id."""
        what = what or tr("The areas layer")
        name_field = name_field or guess_name_field(source.fields().names())
        index = source.fields().lookupField(name_field) if name_field else -1
        result = []
        for feature, geom in self.features(source, what, [QgsWkbTypes.PolygonGeometry]):
            name = _python_value(feature.attributes()[index]) if index >= 0 else None
            result.append((str(name) if name not in (None, "") else tr("Area {id}").format(id=feature.id()),
                           to_shapely(geom)))
        return result


#: Field names taken as a feature's name when the user names none.
NAME_FIELDS = ("name", "nome", "denominazione", "site", "sito", "label")


def guess_name_field(field_names) -> str:
    by_lower = {str(n).lower(): n for n in field_names}
    return next((by_lower[n] for n in NAME_FIELDS if n in by_lower), "")


def _kind_name(geometry_type: int) -> str:
    return {QgsWkbTypes.PointGeometry: tr("point"), QgsWkbTypes.LineGeometry: tr("line"),
            QgsWkbTypes.PolygonGeometry: tr("polygon")}.get(geometry_type, tr("no"))


def _python_value(value: Any) -> Any:
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    if isinstance(value, QDate):
        return value.toPyDate()
    if isinstance(value, QVariant):
        return None if value.isNull() else value.value()
    return value


def _number(value: Any) -> float | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    value = _python_value(value)
    if value in (None, ""):
        return None
    try:
        return float(str(value).replace(",", "."))
    except ValueError as error:
        raise InputError(tr("The weight \"{value}\" is not a number.").format(value=value)) from error


def transform_xy(xs: Sequence[float], ys: Sequence[float], transform: QgsCoordinateTransform):
    """The points reprojected with ``transform``, all in one call (as a multipoint built and read back as WKB)."""
    import numpy as np

    record = np.dtype([("order", "u1"), ("type", "<u4"), ("x", "<f8"), ("y", "<f8")])
    points = np.zeros(len(xs), dtype=record)
    points["order"], points["type"] = 1, 1
    points["x"], points["y"] = xs, ys
    header = np.array([1], "u1").tobytes() + np.array([4, len(xs)], "<u4").tobytes()  # little-endian MultiPoint
    geom = QgsGeometry()
    geom.fromWkb(header + points.tobytes())
    geom.transform(transform)
    moved = np.frombuffer(bytes(geom.asWkb()), dtype=record, offset=len(header))
    return moved["x"].tolist(), moved["y"].tolist()


def to_shapely(geom: QgsGeometry):
    from shapely import wkb

    return wkb.loads(bytes(geom.asWkb()))


def from_shapely(shape) -> QgsGeometry:
    geom = QgsGeometry()
    geom.fromWkb(shape.wkb)
    return geom


def union_of(polygons: Iterable[tuple[str, Any]]):
    from shapely.ops import unary_union

    shapes = [g for _, g in polygons]
    return unary_union(shapes) if shapes else None


# --- writing -----------------------------------------------------------------------------------------------------


def qgs_fields(specs: Iterable[tuple[str, str]]) -> QgsFields:
    fields = QgsFields()
    for name, kind in specs:
        fields.append(QgsField(name, _QVARIANT[kind]))
    return fields


def access_point_field_specs() -> list[tuple[str, str]]:
    return [(f.name, f.type.value) for f in schema.FIELDS]


def access_point_feature(point: AccessPoint, fields: QgsFields) -> QgsFeature:
    feature = QgsFeature(fields)
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(point.x, point.y)))
    for name, value in point.record().items():
        if name == "install_date" and value is not None:
            value = QDate(value.year, value.month, value.day)
        feature.setAttribute(name, value)
    return feature


def memory_layer(name: str, geometry: str, crs: QgsCoordinateReferenceSystem, fields: QgsFields,
                 features: Iterable[QgsFeature]) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{geometry}?crs={crs.authid() or crs.toWkt()}", name, "memory")
    layer.dataProvider().addAttributes(fields.toList())
    layer.updateFields()
    layer.dataProvider().addFeatures(list(features))
    layer.updateExtents()
    return layer


def access_point_layer(points: Sequence[AccessPoint], crs: QgsCoordinateReferenceSystem,
                       name: str = "") -> QgsVectorLayer:
    """A styled memory layer of access points with the canonical schema."""
    fields = qgs_fields(access_point_field_specs())
    layer = memory_layer(name or tr("Wi-Fi access points"), "Point", crs, fields,
                         (access_point_feature(p, fields) for p in points))
    sources = sorted({p.source for p in points if p.source})
    if sources:
        metadata = layer.metadata()
        metadata.setRights(sources)
        layer.setMetadata(metadata)
    apply_style(layer, "wifi_canonical_access_points")
    return layer


# --- styles ------------------------------------------------------------------------------------------------------

#: Style name -> field whose categories get translated labels, and how to label a value.
_CATEGORY_LABELS = {
    "wifi_canonical_access_points": ("status", lambda v: schema.label("status", v)),
    "wifi_new_sites": None,
    "wifi_coverage": ("state", lambda v: coverage_state_label(v)),
}

COVERAGE_STATES = ("existing", "added", "all")


def coverage_state_label(value: str) -> str:
    return {"existing": tr("Existing coverage"), "added": tr("Added by the new sites"),
            "all": tr("Coverage")}.get(value, str(value))


def style_path(name: str) -> str:
    return str(resource("styles", f"{name}.qml"))


def apply_style(layer: QgsVectorLayer, name: str) -> None:
    """Load ``resources/styles/<name>.qml`` and give category legends translated labels."""
    _message, ok = layer.loadNamedStyle(style_path(name))
    if not ok:
        raise PratoError(tr("The style {name} could not be loaded.").format(name=name), details=_message,
                         level=Level.WARNING)
    relabel = _CATEGORY_LABELS.get(name)
    renderer = layer.renderer()
    if relabel and renderer is not None and renderer.type() == "categorizedSymbol":
        for i, category in enumerate(renderer.categories()):
            renderer.updateCategoryLabel(i, relabel[1](category.value()))
    layer.triggerRepaint()


def access_points_from_api(client=None, collection: str = "wifi_access_points"):
    """Hook for the municipal API (issue 4, "later"): when the API publishes the access points as an OGC API -
    Features collection, fetch it with the sync client, write the GeoJSON to a layer and read it with
    :meth:`Reader.access_points` and a field mapping, like any other point layer.

    Until the API has such a collection this says so clearly instead of returning nothing."""
    raise PratoError(tr("The municipal API does not publish Wi-Fi access points yet (collection \"{c}\"); load them "
                        "from the open data or from a point layer.").format(c=collection), level=Level.WARNING)
