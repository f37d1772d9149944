"""Contractor package export of N interventions vs ``ogr2ogr -f "ESRI Shapefile"`` of the same table, same run.

Ours includes what ogr2ogr does not: 10-character names, labels, long-text continuation fields, verification
(every file re-read and compared with the source) and the ZIP. Target: ratio <= 1.5.
Usage: /usr/bin/python3 bench/export.py [--quick]
"""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from osgeo import ogr  # noqa: E402

from prato_smartcity_plugin.adapters.export_package import LayerSource, export_package  # noqa: E402
from prato_smartcity_plugin.core.export.rules import ExportOptions  # noqa: E402
from prato_smartcity_plugin.core.interventions import schema  # noqa: E402
from tests.export_data import write_layer  # noqa: E402

REPEATS = 3
STREETS = ["via Santa Trinità", "Piazza del Duomo – lato nord", "via Cairoli", "viale della Repubblica",
           "via Pistoiese"]


def make_store(path: str, n: int) -> None:
    rng = random.Random(42)
    fields = [(f.name, f.type) for f in schema.FIELDS]
    now = dt.datetime(2026, 3, 1, 9, 30, tzinfo=dt.timezone.utc)

    def rows():
        for i in range(n):
            record = schema.new_record(
                title=f"Intervento {i} — {rng.choice(STREETS)}", category=rng.choice(schema.CATEGORIES).value,
                plan_code=rng.choice(schema.PLAN_CODES).value, status=rng.choice(schema.STATUSES).value,
                street=rng.choice(STREETS), start_date=dt.date(2026, 1 + i % 12, 1 + i % 28),
                budget_eur=round(rng.uniform(1000, 500000), 2), surveyor="Geom. Niccolò Bettazzi",
                description=("Scavo e ripristino della pavimentazione, à è é ì ò ù. " * 7 if i % 20 == 0
                             else "Ripristino marciapiede lato nord"))
            record["created_at"] = record["modified_at"] = now
            yield (f"MULTIPOINT({668000 + rng.uniform(-3000, 3000):.2f} {4861000 + rng.uniform(-3000, 3000):.2f})",
                   record)

    write_layer(path, "interventions_point", ogr.wkbMultiPoint, fields, rows())


def main() -> None:
    n = 20_000 if "--quick" in sys.argv else 100_000
    folder = Path(tempfile.mkdtemp(prefix="bench-export-"))
    try:
        store = str(folder / "interventions.gpkg")
        started = time.perf_counter()
        make_store(store, n)
        print(f"data: {n} interventions written in {time.perf_counter() - started:.1f} s")
        references, runs = [], []
        for attempt in range(REPEATS):  # alternated, the median of each: this machine is shared
            out = folder / f"ogr2ogr{attempt}"
            started = time.perf_counter()
            subprocess.run(["ogr2ogr", "-f", "ESRI Shapefile", str(out), store, "interventions_point",
                            "-lco", "ENCODING=UTF-8", "-t_srs", "EPSG:3003"], check=True, capture_output=True)
            references.append(time.perf_counter() - started)
            shutil.rmtree(out)
            phases: list[tuple[str, float]] = []
            started = time.perf_counter()
            report = export_package([LayerSource("interventions_point", store, "interventions_point")],
                                    ExportOptions(crs="EPSG:3003", labels=True), str(folder / "package.zip"),
                                    progress=lambda fraction, message, phases=phases: phases.append(
                                        (message, time.perf_counter())))
            phases.append(("end", time.perf_counter()))
            runs.append((time.perf_counter() - started, phases))
            os.remove(folder / "package.zip")
        reference = statistics.median(references)
        ours, phases = sorted(runs, key=lambda run: run[0])[len(runs) // 2]
        assert report.files[0].count == n
        print(f"{'what (median of ' + str(REPEATS) + ' alternated runs)':<52} {'seconds':>8}")
        label = 'ogr2ogr -f "ESRI Shapefile" (to EPSG:3003)'
        print(f"{label:<52} {reference:>8.2f}")
        print(f"{'contractor package (write + verify + README + ZIP)':<52} {ours:>8.2f}")
        for (message, at), (_, until) in zip(phases, phases[1:]):
            print(f"{'  ' + message:<52} {until - at:>8.2f}")
        print(f"{'ratio (target <= 1.5)':<52} {ours / reference:>8.2f}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
