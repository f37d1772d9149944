#!/usr/bin/python3
"""Wi-Fi benchmark: coverage statistics and site selection over the Comune di Prato.

1. Coverage statistics for 2,000 access points (random radii 30-120 m) over the comune cut into 9 districts, with
   50,000 weighted demand points: ``pratosmartcity:wifi_coverage`` (and the core alone) against the same figures from
   a chain of QGIS native algorithms run in the same process (buffer with dissolve, intersection, difference, area,
   count points in polygon). Target: at least 2x faster. The figures of both are compared. Each method runs once per
   round, three rounds by default (``--runs``); the best time of each is compared, and the round-by-round range is
   printed too (the machine is shared).
2. Site selection of 30 sites among 5,000 candidates (50,000 demand points, 200 existing access points): the numpy
   grid coverage index against a shapely STRtree index, and CELF against the plain greedy (same picks checked).
3. Growth of the site selection from 500 to 5,000 candidates.

Run: /usr/bin/python3 bench/wifi.py [--quick] [--runs N]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402
from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProperty,
    QgsVectorLayer,
)
from shapely.geometry import box  # noqa: E402
from shapely.ops import unary_union  # noqa: E402

from prato_smartcity_plugin.adapters.wifi_layers import from_shapely, to_shapely  # noqa: E402


def timed(fn, *args, **kwargs):
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - start, result


def race(runs, methods):
    """Every method once per round, for ``runs`` rounds, so that the load of the shared machine falls on all of them
    alike: ``({name: [seconds per round]}, {name: last result})``. The best time of each is the figure least
    disturbed by that load (as ``timeit`` reports it)."""
    times = {name: [] for name in methods}
    results = {}
    for _ in range(runs):
        for name, fn in methods.items():
            elapsed, results[name] = timed(fn)
            times[name].append(elapsed)
    return times, results


def random_points_in(polygon, n, rng):
    from prato_smartcity_plugin.core.wifi.geometry import contains_xy

    minx, miny, maxx, maxy = polygon.bounds
    xs, ys = [], []
    while sum(len(x) for x in xs) < n:
        x = rng.uniform(minx, maxx, n)
        y = rng.uniform(miny, maxy, n)
        inside = contains_xy(polygon, x, y)
        xs.append(x[inside])
        ys.append(y[inside])
    return np.concatenate(xs)[:n], np.concatenate(ys)[:n]


def point_layer(name, xs, ys, fields="", values=None):
    layer = QgsVectorLayer(f"Point?crs=EPSG:6707{fields}", name, "memory")
    features = []
    for i, (x, y) in enumerate(zip(xs, ys)):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(float(x), float(y))))
        if values is not None:
            feature.setAttributes(values(i))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def polygon_layer(name, polygons):
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:6707&field=name:string", name, "memory")
    features = []
    for area_name, geom in polygons:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(from_shapely(geom))
        feature.setAttributes([area_name])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def native_chain(aps, areas, demand):
    """The same statistics with QGIS's native algorithms: per area, covered area and covered demand weight."""
    import processing

    context = QgsProcessingContext()
    feedback = QgsProcessingFeedback()
    run = lambda alg, params: processing.run(alg, params, context=context, feedback=feedback)  # noqa: E731
    coverage = run("native:buffer", {"INPUT": aps, "DISTANCE": QgsProperty.fromField("radius_m"), "SEGMENTS": 8,
                                     "DISSOLVE": True, "OUTPUT": "memory:"})["OUTPUT"]
    covered = run("native:intersection", {"INPUT": areas, "OVERLAY": coverage, "OVERLAY_FIELDS": ["name"],
                                          "OUTPUT": "memory:"})["OUTPUT"]
    run("native:difference", {"INPUT": areas, "OVERLAY": coverage, "OUTPUT": "memory:"})  # the gaps
    with_area = run("native:fieldcalculator", {"INPUT": covered, "FIELD_NAME": "covered_m2", "FIELD_TYPE": 0,
                                               "FORMULA": "area($geometry)", "OUTPUT": "memory:"})["OUTPUT"]
    counted = run("native:countpointsinpolygon", {"POLYGONS": with_area, "POINTS": demand, "WEIGHT": "w",
                                                  "FIELD": "w_cov", "OUTPUT": "memory:"})["OUTPUT"]
    totals = run("native:countpointsinpolygon", {"POLYGONS": areas, "POINTS": demand, "WEIGHT": "w",
                                                 "FIELD": "w_tot", "OUTPUT": "memory:"})["OUTPUT"]
    result = {}
    for f in counted.getFeatures():
        row = result.setdefault(f["name"], [0.0, 0.0, 0.0])
        row[0] += f["covered_m2"]
        row[1] += f["w_cov"]
    for f in totals.getFeatures():
        result.setdefault(f["name"], [0.0, 0.0, 0.0])[2] = f["w_tot"]
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes")
    parser.add_argument("--runs", type=int, default=3, help="runs of each coverage method; the best is kept")
    args = parser.parse_args()
    n_aps, n_demand, n_candidates, n_sites = (500, 10_000, 1_000, 30) if args.quick else (2_000, 50_000, 5_000, 30)

    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append(os.path.join(QgsApplication.pkgDataPath(), "python", "plugins"))
    from processing.core.Processing import Processing

    Processing.initialize()
    from prato_smartcity_plugin.processing_provider.provider import PratoSmartCityProvider

    provider = PratoSmartCityProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    import processing

    from prato_smartcity_plugin.core.wifi.coverage import Demand, coverage_statistics, prepare_access_points
    from prato_smartcity_plugin.core.wifi.schema import AccessPoint
    from prato_smartcity_plugin.core.wifi.siting import Candidates, CoverageIndex, select_sites

    comune_layer = QgsVectorLayer(f"{REPO / 'resources' / 'demo' / 'prato_demo.gpkg'}|layername=prato_comune", "c",
                                  "ogr")
    comune = unary_union([to_shapely(f.geometry()) for f in comune_layer.getFeatures()])
    minx, miny, maxx, maxy = comune.bounds
    w, h = (maxx - minx) / 3, (maxy - miny) / 3
    districts = [(f"D{i}{j}", comune.intersection(box(minx + i * w, miny + j * h, minx + (i + 1) * w,
                                                       miny + (j + 1) * h))) for i in range(3) for j in range(3)]
    districts = [(n, g) for n, g in districts if not g.is_empty]
    rng = np.random.default_rng(2021)
    ax, ay = random_points_in(comune, n_aps, rng)
    radii = rng.uniform(30, 120, n_aps).round(1)
    dx, dy = random_points_in(comune, n_demand, rng)
    weights = rng.integers(1, 11, n_demand).astype(float)

    aps_layer = point_layer("aps", ax, ay, "&field=name:string&field=radius_m:double",
                            lambda i: [f"AP {i}", float(radii[i])])
    demand_layer = point_layer("demand", dx, dy, "&field=w:double", lambda i: [float(weights[i])])
    areas_layer = polygon_layer("districts", districts)

    print(f"Wi-Fi benchmark ({'quick' if args.quick else 'full'}): {n_aps} access points, {n_demand} demand points, "
          f"{len(districts)} districts of the comune ({comune.area / 1e6:.1f} km²)\n")

    # 1. coverage statistics -----------------------------------------------------------------------------------
    runs = max(1, args.runs)
    points = [AccessPoint(x, y, name=f"AP {i}", radius_m=r) for i, (x, y, r) in enumerate(zip(ax, ay, radii))]

    def core():
        return coverage_statistics(prepare_access_points(points), districts, Demand.from_points(dx, dy, weights))

    times, results = race(runs, {
        "native": lambda: native_chain(aps_layer, areas_layer, demand_layer),
        "algorithm": lambda: processing.run("pratosmartcity:wifi_coverage", {
            "ACCESS_POINTS": aps_layer, "RADIUS_FIELD": "radius_m", "COMUNE": None, "AREAS": areas_layer,
            "AREA_NAME_FIELD": "name", "DEMAND": demand_layer, "DEMAND_WEIGHT": "w", "COVERAGE": "memory:",
            "GAPS": "memory:", "STATISTICS": "memory:"}),
        "core": core})
    t_native, t_alg, t_core = (min(times[name]) for name in ("native", "algorithm", "core"))
    native, alg, result = results["native"], results["algorithm"], results["core"]
    round_ratios = [n / a for n, a in zip(times["native"], times["algorithm"])]
    ours = {f["area_name"]: (f["covered_m2"], f["weight_cov"], f["weight_tot"])
            for f in alg["STATISTICS"].getFeatures()}
    area_diff = max(abs(ours[n][0] - native[n][0]) / max(native[n][0], 1.0) for n in ours)
    all_ours, all_native = sum(v[1] for v in ours.values()), sum(v[1] for v in native.values())
    weight_diff = max(abs(ours[n][1] - native[n][1]) / max(native[n][1], 1.0) for n in ours)
    total_diff = max(abs(ours[n][2] - native[n][2]) for n in ours)
    print(f"1. Coverage statistics (covered area, gaps, covered demand per district); best of {runs} rounds")
    print(f"   {'method':<52}{'seconds':>9}{'speed-up':>10}")
    print(f"   {'QGIS native chain (buffer+dissolve, intersection, ...)':<52}{t_native:>9.2f}{1.0:>9.1f}x")
    print(f"   {'pratosmartcity:wifi_coverage (same layers in/out)':<52}{t_alg:>9.2f}{t_native / t_alg:>9.1f}x")
    print(f"   {'core.wifi.coverage alone (arrays in memory)':<52}{t_core:>9.2f}{t_native / t_core:>9.1f}x")
    print(f"   algorithm speed-up round by round: {min(round_ratios):.1f}x to {max(round_ratios):.1f}x")
    print(f"   same figures: covered area within {area_diff:.2%} per district; covered demand within "
          f"{weight_diff:.2%} per district, {abs(all_ours - all_native) / all_native:.2%} in all (ours tests exact "
          f"discs, the chain 8-segment buffers); demand totals differ by {total_diff:g}")
    print(f"   comune covered: {result.total.covered_share:.1%}, demand weight covered: "
          f"{result.total.weight_share:.1%}\n")

    # 2. site selection ----------------------------------------------------------------------------------------
    existing = prepare_access_points(points[:200]).points
    demand = Demand.from_points(dx, dy, weights)
    cx, cy = random_points_in(comune, n_candidates, rng)
    candidates = Candidates(cx, cy)
    t_index, index = timed(CoverageIndex, candidates, demand, 100.0)
    t_strtree = strtree_index_time(cx, cy, dx, dy, 100.0, index)
    t_celf, selection = timed(select_sites, candidates, demand, existing, n_sites=n_sites, radius_m=100.0)
    t_plain, plain = timed(plain_greedy, index, candidates, demand, existing, n_sites)
    assert [p.candidate for p in selection.picks] == plain, "CELF and the plain greedy must pick the same sites"
    t_spaced, spaced = timed(select_sites, candidates, demand, existing, n_sites=n_sites, radius_m=100.0,
                             min_spacing_m=300.0)
    print(f"2. Site selection: {n_sites} sites among {n_candidates} candidates, {n_demand} demand points, "
          f"200 existing access points, radius 100 m")
    print(f"   {'step':<52}{'seconds':>9}{'speed-up':>10}")
    print(f"   {'coverage index, shapely STRtree per candidate':<52}{t_strtree:>9.2f}{1.0:>9.1f}x")
    print(f"   {'coverage index, numpy grid (used)':<52}{t_index:>9.3f}{t_strtree / t_index:>9.1f}x")
    t_plain += t_index
    print(f"   {'plain greedy, every gain recomputed (index incl.)':<52}{t_plain:>9.3f}{1.0:>9.1f}x")
    print(f"   {'select_sites, CELF (index included)':<52}{t_celf:>9.3f}{t_plain / t_celf:>9.1f}x")
    print(f"   gains evaluated: plain {n_sites * n_candidates} (one pass per step), CELF {selection.evaluations} "
          f"(+ one vectorised pass)")
    print(f"   {'select_sites, CELF, 300 m spacing':<52}{t_spaced:>9.3f}")
    print(f"   same picks as the plain greedy: yes; coverage {selection.share_before:.1%} -> "
          f"{selection.share_after:.1%}; proven >= {selection.optimality_bound:.0%} of optimal "
          f"(with spacing: {spaced.optimality_bound:.0%})\n")

    # 3. growth ------------------------------------------------------------------------------------------------
    print("3. Growth with the number of candidates (select_sites, 30 sites, index included)")
    print(f"   {'candidates':>10}{'seconds':>10}{'x time':>8}{'x size':>8}")
    base = None
    sizes = [100, 250, 500, 1000] if args.quick else [500, 1000, 2000, 5000]
    for size in sizes:
        sub = Candidates(cx[:size], cy[:size]) if size <= n_candidates else candidates
        t, _ = timed(select_sites, sub, demand, existing, n_sites=n_sites, radius_m=100.0)
        base = base or t
        print(f"   {size:>10}{t:>10.3f}{t / base:>7.1f}x{size / sizes[0]:>7.1f}x")
    QgsApplication.processingRegistry().removeProvider(provider)


