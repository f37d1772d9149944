"""Writes and verifies a contractor package with GDAL/OGR: shapefiles (one per layer and geometry kind), optional
GeoPackage and DXF copies, LEGGIMI.txt / README.txt, then the ZIP, only once every file has been re-read and checked.

The bulk of the rows goes through ``gdal.VectorTranslate`` with one SQL statement per file (renames, labels, date-time
text, reprojection all done in C, as fast as ``ogr2ogr``); the rows SQL cannot shape (text over 254 bytes,
multi-part points, mixed collections) are then written or patched one by one with the core's rules. The verification
recomputes every expected value with the core's rules (``rules.export_values``), independently of the SQL.
Sources are GeoPackage tables: a QGIS layer of another kind is first staged into a temporary GeoPackage
(:func:`source_from_layer`).
"""

from __future__ import annotations

import math
import os
import shutil
import tempfile
import threading
import uuid
import zipfile
from dataclasses import dataclass, field
from typing import Callable, Iterator, Sequence

from osgeo import gdal, ogr, osr

from prato_smartcity_plugin.adapters.gdal_errors import gdal_exceptions
from prato_smartcity_plugin.core.errors import CancelledError, ExportError, InputError
from prato_smartcity_plugin.core.export import readme
from prato_smartcity_plugin.core.export.rules import (
    COLLECTION_TYPES,
    KIND_TYPES,
    TEXT_BYTES,
    ExportOptions,
    FieldPlan,
    LongTextPolicy,
    Note,
    SourceField,
    export_values,
    file_stem,
    kind_of_type_name,
    labels_of,
    plan_fields,
    utf8_chunks,
    value_labels,
)
from prato_smartcity_plugin.core.i18n import translate
from prato_smartcity_plugin.core.interventions.schema import FieldType, GeometryKind
from prato_smartcity_plugin.core.log import get_logger

log = get_logger("export")


_OGR_TYPES = {
    ogr.OFTString: FieldType.TEXT, ogr.OFTInteger: FieldType.INTEGER, ogr.OFTInteger64: FieldType.INTEGER,
    ogr.OFTReal: FieldType.REAL, ogr.OFTDate: FieldType.DATE, ogr.OFTDateTime: FieldType.DATETIME,
    ogr.OFTTime: FieldType.TEXT,
}
_SHP_TYPES = {FieldType.TEXT: ogr.OFTString, FieldType.INTEGER: ogr.OFTInteger64, FieldType.REAL: ogr.OFTReal,
              FieldType.DATE: ogr.OFTDate}
_SHP_GEOMETRY = {GeometryKind.POINT: ogr.wkbPoint, GeometryKind.LINE: ogr.wkbMultiLineString,
                 GeometryKind.POLYGON: ogr.wkbMultiPolygon}
_SHP_NLT = {GeometryKind.POINT: "POINT", GeometryKind.LINE: "MULTILINESTRING", GeometryKind.POLYGON: "MULTIPOLYGON"}
_EXTENSIONS = (".shp", ".shx", ".dbf", ".prj", ".cpg")
_TYPE_COLUMN, _SINGLE_COLUMN = "prato_export_geometry_type", "prato_export_single_point"
_BYTES_COLUMN = "prato_export_geometry_bytes"
_IN_MEMORY_BYTES = 512 << 20  # a shapefile expected larger than this is written on disk directly
_LONG_SCHEMA, _VALUE_COLUMN, _PART_COLUMN = "prato_export_long_texts", "prato_export_value", "prato_export_part_"


def tr(text: str) -> str:
    return translate("PratoSmartCity", text)


@dataclass
class LayerSource:
    """A GeoPackage table to export, with the rows to take (``where``: SQLite syntax, ``""`` for all)."""

    name: str
    path: str
    table: str
    where: str = ""
    attribution: str = ""
    licence: str = ""


@dataclass
class FileReport:
    stem: str
    layer: str
    kind: GeometryKind
    count: int
    plan: FieldPlan
    checks: list[str] = field(default_factory=list)


@dataclass
class ExportReport:
    zip_path: str
    files: list[FileReport]
    notes: list[Note]
    verification: list[str]
    members: list[str]

    @property
    def warnings(self) -> list[Note]:
        return [n for n in self.notes if n.warning]

    def summary(self) -> str:
        """A few lines for the user: files, counts, notes and the verification."""
        lines = [tr("Package written and verified: {path}").format(path=self.zip_path)]
        lines += [f"{f.stem}.shp: {f.count}" for f in self.files]
        lines += [n.text() for n in self.notes]
        lines += self.verification
        return "\n".join(lines)


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _and(*clauses: str) -> str:
    parts = [f"({c})" for c in clauses if c]
    return " AND ".join(parts) if parts else "1"


