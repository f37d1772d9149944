"""Input cleaning and the geometry helpers the cycle analyses share, written for shapely 1.8 and 2.x alike.

:func:`clean_lines` turns whatever a layer holds into plain 2D LineStrings and counts what it skipped and why, so
nothing is dropped silently. :func:`point_edge_pairs` is the grid hash behind snapping, missing links and catchment:
every (point, edge) pair closer than a distance, found in near-linear time without an all-pairs scan.
"""

from __future__ import annotations

import warnings
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable

import numpy as np
from shapely.geometry import LineString, MultiLineString
from shapely.geometry.base import BaseGeometry
from shapely.strtree import STRtree

from prato_smartcity_plugin.core.i18n import QT_TRANSLATE_NOOP, translate

try:  # shapely >= 2
    from shapely import get_coordinates as _get_coordinates
except ImportError:  # shapely 1.8
    _get_coordinates = None

#: Why an input feature (or part of it) was skipped or changed; keys of :attr:`CleanLines.skipped`.
SKIP_REASONS = {
    "null": QT_TRANSLATE_NOOP("PratoSmartCity", "no geometry"),
    "not_line": QT_TRANSLATE_NOOP("PratoSmartCity", "not a line"),
    "zero_length": QT_TRANSLATE_NOOP("PratoSmartCity", "zero length"),
    "invalid": QT_TRANSLATE_NOOP("PratoSmartCity", "invalid coordinates"),
}
#: Changes that keep the feature.
FIX_REASONS = {
    "multi_part": QT_TRANSLATE_NOOP("PratoSmartCity", "multi-part lines split into parts"),
    "z_dropped": QT_TRANSLATE_NOOP("PratoSmartCity", "Z/M values ignored"),
    "repeated_vertices": QT_TRANSLATE_NOOP("PratoSmartCity", "repeated vertices removed"),
}


@dataclass
class CleanLines:
    """Plain 2D LineStrings, each with the key of the feature it came from (a multi-part feature gives several)."""

    lines: list[LineString] = field(default_factory=list)
    keys: list[Any] = field(default_factory=list)
    #: reason -> number of features (or parts) skipped
    skipped: Counter = field(default_factory=Counter)
    #: reason -> number of features fixed and kept
    fixed: Counter = field(default_factory=Counter)
    #: keys of the skipped features, per reason (for the log)
    skipped_keys: dict[str, list[Any]] = field(default_factory=dict)

    def skip(self, reason: str, key: Any) -> None:
        self.skipped[reason] += 1
        self.skipped_keys.setdefault(reason, []).append(key)

    def summary(self) -> str:
        """One translated sentence for the user, empty when nothing was skipped or fixed."""
        parts = [f"{count} {translate('PratoSmartCity', SKIP_REASONS[reason])}"
                 for reason, count in self.skipped.items()]
        fixes = [f"{count} {translate('PratoSmartCity', FIX_REASONS[reason])}"
                 for reason, count in self.fixed.items()]
        text = ""
        if parts:
            text = translate("PratoSmartCity", "Skipped: {parts}.").format(parts=", ".join(parts))
        if fixes:
            text = (text + " " if text else "") + translate("PratoSmartCity", "Fixed: {fixes}.").format(
                fixes=", ".join(fixes))
        return text


def _line_parts(geometry: BaseGeometry) -> tuple[list, bool] | None:
    """The line parts of a geometry (None if it holds no line) and whether it was multi-part."""
    kind = geometry.geom_type
    if kind in ("LineString", "LinearRing"):
        return [geometry], False
    if kind == "MultiLineString":
        return list(geometry.geoms), True
    if kind == "GeometryCollection":
        parts = [g for g in geometry.geoms if g.geom_type in ("LineString", "LinearRing", "MultiLineString")]
        lines = []
        for part in parts:
            lines.extend(part.geoms if part.geom_type == "MultiLineString" else [part])
        return (lines, True) if lines else None
    return None


