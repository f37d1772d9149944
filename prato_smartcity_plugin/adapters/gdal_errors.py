"""GDAL/OGR/OSR errors as Python exceptions for one block of code only: the process's own setting (QGIS's, other
plugins', other modules') is restored afterwards. On QGIS 3.40 every module shares GDAL's exception mode, so a global
``UseExceptions()`` would change how everyone else's ``ogr.Open`` behaves."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from osgeo import gdal, ogr, osr


@contextmanager
def gdal_exceptions() -> Iterator[None]:
    previous = [(module, module.GetUseExceptions()) for module in (gdal, ogr, osr)]
    for module, _ in previous:
        module.UseExceptions()
    try:
        yield
    finally:
        for module, was_on in reversed(previous):  # GDAL keeps a stack of error handlers: undo in reverse
            if not was_on:
                module.DontUseExceptions()
