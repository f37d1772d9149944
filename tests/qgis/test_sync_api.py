"""Sync against the real municipal API reference stack (PostgreSQL/PostGIS + pygeoapi + nginx on loopback): what two
planners with two laptops would notice — their data arrives intact, conflicts are shown and settled as chosen, deletes
travel both ways, bad credentials send nothing, a flaky network neither loses nor duplicates anything."""

from __future__ import annotations

import pytest

from prato_smartcity_plugin.core.errors import AuthenticationError, CancelledError, SyncError
from prato_smartcity_plugin.core.sync.engine import ConflictPolicy, Resolution, SyncSummary
from tests.fault_proxy import FaultProxy
from tests.qgis import sync_support as s

pytestmark = pytest.mark.api


@pytest.fixture()
def stores(tmp_path, qgis_app):
    a, b = s.open_store(tmp_path, "anna"), s.open_store(tmp_path, "bruno")
    yield a, b
    a.close()
    b.close()


def test_round_trip_of_every_geometry_type_and_attribute(api, stores):
    anna, bruno = stores
    point = s.insert(anna, s.POINT, title="Piazza Sant'Agostino – caffè, età, perché", street="Via Santa Trinità",
                     start_date="2026-03-01", end_date="2026-06-30", budget_eur=125000.5, category="square",
                     plan_code="PR-V1", description="Riqualificazione\nseconda riga «citazione»", surveyor=None)
    line = s.insert(anna, s.LINE, title="Ciclabile Bisenzio", category="cycle_link", plan_code="PR-V4",
                    street=None, start_date=None, budget_eur=None)
    polygon = s.insert(anna, s.POLYGON, title="Bosco urbano con buco", category="forestation",
                       plan_code="URBAN-JUNGLE", responsible_body="alia", status="approved")

    summary = s.make_engine(anna, api).sync()
    assert (summary.sent, summary.rejected, summary.open_conflicts) == (3, 0, 0)
    assert s.pending(anna) == 0

    server = s.server_rows(api)
    assert set(server) == {point, line, polygon}
    assert server[point]["title"] == "Piazza Sant'Agostino – caffè, età, perché"
    assert server[point]["description"] == "Riqualificazione\nseconda riga «citazione»"
    assert server[point]["start_date"] == "2026-03-01" and server[point]["budget_eur"] == 125000.5
    assert server[line]["street"] is None and server[line]["budget_eur"] is None
    assert server[polygon]["geometry"]["type"] == "MultiPolygon"
    assert len(server[polygon]["geometry"]["coordinates"][0]) == 2  # the hole survived
    assert s.geometries_close(server[line]["geometry"], s.LINE)

    summary = s.make_engine(bruno, api).sync()
    assert summary.received == 3
    mine, theirs = s.local_rows(anna), s.local_rows(bruno)
    assert set(theirs) == set(mine)
    for uuid, feature in mine.items():
        other = theirs[uuid]
        assert other["layer"] == feature["layer"]
        assert s.geometries_close(other["geometry"], feature["geometry"])
        for name, value in feature["properties"].items():
            if name not in ("modified_at",):  # the server stamps its own modification time
                assert other["properties"][name] == value, name
    assert s.pending(bruno) == 0  # received changes are not logged as local edits


def test_an_edit_travels_with_its_version(api, stores):
    anna, bruno = stores
    uuid = s.insert(anna, s.POINT, title="Wi-Fi via Cairoli", category="wifi_site")
    s.make_engine(anna, api).sync()
    s.make_engine(bruno, api).sync()
    s.update(anna, uuid, title="Wi-Fi via Cairoli (spostato)", geometry={"type": "MultiPoint",
                                                                       "coordinates": [[11.1, 43.88]]})
    assert s.make_engine(anna, api).sync().sent == 1
    assert s.make_engine(bruno, api).sync().received == 1
    feature = s.local_rows(bruno)[uuid]
    assert feature["properties"]["title"] == "Wi-Fi via Cairoli (spostato)"
    assert feature["properties"]["version"] == 2 == s.server_rows(api)[uuid]["version"]
    assert s.geometries_close(feature["geometry"], {"type": "MultiPoint", "coordinates": [[11.1, 43.88]]})


