"""The Wi-Fi Processing algorithms through ``processing.run``, on the real Prato data and on constructed layers whose
answers are known, and the styled layers they produce."""

from __future__ import annotations

import math

import pytest
from qgis.core import (
    QgsApplication,
    QgsFeature,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsVectorLayer,
)

from prato_smartcity_plugin.adapters import wifi_layers
from prato_smartcity_plugin.core.i18n import install_translator
from prato_smartcity_plugin.processing_provider.provider import PROVIDER_ID, PratoSmartCityProvider
from tests.conftest import SHARED_DATA

WIFI = str(SHARED_DATA / "wifi" / "wifi-free.geojson")
COMUNE = str(SHARED_DATA / "boundary" / "prato_comune_100005.geojson")
CYCLEWAYS = str(SHARED_DATA / "cycleways" / "ciclabili.geojson")
#: The historic centre inside the walls, approximately (EPSG:3003).
CENTRE_WKT = ("POLYGON((1668000 4860420, 1668450 4860250, 1669000 4860450, 1669150 4860950, 1668750 4861300, "
              "1668150 4861200, 1668000 4860420))")
X0, Y0 = 668000.0, 4860000.0  # EPSG:6707 metres near Prato


@pytest.fixture(scope="module")
def provider(qgis_processing):
    """The provider for this module (a reference kept), removed afterwards so that the lifecycle tests can register
    their own; one that another test left registered is used as it is."""
    registry = QgsApplication.processingRegistry()
    existing = registry.providerById(PROVIDER_ID)
    if existing is not None:
        yield existing
        return
    own = PratoSmartCityProvider()
    assert registry.addProvider(own)
    yield own
    registry.removeProvider(PROVIDER_ID)