class _Source:
    """An opened source table: its fields, geometry column, statistics and the plan of its fields."""

    def __init__(self, source: LayerSource, options: ExportOptions):
        self.source = source
        try:
            self.ds = gdal.OpenEx(source.path, gdal.OF_VECTOR)
            self.layer = self.ds.GetLayerByName(source.table)
        except RuntimeError as error:
            raise ExportError(tr("Cannot read the layer {name}.").format(name=source.name), str(error)) from error
        if self.layer is None:
            raise ExportError(tr("Cannot read the layer {name}.").format(name=source.name),
                              f"{source.path}: no table {source.table}")
        self.table = _quote(source.table)
        self.fid = _quote(self.layer.GetFIDColumn() or "fid")
        self.geom = _quote(self.layer.GetGeometryColumn() or "geom")
        self.notes: list[Note] = []
        self.fields: list[SourceField] = []
        definition = self.layer.GetLayerDefn()
        for i in range(definition.GetFieldCount()):
            fd = definition.GetFieldDefn(i)
            kind = _OGR_TYPES.get(fd.GetType())
            if kind is None:
                self.notes.append(Note.make("skipped_field", warning=True, layer=source.name, field=fd.GetName(),
                                            type=fd.GetTypeName()))
                continue
            self.fields.append(SourceField.of(fd.GetName(), kind))
        self.where = source.where
        if self._has_z_or_m():
            self.notes.append(Note.make("zm", layer=source.name))
        self._statistics(options)

    def _has_z_or_m(self) -> bool:
        geometry_type = self.layer.GetGeomType()
        if ogr.GT_HasZ(geometry_type) or ogr.GT_HasM(geometry_type):
            return True
        # A layer that allows Z/M without requiring it ("optional"): look at the geometries themselves.
        flags = self.query(f"SELECT z, m FROM gpkg_geometry_columns WHERE table_name = {_literal(self.source.table)}")
        if not flags or not any(flags[0]):
            return False
        result = self.ds.ExecuteSQL(f"SELECT {self.geom} FROM {self.table} WHERE {_and(self.where)}")
        try:
            return any(f.GetGeometryRef() is not None and (f.GetGeometryRef().Is3D() or f.GetGeometryRef().IsMeasured())
                       for f in result)
        finally:
            self.ds.ReleaseResultSet(result)

    def query(self, sql: str):
        """Rows of a native SQL query on the GeoPackage, as lists of values."""
        result = self.ds.ExecuteSQL(sql)
        try:
            return [[feature.GetField(i) for i in range(feature.GetFieldCount())] for feature in result]
        finally:
            self.ds.ReleaseResultSet(result)

    def _statistics(self, options: ExportOptions) -> None:
        """One read of every row (Arrow, in fid order): geometry types, text lengths, empty dates. The columns are
        kept: the long texts are patched and the file is verified from them, without reading the source again."""
        import numpy as np

        names = [f.name for f in self.fields]
        g = self.geom
        result = self.ds.ExecuteSQL(
            f"SELECT ST_GeometryType({g}) AS {_quote(_TYPE_COLUMN)}, (ST_MinX({g}) = ST_MaxX({g}) AND "
            f"ST_MinY({g}) = ST_MaxY({g})) AS {_quote(_SINGLE_COLUMN)}, length({g}) AS {_quote(_BYTES_COLUMN)}"
            + "".join(f", {_quote(n)}" for n in names)
            + f" FROM {self.table} WHERE {_and(self.where)} ORDER BY {self.fid}")
        try:
            self.arrays = _read_arrays(result, [_TYPE_COLUMN, _SINGLE_COLUMN, _BYTES_COLUMN] + names)
        finally:
            self.ds.ReleaseResultSet(result)
        type_values, type_nulls = self.arrays.pop(_TYPE_COLUMN)
        single_values, single_nulls = self.arrays.pop(_SINGLE_COLUMN)
        geometry_bytes, _ = self.arrays.pop(_BYTES_COLUMN)
        self.total = len(type_values)
        codes = {GeometryKind.POINT: 1, GeometryKind.LINE: 2, GeometryKind.POLYGON: 3}
        kinds = np.zeros(len(type_values), np.int8)
        for text in set(type_values[~type_nulls].tolist()):  # a few distinct names
            name = text.decode() if isinstance(text, bytes) else str(text)
            code = 4 if name.upper() in COLLECTION_TYPES else codes.get(kind_of_type_name(name), 0)
            if code:
                kinds[type_values == text] = code
        kinds[type_nulls] = 0
        single = np.asarray(single_values).astype(str) if single_values.dtype.kind == "S" else single_values
        single = (np.asarray(single, dtype=float) == 1) & ~single_nulls if len(single) else np.zeros(0, bool)
        multi_point = (kinds == 1) & ~single
        self.masks = {kind: (kinds == code) & ~multi_point if kind == GeometryKind.POINT else kinds == code
                      for kind, code in codes.items()}
        self.counts = {kind: int(mask.sum()) for kind, mask in self.masks.items() if mask.any()}
        self.geometry_bytes = {kind: int(np.asarray(geometry_bytes, float)[mask].sum()) if len(mask) else 0
                               for kind, mask in self.masks.items()}
        self.multi_points = int(multi_point.sum())
        self.collections = int((kinds == 4).sum())
        self.without_geometry = int((kinds == 0).sum())
        if self.without_geometry:
            self.notes.append(Note.make("no_geometry", warning=True, layer=self.source.name,
                                        count=self.without_geometry))
        self.max_bytes: dict[str, int] = {}
        self.lengths: dict[str, object] = {}
        max_chunks, truncated, null_dates = {}, {}, {}
        for f in self.fields:
            values, nulls = self.arrays[f.name]
            if f.type == FieldType.DATE and nulls.any():
                null_dates[f.name] = int(nulls.sum())
            if f.type != FieldType.TEXT:
                continue
            # NumPy's text columns are as wide as their longest value: only a column with long texts is measured
            # row by row.
            self.max_bytes[f.name] = values.itemsize if values.dtype.kind == "S" and len(values) else 0
            if self.max_bytes[f.name] == 1:
                self.max_bytes[f.name] = int((values != b"").any())
            if self.max_bytes[f.name] > TEXT_BYTES:
                lengths = _byte_lengths(values)
                lengths[nulls] = 0
                self.lengths[f.name] = lengths
                self.max_bytes[f.name] = int(lengths.max())
                long = lengths > TEXT_BYTES
                if long.any():
                    distinct = [v.decode("utf-8") for v in np.unique(values[long])]
                    max_chunks[f.name] = max(len(utf8_chunks(v)) for v in distinct)
                    truncated[f.name] = int(long.sum())
        self.long_fields = list(max_chunks)
        self.long_texts_path = ""
        self.plan = plan_fields(self.fields, options, self.max_bytes, max_chunks, truncated)
        names = self.plan.names()
        self.notes += [Note.make("null_dates", field=names[name], count=n) for name, n in null_dates.items()]
        self.labels = {name: labels_of(s) for name, s in self.plan.sources.items() if s.codes}

    def expected_bytes(self, kind: GeometryKind) -> int:
        """About how large the shapefile of ``kind`` will be (records and geometries)."""
        rows = self.counts.get(kind, 0) + (self.multi_points if kind == GeometryKind.POINT else 0)
        record = 1 + sum(out.width or 24 for out in self.plan.fields)
        return rows * (record + 60) + self.geometry_bytes.get(kind, 0)

    def kinds(self) -> list[GeometryKind]:
        """The kinds present, including those only reached through collections (known after the slow pass)."""
        kinds = set(self.counts)
        if self.multi_points:
            kinds.add(GeometryKind.POINT)
        if self.collections:
            kinds |= self._collection_kinds()
        return [k for k in (GeometryKind.POINT, GeometryKind.LINE, GeometryKind.POLYGON) if k in kinds]

    def _collection_clause(self) -> str:
        return f"ST_GeometryType({self.geom}) IN ({', '.join(_literal(t) for t in COLLECTION_TYPES)})"

    def fast_clause(self, kind: GeometryKind) -> str:
        clause = f"ST_GeometryType({self.geom}) IN ({', '.join(_literal(t) for t in KIND_TYPES[kind])})"
        if kind == GeometryKind.POINT:
            clause += (f" AND ST_MinX({self.geom}) = ST_MaxX({self.geom})"
                       f" AND ST_MinY({self.geom}) = ST_MaxY({self.geom})")
        return _and(self.where, clause)

    def slow_clause(self, kind: GeometryKind) -> str:
        """Rows written one by one: collections, and multi-part points (for the point file)."""
        clause = self._collection_clause()
        if kind == GeometryKind.POINT:
            clause += (f" OR (ST_GeometryType({self.geom}) = 'MULTIPOINT' AND NOT (ST_MinX({self.geom}) = "
                       f"ST_MaxX({self.geom}) AND ST_MinY({self.geom}) = ST_MaxY({self.geom})))")
        return _and(self.where, clause)

    def _collection_kinds(self) -> set[GeometryKind]:
        kinds = set()
        for geometry in self.slow_rows_geometries():
            for part in _parts(geometry):
                kind = kind_of_type_name(part.GetGeometryName())
                if kind is not None:
                    kinds.add(kind)
        return kinds

    def slow_rows_geometries(self):
        result = self.ds.ExecuteSQL(f"SELECT {self.geom} FROM {self.table} "
                                    f"WHERE {_and(self.where, self._collection_clause())}")
        try:
            return [f.GetGeometryRef().Clone() for f in result if f.GetGeometryRef() is not None]
        finally:
            self.ds.ReleaseResultSet(result)

    def attach_long_texts(self, path: str) -> None:
        """The pieces of the texts too long for one field, cut with the core's rules once per distinct value, in a
        SQLite file (``path``) attached to the source's connection: the bulk SQL joins them by value
        (:meth:`from_clause`), so no row is patched one by one afterwards."""
        if not self.long_fields:
            return
        import sqlite3

        import numpy as np

        connection = sqlite3.connect(path)
        try:
            for index, name in enumerate(self.long_fields):
                parts = len(self.plan.by_source[name])
                values, nulls = self.arrays[name]
                distinct = np.unique(values[(self.lengths[name] > TEXT_BYTES) & ~nulls])
                columns = ", ".join(f"{_PART_COLUMN}{part}" for part in range(parts))
                connection.execute(f"CREATE TABLE long_{index} ({_VALUE_COLUMN} TEXT PRIMARY KEY, {columns})")
                rows = ((text, *export_values(self.plan, name, text, self.labels.get(name)))
                        for text in (value.decode("utf-8") for value in distinct))
                connection.executemany(f"INSERT INTO long_{index} VALUES ({', '.join('?' * (parts + 1))})", rows)
            connection.commit()
        finally:
            connection.close()
        self.ds.ExecuteSQL(f"ATTACH DATABASE {_literal(path)} AS {_LONG_SCHEMA}")
        self.long_texts_path = path

    def detach_long_texts(self) -> None:
        if self.long_texts_path:
            self.ds.ExecuteSQL(f"DETACH DATABASE {_LONG_SCHEMA}")
            os.remove(self.long_texts_path)
            self.long_texts_path = ""

    def from_clause(self) -> str:
        joins = "".join(f" LEFT JOIN {_LONG_SCHEMA}.long_{index} AS long_{index} ON long_{index}.{_VALUE_COLUMN} = "
                        f"{self.table}.{_quote(name)}" for index, name in enumerate(self.long_fields))
        return self.table + joins

    def select_expressions(self) -> list[str]:
        """One SQL expression per output field, aliased to its short name (long texts: their pieces, joined)."""
        expressions = []
        for out in self.plan.fields:
            column = _quote(out.source)
            if out.source in self.long_fields:
                pieces = f"long_{self.long_fields.index(out.source)}"
                if out.part:
                    expressions.append(f"{pieces}.{_PART_COLUMN}{out.part} AS {_quote(out.name)}")
                    continue
            source_type = self.plan.sources[out.source].type
            if source_type == FieldType.DATETIME:
                expression = f"strftime('%Y-%m-%dT%H:%M:%SZ', {column})"
            elif source_type == FieldType.TEXT:
                expression = column
                if out.labelled and self.labels.get(out.source):
                    cases = " ".join(f"WHEN {_literal(k)} THEN {_literal(v)}"
                                     for k, v in self.labels[out.source].items())
                    expression = f"CASE {column} {cases} ELSE {column} END"
                if out.source in self.long_fields:
                    expression = (f"CASE WHEN {pieces}.{_VALUE_COLUMN} IS NOT NULL THEN {pieces}.{_PART_COLUMN}0 "
                                  f"WHEN length(CAST({column} AS BLOB)) <= {TEXT_BYTES} THEN {expression} END")
            else:
                expression = column
            expressions.append(f"{expression} AS {_quote(out.name)}")
        return expressions


