"""The road-works clash check (plan project PR-V9): which road works are on the same spot at the same time.

Two road works clash when

* **in space**: their geometries overlap (two areas share a positive area; when either is a line or a point, they
  intersect), or they lie within ``distance`` metres of each other on the **same street** (street names compared after
  :func:`normalise_street`); and
* **in time**: their date ranges overlap, both ends included (a work ending on the 10th and one starting on the 10th
  clash: both are on site that day).

Open-ended ranges: a missing start date means "already under way", a missing end date "no end planned". By default
(``open_ended=True``) such a range is unbounded on that side, so the work clashes with everything it meets in space
from (or until) its known date: PR-V9 wants clashes caught early, and an undated work is a risk, not an excuse. The
overlap period is then open too (``start`` or ``end`` is ``None`` and ``days`` is ``None``). With
``open_ended=False`` works lacking a date are left out of the check and listed in :attr:`ClashReport.skipped`.

Cancelled and completed works are left out by default (``include_closed``); works of the same responsible body are
compared only on request (``include_same_body``: a utility can clash with itself). A work received from the municipal
API with the same UUID as a local one is the same work: the local copy (the one being edited) is the one checked.

Geometries are shapely geometries in a projected CRS in metres (the store's CRS). The check is near n log n: an
STRtree gives the works near each work (its envelope grown by ``distance``), and sorting by start date turns the date
test into a rank window, so each pair is looked at once and never all n² pairs.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import unicodedata
import warnings
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from typing import Any, Iterable, Sequence

import shapely
from shapely.geometry import GeometryCollection, LineString, MultiLineString, MultiPoint, MultiPolygon, box
from shapely.geometry.base import BaseGeometry
from shapely.ops import nearest_points
from shapely.strtree import STRtree

from prato_smartcity_plugin.core.i18n import QT_TRANSLATE_NOOP, translate
from prato_smartcity_plugin.core.interventions.schema import FIELDS_BY_NAME, as_date, label
from prato_smartcity_plugin.core.log import get_logger

_log = get_logger("clashes")

#: Default distance (metres) within which two works on the same street clash.
DEFAULT_DISTANCE_M = 100.0
#: Statuses of works that no longer occupy the street.
CLOSED_STATUSES = frozenset({"cancelled", "completed"})

KIND_OVERLAP = "overlap"
KIND_SAME_STREET = "same_street"
KIND_LABELS = {
    KIND_OVERLAP: QT_TRANSLATE_NOOP("PratoSmartCity", "Overlapping areas"),
    KIND_SAME_STREET: QT_TRANSLATE_NOOP("PratoSmartCity", "Same street, nearby"),
}

SOURCE_LOCAL = "local"
SOURCE_API = "api"

#: The schema fields each party of a clash reports (names as in the store, prefixed ``a_`` / ``b_`` in the tables).
PARTY_FIELDS: tuple[str, ...] = ("uuid", "title", "plan_code", "status", "responsible_body", "street", "start_date",
                                 "end_date")
assert all(name in FIELDS_BY_NAME for name in PARTY_FIELDS)


@dataclass(frozen=True)
class RoadWork:
    """One road work as the check sees it; ``ref`` is whatever the caller needs to find it again (layer, fid)."""

    uuid: str
    geometry: BaseGeometry
    title: str = ""
    responsible_body: str = ""
    street: str = ""
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    status: str = ""
    plan_code: str = ""
    source: str = SOURCE_LOCAL
    ref: Any = None

    @classmethod
    def from_record(cls, record: dict, geometry: BaseGeometry, source: str = SOURCE_LOCAL, ref: Any = None
                    ) -> RoadWork:
        """A road work from a store record (schema field names; dates as dates or ISO strings).

        Raises ``ValueError`` on a date that is not a date."""
        text = lambda name: "" if record.get(name) is None else str(record.get(name))  # noqa: E731
        return cls(uuid=text("uuid"), geometry=geometry, title=text("title"),
                   responsible_body=text("responsible_body"), street=text("street"),
                   start_date=as_date(record.get("start_date")), end_date=as_date(record.get("end_date")),
                   status=text("status"), plan_code=text("plan_code"), source=source, ref=ref)

    def value(self, name: str) -> Any:
        return getattr(self, name)


@dataclass(frozen=True)
class Clash:
    """Two road works at the same place at the same time. ``start``/``end`` bound the overlap period (``None``: open);
    ``geometry`` is where they meet (the intersection, or the shortest line between them)."""

    a: RoadWork
    b: RoadWork
    kind: str
    distance: float
    start: dt.date | None
    end: dt.date | None
    geometry: BaseGeometry

    @property
    def days(self) -> int | None:
        if self.start is None or self.end is None:
            return None
        return (self.end - self.start).days + 1

    def other(self, uuid: str) -> RoadWork:
        """The party that is not ``uuid``."""
        return self.b if self.a.uuid == uuid else self.a

    def involves(self, uuid: str) -> bool:
        return uuid in (self.a.uuid, self.b.uuid)


@dataclass(frozen=True)
class ClashOptions:
    distance: float = DEFAULT_DISTANCE_M
    include_same_body: bool = False
    include_closed: bool = False
    open_ended: bool = True


@dataclass
class ClashReport:
    clashes: list[Clash] = field(default_factory=list)
    #: Works left out of the check, each with a translated reason (closed works are not listed: that is the option).
    skipped: list[tuple[RoadWork, str]] = field(default_factory=list)
    #: Number of works actually compared.
    checked: int = 0


# --- street names ----------------------------------------------------------------------------------------------

_PREFIXES = ("viale", "v le", "vle", "via", "v")
_HOUSE_NUMBER = re.compile(r"^(n|nc|civ|snc|\d+[a-z]?)$")


def normalise_street(name: str | None) -> str:
    """A street name reduced to what tells streets apart: lower case, no accents or punctuation, single spaces, without
    a leading "via" / "v." / "viale" / "v.le" and without house numbers ("Via Roma, 12" and "v. roma" are the same)."""
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", str(name))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = text.split(",")[0]
    words = re.sub(r"[^0-9a-z]+", " ", text).split()
    for prefix in _PREFIXES:
        parts = prefix.split()
        if len(words) > len(parts) and words[:len(parts)] == parts:
            words = words[len(parts):]
            break
    while len(words) > 1 and (_HOUSE_NUMBER.match(words[-1]) or (len(words[-1]) == 1 and words[-2].isdigit())):
        words.pop()  # "12", "12a", "12/b", "n. 12", "snc"
    return " ".join(words)


# --- dates -----------------------------------------------------------------------------------------------------

_NO_START = 0  # below any date's ordinal (date.min is 1)
_NO_END = dt.date.max.toordinal() + 1


def _bounds(work: RoadWork) -> tuple[int, int]:
    start = work.start_date.toordinal() if work.start_date else _NO_START
    end = work.end_date.toordinal() if work.end_date else _NO_END
    return start, end


def _as_day(ordinal: int) -> dt.date | None:
    return None if ordinal in (_NO_START, _NO_END) else dt.date.fromordinal(ordinal)


# --- geometry --------------------------------------------------------------------------------------------------


def _is_polygonal(geom: BaseGeometry) -> bool:
    return geom.geom_type in ("Polygon", "MultiPolygon")


def _polygonal_part(geom: BaseGeometry) -> BaseGeometry:
    """The areas of an intersection (a collection may mix the shared area with touching edges)."""
    if _is_polygonal(geom):
        return geom
    parts = [g for g in getattr(geom, "geoms", []) if _is_polygonal(g)]
    polygons = [p for g in parts for p in (g.geoms if g.geom_type == "MultiPolygon" else [g])]
    return MultiPolygon(polygons) if polygons else GeometryCollection()


def _simplest_type(geom: BaseGeometry) -> BaseGeometry:
    """A collection of one dimension becomes the matching Multi* geometry (one type per feature downstream)."""
    if geom.geom_type != "GeometryCollection":
        return geom
    by_dim: dict[int, list] = {}
    for part in geom.geoms:
        by_dim.setdefault(_dimension(part), []).append(part)
    if not by_dim:
        return geom
    top = max(by_dim)
    parts = [p for g in by_dim[top] for p in getattr(g, "geoms", [g])]
    return {0: MultiPoint, 1: MultiLineString, 2: MultiPolygon}[top](parts)


def _dimension(geom: BaseGeometry) -> int:
    if geom.geom_type in ("Point", "MultiPoint"):
        return 0
    if geom.geom_type in ("LineString", "LinearRing", "MultiLineString"):
        return 1
    if _is_polygonal(geom):
        return 2
    return max((_dimension(g) for g in geom.geoms), default=0)


def _usable(geom: BaseGeometry | None) -> BaseGeometry | None:
    """The geometry, repaired if invalid (an invalid polygon makes GEOS fail); ``None`` when there is nothing."""
    if geom is None or geom.is_empty:
        return None
    if not geom.is_valid:
        from shapely.validation import make_valid

        geom = make_valid(geom)
        if geom.is_empty:
            return None
    return geom


def _meeting(a: BaseGeometry, b: BaseGeometry, distance: float) -> tuple[str, float, BaseGeometry] | None:
    """How two geometries meet: ``(KIND_OVERLAP, 0, intersection)``, ``(KIND_SAME_STREET, d, geometry)`` when they
    are within ``distance`` (the caller checks the street), or ``None``."""
    if a.intersects(b):
        shared = a.intersection(b)
        if _is_polygonal(a) and _is_polygonal(b):
            area = _polygonal_part(shared)
            if area.area > 0:
                return KIND_OVERLAP, 0.0, area
            # Areas that only touch along an edge are neighbours, not overlapping works.
            return KIND_SAME_STREET, 0.0, _simplest_type(shared)
        return KIND_OVERLAP, 0.0, _simplest_type(shared)
    gap = a.distance(b)
    if gap <= distance:
        return KIND_SAME_STREET, gap, LineString(nearest_points(a, b))
    return None


# --- spatial index (shapely 1.8 returns items or geometries, 2.x indices) --------------------------------------


_SHAPELY_1 = shapely.__version__.startswith("1.")


class _Index:
    def __init__(self, geometries: Sequence[BaseGeometry]):
        self._size = len(geometries)
        if not self._size:
            return
        if _SHAPELY_1:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # "items will be removed in 2.0": handled by the branch below
                self._tree = STRtree(geometries, items=range(self._size))
            self._query = self._tree.query_items
        else:
            self._tree = STRtree(geometries)  # shapely 2: query returns indices
            self._query = self._tree.query

    def near(self, geom: BaseGeometry, distance: float) -> Iterable[int]:
        """Indices of the geometries whose envelope is within ``distance`` of ``geom``'s envelope."""
        if not self._size:
            return ()
        minx, miny, maxx, maxy = geom.bounds
        return (int(i) for i in self._query(box(minx - distance, miny - distance, maxx + distance, maxy + distance)))


