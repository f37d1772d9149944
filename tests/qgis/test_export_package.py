"""The contractor package, end to end: real GeoPackages in, a real ZIP out, read back with OGR as a contractor's GIS
would (honouring the .cpg)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import zipfile

import pytest
from osgeo import gdal, ogr
from pyproj import Transformer

from prato_smartcity_plugin.adapters.export_package import LayerSource, epsg_of_prj, export_package
from prato_smartcity_plugin.core.errors import InputError
from prato_smartcity_plugin.core.export.rules import ExportOptions, LongTextPolicy
from prato_smartcity_plugin.core.interventions import schema
from tests.conftest import REPO
from tests.export_data import DUOMO_3003, intervention, write_layer, write_store

ITALIAN = ["Santa Trinità", "Piazza del Duomo – lato nord", "à è é ì ò ù"]
T = schema.FieldType


def _duomo(epsg: int) -> tuple[float, float]:
    """The Duomo hotspot in ``epsg``, computed independently of GDAL with pyproj."""
    return Transformer.from_crs("EPSG:3003", f"EPSG:{epsg}", always_xy=True).transform(*DUOMO_3003)


@pytest.fixture(autouse=True)
def _italian_labels():
    """What the plugin does before every export (export_layers.install_label_language): the package's labels come
    from the plugin's Italian .qm, whatever ran before in the session."""
    from prato_smartcity_plugin.adapters.export_layers import install_label_language
    from prato_smartcity_plugin.core import i18n as core_i18n

    assert install_label_language()
    yield
    core_i18n.install_language_translator("it", None)


def _store(tmp_path, **records):
    path = str(tmp_path / "interventions.gpkg")
    write_store(path, records)
    return path


def _unzip(zip_path, tmp_path):
    folder = tmp_path / "unzipped"
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(folder)
    return folder


def _rows(path):
    ds = gdal.OpenEx(str(path), gdal.OF_VECTOR)
    layer = ds.GetLayer()
    rows = []
    for feature in layer:
        values = {layer.GetLayerDefn().GetFieldDefn(i).GetName(): feature.GetField(i)
                  for i in range(feature.GetFieldCount())}
        geometry = feature.GetGeometryRef()
        rows.append((geometry.ExportToWkt() if geometry else None, values))
    return rows


def _store_sources(path, kinds=("point", "line", "polygon")):
    return [LayerSource(f"interventions_{k}", path, f"interventions_{k}") for k in kinds]


def test_italian_text_round_trip_and_known_point_in_3003(tmp_path):
    x, y = _duomo(6707)
    records = {"point": [(f"MULTIPOINT({x} {y})", intervention(
        title=ITALIAN[0], street=ITALIAN[1], description=ITALIAN[2], category="road_works",
        start_date=dt.date(2026, 4, 1), end_date=None, budget_eur=12500.5))]}
    path = _store(tmp_path, **records)
    zip_path = str(tmp_path / "package.zip")
    report = export_package(_store_sources(path, ["point"]), ExportOptions(crs="EPSG:3003", labels=True), zip_path)
    folder = _unzip(zip_path, tmp_path)
    assert sorted(os.listdir(folder)) == ["LEGGIMI.txt", "README.txt"] + [
        f"interventions_point.{e}" for e in ("cpg", "dbf", "prj", "shp", "shx")]
    assert (folder / "interventions_point.cpg").read_text().strip() == "UTF-8"
    assert epsg_of_prj(str(folder / "interventions_point.prj")) == "3003"
    [(wkt, values)] = _rows(folder / "interventions_point.shp")
    assert (values["title"], values["street"], values["descr"]) == tuple(ITALIAN)
    assert "Trinit\u00e0".encode() in (folder / "interventions_point.dbf").read_bytes()  # UTF-8 bytes in the DBF
    assert values["category"] == "Lavori stradali"  # the Italian label
    assert values["start_date"] == "2026/04/01" and values["end_date"] is None
    assert values["budget_eur"] == 12500.5 and values["created"] == "2026-03-01T09:30:00Z"
    point = ogr.CreateGeometryFromWkt(wkt)
    assert point.GetGeometryName() == "POINT"
    assert abs(point.GetX() - DUOMO_3003[0]) < 0.5 and abs(point.GetY() - DUOMO_3003[1]) < 0.5
    assert report.files[0].count == 1 and report.verification
    leggimi = (folder / "LEGGIMI.txt").read_text(encoding="utf-8")
    assert "end_date: elementi senza data (campo vuoto): 1." in leggimi
    assert "interventions_point.shp — 1 elementi (punti" in leggimi and "EPSG:3003 — Monte Mario" in leggimi


