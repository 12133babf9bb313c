"""Bucket migration between real engines: moto's S3 (AWS), a second moto endpoint (the
domestic S3-compatible store) and Azurite (Azure Blob Storage), through the cloud server."""

from __future__ import annotations

import asyncio
import hashlib
import os
import uuid
from typing import Any

import aioboto3
import grpc
import pytest
from azure.storage.blob.aio import BlobServiceClient

from jipan.cloud.v1 import account_service_pb2_grpc as apb_grpc
from jipan.cloud.v1 import migration_service_pb2 as mpb
from jipan.cloud.v1 import migration_service_pb2_grpc as mpb_grpc
from jipan.cloud.v1 import provisioning_service_pb2 as vpb
from jipan.cloud.v1 import provisioning_service_pb2_grpc as vpb_grpc
from jipan.cloud.v1 import resources_pb2 as res
from jipan.servers.cloud.accounts.domain import Accounts
from jipan.servers.cloud.accounts.store import AccountStore
from jipan.servers.cloud.migration.domain import Migrations
from jipan.servers.cloud.migration.store import MigrationStore
from jipan.servers.cloud.migration.types import MigrationState
from jipan.servers.cloud.provisioning.store import ProvisioningStore
from jipan.servers.inference.sealing import open_key_wrapper
from jipan.servers.runtime.idempotency import RequestIds
from tests.cloud.conftest import REGION, AzuriteBlob, MotoKeys, auth, caller_of
from tests.cloud.test_accounts import create, keys
from tests.mesh import RunningServer
from tests.test_interceptors import error_info

LARGE = 12 * 1024 * 1024 + 123  # above one part (S3 8 MiB, Azure 4 MiB): multipart / blocks


def azure_keys(azurite: AzuriteBlob) -> res.Credentials:
    return res.Credentials(
        azure_storage_key=res.AzureStorageKeyCredentials(
            account_name=azurite.account_name, account_key=azurite.account_key
        )
    )


def s3_session(store: MotoKeys) -> Any:
    return aioboto3.Session(
        aws_access_key_id=store.keys[0][0], aws_secret_access_key=store.keys[0][1], region_name=REGION
    )


def sample_objects(count: int) -> dict[str, bytes]:
    objects = {f"data/{i:04d}.bin": os.urandom(1000 + i * 37) for i in range(count)}
    objects["empty"] = b""
    objects["名稱 with spaces/報告.txt"] = "機關報告".encode() * 100
    objects["large/blob.bin"] = os.urandom(LARGE)
    return objects


async def fill_s3(store: MotoKeys, bucket: str, objects: dict[str, bytes]) -> None:
    async with s3_session(store).client("s3", endpoint_url=store.endpoint) as s3:
        await s3.create_bucket(Bucket=bucket)
        for key, body in objects.items():
            await s3.put_object(Bucket=bucket, Key=key, Body=body)


async def read_s3(store: MotoKeys, bucket: str) -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    async with s3_session(store).client("s3", endpoint_url=store.endpoint) as s3:
        paginator = s3.get_paginator("list_objects_v2")
        async for page in paginator.paginate(Bucket=bucket):
            for item in page.get("Contents", []):
                body = await s3.get_object(Bucket=bucket, Key=item["Key"])
                found[item["Key"]] = await body["Body"].read()
    return found


async def read_azure(azurite: AzuriteBlob, container: str) -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    credential = {"account_name": azurite.account_name, "account_key": azurite.account_key}
    async with BlobServiceClient(azurite.endpoint, credential=credential) as service:
        client = service.get_container_client(container)
        async for blob in client.list_blobs():
            found[blob.name] = await (await client.download_blob(blob.name)).readall()
    return found


async def migrate(
    channel: grpc.aio.Channel,
    md: Any,
    source: res.ProviderAccount,
    source_bucket: str,
    destination: res.ProviderAccount,
    destination_bucket: str,
    request_id: str | None = None,
) -> res.Operation:
    response = await mpb_grpc.MigrationServiceStub(channel).CreateMigration(
        mpb.CreateMigrationRequest(
            parent="orgs/moda",
            migration=res.Migration(
                source_account=source.name,
                source_bucket=source_bucket,
                destination_account=destination.name,
                destination_bucket=destination_bucket,
            ),
            request_id=request_id or str(uuid.uuid4()),
        ),
        metadata=md,
    )
    return response.operation


