"""The package's LEGGIMI.txt (Italian) and README.txt (English): every file, the field name mapping, value labels,
CRS, feature counts, date, and the attribution and licence of every source layer.

The README is a document for contractors in both languages whatever the planner's UI language, so its fixed text is
written here in both; names and values come from the export's plan and verification.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from prato_smartcity_plugin.core.export.rules import KIND_SUFFIX, LABEL_LANGUAGE, Note, OutputField
from prato_smartcity_plugin.core.i18n import CONTEXT, translate_to
from prato_smartcity_plugin.core.interventions.schema import FIELDS_BY_NAME, FieldType, GeometryKind

README_FILES = {"it": "LEGGIMI.txt", "en": "README.txt"}

_TEXT = {
    "title": ("Pacchetto per le imprese — Prato Smart City", "Contractor package — Prato Smart City"),
    "created": ("Creato il", "Created on"),
    "crs": ("Sistema di riferimento (CRS) di tutti i file", "Coordinate reference system (CRS) of every file"),
    "encoding": ("Codifica dei testi: UTF-8 (file .cpg). Ogni shapefile è formato da .shp, .shx, .dbf, .prj, .cpg.",
                 "Text encoding: UTF-8 (.cpg file). Each shapefile is made of .shp, .shx, .dbf, .prj, .cpg."),
    "files": ("File", "Files"),
    "features": ("elementi", "features"),
    "from_layer": ("dal layer", "from layer"),
    "fields": ("Campi (nome nello shapefile = nome originale: descrizione, tipo)",
               "Fields (shapefile name = original name: description, type)"),
    "part": ("continuazione", "continued"),
    "labels": ("Valori codificati (codice = etichetta)", "Coded values (code = label)"),
    "notes": ("Note", "Notes"),
    "sources": ("Fonti, attribuzione e licenze", "Sources, attribution and licences"),
    "attribution": ("Attribuzione", "Attribution"),
    "licence": ("Licenza", "Licence"),
    "unknown": ("non indicata nei metadati del layer", "not stated in the layer's metadata"),
    "copies": ("Copie degli stessi dati", "Copies of the same data"),
    "gpkg": ("GeoPackage con i nomi dei campi originali", "GeoPackage with the original field names"),
    "dxf": ("DXF per CAD (solo geometrie, un layer per file)", "DXF for CAD (geometries only, one layer per file)"),
    "verified": ("Verifica: ogni file è stato riletto con GDAL/OGR (numero di elementi, validità delle geometrie, "
                 "CRS del .prj, valori degli attributi) prima della consegna.",
                 "Verification: every file was re-read with GDAL/OGR (feature counts, geometry validity, CRS of the "
                 ".prj, attribute values) before delivery."),
    "point": ("punti", "points"), "line": ("linee", "lines"), "polygon": ("poligoni", "polygons"),
}
_TYPES = {
    FieldType.TEXT: ("testo", "text"), FieldType.INTEGER: ("intero", "integer"), FieldType.REAL: ("decimale", "real"),
    FieldType.DATE: ("data", "date"), FieldType.DATETIME: ("data e ora", "date and time"),
}


@dataclass
class FileEntry:
    """One shapefile of the package (``stem`` without extension)."""

    stem: str
    layer: str
    kind: GeometryKind
    count: int
    fields: list[OutputField]


@dataclass
class SourceEntry:
    name: str
    count: int
    attribution: str = ""
    licence: str = ""


@dataclass
class PackageSummary:
    crs: str
    crs_name: str
    files: list[FileEntry]
    sources: list[SourceEntry]
    notes: list[Note] = field(default_factory=list)
    value_labels: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    copies: list[tuple[str, str]] = field(default_factory=list)  # (file name, "gpkg" | "dxf")
    created: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.timezone.utc).replace(microsecond=0))


def _t(key: str, language: str) -> str:
    italian, english = _TEXT[key]
    return italian if language == "it" else english


def field_description(name: str, language: str) -> str:
    """A schema field's label in ``language`` (Italian through the translations), or ``""`` for other fields."""
    spec = FIELDS_BY_NAME.get(name)
    if spec is None:
        return ""
    return translate_to(LABEL_LANGUAGE, CONTEXT, spec.label) if language == "it" else spec.label


def render(summary: PackageSummary, language: str) -> str:
    """The README text in ``language`` (``"it"`` or ``"en"``)."""
    i = 0 if language == "it" else 1
    lines = [_t("title", language), "=" * len(_t("title", language)), ""]
    lines.append(f"{_t('created', language)}: {summary.created.strftime('%Y-%m-%d %H:%M')} UTC")
    lines.append(f"{_t('crs', language)}: {summary.crs} — {summary.crs_name}")
    lines.append(_t("encoding", language))
    lines += ["", _t("files", language), "-" * len(_t("files", language))]
    for entry in summary.files:
        lines.append(f"* {entry.stem}.shp — {entry.count} {_t('features', language)} ({_t(entry.kind.value, language)}"
                     f", {_t('from_layer', language)} \"{entry.layer}\")")
    for entry in summary.files:
        lines += ["", f"{entry.stem}.shp — {_t('fields', language)}:"]
        for out in entry.fields:
            description = field_description(out.source, language)
            kind = _TYPES[out.type][i]
            extra = f" ({_t('part', language)} {out.part + 1})" if out.part else ""
            text = f"  {out.name:<10} = {out.source}{extra}"
            text += f": {description}, {kind}" if description else f": {kind}"
            lines.append(text)
    if summary.value_labels:
        lines += ["", _t("labels", language), "-" * len(_t("labels", language))]
        for short, pairs in sorted(summary.value_labels.items()):
            lines.append(f"{short}:")
            lines += [f"  {code} = {label}" for code, label in pairs]
    if summary.copies:
        lines += ["", _t("copies", language), "-" * len(_t("copies", language))]
        lines += [f"* {name} — {_t(kind, language)}" for name, kind in summary.copies]
    if summary.notes:
        lines += ["", _t("notes", language), "-" * len(_t("notes", language))]
        seen = set()
        for note in summary.notes:
            text = note.text(language)
            if text not in seen:
                seen.add(text)
                lines.append(f"* {text}")
    lines += ["", _t("sources", language), "-" * len(_t("sources", language))]
    for source in summary.sources:
        lines.append(f"* \"{source.name}\": {source.count} {_t('features', language)}")
        lines.append(f"  {_t('attribution', language)}: {source.attribution or _t('unknown', language)}")
        lines.append(f"  {_t('licence', language)}: {source.licence or _t('unknown', language)}")
    lines += ["", _t("verified", language), ""]
    return "\n".join(lines)


def kind_name(kind: GeometryKind) -> str:
    return KIND_SUFFIX[kind]