@pytest.mark.parametrize("epsg", [6707, 4326])
def test_known_point_in_other_crs_and_prj_identifies(tmp_path, epsg):
    x, y = _duomo(6707)
    path = _store(tmp_path, point=[(f"MULTIPOINT({x} {y})", intervention())])
    zip_path = str(tmp_path / "p.zip")
    export_package(_store_sources(path, ["point"]), ExportOptions(crs=f"EPSG:{epsg}"), zip_path)
    folder = _unzip(zip_path, tmp_path)
    assert epsg_of_prj(str(folder / "interventions_point.prj")) == str(epsg)
    [(wkt, _)] = _rows(folder / "interventions_point.shp")
    point = ogr.CreateGeometryFromWkt(wkt)
    ex, ey = _duomo(epsg)
    tolerance = 1e-6 if epsg == 4326 else 0.01
    assert abs(point.GetX() - ex) < tolerance and abs(point.GetY() - ey) < tolerance
    if epsg == 4326:  # Piazza del Duomo, Prato: lon 11.09, lat 43.88
        assert 11.09 < point.GetX() < 11.10 and 43.88 < point.GetY() < 43.885


@pytest.mark.parametrize("policy", [LongTextPolicy.SPLIT, LongTextPolicy.TRUNCATE])
def test_300_character_descriptions(tmp_path, policy):
    long_text = ("Piazza del Duomo – lato nord: à è é ì ò ù. " * 8)[:300]
    assert len(long_text) == 300 and len(long_text.encode()) > 254
    path = _store(tmp_path, line=[("MULTILINESTRING((668000 4860000, 668100 4860050))",
                                   intervention(description=long_text)),
                                  ("MULTILINESTRING((668000 4860100, 668100 4860150))",
                                   intervention(description="breve"))])
    zip_path = str(tmp_path / "p.zip")
    report = export_package(_store_sources(path, ["line"]), ExportOptions(long_text=policy), zip_path)
    rows = [values for _, values in _rows(_unzip(zip_path, tmp_path) / "interventions_line.shp")]
    if policy == LongTextPolicy.SPLIT:
        parts = [k for k in rows[0] if k.startswith("descr")]
        assert parts == ["descr", "descr_2"]
        assert rows[0]["descr"] + rows[0]["descr_2"] == long_text
        assert rows[1]["descr"] == "breve" and rows[1]["descr_2"] is None
    else:
        assert "descr_2" not in rows[0]
        assert long_text.startswith(rows[0]["descr"]) and len(rows[0]["descr"].encode()) <= 254
        assert [n.text() for n in report.warnings] == ["descr: texts longer than 254 bytes, truncated: 1."]


