"""The dock's interventions section: new intervention buttons, the list of interventions of the three layers with
filters, zoom to / open form / delete, the store's path and the changes not yet synced."""

from __future__ import annotations

import datetime as dt

from qgis.core import QgsCoordinateTransform, QgsProject, QgsRectangle
from qgis.gui import QgsDateEdit
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QStandardItem, QStandardItemModel
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from prato_smartcity_plugin.adapters import settings
from prato_smartcity_plugin.adapters.store import database
from prato_smartcity_plugin.adapters.store import layers as store_layers
from prato_smartcity_plugin.core.interventions import schema
from prato_smartcity_plugin.core.interventions.filters import InterventionFilter
from prato_smartcity_plugin.core.interventions.schema import GeometryKind
from prato_smartcity_plugin.gui import messages
from prato_smartcity_plugin.gui.interventions_actions import InterventionActions

COLUMNS = ("kind", "title", "category", "status", "responsible_body", "start_date", "end_date")
ROW_ROLE = Qt.UserRole + 1


class InterventionsPanel(QWidget):
    def __init__(self, iface, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.rows: list[store_layers.Row] = []
        layout = QVBoxLayout(self)

        self.new_actions = InterventionActions(iface, self)
        buttons = QHBoxLayout()
        for kind, action in self.new_actions.actions.items():
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
            button.setObjectName(f"newIntervention_{kind.value}")
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        filters = QFormLayout()
        self.category = self._code_combo("category", schema.CATEGORIES)
        self.status = self._code_combo("status", schema.STATUSES)
        self.body = self._code_combo("responsible_body",
                                     schema.codes_with_extra_bodies(settings.extra_bodies()), labels_are_names=True)
        filters.addRow(self.tr("Category"), self.category)
        filters.addRow(self.tr("Status"), self.status)
        filters.addRow(self.tr("Responsible body"), self.body)
        dates = QHBoxLayout()
        self.date_from = self._date_edit("dateFrom")
        self.date_to = self._date_edit("dateTo")
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel("–", self))
        dates.addWidget(self.date_to)
        filters.addRow(self.tr("Dates"), dates)
        self.text = QLineEdit(self)
        self.text.setObjectName("filterText")
        self.text.setPlaceholderText(self.tr("Title, street, description…"))
        self.text.setClearButtonEnabled(True)
        filters.addRow(self.tr("Search"), self.text)
        layout.addLayout(filters)

        self.model = QStandardItemModel(0, len(COLUMNS), self)
        self.model.setHorizontalHeaderLabels([self.tr("Type"), schema.field_label("title"),
                                              schema.field_label("category"), schema.field_label("status"),
                                              schema.field_label("responsible_body"),
                                              schema.field_label("start_date"), schema.field_label("end_date")])
        self.table = QTableView(self)
        self.table.setObjectName("interventionsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.doubleClicked.connect(lambda _index: self.open_form())
        layout.addWidget(self.table, 1)

        row_buttons = QHBoxLayout()
        self.zoom_button = self._button(self.tr("Zoom to"), "zoomTo", self.zoom_to)
        self.form_button = self._button(self.tr("Open form"), "openForm", self.open_form)
        self.delete_button = self._button(self.tr("Delete"), "deleteIntervention", self.delete)
        self.refresh_button = self._button(self.tr("Refresh"), "refresh", self.refresh)
        for button in (self.zoom_button, self.form_button, self.delete_button):
            row_buttons.addWidget(button)
        row_buttons.addStretch(1)
        row_buttons.addWidget(self.refresh_button)
        layout.addLayout(row_buttons)

        self.store_label = QLabel(self)
        self.store_label.setObjectName("storePath")
        self.store_label.setWordWrap(True)
        self.store_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.pending_label = QLabel(self)
        self.pending_label.setObjectName("pendingChanges")
        layout.addWidget(self.store_label)
        layout.addWidget(self.pending_label)

        for combo in (self.category, self.status, self.body):
            combo.currentIndexChanged.connect(self.apply_filter)
        for edit in (self.date_from, self.date_to):
            edit.dateValueChanged.connect(self.apply_filter)
        self.text.textChanged.connect(self.apply_filter)
        store_layers.events.saved.connect(self._on_saved)
        QgsProject.instance().layersAdded.connect(self._on_layers_changed)
        QgsProject.instance().layersRemoved.connect(self._on_layers_changed)
        self.refresh()

    # --- widgets --------------------------------------------------------------------------------------------------

    def _code_combo(self, field: str, codes, labels_are_names: bool = False) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(f"filter_{field}")
        combo.addItem(self.tr("All"), None)
        for code in codes:
            combo.addItem(code.label if labels_are_names else schema.label(field, code.value), code.value)
        return combo

    def _date_edit(self, name: str) -> QgsDateEdit:
        edit = QgsDateEdit(self)
        edit.setObjectName(name)
        edit.setAllowNull(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setCalendarPopup(True)
        edit.clear()
        return edit

    def _button(self, text: str, name: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # --- data -----------------------------------------------------------------------------------------------------

    def current_filter(self) -> InterventionFilter:
        def date_of(edit: QgsDateEdit):
            value = edit.date()
            return None if edit.isNull() or not value.isValid() else dt.date(value.year(), value.month(), value.day())

        return InterventionFilter(category=self.category.currentData(), status=self.status.currentData(),
                                  responsible_body=self.body.currentData(), date_from=date_of(self.date_from),
                                  date_to=date_of(self.date_to), text=self.text.text())

    def store_layers(self) -> dict[GeometryKind, object]:
        return store_layers.project_layers()

    def refresh(self) -> None:
        layers = self.store_layers()
        self.rows = store_layers.rows(layers)
        self.apply_filter()
        self._show_store(layers)

    def _show_store(self, layers) -> None:
        if layers:
            path = store_layers.store_path_of(next(iter(layers.values())))
        else:
            path = store_layers.locate_store()
        self.store_label.setText(self.tr("Store: {path}").format(path=path))
        if not path.exists():
            self.pending_label.setText(self.tr("The store will be created with the first intervention."))
            return
        try:
            pending = database.pending_changes(path)
        except Exception as error:  # noqa: BLE001 - shown, never raised from a refresh
            self.pending_label.setText(self.tr("Changes not yet synced: unknown"))
            messages.show_error(self.iface.messageBar(), error, self.iface)
            return
        self.pending_label.setText(self.tr("Changes not yet synced: {n}").format(n=pending))

    def apply_filter(self, *_args) -> None:
        rule = self.current_filter()
        kinds = {GeometryKind.POINT: self.tr("Point"), GeometryKind.LINE: self.tr("Line"),
                 GeometryKind.POLYGON: self.tr("Area")}
        self.table.setSortingEnabled(False)
        self.model.removeRows(0, self.model.rowCount())
        for index, row in enumerate(self.rows):
            if not rule.matches(row.record):
                continue
            record = row.record
            values = [kinds[row.kind], record.get("title") or ""]
            values += [schema.label(name, record.get(name)) for name in ("category", "status")]
            body = record.get("responsible_body")
            names = {c.value: c.label for c in schema.codes_with_extra_bodies(settings.extra_bodies())}
            values.append(names.get(body, body or ""))
            values += [str(record.get(name) or "") for name in ("start_date", "end_date")]
            items = [QStandardItem(value) for value in values]
            items[0].setData(index, ROW_ROLE)
            self.model.appendRow(items)
        self.table.setSortingEnabled(True)

    def visible_rows(self) -> list[store_layers.Row]:
        return [self.rows[self.model.item(i, 0).data(ROW_ROLE)] for i in range(self.model.rowCount())]

    def selected_row(self) -> store_layers.Row | None:
        selection = self.table.selectionModel().selectedRows()
        if not selection:
            return None
        return self.rows[self.model.item(selection[0].row(), 0).data(ROW_ROLE)]

    def _selected_feature(self):
        row = self.selected_row()
        if row is None:
            messages.push(self.iface.messageBar(), self.tr("Select an intervention in the list first."))
            return None, None
        layer = QgsProject.instance().mapLayer(row.layer_id)
        if layer is None:
            self.refresh()
            return None, None
        return layer, layer.getFeature(row.fid)

    # --- actions --------------------------------------------------------------------------------------------------

    def zoom_to(self) -> None:
        layer, feature = self._selected_feature()
        if feature is None or not feature.hasGeometry():
            return
        canvas = self.iface.mapCanvas()
        transform = QgsCoordinateTransform(layer.crs(), canvas.mapSettings().destinationCrs(), QgsProject.instance())
        extent = transform.transformBoundingBox(feature.geometry().boundingBox())
        if extent.width() == 0 and extent.height() == 0:
            extent = QgsRectangle(extent.xMinimum() - 50, extent.yMinimum() - 50, extent.xMaximum() + 50,
                                  extent.yMaximum() + 50)
        else:
            extent.scale(1.2)
        canvas.setExtent(extent)
        canvas.refresh()
        canvas.flashFeatureIds(layer, [feature.id()])

    def open_form(self) -> None:
        layer, feature = self._selected_feature()
        if feature is not None:
            self.iface.openFeatureForm(layer, feature)

    def delete(self) -> None:
        layer, feature = self._selected_feature()
        if feature is None:
            return
        answer = QMessageBox.question(self, self.tr("Delete intervention"), self.tr(
            "Delete the intervention “{title}”? The deletion is recorded for sync.").format(
            title=feature["title"] or ""))
        if answer != QMessageBox.Yes:
            return
        with messages.reporting_errors(self.iface.messageBar(), self.iface):
            store_layers.delete_feature(layer, feature.id())
        self.refresh()

    # --- signals --------------------------------------------------------------------------------------------------

    def _on_saved(self, _event) -> None:
        self.refresh()

    def _on_layers_changed(self, *_args) -> None:
        self.refresh()

    def closeEvent(self, event):  # noqa: N802
        self.disconnect_signals()
        super().closeEvent(event)

    def disconnect_signals(self) -> None:
        for signal, slot in ((store_layers.events.saved, self._on_saved),
                             (QgsProject.instance().layersAdded, self._on_layers_changed),
                             (QgsProject.instance().layersRemoved, self._on_layers_changed)):
            try:
                signal.disconnect(slot)
            except TypeError:
                pass