def _parts(geometry) -> list:
    """The single parts of a geometry (a collection's members, recursively; a multi-geometry's parts)."""
    name = geometry.GetGeometryName().upper()
    if name.startswith("MULTI") or name == "GEOMETRYCOLLECTION":
        parts = []
        for i in range(geometry.GetGeometryCount()):
            parts.extend(_parts(geometry.GetGeometryRef(i)))
        return parts
    return [geometry]


def _target_srs(crs: str) -> osr.SpatialReference:
    srs = osr.SpatialReference()
    try:
        srs.SetFromUserInput(crs)
    except RuntimeError as error:
        raise InputError(tr("{crs} is not a coordinate reference system that can be used.").format(crs=crs),
                         str(error)) from error
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def epsg_of_prj(path: str) -> str | None:
    """The EPSG code a .prj (a real or ``/vsimem`` file) identifies to (as a GIS reading it would), or ``None``."""
    text = _text(path)
    srs = osr.SpatialReference()
    with gdal_exceptions():
        try:
            srs.SetFromUserInput(text)
        except RuntimeError:
            return None
        if _auto_identify(srs):
            return srs.GetAuthorityCode(None)
        try:
            matches = srs.FindMatches() or []
        except RuntimeError:
            matches = []
    best = [m for m in matches if m[1] >= 90]
    return best[0][0].GetAuthorityCode(None) if best else None


