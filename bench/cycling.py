"""Benchmark: cycle network measures and missing-link search from 5,000 to 50,000 segments, and the components
against QGIS's own network analysis in the same run.

The network is the real Prato cycle network (ciclabili.geojson, 224 OSM ways, EPSG:6707) tiled on a grid and
perturbed by a smooth displacement field (a vertex shared by two ways stays shared, so each tile keeps the real
topology while no two tiles are identical); tiles are 60 m apart, so the missing-link search also finds links
between tiles.

References measured in the same run:
* components: QGIS network analysis (``QgsVectorLayerDirector`` + ``QgsGraphBuilder``, the engine of the native
  shortest-path algorithms) builds the graph; its connected components are counted with a plain breadth-first
  search. At tolerance 0 both must give the SAME partition of the segments. At 2 m the graph builder snaps vertex to
  vertex while ours also snaps an end to the middle of an edge: the counts are printed, not expected to be equal
  (the graph's partition should refine ours). The graph's time includes its Python cost callback and the search.
* components, tolerance 2 m: native:buffer (1 m, dissolved) + native:multiparttosingleparts (+ joining each segment
  to its part), the classic Processing recipe; it also joins paths that cross without a shared node (bridges), so our
  partition must REFINE it (each of our components inside one of its parts). Run at the smallest size only.
* length by area (25 "districts", a 5 x 5 grid over the network; "areas s" is that part of our measures alone, with
  the length outside every area): native:sumlinelengths on the same layers; the length per district must agree (to
  1 mm per district), its time is printed beside ours with the ratio native / ours.
* missing links: no native equivalent; checked against a brute-force all-pairs search (numpy) on 1,000 segments.

Times are CPU seconds of this process (best of two), so that other jobs on the machine do not distort the growth.

    /usr/bin/python3 bench/cycling.py [--quick]
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import time
from collections import deque
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402
from qgis.core import QgsApplication, QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer  # noqa: E402

APP = QgsApplication([], False)
APP.initQgis()
sys.path.append(os.path.join(QgsApplication.pkgDataPath(), "python", "plugins"))  # Processing

from shapely.geometry import LineString  # noqa: E402

from prato_smartcity_plugin.adapters.cycling import read_cycle_paths  # noqa: E402
from prato_smartcity_plugin.core.cycling.geometry import clean_lines, point_edge_distances  # noqa: E402
from prato_smartcity_plugin.core.cycling.links import find_missing_links  # noqa: E402
from prato_smartcity_plugin.core.cycling.network import (  # noqa: E402
    Areas,
    Network,
    build_topology,
    lengths_in_areas,
    measure,
)

CICLABILI = REPO.parent / "shared" / "data" / "prato" / "cycleways" / "ciclabili.geojson"
GAP = 60.0
LINK_DISTANCE = 100.0


def real_network() -> Network:
    layer = QgsVectorLayer(str(CICLABILI), "ciclabili", "ogr")
    network, _ = read_cycle_paths(layer)
    return network


def generate(base: Network, n: int, amplitude: float = 3.0, wavelength: float = 500.0) -> Network:
    """``n`` segments: copies of ``base`` on a grid of tiles, each displaced by a smooth field."""
    coords = [np.asarray(line.coords) for line in base.lines]
    allxy = np.concatenate(coords)
    x0, y0 = allxy.min(axis=0)
    width, height = allxy.max(axis=0) - allxy.min(axis=0)
    tiles = math.ceil(n / len(coords))
    side = math.ceil(math.sqrt(tiles))
    lines, kinds = [], []
    for t in range(tiles):
        dx, dy = (t % side) * (width + GAP), (t // side) * (height + GAP)
        phase = 0.7 * t
        for c, kind in zip(coords, base.kinds):
            if len(lines) == n:
                break
            x, y = c[:, 0] - x0, c[:, 1] - y0
            moved = np.column_stack([
                x + dx + amplitude * np.sin(2 * math.pi * y / wavelength + phase),
                y + dy + amplitude * np.cos(2 * math.pi * x / wavelength + phase)])
            lines.append(LineString(moved))
            kinds.append(kind)
    return Network(lines, kinds, list(range(len(lines))), clean_lines([]))


def timed(function, *args, repeat: int = 1, **kwargs):
    """Best CPU time (process time, so that other jobs on a shared machine do not count) and the result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.process_time()
        result = function(*args, **kwargs)
        best = min(best, time.process_time() - start)
    return best, result


