"""The contractor package in the real QGIS desktop (plugin installed from its ZIP): the store's layers with two
interventions, the export dialog opened from the plugin's layer action, CRS Monte Mario (EPSG:3003), Export; the
task runs in QGIS's task manager; the ZIP is read back here with OGR as a contractor's GIS would."""

from __future__ import annotations

import zipfile

from osgeo import ogr

EXPORT = r'''
from pathlib import Path
from qgis.core import QgsApplication, QgsCoordinateReferenceSystem, QgsGeometry, QgsSettings, QgsVectorLayerUtils
from qgis.PyQt.QtWidgets import QAction, QApplication, QDialog, QDialogButtonBox
import qgis.utils

work = Path(WORKDIR).parent.parent / "export"
work.mkdir(exist_ok=True)
QgsSettings().setValue("PratoSmartCity/store_path", str(work / "interventions.gpkg"))
from prato_smartcity_plugin.adapters.store import layers as store_layers
from prato_smartcity_plugin.core.interventions.schema import GeometryKind

layers = store_layers.open_layers()
for kind, wkt, values in (
        (GeometryKind.LINE, "MultiLineString ((668800 4859800, 669000 4860000))",
         {"title": "Piazza del Duomo – lato nord", "category": "road_works", "street": "via Santa Trinità"}),
        (GeometryKind.POINT, "MultiPoint ((668900 4859900))", {"title": "Santa Trinità", "category": "wifi_site"})):
    layer = layers[kind]
    layer.startEditing()
    feature = QgsVectorLayerUtils.createFeature(layer, QgsGeometry.fromWkt(wkt),
                                                {layer.fields().indexOf(k): v for k, v in values.items()})
    layer.addFeature(feature)
    report.setdefault("committed", []).append(layer.commitChanges())

iface.setActiveLayer(layers[GeometryKind.LINE])
plugin = qgis.utils.plugins["prato_smartcity_plugin"]
plugin.open_export_dialog()
dialog = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "pratoExportDialog" and w.isVisible())
report["preselected"] = [layer.name() for layer in dialog.chosen_layers()]
dialog.crs.setCrs(QgsCoordinateReferenceSystem("EPSG:3003"))
dialog.output.setFilePath(str(work / "contractor.zip"))
wait(500)
dialog.buttons.button(QDialogButtonBox.Ok).click()
wait_until(lambda: dialog.task is None, timeout_ms=60000)
wait(500)
report["result"] = dialog.result.toPlainText()
report["zip"] = str(work / "contractor.zip")
'''


def test_export_from_the_layer_action_in_the_desktop(desktop):
    result = desktop.run(EXPORT, screenshot="export_dialog_after_export")
    result.assert_clean()
    report = result.report
    assert report["committed"] == [True, True]
    assert len(report["preselected"]) == 1  # the active layer
    assert "written and verified" in report["result"] and "EPSG:3003" in report["result"]
    with zipfile.ZipFile(report["zip"]) as archive:
        names = archive.namelist()
        assert "LEGGIMI.txt" in names and "README.txt" in names
        shp = next(n for n in names if n.endswith(".shp"))
        folder = desktop.profiles / "unzipped"
        archive.extractall(folder)
    ds = ogr.Open(str(folder / shp))
    feature = ds.GetLayer().GetNextFeature()
    assert feature.GetField("title") == "Piazza del Duomo – lato nord"
    assert feature.GetField("street") == "via Santa Trinità"
    x = feature.GetGeometryRef().GetX(0)
    assert 1_668_000 < x < 1_670_000  # Gauss-Boaga east zone: 1,000 km east of UTM 32N
