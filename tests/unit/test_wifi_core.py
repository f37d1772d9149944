"""Wi-Fi core: access-point checks, coverage statistics and greedy site selection, on cases whose answers are known
by construction and on the real Prato Wi-Fi data (positions in EPSG:3003 from the derived CSV)."""

import csv
import math

import numpy as np
import pytest
from shapely.geometry import Point, Polygon, box

from prato_smartcity_plugin.core.errors import CancelledError, InputError
from prato_smartcity_plugin.core.i18n import install_translator
from prato_smartcity_plugin.core.wifi import schema
from prato_smartcity_plugin.core.wifi.coverage import Demand, coverage_statistics, prepare_access_points
from prato_smartcity_plugin.core.wifi.geometry import (
    QUAD_SEGMENTS,
    PointIndex,
    contains_xy,
    disc_union,
    discs,
    grid_points,
    looks_geographic,
    overlap_groups,
)
from prato_smartcity_plugin.core.wifi.opendata import access_point_from_coverage_area, name_from_docname
from prato_smartcity_plugin.core.wifi.schema import AccessPoint
from prato_smartcity_plugin.core.wifi.siting import Candidates, grid_candidates, select_sites
from tests.conftest import SHARED_DATA

# A projected origin in Prato (EPSG:6707-like metres) so that the degree guard never fires by accident.
X0, Y0 = 668000.0, 4860000.0


def ap(dx, dy, radius=None, **kw):
    return AccessPoint(X0 + dx, Y0 + dy, radius_m=radius, **kw)


def demand_at(points, weights=None):
    return Demand.from_points([X0 + p[0] for p in points], [Y0 + p[1] for p in points], weights)


def candidates_at(points):
    return Candidates(np.array([X0 + p[0] for p in points]), np.array([Y0 + p[1] for p in points]))


# --- schema -------------------------------------------------------------------------------------------------------


def test_record_mapping_accepts_codes_labels_and_reports_unknown_values():
    notes = []
    point = schema.access_point_from_record(
        1, 2, {"ID": "A7", "NOME": "Piazza del Duomo", "prog": "WiFi Italia", "stato": "bogus", "r": "80,5",
               "data": "2021-06-01"},
        mapping={"ap_id": "ID", "name": "NOME", "programme": "prog", "status": "stato", "radius_m": "r",
                 "install_date": "data"}, notes=notes, origin=3)
    assert schema.access_point_from_record(0, 0, {"ID": 12}).ap_id == "12"
    assert schema.access_point_from_record(0, 0, {}, origin=4).display_name() == "access point 4"
    assert (point.ap_id, point.name, point.programme, point.status) == ("A7", "Piazza del Duomo", "wifi_italia",
                                                                        "installed")
    assert point.radius_m == 80.5 and point.install_date.isoformat() == "2021-06-01"
    assert len(notes) == 1 and "bogus" in notes[0].message


def test_labels_are_translated():
    install_translator(lambda ctx, text: {"Planned": "Pianificato"}.get(text, text))
    try:
        assert schema.label("status", "planned") == "Pianificato"
    finally:
        install_translator(None)
    assert schema.label("programme", "wifi_italia") == "WiFi Italia"
    assert list(schema.FIELD_NAMES[:8]) == ["ap_id", "name", "site", "programme", "status", "install_date",
                                            "radius_m", "notes"]


def test_docname_parsing():
    assert name_from_docname("9 - Copertura Indicata Piazza Mercatale HS1.dxf") == "Piazza Mercatale HS1"
    assert name_from_docname("2 - Copertura Indicata Parco di Galceti, Villa Fiorelli.dxf") == \
        "Parco di Galceti, Villa Fiorelli"
    assert name_from_docname(None) == ""
    point = access_point_from_coverage_area({"ID": 14, "DocName": "14 - Copertura Indicata Piazza Duomo - HS1.dxf"},
                                            X0, Y0, math.pi * 40 ** 2)
    assert point.name == "Piazza Duomo - HS1" and point.radius_m == 40.0 and "centroid_position" in point.flags
    assert "CC-BY" in point.source


# --- checks on the access points ------------------------------------------------------------------------------------


