"""The interventions store in the real QGIS: layers opened and configured, edits through the edit buffer logged in the
same transaction, save events, attachments, locating the store, broken files, and a process killed after a save."""

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from qgis.core import QgsProject, QgsWkbTypes

from prato_smartcity_plugin.adapters import settings
from prato_smartcity_plugin.adapters.store import database
from prato_smartcity_plugin.adapters.store import layers as store_layers
from prato_smartcity_plugin.core.errors import StoreError
from prato_smartcity_plugin.core.interventions.schema import GeometryKind
from tests.conftest import REPO
from tests.qgis.store_helpers import add, opened_store

POINT, LINE, POLYGON = GeometryKind.POINT, GeometryKind.LINE, GeometryKind.POLYGON


@pytest.fixture()
def store_path(tmp_path, clean_project):
    path = tmp_path / "project" / "interventions.gpkg"
    settings.set("store_path", str(path))
    yield path
    settings.set("store_path", "")


@pytest.fixture()
def layers(store_path):
    with opened_store() as opened:
        yield opened


@pytest.fixture()
def saved_events():
    events = []
    store_layers.events.saved.connect(events.append)
    yield events
    store_layers.events.saved.disconnect(events.append)


def log_ops(path):
    return [(row["uuid"], row["layer"], row["op"], row["base_version"]) for row in database.change_log(path)]


def test_open_layers_adds_three_styled_layers_in_a_group(layers, store_path):
    assert store_path.is_file()
    assert {k: layer.wkbType() for k, layer in layers.items()} == {
        POINT: QgsWkbTypes.MultiPoint, LINE: QgsWkbTypes.MultiLineString, POLYGON: QgsWkbTypes.MultiPolygon}
    for layer in layers.values():
        assert layer.crs().authid() == "EPSG:6707"
        assert QgsProject.instance().mapLayer(layer.id()) is layer
        assert layer.renderer().type() == "categorizedSymbol"
        labels = {c.value(): c.label() for c in layer.renderer().categories()}
        assert labels["road_works"] == "Road works" and labels[""] == "(no category)"
        assert layer.geometryOptions().geometryChecks() == ["QgsIsValidCheck"]  # the desktop blocks invalid saves
    group = QgsProject.instance().layerTreeRoot().findGroup("Interventions")
    assert [node.layer() for node in group.findLayers()] == [layers[POINT], layers[LINE], layers[POLYGON]]
    # opening again reuses the same layers
    assert store_layers.open_layers() == layers
    assert len(QgsProject.instance().mapLayers()) == 3


def test_edit_buffer_insert_update_delete_are_logged(layers, store_path, saved_events):
    layer = layers[LINE]
    feature = add(layer, LINE, title="Ciclabile Macrolotto", category="cycle_link")
    uuid = feature["uuid"]
    assert len(uuid) == 36 and "{" not in uuid
    saved = next(layer.getFeatures())
    assert saved["version"] == 1 and saved["created_at"] is not None and saved["modified_at"] is not None
    assert saved_events[-1].saved_uuids == [uuid] and saved_events[-1].kind == LINE
    assert log_ops(store_path) == [(uuid, "interventions_line", "insert", None)]

    layer.startEditing()
    layer.changeAttributeValue(saved.id(), layer.fields().indexOf("status"), "approved")
    assert layer.commitChanges(), layer.commitErrors()
    assert saved_events[-1].saved_uuids == [uuid]
    layer.startEditing()
    layer.changeGeometry(saved.id(), layer.getFeature(saved.id()).geometry().buffer(0, 1).fromWkt(
        "MultiLineString ((668800 4859800, 669100 4860100))"))
    assert layer.commitChanges(), layer.commitErrors()
    layer.startEditing()
    layer.deleteFeature(saved.id())
    assert layer.commitChanges(), layer.commitErrors()
    assert saved_events[-1].deleted_uuids == [uuid] and saved_events[-1].saved_uuids == []
    assert log_ops(store_path) == [(uuid, "interventions_line", "insert", None),
                                   (uuid, "interventions_line", "update", 1),
                                   (uuid, "interventions_line", "update", 1),
                                   (uuid, "interventions_line", "delete", 1)]