def test_deletes_travel_both_ways_as_tombstones(api, stores):
    anna, bruno = stores
    first = s.insert(anna, s.POINT, title="Primo")
    second = s.insert(anna, s.LINE, title="Secondo")
    s.make_engine(anna, api).sync()
    s.make_engine(bruno, api).sync()

    s.delete(anna, first)
    s.delete(bruno, second)
    assert s.make_engine(anna, api).sync().sent == 1
    assert s.make_engine(bruno, api).sync().sent == 1
    s.make_engine(anna, api).sync()

    server = s.server_rows(api)
    assert server[first]["deleted"] and server[second]["deleted"]  # tombstones, still in the change feed
    assert s.local_rows(anna) == {} and s.local_rows(bruno) == {}


def _both_edit(api, anna, bruno):
    uuid = s.insert(anna, s.POINT, title="Piazza del Duomo", status="proposed")
    s.make_engine(anna, api).sync()
    s.make_engine(bruno, api).sync()
    s.update(anna, uuid, title="Piazza del Duomo (Anna)")
    s.update(bruno, uuid, status="approved", title="Piazza del Duomo (Bruno)")
    s.make_engine(anna, api).sync()
    summary = s.make_engine(bruno, api).sync()
    return uuid, summary


def test_a_feature_changed_on_both_sides_is_a_conflict_never_an_overwrite(api, stores):
    anna, bruno = stores
    uuid, summary = _both_edit(api, anna, bruno)
    assert summary.conflicts == 1 and summary.open_conflicts == 1
    assert s.server_rows(api)[uuid]["title"] == "Piazza del Duomo (Anna)"  # Bruno's edit did not overwrite
    assert s.local_rows(bruno)[uuid]["properties"]["title"] == "Piazza del Duomo (Bruno)"  # nor was his lost
    [conflict] = s.make_engine(bruno, api).conflicts()
    assert conflict.theirs["properties"]["title"] == "Piazza del Duomo (Anna)"
    assert conflict.mine["properties"]["title"] == "Piazza del Duomo (Bruno)"
    # Syncing again changes nothing until Bruno chooses.
    assert s.make_engine(bruno, api).sync().open_conflicts == 1
    assert s.server_rows(api)[uuid]["title"] == "Piazza del Duomo (Anna)"


def test_resolution_mine_sends_mine_over_theirs(api, stores):
    anna, bruno = stores
    uuid, _ = _both_edit(api, anna, bruno)
    engine = s.make_engine(bruno, api)
    engine.resolve(uuid, Resolution.MINE)
    summary = engine.sync()
    assert summary.sent == 1 and summary.open_conflicts == 0
    row = s.server_rows(api)[uuid]
    assert (row["title"], row["status"], row["version"]) == ("Piazza del Duomo (Bruno)", "approved", 3)
    s.make_engine(anna, api).sync()
    assert s.local_rows(anna)[uuid]["properties"]["title"] == "Piazza del Duomo (Bruno)"


def test_resolution_theirs_takes_the_server_version(api, stores):
    anna, bruno = stores
    uuid, _ = _both_edit(api, anna, bruno)
    engine = s.make_engine(bruno, api)
    engine.resolve(uuid, Resolution.THEIRS)
    summary = engine.sync()
    assert summary.sent == 0 and summary.open_conflicts == 0 and s.pending(bruno) == 0
    local = s.local_rows(bruno)[uuid]["properties"]
    assert (local["title"], local["status"], local["version"]) == ("Piazza del Duomo (Anna)", "proposed", 2)
    assert s.server_rows(api)[uuid]["version"] == 2


