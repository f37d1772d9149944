"""The offline cache: a folder of downloaded resources and ``catalogue.sqlite``, the index of what is in it.

The index keeps, per resource, the CKAN metadata (dataset and resource ids, URL, licence, last modified), the HTTP
validators (ETag, Last-Modified), the size and the local path; and the catalogue itself (datasets seen, organisation
and group lists) so that search works with no network. Files arrive in ``tmp/`` and are renamed into
``resources/<id>/`` only once complete: nothing half-written is ever indexed or loaded.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tempfile
import time
import uuid
from contextlib import closing, contextmanager
from dataclasses import asdict, dataclass, field
from typing import Iterator

from prato_smartcity_plugin.core.catalogue.ckan import (
    SORT_MODIFIED,
    Dataset,
    FacetItem,
    Organization,
    SearchQuery,
    SearchResult,
)
from prato_smartcity_plugin.core.catalogue.formats import normalise_format
from prato_smartcity_plugin.core.errors import StoreError
from prato_smartcity_plugin.core.i18n import translate

INDEX_NAME = "catalogue.sqlite"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS resources (
    resource_id TEXT PRIMARY KEY, portal TEXT NOT NULL, dataset_id TEXT NOT NULL, dataset_name TEXT,
    dataset_title TEXT, dataset_notes TEXT, dataset_page TEXT, publisher TEXT, resource_name TEXT, url TEXT NOT NULL,
    format_label TEXT, kind TEXT NOT NULL, licence TEXT, licence_url TEXT, last_modified TEXT, etag TEXT,
    http_last_modified TEXT, size INTEGER NOT NULL, folder TEXT NOT NULL, local_path TEXT NOT NULL, layout TEXT,
    notes TEXT, retrieved_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS datasets (
    portal TEXT NOT NULL, dataset_id TEXT NOT NULL, name TEXT, title TEXT, notes TEXT, organization TEXT,
    groups_json TEXT, tags_json TEXT, formats_json TEXT, license_id TEXT, metadata_modified TEXT, body TEXT NOT NULL,
    PRIMARY KEY (portal, dataset_id));
CREATE TABLE IF NOT EXISTS responses (
    portal TEXT NOT NULL, action TEXT NOT NULL, body TEXT NOT NULL, fetched_at TEXT NOT NULL,
    PRIMARY KEY (portal, action));
"""


def tr(text: str) -> str:
    return translate("PratoSmartCity", text)


def utc_now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


@dataclass
class CachedResource:
    """A resource ready to load: files in the cache (or a service URL for WMS/WFS) and the metadata to show."""

    resource_id: str
    portal: str
    dataset_id: str
    dataset_name: str
    dataset_title: str
    resource_name: str
    url: str
    kind: str
    path: str  # absolute path of the main file ("" for services)
    dataset_notes: str = ""
    dataset_page: str = ""
    publisher: str = ""
    format_label: str = ""
    licence: str = ""
    licence_url: str = ""
    last_modified: str = ""
    etag: str = ""
    http_last_modified: str = ""
    size: int = 0
    folder: str = ""
    layout: dict = field(default_factory=dict)
    notes: list = field(default_factory=list)  # things the user should know (format mislabelled, stale copy...)
    retrieved_at: str = ""
    from_cache: bool = False
    offline: bool = False


