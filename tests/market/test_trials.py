"""Trials end to end through the real cloud broker on moto's EC2: publish a template (only the
project's publisher or a provider with an offer), start a trial (an EC2 instance with the trial's
expire_time as the broker's TTL), follow it to RUNNING with its endpoint, end it (the instance is
terminated), the budget cap and the hours limit, replay by request_id, tenant isolation."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aioboto3
import grpc
import pytest

from jipan.clients import error_details
from jipan.clients.service_tokens import ServiceTokens
from jipan.cloud.v1 import account_service_pb2 as apb
from jipan.cloud.v1 import account_service_pb2_grpc as apb_grpc
from jipan.cloud.v1 import catalog_service_pb2 as cpb
from jipan.cloud.v1 import catalog_service_pb2_grpc as cpb_grpc
from jipan.cloud.v1 import provisioning_service_pb2 as vpb
from jipan.cloud.v1 import provisioning_service_pb2_grpc as vpb_grpc
from jipan.cloud.v1 import resources_pb2 as cres
from jipan.common.v1 import money_pb2
from jipan.market.v1 import project_service_pb2 as ppb
from jipan.market.v1 import project_service_pb2_grpc as ppb_grpc
from jipan.market.v1 import provider_service_pb2 as prov_pb
from jipan.market.v1 import provider_service_pb2_grpc as prov_grpc
from jipan.market.v1 import resources_pb2 as mres
from jipan.market.v1 import trial_service_pb2 as tpb
from jipan.market.v1 import trial_service_pb2_grpc as tpb_grpc
from jipan.servers import cloud, ledger, market, procurement, system
from jipan.servers.market.names import DOMAIN
from jipan.servers.market.trials.broker import CloudBroker, Provisioned
from jipan.servers.runtime.errors import FailedPrecondition, Unavailable
from tests.cloud.conftest import REGION, MotoKeys, aws
from tests.cloud.test_accounts import keys
from tests.cloud.test_catalog import USD, excerpt
from tests.conftest import fresh_database
from tests.mesh import RunningServer, make_settings, running_server

__all__ = ["aws"]  # the session's moto server (tests/cloud/conftest.py), used here as a fixture

FIXTURES = Path(__file__).with_name("fixtures")
TRIAL_ORG = "orgs/market-trials-test"
IMAGE = "ami-03cf127a"  # one of the images moto serves in every region
SCOPES = ("market.read", "market.write", "procurement.read")
Metadata = tuple[tuple[str, str], ...]


@pytest.fixture(scope="module")
async def server(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[RunningServer]:
    async with fresh_database(database_url, "jipan_market_trials") as own:
        settings = make_settings(
            own,
            tmp_path_factory.mktemp("market-trials"),
            JIPAN_MARKET_TRIAL_ORG=TRIAL_ORG,
            JIPAN_CLOUD_TTL_SWEEP_S="0.2",
            JIPAN_MARKET_TRIAL_SWEEP_S="0.3",
        )
        modules = [system.SERVICE, ledger.SERVICE, procurement.SERVICE, cloud.SERVICE, market.SERVICE]
        async with running_server(settings, modules) as running:
            yield running


@pytest.fixture(scope="module")
async def channel(server: RunningServer) -> AsyncIterator[grpc.aio.Channel]:
    async with grpc.aio.insecure_channel(server.address) as opened:
        yield opened


def meta(server: RunningServer, org: str, roles: tuple[str, ...] = ("admin",)) -> Metadata:
    return server.metadata(subject=f"people/someone-at-{org}", scopes=SCOPES, org=f"orgs/{org}", roles=roles)


def operator(server: RunningServer) -> Metadata:
    """The marketplace operator running the trial organisation at the broker."""
    return server.metadata(subject="people/operator", scopes=["cloud.read", "cloud.write"], org=TRIAL_ORG)


async def expect(call: object, code: grpc.StatusCode, reason: str) -> grpc.aio.AioRpcError:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await call  # type: ignore[misc]
    assert caught.value.code() == code, caught.value.details()
    assert error_details(caught.value).reason == reason, error_details(caught.value)
    return caught.value


@pytest.fixture(scope="module")
async def world(server: RunningServer, channel: grpc.aio.Channel, aws: MotoKeys) -> dict[str, str]:
    """The trial organisation's AWS account (on moto) and catalog; a project and a vendor offering
    support for it."""
    await apb_grpc.AccountServiceStub(channel).CreateProviderAccount(
        apb.CreateProviderAccountRequest(
            account=cres.ProviderAccount(
                provider="providers/aws", endpoint=aws.endpoint, default_region=REGION
            ),
            account_id="aws",
            credentials=keys(aws.keys[0]),
            request_id=str(uuid.uuid4()),
        ),
        metadata=operator(server),
    )
    catalog = cpb_grpc.CatalogServiceStub(channel)
    await catalog.ImportOfferings(
        cpb.ImportOfferingsRequest(
            parent=TRIAL_ORG,
            format=cres.PRICE_LIST_FORMAT_AWS_OFFER_FILE,
            content=excerpt("aws_ec2_offer.json"),
            exchange_rates=[USD],
        ),
        metadata=operator(server),
    )
    offerings = (
        await catalog.ListOfferings(
            cpb.ListOfferingsRequest(parent=TRIAL_ORG, kind=cres.OFFERING_KIND_INSTANCE, page_size=1000),
            metadata=operator(server),
        )
    ).offerings
    size = next(o for o in offerings if o.type == "m5.large" and o.region == REGION)
    vendor = f"vendor-{uuid.uuid4().hex[:6]}"
    await ppb_grpc.ProjectServiceStub(channel).ImportProject(
        ppb.ImportProjectRequest(
            format=mres.METADATA_FORMAT_PYPI_JSON, metadata=(FIXTURES / "pypi-idna.json").read_bytes()
        ),
        metadata=meta(server, vendor),
    )
    providers = prov_grpc.ProviderServiceStub(channel)
    provider = await providers.CreateProvider(
        prov_pb.CreateProviderRequest(provider=mres.Provider(display_name="Vendor", regions=["TW"])),
        metadata=meta(server, vendor),
    )
    await providers.CreateOffer(
        prov_pb.CreateOfferRequest(
            parent=provider.provider.name,
            offer=mres.Offer(project="projects/pypi-idna", kind=mres.OFFER_KIND_HOSTING),
        ),
        metadata=meta(server, vendor),
    )
    return {"vendor": vendor, "offering": size.name, "hourly_twd": size.unit_price_twd}


def template(offering: str, max_hours: int = 8, cap_minor: int = 100_000) -> mres.TrialTemplate:
    return mres.TrialTemplate(
        offering=offering,
        image=IMAGE,
        ports=[8080, 443],
        max_hours=max_hours,
        budget_cap=money_pb2.Money(currency_code="TWD", amount_minor=cap_minor),
    )


async def instances(aws: MotoKeys, deployment: str) -> list[dict[str, Any]]:
    session = aioboto3.Session(aws_access_key_id=aws.keys[0][0], aws_secret_access_key=aws.keys[0][1])
    async with session.client("ec2", endpoint_url=aws.endpoint, region_name=REGION) as ec2:
        found = await ec2.describe_instances(
            Filters=[{"Name": "tag:jipan:deployment", "Values": [deployment]}]
        )
    return [i for r in found["Reservations"] for i in r["Instances"]]


async def until(
    stub: tpb_grpc.TrialServiceAsyncStub, md: Metadata, name: str, states: set[int]
) -> mres.Trial:
    for _ in range(300):
        trial = (await stub.GetTrial(tpb.GetTrialRequest(name=name), metadata=md)).trial
        if trial.state in states:
            return trial
        await asyncio.sleep(0.1)
    pytest.fail(f"trial {name} never reached {states}: {trial}")


async def test_templates_only_from_publishers_and_providers(
    server: RunningServer, channel: grpc.aio.Channel, world: dict[str, str]
) -> None:
    stub: tpb_grpc.TrialServiceAsyncStub = tpb_grpc.TrialServiceStub(channel)
    stranger = f"stranger-{uuid.uuid4().hex[:6]}"
    request = tpb.CreateTrialTemplateRequest(
        parent="projects/pypi-idna", trial_template=template(world["offering"])
    )
    await expect(
        stub.CreateTrialTemplate(request, metadata=meta(server, stranger)),
        grpc.StatusCode.PERMISSION_DENIED,
        "ORGANIZATION_MISMATCH",
    )
    foreign = tpb.CreateTrialTemplateRequest(
        parent="projects/pypi-idna", trial_template=template("orgs/elsewhere/offerings/x")
    )
    await expect(
        stub.CreateTrialTemplate(foreign, metadata=meta(server, world["vendor"])),
        grpc.StatusCode.INVALID_ARGUMENT,
        "FIELD_INVALID",
    )
    missing = tpb.CreateTrialTemplateRequest(
        parent="projects/pypi-idna", trial_template=template(f"{TRIAL_ORG}/offerings/no-such-size")
    )
    await expect(
        stub.CreateTrialTemplate(missing, metadata=meta(server, world["vendor"])),
        grpc.StatusCode.INVALID_ARGUMENT,
        "FIELD_INVALID",
    )
    # A cap below one hour of the machine can never run.
    tiny = tpb.CreateTrialTemplateRequest(
        parent="projects/pypi-idna", trial_template=template(world["offering"], cap_minor=1)
    )
    await expect(
        stub.CreateTrialTemplate(tiny, metadata=meta(server, world["vendor"])),
        grpc.StatusCode.FAILED_PRECONDITION,
        "TRIAL_LIMIT_EXCEEDED",
    )
    created = (await stub.CreateTrialTemplate(request, metadata=meta(server, world["vendor"]))).trial_template
    assert created.name.startswith("projects/pypi-idna/trialTemplates/")
    assert created.publisher == f"orgs/{world['vendor']}"
    assert list(created.ports) == [8080, 443]
    listed = await stub.ListTrialTemplates(
        tpb.ListTrialTemplatesRequest(parent="projects/pypi-idna"), metadata=meta(server, stranger)
    )
    assert created.name in [t.name for t in listed.trial_templates]


async def test_start_follow_and_end_a_trial(
    server: RunningServer, channel: grpc.aio.Channel, aws: MotoKeys, world: dict[str, str]
) -> None:
    stub: tpb_grpc.TrialServiceAsyncStub = tpb_grpc.TrialServiceStub(channel)
    published = (
        await stub.CreateTrialTemplate(
            tpb.CreateTrialTemplateRequest(
                parent="projects/pypi-idna", trial_template=template(world["offering"])
            ),
            metadata=meta(server, world["vendor"]),
        )
    ).trial_template
    agency = f"agency-{uuid.uuid4().hex[:6]}"
    md = meta(server, agency, roles=("member",))
    start = tpb.StartTrialRequest(
        trial=mres.Trial(template=published.name, hours=3), request_id=str(uuid.uuid4())
    )
    started = (await stub.StartTrial(start, metadata=md)).trial
    assert started.name.startswith(f"orgs/{agency}/trials/")
    assert started.state == mres.TRIAL_STATE_PROVISIONING
    assert started.cloud_resource.startswith(f"{TRIAL_ORG}/deployments/")
    hourly_minor = round(float(world["hourly_twd"]) * 100 + 0.4999)
    assert started.estimated_cost.currency_code == "TWD"
    assert started.estimated_cost.amount_minor <= 3 * hourly_minor + 1
    assert started.estimated_cost.amount_minor >= 3 * float(world["hourly_twd"]) * 100
    hours = (started.expire_time.ToDatetime() - started.create_time.ToDatetime()).total_seconds() / 3600
    assert 2.99 < hours < 3.01
    # A replay is the same trial, never a second machine.
    assert (await stub.StartTrial(start, metadata=md)).trial.name == started.name

    # The broker holds the deployment with the trial's expiry as its TTL.
    deployment = (
        await vpb_grpc.ProvisioningServiceStub(channel).GetDeployment(
            vpb.GetDeploymentRequest(name=started.cloud_resource), metadata=operator(server)
        )
    ).deployment
    assert deployment.expire_time.ToDatetime() == started.expire_time.ToDatetime()

    running = await until(stub, md, started.name, {mres.TRIAL_STATE_RUNNING, mres.TRIAL_STATE_FAILED})
    assert running.state == mres.TRIAL_STATE_RUNNING, running.problem
    machines = await instances(aws, started.cloud_resource)
    assert [m["InstanceType"] for m in machines] == ["m5.large"]
    assert running.endpoint == (
        f"providers/aws/regions/{REGION}/instances/{machines[0]['InstanceId']}:8080,443"
    )

    # Another organisation sees nothing of it.
    other = meta(server, f"other-{uuid.uuid4().hex[:6]}")
    await expect(
        stub.GetTrial(tpb.GetTrialRequest(name=started.name), metadata=other),
        grpc.StatusCode.NOT_FOUND,
        "TRIAL_NOT_FOUND",
    )
    await expect(
        stub.EndTrial(tpb.EndTrialRequest(name=started.name), metadata=other),
        grpc.StatusCode.NOT_FOUND,
        "TRIAL_NOT_FOUND",
    )
    await expect(
        stub.ListTrials(tpb.ListTrialsRequest(parent=f"orgs/{agency}"), metadata=other),
        grpc.StatusCode.PERMISSION_DENIED,
        "ORGANIZATION_MISMATCH",
    )
    listed = await stub.ListTrials(tpb.ListTrialsRequest(parent=f"orgs/{agency}"), metadata=md)
    assert [t.name for t in listed.trials] == [started.name]

    ending = (await stub.EndTrial(tpb.EndTrialRequest(name=started.name), metadata=md)).trial
    assert ending.state in (mres.TRIAL_STATE_ENDING, mres.TRIAL_STATE_ENDED)
    ended = await until(stub, md, started.name, {mres.TRIAL_STATE_ENDED, mres.TRIAL_STATE_FAILED})
    assert ended.state == mres.TRIAL_STATE_ENDED, ended.problem
    assert ended.endpoint == ""
    assert {m["State"]["Name"] for m in await instances(aws, started.cloud_resource)} <= {
        "shutting-down",
        "terminated",
    }
    # Ending it again is harmless.
    again = (await stub.EndTrial(tpb.EndTrialRequest(name=started.name), metadata=md)).trial
    assert again.state == mres.TRIAL_STATE_ENDED


async def test_teardown_by_the_broker_shows_as_ended(
    server: RunningServer, channel: grpc.aio.Channel, aws: MotoKeys, world: dict[str, str]
) -> None:
    """What the broker's TTL sweep does at expire_time (tests/cloud/test_provisioning.py proves the
    sweep itself): the deployment is deleted behind market's back, and the trial follows."""
    stub: tpb_grpc.TrialServiceAsyncStub = tpb_grpc.TrialServiceStub(channel)
    published = (
        await stub.CreateTrialTemplate(
            tpb.CreateTrialTemplateRequest(
                parent="projects/pypi-idna", trial_template=template(world["offering"])
            ),
            metadata=meta(server, world["vendor"]),
        )
    ).trial_template
    md = meta(server, f"agency-{uuid.uuid4().hex[:6]}", roles=("member",))
    started = (
        await stub.StartTrial(
            tpb.StartTrialRequest(
                trial=mres.Trial(template=published.name, hours=1), request_id=str(uuid.uuid4())
            ),
            metadata=md,
        )
    ).trial
    await until(stub, md, started.name, {mres.TRIAL_STATE_RUNNING})
    await vpb_grpc.ProvisioningServiceStub(channel).DeleteDeployment(
        vpb.DeleteDeploymentRequest(name=started.cloud_resource, request_id=str(uuid.uuid4())),
        metadata=operator(server),
    )
    ended = await until(stub, md, started.name, {mres.TRIAL_STATE_ENDED})
    assert ended.endpoint == ""


