"""Sync through QGIS itself: credentials from a QGIS auth config (never in settings or logs), the network through
QgsBlockingNetworkRequest, the sync as a QgsTask, against the real reference stack."""

from __future__ import annotations

import pytest
from qgis.core import QgsApplication, QgsAuthMethodConfig, QgsMessageLog, QgsSettings

from prato_smartcity_plugin.adapters import settings
from prato_smartcity_plugin.adapters.sync_task import ApiConfig, SyncTask, build_engine
from prato_smartcity_plugin.adapters.sync_transport import QgisTransport
from prato_smartcity_plugin.core.errors import AuthenticationError
from prato_smartcity_plugin.core.sync.client import FeaturesClient
from tests.qgis import sync_support as s

pytestmark = pytest.mark.api


def basic_authcfg(user: str, password: str, name: str = "Prato API") -> str:
    manager = QgsApplication.authManager()
    if not manager.masterPasswordIsSet():
        assert manager.setMasterPassword("test-master-password", True)
    config = QgsAuthMethodConfig("Basic")
    config.setName(name)
    config.setConfig("username", user)
    config.setConfig("password", password)
    assert manager.storeAuthenticationConfig(config)[0]
    return config.id()


@pytest.fixture()
def store(tmp_path, qgis_app):
    store = s.open_store(tmp_path, "desk")
    yield store
    store.close()


def test_sync_through_qgis_with_an_auth_config(api, store):
    authcfg = basic_authcfg(api.user, api.password)
    uuid = s.insert(store, s.POLYGON, title="Piazza Mercatale")
    engine = build_engine(store, ApiConfig(api.url, api.collection, authcfg))
    summary = engine.sync()
    assert summary.sent == 1
    assert s.server_rows(api)[uuid]["title"] == "Piazza Mercatale"


def test_wrong_credentials_through_qgis_are_reported_and_nothing_is_sent(api, store):
    authcfg = basic_authcfg(api.user, "not-the-password", "wrong")
    s.insert(store, s.POINT, title="Resta in coda")
    with pytest.raises(AuthenticationError) as raised:
        build_engine(store, ApiConfig(api.url, api.collection, authcfg)).sync()
    assert "credentials" in raised.value.message
    assert s.server_rows(api) == {} and s.pending(store) == 1


def test_the_password_is_never_in_the_settings_or_the_log(api, store, qgis_app):
    messages = []
    QgsApplication.messageLog().messageReceived.connect(lambda text, tag, level: messages.append(text))
    authcfg = basic_authcfg(api.user, api.password, "secret check")
    settings.set("api_base_url", api.url)
    settings.set("api_authcfg", authcfg)
    s.insert(store, s.POINT, title="Segreto")
    build_engine(store, ApiConfig.from_settings()).sync()
    QgsMessageLog.logMessage("flush", "test")
    everything = {key: str(QgsSettings().value(key)) for key in QgsSettings().allKeys()}
    assert not any(api.password in value for value in everything.values())
    assert not any(api.password in text for text in messages)
    assert api.password not in store.path.read_bytes().decode("latin-1")


def test_paging_follows_next_links_through_qgis(api, store):
    authcfg = basic_authcfg(api.user, api.password, "paging")
    uuids = {s.insert(store, s.POINT, title=f"P{i}") for i in range(25)}
    build_engine(store, ApiConfig(api.url, api.collection, authcfg)).sync()
    client = FeaturesClient(QgisTransport(authcfg), api.url, api.collection, page_size=10)
    pages = [features for features, _ in client.pages()]
    assert [len(p) for p in pages] == [10, 10, 5]
    assert {f["id"] for page in pages for f in page} == uuids


def test_the_sync_task_reports_on_the_main_thread(api, store, qgis_app):
    authcfg = basic_authcfg(api.user, api.password, "task")
    s.insert(store, s.LINE, title="Ciclabile via Roma")
    task = SyncTask(store.path, ApiConfig(api.url, api.collection, authcfg))
    results = []
    task.signals.done.connect(lambda summary, error: results.append((summary, error)))
    QgsApplication.taskManager().addTask(task)
    for _ in range(600):
        qgis_app.processEvents()
        if results:
            break
        import time

        time.sleep(0.05)
    [(summary, error)] = results
    assert error is None and summary.sent == 1
    assert s.pending(store) == 0


def test_a_refusal_and_a_conflict_through_qgis(api, store, tmp_path):
    authcfg = basic_authcfg(api.user, api.password, "refusal")
    config = ApiConfig(api.url, api.collection, authcfg)
    bad = s.insert(store, {"type": "MultiPoint", "coordinates": [[0.5, 0.5]]}, title="Fuori posto")
    good = s.insert(store, s.POINT, title="Buona")
    summary = build_engine(store, config).sync()
    assert (summary.sent, summary.rejected) == (1, 1) and bad in build_engine(store, config).rejected()
    other = s.open_store(tmp_path, "other")
    build_engine(other, config).sync()
    s.update(other, good, title="Altro")
    s.update(store, good, title="Mio")
    build_engine(other, config).sync()
    assert build_engine(store, config).sync().open_conflicts == 1
    other.close()
