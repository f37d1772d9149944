"""``pratosmartcity:download_open_data_resource``: a CKAN portal's resource (through the offline cache) as a layer
written to a GeoPackage (or any vector format), for models, batch mode and ``qgis_process``."""

from __future__ import annotations

from qgis.core import (
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterString,
    QgsVectorLayer,
)

from prato_smartcity_plugin.processing_provider.base import PratoAlgorithm


class DownloadOpenDataResource(PratoAlgorithm):
    PORTAL = "PORTAL"
    DATASET = "DATASET"
    RESOURCE = "RESOURCE"
    CRS = "CRS"
    OUTPUT = "OUTPUT"

    def name(self) -> str:
        return "download_open_data_resource"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Download open data resource")

    def group(self) -> str:
        return self.tr("Open data")

    def groupId(self) -> str:  # noqa: N802
        return "opendata"

    def shortHelpString(self) -> str:  # noqa: N802
        return self.tr("Downloads a resource of a CKAN open data portal (API v3) into the plugin's offline cache, or "
                       "reuses the cached copy when the portal says it has not changed or cannot be reached, and "
                       "writes it as a layer (a GeoPackage by default). The layer keeps the dataset's title, "
                       "licence and links in its metadata. PORTAL is the portal's address or the name of a portal "
                       "in the plugin's options; DATASET and RESOURCE are ids or names (an empty RESOURCE takes the "
                       "dataset's first resource that can be loaded). CRS is used only when the resource does not "
                       "tell its own.")

    def initAlgorithm(self, config=None):  # noqa: N802
        from prato_smartcity_plugin.adapters import settings

        default = settings.portals()[0]["url"] if settings.portals() else ""
        self.addParameter(QgsProcessingParameterString(self.PORTAL, self.tr("Portal (address or name)"), default))
        self.addParameter(QgsProcessingParameterString(self.DATASET, self.tr("Dataset (id or name)")))
        self.addParameter(QgsProcessingParameterString(self.RESOURCE, self.tr("Resource (id or name)"),
                                                       optional=True))
        self.addParameter(QgsProcessingParameterCrs(self.CRS, self.tr("CRS when the resource does not tell"),
                                                    optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Open data layer"),
                                                            QgsProcessing.TypeVectorAnyGeometry))

    def execute(self, parameters, context, feedback):
        from prato_smartcity_plugin.adapters import settings
        from prato_smartcity_plugin.adapters.catalogue_layers import layer_metadata, load_layers
        from prato_smartcity_plugin.adapters.catalogue_tasks import find_portal, portal_service
        from prato_smartcity_plugin.core.catalogue import formats
        from prato_smartcity_plugin.core.errors import CancelledError, InputError

        portal_text = self.parameterAsString(parameters, self.PORTAL, context).strip()
        portal = next((p for p in settings.portals() if p.get("name") == portal_text), None) or \
            find_portal(portal_text)
        service = portal_service(portal)
        dataset = service.dataset(self.parameterAsString(parameters, self.DATASET, context).strip())
        wanted = self.parameterAsString(parameters, self.RESOURCE, context).strip()
        if wanted:
            resource = dataset.resource(wanted)
        else:
            writable = set(formats.LOADABLE_KINDS) - {formats.WMS}
            resource = next((r for r in dataset.resources
                             if formats.normalise_format(r.format, r.url, r.mimetype) in writable), None)
            if resource is None:
                raise InputError(self.tr("The dataset {name} has no resource that can be loaded as a layer.")
                                 .format(name=dataset.title))
        crs = self.parameterAsCrs(parameters, self.CRS, context)
        feedback.pushInfo(self.tr("Resource: {name} ({url})").format(name=resource.name, url=resource.url))

        def progress(received, total):
            if total:
                feedback.setProgress(50.0 * received / total)
            return not feedback.isCanceled()

        entry = service.fetch(dataset, resource, progress=progress)
        if feedback.isCanceled():
            raise CancelledError(self.tr("Cancelled."))
        report = load_layers(entry, crs_prompt=lambda name: crs if crs.isValid() else None)
        for message in report.messages():
            feedback.reportError(message, False)
        layer = report.layers[0]
        if not isinstance(layer, QgsVectorLayer):
            raise InputError(self.tr("{name} is a map image service (WMS): add it to the map from the catalogue; it "
                                     "cannot be written as features.").format(name=resource.name))
        if len(report.layers) > 1:
            feedback.pushInfo(self.tr("The resource holds {count} layers; the first one is written.").format(
                count=len(report.layers)))
        context.setInvalidGeometryCheck(QgsFeatureRequest.GeometryNoCheck)  # invalid ones are kept, and reported
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, layer.fields(), layer.wkbType(),
                                          layer.crs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        total = layer.featureCount() or 1
        for index, feature in enumerate(layer.getFeatures()):
            if feedback.isCanceled():
                break
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
            if index % 1000 == 0:
                feedback.setProgress(50.0 + 50.0 * index / total)
        details = context.layerToLoadOnCompletionDetails(dest) if context.willLoadLayerOnCompletion(dest) else None
        if details is not None:
            details.name = layer.name()
        self._metadata = layer_metadata(entry, layer)
        self._dest = dest
        return {self.OUTPUT: dest}

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802
        dest = getattr(self, "_dest", None)
        if dest:
            from qgis.core import QgsProcessingUtils

            layer = QgsProcessingUtils.mapLayerFromString(dest, context)
            if layer is not None:
                layer.setMetadata(self._metadata)
        return {self.OUTPUT: dest} if dest else {}