async def test_an_end_the_broker_refused_is_taken_up_without_a_read(
    server: RunningServer, channel: grpc.aio.Channel, aws: MotoKeys, world: dict[str, str]
) -> None:
    """EndTrial while the broker is still creating: the broker refuses the teardown then, and
    market's follow-up asks again until it is taken, though nobody reads the trial."""
    stub: tpb_grpc.TrialServiceAsyncStub = tpb_grpc.TrialServiceStub(channel)
    published = (
        await stub.CreateTrialTemplate(
            tpb.CreateTrialTemplateRequest(
                parent="projects/pypi-idna", trial_template=template(world["offering"])
            ),
            metadata=meta(server, world["vendor"]),
        )
    ).trial_template
    md = meta(server, f"agency-{uuid.uuid4().hex[:6]}", roles=("member",))
    started = (
        await stub.StartTrial(
            tpb.StartTrialRequest(
                trial=mres.Trial(template=published.name, hours=1), request_id=str(uuid.uuid4())
            ),
            metadata=md,
        )
    ).trial
    ending = (await stub.EndTrial(tpb.EndTrialRequest(name=started.name), metadata=md)).trial
    assert ending.state in (mres.TRIAL_STATE_ENDING, mres.TRIAL_STATE_ENDED)
    deployments = vpb_grpc.ProvisioningServiceStub(channel)
    actions = [
        e.action
        for e in (
            await deployments.ListAuditEntries(
                vpb.ListAuditEntriesRequest(parent=started.cloud_resource, page_size=1000),
                metadata=operator(server),
            )
        ).audit_entries
    ]
    if "created" not in actions:  # as it always was when this was written: the broker refused
        assert not [a for a in actions if a.startswith("delete")], actions
    for _ in range(300):
        deployment = (
            await deployments.GetDeployment(
                vpb.GetDeploymentRequest(name=started.cloud_resource), metadata=operator(server)
            )
        ).deployment
        if deployment.state == cres.DEPLOYMENT_STATE_DELETED:
            break
        await asyncio.sleep(0.1)
    assert deployment.state == cres.DEPLOYMENT_STATE_DELETED
    assert {m["State"]["Name"] for m in await instances(aws, started.cloud_resource)} <= {
        "shutting-down",
        "terminated",
    }
    ended = (await stub.GetTrial(tpb.GetTrialRequest(name=started.name), metadata=md)).trial
    assert ended.state == mres.TRIAL_STATE_ENDED


