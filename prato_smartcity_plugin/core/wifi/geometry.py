"""Geometry helpers of the Wi-Fi analyses: a numpy point index, discs and their union, and the few shapely calls
whose API differs between shapely 1.8 and 2.x (wrapped here once)."""

from __future__ import annotations

from typing import Iterable, Sequence

import numpy as np
from shapely.geometry import MultiPolygon, Point, Polygon
from shapely.ops import unary_union

from prato_smartcity_plugin.core.errors import InputError
from prato_smartcity_plugin.core.i18n import translate


def tr(text: str) -> str:
    return translate("PratoSmartCity", text)

#: Segments per quarter circle of a coverage disc (QGIS's buffer uses 5 by default; 8 keeps the area within 0.7 %).
QUAD_SEGMENTS = 8

try:  # shapely >= 2.0
    from shapely import contains_xy as _contains_xy
    from shapely import prepare as _prepare
except ImportError:  # shapely 1.8: vectorized.contains prepares the geometry itself
    from shapely.vectorized import contains as _contains_xy

    def _prepare(geom):
        return None


def contains_xy(geom, xs, ys) -> np.ndarray:
    """Boolean mask of the points strictly inside ``geom`` (vectorised on both shapely versions). Only the points
    within the bounds of ``geom`` are tested: a district holds a small share of a comune's points."""
    xs = np.asarray(xs, dtype=float)
    ys = np.asarray(ys, dtype=float)
    mask = np.zeros(xs.shape, dtype=bool)
    if xs.size == 0 or geom is None or geom.is_empty:
        return mask
    minx, miny, maxx, maxy = geom.bounds
    near = (xs >= minx) & (xs <= maxx) & (ys >= miny) & (ys <= maxy)
    if near.any():
        _prepare(geom)
        mask[near] = np.asarray(_contains_xy(geom, xs[near], ys[near]), dtype=bool)
    return mask


def polygonal_parts(geom) -> list:
    """The polygons of any geometry (collections included); lines and points are dropped."""
    if geom is None or geom.is_empty:
        return []
    if isinstance(geom, Polygon):
        return [geom]
    if isinstance(geom, MultiPolygon):
        return list(geom.geoms)
    if hasattr(geom, "geoms"):
        return [p for g in geom.geoms for p in polygonal_parts(g)]
    return []


def as_multipolygon(geom) -> MultiPolygon:
    if isinstance(geom, MultiPolygon):
        return geom
    return MultiPolygon(polygonal_parts(geom))


def disc_union(xs: Sequence[float], ys: Sequence[float], radii: Sequence[float]):
    """The union of the discs (as polygons with :data:`QUAD_SEGMENTS` segments per quarter).

    The discs are unioned group by group, a group being discs linked by overlaps (:func:`overlap_groups`); a disc
    that overlaps none is kept as it is. One GEOS union of thousands of scattered discs spends most of its time
    merging pieces that never meet; by groups it is several times faster, with the same polygons (the parts come
    in another order, so areas summed over them may differ in the last digits)."""
    xs = np.asarray(xs, dtype=float)
    ys = np.asarray(ys, dtype=float)
    radii = np.asarray(radii, dtype=float)
    if xs.size == 0:
        return MultiPolygon()
    try:  # shapely 2: the discs in one vectorised call
        from shapely import buffer, points, union_all
    except ImportError:  # shapely 1.8: the discs built in one numpy pass
        shapes = list(discs(xs, ys, radii).geoms)
        union_all = unary_union
    else:
        shapes = list(buffer(points(xs, ys), radii, quad_segs=QUAD_SEGMENTS))
    labels = overlap_groups(xs, ys, radii)
    order = np.argsort(labels, kind="stable")
    starts = np.flatnonzero(np.r_[True, labels[order][1:] != labels[order][:-1]])
    parts = []
    for members in np.split(order, starts[1:]):
        if members.size == 1:
            parts.append(shapes[members[0]])
        else:
            parts.extend(polygonal_parts(union_all([shapes[i] for i in members])))
    return parts[0] if len(parts) == 1 else MultiPolygon(parts)


