"""Contract negotiation as the Dataspace Protocol defines it, agreements, and usage control.

Each method of NegotiationService is one protocol message. MESSAGES says
who may send it and in which states; the negotiation's row lock orders
concurrent messages, and the message, the new state and the usage log entry
are written in one transaction. A message that repeats the one that led to
the current state (same side, same terms) is a retry: it returns the
negotiation unchanged and logs nothing.

Log entries are anchored on the ledger after the transaction commits; an
entry the ledger did not take (it is down) stays pending and is anchored by
the next call that touches the negotiation, so nothing waits on the ledger
and nothing is lost.
"""

from __future__ import annotations

import asyncio
import functools
import hashlib
import json
import uuid
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

import structlog

from jipan.interceptors.context import Principal
from jipan.servers.dataspace import policy
from jipan.servers.dataspace.catalog.domain import (
    dataset_not_found,
    distribution_not_found,
    federated_party,
    org_of,
)
from jipan.servers.dataspace.catalog.store import CatalogStore
from jipan.servers.dataspace.catalog.types import Dataset
from jipan.servers.dataspace.consent import (
    ConsentCheck,
    ConsentGrant,
    consent_required,
    mesh_local,
    not_personal,
)
from jipan.servers.dataspace.names import (
    DOMAIN,
    agreement_name,
    dataset_name,
    negotiation_name,
    parse_agreement,
    parse_dataset,
    parse_negotiation,
)
from jipan.servers.dataspace.negotiation.store import NegotiationStore
from jipan.servers.dataspace.negotiation.types import (
    TERMINAL,
    Agreement,
    LogEntry,
    Negotiation,
    RemoteAgreement,
    RemoteView,
    State,
    UseRecord,
)
from jipan.servers.dataspace.negotiation.usage_log import ChainCheck, check_chain
from jipan.servers.runtime.errors import (
    DomainError,
    FailedPrecondition,
    InvalidArgument,
    NotFound,
    PermissionDenied,
    Unavailable,
)
from jipan.servers.runtime.idempotency import Connection, RequestIds, scope_for
from jipan.servers.runtime.ledger_anchor import DecisionAnchor
from jipan.servers.runtime.pagination import PageTokens, query_fingerprint, resolve_page_size

log = structlog.get_logger(__name__)

PROVIDER = "provider"
CONSUMER = "consumer"
EITHER = "either"
REQUEST_SCOPE = "jipan.dataspace.v1.NegotiationService/RequestContract"
USE_SCOPE = "jipan.dataspace.v1.NegotiationService/AuthorizeUse"
MAX_VERIFIED_ENTRIES = 100_000
LEDGER_LOOKUPS_IN_FLIGHT = 16


@dataclass(frozen=True)
class Message:
    protocol: str
    """The Dataspace Protocol message it is."""
    sender: str
    allowed: frozenset[State]
    target: State


MESSAGES: dict[str, Message] = {
    "RequestContract": Message("ContractRequestMessage", CONSUMER, frozenset(), State.REQUESTED),
    "OfferContract": Message("ContractOfferMessage", PROVIDER, frozenset({State.REQUESTED}), State.OFFERED),
    "CounterRequest": Message(
        "ContractRequestMessage", CONSUMER, frozenset({State.OFFERED}), State.REQUESTED
    ),
    "AcceptOffer": Message(
        "ContractNegotiationEventMessage:ACCEPTED", CONSUMER, frozenset({State.OFFERED}), State.ACCEPTED
    ),
    "AgreeContract": Message(
        "ContractAgreementMessage", PROVIDER, frozenset({State.REQUESTED, State.ACCEPTED}), State.AGREED
    ),
    "VerifyAgreement": Message(
        "ContractAgreementVerificationMessage", CONSUMER, frozenset({State.AGREED}), State.VERIFIED
    ),
    "FinalizeContract": Message(
        "ContractNegotiationEventMessage:FINALIZED", PROVIDER, frozenset({State.VERIFIED}), State.FINALIZED
    ),
    "TerminateNegotiation": Message(
        "ContractNegotiationTerminationMessage", EITHER, frozenset(set(State) - TERMINAL), State.TERMINATED
    ),
}


_REMOTE_REQUESTS = uuid.UUID("3b0f7f0e-9d55-4a3c-8f1e-0d6c9a7b5e21")
"""Namespace of the request ids the consumer's side sends on: one per caller and request id."""


@dataclass(frozen=True)
class RemoteStart:
    """The provider mesh's answer to a RequestContract sent there."""

    id: uuid.UUID
    dataset: str
    offer_id: str
    provider: str
    view: RemoteView


