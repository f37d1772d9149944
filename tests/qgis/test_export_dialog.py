"""The export dialog, reached from the dock's Export section: layer choice, field name table with an override, the
export in a QgsTask and the verification report shown to the user."""

from __future__ import annotations

import zipfile

from osgeo import ogr
from qgis.core import QgsApplication, QgsProject, QgsVectorLayer
from qgis.PyQt.QtWidgets import QDialogButtonBox

from tests.export_data import intervention, write_store


def _wait(task):
    while task.status() not in (task.Complete, task.Terminated):
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
        task = dialog.start_export()
        assert task is not None
        _wait(task)
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
