"""The interventions store on disk: one GeoPackage, created, checked and upgraded per the store contract.

Owns the file format: the three layers (Multi* geometries, EPSG:6707, ``fid`` then exactly ``schema.FIELDS``), the
``change_log`` and ``store_state`` tables and the SQLite triggers that log every insert, update and delete in the same
transaction as the edit, from any client (QGIS, sync, the field kit, plain sqlite3). No QGIS here: GDAL/OGR creates the
layers, ``sqlite3`` the rest, so every part of the plugin (and its tests) can use it.

Durability: QGIS opens a local GeoPackage in WAL journal mode while a layer is edited (and back to DELETE when the last
update connection closes); SQLite's default ``synchronous=FULL`` syncs the WAL at each commit. A commit that returned
is therefore on disk: a process killed right after it loses nothing, and the next opening replays the WAL
(tests/qgis/test_interventions_store.py kills a QGIS process with SIGKILL to check it). Copy the ``-wal`` file along
with the store if QGIS may still have it open.

Plain ``sqlite3`` writers must use :func:`connect`: GDAL's spatial index triggers call GeoPackage SQL functions that
:func:`register_gpkg_functions` provides.
"""

from __future__ import annotations

import contextlib
import sqlite3
import struct
from pathlib import Path
from typing import Iterator

from prato_smartcity_plugin.core.errors import StoreError
from prato_smartcity_plugin.core.i18n import translate
from prato_smartcity_plugin.core.interventions import schema
from prato_smartcity_plugin.core.interventions.schema import FieldType, GeometryKind
from prato_smartcity_plugin.core.log import get_logger

log = get_logger("store")

DEFAULT_FILE_NAME = "interventions.gpkg"
PHOTOS_DIR = "photos"
#: Bumped when the store's SQL objects change; ``open_store`` upgrades older files.
STORE_FORMAT_VERSION = 2  # 2: required fields refused when empty
FORMAT_VERSION_KEY = "store.format_version"
APPLYING_REMOTE_KEY = "applying_remote"
GEOMETRY_COLUMN = "geom"
FID_COLUMN = "fid"

LAYER_NAMES: dict[GeometryKind, str] = {
    GeometryKind.POINT: "interventions_point",
    GeometryKind.LINE: "interventions_line",
    GeometryKind.POLYGON: "interventions_polygon",
}
KIND_OF_LAYER: dict[str, GeometryKind] = {name: kind for kind, name in LAYER_NAMES.items()}
#: The change log's timestamps, as the contract writes them: UTC, 'YYYY-MM-DDTHH:MM:SSZ'.
SQL_NOW = "strftime('%Y-%m-%dT%H:%M:%SZ','now')"
#: created_at / modified_at: the same instant in the GeoPackage DATETIME form (UTC, second precision).
SQL_NOW_DATETIME = "strftime('%Y-%m-%dT%H:%M:%S.000Z','now')"
#: Fields the triggers (timestamps) and sync (version) maintain: an update of only these is not a user's edit.
MAINTAINED_FIELDS = ("created_at", "modified_at", "version")

GPKG_APPLICATION_ID = 0x47504B47  # "GPKG"
SQLITE_MAGIC = b"SQLite format 3\x00"


def tr(text: str) -> str:
    return translate("PratoSmartCity", text)


# --- SQL --------------------------------------------------------------------------------------------------------


def _not_applying_remote() -> str:
    return f"NOT EXISTS (SELECT 1 FROM store_state WHERE key = '{APPLYING_REMOTE_KEY}' AND value = '1')"


TABLES_SQL = """
CREATE TABLE IF NOT EXISTS change_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid TEXT NOT NULL,
    layer TEXT NOT NULL,
    op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
    changed_at TEXT NOT NULL,
    base_version INTEGER,
    pushed_at TEXT
);
CREATE INDEX IF NOT EXISTS change_log_pending ON change_log (pushed_at, seq);
CREATE INDEX IF NOT EXISTS change_log_uuid ON change_log (uuid);
CREATE TABLE IF NOT EXISTS store_state (key TEXT PRIMARY KEY, value TEXT);
"""

def _sql_text(text: str) -> str:
    return text.replace("'", "''")