def test_missing_radius_gets_default_by_programme_with_a_note():
    prepared = prepare_access_points([ap(0, 0, programme="wifi_italia"), ap(500, 0, programme="comune"),
                                      ap(1000, 0, 30)])
    assert prepared.radii == [100.0, 50.0, 30.0]
    assert "default_radius" in prepared.points[0].flags and "default_radius" not in prepared.points[2].flags
    assert any("default radius" in n.message for n in prepared.notes)


@pytest.mark.parametrize("radius", [-5, 0])
def test_negative_or_zero_radius_is_refused_with_the_name(radius):
    with pytest.raises(InputError) as error:
        prepare_access_points([ap(0, 0, 50), ap(10, 0, radius, name="Via Cairoli")])
    assert "Via Cairoli" in error.value.message


def test_empty_and_degree_coordinates_are_refused():
    with pytest.raises(InputError, match="empty"):
        prepare_access_points([])
    with pytest.raises(InputError, match="degrees"):
        prepare_access_points([AccessPoint(11.09, 43.88, radius_m=50), AccessPoint(11.10, 43.87, radius_m=50)])
    assert not looks_geographic([0, 1000], [0, 1000])


def test_duplicates_and_points_outside_the_comune_are_kept_and_flagged():
    comune = box(X0 - 100, Y0 - 100, X0 + 100, Y0 + 100)
    prepared = prepare_access_points([ap(0, 0, 50, name="A"), ap(0.4, 0, 50, name="B"), ap(5000, 0, 50, name="C")],
                                     boundary=comune)
    flags = [p.flags for p in prepared.points]
    assert flags == [(), ("duplicate",), ("outside_comune",)]
    messages = " ".join(n.message for n in prepared.notes)
    assert "B = A" in messages and "outside the comune" in messages and "C" in messages
    assert len(prepared.points) == 3


# --- coverage ---------------------------------------------------------------------------------------------------


def test_coverage_statistics_area_share_gaps_and_demand():
    area = box(X0 - 500, Y0 - 500, X0 + 500, Y0 + 500)
    prepared = prepare_access_points([ap(0, 0, 100), ap(0, 0.0001 + 2000, 100)])
    demand = demand_at([(0, 0), (50, 50), (300, 300), (2000, 2000)], weights=[1, 3, 6, 100])
    result = coverage_statistics(prepared, [("centre", area)], demand)
    row = result.areas[0]
    assert row.covered_m2 == pytest.approx(math.pi * 100 ** 2, rel=0.01)
    assert row.covered_share == pytest.approx(math.pi * 100 ** 2 / 1e6, rel=0.01)
    assert row.gap.area + row.covered_m2 == pytest.approx(1e6)
    assert not row.gap.contains(Point(X0, Y0)) and row.gap.contains(Point(X0 + 300, Y0 + 300))
    # The point at (2000, 2000) lies outside the area: not counted.
    assert (row.demand_count, row.demand_covered) == (3, 2)
    assert row.weight_share == pytest.approx(4 / 10)
    assert result.coverage.area == pytest.approx(2 * math.pi * 100 ** 2, rel=0.01)


def test_demand_with_no_overlap_is_an_error_not_a_zero():
    prepared = prepare_access_points([ap(0, 0, 100)])
    far = demand_at([(50000, 50000)])
    with pytest.raises(InputError, match="areas of interest"):
        coverage_statistics(prepared, [("centre", box(X0 - 500, Y0 - 500, X0 + 500, Y0 + 500))], far)
    with pytest.raises(InputError, match="near the access points"):
        coverage_statistics(prepared, [], far)


def test_demand_weights_are_checked():
    with pytest.raises(InputError, match="negative"):
        demand_at([(0, 0)], weights=[-1])
    with pytest.raises(InputError, match="empty"):
        Demand.from_points([], [])
    demand = demand_at([(0, 0), (1, 1)], weights=[None, 2])
    assert list(demand.weights) == [0, 2] and "no weight" in demand.notes[0].message


