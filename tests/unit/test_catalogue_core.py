"""The catalogue core against a real HTTP server on 127.0.0.1.

CKAN itself cannot run here (it needs Solr and PostgreSQL), so ``tests.ckan_server`` replays CKAN API v3's response
structure; the resources are the real Prato files and variants built from them. The transport is the standard
library's (the QGIS transport is tested in tests/qgis).
"""

from __future__ import annotations

import os

import pytest

from prato_smartcity_plugin.core.catalogue import formats
from prato_smartcity_plugin.core.catalogue.cache import CacheIndex
from prato_smartcity_plugin.core.catalogue.ckan import (
    SORT_MODIFIED,
    CkanClient,
    SearchQuery,
    normalise_base_url,
    urllib_transport,
)
from prato_smartcity_plugin.core.catalogue.csvsniff import guess_crs, sniff_csv
from prato_smartcity_plugin.core.catalogue.service import LargeDownloadError, PortalService
from prato_smartcity_plugin.core.errors import (
    CancelledError,
    DataFormatError,
    NetworkError,
)
from tests import ckan_server

ckan_files, ckan_portal = ckan_server.ckan_files, ckan_server.ckan_portal  # the replay portal's fixtures


@pytest.fixture()
def cache(tmp_path):
    return CacheIndex(str(tmp_path / "cache"))


@pytest.fixture()
def service(ckan_portal, cache):
    return PortalService(ckan_portal.base_url, urllib_transport, cache, max_archive_bytes=1024 * 1024)


def assert_cache_holds_nothing(cache: CacheIndex) -> None:
    assert cache.resources() == []
    assert os.listdir(os.path.join(cache.root, "resources")) == []
    assert os.listdir(os.path.join(cache.root, "tmp")) == []


# --- the CKAN client ----------------------------------------------------------------------------------------------
def test_status_organisations_and_groups(ckan_portal):
    client = CkanClient(ckan_portal.root, urllib_transport)  # a site address works: /api/3 is added
    assert client.status_show()["ckan_version"] == "2.9.5"
    orgs = {o.name: o for o in client.organization_list()}
    assert orgs["comune-di-prato"].title == "Comune di Prato" and orgs["comune-di-prato"].package_count == 4
    assert {g.title for g in client.group_list()} == {"Trasporti", "Ambiente", "Regioni e città"}


def test_search_with_facets_paging_and_sort(ckan_portal):
    client = CkanClient(ckan_portal.base_url, urllib_transport)
    result = client.package_search(SearchQuery(text="ciclabili"))
    assert result.count == 1 and result.datasets[0].title == "Piste ciclabili"
    dataset = result.datasets[0]
    assert dataset.license_title.startswith("Open Data Commons") and dataset.publisher == "Comune di Prato"
    assert [r.format for r in dataset.resources] == ["GeoJSON", "SHP", "GeoJSON", "wms", "OGC WFS", "GPX"]
    everything = client.package_search(SearchQuery(rows=2, sort=SORT_MODIFIED))
    assert everything.count == 5 and len(everything.datasets) == 2
    assert everything.datasets[0].name == "copertura-wifi"  # most recently modified
    page2 = client.package_search(SearchQuery(rows=2, start=2, sort=SORT_MODIFIED))
    assert {d.name for d in page2.datasets}.isdisjoint({d.name for d in everything.datasets})
    formats_facet = {item.name: item.count for item in everything.facets["res_format"]}
    assert formats_facet["GeoJSON"] == 4 and formats_facet["KML"] == 2
    by_org = client.package_search(SearchQuery(organization="regione-toscana"))
    assert [d.name for d in by_org.datasets] == ["confini-comunali"]
    by_group_and_tag = client.package_search(SearchQuery(group="regioni-e-citta", tags=("wifi",)))
    assert [d.name for d in by_group_and_tag.datasets] == ["copertura-wifi"]
    by_licence = client.package_search(SearchQuery(license_id="odc-odbl", res_format="SHP"))
    assert [d.name for d in by_licence.datasets] == ["piste-ciclabili"]


def test_package_show_and_unknown_dataset(ckan_portal):
    client = CkanClient(ckan_portal.base_url, urllib_transport)
    dataset = client.package_show("copertura-wifi")
    assert dataset.resource("res-wifi-kml").format == "KML"
    with pytest.raises(NetworkError) as raised:
        client.package_show("does-not-exist")
    assert "does not know this item" in raised.value.message and raised.value.status == 404