# --- the check -------------------------------------------------------------------------------------------------


def _prepare(works: Iterable[RoadWork], options: ClashOptions) -> tuple[list[RoadWork], list[tuple[RoadWork, str]]]:
    """The works to compare: one per UUID (local before API), with a usable geometry, open or dated as the options
    say. Closed works are dropped silently (that is the option); every other exclusion is returned with its reason."""
    by_uuid: dict[str, RoadWork] = {}
    skipped: list[tuple[RoadWork, str]] = []
    for work in works:
        if not options.include_closed and work.status in CLOSED_STATUSES:
            continue
        geometry = _usable(work.geometry)
        if geometry is None:
            skipped.append((work, translate("PratoSmartCity", "no geometry")))
            continue
        if work.start_date and work.end_date and work.end_date < work.start_date:
            skipped.append((work, translate("PratoSmartCity", "the end date is before the start date")))
            continue
        if not options.open_ended and not (work.start_date and work.end_date):
            skipped.append((work, translate("PratoSmartCity", "no start or end date")))
            continue
        if geometry is not work.geometry:
            work = replace(work, geometry=geometry)
        key = work.uuid or f"\0{len(by_uuid)}"  # works without a UUID are still checked, each on its own
        kept = by_uuid.get(key)
        if kept is None or (kept.source != SOURCE_LOCAL and work.source == SOURCE_LOCAL):
            by_uuid[key] = work
    for work, reason in skipped:
        _log.warning("Road work %s (%s) not checked for clashes: %s", work.uuid, work.title, reason)
    return list(by_uuid.values()), skipped


