"""The consumer's connector for negotiations and transfers with other meshes (through federation).

The servicers route here: a request that names a `peer`, or a message on a
negotiation whose provider is another mesh (Negotiation.remote_provider),
goes to that mesh's dataspace through `RemoteMeshes`; everything else goes
to the domain as before. The provider mesh's record is the one that orders
the messages (both sides may send); this side's record follows it:

* a consumer message: sync first (the provider's messages since the last
  look enter this side's log), send it there, mirror the answer;
* GetNegotiation: sync (when the provider's mesh does not answer, this
  side's record as it stands);
* the agreement: fetched from the provider's mesh once AGREED, its digest
  recomputed here (`Negotiations._check_remote_agreement`), kept under the
  same name, in force once FINALIZED and then anchored on this mesh's ledger
  (the provider's mesh anchors the same digest on its own).

Transfers under such an agreement are the provider mesh's: RequestTransfer
goes there (its token and transfer are that mesh's, recorded in this side's
usage log) and DownloadTransfer with `peer` relays that mesh's stream.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import structlog

from jipan.dataspace.v1 import catalog_service_pb2 as cpb
from jipan.dataspace.v1 import negotiation_service_pb2 as npb
from jipan.dataspace.v1 import resources_pb2 as pb
from jipan.dataspace.v1 import transfer_service_pb2 as tpb
from jipan.interceptors.context import Principal
from jipan.servers.dataspace.catalog.domain import org_of
from jipan.servers.dataspace.consent import mesh_local
from jipan.servers.dataspace.convert import agreement_to_pb, negotiation_to_pb, state_from_pb
from jipan.servers.dataspace.names import DOMAIN, negotiation_name, parse_agreement, parse_negotiation
from jipan.servers.dataspace.negotiation.domain import (
    CONSUMER,
    EITHER,
    MESSAGES,
    PROVIDER,
    Negotiations,
    RemoteStart,
    agreement_not_found,
    canonical_json,
    message_for,
    negotiation_not_found,
    parsed_policy,
)
from jipan.servers.dataspace.negotiation.types import Negotiation, RemoteAgreement, RemoteView
from jipan.servers.dataspace.notifications import NO_TOKEN, Backoff, NotificationStore, PendingNotification
from jipan.servers.dataspace.remote import RemoteMeshes, peer_not_configured
from jipan.servers.runtime.errors import (
    DomainError,
    FailedPrecondition,
    InvalidArgument,
    PermissionDenied,
    Unavailable,
)
from jipan.servers.runtime.idempotency import scope_for

log = structlog.get_logger(__name__)

NOTIFY_TIMEOUT_S = 5.0
LEASE_MARGIN_S = 5.0
"""Beyond one delivery's timeout: the reads and writes around it."""
RETRY_BATCH = 32
TOKEN_MARGIN = timedelta(seconds=30)
"""A token that expires sooner than this is not used for a retry (the exchanges need some life)."""
_REMOTE_TRANSFERS = uuid.UUID("a7e35f0c-51e2-4d8e-b7a9-2f4c1d3e6b80")
_REMOTE_USES = uuid.UUID("5c2d8e4a-0b7f-4f19-9e63-7a1b2c3d4e5f")
_REMOTE_TRANSFERS_LOGGED = "jipan.dataspace.v1.TransferService/RequestTransfer@peer-usage-log"
_REMOTE_USES_LOGGED = "jipan.dataspace.v1.NegotiationService/AuthorizeUse@peer-usage-log"
"""Scopes of the request ids (derived, as sent to the provider's mesh) whose local entry is written."""