def clean_lines(items: Iterable[tuple[Any, BaseGeometry | None]]) -> CleanLines:
    """Clean ``(key, geometry)`` pairs: split multi-parts, drop Z/M, remove repeated vertices, skip (and count) null,
    non-line, zero-length and non-finite geometries."""
    result = CleanLines()
    for key, geometry in items:
        if geometry is None or geometry.is_empty:
            result.skip("null", key)
            continue
        found = _line_parts(geometry)
        if found is None:
            result.skip("not_line", key)
            continue
        parts, multi = found
        if multi and len(parts) > 1:
            result.fixed["multi_part"] += 1
        if geometry.has_z:
            result.fixed["z_dropped"] += 1
        repeated = False
        for part in parts:
            coords = np.asarray(part.coords, dtype=float)
            if coords.ndim != 2 or len(coords) == 0:
                result.skip("null", key)
                continue
            coords = coords[:, :2]
            if not np.isfinite(coords).all():
                result.skip("invalid", key)
                continue
            keep = np.ones(len(coords), dtype=bool)
            keep[1:] = np.any(coords[1:] != coords[:-1], axis=1)
            if keep.sum() < 2:
                result.skip("zero_length", key)
                continue
            if not keep.all():
                repeated = True
                coords = coords[keep]
            result.lines.append(LineString(coords))
            result.keys.append(key)
        if repeated:
            result.fixed["repeated_vertices"] += 1
    return result


def line_coordinates(lines: list[LineString]) -> tuple[np.ndarray, np.ndarray]:
    """All vertices (M x 2) and the index of the line each belongs to, in order."""
    if not lines:
        return np.zeros((0, 2)), np.zeros(0, dtype=np.int64)
    if _get_coordinates is not None:
        coords, index = _get_coordinates(np.asarray(lines, dtype=object), return_index=True)
        return np.asarray(coords, dtype=float)[:, :2], np.asarray(index, dtype=np.int64)
    arrays = [np.asarray(line.coords, dtype=float)[:, :2] for line in lines]
    counts = np.fromiter((len(a) for a in arrays), dtype=np.int64, count=len(arrays))
    return np.concatenate(arrays), np.repeat(np.arange(len(lines), dtype=np.int64), counts)


@dataclass
class Edges:
    """The straight edges of a set of lines: ``xy`` (E x 4: x1, y1, x2, y2) and ``line`` (E) the line index."""

    xy: np.ndarray
    line: np.ndarray

    @classmethod
    def of(cls, vertices: np.ndarray, vertex_line: np.ndarray) -> Edges:
        same = vertex_line[1:] == vertex_line[:-1]
        xy = np.hstack([vertices[:-1][same], vertices[1:][same]]) if len(vertices) else np.zeros((0, 4))
        return cls(xy=xy, line=vertex_line[:-1][same] if len(vertices) else np.zeros(0, dtype=np.int64))

    def lengths(self) -> np.ndarray:
        return np.hypot(self.xy[:, 2] - self.xy[:, 0], self.xy[:, 3] - self.xy[:, 1])


def _cell_size(edges: np.ndarray, distance: float) -> float:
    """A grid cell that keeps both the cells per edge and the edges per cell small."""
    if len(edges) == 0:
        return max(distance, 1.0)
    spans = np.maximum(np.abs(edges[:, 2] - edges[:, 0]), np.abs(edges[:, 3] - edges[:, 1]))
    extent = max(float(np.ptp(edges[:, [0, 2]])), float(np.ptp(edges[:, [1, 3]])), 1.0)
    return max(distance, float(np.percentile(spans, 90)), extent / 1e6, 1e-6)


