"""The Azure compute adapter: the real azure-identity and azure-mgmt-compute/-network/-resource
async clients, against a local HTTPS server that speaks the Entra and ARM calls the adapter makes
(tests/cloud/fake_azure.py; Azure has no compute emulator) — accounts, the VM lifecycle with the
SDKs' long-running-operation polling, and a deployment through ProvisioningService that falls
refused with CAPACITY_EXHAUSTED when the region has no capacity."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from typing import Any

import grpc
import pytest
import pytest_asyncio

from jipan.cloud.v1 import account_service_pb2 as apb
from jipan.cloud.v1 import account_service_pb2_grpc as apb_grpc
from jipan.cloud.v1 import catalog_service_pb2 as cpb
from jipan.cloud.v1 import catalog_service_pb2_grpc as cpb_grpc
from jipan.cloud.v1 import placement_service_pb2 as ppb
from jipan.cloud.v1 import placement_service_pb2_grpc as ppb_grpc
from jipan.cloud.v1 import provisioning_service_pb2 as vpb
from jipan.cloud.v1 import provisioning_service_pb2_grpc as vpb_grpc
from jipan.cloud.v1 import resources_pb2 as res
from jipan.servers import cloud, system
from jipan.servers.cloud.adapters.azure import AzureAdapter
from jipan.servers.cloud.adapters.base import AccountConnection, CapacityExhausted, ProviderRefused
from jipan.servers.runtime.errors import Code, FailedPrecondition
from tests.cloud.conftest import auth
from tests.cloud.fake_azure import FakeArm
from tests.cloud.test_accounts import create
from tests.cloud.test_catalog import USD, excerpt
from tests.cloud.test_provisioning import audit_actions, wait_done
from tests.conftest import fresh_database
from tests.mesh import RunningServer, make_settings, running_server
from tests.test_interceptors import error_info

TENANT = "5f1c0d2e-8b7a-4c3d-9e6f-0a1b2c3d4e5f"
SUBSCRIPTION = "0b1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e"
IMAGE = "Canonical:ubuntu-24_04-lts:server:latest"
ORG = "orgs/azure-broker"


@pytest_asyncio.fixture(scope="module")
async def server(
    database_url: str, tmp_path_factory: pytest.TempPathFactory, azure_arm: FakeArm
) -> AsyncIterator[RunningServer]:
    """The cloud server, trusting the fake's CA as it would a private cloud's (JIPAN_CLOUD_CA_FILE)."""
    async with fresh_database(database_url, "jipan_cloud_azure") as own:
        settings = make_settings(
            own, tmp_path_factory.mktemp("cloud-azure"), JIPAN_CLOUD_CA_FILE=azure_arm.ca_file
        )
        async with running_server(settings, [system.SERVICE, cloud.SERVICE]) as running:
            yield running


def principal(client_id: str, secret: str, subscription: str = SUBSCRIPTION) -> res.Credentials:
    return res.Credentials(
        azure_client_secret=res.AzureClientSecretCredentials(
            tenant_id=TENANT, client_id=client_id, client_secret=secret, subscription_id=subscription
        )
    )


def adapter(fake: FakeArm, client_id: str, secret: str, region: str = "japaneast") -> AzureAdapter:
    return AzureAdapter(
        AccountConnection(
            "azure",
            fake.endpoint,
            region,
            {
                "tenant_id": TENANT,
                "client_id": client_id,
                "client_secret": secret,
                "subscription_id": SUBSCRIPTION,
            },
            ca_file=fake.ca_file,
        )
    )


async def test_accounts_verify_as_the_service_principal(
    server: RunningServer, channel: grpc.aio.Channel, azure_arm: FakeArm
) -> None:
    md = auth(server)
    stub = apb_grpc.AccountServiceStub(channel)
    client_id, secret = azure_arm.service_principal(TENANT, SUBSCRIPTION)
    account = await create(
        stub, md, "providers/azure", principal(client_id, secret), endpoint=azure_arm.endpoint
    )
    assert account.credential_id == client_id  # never the secret
    assert secret not in str(account)
    verified = await stub.VerifyProviderAccount(
        apb.VerifyProviderAccountRequest(name=account.name), metadata=md
    )
    assert verified.account.state == res.ACCOUNT_STATE_VERIFIED
    assert f"POST /{TENANT}/oauth2/v2.0/token" in azure_arm.requests  # Entra's grant, through azure-identity
    assert (
        f"GET /subscriptions/{SUBSCRIPTION}/providers/Microsoft.Compute/virtualMachines" in azure_arm.requests
    )

    wrong = await create(
        stub, md, "providers/azure", principal(client_id, "not-the-secret"), endpoint=azure_arm.endpoint
    )
    answer = await stub.VerifyProviderAccount(apb.VerifyProviderAccountRequest(name=wrong.name), metadata=md)
    assert answer.account.state == res.ACCOUNT_STATE_REJECTED
    # A valid principal without access to the subscription: ARM's 403 AuthorizationFailed.
    other = await create(
        stub,
        md,
        "providers/azure",
        principal(client_id, secret, str(uuid.uuid4())),
        endpoint=azure_arm.endpoint,
    )
    answer = await stub.VerifyProviderAccount(apb.VerifyProviderAccountRequest(name=other.name), metadata=md)
    assert answer.account.state == res.ACCOUNT_STATE_REJECTED

    for given in (
        res.AzureClientSecretCredentials(tenant_id=TENANT, client_id="c"),  # no secret, no subscription
        res.AzureClientSecretCredentials(
            tenant_id="contoso onmicrosoft", client_id="c", client_secret="s", subscription_id=SUBSCRIPTION
        ),
        res.AzureClientSecretCredentials(
            tenant_id=TENANT, client_id="c", client_secret="s", subscription_id="../../providers"
        ),
    ):
        with pytest.raises(grpc.aio.AioRpcError) as bad:
            await create(stub, md, "providers/azure", res.Credentials(azure_client_secret=given))
        assert bad.value.code() == grpc.StatusCode.INVALID_ARGUMENT
        assert error_info(bad.value).reason == "CREDENTIALS_INVALID"


async def test_vm_lifecycle_polls_operations_and_maps_capacity(azure_arm: FakeArm) -> None:
    client_id, secret = azure_arm.service_principal(TENANT, SUBSCRIPTION)
    vms = adapter(azure_arm, client_id, secret)
    try:
        assert await vms.verify()
        tags = {
            "jipan:deployment": "orgs/moda/deployments/" + "d" * 36,
            "jipan:workload": "web",
            "jipan:rank": "1",
        }
        name = await vms.run_instance("Standard_D2s_v5", IMAGE, tags)
        stored = azure_arm.machines[(SUBSCRIPTION, "jipan-japaneast", name)]
        assert stored["properties"]["hardwareProfile"] == {"vmSize": "Standard_D2s_v5"}
        assert stored["properties"]["storageProfile"]["imageReference"]["offer"] == "ubuntu-24_04-lts"
        assert stored["tags"] == tags
        assert (
            stored["properties"]["provisioningState"] == "Succeeded"
        )  # the SDK polled the operation to the end
        assert (SUBSCRIPTION, "jipan-japaneast", "jipan-vnet") in azure_arm.networks
        assert await vms.find_instance(tags) == name
        assert await vms.find_instance({**tags, "jipan:workload": "db"}) is None
        state = await vms.describe_instance(name)
        assert (state.state, state.instance_type, state.region) == ("running", "Standard_D2s_v5", "japaneast")
        await vms.stop_instance(name)
        assert (await vms.describe_instance(name)).state == "stopped"
        assert stored["_power"] == "deallocated"  # deallocated, not only powered off
        await vms.start_instance(name)
        assert (await vms.describe_instance(name)).state == "running"
        await vms.terminate_instance(name)
        assert (await vms.describe_instance(name)).state == "terminated"
        await vms.terminate_instance(name)  # a retried delete is done

        # A pinned zone: the catalog's "japaneast-2" is ARM's zones ["2"], and is read back.
        zoned = await vms.run_instance(
            "Standard_D2s_v5", IMAGE, {**tags, "jipan:workload": "db"}, "japaneast-2"
        )
        assert azure_arm.machines[(SUBSCRIPTION, "jipan-japaneast", zoned)]["zones"] == ["2"]
        assert (await vms.describe_instance(zoned)).zone == "japaneast-2"
        unpinned = await vms.run_instance("Standard_D2s_v5", IMAGE, tags)
        assert "zones" not in azure_arm.machines[(SUBSCRIPTION, "jipan-japaneast", unpinned)]
        assert (await vms.describe_instance(unpinned)).zone == ""
        await vms.terminate_instance(unpinned)
        with pytest.raises(FailedPrecondition):
            await vms.run_instance("Standard_D2s_v5", IMAGE, tags, "eastasia-1")  # another region's

        azure_arm.refuse_next_create = "AllocationFailed"
        with pytest.raises(CapacityExhausted) as refused:
            await vms.run_instance("Standard_D2s_v5", IMAGE, tags)
        assert (refused.value.metadata or {})["provider_code"] == "AllocationFailed"
        assert not [m for m in azure_arm.machines.values() if m["tags"] == tags]  # the Failed VM was removed
        azure_arm.refuse_next_create = "OperationNotAllowed"
        with pytest.raises(CapacityExhausted) as quota:
            await vms.run_instance("Standard_D2s_v5", IMAGE, tags)
        assert (quota.value.metadata or {})["provider_code"] == "QuotaExceeded"
        # The principal lacks a role allowing the write: ARM's 403, through the SDK's
        # HttpResponseError, is PROVIDER_REFUSED (its grants must change), not INTERNAL.
        azure_arm.refuse_next_create = "AuthorizationFailed"
        with pytest.raises(ProviderRefused) as unauthorised:
            await vms.run_instance("Standard_D2s_v5", IMAGE, tags)
        assert unauthorised.value.code == Code.FAILED_PRECONDITION
        assert unauthorised.value.metadata == {"provider": "azure", "provider_code": "AuthorizationFailed"}
    finally:
        await vms.aclose()


async def test_deployment_on_azure_and_a_capacity_refusal(
    server: RunningServer, channel: grpc.aio.Channel, azure_arm: FakeArm
) -> None:
    md = auth(server, org=ORG)
    client_id, secret = azure_arm.service_principal(TENANT, SUBSCRIPTION)
    account = await create(
        apb_grpc.AccountServiceStub(channel),
        md,
        "providers/azure",
        principal(client_id, secret),
        endpoint=azure_arm.endpoint,
    )
    await cpb_grpc.CatalogServiceStub(channel).ImportOfferings(
        cpb.ImportOfferingsRequest(
            parent=ORG,
            format=res.PRICE_LIST_FORMAT_AZURE_RETAIL_PRICES,
            content=excerpt("azure_retail_prices.json"),
            exchange_rates=[USD],
        ),
        metadata=md,
    )
    placement = (
        await ppb_grpc.PlacementServiceStub(channel).PlanPlacement(
            ppb.PlanPlacementRequest(
                parent=ORG,
                max_plans=2,
                placement=res.Placement(
                    workloads=[
                        res.Workload(id="app", vcpu=2, memory_gib=8, allowed_providers=["providers/azure"])
                    ]
                ),
            ),
            metadata=md,
        )
    ).placement
    # The excerpt prices one size per region: one plan (every other offering is dominated).
    assert len(placement.plans) == 1
    stub = vpb_grpc.ProvisioningServiceStub(channel)

    async def deploy() -> res.Operation:
        started = await stub.CreateDeployment(
            vpb.CreateDeploymentRequest(
                parent=ORG,
                request_id=str(uuid.uuid4()),
                deployment=res.Deployment(
                    placement=placement.name, accounts=[account.name], images={"providers/azure": IMAGE}
                ),
            ),
            metadata=md,
        )
        return await wait_done(stub, md, started.operation.name)

    def machines_of(deployment: str) -> list[dict[str, Any]]:
        return [m for m in azure_arm.machines.values() if m["tags"].get("jipan:deployment") == deployment]

    azure_arm.refuse_next_create = "AllocationFailed"  # the region has no room: no plan left
    refused = await deploy()
    assert refused.error.code == grpc.StatusCode.FAILED_PRECONDITION.value[0]
    assert refused.error.reason == "CAPACITY_EXHAUSTED"
    assert refused.error.metadata["plans_tried"] == "1"
    assert not machines_of(refused.deployment.name)  # the VM the allocation left in Failed is gone

    done = await deploy()
    assert not done.HasField("error"), done.error
    deployment = done.deployment
    assert (deployment.state, deployment.plan_rank) == (res.DEPLOYMENT_STATE_RUNNING, 1)
    made = machines_of(deployment.name)
    assert len(made) == 1
    assert made[0]["properties"]["provisioningState"] == "Succeeded"
    assert made[0]["properties"]["hardwareProfile"]["vmSize"] == "Standard_D2s_v5"
    assert {r.resource_id for r in deployment.resources} == {made[0]["name"]}
    stopping = await stub.StopDeployment(
        vpb.StopDeploymentRequest(name=deployment.name, request_id=str(uuid.uuid4())), metadata=md
    )
    assert (
        await wait_done(stub, md, stopping.operation.name)
    ).deployment.state == res.DEPLOYMENT_STATE_STOPPED
    assert made[0]["_power"] == "deallocated"
    deleting = await stub.DeleteDeployment(
        vpb.DeleteDeploymentRequest(name=deployment.name, request_id=str(uuid.uuid4())), metadata=md
    )
    assert not (await wait_done(stub, md, deleting.operation.name)).HasField("error")
    assert not machines_of(deployment.name)
    assert (await audit_actions(stub, md, deployment.name)).count("terminate_instance") == 1
