#!/usr/bin/env python3
"""The reference municipal API on loopback, all real parts: PostgreSQL + PostGIS (a cluster of our own in a folder of
our own), pygeoapi serving the interventions as an editable OGC API - Features collection, nginx in front requiring
basic-auth credentials.

    scripts/api_stack.py start [--dir DIR]    # prints the URL and the credentials
    scripts/api_stack.py status [--dir DIR]
    scripts/api_stack.py stop [--dir DIR]

What pygeoapi lacks is supplied by real parts, never by imitation server code: PostgreSQL triggers (on a view that
pygeoapi serves) stamp the server's modification time, increment the version, refuse an update based on an older
version, and turn a DELETE into a tombstone (``deleted = true``) that the change feed (``datetime=<t>/..``) still
returns; nginx requires the credentials.

pygeoapi needs Python >= 3.12: ``PRATO_API_PYTHON`` if set, else the first of python3.13/python3.12 on PATH, the
trixie chroot's interpreter is not usable from outside it, so then pyenv's 3.12/3.13 (installed on this project's
machines). The venv is built once under ~/.cache/prato-smartcity from scripts/api-requirements.txt (PyPI).
"""

from __future__ import annotations

import argparse
import base64
import glob
import hashlib
import json
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from prato_smartcity_plugin.core.interventions import schema  # noqa: E402

CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "prato-smartcity"
DEFAULT_DIR = Path(tempfile.gettempdir()) / "prato-smartcity-api"
REQUIREMENTS = HERE / "api-requirements.txt"
COLLECTION = "interventions"
TABLE = "intervention_records"  # the rows, tombstones included
VIEW = "interventions"  # what pygeoapi serves; INSTEAD OF triggers write through to the table
#: The interventions' photos, served as a second collection that the plugin finds as ``<collection>_attachments``.
ATTACHMENTS_TABLE = "attachment_records"
USER = "planner"
#: A rough envelope of Italy in CRS84: the server refuses geometries elsewhere (a wrong CRS puts them at sea).
ITALY = (6.0, 36.0, 19.0, 47.5)


class StackError(RuntimeError):
    pass


