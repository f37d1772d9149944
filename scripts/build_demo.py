#!/usr/bin/python3
"""Builds the Prato demo data and project from the real data in ``../shared/data/prato`` (see its SOURCES.md).

Output (committed): ``resources/demo/prato_demo.gpkg`` (EPSG:6707, one layer per source, each with its QGIS layer
metadata — attribution, licence, source, provenance — stored in the GeoPackage's metadata tables and its style in
``layer_styles``), ``resources/demo/prato_demo.qgz`` (relative paths) and ``resources/demo/SOURCES.md``.
Styles come from ``resources/styles/<layer>.qml``; ``--write-styles`` regenerates those files from the cartography
defined below first.

Run with Debian's Python and QGIS:  /usr/bin/python3 scripts/build_demo.py [--data DIR] [--write-styles]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "prato"
DEMO_DIR = REPO / "resources" / "demo"
STYLES_DIR = REPO / "resources" / "styles"
GPKG = DEMO_DIR / "prato_demo.gpkg"
PROJECT = DEMO_DIR / "prato_demo.qgz"
CRS = "EPSG:6707"

OSM_ATTRIBUTION = "© OpenStreetMap contributors"
ODBL = "Open Database License (ODbL) 1.0 — https://opendatacommons.org/licenses/odbl/1-0/"
CC_BY = "Creative Commons Attribution 4.0 International (CC BY 4.0) — https://creativecommons.org/licenses/by/4.0/"


@dataclass
class DemoLayer:
    """One layer of the demo GeoPackage and what its metadata says about where it comes from."""

    name: str  # table name in the GeoPackage and .qml file name
    title: str  # layer name in the project
    source: str  # path under the data folder
    abstract: str
    attribution: str
    licence: str
    source_url: str
    provenance: list[str]
    keywords: list[str]
    category: str
    drop_fields: list[str] = field(default_factory=list)


#: The Wi-Fi layers both come from the city's coverage file.
WIFI_ORIGIN = dict(
    attribution="Comune di Prato (open data), via iltempe/opendataprato",
    licence="Comune di Prato open data: CC BY by default (Delibera C.C. 130/2014); the source file states no "
            "licence. " + CC_BY,
    source_url="https://github.com/iltempe/opendataprato/blob/1b06fbe4b07e169a4de431777f2f8fc78621001e/"
               "wifi-free.geojson",
)
WIFI_PROVENANCE = [
    "Comune di Prato open data catalogue: wifi_copertura.kml (public Wi-Fi coverage).",
    "iltempe/opendataprato, wifi-free.geojson, commit 1b06fbe4b07e169a4de431777f2f8fc78621001e (2016-04), "
    "converted from KML with ogr2ogr.",
]

LAYERS = [
    DemoLayer(
        name="wifi_access_points",
        title="Wi-Fi access points (derived)",
        source="wifi/wifi_coverage_centroids_derived_epsg4326.geojson",
        abstract="One point per public Wi-Fi coverage area of the Comune di Prato (the centroid of the area, from its "
                 "X_coord/Y_coord in EPSG:3003), with the place name parsed from DocName. A stand-in for the "
                 "access-point positions, which the city does not publish.",
        **WIFI_ORIGIN,
        provenance=[
            *WIFI_PROVENANCE,
            "DERIVED: one point per coverage polygon from X_coord/Y_coord, name parsed from DocName "
            "(wifi_coverage_centroids_derived_epsg4326.geojson).",
            "Reprojected to EPSG:6707 (RDN2008 / UTM zone 32N) by scripts/build_demo.py.",
        ],
        keywords=["wifi", "PRATOWIFI", "access point", "Prato"],
        category="utilitiesCommunication",
    ),
    DemoLayer(
        name="cycle_paths",
        title="Cycle paths (OpenStreetMap)",
        source="cycleways/ciclabili.geojson",
        abstract="Cycle paths and cycle lanes of the Comune di Prato from OpenStreetMap (highway=cycleway and "
                 "cycleway=*), 224 ways, 48.5 km. The OSM tags are kept as a JSON object in the 'tags' field.",
        attribution=OSM_ATTRIBUTION,
        licence=ODBL,
        source_url="https://github.com/iltempe/opendataprato/blob/0d36190ed2277d40dfdeba30fed7d647142e8a9d/"
                   "ciclabili.geojson",
        provenance=[
            "OpenStreetMap export (highway=cycleway and cycleway=*) for the Comune di Prato.",
            "iltempe/opendataprato, ciclabili.geojson, commit 0d36190ed2277d40dfdeba30fed7d647142e8a9d (2016-04).",
            "Nested 'tags', 'relations' and 'meta' kept as JSON text; reprojected to EPSG:6707 by "
            "scripts/build_demo.py.",
        ],
        keywords=["cycling", "cycle path", "OpenStreetMap", "Prato"],
        category="transportation",
    ),
    DemoLayer(
        name="wifi_coverage_areas",
        title="Wi-Fi coverage areas",
        source="wifi/wifi-free.geojson",
        abstract="Coverage areas of the free municipal Wi-Fi hotspots of the Comune di Prato (25 polygons). "
                 "Coverage areas, not antenna positions. X_coord/Y_coord are the centroid in EPSG:3003.",
        **WIFI_ORIGIN,
        provenance=[
            *WIFI_PROVENANCE,
            "Reprojected to EPSG:6707 by scripts/build_demo.py; the empty KML leftover fields (Name, description, "
            "timestamp, begin, end, altitudeMode, tessellate, extrude, visibility) are not copied.",
        ],
        keywords=["wifi", "PRATOWIFI", "coverage", "Prato"],
        category="utilitiesCommunication",
        drop_fields=["Name", "description", "timestamp", "begin", "end", "altitudeMode", "tessellate", "extrude",
                     "visibility"],
    ),
    DemoLayer(
        name="prato_comune",
        title="Comune di Prato",
        source="boundary/prato_comune_100005.geojson",
        abstract="Administrative boundary of the Comune di Prato (ISTAT code 100005), generalised (154 vertices).",
        attribution="ISTAT, via openpolis/geojson-italy",
        licence=CC_BY,
        source_url="https://github.com/openpolis/geojson-italy/blob/d0df31d57b015bfc4e9b3ff178967b9fde74fae0/"
                   "geojson/limits_P_100_municipalities.geojson",
        provenance=[
            "ISTAT administrative boundaries.",
            "openpolis/geojson-italy, geojson/limits_P_100_municipalities.geojson, commit "
            "d0df31d57b015bfc4e9b3ff178967b9fde74fae0 (2023-06).",
            "DERIVED: the Prato feature alone (com_istat_code 100005); reprojected to EPSG:6707 by "
            "scripts/build_demo.py.",
        ],
        keywords=["boundary", "comune", "ISTAT", "Prato"],
        category="boundaries",
    ),
]

OSM_XYZ = "type=xyz&url=https://tile.openstreetmap.org/{z}/{x}/{y}.png&zmax=19&zmin=0"


def _qgis():
    from qgis.core import QgsApplication

    app = QgsApplication([], True)
    QgsApplication.setPrefixPath("/usr", True)
    app.initQgis()
    return app


def metadata_for(spec: DemoLayer):
    from qgis.core import QgsAbstractMetadataBase, QgsCoordinateReferenceSystem, QgsLayerMetadata

    md = QgsLayerMetadata()
    md.setIdentifier(f"prato_demo/{spec.name}")
    md.setParentIdentifier("prato_smartcity_plugin/demo")
    md.setTitle(spec.title)
    md.setType("dataset")
    md.setLanguage("ITA")
    md.setAbstract(f"{spec.abstract}\n\nAttribution: {spec.attribution}.")
    md.setRights([f"Attribution: {spec.attribution}"])
    md.setLicenses([spec.licence])
    md.setHistory(spec.provenance)
    md.setKeywords({"gmd:topicCategory": [spec.category], "keywords": spec.keywords})
    md.setCategories([spec.category])
    md.setCrs(QgsCoordinateReferenceSystem(CRS))
    link = QgsAbstractMetadataBase.Link("Source", "WWW:LINK", spec.source_url)
    link.description = "The file this layer was copied from"
    md.addLink(link)
    return md


def _plain(value):
    """GeoJSON nested objects/arrays (QVariantMap/List from OGR) become JSON text; NULL stays NULL."""
    from qgis.PyQt.QtCore import QVariant

    if isinstance(value, QVariant):
        return None if value.isNull() else value.value()
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def copy_layer(spec: DemoLayer, data_dir: Path):
    """Reads the source GeoJSON, reprojects it to EPSG:6707 and appends it to the demo GeoPackage."""
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransform,
        QgsFeature,
        QgsField,
        QgsFields,
        QgsProject,
        QgsVectorFileWriter,
        QgsVectorLayer,
        QgsWkbTypes,
    )
    from qgis.PyQt.QtCore import QVariant

    src = QgsVectorLayer(str(data_dir / spec.source), spec.name, "ogr")
    if not src.isValid():
        raise SystemExit(f"cannot read {data_dir / spec.source}")
    fields = QgsFields()
    kept = []
    for index, src_field in enumerate(src.fields()):
        if src_field.name() in spec.drop_fields:
            continue
        if src_field.type() in (QVariant.Map, QVariant.List, QVariant.StringList) or src_field.typeName() == "JSON":
            out_field = QgsField(src_field.name(), QVariant.String, "String")
        else:
            out_field = QgsField(src_field)
        fields.append(out_field)
        kept.append(index)
    transform = QgsCoordinateTransform(src.crs(), QgsCoordinateReferenceSystem(CRS), QgsProject.instance())
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = spec.name
    options.fileEncoding = "UTF-8"
    options.actionOnExistingFile = (QgsVectorFileWriter.CreateOrOverwriteLayer if GPKG.exists()
                                    else QgsVectorFileWriter.CreateOrOverwriteFile)
    options.layerOptions = ["SPATIAL_INDEX=YES", f"IDENTIFIER={spec.title}", f"DESCRIPTION={spec.abstract}"]
    writer = QgsVectorFileWriter.create(str(GPKG), fields, QgsWkbTypes.multiType(src.wkbType()),
                                        QgsCoordinateReferenceSystem(CRS), QgsProject.instance().transformContext(),
                                        options)
    if writer.hasError():
        raise SystemExit(f"cannot write {spec.name}: {writer.errorMessage()}")
    count = 0
    for src_feature in src.getFeatures():
        geometry = src_feature.geometry()
        geometry.transform(transform)
        geometry.convertToMultiType()
        feature = QgsFeature(fields)
        feature.setGeometry(geometry)
        feature.setAttributes([_plain(src_feature.attribute(i)) for i in kept])
        if not writer.addFeature(feature):
            raise SystemExit(f"cannot write a feature of {spec.name}: {writer.errorMessage()}")
        count += 1
    del writer  # flushes and closes the layer
    return count


def store_metadata(spec: DemoLayer):
    """The QGIS layer metadata goes into gpkg_metadata (QGIS reads it back when the layer is loaded)."""
    from qgis.core import QgsProviderRegistry

    uri = f"{GPKG}|layername={spec.name}"
    ok, error = QgsProviderRegistry.instance().saveLayerMetadata("ogr", uri, metadata_for(spec))
    if not ok:
        raise SystemExit(f"cannot store the metadata of {spec.name}: {error}")


# ---------------------------------------------------------------------------------------------------------------------
# Cartography (only used with --write-styles; the .qml files in resources/styles are what the project uses)

BLUE_DARK = "8,81,156"
BLUE = "49,130,189"
GREEN_DARK = "0,109,44"
ORANGE = "230,85,13"


def _label_settings(expression: str, size: float, colour: str, placement, min_scale: float, bold=False):
    from qgis.core import QgsPalLayerSettings, QgsTextBufferSettings, QgsTextFormat
    from qgis.PyQt.QtGui import QColor, QFont

    text = QgsTextFormat()
    font = QFont("Noto Sans")
    font.setBold(bold)
    text.setFont(font)
    text.setSize(size)
    text.setColor(QColor(f"rgb({colour})"))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    buffer.setColor(QColor("white"))
    buffer.setOpacity(0.85)
    text.setBuffer(buffer)
    settings = QgsPalLayerSettings()
    settings.setFormat(text)
    settings.fieldName = expression
    settings.isExpression = True
    settings.placement = placement
    settings.dist = 1.2  # mm between a point and its label
    settings.scaleVisibility = True
    settings.maximumScale = 0
    settings.minimumScale = min_scale
    return settings


def write_styles():
    from qgis.core import (
        QgsFillSymbol,
        QgsLineSymbol,
        QgsMarkerSymbol,
        QgsPalLayerSettings,
        QgsRuleBasedRenderer,
        QgsSimpleFillSymbolLayer,
        QgsSingleSymbolRenderer,
        QgsVectorLayer,
        QgsVectorLayerSimpleLabeling,
    )

    STYLES_DIR.mkdir(parents=True, exist_ok=True)

    def layer(name):
        return QgsVectorLayer(f"{GPKG}|layername={name}", name, "ogr")

    # Comune boundary: a soft halo inside a firm dark outline, no fill, so everything under it stays readable.
    boundary = layer("prato_comune")
    symbol = QgsFillSymbol.createSimple({"style": "no", "outline_color": "60,60,60,255", "outline_width": "0.7",
                                         "outline_style": "dash", "joinstyle": "round"})
    halo = QgsSimpleFillSymbolLayer.create({"style": "no", "outline_color": "120,120,120,70", "outline_width": "3",
                                            "joinstyle": "round"})
    symbol.insertSymbolLayer(0, halo)
    boundary.setRenderer(QgsSingleSymbolRenderer(symbol))
    boundary.setLabeling(None)
    boundary.setLabelsEnabled(False)

    # Coverage areas: translucent blue, so overlapping coverage reads darker.
    coverage = layer("wifi_coverage_areas")
    coverage.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {"color": f"{BLUE},90", "outline_color": f"{BLUE_DARK},200", "outline_width": "0.3"})))

    # Access points: a dark blue dot with a white ring; names from 1:15,000.
    points = layer("wifi_access_points")
    points.setRenderer(QgsSingleSymbolRenderer(QgsMarkerSymbol.createSimple(
        {"name": "circle", "color": f"{BLUE_DARK},255", "outline_color": "255,255,255,255", "outline_width": "0.5",
         "size": "3"})))
    points.setLabeling(QgsVectorLayerSimpleLabeling(_label_settings(
        "coalesce(\"name\", 'Wi-Fi ' || \"ID\")", 8, BLUE_DARK, QgsPalLayerSettings.OrderedPositionsAroundPoint,
        15000)))
    points.setLabelsEnabled(True)

    # Cycle paths: dedicated paths solid green, lanes and tracks along roads dashed orange; names from 1:10,000.
    cycle = layer("cycle_paths")
    highway = "map_get(json_to_map(\"tags\"), 'highway')"
    root = QgsRuleBasedRenderer.Rule(None)
    for label, expression, properties in (
        ("Cycle path", f"{highway} = 'cycleway'",
         {"line_color": f"{GREEN_DARK},255", "line_width": "0.8", "capstyle": "round", "joinstyle": "round"}),
        ("Cycle lane on a road", "ELSE",
         {"line_color": f"{ORANGE},255", "line_width": "0.6", "line_style": "dash", "capstyle": "flat"}),
    ):
        rule = QgsRuleBasedRenderer.Rule(QgsLineSymbol.createSimple(properties), 0, 0,
                                         "" if expression == "ELSE" else expression, label)
        if expression == "ELSE":
            rule.setIsElse(True)
        root.appendChild(rule)
    cycle.setRenderer(QgsRuleBasedRenderer(root))
    cycle.setLabeling(QgsVectorLayerSimpleLabeling(_label_settings(
        "map_get(json_to_map(\"tags\"), 'name')", 7.5, GREEN_DARK, QgsPalLayerSettings.Line, 10000)))
    cycle.setLabelsEnabled(True)

    for vector in (boundary, coverage, points, cycle):
        message, ok = vector.saveNamedStyle(str(STYLES_DIR / f"{vector.name()}.qml"))
        if not ok:
            raise SystemExit(f"cannot write the style of {vector.name()}: {message}")


# ---------------------------------------------------------------------------------------------------------------------


def build_project():
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsProject,
        QgsRasterLayer,
        QgsRectangle,
        QgsReferencedRectangle,
        QgsVectorLayer,
    )
    from qgis.gui import QgsMapCanvas

    project = QgsProject.instance()
    project.clear()
    project.setFileName(str(PROJECT))
    project.setTitle("Prato Smart City — demo")
    project.setCrs(QgsCoordinateReferenceSystem(CRS))
    project.writeEntry("Paths", "/Absolute", False)
    project.setEllipsoid("EPSG:7019")  # GRS 1980, the ellipsoid of RDN2008
    md = project.metadata()
    md.setTitle("Prato Smart City — demo")
    attributions = [f"{spec.title}: {spec.attribution}" for spec in LAYERS]
    attributions.append(f"OpenStreetMap tiles: {OSM_ATTRIBUTION}")
    md.setAbstract("Demo project of the Prato Smart City QGIS plugin: real public data about the Comune di Prato.\n\n"
                   "Attributions: " + "; ".join(attributions) + ".\n\nLicences and provenance: each layer's metadata "
                   "and SOURCES.md beside this project.")
    md.setAuthor("Comune di Prato – Smart City team")
    project.setMetadata(md)

    layers = []
    for spec in LAYERS:
        layer = QgsVectorLayer(f"{GPKG}|layername={spec.name}", spec.title, "ogr")
        if not layer.isValid():
            raise SystemExit(f"invalid layer {spec.name}")
        message, ok = layer.loadNamedStyle(str(STYLES_DIR / f"{spec.name}.qml"))
        if not ok:
            raise SystemExit(f"cannot load the style of {spec.name}: {message}")
        layer.setMetadata(metadata_for(spec))
        layer.setAttribution(spec.attribution)
        layer.setShortName(spec.name)
        layers.append(layer)
        # The style also travels inside the GeoPackage, as the layer's default style.
        layer.saveStyleToDatabase(spec.name, f"Prato demo style for {spec.title}", True, "")

    osm = QgsRasterLayer(OSM_XYZ, "OpenStreetMap (online)", "wms")
    osm_md = osm.metadata()
    osm_md.setRights([f"Map tiles: {OSM_ATTRIBUTION}"])
    osm_md.setLicenses([ODBL])
    osm_md.setAbstract("OpenStreetMap standard tiles. Needs the internet; switched off by default.")
    osm.setMetadata(osm_md)

    root = project.layerTreeRoot()
    for layer in [*layers, osm]:  # top to bottom; the online basemap last, switched off (the demo works offline)
        project.addMapLayer(layer, False)
        root.addLayer(layer)
    root.findLayer(osm.id()).setItemVisibilityChecked(False)

    extent = QgsRectangle(layers[-1].extent())
    extent.scale(1.08)
    project.viewSettings().setDefaultViewExtent(QgsReferencedRectangle(extent, QgsCoordinateReferenceSystem(CRS)))
    # QGIS desktop restores the view from the project's <mapcanvas name="theMapCanvas">: a canvas writes it.
    canvas = QgsMapCanvas()
    canvas.setObjectName("theMapCanvas")
    canvas.resize(1000, 800)
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem(CRS))
    canvas.setLayers([*layers])
    canvas.setExtent(extent)
    if not project.write(str(PROJECT)):
        raise SystemExit(f"cannot write {PROJECT}: {project.error()}")
    project.clear()
    canvas.deleteLater()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared Prato data folder")
    parser.add_argument("--write-styles", action="store_true", help="regenerate resources/styles/*.qml first")
    args = parser.parse_args(argv)
    app = _qgis()
    DEMO_DIR.mkdir(parents=True, exist_ok=True)
    for leftover in (GPKG, PROJECT, Path(f"{GPKG}-wal"), Path(f"{GPKG}-shm")):
        leftover.unlink(missing_ok=True)
    for spec in LAYERS:
        count = copy_layer(spec, args.data)
        print(f"{spec.name}: {count} features")
    for spec in LAYERS:
        store_metadata(spec)
    if args.write_styles:
        write_styles()
    build_project()
    shutil.copyfile(args.data / "SOURCES.md", DEMO_DIR / "SOURCES.md")
    print(f"wrote {GPKG.relative_to(REPO)}, {PROJECT.relative_to(REPO)}, resources/demo/SOURCES.md")
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
