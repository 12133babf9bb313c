"""Transfer processes as the Dataspace Protocol defines them, with the policy checked at every access.

The service is the provider's connector: the data were uploaded to its
object store, so a transfer the policy allows starts at once (REQUESTED and
STARTED are both logged). A download checks, at that moment, the token, the
transfer's state, the agreement being in force and its policy for `read`
(date windows and overdue duties included; the use was counted when the
transfer was requested). Every step goes to the negotiation's usage log,
chained and anchored like its messages.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import secrets
import uuid
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import structlog

from jipan.interceptors.context import Principal
from jipan.servers.dataspace import policy
from jipan.servers.dataspace.catalog.domain import distribution_not_found, org_of
from jipan.servers.dataspace.catalog.store import CatalogStore
from jipan.servers.dataspace.consent import ConsentGrant, consent_required, not_personal
from jipan.servers.dataspace.names import (
    DOMAIN,
    parse_agreement,
    parse_dataset,
    parse_transfer,
    transfer_name,
)
from jipan.servers.dataspace.negotiation.domain import (
    CONSUMER,
    EITHER,
    PROVIDER,
    Negotiations,
    canonical_json,
    parsed_policy,
)
from jipan.servers.dataspace.negotiation.types import Agreement
from jipan.servers.dataspace.retired import RetiredObjects
from jipan.servers.dataspace.transfer.broker import CloudDestination, CloudStorage, check_cloud_destination
from jipan.servers.dataspace.transfer.push import PushFailed, S3Destination, check_destination, push
from jipan.servers.dataspace.transfer.store import TransferStore
from jipan.servers.dataspace.transfer.types import (
    CLOUD_PUSH,
    PULL,
    PUSH,
    PUSHES,
    TERMINAL,
    Access,
    Transfer,
    TransferState,
)
from jipan.servers.runtime.errors import FailedPrecondition, NotFound, PermissionDenied
from jipan.servers.runtime.idempotency import Connection, RequestIds, scope_for
from jipan.servers.runtime.leases import LeaseLost, hold_lease
from jipan.servers.runtime.objectstore import ObjectStore
from jipan.servers.runtime.owned import OwnedTasks
from jipan.servers.runtime.pagination import PageTokens, query_fingerprint, resolve_page_size

log = structlog.get_logger(__name__)

REQUEST_SCOPE = "jipan.dataspace.v1.TransferService/RequestTransfer"
CHUNK = 1024 * 1024
ANCHOR_DRAIN_S = 5.0
"""How long shutdown waits for the anchorings running beside responses."""

# message → (sender, states it is allowed in, state it leads to)
_MESSAGES: dict[str, tuple[str, frozenset[TransferState], TransferState]] = {
    "SuspendTransfer": (EITHER, frozenset({TransferState.STARTED}), TransferState.SUSPENDED),
    "ResumeTransfer": (EITHER, frozenset({TransferState.SUSPENDED}), TransferState.STARTED),
    "CompleteTransfer": (CONSUMER, frozenset({TransferState.STARTED}), TransferState.COMPLETED),
    "TerminateTransfer": (EITHER, frozenset(set(TransferState) - TERMINAL), TransferState.TERMINATED),
}


def transfer_not_found(name: str) -> NotFound:
    return NotFound(
        "TRANSFER_NOT_FOUND",
        "no transfer with this name involves the caller's organisation",
        domain=DOMAIN,
        metadata={"name": name[:300]},
    )


def not_permitted(decision: policy.Decision, agreement: str) -> PermissionDenied:
    return PermissionDenied(
        "USE_NOT_PERMITTED",
        f"the agreement's policy does not permit this use now ({decision.reason}"
        + (f": {decision.constraint}" if decision.constraint else "")
        + ")",
        domain=DOMAIN,
        metadata={
            "agreement": agreement,
            "decision": decision.reason,
            "rule": decision.rule,
            "constraint": decision.constraint[:300],
        },
    )


INTERRUPTED = "PUSH_INTERRUPTED"
"""The termination code of a push cut off by the server's shutdown, or whose server died (its lease
lapsed); the error's reason: PUSH_FAILED."""


def push_interrupted(destination: str) -> PushFailed:
    """`destination`: the push's destination as shown (S3Destination.shown, Transfer.destination)."""
    return PushFailed(
        "PUSH_FAILED",
        "the push was interrupted (the server stopped); request a new transfer",
        domain=DOMAIN,
        metadata={"problem": "interrupted", "code": INTERRUPTED, "destination": destination},
    )


def _code(failure: PushFailed) -> str:
    """The termination code a failed push records."""
    return failure.metadata.get("code", failure.reason)


