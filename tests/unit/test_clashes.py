"""The road-works clash check on constructed cases whose answer is known, and against the brute-force reference."""

import datetime as dt
import random

import pytest
from shapely.geometry import LineString, Point, Polygon, box

from prato_smartcity_plugin.core.errors import InputError
from prato_smartcity_plugin.core.interventions.clashes import (
    KIND_OVERLAP,
    KIND_SAME_STREET,
    SOURCE_API,
    ClashOptions,
    RoadWork,
    clash_area,
    clash_row,
    describe,
    find_clashes,
    find_clashes_brute_force,
    html_report,
    normalise_street,
    party_columns,
)

D = dt.date
X0, Y0 = 668_000, 4_862_000  # Prato, EPSG:6707


def work(uuid, geom, start="2026-03-01", end="2026-03-31", body="publiacqua", street="", status="approved",
         title=None, source="local"):
    return RoadWork(uuid=uuid, geometry=geom, title=title or f"Work {uuid}", responsible_body=body, street=street,
                    start_date=D.fromisoformat(start) if start else None,
                    end_date=D.fromisoformat(end) if end else None, status=status, source=source)


def square(x, y, size=20):
    return box(X0 + x, Y0 + y, X0 + x + size, Y0 + y + size)


def pairs(report):
    return {frozenset((c.a.uuid, c.b.uuid)) for c in report.clashes}


def test_overlapping_areas_with_overlapping_dates_clash_with_period_and_area():
    a = work("a", square(0, 0), "2026-03-01", "2026-03-20", body="publiacqua")
    b = work("b", square(10, 10), "2026-03-15", "2026-04-10", body="toscana_energia")
    [clash] = find_clashes([a, b]).clashes
    assert clash.kind == KIND_OVERLAP and clash.distance == 0
    assert (clash.start, clash.end, clash.days) == (D(2026, 3, 15), D(2026, 3, 20), 6)
    assert clash.geometry.area == pytest.approx(100) and clash_area(clash).equals(clash.geometry)
    assert {clash.a.responsible_body, clash.b.responsible_body} == {"publiacqua", "toscana_energia"}


def test_disjoint_dates_do_not_clash():
    a = work("a", square(0, 0), "2026-03-01", "2026-03-09", body="alia")
    b = work("b", square(5, 5), "2026-03-10", "2026-04-10", body="cap")
    assert find_clashes([a, b]).clashes == []


def test_touching_dates_clash_for_one_day():
    a = work("a", square(0, 0), "2026-03-01", "2026-03-10", body="alia")
    b = work("b", square(5, 5), "2026-03-10", "2026-04-10", body="cap")
    [clash] = find_clashes([a, b]).clashes
    assert (clash.start, clash.end, clash.days) == (D(2026, 3, 10), D(2026, 3, 10), 1)


def test_same_street_within_distance_clashes_and_different_street_does_not():
    a = work("a", square(0, 0), body="publiacqua", street="Via Roma")
    near_same = work("b", square(60, 0), body="estracom", street="v. roma, 12")
    near_other = work("c", square(0, 60), body="cap", street="Via Firenze")
    far_same = work("d", square(500, 0), body="alia", street="VIA ROMA")
    report = find_clashes([a, near_same, near_other, far_same], ClashOptions(distance=50))
    [clash] = report.clashes
    assert pairs(report) == {frozenset("ab")}
    assert clash.kind == KIND_SAME_STREET and clash.distance == pytest.approx(40)
    assert clash.geometry.geom_type == "LineString" and clash.geometry.length == pytest.approx(40)
    assert clash_area(clash).geom_type == "Polygon" and clash_area(clash).area == pytest.approx(80 + 3.14, abs=0.1)
    # a larger distance reaches the far work on the same street, never the one on another street
    assert pairs(find_clashes([a, near_same, near_other, far_same], ClashOptions(distance=500))) == {
        frozenset("ab"), frozenset("ad"), frozenset("bd")}


def test_areas_touching_along_an_edge_clash_only_on_the_same_street():
    a = work("a", square(0, 0), body="alia", street="Via Pistoiese")
    b = work("b", square(20, 0), body="cap", street="via pistoiese")
    c = work("c", square(0, 20), body="cap", street="Via Giordano")
    report = find_clashes([a, b, c], ClashOptions(distance=0))
    [clash] = report.clashes
    assert pairs(report) == {frozenset("ab")} and clash.kind == KIND_SAME_STREET and clash.distance == 0


