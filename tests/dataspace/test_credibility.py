"""The credibility data space: factcheck's published fact-checks and source credibility records
as datasets, read over gRPC.

One server runs system, ledger, factcheck (with the test's hashed-bigram
embedder) and dataspace; dataspace reaches factcheck through its public
contract on the same port, as it would another server's.
"""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections.abc import AsyncIterator

import grpc
import pytest
import pytest_asyncio
from google.protobuf import field_mask_pb2

from jipan.dataspace.v1 import catalog_service_pb2 as cpb
from jipan.dataspace.v1 import catalog_service_pb2_grpc as cpb_grpc
from jipan.dataspace.v1 import negotiation_service_pb2 as npb
from jipan.dataspace.v1 import negotiation_service_pb2_grpc as npb_grpc
from jipan.dataspace.v1 import resources_pb2 as res
from jipan.dataspace.v1 import transfer_service_pb2 as tpb
from jipan.dataspace.v1 import transfer_service_pb2_grpc as tpb_grpc
from jipan.factcheck.v1 import factcheck_service_pb2 as fpb
from jipan.factcheck.v1 import factcheck_service_pb2_grpc as fpb_grpc
from jipan.factcheck.v1 import resources_pb2 as fres
from jipan.factcheck.v1 import source_service_pb2 as spb
from jipan.factcheck.v1 import source_service_pb2_grpc as spb_grpc
from jipan.servers import dataspace, factcheck, ledger, system
from jipan.servers.dataspace.catalog.credibility import FactCheckSource
from jipan.servers.runtime.errors import FailedPrecondition
from tests.conftest import fresh_database
from tests.dataspace.test_dataspace import CONSUMER, refused
from tests.factcheck.embedding import HashedBigrams
from tests.mesh import RunningServer, make_settings, running_server

FACTCHECKER = "orgs/tfc"
SCOPES = ["dataspace.read", "dataspace.write", "factcheck.read", "factcheck.write"]
ROLES = ["factcheck-editor", "factcheck-reviewer"]


