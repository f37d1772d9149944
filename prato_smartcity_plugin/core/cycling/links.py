"""Missing links: short new paths that would join two components of the network.

Candidates start at segment ends (dangling ends only, every end, or every vertex, which also finds the closest
approach of two segments) and reach the nearest point of a segment of ANOTHER component within ``max_distance``.
For each pair of components only the shortest link that crosses no barrier is kept. Links are ranked by
``(length of component A + length of component B) / length of the link``: network joined per metre of new path.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np
from shapely.geometry import LineString
from shapely.geometry.base import BaseGeometry
from shapely.prepared import prep

from prato_smartcity_plugin.core.cycling.geometry import GeometryIndex, point_edge_pairs
from prato_smartcity_plugin.core.cycling.network import NODE_PRECISION, Topology
from prato_smartcity_plugin.core.cycling.schema import kind_label
from prato_smartcity_plugin.core.errors import InputError
from prato_smartcity_plugin.core.i18n import translate


def tr(text: str) -> str:
    return translate("PratoSmartCity", text)

FROM_DANGLING = "dangling"
FROM_ENDS = "ends"
FROM_VERTICES = "vertices"
#: a link shorter than this counts as this long in the score (two components that cross without a node)
MIN_SCORE_LENGTH = 1.0


@dataclass
class MissingLink:
    rank: int
    start: tuple[float, float]
    end: tuple[float, float]
    length_m: float
    component_a: int
    component_b: int
    component_a_m: float
    component_b_m: float
    segment_a: int
    segment_b: int
    #: the path at each end, as a planner reads it (its name, or "<kind>, unnamed"): see :func:`name_links`
    path_a: str = ""
    path_b: str = ""

    @property
    def joined_m(self) -> float:
        return self.component_a_m + self.component_b_m

    @property
    def score(self) -> float:
        return self.joined_m / max(self.length_m, MIN_SCORE_LENGTH)

    @property
    def geometry(self) -> LineString:
        return LineString([self.start, self.end])

    @property
    def label_a(self) -> str:
        """The path where the link starts (its component when the links were not named)."""
        return self.path_a or tr("component {number}").format(number=self.component_a)

    @property
    def label_b(self) -> str:
        return self.path_b or tr("component {number}").format(number=self.component_b)

    @property
    def end_a(self) -> str:
        """The path where the link starts with the length of the network it belongs to: "Via X (23.01 km)"."""
        return f"{self.label_a} ({self.component_a_m / 1000.0:.2f} km)"

    @property
    def end_b(self) -> str:
        return f"{self.label_b} ({self.component_b_m / 1000.0:.2f} km)"

    @property
    def reason(self) -> str:
        """One sentence that says why the link is on the list."""
        return tr("{length} m of new path would join {a}, part of a connected network of {km_a} km, to {b}, part "
                  "of another of {km_b} km: {score} km of network joined per metre.").format(
            length=f"{self.length_m:.0f}", a=self.label_a, km_a=f"{self.component_a_m / 1000.0:.2f}",
            b=self.label_b, km_b=f"{self.component_b_m / 1000.0:.2f}", score=f"{self.score / 1000.0:.3f}")


def path_label(name: str | None, kind: str) -> str:
    """A path as a planner reads it: its name, else its kind and "unnamed"."""
    if name:
        return str(name)
    return tr("{kind}, unnamed").format(kind=kind_label(kind))


def name_links(links: Sequence[MissingLink], names: Sequence[str | None], kinds: Sequence[str]) -> None:
    """Fill ``path_a`` / ``path_b`` of each link from the name and kind of the segments at its ends."""
    for link in links:
        link.path_a = path_label(names[link.segment_a], kinds[link.segment_a])
        link.path_b = path_label(names[link.segment_b], kinds[link.segment_b])


class Barriers:
    """Lines (railways, river banks) and polygons (the river) that a link must not cross. A link may touch a polygon
    barrier or run inside it for at most ``allowance`` metres (a path that ends on the bank)."""

    def __init__(self, geometries: Sequence[BaseGeometry], allowance: float = 0.5):
        self.geometries = [g if g.is_valid else g.buffer(0) for g in geometries if g is not None and not g.is_empty]
        self.prepared = [prep(g) for g in self.geometries]
        self.index = GeometryIndex(self.geometries)
        self.allowance = allowance

    def blocks(self, link: LineString) -> bool:
        for i in self.index.query(link):
            geometry = self.geometries[i]
            if not self.prepared[i].intersects(link):
                continue
            if geometry.geom_type in ("Polygon", "MultiPolygon"):
                if link.intersection(geometry).length > self.allowance:
                    return True
            else:
                return True
        return False


def find_missing_links(topology: Topology, max_distance: float, start_from: str = FROM_ENDS,
                       barriers: Barriers | None = None, limit: int | None = None) -> list[MissingLink]:
    """The best link for each pair of components closer than ``max_distance``, ranked (best first)."""
    if max_distance <= 0:
        raise InputError(tr("The search distance for missing links must be greater than zero."))
    if start_from == FROM_DANGLING:
        points, point_segment = topology.dangling_xy, topology.dangling_segment
    elif start_from == FROM_ENDS:
        ends = np.concatenate([topology.first_vertex, topology.last_vertex])
        points, point_segment = topology.vertices[ends], topology.vertex_line[ends]
    elif start_from == FROM_VERTICES:
        points, point_segment = topology.vertices, topology.vertex_line
    else:
        raise InputError(tr("Unknown start for missing links: {value}").format(value=start_from))
    component = topology.component
    point_index, edge_index, dist, nearest = point_edge_pairs(points, topology.edges.xy, max_distance)
    target_segment = topology.edges.line[edge_index]
    comp_a = component[point_segment[point_index]]
    comp_b = component[target_segment]
    keep = comp_a != comp_b
    point_index, target_segment, dist, nearest = point_index[keep], target_segment[keep], dist[keep], nearest[keep]
    comp_a, comp_b = comp_a[keep], comp_b[keep]
    if len(dist) == 0:
        return []
    # candidates in order of the component pair, then length: the first unblocked one of each pair wins
    low, high = np.minimum(comp_a, comp_b), np.maximum(comp_a, comp_b)
    order = np.lexsort((dist, high, low))
    chosen: dict[tuple[int, int], int] = {}
    if barriers is None:  # the first candidate of each pair, vectorised
        first = np.ones(len(order), dtype=bool)
        first[1:] = (low[order][1:] != low[order][:-1]) | (high[order][1:] != high[order][:-1])
        order = order[first]
    for k in order:
        pair = (int(low[k]), int(high[k]))
        if pair in chosen:
            continue
        if barriers is not None and dist[k] > NODE_PRECISION:
            link = LineString([tuple(points[point_index[k]]), tuple(nearest[k])])
            if barriers.blocks(link):
                continue
        chosen[pair] = int(k)
    lengths = topology.component_length
    links = []
    for k in chosen.values():
        a, b = int(comp_a[k]), int(comp_b[k])
        links.append(MissingLink(rank=0, start=tuple(map(float, points[point_index[k]])),
                                 end=tuple(map(float, nearest[k])), length_m=float(dist[k]), component_a=a,
                                 component_b=b, component_a_m=float(lengths[a - 1]),
                                 component_b_m=float(lengths[b - 1]),
                                 segment_a=int(point_segment[point_index[k]]), segment_b=int(target_segment[k])))
    links.sort(key=lambda link: (-link.score, link.length_m, link.component_a, link.component_b))
    for rank, link in enumerate(links, start=1):
        link.rank = rank
    return links[:limit] if limit else links
