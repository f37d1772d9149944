"""The Prato demo project (built by scripts/build_demo.py, shipped in resources/demo) and the home panel's button
that opens a copy of it from the user's profile."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsProject, QgsVectorLayer
from qgis.PyQt.QtWidgets import QMessageBox

from prato_smartcity_plugin.adapters import demo_project
from prato_smartcity_plugin.gui.home_panel import HomePanel
from tests.conftest import REPO

DEMO = REPO / "resources" / "demo"
LAYERS = ["wifi_access_points", "cycle_paths", "wifi_coverage_areas", "prato_comune"]


def test_demo_geopackage_layers_are_in_epsg6707_with_their_attribution(tmp_path):
    gpkg = tmp_path / "prato_demo.gpkg"
    gpkg.write_bytes((DEMO / "prato_demo.gpkg").read_bytes())  # never open the committed file read-write
    counts = {}
    for name in LAYERS:
        layer = QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr")
        assert layer.isValid(), name
        assert layer.crs().authid() == "EPSG:6707"
        counts[name] = layer.featureCount()
        metadata = layer.metadata()  # read back from the GeoPackage's metadata tables
        assert metadata.licenses() and metadata.rights() and metadata.history(), name
        assert any(link.url.startswith("https://github.com/") for link in metadata.links()), name
    assert counts == {"wifi_access_points": 25, "cycle_paths": 224, "wifi_coverage_areas": 25, "prato_comune": 1}
    cycle = QgsVectorLayer(f"{gpkg}|layername=cycle_paths", "c", "ogr")
    assert "© OpenStreetMap contributors" in " ".join(cycle.metadata().rights())
    names = [f["tags"] for f in cycle.getFeatures() if "Gino Bartali" in (f["tags"] or "")]
    assert names, "the OSM tags are kept as JSON text"
    with sqlite3.connect(gpkg) as db:
        styles = {row[0] for row in db.execute("SELECT f_table_name FROM layer_styles WHERE useAsDefault")}
    assert styles == set(LAYERS)


def test_sources_md_travels_with_the_demo():
    text = (DEMO / "SOURCES.md").read_text(encoding="utf-8")
    assert "ODbL" in text and "CC-BY" in text


def _open_demo(qgis_iface, monkeypatch, tmp_path) -> HomePanel:
    monkeypatch.setattr(demo_project, "user_demo_dir", lambda: tmp_path / "profile" / "prato_smartcity" / "demo")
    return HomePanel(qgis_iface)


def test_home_button_opens_a_writable_copy_of_the_demo_project(qgis_iface, monkeypatch, tmp_path):
    panel = _open_demo(qgis_iface, monkeypatch, tmp_path)
    QgsProject.instance().clear()
    panel.demo_button.click()
    project = QgsProject.instance()
    copy = tmp_path / "profile" / "prato_smartcity" / "demo"
    assert Path(project.fileName()) == copy / "prato_demo.qgz"
    assert project.crs().authid() == "EPSG:6707"
    tree = [node.layer() for node in project.layerTreeRoot().findLayers()]
    assert [layer.name() for layer in tree] == [
        "Wi-Fi access points (derived)", "Cycle paths (OpenStreetMap)", "Wi-Fi coverage areas", "Comune di Prato",
        "OpenStreetMap (online)"]
    assert all(layer.isValid() for layer in tree)
    for layer in tree[:4]:
        assert Path(layer.source().split("|")[0]) == copy / "prato_demo.gpkg"  # the copy, not the plugin's file
        assert layer.crs().authid() == "EPSG:6707"
    # styled by resources/styles/*.qml
    assert tree[1].renderer().type() == "RuleRenderer" and tree[1].labelsEnabled()
    assert tree[0].labelsEnabled() and tree[3].renderer().symbol().symbolLayerCount() == 2
    basemap = project.layerTreeRoot().findLayers()[-1]
    assert not basemap.isVisible(), "the online basemap is off, so the demo works offline"
    assert (copy / "SOURCES.md").is_file()


def test_home_button_keeps_the_users_edits_of_the_copy(qgis_iface, monkeypatch, tmp_path):
    panel = _open_demo(qgis_iface, monkeypatch, tmp_path)
    QgsProject.instance().clear()
    panel.demo_button.click()
    project = QgsProject.instance()
    project.setTitle("My Prato")
    assert project.write()
    project.clear()
    panel.demo_button.click()
    assert QgsProject.instance().title() == "My Prato"


@pytest.mark.parametrize("answer, opened", [(QMessageBox.Cancel, False), (QMessageBox.Discard, True)])
def test_home_button_asks_before_discarding_unsaved_changes(qgis_iface, monkeypatch, tmp_path, answer, opened):
    panel = _open_demo(qgis_iface, monkeypatch, tmp_path)
    QgsProject.instance().clear()
    QgsProject.instance().setTitle("unsaved work")
    assert QgsProject.instance().isDirty()
    asked = []
    # Stands in for the user clicking in the modal question box (a real modal dialog would block the test).
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: asked.append(args) or answer)
    assert panel.open_demo_project() is opened
    assert len(asked) == 1
    assert (QgsProject.instance().title() == "unsaved work") is not opened


def test_user_demo_dir_is_in_the_qgis_profile():
    assert demo_project.user_demo_dir() == Path(QgsApplication.qgisSettingsDirPath()) / "prato_smartcity" / "demo"
