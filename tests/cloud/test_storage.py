"""StorageService.WriteObject: one object streamed into a bucket of the caller's account, through the
adapters, against moto's S3 (IAM authentication on) and Azurite; checked as it arrives, and nothing
left behind when the stream is refused."""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import AsyncIterator, Sequence
from typing import Any

import grpc
import pytest
import pytest_asyncio
from azure.storage.blob.aio import BlobServiceClient

from jipan.cloud.v1 import account_service_pb2_grpc as apb_grpc
from jipan.cloud.v1 import storage_service_pb2 as spb
from jipan.cloud.v1 import storage_service_pb2_grpc as spb_grpc
from jipan.servers import cloud, system
from tests.cloud.conftest import AzuriteBlob, MotoKeys
from tests.cloud.test_accounts import create, keys
from tests.cloud.test_migration import azure_keys, read_azure, s3_session
from tests.conftest import fresh_database
from tests.mesh import RunningServer, make_settings, running_server, stream_unary
from tests.test_interceptors import error_info

SCOPES = ["cloud.read", "cloud.write", "cloud.objects.write"]
LIMIT = 16 * 1024 * 1024
LARGE = 12 * 1024 * 1024 + 321  # past one S3 part (8 MiB) and one Azure block (4 MiB)
CHUNK = 1024 * 1024


