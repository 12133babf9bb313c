"""Personal data under identity consents, k-anonymity from the privacy service, push transfers.

One server runs system, identity, ledger, privacy and dataspace on a fresh
database; push transfers write to moto's S3 server. Consent tokens are minted
with the development key (what identity's IssueConsentToken puts in them) for
the refusal cases, and obtained from identity itself for revocation.
"""

from __future__ import annotations

import json
import time
import urllib.request
import uuid
from collections.abc import AsyncIterator, Iterator
from typing import Any

import aioboto3
import grpc
import jwt
import pytest
import pytest_asyncio
from moto.server import ThreadedMotoServer

from jipan.dataspace.v1 import catalog_service_pb2 as cpb
from jipan.dataspace.v1 import catalog_service_pb2_grpc as cpb_grpc
from jipan.dataspace.v1 import negotiation_service_pb2 as npb
from jipan.dataspace.v1 import negotiation_service_pb2_grpc as npb_grpc
from jipan.dataspace.v1 import resources_pb2 as res
from jipan.dataspace.v1 import transfer_service_pb2 as tpb
from jipan.dataspace.v1 import transfer_service_pb2_grpc as tpb_grpc
from jipan.identity.v1 import consent_service_pb2 as con_pb
from jipan.identity.v1 import consent_service_pb2_grpc as con_grpc
from jipan.identity.v1 import resources_pb2 as ires
from jipan.identity.v1 import token_service_pb2 as tok_pb
from jipan.identity.v1 import token_service_pb2_grpc as tok_grpc
from jipan.privacy.v1 import privacy_service_pb2 as ppb
from jipan.privacy.v1 import privacy_service_pb2_grpc as ppb_grpc
from jipan.privacy.v1 import resources_pb2 as pres
from jipan.servers import dataspace, identity, ledger, privacy, system
from tests.conftest import fresh_database
from tests.dataspace.test_dataspace import CONSUMER, CTX, PROVIDER, refused
from tests.mesh import RunningServer, make_settings, running_server, stream_unary
from tests.privacy.test_privacy import COLUMNS
from tests.test_identity import (
    ORIGIN,
    RP_ID,
    _in,
    _service_with_token,
    bearer,
    register,
    sign_in,
    unique,
)
from tests.webauthn_soft import SoftAuthenticator

SCOPES = ["dataspace.read", "dataspace.write"]
APP = "services/nchc-research"
PERSON_A = "people/" + "a" * 32
PERSON_B = "people/" + "b" * 32
BUCKET = "consumer-bucket"
FAKE_KEY = "testing"
# k = 2: classes (30, 10001, F) of 3 and (40, 10002, M) of 2.
PEOPLE_K2 = (
    b"id,age,zip,sex,disease,income,visit\n"
    b"1,30,10001,F,flu,100,2026-01-05\n"
    b"2,30,10001,F,cold,200,2026-01-06\n"
    b"3,30,10001,F,flu,300,2026-02-01\n"
    b"4,40,10002,M,cancer,400,2026-02-03\n"
    b"5,40,10002,M,cancer,500,2026-03-01\n"
)


def research_policy(**extra: Any) -> dict[str, Any]:
    permission: dict[str, Any] = {
        "uid": "research-use",
        "action": "use",
        "constraint": [{"leftOperand": "purpose", "operator": "eq", "rightOperand": "research"}],
    }
    permission["constraint"] += extra.get("constraints", [])
    return {"@context": CTX, "@type": "Offer", "uid": "urn:offer:p", "permission": [permission]}


@pytest.fixture(scope="module")
def s3_endpoint() -> Iterator[str]:
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    with urllib.request.urlopen(urllib.request.Request(f"{endpoint}/{BUCKET}", method="PUT"), timeout=10):
        pass
    yield endpoint
    server.stop()


