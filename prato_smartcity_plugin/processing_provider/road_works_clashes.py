"""``pratosmartcity:road_works_clashes``: road works at the same place at the same time (PR-V9), as a styled layer, a
table and an optional HTML report. The rules are the core's (:mod:`core.interventions.clashes`)."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDistance,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterVectorLayer,
    QgsUnitTypes,
    QgsWkbTypes,
)

from prato_smartcity_plugin.processing_provider.base import PratoAlgorithm


def shapely_major() -> int:
    """Shapely's major version, without importing it (QGIS asks for the flags at start-up)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return int(version("shapely").split(".")[0])
    except (PackageNotFoundError, ValueError):
        import shapely

        return int(shapely.__version__.split(".")[0])


class _ClashStyle(QgsProcessingLayerPostProcessorInterface):
    """Styles the clash layer when QGIS loads it."""

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        from prato_smartcity_plugin.adapters.road_works import apply_style

        apply_style(layer)


#: One for the module: QGIS keeps only a pointer, and runs a copy of the algorithm that is deleted before the layers
#: are loaded, so the post-processor cannot belong to the algorithm instance.
_CLASH_STYLE = _ClashStyle()


class RoadWorksClashesAlgorithm(PratoAlgorithm):
    INPUT = "INPUT"
    API_LAYER = "API_LAYER"
    DISTANCE = "DISTANCE"
    SAME_BODY = "SAME_BODY"
    INCLUDE_CLOSED = "INCLUDE_CLOSED"
    OPEN_ENDED = "OPEN_ENDED"
    OUTPUT = "OUTPUT"
    TABLE = "TABLE"
    REPORT = "REPORT"
    CLASH_COUNT = "CLASH_COUNT"
    CHECKED_COUNT = "CHECKED_COUNT"

    def flags(self):
        # Shapely 1.8 shares one GEOS handle between threads (the save-time check uses it on the main thread), so it
        # runs on the main thread there; shapely 2 is thread-safe.
        flags = super().flags()
        return flags | QgsProcessingAlgorithm.FlagNoThreading if shapely_major() < 2 else flags

    def name(self) -> str:
        return "road_works_clashes"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Road works clashes")

    def group(self) -> str:
        return self.tr("Interventions")

    def groupId(self) -> str:  # noqa: N802
        return "interventions"

    def shortHelpString(self) -> str:  # noqa: N802
        return self.tr(
            "Finds road works (category \"Road works\") that are at the same place at the same time: their areas "
            "overlap (lines and points: they meet), or they lie within the given distance on the same street (street "
            "names compared without case, accents, \"via\"/\"v.\"/\"viale\" and house numbers), and their date "
            "ranges overlap, both ends included.\n\n"
            "A missing start or end date means the work is open on that side (unless \"Treat missing dates as open\" "
            "is off: then such works are left out and listed in the log). Cancelled and completed works are ignored "
            "unless asked. A work received from the municipal API with the same identifier as a local one is the "
            "same work: the local copy is checked.\n\n"
            "Intervention layers: by default every layer of the project with the interventions' fields (the store's "
            "three layers). The clash layer shows where each clash is: the shared area, or the shared line or point "
            "or the shortest line between the two works, widened by 1 m so that it shows on the map.")

    def initAlgorithm(self, config=None):  # noqa: N802
        layers = QgsProcessingParameterMultipleLayers(
            self.INPUT, self.tr("Intervention layers (empty: the project's interventions layers)"),
            QgsProcessing.TypeVectorAnyGeometry, optional=True)
        self.addParameter(layers)
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.API_LAYER, self.tr("Interventions received from the municipal API"),
            [QgsProcessing.TypeVectorAnyGeometry], optional=True))
        distance = QgsProcessingParameterDistance(
            self.DISTANCE, self.tr("Distance between works on the same street"), 100.0, minValue=0.0)
        distance.setDefaultUnit(QgsUnitTypes.DistanceMeters)
        self.addParameter(distance)
        self.addParameter(QgsProcessingParameterBoolean(
            self.SAME_BODY, self.tr("Also report works of the same responsible body"), False))
        self.addParameter(QgsProcessingParameterBoolean(
            self.INCLUDE_CLOSED, self.tr("Also check cancelled and completed works"), False))
        self.addParameter(QgsProcessingParameterBoolean(
            self.OPEN_ENDED, self.tr("Treat missing dates as open (no start: already under way; no end: no end "
                                     "planned)"), True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Road works clashes"), QgsProcessing.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.TABLE, self.tr("Road works clashes (table)"), QgsProcessing.TypeVector, optional=True,
            createByDefault=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.REPORT, self.tr("Clash report (HTML)"), self.tr("HTML files (*.html)"), optional=True,
            createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber(self.CLASH_COUNT, self.tr("Number of clashes")))
        self.addOutput(QgsProcessingOutputNumber(self.CHECKED_COUNT, self.tr("Number of road works checked")))

    def prepareAlgorithm(self, parameters, context, feedback):  # noqa: N802
        """On the main thread: the layers, checked, as feature sources that the run can read in a task."""
        from qgis.core import QgsProcessingException, QgsVectorLayerFeatureSource

        from prato_smartcity_plugin.adapters import road_works
        from prato_smartcity_plugin.core.interventions.clashes import SOURCE_API

        layers = self.parameterAsLayerList(parameters, self.INPUT, context)
        if not layers:
            layers = road_works.project_interventions_layers(context.project())
        api_layer = self.parameterAsVectorLayer(parameters, self.API_LAYER, context)
        sources = [(layer, road_works.layer_source(layer)) for layer in layers if layer is not api_layer]
        if api_layer is not None:
            sources.append((api_layer, SOURCE_API))
        if not sources:
            raise QgsProcessingException(self.tr(
                "No interventions layer to check: add the interventions store to the project or choose the layers."))
        for layer, _ in sources:
            if not road_works.is_interventions_layer(layer):
                missing = [n for n in road_works.REQUIRED_FIELDS if n not in layer.fields().names()]
                feedback.pushDebugInfo(self.tr("Missing fields: {fields}").format(fields=", ".join(missing)))
                raise QgsProcessingException(self.tr("The layer {layer} is not an interventions layer.").format(
                    layer=layer.name()))
        self._inputs = [(layer.name(), layer.id(), QgsVectorLayerFeatureSource(layer), layer.crs(), source)
                        for layer, source in sources]
        return True

    def execute(self, parameters, context, feedback):
        from prato_smartcity_plugin.adapters import road_works
        from prato_smartcity_plugin.core.interventions import clashes as core
        from prato_smartcity_plugin.core.interventions.schema import STORE_CRS

        works, unreadable = [], []
        for name, layer_id, features, crs, source in self._inputs:
            read, bad = road_works.read_road_works(features, source, feedback, layer_id=layer_id, crs=crs)
            feedback.pushInfo(self.tr("{layer}: {n} road works").format(layer=name, n=len(read)))
            works.extend(read)
            unreadable.extend(bad)
            if feedback.isCanceled():
                return {}

        options = core.ClashOptions(
            distance=self.parameterAsDouble(parameters, self.DISTANCE, context),
            include_same_body=self.parameterAsBool(parameters, self.SAME_BODY, context),
            include_closed=self.parameterAsBool(parameters, self.INCLUDE_CLOSED, context),
            open_ended=self.parameterAsBool(parameters, self.OPEN_ENDED, context))
        report = core.find_clashes(works, options)
        report.skipped[:0] = unreadable
        for work, reason in report.skipped:
            feedback.reportError(self.tr("Not checked: {title} ({uuid}): {reason}").format(
                title=work.title, uuid=work.uuid, reason=reason))
        feedback.pushInfo(self.tr("{n} clashes among {m} road works.").format(n=len(report.clashes),
                                                                             m=report.checked))

        fields = road_works.clash_fields()
        crs = QgsCoordinateReferenceSystem(STORE_CRS)
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, road_works.CLASH_WKB_TYPE, crs)
        table, table_id = self.parameterAsSink(parameters, self.TABLE, context, fields, QgsWkbTypes.NoGeometry)
        for count, clash in enumerate(report.clashes):
            sink.addFeature(road_works.clash_feature(clash, fields), QgsFeatureSink.FastInsert)
            if table is not None:
                table.addFeature(road_works.clash_feature(clash, fields, with_geometry=False),
                                 QgsFeatureSink.FastInsert)
            feedback.setProgress(100 * (count + 1) / len(report.clashes))
        if context.willLoadLayerOnCompletion(dest_id):
            context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(_CLASH_STYLE)

        results = {self.OUTPUT: dest_id, self.CLASH_COUNT: len(report.clashes), self.CHECKED_COUNT: report.checked}
        if table is not None:
            results[self.TABLE] = table_id
        report_path = self.parameterAsFileOutput(parameters, self.REPORT, context)
        if report_path:
            with open(report_path, "w", encoding="utf-8") as stream:
                stream.write(core.html_report(report))
            results[self.REPORT] = report_path
        return results

