"""A revoked consent stops a transfer on a dataspace server that knows identity only by address.

identity runs in one server; ledger and dataspace in another, with its own
database, trusting identity remotely (JIPAN_IDENTITY_TARGET): its keys and its
revocation feed, polled every REFRESH_S. Every token here is identity's own
(service accounts' and a person's, signed in with a passkey): nothing is
minted with a development key. After the person revokes the consent at
identity, the next download on the other server is refused with
CONSENT_REVOKED within the feed's bound.
"""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import grpc
import jwt
import pytest
import pytest_asyncio

from jipan.clients import error_details
from jipan.dataspace.v1 import catalog_service_pb2 as cpb
from jipan.dataspace.v1 import catalog_service_pb2_grpc as cpb_grpc
from jipan.dataspace.v1 import resources_pb2 as res
from jipan.dataspace.v1 import transfer_service_pb2 as tpb
from jipan.dataspace.v1 import transfer_service_pb2_grpc as tpb_grpc
from jipan.identity.v1 import consent_service_pb2 as con_pb
from jipan.identity.v1 import consent_service_pb2_grpc as con_grpc
from jipan.identity.v1 import resources_pb2 as ires
from jipan.identity.v1 import token_service_pb2 as tok_pb
from jipan.identity.v1 import token_service_pb2_grpc as tok_grpc
from jipan.servers import dataspace, identity, ledger, system
from tests.conftest import fresh_database
from tests.dataspace.test_consent_privacy_push import agree_between, research_policy
from tests.mesh import RunningServer, make_settings, running_server
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

REFRESH_S = 1.0
RPC_ALLOWANCE_S = 1.5
DATA = b"day,systolic\n2026-12-01,131\n"


