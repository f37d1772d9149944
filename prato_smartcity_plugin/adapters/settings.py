"""The plugin's settings, stored with ``QgsSettings`` under ``PratoSmartCity/``. Secrets never go here: the API and
private portals use a QGIS auth config id (``QgsAuthManager``)."""

from __future__ import annotations

import json
from typing import Any

from qgis.core import QgsSettings

PREFIX = "PratoSmartCity"

DEFAULT_PORTALS = [
    {"name": "Comune di Prato", "url": "https://dati.comune.prato.it/api/3", "authcfg": ""},
    {"name": "Regione Toscana", "url": "https://dati.toscana.it/api/3", "authcfg": ""},
]

#: key -> (default, type). One place for every setting of the plugin.
SPEC: dict[str, tuple[Any, type]] = {
    "surveyor": ("", str),
    "store_path": ("", str),
    "extra_bodies": ("", str),  # "code=Label" per line
    "ckan_portals": (json.dumps(DEFAULT_PORTALS), str),
    "download_confirm_mb": (100, int),
    "cache_dir": ("", str),
    "api_base_url": ("", str),
    "api_collection": ("interventions", str),
    "api_authcfg": ("", str),
    "sync_interval_min": (0, int),
    # road-works clash check (PR-V9): its options, shared by the save-time warning and the dock
    "clash_warn_on_save": (True, bool),
    "clash_distance_m": (100.0, float),  # = core.interventions.clashes.DEFAULT_DISTANCE_M
    "clash_same_body": (False, bool),
    "clash_include_closed": (False, bool),
    "clash_open_ended": (True, bool),
}


def get(key: str) -> Any:
    default, kind = SPEC[key]
    return QgsSettings().value(f"{PREFIX}/{key}", default, type=kind)


def set(key: str, value: Any) -> None:  # noqa: A001 - mirrors QgsSettings
    if key not in SPEC:
        raise KeyError(key)
    QgsSettings().setValue(f"{PREFIX}/{key}", value)


def portals() -> list[dict]:
    try:
        value = json.loads(get("ckan_portals"))
        return value if isinstance(value, list) else list(DEFAULT_PORTALS)
    except ValueError:
        return list(DEFAULT_PORTALS)


def extra_bodies() -> list[tuple[str, str]]:
    pairs = []
    for line in get("extra_bodies").splitlines():
        code, _, label = line.partition("=")
        if code.strip():
            pairs.append((code.strip(), (label or code).strip()))
    return pairs