async def publish(stub: tpb_grpc.TrialServiceAsyncStub, server: RunningServer, world: dict[str, str]) -> str:
    return (
        await stub.CreateTrialTemplate(
            tpb.CreateTrialTemplateRequest(
                parent="projects/pypi-idna", trial_template=template(world["offering"])
            ),
            metadata=meta(server, world["vendor"]),
        )
    ).trial_template.name


async def deleted_at_the_broker(channel: grpc.aio.Channel, server: RunningServer, name: str) -> bool:
    deployments = vpb_grpc.ProvisioningServiceStub(channel)
    for _ in range(300):
        deployment = (
            await deployments.GetDeployment(vpb.GetDeploymentRequest(name=name), metadata=operator(server))
        ).deployment
        if deployment.state == cres.DEPLOYMENT_STATE_DELETED:
            return True
        await asyncio.sleep(0.1)
    return False


def intercept_provision(monkeypatch: pytest.MonkeyPatch, after_first: Any) -> list[Provisioned]:
    """Every CreateDeployment the trials make goes through; `after_first(request_id, made)` runs
    once the first has been answered, before its caller sees the answer."""
    original = CloudBroker.provision
    made: list[Provisioned] = []

    async def provision(self: CloudBroker, *args: Any, **kwargs: Any) -> Provisioned:
        answer = await original(self, *args, **kwargs)
        made.append(answer)
        if len(made) == 1:
            await after_first(kwargs.get("request_id", args[3]), answer)
        return answer

    monkeypatch.setattr(CloudBroker, "provision", provision)
    return made