def test_a_large_layer_with_a_few_long_descriptions_of_a_selection(tmp_path):
    """Over a thousand rows where a few texts are long: GDAL >= 3.7 then hands the column to NumPy as Python objects
    (QGIS 3.40), which the export once did not expect. Long texts of every row of the selection are joined back
    whole; short ones and rows outside the selection are as they were."""
    def description(i):
        if i % 100 == 7:
            return (f"Intervento {i}: scavo in via Santa Trinità – lato nord, à è é ì ò ù. " * 6)[:300]
        return f"Ripristino {i}"

    rows = [(f"MULTIPOINT({668000 + i} {4860000 + i})", intervention(title=f"Intervento {i}", status="approved",
                                                                     description=description(i)))
            for i in range(1, 1501)]
    path = _store(tmp_path, point=rows)
    zip_path = str(tmp_path / "p.zip")
    source = LayerSource("interventions_point", path, "interventions_point", where='"fid" > 100')
    report = export_package([source], ExportOptions(labels=True), zip_path)
    written = [values for _, values in _rows(_unzip(zip_path, tmp_path) / "interventions_point.shp")]
    assert report.files[0].count == len(written) == 1400
    assert [v["title"] for v in written] == [f"Intervento {i}" for i in range(101, 1501)]
    assert [v["descr"] + (v["descr_2"] or "") for v in written] == [description(i) for i in range(101, 1501)]
    assert sum(1 for v in written if v["descr_2"]) == 14
    assert {v["status"] for v in written} == {"Approvato"}


def test_every_geometry_type_including_multi_and_mixed(tmp_path):
    path = str(tmp_path / "mixed.gpkg")
    fields = [("nome", T.TEXT), ("numero", T.INTEGER)]
    rows = [
        ("POINT (668000 4860000)", {"nome": "punto", "numero": 1}),
        ("MULTIPOINT ((668000 4860000),(668010 4860010))", {"nome": "multipunto", "numero": 2}),
        ("LINESTRING (668000 4860000,668100 4860000)", {"nome": "linea", "numero": 3}),
        ("MULTILINESTRING ((668000 4860000,668100 4860000),(668000 4860100,668100 4860100))",
         {"nome": "multilinea", "numero": 4}),
        ("POLYGON ((668000 4860000,668100 4860000,668100 4860100,668000 4860000))", {"nome": "poligono", "numero": 5}),
        ("MULTIPOLYGON (((668000 4860000,668100 4860000,668100 4860100,668000 4860000)),"
         "((668200 4860000,668300 4860000,668300 4860100,668200 4860000)))", {"nome": "multipoligono", "numero": 6}),
        ("GEOMETRYCOLLECTION (POINT (668050 4860050),LINESTRING (668000 4860000,668000 4860100))",
         {"nome": "misto", "numero": 7}),
        ("POINT Z (668001 4860001 42)", {"nome": "punto z", "numero": 8}),
        (None, {"nome": "senza geometria", "numero": 9}),
    ]
    write_layer(path, "misti", ogr.wkbUnknown, fields, rows)
    zip_path = str(tmp_path / "p.zip")
    report = export_package([LayerSource("Misti", path, "misti")], ExportOptions(), zip_path)
    folder = _unzip(zip_path, tmp_path)
    found = {}
    for kind in ("points", "lines", "polygons"):
        ds = ogr.Open(str(folder / f"Misti_{kind}.shp"))
        layer = ds.GetLayer()
        found[kind] = sorted((f.GetField("numero"), f.GetGeometryRef().GetGeometryName()) for f in layer)
        assert all(f.GetGeometryRef().IsValid() for f in layer)
    assert found["points"] == [(1, "POINT"), (2, "POINT"), (2, "POINT"), (7, "POINT"), (8, "POINT")]
    assert found["lines"] == [(3, "LINESTRING"), (4, "MULTILINESTRING"), (7, "LINESTRING")]
    assert found["polygons"] == [(5, "POLYGON"), (6, "MULTIPOLYGON")]
    codes = {n.code for n in report.notes}
    assert {"exploded", "collection", "zm", "no_geometry"} <= codes
    readme = (folder / "README.txt").read_text(encoding="utf-8")
    assert "Misti: features without geometry, not in the shapefiles: 1." in readme
    assert "Misti: mixed geometries split by type into the file of each type (attributes repeated): 1." in readme


