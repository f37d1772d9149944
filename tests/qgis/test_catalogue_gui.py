"""The open data dock section, the Browser panel root and the portals editor, with real widgets, against the CKAN
replay server on 127.0.0.1 (CKAN itself cannot run here: it needs Solr; ``tests.ckan_server`` replays its API)."""

from __future__ import annotations

import json
import os
import time

import pytest
from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import QObject, QUrl, pyqtSlot
from qgis.PyQt.QtGui import QDesktopServices

from prato_smartcity_plugin.adapters import settings
from prato_smartcity_plugin.gui.catalogue_browser import (
    PROVIDER_NAME,
    CatalogueDropHandler,
    CatalogueItemProvider,
    ResourceItem,
)
from prato_smartcity_plugin.gui.catalogue_panel import CataloguePanel
from prato_smartcity_plugin.gui.catalogue_portals import PortalsEditor
from tests import ckan_server
from tests.qgis import test_translations

ckan_files, ckan_portal = ckan_server.ckan_files, ckan_server.ckan_portal  # the replay portal's fixtures
italian = test_translations.italian  # QGIS in Italian, the plugin's .qm installed


@pytest.fixture()
def configured(ckan_portal, tmp_path, clean_project):
    settings.set("ckan_portals", json.dumps([{"name": "Replay", "url": ckan_portal.base_url, "authcfg": ""}]))
    settings.set("cache_dir", str(tmp_path / "cache"))
    yield ckan_portal
    settings.set("ckan_portals", json.dumps(settings.DEFAULT_PORTALS))
    settings.set("cache_dir", "")


def wait_for(actions) -> None:
    """Let the QgsTasks run and deliver their results on the main thread (a guard stops an endless wait)."""
    deadline = time.monotonic() + 60
    while actions.busy and time.monotonic() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.01)
    QgsApplication.processEvents()


def search(panel, text):
    panel.search_box.setValue(text)
    panel.search_button.click()
    wait_for(panel.actions)


def test_search_details_and_add_to_map(configured, qgis_iface):
    panel = CataloguePanel(qgis_iface)
    assert panel.portal.currentText() == "Replay"
    search(panel, "ciclabili")
    assert panel.results.count() == 1 and panel.results.item(0).text().startswith("Piste ciclabili")
    panel.results.setCurrentRow(0)
    details = panel.details.toPlainText()
    assert "Piste ciclabili" in details and "Open Data Commons Open Database License" in details
    assert "Comune di Prato" in details and "2021-03-15 10:20:30" in details
    assert panel.resources.topLevelItemCount() == 6
    panel.add_button.click()  # the first resource: the GeoJSON
    wait_for(panel.actions)
    layer, = QgsProject.instance().mapLayers().values()
    assert layer.featureCount() == 224 and layer.metadata().title().startswith("Piste ciclabili")
    assert panel.cache_list.topLevelItemCount() == 1 and "1 resources kept for offline use" in panel.cache_label.text()
    assert panel.resources.topLevelItem(0).text(3) == "✓"


def test_large_downloads_are_asked_first(configured, qgis_iface):
    settings.set("download_confirm_mb", 1)
    try:
        panel = CataloguePanel(qgis_iface)
        questions, answers = [], [False, True]
        panel.actions.ask_size = lambda question: questions.append(question.message) or answers.pop(0)
        search(panel, "ciclabili")
        panel.results.setCurrentRow(0)
        panel.select_resource("res-ciclabili-grande")
        panel.add_button.click()
        wait_for(panel.actions)
        assert len(questions) == 1 and "more than the 1 MB you set" in questions[0]
        assert QgsProject.instance().mapLayers() == {} and panel.cache_list.topLevelItemCount() == 0
        panel.add_button.click()
        wait_for(panel.actions)
        wait_for(panel.actions)  # the confirmed download is a second task
        layer, = QgsProject.instance().mapLayers().values()
        assert layer.featureCount() == 224 * 12 and len(questions) == 2
    finally:
        settings.set("download_confirm_mb", 100)


def test_facets_sort_and_paging(configured, qgis_iface):
    panel = CataloguePanel(qgis_iface)
    search(panel, "")
    assert panel.results.count() == 5 and panel.page_label.text() == "1–5 of 5"
    assert not panel.next_button.isEnabled() and not panel.previous_button.isEnabled()
    organisations = panel.facet_boxes["organization"]
    index = organisations.findData("regione-toscana")
    assert organisations.itemText(index) == "Regione Toscana (1)"
    organisations.setCurrentIndex(index)
    organisations.activated.emit(index)
    wait_for(panel.actions)
    assert [panel.results.item(i).text().split("\n")[0] for i in range(panel.results.count())] == [
        "Confine comunale di Prato"]
    organisations.setCurrentIndex(0)
    panel.sort.setCurrentIndex(1)  # last modified
    wait_for(panel.actions)
    assert panel.results.item(0).text().startswith("Copertura Wi-Fi PRATOWIFI")


