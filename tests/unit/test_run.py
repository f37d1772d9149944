"""``make run``'s profile set-up (scripts/qgis_desktop.py), without starting QGIS."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "scripts"))

import qgis_desktop  # noqa: E402


def test_without_a_display_make_run_says_so_and_how_to_get_one():
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    result = subprocess.run([sys.executable, str(REPO / "scripts" / "qgis_desktop.py")], env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "no display" in result.stderr and "make run DISPLAY=:99" in result.stderr


def test_enabling_the_plugin_keeps_the_other_settings_and_is_idempotent(tmp_path):
    ini = qgis_desktop.ini_path(tmp_path)
    ini.parent.mkdir(parents=True)
    ini.write_text("[PythonPlugins]\nprocessing=true\n\n[UI]\nrecentProjects\\1\\title=Prato Smart City \\x2014 demo\n"
                   "[qgis]\nconnections-xyz\\OSM\\url=https://tile.openstreetmap.org/{z}/{x}/{y}.png\n")
    assert qgis_desktop.configure_profile(tmp_path) is True
    text = ini.read_text()
    assert "prato_smartcity_plugin=true" in text and "processing=true" in text
    assert "recentProjects\\1\\title=Prato Smart City \\x2014 demo" in text
    assert "connections-xyz\\OSM\\url=https://tile.openstreetmap.org/{z}/{x}/{y}.png" in text
    assert qgis_desktop.configure_profile(tmp_path) is False
    assert qgis_desktop.configure_profile(tmp_path, enabled=False) is True
    assert "prato_smartcity_plugin=false" in ini.read_text()


def test_desktop_environment_never_uses_the_offscreen_platform():
    env = qgis_desktop.desktop_env(":42", {"PYTHONDONTWRITEBYTECODE": None, "EXTRA": "1"})
    assert env["DISPLAY"] == ":42" and env["EXTRA"] == "1"
    assert env.get("QT_QPA_PLATFORM") != "offscreen"
    assert "PYTHONDONTWRITEBYTECODE" not in env and "QGIS_CUSTOM_CONFIG_PATH" not in env
    command = qgis_desktop.qgis_command(Path("/p"), "prato", project=Path("/d/prato_demo.qgz"))
    assert command[1:] == ["--profiles-path", "/p", "--profile", "prato", "--nologo", "--noversioncheck",
                           "--project", "/d/prato_demo.qgz"]
