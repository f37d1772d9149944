"""End-to-end harness: the real QGIS desktop under Xvfb, with the plugin installed from the packaged ZIP into a fresh
profile exactly as Plugin Manager ▸ Install from ZIP does. Reusable by every capability's e2e tests:

    result = qgis_desktop.run('''
        iface.mainWindow().findChild(QAction, "pratoSmartCityShowDock").trigger()
        report["docks"] = ...
    ''', project=some_project)
    result.assert_clean()          # no 'Python error', no Critical from the plugin
    assert result.report["docks"] == ...

The script runs inside QGIS once its event loop is up, with ``iface``, ``report`` (a dict returned as JSON),
``wait(ms)``, ``wait_until(predicate)`` and ``signal(name)``. ``run(..., kill_at=name)`` kills QGIS with SIGKILL as soon
as the script calls ``signal(name)``; a following ``run`` on the same :class:`QgisDesktop` reuses the profile.
"""

from __future__ import annotations

import json
import os
import signal as signals
import subprocess
import sys
import textwrap
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO / "scripts"))
import qgis_desktop  # noqa: E402 - scripts/qgis_desktop.py, shared with `make run`

PLUGIN_TAG = "Prato Smart City"
PYTHON_ERROR_TAG = "Python error"
CRITICAL = 2  # Qgis.Critical


class Xvfb:
    """A virtual X display on a free display number (Xvfb chooses it: -displayfd)."""

    def __init__(self, size: str = "1600x1000x24"):
        read_fd, write_fd = os.pipe()
        self.process = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", size, "-nolisten", "tcp"],
            pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write_fd)
        with os.fdopen(read_fd) as stream:
            number = stream.readline().strip()
        if not number:
            self.process.kill()
            raise RuntimeError("Xvfb did not start")
        self.display = f":{number}"

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@dataclass
class QgisRun:
    returncode: int | None
    report: dict
    messages: list[dict]
    events: list[dict]
    workdir: Path
    screenshot: Path | None = None
    killed: bool = False
    timed_out: bool = False
    started: float = 0.0
    stdout: str = ""
    stderr: str = ""
    signals: list[str] = field(default_factory=list)

    def errors(self) -> list[dict]:
        """Messages that fail a test: anything under 'Python error', and any Critical from the plugin."""
        return [m for m in self.messages
                if m["tag"] == PYTHON_ERROR_TAG or (m["tag"] == PLUGIN_TAG and m["level"] >= CRITICAL)]

    def event_time(self, name: str) -> float | None:
        return next((e["time"] for e in self.events if e["event"] == name), None)

    def describe(self) -> str:
        errors = "\n".join(f"[{m['tag']}] {m['message']}" for m in self.errors())
        return (f"QGIS run in {self.workdir}: returncode={self.returncode} killed={self.killed} "
                f"timed_out={self.timed_out}\nscript error: {self.report.get('__error__')}\nerrors:\n{errors}\n"
                f"stderr (tail):\n{self.stderr[-3000:]}")

    def assert_clean(self) -> None:
        """The script ran to its end, QGIS exited normally and the log holds no error."""
        assert not self.timed_out, self.describe()
        assert self.report.get("__ok__"), self.describe()
        assert not self.errors(), self.describe()
        assert self.returncode == 0, self.describe()


