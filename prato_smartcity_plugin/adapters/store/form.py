"""The native QGIS attribute form of the intervention layers, configured from the schema.

Value maps with translated labels, date pickers, constraints with the schema's own messages, default values, read-only
system fields, photo widgets relative to the store's folder and a tabbed drag-and-drop layout. Applied each time the
plugin opens or finds the layers, so the form follows the schema, the language and the options.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from qgis.core import (
    QgsAttributeEditorContainer,
    QgsAttributeEditorField,
    QgsDefaultValue,
    QgsEditFormConfig,
    QgsEditorWidgetSetup,
    QgsExpression,
    QgsExpressionContextUtils,
    QgsFieldConstraints,
    QgsVectorLayer,
)

from prato_smartcity_plugin.core.i18n import translate
from prato_smartcity_plugin.core.interventions import schema
from prato_smartcity_plugin.core.interventions.schema import FieldType

SURVEYOR_VARIABLE = "prato_surveyor"
DATE_FORMAT = "yyyy-MM-dd"
DATETIME_FORMAT = "yyyy-MM-dd HH:mm:ss"
IMAGE_FILTER = "Images (*.jpg *.jpeg *.png *.heic *.tif *.tiff *.webp);;All files (*)"

#: The form's tabs (and groups inside them): every non-system field appears exactly once.
LAYOUT: tuple[tuple[str, tuple], ...] = (
    ("Intervention", ("title", "category", "plan_code", "status", "responsible_body", "street")),
    ("Dates and budget", ("start_date", "end_date", "budget_eur")),
    ("Description", ("description", "surveyor")),
    ("Photos", ("photo_1", "photo_2", "photo_3")),
    ("Record", ("uuid", "created_at", "modified_at", "version")),
)


def tr(text: str) -> str:
    return translate("PratoSmartCity", text)


def _tab_titles() -> dict[str, str]:
    # Written out so that pylupdate5 extracts them.
    return {"Intervention": tr("Intervention"), "Dates and budget": tr("Dates and budget"),
            "Description": tr("Description"), "Photos": tr("Photos"), "Record": tr("Record")}


def _message(field: str, record: dict) -> str:
    """The schema's own message for ``field`` on a record that breaks its rule (one wording everywhere)."""
    for problem in schema.validate(record).problems:
        if problem.field == field:
            return problem.message
    raise LookupError(field)


def constraints() -> dict[str, tuple[str, str, bool]]:
    """field -> (QGIS expression, message, hard): what the form enforces, with the schema's messages."""
    result: dict[str, tuple[str, str, bool]] = {}
    for spec in schema.FIELDS:
        if spec.required and not spec.system:
            column = QgsExpression.quotedColumnRef(spec.name)
            result[spec.name] = (f"{column} IS NOT NULL AND trim(to_string({column})) <> ''",
                                 _message(spec.name, {}), True)
    result["end_date"] = ('"start_date" IS NULL OR "end_date" IS NULL OR "end_date" >= "start_date"',
                          _message("end_date", {"start_date": "2000-01-02", "end_date": "2000-01-01"}), True)
    result["budget_eur"] = ('"budget_eur" IS NULL OR "budget_eur" >= 0', _message("budget_eur", {"budget_eur": -1}),
                            True)
    result["start_date"] = ("\"category\" IS NULL OR \"category\" <> 'road_works' OR "
                            "(\"start_date\" IS NOT NULL AND \"end_date\" IS NOT NULL)",
                            _message("start_date", {"category": "road_works"}), False)
    return result


def default_expressions() -> dict[str, str]:
    """field -> QGIS default value expression. ``created_at``/``modified_at`` are stamped by the store's triggers in
    UTC (QGIS expressions only know local time), so a new feature shows them empty until saved."""
    defaults = {name: QgsExpression.quotedValue(value) for name, value in schema.DEFAULTS.items()}
    defaults.update(uuid="uuid('WithoutBraces')", version="1", surveyor=f"@{SURVEYOR_VARIABLE}")
    return defaults


def set_surveyor(name: str) -> None:
    """The surveyor the form proposes (a global QGIS variable, so a change in the options applies at once)."""
    QgsExpressionContextUtils.setGlobalVariable(SURVEYOR_VARIABLE, name or None)


