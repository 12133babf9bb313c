"""Long-running work on versions (AIP-151): int8 compression, deployment, undeployment.

Each operation is a row (polled with GetOperation) and an asyncio task of this
process. A deploy decrypts the version in memory, checks it against the
digest anchored on the ledger, and loads it on the serving backend; the
gateway serves it once the row says DEPLOYED, and goes on serving the
previous load while a DEPLOYED version is deployed again. A restart fails the
operations it interrupted, returns a version whose redeploy it interrupted to
DEPLOYED, and redeploys what was deployed (the embedded backend starts empty).
"""

from __future__ import annotations

import asyncio
import hashlib
import math
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

import structlog

from jipan.interceptors.context import Principal
from jipan.servers.inference import compression
from jipan.servers.inference.names import DOMAIN, parse_model, parse_operation, parse_version, version_name
from jipan.servers.inference.registry import provenance
from jipan.servers.inference.registry.domain import Registry, org_of, version_not_found
from jipan.servers.inference.registry.types import (
    Compression,
    DeploymentState,
    Operation,
    OperationKind,
    Precision,
    Version,
)
from jipan.servers.inference.serving.backend import Deployable, ModelFormat, ServingBackend
from jipan.servers.runtime.errors import (
    Aborted,
    FailedPrecondition,
    InvalidArgument,
    NotFound,
    Unavailable,
)
from jipan.servers.runtime.idempotency import scope_for
from jipan.servers.runtime.operations import OperationError, OperationTasks, interrupted
from jipan.servers.runtime.owned import OwnedTasks
from jipan.servers.runtime.pagination import query_fingerprint, resolve_page_size
from jipan.servers.runtime.startup import FIRST_RETRY_S, MAX_RETRY_S

log = structlog.get_logger(__name__)

SYSTEM = "services/inference"
REDEPLOY_RETRY_FIRST_S = FIRST_RETRY_S
"""The wait before a start-up redeploy that failed UNAVAILABLE is tried again; it doubles each
time up to REDEPLOY_RETRY_MAX_S (the backoff of the start-up steps, runtime.startup)."""
REDEPLOY_RETRY_MAX_S = MAX_RETRY_S
DEFAULT_MIN_COSINE = 0.98
_BUSY = (DeploymentState.DEPLOYING, DeploymentState.UNDEPLOYING)


def _conflict(name: str, state: DeploymentState) -> Aborted:
    return Aborted(
        "OPERATION_CONFLICT",
        f"{name} is {state.value}; wait for that operation to finish",
        domain=DOMAIN,
        metadata={"name": name, "state": state.value},
    )