def test_a_save_and_its_log_entry_succeed_or_fail_together(layers, store_path):
    conn = database.connect(store_path)
    conn.execute("CREATE TRIGGER refuse_log BEFORE INSERT ON change_log BEGIN SELECT RAISE(ABORT, 'disk full'); END")
    layer = layers[POINT]
    layer.startEditing()
    from tests.qgis.store_helpers import new_feature

    layer.addFeature(new_feature(layer, POINT, title="Wi-Fi via Cairoli"))
    assert not layer.commitChanges()
    assert "disk full" in "\n".join(layer.commitErrors())
    assert conn.execute("SELECT COUNT(*) FROM interventions_point").fetchone()[0] == 0
    # nothing typed is lost: the feature waits in the edit buffer, and saves once the store accepts it
    assert [f["title"] for f in layer.getFeatures()] == ["Wi-Fi via Cairoli"]
    conn.execute("DROP TRIGGER refuse_log")
    assert layer.commitChanges(), layer.commitErrors()
    assert [op for _, _, op, _ in log_ops(store_path)] == ["insert"]


def test_the_store_refuses_an_end_before_the_start_from_any_client(layers, store_path):
    layer = layers[POLYGON]
    layer.startEditing()
    from qgis.PyQt.QtCore import QDate

    from tests.qgis.store_helpers import new_feature

    layer.addFeature(new_feature(layer, POLYGON, title="Scavo", start_date=QDate(2026, 5, 2),
                                 end_date=QDate(2026, 5, 1)))
    assert not layer.commitChanges()
    assert "end date must not be before the start date" in "\n".join(layer.commitErrors())
    assert database.change_log(store_path) == []


def test_edits_are_not_logged_while_sync_applies_remote_changes(layers, store_path):
    conn = database.connect(store_path)
    conn.execute("INSERT INTO store_state (key, value) VALUES ('applying_remote', '1')")
    add(layers[POINT], POINT, title="From the server")
    assert database.change_log(store_path) == []
    conn.execute("DELETE FROM store_state WHERE key = 'applying_remote'")
    add(layers[POINT], POINT, title="Local")
    assert [op for _, _, op, _ in log_ops(store_path)] == ["insert"]


def test_photos_are_copied_beside_the_store_with_relative_paths(layers, store_path, tmp_path, saved_events):
    camera = tmp_path / "camera"
    camera.mkdir()
    (camera / "IMG_1.jpg").write_bytes(b"\xff\xd8 photo one")
    layer = layers[POINT]
    feature = add(layer, POINT, photo_1=str(camera / "IMG_1.jpg"), photo_2=str(camera / "missing.jpg"))
    saved = next(layer.getFeatures())
    assert saved["photo_1"] == f"photos/{feature['uuid'][:8]}_IMG_1.jpg"
    assert (store_path.parent / saved["photo_1"]).read_bytes() == b"\xff\xd8 photo one"
    assert saved["photo_2"] == str(camera / "missing.jpg")  # kept as typed, and reported
    assert "does not exist" in saved_events[-1].warnings[0].message
    # a later change of a photo on an existing feature is copied too
    (camera / "IMG_2.jpg").write_bytes(b"two")
    layer.startEditing()
    layer.changeAttributeValue(saved.id(), layer.fields().indexOf("photo_3"), str(camera / "IMG_2.jpg"))
    assert layer.commitChanges()
    assert layer.getFeature(saved.id())["photo_3"].startswith("photos/")


def test_store_location_options_then_project_folder_then_profile(tmp_path, clean_project):
    settings.set("store_path", "")
    from qgis.core import QgsApplication

    assert store_layers.locate_store() == Path(QgsApplication.qgisSettingsDirPath()) / "prato_smartcity" / \
        "interventions.gpkg"
    project_file = tmp_path / "plans" / "prato.qgz"
    project_file.parent.mkdir()
    assert clean_project.write(str(project_file))
    assert store_layers.locate_store() == project_file.parent / "interventions.gpkg"
    settings.set("store_path", str(tmp_path / "elsewhere.gpkg"))
    try:
        assert store_layers.locate_store() == tmp_path / "elsewhere.gpkg"
    finally:
        settings.set("store_path", "")


def test_a_broken_store_raises_a_clear_error_and_is_left_alone(store_path):
    store_path.parent.mkdir(parents=True)
    store_path.write_bytes(b"PK\x03\x04 a zip file renamed")
    with pytest.raises(StoreError, match="is not a GeoPackage"):
        store_layers.open_layers()
    assert store_path.read_bytes().startswith(b"PK")
    assert QgsProject.instance().mapLayers() == {}


