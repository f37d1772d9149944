"""What a shapefile cannot hold, and what the export does about it: the field plan and the value rules.

One :class:`FieldPlan` per exported layer says, for every source field, its short name(s), type and width and how its
values are transformed (coded values as Italian labels, text over 254 bytes split into continuation fields or
truncated, date-times as ISO text). The writer follows the plan; the verification recomputes the expected values
with the same functions (:func:`export_values`), so a writer that drifts from the rules does not verify.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Mapping, Sequence

from prato_smartcity_plugin.core.export import names as short_names
from prato_smartcity_plugin.core.i18n import CONTEXT, QT_TRANSLATE_NOOP, translate, translate_to
from prato_smartcity_plugin.core.interventions.schema import FIELDS_BY_NAME, Code, FieldType, GeometryKind

#: dBASE text fields hold at most 254 bytes (UTF-8: an accented letter takes 2, a dash "–" 3).
TEXT_BYTES = 254
LABEL_LANGUAGE = "it"
DEFAULT_CRS = "EPSG:6707"
CRS_CHOICES = ("EPSG:6707", "EPSG:3003", "EPSG:4326")


class LongTextPolicy(str, Enum):
    SPLIT = "split"
    TRUNCATE = "truncate"


@dataclass
class ExportOptions:
    crs: str = DEFAULT_CRS
    labels: bool = False
    long_text: LongTextPolicy = LongTextPolicy.SPLIT
    #: original field name -> short name chosen by the user
    overrides: dict[str, str] = field(default_factory=dict)
    selected_only: bool = False
    gpkg_copy: bool = False
    dxf_copy: bool = False


# --- notes: what the export did that a reader of the package must know -------------------------------------

#: code -> (English, Italian). English is the UI's (translated by Qt); both go into the package's README files.
NOTE_TEXTS: dict[str, tuple[str, str]] = {
    "split": (QT_TRANSLATE_NOOP("PratoSmartCity", "{field}: text longer than 254 bytes continues in {fields}."),
              "{field}: il testo oltre 254 byte prosegue in {fields}."),
    "truncate": (QT_TRANSLATE_NOOP("PratoSmartCity", "{field}: texts longer than 254 bytes, truncated: {count}."),
                 "{field}: testi oltre 254 byte, troncati: {count}."),
    "datetime": (QT_TRANSLATE_NOOP("PratoSmartCity", "{field}: date and time written as text YYYY-MM-DDTHH:MM:SSZ "
                                   "(UTC)."),
                 "{field}: data e ora scritte come testo AAAA-MM-GGTHH:MM:SSZ (UTC)."),
    "null_dates": (QT_TRANSLATE_NOOP("PratoSmartCity", "{field}: features without a date (field left empty): "
                                     "{count}."),
                   "{field}: elementi senza data (campo vuoto): {count}."),
    "labels": (QT_TRANSLATE_NOOP("PratoSmartCity", "{field}: coded values written as their Italian labels."),
               "{field}: valori codificati scritti con la loro etichetta italiana."),
    "zm": (QT_TRANSLATE_NOOP("PratoSmartCity", "{layer}: Z/M coordinates dropped (shapefiles are written in 2D)."),
           "{layer}: coordinate Z/M eliminate (shapefile scritti in 2D)."),
    "exploded": (QT_TRANSLATE_NOOP("PratoSmartCity", "{layer}: multi-part points split into single points "
                                   "(attributes repeated): {count}."),
                 "{layer}: punti multipli divisi in punti singoli (attributi ripetuti): {count}."),
    "collection": (QT_TRANSLATE_NOOP("PratoSmartCity", "{layer}: mixed geometries split by type into the file of "
                                     "each type (attributes repeated): {count}."),
                   "{layer}: geometrie miste divise per tipo nei file di ciascun tipo (attributi ripetuti): {count}."),
    "no_geometry": (QT_TRANSLATE_NOOP("PratoSmartCity", "{layer}: features without geometry, not in the shapefiles: "
                                      "{count}."),
                    "{layer}: elementi senza geometria, non presenti negli shapefile: {count}."),
    "skipped_field": (QT_TRANSLATE_NOOP("PratoSmartCity", "{layer}: field {field} ({type}) cannot be written to a "
                                        "shapefile and was left out."),
                      "{layer}: il campo {field} ({type}) non si può scrivere in uno shapefile ed è stato omesso."),
    "invalid_source": (QT_TRANSLATE_NOOP("PratoSmartCity", "{file}: geometries already invalid in the source layer: "
                                         "{count}."),
                       "{file}: geometrie già non valide nel layer di origine: {count}."),
}


@dataclass(frozen=True)
class Note:
    code: str
    params: tuple[tuple[str, Any], ...] = ()
    warning: bool = False

    @classmethod
    def make(cls, code: str, warning: bool = False, **params: Any) -> Note:
        return cls(code, tuple(sorted(params.items())), warning)

    def text(self, language: str = "") -> str:
        """The note in the UI's language (``""``), or ``"en"`` / ``"it"`` for the README."""
        english, italian = NOTE_TEXTS[self.code]
        template = (italian if language == "it" else english if language == "en"
                    else translate("PratoSmartCity", english))
        return template.format(**dict(self.params))


