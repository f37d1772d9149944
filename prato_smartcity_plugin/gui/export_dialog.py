"""The contractor package dialog: layers (or their selection), CRS, options, the field name table (editable: a
user's names override the derived ones), then the export in a QgsTask and the verification report."""

from __future__ import annotations

import os
import shutil
import tempfile

from qgis.core import QgsApplication, QgsCoordinateReferenceSystem, QgsMapLayerType, QgsProject, QgsTask
from qgis.gui import QgsFileWidget, QgsMessageBar, QgsProjectionSelectionWidget
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from prato_smartcity_plugin.adapters.store import layers as store_layers
from prato_smartcity_plugin.core.errors import CancelledError, InputError, Level, PratoError
from prato_smartcity_plugin.core.export import names as short_names
from prato_smartcity_plugin.core.export.rules import DEFAULT_CRS, ExportOptions, LongTextPolicy
from prato_smartcity_plugin.core.interventions.schema import FIELDS_BY_NAME
from prato_smartcity_plugin.gui.messages import push, show_error


class ExportTask(QgsTask):
    """Writes and verifies the package off the UI thread (GDAL/OGR only: no QGIS layer is touched here)."""

    def __init__(self, description, sources, options, zip_path, staging):
        super().__init__(description, QgsTask.CanCancel)
        self.sources, self.options, self.zip_path, self.staging = sources, options, zip_path, staging
        self.report = None
        self.error: BaseException | None = None

    def run(self):
        from prato_smartcity_plugin.adapters.export_package import export_package

        try:
            self.report = export_package(self.sources, self.options, self.zip_path,
                                         progress=lambda fraction, message: self.setProgress(100 * fraction),
                                         cancelled=self.isCanceled)
            return True
        except Exception as error:  # noqa: BLE001 - shown to the user on the main thread
            self.error = error
            return False
        finally:
            shutil.rmtree(self.staging, ignore_errors=True)


