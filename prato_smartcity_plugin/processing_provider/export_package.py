"""``pratosmartcity:export_contractor_package``: the contractor package (shapefiles, README, optional GeoPackage and
DXF copies, verified, zipped), for models, batch runs and ``qgis_process``."""

from __future__ import annotations

import shutil
import tempfile

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterString,
)

from prato_smartcity_plugin.core.errors import InputError, PratoError
from prato_smartcity_plugin.core.export.rules import DEFAULT_CRS, ExportOptions, LongTextPolicy
from prato_smartcity_plugin.core.i18n import translate
from prato_smartcity_plugin.processing_provider.base import PratoAlgorithm

POLICIES = (LongTextPolicy.SPLIT, LongTextPolicy.TRUNCATE)


def parse_overrides(text: str) -> dict[str, str]:
    """``"description=descr;street=via"`` (``;``, ``,`` or new lines between pairs) -> a dict."""
    result = {}
    for item in text.replace("\n", ";").replace(",", ";").split(";"):
        if not item.strip():
            continue
        original, sep, short = item.partition("=")
        if not sep or not original.strip() or not short.strip():
            raise InputError(translate("PratoSmartCity", "Write the field names as original=short, separated by "
                                                         "semicolons: {item}").format(item=item))
        result[original.strip()] = short.strip()
    return result


class ExportContractorPackage(PratoAlgorithm):
    LAYERS, SELECTED, CRS, LABELS, LONG_TEXT = "LAYERS", "SELECTED_ONLY", "CRS", "LABELS", "LONG_TEXT"
    OVERRIDES, GPKG, DXF, OUTPUT = "NAME_OVERRIDES", "GPKG_COPY", "DXF_COPY", "OUTPUT"

    def name(self):
        return "export_contractor_package"

    def displayName(self):  # noqa: N802
        return self.tr("Export contractor package")

    def group(self):
        return self.tr("Export")

    def groupId(self):  # noqa: N802
        return "export"

    def shortHelpString(self):  # noqa: N802
        return self.tr(
            "Writes a ZIP for contractors: one shapefile per layer and geometry type (points, lines, polygons) in the "
            "chosen CRS, with .prj and UTF-8 .cpg, readable 10-character field names, dates as dates, coded values "
            "as Italian labels (option), long texts split or truncated, and LEGGIMI.txt / README.txt listing files, "
            "field names, labels, CRS, counts and the attribution and licence of every layer. Every file is re-read "
            "and checked before the ZIP is written.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterMultipleLayers(self.LAYERS, self.tr("Layers"),
                                                               QgsProcessing.TypeVectorAnyGeometry))
        self.addParameter(QgsProcessingParameterBoolean(self.SELECTED, self.tr("Selected features only"), False))
        self.addParameter(QgsProcessingParameterCrs(self.CRS, self.tr("Coordinate reference system"), DEFAULT_CRS))
        self.addParameter(QgsProcessingParameterBoolean(self.LABELS, self.tr("Coded values as Italian labels"),
                                                        True))
        self.addParameter(QgsProcessingParameterEnum(
            self.LONG_TEXT, self.tr("Text longer than 254 bytes"),
            [self.tr("Split into continuation fields"), self.tr("Truncate (with a warning)")], defaultValue=0))
        self.addParameter(QgsProcessingParameterString(
            self.OVERRIDES, self.tr("Field names (original=short; …)"), optional=True, defaultValue=""))
        self.addParameter(QgsProcessingParameterBoolean(self.GPKG, self.tr("Add a GeoPackage copy"), False))
        self.addParameter(QgsProcessingParameterBoolean(self.DXF, self.tr("Add DXF copies"), False))
        self.addParameter(QgsProcessingParameterFileDestination(self.OUTPUT, self.tr("Package"),
                                                                self.tr("ZIP files (*.zip)")))
        self.addOutput(QgsProcessingOutputNumber("FEATURES", self.tr("Features written")))
        self.addOutput(QgsProcessingOutputString("REPORT", self.tr("Report")))

    def prepareAlgorithm(self, parameters, context, feedback):  # noqa: N802
        """On the main thread: layers are read (and non-GeoPackage ones staged) here."""
        from prato_smartcity_plugin.adapters.export_layers import source_from_layer

        self._staging = tempfile.mkdtemp(prefix="prato-export-stage-")
        try:
            layers = self.parameterAsLayerList(parameters, self.LAYERS, context)
            if not layers:
                raise InputError(self.tr("Choose at least one layer to export."))
            selected = self.parameterAsBoolean(parameters, self.SELECTED, context)
            self._sources = [source_from_layer(layer, selected, self._staging) for layer in layers]
            crs = self.parameterAsCrs(parameters, self.CRS, context)
            self._options = ExportOptions(
                crs=crs.authid() if crs.isValid() and crs.authid() else (crs.toWkt() or DEFAULT_CRS),
                labels=self.parameterAsBoolean(parameters, self.LABELS, context),
                long_text=POLICIES[self.parameterAsEnum(parameters, self.LONG_TEXT, context)],
                overrides=parse_overrides(self.parameterAsString(parameters, self.OVERRIDES, context) or ""),
                selected_only=selected,
                gpkg_copy=self.parameterAsBoolean(parameters, self.GPKG, context),
                dxf_copy=self.parameterAsBoolean(parameters, self.DXF, context))
            self._output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        except PratoError as error:
            shutil.rmtree(self._staging, ignore_errors=True)
            if error.details:
                feedback.pushDebugInfo(error.details)
            raise QgsProcessingException(error.message) from error
        return True

    def execute(self, parameters, context, feedback):
        from prato_smartcity_plugin.adapters.export_package import export_package

        try:
            report = export_package(
                self._sources, self._options, self._output,
                progress=lambda fraction, message: (feedback.setProgress(100 * fraction),
                                                    feedback.setProgressText(message)),
                cancelled=feedback.isCanceled)
        finally:
            shutil.rmtree(self._staging, ignore_errors=True)
        for note in report.notes:
            (feedback.reportError(note.text(), False) if note.warning else feedback.pushInfo(note.text()))
        for line in report.verification:
            feedback.pushInfo(line)
        return {self.OUTPUT: report.zip_path, "FEATURES": sum(f.count for f in report.files),
                "REPORT": report.summary()}

