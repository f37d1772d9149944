"""Benchmark: the interventions store with 100,000 interventions.

Measures, on the store (GeoPackage with the change-log triggers) and on a reference measured in the same run (the same
features in a plain GeoPackage written by ogr2ogr, no triggers):
- open: creating the QgsVectorLayer, and its first render (QgsMapRendererSequentialJob, 1200x900 image, full extent);
- one save through QGIS (startEditing, add / change / delete one feature, commitChanges), median of repeated saves;
  the store's save includes its change-log row and timestamps (target: under 50 ms);
- medians over rounds that alternate store and reference, after a warm-up;
- the same saves as plain SQL through sqlite3 (the store's own cost, change log included, without QGIS/GDAL);
- the change log of the store grows by one row per save (checked, not timed).

Interventions are polygons (street-segment areas, squares, tree rows) generated in the Comune di Prato's extent in
EPSG:6707, with random categories, statuses, bodies and dates.

    /usr/bin/python3 bench/interventions_store.py [--quick] [--n N]
"""

from __future__ import annotations

import argparse
import math
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from osgeo import ogr  # noqa: E402
from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsGeometry,
    QgsMapRendererSequentialJob,
    QgsMapSettings,
    QgsVectorLayer,
    QgsVectorLayerUtils,
)
from qgis.PyQt.QtCore import QSize  # noqa: E402
from qgis.PyQt.QtGui import QColor  # noqa: E402

from prato_smartcity_plugin.adapters.store import database  # noqa: E402
from prato_smartcity_plugin.core.interventions import schema  # noqa: E402

#: The Comune di Prato's bounding box in EPSG:6707 (from shared/data/prato/boundary).
EXTENT = (661_741.0, 4_853_547.0, 674_164.0, 4_868_376.0)
LAYER = database.LAYER_NAMES[schema.GeometryKind.POLYGON]
ROUNDS = 5


def polygon_wkt(rng: random.Random) -> str:
    minx, miny, maxx, maxy = EXTENT
    x, y = rng.uniform(minx, maxx), rng.uniform(miny, maxy)
    length, width = rng.uniform(10, 250), rng.uniform(5, 40)
    angle = rng.uniform(0, math.pi)
    c, s = math.cos(angle), math.sin(angle)
    corners = [(-length / 2, -width / 2), (length / 2, -width / 2), (length / 2, width / 2), (-length / 2, width / 2)]
    ring = [(x + dx * c - dy * s, y + dx * s + dy * c) for dx, dy in corners]
    ring.append(ring[0])
    return "MULTIPOLYGON (((" + ", ".join(f"{px:.2f} {py:.2f}" for px, py in ring) + ")))"


def generate(path: Path, n: int, seed: int = 6) -> None:
    """n interventions written through OGR into the store (triggers on: the change log fills as real edits would),
    then marked as pushed, as after a sync."""
    rng = random.Random(seed)
    database.open_store(path)
    dataset = ogr.Open(str(path), 1)
    layer = dataset.GetLayerByName(LAYER)
    definition = layer.GetLayerDefn()
    categories = [c.value for c in schema.CATEGORIES]
    statuses = [c.value for c in schema.STATUSES]
    bodies = [c.value for c in schema.RESPONSIBLE_BODIES]
    dataset.StartTransaction()
    for k in range(n):
        feature = ogr.Feature(definition)
        feature.SetGeometryDirectly(ogr.CreateGeometryFromWkt(polygon_wkt(rng)))
        start = f"{rng.randint(2024, 2028)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        feature.SetField("uuid", schema.new_uuid())
        feature.SetField("title", f"Intervento {k}")
        feature.SetField("category", rng.choice(categories))
        feature.SetField("plan_code", "none")
        feature.SetField("status", rng.choice(statuses))
        feature.SetField("responsible_body", rng.choice(bodies))
        feature.SetField("start_date", start)
        feature.SetField("end_date", f"{int(start[:4]) + 1}{start[4:]}")
        feature.SetField("budget_eur", rng.uniform(1_000, 500_000))
        layer.CreateFeature(feature)
    dataset.CommitTransaction()
    dataset = None
    conn = database.connect(path)
    conn.execute("UPDATE change_log SET pushed_at = changed_at")
    conn.close()


def reference_copy(store: Path, target: Path) -> None:
    """The same features in a plain GeoPackage (ogr2ogr: no change log, no triggers but GDAL's own)."""
    subprocess.run(["ogr2ogr", "-f", "GPKG", str(target), str(store), LAYER, "-nln", LAYER], check=True)


def open_and_render(path: Path) -> tuple[float, float, QgsVectorLayer]:
    started = time.perf_counter()
    layer = QgsVectorLayer(f"{path}|layername={LAYER}", "bench", "ogr")
    assert layer.isValid()
    opened = time.perf_counter() - started
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    settings.setOutputSize(QSize(1200, 900))
    settings.setBackgroundColor(QColor("white"))
    settings.setExtent(layer.extent())
    started = time.perf_counter()
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    rendered = time.perf_counter() - started
    assert not job.renderedImage().isNull()
    return opened, rendered, layer


