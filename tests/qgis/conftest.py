"""One real ``QgsApplication`` for the session, offscreen, with a throw-away profile folder."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_PROFILE = tempfile.mkdtemp(prefix="prato-qgis-profile-")
os.environ["QGIS_CUSTOM_CONFIG_PATH"] = _PROFILE

from qgis.core import QgsApplication, QgsProject  # noqa: E402
from qgis.PyQt.QtCore import QSettings  # noqa: E402

# QgsSettings would otherwise write ~/.config/Unknown Organization.conf, shared by every test run on the machine (two
# sessions at once then read each other's store_path): keep the settings in the throw-away profile too.
for _format in (QSettings.NativeFormat, QSettings.IniFormat):
    QSettings.setPath(_format, QSettings.UserScope, _PROFILE)

_app = QgsApplication([], True, _PROFILE)
QgsApplication.setPrefixPath("/usr", True)
_app.initQgis()

# Processing lives in QGIS's python/plugins folder.
_plugins = os.path.join(QgsApplication.pkgDataPath(), "python", "plugins")
if _plugins not in sys.path:
    sys.path.append(_plugins)


@pytest.fixture(scope="session")
def qgis_app():
    yield _app


@pytest.fixture(scope="session")
def qgis_processing(qgis_app):
    from processing.core.Processing import Processing

    Processing.initialize()
    yield


@pytest.fixture()
def qgis_iface(qgis_app):
    from tests.qgis.fake_iface import FakeIface

    iface = FakeIface()
    yield iface
    QgsProject.instance().clear()
    iface.mainWindow().close()
    iface.mainWindow().deleteLater()
    # delete it now: a canvas bridge left alive would still react to the next test's project (it sets the project's
    # CRS from the first layer added, for one)
    from qgis.PyQt.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)


@pytest.fixture()
def clean_project(qgis_app):
    QgsProject.instance().clear()
    yield QgsProject.instance()
    QgsProject.instance().clear()


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(_PROFILE, ignore_errors=True)


@pytest.fixture()
def prato_provider(qgis_processing):
    """The plugin's Processing provider, registered for one test and removed after it (a reference is kept: a provider
    that Python collects vanishes from the registry)."""
    from prato_smartcity_plugin.processing_provider.provider import PROVIDER_ID, PratoSmartCityProvider

    registry = QgsApplication.processingRegistry()
    provider = registry.providerById(PROVIDER_ID)
    owned = provider is None
    if owned:
        provider = PratoSmartCityProvider()
        assert registry.addProvider(provider)
    yield provider
    if owned:
        registry.removeProvider(provider)