def test_resolution_keep_both_keeps_a_copy_of_mine(api, stores):
    anna, bruno = stores
    uuid, _ = _both_edit(api, anna, bruno)
    engine = s.make_engine(bruno, api)
    copy = engine.resolve(uuid, Resolution.KEEP_BOTH)
    assert copy and copy != uuid
    engine.sync()
    server = s.server_rows(api)
    assert server[uuid]["title"] == "Piazza del Duomo (Anna)"
    assert server[copy]["title"] == "Piazza del Duomo (Bruno)" and server[copy]["status"] == "approved"
    s.make_engine(anna, api).sync()
    assert {f["properties"]["title"] for f in s.local_rows(anna).values()} == {
        "Piazza del Duomo (Anna)", "Piazza del Duomo (Bruno)"}
    assert s.local_rows(bruno).keys() == s.local_rows(anna).keys() == server.keys()


def test_edit_against_a_remote_delete_is_a_conflict_and_mine_restores_it(api, stores):
    anna, bruno = stores
    uuid = s.insert(anna, s.POLYGON, title="Parco")
    s.make_engine(anna, api).sync()
    s.make_engine(bruno, api).sync()
    s.delete(anna, uuid)
    s.update(bruno, uuid, title="Parco ampliato")
    s.make_engine(anna, api).sync()
    summary = s.make_engine(bruno, api).sync()
    assert summary.open_conflicts == 1
    [conflict] = s.make_engine(bruno, api).conflicts()
    assert conflict.theirs_deleted
    engine = s.make_engine(bruno, api)
    engine.resolve(uuid, Resolution.MINE)
    engine.sync()
    row = s.server_rows(api)[uuid]
    assert not row["deleted"] and row["title"] == "Parco ampliato"
    s.make_engine(anna, api).sync()
    assert s.local_rows(anna)[uuid]["properties"]["title"] == "Parco ampliato"


def test_batch_policy_resolves_every_conflict(api, stores):
    anna, bruno = stores
    uuid, _ = _both_edit(api, anna, bruno)
    summary = s.make_engine(bruno, api).sync(ConflictPolicy.THEIRS)
    assert summary.resolved == 1 and summary.open_conflicts == 0
    assert s.local_rows(bruno)[uuid]["properties"]["title"] == "Piazza del Duomo (Anna)"


def test_wrong_credentials_give_a_clear_message_and_send_nothing(api, stores):
    anna, _ = stores
    s.insert(anna, s.POINT, title="Non deve partire")
    with pytest.raises(AuthenticationError) as raised:
        s.make_engine(anna, api, password="wrong").sync()
    assert "credentials" in raised.value.message
    assert s.server_rows(api) == {}
    assert s.pending(anna) == 1  # still queued


def test_a_refused_feature_is_kept_marked_explained_and_retried_after_the_fix(api, stores):
    anna, _ = stores
    good = s.insert(anna, s.POINT, title="Buona")
    # A wrong CRS puts the point off Italy: the server (a CHECK constraint) refuses it.
    bad = s.insert(anna, {"type": "MultiPoint", "coordinates": [[0.5, 0.5]]}, title="Fuori posto")
    summary = s.make_engine(anna, api).sync()
    assert summary.sent == 1 and summary.rejected == 1
    rejected = s.make_engine(anna, api).rejected()
    assert set(rejected) == {bad} and "refused" in rejected[bad]["message"]
    assert set(s.server_rows(api)) == {good}
    assert bad in s.local_rows(anna) and s.pending(anna) == 1
    # Unchanged, it is not sent again; once fixed, it is.
    assert s.make_engine(anna, api).sync().rejected == 1
    s.update(anna, bad, geometry={"type": "MultiPoint", "coordinates": [[11.09, 43.87]]})
    summary = s.make_engine(anna, api).sync()
    assert (summary.sent, summary.rejected) == (1, 0)
    assert set(s.server_rows(api)) == {good, bad}


