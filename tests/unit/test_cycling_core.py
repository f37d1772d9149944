"""The cycle network core on small constructed networks whose answers are known, and on the real Prato cycle paths."""

import json
import math

import numpy as np
import pytest
from shapely.geometry import GeometryCollection, LineString, MultiLineString, Point, Polygon

from prato_smartcity_plugin.core.cycling import schema
from prato_smartcity_plugin.core.cycling.catchment import area_catchment, point_catchment
from prato_smartcity_plugin.core.cycling.geometry import clean_lines, point_edge_pairs
from prato_smartcity_plugin.core.cycling.links import (
    FROM_DANGLING,
    FROM_ENDS,
    FROM_VERTICES,
    Barriers,
    find_missing_links,
    name_links,
)
from prato_smartcity_plugin.core.cycling.network import (
    Areas,
    Network,
    build_topology,
    connected_labels,
    measure,
    node_ids,
)
from prato_smartcity_plugin.core.cycling.report import (
    area_table,
    before_after_table,
    from_csv,
    kind_table,
    links_table,
    summary_table,
    to_csv,
    to_html,
    to_tsv,
)
from prato_smartcity_plugin.core.errors import InputError
from tests.conftest import SHARED_DATA

CICLABILI = SHARED_DATA / "cycleways" / "ciclabili.geojson"


def network_of(*lines, kinds=None):
    clean = clean_lines(enumerate(lines))
    kind_of = dict(enumerate(kinds)) if kinds else None
    return Network.from_clean(clean, kind_of, default_kind=schema.TRACK)


# ---- OSM tags -> schema


@pytest.mark.parametrize("tags, kind", [
    ({"highway": "cycleway"}, schema.TRACK),
    ({"highway": "cycleway", "foot": "yes"}, schema.SHARED_PEDESTRIAN),
    ({"highway": "cycleway", "foot": "designated", "segregated": "yes"}, schema.TRACK),
    ({"highway": "residential", "cycleway": "lane"}, schema.LANE),
    ({"highway": "tertiary", "cycleway:right": "track"}, schema.TRACK),
    ({"highway": "tertiary", "cycleway": "no", "bicycle": "yes"}, schema.SHARED_TRAFFIC),
    ({"highway": "residential", "cycleway": "shared_lane"}, schema.SHARED_TRAFFIC),
    ({"highway": "footway", "bicycle": "yes"}, schema.SHARED_PEDESTRIAN),
    ({"highway": "path", "bicycle": "designated", "foot": "no"}, schema.TRACK),
    ({"highway": "footway"}, schema.OTHER),
    ({}, schema.OTHER),
])
def test_kind_from_osm_tags(tags, kind):
    assert schema.kind_from_osm_tags(tags) == kind


def test_record_from_nested_tags_is_typed():
    attributes = {"type": "way", "id": 42, "tags": json.dumps({
        "highway": "cycleway", "name": "Pista Gino Bartali", "surface": "asphalt", "oneway": "no", "lit": "yes",
        "layer": "1", "width": "2.5", "bridge": "viaduct"})}
    record = schema.record_from_attributes(attributes)
    assert record["kind"] == schema.TRACK
    assert record["name"] == "Pista Gino Bartali"
    assert record["oneway"] is False and record["lit"] is True and record["bridge"] is True
    assert record["layer"] == 1 and record["width"] == 2.5
    assert record["source"] == "OpenStreetMap" and record["source_id"] == "way/42"
    assert record["tunnel"] is None


def test_record_from_mapped_layer():
    attributes = {"NOME": "Via Roma", "TIPO": "Cycle lane", "FONDO": "asphalt", "kind": "nonsense"}
    record = schema.record_from_attributes(attributes, {"name": "NOME", "kind": "TIPO", "surface": "FONDO"},
                                           source="Comune")
    assert (record["name"], record["kind"], record["surface"], record["source"]) == \
        ("Via Roma", schema.LANE, "asphalt", "Comune")
    assert schema.record_from_attributes({"kind": "nonsense"})["kind"] == schema.OTHER