def _auto_identify(srs: osr.SpatialReference) -> bool:
    """Whether ``srs`` identifies to an EPSG code by itself (an ESRI .prj usually does not: FindMatches does)."""
    try:
        return srs.AutoIdentifyEPSG() == 0 and bool(srs.GetAuthorityCode(None))
    except RuntimeError:
        return False


def _expected_epsg(crs: str) -> str:
    srs = _target_srs(crs)
    if srs.GetAuthorityName(None) == "EPSG" and srs.GetAuthorityCode(None):
        return srs.GetAuthorityCode(None)
    return srs.GetAuthorityCode(None) if _auto_identify(srs) else ""


def _read_arrays(layer, names: Sequence[str], geometry: str = "") -> dict[str, tuple]:
    """Every row of ``layer`` (a layer or an SQL result) through the Arrow stream: name -> (values, nulls), NumPy
    arrays (text as bytes, dates as datetime64); the geometry column ``geometry`` too when named (WKB)."""
    import numpy as np

    names = list(names) + ([geometry] if geometry else [])
    parts: dict[str, list] = {n: [] for n in names}
    lowered = None
    for batch in layer.GetArrowStreamAsNumPy(options=["INCLUDE_FID=NO"]):
        if lowered is None:
            lowered = {k.lower(): k for k in batch.keys()}
        for name in names:
            column = batch[lowered[name.lower()]]
            nulls = np.ma.getmaskarray(column) if isinstance(column, np.ma.MaskedArray) else np.zeros(len(column), bool)
            values = np.asarray(column.data if isinstance(column, np.ma.MaskedArray) else column)
            if values.dtype == object and name != geometry:
                values, nulls = _as_bytes(values, nulls)
            parts[name].append((values, nulls))
    result = {}
    for name, chunks in parts.items():
        if chunks:
            result[name] = (np.concatenate([c[0] for c in chunks]), np.concatenate([c[1] for c in chunks]))
        else:
            result[name] = (np.array([]), np.array([], bool))
    return result


def _as_bytes(values, nulls):
    """A text column NumPy gives as Python objects (GDAL >= 3.7 does so when its lengths vary a lot) as UTF-8 bytes,
    the form every other text column has here."""
    import numpy as np

    nulls = nulls | np.fromiter((v is None for v in values), bool, len(values))
    encoded = [v.encode("utf-8") if isinstance(v, str) else bytes(v or b"") for v in values]
    return (np.array(encoded, dtype="S") if encoded else np.zeros(0, "S1")), nulls


def _in_parallel(first: Callable[[], object], second: Callable[[], object]) -> tuple:
    """``first()`` here while ``second()`` runs in a worker thread (GDAL reads without holding the GIL): both
    results; an error of either is raised."""
    outcome: dict[str, object] = {}

    def work() -> None:
        try:
            with gdal_exceptions():  # a per-thread setting in recent GDAL
                outcome["value"] = second()
        except BaseException as error:  # noqa: BLE001 - raised again below, in the caller's thread
            outcome["error"] = error

    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    try:
        mine = first()
    finally:
        worker.join()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return mine, outcome["value"]


def _read_shapefile(path: str, layer, names: Sequence[str]) -> dict[str, tuple]:
    """Every row of the shapefile ``layer`` (opened from ``path``): the geometry (``wkb_geometry``) and ``names``,
    read in two halves at once, the second through its own handle."""
    half = (len(names) + 1) // 2
    first, second = list(names[:half]), list(names[half:])

    def read_first() -> dict[str, tuple]:
        layer.SetIgnoredFields(second)
        try:
            return _read_arrays(layer, first, geometry="wkb_geometry")
        finally:
            layer.SetIgnoredFields([])

    def read_second() -> dict[str, tuple]:
        ds = gdal.OpenEx(path, gdal.OF_VECTOR, open_options=["ENCODING=UTF-8"])
        other = ds.GetLayer()
        other.SetIgnoredFields(first + ["OGR_GEOMETRY"])
        return _read_arrays(other, second)

    if not second:
        return read_first()
    columns, more = _in_parallel(read_first, read_second)
    columns.update(more)  # type: ignore[union-attr]
    return columns  # type: ignore[return-value]


