import pytest

from prato_smartcity_plugin.adapters.store import attachments
from prato_smartcity_plugin.core.errors import StoreError


@pytest.fixture()
def store_dir(tmp_path):
    folder = tmp_path / "project"
    folder.mkdir()
    return folder


def test_a_photo_from_elsewhere_is_copied_beside_the_store(store_dir, tmp_path):
    camera = tmp_path / "DCIM" / "IMG_0001.jpg"
    camera.parent.mkdir()
    camera.write_bytes(b"jpeg bytes")
    kept = attachments.keep(store_dir, str(camera), prefix="abcd1234")
    assert kept == "photos/abcd1234_IMG_0001.jpg"
    assert (store_dir / kept).read_bytes() == b"jpeg bytes"
    assert camera.exists()  # the original stays where it was
    # a relative path from the form's file widget ("../DCIM/...") is the same file
    assert attachments.keep(store_dir, "../DCIM/IMG_0001.jpg", prefix="abcd1234") == kept


def test_same_name_different_file_gets_a_new_name(store_dir, tmp_path):
    for folder, content in (("a", b"first"), ("b", b"second")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "photo.jpg").write_bytes(content)
    first = attachments.keep(store_dir, str(tmp_path / "a" / "photo.jpg"))
    second = attachments.keep(store_dir, str(tmp_path / "b" / "photo.jpg"))
    assert first != second
    assert (store_dir / first).read_bytes() == b"first" and (store_dir / second).read_bytes() == b"second"


def test_photos_already_beside_the_store_are_kept_as_they_are(store_dir):
    (store_dir / "photos").mkdir()
    (store_dir / "photos" / "x.jpg").write_bytes(b"x")
    assert attachments.keep(store_dir, "photos/x.jpg") == "photos/x.jpg"
    assert attachments.keep(store_dir, str(store_dir / "photos" / "x.jpg")) == "photos/x.jpg"
    assert attachments.keep(store_dir, "") == ""


def test_a_missing_file_is_an_error_not_a_silent_drop(store_dir):
    with pytest.raises(StoreError, match="does not exist"):
        attachments.keep(store_dir, "/nowhere/photo.jpg")
