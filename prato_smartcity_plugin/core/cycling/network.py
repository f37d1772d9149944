"""Network measures of a cycle network in a projected CRS: length by kind and by area, connected components with a
snapping tolerance, dangling ends.

Connectivity rules: an END of a segment joins any other segment whose line passes within ``tolerance`` (end to end,
end to vertex, end to the middle of an edge: T-junctions digitised without a shared node); two segments that share a
vertex (within a millimetre) are joined where they cross at that node. Segments that cross with no shared node
(bridges, underpasses) stay apart, as in OpenStreetMap. All searches use a grid hash; components use a vectorised
union-find, so the cost grows near-linearly with the number of segments.

Overlaps: an edge digitised twice (two features on the same vertices, a line that runs back over itself) is counted
once in every length; the length removed is reported as ``overlap_m``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Sequence

import numpy as np
from shapely.geometry import LineString
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union
from shapely.prepared import prep

from prato_smartcity_plugin.core.cycling.geometry import (
    CleanLines,
    Edges,
    GeometryIndex,
    line_coordinates,
    point_edge_pairs,
)
from prato_smartcity_plugin.core.cycling.schema import KIND_CODES, OTHER
from prato_smartcity_plugin.core.errors import InputError
from prato_smartcity_plugin.core.i18n import translate

#: Coordinates closer than this (metres) are the same node.
NODE_PRECISION = 0.001


def connected_labels(count: int, first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """Connected components of ``count`` items joined by the pairs (first[k], second[k]): a label per item, the
    smallest item index of its component. Vectorised union-find: hook roots onto smaller roots, then pointer-jump."""
    labels = np.arange(count, dtype=np.int64)
    if count == 0 or len(first) == 0:
        return labels
    first = np.asarray(first, dtype=np.int64)
    second = np.asarray(second, dtype=np.int64)
    while True:
        a, b = labels[first], labels[second]
        differ = a != b
        if not differ.any():
            return labels
        a, b = a[differ], b[differ]
        low = np.minimum(a, b)
        np.minimum.at(labels, np.maximum(a, b), low)
        while True:  # pointer jumping until every item points at its root
            jumped = labels[labels]
            if np.array_equal(jumped, labels):
                break
            labels = jumped


@dataclass
class Network:
    """Segments (2D LineStrings in projected metres) with a kind each, and what cleaning left out."""

    lines: list[LineString]
    kinds: list[str]
    keys: list[Any] = field(default_factory=list)
    cleaning: CleanLines | None = None

    @classmethod
    def from_clean(cls, clean: CleanLines, kind_of_key: dict | None = None, default_kind: str = OTHER) -> Network:
        kind_of_key = kind_of_key or {}
        kinds = [kind_of_key.get(key, default_kind) for key in clean.keys]
        return cls(lines=list(clean.lines), kinds=kinds, keys=list(clean.keys), cleaning=clean)

    def merged(self, other: Network) -> Network:
        """This network with ``other``'s segments added (a before/after: planned links merged in)."""
        cleaning = CleanLines()
        for part in (self.cleaning, other.cleaning):
            if part is not None:
                cleaning.skipped.update(part.skipped)
                cleaning.fixed.update(part.fixed)
        return Network(self.lines + other.lines, self.kinds + other.kinds, self.keys + other.keys, cleaning)


@dataclass
class Topology:
    """The vertex and edge arrays of a network with its components and dangling ends."""

    vertices: np.ndarray
    vertex_line: np.ndarray
    edges: Edges
    #: per edge: counted in lengths (False for the second copy of a duplicated edge)
    edge_counted: np.ndarray
    #: per segment: counted length (m) and raw length (m)
    segment_length: np.ndarray
    segment_raw_length: np.ndarray
    #: per segment: component id, 1 = longest component
    component: np.ndarray
    #: per component id - 1: counted length (m), descending
    component_length: np.ndarray
    #: dangling ends: (x, y) and the segment each ends
    dangling_xy: np.ndarray
    dangling_segment: np.ndarray
    #: per segment: index of its first and last vertex in ``vertices``
    first_vertex: np.ndarray
    last_vertex: np.ndarray


def node_ids(vertices: np.ndarray) -> np.ndarray:
    """A node id per vertex (0..k-1): vertices equal to :data:`NODE_PRECISION` share one. The two grid coordinates
    are packed into one integer key when they fit, so that a plain 1-D sort does the work (np.unique over rows sorts
    structured records, several times slower)."""
    if len(vertices) == 0:
        return np.zeros(0, dtype=np.int64)
    grid = np.round(vertices / NODE_PRECISION).astype(np.int64)
    grid -= grid.min(axis=0)
    width = int(grid[:, 1].max()) + 1
    if (int(grid[:, 0].max()) + 1) * width < 2 ** 62:
        _, inverse = np.unique(grid[:, 0] * width + grid[:, 1], return_inverse=True)
    else:  # an extent of more than about 2,000 km at millimetre precision
        _, inverse = np.unique(grid, axis=0, return_inverse=True)
    return inverse.reshape(-1).astype(np.int64)


