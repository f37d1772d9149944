"""Loading and unloading the plugin registers and removes everything it adds."""

from qgis.core import QgsApplication
from qgis.PyQt.QtWidgets import QDockWidget

import prato_smartcity_plugin
from prato_smartcity_plugin.processing_provider.provider import PROVIDER_ID


def _load(iface):
    plugin = prato_smartcity_plugin.classFactory(iface)
    plugin.initProcessing()
    plugin.initGui()
    return plugin


def test_load_registers_menu_toolbar_options_and_provider(qgis_iface):
    plugin = _load(qgis_iface)
    try:
        assert QgsApplication.processingRegistry().providerById(PROVIDER_ID) is not None
        assert len(qgis_iface.options_factories) == 1
        menu_actions = [a for menu in qgis_iface.plugin_menus.values() for a in menu.actions()]
        assert any(a.objectName() == "pratoSmartCityShowDock" for a in menu_actions)
        assert plugin.toolbar.actions()
        plugin.dock_action.trigger()
        dock = qgis_iface.mainWindow().findChild(QDockWidget, "PratoSmartCityDock")
        assert dock is not None and dock.isVisibleTo(qgis_iface.mainWindow())
        assert dock.section("home") is not None
    finally:
        plugin.unload()


def _project_receivers():
    from qgis.core import QgsProject

    project = QgsProject.instance()
    return project.receivers(project.layersAdded), project.receivers(project.layersWillBeRemoved)


def test_unload_and_reload_leave_nothing_behind(qgis_iface):
    project_receivers = _project_receivers()
    for _ in range(2):
        plugin = _load(qgis_iface)
        plugin.dock_action.trigger()
        assert _project_receivers() > project_receivers  # the road-works clash watch listens to the project
        plugin.unload()
        assert _project_receivers() == project_receivers
        assert QgsApplication.processingRegistry().providerById(PROVIDER_ID) is None
        assert qgis_iface.options_factories == []
        assert qgis_iface.plugin_menus == {}
        assert qgis_iface.dock_widgets == []
        assert plugin.toolbar is None and plugin.dock is None
        import logging

        from prato_smartcity_plugin.core.log import ROOT_LOGGER_NAME

        assert logging.getLogger(ROOT_LOGGER_NAME).handlers == []
