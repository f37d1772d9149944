"""Builds a field kit: a self-contained folder with local copies of a project's layers, clipped to an area, a basemap
cached as MBTiles, the interventions store with its change log, and a project that uses only those copies.

Layout of a kit folder::

    field_kit.qgz          the project, relative paths only
    field_kit.json         what was taken, when, from where (also marks the folder as a kit)
    data.gpkg              the vector layers, clipped to the area
    basemap_<name>.mbtiles one per raster layer (rendered tiles, EPSG:3857)
    interventions.gpkg     the interventions store (whole), with its change log
    photos/                the store's attachments
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsDataProvider,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeedback,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsLayerTreeGroup,
    QgsLayerTreeLayer,
    QgsMapLayer,
    QgsMapRendererCustomPainterJob,
    QgsMapSettings,
    QgsProject,
    QgsProviderRegistry,
    QgsRasterLayer,
    QgsRectangle,
    QgsReferencedRectangle,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import NULL, QBuffer, QByteArray, QIODevice, QSize, Qt, QVariant
from qgis.PyQt.QtGui import QImage, QPainter

from prato_smartcity_plugin.adapters.store import database as store_database
from prato_smartcity_plugin.core.errors import CancelledError, InputError, StoreError
from prato_smartcity_plugin.core.fieldkit import tiles as tile_math
from prato_smartcity_plugin.core.fieldkit.plan import Action, KitPlan, LayerDescription, human_size, make_plan
from prato_smartcity_plugin.core.i18n import translate
from prato_smartcity_plugin.core.log import get_logger

log = get_logger("fieldkit")

KIT_PROJECT = "field_kit.qgz"
KIT_MANIFEST = "field_kit.json"
KIT_DATA = "data.gpkg"
STORE_FILE = store_database.DEFAULT_FILE_NAME
METATILE = 4


def tr(text: str) -> str:
    return translate("PratoSmartCity", text)


@dataclass
class KitLayerReport:
    name: str
    action: Action
    features_before: int | None = None
    features_after: int | None = None
    tiles: int = 0
    reason: str = ""


@dataclass
class KitReport:
    folder: Path
    project_path: Path
    size_before: int = 0
    size_after: int = 0
    layers: list[KitLayerReport] = field(default_factory=list)

    @property
    def refused(self) -> list[KitLayerReport]:
        return [r for r in self.layers if r.action == Action.REFUSE]

    def summary(self) -> str:
        lines = [
            tr("Field kit ready in {folder}").format(folder=self.folder),
            tr("Size of the sources: {before}; size of the kit: {after}").format(
                before=human_size(self.size_before), after=human_size(self.size_after)
            ),
        ]
        for r in self.layers:
            if r.action == Action.COPY_VECTOR:
                lines.append(
                    tr("{name}: {after} of {before} features (clipped to the area)").format(
                        name=r.name, after=r.features_after, before=r.features_before
                    )
                )
            elif r.action == Action.CACHE_TILES:
                lines.append(tr("{name}: basemap cached, {n} tiles").format(name=r.name, n=r.tiles))
            elif r.action == Action.COPY_STORE:
                lines.append(tr("{name}: interventions store copied with its change log").format(name=r.name))
            else:
                lines.append(tr("{name}: not taken offline: {reason}").format(name=r.name, reason=r.reason))
        return "\n".join(lines)


def _layer_kind(layer: QgsMapLayer) -> str:
    return {
        QgsMapLayer.VectorLayer: "vector",
        QgsMapLayer.RasterLayer: "raster",
        QgsMapLayer.PluginLayer: "plugin",
        QgsMapLayer.MeshLayer: "mesh",
        QgsMapLayer.VectorTileLayer: "vectortile",
    }.get(layer.type(), "other")


def _source_path(layer: QgsMapLayer) -> Path:
    return Path(QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source()).get("path") or "")


def is_store_layer(layer: QgsMapLayer) -> bool:
    """A layer of an interventions store (a GeoPackage holding the store's change log)."""
    if not isinstance(layer, QgsVectorLayer) or layer.providerType() != "ogr":
        return False
    path = _source_path(layer)
    return path.suffix.lower() == ".gpkg" and path.is_file() and _has_change_log(path)


def _has_change_log(path: Path) -> bool:
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'change_log'").fetchone() is not None
    except sqlite3.Error:
        return False


def describe(layer: QgsMapLayer) -> LayerDescription:
    return LayerDescription(
        layer.id(), layer.name(), _layer_kind(layer), layer.providerType(), layer.isValid(), is_store_layer(layer)
    )


def _source_size(layer: QgsMapLayer) -> int:
    path = _source_path(layer)
    try:
        return path.stat().st_size if path.is_file() else 0
    except (OSError, ValueError):
        return 0


def _safe_name(name: str, taken: set[str]) -> str:
    base = re.sub(r"[^0-9A-Za-z_]+", "_", name).strip("_").lower() or "layer"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}_{n}", n + 1
    taken.add(candidate)
    return candidate


