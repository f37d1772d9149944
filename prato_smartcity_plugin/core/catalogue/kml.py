"""KML and KMZ read safely: a KML that declares XML entities (the door to external-entity and "billion laughs"
attacks) is refused before any reader sees it, so no entity is ever resolved."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

from prato_smartcity_plugin.core.errors import DataFormatError
from prato_smartcity_plugin.core.i18n import translate

try:  # Debian: python3-defusedxml
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import iterparse as _iterparse
except ImportError:  # pragma: no cover - hardened fallback below
    DefusedXmlException = ()
    _iterparse = None


def tr(text: str) -> str:
    return translate("PratoSmartCity", text)


def check_kml(path: str) -> int:
    """Validate the KML at ``path``: well-formed XML, a ``kml`` root, no entity declarations. Returns the number of
    Placemarks. Raises :class:`DataFormatError` otherwise."""
    with open(path, "rb") as handle:
        head = handle.read(65536)
    if b"<!ENTITY" in head.upper() or b"<!DOCTYPE" in head.upper() and b"SYSTEM" in head.upper():
        raise _entities(path)
    placemarks = 0
    root_seen = False
    try:
        if _iterparse is not None:
            events = _iterparse(path, events=("start",), forbid_dtd=False, forbid_entities=True,
                                forbid_external=True)
        else:
            events = ElementTree.iterparse(path, events=("start",))
        for _event, element in events:
            tag = element.tag.rsplit("}", 1)[-1].lower()
            if not root_seen:
                root_seen = True
                if tag != "kml":
                    raise DataFormatError(tr("The file is XML but not KML."), f"{path}: root <{element.tag}>")
            if tag == "placemark":
                placemarks += 1
    except DataFormatError:
        raise
    except DefusedXmlException as error:  # type: ignore[misc]
        raise _entities(path) from error
    except (ElementTree.ParseError, OSError) as error:
        raise DataFormatError(tr("The KML file is damaged (not well-formed XML)."), f"{path}: {error}") from error
    if not root_seen:
        raise DataFormatError(tr("The resource is an empty file."), path)
    return placemarks


def _entities(path: str) -> DataFormatError:
    return DataFormatError(tr("The KML file declares XML entities, which could read other files or addresses: for "
                              "safety it was not loaded."), path)
