"""The OpenStack adapter: the real openstacksdk and keystoneauth1 (sync, run in worker threads
through anyio), against a local server that speaks the Keystone v3 and Nova calls the adapter
makes (tests/cloud/fake_openstack.py; no DevStack here)."""

from __future__ import annotations

import contextlib
import json
import threading
import uuid
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

import grpc
import pytest
from keystoneauth1 import exceptions as ksa_errors
from openstack import exceptions as os_errors

from jipan.cloud.v1 import account_service_pb2 as apb
from jipan.cloud.v1 import account_service_pb2_grpc as apb_grpc
from jipan.cloud.v1 import catalog_service_pb2 as cpb
from jipan.cloud.v1 import catalog_service_pb2_grpc as cpb_grpc
from jipan.cloud.v1 import placement_service_pb2 as ppb
from jipan.cloud.v1 import placement_service_pb2_grpc as ppb_grpc
from jipan.cloud.v1 import provisioning_service_pb2 as vpb
from jipan.cloud.v1 import provisioning_service_pb2_grpc as vpb_grpc
from jipan.cloud.v1 import resources_pb2 as res
from jipan.servers.cloud.adapters.base import AccountConnection, CapacityExhausted, ProviderUnavailable
from jipan.servers.cloud.adapters.openstack import OpenStackAdapter
from tests.cloud.conftest import auth
from tests.cloud.fake_openstack import FakeOpenStack, serve_fake_openstack
from tests.cloud.test_accounts import create
from tests.cloud.test_catalog import USD, excerpt
from tests.cloud.test_provisioning import audit_actions, wait_done
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


class UnreachableKeystone:
    """An openstacksdk Connection whose first `.compute` (Keystone authentication and Nova's
    version discovery, over HTTP) cannot connect; records the threads that asked."""

    def __init__(self) -> None:
        self.threads: list[int] = []

    @property
    def compute(self) -> Any:
        self.threads.append(threading.get_ident())
        raise ksa_errors.ConnectFailure("Unable to establish connection to https://keystone/v3")

    def close(self) -> None:
        pass


async def test_keystone_unreachable_on_the_first_compute_call_is_provider_unavailable_off_the_loop() -> None:
    nova = OpenStackAdapter(
        AccountConnection(
            "openstack",
            "",
            "RegionOne",
            {
                "auth_url": "https://keystone/v3",
                "application_credential_id": "c",
                "application_credential_secret": "s",
            },
        )
    )
    cloud = UnreachableKeystone()
    nova._cloud = cloud  # type: ignore[assignment]
    calls: dict[str, Callable[[], Awaitable[object]]] = {
        "run_instance": lambda: nova.run_instance("m1.small", IMAGE, {}),
        "describe_instance": lambda: nova.describe_instance("i-1"),
        "find_instance": lambda: nova.find_instance({}),
        "stop_instance": lambda: nova.stop_instance("i-1"),
        "start_instance": lambda: nova.start_instance("i-1"),
        "terminate_instance": lambda: nova.terminate_instance("i-1"),
    }
    for name, call in calls.items():
        with pytest.raises(ProviderUnavailable) as refused:
            await call()
        assert refused.value.reason == "PROVIDER_UNAVAILABLE", name
        assert (refused.value.metadata or {})["problem"] == "ConnectFailure", name
    assert len(cloud.threads) == len(calls)
    assert threading.get_ident() not in cloud.threads  # never on the event loop's thread
    await nova.aclose()


@pytest.fixture
def hsinchu() -> Iterator[FakeOpenStack]:
    """A Nova in the price sheet's region and zones, serving the committed flavors excerpt."""
    with contextlib.contextmanager(serve_fake_openstack)() as fake:
        sheet = json.loads(excerpt("openstack_price_sheet.json"))
        fake.region = "tw-hsinchu-1"
        fake.zones = tuple(sheet["regions"]["tw-hsinchu-1"]["zones"])
        fake.flavors = json.loads(excerpt("openstack_flavors_detail.json"))["flavors"]
        yield fake


