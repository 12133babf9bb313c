"""Anchoring review decisions on the ledger through its gRPC contract.

Procurement never reads or writes the ledger's tables: it calls
`jipan.ledger.v1.LedgerService/AnchorDigests` like any other client, with a
service token carrying `ledger.anchor`. The request id is derived from the
digest and its metadata, so a retried anchoring returns the first receipt.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Protocol

import grpc

from jipan.clients.service_tokens import service_token_source
from jipan.interceptors.client import target_channel
from jipan.ledger.v1 import ledger_service_pb2 as lpb
from jipan.ledger.v1 import ledger_service_pb2_grpc as lpb_grpc
from jipan.ledger.v1 import resources_pb2 as lres
from jipan.servers.procurement.names import DOMAIN
from jipan.servers.runtime.errors import Unavailable
from jipan.servers.runtime.runtime import Runtime
from jipan.servers.runtime.settings import ConfigError, Settings

ANCHOR_TIMEOUT_S = 10.0
_NAMESPACE = uuid.UUID("6f1c3d0e-2b7a-4c55-9a51-0c6a3e9e7a11")


class DecisionAnchor(Protocol):
    async def anchor(self, digest: bytes, metadata: Mapping[str, str]) -> str:
        """Anchor one 32-byte digest; the ledger receipt's name."""
        ...

    async def anchored_receipts(self, digest: bytes) -> dict[str, bool]:
        """The ledger's receipts for `digest`: name → CONFIRMED on the chain."""
        ...


class LedgerAnchor:
    """A DecisionAnchor over the ledger's gRPC contract; the channel opens on first use."""

    def __init__(self, settings: Settings, runtime: Runtime, *, serves_ledger: bool) -> None:
        if settings.ledger_target is None and not serves_ledger:
            raise ConfigError("procurement needs JIPAN_LEDGER_TARGET when this server does not serve ledger")
        if settings.ledger_target is None and settings.tls_cert_file is not None:
            raise ConfigError(
                "with TLS on, set JIPAN_LEDGER_TARGET (and JIPAN_LEDGER_TARGET_CA_FILE) for procurement's "
                "calls to the ledger"
            )
        self._settings = settings
        self._runtime = runtime
        self._tokens = service_token_source(settings, "procurement", ["ledger.anchor", "ledger.read"])
        self._channel: grpc.aio.Channel | None = None

    def _target(self) -> str:
        if self._settings.ledger_target is not None:
            return self._settings.ledger_target
        host = self._settings.listen.rsplit(":", 1)[0]
        if host in ("", "0.0.0.0", "[::]", "::"):
            host = "127.0.0.1"
        return f"{host}:{self._runtime.bound_ports[0]}"

    def _stub(self) -> lpb_grpc.LedgerServiceAsyncStub:
        if self._channel is None:
            self._channel = target_channel(
                self._target(), self._settings.ledger_target_ca_file, token_source=self._tokens
            )
        return lpb_grpc.LedgerServiceStub(self._channel)  # an AsyncStub: the channel is grpc.aio's

    async def anchor(self, digest: bytes, metadata: Mapping[str, str]) -> str:
        request = lpb.AnchorDigestsRequest(
            digests=[lpb.DigestSubmission(digest=digest, metadata=dict(metadata))],
            # A retry of this very request replays; the same digest for another
            # listing (two identical SLAs) is a new request and gets the ledger's
            # existing receipt for the digest.
            request_id=str(uuid.uuid5(_NAMESPACE, digest.hex() + repr(sorted(metadata.items())))),
        )
        try:
            response = await self._stub().AnchorDigests(request, timeout=ANCHOR_TIMEOUT_S)
        except grpc.aio.AioRpcError as exc:
            raise Unavailable(
                "LEDGER_UNAVAILABLE",
                "the ledger did not accept the decision digest; retry",
                domain=DOMAIN,
                metadata={"ledger_status": exc.code().name},
            ) from exc
        name: str = response.receipts[0].name
        return name

    async def anchored_receipts(self, digest: bytes) -> dict[str, bool]:
        try:
            response = await self._stub().VerifyDigest(
                lpb.VerifyDigestRequest(digest=digest), timeout=ANCHOR_TIMEOUT_S
            )
        except grpc.aio.AioRpcError as exc:
            raise Unavailable(
                "LEDGER_UNAVAILABLE",
                "the ledger did not answer; retry",
                domain=DOMAIN,
                metadata={"ledger_status": exc.code().name},
            ) from exc
        return {receipt.name: receipt.state == lres.RECEIPT_STATE_CONFIRMED for receipt in response.receipts}

    async def close(self) -> None:
        if self._channel is not None:
            await self._channel.close()
        await self._tokens.aclose()
