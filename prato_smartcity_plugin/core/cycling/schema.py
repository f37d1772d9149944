"""The cycle-path schema: the one home of its fields, the ``kind`` codes and the mapping from OpenStreetMap tags.

A cycle path record is a plain dict with the keys of :data:`FIELDS`. Records come from OSM-style exports (a nested
``tags`` object), from layers that carry OSM keys as fields (QuickOSM), or from any layer with a field mapping.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Mapping

from prato_smartcity_plugin.core.i18n import QT_TRANSLATE_NOOP, translate

TRACK = "track"
LANE = "lane"
SHARED_PEDESTRIAN = "shared_pedestrian"
SHARED_TRAFFIC = "shared_traffic"
OTHER = "other"
PLANNED = "planned"


@dataclass(frozen=True)
class Kind:
    code: str
    label: str
    help: str


#: The kinds of cycle path, in display order. PLANNED marks links merged in for a before/after comparison.
KINDS = (
    Kind(TRACK, QT_TRANSLATE_NOOP("PratoSmartCity", "Separate cycle track"),
         QT_TRANSLATE_NOOP("PratoSmartCity", "Physically separated from traffic and pedestrians")),
    Kind(LANE, QT_TRANSLATE_NOOP("PratoSmartCity", "Cycle lane"),
         QT_TRANSLATE_NOOP("PratoSmartCity", "Painted lane on the carriageway")),
    Kind(SHARED_PEDESTRIAN, QT_TRANSLATE_NOOP("PratoSmartCity", "Shared with pedestrians"),
         QT_TRANSLATE_NOOP("PratoSmartCity", "Cycle and foot path without separation")),
    Kind(SHARED_TRAFFIC, QT_TRANSLATE_NOOP("PratoSmartCity", "Shared with traffic"),
         QT_TRANSLATE_NOOP("PratoSmartCity", "Road open to bicycles, no dedicated space")),
    Kind(OTHER, QT_TRANSLATE_NOOP("PratoSmartCity", "Other"),
         QT_TRANSLATE_NOOP("PratoSmartCity", "Anything the tags do not classify")),
    Kind(PLANNED, QT_TRANSLATE_NOOP("PratoSmartCity", "Planned link"),
         QT_TRANSLATE_NOOP("PratoSmartCity", "A link merged in for a before/after")),
)
KIND_CODES = tuple(k.code for k in KINDS)


@dataclass(frozen=True)
class Field:
    name: str
    #: "text", "integer", "real" or "bool"
    type: str
    label: str


FIELDS = (
    Field("name", "text", QT_TRANSLATE_NOOP("PratoSmartCity", "Name")),
    Field("kind", "text", QT_TRANSLATE_NOOP("PratoSmartCity", "Kind")),
    Field("surface", "text", QT_TRANSLATE_NOOP("PratoSmartCity", "Surface")),
    Field("oneway", "bool", QT_TRANSLATE_NOOP("PratoSmartCity", "One-way")),
    Field("lit", "bool", QT_TRANSLATE_NOOP("PratoSmartCity", "Lit")),
    Field("source", "text", QT_TRANSLATE_NOOP("PratoSmartCity", "Source")),
    Field("source_id", "text", QT_TRANSLATE_NOOP("PratoSmartCity", "Source id")),
    Field("highway", "text", QT_TRANSLATE_NOOP("PratoSmartCity", "OSM highway")),
    Field("cycleway", "text", QT_TRANSLATE_NOOP("PratoSmartCity", "OSM cycleway")),
    Field("bicycle", "text", QT_TRANSLATE_NOOP("PratoSmartCity", "OSM bicycle")),
    Field("foot", "text", QT_TRANSLATE_NOOP("PratoSmartCity", "OSM foot")),
    Field("segregated", "bool", QT_TRANSLATE_NOOP("PratoSmartCity", "Segregated")),
    Field("bridge", "bool", QT_TRANSLATE_NOOP("PratoSmartCity", "Bridge")),
    Field("tunnel", "bool", QT_TRANSLATE_NOOP("PratoSmartCity", "Tunnel")),
    Field("layer", "integer", QT_TRANSLATE_NOOP("PratoSmartCity", "Layer")),
    Field("width", "real", QT_TRANSLATE_NOOP("PratoSmartCity", "Width (m)")),
)
FIELD_NAMES = tuple(f.name for f in FIELDS)
#: Fields whose value is read straight from the OSM tag of the same name.
_TAG_FIELDS = ("name", "surface", "highway", "cycleway", "bicycle", "foot")
_TRUE = {"yes", "true", "1", "-1", "designated", "y", "si", "sì", "t"}
_FALSE = {"no", "false", "0", "n", "f"}
_ROADS = {"motorway", "trunk", "primary", "secondary", "tertiary", "unclassified", "residential", "living_street",
          "service", "road", "primary_link", "secondary_link", "tertiary_link", "track"}
_FOOT_OK = {"yes", "designated", "permissive"}
_BIKE_OK = {"yes", "designated", "permissive", "dismount"}


def kind_label(code: str) -> str:
    for kind in KINDS:
        if kind.code == code:
            return translate("PratoSmartCity", kind.label)
    return code


def field_label(name: str) -> str:
    for f in FIELDS:
        if f.name == name:
            return translate("PratoSmartCity", f.label)
    return name


def _side_tags(tags: Mapping[str, str]) -> list[str]:
    return [str(tags[k]).lower() for k in ("cycleway", "cycleway:both", "cycleway:left", "cycleway:right")
            if tags.get(k) not in (None, "")]


def kind_from_osm_tags(tags: Mapping[str, Any]) -> str:
    """The kind of a way from its OSM tags (highway, cycleway[:side], bicycle, foot, segregated)."""
    highway = str(tags.get("highway") or "").lower()
    foot = str(tags.get("foot") or "").lower()
    bicycle = str(tags.get("bicycle") or "").lower()
    segregated = as_bool(tags.get("segregated"))
    if highway == "cycleway":
        return SHARED_PEDESTRIAN if foot in _FOOT_OK and segregated is not True else TRACK
    if highway in ("footway", "pedestrian", "path", "bridleway"):
        if bicycle in _BIKE_OK or bicycle == "":
            if highway == "path" and foot == "no" and bicycle == "designated":
                return TRACK
            if segregated is True:
                return TRACK
            if bicycle in _BIKE_OK:
                return SHARED_PEDESTRIAN
        return OTHER
    sides = _side_tags(tags)
    if any(v in ("track", "opposite_track", "separate") for v in sides):
        return TRACK
    if any(v in ("lane", "opposite_lane", "opposite") for v in sides):
        return LANE
    if any(v in ("shared_lane", "share_busway", "opposite_share_busway", "shared") for v in sides):
        return SHARED_TRAFFIC
    if highway in _ROADS and bicycle in ("yes", "designated", "permissive"):
        return SHARED_TRAFFIC
    return OTHER


def as_bool(value: Any) -> bool | None:
    """OSM-style truth values ("yes", "no", "1", "-1" for reversed one-way...) as True/False, None when unknown."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return bool(value)
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    return None