@pytest.mark.parametrize("in_memory", [True, False])
def test_readme_and_names_for_several_layers_with_colliding_names(tmp_path, monkeypatch, in_memory):
    """``in_memory=False``: files too large for GDAL's memory files are written, verified and zipped on disk."""
    if not in_memory:
        from prato_smartcity_plugin.adapters import export_package as module

        monkeypatch.setattr(module, "_IN_MEMORY_BYTES", 0)
    path = str(tmp_path / "other.gpkg")
    fields = [("description", T.INTEGER), ("descriptions", T.TEXT), ("descrizione_lavori_principale", T.TEXT),
              ("descrizione_lavori_secondari", T.TEXT), ("data_di_inizio_lavori", T.DATE)]
    write_layer(path, "cantieri", ogr.wkbLineString, fields,
                [("LINESTRING (668000 4860000,668100 4860000)", {
                    "description": 1, "descriptions": "due", "descrizione_lavori_principale": "scavo",
                    "descrizione_lavori_secondari": "ripristino", "data_di_inizio_lavori": dt.date(2026, 5, 4)})])
    store = _store(tmp_path, polygon=[("MULTIPOLYGON (((668000 4860000,668100 4860000,668100 4860100,668000 "
                                       "4860000)))", intervention(status="approved"))])
    sources = [LayerSource("Cantieri Publiacqua", path, "cantieri", attribution="© Publiacqua S.p.A.",
                           licence="CC-BY 4.0")] + _store_sources(store, ["polygon"])
    zip_path = str(tmp_path / "p.zip")
    export_package(sources, ExportOptions(crs="EPSG:6707", gpkg_copy=True, dxf_copy=True), zip_path)
    folder = _unzip(zip_path, tmp_path)
    [(_, values)] = _rows(folder / "Cantieri_Publiacqua.shp")
    # not the schema's "description" (another type): its name is derived, and the next one does not collide
    assert values == {"descriptio": 1, "descript_2": "due", "deslavpri": "scavo", "deslavsec": "ripristino",
                      "datinilav": "2026/05/04"}
    for name in ("LEGGIMI.txt", "README.txt"):
        text = (folder / name).read_text(encoding="utf-8")
        assert "Cantieri_Publiacqua.shp — 1" in text and "interventions_polygon.shp — 1" in text
        assert "descript_2 = descriptions" in text and "resp_body  = responsible_body" in text
        assert "EPSG:6707" in text and "© Publiacqua S.p.A." in text and "CC-BY 4.0" in text
        assert "approved = Approvato" in text
    assert "elementi" in (folder / "LEGGIMI.txt").read_text(encoding="utf-8")
    assert (folder / "package.gpkg").is_file() and (folder / "Cantieri_Publiacqua.dxf").is_file()
    gpkg = ogr.Open(str(folder / "package.gpkg"))
    assert gpkg.GetLayerByName("Cantieri Publiacqua").GetFeatureCount() == 1


def test_user_override_is_used_and_a_bad_one_is_refused(tmp_path):
    path = _store(tmp_path, point=[("MULTIPOINT(668000 4860000)", intervention(street="via Cairoli"))])
    zip_path = str(tmp_path / "p.zip")
    export_package(_store_sources(path, ["point"]), ExportOptions(overrides={"street": "via"}), zip_path)
    [(_, values)] = _rows(_unzip(zip_path, tmp_path) / "interventions_point.shp")
    assert values["via"] == "via Cairoli"
    with pytest.raises(InputError):
        export_package(_store_sources(path, ["point"]), ExportOptions(overrides={"street": "title"}),
                       str(tmp_path / "q.zip"))
    assert not (tmp_path / "q.zip").exists()


def test_empty_selection_gives_a_clear_message_and_no_zip(tmp_path, clean_project):
    from qgis.core import QgsVectorLayer

    from prato_smartcity_plugin.adapters.export_layers import source_from_layer

    path = _store(tmp_path, point=[("MULTIPOINT(668000 4860000)", intervention())])
    layer = QgsVectorLayer(f"{path}|layername=interventions_point", "interventions_point", "ogr")
    assert layer.isValid()
    with pytest.raises(InputError) as caught:
        source_from_layer(layer, True, str(tmp_path))
    assert "No feature is selected" in caught.value.message
    empty = str(tmp_path / "empty.zip")
    with pytest.raises(InputError) as caught:
        export_package([LayerSource("x", path, "interventions_line")], ExportOptions(), empty)
    assert "Nothing to export" in caught.value.message
    assert not os.path.exists(empty)