def pending_changes(store_path: Path) -> int:
    """How many changes of a store are not yet synced (0 when there is no readable store)."""
    if not store_path.is_file():
        return 0
    try:
        return store_database.pending_changes(store_path)
    except StoreError:
        return 0


class FieldKitBuilder:
    """Makes a kit of ``layers`` (default: every layer of ``project``) for ``area`` (a polygon in the project's CRS).

    Runs in the thread that owns the project's layers (the Processing algorithm is flagged no-threading); progress
    and cancel through ``feedback``.
    """

    def __init__(
        self,
        project: QgsProject,
        area: QgsGeometry,
        folder: str | Path,
        layers: list[QgsMapLayer] | None = None,
        zoom_min: int = 12,
        zoom_max: int = 16,
        max_tiles: int = 20000,
        feedback: QgsFeedback | None = None,
    ):
        if area is None or area.isEmpty():
            raise InputError(tr("Choose an area for the field kit."))
        if zoom_min > zoom_max:
            raise InputError(tr("The minimum zoom must not be above the maximum zoom."))
        self.project = project
        self.area = QgsGeometry(area)
        self.area_crs = project.crs()
        self.folder = Path(folder)
        self.layers = list(layers) if layers is not None else list(project.mapLayers().values())
        self.zoom_min, self.zoom_max, self.max_tiles = zoom_min, zoom_max, max_tiles
        self.feedback = feedback or QgsFeedback()

    # --- planning -----------------------------------------------------------------------------------------------
    def plan(self) -> KitPlan:
        return make_plan([describe(layer) for layer in self.layers])

    def _area_in(self, crs: QgsCoordinateReferenceSystem) -> QgsGeometry:
        geometry = QgsGeometry(self.area)
        if crs != self.area_crs:
            geometry.transform(QgsCoordinateTransform(self.area_crs, crs, self.project.transformContext()))
        return geometry

    def tile_count(self) -> int:
        box = self._area_in(QgsCoordinateReferenceSystem("EPSG:3857")).boundingBox()
        bounds = (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum())
        return tile_math.count_tiles(bounds, self.zoom_min, self.zoom_max)

    # --- building -----------------------------------------------------------------------------------------------
    def _check_folder(self) -> None:
        store = self.folder / STORE_FILE
        waiting = pending_changes(store) if (self.folder / KIT_MANIFEST).is_file() else 0
        if waiting:
            raise StoreError(
                tr(
                    'This folder holds a field kit with {n} changes not yet synced. Sync it ("Back '
                    'from the field") or choose another folder: nothing was overwritten.'
                ).format(n=waiting)
            )
        if self.folder.exists() and any(self.folder.iterdir()) and not (self.folder / KIT_MANIFEST).is_file():
            raise InputError(
                tr("The folder {folder} is not empty and is not a field kit: choose an empty folder.").format(
                    folder=self.folder
                )
            )

    def build(self) -> KitReport:
        self._check_folder()
        plan = self.plan()
        for layer in self.layers:
            if isinstance(layer, QgsVectorLayer) and layer.isEditable() and layer.isModified():
                raise InputError(
                    tr("Save the edits of layer {name} before preparing the field kit.").format(name=layer.name())
                )
        staging = self.folder.with_name(self.folder.name + ".partial")
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        report = KitReport(self.folder, self.folder / KIT_PROJECT)
        new_sources: dict[str, tuple[str, str]] = {}  # layer id -> (uri relative to the kit, provider)
        names: set[str] = set()
        steps = max(1, len(plan.decisions))
        by_id = {layer.id(): layer for layer in self.layers}
        try:
            store_copied: Path | None = None
            for index, decision in enumerate(plan.decisions):
                if self.feedback.isCanceled():
                    raise CancelledError(tr("Preparing the field kit was cancelled; nothing was changed."))
                layer = by_id[decision.layer.layer_id]
                report.size_before += _source_size(layer)
                entry = KitLayerReport(layer.name(), decision.action, reason=decision.reason)
                if decision.action == Action.COPY_VECTOR:
                    table = _safe_name(layer.name(), names)
                    entry.features_before, entry.features_after = self._copy_vector(layer, staging / KIT_DATA, table)
                    new_sources[layer.id()] = (f"./{KIT_DATA}|layername={table}", "ogr")
                elif decision.action == Action.CACHE_TILES:
                    file_name = f"basemap_{_safe_name(layer.name(), names)}.mbtiles"
                    entry.tiles, refusal = self._cache_tiles(layer, staging / file_name, index, steps)
                    if refusal:
                        entry.action, entry.reason = Action.REFUSE, refusal
                    else:
                        new_sources[layer.id()] = (f"./{file_name}", "gdal")
                elif decision.action == Action.COPY_STORE:
                    source = _source_path(layer)
                    if store_copied is None:
                        self._copy_store(source, staging / STORE_FILE)
                        store_copied = source
                    elif source != store_copied:
                        entry.action = Action.REFUSE
                        entry.reason = tr("Only one interventions store can go into a field kit.")
                    if entry.action == Action.COPY_STORE:
                        layer_name = QgsProviderRegistry.instance().decodeUri("ogr", layer.source()).get("layerName")
                        new_sources[layer.id()] = (f"./{STORE_FILE}|layername={layer_name}", "ogr")
                report.layers.append(entry)
                self.feedback.setProgress(100.0 * (index + 1) / steps)
            self._write_project(staging / KIT_PROJECT, new_sources)
            manifest = {
                "created_at": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
                "source_project": self.project.fileName(),
                "area_wkt": self.area.asWkt(3),
                "area_crs": self.area_crs.authid(),
                "zoom": [self.zoom_min, self.zoom_max],
                "layers": [{"name": r.name, "action": r.action.value, "reason": r.reason} for r in report.layers],
            }
            (staging / KIT_MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        # swap in the finished kit only now: a failed or cancelled build leaves the previous kit untouched
        if self.folder.exists():
            shutil.rmtree(self.folder)
        staging.rename(self.folder)
        report.size_after = sum(p.stat().st_size for p in self.folder.rglob("*") if p.is_file())
        log.info(report.summary())
        return report

    def _copy_vector(self, layer: QgsVectorLayer, gpkg: Path, table: str) -> tuple[int, int]:
        area = self._area_in(layer.crs())
        engine = QgsGeometry.createGeometryEngine(area.constGet())
        engine.prepareGeometry()
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = table
        options.fileEncoding = "UTF-8"
        options.actionOnExistingFile = (
            QgsVectorFileWriter.CreateOrOverwriteLayer if gpkg.exists() else QgsVectorFileWriter.CreateOrOverwriteFile
        )
        fields, as_json = _writable_fields(layer.fields())
        writer = QgsVectorFileWriter.create(
            str(gpkg), fields, layer.wkbType(), layer.crs(), self.project.transformContext(), options
        )
        if writer.hasError() != QgsVectorFileWriter.NoError:
            raise StoreError(tr("Cannot write the field kit's data file."), writer.errorMessage())
        geometry_type = layer.geometryType()
        kept = 0
        try:
            request = QgsFeatureRequest()
            if geometry_type != QgsWkbTypes.NullGeometry:
                request.setFilterRect(area.boundingBox())
            for feature in layer.getFeatures(request):
                if self.feedback.isCanceled():
                    raise CancelledError(tr("Preparing the field kit was cancelled; nothing was changed."))
                out = QgsFeature(feature)
                if as_json:
                    out.setFields(fields, False)
                    for index in as_json:
                        out.setAttribute(index, _json_text(feature.attribute(index)))
                if geometry_type != QgsWkbTypes.NullGeometry and feature.hasGeometry():
                    geometry = feature.geometry()
                    if not engine.intersects(geometry.constGet()):
                        continue
                    if geometry_type != QgsWkbTypes.PointGeometry and not engine.contains(geometry.constGet()):
                        clipped = geometry.intersection(area)
                        parts = clipped.convertToType(geometry_type, QgsWkbTypes.isMultiType(layer.wkbType()))
                        if parts is None or parts.isEmpty():
                            continue
                        out.setGeometry(parts)
                if not writer.addFeature(out):
                    raise StoreError(tr("Cannot write the field kit's data file."), writer.errorMessage())
                kept += 1
        finally:
            del writer
        return layer.featureCount(), kept

    def _cache_tiles(self, layer: QgsRasterLayer, path: Path, step: int, steps: int) -> tuple[int, str]:
        crs_3857 = QgsCoordinateReferenceSystem("EPSG:3857")
        box = self._area_in(crs_3857).boundingBox()
        bounds = (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum())
        total = tile_math.count_tiles(bounds, self.zoom_min, self.zoom_max)
        if total > self.max_tiles:
            return 0, tr(
                "the area needs {n} tiles at these zoom levels, more than the limit of {limit}: choose a "
                "smaller area or a lower maximum zoom."
            ).format(n=total, limit=self.max_tiles)
        conn = sqlite3.connect(path)
        written = 0
        done = 0
        last_errors: list[str] = []
        try:
            for statement in tile_math.MBTILES_SCHEMA:
                conn.execute(statement)
            attribution = layer.metadata().rights() and "; ".join(layer.metadata().rights()) or layer.attribution()
            meta = tile_math.mbtiles_metadata(
                layer.name(), bounds, self.zoom_min, self.zoom_max, "png", attribution or ""
            )
            conn.executemany("INSERT OR REPLACE INTO metadata VALUES (?, ?)", meta.items())
            for z in range(self.zoom_min, self.zoom_max + 1):
                x0, y0, x1, y1 = tile_math.tile_range(bounds, z)
                for mx in range(x0, x1 + 1, METATILE):
                    for my in range(y0, y1 + 1, METATILE):
                        if self.feedback.isCanceled():
                            raise CancelledError(tr("Preparing the field kit was cancelled; nothing was changed."))
                        nx, ny = min(METATILE, x1 - mx + 1), min(METATILE, y1 - my + 1)
                        image, errors = self._render(layer, z, mx, my, nx, ny)
                        if errors and _is_blank(image):  # a transient network failure: one more try
                            image, errors = self._render(layer, z, mx, my, nx, ny)
                        last_errors = errors or last_errors
                        for dx in range(nx):
                            for dy in range(ny):
                                tile = tile_math.Tile(z, mx + dx, my + dy)
                                part = image.copy(
                                    dx * tile_math.TILE_SIZE,
                                    dy * tile_math.TILE_SIZE,
                                    tile_math.TILE_SIZE,
                                    tile_math.TILE_SIZE,
                                )
                                done += 1
                                if _is_blank(part):
                                    continue
                                conn.execute(
                                    "INSERT OR REPLACE INTO tiles VALUES (?, ?, ?, ?)",
                                    (tile.z, tile.x, tile.tms_y, sqlite3.Binary(_png_bytes(part))),
                                )
                                written += 1
                        self.feedback.setProgress(100.0 * (step + done / max(total, 1)) / steps)
            conn.commit()
        finally:
            conn.close()
        if written == 0:
            path.unlink(missing_ok=True)
            reason = tr("the basemap could not be fetched for this area (is the network or the service down?).")
            return 0, f"{reason} {last_errors[-1]}" if last_errors else reason
        return written, ""

    def _render(self, layer: QgsRasterLayer, z: int, x: int, y: int, nx: int, ny: int) -> tuple[QImage, list[str]]:
        top_left = tile_math.Tile(z, x, y).bounds_3857()
        bottom_right = tile_math.Tile(z, x + nx - 1, y + ny - 1).bounds_3857()
        settings = QgsMapSettings()
        settings.setLayers([layer])
        settings.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
        settings.setTransformContext(self.project.transformContext())
        settings.setOutputSize(QSize(nx * tile_math.TILE_SIZE, ny * tile_math.TILE_SIZE))
        settings.setOutputDpi(96)
        settings.setExtent(QgsRectangle(top_left[0], bottom_right[1], bottom_right[2], top_left[3]))
        settings.setBackgroundColor(Qt.transparent)
        image = QImage(settings.outputSize(), QImage.Format_ARGB32_Premultiplied)
        image.fill(Qt.transparent)
        painter = QPainter(image)
        job = QgsMapRendererCustomPainterJob(settings, painter)
        job.renderSynchronously()
        painter.end()
        errors = [error.message for error in job.errors()]
        for message in errors:
            log.warning("basemap %s: %s", layer.name(), message)
        return image, errors

    def _copy_store(self, source: Path, target: Path) -> None:
        """A consistent copy (SQLite backup) of the store; its not-yet-synced changes stay the office's to push, so
        the kit's change log starts empty and only field edits travel back from the kit."""
        try:
            with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as src, sqlite3.connect(target) as dst:
                src.backup(dst)
                dst.execute("DELETE FROM change_log WHERE pushed_at IS NULL")
                dst.execute("CREATE TABLE IF NOT EXISTS store_state (key TEXT PRIMARY KEY, value TEXT)")
                dst.execute(
                    "INSERT OR REPLACE INTO store_state VALUES ('kit.prepared_at', ?)",
                    (dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),),
                )
                dst.execute("INSERT OR REPLACE INTO store_state VALUES ('kit.source_store', ?)", (str(source),))
            photos = source.parent / "photos"
            if photos.is_dir():
                shutil.copytree(photos, target.parent / "photos", dirs_exist_ok=True)
        except sqlite3.Error as error:
            raise StoreError(tr("Cannot copy the interventions store into the field kit."), str(error)) from error

    def _write_project(self, path: Path, new_sources: dict[str, tuple[str, str]]) -> None:
        kit = QgsProject()
        kit.setCrs(self.project.crs())
        kit.setTitle(tr("Field kit: {title}").format(title=self.project.title() or self.project.baseName() or ""))
        kit.setFileName(str(path))
        clones: dict[str, QgsMapLayer] = {}
        for layer_id, (uri, provider) in new_sources.items():
            original = self.project.mapLayer(layer_id)
            clone = original.clone()
            clone.setDataSource(
                str(path.parent / uri[2:]), original.name(), provider, QgsDataProvider.ProviderOptions()
            )
            clones[layer_id] = clone
            kit.addMapLayer(clone, False)
        _copy_tree(self.project.layerTreeRoot(), kit.layerTreeRoot(), clones)
        box = self.area.boundingBox()
        box.grow(max(box.width(), box.height()) * 0.05)
        kit.viewSettings().setDefaultViewExtent(QgsReferencedRectangle(box, self.area_crs))
        if not kit.write():
            raise StoreError(tr("Cannot write the field kit's project."), kit.error())


