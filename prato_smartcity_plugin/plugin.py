"""The plugin object QGIS loads: registers actions, the dock, the options page and the Processing provider, and
removes every one of them in :meth:`unload`. Nothing heavy is imported here: capabilities load when first used."""

from __future__ import annotations

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from prato_smartcity_plugin.adapters import i18n, logging_bridge
from prato_smartcity_plugin.adapters.paths import icon_path
from prato_smartcity_plugin.core.i18n import QT_TRANSLATE_NOOP

MENU = QT_TRANSLATE_NOOP("PratoSmartCity", "&Prato Smart City")


def tr(text: str) -> str:
    return QCoreApplication.translate("PratoSmartCity", text)


class PratoSmartCityPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.actions: list[QAction] = []
        self.toolbar = None
        self.dock = None
        self.options_factory = None
        self.catalogue_provider = None
        self.catalogue_drop_handler = None
        self.export_layer_action = None
        self.export_dialog = None
        self.provider = None
        self.clash_watch = None
        self.menu = MENU
        self.intervention_actions = None
        self.intervention_guard = None

    # --- Processing (called by QGIS before initGui when hasProcessingProvider=yes) ---
    def initProcessing(self) -> None:  # noqa: N802
        if self.provider is not None:
            return
        from prato_smartcity_plugin.processing_provider.provider import PratoSmartCityProvider

        provider = PratoSmartCityProvider()
        if QgsApplication.processingRegistry().addProvider(provider):
            self.provider = provider
        else:  # another copy of the plugin already registered the id: leave it alone, and do not remove it later
            logging_bridge.log_message(tr("The Processing provider {id} is already registered.").format(
                id=provider.id()))

    def initGui(self) -> None:  # noqa: N802
        logging_bridge.install()
        i18n.install()
        self.menu = tr(MENU)
        self.initProcessing()

        self.toolbar = self.iface.addToolBar(tr("Prato Smart City"))
        self.toolbar.setObjectName("PratoSmartCityToolbar")

        action = QAction(QIcon(icon_path()), tr("Prato Smart City"), self.iface.mainWindow())
        action.setObjectName("pratoSmartCityShowDock")
        action.setCheckable(True)
        action.setToolTip(tr("Show the Prato Smart City panel"))
        action.toggled.connect(self._toggle_dock)
        self._add_action(action)
        self.dock_action = action

        self._init_interventions()
        self._init_export()
        self._init_catalogue_browser()

        from prato_smartcity_plugin.gui.options_page import PratoOptionsFactory

        self.options_factory = PratoOptionsFactory()
        self.iface.registerOptionsWidgetFactory(self.options_factory)

        # Road-works clash check: warn as soon as a clashing road work is saved.
        from prato_smartcity_plugin.adapters.clash_watch import ClashWatch

        self.clash_watch = ClashWatch()
        self.clash_watch.clashes_found.connect(self._warn_clashes)
        self.clash_watch.start()

    def _init_interventions(self) -> None:
        from prato_smartcity_plugin.adapters import settings
        from prato_smartcity_plugin.adapters.store import form, layers
        from prato_smartcity_plugin.gui.interventions_actions import InterventionActions, InterventionGuard

        form.set_surveyor(settings.get("surveyor"))
        layers.watch_project()
        self.intervention_guard = InterventionGuard(self.iface)
        self.intervention_actions = InterventionActions(self.iface, self.iface.mainWindow())
        for action in self.intervention_actions.actions.values():
            self._add_action(action)

    def _init_export(self) -> None:
        """The contractor package from a vector layer's context menu (the dock's Export section is the other door)."""
        from qgis.core import QgsMapLayerType

        action = QAction(QIcon(icon_path()), tr("Export contractor package…"), self.iface.mainWindow())
        action.setObjectName("pratoExportContractorPackage")
        action.triggered.connect(self.open_export_dialog)
        self.iface.addCustomActionForLayerType(action, tr("Prato Smart City"), QgsMapLayerType.VectorLayer, True)
        self.export_layer_action = action

    def _init_catalogue_browser(self) -> None:
        """The "Prato Open Data" root of the Browser panel and the drop handler for its resources."""
        from prato_smartcity_plugin.gui.catalogue_browser import CatalogueDropHandler, CatalogueItemProvider

        self.catalogue_provider = CatalogueItemProvider(self.iface)
        QgsApplication.dataItemProviderRegistry().addProvider(self.catalogue_provider)
        self.catalogue_drop_handler = CatalogueDropHandler(self.iface)
        self.iface.registerCustomDropHandler(self.catalogue_drop_handler)

    def open_export_dialog(self):
        from prato_smartcity_plugin.gui.export_dialog import open_export_dialog

        layer = self.iface.activeLayer()
        self.export_dialog = open_export_dialog(self.iface, [layer] if layer is not None else None)
        return self.export_dialog

    def _add_action(self, action: QAction, toolbar: bool = True) -> None:
        self.iface.addPluginToMenu(self.menu, action)
        if toolbar:
            self.toolbar.addAction(action)
        self.actions.append(action)

    def _toggle_dock(self, visible: bool) -> None:
        if visible:
            self.ensure_dock().show()
        elif self.dock is not None:
            self.dock.hide()

    def ensure_dock(self):
        """The dock, created on first use (keeps QGIS start-up fast)."""
        if self.dock is None:
            from prato_smartcity_plugin.gui.dock import PratoDock

            self.dock = PratoDock(self.iface, self.iface.mainWindow())
            self.iface.addDockWidget(Qt.RightDockWidgetArea, self.dock)
            self.dock.visibilityChanged.connect(self._sync_action)
        return self.dock

    def _warn_clashes(self, clashes: list, saved_uuids: list) -> None:
        from prato_smartcity_plugin.gui.clashes_widget import warn

        warn(self.iface, clashes, saved_uuids)

    def _sync_action(self, visible: bool) -> None:
        if self.dock_action.isChecked() != visible:
            self.dock_action.blockSignals(True)
            self.dock_action.setChecked(visible)
            self.dock_action.blockSignals(False)

    def unload(self) -> None:
        if self.clash_watch is not None:
            self.clash_watch.stop()
            self.clash_watch.clashes_found.disconnect(self._warn_clashes)
            self.clash_watch = None
        for action in self.actions:
            self.iface.removePluginMenu(self.menu, action)
            if self.toolbar is not None:
                self.toolbar.removeAction(action)
            action.deleteLater()
        self.actions.clear()
        if self.export_layer_action is not None:
            self.iface.removeCustomActionForLayerType(self.export_layer_action)
            self.export_layer_action.deleteLater()
            self.export_layer_action = None
        if self.export_dialog is not None:
            self.export_dialog.close()
            self.export_dialog = None
        if self.dock is not None:
            self.dock.visibilityChanged.disconnect(self._sync_action)
            self.iface.removeDockWidget(self.dock)
            self.dock.deleteLater()
            self.dock = None
        if self.toolbar is not None:
            self.iface.mainWindow().removeToolBar(self.toolbar)
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.intervention_guard is not None:
            from prato_smartcity_plugin.adapters.store import layers

            layers.unwatch_project()
            self.intervention_guard.unload()
            self.intervention_guard = None
            self.intervention_actions = None
        if self.catalogue_provider is not None:
            QgsApplication.dataItemProviderRegistry().removeProvider(self.catalogue_provider)  # deletes it
            self.catalogue_provider = None
        if self.catalogue_drop_handler is not None:
            self.iface.unregisterCustomDropHandler(self.catalogue_drop_handler)
            self.catalogue_drop_handler = None
        if self.options_factory is not None:
            self.iface.unregisterOptionsWidgetFactory(self.options_factory)
            self.options_factory = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        i18n.uninstall()
        logging_bridge.uninstall()
        _let_qgis_forget_every_module()


def _let_qgis_forget_every_module() -> None:
    """When QGIS unloads a plugin it drops from ``sys.modules`` only the modules its import hook saw, and that hook
    misses parent packages and ``importlib`` imports (the lazy sections and algorithms). Hand it every module of the
    package, so that a reload (Plugin Manager, Plugin Reloader) runs fresh code. Outside QGIS's plugin machinery
    (tests) there is no entry for the package and nothing happens."""
    import sys

    from qgis import utils

    package = __name__.split(".")[0]
    tracked = getattr(utils, "_plugin_modules", {}).get(package)
    if tracked is not None:
        tracked.update(name for name in sys.modules if name == package or name.startswith(f"{package}."))