class CacheIndex:
    """The cache folder ``root`` and its index. Safe to use from worker threads (one connection per call)."""

    def __init__(self, root: str):
        self.root = os.path.abspath(root)
        self.index_path = os.path.join(self.root, INDEX_NAME)
        try:
            os.makedirs(os.path.join(self.root, "resources"), exist_ok=True)
            os.makedirs(os.path.join(self.root, "tmp"), exist_ok=True)
            with self._db() as db:
                db.executescript(_SCHEMA)
        except (OSError, sqlite3.Error) as error:
            raise StoreError(tr("The open data cache cannot be opened: {path}").format(path=self.root),
                             str(error)) from error
        self.clean_temp()

    @contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        with closing(sqlite3.connect(self.index_path, timeout=30)) as db:
            db.row_factory = sqlite3.Row
            with db:
                yield db

    # --- files ------------------------------------------------------------------------------------------------------
    def new_temp_dir(self) -> str:
        return tempfile.mkdtemp(prefix="dl-", dir=os.path.join(self.root, "tmp"))

    def clean_temp(self) -> None:
        """Remove what interrupted downloads left behind (run at start)."""
        tmp = os.path.join(self.root, "tmp")
        for name in os.listdir(tmp):
            shutil.rmtree(os.path.join(tmp, name), ignore_errors=True)

    def install(self, entry: CachedResource, temp_dir: str) -> CachedResource:
        """Move the complete ``temp_dir`` into place as ``entry``'s folder and index it (replacing an older copy)."""
        folder = os.path.join("resources", _safe_name(entry.resource_id))
        final = os.path.join(self.root, folder)
        relative_main = os.path.relpath(entry.path, temp_dir) if entry.path else ""
        trash = None
        if os.path.exists(final):
            trash = os.path.join(self.root, "tmp", f"old-{uuid.uuid4().hex}")
            os.rename(final, trash)
        os.rename(temp_dir, final)
        if trash:
            shutil.rmtree(trash, ignore_errors=True)
        entry.folder = folder
        entry.path = os.path.join(final, relative_main) if relative_main else ""
        entry.size = _folder_size(final)
        entry.retrieved_at = entry.retrieved_at or utc_now()
        row = asdict(entry)
        row["local_path"] = relative_main
        row["layout"] = json.dumps(entry.layout)
        row["notes"] = json.dumps(entry.notes)
        columns = ["resource_id", "portal", "dataset_id", "dataset_name", "dataset_title", "dataset_notes",
                   "dataset_page", "publisher", "resource_name", "url", "format_label", "kind", "licence",
                   "licence_url", "last_modified", "etag", "http_last_modified", "size", "folder", "local_path",
                   "layout", "notes", "retrieved_at"]
        with self._db() as db:
            db.execute(f"INSERT OR REPLACE INTO resources ({', '.join(columns)}) VALUES "
                       f"({', '.join('?' for _ in columns)})", [row[c] for c in columns])
        return entry

    def resource(self, resource_id: str) -> CachedResource | None:
        """The cached copy of ``resource_id`` if its files are all there, else ``None``."""
        with self._db() as db:
            row = db.execute("SELECT * FROM resources WHERE resource_id = ?", (resource_id,)).fetchone()
        if row is None:
            return None
        entry = self._entry(row)
        if entry.path and not os.path.exists(entry.path):
            return None
        return entry

    def resources(self) -> list[CachedResource]:
        with self._db() as db:
            rows = db.execute("SELECT * FROM resources ORDER BY dataset_title, resource_name").fetchall()
        return [self._entry(row) for row in rows]

    def _entry(self, row: sqlite3.Row) -> CachedResource:
        data = dict(row)
        local = data.pop("local_path")
        data["path"] = os.path.join(self.root, data["folder"], local) if local else ""
        data["layout"] = json.loads(data["layout"] or "{}")
        data["notes"] = json.loads(data["notes"] or "[]")
        return CachedResource(**data, from_cache=True)

    def touch(self, resource_id: str, etag: str = "", http_last_modified: str = "") -> None:
        with self._db() as db:
            db.execute("UPDATE resources SET retrieved_at = ?, etag = COALESCE(NULLIF(?, ''), etag), "
                       "http_last_modified = COALESCE(NULLIF(?, ''), http_last_modified) WHERE resource_id = ?",
                       (utc_now(), etag, http_last_modified, resource_id))

    def remove(self, resource_id: str) -> bool:
        entry = self.resource(resource_id)
        with self._db() as db:
            removed = db.execute("DELETE FROM resources WHERE resource_id = ?", (resource_id,)).rowcount
        shutil.rmtree(os.path.join(self.root, "resources", _safe_name(resource_id)), ignore_errors=True)
        return bool(removed or entry)

    def clear(self, keep: tuple = ()) -> None:
        """Forget every cached resource but those of ``keep`` (ids of resources still in use), and the cached
        catalogue."""
        keep = set(keep)
        with self._db() as db:
            gone = [row[0] for row in db.execute("SELECT resource_id FROM resources") if row[0] not in keep]
            db.executemany("DELETE FROM resources WHERE resource_id = ?", [(rid,) for rid in gone])
            db.execute("DELETE FROM datasets")
            db.execute("DELETE FROM responses")
        kept_folders = {_safe_name(rid) for rid in keep}
        resources = os.path.join(self.root, "resources")
        for name in os.listdir(resources):
            if name not in kept_folders:
                shutil.rmtree(os.path.join(resources, name), ignore_errors=True)
        self.clean_temp()

    def total_size(self) -> int:
        return _folder_size(os.path.join(self.root, "resources"))

    # --- the catalogue, for offline search --------------------------------------------------------------------------
    def store_datasets(self, portal: str, datasets: list) -> None:
        rows = []
        for d in datasets:
            formats = sorted({r.format for r in d.resources if r.format})
            rows.append((portal, d.id, d.name, d.title, d.notes, d.organization.name if d.organization else "",
                         json.dumps([g.name for g in d.groups]), json.dumps(d.tags), json.dumps(formats),
                         d.license_id, d.metadata_modified, json.dumps(d.raw)))
        with self._db() as db:
            db.executemany("INSERT OR REPLACE INTO datasets VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows)

    def dataset(self, portal: str, dataset_id: str) -> Dataset | None:
        with self._db() as db:
            row = db.execute("SELECT body FROM datasets WHERE portal = ? AND (dataset_id = ? OR name = ?)",
                             (portal, dataset_id, dataset_id)).fetchone()
        return Dataset.from_ckan(json.loads(row["body"])) if row else None

    def store_response(self, portal: str, action: str, result) -> None:
        with self._db() as db:
            db.execute("INSERT OR REPLACE INTO responses VALUES (?,?,?,?)",
                       (portal, action, json.dumps(result), utc_now()))

    def response(self, portal: str, action: str):
        with self._db() as db:
            row = db.execute("SELECT body FROM responses WHERE portal = ? AND action = ?", (portal, action)).fetchone()
        return json.loads(row["body"]) if row else None

    def organizations(self, portal: str, action: str = "organization_list") -> list:
        return [Organization(**item) for item in self.response(portal, action) or []]

    def knows(self, portal: str) -> bool:
        """Whether any dataset of ``portal`` was ever seen (an offline search can only answer then)."""
        with self._db() as db:
            return db.execute("SELECT 1 FROM datasets WHERE portal = ? LIMIT 1", (portal,)).fetchone() is not None

    def search(self, portal: str, query: SearchQuery) -> SearchResult:
        """Search the datasets seen on ``portal`` with the same filters as the portal (text in title, description,
        name and tags; all words must match)."""
        with self._db() as db:
            rows = db.execute("SELECT * FROM datasets WHERE portal = ?", (portal,)).fetchall()
        words = [w.lower() for w in query.text.split() if w.strip() and w != "*:*"]
        matches = []
        for row in rows:
            groups, tags, formats = (json.loads(row[k]) for k in ("groups_json", "tags_json", "formats_json"))
            if query.organization and row["organization"] != query.organization:
                continue
            if query.group and query.group not in groups:
                continue
            if query.license_id and row["license_id"] != query.license_id:
                continue
            if query.res_format and normalise_format(query.res_format) not in {normalise_format(f) for f in formats} \
                    and query.res_format.lower() not in {f.lower() for f in formats}:
                continue
            if any(tag not in tags for tag in query.tags):
                continue
            title = (row["title"] or "").lower()
            haystack = " ".join([title, (row["notes"] or "").lower(), (row["name"] or "").lower(),
                                 " ".join(tags).lower()])
            if not all(word in haystack for word in words):
                continue
            score = sum(3 if word in title else 1 for word in words)
            matches.append((score, row))
        if query.sort == SORT_MODIFIED:
            matches.sort(key=lambda m: m[1]["metadata_modified"] or "", reverse=True)
        else:
            matches.sort(key=lambda m: (m[0], m[1]["metadata_modified"] or ""), reverse=True)
        datasets = [Dataset.from_ckan(json.loads(row["body"])) for _score, row in matches]
        facets = _facets(datasets)
        page = datasets[query.start: query.start + query.rows]
        return SearchResult(len(datasets), page, facets, offline=True)


def _facets(datasets: list) -> dict:
    counts: dict = {"organization": {}, "groups": {}, "res_format": {}, "tags": {}, "license_id": {}}

    def add(facet: str, name: str, label: str) -> None:
        if name:
            item = counts[facet].setdefault(name, [label or name, 0])
            item[1] += 1

    for d in datasets:
        if d.organization:
            add("organization", d.organization.name, d.organization.title)
        for g in d.groups:
            add("groups", g.name, g.title)
        for f in {r.format for r in d.resources if r.format}:
            add("res_format", f, f)
        for t in d.tags:
            add("tags", t, t)
        add("license_id", d.license_id, d.license_title)
    return {facet: sorted((FacetItem(name, label, count) for name, (label, count) in items.items()),
                          key=lambda i: (-i.count, i.display_name.lower())) for facet, items in counts.items()}


def _safe_name(resource_id: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in resource_id)[:120] or "resource"


def _folder_size(path: str) -> int:
    total = 0
    for folder, _dirs, files in os.walk(path):
        for name in files:
            try:
                total += os.path.getsize(os.path.join(folder, name))
            except OSError:
                pass
    return total
