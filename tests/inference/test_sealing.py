"""Models sealed at rest: the streamed AES-256-GCM format, the file KEK, KMS (moto), the object store."""

from __future__ import annotations

import asyncio
import os
import socket
import struct
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import aioboto3
import onnx
import pytest
from botocore.exceptions import ClientError
from moto.server import ThreadedMotoServer
from onnx import TensorProto, helper, numpy_helper

from jipan.servers.inference.names import DOMAIN
from jipan.servers.inference.sealing import (
    DEFAULT_SEGMENT_SIZE,
    MAGIC,
    FileKek,
    KeyWrapper,
    KmsKek,
    decrypt_all,
    decrypt_stream,
    default_workers,
    encrypt_stream,
    open_key_wrapper,
)
from jipan.servers.runtime.errors import DataLoss, Unavailable
from jipan.servers.runtime.objectstore import FilesystemObjectStore
from jipan.servers.runtime.settings import ConfigError, load_settings

SEG = 1024
"""The smallest segment size, so that multi-segment cases stay small."""
CONTEXT = {"model_version": "models/resnet/versions/1", "purpose": "model"}
REGION = "us-east-1"
FAKE_KEY = "testing"


# -- helpers ----------------------------------------------------------------------------------------


async def pieces(data: bytes, size: int) -> AsyncIterator[bytes]:
    for start in range(0, len(data), size):
        yield data[start : start + size]


async def parts(*chunks: bytes) -> AsyncIterator[bytes]:
    for chunk in chunks:
        yield chunk


async def collect(stream: AsyncIterator[bytes]) -> bytes:
    return b"".join([chunk async for chunk in stream])


async def seal(
    data: bytes,
    wrapper: KeyWrapper,
    context: dict[str, str] = CONTEXT,
    *,
    chunk: int = 4096,
    segment_size: int = SEG,
) -> bytes:
    return await collect(encrypt_stream(pieces(data, chunk), wrapper, context, segment_size=segment_size))


def split_sealed(blob: bytes) -> tuple[bytes, list[bytes]]:
    """Header and sealed segments, parsed from the documented layout (not from the module's code)."""
    at = len(MAGIC) + 1
    (wrapped_len,) = struct.unpack_from(">H", blob, at)
    at += 2 + wrapped_len
    (key_id_len,) = struct.unpack_from(">H", blob, at)
    at += 2 + key_id_len + 7
    (segment_size,) = struct.unpack_from(">I", blob, at)
    at += 4
    sealed = segment_size + 16
    body = blob[at:]
    return blob[:at], [body[i : i + sealed] for i in range(0, len(body), sealed)]


def assert_no_plaintext(ciphertext: bytes, plaintext: bytes, window: int = 64) -> None:
    """No `window`-byte run of the plaintext appears anywhere in the ciphertext.

    Compares every window of each against a set of the other's, so it stays
    linear in the sizes rather than quadratic.
    """
    if len(plaintext) < window:
        assert plaintext not in ciphertext
        return
    seen = {ciphertext[i : i + window] for i in range(len(ciphertext) - window + 1)}
    leaked = [i for i in range(len(plaintext) - window + 1) if plaintext[i : i + window] in seen]
    assert not leaked, f"plaintext windows at offsets {leaked[:5]} appear in the ciphertext"


def onnx_model(weights: int = 40_000) -> bytes:
    """A real ONNX file (a MatMul with a recognisable weight tensor), as the registry stores one."""
    import numpy as np

    w = (np.arange(weights, dtype=np.float32) % 251).reshape(-1, 8)
    graph = helper.make_graph(
        [helper.make_node("MatMul", ["x", "w"], ["y"])],
        "sealed",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, w.shape[0]])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 8])],
        [numpy_helper.from_array(w, "w")],
    )
    model = helper.make_model(graph, producer_name="jipan-sealing-test")
    onnx.checker.check_model(model)
    return model.SerializeToString()


def assert_tampered(exc: pytest.ExceptionInfo[DataLoss]) -> None:
    assert (exc.value.reason, exc.value.domain) == ("MODEL_TAMPERED", DOMAIN)


@pytest.fixture
def kek() -> FileKek:
    return FileKek(os.urandom(32))