def overlap_groups(xs: np.ndarray, ys: np.ndarray, radii: np.ndarray) -> np.ndarray:
    """A group label per disc: two discs that overlap or touch (centre distance <= sum of the radii, with a margin
    for rounding) get the same label, and so, through chains of overlaps, do all the discs of a connected patch."""
    n = xs.size
    # The larger disc of an overlapping pair reaches the other's centre within twice its own radius.
    index = PointIndex(xs, ys, 2.0 * float(np.median(radii)))
    first, second = index.query_pairs(xs, ys, 2.0 * radii * (1 + 1e-9))
    reach = (radii[first] + radii[second]) * (1 + 1e-9)
    linked = (first != second) & ((xs[first] - xs[second]) ** 2 + (ys[first] - ys[second]) ** 2 <= reach * reach)
    first, second = first[linked], second[linked]
    labels = np.arange(n)
    while True:  # each disc takes the smallest label across its links, then labels jump to their label's label
        smallest = np.minimum(labels[first], labels[second])
        np.minimum.at(labels, first, smallest)
        np.minimum.at(labels, second, smallest)
        while True:
            jumped = labels[labels]
            if np.array_equal(jumped, labels):
                break
            labels = jumped
        if np.array_equal(labels[first], labels[second]):
            return labels


_UNIT_DISC: list = []


def discs(xs: Sequence[float], ys: Sequence[float], radii: Sequence[float]) -> MultiPolygon:
    """``Point(x, y).buffer(r, QUAD_SEGMENTS)`` for every point, as one MultiPolygon made without a shapely call per
    disc: GEOS places the vertices of a point's buffer at ``x + r * cos(a), y + r * sin(a)``, so they are those of
    GEOS's own unit disc scaled and moved (the same coordinates, bit for bit), written as WKB and read once."""
    from shapely import wkb

    if not _UNIT_DISC:
        _UNIT_DISC.append(np.asarray(Point(0.0, 0.0).buffer(1.0, QUAD_SEGMENTS).exterior.coords, dtype=float))
    unit = _UNIT_DISC[0]
    xs, ys, radii = (np.asarray(v, dtype=float)[:, None] for v in (xs, ys, radii))
    record = np.dtype([("order", "u1"), ("type", "<u4"), ("rings", "<u4"), ("size", "<u4"),
                       ("xy", "<f8", (len(unit), 2))])
    polygons = np.zeros(len(xs), dtype=record)
    polygons["order"], polygons["type"], polygons["rings"], polygons["size"] = 1, 3, 1, len(unit)
    polygons["xy"][:, :, 0] = xs + radii * unit[:, 0]
    polygons["xy"][:, :, 1] = ys + radii * unit[:, 1]
    header = np.array([1], "u1").tobytes() + np.array([6, len(xs)], "<u4").tobytes()  # little-endian MultiPolygon
    return wkb.loads(header + polygons.tobytes())


def looks_geographic(xs: Iterable[float], ys: Iterable[float]) -> bool:
    """Whether coordinates look like degrees (all within lon/lat ranges and a span of a few degrees): a radius in
    metres would then silently cover whole regions, so the analyses refuse them."""
    xs = np.asarray(list(xs) if not isinstance(xs, np.ndarray) else xs, dtype=float)
    ys = np.asarray(list(ys) if not isinstance(ys, np.ndarray) else ys, dtype=float)
    if xs.size == 0:
        return False
    return bool(np.all(np.abs(xs) <= 180) and np.all(np.abs(ys) <= 90)
                and np.ptp(xs) < 5 and np.ptp(ys) < 5 and (np.ptp(xs) > 0 or np.ptp(ys) > 0 or xs.size == 1))


def require_projected(xs, ys, what: str) -> None:
    if looks_geographic(xs, ys):
        raise InputError(
            tr("The coordinates of {what} look like degrees: distances need a projected CRS in "
                               "metres (e.g. EPSG:6707 or EPSG:3003).").format(what=what),
            details=f"x range {np.min(xs)}..{np.max(xs)}, y range {np.min(ys)}..{np.max(ys)}")


