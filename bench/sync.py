"""Benchmark: sync against the municipal API reference stack (PostGIS + pygeoapi + nginx with basic auth, on
loopback, started by scripts/api_stack.py), with references measured in the same run against the same server.

1. Push N new interventions (default 5,000):
   - reference: a plain sequential loop of single POSTs, each over a new connection;
   - ours: the sync engine from a local store (reading the change log, converting geometries, validating, recording
     what was pushed), with connection reuse and bounded parallelism (6, as browsers per host), through the
     standard-library transport and through QGIS's network stack (QgsBlockingNetworkRequest, auth config) as the
     plugin runs it.
   Target: at least 2x the reference's throughput.
2. Incremental pull of 10 changes when the server holds 1,000 and then 100,000 features (loaded straight into
   PostgreSQL, modified a day ago). Target: about the same time (cost grows with the changes, not the collection).

    /usr/bin/python3 bench/sync.py [--quick]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

_PROFILE = tempfile.mkdtemp(prefix="prato-bench-sync-profile-")
from qgis.core import QgsApplication, QgsAuthMethodConfig  # noqa: E402

_app = QgsApplication([], False, _PROFILE)
_app.initQgis()

from prato_smartcity_plugin.adapters.sync_store import GeoPackageSyncStore  # noqa: E402
from prato_smartcity_plugin.adapters.sync_transport import QgisTransport, QtThreadExecutor  # noqa: E402
from prato_smartcity_plugin.core.interventions import schema  # noqa: E402
from prato_smartcity_plugin.core.sync.client import GEOJSON, FeaturesClient  # noqa: E402
from prato_smartcity_plugin.core.sync.engine import SyncEngine, SyncSummary  # noqa: E402
from prato_smartcity_plugin.core.sync.transport import StdlibTransport  # noqa: E402
from tests.api_stack import load_stack_module  # noqa: E402
from tests.qgis import sync_support as support  # noqa: E402


def feature(i: int) -> dict:
    x, y = 11.05 + (i % 100) * 0.001, 43.85 + (i // 100 % 100) * 0.0005
    return {"type": "Feature", "id": schema.new_uuid(), "geometry": {"type": "MultiPoint", "coordinates": [[x, y]]},
            "properties": {"title": f"Intervento {i} – via Pistoiese", "category": "road_works", "plan_code": "PR-V9",
                           "status": "proposed", "responsible_body": "publiacqua", "start_date": "2026-05-01",
                           "end_date": "2026-05-20", "budget_eur": 1000.0 + i, "version": 1}}


def reference_push(stack, n: int) -> float:
    """A plain loop: one POST per feature, each over a new connection."""
    transport = StdlibTransport((stack.user, stack.password), keep_alive=False)
    features = [feature(i) for i in range(n)]
    start = time.perf_counter()
    for item in features:
        response = transport.request("POST", stack.items_url, {"Content-Type": GEOJSON},
                                     json.dumps(item).encode(), timeout=30)
        assert response.status == 201, response.status
    return time.perf_counter() - start


def filled_store(folder: Path, name: str, n: int) -> GeoPackageSyncStore:
    store = GeoPackageSyncStore(folder / f"{name}.gpkg")
    store.conn.execute("BEGIN")
    for i in range(n):
        item = feature(i)
        support.insert(store, item["geometry"], **{k: v for k, v in item["properties"].items() if k != "version"})
    store.conn.execute("COMMIT")
    return store


def engine_push(stack, store: GeoPackageSyncStore, via_qgis: bool, authcfg: str, concurrency: int
                ) -> tuple[float, SyncSummary]:
    if via_qgis:
        client = FeaturesClient(QgisTransport(authcfg), stack.url, stack.collection)
        engine = SyncEngine(store, client, concurrency=concurrency, executor=QtThreadExecutor)
    else:
        client = FeaturesClient(StdlibTransport((stack.user, stack.password)), stack.url, stack.collection)
        engine = SyncEngine(store, client, concurrency=concurrency)
    summary = SyncSummary()
    start = time.perf_counter()
    engine.push(summary)
    return time.perf_counter() - start, summary


def load_server(stack, n: int) -> None:
    stack.psql("TRUNCATE intervention_records")
    stack.psql(f"""
        INSERT INTO intervention_records (uuid, title, category, plan_code, status, responsible_body, created_at,
                                          modified_at, version, geom)
        SELECT gen_random_uuid()::text, 'Intervento ' || i, 'road_works', 'PR-V9', 'approved', 'alia',
               now() - interval '2 days', now() - interval '1 day', 1,
               ST_SetSRID(ST_MakePoint(11.0 + (i % 1000) * 0.0002, 43.8 + (i / 1000) * 0.0002), 4326)
        FROM generate_series(1, {n}) AS i""")
    stack.psql("ANALYZE intervention_records")


def incremental_pull(stack, folder: Path, n: int, changes: int = 10, rounds: int = 5) -> tuple[float, int]:
    load_server(stack, n)
    times, received = [], 0
    for round_ in range(rounds):
        store = GeoPackageSyncStore(folder / f"pull-{n}-{round_}.gpkg")
        # As after an earlier sync that ended just now (the bulk was modified a day ago).
        now = stack.psql("SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')")
        store.set_state({"sync.cursor": now.strip()})
        # Ten changes through the view's triggers, as another client's edits would be stamped.
        stack.psql(f"UPDATE interventions SET status = 'in_progress' WHERE uuid IN (SELECT uuid FROM "
                   f"intervention_records ORDER BY random() LIMIT {changes})")
        client = FeaturesClient(StdlibTransport((stack.user, stack.password)), stack.url, stack.collection)
        engine = SyncEngine(store, client)
        summary = SyncSummary()
        start = time.perf_counter()
        engine.pull(summary)
        times.append(time.perf_counter() - start)
        received = summary.received
        store.close()
    return statistics.median(times), received


def basic_authcfg(user: str, password: str) -> str:
    manager = QgsApplication.authManager()
    manager.setMasterPassword("bench-master-password", True)
    config = QgsAuthMethodConfig("Basic")
    config.setName("bench")
    config.setConfig("username", user)
    config.setConfig("password", password)
    manager.storeAuthenticationConfig(config)
    return config.id()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="1,000 pushes; 1,000 vs 10,000 features for the pull")
    parser.add_argument("--concurrency", type=int, default=6, help="parallel pushes (default 6, as the engine)")
    args = parser.parse_args()
    n_push = 1000 if args.quick else 5000
    sizes = (1000, 10000) if args.quick else (1000, 100000)

    module = load_stack_module()
    folder = Path(tempfile.mkdtemp(prefix="prato-bench-sync-"))
    stack = module.start(folder / "stack")
    try:
        authcfg = basic_authcfg(stack.user, stack.password)
        rows = []
        stack.psql("TRUNCATE intervention_records")
        t_ref = reference_push(stack, n_push)
        rows.append(("push: plain loop, 1 POST per new connection", n_push, t_ref, 1.0))
        for via_qgis, label in ((False, f"push: sync engine, keep-alive x{args.concurrency} (stdlib)"),
                                (True, f"push: sync engine, keep-alive x{args.concurrency} (QGIS network)")):
            stack.psql("TRUNCATE intervention_records")
            store = filled_store(folder, f"push-{via_qgis}", n_push)
            elapsed, summary = engine_push(stack, store, via_qgis, authcfg, args.concurrency)
            assert summary.sent == n_push and store.pending_count() == 0, (summary, store.pending_count())
            assert int(stack.psql("SELECT count(*) FROM intervention_records")) == n_push
            store.close()
            rows.append((label, n_push, elapsed, t_ref / elapsed))
        pulls = []
        for size in sizes:
            elapsed, received = incremental_pull(stack, folder, size)
            assert received == 10, received
            pulls.append((size, elapsed))
    finally:
        module.stop(folder / "stack")
        shutil.rmtree(folder, ignore_errors=True)

    print(f"{'measure':52} {'items':>7} {'seconds':>9} {'items/s':>9} {'x ref':>7}")
    for label, items, seconds, ratio in rows:
        print(f"{label:52} {items:7d} {seconds:9.2f} {items / seconds:9.1f} {ratio:7.2f}")
    print()
    print(f"{'incremental pull of 10 changes':52} {'server':>7} {'seconds':>9}")
    for size, seconds in pulls:
        print(f"{'':52} {size:7d} {seconds:9.3f}")
    print(f"ratio {sizes[1]:,} / {sizes[0]:,} features: {pulls[1][1] / pulls[0][1]:.2f} (target: about 1)")
    best = max(r[3] for r in rows[1:])
    print(f"push throughput vs plain loop: {best:.2f}x (target: >= 2x)")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    finally:
        _app.exitQgis()
        shutil.rmtree(_PROFILE, ignore_errors=True)
