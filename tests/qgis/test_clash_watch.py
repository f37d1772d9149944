"""Saving a clashing road work through the layer's edit buffer warns in the message bar (the plugin loaded as QGIS
loads it, a FakeIface of real widgets, real GeoPackage layers)."""

import pytest
from qgis.core import QgsGeometry, QgsProject
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import QPushButton

import prato_smartcity_plugin
from prato_smartcity_plugin.adapters import settings
from prato_smartcity_plugin.adapters.road_works import CLASHES_LAYER_PROPERTY, SOURCE_PROPERTY
from tests.qgis.road_works_data import add, create_layer, feature, line, road_works_layers, square


@pytest.fixture()
def plugin(qgis_iface):
    settings.set("clash_warn_on_save", True)
    plugin = prato_smartcity_plugin.classFactory(qgis_iface)
    plugin.initProcessing()
    plugin.initGui()
    yield plugin
    plugin.unload()


@pytest.fixture()
def store(tmp_path, plugin):
    polygons, lines = road_works_layers(tmp_path)
    add(polygons, feature(polygons, square(0, 0), "2026-03-01", "2026-03-20", "publiacqua", "Water mains",
                          "Via Roma"))
    QgsProject.instance().addMapLayers([polygons, lines])
    return polygons, lines


def messages(iface):
    QCoreApplication.processEvents()  # the check runs from the event loop, right after the commit
    return [item.text() for item in iface.messageBar().items()]


def save(layer, *features):
    assert layer.startEditing()
    for f in features:
        assert layer.addFeature(f)
    assert layer.commitChanges(), layer.commitErrors()


def test_saving_a_clashing_road_work_warns_with_the_other_work_its_body_and_the_period(qgis_iface, store):
    polygons, lines = store
    save(lines, feature(lines, line((10, -30), (10, 50)), "2026-03-15", "2026-04-30", "toscana_energia",
                        "Gas trench", "Via Roma"))
    [text] = messages(qgis_iface)
    assert '"Gas trench" overlaps "Water mains" by Publiacqua' in text
    assert "from 2026-03-15 to 2026-03-20 (6 days)" in text

    button = qgis_iface.messageBar().items()[0].findChild(QPushButton, "pratoShowClashesButton")
    button.click()
    [layer] = [lyr for lyr in QgsProject.instance().mapLayers().values()
               if lyr.customProperty(CLASHES_LAYER_PROPERTY)]
    [clash] = list(layer.getFeatures())
    assert {clash["a_title"], clash["b_title"]} == {"Water mains", "Gas trench"}
    assert clash.geometry().length() > 0 and layer.renderer().type() == "RuleRenderer"
    assert qgis_iface.mapCanvas().extent().contains(layer.extent())
    assert QgsProject.instance().layerTreeRoot().children()[0].layer() is layer  # on top of the layer tree
    assert layer.customProperty("skipMemoryLayersCheck") == 1  # QGIS does not ask about it on exit
    # showing again replaces the layer rather than piling them up
    button.click()
    assert len([lyr for lyr in QgsProject.instance().mapLayers().values()
                if lyr.customProperty(CLASHES_LAYER_PROPERTY)]) == 1


def test_saving_a_road_work_that_clashes_with_nothing_stays_quiet(qgis_iface, store):
    polygons, lines = store
    save(polygons,
         feature(polygons, square(5, 5), "2026-04-01", "2026-04-30", "estracom", "Later fibre", "Via Roma"),
         feature(polygons, square(500, 0), "2026-03-01", "2026-03-20", "cap", "Elsewhere", "Via Roma"),
         feature(polygons, square(5, 5), "2026-03-01", "2026-03-20", "comune_prato", "A square", category="square"))
    assert messages(qgis_iface) == []


def test_moving_a_saved_work_onto_another_warns_too(qgis_iface, store):
    polygons, lines = store
    save(polygons, feature(polygons, square(300, 0), "2026-03-10", "2026-03-12", "alia", "Bins", "Via Firenze"))
    assert messages(qgis_iface) == []
    bins = next(f for f in polygons.getFeatures() if f["title"] == "Bins")
    assert polygons.startEditing()
    assert polygons.changeGeometry(bins.id(), QgsGeometry.fromWkt(square(10, 10)))
    assert polygons.commitChanges()
    [text] = messages(qgis_iface)
    assert '"Bins" overlaps "Water mains" by Publiacqua, from 2026-03-10 to 2026-03-12 (3 days)' in text


