"""The cycle network as Processing algorithms: import cycle paths onto the typed schema, network measures, missing
links, catchment, before/after. Each writes styled layers and a short report (HTML and CSV, one row per figure).
shapely and numpy are imported inside ``run`` so that QGIS start-up stays fast."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterDistance,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingUtils,
    QgsWkbTypes,
)

from prato_smartcity_plugin.core.i18n import QT_TRANSLATE_NOOP
from prato_smartcity_plugin.processing_provider.base import PratoAlgorithm

GROUP_ID = "cycling"
HTML_FILTER = QT_TRANSLATE_NOOP("_CycleAlgorithm", "HTML files (*.html)")
CSV_FILTER = QT_TRANSLATE_NOOP("_CycleAlgorithm", "CSV files (*.csv)")


class _Styler(QgsProcessingLayerPostProcessorInterface):
    """Applies a style of resources/styles to an output layer when Processing loads it."""

    def __init__(self, style: str):
        super().__init__()
        self.style = style

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        from prato_smartcity_plugin.adapters.cycling import apply_style

        apply_style(layer, self.style)


class _CycleAlgorithm(PratoAlgorithm):
    """Shared parameters and outputs of the cycle network algorithms."""

    INPUT = "INPUT"
    TOLERANCE = "TOLERANCE"
    CRS = "CRS"
    REPORT_HTML = "REPORT_HTML"
    REPORT_CSV = "REPORT_CSV"

    def group(self):
        return self.tr("Cycle network")

    def flags(self):
        """On shapely 1.x (QGIS 3.22 on Debian 12) the analysis runs on the main thread: shapely 1 shares one GEOS
        context between threads, and a background run crashed when another thread used shapely at the same time."""
        flags = super().flags()
        if shapely_is_thread_safe():
            return flags
        no_threading = getattr(QgsProcessingAlgorithm, "FlagNoThreading", None)
        if no_threading is None:  # QGIS >= 3.36 names
            from qgis.core import Qgis

            no_threading = Qgis.ProcessingAlgorithmFlag.NoThreading
        return flags | no_threading

    def groupId(self):  # noqa: N802
        return GROUP_ID

    def add_network_parameters(self, tolerance: bool = True) -> None:
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Cycle paths"), [QgsProcessing.TypeVectorLine]))
        if tolerance:
            parameter = QgsProcessingParameterDistance(
                self.TOLERANCE, self.tr("Snapping tolerance (metres, in the analysis CRS)"), 2.0, minValue=0.0)
            parameter.setDefaultUnit(QgsUnitTypes_meters())
            self.addParameter(parameter)
        self.addParameter(QgsProcessingParameterCrs(
            self.CRS, self.tr("Analysis CRS (projected; geographic input is reprojected)"), "EPSG:6707",
            optional=True))

    def add_report_outputs(self) -> None:
        self.addParameter(QgsProcessingParameterFileDestination(
            self.REPORT_HTML, self.tr("Report (HTML)"), self.tr(HTML_FILTER), optional=True, createByDefault=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.REPORT_CSV, self.tr("Report (CSV)"), self.tr(CSV_FILTER), optional=True, createByDefault=True))

    # -- reading

    def work_crs(self, parameters, context):
        from prato_smartcity_plugin.adapters.cycling import work_crs

        crs = self.parameterAsCrs(parameters, self.CRS, context)
        chosen = work_crs(crs)
        if crs.isValid() and crs.isGeographic():
            from prato_smartcity_plugin.core.errors import InputError
            from prato_smartcity_plugin.core.i18n import translate

            raise InputError(translate("PratoSmartCity",
                                       "The analysis CRS must be projected (metres); {crs} is geographic.")
                             .format(crs=crs.authid()))
        return chosen

    def source(self, parameters, name, context, required=True):
        # invalid geometries (zero-length lines, self-overlaps) are counted and handled by the core, not refused
        context.setInvalidGeometryCheck(QgsFeatureRequest.GeometryNoCheck)
        source = self.parameterAsSource(parameters, name, context)
        if source is None and required:
            from prato_smartcity_plugin.core.errors import InputError
            from prato_smartcity_plugin.core.i18n import translate

            raise InputError(translate("PratoSmartCity", "The layer \"{name}\" is missing or cannot be read.").format(
                name=self.parameterDefinition(name).description()))
        return source

    def read_network(self, parameters, context, feedback, crs, name=None, **options):
        from prato_smartcity_plugin.adapters.cycling import read_cycle_paths

        source = self.source(parameters, name or self.INPUT, context)
        network, records = read_cycle_paths(source, crs, feedback=feedback,
                                            transform_context=context.transformContext(), **options)
        if network.cleaning is not None and network.cleaning.summary():
            feedback.pushWarning(f"{source.sourceName()}: {network.cleaning.summary()}")
        return network, records

    # -- writing

    def sink(self, parameters, name, context, fields, geometry_type, crs, style):
        sink, dest_id = self.parameterAsSink(parameters, name, context, fields, geometry_type, crs)
        if sink is None:
            return None, None
        if context.willLoadLayerOnCompletion(dest_id):
            styler = _Styler(style)
            self._stylers = getattr(self, "_stylers", []) + [styler]  # the post-processor must outlive run()
            context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(styler)
        return sink, dest_id

    def write_reports(self, parameters, context, tables, title, notes=()):
        from prato_smartcity_plugin.core.cycling.report import to_csv, to_html

        results = {}
        html_path = self._report_path(parameters, self.REPORT_HTML, context, "cycle_report.html")
        if html_path:
            Path(html_path).write_text(to_html(tables, title, notes), encoding="utf-8")
            results[self.REPORT_HTML] = html_path
        csv_path = self._report_path(parameters, self.REPORT_CSV, context, "cycle_report.csv")
        if csv_path:
            Path(csv_path).write_text(to_csv(tables), encoding="utf-8-sig")
            results[self.REPORT_CSV] = csv_path
        return results

    def _report_path(self, parameters, name, context, default_name):
        """The report's path; a temporary file when none was given (a report is small and always useful)."""
        if parameters.get(name) is None:
            return QgsProcessingUtils.generateTempFilename(default_name)
        return self.parameterAsFileOutput(parameters, name, context)

    def notes(self, records, analysis: str) -> list[str]:
        """The report's notes: how to read the analysis's table, and the data's attribution."""
        from prato_smartcity_plugin.adapters.cycling import OSM_ATTRIBUTION
        from prato_smartcity_plugin.core.cycling.report import explanation

        notes = [explanation(analysis)]
        if any(r.get("source") == "OpenStreetMap" for r in records.values()):
            notes.append(self.tr("Cycle paths: {attribution}").format(attribution=OSM_ATTRIBUTION))
        return notes


