"""The intervention schema: the one home of its fields, codes and rules.

Forms, the GeoPackage store, sync, the contractor export and the field kit all derive from this module. Stored values
are stable codes (English, lower case); labels are translated at display time via :func:`label`.
"""

from __future__ import annotations

import datetime as dt
import uuid as uuid_module
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Iterable, Mapping

from prato_smartcity_plugin.core.i18n import QT_TRANSLATE_NOOP, translate

SCHEMA_VERSION = 1

#: The store's and the export's default CRS (RDN2008 / UTM zone 32N), and the API's (OGC API - Features: CRS84).
STORE_CRS = "EPSG:6707"
API_CRS = "OGC:CRS84"


class GeometryKind(str, Enum):
    POINT = "point"
    LINE = "line"
    POLYGON = "polygon"


#: GeoJSON geometry types for each kind (single and multi parts are both accepted on read).
GEOJSON_TYPES = {
    GeometryKind.POINT: ("Point", "MultiPoint"),
    GeometryKind.LINE: ("LineString", "MultiLineString"),
    GeometryKind.POLYGON: ("Polygon", "MultiPolygon"),
}


def kind_of_geojson_type(geojson_type: str) -> GeometryKind:
    for kind, types in GEOJSON_TYPES.items():
        if geojson_type in types:
            return kind
    raise ValueError(f"unsupported geometry type {geojson_type!r}")


class FieldType(str, Enum):
    TEXT = "text"
    INTEGER = "integer"
    REAL = "real"
    DATE = "date"
    DATETIME = "datetime"


@dataclass(frozen=True)
class Code:
    """One value of a code list: the stored ``value`` and its English ``label`` (translated at display time)."""

    value: str
    label: str


@dataclass(frozen=True)
class FieldSpec:
    name: str
    type: FieldType
    label: str
    required: bool = False
    codes: tuple[Code, ...] = ()
    #: Text length limit, where the store and the exports enforce one.
    length: int = 0
    #: Readable 10-character name for shapefiles (the export's name rule uses it before deriving one).
    short_name: str = ""
    #: Maintained by the plugin (ids, timestamps, version): not edited in the form.
    system: bool = False
    #: A path to an attached file, relative to the store's folder.
    attachment: bool = False
    help: str = ""

    def code_values(self) -> tuple[str, ...]:
        return tuple(c.value for c in self.codes)


CATEGORIES = (
    Code("square", QT_TRANSLATE_NOOP("PratoSmartCity", "Square / public space")),
    Code("cycle_link", QT_TRANSLATE_NOOP("PratoSmartCity", "Cycle link")),
    Code("wifi_site", QT_TRANSLATE_NOOP("PratoSmartCity", "Wi-Fi site")),
    Code("road_works", QT_TRANSLATE_NOOP("PratoSmartCity", "Road works")),
    Code("forestation", QT_TRANSLATE_NOOP("PratoSmartCity", "Forestation")),
    Code("mobility", QT_TRANSLATE_NOOP("PratoSmartCity", "Mobility")),
    Code("other", QT_TRANSLATE_NOOP("PratoSmartCity", "Other")),
)

PLAN_CODES = (
    Code("PR-V1", QT_TRANSLATE_NOOP("PratoSmartCity", "PR-V1 Squares and city Wi-Fi")),
    Code("PR-V3", QT_TRANSLATE_NOOP("PratoSmartCity", "PR-V3 Macrolotto Zero")),
    Code("PR-V4", QT_TRANSLATE_NOOP("PratoSmartCity", "PR-V4 Cycle network")),
    Code("PR-V9", QT_TRANSLATE_NOOP("PratoSmartCity", "PR-V9 Road works planning")),
    Code("PR-TRA1", QT_TRANSLATE_NOOP("PratoSmartCity", "PR-TRA1 5G pilot")),
    Code("URBAN-JUNGLE", QT_TRANSLATE_NOOP("PratoSmartCity", "Urban Jungle")),
    Code("none", QT_TRANSLATE_NOOP("PratoSmartCity", "None")),
)

STATUSES = (
    Code("proposed", QT_TRANSLATE_NOOP("PratoSmartCity", "Proposed")),
    Code("approved", QT_TRANSLATE_NOOP("PratoSmartCity", "Approved")),
    Code("in_progress", QT_TRANSLATE_NOOP("PratoSmartCity", "In progress")),
    Code("completed", QT_TRANSLATE_NOOP("PratoSmartCity", "Completed")),
    Code("cancelled", QT_TRANSLATE_NOOP("PratoSmartCity", "Cancelled")),
)

