"""Photo attachments: kept in ``photos/`` beside the store, referenced by paths relative to the store's folder."""

from __future__ import annotations

import shutil
from pathlib import Path, PurePosixPath

from prato_smartcity_plugin.adapters.store.database import PHOTOS_DIR
from prato_smartcity_plugin.core.errors import StoreError
from prato_smartcity_plugin.core.i18n import translate


def tr(text: str) -> str:
    return translate("PratoSmartCity", text)


def resolve(store_dir: Path, value: str) -> Path:
    """The file an attachment value points to (relative values are relative to the store's folder)."""
    path = Path(value).expanduser()
    return path if path.is_absolute() else (store_dir / path)


def is_kept(store_dir: Path, value: str) -> bool:
    """Whether ``value`` already is a relative path to a file under ``photos/`` beside the store."""
    path = PurePosixPath(str(value).replace("\\", "/"))
    return not path.is_absolute() and path.parts[:1] == (PHOTOS_DIR,) and ".." not in path.parts


def keep(store_dir: Path, value: str, prefix: str = "") -> str:
    """Copy the file ``value`` points to into ``photos/`` (unless it is there already) and return the relative path to
    store. A missing file raises :class:`StoreError` (never silently drops the reference)."""
    if not value or is_kept(store_dir, value):
        return value
    source = resolve(store_dir, value).resolve()
    photos = (store_dir / PHOTOS_DIR).resolve()
    if photos in source.parents:
        return source.relative_to(store_dir.resolve()).as_posix()
    if not source.is_file():
        raise StoreError(tr("The attached file {path} does not exist.").format(path=source))
    photos.mkdir(parents=True, exist_ok=True)
    stem = f"{prefix}_{source.stem}" if prefix else source.stem
    target = photos / f"{stem}{source.suffix}"
    counter = 1
    while target.exists():
        if target.stat().st_size == source.stat().st_size and target.read_bytes() == source.read_bytes():
            break  # the same file, attached again
        counter += 1
        target = photos / f"{stem}_{counter}{source.suffix}"
    else:
        try:
            shutil.copy2(source, target)
        except OSError as error:
            raise StoreError(tr("Cannot copy the attached file {path} beside the store.").format(
                path=source), str(error)) from error
    return f"{PHOTOS_DIR}/{target.name}"
