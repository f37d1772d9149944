"""Photos travel with their interventions through the real municipal API reference stack (the photos' collection
served by pygeoapi from PostGIS): what planners would notice — the photo taken on one laptop opens on the other,
byte for byte; nothing is stored twice on the server, even when answers are lost on a flaky network."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from prato_smartcity_plugin.core.errors import SyncError
from prato_smartcity_plugin.core.sync.engine import PHOTO_PREFIX, SyncSummary
from tests.fault_proxy import FaultProxy
from tests.qgis import sync_support as s

pytestmark = pytest.mark.api


@pytest.fixture()
def stores(tmp_path, qgis_app):
    (tmp_path / "anna").mkdir()
    (tmp_path / "bruno").mkdir()
    a, b = s.open_store(tmp_path / "anna", "anna"), s.open_store(tmp_path / "bruno", "bruno")
    yield a, b
    a.close()
    b.close()


def photo(store, name: str, size: int = 40_000) -> tuple[str, bytes]:
    """A photo kept beside the store (as the store's form keeps them): its relative path and its bytes."""
    content = b"\xff\xd8\xff\xe0" + os.urandom(size) + b"\xff\xd9"
    path = f"photos/{name}"
    file = Path(store.path).parent / path
    file.parent.mkdir(exist_ok=True)
    file.write_bytes(content)
    return path, content


def server_photos(stack) -> list[dict]:
    out = stack.psql("SELECT coalesce(json_agg(json_build_object('id', id, 'intervention', intervention, 'path', path, "
                     "'size', size, 'sha256', sha256)), '[]') FROM attachment_records")
    return json.loads(out)


def file_of(store, path: str) -> Path:
    return Path(store.path).parent / path


def test_a_photo_taken_on_one_laptop_opens_on_the_other(api, stores):
    anna, bruno = stores
    path1, content1 = photo(anna, "a1b2c3d4_cantiere.jpg")
    path2, content2 = photo(anna, "a1b2c3d4_rilievo è.png", size=3000)
    uuid = s.insert(anna, s.LINE, title="Via Roma", photo_1=path1, photo_3=path2)
    summary = s.make_engine(anna, api).sync()
    assert (summary.sent, summary.photos_sent) == (1, 2)
    on_server = server_photos(api)
    assert sorted((p["intervention"], p["path"], p["size"]) for p in on_server) == sorted(
        [(uuid, path1, len(content1)), (uuid, path2, len(content2))])

    summary = s.make_engine(bruno, api).sync()
    assert (summary.received, summary.photos_received, summary.photos_missing) == (1, 2, 0)
    feature = s.local_rows(bruno)[uuid]
    assert (feature["properties"]["photo_1"], feature["properties"]["photo_3"]) == (path1, path2)
    assert file_of(bruno, path1).read_bytes() == content1
    assert file_of(bruno, path2).read_bytes() == content2
    assert not list(file_of(bruno, "photos").glob(".*"))  # no partial file left


def test_a_photo_is_stored_once_however_often_its_intervention_is_sent(api, stores):
    anna, bruno = stores
    path, _ = photo(anna, "foto.jpg")
    uuid = s.insert(anna, s.POINT, title="Piazza", photo_1=path)
    s.make_engine(anna, api).sync()
    s.update(anna, uuid, title="Piazza del Duomo")
    summary = s.make_engine(anna, api).sync()
    assert (summary.sent, summary.photos_sent) == (1, 0)  # the edit went, the photo did not go again
    # As if the answer to the photo had been lost: the engine no longer knows it was stored, and sends it again.
    anna.set_state({key: None for key in anna.state_items(PHOTO_PREFIX)})
    s.update(anna, uuid, status="approved")
    summary = s.make_engine(anna, api).sync()
    assert (summary.sent, summary.rejected) == (1, 0)
    assert len(server_photos(api)) == 1
    assert s.server_rows(api)[uuid]["version"] == 3


def test_a_changed_photo_reaches_the_other_planner(api, stores):
    anna, bruno = stores
    path, _ = photo(anna, "prima.jpg")
    uuid = s.insert(anna, s.POLYGON, title="Parco", photo_1=path)
    s.make_engine(anna, api).sync()
    s.make_engine(bruno, api).sync()
    new_path, new_content = photo(anna, "dopo.jpg")
    s.update(anna, uuid, photo_1=new_path)
    assert s.make_engine(anna, api).sync().photos_sent == 1
    summary = s.make_engine(bruno, api).sync()
    assert (summary.received, summary.photos_received) == (1, 1)
    assert s.local_rows(bruno)[uuid]["properties"]["photo_1"] == new_path
    assert file_of(bruno, new_path).read_bytes() == new_content


def test_a_photo_missing_on_the_server_is_said_and_fetched_once_it_is_there(api, stores):
    anna, bruno = stores
    path, content = photo(anna, "tardiva.jpg")
    uuid = s.insert(anna, s.POINT, title="Scuola", photo_1=path)
    s.make_engine(anna, api).sync()
    api.psql("DELETE FROM attachment_records")  # e.g. sent by a client that does not send photos
    summary = s.make_engine(bruno, api).sync()
    assert (summary.received, summary.photos_missing) == (1, 1) and "photos are not on the server" in summary.text()
    assert not file_of(bruno, path).exists()
    anna.set_state({key: None for key in anna.state_items(PHOTO_PREFIX)})
    s.update(anna, uuid, title="Scuola media")
    s.make_engine(anna, api).sync()
    summary = s.make_engine(bruno, api).sync()
    assert (summary.photos_received, summary.photos_missing) == (1, 0)
    assert file_of(bruno, path).read_bytes() == content


def test_a_lost_answer_to_a_photo_does_not_store_it_twice(api, stores):
    anna, bruno = stores
    path, _ = photo(anna, "una_volta.jpg")
    uuid = s.insert(anna, s.POINT, title="Una volta sola", photo_1=path)
    with FaultProxy(api.nginx_port) as proxy:
        engine = s.through(s.make_engine(anna, api), proxy.url)
        proxy.rates = {"drop_after": 1.0}  # every request reaches the server; every answer is lost
        with pytest.raises(SyncError):
            engine.push(SyncSummary())
        assert len(server_photos(api)) == 1  # it did land
        proxy.rates = {}
        summary = s.through(s.make_engine(anna, api), proxy.url).sync()
    assert (summary.sent, summary.photos_sent) == (1, 1)  # found by reading it back: not stored twice
    assert len(server_photos(api)) == 1 and set(s.server_rows(api)) == {uuid}


@pytest.mark.slow
def test_photos_through_a_flaky_network_arrive_whole_and_once(api, stores):
    anna, bruno = stores
    rates = {"drop_before": 0.05, "drop_after": 0.05, "cut_midway": 0.05, "status_503": 0.05}
    photos = {}
    for i in range(60):
        path, content = photo(anna, f"p{i:03d}.jpg", size=5000 + 300 * i)
        photos[s.insert(anna, [s.POINT, s.LINE, s.POLYGON][i % 3], title=f"Foto {i}", photo_2=path)] = (path,
                                                                                                          content)
    with FaultProxy(api.nginx_port, rates, seed=20261122) as proxy:
        for store in (anna, bruno):
            for _ in range(30):
                try:
                    s.through(s.make_engine(store, api), proxy.url).sync()
                except SyncError:
                    continue
                if s.pending(store) == 0 and not store.missing_attachments():
                    break
            else:
                raise AssertionError("sync never completed")
        assert sum(proxy.counts[f] for f in rates) > 10  # the network really was flaky
    on_server = server_photos(api)
    assert len(on_server) == 60 and {p["intervention"] for p in on_server} == set(photos)
    for uuid, (path, content) in photos.items():
        assert s.local_rows(bruno)[uuid]["properties"]["photo_2"] == path
        assert file_of(bruno, path).read_bytes() == content
