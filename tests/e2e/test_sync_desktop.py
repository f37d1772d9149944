"""Sync in the real QGIS desktop against the real reference API: a planner with 600 queued interventions clicks
"Sync now" in the dock; QGIS is killed (SIGKILL) in the middle of the push; on restart the dock says the last sync did
not finish, "Sync now" completes it, and the server holds each intervention exactly once."""

from __future__ import annotations

import json
import sqlite3

import pytest

from tests.e2e.harness import QgisDesktop
from tests.qgis.sync_support import server_rows

pytestmark = pytest.mark.api

COUNT = 600

COMMON = r'''
from qgis.core import QgsApplication, QgsAuthMethodConfig, QgsSettings
from qgis.PyQt.QtWidgets import QAction, QDockWidget

QgsApplication.authManager().setMasterPassword("e2e-master-password", True)

def sync_section():
    iface.mainWindow().findChild(QAction, "pratoSmartCityShowDock").trigger()
    dock = iface.mainWindow().findChild(QDockWidget, "PratoSmartCityDock")
    return dock.show_section("sync")
'''

QUEUE_AND_SYNC = COMMON + r'''
import json
from prato_smartcity_plugin.adapters.sync_store import GeoPackageSyncStore, _to_store_value
from prato_smartcity_plugin.core.interventions import schema

manager = QgsApplication.authManager()
config = QgsAuthMethodConfig("Basic")
config.setName("Municipal API")
config.setConfig("username", API_USER)
config.setConfig("password", API_PASSWORD)
manager.storeAuthenticationConfig(config)
settings = QgsSettings()
for key, value in (("api_base_url", API_URL), ("api_collection", "interventions"), ("api_authcfg", config.id()),
                   ("store_path", STORE)):
    settings.setValue(f"PratoSmartCity/{key}", value)
settings.sync()

store = GeoPackageSyncStore(STORE)  # a surveyor's week offline: COUNT interventions in the change log
store.conn.execute("BEGIN")
for i in range(COUNT):
    record = schema.new_record(title=f"Intervento {i}", category="road_works", start_date="2026-06-01",
                               end_date="2026-06-30")
    record["created_at"] = record["modified_at"] = "2026-11-20T09:00:00.000Z"
    row = {spec.name: _to_store_value(spec, record[spec.name]) for spec in schema.FIELDS}
    row["geom"] = store._geojson_to_blob({"type": "MultiPoint", "coordinates": [[11.05 + i * 1e-4, 43.88]]},
                                         schema.GeometryKind.POINT)
    store.conn.execute(f"INSERT INTO interventions_point ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                       list(row.values()))
store.conn.execute("COMMIT")
store.close()

panel = sync_section()
(WORKDIR / "before_kill.json").write_text(json.dumps({"pending_before": panel.pending_label.text()}))
panel.sync_button.click()
wait_until(lambda: panel.progress.value() >= 20, timeout_ms=120000)
signal("mid_sync")
wait(60000)
'''

RESUME = COMMON + r'''
panel = sync_section()
report["state_after_restart"] = panel.result_label.text()
report["pending_after_restart"] = panel.pending_label.text()
panel.sync_button.click()
wait_until(lambda: panel.task is None, timeout_ms=300000)
report["result"] = panel.result_label.text()
report["pending"] = panel.pending_label.text()
report["conflicts"] = panel.conflict_list.count()
'''


def _script(body: str, **values) -> str:
    header = "".join(f"{name} = {value!r}\n" for name, value in values.items())
    return header + body


def test_a_sync_killed_midway_resumes_after_restart_and_sends_each_intervention_once(desktop: QgisDesktop, api):
    store = desktop.profiles / "survey" / "interventions.gpkg"
    store.parent.mkdir(parents=True, exist_ok=True)
    values = dict(API_URL=api.url, API_USER=api.user, API_PASSWORD=api.password, STORE=str(store), COUNT=COUNT)

    killed = desktop.run(_script(QUEUE_AND_SYNC, **values), kill_at="mid_sync", timeout=300)
    assert killed.killed, killed.describe()
    before = json.loads((killed.workdir / "before_kill.json").read_text())
    assert before["pending_before"] == str(COUNT), before
    landed = len(server_rows(api))
    assert 0 < landed < COUNT, landed  # killed in the middle of the push

    again = desktop.run(_script(RESUME, **values), timeout=400, screenshot="resumed")
    again.assert_clean()
    assert "did not finish" in again.report["state_after_restart"]
    # Still queued: what had not reached the server, and the batch in flight (landed, but not yet recorded here).
    assert COUNT - landed <= int(again.report["pending_after_restart"]) <= COUNT
    assert again.report["pending"] == "0" and again.report["conflicts"] == 0, again.report
    assert again.report["result"].startswith("Sent ")

    rows = server_rows(api)
    assert len(rows) == COUNT and all(row["version"] == 1 for row in rows.values())
    with sqlite3.connect(store) as conn:
        local = {uuid for (uuid,) in conn.execute("SELECT uuid FROM interventions_point")}
        pending = conn.execute("SELECT COUNT(*) FROM change_log WHERE pushed_at IS NULL").fetchone()[0]
    assert local == set(rows) and pending == 0
