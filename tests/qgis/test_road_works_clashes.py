"""``pratosmartcity:road_works_clashes`` through ``processing.run`` on real GeoPackage layers."""

import pytest
from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsProcessingException,
    QgsProject,
    QgsRuleBasedRenderer,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate

from prato_smartcity_plugin.adapters.road_works import SOURCE_PROPERTY
from prato_smartcity_plugin.processing_provider.provider import PROVIDER_ID, PratoSmartCityProvider
from tests.qgis.road_works_data import X0, Y0, add, create_layer, feature, line, road_works_layers, square

ALG = f"{PROVIDER_ID}:road_works_clashes"


@pytest.fixture()
def provider(qgis_processing, clean_project):
    registry = QgsApplication.processingRegistry()
    provider = PratoSmartCityProvider()
    assert registry.addProvider(provider)
    yield provider
    registry.removeProvider(provider)


@pytest.fixture()
def store(tmp_path):
    """The store's polygon and line layers with road works whose clashes are known."""
    polygons, lines = road_works_layers(tmp_path)
    path = tmp_path / "road_works_areas.gpkg"
    add(polygons,
        feature(polygons, square(0, 0), "2026-03-01", "2026-03-20", "publiacqua", "Water mains", "Via Roma"),
        feature(polygons, square(10, 10), "2026-03-15", "2026-04-10", "toscana_energia", "Gas network", "Via Roma"),
        # same area, dates after both: no clash
        feature(polygons, square(5, 5), "2026-05-01", "2026-05-10", "estracom", "Fibre", "Via Roma"),
        # 60 m east on the same street ("v. roma, 12"), during the water works: same-street clash
        feature(polygons, square(80, 0), "2026-03-05", "2026-03-06", "alia", "Bins", "v. roma, 12"),
        # 60 m north on another street: no clash
        feature(polygons, square(0, 80), "2026-03-05", "2026-03-06", "cap", "Bus stop", "Via Firenze"),
        # not road works: never compared
        feature(polygons, square(0, 0), "2026-03-01", "2026-03-31", "comune_prato", "New square", category="square"),
        # cancelled: ignored by default
        feature(polygons, square(2, 2), "2026-03-01", "2026-03-31", "consiag", "Cancelled", status="cancelled"))
    add(lines, feature(lines, line((10, -30), (10, 50)), "2026-03-10", None, "estracom", "Fibre trench", "Via Roma"))
    return path, polygons, lines


def run(parameters):
    import processing

    return processing.run(ALG, parameters)


def rows(layer_or_path):
    layer = layer_or_path if isinstance(layer_or_path, QgsVectorLayer) else QgsVectorLayer(str(layer_or_path), "c")
    assert layer.isValid()
    return layer, [{n: f[n] for n in layer.fields().names()} for f in layer.getFeatures()]


def pairs(records):
    return {frozenset((r["a_title"], r["b_title"])): r for r in records}


def test_clash_layer_table_and_report_from_geopackage_layers(provider, store, tmp_path):
    path, polygons, lines = store
    out = tmp_path / "clashes.gpkg"
    table = tmp_path / "clashes_table.csv"
    report = tmp_path / "clashes.html"
    result = run({"INPUT": [polygons, lines], "DISTANCE": 100, "OUTPUT": str(out), "TABLE": str(table),
                  "REPORT": str(report)})

    layer, records = rows(out)
    found = pairs(records)
    # Fibre/Fibre trench: same body (estracom); Gas/Bins and Bins/Fibre trench: same street, dates apart
    assert set(found) == {frozenset(p) for p in (
        ("Water mains", "Gas network"), ("Water mains", "Bins"), ("Water mains", "Fibre trench"),
        ("Gas network", "Fibre trench"))}
    assert result["CLASH_COUNT"] == 4 and result["CHECKED_COUNT"] == 6
    assert layer.wkbType() == QgsWkbTypes.MultiPolygon and layer.crs().authid() == "EPSG:6707"

    overlap = found[frozenset(("Water mains", "Gas network"))]
    assert overlap["kind"] == "overlap" and overlap["overlap_days"] == 6
    assert (overlap["overlap_start"], overlap["overlap_end"]) == (QDate(2026, 3, 15), QDate(2026, 3, 20))
    assert {overlap["a_responsible_body"], overlap["b_responsible_body"]} == {"publiacqua", "toscana_energia"}
    geometry = next(f.geometry() for f in layer.getFeatures() if f["kind"] == "overlap"
                    and {f["a_title"], f["b_title"]} == {"Water mains", "Gas network"})
    assert geometry.area() == pytest.approx(100)

    bins = found[frozenset(("Water mains", "Bins"))]
    assert bins["kind"] == "same_street" and bins["distance_m"] == pytest.approx(60)
    assert bins["overlap_days"] == 2
    trench = found[frozenset(("Gas network", "Fibre trench"))]  # the trench has no end date: open-ended
    assert trench["kind"] == "overlap" and trench["overlap_end"] == QDate(2026, 4, 10)
    assert (trench["a_end_date"] if trench["a_title"] == "Fibre trench" else trench["b_end_date"]) in (None, QDate())

    table_layer, table_records = rows(table)
    assert table_layer.wkbType() == QgsWkbTypes.NoGeometry and len(table_records) == 4
    assert set(pairs(table_records)) == set(found)
    page = report.read_text(encoding="utf-8")
    assert "Water mains" in page and "Toscana Energia" in page and "4 clashes among 6 road works" in page


