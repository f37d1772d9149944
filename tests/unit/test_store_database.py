"""The store's file format and triggers, with GDAL and plain sqlite3 (the way sync and the field kit reach it)."""

import datetime as dt
import sqlite3

import pytest
from osgeo import ogr

from prato_smartcity_plugin.adapters.store import database as db
from prato_smartcity_plugin.core.errors import StoreError
from prato_smartcity_plugin.core.interventions import schema

POINT = "interventions_point"
# A GeoPackage point blob (header without envelope + WKB MultiPoint), as GDAL writes it.
GEOM = b"GP\x00\x01" + (6707).to_bytes(4, "little") + ogr.CreateGeometryFromWkt(
    "MULTIPOINT (668000 4860000)").ExportToIsoWkb()


@pytest.fixture()
def store(tmp_path):
    return db.open_store(tmp_path / "interventions.gpkg")


def insert(conn, uuid, **values):
    values = {"title": "t", **schema.DEFAULTS, **values}
    columns = ", ".join(["uuid", "geom", *values])
    marks = ", ".join("?" * (len(values) + 2))
    conn.execute(f"INSERT INTO {POINT} ({columns}) VALUES ({marks})", (uuid, GEOM, *values.values()))


def log_rows(conn):
    return conn.execute("SELECT uuid, layer, op, base_version, pushed_at FROM change_log ORDER BY seq").fetchall()


def test_layers_fields_crs_and_tables_follow_the_contract(store):
    dataset = ogr.Open(str(store))
    for name in db.LAYER_NAMES.values():
        layer = dataset.GetLayerByName(name)
        assert layer.GetFIDColumn() == "fid"
        assert ogr.GeometryTypeToName(layer.GetGeomType()).startswith("Multi")
        assert layer.GetSpatialRef().GetAuthorityCode(None) == "6707"
        definition = layer.GetLayerDefn()
        assert [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())] == list(
            schema.FIELD_NAMES)
        assert definition.GetFieldDefn(0).IsUnique()
    conn = db.connect(store)
    columns = [row[1] for row in conn.execute("PRAGMA table_info(change_log)")]
    assert columns == ["seq", "uuid", "layer", "op", "changed_at", "base_version", "pushed_at"]
    assert [row[1] for row in conn.execute("PRAGMA table_info(store_state)")] == ["key", "value"]


def test_insert_update_delete_are_logged_with_base_versions(store):
    conn = db.connect(store)
    insert(conn, "u1")
    created, modified, version = conn.execute(f"SELECT created_at, modified_at, version FROM {POINT}").fetchone()
    assert created and modified and created.endswith("Z") and version == 1
    conn.execute(f"UPDATE {POINT} SET title = 'new title' WHERE uuid = 'u1'")
    conn.execute(f"UPDATE {POINT} SET version = 4 WHERE uuid = 'u1'")  # sync's bookkeeping: not a user's edit
    conn.execute(f"DELETE FROM {POINT} WHERE uuid = 'u1'")
    assert log_rows(conn) == [("u1", POINT, "insert", None, None), ("u1", POINT, "update", 1, None),
                              ("u1", POINT, "delete", 4, None)]
    stamp = conn.execute("SELECT changed_at FROM change_log").fetchone()[0]
    assert len(stamp) == 20 and stamp[10] == "T" and stamp.endswith("Z")
    assert db.pending_changes(store) == 3


def test_local_update_stamps_modified_at(store):
    conn = db.connect(store)
    insert(conn, "u1", modified_at="2001-01-01T00:00:00.000Z", created_at="2001-01-01T00:00:00.000Z")
    conn.execute(f"UPDATE {POINT} SET title = 'x' WHERE uuid = 'u1'")
    created, modified = conn.execute(f"SELECT created_at, modified_at FROM {POINT}").fetchone()
    assert created == "2001-01-01T00:00:00.000Z" and modified > "2020"


def test_nothing_is_logged_or_stamped_while_applying_remote_changes(store):
    conn = db.connect(store)
    with db.transaction(conn), db.applying_remote(conn):
        insert(conn, "remote", created_at="2020-01-01T00:00:00.000Z", modified_at="2020-02-01T00:00:00.000Z",
               version=7)
        conn.execute(f"UPDATE {POINT} SET title = 'server title' WHERE uuid = 'remote'")
    assert log_rows(conn) == []
    assert conn.execute(f"SELECT modified_at, version FROM {POINT}").fetchone() == ("2020-02-01T00:00:00.000Z", 7)
    assert conn.execute("SELECT COUNT(*) FROM store_state WHERE key = 'applying_remote'").fetchone()[0] == 0
    conn.execute(f"DELETE FROM {POINT} WHERE uuid = 'remote'")
    assert log_rows(conn) == [("remote", POINT, "delete", 7, None)]