@pytest.mark.parametrize("raw, expected", [
    ("Via Roma", "roma"), ("  VIA   ROMA ", "roma"), ("v. Roma", "roma"), ("Viale Vittorio Veneto", "vittorio veneto"),
    ("V.le Vittorio Veneto 3", "vittorio veneto"), ("Via Santa Trinità", "santa trinita"),
    ("via dell'Alloro, 12", "dell alloro"), ("Piazza del Duomo", "piazza del duomo"), ("Via", "via"), ("", ""),
    (None, ""), ("Via Roma 12/b", "roma"), ("Via 4 Novembre", "4 novembre"),
])
def test_street_names_are_normalised(raw, expected):
    assert normalise_street(raw) == expected


def test_open_ended_works_clash_by_default_with_an_open_period():
    no_end = work("a", square(0, 0), "2026-03-01", None, body="alia")
    later = work("b", square(5, 5), "2027-06-01", "2027-06-30", body="cap")
    no_start = work("c", square(8, 8), None, "2026-01-31", body="estracom")
    report = find_clashes([no_end, later, no_start])
    by_pair = {frozenset((c.a.uuid, c.b.uuid)): c for c in report.clashes}
    assert set(by_pair) == {frozenset("ab")}  # c ends before a starts
    ab = by_pair[frozenset("ab")]
    assert (ab.start, ab.end, ab.days) == (D(2027, 6, 1), D(2027, 6, 30), 30)
    both_open = find_clashes([no_end, work("d", square(3, 3), None, None, body="cap")]).clashes[0]
    assert (both_open.start, both_open.end, both_open.days) == (D(2026, 3, 1), None, None)
    assert "no end date" in describe(both_open, "d")


def test_open_ended_works_are_skipped_and_listed_when_asked():
    report = find_clashes([work("a", square(0, 0), "2026-03-01", None, body="alia"),
                           work("b", square(5, 5), body="cap")], ClashOptions(open_ended=False))
    assert report.clashes == [] and [w.uuid for w, _ in report.skipped] == ["a"] and report.checked == 1


def test_cancelled_and_completed_works_are_ignored_unless_asked():
    works = [work("a", square(0, 0), body="alia"), work("b", square(5, 5), body="cap", status="cancelled"),
             work("c", square(8, 8), body="estracom", status="completed")]
    assert find_clashes(works).clashes == []
    assert pairs(find_clashes(works, ClashOptions(include_closed=True))) == {
        frozenset("ab"), frozenset("ac"), frozenset("bc")}


def test_works_of_the_same_body_clash_only_when_asked():
    works = [work("a", square(0, 0), body="publiacqua"), work("b", square(5, 5), body="publiacqua")]
    assert find_clashes(works).clashes == []
    assert pairs(find_clashes(works, ClashOptions(include_same_body=True))) == {frozenset("ab")}


def test_lines_and_points_clash_when_they_meet():
    pipe = work("pipe", LineString([(X0, Y0), (X0 + 100, Y0)]), body="publiacqua")
    cable = work("cable", LineString([(X0 + 50, Y0 - 50), (X0 + 50, Y0 + 50)]), body="estracom")
    manhole = work("manhole", Point(X0 + 80, Y0), body="toscana_energia")
    away = work("away", Point(X0 + 80, Y0 + 30), body="cap")
    area = work("area", square(70, -10), body="alia")
    report = find_clashes([pipe, cable, manhole, away, area])
    assert pairs(report) == {frozenset(p) for p in (("pipe", "cable"), ("pipe", "manhole"), ("pipe", "area"),
                                                    ("manhole", "area"))}  # "away" meets nothing
    crossing = next(c for c in report.clashes if {c.a.uuid, c.b.uuid} == {"pipe", "cable"})
    assert crossing.kind == KIND_OVERLAP and crossing.geometry.equals(Point(X0 + 50, Y0))
    inside = next(c for c in report.clashes if {c.a.uuid, c.b.uuid} == {"pipe", "area"})
    assert inside.geometry.length == pytest.approx(20)
    # as areas for the map: the shared area unchanged, a crossing or a shortest line widened into a small area
    assert clash_area(crossing).area == pytest.approx(3.14, abs=0.1)
    assert clash_area(inside).area == pytest.approx(20 * 2 + 3.14, abs=0.1)


def test_api_copy_of_a_local_work_is_the_same_work():
    local = work("a", square(0, 0), body="alia", title="Local copy")
    api_copy = work("a", square(0, 0), body="alia", title="Server copy", source=SOURCE_API)
    api_other = work("b", square(5, 5), body="cap", source=SOURCE_API)
    [clash] = find_clashes([api_copy, local, api_other]).clashes
    assert {clash.a.title, clash.b.title} == {"Local copy", "Work b"}
    assert "received from the municipal API" in describe(clash, "a")


