"""The GPS position, from QGIS's own GPS support (the connections in QgsApplication.gpsConnectionRegistry(), which the
GPS Information panel and the GPS toolbar create)."""

from __future__ import annotations

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsVectorLayer,
    QgsWkbTypes,
)

from prato_smartcity_plugin.core.errors import InputError
from prato_smartcity_plugin.core.i18n import translate

WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")


def current_fix() -> QgsPointXY | None:
    """The last valid fix (longitude, latitude, WGS84) of any GPS connection, or None."""
    for connection in QgsApplication.gpsConnectionRegistry().connectionList():
        info = connection.currentGPSInformation()
        if info.isValid():
            return QgsPointXY(info.longitude, info.latitude)
    return None


def has_connection() -> bool:
    return bool(QgsApplication.gpsConnectionRegistry().connectionList())


def fix_geometry_for(layer: QgsVectorLayer, project: QgsProject | None = None) -> QgsGeometry:
    """The GPS fix as a geometry for ``layer`` (its CRS, multi-point if the layer is); InputError without a fix."""
    fix = current_fix()
    if fix is None:
        message = (
            translate("PratoSmartCity", "The GPS has no position yet: wait for a fix.")
            if has_connection()
            else translate("PratoSmartCity", "No GPS is connected: connect one in the GPS Information panel.")
        )
        raise InputError(message)
    geometry = QgsGeometry.fromPointXY(fix)
    transform = QgsCoordinateTransform(WGS84, layer.crs(), (project or QgsProject.instance()).transformContext())
    geometry.transform(transform)
    if QgsWkbTypes.isMultiType(layer.wkbType()):
        geometry.convertToMultiType()
    return geometry
