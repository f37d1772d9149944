"""The "Prato Open Data" root of QGIS's Browser panel: portal → organisations / groups → datasets → resources.

Resources can be dragged onto the map or the layer tree (a custom mime URI that :class:`CatalogueDropHandler` turns
into a download through the cache), double-clicked, or used from their context menu ("Add to map", "Show dataset
page", "Remove from cache"). Children are listed through the same :class:`PortalService` as the dock, so with no
network the Browser shows the cached catalogue.
"""

from __future__ import annotations

import json

from qgis.core import (
    Qgis,
    QgsDataCollectionItem,
    QgsDataItem,
    QgsDataItemProvider,
    QgsDataProvider,
    QgsErrorItem,
    QgsMimeDataUtils,
)
from qgis.gui import QgsCustomDropHandler
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from prato_smartcity_plugin.adapters import settings
from prato_smartcity_plugin.adapters.catalogue_tasks import find_portal, portal_service
from prato_smartcity_plugin.adapters.paths import icon_path
from prato_smartcity_plugin.core.catalogue import formats
from prato_smartcity_plugin.core.catalogue.ckan import Dataset, Resource
from prato_smartcity_plugin.core.errors import PratoError
from prato_smartcity_plugin.gui.catalogue_actions import CatalogueActions

PROVIDER_NAME = "Prato Open Data"
DROP_KEY = "pratoopendata"
ROOT_PATH = "pratoopendata:"


def tr(text: str) -> str:
    return QCoreApplication.translate("PratoSmartCity", text)


def _error_item(parent, error: Exception, path: str):
    message = error.message if isinstance(error, PratoError) else str(error)
    return QgsErrorItem(parent, message, path)


class CatalogueItemProvider(QgsDataItemProvider):
    def __init__(self, iface):
        super().__init__()
        self.actions = CatalogueActions(iface)

    def name(self) -> str:
        return PROVIDER_NAME

    def dataProviderKey(self) -> str:  # noqa: N802
        return DROP_KEY

    def capabilities(self):
        try:  # QGIS >= 3.36
            return Qgis.DataItemProviderCapability.NetworkSources
        except AttributeError:
            return QgsDataProvider.Net

    def createDataItem(self, path, parent):  # noqa: N802
        if not path:
            return RootItem(self.actions, parent)
        return None


class RootItem(QgsDataCollectionItem):
    def __init__(self, actions: CatalogueActions, parent):
        super().__init__(parent, tr("Prato Open Data"), ROOT_PATH, DROP_KEY)
        self.catalogue_actions = actions
        self.setIcon(QIcon(icon_path()))

    def createChildren(self):  # noqa: N802
        children = []
        for index, portal in enumerate(settings.portals()):
            children.append(PortalItem(self, portal, f"{ROOT_PATH}/{index}"))
        return children

    def actions(self, parent):
        refresh = QAction(tr("Refresh"), parent)
        refresh.triggered.connect(self.refresh)
        return [refresh]


class PortalItem(QgsDataCollectionItem):
    def __init__(self, parent, portal: dict, path: str):
        super().__init__(parent, portal.get("name") or portal["url"], path, DROP_KEY)
        self.portal = portal
        self.catalogue_actions = parent.catalogue_actions
        self.setIcon(QgsDataCollectionItem.iconDataCollection())
        self._service = None

    def service(self):
        if self._service is None:
            self._service = portal_service(find_portal(self.portal["url"]))
        return self._service

    def createChildren(self):  # noqa: N802
        return [ListingItem(self, "organization", tr("Organisations"), f"{self.path()}/organizations"),
                ListingItem(self, "group", tr("Groups"), f"{self.path()}/groups")]


class ListingItem(QgsDataCollectionItem):
    """Organisations or groups of a portal."""

    def __init__(self, parent: PortalItem, kind: str, name: str, path: str):
        super().__init__(parent, name, path, DROP_KEY)
        self.kind = kind
        self.portal_item = parent
        self.catalogue_actions = parent.catalogue_actions

    def createChildren(self):  # noqa: N802
        service = self.portal_item.service()
        try:
            items = service.organizations() if self.kind == "organization" else service.groups()
        except Exception as error:  # noqa: BLE001 - shown as an error item in the Browser
            return [_error_item(self, error, f"{self.path()}/error")]
        return [OwnerItem(self, item.name, f"{item.title} ({item.package_count})" if item.package_count else
                          item.title, f"{self.path()}/{item.name}") for item in items]


