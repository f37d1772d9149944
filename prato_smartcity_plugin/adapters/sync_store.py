"""The local side of sync: the interventions GeoPackage (store contract) as the sync engine's ``LocalStore``.

Reads the change log, writes the server's features with ``applying_remote`` set (so they are neither logged nor
re-stamped), each batch in one SQLite transaction together with the sync state it implies. Geometries are converted
with QGIS between the store's CRS (EPSG:6707, Multi* types, GeoPackage blobs) and the API's GeoJSON in CRS84.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import struct
from pathlib import Path
from typing import Iterable

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsGeometry,
    QgsJsonUtils,
)

from prato_smartcity_plugin.adapters.store import database
from prato_smartcity_plugin.core.errors import DataFormatError, StoreError
from prato_smartcity_plugin.core.i18n import translate
from prato_smartcity_plugin.core.interventions import schema
from prato_smartcity_plugin.core.interventions.schema import FieldType, GeometryKind
from prato_smartcity_plugin.core.log import get_logger
from prato_smartcity_plugin.core.sync.attachments import ATTACHMENT_FIELDS, is_photo_path
from prato_smartcity_plugin.core.sync.engine import PendingChange, utc_iso

log = get_logger("sync")

LAYERS = database.LAYER_NAMES
GEOM = database.GEOMETRY_COLUMN
_CHUNK = 500  # SQLite's variable limit is 999 on old builds


def tr(text: str) -> str:
    return translate("PratoSmartCity", text)


def _iso_datetime(value) -> str | None:
    """The store's DATETIME form (UTC, 'YYYY-MM-DDTHH:MM:SS.000Z') of an ISO time from the server."""
    if value in (None, ""):
        return None
    try:
        moment = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return str(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def _to_store_value(spec: schema.FieldSpec, value):
    if value in (None, ""):
        return None if spec.type != FieldType.TEXT or value is None else value
    if spec.type == FieldType.DATETIME:
        return _iso_datetime(value)
    if spec.type == FieldType.DATE:
        return str(value)[:10]
    if spec.type == FieldType.INTEGER:
        return int(value)
    if spec.type == FieldType.REAL:
        return float(value)
    return str(value)


def _to_api_value(spec: schema.FieldSpec, value):
    if value is None:
        return None
    if spec.type == FieldType.DATE:
        return str(value)[:10]
    if spec.type == FieldType.REAL:
        return float(value)
    if spec.type == FieldType.INTEGER:
        return int(value)
    return value if isinstance(value, str) else str(value)


class GeoPackageSyncStore:
    """``LocalStore`` over the interventions GeoPackage at ``path``. Use from one thread at a time."""

    def __init__(self, path: str | Path):
        self.path = database.open_store(path)
        # Built in the GUI thread, used by the sync task's thread (one at a time): not bound to a thread.
        try:
            self.conn = sqlite3.connect(str(self.path), timeout=30.0, isolation_level=None, check_same_thread=False)
            self.conn.execute("PRAGMA busy_timeout = 30000")
            database.register_gpkg_functions(self.conn)
        except sqlite3.Error as error:
            raise StoreError(tr("Cannot open the interventions store {path}.").format(path=self.path),
                             str(error)) from error
        store_crs = QgsCoordinateReferenceSystem(schema.STORE_CRS)
        api_crs = QgsCoordinateReferenceSystem("EPSG:4326")  # QGIS keeps x = longitude: CRS84 order
        context = QgsCoordinateTransformContext()
        self._to_api = QgsCoordinateTransform(store_crs, api_crs, context)
        self._to_store = QgsCoordinateTransform(api_crs, store_crs, context)
        srs = self.conn.execute("SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = ?",
                                (LAYERS[GeometryKind.POINT],)).fetchone()
        self.srs_id = int(srs[0]) if srs else 6707

    def close(self) -> None:
        self.conn.close()

    # --- geometry ----------------------------------------------------------------------------------------------

    def _blob_to_geojson(self, blob: bytes | None) -> dict | None:
        if not blob or blob[:2] != b"GP" or blob[3] & 0x10:
            return None
        envelope = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}.get((blob[3] >> 1) & 7, 0)
        geometry = QgsGeometry()
        geometry.fromWkb(bytes(blob[8 + envelope:]))
        geometry.transform(self._to_api)
        return json.loads(geometry.asJson(17))

    def _geojson_to_blob(self, geojson: dict, kind: GeometryKind) -> bytes:
        features = QgsJsonUtils.stringToFeatureList(
            json.dumps({"type": "Feature", "geometry": geojson, "properties": {}}))
        if not features or features[0].geometry().isNull():
            raise DataFormatError(tr("The server sent a geometry that cannot be read."), json.dumps(geojson)[:300])
        geometry = QgsGeometry(features[0].geometry())
        geometry.convertToMultiType()
        geometry.transform(self._to_store)
        wkb = bytes(geometry.asWkb())
        box = geometry.boundingBox()
        header = b"GP" + struct.pack("<BBi", 0, 0x03, self.srs_id)  # little-endian, xy envelope
        return header + struct.pack("<dddd", box.xMinimum(), box.xMaximum(), box.yMinimum(), box.yMaximum()) + wkb

    @staticmethod
    def kind_of(geojson: dict | None) -> GeometryKind | None:
        try:
            return schema.kind_of_geojson_type((geojson or {}).get("type", ""))
        except ValueError:
            return None

    # --- reading -----------------------------------------------------------------------------------------------

    def pending_changes(self) -> list[PendingChange]:
        rows = self.conn.execute("SELECT uuid, layer, op, base_version, seq FROM change_log "
                                 "WHERE pushed_at IS NULL ORDER BY uuid, seq").fetchall()
        changes, group = [], []
        for row in rows + [None]:
            if group and (row is None or row[0] != group[0][0]):
                first, last = group[0], group[-1]
                changes.append(PendingChange(uuid=first[0], layer=last[1],
                                             created=first[2] == "insert" and first[3] is None,
                                             base_version=first[3], first_seq=first[4], last_seq=last[4]))
                group = []
            if row is not None:
                group.append(row)
        changes.sort(key=lambda c: c.first_seq)
        return changes

    def pending_count(self) -> int:
        return self.conn.execute("SELECT COUNT(DISTINCT uuid) FROM change_log WHERE pushed_at IS NULL").fetchone()[0]

    def _locate(self, uuids: list[str]) -> dict[str, tuple[str, int, int | None]]:
        """uuid -> (layer, fid, version) of the local features among ``uuids``."""
        found = {}
        for layer in LAYERS.values():
            for start in range(0, len(uuids), _CHUNK):
                chunk = uuids[start:start + _CHUNK]
                marks = ",".join("?" * len(chunk))
                for uuid, fid, version in self.conn.execute(
                        f'SELECT uuid, fid, version FROM "{layer}" WHERE uuid IN ({marks})', chunk):
                    found[uuid] = (layer, fid, version)
        return found

    def features(self, uuids: Iterable[str]) -> dict[str, dict]:
        uuids = list(uuids)
        result = {}
        columns = ", ".join(f'"{name}"' for name in schema.FIELD_NAMES)
        for layer in LAYERS.values():
            for start in range(0, len(uuids), _CHUNK):
                chunk = uuids[start:start + _CHUNK]
                marks = ",".join("?" * len(chunk))
                for row in self.conn.execute(
                        f'SELECT {columns}, "{GEOM}" FROM "{layer}" WHERE uuid IN ({marks})', chunk):
                    values = dict(zip(schema.FIELD_NAMES, row[:-1]))
                    properties = {spec.name: _to_api_value(spec, values[spec.name]) for spec in schema.FIELDS
                                  if spec.name != "uuid"}
                    result[values["uuid"]] = {"type": "Feature", "id": values["uuid"],
                                              "geometry": self._blob_to_geojson(row[-1]), "properties": properties,
                                              "layer": layer}
        return result

    def all_features(self) -> dict[str, dict]:
        uuids = [row[0] for layer in LAYERS.values() for row in self.conn.execute(f'SELECT uuid FROM "{layer}"')]
        return self.features(uuids)

    # --- photos ------------------------------------------------------------------------------------------------

    def _photo_file(self, path: str) -> Path | None:
        return self.path.parent / path if is_photo_path(path) else None

    def read_attachment(self, path: str) -> bytes | None:
        file = self._photo_file(path)
        try:
            return file.read_bytes() if file is not None else None
        except OSError:  # missing, or not a file
            return None

    def write_attachment(self, path: str, content: bytes) -> None:
        file = self._photo_file(path)
        if file is None:
            raise DataFormatError(tr("The server sent a photo with a path outside the photos folder."), path)
        partial = file.with_name(f".{file.name}.part")
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
            partial.write_bytes(content)
            os.replace(partial, file)  # whole or not at all
        except OSError as error:
            raise StoreError(tr("Cannot write the photo {path} beside the store.").format(path=file),
                             str(error)) from error

    def missing_attachments(self) -> dict[str, list[str]]:
        columns = ", ".join(f'"{name}"' for name in ATTACHMENT_FIELDS)
        any_set = " OR ".join(f'"{name}" IS NOT NULL' for name in ATTACHMENT_FIELDS)
        missing: dict[str, list[str]] = {}
        for layer in LAYERS.values():
            for uuid, *paths in self.conn.execute(f'SELECT uuid, {columns} FROM "{layer}" WHERE {any_set}'):
                for path in paths:
                    file = self._photo_file(path) if isinstance(path, str) else None
                    if file is not None and not file.exists() and path not in missing.get(uuid, []):
                        missing.setdefault(uuid, []).append(path)
        return missing

    # --- state -------------------------------------------------------------------------------------------------

    def get_state(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM store_state WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def state_items(self, prefix: str) -> dict[str, str]:
        rows = self.conn.execute("SELECT key, value FROM store_state WHERE substr(key, 1, ?) = ?",
                                 (len(prefix), prefix))
        return dict(rows.fetchall())

    def _write_state(self, values: dict[str, str | None]) -> None:
        for key, value in values.items():
            if value is None:
                self.conn.execute("DELETE FROM store_state WHERE key = ?", (key,))
            else:
                self.conn.execute("INSERT OR REPLACE INTO store_state (key, value) VALUES (?, ?)", (key, value))

    def set_state(self, values: dict[str, str | None]) -> None:
        with self._transaction():
            self._write_state(values)

    def _transaction(self):
        try:
            return database.transaction(self.conn)
        except sqlite3.Error as error:
            raise StoreError(tr("The interventions store cannot be written."), str(error)) from error

    # --- writing -----------------------------------------------------------------------------------------------

    def record_push(self, pushed: list[tuple[PendingChange, int | None]], state: dict[str, str | None]) -> None:
        now = utc_iso()
        with self._transaction(), database.applying_remote(self.conn):
            located = self._locate([change.uuid for change, version in pushed if version is not None])
            for change, version in pushed:
                self.conn.execute("UPDATE change_log SET pushed_at = ? WHERE uuid = ? AND seq <= ? AND "
                                  "pushed_at IS NULL", (now, change.uuid, change.last_seq))
                if version is None:
                    continue
                self.conn.execute("UPDATE change_log SET base_version = ? WHERE uuid = ? AND pushed_at IS NULL",
                                  (version, change.uuid))
                if change.uuid in located:
                    layer, fid, _ = located[change.uuid]
                    self.conn.execute(f'UPDATE "{layer}" SET version = ? WHERE fid = ?', (version, fid))
            self._write_state(state)

    def apply_remote(self, features: list[dict], state: dict[str, str | None], force: bool = False
                     ) -> tuple[int, list[dict]]:
        applied, skipped = 0, []
        uuids = [str(f["id"]) for f in features]
        with self._transaction(), database.applying_remote(self.conn):
            located = self._locate(uuids)
            pending = set()
            for start in range(0, len(uuids), _CHUNK):
                chunk = uuids[start:start + _CHUNK]
                marks = ",".join("?" * len(chunk))
                pending.update(row[0] for row in self.conn.execute(
                    f"SELECT DISTINCT uuid FROM change_log WHERE pushed_at IS NULL AND uuid IN ({marks})", chunk))
            for feature in features:
                uuid = str(feature["id"])
                props = feature.get("properties") or {}
                version = props.get("version")
                if uuid in pending and not force:
                    skipped.append(feature)
                    continue
                local = located.get(uuid)
                if local is not None and not force and (local[2] or 0) >= version:
                    continue  # we already have this version (often our own push coming back)
                if props.get("deleted"):
                    if local is not None:
                        self.conn.execute(f'DELETE FROM "{local[0]}" WHERE fid = ?', (local[1],))
                        applied += 1
                    continue
                kind = self.kind_of(feature.get("geometry"))
                if kind is None:
                    log.warning("intervention %s from the server has no usable geometry (%s): not applied", uuid,
                                str(feature.get("geometry"))[:200])
                    continue
                self._write_feature(uuid, feature, kind, local)
                applied += 1
            self._write_state(state)
        return applied, skipped

    def _write_feature(self, uuid: str, feature: dict, kind: GeometryKind, local) -> None:
        props = feature.get("properties") or {}
        values = {spec.name: _to_store_value(spec, props.get(spec.name)) for spec in schema.FIELDS}
        values["uuid"] = uuid
        values[GEOM] = self._geojson_to_blob(feature["geometry"], kind)
        layer = LAYERS[kind]
        if local is not None and local[0] == layer:
            assignments = ", ".join(f'"{name}" = ?' for name in values)
            self.conn.execute(f'UPDATE "{layer}" SET {assignments} WHERE fid = ?', [*values.values(), local[1]])
            return
        if local is not None:  # its geometry changed kind: it moves to the other layer
            self.conn.execute(f'DELETE FROM "{local[0]}" WHERE fid = ?', (local[1],))
        names = ", ".join(f'"{name}"' for name in values)
        self.conn.execute(f'INSERT INTO "{layer}" ({names}) VALUES ({",".join("?" * len(values))})',
                          list(values.values()))

    def discard_pending(self, uuid: str) -> None:
        with self._transaction():
            self.conn.execute("UPDATE change_log SET pushed_at = ? WHERE uuid = ? AND pushed_at IS NULL",
                              (utc_iso(), uuid))

    def rebase_pending(self, uuid: str, version: int) -> None:
        with self._transaction():
            self.conn.execute("UPDATE change_log SET base_version = ? WHERE uuid = ? AND pushed_at IS NULL",
                              (version, uuid))

    def add_copy(self, feature: dict) -> str:
        """A local copy under a new UUID, written as a user's insert (logged, so the next push sends it)."""
        kind = self.kind_of(feature.get("geometry"))
        if kind is None:
            raise StoreError(tr("The intervention has no geometry to copy."), str(feature.get("id")))
        new_uuid = schema.new_uuid()
        props = dict(feature.get("properties") or {})
        now = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")
        props.update(version=1, created_at=now, modified_at=now)
        values = {spec.name: _to_store_value(spec, props.get(spec.name)) for spec in schema.FIELDS}
        values["uuid"] = new_uuid
        values[GEOM] = self._geojson_to_blob(feature["geometry"], kind)
        names = ", ".join(f'"{name}"' for name in values)
        with self._transaction():
            self.conn.execute(f'INSERT INTO "{LAYERS[kind]}" ({names}) VALUES ({",".join("?" * len(values))})',
                              list(values.values()))
        return new_uuid
