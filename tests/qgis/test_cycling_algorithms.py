"""The cycle network's loader and Processing algorithms in a real QgsApplication, on the real Prato cycle paths and
on small constructed layers (memory layers: the same provider API as any file)."""

import csv

import pytest
from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsDistanceArea,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsVectorLayer,
)

from prato_smartcity_plugin.adapters.cycling import load_cycle_paths, read_cycle_paths
from prato_smartcity_plugin.core.cycling import schema
from prato_smartcity_plugin.core.errors import InputError
from prato_smartcity_plugin.processing_provider.provider import PROVIDER_ID, PratoSmartCityProvider
from tests.conftest import SHARED_DATA

CICLABILI = str(SHARED_DATA / "cycleways" / "ciclabili.geojson")
pytestmark = pytest.mark.usefixtures("provider")


@pytest.fixture(scope="module")
def provider(qgis_processing):
    registry = QgsApplication.processingRegistry()
    added = None
    if registry.providerById(PROVIDER_ID) is None:
        added = PratoSmartCityProvider()
        registry.addProvider(added)
    yield registry.providerById(PROVIDER_ID)
    if added is not None:
        registry.removeProvider(added)


def run(name, **parameters):
    import processing

    return processing.run(f"{PROVIDER_ID}:{name}", parameters)


def memory_layer(kind, wkts, crs="EPSG:6707", fields="", attributes=None):
    layer = QgsVectorLayer(f"{kind}?crs={crs}{fields}", "test", "memory")
    features = []
    for i, wkt in enumerate(wkts):
        feature = QgsFeature(layer.fields())
        if wkt is not None:
            feature.setGeometry(QgsGeometry.fromWkt(wkt))
        if attributes:
            feature.setAttributes(attributes[i])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    return layer


def read_csv(path):
    with open(path, encoding="utf-8-sig") as handle:
        return list(csv.reader(handle))


# ---- loader


def test_load_real_osm_geojson_gives_typed_styled_layer(clean_project):
    layer, cleaning = load_cycle_paths(CICLABILI)
    assert layer.featureCount() == 224 and not cleaning.skipped
    assert layer.crs().authid() == "EPSG:6707"
    fields = layer.fields()
    assert [f.name() for f in fields] == list(schema.FIELD_NAMES)
    assert fields.field("oneway").typeName().lower().startswith("bool")
    assert fields.field("layer").typeName().lower().startswith("int")
    assert "tags" not in fields.names()
    by_source = {f["source_id"]: f for f in layer.getFeatures()}
    bartali = by_source["way/25148961"]
    assert bartali["name"] == "Pista ciclabile Gino Bartali" and bartali["kind"] == schema.TRACK
    assert bartali["surface"] == "unpaved"
    assert by_source["way/8055495"]["kind"] == schema.LANE
    assert layer.renderer().type() == "categorizedSymbol" and layer.renderer().classAttribute() == "kind"
    assert "OpenStreetMap" in layer.attribution()


def test_total_length_of_the_real_cycle_paths_projected_and_geodesic(clean_project):
    """SOURCES.md gives 48.5 km (one decimal): tolerance 0.1 km = that rounding (±0.05 km) plus the difference
    between UTM 32N grid distances and ellipsoidal ones in Prato (scale factor within 1e-4 there: < 5 m here)."""
    layer, _ = load_cycle_paths(CICLABILI)
    projected = sum(f.geometry().length() for f in layer.getFeatures())
    source = QgsVectorLayer(CICLABILI, "osm", "ogr")
    distance = QgsDistanceArea()
    distance.setSourceCrs(source.crs(), QgsCoordinateTransformContext())
    distance.setEllipsoid("EPSG:7019")  # GRS80
    geodesic = sum(distance.measureLength(f.geometry()) for f in source.getFeatures())
    assert projected / 1000 == pytest.approx(48.5, abs=0.1)
    assert geodesic / 1000 == pytest.approx(48.5, abs=0.1)
    assert projected == pytest.approx(geodesic, rel=2e-4)
    result = run("cycle_network_measures", INPUT=CICLABILI, OUTPUT="memory:")
    assert result["TOTAL_KM"] == pytest.approx(projected / 1000, abs=1e-6)


