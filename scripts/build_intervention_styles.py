"""Writes resources/styles/interventions_{point,line,polygon}.qml: the store's layers, categorised by category.

Run with /usr/bin/python3 scripts/build_intervention_styles.py after changing the colours or the category codes.
"""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsMapLayer,
    QgsRendererCategory,
    QgsSymbol,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtGui import QColor  # noqa: E402

from prato_smartcity_plugin.core.interventions import schema  # noqa: E402

COLOURS = {
    "square": "#e6550d", "cycle_link": "#1b9e77", "wifi_site": "#3182bd", "road_works": "#d7191c",
    "forestation": "#006d2c", "mobility": "#7570b3", "other": "#737373",
}
GEOMETRY = {"point": ("MultiPoint", QgsWkbTypes.PointGeometry), "line": ("MultiLineString", QgsWkbTypes.LineGeometry),
            "polygon": ("MultiPolygon", QgsWkbTypes.PolygonGeometry)}


def symbol(geometry_type, colour: str):
    result = QgsSymbol.defaultSymbol(geometry_type)
    result.setColor(QColor(colour))
    layer = result.symbolLayer(0)
    if geometry_type == QgsWkbTypes.PointGeometry:
        result.setSize(3.2)
        layer.setStrokeColor(QColor("#ffffff"))
    elif geometry_type == QgsWkbTypes.LineGeometry:
        result.setWidth(1.2)
    else:
        fill = QColor(colour)
        fill.setAlpha(90)
        layer.setFillColor(fill)
        layer.setStrokeColor(QColor(colour))
        layer.setStrokeWidth(0.6)
    return result


def main() -> None:
    app = QgsApplication([], False)
    app.initQgis()
    for name, (wkb, geometry_type) in GEOMETRY.items():
        layer = QgsVectorLayer(f"{wkb}?crs={schema.STORE_CRS}&field=category:string", name, "memory")
        categories = [QgsRendererCategory(code.value, symbol(geometry_type, COLOURS[code.value]), code.label)
                      for code in schema.CATEGORIES]
        categories.append(QgsRendererCategory(None, symbol(geometry_type, "#bdbdbd"), "(no category)"))
        layer.setRenderer(QgsCategorizedSymbolRenderer("category", categories))
        target = REPO / "resources" / "styles" / f"interventions_{name}.qml"
        message, ok = layer.saveNamedStyle(str(target), QgsMapLayer.Symbology)
        print(target, ok, message)
    app.exitQgis()


if __name__ == "__main__":
    main()
