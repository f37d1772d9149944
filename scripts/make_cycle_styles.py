"""Writes the cycle network's .qml styles into resources/styles (run once with QGIS's Python when a style changes):
/usr/bin/python3 scripts/make_cycle_styles.py"""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsRendererCategory,
    QgsSingleSymbolRenderer,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor  # noqa: E402

from prato_smartcity_plugin.core.cycling import schema  # noqa: E402

app = QgsApplication([], False)
app.initQgis()
OUT = REPO / "resources" / "styles"
OUT.mkdir(parents=True, exist_ok=True)

KIND_STYLE = {
    schema.TRACK: ("#1a9641", 1.2, "solid"),
    schema.LANE: ("#2b83ba", 1.0, "dash"),
    schema.SHARED_PEDESTRIAN: ("#a6611a", 1.0, "solid"),
    schema.SHARED_TRAFFIC: ("#d7191c", 0.8, "dot"),
    schema.OTHER: ("#7b7b7b", 0.6, "solid"),
    schema.PLANNED: ("#e7298a", 1.4, "dash"),
}


def line_layer(fields="kind:string"):
    return QgsVectorLayer(f"LineString?crs=EPSG:6707&field={fields}", "s", "memory")


def save(layer, name):
    path = OUT / f"{name}.qml"
    message, ok = layer.saveNamedStyle(str(path))
    assert ok, message
    print("wrote", path)


def labels(layer, expression, color="#000000"):
    settings = QgsPalLayerSettings()
    settings.fieldName = expression
    settings.isExpression = True
    settings.placement = QgsPalLayerSettings.Horizontal  # the default (around point) draws nothing on a line
    text = QgsTextFormat()
    text.setColor(QColor(color))
    text.setSize(9)
    buffer = text.buffer()
    buffer.setEnabled(True)
    buffer.setSize(1)
    text.setBuffer(buffer)
    settings.setFormat(text)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


# cycle paths (and every network output): categorised by kind
for name in ("cycle_network",):
    layer = line_layer()
    categories = []
    for kind in schema.KINDS:
        color, width, style = KIND_STYLE[kind.code]
        symbol = QgsLineSymbol.createSimple({"line_color": color, "line_width": str(width), "line_style": style,
                                             "capstyle": "round"})
        categories.append(QgsRendererCategory(kind.code, symbol, kind.label))
    layer.setRenderer(QgsCategorizedSymbolRenderer("kind", categories))
    save(layer, name)

# missing links: dashed magenta with the rank
layer = line_layer("rank:integer")
layer.setRenderer(QgsSingleSymbolRenderer(QgsLineSymbol.createSimple(
    {"line_color": "#c51b7d", "line_width": "1.6", "line_style": "dash", "capstyle": "round"})))
labels(layer, '"rank"', "#c51b7d")
save(layer, "cycle_missing_links")

# dangling ends
layer = QgsVectorLayer("Point?crs=EPSG:6707", "s", "memory")
layer.setRenderer(QgsSingleSymbolRenderer(QgsMarkerSymbol.createSimple(
    {"name": "circle", "color": "#ffffff", "outline_color": "#d7191c", "outline_width": "0.5", "size": "2"})))
save(layer, "cycle_dangling_ends")

# catchment points: within / beyond the distance
layer = QgsVectorLayer("Point?crs=EPSG:6707&field=within:boolean", "s", "memory")
layer.setRenderer(QgsCategorizedSymbolRenderer("within", [
    QgsRendererCategory(True, QgsMarkerSymbol.createSimple({"name": "circle", "color": "#1a9641", "size": "2.6"}),
                        "Within the distance"),
    QgsRendererCategory(False, QgsMarkerSymbol.createSimple({"name": "circle", "color": "#d7191c", "size": "2.6"}),
                        "Beyond the distance"),
]))
save(layer, "cycle_catchment_points")

# catchment area
layer = QgsVectorLayer("Polygon?crs=EPSG:6707", "s", "memory")
layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
    {"color": "26,150,65,60", "outline_color": "#1a9641", "outline_width": "0.4"})))
save(layer, "cycle_catchment_area")
app.exitQgis()
