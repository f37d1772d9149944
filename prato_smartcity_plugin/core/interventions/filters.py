"""Finding interventions: the dock's filters (category, status, responsible body, date range, text) as a pure rule."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Mapping

from prato_smartcity_plugin.core.interventions import schema

#: Fields the free-text filter searches (codes are searched by their translated labels too).
TEXT_FIELDS = ("title", "street", "description", "surveyor", "uuid")
CODED_FIELDS = ("category", "plan_code", "status", "responsible_body")


@dataclass(frozen=True)
class InterventionFilter:
    """Empty criteria match everything. Dates select the interventions whose period overlaps [date_from, date_to]
    (an open end on either side is unbounded; an intervention without dates matches only when no date is set)."""

    category: str | None = None
    status: str | None = None
    responsible_body: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    text: str = ""

    def matches(self, record: Mapping[str, Any]) -> bool:
        for name in ("category", "status", "responsible_body"):
            wanted = getattr(self, name)
            if wanted and record.get(name) != wanted:
                return False
        if self.date_from or self.date_to:
            try:
                start, end = schema.as_date(record.get("start_date")), schema.as_date(record.get("end_date"))
            except ValueError:
                return False
            if start is None and end is None:
                return False
            start, end = start or end, end or start
            if self.date_from and end < self.date_from:
                return False
            if self.date_to and start > self.date_to:
                return False
        needle = self.text.strip().casefold()
        if needle:
            haystack = [str(record.get(name) or "") for name in TEXT_FIELDS + CODED_FIELDS]
            haystack += [schema.label(name, record.get(name)) for name in CODED_FIELDS if record.get(name)]
            if not any(needle in value.casefold() for value in haystack):
                return False
        return True
