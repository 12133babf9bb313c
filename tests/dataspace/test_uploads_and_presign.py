"""Replaced uploads' objects are deleted, and every presigned download is a policy check.

One server (system, ledger, dataspace) whose object store is S3 (moto's
server), so presigned URLs exist: a transfer's access carries none, each
download asks PresignDownload, which checks the token, the state and the
agreement's policy at that moment, logs it and returns a URL that lives
JIPAN_DATASPACE_PRESIGN_TTL_S (5 s here). An upload that replaces a
distribution's data retires the old object, deleted once no live transfer
reads it.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import grpc
import pytest
import pytest_asyncio
from google.protobuf.field_mask_pb2 import FieldMask
from moto.server import ThreadedMotoServer

from jipan.clients import error_details
from jipan.dataspace.v1 import catalog_service_pb2 as cpb
from jipan.dataspace.v1 import catalog_service_pb2_grpc as cpb_grpc
from jipan.dataspace.v1 import negotiation_service_pb2 as npb
from jipan.dataspace.v1 import negotiation_service_pb2_grpc as npb_grpc
from jipan.dataspace.v1 import resources_pb2 as res
from jipan.dataspace.v1 import transfer_service_pb2 as tpb
from jipan.dataspace.v1 import transfer_service_pb2_grpc as tpb_grpc
from jipan.servers import dataspace, ledger, system
from jipan.servers.runtime.errors import NotFound
from tests.conftest import fresh_database
from tests.mesh import RunningServer, make_settings, running_server

SCOPES = ["dataspace.read", "dataspace.write"]
PROVIDER, CONSUMER, OTHER = "orgs/moenv", "orgs/ntu", "orgs/eve"
BUCKET = "dataspace-uploads"
CTX = "http://www.w3.org/ns/odrl.jsonld"


@pytest.fixture(scope="module")
def s3_endpoint() -> Iterator[str]:
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
    os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")
    moto = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    moto.start()
    host, port = moto.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    with urllib.request.urlopen(urllib.request.Request(f"{endpoint}/{BUCKET}", method="PUT"), timeout=10):
        pass
    yield endpoint
    moto.stop()


@pytest_asyncio.fixture(scope="module")
async def server(
    database_url: str, tmp_path_factory: pytest.TempPathFactory, s3_endpoint: str
) -> AsyncIterator[RunningServer]:
    async with fresh_database(database_url, "jipan_dataspace_uploads") as own:
        settings = make_settings(
            own,
            tmp_path_factory.mktemp("dataspace-uploads"),
            JIPAN_LEDGER_BATCH_WINDOW_S="0.02",
            JIPAN_OBJECT_STORE_URL=f"s3://{BUCKET}/objects",
            JIPAN_S3_ENDPOINT_URL=s3_endpoint,
            JIPAN_DATASPACE_PRESIGN_TTL_S="5",
        )
        async with running_server(settings, [system.SERVICE, ledger.SERVICE, dataspace.SERVICE]) as running:
            yield running


def auth(server: RunningServer, org: str) -> tuple[tuple[str, str], ...]:
    return server.metadata(org=org, scopes=SCOPES, subject="people/alice")


async def refused(call: Any, code: grpc.StatusCode, reason: str) -> Any:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await call
    details = error_details(caught.value)
    assert caught.value.code() == code, (caught.value.code(), details)
    assert details.reason == reason, details
    return details


def policy(until: datetime | None = None) -> str:
    constraints: list[dict[str, Any]] = [
        {"leftOperand": "purpose", "operator": "eq", "rightOperand": "research"}
    ]
    if until is not None:
        constraints.append({"leftOperand": "dateTime", "operator": "lteq", "rightOperand": until.isoformat()})
    return json.dumps(
        {
            "@context": CTX,
            "permission": [{"uid": "research-read", "action": "read", "constraint": constraints}],
        }
    )


class Space:
    def __init__(self, server: RunningServer, channel: grpc.aio.Channel) -> None:
        self.server = server
        self.catalog: cpb_grpc.CatalogServiceAsyncStub = cpb_grpc.CatalogServiceStub(channel)
        self.negotiations: npb_grpc.NegotiationServiceAsyncStub = npb_grpc.NegotiationServiceStub(channel)
        self.transfers: tpb_grpc.TransferServiceAsyncStub = tpb_grpc.TransferServiceStub(channel)

    async def publish(self, offer_policy: str) -> res.Dataset:
        created = await self.catalog.CreateDataset(
            cpb.CreateDatasetRequest(
                dataset_id=f"d-{uuid.uuid4().hex[:10]}",
                dataset=res.Dataset(
                    title="測站資料",
                    offers=[res.Offer(id="research", policy=offer_policy)],
                    distributions=[res.Distribution(id="csv", media_type="text/csv")],
                ),
            ),
            metadata=auth(self.server, PROVIDER),
        )
        dataset: res.Dataset = created.dataset
        return dataset

    async def upload(self, dataset: str, data: bytes) -> None:
        async def messages() -> AsyncIterator[cpb.UploadDistributionRequest]:
            yield cpb.UploadDistributionRequest(
                header=cpb.UploadDistributionHeader(dataset=dataset, distribution_id="csv")
            )
            yield cpb.UploadDistributionRequest(chunk=data)

        await self.catalog.UploadDistribution(messages(), metadata=auth(self.server, PROVIDER))

    async def agreement(self, dataset: str) -> str:
        started = await self.negotiations.RequestContract(
            npb.RequestContractRequest(dataset=dataset, offer_id="research", request_id=str(uuid.uuid4())),
            metadata=auth(self.server, CONSUMER),
        )
        name = started.negotiation.name
        provider, consumer = auth(self.server, PROVIDER), auth(self.server, CONSUMER)
        await self.negotiations.AgreeContract(npb.AgreeContractRequest(name=name), metadata=provider)
        await self.negotiations.VerifyAgreement(npb.VerifyAgreementRequest(name=name), metadata=consumer)
        done = await self.negotiations.FinalizeContract(
            npb.FinalizeContractRequest(name=name), metadata=provider
        )
        agreement: str = done.negotiation.agreement
        return agreement

    async def transfer(self, agreement: str) -> res.TransferProcess:
        started = await self.transfers.RequestTransfer(
            tpb.RequestTransferRequest(
                agreement=agreement, distribution_id="csv", purpose="research", request_id=str(uuid.uuid4())
            ),
            metadata=auth(self.server, CONSUMER),
        )
        transfer: res.TransferProcess = started.transfer
        return transfer

    def presign(self, transfer: res.TransferProcess, org: str = CONSUMER, token: str = "") -> Any:
        return self.transfers.PresignDownload(
            tpb.PresignDownloadRequest(name=transfer.name, token=token or transfer.access.token),
            metadata=auth(self.server, org),
        )

    async def keys(self, dataset: res.Dataset) -> list[str]:
        """The objects of the dataset's distribution in the store."""
        org = dataset.publisher.removeprefix("orgs/")
        dataset_id = dataset.name.rsplit("/", 1)[1]
        page, _ = await self.server.runtime.objects.list(f"dataspace/{org}/{dataset_id}/csv/")
        return [info.key for info in page]

    async def download(self, transfer: res.TransferProcess) -> bytes:
        body = b""
        async for message in self.transfers.DownloadTransfer(
            tpb.DownloadTransferRequest(name=transfer.name, token=transfer.access.token),
            metadata=auth(self.server, CONSUMER),
        ):
            body += message.chunk
        return body