def districts(network: Network, side: int = 5) -> Areas:
    """A ``side`` x ``side`` grid of rectangles over the network's extent (slightly larger, so nothing is outside)."""
    from shapely.geometry import box

    xy = np.concatenate([np.asarray(line.coords) for line in network.lines])
    (x0, y0), (x1, y1) = xy.min(axis=0) - 1.0, xy.max(axis=0) + 1.0
    dx, dy = (x1 - x0) / side, (y1 - y0) / side
    names, polygons = [], []
    for i in range(side):
        for j in range(side):
            names.append(f"d{i}{j}")
            polygons.append(box(x0 + i * dx, y0 + j * dy, x0 + (i + 1) * dx, y0 + (j + 1) * dy))
    return Areas(names, polygons)


def polygon_layer(areas: Areas) -> QgsVectorLayer:
    layer = QgsVectorLayer("Polygon?crs=EPSG:6707&field=name:string", "districts", "memory")
    features = []
    for name, polygon in zip(areas.names, areas.polygons):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([name])
        feature.setGeometry(QgsGeometry.fromWkt(polygon.wkt))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def native_lengths_by_area(lines: QgsVectorLayer, areas: QgsVectorLayer) -> dict[str, float]:
    """native:sumlinelengths: metres of line per polygon (planar: the project has no ellipsoid here)."""
    import processing

    result = processing.run("native:sumlinelengths", {"POLYGONS": areas, "LINES": lines, "LEN_FIELD": "length_m",
                                                      "COUNT_FIELD": "count", "OUTPUT": "memory:"})["OUTPUT"]
    return {f["name"]: float(f["length_m"]) for f in result.getFeatures()}


def memory_layer(lines) -> QgsVectorLayer:
    layer = QgsVectorLayer("LineString?crs=EPSG:6707", "bench", "memory")
    features = []
    for line in lines:
        feature = QgsFeature()
        feature.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(x, y) for x, y in line.coords]))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def graph_components(layer: QgsVectorLayer, tolerance: float) -> np.ndarray:
    """Component label per feature (in feature order) from QGIS's network analysis graph and a breadth-first search."""
    from qgis.analysis import QgsGraphBuilder, QgsNetworkStrategy, QgsVectorLayerDirector

    class FeatureIdStrategy(QgsNetworkStrategy):
        def requiredAttributes(self):  # noqa: N802
            return []

        def cost(self, distance, feature):
            return feature.id()

    director = QgsVectorLayerDirector(layer, -1, "", "", "", QgsVectorLayerDirector.DirectionForward)
    strategy = FeatureIdStrategy()
    director.addStrategy(strategy)
    builder = QgsGraphBuilder(layer.crs(), False, tolerance)
    director.makeGraph(builder, [])
    graph = builder.graph()
    neighbours = [[] for _ in range(graph.vertexCount())]
    feature_vertex = {}
    for i in range(graph.edgeCount()):
        edge = graph.edge(i)
        a, b = edge.fromVertex(), edge.toVertex()
        neighbours[a].append(b)
        neighbours[b].append(a)
        feature_vertex.setdefault(int(edge.cost(0)), a)
    label = [-1] * graph.vertexCount()
    for start in range(graph.vertexCount()):
        if label[start] >= 0:
            continue
        label[start] = start
        queue = deque([start])
        while queue:
            v = queue.popleft()
            for w in neighbours[v]:
                if label[w] < 0:
                    label[w] = start
                    queue.append(w)
    # a feature shorter than the tolerance collapses to one vertex and has no edge: use the nearest vertex
    points = np.array([[graph.vertex(v).point().x(), graph.vertex(v).point().y()] for v in range(graph.vertexCount())])
    labels = []
    for feature in layer.getFeatures():
        vertex = feature_vertex.get(feature.id())
        if vertex is None:
            first = feature.geometry().vertexAt(0)
            vertex = int(np.argmin(np.hypot(points[:, 0] - first.x(), points[:, 1] - first.y())))
        labels.append(label[vertex])
    return np.array(labels)