def test_bad_input_is_counted_and_the_valid_part_measured(clean_project):
    layer = memory_layer("MultiLineStringZM", [
        "MultiLineStringZM((0 0 1 1, 100 0 2 2), (200 0 1 1, 300 0 1 1))",
        None,
        "LineStringZM(400 0 0 0, 400 0 0 0)",
        "LineStringZM(0 0 0 0, 0 50 0 0, 0 0 0 0)",
    ])
    network, _ = read_cycle_paths(layer)
    assert dict(network.cleaning.skipped) == {"null": 1, "zero_length": 1}
    assert network.cleaning.fixed["multi_part"] == 1
    result = run("cycle_network_measures", INPUT=layer, OUTPUT="memory:")
    # 100 + 100 + the self-overlapping 50 m spur counted once
    assert result["TOTAL_KM"] == pytest.approx(0.25)
    assert result["SKIPPED"] == 2
    assert result["COMPONENTS"] == 2


def test_geographic_input_is_reprojected(clean_project):
    # 0.001 degree of latitude ~ 111 m
    layer = memory_layer("LineString", ["LineString(11.1 43.88, 11.1 43.881)"], crs="EPSG:4326")
    result = run("cycle_network_measures", INPUT=layer, OUTPUT="memory:")
    assert result["TOTAL_KM"] == pytest.approx(0.1111, abs=0.0005)
    with pytest.raises(QgsProcessingException, match="geographic"):
        run("cycle_network_measures", INPUT=layer, CRS="EPSG:4326", OUTPUT="memory:")


def test_non_line_layer_is_refused_with_a_clear_message(clean_project):
    points = memory_layer("Point", ["Point(0 0)"])
    with pytest.raises(InputError, match="not a line layer"):
        read_cycle_paths(points)
    empty = memory_layer("LineString", [None])
    with pytest.raises(InputError, match="no usable line"):
        read_cycle_paths(empty)


# ---- algorithms


def test_network_measures_on_a_known_network(provider, clean_project, tmp_path):
    lines = memory_layer("LineString", [
        "LineString(0 0, 100 0)", "LineString(100 0, 100 100)", "LineString(100.5 100, 200 100)",  # one chain
        "LineString(500 0, 600 0)",                                                              # isolated
    ], fields="&field=highway:string&field=foot:string",
        attributes=[["cycleway", "yes"], ["cycleway", None], ["cycleway", None], ["residential", None]])
    areas = memory_layer("Polygon", ["Polygon((-10 -10, 150 -10, 150 150, -10 150, -10 -10))",
                                     "Polygon((150 -10, 700 -10, 700 150, 150 150, 150 -10))"],
                         fields="&field=district:string", attributes=[["Centro"], ["San Paolo"]])
    result = run("cycle_network_measures", INPUT=lines, TOLERANCE=1.0, AREAS=areas, AREA_NAME="district",
                 OUTPUT="memory:", DANGLING="memory:", REPORT_HTML=str(tmp_path / "r.html"),
                 REPORT_CSV=str(tmp_path / "r.csv"))
    assert result["COMPONENTS"] == 2 and result["DANGLING_ENDS"] == 4
    assert result["TOTAL_KM"] == pytest.approx(0.3995)
    out = result["OUTPUT"]
    components = {f["component"] for f in out.getFeatures() if f["kind"] == schema.TRACK}
    assert components == {1}
    isolated = [f for f in out.getFeatures() if f["component"] == 2]
    assert len(isolated) == 1 and isolated[0]["kind"] == schema.OTHER and isolated[0]["component_km"] == 0.1
    shared = [f for f in out.getFeatures() if f["foot"] == "yes"]
    assert shared[0]["kind"] == schema.SHARED_PEDESTRIAN
    assert result["DANGLING"].featureCount() == 4
    rows = read_csv(result["REPORT_CSV"])
    assert ["Length by area (km)", "Centro", "0.25", "0.15", "0.10"] in [r[:5] for r in rows]
    assert any(r[1] == "Connected components" and r[2] == "2" for r in rows)
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "San Paolo" in html and "<table>" in html