def _checks() -> tuple[tuple[str, tuple[str, ...], str, str], ...]:
    """Rules every local write must keep, whatever the client (the form, the attribute table, the field calculator,
    Processing, plain sqlite3): ``(name, columns whose update is checked, condition on NEW, message)``. The messages
    are English (SQLite has no translations): the plugin shows the schema's translated ones (:func:`refused_fields`).
    Sync applying the server's data is exempt: it must never be refused."""
    required = tuple(
        (f"{spec.name}_required", (spec.name,),
         f"NEW.{spec.name} IS NULL OR trim(NEW.{spec.name}) = ''",
         f"Prato Smart City: {_sql_text(spec.label)} is required")
        for spec in schema.FIELDS if spec.required and not spec.system)
    return required + (
        ("end_after_start", ("start_date", "end_date"),
         "NEW.start_date IS NOT NULL AND NEW.end_date IS NOT NULL AND NEW.end_date < NEW.start_date",
         "Prato Smart City: the end date must not be before the start date"),
        ("budget_not_negative", ("budget_eur",), "NEW.budget_eur IS NOT NULL AND NEW.budget_eur < 0",
         "Prato Smart City: the budget cannot be negative"),
    )


CHECKS = _checks()
#: The field each rule is about (the schema reports its problem there).
CHECK_FIELDS = {name: "end_date" if name == "end_after_start" else columns[0] for name, columns, _, _ in CHECKS}


def refused_fields(record: dict) -> set[str]:
    """The fields of ``record`` (a schema record) for which the store's triggers would refuse the write: the same SQL
    conditions, evaluated on the record in memory."""
    columns = sorted({column for _, names, _, _ in CHECKS for column in names})
    values = []
    for column in columns:
        value = record.get(column)
        values.append(value.isoformat() if hasattr(value, "isoformat") else value)
    row = ", ".join(f"? AS {column}" for column in columns)
    conn = sqlite3.connect(":memory:")
    try:
        return {CHECK_FIELDS[name] for name, _, condition, _ in CHECKS
                if conn.execute(f"SELECT 1 FROM (SELECT {row}) AS NEW WHERE {condition}", values).fetchone()}
    finally:
        conn.close()


def trigger_sql(layer: str) -> list[str]:
    """The triggers of one layer: the change log, the timestamps and the checks (dropped and created again, so that an
    upgrade replaces them)."""
    logged_columns = ", ".join([GEOMETRY_COLUMN] + [n for n in schema.FIELD_NAMES if n not in MAINTAINED_FIELDS])
    local = _not_applying_remote()
    statements = []
    for suffix in ("log_insert", "log_update", "log_delete") + tuple(f"check_{name}_{op}" for name, _, _, _ in CHECKS
                                                                     for op in ("insert", "update")):
        statements.append(f'DROP TRIGGER IF EXISTS "{layer}_{suffix}"')
    statements.append(f"""
CREATE TRIGGER "{layer}_log_insert" AFTER INSERT ON "{layer}" WHEN {local}
BEGIN
    UPDATE "{layer}" SET created_at = COALESCE(created_at, {SQL_NOW_DATETIME}),
        modified_at = COALESCE(modified_at, {SQL_NOW_DATETIME}),
        version = COALESCE(version, 1)
        WHERE {FID_COLUMN} = NEW.{FID_COLUMN} AND (created_at IS NULL OR modified_at IS NULL OR version IS NULL);
    INSERT INTO change_log (uuid, layer, op, changed_at, base_version)
        VALUES (NEW.uuid, '{layer}', 'insert', {SQL_NOW}, NULL);
END""")
    # UPDATE OF lists every column but the stamped ones, so that the stamping below does not log itself.
    statements.append(f"""
CREATE TRIGGER "{layer}_log_update" AFTER UPDATE OF {logged_columns} ON "{layer}" WHEN {local}
BEGIN
    UPDATE "{layer}" SET modified_at = {SQL_NOW_DATETIME} WHERE {FID_COLUMN} = NEW.{FID_COLUMN};
    INSERT INTO change_log (uuid, layer, op, changed_at, base_version)
        VALUES (NEW.uuid, '{layer}', 'update', {SQL_NOW}, OLD.version);
END""")
    statements.append(f"""
CREATE TRIGGER "{layer}_log_delete" AFTER DELETE ON "{layer}" WHEN {local}
BEGIN
    INSERT INTO change_log (uuid, layer, op, changed_at, base_version)
        VALUES (OLD.uuid, '{layer}', 'delete', {SQL_NOW}, OLD.version);
END""")
    for name, columns, condition, message in CHECKS:
        for op in ("insert", "update"):
            event = "INSERT" if op == "insert" else f"UPDATE OF {', '.join(columns)}"
            statements.append(f"""
CREATE TRIGGER "{layer}_check_{name}_{op}" BEFORE {event} ON "{layer}" WHEN {local} AND {condition}
BEGIN
    SELECT RAISE(ABORT, '{message}');
END""")
    return statements