def shapely_is_thread_safe() -> bool:
    """shapely 2 gives each thread its own GEOS context; shapely 1 has one global context (reading the version string
    keeps the import of shapely itself out of QGIS start-up)."""
    try:
        from importlib.metadata import version

        return int(version("shapely").split(".")[0]) >= 2
    except Exception:  # noqa: BLE001 - unknown: be safe
        return False


def QgsUnitTypes_meters():  # noqa: N802 - a small shim: the enum moved between QGIS versions
    from qgis.core import QgsUnitTypes

    return QgsUnitTypes.DistanceMeters


def _network_fields():
    from prato_smartcity_plugin.adapters.cycling import fields_of
    from prato_smartcity_plugin.core.cycling import schema

    return fields_of([(f.name, f.type) for f in schema.FIELDS]
                     + [("length_m", "real"), ("component", "integer"), ("component_km", "real")])


def _write_network(sink, network, records, measures, feedback):
    from prato_smartcity_plugin.core.cycling import schema

    topology = measures.topology
    fields = _network_fields()
    for i, (key, line) in enumerate(zip(network.keys, network.lines)):
        feature = QgsFeature(fields)
        record = dict(records.get(key, {}))
        record["kind"] = network.kinds[i]
        component = int(topology.component[i])
        feature.setAttributes([record.get(f.name) for f in schema.FIELDS]
                              + [round(float(topology.segment_length[i]), 3), component,
                                 round(float(topology.component_length[component - 1]) / 1000.0, 4)])
        feature.setGeometry(QgsGeometry.fromWkt(line.wkt))
        sink.addFeature(feature, QgsFeatureSink.FastInsert)
        if feedback.isCanceled():
            break