def test_offline_search_and_cached_load_after_a_restart(configured, qgis_iface):
    panel = CataloguePanel(qgis_iface)
    search(panel, "ciclabili")
    panel.results.setCurrentRow(0)
    panel.add_button.click()
    wait_for(panel.actions)
    QgsProject.instance().clear()
    configured.stop()  # network off; a new panel is a restarted QGIS
    panel = CataloguePanel(qgis_iface)
    search(panel, "ciclabili")
    assert "offline catalogue" in panel.status.text()
    panel.results.setCurrentRow(0)
    panel.add_button.click()
    wait_for(panel.actions)
    layer, = QgsProject.instance().mapLayers().values()
    assert layer.isValid() and layer.featureCount() == 224
    panel.results.setCurrentRow(0)
    panel.select_resource("res-ciclabili-shp")  # never cached: a clear message, nothing added
    panel.add_button.click()
    wait_for(panel.actions)
    assert len(QgsProject.instance().mapLayers()) == 1
    assert "Cannot reach the server" in qgis_iface.messageBar().currentItem().text()


def test_a_web_page_for_a_portal_and_a_dead_network_are_said_clearly_in_italian(configured, qgis_iface, italian):
    settings.set("ckan_portals", json.dumps([
        {"name": "Sito del Comune", "url": configured.root + "/html", "authcfg": ""},  # the site, not its API
        {"name": "Replay", "url": configured.base_url, "authcfg": ""}]))
    panel = CataloguePanel(qgis_iface)
    search(panel, "ciclabili")
    assert qgis_iface.messageBar().currentItem().text() == (
        "L'indirizzo risponde con una pagina web, non con l'API CKAN: controlla l'indirizzo del portale (dovrebbe "
        "terminare con /api/3).")
    assert panel.results.count() == 0 and panel.search_button.isEnabled()
    configured.stop()  # no network, and nothing of this portal was ever seen: no empty "offline" list
    panel.portal.setCurrentIndex(1)
    search(panel, "ciclabili")
    assert qgis_iface.messageBar().currentItem().text() == (
        "Impossibile raggiungere il server: controlla l'indirizzo e la connessione di rete.")
    assert panel.results.count() == 0 and panel.status.text() == ""


def test_a_bad_resource_shows_its_message_and_the_cache_stays_clean(configured, qgis_iface):
    panel = CataloguePanel(qgis_iface)
    search(panel, "difettose")
    panel.results.setCurrentRow(0)
    panel.select_resource("zip-slip")
    panel.add_button.click()
    wait_for(panel.actions)
    assert "would be written outside its folder" in qgis_iface.messageBar().currentItem().text()
    assert QgsProject.instance().mapLayers() == {} and panel.cache_list.topLevelItemCount() == 0


def test_cache_view_remove_and_clear(configured, qgis_iface):
    panel = CataloguePanel(qgis_iface)
    search(panel, "wifi")
    panel.results.setCurrentRow(0)
    for resource_id in ("res-wifi-geojson", "res-wifi-kml"):
        panel.select_resource(resource_id)
        panel.add_button.click()
        wait_for(panel.actions)
    assert panel.cache_list.topLevelItemCount() == 2
    kml_layer, = [layer for layer in QgsProject.instance().mapLayers().values() if "KML" in layer.name()]
    panel.cache_list.topLevelItem(0).setSelected(True)
    panel.remove_cached_button.click()  # the layer on the map reads it: kept, and the user is told why
    assert panel.cache_list.topLevelItemCount() == 2
    assert "is on the map and reads the cached copy" in qgis_iface.messageBar().currentItem().text()
    QgsProject.instance().removeMapLayer(kml_layer.id())
    panel.clear_button.click()  # the GeoJSON is still on the map: kept; the KML goes
    assert panel.cache_list.topLevelItemCount() == 1 and "1 resources" in panel.cache_label.text()
    assert "except 1 resources that layers on the map read" in qgis_iface.messageBar().currentItem().text()
    layer, = QgsProject.instance().mapLayers().values()
    assert layer.isValid() and layer.featureCount() == 25 and len(list(layer.getFeatures())) == 25
    QgsProject.instance().clear()
    panel.clear_button.click()
    assert panel.cache_list.topLevelItemCount() == 0 and "0 resources" in panel.cache_label.text()
    assert not panel.clear_button.isEnabled()
    assert os.listdir(os.path.join(panel.service.cache.root, "resources")) == []


def _children(item):
    return item.createChildren()