def test_point_index_matches_brute_force():
    rng = np.random.default_rng(7)
    px, py = rng.uniform(0, 2000, 3000), rng.uniform(0, 2000, 3000)
    qx, qy, r = rng.uniform(-200, 2200, 200), rng.uniform(-200, 2200, 200), rng.uniform(5, 300, 200)
    q, p = PointIndex(px, py, 60).query_pairs(qx, qy, r, chunk=17)
    brute_q, brute_p = np.nonzero(np.hypot(px[None] - qx[:, None], py[None] - qy[:, None]) <= r[:, None])
    assert np.array_equal(q, brute_q) and np.array_equal(p, brute_p)


def test_discs_are_the_buffers_of_the_points_bit_for_bit():
    rng = np.random.default_rng(11)
    xs, ys, radii = X0 + rng.uniform(0, 5000, 300), Y0 + rng.uniform(0, 5000, 300), rng.uniform(1, 500, 300)
    made = list(discs(xs, ys, radii).geoms)
    assert len(made) == 300
    for x, y, r, disc in zip(xs, ys, radii, made):
        assert list(disc.exterior.coords) == list(Point(x, y).buffer(r, QUAD_SEGMENTS).exterior.coords)


def test_overlap_groups_link_chains_of_overlapping_or_touching_discs():
    xs = X0 + np.array([0.0, 150, 300, 450, 2000, 2000 + 100 + 60, 5000])  # a chain of four; a touching pair; alone
    radii = np.array([100.0, 100, 100, 100, 100, 60, 50])
    labels = overlap_groups(xs, np.full(7, Y0), radii)
    assert len(set(labels[:4])) == 1 and labels[4] == labels[5]
    assert len({labels[0], labels[4], labels[6]}) == 3


@pytest.mark.parametrize("n, span", [(2000, 11000), (600, 1500), (50, 100000)])
def test_disc_union_by_groups_is_the_union_of_all_the_discs(n, span):
    """Scattered discs (many groups), a dense patch (one group), far apart discs (no overlap at all): the same
    polygons as one GEOS union of all the discs."""
    from shapely.ops import unary_union

    rng = np.random.default_rng(n)
    xs, ys, radii = X0 + rng.uniform(0, span, n), Y0 + rng.uniform(0, span, n), rng.uniform(30, 120, n).round(1)
    expected = unary_union([Point(x, y).buffer(r, QUAD_SEGMENTS) for x, y, r in zip(xs, ys, radii)])
    union = disc_union(xs, ys, radii)
    assert union.is_valid and union.geom_type == expected.geom_type
    assert len(getattr(union, "geoms", [union])) == len(getattr(expected, "geoms", [expected]))
    assert union.area == pytest.approx(expected.area, rel=1e-12)
    assert union.symmetric_difference(expected).area < 1e-6


def test_contains_xy_tests_only_points_near_the_area_with_the_same_answer():
    rng = np.random.default_rng(5)
    area = Point(X0, Y0).buffer(300).difference(Point(X0, Y0).buffer(100))
    xs, ys = X0 + rng.uniform(-3000, 3000, 5000), Y0 + rng.uniform(-3000, 3000, 5000)
    inside = contains_xy(area, xs, ys)
    assert inside.sum() > 0
    assert inside.tolist() == [area.contains(Point(x, y)) for x, y in zip(xs, ys)]


# --- site selection ----------------------------------------------------------------------------------------------


def test_a_site_covering_all_demand_is_picked_first_and_explained():
    demand = demand_at([(dx, dy) for dx in range(-60, 61, 20) for dy in range(-60, 61, 20)])
    candidates = candidates_at([(400, 0), (0, 0), (-400, 0), (60, 60)])
    existing = prepare_access_points([ap(2000, 0, 100, name="Piazza del Duomo")]).points
    result = select_sites(candidates, demand, existing, n_sites=3, radius_m=100)
    first = result.picks[0]
    assert first.candidate == 1 and first.gain_count == len(demand)
    assert result.share_before == 0 and result.share_after == 1.0
    assert len(result.picks) == 1  # nothing else adds anything: said, not padded with useless sites
    assert any("Only 1 of the 3" in n.message for n in result.notes)
    assert first.nearest_ap == "Piazza del Duomo" and first.nearest_ap_m == pytest.approx(2000)
    assert "Rank 1" in first.explanation and "Piazza del Duomo" in first.explanation
    assert result.optimality_bound == 1.0