def build_topology(lines: Sequence[LineString], tolerance: float) -> Topology:
    if tolerance < 0:
        raise InputError(translate("PratoSmartCity", "The snapping tolerance cannot be negative."))
    n = len(lines)
    vertices, vertex_line = line_coordinates(list(lines))
    m = len(vertices)
    counts = np.bincount(vertex_line, minlength=n) if m else np.zeros(n, dtype=np.int64)
    first_vertex = np.cumsum(counts) - counts
    last_vertex = first_vertex + counts - 1
    edges = Edges.of(vertices, vertex_line)
    edge_lengths = edges.lengths()
    # nodes: vertices equal to the millimetre share one id
    node_id = node_ids(vertices)
    # duplicated edges (either direction, between the same two nodes) are counted once
    if len(edges.xy):
        edge_start = np.flatnonzero(vertex_line[1:] == vertex_line[:-1])
        a, b = node_id[edge_start], node_id[edge_start + 1]
        _, first_index = np.unique(np.minimum(a, b) * (int(node_id.max()) + 1) + np.maximum(a, b),
                                   return_index=True)
        edge_counted = np.zeros(len(edges.xy), dtype=bool)
        edge_counted[first_index] = True
    else:
        edge_counted = np.zeros(0, dtype=bool)
    segment_raw = np.bincount(edges.line, weights=edge_lengths, minlength=n) if n else np.zeros(0)
    segment_length = (np.bincount(edges.line, weights=edge_lengths * edge_counted, minlength=n) if n
                      else np.zeros(0))

    # unions over vertices: the vertices of one segment; shared nodes; ends snapped to other segments' edges
    pairs_a = [first_vertex[vertex_line]]
    pairs_b = [np.arange(m)]
    if m:
        inverse = node_id
        representative = np.full(inverse.max() + 1, -1, dtype=np.int64)
        representative[inverse[::-1]] = np.arange(m)[::-1]
        pairs_a.append(representative[inverse])
        pairs_b.append(np.arange(m))
    end_vertex = np.concatenate([first_vertex, last_vertex]) if n else np.zeros(0, dtype=np.int64)
    end_line = np.concatenate([np.arange(n), np.arange(n)])
    point_index, edge_index, _, _ = point_edge_pairs(vertices[end_vertex], edges.xy,
                                                     max(tolerance, NODE_PRECISION))
    other = edges.line[edge_index] != end_line[point_index]
    pairs_a.append(end_vertex[point_index[other]])
    pairs_b.append(first_vertex[edges.line[edge_index[other]]])
    labels = connected_labels(m, np.concatenate(pairs_a), np.concatenate(pairs_b))

    # components of segments, numbered by length (1 = longest)
    segment_label = labels[first_vertex] if n else np.zeros(0, dtype=np.int64)
    unique_labels, component_index = np.unique(segment_label, return_inverse=True)
    component_index = component_index.reshape(-1)
    lengths = np.bincount(component_index, weights=segment_length, minlength=len(unique_labels))
    order = np.lexsort((np.arange(len(lengths)), -lengths))
    rank = np.empty_like(order)
    rank[order] = np.arange(len(order))
    component = rank[component_index] + 1

    # dangling ends: no other segment within the tolerance, and not the closing vertex of a ring
    touched = np.zeros(len(end_vertex), dtype=bool)
    touched[point_index[other]] = True
    if n:
        closed = np.hypot(*(vertices[first_vertex] - vertices[last_vertex]).T) <= max(tolerance, NODE_PRECISION)
        touched |= np.concatenate([closed, closed])
    dangling = ~touched
    return Topology(vertices=vertices, vertex_line=vertex_line, edges=edges, edge_counted=edge_counted,
                    segment_length=segment_length, segment_raw_length=segment_raw, component=component,
                    component_length=lengths[order], dangling_xy=vertices[end_vertex[dangling]],
                    dangling_segment=end_line[dangling], first_vertex=first_vertex, last_vertex=last_vertex)


@dataclass
class Areas:
    """Polygons to measure the network in (districts or any polygon layer), with a name each."""

    names: list[str]
    polygons: list[BaseGeometry]


