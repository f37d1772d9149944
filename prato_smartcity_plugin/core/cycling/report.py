"""Reports of the cycle analyses: tables a planner can paste into a document (tab-separated for the clipboard, CSV,
HTML) and the before/after comparison of two sets of measures."""

from __future__ import annotations

import csv
import html
import io
from dataclasses import dataclass, field
from typing import Any, Sequence

from prato_smartcity_plugin.core.cycling.catchment import AreaCatchment, PointCatchment
from prato_smartcity_plugin.core.cycling.geometry import FIX_REASONS, SKIP_REASONS
from prato_smartcity_plugin.core.cycling.links import MissingLink
from prato_smartcity_plugin.core.cycling.network import Measures
from prato_smartcity_plugin.core.cycling.schema import KINDS, kind_label
from prato_smartcity_plugin.core.i18n import QT_TRANSLATE_NOOP, translate


def tr(text: str) -> str:
    return translate("PratoSmartCity", text)

OSM_ATTRIBUTION = "© OpenStreetMap contributors (ODbL)"

#: Headline measures: key -> (label, unit, decimals)
MEASURE_LABELS = {
    "total_km": (QT_TRANSLATE_NOOP("PratoSmartCity", "Total length"), "km", 2),
    "segments": (QT_TRANSLATE_NOOP("PratoSmartCity", "Segments"), "", 0),
    "components": (QT_TRANSLATE_NOOP("PratoSmartCity", "Connected components"), "", 0),
    "largest_component_km": (QT_TRANSLATE_NOOP("PratoSmartCity", "Longest connected component"), "km", 2),
    "largest_share_pct": (QT_TRANSLATE_NOOP("PratoSmartCity", "Share of the network in the longest component"), "%", 1),
    "dangling_ends": (QT_TRANSLATE_NOOP("PratoSmartCity", "Dangling ends"), "", 0),
    "overlap_m": (QT_TRANSLATE_NOOP("PratoSmartCity", "Overlapping length counted once"), "m", 1),
    "outside_areas_km": (QT_TRANSLATE_NOOP("PratoSmartCity", "Length outside every area"), "km", 2),
}

#: What a planner needs to read each analysis's table: shown under the dock's table and as a note of the reports.
EXPLANATIONS = {
    "measures": QT_TRANSLATE_NOOP(
        "PratoSmartCity",
        "Lengths in km in a projected CRS; a path digitised twice counts once. Component: paths joined to each other "
        "(an end joins any path within the snapping tolerance). Dangling end: a path end that touches no other path."),
    "links": QT_TRANSLATE_NOOP(
        "PratoSmartCity",
        "Each link would join two parts of the network that are not connected today: \"Joins\" and \"To\" are the "
        "paths at its ends, in brackets the km of network each belongs to. Ranked by km joined per metre of new "
        "path. Hover a row for the reason, double-click it to zoom."),
    "catchment": QT_TRANSLATE_NOOP(
        "PratoSmartCity",
        "Straight-line distances to the nearest cycle path, in metres, in a projected CRS."),
    "before_after": QT_TRANSLATE_NOOP(
        "PratoSmartCity",
        "Change = after - before; the planned links count as the kind \"Planned link\". Fewer connected "
        "components and a longer \"Longest connected component\" mean a better connected network."),
}


def explanation(key: str) -> str:
    return tr(EXPLANATIONS[key])


@dataclass
class Table:
    title: str
    headers: list[str]
    rows: list[list[Any]] = field(default_factory=list)

    def as_text_rows(self) -> list[list[str]]:
        return [[_format(value) for value in row] for row in self.rows]


def _format(value: Any, decimals: int = 2) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.{decimals}f}"
    return str(value)


