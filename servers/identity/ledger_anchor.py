"""identity as a client of the ledger: AnchorDigests for security-event digests.

Identity authenticates to the ledger with an access token it mints for
itself with its own signing key (it is the issuer every server trusts):
subject IDENTITY_SUBJECT, scope `ledger.anchor`, the mesh's audience. The
subject's dot cannot occur in a service account's id, so no registered
account can pose as identity on the ledger.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence

from jipan.interceptors.client import target_channel
from jipan.interceptors.tokens import mint_access_token
from jipan.ledger.v1 import ledger_service_pb2, ledger_service_pb2_grpc
from jipan.servers.identity.anchoring import AnchorDigests
from jipan.servers.identity.keys import SigningKeyRing
from jipan.servers.runtime.settings import Settings

IDENTITY_SUBJECT = "services/jipan.identity"
ANCHOR_SCOPE = "ledger.anchor"
TOKEN_TTL_S = 300
CALL_TIMEOUT_S = 30.0


def ledger_anchorer(
    settings: Settings, keys: SigningKeyRing
) -> tuple[AnchorDigests, Callable[[], Awaitable[None]]]:
    """AnchorDigests over gRPC to `security_event_ledger_target`, and the coroutine closing its channel."""
    assert settings.security_event_ledger_target is not None
    channel = target_channel(settings.security_event_ledger_target, settings.ledger_target_ca_file)
    stub = ledger_service_pb2_grpc.LedgerServiceStub(channel)

    async def anchor(items: Sequence[tuple[bytes, Mapping[str, str]]]) -> list[str]:
        token = mint_access_token(
            await keys.signing_key(),
            subject=IDENTITY_SUBJECT,
            audience=settings.token_audience,
            issuer=settings.token_issuer,
            scopes=[ANCHOR_SCOPE],
            ttl_s=TOKEN_TTL_S,
        )
        response = await stub.AnchorDigests(
            ledger_service_pb2.AnchorDigestsRequest(
                digests=[
                    ledger_service_pb2.DigestSubmission(digest=digest, metadata=dict(metadata))
                    for digest, metadata in items
                ]
            ),
            metadata=(("authorization", f"Bearer {token}"),),
            timeout=CALL_TIMEOUT_S,
        )
        return [receipt.name for receipt in response.receipts]

    async def close() -> None:
        await channel.close()

    return anchor, close