# --- geometry kinds -------------------------------------------------------------------------------------------

#: OGC geometry type names (upper case, as GeoPackage's ST_GeometryType returns them) for each kind. Curves are
#: linearised on the way out; multi-part lines and polygons stay multi-part (a shapefile holds them as parts).
KIND_TYPES: dict[GeometryKind, tuple[str, ...]] = {
    GeometryKind.POINT: ("POINT", "MULTIPOINT"),
    GeometryKind.LINE: ("LINESTRING", "MULTILINESTRING", "CIRCULARSTRING", "COMPOUNDCURVE", "MULTICURVE"),
    GeometryKind.POLYGON: ("POLYGON", "MULTIPOLYGON", "CURVEPOLYGON", "MULTISURFACE", "TRIANGLE"),
}
#: A collection mixes kinds: its parts are split into the file of each kind, with the feature's attributes.
COLLECTION_TYPES = ("GEOMETRYCOLLECTION",)

#: File name suffix and plain-language name of each kind (English; the README has the Italian).
KIND_SUFFIX = {GeometryKind.POINT: "points", GeometryKind.LINE: "lines", GeometryKind.POLYGON: "polygons"}


def kind_of_type_name(type_name: str) -> GeometryKind | None:
    """The kind of an OGC type name (``"MultiLineString"``, ``"POINT Z"``...); ``None`` for collections/unknown."""
    base = type_name.upper().replace(" ", "").rstrip("ZM") if type_name else ""
    base = base[:-2] if base.endswith("25D") else base
    for kind, types in KIND_TYPES.items():
        if base in types:
            return kind
    return None


def file_stem(layer_name: str, kind: GeometryKind, kinds_in_layer: int) -> str:
    """``interventions_line`` -> ``interventions_line``; a layer with several kinds -> ``name_points`` etc."""
    stem = short_names.ascii_fold(layer_name).strip()
    stem = "".join(c if c.isalnum() or c in "-_" else "_" for c in stem)
    stem = "_".join(part for part in stem.split("_") if part) or "layer"
    return f"{stem}_{KIND_SUFFIX[kind]}" if kinds_in_layer > 1 else stem


# --- source fields and the plan -------------------------------------------------------------------------------


@dataclass(frozen=True)
class SourceField:
    """A field of a layer to export: its name and type, and what the schema knows of it (if it is a schema field)."""

    name: str
    type: FieldType
    short_name: str = ""
    codes: tuple[Code, ...] = ()
    label: str = ""

    @classmethod
    def of(cls, name: str, type_: FieldType) -> SourceField:
        """A layer's field: a schema field (same name) brings its short name, codes and label."""
        spec = FIELDS_BY_NAME.get(name)
        if spec is not None and spec.type == type_:
            return cls(name, type_, spec.short_name, spec.codes, spec.label)
        return cls(name, type_)