def as_int(value: Any) -> int | None:
    try:
        return int(float(str(value).strip().replace(",", ".")))
    except (TypeError, ValueError):
        return None


def as_float(value: Any) -> float | None:
    try:
        text = str(value).strip().lower().replace(",", ".").rstrip("m").strip()
        return float(text)
    except (TypeError, ValueError):
        return None


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def parse_tags(value: Any) -> dict[str, Any]:
    """A nested ``tags`` value (dict, JSON text or None) as a dict; anything unreadable as an empty dict."""
    if isinstance(value, Mapping):
        return dict(value)
    if isinstance(value, str) and value.strip().startswith("{"):
        try:
            parsed = json.loads(value)
        except ValueError:
            return {}
        return parsed if isinstance(parsed, dict) else {}
    return {}


def record_from_osm_tags(tags: Mapping[str, Any], source: str = "OpenStreetMap", source_id: str | None = None
                         ) -> dict[str, Any]:
    """A typed record from the tags of one OSM way."""
    record: dict[str, Any] = {name: _text(tags.get(name)) for name in _TAG_FIELDS}
    record["kind"] = kind_from_osm_tags(tags)
    record["oneway"] = as_bool(tags.get("oneway"))
    if record["oneway"] is None and str(tags.get("oneway:bicycle") or "").lower() in ("yes", "no"):
        record["oneway"] = as_bool(tags.get("oneway:bicycle"))
    record["lit"] = as_bool(tags.get("lit"))
    record["segregated"] = as_bool(tags.get("segregated"))
    record["bridge"] = _presence(tags.get("bridge"))  # bridge=viaduct, boardwalk... are bridges too
    record["tunnel"] = _presence(tags.get("tunnel"))
    record["layer"] = as_int(tags.get("layer"))
    record["width"] = as_float(tags.get("width"))
    record["source"] = source
    record["source_id"] = source_id
    return record


