"""WMS and WFS resources: their base URL and the layers their GetCapabilities document offers (parsed without
resolving entities), so that they can be added as QGIS service layers rather than downloaded."""

from __future__ import annotations

import urllib.parse
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field

from prato_smartcity_plugin.core.errors import DataFormatError
from prato_smartcity_plugin.core.i18n import translate

try:
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring as _fromstring
except ImportError:  # pragma: no cover
    DefusedXmlException = ()
    _fromstring = None


def tr(text: str) -> str:
    return translate("PratoSmartCity", text)


@dataclass
class ServiceLayer:
    name: str
    title: str
    crs: list = field(default_factory=list)


def base_url(url: str) -> str:
    """The service URL without the OGC request parameters (QGIS's providers add their own)."""
    parts = urllib.parse.urlsplit(url)
    keep = [(k, v) for k, v in urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
            if k.lower() not in ("service", "request", "version", "layers", "typename", "typenames", "outputformat")]
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path, urllib.parse.urlencode(keep), ""))


def capabilities_url(url: str, service: str) -> str:
    base = base_url(url)
    return base + ("&" if "?" in base else "?") + f"SERVICE={service.upper()}&REQUEST=GetCapabilities"


def parse_capabilities(body: bytes, service: str) -> list[ServiceLayer]:
    """Named layers (WMS) or feature types (WFS) of a GetCapabilities document."""
    if b"<!ENTITY" in body[:65536].upper():
        raise DataFormatError(tr("The service's capabilities declare XML entities: refused for safety."))
    try:
        root = _fromstring(body) if _fromstring is not None else ElementTree.fromstring(body)
    except (ElementTree.ParseError, DefusedXmlException) as error:  # type: ignore[misc]
        raise DataFormatError(tr("The {service} service did not send valid capabilities.").format(
            service=service.upper()), f"{error}\n{body[:300]!r}") from error
    if root.tag.rsplit("}", 1)[-1] in ("ServiceExceptionReport", "ExceptionReport"):
        raise DataFormatError(tr("The {service} service answered with an error.").format(service=service.upper()),
                              body[:1000].decode("utf-8", "replace"))
    layers = []
    if service.lower() == "wms":
        for element in root.iter():
            if _local(element.tag) != "Layer":
                continue
            name = _child_text(element, "Name")
            if name:
                crs = [c.text for c in element if _local(c.tag) in ("CRS", "SRS") and c.text]
                layers.append(ServiceLayer(name, _child_text(element, "Title") or name, crs))
    else:
        for element in root.iter():
            if _local(element.tag) == "FeatureType":
                name = _child_text(element, "Name")
                if name:
                    crs = [c.text for c in element if _local(c.tag) in ("DefaultCRS", "DefaultSRS", "SRS") and c.text]
                    layers.append(ServiceLayer(name, _child_text(element, "Title") or name, crs))
    if not layers:
        raise DataFormatError(tr("The {service} service offers no layer.").format(service=service.upper()))
    return layers


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _child_text(element, name: str) -> str:
    for child in element:
        if _local(child.tag) == name:
            return (child.text or "").strip()
    return ""