def test_invalid_polygons_are_repaired_and_empty_ones_reported():
    bowtie = Polygon([(X0, Y0), (X0 + 20, Y0 + 20), (X0 + 20, Y0), (X0, Y0 + 20), (X0, Y0)])
    report = find_clashes([work("a", bowtie, body="alia"), work("b", square(15, 5, 10), body="cap"),
                           work("c", Polygon(), body="cap")])
    assert pairs(report) == {frozenset("ab")}
    assert [w.uuid for w, _ in report.skipped] == ["c"]


def test_focus_reports_only_the_clashes_of_the_given_works():
    works = [work("a", square(0, 0), "2026-03-10", "2026-03-20", body="alia"),
             work("b", square(5, 5), "2026-03-01", "2026-03-12", body="cap"),
             work("c", square(8, 8), "2026-03-15", "2026-04-30", body="estracom"),
             work("d", square(9, 9), "2026-04-01", "2026-04-30", body="publiacqua")]
    assert pairs(find_clashes(works, involving=["a"])) == {frozenset("ab"), frozenset("ac")}
    assert pairs(find_clashes(works, involving=["d"])) == {frozenset("cd")}
    assert pairs(find_clashes(works, involving=["a", "c"])) == {frozenset(p) for p in ("ab", "ac", "cd")}


def test_negative_distance_is_refused():
    with pytest.raises(InputError):
        find_clashes([], ClashOptions(distance=-1))


def test_rows_and_report_carry_both_parties_and_the_period():
    a = work("a", square(0, 0), "2026-03-01", "2026-03-20", body="publiacqua", street="Via Roma", title="Pipes")
    b = work("b", square(10, 10), "2026-03-15", "2026-04-10", body="toscana_energia", street="Via Roma",
             title="Gas <main>")
    report = find_clashes([a, b])
    row = clash_row(report.clashes[0])
    assert set(party_columns()) <= set(row)
    assert row["a_title"] == "Pipes" and row["b_responsible_body"] == "toscana_energia"
    assert (row["overlap_start"], row["overlap_end"], row["overlap_days"]) == (D(2026, 3, 15), D(2026, 3, 20), 6)
    page = html_report(report)
    assert "Gas &lt;main&gt;" in page and "Toscana Energia" in page and "2026-03-15" in page


def random_works(n, seed, extent=1200.0):
    rng = random.Random(seed)
    streets = [f"Via {name}" for name in ("Roma", "Firenze", "Pistoiese", "Giordano", "Ricasoli", "Cairoli")]
    bodies = ["alia", "publiacqua", "toscana_energia", "cap", "estracom"]
    works = []
    for k in range(n):
        x, y = rng.uniform(0, extent), rng.uniform(0, extent)
        shape = rng.random()
        if shape < 0.6:
            geom = square(x, y, rng.uniform(5, 80))
        elif shape < 0.9:
            geom = LineString([(X0 + x, Y0 + y), (X0 + x + rng.uniform(-150, 150), Y0 + y + rng.uniform(-150, 150))])
        else:
            geom = Point(X0 + x, Y0 + y)
        start = D(2026, 1, 1) + dt.timedelta(days=rng.randrange(720))
        end = start + dt.timedelta(days=rng.randrange(0, 90))
        works.append(RoadWork(
            uuid=f"w{k}", geometry=geom, title=f"Work {k}", responsible_body=rng.choice(bodies),
            street=rng.choice(streets), status=rng.choice(["proposed", "approved", "in_progress", "cancelled"]),
            start_date=None if rng.random() < 0.03 else start, end_date=None if rng.random() < 0.05 else end))
    return works


@pytest.mark.parametrize("options", [ClashOptions(distance=100), ClashOptions(distance=30, include_same_body=True,
                                                                             include_closed=True)])
def test_pairs_equal_the_brute_force_reference_on_random_works(options):
    works = random_works(400, seed=6)
    fast, slow = find_clashes(works, options), find_clashes_brute_force(works, options)
    assert len(slow.clashes) > 20  # the data must actually produce clashes for the comparison to mean anything
    assert pairs(fast) == pairs(slow)
    assert len(fast.clashes) == len(slow.clashes)
    assert sorted((c.kind, round(c.distance, 6), c.start, c.end) for c in fast.clashes) == sorted(
        (c.kind, round(c.distance, 6), c.start, c.end) for c in slow.clashes)
    focus = [w.uuid for w in works[:40]]
    assert pairs(find_clashes(works, options, involving=focus)) == {
        p for p in pairs(slow) if p & set(focus)}
