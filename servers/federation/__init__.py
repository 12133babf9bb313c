"""jipan.federation.v1: agency-to-agency calls between independent meshes.

Peers (another agency's mesh: issuer, audience, its trust bundle fetched
from its bundle endpoint and pinned at first contact; bundle.py,
endpoint.py, peers.py), provider approvals and token exchange for a peer's
callers (peers.py), this mesh's own bundle (publication.py) and the signed,
hash-chained message log anchored on the ledger (messagelog.py, verify.py),
and the calling side: a peer's token for this mesh's callers (exchange.py)
and the egress that forwards their calls to a peer (egress.py).
The chain's federation stage (jipan.interceptors.federation) enforces the
approvals on every server and feeds the message log.

Federation runs in identity's processes: an exchanged token is signed with
identity's key ring (so every server verifies it like any identity token)
and a suspension or a withdrawn approval appends the exchanged tokens'
revocations to identity's revocation feed in the same transaction (so every
server refuses them within the feed's refresh interval). It goes through
identity's Python API for both, never identity's RPCs, and adds nothing to
the stable identity contract.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import grpc
import structlog
from google.protobuf import descriptor_pool

from jipan.federation.v1 import federation_service_pb2, federation_service_pb2_grpc
from jipan.interceptors.federation import exchange_recorder, set_exchange_recorder
from jipan.interceptors.revocation import RevocationKind
from jipan.interceptors.tokens import AccessTokenVerifier
from jipan.servers.federation.bundle import TrustBundle
from jipan.servers.federation.egress import Egress, EgressHandler
from jipan.servers.federation.endpoint import fetch_bundle
from jipan.servers.federation.messagelog import MessageLog, load_log_key
from jipan.servers.federation.names import DOMAIN
from jipan.servers.federation.peers import Federation
from jipan.servers.federation.publication import OwnBundle
from jipan.servers.federation.servicer import FederationServicer
from jipan.servers.federation.store import MIGRATIONS, SCHEMA, FederationStore
from jipan.servers.identity import signing_key_ring
from jipan.servers.identity.keys import SigningKeyRing, load_sealing_key
from jipan.servers.identity.organizations import Organizations, PlatformRoles
from jipan.servers.identity.revocations import record_revocation
from jipan.servers.identity.tokens import TokenIssuer
from jipan.servers.runtime.ledger_anchor import LedgerAnchor
from jipan.servers.runtime.peer_trust import PEER_CLIENT_ROOTS
from jipan.servers.runtime.runtime import Runtime, ServiceModule
from jipan.servers.runtime.server import SERVER_OPTIONS, server_credentials
from jipan.servers.runtime.settings import ConfigError

log = structlog.get_logger(__name__)

FEDERATION_SERVICE = federation_service_pb2.DESCRIPTOR.services_by_name["FederationService"].full_name
IDENTITY_TOKEN_SERVICE = "jipan.identity.v1.TokenService"  # noqa: S105 (a name, not a secret)
LEDGER_SERVICE = "jipan.ledger.v1.LedgerService"
EGRESS_ACTOR = "services/federation-egress"
"""The actor (`act.sub`) of the tokens identity exchanges for the egress's callers."""


def served_methods(services: Sequence[str]) -> list[str]:
    pool = descriptor_pool.Default()
    methods = []
    for service in services:
        try:
            descriptor = pool.FindServiceByName(service)
        except KeyError:
            continue
        methods += [f"/{service}/{method.name}" for method in descriptor.methods]
    return methods


