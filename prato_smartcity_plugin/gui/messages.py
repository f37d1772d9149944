"""Errors reach the user the QGIS way: a translated message in the message bar with a "Details" button, and the full
detail in the message log under the plugin's tag."""

from __future__ import annotations

import traceback
from contextlib import contextmanager
from typing import Iterator

from qgis.core import Qgis
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import QPushButton

from prato_smartcity_plugin.adapters.logging_bridge import LOG_TAG, log_message
from prato_smartcity_plugin.core.errors import CancelledError, Level, PratoError

_LEVELS = {Level.INFO: Qgis.Info, Level.WARNING: Qgis.Warning, Level.CRITICAL: Qgis.Critical,
           Level.SUCCESS: Qgis.Success}


def tr(text: str) -> str:
    return QCoreApplication.translate("PratoSmartCity", text)


def push(message_bar, message: str, level: Level = Level.INFO, details: str = "", duration: int | None = None,
         iface=None, buttons=()) -> None:
    """Show ``message`` in ``message_bar``; ``details`` go to the log and a button opens it. ``buttons``: more
    ``(text, callback, object name)`` to offer a fix (a clicked button closes the message)."""
    qgis_level = _LEVELS[level]
    if details:
        log_message(f"{message}\n{details}", qgis_level)
    widget = message_bar.createMessage(LOG_TAG, message)
    if details:
        button = QPushButton(widget)
        button.setText(tr("Details"))
        button.setObjectName("pratoDetailsButton")
        if iface is not None:
            button.clicked.connect(iface.openMessageLog)
        widget.layout().addWidget(button)
    for text, callback, name in buttons:
        extra = QPushButton(widget)
        extra.setText(text)
        extra.setObjectName(name)
        extra.clicked.connect(lambda _checked=False, c=callback: (message_bar.popWidget(widget), c()))
        widget.layout().addWidget(extra)
    if duration is None:
        duration = 0 if level >= Level.WARNING and level != Level.SUCCESS else 5
    message_bar.pushWidget(widget, qgis_level, duration)


def show_error(message_bar, error: BaseException, iface=None) -> None:
    """Show any exception: a :class:`PratoError` with its own message and level, anything else as an unexpected error
    with its traceback in the log."""
    if isinstance(error, PratoError):
        details = error.details
        if not isinstance(error, CancelledError) and error.__traceback__ is not None:
            details = f"{details}\n\n{''.join(traceback.format_exception(type(error), error, error.__traceback__))}"
        push(message_bar, error.message, error.level, details.strip(), iface=iface)
    else:
        push(message_bar, tr("Unexpected error: {error}").format(error=error), Level.CRITICAL,
             "".join(traceback.format_exception(type(error), error, error.__traceback__)), iface=iface)


@contextmanager
def reporting_errors(message_bar, iface=None) -> Iterator[None]:
    """``with reporting_errors(bar): ...`` shows any exception raised inside instead of letting it escape."""
    try:
        yield
    except Exception as error:  # noqa: BLE001 - the point is to show every error to the user
        show_error(message_bar, error, iface)
