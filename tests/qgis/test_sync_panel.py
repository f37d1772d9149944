"""The dock's sync section and the Processing algorithm, as a planner uses them, against the real reference stack."""

from __future__ import annotations

import time

import pytest
from qgis.gui import QgsRubberBand

from prato_smartcity_plugin.adapters import settings
from prato_smartcity_plugin.gui.sync_panel import SyncPanel
from tests.qgis import sync_support as s
from tests.qgis.test_sync_qgis import basic_authcfg

pytestmark = pytest.mark.api


@pytest.fixture()
def configured(api, tmp_path, qgis_app):
    authcfg = basic_authcfg(api.user, api.password, "panel")
    saved = {key: settings.get(key) for key in ("api_base_url", "api_collection", "api_authcfg", "store_path",
                                                "sync_interval_min")}
    store = s.open_store(tmp_path, "interventions")
    settings.set("api_base_url", api.url)
    settings.set("api_collection", api.collection)
    settings.set("api_authcfg", authcfg)
    settings.set("store_path", str(store.path))
    settings.set("sync_interval_min", 0)
    yield store
    store.close()
    for key, value in saved.items():
        settings.set(key, value)


def wait_for(panel: SyncPanel, qgis_app) -> None:
    for _ in range(1200):
        qgis_app.processEvents()
        if panel.task is None:
            return
        time.sleep(0.05)
    raise AssertionError("the sync task did not finish")


def test_the_panel_shows_the_state_syncs_and_settles_a_conflict(configured, api, qgis_iface, qgis_app, tmp_path):
    store = configured
    uuid = s.insert(store, s.POINT, title="Piazza San Francesco")
    panel = SyncPanel(qgis_iface)
    assert api.url in panel.server_label.text()
    assert panel.pending_label.text() == "1"
    assert panel.last_sync_label.text() == "Never"

    panel.sync_button.click()
    wait_for(panel, qgis_app)
    assert panel.pending_label.text() == "0"
    assert "Sent 1" in panel.result_label.text() and "UTC" in panel.last_sync_label.text()

    # Someone else edits the same square on the server; we edit it here.
    other = s.open_store(tmp_path, "colleague")
    s.make_engine(other, api).sync()
    s.update(other, uuid, title="Piazza San Francesco (collega)")
    s.make_engine(other, api).sync()
    s.update(store, uuid, title="Piazza San Francesco (mia)")
    panel.sync_now()
    wait_for(panel, qgis_app)
    assert panel.conflict_list.count() == 1
    cells = {panel.comparison.item(r, 0).text(): (panel.comparison.item(r, 1).text(),
                                                  panel.comparison.item(r, 2).text())
             for r in range(panel.comparison.rowCount())}
    assert cells["Title"] == ("Piazza San Francesco (mia)", "Piazza San Francesco (collega)")
    bands = [item for item in qgis_iface.mapCanvas().scene().items() if isinstance(item, QgsRubberBand)]
    assert len(bands) == 2  # mine and theirs on the map
    assert panel.mine_button.isEnabled()

    panel.mine_button.click()
    wait_for(panel, qgis_app)
    assert panel.conflict_list.count() == 0
    assert s.server_rows(api)[uuid]["title"] == "Piazza San Francesco (mia)"
    other.close()


def test_wrong_credentials_are_shown_with_details(configured, api, qgis_iface, qgis_app):
    settings.set("api_authcfg", basic_authcfg(api.user, "wrong", "panel-wrong"))
    s.insert(configured, s.POINT, title="In coda")
    panel = SyncPanel(qgis_iface)
    panel.sync_now()
    wait_for(panel, qgis_app)
    assert "credentials" in panel.result_label.text()
    assert panel.message_bar.currentItem() is not None
    assert panel.pending_label.text() == "1"


def test_the_processing_algorithm_applies_a_batch_policy(configured, api, qgis_processing, tmp_path):
    import processing

    from prato_smartcity_plugin.processing_provider.sync_interventions import SyncInterventionsAlgorithm

    store = configured
    uuid = s.insert(store, s.LINE, title="Ciclabile")
    result = processing.run(SyncInterventionsAlgorithm(), {"STORE": str(store.path)})
    assert result["SENT"] == 1
    other = s.open_store(tmp_path, "colleague")
    s.make_engine(other, api).sync()
    s.update(other, uuid, title="Ciclabile (collega)")
    s.make_engine(other, api).sync()
    s.update(store, uuid, title="Ciclabile (mia)")
    result = processing.run(SyncInterventionsAlgorithm(), {"STORE": str(store.path), "CONFLICT_POLICY": 3})
    assert result["CONFLICTS"] == 0
    titles = {row["title"] for row in s.server_rows(api).values()}
    assert titles == {"Ciclabile (collega)", "Ciclabile (mia)"}  # keep both
    other.close()
