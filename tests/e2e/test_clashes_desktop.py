"""The road-works clash warning in the real QGIS desktop: two road works saved into the interventions store with QGIS's
own "Save Layer Edits", the second on the first's spot at overlapping dates; the message bar names the other work, its
body and the overlap period, and its "Show clashes" button puts the styled clash layer on the map (a result that can be
computed again: QGIS does not ask about it on exit)."""

from __future__ import annotations

SAVE_TWO_ROAD_WORKS = r'''
from pathlib import Path
from qgis.core import QgsGeometry, QgsProject, QgsRectangle, QgsSettings, QgsVectorLayerUtils
from qgis.PyQt.QtCore import QDate
from qgis.PyQt.QtWidgets import QPushButton
from prato_smartcity_plugin.adapters.store import layers
from prato_smartcity_plugin.core.interventions.schema import GeometryKind

work = Path(WORKDIR).parent.parent / "clashes"
work.mkdir(exist_ok=True)
QgsSettings().setValue("PratoSmartCity/store_path", str(work / "interventions.gpkg"))
opened = layers.open_layers()
canvas = iface.mapCanvas()
canvas.setExtent(QgsRectangle(668700, 4859700, 669300, 4860200))

def save(kind, wkt, **values):
    layer = opened[kind]
    attributes = {layer.fields().indexOf(name): value for name, value in values.items()}
    feature = QgsVectorLayerUtils.createFeature(layer, QgsGeometry.fromWkt(wkt), attributes)
    layer.startEditing()
    layer.addFeature(feature)
    iface.setActiveLayer(layer)
    iface.actionSaveActiveLayerEdits().trigger()  # the user's "Save Layer Edits"
    wait(500)

def texts():
    return [item.text() for item in iface.messageBar().items()]

save(GeometryKind.POLYGON, "MultiPolygon (((668900 4859900, 669100 4859900, 669100 4859920, 668900 4859920, "
     "668900 4859900)))", title="Rifacimento fognatura via Garibaldi", category="road_works", status="approved",
     responsible_body="publiacqua", street="Via Garibaldi", start_date=QDate(2026, 5, 4),
     end_date=QDate(2026, 5, 29))
report["after_first"] = [t for t in texts() if "clash" in t.lower()]
save(GeometryKind.LINE, "MultiLineString ((669000 4859850, 669000 4859980))", title="Posa fibra",
     category="road_works", status="proposed", responsible_body="estracom", street="v. Garibaldi, 12",
     start_date=QDate(2026, 5, 25), end_date=QDate(2026, 6, 12))
wait_until(lambda: any("Posa fibra" in t for t in texts()))
report["messages"] = [t for t in texts() if "clash" in t.lower()]
item = next(i for i in iface.messageBar().items() if "Posa fibra" in i.text())
item.findChild(QPushButton, "pratoShowClashesButton").click()
clash_layers = [l for l in QgsProject.instance().mapLayers().values()
                if l.customProperty("pratosmartcity/road_works_clashes")]
report["clash_layers"] = [(l.name(), l.featureCount(), l.renderer().type(),
                           [sorted([f["a_title"], f["b_title"]]) for f in l.getFeatures()]) for l in clash_layers]
report["canvas_shows_clash"] = bool(clash_layers) and canvas.extent().contains(clash_layers[0].extent())
report["tree_top"] = QgsProject.instance().layerTreeRoot().children()[0].name()
wait_until(lambda: not canvas.isDrawing())
wait(1000)
'''


def test_saving_a_clashing_road_work_warns_in_the_desktop(desktop):
    result = desktop.run(SAVE_TWO_ROAD_WORKS, screenshot="clash_warning")
    result.assert_clean()
    report = result.report
    assert report["after_first"] == []
    [message] = report["messages"]
    assert message == ('Road works clash: "Posa fibra" overlaps "Rifacimento fognatura via Garibaldi" by Publiacqua, '
                       "from 2026-05-25 to 2026-05-29 (5 days).")
    assert report["clash_layers"] == [["Road works clashes", 1, "RuleRenderer",
                                       [["Posa fibra", "Rifacimento fognatura via Garibaldi"]]]]
    assert report["canvas_shows_clash"]
    assert report["tree_top"] == "Road works clashes"  # on top of the layer tree, not inside the store's group