class PointIndex:
    """A uniform grid over points, kept as the point order sorted by cell key: the points of a column of cells are
    then one contiguous slice, so a disc query is a handful of ``searchsorted`` calls and every query of a batch is
    answered in one vectorised pass (no shapely call per pair)."""

    def __init__(self, xs, ys, cell: float):
        self.xs = np.asarray(xs, dtype=float)
        self.ys = np.asarray(ys, dtype=float)
        self.cell = float(cell) if cell and cell > 0 else 1.0
        n = self.xs.size
        if n == 0:
            self.x0 = self.y0 = 0.0
            self.rows = 1
            self.order = np.zeros(0, dtype=np.int64)
            self.keys = np.zeros(0, dtype=np.int64)
            return
        self.x0, self.y0 = float(self.xs.min()), float(self.ys.min())
        cx = np.floor((self.xs - self.x0) / self.cell).astype(np.int64)
        cy = np.floor((self.ys - self.y0) / self.cell).astype(np.int64)
        self.rows = int(cy.max()) + 1
        keys = cx * self.rows + cy
        self.order = np.argsort(keys, kind="stable")
        self.keys = keys[self.order]

    def __len__(self) -> int:
        return int(self.xs.size)

    def query_pairs(self, qx, qy, radii, chunk: int = 4096) -> tuple[np.ndarray, np.ndarray]:
        """All (query, point) pairs with distance <= the query's radius, sorted by query then point index."""
        qx = np.atleast_1d(np.asarray(qx, dtype=float))
        qy = np.atleast_1d(np.asarray(qy, dtype=float))
        radii = np.broadcast_to(np.asarray(radii, dtype=float), qx.shape)
        out_q, out_p = [], []
        if len(self) == 0 or qx.size == 0:
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty
        for start in range(0, qx.size, chunk):
            q, p = self._pairs(qx[start:start + chunk], qy[start:start + chunk], radii[start:start + chunk])
            out_q.append(q + start)
            out_p.append(p)
        return np.concatenate(out_q), np.concatenate(out_p)

    def _pairs(self, qx, qy, r):
        cell, rows = self.cell, self.rows
        cx0 = np.floor((qx - r - self.x0) / cell).astype(np.int64)
        cx1 = np.floor((qx + r - self.x0) / cell).astype(np.int64)
        cy0 = np.clip(np.floor((qy - r - self.y0) / cell).astype(np.int64), 0, rows - 1)
        cy1 = np.clip(np.floor((qy + r - self.y0) / cell).astype(np.int64), 0, rows - 1)
        ncols = np.maximum(cx1 - cx0 + 1, 0)
        # One slice of the sorted order per (query, column of cells).
        qid = np.repeat(np.arange(qx.size), ncols)
        col = np.repeat(cx0, ncols) + (np.arange(qid.size) - np.repeat(np.cumsum(ncols) - ncols, ncols))
        lo = np.searchsorted(self.keys, col * rows + cy0[qid], side="left")
        hi = np.searchsorted(self.keys, col * rows + cy1[qid], side="right")
        valid_rows = (cy1[qid] >= cy0[qid])
        lengths = np.where(valid_rows, hi - lo, 0)
        total = int(lengths.sum())
        if total == 0:
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty
        pos = np.repeat(lo - (np.cumsum(lengths) - lengths), lengths) + np.arange(total)
        pair_q = np.repeat(qid, lengths)
        pair_p = self.order[pos]
        dx = self.xs[pair_p] - qx[pair_q]
        dy = self.ys[pair_p] - qy[pair_q]
        keep = dx * dx + dy * dy <= r[pair_q] * r[pair_q]
        pair_q, pair_p = pair_q[keep], pair_p[keep]
        sort = np.lexsort((pair_p, pair_q))
        return pair_q[sort], pair_p[sort]

    def covered_mask(self, qx, qy, radii) -> np.ndarray:
        """Which indexed points lie within the radius of at least one query point."""
        mask = np.zeros(len(self), dtype=bool)
        _, points = self.query_pairs(qx, qy, radii)
        mask[points] = True
        return mask


def nearest(xs, ys, x: float, y: float) -> tuple[int, float]:
    """Index of and distance to the nearest of the points (``(-1, inf)`` when there are none)."""
    xs = np.asarray(xs, dtype=float)
    if xs.size == 0:
        return -1, float("inf")
    d2 = (xs - x) ** 2 + (np.asarray(ys, dtype=float) - y) ** 2
    i = int(np.argmin(d2))
    return i, float(np.sqrt(d2[i]))


def grid_points(area, spacing: float) -> tuple[np.ndarray, np.ndarray]:
    """Centres of a square grid of ``spacing`` metres that fall inside ``area``."""
    if spacing <= 0:
        raise InputError(tr("The grid spacing must be greater than zero."))
    if area is None or area.is_empty:
        return np.zeros(0), np.zeros(0)
    minx, miny, maxx, maxy = area.bounds
    cells = ((maxx - minx) / spacing + 1) * ((maxy - miny) / spacing + 1)
    if cells > 5_000_000:
        raise InputError(tr("A grid spacing of {spacing} m over this area makes more than five million "
                                            "points: choose a larger spacing.").format(spacing=spacing))
    gx = np.arange(minx + spacing / 2, maxx, spacing)
    gy = np.arange(miny + spacing / 2, maxy, spacing)
    xx, yy = np.meshgrid(gx, gy)
    xs, ys = xx.ravel(), yy.ravel()
    inside = contains_xy(area, xs, ys)
    return xs[inside], ys[inside]
