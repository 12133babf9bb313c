"""Push transfers through the cloud broker: dataspace streams the distribution to cloud's
StorageService.WriteObject with the consumer's own token, into a bucket of the consumer's provider
account (moto's S3 with IAM authentication on). One server runs system, ledger, cloud and
dataspace; the broker refuses another organisation's account, a token without
`cloud.objects.write`, and data that are not the distribution's (nothing is left in the bucket)."""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import grpc
import pytest
import pytest_asyncio

from jipan.cloud.v1 import account_service_pb2_grpc as apb_grpc
from jipan.dataspace.v1 import negotiation_service_pb2 as npb
from jipan.dataspace.v1 import negotiation_service_pb2_grpc as npb_grpc
from jipan.dataspace.v1 import resources_pb2 as res
from jipan.dataspace.v1 import transfer_service_pb2 as tpb
from jipan.dataspace.v1 import transfer_service_pb2_grpc as tpb_grpc
from jipan.servers import cloud, dataspace, ledger, system
from tests.cloud.conftest import MotoKeys, _moto
from tests.cloud.test_accounts import create, keys
from tests.cloud.test_migration import s3_session
from tests.conftest import fresh_database
from tests.dataspace.test_consent_privacy_push import (
    agree,
    publish,
    research_policy,
    transfer_request,
    upload,
)
from tests.dataspace.test_dataspace import CONSUMER, OTHER, refused
from tests.mesh import RunningServer, make_settings, running_server

CONSUMER_SCOPES = ["dataspace.read", "dataspace.write", "cloud.read", "cloud.write", "cloud.objects.write"]
BUCKET = "nchc-incoming"


@pytest.fixture(scope="module")
def s3(tmp_path_factory: pytest.TempPathFactory) -> Iterator[MotoKeys]:
    yield from _moto(tmp_path_factory.mktemp("moto-push"))


