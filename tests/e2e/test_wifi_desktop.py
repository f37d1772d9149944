"""The Wi-Fi section in the real QGIS desktop: a planner opens the demo project and plans the 14 new access points."""

from __future__ import annotations

PLAN_ON_THE_DEMO = """
from qgis.core import QgsProject
from qgis.PyQt.QtWidgets import QAction, QDockWidget, QPushButton, QTextBrowser

window = iface.mainWindow()
window.findChild(QAction, "pratoSmartCityShowDock").trigger()
dock = window.findChild(QDockWidget, "PratoSmartCityDock")
button = dock.findChild(QPushButton, "openDemoProject")
wait_until(lambda: button.isVisible())
button.click()
wait_until(lambda: QgsProject.instance().fileName().endswith("prato_demo.qgz"))
panel = dock.show_section("wifi")
report["access_points"] = panel.access_points.currentLayer().name()
report["comune"] = panel.comune.currentLayer().name()
report["sites_default"] = panel.n_sites.value()
panel.plan_button.click()
wait_until(lambda: panel.last_results is not None, timeout_ms=120000)
sites = [layer for layer in QgsProject.instance().mapLayers().values() if layer.name() == "New Wi-Fi sites"]
report["sites"] = sites[0].featureCount() if sites else None
report["ranks"] = sorted(f["rank"] for f in sites[0].getFeatures()) if sites else []
report["why"] = [f["why"] for f in sites[0].getFeatures()][:1] if sites else []
report["summary"] = panel.summary.toPlainText()
report["share_before"] = panel.last_results["SHARE_BEFORE"]
report["share_after"] = panel.last_results["SHARE_AFTER"]
canvas = iface.mapCanvas()
wait_until(lambda: not canvas.isDrawing())
wait(1000)
# The results are temporary layers, as Processing makes them: QGIS would ask about them when it quits.
from qgis.core import QgsSettings
QgsSettings().setValue("askToSaveMemoryLayers", False, QgsSettings.App)
"""


def test_plan_fourteen_new_access_points_on_the_demo_project(desktop):
    result = desktop.run(PLAN_ON_THE_DEMO, screenshot="wifi_plan_on_demo")
    result.assert_clean()
    report = result.report
    assert report["access_points"] == "Wi-Fi access points (derived)" and report["comune"] == "Comune di Prato"
    assert report["sites_default"] == 14
    assert report["sites"] == 14 and report["ranks"] == list(range(1, 15))
    assert report["share_after"] > report["share_before"]
    assert "Rank" in report["why"][0] and "Nearest existing access point" in report["why"][0]
    assert "Coverage of the demand" in report["summary"] and "Nearest access point" in report["summary"]