def plain_greedy(index, candidates, demand, existing, n_sites):
    """Every gain recomputed at every step; the same tie-break as select_sites (nearest the network, then order)."""
    from prato_smartcity_plugin.core.wifi.coverage import covered_demand
    from prato_smartcity_plugin.core.wifi.siting import network_distance

    covered = covered_demand(existing, demand)
    near = network_distance(candidates, existing)
    order = np.arange(len(candidates))
    picks = []
    for _ in range(n_sites):
        gains = index.gains(np.where(covered, 0.0, demand.weights))
        best = int(np.lexsort((order, near, -gains))[0])
        if gains[best] <= 0:
            break
        picks.append(best)
        covered[index.covered_by(best)] = True
    return picks


def strtree_index_time(cx, cy, dx, dy, radius, index) -> float:
    """The candidate -> demand index the shapely way (a disc per candidate, an STRtree of the demand points)."""
    from shapely.geometry import Point
    from shapely.strtree import STRtree

    start = time.perf_counter()
    demand_points = [Point(x, y) for x, y in zip(dx, dy)]
    tree = STRtree(demand_points)
    ids = {id(p): i for i, p in enumerate(demand_points)}
    counts = []
    for x, y in zip(cx, cy):
        disc = Point(x, y).buffer(radius, 8)
        found = tree.query(disc)
        if len(found) and not isinstance(found[0], (int, np.integer)):  # shapely 1.8 returns geometries
            found = [ids[id(g)] for g in found]
        counts.append(sum(1 for i in found if demand_points[i].distance(Point(x, y)) <= radius))
    elapsed = time.perf_counter() - start
    assert counts == list(np.diff(index.indptr)), "both indexes must find the same pairs"
    return elapsed


if __name__ == "__main__":
    main()