# -- round trips ------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [0, 1, SEG - 1, SEG, SEG + 1, 3 * SEG, 3 * SEG + 5])
@pytest.mark.parametrize("chunk", [1, SEG - 1, SEG, SEG + 1, 10 * SEG])
async def test_round_trip_any_sizes(kek: FileKek, size: int, chunk: int) -> None:
    data = os.urandom(size)
    sealed = await seal(data, kek, chunk=chunk)
    header, segments = split_sealed(sealed)
    # Full segments, then one final segment holding 0..SEG bytes (always present).
    expected_segments = max(1, -(-size // SEG))
    assert len(segments) == expected_segments
    assert all(len(s) == SEG + 16 for s in segments[:-1])
    assert len(sealed) == len(header) + size + 16 * expected_segments
    # Read back in chunks that do not line up with the sealed segments either.
    for read_chunk in (1, SEG + 16, 7 * SEG + 3):
        if read_chunk == 1 and len(sealed) > 5000:
            continue
        assert await collect(decrypt_stream(pieces(sealed, read_chunk), kek, CONTEXT)) == data


async def test_empty_input_and_empty_chunks(kek: FileKek) -> None:
    nothing = await collect(encrypt_stream(parts(), kek, CONTEXT))
    empty_chunks = await collect(encrypt_stream(parts(b"", b"", b""), kek, CONTEXT))
    for sealed in (nothing, empty_chunks):
        _, segments = split_sealed(sealed)
        assert [len(s) for s in segments] == [16]
        assert await decrypt_all(parts(sealed), kek, CONTEXT) == b""
    data = os.urandom(3 * SEG)
    sealed = await collect(
        encrypt_stream(parts(b"", data[:SEG], b"", data[SEG:]), kek, CONTEXT, segment_size=SEG)
    )
    assert await decrypt_all(parts(b"", sealed, b""), kek, CONTEXT) == data


async def test_default_segment_size_with_object_store_chunks(kek: FileKek) -> None:
    data = os.urandom(2 * DEFAULT_SEGMENT_SIZE + 7)
    sealed = await collect(encrypt_stream(pieces(data, 256 * 1024 + 3), kek, CONTEXT))
    _, segments = split_sealed(sealed)
    assert [len(s) for s in segments] == [DEFAULT_SEGMENT_SIZE + 16] * 2 + [7 + 16]
    assert await decrypt_all(pieces(sealed, 1 << 20), kek, CONTEXT) == data


async def test_each_seal_uses_a_fresh_data_key_and_nonce(kek: FileKek) -> None:
    data = b"\x00" * (2 * SEG)
    first, second = await seal(data, kek), await seal(data, kek)
    (h1, s1), (h2, s2) = split_sealed(first), split_sealed(second)
    assert h1 != h2
    assert s1[0] != s2[0]
    assert await decrypt_all(parts(second), kek, CONTEXT) == data


async def test_ciphertext_holds_no_plaintext(kek: FileKek) -> None:
    model = onnx_model()
    sealed = await seal(model, kek, chunk=SEG + 1)
    assert sealed.startswith(MAGIC)
    # An ONNX file opens with ir_version, then producer_name: its closest thing to magic bytes.
    onnx_head = model[: model.index(b"jipan-sealing-test") + len(b"jipan-sealing-test")]
    assert onnx_head.startswith(b"\x08")
    assert onnx_head not in sealed
    assert b"jipan-sealing-test" not in sealed
    assert_no_plaintext(sealed, model)
    assert await decrypt_all(pieces(sealed, 4096), kek, CONTEXT) == model


def test_assert_no_plaintext_catches_a_leak() -> None:
    plaintext = os.urandom(1000)
    with pytest.raises(AssertionError):
        assert_no_plaintext(os.urandom(500) + plaintext[300:364] + os.urandom(500), plaintext)
    # 63 bytes of it, framed by bytes that cannot extend the run to 64.
    before, after = bytes([plaintext[299] ^ 0xFF]), bytes([plaintext[363] ^ 0xFF])
    assert_no_plaintext(os.urandom(500) + before + plaintext[300:363] + after + os.urandom(500), plaintext)


async def test_arguments_are_checked(kek: FileKek) -> None:
    with pytest.raises(ValueError, match="segment_size"):
        await collect(encrypt_stream(parts(b"x"), kek, CONTEXT, segment_size=100))
    with pytest.raises(ValueError, match="empty"):
        await collect(encrypt_stream(parts(b"x"), kek, {}))


# -- tampering --------------------------------------------------------------------------------------


def _flip(blob: bytes, at: int) -> bytes:
    return blob[:at] + bytes([blob[at] ^ 0x01]) + blob[at + 1 :]


def _tampered_variants(sealed: bytes) -> dict[str, bytes]:
    header, segs = split_sealed(sealed)
    assert [len(s) for s in segs] == [SEG + 16] * 3 + [len(segs[-1])]
    assert len(segs[-1]) < SEG + 16
    h = len(header)
    return {
        "header magic": _flip(sealed, 0),
        "header version": _flip(sealed, len(MAGIC)),
        "header wrapped key": _flip(sealed, len(MAGIC) + 3 + 5),
        "header key id": _flip(sealed, h - 12),
        "header nonce prefix": _flip(sealed, h - 6),
        "header segment size": _flip(sealed, h - 2),
        "first segment": _flip(sealed, h + 10),
        "middle segment tag": _flip(sealed, h + 2 * (SEG + 16) - 1),
        "last segment": _flip(sealed, len(sealed) - 20),
        "first segment dropped": header + b"".join(segs[1:]),
        "middle segment dropped": header + b"".join(segs[:1] + segs[2:]),
        "segments swapped": header + b"".join([segs[1], segs[0], *segs[2:]]),
        "last segment dropped": header + b"".join(segs[:-1]),
        "cut inside the last segment": sealed[:-5],
        "cut to a tag's length": header + b"".join(segs[:-1]) + segs[-1][:15],
        "cut inside the header": sealed[: h - 3],
        "header only": header,
        "a segment repeated at the end": sealed + segs[1],
        "one byte appended": sealed + b"\x00",
        "a tag's worth appended": sealed + os.urandom(16),
        "header of another seal": b"",  # filled in by the test
    }


TAMPER_CASES = [
    "header magic",
    "header version",
    "header wrapped key",
    "header key id",
    "header nonce prefix",
    "header segment size",
    "first segment",
    "middle segment tag",
    "last segment",
    "first segment dropped",
    "middle segment dropped",
    "segments swapped",
    "last segment dropped",
    "cut inside the last segment",
    "cut to a tag's length",
    "cut inside the header",
    "header only",
    "a segment repeated at the end",
    "one byte appended",
    "a tag's worth appended",
    "header of another seal",
]


@pytest.mark.parametrize("case", TAMPER_CASES)
async def test_tampering_is_data_loss(kek: FileKek, case: str) -> None:
    data = os.urandom(3 * SEG + 100)
    sealed = await seal(data, kek)
    variants = _tampered_variants(sealed)
    assert list(variants) == TAMPER_CASES
    if case == "header of another seal":
        other = await seal(data, kek)
        variants[case] = split_sealed(other)[0] + b"".join(split_sealed(sealed)[1])
    blob = variants[case]
    assert blob != sealed
    for chunk in (SEG - 3, len(blob) + 1):
        with pytest.raises(DataLoss) as exc:
            await decrypt_all(pieces(blob, chunk), kek, CONTEXT)
        assert_tampered(exc)


async def test_tampering_after_good_segments_stops_the_stream(kek: FileKek) -> None:
    data = os.urandom(3 * SEG + 100)
    sealed = await seal(data, kek)
    header, _ = split_sealed(sealed)
    damaged = _flip(sealed, len(header) + 2 * (SEG + 16) + 3)  # third segment
    received: list[bytes] = []

    async def read() -> None:
        async for part in decrypt_stream(pieces(damaged, SEG + 16), kek, CONTEXT):
            received.append(part)

    with pytest.raises(DataLoss) as exc:
        await read()
    assert_tampered(exc)
    assert exc.value.metadata["segment"] == "2"
    # Only authenticated segments came out, and no more than the damage allows.
    assert b"".join(received) == data[: 2 * SEG]


@pytest.mark.parametrize("workers", [0, 1, 3])
async def test_segments_in_worker_threads_fail_and_stop_the_same_way(kek: FileKek, workers: int) -> None:
    big = 64 * 1024
    data = os.urandom(5 * big + 3)
    sealed = await collect(
        encrypt_stream(pieces(data, 100_000), kek, CONTEXT, segment_size=big, workers=workers)
    )
    header, segments = split_sealed(sealed)
    assert len(segments) == 6
    for reader_workers in (0, 2):
        assert await decrypt_all(pieces(sealed, 50_000), kek, CONTEXT, workers=reader_workers) == data
    damaged = _flip(sealed, len(header) + 3 * (big + 16) + 100)  # fourth segment
    received: list[bytes] = []

    async def read() -> None:
        async for part in decrypt_stream(pieces(damaged, 50_000), kek, CONTEXT, workers=workers):
            received.append(part)

    with pytest.raises(DataLoss) as exc:
        await read()
    assert_tampered(exc)
    assert exc.value.metadata["segment"] == "3"
    assert b"".join(received) == data[: 3 * big]
    swapped = header + b"".join([segments[0], segments[2], segments[1], *segments[3:]])
    with pytest.raises(DataLoss):
        await decrypt_all(parts(swapped), kek, CONTEXT, workers=workers)
    # A reader that stops early leaves nothing running that fails later.
    stream = decrypt_stream(parts(sealed), kek, CONTEXT, workers=workers)
    assert await anext(stream) == data[:big]
    await stream.aclose()


@pytest.mark.parametrize(
    ("cores", "segment_size", "workers"), [(2, 1 << 20, 0), (4, 1 << 20, 3), (64, 1 << 20, 4), (64, SEG, 0)]
)
def test_default_workers_only_with_cores_to_spare(
    monkeypatch: pytest.MonkeyPatch, cores: int, segment_size: int, workers: int
) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: cores)
    assert default_workers(segment_size) == workers


async def test_wrong_context_or_key_is_tampered(kek: FileKek) -> None:
    data = os.urandom(2 * SEG)
    sealed = await seal(data, kek)
    for context in (
        {"model_version": "models/resnet/versions/2", "purpose": "model"},
        {"model_version": "models/resnet/versions/1", "purpose": "evaluation-set"},
        {"model_version": "models/resnet/versions/1"},
        {**CONTEXT, "extra": "x"},
    ):
        with pytest.raises(DataLoss) as exc:
            await decrypt_all(parts(sealed), kek, context)
        assert_tampered(exc)
    with pytest.raises(DataLoss) as exc:
        await decrypt_all(parts(sealed), FileKek(os.urandom(32)), CONTEXT)
    assert_tampered(exc)
    # The context's order does not matter: it is bound in canonical form.
    reordered = {"purpose": "model", "model_version": "models/resnet/versions/1"}
    assert await decrypt_all(parts(sealed), kek, reordered) == data


async def test_a_wrapped_key_moved_to_another_object_does_not_open(kek: FileKek) -> None:
    context_b = {**CONTEXT, "model_version": "models/other/versions/1"}
    a = await seal(os.urandom(SEG), kek)
    b = await seal(os.urandom(SEG), kek, context_b)
    # Object A's whole sealed form stored as object B: B's context does not open A's key.
    with pytest.raises(DataLoss) as exc:
        await decrypt_all(parts(a), kek, context_b)
    assert_tampered(exc)
    with pytest.raises(DataLoss):
        await decrypt_all(parts(split_sealed(a)[0] + b"".join(split_sealed(b)[1])), kek, CONTEXT)


# -- the file KEK -----------------------------------------------------------------------------------


async def test_file_kek_created_0600_and_reloaded(tmp_path: Path) -> None:
    path = tmp_path / "state" / "model-kek"
    first = FileKek.load_or_create(path)
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.stat().st_size == 32
    assert first.key_id.startswith("file:")
    assert len(first.key_id) == len("file:") + 16
    again = FileKek.load_or_create(path)
    assert again.key_id == first.key_id
    assert [p.name for p in path.parent.iterdir()] == ["model-kek"]  # no temporary left behind
    wrapped = await first.wrap(b"k" * 32, CONTEXT)
    assert await again.unwrap(wrapped, CONTEXT) == b"k" * 32


async def test_file_kek_created_once_by_racing_processes(tmp_path: Path) -> None:
    path = tmp_path / "model-kek"
    keks = await asyncio.gather(*[asyncio.to_thread(FileKek.load_or_create, path) for _ in range(8)])
    assert len({k.key_id for k in keks}) == 1


@pytest.mark.parametrize(
    ("mode", "content", "problem"),
    [
        (0o644, os.urandom(32), "group or others"),
        (0o640, os.urandom(32), "group or others"),
        (0o604, os.urandom(32), "group or others"),
        (0o600, os.urandom(31), "exactly 32 bytes"),
        (0o600, os.urandom(33), "exactly 32 bytes"),
        (0o600, b"", "exactly 32 bytes"),
    ],
)
def test_file_kek_refuses_open_or_wrong_sized_files(
    tmp_path: Path, mode: int, content: bytes, problem: str
) -> None:
    path = tmp_path / "model-kek"
    path.write_bytes(content)
    path.chmod(mode)
    with pytest.raises(ConfigError, match=problem):
        FileKek.load_or_create(path)
    assert path.read_bytes() == content  # never replaced


def test_file_kek_refuses_a_folder(tmp_path: Path) -> None:
    (tmp_path / "model-kek").mkdir(mode=0o700)
    with pytest.raises(ConfigError, match="not a regular file"):
        FileKek.load_or_create(tmp_path / "model-kek")


async def test_open_key_wrapper_chooses_the_file_or_kms(tmp_path: Path) -> None:
    default = open_key_wrapper(load_settings({}, data_dir=tmp_path))
    assert isinstance(default, FileKek)
    assert (tmp_path / "model-kek").stat().st_mode & 0o777 == 0o600
    named = open_key_wrapper(load_settings({}, data_dir=tmp_path, model_kek_file=tmp_path / "elsewhere"))
    assert isinstance(named, FileKek)
    assert named.key_id != default.key_id
    kms = open_key_wrapper(
        load_settings(
            {},
            data_dir=tmp_path,
            model_kms_key_id="arn:aws:kms:eu-west-1:111122223333:key/abc",
            kms_endpoint_url="http://127.0.0.1:1",
            kms_region="eu-west-1",
        )
    )
    assert isinstance(kms, KmsKek)
    assert (kms.key_id, kms.endpoint_url, kms.region) == (
        "arn:aws:kms:eu-west-1:111122223333:key/abc",
        "http://127.0.0.1:1",
        "eu-west-1",
    )
    await kms.aclose()


# -- KMS (moto's server) ----------------------------------------------------------------------------


def fake_session() -> aioboto3.Session:
    return aioboto3.Session(aws_access_key_id=FAKE_KEY, aws_secret_access_key=FAKE_KEY)


@pytest.fixture(scope="module")
def kms_endpoint() -> Iterator[str]:
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


async def create_kms_key(endpoint: str) -> str:
    async with fake_session().client("kms", endpoint_url=endpoint, region_name=REGION) as client:
        created = await client.create_key(Description="jipan model KEK (test)")
        arn: str = created["KeyMetadata"]["Arn"]
        return arn


async def test_kms_kek_wraps_and_seals(kms_endpoint: str) -> None:
    arn = await create_kms_key(kms_endpoint)
    kek = KmsKek(arn, endpoint_url=kms_endpoint, region=REGION, session=fake_session())
    try:
        assert kek.key_id == arn
        data_key = os.urandom(32)
        wrapped = await kek.wrap(data_key, CONTEXT)
        assert data_key not in wrapped
        assert await kek.unwrap(wrapped, CONTEXT) == data_key
        with pytest.raises(DataLoss) as exc:
            await kek.unwrap(wrapped, {**CONTEXT, "purpose": "evaluation-set"})
        assert_tampered(exc)

        data = os.urandom(2 * SEG + 1)
        sealed = await seal(data, kek)
        assert arn.encode() in split_sealed(sealed)[0]  # the header names the KEK
        assert await decrypt_all(parts(sealed), kek, CONTEXT) == data
        with pytest.raises(DataLoss):
            await decrypt_all(parts(sealed), kek, {"model_version": "models/x/versions/9"})
    finally:
        await kek.aclose()


async def test_kms_kek_refuses_a_key_wrapped_by_another_kms_key(kms_endpoint: str) -> None:
    first, second = await create_kms_key(kms_endpoint), await create_kms_key(kms_endpoint)
    a = KmsKek(first, endpoint_url=kms_endpoint, region=REGION, session=fake_session())
    b = KmsKek(second, endpoint_url=kms_endpoint, region=REGION, session=fake_session())
    try:
        sealed = await seal(os.urandom(100), a)
        # AWS answers a KeyId that is not the ciphertext's key with
        # IncorrectKeyException (tampered, below); moto answers
        # AccessDeniedException, which must stay KEY_UNAVAILABLE (a real
        # IAM denial is an outage, not an altered object). Either way it never opens.
        with pytest.raises(Unavailable) as exc:
            await decrypt_all(parts(sealed), b, CONTEXT)
        assert exc.value.metadata["error"] == "AccessDeniedException"
    finally:
        await a.aclose()
        await b.aclose()


async def test_kms_missing_key_is_unavailable_not_tampered(kms_endpoint: str) -> None:
    arn = await create_kms_key(kms_endpoint)
    sealer = KmsKek(arn, endpoint_url=kms_endpoint, region=REGION, session=fake_session())
    # The configured KMS key does not exist (a typo, another account, deleted).
    missing = arn.rsplit("/", 1)[0] + "/00000000-0000-4000-8000-000000000000"
    kek = KmsKek(missing, endpoint_url=kms_endpoint, region=REGION, session=fake_session())
    try:
        sealed = await seal(os.urandom(100), sealer)
        with pytest.raises(Unavailable) as exc:
            await decrypt_all(parts(sealed), kek, CONTEXT)
        assert (exc.value.reason, exc.value.domain) == ("KEY_UNAVAILABLE", DOMAIN)
        assert exc.value.metadata == {"key_id": missing, "error": "NotFoundException"}
        assert "does not exist" not in exc.value.message  # AWS's text stays in the log
        with pytest.raises(Unavailable) as exc:
            await seal(b"x", kek)
        assert exc.value.metadata["error"] == "NotFoundException"
    finally:
        await sealer.aclose()
        await kek.aclose()


class _RefusingKms:
    """Stands in for the KMS client to return the answers moto does not give."""

    def __init__(self, code: str) -> None:
        self.code = code

    async def decrypt(self, **kwargs: object) -> dict[str, object]:
        raise ClientError({"Error": {"Code": self.code, "Message": "secret AWS detail"}}, "Decrypt")


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("IncorrectKeyException", "MODEL_TAMPERED"),
        ("InvalidCiphertextException", "MODEL_TAMPERED"),
        ("AccessDeniedException", "KEY_UNAVAILABLE"),
        ("KMSInvalidStateException", "KEY_UNAVAILABLE"),
        ("ThrottlingException", "KEY_UNAVAILABLE"),
    ],
)
async def test_kms_error_codes_map_to_reasons(
    monkeypatch: pytest.MonkeyPatch, code: str, reason: str
) -> None:
    kek = KmsKek("arn:aws:kms:us-east-1:111122223333:key/k", session=fake_session())
    monkeypatch.setattr(kek, "_client_obj", _RefusingKms(code))
    with pytest.raises((DataLoss, Unavailable)) as exc:
        await kek.unwrap(os.urandom(184), CONTEXT)
    assert (exc.value.reason, exc.value.domain) == (reason, DOMAIN)
    assert "secret AWS detail" not in str(exc.value)
    assert "secret AWS detail" not in repr(exc.value.metadata)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
    return port