class OwnerItem(QgsDataCollectionItem):
    """One organisation or group: its datasets."""

    def __init__(self, parent: ListingItem, owner: str, name: str, path: str):
        super().__init__(parent, name, path, DROP_KEY)
        self.owner = owner
        self.listing = parent
        self.catalogue_actions = parent.catalogue_actions

    def createChildren(self):  # noqa: N802
        service = self.listing.portal_item.service()
        try:
            if self.listing.kind == "organization":
                datasets = service.datasets_of(organization=self.owner)
            else:
                datasets = service.datasets_of(group=self.owner)
        except Exception as error:  # noqa: BLE001
            return [_error_item(self, error, f"{self.path()}/error")]
        return [DatasetItem(self, dataset, f"{self.path()}/{dataset.name}") for dataset in datasets]


class DatasetItem(QgsDataCollectionItem):
    def __init__(self, parent: OwnerItem, dataset: Dataset, path: str):
        super().__init__(parent, dataset.title, path, DROP_KEY)
        self.dataset = dataset
        self.portal_item = parent.listing.portal_item
        self.catalogue_actions = parent.catalogue_actions
        self.setToolTip(dataset.notes[:500])

    def createChildren(self):  # noqa: N802
        return [ResourceItem(self, resource, f"{self.path()}/{resource.id}") for resource in self.dataset.resources
                if formats.normalise_format(resource.format, resource.url, resource.mimetype)
                not in (formats.JSON,)]

    def actions(self, parent):
        page = QAction(tr("Show dataset page"), parent)
        page.triggered.connect(lambda: self.catalogue_actions.show_dataset_page(self.portal_item.service(),
                                                                                self.dataset.name))
        return [page]


class ResourceItem(QgsDataItem):
    def __init__(self, parent: DatasetItem, resource: Resource, path: str):
        label = f"{resource.name} [{resource.format}]" if resource.format else resource.name
        super().__init__(Qgis.BrowserItemType.Custom, parent, label, path, DROP_KEY)
        self.resource = resource
        self.dataset_item = parent
        self.catalogue_actions = parent.catalogue_actions
        self.setState(Qgis.BrowserItemState.Populated)  # a leaf
        kind = formats.normalise_format(resource.format, resource.url, resource.mimetype)
        icon = {formats.WMS: "/mIconRaster.svg", formats.CSV: "/mIconTableLayer.svg"}.get(kind, "/mIconVector.svg")
        from qgis.core import QgsApplication

        self.setIcon(QgsApplication.getThemeIcon(icon))
        self.setToolTip(resource.url)

    def hasDragEnabled(self) -> bool:  # noqa: N802
        return True

    def mime_uri(self):
        uri = QgsMimeDataUtils.Uri()
        uri.layerType = "custom"
        uri.providerKey = DROP_KEY
        uri.name = self.resource.name
        uri.uri = json.dumps({"portal": self.dataset_item.portal_item.portal["url"],
                              "dataset": self.dataset_item.dataset.id, "resource": self.resource.id})
        return uri

    def mimeUri(self):  # noqa: N802 - QGIS < 3.28
        return self.mime_uri()

    def mimeUris(self):  # noqa: N802
        return [self.mime_uri()]

    def handleDoubleClick(self) -> bool:  # noqa: N802
        self.add_to_map()
        return True

    def add_to_map(self):
        return self.catalogue_actions.add_to_map(self.dataset_item.portal_item.service(), self.dataset_item.dataset,
                                                 self.resource)

    def actions(self, parent):
        add = QAction(tr("Add to map"), parent)
        add.triggered.connect(self.add_to_map)
        page = QAction(tr("Show dataset page"), parent)
        page.triggered.connect(lambda: self.catalogue_actions.show_dataset_page(
            self.dataset_item.portal_item.service(), self.dataset_item.dataset.name))
        remove = QAction(tr("Remove from cache"), parent)
        remove.triggered.connect(lambda: self.catalogue_actions.remove_from_cache(
            self.dataset_item.portal_item.service(), self.resource.id))
        remove.setEnabled(self.dataset_item.portal_item.service().cache.resource(self.resource.id) is not None)
        return [add, page, remove]


class CatalogueDropHandler(QgsCustomDropHandler):
    """Turns a dragged catalogue resource into a layer (downloaded through the cache in a task)."""

    def __init__(self, iface):
        super().__init__()
        self.catalogue_actions = CatalogueActions(iface)

    def customUriProviderKey(self) -> str:  # noqa: N802
        return DROP_KEY

    def handleCustomUriDrop(self, uri) -> None:  # noqa: N802
        target = json.loads(uri.uri)
        service = portal_service(find_portal(target["portal"]))

        def found(dataset):
            self.catalogue_actions.add_to_map(service, dataset, dataset.resource(target["resource"]))

        self.catalogue_actions.run(tr("Reading the dataset"), lambda task: service.dataset(target["dataset"]), found)