def test_selection_subset_and_metadata_of_qgis_layers(tmp_path, clean_project):
    from qgis.core import QgsLayerMetadata, QgsVectorLayer

    from prato_smartcity_plugin.adapters.export_layers import source_from_layer

    path = _store(tmp_path, point=[(f"MULTIPOINT({668000 + i} 4860000)", intervention(title=f"n{i}"))
                                   for i in range(5)])
    layer = QgsVectorLayer(f"{path}|layername=interventions_point", "interventions_point", "ogr")
    layer.setSubsetString("title <> 'n0'")
    layer.selectByExpression("title IN ('n0', 'n1', 'n3')")
    metadata = QgsLayerMetadata()
    metadata.setRights(["© Comune di Prato"])
    metadata.setLicenses(["CC-BY 4.0"])
    layer.setMetadata(metadata)
    memory = QgsVectorLayer("LineString?crs=EPSG:4326&field=nome:string", "memoria", "memory")
    from qgis.core import QgsFeature, QgsGeometry

    feature = QgsFeature(memory.fields())
    feature.setAttributes(["Santa Trinità"])
    feature.setGeometry(QgsGeometry.fromWkt("LINESTRING (11.09 43.88, 11.10 43.885)"))
    memory.dataProvider().addFeatures([feature])
    sources = [source_from_layer(layer, True, str(tmp_path)), source_from_layer(memory, False, str(tmp_path))]
    zip_path = str(tmp_path / "p.zip")
    export_package(sources, ExportOptions(), zip_path)
    folder = _unzip(zip_path, tmp_path)
    assert sorted(v["title"] for _, v in _rows(folder / "interventions_point.shp")) == ["n1", "n3"]
    assert [v["nome"] for _, v in _rows(folder / "memoria.shp")] == ["Santa Trinità"]
    text = (folder / "LEGGIMI.txt").read_text(encoding="utf-8")
    assert "© Comune di Prato" in text and "Licenza: CC-BY 4.0" in text


def test_processing_algorithm(tmp_path, qgis_processing):
    import processing
    from qgis.core import QgsApplication, QgsProcessingException

    from prato_smartcity_plugin.processing_provider.provider import PratoSmartCityProvider

    provider = PratoSmartCityProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    try:
        path = _store(tmp_path, line=[("MULTILINESTRING((668000 4860000, 668100 4860050))", intervention())])
        out = str(tmp_path / "alg.zip")
        result = processing.run("pratosmartcity:export_contractor_package", {
            "LAYERS": [f"{path}|layername=interventions_line"], "CRS": "EPSG:3003", "LONG_TEXT": 1,
            "NAME_OVERRIDES": "street=via", "OUTPUT": out})
        assert result["OUTPUT"] == out and result["FEATURES"] == 1
        with zipfile.ZipFile(out) as archive:
            assert "LEGGIMI.txt" in archive.namelist()
        with pytest.raises(QgsProcessingException):
            processing.run("pratosmartcity:export_contractor_package", {
                "LAYERS": [f"{path}|layername=interventions_line"], "SELECTED_ONLY": True,
                "OUTPUT": str(tmp_path / "none.zip")})
        assert not (tmp_path / "none.zip").exists()
    finally:
        QgsApplication.processingRegistry().removeProvider(provider)