class CycleImportAlgorithm(_CycleAlgorithm):
    """Any line layer (an OSM export with nested tags, a QuickOSM layer, the city's data) onto the cycle-path
    schema, with optional field mapping."""

    OUTPUT = "OUTPUT"
    MAPPED = ("name", "kind", "surface", "oneway", "lit")

    def name(self):
        return "cycle_paths_import"

    def displayName(self):  # noqa: N802
        return self.tr("Import cycle paths (typed schema)")

    def shortHelpString(self):  # noqa: N802
        return self.tr("Copies a line layer onto the cycle-path schema (name, kind, surface, one-way, lit, source...). "
                       "OpenStreetMap tags (a nested 'tags' object or one field per key) give the kind: separate "
                       "track, lane, shared with pedestrians, shared with traffic, other. Fields chosen below win "
                       "over the tags. Null, zero-length and non-line geometries are skipped and counted; multi-part "
                       "lines are split.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_network_parameters(tolerance=False)
        for field in self.MAPPED:
            self.addParameter(QgsProcessingParameterField(
                f"FIELD_{field.upper()}", self.tr("Field for '{field}' (optional)").format(field=field),
                parentLayerParameterName=self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Cycle paths"),
                                                            QgsProcessing.TypeVectorLine))

    def execute(self, parameters, context, feedback):
        from prato_smartcity_plugin.adapters.cycling import cycle_path_fields
        from prato_smartcity_plugin.core.cycling import schema

        crs = self.work_crs(parameters, context)
        mapping = {f: self.parameterAsString(parameters, f"FIELD_{f.upper()}", context) for f in self.MAPPED}
        network, records = self.read_network(parameters, context, feedback, crs,
                                              mapping={k: v for k, v in mapping.items() if v})
        fields = cycle_path_fields()
        sink, dest_id = self.sink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.LineString, crs,
                                  "cycle_network")
        for key, line in zip(network.keys, network.lines):
            feature = QgsFeature(fields)
            feature.setAttributes([records[key].get(f.name) for f in schema.FIELDS])
            feature.setGeometry(QgsGeometry.fromWkt(line.wkt))
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        cleaning = network.cleaning
        return {self.OUTPUT: dest_id, "FEATURES": len(network.lines),
                "SKIPPED": int(sum(cleaning.skipped.values())) if cleaning else 0}


class CycleNetworkMeasuresAlgorithm(_CycleAlgorithm):
    OUTPUT = "OUTPUT"
    DANGLING = "DANGLING"
    AREAS = "AREAS"
    AREA_NAME = "AREA_NAME"

    def name(self):
        return "cycle_network_measures"

    def displayName(self):  # noqa: N802
        return self.tr("Cycle network measures")

    def shortHelpString(self):  # noqa: N802
        return self.tr("Total length by kind and by area, connected components (an end joins any other path within "
                       "the snapping tolerance; paths that cross at a shared node are joined, bridges without one are "
                       "not), component id and length per segment, dangling ends. Lengths are measured in the "
                       "analysis CRS; an edge digitised twice counts once.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_network_parameters()
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.AREAS, self.tr("Areas (districts or any polygons)"), [QgsProcessing.TypeVectorPolygon],
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.AREA_NAME, self.tr("Area name field"), parentLayerParameterName=self.AREAS, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Cycle network with components"), QgsProcessing.TypeVectorLine))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.DANGLING, self.tr("Dangling ends"), QgsProcessing.TypeVectorPoint, optional=True))
        self.add_report_outputs()

    def measure(self, parameters, context, feedback, network):
        from prato_smartcity_plugin.adapters.cycling import read_areas
        from prato_smartcity_plugin.core.cycling.network import measure

        crs = self.work_crs(parameters, context)
        areas_source = self.source(parameters, self.AREAS, context, required=False)
        areas = None
        if areas_source is not None:
            areas = read_areas(areas_source, self.parameterAsString(parameters, self.AREA_NAME, context), crs,
                               transform_context=context.transformContext())
        return measure(network, self.parameterAsDouble(parameters, self.TOLERANCE, context), areas)

    def execute(self, parameters, context, feedback):
        from prato_smartcity_plugin.adapters.cycling import fields_of
        from prato_smartcity_plugin.core.cycling.report import area_table, component_table, kind_table, summary_table

        crs = self.work_crs(parameters, context)
        network, records = self.read_network(parameters, context, feedback, crs)
        feedback.setProgressText(self.tr("Measuring the network…"))
        measures = self.measure(parameters, context, feedback, network)
        sink, dest_id = self.sink(parameters, self.OUTPUT, context, _network_fields(), QgsWkbTypes.LineString, crs,
                                  "cycle_network")
        _write_network(sink, network, records, measures, feedback)
        results = {self.OUTPUT: dest_id}
        end_fields = fields_of([("component", "integer"), ("segment_fid", "integer")])
        ends_sink, ends_id = self.sink(parameters, self.DANGLING, context, end_fields, QgsWkbTypes.Point, crs,
                                       "cycle_dangling_ends")
        if ends_sink is not None:
            topology = measures.topology
            for (x, y), segment in zip(topology.dangling_xy, topology.dangling_segment):
                feature = QgsFeature(end_fields)
                key = network.keys[int(segment)]
                feature.setAttributes([int(topology.component[int(segment)]), int(key) if isinstance(key, int)
                                       else None])
                feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(float(x), float(y))))
                ends_sink.addFeature(feature, QgsFeatureSink.FastInsert)
            results[self.DANGLING] = ends_id
        tables = [summary_table(measures), kind_table(measures)]
        if measures.by_area:
            tables.append(area_table(measures))
        tables.append(component_table(measures))
        results.update(self.write_reports(parameters, context, tables, self.tr("Cycle network measures"),
                                          self.notes(records, "measures")))
        results.update({"TOTAL_KM": measures.total_m / 1000.0, "COMPONENTS": measures.components,
                        "DANGLING_ENDS": measures.dangling_ends,
                        "SKIPPED": int(sum(measures.skipped.values()))})
        return results


