"""identity as a client of the ledger: AnchorDigests for security-event digests.

Identity authenticates to the ledger with an access token it mints for
itself with its own signing key (it is the issuer every server trusts):
subject IDENTITY_SUBJECT, scope `ledger.anchor`, the mesh's audience. The
subject's dot cannot occur in a service account's id, so no registered
account can pose as identity on the ledger.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from jipan.clients.ledger_anchor import LedgerAnchorClient
from jipan.interceptors.tokens import mint_access_token
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

    async def token() -> str:
        return mint_access_token(
            await keys.signing_key(),
            subject=IDENTITY_SUBJECT,
            audience=settings.token_audience,
            issuer=settings.token_issuer,
            scopes=[ANCHOR_SCOPE],
            ttl_s=TOKEN_TTL_S,
        )

    client = LedgerAnchorClient(
        settings.security_event_ledger_target,
        ca_file=settings.ledger_target_ca_file,
        client_cert=settings.outbound_certificate(),
        token_source=token,
        timeout_s=CALL_TIMEOUT_S,
    )
    return client.anchor, client.aclose
