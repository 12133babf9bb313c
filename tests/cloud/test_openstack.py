"""The OpenStack adapter: the real openstacksdk and keystoneauth1 (sync, run in worker threads
through anyio), against a local server that speaks the Keystone v3 and Nova calls the adapter
makes (tests/cloud/fake_openstack.py; no DevStack here)."""

from __future__ import annotations

import uuid

import grpc
import pytest
from openstack import exceptions as os_errors

from jipan.cloud.v1 import account_service_pb2 as apb
from jipan.cloud.v1 import account_service_pb2_grpc as apb_grpc
from jipan.cloud.v1 import resources_pb2 as res
from jipan.servers.cloud.adapters.base import AccountConnection, CapacityExhausted
from jipan.servers.cloud.adapters.openstack import OpenStackAdapter
from tests.cloud.conftest import auth
from tests.cloud.fake_openstack import FakeOpenStack
from tests.cloud.test_accounts import create
from tests.mesh import RunningServer
from tests.test_interceptors import error_info

IMAGE = "9a3b5c1e-7d2f-4e6a-8b0c-1d2e3f4a5b6c"


def application(auth_url: str, credential: str, secret: str) -> res.Credentials:
    return res.Credentials(
        openstack_application=res.OpenStackApplicationCredentials(
            auth_url=auth_url, application_credential_id=credential, application_credential_secret=secret
        )
    )


async def test_accounts_verify_with_keystone(
    server: RunningServer, channel: grpc.aio.Channel, openstack: FakeOpenStack
) -> None:
    md = auth(server)
    stub = apb_grpc.AccountServiceStub(channel)
    credential, secret = openstack.application_credential()
    account = (
        await stub.CreateProviderAccount(
            apb.CreateProviderAccountRequest(
                account=res.ProviderAccount(provider="providers/openstack", default_region="RegionOne"),
                account_id=f"os-{uuid.uuid4().hex[:8]}",
                credentials=application(openstack.auth_url, credential, secret),
                request_id=str(uuid.uuid4()),
            ),
            metadata=md,
        )
    ).account
    assert account.credential_id == credential  # never the secret
    verified = await stub.VerifyProviderAccount(
        apb.VerifyProviderAccountRequest(name=account.name), metadata=md
    )
    assert verified.account.state == res.ACCOUNT_STATE_VERIFIED
    assert "POST /identity/v3/auth/tokens" in openstack.requests
    assert "GET /compute/v2.1/flavors/detail" in openstack.requests  # Nova, found in the token's catalog

    # An account in a region the cloud's catalog lacks: Nova cannot be found there.
    elsewhere = await create(
        stub, md, "providers/openstack", application(openstack.auth_url, credential, secret)
    )
    with pytest.raises(grpc.aio.AioRpcError) as unreachable:
        await stub.VerifyProviderAccount(apb.VerifyProviderAccountRequest(name=elsewhere.name), metadata=md)
    assert unreachable.value.code() == grpc.StatusCode.UNAVAILABLE
    assert error_info(unreachable.value).reason == "PROVIDER_UNAVAILABLE"

    revoked = await create(
        stub, md, "providers/openstack", application(openstack.auth_url, credential, "revoked")
    )
    answer = await stub.VerifyProviderAccount(
        apb.VerifyProviderAccountRequest(name=revoked.name), metadata=md
    )
    assert answer.account.state == res.ACCOUNT_STATE_REJECTED

    for bad in (
        application("ftp://keystone.example/v3", credential, secret),
        application(openstack.auth_url, credential, ""),
    ):
        with pytest.raises(grpc.aio.AioRpcError) as refused:
            await create(stub, md, "providers/openstack", bad)
        assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT
        assert error_info(refused.value).reason == "CREDENTIALS_INVALID"


async def test_server_lifecycle_and_capacity_refusals(openstack: FakeOpenStack) -> None:
    credential, secret = openstack.application_credential()
    nova = OpenStackAdapter(
        AccountConnection(
            "openstack",
            "",
            "RegionOne",
            {
                "auth_url": openstack.auth_url,
                "application_credential_id": credential,
                "application_credential_secret": secret,
            },
        )
    )
    try:
        assert await nova.verify()
        tags = {
            "jipan:deployment": "orgs/moda/deployments/" + "d" * 36,
            "jipan:workload": "web",
            "jipan:rank": "1",
        }
        server_id = await nova.run_instance("m1.medium", IMAGE, tags)
        stored = openstack.servers[server_id]
        assert stored["metadata"] == tags
        assert stored["flavor"]["original_name"] == "m1.medium"
        assert stored["status"] == "ACTIVE"  # waited through BUILD
        assert await nova.find_instance(tags) == server_id
        assert await nova.find_instance({**tags, "jipan:workload": "db"}) is None
        state = await nova.describe_instance(server_id)
        assert (state.state, state.instance_type, state.region) == ("running", "m1.medium", "RegionOne")
        await nova.stop_instance(server_id)
        assert (await nova.describe_instance(server_id)).state == "stopped"
        await nova.start_instance(server_id)
        assert (await nova.describe_instance(server_id)).state == "running"
        await nova.terminate_instance(server_id)
        assert (await nova.describe_instance(server_id)).state == "terminated"
        await nova.terminate_instance(server_id)  # a retried delete is done

        # A pinned zone is Nova's availability_zone, read back from OS-EXT-AZ:availability_zone;
        # a zone the cloud does not have is Nova's 400, which propagates.
        openstack.zones = ("nova", "az-2")
        zoned = await nova.run_instance("m1.small", IMAGE, tags, "az-2")
        assert openstack.servers[zoned]["OS-EXT-AZ:availability_zone"] == "az-2"
        assert (await nova.describe_instance(zoned)).zone == "az-2"
        await nova.terminate_instance(zoned)
        with pytest.raises(os_errors.BadRequestException):
            await nova.run_instance("m1.small", IMAGE, tags, "az-9")

        openstack.refuse_next_create = "quota"
        with pytest.raises(CapacityExhausted) as quota:
            await nova.run_instance("m1.small", IMAGE, tags)
        assert (quota.value.metadata or {})["provider_code"] == "QuotaExceeded"
        openstack.refuse_next_create = "no_valid_host"
        with pytest.raises(CapacityExhausted) as full:
            await nova.run_instance("m1.small", IMAGE, tags)
        assert (full.value.metadata or {})["provider_code"] == "NoValidHost"
        assert not openstack.servers  # the server the scheduler put in ERROR was deleted
    finally:
        await nova.aclose()

    wrong = OpenStackAdapter(
        AccountConnection(
            "openstack",
            "",
            "RegionOne",
            {
                "auth_url": openstack.auth_url,
                "application_credential_id": credential,
                "application_credential_secret": "x",
            },
        )
    )
    assert not await wrong.verify()
