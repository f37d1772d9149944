"""The dock's open data section: choose a portal, search with facets, sort and pages, read a dataset's details and
add its resources to the map; see and clear the offline cache. Network work runs in ``QgsTask`` (catalogue_actions);
with no network, the search runs on the cached catalogue and says so."""

from __future__ import annotations

from qgis.gui import QgsFilterLineEdit
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from prato_smartcity_plugin.adapters import settings
from prato_smartcity_plugin.adapters.catalogue_tasks import open_cache, portal_service
from prato_smartcity_plugin.core.catalogue import formats
from prato_smartcity_plugin.core.catalogue.ckan import SORT_MODIFIED, SORT_RELEVANCE, Dataset, SearchQuery, SearchResult
from prato_smartcity_plugin.core.catalogue.service import PortalService
from prato_smartcity_plugin.gui.catalogue_actions import CatalogueActions
from prato_smartcity_plugin.gui.messages import reporting_errors

PAGE_SIZE = 20
#: facet field -> attribute of SearchQuery
FACETS = (("organization", "organization"), ("groups", "group"), ("res_format", "res_format"), ("tags", "tags"),
          ("license_id", "license_id"))


def human_size(size: int | None) -> str:
    if not size:
        return ""
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return ""


def _narrow(box: QComboBox) -> None:
    """Long portal, organisation or licence names must not widen the dock."""
    box.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(8)