def _blocks(path: str, size: int = 16 << 20) -> Iterator[bytes]:
    """The bytes of a file, real or GDAL virtual (``/vsimem/...``), in blocks."""
    handle = gdal.VSIFOpenL(path, "rb")
    if handle is None:
        raise ExportError(tr("{file} is missing.").format(file=os.path.basename(path)), path)
    try:
        while True:
            block = gdal.VSIFReadL(1, size, handle)
            if not block:
                return
            yield block
    finally:
        gdal.VSIFCloseL(handle)


def _text(path: str) -> str:
    """A small text file, real or GDAL virtual (ASCII: .prj, .cpg)."""
    return b"".join(_blocks(path)).decode("ascii", errors="replace")


def _file_size(path: str) -> int | None:
    """Size of a real or GDAL virtual file, ``None`` when there is none."""
    stat = gdal.VSIStatL(path)
    return None if stat is None else stat.size


def _item(values, nulls, row: int, kind: FieldType):
    """One value of an array column as Python (the form the core's rules take)."""
    if nulls[row]:
        return None
    value = values[row]
    if kind == FieldType.DATETIME:
        return value.astype("datetime64[s]").item()
    if kind == FieldType.DATE:
        return value.astype("datetime64[D]").item()
    value = value.item()
    if isinstance(value, bytes):
        value = value.decode("utf-8")
        return value or None
    return value


def _byte_lengths(values):
    """UTF-8 byte length of each value of a text column (NumPy ``S``: shorter values are padded with zero bytes)."""
    import numpy as np

    if values.dtype.kind != "S" or not len(values):
        return np.zeros(len(values), np.int64)
    return np.char.str_len(values).astype(np.int64)


def _invalid_points(wkb) -> int | None:
    """Points that are null or not finite, from their WKB column (``None`` when the column is not plain 2D points:
    then ask GEOS)."""
    import numpy as np

    values, nulls = wkb
    if values.dtype.kind != "V" or values.dtype.itemsize != 21:
        return None
    raw = np.frombuffer(values.tobytes(), np.uint8).reshape(-1, 21)
    if len(raw) and (raw[:, 0] != 1).any():
        return None  # not little-endian WKB
    xy = np.ascontiguousarray(raw[:, 5:21]).view("<f8")
    return int(nulls.sum() + (~np.isfinite(xy).all(axis=1) & ~nulls).sum())


def _same(a, b) -> bool:
    if a == b:
        return True
    if isinstance(a, float) and isinstance(b, (int, float)) and b is not None:
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-8)
    return False


def _guess(plan: FieldPlan, labels: dict | None, out, values, nulls):
    """The expected column, vectorised for the common cases (a row where it differs from the file is then checked
    with the core's rules one by one): (values, nulls)."""
    import numpy as np

    kind = plan.sources[out.source].type
    if out.part:
        return np.zeros(len(values), "S1"), np.ones(len(values), bool)
    if kind == FieldType.DATETIME:
        text = np.datetime_as_string(values.astype("datetime64[s]"), unit="s").astype("S19")
        stamped = np.full((len(text), 20), ord("Z"), np.uint8)
        stamped[:, :19] = np.frombuffer(text.tobytes(), np.uint8).reshape(-1, 19)
        return stamped.view("S20").ravel(), nulls
    if kind == FieldType.TEXT:
        if out.labelled and labels and len(values):
            codes = sorted(code.encode("utf-8") for code in labels)
            keys = np.array(codes)
            texts = np.array([labels[code.decode("utf-8")].encode("utf-8") for code in codes])
            index = np.searchsorted(keys, values).clip(max=len(keys) - 1)
            values = np.where(keys[index] == values, texts[index], values)
        return values, nulls | (values == b"")
    return values, nulls


def _equal(actual, expected, kind: FieldType):
    import numpy as np

    (a, a_null), (e, e_null) = actual, expected
    if kind == FieldType.REAL:
        same = np.isclose(a.astype(float), e.astype(float), rtol=1e-9, atol=1e-8)
    elif a.dtype.kind == "S" and e.dtype.kind == "S":
        same = a == e
    else:
        try:
            same = np.asarray(a == e, bool)
        except (TypeError, ValueError):
            same = np.zeros(len(a), bool)
        if same.shape != a_null.shape:
            same = np.zeros(len(a), bool)
    return (same & ~a_null & ~e_null) | (a_null & e_null)


