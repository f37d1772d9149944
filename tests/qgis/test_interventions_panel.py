"""The dock's interventions section, the "New intervention" actions and the checks made on what is drawn."""

import pytest
from qgis.core import QgsGeometry, QgsProject, QgsVectorLayer
from qgis.gui import QgsMessageBar
from qgis.PyQt.QtCore import QDate
from qgis.PyQt.QtWidgets import QMessageBox, QPushButton

from prato_smartcity_plugin.adapters import settings
from prato_smartcity_plugin.adapters.store import database, validation
from prato_smartcity_plugin.adapters.store import layers as store_layers
from prato_smartcity_plugin.core.interventions.schema import GeometryKind
from tests.conftest import SHARED_DATA
from tests.qgis.store_helpers import BOWTIE, OUTSIDE, add

POINT, LINE, POLYGON = GeometryKind.POINT, GeometryKind.LINE, GeometryKind.POLYGON
BOUNDARY = SHARED_DATA / "boundary" / "prato_comune_100005.geojson"


@pytest.fixture()
def store_path(tmp_path, qgis_iface, clean_project):
    path = tmp_path / "interventions.gpkg"
    settings.set("store_path", str(path))
    yield path
    for layer in store_layers.project_layers().values():
        if layer.isEditable():
            layer.rollBack()
    settings.set("store_path", "")


@pytest.fixture()
def filled(store_path):
    layers = store_layers.open_layers()
    add(layers[POLYGON], POLYGON, title="Scavo gas via Pistoiese", category="road_works", status="approved",
        responsible_body="toscana_energia", start_date=QDate(2026, 3, 1), end_date=QDate(2026, 3, 31),
        street="Via Pistoiese")
    add(layers[LINE], LINE, title="Ciclabile San Paolo", category="cycle_link", start_date=QDate(2026, 6, 1))
    add(layers[POINT], POINT, title="Access point piazza Mercatale", category="wifi_site",
        responsible_body="estracom")
    return layers


@pytest.fixture()
def panel(qgis_iface, qtbot, filled):
    from prato_smartcity_plugin.gui.interventions_panel import InterventionsPanel

    widget = InterventionsPanel(qgis_iface)
    qtbot.addWidget(widget)
    return widget


def titles(panel):
    return sorted(row.record["title"] for row in panel.visible_rows())


def select(combo, value):
    combo.setCurrentIndex(combo.findData(value))


def test_lists_interventions_of_the_three_layers_with_store_and_pending_count(panel, store_path):
    assert titles(panel) == ["Access point piazza Mercatale", "Ciclabile San Paolo", "Scavo gas via Pistoiese"]
    assert str(store_path) in panel.store_label.text()
    assert panel.pending_label.text().endswith(": 3")


def test_filters(panel, qtbot):
    select(panel.category, "road_works")
    assert titles(panel) == ["Scavo gas via Pistoiese"]
    select(panel.category, None)
    select(panel.status, "proposed")
    assert titles(panel) == ["Access point piazza Mercatale", "Ciclabile San Paolo"]
    select(panel.body, "estracom")
    assert titles(panel) == ["Access point piazza Mercatale"]
    select(panel.status, None)
    select(panel.body, None)
    panel.date_from.setDate(QDate(2026, 4, 1))
    assert titles(panel) == ["Ciclabile San Paolo"]
    panel.date_from.clear()
    panel.date_to.setDate(QDate(2026, 3, 15))
    assert titles(panel) == ["Scavo gas via Pistoiese"]
    panel.date_to.clear()
    qtbot.keyClicks(panel.text, "pistoiese")
    assert titles(panel) == ["Scavo gas via Pistoiese"]
    panel.text.clear()
    assert len(titles(panel)) == 3


def test_a_save_elsewhere_refreshes_the_list_and_the_pending_count(panel, filled):
    add(filled[POINT], POINT, title="Another")
    assert "Another" in titles(panel)
    assert panel.pending_label.text().endswith(": 4")


def _select_title(panel, title):
    for row in range(panel.model.rowCount()):
        if panel.rows[panel.model.item(row, 0).data(256 + 1)].record["title"] == title:
            panel.table.selectRow(row)
            return
    raise AssertionError(title)


def test_zoom_to_and_open_form(panel, qgis_iface):
    _select_title(panel, "Scavo gas via Pistoiese")
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(filled_crs := store_layers.project_layers()[POLYGON].crs())
    panel.zoom_to()
    feature = next(store_layers.project_layers()[POLYGON].getFeatures())
    assert canvas.extent().contains(feature.geometry().boundingBox())
    assert canvas.extent().width() < 1000
    assert filled_crs.authid() == "EPSG:6707"
    panel.open_form()
    assert qgis_iface.opened_forms[-1].attributeForm().feature()["title"] == "Scavo gas via Pistoiese"


