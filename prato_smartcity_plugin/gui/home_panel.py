"""The dock's first page: what the plugin is, the demo project, the settings."""

from __future__ import annotations

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from prato_smartcity_plugin.gui.options_page import open_options



class HomePanel(QWidget):
    def __init__(self, iface, parent=None):
        super().__init__(parent)
        self.iface = iface
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "<b>Prato Smart City</b><br>Open data, Wi-Fi and cycle network planning, interventions, sync with the "
            "municipal API and contractor export for the Comune di Prato."), self)
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.RichText)
        layout.addWidget(intro)
        self.settings_button = QPushButton(self.tr("Settings…"), self)
        self.settings_button.setObjectName("openSettings")
        self.settings_button.clicked.connect(lambda: open_options(self.iface))
        layout.addWidget(self.settings_button)
        layout.addStretch(1)