def _view(negotiation: pb.Negotiation) -> RemoteView:
    state = state_from_pb(negotiation.state)
    if state is None or negotiation.last_actor not in (PROVIDER, CONSUMER):
        raise FailedPrecondition(
            "AGREEMENT_MISMATCH",
            "the provider's mesh answered with a negotiation without a state or last actor",
            domain=DOMAIN,
            metadata={"negotiation": negotiation.name[:300]},
        )
    return RemoteView(
        state=state,
        last_actor=negotiation.last_actor,
        policy=negotiation.policy,
        policy_sha256=bytes(negotiation.policy_sha256),
        agreement=parse_agreement(negotiation.agreement, "agreement") if negotiation.agreement else None,
        termination_code=negotiation.termination_code,
        termination_reason=negotiation.termination_reason,
        update_time=negotiation.update_time.ToDatetime(tzinfo=UTC),
    )


def _agreement(agreement: pb.Agreement) -> RemoteAgreement:
    return RemoteAgreement(
        id=parse_agreement(agreement.name),
        negotiation=parse_negotiation(agreement.negotiation, "negotiation"),
        dataset=agreement.dataset,
        provider=agreement.provider,
        consumer=agreement.consumer,
        policy=agreement.policy,
        sha256=bytes(agreement.sha256),
        create_time=agreement.create_time.ToDatetime(tzinfo=UTC),
    )