def test_delete_asks_then_removes_and_logs(panel, store_path, monkeypatch):
    # The confirmation is a modal QMessageBox: answered here (a modal dialog cannot be clicked offscreen).
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.No)
    _select_title(panel, "Ciclabile San Paolo")
    panel.delete()
    assert "Ciclabile San Paolo" in titles(panel)
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.Yes)
    _select_title(panel, "Ciclabile San Paolo")
    panel.delete()
    assert "Ciclabile San Paolo" not in titles(panel)
    assert [r["op"] for r in database.change_log(store_path)][-1] == "delete"
    assert not store_layers.project_layers()[LINE].isEditable()


def test_new_intervention_action_starts_digitizing_on_the_right_layer(qgis_iface, store_path):
    from prato_smartcity_plugin.gui.interventions_actions import InterventionActions

    actions = InterventionActions(qgis_iface)
    actions.actions[LINE].trigger()
    layer = qgis_iface.activeLayer()
    assert store_layers.kind_of(layer) == LINE and layer.isEditable()
    assert qgis_iface.add_feature_triggered == 1
    assert store_path.is_file()
    actions.actions[POLYGON].trigger()
    assert store_layers.kind_of(qgis_iface.activeLayer()) == POLYGON
    assert len(store_layers.project_layers(path=store_path)) == 3
    assert len(QgsProject.instance().mapLayers()) == 3


def test_new_intervention_on_a_broken_store_shows_the_error(qgis_iface, store_path):
    from prato_smartcity_plugin.gui.interventions_actions import InterventionActions

    store_path.write_text("not a geopackage")
    InterventionActions(qgis_iface).actions[POINT].trigger()
    bar: QgsMessageBar = qgis_iface.messageBar()
    assert "is not a GeoPackage" in bar.currentItem().text()
    assert QgsProject.instance().mapLayers() == {}


def _guard(qgis_iface):
    from prato_smartcity_plugin.gui.interventions_actions import InterventionGuard

    return InterventionGuard(qgis_iface, boundary=validation.load_boundary(BOUNDARY))


def test_an_invalid_polygon_is_reported_with_a_repair_button(qgis_iface, store_path):
    guard = _guard(qgis_iface)
    try:
        layer = store_layers.open_layers()[POLYGON]
        add(layer, POLYGON, wkt=BOWTIE, commit=False, title="Aiuola")
        item = qgis_iface.messageBar().currentItem()
        assert "not valid" in item.text()
        repair = item.findChild(QPushButton, "pratoRepairGeometry")
        repair.click()
        fixed = next(layer.getFeatures()).geometry()
        assert fixed.isGeosValid() and fixed.isMultipart() and fixed.area() > 0
        layer.undoStack().undo()  # the repair is an ordinary, undoable edit
        assert not next(layer.getFeatures()).geometry().isGeosValid()
    finally:
        guard.unload()


def test_outside_the_comune_is_a_warning_not_a_block(qgis_iface, store_path):
    guard = _guard(qgis_iface)
    try:
        layer = store_layers.open_layers()[POINT]
        add(layer, POINT, wkt=OUTSIDE, commit=False, title="Firenze")
        assert "outside the Comune di Prato" in qgis_iface.messageBar().currentItem().text()
        assert layer.commitChanges()
        assert guard.check_feature(layer, next(layer.getFeatures()).id())[0].blocking is False
        layer.startEditing()
        add(layer, POINT, commit=False, title="Duomo")
        inside = [f for f in layer.getFeatures() if f["title"] == "Duomo"][0]
        assert guard.check_feature(layer, inside.id()) == []
    finally:
        guard.unload()


def test_geometry_checks_without_a_boundary():
    assert validation.geometry_problems(QgsGeometry.fromWkt(OUTSIDE)) == []
    assert validation.geometry_problems(None)[0].blocking
    assert validation.geometry_problems(QgsGeometry.fromWkt(BOWTIE))[0].blocking


def test_a_save_breaking_the_rules_says_why(qgis_iface, store_path):
    guard = _guard(qgis_iface)
    try:
        layer = store_layers.open_layers()[POLYGON]
        add(layer, POLYGON, commit=False, title="Scavo", start_date=QDate(2026, 5, 2), end_date=QDate(2026, 5, 1))
        add(layer, POLYGON, commit=False, title="Aiuola")
        assert not layer.commitChanges()  # the store refuses it; the edit stays in the buffer
        text = qgis_iface.messageBar().currentItem().text()
        assert "Scavo: The end date must not be before the start date." in text
        assert "Aiuola" not in text
        assert sorted(f["title"] for f in layer.getFeatures()) == ["Aiuola", "Scavo"]
        assert database.change_log(store_path) == []
    finally:
        guard.unload()


