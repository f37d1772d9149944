"""``make package`` builds a ZIP that Plugin Manager installs and the QGIS plugin repository accepts."""

from __future__ import annotations

import configparser
import importlib.util
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
MODULE = "prato_smartcity_plugin"
REQUIRED = ["name", "qgisMinimumVersion", "description", "about", "version", "author", "email", "repository"]


def _package_module():
    spec = importlib.util.spec_from_file_location("package_script", REPO / "scripts" / "package.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    # A stray cache file in the source tree must not reach the ZIP.
    stray = REPO / MODULE / "core" / "__pycache__" / "stray.cpython-311.pyc"
    stray.parent.mkdir(exist_ok=True)
    created = not stray.exists()
    stray.write_bytes(b"\0")
    try:
        path = _package_module().build(tmp_path_factory.mktemp("dist"))
    finally:
        if created:
            stray.unlink()
    with zipfile.ZipFile(path) as archive:
        yield path, archive, archive.namelist()


def _metadata(archive) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read_string(archive.read(f"{MODULE}/metadata.txt").decode("utf-8"))
    return parser["general"]


def test_zip_is_named_after_the_module_and_the_version(built):
    path, archive, _ = built
    assert path.name == f"{MODULE}-{_metadata(archive)['version']}.zip"
    assert archive.testzip() is None


def test_single_top_folder_named_like_the_module(built):
    _, _, names = built
    assert {name.split("/")[0] for name in names} == {MODULE}
    assert f"{MODULE}/__init__.py" in names


def test_metadata_has_every_required_field_and_is_the_top_level_copy(built):
    _, archive, _ = built
    general = _metadata(archive)
    for field in REQUIRED:
        assert general.get(field, "").strip(), f"metadata.txt lacks {field}"
    assert general["qgisMinimumVersion"] == "3.22"
    assert "@" in general["email"] and general["repository"].startswith("https://")
    assert archive.read(f"{MODULE}/metadata.txt") == (REPO / "metadata.txt").read_bytes()


def test_icon_licence_and_resources_are_inside(built):
    _, archive, names = built
    assert f"{MODULE}/{_metadata(archive)['icon']}" in names
    assert f"{MODULE}/LICENSE" in names
    assert archive.read(f"{MODULE}/LICENSE") == (REPO / "LICENSE").read_bytes()
    for demo in ("prato_demo.gpkg", "prato_demo.qgz", "SOURCES.md"):
        assert f"{MODULE}/resources/demo/{demo}" in names
    assert any(name.startswith(f"{MODULE}/resources/styles/") and name.endswith(".qml") for name in names)


def test_no_compiled_cache_or_test_files(built):
    _, _, names = built
    for name in names:
        parts = name.split("/")
        assert "__pycache__" not in parts and not name.endswith((".pyc", ".pyo")), name
        assert "tests" not in parts and not parts[-1].startswith("."), name
        assert not name.endswith(("-wal", "-shm")), name


def test_every_shipped_python_file_compiles(built):
    _, archive, names = built
    for name in names:
        if name.endswith(".py"):
            compile(archive.read(name), name, "exec")


def test_staging_syncs_exactly_the_zip_contents_and_a_second_run_changes_nothing(built, tmp_path):
    _, _, names = built
    package = _package_module()
    (tmp_path / MODULE / "obsolete.py").parent.mkdir(parents=True)
    (tmp_path / MODULE / "obsolete.py").write_text("old")
    first = package.stage(tmp_path)
    assert f"-{MODULE}/obsolete.py" in first
    staged = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    assert staged == sorted(names)
    assert package.stage(tmp_path) == []