@dataclass
class Measures:
    """Every measure of a network, as reported and compared before/after."""

    segments: int
    total_m: float
    raw_m: float
    by_kind: dict[str, float]
    #: area name -> kind -> metres inside the area
    by_area: dict[str, dict[str, float]]
    components: int
    largest_component_m: float
    dangling_ends: int
    topology: Topology
    tolerance: float
    skipped: dict[str, int] = field(default_factory=dict)
    fixed: dict[str, int] = field(default_factory=dict)
    #: kind -> metres in none of the areas (None when no areas were given): the by-area table must add up
    outside_areas: dict[str, float] | None = None

    @property
    def overlap_m(self) -> float:
        return self.raw_m - self.total_m

    @property
    def largest_share(self) -> float:
        return self.largest_component_m / self.total_m if self.total_m > 0 else 0.0

    def summary(self) -> dict[str, float]:
        """The headline figures by key (see ``report.MEASURE_LABELS``)."""
        values = {
            "total_km": self.total_m / 1000.0,
            "segments": float(self.segments),
            "components": float(self.components),
            "largest_component_km": self.largest_component_m / 1000.0,
            "largest_share_pct": 100.0 * self.largest_share,
            "dangling_ends": float(self.dangling_ends),
            "overlap_m": self.overlap_m,
        }
        for code in KIND_CODES:
            values[f"kind:{code}"] = self.by_kind.get(code, 0.0) / 1000.0
        for area, kinds in self.by_area.items():
            values[f"area:{area}"] = sum(kinds.values()) / 1000.0
        if self.outside_areas is not None:
            values["outside_areas_km"] = sum(self.outside_areas.values()) / 1000.0
        return values


def length_by_area(lines: Sequence[LineString], kinds: Sequence[str], weights: np.ndarray, areas: Areas
                   ) -> dict[str, dict[str, float]]:
    """Metres of network inside each area, by kind; ``weights`` scales each segment (counted / raw length)."""
    index = GeometryIndex(list(lines))
    result: dict[str, dict[str, float]] = {}
    for name, polygon in zip(areas.names, areas.polygons):
        totals = result.setdefault(str(name), {})
        if polygon is None or polygon.is_empty:
            continue
        if not polygon.is_valid:
            polygon = polygon.buffer(0)
        prepared = prep(polygon)
        for i in index.query(polygon):
            line = lines[i]
            if prepared.contains(line):
                metres = line.length
            elif prepared.intersects(line):
                metres = line.intersection(polygon).length
            else:
                continue
            totals[kinds[i]] = totals.get(kinds[i], 0.0) + metres * float(weights[i])
    return result


def lengths_in_areas(network: Network, topology: Topology, by_kind: dict[str, float], areas: Areas
                     ) -> tuple[dict[str, dict[str, float]], dict[str, float]]:
    """Metres by area and kind, and by kind the metres in none of the areas (so that the area table adds up)."""
    raw = topology.segment_raw_length
    weights = np.divide(topology.segment_length, raw, out=np.ones_like(raw), where=raw > 0)
    by_area = length_by_area(network.lines, network.kinds, weights, areas)
    # the areas may overlap: what lies outside is measured against their union, not by subtracting their sums
    polygons = [p if p.is_valid else p.buffer(0) for p in areas.polygons if p is not None and not p.is_empty]
    inside = (length_by_area(network.lines, network.kinds, weights, Areas(["all"], [unary_union(polygons)]))["all"]
              if polygons else {})
    outside = {kind: metres - inside.get(kind, 0.0) for kind, metres in by_kind.items()}
    return by_area, {kind: metres for kind, metres in outside.items() if metres > 1e-6}


def measure(network: Network, tolerance: float = 1.0, areas: Areas | None = None) -> Measures:
    """All measures of ``network`` (projected metres)."""
    topology = build_topology(network.lines, tolerance)
    by_kind: dict[str, float] = {}
    for kind, metres in zip(network.kinds, topology.segment_length):
        by_kind[kind] = by_kind.get(kind, 0.0) + float(metres)
    by_area, outside = lengths_in_areas(network, topology, by_kind, areas) if areas is not None else ({}, None)
    cleaning = network.cleaning
    return Measures(
        segments=len(network.lines), total_m=float(topology.segment_length.sum()),
        raw_m=float(topology.segment_raw_length.sum()), by_kind=by_kind, by_area=by_area,
        components=len(topology.component_length),
        largest_component_m=float(topology.component_length[0]) if len(topology.component_length) else 0.0,
        dangling_ends=len(topology.dangling_segment), topology=topology, tolerance=tolerance,
        skipped=dict(cleaning.skipped) if cleaning else {}, fixed=dict(cleaning.fixed) if cleaning else {},
        outside_areas=outside)
