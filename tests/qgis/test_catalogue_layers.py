"""Catalogue resources become QGIS layers, over QGIS's own network stack, against a real HTTP server on 127.0.0.1.

CKAN itself cannot run here (it needs Solr and PostgreSQL), so ``tests.ckan_server`` replays CKAN API v3's response
structure, serving the real Prato files and variants built from them.
"""

from __future__ import annotations

import threading
import time
import urllib.error
import urllib.request

import pytest
from qgis.core import QgsApplication, QgsCoordinateReferenceSystem, QgsProject, QgsVectorLayer

from prato_smartcity_plugin.adapters.catalogue_layers import PROPERTY_RESOURCE, load_layers
from prato_smartcity_plugin.adapters.catalogue_network import qgis_transport
from prato_smartcity_plugin.adapters.catalogue_tasks import CatalogueTask, add_resource, gpkg_converter
from prato_smartcity_plugin.core.catalogue.cache import CacheIndex
from prato_smartcity_plugin.core.catalogue.ckan import CkanClient, Resource, SearchQuery
from prato_smartcity_plugin.core.catalogue.service import PortalService
from prato_smartcity_plugin.core.errors import AuthenticationError, DataFormatError, InputError, NetworkError
from tests import ckan_server

ckan_files, ckan_portal = ckan_server.ckan_files, ckan_server.ckan_portal  # the replay portal's fixtures


@pytest.fixture()
def cache_root(tmp_path):
    return str(tmp_path / "cache")


@pytest.fixture()
def service(ckan_portal, cache_root):
    return PortalService(ckan_portal.base_url, qgis_transport(), CacheIndex(cache_root), max_archive_bytes=1024 * 1024,
                         converter=gpkg_converter)


def load(service, dataset_id, resource_id, crs_prompt=None):
    dataset = service.dataset(dataset_id)
    return load_layers(service.fetch(dataset, dataset.resource(resource_id)), crs_prompt)


def test_qgis_transport_talks_ckan_and_reports_bad_answers(ckan_portal, qgis_app):
    client = CkanClient(ckan_portal.base_url, qgis_transport())
    assert client.status_show()["ckan_version"] == "2.9.5"
    assert client.package_search(SearchQuery(text="ciclabili")).datasets[0].name == "piste-ciclabili"
    with pytest.raises(DataFormatError) as raised:
        CkanClient(ckan_portal.root + "/html", qgis_transport()).status_show()
    assert "web page, not with the CKAN API" in raised.value.message
    with pytest.raises(NetworkError) as raised:
        CkanClient(ckan_portal.root + "/failing", qgis_transport()).package_search(SearchQuery())
    assert "refused the request" in raised.value.message
    with pytest.raises(NetworkError) as raised:
        CkanClient(ckan_portal.root + "/slow", qgis_transport(), timeout=0.3).status_show()
    assert raised.value.message == "The server did not answer in time."
    ckan_portal.stop()
    with pytest.raises(NetworkError) as raised:
        client.status_show()
    assert "Cannot reach the server" in raised.value.message


@pytest.mark.parametrize("dataset_id, resource_id, count, authid", [
    ("piste-ciclabili", "res-ciclabili-geojson", 224, "EPSG:4326"),
    ("piste-ciclabili", "res-ciclabili-shp", 224, "EPSG:3003"),
    ("copertura-wifi", "res-wifi-kml", 25, "EPSG:4326"),
    ("copertura-wifi", "res-wifi-kmz", 25, "EPSG:4326"),
    ("confini-comunali", "res-confine-gpkg", 1, "EPSG:4326"),
    ("copertura-wifi", "res-wifi-csv-3003", 25, "EPSG:3003"),
    ("copertura-wifi", "res-wifi-csv-4326", 25, "EPSG:4326"),
    ("copertura-wifi", "res-wifi-csv-utf8", 25, "EPSG:3003"),
])
def test_each_format_loads_with_its_crs(service, dataset_id, resource_id, count, authid):
    report = load(service, dataset_id, resource_id)
    layer, = report.layers
    assert layer.isValid() and layer.featureCount() == count
    assert layer.crs().authid() == authid
    assert layer.customProperty(PROPERTY_RESOURCE) == resource_id
    if resource_id in ("res-ciclabili-geojson", "res-wifi-kml", "res-wifi-kmz"):  # kept as GeoPackage: fast reopen
        assert layer.source().split("|")[0].endswith(".gpkg")
    extent = layer.extent()
    if authid == "EPSG:3003":
        assert 1_650_000 < extent.xMinimum() < extent.xMaximum() < 1_690_000
    else:
        assert 11.0 < extent.xMinimum() < extent.xMaximum() < 11.2 and 43.8 < extent.yMinimum() < 43.95


