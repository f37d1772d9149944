"""The Prato demo project: the plugin ships it read-only in ``resources/demo``; users open a copy in their QGIS profile
(``<profile>/prato_smartcity/demo``), so they can edit and save it, and a plugin upgrade never overwrites their work."""

from __future__ import annotations

import shutil
from pathlib import Path

from qgis.core import QgsApplication

from prato_smartcity_plugin.adapters.paths import resource

PROJECT_FILE = "prato_demo.qgz"


def bundled_demo_dir() -> Path:
    return resource("demo")


def user_demo_dir() -> Path:
    return Path(QgsApplication.qgisSettingsDirPath()) / "prato_smartcity" / "demo"


def ensure_user_copy(target: Path | None = None) -> Path:
    """Copies every bundled demo file that is missing from ``target`` (default :func:`user_demo_dir`) and returns the
    project's path there. Files already there are left alone (they may hold the user's edits)."""
    from prato_smartcity_plugin.core.errors import DataFormatError
    from prato_smartcity_plugin.core.i18n import translate

    source = bundled_demo_dir()
    if not (source / PROJECT_FILE).is_file():
        raise DataFormatError(translate("PratoSmartCity", "The demo project is missing from the plugin."),
                              details=f"expected {source / PROJECT_FILE}")
    target = target or user_demo_dir()
    target.mkdir(parents=True, exist_ok=True)
    for item in sorted(source.iterdir()):
        if item.is_file() and not (target / item.name).exists():
            shutil.copy2(item, target / item.name)
            (target / item.name).chmod(0o644)  # writable even when the plugin folder is read-only
    return target / PROJECT_FILE
