"""Anchoring digests on the ledger through its gRPC contract, for any service.

A service never reads or writes the ledger's tables: it calls
`jipan.ledger.v1.LedgerService/AnchorDigests` like any other client, with a
service token carrying `ledger.anchor`. The request id is derived from the
digest and its metadata, so a retried anchoring returns the first receipt.
Procurement anchors review decisions and bid commitments; inference anchors
model versions.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Protocol

import grpc

from jipan.clients.ledger_anchor import LedgerAnchorClient
from jipan.clients.service_tokens import service_token_source
from jipan.servers.runtime.errors import Unavailable
from jipan.servers.runtime.runtime import Runtime
from jipan.servers.runtime.settings import ConfigError, Settings

ANCHOR_TIMEOUT_S = 10.0
PENDING_GRACE_S = 10.0
"""An entry committed without its receipt this recently is left to the request anchoring it."""
PENDING_SWEEP_S = 60.0
"""How often a service anchors the entries committed and still without a receipt (their
anchoring failed and no retry came, or their process died before it)."""
_NAMESPACE = uuid.UUID("6f1c3d0e-2b7a-4c55-9a51-0c6a3e9e7a11")


class DecisionAnchor(Protocol):
    async def anchor(self, digest: bytes, metadata: Mapping[str, str]) -> str:
        """Anchor one 32-byte digest; the ledger receipt's name."""
        ...

    async def anchored_receipts(self, digest: bytes) -> dict[str, bool]:
        """The ledger's receipts for `digest`: name → CONFIRMED on the chain."""
        ...


class LedgerAnchor:
    """A DecisionAnchor over the ledger's gRPC contract (jipan.clients.ledger_anchor).

    `service` names the caller (its service token, its configuration errors),
    `domain` the error domain of the LEDGER_UNAVAILABLE it raises.
    """

    def __init__(
        self, settings: Settings, runtime: Runtime, *, service: str, domain: str, serves_ledger: bool
    ) -> None:
        if settings.ledger_target is None and not serves_ledger:
            raise ConfigError(f"{service} needs JIPAN_LEDGER_TARGET when this server does not serve ledger")
        if settings.ledger_target is None and settings.tls_cert_file is not None:
            raise ConfigError(
                f"with TLS on, set JIPAN_LEDGER_TARGET (and JIPAN_LEDGER_TARGET_CA_FILE) for {service}'s "
                "calls to the ledger"
            )
        self._settings = settings
        self._runtime = runtime
        self._domain = domain
        self._tokens = service_token_source(settings, service, ["ledger.anchor", "ledger.read"])
        self._ledger = LedgerAnchorClient(
            settings.ledger_target or runtime.own_target,
            ca_file=settings.ledger_target_ca_file,
            client_cert=settings.outbound_certificate(),
            token_source=self._tokens,
            timeout_s=ANCHOR_TIMEOUT_S,
        )

    async def anchor(self, digest: bytes, metadata: Mapping[str, str]) -> str:
        # A retry of this very request replays; the same digest for another listing (two
        # identical SLAs) is a new request and gets the ledger's existing receipt for it.
        request_id = str(uuid.uuid5(_NAMESPACE, digest.hex() + repr(sorted(metadata.items()))))
        try:
            names = await self._ledger.anchor([(digest, metadata)], request_id)
        except grpc.aio.AioRpcError as exc:
            raise self._unavailable("the ledger did not accept the digest; retry", exc) from exc
        return names[0]

    async def anchored_receipts(self, digest: bytes) -> dict[str, bool]:
        try:
            return await self._ledger.receipts(digest)
        except grpc.aio.AioRpcError as exc:
            raise self._unavailable("the ledger did not answer; retry", exc) from exc

    async def close(self) -> None:
        await self._ledger.aclose()
        await self._tokens.aclose()

    def _unavailable(self, message: str, exc: grpc.aio.AioRpcError) -> Unavailable:
        return Unavailable(
            "LEDGER_UNAVAILABLE", message, domain=self._domain, metadata={"ledger_status": exc.code().name}
        )
