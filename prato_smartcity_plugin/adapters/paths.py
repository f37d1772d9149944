"""Where the plugin's files are: the package folder and its ``resources`` (in the ZIP: ``<plugin>/resources``;
in a source checkout: ``<repo>/resources`` beside the package)."""

from __future__ import annotations

from pathlib import Path

PLUGIN_DIR = Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    packaged = PLUGIN_DIR / "resources"
    return packaged if packaged.is_dir() else PLUGIN_DIR.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def icon_path(name: str = "prato_smartcity.svg") -> str:
    return str(resource("icons", name))