@pytest_asyncio.fixture(scope="module")
async def server(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[RunningServer]:
    async with fresh_database(database_url, "jipan_dataspace_consent") as own:
        settings = make_settings(
            own,
            tmp_path_factory.mktemp("dataspace-consent"),
            JIPAN_LEDGER_BATCH_WINDOW_S="0.02",
            JIPAN_WEBAUTHN_RP_ID=RP_ID,
            JIPAN_WEBAUTHN_ORIGINS=ORIGIN,
            JIPAN_CONSENT_TOKEN_TTL_S="600",
            JIPAN_DATASPACE_PUSH_ALLOW_HTTP_LOOPBACK="true",
        )
        modules = [
            system.SERVICE,
            identity.build_module(),
            ledger.SERVICE,
            privacy.SERVICE,
            dataspace.SERVICE,
        ]
        async with running_server(settings, modules) as running:
            yield running


def auth(server: RunningServer, org: str, subject: str = "people/alice", scopes: list[str] = SCOPES) -> Any:
    return server.metadata(org=org, scopes=scopes, subject=subject)


def consent_token(
    server: RunningServer,
    *,
    person: str = PERSON_A,
    consent: str = "",
    client: str = APP,
    scopes: tuple[str, ...] = ("dataspace.read",),
    categories: tuple[str, ...] = ("health", "purpose:research"),
    expired: bool = False,
) -> str:
    """A token as identity's IssueConsentToken mints it, signed with the development key."""
    now = int(time.time())
    extra: dict[str, Any] = {"client_id": client, "categories": list(categories)}
    if expired:
        extra.update(iat=now - 600, nbf=now - 600, exp=now - 120)
    return server.dev_key.mint(
        subject=person,
        audience=server.settings.token_audience,
        issuer=server.settings.token_issuer,
        scopes=scopes,
        consent=consent or f"{person}/consents/{'c' * 32}",
        extra=extra,
    )


async def publish(
    channel: grpc.aio.Channel, server: RunningServer, policy: dict[str, Any], **fields: Any
) -> str:
    response = await cpb_grpc.CatalogServiceStub(channel).CreateDataset(
        cpb.CreateDatasetRequest(
            dataset_id=f"d-{uuid.uuid4().hex[:10]}",
            dataset=res.Dataset(
                title="健康紀錄",
                offers=[res.Offer(id="research", policy=json.dumps(policy))],
                distributions=[res.Distribution(id="csv", media_type="text/csv")],
                **fields,
            ),
        ),
        metadata=auth(server, PROVIDER),
    )
    name: str = response.dataset.name
    return name


async def upload(
    channel: grpc.aio.Channel, server: RunningServer, dataset: str, data: bytes, subject: str = ""
) -> res.Dataset:
    # Sent message by message (tests.mesh.stream_unary): a refusal of the header must reach the
    # test as the server's answer, never as grpc.aio's own failed send of a chunk.
    messages = [
        cpb.UploadDistributionRequest(
            header=cpb.UploadDistributionHeader(dataset=dataset, distribution_id="csv", data_subject=subject)
        ),
        *(cpb.UploadDistributionRequest(chunk=data[i : i + (1 << 20)]) for i in range(0, len(data), 1 << 20)),
    ]
    stub = cpb_grpc.CatalogServiceStub(channel)
    response = await stream_unary(lambda: stub.UploadDistribution(metadata=auth(server, PROVIDER)), messages)
    uploaded: res.Dataset = response.dataset
    return uploaded


async def agree(
    channel: grpc.aio.Channel, server: RunningServer, dataset: str, consumer: str = CONSUMER
) -> str:
    """A finalized agreement between PROVIDER and `consumer` for the dataset's offer."""
    return await agree_between(channel, dataset, auth(server, PROVIDER, "people/pat"), auth(server, consumer))


async def agree_between(channel: grpc.aio.Channel, dataset: str, provider: Any, consumer: Any) -> str:
    """A finalized agreement for the dataset's "research" offer, each side with its own metadata."""
    stub = npb_grpc.NegotiationServiceStub(channel)
    started = await stub.RequestContract(
        npb.RequestContractRequest(dataset=dataset, offer_id="research", request_id=str(uuid.uuid4())),
        metadata=consumer,
    )
    name = started.negotiation.name
    await stub.AgreeContract(npb.AgreeContractRequest(name=name), metadata=provider)
    await stub.VerifyAgreement(npb.VerifyAgreementRequest(name=name), metadata=consumer)
    done = await stub.FinalizeContract(npb.FinalizeContractRequest(name=name), metadata=provider)
    agreement: str = done.negotiation.agreement
    return agreement


async def download(
    channel: grpc.aio.Channel, metadata: Any, transfer: str, token: str, consent: str
) -> bytes:
    body = b""
    call = tpb_grpc.TransferServiceStub(channel).DownloadTransfer(
        tpb.DownloadTransferRequest(name=transfer, token=token, consent_token=consent), metadata=metadata
    )
    async for message in call:
        body += message.chunk
    return body


def transfer_request(agreement: str, purpose: str = "research", **fields: Any) -> tpb.RequestTransferRequest:
    return tpb.RequestTransferRequest(
        agreement=agreement, distribution_id="csv", purpose=purpose, request_id=str(uuid.uuid4()), **fields
    )


async def test_personal_data_only_under_a_consent_that_covers_the_use(
    server: RunningServer, channel: grpc.aio.Channel
) -> None:
    transfers = tpb_grpc.TransferServiceStub(channel)
    negotiations = npb_grpc.NegotiationServiceStub(channel)
    app = auth(server, CONSUMER, APP)
    dataset = await publish(
        channel, server, research_policy(), personal_data=True, personal_data_category="health"
    )
    # Personal data are uploaded per person, and not into the catalog entry.
    await refused(upload(channel, server, dataset, b"x"), grpc.StatusCode.INVALID_ARGUMENT, "UPLOAD_INVALID")
    await upload(channel, server, dataset, b"name,pressure\nA,120\n", PERSON_A)
    stored = await upload(channel, server, dataset, b"name,pressure\nB,135\n", PERSON_B)
    assert not stored.distributions[0].uploaded
    agreement = await agree(channel, server, dataset)

    await refused(
        transfers.RequestTransfer(transfer_request(agreement), metadata=app),
        grpc.StatusCode.PERMISSION_DENIED,
        "CONSENT_REQUIRED",
    )
    cases = [
        (consent_token(server, client="services/someone-else"), "research", "CONSENT_INVALID"),
        (consent_token(server, categories=("health", "purpose:statistics")), "research", "CONSENT_MISMATCH"),
        (consent_token(server, categories=("tax", "purpose:research")), "research", "CONSENT_MISMATCH"),
        (consent_token(server, scopes=("ledger.read",)), "research", "CONSENT_MISMATCH"),
        (consent_token(server), "statistics", "CONSENT_MISMATCH"),
        (consent_token(server, expired=True), "research", "CONSENT_EXPIRED"),
        (server.token(subject=PERSON_A, scopes=["dataspace.read"]), "research", "CONSENT_INVALID"),
    ]
    for token, purpose, reason in cases:
        details = await refused(
            transfers.RequestTransfer(
                transfer_request(agreement, purpose, consent_token=token), metadata=app
            ),
            grpc.StatusCode.PERMISSION_DENIED,
            reason,
        )
        assert details.domain == "dataspace.jipan.tw"

    granted = consent_token(server)
    started = (
        await transfers.RequestTransfer(transfer_request(agreement, consent_token=granted), metadata=app)
    ).transfer
    assert (started.data_subject, started.consent) == (PERSON_A, f"{PERSON_A}/consents/{'c' * 32}")
    assert started.access.token
    assert not started.access.url
    assert (
        started.access.expire_time.seconds <= jwt.decode(granted, options={"verify_signature": False})["exp"]
    )
    # Every download carries the consent again: none, another consent, then the right one.
    await refused(
        download(channel, app, started.name, started.access.token, ""),
        grpc.StatusCode.PERMISSION_DENIED,
        "CONSENT_REQUIRED",
    )
    other = consent_token(server, consent=f"{PERSON_A}/consents/{'d' * 32}")
    await refused(
        download(channel, app, started.name, started.access.token, other),
        grpc.StatusCode.PERMISSION_DENIED,
        "CONSENT_MISMATCH",
    )
    assert (
        await download(channel, app, started.name, started.access.token, granted) == b"name,pressure\nA,120\n"
    )
    # A person the provider holds no data of.
    await refused(
        transfers.RequestTransfer(
            transfer_request(agreement, consent_token=consent_token(server, person="people/" + "e" * 32)),
            metadata=app,
        ),
        grpc.StatusCode.FAILED_PRECONDITION,
        "DISTRIBUTION_NOT_UPLOADED",
    )
    # AuthorizeUse takes the same second credential.
    use = npb.AuthorizeUseRequest(agreement=agreement, action="read", purpose="research")
    await refused(
        negotiations.AuthorizeUse(
            npb.AuthorizeUseRequest(**_fields(use), request_id=str(uuid.uuid4())), metadata=app
        ),
        grpc.StatusCode.PERMISSION_DENIED,
        "CONSENT_REQUIRED",
    )
    decided = await negotiations.AuthorizeUse(
        npb.AuthorizeUseRequest(**_fields(use), consent_token=granted, request_id=str(uuid.uuid4())),
        metadata=app,
    )
    assert decided.decision.permitted
    # Every refusal for want of a consent is in the usage log, with its reason.
    negotiation = (
        await negotiations.GetAgreement(npb.GetAgreementRequest(name=agreement), metadata=app)
    ).agreement.negotiation
    log = await negotiations.ListUsageLog(
        npb.ListUsageLogRequest(parent=negotiation, page_size=500), metadata=app
    )
    refusals = [
        (entry.event, json.loads(entry.details)["refused"])
        for entry in log.entries
        if entry.event.endswith("Refused")
    ]
    assert refusals[0] == ("TransferRequestRefused", "CONSENT_REQUIRED")
    assert ("TransferRequestRefused", "CONSENT_EXPIRED") in refusals
    assert ("DownloadTransferRefused", "CONSENT_MISMATCH") in refusals
    assert refusals[-1] == ("AuthorizeUseRefused", "CONSENT_REQUIRED")
    # Pushes are not for personal data.
    await refused(
        transfers.RequestTransfer(
            transfer_request(
                agreement,
                consent_token=granted,
                push_destination=tpb.S3Destination(
                    endpoint_url="https://s3.example",
                    bucket=BUCKET,
                    key="k",
                    access_key_id="a",
                    secret_access_key="s",
                ),
            ),
            metadata=app,
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
        "NOT_PERSONAL_DATA",
    )


def _fields(message: Any) -> dict[str, Any]:
    return {field.name: value for field, value in message.ListFields()}


async def test_revoking_the_consent_ends_the_transfer(
    server: RunningServer, channel: grpc.aio.Channel
) -> None:
    transfers = tpb_grpc.TransferServiceStub(channel)
    app_name, app_token = await _service_with_token(server, channel, ["dataspace.read", "dataspace.write"])
    consumer = jwt.decode(app_token, options={"verify_signature": False})["org"]
    authenticator = SoftAuthenticator(ORIGIN)
    person = await register(channel, authenticator, unique("patient"))
    person_token = (await sign_in(channel, authenticator)).access_token

    dataset = await publish(
        channel, server, research_policy(), personal_data=True, personal_data_category="health"
    )
    await upload(channel, server, dataset, b"visit,2026-12-01\n", person.name)
    agreement = await agree(channel, server, dataset, consumer)

    consents = con_grpc.ConsentServiceStub(channel)
    granted = (
        await consents.CreateConsent(
            con_pb.CreateConsentRequest(
                parent=person.name,
                consent=ires.Consent(
                    client=app_name,
                    scopes=["dataspace.read"],
                    categories=["health", "purpose:research"],
                    expire_time=_in(3600),
                ),
            ),
            metadata=bearer(person_token),
        )
    ).consent
    issued = await tok_grpc.TokenServiceStub(channel).IssueConsentToken(
        tok_pb.IssueConsentTokenRequest(consent=granted.name), metadata=bearer(app_token)
    )
    started = (
        await transfers.RequestTransfer(
            transfer_request(agreement, consent_token=issued.access_token), metadata=bearer(app_token)
        )
    ).transfer
    assert started.consent == granted.name
    assert (
        await download(channel, bearer(app_token), started.name, started.access.token, issued.access_token)
        == b"visit,2026-12-01\n"
    )

    await consents.RevokeConsent(
        con_pb.RevokeConsentRequest(name=granted.name), metadata=bearer(person_token)
    )
    # The process that runs identity re-reads the feed before RevokeConsent returns.
    await refused(
        download(channel, bearer(app_token), started.name, started.access.token, issued.access_token),
        grpc.StatusCode.PERMISSION_DENIED,
        "CONSENT_REVOKED",
    )
    ended = (
        await transfers.GetTransfer(tpb.GetTransferRequest(name=started.name), metadata=bearer(app_token))
    ).transfer
    assert (ended.state, ended.termination_code) == (res.TRANSFER_STATE_TERMINATED, "CONSENT_REVOKED")
    negotiation = (
        await npb_grpc.NegotiationServiceStub(channel).GetAgreement(
            npb.GetAgreementRequest(name=agreement), metadata=bearer(app_token)
        )
    ).agreement.negotiation
    log = await npb_grpc.NegotiationServiceStub(channel).ListUsageLog(
        npb.ListUsageLogRequest(parent=negotiation, page_size=100), metadata=bearer(app_token)
    )
    last = json.loads(log.entries[-1].details)
    assert (log.entries[-1].event, last["code"]) == ("TransferTerminationMessage", "CONSENT_REVOKED")
    assert last["duty"].startswith(f"delete the data of {person.name}")
    # A new transfer under the revoked consent is refused too.
    await refused(
        transfers.RequestTransfer(
            transfer_request(agreement, consent_token=issued.access_token), metadata=bearer(app_token)
        ),
        grpc.StatusCode.PERMISSION_DENIED,
        "CONSENT_REVOKED",
    )


async def test_anonymised_k_is_the_privacy_services_assessment(
    server: RunningServer, channel: grpc.aio.Channel
) -> None:
    catalog = cpb_grpc.CatalogServiceStub(channel)
    negotiations = npb_grpc.NegotiationServiceStub(channel)
    both = auth(server, PROVIDER, scopes=[*SCOPES, "privacy.read", "privacy.write"])
    created = await ppb_grpc.PrivacyServiceStub(channel).CreateDataset(
        ppb.CreateDatasetRequest(
            dataset_id=f"p-{uuid.uuid4().hex[:10]}",
            dataset=pres.Dataset(columns=COLUMNS, total_epsilon=1.0),
            content=PEOPLE_K2,
        ),
        metadata=both,
    )
    privacy_dataset = created.dataset.name

    async def dataset_needing(k: int) -> tuple[str, str]:
        policy = {
            "@context": CTX,
            "permission": [
                {
                    "uid": "aggregate-anonymised",
                    "action": "aggregate",
                    "constraint": [
                        {"leftOperand": "jipan:anonymisedK", "operator": "gteq", "rightOperand": k}
                    ],
                }
            ],
        }
        name = await publish(channel, server, policy)
        await upload(channel, server, name, PEOPLE_K2)
        return name, await agree(channel, server, name)

    two, two_agreement = await dataset_needing(2)
    three, three_agreement = await dataset_needing(3)

    def use(agreement: str, distribution: str = "csv") -> npb.AuthorizeUseRequest:
        return npb.AuthorizeUseRequest(
            agreement=agreement,
            action="aggregate",
            distribution_id=distribution,
            request_id=str(uuid.uuid4()),
        )

    # Not assessed yet: k is 0, whatever anyone says.
    before = await negotiations.AuthorizeUse(use(two_agreement), metadata=auth(server, CONSUMER))
    assert (before.decision.permitted, before.decision.decision) == (False, "CONSTRAINT_UNSATISFIED")
    # The caller's token must be good for privacy too.
    await refused(
        catalog.AssessDistribution(
            cpb.AssessDistributionRequest(
                dataset=two, distribution_id="csv", privacy_dataset=privacy_dataset
            ),
            metadata=auth(server, PROVIDER),
        ),
        grpc.StatusCode.FAILED_PRECONDITION,
        "ASSESSMENT_REFUSED",
    )
    for name in (two, three):
        assessed = await catalog.AssessDistribution(
            cpb.AssessDistributionRequest(
                dataset=name, distribution_id="csv", privacy_dataset=privacy_dataset
            ),
            metadata=both,
        )
        distribution = assessed.dataset.distributions[0]
        assert (distribution.anonymised_k, distribution.privacy_dataset) == (2, privacy_dataset)
    permitted = await negotiations.AuthorizeUse(use(two_agreement), metadata=auth(server, CONSUMER))
    assert permitted.decision.permitted
    short = await negotiations.AuthorizeUse(use(three_agreement), metadata=auth(server, CONSUMER))
    assert (short.decision.permitted, short.decision.constraint) == (False, "jipan:anonymisedK gteq 3")
    # No distribution named: nothing assessed is read.
    assert not (
        await negotiations.AuthorizeUse(use(two_agreement, ""), metadata=auth(server, CONSUMER))
    ).decision.permitted
    # New data: the assessment no longer holds; another privacy dataset's data do not match.
    replaced = await upload(channel, server, two, PEOPLE_K2 + b"6,50,10003,F,flu,600,2026-03-09\n")
    assert replaced.distributions[0].anonymised_k == 0
    await refused(
        catalog.AssessDistribution(
            cpb.AssessDistributionRequest(
                dataset=two, distribution_id="csv", privacy_dataset=privacy_dataset
            ),
            metadata=both,
        ),
        grpc.StatusCode.FAILED_PRECONDITION,
        "ASSESSMENT_MISMATCH",
    )


async def test_push_writes_the_data_to_the_consumers_bucket(
    server: RunningServer, channel: grpc.aio.Channel, s3_endpoint: str
) -> None:
    transfers = tpb_grpc.TransferServiceStub(channel)
    consumer = auth(server, CONSUMER)
    data = bytes(range(256)) * 40_000  # 10 MB: a multipart write
    name = await publish(channel, server, research_policy())
    await upload(channel, server, name, data)
    agreement = await agree(channel, server, name)
    secret = f"secret-{uuid.uuid4().hex}"

    def destination(**changes: str) -> tpb.S3Destination:
        fields = {
            "endpoint_url": s3_endpoint,
            "bucket": BUCKET,
            "key": "incoming/fact-checks.csv",
            "access_key_id": FAKE_KEY,
            "secret_access_key": secret,
        }
        return tpb.S3Destination(**{**fields, **changes})

    await refused(
        transfers.RequestTransfer(
            transfer_request(agreement, push_destination=destination(endpoint_url="http://s3.example.org")),
            metadata=consumer,
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
        "PUSH_DESTINATION_INVALID",
    )
    await refused(
        transfers.RequestTransfer(
            transfer_request(agreement, consent_token=consent_token(server)), metadata=consumer
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
        "NOT_PERSONAL_DATA",
    )
    pushed = (
        await transfers.RequestTransfer(
            transfer_request(agreement, push_destination=destination()), metadata=consumer
        )
    ).transfer
    assert (pushed.state, pushed.format) == (res.TRANSFER_STATE_COMPLETED, "AmazonS3-PUSH")
    assert pushed.destination == f"s3://{BUCKET}/incoming/fact-checks.csv"
    assert not pushed.access.token
    session = aioboto3.Session(aws_access_key_id=FAKE_KEY, aws_secret_access_key=FAKE_KEY)
    async with session.client("s3", endpoint_url=s3_endpoint, region_name="us-east-1") as s3:
        body = await (await s3.get_object(Bucket=BUCKET, Key="incoming/fact-checks.csv"))["Body"].read()
    assert body == data

    # A bucket that is not there: the transfer ends PUSH_FAILED.
    failed = await refused(
        transfers.RequestTransfer(
            transfer_request(agreement, push_destination=destination(bucket="no-such-bucket")),
            metadata=consumer,
        ),
        grpc.StatusCode.FAILED_PRECONDITION,
        "PUSH_FAILED",
    )
    assert failed.metadata["s3_error"] == "NoSuchBucket"
    listed = await transfers.ListTransfers(tpb.ListTransfersRequest(agreement=agreement), metadata=consumer)
    assert [t.termination_code for t in listed.transfers][:2] == ["PUSH_FAILED", ""]
    # The credentials are in no log entry.
    negotiation = (
        await npb_grpc.NegotiationServiceStub(channel).GetAgreement(
            npb.GetAgreementRequest(name=agreement), metadata=consumer
        )
    ).agreement.negotiation
    log = await npb_grpc.NegotiationServiceStub(channel).ListUsageLog(
        npb.ListUsageLogRequest(parent=negotiation, page_size=100), metadata=consumer
    )
    events = [entry.event for entry in log.entries]
    assert "TransferCompletionMessage" in events
    assert all(secret not in entry.details for entry in log.entries)
    # A push is done at once: only termination applies.
    await refused(
        transfers.SuspendTransfer(tpb.SuspendTransferRequest(name=pushed.name), metadata=consumer),
        grpc.StatusCode.FAILED_PRECONDITION,
        "TRANSFER_STATE",
    )
