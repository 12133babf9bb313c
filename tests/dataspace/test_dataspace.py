"""The data space end to end: one server (system + ledger + dataspace) on a fresh database.

Provider orgs/moda publishes; consumer orgs/nchc negotiates and uses; orgs/eve
is a third organisation that must see nothing of their negotiation.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg
import grpc
import pytest
import pytest_asyncio
from google.protobuf.field_mask_pb2 import FieldMask

from jipan.clients import error_details
from jipan.dataspace.v1 import catalog_service_pb2 as cpb
from jipan.dataspace.v1 import catalog_service_pb2_grpc as cpb_grpc
from jipan.dataspace.v1 import negotiation_service_pb2 as npb
from jipan.dataspace.v1 import negotiation_service_pb2_grpc as npb_grpc
from jipan.dataspace.v1 import resources_pb2 as res
from jipan.dataspace.v1 import transfer_service_pb2 as tpb
from jipan.dataspace.v1 import transfer_service_pb2_grpc as tpb_grpc
from jipan.servers import dataspace, ledger, system
from jipan.servers.dataspace.negotiation.types import LogEntry
from jipan.servers.dataspace.negotiation.usage_log import check_chain
from tests.conftest import fresh_database
from tests.mesh import RunningServer, make_settings, running_server, stream_unary

SCOPES = ["dataspace.read", "dataspace.write"]
PROVIDER, CONSUMER, OTHER = "orgs/moda", "orgs/nchc", "orgs/eve"
CTX = "http://www.w3.org/ns/odrl.jsonld"

OPEN_RESEARCH = {
    "@context": CTX,
    "@type": "Offer",
    "uid": "urn:offer:research",
    "permission": [
        {
            "uid": "research-use",
            "action": "use",
            "constraint": [
                {
                    "leftOperand": "purpose",
                    "operator": "isAnyOf",
                    "rightOperand": ["research", "fact-checking"],
                },
                {"leftOperand": "count", "operator": "lteq", "rightOperand": 2},
            ],
            "duty": [{"action": "attribute"}],
        }
    ],
    "prohibition": [{"uid": "no-distribution", "action": "distribute"}],
}


@pytest_asyncio.fixture(scope="module")
async def server(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[RunningServer]:
    async with fresh_database(database_url, "jipan_dataspace") as own:
        settings = make_settings(
            own, tmp_path_factory.mktemp("dataspace"), JIPAN_LEDGER_BATCH_WINDOW_S="0.02"
        )
        async with running_server(settings, [system.SERVICE, ledger.SERVICE, dataspace.SERVICE]) as running:
            running.dsn = own  # type: ignore[attr-defined]
            yield running


@pytest.fixture
def catalog(channel: grpc.aio.Channel) -> cpb_grpc.CatalogServiceAsyncStub:
    return cpb_grpc.CatalogServiceStub(channel)


@pytest.fixture
def negotiations(channel: grpc.aio.Channel) -> npb_grpc.NegotiationServiceAsyncStub:
    return npb_grpc.NegotiationServiceStub(channel)


def auth(server: RunningServer, org: str, subject: str = "people/alice") -> tuple[tuple[str, str], ...]:
    return server.metadata(org=org, scopes=SCOPES, subject=subject)


async def refused(call: Any, code: grpc.StatusCode, reason: str) -> Any:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await call
    details = error_details(caught.value)
    assert caught.value.code() == code, (caught.value.code(), details)
    assert details.reason == reason, details
    return details


async def publish(
    server: RunningServer, catalog: Any, policy: dict[str, Any] = OPEN_RESEARCH, **fields: Any
) -> res.Dataset:
    fields.setdefault("title", "事實查核報告資料集")
    fields.setdefault("title_en", "Fact-check reports")
    fields.setdefault("keywords", ["查核", "misinformation"])
    fields.setdefault("themes", ["GOVE"])
    response = await catalog.CreateDataset(
        cpb.CreateDatasetRequest(
            dataset_id=f"d-{uuid.uuid4().hex[:10]}",
            dataset=res.Dataset(
                offers=[res.Offer(id="research", policy=json.dumps(policy))],
                distributions=[res.Distribution(id="csv", media_type="text/csv", byte_size=1024)],
                spatial="TW",
                license="CC-BY-4.0",
                update_frequency=res.UPDATE_FREQUENCY_MONTHLY,
                **fields,
            ),
        ),
        metadata=auth(server, PROVIDER),
    )
    dataset: res.Dataset = response.dataset
    return dataset


async def request_contract(server: RunningServer, negotiations: Any, dataset: str) -> str:
    """The consumer asks for the dataset's research offer; the new negotiation's name."""
    started = await negotiations.RequestContract(
        npb.RequestContractRequest(dataset=dataset, offer_id="research", request_id=str(uuid.uuid4())),
        metadata=auth(server, CONSUMER),
    )
    name: str = started.negotiation.name
    return name


async def finalize(server: RunningServer, negotiations: Any, name: str) -> res.Negotiation:
    """A requested negotiation taken through AGREED and VERIFIED to FINALIZED."""
    provider, consumer = auth(server, PROVIDER, "people/pat"), auth(server, CONSUMER)
    await negotiations.AgreeContract(npb.AgreeContractRequest(name=name), metadata=provider)
    await negotiations.VerifyAgreement(npb.VerifyAgreementRequest(name=name), metadata=consumer)
    done = await negotiations.FinalizeContract(npb.FinalizeContractRequest(name=name), metadata=provider)
    negotiation: res.Negotiation = done.negotiation
    return negotiation


async def negotiate_to_finalized(server: RunningServer, catalog: Any, negotiations: Any) -> res.Negotiation:
    dataset = await publish(server, catalog)
    return await finalize(server, negotiations, await request_contract(server, negotiations, dataset.name))


async def test_publish_get_search_and_export(server: RunningServer, catalog: Any) -> None:
    dataset = await publish(server, catalog, description="每月更新的查核報告")
    assert dataset.publisher == PROVIDER
    assert dataset.name.startswith(f"{PROVIDER}/datasets/")
    assert len(dataset.offers[0].policy_sha256) == 32
    assert dataset.etag
    # Any member reads the catalog.
    got = await catalog.GetDataset(cpb.GetDatasetRequest(name=dataset.name), metadata=auth(server, OTHER))
    assert dataset.creator == "people/alice"
    assert got.dataset.creator == ""  # who created it is the publisher's business
    got.dataset.creator = dataset.creator
    assert got.dataset == dataset
    found = await catalog.ListDatasets(
        cpb.ListDatasetsRequest(query="查核 MISINFORMATION", publisher=PROVIDER), metadata=auth(server, OTHER)
    )
    assert dataset.name in [d.name for d in found.datasets]
    # Chinese is matched on its bigrams wherever they stand, English on whole words.
    for query in ("查核報告", "每月更新", "fact-check REPORTS"):
        hits = await catalog.ListDatasets(
            cpb.ListDatasetsRequest(query=query, publisher=PROVIDER, page_size=500),
            metadata=auth(server, OTHER),
        )
        assert dataset.name in [d.name for d in hits.datasets], query
    partial = await catalog.ListDatasets(
        cpb.ListDatasetsRequest(query="report", publisher=PROVIDER, page_size=500),
        metadata=auth(server, OTHER),
    )
    assert dataset.name not in [d.name for d in partial.datasets]
    none = await catalog.ListDatasets(
        cpb.ListDatasetsRequest(query="查核 天氣"), metadata=auth(server, OTHER)
    )
    assert dataset.name not in [d.name for d in none.datasets]
    by_theme = await catalog.ListDatasets(cpb.ListDatasetsRequest(theme="HEAL"), metadata=auth(server, OTHER))
    assert dataset.name not in [d.name for d in by_theme.datasets]
    exported = await catalog.ExportCatalog(
        cpb.ExportCatalogRequest(publisher=PROVIDER), metadata=auth(server, OTHER)
    )
    document = json.loads(exported.json_ld)
    assert document["@type"] == "dcat:Catalog"
    node = next(d for d in document["dcat:dataset"] if d["dct:identifier"] == dataset.name)
    assert node["@type"] == "dcat:Dataset"
    assert {"@value": "事實查核報告資料集", "@language": "zh-TW"} in node["dct:title"]
    assert node["dct:license"]["@id"] == "https://spdx.org/licenses/CC-BY-4.0"
    assert node["dct:accrualPeriodicity"]["@id"].endswith("/frequency/MONTHLY")
    assert (
        node["odrl:hasPolicy"][0]["spdx:checksum"]["spdx:checksumValue"]
        == dataset.offers[0].policy_sha256.hex()
    )


async def test_list_pages_newest_first(server: RunningServer, catalog: Any) -> None:
    keyword = f"page-{uuid.uuid4().hex[:8]}"
    made = [(await publish(server, catalog, keywords=[keyword])).name for _ in range(5)]
    seen: list[str] = []
    token = ""
    while True:
        page = await catalog.ListDatasets(
            cpb.ListDatasetsRequest(keyword=keyword, page_size=2, page_token=token),
            metadata=auth(server, OTHER),
        )
        seen += [d.name for d in page.datasets]
        token = page.next_page_token
        if not token:
            break
    assert seen == list(reversed(made))


async def test_update_with_mask_and_etag(server: RunningServer, catalog: Any) -> None:
    dataset = await publish(server, catalog)
    changed = await catalog.UpdateDataset(
        cpb.UpdateDatasetRequest(
            dataset=res.Dataset(name=dataset.name, title="新標題", description="ignored"),
            update_mask=FieldMask(paths=["title"]),
            etag=dataset.etag,
        ),
        metadata=auth(server, PROVIDER),
    )
    assert changed.dataset.title == "新標題"
    assert changed.dataset.description == dataset.description
    assert changed.dataset.etag != dataset.etag
    await refused(
        catalog.UpdateDataset(
            cpb.UpdateDatasetRequest(
                dataset=res.Dataset(name=dataset.name, title="again"),
                update_mask=FieldMask(paths=["title"]),
                etag=dataset.etag,
            ),
            metadata=auth(server, PROVIDER),
        ),
        grpc.StatusCode.ABORTED,
        "ETAG_MISMATCH",
    )
    await refused(
        catalog.UpdateDataset(
            cpb.UpdateDatasetRequest(
                dataset=res.Dataset(name=dataset.name, title="x"), update_mask=FieldMask(paths=["title"])
            ),
            metadata=auth(server, OTHER),
        ),
        grpc.StatusCode.PERMISSION_DENIED,
        "ORGANIZATION_MISMATCH",
    )


async def test_bad_policies_and_fields_are_refused(server: RunningServer, catalog: Any) -> None:
    bad = {
        "@context": CTX,
        "permission": [
            {"action": "use", "constraint": [{"leftOperand": "mood", "operator": "eq", "rightOperand": "x"}]}
        ],
    }
    details = await refused(
        publish(server, catalog, policy=bad), grpc.StatusCode.INVALID_ARGUMENT, "POLICY_INVALID"
    )
    assert details.metadata["path"] == "permission[0].constraint[0].leftOperand"
    await refused(
        publish(server, catalog, themes=["NOPE"]), grpc.StatusCode.INVALID_ARGUMENT, "FIELD_INVALID"
    )
    checked = await catalog.ValidatePolicy(
        cpb.ValidatePolicyRequest(policy=json.dumps(OPEN_RESEARCH)), metadata=auth(server, OTHER)
    )
    assert list(checked.permissions) == ["research-use"]
    assert list(checked.prohibitions) == ["no-distribution"]


async def test_full_negotiation_use_and_anchored_log(
    server: RunningServer, catalog: Any, negotiations: Any
) -> None:
    negotiation = await negotiate_to_finalized(server, catalog, negotiations)
    assert negotiation.state == res.NEGOTIATION_STATE_FINALIZED
    assert negotiation.agreement
    consumer = auth(server, CONSUMER)
    agreement = (
        await negotiations.GetAgreement(
            npb.GetAgreementRequest(name=negotiation.agreement), metadata=consumer
        )
    ).agreement
    assert agreement.active
    assert agreement.provider == PROVIDER
    assert agreement.consumer == CONSUMER
    assert json.loads(agreement.policy)["@type"] == "Agreement"
    assert agreement.ledger_receipt

    def ask(purpose: str = "research", action: str = "read", request_id: str | None = None) -> Any:
        return negotiations.AuthorizeUse(
            npb.AuthorizeUseRequest(
                agreement=agreement.name,
                action=action,
                purpose=purpose,
                request_id=request_id or str(uuid.uuid4()),
            ),
            metadata=consumer,
        )

    first_id = str(uuid.uuid4())
    first = (await ask(request_id=first_id)).decision
    assert first.permitted
    assert first.rule == "research-use"
    assert list(first.obligations) == ["attribute"]
    assert first.use_count == 1
    again = (await ask(request_id=first_id)).decision  # a retry counts nothing more
    assert again == first
    wrong_purpose = (await ask(purpose="commercial")).decision
    assert not wrong_purpose.permitted
    assert wrong_purpose.decision == "CONSTRAINT_UNSATISFIED"
    assert wrong_purpose.constraint.startswith("purpose isAnyOf")
    prohibited = (await ask(action="distribute")).decision
    assert not prohibited.permitted
    assert prohibited.rule == "no-distribution"
    second = (await ask()).decision
    assert second.permitted
    assert second.use_count == 2
    exhausted = (await ask()).decision
    assert not exhausted.permitted
    assert exhausted.constraint == "count lteq 2"
    # Only the consumer asks; a stranger does not even see the agreement.
    await refused(
        negotiations.AuthorizeUse(
            npb.AuthorizeUseRequest(agreement=agreement.name, action="read", request_id=str(uuid.uuid4())),
            metadata=auth(server, PROVIDER),
        ),
        grpc.StatusCode.PERMISSION_DENIED,
        "ORGANIZATION_MISMATCH",
    )
    await refused(
        negotiations.GetAgreement(npb.GetAgreementRequest(name=agreement.name), metadata=auth(server, OTHER)),
        grpc.StatusCode.NOT_FOUND,
        "AGREEMENT_NOT_FOUND",
    )
    entries = (
        await negotiations.ListUsageLog(npb.ListUsageLogRequest(parent=negotiation.name), metadata=consumer)
    ).entries
    assert [e.event for e in entries] == [
        "RequestContract",
        "AgreeContract",
        "VerifyAgreement",
        "FinalizeContract",
        "AuthorizeUse",
        "AuthorizeUse",
        "AuthorizeUse",
        "AuthorizeUse",
        "AuthorizeUse",
    ]
    assert [e.actor_role for e in entries[:4]] == ["consumer", "provider", "consumer", "provider"]
    verified = await negotiations.VerifyUsageLog(
        npb.VerifyUsageLogRequest(parent=negotiation.name), metadata=consumer
    )
    assert verified.valid
    assert verified.entries == 9
    assert verified.anchored == 9


async def test_counter_offer_path(server: RunningServer, catalog: Any, negotiations: Any) -> None:
    dataset = await publish(server, catalog)
    consumer, provider = auth(server, CONSUMER), auth(server, PROVIDER)
    wider = {**OPEN_RESEARCH, "prohibition": []}
    started = await negotiations.RequestContract(
        npb.RequestContractRequest(
            dataset=dataset.name, offer_id="research", policy=json.dumps(wider), request_id=str(uuid.uuid4())
        ),
        metadata=consumer,
    )
    name = started.negotiation.name
    offered = await negotiations.OfferContract(
        npb.OfferContractRequest(name=name, policy=json.dumps(OPEN_RESEARCH)), metadata=provider
    )
    assert offered.negotiation.state == res.NEGOTIATION_STATE_OFFERED
    assert offered.negotiation.policy_sha256 == dataset.offers[0].policy_sha256
    # A retried offer is a no-op; the consumer counters, the provider offers again, the consumer accepts.
    retried = await negotiations.OfferContract(
        npb.OfferContractRequest(name=name, policy=json.dumps(OPEN_RESEARCH)), metadata=provider
    )
    assert retried.negotiation == offered.negotiation
    await negotiations.CounterRequest(
        npb.CounterRequestRequest(name=name, policy=json.dumps(wider)), metadata=consumer
    )
    await negotiations.OfferContract(
        npb.OfferContractRequest(name=name, policy=json.dumps(OPEN_RESEARCH)), metadata=provider
    )
    accepted = await negotiations.AcceptOffer(npb.AcceptOfferRequest(name=name), metadata=consumer)
    assert accepted.negotiation.state == res.NEGOTIATION_STATE_ACCEPTED
    agreed = await negotiations.AgreeContract(npb.AgreeContractRequest(name=name), metadata=provider)
    assert agreed.negotiation.state == res.NEGOTIATION_STATE_AGREED
    agreement = await negotiations.GetAgreement(
        npb.GetAgreementRequest(name=agreed.negotiation.agreement), metadata=consumer
    )
    assert not agreement.agreement.active  # not before FINALIZED
    assert json.loads(agreement.agreement.policy)["prohibition"][0]["action"] == "distribute"
    await refused(
        negotiations.AuthorizeUse(
            npb.AuthorizeUseRequest(
                agreement=agreement.agreement.name, action="read", request_id=str(uuid.uuid4())
            ),
            metadata=consumer,
        ),
        grpc.StatusCode.FAILED_PRECONDITION,
        "AGREEMENT_NOT_ACTIVE",
    )


async def test_wrong_side_and_wrong_state_are_refused(
    server: RunningServer, catalog: Any, negotiations: Any
) -> None:
    dataset = await publish(server, catalog)
    consumer, provider = auth(server, CONSUMER), auth(server, PROVIDER)
    name = await request_contract(server, negotiations, dataset.name)
    details = await refused(
        negotiations.AgreeContract(npb.AgreeContractRequest(name=name), metadata=consumer),
        grpc.StatusCode.FAILED_PRECONDITION,
        "NEGOTIATION_STATE",
    )
    assert details.metadata["role"] == "consumer"
    assert details.metadata["state"] == "REQUESTED"
    await refused(
        negotiations.VerifyAgreement(npb.VerifyAgreementRequest(name=name), metadata=consumer),
        grpc.StatusCode.FAILED_PRECONDITION,
        "NEGOTIATION_STATE",
    )
    await refused(
        negotiations.GetNegotiation(npb.GetNegotiationRequest(name=name), metadata=auth(server, OTHER)),
        grpc.StatusCode.NOT_FOUND,
        "NEGOTIATION_NOT_FOUND",
    )
    await refused(
        negotiations.RequestContract(
            npb.RequestContractRequest(
                dataset=dataset.name, offer_id="research", request_id=str(uuid.uuid4())
            ),
            metadata=provider,
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
        "SELF_NEGOTIATION",
    )
    await refused(
        negotiations.RequestContract(
            npb.RequestContractRequest(dataset=dataset.name, offer_id="nope", request_id=str(uuid.uuid4())),
            metadata=consumer,
        ),
        grpc.StatusCode.NOT_FOUND,
        "OFFER_NOT_FOUND",
    )


@pytest.mark.parametrize("steps", [0, 1, 2, 3, 4])
async def test_termination_in_every_state(
    server: RunningServer, catalog: Any, negotiations: Any, steps: int
) -> None:
    """Terminate from REQUESTED, OFFERED, ACCEPTED, AGREED and VERIFIED; never from FINALIZED."""
    dataset = await publish(server, catalog)
    consumer, provider = auth(server, CONSUMER), auth(server, PROVIDER)
    name = await request_contract(server, negotiations, dataset.name)
    path: list[Callable[[], Awaitable[Any]]] = [
        lambda: negotiations.OfferContract(
            npb.OfferContractRequest(name=name, policy=json.dumps(OPEN_RESEARCH)), metadata=provider
        ),
        lambda: negotiations.AcceptOffer(npb.AcceptOfferRequest(name=name), metadata=consumer),
        lambda: negotiations.AgreeContract(npb.AgreeContractRequest(name=name), metadata=provider),
        lambda: negotiations.VerifyAgreement(npb.VerifyAgreementRequest(name=name), metadata=consumer),
    ]
    for step in path[:steps]:
        await step()
    who = provider if steps % 2 else consumer
    ended = await negotiations.TerminateNegotiation(
        npb.TerminateNegotiationRequest(name=name, code="NO_AGREEMENT", reason="changed our mind"),
        metadata=who,
    )
    assert ended.negotiation.state == res.NEGOTIATION_STATE_TERMINATED
    assert ended.negotiation.termination_code == "NO_AGREEMENT"
    again = await negotiations.TerminateNegotiation(
        npb.TerminateNegotiationRequest(name=name), metadata=consumer
    )
    assert again.negotiation == ended.negotiation
    await refused(
        negotiations.AcceptOffer(npb.AcceptOfferRequest(name=name), metadata=consumer),
        grpc.StatusCode.FAILED_PRECONDITION,
        "NEGOTIATION_STATE",
    )


async def test_finalized_cannot_be_terminated(server: RunningServer, catalog: Any, negotiations: Any) -> None:
    negotiation = await negotiate_to_finalized(server, catalog, negotiations)
    await refused(
        negotiations.TerminateNegotiation(
            npb.TerminateNegotiationRequest(name=negotiation.name), metadata=auth(server, CONSUMER)
        ),
        grpc.StatusCode.FAILED_PRECONDITION,
        "NEGOTIATION_STATE",
    )


async def test_a_tampered_usage_log_row_is_detected(
    server: RunningServer, catalog: Any, negotiations: Any
) -> None:
    negotiation = await negotiate_to_finalized(server, catalog, negotiations)
    consumer = auth(server, CONSUMER)
    entries = (
        await negotiations.ListUsageLog(npb.ListUsageLogRequest(parent=negotiation.name), metadata=consumer)
    ).entries
    # Offline: the chain recomputes from what ListUsageLog returned.
    offline = [
        LogEntry(
            negotiation=uuid.UUID(negotiation.name.split("/")[1]),
            sequence=e.sequence,
            event=e.event,
            actor_role=e.actor_role,
            actor=e.actor,
            details=e.details,
            sha256=e.sha256,
            ledger_receipt=e.ledger_receipt,
            create_time=e.create_time.ToDatetime().replace(tzinfo=__import__("datetime").UTC),
        )
        for e in entries
    ]
    assert check_chain(offline).valid
    conn = await asyncpg.connect(server.dsn)  # type: ignore[attr-defined]
    try:
        await conn.execute(
            "UPDATE dataspace.usage_log SET details = replace(details, 'AGREED', 'VERIFIED')"
            " WHERE negotiation = $1 AND sequence = 2",
            uuid.UUID(negotiation.name.split("/")[1]),
        )
    finally:
        await conn.close()
    verified = await negotiations.VerifyUsageLog(
        npb.VerifyUsageLogRequest(parent=negotiation.name), metadata=consumer
    )
    assert not verified.valid
    assert verified.first_invalid_sequence == 2


async def test_request_contract_is_idempotent(server: RunningServer, catalog: Any, negotiations: Any) -> None:
    dataset = await publish(server, catalog)
    request_id = str(uuid.uuid4())
    consumer = auth(server, CONSUMER)
    first = await negotiations.RequestContract(
        npb.RequestContractRequest(dataset=dataset.name, offer_id="research", request_id=request_id),
        metadata=consumer,
    )
    second = await negotiations.RequestContract(
        npb.RequestContractRequest(dataset=dataset.name, offer_id="research", request_id=request_id),
        metadata=consumer,
    )
    assert first.negotiation == second.negotiation
    listed = await negotiations.ListNegotiations(
        npb.ListNegotiationsRequest(role="consumer", state=res.NEGOTIATION_STATE_REQUESTED, page_size=500),
        metadata=consumer,
    )
    assert [n.name for n in listed.negotiations].count(first.negotiation.name) == 1
    theirs = await negotiations.ListNegotiations(npb.ListNegotiationsRequest(), metadata=auth(server, OTHER))
    assert first.negotiation.name not in [n.name for n in theirs.negotiations]


# --- transfers -------------------------------------------------------------------------------------


async def upload(
    server: RunningServer, catalog: Any, dataset: str, data: bytes, **header: Any
) -> res.Dataset:
    async def messages() -> AsyncIterator[cpb.UploadDistributionRequest]:
        yield cpb.UploadDistributionRequest(
            header=cpb.UploadDistributionHeader(dataset=dataset, distribution_id="csv", **header)
        )
        for start in range(0, len(data), 100_000):
            yield cpb.UploadDistributionRequest(chunk=data[start : start + 100_000])

    response = await catalog.UploadDistribution(messages(), metadata=auth(server, PROVIDER))
    uploaded: res.Dataset = response.dataset
    return uploaded


async def agreement_for(
    server: RunningServer, catalog: Any, negotiations: Any, policy: dict[str, Any], data: bytes
) -> tuple[res.Dataset, str]:
    dataset = await publish(server, catalog, policy=policy)
    dataset = await upload(server, catalog, dataset.name, data)
    done = await finalize(server, negotiations, await request_contract(server, negotiations, dataset.name))
    return dataset, done.agreement


async def download(transfers: Any, server: RunningServer, name: str, token: str) -> tuple[bytes, bytes]:
    body, digest = b"", b""
    async for message in transfers.DownloadTransfer(
        tpb.DownloadTransferRequest(name=name, token=token), metadata=auth(server, CONSUMER)
    ):
        body += message.chunk
        digest = message.sha256 or digest
    return body, digest


@pytest.fixture
def transfers(channel: grpc.aio.Channel) -> tpb_grpc.TransferServiceAsyncStub:
    return tpb_grpc.TransferServiceStub(channel)


async def test_upload_computes_size_and_checksum_and_refuses_a_wrong_one(
    server: RunningServer, catalog: Any
) -> None:
    dataset = await publish(server, catalog)
    data = "日期,標題\n2026-12-01,查核報告\n".encode() * 5000
    wrong = await refused(
        upload(server, catalog, dataset.name, data, expected_sha256=bytes(32)),
        grpc.StatusCode.INVALID_ARGUMENT,
        "UPLOAD_INVALID",
    )
    assert "expected_sha256" in wrong.metadata["problem"]
    unchanged = await catalog.GetDataset(
        cpb.GetDatasetRequest(name=dataset.name), metadata=auth(server, PROVIDER)
    )
    assert not unchanged.dataset.distributions[0].uploaded
    stored = await upload(server, catalog, dataset.name, data, expected_sha256=hashlib.sha256(data).digest())
    distribution = stored.distributions[0]
    assert distribution.uploaded
    assert distribution.byte_size == len(data)
    assert distribution.sha256 == hashlib.sha256(data).digest()
    # An update of the distributions keeps the uploaded data of the ones it keeps.
    kept = await catalog.UpdateDataset(
        cpb.UpdateDatasetRequest(
            dataset=res.Dataset(
                name=dataset.name,
                distributions=[res.Distribution(id="csv", media_type="text/csv", title="新")],
            ),
            update_mask=FieldMask(paths=["distributions"]),
        ),
        metadata=auth(server, PROVIDER),
    )
    assert kept.dataset.distributions[0].uploaded
    assert kept.dataset.distributions[0].sha256 == distribution.sha256
    await refused(
        _upload_as(server, catalog, dataset.name, OTHER),
        grpc.StatusCode.PERMISSION_DENIED,
        "ORGANIZATION_MISMATCH",
    )


async def _upload_as(server: RunningServer, catalog: Any, dataset: str, org: str) -> Any:
    """Refused on its header: sent message by message (tests.mesh.stream_unary), so that grpc.aio's
    own failed send of the chunk never stands in for the server's answer."""
    messages = [
        cpb.UploadDistributionRequest(
            header=cpb.UploadDistributionHeader(dataset=dataset, distribution_id="csv")
        ),
        cpb.UploadDistributionRequest(chunk=b"x"),
    ]
    return await stream_unary(lambda: catalog.UploadDistribution(metadata=auth(server, org)), messages)