@pytest_asyncio.fixture(scope="module")
async def server(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[RunningServer]:
    async with fresh_database(database_url, "jipan_cloud_storage") as own:
        settings = make_settings(
            own, tmp_path_factory.mktemp("cloud-storage"), JIPAN_CLOUD_MAX_OBJECT_BYTES=str(LIMIT)
        )
        async with running_server(settings, [system.SERVICE, cloud.SERVICE]) as running:
            yield running


def auth(server: RunningServer, org: str = "orgs/moda", scopes: Sequence[str] = SCOPES) -> Any:
    return server.metadata(org=org, scopes=list(scopes))


def header(
    account: str, bucket: str, key: str, data: bytes | None = None, **fields: Any
) -> spb.WriteObjectRequest:
    if data is not None:
        fields.setdefault("sha256", hashlib.sha256(data).digest())
        fields.setdefault("size", len(data))
    return spb.WriteObjectRequest(
        header=spb.WriteObjectHeader(account=account, bucket=bucket, key=key, **fields)
    )


async def write(
    channel: grpc.aio.Channel, md: Any, first: spb.WriteObjectRequest | None, data: bytes
) -> spb.WriteObjectResponse:
    """Written message by message, the call made again if grpc.aio lost the server's refusal to
    its own failed send (tests.mesh.stream_unary)."""
    messages = [] if first is None else [first]
    messages += [
        spb.WriteObjectRequest(chunk=data[start : start + CHUNK]) for start in range(0, len(data), CHUNK)
    ]
    response: spb.WriteObjectResponse = await stream_unary(
        lambda: spb_grpc.StorageServiceStub(channel).WriteObject(metadata=md, timeout=60), messages
    )
    return response


async def refused(call: Any, code: grpc.StatusCode, reason: str) -> dict[str, str]:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await call
    assert caught.value.code() == code, caught.value.details()
    info = error_info(caught.value)
    assert info.reason == reason, (info.reason, caught.value.details())
    return dict(info.metadata)


async def s3_objects(store: MotoKeys, bucket: str) -> dict[str, tuple[bytes, str]]:
    found: dict[str, tuple[bytes, str]] = {}
    async with s3_session(store).client("s3", endpoint_url=store.endpoint) as s3:
        listed = await s3.list_objects_v2(Bucket=bucket)
        for item in listed.get("Contents", []):
            got = await s3.get_object(Bucket=bucket, Key=item["Key"])
            found[item["Key"]] = (await got["Body"].read(), got["ContentType"])
        uploads = await s3.list_multipart_uploads(Bucket=bucket)
        assert not uploads.get("Uploads"), "a refused multipart upload was left open"
    return found


async def test_write_object_streams_into_the_callers_bucket_and_refuses_what_differs(
    server: RunningServer, channel: grpc.aio.Channel, aws: MotoKeys
) -> None:
    md = auth(server)
    account = (
        await create(
            apb_grpc.AccountServiceStub(channel),
            md,
            "providers/aws",
            keys(aws.keys[0]),
            endpoint=aws.endpoint,
        )
    ).name
    async with s3_session(aws).client("s3", endpoint_url=aws.endpoint) as s3:
        await s3.create_bucket(Bucket="incoming")

    small = b"id,claim\n1,\xe5\x81\x87\n" * 100
    written = await write(
        channel, md, header(account, "incoming", "a/small.csv", small, content_type="text/csv"), small
    )
    assert (written.size, written.sha256) == (len(small), hashlib.sha256(small).digest())
    assert written.provider_digest == hashlib.md5(small, usedforsecurity=False).hexdigest()

    # Size not declared: read ahead, then a multipart upload; S3's ETag is the multipart form.
    large = os.urandom(LARGE)
    written = await write(channel, md, header(account, "incoming", "b/large.bin"), large)
    assert (written.size, written.sha256) == (LARGE, hashlib.sha256(large).digest())
    assert written.provider_digest.endswith("-2")

    # A SHA-256 that is not the data's: refused, and the object already at the key is untouched.
    for data in (small[::-1], os.urandom(LARGE)):
        meta = await refused(
            write(
                channel,
                md,
                header(account, "incoming", "a/small.csv", sha256=hashlib.sha256(small).digest()),
                data,
            ),
            grpc.StatusCode.DATA_LOSS,
            "CHECKSUM_MISMATCH",
        )
        assert meta["key"] == "a/small.csv"
    # Shorter than declared, longer than declared, longer than the broker's limit: nothing written.
    await refused(
        write(channel, md, header(account, "incoming", "c/short.bin", size=LARGE), large[:-1]),
        grpc.StatusCode.DATA_LOSS,
        "CHECKSUM_MISMATCH",
    )
    await refused(
        write(channel, md, header(account, "incoming", "c/long.bin", size=1000), large),
        grpc.StatusCode.INVALID_ARGUMENT,
        "OBJECT_TOO_LARGE",
    )
    limit = await refused(
        write(channel, md, header(account, "incoming", "c/huge.bin"), os.urandom(LIMIT + 1)),
        grpc.StatusCode.INVALID_ARGUMENT,
        "OBJECT_TOO_LARGE",
    )
    assert limit["limit"] == str(LIMIT)
    stored = await s3_objects(aws, "incoming")
    assert stored == {"a/small.csv": (small, "text/csv"), "b/large.bin": (large, "application/octet-stream")}

    # A bucket that is not there; a stream without a header, or with two.
    await refused(
        write(channel, md, header(account, "no-such-bucket", "x", small), small),
        grpc.StatusCode.NOT_FOUND,
        "BUCKET_NOT_FOUND",
    )
    await refused(write(channel, md, None, small), grpc.StatusCode.INVALID_ARGUMENT, "STREAM_INVALID")

    twice = [header(account, "incoming", "d", small)] * 2
    await refused(
        stream_unary(lambda: spb_grpc.StorageServiceStub(channel).WriteObject(metadata=md), twice),
        grpc.StatusCode.INVALID_ARGUMENT,
        "STREAM_INVALID",
    )


async def test_only_the_callers_organisation_writes_into_its_accounts(
    server: RunningServer, channel: grpc.aio.Channel, aws: MotoKeys
) -> None:
    md = auth(server)
    account = (
        await create(
            apb_grpc.AccountServiceStub(channel),
            md,
            "providers/aws",
            keys(aws.keys[0]),
            endpoint=aws.endpoint,
        )
    ).name
    async with s3_session(aws).client("s3", endpoint_url=aws.endpoint) as s3:
        await s3.create_bucket(Bucket="guarded")
    data = b"not theirs"
    # Another organisation's account is indistinguishable from none.
    await refused(
        write(channel, auth(server, org="orgs/other"), header(account, "guarded", "x", data), data),
        grpc.StatusCode.NOT_FOUND,
        "ACCOUNT_NOT_FOUND",
    )
    # Managing accounts (cloud.write) is not writing objects (cloud.objects.write).
    await refused(
        write(
            channel,
            auth(server, scopes=["cloud.read", "cloud.write"]),
            header(account, "guarded", "x", data),
            data,
        ),
        grpc.StatusCode.PERMISSION_DENIED,
        "SCOPE_MISSING",
    )
    assert await s3_objects(aws, "guarded") == {}


async def test_write_object_into_azure_blob_storage(
    server: RunningServer, channel: grpc.aio.Channel, azurite: AzuriteBlob
) -> None:
    md = auth(server)
    account = (
        await create(
            apb_grpc.AccountServiceStub(channel),
            md,
            "providers/azure-blob",
            azure_keys(azurite),
            endpoint=azurite.endpoint,
        )
    ).name
    credential = {"account_name": azurite.account_name, "account_key": azurite.account_key}
    container = f"c-{uuid.uuid4().hex[:12]}"
    async with BlobServiceClient(azurite.endpoint, credential=credential) as service:
        await service.create_container(container)
    large = os.urandom(LARGE)
    written = await write(channel, md, header(account, container, "blocks.bin", large), large)
    assert written.provider_digest == hashlib.md5(large, usedforsecurity=False).hexdigest()
    # Refused after blocks were staged: the blocks are never committed, no blob appears.
    await refused(
        write(channel, md, header(account, container, "refused.bin", sha256=b"\0" * 32), large),
        grpc.StatusCode.DATA_LOSS,
        "CHECKSUM_MISMATCH",
    )
    assert await read_azure(azurite, container) == {"blocks.bin": large}