def message_for(state: State, previous: State) -> str:
    """The protocol message that took a negotiation from `previous` to `state` (sent by
    the side the state says): what the consumer's side logs when it mirrors the provider mesh's record."""
    if state is State.REQUESTED:
        return "CounterRequest" if previous is State.OFFERED else "RequestContract"
    return {
        State.OFFERED: "OfferContract",
        State.ACCEPTED: "AcceptOffer",
        State.AGREED: "AgreeContract",
        State.VERIFIED: "VerifyAgreement",
        State.FINALIZED: "FinalizeContract",
        State.TERMINATED: "TerminateNegotiation",
    }[state]


def canonical_json(value: Mapping[str, Any]) -> str:
    """Sorted keys, no spaces, UTF-8 kept: the text usage-log details and digests are taken over."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


@functools.lru_cache(maxsize=1024)
def parsed_policy(text: str) -> policy.Policy:
    """Policies are parsed once per process: an agreement's is read on every access."""
    return policy.parse_policy(text, field_name="policy", domain=DOMAIN)


def negotiation_not_found(name: str) -> NotFound:
    return NotFound(
        "NEGOTIATION_NOT_FOUND",
        "no negotiation with this name involves the caller's organisation",
        domain=DOMAIN,
        metadata={"name": name[:300]},
    )


def agreement_not_found(name: str) -> NotFound:
    return NotFound(
        "AGREEMENT_NOT_FOUND",
        "no agreement with this name involves the caller's organisation",
        domain=DOMAIN,
        metadata={"name": name[:300]},
    )


def agreement_policy(negotiation: Negotiation, agreement_id: uuid.UUID) -> str:
    """The terms on the table as an odrl:Agreement between the two parties."""
    document = json.loads(negotiation.policy)
    document.update(
        {
            "@type": "Agreement",
            "uid": f"urn:jipan:dataspace:{agreement_name(agreement_id)}",
            "assigner": negotiation.provider,
            "assignee": negotiation.consumer,
            "target": f"urn:jipan:dataspace:{negotiation.dataset}",
        }
    )
    return canonical_json(document)


def agreement_digest(
    negotiation: Negotiation, agreement_id: uuid.UUID, policy_text: str, at: datetime
) -> bytes:
    """SHA-256 of the agreement record: the digest anchored on the ledger."""
    record = {
        "agreement": agreement_name(agreement_id),
        "negotiation": negotiation_name(negotiation.id),
        "dataset": negotiation.dataset,
        "provider": negotiation.provider,
        "consumer": negotiation.consumer,
        "policy_sha256": hashlib.sha256(policy_text.encode()).hexdigest(),
        "time": at.isoformat(timespec="microseconds"),
    }
    return hashlib.sha256(canonical_json(record).encode()).digest()


def agreement_not_active(name: str, state: str = "") -> FailedPrecondition:
    return FailedPrecondition(
        "AGREEMENT_NOT_ACTIVE",
        "the agreement is not in force (its negotiation is not FINALIZED)",
        domain=DOMAIN,
        metadata={"agreement": name, **({"state": state} if state else {})},
    )


