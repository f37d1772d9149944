"""The dock's Wi-Fi section: its buttons run the algorithms in a background task and bring back styled layers and
a readable summary (pytest-qt drives the real widgets)."""

from __future__ import annotations

import pytest
from qgis.core import QgsProject, QgsVectorLayer

from prato_smartcity_plugin.gui.wifi_panel import WifiPanel
from tests.conftest import SHARED_DATA
from tests.qgis.test_wifi_algorithms import CENTRE_WKT, layer, provider  # noqa: F401 (the fixture)

TIMEOUT_MS = 60_000  # a ceiling for the wait, not a timing assertion


@pytest.fixture()
def panel(qgis_iface, provider, qtbot):  # noqa: F811 (the imported fixture)
    project = QgsProject.instance()
    wifi = QgsVectorLayer(str(SHARED_DATA / "wifi" / "wifi-free.geojson"), "wifi_coverage_areas", "ogr")
    comune = QgsVectorLayer(str(SHARED_DATA / "boundary" / "prato_comune_100005.geojson"), "Comune", "ogr")
    centre = layer("Polygon?crs=EPSG:3003&field=nome:string", [(CENTRE_WKT, ["Centro storico"])], "Centro storico")
    project.addMapLayers([wifi, comune, centre])
    widget = WifiPanel(qgis_iface)
    qtbot.addWidget(widget)
    widget.access_points.setLayer(wifi)
    widget.comune.setLayer(comune)
    widget.areas.setLayer(centre)
    yield widget
    if widget.task is not None:
        widget.task.cancel()
        qtbot.waitUntil(lambda: widget.task is None, timeout=TIMEOUT_MS)


def test_plan_new_access_points_button_gives_ranked_layer_and_before_after(panel, qtbot):
    assert panel.n_sites.value() == 14  # the fourteen WiFi Italia sites still to place
    panel.radius.setValue(60)
    panel.spacing.setValue(120)
    panel.grid_spacing.setValue(40)
    with qtbot.waitSignal(panel.finished, timeout=TIMEOUT_MS) as signal:
        qtbot.mouseClick(panel.plan_button, 1)  # Qt.LeftButton
        if panel.task is not None:  # shapely 2: a background task; shapely 1 runs on the main thread, already done
            assert not panel.plan_button.isEnabled() and not panel.progress.isHidden()
    name, results = signal.args
    assert name == "wifi_site_selection" and results["SHARE_AFTER"] > results["SHARE_BEFORE"]
    names = [lyr.name() for lyr in QgsProject.instance().mapLayers().values()]
    assert "New Wi-Fi sites" in names and "Wi-Fi coverage before and after" in names
    sites = next(lyr for lyr in panel.added_layers if lyr.name() == "New Wi-Fi sites")
    assert sites.featureCount() == 14 and sites.renderer().symbol().symbolLayer(0).shape() is not None
    assert sites.labelsEnabled()
    text = panel.summary.toPlainText()
    assert "Coverage of the demand" in text and "→" in text and "Nearest access point" in text
    assert panel.plan_button.isEnabled()


def test_the_demo_project_layers_are_preselected(qgis_iface, clean_project, qtbot, tmp_path):
    from tests.conftest import REPO

    gpkg = tmp_path / "prato_demo.gpkg"
    gpkg.write_bytes((REPO / "resources" / "demo" / "prato_demo.gpkg").read_bytes())  # never open the shipped one
    names = ["prato_comune", "cycle_paths", "wifi_coverage_areas", "wifi_access_points"]
    QgsProject.instance().addMapLayers([QgsVectorLayer(f"{gpkg}|layername={n}", n, "ogr") for n in names])
    widget = WifiPanel(qgis_iface)
    qtbot.addWidget(widget)
    assert widget.access_points.currentLayer().name() == "wifi_access_points"
    assert widget.comune.currentLayer().name() == "prato_comune"


def test_coverage_button_and_bad_input_message(panel, qtbot, qgis_iface):
    with qtbot.waitSignal(panel.finished, timeout=TIMEOUT_MS):
        qtbot.mouseClick(panel.coverage_button, 1)
    assert {"Wi-Fi coverage", "Wi-Fi gaps", "Wi-Fi coverage by area"} <= {lyr.name() for lyr in panel.added_layers}
    assert "Centro storico" in panel.summary.toPlainText()

    lines = QgsVectorLayer(str(SHARED_DATA / "cycleways" / "ciclabili.geojson"), "cycle", "ogr")
    QgsProject.instance().addMapLayer(lines)
    panel.access_points.setLayer(lines)  # filtered out of the combo: the panel asks for a layer instead
    panel.access_points.setLayer(None)
    qtbot.mouseClick(panel.coverage_button, 1)
    bar_texts = [w.text() for w in qgis_iface.messageBar().items()]
    assert any("Choose a layer of access points" in t for t in bar_texts)


def test_an_analysis_that_refuses_its_input_says_why_in_the_message_bar(panel, qtbot, qgis_iface):
    far = layer("Point?crs=EPSG:6707&field=w:double", [("POINT(100000 100000)", [1.0])], "far demand")
    QgsProject.instance().addMapLayer(far)
    panel.demand.setLayer(far)
    with qtbot.waitSignal(panel.failed, timeout=TIMEOUT_MS):
        qtbot.mouseClick(panel.coverage_button, 1)
    texts = [w.text() for w in qgis_iface.messageBar().items()]
    assert any("None of the 1 demand points" in t for t in texts), texts
    assert panel.coverage_button.isEnabled() and panel.task is None