# ---- cleaning


def test_clean_lines_counts_what_it_skips_and_fixes():
    items = [
        ("ok", LineString([(0, 0), (10, 0)])),
        ("multi", MultiLineString([[(0, 5), (10, 5)], [(20, 5), (30, 5)]])),
        ("null", None),
        ("empty", LineString()),
        ("point", Point(1, 1)),
        ("polygon", Polygon([(0, 0), (1, 0), (1, 1)])),
        ("zero", LineString([(3, 3), (3, 3)])),
        ("z", LineString([(0, 0, 5), (0, 10, 7)])),
        ("repeated", LineString([(0, 0), (0, 0), (5, 0)])),
        ("collection", GeometryCollection([Point(0, 0), LineString([(50, 0), (60, 0)])])),
    ]
    clean = clean_lines(items)
    assert clean.keys == ["ok", "multi", "multi", "z", "repeated", "collection"]
    assert dict(clean.skipped) == {"null": 2, "not_line": 2, "zero_length": 1}
    assert clean.fixed["multi_part"] == 1 and clean.fixed["z_dropped"] == 1 and clean.fixed["repeated_vertices"] == 1
    assert all(not line.has_z for line in clean.lines)
    assert "zero length" in clean.summary()
    assert sum(line.length for line in clean.lines) == pytest.approx(10 + 20 + 10 + 5 + 10)


# ---- components and dangling ends


def test_connected_labels_on_a_long_chain():
    n = 1000
    labels = connected_labels(n, np.arange(n - 1)[::-1], np.arange(1, n)[::-1])
    assert (labels == 0).all()
    labels = connected_labels(6, np.array([0, 2, 4]), np.array([1, 3, 5]))
    assert list(labels) == [0, 0, 2, 2, 4, 4]


def test_components_and_dangling_ends_of_a_known_network():
    # A "plus" of four arms meeting at a shared node (0,0), a T-junction with a gap of 0.4 m, a crossing WITHOUT a
    # shared node (a bridge), an isolated segment, and a closed loop.
    net = network_of(
        LineString([(0, 0), (100, 0)]),            # 0 arm east
        LineString([(0, 0), (-100, 0)]),           # 1 arm west
        LineString([(0, 0), (0, 100)]),            # 2 arm north
        LineString([(0, -100), (0, 0)]),           # 3 arm south
        LineString([(50, 0.4), (50, 60)]),         # 4 T-junction on arm east, 0.4 m gap, no node
        LineString([(-50, -30), (-50, 30)]),       # 5 crosses arm west with no shared node: a bridge
        LineString([(500, 500), (600, 500)]),      # 6 isolated
        LineString([(0, 300), (50, 300), (50, 350), (0, 300)]),  # 7 closed loop
    )
    m = measure(net, tolerance=1.0)
    topology = m.topology
    c = topology.component
    assert c[0] == c[1] == c[2] == c[3] == c[4] == 1
    assert len({c[5], c[6], c[7], 1}) == 4
    assert m.components == 4
    assert m.largest_component_m == pytest.approx(400 + 59.6)
    assert m.total_m == pytest.approx(400 + 59.6 + 60 + 100 + 50 + 50 + math.hypot(50, 50))
    # dangling: 4 arm tips, the free end of the T, both ends of the bridge and of the isolated segment; the loop none
    assert m.dangling_ends == 4 + 1 + 2 + 2
    tips = {tuple(map(float, p)) for p in topology.dangling_xy}
    assert (50.0, 60.0) in tips and (50.0, 0.4) not in tips and (0.0, 300.0) not in tips
    # with a smaller tolerance the T-junction opens
    m_small = measure(net, tolerance=0.1)
    assert m_small.components == 5 and m_small.dangling_ends == 4 + 2 + 2 + 2


def test_end_snaps_to_an_end_within_the_tolerance_only():
    net = network_of(LineString([(0, 0), (10, 0)]), LineString([(11.5, 0), (20, 0)]))
    assert measure(net, tolerance=2.0).components == 1
    assert measure(net, tolerance=1.0).components == 2
    assert measure(net, tolerance=0.0).components == 2