@pytest.fixture
def space(server: RunningServer, channel: grpc.aio.Channel) -> Space:
    return Space(server, channel)


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return int(response.status), response.read()
    except urllib.error.HTTPError as exc:
        return int(exc.code), b""


async def test_every_presigned_download_checks_the_policy_at_that_moment(space: Space) -> None:
    data = b"station,pm25\n" * 2000
    dataset = await space.publish(policy(until=datetime.now(UTC) + timedelta(seconds=6)))
    await space.upload(dataset.name, data)
    transfer = await space.transfer(await space.agreement(dataset.name))
    # The transfer's access carries no URL the store would honour for the token's whole life.
    assert transfer.access.token
    assert transfer.access.url == ""

    first = await space.presign(transfer)
    query = urllib.parse.parse_qs(urllib.parse.urlparse(first.url).query)
    assert int(query["X-Amz-Expires"][0]) <= 5
    assert first.expire_time.ToDatetime(tzinfo=UTC) <= datetime.now(UTC) + timedelta(seconds=6)
    status, body = await asyncio.to_thread(_get, first.url)
    assert (status, body) == (200, data)

    # Not the consumer, or not the token: refused like a download.
    await refused(space.presign(transfer, org=OTHER), grpc.StatusCode.NOT_FOUND, "TRANSFER_NOT_FOUND")
    await refused(
        space.presign(transfer, token="x" * 43), grpc.StatusCode.PERMISSION_DENIED, "TRANSFER_TOKEN_INVALID"
    )

    # The permission's window closes: the next download is refused. (The URL asked for before
    # lives X-Amz-Expires ≤ 5 s, checked above; moto's server does not enforce the expiry, S3 does.)
    await asyncio.sleep(6.5)
    closed = await refused(space.presign(transfer), grpc.StatusCode.PERMISSION_DENIED, "USE_NOT_PERMITTED")
    assert closed.metadata["constraint"].startswith("dateTime lteq")

    # Each presign is an entry of the usage log: one permitted, one refused.
    negotiation = (
        await space.negotiations.GetAgreement(
            npb.GetAgreementRequest(name=transfer.agreement), metadata=auth(space.server, CONSUMER)
        )
    ).agreement.negotiation
    entries = (
        await space.negotiations.ListUsageLog(
            npb.ListUsageLogRequest(parent=negotiation), metadata=auth(space.server, CONSUMER)
        )
    ).entries
    presigns = [json.loads(e.details)["permitted"] for e in entries if e.event == "PresignDownload"]
    assert presigns == [True, False]