class QgisDesktop:
    """One QGIS profile (a folder of its own) on one display; ``run`` starts QGIS in it as often as needed."""

    def __init__(self, profiles: Path, display: str, artifacts: Path, profile: str = "e2e"):
        self.profiles = Path(profiles)
        self.profile = profile
        self.display = display
        self.artifacts = Path(artifacts)
        self.runs = 0

    @property
    def profile_dir(self) -> Path:
        return qgis_desktop.profile_dir(self.profiles, self.profile)

    def install_zip(self, zip_path: Path) -> Path:
        return qgis_desktop.install_zip(zip_path, self.profiles, self.profile)

    def set_plugin_enabled(self, enabled: bool) -> None:
        qgis_desktop.configure_profile(self.profiles, self.profile, enabled=enabled)

    def screenshot(self, name: str) -> Path:
        self.artifacts.mkdir(parents=True, exist_ok=True)
        target = self.artifacts / f"{name}.png"
        subprocess.run(["import", "-window", "root", str(target)], env={**os.environ, "DISPLAY": self.display},
                       check=True, timeout=60, capture_output=True)
        return target

    def run(self, script_body: str, project: Path | None = None, timeout: float = 240, kill_at: str | None = None,
            screenshot: str | None = None, extra_args: list[str] | None = None, env: dict | None = None) -> QgisRun:
        """Starts QGIS, runs ``script_body`` inside it, returns what it reported. ``screenshot`` names a PNG saved
        in the artifacts once the script is done (before QGIS quits). ``kill_at``: SIGKILL QGIS at that signal."""
        self.runs += 1
        workdir = self.profiles / "runs" / f"{self.runs:02d}"
        workdir.mkdir(parents=True, exist_ok=True)
        (workdir / "body.py").write_text(textwrap.dedent(script_body), encoding="utf-8")
        bootstrap = f"import sys\nsys.path.insert(0, {str(HERE)!r})\nimport qgis_side\n"
        (workdir / "startup.py").write_text(bootstrap + "qgis_side.install()\n", encoding="utf-8")
        (workdir / "code.py").write_text(
            bootstrap + f"qgis_side.run_body_file({str(workdir / 'body.py')!r})\n",
            encoding="utf-8")
        command = qgis_desktop.qgis_command(self.profiles, self.profile, project=project, code=workdir / "code.py",
                                            extra=extra_args)
        run_env = qgis_desktop.desktop_env(self.display, {"PYQGIS_STARTUP": str(workdir / "startup.py"),
                                                          "PRATO_E2E_DIR": str(workdir), **(env or {})})
        stdout = open(workdir / "stdout.txt", "w")
        stderr = open(workdir / "stderr.txt", "w")
        started = time.time()
        process = subprocess.Popen(command, env=run_env, stdout=stdout, stderr=stderr, start_new_session=True)
        result = QgisRun(None, {}, [], [], workdir, started=started)
        try:
            self._supervise(process, result, workdir, timeout, kill_at, screenshot)
        finally:
            if process.poll() is None:
                os.killpg(process.pid, signals.SIGKILL)
                process.wait()
            stdout.close()
            stderr.close()
        result.returncode = process.returncode
        result.stdout = (workdir / "stdout.txt").read_text(errors="replace")
        result.stderr = (workdir / "stderr.txt").read_text(errors="replace")
        result.messages = _read_jsonl(workdir / "messages.jsonl")
        result.events = _read_jsonl(workdir / "events.jsonl")
        if (workdir / "report.json").is_file():
            result.report = json.loads((workdir / "report.json").read_text(encoding="utf-8"))
        (self.artifacts).mkdir(parents=True, exist_ok=True)
        (self.artifacts / f"run{self.runs:02d}-messages.json").write_text(
            json.dumps(result.messages, indent=1), encoding="utf-8")
        return result

    def _supervise(self, process, result, workdir, timeout, kill_at, screenshot) -> None:
        deadline = time.time() + timeout
        while time.time() < deadline:
            if kill_at and (workdir / f"signal-{kill_at}").exists():
                os.killpg(process.pid, signals.SIGKILL)
                process.wait()
                result.killed = True
                result.signals.append(kill_at)
                return
            if process.poll() is not None:
                return
            if (workdir / "report.json").is_file():
                if screenshot:
                    result.screenshot = self.screenshot(screenshot)
                (workdir / "quit").touch()
                try:
                    process.wait(max(5.0, deadline - time.time()))
                    return
                except subprocess.TimeoutExpired:
                    break
            time.sleep(0.1)
        result.timed_out = True
        self.screenshot(f"{screenshot or 'run'}-timeout")  # what was on screen when it hung (a dialog?)


def _read_jsonl(path: Path) -> list[dict]:
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