async def wait_done(channel: grpc.aio.Channel, md: Any, name: str, seconds: float = 120) -> res.Operation:
    stub = vpb_grpc.ProvisioningServiceStub(channel)
    for _ in range(int(seconds * 10)):
        operation = (await stub.GetOperation(vpb.GetOperationRequest(name=name), metadata=md)).operation
        if operation.done:
            return operation
        await asyncio.sleep(0.1)
    pytest.fail(f"operation {name} did not finish")


async def test_s3_to_s3_compatible_streams_verifies_and_reports_progress(
    server: RunningServer, channel: grpc.aio.Channel, aws: MotoKeys, domestic: MotoKeys
) -> None:
    md = auth(server)
    accounts = apb_grpc.AccountServiceStub(channel)
    source = await create(accounts, md, "providers/aws", keys(aws.keys[0]), endpoint=aws.endpoint)
    destination = await create(
        accounts, md, "providers/s3-compatible", keys(domestic.keys[0]), endpoint=domestic.endpoint
    )
    objects = sample_objects(40)
    await fill_s3(aws, "agency-archive", objects)
    request_id = str(uuid.uuid4())
    started = await migrate(channel, md, source, "agency-archive", destination, "twcc-archive", request_id)
    assert started.metadata.kind == res.OPERATION_KIND_MIGRATE_BUCKET
    # A replay of the request id returns the first operation, not a second migration.
    replay = await migrate(channel, md, source, "agency-archive", destination, "twcc-archive", request_id)
    assert replay.name == started.name
    with pytest.raises(grpc.aio.AioRpcError) as changed:
        await migrate(channel, md, source, "agency-archive", destination, "other-bucket", request_id)
    assert changed.value.code() == grpc.StatusCode.INVALID_ARGUMENT

    done = await wait_done(channel, md, started.name)
    assert not done.HasField("error"), done.error
    total_bytes = sum(len(b) for b in objects.values())
    assert done.metadata.objects_total == done.metadata.objects_done == len(objects)
    assert done.metadata.bytes_total == done.metadata.bytes_done == total_bytes
    assert done.migration.state == res.MIGRATION_STATE_SUCCEEDED
    assert done.migration.objects_verified == len(objects)
    copied = await read_s3(domestic, "twcc-archive")
    assert {k: hashlib.sha256(v).hexdigest() for k, v in copied.items()} == {
        k: hashlib.sha256(v).hexdigest() for k, v in objects.items()
    }
    # The multipart copy's ETag is S3's multipart form (two 8 MiB-or-less parts).
    async with s3_session(domestic).client("s3", endpoint_url=domestic.endpoint) as s3:
        head = await s3.head_object(Bucket="twcc-archive", Key="large/blob.bin")
    assert head["ETag"].strip('"').endswith("-2")

    stub = mpb_grpc.MigrationServiceStub(channel)
    got = (await stub.GetMigration(mpb.GetMigrationRequest(name=done.migration.name), metadata=md)).migration
    assert got == done.migration
    listed = (
        await stub.ListMigrations(mpb.ListMigrationsRequest(parent="orgs/moda"), metadata=md)
    ).migrations
    assert done.migration.name in [m.name for m in listed]


async def test_s3_compatible_to_azure_blob_and_back_to_s3(
    server: RunningServer,
    channel: grpc.aio.Channel,
    aws: MotoKeys,
    domestic: MotoKeys,
    azurite: AzuriteBlob,
) -> None:
    md = auth(server)
    accounts = apb_grpc.AccountServiceStub(channel)
    domestic_account = await create(
        accounts, md, "providers/s3-compatible", keys(domestic.keys[0]), endpoint=domestic.endpoint
    )
    azure_account = await create(
        accounts, md, "providers/azure-blob", azure_keys(azurite), endpoint=azurite.endpoint
    )
    assert azure_account.credential_id == azurite.account_name
    aws_account = await create(accounts, md, "providers/aws", keys(aws.keys[0]), endpoint=aws.endpoint)
    objects = sample_objects(12)
    await fill_s3(domestic, "to-azure", objects)

    to_azure = await wait_done(
        channel, md, (await migrate(channel, md, domestic_account, "to-azure", azure_account, "archive")).name
    )
    assert not to_azure.HasField("error"), to_azure.error
    assert to_azure.migration.objects_verified == len(objects)
    assert await read_azure(azurite, "archive") == objects

    back = await wait_done(
        channel, md, (await migrate(channel, md, azure_account, "archive", aws_account, "from-azure")).name
    )
    assert not back.HasField("error"), back.error
    assert back.metadata.bytes_done == sum(len(b) for b in objects.values())
    assert await read_s3(aws, "from-azure") == objects


