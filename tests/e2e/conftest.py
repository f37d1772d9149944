"""Fixtures of the end-to-end tests: one Xvfb display for the session, the plugin ZIP built once by ``make package``'s
code, and a fresh QGIS profile per test with that ZIP installed (see harness.py). Nothing here skips: a machine without
Xvfb or QGIS fails these tests with the reason (``make deps`` installs both)."""

from __future__ import annotations

import re
import shutil

import pytest

from tests.conftest import ARTIFACTS, REPO
from tests.e2e.harness import QgisDesktop, Xvfb, qgis_desktop


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def xvfb():
    for tool in ("Xvfb", "import", qgis_desktop.QGIS):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} is missing: run `make deps` (the e2e tests need the real desktop under Xvfb)")
    display = Xvfb()
    yield display.display
    display.stop()


@pytest.fixture(scope="session")
def plugin_zip(tmp_path_factory):
    import package  # scripts/package.py (harness put scripts/ on sys.path)

    return package.build(tmp_path_factory.mktemp("dist"))


@pytest.fixture()
def desktop(xvfb, plugin_zip, request) -> QgisDesktop:
    """A fresh profile with the packaged plugin installed and enabled, on the session's display. Profiles live under
    .cache/e2e, not /tmp: QGIS treats every layer under /tmp as temporary (and asks about it on exit), which no user
    sees."""
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name)
    artifacts = ARTIFACTS / "e2e" / name
    profiles = REPO / ".cache" / "e2e" / name
    for folder in (artifacts, profiles):
        shutil.rmtree(folder, ignore_errors=True)
    qgis = QgisDesktop(profiles, xvfb, artifacts)
    qgis.install_zip(plugin_zip)
    return qgis


@pytest.fixture()
def run_qgis(desktop):
    """``run_qgis(script_body, project=None, timeout=..., kill_at=None, screenshot=None)`` on a fresh profile."""
    return desktop.run
