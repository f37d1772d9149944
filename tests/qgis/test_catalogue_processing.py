"""``pratosmartcity:download_open_data_resource`` in a real QgsApplication against the CKAN replay server on
127.0.0.1 (CKAN itself cannot run here: it needs Solr; ``tests.ckan_server`` replays its API's structure)."""

from __future__ import annotations

import os
import subprocess

import pytest
from qgis.core import QgsApplication, QgsProcessingException, QgsVectorLayer

from prato_smartcity_plugin.processing_provider.provider import PROVIDER_ID, PratoSmartCityProvider
from tests import ckan_server
from tests.conftest import REPO

ckan_files, ckan_portal = ckan_server.ckan_files, ckan_server.ckan_portal  # the replay portal's fixtures

ALGORITHM = f"{PROVIDER_ID}:download_open_data_resource"


@pytest.fixture(scope="module")
def provider(qgis_processing):
    """The provider for this module only: removed afterwards, so that the lifecycle tests can register their own."""
    provider = PratoSmartCityProvider()
    registry = QgsApplication.processingRegistry()
    assert registry.providerById(PROVIDER_ID) is None and registry.addProvider(provider)
    yield provider
    registry.removeProvider(PROVIDER_ID)


@pytest.fixture()
def cache_setting(tmp_path):
    from prato_smartcity_plugin.adapters import settings

    settings.set("cache_dir", str(tmp_path / "cache"))
    yield str(tmp_path / "cache")
    settings.set("cache_dir", "")


def run(**parameters):
    import processing

    return processing.run(ALGORITHM, parameters)


def test_resource_to_geopackage(provider, ckan_portal, cache_setting, tmp_path):
    output = str(tmp_path / "ciclabili.gpkg")
    result = run(PORTAL=ckan_portal.root, DATASET="piste-ciclabili", RESOURCE="res-ciclabili-shp", OUTPUT=output)
    layer = QgsVectorLayer(result["OUTPUT"], "out", "ogr")
    assert layer.isValid() and layer.featureCount() == 224 and layer.crs().authid() == "EPSG:3003"
    assert result["OUTPUT"].startswith(output)
    ckan_portal.stop()  # offline: the cached copy is written again
    again = run(PORTAL=ckan_portal.root, DATASET="piste-ciclabili", RESOURCE="res-ciclabili-shp",
                OUTPUT=str(tmp_path / "again.gpkg"))
    assert QgsVectorLayer(again["OUTPUT"], "out", "ogr").featureCount() == 224


def test_first_loadable_resource_and_csv_crs(provider, ckan_portal, cache_setting, tmp_path):
    result = run(PORTAL=ckan_portal.base_url, DATASET="copertura-wifi", OUTPUT=str(tmp_path / "wifi.gpkg"))
    assert QgsVectorLayer(result["OUTPUT"], "out", "ogr").featureCount() == 25
    with pytest.raises(QgsProcessingException) as raised:
        run(PORTAL=ckan_portal.base_url, DATASET="misure-locali", RESOURCE="Misure", OUTPUT=str(tmp_path / "m.gpkg"))
    assert "Nothing tells the coordinate reference system" in str(raised.value)
    result = run(PORTAL=ckan_portal.base_url, DATASET="misure-locali", RESOURCE="Misure", CRS="EPSG:6707",
                 OUTPUT=str(tmp_path / "m.gpkg"))
    layer = QgsVectorLayer(result["OUTPUT"], "out", "ogr")
    assert layer.crs().authid() == "EPSG:6707" and layer.featureCount() == 2


def test_bad_resource_is_a_processing_error_with_the_message(provider, ckan_portal, cache_setting, tmp_path):
    with pytest.raises(QgsProcessingException) as raised:
        run(PORTAL=ckan_portal.base_url, DATASET="risorse-difettose", RESOURCE="zip-slip",
            OUTPUT=str(tmp_path / "x.gpkg"))
    assert "would be written outside its folder" in str(raised.value)
    with pytest.raises(QgsProcessingException) as raised:
        run(PORTAL=ckan_portal.base_url, DATASET="non-esiste", OUTPUT=str(tmp_path / "x.gpkg"))
    assert "does not know this item" in str(raised.value)


def test_qgis_process_downloads_then_works_offline_from_its_cache(ckan_portal, tmp_path):
    """``qgis_process.bin`` with the plugin on QGIS_PLUGINPATH, enabled in a throw-away profile (as the README says):
    the resource is downloaded into the profile's cache; with the portal stopped the same command still works."""
    plugin = tmp_path / "plugins" / "prato_smartcity_plugin"
    plugin.mkdir(parents=True)
    for entry in [*(REPO / "prato_smartcity_plugin").iterdir(), REPO / "metadata.txt"]:
        (plugin / entry.name).symlink_to(entry)
    profile = tmp_path / "profile"
    (profile / "profiles" / "default" / "QGIS").mkdir(parents=True)
    (profile / "profiles" / "default" / "QGIS" / "QGIS3.ini").write_text(
        "[PythonPlugins]\nprato_smartcity_plugin=true\n")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_PLUGINPATH=str(plugin.parent),
               QGIS_CUSTOM_CONFIG_PATH=str(profile))

    def qgis_process(output):
        completed = subprocess.run(
            ["qgis_process.bin", "run", ALGORITHM, "--", f"PORTAL={ckan_portal.base_url}", "DATASET=piste-ciclabili",
             "RESOURCE=res-ciclabili-shp", f"OUTPUT={output}"], env=env, capture_output=True, text=True, timeout=300)
        assert completed.returncode == 0, completed.stdout + completed.stderr
        layer = QgsVectorLayer(str(output), "out", "ogr")
        return layer.featureCount(), layer.crs().authid()

    assert qgis_process(tmp_path / "online.gpkg") == (224, "EPSG:3003")
    cache = profile / "profiles" / "default" / "prato_smartcity" / "opendata_cache" / "resources" / "res-ciclabili-shp"
    assert cache.is_dir()
    ckan_portal.stop()
    assert qgis_process(tmp_path / "offline.gpkg") == (224, "EPSG:3003")
