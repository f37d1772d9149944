"""Preparing a field kit from a project with local and online layers, then opening it with every server stopped."""

from __future__ import annotations

import http.server
import sqlite3
import threading

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsMapRendererSequentialJob,
    QgsMapSettings,
    QgsProject,
    QgsRasterLayer,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice, QSize
from qgis.PyQt.QtGui import QColor, QImage

from tests.conftest import SHARED_DATA

# The historic centre of Prato, in EPSG:6707 (RDN2008 / UTM 32N)
CENTRE = QgsRectangle(667000, 4859500, 669500, 4861500)


def _png(color: str) -> bytes:
    image = QImage(256, 256, QImage.Format_ARGB32)
    image.fill(QColor(color))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


class TileServer:
    """A real XYZ tile server on loopback: every tile is a red square; it counts what it served."""

    def __init__(self):
        tile = _png("#d03030")
        served = self.served = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                served.append(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(tile)))
                self.end_headers()
                self.wfile.write(tile)

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture()
def tile_server():
    server = TileServer()
    yield server
    server.stop()


def _make_store(path, project):
    """The real interventions store with two interventions: one already synced, one still pending."""
    from prato_smartcity_plugin.adapters.store import layers as store_layers
    from prato_smartcity_plugin.core.interventions.schema import GeometryKind
    from tests.qgis.store_helpers import add

    layers = store_layers.open_layers(path, project)
    point = layers[GeometryKind.POINT]
    synced = add(point, GeometryKind.POINT, "MultiPoint ((668300 4860600))", title="Piazza del Duomo")
    add(point, GeometryKind.POINT, "MultiPoint ((668600 4860600))", title="Via Cairoli")
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE change_log SET pushed_at = '2026-11-20T10:05:00Z' WHERE uuid = ?", (synced["uuid"],))
    return layers


@pytest.fixture()
def office_project(tmp_path, tile_server, clean_project, prato_provider):
    project = clean_project
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:6707"))
    cycle = QgsVectorLayer(str(SHARED_DATA / "cycleways" / "ciclabili.geojson"), "Piste ciclabili", "ogr")
    boundary = QgsVectorLayer(str(SHARED_DATA / "boundary" / "prato_comune_100005.geojson"), "Comune", "ogr")
    basemap = QgsRasterLayer(
        f"type=xyz&url={tile_server.url}/%7Bz%7D/%7Bx%7D/%7By%7D.png&zmin=0&zmax=19", "Basemap", "wms"
    )
    store_path = tmp_path / "office" / "interventions.gpkg"
    _make_store(store_path, project)
    broken = QgsVectorLayer(str(tmp_path / "missing.geojson"), "Layer perso", "ogr")
    for layer in (cycle, boundary, basemap):
        assert layer.isValid(), layer.name()
    group = project.layerTreeRoot().addGroup("Dati")
    for layer in (cycle, boundary):
        project.addMapLayer(layer, False)
        group.addLayer(layer)
    project.addMapLayers([broken, basemap])
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:6707"))  # after the layers, whatever set it on the first one
    yield project, {"cycle": cycle, "store_path": store_path, "basemap": basemap}


def _prepare(folder, **extra):
    import processing

    params = {
        "EXTENT": f"{CENTRE.xMinimum()},{CENTRE.xMaximum()},{CENTRE.yMinimum()},{CENTRE.yMaximum()} [EPSG:6707]",
        "ZOOM_MIN": 13,
        "ZOOM_MAX": 15,
        "FOLDER": str(folder),
    }
    params.update(extra)
    return processing.run("pratosmartcity:prepare_field_kit", params)


