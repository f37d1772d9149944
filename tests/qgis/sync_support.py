"""Helpers of the sync tests: local stores edited as a user's client would (plain writes through the store's triggers,
so every edit is logged), engines against the reference stack, and the server's rows read straight from PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

from prato_smartcity_plugin.adapters.store import database
from prato_smartcity_plugin.adapters.sync_store import GeoPackageSyncStore, _to_store_value
from prato_smartcity_plugin.core.interventions import schema
from prato_smartcity_plugin.core.sync.attachments import collection_of
from prato_smartcity_plugin.core.sync.client import FeaturesClient, RetryPolicy
from prato_smartcity_plugin.core.sync.engine import SyncEngine
from prato_smartcity_plugin.core.sync.transport import StdlibTransport

POINT = {"type": "MultiPoint", "coordinates": [[11.0966, 43.8777]]}
LINE = {"type": "MultiLineString", "coordinates": [[[11.09, 43.88], [11.10, 43.881], [11.105, 43.885]],
                                                   [[11.08, 43.87], [11.081, 43.871]]]}
POLYGON = {"type": "MultiPolygon", "coordinates": [
    [[[11.09, 43.87], [11.10, 43.87], [11.10, 43.88], [11.09, 43.88], [11.09, 43.87]],
     [[11.093, 43.873], [11.095, 43.873], [11.095, 43.875], [11.093, 43.873]]],
    [[[11.11, 43.89], [11.12, 43.89], [11.115, 43.895], [11.11, 43.89]]]]}


def open_store(tmp_path: Path, name: str) -> GeoPackageSyncStore:
    return GeoPackageSyncStore(tmp_path / f"{name}.gpkg")


def make_engine(store, stack, password: str | None = None, transport=None, **kwargs) -> SyncEngine:
    transport = transport or StdlibTransport((stack.user, stack.password if password is None else password))
    timeout = kwargs.pop("timeout", 10.0)
    retry = kwargs.pop("retry", RetryPolicy(attempts=6, first_delay=0.05, max_delay=0.5))
    client = FeaturesClient(transport, stack.url, stack.collection, timeout=timeout, retry=retry)
    kwargs.setdefault("attachments", FeaturesClient(transport, stack.url, collection_of(stack.collection),
                                                    timeout=timeout, retry=retry))
    return SyncEngine(store, client, **kwargs)


def through(engine: SyncEngine, url: str) -> SyncEngine:
    """The engine's requests (interventions and photos) sent to ``url`` (a fault proxy) instead."""
    engine.client.base_url = url
    if engine.attachments is not None:
        engine.attachments.base_url = url
    return engine


def insert(store: GeoPackageSyncStore, geometry: dict = POINT, **values) -> str:
    """A user's new intervention (the store's insert trigger logs it)."""
    record = schema.new_record(**{"title": "Nuova piazza", **values})
    record = {k: (v.strftime("%Y-%m-%dT%H:%M:%S.000Z") if hasattr(v, "strftime") and k in ("created_at",
                                                                                         "modified_at") else v)
              for k, v in record.items()}
    kind = store.kind_of(geometry)
    row = {spec.name: _to_store_value(spec, record.get(spec.name)) for spec in schema.FIELDS}
    row[database.GEOMETRY_COLUMN] = store._geojson_to_blob(geometry, kind)
    names = ", ".join(f'"{n}"' for n in row)
    store.conn.execute(f'INSERT INTO "{database.LAYER_NAMES[kind]}" ({names}) VALUES ({",".join("?" * len(row))})',
                       list(row.values()))
    return record["uuid"]


def update(store: GeoPackageSyncStore, uuid: str, geometry: dict | None = None, **values) -> None:
    layer = store._locate([uuid])[uuid][0]
    if geometry is not None:
        values[database.GEOMETRY_COLUMN] = store._geojson_to_blob(geometry, store.kind_of(geometry))
    assignments = ", ".join(f'"{n}" = ?' for n in values)
    store.conn.execute(f'UPDATE "{layer}" SET {assignments} WHERE uuid = ?', [*values.values(), uuid])


def delete(store: GeoPackageSyncStore, uuid: str) -> None:
    layer = store._locate([uuid])[uuid][0]
    store.conn.execute(f'DELETE FROM "{layer}" WHERE uuid = ?', (uuid,))


def server_rows(stack, include_deleted: bool = True) -> dict[str, dict]:
    """uuid -> the server's row (properties and GeoJSON geometry), read from PostgreSQL behind the API."""
    where = "" if include_deleted else "WHERE NOT deleted"
    out = stack.psql("SELECT coalesce(json_agg(json_build_object('row', to_jsonb(r) - 'geom', "
                     f"'geometry', ST_AsGeoJSON(r.geom, 15)::json)), '[]') FROM intervention_records r {where}")
    return {item["row"]["uuid"]: dict(item["row"], geometry=item["geometry"]) for item in json.loads(out)}


def local_rows(store: GeoPackageSyncStore) -> dict[str, dict]:
    return store.all_features()


def pending(store: GeoPackageSyncStore) -> int:
    return store.pending_count()


def coordinates_close(a, b, tolerance: float = 1e-7) -> bool:
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(coordinates_close(x, y, tolerance) for x, y in zip(a, b))
    return abs(float(a) - float(b)) <= tolerance


def geometries_close(a: dict, b: dict) -> bool:
    return a["type"] == b["type"] and coordinates_close(a["coordinates"], b["coordinates"])