def measure_label(key: str) -> tuple[str, str, int]:
    """Translated label, unit and decimals of a summary key (``kind:<code>`` and ``area:<name>`` included)."""
    if key in MEASURE_LABELS:
        label, unit, decimals = MEASURE_LABELS[key]
        return tr(label), unit, decimals
    if key.startswith("kind:"):
        return tr("Length: {kind}").format(kind=kind_label(key[5:])), "km", 2
    if key.startswith("area:"):
        return tr("Length in {area}").format(area=key[5:]), "km", 2
    return key, "", 2


def summary_table(measures: Measures) -> Table:
    table = Table(tr("Cycle network"),
                  [tr("Measure"), tr("Value"), tr("Unit")])
    for key, value in measures.summary().items():
        if key.startswith(("kind:", "area:")) or key == "outside_areas_km":  # in the kind and area tables
            continue
        label, unit, decimals = measure_label(key)
        table.rows.append([label, _format(float(value), decimals), unit])
    table.rows.append([tr("Snapping tolerance"), _format(float(measures.tolerance), 1), "m"])
    for reason, count in measures.skipped.items():
        table.rows.append([tr("Skipped features: {reason}").format(
            reason=tr(SKIP_REASONS.get(reason, reason))), str(count), ""])
    for reason, count in measures.fixed.items():
        table.rows.append([tr(FIX_REASONS.get(reason, reason)).capitalize(), str(count), ""])
    return table


def kind_table(measures: Measures) -> Table:
    table = Table(tr("Length by kind"),
                  [tr("Kind"), tr("km"), tr("Share (%)")])
    for kind in KINDS:
        metres = measures.by_kind.get(kind.code, 0.0)
        if metres > 0 or kind.code != "planned":
            share = 100.0 * metres / measures.total_m if measures.total_m > 0 else 0.0
            table.rows.append([kind_label(kind.code), _format(metres / 1000.0, 2), _format(share, 1)])
    table.rows.append([tr("Total"), _format(measures.total_m / 1000.0, 2), _format(100.0, 1)])
    return table


def area_table(measures: Measures) -> Table:
    areas = list(measures.by_area.values()) + [measures.outside_areas or {}]
    present = [k.code for k in KINDS if any(area.get(k.code) for area in areas)]
    table = Table(tr("Length by area (km)"),
                  [tr("Area"), tr("Total")] + [kind_label(c) for c in present])
    for name, kinds in measures.by_area.items():
        table.rows.append([name, _format(sum(kinds.values()) / 1000.0)]
                          + [_format(kinds.get(code, 0.0) / 1000.0) for code in present])
    outside = measures.outside_areas or {}
    if sum(outside.values()) >= 5.0:  # under 5 m it would print as 0.00 km
        table.rows.append([tr("Outside every area"), _format(sum(outside.values()) / 1000.0)]
                          + [_format(outside.get(code, 0.0) / 1000.0) for code in present])
    return table


def component_table(measures: Measures, limit: int = 20) -> Table:
    topology = measures.topology
    table = Table(tr("Longest connected components"),
                  [tr("Component"), tr("km"), tr("Segments")])
    counts: dict[int, int] = {}
    for component in topology.component:
        counts[int(component)] = counts.get(int(component), 0) + 1
    for index, metres in enumerate(topology.component_length[:limit], start=1):
        table.rows.append([str(index), _format(float(metres) / 1000.0, 3), str(counts.get(index, 0))])
    return table


def links_table(links: Sequence[MissingLink]) -> Table:
    """Each link with the path at each end and, in brackets, the length of the connected network that path belongs
    to (see :func:`links.name_links`); the component numbers match the ``component`` field of the network layer."""
    table = Table(tr("Missing links"),
                  [tr("Rank"), tr("New path (m)"), tr("Joins"), tr("To"),
                   tr("Network joined (km)"), tr("Joined km per metre of new path"), tr("Components")])
    for link in links:
        table.rows.append([str(link.rank), _format(link.length_m, 1), link.end_a, link.end_b,
                           _format(link.joined_m / 1000.0, 2), _format(link.score / 1000.0, 3),
                           f"{link.component_a} + {link.component_b}"])
    return table