def test_equal_gains_go_to_the_site_nearest_the_existing_network():
    demand = demand_at([(dx, dy) for dx in range(-2000, 2001, 50) for dy in range(-200, 201, 50)])
    candidates = candidates_at([(-1500, 0), (1500, 0), (400, 0)])  # the same gain each (an even grid)
    existing = prepare_access_points([ap(0, 0, 100, name="Duomo")]).points
    result = select_sites(candidates, demand, existing, n_sites=1, radius_m=100)
    assert result.picks[0].candidate == 2 and result.picks[0].nearest_ap_m == pytest.approx(400)
    alone = select_sites(candidates, demand, [], n_sites=1, radius_m=100)
    assert alone.picks[0].candidate == 0  # no network: the candidate listed first


def test_existing_coverage_is_taken_into_account():
    demand = demand_at([(0, 0), (5, 0), (1000, 0)])
    candidates = candidates_at([(0, 0), (1000, 0)])
    existing = prepare_access_points([ap(0, 10, 50)]).points
    result = select_sites(candidates, demand, existing, n_sites=1, radius_m=50)
    assert result.picks[0].candidate == 1 and result.count_before == 2 and result.count_after == 3


def test_weights_change_the_pick():
    demand_points = [(0, 0), (10, 0), (20, 0), (1000, 0)]
    candidates = candidates_at([(10, 0), (1000, 0)])
    unweighted = select_sites(candidates, demand_at(demand_points), n_sites=1, radius_m=50)
    weighted = select_sites(candidates, demand_at(demand_points, [1, 1, 1, 10]), n_sites=1, radius_m=50)
    assert unweighted.picks[0].candidate == 0
    assert weighted.picks[0].candidate == 1 and weighted.picks[0].gain_weight == 10
    assert "weight 10" in weighted.picks[0].explanation


def test_spacing_is_respected_between_new_sites_and_from_existing():
    rng = np.random.default_rng(3)
    demand = Demand.from_points(X0 + rng.uniform(0, 3000, 4000), Y0 + rng.uniform(0, 3000, 4000))
    candidates = grid_candidates(box(X0, Y0, X0 + 3000, Y0 + 3000), 50)
    existing = prepare_access_points([ap(1500, 1500, 100)]).points
    result = select_sites(candidates, demand, existing, n_sites=14, radius_m=150, min_spacing_m=600)
    xy = np.array([(p.x, p.y) for p in result.picks])
    assert len(xy) == 14
    distances = np.hypot(*(xy[:, None, :] - xy[None, :, :]).transpose(2, 0, 1))
    assert distances[np.triu_indices(14, 1)].min() >= 600
    assert np.hypot(xy[:, 0] - (X0 + 1500), xy[:, 1] - (Y0 + 1500)).min() >= 600
    # Without spacing, the same run puts some sites closer than 600 m (the constraint really bites).
    free = select_sites(candidates, demand, existing, n_sites=14, radius_m=150)
    fxy = np.array([(p.x, p.y) for p in free.picks])
    free_d = np.hypot(*(fxy[:, None, :] - fxy[None, :, :]).transpose(2, 0, 1))
    assert free_d[np.triu_indices(14, 1)].min() < 600
    assert free.weight_after >= result.weight_after
    gains = [p.gain_weight for p in free.picks]
    assert gains == sorted(gains, reverse=True)  # greedy: marginal gains never grow
    assert 0 < result.optimality_bound <= 1.0 and 0 < free.optimality_bound <= 1.0


def test_exclusion_areas_are_respected():
    demand = demand_at([(0, 0), (5, 5), (300, 0)])
    candidates = candidates_at([(0, 0), (300, 0)])
    exclusion = box(X0 - 10, Y0 - 10, X0 + 10, Y0 + 10)
    result = select_sites(candidates, demand, n_sites=2, radius_m=50, exclusion=exclusion)
    assert [p.candidate for p in result.picks] == [1]
    assert result.candidates_excluded == 1
    with pytest.raises(InputError, match="No candidate site is left"):
        select_sites(candidates_at([(0, 0)]), demand, n_sites=1, radius_m=50, exclusion=exclusion)