@pytest.mark.parametrize("path, error, message", [
    ("/html", DataFormatError, "web page, not with the CKAN API"),
    ("/failing", NetworkError, "refused the request: Search Query Error"),
    ("/notckan", DataFormatError, "not a CKAN API response"),
])
def test_bad_portal_answers(ckan_portal, path, error, message):
    client = CkanClient(ckan_portal.root + path, urllib_transport)
    with pytest.raises(error) as raised:
        client.package_search(SearchQuery(text="x"))
    assert message in raised.value.message


def test_unreachable_portal_and_timeout(ckan_portal):
    client = CkanClient(ckan_portal.root + "/slow", urllib_transport, timeout=0.3)
    with pytest.raises(NetworkError) as raised:
        client.status_show()
    assert raised.value.message == "The server did not answer in time."
    ckan_portal.stop()
    with pytest.raises(NetworkError) as raised:
        CkanClient(ckan_portal.base_url, urllib_transport).status_show()
    assert "Cannot reach the server" in raised.value.message and raised.value.status is None


def test_base_url_forms():
    for url in ("https://dati.example.it", "https://dati.example.it/", "https://dati.example.it/api/3/",
                "https://dati.example.it/api/3/action"):
        assert normalise_base_url(url) == "https://dati.example.it/api/3"


# --- formats and CSV ----------------------------------------------------------------------------------------------
def test_format_labels_are_normalised():
    assert formats.normalise_format("wms") == formats.normalise_format("WMS") == formats.normalise_format(
        " OGC WMS ") == formats.WMS
    assert formats.normalise_format("", "https://x/geoserver/ows?service=WFS&request=GetCapabilities") == formats.WFS
    assert formats.normalise_format("SHP") == formats.normalise_format("zip") == formats.SHAPEFILE_ZIP
    assert formats.normalise_format("", "https://x/a/b.geojson?x=1") == formats.GEOJSON
    assert formats.normalise_format("XLS") == formats.UNKNOWN


def test_csv_sniffing_of_the_city_variants(ckan_files):
    latin = sniff_csv(ckan_files["hotspot_wifi_3003.csv"])
    assert (latin.encoding, latin.delimiter, latin.decimal_comma) == ("ISO-8859-1", ";", True)
    assert (latin.x_field, latin.y_field, latin.crs) == ("X_coord", "Y_coord", "EPSG:3003")
    assert "Località" in latin.fields
    windows = sniff_csv(ckan_files["hotspot_wifi_4326_cp1252.csv"])
    assert (windows.encoding, windows.x_field, windows.y_field, windows.crs) == ("windows-1252", "lon", "lat",
                                                                                 "EPSG:4326")
    plain = sniff_csv(ckan_files["wifi_coverage_centroids_derived_epsg3003.csv"])
    assert (plain.encoding, plain.delimiter, plain.decimal_comma, plain.crs) == ("UTF-8", ",", False, "EPSG:3003")
    table = sniff_csv(ckan_files["residenti_per_quartiere.csv"])
    assert not table.has_geometry


def test_crs_guessing_only_when_ranges_tell():
    assert guess_crs(11.03, 43.82, 11.13, 43.91) == "EPSG:4326"
    assert guess_crs(1_660_000, 4_850_000, 1_670_000, 4_870_000) == "EPSG:3003"
    assert guess_crs(0, 0, 100, 100) is None