@dataclass(frozen=True)
class OutputField:
    """One field of the shapefile. ``part`` is 0 for the field itself, 1.. for continuation fields of long text."""

    name: str
    source: str
    type: FieldType
    width: int = 0
    precision: int = 0
    part: int = 0
    labelled: bool = False


@dataclass
class FieldPlan:
    fields: list[OutputField]
    #: source name -> its output fields in order (more than one when long text is split)
    by_source: dict[str, list[OutputField]]
    notes: list[Note] = field(default_factory=list)
    options: ExportOptions = field(default_factory=ExportOptions)
    sources: dict[str, SourceField] = field(default_factory=dict)

    def names(self) -> dict[str, str]:
        """Original name -> short name (the first field of each source)."""
        return {name: outs[0].name for name, outs in self.by_source.items()}


def utf8_length(text: str | None) -> int:
    return len(text.encode("utf-8")) if text else 0


def utf8_chunks(text: str, size: int = TEXT_BYTES) -> list[str]:
    """``text`` cut into pieces of at most ``size`` UTF-8 bytes, never inside a character, and where possible
    never next to a space (dBASE readers trim the spaces around a value, so a piece must not start or end with
    one: the pieces then join back into the exact text)."""
    data = text.encode("utf-8")
    if len(data) <= size:
        return [text]
    chunks: list[str] = []
    start, total = 0, len(data)
    spaces = b" \t\r\n"
    while start < total:
        end = min(start + size, total)
        while end < total and data[end] & 0xC0 == 0x80:  # not inside a character
            end -= 1
        if end < total:
            cut = end
            while cut > start + 1 and (data[cut - 1] in spaces or data[cut] in spaces or data[cut] & 0xC0 == 0x80):
                cut -= 1
            end = cut if cut > start + 1 else end
        chunks.append(data[start:end].decode("utf-8"))
        start = end
    return chunks or [""]


def labels_of(source: SourceField) -> dict[str, str]:
    """Code -> Italian label for a coded field (the label in the language of the package: Italian)."""
    return {c.value: translate_to(LABEL_LANGUAGE, CONTEXT, c.label) for c in source.codes}


def plan_fields(sources: Sequence[SourceField], options: ExportOptions,
                max_bytes: Mapping[str, int] | None = None, max_chunks: Mapping[str, int] | None = None,
                truncated_counts: Mapping[str, int] | None = None) -> FieldPlan:
    """The shapefile fields for ``sources``. ``max_bytes`` is the longest value of each text field in the data
    (UTF-8 bytes): it sets widths; ``max_chunks`` (the most :func:`utf8_chunks` pieces of a value) sets how many
    continuation fields a long text needs with the split policy (estimated from ``max_bytes`` when not given)."""
    max_bytes = dict(max_bytes or {})
    max_chunks = dict(max_chunks or {})
    truncated_counts = dict(truncated_counts or {})
    assigned = short_names.assign([(s.name, s.short_name) for s in sources], options.overrides)
    taken = set(assigned.values())
    fields: list[OutputField] = []
    by_source: dict[str, list[OutputField]] = {}
    notes: list[Note] = []
    for source in sources:
        short = assigned[source.name]
        labelled = bool(options.labels and source.codes)
        if source.type == FieldType.TEXT:
            longest = max_bytes.get(source.name, 0)
            truncated = False
            if labelled:
                longest = max([longest] + [utf8_length(v) for v in labels_of(source).values()])
            parts = 1
            if longest > TEXT_BYTES:
                if options.long_text == LongTextPolicy.SPLIT:
                    parts = max(max_chunks.get(source.name, 0), math.ceil(longest / TEXT_BYTES))
                else:
                    truncated = True
            width = max(1, min(TEXT_BYTES, longest))
            outs = [OutputField(short, source.name, FieldType.TEXT, width, 0, 0, labelled)]
            for i, extra in enumerate(short_names.continuation_names(short, parts - 1, taken), start=1):
                taken.add(extra)
                outs.append(OutputField(extra, source.name, FieldType.TEXT, TEXT_BYTES, 0, i, labelled))
            if len(outs) > 1:
                notes.append(Note.make("split", field=short, fields=", ".join(o.name for o in outs[1:])))
            if truncated:
                notes.append(Note.make("truncate", warning=True, field=short, count=truncated_counts.get(
                    source.name, 0)))
            if labelled:
                notes.append(Note.make("labels", field=short))
        elif source.type == FieldType.DATETIME:
            outs = [OutputField(short, source.name, FieldType.TEXT, 20)]
            notes.append(Note.make("datetime", field=short))
        elif source.type == FieldType.INTEGER:
            outs = [OutputField(short, source.name, FieldType.INTEGER, 18)]
        elif source.type == FieldType.REAL:
            outs = [OutputField(short, source.name, FieldType.REAL, 24, 8)]
        else:
            outs = [OutputField(short, source.name, FieldType.DATE, 8)]
        fields.extend(outs)
        by_source[source.name] = outs
    return FieldPlan(fields, by_source, notes, options, {s.name: s for s in sources})