class Collect(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.messages: list[str] = []

    def pushInfo(self, info):  # noqa: N802
        self.messages.append(info)

    def reportError(self, error, fatalError=False):  # noqa: N802, N803
        self.messages.append(error)

    def text(self) -> str:
        return "\n".join(self.messages)


def run(name, params, feedback=None):
    import processing

    return processing.run(f"{PROVIDER_ID}:{name}", params, feedback=feedback or Collect())


def layer(uri: str, rows, name="test") -> QgsVectorLayer:
    lyr = QgsVectorLayer(uri, name, "memory")
    features = []
    for wkt, attrs in rows:
        feature = QgsFeature(lyr.fields())
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        feature.setAttributes(list(attrs))
        features.append(feature)
    lyr.dataProvider().addFeatures(features)
    lyr.updateExtents()
    return lyr


def pt(dx, dy):
    return f"POINT({X0 + dx} {Y0 + dy})"


def features(lyr):
    return list(lyr.getFeatures())


# --- loading -----------------------------------------------------------------------------------------------------


def test_open_data_coverage_areas_load_as_canonical_access_points(provider):
    feedback = Collect()
    result = run("wifi_load_access_points", {"INPUT": WIFI, "COMUNE": COMUNE, "OUTPUT": "memory:"}, feedback)
    out = result["OUTPUT"]
    assert result["COUNT"] == 25 and result["FLAGGED"] == 0
    assert out.crs().authid() == "EPSG:6707"  # the file is in degrees: reprojected, and said so
    assert "reprojected to EPSG:6707" in feedback.text() and "centroid stands in" in feedback.text()
    assert [f.name() for f in out.fields()][:8] == ["ap_id", "name", "site", "programme", "status", "install_date",
                                                    "radius_m", "notes"]
    by_id = {f["ap_id"]: f for f in features(out)}
    mercatale = by_id["prato-9"]
    assert mercatale["name"] == "Piazza Mercatale HS1" and mercatale["programme"] == "comune"
    assert mercatale["radius_m"] == pytest.approx(49, abs=1)  # equal-area radius of its coverage polygon
    assert "CC-BY" in mercatale["source"] and "centroid_position" in mercatale["flags"]
    assert by_id["prato-17"]["name"] in (None, "")  # no DocName: left empty, not invented


def test_any_point_layer_maps_onto_the_schema_and_bad_points_are_flagged(provider):
    rows = [("POINT(11.0963 43.8806)", ["A1", "Piazza del Duomo", "WiFi Italia", "2021-06-01", 80]),
            ("POINT(11.0963 43.8806)", ["A2", "Duomo bis", "WiFi Italia", "2021-06-01", 80]),
            ("POINT(11.2500 43.7700)", ["A3", "Firenze", "other", None, None])]
    src = layer("Point?crs=EPSG:4326&field=codice:string&field=nome:string&field=prog:string&field=data:string"
                "&field=raggio:double", rows)
    feedback = Collect()
    result = run("wifi_load_access_points", {
        "INPUT": src, "ID_FIELD": "codice", "NAME_FIELD": "nome", "PROGRAMME_FIELD": "prog", "DATE_FIELD": "data",
        "RADIUS_FIELD": "raggio", "COMUNE": COMUNE, "OUTPUT": "memory:"}, feedback)
    got = {f["ap_id"]: f for f in features(result["OUTPUT"])}
    assert got["A1"]["programme"] == "wifi_italia" and got["A1"]["install_date"].toString("yyyy-MM-dd") == \
        "2021-06-01"
    assert got["A2"]["flags"] == "duplicate"
    assert set(got["A3"]["flags"].split(",")) == {"default_radius", "outside_comune"}
    assert got["A3"]["radius_m"] == 50
    text = feedback.text()
    assert "same spot" in text and "outside the comune" in text and "default radius" in text
    assert result["FLAGGED"] == 2


@pytest.mark.parametrize("source, message", [
    (CYCLEWAYS, "must be a point"),
    ("Point?crs=EPSG:6707&field=radius_m:double", "empty"),
])
def test_non_point_and_empty_layers_are_refused_clearly(provider, source, message):
    src = layer(source, []) if source.startswith("Point") else source
    with pytest.raises(QgsProcessingException, match=message):
        run("wifi_coverage", {"ACCESS_POINTS": src, "COVERAGE": "memory:", "GAPS": "memory:",
                              "STATISTICS": "memory:"})


def test_negative_radius_is_refused_with_the_access_point_named(provider):
    src = layer("Point?crs=EPSG:6707&field=name:string&field=radius_m:double",
                [(pt(0, 0), ["Via Cairoli", -20])])
    with pytest.raises(QgsProcessingException, match="Via Cairoli"):
        run("wifi_coverage", {"ACCESS_POINTS": src, "COVERAGE": "memory:", "GAPS": "memory:",
                              "STATISTICS": "memory:"})


def test_features_without_a_position_are_left_out_and_said(provider):
    src = layer("MultiPoint?crs=EPSG:6707&field=name:string&field=radius_m:double",
                [(f"MULTIPOINT(({X0} {Y0}),({X0 + 5} {Y0}))", ["two parts", 50]), ("POINT EMPTY", ["empty", 50]),
                 (f"MULTIPOINT(({X0 + 500} {Y0}))", ["one part", 50])])
    feature = QgsFeature(src.fields())
    feature.setAttributes(["no geometry", 50])
    src.dataProvider().addFeatures([feature])
    feedback = Collect()
    result = run("wifi_load_access_points", {"INPUT": src, "COMUNE": None, "OUTPUT": "memory:"}, feedback)
    assert sorted(f["name"] for f in features(result["OUTPUT"])) == ["one part", "two parts"]
    assert "2 features of" in feedback.text() and "no geometry" in feedback.text()
    assert "1 features of" in feedback.text() and "first point" in feedback.text()


def test_outputs_loaded_by_processing_get_the_wifi_styles(provider, clean_project):
    import processing

    demand = layer("Point?crs=EPSG:6707", [(pt(0, 0), []), (pt(500, 0), [])])
    candidates = layer("Point?crs=EPSG:6707", [(pt(0, 0), []), (pt(500, 0), [])])
    results = processing.runAndLoadResults(f"{PROVIDER_ID}:wifi_site_selection", {
        "COMUNE": None, "DEMAND": demand, "CANDIDATES": candidates, "N_SITES": 2, "SITES": "TEMPORARY_OUTPUT",
        "COVERAGE": "TEMPORARY_OUTPUT"})
    sites = clean_project.mapLayer(results["SITES"])
    coverage = clean_project.mapLayer(results["COVERAGE"])
    assert sites.featureCount() == 2 and sites.labelsEnabled()  # the ranks as labels, from wifi_new_sites.qml
    assert coverage.renderer().type() == "categorizedSymbol"
    assert {c.label() for c in coverage.renderer().categories()} >= {"Existing coverage", "Added by the new sites"}


# --- coverage ----------------------------------------------------------------------------------------------------


def test_real_coverage_of_the_historic_centre_and_its_gaps(provider):
    centre = layer("Polygon?crs=EPSG:3003&field=nome:string", [(CENTRE_WKT, ["Centro storico"])])
    result = run("wifi_coverage", {"ACCESS_POINTS": WIFI, "COMUNE": COMUNE, "AREAS": centre,
                                   "AREA_NAME_FIELD": "nome", "COVERAGE": "memory:", "GAPS": "memory:",
                                   "STATISTICS": "memory:", "CHECKED_ACCESS_POINTS": "memory:"})
    stats = features(result["STATISTICS"])
    assert len(stats) == 1 and stats[0]["area_name"] == "Centro storico"
    centre_area = QgsGeometry.fromWkt(CENTRE_WKT).area()
    # Worked in EPSG:6707 (the access points are in degrees): areas differ from EPSG:3003's by the scale factors.
    assert stats[0]["area_m2"] == pytest.approx(centre_area, rel=0.01)
    assert 5 < stats[0]["covered_pct"] < 60
    assert result["COVERED_SHARE"] == pytest.approx(stats[0]["covered_pct"] / 100, abs=1e-4)
    gaps = features(result["GAPS"])
    assert gaps[0]["gap_m2"] + stats[0]["covered_m2"] == pytest.approx(stats[0]["area_m2"], rel=1e-6)
    # The gap has a hole where Piazza del Duomo's coverage is.
    checked = {f["ap_id"]: f for f in features(result["CHECKED_ACCESS_POINTS"])}
    duomo = checked["prato-14"].geometry()
    assert not gaps[0].geometry().contains(duomo) and stats[0].geometry().contains(duomo)
    assert "Centro storico" in result["SUMMARY"]
    coverage = features(result["COVERAGE"])[0]
    assert coverage["n_aps"] == 25 and coverage.geometry().area() > 0


def test_demand_share_with_weights_and_no_overlap_error(provider):
    aps = layer("Point?crs=EPSG:6707&field=name:string&field=radius_m:double", [(pt(0, 0), ["A", 100])])
    area = layer("Polygon?crs=EPSG:6707", [(f"POLYGON(({X0-500} {Y0-500}, {X0+500} {Y0-500}, {X0+500} {Y0+500}, "
                                            f"{X0-500} {Y0+500}, {X0-500} {Y0-500}))", [])])
    demand = layer("Point?crs=EPSG:6707&field=pop:integer", [(pt(10, 10), [30]), (pt(400, 400), [10])])
    result = run("wifi_coverage", {"ACCESS_POINTS": aps, "AREAS": area, "DEMAND": demand, "DEMAND_WEIGHT": "pop",
                                   "COMUNE": None, "COVERAGE": "memory:", "GAPS": "memory:", "STATISTICS": "memory:"})
    assert result["DEMAND_SHARE"] == pytest.approx(0.75)
    row = features(result["STATISTICS"])[0]
    assert (row["demand_n"], row["demand_cov"], row["weight_pct"]) == (2, 1, 75.0)
    assert row["covered_m2"] == pytest.approx(math.pi * 100 ** 2, rel=0.01)
    far = layer("Point?crs=EPSG:6707&field=pop:integer", [(pt(90000, 0), [5])])
    with pytest.raises(QgsProcessingException, match="None of the 1 demand points"):
        run("wifi_coverage", {"ACCESS_POINTS": aps, "AREAS": area, "DEMAND": far, "COMUNE": None,
                              "COVERAGE": "memory:", "GAPS": "memory:", "STATISTICS": "memory:"})


def test_geographic_demand_is_reprojected_like_point_by_point_and_every_weight_is_read(qgis_app):
    """The reader reprojects all the points in one call and reads the weights in bulk: the same positions as
    QGIS's transform of each point, and NULL or text weights still read one by one (NULL counts as zero, said)."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject

    lonlat = [(11.0963, 43.8806), (11.1000, 43.8750), (11.0801, 43.8899), (11.1102, 43.8702)]
    src = layer("Point?crs=EPSG:4326&field=w:string", [(f"POINT({x} {y})", [w]) for (x, y), w in
                                                         zip(lonlat, ["3", None, "2,5", "4"])])
    reader = wifi_layers.Reader(QgsCoordinateReferenceSystem("EPSG:6707"))
    demand = reader.demand(src, "w")
    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"),
                                       QgsCoordinateReferenceSystem("EPSG:6707"), QgsProject.instance())
    expected = [transform.transform(QgsPointXY(x, y)) for x, y in lonlat]
    assert demand.xs.tolist() == [p.x() for p in expected] and demand.ys.tolist() == [p.y() for p in expected]
    assert demand.weights.tolist() == [3.0, 0.0, 2.5, 4.0]
    assert "no weight" in demand.notes[0].message
    assert any("reprojected" in note.message for note in reader.notes)


# --- site selection ----------------------------------------------------------------------------------------------


def test_site_selection_known_answer_with_exclusion(provider):
    demand = layer("Point?crs=EPSG:6707", [(pt(dx, dy), []) for dx in range(-40, 41, 20) for dy in (-20, 0, 20)]
                   + [(pt(1000, 0), []), (pt(1010, 0), [])])
    candidates = layer("Point?crs=EPSG:6707&field=name:string",
                       [(pt(0, 0), ["Piazza San Francesco"]), (pt(1005, 0), ["Via Giordano"]),
                        (pt(2000, 0), ["Nowhere"])])
    existing = layer("Point?crs=EPSG:6707&field=name:string&field=radius_m:double",
                     [(pt(3000, 0), ["Stazione", 50])])
    result = run("wifi_site_selection", {
        "ACCESS_POINTS": existing, "COMUNE": None, "DEMAND": demand, "CANDIDATES": candidates, "N_SITES": 3,
        "NEW_RADIUS": 100, "MIN_SPACING": 0, "SITES": "memory:", "COVERAGE": "memory:"})
    sites = sorted(features(result["SITES"]), key=lambda f: f["rank"])
    assert [s["name"] for s in sites] == ["Piazza San Francesco", "Via Giordano"]
    assert sites[0]["gain_n"] == 15 and sites[0]["status"] == "candidate"
    assert "Stazione" in sites[0]["why"] and sites[0]["nearest_m"] == pytest.approx(3000)
    assert result["SHARE_BEFORE"] == 0 and result["SHARE_AFTER"] == 1.0
    states = {f["state"] for f in features(result["COVERAGE"])}
    assert states == {"existing", "added"}
    assert "Only 2 of the 3" in result["SUMMARY"]

    exclusion = layer("Polygon?crs=EPSG:6707", [(f"POLYGON(({X0-10} {Y0-10}, {X0+10} {Y0-10}, {X0+10} {Y0+10}, "
                                                 f"{X0-10} {Y0+10}, {X0-10} {Y0-10}))", [])])
    result = run("wifi_site_selection", {
        "ACCESS_POINTS": existing, "COMUNE": None, "DEMAND": demand, "CANDIDATES": candidates, "N_SITES": 1,
        "EXCLUSIONS": exclusion, "SITES": "memory:", "COVERAGE": "memory:"})
    assert [s["name"] for s in features(result["SITES"])] == ["Via Giordano"]


def test_plan_fourteen_sites_over_the_historic_centre_on_a_grid(provider):
    centre = layer("Polygon?crs=EPSG:3003", [(CENTRE_WKT, [])])
    feedback = Collect()
    result = run("wifi_site_selection", {
        "ACCESS_POINTS": WIFI, "COMUNE": COMUNE, "AREA": centre, "DEMAND_SPACING": 25, "GRID_SPACING": 40,
        "N_SITES": 14, "NEW_RADIUS": 60, "MIN_SPACING": 120, "SITES": "memory:", "COVERAGE": "memory:"}, feedback)
    sites = features(result["SITES"])
    assert len(sites) == 14 and sorted(s["rank"] for s in sites) == list(range(1, 15))
    assert result["SHARE_AFTER"] > result["SHARE_BEFORE"] + 0.1
    assert 0 < result["OPTIMALITY_BOUND"] <= 1
    geoms = [s.geometry() for s in sites]
    assert min(a.distance(b) for i, a in enumerate(geoms) for b in geoms[i + 1:]) >= 120
    gains = [s["gain_n"] for s in sorted(sites, key=lambda f: f["rank"])]
    assert gains == sorted(gains, reverse=True)
    assert "No demand layer" in feedback.text()


def test_analyses_stay_on_the_main_thread_with_shapely_1(provider):
    """shapely 1 shares one GEOS context between threads: Processing must not run the Wi-Fi analyses in the
    background there; with shapely 2 they may."""
    import shapely

    from prato_smartcity_plugin.processing_provider.base import no_threading_flag

    for name in ("wifi_load_access_points", "wifi_coverage", "wifi_site_selection"):
        algorithm = QgsApplication.processingRegistry().algorithmById(f"{PROVIDER_ID}:{name}")
        assert bool(algorithm.flags() & no_threading_flag()) == shapely.__version__.startswith("1.")


# --- styles ------------------------------------------------------------------------------------------------------


def test_access_point_layer_is_styled_with_translated_legend(qgis_app):
    from prato_smartcity_plugin.core.wifi.schema import AccessPoint

    install_translator(lambda ctx, text: {"Installed": "Installato", "Planned": "Pianificato"}.get(text, text))
    try:
        lyr = wifi_layers.access_point_layer([AccessPoint(X0, Y0, "a", status="installed", source="CC-BY")],
                                             QgsVectorLayer("Point?crs=EPSG:6707", "x", "memory").crs())
    finally:
        install_translator(None)
    labels = {c.value(): c.label() for c in lyr.renderer().categories()}
    assert labels["installed"] == "Installato" and labels["planned"] == "Pianificato"
    assert lyr.featureCount() == 1 and lyr.metadata().rights() == ["CC-BY"]


def test_api_hook_says_it_is_not_available_yet():
    from prato_smartcity_plugin.core.errors import PratoError

    with pytest.raises(PratoError, match="does not publish"):
        wifi_layers.access_points_from_api()
