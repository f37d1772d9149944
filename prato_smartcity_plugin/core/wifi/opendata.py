"""The Comune di Prato's published Wi-Fi coverage areas (``wifi_copertura.kml``, as GeoJSON) as access points.

The file gives coverage polygons, not antenna positions: each polygon's centroid stands in for its access point
(flagged ``centroid_position``), its radius is the radius of a disc of the same area, and its name comes from the
``DocName`` of the survey drawing ("9 - Copertura Indicata Piazza Mercatale HS1.dxf" -> "Piazza Mercatale HS1").
"""

from __future__ import annotations

import math
import re
from typing import Any, Mapping

from prato_smartcity_plugin.core.wifi.schema import AccessPoint

#: Travels with every copy of the data (SOURCES.md: Comune di Prato open data, CC-BY by default).
ATTRIBUTION = "Comune di Prato open data (wifi_copertura.kml), CC-BY (Delibera C.C. 130/2014)"

_DOCNAME = re.compile(r"^\s*\d+\s*-\s*(?:Copertura\s+Indicata\s+)?(?P<name>.*?)(?:\.dxf)?\s*$", re.IGNORECASE)


def name_from_docname(docname: Any) -> str:
    """The place name in a ``DocName`` (empty for a missing one)."""
    if docname is None:
        return ""
    text = str(docname).strip()
    if not text or text.upper() == "NULL":
        return ""
    match = _DOCNAME.match(text)
    return (match.group("name") if match else text).strip()


def is_coverage_areas_record(field_names) -> bool:
    """Whether a layer's fields are those of the municipal coverage areas (``ID`` and ``DocName``)."""
    names = {str(n).lower() for n in field_names}
    return {"id", "docname"} <= names


def access_point_from_coverage_area(properties: Mapping[str, Any], x: float, y: float, area_m2: float,
                                    origin: Any = None) -> AccessPoint:
    """One access point from one coverage polygon (its centroid ``x, y`` and area in metres of the working CRS)."""
    props = {str(k).lower(): v for k, v in properties.items()}
    ident = props.get("id")
    name = name_from_docname(props.get("docname"))
    return AccessPoint(
        x=float(x), y=float(y),
        ap_id=f"prato-{ident}" if ident not in (None, "") else str(origin),
        name=name,
        site=name,
        programme="comune",
        status="installed",
        radius_m=round(math.sqrt(area_m2 / math.pi), 1) if area_m2 > 0 else None,
        notes=f"Coverage area {area_m2:.0f} m²",
        flags=("centroid_position",),
        source=ATTRIBUTION,
        origin=origin,
    )