def test_celf_picks_the_same_sites_as_plain_greedy():
    rng = np.random.default_rng(11)
    dx, dy = rng.uniform(0, 2000, 3000), rng.uniform(0, 2000, 3000)
    w = rng.integers(1, 20, 3000).astype(float)
    cx, cy = rng.uniform(0, 2000, 400), rng.uniform(0, 2000, 400)
    demand = Demand.from_points(X0 + dx, Y0 + dy, w)
    result = select_sites(Candidates(X0 + cx, Y0 + cy), demand, n_sites=10, radius_m=120)
    cover = np.hypot(cx[:, None] - dx[None], cy[:, None] - dy[None]) <= 120
    covered = np.zeros(3000, dtype=bool)
    plain = []
    for _ in range(10):
        gains = (cover & ~covered[None]) @ w
        best = int(np.argmax(gains))
        plain.append(best)
        covered |= cover[best]
    assert [p.candidate for p in result.picks] == plain
    assert result.weight_after == pytest.approx(w[covered].sum())


def test_no_overlap_between_candidates_and_demand_is_an_error():
    with pytest.raises(InputError, match="within 100 m of any demand"):
        select_sites(candidates_at([(0, 0)]), demand_at([(5000, 5000)]), n_sites=1, radius_m=100)


def test_cancel_is_honoured():
    class Cancelled:
        def is_canceled(self):
            return True

    with pytest.raises(CancelledError):
        select_sites(candidates_at([(0, 0)]), demand_at([(0, 0)]), n_sites=1, radius_m=100, feedback=Cancelled())


def test_grid_points_fall_inside_the_area():
    triangle = Polygon([(X0, Y0), (X0 + 1000, Y0), (X0, Y0 + 1000)])
    xs, ys = grid_points(triangle, 100)
    assert len(xs) == 45 and all(triangle.contains(Point(x, y)) for x, y in zip(xs, ys))


# --- the real Prato data ------------------------------------------------------------------------------------------

#: The historic centre inside the walls (an approximate hexagon, EPSG:3003 metres).
HISTORIC_CENTRE_3003 = Polygon([(1668000, 4860420), (1668450, 4860250), (1669000, 4860450), (1669150, 4860950),
                                (1668750, 4861300), (1668150, 4861200)])


def _prato_access_points():
    with open(SHARED_DATA / "wifi" / "wifi_coverage_centroids_derived_epsg3003.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return [schema.access_point_from_record(float(r["X_coord"]), float(r["Y_coord"]),
                                            {"ap_id": r["ID"], "name": r["name"], "programme": "comune"},
                                            origin=r["ID"]) for r in rows]


def test_real_prato_coverage_of_the_historic_centre_and_its_gaps():
    points = _prato_access_points()
    assert len(points) == 25
    prepared = prepare_access_points(points)
    assert all(p.radius_m == 50.0 for p in prepared.points)  # no radius in the file: the Comune's default
    # Demand: one point every 25 m over the centre.
    dx, dy = grid_points(HISTORIC_CENTRE_3003, 25)
    result = coverage_statistics(prepared, [("Centro storico", HISTORIC_CENTRE_3003)], Demand.from_points(dx, dy))
    row = result.areas[0]
    assert 0.05 < row.covered_share < 0.6  # real hotspots cover squares, not the whole centre
    assert row.gap.area > 0 and row.gap.area + row.covered_m2 == pytest.approx(HISTORIC_CENTRE_3003.area)
    # The demand grid measures the same share as the polygons (each point stands for 625 m²).
    assert row.demand_share == pytest.approx(row.covered_share, abs=0.03)
    duomo = next(p for p in prepared.points if p.name == "Piazza Duomo - HS1")
    assert not row.gap.contains(Point(duomo.x, duomo.y))

    candidates = grid_candidates(HISTORIC_CENTRE_3003, 50)
    plan = select_sites(candidates, Demand.from_points(dx, dy), prepared.points, n_sites=14, radius_m=60,
                        min_spacing_m=120)
    assert len(plan.picks) == 14 and plan.share_after > plan.share_before + 0.1
    assert all(HISTORIC_CENTRE_3003.contains(Point(p.x, p.y)) for p in plan.picks)
    assert all(p.nearest_ap for p in plan.picks)