async def test_pull_transfer_with_suspend_resume_and_complete(
    server: RunningServer, catalog: Any, negotiations: Any, transfers: Any
) -> None:
    data = os.urandom(3 * 1024 * 1024 + 17)
    _dataset, agreement = await agreement_for(server, catalog, negotiations, OPEN_RESEARCH, data)
    consumer, provider = auth(server, CONSUMER), auth(server, PROVIDER)
    started = (
        await transfers.RequestTransfer(
            tpb.RequestTransferRequest(
                agreement=agreement, distribution_id="csv", purpose="research", request_id=str(uuid.uuid4())
            ),
            metadata=consumer,
        )
    ).transfer
    assert started.state == res.TRANSFER_STATE_STARTED
    assert started.access.token
    assert started.access.url == ""  # the filesystem store has no presigned URLs
    assert started.byte_size == len(data)
    body, digest = await download(transfers, server, started.name, started.access.token)
    assert body == data
    assert digest == started.sha256 == hashlib.sha256(data).digest()
    # The provider sees the transfer, never its token; a stranger does not see it.
    seen = await transfers.GetTransfer(tpb.GetTransferRequest(name=started.name), metadata=provider)
    assert seen.transfer.state == res.TRANSFER_STATE_STARTED
    assert not seen.transfer.access.token
    await refused(
        transfers.GetTransfer(tpb.GetTransferRequest(name=started.name), metadata=auth(server, OTHER)),
        grpc.StatusCode.NOT_FOUND,
        "TRANSFER_NOT_FOUND",
    )
    await refused(
        download(transfers, server, started.name, "not-the-token"),
        grpc.StatusCode.PERMISSION_DENIED,
        "TRANSFER_TOKEN_INVALID",
    )
    suspended = await transfers.SuspendTransfer(
        tpb.SuspendTransferRequest(name=started.name), metadata=provider
    )
    assert suspended.transfer.state == res.TRANSFER_STATE_SUSPENDED
    await refused(
        download(transfers, server, started.name, started.access.token),
        grpc.StatusCode.FAILED_PRECONDITION,
        "TRANSFER_STATE",
    )
    resumed = await transfers.ResumeTransfer(
        tpb.ResumeTransferRequest(name=started.name, purpose="research"), metadata=consumer
    )
    assert resumed.transfer.state == res.TRANSFER_STATE_STARTED
    assert resumed.transfer.access.token != started.access.token
    await refused(  # the old token died with the suspension
        download(transfers, server, started.name, started.access.token),
        grpc.StatusCode.PERMISSION_DENIED,
        "TRANSFER_TOKEN_INVALID",
    )
    body, _ = await download(transfers, server, started.name, resumed.transfer.access.token)
    assert body == data
    await refused(
        transfers.CompleteTransfer(tpb.CompleteTransferRequest(name=started.name), metadata=provider),
        grpc.StatusCode.FAILED_PRECONDITION,
        "TRANSFER_STATE",
    )
    done = await transfers.CompleteTransfer(tpb.CompleteTransferRequest(name=started.name), metadata=consumer)
    assert done.transfer.state == res.TRANSFER_STATE_COMPLETED
    await refused(
        download(transfers, server, started.name, resumed.transfer.access.token),
        grpc.StatusCode.FAILED_PRECONDITION,
        "TRANSFER_STATE",
    )
    negotiation = (
        await negotiations.GetAgreement(npb.GetAgreementRequest(name=agreement), metadata=consumer)
    ).agreement.negotiation
    events = [
        e.event
        for e in (
            await negotiations.ListUsageLog(
                npb.ListUsageLogRequest(parent=negotiation, page_size=100), metadata=consumer
            )
        ).entries
    ]
    assert events[4:] == [
        "TransferRequestMessage",
        "TransferStartMessage",
        "DownloadTransfer",
        "SuspendTransfer",
        "ResumeTransfer",
        "DownloadTransfer",
        "CompleteTransfer",
    ]
    verified = await negotiations.VerifyUsageLog(
        npb.VerifyUsageLogRequest(parent=negotiation), metadata=consumer
    )
    assert verified.valid
    assert verified.anchored == verified.entries == 11
    listed = await transfers.ListTransfers(tpb.ListTransfersRequest(agreement=agreement), metadata=provider)
    assert [t.name for t in listed.transfers] == [started.name]


