"""A small ``QgisInterface`` for tests in a real ``QgsApplication``.

The real interface exists only inside the QGIS desktop (tested in ``tests/e2e``). This one is a test double, but made
of real parts: a real ``QMainWindow``, ``QgsMapCanvas``, ``QgsMessageBar`` and layer tree, so that widgets under test
talk to real QGIS objects. Only what the plugin calls is implemented; anything else raises, so nothing passes by
accident.
"""

from __future__ import annotations

from qgis.core import QgsGeometry, QgsLayerTreeModel, QgsProject, QgsVectorLayerTools, QgsVectorLayerUtils
from qgis.gui import QgsLayerTreeMapCanvasBridge, QgsLayerTreeView, QgsMapCanvas, QgsMessageBar
from qgis.PyQt.QtCore import QObject, pyqtSignal
from qgis.PyQt.QtWidgets import QMainWindow, QMenu, QToolBar, QVBoxLayout, QWidget


class _LayerTools(QgsVectorLayerTools):
    """QGIS's layer tools without their dialogs: ``addFeature`` adds the feature with the layer's defaults, as if the
    user accepted the native form unchanged; ``added`` records what was added."""

    def __init__(self):
        super().__init__()
        self.added = []

    def addFeature(self, layer, defaultValues=None, defaultGeometry=None, feature=None):  # noqa: N803
        attributes = {int(k): v for k, v in (defaultValues or {}).items()}
        new = QgsVectorLayerUtils.createFeature(layer, defaultGeometry or QgsGeometry(), attributes)
        ok = layer.addFeature(new)
        self.added.append(new)
        return ok

    def startEditing(self, layer):
        return layer.isEditable() or layer.startEditing()

    def stopEditing(self, layer, allowCancel=True):  # noqa: N803
        return layer.commitChanges()

    def saveEdits(self, layer):
        return layer.commitChanges(False)

    def copyMoveFeatures(self, layer, request, dx=0, dy=0, errorMsg=None, topologicalEditing=False,  # noqa: N803
                         topologicalLayer=None):  # noqa: N803
        return False