@pytest_asyncio.fixture(scope="module")
async def server(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[RunningServer]:
    async with fresh_database(database_url, "jipan_dataspace_credibility") as own:
        settings = make_settings(
            own, tmp_path_factory.mktemp("credibility"), JIPAN_LEDGER_BATCH_WINDOW_S="0.02"
        )
        checks = factcheck.service_module(lambda settings, runtime: HashedBigrams())
        async with running_server(
            settings, [system.SERVICE, ledger.SERVICE, checks, dataspace.SERVICE]
        ) as running:
            yield running


def editor(server: RunningServer, org: str = FACTCHECKER) -> tuple[tuple[str, str], ...]:
    return server.metadata(org=org, scopes=SCOPES, roles=ROLES, subject="people/editor")


async def fact_check(channel: grpc.aio.Channel, server: RunningServer, claim: str, publish: bool) -> str:
    facts = fpb_grpc.FactCheckServiceStub(channel)
    draft = await facts.CreateFactCheck(
        fpb.CreateFactCheckRequest(
            parent=FACTCHECKER,
            fact_check=fres.FactCheck(
                claim=claim, verdict=fres.VERDICT_FALSE, language="zh-TW", explanation="查無此事。"
            ),
            request_id=str(uuid.uuid4()),
        ),
        metadata=editor(server),
    )
    if publish:
        await facts.PublishFactCheck(
            fpb.PublishFactCheckRequest(name=draft.fact_check.name), metadata=editor(server)
        )
    name: str = draft.fact_check.name
    return name


async def download(
    channel: grpc.aio.Channel, server: RunningServer, agreement: str, distribution_id: str
) -> bytes:
    transfers = tpb_grpc.TransferServiceStub(channel)
    consumer = server.metadata(org=CONSUMER, scopes=SCOPES)
    started = await transfers.RequestTransfer(
        tpb.RequestTransferRequest(
            agreement=agreement,
            distribution_id=distribution_id,
            purpose="research",
            request_id=str(uuid.uuid4()),
        ),
        metadata=consumer,
    )
    body = b""
    async for message in transfers.DownloadTransfer(
        tpb.DownloadTransferRequest(name=started.transfer.name, token=started.transfer.access.token),
        metadata=consumer,
    ):
        body += message.chunk
    return body


async def pull(
    channel: grpc.aio.Channel, server: RunningServer, agreement: str, distribution_id: str = "claimreview"
) -> list[dict[str, object]]:
    documents: list[dict[str, object]] = json.loads(
        await download(channel, server, agreement, distribution_id)
    )
    return documents


async def test_published_fact_checks_become_a_claimreview_dataset(
    server: RunningServer, channel: grpc.aio.Channel
) -> None:
    catalog = cpb_grpc.CatalogServiceStub(channel)
    # Nothing published yet: nothing to offer.
    await refused(
        catalog.PublishFactCheckDataset(
            cpb.PublishFactCheckDatasetRequest(dataset_id="fact-checks"), metadata=editor(server)
        ),
        grpc.StatusCode.FAILED_PRECONDITION,
        "FACTCHECK_DATASET",
    )
    salt = "喝溫鹽水可以殺死新冠病毒"
    draft = f"草稿-{uuid.uuid4().hex}"
    await fact_check(channel, server, salt, publish=True)
    await fact_check(channel, server, draft, publish=False)

    first = await catalog.PublishFactCheckDataset(
        cpb.PublishFactCheckDatasetRequest(dataset_id="fact-checks"), metadata=editor(server)
    )
    dataset = first.dataset
    assert first.fact_checks == 1
    assert dataset.name == f"{FACTCHECKER}/datasets/fact-checks"
    (distribution,) = dataset.distributions
    assert (distribution.id, distribution.media_type, distribution.uploaded) == (
        "claimreview",
        "application/ld+json",
        True,
    )
    assert [offer.id for offer in dataset.offers] == ["open"]
    assert dataset.license == "CC-BY-4.0"
    assert dataset.update_frequency == res.UPDATE_FREQUENCY_CONTINUOUS

    # A consumer negotiates the open offer and pulls ClaimReview documents: published ones only.
    agreement = await agree_open(channel, server, dataset.name)
    documents = await pull(channel, server, agreement)
    assert [d["@type"] for d in documents] == ["ClaimReview"]
    assert salt in json.dumps(documents, ensure_ascii=False)
    assert draft not in json.dumps(documents, ensure_ascii=False)

    # Publishing another fact-check and calling again refreshes the data (same dataset).
    await fact_check(channel, server, "颱風天不用上班上課", publish=True)
    second = await catalog.PublishFactCheckDataset(
        cpb.PublishFactCheckDatasetRequest(dataset_id="fact-checks"), metadata=editor(server)
    )
    assert second.fact_checks == 2
    assert second.dataset.distributions[0].sha256 != distribution.sha256
    assert len(await pull(channel, server, agreement)) == 2

    # The catalog's DCAT-AP export carries it like any dataset.
    exported = await catalog.ExportCatalog(
        cpb.ExportCatalogRequest(publisher=FACTCHECKER), metadata=editor(server)
    )
    assert "application/ld+json" in exported.json_ld
    assert "事實查核報告" in exported.json_ld

    # An id taken by another dataset of the organisation is not overwritten.
    await catalog.CreateDataset(
        cpb.CreateDatasetRequest(
            dataset_id="other",
            dataset=res.Dataset(
                title="其他",
                offers=[res.Offer(id="open", policy=OPEN_TEXT)],
            ),
        ),
        metadata=editor(server),
    )
    await refused(
        catalog.PublishFactCheckDataset(
            cpb.PublishFactCheckDatasetRequest(dataset_id="other"), metadata=editor(server)
        ),
        grpc.StatusCode.FAILED_PRECONDITION,
        "FACTCHECK_DATASET",
    )


OPEN_TEXT = '{"@context": "http://www.w3.org/ns/odrl.jsonld", "permission": [{"action": "use"}]}'


async def agree_open(
    channel: grpc.aio.Channel, server: RunningServer, dataset: str, provider_org: str = FACTCHECKER
) -> str:
    """A finalized agreement for the dataset's open offer between its publisher and CONSUMER."""
    stub = npb_grpc.NegotiationServiceStub(channel)
    provider = editor(server, provider_org)
    buyer = server.metadata(org=CONSUMER, scopes=SCOPES)
    started = await stub.RequestContract(
        npb.RequestContractRequest(dataset=dataset, offer_id="open", request_id=str(uuid.uuid4())),
        metadata=buyer,
    )
    name = started.negotiation.name
    await stub.AgreeContract(npb.AgreeContractRequest(name=name), metadata=provider)
    await stub.VerifyAgreement(npb.VerifyAgreementRequest(name=name), metadata=buyer)
    done = await stub.FinalizeContract(npb.FinalizeContractRequest(name=name), metadata=provider)
    agreement: str = done.negotiation.agreement
    return agreement


RATER = "orgs/ratings"


async def source(
    channel: grpc.aio.Channel,
    server: RunningServer,
    target: str,
    credibility: fres.Credibility.ValueType,
    status: fres.SourceStatus.ValueType,
) -> fres.Source:
    sources = spb_grpc.SourceServiceStub(channel)
    created = await sources.CreateSource(
        spb.CreateSourceRequest(
            parent=RATER,
            source=fres.Source(
                target=target,
                credibility=credibility,
                evidence="多次散布經查核為錯誤的健康訊息。",
                evidence_links=[
                    fres.EvidenceLink(uri="https://tfc-taiwan.org.tw/articles/1", title="查核報告")
                ],
                assessed_by="來源評估小組",
                status=status,
            ),
            request_id=str(uuid.uuid4()),
        ),
        metadata=editor(server, RATER),
    )
    return created.source


async def test_published_source_ratings_become_a_dataset(
    server: RunningServer, channel: grpc.aio.Channel
) -> None:
    catalog = cpb_grpc.CatalogServiceStub(channel)
    publish = cpb.PublishSourceRatingsDatasetRequest(dataset_id="source-ratings", license="CC0-1.0")
    # Nothing published yet: nothing to offer.
    await refused(
        catalog.PublishSourceRatingsDataset(publish, metadata=editor(server, RATER)),
        grpc.StatusCode.FAILED_PRECONDITION,
        "FACTCHECK_DATASET",
    )
    await source(channel, server, "draft.example", fres.CREDIBILITY_MIXED, fres.SOURCE_STATUS_DRAFT)
    withdrawn = await source(
        channel, server, "stale.example", fres.CREDIBILITY_RELIABLE, fres.SOURCE_STATUS_PUBLISHED
    )
    await spb_grpc.SourceServiceStub(channel).UpdateSource(
        spb.UpdateSourceRequest(
            source=fres.Source(name=withdrawn.name, status=fres.SOURCE_STATUS_WITHDRAWN),
            update_mask=field_mask_pb2.FieldMask(paths=["status"]),
        ),
        metadata=editor(server, RATER),
    )
    # A draft and a withdrawn record are not in force: still nothing to offer.
    await refused(
        catalog.PublishSourceRatingsDataset(publish, metadata=editor(server, RATER)),
        grpc.StatusCode.FAILED_PRECONDITION,
        "FACTCHECK_DATASET",
    )
    farm = await source(
        channel,
        server,
        "http://www.Health-Farm.example/health/",
        fres.CREDIBILITY_FABRICATED,
        fres.SOURCE_STATUS_PUBLISHED,
    )
    # A token without factcheck.read (which ListSources needs) or dataspace.write is refused.
    for scopes in (["dataspace.write"], ["factcheck.read"]):
        await refused(
            catalog.PublishSourceRatingsDataset(
                publish, metadata=server.metadata(org=RATER, scopes=scopes, roles=ROLES)
            ),
            grpc.StatusCode.PERMISSION_DENIED,
            "SCOPE_MISSING",
        )

    first = await catalog.PublishSourceRatingsDataset(publish, metadata=editor(server, RATER))
    dataset = first.dataset
    assert first.source_ratings == 1
    assert dataset.name == f"{RATER}/datasets/source-ratings"
    distribution, table = dataset.distributions
    assert [(d.id, d.media_type, d.uploaded) for d in dataset.distributions] == [
        ("source-ratings", "application/json", True),
        ("source-ratings-csv", "text/csv", True),
    ]
    assert [offer.id for offer in dataset.offers] == ["open"]
    assert (dataset.license, dataset.update_frequency) == ("CC0-1.0", res.UPDATE_FREQUENCY_CONTINUOUS)
    assert "數據源公信力評等" in dataset.title
    assert dataset.title_en.startswith("Source credibility")
    assert "source credibility" in dataset.keywords

    # A consumer negotiates the open offer and pulls the published records only.
    agreement = await agree_open(channel, server, dataset.name, RATER)
    (record,) = await pull(channel, server, agreement, "source-ratings")
    assert record["name"] == farm.name
    assert record["normalized_target"] == farm.normalized_target
    assert farm.normalized_target.startswith("https://health-farm.example/health")
    assert (record["credibility"], record["domain_wide"]) == ("fabricated", False)
    assert record["assessed_by"] == "來源評估小組"
    assert record["evidence_links"] == [{"uri": "https://tfc-taiwan.org.tw/articles/1", "title": "查核報告"}]
    assessed = farm.assess_time if farm.HasField("assess_time") else farm.create_time
    assert record["assess_time"] == assessed.ToJsonString()

    # Publishing another record and calling again replaces the data (same dataset, same agreement).
    await source(channel, server, "satire.example", fres.CREDIBILITY_SATIRE, fres.SOURCE_STATUS_PUBLISHED)
    second = await catalog.PublishSourceRatingsDataset(publish, metadata=editor(server, RATER))
    assert second.source_ratings == 2
    assert second.dataset.distributions[0].sha256 != distribution.sha256
    assert second.dataset.distributions[1].sha256 != table.sha256
    records = await pull(channel, server, agreement, "source-ratings")
    assert [(r["normalized_target"], r["credibility"], r["domain_wide"]) for r in records] == [
        (farm.normalized_target, "fabricated", False),
        ("satire.example", "satire", True),
    ]

    # The CSV distribution carries the same records, a header row first.
    rows = list(
        csv.DictReader(
            io.StringIO((await download(channel, server, agreement, "source-ratings-csv")).decode())
        )
    )
    assert [(r["normalized_target"], r["credibility"], r["domain_wide"]) for r in rows] == [
        (farm.normalized_target, "fabricated", "false"),
        ("satire.example", "satire", "true"),
    ]
    assert rows[0]["evidence_links"] == "https://tfc-taiwan.org.tw/articles/1"
    assert rows[0]["assessed_by"] == "來源評估小組"

    # An id held by another kind of dataset is not overwritten.
    await catalog.CreateDataset(
        cpb.CreateDatasetRequest(
            dataset_id="ratings-other",
            dataset=res.Dataset(title="其他", offers=[res.Offer(id="open", policy=OPEN_TEXT)]),
        ),
        metadata=editor(server, RATER),
    )
    await refused(
        catalog.PublishSourceRatingsDataset(
            cpb.PublishSourceRatingsDatasetRequest(dataset_id="ratings-other"), metadata=editor(server, RATER)
        ),
        grpc.StatusCode.FAILED_PRECONDITION,
        "FACTCHECK_DATASET",
    )


async def test_source_ratings_refused_by_factcheck(server: RunningServer) -> None:
    """factcheck's own refusal of the forwarded token is FACTCHECK_REFUSED, its status and reason kept."""
    reader = FactCheckSource(server.address, ca_file=None)
    try:
        with pytest.raises(FailedPrecondition) as caught:
            await reader.source_ratings(RATER, "not-a-token")
    finally:
        await reader.aclose()
    assert caught.value.reason == "FACTCHECK_REFUSED"
    assert caught.value.metadata["factcheck_status"] == "UNAUTHENTICATED"