def test_a_work_received_from_the_api_is_named_as_such(qgis_iface, store, tmp_path):
    polygons, lines = store
    api = create_layer(tmp_path / "api.gpkg", "polygon", name="received")
    api.setCustomProperty(SOURCE_PROPERTY, "api")
    add(api, feature(api, square(70, 0), "2026-03-18", None, "estracom", "Fibre (API)", "v. roma 3"))
    QgsProject.instance().addMapLayer(api)
    save(polygons, feature(polygons, square(15, 0, 5), "2026-03-01", "2026-03-31", "cap", "Bus lane", "VIA ROMA"))
    texts = messages(qgis_iface)
    assert len(texts) == 2  # the water mains (overlap) and the API's fibre works (same street, 50 m)
    api_text = next(t for t in texts if "Fibre (API)" in t)
    assert "is 50 m away on the same street from" in api_text and "received from the municipal API" in api_text
    assert "from 2026-03-18 to 2026-03-31 (14 days)" in api_text


def test_the_warning_can_be_turned_off_and_unload_stops_watching(qgis_iface, store, plugin):
    polygons, lines = store
    settings.set("clash_warn_on_save", False)
    try:
        save(polygons, feature(polygons, square(5, 5), "2026-03-01", "2026-03-20", "cap", "Quiet", "Via Roma"))
        assert messages(qgis_iface) == []
    finally:
        settings.set("clash_warn_on_save", True)
    plugin.unload()
    save(polygons, feature(polygons, square(6, 6), "2026-03-01", "2026-03-20", "alia", "Unwatched", "Via Roma"))
    assert messages(qgis_iface) == []
    plugin.initGui()  # the fixture unloads it again


def test_the_interventions_store_itself_warns_on_a_clashing_save(qgis_iface, plugin, tmp_path):
    """The surveyor's story on the real store (its layers, form defaults and save hooks): a road work drawn over
    another one at the same time gets the warning."""
    from qgis.PyQt.QtCore import QDate

    from prato_smartcity_plugin.adapters.store import layers as store_layers
    from prato_smartcity_plugin.core.interventions.schema import GeometryKind
    from tests.qgis.store_helpers import add as add_intervention

    settings.set("store_path", str(tmp_path / "interventions.gpkg"))
    try:
        layers = store_layers.open_layers()
        area, line_layer = layers[GeometryKind.POLYGON], layers[GeometryKind.LINE]
        add_intervention(area, GeometryKind.POLYGON, "MultiPolygon (((668000 4860000, 668040 4860000, "
                         "668040 4860020, 668000 4860020, 668000 4860000)))", title="Rifacimento fognatura",
                         category="road_works", status="approved", responsible_body="publiacqua",
                         street="Via Santa Trinità", start_date=QDate(2026, 5, 4), end_date=QDate(2026, 5, 29))
        assert messages(qgis_iface) == []
        add_intervention(line_layer, GeometryKind.LINE, "MultiLineString ((668020 4859990, 668020 4860100))",
                         title="Posa fibra", category="road_works", status="proposed", responsible_body="estracom",
                         street="via S. Trinita", start_date=QDate(2026, 5, 25), end_date=QDate(2026, 6, 12))
        [text] = messages(qgis_iface)
        assert ('"Posa fibra" overlaps "Rifacimento fognatura" by Publiacqua, from 2026-05-25 to 2026-05-29 (5 days)'
                in text)
    finally:
        for layer in store_layers.project_layers().values():
            if layer.isEditable():
                layer.rollBack()
        settings.set("store_path", "")


def test_two_clashing_works_saved_at_once_are_reported_once(qgis_iface, store):
    """"Save All Layers" commits the layers one after the other before the event loop runs: the clash between the two
    works just saved is one warning, not one from each side."""
    polygons, lines = store
    for layer, item in ((polygons, feature(polygons, square(300, 300), "2026-07-01", "2026-07-20", "alia", "Bins",
                                           "Via Firenze")),
                        (lines, feature(lines, line((310, 280), (310, 340)), "2026-07-10", "2026-07-30", "estracom",
                                        "Fibre", "Via Firenze"))):
        assert layer.startEditing() and layer.addFeature(item)
    assert polygons.commitChanges() and lines.commitChanges()
    [text] = messages(qgis_iface)
    assert '"Bins" overlaps "Fibre"' in text or '"Fibre" overlaps "Bins"' in text
    assert "from 2026-07-10 to 2026-07-20 (11 days)" in text
