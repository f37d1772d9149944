#!/usr/bin/python3
"""Writes the Wi-Fi result styles ``resources/styles/wifi_*.qml`` (canonical access points, coverage, gaps, new sites,
area statistics). Legend labels are English here; the plugin translates category labels when it applies a style.

Run with Debian's Python and QGIS:  /usr/bin/python3 scripts/build_wifi_styles.py
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsClassificationQuantile,
    QgsFillSymbol,
    QgsGradientColorRamp,
    QgsGraduatedSymbolRenderer,
    QgsLinePatternFillSymbolLayer,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsRendererCategory,
    QgsRendererRange,
    QgsSingleSymbolRenderer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor  # noqa: E402

STYLES = Path(__file__).resolve().parent.parent / "resources" / "styles"


def layer(geometry: str, fields: str) -> QgsVectorLayer:
    return QgsVectorLayer(f"{geometry}?crs=EPSG:6707&{fields}", "style", "memory")


def marker(color: str, size: float, shape: str = "circle", outline: str = "#ffffff") -> QgsMarkerSymbol:
    return QgsMarkerSymbol.createSimple({"name": shape, "color": color, "size": str(size), "outline_color": outline,
                                         "outline_width": "0.4"})


def fill(color: str, outline: str, alpha: int = 110) -> QgsFillSymbol:
    c = QColor(color)
    c.setAlpha(alpha)
    return QgsFillSymbol.createSimple({"color": c.name(QColor.HexArgb), "outline_color": outline,
                                       "outline_width": "0.4"})


def labels(expression: str, size: float = 9) -> QgsVectorLayerSimpleLabeling:
    settings = QgsPalLayerSettings()
    settings.fieldName = expression
    settings.isExpression = True
    text = QgsTextFormat()
    text.setSize(size)
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(1)
    text.setBuffer(buffer)
    settings.setFormat(text)
    return QgsVectorLayerSimpleLabeling(settings)


def main() -> None:
    app = QgsApplication([], False)
    app.initQgis()
    STYLES.mkdir(parents=True, exist_ok=True)

    points = layer("Point", "field=status:string")
    points.setRenderer(QgsCategorizedSymbolRenderer("status", [
        QgsRendererCategory("installed", marker("#1f78b4", 3.6), "Installed"),
        QgsRendererCategory("planned", marker("#ff7f00", 3.6, "square"), "Planned"),
        QgsRendererCategory("candidate", marker("#9e9e9e", 3.2, "diamond"), "Candidate"),
    ]))
    points.saveNamedStyle(str(STYLES / "wifi_canonical_access_points.qml"))

    coverage = layer("MultiPolygon", "field=state:string")
    coverage.setRenderer(QgsCategorizedSymbolRenderer("state", [
        QgsRendererCategory("existing", fill("#1f78b4", "#1f78b4"), "Existing coverage"),
        QgsRendererCategory("added", fill("#33a02c", "#33a02c", 140), "Added by the new sites"),
        QgsRendererCategory("all", fill("#1f78b4", "#1f78b4"), "Coverage"),
    ]))
    coverage.saveNamedStyle(str(STYLES / "wifi_coverage.qml"))

    gaps = layer("MultiPolygon", "field=area_name:string")
    symbol = fill("#e31a1c", "#e31a1c", 40)
    hatch = QgsLinePatternFillSymbolLayer()
    hatch.setLineAngle(45)
    hatch.setDistance(2)
    hatch.setSubSymbol(QgsLineSymbol.createSimple({"color": "#e31a1c", "width": "0.3"}))
    symbol.appendSymbolLayer(hatch)
    gaps.setRenderer(QgsSingleSymbolRenderer(symbol))
    gaps.saveNamedStyle(str(STYLES / "wifi_gaps.qml"))

    sites = layer("Point", "field=rank:integer")
    sites.setRenderer(QgsSingleSymbolRenderer(marker("#ff7f00", 5.5, "star", "#5a2d00")))
    sites.setLabeling(labels('"rank"', 10))
    sites.setLabelsEnabled(True)
    sites.saveNamedStyle(str(STYLES / "wifi_new_sites.qml"))

    stats = layer("MultiPolygon", "field=covered_pct:double")
    ramp = QgsGradientColorRamp(QColor("#fee5d9"), QColor("#2171b5"))
    bounds = [(0, 20), (20, 40), (40, 60), (60, 80), (80, 100)]
    ranges = []
    for i, (low, high) in enumerate(bounds):
        ranges.append(QgsRendererRange(low, high, fill(ramp.color(i / 4).name(), "#555555", 170),
                                       f"{low} – {high} %"))
    renderer = QgsGraduatedSymbolRenderer("covered_pct", ranges)
    renderer.setClassificationMethod(QgsClassificationQuantile())
    stats.setRenderer(renderer)
    stats.setLabeling(labels("\"area_name\" || '\\n' || format_number(\"covered_pct\", 1) || ' %'"))
    stats.setLabelsEnabled(True)
    stats.saveNamedStyle(str(STYLES / "wifi_area_statistics.qml"))
    app.exitQgis()


if __name__ == "__main__":
    main()
