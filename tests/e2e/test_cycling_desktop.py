"""The planner's cycle-network story in the real QGIS desktop (plugin installed from the ZIP): open the demo project,
measure its cycle paths in the dock's Cycling section, find the best missing links on the map, draw one as a planned
link and see the before/after; the same figures from the Processing algorithm."""

from __future__ import annotations

import shutil

PLANNER = r'''
from pathlib import Path
from qgis.core import QgsFeature, QgsGeometry, QgsProject, QgsWkbTypes
from qgis.PyQt.QtWidgets import QAction, QDockWidget, QPushButton
import processing

window = iface.mainWindow()
window.findChild(QAction, "pratoSmartCityShowDock").trigger()
dock = window.findChild(QDockWidget, "PratoSmartCityDock")
button = dock.findChild(QPushButton, "openDemoProject")
wait_until(lambda: button.isVisible())
button.click()
wait_until(lambda: QgsProject.instance().fileName().endswith("prato_demo.qgz"))
paths = QgsProject.instance().mapLayersByName("Cycle paths (OpenStreetMap)")[0]

panel = dock.show_section("cycling")
panel.paths_combo.setLayer(paths)
panel.measure_button.click()
wait_until(lambda: panel.last_result is not None)

def rows():
    table = panel.table
    return [[table.item(r, c).text() if table.item(r, c) else "" for c in range(table.columnCount())]
            for r in range(table.rowCount())]

report["measure_rows"] = rows()
report["total_km"] = panel.last_result["TOTAL_KM"]
report["components"] = panel.last_result["COMPONENTS"]

panel.links_button.click()
wait_until(lambda: panel.last_result is not None and "LINKS" in panel.last_result)
report["links"] = panel.last_result["LINKS"]
report["links_rows"] = rows()
links = panel.links_layer
best = min(links.getFeatures(), key=lambda f: f["rank"])
panel.zoom_to_link(2, 0)
canvas = iface.mapCanvas()
wait_until(lambda: not canvas.isDrawing())
report["canvas_scale"] = canvas.scale()

drawing = panel.new_drawing_layer()
feature = QgsFeature(drawing.fields())
feature.setGeometry(QgsGeometry(best.geometry()))
drawing.addFeature(feature)
panel.compare_button.click()
wait_until(lambda: panel.last_result is not None and "COMPONENTS_AFTER" in panel.last_result)
report["before_after"] = [panel.last_result["COMPONENTS_BEFORE"], panel.last_result["COMPONENTS_AFTER"]]
report["before_after_rows"] = rows()
report["layers"] = sorted(layer.name() for layer in QgsProject.instance().mapLayers().values())

result = processing.run("pratosmartcity:cycle_network_measures", {"INPUT": paths, "OUTPUT": "memory:"})
report["processing_total_km"] = result["TOTAL_KM"]
wait_until(lambda: not canvas.isDrawing())
wait(1000)
screenshot = Path(WORKDIR) / "cycling_missing_links.png"
window.grab().save(str(screenshot))
report["screenshot"] = str(screenshot)
# the results are scratch layers: QGIS would ask about them on quit, as it asks the planner
QgsProject.instance().clear()
'''


def test_planner_measures_finds_links_and_compares_in_the_desktop(desktop):
    result = desktop.run(PLANNER)
    result.assert_clean()
    report = result.report
    desktop.artifacts.mkdir(parents=True, exist_ok=True)
    shutil.copy(report["screenshot"], desktop.artifacts / "cycling_missing_links.png")
    assert abs(report["total_km"] - 48.45) < 0.01
    assert report["measure_rows"][2][:3] == ["Total length", "48.45", "km"]
    kinds = {row[0]: row for row in report["measure_rows"]}
    assert float(kinds["Separate cycle track"][1]) > 30 and float(kinds["Shared with pedestrians"][1]) > 10
    assert report["links"] > 0 and report["links_rows"][2][0] == "1"
    assert report["canvas_scale"] < 20000  # zoomed to the best link
    before, after = report["before_after"]
    assert after == before - 1
    changes = {row[0]: row for row in report["before_after_rows"]}
    assert changes["Connected components"][3] == "-1"
    for name in ("Cycle network components", "Dangling ends", "Missing links", "Planned cycle links",
                 "Cycle network after"):
        assert name in report["layers"]
    assert abs(report["processing_total_km"] - report["total_km"]) < 1e-9