@pytest_asyncio.fixture(scope="module")
async def server(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[RunningServer]:
    async with fresh_database(database_url, "jipan_dataspace_cloud_push") as own:
        settings = make_settings(
            own, tmp_path_factory.mktemp("dataspace-cloud-push"), JIPAN_LEDGER_BATCH_WINDOW_S="0.02"
        )
        modules = [system.SERVICE, ledger.SERVICE, cloud.SERVICE, dataspace.SERVICE]
        async with running_server(settings, modules) as running:
            yield running


def consumer(server: RunningServer, scopes: list[str] = CONSUMER_SCOPES, org: str = CONSUMER) -> Any:
    return server.metadata(org=org, scopes=scopes, subject="services/nchc-loader")


async def account_of(channel: grpc.aio.Channel, md: Any, s3: MotoKeys) -> str:
    made = await create(
        apb_grpc.AccountServiceStub(channel), md, "providers/aws", keys(s3.keys[0]), endpoint=s3.endpoint
    )
    name: str = made.name
    return name


async def stored(s3: MotoKeys) -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    async with s3_session(s3).client("s3", endpoint_url=s3.endpoint) as client:
        listed = await client.list_objects_v2(Bucket=BUCKET)
        for item in listed.get("Contents", []):
            found[item["Key"]] = await (await client.get_object(Bucket=BUCKET, Key=item["Key"]))[
                "Body"
            ].read()
        assert not (await client.list_multipart_uploads(Bucket=BUCKET)).get("Uploads")
    return found


async def test_push_through_the_broker_into_the_consumers_own_bucket(
    server: RunningServer, channel: grpc.aio.Channel, s3: MotoKeys
) -> None:
    transfers = tpb_grpc.TransferServiceStub(channel)
    md = consumer(server)
    account = await account_of(channel, md, s3)
    async with s3_session(s3).client("s3", endpoint_url=s3.endpoint) as client:
        await client.create_bucket(Bucket=BUCKET)
    data = bytes(range(256)) * 40_000  # 10 MB: several WriteObject chunks, a multipart upload
    name = await publish(channel, server, research_policy())
    await upload(channel, server, name, data)
    agreement = await agree(channel, server, name)

    def to(key: str, account: str = account) -> tpb.CloudDestination:
        return tpb.CloudDestination(account=account, bucket=BUCKET, key=key)

    pushed = (
        await transfers.RequestTransfer(
            transfer_request(agreement, cloud_destination=to("incoming/data.csv")), metadata=md
        )
    ).transfer
    assert (pushed.state, pushed.format) == (res.TRANSFER_STATE_COMPLETED, "CloudBroker-PUSH")
    assert pushed.destination == f"{account}/buckets/{BUCKET}/objects/incoming/data.csv"
    assert bytes(pushed.sha256) == hashlib.sha256(data).digest()
    assert not pushed.access.token
    assert await stored(s3) == {"incoming/data.csv": data}
    negotiation = (
        await npb_grpc.NegotiationServiceStub(channel).GetAgreement(
            npb.GetAgreementRequest(name=agreement), metadata=md
        )
    ).agreement.negotiation
    log = await npb_grpc.NegotiationServiceStub(channel).ListUsageLog(
        npb.ListUsageLogRequest(parent=negotiation, page_size=100), metadata=md
    )
    completion = [e for e in log.entries if e.event == "TransferCompletionMessage"]
    assert len(completion) == 1
    assert hashlib.sha256(data).hexdigest() in completion[0].details
    # A push is done at once: only termination applies.
    await refused(
        transfers.SuspendTransfer(tpb.SuspendTransferRequest(name=pushed.name), metadata=md),
        grpc.StatusCode.FAILED_PRECONDITION,
        "TRANSFER_STATE",
    )

    # Another organisation's account: refused before a use is counted ...
    others = await account_of(channel, consumer(server, org=OTHER), s3)
    await refused(
        transfers.RequestTransfer(
            transfer_request(agreement, cloud_destination=to("x", others)), metadata=md
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
        "PUSH_DESTINATION_INVALID",
    )
    # ... and the broker, called with the consumer's token, finds no such account of the consumer's.
    missing = await refused(
        transfers.RequestTransfer(
            transfer_request(agreement, cloud_destination=to("x", f"{CONSUMER}/accounts/not-there")),
            metadata=md,
        ),
        grpc.StatusCode.FAILED_PRECONDITION,
        "PUSH_FAILED",
    )
    assert (missing.metadata["cloud_status"], missing.metadata["cloud_reason"]) == (
        "NOT_FOUND",
        "ACCOUNT_NOT_FOUND",
    )
    # A consumer token that may not write objects at the broker.
    scope = await refused(
        transfers.RequestTransfer(
            transfer_request(agreement, cloud_destination=to("y")),
            metadata=consumer(server, scopes=["dataspace.read", "dataspace.write"]),
        ),
        grpc.StatusCode.FAILED_PRECONDITION,
        "PUSH_FAILED",
    )
    assert scope.metadata["cloud_reason"] == "SCOPE_MISSING"
    # Two destinations at once.
    await refused(
        transfers.RequestTransfer(
            transfer_request(
                agreement,
                cloud_destination=to("z"),
                push_destination=tpb.S3Destination(
                    endpoint_url="https://s3.example.org",
                    bucket=BUCKET,
                    key="z",
                    access_key_id="a",
                    secret_access_key="b",
                ),
            ),
            metadata=md,
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
        "PUSH_DESTINATION_INVALID",
    )
    listed = await transfers.ListTransfers(tpb.ListTransfersRequest(agreement=agreement), metadata=md)
    assert sorted(t.termination_code for t in listed.transfers) == ["", "PUSH_FAILED", "PUSH_FAILED"]
    assert await stored(s3) == {"incoming/data.csv": data}


async def test_data_that_are_not_the_distributions_never_reach_the_bucket(
    server: RunningServer, channel: grpc.aio.Channel, s3: MotoKeys
) -> None:
    md = consumer(server)
    account = await account_of(channel, md, s3)
    data = b"claim,rating\n" + b"x" * 9_000_000
    name = await publish(channel, server, research_policy())
    await upload(channel, server, name, data)
    agreement = await agree(channel, server, name)
    # The provider's stored copy is altered behind dataspace's back (same size, one byte other;
    # the filesystem store keeps its trailer after the data).
    objects = Path(server.settings.data_dir) / "objects"
    altered = [path for path in objects.rglob("*") if path.is_file() and path.read_bytes().startswith(data)]
    assert len(altered) == 1
    with altered[0].open("r+b") as file:
        file.seek(len(data) - 1)
        file.write(b"y")
    failed = await refused(
        tpb_grpc.TransferServiceStub(channel).RequestTransfer(
            transfer_request(
                agreement,
                cloud_destination=tpb.CloudDestination(account=account, bucket=BUCKET, key="tampered.csv"),
            ),
            metadata=md,
        ),
        grpc.StatusCode.FAILED_PRECONDITION,
        "PUSH_FAILED",
    )
    assert (failed.metadata["cloud_status"], failed.metadata["cloud_reason"]) == (
        "DATA_LOSS",
        "CHECKSUM_MISMATCH",
    )
    assert "tampered.csv" not in await stored(s3)
    transfer = (
        await tpb_grpc.TransferServiceStub(channel).ListTransfers(
            tpb.ListTransfersRequest(agreement=agreement), metadata=md
        )
    ).transfers[0]
    assert (transfer.state, transfer.termination_code) == (res.TRANSFER_STATE_TERMINATED, "PUSH_FAILED")