def buffer_dissolve_components(layer: QgsVectorLayer, tolerance: float) -> np.ndarray:
    """Component label per feature: native:buffer (tolerance / 2, dissolved) + native:multiparttosingleparts, then the
    part that holds each feature's first vertex (a QgsSpatialIndex lookup)."""
    import processing
    from qgis.core import QgsSpatialIndex

    buffered = processing.run("native:buffer", {"INPUT": layer, "DISTANCE": tolerance / 2, "SEGMENTS": 4,
                                                "DISSOLVE": True, "OUTPUT": "memory:"})["OUTPUT"]
    parts = processing.run("native:multiparttosingleparts", {"INPUT": buffered, "OUTPUT": "memory:"})["OUTPUT"]
    spatial = QgsSpatialIndex(parts.getFeatures())
    geometries = {f.id(): f.geometry() for f in parts.getFeatures()}
    labels = []
    for feature in layer.getFeatures():
        point = QgsGeometry.fromPointXY(QgsPointXY(feature.geometry().vertexAt(0)))
        hits = [k for k in spatial.intersects(point.boundingBox()) if geometries[k].intersects(point)]
        labels.append(hits[0] if hits else -1)
    return np.array(labels)


def same_partition(a: np.ndarray, b: np.ndarray) -> bool:
    pairs = len(set(zip(a.tolist(), b.tolist())))
    return pairs == len(set(a.tolist())) == len(set(b.tolist()))


def refines(fine: np.ndarray, coarse: np.ndarray) -> bool:
    """Every class of ``fine`` lies inside one class of ``coarse``."""
    owner = {}
    for f, c in zip(fine.tolist(), coarse.tolist()):
        if owner.setdefault(f, c) != c:
            return False
    return True