def test_a_feature_breaking_the_rules_is_not_sent(api, stores):
    anna, _ = stores
    uuid = s.insert(anna, s.POINT, title="Codice sbagliato", category="not_a_category")
    summary = s.make_engine(anna, api).sync()
    assert summary.rejected == 1 and s.server_rows(api) == {}
    assert "Category" in s.make_engine(anna, api).rejected()[uuid]["message"]


def test_cancel_then_resume_sends_everything_once(api, stores):
    anna, _ = stores
    uuids = {s.insert(anna, s.POINT, title=f"Punto {i}") for i in range(120)}
    calls = {"n": 0}

    def cancel_after_some():
        calls["n"] += 1
        return calls["n"] > 60

    engine = s.make_engine(anna, api, is_cancelled=cancel_after_some, batch_size=25)
    with pytest.raises(CancelledError):
        engine.sync()
    assert 0 < len(s.server_rows(api)) < 120
    assert s.make_engine(anna, api).sync().open_conflicts == 0
    server = s.server_rows(api)
    assert set(server) == uuids and s.pending(anna) == 0
    assert all(row["version"] == 1 for row in server.values())


def test_a_lost_answer_to_a_create_does_not_duplicate_it(api, stores):
    anna, bruno = stores
    uuid = s.insert(anna, s.POINT, title="Una volta sola")
    with FaultProxy(api.nginx_port) as proxy:
        engine = s.make_engine(anna, api)
        s.through(engine, proxy.url)
        proxy.rates = {"drop_after": 1.0}  # every request reaches the server; every answer is lost
        summary = SyncSummary()
        with pytest.raises(SyncError):
            engine.push(summary)
        assert summary.sent == 0
        assert set(s.server_rows(api)) == {uuid}  # it did land
        proxy.rates = {}
        assert engine.sync().sent == 1  # found by reading it back: not sent twice
    assert s.server_rows(api)[uuid]["version"] == 1 and s.pending(anna) == 0


@pytest.mark.slow
def test_a_thousand_changes_through_a_flaky_network_lose_and_duplicate_nothing(api, stores):
    anna, bruno = stores
    rates = {"drop_before": 0.05, "drop_after": 0.05, "cut_midway": 0.05, "status_503": 0.05}
    with FaultProxy(api.nginx_port, rates, seed=20261122) as proxy:
        def sync_until_done(store):
            for _ in range(30):
                engine = s.make_engine(store, api)
                s.through(engine, proxy.url)
                try:
                    engine.sync()
                except SyncError:
                    continue
                if s.pending(store) == 0:
                    return
            raise AssertionError("sync never completed")

        created = [s.insert(anna, [s.POINT, s.LINE, s.POLYGON][i % 3], title=f"Intervento {i}") for i in range(600)]
        sync_until_done(anna)
        for uuid in created[:300]:
            s.update(anna, uuid, title="Modificato è", status="approved")
        for uuid in created[300:400]:
            s.delete(anna, uuid)
        sync_until_done(anna)
        sync_until_done(bruno)
        assert sum(proxy.counts[f] for f in rates) > 100  # the network really was flaky

    server = s.server_rows(api, include_deleted=False)
    assert len(server) == 500 and len(s.server_rows(api)) == 600  # 100 tombstones, no duplicate
    for store in (anna, bruno):
        local = s.local_rows(store)
        assert set(local) == set(server)
        for uuid, feature in local.items():
            row = server[uuid]
            assert feature["properties"]["title"] == row["title"]
            assert feature["properties"]["status"] == row["status"]
            assert feature["properties"]["version"] == row["version"]
            assert s.geometries_close(feature["geometry"], row["geometry"])
    assert {row["version"] for uuid, row in server.items() if uuid in created[:300]} == {2}
    assert {row["version"] for uuid, row in server.items() if uuid in created[400:]} == {1}