def test_browser_tree_drag_and_context_menu(configured, qgis_iface):
    provider = CatalogueItemProvider(qgis_iface)
    root = provider.createDataItem("", None)
    assert root.name() == "Prato Open Data"
    portal, = _children(root)
    assert portal.name() == "Replay"
    organisations, groups = _children(portal)
    assert [o.name() for o in _children(organisations)] == ["Comune di Prato (4)", "Regione Toscana (1)"]
    trasporti = next(g for g in _children(groups) if g.name().startswith("Trasporti"))
    dataset, = _children(trasporti)
    assert dataset.name() == "Piste ciclabili"
    resources = _children(dataset)
    assert all(isinstance(r, ResourceItem) for r in resources) and resources[0].hasDragEnabled()
    uri, = resources[0].mimeUris()
    assert uri.layerType == "custom" and uri.providerKey == "pratoopendata"
    assert [a.text() for a in resources[0].actions(None)] == ["Add to map", "Show dataset page", "Remove from cache"]
    assert not resources[0].actions(None)[2].isEnabled()  # nothing cached yet

    handler = CatalogueDropHandler(qgis_iface)
    handler.handleCustomUriDrop(uri)  # what QGIS calls when the item is dropped on the map
    wait_for(handler.catalogue_actions)
    layer, = QgsProject.instance().mapLayers().values()
    assert layer.featureCount() == 224
    remove = resources[0].actions(None)[2]
    assert remove.isEnabled()
    remove.trigger()  # refused while the layer on the map reads the cached copy
    cache = resources[0].dataset_item.portal_item.service().cache
    assert [entry.resource_id for entry in cache.resources()] == ["res-ciclabili-geojson"]
    QgsProject.instance().removeMapLayer(layer.id())
    remove.trigger()
    assert cache.resources() == []

    shapefile = next(r for r in resources if r.resource.id == "res-ciclabili-shp")
    add, page, _remove = shapefile.actions(None)
    add.trigger()  # context menu ▸ Add to map
    wait_for(provider.actions)
    added = [lyr for lyr in QgsProject.instance().mapLayers().values() if lyr.crs().authid() == "EPSG:3003"]
    assert [lyr.featureCount() for lyr in added] == [224]
    opened = UrlCatcher()
    QDesktopServices.setUrlHandler("http", opened, "open")
    try:
        page.trigger()  # context menu ▸ Show dataset page: the browser opens the portal's page
    finally:
        QDesktopServices.unsetUrlHandler("http")
    assert opened.urls == [f"{configured.root}/dataset/piste-ciclabili"]


class UrlCatcher(QObject):
    """Stands in for the web browser (QDesktopServices hands http links to it)."""

    def __init__(self):
        super().__init__()
        self.urls = []

    @pyqtSlot(QUrl)
    def open(self, url):
        self.urls.append(url.toString())


def test_browser_shows_the_cached_catalogue_offline(configured, qgis_iface):
    provider = CatalogueItemProvider(qgis_iface)
    portal, = _children(provider.createDataItem("", None))
    organisations, _groups = _children(portal)
    comune = _children(organisations)[0]
    assert len(_children(comune)) == 4
    configured.stop()
    portal, = _children(provider.createDataItem("", None))
    organisations, _groups = _children(portal)
    comune = _children(organisations)[0]
    assert {d.name() for d in _children(comune)} >= {"Piste ciclabili", "Copertura Wi-Fi PRATOWIFI"}


def test_plugin_registers_and_removes_the_browser_root(qgis_iface):
    import prato_smartcity_plugin

    registry = QgsApplication.dataItemProviderRegistry()
    plugin = prato_smartcity_plugin.classFactory(qgis_iface)
    plugin.initProcessing()
    plugin.initGui()
    try:
        assert registry.provider(PROVIDER_NAME) is not None and len(qgis_iface.drop_handlers) == 1
    finally:
        plugin.unload()
    assert registry.provider(PROVIDER_NAME) is None and qgis_iface.drop_handlers == []


def test_portals_editor(qgis_app):
    settings.set("ckan_portals", json.dumps(settings.DEFAULT_PORTALS))
    editor = PortalsEditor()
    assert editor.table.rowCount() == 2 and editor.table.item(0, 0).text() == "Comune di Prato"
    editor.add_portal("Città metropolitana", "https://dati.example.it/")
    editor.add_portal("incomplete", "https://")
    editor.table.setCurrentCell(1, 0)
    editor.remove_current()
    editor.save()
    assert [(p["name"], p["url"]) for p in settings.portals()] == [
        ("Comune di Prato", "https://dati.comune.prato.it/api/3"),
        ("Città metropolitana", "https://dati.example.it/api/3")]
    settings.set("ckan_portals", json.dumps(settings.DEFAULT_PORTALS))


def test_portals_editor_keeps_an_auth_config_per_portal(qgis_app):
    from tests.qgis.test_sync_qgis import basic_authcfg

    authcfg = basic_authcfg(ckan_server.PRIVATE_USER, ckan_server.PRIVATE_PASSWORD, "Portale riservato")
    settings.set("ckan_portals", json.dumps(settings.DEFAULT_PORTALS))
    try:
        editor = PortalsEditor()
        editor.add_portal("Riservato", "https://riservato.example.it")
        editor.authcfg.setConfigId(authcfg)  # the user picks the auth config for the selected (new) row
        editor.authcfg.selectedConfigIdChanged.emit(authcfg)
        editor.table.setCurrentCell(0, 0)
        assert editor.authcfg.configId() == ""  # the public portal has none
        editor.table.setCurrentCell(2, 0)
        assert editor.authcfg.configId() == authcfg
        editor.save()
        assert [p["authcfg"] for p in settings.portals()] == ["", "", authcfg]
        assert PortalsEditor().portals()[2] == {"name": "Riservato", "url": "https://riservato.example.it/api/3",
                                                "authcfg": authcfg}
    finally:
        settings.set("ckan_portals", json.dumps(settings.DEFAULT_PORTALS))
