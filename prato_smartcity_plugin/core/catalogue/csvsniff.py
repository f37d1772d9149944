"""CSV resources as the portals publish them: ``,`` or ``;`` separators, decimal commas, UTF-8 / Latin-1 /
Windows-1252, coordinates in lon/lat or X/Y columns (or a WKT column), in EPSG:4326 or EPSG:3003. :func:`sniff_csv`
says how to read a file; :func:`guess_crs` names the CRS that coordinate ranges reveal (``None``: ask the user)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from prato_smartcity_plugin.core.errors import DataFormatError
from prato_smartcity_plugin.core.i18n import translate

SAMPLE_BYTES = 1024 * 1024
X_NAMES = ("lon", "lng", "long", "longitude", "longitudine", "x", "x_coord", "xcoord", "coord_x", "coordx", "est",
           "east", "easting", "x_gb", "x_wgs84")
Y_NAMES = ("lat", "latitude", "latitudine", "y", "y_coord", "ycoord", "coord_y", "coordy", "nord", "north",
           "northing", "y_gb", "y_wgs84")
WKT_NAMES = ("wkt", "geom", "geometry", "the_geom", "geometria")
WKT_PREFIXES = ("POINT", "MULTIPOINT", "LINESTRING", "MULTILINESTRING", "POLYGON", "MULTIPOLYGON")

#: (authid, xmin, xmax, ymin, ymax): ranges that identify a CRS around Italy without doubt
CRS_RANGES = (
    ("EPSG:4326", 6.0, 19.0, 35.0, 48.0),
    ("EPSG:3003", 1_290_000.0, 1_800_000.0, 3_900_000.0, 5_250_000.0),
    ("EPSG:6707", 150_000.0, 1_000_000.0, 3_900_000.0, 5_300_000.0),
)


def tr(text: str) -> str:
    return translate("PratoSmartCity", text)


@dataclass
class CsvLayout:
    encoding: str  # a name QGIS and Python both know: UTF-8, ISO-8859-1, windows-1252
    delimiter: str
    decimal_comma: bool
    fields: list = field(default_factory=list)
    x_field: str = ""
    y_field: str = ""
    wkt_field: str = ""
    crs: str | None = None  # None with coordinates: nothing tells, ask the user

    @property
    def has_geometry(self) -> bool:
        return bool(self.wkt_field or (self.x_field and self.y_field))


def detect_encoding(sample: bytes) -> str:
    if sample.startswith(b"\xef\xbb\xbf"):
        return "UTF-8"
    try:
        sample.decode("utf-8")
        return "UTF-8"
    except UnicodeDecodeError as error:
        if error.start >= len(sample) - 4:  # a character cut by the sample's end
            try:
                sample[: error.start].decode("utf-8")
                return "UTF-8"
            except UnicodeDecodeError:
                pass
    # bytes 0x80-0x9f are printable in Windows-1252 (€, ’, “ ...) and control codes in Latin-1
    if any(0x80 <= b <= 0x9F for b in sample):
        try:
            sample.decode("cp1252")
            return "windows-1252"
        except UnicodeDecodeError:
            pass
    return "ISO-8859-1"


def _python_codec(encoding: str) -> str:
    return {"UTF-8": "utf-8-sig", "windows-1252": "cp1252", "ISO-8859-1": "latin-1"}.get(encoding, encoding)


def parse_number(text: str, decimal_comma: bool) -> float | None:
    text = (text or "").strip()
    if not text:
        return None
    if decimal_comma:
        text = text.replace(".", "").replace(",", ".") if text.count(",") == 1 else text.replace(",", ".")
    try:
        return float(text)
    except ValueError:
        return None


def sniff_csv(path: str) -> CsvLayout:
    """How to read the CSV at ``path``. Raises :class:`DataFormatError` for files that are not delimited text."""
    with open(path, "rb") as handle:
        sample = handle.read(SAMPLE_BYTES)
    if not sample.strip():
        raise DataFormatError(tr("The resource is an empty file."), path)
    encoding = detect_encoding(sample)
    text = sample.decode(_python_codec(encoding), "replace")
    lines = text.splitlines()
    if len(sample) == SAMPLE_BYTES and len(lines) > 1:
        lines = lines[:-1]  # the last line may be cut
    header = lines[0] if lines else ""
    counts = {d: header.count(d) for d in (";", ",", "\t", "|")}
    delimiter = max(counts, key=lambda d: (counts[d], d == ";"))
    if counts[delimiter] == 0:
        raise DataFormatError(tr("The resource is not a CSV table: no column separator was found."), path)
    rows = list(csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter))
    fields = [name.strip().lstrip("\ufeff") for name in rows[0]]
    data = [row for row in rows[1:] if any(cell.strip() for cell in row)]
    decimal_comma = delimiter != "," and _has_decimal_commas(data)
    layout = CsvLayout(encoding, delimiter, decimal_comma, fields)
    lowered = [name.lower() for name in fields]
    for names, attr in ((X_NAMES, "x_field"), (Y_NAMES, "y_field")):
        for candidate in names:
            if candidate in lowered:
                setattr(layout, attr, fields[lowered.index(candidate)])
                break
    if not (layout.x_field and layout.y_field):
        layout.x_field = layout.y_field = ""
        for index, name in enumerate(lowered):
            if name in WKT_NAMES and any(len(row) > index and row[index].strip().upper().startswith(WKT_PREFIXES)
                                         for row in data[:50]):
                layout.wkt_field = fields[index]
                break
        return layout
    xi, yi = fields.index(layout.x_field), fields.index(layout.y_field)
    xs, ys = [], []
    for row in data:
        if len(row) > max(xi, yi):
            x, y = parse_number(row[xi], decimal_comma), parse_number(row[yi], decimal_comma)
            if x is not None and y is not None:
                xs.append(x)
                ys.append(y)
    if xs:
        layout.crs = guess_crs(min(xs), min(ys), max(xs), max(ys))
    return layout


def _has_decimal_commas(rows: list) -> bool:
    commas = dots = 0
    for row in rows[:200]:
        for cell in row:
            cell = cell.strip()
            if cell and cell.replace(",", "").replace(".", "").lstrip("-").isdigit():
                if "," in cell:
                    commas += 1
                elif "." in cell:
                    dots += 1
    return commas > dots


def guess_crs(xmin: float, ymin: float, xmax: float, ymax: float) -> str | None:
    """The CRS these coordinate ranges can only be in (around Italy), or ``None`` when they do not tell."""
    for authid, x0, x1, y0, y1 in CRS_RANGES:
        if x0 <= xmin and xmax <= x1 and y0 <= ymin and ymax <= y1:
            return authid
    return None
