"""Loggers of the plugin. The core logs with Python ``logging``; the adapters route it to the QGIS message log."""

from __future__ import annotations

import logging

ROOT_LOGGER_NAME = "prato_smartcity"


def get_logger(name: str = "") -> logging.Logger:
    """``get_logger("catalogue")`` -> the ``prato_smartcity.catalogue`` logger."""
    return logging.getLogger(f"{ROOT_LOGGER_NAME}.{name}" if name else ROOT_LOGGER_NAME)