#: Default responsible bodies; the options page can add more (``extra_bodies``), stored as code=label pairs.
RESPONSIBLE_BODIES = (
    Code("comune_prato", "Comune di Prato"),
    Code("alia", "Alia"),
    Code("publiacqua", "Publiacqua"),
    Code("toscana_energia", "Toscana Energia"),
    Code("cap", "CAP"),
    Code("consiag", "Consiag Servizi Comuni"),
    Code("estracom", "Estracom"),
    Code("regione_toscana", "Regione Toscana"),
)

FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec(
        "uuid",
        FieldType.TEXT,
        QT_TRANSLATE_NOOP("PratoSmartCity", "Identifier"),
        required=True,
        length=36,
        short_name="uuid",
        system=True,
    ),
    FieldSpec(
        "title",
        FieldType.TEXT,
        QT_TRANSLATE_NOOP("PratoSmartCity", "Title"),
        required=True,
        length=200,
        short_name="title",
    ),
    FieldSpec(
        "category",
        FieldType.TEXT,
        QT_TRANSLATE_NOOP("PratoSmartCity", "Category"),
        required=True,
        codes=CATEGORIES,
        length=20,
        short_name="category",
    ),
    FieldSpec(
        "plan_code",
        FieldType.TEXT,
        QT_TRANSLATE_NOOP("PratoSmartCity", "Plan project"),
        required=True,
        codes=PLAN_CODES,
        length=20,
        short_name="plan_code",
    ),
    FieldSpec(
        "status",
        FieldType.TEXT,
        QT_TRANSLATE_NOOP("PratoSmartCity", "Status"),
        required=True,
        codes=STATUSES,
        length=20,
        short_name="status",
    ),
    FieldSpec(
        "responsible_body",
        FieldType.TEXT,
        QT_TRANSLATE_NOOP("PratoSmartCity", "Responsible body"),
        required=True,
        codes=RESPONSIBLE_BODIES,
        length=40,
        short_name="resp_body",
    ),
    FieldSpec(
        "street",
        FieldType.TEXT,
        QT_TRANSLATE_NOOP("PratoSmartCity", "Street / address"),
        length=120,
        short_name="street",
        help=QT_TRANSLATE_NOOP("PratoSmartCity", "Street name, used to tell road works on the same street"),
    ),
    FieldSpec("start_date", FieldType.DATE, QT_TRANSLATE_NOOP("PratoSmartCity", "Start date"), short_name="start_date"),
    FieldSpec("end_date", FieldType.DATE, QT_TRANSLATE_NOOP("PratoSmartCity", "End date"), short_name="end_date"),
    FieldSpec(
        "budget_eur", FieldType.REAL, QT_TRANSLATE_NOOP("PratoSmartCity", "Budget (EUR)"), short_name="budget_eur"
    ),
    FieldSpec("description", FieldType.TEXT, QT_TRANSLATE_NOOP("PratoSmartCity", "Description"), short_name="descr"),
    FieldSpec(
        "surveyor", FieldType.TEXT, QT_TRANSLATE_NOOP("PratoSmartCity", "Surveyor"), length=100, short_name="surveyor"
    ),
    FieldSpec(
        "photo_1", FieldType.TEXT, QT_TRANSLATE_NOOP("PratoSmartCity", "Photo 1"), attachment=True, short_name="photo_1"
    ),
    FieldSpec(
        "photo_2", FieldType.TEXT, QT_TRANSLATE_NOOP("PratoSmartCity", "Photo 2"), attachment=True, short_name="photo_2"
    ),
    FieldSpec(
        "photo_3", FieldType.TEXT, QT_TRANSLATE_NOOP("PratoSmartCity", "Photo 3"), attachment=True, short_name="photo_3"
    ),
    FieldSpec(
        "created_at",
        FieldType.DATETIME,
        QT_TRANSLATE_NOOP("PratoSmartCity", "Created"),
        required=True,
        short_name="created",
        system=True,
    ),
    FieldSpec(
        "modified_at",
        FieldType.DATETIME,
        QT_TRANSLATE_NOOP("PratoSmartCity", "Modified"),
        required=True,
        short_name="modified",
        system=True,
    ),
    FieldSpec(
        "version",
        FieldType.INTEGER,
        QT_TRANSLATE_NOOP("PratoSmartCity", "Version"),
        required=True,
        short_name="version",
        system=True,
    ),
)