def _clash(a: RoadWork, b: RoadWork, bounds_a: tuple[int, int], bounds_b: tuple[int, int], streets: tuple[str, str],
           options: ClashOptions) -> Clash | None:
    if not options.include_same_body and a.responsible_body and a.responsible_body == b.responsible_body:
        return None
    start, end = max(bounds_a[0], bounds_b[0]), min(bounds_a[1], bounds_b[1])
    if start > end:
        return None
    same_street = bool(streets[0]) and streets[0] == streets[1]
    meeting = _meeting(a.geometry, b.geometry, options.distance if same_street else -1.0)
    if meeting is None or (meeting[0] == KIND_SAME_STREET and not same_street):
        return None
    kind, gap, geometry = meeting
    return Clash(a, b, kind, gap, _as_day(start), _as_day(end), geometry)


def _report(clashes: list[Clash], skipped: list[tuple[RoadWork, str]], checked: list[RoadWork]) -> ClashReport:
    clashes.sort(key=lambda c: (c.start or dt.date.min, c.a.uuid, c.b.uuid))
    return ClashReport(clashes, skipped, len(checked))


def find_clashes(works: Iterable[RoadWork], options: ClashOptions | None = None,
                 involving: Iterable[str] | None = None) -> ClashReport:
    """Every clash among ``works`` (or only those involving the UUIDs in ``involving``), sorted by overlap start."""
    options = options or ClashOptions()
    if options.distance < 0:
        from prato_smartcity_plugin.core.errors import InputError

        raise InputError(translate("PratoSmartCity", "The distance must not be negative."),
                         f"distance={options.distance}")
    prepared, skipped = _prepare(works, options)
    # Sort by start date: a later-starting work overlaps an earlier one exactly when it starts before that one ends,
    # so the works that can overlap work i in time are the ranks (i, cutoff(i)] of this order.
    prepared.sort(key=lambda w: _bounds(w)[0])
    bounds = [_bounds(w) for w in prepared]
    starts = [b[0] for b in bounds]
    streets = [normalise_street(w.street) for w in prepared]
    index = _Index([w.geometry for w in prepared])
    focus = None if involving is None else set(involving)
    clashes: list[Clash] = []
    seen: set[tuple[int, int]] = set()
    for i, work in enumerate(prepared):
        if focus is not None and work.uuid not in focus:
            continue
        cutoff = bisect_right(starts, bounds[i][1]) - 1
        for j in index.near(work.geometry, options.distance):
            if focus is None:
                if j <= i or j > cutoff:
                    continue  # each pair once, from its earlier-starting side, and only if the dates overlap
            else:
                if j == i or (min(i, j), max(i, j)) in seen:
                    continue  # a focus work is compared with every neighbour, whichever starts first
                seen.add((min(i, j), max(i, j)))
            a, b = min(i, j), max(i, j)
            found = _clash(prepared[a], prepared[b], bounds[a], bounds[b], (streets[a], streets[b]), options)
            if found is not None:
                clashes.append(found)
    return _report(clashes, skipped, prepared)