class ExportDialog(QDialog):
    def __init__(self, iface, parent=None, layers=None):
        super().__init__(parent or (iface.mainWindow() if iface else None))
        self.iface = iface
        #: the running task (QGIS deletes a task once it has finished: its outcome is kept below)
        self.task: ExportTask | None = None
        self.last_report = None
        self.last_error: BaseException | None = None
        self.setObjectName("pratoExportDialog")
        self.setWindowTitle(self.tr("Export contractor package"))
        layout = QVBoxLayout(self)
        self.bar = QgsMessageBar(self)
        layout.addWidget(self.bar)
        form = QFormLayout()
        self.layer_list = QListWidget(self)
        self.layer_list.setObjectName("exportLayers")
        self.layer_list.setMaximumHeight(110)
        wanted = {layer.id() for layer in (layers or [])}
        for layer in QgsProject.instance().mapLayers().values():
            if layer.type() != QgsMapLayerType.VectorLayer or not layer.isSpatial():
                continue
            item = QListWidgetItem(layer.name(), self.layer_list)
            item.setData(Qt.UserRole, layer.id())
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            checked = layer.id() in wanted if wanted else store_layers.kind_of(layer) is not None
            item.setCheckState(Qt.Checked if checked else Qt.Unchecked)
        self.layer_list.itemChanged.connect(lambda *_: self.refresh_names())
        form.addRow(self.tr("Layers"), self.layer_list)
        self.selected_only = QCheckBox(self.tr("Selected features only"), self)
        self.selected_only.setObjectName("exportSelectedOnly")
        form.addRow("", self.selected_only)
        self.crs = QgsProjectionSelectionWidget(self)
        self.crs.setObjectName("exportCrs")
        self.crs.setCrs(QgsCoordinateReferenceSystem(DEFAULT_CRS))
        form.addRow(self.tr("CRS"), self.crs)
        self.labels = QCheckBox(self.tr("Coded values as Italian labels"), self)
        self.labels.setObjectName("exportLabels")
        self.labels.setChecked(True)
        form.addRow("", self.labels)
        self.long_text = QComboBox(self)
        self.long_text.setObjectName("exportLongText")
        self.long_text.addItem(self.tr("Split into continuation fields"), LongTextPolicy.SPLIT.value)
        self.long_text.addItem(self.tr("Truncate (with a warning)"), LongTextPolicy.TRUNCATE.value)
        form.addRow(self.tr("Text over 254 bytes"), self.long_text)
        self.gpkg_copy = QCheckBox(self.tr("Add a GeoPackage copy"), self)
        self.dxf_copy = QCheckBox(self.tr("Add DXF copies"), self)
        form.addRow("", self.gpkg_copy)
        form.addRow("", self.dxf_copy)
        self.output = QgsFileWidget(self)
        self.output.setObjectName("exportOutput")
        self.output.setStorageMode(QgsFileWidget.SaveFile)
        self.output.setFilter(self.tr("ZIP files (*.zip)"))
        home = QgsProject.instance().homePath() or os.path.expanduser("~")
        self.output.setFilePath(os.path.join(home, "pacchetto_imprese.zip"))
        form.addRow(self.tr("Package"), self.output)
        layout.addLayout(form)
        self.names = QTableWidget(0, 2, self)
        self.names.setObjectName("exportNames")
        self.names.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Shapefile name (editable)")])
        self.names.horizontalHeader().setStretchLastSection(True)
        self.names.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeToContents)
        self.names.verticalHeader().setVisible(False)
        self.names.setToolTip(self.tr("At most 10 letters, digits or underscores, starting with a letter; "
                                      "the same name for the same field every time."))
        layout.addWidget(self.names)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("exportProgress")
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        self.result = QPlainTextEdit(self)
        self.result.setObjectName("exportResult")
        self.result.setReadOnly(True)
        self.result.setMaximumHeight(140)
        self.result.setPlaceholderText(self.tr("The files written and the verification report appear here."))
        layout.addWidget(self.result)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel | QDialogButtonBox.Close, self)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("Export"))
        self.buttons.button(QDialogButtonBox.Cancel).setEnabled(False)
        self.buttons.accepted.connect(self.start_export)
        self.buttons.button(QDialogButtonBox.Cancel).clicked.connect(self.cancel_export)
        self.buttons.button(QDialogButtonBox.Close).clicked.connect(self.reject)
        layout.addWidget(self.buttons)
        self.refresh_names()
        self.resize(620, 760)

    def chosen_layers(self):
        project = QgsProject.instance()
        return [project.mapLayer(self.layer_list.item(i).data(Qt.UserRole)) for i in range(self.layer_list.count())
                if self.layer_list.item(i).checkState() == Qt.Checked]

    def refresh_names(self) -> None:
        """One row per distinct field of the chosen layers, with the name the export would give it."""
        fields, seen = [], set()
        for layer in self.chosen_layers():
            for qgs_field in layer.fields():
                name = qgs_field.name()
                if name in seen or name.lower() == "fid":
                    continue
                seen.add(name)
                spec = FIELDS_BY_NAME.get(name)
                fields.append((name, spec.short_name if spec else ""))
        assigned = short_names.assign(fields)
        self.names.setRowCount(len(fields))
        for row, (name, _) in enumerate(fields):
            original = QTableWidgetItem(name)
            original.setFlags(original.flags() & ~Qt.ItemIsEditable)
            self.names.setItem(row, 0, original)
            self.names.setItem(row, 1, QTableWidgetItem(assigned[name]))
        self._defaults = assigned

    def overrides(self) -> dict[str, str]:
        result = {}
        for row in range(self.names.rowCount()):
            name, short = self.names.item(row, 0).text(), self.names.item(row, 1).text().strip()
            if short and short != self._defaults.get(name):
                result[name] = short
        return result

    def options(self) -> ExportOptions:
        crs = self.crs.crs()
        return ExportOptions(crs=crs.authid() or crs.toWkt() or DEFAULT_CRS, labels=self.labels.isChecked(),
                             long_text=LongTextPolicy(self.long_text.currentData()), overrides=self.overrides(),
                             selected_only=self.selected_only.isChecked(), gpkg_copy=self.gpkg_copy.isChecked(),
                             dxf_copy=self.dxf_copy.isChecked())

    def start_export(self) -> ExportTask | None:
        """Prepare the sources here (main thread), then write and verify in a task."""
        from prato_smartcity_plugin.adapters.export_layers import source_from_layer

        staging = tempfile.mkdtemp(prefix="prato-export-stage-")
        try:
            layers = self.chosen_layers()
            if not layers:
                raise InputError(self.tr("Choose at least one layer to export."))
            options = self.options()
            short_names.assign([(n, "") for n in options.overrides], options.overrides)  # checks the overrides
            zip_path = self.output.filePath().strip()
            if not zip_path:
                raise InputError(self.tr("Choose where to save the package."))
            if not zip_path.lower().endswith(".zip"):
                zip_path += ".zip"
            sources = [source_from_layer(layer, options.selected_only, staging) for layer in layers]
        except PratoError as error:
            shutil.rmtree(staging, ignore_errors=True)
            show_error(self.bar, error, self.iface)
            return None
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(False)
        self.buttons.button(QDialogButtonBox.Cancel).setEnabled(True)
        self.result.setPlainText(self.tr("Exporting…"))
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.task = ExportTask(self.tr("Contractor package"), sources, options, zip_path, staging)
        self.task.progressChanged.connect(lambda value: self.progress.setValue(int(value)))
        self.task.taskCompleted.connect(self._finished)
        self.task.taskTerminated.connect(self._finished)
        QgsApplication.taskManager().addTask(self.task)
        return self.task

    def cancel_export(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _finished(self) -> None:
        task, self.task = self.task, None
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(True)
        self.buttons.button(QDialogButtonBox.Cancel).setEnabled(False)
        self.progress.setVisible(False)
        if task is None:
            return
        self.last_report, self.last_error = task.report, None
        if task.report is not None:
            self.result.setPlainText(task.report.summary())
            push(self.bar, self.tr("Package written and verified: {path}").format(path=task.zip_path),
                 Level.WARNING if task.report.warnings else Level.SUCCESS, iface=self.iface)
        else:
            error = task.error or CancelledError(self.tr("The export was cancelled."))
            self.last_error = error
            self.result.setPlainText(getattr(error, "message", str(error)))
            show_error(self.bar, error, self.iface)


def open_export_dialog(iface, layers=None) -> ExportDialog:
    dialog = ExportDialog(iface, layers=layers)
    dialog.show()
    return dialog