def _expand_ranges(starts: np.ndarray, counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For ranges [start, start+count): the owner index of each element and the element positions."""
    total = int(counts.sum())
    owner = np.repeat(np.arange(len(counts)), counts)
    offsets = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
    return owner, np.repeat(starts, counts) + offsets


def point_edge_distances(points: np.ndarray, edges: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Row-wise distance from ``points`` (K x 2) to ``edges`` (K x 4) and the nearest point on each edge (K x 2)."""
    a, b = edges[:, 0:2], edges[:, 2:4]
    ab = b - a
    denominator = np.einsum("ij,ij->i", ab, ab)
    t = np.einsum("ij,ij->i", points - a, ab) / np.where(denominator > 0, denominator, 1.0)
    t = np.clip(t, 0.0, 1.0)
    nearest = a + ab * t[:, None]
    return np.hypot(*(points - nearest).T), nearest


def point_edge_pairs(points: np.ndarray, edges: np.ndarray, distance: float
                     ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Every (point, edge) pair with distance <= ``distance``: point indices, edge indices, distances and the nearest
    points on the edges. A uniform grid hash: each edge is registered in the cells its bounding box (grown by
    ``distance``) covers, each point looks up its own cell; cost grows with the number of points and edges."""
    empty = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0), np.zeros((0, 2)))
    if len(points) == 0 or len(edges) == 0:
        return empty
    cell = _cell_size(edges, distance)
    x0 = min(points[:, 0].min(), edges[:, [0, 2]].min()) - distance - cell
    y0 = min(points[:, 1].min(), edges[:, [1, 3]].min()) - distance - cell
    ex0 = np.floor((np.minimum(edges[:, 0], edges[:, 2]) - distance - x0) / cell).astype(np.int64)
    ex1 = np.floor((np.maximum(edges[:, 0], edges[:, 2]) + distance - x0) / cell).astype(np.int64)
    ey0 = np.floor((np.minimum(edges[:, 1], edges[:, 3]) - distance - y0) / cell).astype(np.int64)
    ey1 = np.floor((np.maximum(edges[:, 1], edges[:, 3]) + distance - y0) / cell).astype(np.int64)
    px = np.floor((points[:, 0] - x0) / cell).astype(np.int64)
    py = np.floor((points[:, 1] - y0) / cell).astype(np.int64)
    width = int(max(ex1.max(), px.max())) + 2
    nx, ny = ex1 - ex0 + 1, ey1 - ey0 + 1
    # every (edge, cell) registration
    edge_of, cell_index = _expand_ranges(np.zeros(len(edges), dtype=np.int64), nx * ny)
    local = cell_index
    cx = ex0[edge_of] + local % nx[edge_of]
    cy = ey0[edge_of] + local // nx[edge_of]
    cell_keys = cy * width + cx
    order = np.argsort(cell_keys, kind="stable")
    sorted_keys, sorted_edges = cell_keys[order], edge_of[order]
    point_keys = py * width + px
    lo = np.searchsorted(sorted_keys, point_keys, "left")
    hi = np.searchsorted(sorted_keys, point_keys, "right")
    point_of, position = _expand_ranges(lo, hi - lo)
    if len(point_of) == 0:
        return empty
    edge_index = sorted_edges[position]
    dist, nearest = point_edge_distances(points[point_of], edges[edge_index])
    keep = dist <= distance * (1 + 1e-9) + 1e-9
    return point_of[keep], edge_index[keep], dist[keep], nearest[keep]


class GeometryIndex:
    """An STRtree answering with indices on shapely 1.8 and 2.x alike."""

    def __init__(self, geometries: list[BaseGeometry]):
        self.geometries = list(geometries)
        with warnings.catch_warnings():  # shapely 1.8 warns that 2.0 changes STRtree: we handle both
            warnings.simplefilter("ignore")
            self._tree = STRtree(self.geometries) if self.geometries else None
        self._ids = {id(g): i for i, g in enumerate(self.geometries)}

    def query(self, geometry: BaseGeometry) -> list[int]:
        """Indices of the geometries whose envelope intersects ``geometry``'s envelope."""
        if self._tree is None:
            return []
        found = self._tree.query(geometry)
        if len(found) and not isinstance(found[0], BaseGeometry):
            return [int(i) for i in found]
        return [self._ids[id(g)] for g in found]


def multilines(lines: list[LineString]) -> MultiLineString:
    return MultiLineString([list(line.coords) for line in lines]) if lines else MultiLineString()
