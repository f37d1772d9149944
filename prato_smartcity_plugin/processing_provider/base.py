"""Shared base of the plugin's algorithms: translation and the error bridge to Processing."""

from __future__ import annotations

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException
from qgis.PyQt.QtCore import QCoreApplication

from prato_smartcity_plugin.core.errors import PratoError


class PratoAlgorithm(QgsProcessingAlgorithm):
    """Subclasses implement ``run(parameters, context, feedback)``; a :class:`PratoError` becomes a
    ``QgsProcessingException`` with the user-facing message (details go to the feedback log)."""

    def tr(self, text: str) -> str:
        return QCoreApplication.translate(type(self).__name__, text)

    def createInstance(self):  # noqa: N802
        return type(self)()

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        try:
            return self.run(parameters, context, feedback)
        except PratoError as error:
            if error.details:
                feedback.pushDebugInfo(error.details)
            raise QgsProcessingException(error.message) from error

    def run(self, parameters, context, feedback):
        raise NotImplementedError
