"""Shared base of the plugin's algorithms: translation and the error bridge to Processing."""

from __future__ import annotations

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException
from qgis.PyQt.QtCore import QCoreApplication

from prato_smartcity_plugin.core.errors import PratoError


def shapely_is_thread_safe() -> bool:
    """shapely 2 gives each thread its own GEOS context; shapely 1 (Debian 12) shares one global context, and a
    background analysis crashed when another thread used shapely at the same time. Reading the version string keeps
    the import of shapely itself out of QGIS start-up."""
    try:
        from importlib.metadata import version

        return int(version("shapely").split(".")[0]) >= 2
    except Exception:  # noqa: BLE001 - unknown: be safe
        return False


def no_threading_flag():
    """``FlagNoThreading`` (QGIS < 3.36 name) or ``Qgis.ProcessingAlgorithmFlag.NoThreading``."""
    flag = getattr(QgsProcessingAlgorithm, "FlagNoThreading", None)
    if flag is None:
        from qgis.core import Qgis

        flag = Qgis.ProcessingAlgorithmFlag.NoThreading
    return flag


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

    #: Set by algorithms whose analysis uses shapely: on shapely 1.x Processing (and the dock) then run them on the
    #: main thread (see :func:`shapely_is_thread_safe`).
    uses_shapely = False

    def flags(self):
        flags = super().flags()
        if self.uses_shapely and not shapely_is_thread_safe():
            return flags | no_threading_flag()
        return flags

    def tr(self, text: str) -> str:
        """``text`` translated in the context of the class that wrote it: pylupdate5 files a ``self.tr`` under the
        class whose body holds the call, which for a shared base (``_CycleAlgorithm``) is not ``type(self)``."""
        for cls in type(self).__mro__:
            if cls is PratoAlgorithm:
                break
            translated = QCoreApplication.translate(cls.__name__, text)
            if translated != text:
                return translated
        return text

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