# --- the GeoPackage SQL functions the spatial index triggers call ------------------------------------------------


def _wkb_bounds(wkb: bytes) -> tuple[float, float, float, float] | None:
    """(minx, maxx, miny, maxy) of an ISO/extended WKB geometry; None when empty."""
    xs: list[float] = []
    ys: list[float] = []

    def read(offset: int) -> int:
        endian = "<" if wkb[offset] == 1 else ">"
        (code,) = struct.unpack_from(endian + "I", wkb, offset + 1)
        offset += 5
        flags = code & 0xE0000000
        code &= 0x0FFFFFFF
        base, dims = code % 1000, 2 + {0: 0, 1: 1, 2: 1, 3: 2}[code // 1000]
        dims += bool(flags & 0x80000000) + bool(flags & 0x40000000)
        if flags & 0x20000000:  # EWKB SRID
            offset += 4

        def points(offset: int, count: int) -> int:
            for i in range(count):
                x, y = struct.unpack_from(endian + "dd", wkb, offset + i * 8 * dims)
                if x == x and y == y:  # NaN: an empty point
                    xs.append(x)
                    ys.append(y)
            return offset + count * 8 * dims

        if base == 1:
            return points(offset, 1)
        (count,) = struct.unpack_from(endian + "I", wkb, offset)
        offset += 4
        if base == 2:
            return points(offset, count)
        if base == 3:
            for _ in range(count):
                (n,) = struct.unpack_from(endian + "I", wkb, offset)
                offset = points(offset + 4, n)
            return offset
        for _ in range(count):  # multi geometries and collections
            offset = read(offset)
        return offset

    read(0)
    return (min(xs), max(xs), min(ys), max(ys)) if xs else None


_ENVELOPE_DOUBLES = {0: 0, 1: 4, 2: 6, 3: 6, 4: 8}


def _gpkg_bounds(blob: bytes | None) -> tuple[float, float, float, float] | None:
    if blob is None or len(blob) < 8 or blob[:2] != b"GP":
        return None
    flags = blob[3]
    if flags & 0x10:
        return None
    endian = "<" if flags & 1 else ">"
    doubles = _ENVELOPE_DOUBLES.get((flags >> 1) & 7, 0)
    if doubles:
        minx, maxx, miny, maxy = struct.unpack_from(endian + "dddd", blob, 8)
        return minx, maxx, miny, maxy
    return _wkb_bounds(blob[8:])


def _bound(index: int):
    def function(blob):
        bounds = _gpkg_bounds(blob)
        return None if bounds is None else bounds[index]
    return function


def register_gpkg_functions(conn: sqlite3.Connection) -> None:
    """GDAL's spatial index triggers call ``ST_IsEmpty`` and ``ST_Min/MaxX/Y``: a plain ``sqlite3`` connection needs
    them to insert or update features (:func:`connect` registers them)."""
    conn.create_function("ST_IsEmpty", 1, lambda blob: None if blob is None else int(_gpkg_bounds(blob) is None),
                         deterministic=True)
    for index, name in enumerate(("ST_MinX", "ST_MaxX", "ST_MinY", "ST_MaxY")):
        conn.create_function(name, 1, _bound(index), deterministic=True)


# --- opening, checking, creating --------------------------------------------------------------------------------


def connect(path: str | Path, timeout: float = 5.0) -> sqlite3.Connection:
    """A plain SQLite connection to the existing store (autocommit unless in :func:`transaction`; waits up to
    ``timeout`` s for another writer), with the GeoPackage functions the spatial index triggers need.

    Never creates the file: a store moved or deleted while the plugin knows its path raises :class:`StoreError` rather
    than leaving an empty database in its place (which would then be refused as "not a GeoPackage")."""
    path = Path(path).absolute()
    if not path.is_file():
        raise StoreError(tr("The interventions store {path} does not exist: it was moved or deleted.").format(
            path=path), f"no file at {path}")
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=rw", uri=True, timeout=timeout, isolation_level=None)
        conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        register_gpkg_functions(conn)
    except sqlite3.Error as error:
        raise StoreError(tr("Cannot open the interventions store {path}.").format(path=path), str(error)) from error
    return conn


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` ... ``COMMIT`` (``ROLLBACK`` on error): one writer, everything or nothing."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


@contextlib.contextmanager
def applying_remote(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Inside an open transaction: writes made in the block are not logged and keep their timestamps (sync uses this to
    apply the server's changes; the row is removed before the transaction commits)."""
    conn.execute("INSERT OR REPLACE INTO store_state (key, value) VALUES (?, '1')", (APPLYING_REMOTE_KEY,))
    try:
        yield conn
    finally:
        conn.execute("DELETE FROM store_state WHERE key = ?", (APPLYING_REMOTE_KEY,))


def _store_error(path: Path, error: BaseException) -> StoreError:
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        message = tr("The interventions store {path} is in use by another program; close it and try again.")
    elif "readonly" in text or "read-only" in text or "permission" in text:
        message = tr("The interventions store {path} cannot be written (read-only file or folder).")
    elif "not a database" in text or "malformed" in text or "corrupt" in text:
        message = tr("The interventions store {path} is damaged; restore it from a backup or choose another file.")
    else:
        message = tr("The interventions store {path} cannot be opened.")
    return StoreError(message.format(path=path), f"{type(error).__name__}: {error}")


def _check_file(path: Path, timeout: float) -> None:
    """Refuse what is not a GeoPackage, or a damaged one, before OGR or QGIS touch it."""
    try:
        with path.open("rb") as stream:
            header = stream.read(100)
    except OSError as error:
        raise _store_error(path, error) from error
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise StoreError(tr("{path} is not a GeoPackage: choose another file for the interventions store.").format(
            path=path), f"header: {header[:16]!r}")
    conn = connect(path, timeout)
    try:
        application_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        check = conn.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.Error as error:
        raise _store_error(path, error) from error
    finally:
        conn.close()
    if check != "ok":
        raise StoreError(tr("The interventions store {path} is damaged; restore it from a backup or choose another "
                            "file.").format(path=path), f"quick_check: {check}")
    if application_id != GPKG_APPLICATION_ID or "gpkg_contents" not in tables:
        raise StoreError(tr("{path} is not a GeoPackage: choose another file for the interventions store.").format(
            path=path), f"application_id={application_id:#x}, tables={sorted(tables)}")
    ours = set(LAYER_NAMES.values()) | {"change_log", "store_state"}
    data_tables = _contents(path)
    if data_tables and not (set(data_tables) & ours):
        raise StoreError(tr("{path} is a GeoPackage of other data, not an interventions store: choose another file."
                            ).format(path=path), f"tables: {sorted(data_tables)}")


def _contents(path: Path) -> list[str]:
    conn = connect(path)
    try:
        return [row[0] for row in conn.execute("SELECT table_name FROM gpkg_contents")]
    finally:
        conn.close()


_OGR_FIELD_TYPES = {
    FieldType.TEXT: "OFTString",
    FieldType.INTEGER: "OFTInteger",
    FieldType.REAL: "OFTReal",
    FieldType.DATE: "OFTDate",
    FieldType.DATETIME: "OFTDateTime",
}
_OGR_GEOMETRY_TYPES = {
    GeometryKind.POINT: "wkbMultiPoint",
    GeometryKind.LINE: "wkbMultiLineString",
    GeometryKind.POLYGON: "wkbMultiPolygon",
}


def _field_definition(spec: schema.FieldSpec):
    from osgeo import ogr

    definition = ogr.FieldDefn(spec.name, getattr(ogr, _OGR_FIELD_TYPES[spec.type]))
    if spec.length:
        definition.SetWidth(spec.length)
    if spec.name == "uuid":
        definition.SetNullable(False)
        definition.SetUnique(True)
    if spec.name == "version":
        definition.SetDefault("1")
    return definition


def _ensure_layers(path: Path) -> list[str]:
    """Create the missing layers (and append fields a newer schema added); returns what was created."""
    from osgeo import gdal, ogr, osr

    created: list[str] = []
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        gdal.ErrorReset()
        if path.exists():
            dataset = gdal.OpenEx(str(path), gdal.OF_VECTOR | gdal.OF_UPDATE, allowed_drivers=["GPKG"])
        else:
            dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
        if dataset is None:
            raise _store_error(path, OSError(gdal.GetLastErrorMsg() or "GDAL could not open the file"))
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(int(schema.STORE_CRS.split(":")[1]))
        for kind, name in LAYER_NAMES.items():
            geometry_type = getattr(ogr, _OGR_GEOMETRY_TYPES[kind])
            layer = dataset.GetLayerByName(name)
            if layer is None:
                layer = dataset.CreateLayer(name, srs, geometry_type, [f"FID={FID_COLUMN}",
                                                                       f"GEOMETRY_NAME={GEOMETRY_COLUMN}"])
                if layer is None:
                    raise _store_error(path, OSError(gdal.GetLastErrorMsg()))
                created.append(name)
            elif layer.GetGeomType() != geometry_type:
                raise StoreError(tr("The layer {layer} of {path} has the wrong geometry type: this is not an "
                                    "interventions store.").format(layer=name, path=path),
                                 ogr.GeometryTypeToName(layer.GetGeomType()))
            definition = layer.GetLayerDefn()
            existing = {definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())}
            for spec in schema.FIELDS:
                if spec.name not in existing and layer.CreateField(_field_definition(spec)) != 0:
                    raise _store_error(path, OSError(gdal.GetLastErrorMsg()))
        dataset = None  # closes (and flushes) the file
    except RuntimeError as error:  # when something in the process called gdal.UseExceptions()
        raise _store_error(path, error) from error
    finally:
        gdal.PopErrorHandler()
    return created


def _installed_version(conn: sqlite3.Connection) -> int:
    try:
        row = conn.execute("SELECT value FROM store_state WHERE key = ?", (FORMAT_VERSION_KEY,)).fetchone()
    except sqlite3.OperationalError:
        return 0
    return int(row[0]) if row else 0


def _install_sql(path: Path, timeout: float) -> None:
    conn = connect(path, timeout)
    try:
        if _installed_version(conn) == STORE_FORMAT_VERSION and _has_triggers(conn):
            return
        with transaction(conn):
            for statement in filter(None, (s.strip() for s in TABLES_SQL.split(";"))):
                conn.execute(statement)
            for layer in LAYER_NAMES.values():
                for statement in trigger_sql(layer):
                    conn.execute(statement)
            conn.execute("INSERT OR REPLACE INTO store_state (key, value) VALUES (?, ?)",
                         (FORMAT_VERSION_KEY, str(STORE_FORMAT_VERSION)))
    except sqlite3.Error as error:
        raise _store_error(path, error) from error
    finally:
        conn.close()


def _has_triggers(conn: sqlite3.Connection) -> bool:
    names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    return all(f"{layer}_log_{op}" in names for layer in LAYER_NAMES.values() for op in ("insert", "update", "delete"))


def open_store(path: str | Path, timeout: float = 5.0) -> Path:
    """Create the store at ``path`` or check and upgrade the one there; returns its absolute path.

    Raises :class:`StoreError` with a clear message for a foreign, damaged, locked (still, after ``timeout`` s) or
    read-only file.
    """
    path = Path(path).expanduser().absolute()
    if path.exists():
        _check_file(path, timeout)
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise _store_error(path, error) from error
    created = _ensure_layers(path)
    _install_sql(path, timeout)
    if created:
        log.info("interventions store %s: created %s", path, ", ".join(created))
    return path


# --- reading the log --------------------------------------------------------------------------------------------


def pending_changes(path: str | Path) -> int:
    """How many logged changes sync has not pushed yet."""
    conn = connect(path)
    try:
        return conn.execute("SELECT COUNT(*) FROM change_log WHERE pushed_at IS NULL").fetchone()[0]
    except sqlite3.Error as error:
        raise _store_error(Path(path), error) from error
    finally:
        conn.close()


def change_log(path: str | Path, pending_only: bool = False) -> list[dict]:
    """The change log, oldest first, as dicts of its columns."""
    conn = connect(path)
    conn.row_factory = sqlite3.Row
    try:
        where = " WHERE pushed_at IS NULL" if pending_only else ""
        return [dict(row) for row in conn.execute(f"SELECT * FROM change_log{where} ORDER BY seq")]
    except sqlite3.Error as error:
        raise _store_error(Path(path), error) from error
    finally:
        conn.close()