def attach(server: grpc.aio.Server, runtime: Runtime) -> None:
    settings = runtime.settings
    if IDENTITY_TOKEN_SERVICE not in runtime.services:
        raise ConfigError("federation signs exchanged tokens with identity's keys: serve it with identity")
    keys = signing_key_ring(runtime)
    anchor = LedgerAnchor(
        settings,
        runtime,
        service="federation",
        domain=DOMAIN,
        serves_ledger=LEDGER_SERVICE in runtime.services,
    )
    runtime.on_shutdown(anchor.close)
    sealing_key = load_sealing_key(settings)

    async def log_key() -> Any:
        return await load_log_key(runtime.database, sealing_key)

    async def revoke(conn: Any, tokens: Sequence[tuple[str, datetime]]) -> None:
        for jti, expire_time in tokens:
            await record_revocation(conn, RevocationKind.ACCESS_TOKEN, jti, expire_time)

    client_cert = settings.outbound_certificate()

    async def fetch(endpoint: str, ca_pem: str, *, issuer: str, audience: str) -> TrustBundle:
        return await fetch_bundle(endpoint, ca_pem, issuer=issuer, audience=audience, client_cert=client_cert)

    federation = Federation(
        FederationStore(runtime.database),
        settings,
        runtime.page_tokens,
        fetch_bundle=fetch,
        signing_key=keys.signing_key,
        revoke_tokens=revoke,
        on_revoked=runtime.revocations.refresh,
        served_methods=served_methods(runtime.services),
        trust_client_roots=PEER_CLIENT_ROOTS.set,
    )
    message_log = MessageLog(
        runtime.database,
        log_key,
        anchor,
        runtime.page_tokens,
        anchor_interval_s=settings.federation_anchor_interval_s,
    )
    own_bundle = OwnBundle(runtime.database, settings, keys.published_jwks, message_log.key)
    set_exchange_recorder(
        message_log.record if settings.federation_log_enabled else None, provider_issuer=settings.token_issuer
    )
    federation.start()
    message_log.start()

    async def stop() -> None:
        set_exchange_recorder(None)
        await federation.stop()
        await message_log.stop()

    runtime.on_shutdown(stop)
    if settings.federation_egress_listen is not None:
        _serve_egress(runtime, federation, keys)
    federation_service_pb2_grpc.add_FederationServiceServicer_to_server(
        FederationServicer(federation, message_log, own_bundle, settings.token_issuer), server
    )


def _serve_egress(runtime: Runtime, federation: Federation, keys: SigningKeyRing) -> None:
    """Federation's egress (egress.py) on JIPAN_FEDERATION_EGRESS_LISTEN, beside the main server,
    with the same TLS; started now, stopped at shutdown."""
    settings = runtime.settings
    listen = settings.federation_egress_listen
    assert listen is not None
    verifier = AccessTokenVerifier.from_settings(settings, runtime.key_set, revocations=runtime.revocations)
    # Step 1 of the exchange through identity's Python API (federation runs in its processes).
    issuer = TokenIssuer(
        runtime.database,
        settings,
        Organizations(runtime.database, runtime.page_tokens, PlatformRoles.from_settings(settings)),
        keys,
        verifier,
        runtime.revocations.refresh,
    )

    async def home_exchange(caller_token: str, audience: str) -> str:
        token, _ = await issuer.exchange(EGRESS_ACTOR, caller_token, audience, [])
        return token

    egress = Egress(
        federation,
        verifier,
        home_exchange,
        issuer=settings.token_issuer,
        recorder=exchange_recorder,
        client_cert=settings.outbound_certificate(),
    )
    server = grpc.aio.server(options=SERVER_OPTIONS)
    server.add_generic_rpc_handlers((EgressHandler(egress),))
    credentials = server_credentials(settings)
    try:
        if credentials is None:
            port = server.add_insecure_port(listen)
        else:
            port = server.add_secure_port(listen, credentials)
    except RuntimeError as exc:
        raise ConfigError(f"cannot listen on {listen} (JIPAN_FEDERATION_EGRESS_LISTEN): {exc}") from exc
    started = asyncio.get_running_loop().create_task(server.start(), name="federation-egress")
    log.info("federation egress listening", listen=listen, port=port)

    async def stop() -> None:
        await started
        await server.stop(settings.grace_period_s)
        await egress.aclose()

    runtime.on_shutdown(stop)


SERVICE = ServiceModule(
    name="federation",
    service_names=(FEDERATION_SERVICE,),
    attach=attach,
    schema=SCHEMA,
    migrations=MIGRATIONS,
)
