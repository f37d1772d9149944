"""Benchmark: sync against the municipal API reference stack (PostGIS + pygeoapi + nginx with basic auth, on
loopback, started by scripts/api_stack.py), with references measured in the same run against the same server.

1. Push N new interventions (default 5,000):
   - reference: a plain sequential loop of single POSTs, each over a new connection;
   - ours: the sync engine from a local store (reading the change log, converting geometries, validating, recording
     what was pushed), with connection reuse and bounded parallelism: the plugin's real push path (``build_engine``
     as *Sync now* and ``pratosmartcity:sync_interventions`` use it: QGIS's network stack, an auth config, 12
     connections), the same at 6 connections, and the standard-library transport at 6.
   Target: at least 2x the reference's throughput. Each row also says where the CPU went per item: the client (this
   process) and the server (nginx, gunicorn/pygeoapi, PostgreSQL processes of the stack). On a 2-core machine a
   parallel run can at best use both cores, while the loop keeps about one busy: the ceiling of the ratio is about
   2 x (the loop's CPU per item) / (ours), less whatever else runs on the machine.
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
from prato_smartcity_plugin.adapters.sync_task import PUSH_CONNECTIONS, ApiConfig, build_engine  # noqa: E402
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


def _cpu_seconds() -> dict[int, tuple[int, float]]:
    """pid -> (parent pid, user + system CPU seconds) of every process."""
    result, tick = {}, os.sysconf("SC_CLK_TCK")
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            result[int(entry)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / tick)
    return result


def _server_roots(stack) -> list[int]:
    roots = [stack.api_pid]
    for pid_file in (Path(stack.service_dir) / "nginx" / "nginx.pid", Path(stack.service_dir) / "pgdata" /
                     "postmaster.pid"):
        try:
            roots.append(int(pid_file.read_text().split()[0]))
        except (OSError, ValueError, IndexError):
            pass
    return roots


def _server_cpu(stack) -> float:
    """CPU seconds used so far by the stack's processes (the trees of gunicorn, nginx and PostgreSQL)."""
    table = _cpu_seconds()
    ours, frontier = set(), set(_server_roots(stack))
    while frontier:
        ours |= frontier
        frontier = {pid for pid, (parent, _) in table.items() if parent in frontier} - ours
    return sum(table[pid][1] for pid in ours if pid in table)


class Measure:
    """Wall time, and CPU seconds of this process and of the server, around a block."""

    def __init__(self, stack):
        self.stack = stack

    def __enter__(self):
        self.cpu, self.server, self.start = os.times(), _server_cpu(self.stack), time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self.start
        now = os.times()
        self.client_cpu = now.user - self.cpu.user + now.system - self.cpu.system
        self.server_cpu = _server_cpu(self.stack) - self.server


def reference_push(stack, n: int) -> Measure:
    """A plain loop: one POST per feature, each over a new connection."""
    transport = StdlibTransport((stack.user, stack.password), keep_alive=False)
    features = [feature(i) for i in range(n)]
    with Measure(stack) as measure:
        for item in features:
            response = transport.request("POST", stack.items_url, {"Content-Type": GEOJSON},
                                         json.dumps(item).encode(), timeout=30)
            assert response.status == 201, response.status
    return measure


def filled_store(folder: Path, name: str, n: int) -> GeoPackageSyncStore:
    store = GeoPackageSyncStore(folder / f"{name}.gpkg")
    store.conn.execute("BEGIN")
    for i in range(n):
        item = feature(i)
        support.insert(store, item["geometry"], **{k: v for k, v in item["properties"].items() if k != "version"})
    store.conn.execute("COMMIT")
    return store