def test_overlaps_are_counted_once():
    net = network_of(LineString([(0, 0), (10, 0)]), LineString([(10, 0), (0, 0)]),
                     LineString([(20, 0), (30, 0), (20, 0)]))  # a duplicate and a line running back over itself
    m = measure(net, tolerance=0.5)
    assert m.total_m == pytest.approx(20.0)
    assert m.raw_m == pytest.approx(40.0)
    assert m.overlap_m == pytest.approx(20.0)


def test_length_by_kind_and_by_area():
    net = network_of(LineString([(0, 0), (100, 0)]), LineString([(100, 0), (100, 50)]),
                     kinds=[schema.TRACK, schema.LANE])
    areas = Areas(["west", "east"], [Polygon([(-1, -1), (40, -1), (40, 100), (-1, 100)]),
                                     Polygon([(40, -1), (200, -1), (200, 100), (40, 100)])])
    m = measure(net, tolerance=1.0, areas=areas)
    assert m.by_kind == {schema.TRACK: pytest.approx(100.0), schema.LANE: pytest.approx(50.0)}
    assert m.by_area["west"] == {schema.TRACK: pytest.approx(40.0)}
    assert m.by_area["east"] == {schema.TRACK: pytest.approx(60.0), schema.LANE: pytest.approx(50.0)}
    table = kind_table(m)
    assert table.rows[0][:2] == [schema.kind_label(schema.TRACK), "0.10"]


def test_length_outside_every_area_is_reported_so_the_area_table_adds_up():
    # areas that overlap (20 < x < 40) and leave the east of the track and the whole lane outside
    net = network_of(LineString([(0, 0), (100, 0)]), LineString([(100, 0), (100, 50)]),
                     kinds=[schema.TRACK, schema.LANE])
    areas = Areas(["A", "B"], [Polygon([(-1, -1), (40, -1), (40, 10), (-1, 10)]),
                               Polygon([(20, -1), (60, -1), (60, 10), (20, 10)])])
    m = measure(net, tolerance=1.0, areas=areas)
    assert m.by_area["A"] == {schema.TRACK: pytest.approx(40.0)}
    assert m.by_area["B"] == {schema.TRACK: pytest.approx(40.0)}
    assert m.outside_areas == {schema.TRACK: pytest.approx(40.0), schema.LANE: pytest.approx(50.0)}
    assert m.summary()["outside_areas_km"] == pytest.approx(0.09)
    rows = {row[0]: row for row in area_table(m).rows}
    assert rows["Outside every area"] == ["Outside every area", "0.09", "0.04", "0.05"]
    # the summary table leaves it to the area table; without areas there is no such row at all
    assert "Length outside every area" not in [row[0] for row in summary_table(m).rows]
    plain = measure(net, tolerance=1.0)
    assert plain.outside_areas is None and "outside_areas_km" not in plain.summary()


@pytest.mark.parametrize("offset", [0.0, 5e6])  # 5,000 km apart: too wide to pack into one integer key
def test_vertices_equal_to_the_millimetre_are_one_node(offset):
    vertices = np.array([[0.0, 0.0], [10.0, 0.0], [0.0004, -0.0003], [10.0, 0.0], [offset, 1.0]])
    ids = node_ids(vertices)
    assert ids[0] == ids[2] and ids[1] == ids[3] and len(set(ids.tolist())) == 3


def test_negative_tolerance_is_refused():
    with pytest.raises(InputError):
        build_topology([LineString([(0, 0), (1, 0)])], -1)


# ---- missing links


def _three_islands():
    # A: 1000 m, B: 400 m, C: 50 m. A-B gap 30 m, A-C gap 10 m, B-C gap 200 m.
    return network_of(
        LineString([(0, 0), (1000, 0)]),           # A
        LineString([(1030, 0), (1430, 0)]),        # B
        LineString([(500, 10), (500, 60)]),        # C, its end 10 m from the middle of A
    )


