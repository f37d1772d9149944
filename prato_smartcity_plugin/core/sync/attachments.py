"""Photos on the municipal API: a second collection (``<collection>_attachments``) of immutable records, one per
photo of an intervention, with the file's content in base64.

A record's id is derived from the intervention's UUID, the photo's path (relative to the store, ``photos/...``) and
the SHA-256 of its content: sending it again can only meet itself, so a photo whose answer was lost is never stored
twice, and a changed photo is a new record. The server checks the content against its size and SHA-256; so does the
client before it writes a received photo.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import mimetypes
from dataclasses import dataclass
from pathlib import PurePosixPath

from prato_smartcity_plugin.core.interventions import schema

PHOTOS_DIR = "photos"
#: The schema's attachment fields (photo_1, photo_2, ...).
ATTACHMENT_FIELDS = tuple(spec.name for spec in schema.FIELDS if spec.attachment)


def collection_of(collection: str) -> str:
    """The attachments collection that goes with an interventions collection."""
    return f"{collection}_attachments"


def is_photo_path(value) -> bool:
    """A relative path under ``photos/`` with no way out of it (what the store keeps and sync carries)."""
    if not isinstance(value, str) or not value:
        return False
    path = PurePosixPath(value.replace("\\", "/"))
    return not path.is_absolute() and len(path.parts) > 1 and path.parts[0] == PHOTOS_DIR and ".." not in path.parts


def photo_paths(feature: dict | None) -> list[str]:
    """The photo paths a feature refers to, once each, in field order."""
    props = (feature or {}).get("properties") or {}
    seen: list[str] = []
    for name in ATTACHMENT_FIELDS:
        value = props.get(name)
        if is_photo_path(value) and value not in seen:
            seen.append(value)
    return seen


def digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def record_id(intervention: str, path: str, sha256: str) -> str:
    """The id of a photo's record (the server checks it is this)."""
    return digest(f"{intervention}\n{path}\n{sha256}".encode())


@dataclass(frozen=True)
class Attachment:
    intervention: str
    path: str
    content: bytes

    @property
    def sha256(self) -> str:
        return digest(self.content)

    @property
    def id(self) -> str:
        return record_id(self.intervention, self.path, self.sha256)

    def feature(self, geometry: dict | None) -> dict:
        """The record as a GeoJSON feature; ``geometry`` is where the photo belongs (a point of the intervention)."""
        media_type = mimetypes.guess_type(self.path)[0] or "application/octet-stream"
        return {"type": "Feature", "id": self.id, "geometry": geometry,
                "properties": {"intervention": self.intervention, "path": self.path, "media_type": media_type,
                               "size": len(self.content), "sha256": self.sha256,
                               "content": base64.b64encode(self.content).decode("ascii")}}


def anchor_point(geometry: dict | None) -> dict | None:
    """A point of the intervention's geometry (its first vertex), where its photos are placed on the server."""
    coordinates = (geometry or {}).get("coordinates")
    while isinstance(coordinates, list) and coordinates and isinstance(coordinates[0], list):
        coordinates = coordinates[0]
    if isinstance(coordinates, list) and len(coordinates) >= 2:
        return {"type": "Point", "coordinates": coordinates[:2]}
    return None


def content_of(record: dict) -> bytes | None:
    """The photo's bytes in a record received from the server, or ``None`` when they do not match the record's size
    and SHA-256 (or are missing)."""
    props = record.get("properties") or {}
    try:
        content = base64.b64decode(props.get("content") or "", validate=True)
    except (binascii.Error, ValueError, TypeError):
        return None
    if len(content) != props.get("size") or digest(content) != props.get("sha256"):
        return None
    return content