def test_gpx_gives_its_tracks_and_waypoints_not_the_repeated_track_points(service):
    report = load(service, "piste-ciclabili", "res-ciclabili-gpx")
    layers = {layer.name(): layer for layer in report.layers}
    base = "Piste ciclabili — Piste ciclabili e hotspot (GPX)"
    assert sorted(layers) == [f"{base} (tracks)", f"{base} (waypoints)"]
    tracks, waypoints = layers[f"{base} (tracks)"], layers[f"{base} (waypoints)"]
    assert tracks.featureCount() == 224 and waypoints.featureCount() == 25
    assert tracks.crs().authid() == waypoints.crs().authid() == "EPSG:4326"
    assert "Piazza delle Carceri" in {f["name"] for f in waypoints.getFeatures()}
    assert all(layer.metadata().identifier() == "res-ciclabili-gpx" for layer in report.layers)


def test_latin1_csv_keeps_its_accents_and_decimal_commas(service):
    layer, = load(service, "copertura-wifi", "res-wifi-csv-3003").layers
    feature = next(layer.getFeatures())
    assert feature["Località"] == "Città di Prato"
    point = feature.geometry().asPoint()
    assert point.x() == pytest.approx(1668603.93) and point.y() == pytest.approx(4861223.39)
    windows, = load(service, "copertura-wifi", "res-wifi-csv-4326").layers
    assert any(f["nome"].endswith("– città") for f in windows.getFeatures())


def test_layer_metadata_carries_the_catalogue_record(service, ckan_portal):
    layer, = load(service, "piste-ciclabili", "res-ciclabili-geojson").layers
    metadata = layer.metadata()
    assert metadata.title() == "Piste ciclabili — Piste ciclabili (GeoJSON)"
    assert "Percorsi ciclabili del Comune di Prato" in metadata.abstract()
    assert metadata.licenses()[0].startswith("Open Data Commons Open Database License (ODbL)")
    assert "© OpenStreetMap contributors" in metadata.rights()
    assert metadata.identifier() == "res-ciclabili-geojson"
    links = {link.name: link.url for link in metadata.links()}
    assert links["Dataset page"] == f"{ckan_portal.root}/dataset/piste-ciclabili"
    assert links["Resource"] == ckan_portal.file_url("ciclabili.geojson")
    assert metadata.history()[0].startswith(f"Retrieved from {ckan_portal.file_url('ciclabili.geojson')} on 20")


def test_wms_and_wfs_are_service_layers(service):
    wms, = load(service, "piste-ciclabili", "res-ciclabili-wms").layers
    assert wms.providerType() == "wms" and wms.isValid() and "layers=ciclabili" in wms.source()
    wfs, = load(service, "piste-ciclabili", "res-ciclabili-wfs").layers
    assert wfs.providerType() == "WFS" and wfs.isValid() and "ciclabili" in wfs.source()
    assert wfs.fields().indexOf("osm_id") >= 0
    assert service.cache.resources() == []  # services are not downloaded


def test_table_and_invalid_geometries_are_reported_not_dropped(service):
    table = load(service, "risorse-difettose", "table-csv")
    layer, = table.layers
    assert not layer.isSpatial() and layer.featureCount() == 2
    assert any("added as a table" in m for m in table.messages())
    invalid = load(service, "risorse-difettose", "invalid-geometry")
    layer, = invalid.layers
    assert layer.featureCount() == 2
    (bad_fid,), = invalid.invalid_geometries.values()
    assert layer.getFeature(bad_fid)["nome"] == "farfalla"
    assert any("1 features have invalid geometries" in m for m in invalid.messages())