@pytest.mark.parametrize("values, message", [
    ({"start_date": "2026-05-02", "end_date": "2026-05-01"}, "end date must not be before the start date"),
    ({"budget_eur": -5}, "budget cannot be negative"),
])
def test_inconsistent_records_are_refused_and_nothing_is_logged(store, values, message):
    conn = db.connect(store)
    with pytest.raises(sqlite3.IntegrityError, match=message):
        insert(conn, "bad", **values)
    insert(conn, "good")
    assignments = ", ".join(f"{k} = ?" for k in values)
    with pytest.raises(sqlite3.IntegrityError, match=message):
        conn.execute(f"UPDATE {POINT} SET {assignments} WHERE uuid = 'good'", tuple(values.values()))
    assert log_rows(conn) == [("good", POINT, "insert", None, None)]


REQUIRED = [spec.name for spec in schema.FIELDS if spec.required and not spec.system]


@pytest.mark.parametrize("field", REQUIRED)
@pytest.mark.parametrize("empty", [None, "", "   "])
def test_an_empty_required_field_is_refused_from_any_client_and_nothing_is_logged(store, field, empty):
    conn = db.connect(store)
    label = schema.FIELDS_BY_NAME[field].label
    with pytest.raises(sqlite3.IntegrityError, match=f"{label} is required"):
        insert(conn, "bad", **{field: empty})
    insert(conn, "good")
    with pytest.raises(sqlite3.IntegrityError, match=f"{label} is required"):
        conn.execute(f"UPDATE {POINT} SET {field} = ? WHERE uuid = 'good'", (empty,))
    assert conn.execute(f"SELECT COUNT(*) FROM {POINT} WHERE {field} IS NULL OR trim({field}) = ''").fetchone()[0] == 0
    assert log_rows(conn) == [("good", POINT, "insert", None, None)]


def test_a_record_received_incomplete_from_the_server_can_still_be_edited_locally(store):
    """Sync is never refused; a local edit of other fields of such a record is not blocked by the fields it lacks."""
    conn = db.connect(store)
    with db.transaction(conn), db.applying_remote(conn):
        insert(conn, "remote", title=None, plan_code=None)
    conn.execute(f"UPDATE {POINT} SET status = 'approved' WHERE uuid = 'remote'")
    assert [row[2] for row in log_rows(conn)] == ["update"]


def test_refused_fields_are_what_the_triggers_refuse(store):
    """The plugin tells the user beforehand what the store will refuse: the same SQL conditions, in memory."""
    assert db.refused_fields({}) == set(REQUIRED)
    complete = {"title": "Piazza", **schema.DEFAULTS}
    assert db.refused_fields(complete) == set()
    assert db.refused_fields({**complete, "title": "  ", "budget_eur": -1.5}) == {"title", "budget_eur"}
    assert db.refused_fields({**complete, "start_date": dt.date(2026, 5, 2), "end_date": dt.date(2026, 5, 1)}) == {
        "end_date"}


def test_a_store_moved_or_deleted_is_reported_and_not_recreated_empty(store):
    db.change_log(store)
    moved = store.with_name("moved.gpkg")
    store.rename(moved)
    for read in (db.change_log, db.pending_changes, db.connect):
        with pytest.raises(StoreError, match="does not exist: it was moved or deleted"):
            read(store)
    assert not store.exists()
    assert db.change_log(moved) == []


def test_the_edit_and_its_log_entry_are_one_transaction(store):
    conn = db.connect(store)
    conn.execute("CREATE TRIGGER refuse_log BEFORE INSERT ON change_log BEGIN SELECT RAISE(ABORT, 'log full'); END")
    with pytest.raises(sqlite3.IntegrityError, match="log full"):
        insert(conn, "u1")
    assert conn.execute(f"SELECT COUNT(*) FROM {POINT}").fetchone()[0] == 0


def test_uuid_is_unique(store):
    conn = db.connect(store)
    insert(conn, "same")
    with pytest.raises(sqlite3.IntegrityError):
        insert(conn, "same")


