"""The dock's first page: what the plugin is, the demo project, the settings."""

from __future__ import annotations

from qgis.core import QgsProject
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from prato_smartcity_plugin.gui.messages import reporting_errors
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
        self.demo_button = QPushButton(self.tr("Open the Prato demo project"), self)
        self.demo_button.setObjectName("openDemoProject")
        self.demo_button.setToolTip(self.tr(
            "The comune boundary, the Wi-Fi coverage areas and the cycle paths of Prato, in EPSG:6707. "
            "A copy in your QGIS profile is opened: you can edit and save it."))
        self.demo_button.clicked.connect(self.open_demo_project)
        layout.addWidget(self.demo_button)
        self.settings_button = QPushButton(self.tr("Settings…"), self)
        self.settings_button.setObjectName("openSettings")
        self.settings_button.clicked.connect(lambda: open_options(self.iface))
        layout.addWidget(self.settings_button)
        layout.addStretch(1)

    def open_demo_project(self) -> bool:
        """Opens the user's copy of the demo project (made on first use); returns whether it was opened."""
        if not self._may_close_current_project():
            return False
        with reporting_errors(self.iface.messageBar(), self.iface):
            from prato_smartcity_plugin.adapters.demo_project import ensure_user_copy

            path = ensure_user_copy()
            return bool(self.iface.addProject(str(path)))
        return False

    def _may_close_current_project(self) -> bool:
        project = QgsProject.instance()
        if not project.isDirty():
            return True
        answer = QMessageBox.question(
            self, self.tr("Open the Prato demo project"),
            self.tr("The current project has unsaved changes. Save them before opening the demo project?"),
            QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel, QMessageBox.Save)
        if answer == QMessageBox.Cancel:
            return False
        if answer == QMessageBox.Save:
            self.iface.actionSaveProject().trigger()
            return not project.isDirty()  # the user may have cancelled the save dialog
        return True
