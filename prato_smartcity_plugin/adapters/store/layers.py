"""The store's three layers in QGIS: where the store is, opening its layers (form and style applied), and what happens
around a save (attachments copied beside the store; :data:`events` ``saved`` emitted after every successful commit).

Other capabilities hook into saves here: ``events.saved.connect(callback)``; ``callback(event)`` gets a
:class:`SaveEvent` (the layer, its store path and the UUIDs saved or deleted), after the commit is on disk.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsFeatureRequest,
    QgsMapLayer,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QCoreApplication, QObject, pyqtSignal

from prato_smartcity_plugin.adapters import settings
from prato_smartcity_plugin.adapters.paths import resource
from prato_smartcity_plugin.adapters.store import attachments, database, form
from prato_smartcity_plugin.core.errors import StoreError
from prato_smartcity_plugin.core.interventions import schema
from prato_smartcity_plugin.core.interventions.schema import GeometryKind
from prato_smartcity_plugin.core.log import get_logger

log = get_logger("store")

#: Custom property marking a project layer as one of the store's (its value: the table name).
LAYER_PROPERTY = "pratosmartcity/store_layer"
GROUP_NAME_PROPERTY = "pratosmartcity/store_group"
PROFILE_SUBDIR = "prato_smartcity"


def tr(text: str) -> str:
    return QCoreApplication.translate("PratoSmartCity", text)


def layer_titles() -> dict[GeometryKind, str]:
    return {GeometryKind.POINT: tr("Interventions (points)"), GeometryKind.LINE: tr("Interventions (lines)"),
            GeometryKind.POLYGON: tr("Interventions (areas)")}


def locate_store(project: QgsProject | None = None) -> Path:
    """The store's path: the store whose layers the project already has (a field kit's own store, for one), else the
    options' ``store_path``, else ``interventions.gpkg`` in the saved project's folder, else in the QGIS profile
    folder."""
    project = project or QgsProject.instance()
    in_project = project_layers(project)
    if in_project:
        return store_path_of(next(iter(in_project.values())))
    configured = settings.get("store_path").strip()
    if configured:
        return Path(configured).expanduser()
    if project.fileName():
        return Path(project.absolutePath()) / database.DEFAULT_FILE_NAME
    return Path(QgsApplication.qgisSettingsDirPath()) / PROFILE_SUBDIR / database.DEFAULT_FILE_NAME


def layer_uri(path: Path, kind: GeometryKind) -> str:
    return f"{path}|layername={database.LAYER_NAMES[kind]}"


def store_path_of(layer: QgsMapLayer) -> Path:
    return Path(layer.source().split("|")[0])


def kind_of(layer: QgsMapLayer) -> GeometryKind | None:
    return database.KIND_OF_LAYER.get(layer.customProperty(LAYER_PROPERTY) or "")


def project_layers(project: QgsProject | None = None, path: Path | None = None) -> dict[GeometryKind, QgsVectorLayer]:
    """The store's layers in the project (of the store at ``path``, or of any store)."""
    found: dict[GeometryKind, QgsVectorLayer] = {}
    for layer in (project or QgsProject.instance()).mapLayers().values():
        kind = kind_of(layer)
        if kind is not None and kind not in found and (path is None or store_path_of(layer) == path):
            found[kind] = layer
    return found


def style_path(kind: GeometryKind) -> Path:
    return resource("styles", f"{database.LAYER_NAMES[kind]}.qml")


def apply_style(layer: QgsVectorLayer, kind: GeometryKind) -> None:
    """The shipped categorised style, its category labels translated."""
    qml = style_path(kind)
    if qml.is_file():
        message, ok = layer.loadNamedStyle(str(qml), QgsMapLayer.Symbology | QgsMapLayer.Labeling)
        if not ok:
            log.warning("style %s not loaded: %s", qml, message)
    renderer = layer.renderer()
    if renderer is not None and renderer.type() == "categorizedSymbol":
        codes = schema.FIELDS_BY_NAME["category"].code_values()
        for index, category in enumerate(renderer.categories()):
            if category.value() in codes:
                renderer.updateCategoryLabel(index, schema.label("category", category.value()))


#: QGIS's own geometry validation (desktop): an invalid geometry is marked on the map and blocks the commit until
#: it is fixed (the guard offers the repair).
GEOMETRY_CHECKS = ["QgsIsValidCheck"]


def configure(layer: QgsVectorLayer) -> None:
    """Apply the form (from the schema and the options), the geometry checks, and wire the save hooks: on every store
    layer QGIS loads."""
    form.configure(layer, store_path_of(layer).parent, settings.extra_bodies(), settings.get("surveyor"))
    layer.geometryOptions().setGeometryChecks(GEOMETRY_CHECKS)
    attach(layer)


