"""Adding an intervention at the GPS position, with a recorded NMEA stream fed to QGIS's own GPS connection."""

from __future__ import annotations

import pytest
from osgeo import osr
from qgis.core import QgsApplication, QgsNmeaConnection
from qgis.PyQt.QtCore import QBuffer, QIODevice, Qt

from prato_smartcity_plugin.adapters import settings
from prato_smartcity_plugin.adapters.store import database
from prato_smartcity_plugin.core.interventions.schema import GeometryKind
from tests.conftest import REPO

NMEA = REPO / "tests" / "data" / "piazza_duomo_walk.nmea"
LAST_FIX = (11.0965, 43.8811)  # lon, lat of the recording's last sentence


@pytest.fixture()
def store_in_tmp(tmp_path):
    path = tmp_path / "interventions.gpkg"
    settings.set("store_path", str(path))
    yield path
    settings.set("store_path", "")


@pytest.fixture()
def gps(qtbot):
    """QGIS's NMEA connection reading the recorded walk, registered where QGIS's GPS panel registers its own."""
    buffer = QBuffer()
    buffer.open(QIODevice.ReadWrite)
    connection = QgsNmeaConnection(buffer)
    registry = QgsApplication.gpsConnectionRegistry()
    registry.registerConnection(connection)
    received = []
    connection.stateChanged.connect(received.append)
    buffer.write(NMEA.read_bytes())
    buffer.seek(0)
    qtbot.waitUntil(
        lambda: bool(received) and abs(connection.currentGPSInformation().latitude - LAST_FIX[1]) < 1e-9, timeout=5000
    )
    yield connection
    registry.unregisterConnection(connection)


def _expected_6707():
    wgs84, rdn = osr.SpatialReference(), osr.SpatialReference()
    wgs84.ImportFromEPSG(4326)
    wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    rdn.ImportFromEPSG(6707)
    rdn.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)  # EPSG:6707 is declared northing first
    x, y, _ = osr.CoordinateTransformation(wgs84, rdn).TransformPoint(*LAST_FIX)
    return x, y


def test_add_intervention_at_the_gps_fix(qgis_iface, clean_project, store_in_tmp, gps, qtbot):
    from prato_smartcity_plugin.gui.field_panel import FieldPanel

    panel = FieldPanel(qgis_iface)
    qtbot.addWidget(panel)
    panel.refresh()
    assert panel.gps_button.isEnabled()
    assert "43.881100 N, 11.096500 E" in panel.gps_status.text()

    qtbot.mouseClick(panel.gps_button, Qt.LeftButton)
    from prato_smartcity_plugin.adapters.store import layers as store_layers

    layer = store_layers.project_layers()[GeometryKind.POINT]
    assert layer.isEditable() and len(qgis_iface.vectorLayerTools().added) == 1
    assert qgis_iface.activeLayer() is layer
    # the form QGIS opens here asks for the title (the store refuses an intervention without one); the fake tools skip
    # the form, so the test types it in the edit buffer
    [added] = qgis_iface.vectorLayerTools().added
    assert layer.changeAttributeValue(added.id(), layer.fields().indexOf("title"), "Tombino rotto")
    assert layer.commitChanges(), layer.commitErrors()
    feature = next(layer.getFeatures())
    point = feature.geometry().asMultiPoint()[0]
    x, y = _expected_6707()
    assert abs(point.x() - x) < 0.01 and abs(point.y() - y) < 0.01
    log = database.change_log(store_in_tmp)
    assert [(e["uuid"], e["op"]) for e in log] == [(feature["uuid"], "insert")]


def test_without_a_gps_the_button_is_off_and_the_user_is_told(qgis_iface, clean_project, store_in_tmp, qtbot):
    from prato_smartcity_plugin.gui.field_panel import FieldPanel

    panel = FieldPanel(qgis_iface)
    qtbot.addWidget(panel)
    assert not panel.gps_button.isEnabled()
    assert "No GPS connected" in panel.gps_status.text()
    panel.add_at_gps()  # e.g. from a shortcut while the GPS was unplugged
    texts = [item.text() for item in qgis_iface.messageBar().items()]
    assert any("No GPS is connected" in text for text in texts), texts
