"""Provisioning as AIP-151 operations against moto's EC2 and S3: create from a placement's plan,
fail over to the next plan on a capacity refusal, tear down on delete and at the TTL, resume an
operation whose runner died between the provider's answer and its record, audit every step."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import aioboto3
import grpc
import pytest
import pytest_asyncio
from botocore.exceptions import ClientError
from google.protobuf.timestamp_pb2 import Timestamp

from jipan.clients import error_details
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
from jipan.servers.cloud.accounts.domain import Accounts
from jipan.servers.cloud.accounts.store import AccountStore
from jipan.servers.cloud.adapters.aws import AwsAdapter
from jipan.servers.cloud.adapters.base import AccountConnection, CapacityExhausted, ProviderUnavailable
from jipan.servers.cloud.catalog.store import OfferingStore
from jipan.servers.cloud.placement.domain import Placements
from jipan.servers.cloud.placement.store import PlacementStore
from jipan.servers.cloud.provisioning.domain import Provisioning
from jipan.servers.cloud.provisioning.store import ProvisioningStore
from jipan.servers.cloud.provisioning.types import DEPLOYMENT_KINDS, DeploymentState, Operation, OperationKind
from jipan.servers.inference.sealing import open_key_wrapper
from jipan.servers.runtime.errors import FailedPrecondition
from jipan.servers.runtime.idempotency import RequestIds
from jipan.servers.runtime.key_wrapping import KeyWrapper
from jipan.servers.runtime.leases import LeaseLost
from tests.cloud.conftest import REGION, MotoKeys, auth, caller_of
from tests.cloud.test_accounts import keys
from tests.cloud.test_catalog import USD, excerpt
from tests.conftest import fresh_database
from tests.mesh import RunningServer, make_settings, running_server

ORG = "orgs/provisioning"
IMAGE = "ami-03cf127a"  # one of the images moto serves in every region


@pytest_asyncio.fixture(scope="module")
async def server(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[RunningServer]:
    async with fresh_database(database_url, "jipan_cloud_prov") as own:
        settings = make_settings(own, tmp_path_factory.mktemp("cloud-prov"), JIPAN_CLOUD_TTL_SWEEP_S="0.2")
        async with running_server(settings, [system.SERVICE, cloud.SERVICE]) as running:
            yield running


@pytest_asyncio.fixture(scope="module")
async def setup(server: RunningServer, channel: grpc.aio.Channel, aws: MotoKeys) -> dict[str, str]:
    """An AWS account on moto, the AWS excerpt's offerings, and one placement of two workloads
    with two plans (both in us-east-1; then one of them in Tokyo)."""
    md = auth(server, org=ORG)
    account = (
        await apb_grpc.AccountServiceStub(channel).CreateProviderAccount(
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
    await cpb_grpc.CatalogServiceStub(channel).ImportOfferings(
        cpb.ImportOfferingsRequest(
            parent=ORG,
            format=res.PRICE_LIST_FORMAT_AWS_OFFER_FILE,
            content=excerpt("aws_ec2_offer.json"),
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
                        res.Workload(id="app", vcpu=2, memory_gib=8),
                        res.Workload(id="worker", vcpu=2, memory_gib=8),
                    ],
                ),
            ),
            metadata=md,
        )
    ).placement
    assert [a.region for a in placement.plans[0].assignments] == ["us-east-1", "us-east-1"]
    # Plan 2 moves one of the two to Tokyo.
    assert sorted(a.region for a in placement.plans[1].assignments) == ["ap-northeast-1", "us-east-1"]
    return {"account": account.name, "placement": placement.name}


async def tagged_instances(aws: MotoKeys, region: str, deployment: str) -> list[dict[str, Any]]:
    session = aioboto3.Session(aws_access_key_id=aws.keys[0][0], aws_secret_access_key=aws.keys[0][1])
    async with session.client("ec2", endpoint_url=aws.endpoint, region_name=region) as ec2:
        found = await ec2.describe_instances(
            Filters=[{"Name": "tag:jipan:deployment", "Values": [deployment]}]
        )
    return [i for r in found["Reservations"] for i in r["Instances"]]


async def wait_done(stub: vpb_grpc.ProvisioningServiceAsyncStub, md: Any, name: str) -> res.Operation:
    for _ in range(300):
        operation = (await stub.GetOperation(vpb.GetOperationRequest(name=name), metadata=md)).operation
        if operation.done:
            return operation
        await asyncio.sleep(0.1)
    pytest.fail(f"operation {name} never finished")


async def create(
    stub: vpb_grpc.ProvisioningServiceAsyncStub,
    md: Any,
    setup: dict[str, str],
    request_id: str | None = None,
    expire_time: datetime | None = None,
    buckets: tuple[str, ...] = (),
) -> res.Operation:
    deployment = res.Deployment(
        placement=setup["placement"],
        accounts=[setup["account"]],
        images={"providers/aws": IMAGE},
        buckets=buckets,
    )
    if expire_time is not None:
        stamp = Timestamp()
        stamp.FromDatetime(expire_time)
        deployment.expire_time.CopyFrom(stamp)
    response = await stub.CreateDeployment(
        vpb.CreateDeploymentRequest(
            parent=ORG, deployment=deployment, request_id=request_id or str(uuid.uuid4())
        ),
        metadata=md,
    )
    return response.operation


async def audit_actions(stub: vpb_grpc.ProvisioningServiceAsyncStub, md: Any, deployment: str) -> list[str]:
    entries = (
        await stub.ListAuditEntries(
            vpb.ListAuditEntriesRequest(parent=deployment, page_size=1000), metadata=md
        )
    ).audit_entries
    return [e.action for e in entries]


async def test_create_delete_and_replay(
    server: RunningServer, channel: grpc.aio.Channel, aws: MotoKeys, setup: dict[str, str]
) -> None:
    stub = vpb_grpc.ProvisioningServiceStub(channel)
    md = auth(server, org=ORG)
    request_id = str(uuid.uuid4())
    bucket = f"b-{uuid.uuid4().hex[:12]}"
    started = await create(stub, md, setup, request_id, buckets=(bucket,))
    replayed = await create(stub, md, setup, request_id, buckets=(bucket,))
    assert replayed.name == started.name
    done = await wait_done(stub, md, started.name)
    assert not done.HasField("error"), done.error
    deployment = done.deployment
    assert deployment.state == res.DEPLOYMENT_STATE_RUNNING
    assert deployment.plan_rank == 1
    instances = await tagged_instances(aws, "us-east-1", deployment.name)
    assert sorted(i["InstanceType"] for i in instances) == ["m5.large", "m5.large"]
    assert {r.resource_id for r in deployment.resources} == {i["InstanceId"] for i in instances} | {bucket}
    actions = await audit_actions(stub, md, deployment.name)
    assert actions[0] == "create_requested"
    assert actions.count("run_instance") == 2
    assert actions[-1] == "created"

    stopping = await stub.StopDeployment(
        vpb.StopDeploymentRequest(name=deployment.name, request_id=str(uuid.uuid4())), metadata=md
    )
    assert (
        await wait_done(stub, md, stopping.operation.name)
    ).deployment.state == res.DEPLOYMENT_STATE_STOPPED
    states = {i["State"]["Name"] for i in await tagged_instances(aws, "us-east-1", deployment.name)}
    assert states <= {"stopping", "stopped"}
    starting = await stub.StartDeployment(
        vpb.StartDeploymentRequest(name=deployment.name, request_id=str(uuid.uuid4())), metadata=md
    )
    assert (
        await wait_done(stub, md, starting.operation.name)
    ).deployment.state == res.DEPLOYMENT_STATE_RUNNING
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await stub.StartDeployment(
            vpb.StartDeploymentRequest(name=deployment.name, request_id=str(uuid.uuid4())), metadata=md
        )
    assert caught.value.code() == grpc.StatusCode.FAILED_PRECONDITION
    assert error_details(caught.value).reason == "DEPLOYMENT_STATE_INVALID"

    deleting = await stub.DeleteDeployment(
        vpb.DeleteDeploymentRequest(name=deployment.name, request_id=str(uuid.uuid4())), metadata=md
    )
    await wait_done(stub, md, deleting.operation.name)
    gone = (await stub.GetDeployment(vpb.GetDeploymentRequest(name=deployment.name), metadata=md)).deployment
    assert gone.state == res.DEPLOYMENT_STATE_DELETED
    assert not gone.resources
    states = {i["State"]["Name"] for i in await tagged_instances(aws, "us-east-1", deployment.name)}
    assert states <= {"shutting-down", "terminated"}
    assert (await audit_actions(stub, md, deployment.name)).count("terminate_instance") == 2
    operations = (await stub.ListOperations(vpb.ListOperationsRequest(parent=ORG), metadata=md)).operations
    assert operations[0].name == deleting.operation.name  # newest first


async def test_capacity_refusal_fails_over_to_the_next_plan(
    server: RunningServer,
    channel: grpc.aio.Channel,
    aws: MotoKeys,
    setup: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """moto never runs out of capacity: us-east-1 is made to refuse the second instance as EC2
    does (InsufficientInstanceCapacity); the first one is torn down and plan 2 is made."""
    real = AwsAdapter.run_instance
    calls = {"us-east-1": 0}

    async def refusing(self: AwsAdapter, instance_type: str, image_id: str, tags: Any, zone: str = "") -> str:
        if self._region == "us-east-1":
            calls["us-east-1"] += 1
            if calls["us-east-1"] == 2:
                raise CapacityExhausted("aws", "InsufficientInstanceCapacity")
        return await real(self, instance_type, image_id, tags, zone)

    monkeypatch.setattr(AwsAdapter, "run_instance", refusing)
    stub = vpb_grpc.ProvisioningServiceStub(channel)
    md = auth(server, org=ORG)
    done = await wait_done(stub, md, (await create(stub, md, setup)).name)
    assert not done.HasField("error"), done.error
    deployment = done.deployment
    assert deployment.plan_rank == 2
    assert sorted(r.region for r in deployment.resources) == ["ap-northeast-1", "us-east-1"]
    made = await tagged_instances(aws, "us-east-1", deployment.name) + await tagged_instances(
        aws, "ap-northeast-1", deployment.name
    )
    gone = [i for i in made if i["State"]["Name"] in {"shutting-down", "terminated"}]
    live = [i for i in made if i not in gone]
    assert len(gone) == 1  # plan 1's first instance, torn down
    assert {i["InstanceId"] for i in live} == {r.resource_id for r in deployment.resources}
    actions = await audit_actions(stub, md, deployment.name)
    assert actions.index("failover") < actions.index("terminate_instance") < actions.index("created")

    # Refused everywhere: the operation fails with the plans it tried, the deployment FAILED.
    async def never(self: AwsAdapter, instance_type: str, image_id: str, tags: Any, zone: str = "") -> str:
        raise CapacityExhausted("aws", "InstanceLimitExceeded")

    monkeypatch.setattr(AwsAdapter, "run_instance", never)
    failed = await wait_done(stub, md, (await create(stub, md, setup)).name)
    assert failed.error.reason == "CAPACITY_EXHAUSTED"
    assert failed.error.code == grpc.StatusCode.FAILED_PRECONDITION.value[0]
    assert failed.error.metadata["plans_tried"] == "1,2"
    target = failed.metadata.target
    assert (
        await stub.GetDeployment(vpb.GetDeploymentRequest(name=target), metadata=md)
    ).deployment.state == (res.DEPLOYMENT_STATE_FAILED)


async def test_ttl_tears_the_deployment_down(
    server: RunningServer, channel: grpc.aio.Channel, aws: MotoKeys, setup: dict[str, str]
) -> None:
    stub = vpb_grpc.ProvisioningServiceStub(channel)
    md = auth(server, org=ORG)
    done = await wait_done(
        stub, md, (await create(stub, md, setup, expire_time=datetime.now(UTC) + timedelta(seconds=2))).name
    )
    name = done.deployment.name
    for _ in range(150):
        deployment = (await stub.GetDeployment(vpb.GetDeploymentRequest(name=name), metadata=md)).deployment
        if deployment.state == res.DEPLOYMENT_STATE_DELETED:
            break
        await asyncio.sleep(0.1)
    else:
        pytest.fail("the TTL never tore the deployment down")
    actions = await audit_actions(stub, md, name)
    assert "ttl_teardown" in actions
    entries = (
        await stub.ListAuditEntries(vpb.ListAuditEntriesRequest(parent=name), metadata=md)
    ).audit_entries
    assert next(e for e in entries if e.action == "ttl_teardown").actor == "system"
    states = {i["State"]["Name"] for i in await tagged_instances(aws, "us-east-1", name)}
    assert states <= {"shutting-down", "terminated"}


class CrashAfterRun(ProvisioningStore):
    """Dies (as a killed process would) right after the provider made the first instance,
    before the broker recorded it."""

    async def record_resource(self, *args: Any, **kwargs: Any) -> None:
        raise asyncio.CancelledError


def broker(
    server: RunningServer,
    wrapper: KeyWrapper,
    store: ProvisioningStore,
    kind: type[Provisioning] = Provisioning,
) -> Provisioning:
    """A second broker on the test server's database, beside the server's own (another replica)."""
    runtime = server.runtime
    offerings = OfferingStore(runtime.database)
    return kind(
        store,
        Accounts(AccountStore(runtime.database), wrapper, runtime.page_tokens, RequestIds()),
        Placements(PlacementStore(runtime.database), offerings, runtime.page_tokens),
        offerings,
        runtime.page_tokens,
        RequestIds(),
        lease_s=30.0,  # long enough that no runner takes it up before a test lapses it
        ttl_interval_s=60,
    )


async def create_directly(provisioning: Provisioning, setup: dict[str, str]) -> Operation:
    return await provisioning.create_deployment(
        caller_of(ORG),
        ORG,
        setup["placement"],
        [setup["account"]],
        {"providers/aws": IMAGE},
        [],
        None,
        str(uuid.uuid4()),
    )


async def test_resumes_after_a_crash_without_making_anything_twice(
    server: RunningServer, channel: grpc.aio.Channel, aws: MotoKeys, setup: dict[str, str]
) -> None:
    runtime = server.runtime
    keys = open_key_wrapper(server.settings)
    principal = caller_of(ORG)
    crashing = broker(server, keys, CrashAfterRun(runtime.database))
    operation = await create_directly(crashing, setup)
    await crashing.idle()
    interrupted = await crashing.get_operation(principal, f"{ORG}/operations/{operation.id}")
    assert not interrupted.done
    deployment_name = interrupted.target
    assert len(await tagged_instances(aws, "us-east-1", deployment_name)) == 1  # made, not recorded

    # The dead runner's lease ends (ended here, rather than waited for: a short lease could lapse
    # during a slow provider call on a busy host, and a second runner would then start early).
    await ProvisioningStore(runtime.database).release(ORG, operation.id)
    # A fresh runner takes it up (or the server's own sweep does, whichever leases it first).
    restarted = broker(server, keys, ProvisioningStore(runtime.database))
    await restarted.resume()
    await restarted.idle()
    for _ in range(300):
        finished = await restarted.get_operation(principal, f"{ORG}/operations/{operation.id}")
        if finished.done:
            break
        await asyncio.sleep(0.1)
    assert finished.done
    assert finished.error is None
    instances = await tagged_instances(aws, "us-east-1", deployment_name)
    assert len(instances) == 2  # the first one found again by its tags, one more made
    stub = vpb_grpc.ProvisioningServiceStub(channel)
    actions = await audit_actions(stub, auth(server, org=ORG), deployment_name)
    assert actions.count("found_instance") == 1
    assert actions.count("run_instance") == 1
    await keys.aclose()


class NotRunning(Provisioning):
    """Takes requests but runs nothing, as a replica would between its commit and its runner."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.spawned: list[tuple[uuid.UUID, bool]] = []

    def _spawn(self, owner: str, operation_id: uuid.UUID, leased: bool = False) -> None:
        self.spawned.append((operation_id, leased))


