#!/usr/bin/python3
"""Builds the plugin ZIP for Plugin Manager ▸ Install from ZIP and the QGIS plugin repository:
``dist/prato_smartcity_plugin-<version>.zip`` with one top folder ``prato_smartcity_plugin/`` holding the package,
``resources/``, ``metadata.txt`` (the top-level one: the only source) and ``LICENSE``; no caches, no tests.

Also stages the same files into a folder (``--stage DIR``) for ``make run``, rewriting only what changed."""

from __future__ import annotations

import argparse
import configparser
import filecmp
import shutil
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MODULE = "prato_smartcity_plugin"
EXCLUDED_DIRS = {"__pycache__", "tests", "test", ".pytest_cache", ".mypy_cache", ".ruff_cache"}
EXCLUDED_SUFFIXES = (".pyc", ".pyo", ".gpkg-wal", ".gpkg-shm", ".orig", ".rej", "~")
FIXED_DATE = (2020, 1, 1, 0, 0, 0)  # same bytes for the same files


def metadata_version(repo: Path = REPO) -> str:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(repo / "metadata.txt", encoding="utf-8")
    return parser["general"]["version"]


def _shipped(folder: Path):
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if not path.is_file() or EXCLUDED_DIRS.intersection(relative.parts):
            continue
        if path.name.endswith(EXCLUDED_SUFFIXES) or path.name.startswith("."):
            continue
        yield path, relative


def files(repo: Path = REPO) -> dict[str, Path]:
    """Archive name (``prato_smartcity_plugin/...``) -> source file, in archive order."""
    shipped = {f"{MODULE}/{rel.as_posix()}": path for path, rel in _shipped(repo / MODULE)}
    shipped.update({f"{MODULE}/resources/{rel.as_posix()}": path for path, rel in _shipped(repo / "resources")})
    shipped[f"{MODULE}/metadata.txt"] = repo / "metadata.txt"
    shipped[f"{MODULE}/LICENSE"] = repo / "LICENSE"
    return shipped


def build(dist: Path = REPO / "dist", repo: Path = REPO) -> Path:
    dist.mkdir(parents=True, exist_ok=True)
    target = dist / f"{MODULE}-{metadata_version(repo)}.zip"
    partial = target.with_suffix(".zip.partial")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, source in files(repo).items():
            info = zipfile.ZipInfo(name, FIXED_DATE)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, source.read_bytes())
    partial.replace(target)
    return target


def stage(folder: Path, repo: Path = REPO) -> list[str]:
    """Makes ``folder`` (``.../python/plugins``) hold exactly what the ZIP ships; returns what changed."""
    changed = []
    wanted = files(repo)
    for name, source in wanted.items():
        target = folder / name
        if target.is_file() and filecmp.cmp(source, target, shallow=False):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        changed.append(name)
    root = folder / MODULE
    for path in sorted(root.rglob("*"), reverse=True) if root.exists() else []:
        name = path.relative_to(folder).as_posix()
        if path.is_file() and name not in wanted and "__pycache__" not in path.parts:
            path.unlink()
            changed.append(f"-{name}")
        elif path.is_dir() and path.name != "__pycache__" and not any(path.iterdir()):
            path.rmdir()
    return changed


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=REPO / "dist")
    parser.add_argument("--stage", type=Path, help="a python/plugins folder to sync instead of building the ZIP")
    args = parser.parse_args(argv)
    if args.stage:
        changed = stage(args.stage)
        print(f"plugin: {len(changed)} files updated in {args.stage}" if changed else "plugin: up to date")
    else:
        print(build(args.dist).relative_to(REPO) if args.dist.is_relative_to(REPO) else build(args.dist))
    return 0


if __name__ == "__main__":
    sys.exit(main())
