"""Coverage of the access points: checks on the input, the coverage union, statistics per area, demand share, gaps.

A point of demand is covered when it lies within the radius of at least one access point (an exact disc test on the
numpy index); areas use the union of the discs as polygons (:data:`geometry.QUAD_SEGMENTS` segments per quarter).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

import numpy as np
from shapely.ops import unary_union

from prato_smartcity_plugin.core.errors import InputError, Level
from prato_smartcity_plugin.core.i18n import translate
from prato_smartcity_plugin.core.log import get_logger
from prato_smartcity_plugin.core.wifi import geometry
from prato_smartcity_plugin.core.wifi.schema import DEFAULT_RADIUS_M, AccessPoint, Note, PreparedAccessPoints, label

log = get_logger("wifi")

#: Two access points closer than this (metres) are at the same spot.
DUPLICATE_TOLERANCE_M = 1.0


def tr(text: str) -> str:
    return translate("PratoSmartCity", text)


def _names(points: Sequence[AccessPoint], limit: int = 5) -> str:
    names = [p.display_name() for p in points[:limit]]
    more = len(points) - limit
    return ", ".join(names) + (tr(" and {n} more").format(n=more) if more > 0 else "")


def prepare_access_points(points: Sequence[AccessPoint], boundary=None, default_radius_m: float | None = None,
                          duplicate_tolerance_m: float = DUPLICATE_TOLERANCE_M) -> PreparedAccessPoints:
    """Check access points for an analysis; returns copies with every radius set and the flags of the checks.

    - no access point, a negative or zero radius, coordinates in degrees: :class:`InputError`;
    - a missing radius: the default (``default_radius_m``, else :data:`DEFAULT_RADIUS_M` by programme), flagged;
    - outside ``boundary`` (the comune): kept, flagged ``outside_comune``;
    - at the same spot as an earlier one (within ``duplicate_tolerance_m``): kept, flagged ``duplicate``.
    Each of the last three adds a :class:`Note` for the user.
    """
    if not points:
        raise InputError(tr("There are no access points to analyse: the layer is empty."))
    points = [AccessPoint(**{k: getattr(p, k) for k in p.__dataclass_fields__}) for p in points]
    xs = np.array([p.x for p in points])
    ys = np.array([p.y for p in points])
    if not (np.all(np.isfinite(xs)) and np.all(np.isfinite(ys))):
        raise InputError(tr("Some access points have no valid position."),
                         details=_names([p for p in points if not (np.isfinite(p.x) and np.isfinite(p.y))]))
    geometry.require_projected(xs, ys, tr("the access points"))
    notes: list[Note] = []

    bad = [p for p in points if p.radius_m is not None and not p.radius_m > 0]
    if bad:
        raise InputError(
            tr("{n} access points have a negative or zero radius ({names}): correct the radius or leave it empty "
               "to use the default.").format(n=len(bad), names=_names(bad)),
            details="\n".join(f"{p.display_name()} (feature {p.origin}): radius {p.radius_m}" for p in bad))
    defaulted = [p for p in points if p.radius_m is None]
    for p in defaulted:
        p.radius_m = float(default_radius_m) if default_radius_m else DEFAULT_RADIUS_M.get(p.programme, 50.0)
        p.with_flag("default_radius")
    if defaulted:
        used = sorted({(label("programme", p.programme), p.radius_m) for p in defaulted})
        notes.append(Note(Level.INFO, tr("{n} access points have no radius; the default radius is used ({used}).")
                          .format(n=len(defaulted), used=", ".join(f"{name}: {r:g} m" for name, r in used)),
                          details=_names(defaulted, 50)))

    if boundary is not None and not boundary.is_empty:
        outside_mask = ~geometry.contains_xy(boundary.buffer(duplicate_tolerance_m), xs, ys)
        outside = [p for p, out in zip(points, outside_mask) if out]
        for p in outside:
            p.with_flag("outside_comune")
        if outside:
            notes.append(Note(Level.WARNING, tr("{n} access points lie outside the comune ({names}); they are kept "
                                                "and flagged.").format(n=len(outside), names=_names(outside)),
                              details=_names(outside, 50)))

    index = geometry.PointIndex(xs, ys, max(duplicate_tolerance_m, 1e-6))
    first, second = index.query_pairs(xs, ys, duplicate_tolerance_m)
    later = second > first
    duplicate_of: dict[int, int] = {}
    for a, b in zip(first[later], second[later]):
        duplicate_of.setdefault(int(b), int(a))
    if duplicate_of:
        for b in duplicate_of:
            points[b].with_flag("duplicate")
        pairs = [f"{points[b].display_name()} = {points[a].display_name()}" for b, a in sorted(duplicate_of.items())]
        notes.append(Note(Level.WARNING, tr("{n} access points are at the same spot as another one ({pairs}); they "
                                            "are kept and flagged as duplicates.").format(
            n=len(duplicate_of), pairs=", ".join(pairs[:5]) + (" …" if len(pairs) > 5 else "")),
            details="\n".join(pairs)))
    for note in notes:
        log.info("%s %s", note.message, note.details)
    return PreparedAccessPoints(points, notes)


@dataclass
class Demand:
    """Points of demand (bus stops, schools, population points...) in metres, with optional weights."""

    xs: np.ndarray
    ys: np.ndarray
    weights: np.ndarray
    notes: list[Note] = field(default_factory=list)
    weighted: bool = False

    @classmethod
    def from_points(cls, xs, ys, weights=None, what: str = "") -> Demand:
        """Checked demand: empty or negative weights are an :class:`InputError`; missing weights count as zero
        with a note (never dropped silently)."""
        what = what or tr("the demand layer")
        xs = np.asarray(xs, dtype=float)
        ys = np.asarray(ys, dtype=float)
        if xs.size == 0:
            raise InputError(tr("There are no points in {what}: it is empty.").format(what=what))
        geometry.require_projected(xs, ys, what)
        notes = []
        if weights is None:
            return cls(xs, ys, np.ones(xs.size), notes, False)
        w = np.array(weights, dtype=float)  # None reads as NaN: a missing weight
        if np.any(w < 0):
            raise InputError(tr("{n} points of {what} have a negative weight: weights must be zero or more.").format(
                n=int(np.sum(w < 0)), what=what))
        missing = ~np.isfinite(w)
        if missing.any():
            notes.append(Note(Level.WARNING, tr("{n} points of {what} have no weight; they count as zero.").format(
                n=int(missing.sum()), what=what)))
            w[missing] = 0.0
        if not np.any(w > 0):
            raise InputError(tr("Every point of {what} has weight zero: there is nothing to cover.").format(what=what))
        return cls(xs, ys, w, notes, True)

    def __len__(self) -> int:
        return int(self.xs.size)


@dataclass
class AreaStatistics:
    name: str
    area_m2: float
    covered_m2: float
    gap: object = None  # the uncovered part (shapely geometry)
    demand_count: int = 0
    demand_covered: int = 0
    weight_total: float = 0.0
    weight_covered: float = 0.0

    @property
    def covered_share(self) -> float:
        return self.covered_m2 / self.area_m2 if self.area_m2 > 0 else 0.0

    @property
    def demand_share(self) -> float | None:
        return self.demand_covered / self.demand_count if self.demand_count else None

    @property
    def weight_share(self) -> float | None:
        return self.weight_covered / self.weight_total if self.weight_total > 0 else None


@dataclass
class CoverageResult:
    coverage: object  # shapely (Multi)Polygon
    areas: list[AreaStatistics]
    total: AreaStatistics
    demand_covered: np.ndarray | None
    notes: list[Note]


def covered_demand(points: Sequence[AccessPoint], demand: Demand) -> np.ndarray:
    """Mask of the demand points within the radius of at least one access point (radii must be set)."""
    radii = np.array([p.radius_m for p in points], dtype=float)
    index = geometry.PointIndex(demand.xs, demand.ys, float(radii.max()) if radii.size else 1.0)
    return index.covered_mask([p.x for p in points], [p.y for p in points], radii)


def coverage_union(points: Sequence[AccessPoint]):
    return geometry.disc_union([p.x for p in points], [p.y for p in points], [p.radius_m for p in points])


def coverage_statistics(prepared: PreparedAccessPoints, areas: Sequence[tuple[str, object]] = (),
                        demand: Demand | None = None) -> CoverageResult:
    """Coverage union, and for each area (``(name, polygon)``) its covered area, gap and covered demand.

    ``total`` covers the union of the areas (or, with no areas, the coverage itself and all the demand). A demand
    layer that does not reach the areas (or the access points, with no areas) is an :class:`InputError`; demand that
    is reached but not covered is a real result, stated in a note.
    """
    points = prepared.points
    notes = list(prepared.notes) + (list(demand.notes) if demand is not None else [])
    coverage = coverage_union(points)
    mask = covered_demand(points, demand) if demand is not None else None
    areas = [(name, geom) for name, geom in areas if geom is not None and not geom.is_empty]
    rows: list[AreaStatistics] = []
    for name, geom in areas:
        rows.append(_area_row(name, geom, coverage, demand, mask))
    if areas:
        total_area = unary_union([g for _, g in areas])
        total = _area_row(tr("All areas"), total_area, coverage, demand, mask, with_gap=False)
        if demand is not None and total.demand_count == 0:
            raise InputError(tr("None of the {n} demand points lies in the areas of interest: check the demand layer "
                                "and its CRS.").format(n=len(demand)))
    else:
        total = AreaStatistics(tr("All access points"), coverage.area, coverage.area, None)
        if demand is not None:
            total.demand_count, total.demand_covered = len(demand), int(mask.sum())
            total.weight_total, total.weight_covered = float(demand.weights.sum()), float(demand.weights[mask].sum())
            minx, miny, maxx, maxy = coverage.bounds
            near = (demand.xs >= minx) & (demand.xs <= maxx) & (demand.ys >= miny) & (demand.ys <= maxy)
            if not near.any():
                raise InputError(tr("None of the {n} demand points lies near the access points: check the demand layer "
                                    "and its CRS.").format(n=len(demand)))
    if demand is not None and total.demand_count and total.demand_covered == 0:
        notes.append(Note(Level.WARNING, tr("No demand point is within reach of an access point.")))
    return CoverageResult(coverage, rows, total, mask, notes)


def _area_row(name, geom, coverage, demand, mask, with_gap: bool = True) -> AreaStatistics:
    covered = geom.intersection(coverage)
    row = AreaStatistics(str(name), geom.area, covered.area, geom.difference(coverage) if with_gap else None)
    if demand is not None:
        inside = geometry.contains_xy(geom, demand.xs, demand.ys)
        row.demand_count = int(inside.sum())
        row.demand_covered = int((inside & mask).sum())
        row.weight_total = float(demand.weights[inside].sum())
        row.weight_covered = float(demand.weights[inside & mask].sum())
    return row
