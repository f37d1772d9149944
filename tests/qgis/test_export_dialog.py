"""The export dialog, reached from the dock's Export section: layer choice, field name table with an override, the
export in a QgsTask and the verification report shown to the user."""

from __future__ import annotations

import zipfile

from osgeo import ogr
from qgis.core import QgsApplication, QgsProject, QgsVectorLayer
from qgis.PyQt.QtWidgets import QDialogButtonBox

from tests.export_data import intervention, write_store


def _wait(dialog):
    """Until the dialog has the task's outcome (QGIS deletes the task itself once finished)."""
    while dialog.task is not None:
        QgsApplication.processEvents()


def test_export_dialog_from_the_dock(tmp_path, qgis_iface):
    from prato_smartcity_plugin.gui.dock import PratoDock

    store = str(tmp_path / "interventions.gpkg")
    write_store(store, {"line": [("MULTILINESTRING((668000 4860000, 668100 4860050))",
                                  intervention(title="Santa Trinità", street="via Santa Trinità"))]})
    layer = QgsVectorLayer(f"{store}|layername=interventions_line", "interventions_line", "ogr")
    QgsProject.instance().addMapLayer(layer)
    qgis_iface.setActiveLayer(layer)
    dock = PratoDock(qgis_iface)
    panel = dock.show_section("export")
    dialog = panel.open_dialog()
    try:
        rows = {dialog.names.item(r, 0).text(): dialog.names.item(r, 1) for r in range(dialog.names.rowCount())}
        assert rows["responsible_body"].text() == "resp_body"
        rows["street"].setText("via")
        out = tmp_path / "dialog.zip"
        dialog.output.setFilePath(str(out))
        dialog.crs.setCrs(dialog.crs.crs().__class__("EPSG:3003"))
        assert dialog.start_export() is not None
        _wait(dialog)
        QgsApplication.processEvents()
        assert "verified" in dialog.result.toPlainText() and "EPSG:3003" in dialog.result.toPlainText()
        with zipfile.ZipFile(out) as archive:
            archive.extractall(tmp_path / "x")
        ds = ogr.Open(str(tmp_path / "x" / "interventions_line.shp"))
        feature = ds.GetLayer().GetNextFeature()
        assert feature.GetField("via") == "via Santa Trinità"
        # an empty selection: a clear message in the dialog's bar, no task, no ZIP
        dialog.selected_only.setChecked(True)
        dialog.output.setFilePath(str(tmp_path / "none.zip"))
        assert dialog.start_export() is None
        assert any("No feature is selected" in item.text() for item in dialog.bar.items())
        assert not (tmp_path / "none.zip").exists()
        assert dialog.buttons.button(QDialogButtonBox.Ok).isEnabled()
    finally:
        dialog.close()
        dock.deleteLater()


def test_layer_context_menu_opens_the_dialog_for_that_layer(tmp_path, qgis_iface):
    import prato_smartcity_plugin

    store = str(tmp_path / "interventions.gpkg")
    write_store(store, {"point": [("MULTIPOINT(668000 4860000)", intervention())]})
    layer = QgsVectorLayer(f"{store}|layername=interventions_point", "cantieri di via Roma", "ogr")
    other = QgsVectorLayer(f"{store}|layername=interventions_line", "altro", "ogr")
    QgsProject.instance().addMapLayers([layer, other])
    plugin = prato_smartcity_plugin.classFactory(qgis_iface)
    plugin.initProcessing()
    plugin.initGui()
    try:
        [(action, _, _, _)] = [e for e in qgis_iface.layer_actions
                               if e[0].objectName() == "pratoExportContractorPackage"]
        qgis_iface.setActiveLayer(layer)
        action.trigger()
        dialog = plugin.export_dialog
        assert [lyr.name() for lyr in dialog.chosen_layers()] == ["cantieri di via Roma"]
    finally:
        plugin.unload()
    assert not any(e[0].objectName() == "pratoExportContractorPackage" for e in qgis_iface.layer_actions)


def test_the_real_interventions_store_is_preselected_and_exported(tmp_path, qgis_iface, clean_project):
    """The store engineer's GeoPackage (triggers, change log, form defaults), filled the way QGIS fills it."""
    from prato_smartcity_plugin.adapters import settings
    from prato_smartcity_plugin.adapters.store import layers as store_layers
    from prato_smartcity_plugin.core.interventions.schema import GeometryKind
    from prato_smartcity_plugin.gui.export_dialog import ExportDialog
    from tests.qgis.store_helpers import add

    settings.set("store_path", str(tmp_path / "interventions.gpkg"))
    try:
        layers = store_layers.open_layers()
        add(layers[GeometryKind.LINE], GeometryKind.LINE, title="Piazza del Duomo – lato nord",
            category="road_works", street="via Santa Trinità")
        add(layers[GeometryKind.POINT], GeometryKind.POINT, title="Santa Trinità")
        dialog = ExportDialog(qgis_iface)
        assert {lyr.id() for lyr in dialog.chosen_layers()} == {lyr.id() for lyr in layers.values()}
        out = tmp_path / "store.zip"
        dialog.output.setFilePath(str(out))
        assert dialog.start_export() is not None
        _wait(dialog)
        report = dialog.last_report
        assert report is not None, dialog.last_error
        assert sorted(f.count for f in report.files) == [1, 1]  # the empty polygon layer gives no file
        with zipfile.ZipFile(out) as archive:
            names = archive.namelist()
            readme = archive.read("README.txt").decode("utf-8")
        assert {n for n in names if n.endswith(".shp")} == {f"{f.stem}.shp" for f in report.files}
        assert "Piazza del Duomo" not in readme and "road_works = Lavori stradali" in readme  # Italian labels (the .qm)
        dialog.close()
    finally:
        settings.set("store_path", "")
