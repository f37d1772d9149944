"""Checks an intervention feature before it is saved: the schema's rules, a valid geometry (with a repair), and
whether it lies inside the Comune di Prato (a warning, never a block). No widgets: the GUI reports the problems."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Iterable

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsProject,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, QDateTime

from prato_smartcity_plugin.adapters.paths import resource
from prato_smartcity_plugin.core.i18n import translate
from prato_smartcity_plugin.core.interventions import schema
from prato_smartcity_plugin.core.interventions.schema import GeometryKind, Problem
from prato_smartcity_plugin.core.log import get_logger

log = get_logger("store")

GEOMETRY = "geometry"
#: Where the comune's boundary comes from: the demo GeoPackage shipped in resources/demo.
BOUNDARY_SOURCES = ((("demo", "prato_demo.gpkg"), "prato_comune"),)

_QGIS_GEOMETRY_TYPES = {
    GeometryKind.POINT: QgsWkbTypes.PointGeometry,
    GeometryKind.LINE: QgsWkbTypes.LineGeometry,
    GeometryKind.POLYGON: QgsWkbTypes.PolygonGeometry,
}


def tr(text: str) -> str:
    return translate("PratoSmartCity", text)


def python_value(value: Any) -> Any:
    """A QGIS attribute value as the schema reads it (NULL -> None, QDate -> date, QDateTime -> datetime)."""
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    if isinstance(value, QDate):
        return dt.date(value.year(), value.month(), value.day())
    if isinstance(value, QDateTime):
        return value.toPyDateTime()
    return value


def record_of(feature: QgsFeature) -> dict[str, Any]:
    names = feature.fields().names()
    return {name: python_value(feature[name]) for name in schema.FIELD_NAMES if name in names}


def load_boundary(source: str | Path | None = None, layer_name: str | None = None) -> QgsGeometry | None:
    """The comune's boundary in the store's CRS (None, logged, when no source is found)."""
    candidates = [(str(source), layer_name)] if source else [
        (str(resource(*parts)), name) for parts, name in BOUNDARY_SOURCES]
    for path, name in candidates:
        if not Path(path).is_file():
            continue
        uri = f"{path}|layername={name}" if name else path
        layer = QgsVectorLayer(uri, "boundary", "ogr")
        if not layer.isValid():
            continue
        geometries = [f.geometry() for f in layer.getFeatures() if f.hasGeometry()]
        if not geometries:
            continue
        boundary = QgsGeometry.unaryUnion(geometries)
        transform = QgsCoordinateTransform(layer.crs(), QgsCoordinateReferenceSystem(schema.STORE_CRS),
                                           QgsProject.instance())
        boundary.transform(transform)
        return boundary
    log.info("no comune boundary found (%s): interventions are not checked against it", candidates)
    return None


def geometry_problems(geometry: QgsGeometry | None, boundary: QgsGeometry | None = None) -> list[Problem]:
    if geometry is None or geometry.isNull() or geometry.isEmpty():
        return [Problem(GEOMETRY, tr("The intervention has no geometry: draw it on the map."))]
    errors = geometry.validateGeometry(QgsGeometry.ValidatorGeos)
    if errors:
        return [Problem(GEOMETRY, tr("The geometry is not valid ({error}): repair it or redraw it.").format(
            error=errors[0].what()))]
    if boundary is not None and not boundary.contains(geometry):
        return [Problem(GEOMETRY, tr("The intervention lies outside the Comune di Prato, at least in part."),
                        blocking=False)]
    return []


def feature_problems(feature: QgsFeature, boundary: QgsGeometry | None = None,
                     extra_bodies: Iterable[str] = ()) -> list[Problem]:
    """Every problem of a feature: its geometry, then the schema's rules."""
    problems = geometry_problems(feature.geometry() if feature.hasGeometry() else None, boundary)
    return problems + schema.validate(record_of(feature), extra_bodies).problems


def repaired(geometry: QgsGeometry, kind: GeometryKind) -> QgsGeometry:
    """``makeValid`` keeping only parts of the layer's geometry type, as a multi geometry (None if nothing is left)."""
    fixed = geometry.makeValid()
    if fixed.isNull() or fixed.isEmpty():
        return None
    if QgsWkbTypes.geometryType(fixed.wkbType()) != _QGIS_GEOMETRY_TYPES[kind] or not fixed.isMultipart():
        fixed = fixed.convertToType(_QGIS_GEOMETRY_TYPES[kind], True)
    return None if fixed is None or fixed.isNull() or fixed.isEmpty() else fixed
