"""The plugin in the real QGIS desktop, installed from the packaged ZIP into a fresh profile."""

from __future__ import annotations

from qgis.PyQt.QtGui import QColor, QImage

MODULE = "prato_smartcity_plugin"

OPEN_DOCK_AND_DEMO = """
from qgis.core import QgsProject
from qgis.PyQt.QtWidgets import QAction, QDockWidget, QPushButton
import qgis.utils

window = iface.mainWindow()
report["active_plugins"] = list(qgis.utils.active_plugins)
report["plugin_menu"] = [a.text() for a in iface.pluginMenu().actions()]
window.findChild(QAction, "pratoSmartCityShowDock").trigger()
dock = window.findChild(QDockWidget, "PratoSmartCityDock")
report["dock_visible"] = dock is not None and dock.isVisible()
report["dock_title"] = dock.windowTitle() if dock else None
button = dock.findChild(QPushButton, "openDemoProject")
wait_until(lambda: button.isVisible())
button.click()
wait_until(lambda: QgsProject.instance().fileName().endswith("prato_demo.qgz"))
project = QgsProject.instance()
report["project"] = project.fileName()
report["project_crs"] = project.crs().authid()
report["layers"] = [
    {"name": node.name(), "visible": node.isVisible(), "valid": node.layer().isValid(),
     "crs": node.layer().crs().authid(), "source": node.layer().source(),
     "features": node.layer().featureCount() if node.layer().type() == 0 else None,
     "licences": node.layer().metadata().licenses(), "rights": node.layer().metadata().rights()}
    for node in project.layerTreeRoot().findLayers()]
canvas = iface.mapCanvas()
wait_until(lambda: not canvas.isDrawing())
wait(1500)
report["canvas_crs"] = canvas.mapSettings().destinationCrs().authid()
"""


def _count(image: QImage, rgb: tuple[int, int, int], tolerance: int = 24) -> int:
    target = QColor(*rgb)
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = QColor(image.pixel(x, y))
            if (abs(c.red() - target.red()) + abs(c.green() - target.green())
                    + abs(c.blue() - target.blue())) <= tolerance:
                count += 1
    return count


def test_plugin_loads_dock_opens_and_demo_project_shows_prato(desktop):
    result = desktop.run(OPEN_DOCK_AND_DEMO, screenshot="qgis_with_dock_and_prato")
    result.assert_clean()
    report = result.report
    assert MODULE in report["active_plugins"]
    assert any("Prato Smart City" in text for text in report["plugin_menu"])
    assert report["dock_visible"] and report["dock_title"] == "Prato Smart City"
    assert report["project"] == str(desktop.profile_dir / "prato_smartcity" / "demo" / "prato_demo.qgz")
    assert report["project_crs"] == report["canvas_crs"] == "EPSG:6707"
    layers = {layer["name"]: layer for layer in report["layers"]}
    assert list(layers) == ["Wi-Fi access points (derived)", "Cycle paths (OpenStreetMap)", "Wi-Fi coverage areas",
                            "Comune di Prato", "OpenStreetMap (online)"]
    for name, layer in layers.items():
        assert layer["valid"], name
        assert layer["licences"], name
        if name != "OpenStreetMap (online)":
            assert layer["visible"] and layer["crs"] == "EPSG:6707", name
            assert layer["source"].startswith(str(desktop.profile_dir)), name
    assert not layers["OpenStreetMap (online)"]["visible"]
    assert layers["Cycle paths (OpenStreetMap)"]["features"] == 224
    assert "© OpenStreetMap contributors" in " ".join(layers["Cycle paths (OpenStreetMap)"]["rights"])

    image = QImage(str(result.screenshot))
    assert (image.width(), image.height()) == (1600, 1000)
    assert _count(image, (0, 109, 44)) > 200, "the cycle paths (dark green) are drawn"
    assert _count(image, (8, 81, 156)) > 20, "the Wi-Fi access points (dark blue) are drawn"


