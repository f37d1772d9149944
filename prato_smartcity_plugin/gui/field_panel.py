"""The dock's "Field work" page: prepare a field kit, add an intervention at the GPS position, come back and sync."""

from __future__ import annotations

import json
from pathlib import Path

from qgis.core import Qgis, QgsProject
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from prato_smartcity_plugin.gui import messages

PREPARE_ALGORITHM = "pratosmartcity:prepare_field_kit"


def kit_manifest(project: QgsProject | None = None) -> dict | None:
    """The manifest of the field kit the project belongs to, or None for an office project."""
    project = project or QgsProject.instance()
    if not project.fileName():
        return None
    path = Path(project.absolutePath()) / "field_kit.json"
    try:
        return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None
    except (OSError, ValueError):
        return None


class FieldPanel(QWidget):
    def __init__(self, iface, parent=None):
        super().__init__(parent)
        self.iface = iface
        layout = QVBoxLayout(self)

        prepare = QGroupBox(self.tr("Prepare for the field"), self)
        box = QVBoxLayout(prepare)
        intro = QLabel(
            self.tr(
                "Copies the project for an area into a folder you can take on a laptop with no network: layers clipped "
                "to the area, the basemap cached, the interventions store with its change log."
            ),
            prepare,
        )
        intro.setWordWrap(True)
        box.addWidget(intro)
        self.prepare_button = QPushButton(self.tr("Prepare field kit…"), prepare)
        self.prepare_button.setObjectName("prepareFieldKit")
        self.prepare_button.clicked.connect(self.prepare_kit)
        box.addWidget(self.prepare_button)
        layout.addWidget(prepare)

        field = QGroupBox(self.tr("In the field"), self)
        box = QVBoxLayout(field)
        self.gps_status = QLabel(field)
        self.gps_status.setObjectName("gpsStatus")
        self.gps_status.setWordWrap(True)
        box.addWidget(self.gps_status)
        self.gps_button = QPushButton(self.tr("Add intervention at GPS position"), field)
        self.gps_button.setObjectName("addAtGps")
        self.gps_button.clicked.connect(self.add_at_gps)
        box.addWidget(self.gps_button)
        layout.addWidget(field)

        back = QGroupBox(self.tr("Back from the field"), self)
        box = QVBoxLayout(back)
        self.kit_status = QLabel(back)
        self.kit_status.setObjectName("kitStatus")
        self.kit_status.setWordWrap(True)
        box.addWidget(self.kit_status)
        self.sync_button = QPushButton(self.tr("Sync the field edits now"), back)
        self.sync_button.setObjectName("backFromField")
        self.sync_button.clicked.connect(self.back_from_field)
        box.addWidget(self.sync_button)
        layout.addWidget(back)
        layout.addStretch(1)

        self._timer = QTimer(self)
        self._timer.setInterval(2000)
        self._timer.timeout.connect(self.refresh)
        QgsProject.instance().readProject.connect(self.refresh)
        self.refresh()

    # the GPS and the change log are polled only while the page is on screen
    def showEvent(self, event):  # noqa: N802
        self.refresh()
        self._timer.start()
        super().showEvent(event)

    def hideEvent(self, event):  # noqa: N802
        self._timer.stop()
        super().hideEvent(event)

    def refresh(self, *args) -> None:
        from prato_smartcity_plugin.adapters import gps

        fix = gps.current_fix()
        if fix is not None:
            self.gps_status.setText(self.tr("GPS position: {lat:.6f} N, {lon:.6f} E").format(lat=fix.y(), lon=fix.x()))
        elif gps.has_connection():
            self.gps_status.setText(self.tr("GPS connected, waiting for a position…"))
        else:
            self.gps_status.setText(self.tr("No GPS connected (View ▸ Panels ▸ GPS Information)."))
        self.gps_button.setEnabled(fix is not None)

        manifest = kit_manifest()
        pending = self._pending_changes()
        if manifest is None:
            self.kit_status.setText(
                self.tr("This project is not a field kit. Changes waiting to be synced: {n}").format(n=pending)
            )
        else:
            self.kit_status.setText(
                self.tr("Field kit prepared on {date}. Field changes waiting to be synced: {n}").format(
                    date=manifest.get("created_at", "?")[:10], n=pending
                )
            )
        self.sync_button.setEnabled(self._sync_section_available())

    def _pending_changes(self) -> int:
        from prato_smartcity_plugin.adapters.field_kit import pending_changes
        from prato_smartcity_plugin.adapters.store import layers as store_layers

        found = store_layers.project_layers()
        if not found:
            return 0
        return pending_changes(store_layers.store_path_of(next(iter(found.values()))))

    def _dock(self):
        widget = self.parent()
        while widget is not None and not hasattr(widget, "show_section"):
            widget = widget.parent()
        return widget

    def _sync_section_available(self) -> bool:
        dock = self._dock()
        return dock is not None and "sync" in dock.sections

    def prepare_kit(self) -> None:
        import processing

        canvas = self.iface.mapCanvas()
        extent = canvas.extent()
        crs = canvas.mapSettings().destinationCrs().authid()
        params = {"EXTENT": f"{extent.xMinimum()},{extent.xMaximum()},{extent.yMinimum()},{extent.yMaximum()} [{crs}]"}
        with messages.reporting_errors(self.iface.messageBar(), self.iface):
            results = processing.execAlgorithmDialog(PREPARE_ALGORITHM, params)
            if results and results.get("PROJECT"):
                self._offer_to_open(results["PROJECT"])

    def _offer_to_open(self, project_path: str) -> None:
        bar = self.iface.messageBar()
        widget = bar.createMessage(self.tr("Field kit ready"), project_path)
        button = QPushButton(self.tr("Open the field kit"), widget)
        button.setObjectName("openFieldKit")
        button.clicked.connect(lambda: self.iface.addProject(project_path))
        widget.layout().addWidget(button)
        bar.pushWidget(widget, Qgis.Success, 0)

    def add_at_gps(self) -> None:
        from prato_smartcity_plugin.adapters import gps
        from prato_smartcity_plugin.adapters.store import layers as store_layers
        from prato_smartcity_plugin.core.interventions.schema import GeometryKind

        with messages.reporting_errors(self.iface.messageBar(), self.iface):
            layer = store_layers.open_layers()[GeometryKind.POINT]
            geometry = gps.fix_geometry_for(layer)
            self.iface.setActiveLayer(layer)
            tools = self.iface.vectorLayerTools()
            if not layer.isEditable():
                tools.startEditing(layer)
            # QGIS's own "add feature" path: the native form opens with the plugin's defaults and constraints
            tools.addFeature(layer, {}, geometry)

    def back_from_field(self) -> None:
        dock = self._dock()
        if dock is None or "sync" not in dock.sections:
            return
        section = dock.show_section("sync")
        section.sync_now()
