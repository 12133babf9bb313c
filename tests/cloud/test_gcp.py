"""The GCP adapter: the real google-cloud-compute, google-cloud-storage and google-auth clients,
against a local server that speaks the Compute Engine REST calls the adapter makes
(tests/cloud/fake_gcp.py; Compute Engine has no emulator) and passes Cloud Storage's calls, once
the token is checked, to gcp-storage-emulator."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import AsyncIterator
from typing import Any

import grpc
import pytest

from jipan.cloud.v1 import account_service_pb2 as apb
from jipan.cloud.v1 import account_service_pb2_grpc as apb_grpc
from jipan.cloud.v1 import resources_pb2 as res
from jipan.servers.cloud.adapters.base import (
    AccountConnection,
    BucketNotFound,
    CapacityExhausted,
    ProviderRefused,
)
from jipan.servers.cloud.adapters.gcp import GcpAdapter, label
from jipan.servers.runtime.errors import Code
from tests.cloud.conftest import MotoKeys, auth
from tests.cloud.fake_gcp import FakeCompute
from tests.cloud.test_accounts import create, keys
from tests.cloud.test_migration import fill_s3, migrate, read_s3, sample_objects, wait_done
from tests.mesh import RunningServer
from tests.test_interceptors import error_info

PROJECT = "moda-broker"


def gcp_credentials(key: dict[str, str]) -> res.Credentials:
    return res.Credentials(
        gcp_service_account=res.GcpServiceAccountCredentials(key_json=json.dumps(key, indent=2))
    )


async def test_accounts_verify_against_the_key_they_hold(
    server: RunningServer, channel: grpc.aio.Channel, gcp: FakeCompute
) -> None:
    md = auth(server)
    stub = apb_grpc.AccountServiceStub(channel)
    key = gcp.service_account(PROJECT, "broker@moda-broker.iam.gserviceaccount.com")
    account = await create(stub, md, "providers/gcp", gcp_credentials(key), endpoint=gcp.endpoint)
    assert account.credential_id == key["client_email"]  # never the private key
    verified = await stub.VerifyProviderAccount(
        apb.VerifyProviderAccountRequest(name=account.name), metadata=md
    )
    assert verified.account.state == res.ACCOUNT_STATE_VERIFIED
    assert any(r.startswith("GET /compute/v1/projects/moda-broker/zones/") for r in gcp.requests)

    stranger = gcp.service_account(PROJECT, "gone@moda-broker.iam.gserviceaccount.com")
    del gcp.keys[stranger["client_email"]]  # a deleted key: Google refuses its signatures
    refused = await create(stub, md, "providers/gcp", gcp_credentials(stranger), endpoint=gcp.endpoint)
    answer = await stub.VerifyProviderAccount(
        apb.VerifyProviderAccountRequest(name=refused.name), metadata=md
    )
    assert answer.account.state == res.ACCOUNT_STATE_REJECTED

    with pytest.raises(grpc.aio.AioRpcError) as bad:
        await create(
            stub,
            md,
            "providers/gcp",
            res.Credentials(
                gcp_service_account=res.GcpServiceAccountCredentials(key_json='{"type": "user"}')
            ),
        )
    assert bad.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert error_info(bad.value).reason == "CREDENTIALS_INVALID"


async def test_instance_lifecycle_and_capacity_refusal(gcp: FakeCompute) -> None:
    key = gcp.service_account(PROJECT, "runner@moda-broker.iam.gserviceaccount.com")
    adapter = GcpAdapter(AccountConnection("gcp", gcp.endpoint, "asia-east1", {"key_json": json.dumps(key)}))
    assert await adapter.verify()
    tags = {
        "jipan:deployment": "orgs/moda/deployments/" + "d" * 36,
        "jipan:workload": "web",
        "jipan:rank": "1",
    }
    name = await adapter.run_instance(
        "e2-standard-2", "projects/debian-cloud/global/images/family/debian-12", tags
    )
    stored = gcp.instances[(PROJECT, "asia-east1-a", name)]
    assert stored["machineType"].endswith("/machineTypes/e2-standard-2")
    assert stored["labels"] == {label(k): label(v) for k, v in tags.items()}
    assert await adapter.find_instance(tags) == name  # found again by its labels
    assert await adapter.find_instance({**tags, "jipan:workload": "db"}) is None
    state = await adapter.describe_instance(name)
    assert (state.state, state.instance_type) == ("running", "e2-standard-2")
    await adapter.stop_instance(name)
    assert (await adapter.describe_instance(name)).state == "stopped"
    await adapter.start_instance(name)
    assert (await adapter.describe_instance(name)).state == "running"
    await adapter.terminate_instance(name)
    assert (await adapter.describe_instance(name)).state == "terminated"
    await adapter.terminate_instance(name)  # a retried delete is done

    # Pinned to another zone of the region: made there, found again in every zone's listing,
    # and every later call goes to that zone.
    zoned = await adapter.run_instance(
        "e2-standard-2", "projects/debian-cloud/global/images/family/debian-12", tags, "asia-east1-b"
    )
    assert zoned.startswith("zones/asia-east1-b/instances/jipan-")
    assert (PROJECT, "asia-east1-b", zoned.rsplit("/", 1)[1]) in gcp.instances
    assert await adapter.find_instance(tags) == zoned
    placed = await adapter.describe_instance(zoned)
    assert (placed.state, placed.region, placed.zone) == ("running", "asia-east1", "asia-east1-b")
    await adapter.stop_instance(zoned)
    assert (await adapter.describe_instance(zoned)).state == "stopped"
    await adapter.terminate_instance(zoned)
    assert (await adapter.describe_instance(zoned)).state == "terminated"

    gcp.refuse_next_insert = "ZONE_RESOURCE_POOL_EXHAUSTED"
    with pytest.raises(CapacityExhausted) as refused:
        await adapter.run_instance(
            "e2-standard-2", "projects/debian-cloud/global/images/family/debian-12", tags
        )
    assert (refused.value.metadata or {})["provider_code"] == "ZONE_RESOURCE_POOL_EXHAUSTED"


def test_labels_keep_short_values_and_shorten_long_ones_uniquely() -> None:
    assert label("jipan:workload") == "jipan-workload"
    long_a, long_b = "orgs/" + "a" * 80 + "/x", "orgs/" + "a" * 80 + "/y"
    assert len(label(long_a)) <= 63
    assert label(long_a) != label(long_b)


async def chunks_of(data: bytes, size: int = 1 << 20) -> AsyncIterator[bytes]:
    for start in range(0, len(data), size):
        yield data[start : start + size]


async def test_cloud_storage_buckets_and_streamed_objects(gcp: FakeCompute) -> None:
    key = gcp.service_account(PROJECT, "storage@moda-broker.iam.gserviceaccount.com")
    adapter = GcpAdapter(AccountConnection("gcp", gcp.endpoint, "asia-east1", {"key_json": json.dumps(key)}))
    try:
        await adapter.create_bucket("gcs-lifecycle")
        await adapter.create_bucket("gcs-lifecycle")  # a retried create is done
        assert "gcs-lifecycle" in await adapter.list_buckets()
        small, large = os.urandom(1000), os.urandom(17 * 1024 * 1024 + 11)  # large: 3 resumable chunks
        for name, body in (("small", small), ("large/blob.bin", large)):
            written = await adapter.write_object("gcs-lifecycle", name, len(body), chunks_of(body))
            assert written.size == len(body)
            assert (
                written.md5 == written.expected_digest == hashlib.md5(body, usedforsecurity=False).hexdigest()
            )
        listed = [o async for o in adapter.list_objects("gcs-lifecycle")]
        assert [(o.key, o.size) for o in listed] == [("large/blob.bin", len(large)), ("small", len(small))]
        assert listed[0].digest == hashlib.md5(large, usedforsecurity=False).hexdigest()  # GCS's own md5Hash
        assert b"".join([c async for c in adapter.read_object("gcs-lifecycle", "large/blob.bin")]) == large
        assert "PUT /upload/storage/v1/b/gcs-lifecycle/o" in gcp.requests  # the resumable upload's chunks
        with pytest.raises(BucketNotFound):
            [o async for o in adapter.list_objects("no-such-bucket")]
    finally:
        await adapter.aclose()

    stranger = gcp.service_account(PROJECT, "revoked@moda-broker.iam.gserviceaccount.com")
    del gcp.keys[stranger["client_email"]]
    refused = GcpAdapter(
        AccountConnection("gcp", gcp.endpoint, "asia-east1", {"key_json": json.dumps(stranger)})
    )
    with pytest.raises(ProviderRefused) as revoked:
        await refused.list_buckets()  # the token is checked before the emulator sees the call
    assert (revoked.value.metadata or {})["provider_code"] == "RefreshError"
    await refused.aclose()


async def test_cloud_storage_permission_refusals_name_the_bucket(gcp: FakeCompute) -> None:
    """Cloud Storage's 403 for a bucket the service account has no role on, through the real
    google-cloud-storage client: every call on it is PROVIDER_REFUSED (FAILED_PRECONDITION)
    naming the provider and the bucket, never a Forbidden escaping as INTERNAL. Creating a name
    another project holds is GCS's 409, then 403 on reading it: refused too."""
    key = gcp.service_account(PROJECT, "runner@moda-broker.iam.gserviceaccount.com")
    adapter = GcpAdapter(AccountConnection("gcp", gcp.endpoint, "asia-east1", {"key_json": json.dumps(key)}))
    gcp.forbidden_buckets.add("agency-records")
    try:

        async def refusal(call: Any) -> ProviderRefused:
            with pytest.raises(ProviderRefused) as caught:
                await call
            return caught.value

        async def listed() -> None:
            [o async for o in adapter.list_objects("agency-records")]

        async def read() -> None:
            [c async for c in adapter.read_object("agency-records", "a.txt")]

        for refused in (
            await refusal(listed()),
            await refusal(read()),
            await refusal(adapter.write_object("agency-records", "a.txt", 3, chunks_of(b"abc"))),
            await refusal(adapter.create_bucket("agency-records")),
        ):
            assert refused.code == Code.FAILED_PRECONDITION
            assert refused.reason == "PROVIDER_REFUSED"
            assert refused.metadata == {
                "provider": "gcp",
                "provider_code": "HTTP 403 Forbidden",
                "bucket": "agency-records",
            }
    finally:
        gcp.forbidden_buckets.discard("agency-records")
        await adapter.aclose()


