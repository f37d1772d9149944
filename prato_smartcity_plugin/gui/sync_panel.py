"""The dock's sync section: the state at a glance (server, pending local changes, last successful sync, errors),
"Sync now" and an optional timer, the conflicts with both versions side by side (attributes in a table, geometries on
the map) and the choice mine / theirs / keep both, and the changes the server refused with the reason."""

from __future__ import annotations

import json
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsJsonUtils,
    QgsProject,
    QgsRectangle,
    QgsWkbTypes,
)
from qgis.gui import QgsMessageBar, QgsRubberBand
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtGui import QColor, QFont
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from prato_smartcity_plugin.adapters import settings
from prato_smartcity_plugin.adapters.store import database, layers
from prato_smartcity_plugin.adapters.sync_store import GeoPackageSyncStore
from prato_smartcity_plugin.adapters.sync_task import ApiConfig, SyncTask, build_engine, store_location
from prato_smartcity_plugin.core.errors import CancelledError, Level, PratoError
from prato_smartcity_plugin.core.interventions import schema
from prato_smartcity_plugin.core.sync.engine import Conflict, Resolution
from prato_smartcity_plugin.gui.messages import push, reporting_errors, show_error
from prato_smartcity_plugin.gui.options_page import open_options

MINE_COLOR = QColor(31, 120, 180)
THEIRS_COLOR = QColor(227, 26, 28)


