"""Push transfers through the cloud broker: the data streamed to cloud's StorageService.WriteObject.

The consumer names a bucket of one of its organisation's provider accounts at
the broker (CloudDestination); no credential of the consumer's cloud crosses
dataspace. Dataspace calls the broker with the consumer's own access token —
as it asks privacy with the publisher's (catalog/privacy.py) — rather than a
service token of its own, which would name another organisation or need a
power to write into every organisation's buckets that no service should hold.
The broker then writes only into an account of the token's organisation
(another's is ACCOUNT_NOT_FOUND there), and only with `cloud.objects.write`
in the token.

The header carries the distribution's size and SHA-256: the broker counts
and hashes what arrives and refuses, before the provider completes the
upload, data that differ (nothing is left in the bucket); its answer's size
and SHA-256 are checked here again.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path

import grpc
import structlog

from jipan.clients import error_details
from jipan.cloud.v1 import storage_service_pb2 as spb
from jipan.cloud.v1 import storage_service_pb2_grpc as spb_grpc
from jipan.interceptors.client import LazyChannel
from jipan.servers.dataspace.names import DOMAIN
from jipan.servers.dataspace.transfer.push import PushFailed, destination_invalid
from jipan.servers.runtime.errors import InvalidArgument
from jipan.servers.runtime.objectstore import validate_key
from jipan.servers.runtime.settings import ClientCertificate

log = structlog.get_logger(__name__)

CHUNK = 4 * 1024 * 1024  # WriteObject's largest chunk
WRITE_TIMEOUT_S = 3600.0


@dataclass(frozen=True)
class CloudDestination:
    account: str
    """"orgs/{organization}/accounts/{account}" at the broker: the consumer organisation's."""
    bucket: str
    key: str

    @property
    def shown(self) -> str:
        return f"{self.account}/buckets/{self.bucket}/objects/{self.key}"


def check_cloud_destination(destination: CloudDestination, consumer: str) -> CloudDestination:
    """The destination must name an account of the consumer organisation: refused here, before a
    use is counted (the broker refuses it too, whatever this side checks)."""
    if not destination.account.startswith(f"{consumer}/accounts/"):
        raise InvalidArgument(
            "PUSH_DESTINATION_INVALID",
            "cloud_destination.account must be a provider account of the consumer organisation",
            domain=DOMAIN,
            metadata={"problem": "account of another organisation", "field": "cloud_destination.account"},
        )
    try:
        validate_key(destination.key)
    except InvalidArgument as exc:
        raise destination_invalid(f"key {exc.message}") from None
    return destination


class CloudStorage:
    """The broker's StorageService, called with the consumer's token."""

    def __init__(
        self,
        target: str | Callable[[], str],
        *,
        ca_file: Path | None,
        client_cert: ClientCertificate | None = None,
    ) -> None:
        self._channel = LazyChannel(target, ca_file=ca_file, client_cert=client_cert)

    async def aclose(self) -> None:
        await self._channel.aclose()

    async def write(
        self,
        destination: CloudDestination,
        chunks: AsyncIterator[bytes],
        *,
        size: int,
        sha256: bytes,
        bearer_token: str,
    ) -> tuple[int, bytes]:
        """Stream `chunks` into the destination; the size and SHA-256 the broker counted."""
        if not bearer_token:
            raise PushFailed(
                "PUSH_FAILED",
                "a push through the cloud broker needs the caller's bearer token",
                domain=DOMAIN,
                metadata={"cloud_reason": "TOKEN_MISSING", "destination": destination.shown},
            )

        stub: spb_grpc.StorageServiceAsyncStub = spb_grpc.StorageServiceStub(self._channel.get())
        call = stub.WriteObject(
            metadata=(("authorization", f"Bearer {bearer_token}"),), timeout=WRITE_TIMEOUT_S
        )
        try:
            # Message by message rather than a request iterator: when the broker ends the call
            # early, a write raises and awaiting the call gives the broker's status, where an
            # iterator may report grpc's own INTERNAL instead.
            with contextlib.suppress(asyncio.InvalidStateError, grpc.aio.AioRpcError):
                await call.write(
                    spb.WriteObjectRequest(
                        header=spb.WriteObjectHeader(
                            account=destination.account,
                            bucket=destination.bucket,
                            key=destination.key,
                            content_type="application/octet-stream",
                            sha256=sha256,
                            size=size,
                        )
                    )
                )
                # The broker answers the header (the account is the token's organisation's) before
                # the data go: a refusal comes back before a byte is read from the object store.
                await call.initial_metadata()
                if not call.done():
                    async for chunk in chunks:
                        for start in range(0, len(chunk), CHUNK):
                            await call.write(spb.WriteObjectRequest(chunk=chunk[start : start + CHUNK]))
                    await call.done_writing()
            answer: spb.WriteObjectResponse = await call
        except grpc.aio.AioRpcError as exc:
            info = error_details(exc)
            log.warning(
                "push refused by the cloud broker",
                destination=destination.shown,
                code=exc.code().name,
                cloud_reason=info.reason,
            )
            raise PushFailed(
                "PUSH_FAILED",
                f"the cloud broker refused the write: {info.message or exc.details() or exc.code().name}"[
                    :500
                ],
                domain=DOMAIN,
                metadata={
                    "cloud_status": exc.code().name,
                    "cloud_reason": info.reason,
                    "destination": destination.shown,
                },
            ) from None
        except BaseException:
            call.cancel()  # the object store failed or this call was cancelled: end the write
            raise
        return answer.size, bytes(answer.sha256)