def find_clashes_brute_force(works: Iterable[RoadWork], options: ClashOptions | None = None) -> ClashReport:
    """The same answer by comparing every pair (O(n²)): the reference for tests and benchmarks."""
    options = options or ClashOptions()
    prepared, skipped = _prepare(works, options)
    prepared.sort(key=lambda w: _bounds(w)[0])
    clashes = []
    for i, a in enumerate(prepared):
        for b in prepared[i + 1:]:
            found = _clash(a, b, _bounds(a), _bounds(b), (normalise_street(a.street), normalise_street(b.street)),
                           options)
            if found is not None:
                clashes.append(found)
    return _report(clashes, skipped, prepared)


#: Half-width (metres) by which a clash that meets along a line or at a point is widened into an area.
MARK_HALF_WIDTH_M = 1.0


def clash_area(clash: Clash, half_width: float = MARK_HALF_WIDTH_M) -> BaseGeometry:
    """Where the clash is, as an area (a layer has one geometry type, and QGIS draws no mixed collections): the shared
    area itself, or the shared line or point, or the shortest line between the two works, widened by
    ``half_width`` metres on each side. The exact distance stays in the clash's ``distance``."""
    geometry = clash.geometry
    if _is_polygonal(geometry) and geometry.area > 0:
        return geometry
    return geometry.buffer(half_width)


# --- rows and reports ------------------------------------------------------------------------------------------