@pytest.mark.parametrize("operation", ["wrap", "unwrap"])
async def test_kms_unreachable_is_unavailable_quickly(operation: str) -> None:
    kek = KmsKek(
        "arn:aws:kms:us-east-1:111122223333:key/gone",
        endpoint_url=f"http://127.0.0.1:{_closed_port()}",
        region=REGION,
        session=fake_session(),
        connect_timeout=0.5,
        read_timeout=0.5,
        max_attempts=1,
    )
    call = kek.wrap(os.urandom(32), CONTEXT) if operation == "wrap" else kek.unwrap(os.urandom(184), CONTEXT)
    started = time.monotonic()
    try:
        with pytest.raises(Unavailable) as exc:
            await call
    finally:
        await kek.aclose()
    assert (exc.value.reason, exc.value.domain) == ("KEY_UNAVAILABLE", DOMAIN)
    assert exc.value.metadata["error"] == "EndpointConnectionError"
    assert "127.0.0.1" not in exc.value.message
    assert time.monotonic() - started < 5


# -- through the object store -----------------------------------------------------------------------


async def test_sealed_through_the_filesystem_object_store(tmp_path: Path, kek: FileKek) -> None:
    root = tmp_path / "objects"
    store = FilesystemObjectStore(root)
    model = onnx_model(weights=120_000)  # ~480 KB: several segments at 64 KiB
    try:
        info = await store.put_stream(
            "models/resnet/versions/1/model.onnx.sealed",
            encrypt_stream(pieces(model, 100_000), kek, CONTEXT, segment_size=64 * 1024),
        )
        assert info.size > len(model)
        back = await decrypt_all(store.open(info.key, chunk_size=50_000), kek, CONTEXT)
        assert back == model
        files = [p for p in root.rglob("*") if p.is_file()]
        assert files
        for path in files:
            on_disk = path.read_bytes()
            assert_no_plaintext(on_disk, model)
            assert b"jipan-sealing-test" not in on_disk
    finally:
        await store.aclose()