class SyncPanel(QWidget):
    def __init__(self, iface, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.task: SyncTask | None = None
        self.conflicts: list[Conflict] = []
        self.rubber_bands: list[QgsRubberBand] = []
        layout = QVBoxLayout(self)
        self.message_bar = QgsMessageBar(self)
        layout.addWidget(self.message_bar)

        status = QGroupBox(self.tr("Municipal API"), self)
        form = QFormLayout(status)
        self.server_label = QLabel(status)
        self.server_label.setObjectName("syncServer")
        self.server_label.setWordWrap(True)
        form.addRow(self.tr("Server"), self.server_label)
        self.pending_label = QLabel(status)
        self.pending_label.setObjectName("syncPending")
        form.addRow(self.tr("Local changes to send"), self.pending_label)
        self.last_sync_label = QLabel(status)
        self.last_sync_label.setObjectName("syncLast")
        form.addRow(self.tr("Last successful sync"), self.last_sync_label)
        self.result_label = QLabel(status)
        self.result_label.setObjectName("syncResult")
        self.result_label.setWordWrap(True)
        form.addRow(self.tr("Last result"), self.result_label)
        buttons = QHBoxLayout()
        self.sync_button = QPushButton(self.tr("Sync now"), status)
        self.sync_button.setObjectName("syncNow")
        self.sync_button.setToolTip(self.tr("Send the local changes, then receive the others' changes"))
        self.sync_button.clicked.connect(self.sync_now)
        buttons.addWidget(self.sync_button)
        self.cancel_button = QPushButton(self.tr("Cancel"), status)
        self.cancel_button.setObjectName("syncCancel")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        buttons.addWidget(self.cancel_button)
        self.options_button = QPushButton(self.tr("Options…"), status)
        self.options_button.setObjectName("syncOptions")
        self.options_button.clicked.connect(lambda: open_options(self.iface))
        buttons.addWidget(self.options_button)
        form.addRow(buttons)
        self.progress = QProgressBar(status)
        self.progress.setObjectName("syncProgress")
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        form.addRow(self.progress)
        layout.addWidget(status)

        conflicts = QGroupBox(self.tr("Conflicts"), self)
        box = QVBoxLayout(conflicts)
        hint = QLabel(self.tr("Changed here and on the server since the last sync: nothing was overwritten. "
                              "Compare and choose."), conflicts)
        hint.setWordWrap(True)
        box.addWidget(hint)
        self.conflict_list = QListWidget(conflicts)
        self.conflict_list.setObjectName("syncConflicts")
        self.conflict_list.setMaximumHeight(90)
        self.conflict_list.currentRowChanged.connect(self.show_conflict)
        box.addWidget(self.conflict_list)
        self.comparison = QTableWidget(0, 3, conflicts)
        self.comparison.setObjectName("syncComparison")
        self.comparison.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Mine"), self.tr("Theirs (server)")])
        self.comparison.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.comparison.verticalHeader().setVisible(False)
        self.comparison.horizontalHeader().setStretchLastSection(True)
        box.addWidget(self.comparison)
        choices = QHBoxLayout()
        self.mine_button = QPushButton(self.tr("Keep mine"), conflicts)
        self.mine_button.setObjectName("resolveMine")
        self.mine_button.setToolTip(self.tr("Send my version to the server, over theirs"))
        self.mine_button.clicked.connect(lambda: self.resolve(Resolution.MINE))
        self.theirs_button = QPushButton(self.tr("Take theirs"), conflicts)
        self.theirs_button.setObjectName("resolveTheirs")
        self.theirs_button.setToolTip(self.tr("Replace my version with the server's"))
        self.theirs_button.clicked.connect(lambda: self.resolve(Resolution.THEIRS))
        self.both_button = QPushButton(self.tr("Keep both"), conflicts)
        self.both_button.setObjectName("resolveKeepBoth")
        self.both_button.setToolTip(self.tr("Take the server's version and keep mine as a new intervention"))
        self.both_button.clicked.connect(lambda: self.resolve(Resolution.KEEP_BOTH))
        for button in (self.mine_button, self.theirs_button, self.both_button):
            choices.addWidget(button)
        box.addLayout(choices)
        legend = QLabel(self.tr('On the map: <span style="color:#1f78b4">mine</span>, '
                                '<span style="color:#e31a1c">theirs</span>.'), conflicts)
        legend.setTextFormat(Qt.RichText)
        box.addWidget(legend)
        layout.addWidget(conflicts)

        rejected = QGroupBox(self.tr("Refused changes"), self)
        box = QVBoxLayout(rejected)
        self.rejected_list = QListWidget(rejected)
        self.rejected_list.setObjectName("syncRejected")
        self.rejected_list.setMaximumHeight(80)
        self.rejected_list.setWordWrap(True)
        box.addWidget(self.rejected_list)
        note = QLabel(self.tr("Kept here and sent again once you fix them."), rejected)
        note.setWordWrap(True)
        box.addWidget(note)
        layout.addWidget(rejected)
        layout.addStretch(1)

        self.timer = QTimer(self)
        self.timer.setObjectName("syncTimer")
        self.timer.timeout.connect(self.sync_on_timer)
        self.apply_interval()
        layers.events.saved.connect(self._on_saved)
        self.refresh()

    def _on_saved(self, event) -> None:
        if self.task is None and self.isVisible():
            self.refresh()

    # --- state ---------------------------------------------------------------------------------------------------

    def store_path(self) -> Path | None:
        try:
            return store_location()
        except PratoError:
            return None

    def _open_store(self) -> GeoPackageSyncStore | None:
        path = self.store_path()
        if path is None or not path.exists():
            return None
        return GeoPackageSyncStore(path)

    def apply_interval(self) -> None:
        minutes = settings.get("sync_interval_min")
        if minutes > 0:
            if not self.timer.isActive() or self.timer.interval() != minutes * 60 * 1000:
                self.timer.start(minutes * 60 * 1000)
        else:
            self.timer.stop()

    def refresh(self) -> None:
        """Read the state again (after a sync, a resolution, a save, or when the section is shown)."""
        self.apply_interval()
        config = ApiConfig.from_settings()
        self.server_label.setText(f"{config.base_url} ({config.collection})" if config.base_url else
                                  self.tr("Not configured: set the address in the options."))
        self.sync_button.setEnabled(bool(config.base_url) and self.task is None)
        self.conflict_list.clear()
        self.rejected_list.clear()
        self.conflicts = []
        with reporting_errors(self.message_bar, self.iface):
            store = self._open_store()
            if store is None:
                self.pending_label.setText(self.tr("No interventions store yet"))
                self.last_sync_label.setText(self.tr("Never"))
                self._enable_choices()
                return
            try:
                engine = build_engine(store, config) if config.base_url else None
                self.pending_label.setText(str(store.pending_count()))
                last = store.get_state("sync.last_success")
                self.last_sync_label.setText(last.replace("T", " ").replace("Z", " UTC") if last else
                                             self.tr("Never"))
                if self.result_label.text():
                    pass  # this session's own result
                elif store.get_state("sync.started_at") and self.task is None:
                    self.result_label.setText(self.tr("The last sync did not finish; the next one resumes it."))
                elif store.get_state("sync.last_error"):
                    self.result_label.setText(store.get_state("sync.last_error"))
                elif last:
                    summary = json.loads(store.get_state("sync.last_summary") or "{}")
                    self.result_label.setText(self.tr(
                        "Sent {sent}, received {received}, conflicts {conflicts}, rejected {rejected}.").format(
                        **{k: summary.get(k, 0) for k in ("sent", "received", "conflicts", "rejected")}))
                if engine is not None:
                    self.conflicts = engine.conflicts()
                    for uuid, record in sorted(engine.rejected().items()):
                        mine = store.features([uuid]).get(uuid)
                        title = (mine or {}).get("properties", {}).get("title") or uuid
                        item = QListWidgetItem(f"{title}: {record.get('message', '')}")
                        item.setToolTip(record.get("details", "") or record.get("message", ""))
                        item.setData(Qt.UserRole, uuid)
                        self.rejected_list.addItem(item)
            finally:
                store.close()
        for conflict in self.conflicts:
            title = ((conflict.mine or conflict.theirs).get("properties") or {}).get("title") or conflict.uuid
            suffix = self.tr(" (deleted on the server)") if conflict.theirs_deleted else (
                self.tr(" (deleted here)") if conflict.mine is None else "")
            item = QListWidgetItem(f"{title}{suffix}")
            item.setData(Qt.UserRole, conflict.uuid)
            self.conflict_list.addItem(item)
        if self.conflicts:
            self.conflict_list.setCurrentRow(0)
        else:
            self.show_conflict(-1)

    def showEvent(self, event):  # noqa: N802
        if self.task is None:
            self.refresh()
        super().showEvent(event)

    # --- sync ----------------------------------------------------------------------------------------------------

    def sync_now(self, quiet: bool = False) -> SyncTask | None:
        if self.task is not None:
            return None
        with reporting_errors(self.message_bar, self.iface):
            config = ApiConfig.from_settings()
            config.check()
            path = store_location()
            database.open_store(path)
            self.task = SyncTask(path, config)
            self.task.signals.done.connect(lambda summary, error: self._finished(summary, error, quiet))
            self.task.progressChanged.connect(lambda value: self.progress.setValue(int(value)))
            self.progress.setValue(0)
            self.progress.setVisible(True)
            self.sync_button.setEnabled(False)
            self.cancel_button.setEnabled(True)
            self.result_label.setText(self.tr("Syncing…"))
            QgsApplication.taskManager().addTask(self.task)
            return self.task
        return None

    def sync_on_timer(self) -> None:
        if self.task is None and settings.get("api_base_url"):
            self.sync_now(quiet=True)

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _finished(self, summary, error, quiet: bool) -> None:
        self.task = None
        self.progress.setVisible(False)
        self.cancel_button.setEnabled(False)
        if error is None:
            self.result_label.setText(summary.text())
            self._reload_layers()
            if not quiet or summary.open_conflicts:
                push(self.message_bar, summary.text(), Level.WARNING if summary.open_conflicts or summary.rejected
                     else Level.SUCCESS, iface=self.iface)
        elif isinstance(error, CancelledError):
            self.result_label.setText(self.tr("Cancelled: the next sync resumes where this one stopped."))
        else:
            message = error.message if isinstance(error, PratoError) else str(error)
            self.result_label.setText(message)
            if not quiet:
                show_error(self.message_bar, error, self.iface)
        self.refresh()

    def _reload_layers(self) -> None:
        """Layers of the store show what sync wrote behind their backs."""
        path = self.store_path()
        if path is None:
            return
        for layer in layers.project_layers(path=path).values():
            layer.dataProvider().reloadData()
            layer.triggerRepaint()

    # --- conflicts -----------------------------------------------------------------------------------------------

    def _enable_choices(self, enabled: bool = False) -> None:
        for button in (self.mine_button, self.theirs_button, self.both_button):
            button.setEnabled(enabled)

    def current_conflict(self) -> Conflict | None:
        row = self.conflict_list.currentRow()
        return self.conflicts[row] if 0 <= row < len(self.conflicts) else None

    def show_conflict(self, row: int) -> None:
        self._clear_map()
        conflict = self.conflicts[row] if 0 <= row < len(self.conflicts) else None
        self._enable_choices(conflict is not None and self.task is None)
        self.comparison.setRowCount(0)
        if conflict is None:
            return
        mine = (conflict.mine or {}).get("properties", {})
        theirs = conflict.theirs.get("properties", {})
        rows = [(self.tr("State"), self.tr("deleted") if conflict.mine is None else self.tr("present"),
                 self.tr("deleted") if conflict.theirs_deleted else self.tr("present"))]
        rows += [(schema.field_label(spec.name), mine.get(spec.name), theirs.get(spec.name))
                 for spec in schema.FIELDS if spec.name not in ("uuid", "created_at", "modified_at")]
        bold = QFont()
        bold.setBold(True)
        self.comparison.setRowCount(len(rows))
        for index, (name, a, b) in enumerate(rows):
            cells = [name, "" if a is None else str(a), "" if b is None else str(b)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if cells[1] != cells[2]:
                    item.setFont(bold)
                self.comparison.setItem(index, column, item)
        self.comparison.resizeColumnsToContents()
        self._show_on_map(conflict)

    def _show_on_map(self, conflict: Conflict) -> None:
        canvas = self.iface.mapCanvas()
        transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"),
                                           canvas.mapSettings().destinationCrs(), QgsProject.instance())
        extent = None
        for feature, color in ((conflict.mine, MINE_COLOR), (conflict.theirs, THEIRS_COLOR)):
            if not feature or not feature.get("geometry"):
                continue
            parsed = QgsJsonUtils.stringToFeatureList(json.dumps({"type": "Feature", "properties": {},
                                                                  "geometry": feature["geometry"]}))
            if not parsed:
                continue
            geometry = QgsGeometry(parsed[0].geometry())
            geometry.transform(transform)
            band = QgsRubberBand(canvas, geometry.type())
            band.setToGeometry(geometry, None)
            band.setColor(color)
            fill = QColor(color)
            fill.setAlpha(50)
            band.setFillColor(fill)
            band.setWidth(3)
            if geometry.type() == QgsWkbTypes.PointGeometry:
                band.setIconSize(12)
            self.rubber_bands.append(band)
            if extent is None:
                extent = QgsRectangle(geometry.boundingBox())
            else:
                extent.combineExtentWith(geometry.boundingBox())
        if extent is not None and not extent.isEmpty():
            extent.scale(1.5)
            canvas.setExtent(extent)
        elif extent is not None:
            canvas.setCenter(extent.center())
        canvas.refresh()

    def _clear_map(self) -> None:
        canvas = self.iface.mapCanvas()
        for band in self.rubber_bands:
            canvas.scene().removeItem(band)
        self.rubber_bands = []

    def resolve(self, resolution: Resolution) -> None:
        conflict = self.current_conflict()
        if conflict is None:
            return
        with reporting_errors(self.message_bar, self.iface):
            store = self._open_store()
            try:
                build_engine(store, ApiConfig.from_settings()).resolve(conflict.uuid, resolution)
            finally:
                store.close()
            self._reload_layers()
            self.refresh()
            if resolution != Resolution.THEIRS:
                self.sync_now()  # what must reach the server goes now

    def hideEvent(self, event):  # noqa: N802
        self._clear_map()
        super().hideEvent(event)