class CycleMissingLinksAlgorithm(_CycleAlgorithm):
    OUTPUT = "OUTPUT"
    DISTANCE = "DISTANCE"
    START_FROM = "START_FROM"
    BARRIERS = "BARRIERS"
    LIMIT = "LIMIT"
    STARTS = ("dangling", "ends", "vertices")

    def name(self):
        return "cycle_missing_links"

    def displayName(self):  # noqa: N802
        return self.tr("Cycle network missing links")

    def shortHelpString(self):  # noqa: N802
        return self.tr("Candidate new links between DIFFERENT components of the network closer than the search "
                       "distance, the shortest per pair of components, ranked by network joined per metre of new "
                       "path (length of both components / link length). Links crossing a barrier (river, railway: "
                       "lines or polygons) are left out and the next shortest one is tried.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_network_parameters()
        self.addParameter(QgsProcessingParameterDistance(
            self.DISTANCE, self.tr("Search distance (metres)"), 100.0, minValue=0.01))
        self.addParameter(QgsProcessingParameterEnum(
            self.START_FROM, self.tr("Links start from"),
            [self.tr("Dangling ends"), self.tr("Every end of a path"), self.tr("Any vertex (closest approach of two "
                                                                               "paths)")], defaultValue=1))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.BARRIERS, self.tr("Barriers not to cross (rivers, railways)"), QgsProcessing.TypeVectorAnyGeometry,
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.LIMIT, self.tr("Best links to keep (0 = all)"), QgsProcessingParameterNumber.Integer, 50,
            minValue=0))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Missing links"), QgsProcessing.TypeVectorLine))
        self.add_report_outputs()

    def execute(self, parameters, context, feedback):
        from prato_smartcity_plugin.adapters.cycling import fields_of, read_barriers
        from prato_smartcity_plugin.core.cycling.links import Barriers, find_missing_links, name_links
        from prato_smartcity_plugin.core.cycling.network import measure
        from prato_smartcity_plugin.core.cycling.report import links_table, summary_table

        crs = self.work_crs(parameters, context)
        network, records = self.read_network(parameters, context, feedback, crs)
        measures = measure(network, self.parameterAsDouble(parameters, self.TOLERANCE, context))
        barrier_layers = self.parameterAsLayerList(parameters, self.BARRIERS, context)
        barriers = (Barriers(read_barriers(barrier_layers, crs, context.transformContext())) if barrier_layers
                    else None)
        feedback.setProgressText(self.tr("Searching missing links…"))
        links = find_missing_links(measures.topology, self.parameterAsDouble(parameters, self.DISTANCE, context),
                                   self.STARTS[self.parameterAsEnum(parameters, self.START_FROM, context)], barriers,
                                   self.parameterAsInt(parameters, self.LIMIT, context) or None)
        name_links(links, [records.get(key, {}).get("name") for key in network.keys], network.kinds)
        fields = fields_of([("rank", "integer"), ("length_m", "real"), ("component_a", "integer"),
                            ("component_b", "integer"), ("joined_km", "real"), ("score", "real"),
                            ("path_a", "text"), ("path_b", "text"), ("component_a_km", "real"),
                            ("component_b_km", "real"), ("reason", "text")])
        sink, dest_id = self.sink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.LineString, crs,
                                  "cycle_missing_links")
        for link in links:
            feature = QgsFeature(fields)
            feature.setAttributes([link.rank, round(link.length_m, 2), link.component_a, link.component_b,
                                   round(link.joined_m / 1000.0, 4), round(link.score, 2), link.label_a,
                                   link.label_b, round(link.component_a_m / 1000.0, 4),
                                   round(link.component_b_m / 1000.0, 4), link.reason])
            feature.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(*link.start), QgsPointXY(*link.end)]))
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        results = {self.OUTPUT: dest_id, "LINKS": len(links), "COMPONENTS": measures.components}
        results.update(self.write_reports(parameters, context, [links_table(links), summary_table(measures)],
                                          self.tr("Cycle network missing links"), self.notes(records, "links")))
        return results