def brute_force_links(topology, distance):
    """Best link per component pair by checking every end against every edge (numpy, all pairs)."""
    ends = np.concatenate([topology.first_vertex, topology.last_vertex])
    points, segment = topology.vertices[ends], topology.vertex_line[ends]
    edges, comp = topology.edges.xy, topology.component
    best = {}
    for i in range(len(points)):
        d, _ = point_edge_distances(np.repeat(points[i:i + 1], len(edges), axis=0), edges)
        a = comp[segment[i]]
        for e in np.nonzero(d <= distance)[0]:
            b = comp[topology.edges.line[e]]
            if a != b:
                key = (min(a, b), max(a, b))
                best[key] = min(best.get(key, np.inf), d[e])
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes (1,000 to 10,000 segments)")
    args = parser.parse_args()
    sizes = [1_000, 2_500, 5_000, 10_000] if args.quick else [5_000, 10_000, 20_000, 50_000]
    from processing.core.Processing import Processing

    Processing.initialize()
    base = real_network()
    find_missing_links(measure(generate(base, 500), 2.0).topology, LINK_DISTANCE)  # warm-up (imports, caches)
    print(f"Real network: {len(base.lines)} segments, {measure(base, 2.0).total_m / 1000:.2f} km (EPSG:6707)")

    # missing links against brute force
    small = generate(base, 1_000)
    topology = build_topology(small.lines, 2.0)
    found = {(min(k.component_a, k.component_b), max(k.component_a, k.component_b)): k.length_m
             for k in find_missing_links(topology, LINK_DISTANCE)}
    expected = brute_force_links(topology, LINK_DISTANCE)
    agree = found.keys() == expected.keys() and all(abs(found[k] - expected[k]) < 1e-6 for k in expected)
    print(f"Missing links on 1,000 segments vs brute force: {len(found)} vs {len(expected)} component pairs, "
          f"lengths {'AGREE' if agree else 'DIFFER'}")

    print()
    header = (f"{'segments':>9} {'measures s':>10} {'areas s':>8} {'links s':>8} {'links':>6} {'comp 2m':>8} "
              f"{'comp 0m':>8} {'ours 0m s':>9} {'QGIS graph 0m s':>15} {'ratio':>6} {'same':>5} "
              f"{'native sum lengths s':>20} {'ratio':>6} {'agree':>5}")
    print(header)
    print("-" * len(header))
    rows = []
    for n in sizes:
        network = generate(base, n)
        repeat = 2  # best of two: the machine is shared
        t_measure, m2 = timed(measure, network, 2.0, repeat=repeat)
        grid = districts(network)
        t_areas, (by_area, _) = timed(lengths_in_areas, network, m2.topology, m2.by_kind, grid, repeat=repeat)
        t_links, links = timed(find_missing_links, m2.topology, LINK_DISTANCE, repeat=repeat)
        t_ours0, topology0 = timed(build_topology, network.lines, 0.0, repeat=repeat)
        layer = memory_layer(network.lines)
        t_graph, graph0 = timed(graph_components, layer, 0.0)
        same = same_partition(topology0.component, graph0)
        t_native_sum, native_sum = timed(native_lengths_by_area, layer, polygon_layer(grid))
        ours_sum = {name: sum(kinds.values()) for name, kinds in by_area.items()}
        agree = native_sum.keys() == ours_sum.keys() and all(abs(native_sum[k] - ours_sum[k]) < 1e-3
                                                             for k in ours_sum)
        print(f"{n:>9,} {t_measure:>10.3f} {t_areas:>8.3f} {t_links:>8.3f} {len(links):>6} {m2.components:>8} "
              f"{len(topology0.component_length):>8} {t_ours0:>9.3f} {t_graph:>15.3f} {t_graph / t_ours0:>6.1f} "
              f"{'yes' if same else 'NO':>5} {t_native_sum:>20.3f} {t_native_sum / t_areas:>6.1f} "
              f"{'yes' if agree else 'NO':>5}")
        rows.append((n, t_measure, t_links, t_areas))
        if n == sizes[0]:
            t_native, native = timed(buffer_dissolve_components, layer, 2.0)
            graph2 = graph_components(layer, 2.0)
            first_native = (n, t_native, t_measure, native, m2.topology.component, graph2)
    print()
    n0, t0m, t0l, t0a = rows[0]
    print(f"{'growth':>9} {'n ratio':>8} {'measures':>9} {'areas':>7} {'links':>7} {'n log n':>8}")
    for n, tm, tl, ta in rows[1:]:
        nlogn = (n * math.log(n)) / (n0 * math.log(n0))
        print(f"{n:>9,} {n / n0:>8.1f} {tm / t0m:>9.1f} {ta / t0a:>7.1f} {tl / t0l:>7.1f} {nlogn:>8.1f}")
    ns = np.log([r[0] for r in rows])
    for name, column in (("measures", 1), ("length by 25 districts", 3), ("missing links", 2)):
        slope = np.polyfit(ns, np.log([r[column] for r in rows]), 1)[0]
        print(f"fitted exponent, {name}: t ~ n^{slope:.2f}")
    n, t_native, t_measure, native, ours, graph2 = first_native
    print()
    print(f"QGIS graph at {n:,} segments, tolerance 2 m (vertex-to-vertex snapping only): "
          f"{len(set(graph2.tolist()))} components vs our {len(set(ours.tolist()))} (ours also snap an end to the "
          f"middle of an edge); each graph component inside one of ours: {'yes' if refines(graph2, ours) else 'NO'}")
    print(f"native:buffer+dissolve+multiparttosingleparts at {n:,} segments, tolerance 2 m: {t_native:.2f} s vs "
          f"{t_measure:.3f} s for all our measures (ratio {t_native / t_measure:.0f}); "
          f"{len(set(native.tolist()))} parts vs our {len(set(ours.tolist()))} components; ours refine theirs: "
          f"{'yes' if refines(ours, native) else 'NO'} (theirs also join paths crossing without a shared node)")


if __name__ == "__main__":
    main()
    APP.exitQgis()
