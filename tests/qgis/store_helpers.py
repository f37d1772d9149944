"""Helpers for the interventions store tests: a store in a temporary folder, and features made the way QGIS makes
them (QgsVectorLayerUtils.createFeature applies the form's default values)."""

from __future__ import annotations

from contextlib import contextmanager

from qgis.core import QgsGeometry, QgsVectorLayerUtils

from prato_smartcity_plugin.adapters.store import layers as store_layers
from prato_smartcity_plugin.core.interventions.schema import GeometryKind

# Inside the Comune di Prato, EPSG:6707 (piazza del Duomo and around).
WKT = {
    GeometryKind.POINT: "MultiPoint ((668900 4859900))",
    GeometryKind.LINE: "MultiLineString ((668800 4859800, 669000 4860000))",
    GeometryKind.POLYGON: "MultiPolygon (((668800 4859800, 669000 4859800, 669000 4860000, 668800 4859800)))",
}
OUTSIDE = "MultiPoint ((690000 4840000))"  # near Florence
BOWTIE = "MultiPolygon (((668800 4859800, 669000 4860000, 669000 4859800, 668800 4860000, 668800 4859800)))"


def new_feature(layer, kind: GeometryKind, wkt: str | None = None, **values):
    fields = layer.fields()
    attributes = {fields.indexOf(name): value for name, value in values.items()}
    return QgsVectorLayerUtils.createFeature(layer, QgsGeometry.fromWkt(wkt or WKT[kind]), attributes)


def add(layer, kind: GeometryKind, wkt: str | None = None, commit: bool = True, **values):
    """Add one intervention through the layer's edit buffer; returns the feature as added."""
    values.setdefault("title", "Intervention")
    if not layer.isEditable():
        assert layer.startEditing()
    feature = new_feature(layer, kind, wkt, **values)
    assert layer.addFeature(feature)
    if commit:
        assert layer.commitChanges(), layer.commitErrors()
    return feature


@contextmanager
def opened_store():
    """The store's layers (at the options' ``store_path``); pending edits are dropped afterwards."""
    try:
        yield store_layers.open_layers()
    finally:
        for layer in store_layers.project_layers().values():
            if layer.isEditable():
                layer.rollBack()