class CycleCatchmentAlgorithm(_CycleAlgorithm):
    DISTANCE = "DISTANCE"
    POINTS = "POINTS"
    WEIGHT = "WEIGHT"
    AREA = "AREA"
    OUTPUT_POINTS = "OUTPUT_POINTS"
    OUTPUT_AREA = "OUTPUT_AREA"

    def name(self):
        return "cycle_catchment"

    def displayName(self):  # noqa: N802
        return self.tr("Cycle network catchment")

    def shortHelpString(self):  # noqa: N802
        return self.tr("Share of a point layer (schools, stations, bus stops; optionally weighted by a field) and of "
                       "an area (the union of a polygon layer) within a distance of the cycle network, measured in "
                       "the analysis CRS.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_network_parameters(tolerance=False)
        self.addParameter(QgsProcessingParameterDistance(
            self.DISTANCE, self.tr("Distance (metres)"), 300.0, minValue=0.01))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.POINTS, self.tr("Points (schools, stations, stops)"), [QgsProcessing.TypeVectorPoint],
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.WEIGHT, self.tr("Weight field"), parentLayerParameterName=self.POINTS,
            type=QgsProcessingParameterField.Numeric, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.AREA, self.tr("Area"), [QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_POINTS, self.tr("Points with their distance"), QgsProcessing.TypeVectorPoint, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_AREA, self.tr("Area within the distance"), QgsProcessing.TypeVectorPolygon, optional=True))
        self.add_report_outputs()

    def execute(self, parameters, context, feedback):
        import math

        from shapely.ops import unary_union

        from prato_smartcity_plugin.adapters.cycling import fields_of, read_areas, read_points
        from prato_smartcity_plugin.core.cycling.catchment import area_catchment, point_catchment
        from prato_smartcity_plugin.core.cycling.network import build_topology
        from prato_smartcity_plugin.core.cycling.report import catchment_table
        from prato_smartcity_plugin.core.errors import InputError
        from prato_smartcity_plugin.core.i18n import translate

        crs = self.work_crs(parameters, context)
        points_source = self.source(parameters, self.POINTS, context, required=False)
        area_source = self.source(parameters, self.AREA, context, required=False)
        if points_source is None and area_source is None:
            raise InputError(translate("PratoSmartCity", "Choose a point layer, an area, or both."))
        network, records = self.read_network(parameters, context, feedback, crs)
        distance = self.parameterAsDouble(parameters, self.DISTANCE, context)
        results = {}
        point_result = area_result = None
        if points_source is not None:
            weight = self.parameterAsString(parameters, self.WEIGHT, context)
            xy, weights, ids, skipped = read_points(points_source, weight, crs, context.transformContext())
            if skipped:
                feedback.pushWarning(self.tr("{count} points without geometry skipped.").format(count=skipped))
            point_result = point_catchment(build_topology(network.lines, 0.0), xy, distance, weights)
            fields = fields_of([("source_fid", "integer"), ("weight", "real"), ("within", "bool"),
                                ("distance_m", "real")])
            sink, dest_id = self.sink(parameters, self.OUTPUT_POINTS, context, fields, QgsWkbTypes.Point, crs,
                                      "cycle_catchment_points")
            if sink is not None:
                for i, fid in enumerate(ids):
                    feature = QgsFeature(fields)
                    near = float(point_result.nearest_m[i])
                    feature.setAttributes([int(fid), float(point_result.weights[i]), bool(point_result.within[i]),
                                           None if math.isnan(near) else round(near, 2)])
                    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(*map(float, xy[i]))))
                    sink.addFeature(feature, QgsFeatureSink.FastInsert)
                results[self.OUTPUT_POINTS] = dest_id
            results.update({"POINTS_WITHIN": point_result.count_within, "POINTS": point_result.count,
                            "POINT_SHARE": point_result.share})
        if area_source is not None:
            areas = read_areas(area_source, "", crs, transform_context=context.transformContext())
            if not areas.polygons:
                raise InputError(translate("PratoSmartCity", "The area layer has no polygon."))
            area_result = area_catchment(network.lines, unary_union(areas.polygons), distance)
            fields = fields_of([("distance_m", "real"), ("area_km2", "real"), ("share_pct", "real")])
            sink, dest_id = self.sink(parameters, self.OUTPUT_AREA, context, fields, QgsWkbTypes.MultiPolygon, crs,
                                      "cycle_catchment_area")
            if sink is not None:
                feature = QgsFeature(fields)
                feature.setAttributes([distance, round(area_result.covered_m2 / 1e6, 4),
                                       round(100.0 * area_result.share, 2)])
                geometry = QgsGeometry.fromWkt(area_result.covered.wkt)
                geometry.convertToMultiType()
                feature.setGeometry(geometry)
                sink.addFeature(feature, QgsFeatureSink.FastInsert)
                results[self.OUTPUT_AREA] = dest_id
            results["AREA_SHARE"] = area_result.share
        results.update(self.write_reports(parameters, context, [catchment_table(point_result, area_result)],
                                          self.tr("Cycle network catchment"),
                                          self.notes(records, "catchment")))
        return results