@pytest_asyncio.fixture(scope="module")
async def identity_server(
    database_url: str, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[RunningServer]:
    async with fresh_database(database_url, "jipan_ds_identity") as own:
        settings = make_settings(
            own,
            tmp_path_factory.mktemp("ds-identity"),
            JIPAN_WEBAUTHN_RP_ID=RP_ID,
            JIPAN_WEBAUTHN_ORIGINS=ORIGIN,
            JIPAN_CONSENT_TOKEN_TTL_S="600",
        )
        async with running_server(settings, [system.SERVICE, identity.build_module()]) as running:
            yield running


@pytest_asyncio.fixture(scope="module")
async def identity_channel(identity_server: RunningServer) -> AsyncIterator[grpc.aio.Channel]:
    async with grpc.aio.insecure_channel(identity_server.address) as channel:
        yield channel


@pytest_asyncio.fixture(scope="module")
async def dataspace_server(
    identity_server: RunningServer,
    identity_channel: grpc.aio.Channel,
    database_url: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> AsyncIterator[RunningServer]:
    """ledger + dataspace, trusting identity by address; its own ledger anchoring token from identity."""
    _, anchoring = await _service_with_token(
        identity_server, identity_channel, ["ledger.anchor", "ledger.read"]
    )
    workdir = tmp_path_factory.mktemp("ds-remote")
    token_file = Path(workdir) / "service-token"
    token_file.write_text(anchoring)
    async with fresh_database(database_url, "jipan_ds_remote") as own:
        settings = make_settings(
            own,
            workdir,
            JIPAN_IDENTITY_TARGET=identity_server.address,
            JIPAN_REVOCATION_REFRESH_S=str(REFRESH_S),
            JIPAN_SERVICE_TOKEN_FILE=str(token_file),
            JIPAN_LEDGER_BATCH_WINDOW_S="0.02",
        )
        async with running_server(settings, [system.SERVICE, ledger.SERVICE, dataspace.SERVICE]) as running:
            yield running


async def test_revocation_at_identity_stops_the_transfer_within_the_feed_bound(
    identity_server: RunningServer, identity_channel: grpc.aio.Channel, dataspace_server: RunningServer
) -> None:
    scopes = ["dataspace.read", "dataspace.write"]
    _, provider_token = await _service_with_token(identity_server, identity_channel, scopes)
    app, app_token = await _service_with_token(identity_server, identity_channel, scopes)
    authenticator = SoftAuthenticator(ORIGIN)
    person = await register(identity_channel, authenticator, unique("patient"))
    person_token = (await sign_in(identity_channel, authenticator)).access_token

    async with grpc.aio.insecure_channel(dataspace_server.address) as channel:
        catalog = cpb_grpc.CatalogServiceStub(channel)
        created = await catalog.CreateDataset(
            cpb.CreateDatasetRequest(
                dataset_id="blood-pressure",
                dataset=res.Dataset(
                    title="血壓紀錄",
                    offers=[res.Offer(id="research", policy=research_policy_text())],
                    distributions=[res.Distribution(id="csv", media_type="text/csv")],
                    personal_data=True,
                    personal_data_category="health",
                ),
            ),
            metadata=bearer(provider_token),
        )

        async def upload() -> AsyncIterator[cpb.UploadDistributionRequest]:
            yield cpb.UploadDistributionRequest(
                header=cpb.UploadDistributionHeader(
                    dataset=created.dataset.name, distribution_id="csv", data_subject=person.name
                )
            )
            yield cpb.UploadDistributionRequest(chunk=DATA)

        await catalog.UploadDistribution(upload(), metadata=bearer(provider_token))
        agreement = await agree_between(
            channel, created.dataset.name, bearer(provider_token), bearer(app_token)
        )

        granted = (
            await con_grpc.ConsentServiceStub(identity_channel).CreateConsent(
                con_pb.CreateConsentRequest(
                    parent=person.name,
                    consent=ires.Consent(
                        client=app,
                        scopes=["dataspace.read"],
                        categories=["health", "purpose:research"],
                        expire_time=_in(3600),
                    ),
                ),
                metadata=bearer(person_token),
            )
        ).consent
        consent_token = (
            await tok_grpc.TokenServiceStub(identity_channel).IssueConsentToken(
                tok_pb.IssueConsentTokenRequest(consent=granted.name), metadata=bearer(app_token)
            )
        ).access_token
        assert jwt.decode(consent_token, options={"verify_signature": False})["consent"] == granted.name
        transfers = tpb_grpc.TransferServiceStub(channel)
        started = (
            await transfers.RequestTransfer(
                tpb.RequestTransferRequest(
                    agreement=agreement,
                    distribution_id="csv",
                    purpose="research",
                    request_id=str(uuid.uuid4()),
                    consent_token=consent_token,
                ),
                metadata=bearer(app_token),
            )
        ).transfer

        async def download() -> bytes:
            body = b""
            async for message in transfers.DownloadTransfer(
                tpb.DownloadTransferRequest(
                    name=started.name, token=started.access.token, consent_token=consent_token
                ),
                metadata=bearer(app_token),
            ):
                body += message.chunk
            return body

        assert await download() == DATA

        await con_grpc.ConsentServiceStub(identity_channel).RevokeConsent(
            con_pb.RevokeConsentRequest(name=granted.name), metadata=bearer(person_token)
        )
        revoked_at = time.monotonic()
        while True:
            try:
                await download()
            except grpc.aio.AioRpcError as exc:
                refused = exc
                break
            assert time.monotonic() - revoked_at <= REFRESH_S + RPC_ALLOWANCE_S, (
                "still served after the bound"
            )
            await asyncio.sleep(0.05)
        took = time.monotonic() - revoked_at
        assert (refused.code(), error_details(refused).reason) == (
            grpc.StatusCode.PERMISSION_DENIED,
            "CONSENT_REVOKED",
        )
        assert took <= REFRESH_S + RPC_ALLOWANCE_S
        ended = (
            await transfers.GetTransfer(tpb.GetTransferRequest(name=started.name), metadata=bearer(app_token))
        ).transfer
        assert (ended.state, ended.termination_code) == (res.TRANSFER_STATE_TERMINATED, "CONSENT_REVOKED")


def research_policy_text() -> str:
    return json.dumps(research_policy())
