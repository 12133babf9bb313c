"""Provider accounts: credentials sealed at rest and never returned, verified against moto with
IAM authentication on (a wrong key is refused), rotated; the AWS and S3-compatible adapters
against two separate moto servers."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import AsyncIterator
from typing import Any

import aioboto3
import asyncpg
import grpc
import pytest
from moto.server import ThreadedMotoServer

from jipan.clients import error_details
from jipan.cloud.v1 import account_service_pb2 as apb
from jipan.cloud.v1 import account_service_pb2_grpc as apb_grpc
from jipan.cloud.v1 import resources_pb2 as res
from jipan.servers import cloud, system
from jipan.servers.cloud.adapters import PROVIDERS
from jipan.servers.cloud.adapters.aws import AwsAdapter
from jipan.servers.cloud.adapters.base import (
    AccountConnection,
    Capability,
    CloudAdapter,
    ProviderRefused,
    require,
)
from jipan.servers.runtime.errors import Code, DomainError
from tests.cloud.conftest import REGION, MotoKeys, auth, database_dsn
from tests.conftest import fresh_database
from tests.mesh import RunningServer, make_settings, running_server


async def refused(call: Any, code: grpc.StatusCode, reason: str) -> Any:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await call
    details = error_details(caught.value)
    assert caught.value.code() == code, details
    assert details.reason == reason, details
    return details


def keys(key: tuple[str, str]) -> res.Credentials:
    return res.Credentials(
        access_key=res.AccessKeyCredentials(access_key_id=key[0], secret_access_key=key[1])
    )


async def create(
    stub: apb_grpc.AccountServiceAsyncStub,
    metadata: Any,
    provider: str,
    credentials: res.Credentials,
    endpoint: str = "",
    account_id: str | None = None,
    request_id: str | None = None,
) -> res.ProviderAccount:
    response = await stub.CreateProviderAccount(
        apb.CreateProviderAccountRequest(
            account=res.ProviderAccount(provider=provider, endpoint=endpoint, default_region=REGION),
            account_id=account_id or f"a-{uuid.uuid4().hex[:10]}",
            credentials=credentials,
            request_id=request_id or str(uuid.uuid4()),
        ),
        metadata=metadata,
    )
    return response.account


async def test_providers_declare_their_capabilities(server: RunningServer, channel: grpc.aio.Channel) -> None:
    stub = apb_grpc.AccountServiceStub(channel)
    providers = {
        p.name: p
        for p in (await stub.ListProviders(apb.ListProvidersRequest(), metadata=auth(server))).providers
    }
    assert set(providers) == {
        "providers/aws",
        "providers/s3-compatible",
        "providers/azure-blob",
        "providers/gcp",
        "providers/azure",
        "providers/openstack",
    }
    assert res.CAPABILITY_INSTANCES in providers["providers/aws"].capabilities
    for compute_only in ("providers/azure", "providers/openstack"):
        assert list(providers[compute_only].capabilities) == [
            res.CAPABILITY_VERIFY_CREDENTIALS,
            res.CAPABILITY_INSTANCES,
        ]
    assert providers["providers/openstack"].kind == res.PROVIDER_KIND_OPENSTACK
    assert "openstacksdk" in providers["providers/openstack"].library
    assert res.CAPABILITY_INSTANCES not in providers["providers/s3-compatible"].capabilities
    assert list(providers["providers/aws"].capabilities) == [
        res.CAPABILITY_VERIFY_CREDENTIALS,
        res.CAPABILITY_INSTANCES,
        res.CAPABILITY_OBJECT_STORAGE,
        res.CAPABILITY_PRICE_LIST,
    ]
    assert res.CAPABILITY_PRICE_LIST not in providers["providers/s3-compatible"].capabilities
    assert providers["providers/s3-compatible"].kind == res.PROVIDER_KIND_S3_COMPATIBLE


async def test_aws_account_verified_rotated_and_never_returns_its_secret(
    server: RunningServer, channel: grpc.aio.Channel, aws: MotoKeys
) -> None:
    stub = apb_grpc.AccountServiceStub(channel)
    md = auth(server)
    wrong = (aws.keys[0][0][:-4] + "ZZZZ", "not-the-secret")
    account = await create(stub, md, "providers/aws", keys(wrong), endpoint=aws.endpoint)
    assert account.state == res.ACCOUNT_STATE_UNVERIFIED
    assert account.credential_version == 1
    # moto checks signatures: the wrong key is refused, and the account says so.
    rejected = (
        await stub.VerifyProviderAccount(apb.VerifyProviderAccountRequest(name=account.name), metadata=md)
    ).account
    assert rejected.state == res.ACCOUNT_STATE_REJECTED
    assert rejected.HasField("verify_time")

    rotated = (
        await stub.RotateProviderAccountCredentials(
            apb.RotateProviderAccountCredentialsRequest(name=account.name, credentials=keys(aws.keys[0])),
            metadata=md,
        )
    ).account
    assert rotated.credential_version == 2
    assert rotated.state == res.ACCOUNT_STATE_UNVERIFIED
    assert rotated.credential_id == aws.keys[0][0]
    verified = (
        await stub.VerifyProviderAccount(apb.VerifyProviderAccountRequest(name=account.name), metadata=md)
    ).account
    assert verified.state == res.ACCOUNT_STATE_VERIFIED

    # Nothing any method returns carries the secret.
    got = await stub.GetProviderAccount(apb.GetProviderAccountRequest(name=account.name), metadata=md)
    listed = await stub.ListProviderAccounts(apb.ListProviderAccountsRequest(page_size=500), metadata=md)
    for message in (got, listed, verified, rotated):
        wire = message.SerializeToString()
        assert aws.keys[0][1].encode() not in wire
        assert wrong[1].encode() not in wire
    assert account.name in [a.name for a in listed.accounts]

    # At rest: only sealed bytes; neither secret appears in the row.
    conn = await asyncpg.connect(database_dsn(server))
    try:
        row = await conn.fetchrow(
            "SELECT sealed_credentials, wrapped_key, credential_version FROM cloud.accounts WHERE id = $1",
            account.name.rsplit("/", 1)[1],
        )
    finally:
        await conn.close()
    assert row is not None
    assert row["credential_version"] == 2
    for secret in (aws.keys[0][1], wrong[1]):
        assert secret.encode() not in bytes(row["sealed_credentials"])
        assert secret.encode() not in bytes(row["wrapped_key"])


async def test_sealed_credentials_are_bound_to_their_account(
    server: RunningServer, channel: grpc.aio.Channel, aws: MotoKeys
) -> None:
    """Sealed credentials copied onto another account do not open there (DATA_LOSS, not a wrong key used)."""
    stub = apb_grpc.AccountServiceStub(channel)
    md = auth(server)
    first = await create(stub, md, "providers/aws", keys(aws.keys[0]), endpoint=aws.endpoint)
    second = await create(stub, md, "providers/aws", keys(aws.keys[1]), endpoint=aws.endpoint)
    conn = await asyncpg.connect(database_dsn(server))
    try:
        await conn.execute(
            "UPDATE cloud.accounts AS t"
            " SET sealed_credentials = s.sealed_credentials, wrapped_key = s.wrapped_key"
            " FROM cloud.accounts AS s WHERE s.id = $1 AND t.id = $2",
            first.name.rsplit("/", 1)[1],
            second.name.rsplit("/", 1)[1],
        )
    finally:
        await conn.close()
    await refused(
        stub.VerifyProviderAccount(apb.VerifyProviderAccountRequest(name=second.name), metadata=md),
        grpc.StatusCode.DATA_LOSS,
        "CREDENTIALS_UNREADABLE",
    )


async def test_create_is_idempotent_and_checked(
    server: RunningServer, channel: grpc.aio.Channel, aws: MotoKeys
) -> None:
    stub = apb_grpc.AccountServiceStub(channel)
    md = auth(server)
    request_id = str(uuid.uuid4())
    account_id = f"a-{uuid.uuid4().hex[:10]}"
    first = await create(stub, md, "providers/aws", keys(aws.keys[0]), aws.endpoint, account_id, request_id)
    again = await create(stub, md, "providers/aws", keys(aws.keys[0]), aws.endpoint, account_id, request_id)
    assert again == first
    await refused(
        create(stub, md, "providers/aws", keys(aws.keys[1]), aws.endpoint, account_id, request_id),
        grpc.StatusCode.INVALID_ARGUMENT,
        "REQUEST_ID_REUSED",
    )
    await refused(
        create(stub, md, "providers/aws", keys(aws.keys[0]), aws.endpoint, account_id),
        grpc.StatusCode.ALREADY_EXISTS,
        "ACCOUNT_EXISTS",
    )
    await refused(
        create(stub, md, "providers/alibaba", keys(aws.keys[0])),
        grpc.StatusCode.NOT_FOUND,
        "PROVIDER_NOT_FOUND",
    )
    await refused(
        create(stub, md, "providers/s3-compatible", keys(aws.keys[0])),
        grpc.StatusCode.INVALID_ARGUMENT,
        "ENDPOINT_INVALID",
    )
    await refused(
        create(stub, md, "providers/aws", keys(aws.keys[0]), endpoint="ftp://example.org"),
        grpc.StatusCode.INVALID_ARGUMENT,
        "ENDPOINT_INVALID",
    )
    azure = res.Credentials(
        azure_client_secret=res.AzureClientSecretCredentials(
            tenant_id="t", client_id="c", client_secret="s", subscription_id="x"
        )
    )
    await refused(
        create(stub, md, "providers/aws", azure), grpc.StatusCode.INVALID_ARGUMENT, "CREDENTIALS_INVALID"
    )
    half = res.Credentials(access_key=res.AccessKeyCredentials(access_key_id="AKIA"))
    await refused(
        create(stub, md, "providers/aws", half), grpc.StatusCode.INVALID_ARGUMENT, "CREDENTIALS_INVALID"
    )


async def test_another_organisation_sees_nothing(
    server: RunningServer, channel: grpc.aio.Channel, aws: MotoKeys
) -> None:
    stub = apb_grpc.AccountServiceStub(channel)
    account = await create(stub, auth(server), "providers/aws", keys(aws.keys[0]), aws.endpoint)
    other = auth(server, org="orgs/other")
    for call in (
        stub.GetProviderAccount(apb.GetProviderAccountRequest(name=account.name), metadata=other),
        stub.VerifyProviderAccount(apb.VerifyProviderAccountRequest(name=account.name), metadata=other),
        stub.DeleteProviderAccount(apb.DeleteProviderAccountRequest(name=account.name), metadata=other),
        stub.RotateProviderAccountCredentials(
            apb.RotateProviderAccountCredentialsRequest(name=account.name, credentials=keys(aws.keys[1])),
            metadata=other,
        ),
    ):
        await refused(call, grpc.StatusCode.NOT_FOUND, "ACCOUNT_NOT_FOUND")
    listed = await stub.ListProviderAccounts(apb.ListProviderAccountsRequest(), metadata=other)
    assert account.name not in [a.name for a in listed.accounts]
    await stub.DeleteProviderAccount(
        apb.DeleteProviderAccountRequest(name=account.name), metadata=auth(server)
    )
    await refused(
        stub.GetProviderAccount(apb.GetProviderAccountRequest(name=account.name), metadata=auth(server)),
        grpc.StatusCode.NOT_FOUND,
        "ACCOUNT_NOT_FOUND",
    )


async def test_domestic_s3_compatible_account_at_its_own_endpoint(
    server: RunningServer, channel: grpc.aio.Channel, aws: MotoKeys, domestic: MotoKeys
) -> None:
    stub = apb_grpc.AccountServiceStub(channel)
    md = auth(server)
    # AWS's key is unknown to the domestic store: a separate endpoint, separate users.
    foreign = await create(stub, md, "providers/s3-compatible", keys(aws.keys[0]), endpoint=domestic.endpoint)
    foreign = (
        await stub.VerifyProviderAccount(apb.VerifyProviderAccountRequest(name=foreign.name), metadata=md)
    ).account
    assert foreign.state == res.ACCOUNT_STATE_REJECTED
    own = await create(
        stub, md, "providers/s3-compatible", keys(domestic.keys[0]), endpoint=domestic.endpoint
    )
    own = (
        await stub.VerifyProviderAccount(apb.VerifyProviderAccountRequest(name=own.name), metadata=md)
    ).account
    assert own.state == res.ACCOUNT_STATE_VERIFIED


async def test_unreachable_provider_is_unavailable(server: RunningServer, channel: grpc.aio.Channel) -> None:
    stub = apb_grpc.AccountServiceStub(channel)
    md = auth(server)
    account = await create(
        stub, md, "providers/s3-compatible", keys(("AKIA", "secret")), endpoint="http://127.0.0.1:9"
    )
    await refused(
        stub.VerifyProviderAccount(apb.VerifyProviderAccountRequest(name=account.name), metadata=md),
        grpc.StatusCode.UNAVAILABLE,
        "PROVIDER_UNAVAILABLE",
    )


def adapter(provider: str, moto: MotoKeys) -> CloudAdapter:
    key_id, secret = moto.keys[0]
    return PROVIDERS[provider].build(
        AccountConnection(
            provider=provider,
            endpoint=moto.endpoint,
            region=REGION,
            secret={"access_key_id": key_id, "secret_access_key": secret},
        )
    )


async def test_aws_adapter_instances_and_buckets(aws: MotoKeys) -> None:
    cloud = adapter("aws", aws)
    bucket = f"b-{uuid.uuid4().hex[:12]}"
    await cloud.create_bucket(bucket)
    await cloud.create_bucket(bucket)  # a retried create is done, not an error
    assert bucket in await cloud.list_buckets()
    instance = await cloud.run_instance("t3.micro", "ami-03cf127a", {"jipan:deployment": "d1"})
    state = await cloud.describe_instance(instance)
    assert (state.instance_type, state.state) == ("t3.micro", "running")
    await cloud.stop_instance(instance)
    assert (await cloud.describe_instance(instance)).state in {"stopping", "stopped"}
    await cloud.start_instance(instance)
    await cloud.terminate_instance(instance)
    for _ in range(50):
        if (await cloud.describe_instance(instance)).state in {"shutting-down", "terminated"}:
            break
        await asyncio.sleep(0.1)
    else:
        pytest.fail("instance never terminated")
    await cloud.delete_bucket(bucket)
    await cloud.delete_bucket(bucket)
    assert bucket not in await cloud.list_buckets()
    # An id EC2 does not know (one it has forgotten): terminated, and deleting it again is done.
    unknown = "i-0123456789abcdef0"
    assert (await cloud.describe_instance(unknown)).state == "terminated"
    await cloud.terminate_instance(unknown)


async def test_domestic_adapter_declares_no_instances(domestic: MotoKeys) -> None:
    cloud = adapter("s3-compatible", domestic)
    assert await cloud.verify()
    bucket = f"b-{uuid.uuid4().hex[:12]}"
    await cloud.create_bucket(bucket)
    assert bucket in await cloud.list_buckets()
    with pytest.raises(DomainError) as caught:
        require(cloud, Capability.INSTANCES)
    assert caught.value.reason == "CAPABILITY_UNSUPPORTED"


async def test_s3_permission_refusals_name_the_bucket(aws: MotoKeys) -> None:
    """A key whose IAM policy allows listing buckets and nothing on their objects: moto's S3
    answers AccessDenied (403) through the real aioboto3 client, and the adapter raises
    PROVIDER_REFUSED naming the provider and the bucket — not UNAVAILABLE (a retry would not
    help) and not a ClientError escaping as INTERNAL."""
    owner = adapter("aws", aws)
    bucket = f"b-{uuid.uuid4().hex[:12]}"
    await owner.create_bucket(bucket)
    key_id, secret = aws.keys[0]
    async with aioboto3.Session(
        aws_access_key_id=key_id, aws_secret_access_key=secret, region_name=REGION
    ).client("iam", endpoint_url=aws.endpoint) as iam:
        user = f"lister-{uuid.uuid4().hex[:8]}"
        await iam.create_user(UserName=user)
        await iam.put_user_policy(
            UserName=user,
            PolicyName="list-only",
            PolicyDocument=json.dumps(
                {
                    "Version": "2012-10-17",
                    "Statement": [{"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}],
                }
            ),
        )
        made = (await iam.create_access_key(UserName=user))["AccessKey"]
    lister = AwsAdapter(
        AccountConnection(
            "aws",
            aws.endpoint,
            REGION,
            {"access_key_id": made["AccessKeyId"], "secret_access_key": made["SecretAccessKey"]},
        )
    )
    try:
        assert bucket in await lister.list_buckets()  # the key itself is good
        for call in (
            lambda: lister.list_objects(bucket).__anext__(),
            lambda: lister.write_object(bucket, "a.txt", 3, one_chunk(b"abc")),
            lambda: lister.delete_bucket(bucket),
        ):
            with pytest.raises(ProviderRefused) as refused:
                await call()
            assert refused.value.code == Code.FAILED_PRECONDITION
            assert refused.value.metadata == {
                "provider": "aws",
                "provider_code": "AccessDenied",
                "bucket": bucket,
            }
    finally:
        await lister.aclose()
        await owner.delete_bucket(bucket)
        await owner.aclose()


async def one_chunk(data: bytes) -> AsyncIterator[bytes]:
    yield data


async def test_credentials_sealed_under_a_kms_key(
    database_url: str,
    tmp_path_factory: pytest.TempPathFactory,
    aws: MotoKeys,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With JIPAN_MODEL_KMS_KEY_ID each credential version's data key is wrapped by KMS (moto's
    KMS, the issue's engine), not by a key file: the credentials open through KMS for
    VerifyProviderAccount, no key file is made, the plain secret is nowhere in the row, and with
    KMS gone they cannot be opened (UNAVAILABLE KEY_UNAVAILABLE, not a wrong key used)."""
    kms = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    kms.start()
    running_kms = True
    host, port = kms.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    # The server's own KMS identity (moto's KMS checks no signatures).
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "kms-test")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "kms-test")
    try:
        async with aioboto3.Session().client("kms", endpoint_url=endpoint, region_name=REGION) as client:
            arn = str((await client.create_key(Description="jipan model KEK"))["KeyMetadata"]["Arn"])
        async with fresh_database(database_url, "jipan_cloud_kms") as own:
            settings = make_settings(
                own,
                tmp_path_factory.mktemp("cloud-kms"),
                JIPAN_MODEL_KMS_KEY_ID=arn,
                JIPAN_KMS_ENDPOINT_URL=endpoint,
                JIPAN_KMS_REGION=REGION,
            )
            async with (
                running_server(settings, [system.SERVICE, cloud.SERVICE]) as running,
                grpc.aio.insecure_channel(running.address) as channel,
            ):
                stub = apb_grpc.AccountServiceStub(channel)
                md = auth(running)
                account = await create(stub, md, "providers/aws", keys(aws.keys[0]), endpoint=aws.endpoint)
                verified = await stub.VerifyProviderAccount(
                    apb.VerifyProviderAccountRequest(name=account.name), metadata=md
                )
                assert verified.account.state == res.ACCOUNT_STATE_VERIFIED
                assert not (settings.data_dir / "model-kek").exists()
                conn = await asyncpg.connect(own)
                try:
                    row = await conn.fetchrow(
                        "SELECT sealed_credentials, wrapped_key FROM cloud.accounts WHERE id = $1",
                        account.name.rsplit("/", 1)[1],
                    )
                finally:
                    await conn.close()
                assert row is not None
                for stored in (bytes(row["sealed_credentials"]), bytes(row["wrapped_key"])):
                    assert aws.keys[0][1].encode() not in stored
                kms.stop()
                running_kms = False
                with pytest.raises(grpc.aio.AioRpcError) as unreachable:
                    await stub.VerifyProviderAccount(
                        apb.VerifyProviderAccountRequest(name=account.name), metadata=md
                    )
                assert unreachable.value.code() == grpc.StatusCode.UNAVAILABLE
                assert error_details(unreachable.value).reason == "KEY_UNAVAILABLE"
    finally:
        if running_kms:
            kms.stop()
