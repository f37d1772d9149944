import datetime as dt

from prato_smartcity_plugin.core.interventions.filters import InterventionFilter
from prato_smartcity_plugin.core.interventions.schema import new_record

D = dt.date
WORKS = new_record(title="Scavo rete gas", category="road_works", status="approved", responsible_body="toscana_energia",
                   street="Via Pistoiese", start_date=D(2026, 3, 1), end_date=D(2026, 3, 31))
SQUARE = new_record(title="Piazza di Coiano", category="square", status="proposed", description="Cento Piazze",
                    start_date="2026-06-01")
UNDATED = new_record(title="Alberi al Mercato coperto", category="forestation")
ALL = [WORKS, SQUARE, UNDATED]


def titles(rule):
    return [r["title"] for r in ALL if rule.matches(r)]


def test_no_criteria_match_everything():
    assert titles(InterventionFilter()) == [r["title"] for r in ALL]


def test_codes_select_exactly():
    assert titles(InterventionFilter(category="road_works")) == ["Scavo rete gas"]
    assert titles(InterventionFilter(status="proposed")) == ["Piazza di Coiano", "Alberi al Mercato coperto"]
    assert titles(InterventionFilter(responsible_body="toscana_energia")) == ["Scavo rete gas"]
    assert titles(InterventionFilter(category="square", status="approved")) == []


def test_dates_select_overlapping_periods():
    assert titles(InterventionFilter(date_from=D(2026, 3, 31))) == ["Scavo rete gas", "Piazza di Coiano"]
    assert titles(InterventionFilter(date_from=D(2026, 4, 1))) == ["Piazza di Coiano"]
    assert titles(InterventionFilter(date_to=D(2026, 2, 28))) == []
    assert titles(InterventionFilter(date_from=D(2026, 3, 15), date_to=D(2026, 3, 16))) == ["Scavo rete gas"]
    # a single date is a one-day period
    assert titles(InterventionFilter(date_from=D(2026, 6, 1), date_to=D(2026, 6, 1))) == ["Piazza di Coiano"]


def test_text_searches_fields_and_labels_case_insensitively():
    assert titles(InterventionFilter(text="pistoiese")) == ["Scavo rete gas"]
    assert titles(InterventionFilter(text="cento piazze")) == ["Piazza di Coiano"]
    assert titles(InterventionFilter(text="Forestation")) == ["Alberi al Mercato coperto"]
    assert titles(InterventionFilter(text="  ")) == [r["title"] for r in ALL]
    assert titles(InterventionFilter(text="nowhere")) == []


def test_bad_dates_do_not_match_a_date_filter():
    broken = dict(WORKS, start_date="31/03/2026")
    assert not InterventionFilter(date_from=D(2026, 1, 1)).matches(broken)
    assert InterventionFilter().matches(broken)