@dataclass
class Stack:
    dir: str
    url: str  # the API's landing page, through nginx
    collection: str
    user: str
    password: str
    pg_port: int
    api_port: int
    nginx_port: int
    pg_dsn: str
    service_dir: str = ""  # the cluster and nginx's files, in a folder the service user can reach
    api_pid: int = 0

    @property
    def items_url(self) -> str:
        return f"{self.url}/collections/{self.collection}/items"

    @property
    def attachments_items_url(self) -> str:
        return f"{self.url}/collections/{self.collection}_attachments/items"

    def psql(self, sql: str) -> str:
        """Run SQL on the server's database (tests and benchmarks use it to look behind the API)."""
        return _run([_pg_bin("psql"), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", self.pg_dsn, "-c", sql],
                    capture=True)


# --- helpers ------------------------------------------------------------------------------------------------------


def _run(cmd: list[str], capture: bool = False, user: str | None = None, env: dict | None = None) -> str:
    result = subprocess.run(cmd, capture_output=True, text=True, user=user, env=env)
    if result.returncode != 0:
        raise StackError(f"{' '.join(cmd)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result.stdout if capture else ""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _pg_bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda p: int(p.split("/")[4]))
    if not found:
        raise StackError(f"PostgreSQL's {name} is missing: run `make deps` (Debian packages postgresql, postgis).")
    return found[-1]


def _service_user() -> str | None:
    """PostgreSQL refuses to run as root: as root, the services run as an unprivileged system user."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    raise StackError("no unprivileged user to run PostgreSQL as")


def find_python() -> str:
    """A Python >= 3.12 for pygeoapi (see the module's docstring for the order)."""
    candidates = [os.environ.get("PRATO_API_PYTHON", "")]
    candidates += [shutil.which(n) or "" for n in ("python3.13", "python3.12")]
    pyenv = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    candidates += sorted(glob.glob(f"{pyenv}/3.1[2-9]*/bin/python3"))
    for path in filter(None, candidates):
        try:
            out = subprocess.run([path, "-c", "import sys, venv; print(sys.version_info >= (3, 12))"],
                                 capture_output=True, text=True, timeout=30).stdout.strip()
        except (OSError, subprocess.TimeoutExpired):
            continue
        if out == "True":
            return path
    raise StackError("pygeoapi needs Python >= 3.12 and none was found: set PRATO_API_PYTHON to one.")


def ensure_venv() -> Path:
    """The pygeoapi venv, built once (pip from PyPI) and rebuilt when the pinned requirements change."""
    python = find_python()
    digest = hashlib.sha256(REQUIREMENTS.read_bytes() + python.encode()).hexdigest()[:12]
    venv = CACHE / f"api-venv-{digest}"
    if (venv / "ready").exists():
        return venv
    shutil.rmtree(venv, ignore_errors=True)
    venv.parent.mkdir(parents=True, exist_ok=True)
    print(f"api: building the pygeoapi venv with {python} in {venv} (once)", file=sys.stderr)
    _run([python, "-m", "venv", str(venv)])
    _run([str(venv / "bin" / "pip"), "install", "-q", "--disable-pip-version-check", "-r", str(REQUIREMENTS)])
    (venv / "ready").write_text(python)
    return venv


def _wait(predicate, what: str, timeout: float = 60.0, log: Path | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    tail = log.read_text(errors="replace")[-3000:] if log and log.exists() else ""
    raise StackError(f"{what} did not come up within {timeout:.0f} s\n{tail}")


def _http_status(url: str, auth: tuple[str, str] | None = None) -> int:
    request = urllib.request.Request(url)
    if auth:
        token = base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode()
        request.add_header("Authorization", f"Basic {token}")
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return 0


# --- the database -------------------------------------------------------------------------------------------------

_SQL_TYPES = {
    schema.FieldType.TEXT: "text",
    schema.FieldType.INTEGER: "integer",
    schema.FieldType.REAL: "double precision",
    schema.FieldType.DATE: "date",
    schema.FieldType.DATETIME: "timestamptz",
}
#: Columns the server maintains itself (whatever a client sends).
_SERVER_COLUMNS = ("created_at", "modified_at", "version", "deleted")


def schema_sql() -> str:
    """The table, the view pygeoapi serves and the triggers, derived from the one intervention schema."""
    columns = []
    for spec in schema.FIELDS:
        sql_type = _SQL_TYPES[spec.type]
        if spec.name == "uuid":
            columns.append("uuid text PRIMARY KEY")
        elif spec.name in ("created_at", "modified_at"):
            columns.append(f"{spec.name} timestamptz NOT NULL DEFAULT clock_timestamp()")
        elif spec.name == "version":
            columns.append("version integer NOT NULL DEFAULT 1")
        else:
            not_null = " NOT NULL" if spec.required else ""
            check = ""
            if spec.codes and spec.name != "responsible_body":  # the bodies list is extensible in the plugin
                values = ", ".join("'" + c.value + "'" for c in spec.codes)
                check = f" CHECK ({spec.name} IN ({values}))"
            columns.append(f"{spec.name} {sql_type}{not_null}{check}")
    columns += [
        "deleted boolean NOT NULL DEFAULT false",
        "change_id text",  # the client's id of the change that wrote this version (tells a lost response)
        "geom geometry(Geometry, 4326)",
        "CONSTRAINT geom_in_italy CHECK (geom IS NULL OR ST_Within(geom, ST_MakeEnvelope({}, {}, {}, {}, 4326)))"
        .format(*ITALY),
    ]
    fields = [f.name for f in schema.FIELDS] + ["deleted", "change_id", "geom"]
    client_fields = [f for f in fields if f not in _SERVER_COLUMNS and f != "uuid"]
    insert_values = ", ".join(f"NEW.{f}" for f in ["uuid"] + client_fields)
    update_sets = ", ".join(f"{f} = NEW.{f}" for f in client_fields)
    body = ",\n  ".join(columns)
    return f"""
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE TABLE {TABLE} (
  {body}
);
CREATE INDEX {TABLE}_modified_at ON {TABLE} (modified_at);
CREATE VIEW {VIEW} AS SELECT {", ".join(fields)} FROM {TABLE};

CREATE FUNCTION {VIEW}_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO {TABLE} (uuid, {", ".join(client_fields)}, created_at)
  VALUES ({insert_values}, coalesce(NEW.created_at, clock_timestamp()))
  RETURNING created_at, modified_at, version, deleted INTO NEW.created_at, NEW.modified_at, NEW.version, NEW.deleted;
  RETURN NEW;
END $$;

CREATE FUNCTION {VIEW}_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.uuid IS DISTINCT FROM OLD.uuid THEN
    RAISE EXCEPTION 'the id of % cannot change', OLD.uuid USING ERRCODE = '22023';
  END IF;
  -- Optimistic concurrency: a client sends the version its change was based on; an older one is refused.
  IF NEW.version IS DISTINCT FROM OLD.version THEN
    RAISE EXCEPTION 'version conflict: % is at version %, the change was based on version %',
      OLD.uuid, OLD.version, NEW.version USING ERRCODE = '40001';
  END IF;
  UPDATE {TABLE} SET {update_sets}, deleted = coalesce(NEW.deleted, false),
    modified_at = clock_timestamp(), version = version + 1
  WHERE uuid = OLD.uuid
  RETURNING created_at, modified_at, version, deleted INTO NEW.created_at, NEW.modified_at, NEW.version, NEW.deleted;
  RETURN NEW;
END $$;

CREATE FUNCTION {VIEW}_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- A tombstone: the change feed still returns it, so that every client learns of the delete.
  UPDATE {TABLE} SET deleted = true, change_id = NULL, modified_at = clock_timestamp(), version = version + 1
  WHERE uuid = OLD.uuid AND NOT deleted;
  RETURN OLD;
END $$;

CREATE TRIGGER {VIEW}_insert INSTEAD OF INSERT ON {VIEW} FOR EACH ROW EXECUTE FUNCTION {VIEW}_insert();
CREATE TRIGGER {VIEW}_update INSTEAD OF UPDATE ON {VIEW} FOR EACH ROW EXECUTE FUNCTION {VIEW}_update();
CREATE TRIGGER {VIEW}_delete INSTEAD OF DELETE ON {VIEW} FOR EACH ROW EXECUTE FUNCTION {VIEW}_delete();

-- Photos: immutable records whose id the client derives from the intervention, the path and the content's SHA-256
-- (so a record sent twice is refused as a duplicate), with the content in base64 that the server checks whole.
CREATE TABLE {ATTACHMENTS_TABLE} (
  id text PRIMARY KEY,
  intervention text NOT NULL,
  path text NOT NULL CHECK (path LIKE 'photos/%' AND position('..' in path) = 0),
  media_type text,
  size integer NOT NULL,
  sha256 text NOT NULL,
  content text NOT NULL,
  geom geometry(Point, 4326),
  CONSTRAINT content_intact CHECK (length(decode(content, 'base64')) = size
    AND encode(sha256(decode(content, 'base64')), 'hex') = sha256),
  CONSTRAINT id_of_content CHECK (id = encode(sha256(convert_to(intervention || E'\\n' || path || E'\\n' || sha256,
    'UTF8')), 'hex'))
);
CREATE INDEX {ATTACHMENTS_TABLE}_intervention ON {ATTACHMENTS_TABLE} (intervention);
"""


# --- configuration files ------------------------------------------------------------------------------------------


def _pygeoapi_config(stack: Stack) -> str:
    return f"""server:
  bind: {{host: 127.0.0.1, port: {stack.api_port}}}
  url: {stack.url}
  mimetype: application/json; charset=UTF-8
  encoding: utf-8
  languages: [en-US]
  limits: {{default_items: 100, max_items: 1000}}
  map: {{url: 'https://tile.openstreetmap.org/{{z}}/{{x}}/{{y}}.png', attribution: 'OpenStreetMap'}}
logging:
  level: ERROR
metadata:
  identification:
    title: Prato municipal API (reference stack)
    description: Interventions of the Prato Smart City plan
    keywords: [prato]
    terms_of_service: https://creativecommons.org/licenses/by/4.0/
    url: https://www.comune.prato.it
  license: {{name: CC-BY 4.0, url: 'https://creativecommons.org/licenses/by/4.0/'}}
  provider: {{name: Comune di Prato, url: 'https://www.comune.prato.it'}}
  contact: {{name: Prato, position: Planner, address: Piazza del Comune 2, city: Prato, country: Italy,
            email: sit@example.org, url: 'https://www.comune.prato.it', role: pointOfContact}}
resources:
""" + _collection(stack, stack.collection, "Interventions", "Planned interventions (tombstones have deleted = true)",
                  "[interventions]", VIEW, "uuid", "time_field: modified_at") + _collection(
        stack, f"{stack.collection}_attachments", "Intervention photos",
        "Photos of the interventions (content in base64, checked against its SHA-256)", "[interventions, photos]",
        ATTACHMENTS_TABLE, "id")


def _collection(stack: Stack, name: str, title: str, description: str, keywords: str, table: str, id_field: str,
                extra: str = "") -> str:
    """An editable collection served from a PostGIS table or view."""
    xmin, ymin, xmax, ymax = ITALY
    extra = f"\n        {extra}" if extra else ""
    return f"""  {name}:
    type: collection
    title: {title}
    description: {description}
    keywords: {keywords}
    extents:
      spatial: {{bbox: [{xmin}, {ymin}, {xmax}, {ymax}], crs: 'http://www.opengis.net/def/crs/OGC/1.3/CRS84'}}
    providers:
      - type: feature
        name: PostgreSQL
        editable: true
        data:
          host: 127.0.0.1
          port: {stack.pg_port}
          dbname: prato
          user: prato
          search_path: [public]
        id_field: {id_field}
        table: {table}
        geom_field: geom{extra}
        # What PostGIS holds (SRID 4326, x = longitude). Declared as EPSG:4326 rather than CRS84 because pygeoapi
        # otherwise searches the EPSG database for CRS84's SRID on every write (two thirds of a POST's time).
        storage_crs: http://www.opengis.net/def/crs/EPSG/0/4326
        always_xy: true
"""


def _htpasswd_line(user: str, password: str) -> str:
    salt = secrets.token_bytes(8)
    digest = hashlib.sha1(password.encode() + salt).digest()
    return f"{user}:{{SSHA}}{base64.b64encode(digest + salt).decode()}\n"


def _nginx_config(stack: Stack) -> str:
    d = stack.service_dir
    return f"""worker_processes 1;
error_log {d}/nginx/error.log warn;
pid {d}/nginx/nginx.pid;
events {{ worker_connections 512; }}
http {{
  access_log {d}/nginx/access.log;
  client_body_temp_path {d}/nginx/body;
  proxy_temp_path {d}/nginx/proxy;
  fastcgi_temp_path {d}/nginx/fastcgi;
  uwsgi_temp_path {d}/nginx/uwsgi;
  scgi_temp_path {d}/nginx/scgi;
  client_max_body_size 20m;
  upstream pygeoapi {{ server 127.0.0.1:{stack.api_port}; keepalive 16; }}
  server {{
    listen 127.0.0.1:{stack.nginx_port};
    auth_basic "Prato municipal API";
    auth_basic_user_file {d}/nginx/htpasswd;
    location / {{
      proxy_pass http://pygeoapi;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header Authorization "";
      proxy_read_timeout 120s;
    }}
  }}
}}
"""


# --- start / stop -------------------------------------------------------------------------------------------------


def _state_file(directory: Path) -> Path:
    return directory / "stack.json"


def load(directory: Path = DEFAULT_DIR) -> Stack | None:
    try:
        return Stack(**json.loads(_state_file(directory).read_text()))
    except (OSError, ValueError, TypeError):
        return None


def start(directory: Path = DEFAULT_DIR, password: str | None = None) -> Stack:
    """Start the three servers on free loopback ports; the returned :class:`Stack` says where and how to log in."""
    directory = Path(directory)
    if load(directory) is not None:
        stop(directory)
    shutil.rmtree(directory, ignore_errors=True)
    directory.mkdir(parents=True)
    directory.chmod(0o755)
    venv = ensure_venv()
    for tool in ("nginx",):
        if not shutil.which(tool) and not Path(f"/usr/sbin/{tool}").exists():
            raise StackError(f"{tool} is missing: run `make deps` (Debian package nginx-light).")
    pg_port, api_port, nginx_port = _free_port(), _free_port(), _free_port()
    stack = Stack(dir=str(directory), url=f"http://127.0.0.1:{nginx_port}", collection=COLLECTION, user=USER,
                  password=password or secrets.token_urlsafe(12), pg_port=pg_port, api_port=api_port,
                  nginx_port=nginx_port, pg_dsn=f"postgresql://prato@127.0.0.1:{pg_port}/prato")
    _state_file(directory).write_text(json.dumps(asdict(stack)))
    _state_file(directory).chmod(0o600)
    service_user = _service_user()
    # The services may run as another user: their files live where that user can reach them (/tmp), whatever the
    # permissions of the folders above ``directory``.
    stack.service_dir = tempfile.mkdtemp(prefix="prato-api-services-")
    Path(stack.service_dir).chmod(0o711)
    _state_file(directory).write_text(json.dumps(asdict(stack)))
    try:
        _start_postgres(stack, service_user)
        stack.psql(schema_sql())
        _start_pygeoapi(stack, venv)
        _start_nginx(stack, service_user)
    except BaseException:
        stop(directory)
        raise
    _state_file(directory).write_text(json.dumps(asdict(stack)))
    return stack


def _start_postgres(stack: Stack, service_user: str | None) -> None:
    data = Path(stack.service_dir) / "pgdata"
    data.mkdir()
    if service_user:
        shutil.chown(data, service_user, service_user)
    _run([_pg_bin("initdb"), "-D", str(data), "-U", "prato", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"],
         user=service_user)
    options = (f"-p {stack.pg_port} -c listen_addresses=127.0.0.1 -k {data} -c fsync=off "
               "-c synchronous_commit=off -c full_page_writes=off")
    _run([_pg_bin("pg_ctl"), "-D", str(data), "-l", str(data / "postgres.log"), "-w", "-t", "60", "-o", options,
          "start"], user=service_user)
    _run([_pg_bin("createdb"), "-h", "127.0.0.1", "-p", str(stack.pg_port), "-U", "prato", "prato"])


def _start_pygeoapi(stack: Stack, venv: Path) -> None:
    d = Path(stack.dir)
    config, openapi = d / "pygeoapi-config.yml", d / "pygeoapi-openapi.yml"
    config.write_text(_pygeoapi_config(stack))
    env = dict(os.environ, PYGEOAPI_CONFIG=str(config), PYGEOAPI_OPENAPI=str(openapi))
    for key in ("PYTHONPATH", "PYTHONHOME", "QT_QPA_PLATFORM"):
        env.pop(key, None)
    openapi.write_text(_run([str(venv / "bin" / "pygeoapi"), "openapi", "generate", str(config)], capture=True,
                            env=env))
    log = d / "pygeoapi.log"
    process = subprocess.Popen(
        [str(venv / "bin" / "gunicorn"), "--bind", f"127.0.0.1:{stack.api_port}", "--workers", "2",
         "--worker-class", "gthread", "--threads", "4", "--timeout", "120", "--keep-alive", "30",
         "pygeoapi.flask_app:APP"],
        env=env, stdout=log.open("ab"), stderr=subprocess.STDOUT, cwd=d, start_new_session=True)
    stack.api_pid = process.pid
    _state_file(d).write_text(json.dumps(asdict(stack)))
    direct = f"http://127.0.0.1:{stack.api_port}/collections/{stack.collection}?f=json"
    _wait(lambda: process.poll() is None and _http_status(direct) == 200, "pygeoapi", log=log)


def _start_nginx(stack: Stack, service_user: str | None) -> None:
    d = Path(stack.service_dir)
    own = d / "nginx"  # what the (unprivileged) nginx writes: pid, logs, temporary files
    own.mkdir()
    (own / "htpasswd").write_text(_htpasswd_line(stack.user, stack.password))
    (own / "htpasswd").chmod(0o600)
    (d / "nginx.conf").write_text(_nginx_config(stack))
    if service_user:
        for path in (own, own / "htpasswd"):
            shutil.chown(path, service_user, service_user)
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    # `-e` (1.19.5+) keeps nginx away from the default error log of the system installation.
    _run([nginx, "-p", str(own), "-c", str(d / "nginx.conf"), "-e", str(own / "error.log")], user=service_user)
    _wait(lambda: _http_status(f"{stack.url}/collections?f=json", (stack.user, stack.password)) == 200, "nginx",
          log=own / "error.log")


def _kill(pid: int, sig: int = signal.SIGTERM, group: bool = False) -> None:
    try:
        if group:
            os.killpg(pid, sig)
        else:
            os.kill(pid, sig)
    except (ProcessLookupError, PermissionError):
        pass


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
        return True
    except ProcessLookupError:
        return False
    except PermissionError:
        return True


def stop(directory: Path = DEFAULT_DIR) -> None:
    """Stop what :func:`start` started in ``directory`` and remove the folder."""
    directory = Path(directory)
    stack = load(directory)
    if stack is not None:
        pid_file = Path(stack.service_dir or directory) / "nginx" / "nginx.pid"
        if pid_file.exists():
            nginx_pid = int(pid_file.read_text().strip() or 0)
            if nginx_pid:
                _kill(nginx_pid, signal.SIGQUIT)
                _wait_gone(nginx_pid)
        if stack.api_pid:
            _kill(stack.api_pid, signal.SIGTERM, group=True)
            _wait_gone(stack.api_pid)
        data = Path(stack.service_dir or directory) / "pgdata"
        if (data / "postmaster.pid").exists():
            subprocess.run([_pg_bin("pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"], capture_output=True,
                           user=_service_user())
        if stack.service_dir:
            shutil.rmtree(stack.service_dir, ignore_errors=True)
    shutil.rmtree(directory, ignore_errors=True)


def _wait_gone(pid: int, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while _alive(pid) and time.monotonic() < deadline:
        try:
            os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            pass
        time.sleep(0.1)


def status(directory: Path = DEFAULT_DIR) -> dict:
    stack = load(directory)
    if stack is None:
        return {"running": False}
    api = _http_status(f"{stack.url}/collections/{stack.collection}?f=json", (stack.user, stack.password))
    anonymous = _http_status(f"{stack.url}/collections?f=json")
    return {"running": api == 200, "url": stack.url, "collection": stack.collection, "user": stack.user,
            "api_status": api, "without_credentials": anonymous, "dir": stack.dir}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("start", "stop", "status"))
    parser.add_argument("--dir", type=Path, default=Path(os.environ.get("PRATO_API_DIR", DEFAULT_DIR)))
    args = parser.parse_args(argv)
    try:
        if args.command == "start":
            stack = start(args.dir)
            print(f"Municipal API (reference stack) running:\n  base URL:   {stack.url}\n"
                  f"  collection: {stack.collection}\n  user:       {stack.user}\n  password:   {stack.password}\n"
                  f"  database:   {stack.pg_dsn}\nStop it with: {sys.argv[0]} stop --dir {args.dir}")
        elif args.command == "stop":
            stop(args.dir)
            print("Municipal API stopped.")
        else:
            state = status(args.dir)
            print(json.dumps(state, indent=2))
            return 0 if state["running"] else 3
    except StackError as error:
        print(f"api: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