def open_layers(path: str | Path | None = None, project: QgsProject | None = None,
                add_to_project: bool = True) -> dict[GeometryKind, QgsVectorLayer]:
    """Open (creating or upgrading if needed) the store and its three layers, configured and styled.

    Layers of the same store already in the project are reused. Raises :class:`StoreError`.
    """
    project = project or QgsProject.instance()
    path = database.open_store(path or locate_store(project))
    layers = project_layers(project, path)
    titles = layer_titles()
    new_layers = []
    for kind in GeometryKind:
        if kind in layers:
            continue
        layer = QgsVectorLayer(layer_uri(path, kind), titles[kind], "ogr")
        if not layer.isValid():
            raise StoreError(tr("QGIS cannot open the layer {layer} of the interventions store {path}.").format(
                layer=database.LAYER_NAMES[kind], path=path), layer.error().summary())
        layer.setCustomProperty(LAYER_PROPERTY, database.LAYER_NAMES[kind])
        apply_style(layer, kind)
        configure(layer)
        layers[kind] = layer
        new_layers.append(layer)
    if add_to_project and new_layers:
        root = project.layerTreeRoot()
        group = next((g for g in root.findGroups() if g.customProperty(GROUP_NAME_PROPERTY) == str(path)), None)
        if group is None:
            group = root.insertGroup(0, tr("Interventions"))
            group.setCustomProperty(GROUP_NAME_PROPERTY, str(path))
        project.addMapLayers(new_layers, False)
        for layer in sorted(new_layers, key=lambda layer: list(GeometryKind).index(kind_of(layer))):
            group.addLayer(layer)
    return layers


# --- around a save ----------------------------------------------------------------------------------------------


@dataclass
class SaveEvent:
    """What a successful commit of a store layer wrote (UUIDs inserted or updated, and deleted)."""

    layer: QgsVectorLayer
    store_path: Path
    kind: GeometryKind
    saved_uuids: list[str] = field(default_factory=list)
    deleted_uuids: list[str] = field(default_factory=list)
    #: Problems met while preparing the save (e.g. an attachment that could not be copied), as StoreErrors.
    warnings: list[StoreError] = field(default_factory=list)


class StoreEvents(QObject):
    #: Emitted after a store layer's changes are committed: one :class:`SaveEvent`.
    saved = pyqtSignal(object)
    #: Emitted before the commit (the edit buffer can still be changed): one :class:`SaveEvent` (UUIDs pending).
    saving = pyqtSignal(object)


events = StoreEvents()
_hooks: dict[str, _SaveHook] = {}


class _SaveHook:
    """Copies attachments into the store's ``photos/`` and reports each commit through :data:`events`; while the layer
    is edited, keeps its sibling layers (same store) in update mode too.

    Why the siblings: QGIS opens a GeoPackage layer that is not edited with GDAL's NOLOCK option, and switches the
    file to WAL when a layer of it is edited. A NOLOCK connection cannot read a WAL file, so the other two store layers
    then fail to count or measure their features ("sqlite3_get_table(...) failed: unable to open database file", a
    count of -1, an empty extent) until they are reopened. Putting them in update mode for the edit session reopens
    them on the WAL file (QGIS shares one update connection per file), and leaving it reopens them read-only.
    """

    def __init__(self, layer: QgsVectorLayer):
        self.layer = layer
        self.layer_id = layer.id()
        self.pending: SaveEvent | None = None
        self.siblings_in_update: list[QgsVectorLayer] = []
        layer.beforeCommitChanges.connect(self.before_commit)
        layer.afterCommitChanges.connect(self.after_commit)
        layer.afterRollBack.connect(self.forget)
        layer.editingStarted.connect(self.siblings_enter_update_mode)
        layer.editingStopped.connect(self.siblings_leave_update_mode)
        layer.willBeDeleted.connect(self.detach)

    def detach(self) -> None:
        self.siblings_leave_update_mode()
        _hooks.pop(self.layer_id, None)

    def siblings_enter_update_mode(self) -> None:
        if self.siblings_in_update:
            return
        store = store_path_of(self.layer)
        for hook in list(_hooks.values()):
            sibling = hook.layer
            if hook is self or sip.isdeleted(sibling) or store_path_of(sibling) != store:
                continue
            provider = sibling.dataProvider()
            if provider is not None and provider.enterUpdateMode():
                self.siblings_in_update.append(sibling)

    def siblings_leave_update_mode(self) -> None:
        siblings, self.siblings_in_update = self.siblings_in_update, []
        for sibling in siblings:
            if not sip.isdeleted(sibling) and sibling.id() in _hooks and sibling.dataProvider() is not None:
                sibling.dataProvider().leaveUpdateMode()

    def forget(self) -> None:
        self.pending = None

    def before_commit(self, *args) -> None:
        layer = self.layer
        buffer = layer.editBuffer()
        kind = kind_of(layer)
        if buffer is None or kind is None:
            return
        store = store_path_of(layer)
        event = SaveEvent(layer, store, kind)
        photo_indexes = [layer.fields().indexOf(s.name) for s in schema.FIELDS if s.attachment]
        changed = set(buffer.changedAttributeValues()) | set(buffer.changedGeometries())
        for fid, feature in buffer.addedFeatures().items():
            self._keep_attachments(fid, feature["uuid"], feature.attributes(), photo_indexes, store.parent, event)
            event.saved_uuids.append(feature["uuid"])
        for fid, values in buffer.changedAttributeValues().items():
            self._keep_attachments(fid, layer.getFeature(fid)["uuid"], values, photo_indexes, store.parent, event)
        deleted = set(buffer.deletedFeatureIds())
        for fid in sorted(changed - deleted):
            if fid >= 0:
                event.saved_uuids.append(layer.getFeature(fid)["uuid"])
        if deleted:
            provider = layer.dataProvider()
            request = QgsFeatureRequest().setFilterFids(list(deleted)).setNoAttributes()
            request.setSubsetOfAttributes(["uuid"], layer.fields()).setFlags(QgsFeatureRequest.NoGeometry)
            event.deleted_uuids = [f["uuid"] for f in provider.getFeatures(request)]
        self.pending = event
        events.saving.emit(event)

    def _keep_attachments(self, fid, uuid, values, indexes, store_dir: Path, event: SaveEvent) -> None:
        for index in indexes:
            value = values.get(index) if isinstance(values, dict) else values[index]
            if not isinstance(value, str) or not value or attachments.is_kept(store_dir, value):
                continue
            try:
                kept = attachments.keep(store_dir, value, prefix=str(uuid or "")[:8])
            except StoreError as error:
                event.warnings.append(error)
                log.warning("%s", error)
                continue
            if kept != value:
                self.layer.changeAttributeValue(fid, index, kept)

    def after_commit(self) -> None:
        event, self.pending = self.pending, None
        if event is not None:
            events.saved.emit(event)