def engine_push(stack, store: GeoPackageSyncStore, via_qgis: bool, authcfg: str, concurrency: int
                ) -> tuple[Measure, SyncSummary]:
    if via_qgis:  # the plugin's own path: Sync now and the Processing algorithm build the engine so
        engine = build_engine(store, ApiConfig(stack.url, stack.collection, authcfg), concurrency=concurrency)
    else:
        client = FeaturesClient(StdlibTransport((stack.user, stack.password)), stack.url, stack.collection)
        engine = SyncEngine(store, client, concurrency=concurrency)
    engine.client.check()  # as a sync does before it pushes (and Qt's network stack starts once per process)
    summary = SyncSummary()
    with Measure(stack) as measure:
        engine.push(summary)
    return measure, summary


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
    parser.add_argument("--rounds", type=int, default=5, help="rounds the pushes are split into (default 5)")
    args = parser.parse_args()
    n_push = 1000 if args.quick else 5000
    sizes = (1000, 10000) if args.quick else (1000, 100000)

    module = load_stack_module()
    folder = Path(tempfile.mkdtemp(prefix="prato-bench-sync-"))
    stack = module.start(folder / "stack")
    try:
        authcfg = basic_authcfg(stack.user, stack.password)
        configs = [("push: plain loop, 1 POST per new connection", None, 1),
                   (f"push: plugin (QGIS network, auth config) x{PUSH_CONNECTIONS}", True, PUSH_CONNECTIONS),
                   ("push: plugin (QGIS network, auth config) x6", True, 6),
                   ("push: sync engine, stdlib transport x6", False, 6)]
        # In rounds, each configuration once per round: a change of the machine's load hits all of them alike.
        measures: dict[str, list[Measure]] = {label: [] for label, _, _ in configs}
        per_round = n_push // args.rounds
        for round_ in range(args.rounds):
            for label, via_qgis, concurrency in configs:
                stack.psql("TRUNCATE intervention_records")
                if via_qgis is None:
                    measures[label].append(reference_push(stack, per_round))
                    continue
                store = filled_store(folder, f"push-{round_}-{via_qgis}-{concurrency}", per_round)
                measure, summary = engine_push(stack, store, via_qgis, authcfg, concurrency)
                assert summary.sent == per_round and store.pending_count() == 0, (summary, store.pending_count())
                assert int(stack.psql("SELECT count(*) FROM intervention_records")) == per_round
                store.close()
                measures[label].append(measure)
        pulls = []
        for size in sizes:
            elapsed, received = incremental_pull(stack, folder, size)
            assert received == 10, received
            pulls.append((size, elapsed))
    finally:
        module.stop(folder / "stack")
        shutil.rmtree(folder, ignore_errors=True)

    n_total = per_round * args.rounds
    ref_rounds = measures[configs[0][0]]
    ref_seconds = sum(m.seconds for m in ref_rounds)
    print(f"{'measure (' + str(args.rounds) + ' rounds)':48} {'items':>6} {'seconds':>8} {'items/s':>8} {'x ref':>6} "
          f"{'range':>11} {'client ms/item':>15} {'server ms/item':>15}")
    for label, _, _ in configs:
        rounds = measures[label]
        seconds = sum(m.seconds for m in rounds)
        ratios = [r.seconds / m.seconds for r, m in zip(ref_rounds, rounds)]
        print(f"{label:48} {n_total:6d} {seconds:8.2f} {n_total / seconds:8.1f} {ref_seconds / seconds:6.2f} "
              f"{min(ratios):5.2f}-{max(ratios):<5.2f} {1000 * sum(m.client_cpu for m in rounds) / n_total:15.2f} "
              f"{1000 * sum(m.server_cpu for m in rounds) / n_total:15.2f}")
    print()
    print(f"{'incremental pull of 10 changes':48} {'server':>6} {'seconds':>8}")
    for size, seconds in pulls:
        print(f"{'':48} {size:6d} {seconds:8.3f}")
    print(f"ratio {sizes[1]:,} / {sizes[0]:,} features: {pulls[1][1] / pulls[0][1]:.2f} (target: about 1)")
    plugin = measures[configs[1][0]]
    cpu = {label: sum(m.client_cpu + m.server_cpu for m in measures[label]) for label, _, _ in configs}
    print(f"push throughput of the plugin's path vs the plain loop: "
          f"{ref_seconds / sum(m.seconds for m in plugin):.2f}x (target: >= 2x; 2-core CPU ceiling of this run: "
          f"{2 * cpu[configs[0][0]] / cpu[configs[1][0]]:.2f}x; load average now {os.getloadavg()[0]:.1f})")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    finally:
        _app.exitQgis()
        shutil.rmtree(_PROFILE, ignore_errors=True)