def time_saves(layer: QgsVectorLayer, repeats: int) -> dict[str, list[float]]:
    """Milliseconds of each commit that adds, changes or deletes one feature."""
    rng = random.Random(1)
    results: dict[str, list[float]] = {"add": [], "change": [], "delete": []}
    title, uuid = layer.fields().indexOf("title"), layer.fields().indexOf("uuid")
    # the values the form's defaults give (this plain layer has no form): the store requires them
    defaults = {layer.fields().indexOf(name): value for name, value in schema.DEFAULTS.items()}
    for i in range(repeats):
        layer.startEditing()
        feature = QgsVectorLayerUtils.createFeature(layer, QgsGeometry.fromWkt(polygon_wkt(rng)),
                                                    {**defaults, title: f"bench {i}", uuid: schema.new_uuid()})
        layer.addFeature(feature)
        started = time.perf_counter()
        assert layer.commitChanges(), layer.commitErrors()
        results["add"].append(time.perf_counter() - started)
        fid = max(layer.allFeatureIds())
        layer.startEditing()
        layer.changeAttributeValue(fid, title, f"bench {i} changed")
        started = time.perf_counter()
        assert layer.commitChanges(), layer.commitErrors()
        results["change"].append(time.perf_counter() - started)
        layer.startEditing()
        layer.deleteFeature(fid)
        started = time.perf_counter()
        assert layer.commitChanges(), layer.commitErrors()
        results["delete"].append(time.perf_counter() - started)
    return {op: [value * 1000 for value in values] for op, values in results.items()}


def time_sql_saves(path: Path, repeats: int) -> dict[str, list[float]]:
    """Milliseconds of one autocommitted INSERT / UPDATE / DELETE through sqlite3 (WAL, as QGIS edits): the store's
    own cost, change log included, without QGIS's and GDAL's commit overhead."""
    rng = random.Random(2)
    conn = database.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    results: dict[str, list[float]] = {"add": [], "change": [], "delete": []}
    defaults, marks = ", ".join(schema.DEFAULTS), ", ".join("?" * len(schema.DEFAULTS))  # required by the store
    for i in range(repeats):
        geometry = ogr.CreateGeometryFromWkt(polygon_wkt(rng))
        blob = b"GP\x00\x01" + (6707).to_bytes(4, "little") + geometry.ExportToIsoWkb()
        started = time.perf_counter()
        fid = conn.execute(f"INSERT INTO {LAYER} (uuid, title, {defaults}, geom) VALUES (?, ?, {marks}, ?)",
                           (schema.new_uuid(), f"sql {i}", *schema.DEFAULTS.values(), blob)).lastrowid
        results["add"].append((time.perf_counter() - started) * 1000)
        # by fid, as QGIS does (the reference lost the uuid index in the copy: by uuid it would scan)
        for op, sql, values in (("change", f"UPDATE {LAYER} SET title = ? WHERE fid = ?", (f"sql {i} changed", fid)),
                                ("delete", f"DELETE FROM {LAYER} WHERE fid = ?", (fid,))):
            started = time.perf_counter()
            conn.execute(sql, values)
            results[op].append((time.perf_counter() - started) * 1000)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10,000 interventions and fewer saves")
    parser.add_argument("--n", type=int, default=0, help="number of interventions (default 100,000)")
    args = parser.parse_args()
    n = args.n or (10_000 if args.quick else 100_000)
    repeats = ROUNDS * (2 if args.quick else 6)

    app = QgsApplication([], False)
    app.initQgis()
    folder = Path(tempfile.mkdtemp(prefix="prato-bench-store-"))
    try:
        store, reference = folder / "interventions.gpkg", folder / "reference.gpkg"
        started = time.perf_counter()
        generate(store, n)
        generated = time.perf_counter() - started
        reference_copy(store, reference)
        print(f"interventions store benchmark: {n:,} polygons in the Prato extent (generated in {generated:.1f} s), "
              f"{repeats} saves of each kind; store {store.stat().st_size / 1e6:.1f} MB")

        # A warm-up (GDAL drivers, symbols, fonts), then rounds alternating store and reference, medians kept: the
        # two are measured under the same conditions on this shared machine.
        open_and_render(reference)
        samples: dict[str, dict[str, list[float]]] = {"store": {}, "reference": {}}
        for _round in range(ROUNDS):
            for name, path in (("store", store), ("reference", reference)):
                opened, rendered, layer = open_and_render(path)
                saves = time_saves(layer, repeats // ROUNDS)
                del layer
                sql_saves = time_sql_saves(path, repeats // ROUNDS)
                measures = {"open (ms)": [opened * 1000], "first render (ms)": [rendered * 1000],
                            **{f"QGIS save: {op} (ms)": values for op, values in saves.items()},
                            **{f"SQL save: {op} (ms)": values for op, values in sql_saves.items()}}
                for measure, values in measures.items():
                    samples[name].setdefault(measure, []).extend(values)
        figures = {name: {m: statistics.median(v) for m, v in measures.items()} for name, measures in samples.items()}
        log_rows = database.pending_changes(store)
        assert log_rows == 6 * ROUNDS * (repeats // ROUNDS), log_rows  # one logged row per save on the store

        print()
        print(f"{'measure':<22}{'store':>12}{'reference':>12}{'ratio':>8}")
        for measure in figures["store"]:
            ours, ref = figures["store"][measure], figures["reference"][measure]
            print(f"{measure:<22}{ours:>12.1f}{ref:>12.1f}{ours / ref:>8.2f}")
        print()
        for kind in ("QGIS", "SQL"):
            worst = max(v for k, v in figures["store"].items() if k.startswith(kind))
            print(f"slowest median {kind} save on the store, change log included: {worst:.1f} ms "
                  f"(target < 50 ms: {'met' if worst < 50 else 'NOT met'})")
        print(f"{log_rows} change-log rows written by the store's triggers (none in the reference)")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        app.exitQgis()


if __name__ == "__main__":
    main()