async def test_bucket_migration_s3_to_gcs_and_back(
    server: RunningServer, channel: grpc.aio.Channel, gcp: FakeCompute, aws: MotoKeys
) -> None:
    md = auth(server)
    accounts = apb_grpc.AccountServiceStub(channel)
    key = gcp.service_account(PROJECT, "migrator@moda-broker.iam.gserviceaccount.com")
    gcs = await create(accounts, md, "providers/gcp", gcp_credentials(key), endpoint=gcp.endpoint)
    s3 = await create(accounts, md, "providers/aws", keys(aws.keys[0]), endpoint=aws.endpoint)
    objects = sample_objects(10)  # with an empty object and a 12 MiB one (a resumable upload)
    await fill_s3(aws, "to-gcs", objects)

    to_gcs = await wait_done(channel, md, (await migrate(channel, md, s3, "to-gcs", gcs, "gcs-archive")).name)
    assert not to_gcs.HasField("error"), to_gcs.error
    assert to_gcs.migration.objects_verified == len(objects)  # GCS's md5Hash of every object checked
    back = await wait_done(channel, md, (await migrate(channel, md, gcs, "gcs-archive", s3, "from-gcs")).name)
    assert not back.HasField("error"), back.error
    assert back.metadata.bytes_done == sum(len(b) for b in objects.values())
    assert await read_s3(aws, "from-gcs") == objects


