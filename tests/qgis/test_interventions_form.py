"""The native attribute form the plugin configures from the schema, driven as a user drives it (pytest-qt)."""

import pytest
from qgis.core import QgsEditFormConfig, QgsExpressionContextUtils, QgsVectorLayerUtils
from qgis.gui import QgsAttributeDialog, QgsAttributeEditorContext, QgsEditorWidgetWrapper, QgsGui
from qgis.PyQt.QtCore import QDate
from qgis.PyQt.QtWidgets import QDialogButtonBox, QLabel, QTabWidget

from prato_smartcity_plugin.adapters import settings
from prato_smartcity_plugin.adapters.store import database
from prato_smartcity_plugin.adapters.store import layers as store_layers
from prato_smartcity_plugin.core.interventions import schema
from prato_smartcity_plugin.core.interventions.schema import GeometryKind
from tests.qgis.store_helpers import new_feature, opened_store

POINT, POLYGON = GeometryKind.POINT, GeometryKind.POLYGON


@pytest.fixture(scope="module", autouse=True)
def editor_widgets(qgis_app):
    if not QgsGui.editorWidgetRegistry().factories():  # the desktop registers them at start-up
        QgsGui.editorWidgetRegistry().initEditors()


@pytest.fixture()
def store_path(tmp_path, clean_project):
    path = tmp_path / "interventions.gpkg"
    settings.set("store_path", str(path))
    settings.set("surveyor", "Giulia Bianchi")
    settings.set("extra_bodies", "gida=GIDA S.p.A.")
    yield path
    for key in ("store_path", "surveyor", "extra_bodies"):
        settings.set(key, "")
    QgsExpressionContextUtils.removeGlobalVariable("prato_surveyor")


@pytest.fixture()
def layers(store_path):
    with opened_store() as opened:
        yield opened


def open_new_form(qtbot, layer, kind, **values):
    """The dialog QGIS shows after digitizing a new feature (defaults applied, add-feature mode)."""
    layer.startEditing()
    feature = new_feature(layer, kind, **values)
    dialog = QgsAttributeDialog(layer, feature, False, None, True)
    dialog.setMode(QgsAttributeEditorContext.AddFeatureMode)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def ok_button(dialog):
    return dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok)


def constraint_status(dialog):
    """field -> (failing, message) as the form shows them beside each widget."""
    result = {}
    for wrapper in dialog.attributeForm().findChildren(QgsEditorWidgetWrapper):
        widget = wrapper.widget()
        label = widget.parent().findChild(QLabel, "ConstraintStatus") if widget and widget.parent() else None
        if label is not None and label.toolTip():
            result[wrapper.field().name()] = ("✘" in label.text(), label.toolTip())
    return result


def test_widgets_follow_the_schema(layers):
    layer = layers[POINT]
    types = {name: layer.editorWidgetSetup(layer.fields().indexOf(name)).type() for name in schema.FIELD_NAMES}
    assert types["category"] == types["status"] == types["plan_code"] == types["responsible_body"] == "ValueMap"
    assert types["start_date"] == types["end_date"] == "DateTime"
    assert types["photo_1"] == "ExternalResource"
    assert layer.editorWidgetSetup(layer.fields().indexOf("fid")).type() == "Hidden"
    categories = layer.editorWidgetSetup(layer.fields().indexOf("category")).config()["map"]
    assert {"Road works": "road_works"} in categories
    bodies = layer.editorWidgetSetup(layer.fields().indexOf("responsible_body")).config()["map"]
    assert {"Publiacqua": "publiacqua"} in bodies and {"GIDA S.p.A.": "gida"} in bodies
    photo = layer.editorWidgetSetup(layer.fields().indexOf("photo_1")).config()
    assert photo["DefaultRoot"] == str(store_layers.store_path_of(layer).parent) and photo["RelativeStorage"] == 2
    config = layer.editFormConfig()
    assert config.layout() == QgsEditFormConfig.TabLayout
    for name in ("uuid", "created_at", "modified_at", "version"):
        assert config.readOnly(layer.fields().indexOf(name))
    assert not config.readOnly(layer.fields().indexOf("title"))
    assert layer.attributeAlias(layer.fields().indexOf("budget_eur")) == "Budget (EUR)"


