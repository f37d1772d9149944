"""The planner's open data story in the real QGIS desktop (plugin installed from its ZIP): find "ciclabili" in the
catalogue, add it to the map in two clicks, save; restart QGIS with the portal unreachable: the layer is still there,
and the catalogue still answers from its offline copy.

The portal is the CKAN replay server of tests/ckan_server.py on 127.0.0.1: CKAN itself cannot run here (it needs Solr
and PostgreSQL), so the server replays CKAN API v3's response structure with the real Prato files as resources.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests import ckan_server
from tests.e2e.harness import QgisDesktop

ckan_files, ckan_portal = ckan_server.ckan_files, ckan_server.ckan_portal  # the replay portal's fixtures

FIND_AND_ADD = r'''
import json
from pathlib import Path
from qgis.core import QgsProject, QgsSettings
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QAction, QDockWidget

QgsSettings().setValue("PratoSmartCity/ckan_portals",
                       json.dumps([{"name": "Comune di Prato", "url": "PORTAL_URL", "authcfg": ""}]))
window = iface.mainWindow()
window.findChild(QAction, "pratoSmartCityShowDock").trigger()
dock = window.findChild(QDockWidget, "PratoSmartCityDock")
panel = dock.show_section("catalogue")
wait(300)
QTest.keyClicks(panel.search_box, "ciclabili")
QTest.keyClick(panel.search_box, Qt.Key_Return)
wait_until(lambda: panel.results.count() > 0)
report["results"] = [panel.results.item(i).text() for i in range(panel.results.count())]
first = panel.results.item(0)
QTest.mouseClick(panel.results.viewport(), Qt.LeftButton, Qt.NoModifier,
                 panel.results.visualItemRect(first).center())  # click 1: the dataset
report["details"] = panel.details.toPlainText()
QTest.mouseClick(panel.add_button, Qt.LeftButton)  # click 2: "Add to map"
wait_until(lambda: len(QgsProject.instance().mapLayers()) == 1)
layer = next(iter(QgsProject.instance().mapLayers().values()))
report["layer"] = {"name": layer.name(), "features": layer.featureCount(), "crs": layer.crs().authid(),
                   "title": layer.metadata().title(), "licences": layer.metadata().licenses()}
canvas = iface.mapCanvas()
canvas.setExtent(layer.extent())
canvas.refresh()
wait_until(lambda: not canvas.isDrawing())
project = Path(WORKDIR).parent.parent / "planning.qgz"
QgsProject.instance().write(str(project))
report["project"] = str(project)
'''

OFFLINE_AFTER_RESTART = r'''
from qgis.core import QgsProject
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QAction, QDockWidget

layers = list(QgsProject.instance().mapLayers().values())
report["layers"] = [{"name": l.name(), "valid": l.isValid(), "features": l.featureCount(),
                     "resource": l.metadata().identifier()} for l in layers]
canvas = iface.mapCanvas()
wait_until(lambda: not canvas.isDrawing())
window = iface.mainWindow()
window.findChild(QAction, "pratoSmartCityShowDock").trigger()
panel = window.findChild(QDockWidget, "PratoSmartCityDock").show_section("catalogue")
QTest.keyClicks(panel.search_box, "ciclabili")
QTest.keyClick(panel.search_box, Qt.Key_Return)
wait_until(lambda: panel.results.count() > 0)
report["status"] = panel.status.text()
report["results"] = [panel.results.item(i).text() for i in range(panel.results.count())]
report["cached"] = panel.cache_list.topLevelItemCount()
'''


def test_ciclabili_in_two_clicks_and_still_there_offline_after_restart(desktop: QgisDesktop, ckan_portal):
    added = desktop.run(FIND_AND_ADD.replace("PORTAL_URL", ckan_portal.base_url), screenshot="ciclabili_added")
    added.assert_clean()
    report = added.report
    assert report["results"][0].startswith("Piste ciclabili")
    assert "Open Data Commons Open Database License" in report["details"]
    assert report["layer"]["features"] == 224 and report["layer"]["crs"] == "EPSG:4326"
    assert report["layer"]["title"].startswith("Piste ciclabili")

    ckan_portal.stop()  # the network is off from here on
    again = desktop.run(OFFLINE_AFTER_RESTART, project=Path(report["project"]), screenshot="ciclabili_offline")
    again.assert_clean()
    assert again.report["layers"] == [{"name": report["layer"]["name"], "valid": True, "features": 224,
                                       "resource": "res-ciclabili-geojson"}], json.dumps(again.report)
    assert "offline catalogue" in again.report["status"]
    assert again.report["results"][0].startswith("Piste ciclabili") and again.report["cached"] == 1
