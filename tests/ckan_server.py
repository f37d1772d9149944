"""A real HTTP server on 127.0.0.1 that replays the CKAN API v3 (used by tests/unit, tests/qgis and bench/).

CKAN itself cannot run here (it needs Solr and PostgreSQL), so this server answers ``status_show``,
``package_search`` (q, fq on organization/groups/res_format/tags/license_id, rows, start, sort, search_facets),
``package_show``, ``organization_list`` and ``group_list`` with the response structure of CKAN 2.9 (the
``help``/``success``/``result`` envelope, ``error.__type`` on failures), and serves resource files with ETag,
Last-Modified, Content-Length and conditional 304 answers. The resources are the real Prato files of
``shared/data/prato`` and variants built from them by :func:`build_resources` (ogr2ogr and plain Python).
"""

from __future__ import annotations

import base64
import copy
import csv
import email.utils
import hashlib
import io
import json
import os
import shutil
import socket
import subprocess
import threading
import time
import urllib.parse
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.conftest import SHARED_DATA

ORG_PRATO = {"id": "5d1e8c2a-0000-4000-8000-000000000001", "name": "comune-di-prato", "title": "Comune di Prato",
             "type": "organization", "description": "Open data del Comune di Prato", "image_url": "",
             "created": "2014-06-10T10:00:00.000000", "is_organization": True, "approval_status": "approved",
             "state": "active"}
ORG_REGIONE = {"id": "5d1e8c2a-0000-4000-8000-000000000002", "name": "regione-toscana", "title": "Regione Toscana",
               "type": "organization", "description": "", "image_url": "", "created": "2014-06-10T10:00:00.000000",
               "is_organization": True, "approval_status": "approved", "state": "active"}
GROUPS = {
    "trasporti": {"id": "7a0e0000-0000-4000-8000-000000000001", "name": "trasporti", "title": "Trasporti",
                  "display_name": "Trasporti", "description": "", "image_display_url": ""},
    "ambiente": {"id": "7a0e0000-0000-4000-8000-000000000002", "name": "ambiente", "title": "Ambiente",
                 "display_name": "Ambiente", "description": "", "image_display_url": ""},
    "regioni-e-citta": {"id": "7a0e0000-0000-4000-8000-000000000003", "name": "regioni-e-citta",
                        "title": "Regioni e città", "display_name": "Regioni e città", "description": "",
                        "image_display_url": ""},
}
#: the private portal at ``/private/api/3`` (and its files under ``/private/files/``) wants HTTP Basic credentials
PRIVATE_USER, PRIVATE_PASSWORD = "pianificatore", "Prato-2026!"

LICENCES = {"cc-by": ("Creative Commons Attribution", "http://www.opendefinition.org/licenses/cc-by"),
            "odc-odbl": ("Open Data Commons Open Database License (ODbL)",
                         "http://www.opendefinition.org/licenses/odc-odbl")}



def _run(*args: str) -> None:
    subprocess.run(args, check=True, capture_output=True)


