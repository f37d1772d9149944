"""Safe extraction of untrusted zip archives (zipped shapefiles, KMZ): entries with absolute paths or ``..`` are
refused, the expanded size and the number of entries are limited (the limit is checked on the bytes actually written,
since declared sizes can lie), and damaged archives give a clear error. Extraction goes into a folder the caller then
renames into place, so nothing half-extracted is ever used."""

from __future__ import annotations

import os
import posixpath
import shutil
import zipfile

from prato_smartcity_plugin.core.errors import DataFormatError
from prato_smartcity_plugin.core.i18n import translate

DEFAULT_MAX_BYTES = 2 * 1024 ** 3
DEFAULT_MAX_ENTRIES = 10000
CHUNK = 1024 * 1024


def tr(text: str) -> str:
    return translate("PratoSmartCity", text)


def check_entry_name(name: str) -> str:
    """The safe relative path of an archive entry, or :class:`DataFormatError` for absolute paths and ``..``."""
    normalised = name.replace("\\", "/")
    if (normalised.startswith("/") or (len(normalised) > 1 and normalised[1] == ":")
            or ".." in normalised.split("/") or "\x00" in normalised):
        raise DataFormatError(tr("The archive contains an entry that would be written outside its folder ({name}): "
                                 "it was refused.").format(name=name), name)
    return posixpath.normpath(normalised)


def safe_extract(archive_path: str, dest_dir: str, max_bytes: int = DEFAULT_MAX_BYTES,
                 max_entries: int = DEFAULT_MAX_ENTRIES) -> list[str]:
    """Extract ``archive_path`` into ``dest_dir`` (created); returns the relative paths of the files written.
    On any error ``dest_dir`` is removed."""
    try:
        with zipfile.ZipFile(archive_path) as archive:
            infos = archive.infolist()
            if len(infos) > max_entries:
                raise DataFormatError(tr("The archive holds too many files ({count}): it was refused.").format(
                    count=len(infos)), archive_path)
            names = [check_entry_name(info.filename) for info in infos]  # refuse before writing anything
            declared = sum(info.file_size for info in infos)
            if declared > max_bytes:
                raise _too_big(archive_path, max_bytes, declared)
            os.makedirs(dest_dir, exist_ok=True)
            written_bytes = 0
            written = []
            for info, name in zip(infos, names):
                target = os.path.join(dest_dir, *name.split("/"))
                if info.is_dir() or name.endswith("/"):
                    os.makedirs(target, exist_ok=True)
                    continue
                os.makedirs(os.path.dirname(target), exist_ok=True)
                with archive.open(info) as source, open(target, "wb") as out:
                    while True:
                        chunk = source.read(CHUNK)
                        if not chunk:
                            break
                        written_bytes += len(chunk)
                        if written_bytes > max_bytes:
                            raise _too_big(archive_path, max_bytes, written_bytes)
                        out.write(chunk)
                written.append(name)
            return written
    except DataFormatError:
        shutil.rmtree(dest_dir, ignore_errors=True)
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError, NotImplementedError) as error:
        shutil.rmtree(dest_dir, ignore_errors=True)
        raise DataFormatError(tr("The zip archive is damaged and cannot be read."), f"{archive_path}: {error}") \
            from error


def _too_big(path: str, limit: int, size: int) -> DataFormatError:
    return DataFormatError(tr("The archive expands to more than {limit} MB: it was refused.").format(
        limit=limit // (1024 * 1024)), f"{path}: at least {size} bytes")
