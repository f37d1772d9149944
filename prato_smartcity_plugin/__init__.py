"""Prato Smart City QGIS plugin.

Layers, visible in the tree:
- ``core/``: pure Python (domain model, clients, sync engine, analyses, export rules). Never imports ``qgis``.
- ``adapters/``: the QGIS side of the core (layers, GeoPackage store, tasks, settings, network, logging). No widgets.
- ``processing_provider/``: every capability as a Processing algorithm (provider id ``pratosmartcity``).
- ``gui/``: dock, dialogs, options page, map tools. Only wires the other layers together.
"""


def classFactory(iface):  # noqa: N802 (QGIS plugin entry point name)
    from prato_smartcity_plugin.plugin import PratoSmartCityPlugin

    return PratoSmartCityPlugin(iface)
