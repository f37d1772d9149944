"""Routes the plugin's Python ``logging`` to the QGIS message log, under the plugin's tag."""

from __future__ import annotations

import logging

from qgis.core import Qgis, QgsMessageLog

from prato_smartcity_plugin.core.log import ROOT_LOGGER_NAME

LOG_TAG = "Prato Smart City"


class QgsMessageLogHandler(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        try:
            if record.levelno >= logging.ERROR:
                level = Qgis.Critical
            elif record.levelno >= logging.WARNING:
                level = Qgis.Warning
            else:
                level = Qgis.Info
            QgsMessageLog.logMessage(self.format(record), LOG_TAG, level, notifyUser=False)
        except Exception:  # noqa: BLE001 - a log handler must never raise
            self.handleError(record)


_handler: QgsMessageLogHandler | None = None


def install() -> None:
    """Idempotent: one handler however often the plugin is reloaded."""
    global _handler
    if _handler is not None:
        return
    _handler = QgsMessageLogHandler()
    _handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    logger = logging.getLogger(ROOT_LOGGER_NAME)
    logger.addHandler(_handler)
    logger.setLevel(logging.DEBUG)
    logger.propagate = False


def uninstall() -> None:
    global _handler
    if _handler is None:
        return
    logging.getLogger(ROOT_LOGGER_NAME).removeHandler(_handler)
    _handler = None


def log_message(text: str, level=Qgis.Info) -> None:
    QgsMessageLog.logMessage(text, LOG_TAG, level, notifyUser=False)
