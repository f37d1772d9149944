"""The half of the e2e harness that runs INSIDE the QGIS desktop (see harness.py for the other half).

``install()`` runs from ``PYQGIS_STARTUP``, before any plugin loads, so that every QgsMessageLog message of the session
(plugin load errors included) is written to ``messages.jsonl``. ``run_body()`` runs from ``--code``: once QGIS's event
loop runs, it executes the test's script with a few helpers and writes ``report.json``; then it waits for the harness
to take its screenshot and quits QGIS cleanly."""

import json
import os
import time
import traceback
from pathlib import Path

WORKDIR = Path(os.environ["PRATO_E2E_DIR"])
STARTED = time.time()
_keep = []  # Python references to Qt objects that must live as long as QGIS


def _append(name, record):
    with open(WORKDIR / name, "a", encoding="utf-8") as stream:
        stream.write(json.dumps(record) + "\n")
        stream.flush()


def _on_message(message, tag, level):
    level = int(getattr(level, "value", level))  # a Python enum in recent QGIS
    _append("messages.jsonl", {"time": time.time(), "tag": tag, "level": level, "message": message})


def install():
    from qgis.core import QgsApplication

    if _keep:  # QGIS may run the start-up file twice
        return
    _keep.append(_on_message)
    QgsApplication.messageLog().messageReceived.connect(_on_message)
    _append("events.jsonl", {"event": "python_started", "time": time.time()})


def wait(ms):
    """Lets QGIS run its event loop for ``ms`` milliseconds (rendering, deleteLater, queued signals)."""
    from qgis.PyQt.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(int(ms), loop.quit)
    loop.exec_()


def wait_until(predicate, timeout_ms=30000, step_ms=100):
    deadline = time.time() + timeout_ms / 1000
    while time.time() < deadline:
        if predicate():
            return True
        wait(step_ms)
    return bool(predicate())


def signal(name):
    """Tells the harness that the script reached ``name`` (the harness may kill -9 QGIS right there)."""
    _append("events.jsonl", {"event": "signal", "name": name, "time": time.time()})
    (WORKDIR / f"signal-{name}").touch()


def _write_report(report):
    partial = WORKDIR / "report.json.partial"
    partial.write_text(json.dumps(report, default=str, indent=1), encoding="utf-8")
    partial.replace(WORKDIR / "report.json")


def _quit_when_asked():
    from qgis.core import QgsProject
    from qgis.PyQt.QtCore import QTimer
    from qgis.utils import iface

    def check():
        if (WORKDIR / "quit").exists():
            timer.stop()
            QgsProject.instance().setDirty(False)  # no "save changes?" question on the way out
            _append("events.jsonl", {"event": "quit", "time": time.time()})
            iface.actionExit().trigger()
            _append("events.jsonl", {"event": "exit_triggered", "time": time.time()})

    timer = QTimer()
    timer.timeout.connect(check)
    timer.start(100)
    _keep.append(timer)


def _execute(source, ready_time):
    from qgis.PyQt.QtWidgets import QApplication
    from qgis.utils import iface

    _append("events.jsonl", {"event": "ready", "time": ready_time})
    screen = QApplication.primaryScreen().geometry()
    iface.mainWindow().setGeometry(screen)  # no window manager under Xvfb: fill the screen for the screenshot
    report = {"ready_time": ready_time, "python_started": STARTED}
    namespace = {"report": report, "wait": wait, "wait_until": wait_until, "signal": signal, "iface": iface,
                 "WORKDIR": WORKDIR, "__name__": "__e2e__"}
    try:
        exec(compile(source, "<e2e script>", "exec"), namespace)
        report["__ok__"] = True
    except BaseException:  # noqa: B036 - the test must see any failure of its script
        report["__error__"] = traceback.format_exc()
    wait(300)
    _write_report(report)
    _quit_when_asked()


def run_body(source):
    """Called from the ``--code`` script: run ``source`` as soon as the desktop's event loop is up."""
    from qgis.PyQt.QtCore import QTimer

    QTimer.singleShot(0, lambda: _execute(source, time.time()))


def run_body_file(path):
    run_body(Path(path).read_text(encoding="utf-8"))