def test_missing_links_are_ranked_by_network_joined_per_metre():
    topology = measure(_three_islands(), tolerance=1.0).topology
    links = find_missing_links(topology, max_distance=50.0)
    assert [(link.component_a_m + link.component_b_m) for link in links] == [pytest.approx(1050), pytest.approx(1400)]
    # A-C: 1050 m joined by 10 m (105/m) beats A-B: 1400 m by 30 m (46.7/m)
    assert [round(link.length_m, 6) for link in links] == [10.0, 30.0]
    assert [link.rank for link in links] == [1, 2]
    assert links[0].start == (500.0, 10.0) and links[0].end == (500.0, 0.0)
    assert links[0].score == pytest.approx(105.0)
    # farther than the distance: not a candidate
    assert len(find_missing_links(topology, max_distance=20.0)) == 1
    # the limit keeps the best
    assert [link.length_m for link in find_missing_links(topology, 50.0, limit=1)] == [pytest.approx(10.0)]


def test_each_missing_link_says_which_paths_it_joins_and_why():
    net = _three_islands()
    topology = measure(net, tolerance=1.0).topology
    links = find_missing_links(topology, max_distance=50.0)
    # before naming, the ends are the components
    assert links[0].end_b == "component 1 (1.00 km)"
    name_links(links, ["Pista A", None, "Via C"], net.kinds)
    best, second = links
    # the best link starts at C's end and reaches A; the second joins A's end to the unnamed B
    assert (best.path_a, best.path_b) == ("Via C", "Pista A")
    assert (best.end_a, best.end_b) == ("Via C (0.05 km)", "Pista A (1.00 km)")
    assert {second.path_a, second.path_b} == {"Pista A", "Separate cycle track, unnamed"}
    assert best.reason == ("10 m of new path would join Via C, part of a connected network of 0.05 km, to Pista A, "
                           "part of another of 1.00 km: 0.105 km of network joined per metre.")
    table = links_table(links)
    assert table.headers[:4] == ["Rank", "New path (m)", "Joins", "To"]
    assert table.rows[0][:6] == ["1", "10.0", "Via C (0.05 km)", "Pista A (1.00 km)", "1.05", "0.105"]
    assert table.rows[0][6] == f"{best.component_a} + {best.component_b}"


def test_missing_links_between_segment_middles_need_vertices():
    # two parallel paths whose ends are far apart, but whose middles pass 8 m from each other at a vertex
    net = network_of(LineString([(0, 0), (50, 0), (100, 0)]), LineString([(0, 58), (50, 8), (100, 58)]))
    topology = measure(net, tolerance=1.0).topology
    assert find_missing_links(topology, 10.0, start_from=FROM_ENDS) == []
    links = find_missing_links(topology, 10.0, start_from=FROM_VERTICES)
    assert len(links) == 1 and links[0].length_m == pytest.approx(8.0)


def test_missing_links_from_dangling_ends_only():
    # B's end touches A's junction? no: B's west end is a junction with C, 5 m from A's end
    net = network_of(LineString([(0, 0), (100, 0)]),                      # A
                     LineString([(105, 0), (200, 0)]), LineString([(105, 0), (105, 50)]))  # B and C joined at (105,0)
    topology = measure(net, tolerance=1.0).topology
    assert [link.length_m for link in find_missing_links(topology, 10.0, start_from=FROM_ENDS)] == [pytest.approx(5.0)]
    # from dangling ends, A's east end (100,0) is dangling and reaches B/C
    dangling = find_missing_links(topology, 10.0, start_from=FROM_DANGLING)
    assert [link.length_m for link in dangling] == [pytest.approx(5.0)]
    with pytest.raises(InputError):
        find_missing_links(topology, 0.0)