def test_crs_is_asked_only_when_nothing_tells(service):
    asked = []

    def prompt(name):
        asked.append(name)
        return QgsCoordinateReferenceSystem("EPSG:6707")

    layer, = load(service, "misure-locali", "local-csv", prompt).layers
    assert asked == ["Misure in coordinate locali — Misure"] and layer.crs().authid() == "EPSG:6707"
    with pytest.raises(InputError) as raised:
        load(service, "misure-locali", "local-csv", lambda name: None)
    assert "Nothing tells the coordinate reference system" in raised.value.message
    load(service, "copertura-wifi", "res-wifi-csv-3003", prompt)
    assert len(asked) == 1


def test_a_private_portal_through_a_qgis_auth_config(ckan_portal, cache_root, qgis_app):
    """The credentials live in QGIS's authentication database; the portal's address gets them, other hosts never."""
    from tests.qgis.test_sync_qgis import basic_authcfg

    anonymous = PortalService(ckan_portal.private_base_url, qgis_transport(), CacheIndex(cache_root))
    with pytest.raises(AuthenticationError) as raised:
        anonymous.search(SearchQuery(text="cantieri"))
    assert raised.value.message == "The portal refused access: check the authentication configured for it."

    authcfg = basic_authcfg(ckan_server.PRIVATE_USER, ckan_server.PRIVATE_PASSWORD, "Portale riservato")
    service = PortalService(ckan_portal.private_base_url, qgis_transport(authcfg, ckan_portal.private_base_url),
                            CacheIndex(cache_root), converter=gpkg_converter)
    dataset, = service.search(SearchQuery(text="cantieri")).datasets
    layer, = load_layers(service.fetch(dataset, dataset.resource("res-cantieri"))).layers
    assert layer.isValid() and layer.featureCount() == 224

    other = ckan_server.CkanReplay(dict(ckan_portal.files)).start()  # a resource on another host
    try:
        dataset.resources.append(Resource("res-altrove", "Altrove", other.file_url("wifi-free.geojson"), "GeoJSON"))
        service.fetch(dataset, dataset.resource("res-altrove"))
        (_path, headers), = [r for r in other.requests if r[0].startswith("/files/")]
        assert "Authorization" not in headers
        (_path, headers), = [r for r in ckan_portal.requests if r[0] == "/private/files/ciclabili.geojson"]
        assert headers["Authorization"].startswith("Basic ")
    finally:
        other.stop()


class ForwardingProxy:
    """An HTTP proxy on 127.0.0.1 that logs every request and forwards it: to ``portal`` for the host
    ``dati.comune.prato.invalid`` (which resolves nowhere: only through the proxy is it reachable), else as asked."""

    HOST = "dati.comune.prato.invalid"

    def __init__(self, portal_root: str):
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        seen = self.seen = []

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):  # noqa: N802
                seen.append(self.path)  # a proxy gets the absolute URL
                target = self.path.replace(f"http://{ForwardingProxy.HOST}", portal_root, 1)
                opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
                try:
                    reply = opener.open(urllib.request.Request(target, headers={
                        k: v for k, v in self.headers.items() if k.lower() in ("accept", "if-none-match")}))
                except urllib.error.HTTPError as error:
                    reply = error
                with reply:
                    body = reply.read()
                    self.send_response(reply.status if hasattr(reply, "status") else reply.code)
                    for key, value in reply.headers.items():
                        if key.lower() not in ("content-length", "connection", "transfer-encoding"):
                            self.send_header(key, value)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture()