class FakeIface(QObject):
    currentLayerChanged = pyqtSignal(object)  # noqa: N815 (QgisInterface's names)
    projectRead = pyqtSignal()  # noqa: N815 (QgisInterface's names)
    newProjectCreated = pyqtSignal()  # noqa: N815 (QgisInterface's names)

    def __init__(self):
        super().__init__()
        self._window = QMainWindow()
        central = QWidget(self._window)
        layout = QVBoxLayout(central)
        self._bar = QgsMessageBar(central)
        self._canvas = QgsMapCanvas(central)
        self._canvas.resize(800, 600)
        layout.addWidget(self._bar)
        layout.addWidget(self._canvas)
        self._window.setCentralWidget(central)
        self._tree_view = QgsLayerTreeView(self._window)
        self._tree_view.setModel(QgsLayerTreeModel(QgsProject.instance().layerTreeRoot(), self._window))
        # parented to the canvas: a bridge that outlived its canvas (an iface kept alive by a test) would crash
        # parented to the canvas: a bridge that outlives its canvas crashes QGIS on the next layer-tree change
        self._bridge = QgsLayerTreeMapCanvasBridge(QgsProject.instance().layerTreeRoot(), self._canvas, self._canvas)
        self.plugin_menus: dict[str, QMenu] = {}
        self.toolbars: list[QToolBar] = []
        self.dock_widgets: list = []
        self.options_factories: list = []
        self.drop_handlers: list = []
        self.opened_message_log = 0
        self._layer_tools = _LayerTools()
        self.options_shown: list = []
        self.layer_actions: list = []  # (action, menu, layer type, all layers) from addCustomActionForLayerType

    # windows
    def mainWindow(self):
        return self._window

    def mapCanvas(self):
        return self._canvas

    def messageBar(self):
        return self._bar

    def layerTreeView(self):
        return self._tree_view

    def activeLayer(self):
        return self._tree_view.currentLayer()

    def setActiveLayer(self, layer):
        self._tree_view.setCurrentLayer(layer)
        self.currentLayerChanged.emit(layer)
        return True

    # menus and toolbars
    def addPluginToMenu(self, name, action):
        self.plugin_menus.setdefault(name, QMenu(name, self._window)).addAction(action)

    def removePluginMenu(self, name, action):
        menu = self.plugin_menus.get(name)
        if menu is not None:
            menu.removeAction(action)
            if not menu.actions():
                del self.plugin_menus[name]

    def addToolBar(self, name):
        toolbar = self._window.addToolBar(name)
        self.toolbars.append(toolbar)
        return toolbar

    def addToolBarIcon(self, action):
        self.addToolBar("Plugins").addAction(action)

    def removeToolBarIcon(self, action):
        for toolbar in self.toolbars:
            toolbar.removeAction(action)

    # docks
    def addDockWidget(self, area, dock):
        self._window.addDockWidget(area, dock)
        self.dock_widgets.append(dock)

    def removeDockWidget(self, dock):
        self._window.removeDockWidget(dock)
        self.dock_widgets.remove(dock)

    # options
    def registerOptionsWidgetFactory(self, factory):
        self.options_factories.append(factory)

    def unregisterOptionsWidgetFactory(self, factory):
        self.options_factories.remove(factory)

    def registerCustomDropHandler(self, handler):  # noqa: N802
        self.drop_handlers.append(handler)

    def unregisterCustomDropHandler(self, handler):  # noqa: N802
        self.drop_handlers.remove(handler)

    def showOptionsDialog(self, parent=None, currentPage=""):  # noqa: N803
        self.options_shown.append(currentPage)

    def openMessageLog(self):
        self.opened_message_log += 1

    # layers
    def addVectorLayer(self, uri, name, provider):
        from qgis.core import QgsVectorLayer

        layer = QgsVectorLayer(uri, name, provider)
        if layer.isValid():
            QgsProject.instance().addMapLayer(layer)
            return layer
        return None

    # projects
    def addProject(self, path):  # noqa: N802
        ok = QgsProject.instance().read(path)
        if ok:
            self.projectRead.emit()
        return ok

    # editing: the real digitizing tools live in the desktop (tests/e2e); here the action records its triggers
    def actionAddFeature(self):  # noqa: N802
        if not hasattr(self, "_add_feature_action"):
            from qgis.PyQt.QtWidgets import QAction

            self._add_feature_action = QAction("Add Feature", self._window)
            self.add_feature_triggered = 0
            self._add_feature_action.triggered.connect(self._count_add_feature)
        return self._add_feature_action

    def _count_add_feature(self):
        self.add_feature_triggered += 1

    def openFeatureForm(self, layer, feature, updateFeatureOnly=False, showModal=True):  # noqa: N802, N803
        from qgis.gui import QgsAttributeDialog, QgsGui

        if not QgsGui.editorWidgetRegistry().factories():  # the desktop registers them at start-up
            QgsGui.editorWidgetRegistry().initEditors()
        dialog = QgsAttributeDialog(layer, feature, False, self._window, True)
        self.opened_forms = getattr(self, "opened_forms", []) + [dialog]
        dialog.show()
        return True

    # a layer's context menu (the layer tree's custom actions)
    def addCustomActionForLayerType(self, action, menu, layer_type, all_layers):  # noqa: N802
        self.layer_actions.append((action, menu, layer_type, all_layers))

    def removeCustomActionForLayerType(self, action):  # noqa: N802
        before = len(self.layer_actions)
        self.layer_actions = [entry for entry in self.layer_actions if entry[0] is not action]
        return len(self.layer_actions) < before

    def vectorLayerTools(self):
        return self._layer_tools

    def __getattr__(self, name):
        raise AttributeError(f"FakeIface does not implement {name!r}; add it if the plugin needs it")
