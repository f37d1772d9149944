"""Wi-Fi algorithms: load access points onto the canonical schema, coverage (union, gaps, statistics per area and
demand share), and site selection for new access points. The analyses live in :mod:`core.wifi`; this module reads
parameters, reports the core's notes to the feedback and writes styled outputs."""

from __future__ import annotations

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from prato_smartcity_plugin.adapters.paths import resource
from prato_smartcity_plugin.core.errors import Level
from prato_smartcity_plugin.processing_provider.base import PratoAlgorithm

ANY = QgsProcessing.TypeVectorAnyGeometry
POINT = QgsProcessing.TypeVectorPoint
POLYGON = QgsProcessing.TypeVectorPolygon

#: Styled outputs must outlive the algorithm run: Processing calls the post-processor after run() returns.
_POST_PROCESSORS: list = []


class _StyleOnLoad(QgsProcessingLayerPostProcessorInterface):
    def __init__(self, style: str):
        super().__init__()
        self.style = style

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        from prato_smartcity_plugin.adapters.wifi_layers import apply_style

        apply_style(layer, self.style)


def style_on_load(context, dest_id: str, style: str) -> None:
    if dest_id and context.willLoadLayerOnCompletion(dest_id):
        processor = _StyleOnLoad(style)
        _POST_PROCESSORS.append(processor)
        context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(processor)


def default_comune() -> str:
    """The comune boundary of the demo data, the default for the "outside the comune" check (empty if absent)."""
    gpkg = resource("demo", "prato_demo.gpkg")
    return f"{gpkg}|layername=prato_comune" if gpkg.is_file() else ""


def report(notes, feedback) -> None:
    from prato_smartcity_plugin.core.log import get_logger

    log = get_logger("wifi")
    for note in notes:
        if note.level >= Level.WARNING:
            feedback.reportError(note.message, False)
        else:
            feedback.pushInfo(note.message)
        if note.details:
            feedback.pushDebugInfo(note.details)
        log.info("%s %s", note.message, note.details)


class _CoreFeedback:
    """What the core asks of a feedback (``is_canceled``, ``set_progress``), over a ``QgsProcessingFeedback``."""

    def __init__(self, feedback):
        self.feedback = feedback

    def is_canceled(self) -> bool:
        return self.feedback.isCanceled()

    def set_progress(self, percent: float) -> None:
        self.feedback.setProgress(percent)


class _WifiAlgorithm(PratoAlgorithm):
    uses_shapely = True

    def group(self):
        return self.tr("Wi-Fi")

    def groupId(self):  # noqa: N802
        return "wifi"

    # -- shared parameters --
    def add_access_point_parameters(self, optional: bool = False) -> None:
        self.addParameter(QgsProcessingParameterFeatureSource(
            "ACCESS_POINTS", self.tr("Existing access points (points, or the Comune's coverage areas)"), [ANY],
            optional=optional))
        self.addParameter(QgsProcessingParameterField(
            "RADIUS_FIELD", self.tr("Radius field (metres)"), parentLayerParameterName="ACCESS_POINTS",
            type=QgsProcessingParameterField.Numeric, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            "DEFAULT_RADIUS", self.tr("Radius where missing (m; 0 = default by programme)"),
            QgsProcessingParameterNumber.Double, 0.0, minValue=0.0))
        comune = QgsProcessingParameterFeatureSource(
            "COMUNE", self.tr("Comune boundary (access points outside are flagged)"), [POLYGON], optional=True)
        if default_comune():
            comune.setDefaultValue(default_comune())
        self.addParameter(comune)

    def read_access_points(self, parameters, context, reader, optional: bool = False):
        """The checked access points (``PreparedAccessPoints``) and the comune polygon, or ``(None, comune)``."""
        from prato_smartcity_plugin.adapters.wifi_layers import union_of
        from prato_smartcity_plugin.core.wifi.coverage import prepare_access_points

        comune_source = self.parameterAsSource(parameters, "COMUNE", context)
        comune = union_of(reader.polygons(comune_source, what=self.tr("The comune boundary"))) \
            if comune_source is not None else None
        source = self.parameterAsSource(parameters, "ACCESS_POINTS", context)
        if source is None and optional:
            return None, comune
        radius_field = self.parameterAsString(parameters, "RADIUS_FIELD", context)
        mapping = {"radius_m": radius_field} if radius_field else {}
        points = reader.access_points(source, mapping)
        default_radius = self.parameterAsDouble(parameters, "DEFAULT_RADIUS", context)
        return prepare_access_points(points, comune, default_radius or None), comune

    def reader_for(self, parameters, context, *names):
        from prato_smartcity_plugin.adapters.wifi_layers import Reader, working_crs

        sources = [self.parameterAsSource(parameters, name, context) for name in names]
        return Reader(working_crs(*[s for s in sources if s is not None][:1]), context.transformContext())

    def write_access_points(self, parameters, name, context, points, crs, extra_fields=(), extra_values=None):
        from prato_smartcity_plugin.adapters.wifi_layers import (
            access_point_feature,
            access_point_field_specs,
            qgs_fields,
        )

        fields = qgs_fields(access_point_field_specs() + list(extra_fields))
        sink, dest = self.parameterAsSink(parameters, name, context, fields, QgsWkbTypes.Point, crs)
        if sink is None:
            return dest
        for i, point in enumerate(points):
            feature = access_point_feature(point, fields)
            for key, value in (extra_values(i) if extra_values else {}).items():
                feature.setAttribute(key, value)
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        return dest


