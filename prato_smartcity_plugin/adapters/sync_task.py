"""Sync in QGIS: the engine built from the plugin's settings (API address, collection, auth config id) and run in a
``QgsTask`` with progress and cancel; the result comes back on the main thread through ``finished_sync``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from qgis.core import QgsProject, QgsTask
from qgis.PyQt.QtCore import QObject, pyqtSignal

from prato_smartcity_plugin.adapters import settings
from prato_smartcity_plugin.adapters.store import layers
from prato_smartcity_plugin.adapters.sync_store import GeoPackageSyncStore
from prato_smartcity_plugin.adapters.sync_transport import QgisTransport, QtThreadExecutor
from prato_smartcity_plugin.core.errors import CancelledError, InputError
from prato_smartcity_plugin.core.i18n import translate
from prato_smartcity_plugin.core.log import get_logger
from prato_smartcity_plugin.core.sync.attachments import collection_of
from prato_smartcity_plugin.core.sync.client import FeaturesClient
from prato_smartcity_plugin.core.sync.engine import ConflictPolicy, SyncEngine, SyncSummary

log = get_logger("sync")


def tr(text: str) -> str:
    return translate("PratoSmartCity", text)


@dataclass
class ApiConfig:
    base_url: str
    collection: str
    authcfg: str

    @classmethod
    def from_settings(cls) -> ApiConfig:
        return cls(settings.get("api_base_url").strip(), settings.get("api_collection").strip() or "interventions",
                   settings.get("api_authcfg"))

    def check(self) -> None:
        if not self.base_url:
            raise InputError(tr("The municipal API is not configured: set its address in Settings ▸ Options ▸ "
                                "Prato Smart City."))


def store_location(project: QgsProject | None = None) -> Path:
    """The interventions store sync works on: the store's own rule (:func:`layers.locate_store`)."""
    return layers.locate_store(project)


#: Parallel connections for pushes: enough to keep a server with a few workers busy while each connection waits for
#: its answer (bench/sync.py measures 6 and 12).
PUSH_CONNECTIONS = 12


def build_engine(store: GeoPackageSyncStore, config: ApiConfig, **kwargs) -> SyncEngine:
    config.check()
    transport = QgisTransport(config.authcfg)
    client = FeaturesClient(transport, config.base_url, config.collection)
    kwargs.setdefault("attachments", FeaturesClient(transport, config.base_url, collection_of(config.collection)))
    kwargs.setdefault("executor", QtThreadExecutor)
    kwargs.setdefault("concurrency", PUSH_CONNECTIONS)
    return SyncEngine(store, client, **kwargs)


class SyncTask(QgsTask):
    """One sync, in the background. ``summary`` or ``error`` is set when it ends; ``done`` fires on the main
    thread."""

    def __init__(self, store_path: str | Path, config: ApiConfig, policy: ConflictPolicy = ConflictPolicy.ASK):
        super().__init__(tr("Syncing interventions with the municipal API"), QgsTask.CanCancel)
        self.store_path = Path(store_path)
        self.config = config
        self.policy = policy
        self.summary: SyncSummary | None = None
        self.error: BaseException | None = None
        self.signals = SyncSignals()

    def run(self) -> bool:
        store = None
        try:
            store = GeoPackageSyncStore(self.store_path)
            engine = build_engine(store, self.config, progress=lambda value: self.setProgress(value * 100),
                                  is_cancelled=self.isCanceled)
            self.summary = engine.sync(self.policy)
            return True
        except Exception as error:  # noqa: BLE001 - reported on the main thread
            self.error = error
            if not isinstance(error, CancelledError):
                log.warning("sync failed: %s", error)
            return False
        finally:
            if store is not None:
                store.close()

    def finished(self, result: bool) -> None:
        if self.error is None and not result:
            self.error = CancelledError(tr("Sync cancelled."))
        self.signals.done.emit(self.summary, self.error)


class SyncSignals(QObject):
    done = pyqtSignal(object, object)  # SyncSummary | None, Exception | None