class CataloguePanel(QWidget):
    def __init__(self, iface, parent=None):
        super().__init__(parent)
        self.setObjectName("cataloguePanel")
        self.iface = iface
        self.actions = CatalogueActions(iface)
        self.service: PortalService | None = None
        self.result: SearchResult | None = None
        self.dataset: Dataset | None = None
        self.start = 0
        self._build()
        self.reload_portals()
        self.refresh_cache_view()

    # --- layout -----------------------------------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.portal = QComboBox(self)
        self.portal.setObjectName("cataloguePortal")
        self.portal.setToolTip(self.tr("CKAN portals: add or remove them in Settings ▸ Options ▸ Prato Smart City"))
        self.portal.currentIndexChanged.connect(self._portal_changed)
        _narrow(self.portal)
        top.addWidget(QLabel(self.tr("Portal"), self))
        top.addWidget(self.portal, 1)
        layout.addLayout(top)

        search = QHBoxLayout()
        self.search_box = QgsFilterLineEdit(self)
        self.search_box.setObjectName("catalogueSearch")
        self.search_box.setShowSearchIcon(True)
        self.search_box.setPlaceholderText(self.tr("Search datasets, e.g. ciclabili"))
        self.search_box.returnPressed.connect(self.new_search)
        self.search_button = QPushButton(self.tr("Search"), self)
        self.search_button.setObjectName("catalogueSearchButton")
        self.search_button.clicked.connect(self.new_search)
        self.sort = QComboBox(self)
        self.sort.setObjectName("catalogueSort")
        self.sort.addItem(self.tr("Relevance"), SORT_RELEVANCE)
        self.sort.addItem(self.tr("Last modified"), SORT_MODIFIED)
        self.sort.currentIndexChanged.connect(self.new_search)
        search.addWidget(self.search_box, 1)
        search.addWidget(self.sort)
        search.addWidget(self.search_button)
        layout.addLayout(search)

        facets = QGridLayout()
        labels = {"organization": self.tr("Organisation"), "groups": self.tr("Category"),
                  "res_format": self.tr("Format"), "tags": self.tr("Tag"), "license_id": self.tr("Licence")}
        self.facet_boxes: dict[str, QComboBox] = {}
        for index, (facet, _attr) in enumerate(FACETS):
            box = QComboBox(self)
            box.setObjectName(f"catalogueFacet_{facet}")
            box.addItem(self.tr("All"), "")
            _narrow(box)
            box.activated.connect(self.new_search)
            self.facet_boxes[facet] = box
            facets.addWidget(QLabel(labels[facet], self), index // 2, (index % 2) * 2)
            facets.addWidget(box, index // 2, (index % 2) * 2 + 1)
        layout.addLayout(facets)

        splitter = QSplitter(Qt.Vertical, self)
        results_box = QWidget(splitter)
        results_layout = QVBoxLayout(results_box)
        results_layout.setContentsMargins(0, 0, 0, 0)
        self.status = QLabel(results_box)
        self.status.setObjectName("catalogueStatus")
        self.status.setWordWrap(True)
        results_layout.addWidget(self.status)
        self.results = QListWidget(results_box)
        self.results.setObjectName("catalogueResults")
        self.results.currentRowChanged.connect(self._dataset_chosen)
        results_layout.addWidget(self.results)
        paging = QHBoxLayout()
        self.previous_button = QPushButton(self.tr("◀ Previous"), results_box)
        self.previous_button.setObjectName("cataloguePrevious")
        self.previous_button.clicked.connect(lambda: self.go_to(self.start - PAGE_SIZE))
        self.next_button = QPushButton(self.tr("Next ▶"), results_box)
        self.next_button.setObjectName("catalogueNext")
        self.next_button.clicked.connect(lambda: self.go_to(self.start + PAGE_SIZE))
        self.page_label = QLabel(results_box)
        paging.addWidget(self.previous_button)
        paging.addWidget(self.page_label, 1, Qt.AlignCenter)
        paging.addWidget(self.next_button)
        results_layout.addLayout(paging)

        details_box = QWidget(splitter)
        details_layout = QVBoxLayout(details_box)
        details_layout.setContentsMargins(0, 0, 0, 0)
        self.details = QTextBrowser(details_box)
        self.details.setObjectName("catalogueDetails")
        self.details.setOpenExternalLinks(True)
        details_layout.addWidget(self.details)
        self.resources = QTreeWidget(details_box)
        self.resources.setObjectName("catalogueResources")
        self.resources.setHeaderLabels([self.tr("Resource"), self.tr("Format"), self.tr("Size"), self.tr("Offline")])
        self.resources.setRootIsDecorated(False)
        self.resources.itemDoubleClicked.connect(lambda *_: self.add_selected_resource())
        details_layout.addWidget(self.resources)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add to map"), details_box)
        self.add_button.setObjectName("catalogueAddToMap")
        self.add_button.clicked.connect(self.add_selected_resource)
        self.page_button = QPushButton(self.tr("Show dataset page"), details_box)
        self.page_button.setObjectName("catalogueDatasetPage")
        self.page_button.clicked.connect(self._show_page)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.page_button)
        details_layout.addLayout(buttons)
        layout.addWidget(splitter, 1)

        cache = QGroupBox(self.tr("Offline cache"), self)
        cache_layout = QVBoxLayout(cache)
        self.cache_label = QLabel(cache)
        self.cache_label.setObjectName("catalogueCacheSummary")
        self.cache_label.setWordWrap(True)
        cache_layout.addWidget(self.cache_label)
        self.cache_list = QTreeWidget(cache)
        self.cache_list.setObjectName("catalogueCacheList")
        self.cache_list.setHeaderLabels([self.tr("Resource"), self.tr("Size"), self.tr("Retrieved")])
        self.cache_list.setRootIsDecorated(False)
        self.cache_list.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.cache_list.setMaximumHeight(120)
        cache_layout.addWidget(self.cache_list)
        cache_buttons = QHBoxLayout()
        self.remove_cached_button = QPushButton(self.tr("Remove selected"), cache)
        self.remove_cached_button.setObjectName("catalogueRemoveCached")
        self.remove_cached_button.clicked.connect(self.remove_selected_cached)
        self.clear_button = QPushButton(self.tr("Clear cache"), cache)
        self.clear_button.setObjectName("catalogueClearCache")
        self.clear_button.clicked.connect(self.clear_cache)
        cache_buttons.addWidget(self.remove_cached_button)
        cache_buttons.addWidget(self.clear_button)
        cache_layout.addLayout(cache_buttons)
        layout.addWidget(cache)
        self._update_paging()
        self._show_dataset(None)

    # --- portal and search ------------------------------------------------------------------------------------------
    def reload_portals(self) -> None:
        self.portal.blockSignals(True)
        self.portal.clear()
        for portal in settings.portals():
            self.portal.addItem(portal.get("name") or portal["url"], portal)
        self.portal.blockSignals(False)
        self._portal_changed()

    def showEvent(self, event):  # noqa: N802
        """Portals may have changed in the options page since the section was last shown."""
        shown = [self.portal.itemData(i) for i in range(self.portal.count())]
        if shown != settings.portals():
            self.reload_portals()
        super().showEvent(event)

    def _portal_changed(self, *_args) -> None:
        portal = self.portal.currentData()
        self.service = None
        if portal:
            with reporting_errors(self.iface.messageBar(), self.iface):
                self.service = portal_service(portal)
        self.result = None
        self.results.clear()
        for box in self.facet_boxes.values():
            while box.count() > 1:
                box.removeItem(1)
        self._show_dataset(None)

    def query(self) -> SearchQuery:
        query = SearchQuery(text=self.search_box.value().strip(), rows=PAGE_SIZE, start=self.start,
                            sort=self.sort.currentData() or SORT_RELEVANCE)
        for facet, attr in FACETS:
            value = self.facet_boxes[facet].currentData() or ""
            setattr(query, attr, (value,) if attr == "tags" and value else (() if attr == "tags" else value))
        return query

    def new_search(self, *_args) -> None:
        self.start = 0
        self.run_search()

    def go_to(self, start: int) -> None:
        self.start = max(0, start)
        self.run_search()

    def run_search(self) -> None:
        if self.service is None:
            return
        service, query = self.service, self.query()
        self.status.setText(self.tr("Searching…"))
        self.search_button.setEnabled(False)

        def failed(error) -> bool:
            self.search_button.setEnabled(True)
            self.status.setText("")
            return False

        self.actions.run(self.tr("Searching the open data catalogue"), lambda task: service.search(query),
                         self._show_result, failed)

    def _show_result(self, result: SearchResult) -> None:
        self.search_button.setEnabled(True)
        self.result = result
        self.results.clear()
        for dataset in result.datasets:
            modified = dataset.metadata_modified[:10]
            item = QListWidgetItem(f"{dataset.title}\n{dataset.publisher} · {modified}")
            item.setData(Qt.UserRole, dataset.id)
            item.setToolTip(dataset.notes[:500])
            self.results.addItem(item)
        for facet, _attr in FACETS:
            box = self.facet_boxes[facet]
            current = box.currentData()
            box.blockSignals(True)
            while box.count() > 1:
                box.removeItem(1)
            for item in result.facets.get(facet, []):
                box.addItem(f"{item.display_name} ({item.count})", item.name)
            index = box.findData(current)
            box.setCurrentIndex(max(0, index))
            if current and index < 0:  # keep the active filter visible even if the portal did not list it
                box.addItem(current, current)
                box.setCurrentIndex(box.count() - 1)
            box.blockSignals(False)
        if result.offline:
            self.status.setText(self.tr("The portal cannot be reached: these results come from the offline "
                                        "catalogue (datasets seen before)."))
        elif not result.count:
            self.status.setText(self.tr("No dataset found."))
        else:
            self.status.setText("")
        self._update_paging()
        self._show_dataset(None)

    def _update_paging(self) -> None:
        count = self.result.count if self.result else 0
        shown = len(self.result.datasets) if self.result else 0
        self.previous_button.setEnabled(self.start > 0)
        self.next_button.setEnabled(self.start + shown < count)
        self.page_label.setText(self.tr("{first}–{last} of {count}").format(
            first=self.start + 1 if shown else 0, last=self.start + shown, count=count))

    # --- dataset details --------------------------------------------------------------------------------------------
    def _dataset_chosen(self, row: int) -> None:
        if self.result is None or not 0 <= row < len(self.result.datasets):
            self._show_dataset(None)
            return
        self._show_dataset(self.result.datasets[row])

    def _show_dataset(self, dataset: Dataset | None) -> None:
        self.dataset = dataset
        self.resources.clear()
        self.add_button.setEnabled(dataset is not None)
        self.page_button.setEnabled(dataset is not None)
        if dataset is None:
            self.details.setHtml("")
            return
        from html import escape

        licence = escape(dataset.license_title or self.tr("not stated"))
        if dataset.license_url:
            licence = f'<a href="{escape(dataset.license_url)}">{licence}</a>'
        self.details.setHtml(
            f"<h3>{escape(dataset.title)}</h3><p>{escape(dataset.notes).replace(chr(10), '<br>')}</p>"
            f"<p><b>{self.tr('Licence')}:</b> {licence}<br><b>{self.tr('Publisher')}:</b> "
            f"{escape(dataset.publisher)}<br><b>{self.tr('Last modified')}:</b> "
            f"{escape(dataset.metadata_modified[:19].replace('T', ' '))}</p>")
        cached_ids = {entry.resource_id for entry in self.service.cache.resources()} if self.service else set()
        for resource in dataset.resources:
            kind = formats.normalise_format(resource.format, resource.url, resource.mimetype)
            item = QTreeWidgetItem([resource.name, resource.format or kind.upper(), human_size(resource.size),
                                    "✓" if resource.id in cached_ids else ""])
            item.setData(0, Qt.UserRole, resource.id)
            if kind not in formats.LOADABLE_KINDS and kind not in (formats.UNKNOWN, formats.JSON):
                item.setToolTip(0, self.tr("This format cannot be loaded as a layer."))
            self.resources.addTopLevelItem(item)
        if self.resources.topLevelItemCount():
            self.resources.setCurrentItem(self.resources.topLevelItem(0))

    def select_resource(self, resource_id: str) -> None:
        for index in range(self.resources.topLevelItemCount()):
            item = self.resources.topLevelItem(index)
            if item.data(0, Qt.UserRole) == resource_id:
                self.resources.setCurrentItem(item)

    def add_selected_resource(self) -> None:
        item = self.resources.currentItem()
        if self.dataset is None or item is None or self.service is None:
            return
        resource = self.dataset.resource(item.data(0, Qt.UserRole))
        self.actions.add_to_map(self.service, self.dataset, resource, on_added=lambda layers: self._after_add())

    def _after_add(self) -> None:
        self.refresh_cache_view()
        if self.dataset is not None:
            current = self.resources.currentItem()
            resource_id = current.data(0, Qt.UserRole) if current else None
            self._show_dataset(self.dataset)
            if resource_id:
                self.select_resource(resource_id)

    def _show_page(self) -> None:
        if self.dataset is not None and self.service is not None:
            self.actions.show_dataset_page(self.service, self.dataset.name)

    # --- cache ------------------------------------------------------------------------------------------------------
    def refresh_cache_view(self) -> None:
        cache = self.service.cache if self.service else None
        if cache is None:
            with reporting_errors(self.iface.messageBar(), self.iface):
                cache = open_cache()
        if cache is None:
            return
        self.cache_list.clear()
        entries = cache.resources()
        for entry in entries:
            item = QTreeWidgetItem([f"{entry.dataset_title} — {entry.resource_name}", human_size(entry.size),
                                    entry.retrieved_at[:16].replace("T", " ")])
            item.setData(0, Qt.UserRole, entry.resource_id)
            item.setToolTip(0, entry.path)
            self.cache_list.addTopLevelItem(item)
        self.cache_label.setText(self.tr("{count} resources kept for offline use, {size} on disk").format(
            count=len(entries), size=human_size(cache.total_size()) or "0 B"))
        self.cache_label.setToolTip(cache.root)
        self.clear_button.setEnabled(bool(entries))

    def remove_selected_cached(self) -> None:
        if self.service is None:
            return
        for item in self.cache_list.selectedItems():
            self.actions.remove_from_cache(self.service, item.data(0, Qt.UserRole))
        self.refresh_cache_view()
        if self.dataset is not None:
            self._show_dataset(self.dataset)

    def clear_cache(self) -> None:
        if self.service is None:
            return
        self.actions.clear_cache(self.service)
        self.refresh_cache_view()
        if self.dataset is not None:
            self._show_dataset(self.dataset)
