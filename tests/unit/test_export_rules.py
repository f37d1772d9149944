"""The export's rules without QGIS: shapefile names, long text, labels, date-times, README."""

import datetime as dt

import pytest

from prato_smartcity_plugin.core.errors import InputError
from prato_smartcity_plugin.core.export import names, readme, rules
from prato_smartcity_plugin.core.interventions import schema


def test_schema_fields_keep_their_short_names_every_time():
    fields = [(f.name, f.short_name) for f in schema.FIELDS]
    first, second = names.assign(fields), names.assign(list(fields))
    assert first == second
    assert first["responsible_body"] == "resp_body" and first["description"] == "descr"
    assert all(len(v) <= 10 for v in first.values())
    assert len({v.lower() for v in first.values()}) == len(first)


def test_colliding_long_names_get_readable_distinct_names():
    fields = [("description", ""), ("descriptions", ""), ("description_long", ""), ("Attività", ""),
              ("attivita", ""), ("responsible_body", ""), ("date", ""), ("3d_model", "")]
    result = names.assign(fields)
    assert result == {"description": "descriptio", "descriptions": "descript_2", "description_long": "descr_long",
                      "Attività": "attivita", "attivita": "attivita_2", "responsible_body": "respo_body",
                      "date": "date_1", "3d_model": "f3d_model"}
    assert all(not names.validate(v) for v in result.values())


def test_overrides_are_validated():
    fields = [("description", "descr"), ("street", "street")]
    assert names.assign(fields, {"description": "testo"})["description"] == "testo"
    for bad in ("much_too_long", "2abc", "città", "shape", "street"):
        with pytest.raises(InputError) as caught:
            names.assign(fields, {"description": bad})
        assert "description" in caught.value.message


def test_utf8_chunks_never_cut_a_character():
    text = "à" * 200  # 400 bytes
    chunks = rules.utf8_chunks(text)
    assert "".join(chunks) == text
    assert all(len(c.encode()) <= 254 for c in chunks) and len(chunks[0]) == 127


def _plan(policy, labels=False, max_bytes=None, chunks=None):
    sources = [rules.SourceField.of(f.name, f.type) for f in schema.FIELDS]
    options = rules.ExportOptions(labels=labels, long_text=policy)
    return rules.plan_fields(sources, options, max_bytes or {}, chunks or {})


def test_long_text_split_into_continuation_fields_or_truncated():
    text = ("Piazza del Duomo – lato nord, à è é ì ò ù. " * 7).strip()  # 300+ characters
    n = len(rules.utf8_chunks(text))
    split = _plan(rules.LongTextPolicy.SPLIT, max_bytes={"description": len(text.encode())},
                  chunks={"description": n})
    assert [o.name for o in split.by_source["description"]] == ["descr", "descr_2"][:n] + [
        f"descr_{i}" for i in range(3, n + 1)]
    values = rules.export_values(split, "description", text)
    assert "".join(values) == text
    truncate = _plan(rules.LongTextPolicy.TRUNCATE, max_bytes={"description": len(text.encode())})
    (value,) = rules.export_values(truncate, "description", text)
    assert text.startswith(value) and len(value.encode()) <= 254
    assert any(n.code == "truncate" and n.warning for n in truncate.notes)


def test_labels_date_times_and_nulls():
    plan = _plan(rules.LongTextPolicy.SPLIT, labels=True)
    assert rules.export_values(plan, "category", "road_works") == ["Road works"]
    assert rules.export_values(plan, "category", "unknown_code") == ["unknown_code"]
    assert rules.export_values(plan, "title", "") == [None]
    assert rules.export_values(plan, "end_date", None) == [None]
    when = dt.datetime(2026, 3, 1, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert rules.export_values(plan, "created_at", when) == ["2026-03-01T09:30:00Z"]
    assert rules.format_datetime("2026-03-01T09:30:00.000Z") == "2026-03-01T09:30:00Z"


def test_geometry_kinds():
    assert rules.kind_of_type_name("MultiLineString") == schema.GeometryKind.LINE
    assert rules.kind_of_type_name("POINT Z") == schema.GeometryKind.POINT
    assert rules.kind_of_type_name("GEOMETRYCOLLECTION") is None
    assert rules.file_stem("Cantieri città", schema.GeometryKind.LINE, 2) == "Cantieri_citta_lines"


def test_readme_lists_files_mapping_labels_crs_and_sources_in_both_languages():
    plan = _plan(rules.LongTextPolicy.SPLIT, labels=True)
    summary = readme.PackageSummary(
        crs="EPSG:3003", crs_name="Monte Mario / Italy zone 1",
        files=[readme.FileEntry("interventions_line", "interventions_line", schema.GeometryKind.LINE, 12,
                                plan.fields)],
        sources=[readme.SourceEntry("interventions_line", 12, "© Comune di Prato", "CC-BY 4.0")],
        notes=plan.notes, value_labels=rules.value_labels(plan))
    italian, english = readme.render(summary, "it"), readme.render(summary, "en")
    for text in (italian, english):
        assert "interventions_line.shp — 12" in text
        assert "resp_body  = responsible_body" in text
        assert "road_works = Road works" in text
        assert "EPSG:3003 — Monte Mario / Italy zone 1" in text
        assert "© Comune di Prato" in text and "CC-BY 4.0" in text
    assert "Licenza: CC-BY 4.0" in italian and "Licence: CC-BY 4.0" in english
    assert "etichetta italiana" in italian and "Italian labels" in english


def test_file_names_of_store_layers_titles():
    assert rules.file_stem("Interventi (punti)", schema.GeometryKind.POINT, 1) == "Interventi_punti"
    assert rules.file_stem("Città: aree", schema.GeometryKind.POLYGON, 1) == "Citta_aree"
