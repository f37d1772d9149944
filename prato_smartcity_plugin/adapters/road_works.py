"""Road works between QGIS and the clash check: read them from intervention layers (the store's, or any layer with the
schema's fields, such as the interventions received from the municipal API), and turn clashes back into QGIS fields
and features. Used by the Processing algorithm, the save-time clash watch and the dock."""

from __future__ import annotations

import datetime as dt
from typing import Any, Iterable

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsExpression,
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QVariant
from shapely import wkb
from shapely.geometry import GeometryCollection

from prato_smartcity_plugin.adapters import settings
from prato_smartcity_plugin.adapters.paths import resource
from prato_smartcity_plugin.core.i18n import translate
from prato_smartcity_plugin.core.interventions import clashes as core
from prato_smartcity_plugin.core.interventions.schema import FIELDS_BY_NAME, STORE_CRS, FieldType
from prato_smartcity_plugin.core.log import get_logger

log = get_logger("clashes")

#: Custom layer property saying where a layer's interventions come from ("api": received from the municipal API).
SOURCE_PROPERTY = "pratosmartcity/source"
#: Custom property of the layers the plugin makes of clashes (so that showing them again replaces the old one).
CLASHES_LAYER_PROPERTY = "pratosmartcity/road_works_clashes"
#: The fields an intervention layer must have for the clash check to read it.
REQUIRED_FIELDS = ("category", *core.PARTY_FIELDS)
ROAD_WORKS_FILTER = "\"category\" = 'road_works'"
CLASH_WKB_TYPE = QgsWkbTypes.MultiPolygon


def style_path() -> str:
    return str(resource("styles", "road_works_clashes.qml"))


# --- reading -------------------------------------------------------------------------------------------------


def is_interventions_layer(layer) -> bool:
    """A vector layer with the schema's fields the clash check needs (the store's layers, an API layer...)."""
    if not isinstance(layer, QgsVectorLayer) or not layer.isSpatial():
        return False
    names = set(layer.fields().names())
    return all(name in names for name in REQUIRED_FIELDS)


def project_interventions_layers(project: QgsProject | None = None) -> list[QgsVectorLayer]:
    project = project or QgsProject.instance()
    return [layer for layer in project.mapLayers().values() if is_interventions_layer(layer)
            and not layer.customProperty(CLASHES_LAYER_PROPERTY)]


def layer_source(layer) -> str:
    """``api`` for a layer marked as received from the municipal API, else ``local``."""
    value = layer.customProperty(SOURCE_PROPERTY) if isinstance(layer, QgsVectorLayer) else None
    return core.SOURCE_API if value == core.SOURCE_API else core.SOURCE_LOCAL


def _python_value(value: Any) -> Any:
    if value is None or (isinstance(value, QVariant) and value.isNull()):
        return None
    if isinstance(value, QDate):
        return value.toPyDate() if value.isValid() else None
    if isinstance(value, QDateTime):
        return value.toPyDateTime() if value.isValid() else None
    return value


def _shapely(geometry: QgsGeometry):
    geometry = QgsGeometry(geometry)
    if QgsWkbTypes.hasZ(geometry.wkbType()) or QgsWkbTypes.hasM(geometry.wkbType()):
        geometry.get().dropZValue()
        geometry.get().dropMValue()
    return wkb.loads(bytes(geometry.asWkb()))


def road_work(feature: QgsFeature, source: str, layer_id: str = "",
              transform: QgsCoordinateTransform | None = None) -> core.RoadWork:
    """One feature as a road work (geometry in the store's CRS). Raises ``ValueError`` on a date that is not a date."""
    record = {name: _python_value(feature[name]) for name in core.PARTY_FIELDS}
    geometry = QgsGeometry(feature.geometry())
    if transform is not None and not geometry.isNull():
        geometry.transform(transform)
    shape = _shapely(geometry) if not geometry.isNull() and not geometry.isEmpty() else None
    return core.RoadWork.from_record(record, shape if shape is not None else GeometryCollection(), source=source,
                                     ref=(layer_id, feature.id()))


