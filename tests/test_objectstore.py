"""One behavioural suite for every ObjectStore engine: the filesystem and S3 (moto's server)."""

from __future__ import annotations

import asyncio
import hashlib
import os
import urllib.request
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import aioboto3
import pytest
import pytest_asyncio
from moto.server import ThreadedMotoServer

from jipan.servers.runtime.errors import InvalidArgument, NotFound
from jipan.servers.runtime.objectstore import (
    DEFAULT_CONTENT_TYPE,
    FilesystemObjectStore,
    ObjectInfo,
    ObjectStore,
    S3ObjectStore,
    open_object_store,
)
from jipan.servers.runtime.settings import ConfigError, load_settings

if TYPE_CHECKING:
    from types_aiobotocore_s3.client import S3Client

BUCKET = "jipan-test"
REGION = "us-east-1"
# moto accepts any credentials; passing them explicitly keeps the host's AWS
# configuration (and real credentials) out of the tests.
FAKE_KEY = "testing"
PART = 5 * 1024 * 1024  # S3's minimum part size, to exercise multipart uploads cheaply


def fake_session() -> aioboto3.Session:
    return aioboto3.Session(aws_access_key_id=FAKE_KEY, aws_secret_access_key=FAKE_KEY)


@asynccontextmanager
async def raw_s3(endpoint: str) -> AsyncIterator[S3Client]:
    """A plain client, to look at the bucket behind the store's back."""
    async with fake_session().client("s3", endpoint_url=endpoint, region_name=REGION) as client:
        yield client


@pytest.fixture(scope="session")
def s3_endpoint() -> Iterator[str]:
    # Synchronous on purpose: the parametrized `store` fixture asks for it
    # with getfixturevalue while the event loop runs, where an async fixture
    # cannot be set up.
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    # moto's server does not check signatures: a bare PUT creates the bucket.
    with urllib.request.urlopen(urllib.request.Request(f"{endpoint}/{BUCKET}", method="PUT"), timeout=10):
        pass
    yield endpoint
    server.stop()


@pytest_asyncio.fixture(params=["filesystem", "s3"])
async def store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[ObjectStore]:
    engine: ObjectStore
    if request.param == "filesystem":
        engine = FilesystemObjectStore(tmp_path / "objects")
    else:
        endpoint = request.getfixturevalue("s3_endpoint")
        # A prefix per test: tests share the bucket but never see each other's keys.
        engine = S3ObjectStore(
            BUCKET,
            f"tests/{uuid.uuid4().hex}",
            endpoint_url=endpoint,
            region=REGION,
            part_size=PART,
            session=fake_session(),
        )
    try:
        yield engine
    finally:
        await engine.aclose()


async def _chunks(*parts: bytes) -> AsyncIterator[bytes]:
    for part in parts:
        await asyncio.sleep(0)
        yield part


async def _read_all(stream: AsyncIterator[bytes]) -> bytes:
    return b"".join([chunk async for chunk in stream])


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


async def test_put_get_stat_round_trip(store: ObjectStore) -> None:
    data = "證據 evidence".encode() * 100
    before = datetime.now(UTC) - timedelta(seconds=5)
    put = await store.put("docs/contract.pdf", data, content_type="application/pdf")
    assert (put.key, put.size, put.sha256, put.content_type) == (
        "docs/contract.pdf",
        len(data),
        _sha(data),
        "application/pdf",
    )
    assert put.etag
    assert before <= put.modified <= datetime.now(UTC) + timedelta(seconds=5)
    assert await store.get("docs/contract.pdf") == data
    info = await store.stat("docs/contract.pdf")
    assert (info.key, info.size, info.sha256, info.content_type, info.etag) == (
        put.key,
        put.size,
        put.sha256,
        put.content_type,
        put.etag,
    )
    assert abs(info.modified - put.modified) < timedelta(seconds=2)


async def test_default_content_type_and_empty_object(store: ObjectStore) -> None:
    info = await store.put("empty", b"")
    assert (info.size, info.sha256, info.content_type) == (0, _sha(b""), DEFAULT_CONTENT_TYPE)
    assert await store.get("empty") == b""
    assert await _read_all(store.open("empty")) == b""
    assert (await store.stat("empty")).content_type == DEFAULT_CONTENT_TYPE


async def test_overwrite_replaces_content_and_etag(store: ObjectStore) -> None:
    first = await store.put("k", b"one")
    second = await store.put("k", b"two", content_type="text/plain")
    assert first.etag != second.etag
    assert await store.get("k") == b"two"
    assert (await store.stat("k")).content_type == "text/plain"