class Operations:
    def __init__(
        self,
        registry: Registry,
        backend: ServingBackend,
        *,
        on_change: Callable[[str], None] = lambda model_id: None,
        backend_ready: asyncio.Event | None = None,
        backend_timeout_s: float = 120.0,
    ) -> None:
        self.registry = registry
        self._backend_ready = backend_ready
        self._backend_timeout_s = backend_timeout_s
        self.store = registry.store
        self.backend = backend
        self.on_change = on_change
        self._tasks = OperationTasks[int | None](
            "inference-operation",
            domain=DOMAIN,
            interrupted=interrupted(DOMAIN, "OPERATION_CONFLICT", by="shutdown"),
            finish=self._finish,
        )
        # Set once recover_state has cleaned up after the previous process:
        # no operation starts before, or recovery would fail it.
        self._recovered = asyncio.Event()
        self._redeploy_retries = OwnedTasks("inference: a redeploy retried after UNAVAILABLE")
        """Start-up redeploys waiting to be tried again (redeploy); cancelled at close."""

    # --- starting ---------------------------------------------------------------------------------

    async def _start(
        self,
        principal: Principal,
        kind: OperationKind,
        version: Version,
        request_id: str,
        work: Callable[[str, Version], Awaitable[int | None]],
        *,
        transition: tuple[DeploymentState, tuple[DeploymentState, ...]] | None = None,
    ) -> Operation:
        """Record the operation (and move the version to its busy state) and run `work` in a task.

        `work` gets the version's row as the transition left it: what a
        concurrent operation did before is in it, so it unloads what is
        loaded now rather than what `version` said.
        """
        if not self._recovered.is_set():
            try:
                await asyncio.wait_for(self._recovered.wait(), 30.0)
            except TimeoutError as exc:
                raise Unavailable(
                    "BACKEND_UNAVAILABLE", "the registry is still starting; retry", domain=DOMAIN
                ) from exc
        org = principal.org or ""
        method = f"/jipan.inference.v1.ModelRegistryService/{kind.value}"
        name = version_name(version.model, version.version)
        async with self.store.pool.acquire() as conn, conn.transaction():
            if request_id:
                replay = await self.registry.request_ids.claim(
                    conn, scope_for(method, principal.subject), request_id, name.encode()
                )
                if replay is not None:
                    existing = await self.store.get_operation(replay.decode())
                    if existing is None:
                        raise NotFound("OPERATION_NOT_FOUND", "the replayed operation is gone", domain=DOMAIN)
                    return existing
            row = version
            if transition is not None:
                target, expect = transition
                moved = await self.store.start_transition(
                    version.model, version.version, state=target, expect=expect, conn=conn
                )
                if moved is None:
                    current = await self.store.get_version(version.model, version.version, conn)
                    state = current.deployment_state if current else DeploymentState.UNDEPLOYED
                    raise _conflict(name, state)
                row = moved
            op_id = await self.store.insert_operation(
                conn,
                kind=kind,
                model_id=version.model,
                number=version.version,
                requester=principal.subject,
                requester_org=org,
            )
            if request_id:
                await self.registry.request_ids.record(
                    conn, scope_for(method, principal.subject), request_id, op_id.encode()
                )

        async def run(op_id: str) -> int | None:
            return await work(op_id, row)

        self._tasks.spawn(op_id, run)
        operation = await self.store.get_operation(op_id)
        assert operation is not None
        return operation

    async def _finish(self, op_id: str, result: int | None, error: OperationError | None) -> None:
        if error is not None:
            await self.store.finish_operation(op_id, error=error)
        else:
            await self.store.finish_operation(op_id, result_version=result)

    async def wait(self, op_id: str) -> None:
        """Until the operation's task ends (tests, shutdown)."""
        await self._tasks.wait(op_id)

    async def close(self) -> None:
        await self._redeploy_retries.close(timeout_s=0)
        await self._tasks.close()

    async def _owned_version(self, principal: Principal, name: str) -> Version:
        model_id, number = parse_version(name)
        org_of(principal)
        await self.registry.owned_model(principal, model_id)
        version = await self.store.get_version(model_id, number)
        if version is None:
            raise version_not_found(name)
        return version

    # --- compression ------------------------------------------------------------------------------

    async def compress(
        self, principal: Principal, name: str, min_cosine: float, request_id: str
    ) -> Operation:
        if min_cosine == 0:
            min_cosine = DEFAULT_MIN_COSINE
        if not (math.isfinite(min_cosine) and 0 < min_cosine <= 1):
            raise InvalidArgument(
                "FIELD_INVALID",
                "min_cosine must be in (0, 1]",
                metadata={"field": "min_cosine", "value": str(min_cosine)},
            )
        version = await self._owned_version(principal, name)
        if version.format is not ModelFormat.ONNX or version.precision is not Precision.FP32:
            raise FailedPrecondition(
                "COMPRESSION_UNSUPPORTED",
                f"{name} is {version.format.value} {version.precision.value}; only fp32 ONNX compresses",
                domain=DOMAIN,
                metadata={"name": name},
            )

        async def work(op_id: str, row: Version) -> int | None:
            return await self._compress(op_id, version, min_cosine, principal.subject)

        return await self._start(principal, OperationKind.COMPRESS, version, request_id, work)

    async def _compress(self, op_id: str, version: Version, min_cosine: float, requester: str) -> int:
        name = version_name(version.model, version.version)
        await self.store.progress(op_id, 5, "decrypting and verifying the fp32 version")
        fp32 = await self._verified_bytes(version)
        await self.store.progress(op_id, 20, "quantizing weights to int8")
        int8 = await asyncio.to_thread(compression.quantize_int8, fp32)
        model = await self.store.get_model(version.model)
        if model is None:
            raise NotFound("MODEL_NOT_FOUND", f"models/{version.model} is gone", domain=DOMAIN)
        await self.store.progress(op_id, 50, "measuring fidelity on the evaluation set")
        samples, source = await self.registry.evaluation_samples(model, version.inputs)
        fidelity = await asyncio.to_thread(compression.measure_fidelity, fp32, int8, samples)
        if not fidelity.mean_cosine >= min_cosine:
            raise FailedPrecondition(
                "FIDELITY_BELOW_THRESHOLD",
                f"the int8 version's mean cosine {fidelity.mean_cosine:.4f} is below {min_cosine}; "
                "nothing was published",
                domain=DOMAIN,
                metadata={
                    "cosine": f"{fidelity.mean_cosine:.6f}",
                    "threshold": str(min_cosine),
                    "size_ratio": f"{fidelity.size_ratio:.3f}",
                    "version": name,
                },
            )
        await self.store.progress(op_id, 80, "storing and anchoring the int8 version")
        new, _ = await self.registry.add_version(
            model,
            uploader=requester,
            payload=int8,
            sha256=hashlib.sha256(int8).digest(),
            format=ModelFormat.ONNX,
            precision=Precision.INT8,
            inputs=version.inputs,
            outputs=version.outputs,
            max_batch_size=version.max_batch_size,
            source_version=version.version,
            compression_report=Compression(
                size_ratio=fidelity.size_ratio,
                mean_cosine=fidelity.mean_cosine,
                min_cosine=fidelity.min_cosine,
                top1_agreement=fidelity.top1_agreement,
                samples=fidelity.samples,
                evaluation_source=source,
                cosine_threshold=min_cosine,
            ),
        )
        log.info(
            "model version compressed",
            source=name,
            version=version_name(new.model, new.version),
            size_ratio=round(fidelity.size_ratio, 3),
            mean_cosine=round(fidelity.mean_cosine, 5),
        )
        return new.version

    # --- deployment -------------------------------------------------------------------------------

    async def _verified_bytes(self, version: Version) -> bytes:
        plaintext = await self.registry.read_sealed(version.object_key, version.model)
        await provenance.verify(
            self.registry.anchor,
            version_name=version_name(version.model, version.version),
            stored_sha256=version.sha256,
            receipt=version.ledger_receipt,
            uploader=version.uploader,
            card=version.card,
            plaintext=plaintext,
        )
        return plaintext

    async def deploy(self, principal: Principal, name: str, request_id: str) -> Operation:
        version = await self._owned_version(principal, name)
        return await self._deploy(principal, version, request_id)

    async def deploy_as_system(self, org: str, version: Version) -> Operation:
        """Deploy on the platform's behalf (built-in models, redeploys after a restart)."""
        return await self._deploy(self.system_principal(org), version, "")

    async def _deploy(
        self, principal: Principal, version: Version, request_id: str, *, redeploy_attempt: int = 0
    ) -> Operation:
        """`redeploy_attempt` > 0: the start-up redeploy of a DEPLOYED version (see redeploy)."""

        async def work(op_id: str, row: Version) -> int | None:
            try:
                await self._load(op_id, row)
            except Exception as exc:
                if redeploy_attempt and isinstance(exc, Unavailable):
                    # What it needs is not reachable yet (the ledger its bytes are checked
                    # against, the backend): nothing says the version is wrong. It stays
                    # DEPLOYED and is tried again, later each time.
                    await asyncio.shield(self._end_interrupted_deploy(row))
                    self._retry_redeploy(principal.org or "", row, redeploy_attempt, exc)
                    raise
                # The version did not load: FAILED (a deploy again retries it).
                await asyncio.shield(
                    self.store.set_deployment(
                        row.model,
                        row.version,
                        state=DeploymentState.FAILED,
                        expect=[DeploymentState.DEPLOYING],
                    )
                )
                raise
            except BaseException:
                # Cut short (a shutdown): nothing says the version is wrong. One that was
                # serving goes back to DEPLOYED, which the next start redeploys.
                await asyncio.shield(self._end_interrupted_deploy(row))
                raise
            return row.version

        return await self._start(
            principal,
            OperationKind.DEPLOY,
            version,
            request_id,
            work,
            transition=(
                DeploymentState.DEPLOYING,
                # A retried redeploy goes ahead only while nobody changed the version since.
                (DeploymentState.DEPLOYED,)
                if redeploy_attempt > 1
                else (DeploymentState.UNDEPLOYED, DeploymentState.FAILED, DeploymentState.DEPLOYED),
            ),
        )

    def _retry_redeploy(self, org: str, row: Version, attempt: int, error: Unavailable) -> None:
        delay = min(REDEPLOY_RETRY_FIRST_S * 2 ** (attempt - 1), REDEPLOY_RETRY_MAX_S)
        name = version_name(row.model, row.version)
        log.warning(
            "redeploy after restart not possible yet; the version stays DEPLOYED and is tried again",
            version=name,
            reason=error.reason,
            retry_in_s=delay,
            attempt=attempt,
        )

        async def again() -> None:
            await asyncio.sleep(delay)
            try:
                # Goes ahead only from DEPLOYED (see _deploy's transition).
                await self._deploy(self.system_principal(org), row, "", redeploy_attempt=attempt + 1)
            except Aborted:
                return  # OPERATION_CONFLICT: undeployed, deleted or taken over meanwhile

        self._redeploy_retries.spawn(again(), name=f"inference-redeploy-retry-{name}")

    async def _end_interrupted_deploy(self, version: Version) -> None:
        await self.store.end_busy_state(
            version.model,
            version.version,
            busy=DeploymentState.DEPLOYING,
            restore=(DeploymentState.DEPLOYED,),
            otherwise=DeploymentState.FAILED,
        )
        self.on_change(version.model)

    async def _load(self, op_id: str, version: Version) -> None:
        name = version_name(version.model, version.version)
        if version.serving_name and version.deployment_backend == self.backend.kind:
            # Redeploying over a live deployment: the old name goes once the new one serves.
            previous = version.serving_name
        else:
            previous = ""
        await self.store.progress(op_id, 10, "decrypting and verifying against the ledger")
        plaintext = await self._verified_bytes(version)
        await self.store.progress(op_id, 40, f"loading on the {self.backend.kind} backend")
        await self._wait_for_backend()
        # At most 60 characters: the embedded backend puts it in unix-socket paths.
        serving_name = f"{version.model[:40]}-v{version.version}-{uuid.uuid4().hex[:8]}"
        await self.backend.load(
            Deployable(
                serving_name=serving_name,
                format=version.format,
                inputs=version.inputs,
                outputs=version.outputs,
                max_batch_size=version.max_batch_size,
                payload=plaintext if version.format is ModelFormat.ONNX else b"",
                builtin=version.builtin,
            )
        )
        del plaintext
        moved = await self.store.set_deployment(
            version.model,
            version.version,
            state=DeploymentState.DEPLOYED,
            expect=[DeploymentState.DEPLOYING],
            backend=self.backend.kind,
            serving_name=serving_name,
            deployed_at=datetime.now(UTC),
        )
        if not moved:
            await self.backend.unload(serving_name)
            raise _conflict(name, DeploymentState.UNDEPLOYING)
        self.on_change(version.model)
        if previous:
            await self.backend.unload(previous)
        log.info("model version deployed", version=name, serving_name=serving_name, backend=self.backend.kind)

    async def undeploy(self, principal: Principal, name: str, request_id: str) -> Operation:
        version = await self._owned_version(principal, name)
        if version.deployment_state not in (DeploymentState.DEPLOYED, DeploymentState.FAILED):
            if version.deployment_state in _BUSY:
                raise _conflict(name, version.deployment_state)
            raise FailedPrecondition(
                "NOT_DEPLOYED", f"{name} is not deployed", domain=DOMAIN, metadata={"name": name}
            )

        async def work(op_id: str, row: Version) -> int | None:
            self.on_change(row.model)
            try:
                await self.store.progress(op_id, 30, f"unloading from the {self.backend.kind} backend")
                await self._wait_for_backend()
                if row.serving_name:
                    await self.backend.unload(row.serving_name)
            except Exception:
                # Still loaded: back to where it was (DEPLOYED serves again), so a retry,
                # or a deploy, is not refused as a conflict with this finished operation.
                await asyncio.shield(
                    self.store.end_busy_state(
                        row.model,
                        row.version,
                        busy=DeploymentState.UNDEPLOYING,
                        restore=(DeploymentState.DEPLOYED, DeploymentState.FAILED),
                        otherwise=DeploymentState.FAILED,
                    )
                )
                self.on_change(row.model)
                raise
            await self.store.set_deployment(
                row.model,
                row.version,
                state=DeploymentState.UNDEPLOYED,
                expect=[DeploymentState.UNDEPLOYING],
                serving_name="",
            )
            self.on_change(row.model)
            log.info("model version undeployed", version=name)
            return row.version

        return await self._start(
            principal,
            OperationKind.UNDEPLOY,
            version,
            request_id,
            work,
            transition=(DeploymentState.UNDEPLOYING, (DeploymentState.DEPLOYED, DeploymentState.FAILED)),
        )

    async def _wait_for_backend(self) -> None:
        if self._backend_ready is None or self._backend_ready.is_set():
            return
        try:
            await asyncio.wait_for(self._backend_ready.wait(), self._backend_timeout_s)
        except TimeoutError as exc:
            raise Unavailable(
                "BACKEND_UNAVAILABLE",
                f"the {self.backend.kind} serving backend did not start within {self._backend_timeout_s:g} s",
                domain=DOMAIN,
            ) from exc

    # --- reading ----------------------------------------------------------------------------------

    async def get(self, principal: Principal, name: str) -> Operation:
        op_id = parse_operation(name)
        operation = await self.store.get_operation(op_id)
        if operation is None or not principal.org or operation.requester_org != principal.org:
            raise NotFound(
                "OPERATION_NOT_FOUND",
                f"no operation {name} of the caller's organisation",
                domain=DOMAIN,
                metadata={"name": name},
            )
        return operation

    async def list(
        self, principal: Principal, model: str, page_size: int, page_token: str
    ) -> tuple[list[Operation], str]:
        org = org_of(principal)
        model_id = parse_model(model, "model") if model else None
        if model_id is not None:
            await self.registry.visible_model(principal, model_id)
        size = resolve_page_size(page_size, default=50, maximum=500)
        fingerprint = query_fingerprint("ListOperations", org=org, model=model)
        before = 2**62
        if page_token:
            before = int(self.registry.page_tokens.decode(page_token, fingerprint)["before"])
        rows = await self.store.list_operations(org, model_id, before, size + 1)
        next_token = ""
        if len(rows) > size:
            rows = rows[:size]
            next_token = self.registry.page_tokens.encode(fingerprint, {"before": rows[-1][0]})
        return [operation for _, operation in rows], next_token

    # --- start-up ---------------------------------------------------------------------------------

    async def recover_state(self) -> None:
        """Fail what the previous process left running (before any operation of this one starts)."""
        for operation in await self.store.unfinished_operations():
            await self.store.finish_operation(
                operation.id,
                error=OperationError(
                    code="ABORTED",
                    message="a restart of the server interrupted the operation; start it again",
                    reason="OPERATION_CONFLICT",
                    domain=DOMAIN,
                ),
            )
        # A deploy the previous process did not finish (SIGKILL): as one a shutdown cut short.
        for version in await self.store.versions_in_state([DeploymentState.DEPLOYING]):
            await self._end_interrupted_deploy(version)
        for version in await self.store.versions_in_state([DeploymentState.UNDEPLOYING]):
            await self.store.set_deployment(
                version.model,
                version.version,
                state=DeploymentState.UNDEPLOYED,
                expect=[DeploymentState.UNDEPLOYING],
                serving_name="",
            )
        self._recovered.set()

    async def redeploy(self) -> None:
        """Deploy again what was deployed: the embedded backend starts empty.

        One that fails UNAVAILABLE (the ledger its bytes are checked against, or the
        backend, not reachable yet) stays DEPLOYED and is tried again after
        REDEPLOY_RETRY_FIRST_S, doubling up to REDEPLOY_RETRY_MAX_S, for as long as it is
        DEPLOYED and this process runs; any other failure makes it FAILED, as for any deploy."""
        for version in await self.store.versions_in_state([DeploymentState.DEPLOYED]):
            model = await self.store.get_model(version.model)
            if model is None:
                continue
            log.info("redeploying after restart", version=version_name(version.model, version.version))
            await self._deploy(self.system_principal(model.owner), version, "", redeploy_attempt=1)

    @staticmethod
    def system_principal(org: str) -> Principal:
        return Principal(
            subject=SYSTEM,
            issuer="jipan",
            audiences=(),
            expires_at=datetime.max.replace(tzinfo=UTC),
            token_id="",
            org=org,
        )