class CycleBeforeAfterAlgorithm(CycleNetworkMeasuresAlgorithm):
    PLANNED = "PLANNED"
    CYCLE_LINKS_ONLY = "CYCLE_LINKS_ONLY"

    def name(self):
        return "cycle_before_after"

    def displayName(self):  # noqa: N802
        return self.tr("Cycle network before / after planned links")

    def shortHelpString(self):  # noqa: N802
        return self.tr("Merges planned links (any line layer, or the line interventions of category 'cycle link') "
                       "into the network and reports every measure before and after, with the change.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_network_parameters()
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.PLANNED, self.tr("Planned links"), [QgsProcessing.TypeVectorLine]))
        self.addParameter(QgsProcessingParameterBoolean(
            self.CYCLE_LINKS_ONLY, self.tr("Only interventions of category 'cycle link' (when the layer has a "
                                           "'category' field)"), True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.AREAS, self.tr("Areas (districts or any polygons)"), [QgsProcessing.TypeVectorPolygon],
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.AREA_NAME, self.tr("Area name field"), parentLayerParameterName=self.AREAS, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Network after, with components"), QgsProcessing.TypeVectorLine))
        self.add_report_outputs()

    def execute(self, parameters, context, feedback):
        from prato_smartcity_plugin.core.cycling import schema
        from prato_smartcity_plugin.core.cycling.report import before_after_table, kind_table

        crs = self.work_crs(parameters, context)
        network, records = self.read_network(parameters, context, feedback, crs)
        planned_source = self.source(parameters, self.PLANNED, context)
        expression = ""
        if self.parameterAsBoolean(parameters, self.CYCLE_LINKS_ONLY, context) and \
                "category" in planned_source.fields().names():
            expression = "\"category\" = 'cycle_link'"
        planned, planned_records = self.read_network(
            parameters, context, feedback, crs, name=self.PLANNED, kind=schema.PLANNED, expression=expression,
            source=self.tr("planned"), what=self.tr("Planned links"))
        # keys of both layers are feature ids: keep them apart
        planned.keys = [("planned", key) for key in planned.keys]
        records.update({("planned", key): record for key, record in planned_records.items()})
        before = self.measure(parameters, context, feedback, network)
        after_network = network.merged(planned)
        after = self.measure(parameters, context, feedback, after_network)
        sink, dest_id = self.sink(parameters, self.OUTPUT, context, _network_fields(), QgsWkbTypes.LineString, crs,
                                  "cycle_network")
        _write_network(sink, after_network, records, after, feedback)
        results = {self.OUTPUT: dest_id, "COMPONENTS_BEFORE": before.components,
                   "COMPONENTS_AFTER": after.components, "TOTAL_KM_BEFORE": before.total_m / 1000.0,
                   "TOTAL_KM_AFTER": after.total_m / 1000.0, "PLANNED_FEATURES": len(planned.lines)}
        results.update(self.write_reports(parameters, context, [before_after_table(before, after), kind_table(after)],
                                          self.tr("Cycle network before / after"),
                                          self.notes(records, "before_after")))
        return results