async def test_missing_object_is_not_found(store: ObjectStore) -> None:
    for call in (store.get("nope"), store.stat("nope"), _read_all(store.open("nope"))):
        with pytest.raises(NotFound) as caught:
            await call
        assert caught.value.reason == "OBJECT_NOT_FOUND"
        assert caught.value.metadata == {"key": "nope"}


async def test_delete_is_idempotent(store: ObjectStore) -> None:
    await store.put("a/b/c", b"x")
    await store.delete("a/b/c")
    await store.delete("a/b/c")
    with pytest.raises(NotFound):
        await store.get("a/b/c")
    assert await store.list() == ([], "")


BAD_KEYS = [
    "",
    "/abs",
    "a/../b",
    "..",
    "a/./b",
    ".",
    "a//b",
    "a/",
    "a\x00b",
    "a\nb",
    "x" * 1025,
    "a/" + "y" * 241,
]


@pytest.mark.parametrize("key", BAD_KEYS, ids=repr)
async def test_invalid_keys_are_rejected_everywhere(store: ObjectStore, key: str) -> None:
    calls = [
        store.put(key, b"x"),
        store.put_stream(key, _chunks(b"x")),
        store.get(key),
        store.stat(key),
        store.delete(key),
        _read_all(store.open(key)),
    ]
    for call in calls:
        with pytest.raises(InvalidArgument) as caught:
            await call
        assert caught.value.reason == "OBJECT_KEY_INVALID"


async def test_streaming_put_and_chunked_read(store: ObjectStore) -> None:
    # Uneven chunks crossing part boundaries: 12 MiB + 3 bytes = 3 parts on S3.
    blob = os.urandom(PART * 2 + 2 * 1024 * 1024 + 3)
    pieces = [blob[i : i + 700_001] for i in range(0, len(blob), 700_001)]
    info = await store.put_stream("models/m.bin", _chunks(*pieces), content_type="application/x-model")
    assert (info.size, info.sha256, info.content_type) == (len(blob), _sha(blob), "application/x-model")
    # The hash of a multipart upload is recorded too, not only returned.
    stat = await store.stat("models/m.bin")
    assert (stat.size, stat.sha256, stat.content_type, stat.etag) == (
        len(blob),
        _sha(blob),
        "application/x-model",
        info.etag,
    )
    chunks = [chunk async for chunk in store.open("models/m.bin", chunk_size=1024 * 1024)]
    assert all(len(c) <= 1024 * 1024 for c in chunks)
    assert b"".join(chunks) == blob


async def test_small_streaming_put(store: ObjectStore) -> None:
    info = await store.put_stream("s", _chunks(b"a", b"", b"bc"))
    assert (info.size, info.sha256) == (3, _sha(b"abc"))
    assert await store.get("s") == b"abc"


async def test_failed_stream_stores_nothing_and_keeps_the_old_object(store: ObjectStore) -> None:
    await store.put("keep", b"old")

    async def broken() -> AsyncIterator[bytes]:
        yield b"x" * PART  # enough for a first multipart part on S3
        yield b"y"
        raise ConnectionResetError("client went away")

    with pytest.raises(ConnectionResetError):
        await store.put_stream("keep", broken())
    with pytest.raises(ConnectionResetError):
        await store.put_stream("fresh", broken())
    assert await store.get("keep") == b"old"
    with pytest.raises(NotFound):
        await store.stat("fresh")
    if isinstance(store, S3ObjectStore):
        # The parts already sent were aborted, not left to be billed.
        assert store.endpoint_url is not None
        async with raw_s3(store.endpoint_url) as raw:
            uploads = await raw.list_multipart_uploads(Bucket=BUCKET, Prefix=store.prefix)
        assert uploads.get("Uploads", []) == []


async def test_stopping_a_read_early_releases_it(store: ObjectStore) -> None:
    await store.put("big", os.urandom(3 * 1024 * 1024))
    for _ in range(3):
        stream = store.open("big", chunk_size=64 * 1024)
        # "At most chunk_size": S3's HTTP body may hand over less at a time.
        assert 0 < len(await anext(stream)) <= 64 * 1024
        await stream.aclose()
    assert len(await store.get("big")) == 3 * 1024 * 1024