def _presence(value: Any) -> bool | None:
    if value in (None, ""):
        return None
    return str(value).strip().lower() not in _FALSE


def normalise_kind(value: Any) -> str | None:
    """A kind given as a code or as an (English or translated) label; None when it is not one."""
    text = _text(value)
    if text is None:
        return None
    low = text.lower()
    for kind in KINDS:
        if low in (kind.code, kind.label.lower(), translate("PratoSmartCity", kind.label).lower()):
            return kind.code
    return None


def record_from_attributes(attributes: Mapping[str, Any], mapping: Mapping[str, str] | None = None,
                           source: str = "", source_id: Any = None) -> dict[str, Any]:
    """A typed record from any feature's attributes.

    OSM tags are gathered from a ``tags`` attribute (dict or JSON text) and from attributes named like OSM keys
    (QuickOSM layers); ``mapping`` maps a schema field to an attribute name and wins over both. An explicit ``kind``
    that is not a known code or label is ignored (the tags decide), never stored as is.
    """
    tags = parse_tags(attributes.get("tags"))
    for key, value in attributes.items():
        if key != "tags" and value not in (None, "") and (key in _TAG_FIELDS or key in _OSM_KEYS):
            tags.setdefault(key, value)
    origin = source
    if tags and not origin:
        origin = "OpenStreetMap"
    if source_id is None:
        osm_type, osm_id = attributes.get("type"), attributes.get("id") or attributes.get("osm_id")
        if osm_id not in (None, ""):
            source_id = f"{osm_type}/{osm_id}" if osm_type in ("way", "relation", "node") else str(osm_id)
    record = record_from_osm_tags(tags, source=origin, source_id=None if source_id is None else str(source_id))
    for field in FIELDS:  # same-named schema attributes (e.g. a layer saved by this plugin)
        if field.name in attributes and field.name not in ("source_id",) and attributes[field.name] not in (None, ""):
            record[field.name] = _typed(field, attributes[field.name])
    for field_name, attribute in (mapping or {}).items():
        if attribute and attribute in attributes:
            field = next(f for f in FIELDS if f.name == field_name)
            record[field_name] = _typed(field, attributes[attribute])
    record["kind"] = normalise_kind(record.get("kind")) or kind_from_osm_tags(tags)
    return record


_OSM_KEYS = {"oneway", "lit", "segregated", "bridge", "tunnel", "layer", "width", "oneway:bicycle", "cycleway:both",
             "cycleway:left", "cycleway:right"}


def _typed(field: Field, value: Any) -> Any:
    if value is None:
        return None
    if field.type == "bool":
        return as_bool(value)
    if field.type == "integer":
        return as_int(value)
    if field.type == "real":
        return as_float(value)
    if field.name == "kind":
        return normalise_kind(value) or _text(value)
    return _text(value)