def test_kit_works_with_every_server_stopped(office_project, tile_server, tmp_path):
    project, parts = office_project
    result = _prepare(tmp_path / "kit")
    assert result["SIZE_AFTER"] > 0 and result["SIZE_BEFORE"] > 0
    assert "Layer perso" in result["REPORT"] and "not taken offline" in result["REPORT"]
    assert tile_server.served, f"the basemap was not fetched: {result['REPORT']}"
    tile_server.stop()

    kit = QgsProject()
    assert kit.read(result["PROJECT"])
    layers = {layer.name(): layer for layer in kit.mapLayers().values()}
    assert set(layers) == {
        "Piste ciclabili",
        "Comune",
        "Basemap",
        "Interventions (points)",
        "Interventions (lines)",
        "Interventions (areas)",
    }
    for layer in layers.values():
        assert layer.isValid(), layer.name()
        assert str(tmp_path / "kit") in layer.source(), f"{layer.name()} still reads {layer.source()}"
    assert kit.layerTreeRoot().findGroup("Dati") is not None

    # vectors are clipped to the area, in their own CRS
    cycle = layers["Piste ciclabili"]
    assert 0 < cycle.featureCount() < parts["cycle"].featureCount()
    area = QgsGeometry.fromRect(CENTRE)
    area.transform(
        QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:6707"), cycle.crs(), kit.transformContext())
    )
    grown = area.buffer(1e-6, 2)
    outside = [f.geometry().difference(grown).length() for f in cycle.getFeatures() if not grown.contains(f.geometry())]
    assert not outside, (outside, cycle.crs().authid(), area.asWkt(6))

    # the basemap renders from the MBTiles with no server: red pixels in the middle of the map
    basemap = layers["Basemap"]
    assert basemap.providerType() == "gdal" and basemap.source().endswith(".mbtiles")
    settings = QgsMapSettings()
    settings.setLayers([basemap])
    settings.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:6707"))
    settings.setExtent(CENTRE)
    settings.setOutputSize(QSize(200, 160))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    pixel = QColor(job.renderedImage().pixel(100, 80))
    assert pixel.red() > 180 and pixel.green() < 80 and pixel.blue() < 80, pixel.name()

    # the kit's interventions layers are the store's (form, change log) and write into the kit's own store
    from prato_smartcity_plugin.adapters.store import layers as store_layers

    kit_store = store_layers.project_layers(kit)
    assert len(kit_store) == 3
    assert {store_layers.store_path_of(layer) for layer in kit_store.values()} == {
        tmp_path / "kit" / "interventions.gpkg"
    }

    # opened as the current project, new interventions go into the kit's store even if the options name another
    from prato_smartcity_plugin.adapters import settings

    settings.set("store_path", str(parts["store_path"]))
    try:
        QgsProject.instance().read(result["PROJECT"])
        assert store_layers.locate_store() == tmp_path / "kit" / "interventions.gpkg"
    finally:
        settings.set("store_path", "")
        QgsProject.instance().clear()

    # the store came whole; its pending change stays the office's to push
    with sqlite3.connect(tmp_path / "kit" / "interventions.gpkg") as conn:
        assert conn.execute("SELECT count(*) FROM change_log WHERE pushed_at IS NULL").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM interventions_point").fetchone()[0] == 2
    with sqlite3.connect(parts["store_path"]) as conn:
        assert conn.execute("SELECT count(*) FROM change_log WHERE pushed_at IS NULL").fetchone()[0] == 1


def test_preparing_twice_duplicates_nothing_and_never_overwrites_field_edits(office_project, tmp_path):
    first = _prepare(tmp_path / "kit")
    kit_count = QgsVectorLayer(f"{tmp_path / 'kit' / 'data.gpkg'}|layername=piste_ciclabili", "x", "ogr").featureCount()
    second = _prepare(tmp_path / "kit")
    assert second["PROJECT"] == first["PROJECT"]
    again = QgsVectorLayer(f"{tmp_path / 'kit' / 'data.gpkg'}|layername=piste_ciclabili", "x", "ogr")
    assert again.featureCount() == kit_count
    assert not (tmp_path / "kit.partial").exists()

    # a field edit not yet synced: preparing again into the same folder is refused, the edit is kept
    with sqlite3.connect(tmp_path / "kit" / "interventions.gpkg") as conn:
        conn.execute(
            "INSERT INTO change_log (uuid, layer, op, changed_at) VALUES "
            "('a1', 'interventions_point', 'update', '2026-11-22T11:00:00Z')"
        )
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="not yet synced"):
        _prepare(tmp_path / "kit")
    with sqlite3.connect(tmp_path / "kit" / "interventions.gpkg") as conn:
        assert conn.execute("SELECT count(*) FROM change_log WHERE pushed_at IS NULL").fetchone()[0] == 1


def test_refuses_a_non_kit_folder_and_an_area_too_big_for_the_tile_limit(office_project, tmp_path):
    from qgis.core import QgsProcessingException

    other = tmp_path / "documents"
    other.mkdir()
    (other / "relazione.odt").write_text("x")
    with pytest.raises(QgsProcessingException, match="not empty"):
        _prepare(other)
    assert (other / "relazione.odt").exists()
    result = _prepare(tmp_path / "kit", MAX_TILES=3)
    assert "Basemap: not taken offline" in result["REPORT"] and "limit of 3" in result["REPORT"]