async def test_an_openstack_tw_offering_wins_and_is_provisioned(
    server: RunningServer, channel: grpc.aio.Channel, hsinchu: FakeOpenStack
) -> None:
    """AWS Taipei (ap-east-2) and a domestic OpenStack cloud in Hsinchu compete for TW-only
    workloads: the OpenStack flavors are cheaper (v.small 1.90 TWD/h against m5.large's
    0.124 USD/h = 4.03 TWD/h), alone hold CNS 27001, and alone have a GPU. The plan puts every
    workload on OpenStack, and the deployment boots them on Nova with the sheet's flavors, the
    spread group's two servers pinned to the two zones the plan names."""
    org = "orgs/openstack-tw"
    md = auth(server, org=org)
    catalog = cpb_grpc.CatalogServiceStub(channel)
    await catalog.ImportOfferings(
        cpb.ImportOfferingsRequest(
            parent=org,
            format=res.PRICE_LIST_FORMAT_AWS_OFFER_FILE,
            content=excerpt("aws_ec2_offer_taipei.json"),
            exchange_rates=[USD],
        ),
        metadata=md,
    )
    await catalog.ImportOfferings(
        cpb.ImportOfferingsRequest(
            parent=org,
            format=res.PRICE_LIST_FORMAT_OPENSTACK_PRICE_SHEET,
            content=excerpt("openstack_price_sheet.json"),
            flavors=excerpt("openstack_flavors_detail.json"),
        ),
        metadata=md,
    )
    placement = (
        await ppb_grpc.PlacementServiceStub(channel).PlanPlacement(
            ppb.PlanPlacementRequest(
                parent=org,
                placement=res.Placement(
                    workloads=[
                        *(
                            res.Workload(
                                id=f"api-{i}",
                                vcpu=2,
                                memory_gib=4,
                                allowed_countries=["TW"],
                                spread_group="api",
                            )
                            for i in range(2)
                        ),
                        res.Workload(
                            id="ledger",
                            vcpu=2,
                            memory_gib=4,
                            allowed_countries=["TW"],
                            required_certifications=[res.CERTIFICATION_CNS_27001],
                        ),
                        res.Workload(
                            id="trainer", vcpu=4, memory_gib=64, gpu_count=1, allowed_countries=["TW"]
                        ),
                    ]
                ),
            ),
            metadata=md,
        )
    ).placement
    best = {a.workload: a for a in placement.plans[0].assignments}
    assert {a.provider for a in best.values()} == {"providers/openstack"}
    assert {a.region for a in best.values()} == {"tw-hsinchu-1"}
    assert sorted(best[f"api-{i}"].zone for i in range(2)) == ["tw-hsinchu-1a", "tw-hsinchu-1b"]
    offered = {
        w: (await catalog.GetOffering(cpb.GetOfferingRequest(name=a.offering), metadata=md)).offering.type
        for w, a in best.items()
    }
    assert offered == {"api-0": "v.small", "api-1": "v.small", "ledger": "v.small", "trainer": "g.v100x1"}
    # AWS Taipei's m5.large stayed a candidate for the api workloads (it lost on price); for the
    # others AWS was excluded by a rule: no CNS 27001, no GPU.
    counts = {(c.workload, c.reason): c.count for c in placement.exclusion_counts}
    assert set(counts) <= {
        ("api-0", res.EXCLUSION_REASON_DOMINATED),
        ("api-1", res.EXCLUSION_REASON_DOMINATED),
        ("ledger", res.EXCLUSION_REASON_DOMINATED),
        ("ledger", res.EXCLUSION_REASON_CERTIFICATION),
        ("trainer", res.EXCLUSION_REASON_DOMINATED),
        ("trainer", res.EXCLUSION_REASON_TOO_SMALL),
    }
    assert counts[("ledger", res.EXCLUSION_REASON_CERTIFICATION)] == 6  # 2 AWS types x 3 zones
    assert counts[("trainer", res.EXCLUSION_REASON_TOO_SMALL)] >= 6

    credential, secret = hsinchu.application_credential()
    account = await create(
        apb_grpc.AccountServiceStub(channel),
        md,
        "providers/openstack",
        application(hsinchu.auth_url, credential, secret),
    )
    stub = vpb_grpc.ProvisioningServiceStub(channel)
    started = await stub.CreateDeployment(
        vpb.CreateDeploymentRequest(
            parent=org,
            request_id=str(uuid.uuid4()),
            deployment=res.Deployment(
                placement=placement.name, accounts=[account.name], images={"providers/openstack": IMAGE}
            ),
        ),
        metadata=md,
    )
    done = await wait_done(stub, md, started.operation.name)
    assert not done.HasField("error"), done.error
    deployment = done.deployment
    assert deployment.state == res.DEPLOYMENT_STATE_RUNNING
    recorded = {r.workload: r for r in deployment.resources}
    assert set(recorded) == {"api-0", "api-1", "ledger", "trainer"}
    for workload, resource in recorded.items():
        made = hsinchu.servers[resource.resource_id]
        assert made["flavor"]["original_name"] == offered[workload]
        assert made["metadata"]["jipan:workload"] == workload
        assert made["OS-EXT-AZ:availability_zone"] == resource.zone
        assert resource.region == "tw-hsinchu-1"
    for i in range(2):  # pinned where the plan said; the others where Nova put them
        assert recorded[f"api-{i}"].zone == best[f"api-{i}"].zone
    assert recorded["ledger"].zone == recorded["trainer"].zone == "tw-hsinchu-1a"
    assert (await audit_actions(stub, md, deployment.name)).count("run_instance") == 4