def read_road_works(source_object, source: str | None = None, feedback=None, layer_id: str = "",
                    uuids: Iterable[str] | None = None, near: QgsRectangle | None = None,
                    crs: QgsCoordinateReferenceSystem | None = None
                    ) -> tuple[list[core.RoadWork], list[tuple[core.RoadWork, str]]]:
    """The road works of a layer or feature source, in the store's CRS, and those that could not be read (with the
    reason; logged too). ``source`` defaults to the layer's own (:func:`layer_source`); ``uuids`` keeps only those
    works, ``near`` (a rectangle in the store's CRS) only the works whose bounding box meets it. A source without a
    CRS of its own (a ``QgsVectorLayerFeatureSource``, safe to read in a task) gives it as ``crs``."""
    source = source or layer_source(source_object)
    layer_id = layer_id or (source_object.id() if isinstance(source_object, QgsVectorLayer) else "")
    target = QgsCoordinateReferenceSystem(STORE_CRS)
    crs = crs if crs is not None else source_object.sourceCrs()
    transform = None
    if crs.isValid() and crs != target:
        transform = QgsCoordinateTransform(crs, target, QgsProject.instance().transformContext())
    expression = ROAD_WORKS_FILTER
    if uuids is not None:
        quoted = ",".join(QgsExpression.quotedValue(uuid) for uuid in uuids) or "NULL"
        expression += f" AND \"uuid\" IN ({quoted})"
    request = QgsFeatureRequest(QgsExpression(expression))
    if near is not None:
        request.setFilterRect(transform.transformBoundingBox(near, QgsCoordinateTransform.ReverseTransform)
                              if transform is not None else near)
    works, unreadable = [], []
    for feature in source_object.getFeatures(request):
        if feedback is not None and feedback.isCanceled():
            break
        try:
            works.append(road_work(feature, source, layer_id, transform))
        except (ValueError, TypeError) as error:
            title = _python_value(feature["title"]) or ""
            bad = core.RoadWork(uuid=str(_python_value(feature["uuid"]) or ""), geometry=GeometryCollection(),
                                title=str(title), source=source, ref=(layer_id, feature.id()))
            reason = translate("PratoSmartCity", "its dates cannot be read ({error})").format(error=error)
            unreadable.append((bad, reason))
            log.warning("Road work %s (%s) not checked for clashes: %s", bad.uuid, bad.title, error)
    return works, unreadable


def clash_options() -> core.ClashOptions:
    """The clash check's options as the user set them (dock and save-time warning share them)."""
    return core.ClashOptions(distance=settings.get("clash_distance_m"),
                             include_same_body=settings.get("clash_same_body"),
                             include_closed=settings.get("clash_include_closed"),
                             open_ended=settings.get("clash_open_ended"))


# --- writing -------------------------------------------------------------------------------------------------

QVARIANT_TYPES = {FieldType.TEXT: QVariant.String, FieldType.INTEGER: QVariant.Int, FieldType.REAL: QVariant.Double,
             FieldType.DATE: QVariant.Date, FieldType.DATETIME: QVariant.DateTime}
_CLASH_TYPES = {"kind": QVariant.String, "distance_m": QVariant.Double, "overlap_start": QVariant.Date,
                "overlap_end": QVariant.Date, "overlap_days": QVariant.Int}


def clash_fields() -> QgsFields:
    """The columns of the clash layer and table: :data:`core.CLASH_COLUMNS`, then ``a_`` / ``b_`` + the schema's
    field names with the schema's types, and each party's ``source``."""
    fields = QgsFields()
    for name in core.CLASH_COLUMNS:
        fields.append(QgsField(name, _CLASH_TYPES[name]))
    for column in core.party_columns():
        name = column[2:]
        kind = QVARIANT_TYPES[FIELDS_BY_NAME[name].type] if name in FIELDS_BY_NAME else QVariant.String
        fields.append(QgsField(column, kind))
    return fields


def _qt_value(value: Any) -> Any:
    if isinstance(value, dt.date):
        return QDate(value.year, value.month, value.day)
    return value


def clash_feature(clash: core.Clash, fields: QgsFields, with_geometry: bool = True) -> QgsFeature:
    feature = QgsFeature(fields)
    row = core.clash_row(clash)
    feature.setAttributes([_qt_value(row.get(name)) for name in fields.names()])
    if with_geometry:
        geometry = QgsGeometry.fromWkt(core.clash_area(clash).wkt)
        geometry.convertToMultiType()
        feature.setGeometry(geometry)
    return feature


def clash_layer(clashes: Iterable[core.Clash], name: str | None = None) -> QgsVectorLayer:
    """A styled memory layer of ``clashes`` (in the store's CRS)."""
    name = name or translate("PratoSmartCity", "Road works clashes")
    layer = QgsVectorLayer(f"MultiPolygon?crs={STORE_CRS}", name, "memory")
    fields = clash_fields()
    layer.dataProvider().addAttributes(fields.toList())
    layer.updateFields()
    layer.dataProvider().addFeatures([clash_feature(c, layer.fields()) for c in clashes])
    layer.updateExtents()
    apply_style(layer)
    layer.setCustomProperty(CLASHES_LAYER_PROPERTY, True)
    layer.setCustomProperty("skipMemoryLayersCheck", 1)  # computed again at will: QGIS need not ask about it on exit
    return layer


def apply_style(layer: QgsVectorLayer) -> None:
    message, ok = layer.loadNamedStyle(style_path())
    if not ok:
        log.warning("Could not load the clash style %s: %s", style_path(), message)