def _widget(spec: schema.FieldSpec, store_dir: Path, bodies: tuple[schema.Code, ...]) -> QgsEditorWidgetSetup:
    codes = bodies if spec.name == "responsible_body" else spec.codes
    if codes:
        # Bodies are proper names; the other code lists have translated labels.
        labels = [c.label if spec.name == "responsible_body" else schema.label(spec.name, c.value) for c in codes]
        return QgsEditorWidgetSetup("ValueMap", {"map": [{text: c.value} for text, c in zip(labels, codes)]})
    if spec.type in (FieldType.DATE, FieldType.DATETIME):
        display = DATE_FORMAT if spec.type == FieldType.DATE else DATETIME_FORMAT
        return QgsEditorWidgetSetup("DateTime", {"field_format": display, "display_format": display,
                                                 "calendar_popup": True, "allow_null": True})
    if spec.attachment:
        return QgsEditorWidgetSetup("ExternalResource", {
            "FileWidget": True, "FileWidgetButton": True, "FileWidgetFilter": IMAGE_FILTER, "UseLink": True,
            "FullUrl": False, "StorageMode": 0, "RelativeStorage": 2,  # QgsFileWidget.RelativeDefaultPath
            "DefaultRoot": str(store_dir), "DocumentViewer": 1,  # image
            "DocumentViewerHeight": 240, "DocumentViewerWidth": 0})
    if spec.name == "description":
        return QgsEditorWidgetSetup("TextEdit", {"IsMultiline": True, "UseHtml": False})
    return QgsEditorWidgetSetup("TextEdit", {"IsMultiline": False, "UseHtml": False})


def configure(layer: QgsVectorLayer, store_dir: Path, extra_bodies: Iterable[tuple[str, str]] = (),
              surveyor: str | None = None) -> None:
    """Configure ``layer``'s fields and form from the schema (idempotent)."""
    if surveyor is not None:
        set_surveyor(surveyor)
    bodies = schema.codes_with_extra_bodies(list(extra_bodies))
    fields = layer.fields()
    config = layer.editFormConfig()
    rules = constraints()
    defaults = default_expressions()
    fid_index = fields.indexOf("fid")
    if fid_index >= 0:
        layer.setEditorWidgetSetup(fid_index, QgsEditorWidgetSetup("Hidden", {}))
    for spec in schema.FIELDS:
        index = fields.indexOf(spec.name)
        if index < 0:
            continue
        layer.setFieldAlias(index, schema.field_label(spec.name))
        layer.setEditorWidgetSetup(index, _widget(spec, store_dir, bodies))
        config.setReadOnly(index, spec.system)
        if spec.name in defaults:
            layer.setDefaultValueDefinition(index, QgsDefaultValue(defaults[spec.name], False))
        else:
            layer.setDefaultValueDefinition(index, QgsDefaultValue())
        if spec.name in rules:
            expression, message, hard = rules[spec.name]
            layer.setConstraintExpression(index, expression, message)
            layer.setFieldConstraint(index, QgsFieldConstraints.ConstraintExpression,
                                     QgsFieldConstraints.ConstraintStrengthHard if hard
                                     else QgsFieldConstraints.ConstraintStrengthSoft)
        else:
            layer.setConstraintExpression(index, "")
    _apply_layout(config, layer)
    layer.setEditFormConfig(config)


def _apply_layout(config: QgsEditFormConfig, layer: QgsVectorLayer) -> None:
    fields = layer.fields()
    root = config.invisibleRootContainer()
    root.clear()
    titles = _tab_titles()
    for title, names in LAYOUT:
        tab = QgsAttributeEditorContainer(titles[title], root)
        if hasattr(tab, "setType"):  # QGIS >= 3.32
            from qgis.core import Qgis

            tab.setType(Qgis.AttributeEditorContainerType.Tab)
        else:
            tab.setIsGroupBox(False)
        tab.setColumnCount(1)
        for name in names:
            index = fields.indexOf(name)
            if index >= 0:
                tab.addChildElement(QgsAttributeEditorField(name, index, tab))
        root.addChildElement(tab)
    config.setLayout(QgsEditFormConfig.TabLayout)
