"""What the dock section and the Browser panel both do with a catalogue resource: add it to the map (download in a
``QgsTask``, the size question, the CRS question only when nothing tells, messages for what the user should know),
show its dataset page, remove it from the cache."""

from __future__ import annotations

from typing import Callable

from qgis.core import QgsApplication, QgsProject
from qgis.gui import QgsProjectionSelectionDialog
from qgis.PyQt.QtCore import QCoreApplication, QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import QMessageBox

from prato_smartcity_plugin.adapters.catalogue_layers import PROPERTY_RESOURCE, load_layers
from prato_smartcity_plugin.adapters.catalogue_tasks import CatalogueTask, confirm_above_bytes
from prato_smartcity_plugin.core.catalogue.ckan import Dataset, Resource
from prato_smartcity_plugin.core.catalogue.service import LargeDownloadError, PortalService
from prato_smartcity_plugin.core.errors import CancelledError, Level
from prato_smartcity_plugin.gui.messages import push, show_error


def tr(text: str) -> str:
    return QCoreApplication.translate("PratoSmartCity", text)


class CatalogueActions:
    """Bound to ``iface`` (message bar, main window). ``tasks`` holds the running tasks (tests wait on it);
    ``ask_size`` and ``ask_crs`` can be replaced (tests answer without a dialog)."""

    def __init__(self, iface):
        self.iface = iface
        self.tasks: list = []
        self.ask_size: Callable[[LargeDownloadError], bool] = self._ask_size
        self.ask_crs = self._ask_crs

    @property
    def busy(self) -> bool:
        return bool(self.tasks)

    def run(self, description: str, work, on_done=None, on_error=None) -> CatalogueTask:
        """Run ``work(task)`` in a QgsTask; errors go to the message bar unless ``on_error`` takes them."""

        def done(result):
            self._forget(task)
            if on_done is not None:
                on_done(result)

        def failed(error):
            self._forget(task)
            if on_error is not None and on_error(error):
                return
            if not isinstance(error, CancelledError):
                show_error(self.iface.messageBar(), error, self.iface)

        task = CatalogueTask(description, work, done, failed)
        self.tasks.append(task)
        QgsApplication.taskManager().addTask(task)
        return task

    def _forget(self, task) -> None:
        if task in self.tasks:
            self.tasks.remove(task)

    def add_to_map(self, service: PortalService, dataset: Dataset, resource: Resource,
                   on_added: Callable[[list], None] | None = None, confirmed: bool = False) -> CatalogueTask:
        limit = None if confirmed else confirm_above_bytes()

        def work(task):
            return service.fetch(dataset, resource, progress=task.progress_callback(), confirm_above=limit)

        def loaded(entry):
            try:
                report = load_layers(entry, self.ask_crs)
            except Exception as error:  # noqa: BLE001 - shown to the user
                show_error(self.iface.messageBar(), error, self.iface)
                return
            QgsProject.instance().addMapLayers(report.layers)
            messages = report.messages()
            if messages:
                push(self.iface.messageBar(), "\n".join(messages), Level.WARNING, iface=self.iface)
            else:
                push(self.iface.messageBar(), tr("{name} added to the map.").format(name=report.layers[0].name()),
                     Level.SUCCESS, iface=self.iface)
            if on_added is not None:
                on_added(report.layers)

        def failed(error) -> bool:
            if isinstance(error, LargeDownloadError):
                if self.ask_size(error):
                    self.add_to_map(service, dataset, resource, on_added, confirmed=True)
                return True
            return False

        return self.run(tr("Downloading {name}").format(name=resource.name), work, loaded, failed)

    def clear_cache(self, service: PortalService) -> None:
        """Empty the cache but for the resources that layers of the project read (they would break)."""
        in_use = {entry.resource_id for entry in service.cache.resources() if self.layers_using(entry.resource_id)}
        service.cache.clear(keep=tuple(in_use))
        if in_use:
            push(self.iface.messageBar(), tr("The cache was cleared, except {count} resources that layers on the map "
                                             "read.").format(count=len(in_use)), Level.INFO, iface=self.iface)

    def _ask_size(self, question: LargeDownloadError) -> bool:
        answer = QMessageBox.question(self.iface.mainWindow(), tr("Large download"),
                                      question.message + "\n" + tr("Download it anyway?"))
        return answer == QMessageBox.Yes

    def _ask_crs(self, layer_name: str):
        dialog = QgsProjectionSelectionDialog(self.iface.mainWindow())
        dialog.setWindowTitle(tr("Coordinate reference system of {name}").format(name=layer_name))
        dialog.setMessage(tr("Nothing in {name} tells its coordinate reference system: choose it.").format(
            name=layer_name))
        return dialog.crs() if dialog.exec_() else None

    @staticmethod
    def show_dataset_page(service: PortalService, dataset_name: str) -> None:
        QDesktopServices.openUrl(QUrl(service.client.dataset_page(dataset_name)))

    @staticmethod
    def layers_using(resource_id: str) -> list:
        """The project's layers read from the cached copy of ``resource_id`` (removing it would break them)."""
        return [layer for layer in QgsProject.instance().mapLayers().values()
                if layer.customProperty(PROPERTY_RESOURCE) == resource_id
                and layer.providerType() not in ("wms", "WFS")]

    def remove_from_cache(self, service: PortalService, resource_id: str) -> bool:
        in_use = self.layers_using(resource_id)
        if in_use:
            push(self.iface.messageBar(), tr("{layer} is on the map and reads the cached copy: remove the layer from "
                                             "the project first.").format(layer=in_use[0].name()), Level.WARNING,
                 iface=self.iface)
            return False
        removed = service.cache.remove(resource_id)
        if removed:
            push(self.iface.messageBar(), tr("The resource was removed from the offline cache."), Level.INFO,
                 iface=self.iface)
        return removed
