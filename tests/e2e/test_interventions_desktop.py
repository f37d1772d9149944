"""The surveyor's story in the real QGIS desktop (the issue's "done means"), offline: three interventions drawn with
QGIS's own digitizing tools (point, line, area) through the plugin's "New intervention" actions, filled in the native
form, each with a photo; the line and the area are road works that overlap in space and time, so saving them raises
the clash warning; saved with QGIS's Save Edits; QGIS is killed with SIGKILL right after the save; on restart everything
is there, with its change log and the photos beside the store."""

from __future__ import annotations

import json

from tests.e2e.harness import QgisDesktop

DRAW_AND_SAVE = r'''
import shutil
from pathlib import Path
from qgis.core import QgsPointXY, QgsProject, QgsRectangle, QgsSettings
from qgis.gui import QgsAttributeForm
from qgis.PyQt.QtCore import QDate, QPoint, Qt, QTimer
from qgis.PyQt.QtTest import QTest
from qgis.PyQt import sip
from qgis.PyQt.QtWidgets import QAction, QApplication, QWidget

work = Path(WORKDIR).parent.parent / "survey"
work.mkdir(exist_ok=True)
store = work / "interventions.gpkg"
camera = work / "camera"
camera.mkdir(exist_ok=True)
for number in (1, 2, 3):
    shutil.copy("/usr/share/qgis/resources/data/qgis-icon-60x60.png" if Path(
        "/usr/share/qgis/resources/data/qgis-icon-60x60.png").exists() else next(
        Path("/usr/share/qgis").rglob("*.png")), camera / f"IMG_000{number}.png")
QgsSettings().setValue("PratoSmartCity/store_path", str(store))
QgsSettings().setValue("PratoSmartCity/surveyor", "Giulia Bianchi")
QgsSettings().sync()

canvas = iface.mapCanvas()
forms = []
pending_values = []

def fill_forms():
    """Fills the attribute form QGIS opens after digitizing, as the surveyor would, and clicks OK. (The desktop's
    dialogs reach Python as plain QDialogs: their QgsAttributeForm is found by class name and cast.)"""
    for dialog in QApplication.topLevelWidgets():
        if dialog.metaObject().className() != "QgsAttributeDialog" or not dialog.isVisible():
            continue
        if not pending_values or dialog.property("filled"):
            continue
        form = next(sip.cast(w, QgsAttributeForm) for w in dialog.findChildren(QWidget)
                    if w.metaObject().className() == "QgsAttributeForm")
        dialog.setProperty("filled", True)
        for name, value in pending_values.pop(0).items():
            form.changeAttribute(name, value)
        forms.append(form.feature()["surveyor"])
        dialog.accept()  # QgsAttributeDialog.accept: the form saves the feature into the edit buffer

watcher = QTimer()
watcher.timeout.connect(fill_forms)
watcher.start(100)

def fill_form(values):
    pending_values.append(values)

def click(x, y, button=Qt.LeftButton):
    point = canvas.getCoordinateTransform().transform(QgsPointXY(x, y)).toQPointF().toPoint()
    QTest.mouseMove(canvas.viewport(), point)
    QTest.mouseClick(canvas.viewport(), button, Qt.NoModifier, point)
    wait(150)

def new(kind):
    iface.mainWindow().findChild(QAction, f"pratoNewIntervention_{kind}").trigger()
    wait_until(lambda: iface.activeLayer() is not None and iface.activeLayer().isEditable())
    report.setdefault("digitizing", []).append((iface.activeLayer().name(), iface.actionAddFeature().isChecked()))
    if kind == "point":  # the first layer sets the project's CRS: show the centre of Prato
        canvas.setExtent(QgsRectangle(668400, 4859400, 669400, 4860400))
        canvas.refresh()
        wait_until(lambda: not canvas.isDrawing())

new("point")
fill_form({"title": "Access point piazza del Duomo", "category": "wifi_site",
           "photo_1": str(camera / "IMG_0001.png")})
click(668900, 4859900)
wait_until(lambda: len(forms) == 1)
new("line")
fill_form({"title": "Posa fibra via Roma", "category": "road_works", "responsible_body": "estracom",
           "street": "Via Roma", "start_date": QDate(2026, 5, 25), "end_date": QDate(2026, 6, 12),
           "photo_1": str(camera / "IMG_0002.png")})
click(669150, 4859900)  # across the area drawn next
click(669150, 4860050)
click(669150, 4860050, Qt.RightButton)
wait_until(lambda: len(forms) == 2)
new("polygon")
fill_form({"title": "Scavo Publiacqua", "category": "road_works", "responsible_body": "publiacqua",
           "street": "Via Roma", "start_date": QDate(2026, 5, 4), "end_date": QDate(2026, 5, 29),
           "photo_1": str(camera / "IMG_0003.png")})
for x, y in ((669000, 4860000), (669200, 4860000), (669200, 4860100)):
    click(x, y)
click(669200, 4860100, Qt.RightButton)
wait_until(lambda: len(forms) == 3)
watcher.stop()
report["surveyors"] = forms
layers = list(QgsProject.instance().mapLayers().values())
report["buffered"] = sorted((layer.name(), len(layer.editBuffer().addedFeatures())) for layer in layers)
for layer in layers:  # the user's "Save Layer Edits", layer by layer
    iface.setActiveLayer(layer)
    iface.actionSaveActiveLayerEdits().trigger()
report["modified_after_save"] = [layer.name() for layer in layers if layer.isModified()]
# the clash check runs from the event loop right after each commit
wait_until(lambda: any("overlaps" in item.text() for item in iface.messageBar().items()), 10000)
report["messages"] = [item.text() for item in iface.messageBar().items()]
report["store"] = str(store)
import json
(WORKDIR / "before_kill.json").write_text(json.dumps(report, default=str))  # report.json is never written: killed
signal("saved")
wait(60000)
report["not reached"] = True
'''

