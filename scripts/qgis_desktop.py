#!/usr/bin/python3
"""The real QGIS desktop in a dedicated profile, with the plugin installed as Plugin Manager installs it.

``make run`` calls :func:`main`; the end-to-end tests (``tests/e2e``) and ``bench/startup.py`` use the same functions,
so what they test is what a user runs. Profiles live under ``<profiles>/profiles/<name>`` (QGIS's layout for
``--profiles-path``)."""

from __future__ import annotations

import argparse
import configparser
import io
import os
import shutil
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MODULE = "prato_smartcity_plugin"
DEFAULT_PROFILES = REPO / ".cache" / "profiles"
PROFILE = "prato"
QGIS = shutil.which("qgis") or "/usr/bin/qgis"


def profile_dir(profiles: Path, name: str = PROFILE) -> Path:
    return Path(profiles) / "profiles" / name


def plugins_dir(profiles: Path, name: str = PROFILE) -> Path:
    return profile_dir(profiles, name) / "python" / "plugins"


def ini_path(profiles: Path, name: str = PROFILE) -> Path:
    return profile_dir(profiles, name) / "QGIS" / "QGIS3.ini"


#: What the profile needs: the plugin enabled (what Plugin Manager writes when a plugin is ticked).
PROFILE_SETTINGS = {"PythonPlugins": {MODULE: "true"}}


def configure_profile(profiles: Path, name: str = PROFILE, enabled: bool = True) -> bool:
    """Writes :data:`PROFILE_SETTINGS` into the profile's QGIS3.ini (``enabled=False`` disables the plugin);
    returns whether the file changed. Other settings are kept."""
    path = ini_path(profiles, name)
    parser = configparser.ConfigParser(interpolation=None, strict=False, delimiters=("=",))
    parser.optionxform = str  # QSettings keys are case-sensitive
    before = path.read_text(encoding="utf-8") if path.is_file() else ""
    parser.read_string(before)
    wanted = {section: dict(values) for section, values in PROFILE_SETTINGS.items()}
    wanted["PythonPlugins"][MODULE] = "true" if enabled else "false"
    if all(parser.get(section, key, fallback=None) == value
           for section, values in wanted.items() for key, value in values.items()):
        return False
    for section, values in wanted.items():
        if not parser.has_section(section):
            parser.add_section(section)
        for key, value in values.items():
            parser.set(section, key, value)
    text = io.StringIO()
    parser.write(text, space_around_delimiters=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text.getvalue(), encoding="utf-8")
    return True


def install_zip(zip_path: Path, profiles: Path, name: str = PROFILE) -> Path:
    """What Plugin Manager ▸ Install from ZIP does: replace the plugin folder with the ZIP's, then enable it."""
    target = plugins_dir(profiles, name)
    shutil.rmtree(target / MODULE, ignore_errors=True)
    target.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(target)
    configure_profile(profiles, name)
    return target / MODULE


def desktop_env(display: str | None = None, extra: dict | None = None) -> dict:
    """The environment for the desktop: a real X display, never the offscreen platform the test suite uses.
    ``extra`` adds variables (a ``None`` value removes one)."""
    env = dict(os.environ)
    if display:
        env["DISPLAY"] = display
    if env.get("QT_QPA_PLATFORM") == "offscreen":
        env.pop("QT_QPA_PLATFORM")
    env.pop("QGIS_CUSTOM_CONFIG_PATH", None)
    for key, value in (extra or {}).items():  # None removes a variable
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def qgis_command(profiles: Path, name: str = PROFILE, project: Path | None = None, code: Path | None = None,
                 extra: list[str] | None = None) -> list[str]:
    command = [QGIS, "--profiles-path", str(profiles), "--profile", name, "--nologo", "--noversioncheck"]
    if code is not None:
        command += ["--code", str(code)]
    command += list(extra or [])
    if project is not None:
        command += ["--project", str(project)]
    return command


def has_display(env=os.environ) -> bool:
    return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="make run: QGIS with the plugin and the Prato demo project")
    parser.add_argument("--profiles-path", type=Path, default=DEFAULT_PROFILES)
    parser.add_argument("--profile", default=PROFILE)
    parser.add_argument("--no-start", action="store_true", help="install and configure only")
    args = parser.parse_args(argv)
    if not args.no_start and not has_display():
        print("make run: no display (DISPLAY is not set). QGIS is a desktop application: run it in a graphical "
              "session, or start a virtual one and point DISPLAY at it, e.g.\n"
              "    Xvfb :99 -screen 0 1600x1000x24 &  make run DISPLAY=:99", file=sys.stderr)
        return 2

    sys.path.insert(0, str(REPO / "scripts"))
    import package  # noqa: E402 - sibling script

    changed = package.stage(plugins_dir(args.profiles_path, args.profile))
    print(f"run: plugin updated in the profile ({len(changed)} files)" if changed else "run: plugin up to date")
    if configure_profile(args.profiles_path, args.profile):
        print(f"run: plugin enabled in {ini_path(args.profiles_path, args.profile)}")

    # The demo project opened from the profile, as the dock's button does (the same function).
    sys.path.insert(0, str(REPO))
    from prato_smartcity_plugin.adapters.demo_project import PROJECT_FILE, ensure_user_copy  # noqa: E402

    demo = ensure_user_copy(profile_dir(args.profiles_path, args.profile) / "prato_smartcity" / "demo")
    assert demo.name == PROJECT_FILE
    command = qgis_command(args.profiles_path, args.profile, project=demo)
    print("run:", " ".join(command))
    if args.no_start:
        return 0
    os.execvpe(command[0], command, desktop_env())
    return 0  # not reached


if __name__ == "__main__":
    sys.exit(main())
