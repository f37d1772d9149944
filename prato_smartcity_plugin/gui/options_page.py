"""The plugin's page in QGIS's own Options dialog (Settings ▸ Options ▸ Prato Smart City)."""

from __future__ import annotations

from qgis.gui import QgsAuthConfigSelect, QgsFileWidget, QgsOptionsPageWidget, QgsOptionsWidgetFactory
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
)

from prato_smartcity_plugin.adapters import settings
from prato_smartcity_plugin.adapters.paths import icon_path

OPTIONS_PAGE_OBJECT_NAME = "PratoSmartCityOptions"


def page_title() -> str:
    from qgis.PyQt.QtCore import QCoreApplication

    return QCoreApplication.translate("PratoSmartCity", "Prato Smart City")


def open_options(iface) -> None:
    iface.showOptionsDialog(iface.mainWindow(), currentPage=OPTIONS_PAGE_OBJECT_NAME)


class PratoOptionsPage(QgsOptionsPageWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName(OPTIONS_PAGE_OBJECT_NAME)
        layout = QVBoxLayout(self)

        general = QGroupBox(self.tr("Interventions"), self)
        form = QFormLayout(general)
        self.surveyor = QLineEdit(settings.get("surveyor"), general)
        self.surveyor.setObjectName("surveyor")
        form.addRow(self.tr("Surveyor name"), self.surveyor)
        self.store_path = QgsFileWidget(general)
        self.store_path.setObjectName("store_path")
        self.store_path.setStorageMode(QgsFileWidget.SaveFile)
        self.store_path.setFilter(self.tr("GeoPackage (*.gpkg)"))
        self.store_path.setFilePath(settings.get("store_path"))
        self.store_path.lineEdit().setPlaceholderText(self.tr("interventions.gpkg in the project's folder"))
        form.addRow(self.tr("Interventions store"), self.store_path)
        self.extra_bodies = QPlainTextEdit(settings.get("extra_bodies"), general)
        self.extra_bodies.setObjectName("extra_bodies")
        self.extra_bodies.setPlaceholderText(self.tr("One per line: code=Name, e.g. gida=GIDA S.p.A."))
        self.extra_bodies.setMaximumHeight(80)
        form.addRow(self.tr("More responsible bodies"), self.extra_bodies)
        layout.addWidget(general)

        api = QGroupBox(self.tr("Municipal API"), self)
        form = QFormLayout(api)
        self.api_base_url = QLineEdit(settings.get("api_base_url"), api)
        self.api_base_url.setObjectName("api_base_url")
        self.api_base_url.setPlaceholderText("https://api.example.org/ogcapi")
        form.addRow(self.tr("Base URL"), self.api_base_url)
        self.api_collection = QLineEdit(settings.get("api_collection"), api)
        self.api_collection.setObjectName("api_collection")
        form.addRow(self.tr("Collection"), self.api_collection)
        self.api_authcfg = QgsAuthConfigSelect(api)
        self.api_authcfg.setObjectName("api_authcfg")
        self.api_authcfg.setConfigId(settings.get("api_authcfg"))
        form.addRow(self.tr("Authentication"), self.api_authcfg)
        self.sync_interval = QSpinBox(api)
        self.sync_interval.setObjectName("sync_interval_min")
        self.sync_interval.setRange(0, 24 * 60)
        self.sync_interval.setSpecialValueText(self.tr("Never"))
        self.sync_interval.setSuffix(self.tr(" min"))
        self.sync_interval.setValue(settings.get("sync_interval_min"))
        form.addRow(self.tr("Sync automatically every"), self.sync_interval)
        layout.addWidget(api)

        data = QGroupBox(self.tr("Open data"), self)
        form = QFormLayout(data)
        self.download_confirm = QSpinBox(data)
        self.download_confirm.setObjectName("download_confirm_mb")
        self.download_confirm.setRange(1, 100000)
        self.download_confirm.setSuffix(" MB")
        self.download_confirm.setValue(settings.get("download_confirm_mb"))
        form.addRow(self.tr("Ask before downloading more than"), self.download_confirm)
        self.cache_dir = QgsFileWidget(data)
        self.cache_dir.setObjectName("cache_dir")
        self.cache_dir.setStorageMode(QgsFileWidget.GetDirectory)
        self.cache_dir.setFilePath(settings.get("cache_dir"))
        self.cache_dir.lineEdit().setPlaceholderText(self.tr("In the QGIS profile folder"))
        form.addRow(self.tr("Cache folder"), self.cache_dir)
        from prato_smartcity_plugin.gui.catalogue_portals import PortalsEditor

        self.ckan_portals = PortalsEditor(data)
        form.addRow(self.tr("CKAN portals"), self.ckan_portals)
        layout.addWidget(data)
        layout.addStretch(1)

    def apply(self) -> None:
        settings.set("surveyor", self.surveyor.text().strip())
        settings.set("store_path", self.store_path.filePath().strip())
        settings.set("extra_bodies", self.extra_bodies.toPlainText().strip())
        settings.set("api_base_url", self.api_base_url.text().strip())
        settings.set("api_collection", self.api_collection.text().strip())
        settings.set("api_authcfg", self.api_authcfg.configId())
        settings.set("sync_interval_min", self.sync_interval.value())
        settings.set("download_confirm_mb", self.download_confirm.value())
        settings.set("cache_dir", self.cache_dir.filePath().strip())
        self.ckan_portals.save()
        from prato_smartcity_plugin.gui.interventions_actions import refresh_surveyor

        refresh_surveyor()


class PratoOptionsFactory(QgsOptionsWidgetFactory):
    def __init__(self):
        super().__init__()
        self.setTitle(page_title())

    def icon(self):
        return QIcon(icon_path())

    def createWidget(self, parent):  # noqa: N802
        return PratoOptionsPage(parent)
