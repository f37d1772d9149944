"""The "New intervention" actions (point, line, area) for the toolbar and the dock, and the guard that checks what is
drawn before it is saved. Digitizing itself is QGIS's own (snapping, tracing, undo/redo); the form is the native one
that the store configures."""

from __future__ import annotations

from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication, QObject
from qgis.PyQt.QtWidgets import QAction

from prato_smartcity_plugin.adapters import settings
from prato_smartcity_plugin.adapters.store import database, validation
from prato_smartcity_plugin.adapters.store import layers as store_layers
from prato_smartcity_plugin.core.errors import Level
from prato_smartcity_plugin.core.interventions import schema
from prato_smartcity_plugin.core.interventions.schema import GeometryKind
from prato_smartcity_plugin.gui import messages

SYSTEM_FIELDS = {spec.name for spec in schema.FIELDS if spec.system}
ICONS = {GeometryKind.POINT: "/mActionCapturePoint.svg", GeometryKind.LINE: "/mActionCaptureLine.svg",
         GeometryKind.POLYGON: "/mActionCapturePolygon.svg"}


def tr(text: str) -> str:
    return QCoreApplication.translate("PratoSmartCity", text)


def action_texts() -> dict[GeometryKind, str]:
    return {GeometryKind.POINT: tr("New intervention (point)"), GeometryKind.LINE: tr("New intervention (line)"),
            GeometryKind.POLYGON: tr("New intervention (area)")}


def start_new_intervention(iface, kind: GeometryKind) -> QgsVectorLayer | None:
    """Open the store's layers, make ``kind``'s layer active and editable, and start QGIS's digitizing on it."""
    with messages.reporting_errors(iface.messageBar(), iface):
        layer = store_layers.open_layers()[kind]
        iface.setActiveLayer(layer)
        if not layer.isEditable():
            layer.startEditing()
        iface.actionAddFeature().trigger()
        return layer
    return None