FIELDS_BY_NAME: dict[str, FieldSpec] = {f.name: f for f in FIELDS}
FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in FIELDS)

DEFAULTS: dict[str, Any] = {
    "category": "other",
    "plan_code": "none",
    "status": "proposed",
    "responsible_body": "comune_prato",
}


def label(field_name: str, value: Any) -> str:
    """The translated label of a coded value (the value itself when it is not in the list)."""
    spec = FIELDS_BY_NAME[field_name]
    for code in spec.codes:
        if code.value == value:
            return translate("PratoSmartCity", code.label)
    return "" if value is None else str(value)


def field_label(field_name: str) -> str:
    return translate("PratoSmartCity", FIELDS_BY_NAME[field_name].label)


def codes_with_extra_bodies(extra: Iterable[tuple[str, str]] = ()) -> tuple[Code, ...]:
    """The responsible bodies, with the ones the user added in the options (``(code, label)`` pairs)."""
    known = {c.value for c in RESPONSIBLE_BODIES}
    return RESPONSIBLE_BODIES + tuple(Code(v, lbl) for v, lbl in extra if v and v not in known)


def new_uuid() -> str:
    return str(uuid_module.uuid4())


def utc_now() -> dt.datetime:
    """Timestamps are UTC, second precision (what GeoPackage, shapefile and the API all keep)."""
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def new_record(**values: Any) -> dict[str, Any]:
    """A fresh intervention record with the defaults, a new UUID, timestamps and version 1."""
    now = utc_now()
    record: dict[str, Any] = {name: None for name in FIELD_NAMES}
    record.update(DEFAULTS)
    record.update(uuid=new_uuid(), created_at=now, modified_at=now, version=1)
    record.update(values)
    return record


# --- validation ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """One broken rule: the field it concerns (or ``""`` for the record) and a translated message."""

    field: str
    message: str
    blocking: bool = True


@dataclass
class ValidationResult:
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(p.blocking for p in self.problems)

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.blocking]


def _as_date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


#: Public name: other modules (the clash check) read dates the same way.
as_date = _as_date


def validate(record: Mapping[str, Any], extra_bodies: Iterable[str] = ()) -> ValidationResult:
    """Check a record against the schema's rules (not its geometry: see the store's geometry checks)."""
    result = ValidationResult()
    tr = lambda text: translate("PratoSmartCity", text)  # noqa: E731
    for spec in FIELDS:
        value = record.get(spec.name)
        if spec.required and (value is None or (isinstance(value, str) and not value.strip())):
            result.problems.append(Problem(spec.name, tr("{field} is required.").format(field=field_label(spec.name))))
            continue
        if value in (None, ""):
            continue
        allowed = spec.code_values()
        if spec.name == "responsible_body":
            allowed = allowed + tuple(extra_bodies)
        if allowed and value not in allowed:
            result.problems.append(
                Problem(
                    spec.name, tr("{value} is not a valid {field}.").format(value=value, field=field_label(spec.name))
                )
            )
        if spec.length and isinstance(value, str) and len(value) > spec.length:
            result.problems.append(
                Problem(
                    spec.name,
                    tr("{field} is longer than {n} characters.").format(field=field_label(spec.name), n=spec.length),
                )
            )
    try:
        start, end = _as_date(record.get("start_date")), _as_date(record.get("end_date"))
    except ValueError:
        result.problems.append(Problem("start_date", tr("The dates are not valid dates (YYYY-MM-DD).")))
    else:
        if start and end and end < start:
            result.problems.append(Problem("end_date", tr("The end date must not be before the start date.")))
    budget = record.get("budget_eur")
    if budget not in (None, ""):
        try:
            if float(budget) < 0:
                result.problems.append(Problem("budget_eur", tr("The budget cannot be negative.")))
        except (TypeError, ValueError):
            result.problems.append(Problem("budget_eur", tr("The budget must be a number.")))
    if record.get("category") == "road_works" and not (record.get("start_date") and record.get("end_date")):
        result.problems.append(
            Problem(
                "start_date",
                tr("Road works need a start and an end date, or clashes with other works cannot be checked."),
                blocking=False,
            )
        )
    return result