async def test_the_policy_is_enforced_at_request_and_at_each_download(
    server: RunningServer, catalog: Any, negotiations: Any, transfers: Any
) -> None:
    soon = (datetime.now(UTC) + timedelta(seconds=3)).isoformat()
    policy = {
        "@context": CTX,
        "permission": [
            {
                "uid": "until-soon",
                "action": "read",
                "constraint": [
                    {"leftOperand": "purpose", "operator": "eq", "rightOperand": "research"},
                    {"leftOperand": "dateTime", "operator": "lteq", "rightOperand": soon},
                ],
            }
        ],
    }
    _, agreement = await agreement_for(server, catalog, negotiations, policy, b"rows\n" * 100)
    consumer = auth(server, CONSUMER)
    details = await refused(
        transfers.RequestTransfer(
            tpb.RequestTransferRequest(
                agreement=agreement, distribution_id="csv", purpose="commercial", request_id=str(uuid.uuid4())
            ),
            metadata=consumer,
        ),
        grpc.StatusCode.PERMISSION_DENIED,
        "USE_NOT_PERMITTED",
    )
    assert details.metadata["rule"] == "until-soon"
    assert details.metadata["constraint"] == "purpose eq research"
    started = (
        await transfers.RequestTransfer(
            tpb.RequestTransferRequest(
                agreement=agreement, distribution_id="csv", purpose="research", request_id=str(uuid.uuid4())
            ),
            metadata=consumer,
        )
    ).transfer
    body, _ = await download(transfers, server, started.name, started.access.token)
    assert body == b"rows\n" * 100
    await asyncio.sleep(3.5)  # the permission's window closes
    expired = await refused(
        download(transfers, server, started.name, started.access.token),
        grpc.StatusCode.PERMISSION_DENIED,
        "USE_NOT_PERMITTED",
    )
    assert expired.metadata["constraint"].startswith("dateTime lteq")


