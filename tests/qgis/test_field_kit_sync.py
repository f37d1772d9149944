"""A day in the field, against the municipal API reference stack: the office syncs, prepares a kit, the kit is edited
with the API out of reach, then synced back; the server and both stores end with exactly the edits, none doubled."""

from __future__ import annotations

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsProject

from prato_smartcity_plugin.adapters.store import layers as store_layers
from prato_smartcity_plugin.adapters.sync_store import GeoPackageSyncStore
from prato_smartcity_plugin.adapters.sync_task import store_location
from prato_smartcity_plugin.core.errors import PratoError
from prato_smartcity_plugin.core.sync.client import FeaturesClient, RetryPolicy
from prato_smartcity_plugin.core.sync.engine import SyncEngine
from prato_smartcity_plugin.core.sync.transport import StdlibTransport
from tests.qgis import sync_support as s

pytestmark = pytest.mark.api

# The centre of Prato and the sync helpers' test geometries, in EPSG:6707
AREA = "660000,676000,4855000,4868000 [EPSG:6707]"


def _unreachable_engine(store, api) -> SyncEngine:
    """The API as a laptop in a courtyard sees it: nothing listens (port 9, discard, is closed here)."""
    client = FeaturesClient(StdlibTransport((api.user, api.password)), "http://127.0.0.1:9", api.collection,
                            timeout=2.0, retry=RetryPolicy(attempts=2, first_delay=0.01, max_delay=0.02))
    return SyncEngine(store, client)


def test_a_field_day_syncs_back_exactly_the_field_edits(api, tmp_path, clean_project, prato_provider):
    import processing

    office_path = tmp_path / "office.gpkg"
    office = GeoPackageSyncStore(office_path)
    duomo = s.insert(office, s.POINT, title="Piazza del Duomo")
    mercatale = s.insert(office, s.POLYGON, title="Piazza Mercatale")
    s.make_engine(office, api).sync()
    waiting_at_office = s.insert(office, s.LINE, title="Ciclabile Macrolotto (non ancora inviata)")
    office.close()
    assert set(s.server_rows(api)) == {duomo, mercatale}

    store_layers.open_layers(office_path, clean_project)
    clean_project.setCrs(QgsCoordinateReferenceSystem("EPSG:6707"))
    kit_dir = tmp_path / "kit"
    result = processing.run("pratosmartcity:prepare_field_kit", {"EXTENT": AREA, "ZOOM_MIN": 12, "ZOOM_MAX": 12,
                                                                 "FOLDER": str(kit_dir)})

    # in the field: the kit's project, its own store, no network
    QgsProject.instance().clear()
    assert QgsProject.instance().read(result["PROJECT"])
    assert store_location() == kit_dir / "interventions.gpkg"
    kit = GeoPackageSyncStore(kit_dir / "interventions.gpkg")
    try:
        assert s.pending(kit) == 0 and set(s.local_rows(kit)) == {duomo, mercatale, waiting_at_office}
        bench = s.insert(kit, s.POINT, title="Panchina rotta, via Cairoli")
        s.update(kit, duomo, title="Piazza del Duomo – lato nord")
        with pytest.raises(PratoError):
            _unreachable_engine(kit, api).sync()
        assert s.pending(kit) == 2, "a failed sync must keep the field edits queued"
        assert set(s.server_rows(api)) == {duomo, mercatale}

        # back from the field
        summary = s.make_engine(kit, api).sync()
        assert summary.open_conflicts == 0 and summary.rejected == 0
        assert s.pending(kit) == 0
    finally:
        kit.close()
    rows = s.server_rows(api)
    assert set(rows) == {duomo, mercatale, bench}, "the office's own pending edit is not the kit's to send"
    assert rows[duomo]["title"] == "Piazza del Duomo – lato nord"

    # the office syncs its own edit and receives the field's: every store and the server agree, nothing doubled
    QgsProject.instance().clear()
    office = GeoPackageSyncStore(office_path)
    try:
        s.make_engine(office, api).sync()
        rows = s.server_rows(api)
        assert set(rows) == {duomo, mercatale, bench, waiting_at_office}
        local = s.local_rows(office)
        assert set(local) == set(rows)
        assert local[duomo]["properties"]["title"] == "Piazza del Duomo – lato nord"
        assert s.pending(office) == 0
    finally:
        office.close()
    assert api.psql("SELECT count(*) FROM intervention_records").strip() == "4"