def test_missing_links_avoid_barriers():
    # A river (polygon) between A and B; B is also reachable 40 m away by a path that does not cross it.
    net = network_of(LineString([(0, 0), (100, 0)]),          # A
                     LineString([(100, 20), (100, 200)]),     # B: 20 m north of A's east end, across the river
                     )
    river = Polygon([(-10, 5), (95, 5), (95, 15), (-10, 15)])  # the river covers x < 95 only
    topology = measure(net, tolerance=1.0).topology
    plain = find_missing_links(topology, 50.0, start_from=FROM_VERTICES)
    assert len(plain) == 1 and plain[0].length_m == pytest.approx(20.0)
    # the 20 m link from (100,0) to (100,20) passes at x=100, east of the river: allowed
    assert len(find_missing_links(topology, 50.0, barriers=Barriers([river]))) == 1
    wide_river = Polygon([(-10, 5), (150, 5), (150, 15), (-10, 15)])
    assert find_missing_links(topology, 50.0, barriers=Barriers([wide_river])) == []
    railway = LineString([(-10, 10), (300, 10)])
    assert find_missing_links(topology, 50.0, barriers=Barriers([railway])) == []
    # a railway that ends before the link: allowed
    assert len(find_missing_links(topology, 50.0, barriers=Barriers([LineString([(-10, 10), (90, 10)])]))) == 1


def test_barrier_makes_the_next_candidate_win():
    # A's east end is 20 m from B across a railway; A's west end is 30 m from B with nothing in between.
    net = network_of(LineString([(0, 0), (100, 0)]), LineString([(-30, 0), (-30, -100), (120, -100), (120, 0)]))
    topology = measure(net, tolerance=1.0).topology
    best = find_missing_links(topology, 40.0)[0]
    assert best.length_m == pytest.approx(20.0)
    railway = LineString([(110, -50), (110, 50)])
    blocked = find_missing_links(topology, 40.0, barriers=Barriers([railway]))
    assert len(blocked) == 1 and blocked[0].length_m == pytest.approx(30.0)


# ---- catchment


def test_point_catchment_weighted():
    topology = measure(network_of(LineString([(0, 0), (100, 0)])), tolerance=1.0).topology
    points = np.array([[50, 10], [50, 299], [50, 301], [-200, 0], [401, 0]])
    result = point_catchment(topology, points, 300.0)
    assert list(result.within) == [True, True, False, True, False]
    assert result.nearest_m[0] == pytest.approx(10.0) and np.isnan(result.nearest_m[2])
    assert result.share == pytest.approx(3 / 5)
    weighted = point_catchment(topology, points, 300.0, weights=[1, 1, 6, 1, 1])
    assert weighted.share == pytest.approx(3 / 10)
    with pytest.raises(InputError):
        point_catchment(topology, points, 300.0, weights=[1, 1])
    with pytest.raises(InputError):
        point_catchment(topology, points, 0)


def test_area_catchment():
    line = LineString([(0, 50), (100, 50)])
    square = Polygon([(0, 0), (100, 0), (100, 100), (0, 100)])
    result = area_catchment([line], square, 25.0)
    assert result.share == pytest.approx(0.5, abs=1e-9)
    assert area_catchment([LineString([(1000, 0), (1100, 0)])], square, 25.0).share == 0.0


# ---- reports and before/after


def test_before_after_of_a_planned_link():
    before_net = _three_islands()
    planned = network_of(LineString([(500, 10), (500, 0)]), kinds=[schema.PLANNED])
    before = measure(before_net, 1.0)
    after = measure(before_net.merged(planned), 1.0)
    assert (before.components, after.components) == (3, 2)
    rows = {row[0]: row for row in before_after_table(before, after).rows}
    assert rows["Connected components"][1:4] == ["3", "2", "-1"]
    assert rows["Total length"][3] == "+0.010"  # to the metre: a short link must not read as +0.00 km
    assert rows["Length: Planned link"][2] == "0.010"
    tables = [summary_table(after), before_after_table(before, after)]
    assert "Connected components\t3\t2\t-1" in to_tsv(tables)
    assert "Before / after,Connected components,3,2,-1," in to_csv(tables)
    assert "<td>Connected components</td>" in to_html(tables, "Report")


# ---- grid hash