async def test_a_migration_from_a_forbidden_gcs_bucket_fails_with_provider_refused(
    server: RunningServer, channel: grpc.aio.Channel, gcp: FakeCompute, aws: MotoKeys
) -> None:
    """Through the API: the migration's operation fails FAILED_PRECONDITION PROVIDER_REFUSED
    naming gcp and the bucket (it failed INTERNAL while the SDK's Forbidden escaped)."""
    md = auth(server)
    accounts = apb_grpc.AccountServiceStub(channel)
    key = gcp.service_account(PROJECT, "runner@moda-broker.iam.gserviceaccount.com")
    gcs = await create(accounts, md, "providers/gcp", gcp_credentials(key), endpoint=gcp.endpoint)
    s3 = await create(accounts, md, "providers/aws", keys(aws.keys[0]), endpoint=aws.endpoint)
    gcp.forbidden_buckets.add("other-projects-bucket")
    try:
        failed = await wait_done(
            channel, md, (await migrate(channel, md, gcs, "other-projects-bucket", s3, "copy-of-it")).name
        )
    finally:
        gcp.forbidden_buckets.discard("other-projects-bucket")
    assert failed.error.code == grpc.StatusCode.FAILED_PRECONDITION.value[0]
    assert failed.error.reason == "PROVIDER_REFUSED"
    assert dict(failed.error.metadata) == {
        "provider": "gcp",
        "provider_code": "HTTP 403 Forbidden",
        "bucket": "other-projects-bucket",
    }


async def test_a_stream_that_fails_leaves_no_object_in_cloud_storage(gcp: FakeCompute) -> None:
    """A write whose stream raises (StorageService's checks do, by design) is never finalised:
    the resumable session holding the chunks sent so far is abandoned, and no object appears."""
    key = gcp.service_account(PROJECT, "storage@moda-broker.iam.gserviceaccount.com")
    adapter = GcpAdapter(AccountConnection("gcp", gcp.endpoint, "asia-east1", {"key_json": json.dumps(key)}))
    body = os.urandom(17 * 1024 * 1024)  # two resumable chunks sent before the stream fails

    async def failing() -> AsyncIterator[bytes]:
        async for chunk in chunks_of(body):
            yield chunk
        raise ValueError("the caller refused the stream")

    try:
        await adapter.create_bucket("gcs-refusals")
        with pytest.raises(ValueError, match="refused the stream"):
            await adapter.write_object("gcs-refusals", "refused.bin", len(body), failing())
        await adapter.write_object(
            "gcs-refusals", "kept.csv", 5, chunks_of(b"a,b\n1"), content_type="text/csv"
        )
        assert [o.key async for o in adapter.list_objects("gcs-refusals")] == ["kept.csv"]
    finally:
        await adapter.aclose()