def attach(layer: QgsVectorLayer) -> None:
    """Wire the save hooks to a store layer (once per layer)."""
    if layer.id() not in _hooks and kind_of(layer) is not None:
        _hooks[layer.id()] = _SaveHook(layer)


def watch_project(project: QgsProject | None = None) -> None:
    """Configure the store layers of every project QGIS loads (its saved projects included)."""
    project = project or QgsProject.instance()
    project.layersAdded.connect(_configure_added)


def unwatch_project(project: QgsProject | None = None) -> None:
    try:
        (project or QgsProject.instance()).layersAdded.disconnect(_configure_added)
    except TypeError:
        pass


def _configure_added(layers) -> None:
    for layer in layers:
        if isinstance(layer, QgsVectorLayer) and kind_of(layer) is not None and layer.id() not in _hooks:
            try:
                configure(layer)
            except Exception:  # noqa: BLE001 - a layer we cannot configure still opens, as QGIS saved it
                log.exception("could not configure the store layer %s", layer.name())


def reconfigure_all(project: QgsProject | None = None) -> None:
    """Apply the form again to every store layer (after the options changed: surveyor, extra bodies)."""
    for layer in (project or QgsProject.instance()).mapLayers().values():
        if isinstance(layer, QgsVectorLayer) and kind_of(layer) is not None:
            configure(layer)


@dataclass(frozen=True)
class Row:
    """One intervention as the dock lists it."""

    kind: GeometryKind
    layer_id: str
    fid: int
    record: dict


def rows(layers: dict[GeometryKind, QgsVectorLayer]) -> list[Row]:
    """Every intervention of the layers (their edit buffers included), geometries not read."""
    from prato_smartcity_plugin.adapters.store.validation import record_of

    result = []
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
    for kind, layer in layers.items():
        for feature in layer.getFeatures(request):
            result.append(Row(kind, layer.id(), feature.id(), record_of(feature)))
    return result


def delete_feature(layer: QgsVectorLayer, fid: int) -> bool:
    """Delete one intervention. A layer not in edit mode is edited, saved and closed again (the deletion is then on
    disk and logged); in a layer being edited the deletion joins the user's pending edits. Raises StoreError."""
    was_editing = layer.isEditable()
    if not was_editing and not layer.startEditing():
        raise StoreError(tr("The layer {layer} cannot be edited.").format(layer=layer.name()))
    if not layer.deleteFeature(fid):
        if not was_editing:
            layer.rollBack()
        raise StoreError(tr("The intervention could not be deleted."))
    if not was_editing and not layer.commitChanges():
        errors = "\n".join(layer.commitErrors())
        layer.rollBack()
        raise StoreError(tr("The deletion could not be saved in the interventions store."), errors)
    return not was_editing
