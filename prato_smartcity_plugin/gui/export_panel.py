"""The dock's Export section: what a contractor package is, and the button that opens the export dialog."""

from __future__ import annotations

from qgis.PyQt.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


class ExportPanel(QWidget):
    def __init__(self, iface, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.dialog = None
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Contractor package: shapefiles (one per geometry type) in the CRS the contractor asks for, with "
            "readable field names, Italian labels, UTF-8 text and a LEGGIMI/README, verified before it is zipped."),
            self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.export_button = QPushButton(self.tr("Export contractor package…"), self)
        self.export_button.setObjectName("openExportDialog")
        self.export_button.clicked.connect(self.open_dialog)
        layout.addWidget(self.export_button)
        layout.addStretch(1)

    def open_dialog(self):
        from prato_smartcity_plugin.gui.export_dialog import open_export_dialog

        layer = self.iface.activeLayer() if self.iface is not None else None
        self.dialog = open_export_dialog(self.iface, [layer] if layer is not None else None)
        return self.dialog
