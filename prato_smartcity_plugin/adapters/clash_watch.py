"""Checks every road work as soon as it is saved: when a commit of an interventions layer (the store's, or any layer
with the schema's fields) writes road works, they are compared with every road work of the project's interventions
layers (local and received from the municipal API), and :attr:`ClashWatch.clashes_found` is emitted with the clashes.
The GUI turns that into a warning (``gui/clashes_widget.py``); this module has no widgets.

Only the saved works and their neighbourhood are read (their bounding box grown by the clash distance), so a save
stays cheap in a large store. Nothing heavy is imported until a layer is added or a save happens."""

from __future__ import annotations

from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QObject, QTimer, pyqtSignal

from prato_smartcity_plugin.adapters import settings
from prato_smartcity_plugin.core.log import get_logger

log = get_logger("clashes")


class _LayerWatch(QObject):
    """Collects what a commit of one layer writes; once the commit has succeeded it tells the :class:`ClashWatch`,
    which checks from the event loop right after: the check never lengthens nor breaks the save itself."""

    def __init__(self, layer: QgsVectorLayer, on_committed):
        super().__init__()
        self.layer = layer
        self.saved: list[str] = []
        self.fids: set[int] = set()
        self._connections = [
            (layer.committedFeaturesAdded, self._added),
            (layer.committedGeometriesChanges, self._changed),
            (layer.committedAttributeValuesChanges, self._changed),
            (layer.afterCommitChanges, lambda: on_committed(self)),
        ]
        for signal, slot in self._connections:
            signal.connect(slot)

    def disconnect_all(self) -> None:
        for signal, slot in self._connections:
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):  # the layer is already gone
                pass
        self._connections = []

    def _added(self, layer_id, features) -> None:
        self.saved.extend(str(f["uuid"]) for f in features if f.fields().indexOf("uuid") >= 0 and f["uuid"])

    def _changed(self, layer_id, changes) -> None:
        self.fids.update(fid for fid in changes if fid >= 0)

    def take_saved(self) -> list[str]:
        """The UUIDs saved since the last call."""
        saved, fids = self.saved, self.fids
        self.saved, self.fids = [], set()
        for fid in fids:
            feature = self.layer.getFeature(fid)
            if feature.isValid() and feature["uuid"]:
                saved.append(str(feature["uuid"]))
        return list(dict.fromkeys(saved))


class ClashWatch(QObject):
    """Watches the project's interventions layers; ``start()`` on plugin load, ``stop()`` on unload."""

    #: (clashes: list[core Clash], saved UUIDs: list[str]) after a save that clashes with other road works.
    clashes_found = pyqtSignal(list, list)

    def __init__(self, project: QgsProject | None = None):
        super().__init__()
        self.project = project or QgsProject.instance()
        self.watches: dict[str, _LayerWatch] = {}
        self.started = False
        # Commits made in one go ("Save All Layers", or a line and an area saved back to back) are checked together,
        # so that a clash between two works saved at once is reported once, not once from each side.
        self._committed: list[_LayerWatch] = []
        self._flush = QTimer(self)
        self._flush.setSingleShot(True)
        self._flush.timeout.connect(self._check_committed)

    def start(self) -> None:
        if self.started:
            return
        self.project.layersAdded.connect(self._layers_added)
        self.project.layersWillBeRemoved.connect(self._layers_removed)
        self.started = True
        self._layers_added(list(self.project.mapLayers().values()))

    def stop(self) -> None:
        if not self.started:
            return
        self.project.layersAdded.disconnect(self._layers_added)
        self.project.layersWillBeRemoved.disconnect(self._layers_removed)
        for watch in self.watches.values():
            watch.disconnect_all()
        self.watches.clear()
        self._flush.stop()
        self._committed = []
        self.started = False

    def _layers_added(self, layers) -> None:
        if not layers:
            return
        from prato_smartcity_plugin.adapters.road_works import CLASHES_LAYER_PROPERTY, is_interventions_layer

        for layer in layers:
            if (is_interventions_layer(layer) and not layer.customProperty(CLASHES_LAYER_PROPERTY)
                    and layer.id() not in self.watches):
                self.watches[layer.id()] = _LayerWatch(layer, self._queue)

    def _layers_removed(self, layer_ids) -> None:
        for layer_id in layer_ids:
            watch = self.watches.pop(layer_id, None)
            if watch is not None:
                watch.disconnect_all()

    def _queue(self, watch: _LayerWatch) -> None:
        self._committed.append(watch)
        self._flush.start()

    def _check_committed(self) -> None:
        watches, self._committed = self._committed, []
        clashes, saved, pairs = [], [], set()
        for watch in dict.fromkeys(watches):
            if watch not in self.watches.values():  # its layer was removed meanwhile
                continue
            uuids = watch.take_saved()
            if not uuids:
                continue
            saved.extend(uuids)
            for clash in self._checked(watch.layer, uuids):
                pair = frozenset((clash.a.uuid, clash.b.uuid))
                if pair not in pairs:
                    pairs.add(pair)
                    clashes.append(clash)
        if clashes:
            self.clashes_found.emit(clashes, saved)

    def check_saved(self, layer: QgsVectorLayer, uuids: list[str]) -> list:
        """Compare the road works just saved in ``layer`` with the project's; emit and return the clashes."""
        clashes = self._checked(layer, uuids)
        if clashes:
            self.clashes_found.emit(clashes, uuids)
        return clashes

    def _checked(self, layer: QgsVectorLayer, uuids: list[str]) -> list:
        if not settings.get("clash_warn_on_save"):
            return []
        try:
            return self._clashes_of(layer, uuids)
        except Exception:  # noqa: BLE001 - a failed check must never break the user's save
            log.exception("The clash check after saving %s failed", layer.name())
            return []

    def _clashes_of(self, layer: QgsVectorLayer, uuids: list[str]) -> list:
        from qgis.core import QgsRectangle

        from prato_smartcity_plugin.adapters import road_works
        from prato_smartcity_plugin.core.interventions.clashes import find_clashes

        saved, _ = road_works.read_road_works(layer, uuids=uuids)
        saved = [w for w in saved if not w.geometry.is_empty]
        if not saved:
            return []
        options = road_works.clash_options()
        minx = min(w.geometry.bounds[0] for w in saved) - options.distance
        miny = min(w.geometry.bounds[1] for w in saved) - options.distance
        maxx = max(w.geometry.bounds[2] for w in saved) + options.distance
        maxy = max(w.geometry.bounds[3] for w in saved) + options.distance
        near = QgsRectangle(minx, miny, maxx, maxy)
        works = list(saved)
        for other in road_works.project_interventions_layers(self.project):
            works.extend(road_works.read_road_works(other, near=near)[0])
        return find_clashes(works, options, involving=[w.uuid for w in saved]).clashes