def test_the_shipped_boundary_of_the_comune_is_used_by_default(qgis_app):
    boundary = validation.load_boundary()  # resources/demo/prato_demo.gpkg, layer prato_comune
    assert boundary is not None
    assert validation.geometry_problems(QgsGeometry.fromWkt("MultiPoint ((668900 4859900))"), boundary) == []
    assert not validation.geometry_problems(QgsGeometry.fromWkt(OUTSIDE), boundary)[0].blocking


def _edit_cell(view, layer, fid, field, value):
    """Type ``value`` into a cell of the attribute table the way a user does: the table's own delegate creates the
    field's editor widget (the form's widget for that field) and writes it back into the layer's edit buffer."""
    from qgis.gui import QgsEditorWidgetWrapper
    from qgis.PyQt.QtWidgets import QStyleOptionViewItem

    table = view.masterModel()
    proxy = view.tableView().model()
    index = proxy.mapFromSource(table.index(table.idToIndex(fid).row(), table.fieldCol(layer.fields().indexOf(field))))
    delegate = view.tableView().itemDelegate(index)
    editor = delegate.createEditor(view.tableView().viewport(), QStyleOptionViewItem(), index)
    delegate.setEditorData(editor, index)
    QgsEditorWidgetWrapper.fromWidget(editor).setValues(value, [])
    delegate.setModelData(editor, proxy, index)
    editor.deleteLater()


def test_the_attribute_table_cannot_save_an_empty_required_field_and_keeps_the_edit(qgis_iface, store_path, qtbot):
    """The form refuses an empty title; the attribute table (and any other edit path) must too: the store refuses the
    commit, the user reads why in their language, and nothing typed is lost (the edit stays in the buffer)."""
    from qgis.gui import QgsDualView, QgsGui

    if not QgsGui.editorWidgetRegistry().factories():  # the desktop registers them at start-up
        QgsGui.editorWidgetRegistry().initEditors()
    guard = _guard(qgis_iface)
    try:
        layers = store_layers.open_layers()
        layer = layers[LINE]
        add(layer, LINE, title="Ciclabile San Paolo", category="cycle_link")
        fid = next(layer.getFeatures()).id()
        logged = database.change_log(store_path)
        view = QgsDualView()
        qtbot.addWidget(view)
        view.init(layer, qgis_iface.mapCanvas())
        view.setView(QgsDualView.AttributeTable)
        assert layer.startEditing()

        _edit_cell(view, layer, fid, "title", None)
        assert layer.getFeature(fid)["title"] in (None, "") or layer.getFeature(fid)["title"].isNull()
        assert not layer.commitChanges()
        text = qgis_iface.messageBar().currentItem().text()
        assert "The interventions store refuses these edits" in text and "Title is required." in text
        assert "stay in the layer being edited" in text
        # nothing reached the file or the log; the edit is still there to correct
        assert layer.isEditable() and fid in layer.editBuffer().changedAttributeValues()
        on_disk = QgsVectorLayer(f"{store_path}|layername=interventions_line", "check", "ogr")
        assert [f["title"] for f in on_disk.getFeatures()] == ["Ciclabile San Paolo"]
        assert database.change_log(store_path) == logged

        _edit_cell(view, layer, fid, "title", "Ciclabile San Paolo nord")
        assert layer.commitChanges(), layer.commitErrors()
        assert [f["title"] for f in on_disk.getFeatures()] == ["Ciclabile San Paolo nord"]
        assert [entry["op"] for entry in database.change_log(store_path)] == ["insert", "update"]

        # a new intervention left without its required values is refused too, and kept
        point = layers[POINT]
        add(point, POINT, commit=False, title="")
        [pending] = point.editBuffer().addedFeatures()
        point.changeAttributeValue(pending, point.fields().indexOf("plan_code"), None)  # the default cleared
        assert not point.commitChanges()
        text = qgis_iface.messageBar().currentItem().text()
        assert "Title is required." in text and "Plan project is required." in text
        assert point.featureCount() == 1 and list(point.editBuffer().addedFeatures()) == [pending]
        point.changeAttributeValue(pending, point.fields().indexOf("title"), "Hotspot")
        point.changeAttributeValue(pending, point.fields().indexOf("plan_code"), "PR-V1")
        assert point.commitChanges(), point.commitErrors()
        assert [(f["title"], f["plan_code"]) for f in point.getFeatures()] == [("Hotspot", "PR-V1")]
        assert [entry["op"] for entry in database.change_log(store_path)] == ["insert", "update", "insert"]
    finally:
        guard.unload()