class Negotiations:
    def __init__(
        self,
        store: NegotiationStore,
        catalog: CatalogStore,
        anchor: DecisionAnchor,
        page_tokens: PageTokens,
        request_ids: RequestIds,
        consents: ConsentCheck,
    ) -> None:
        self.store = store
        self.catalog = catalog
        self.anchor = anchor
        self.page_tokens = page_tokens
        self.request_ids = request_ids
        self.consents = consents

    async def lock_in_force(self, conn: Any, agreement_id: uuid.UUID) -> tuple[Negotiation, Agreement]:
        """Lock the agreement's negotiation, then the agreement, and check that it is in force:
        what every access (AuthorizeUse, a transfer's request, resume and download) starts with."""
        name = agreement_name(agreement_id)
        locked = await self.store.lock_agreement(conn, agreement_id)
        if locked is None:
            raise agreement_not_found(name)
        negotiation, agreement = locked
        if not agreement.active:
            raise agreement_not_active(name, negotiation.state.value)
        return negotiation, agreement

    async def dataset_of(self, agreement: Agreement) -> Dataset:
        publisher, dataset_id = parse_dataset(agreement.dataset)
        dataset = await self.catalog.get(publisher, dataset_id)
        if dataset is None:
            raise dataset_not_found(agreement.dataset)
        return dataset

    async def personal_grant(
        self,
        principal: Principal,
        dataset: Dataset,
        consent_token: str,
        purpose: str,
        *,
        negotiation: uuid.UUID,
        event: str,
    ) -> ConsentGrant | None:
        """For a dataset of personal data, the consent `consent_token` proves for this use (CONSENT_*
        otherwise, logged in the negotiation's usage log as `event`); None for other datasets, which
        take no consent token."""
        if not dataset.fields.personal_data:
            if consent_token:
                raise not_personal("consent_token")
            return None
        try:
            if federated_party(principal) is not None:
                raise mesh_local("dataset.personal_data", dataset_name(dataset.publisher, dataset.id))
            if not consent_token:
                raise consent_required()
            return await self.consents.verify(
                consent_token, principal, purpose=purpose, category=dataset.fields.personal_data_category
            )
        except PermissionDenied as exc:
            await self.log_consent_refusal(negotiation, principal, event, exc, purpose=purpose)
            raise

    async def log_consent_refusal(
        self,
        negotiation_id: uuid.UUID,
        principal: Principal,
        event: str,
        refusal: DomainError,
        **details: Any,
    ) -> None:
        """A use refused for want of a consent is an access like any other: it goes to the log."""
        async with self.store.pool.acquire() as conn, conn.transaction():
            negotiation = await self.store.get(negotiation_id, conn, lock=True)
            if negotiation is None:
                return
            await self._log(
                conn,
                negotiation,
                event,
                CONSUMER,
                principal,
                datetime.now(UTC),
                refused=refusal.reason,
                problem=refusal.metadata.get("problem", ""),
                **details,
            )
        await self.anchor_pending(negotiation)

    # --- reading ---------------------------------------------------------------------------------

    @staticmethod
    def _role(org: str, negotiation: Negotiation) -> str | None:
        if org == negotiation.provider:
            return PROVIDER
        if org == negotiation.consumer:
            return CONSUMER
        return None

    async def get(self, principal: Principal, name: str, field: str = "name") -> Negotiation:
        org = org_of(principal)
        negotiation = await self.store.get(parse_negotiation(name, field))
        if negotiation is None or self._role(org, negotiation) is None:
            raise negotiation_not_found(name)
        return negotiation

    async def list_negotiations(
        self, principal: Principal, page_size: int, page_token: str, state: State | None, role: str
    ) -> tuple[list[Negotiation], str]:
        org = org_of(principal)
        size = resolve_page_size(page_size, default=50, maximum=500)
        fingerprint = query_fingerprint(
            "ListNegotiations", org=org, role=role, state=state.value if state else ""
        )
        before = int(self.page_tokens.decode(page_token, fingerprint)["before"]) if page_token else 2**62
        rows = await self.store.list_negotiations(
            org, role=role, state=state, before_seq=before, limit=size + 1
        )
        token = ""
        if len(rows) > size:
            rows = rows[:size]
            token = self.page_tokens.encode(fingerprint, {"before": rows[-1][0]})
        return [negotiation for _, negotiation in rows], token

    async def get_agreement(self, principal: Principal, name: str, field: str = "name") -> Agreement:
        org = org_of(principal)
        agreement = await self.store.get_agreement(parse_agreement(name, field))
        if agreement is None or org not in (agreement.provider, agreement.consumer):
            raise agreement_not_found(name)
        return agreement

    # --- protocol messages -----------------------------------------------------------------------

    async def request(
        self, principal: Principal, dataset: str, offer_id: str, policy_text: str, request_id: str
    ) -> Negotiation:
        consumer = org_of(principal)
        peer = principal.subject if federated_party(principal) else ""
        publisher, dataset_id = parse_dataset(dataset, "dataset")
        found = await self.catalog.get(publisher, dataset_id)
        if found is None:
            raise dataset_not_found(dataset)
        offer = found.offer(offer_id)
        if offer is None:
            raise NotFound(
                "OFFER_NOT_FOUND",
                "the dataset has no offer with this id",
                domain=DOMAIN,
                metadata={"offer": offer_id[:63], "dataset": dataset},
            )
        if publisher == consumer:
            raise InvalidArgument(
                "SELF_NEGOTIATION",
                "an organisation does not negotiate for its own dataset",
                domain=DOMAIN,
                metadata={"dataset": dataset},
            )
        terms = parsed_policy(policy_text or offer.policy)
        fingerprint = canonical_json(
            {"dataset": dataset, "offer": offer_id, "policy": terms.digest.hex()}
        ).encode()
        now = datetime.now(UTC)
        scope = scope_for(REQUEST_SCOPE, principal.subject)
        async with self.store.pool.acquire() as conn, conn.transaction():
            replay = await self.request_ids.claim(conn, scope, request_id, fingerprint)
            if replay is not None:
                negotiation = await self.store.get(uuid.UUID(replay.decode()), conn)
                if negotiation is None:  # a committed claim's negotiation is never removed
                    raise RuntimeError("replayed negotiation is missing")
            else:
                negotiation = await self.store.insert(
                    conn,
                    Negotiation(
                        id=uuid.uuid4(),
                        dataset_publisher=publisher,
                        dataset_id=dataset_id,
                        offer_id=offer_id,
                        provider=publisher,
                        consumer=consumer,
                        state=State.REQUESTED,
                        policy=terms.canonical,
                        policy_sha256=terms.digest,
                        last_actor=CONSUMER,
                        last_message="RequestContract",
                        agreement=None,
                        termination_code="",
                        termination_reason="",
                        create_time=now,
                        update_time=now,
                        peer=peer,
                    ),
                )
                await self._log(
                    conn,
                    negotiation,
                    "RequestContract",
                    CONSUMER,
                    principal,
                    now,
                    offer=offer_id,
                    policy_sha256=terms.digest.hex(),
                    **({"peer": peer} if peer else {}),
                )
                await self.request_ids.record(conn, scope, request_id, str(negotiation.id).encode())
                log.info("contract requested", negotiation=negotiation_name(negotiation.id), dataset=dataset)
        await self.anchor_pending(negotiation)
        return negotiation

    async def send(
        self,
        principal: Principal,
        name: str,
        method: str,
        *,
        policy_text: str = "",
        code: str = "",
        reason: str = "",
    ) -> Negotiation:
        """One protocol message (MESSAGES[method]) from the caller's side."""
        org = org_of(principal)
        negotiation_id = parse_negotiation(name)
        message = MESSAGES[method]
        terms = parsed_policy(policy_text) if policy_text else None
        now = datetime.now(UTC)
        async with self.store.pool.acquire() as conn, conn.transaction():
            negotiation = await self.store.get(negotiation_id, conn, lock=True)
            role = None if negotiation is None else self._role(org, negotiation)
            if negotiation is None or role is None:
                raise negotiation_not_found(name)
            if negotiation.remote_provider:
                # The consumer's side of a negotiation with another mesh changes only by mirroring
                # that mesh's record (the connector sends the message there first).
                raise FailedPrecondition(
                    "PEER_NOT_CONFIGURED",
                    "this negotiation's provider is another mesh: its messages go there",
                    domain=DOMAIN,
                    metadata={"peer": negotiation.peer},
                )
            if self.is_retry(negotiation, method, role, terms):
                return negotiation
            if message.sender != EITHER and role != message.sender:
                raise self._refused(negotiation, method, role, f"only the {message.sender} sends {method}")
            if negotiation.state not in message.allowed:
                raise self._refused(
                    negotiation, method, role, f"{method} is not allowed in state {negotiation.state.value}"
                )
            changed = replace(negotiation, state=message.target, last_actor=role, last_message=method)
            details: dict[str, Any] = {"state": message.target.value, "protocol": message.protocol}
            if terms is not None:
                changed = replace(changed, policy=terms.canonical, policy_sha256=terms.digest)
                details["policy_sha256"] = terms.digest.hex()
            if method == "AgreeContract":
                agreement_id = uuid.uuid4()
                text = agreement_policy(negotiation, agreement_id)
                digest = agreement_digest(negotiation, agreement_id, text, now)
                changed = replace(changed, agreement=agreement_id)
                details.update(agreement=agreement_name(agreement_id), agreement_sha256=digest.hex())
            if method == "TerminateNegotiation":
                changed = replace(changed, termination_code=code or "TERMINATED", termination_reason=reason)
                details.update(code=changed.termination_code)
            updated = await self.store.update(conn, changed)
            if method == "AgreeContract" and updated.agreement is not None:
                await self.store.insert_agreement(
                    conn,
                    Agreement(
                        id=updated.agreement,
                        negotiation=updated.id,
                        dataset=updated.dataset,
                        provider=updated.provider,
                        consumer=updated.consumer,
                        policy=text,
                        sha256=digest,
                        ledger_receipt="",
                        active=False,
                        use_count=0,
                        create_time=now,
                    ),
                )
            if method == "FinalizeContract" and updated.agreement is not None:
                await self.store.activate_agreement(conn, updated.agreement)
            await self._log(conn, updated, method, role, principal, now, **details)
        log.info("negotiation message", negotiation=name, message=method, state=updated.state.value)
        await self.anchor_pending(updated)
        return updated

    # --- between meshes: the consumer's side ------------------------------------------------------

    async def request_remote(
        self,
        principal: Principal,
        peer: str,
        dataset: str,
        offer_id: str,
        policy_text: str,
        request_id: str,
        send: Callable[[str], Awaitable[RemoteStart]],
    ) -> Negotiation:
        """RequestContract for a dataset of the mesh `peer`: `send(remote_request_id)` delivers it
        there (the same id for every retry of this caller's request id, so the provider's mesh
        replays too) and returns the provider's record; this side keeps its own under the same id.

        No transaction is open while the message travels (the token exchanges and the peer's
        RequestContract take up to a minute, and a pooled connection held that long by each of a
        few concurrent requests starves every service of the process): the request id is checked
        for a replay in one short transaction, the message sent, then the record inserted and the
        id recorded in a second one. A concurrent retry sends the same remote id, so the provider's
        mesh answers it the same negotiation; whichever of the two records second replays the
        first's. A failure before the record stores nothing here."""
        if federated_party(principal) is not None:
            raise PermissionDenied(
                "ORGANIZATION_MISMATCH",
                "a caller from another mesh does not negotiate onwards from this one",
                domain=DOMAIN,
            )
        consumer = org_of(principal)
        publisher, dataset_id = parse_dataset(dataset, "dataset")
        terms = parsed_policy(policy_text) if policy_text else None
        fingerprint = canonical_json(
            {
                "peer": peer,
                "dataset": dataset,
                "offer": offer_id,
                "policy": terms.digest.hex() if terms else "",
            }
        ).encode()
        scope = scope_for(REQUEST_SCOPE, principal.subject)
        remote_request_id = str(uuid.uuid5(_REMOTE_REQUESTS, f"{principal.subject}\n{request_id}"))

        async def replayed(conn: Connection) -> Negotiation | None:
            replay = await self.request_ids.claim(conn, scope, request_id, fingerprint)
            if replay is None:
                return None
            negotiation = await self.store.get(uuid.UUID(replay.decode()), conn)
            if negotiation is None:  # a committed claim's negotiation is never removed
                raise RuntimeError("replayed negotiation is missing")
            return negotiation

        async with self.store.pool.acquire() as conn:
            checking = conn.transaction()
            await checking.start()
            try:
                earlier = await replayed(conn)  # REQUEST_ID_REUSED raised here too
            finally:
                await checking.rollback()  # the claim is taken for real after the send
        if earlier is not None:
            return earlier
        started = await send(remote_request_id)
        if (started.dataset, started.offer_id, started.provider) != (dataset, offer_id, publisher):
            raise FailedPrecondition(
                "AGREEMENT_MISMATCH",
                "the provider's mesh answered with a negotiation for another dataset or offer",
                domain=DOMAIN,
                metadata={"peer": peer, "dataset": started.dataset[:300]},
            )
        async with self.store.pool.acquire() as conn, conn.transaction():
            earlier = await replayed(conn)
            if earlier is not None:
                return earlier  # a concurrent retry recorded it meanwhile
            existing = await self.store.get(started.id, conn)
            if existing is not None and existing.consumer == consumer and existing.peer == peer:
                # The remote negotiation is recorded already (the id is the provider mesh's, and it
                # answers a retry with the same one): a replay, not a second record.
                await self.request_ids.record(conn, scope, request_id, str(existing.id).encode())
                return existing
            now = datetime.now(UTC)
            view = started.view
            negotiation = await self.store.insert(
                conn,
                Negotiation(
                    id=started.id,
                    dataset_publisher=publisher,
                    dataset_id=dataset_id,
                    offer_id=offer_id,
                    provider=f"peers/{peer}/{publisher}",
                    consumer=consumer,
                    state=State.REQUESTED,
                    policy=view.policy,
                    policy_sha256=view.policy_sha256,
                    last_actor=CONSUMER,
                    last_message="RequestContract",
                    agreement=None,
                    termination_code="",
                    termination_reason="",
                    create_time=now,
                    update_time=now,
                    peer=peer,
                    peer_update_time=None if view.state is not State.REQUESTED else view.update_time,
                ),
            )
            await self._log(
                conn,
                negotiation,
                "RequestContract",
                CONSUMER,
                principal,
                now,
                offer=offer_id,
                policy_sha256=view.policy_sha256.hex(),
                peer=peer,
                protocol=MESSAGES["RequestContract"].protocol,
                state=State.REQUESTED.value,
            )
            if view.state is not State.REQUESTED or view.last_actor != CONSUMER:
                negotiation = await self._apply(conn, principal, negotiation, view, None)
            await self.request_ids.record(conn, scope, request_id, str(negotiation.id).encode())
            log.info("contract requested", negotiation=negotiation_name(negotiation.id), peer=peer)
        await self.anchor_pending(negotiation)
        return negotiation

    async def mirror(
        self,
        principal: Principal,
        negotiation_id: uuid.UUID,
        view: RemoteView,
        agreement: RemoteAgreement | None,
    ) -> Negotiation:
        """Bring the consumer's record of a negotiation with another mesh to the provider mesh's
        state: each change is an entry of this side's usage log (the message that made it, sent
        by this side's consumer or received from the provider), the agreement is kept once AGREED
        (after checking its digest) and in force once FINALIZED. Nothing changes when the states
        already match, so a repeated sync or a retried message logs nothing."""
        async with self.store.pool.acquire() as conn, conn.transaction():
            negotiation = await self.store.get(negotiation_id, conn, lock=True)
            if negotiation is None or not negotiation.remote_provider:
                raise negotiation_not_found(negotiation_name(negotiation_id))
            updated = await self._apply(conn, principal, negotiation, view, agreement)
        if updated is not negotiation:
            await self.anchor_pending(updated)
        return updated

    async def _apply(
        self,
        conn: Any,
        principal: Principal,
        negotiation: Negotiation,
        view: RemoteView,
        agreement: RemoteAgreement | None,
    ) -> Negotiation:
        if negotiation.peer_update_time is not None and view.update_time <= negotiation.peer_update_time:
            return negotiation  # an older view than the one mirrored already (late, or crossed)
        unchanged = (
            view.state is negotiation.state
            and view.last_actor == negotiation.last_actor
            and view.policy_sha256 == negotiation.policy_sha256
        )
        if unchanged and (view.agreement is None or negotiation.agreement is not None):
            if negotiation.peer_update_time is None or view.update_time > negotiation.peer_update_time:
                return await self.store.update(conn, replace(negotiation, peer_update_time=view.update_time))
            return negotiation
        if negotiation.state in TERMINAL:
            # The provider's mesh cannot leave a terminal state: a record that says otherwise is
            # not this negotiation's.
            raise FailedPrecondition(
                "AGREEMENT_MISMATCH",
                "the provider's mesh reports a state after this side's terminal one",
                domain=DOMAIN,
                metadata={"state": negotiation.state.value, "peer_state": view.state.value},
            )
        method = message_for(view.state, negotiation.state)
        now = datetime.now(UTC)
        changed = replace(
            negotiation,
            state=view.state,
            last_actor=view.last_actor,
            last_message=method,
            policy=view.policy,
            policy_sha256=view.policy_sha256,
            termination_code=view.termination_code,
            termination_reason=view.termination_reason,
            peer_update_time=view.update_time,
        )
        details: dict[str, Any] = {
            "state": view.state.value,
            "protocol": MESSAGES[method].protocol,
            "peer": negotiation.peer,
            "policy_sha256": view.policy_sha256.hex(),
        }
        if view.agreement is not None and negotiation.agreement is None:
            if agreement is None or agreement.id != view.agreement:
                raise FailedPrecondition(
                    "AGREEMENT_MISMATCH",
                    "the provider's mesh named an agreement it did not return",
                    domain=DOMAIN,
                    metadata={"agreement": agreement_name(view.agreement)},
                )
            self._check_remote_agreement(negotiation, agreement)
            changed = replace(changed, agreement=agreement.id)
            details.update(agreement=agreement_name(agreement.id), agreement_sha256=agreement.sha256.hex())
        if view.state is State.TERMINATED:
            details.update(code=view.termination_code)
        updated = await self.store.update(conn, changed)
        if agreement is not None and negotiation.agreement is None and changed.agreement is not None:
            await self.store.insert_agreement(
                conn,
                Agreement(
                    id=agreement.id,
                    negotiation=negotiation.id,
                    dataset=negotiation.dataset,
                    provider=negotiation.provider,
                    consumer=negotiation.consumer,
                    policy=agreement.policy,
                    sha256=agreement.sha256,
                    ledger_receipt="",
                    active=False,
                    use_count=0,
                    create_time=agreement.create_time,
                ),
            )
        if view.state is State.FINALIZED and updated.agreement is not None:
            await self.store.activate_agreement(conn, updated.agreement)
        # The consumer's own messages are logged as its caller's; the provider's as the peer's.
        if view.last_actor == CONSUMER:
            await self._log(conn, updated, method, CONSUMER, principal, now, **details)
        else:
            await self.store.append(
                conn,
                updated.id,
                method,
                PROVIDER,
                f"peers/{negotiation.peer}",
                canonical_json({**details, "received": True}),
                now,
            )
        log.info(
            "negotiation mirrored",
            negotiation=negotiation_name(updated.id),
            message=method,
            state=updated.state.value,
        )
        return updated

    @staticmethod
    def _check_remote_agreement(negotiation: Negotiation, agreement: RemoteAgreement) -> None:
        """The provider mesh's agreement must be this negotiation's, between these parties, and
        hash (policy, parties, time) to the digest it anchored there."""
        provider = negotiation.provider.removeprefix(f"peers/{negotiation.peer}/")
        problem = ""
        if agreement.negotiation != negotiation.id or agreement.dataset != negotiation.dataset:
            problem = "another negotiation or dataset"
        elif agreement.provider != provider or not agreement.consumer.endswith(f"/{negotiation.consumer}"):
            problem = "other parties"
        else:
            expected = agreement_digest(
                replace(negotiation, provider=agreement.provider, consumer=agreement.consumer),
                agreement.id,
                agreement.policy,
                agreement.create_time,
            )
            if expected != agreement.sha256:
                problem = "its digest is not the SHA-256 of its record"
        if problem:
            raise FailedPrecondition(
                "AGREEMENT_MISMATCH",
                f"the provider's agreement does not check: {problem}",
                domain=DOMAIN,
                metadata={"agreement": agreement_name(agreement.id), "problem": problem},
            )

    def is_retry(self, negotiation: Negotiation, method: str, role: str, terms: policy.Policy | None) -> bool:
        if method == "TerminateNegotiation":
            return negotiation.state is State.TERMINATED
        same_terms = terms is None or terms.digest == negotiation.policy_sha256
        return negotiation.last_message == method and negotiation.last_actor == role and same_terms

    @staticmethod
    def _refused(negotiation: Negotiation, method: str, role: str, message: str) -> FailedPrecondition:
        return FailedPrecondition(
            "NEGOTIATION_STATE",
            message,
            domain=DOMAIN,
            metadata={"state": negotiation.state.value, "message": method, "role": role},
        )

    async def _log(
        self,
        conn: Any,
        negotiation: Negotiation,
        event: str,
        role: str,
        principal: Principal,
        at: datetime,
        **details: Any,
    ) -> LogEntry:
        return await self.store.append(
            conn, negotiation.id, event, role, principal.subject, canonical_json(details), at
        )

    # --- anchoring -------------------------------------------------------------------------------

    async def anchor_pending(self, negotiation: Negotiation) -> None:
        """Anchor the negotiation's entries (and its agreement, once in force) the ledger lacks."""
        try:
            for entry in await self.store.unanchored(negotiation.id):
                receipt = await self.anchor.anchor(
                    entry.sha256,
                    {
                        "kind": "dataspace-usage",
                        "negotiation": negotiation_name(negotiation.id),
                        "sequence": str(entry.sequence),
                    },
                )
                await self.store.set_entry_receipt(negotiation.id, entry.sequence, receipt)
            if negotiation.agreement is not None and negotiation.state is State.FINALIZED:
                agreement = await self.store.get_agreement(negotiation.agreement)
                if agreement is not None and not agreement.ledger_receipt:
                    receipt = await self.anchor.anchor(
                        agreement.sha256,
                        {"kind": "dataspace-agreement", "agreement": agreement_name(agreement.id)},
                    )
                    await self.store.set_agreement_receipt(agreement.id, receipt)
        except Unavailable as exc:
            log.warning(
                "usage log anchoring deferred", negotiation=negotiation_name(negotiation.id), error=str(exc)
            )

    # --- usage control ---------------------------------------------------------------------------

    async def authorize_use(
        self,
        principal: Principal,
        name: str,
        *,
        action: str,
        purpose: str,
        spatial: str,
        distribution_id: str,
        consent_token: str,
        request_id: str,
    ) -> UseRecord:
        org = org_of(principal)
        agreement = await self.get_agreement(principal, name, "agreement")
        if org != agreement.consumer:
            raise PermissionDenied(
                "ORGANIZATION_MISMATCH",
                "only the agreement's consumer asks to use the data",
                domain=DOMAIN,
                metadata={"agreement": name},
            )
        dataset = await self.dataset_of(agreement)
        anonymised_k = 0
        if distribution_id:
            distribution = dataset.distribution(distribution_id)
            if distribution is None:
                raise distribution_not_found(agreement.dataset, distribution_id)
            # The privacy service's assessment of the data, never the caller's word.
            anonymised_k = distribution.anonymised_k
        grant = await self.personal_grant(
            principal,
            dataset,
            consent_token,
            purpose,
            negotiation=agreement.negotiation,
            event="AuthorizeUseRefused",
        )
        terms = parsed_policy(agreement.policy)
        fingerprint = canonical_json(
            {
                "agreement": name,
                "action": action,
                "purpose": purpose,
                "spatial": spatial,
                "distribution": distribution_id,
                "consent": grant.consent if grant else "",
            }
        ).encode()
        scope = scope_for(USE_SCOPE, principal.subject)
        now = datetime.now(UTC)
        async with self.store.pool.acquire() as conn, conn.transaction():
            replay = await self.request_ids.claim(conn, scope, request_id, fingerprint)
            if replay is not None:
                stored = json.loads(replay)
                record = UseRecord(**{**stored, "obligations": tuple(stored["obligations"])})
                negotiation = await self.store.get(agreement.negotiation, conn)
            else:
                negotiation, current = await self.lock_in_force(conn, agreement.id)
                uses = current.use_count + 1
                decision = policy.evaluate(
                    terms,
                    policy.UseContext(
                        action=action,
                        at=now,
                        uses=uses,
                        purpose=purpose,
                        recipient=current.consumer,
                        roles=principal.roles,
                        spatial=spatial,
                        anonymised_k=anonymised_k,
                    ),
                )
                if decision.permitted:
                    await self.store.count_use(conn, current.id)
                record = UseRecord(
                    permitted=decision.permitted,
                    decision=decision.reason,
                    rule=decision.rule,
                    constraint=decision.constraint,
                    obligations=decision.obligations,
                    use_count=uses if decision.permitted else current.use_count,
                )
                await self._log(
                    conn,
                    negotiation,
                    "AuthorizeUse",
                    CONSUMER,
                    principal,
                    now,
                    agreement=name,
                    action=action,
                    purpose=purpose,
                    spatial=spatial,
                    distribution=distribution_id,
                    anonymised_k=anonymised_k,
                    consent=grant.consent if grant else "",
                    permitted=record.permitted,
                    decision=record.decision,
                    rule=record.rule,
                    constraint=record.constraint,
                    use_count=record.use_count,
                )
                await self.request_ids.record(
                    conn,
                    scope,
                    request_id,
                    canonical_json({**record.__dict__, "obligations": list(record.obligations)}).encode(),
                )
        if negotiation is not None:
            await self.anchor_pending(negotiation)
        return record

    # --- the usage log ---------------------------------------------------------------------------

    async def list_log(
        self, principal: Principal, parent: str, page_size: int, page_token: str
    ) -> tuple[list[LogEntry], str]:
        negotiation = await self.get(principal, parent, "parent")
        size = resolve_page_size(page_size, default=50, maximum=500)
        fingerprint = query_fingerprint("ListUsageLog", parent=parent)
        after = int(self.page_tokens.decode(page_token, fingerprint)["after"]) if page_token else 0
        entries = await self.store.entries(negotiation.id, after, size + 1)
        token = ""
        if len(entries) > size:
            entries = entries[:size]
            token = self.page_tokens.encode(fingerprint, {"after": entries[-1].sequence})
        return entries, token

    async def verify_log(self, principal: Principal, parent: str) -> tuple[ChainCheck, int]:
        """The chain's check and how many entries the ledger holds an anchor for."""
        negotiation = await self.get(principal, parent, "parent")
        await self.anchor_pending(negotiation)
        entries = await self.store.entries(negotiation.id, 0, MAX_VERIFIED_ENTRIES)
        check = check_chain(entries)
        # The ledger's contract looks digests up one at a time (VerifyDigest; it is a stable
        # package with no batch lookup), so the lookups run concurrently, a bounded number at once:
        # that many workers in a task group, so the first failure (the ledger unavailable) cancels
        # the others and no lookup outlives the call.
        found: list[dict[str, bool]] = [{} for _ in entries]
        pending = iter(enumerate(entries))

        async def look_up() -> None:
            for index, entry in pending:
                if entry.ledger_receipt:
                    found[index] = await self.anchor.anchored_receipts(entry.sha256)

        try:
            async with asyncio.TaskGroup() as group:
                for _ in range(min(LEDGER_LOOKUPS_IN_FLIGHT, len(entries))):
                    group.create_task(look_up())
        except ExceptionGroup as failed:
            raise failed.exceptions[0] from None
        anchored = 0
        for entry, receipts in zip(entries, found, strict=True):
            if entry.ledger_receipt and entry.ledger_receipt in receipts:
                anchored += 1
            elif entry.ledger_receipt and check.valid:
                check = ChainCheck(
                    False, len(entries), entry.sequence, "the ledger holds no anchor for the entry's digest"
                )
        return check, anchored
