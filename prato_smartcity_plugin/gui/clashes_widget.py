"""Road-works clashes in the GUI: the warning shown when a saved road work clashes with another (with a button to show
the clashes on the map), and a small panel to set the check's options and run it over the project's interventions
(the interventions panel or the dock embeds it)."""

from __future__ import annotations

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsProcessingAlgorithm,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
)
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtWidgets import (
    QApplication,
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from prato_smartcity_plugin.adapters import settings
from prato_smartcity_plugin.adapters.logging_bridge import LOG_TAG
from prato_smartcity_plugin.core.errors import Level
from prato_smartcity_plugin.gui.messages import push

ALGORITHM_ID = "pratosmartcity:road_works_clashes"
#: At most this many warnings per save; the rest are counted in one more message.
MAX_WARNINGS = 3


# --- on save -------------------------------------------------------------------------------------------------


def warn(iface, clashes: list, saved_uuids: list[str]) -> None:
    """Warn in the message bar about the clashes of the works just saved: the other work, its body and the overlap
    period, each with a "Show clashes" button."""
    from prato_smartcity_plugin.core.interventions.clashes import describe

    saved = set(saved_uuids)
    bar = iface.messageBar()
    for clash in clashes[:MAX_WARNINGS]:
        uuid = clash.a.uuid if clash.a.uuid in saved else clash.b.uuid
        _push_with_button(iface, bar, describe(clash, uuid), clashes)
    if len(clashes) > MAX_WARNINGS:
        more = QCoreApplication.translate("PratoSmartCity", "… and {n} more road works clashes.")
        _push_with_button(iface, bar, more.format(n=len(clashes) - MAX_WARNINGS), clashes)


def _push_with_button(iface, bar, text: str, clashes: list) -> None:
    widget = bar.createMessage(LOG_TAG, text)
    button = QPushButton(QCoreApplication.translate("PratoSmartCity", "Show clashes"), widget)
    button.setObjectName("pratoShowClashesButton")
    button.clicked.connect(lambda: show_clashes(iface, clashes))
    widget.layout().addWidget(button)
    bar.pushWidget(widget, Qgis.Warning, 0)


def show_clashes(iface, clashes: list):
    """The clashes as the project's "Road works clashes" layer (replacing the previous one), zoomed to."""
    from prato_smartcity_plugin.adapters.road_works import clash_layer

    layer = clash_layer(clashes)
    add_clash_layer(iface, layer)
    return layer


def add_clash_layer(iface, layer) -> None:
    from prato_smartcity_plugin.adapters.road_works import CLASHES_LAYER_PROPERTY

    project = QgsProject.instance()
    layer.setCustomProperty(CLASHES_LAYER_PROPERTY, True)
    old = [lid for lid, other in project.mapLayers().items() if other.customProperty(CLASHES_LAYER_PROPERTY)]
    project.removeMapLayers(old)
    project.addMapLayer(layer, False)
    project.layerTreeRoot().insertLayer(0, layer)  # on top, never inside the group of the selected layer
    canvas = iface.mapCanvas()
    if layer.featureCount() and canvas is not None:
        extent = layer.extent()
        extent.grow(max(50.0, extent.width() * 0.2, extent.height() * 0.2))
        canvas.setExtent(extent)
        canvas.refresh()


class _Feedback(QgsProcessingFeedback):
    """Keeps the algorithm's error messages, to tell the user why a check did not run."""

    def __init__(self):
        super().__init__()
        self.errors: list[str] = []

    def reportError(self, error, fatalError=False):  # noqa: N802, N803
        self.errors.append(error)
        super().reportError(error, fatalError)


# --- the panel -----------------------------------------------------------------------------------------------


class ClashesWidget(QWidget):
    """Options of the clash check (kept in the settings: the save-time warning uses them too) and "Check now", which
    runs ``pratosmartcity:road_works_clashes`` in a task over the project's interventions layers."""

    def __init__(self, iface, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.setObjectName("pratoClashesWidget")
        self._running: tuple | None = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.distance = QDoubleSpinBox(self)
        self.distance.setObjectName("clash_distance_m")
        self.distance.setRange(0, 5000)
        self.distance.setDecimals(0)
        self.distance.setSuffix(self.tr(" m"))
        self.distance.setValue(settings.get("clash_distance_m"))
        self.distance.setToolTip(self.tr("Road works on the same street closer than this clash"))
        self.distance.valueChanged.connect(lambda value: settings.set("clash_distance_m", float(value)))
        form.addRow(self.tr("Same street within"), self.distance)
        layout.addLayout(form)
        self.checks = {}
        for key, text in (
                ("clash_same_body", self.tr("Also works of the same responsible body")),
                ("clash_include_closed", self.tr("Also cancelled and completed works")),
                ("clash_open_ended", self.tr("Missing dates mean open-ended works")),
                ("clash_warn_on_save", self.tr("Warn when a clashing road work is saved"))):
            box = QCheckBox(text, self)
            box.setObjectName(key)
            box.setChecked(settings.get(key))
            box.toggled.connect(lambda checked, key=key: settings.set(key, bool(checked)))
            layout.addWidget(box)
            self.checks[key] = box
        buttons = QHBoxLayout()
        self.check_button = QPushButton(self.tr("Check road works clashes"), self)
        self.check_button.setObjectName("pratoCheckClashesButton")
        self.check_button.clicked.connect(self.check_now)
        buttons.addWidget(self.check_button)
        self.processing_button = QPushButton(self.tr("Processing…"), self)
        self.processing_button.setToolTip(self.tr("Open the algorithm, to choose the layers and write a table or a "
                                                  "report"))
        self.processing_button.clicked.connect(self.open_algorithm)
        buttons.addWidget(self.processing_button)
        layout.addLayout(buttons)
        self.status = QLabel(self)
        self.status.setObjectName("pratoClashesStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        layout.addStretch(1)

    def parameters(self) -> dict:
        return {"DISTANCE": self.distance.value(), "SAME_BODY": self.checks["clash_same_body"].isChecked(),
                "INCLUDE_CLOSED": self.checks["clash_include_closed"].isChecked(),
                "OPEN_ENDED": self.checks["clash_open_ended"].isChecked(), "OUTPUT": "TEMPORARY_OUTPUT"}

    def check_now(self) -> None:
        algorithm = QgsApplication.processingRegistry().algorithmById(ALGORITHM_ID)
        if algorithm is None:
            self.status.setText(self.tr("The Processing provider of the plugin is not loaded."))
            return
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        feedback = _Feedback()
        if algorithm.flags() & QgsProcessingAlgorithm.FlagNoThreading:
            self._running = (None, context, feedback)
            self.status.setText(self.tr("Checking…"))
            QApplication.setOverrideCursor(Qt.WaitCursor)
            try:
                results, ok = algorithm.run(self.parameters(), context, feedback)
            finally:
                QApplication.restoreOverrideCursor()
            self._finished(ok, results)
            return
        task = QgsProcessingAlgRunnerTask(algorithm, self.parameters(), context, feedback)
        self._running = (task, context, feedback)
        if task.isCanceled():  # the algorithm refused its inputs while preparing: say why
            self._finished(False, {})
            return
        task.executed.connect(self._finished)
        self.check_button.setEnabled(False)
        self.status.setText(self.tr("Checking…"))
        QgsApplication.taskManager().addTask(task)

    def _finished(self, ok: bool, results: dict) -> None:
        task, context, feedback = self._running
        self._running = None
        self.check_button.setEnabled(True)
        if not ok:
            message = feedback.errors[0] if feedback.errors else self.tr("The clash check failed.")
            self.status.setText(message)
            push(self.iface.messageBar(), message, Level.WARNING, "\n".join(feedback.errors), iface=self.iface)
            return
        layer = context.takeResultLayer(results["OUTPUT"])
        from prato_smartcity_plugin.adapters.road_works import apply_style

        apply_style(layer)
        layer.setName(self.tr("Road works clashes"))
        add_clash_layer(self.iface, layer)
        self.status.setText(self.tr("{n} clashes among {m} road works.").format(
            n=int(results["CLASH_COUNT"]), m=int(results["CHECKED_COUNT"])))

    def open_algorithm(self) -> None:
        import processing

        parameters = self.parameters()
        parameters.pop("OUTPUT")
        processing.execAlgorithmDialog(ALGORITHM_ID, parameters)