CHECK_AFTER_RESTART = r'''
import sqlite3
from pathlib import Path
from qgis.core import QgsSettings
from prato_smartcity_plugin.adapters.store import database, layers

store = Path(QgsSettings().value("PratoSmartCity/store_path"))
conn = sqlite3.connect(store)
report["integrity"] = conn.execute("PRAGMA integrity_check").fetchone()[0]
opened = layers.open_layers()
report["features"] = sorted((layer.name(), f["title"], f["category"], f["surveyor"], f["photo_1"] or "",
                             (store.parent / (f["photo_1"] or "missing")).is_file())
                            for layer in opened.values() for f in layer.getFeatures())
report["log"] = sorted((row["layer"], row["op"]) for row in database.change_log(store))
photos = store.parent / "photos"
report["photos"] = sorted(p.name for p in photos.iterdir()) if photos.is_dir() else []
'''


def test_three_interventions_drawn_saved_killed_and_intact_on_restart(desktop: QgisDesktop):
    killed = desktop.run(DRAW_AND_SAVE, kill_at="saved", screenshot="drawn")
    assert killed.killed and killed.returncode == -9, killed.describe()
    assert not killed.errors(), killed.describe()
    before = json.loads((killed.workdir / "before_kill.json").read_text())
    assert [checked for _, checked in before["digitizing"]] == [True, True, True], before
    assert before["buffered"] == [["Interventions (areas)", 1], ["Interventions (lines)", 1],
                                  ["Interventions (points)", 1]], before
    assert before["modified_after_save"] == [], before
    assert before["surveyors"] == ["Giulia Bianchi"] * 3, before
    clashes = [text for text in before["messages"] if "overlaps" in text]
    assert len(clashes) == 1, before["messages"]
    assert "Posa fibra via Roma" in clashes[0] and "Scavo Publiacqua" in clashes[0], clashes
    assert "from 2026-05-25 to 2026-05-29 (5 days)" in clashes[0], clashes

    again = desktop.run(CHECK_AFTER_RESTART, screenshot="restarted")
    again.assert_clean()
    report = again.report
    assert report["integrity"] == "ok"
    titles = {title: (layer, category, surveyor, photo, kept) for layer, title, category, surveyor, photo, kept in
              report["features"]}
    assert titles == {
        "Access point piazza del Duomo": ("Interventions (points)", "wifi_site", "Giulia Bianchi", titles[
            "Access point piazza del Duomo"][3], True),
        "Posa fibra via Roma": ("Interventions (lines)", "road_works", "Giulia Bianchi", titles[
            "Posa fibra via Roma"][3], True),
        "Scavo Publiacqua": ("Interventions (areas)", "road_works", "Giulia Bianchi", titles["Scavo Publiacqua"][3],
                             True)}, report["features"]
    # each photo kept beside the store, by a path relative to it
    assert all(photo.startswith("photos/") for _, _, _, photo, _ in titles.values()), titles
    assert report["log"] == [["interventions_line", "insert"], ["interventions_point", "insert"],
                             ["interventions_polygon", "insert"]]
    assert len(report["photos"]) == 3, report["photos"]
    assert sorted(name[-12:] for name in report["photos"]) == ["IMG_0001.png", "IMG_0002.png", "IMG_0003.png"]