def test_a_new_feature_gets_the_defaults(layers):
    feature = new_feature(layers[POINT], POINT)
    assert len(feature["uuid"]) == 36 and not feature["uuid"].startswith("{")
    assert feature["version"] == 1
    assert feature["surveyor"] == "Giulia Bianchi"
    assert (feature["category"], feature["plan_code"], feature["status"], feature["responsible_body"]) == (
        "other", "none", "proposed", "comune_prato")
    settings.set("surveyor", "Marco Rossi")
    from prato_smartcity_plugin.gui.interventions_actions import refresh_surveyor

    refresh_surveyor()
    assert new_feature(layers[POINT], POINT)["surveyor"] == "Marco Rossi"


def test_the_form_has_tabs_and_shows_every_constraint_message(qtbot, layers):
    dialog = open_new_form(qtbot, layers[POLYGON], POLYGON, category="road_works")
    tabs = dialog.findChild(QTabWidget)
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["Intervention", "Dates and budget", "Description",
                                                               "Photos", "Record"]
    form = dialog.attributeForm()
    status = constraint_status(dialog)
    assert status["title"] == (True, "Title is required.")
    assert status["start_date"] == (True, "Road works need a start and an end date, or clashes with other works "
                                          "cannot be checked.")
    assert not ok_button(dialog).isEnabled()

    form.changeAttribute("title", "Rifacimento fognatura via Roma")
    form.changeAttribute("start_date", QDate(2026, 5, 2))
    form.changeAttribute("end_date", QDate(2026, 5, 1))
    form.changeAttribute("budget_eur", -3)
    status = constraint_status(dialog)
    assert status["title"][0] is False
    assert status["end_date"] == (True, "The end date must not be before the start date.")
    assert status["budget_eur"] == (True, "The budget cannot be negative.")
    assert not ok_button(dialog).isEnabled()

    form.changeAttribute("category", None)
    assert constraint_status(dialog)["category"] == (True, "Category is required.")
    form.changeAttribute("category", "road_works")
    form.changeAttribute("end_date", QDate(2026, 6, 30))
    form.changeAttribute("budget_eur", 120000)
    assert all(not failing for failing, _ in constraint_status(dialog).values())
    assert ok_button(dialog).isEnabled()


def test_every_required_field_has_its_message(layers):
    layer = layers[POINT]
    feature = new_feature(layer, POINT)
    for spec in schema.FIELDS:
        if not spec.required or spec.system:
            continue
        feature[spec.name] = None
        ok, errors = QgsVectorLayerUtils.validateAttribute(layer, feature, layer.fields().indexOf(spec.name))
        assert not ok and f"{schema.field_label(spec.name)} is required." in " ".join(errors)


def test_an_intervention_saved_through_the_form_is_in_the_store_with_its_log(qtbot, layers, store_path):
    layer = layers[POINT]
    dialog = open_new_form(qtbot, layer, POINT)
    form = dialog.attributeForm()
    form.changeAttribute("title", "Nuovo access point Wi-Fi")
    form.changeAttribute("category", "wifi_site")
    form.changeAttribute("responsible_body", "gida")
    form.changeAttribute("start_date", QDate(2026, 9, 1))
    assert ok_button(dialog).isEnabled()
    qtbot.mouseClick(ok_button(dialog), 1)
    assert layer.commitChanges(), layer.commitErrors()
    saved = next(layer.getFeatures())
    assert (saved["title"], saved["category"], saved["responsible_body"], saved["surveyor"]) == (
        "Nuovo access point Wi-Fi", "wifi_site", "gida", "Giulia Bianchi")
    assert saved["start_date"] == QDate(2026, 9, 1)
    # dates are stored as ISO dates
    conn = database.connect(store_path)
    assert conn.execute("SELECT start_date FROM interventions_point").fetchone()[0] == "2026-09-01"
    assert [(r["uuid"], r["op"]) for r in database.change_log(store_path)] == [(saved["uuid"], "insert")]


def test_editing_an_existing_intervention_through_the_form_logs_an_update(qtbot, layers, store_path):
    from tests.qgis.store_helpers import add

    layer = layers[POINT]
    add(layer, POINT, title="Before")
    feature = next(layer.getFeatures())
    layer.startEditing()
    dialog = QgsAttributeDialog(layer, feature, False, None, True)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.attributeForm().changeAttribute("status", "approved")
    dialog.accept()
    assert layer.commitChanges(), layer.commitErrors()
    assert layer.getFeature(feature.id())["status"] == "approved"
    assert [r["op"] for r in database.change_log(store_path)] == ["insert", "update"]