#: The clash's own columns, before the two parties' (``a_<field>``, ``b_<field>``, ``a_source``, ``b_source``).
CLASH_COLUMNS = ("kind", "distance_m", "overlap_start", "overlap_end", "overlap_days")


def party_columns() -> list[str]:
    return [f"{side}_{name}" for side in ("a", "b") for name in (*PARTY_FIELDS, "source")]


def clash_row(clash: Clash) -> dict[str, Any]:
    """One clash as a flat record: the clash's columns then both parties' (dates stay dates)."""
    row: dict[str, Any] = {
        "kind": clash.kind,
        "distance_m": round(clash.distance, 2),
        "overlap_start": clash.start,
        "overlap_end": clash.end,
        "overlap_days": clash.days,
    }
    for side, work in (("a", clash.a), ("b", clash.b)):
        for name in (*PARTY_FIELDS, "source"):
            row[f"{side}_{name}"] = work.value(name)
    return row


def describe_period(start: dt.date | None, end: dt.date | None) -> str:
    """The overlap period in words (translated), open ends included."""
    if start and end:
        days = (end - start).days + 1
        return translate("PratoSmartCity", "from {start} to {end} ({days} days)").format(
            start=start.isoformat(), end=end.isoformat(),
                                                                  days=days)
    if start:
        return translate("PratoSmartCity", "from {start}, with no end date").format(start=start.isoformat())
    if end:
        return translate("PratoSmartCity", "until {end}, with no start date").format(end=end.isoformat())
    return translate("PratoSmartCity", "with no dates on either side")


def describe(clash: Clash, uuid: str) -> str:
    """A sentence for the user about the clash, seen from the work ``uuid``."""
    mine, other = (clash.a, clash.b) if clash.a.uuid == uuid else (clash.b, clash.a)
    where = (translate("PratoSmartCity", "overlaps") if clash.kind == KIND_OVERLAP
             else translate("PratoSmartCity", "is {distance:.0f} m away on the same street from").format(
                 distance=clash.distance))
    source = translate("PratoSmartCity", " (received from the municipal API)") if other.source == SOURCE_API else ""
    text = translate("PratoSmartCity", 'Road works clash: "{mine}" {where} "{other}" by {body}{source}, {period}.')
    return text.format(
        mine=mine.title or mine.uuid, where=where, other=other.title or other.uuid,
        body=label("responsible_body", other.responsible_body), source=source,
        period=describe_period(clash.start, clash.end))


def html_report(report: ClashReport) -> str:
    """The clashes as a self-contained HTML page (one row each), for printing or mailing."""
    heads = [translate("PratoSmartCity", "Kind"), translate("PratoSmartCity", "Work"),
             translate("PratoSmartCity", "Body"), translate("PratoSmartCity", "Other work"),
             translate("PratoSmartCity", "Body"), translate("PratoSmartCity", "Street"),
             translate("PratoSmartCity", "Overlap period"), translate("PratoSmartCity", "Distance (m)")]
    rows = []
    for clash in report.clashes:
        cells = [translate("PratoSmartCity", KIND_LABELS[clash.kind]), clash.a.title, label("responsible_body",
                 clash.a.responsible_body), clash.b.title, label("responsible_body", clash.b.responsible_body),
                 clash.a.street if clash.a.street == clash.b.street else f"{clash.a.street} / {clash.b.street}",
                 describe_period(clash.start, clash.end), f"{clash.distance:.1f}"]
        rows.append("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in cells) + "</tr>")
    skipped = "".join(f"<li>{html.escape(w.title or w.uuid)}: {html.escape(reason)}</li>"
                      for w, reason in report.skipped)
    title = html.escape(translate("PratoSmartCity", "Road works clashes"))
    not_checked = html.escape(translate("PratoSmartCity", "Not checked"))
    summary = html.escape(translate("PratoSmartCity", "{n} clashes among {m} road works.").format(
        n=len(report.clashes), m=report.checked))
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>"
            "<style>table{border-collapse:collapse}td,th{border:1px solid #999;padding:2px 6px}</style></head>"
            f"<body><h1>{title}</h1><p>{summary}</p><table><tr>"
            + "".join(f"<th>{html.escape(h)}</th>" for h in heads) + "</tr>" + "".join(rows) + "</table>"
            + (f"<h2>{not_checked}</h2><ul>{skipped}</ul>" if skipped else "")
            + "</body></html>")
