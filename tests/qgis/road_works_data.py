"""Real GeoPackage intervention layers for the clash tests: the store contract's layer names, CRS and schema fields.

(The store engineer's adapter creates the real store; these tests need only layers with the same fields, written by
QGIS's own GeoPackage writer, so that the clash check reads what the store will hold.)"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate

from prato_smartcity_plugin.adapters.road_works import QVARIANT_TYPES
from prato_smartcity_plugin.core.interventions import schema

X0, Y0 = 668_000, 4_860_000  # central Prato, EPSG:6707

WKB = {"point": QgsWkbTypes.MultiPoint, "line": QgsWkbTypes.MultiLineString, "polygon": QgsWkbTypes.MultiPolygon}


def schema_fields() -> QgsFields:
    fields = QgsFields()
    for spec in schema.FIELDS:
        fields.append(QgsField(spec.name, QVARIANT_TYPES[spec.type]))
    return fields


def create_layers(path, kinds=("polygon", "line"), crs: str = schema.STORE_CRS, names=None) -> list[QgsVectorLayer]:
    """Write every table first, then open the layers (writing a new table into a GeoPackage that a layer already
    holds open leaves that layer with a stale connection)."""
    names = names or [f"interventions_{kind}" for kind in kinds]
    for kind, layer_name in zip(kinds, names):
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = layer_name
        if os.path.exists(path):
            options.actionOnExistingFile = QgsVectorFileWriter.CreateOrOverwriteLayer
        writer = QgsVectorFileWriter.create(str(path), schema_fields(), WKB[kind], QgsCoordinateReferenceSystem(crs),
                                            QgsCoordinateTransformContext(), options)
        assert writer.hasError() == QgsVectorFileWriter.NoError, writer.errorMessage()
        del writer
    layers = [QgsVectorLayer(f"{path}|layername={name}", name, "ogr") for name in names]
    assert all(layer.isValid() for layer in layers)
    return layers


def create_layer(path, kind: str, crs: str = schema.STORE_CRS, name: str | None = None) -> QgsVectorLayer:
    return create_layers(path, (kind,), crs, [name] if name else None)[0]


def road_works_layers(folder) -> tuple[QgsVectorLayer, QgsVectorLayer]:
    """A planner's own road works, areas and lines, each in a GeoPackage of its own. (Two plain layers of ONE
    GeoPackage would not do: QGIS opens a layer it does not edit without locks, and once another layer of the file is
    written the file is in WAL mode and the first layer can no longer count nor measure its features — "unable to
    open database file". The store keeps its own three layers readable; see adapters/store/layers.py.)"""
    return (create_layer(Path(folder) / "road_works_areas.gpkg", "polygon"),
            create_layer(Path(folder) / "road_works_lines.gpkg", "line"))


def feature(layer: QgsVectorLayer, wkt: str, start: str | None, end: str | None, body: str, title: str,
            street: str = "", status: str = "approved", category: str = "road_works", uuid: str | None = None
            ) -> QgsFeature:
    record = schema.new_record(title=title, category=category, plan_code="PR-V9", status=status,
                               responsible_body=body, street=street, start_date=start, end_date=end)
    if uuid:
        record["uuid"] = uuid
    f = QgsFeature(layer.fields())
    for name, value in record.items():
        if isinstance(value, str) and schema.FIELDS_BY_NAME[name].type == schema.FieldType.DATE:
            value = QDate.fromString(value, "yyyy-MM-dd")
        elif isinstance(value, dt.datetime):
            value = value.isoformat()
        f[name] = value
    geometry = QgsGeometry.fromWkt(wkt)
    geometry.convertToMultiType()
    f.setGeometry(geometry)
    return f


def add(layer: QgsVectorLayer, *features: QgsFeature) -> None:
    ok, _ = layer.dataProvider().addFeatures(list(features))
    assert ok, layer.dataProvider().lastError()
    layer.reload()


def square(x: float, y: float, size: float = 20.0) -> str:
    x, y = X0 + x, Y0 + y
    return f"POLYGON(({x} {y},{x + size} {y},{x + size} {y + size},{x} {y + size},{x} {y}))"


def line(*points: tuple[float, float]) -> str:
    return "LINESTRING(" + ",".join(f"{X0 + x} {Y0 + y}" for x, y in points) + ")"
