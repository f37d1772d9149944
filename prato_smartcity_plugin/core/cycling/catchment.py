"""Catchment: the share of points (schools, stations, bus stops; optionally weighted) and of an area that lie within
a distance of the cycle network."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from prato_smartcity_plugin.core.cycling.geometry import GeometryIndex, point_edge_pairs
from prato_smartcity_plugin.core.cycling.network import Topology
from prato_smartcity_plugin.core.errors import InputError
from prato_smartcity_plugin.core.i18n import translate


@dataclass
class PointCatchment:
    distance: float
    #: per point: True when within ``distance`` of the network
    within: np.ndarray
    #: per point: distance to the network (m), NaN when farther than ``distance``
    nearest_m: np.ndarray
    weights: np.ndarray

    @property
    def count(self) -> int:
        return int(len(self.within))

    @property
    def count_within(self) -> int:
        return int(self.within.sum())

    @property
    def weight_total(self) -> float:
        return float(self.weights.sum())

    @property
    def weight_within(self) -> float:
        return float(self.weights[self.within].sum())

    @property
    def share(self) -> float:
        """Weighted share of the points within the distance (0..1)."""
        total = self.weight_total
        return self.weight_within / total if total > 0 else 0.0


def _check(distance: float) -> None:
    if distance <= 0:
        raise InputError(translate("PratoSmartCity", "The catchment distance must be greater than zero."))


def point_catchment(topology: Topology, points: np.ndarray, distance: float,
                    weights: Sequence[float] | None = None) -> PointCatchment:
    """Which of ``points`` (N x 2, projected metres) lie within ``distance`` of the network."""
    _check(distance)
    points = np.asarray(points, dtype=float).reshape(-1, 2)
    if weights is None:
        weight_array = np.ones(len(points))
    else:
        weight_array = np.asarray([0.0 if w is None else float(w) for w in weights], dtype=float)
        if len(weight_array) != len(points):
            raise InputError(translate("PratoSmartCity", "There must be one weight per point."))
        if (weight_array < 0).any() or not np.isfinite(weight_array).all():
            raise InputError(translate("PratoSmartCity", "Point weights must be finite and not negative."))
    nearest = np.full(len(points), np.nan)
    point_index, _, dist, _ = point_edge_pairs(points, topology.edges.xy, distance)
    if len(point_index):
        order = np.lexsort((dist, point_index))
        first = np.ones(len(order), dtype=bool)
        first[1:] = point_index[order][1:] != point_index[order][:-1]
        nearest[point_index[order][first]] = dist[order][first]
    return PointCatchment(distance=distance, within=~np.isnan(nearest), nearest_m=nearest, weights=weight_array)


@dataclass
class AreaCatchment:
    distance: float
    area_m2: float
    covered_m2: float
    #: the part of the area within the distance
    covered: BaseGeometry

    @property
    def share(self) -> float:
        return self.covered_m2 / self.area_m2 if self.area_m2 > 0 else 0.0


def area_catchment(lines: Sequence[BaseGeometry], area: BaseGeometry, distance: float) -> AreaCatchment:
    """The share of ``area`` within ``distance`` of ``lines``. Only the lines near the area are buffered."""
    _check(distance)
    if area is None or area.is_empty:
        raise InputError(translate("PratoSmartCity", "The catchment area is empty."))
    if not area.is_valid:
        area = area.buffer(0)
    index = GeometryIndex(list(lines))
    grown = area.buffer(distance)
    near = [lines[i] for i in index.query(grown)]
    if near:
        # the union of one buffer per line: GEOS is far faster this way than buffering the noded union of the lines
        zone = unary_union([line.buffer(distance, 8) for line in near])
        covered = zone.intersection(area)
    else:
        covered = area.buffer(0).difference(area)
    return AreaCatchment(distance=distance, area_m2=float(area.area), covered_m2=float(covered.area), covered=covered)
