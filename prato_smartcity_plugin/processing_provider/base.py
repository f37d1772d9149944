"""Shared base of the plugin's algorithms: translation and the error bridge to Processing."""

from __future__ import annotations

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException
from qgis.PyQt.QtCore import QCoreApplication

from prato_smartcity_plugin.core.errors import PratoError


class PratoAlgorithm(QgsProcessingAlgorithm):
    """Subclasses implement ``run(parameters, context, feedback)``; a :class:`PratoError` becomes a
    ``QgsProcessingException`` with the user-facing message (details go to the feedback log).

    ``run`` is also the name of ``QgsProcessingAlgorithm.run(parameters, context, feedback, configuration,
    catchExceptions)``, which ``processing.run`` and ``qgis_process`` call: a subclass's ``run`` is moved aside to
    ``_prato_run`` when the class is defined, so that both keep working."""

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        own = cls.__dict__.get("run")
        if own is not None:
            cls._prato_run = own
            delattr(cls, "run")

    def tr(self, text: str) -> str:
        return QCoreApplication.translate(type(self).__name__, text)

    def createInstance(self):  # noqa: N802
        return type(self)()

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        try:
            return self._prato_run(parameters, context, feedback)
        except PratoError as error:
            if error.details:
                feedback.pushDebugInfo(error.details)
            raise QgsProcessingException(error.message) from error

    def _prato_run(self, parameters, context, feedback):
        raise NotImplementedError