def test_point_edge_pairs_agrees_with_brute_force():
    rng = np.random.default_rng(1)
    points = rng.uniform(0, 1000, (300, 2))
    a = rng.uniform(0, 1000, (200, 2))
    edges = np.hstack([a, a + rng.normal(0, 60, (200, 2))])
    p, e, d, _ = point_edge_pairs(points, edges, 25.0)
    found = set(zip(p.tolist(), e.tolist()))
    expected = {(i, j) for i in range(len(points)) for j in range(len(edges))
                if LineString([edges[j, :2], edges[j, 2:]]).distance(Point(points[i])) <= 25.0}
    assert found == expected and len(expected) > 20


# ---- the real Prato cycle paths


def _real_lines():
    pyproj = pytest.importorskip("pyproj")
    from shapely.geometry import shape
    from shapely.ops import transform

    data = json.loads(CICLABILI.read_text(encoding="utf-8"))
    to_6707 = pyproj.Transformer.from_crs("EPSG:4326", "EPSG:6707", always_xy=True).transform
    geographic = [(f["id"], shape(f["geometry"])) for f in data["features"]]
    records = {f["id"]: schema.record_from_attributes(f["properties"]) for f in data["features"]}
    return geographic, [(key, transform(to_6707, g)) for key, g in geographic], records


def test_real_cycle_paths_total_length():
    """The SOURCES.md figure is 48.5 km (one decimal). Tolerance 0.1 km: the rounding of that figure (±0.05 km) plus
    the difference between the UTM grid and the ellipsoid in Prato (UTM scale factor ~0.9996-1.0001 there: a few
    metres on 48 km). The projected and the geodesic lengths must also agree to 0.02 %."""
    pyproj = pytest.importorskip("pyproj")
    geographic, projected, records = _real_lines()
    clean = clean_lines(projected)
    assert len(clean.lines) == 224 and not clean.skipped
    kinds = {key: records[key]["kind"] for key in records}
    m = measure(Network.from_clean(clean, kinds), tolerance=1.0)
    assert m.total_m / 1000 == pytest.approx(48.5, abs=0.1)
    geod = pyproj.Geod(ellps="GRS80")
    geodesic = sum(geod.geometry_length(g) for _, g in geographic)
    assert geodesic / 1000 == pytest.approx(48.5, abs=0.1)
    assert m.total_m == pytest.approx(geodesic, rel=2e-4)
    assert m.overlap_m == pytest.approx(0.0, abs=0.01)
    # every kind is present and adds up
    assert sum(m.by_kind.values()) == pytest.approx(m.total_m)
    assert m.by_kind[schema.SHARED_PEDESTRIAN] > 0 and m.by_kind[schema.TRACK] > 0
    assert m.by_kind[schema.LANE] > 0 and m.by_kind[schema.SHARED_TRAFFIC] > 0
    # components: with a larger tolerance there are never more components
    assert 1 < m.components < 224
    assert measure(Network.from_clean(clean, kinds), tolerance=10.0).components <= m.components
    links = find_missing_links(m.topology, 100.0)
    assert links and all(link.length_m <= 100.0 for link in links)
    assert [link.score for link in links] == sorted((link.score for link in links), reverse=True)


def test_csv_report_reads_back_into_the_same_tables():
    before = measure(_three_islands(), 1.0)
    tables = [summary_table(before), kind_table(before)]
    back = from_csv(to_csv(tables))
    assert [t.title for t in back] == [t.title for t in tables]
    assert [t.headers for t in back] == [t.headers for t in tables]
    assert [t.rows for t in back] == [t.as_text_rows() for t in tables]


def test_record_from_a_layer_with_one_field_per_osm_key():
    """QuickOSM-style layers carry each OSM key as a field, no nested tags."""
    record = schema.record_from_attributes({"full_id": "w1", "osm_id": "123", "osm_type": "way",
                                            "highway": "residential", "cycleway:right": "lane", "lit": "no",
                                            "oneway": "yes", "name": "Via Pistoiese"})
    assert (record["kind"], record["lit"], record["oneway"], record["name"]) == (schema.LANE, False, True,
                                                                                 "Via Pistoiese")
    assert record["source"] == "OpenStreetMap" and record["source_id"] == "123"
