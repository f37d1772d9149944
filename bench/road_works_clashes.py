"""Benchmark: the road-works clash check (PR-V9) over 1,000 and 10,000 road works, against the brute-force O(n²)
check on the 1,000 in the same run.

Works are generated in Prato's extent in EPSG:6707 with realistic shapes (street-segment areas 6-12 m wide and
20-300 m long, trench lines, manhole points), streets that follow the map (works in the same neighbourhood share
street names) and dates over three years lasting 1-120 days. Prints times, the growth ratio from n to 10n, and the
ratios n log n and n² would predict.

    /usr/bin/python3 bench/road_works_clashes.py [--quick]
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import shapely  # noqa: E402
from shapely.affinity import rotate  # noqa: E402
from shapely.geometry import LineString, Point, box  # noqa: E402

from prato_smartcity_plugin.core.interventions.clashes import (  # noqa: E402
    ClashOptions,
    RoadWork,
    find_clashes,
    find_clashes_brute_force,
)

#: The bounding box of the comune of Prato in EPSG:6707 (shared/data/prato/boundary/prato_comune_100005.geojson).
EXTENT = (661_740.0, 4_853_547.0, 674_164.0, 4_868_376.0)
BODIES = ("comune_prato", "alia", "publiacqua", "toscana_energia", "cap", "consiag", "estracom")
STATUSES = ("proposed", "approved", "approved", "in_progress", "completed", "cancelled")


def generate(n: int, seed: int = 9) -> list[RoadWork]:
    rng = random.Random(seed)
    minx, miny, maxx, maxy = EXTENT
    works = []
    for k in range(n):
        x, y = rng.uniform(minx, maxx), rng.uniform(miny, maxy)
        angle = rng.uniform(0, 180)
        kind = rng.random()
        if kind < 0.6:
            length, width = rng.uniform(20, 300), rng.uniform(6, 12)
            geom = rotate(box(x, y, x + length, y + width), angle, origin=(x, y))
        elif kind < 0.9:
            length = rng.uniform(50, 500)
            geom = LineString([(x, y), (x + length * math.cos(math.radians(angle)),
                                        y + length * math.sin(math.radians(angle)))])
        else:
            geom = Point(x, y)
        street = f"Via {int((x - minx) // 250)}-{int((y - miny) // 250)}"  # one street name per 250 m cell
        start = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(3 * 365))
        end = start + dt.timedelta(days=int(min(120, rng.lognormvariate(3, 0.8))))
        works.append(RoadWork(uuid=f"w{k}", geometry=geom, title=f"Road work {k}", responsible_body=rng.choice(BODIES),
                              street=street, start_date=start, end_date=None if rng.random() < 0.02 else end,
                              status=rng.choice(STATUSES)))
    return works


def timed(function, *args, repeat: int = 3):
    best, result = float("inf"), None
    for _ in range(repeat):
        began = time.perf_counter()
        result = function(*args)
        best = min(best, time.perf_counter() - began)
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="500 and 5,000 works instead of 1,000 and 10,000")
    args = parser.parse_args()
    small = 500 if args.quick else 1000
    large = small * 10
    options = ClashOptions(distance=100)

    works_small, works_large = generate(small), generate(large)
    t_small, report_small = timed(find_clashes, works_small, options)
    t_large, report_large = timed(find_clashes, works_large, options)
    t_brute, report_brute = timed(find_clashes_brute_force, works_small, options, repeat=1)
    # the save-time check: one work against all the others (the watch also reads only the neighbourhood)
    saved = [works_large[len(works_large) // 2].uuid]
    t_one, _ = timed(lambda: find_clashes(works_large, options, involving=saved))

    same = {frozenset((c.a.uuid, c.b.uuid)) for c in report_small.clashes} == {
        frozenset((c.a.uuid, c.b.uuid)) for c in report_brute.clashes}
    print(f"Road-works clash check (shapely {shapely.__version__}, distance {options.distance:.0f} m, "
          "cancelled/completed ignored)")
    print(f"{'check':<26}{'works':>8}{'checked':>9}{'clashes':>9}{'seconds':>10}")
    print(f"{'indexed (STRtree + dates)':<26}{small:>8}{report_small.checked:>9}{len(report_small.clashes):>9}"
          f"{t_small:>10.3f}")
    print(f"{'indexed (STRtree + dates)':<26}{large:>8}{report_large.checked:>9}{len(report_large.clashes):>9}"
          f"{t_large:>10.3f}")
    print(f"{'brute force O(n^2)':<26}{small:>8}{report_brute.checked:>9}{len(report_brute.clashes):>9}"
          f"{t_brute:>10.3f}")
    print(f"{'one saved work vs all':<26}{large:>8}{'':>9}{'':>9}{t_one:>10.3f}")
    print()
    nlogn = (large * math.log(large)) / (small * math.log(small))
    print(f"growth {small} -> {large}: indexed x{t_large / t_small:.1f}   "
          f"(n log n predicts x{nlogn:.1f}, n^2 predicts x{(large / small) ** 2:.0f})")
    print(f"brute force / indexed on {small}: x{t_brute / t_small:.1f}   same pairs as brute force: {same}")
    print(f"brute force extrapolated to {large} (x100): {t_brute * 100:.0f} s vs indexed {t_large:.2f} s")
    if not same:
        sys.exit("the indexed check disagrees with the brute-force reference")
    save_time_check(works_large)


def save_time_check(works: list[RoadWork], saves: int = 15) -> None:
    """In QGIS: one save into a GeoPackage layer of the works, without and with the save-time clash watch (which runs
    from the event loop right after the commit, reading only the saved work's neighbourhood)."""
    import os
    import statistics
    import tempfile

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    profile = tempfile.mkdtemp(prefix="prato-bench-")
    try:
        from qgis.core import QgsApplication, QgsFeature, QgsGeometry, QgsProject
        from qgis.PyQt.QtCore import QDate, QSettings
    except ImportError:
        print("(QGIS not available: save-time figures skipped)")
        return
    for fmt in (QSettings.NativeFormat, QSettings.IniFormat):
        QSettings.setPath(fmt, QSettings.UserScope, profile)
    app = QgsApplication([], False, profile)
    app.initQgis()
    from prato_smartcity_plugin.adapters.clash_watch import ClashWatch
    from tests.qgis.road_works_data import add, create_layers

    layer = create_layers(os.path.join(profile, "interventions.gpkg"), ("polygon",))[0]
    features = []
    for work in works:
        if work.geometry.geom_type != "Polygon":
            continue
        feature = QgsFeature(layer.fields())
        for name in ("uuid", "title", "responsible_body", "street", "status"):
            feature[name] = getattr(work, name)
        feature["category"] = "road_works"
        feature["start_date"] = QDate(work.start_date) if work.start_date else None
        feature["end_date"] = QDate(work.end_date) if work.end_date else None
        feature.setGeometry(QgsGeometry.fromWkt(work.geometry.wkt))
        features.append(feature)
    add(layer, *features)
    QgsProject.instance().addMapLayer(layer)

    def save(k: int) -> tuple[float, float]:
        template = features[k * 7 % len(features)]
        feature = QgsFeature(template)
        feature["uuid"] = f"bench-{k}"
        feature["responsible_body"] = "regione_toscana"  # another body, on the spot of an existing work: a clash
        feature["status"] = "approved"
        assert layer.startEditing() and layer.addFeature(feature)
        began = time.perf_counter()
        assert layer.commitChanges()
        saved = time.perf_counter()
        app.processEvents()  # the watch's check
        return saved - began, time.perf_counter() - saved

    for k in range(3):
        save(1000 + k)  # warm-up
    watch = ClashWatch()
    warnings = []
    watch.clashes_found.connect(lambda clashes, uuids: warnings.append(len(clashes)))
    plain, watched = [], []
    for k in range(2 * saves):  # alternated, so that both see the same file
        if k % 2:
            watch.start()
            watched.append(save(k))
            watch.stop()
        else:
            plain.append(save(k))
    median = lambda values: statistics.median(values) * 1000  # noqa: E731
    print()
    print(f"save of one road work into a GeoPackage of {layer.featureCount()} (median of {saves})")
    print(f"  commit without the watch {median([p[0] for p in plain]):.1f} ms, with it "
          f"{median([w[0] for w in watched]):.1f} ms; the check right after it {median([w[1] for w in watched]):.1f} ms"
          f" ({len(warnings)} of {saves} saves clashed)")
    QgsProject.instance().removeAllMapLayers()


if __name__ == "__main__":
    main()