UNLOAD_RELOAD = """
import logging
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QEvent, QTimer
from qgis.PyQt.QtWidgets import QAction, QApplication, QDockWidget, QToolBar, QWidget
import qgis.utils

MODULE = "prato_smartcity_plugin"
window = iface.mainWindow()


def options_page_present():
    found = []

    def inspect():
        dialog = QApplication.activeModalWidget()
        found.append(dialog is not None and dialog.findChild(QWidget, "PratoSmartCityOptions") is not None)
        if dialog is not None:
            dialog.reject()

    QTimer.singleShot(2500, inspect)
    iface.showOptionsDialog(window)
    return found[0]


def state():
    wait(300)
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)  # deleteLater()s of unload, from this nested loop
    return {
        "active": MODULE in qgis.utils.active_plugins,
        "modules": sorted(m for m in __import__("sys").modules if m.split(".")[0] == MODULE),
        "actions": len([a for a in window.findChildren(QAction, "pratoSmartCityShowDock")]),
        "menu": [a.text() for a in iface.pluginMenu().actions() if "Prato" in a.text()],
        "toolbars": len(window.findChildren(QToolBar, "PratoSmartCityToolbar")),
        "docks": len(window.findChildren(QDockWidget, "PratoSmartCityDock")),
        "provider": QgsApplication.processingRegistry().providerById("pratosmartcity") is not None,
        "log_handlers": len(logging.getLogger("prato_smartcity").handlers),
        "options_page": options_page_present(),
    }


window.findChild(QAction, "pratoSmartCityShowDock").trigger()
report["loaded"] = state()
for cycle in range(2):
    report[f"unload_{cycle}"] = qgis.utils.unloadPlugin(MODULE)
    report[f"after_unload_{cycle}"] = state()
    report[f"load_{cycle}"] = qgis.utils.loadPlugin(MODULE) and qgis.utils.startPlugin(MODULE)
    window.findChild(QAction, "pratoSmartCityShowDock").trigger()
    report[f"after_reload_{cycle}"] = state()
report["reload_plugin"] = qgis.utils.reloadPlugin(MODULE)
report["after_reload_plugin"] = state()
"""


def test_unload_and_reload_in_the_desktop_leave_nothing_behind(desktop):
    result = desktop.run(UNLOAD_RELOAD, screenshot="after_reload")
    result.assert_clean()
    report = result.report
    loaded = report["loaded"]
    assert loaded["active"] and loaded["modules"] and loaded["provider"] and loaded["options_page"]
    assert (loaded["actions"], loaded["toolbars"], loaded["docks"], loaded["log_handlers"]) == (1, 1, 1, 1)
    assert loaded["menu"]
    for cycle in range(2):
        assert report[f"unload_{cycle}"] and report[f"load_{cycle}"]
        gone = report[f"after_unload_{cycle}"]
        assert gone == {"active": False, "modules": [], "actions": 0, "menu": [], "toolbars": 0, "docks": 0,
                        "provider": False, "log_handlers": 0, "options_page": False}, gone
        assert report[f"after_reload_{cycle}"] == loaded
    assert report["reload_plugin"]
    # reloadPlugin does not reopen the dock, so the dock and its lazily imported modules are not there yet
    lazy = ("docks", "modules")
    assert {k: v for k, v in report["after_reload_plugin"].items() if k not in lazy} == \
        {k: v for k, v in loaded.items() if k not in lazy}


def test_harness_kills_qgis_at_a_signal_and_restarts_on_the_same_profile(desktop):
    marker = "from qgis.core import QgsSettings\n"
    killed = desktop.run(marker + "QgsSettings().setValue('e2e/marker', 'before kill')\nQgsSettings().sync()\n"
                         "signal('midway')\nwait(60000)\nreport['not reached'] = True\n", kill_at="midway")
    assert killed.killed and killed.returncode == -9 and "not reached" not in killed.report
    again = desktop.run(marker + "report['marker'] = QgsSettings().value('e2e/marker')\n")
    again.assert_clean()
    assert again.report["marker"] == "before kill"