async def test_a_retry_after_a_lost_answer_gets_the_first_deployment(
    server: RunningServer,
    channel: grpc.aio.Channel,
    world: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The broker created the deployment but StartTrial never heard: the next read (or the
    follow-up loop) asks again with the same request id and the same placement, and gets the
    deployment that exists, not a refusal of the reused request id (which failed the trial and
    left the machine running unrecorded)."""
    stub: tpb_grpc.TrialServiceAsyncStub = tpb_grpc.TrialServiceStub(channel)
    published = await publish(stub, server, world)
    md = meta(server, f"agency-{uuid.uuid4().hex[:6]}", roles=("member",))

    async def lose_the_answer(request_id: str, made: Provisioned) -> None:
        raise Unavailable("CLOUD_UNAVAILABLE", "the answer was lost", domain=DOMAIN)

    made = intercept_provision(monkeypatch, lose_the_answer)
    await expect(
        stub.StartTrial(
            tpb.StartTrialRequest(
                trial=mres.Trial(template=published, hours=1), request_id=str(uuid.uuid4())
            ),
            metadata=md,
        ),
        grpc.StatusCode.UNAVAILABLE,
        "CLOUD_UNAVAILABLE",
    )
    assert len(made) == 1
    (lost,) = (await stub.ListTrials(tpb.ListTrialsRequest(parent=md_org(md)), metadata=md)).trials
    if not lost.cloud_resource:  # the follow-up loop had not taken it up yet: a read does
        lost = (await stub.GetTrial(tpb.GetTrialRequest(name=lost.name), metadata=md)).trial
    assert lost.state != mres.TRIAL_STATE_FAILED, lost.problem
    assert lost.cloud_resource == made[0].deployment
    assert {m.deployment for m in made} == {made[0].deployment}
    await stub.EndTrial(tpb.EndTrialRequest(name=lost.name), metadata=md)
    assert await deleted_at_the_broker(channel, server, made[0].deployment)


async def test_an_end_while_provisioning_tears_the_new_deployment_down(
    server: RunningServer,
    channel: grpc.aio.Channel,
    world: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """EndTrial lands after the broker created the machine and before StartTrial recorded it: the
    deployment is still found and torn down, not left running (billed) until its expiry."""
    stub: tpb_grpc.TrialServiceAsyncStub = tpb_grpc.TrialServiceStub(channel)
    published = await publish(stub, server, world)
    agency = f"agency-{uuid.uuid4().hex[:6]}"
    md = meta(server, agency, roles=("member",))
    ended: list[mres.Trial] = []

    async def end_meanwhile(request_id: str, made: Provisioned) -> None:
        name = f"orgs/{agency}/trials/{request_id}"
        ended.append((await stub.EndTrial(tpb.EndTrialRequest(name=name), metadata=md)).trial)

    made = intercept_provision(monkeypatch, end_meanwhile)
    started = (
        await stub.StartTrial(
            tpb.StartTrialRequest(
                trial=mres.Trial(template=published, hours=1), request_id=str(uuid.uuid4())
            ),
            metadata=md,
        )
    ).trial
    assert len(ended) == 1
    assert made[0].deployment
    assert await deleted_at_the_broker(channel, server, made[0].deployment)
    final = await until(stub, md, started.name, {mres.TRIAL_STATE_ENDED, mres.TRIAL_STATE_FAILED})
    assert final.state == mres.TRIAL_STATE_ENDED, final.problem


async def test_hours_and_budget_cap(
    server: RunningServer, channel: grpc.aio.Channel, world: dict[str, str]
) -> None:
    stub: tpb_grpc.TrialServiceAsyncStub = tpb_grpc.TrialServiceStub(channel)
    hourly_minor = int(float(world["hourly_twd"]) * 100) + 1
    # The cap covers two hours of the machine, the template allows ten.
    published = (
        await stub.CreateTrialTemplate(
            tpb.CreateTrialTemplateRequest(
                parent="projects/pypi-idna",
                trial_template=template(world["offering"], max_hours=10, cap_minor=2 * hourly_minor + 1),
            ),
            metadata=meta(server, world["vendor"]),
        )
    ).trial_template
    md = meta(server, f"agency-{uuid.uuid4().hex[:6]}", roles=("member",))

    def start(hours: int) -> tpb.StartTrialRequest:
        return tpb.StartTrialRequest(
            trial=mres.Trial(template=published.name, hours=hours), request_id=str(uuid.uuid4())
        )

    over_hours = await expect(
        stub.StartTrial(start(11), metadata=md), grpc.StatusCode.FAILED_PRECONDITION, "TRIAL_LIMIT_EXCEEDED"
    )
    assert error_details(over_hours).metadata["limit"] == "10"
    over_budget = await expect(
        stub.StartTrial(start(3), metadata=md), grpc.StatusCode.FAILED_PRECONDITION, "TRIAL_LIMIT_EXCEEDED"
    )
    assert error_details(over_budget).metadata["kind"] == "budget"
    assert error_details(over_budget).metadata["max_hours"] == "2"
    await expect(
        stub.StartTrial(
            tpb.StartTrialRequest(
                trial=mres.Trial(template="projects/pypi-idna/trialTemplates/" + str(uuid.uuid4()), hours=1),
                request_id=str(uuid.uuid4()),
            ),
            metadata=md,
        ),
        grpc.StatusCode.NOT_FOUND,
        "TRIAL_NOT_FOUND",
    )
    # Nothing was provisioned for the refused starts.
    listed = await stub.ListTrials(tpb.ListTrialsRequest(parent=md_org(md)), metadata=md)
    assert list(listed.trials) == []
    fits = (await stub.StartTrial(start(2), metadata=md)).trial
    assert fits.estimated_cost.amount_minor <= 2 * hourly_minor + 1
    await stub.EndTrial(tpb.EndTrialRequest(name=fits.name), metadata=md)


def md_org(md: Metadata) -> str:
    """The organisation of a `meta(...)` token (its subject names it)."""
    import base64
    import json

    payload = md[0][1].split(" ", 1)[1].split(".")[1]
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    return str(claims["org"])


async def test_without_a_broker_trials_say_so() -> None:
    """A market with no cloud broker to call (no target, cloud not served here or TLS on) refuses
    templates and trials FAILED_PRECONDITION TRIALS_NOT_CONFIGURED, and nothing else of it breaks."""

    async def no_token() -> str:
        return "unused"

    broker = CloudBroker(None, organization=TRIAL_ORG, ca_file=None, token_source=ServiceTokens(no_token))
    with pytest.raises(FailedPrecondition) as caught:
        await broker.machine_size(f"{TRIAL_ORG}/offerings/m5-large", "trial_template.offering")
    assert caught.value.reason == "TRIALS_NOT_CONFIGURED"
    assert caught.value.metadata == {"organization": TRIAL_ORG}
    await broker.aclose()
