"""``pratosmartcity:prepare_field_kit``: take the project offline for an area."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateTransform,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
)

from prato_smartcity_plugin.processing_provider.base import PratoAlgorithm


class PrepareFieldKitAlgorithm(PratoAlgorithm):
    AREA_LAYER = "AREA_LAYER"
    EXTENT = "EXTENT"
    LAYERS = "LAYERS"
    FOLDER = "FOLDER"
    ZOOM_MIN = "ZOOM_MIN"
    ZOOM_MAX = "ZOOM_MAX"
    MAX_TILES = "MAX_TILES"

    def name(self):
        return "prepare_field_kit"

    def displayName(self):
        return self.tr("Prepare field kit")

    def group(self):
        return self.tr("Field work")

    def groupId(self):
        return "field_work"

    def flags(self):
        # reads and clones the project's layers: must run in the main thread
        return super().flags() | QgsProcessingAlgorithm.FlagNoThreading

    def shortHelpString(self):
        return self.tr(
            "Makes a self-contained folder to work offline: the chosen layers clipped to the area (online layers "
            "become local copies), raster basemaps cached as MBTiles for the zoom range, the interventions store "
            "with its change log, and a project that uses only those copies. The area is the union of the (selected) "
            "features of the area layer, e.g. a district, or else the extent. Layers that cannot be taken offline are "
            "listed with the reason. A folder holding a kit with changes not yet synced is never overwritten."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.AREA_LAYER,
                self.tr("Area (polygons, e.g. a district; selected features only if ticked)"),
                [QgsProcessing.TypeVectorPolygon],
                optional=True,
            )
        )
        self.addParameter(QgsProcessingParameterExtent(self.EXTENT, self.tr("Area (extent)"), optional=True))
        self.addParameter(
            QgsProcessingParameterMultipleLayers(
                self.LAYERS,
                self.tr("Layers to take (all the project's layers if none)"),
                QgsProcessing.TypeMapLayer,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.ZOOM_MIN, self.tr("Basemap minimum zoom"), QgsProcessingParameterNumber.Integer, 12, False, 0, 22
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.ZOOM_MAX, self.tr("Basemap maximum zoom"), QgsProcessingParameterNumber.Integer, 16, False, 0, 22
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MAX_TILES,
                self.tr("Maximum basemap tiles per layer"),
                QgsProcessingParameterNumber.Integer,
                20000,
                False,
                1,
            )
        )
        self.addParameter(QgsProcessingParameterFolderDestination(self.FOLDER, self.tr("Field kit folder")))
        self.addOutput(QgsProcessingOutputFile("PROJECT", self.tr("Field kit project")))
        self.addOutput(QgsProcessingOutputNumber("SIZE_BEFORE", self.tr("Size of the sources (bytes)")))
        self.addOutput(QgsProcessingOutputNumber("SIZE_AFTER", self.tr("Size of the kit (bytes)")))
        self.addOutput(QgsProcessingOutputString("REPORT", self.tr("Report")))

    def execute(self, parameters, context, feedback):
        from prato_smartcity_plugin.adapters.field_kit import FieldKitBuilder

        project = context.project()
        if project is None:
            raise QgsProcessingException(self.tr("A project is needed to prepare a field kit."))
        area = self._area(parameters, context, project)
        layers = self.parameterAsLayerList(parameters, self.LAYERS, context) or None
        builder = FieldKitBuilder(
            project,
            area,
            self.parameterAsString(parameters, self.FOLDER, context),
            layers,
            self.parameterAsInt(parameters, self.ZOOM_MIN, context),
            self.parameterAsInt(parameters, self.ZOOM_MAX, context),
            self.parameterAsInt(parameters, self.MAX_TILES, context),
            feedback,
        )
        report = builder.build()
        for refused in report.refused:
            feedback.reportError(
                self.tr("{name} was not taken offline: {reason}").format(name=refused.name, reason=refused.reason)
            )
        feedback.pushInfo(report.summary())
        return {
            self.FOLDER: str(report.folder),
            "PROJECT": str(report.project_path),
            "SIZE_BEFORE": report.size_before,
            "SIZE_AFTER": report.size_after,
            "REPORT": report.summary(),
        }

    def _area(self, parameters, context, project) -> QgsGeometry:
        source = self.parameterAsSource(parameters, self.AREA_LAYER, context)
        if source is not None:
            transform = QgsCoordinateTransform(source.sourceCrs(), project.crs(), project.transformContext())
            parts = []
            for feature in source.getFeatures():
                if feature.hasGeometry():
                    geometry = QgsGeometry(feature.geometry())
                    geometry.transform(transform)
                    parts.append(geometry)
            if not parts:
                raise QgsProcessingException(self.tr("The area layer has no (selected) polygon."))
            return QgsGeometry.unaryUnion(parts)
        if parameters.get(self.EXTENT):
            extent = self.parameterAsExtent(parameters, self.EXTENT, context, project.crs())
            if not extent.isEmpty():
                return QgsGeometry.fromRect(extent)
        raise QgsProcessingException(self.tr("Choose an area: a polygon layer (e.g. a district) or an extent."))
