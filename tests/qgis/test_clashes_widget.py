"""The dock's "Road works clashes" section: its options are the save-time warning's, and "Check" runs the algorithm in
a task over the project's interventions layers and shows the clashes on the map."""

import pytest
from qgis.core import QgsProject

import prato_smartcity_plugin
from prato_smartcity_plugin.adapters import settings
from prato_smartcity_plugin.adapters.road_works import CLASHES_LAYER_PROPERTY
from tests.qgis.road_works_data import add, feature, road_works_layers, square


@pytest.fixture()
def plugin(qgis_iface, qgis_processing):
    for key in ("clash_distance_m", "clash_same_body", "clash_include_closed", "clash_open_ended"):
        settings.set(key, settings.SPEC[key][0])
    plugin = prato_smartcity_plugin.classFactory(qgis_iface)
    plugin.initProcessing()
    plugin.initGui()
    yield plugin
    plugin.unload()
    for key in ("clash_distance_m", "clash_same_body"):
        settings.set(key, settings.SPEC[key][0])


def clash_layers():
    return [lyr for lyr in QgsProject.instance().mapLayers().values() if lyr.customProperty(CLASHES_LAYER_PROPERTY)]


def test_check_shows_the_clashes_of_the_project_with_the_chosen_options(qtbot, qgis_iface, plugin, tmp_path):
    polygons, lines = road_works_layers(tmp_path)
    add(polygons,
        feature(polygons, square(0, 0), "2026-03-01", "2026-03-20", "publiacqua", "Water mains", "Via Roma"),
        feature(polygons, square(10, 10), "2026-03-15", "2026-04-10", "publiacqua", "More water", "Via Roma"),
        feature(polygons, square(60, 0), "2026-03-15", "2026-04-10", "alia", "Bins", "Via Roma"))
    QgsProject.instance().addMapLayers([polygons, lines])
    widget = plugin.ensure_dock().show_section("clashes")

    widget.check_button.click()
    qtbot.waitUntil(lambda: "clashes among" in widget.status.text(), timeout=20000)
    # Bins is 40 m and 30 m from the water works; the two water works (same body) are not reported
    assert widget.status.text() == "2 clashes among 3 road works."
    [layer] = clash_layers()
    assert layer.featureCount() == 2 and layer.renderer().type() == "RuleRenderer"

    widget.distance.setValue(25)
    widget.checks["clash_same_body"].setChecked(True)
    assert settings.get("clash_distance_m") == 25 and settings.get("clash_same_body") is True
    widget.check_button.click()
    qtbot.waitUntil(lambda: widget.check_button.isEnabled(), timeout=20000)
    assert widget.status.text() == "1 clashes among 3 road works."  # the two water works only
    [layer] = clash_layers()  # the new result replaced the old one
    [clash] = layer.getFeatures()
    assert {clash["a_title"], clash["b_title"]} == {"Water mains", "More water"}


def test_check_without_interventions_layers_says_why(qtbot, qgis_iface, plugin, clean_project):
    widget = plugin.ensure_dock().show_section("clashes")
    widget.check_button.click()
    qtbot.waitUntil(lambda: widget.check_button.isEnabled(), timeout=20000)
    assert "No interventions layer to check" in widget.status.text()
    assert clash_layers() == []