def test_options_same_body_closed_works_and_distance(provider, store, tmp_path):
    path, polygons, lines = store
    base = {"INPUT": [polygons, lines], "OUTPUT": "memory:"}
    assert run({**base, "DISTANCE": 30})["CLASH_COUNT"] == 3  # the bins 60 m away are out of reach
    # the cancelled work overlaps the water mains, the gas network and the trench
    assert run({**base, "INCLUDE_CLOSED": True})["CLASH_COUNT"] == 4 + 3
    assert run({**base, "OPEN_ENDED": False})["CLASH_COUNT"] == 2  # without the open-ended trench
    assert run({**base, "SAME_BODY": True})["CLASH_COUNT"] == 5  # the fibre works and the fibre trench


def test_default_input_is_the_projects_interventions_layers_and_api_layer_counts(provider, store, tmp_path):
    path, polygons, lines = store
    QgsProject.instance().addMapLayers([polygons, lines])
    # an API layer in WGS 84 with a road work on the bins' square, same dates as the bins
    api = create_layer(tmp_path / "api.gpkg", "polygon", crs="EPSG:4326", name="received")
    to_wgs84 = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:6707"),
                                      QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
    wgs84 = QgsGeometry.fromWkt(square(82, 2, 5))
    wgs84.transform(to_wgs84)
    add(api, feature(api, wgs84.asWkt(), "2026-03-06", "2026-03-08", "cap", "Bus lane (API)", "Via Pistoiese"))
    result = run({"API_LAYER": api, "DISTANCE": 100, "OUTPUT": "memory:"})
    layer = result["OUTPUT"] if isinstance(result["OUTPUT"], QgsVectorLayer) else None
    assert layer is not None
    found = pairs(rows(layer)[1])
    assert result["CLASH_COUNT"] == 5
    api_clash = found[frozenset(("Bins", "Bus lane (API)"))]
    assert api_clash["kind"] == "overlap" and api_clash["overlap_days"] == 1
    assert {api_clash["a_source"], api_clash["b_source"]} == {"local", "api"}
    assert layer.extent().contains(X0 + 83, Y0 + 3)


def test_a_layer_marked_as_api_reports_its_works_as_received(provider, store):
    path, polygons, lines = store
    lines.setCustomProperty(SOURCE_PROPERTY, "api")
    result = run({"INPUT": [polygons, lines], "OUTPUT": "memory:"})
    trench = [f for f in result["OUTPUT"].getFeatures() if "Fibre trench" in (f["a_title"], f["b_title"])]
    assert len(trench) == 2 and all("api" in (f["a_source"], f["b_source"]) for f in trench)


def test_a_layer_without_the_intervention_fields_is_refused_with_a_message(provider, clean_project):
    import processing
    from qgis.core import QgsProcessingFeedback

    class Feedback(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.errors = []

        def reportError(self, error, fatalError=False):  # noqa: N802, N803
            self.errors.append(error)

    other = QgsVectorLayer("Polygon?crs=EPSG:6707&field=name:string", "parcels", "memory")
    for parameters, message in (({"INPUT": [other]}, "The layer parcels is not an interventions layer."),
                                ({}, "No interventions layer to check")):
        feedback = Feedback()
        with pytest.raises(QgsProcessingException):
            processing.run(ALG, {**parameters, "OUTPUT": "memory:"}, feedback=feedback)
        assert any(message in error for error in feedback.errors), feedback.errors


def test_loaded_clash_layer_is_styled(provider, store):
    import processing

    path, polygons, lines = store
    result = processing.runAndLoadResults(ALG, {"INPUT": [polygons, lines], "OUTPUT": "TEMPORARY_OUTPUT"})
    layer = QgsProject.instance().mapLayer(result["OUTPUT"])
    assert layer is not None and layer.featureCount() == 4
    renderer = layer.renderer()
    assert isinstance(renderer, QgsRuleBasedRenderer)
    assert {rule.filterExpression() for rule in renderer.rootRule().children()} == {
        "\"kind\" = 'overlap'", "\"kind\" = 'same_street'"}