class PackageWriter:
    """One export: ``write()`` builds, verifies and zips the package, or raises a :class:`PratoError`."""

    def __init__(self, sources: Sequence[LayerSource], options: ExportOptions, zip_path: str,
                 progress: Callable[[float, str], None] | None = None, cancelled: Callable[[], bool] | None = None):
        self.sources = list(sources)
        self.options = options
        self.zip_path = zip_path
        self.progress = progress or (lambda fraction, message: None)
        self.cancelled = cancelled or (lambda: False)
        self.srs = _target_srs(options.crs)
        self.epsg = _expected_epsg(options.crs)
        #: where the shapefiles are written, verified and zipped from (GDAL's memory files), emptied by write()
        self.memory = f"/vsimem/prato-export-{uuid.uuid4().hex}"

    def _check_cancel(self) -> None:
        if self.cancelled():
            raise CancelledError(tr("Export cancelled."))

    def write(self) -> ExportReport:
        if not self.sources:
            raise InputError(tr("Choose at least one layer to export."))
        folder = tempfile.mkdtemp(prefix="prato-export-", dir=os.path.dirname(os.path.abspath(self.zip_path)) or None)
        try:
            return self._write(folder, self.memory)
        finally:
            for name in gdal.ReadDir(self.memory) or []:
                gdal.Unlink(f"{self.memory}/{name}")
            shutil.rmtree(folder, ignore_errors=True)

    def _write(self, folder: str, memory: str) -> ExportReport:
        self.progress(0.02, tr("Reading the layers"))
        opened = [_Source(s, self.options) for s in self.sources]
        if sum(s.total for s in opened) == 0:
            raise InputError(tr("Nothing to export: the chosen layers have no features (or none is selected)."))
        if all(s.total == s.without_geometry for s in opened):
            raise InputError(tr("Nothing to export: no chosen feature has a geometry."))
        jobs = [(s, kind) for s in opened for kind in s.kinds()]
        # The shapefiles are written, verified and zipped in memory (/vsimem): the shapefile driver writes every
        # record with several small system calls, which cost a third of the writing. Files too large for memory
        # go to the temporary folder.
        data = memory if sum(s.expected_bytes(kind) for s, kind in jobs) <= _IN_MEMORY_BYTES else folder
        try:
            for index, src in enumerate(opened):
                src.attach_long_texts(os.path.join(folder, f"long_texts_{index}.sqlite"))
            files, expected = self._write_files(data, jobs)
        finally:
            for src in opened:
                src.detach_long_texts()
        notes = [n for s in opened for n in s.notes + s.plan.notes]
        for src in opened:
            if src.multi_points:
                notes.append(Note.make("exploded", layer=src.source.name, count=src.multi_points))
            if src.collections:
                notes.append(Note.make("collection", layer=src.source.name, count=src.collections))
        copies = self._write_copies(folder, data, opened, files)
        # The data files are compressed on another core while they are verified; the ZIP only takes its name
        # once the verification has passed (a failed one removes it).
        members = [(name, f"{data}/{name}") for name in gdal.ReadDir(data) or [] if name not in (".", "..")]
        if data != folder:
            members += [(name, os.path.join(folder, name)) for name in os.listdir(folder)]
        zipper = _Zipper(self.zip_path + ".part", sorted(members))
        zipper.start()
        try:
            verification = []
            for index, report in enumerate(files):
                self._check_cancel()
                self.progress(0.6 + 0.3 * index / len(files),
                              tr("Verifying {file}").format(file=f"{report.stem}.shp"))
                src, kind, slow_values = expected[report.stem]
                verification.extend(self._verify(data, report, src, kind, slow_values, notes))
        except BaseException:
            zipper.join()
            zipper.discard()
            raise
        summary = readme.PackageSummary(
            crs=f"EPSG:{self.epsg}" if self.epsg else self.options.crs, crs_name=self.srs.GetName() or "",
            files=[readme.FileEntry(f.stem, f.layer, f.kind, f.count, f.plan.fields) for f in files],
            sources=[readme.SourceEntry(s.source.name, s.total, s.source.attribution, s.source.licence)
                     for s in opened],
            notes=notes, value_labels={k: v for p in {id(s.plan): s.plan for s in opened}.values()
                                       for k, v in value_labels(p).items()},
            copies=copies)
        for language, name in readme.README_FILES.items():
            with open(os.path.join(folder, name), "w", encoding="utf-8", newline="\r\n") as handle:
                handle.write(readme.render(summary, language))
        self.progress(0.95, tr("Writing the ZIP"))
        members = zipper.finish([(name, os.path.join(folder, name)) for name in readme.README_FILES.values()],
                                self.zip_path)
        log.info("Contractor package %s: %s", self.zip_path, ", ".join(f"{f.stem} {f.count}" for f in files))
        return ExportReport(self.zip_path, files, notes, verification, members)

    # --- writing ---------------------------------------------------------------------------------------------

    def _write_files(self, folder: str, jobs: list[tuple[_Source, GeometryKind]]):
        files: list[FileReport] = []
        expected: dict[str, tuple[_Source, GeometryKind, list]] = {}
        used_stems: set[str] = set()
        for index, (src, kind) in enumerate(jobs):
            self._check_cancel()
            stem = file_stem(src.source.name, kind, len(src.kinds()))
            while stem.lower() in used_stems:
                stem += "_2"
            used_stems.add(stem.lower())
            self.progress(0.05 + 0.5 * index / len(jobs), tr("Writing {file}").format(file=f"{stem}.shp"))
            slow_values = self._write_shapefile(folder, stem, src, kind)
            written = ogr.Open(f"{folder}/{stem}.shp")
            count = written.GetLayer().GetFeatureCount()
            written = None
            files.append(FileReport(stem, src.source.name, kind, count, src.plan))
            expected[stem] = (src, kind, slow_values)
        return files, expected

    def _create_shapefile(self, path: str, plan: FieldPlan, kind: GeometryKind) -> None:
        driver = ogr.GetDriverByName("ESRI Shapefile")
        ds = driver.CreateDataSource(path)
        layer = ds.CreateLayer(os.path.splitext(os.path.basename(path))[0], self.srs, _SHP_GEOMETRY[kind],
                               ["ENCODING=UTF-8"])
        for out in plan.fields:
            definition = ogr.FieldDefn(out.name, _SHP_TYPES[out.type])
            if out.width:
                definition.SetWidth(out.width)
            if out.precision:
                definition.SetPrecision(out.precision)
            layer.CreateField(definition)
        ds = None

    def _write_shapefile(self, folder: str, stem: str, src: _Source, kind: GeometryKind) -> list:
        """Write one file: the bulk with one SQL statement, then the rows SQL cannot shape. Returns the values of the
        rows written one by one (in file order, after the bulk)."""
        path = f"{folder}/{stem}.shp"
        self._create_shapefile(path, src.plan, kind)
        sql = (f"SELECT {src.geom}, {', '.join(src.select_expressions())} FROM {src.from_clause()} "
               f"WHERE {src.fast_clause(kind)} ORDER BY {src.table}.{src.fid}")
        try:
            gdal.VectorTranslate(path, src.ds, options=gdal.VectorTranslateOptions(
                accessMode="append", SQLStatement=sql, dstSRS=self.srs, layerName=stem,
                geometryType=_SHP_NLT[kind], options=["-dim", "XY"]))
        except RuntimeError as error:
            raise ExportError(tr("Could not write {file}.").format(file=f"{stem}.shp"), f"{sql}\n{error}") from error
        if not src.collections and not (kind == GeometryKind.POINT and src.multi_points):
            return []
        ds = ogr.Open(path, 1)
        try:
            return self._write_slow_rows(ds.GetLayer(), src, kind)
        finally:
            ds = None

    def _write_slow_rows(self, layer, src: _Source, kind: GeometryKind) -> list:
        plan = src.plan
        names = [s.name for s in src.fields]
        result = src.ds.ExecuteSQL(f"SELECT {src.geom}, {', '.join(_quote(n) for n in names)} FROM {src.table} "
                                   f"WHERE {src.slow_clause(kind)} ORDER BY {src.fid}")
        source_srs = src.layer.GetSpatialRef()
        transform = None
        if source_srs is not None:
            source_srs = source_srs.Clone()
            source_srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
            transform = osr.CoordinateTransformation(source_srs, self.srs)
        written = []
        definition = layer.GetLayerDefn()
        try:
            for row in result:
                geometry = row.GetGeometryRef()
                if geometry is None:
                    continue
                values = []
                for i, name in enumerate(names):
                    values.extend(export_values(plan, name, _ogr_value(row, i, plan.sources[name].type),
                                                src.labels.get(name)))
                for part in _parts(geometry):
                    if kind_of_type_name(part.GetGeometryName()) != kind:
                        continue
                    part = ogr.ForceTo(part.Clone(), _SHP_GEOMETRY[kind])
                    part.FlattenTo2D()
                    if transform is not None:
                        part.Transform(transform)
                    feature = ogr.Feature(definition)
                    for out, value in zip(plan.fields, values):
                        if value is None:
                            feature.SetFieldNull(out.name)
                        elif out.type == FieldType.DATE:
                            feature.SetField(out.name, value.year, value.month, value.day, 0, 0, 0, 0)
                        else:
                            feature.SetField(out.name, value)
                    feature.SetGeometry(part)
                    layer.CreateFeature(feature)
                    written.append(values)
        finally:
            src.ds.ReleaseResultSet(result)
        return written

    def _write_copies(self, folder: str, data: str, opened: list[_Source],
                      files: list[FileReport]) -> list[tuple[str, str]]:
        copies = []
        if self.options.gpkg_copy:
            name = "package.gpkg"
            for src in opened:
                columns = ", ".join([src.geom] + [_quote(f.name) for f in src.fields])
                gdal.VectorTranslate(os.path.join(folder, name), src.ds, options=gdal.VectorTranslateOptions(
                    format="GPKG", accessMode="append" if os.path.exists(os.path.join(folder, name)) else None,
                    SQLStatement=f"SELECT {columns} FROM {src.table} WHERE {_and(src.where)} ORDER BY {src.fid}",
                    dstSRS=self.srs, layerName=src.source.name))
            copies.append((name, "gpkg"))
        if self.options.dxf_copy:
            for report in files:
                name = f"{report.stem}.dxf"
                gdal.VectorTranslate(os.path.join(folder, name), f"{data}/{report.stem}.shp",
                                     options=gdal.VectorTranslateOptions(format="DXF"))
                copies.append((name, "dxf"))
        return copies

    # --- verification ----------------------------------------------------------------------------------------

    def _verify(self, folder: str, report: FileReport, src: _Source, kind: GeometryKind, slow_values: list,
                notes: list[Note]) -> list[str]:
        path = f"{folder}/{report.stem}.shp"
        name = f"{report.stem}.shp"
        problems = []
        for extension in _EXTENSIONS:
            if _file_size(f"{folder}/{report.stem}{extension}") is None:
                problems.append(tr("{file} is missing.").format(file=report.stem + extension))
        if problems:
            raise ExportError(tr("The package did not verify: {problem}").format(problem=problems[0]),
                              "\n".join(problems))
        if _text(f"{folder}/{report.stem}.cpg").strip().upper() not in ("UTF-8", "UTF8"):
            problems.append(tr("{file}: the .cpg does not declare UTF-8.").format(file=name))
        epsg = epsg_of_prj(f"{folder}/{report.stem}.prj")
        if self.epsg and epsg != self.epsg:
            problems.append(tr("{file}: the .prj identifies as EPSG:{found}, not EPSG:{expected}.").format(
                file=name, found=epsg, expected=self.epsg))
        ds = gdal.OpenEx(path, gdal.OF_VECTOR, open_options=["ENCODING=UTF-8"])
        layer = ds.GetLayer()
        plan = src.plan
        fast_rows = src.counts.get(kind, 0)  # the rows of the fast clause, counted by the statistics
        expected_count = fast_rows + len(slow_values)
        if layer.GetFeatureCount() != expected_count:
            problems.append(tr("{file}: {found} features instead of {expected}.").format(
                file=name, found=layer.GetFeatureCount(), expected=expected_count))
        # Attribute values: the file's against the core's rules applied to the source.
        mask = src.masks[kind]
        every_row = bool(mask.all())  # the usual case: no copy of the columns
        source_columns = {name: (values, nulls) if every_row else (values[mask], nulls[mask])
                          for name, (values, nulls) in src.arrays.items()}
        written = _read_shapefile(path, layer, [o.name for o in plan.fields])
        invalid = None
        if kind == GeometryKind.POINT:
            invalid = _invalid_points(written["wkb_geometry"])
        if invalid is None:
            invalid = self._invalid_geometries(ds, report.stem)
        if invalid:
            source_invalid = self._invalid_in_source(src, kind)
            if invalid > source_invalid:
                problems.append(tr("{file}: {n} geometries are empty or invalid.").format(file=name, n=invalid))
            else:
                notes.append(Note.make("invalid_source", warning=True, file=name, count=invalid))
        mismatches = []
        rule_cache: dict = {}
        for index, out in enumerate(plan.fields):
            source_kind = plan.sources[out.source].type
            values, nulls = source_columns[out.source]
            actual_values, actual_nulls = written[out.name]
            head = (actual_values[:fast_rows], actual_nulls[:fast_rows])
            if len(head[0]) != len(values):
                continue  # the count check above already failed
            same = _equal(head, _guess(plan, src.labels.get(out.source), out, values, nulls), out.type
                          if out.type != FieldType.TEXT else FieldType.TEXT)
            suspects = [int(i) for i in (~same).nonzero()[0]]
            suspects += list(range(fast_rows, len(actual_values)))
            for row in suspects:
                actual = _item(actual_values, actual_nulls, row, out.type)
                if row < fast_rows:
                    value = _item(values, nulls, row, source_kind)
                    key = (out.source, value)
                    if key not in rule_cache:
                        rule_cache[key] = export_values(plan, out.source, value, src.labels.get(out.source))
                    expected = rule_cache[key][out.part]
                else:
                    expected = slow_values[row - fast_rows][index]
                if not _same(actual, expected):
                    mismatches.append(f"{name} row {row} {out.name}: {actual!r} != {expected!r}")
                    break
        if mismatches:
            problems.append(tr("{file}: {n} fields differ from the source.").format(file=name, n=len(mismatches)))
        if problems:
            raise ExportError(tr("The package did not verify: {problem}").format(problem=problems[0]),
                              "\n".join(problems + mismatches))
        return [tr("{file}: {n} features, CRS EPSG:{epsg}, UTF-8, geometries valid, {fields} fields equal to the "
                   "source.").format(file=name, n=expected_count, epsg=epsg, fields=len(plan.fields))]

    def _invalid_geometries(self, ds, stem: str) -> int:
        try:
            result = ds.ExecuteSQL(f"SELECT count(*) FROM {_quote(stem)} WHERE geometry IS NULL OR "
                                   f"NOT ST_IsValid(geometry)", dialect="SQLITE")
        except RuntimeError:
            result = None
        if result is not None:
            try:
                return int(result.GetNextFeature().GetField(0))
            finally:
                ds.ReleaseResultSet(result)
        layer = ds.GetLayer()
        layer.ResetReading()
        return sum(1 for f in layer if f.GetGeometryRef() is None or not f.GetGeometryRef().IsValid())

    def _invalid_in_source(self, src: _Source, kind: GeometryKind) -> int:
        types = ", ".join(_literal(t) for t in KIND_TYPES[kind] + COLLECTION_TYPES)
        result = src.ds.ExecuteSQL(f"SELECT {src.geom} FROM {src.table} WHERE "
                                   f"{_and(src.where, f'ST_GeometryType({src.geom}) IN ({types})')}")
        try:
            return sum(1 for f in result if f.GetGeometryRef() is not None and not f.GetGeometryRef().IsValid())
        finally:
            src.ds.ReleaseResultSet(result)