# --- fetching into the cache --------------------------------------------------------------------------------------
@pytest.mark.parametrize("dataset_id, resource_id, kind, suffix", [
    ("piste-ciclabili", "res-ciclabili-geojson", formats.GEOJSON, ".geojson"),
    ("piste-ciclabili", "res-ciclabili-shp", formats.SHAPEFILE_ZIP, ".shp"),
    ("copertura-wifi", "res-wifi-kml", formats.KML, ".kml"),
    ("copertura-wifi", "res-wifi-kmz", formats.KML, ".kml"),
    ("copertura-wifi", "res-wifi-csv-3003", formats.CSV, ".csv"),
    ("confini-comunali", "res-confine-gpkg", formats.GPKG, ".gpkg"),
    ("piste-ciclabili", "res-ciclabili-gpx", formats.GPX, ".gpx"),
    ("copertura-wifi", "res-wifi-csv-utf8", formats.CSV, ".csv"),
])
def test_fetch_each_format_into_the_cache(service, cache, dataset_id, resource_id, kind, suffix):
    dataset = service.dataset(dataset_id)
    entry = service.fetch(dataset, dataset.resource(resource_id))
    assert entry.kind == kind and entry.path.endswith(suffix) and os.path.isfile(entry.path)
    assert entry.path.startswith(os.path.join(cache.root, "resources"))
    stored = cache.resource(resource_id)
    assert stored.etag and stored.size > 0 and stored.licence == dataset.license_title
    assert stored.dataset_page.endswith(f"/dataset/{dataset.name}")
    if kind == formats.SHAPEFILE_ZIP:
        assert os.path.isfile(entry.path[:-4] + ".prj")
    assert os.listdir(os.path.join(cache.root, "tmp")) == []


def test_wms_resource_is_a_service_not_a_download(service, ckan_portal, cache):
    dataset = service.dataset("piste-ciclabili")
    entry = service.fetch(dataset, dataset.resource("res-ciclabili-wms"))
    assert entry.kind == formats.WMS and entry.path == ""
    assert [layer["name"] for layer in entry.layout["layers"]] == ["ciclabili"]
    assert not any(path.startswith("/files") for path, _ in ckan_portal.requests)
    assert cache.resources() == []


def test_second_load_is_a_conditional_request_answered_from_the_cache(service, ckan_portal):
    dataset = service.dataset("piste-ciclabili")
    first = service.fetch(dataset, dataset.resource("res-ciclabili-geojson"))
    ckan_portal.requests.clear()
    second = service.fetch(dataset, dataset.resource("res-ciclabili-geojson"))
    assert second.from_cache and second.path == first.path
    (path, headers), = [r for r in ckan_portal.requests if r[0].startswith("/files/")]
    assert headers.get("If-None-Match") == first.etag


def test_a_resource_changed_on_the_portal_is_downloaded_again(service, ckan_portal, ckan_files, tmp_path):
    dataset = service.dataset("confini-comunali")
    first = service.fetch(dataset, dataset.resource("res-confine-geojson"))
    changed = tmp_path / "changed.geojson"
    changed.write_bytes(open(ckan_files["prato_comune_100005.geojson"], "rb").read().replace(b"Prato", b"PRATO"))
    ckan_portal.files["prato_comune_100005.geojson"] = str(changed)
    second = service.fetch(dataset, dataset.resource("res-confine-geojson"))
    assert not second.from_cache and second.etag != first.etag
    assert b"PRATO" in open(second.path, "rb").read()


def test_a_new_modification_date_on_the_portal_fetches_again_without_asking_the_server_for_a_304(
        service, ckan_portal):
    dataset = service.dataset("piste-ciclabili")
    first = service.fetch(dataset, dataset.resource("res-ciclabili-shp"))
    resource = dataset.resource("res-ciclabili-shp")
    resource.last_modified = "2026-11-01T10:00:00.000000"  # CKAN's metadata says the resource changed
    ckan_portal.requests.clear()
    second = service.fetch(dataset, resource)
    (path, headers), = [r for r in ckan_portal.requests if r[0].startswith("/files/")]
    assert "If-None-Match" not in headers and not second.from_cache
    assert service.cache.resource("res-ciclabili-shp").last_modified == "2026-11-01T10:00:00.000000"
    assert second.etag == first.etag  # the same file, downloaded again and re-indexed


def test_a_dead_network_with_nothing_seen_before_says_so(service, ckan_portal, cache):
    ckan_portal.stop()
    with pytest.raises(NetworkError) as raised:
        service.search(SearchQuery(text="ciclabili"))
    assert raised.value.message == "Cannot reach the server: check the address and your network connection."