def test_qgis_process_command_line(tmp_path):
    """As the README says: the plugin on QGIS_PLUGINPATH, enabled in the profile, run with ``qgis_process.bin``."""
    plugins = tmp_path / "plugins" / "prato_smartcity_plugin"
    plugins.mkdir(parents=True)
    for entry in (REPO / "prato_smartcity_plugin").iterdir():
        (plugins / entry.name).symlink_to(entry)
    (plugins / "metadata.txt").symlink_to(REPO / "metadata.txt")
    profile = tmp_path / "profile" / "profiles" / "default" / "QGIS"
    profile.mkdir(parents=True)
    (profile / "QGIS3.ini").write_text("[PythonPlugins]\nprato_smartcity_plugin=true\n")
    path = _store(tmp_path, polygon=[("MULTIPOLYGON (((668000 4860000,668100 4860000,668100 4860100,668000 "
                                      "4860000)))", intervention(title=ITALIAN[0]))])
    out = tmp_path / "cli.zip"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_PLUGINPATH=str(tmp_path / "plugins"),
               QGIS_CUSTOM_CONFIG_PATH=str(tmp_path / "profile"))
    completed = subprocess.run(
        ["qgis_process.bin", "run", "pratosmartcity:export_contractor_package", "--",
         f"LAYERS={path}|layername=interventions_polygon", "CRS=EPSG:3003", f"OUTPUT={out}"],
        env=env, capture_output=True, text=True, timeout=300)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    folder = _unzip(out, tmp_path)
    shp = next(folder.glob("*.shp"))
    assert [v["title"] for _, v in _rows(shp)] == [ITALIAN[0]]
    assert epsg_of_prj(str(shp.with_suffix(".prj"))) == "3003"


def test_verification_catches_a_writer_that_drifts_from_the_rules(tmp_path, monkeypatch):
    """The SQL writer and the core's rules are two implementations: the verification must notice when they differ
    (here the writer is made to upper-case titles) and then no ZIP is written."""
    from prato_smartcity_plugin.adapters import export_package as module
    from prato_smartcity_plugin.core.errors import ExportError

    original = module._Source.select_expressions

    def drifting(self):
        return [e.replace('"title" AS "title"', 'upper("title") AS "title"') for e in original(self)]

    monkeypatch.setattr(module._Source, "select_expressions", drifting)
    path = _store(tmp_path, point=[("MULTIPOINT(668000 4860000)", intervention(title="Santa Trinità"))])
    out = tmp_path / "drift.zip"
    with pytest.raises(ExportError) as caught:
        export_package(_store_sources(path, ["point"]), ExportOptions(), str(out))
    assert "did not verify" in caught.value.message
    assert "SANTA TRINITà" in caught.value.details  # SQLite's upper() is ASCII-only
    assert not out.exists() and not list(tmp_path.glob("prato-export-*")) and not list(tmp_path.glob("*.part"))


@pytest.mark.parametrize("drift", [False, True])
def test_no_file_is_left_in_memory_or_on_disk(tmp_path, monkeypatch, drift):
    """The shapefiles are written and verified in GDAL's memory files: none is left behind, whether the package
    verified or not."""
    from prato_smartcity_plugin.adapters import export_package as module
    from prato_smartcity_plugin.adapters.gdal_errors import gdal_exceptions
    from prato_smartcity_plugin.core.errors import ExportError

    if drift:
        original = module._Source.select_expressions
        monkeypatch.setattr(module._Source, "select_expressions", lambda self: [
            e.replace('"title" AS "title"', "'x' AS \"title\"") for e in original(self)])
    long_text = "Piazza del Duomo – lato nord, à è é ì ò ù. " * 8
    path = _store(tmp_path, point=[("MULTIPOINT(668000 4860000)", intervention(description=long_text))],
                  line=[("MULTILINESTRING((668000 4860000, 668100 4860050))", intervention())])
    seen: list[str] = []
    writer = module.PackageWriter(_store_sources(path), ExportOptions(), str(tmp_path / "p.zip"),
                                  progress=lambda fraction, message: seen.extend(gdal.ReadDir(writer.memory) or []))
    with gdal_exceptions():
        if drift:
            with pytest.raises(ExportError):
                writer.write()
        else:
            writer.write()
    assert {"interventions_point.dbf", "interventions_line.shp"} <= set(seen)  # written there...
    assert not gdal.ReadDir(writer.memory)  # ...and removed
    assert (tmp_path / "p.zip").exists() != drift
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["interventions.gpkg"] + ([] if drift else ["p.zip"]))