class _Zipper(threading.Thread):
    """Writes the ZIP of ``members`` ((name in the ZIP, path: real or ``/vsimem``)) in the background (zlib releases
    the GIL)."""

    def __init__(self, partial: str, members: list[tuple[str, str]]):
        super().__init__(daemon=True)
        self.partial, self.members = partial, members
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            with gdal_exceptions():  # a per-thread setting in recent GDAL
                self._add("w", self.members)
        except BaseException as error:  # noqa: BLE001 - reported by finish()
            self.error = error

    def _add(self, mode: str, members: list[tuple[str, str]]) -> None:
        with zipfile.ZipFile(self.partial, mode, zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
            for name, path in members:  # a name, not a ZipInfo: the archive's compression level applies
                with archive.open(name, "w", force_zip64=(_file_size(path) or 0) > 0x7FFFFFFF) as out:
                    for block in _blocks(path):
                        out.write(block)

    def discard(self) -> None:
        if os.path.exists(self.partial):
            os.remove(self.partial)

    def finish(self, more: list[tuple[str, str]], target: str) -> list[str]:
        """Add ``more`` (written after the verification), check every member is there whole, take ``target``."""
        self.join()
        try:
            if self.error is not None:
                raise ExportError(tr("The ZIP could not be written."), str(self.error)) from self.error
            self._add("a", more)
            expected = {name: _file_size(path) for name, path in self.members + more}
            with zipfile.ZipFile(self.partial) as archive:
                sizes = {i.filename: i.file_size for i in archive.infolist()}
            wrong = [name for name, size in expected.items() if sizes.get(name) != size]
            if wrong or len(sizes) != len(expected):
                raise ExportError(tr("The ZIP could not be written correctly."), f"members: {wrong or sorted(sizes)}")
            os.replace(self.partial, target)
            return sorted(expected)
        except BaseException:
            self.discard()
            raise


def _ogr_value(feature, index: int, kind: FieldType):
    import datetime as dt

    if not feature.IsFieldSetAndNotNull(index):
        return None
    if kind == FieldType.DATE:
        year, month, day, *_ = feature.GetFieldAsDateTime(index)
        return dt.date(year, month, day)
    if kind == FieldType.DATETIME:
        year, month, day, hour, minute, second, tz = feature.GetFieldAsDateTime(index)
        value = dt.datetime(year, month, day, hour, minute, int(second))
        if tz > 1:  # OGR: 100 = UTC, each step 15 minutes
            value = (value - dt.timedelta(minutes=(tz - 100) * 15)).replace(tzinfo=dt.timezone.utc)
        return value
    return feature.GetField(index)


def export_package(sources: Sequence[LayerSource], options: ExportOptions, zip_path: str,
                   progress: Callable[[float, str], None] | None = None,
                   cancelled: Callable[[], bool] | None = None) -> ExportReport:
    """Write, verify and zip a contractor package (see :class:`PackageWriter`)."""
    if options.long_text not in (LongTextPolicy.SPLIT, LongTextPolicy.TRUNCATE):
        raise InputError(tr("Unknown long text policy."))
    with gdal_exceptions():
        return PackageWriter(sources, options, zip_path, progress, cancelled).write()