async def test_a_replaced_upload_is_deleted_once_no_transfer_reads_it(space: Space) -> None:
    dataset = await space.publish(policy())
    await space.upload(dataset.name, b"v1\n" * 100)
    [first] = await space.keys(dataset)
    # Replaced, with no transfer reading it: the old object goes at once.
    await space.upload(dataset.name, b"v2\n" * 100)
    [second] = await space.keys(dataset)
    assert second != first
    with pytest.raises(NotFound):
        await space.server.runtime.objects.stat(first)

    # A transfer started on v2 keeps reading it after v3 replaces it, until it ends.
    transfer = await space.transfer(await space.agreement(dataset.name))
    await space.upload(dataset.name, b"v3\n" * 100)
    assert second in await space.keys(dataset)
    assert len(await space.keys(dataset)) == 2
    assert await space.download(transfer) == b"v2\n" * 100
    await space.transfers.CompleteTransfer(
        tpb.CompleteTransferRequest(name=transfer.name), metadata=auth(space.server, CONSUMER)
    )
    remaining = await space.keys(dataset)
    assert second not in remaining
    assert len(remaining) == 1

    # A distribution removed by UpdateDataset: its object goes too.
    current = (
        await space.catalog.GetDataset(
            cpb.GetDatasetRequest(name=dataset.name), metadata=auth(space.server, PROVIDER)
        )
    ).dataset
    current.ClearField("distributions")
    current.distributions.append(res.Distribution(id="json", media_type="application/json"))
    await space.catalog.UpdateDataset(
        cpb.UpdateDatasetRequest(dataset=current, update_mask=FieldMask(paths=["distributions"])),
        metadata=auth(space.server, PROVIDER),
    )
    assert await space.keys(dataset) == []
