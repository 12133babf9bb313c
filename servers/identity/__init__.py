"""jipan.identity.v1: passkeys, organisations and the tokens every server verifies."""

from __future__ import annotations

from pathlib import Path

import asyncpg
import grpc

from jipan.identity.v1 import (
    consent_service_pb2,
    consent_service_pb2_grpc,
    organization_service_pb2,
    organization_service_pb2_grpc,
    passkey_service_pb2,
    passkey_service_pb2_grpc,
    security_event_service_pb2,
    security_event_service_pb2_grpc,
    service_account_service_pb2,
    service_account_service_pb2_grpc,
    token_service_pb2,
    token_service_pb2_grpc,
)
from jipan.interceptors.revocation import RevocationSource
from jipan.interceptors.tokens import AccessTokenVerifier
from jipan.servers.identity.anchoring import SecurityEventAnchoring
from jipan.servers.identity.consents import Consents
from jipan.servers.identity.events import SecurityEvents
from jipan.servers.identity.keys import (
    IDENTITY_KEY_CACHE_S,
    SigningKeyRing,
    load_sealing_key,
    local_key_set,
    overlap_s,
)
from jipan.servers.identity.ledger_anchor import ledger_anchorer
from jipan.servers.identity.organizations import Organizations, PlatformRoles
from jipan.servers.identity.passkeys import PasskeyCeremonies
from jipan.servers.identity.revocations import RevocationFeed, feed_source
from jipan.servers.identity.service_accounts import ServiceAccounts
from jipan.servers.identity.servicer import (
    ConsentServicer,
    OrganizationServicer,
    PasskeyServicer,
    SecurityEventServicer,
    ServiceAccountServicer,
    TokenServicer,
)
from jipan.servers.identity.tokens import TokenIntrospector, TokenIssuer
from jipan.servers.runtime.runtime import Runtime, ServiceModule
from jipan.servers.runtime.settings import Settings

SCHEMA = "identity"
MIGRATIONS = Path(__file__).with_name("migrations")
SERVICE_NAMES = (
    passkey_service_pb2.DESCRIPTOR.services_by_name["PasskeyService"].full_name,
    token_service_pb2.DESCRIPTOR.services_by_name["TokenService"].full_name,
    organization_service_pb2.DESCRIPTOR.services_by_name["OrganizationService"].full_name,
    security_event_service_pb2.DESCRIPTOR.services_by_name["SecurityEventService"].full_name,
    service_account_service_pb2.DESCRIPTOR.services_by_name["ServiceAccountService"].full_name,
    consent_service_pb2.DESCRIPTOR.services_by_name["ConsentService"].full_name,
)


def signing_key_ring(runtime: Runtime, *, cache_s: float = IDENTITY_KEY_CACHE_S) -> SigningKeyRing:
    """The key ring of this process (every replica builds its own over the shared table)."""
    settings = runtime.settings
    return SigningKeyRing(
        runtime.database,
        sealing_key=load_sealing_key(settings),
        rotation_s=settings.signing_key_rotation_s,
        overlap=overlap_s(settings, IDENTITY_KEY_CACHE_S),
        cache_s=cache_s,
        # This process verifies the tokens it signs: it sees a new key at once
        # (other processes when their key set refreshes on the unknown kid).
        on_new_key=getattr(runtime.key_set, "refresh", None),
    )


def local_revocation_source(settings: Settings, pool: asyncpg.Pool) -> RevocationSource:
    """The feed of a process that runs identity without JIPAN_IDENTITY_TARGET: its own table."""
    return feed_source(pool)


def build_module(*, signing_key_cache_s: float = IDENTITY_KEY_CACHE_S) -> ServiceModule:
    """The identity ServiceModule; tests shorten the signing-key cache to see rotations at once."""

    def attach(server: grpc.aio.Server, runtime: Runtime) -> None:
        keys = signing_key_ring(runtime, cache_s=signing_key_cache_s)
        organizations = Organizations(
            runtime.database, runtime.page_tokens, PlatformRoles.from_settings(runtime.settings)
        )
        # Subject tokens of ExchangeToken are refused once revoked, like on every server.
        verifier = AccessTokenVerifier.from_settings(
            runtime.settings, runtime.key_set, revocations=runtime.revocations
        )
        # After a revocation commits, this process re-reads the feed at once
        # (other processes within their refresh interval).
        on_revoked = runtime.revocations.refresh
        revocations = RevocationFeed(
            runtime.database, runtime.settings, runtime.key_set, runtime.page_tokens, on_revoked
        )
        tokens = TokenIssuer(runtime.database, runtime.settings, organizations, keys, verifier, on_revoked)
        ceremonies = PasskeyCeremonies(
            runtime.database, runtime.settings, organizations, tokens, runtime.page_tokens
        )
        service_accounts = ServiceAccounts(
            runtime.database, runtime.settings, organizations, tokens, runtime.page_tokens
        )
        consents = Consents(
            runtime.database, runtime.settings, organizations, keys, runtime.page_tokens, on_revoked
        )
        consent_service_pb2_grpc.add_ConsentServiceServicer_to_server(ConsentServicer(consents), server)
        passkey_service_pb2_grpc.add_PasskeyServiceServicer_to_server(PasskeyServicer(ceremonies), server)
        token_service_pb2_grpc.add_TokenServiceServicer_to_server(
            TokenServicer(
                keys,
                tokens,
                service_accounts,
                consents,
                TokenIntrospector(runtime.database, runtime.settings, runtime.key_set, revocations),
                revocations,
            ),
            server,
        )
        organization_service_pb2_grpc.add_OrganizationServiceServicer_to_server(
            OrganizationServicer(organizations), server
        )
        service_account_service_pb2_grpc.add_ServiceAccountServiceServicer_to_server(
            ServiceAccountServicer(service_accounts), server
        )
        security_event_service_pb2_grpc.add_SecurityEventServiceServicer_to_server(
            SecurityEventServicer(SecurityEvents(runtime.database, organizations, runtime.page_tokens)),
            server,
        )
        if runtime.settings.security_event_ledger_target is not None:
            anchor, close = ledger_anchorer(runtime.settings, keys)
            anchoring = SecurityEventAnchoring(
                runtime.database, anchor, interval_s=runtime.settings.security_event_anchor_interval_s
            )
            anchoring.start()
            # Last in, first out: the job stops before its channel closes.
            runtime.on_shutdown(close)
            runtime.on_shutdown(anchoring.stop)

    return ServiceModule(
        name="identity",
        service_names=SERVICE_NAMES,
        attach=attach,
        schema=SCHEMA,
        migrations=MIGRATIONS,
        # Without a remote identity, this process verifies identity's tokens
        # from identity's own tables.
        extend_key_set=local_key_set,
        # ...and the revocation feed from identity's own table.
        revocation_source=local_revocation_source,
    )


SERVICE = build_module()