def qgis_proxy(ckan_portal, qgis_app):
    """QGIS's own proxy settings (Settings ▸ Options ▸ Network) pointing at a ForwardingProxy; restored after."""
    from qgis.core import QgsNetworkAccessManager, QgsSettings

    proxy = ForwardingProxy(ckan_portal.root)
    keys = {"proxy/proxyEnabled": True, "proxy/proxyType": "HttpProxy", "proxy/proxyHost": "127.0.0.1",
            "proxy/proxyPort": str(proxy.server.server_address[1]), "proxy/proxyExcludedUrls": "",
            "proxy/noProxyUrls": ""}
    saved = {key: QgsSettings().value(key) for key in keys}
    for key, value in keys.items():
        QgsSettings().setValue(key, value)
    QgsNetworkAccessManager.instance().setupDefaultProxyAndCache()
    yield proxy
    for key, value in saved.items():
        if value is None:
            QgsSettings().remove(key)
        else:
            QgsSettings().setValue(key, value)
    QgsNetworkAccessManager.instance().setupDefaultProxyAndCache()
    proxy.stop()


def test_the_portal_and_its_downloads_go_through_the_proxy_set_in_qgis(qgis_proxy, cache_root):
    service = PortalService(f"http://{ForwardingProxy.HOST}/api/3", qgis_transport(), CacheIndex(cache_root),
                            converter=gpkg_converter)
    dataset, = service.search(SearchQuery(text="ciclabili")).datasets
    layer, = load_layers(service.fetch(dataset, dataset.resource("res-ciclabili-shp"))).layers
    assert layer.isValid() and layer.featureCount() == 224
    assert any(url.startswith(f"http://{ForwardingProxy.HOST}/api/3/action/package_search?") for url in qgis_proxy.seen)
    assert any(url.endswith("/files/ciclabili_3003_shp.zip") for url in qgis_proxy.seen)


def test_download_runs_in_a_task_with_progress(service, qgis_app):
    dataset = service.dataset("piste-ciclabili")
    outcome = {}
    task = CatalogueTask("download", lambda t: service.fetch(dataset, dataset.resource("res-ciclabili-shp"),
                                                             progress=t.progress_callback()),
                         on_done=lambda entry: outcome.setdefault("entry", entry),
                         on_error=lambda error: outcome.setdefault("error", error))
    QgsApplication.taskManager().addTask(task)
    deadline = time.monotonic() + 60
    while not outcome and time.monotonic() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.01)
    assert "error" not in outcome, outcome.get("error")
    assert outcome["entry"].path.endswith(".shp") and task.progress() == 100


def test_ciclabili_story_survives_a_restart_with_the_network_off(ckan_portal, cache_root, clean_project, tmp_path):
    """The planner finds "ciclabili", adds it to the map, restarts QGIS with no network, and still has it."""
    service = PortalService(ckan_portal.base_url, qgis_transport(), CacheIndex(cache_root), converter=gpkg_converter)
    found = service.search(SearchQuery(text="ciclabili"))
    dataset = found.datasets[0]
    report = add_resource(service, dataset, dataset.resources[0], clean_project)
    assert [layer.name() for layer in clean_project.mapLayers().values()] == [report.layers[0].name()]
    project_file = str(tmp_path / "planning.qgz")
    assert clean_project.write(project_file)

    ckan_portal.stop()  # network off
    clean_project.clear()  # "restart": a new project, a new service over the same cache folder
    offline = PortalService(ckan_portal.base_url, qgis_transport(), CacheIndex(cache_root), converter=gpkg_converter)
    again = offline.search(SearchQuery(text="ciclabili"))
    assert again.offline and again.datasets[0].title == "Piste ciclabili"
    report = add_resource(offline, again.datasets[0], again.datasets[0].resources[0], clean_project)
    layer, = report.layers
    assert layer.isValid() and layer.featureCount() == 224
    assert any("cannot be reached" in m for m in report.messages())

    clean_project.clear()
    assert clean_project.read(project_file)
    reopened, = clean_project.mapLayers().values()
    assert isinstance(reopened, QgsVectorLayer) and reopened.isValid() and reopened.featureCount() == 224
    assert reopened.metadata().identifier() == "res-ciclabili-geojson"
    QgsProject.instance().clear()