def test_a_saved_project_reconfigures_its_store_layers(layers, tmp_path, store_path):
    project_file = tmp_path / "prato.qgz"
    assert QgsProject.instance().write(str(project_file))
    QgsProject.instance().clear()
    store_layers.watch_project()
    try:
        assert QgsProject.instance().read(str(project_file))
        reopened = store_layers.project_layers()
        assert set(reopened) == {POINT, LINE, POLYGON}
        layer = reopened[POINT]
        assert layer.editorWidgetSetup(layer.fields().indexOf("category")).type() == "ValueMap"
        assert layer.id() in store_layers._hooks
    finally:
        store_layers.unwatch_project()


KILLED_SAVE = textwrap.dedent("""
    import os, sys, time
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    sys.path.insert(0, {repo!r})
    from qgis.core import QgsApplication
    app = QgsApplication([], False)
    app.initQgis()
    from prato_smartcity_plugin.adapters.store import layers
    from prato_smartcity_plugin.core.interventions.schema import GeometryKind
    from tests.qgis.store_helpers import add
    opened = layers.open_layers({path!r}, add_to_project=False)
    add(opened[GeometryKind.POLYGON], GeometryKind.POLYGON, title="Saved then killed", category="road_works")
    layer = opened[GeometryKind.POLYGON]
    layer.startEditing()  # QGIS keeps editing (the WAL stays open), as a user would
    print("saved", flush=True)
    time.sleep(120)
""")


def test_a_process_killed_right_after_a_save_loses_nothing(tmp_path, qgis_app):
    path = tmp_path / "interventions.gpkg"
    process = subprocess.Popen([sys.executable, "-c", KILLED_SAVE.format(repo=str(REPO), path=str(path))],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=str(REPO))
    try:
        assert process.stdout.readline().strip() == "saved", process.stderr.read()
        # the save is on disk in the write-ahead log when the process dies
        assert Path(f"{path}-wal").exists()
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == -signal.SIGKILL
    conn = database.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT title, category FROM interventions_polygon").fetchall() == [
        ("Saved then killed", "road_works")]
    assert [(row["layer"], row["op"]) for row in database.change_log(path)] == [("interventions_polygon", "insert")]
    reopened = store_layers.open_layers(path, add_to_project=False)
    assert [f["title"] for f in reopened[POLYGON].getFeatures()] == ["Saved then killed"]


def test_other_layers_stay_readable_while_one_is_edited(layers, store_path):
    add(layers[LINE], LINE, title="Ciclabile")
    layers[POINT].startEditing()
    add(layers[POINT], POINT, commit=False, title="Pending point")
    line = layers[LINE]
    line.updateExtents()
    assert line.featureCount() == 1
    assert [f["title"] for f in line.getFeatures()] == ["Ciclabile"]
    assert layers[POINT].commitChanges(), layers[POINT].commitErrors()
    assert line.featureCount() == 1


def test_while_one_layer_is_edited_the_other_layers_still_count_and_measure_their_features(layers, store_path):
    """QGIS opens a GeoPackage layer that is not edited without locks, and turns the file to WAL when a layer of it is
    edited; without the store's care the other layers then answer a count of -1 and an empty extent (and GDAL logs
    "unable to open database file") until the edit session ends, or later."""
    add(layers[LINE], LINE, title="Ciclabile")
    add(layers[POLYGON], POLYGON, title="Piazza")
    QgsProject.instance().clear()
    reopened = store_layers.open_layers()  # fresh read-only connections, as after opening a saved project
    add(reopened[POINT], POINT, commit=False, title="Pending point")
    expected = {LINE: "668800,4859800 : 669000,4860000", POLYGON: "668800,4859800 : 669000,4860000"}

    def counted_and_measured():
        result = {}
        for kind in (LINE, POLYGON):
            reopened[kind].updateExtents()
            result[kind] = (reopened[kind].featureCount(), reopened[kind].extent().toString(0))
        return result

    assert counted_and_measured() == {kind: (1, extent) for kind, extent in expected.items()}
    assert reopened[POINT].commitChanges(), reopened[POINT].commitErrors()
    assert counted_and_measured() == {kind: (1, extent) for kind, extent in expected.items()}
    assert reopened[POINT].featureCount() == 1
    # and the next edit session, on another layer, too
    add(reopened[LINE], LINE, commit=False, title="Second line")
    reopened[POLYGON].updateExtents()
    assert (reopened[POLYGON].featureCount(), reopened[POLYGON].extent().toString(0)) == (1, expected[POLYGON])
    assert reopened[LINE].commitChanges(), reopened[LINE].commitErrors()
