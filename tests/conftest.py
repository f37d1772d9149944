"""Shared test set-up. ``tests/qgis`` and ``tests/e2e`` add their own fixtures; ``tests/unit`` needs no QGIS."""

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED_DATA = REPO.parent / "shared" / "data" / "prato"
ARTIFACTS = REPO / "test-artifacts"

if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from tests.api_stack import api, api_stack  # noqa: E402,F401  (fixtures: the municipal API reference stack)


def pytest_report_header(config):
    try:
        from qgis.core import Qgis

        return f"QGIS {Qgis.QGIS_VERSION}"
    except ImportError:
        return "QGIS not available"
