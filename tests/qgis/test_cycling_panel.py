"""The dock's cycle network section, driven as a planner would: load the real cycle paths, measure, find missing
links, draw a link and compare before/after, copy the table."""

import pytest
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsMapRendererSequentialJob,
    QgsMapSettings,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QSize, Qt
from qgis.PyQt.QtGui import QGuiApplication

from prato_smartcity_plugin.gui.cycling_panel import CyclingPanel
from tests.conftest import SHARED_DATA
from tests.qgis.test_translations import italian  # noqa: F401 - the fixture: the plugin's Italian translation

CICLABILI = str(SHARED_DATA / "cycleways" / "ciclabili.geojson")


@pytest.fixture()
def panel(qgis_iface, qgis_processing):
    widget = CyclingPanel(qgis_iface)
    yield widget
    widget.deleteLater()


def finish(qtbot, panel):
    """The result of the analysis the panel ran (None if it failed), once it has ended."""
    qtbot.waitUntil(lambda: not panel.busy, timeout=120_000)
    return panel.last_result


def table_text(panel):
    table = panel.table
    return [[table.item(r, c).text() if table.item(r, c) else "" for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def rendered_labels(layer, extent):
    """The label texts QGIS draws for ``layer`` in ``extent`` (a real render of the layer with its style)."""
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    settings.setOutputSize(QSize(600, 600))
    settings.setExtent(extent)
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    return [label.labelText for label in job.takeLabelingResults().allLabels()]


def test_load_measure_and_copy(qtbot, panel, qgis_iface):
    layer = panel.load(CICLABILI)
    assert layer is not None and layer.featureCount() == 224
    assert panel.paths_combo.currentLayer() is layer
    panel.measure()
    result = finish(qtbot, panel)
    assert result is not None and result["TOTAL_KM"] == pytest.approx(48.45, abs=0.01)
    rows = table_text(panel)
    assert ["Total length", "48.45", "km"] == rows[2][:3]
    assert any(r[0] == "Separate cycle track" for r in rows)
    names = [layer.name() for layer in QgsProject.instance().mapLayers().values()]
    assert "Cycle network components" in names and "Dangling ends" in names
    panel.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("Cycle network\nMeasure\tValue\tUnit\nTotal length\t48.45\tkm")
    # measuring again replaces the result layers instead of piling them up
    panel.measure()
    finish(qtbot, panel)
    names = [layer.name() for layer in QgsProject.instance().mapLayers().values()]
    assert names.count("Cycle network components") == 1


def test_by_district(qtbot, panel):
    panel.load(CICLABILI)
    areas = QgsVectorLayer("Polygon?crs=EPSG:4326&field=name:string", "districts", "memory")
    west, east = QgsFeature(areas.fields()), QgsFeature(areas.fields())
    west.setGeometry(QgsGeometry.fromWkt("Polygon((11.0 43.8, 11.09 43.8, 11.09 44.0, 11.0 44.0, 11.0 43.8))"))
    west.setAttributes(["Ovest"])
    east.setGeometry(QgsGeometry.fromWkt("Polygon((11.09 43.8, 11.2 43.8, 11.2 44.0, 11.09 44.0, 11.09 43.8))"))
    east.setAttributes(["Est"])
    areas.dataProvider().addFeatures([west, east])
    QgsProject.instance().addMapLayer(areas)
    panel.areas_combo.setLayer(areas)
    panel.area_name_combo.setField("name")
    panel.measure()
    finish(qtbot, panel)
    rows = {r[0]: r for r in table_text(panel)}
    assert float(rows["Ovest"][1]) + float(rows["Est"][1]) == pytest.approx(48.45, abs=0.02)
    assert float(rows["Ovest"][1]) > 0 and float(rows["Est"][1]) > 0


def test_missing_links_on_the_map_and_before_after_of_a_drawn_link(qtbot, panel, qgis_iface):
    panel.load(CICLABILI)
    panel.find_links()
    result = finish(qtbot, panel)
    assert result["LINKS"] > 0
    links = panel.links_layer
    assert links is not None and QgsProject.instance().mapLayer(links.id()) is links
    best = min(links.getFeatures(), key=lambda f: f["rank"])
    rows = table_text(panel)
    assert rows[2][0] == "1" and float(rows[2][1]) == pytest.approx(best["length_m"], abs=0.05)
    # the row names the paths it joins, says why on hover, and the panel says how to read the table
    assert rows[1][:4] == ["Rank", "New path (m)", "Joins", "To"]
    assert rows[2][2] == f'{best["path_a"]} ({best["component_a_km"]:.2f} km)'
    assert panel.table.item(2, 1).toolTip() == best["reason"] and "m of new path would join" in best["reason"]
    assert panel.table.item(2, 1).textAlignment() & Qt.AlignRight  # a figure
    assert not panel.table.item(2, 2).textAlignment() & Qt.AlignRight  # a name reads from the left
    assert "Ranked by km joined per metre of new path" in panel.explanation.text()
    assert not panel.explanation.isHidden()
    panel.zoom_to_link(2, 0)
    assert links.selectedFeatureIds() == [best.id()]
    # on the map each link carries its rank, so the table and the map can be read together
    assert "1" in rendered_labels(links, best.geometry().boundingBox().buffered(50))
    # draw the best link as a planned link and compare
    drawing = panel.new_drawing_layer()
    assert drawing.isEditable() and panel.planned_combo.currentLayer() is drawing
    feature = QgsFeature(drawing.fields())
    feature.setGeometry(QgsGeometry(best.geometry()))
    drawing.addFeature(feature)
    panel.before_after()
    outcome = finish(qtbot, panel)
    assert outcome["COMPONENTS_AFTER"] == outcome["COMPONENTS_BEFORE"] - 1
    rows = {r[0]: r for r in table_text(panel)}
    assert rows["Connected components"][3] == "-1"
    # only the selected features: none selected is a clear message, not a crash
    panel.selected_only.setChecked(True)
    panel.before_after()
    assert not panel.busy
    assert qgis_iface.messageBar().currentItem().text() == "No planned link is selected."


def test_before_after_figures_fit_a_narrow_dock(qtbot, panel):
    """The long measure names wrap, so Before, After, Change and the unit stay in view in a dock 420 pixels wide."""
    panel.resize(420, 900)
    panel.show()
    qtbot.waitExposed(panel)
    panel.load(CICLABILI)
    drawing = panel.new_drawing_layer()
    feature = QgsFeature(drawing.fields())
    feature.setGeometry(QgsGeometry.fromWkt("LineString(667000 4856000, 667100 4856000)"))
    drawing.addFeature(feature)
    panel.before_after()
    assert finish(qtbot, panel) is not None
    table = panel.table
    assert [table.item(1, c).text() for c in range(5)] == ["Measure", "Before", "After", "Change", "Unit"]
    unit_right = table.columnViewportPosition(4) + table.columnWidth(4)
    assert 0 < unit_right <= table.viewport().width()
    assert "Change = after - before" in panel.explanation.text()


def test_wrong_input_is_reported_in_the_message_bar(qtbot, panel, qgis_iface):
    panel.measure()
    assert not panel.busy
    assert "cycle path layer" in qgis_iface.messageBar().currentItem().text()
    assert panel.load("/nonexistent/file.geojson") is None
    assert "Cannot read" in qgis_iface.messageBar().currentItem().text()


def test_demo_project_cycle_paths_measured_by_kind(qtbot, panel, tmp_path):
    """The demo GeoPackage keeps the OSM tags as JSON text: the kinds come from it all the same."""
    from tests.conftest import REPO

    gpkg = tmp_path / "prato_demo.gpkg"
    gpkg.write_bytes((REPO / "resources" / "demo" / "prato_demo.gpkg").read_bytes())
    layer = QgsVectorLayer(f"{gpkg}|layername=cycle_paths", "cycle_paths", "ogr")
    assert layer.isValid()
    QgsProject.instance().addMapLayer(layer)
    panel.paths_combo.setLayer(layer)
    panel.measure()
    result = finish(qtbot, panel)
    assert result["TOTAL_KM"] == pytest.approx(48.45, abs=0.01)
    rows = {r[0]: r for r in table_text(panel)}
    assert float(rows["Separate cycle track"][1]) > 30 and float(rows["Shared with pedestrians"][1]) > 10
    assert float(rows["Cycle lane"][1]) > 0


def test_missing_links_respect_the_barrier_layer(qtbot, panel):
    layer = QgsVectorLayer("LineString?crs=EPSG:6707", "paths", "memory")
    features = []
    for wkt in ("LineString(0 0, 1000 0)", "LineString(1030 0, 1430 0)", "LineString(500 10, 500 60)"):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    river = QgsVectorLayer("Polygon?crs=EPSG:6707", "Bisenzio", "memory")
    water = QgsFeature(river.fields())
    water.setGeometry(QgsGeometry.fromWkt("Polygon((1005 -50, 1025 -50, 1025 50, 1005 50, 1005 -50))"))
    river.dataProvider().addFeatures([water])
    QgsProject.instance().addMapLayers([layer, river])
    panel.paths_combo.setLayer(layer)
    panel.find_links()
    assert finish(qtbot, panel)["LINKS"] == 2
    panel.barriers_combo.setLayer(river)
    panel.find_links()
    assert finish(qtbot, panel)["LINKS"] == 1
    assert [r[1] for r in table_text(panel)[2:3]] == ["10.0"]


def test_catchment_of_the_wifi_sites_and_the_comune(qtbot, panel):
    """Real data: the Wi-Fi coverage centroids and the comune boundary against the real cycle paths."""
    panel.load(CICLABILI)
    sites = QgsVectorLayer(str(SHARED_DATA / "wifi" / "wifi_coverage_centroids_derived_epsg4326.geojson"), "wifi",
                           "ogr")
    comune = QgsVectorLayer(str(SHARED_DATA / "boundary" / "prato_comune_100005.geojson"), "comune", "ogr")
    assert sites.isValid() and comune.isValid()
    QgsProject.instance().addMapLayers([sites, comune])
    panel.points_combo.setLayer(sites)
    panel.catchment_area_combo.setLayer(comune)
    panel.catchment_distance.setValue(300)
    panel.catchment()
    result = finish(qtbot, panel)
    assert result["POINTS"] == 25 and 0 < result["POINTS_WITHIN"] <= 25
    assert 0 < result["AREA_SHARE"] < 1
    rows = {r[0]: r for r in table_text(panel)}
    assert rows["Points within the distance"][1] == f"{result['POINTS_WITHIN']} / 25"
    names = [layer.name() for layer in QgsProject.instance().mapLayers().values()]
    assert "Catchment: points" in names and "Catchment: area" in names
    # a larger distance never covers less
    panel.catchment_distance.setValue(1000)
    panel.catchment()
    assert finish(qtbot, panel)["AREA_SHARE"] > result["AREA_SHARE"]


def test_a_failing_analysis_reaches_the_message_bar(qtbot, panel, qgis_iface):
    """An error inside the algorithm becomes a message in the message bar, not a crash; the buttons work again."""
    layer = QgsVectorLayer("LineString?crs=EPSG:6707", "only nulls", "memory")
    layer.dataProvider().addFeatures([QgsFeature(layer.fields())])
    QgsProject.instance().addMapLayer(layer)
    panel.paths_combo.setLayer(layer)
    panel.measure()
    assert finish(qtbot, panel) is None
    assert panel.measure_button.isEnabled()
    assert "has no usable line" in qgis_iface.messageBar().currentItem().text()


@pytest.mark.usefixtures("italian")
def test_the_planner_reads_the_missing_links_in_italian(qtbot, panel):
    """With QGIS in Italian, the links table, the reason of each link and the explanation are Italian."""
    layer = QgsVectorLayer("LineString?crs=EPSG:6707&field=name:string", "percorsi", "memory")
    features = []
    for wkt, name in (("LineString(0 0, 1000 0)", "Pista Gino Bartali"), ("LineString(1030 0, 1430 0)", None),
                      ("LineString(500 10, 500 60)", "Via Roma")):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        feature.setAttributes([name])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    QgsProject.instance().addMapLayer(layer)
    panel.paths_combo.setLayer(layer)
    panel.find_links()
    assert finish(qtbot, panel)["LINKS"] == 2
    rows = table_text(panel)
    assert rows[0][0] == "Collegamenti mancanti"
    assert rows[1][:4] == ["Posizione", "Nuovo percorso (m)", "Collega", "Con"]
    assert rows[2][2:4] == ["Via Roma (0.05 km)", "Pista Gino Bartali (1.00 km)"]
    assert rows[3][2] == "Altro, senza nome (0.40 km)"
    assert panel.table.item(2, 0).toolTip().startswith("10 m di nuovo percorso collegherebbero Via Roma")
    assert panel.explanation.text().startswith("Ogni collegamento unirebbe due parti della rete che oggi non sono")
