"""The plugin's dock: the front door to the capabilities. Each capability registers a section (a widget class,
imported only when its page is first shown, so that QGIS start-up stays fast)."""

from __future__ import annotations

import importlib

from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from prato_smartcity_plugin.adapters.paths import icon_path
from prato_smartcity_plugin.core.i18n import QT_TRANSLATE_NOOP

#: (object name, tab title, "module:Class"). A section's class takes (iface, parent) and lives in gui/.
#: Sections are listed here only once their capability works.
SECTIONS: list[tuple[str, str, str]] = [
    ("home", QT_TRANSLATE_NOOP("PratoSmartCity", "Prato"), "prato_smartcity_plugin.gui.home_panel:HomePanel"),
    ("catalogue", QT_TRANSLATE_NOOP("PratoSmartCity", "Open data"),
     "prato_smartcity_plugin.gui.catalogue_panel:CataloguePanel"),
    ("wifi", QT_TRANSLATE_NOOP("PratoSmartCity", "Wi-Fi"), "prato_smartcity_plugin.gui.wifi_panel:WifiPanel"),
    ("cycling", QT_TRANSLATE_NOOP("PratoSmartCity", "Cycling"),
     "prato_smartcity_plugin.gui.cycling_panel:CyclingPanel"),
    ("interventions", QT_TRANSLATE_NOOP("PratoSmartCity", "Interventions"),
     "prato_smartcity_plugin.gui.interventions_panel:InterventionsPanel"),
    ("clashes", QT_TRANSLATE_NOOP("PratoSmartCity", "Road works clashes"),
     "prato_smartcity_plugin.gui.clashes_widget:ClashesWidget"),
    ("sync", QT_TRANSLATE_NOOP("PratoSmartCity", "Sync"), "prato_smartcity_plugin.gui.sync_panel:SyncPanel"),
    ("export", QT_TRANSLATE_NOOP("PratoSmartCity", "Export"), "prato_smartcity_plugin.gui.export_panel:ExportPanel"),
    ("field", QT_TRANSLATE_NOOP("PratoSmartCity", "Field work"), "prato_smartcity_plugin.gui.field_panel:FieldPanel"),
]


class _LazySection(QWidget):
    """A placeholder page that builds its real section when first shown."""

    def __init__(self, iface, target: str, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.target = target
        self.section: QWidget | None = None
        QVBoxLayout(self).setContentsMargins(0, 0, 0, 0)

    def ensure_built(self) -> QWidget:
        if self.section is None:
            module_name, class_name = self.target.split(":")
            section_class = getattr(importlib.import_module(module_name), class_name)
            self.section = section_class(self.iface, self)
            self.layout().addWidget(self.section)
        return self.section

    def showEvent(self, event):  # noqa: N802
        self.ensure_built()
        super().showEvent(event)


class PratoDock(QgsDockWidget):
    def __init__(self, iface, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.setObjectName("PratoSmartCityDock")
        self.setWindowTitle(self.tr("Prato Smart City"))
        self.setWindowIcon(QIcon(icon_path()))
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("pratoSections")
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(True)
        self.sections: dict[str, _LazySection] = {}
        from qgis.PyQt.QtCore import QCoreApplication

        for name, title, target in SECTIONS:
            page = _LazySection(iface, target, self.tabs)
            page.setObjectName(f"section_{name}")
            self.sections[name] = page
            self.tabs.addTab(page, QCoreApplication.translate("PratoSmartCity", title))
        if not SECTIONS:
            self.tabs.addTab(QLabel(self.tr("No capability installed."), alignment=Qt.AlignCenter), "")
        self.setWidget(self.tabs)

    def section(self, name: str) -> QWidget:
        """The built section ``name`` (building it if needed), e.g. for tests and for other parts of the GUI."""
        return self.sections[name].ensure_built()

    def show_section(self, name: str) -> QWidget:
        page = self.sections[name]
        self.tabs.setCurrentWidget(page)
        self.show()
        self.raise_()
        return page.ensure_built()