def build_resources(folder: str) -> dict[str, str]:
    """Write every resource file into ``folder``; returns {file name: path}."""
    os.makedirs(folder, exist_ok=True)
    out = {}

    def put(name: str, data: bytes) -> None:
        path = os.path.join(folder, name)
        with open(path, "wb") as handle:
            handle.write(data)
        out[name] = path

    for src in ("cycleways/ciclabili.geojson", "wifi/wifi-free.geojson", "boundary/prato_comune_100005.geojson",
                "wifi/wifi_coverage_centroids_derived_epsg3003.csv"):
        shutil.copy(os.path.join(SHARED_DATA, src), os.path.join(folder, os.path.basename(src)))
        out[os.path.basename(src)] = os.path.join(folder, os.path.basename(src))
    ciclabili = os.path.join(SHARED_DATA, "cycleways", "ciclabili.geojson")
    # zipped shapefile (EPSG:3003 with its .prj), KML, GeoPackage, GPX
    shp_dir = os.path.join(folder, "shp")
    os.makedirs(shp_dir, exist_ok=True)
    _run("ogr2ogr", "-f", "ESRI Shapefile", "-t_srs", "EPSG:3003", "-lco", "ENCODING=UTF-8",
         os.path.join(shp_dir, "ciclabili_3003.shp"), ciclabili, "-sql",
         "SELECT id, type FROM ciclabili")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(os.listdir(shp_dir)):
            archive.write(os.path.join(shp_dir, name), f"ciclabili_3003/{name}")
    put("ciclabili_3003_shp.zip", buffer.getvalue())
    _run("ogr2ogr", "-f", "KML", os.path.join(folder, "wifi_copertura.kml"),
         os.path.join(SHARED_DATA, "wifi", "wifi-free.geojson"))
    out["wifi_copertura.kml"] = os.path.join(folder, "wifi_copertura.kml")
    kmz = io.BytesIO()
    with zipfile.ZipFile(kmz, "w") as archive:
        archive.write(out["wifi_copertura.kml"], "doc.kml")
    put("wifi_copertura.kmz", kmz.getvalue())
    _run("ogr2ogr", "-f", "GPKG", os.path.join(folder, "confine_prato.gpkg"),
         os.path.join(SHARED_DATA, "boundary", "prato_comune_100005.geojson"), "-nln", "confine")
    out["confine_prato.gpkg"] = os.path.join(folder, "confine_prato.gpkg")
    # CSV as the city publishes it: Latin-1, ';', decimal commas, EPSG:3003 (accents in the names)
    with open(os.path.join(SHARED_DATA, "wifi", "wifi_coverage_centroids_derived_epsg3003.csv"), encoding="utf-8") as f:
        records = list(csv.DictReader(f))
    rows = ["ID;Nome;X_coord;Y_coord;Località"]
    for record in records:
        x, y = record["X_coord"].replace(".", ","), record["Y_coord"].replace(".", ",")
        rows.append(f"{record['ID']};{record['name']};{x};{y};Città di Prato")
    put("hotspot_wifi_3003.csv", ("\r\n".join(rows) + "\r\n").encode("latin-1"))
    with open(os.path.join(SHARED_DATA, "wifi", "wifi_coverage_centroids_derived_epsg4326.geojson")) as f:
        points = json.load(f)["features"]
    rows = ["id;nome;lon;lat"]
    for feature in points:
        lon, lat = feature["geometry"]["coordinates"][:2]
        name = feature["properties"].get("name") or ""
        rows.append(f"{feature['properties'].get('ID', '')};{name} – città;{str(lon).replace('.', ',')};"
                    f"{str(lat).replace('.', ',')}")
    put("hotspot_wifi_4326_cp1252.csv", ("\r\n".join(rows) + "\r\n").encode("cp1252"))
    put("ciclabili_hotspot.gpx", _gpx(ciclabili, os.path.join(SHARED_DATA, "wifi",
                                                          "wifi_coverage_centroids_derived_epsg4326.geojson")))
    # bad inputs
    put("dead-link", b"")  # never served: the URL 404s
    put("pagina.html", b"<!DOCTYPE html><html><head><title>Pagina non trovata</title></head><body>404</body></html>")
    with open(ciclabili, "rb") as f:
        zipped = io.BytesIO()
        with zipfile.ZipFile(zipped, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("ciclabili.geojson", f.read())
    put("ciclabili_zip.geojson", zipped.getvalue())
    put("corrotto.zip", out_zip_corrupt(out["ciclabili_3003_shp.zip"]))
    put("zip_slip.zip", _zip_with({"../../evil.shp": b"x", "ok.shp": b"x"}))
    put("zip_absolute.zip", _zip_with({"/tmp/evil.shp": b"x"}))
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("bomb.shp", b"\0" * (3 * 1024 * 1024))
    put("bomb.zip", bomb.getvalue())
    put("xxe.kml", b'<?xml version="1.0"?>\n<!DOCTYPE kml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
                   b'<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>&xxe;</name>'
                   b'<Point><coordinates>11.09,43.88</coordinates></Point></Placemark></Document></kml>')
    put("vuoto.geojson", b"")
    put("statistiche.json", json.dumps({"anno": 2021, "residenti": 195000}).encode())
    invalid = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"nome": "valido"},
         "geometry": {"type": "Polygon", "coordinates": [[[11.09, 43.88], [11.10, 43.88], [11.10, 43.89],
                                                          [11.09, 43.88]]]}},
        {"type": "Feature", "properties": {"nome": "farfalla"},
         "geometry": {"type": "Polygon", "coordinates": [[[11.09, 43.88], [11.10, 43.89], [11.10, 43.88],
                                                          [11.09, 43.89], [11.09, 43.88]]]}}]}
    put("aree_invalide.geojson", json.dumps(invalid).encode())
    put("tabella.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 8)  # an old Excel file
    with open(ciclabili, encoding="utf-8") as f:
        features = json.load(f)["features"]
    put("ciclabili_grande.geojson", json.dumps({"type": "FeatureCollection", "features": features * 12}).encode())
    put("misure_locali.csv", b"nome,x,y\nA,10.5,20.25\nB,40.0,60.0\n")  # a local grid: nothing tells the CRS
    put("residenti_per_quartiere.csv", "quartiere;residenti;superficie_kmq\r\nCentro;12000;1,6\r\nNord;31000;"
                                       "12,4\r\n".encode("latin-1"))
    return out


@pytest.fixture(scope="session")
def ckan_files(tmp_path_factory):
    """The resource files, built once per session."""
    return build_resources(str(tmp_path_factory.mktemp("ckan-files")))


@pytest.fixture()
def ckan_portal(ckan_files):
    """A running replay portal (stopped after the test; tests may stop it earlier to cut the network)."""
    server = CkanReplay(dict(ckan_files)).start()
    yield server
    server.stop()


def _gpx(lines_geojson: str, points_geojson: str) -> bytes:
    """A GPX as a GPS app exports it: the cycle paths as tracks, the Wi-Fi hotspots as waypoints (WGS84)."""
    from xml.sax.saxutils import escape

    with open(lines_geojson, encoding="utf-8") as f:
        lines = json.load(f)["features"]
    with open(points_geojson, encoding="utf-8") as f:
        points = json.load(f)["features"]
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<gpx version="1.1" creator="Prato Smart City tests" xmlns="http://www.topografix.com/GPX/1/1">']
    for feature in points:
        lon, lat = feature["geometry"]["coordinates"][:2]
        name = escape(feature["properties"].get("name") or str(feature["properties"]["ID"]))
        out.append(f'<wpt lat="{lat}" lon="{lon}"><name>{name}</name></wpt>')
    for feature in lines:
        points_xml = "".join(f'<trkpt lat="{lat}" lon="{lon}"/>' for lon, lat in feature["geometry"]["coordinates"])
        out.append(f"<trk><name>{escape(str(feature['properties']['id']))}</name><trkseg>{points_xml}</trkseg></trk>")
    out.append("</gpx>")
    return "\n".join(out).encode("utf-8")


def _zip_with(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            info = zipfile.ZipInfo("placeholder")
            info.filename = name  # ZipInfo normalises leading "/" away in its constructor; keep the raw name
            archive.writestr(info, data)
    return buffer.getvalue()


def out_zip_corrupt(path: str) -> bytes:
    with open(path, "rb") as f:
        data = bytearray(f.read())
    for index in range(60, min(len(data), 4000)):
        data[index] = (data[index] * 7 + 13) % 256  # ruin the compressed streams, keep the signature
    return bytes(data[: len(data) // 2])


def _resource(rid: str, name: str, fmt: str, url: str, package_id: str, modified: str, size: int | None,
              mimetype: str = "", description: str = "") -> dict:
    return {"id": rid, "package_id": package_id, "name": name, "description": description, "format": fmt,
            "url": url, "mimetype": mimetype or None, "size": size, "last_modified": modified,
            "created": "2016-04-12T09:00:00.000000", "metadata_modified": modified, "state": "active",
            "url_type": None, "position": 0, "hash": "", "cache_url": None, "resource_type": None}


def _package(pid: str, name: str, title: str, notes: str, org: dict, groups: list, tags: list, licence: str,
             modified: str, resources: list) -> dict:
    licence_title, licence_url = LICENCES[licence]
    return {"id": pid, "name": name, "title": title, "notes": notes, "type": "dataset", "state": "active",
            "private": False, "license_id": licence, "license_title": licence_title, "license_url": licence_url,
            "metadata_created": "2016-04-12T09:00:00.000000", "metadata_modified": modified,
            "author": "", "author_email": "", "maintainer": "SIT Comune di Prato", "maintainer_email": "",
            "organization": dict(org), "owner_org": org["id"], "num_resources": len(resources),
            "num_tags": len(tags), "isopen": True, "url": "", "version": "",
            "groups": [dict(GROUPS[g]) for g in groups],
            "tags": [{"id": f"tag-{t}", "name": t, "display_name": t, "state": "active", "vocabulary_id": None}
                     for t in tags],
            "extras": [{"key": "theme", "value": "TRAN"}], "relationships_as_object": [],
            "relationships_as_subject": [], "resources": resources}


class CkanReplay:
    """The server. ``start()`` / ``stop()``; ``base_url`` is the portal's API root; ``files`` maps resource file
    names to paths (tests may replace a file to simulate a change on the portal)."""

    def __init__(self, files: dict[str, str], port: int = 0):
        self.files = files
        self.port = port
        self.httpd: ThreadingHTTPServer | None = None
        self.thread: threading.Thread | None = None
        self.requests: list[tuple[str, dict]] = []  # (path, headers) of every request
        self.packages: list[dict] = []
        self.private_packages: list[dict] = []  # listed only by the private portal, to whom logs in
        self.connections: set = set()

    @property
    def root(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def base_url(self) -> str:
        return f"{self.root}/api/3"

    def file_url(self, name: str) -> str:
        return f"{self.root}/files/{urllib.parse.quote(name)}"

    def start(self) -> CkanReplay:
        self.httpd = ThreadingHTTPServer(("127.0.0.1", self.port), _handler(self))
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        if not self.packages:
            self.packages = self._catalogue()
            self.private_packages = [self._private_package()]
        self.thread = threading.Thread(target=self.httpd.serve_forever, name="ckan-replay", daemon=True)
        self.thread.start()
        return self

    def stop(self) -> None:
        """Stop listening and cut the open keep-alive connections too (as a network loss would)."""
        if self.httpd is not None:
            self.httpd.shutdown()
            self.httpd.server_close()
            for connection in list(self.connections):
                try:
                    connection.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
            self.connections.clear()
            self.thread.join(5)
            self.httpd = None

    def _size(self, name: str) -> int | None:
        path = self.files.get(name)
        return os.path.getsize(path) if path and os.path.exists(path) else None

    def _res(self, rid, name, fmt, file, pid, modified, **kw):
        return _resource(rid, name, fmt, self.file_url(file), pid, modified, self._size(file), **kw)

    def _catalogue(self) -> list[dict]:
        p1, p2, p3, p4, p5 = (f"9b3c0000-0000-4000-8000-00000000000{i}" for i in range(1, 6))
        m1, m2, m3 = "2021-03-15T10:20:30.123456", "2021-06-01T08:00:00.000000", "2019-11-20T12:00:00.000000"
        packages = [
            _package(p1, "piste-ciclabili", "Piste ciclabili",
                     "Percorsi ciclabili del Comune di Prato (estratto OpenStreetMap). © OpenStreetMap contributors.",
                     ORG_PRATO, ["trasporti"], ["ciclabili", "mobilità", "bicicletta"], "odc-odbl", m1, [
                         self._res("res-ciclabili-geojson", "Piste ciclabili (GeoJSON)", "GeoJSON",
                                   "ciclabili.geojson", p1, m1),
                         self._res("res-ciclabili-shp", "Piste ciclabili (Shapefile Gauss-Boaga)", "SHP",
                                   "ciclabili_3003_shp.zip", p1, m1),
                         self._res("res-ciclabili-grande", "Piste ciclabili ×12 (più di 1 MB)", "GeoJSON",
                                   "ciclabili_grande.geojson", p1, m1),
                         _resource("res-ciclabili-wms", "Piste ciclabili (WMS)", "wms",
                                   f"{self.root}/wms?SERVICE=WMS&REQUEST=GetCapabilities", p1, m1, None),
                         _resource("res-ciclabili-wfs", "Piste ciclabili (WFS)", "OGC WFS",
                                   f"{self.root}/wfs", p1, m1, None),
                         self._res("res-ciclabili-gpx", "Piste ciclabili e hotspot (GPX)", "GPX",
                                   "ciclabili_hotspot.gpx", p1, m1),
                     ]),
            _package(p2, "copertura-wifi", "Copertura Wi-Fi PRATOWIFI",
                     "Aree di copertura degli hotspot Wi-Fi gratuiti del Comune (Wi-Fi pubblico).", ORG_PRATO,
                     ["regioni-e-citta"], ["wifi", "connettività"], "cc-by", m2, [
                         self._res("res-wifi-geojson", "Aree di copertura", "GeoJSON", "wifi-free.geojson", p2, m2),
                         self._res("res-wifi-kml", "Aree di copertura (KML)", "KML", "wifi_copertura.kml", p2, m2),
                         self._res("res-wifi-kmz", "Aree di copertura (KMZ)", "kmz", "wifi_copertura.kmz", p2, m2),
                         self._res("res-wifi-csv-3003", "Hotspot (CSV Gauss-Boaga)", "CSV",
                                   "hotspot_wifi_3003.csv", p2, m2),
                         self._res("res-wifi-csv-4326", "Hotspot (CSV WGS84)", "csv",
                                   "hotspot_wifi_4326_cp1252.csv", p2, m2),
                         self._res("res-wifi-csv-utf8", "Hotspot (CSV UTF-8, separatore virgola)", "CSV",
                                   "wifi_coverage_centroids_derived_epsg3003.csv", p2, m2),
                     ]),
            _package(p3, "confini-comunali", "Confine comunale di Prato",
                     "Confine amministrativo del Comune di Prato (ISTAT).", ORG_REGIONE, ["regioni-e-citta"],
                     ["confini", "istat"], "cc-by", m3, [
                         self._res("res-confine-geojson", "Confine (GeoJSON)", "GeoJSON",
                                   "prato_comune_100005.geojson", p3, m3),
                         self._res("res-confine-gpkg", "Confine (GeoPackage)", "GPKG", "confine_prato.gpkg", p3, m3),
                     ]),
            _package(p4, "risorse-difettose", "Risorse difettose (test)",
                     "Ogni risorsa di questo dataset è difettosa in un modo diverso.", ORG_PRATO, ["ambiente"],
                     ["test"], "cc-by", m3, [
                         _resource("dead-link", "Link morto", "GeoJSON", f"{self.root}/files/non-esiste.geojson",
                                   p4, m3, None),
                         self._res("html-page", "Pagina HTML", "CSV", "pagina.html", p4, m3),
                         self._res("geojson-is-zip", "GeoJSON che è uno zip", "GeoJSON", "ciclabili_zip.geojson",
                                   p4, m3),
                         self._res("corrupt-zip", "Zip corrotto", "SHP", "corrotto.zip", p4, m3),
                         self._res("zip-slip", "Zip con ..", "SHP", "zip_slip.zip", p4, m3),
                         self._res("zip-absolute", "Zip con percorso assoluto", "SHP", "zip_absolute.zip", p4, m3),
                         self._res("zip-bomb", "Zip che esplode", "SHP", "bomb.zip", p4, m3),
                         self._res("kml-xxe", "KML con entità esterne", "KML", "xxe.kml", p4, m3),
                         self._res("empty-file", "File vuoto", "GeoJSON", "vuoto.geojson", p4, m3),
                         self._res("plain-json", "JSON non geografico", "JSON", "statistiche.json", p4, m3),
                         self._res("invalid-geometry", "Geometrie invalide", "GeoJSON", "aree_invalide.geojson",
                                   p4, m3),
                         self._res("table-csv", "Residenti per quartiere", "CSV", "residenti_per_quartiere.csv",
                                   p4, m3),
                         _resource("server-error", "Errore del server", "GeoJSON", f"{self.root}/error500", p4, m3,
                                   None),
                         _resource("slow-resource", "Server lento", "GeoJSON", f"{self.root}/slow?s=2", p4, m3, None),
                         self._res("unknown-format", "Tabella Excel", "XLS", "tabella.xls", p4, m3),
                     ]),
        ]
        p9 = "9b3c0000-0000-4000-8000-000000000009"
        packages.append(_package(p9, "misure-locali", "Misure in coordinate locali", "", ORG_PRATO, [], ["test"],
                                 "cc-by", "2020-01-01T00:00:00.000000", [
                                     self._res("local-csv", "Misure", "CSV", "misure_locali.csv", p9,
                                               "2020-01-01T00:00:00.000000")]))
        return packages

    @property
    def private_base_url(self) -> str:
        return f"{self.root}/private/api/3"

    def _private_package(self) -> dict:
        pid, modified = "9b3c0000-0000-4000-8000-000000000010", "2026-01-10T09:00:00.000000"
        return _package(pid, "cantieri-programmati", "Cantieri programmati (riservato)",
                        "Cantieri stradali programmati: dati interni, non pubblici.", ORG_PRATO, ["trasporti"],
                        ["cantieri"], "cc-by", modified, [
                            _resource("res-cantieri", "Cantieri (GeoJSON)", "GeoJSON",
                                      f"{self.root}/private/files/ciclabili.geojson", pid, modified,
                                      self._size("ciclabili.geojson"))])

    # --- CKAN actions ---------------------------------------------------------------------------------------------
    def action(self, action: str, params: dict, private: bool = False) -> tuple[int, dict]:
        help_url = f"{self.base_url}/action/help_show?name={action}"
        packages = self.packages + (self.private_packages if private else [])
        if action == "status_show":
            return 200, _ok(help_url, {"site_title": "Dati aperti (replay)", "site_url": self.root,
                                       "site_description": "", "ckan_version": "2.9.5", "error_emails_to": None,
                                       "locale_default": "it", "extensions": ["dcatapit_pkg", "spatial_metadata"]})
        if action == "package_show":
            for package in packages:
                if params.get("id") in (package["id"], package["name"]):
                    return 200, _ok(help_url, copy.deepcopy(package))
            return 404, _fail(help_url, "Not Found Error", "Not found")
        if action in ("organization_list", "group_list"):
            if action == "organization_list":
                items = [ORG_PRATO, ORG_REGIONE]
                key = lambda p: p["organization"]["name"]  # noqa: E731
            else:
                items = list(GROUPS.values())
                key = None
            result = []
            for item in items:
                count = sum(1 for p in packages if (key(p) == item["name"] if key else
                                                         item["name"] in [g["name"] for g in p["groups"]]))
                entry = {**item, "package_count": count, "display_name": item["title"]}
                result.append(entry if params.get("all_fields") == "true" else item["name"])
            return 200, _ok(help_url, result)
        if action == "package_search":
            return 200, _ok(help_url, self.search(params, packages))
        return 400, _fail(help_url, "Validation Error", f"Unknown action {action}")

    def search(self, params: dict, packages: list | None = None) -> dict:
        q = params.get("q", "*:*")
        words = [] if q in ("", "*:*") else q.lower().split()
        filters = []
        for part in params.get("fq", "").split(" AND "):
            if ":" in part:
                key, _, value = part.partition(":")
                filters.append((key.strip(), value.strip().strip('"').replace('\\"', '"')))
        found = []
        for package in self.packages if packages is None else packages:
            text = " ".join([package["title"], package["notes"], package["name"]]
                            + [t["name"] for t in package["tags"]]).lower()
            if not all(w in text for w in words):
                continue
            values = {"organization": [package["organization"]["name"]],
                      "groups": [g["name"] for g in package["groups"]],
                      "res_format": [r["format"] for r in package["resources"]],
                      "tags": [t["name"] for t in package["tags"]], "license_id": [package["license_id"]]}
            if all(value in values.get(key, []) for key, value in filters):
                found.append(package)
        if params.get("sort", "").startswith("metadata_modified desc"):
            found.sort(key=lambda p: p["metadata_modified"], reverse=True)
        elif params.get("sort", "").startswith("title_string"):
            found.sort(key=lambda p: p["title"])
        fields = json.loads(params.get("facet.field", "[]"))
        search_facets, facets = {}, {}
        for name in fields:
            counts: dict = {}
            for package in found:
                if name == "organization":
                    items = [(package["organization"]["name"], package["organization"]["title"])]
                elif name == "groups":
                    items = [(g["name"], g["title"]) for g in package["groups"]]
                elif name == "res_format":
                    items = [(f, f) for f in {r["format"] for r in package["resources"]}]
                elif name == "tags":
                    items = [(t["name"], t["name"]) for t in package["tags"]]
                else:
                    items = [(package["license_id"], package["license_title"])]
                for key, label in items:
                    counts.setdefault(key, [label, 0])[1] += 1
            facets[name] = {k: v[1] for k, v in counts.items()}
            search_facets[name] = {"title": name, "items": [{"count": c, "display_name": label, "name": k}
                                                            for k, (label, c) in counts.items()]}
        start, rows = int(params.get("start", 0)), int(params.get("rows", 10))
        return {"count": len(found), "sort": params.get("sort", "score desc, metadata_modified desc"),
                "facets": facets, "search_facets": search_facets,
                "results": copy.deepcopy(found[start: start + rows])}


def _basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def _ok(help_url: str, result) -> dict:
    return {"help": help_url, "success": True, "result": result}


def _fail(help_url: str, kind: str, message: str) -> dict:
    return {"help": help_url, "success": False, "error": {"__type": kind, "message": message}}


def _handler(server: CkanReplay):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):  # keep test output quiet
            pass

        def setup(self):
            super().setup()
            server.connections.add(self.connection)

        def finish(self):
            server.connections.discard(self.connection)
            super().finish()

        def do_HEAD(self):  # noqa: N802
            self.do_GET(head=True)

        def do_GET(self, head: bool = False):  # noqa: N802
            url = urllib.parse.urlparse(self.path)
            server.requests.append((url.path, dict(self.headers)))
            params = {k: v[-1] for k, v in urllib.parse.parse_qs(url.query).items()}
            private = url.path.startswith("/private/")
            if private:
                if self.headers.get("Authorization") != _basic(PRIVATE_USER, PRIVATE_PASSWORD):
                    if "/api/3/action/" in url.path:  # CKAN's answer to an anonymous call on a private portal
                        body = _fail("", "Authorization Error", "Access denied")
                        return self._send(403, json.dumps(body).encode(), "application/json;charset=utf-8", head)
                    return self._send(403, b"<html><body>Forbidden</body></html>", "text/html", head)
                url = url._replace(path=url.path[len("/private"):])
            if url.path.startswith("/api/3/action/"):
                status, body = server.action(url.path.rsplit("/", 1)[-1], params, private)
                return self._send(status, json.dumps(body).encode(), "application/json;charset=utf-8", head)
            if url.path.startswith("/html/"):  # a portal address that is a web site, not the API
                return self._send(200, b"<!DOCTYPE html><html><body>Benvenuti</body></html>", "text/html", head)
            if url.path.startswith("/failing/api/3/action/"):
                body = _fail("", "Search Query Error", "Search Query Error: Invalid fq")
                return self._send(409, json.dumps(body).encode(), "application/json", head)
            if url.path.startswith("/notckan/api/3/action/"):
                return self._send(200, b'{"hello": "world"}', "application/json", head)
            if url.path in ("/wms", "/wfs"):
                return self._ogc(url.path[1:], params, head)
            if url.path == "/error500":
                return self._send(500, b"Internal Server Error", "text/plain", head)
            if url.path.startswith("/slow"):
                time.sleep(float(params.get("s", "3")))
                return self._send(200, b"{}", "application/json", head)
            if url.path.startswith("/files/"):
                name = urllib.parse.unquote(url.path[len("/files/"):])
                path = server.files.get(name)
                if not path or not os.path.exists(path):
                    return self._send(404, b"<html><body>Not found</body></html>", "text/html", head)
                return self._send_file(path, head)
            return self._send(404, b"<html><body>Not found</body></html>", "text/html", head)

        def _send(self, status: int, body: bytes, content_type: str, head: bool, extra: dict | None = None):
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for key, value in (extra or {}).items():
                self.send_header(key, value)
            self.end_headers()
            if not head:
                self.wfile.write(body)

        def _ogc(self, service: str, params: dict, head: bool):
            request = {k.lower(): v for k, v in params.items()}.get("request", "").lower()
            if request == "getcapabilities":
                template = WMS_CAPABILITIES if service == "wms" else WFS_CAPABILITIES
                return self._send(200, template.replace("{root}", server.root).encode(), "text/xml", head)
            if request == "describefeaturetype":
                return self._send(200, WFS_SCHEMA.encode(), "text/xml", head)
            if request == "getmap":
                return self._send(200, PNG_1x1, "image/png", head)
            if request == "getfeature":
                return self._send(200, WFS_EMPTY.encode(), "text/xml", head)
            return self._send(400, b"<ServiceExceptionReport/>", "text/xml", head)

        def _send_file(self, path: str, head: bool):
            stat = os.stat(path)
            etag = '"' + hashlib.sha1(f"{path}:{stat.st_size}:{stat.st_mtime_ns}".encode()).hexdigest()[:16] + '"'
            modified = email.utils.formatdate(stat.st_mtime, usegmt=True)
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Content-Length", str(stat.st_size))
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", modified)
            self.end_headers()
            if head:
                return
            with open(path, "rb") as handle:
                shutil.copyfileobj(handle, self.wfile, 256 * 1024)

    return Handler


_BBOX = ("<EX_GeographicBoundingBox><westBoundLongitude>11.0</westBoundLongitude><eastBoundLongitude>11.2"
         "</eastBoundLongitude><southBoundLatitude>43.8</southBoundLatitude><northBoundLatitude>43.95"
         "</northBoundLatitude></EX_GeographicBoundingBox>"
         '<BoundingBox CRS="EPSG:4326" minx="43.8" miny="11.0" maxx="43.95" maxy="11.2"/>')
_ONLINE = '<DCPType><HTTP><Get><OnlineResource xlink:type="simple" xlink:href="{root}/wms?"/></Get></HTTP></DCPType>'
WMS_CAPABILITIES = (
    '<?xml version="1.0" encoding="UTF-8"?><WMS_Capabilities version="1.3.0" xmlns="http://www.opengis.net/wms" '
    'xmlns:xlink="http://www.w3.org/1999/xlink"><Service><Name>WMS</Name><Title>Replay WMS</Title>'
    '<OnlineResource xlink:type="simple" xlink:href="{root}/wms"/></Service><Capability><Request>'
    f"<GetCapabilities><Format>text/xml</Format>{_ONLINE}</GetCapabilities>"
    f"<GetMap><Format>image/png</Format>{_ONLINE}</GetMap></Request><Exception><Format>XML</Format></Exception>"
    f"<Layer><Title>Prato</Title><CRS>EPSG:4326</CRS><CRS>EPSG:3857</CRS>{_BBOX}"
    f'<Layer queryable="0"><Name>ciclabili</Name><Title>Piste ciclabili</Title><CRS>EPSG:4326</CRS>{_BBOX}'
    "</Layer></Layer></Capability></WMS_Capabilities>")
_OP = ('<ows:Operation name="{op}"><ows:DCP><ows:HTTP><ows:Get xlink:href="{root}/wfs?"/></ows:HTTP></ows:DCP>'
       "</ows:Operation>")
WFS_CAPABILITIES = (
    '<?xml version="1.0" encoding="UTF-8"?><wfs:WFS_Capabilities version="1.1.0" '
    'xmlns:wfs="http://www.opengis.net/wfs" xmlns:ows="http://www.opengis.net/ows" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:ogc="http://www.opengis.net/ogc" xmlns:prato="http://prato">'
    "<ows:ServiceIdentification><ows:Title>Replay WFS</ows:Title><ows:ServiceType>WFS</ows:ServiceType>"
    "<ows:ServiceTypeVersion>1.1.0</ows:ServiceTypeVersion></ows:ServiceIdentification><ows:OperationsMetadata>"
    + "".join(_OP.replace("{op}", op) for op in ("GetCapabilities", "DescribeFeatureType", "GetFeature"))
    + "</ows:OperationsMetadata><wfs:FeatureTypeList><wfs:FeatureType><wfs:Name>prato:ciclabili</wfs:Name>"
    "<wfs:Title>Piste ciclabili</wfs:Title><wfs:DefaultSRS>urn:ogc:def:crs:EPSG::4326</wfs:DefaultSRS>"
    "<ows:WGS84BoundingBox><ows:LowerCorner>11.0 43.8</ows:LowerCorner><ows:UpperCorner>11.2 43.95"
    "</ows:UpperCorner></ows:WGS84BoundingBox></wfs:FeatureType></wfs:FeatureTypeList></wfs:WFS_Capabilities>")
WFS_SCHEMA = (
    '<?xml version="1.0" encoding="UTF-8"?><xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" '
    'xmlns:gml="http://www.opengis.net/gml" xmlns:prato="http://prato" targetNamespace="http://prato" '
    'elementFormDefault="qualified"><xsd:import namespace="http://www.opengis.net/gml" '
    'schemaLocation="http://schemas.opengis.net/gml/3.1.1/base/gml.xsd"/><xsd:complexType name="ciclabiliType">'
    '<xsd:complexContent><xsd:extension base="gml:AbstractFeatureType"><xsd:sequence>'
    '<xsd:element name="osm_id" type="xsd:long" minOccurs="0"/>'
    '<xsd:element name="name" type="xsd:string" minOccurs="0"/>'
    '<xsd:element name="the_geom" type="gml:MultiLineStringPropertyType" minOccurs="0"/>'
    '</xsd:sequence></xsd:extension></xsd:complexContent></xsd:complexType>'
    '<xsd:element name="ciclabili" type="prato:ciclabiliType" substitutionGroup="gml:_Feature"/></xsd:schema>')
WFS_EMPTY = ('<?xml version="1.0" encoding="UTF-8"?><wfs:FeatureCollection xmlns:wfs="http://www.opengis.net/wfs" '
             'numberOfFeatures="0"/>')
PNG_1x1 = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                        "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082")