# --- values ---------------------------------------------------------------------------------------------------


def format_datetime(value: Any) -> str | None:
    """A date-time as ``YYYY-MM-DDTHH:MM:SSZ`` in UTC (naive values are taken as UTC)."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        text = value.strip().replace(" ", "T")
        if text.endswith("Z"):
            text = text[:-1] + "+00:00"
        value = dt.datetime.fromisoformat(text)
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.timezone.utc).replace(tzinfo=None)
        return value.replace(microsecond=0).isoformat() + "Z"
    if isinstance(value, dt.date):
        return value.isoformat() + "T00:00:00Z"
    return str(value)


def export_values(plan: FieldPlan, source_name: str, value: Any, labels: Mapping[str, str] | None = None) -> list:
    """The values written for ``value`` of ``source_name``: one per output field of that source.

    Text: empty text and null are the same in a shapefile (both become ``None`` here), and spaces around a text
    are not kept."""
    outs = plan.by_source[source_name]
    source = plan.sources[source_name]
    if source.type == FieldType.DATETIME:
        return [format_datetime(value)]
    if source.type != FieldType.TEXT:
        return [value]
    if value is None or value == "":
        return [None] * len(outs)
    text = str(value).strip()  # dBASE keeps no spaces around a value
    if not text:
        return [None] * len(outs)
    if outs[0].labelled:
        text = (labels if labels is not None else labels_of(source)).get(text, text)
    if utf8_length(text) <= TEXT_BYTES:
        return [text] + [None] * (len(outs) - 1)
    chunks = utf8_chunks(text)
    if len(outs) == 1:
        return [chunks[0]]
    return [c if c else None for c in chunks[: len(outs)]] + [None] * (len(outs) - len(chunks))


def lost_bytes(plan: FieldPlan, source_name: str, value: Any) -> int:
    """How many bytes of a text value the plan cannot hold (truncated)."""
    if plan.sources[source_name].type != FieldType.TEXT or not value:
        return 0
    kept = sum(utf8_length(v) for v in export_values(plan, source_name, value) if v)
    labels = labels_of(plan.sources[source_name]) if plan.by_source[source_name][0].labelled else {}
    return max(0, utf8_length(labels.get(str(value), str(value))) - kept)


def value_labels(plan: FieldPlan) -> dict[str, list[tuple[str, str]]]:
    """Short name -> (code, Italian label) pairs, for the README (for every coded field, labelled or not)."""
    result: dict[str, list[tuple[str, str]]] = {}
    for name, source in plan.sources.items():
        if source.codes:
            result[plan.by_source[name][0].name] = sorted(labels_of(source).items())
    return result