class WifiLoadAccessPoints(_WifiAlgorithm):
    """Any point layer (or the Comune's coverage areas) onto the canonical access-point schema."""

    MAP = (("ap_id", "ID_FIELD"), ("name", "NAME_FIELD"), ("site", "SITE_FIELD"), ("programme", "PROGRAMME_FIELD"),
           ("status", "STATUS_FIELD"), ("install_date", "DATE_FIELD"), ("radius_m", "RADIUS_FIELD"),
           ("notes", "NOTES_FIELD"))

    def name(self):
        return "wifi_load_access_points"

    def displayName(self):  # noqa: N802
        return self.tr("Load Wi-Fi access points")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Copies a point layer onto the canonical access-point schema (identifier, name, site, programme, status, "
            "install date, radius, notes), with a field for each schema field you map. The Comune's Wi-Fi coverage "
            "areas are read directly: each area's centroid stands in for its access point. Access points outside "
            "the comune or at the same spot as another are kept and flagged; missing radii get the default of "
            "their programme.")

    def initAlgorithm(self, config=None):  # noqa: N802
        from prato_smartcity_plugin.core.wifi import schema

        self.addParameter(QgsProcessingParameterFeatureSource("INPUT", self.tr("Input layer"), [ANY]))
        for field_name, param in self.MAP:
            self.addParameter(QgsProcessingParameterField(
                param, self.tr("Field for: {field}").format(field=schema.field_label(field_name)),
                parentLayerParameterName="INPUT", optional=True))
        self.programmes = [c.value for c in schema.PROGRAMMES]
        self.statuses = [c.value for c in schema.STATUSES]
        self.addParameter(QgsProcessingParameterEnum(
            "DEFAULT_PROGRAMME", self.tr("Programme where missing"),
            [schema.label("programme", v) for v in self.programmes], defaultValue=self.programmes.index("comune")))
        self.addParameter(QgsProcessingParameterEnum(
            "DEFAULT_STATUS", self.tr("Status where missing"), [schema.label("status", v) for v in self.statuses],
            defaultValue=0))
        comune = QgsProcessingParameterFeatureSource(
            "COMUNE", self.tr("Comune boundary (access points outside are flagged)"), [POLYGON], optional=True)
        if default_comune():
            comune.setDefaultValue(default_comune())
        self.addParameter(comune)
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", self.tr("Wi-Fi access points"),
                                                            QgsProcessing.TypeVectorPoint))
        self.addOutput(QgsProcessingOutputNumber("COUNT", self.tr("Access points")))
        self.addOutput(QgsProcessingOutputNumber("FLAGGED", self.tr("Flagged access points")))

    def execute(self, parameters, context, feedback):
        from prato_smartcity_plugin.adapters.wifi_layers import union_of
        from prato_smartcity_plugin.core.wifi.coverage import prepare_access_points

        reader = self.reader_for(parameters, context, "INPUT")
        mapping = {field: self.parameterAsString(parameters, param, context) for field, param in self.MAP}
        mapping = {k: v for k, v in mapping.items() if v}
        defaults = {"programme": self.programmes[self.parameterAsEnum(parameters, "DEFAULT_PROGRAMME", context)],
                    "status": self.statuses[self.parameterAsEnum(parameters, "DEFAULT_STATUS", context)]}
        points = reader.access_points(self.parameterAsSource(parameters, "INPUT", context), mapping, defaults)
        comune_source = self.parameterAsSource(parameters, "COMUNE", context)
        comune = union_of(reader.polygons(comune_source, what=self.tr("The comune boundary"))) \
            if comune_source is not None else None
        prepared = prepare_access_points(points, comune)
        report(reader.notes + prepared.notes, feedback)
        dest = self.write_access_points(parameters, "OUTPUT", context, prepared.points, reader.crs)
        style_on_load(context, dest, "wifi_canonical_access_points")
        flagged = sum(1 for p in prepared.points if set(p.flags) - {"centroid_position"})
        return {"OUTPUT": dest, "COUNT": len(prepared.points), "FLAGGED": flagged}