def push_format(destination: S3Destination | CloudDestination) -> str:
    return CLOUD_PUSH if isinstance(destination, CloudDestination) else PUSH


class Transfers:
    def __init__(
        self,
        store: TransferStore,
        negotiations: Negotiations,
        catalog: CatalogStore,
        objects: ObjectStore,
        page_tokens: PageTokens,
        request_ids: RequestIds,
        *,
        token_ttl_s: int,
        presign_ttl_s: int = 60,
        push_allow_http_loopback: bool = False,
        retired: RetiredObjects | None = None,
        cloud: CloudStorage | None = None,
        push_lease_s: float = 30.0,
    ) -> None:
        self.store = store
        self.negotiations = negotiations
        self.catalog = catalog
        self.objects = objects
        self.page_tokens = page_tokens
        self.request_ids = request_ids
        self.token_ttl = timedelta(seconds=token_ttl_s)
        self.presign_ttl = timedelta(seconds=presign_ttl_s)
        self.retired = retired
        self._anchoring = OwnedTasks("dataspace: an anchoring beside a response")
        """Anchorings running beside a response (PresignDownload), held so they are not collected."""
        self._pushes: dict[uuid.UUID, asyncio.Task[Transfer]] = {}
        """Push writes by transfer: owned here, not by the RPC that asked, so a client gone or a
        deadline hit does not cut one off unrecorded, and a replay awaits the running one."""
        self._settling = OwnedTasks("dataspace: recording a push's outcome")
        """The writes that record a push's outcome, each run to its end even when its push is cancelled."""
        self.push_allow_http_loopback = push_allow_http_loopback
        self.cloud = cloud
        self.push_lease_s = push_lease_s
        """How long a push's lease lasts: renewed every third of it while its bytes travel from this
        process, ended PUSH_INTERRUPTED by any replica's sweep (`end_lapsed_pushes`) once it lapsed."""

    # --- reading ---------------------------------------------------------------------------------

    async def get(self, principal: Principal, name: str) -> Transfer:
        org = org_of(principal)
        transfer = await self.store.get(parse_transfer(name))
        if transfer is None or org not in (transfer.provider, transfer.consumer):
            raise transfer_not_found(name)
        return transfer

    async def list_transfers(
        self, principal: Principal, page_size: int, page_token: str, agreement: str
    ) -> tuple[list[Transfer], str]:
        org = org_of(principal)
        agreement_id = parse_agreement(agreement, "agreement") if agreement else None
        size = resolve_page_size(page_size, default=50, maximum=500)
        fingerprint = query_fingerprint("ListTransfers", org=org, agreement=agreement)
        before = int(self.page_tokens.decode(page_token, fingerprint)["before"]) if page_token else 2**62
        rows = await self.store.list_transfers(org, agreement=agreement_id, before_seq=before, limit=size + 1)
        token = ""
        if len(rows) > size:
            rows = rows[:size]
            token = self.page_tokens.encode(fingerprint, {"before": rows[-1][0]})
        return [transfer for _, transfer in rows], token

    # --- the policy at this moment ---------------------------------------------------------------

    def _decide(self, agreement: Agreement, principal: Principal, purpose: str, uses: int) -> policy.Decision:
        return policy.evaluate(
            parsed_policy(agreement.policy),
            policy.UseContext(
                action="read",
                at=datetime.now(UTC),
                uses=uses,
                purpose=purpose,
                recipient=agreement.consumer,
                roles=principal.roles,
            ),
        )

    async def _access(
        self, transfer: Transfer, grant: ConsentGrant | None = None
    ) -> tuple[Access, bytes, datetime]:
        token = secrets.token_urlsafe(32)
        expire = datetime.now(UTC) + self.token_ttl
        if grant is not None:
            # Under a consent: no longer than the consent token.
            expire = min(expire, grant.expires_at)
        # No presigned URL here: the store would honour it for the token's whole life without
        # asking whether the policy still permits the use (PresignDownload gives one per download).
        return (
            Access(token=token, expire_time=expire, url=""),
            hashlib.sha256(token.encode()).digest(),
            expire,
        )

    async def _log(
        self,
        conn: Connection,
        transfer: Transfer,
        event: str,
        role: str,
        actor: str,
        **details: Any,
    ) -> None:
        await self.negotiations.store.append(
            conn,
            transfer.negotiation,
            event,
            role,
            actor,
            canonical_json({"transfer": transfer_name(transfer.id), **details}),
            datetime.now(UTC),
        )

    # --- protocol messages -----------------------------------------------------------------------

    async def request(
        self,
        principal: Principal,
        agreement_name: str,
        distribution_id: str,
        purpose: str,
        request_id: str,
        *,
        consent_token: str = "",
        push_to: S3Destination | CloudDestination | None = None,
        bearer_token: str = "",
    ) -> tuple[Transfer, Access | None]:
        org = org_of(principal)
        agreement = await self.negotiations.get_agreement(principal, agreement_name, "agreement")
        if org != agreement.consumer:
            raise PermissionDenied(
                "ORGANIZATION_MISMATCH",
                "only the agreement's consumer requests transfers",
                domain=DOMAIN,
                metadata={"agreement": agreement_name},
            )
        dataset = await self.negotiations.dataset_of(agreement)
        distribution = dataset.distribution(distribution_id)
        if distribution is None:
            raise distribution_not_found(agreement.dataset, distribution_id)
        if push_to is not None:
            if dataset.fields.personal_data:
                raise not_personal("push_destination (personal data are pulled, under the consent)")
            if isinstance(push_to, CloudDestination):
                check_cloud_destination(push_to, org)
            else:
                check_destination(push_to, allow_http_loopback=self.push_allow_http_loopback)
        grant = await self.negotiations.personal_grant(
            principal,
            dataset,
            consent_token,
            purpose,
            negotiation=agreement.negotiation,
            event="TransferRequestRefused",
        )
        object_key, byte_size, sha256 = distribution.object_key, distribution.byte_size, distribution.sha256
        if grant is not None:
            person = await self.catalog.personal_object(
                dataset.publisher, dataset.id, distribution_id, grant.person
            )
            if person is not None:
                object_key, byte_size, sha256 = person.object_key, person.byte_size, person.sha256
            else:
                object_key = ""
        if not object_key:
            raise FailedPrecondition(
                "DISTRIBUTION_NOT_UPLOADED",
                "the distribution's data were never uploaded"
                + (" for this person" if grant is not None else ""),
                domain=DOMAIN,
                metadata={"dataset": agreement.dataset, "distribution": distribution_id},
            )
        fingerprint = canonical_json(
            {
                "agreement": agreement_name,
                "distribution": distribution_id,
                "purpose": purpose,
                "consent": grant.consent if grant else "",
                "push": push_to.shown if push_to else "",
            }
        )
        scope = scope_for(REQUEST_SCOPE, principal.subject)
        refused: policy.Decision | None = None
        access: Access | None = None
        async with self.store.pool.acquire() as conn, conn.transaction():
            replay = await self.request_ids.claim(conn, scope, request_id, fingerprint.encode())
            if replay is not None:
                stored = json.loads(replay)
                if "refused" in stored:
                    refused = policy.Decision(False, stored["rule"], stored["constraint"], stored["refused"])
                    transfer = None
                else:
                    transfer = await self.store.get(uuid.UUID(stored["transfer"]), conn)
            else:
                _, current = await self.negotiations.lock_in_force(conn, agreement.id)
                await RetiredObjects.check_current(conn, object_key)
                decision = self._decide(current, principal, purpose, current.use_count + 1)
                now = datetime.now(UTC)
                transfer = Transfer(
                    id=uuid.uuid4(),
                    agreement=current.id,
                    negotiation=current.negotiation,
                    dataset=current.dataset,
                    distribution_id=distribution_id,
                    purpose=purpose,
                    object_key=object_key,
                    provider=current.provider,
                    consumer=current.consumer,
                    state=TransferState.REQUESTED,
                    last_actor=CONSUMER,
                    last_message="RequestTransfer",
                    byte_size=byte_size,
                    sha256=sha256,
                    token_sha256=None,
                    token_expire_time=None,
                    termination_code="",
                    termination_reason="",
                    create_time=now,
                    update_time=now,
                    data_subject=grant.person if grant else "",
                    consent=grant.consent if grant else "",
                    format=PULL if push_to is None else push_format(push_to),
                    destination=push_to.shown if push_to else "",
                )
                if not decision.permitted:
                    refused = decision
                    await self.negotiations.store.append(
                        conn,
                        current.negotiation,
                        "TransferRequestRefused",
                        CONSUMER,
                        principal.subject,
                        canonical_json(
                            {
                                "agreement": agreement_name,
                                "distribution": distribution_id,
                                "purpose": purpose,
                                "decision": decision.reason,
                                "rule": decision.rule,
                                "constraint": decision.constraint,
                            }
                        ),
                        now,
                    )
                    await self.request_ids.record(
                        conn,
                        scope,
                        request_id,
                        canonical_json(
                            {
                                "refused": decision.reason,
                                "rule": decision.rule,
                                "constraint": decision.constraint,
                            }
                        ).encode(),
                    )
                    transfer = None
                else:
                    await self.negotiations.store.count_use(conn, current.id)
                    await self._log(
                        conn,
                        transfer,
                        "TransferRequestMessage",
                        CONSUMER,
                        principal.subject,
                        distribution=distribution_id,
                        purpose=purpose,
                        rule=decision.rule,
                        use_count=current.use_count + 1,
                        sha256=sha256.hex(),
                        format=transfer.format,
                        destination=transfer.destination,
                        consent=transfer.consent,
                    )
                    if push_to is None:
                        access, token_hash, expire = await self._access(transfer, grant)
                        transfer = replace(transfer, token_sha256=token_hash, token_expire_time=expire)
                    transfer = replace(
                        transfer,
                        state=TransferState.STARTED,
                        last_actor=PROVIDER,
                        last_message="StartTransfer",
                    )
                    await self.store.insert(conn, transfer, None if push_to is None else self.push_lease_s)
                    await self._log(
                        conn,
                        transfer,
                        "TransferStartMessage",
                        PROVIDER,
                        principal.subject,
                        expire_time=transfer.token_expire_time.isoformat()
                        if transfer.token_expire_time
                        else "",
                    )
                    await self.request_ids.record(
                        conn, scope, request_id, canonical_json({"transfer": str(transfer.id)}).encode()
                    )
        negotiation_row = await self.negotiations.store.get(agreement.negotiation)
        if negotiation_row is not None:
            await self.negotiations.anchor_pending(negotiation_row)
        if refused is not None:
            raise not_permitted(refused, agreement_name)
        if transfer is None:  # a committed claim's transfer is never removed
            raise RuntimeError("replayed transfer is missing")
        if access is not None:
            log.info("transfer started", transfer=transfer_name(transfer.id), bytes=transfer.byte_size)
        if (
            push_to is not None
            and transfer.state is TransferState.STARTED
            and transfer.last_message == "StartTransfer"
        ):
            transfer = await self._pushed(principal, transfer, push_to, bearer_token)
        return transfer, access

    async def _pushed(
        self,
        principal: Principal,
        transfer: Transfer,
        destination: S3Destination | CloudDestination,
        token: str,
    ) -> Transfer:
        """The push of `transfer`, run as a task of this object and awaited shielded: the caller's
        deadline or disconnection leaves it running to its recorded end, and a replay of the request
        while it runs awaits the same task instead of writing the data a second time.

        The bytes are written only while this process holds the push's lease (migration 0007). The
        request that inserted the transfer holds it already. A replay at a process that does not
        write it takes the lease over only where it lapsed (its writer died) and no sweep ended the
        push yet, and pushes again; while another replica writes it under a live lease, or once it
        ended, the replay answers the transfer as it stands (GetTransfer shows the outcome). Taking
        the lease is one conditional UPDATE of the transfer's row, and the sweep ends a push under
        that row's lock only while the lease is lapsed: whichever locks the row first wins, the
        other finds the row changed."""
        task = self._pushes.get(transfer.id)
        if task is None:
            taken = await self.store.take_push(transfer.id, self.push_lease_s)
            task = self._pushes.get(transfer.id)  # a call of this process started it meanwhile
            if task is None:
                if not taken:
                    current = await self.store.get(transfer.id)
                    if current is None:  # a transfer is never removed
                        raise transfer_not_found(transfer_name(transfer.id))
                    return current
                task = asyncio.create_task(self._push(principal, transfer, destination, token))
                self._pushes[transfer.id] = task
                task.add_done_callback(lambda done: self._push_done(transfer.id, done))
        try:
            return await asyncio.shield(task)
        except asyncio.CancelledError:
            current_task = asyncio.current_task()
            if task.cancelled() and (current_task is None or not current_task.cancelling()):
                # The push itself was cancelled (shutdown), not this call: it recorded itself
                # PUSH_INTERRUPTED, and the caller is told so rather than left without an answer.
                raise push_interrupted(destination.shown) from None
            raise

    def _push_done(self, transfer_id: uuid.UUID, task: asyncio.Task[Transfer]) -> None:
        if self._pushes.get(transfer_id) is task:
            del self._pushes[transfer_id]
        if not task.cancelled():
            task.exception()  # retrieved: a push whose caller left has its outcome in the transfer

    async def end_lapsed_pushes(self) -> None:
        """End every push whose lease lapsed (its writer died, or stalled past the lease) as a
        shutdown ends the pushes it cuts short: TERMINATED PUSH_INTERRUPTED, the same entry in the
        negotiation's log by the same actor (the subject whose request started the push), anchored
        the same way. A push whose lease was renewed or taken over meanwhile is left alone."""
        for transfer_id, actor in await self.store.lapsed_pushes():
            transfer = await self.store.get(transfer_id)
            if transfer is None:  # a transfer is never removed
                continue
            await self._settle(
                actor or transfer.consumer,
                transfer,
                transfer.destination,
                push_interrupted(transfer.destination),
                lapsed=True,
            )

    async def close(self) -> None:
        """At shutdown, after the server drained: pushes still writing are cancelled (each records
        itself TERMINATED PUSH_INTERRUPTED), then the anchorings running beside responses end."""
        pushes = list(self._pushes.values())
        for task in pushes:
            task.cancel()
        await asyncio.gather(*pushes, return_exceptions=True)
        await self._settling.close(timeout_s=None)
        # An entry not anchored yet is anchored by the next call on its negotiation.
        await self._anchoring.close(timeout_s=ANCHOR_DRAIN_S)

    async def _write(
        self, transfer: Transfer, destination: S3Destination | CloudDestination, token: str
    ) -> tuple[int, bytes]:
        chunks = self.objects.open(transfer.object_key, chunk_size=CHUNK)
        if isinstance(destination, S3Destination):
            return await push(chunks, destination)
        if self.cloud is None:
            raise PushFailed(
                "PUSH_FAILED",
                "this mesh has no cloud broker to push through",
                domain=DOMAIN,
                metadata={"cloud_reason": "NOT_CONFIGURED", "destination": destination.shown},
            )
        # The broker refuses data whose size or SHA-256 are not the distribution's before it
        # completes the write; its answer is checked again below.
        return await self.cloud.write(
            destination, chunks, size=transfer.byte_size, sha256=transfer.sha256, bearer_token=token
        )

    async def _push(
        self,
        principal: Principal,
        transfer: Transfer,
        destination: S3Destination | CloudDestination,
        token: str,
    ) -> Transfer:
        """Write the data to the consumer's bucket, then COMPLETED (or TERMINATED PUSH_FAILED, or
        PUSH_INTERRUPTED when the push is cancelled at shutdown).

        Outside any transaction: the locks are not held while the bytes travel. The push's lease is
        renewed meanwhile; a renewal that finds it no longer this process's (a sweep ended it after
        it lapsed, TerminateTransfer ended it, a replay at another replica took it over) stops the
        write, and the outcome is what ended it."""
        failure: PushFailed | None = None
        unexpected: Exception | None = None
        shown = destination.shown
        try:
            size, digest = await hold_lease(
                self._write(transfer, destination, token),
                lambda: self.store.extend_push(transfer.id, self.push_lease_s),
                self.push_lease_s,
                name=f"dataspace-push-{transfer.id}",
            )
            if (size, digest) != (transfer.byte_size, transfer.sha256):
                problem = "s3_error" if isinstance(destination, S3Destination) else "cloud_reason"
                failure = PushFailed(
                    "PUSH_FAILED",
                    "the data written differ from the distribution's (size or SHA-256)",
                    domain=DOMAIN,
                    metadata={problem: "checksum", "destination": shown},
                )
        except PushFailed as exc:
            failure = exc
        except LeaseLost:
            log.warning(
                "push stopped: the transfer is no longer this process's to write",
                transfer=transfer_name(transfer.id),
            )
            failure = push_interrupted(shown)  # not recorded (not the holder): told if that is the outcome
        except asyncio.CancelledError:
            await self._settle(principal.subject, transfer, shown, push_interrupted(shown))
            raise
        except Exception as exc:
            # The object store's read or another fault of this side: the transfer ends rather than
            # staying STARTED for good (a push accepts no message but TerminateTransfer).
            log.warning("push failed", transfer=transfer_name(transfer.id), error=type(exc).__name__)
            unexpected = exc
            failure = PushFailed(
                "PUSH_FAILED",
                "the data could not be pushed (an internal error of the provider's connector)",
                domain=DOMAIN,
                metadata={"problem": "internal", "destination": shown},
            )
        changed = await self._settle(principal.subject, transfer, shown, failure)
        if unexpected is not None:
            raise unexpected
        if failure is not None and changed.termination_code == _code(failure):
            raise failure
        if changed.state is TransferState.COMPLETED:
            log.info("transfer pushed", transfer=transfer_name(transfer.id), bytes=transfer.byte_size)
        return changed

    async def _settle(
        self,
        actor: str,
        transfer: Transfer,
        destination: str,
        failure: PushFailed | None,
        *,
        lapsed: bool = False,
    ) -> Transfer:
        """Record the push's outcome in a task of its own, awaited shielded: a cancellation while
        it commits (shutdown) does not leave the transfer STARTED."""
        return await self._settling.run(
            self._record_push(actor, transfer, destination, failure, lapsed=lapsed)
        )

    async def _record_push(
        self,
        actor: str,
        transfer: Transfer,
        destination: str,
        failure: PushFailed | None,
        *,
        lapsed: bool = False,
    ) -> Transfer:
        """The push's outcome, logged by `actor` (the subject whose request started it), under the
        negotiation's and the transfer's row locks. Recorded by the push's writer while it holds
        the lease, or (`lapsed`: the sweep) only while the lease is lapsed; otherwise the transfer
        is left as it is. The row lock orders this against a replay taking the lease over, so a
        writer whose lease was taken records nothing (no COMPLETED over a PUSH_INTERRUPTED), and
        the sweep never ends a push whose lease was renewed or taken meanwhile."""
        async with self.store.pool.acquire() as conn, conn.transaction():
            negotiation = await self.negotiations.store.get(transfer.negotiation, conn, lock=True)
            current = await self.store.get(transfer.id, conn, lock=True)
            if negotiation is None or current is None:
                raise transfer_not_found(transfer_name(transfer.id))
            if current.state is not TransferState.STARTED:
                return current  # terminated by either side meanwhile: leave it as they left it
            lease = await self.store.push_lease(conn, transfer.id)
            if not (lease.lapsed if lapsed else lease.mine):
                return current  # written by another process now, or (the sweep) its writer lives
            if failure is None:
                changed = replace(
                    current,
                    state=TransferState.COMPLETED,
                    last_actor=PROVIDER,
                    last_message="CompleteTransfer",
                )
                details: dict[str, Any] = {
                    "state": changed.state.value,
                    "bytes": transfer.byte_size,
                    "sha256": transfer.sha256.hex(),
                    "destination": destination,
                }
                event = "TransferCompletionMessage"
            else:
                changed = replace(
                    current,
                    state=TransferState.TERMINATED,
                    last_actor=PROVIDER,
                    last_message="TerminateTransfer",
                    termination_code=_code(failure),
                    termination_reason=failure.message[:1000],
                )
                details = {"state": changed.state.value, "code": _code(failure), **failure.metadata}
                event = "TransferTerminationMessage"
            await self.store.update(conn, changed)
            await self._log(conn, changed, event, PROVIDER, actor, **details)
        if lapsed:
            log.info("push ended: its writer's lease lapsed", transfer=transfer_name(transfer.id))
        await self.negotiations.anchor_pending(negotiation)
        if changed.state in TERMINAL and self.retired is not None:
            await self.retired.sweep()  # the data it read may have been replaced meanwhile
        return changed

    async def _consent(
        self, principal: Principal, transfer: Transfer, consent_token: str, purpose: str, event: str
    ) -> ConsentGrant | None:
        """For a transfer bound to a consent: a token of that consent covering `purpose`, now.

        A revoked consent ends the transfer (TERMINATED CONSENT_REVOKED, the deletion duty logged)
        before the refusal is raised."""
        if not transfer.consent:
            if consent_token:
                raise not_personal("consent_token")
            return None
        publisher, dataset_id = parse_dataset(transfer.dataset)
        dataset = await self.catalog.get(publisher, dataset_id)
        category = dataset.fields.personal_data_category if dataset is not None else ""
        try:
            if not consent_token:
                raise consent_required()
            return await self.negotiations.consents.verify(
                consent_token, principal, purpose=purpose, category=category, bound_to=transfer.consent
            )
        except PermissionDenied as exc:
            if exc.reason == "CONSENT_REVOKED":
                await self._end_for_revoked_consent(principal, transfer)
            else:
                await self.negotiations.log_consent_refusal(
                    transfer.negotiation,
                    principal,
                    f"{event}Refused",
                    exc,
                    transfer=transfer_name(transfer.id),
                    purpose=purpose,
                )
            raise

    async def _end_for_revoked_consent(self, principal: Principal, transfer: Transfer) -> None:
        async with self.store.pool.acquire() as conn, conn.transaction():
            negotiation = await self.negotiations.store.get(transfer.negotiation, conn, lock=True)
            current = await self.store.get(transfer.id, conn, lock=True)
            if negotiation is None or current is None or current.state in TERMINAL:
                return
            changed = replace(
                current,
                state=TransferState.TERMINATED,
                last_actor=PROVIDER,
                last_message="TerminateTransfer",
                termination_code="CONSENT_REVOKED",
                termination_reason="the person revoked the consent; delete the data received under it",
                token_sha256=None,
                token_expire_time=None,
            )
            await self.store.update(conn, changed)
            await self._log(
                conn,
                changed,
                "TransferTerminationMessage",
                PROVIDER,
                principal.subject,
                state=changed.state.value,
                code="CONSENT_REVOKED",
                consent=transfer.consent,
                duty=f"delete the data of {transfer.data_subject} received under {transfer.consent}",
            )
        log.info("transfer ended: consent revoked", transfer=transfer_name(transfer.id))
        await self.negotiations.anchor_pending(negotiation)

    async def send(
        self,
        principal: Principal,
        name: str,
        method: str,
        *,
        purpose: str = "",
        code: str = "",
        reason: str = "",
        consent_token: str = "",
    ) -> tuple[Transfer, Access | None]:
        org = org_of(principal)
        transfer_id = parse_transfer(name)
        sender, allowed, target = _MESSAGES[method]
        access: Access | None = None
        refused: policy.Decision | None = None
        probe = await self.store.get(transfer_id)
        if probe is None or org not in (probe.provider, probe.consumer):
            raise transfer_not_found(name)
        if probe.format in PUSHES and method != "TerminateTransfer":
            raise self._refused(
                probe,
                method,
                PROVIDER if org == probe.provider else CONSUMER,
                "a push transfer is written by the provider at once: only TerminateTransfer applies",
            )
        grant: ConsentGrant | None = None
        if method == "ResumeTransfer":
            grant = await self._consent(
                principal, probe, consent_token, purpose or probe.purpose, "ResumeTransfer"
            )
        async with self.store.pool.acquire() as conn, conn.transaction():
            negotiation = await self.negotiations.store.get(probe.negotiation, conn, lock=True)
            transfer = await self.store.get(transfer_id, conn, lock=True)
            if negotiation is None or transfer is None:
                raise transfer_not_found(name)
            role = PROVIDER if org == transfer.provider else CONSUMER
            rotate = (
                method == "ResumeTransfer" and transfer.state is TransferState.STARTED and role == CONSUMER
            )
            if not rotate:
                if transfer.state is target and (
                    method == "TerminateTransfer" or transfer.last_message == method
                ):
                    return transfer, None  # a retry of the message that led here
                if sender != EITHER and role != sender:
                    raise self._refused(transfer, method, role, f"only the {sender} sends {method}")
                if transfer.state not in allowed:
                    raise self._refused(
                        transfer, method, role, f"{method} is not allowed in state {transfer.state.value}"
                    )
            changed = replace(
                transfer,
                state=target,
                last_actor=role,
                last_message=method,
                token_sha256=None,
                token_expire_time=None,
            )
            details: dict[str, Any] = {"state": target.value}
            if method == "ResumeTransfer":
                # The negotiation is locked already (above, before the transfer): the same order.
                _, agreement = await self.negotiations.lock_in_force(conn, transfer.agreement)
                purpose = purpose or transfer.purpose
                decision = self._decide(agreement, principal, purpose, agreement.use_count)
                if not decision.permitted:
                    refused = decision
                    details.update(
                        refused=decision.reason, rule=decision.rule, constraint=decision.constraint
                    )
                    changed = transfer
                else:
                    access, token_hash, expire = await self._access(transfer, grant)
                    changed = replace(
                        changed, token_sha256=token_hash, token_expire_time=expire, purpose=purpose
                    )
                    details.update(expire_time=expire.isoformat(), rotated=rotate)
            if method == "TerminateTransfer":
                changed = replace(changed, termination_code=code or "TERMINATED", termination_reason=reason)
                details["code"] = changed.termination_code
            if refused is None:
                await self.store.update(conn, changed)
            await self._log(
                conn,
                transfer,
                method if refused is None else f"{method}Refused",
                role,
                principal.subject,
                **details,
            )
        await self.negotiations.anchor_pending(negotiation)
        if refused is not None:
            raise not_permitted(refused, f"agreements/{transfer.agreement}")
        log.info("transfer message", transfer=name, message=method, state=changed.state.value)
        if changed.state in TERMINAL and self.retired is not None:
            await self.retired.sweep()  # the data it read may have been replaced meanwhile
        return changed, access

    @staticmethod
    def _refused(transfer: Transfer, method: str, role: str, message: str) -> FailedPrecondition:
        return FailedPrecondition(
            "TRANSFER_STATE",
            message,
            domain=DOMAIN,
            metadata={"state": transfer.state.value, "message": method, "role": role},
        )

    # --- the data --------------------------------------------------------------------------------

    async def open_download(
        self, principal: Principal, name: str, token: str, consent_token: str = ""
    ) -> AsyncIterator[tuple[bytes, bytes]]:
        """Check everything, log the access, then yield (chunk, b"") ... and finally (b"", sha256)."""
        transfer = await self._check_download(principal, name, token, consent_token, "DownloadTransfer")
        return self._stream(transfer)

    async def presign(self, principal: Principal, name: str, token: str) -> tuple[str, datetime]:
        """A presigned GET URL for one download, after the checks of a download (the policy at this
        moment among them, logged as `PresignDownload`), living `presign_ttl`."""
        probe = await self.get(principal, name)
        if probe.consent:
            raise FailedPrecondition(
                "PRESIGN_UNAVAILABLE",
                "personal data are downloaded through DownloadTransfer, which checks the consent",
                domain=DOMAIN,
                metadata={"transfer": name, "problem": "personal data"},
            )
        # The entry is committed before the URL is returned; its ledger anchoring runs beside the
        # download rather than before it (a download starts within seconds of asking, and an entry
        # the ledger did not take is anchored by the next call on the negotiation anyway).
        transfer = await self._check_download(
            principal, name, token, "", "PresignDownload", wait_anchor=False
        )
        ttl = int(self.presign_ttl.total_seconds())
        expire = datetime.now(UTC) + self.presign_ttl
        if transfer.token_expire_time is not None:
            expire = min(expire, transfer.token_expire_time)
            ttl = max(1, min(ttl, int((transfer.token_expire_time - datetime.now(UTC)).total_seconds())))
        url = await self.objects.presign_get(transfer.object_key, ttl)
        if not url:
            raise FailedPrecondition(
                "PRESIGN_UNAVAILABLE",
                "this object store has no presigned URLs; use DownloadTransfer",
                domain=DOMAIN,
                metadata={"transfer": name, "problem": "store"},
            )
        return url, expire

    async def _check_download(
        self,
        principal: Principal,
        name: str,
        token: str,
        consent_token: str,
        event: str,
        *,
        wait_anchor: bool = True,
    ) -> Transfer:
        """The checks every download passes at its moment: the caller is the consumer, the consent
        (personal data), the transfer STARTED, its token, and the agreement's policy; logged."""
        org = org_of(principal)
        transfer_id = parse_transfer(name)
        probe = await self.store.get(transfer_id)
        if probe is None or org not in (probe.provider, probe.consumer):
            raise transfer_not_found(name)
        if org != probe.consumer:
            raise PermissionDenied(
                "ORGANIZATION_MISMATCH",
                "only the transfer's consumer downloads",
                domain=DOMAIN,
                metadata={"transfer": name},
            )
        await self._consent(principal, probe, consent_token, probe.purpose, event)
        async with self.store.pool.acquire() as conn, conn.transaction():
            negotiation, agreement = await self.negotiations.lock_in_force(conn, probe.agreement)
            transfer = await self.store.get(transfer_id, conn)
            if transfer is None:
                raise transfer_not_found(name)
            if transfer.state is not TransferState.STARTED:
                raise self._refused(transfer, event, CONSUMER, "the transfer is not STARTED")
            now = datetime.now(UTC)
            presented = hashlib.sha256(token.encode()).digest()
            if (
                transfer.token_sha256 is None
                or not hmac.compare_digest(presented, transfer.token_sha256)
                or transfer.token_expire_time is None
                or transfer.token_expire_time <= now
            ):
                raise PermissionDenied(
                    "TRANSFER_TOKEN_INVALID",
                    "the token is not this transfer's or has expired; resume it",
                    domain=DOMAIN,
                    metadata={"transfer": name},
                )
            decision = self._decide(agreement, principal, transfer.purpose, agreement.use_count)
            await self._log(
                conn,
                transfer,
                event,
                CONSUMER,
                principal.subject,
                permitted=decision.permitted,
                decision=decision.reason,
                rule=decision.rule,
            )
        if wait_anchor:
            await self.negotiations.anchor_pending(negotiation)
        else:
            self._anchoring.spawn(self.negotiations.anchor_pending(negotiation))
        if not decision.permitted:
            raise not_permitted(decision, f"agreements/{agreement.id}")
        return transfer

    async def _stream(self, transfer: Transfer) -> AsyncIterator[tuple[bytes, bytes]]:
        digest = hashlib.sha256()
        chunks = self.objects.open(transfer.object_key, chunk_size=CHUNK)
        try:
            async for chunk in chunks:
                digest.update(chunk)
                yield chunk, b""
        finally:
            await chunks.aclose()
        yield b"", digest.digest()
