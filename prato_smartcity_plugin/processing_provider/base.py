"""Shared base of the plugin's algorithms: translation and the error bridge to Processing."""

from __future__ import annotations

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException
from qgis.PyQt.QtCore import QCoreApplication

from prato_smartcity_plugin.core.errors import PratoError


class PratoAlgorithm(QgsProcessingAlgorithm):
    """Subclasses implement ``execute(parameters, context, feedback)``. A :class:`PratoError` becomes a
    ``QgsProcessingException`` with the user-facing message (details go to the feedback log).

    ``run`` is ``QgsProcessingAlgorithm.run(parameters, context, feedback, configuration, catchExceptions)``, which
    ``processing.run`` and ``qgis_process`` call: a subclass that overrides it breaks them, so defining it is refused
    at import time."""

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if "run" in cls.__dict__:
            raise TypeError(f"{cls.__name__} overrides QgsProcessingAlgorithm.run: implement execute() instead")

    def tr(self, text: str) -> str:
        return QCoreApplication.translate(type(self).__name__, text)

    def createInstance(self):  # noqa: N802
        return type(self)()

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        try:
            return self.execute(parameters, context, feedback)
        except PratoError as error:
            if error.details:
                feedback.pushDebugInfo(error.details)
            raise QgsProcessingException(error.message) from error

    def execute(self, parameters, context, feedback):
        raise NotImplementedError
