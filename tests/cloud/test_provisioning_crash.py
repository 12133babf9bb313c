"""kill -9 of `jipan serve cloud` in the middle of a CreateDeployment: the restarted server
resumes the operation from its records and every workload gets exactly one instance."""

from __future__ import annotations

import asyncio
import uuid
from pathlib import Path

import grpc
import pytest

from jipan.cloud.v1 import account_service_pb2 as apb
from jipan.cloud.v1 import account_service_pb2_grpc as apb_grpc
from jipan.cloud.v1 import catalog_service_pb2 as cpb
from jipan.cloud.v1 import catalog_service_pb2_grpc as cpb_grpc
from jipan.cloud.v1 import placement_service_pb2 as ppb
from jipan.cloud.v1 import placement_service_pb2_grpc as ppb_grpc
from jipan.cloud.v1 import provisioning_service_pb2 as vpb
from jipan.cloud.v1 import provisioning_service_pb2_grpc as vpb_grpc
from jipan.cloud.v1 import resources_pb2 as res
from tests.cloud.conftest import REGION, SCOPES, MotoKeys
from tests.cloud.test_accounts import keys
from tests.cloud.test_catalog import USD, excerpt
from tests.cloud.test_provisioning import IMAGE, tagged_instances
from tests.conftest import fresh_database
from tests.subprocess_mesh import ServedMesh

ORG = "orgs/crash"
WORKLOADS = 20


def _channel(mesh: ServedMesh) -> grpc.aio.Channel:
    assert mesh.channel is not None
    return mesh.channel


async def test_kill_9_mid_operation_resumes_without_duplicates(
    database_url: str, tmp_path: Path, aws: MotoKeys
) -> None:
    async with fresh_database(database_url, "jipan_cloud_crash") as own:
        # A lease of 1 s: the restarted server takes the dead runner's operation up at start, or
        # at its next sweep if the lease had not lapsed yet.
        mesh = ServedMesh(
            tmp_path / "data",
            own,
            env_overrides={"JIPAN_CLOUD_OPERATION_LEASE_S": "1", "JIPAN_CLOUD_TTL_SWEEP_S": "0.5"},
        )
        await mesh.start(["system", "cloud"])
        try:
            md = (("authorization", f"Bearer {mesh.token(scopes=SCOPES, org=ORG)}"),)
            account = (
                await apb_grpc.AccountServiceStub(_channel(mesh)).CreateProviderAccount(
                    apb.CreateProviderAccountRequest(
                        account=res.ProviderAccount(
                            provider="providers/aws", endpoint=aws.endpoint, default_region=REGION
                        ),
                        account_id="aws",
                        credentials=keys(aws.keys[0]),
                        request_id=str(uuid.uuid4()),
                    ),
                    metadata=md,
                )
            ).account
            await cpb_grpc.CatalogServiceStub(_channel(mesh)).ImportOfferings(
                cpb.ImportOfferingsRequest(
                    parent=ORG,
                    format=res.PRICE_LIST_FORMAT_AWS_OFFER_FILE,
                    content=excerpt("aws_ec2_offer.json"),
                    exchange_rates=[USD],
                ),
                metadata=md,
            )
            placement = (
                await ppb_grpc.PlacementServiceStub(_channel(mesh)).PlanPlacement(
                    ppb.PlanPlacementRequest(
                        parent=ORG,
                        max_plans=1,
                        placement=res.Placement(
                            workloads=[
                                res.Workload(id=f"w{i:02d}", vcpu=2, memory_gib=8) for i in range(WORKLOADS)
                            ]
                        ),
                    ),
                    metadata=md,
                )
            ).placement
            operation = (
                await vpb_grpc.ProvisioningServiceStub(_channel(mesh)).CreateDeployment(
                    vpb.CreateDeploymentRequest(
                        parent=ORG,
                        deployment=res.Deployment(
                            placement=placement.name, accounts=[account.name], images={"providers/aws": IMAGE}
                        ),
                        request_id=str(uuid.uuid4()),
                    ),
                    metadata=md,
                )
            ).operation
            target = operation.metadata.target
            # Kill as soon as a few instances are recorded, well before all of them are.
            for _ in range(2000):
                entries = (
                    await vpb_grpc.ProvisioningServiceStub(_channel(mesh)).ListAuditEntries(
                        vpb.ListAuditEntriesRequest(parent=target, page_size=1000), metadata=md
                    )
                ).audit_entries
                if sum(e.action == "run_instance" for e in entries) >= 3:
                    break
                await asyncio.sleep(0.01)
            else:
                pytest.fail("no instance was made")
            assert mesh.process is not None
            mesh.process.kill()  # SIGKILL: no shutdown, no lease released
            await asyncio.to_thread(mesh.process.wait)
            made_before = len(await tagged_instances(aws, "us-east-1", target))
            assert made_before < WORKLOADS, "the operation finished before the kill; nothing to resume"

            await mesh.restart()
            stub = vpb_grpc.ProvisioningServiceStub(_channel(mesh))
            for _ in range(600):
                done = (
                    await stub.GetOperation(vpb.GetOperationRequest(name=operation.name), metadata=md)
                ).operation
                if done.done:
                    break
                await asyncio.sleep(0.1)
            else:
                pytest.fail("the operation was not resumed")
            assert not done.HasField("error"), done.error
            assert done.deployment.state == res.DEPLOYMENT_STATE_RUNNING
            instances = await tagged_instances(aws, "us-east-1", target)
            assert len(instances) == WORKLOADS  # one each: none made twice
            assert sorted(r.resource_id for r in done.deployment.resources) == sorted(
                i["InstanceId"] for i in instances
            )
            workloads = [
                i_tag["Value"] for i in instances for i_tag in i["Tags"] if i_tag["Key"] == "jipan:workload"
            ]
            assert sorted(workloads) == [f"w{i:02d}" for i in range(WORKLOADS)]
        finally:
            await mesh.stop()