class Connector:
    def __init__(
        self,
        negotiations: Negotiations,
        remote: RemoteMeshes | None,
        outbox: NotificationStore | None = None,
        backoff: Backoff | None = None,
    ) -> None:
        self.negotiations = negotiations
        self.remote = remote
        self.outbox = outbox
        self.backoff = backoff or Backoff(base_s=1.0, max_s=300.0)
        self._rng = random.Random()  # noqa: S311 - jitter of retry times, not a secret
        self._tokens: dict[str, tuple[str, datetime]] = {}
        """Provider organisation → its latest caller token and expiry, for retries (never stored)."""
        self._retrying: asyncio.Task[None] | None = None

    def _meshes(self, peer: str) -> RemoteMeshes:
        if self.remote is None:
            raise peer_not_configured(
                peer, "this mesh has no other meshes configured (JIPAN_DATASPACE_PEERS)"
            )
        self.remote.configured(peer)
        return self.remote

    @staticmethod
    def _token(token: str) -> str:
        if not token:
            raise PermissionDenied(
                "ORGANIZATION_MISMATCH",
                "a call to another mesh needs the caller's bearer token",
                domain=DOMAIN,
            )
        return token

    # --- the catalog -----------------------------------------------------------------------------

    async def list_datasets(
        self, principal: Principal, token: str, request: cpb.ListDatasetsRequest
    ) -> cpb.ListDatasetsResponse:
        org_of(principal)
        meshes = self._meshes(request.peer)
        forwarded = cpb.ListDatasetsRequest()
        forwarded.CopyFrom(request)
        forwarded.peer = ""
        response: cpb.ListDatasetsResponse = await meshes.call(
            request.peer,
            self._token(token),
            "ListDatasets",
            lambda channel, metadata: meshes.catalog(channel).ListDatasets(
                forwarded, metadata=metadata, timeout=30
            ),
        )
        return response

    # --- negotiation -----------------------------------------------------------------------------

    async def request(
        self,
        principal: Principal,
        token: str,
        peer: str,
        dataset: str,
        offer_id: str,
        policy_text: str,
        request_id: str,
    ) -> Negotiation:
        meshes = self._meshes(peer)
        consumer_token = self._token(token)

        async def send(remote_request_id: str) -> RemoteStart:
            answer: npb.RequestContractResponse = await meshes.call(
                peer,
                consumer_token,
                "RequestContract",
                lambda channel, metadata: meshes.negotiation(channel).RequestContract(
                    npb.RequestContractRequest(
                        dataset=dataset, offer_id=offer_id, policy=policy_text, request_id=remote_request_id
                    ),
                    metadata=metadata,
                    timeout=30,
                ),
            )
            n = answer.negotiation
            return RemoteStart(
                id=parse_negotiation(n.name),
                dataset=n.dataset,
                offer_id=n.offer_id,
                provider=n.provider,
                view=_view(n),
            )

        return await self.negotiations.request_remote(
            principal, peer, dataset, offer_id, policy_text, request_id, send
        )

    async def sync(self, principal: Principal, token: str, negotiation: Negotiation) -> Negotiation:
        """This side's record brought to the provider mesh's."""
        meshes = self._meshes(negotiation.peer)
        consumer_token = self._token(token)
        name = negotiation_name(negotiation.id)
        answer: npb.GetNegotiationResponse = await meshes.call(
            negotiation.peer,
            consumer_token,
            "GetNegotiation",
            lambda channel, metadata: meshes.negotiation(channel).GetNegotiation(
                npb.GetNegotiationRequest(name=name), metadata=metadata, timeout=30
            ),
        )
        return await self._mirror(principal, consumer_token, negotiation, answer.negotiation)

    async def _mirror(
        self, principal: Principal, consumer_token: str, negotiation: Negotiation, remote: pb.Negotiation
    ) -> Negotiation:
        if parse_negotiation(remote.name) != negotiation.id:
            raise negotiation_not_found(remote.name)
        view = _view(remote)
        agreement = None
        if view.agreement is not None and negotiation.agreement is None:
            meshes = self._meshes(negotiation.peer)
            found: npb.GetAgreementResponse = await meshes.call(
                negotiation.peer,
                consumer_token,
                "GetAgreement",
                lambda channel, metadata: meshes.negotiation(channel).GetAgreement(
                    npb.GetAgreementRequest(name=remote.agreement), metadata=metadata, timeout=30
                ),
            )
            agreement = _agreement(found.agreement)
        return await self.negotiations.mirror(principal, negotiation.id, view, agreement)

    async def get(self, principal: Principal, token: str, name: str) -> Negotiation:
        negotiation = await self.negotiations.get(principal, name)
        if not negotiation.remote_provider or self.remote is None or not token:
            return negotiation
        try:
            return await self.sync(principal, token, negotiation)
        except (Unavailable, FailedPrecondition) as exc:
            # The provider's mesh is down or no longer configured: this side's record as it stands.
            log.warning("negotiation not synced", negotiation=name, reason=exc.reason)
            return negotiation

    async def send(
        self,
        principal: Principal,
        token: str,
        name: str,
        method: str,
        *,
        policy_text: str = "",
        code: str = "",
        reason: str = "",
    ) -> Negotiation:
        """One protocol message: to the domain for a negotiation inside this mesh (or the provider's
        side of one with another mesh), through the provider's mesh for the consumer's side."""
        negotiation = await self.negotiations.get(principal, name)
        if not negotiation.remote_provider:
            updated = await self.negotiations.send(
                principal, name, method, policy_text=policy_text, code=code, reason=reason
            )
            if updated.last_actor == PROVIDER and updated != negotiation:
                await self.notify(principal, token, updated)
            return updated
        message = MESSAGES[method]
        if message.sender == PROVIDER:
            raise FailedPrecondition(
                "NEGOTIATION_STATE",
                f"only the provider sends {method}, and the provider is on the mesh {negotiation.peer}",
                domain=DOMAIN,
                metadata={"state": negotiation.state.value, "message": method, "role": CONSUMER},
            )
        meshes = self._meshes(negotiation.peer)
        consumer_token = self._token(token)
        negotiation = await self.sync(principal, consumer_token, negotiation)
        terms = parsed_policy(policy_text) if policy_text else None
        if self.negotiations.is_retry(negotiation, method, CONSUMER, terms):
            return negotiation
        if negotiation.state not in message.allowed:
            raise FailedPrecondition(
                "NEGOTIATION_STATE",
                f"{method} is not allowed in state {negotiation.state.value}",
                domain=DOMAIN,
                metadata={"state": negotiation.state.value, "message": method, "role": CONSUMER},
            )
        stub_method = method

        async def call(channel: Any, metadata: Any) -> Any:
            stub = meshes.negotiation(channel)
            if stub_method == "CounterRequest":
                return await stub.CounterRequest(
                    npb.CounterRequestRequest(name=name, policy=policy_text), metadata=metadata, timeout=30
                )
            if stub_method == "AcceptOffer":
                return await stub.AcceptOffer(
                    npb.AcceptOfferRequest(name=name), metadata=metadata, timeout=30
                )
            if stub_method == "VerifyAgreement":
                return await stub.VerifyAgreement(
                    npb.VerifyAgreementRequest(name=name), metadata=metadata, timeout=30
                )
            return await stub.TerminateNegotiation(
                npb.TerminateNegotiationRequest(name=name, code=code, reason=reason),
                metadata=metadata,
                timeout=30,
            )

        answer = await meshes.call(negotiation.peer, consumer_token, method, call)
        return await self._mirror(principal, consumer_token, negotiation, answer.negotiation)

    # --- the provider's messages, notified (the protocol's callback) ------------------------------

    def _notify_target(self, negotiation: Negotiation) -> str | None:
        """On the provider's side: the configured mesh whose consumers arrive as the negotiation's
        federation peer, if any."""
        if self.remote is None or not negotiation.peer or negotiation.remote_provider:
            return None
        for peer_id, config in self.remote.peers.items():
            if config.federation_peer == negotiation.peer:
                return peer_id
        return None

    async def notify(self, principal: Principal, token: str, negotiation: Negotiation) -> None:
        """After a provider message on a negotiation whose consumer is another mesh's: record the
        new version in the outbox (notifications.py), then tell that mesh at once; what does not
        arrive is retried by the outbox's loop (the consumer's side also syncs whenever its
        consumer reads or sends)."""
        peer = self._notify_target(negotiation)
        if peer is None or self.remote is None:
            return
        provider = principal.org or negotiation.provider
        delivering = token or self._token_of(provider)
        if self.outbox is not None:
            # Held while this call delivers it, so that no retry loop sends it a second time meanwhile.
            hold_s = NOTIFY_TIMEOUT_S + LEASE_MARGIN_S if delivering else 0.0
            await self.outbox.enqueue(negotiation.id, peer, provider, negotiation.update_time, hold_s=hold_s)
        if token:
            await self._remember(provider, token, principal.expires_at)
        token = delivering
        if not token:
            return
        # Inline, so the consumer's record has changed when the provider's call returns, but
        # bounded: a mesh that does not answer delays the provider's message NOTIFY_TIMEOUT_S.
        error = await self._deliver(peer, token, negotiation)
        if self.outbox is None:
            return
        if error is None:
            await self.outbox.delivered(negotiation.id, negotiation.update_time)
        else:
            await self.outbox.failed(
                negotiation.id, negotiation.update_time, self.backoff.delay_s(1, self._rng), error
            )

    async def _remember(self, provider: str, token: str, expires_at: datetime) -> None:
        """Keep (in memory only) the provider organisation's latest token, for the outbox's retries."""
        held = self._tokens.get(provider)
        if held is None or held[1] < expires_at:
            self._tokens[provider] = (token, expires_at)
        stale = held is None or held[1] - TOKEN_MARGIN < datetime.now(UTC)
        if stale and self.outbox is not None:
            await self.outbox.wake(provider)

    def _token_of(self, provider: str) -> str:
        held = self._tokens.get(provider)
        if held is None or held[1] - TOKEN_MARGIN < datetime.now(UTC):
            return ""
        return held[0]

    async def _notification(self, negotiation: Negotiation) -> npb.NotifyNegotiationRequest:
        request = npb.NotifyNegotiationRequest(negotiation=negotiation_to_pb(negotiation))
        if negotiation.agreement is not None:
            agreement = await self.negotiations.store.get_agreement(negotiation.agreement)
            if agreement is not None:
                request.agreement.CopyFrom(agreement_to_pb(agreement))
        return request

    async def _deliver(self, peer: str, token: str, negotiation: Negotiation) -> str | None:
        """One NotifyNegotiation with the negotiation's record; None when delivered, else why not."""
        assert self.remote is not None
        meshes = self.remote
        request = await self._notification(negotiation)
        try:
            await asyncio.wait_for(
                meshes.call(
                    peer,
                    token,
                    "NotifyNegotiation",
                    lambda channel, metadata: meshes.negotiation(channel).NotifyNegotiation(
                        request, metadata=metadata, timeout=NOTIFY_TIMEOUT_S
                    ),
                ),
                NOTIFY_TIMEOUT_S,
            )
        except TimeoutError:
            problem = "timeout"
        except DomainError as exc:
            peer_reason = exc.metadata.get("peer_reason", "")
            problem = f"{exc.reason} {peer_reason}".strip()
        else:
            return None
        log.warning(
            "consumer mesh not notified",
            negotiation=negotiation_name(negotiation.id),
            peer=peer,
            reason=problem,
        )
        return problem

    # --- the outbox's retries ----------------------------------------------------------------------

    def start(self) -> None:
        """Start retrying undelivered notifications (with other meshes configured only)."""
        if self.remote is not None and self.outbox is not None and self._retrying is None:
            self._retrying = asyncio.get_running_loop().create_task(
                self._retry_loop(), name="dataspace-notify-retries"
            )

    async def close(self) -> None:
        if self._retrying is not None:
            self._retrying.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._retrying
            self._retrying = None

    async def _retry_loop(self) -> None:
        poll_s = min(1.0, self.backoff.base_s)
        while True:
            await asyncio.sleep(poll_s)
            try:
                await self.retry_due()
            except Exception:
                log.exception("notification retries failed")

    async def retry_due(self) -> int:
        """Attempt the notifications due now; how many were delivered."""
        if self.outbox is None or self.remote is None:
            return 0
        # The claimed rows are attempted side by side: one after another, a few meshes that do
        # not answer would outlast the lease and let another replica claim (and send) the rest.
        items = await self.outbox.claim_due(RETRY_BATCH, lease_s=2 * NOTIFY_TIMEOUT_S + LEASE_MARGIN_S)
        outcomes = await asyncio.gather(*(self._retry(item) for item in items), return_exceptions=True)
        for item, outcome in zip(items, outcomes, strict=True):
            if isinstance(outcome, BaseException):
                log.error(
                    "notification retry failed",
                    negotiation=negotiation_name(item.negotiation),
                    peer=item.peer,
                    error=repr(outcome),
                )
        return sum(outcome is True for outcome in outcomes)

    async def _retry(self, item: PendingNotification) -> bool:
        """One claimed row's attempt; whether it was delivered."""
        assert self.outbox is not None
        negotiation = await self.negotiations.store.get(item.negotiation)
        token = self._token_of(item.provider)
        if negotiation is None:
            await self.outbox.delivered(item.negotiation, item.version)  # nothing left to tell
            return False
        if not token:
            delay = self.backoff.delay_s(item.attempts + 1, self._rng)
            await self.outbox.postpone(item.negotiation, item.version, delay, NO_TOKEN)
            return False
        error = await self._deliver(item.peer, token, negotiation)
        if error is not None:
            delay = self.backoff.delay_s(item.attempts + 1, self._rng)
            await self.outbox.failed(item.negotiation, item.version, delay, error)
            return False
        await self.outbox.delivered(item.negotiation, item.version)
        log.info(
            "consumer mesh notified on retry",
            negotiation=negotiation_name(item.negotiation),
            peer=item.peer,
            attempts=item.attempts + 1,
        )
        return True

    async def notified(self, principal: Principal, request: npb.NotifyNegotiationRequest) -> Negotiation:
        """On the consumer's side: the provider mesh's record after one of its provider's messages.
        Accepted only from a caller federation exchanged for the issuer configured for the
        negotiation's peer, and only when it is a provider message the protocol allows from this
        side's state (a late notification of an older state is ignored)."""
        fed = principal.claims.get("fed")
        negotiation_id = parse_negotiation(request.negotiation.name, "negotiation.name")
        local = await self.negotiations.store.get(negotiation_id)
        config = None
        if local is not None and local.remote_provider and self.remote is not None:
            config = self.remote.peers.get(local.peer)
        if (
            local is None
            or config is None
            or config.issuer is None
            or not isinstance(fed, dict)
            or fed.get("peer_issuer") != config.issuer
        ):
            raise PermissionDenied(
                "PEER_NOT_CONFIGURED",
                "only the connector of the mesh this negotiation's provider is on notifies it",
                domain=DOMAIN,
                metadata={"negotiation": request.negotiation.name[:300]},
            )
        view = _view(request.negotiation)
        if view.last_actor != PROVIDER or view.state is local.state:
            return local
        message = MESSAGES[message_for(view.state, local.state)]
        if message.sender not in (PROVIDER, EITHER) or local.state not in message.allowed:
            log.info(
                "late notification ignored", negotiation=request.negotiation.name, state=view.state.value
            )
            return local
        agreement = None
        if view.agreement is not None and local.agreement is None and request.HasField("agreement"):
            agreement = _agreement(request.agreement)
        return await self.negotiations.mirror(principal, local.id, view, agreement)

    # --- transfers -------------------------------------------------------------------------------

    async def remote_agreement(self, principal: Principal, name: str) -> tuple[Negotiation, str] | None:
        """For an agreement of this side's record of a negotiation with another mesh: the
        negotiation and the peer; None for an agreement of this mesh."""
        agreement = await self.negotiations.get_agreement(principal, name, "agreement")
        if not agreement.provider.startswith("peers/"):
            return None
        negotiation = await self.negotiations.store.get(agreement.negotiation)
        if negotiation is None:
            raise agreement_not_found(name)
        return negotiation, negotiation.peer

    async def request_transfer(
        self,
        principal: Principal,
        token: str,
        negotiation: Negotiation,
        request: tpb.RequestTransferRequest,
    ) -> tpb.RequestTransferResponse:
        """RequestTransfer under an agreement with another mesh: sent there (the provider's
        connector checks the policy, counts the use and issues the token), logged here."""
        if request.consent_token:
            # A consent token of this mesh's identity verifies only here; the provider's mesh would
            # refuse it the same way (its check is the one that holds).
            raise mesh_local("consent_token", negotiation.dataset)
        if request.HasField("cloud_destination"):
            raise InvalidArgument(
                "PUSH_DESTINATION_INVALID",
                "cloud_destination: under an agreement with another mesh the provider's mesh writes, "
                "and the consumer's accounts are at this mesh's broker",
                domain=DOMAIN,
                metadata={"problem": "agreement with another mesh", "field": "cloud_destination"},
            )
        meshes = self._meshes(negotiation.peer)
        consumer_token = self._token(token)
        forwarded = tpb.RequestTransferRequest()
        forwarded.CopyFrom(request)
        forwarded.request_id = str(
            uuid.uuid5(_REMOTE_TRANSFERS, f"{principal.subject}\n{request.request_id}")
        )
        answer: tpb.RequestTransferResponse = await meshes.call(
            negotiation.peer,
            consumer_token,
            "RequestTransfer",
            lambda channel, metadata: meshes.transfer(channel).RequestTransfer(
                forwarded, metadata=metadata, timeout=60
            ),
        )
        transfer = answer.transfer
        await self._log(
            principal,
            negotiation,
            "TransferRequestMessage",
            once=(_REMOTE_TRANSFERS_LOGGED, forwarded),
            transfer=transfer.name,
            peer=negotiation.peer,
            distribution=request.distribution_id,
            purpose=request.purpose,
            state=pb.TransferState.Name(transfer.state),
            sha256=bytes(transfer.sha256).hex(),
            format=transfer.format,
        )
        return answer

    async def authorize_use(
        self,
        principal: Principal,
        token: str,
        negotiation: Negotiation,
        request: npb.AuthorizeUseRequest,
    ) -> npb.AuthorizeUseResponse:
        """AuthorizeUse under an agreement with another mesh: the provider's mesh decides (its
        record counts the uses); the decision is logged here too."""
        if request.consent_token:
            raise mesh_local("consent_token", negotiation.dataset)
        meshes = self._meshes(negotiation.peer)
        forwarded = npb.AuthorizeUseRequest()
        forwarded.CopyFrom(request)
        forwarded.request_id = str(uuid.uuid5(_REMOTE_USES, f"{principal.subject}\n{request.request_id}"))
        answer: npb.AuthorizeUseResponse = await meshes.call(
            negotiation.peer,
            self._token(token),
            "AuthorizeUse",
            lambda channel, metadata: meshes.negotiation(channel).AuthorizeUse(
                forwarded, metadata=metadata, timeout=30
            ),
        )
        decision = answer.decision
        await self._log(
            principal,
            negotiation,
            "AuthorizeUse",
            once=(_REMOTE_USES_LOGGED, forwarded),
            agreement=request.agreement,
            peer=negotiation.peer,
            action=request.action,
            purpose=request.purpose,
            spatial=request.spatial,
            distribution=request.distribution_id,
            permitted=decision.permitted,
            decision=decision.decision,
            rule=decision.rule,
            constraint=decision.constraint,
            use_count=decision.use_count,
        )
        return answer

    async def download(
        self, principal: Principal, token: str, request: tpb.DownloadTransferRequest
    ) -> AsyncIterator[tpb.DownloadTransferResponse]:
        """The provider mesh's DownloadTransfer stream, relayed (its first message read, so a
        refusal there is this call's refusal)."""
        org_of(principal)
        meshes = self._meshes(request.peer)
        forwarded = tpb.DownloadTransferRequest()
        forwarded.CopyFrom(request)
        forwarded.peer = ""
        stream: AsyncIterator[tpb.DownloadTransferResponse] = await meshes.stream(
            request.peer,
            self._token(token),
            "DownloadTransfer",
            lambda channel, metadata: meshes.transfer(channel).DownloadTransfer(forwarded, metadata=metadata),
        )
        return stream

    async def _log(
        self,
        principal: Principal,
        negotiation: Negotiation,
        event: str,
        *,
        once: tuple[str, tpb.RequestTransferRequest | npb.AuthorizeUseRequest] | None = None,
        **details: Any,
    ) -> None:
        """Append `event` to this side's usage log. With `once` (a scope and the request sent to the
        provider's mesh, whose request id is derived from the caller's): the entry is appended once
        per request id, in the transaction that claims it, so a retry the provider's mesh replays
        (the entry lost to a cancellation after its answer, or already written) is logged once."""
        store = self.negotiations.store
        async with store.pool.acquire() as conn, conn.transaction():
            locked = await store.get(negotiation.id, conn, lock=True)
            if locked is None:
                raise negotiation_not_found(negotiation_name(negotiation.id))
            if once is not None:
                method, sent = once
                request_ids = self.negotiations.request_ids
                scope = scope_for(method, principal.subject)
                fingerprint = sent.SerializeToString(deterministic=True)
                if await request_ids.claim(conn, scope, sent.request_id, fingerprint) is not None:
                    return  # logged by an earlier try of this request
                await request_ids.record(conn, scope, sent.request_id, event.encode())
            await store.append(
                conn,
                negotiation.id,
                event,
                CONSUMER,
                principal.subject,
                canonical_json(details),
                datetime.now(UTC),
            )
        await self.negotiations.anchor_pending(negotiation)