class WifiCoverage(_WifiAlgorithm):
    def name(self):
        return "wifi_coverage"

    def displayName(self):  # noqa: N802
        return self.tr("Wi-Fi coverage and gaps")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Union of the coverage discs of the access points (radius per access point, default by programme), "
            "computed in metres. For each area of interest (the comune if none is given): covered area and share, "
            "and the gaps (the parts not covered). With a demand layer (bus stops, schools, population points, "
            "with an optional weight field): the covered share of the demand, per area and in all.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_access_point_parameters()
        self.addParameter(QgsProcessingParameterFeatureSource(
            "AREAS", self.tr("Areas of interest (default: the comune)"), [POLYGON], optional=True))
        self.addParameter(QgsProcessingParameterField(
            "AREA_NAME_FIELD", self.tr("Area name field"), parentLayerParameterName="AREAS", optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "DEMAND", self.tr("Demand points"), [POINT], optional=True))
        self.addParameter(QgsProcessingParameterField(
            "DEMAND_WEIGHT", self.tr("Demand weight field"), parentLayerParameterName="DEMAND",
            type=QgsProcessingParameterField.Numeric, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink("COVERAGE", self.tr("Wi-Fi coverage"),
                                                            QgsProcessing.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink("GAPS", self.tr("Wi-Fi gaps"),
                                                            QgsProcessing.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink("STATISTICS", self.tr("Wi-Fi coverage by area"),
                                                            QgsProcessing.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "CHECKED_ACCESS_POINTS", self.tr("Access points (checked)"), QgsProcessing.TypeVectorPoint,
            optional=True, createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber("COVERED_AREA", self.tr("Covered area (m²)")))
        self.addOutput(QgsProcessingOutputNumber("COVERED_SHARE", self.tr("Covered share of the areas (0–1)")))
        self.addOutput(QgsProcessingOutputNumber("DEMAND_SHARE", self.tr("Covered share of the demand (0–1)")))
        self.addOutput(QgsProcessingOutputString("SUMMARY", self.tr("Summary")))

    STAT_FIELDS = [("area_name", "text"), ("area_m2", "real"), ("covered_m2", "real"), ("covered_pct", "real"),
                   ("demand_n", "integer"), ("demand_cov", "integer"), ("demand_pct", "real"),
                   ("weight_tot", "real"), ("weight_cov", "real"), ("weight_pct", "real")]

    def execute(self, parameters, context, feedback):
        from prato_smartcity_plugin.adapters.wifi_layers import from_shapely, qgs_fields
        from prato_smartcity_plugin.core.wifi.coverage import coverage_statistics
        from prato_smartcity_plugin.core.wifi.geometry import as_multipolygon

        reader = self.reader_for(parameters, context, "ACCESS_POINTS")
        prepared, comune = self.read_access_points(parameters, context, reader)
        feedback.setProgress(20)
        areas_source = self.parameterAsSource(parameters, "AREAS", context)
        if areas_source is not None:
            areas = reader.polygons(areas_source, self.parameterAsString(parameters, "AREA_NAME_FIELD", context),
                                    self.tr("The areas of interest"))
        elif comune is not None:
            areas = [(self.tr("Comune di Prato"), comune)]
        else:
            areas = []
        demand_source = self.parameterAsSource(parameters, "DEMAND", context)
        demand = reader.demand(demand_source, self.parameterAsString(parameters, "DEMAND_WEIGHT", context)) \
            if demand_source is not None else None
        result = coverage_statistics(prepared, areas, demand)
        report(reader.notes + result.notes, feedback)
        feedback.setProgress(80)
        crs = reader.crs

        fields = qgs_fields([("state", "text"), ("n_aps", "integer"), ("area_m2", "real")])
        sink, coverage_dest = self.parameterAsSink(parameters, "COVERAGE", context, fields, QgsWkbTypes.MultiPolygon,
                                                   crs)
        feature = QgsFeature(fields)
        feature.setGeometry(from_shapely(as_multipolygon(result.coverage)))
        feature.setAttributes(["all", len(prepared.points), result.coverage.area])
        sink.addFeature(feature, QgsFeatureSink.FastInsert)

        gap_fields = qgs_fields([("area_name", "text"), ("gap_m2", "real"), ("area_m2", "real")])
        sink, gaps_dest = self.parameterAsSink(parameters, "GAPS", context, gap_fields, QgsWkbTypes.MultiPolygon, crs)
        stat_fields = qgs_fields(self.STAT_FIELDS)
        stats_sink, stats_dest = self.parameterAsSink(parameters, "STATISTICS", context, stat_fields,
                                                      QgsWkbTypes.MultiPolygon, crs)
        for (_name, geom), row in zip(areas, result.areas):
            gap = QgsFeature(gap_fields)
            gap.setGeometry(from_shapely(as_multipolygon(row.gap)))
            gap.setAttributes([row.name, row.gap.area, row.area_m2])
            sink.addFeature(gap, QgsFeatureSink.FastInsert)
            stat = QgsFeature(stat_fields)
            stat.setGeometry(from_shapely(as_multipolygon(geom)))
            stat.setAttributes(self._stat_values(row))
            stats_sink.addFeature(stat, QgsFeatureSink.FastInsert)
        checked_dest = self.write_access_points(parameters, "CHECKED_ACCESS_POINTS", context, prepared.points, crs)
        for dest, style in ((coverage_dest, "wifi_coverage"), (gaps_dest, "wifi_gaps"),
                            (stats_dest, "wifi_area_statistics"), (checked_dest, "wifi_canonical_access_points")):
            style_on_load(context, dest, style)
        total = result.total
        summary = self._summary(result)
        feedback.pushInfo(summary)
        return {"COVERAGE": coverage_dest, "GAPS": gaps_dest, "STATISTICS": stats_dest,
                "CHECKED_ACCESS_POINTS": checked_dest, "COVERED_AREA": total.covered_m2,
                "COVERED_SHARE": total.covered_share if areas else None,
                "DEMAND_SHARE": (total.weight_share if demand is not None else None), "SUMMARY": summary}

    @staticmethod
    def _pct(share):
        return None if share is None else round(100.0 * share, 2)

    def _stat_values(self, row):
        return [row.name, row.area_m2, row.covered_m2, self._pct(row.covered_share), row.demand_count,
                row.demand_covered, self._pct(row.demand_share), row.weight_total, row.weight_covered,
                self._pct(row.weight_share)]

    def _summary(self, result) -> str:
        total = result.total
        lines = []
        lines.append(self.tr("Covered area: {area:.2f} km².").format(area=total.covered_m2 / 1e6))
        for row in result.areas:
            line = self.tr("{name}: {share:.1%} of {area:.2f} km² covered").format(
                name=row.name, share=row.covered_share, area=row.area_m2 / 1e6)
            if row.weight_share is not None:
                line += self.tr("; demand covered: {share:.1%}").format(share=row.weight_share)
            lines.append(line + ".")
        if not result.areas and total.weight_share is not None:
            lines.append(self.tr("Demand covered: {share:.1%}.").format(share=total.weight_share))
        return "\n".join(lines)


class WifiSiteSelection(_WifiAlgorithm):
    def name(self):
        return "wifi_site_selection"

    def displayName(self):  # noqa: N802
        return self.tr("Plan new Wi-Fi access points (site selection)")

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Chooses N sites (14 by default) among candidate sites -- a point layer, or a grid over the area of "
            "interest -- that add the most covered demand, given the existing access points, with a minimum "
            "spacing and optional exclusion areas. Without a demand layer the area is covered evenly (a grid of "
            "demand points). Method: greedy maximum coverage with lazy evaluation (CELF). Without spacing it "
            "guarantees at least 63% (1 - 1/e) of the best possible gain; with a spacing the guarantee is weaker "
            "(1/6), and each run reports a proven bound computed from the data. Each chosen site says why it was "
            "picked: its rank, the demand it adds, the coverage reached and the nearest existing access point.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_access_point_parameters(optional=True)
        self.addParameter(QgsProcessingParameterFeatureSource(
            "DEMAND", self.tr("Demand points (default: an even grid over the area)"), [POINT], optional=True))
        self.addParameter(QgsProcessingParameterField(
            "DEMAND_WEIGHT", self.tr("Demand weight field"), parentLayerParameterName="DEMAND",
            type=QgsProcessingParameterField.Numeric, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            "DEMAND_SPACING", self.tr("Spacing of the demand grid without a demand layer (m)"),
            QgsProcessingParameterNumber.Double, 50.0, minValue=1.0))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "CANDIDATES", self.tr("Candidate sites (default: a grid over the area)"), [POINT], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "AREA", self.tr("Area of interest (default: the comune)"), [POLYGON], optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            "GRID_SPACING", self.tr("Spacing of the candidate grid (m)"), QgsProcessingParameterNumber.Double, 100.0,
            minValue=1.0))
        self.addParameter(QgsProcessingParameterNumber(
            "N_SITES", self.tr("Number of new access points"), QgsProcessingParameterNumber.Integer, 14, minValue=1))
        self.addParameter(QgsProcessingParameterNumber(
            "NEW_RADIUS", self.tr("Radius of a new access point (m)"), QgsProcessingParameterNumber.Double, 100.0,
            minValue=1.0))
        self.addParameter(QgsProcessingParameterNumber(
            "MIN_SPACING", self.tr("Minimum spacing between access points (m)"),
            QgsProcessingParameterNumber.Double, 150.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterBoolean(
            "SPACING_FROM_EXISTING", self.tr("Keep the spacing from existing access points too"), True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "EXCLUSIONS", self.tr("Exclusion areas"), [POLYGON], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink("SITES", self.tr("New Wi-Fi sites"),
                                                            QgsProcessing.TypeVectorPoint))
        self.addParameter(QgsProcessingParameterFeatureSink("COVERAGE", self.tr("Wi-Fi coverage before and after"),
                                                            QgsProcessing.TypeVectorPolygon))
        self.addOutput(QgsProcessingOutputNumber("SHARE_BEFORE", self.tr("Covered share of the demand before")))
        self.addOutput(QgsProcessingOutputNumber("SHARE_AFTER", self.tr("Covered share of the demand after")))
        self.addOutput(QgsProcessingOutputNumber("OPTIMALITY_BOUND", self.tr(
            "Proven share of the best possible gain")))
        self.addOutput(QgsProcessingOutputString("SUMMARY", self.tr("Summary")))

    SITE_FIELDS = [("rank", "integer"), ("gain_n", "integer"), ("gain_weight", "real"), ("cum_pct", "real"),
                   ("nearest_ap", "text"), ("nearest_m", "real"), ("why", "text")]

    def execute(self, parameters, context, feedback):
        from prato_smartcity_plugin.adapters.wifi_layers import from_shapely, qgs_fields, union_of
        from prato_smartcity_plugin.core.errors import InputError
        from prato_smartcity_plugin.core.wifi import geometry
        from prato_smartcity_plugin.core.wifi.coverage import Demand
        from prato_smartcity_plugin.core.wifi.schema import AccessPoint
        from prato_smartcity_plugin.core.wifi.siting import Candidates, grid_candidates, select_sites, summary_lines

        reader = self.reader_for(parameters, context, "ACCESS_POINTS", "DEMAND", "CANDIDATES")
        prepared, comune = self.read_access_points(parameters, context, reader, optional=True)
        existing = prepared.points if prepared is not None else []
        area_source = self.parameterAsSource(parameters, "AREA", context)
        area = union_of(reader.polygons(area_source, what=self.tr("The area of interest"))) \
            if area_source is not None else comune
        demand_source = self.parameterAsSource(parameters, "DEMAND", context)
        if demand_source is not None:
            demand = reader.demand(demand_source, self.parameterAsString(parameters, "DEMAND_WEIGHT", context))
        else:
            if area is None:
                raise InputError(self.tr("Give a demand layer, or an area of interest to cover evenly."))
            spacing = self.parameterAsDouble(parameters, "DEMAND_SPACING", context)
            xs, ys = geometry.grid_points(area, spacing)
            demand = Demand.from_points(xs, ys, None, self.tr("the demand grid"))
            reader.notes.append(_note(Level.INFO, self.tr(
                "No demand layer: the area is covered evenly, one demand point every {s:g} m ({n} points).").format(
                s=spacing, n=len(xs))))
        candidates_source = self.parameterAsSource(parameters, "CANDIDATES", context)
        if candidates_source is not None:
            name_field = _name_field_of(candidates_source)
            xs, ys, names = reader.points(candidates_source, self.tr("The candidate sites"),
                                          row=(lambda f: _name_of(f[name_field])) if name_field else None)
            candidates = Candidates(*map(_array, (xs, ys)), names, candidates_source.sourceName())
        else:
            if area is None:
                raise InputError(self.tr("Give candidate sites, or an area of interest to lay a grid of candidates "
                                         "over."))
            candidates = grid_candidates(area, self.parameterAsDouble(parameters, "GRID_SPACING", context))
        exclusions_source = self.parameterAsSource(parameters, "EXCLUSIONS", context)
        exclusion = union_of(reader.polygons(exclusions_source, what=self.tr("The exclusion areas"))) \
            if exclusions_source is not None else None
        feedback.setProgress(10)
        radius = self.parameterAsDouble(parameters, "NEW_RADIUS", context)
        selection = select_sites(
            candidates, demand, existing, n_sites=self.parameterAsInt(parameters, "N_SITES", context),
            radius_m=radius, min_spacing_m=self.parameterAsDouble(parameters, "MIN_SPACING", context),
            exclusion=exclusion, spacing_from_existing=self.parameterAsBool(parameters, "SPACING_FROM_EXISTING",
                                                                            context),
            feedback=_CoreFeedback(feedback))
        report(reader.notes + (prepared.notes if prepared else []) + selection.notes, feedback)
        crs = reader.crs

        picks = selection.picks
        new_points = [AccessPoint(p.x, p.y, ap_id=f"new-{p.rank}", name=p.name or self.tr("New site {rank}").format(
            rank=p.rank), programme="wifi_italia", status="candidate", radius_m=radius, notes=p.explanation)
            for p in picks]
        sites_dest = self.write_access_points(
            parameters, "SITES", context, new_points, crs, self.SITE_FIELDS,
            lambda i: {"rank": picks[i].rank, "gain_n": picks[i].gain_count, "gain_weight": picks[i].gain_weight,
                       "cum_pct": round(100 * picks[i].cumulative_share, 2), "nearest_ap": picks[i].nearest_ap,
                       "nearest_m": None if not picks[i].nearest_ap else round(picks[i].nearest_ap_m, 1),
                       "why": picks[i].explanation})

        from prato_smartcity_plugin.core.wifi.coverage import coverage_union
        from prato_smartcity_plugin.core.wifi.geometry import as_multipolygon

        before = coverage_union(existing) if existing else None
        after = coverage_union(new_points)
        added = after.difference(before) if before is not None else after
        fields = qgs_fields([("state", "text"), ("area_m2", "real"), ("share_pct", "real")])
        sink, coverage_dest = self.parameterAsSink(parameters, "COVERAGE", context, fields, QgsWkbTypes.MultiPolygon,
                                                   crs)
        for state, geom, share in (("existing", before, selection.share_before),
                                   ("added", added, selection.share_after)):
            if geom is None:
                continue
            feature = QgsFeature(fields)
            feature.setGeometry(from_shapely(as_multipolygon(geom)))
            feature.setAttributes([state, geom.area, round(100 * share, 2)])
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        style_on_load(context, sites_dest, "wifi_new_sites")
        style_on_load(context, coverage_dest, "wifi_coverage")
        summary = "\n".join(summary_lines(selection))
        feedback.pushInfo(summary)
        return {"SITES": sites_dest, "COVERAGE": coverage_dest, "SHARE_BEFORE": selection.share_before,
                "SHARE_AFTER": selection.share_after, "OPTIMALITY_BOUND": selection.optimality_bound,
                "SUMMARY": summary}


def _note(level, message):
    from prato_smartcity_plugin.core.wifi.schema import Note

    return Note(level, message)


def _array(values):
    import numpy as np

    return np.asarray(values, dtype=float)


def _name_field_of(source) -> str:
    """The candidates' name-like field, if the layer has one ("" if not)."""
    from prato_smartcity_plugin.adapters.wifi_layers import guess_name_field

    return guess_name_field(source.fields().names())


def _name_of(value) -> str:
    return "" if value is None or str(value) == "NULL" else str(value)
