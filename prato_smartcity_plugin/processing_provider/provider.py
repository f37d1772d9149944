"""The ``pratosmartcity`` Processing provider. Each capability adds its algorithms to :data:`ALGORITHMS`
("module:Class"); algorithm modules keep heavy imports inside ``processAlgorithm`` so that loading stays fast."""

from __future__ import annotations

import importlib

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from prato_smartcity_plugin.adapters.paths import icon_path

PROVIDER_ID = "pratosmartcity"

ALGORITHMS: list[str] = [
    "prato_smartcity_plugin.processing_provider.road_works_clashes:RoadWorksClashesAlgorithm",
    "prato_smartcity_plugin.processing_provider.cycling_algorithms:CycleImportAlgorithm",
    "prato_smartcity_plugin.processing_provider.cycling_algorithms:CycleNetworkMeasuresAlgorithm",
    "prato_smartcity_plugin.processing_provider.cycling_algorithms:CycleMissingLinksAlgorithm",
    "prato_smartcity_plugin.processing_provider.cycling_algorithms:CycleCatchmentAlgorithm",
    "prato_smartcity_plugin.processing_provider.cycling_algorithms:CycleBeforeAfterAlgorithm",
    "prato_smartcity_plugin.processing_provider.export_package:ExportContractorPackage",
    "prato_smartcity_plugin.processing_provider.download_open_data:DownloadOpenDataResource",
    "prato_smartcity_plugin.processing_provider.sync_interventions:SyncInterventionsAlgorithm",
    "prato_smartcity_plugin.processing_provider.wifi_algorithms:WifiLoadAccessPoints",
    "prato_smartcity_plugin.processing_provider.wifi_algorithms:WifiCoverage",
    "prato_smartcity_plugin.processing_provider.wifi_algorithms:WifiSiteSelection",
    "prato_smartcity_plugin.processing_provider.field_kit_algorithm:PrepareFieldKitAlgorithm",
]


class PratoSmartCityProvider(QgsProcessingProvider):
    def id(self) -> str:
        return PROVIDER_ID

    def name(self) -> str:
        return QCoreApplication.translate("PratoSmartCity", "Prato Smart City")

    def icon(self):
        return QIcon(icon_path())

    def loadAlgorithms(self) -> None:  # noqa: N802
        for target in ALGORITHMS:
            module_name, class_name = target.split(":")
            self.addAlgorithm(getattr(importlib.import_module(module_name), class_name)())