class InterventionActions(QObject):
    """The three actions, shared by the plugin's toolbar and the dock."""

    def __init__(self, iface, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.actions: dict[GeometryKind, QAction] = {}
        from qgis.core import QgsApplication

        for kind, text in action_texts().items():
            action = QAction(QgsApplication.getThemeIcon(ICONS[kind]), text, parent)
            action.setObjectName(f"pratoNewIntervention_{kind.value}")
            action.triggered.connect(lambda _checked=False, k=kind: start_new_intervention(self.iface, k))
            self.actions[kind] = action


class InterventionGuard(QObject):
    """Checks each feature drawn or reshaped on a store layer: an invalid geometry gets a warning with a Repair button
    (makeValid); a geometry outside the comune gets a warning. Save problems (attachments) are reported too. The
    store's triggers refuse inconsistent dates and negative budgets whatever the client, and the form blocks them."""

    def __init__(self, iface, project: QgsProject | None = None, boundary=None):
        super().__init__()
        self.iface = iface
        self.project = project or QgsProject.instance()
        self._boundary = boundary
        self._boundary_loaded = boundary is not None
        self._watched: set[str] = set()
        self._slots: dict[str, tuple] = {}
        self.project.layersAdded.connect(self._watch_layers)
        store_layers.events.saving.connect(self.check_save)
        store_layers.events.saved.connect(self._report_save)
        self._watch_layers(list(self.project.mapLayers().values()))

    def unload(self) -> None:
        try:
            self.project.layersAdded.disconnect(self._watch_layers)
            store_layers.events.saving.disconnect(self.check_save)
            store_layers.events.saved.disconnect(self._report_save)
        except TypeError:
            pass
        for layer_id in list(self._watched):
            layer = self.project.mapLayer(layer_id)
            if layer is not None:
                layer.featureAdded.disconnect(self._slots[layer_id][0])
                layer.geometryChanged.disconnect(self._slots[layer_id][1])
        self._watched.clear()

    @property
    def boundary(self):
        if not self._boundary_loaded:
            self._boundary = validation.load_boundary()
            self._boundary_loaded = True
        return self._boundary

    def _watch_layers(self, layers) -> None:
        for layer in layers:
            if not isinstance(layer, QgsVectorLayer) or store_layers.kind_of(layer) is None:
                continue
            if layer.id() in self._watched:
                continue
            added = lambda fid, layer=layer: self.check_feature(layer, fid)  # noqa: E731
            changed = lambda fid, _geometry, layer=layer: self.check_feature(layer, fid)  # noqa: E731
            layer.featureAdded.connect(added)
            layer.geometryChanged.connect(changed)
            self._slots[layer.id()] = (added, changed)
            self._watched.add(layer.id())
            layer_id = layer.id()
            layer.willBeDeleted.connect(lambda layer_id=layer_id: self._watched.discard(layer_id))

    def check_feature(self, layer: QgsVectorLayer, fid: int) -> list:
        """Check one feature of ``layer``'s edit buffer; report the problems; returns them (for tests)."""
        feature = layer.getFeature(fid)
        geometry = feature.geometry() if feature.hasGeometry() else None
        problems = validation.geometry_problems(geometry, self.boundary)
        bar = self.iface.messageBar()
        for problem in problems:
            if problem.blocking and geometry is not None:
                self._offer_repair(layer, fid, problem.message)
            else:
                messages.push(bar, problem.message, Level.CRITICAL if problem.blocking else Level.WARNING,
                              iface=self.iface)
        return problems

    def _offer_repair(self, layer: QgsVectorLayer, fid: int, message: str) -> None:
        messages.push(self.iface.messageBar(), message, Level.CRITICAL, iface=self.iface,
                      buttons=[(tr("Repair"), lambda: self.repair(layer, fid), "pratoRepairGeometry")])

    def repair(self, layer: QgsVectorLayer, fid: int) -> bool:
        """Replace the feature's geometry with its repaired version in the edit buffer (undoable)."""
        kind = store_layers.kind_of(layer)
        fixed = validation.repaired(layer.getFeature(fid).geometry(), kind)
        if fixed is None:
            messages.push(self.iface.messageBar(), tr("The geometry cannot be repaired: redraw it."), Level.CRITICAL,
                          iface=self.iface)
            return False
        layer.beginEditCommand(tr("Repair geometry"))
        layer.changeGeometry(fid, fixed)
        layer.endEditCommand()
        messages.push(self.iface.messageBar(), tr("Geometry repaired."), Level.SUCCESS)
        return True

    def check_save(self, event) -> list[str]:
        """Before a commit: the schema's rules on every added or changed feature, whatever the edit path (form,
        attribute table, field calculator). What the store refuses (an empty required field, an end before the start,
        a negative budget: its triggers, for every client) makes the save fail: the user is told why, in one
        critical message, and that the edits are kept in the layer's edit buffer. Other broken rules are a warning
        (the save goes through). Returns the lines shown."""
        layer = event.layer
        buffer = layer.editBuffer()
        if buffer is None:
            return []
        fids = set(buffer.addedFeatures()) | set(buffer.changedAttributeValues()) | set(buffer.changedGeometries())
        fids -= set(buffer.deletedFeatureIds())
        bodies = [code for code, _label in settings.extra_bodies()]
        refused, other = [], []
        for fid in sorted(fids):
            feature = layer.getFeature(fid)
            problems = [p for p in validation.feature_problems(feature, None, bodies)
                        if p.blocking and p.field not in SYSTEM_FIELDS]  # the store stamps those on save
            if not problems:
                continue
            refused_fields = database.refused_fields(validation.record_of(feature))
            title = feature["title"] or tr("(untitled)")
            for lines, selected in ((refused, [p for p in problems if p.field in refused_fields]),
                                    (other, [p for p in problems if p.field not in refused_fields])):
                if selected:
                    lines.append(f"{title}: " + " ".join(p.message for p in selected))
        bar = self.iface.messageBar()
        if refused:
            messages.push(bar, tr("The interventions store refuses these edits: {problems} They stay in the layer "
                                  "being edited, unsaved: correct them and save again.").format(
                problems="; ".join(refused)), Level.CRITICAL, details="\n".join(refused), iface=self.iface)
        if other:
            messages.push(bar, tr("Check these interventions: {problems}").format(problems="; ".join(other)),
                          Level.WARNING, details="\n".join(other), iface=self.iface)
        return refused + other

    def _report_save(self, event) -> None:
        for error in event.warnings:
            messages.show_error(self.iface.messageBar(), error, self.iface)


def refresh_surveyor() -> None:
    """Propagate the options (surveyor, extra bodies) to the form of the open store layers."""
    from prato_smartcity_plugin.adapters.store import form

    form.set_surveyor(settings.get("surveyor"))
    store_layers.reconfigure_all()
