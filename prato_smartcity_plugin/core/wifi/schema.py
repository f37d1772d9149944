"""The access-point schema: fields, codes, labels, default radii, and mapping any record onto it.

Stored values are stable codes (English, lower case); labels are translated at display time via :func:`label`.
The field and code types are the intervention schema's (one definition of what a field is).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Mapping

from prato_smartcity_plugin.core.errors import Level
from prato_smartcity_plugin.core.i18n import QT_TRANSLATE_NOOP, translate
from prato_smartcity_plugin.core.interventions.schema import Code, FieldSpec, FieldType


def tr(text: str) -> str:
    return translate("PratoSmartCity", text)

PROGRAMMES = (
    Code("wifi_italia", QT_TRANSLATE_NOOP("PratoSmartCity", "WiFi Italia")),
    Code("comune", QT_TRANSLATE_NOOP("PratoSmartCity", "Comune di Prato")),
    Code("other", QT_TRANSLATE_NOOP("PratoSmartCity", "Other")),
)

STATUSES = (
    Code("installed", QT_TRANSLATE_NOOP("PratoSmartCity", "Installed")),
    Code("planned", QT_TRANSLATE_NOOP("PratoSmartCity", "Planned")),
    Code("candidate", QT_TRANSLATE_NOOP("PratoSmartCity", "Candidate")),
)

#: Flags the analyses set on an access point; kept in the ``flags`` field as a comma-separated list of codes.
FLAGS = (
    Code("outside_comune", QT_TRANSLATE_NOOP("PratoSmartCity", "Outside the comune")),
    Code("duplicate", QT_TRANSLATE_NOOP("PratoSmartCity", "Duplicate position")),
    Code("default_radius", QT_TRANSLATE_NOOP("PratoSmartCity", "Default radius")),
    Code("centroid_position", QT_TRANSLATE_NOOP("PratoSmartCity", "Position from a coverage area's centroid")),
)

#: Default coverage radius (metres) by programme, used when an access point has none. WiFi Italia outdoor access
#: points are rated for about 100 m in the open; the Comune's published coverage areas have a median
#: equal-area radius of about 45 m (12 m to 133 m), hence 50 m for municipal and other hotspots.
DEFAULT_RADIUS_M = {"wifi_italia": 100.0, "comune": 50.0, "other": 50.0}

FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("ap_id", FieldType.TEXT, QT_TRANSLATE_NOOP("PratoSmartCity", "Identifier"), required=True, length=40,
              short_name="ap_id"),
    FieldSpec("name", FieldType.TEXT, QT_TRANSLATE_NOOP("PratoSmartCity", "Name"), length=120, short_name="name"),
    FieldSpec("site", FieldType.TEXT, QT_TRANSLATE_NOOP("PratoSmartCity", "Site / address"), length=160,
              short_name="site"),
    FieldSpec("programme", FieldType.TEXT, QT_TRANSLATE_NOOP("PratoSmartCity", "Programme"), required=True,
              codes=PROGRAMMES, length=20, short_name="programme"),
    FieldSpec("status", FieldType.TEXT, QT_TRANSLATE_NOOP("PratoSmartCity", "Status"), required=True, codes=STATUSES,
              length=20, short_name="status"),
    FieldSpec("install_date", FieldType.DATE, QT_TRANSLATE_NOOP("PratoSmartCity", "Install date"),
              short_name="inst_date"),
    FieldSpec("radius_m", FieldType.REAL, QT_TRANSLATE_NOOP("PratoSmartCity", "Coverage radius (m)"),
              short_name="radius_m"),
    FieldSpec("notes", FieldType.TEXT, QT_TRANSLATE_NOOP("PratoSmartCity", "Notes"), short_name="notes"),
    FieldSpec("flags", FieldType.TEXT, QT_TRANSLATE_NOOP("PratoSmartCity", "Checks"), codes=FLAGS, short_name="flags",
              system=True),
    FieldSpec("source", FieldType.TEXT, QT_TRANSLATE_NOOP("PratoSmartCity", "Source and licence"), short_name="source",
              system=True),
)

FIELDS_BY_NAME: dict[str, FieldSpec] = {f.name: f for f in FIELDS}
FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in FIELDS)
#: Fields a user can map from another layer (the analyses fill ``flags``).
MAPPABLE_FIELDS: tuple[str, ...] = tuple(f.name for f in FIELDS if not f.system) + ("source",)

DEFAULTS = {"programme": "other", "status": "installed"}


def label(field_name: str, value: Any) -> str:
    """The translated label of a coded value (the value itself when it is not in the list)."""
    for code in FIELDS_BY_NAME[field_name].codes:
        if code.value == value:
            return tr(code.label)
    return "" if value is None else str(value)


def field_label(field_name: str) -> str:
    return tr(FIELDS_BY_NAME[field_name].label)


def flag_labels(flags: tuple[str, ...] | list[str]) -> str:
    return ", ".join(label("flags", f) for f in flags)


@dataclass(frozen=True)
class Note:
    """Something the user should know about a result (a default used, a point flagged, a reprojection)."""

    level: Level
    message: str
    details: str = ""


@dataclass
class AccessPoint:
    """One access point, at ``x, y`` in metres of the working CRS."""

    x: float
    y: float
    ap_id: str = ""
    name: str = ""
    site: str = ""
    programme: str = "other"
    status: str = "installed"
    install_date: dt.date | None = None
    radius_m: float | None = None
    notes: str = ""
    flags: tuple[str, ...] = ()
    source: str = ""
    #: The feature id (or row number) it came from, to point the user at it.
    origin: Any = None

    def record(self) -> dict[str, Any]:
        """The attribute values in :data:`FIELD_NAMES` order (``flags`` as a comma-separated string)."""
        values = {name: getattr(self, name) for name in FIELD_NAMES}
        values["flags"] = ",".join(self.flags)
        return values

    def display_name(self) -> str:
        return self.name or self.site or tr("access point {id}").format(
            id=self.ap_id or self.origin)

    def with_flag(self, flag: str) -> None:
        if flag not in self.flags:
            self.flags = self.flags + (flag,)


def _text(value: Any) -> str:
    if value is None:
        return ""
    text = str(value).strip()
    return "" if text.upper() in ("NULL", "NONE") else text


def _as_date(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _as_radius(value: Any) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        radius = float(str(value).replace(",", "."))
    except ValueError:
        return None
    return None if radius != radius else radius  # NaN is "missing"


def _coded(field_name: str, value: Any, default: str, notes: list[Note], origin: Any) -> str:
    """A value of a code list, accepting the code or its English label in any case; unknown values fall back to
    ``default`` with a note (never dropped silently)."""
    text = _text(value)
    if not text:
        return default
    lowered = text.lower()
    codes = FIELDS_BY_NAME[field_name].codes
    for code in codes:  # the code or its English label: no translation looked up for the common case
        if lowered == code.value or lowered == code.label.lower():
            return code.value
    for code in codes:
        if lowered == label(field_name, code.value).lower():
            return code.value
    notes.append(Note(Level.WARNING, tr("Access point {origin}: \"{value}\" is not a known {field}; "
                                                        "\"{default}\" is used.").format(
        origin=origin, value=text, field=field_label(field_name).lower(), default=label(field_name, default))))
    return default


def access_point_from_record(x: float, y: float, record: Mapping[str, Any], mapping: Mapping[str, str] | None = None,
                             defaults: Mapping[str, Any] | None = None, origin: Any = None,
                             notes: list[Note] | None = None) -> AccessPoint:
    """Build an :class:`AccessPoint` from any attribute record.

    ``mapping`` maps a schema field to the record's field that holds it (a schema field absent from the mapping is
    read from the record's field of the same name, if any); ``defaults`` fill what the record lacks. Invalid or
    unknown values are reported in ``notes``; radii are checked later by :func:`coverage.prepare_access_points`.
    """
    mapping = dict(mapping or {})
    values = dict(DEFAULTS)
    values.update(defaults or {})
    notes = notes if notes is not None else []
    by_lower = {str(k).lower(): k for k in record}
    for name in MAPPABLE_FIELDS:
        source_field = mapping.get(name) or name
        if name == "ap_id" and not mapping.get(name) and source_field not in record:
            source_field = by_lower.get("id", source_field)  # the usual name of an identifier field
        if source_field in record and _text(record[source_field]) != "":
            values[name] = record[source_field]
    radius_raw = values.get("radius_m")
    radius = _as_radius(radius_raw)
    if radius is None and _text(radius_raw):
        notes.append(Note(Level.WARNING, tr("Access point {origin}: the radius \"{value}\" is not a "
                                                            "number; the default radius is used.").format(
            origin=origin, value=radius_raw)))
    install_date = _as_date(values.get("install_date"))
    if install_date is None and _text(values.get("install_date")):
        notes.append(Note(Level.WARNING, tr("Access point {origin}: the install date \"{value}\" is "
                                                            "not a date (YYYY-MM-DD); it is left empty.").format(
            origin=origin, value=values.get("install_date"))))
    return AccessPoint(
        x=float(x), y=float(y),
        ap_id=_text(values.get("ap_id")) or ("" if origin is None else str(origin)),
        name=_text(values.get("name")),
        site=_text(values.get("site")),
        programme=_coded("programme", values.get("programme"), DEFAULTS["programme"], notes, origin),
        status=_coded("status", values.get("status"), DEFAULTS["status"], notes, origin),
        install_date=install_date,
        radius_m=radius,
        notes=_text(values.get("notes")),
        source=_text(values.get("source")),
        origin=origin,
    )


@dataclass
class PreparedAccessPoints:
    """Access points checked for an analysis: every radius known, flags set, and what the user should know."""

    points: list[AccessPoint]
    notes: list[Note] = field(default_factory=list)

    @property
    def radii(self):
        return [p.radius_m for p in self.points]