def _writable_fields(fields: QgsFields) -> tuple[QgsFields, list[int]]:
    """The fields as a GeoPackage can hold them: maps and lists (JSON in GeoJSON sources) become JSON text, and the
    indexes of the fields so converted."""
    out, converted = QgsFields(), []
    for index, source in enumerate(fields):
        target = QgsField(source)
        if source.type() in (QVariant.Map, QVariant.List, QVariant.StringList):
            target = QgsField(source.name(), QVariant.String, "String")
            converted.append(index)
        out.append(target)
    return out, converted


def _json_text(value):
    if value is None or value == NULL:
        return None
    return json.dumps(value, ensure_ascii=False, default=str)


def _copy_tree(source: QgsLayerTreeGroup, target: QgsLayerTreeGroup, clones: dict[str, QgsMapLayer]) -> None:
    for child in source.children():
        if isinstance(child, QgsLayerTreeLayer):
            clone = clones.get(child.layerId())
            if clone is not None:
                node = target.addLayer(clone)
                node.setItemVisibilityChecked(child.itemVisibilityChecked())
        elif isinstance(child, QgsLayerTreeGroup):
            group = target.addGroup(child.name())
            group.setItemVisibilityChecked(child.itemVisibilityChecked())
            _copy_tree(child, group, clones)
            if not group.children():
                target.removeChildNode(group)


def _is_blank(image: QImage) -> bool:
    """True when every pixel is fully transparent (nothing was drawn)."""
    alpha = image.convertToFormat(QImage.Format_Alpha8)
    data = alpha.constBits()
    data.setsize(alpha.sizeInBytes())
    return not any(bytes(data))


def _png_bytes(image: QImage) -> bytes:
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(array)