def catchment_table(points: PointCatchment | None = None, area: AreaCatchment | None = None) -> Table:
    table = Table(tr("Catchment"),
                  [tr("Measure"), tr("Value"), tr("Unit")])
    if points is not None:
        table.rows.append([tr("Distance"), _format(points.distance, 0), "m"])
        table.rows.append([tr("Points within the distance"),
                           f"{points.count_within} / {points.count}", ""])
        table.rows.append([tr("Weighted share of points within the distance"),
                           _format(100.0 * points.share, 1), "%"])
    if area is not None:
        if points is None:
            table.rows.append([tr("Distance"), _format(area.distance, 0), "m"])
        table.rows.append([tr("Area"), _format(area.area_m2 / 1e6, 3), "km²"])
        table.rows.append([tr("Area within the distance"), _format(area.covered_m2 / 1e6, 3), "km²"])
        table.rows.append([tr("Share of the area within the distance"),
                           _format(100.0 * area.share, 1), "%"])
    return table


def before_after_table(before: Measures, after: Measures) -> Table:
    """Every measure before and after, with the change."""
    table = Table(tr("Before / after"),
                  [tr("Measure"), tr("Before"), tr("After"),
                   tr("Change"), tr("Unit")])
    first, second = before.summary(), after.summary()
    for key in list(first) + [k for k in second if k not in first]:
        label, unit, decimals = measure_label(key)
        if unit == "km":
            decimals = 3  # to the metre: a short planned link must not show as +0.00 km
        a, b = first.get(key, 0.0), second.get(key, 0.0)
        table.rows.append([label, _format(a, decimals), _format(b, decimals), f"{b - a:+.{decimals}f}", unit])
    return table


def to_tsv(tables: Sequence[Table]) -> str:
    """Tab-separated text, one block per table: pastes as a table in office programs."""
    blocks = []
    for table in tables:
        lines = [table.title, "\t".join(table.headers)] + ["\t".join(row) for row in table.as_text_rows()]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def to_csv(tables: Sequence[Table]) -> str:
    """CSV with a ``table`` column first, so several tables fit one file."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for table in tables:
        writer.writerow([tr("table")] + table.headers)
        for row in table.as_text_rows():
            writer.writerow([table.title] + row)
    return out.getvalue()


def to_html(tables: Sequence[Table], title: str, notes: Sequence[str] = ()) -> str:
    parts = ["<!DOCTYPE html>", "<html><head><meta charset=\"utf-8\">", f"<title>{html.escape(title)}</title>",
             "<style>body{font-family:sans-serif}table{border-collapse:collapse;margin-bottom:1em}"
             "td,th{border:1px solid #999;padding:2px 6px}td{text-align:right}td:first-child{text-align:left}"
             "</style></head><body>", f"<h1>{html.escape(title)}</h1>"]
    for table in tables:
        parts.append(f"<h2>{html.escape(table.title)}</h2><table><tr>"
                     + "".join(f"<th>{html.escape(h)}</th>" for h in table.headers) + "</tr>")
        for row in table.as_text_rows():
            parts.append("<tr>" + "".join(f"<td>{html.escape(v)}</td>" for v in row) + "</tr>")
        parts.append("</table>")
    for note in notes:
        parts.append(f"<p>{html.escape(note)}</p>")
    parts.append("</body></html>")
    return "\n".join(parts)


def from_csv(text: str) -> list[Table]:
    """The tables of a CSV report written by :func:`to_csv` (the dock shows an algorithm's report this way)."""
    tables: list[Table] = []
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    headers: list[str] | None = None
    for row in reader:
        if not row:
            continue
        if row[0] == tr("table"):
            headers = row[1:]
            continue
        title = row[0]
        if not tables or tables[-1].title != title or headers is not None:
            tables.append(Table(title, headers or [], []))
            headers = None
        tables[-1].rows.append(row[1:])
    return tables