def test_missing_links_ranked_and_barriers(provider, clean_project, tmp_path):
    lines = memory_layer("LineString", [
        "LineString(0 0, 1000 0)", "LineString(1030 0, 1430 0)", "LineString(500 10, 500 60)"],
        fields="&field=name:string&field=highway:string",
        attributes=[["Pista Gino Bartali", "cycleway"], [None, "cycleway"], ["Via Roma", "cycleway"]])
    result = run("cycle_missing_links", INPUT=lines, DISTANCE=50, OUTPUT="memory:",
                 REPORT_HTML=str(tmp_path / "links.html"))
    links = sorted(result["OUTPUT"].getFeatures(), key=lambda f: f["rank"])
    assert [(f["rank"], round(f["length_m"], 1)) for f in links] == [(1, 10.0), (2, 30.0)]
    assert links[0]["joined_km"] == pytest.approx(1.05)
    assert links[0].geometry().asPolyline() == [QgsPointXY(500, 10), QgsPointXY(500, 0)]
    # each link names the paths it joins and says why it is listed
    assert (links[0]["path_a"], links[0]["path_b"]) == ("Via Roma", "Pista Gino Bartali")
    assert (links[0]["component_a_km"], links[0]["component_b_km"]) == (0.05, 1.0)
    assert links[0]["reason"].startswith("10 m of new path would join Via Roma, part of a connected network of "
                                         "0.05 km, to Pista Gino Bartali")
    assert "Separate cycle track, unnamed" in (links[1]["path_a"], links[1]["path_b"])
    rows = read_csv(result["REPORT_CSV"])
    assert rows[0][:5] == ["table", "Rank", "New path (m)", "Joins", "To"]
    assert rows[1][:5] == ["Missing links", "1", "10.0", "Via Roma (0.05 km)", "Pista Gino Bartali (1.00 km)"]
    assert "Ranked by km joined per metre of new path" in (tmp_path / "links.html").read_text(
        encoding="utf-8")
    railway = memory_layer("LineString", ["LineString(1015 -100, 1015 100)"])
    blocked = run("cycle_missing_links", INPUT=lines, DISTANCE=50, BARRIERS=[railway], OUTPUT="memory:")
    assert [round(f["length_m"], 1) for f in blocked["OUTPUT"].getFeatures()] == [10.0]


def test_catchment_of_points_and_area(provider, clean_project):
    lines = memory_layer("LineString", ["LineString(0 50, 100 50)"])
    points = memory_layer("Point", ["Point(50 60)", "Point(50 400)", None, "Point(0 0)"],
                          fields="&field=pupils:integer", attributes=[[100], [300], [5], [100]])
    area = memory_layer("Polygon", ["Polygon((0 0, 100 0, 100 100, 0 100, 0 0))"])
    result = run("cycle_catchment", INPUT=lines, DISTANCE=60, POINTS=points, WEIGHT="pupils", AREA=area,
                 OUTPUT_POINTS="memory:", OUTPUT_AREA="memory:")
    assert (result["POINTS_WITHIN"], result["POINTS"]) == (2, 3)
    assert result["POINT_SHARE"] == pytest.approx(200 / 500)
    assert result["AREA_SHARE"] == pytest.approx(1.0)
    within = {f["source_fid"]: (f["within"], f["distance_m"]) for f in result["OUTPUT_POINTS"].getFeatures()}
    assert within[1] == (True, 10.0) and within[2][0] is False
    with pytest.raises(QgsProcessingException, match="point layer, an area"):
        run("cycle_catchment", INPUT=lines, DISTANCE=60)


