"""The client side of identity's TokenService.ListRevocations: the revocation feed.

What every server's `RevocationList` polls when JIPAN_IDENTITY_TARGET names
identity; SDK users who verify Jipan tokens themselves can poll it too.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from jipan.identity.v1 import resources_pb2, token_service_pb2, token_service_pb2_grpc
from jipan.interceptors.client import target_channel
from jipan.interceptors.revocation import Revocation, RevocationKind, RevocationList, RevocationSource
from jipan.servers.runtime.settings import Settings

FETCH_TIMEOUT_S = 5.0
PAGE_SIZE = 1000

KINDS = {
    resources_pb2.REVOCATION_KIND_ACCESS_TOKEN: RevocationKind.ACCESS_TOKEN,
    resources_pb2.REVOCATION_KIND_CONSENT: RevocationKind.CONSENT,
    resources_pb2.REVOCATION_KIND_SESSION: RevocationKind.SESSION,
}


def revocation_from_message(message: resources_pb2.Revocation) -> Revocation | None:
    """The feed entry, or None for a kind this client does not know (a newer identity).

    A skipped entry does not advance the list's sequence, so it is fetched
    again on each poll until identity deletes it (a day after it expires).
    """
    kind = KINDS.get(message.kind)
    if kind is None:
        return None
    expires = message.expire_time.seconds + message.expire_time.nanos / 1e9
    return Revocation(message.sequence, kind, bytes(message.digest), expires)


def revocation_source(stub: token_service_pb2_grpc.TokenServiceAsyncStub) -> RevocationSource:
    """Reads every page of the feed after a sequence."""

    async def fetch(after_sequence: int) -> list[Revocation]:
        entries: list[Revocation] = []
        page_token = ""
        while True:
            response = await stub.ListRevocations(
                token_service_pb2.ListRevocationsRequest(
                    after_sequence=after_sequence, page_size=PAGE_SIZE, page_token=page_token
                ),
                timeout=FETCH_TIMEOUT_S,
            )
            for message in response.revocations:
                entry = revocation_from_message(message)
                if entry is not None:
                    entries.append(entry)
            page_token = response.next_page_token
            if not page_token:
                return entries

    return fetch


def remote_revocation_list(settings: Settings) -> tuple[RevocationList, Callable[[], Awaitable[None]]]:
    """A RevocationList fed by identity's ListRevocations, and the coroutine that closes its channel.

    Not started: the caller starts it (and stops it before closing the channel).
    TLS when `identity_target_ca_file` is set, like the key set's channel.
    """
    assert settings.identity_target is not None
    channel = target_channel(
        settings.identity_target,
        settings.identity_target_ca_file,
        client_cert=settings.outbound_certificate(),
    )
    source = revocation_source(token_service_pb2_grpc.TokenServiceStub(channel))

    async def close() -> None:
        await channel.close()

    return RevocationList.from_settings(source, settings), close