def test_reopening_is_idempotent_and_upgrades_an_older_store(store):
    conn = db.connect(store)
    insert(conn, "u1")
    conn.execute(f'DROP TRIGGER "{POINT}_log_update"')
    conn.execute("DELETE FROM store_state")
    conn.close()
    assert db.open_store(store) == store
    assert db.open_store(store) == store
    conn = db.connect(store)
    conn.execute(f"UPDATE {POINT} SET title = 'x'")
    assert [row[2] for row in log_rows(conn)] == ["insert", "update"]
    assert conn.execute("SELECT value FROM store_state WHERE key = ?", (db.FORMAT_VERSION_KEY,)).fetchone() == (
        str(db.STORE_FORMAT_VERSION),)


def test_a_store_missing_a_layer_gets_it_back(store):
    dataset = ogr.Open(str(store), 1)
    dataset.DeleteLayer(POINT)
    dataset = None
    db.open_store(store)
    assert ogr.Open(str(store)).GetLayerByName(POINT) is not None


def test_a_text_file_is_refused(tmp_path):
    path = tmp_path / "notes.gpkg"
    path.write_text("these are my notes, not a database\n" * 10)
    with pytest.raises(StoreError, match="is not a GeoPackage"):
        db.open_store(path)
    assert path.read_text().startswith("these are my notes")


def test_a_geopackage_of_other_data_is_refused(tmp_path):
    path = tmp_path / "roads.gpkg"
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    dataset.CreateLayer("roads", None, ogr.wkbLineString)
    dataset = None
    with pytest.raises(StoreError, match="other data"):
        db.open_store(path)
    assert [row[0] for row in sqlite3.connect(path).execute("SELECT table_name FROM gpkg_contents")] == ["roads"]


def test_a_plain_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "app.gpkg"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(StoreError, match="is not a GeoPackage"):
        db.open_store(path)


def test_a_damaged_store_is_refused(store):
    data = bytearray(store.read_bytes())
    page = 4096
    data[page * 2: page * 6] = b"\x13" * (page * 4)  # overwrite pages in the middle of the file
    store.write_bytes(bytes(data))
    with pytest.raises(StoreError) as raised:
        db.open_store(store)
    assert "damaged" in raised.value.message or "cannot be opened" in raised.value.message


def test_a_store_locked_by_another_program_is_reported(store):
    db.connect(store).execute(f'DROP TRIGGER "{POINT}_log_update"')  # an older store: opening it must write
    other = sqlite3.connect(store, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    other.execute("DELETE FROM store_state")  # a writer in the middle of its transaction
    try:
        with pytest.raises(StoreError, match="in use by another program"):
            db.open_store(store, timeout=0.2)
    finally:
        other.execute("ROLLBACK")
    assert db.open_store(store) == store


def test_gpkg_bounds_read_envelopes_and_plain_wkb():
    polygon = ogr.CreateGeometryFromWkt("MULTIPOLYGON (((0 0, 10 0, 10 5, 0 0)))")
    blob = b"GP\x00\x01" + (6707).to_bytes(4, "little") + polygon.ExportToIsoWkb()
    assert db._gpkg_bounds(blob) == (0, 10, 0, 5)
    assert db._gpkg_bounds(GEOM) == (668000, 668000, 4860000, 4860000)
    empty = b"GP\x00\x11" + (6707).to_bytes(4, "little") + ogr.CreateGeometryFromWkt("POINT EMPTY").ExportToIsoWkb()
    assert db._gpkg_bounds(empty) is None


@pytest.fixture(params=["exceptions", "return codes"])
def gdal_mode(request):
    """Other modules of the plugin call gdal.UseExceptions() (process-wide): the store works either way."""
    from osgeo import gdal

    before = gdal.GetUseExceptions()
    (gdal.UseExceptions if request.param == "exceptions" else gdal.DontUseExceptions)()
    yield
    (gdal.UseExceptions if before else gdal.DontUseExceptions)()


def test_create_upgrade_and_refuse_whatever_gdal_error_mode(tmp_path, gdal_mode):
    path = db.open_store(tmp_path / "interventions.gpkg")
    dataset = ogr.Open(str(path), 1)
    dataset.DeleteLayer(POINT)
    dataset = None
    assert db.open_store(path) == path
    assert ogr.Open(str(path)).GetLayerByName(POINT) is not None
    other = tmp_path / "roads.gpkg"
    ogr.GetDriverByName("GPKG").CreateDataSource(str(other)).CreateLayer("roads", None, ogr.wkbLineString)
    with pytest.raises(StoreError, match="other data"):
        db.open_store(other)
    with pytest.raises(StoreError, match="cannot be opened"):
        db.open_store(_unwritable(tmp_path))


def _unwritable(tmp_path):
    """A path whose parent is a file: nothing can be created there."""
    blocker = tmp_path / "blocker"
    blocker.write_text("a file, not a folder")
    return blocker / "interventions.gpkg"
