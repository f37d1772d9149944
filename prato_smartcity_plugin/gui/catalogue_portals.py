"""The list of CKAN portals in the plugin's options page: name, API address and an optional QGIS auth config per
portal (for private portals; the secret stays in QGIS's authentication database)."""

from __future__ import annotations

import json

from qgis.gui import QgsAuthConfigSelect
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from prato_smartcity_plugin.adapters import settings
from prato_smartcity_plugin.core.catalogue.ckan import normalise_base_url


class PortalsEditor(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("ckan_portals")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("ckanPortalsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("CKAN API address")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setMaximumHeight(130)
        self.table.currentCellChanged.connect(self._row_changed)
        layout.addWidget(self.table)
        self.authcfg = QgsAuthConfigSelect(self)
        self.authcfg.setObjectName("ckanPortalAuthcfg")
        self.authcfg.selectedConfigIdChanged.connect(self._auth_changed)
        layout.addWidget(self.authcfg)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add portal"), self)
        self.add_button.setObjectName("ckanPortalAdd")
        self.add_button.clicked.connect(lambda: self.add_portal("", "https://"))
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setObjectName("ckanPortalRemove")
        self.remove_button.clicked.connect(self.remove_current)
        self.defaults_button = QPushButton(self.tr("Restore defaults"), self)
        self.defaults_button.clicked.connect(lambda: self.set_portals(settings.DEFAULT_PORTALS))
        for button in (self.add_button, self.remove_button, self.defaults_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.set_portals(settings.portals())

    def set_portals(self, portals: list) -> None:
        self.table.setRowCount(0)
        for portal in portals:
            self.add_portal(portal.get("name", ""), portal.get("url", ""), portal.get("authcfg", ""))
        if portals:
            self.table.setCurrentCell(0, 0)

    def add_portal(self, name: str, url: str, authcfg: str = "") -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        name_item = QTableWidgetItem(name)
        name_item.setData(Qt.UserRole, authcfg)  # the auth config id
        self.table.setItem(row, 0, name_item)
        self.table.setItem(row, 1, QTableWidgetItem(url))
        self.table.setCurrentCell(row, 0)

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def _row_changed(self, row: int, *_args) -> None:
        item = self.table.item(row, 0) if row >= 0 else None
        self.authcfg.blockSignals(True)
        self.authcfg.setConfigId(item.data(Qt.UserRole) or "" if item else "")
        self.authcfg.blockSignals(False)
        self.authcfg.setEnabled(item is not None)

    def _auth_changed(self, authcfg: str) -> None:
        item = self.table.item(self.table.currentRow(), 0)
        if item is not None:
            item.setData(Qt.UserRole, authcfg)

    def portals(self) -> list:
        """The portals with an http(s) address, API root normalised (``/api/3``)."""
        portals = []
        for row in range(self.table.rowCount()):
            name_item, url_item = self.table.item(row, 0), self.table.item(row, 1)
            url = (url_item.text() if url_item else "").strip()
            if not url.startswith(("http://", "https://")) or url in ("http://", "https://"):
                continue
            url = normalise_base_url(url)
            portals.append({"name": (name_item.text().strip() if name_item else "") or url, "url": url,
                            "authcfg": (name_item.data(Qt.UserRole) or "") if name_item else ""})
        return portals

    def save(self) -> None:
        settings.set("ckan_portals", json.dumps(self.portals()))