async def test_bad_migrations_are_refused_with_reasons(
    server: RunningServer, channel: grpc.aio.Channel, aws: MotoKeys, domestic: MotoKeys
) -> None:
    md = auth(server)
    accounts = apb_grpc.AccountServiceStub(channel)
    source = await create(accounts, md, "providers/aws", keys(aws.keys[0]), endpoint=aws.endpoint)
    destination = await create(
        accounts, md, "providers/s3-compatible", keys(domestic.keys[0]), endpoint=domestic.endpoint
    )
    stub = mpb_grpc.MigrationServiceStub(channel)

    with pytest.raises(grpc.aio.AioRpcError) as bad_name:
        await migrate(channel, md, source, "Not_A_Bucket", destination, "fine-bucket")
    assert bad_name.value.code() == grpc.StatusCode.INVALID_ARGUMENT

    with pytest.raises(grpc.aio.AioRpcError) as onto_itself:
        await migrate(channel, md, source, "same-bucket", source, "same-bucket")
    assert onto_itself.value.code() == grpc.StatusCode.INVALID_ARGUMENT

    other_org = server.metadata(org="orgs/other", scopes=["cloud.read", "cloud.write"])
    with pytest.raises(grpc.aio.AioRpcError) as foreign:
        await stub.CreateMigration(
            mpb.CreateMigrationRequest(
                parent="orgs/other",
                migration=res.Migration(
                    source_account=source.name,
                    source_bucket="some-bucket",
                    destination_account=destination.name,
                    destination_bucket="some-bucket",
                ),
                request_id=str(uuid.uuid4()),
            ),
            metadata=other_org,
        )
    assert foreign.value.code() == grpc.StatusCode.NOT_FOUND
    assert error_info(foreign.value).reason == "ACCOUNT_NOT_FOUND"

    with pytest.raises(grpc.aio.AioRpcError) as missing:
        await stub.GetMigration(
            mpb.GetMigrationRequest(name=f"orgs/moda/migrations/{uuid.uuid4()}"), metadata=md
        )
    assert missing.value.code() == grpc.StatusCode.NOT_FOUND
    assert error_info(missing.value).reason == "MIGRATION_NOT_FOUND"

    # A source bucket that does not exist fails the operation NOT_FOUND BUCKET_NOT_FOUND.
    failed = await wait_done(
        channel, md, (await migrate(channel, md, source, "no-such-bucket", destination, "anything")).name
    )
    assert failed.error.code == grpc.StatusCode.NOT_FOUND.value[0]
    assert failed.error.reason == "BUCKET_NOT_FOUND"
    assert failed.error.metadata["bucket"] == "no-such-bucket"
    state = (
        await stub.GetMigration(mpb.GetMigrationRequest(name=failed.metadata.target), metadata=md)
    ).migration.state
    assert state == res.MIGRATION_STATE_FAILED


async def test_the_verification_pass_catches_a_destination_object_that_changed(
    server: RunningServer, channel: grpc.aio.Channel, aws: MotoKeys, domestic: MotoKeys
) -> None:
    """Between the copy and the verification, one copied object is overwritten at the
    destination with other bytes of the same size (a store that corrupted it): the pass
    compares the destination's own digest with the copied bytes' and fails DATA_LOSS."""
    md = auth(server)
    accounts_stub = apb_grpc.AccountServiceStub(channel)
    source = await create(accounts_stub, md, "providers/aws", keys(aws.keys[0]), endpoint=aws.endpoint)
    destination = await create(
        accounts_stub, md, "providers/s3-compatible", keys(domestic.keys[0]), endpoint=domestic.endpoint
    )
    objects = {f"k{i}": os.urandom(2048) for i in range(5)}
    await fill_s3(aws, "verify-source", objects)
    runtime = server.runtime
    key_wrapper = open_key_wrapper(server.settings)

    async def corrupt(operation: str, step: str) -> None:
        if step == "verify":
            async with s3_session(domestic).client("s3", endpoint_url=domestic.endpoint) as s3:
                await s3.put_object(Bucket="verify-destination", Key="k3", Body=os.urandom(2048))

    migrations = Migrations(
        MigrationStore(runtime.database),
        ProvisioningStore(runtime.database),
        Accounts(AccountStore(runtime.database), key_wrapper, runtime.page_tokens, RequestIds()),
        runtime.page_tokens,
        RequestIds(),
        on_step=corrupt,
    )
    principal = caller_of("orgs/moda")
    operation = await migrations.create(
        principal,
        "orgs/moda",
        source.name,
        "verify-source",
        destination.name,
        "verify-destination",
        str(uuid.uuid4()),
    )
    await migrations.idle()
    await key_wrapper.aclose()
    done = await wait_done(channel, md, f"orgs/moda/operations/{operation.id}")
    assert done.error.code == grpc.StatusCode.DATA_LOSS.value[0]
    assert done.error.reason == "CHECKSUM_MISMATCH"
    assert done.error.metadata["key"] == "k3"
    assert done.metadata.objects_done == len(objects)  # all copied; the pass found the change