def test_offline_search_and_cached_resources(service, ckan_portal, cache):
    found = service.search(SearchQuery(text="ciclabili"))
    dataset = found.datasets[0]
    service.fetch(dataset, dataset.resource("res-ciclabili-geojson"))
    service.organizations()
    service.search(SearchQuery())  # the whole catalogue seen once
    ckan_portal.stop()
    offline = service.search(SearchQuery(text="ciclabili"))
    assert offline.offline and [d.title for d in offline.datasets] == ["Piste ciclabili"]
    assert service.search(SearchQuery(organization="regione-toscana")).datasets[0].name == "confini-comunali"
    assert {o.name for o in service.organizations()} == {"comune-di-prato", "regione-toscana"}
    entry = service.fetch(service.dataset(dataset.name), dataset.resource("res-ciclabili-geojson"))
    assert entry.offline and os.path.isfile(entry.path) and "cannot be reached" in entry.notes[0]
    with pytest.raises(NetworkError) as raised:  # never cached: a clear error, not a crash
        service.fetch(dataset, dataset.resource("res-ciclabili-shp"))
    assert "Cannot reach the server" in raised.value.message


def test_a_geojson_that_is_a_zip_is_read_as_what_it_is(service):
    dataset = service.dataset("risorse-difettose")
    entry = service.fetch(dataset, dataset.resource("geojson-is-zip"))
    assert entry.kind == formats.GEOJSON and entry.path.endswith("ciclabili.geojson")
    assert "labels this resource GeoJSON, but it is a zip holding GEOJSON" in entry.notes[0]


@pytest.mark.parametrize("resource_id, error, message", [
    ("dead-link", NetworkError, "was not found on the server (HTTP 404): the link may be dead"),
    ("server-error", NetworkError, "The server failed while sending the resource Errore del server (HTTP 500)"),
    ("html-page", DataFormatError, "leads to a web page, not to data"),
    ("corrupt-zip", DataFormatError, "damaged zip archive"),
    ("zip-slip", DataFormatError, "would be written outside its folder (../../evil.shp): it was refused"),
    ("zip-absolute", DataFormatError, "would be written outside its folder (/tmp/evil.shp): it was refused"),
    ("zip-bomb", DataFormatError, "expands to more than 1 MB: it was refused"),
    ("kml-xxe", DataFormatError, "declares XML entities"),
    ("empty-file", DataFormatError, "The resource is an empty file."),
    ("plain-json", DataFormatError, "JSON but not GeoJSON"),
    ("unknown-format", DataFormatError, "The format of the resource is unknown"),
])
def test_bad_resources_give_a_clear_message_and_leave_nothing_in_the_cache(service, cache, resource_id, error,
                                                                           message):
    dataset = service.dataset("risorse-difettose")
    with pytest.raises(error) as raised:
        service.fetch(dataset, dataset.resource(resource_id))
    assert message in raised.value.message
    assert_cache_holds_nothing(cache)


def test_a_resource_that_times_out_leaves_nothing(ckan_portal, cache):
    service = PortalService(ckan_portal.base_url, urllib_transport, cache, timeout=0.5)
    dataset = service.dataset("risorse-difettose")
    with pytest.raises(NetworkError) as raised:
        service.fetch(dataset, dataset.resource("slow-resource"))
    assert raised.value.message == "The server did not answer in time."
    assert_cache_holds_nothing(cache)


def test_size_question_and_cancel_leave_nothing_half_written(service, cache):
    dataset = service.dataset("piste-ciclabili")
    resource = dataset.resource("res-ciclabili-geojson")
    with pytest.raises(LargeDownloadError) as raised:
        service.fetch(dataset, resource, confirm_above=10_000)
    assert raised.value.size == resource.size and "more than the 0 MB" in raised.value.message
    resource.size = None  # the ckan_portal does not say: the stream is stopped once past the limit
    with pytest.raises(LargeDownloadError):
        service.fetch(dataset, resource, confirm_above=10_000)
    assert_cache_holds_nothing(cache)
    with pytest.raises(CancelledError):
        service.fetch(dataset, resource, progress=lambda received, total: False)
    assert_cache_holds_nothing(cache)
    assert service.fetch(dataset, resource, confirm_above=None).kind == formats.GEOJSON


def test_remove_and_clear(service, cache):
    dataset = service.dataset("copertura-wifi")
    service.fetch(dataset, dataset.resource("res-wifi-geojson"))
    service.fetch(dataset, dataset.resource("res-wifi-kml"))
    assert cache.total_size() > 0 and len(cache.resources()) == 2
    assert cache.remove("res-wifi-kml") and cache.resource("res-wifi-kml") is None
    cache.clear()
    assert_cache_holds_nothing(cache)
    assert cache.total_size() == 0
