"""The planner's cycle-network story in the real QGIS desktop (plugin installed from the ZIP): open the demo project,
measure its cycle paths in the dock's Cycling section, find the best missing links on the map, draw one as a planned
link and see the before/after; the same figures from the Processing algorithm."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

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
comune = QgsProject.instance().mapLayersByName("Comune di Prato")[0]

panel = dock.show_section("cycling")
panel.paths_combo.setLayer(paths)
# the demo project has no district layer: the comune boundary is the area the planner has
panel.areas_combo.setLayer(comune)
panel.area_name_combo.setField("name")
panel.measure_button.click()
wait_until(lambda: panel.last_result is not None)

def rows():
    table = panel.table
    return [[table.item(r, c).text() if table.item(r, c) else "" for c in range(table.columnCount())]
            for r in range(table.rowCount())]

report["measure_rows"] = rows()
report["measure_explanation"] = panel.explanation.text() if not panel.explanation.isHidden() else ""
report["total_km"] = panel.last_result["TOTAL_KM"]
report["components"] = panel.last_result["COMPONENTS"]

panel.links_button.click()
wait_until(lambda: panel.last_result is not None and "LINKS" in panel.last_result)
report["links"] = panel.last_result["LINKS"]
report["links_rows"] = rows()
report["links_explanation"] = panel.explanation.text() if not panel.explanation.isHidden() else ""
report["links_tooltip"] = panel.table.item(2, 2).toolTip()
links = panel.links_layer
best = min(links.getFeatures(), key=lambda f: f["rank"])
report["best_link"] = {name: best[name] for name in ("path_a", "path_b", "component_a_km", "component_b_km",
                                                     "reason", "length_m")}
report["map_tip"] = links.mapTipTemplate()
panel.zoom_to_link(2, 0)
canvas = iface.mapCanvas()
wait_until(lambda: not canvas.isDrawing())
report["canvas_scale"] = canvas.scale()
wait(500)
window.grab().save(str(Path(WORKDIR) / "cycling_missing_links.png"))

drawing = panel.new_drawing_layer()
feature = QgsFeature(drawing.fields())
feature.setGeometry(QgsGeometry(best.geometry()))
drawing.addFeature(feature)
panel.compare_button.click()
wait_until(lambda: panel.last_result is not None and "COMPONENTS_AFTER" in panel.last_result)
report["before_after"] = [panel.last_result["COMPONENTS_BEFORE"], panel.last_result["COMPONENTS_AFTER"]]
report["before_after_rows"] = rows()
wait_until(lambda: not canvas.isDrawing())
wait(500)
window.grab().save(str(Path(WORKDIR) / "cycling_before_after.png"))
table = panel.table
report["change_column_visible"] = (table.columnViewportPosition(3) + table.columnWidth(3)
                                   <= table.viewport().width())
report["layers"] = sorted(layer.name() for layer in QgsProject.instance().mapLayers().values())

result = processing.run("pratosmartcity:cycle_network_measures", {"INPUT": paths, "OUTPUT": "memory:"})
report["processing_total_km"] = result["TOTAL_KM"]
report["screenshots"] = [str(Path(WORKDIR) / name) for name in ("cycling_missing_links.png",
                                                                   "cycling_before_after.png")]
# the results are scratch layers: QGIS would ask about them on quit, as it asks the planner
QgsProject.instance().clear()
'''


def test_planner_measures_finds_links_and_compares_in_the_desktop(desktop):
    result = desktop.run(PLANNER)
    result.assert_clean()
    report = result.report
    desktop.artifacts.mkdir(parents=True, exist_ok=True)
    for screenshot in report["screenshots"]:
        shutil.copy(screenshot, desktop.artifacts / Path(screenshot).name)
    assert abs(report["total_km"] - 48.45) < 0.01
    assert report["measure_rows"][2][:3] == ["Total length", "48.45", "km"]
    rows = {row[0]: row for row in report["measure_rows"]}
    # kilometres by kind, and by area: the comune holds all but the few metres its generalised boundary leaves out
    assert float(rows["Separate cycle track"][1]) > 30 and float(rows["Shared with pedestrians"][1]) > 10
    assert 48.0 < float(rows["Prato"][1]) < 48.45
    assert float(rows["Prato"][1]) + float(rows["Outside every area"][1]) == pytest.approx(48.45, abs=0.011)
    assert report["measure_explanation"].startswith("Lengths in km in a projected CRS")
    # the best missing links: on the map, each saying which paths it joins and why
    assert report["links"] > 0 and report["links_rows"][2][0] == "1"
    assert report["links_rows"][1][:4] == ["Rank", "New path (m)", "Joins", "To"]
    best = report["best_link"]
    assert report["links_rows"][2][2:4] == [f'{best["path_a"]} ({best["component_a_km"]:.2f} km)',
                                            f'{best["path_b"]} ({best["component_b_km"]:.2f} km)']
    assert report["links_tooltip"] == best["reason"] and " m of new path would join " in best["reason"]
    assert "reason" in report["map_tip"]
    assert "Ranked by km joined per metre of new path" in report["links_explanation"]
    assert report["canvas_scale"] < 20000  # zoomed to the best link
    # the before/after of the drawn link, its figures in view in the dock
    before, after = report["before_after"]
    assert after == before - 1
    changes = {row[0]: row for row in report["before_after_rows"]}
    assert changes["Connected components"][1:4] == [str(before), str(after), "-1"]
    # the drawn link is a few metres long: the change in length reads to the metre, not as +0.00 km
    assert changes["Total length"][3] == f'+{best["length_m"] / 1000:.3f}' != "+0.000"
    assert report["change_column_visible"]
    for name in ("Cycle network components", "Dangling ends", "Missing links", "Planned cycle links",
                 "Cycle network after"):
        assert name in report["layers"]
    assert abs(report["processing_total_km"] - report["total_km"]) < 1e-9
