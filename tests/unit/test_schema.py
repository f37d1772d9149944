import datetime as dt

from prato_smartcity_plugin.core.i18n import install_translator
from prato_smartcity_plugin.core.interventions import schema


def test_new_record_has_defaults_uuid_and_version():
    record = schema.new_record(title="Piazza di Coiano")
    assert set(schema.FIELD_NAMES) == set(record)
    assert len(record["uuid"]) == 36 and record["version"] == 1
    assert record["status"] == "proposed" and record["created_at"] == record["modified_at"]
    assert schema.validate(record).ok


def test_required_codes_dates_and_budget_rules():
    record = schema.new_record(title="", category="bogus", start_date=dt.date(2026, 5, 2),
                               end_date=dt.date(2026, 5, 1), budget_eur=-3)
    fields = {p.field for p in schema.validate(record).problems}
    assert {"title", "category", "end_date", "budget_eur"} <= fields
    assert not schema.validate(record).ok


def test_road_works_without_dates_is_a_warning_not_a_block():
    result = schema.validate(schema.new_record(title="Scavo", category="road_works"))
    assert result.ok and [p.field for p in result.warnings] == ["start_date"]


def test_extra_bodies_are_accepted_and_labels_translate():
    record = schema.new_record(title="x", responsible_body="gida")
    assert not schema.validate(record).ok
    assert schema.validate(record, extra_bodies=["gida"]).ok
    install_translator(lambda ctx, text: {"Road works": "Cantiere stradale"}.get(text, text))
    try:
        assert schema.label("category", "road_works") == "Cantiere stradale"
    finally:
        install_translator(None)
    assert schema.label("category", "road_works") == "Road works"
