"""The client side of LedgerService.AnchorDigests and VerifyDigest, for services that anchor.

Identity anchors security-event digests, procurement its review decisions and
bid commitments: both go through the ledger's gRPC contract with this client
(a mesh channel that carries the caller's service token), never its tables.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from jipan.interceptors.client import LazyChannel, TokenSource
from jipan.ledger.v1 import ledger_service_pb2 as lpb
from jipan.ledger.v1 import ledger_service_pb2_grpc as lpb_grpc
from jipan.ledger.v1 import resources_pb2 as lres
from jipan.servers.runtime.settings import ClientCertificate

CALL_TIMEOUT_S = 30.0


class LedgerAnchorClient:
    """AnchorDigests and VerifyDigest over one channel, opened on first use.

    `target` may be a callable: a service that dials the ledger in its own
    process learns its port only once the server is bound.
    """

    def __init__(
        self,
        target: str | Callable[[], str],
        *,
        ca_file: Path | None,
        client_cert: ClientCertificate | None = None,
        token_source: TokenSource,
        timeout_s: float = CALL_TIMEOUT_S,
    ) -> None:
        self._timeout_s = timeout_s
        self._channel = LazyChannel(
            target,
            ca_file=ca_file,
            client_cert=client_cert,
            token_source=token_source,
        )

    def _stub(self) -> lpb_grpc.LedgerServiceAsyncStub:
        return lpb_grpc.LedgerServiceStub(self._channel.get())  # an AsyncStub: the channel is grpc.aio's

    async def anchor(
        self, items: Sequence[tuple[bytes, Mapping[str, str]]], request_id: str = ""
    ) -> list[str]:
        """Receipt names, one per (digest, metadata), in order. Raises grpc.aio.AioRpcError."""
        response = await self._stub().AnchorDigests(
            lpb.AnchorDigestsRequest(
                digests=[
                    lpb.DigestSubmission(digest=digest, metadata=dict(metadata)) for digest, metadata in items
                ],
                request_id=request_id,
            ),
            timeout=self._timeout_s,
        )
        return [receipt.name for receipt in response.receipts]

    async def receipts(self, digest: bytes) -> dict[str, bool]:
        """The ledger's receipts for `digest`: name → CONFIRMED on the chain. Raises AioRpcError."""
        response = await self._stub().VerifyDigest(
            lpb.VerifyDigestRequest(digest=digest), timeout=self._timeout_s
        )
        return {receipt.name: receipt.state == lres.RECEIPT_STATE_CONFIRMED for receipt in response.receipts}

    async def aclose(self) -> None:
        await self._channel.aclose()