async def test_a_runner_whose_lease_was_taken_up_records_no_end_of_the_migration(
    server: RunningServer, channel: grpc.aio.Channel, aws: MotoKeys, domestic: MotoKeys
) -> None:
    """Another replica takes the operation up while this runner verifies (its lease lapsed), and
    the verification here then fails: this runner must not mark the migration FAILED, audit a
    failure or end the operation (the holder may still succeed): its outcome, state and audit
    entry are one transaction fenced by the lease, and it raises LeaseLost, writing none."""
    md = auth(server)
    accounts_stub = apb_grpc.AccountServiceStub(channel)
    source = await create(accounts_stub, md, "providers/aws", keys(aws.keys[0]), endpoint=aws.endpoint)
    destination = await create(
        accounts_stub, md, "providers/s3-compatible", keys(domestic.keys[0]), endpoint=domestic.endpoint
    )
    await fill_s3(aws, "fenced-source", {f"k{i}": os.urandom(512) for i in range(3)})
    runtime = server.runtime
    key_wrapper = open_key_wrapper(server.settings)
    holder = ProvisioningStore(runtime.database)

    async def taken_up_then_corrupted(operation: str, step: str) -> None:
        if step != "verify":
            return
        operation_id = uuid.UUID(operation.rsplit("/", 1)[1])
        await runtime.database.execute(
            "UPDATE cloud.operations SET lease_until = now() - interval '1 second'"
            " WHERE owner = 'orgs/moda' AND id = $1",
            operation_id,
        )
        assert await holder.take_lease("orgs/moda", operation_id, 30.0)
        async with s3_session(domestic).client("s3", endpoint_url=domestic.endpoint) as s3:
            await s3.put_object(Bucket="fenced-destination", Key="k1", Body=os.urandom(512))

    store = MigrationStore(runtime.database)
    migrations = Migrations(
        store,
        ProvisioningStore(runtime.database),
        Accounts(AccountStore(runtime.database), key_wrapper, runtime.page_tokens, RequestIds()),
        runtime.page_tokens,
        RequestIds(),
        on_step=taken_up_then_corrupted,
    )
    operation = await migrations.create(
        caller_of("orgs/moda"),
        "orgs/moda",
        source.name,
        "fenced-source",
        destination.name,
        "fenced-destination",
        str(uuid.uuid4()),
    )
    await migrations.idle()
    await key_wrapper.aclose()
    migration_id = uuid.UUID(operation.target.rsplit("/", 1)[1])
    try:
        migration = await store.get("orgs/moda", migration_id)
        assert migration is not None
        assert migration.state is MigrationState.VERIFYING
        actions = [e.action for e in await holder.list_audit("orgs/moda", operation.target, 0, 100)]
        assert "failed" not in actions
        assert "succeeded" not in actions
        assert not await runtime.database.fetchval(
            "SELECT done FROM cloud.operations WHERE owner = 'orgs/moda' AND id = $1", operation.id
        )
    finally:
        # The holder ends it, so that no sweep of the test server takes it up again.
        error = {"code": 10, "reason": "TEST", "domain": "test", "message": "not run", "metadata": {}}
        async with holder.finishing("orgs/moda", operation.id, error) as conn:
            await store.set_state("orgs/moda", migration_id, MigrationState.FAILED, conn=conn)
