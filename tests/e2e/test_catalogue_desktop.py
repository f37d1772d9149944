"""The planner's open data story in the real QGIS desktop (plugin installed from its ZIP into a fresh profile): point
the Comune di Prato's portal at the test portal in Settings ▸ Options ▸ Prato Smart City, find "ciclabili" in the
catalogue, add it to the map in two clicks, save; restart QGIS with the portal stopped: the layer is still there,
read from the offline cache, and the catalogue still answers from its offline copy.

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
from pathlib import Path
from qgis.core import QgsProject
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QAction, QApplication, QDialogButtonBox, QDockWidget, QTableWidget

window = iface.mainWindow()


def set_portal_address():
    """Settings ▸ Options ▸ Prato Smart City: the Comune di Prato's row gets the test portal's address."""
    dialog = QApplication.activeModalWidget()
    table = dialog.findChild(QTableWidget, "ckanPortalsTable")
    report["portals_before"] = [table.item(row, 0).text() for row in range(table.rowCount())]
    table.item(0, 1).setText("PORTAL_URL")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok).click()


QTimer.singleShot(2000, set_portal_address)
iface.showOptionsDialog(window, currentPage="PratoSmartCityOptions")
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
                   "title": layer.metadata().title(), "licences": layer.metadata().licenses(),
                   "source": layer.source()}
canvas = iface.mapCanvas()
canvas.setExtent(layer.extent())
canvas.refresh()
wait_until(lambda: not canvas.isDrawing())
project = Path(WORKDIR).parent.parent / "planning.qgz"
QgsProject.instance().write(str(project))
report["project"] = str(project)
'''

OFFLINE_AFTER_RESTART = r'''
from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QAction, QDockWidget

layers = list(QgsProject.instance().mapLayers().values())
report["layers"] = [{"name": l.name(), "valid": l.isValid(), "features": l.featureCount(),
                     "resource": l.metadata().identifier()} for l in layers]
report["sources"] = [l.source() for l in layers]
report["profile"] = QgsApplication.qgisSettingsDirPath()
canvas = iface.mapCanvas()
canvas.setExtent(layers[0].extent())
canvas.refresh()
wait_until(lambda: not canvas.isDrawing())
image = canvas.grab().toImage()  # the cycle paths are drawn: the map is not blank
report["drawn_pixels"] = sum(1 for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
                             if image.pixelColor(x, y).name() != "#ffffff")
window = iface.mainWindow()
window.findChild(QAction, "pratoSmartCityShowDock").trigger()
panel = window.findChild(QDockWidget, "PratoSmartCityDock").show_section("catalogue")
QTest.keyClicks(panel.search_box, "ciclabili")
QTest.keyClick(panel.search_box, Qt.Key_Return)
wait_until(lambda: panel.results.count() > 0)
report["status"] = panel.status.text()
report["results"] = [panel.results.item(i).text() for i in range(panel.results.count())]
report["cached"] = panel.cache_list.topLevelItemCount()
first = panel.results.item(0)
QTest.mouseClick(panel.results.viewport(), Qt.LeftButton, Qt.NoModifier,
                 panel.results.visualItemRect(first).center())
report["details"] = panel.details.toPlainText()
report["offline_marks"] = {panel.resources.topLevelItem(i).text(0): panel.resources.topLevelItem(i).text(3)
                           for i in range(panel.resources.topLevelItemCount())}
'''


def test_ciclabili_in_two_clicks_and_still_there_offline_after_restart(desktop: QgisDesktop, ckan_portal):
    added = desktop.run(FIND_AND_ADD.replace("PORTAL_URL", ckan_portal.base_url), screenshot="ciclabili_added")
    added.assert_clean()
    report = added.report
    assert report["portals_before"] == ["Comune di Prato", "Regione Toscana"]  # a new user's defaults
    assert report["results"][0].startswith("Piste ciclabili")
    assert "Open Data Commons Open Database License" in report["details"]
    assert report["layer"]["features"] == 224 and report["layer"]["crs"] == "EPSG:4326"
    assert report["layer"]["title"].startswith("Piste ciclabili")

    ckan_portal.stop()  # the network is off from here on
    again = desktop.run(OFFLINE_AFTER_RESTART, project=Path(report["project"]), screenshot="ciclabili_offline")
    again.assert_clean()
    assert again.report["layers"] == [{"name": report["layer"]["name"], "valid": True, "features": 224,
                                       "resource": "res-ciclabili-geojson"}], json.dumps(again.report)
    cache = Path(again.report["profile"]) / "prato_smartcity" / "opendata_cache" / "resources"
    assert again.report["sources"] == [report["layer"]["source"]] and report["layer"]["source"].startswith(str(cache))
    assert again.report["drawn_pixels"] > 500
    assert "offline catalogue" in again.report["status"]
    assert again.report["results"][0].startswith("Piste ciclabili") and again.report["cached"] == 1
    assert "Open Data Commons Open Database License" in again.report["details"]
    assert again.report["offline_marks"]["Piste ciclabili (GeoJSON)"] == "✓"
    assert list(again.report["offline_marks"].values()).count("✓") == 1


BROWSER_DRAG = r'''
import json
from qgis.core import QgsProject, QgsSettings
from qgis.PyQt.QtCore import QPoint, QPointF, Qt
from qgis.PyQt.QtGui import QDragEnterEvent, QDropEvent
from qgis.PyQt.QtWidgets import QApplication, QTreeView

QgsSettings().setValue("PratoSmartCity/ckan_portals",
                       json.dumps([{"name": "Comune di Prato", "url": "PORTAL_URL", "authcfg": ""}]))
model = iface.browserModel()


def child(parent, name):
    """The child of ``parent`` whose label starts with ``name``, once the Browser has populated it."""
    def find():
        model.fetchMore(parent)
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            if str(model.data(index, Qt.DisplayRole)).startswith(name):
                return index
        return None
    wait_until(lambda: find() is not None)
    return find()


path = ["Prato Open Data", "Comune di Prato", "Groups", "Trasporti", "Piste ciclabili",
        "Piste ciclabili (Shapefile Gauss-Boaga)"]
index = model.index(-1, -1)
report["tree"] = []
for name in path:
    index = child(index, name)
    report["tree"].append(model.data(index, Qt.DisplayRole))
# what the Browser panel hands over when the resource is dragged, dropped on the main window as the mouse would
window = iface.mainWindow()
view = next(v for v in window.findChildren(QTreeView)  # the Browser panel, opened down to the resource
            if hasattr(v.model(), "sourceModel") and v.model().sourceModel() is model)
view_index = view.model().mapFromSource(index)
view.scrollTo(view_index)
view.setCurrentIndex(view_index)
report["selected_in_panel"] = view.currentIndex().data(Qt.DisplayRole)
# (Qt delivers a drop only to the widget that accepted the drag's entry, as during a real drag)
mime = model.mimeData([index])
enter = QDragEnterEvent(QPoint(600, 400), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
QApplication.sendEvent(window, enter)
report["drag_accepted"] = enter.isAccepted()
QApplication.sendEvent(window, QDropEvent(QPointF(600, 400), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier))
wait_until(lambda: len(QgsProject.instance().mapLayers()) == 1)
layer, = QgsProject.instance().mapLayers().values()
report["layer"] = {"name": layer.name(), "features": layer.featureCount(), "crs": layer.crs().authid()}
canvas = iface.mapCanvas()
canvas.setDestinationCrs(layer.crs())
canvas.setExtent(layer.extent())
canvas.refresh()
wait_until(lambda: not canvas.isDrawing())
'''


def test_a_resource_dragged_from_the_browser_panel_lands_on_the_map(desktop: QgisDesktop, ckan_portal):
    dropped = desktop.run(BROWSER_DRAG.replace("PORTAL_URL", ckan_portal.base_url), screenshot="browser_drop")
    dropped.assert_clean()
    assert dropped.report["drag_accepted"]
    assert dropped.report["selected_in_panel"] == "Piste ciclabili (Shapefile Gauss-Boaga) [SHP]"
    assert dropped.report["tree"][-2:] == ["Piste ciclabili", "Piste ciclabili (Shapefile Gauss-Boaga) [SHP]"]
    assert dropped.report["layer"] == {"name": "Piste ciclabili — Piste ciclabili (Shapefile Gauss-Boaga)",
                                       "features": 224, "crs": "EPSG:3003"}