async def test_list_orders_filters_and_pages(store: ObjectStore) -> None:
    # "a" and "a/..." coexist (a file and a folder on disk); '%' must not
    # collide with the filesystem engine's own markers; order is UTF-8 bytes.
    keys = ["b", "a/c/d", "a", "a-b", "a/b", "a%obj", "%tmp/x", "é/1", "a/c/e", "Z"]
    for key in keys:
        await store.put(key, key.encode())
    expected = sorted(keys, key=lambda k: k.encode())

    listed, token = await store.list()
    assert [i.key for i in listed] == expected
    assert token == ""
    assert {i.key: i.size for i in listed} == {k: len(k.encode()) for k in keys}

    assert [i.key for i in (await store.list("a/"))[0]] == ["a/b", "a/c/d", "a/c/e"]
    assert [i.key for i in (await store.list("a/c"))[0]] == ["a/c/d", "a/c/e"]
    assert [i.key for i in (await store.list("a"))[0]] == ["a", "a%obj", "a-b", "a/b", "a/c/d", "a/c/e"]
    assert (await store.list("nothing/"))[0] == []

    seen: list[ObjectInfo] = []
    token = ""
    pages = 0
    while True:
        page, token = await store.list(page_size=3, page_token=token)
        seen.extend(page)
        pages += 1
        if not token:
            break
        assert len(page) == 3
    assert [i.key for i in seen] == expected
    assert pages == 4

    page, token = await store.list("a/", page_size=2)
    rest, last = await store.list("a/", page_size=2, page_token=token)
    assert [i.key for i in page + rest] == ["a/b", "a/c/d", "a/c/e"]
    assert last == ""


async def test_list_rejects_bad_arguments(store: ObjectStore) -> None:
    with pytest.raises(InvalidArgument) as caught:
        await store.list(page_token="not a token!")
    assert caught.value.reason == "PAGE_TOKEN_INVALID"
    with pytest.raises(InvalidArgument) as caught:
        await store.list(page_size=-1)
    assert caught.value.reason == "FIELD_INVALID"
    for prefix in ("/a", "../", "a//", "a\x00"):
        with pytest.raises(InvalidArgument) as caught:
            await store.list(prefix)
        assert caught.value.reason == "OBJECT_KEY_INVALID"


async def test_concurrent_writers_never_tear_an_object(store: ObjectStore) -> None:
    versions = [bytes([n]) * 200_000 for n in range(6)]

    async def read() -> bytes:
        return await store.get("hot")

    await store.put("hot", versions[0])
    results = await asyncio.gather(*(store.put("hot", v) for v in versions), *(read() for _ in range(6)))
    for data in results[len(versions) :]:
        assert data in versions
    assert await store.get("hot") in versions


async def test_filesystem_store_keeps_files_inside_its_root(tmp_path: Path) -> None:
    store = FilesystemObjectStore(tmp_path / "objects")
    await store.put("a/b", b"1")
    await store.put("%tmp", b"2")
    await store.delete("a/b")
    # Deleting pruned the empty folder; uploads left no temporaries.
    assert sorted(p.name for p in (tmp_path / "objects").iterdir()) == ["%25tmp%obj", "%tmp"]
    assert list((tmp_path / "objects" / "%tmp").iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["objects"]


async def test_open_object_store_picks_the_engine(
    tmp_path: Path, s3_endpoint: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    local = open_object_store(load_settings({"JIPAN_DATA_DIR": str(tmp_path)}))
    assert isinstance(local, FilesystemObjectStore)
    assert local.root == tmp_path / "objects"
    await local.aclose()

    # The factory has no credentials of its own: the standard AWS chain.
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", FAKE_KEY)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", FAKE_KEY)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "none"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "none"))
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    remote = open_object_store(
        load_settings(
            {
                "JIPAN_DATA_DIR": str(tmp_path),
                "JIPAN_OBJECT_STORE_URL": f"s3://{BUCKET}/factory/",
                "JIPAN_S3_ENDPOINT_URL": s3_endpoint,
            }
        )
    )
    try:
        assert isinstance(remote, S3ObjectStore)
        assert (remote.bucket, remote.prefix, remote.endpoint_url) == (BUCKET, "factory/", s3_endpoint)
        await remote.put("hello", b"world")
        assert await remote.get("hello") == b"world"
    finally:
        await remote.aclose()
    async with raw_s3(s3_endpoint) as raw:
        stored = await raw.get_object(Bucket=BUCKET, Key="factory/hello")
        body = stored["Body"]
        async with body:
            assert await body.read() == b"world"

    with pytest.raises(ConfigError):
        open_object_store(
            load_settings({"JIPAN_DATA_DIR": str(tmp_path), "JIPAN_OBJECT_STORE_URL": "gs://b/p"})
        )


async def test_presigned_get_reads_the_object_where_the_store_has_urls(store: ObjectStore) -> None:
    data = b"presigned " * 1000
    await store.put("share/data.bin", data)
    url = await store.presign_get("share/data.bin", 60)
    if isinstance(store, FilesystemObjectStore):
        assert url is None  # files are read through the service only
        return
    assert url is not None
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.read() == data