def test_before_after_of_a_planned_cycle_link(provider, clean_project):
    lines = memory_layer("LineString", [
        "LineString(0 0, 1000 0)", "LineString(1030 0, 1430 0)", "LineString(500 10, 500 60)"])
    planned = memory_layer("MultiLineString", ["MultiLineString((1000 0, 1030 0))", "MultiLineString((0 0, 0 -500))"],
                           fields="&field=category:string", attributes=[["cycle_link"], ["road_works"]])
    result = run("cycle_before_after", INPUT=lines, PLANNED=planned, OUTPUT="memory:")
    assert (result["COMPONENTS_BEFORE"], result["COMPONENTS_AFTER"]) == (3, 2)
    assert result["PLANNED_FEATURES"] == 1
    assert result["TOTAL_KM_AFTER"] - result["TOTAL_KM_BEFORE"] == pytest.approx(0.03)
    rows = {r[1]: r for r in read_csv(result["REPORT_CSV"]) if r[0] == "Before / after"}
    assert rows["Connected components"][2:5] == ["3", "2", "-1"]
    assert rows["Length: Planned link"][3] == "0.030"
    kinds = [f["kind"] for f in result["OUTPUT"].getFeatures()]
    assert kinds.count(schema.PLANNED) == 1
    every = run("cycle_before_after", INPUT=lines, PLANNED=planned, CYCLE_LINKS_ONLY=False, OUTPUT="memory:")
    assert every["PLANNED_FEATURES"] == 2


def test_import_maps_any_layer_onto_the_schema(provider, clean_project):
    layer = memory_layer("LineString", ["LineString(0 0, 10 0)"], crs="EPSG:3003",
                         fields="&field=NOME:string&field=TIPO:string",
                         attributes=[["Via Roma", "Cycle lane"]])
    result = run("cycle_paths_import", INPUT=layer, FIELD_NAME="NOME", FIELD_KIND="TIPO", OUTPUT="memory:")
    feature = next(result["OUTPUT"].getFeatures())
    assert (feature["name"], feature["kind"]) == ("Via Roma", schema.LANE)
    assert result["OUTPUT"].crs() == QgsCoordinateReferenceSystem("EPSG:6707")


def test_processing_refuses_a_point_layer_with_a_clear_message(clean_project):
    points = memory_layer("Point", ["Point(0 0)"])
    with pytest.raises(QgsProcessingException, match="not a line layer"):
        run("cycle_network_measures", INPUT=points, OUTPUT="memory:")


def test_algorithms_stay_on_the_main_thread_with_shapely_1(provider):
    """shapely 1 shares one GEOS context between threads: Processing must not run these algorithms in the background
    there; with shapely 2 it may."""
    import shapely
    from qgis.core import QgsProcessingAlgorithm

    algorithm = QgsApplication.processingRegistry().algorithmById(f"{PROVIDER_ID}:cycle_network_measures")
    no_threading = getattr(QgsProcessingAlgorithm, "FlagNoThreading", None)
    if no_threading is None:
        from qgis.core import Qgis

        no_threading = Qgis.ProcessingAlgorithmFlag.NoThreading
    assert bool(algorithm.flags() & no_threading) == shapely.__version__.startswith("1.")


def test_before_after_with_planned_cycle_links_of_the_interventions_store(provider, clean_project, tmp_path):
    """The real interventions store (GeoPackage, MultiLineString, EPSG:6707): its cycle-link interventions are the
    planned links; a road-works line in the same layer does not count. The link drawn is the best missing link of the
    real network, so the network after has one component fewer."""
    from prato_smartcity_plugin.adapters import settings
    from prato_smartcity_plugin.core.interventions.schema import GeometryKind
    from tests.qgis.store_helpers import add, opened_store

    links = run("cycle_missing_links", INPUT=CICLABILI, DISTANCE=100, LIMIT=1, OUTPUT="memory:")["OUTPUT"]
    best = next(links.getFeatures()).geometry()
    best.convertToMultiType()
    settings.set("store_path", str(tmp_path / "interventions.gpkg"))
    try:
        with opened_store() as layers:
            line_layer = layers[GeometryKind.LINE]
            add(line_layer, GeometryKind.LINE, best.asWkt(), title="Ricucitura", category="cycle_link",
                plan_code="PR-V4")
            add(line_layer, GeometryKind.LINE, title="Scavo", category="road_works")
            result = run("cycle_before_after", INPUT=CICLABILI, PLANNED=line_layer, OUTPUT="memory:")
    finally:
        settings.set("store_path", "")
    assert result["PLANNED_FEATURES"] == 1
    assert result["COMPONENTS_AFTER"] == result["COMPONENTS_BEFORE"] - 1
    planned = [f for f in result["OUTPUT"].getFeatures() if f["kind"] == schema.PLANNED]
    assert len(planned) == 1 and planned[0]["component"] == 1  # the link joins the longest component