async def test_a_new_operation_is_leased_to_the_replica_that_took_it(
    server: RunningServer, setup: dict[str, str]
) -> None:
    """Another replica's sweep must not start an operation its creator is about to run: the
    operation is inserted holding its creator's lease."""
    keys = open_key_wrapper(server.settings)
    store = ProvisioningStore(server.runtime.database)
    creator = broker(server, keys, store, NotRunning)
    assert isinstance(creator, NotRunning)
    operation = await create_directly(creator, setup)
    try:
        assert creator.spawned == [(operation.id, True)]
        assert operation.id not in {i for _, i in await store.pending_operations(DEPLOYMENT_KINDS)}
        assert not await store.take_lease(ORG, operation.id, 30.0)  # what another replica's sweep tries
    finally:
        # Nothing ran it: fail it so that no sweep of the test server makes its instances.
        await store.set_deployment(ORG, uuid.UUID(operation.target.rsplit("/", 1)[1]), DeploymentState.FAILED)
        error = {"code": 10, "reason": "TEST", "domain": "test", "message": "not run", "metadata": {}}
        await store.finish(ORG, operation.id, error)
        await keys.aclose()


async def test_a_runner_whose_lease_was_taken_up_does_not_fail_the_holders_deployment(
    server: RunningServer, setup: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A provider refusal that reaches a runner after another replica took its operation up
    (its lease lapsed while it waited) must not mark FAILED the deployment the holder is still
    making, nor audit a failure, nor end the operation: it raises LeaseLost, writing nothing."""
    keys = open_key_wrapper(server.settings)
    stale = broker(server, keys, ProvisioningStore(server.runtime.database), NotRunning)
    operation = await create_directly(stale, setup)
    deployment_id = uuid.UUID(operation.target.rsplit("/", 1)[1])
    holder = ProvisioningStore(server.runtime.database)
    try:
        await server.runtime.database.execute(
            "UPDATE cloud.operations SET lease_until = now() - interval '1 second'"
            " WHERE owner = $1 AND id = $2",
            ORG,
            operation.id,
        )
        assert await holder.take_lease(ORG, operation.id, 30.0)

        async def refused(*_: Any) -> None:
            raise FailedPrecondition("CAPACITY_EXHAUSTED", "no plan left", domain="test")

        monkeypatch.setattr(stale, "_create", refused)
        with pytest.raises(LeaseLost):
            await stale._run(ORG, operation.id)
        deployment = await holder.get_deployment(ORG, deployment_id)
        assert deployment is not None
        assert deployment.state is DeploymentState.CREATING
        assert "failed" not in [e.action for e in await holder.list_audit(ORG, operation.target, 0, 100)]
        assert not await server.runtime.database.fetchval(
            "SELECT done FROM cloud.operations WHERE owner = $1 AND id = $2", ORG, operation.id
        )
    finally:
        # The holder ends it (nothing was made): no sweep of the test server makes its instances.
        error = {"code": 10, "reason": "TEST", "domain": "test", "message": "not run", "metadata": {}}
        await holder.fail(ORG, operation.id, error, failed_deployment=deployment_id)
        await keys.aclose()


async def test_a_deployment_is_changed_by_one_operation_at_a_time(
    server: RunningServer, channel: grpc.aio.Channel, setup: dict[str, str]
) -> None:
    """A delete (or a TTL teardown) asked while a stop is still running would run beside it,
    each setting the state it ends in, the last one winning: a deleted deployment could show
    STOPPED. The second change is refused (the TTL sweep leaves it for a later round)."""
    stub = vpb_grpc.ProvisioningServiceStub(channel)
    md = auth(server, org=ORG)
    made = await wait_done(stub, md, (await create(stub, md, setup)).name)
    assert not made.HasField("error"), made.error
    name = made.deployment.name
    keys = open_key_wrapper(server.settings)
    store = ProvisioningStore(server.runtime.database)
    replica = broker(server, keys, store, NotRunning)  # takes the stop, runs nothing: it stays unfinished
    stopping = await replica.change_deployment(
        caller_of(ORG), name, OperationKind.STOP_DEPLOYMENT, str(uuid.uuid4())
    )
    deployment_id = uuid.UUID(name.rsplit("/", 1)[1])
    try:
        with pytest.raises(FailedPrecondition) as refused:
            await replica.change_deployment(
                caller_of(ORG), name, OperationKind.DELETE_DEPLOYMENT, str(uuid.uuid4())
            )
        assert refused.value.reason == "DEPLOYMENT_BUSY"
        assert refused.value.metadata["operation"] == f"{ORG}/operations/{stopping.id}"
        await server.runtime.database.execute(
            "UPDATE cloud.deployments SET expire_time = now() - interval '1 minute'"
            " WHERE owner = $1 AND id = $2",
            ORG,
            deployment_id,
        )
        assert await replica.expire(datetime.now(UTC)) == 0
        assert (await store.get_deployment(ORG, deployment_id)).state is DeploymentState.RUNNING  # type: ignore[union-attr]
    finally:
        # Nothing ran the stop: end it, then let the server tear the deployment down.
        error = {"code": 10, "reason": "TEST", "domain": "test", "message": "not run", "metadata": {}}
        await store.finish(ORG, stopping.id, error)
        await keys.aclose()
    deleted = await stub.DeleteDeployment(
        vpb.DeleteDeploymentRequest(name=name, request_id=str(uuid.uuid4())), metadata=md
    )
    assert not (await wait_done(stub, md, deleted.operation.name)).HasField("error")


async def test_refusals(server: RunningServer, channel: grpc.aio.Channel, setup: dict[str, str]) -> None:
    stub = vpb_grpc.ProvisioningServiceStub(channel)
    other = auth(server, org="orgs/other")
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await create(stub, other, setup)
    assert caught.value.code() == grpc.StatusCode.PERMISSION_DENIED
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await stub.GetDeployment(
            vpb.GetDeploymentRequest(name=f"{ORG}/deployments/{uuid.uuid4()}"), metadata=auth(server, org=ORG)
        )
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND


async def test_a_refused_request_fails_the_deployment_and_tears_down_what_was_made(
    server: RunningServer,
    channel: grpc.aio.Channel,
    aws: MotoKeys,
    setup: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """EC2 refuses the second instance's request itself (InvalidAMIID.NotFound, as EC2 answers an
    image it does not know; moto accepts any image, so the answer is EC2's own error through
    botocore): no failover (another plan would not know the image either), the first instance is
    torn down, the operation fails with PROVIDER_REFUSED and the deployment is FAILED, never left
    CREATING."""
    real = AwsAdapter._call
    calls: dict[str, int] = {}  # run_instances calls per deployment (by its tag)

    async def refusing(self: AwsAdapter, service: str, operation: str, **kwargs: Any) -> Any:
        if operation == "run_instances":
            tags = {t["Key"]: t["Value"] for t in kwargs["TagSpecifications"][0]["Tags"]}
            deployment = tags["jipan:deployment"]
            calls[deployment] = calls.get(deployment, 0) + 1
            if calls[deployment] == 2:
                raise ClientError(
                    {
                        "Error": {
                            "Code": "InvalidAMIID.NotFound",
                            "Message": f"The image id '[{kwargs['ImageId']}]' does not exist",
                        },
                        "ResponseMetadata": {
                            "HTTPStatusCode": 400,
                            "HTTPHeaders": {},
                            "HostId": "",
                            "RequestId": "",
                            "RetryAttempts": 0,
                        },
                    },
                    "RunInstances",
                )
        return await real(self, service, operation, **kwargs)

    monkeypatch.setattr(AwsAdapter, "_call", refusing)
    stub = vpb_grpc.ProvisioningServiceStub(channel)
    md = auth(server, org=ORG)
    failed = await wait_done(stub, md, (await create(stub, md, setup)).name)
    assert failed.error.code == grpc.StatusCode.FAILED_PRECONDITION.value[0]
    assert failed.error.reason == "PROVIDER_REFUSED"
    assert failed.error.metadata["provider"] == "aws"
    assert failed.error.metadata["provider_code"] == "InvalidAMIID.NotFound"
    assert IMAGE in failed.error.message
    deployment = (
        await stub.GetDeployment(vpb.GetDeploymentRequest(name=failed.metadata.target), metadata=md)
    ).deployment
    assert deployment.state == res.DEPLOYMENT_STATE_FAILED
    assert deployment.plan_rank == 1
    made = await tagged_instances(aws, "us-east-1", deployment.name)
    assert len(made) == 1
    assert made[0]["State"]["Name"] in {"shutting-down", "terminated"}
    actions = await audit_actions(stub, md, deployment.name)
    assert "failover" not in actions
    assert actions.index("run_instance") < actions.index("terminate_instance") < actions.index("failed")


async def test_a_spread_group_is_made_in_the_zones_its_plan_names(
    server: RunningServer, channel: grpc.aio.Channel, aws: MotoKeys, setup: dict[str, str]
) -> None:
    """Three workloads of one spread group are planned into three zones of us-east-1: each EC2
    instance is pinned to its plan's zone (Placement.AvailabilityZone), moto reports it there,
    and the deployment records it. A workload outside any spread group is left to the provider
    (moto puts it in us-east-1a) and its zone is recorded as reported."""
    md = auth(server, org=ORG)
    placement = (
        await ppb_grpc.PlacementServiceStub(channel).PlanPlacement(
            ppb.PlanPlacementRequest(
                parent=ORG,
                placement=res.Placement(
                    workloads=[
                        *(
                            res.Workload(
                                id=f"web-{i}",
                                vcpu=2,
                                memory_gib=8,
                                spread_group="web",
                                allowed_regions=["us-east-1"],
                            )
                            for i in range(3)
                        ),
                        res.Workload(id="batch", vcpu=2, memory_gib=8, allowed_regions=["us-east-1"]),
                    ],
                ),
            ),
            metadata=md,
        )
    ).placement
    planned = {a.workload: a.zone for a in placement.plans[0].assignments}
    assert sorted(planned[f"web-{i}"] for i in range(3)) == ["us-east-1a", "us-east-1b", "us-east-1c"]
    stub = vpb_grpc.ProvisioningServiceStub(channel)
    done = await wait_done(stub, md, (await create(stub, md, {**setup, "placement": placement.name})).name)
    assert not done.HasField("error"), done.error
    recorded = {r.workload: (r.resource_id, r.zone) for r in done.deployment.resources}
    made = {
        i["InstanceId"]: i["Placement"]["AvailabilityZone"]
        for i in await tagged_instances(aws, "us-east-1", done.deployment.name)
    }
    for i in range(3):
        instance, zone = recorded[f"web-{i}"]
        assert zone == planned[f"web-{i}"]
        assert made[instance] == zone  # EC2 (moto) put it where the plan said
    instance, zone = recorded["batch"]
    assert zone == made[instance] == "us-east-1a"  # the provider's choice, recorded


async def test_a_zone_moto_cannot_pin_is_a_clear_unavailable(aws: MotoKeys) -> None:
    """moto 5.2.5 lists ap-east-2's zones but has no instance-type offerings for the region: a
    RunInstances pinned to ap-east-2b fails inside moto (KeyError, HTTP 500 with a body that is
    not EC2's XML). The adapter answers PROVIDER_UNAVAILABLE naming the zone, never a stack
    trace; unpinned, the same call works (moto picks ap-east-2a). When this test fails because
    moto has learnt the region, drop the note in README's "not exercised" list."""
    key, secret = aws.keys[0]
    adapter = AwsAdapter(
        AccountConnection(
            "aws", aws.endpoint, "ap-east-2", {"access_key_id": key, "secret_access_key": secret}
        )
    )
    tags = {"jipan:deployment": "orgs/x/deployments/zone-probe"}
    with pytest.raises(ProviderUnavailable) as caught:
        await adapter.run_instance("m5.large", IMAGE, tags, "ap-east-2b")
    assert caught.value.reason == "PROVIDER_UNAVAILABLE"
    assert "ap-east-2b" in (caught.value.metadata or {})["problem"]
    instance = await adapter.run_instance("m5.large", IMAGE, tags)
    placed = await adapter.describe_instance(instance)
    assert (placed.region, placed.zone) == ("ap-east-2", "ap-east-2a")
    await adapter.terminate_instance(instance)