async def test_an_overdue_deletion_duty_stops_transfers(
    server: RunningServer, catalog: Any, negotiations: Any, transfers: Any
) -> None:
    deadline = (datetime.now(UTC) + timedelta(seconds=2)).isoformat()
    policy = {
        "@context": CTX,
        "permission": [
            {
                "uid": "use-then-delete",
                "action": "use",
                "duty": [
                    {
                        "action": "delete",
                        "constraint": [
                            {"leftOperand": "dateTime", "operator": "lteq", "rightOperand": deadline}
                        ],
                    }
                ],
            }
        ],
    }
    _, agreement = await agreement_for(server, catalog, negotiations, policy, b"x" * 10)
    await asyncio.sleep(2.5)
    details = await refused(
        transfers.RequestTransfer(
            tpb.RequestTransferRequest(
                agreement=agreement, distribution_id="csv", request_id=str(uuid.uuid4())
            ),
            metadata=auth(server, CONSUMER),
        ),
        grpc.StatusCode.PERMISSION_DENIED,
        "USE_NOT_PERMITTED",
    )
    assert details.metadata["decision"] == "DUTY_OVERDUE"
    assert details.metadata["constraint"] == f"delete by {deadline}"


@pytest.mark.parametrize("suspend_first", [False, True])
async def test_a_transfer_terminates_from_started_or_suspended(
    server: RunningServer, catalog: Any, negotiations: Any, transfers: Any, suspend_first: bool
) -> None:
    _, agreement = await agreement_for(server, catalog, negotiations, OPEN_RESEARCH, b"data")
    consumer, provider = auth(server, CONSUMER), auth(server, PROVIDER)
    started = (
        await transfers.RequestTransfer(
            tpb.RequestTransferRequest(
                agreement=agreement, distribution_id="csv", purpose="research", request_id=str(uuid.uuid4())
            ),
            metadata=consumer,
        )
    ).transfer
    if suspend_first:
        await transfers.SuspendTransfer(tpb.SuspendTransferRequest(name=started.name), metadata=consumer)
    ended = await transfers.TerminateTransfer(
        tpb.TerminateTransferRequest(name=started.name, code="CONSENT_REVOKED"), metadata=provider
    )
    assert ended.transfer.state == res.TRANSFER_STATE_TERMINATED
    assert ended.transfer.termination_code == "CONSENT_REVOKED"
    await refused(
        transfers.ResumeTransfer(tpb.ResumeTransferRequest(name=started.name), metadata=consumer),
        grpc.StatusCode.FAILED_PRECONDITION,
        "TRANSFER_STATE",
    )
    await refused(
        download(transfers, server, started.name, started.access.token),
        grpc.StatusCode.FAILED_PRECONDITION,
        "TRANSFER_STATE",
    )