def test_labels_are_italian_whatever_the_ui_language(tmp_path):
    """A real .qm (compiled here with lrelease from a one-message .ts) installed for Italian only."""
    from prato_smartcity_plugin.adapters import i18n
    from prato_smartcity_plugin.core import i18n as core_i18n

    ts = tmp_path / "it.ts"
    ts.write_text('<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="it_IT">'
                  "<context><name>PratoSmartCity</name><message><source>Road works</source>"
                  "<translation>Lavori stradali</translation></message></context></TS>", encoding="utf-8")
    subprocess.run(["lrelease", str(ts), "-qm", str(tmp_path / "it.qm")], check=True, capture_output=True)
    assert i18n.install_language("it", str(tmp_path / "it.qm"))
    try:
        path = _store(tmp_path, point=[("MULTIPOINT(668000 4860000)", intervention(category="road_works"))])
        zip_path = str(tmp_path / "p.zip")
        export_package(_store_sources(path, ["point"]), ExportOptions(labels=True), zip_path)
        folder = _unzip(zip_path, tmp_path)
        [(_, values)] = _rows(folder / "interventions_point.shp")
        assert values["category"] == "Lavori stradali"
        assert "road_works = Lavori stradali" in (folder / "LEGGIMI.txt").read_text(encoding="utf-8")
        assert core_i18n.translate("PratoSmartCity", "Road works") == "Road works"  # the UI's language is untouched
    finally:
        core_i18n.install_language_translator("it", None)


def test_cancelled_export_leaves_no_zip(tmp_path):
    from prato_smartcity_plugin.core.errors import CancelledError

    path = _store(tmp_path, point=[("MULTIPOINT(668000 4860000)", intervention())])
    out = tmp_path / "cancelled.zip"
    with pytest.raises(CancelledError):
        export_package(_store_sources(path, ["point"]), ExportOptions(), str(out), cancelled=lambda: True)
    assert not out.exists() and not list(tmp_path.glob("*.part")) and not list(tmp_path.glob("prato-export-*"))


def test_a_geometry_already_invalid_in_the_source_is_reported_not_hidden(tmp_path):
    bowtie = "MULTIPOLYGON (((668800 4859800,669000 4860000,669000 4859800,668800 4860000,668800 4859800)))"
    path = _store(tmp_path, polygon=[(bowtie, intervention(title="farfalla"))])
    zip_path = str(tmp_path / "p.zip")
    report = export_package(_store_sources(path, ["polygon"]), ExportOptions(crs="EPSG:3003"), zip_path)
    assert [n.text("en") for n in report.warnings] == [
        "interventions_polygon.shp: geometries already invalid in the source layer: 1."]
    text = (_unzip(zip_path, tmp_path) / "LEGGIMI.txt").read_text(encoding="utf-8")
    assert "interventions_polygon.shp: geometrie già non valide nel layer di origine: 1." in text


def test_the_process_gdal_exception_setting_is_left_as_it_was(tmp_path):
    from osgeo import osr

    before = (gdal.GetUseExceptions(), ogr.GetUseExceptions(), osr.GetUseExceptions())
    path = _store(tmp_path, point=[("MULTIPOINT(668000 4860000)", intervention())])
    export_package(_store_sources(path, ["point"]), ExportOptions(), str(tmp_path / "p.zip"))
    with pytest.raises(InputError):
        export_package([LayerSource("x", path, "interventions_line")], ExportOptions(), str(tmp_path / "q.zip"))
    assert (gdal.GetUseExceptions(), ogr.GetUseExceptions(), osr.GetUseExceptions()) == before
