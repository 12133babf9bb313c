"""The cloud broker as trials see it: its catalog, placement and provisioning contracts over gRPC.

Market never reads cloud's tables. It calls the broker with a service token that
acts for one broker organisation (settings.market_trial_org): the offerings of
that organisation are the machine sizes templates name, and its provider
accounts run (and pay for) every trial. The broker owns the durable part:
CreateDeployment is idempotent by request id, fails over between plans, and
tears a deployment down by itself when its expire_time passes.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

import grpc
import structlog
from google.protobuf.timestamp_pb2 import Timestamp

from jipan.clients import error_details
from jipan.clients.service_tokens import ServiceTokens
from jipan.cloud.v1 import account_service_pb2 as apb
from jipan.cloud.v1 import account_service_pb2_grpc as apb_grpc
from jipan.cloud.v1 import catalog_service_pb2 as cpb
from jipan.cloud.v1 import catalog_service_pb2_grpc as cpb_grpc
from jipan.cloud.v1 import placement_service_pb2 as ppb
from jipan.cloud.v1 import placement_service_pb2_grpc as ppb_grpc
from jipan.cloud.v1 import provisioning_service_pb2 as vpb
from jipan.cloud.v1 import provisioning_service_pb2_grpc as vpb_grpc
from jipan.cloud.v1 import resources_pb2 as cres
from jipan.interceptors.client import LazyChannel
from jipan.servers.market.names import DOMAIN
from jipan.servers.runtime.errors import (
    DomainError,
    FailedPrecondition,
    FieldViolation,
    InvalidArgument,
    Unavailable,
)
from jipan.servers.runtime.settings import ClientCertificate

log = structlog.get_logger(__name__)

CALL_TIMEOUT_S = 15.0
RETRY_AFTER_S = 5.0
_TEARDOWN = uuid.UUID("0b6f7c8e-55a2-4a0e-9e3c-5b1d7a9e2c41")


@dataclass(frozen=True, slots=True)
class MachineSize:
    """One instance offering of the trial organisation's catalog."""

    offering: str
    provider: str
    region: str
    vcpu: int
    memory_gib: float
    gpu_count: int
    hourly_twd: Decimal


@dataclass(frozen=True, slots=True)
class DeployedMachine:
    resource_id: str
    region: str
    provider_state: str


@dataclass(frozen=True, slots=True)
class DeploymentStatus:
    """What the broker says of a trial's deployment."""

    name: str
    state: str
    """CREATING, RUNNING, STOPPED, DELETING, DELETED or FAILED (the broker's words)."""
    machines: tuple[DeployedMachine, ...]


@dataclass(frozen=True, slots=True)
class Provisioned:
    placement: str
    operation: str
    deployment: str


def _unavailable(what: str, exc: grpc.aio.AioRpcError) -> Unavailable:
    log.warning("cloud broker call failed", call=what, code=exc.code().name, detail=exc.details())
    return Unavailable(
        "CLOUD_UNAVAILABLE",
        f"the cloud broker did not answer {what}; retry",
        domain=DOMAIN,
        metadata={"call": what, "cloud_status": exc.code().name},
        retry_after_s=RETRY_AFTER_S,
    )


_TRANSIENT = frozenset(
    {
        grpc.StatusCode.UNAVAILABLE,
        grpc.StatusCode.DEADLINE_EXCEEDED,
        grpc.StatusCode.RESOURCE_EXHAUSTED,
        grpc.StatusCode.ABORTED,
        grpc.StatusCode.INTERNAL,
        grpc.StatusCode.UNKNOWN,
        grpc.StatusCode.CANCELLED,
    }
)


def _refused_or_unavailable(what: str, exc: grpc.aio.AioRpcError) -> DomainError:
    """A broker error that retrying cannot fix refuses the trial; anything else is retried later."""
    if exc.code() in _TRANSIENT:
        return _unavailable(what, exc)
    reason = error_details(exc).reason
    log.warning("cloud broker refused a trial", call=what, code=exc.code().name, reason=reason)
    return provisioning_refused(f"{what}: {exc.details() or exc.code().name}", exc.code().name, reason)


def provisioning_refused(problem: str, status: str, reason: str) -> FailedPrecondition:
    return FailedPrecondition(
        "TRIAL_PROVISIONING_REFUSED",
        f"the cloud broker refused the trial ({problem})",
        domain=DOMAIN,
        metadata={"cloud_status": status, "cloud_reason": reason},
    )


def _not_configured(org: str, problem: str) -> FailedPrecondition:
    return FailedPrecondition("TRIALS_NOT_CONFIGURED", problem, domain=DOMAIN, metadata={"organization": org})


def _stamp(moment: datetime) -> Timestamp:
    stamp = Timestamp()
    stamp.FromDatetime(moment)
    return stamp


class CloudBroker:
    """Catalog, placement and provisioning calls for one broker organisation, over one channel."""

    def __init__(
        self,
        target: str | Callable[[], str] | None,
        *,
        organization: str,
        ca_file: Path | None,
        client_cert: ClientCertificate | None = None,
        token_source: ServiceTokens,
        timeout_s: float = CALL_TIMEOUT_S,
    ) -> None:
        self.organization = organization
        self._timeout_s = timeout_s
        # No target: trials are not configured, and every call says so.
        self._channel = (
            None
            if target is None
            else LazyChannel(target, ca_file=ca_file, client_cert=client_cert, token_source=token_source)
        )

    def _open(self) -> grpc.aio.Channel:
        if self._channel is None:
            raise _not_configured(
                self.organization,
                "no cloud broker is configured (JIPAN_MARKET_CLOUD_TARGET)"
                " and this server does not serve cloud",
            )
        return self._channel.get()

    async def machine_size(self, offering: str, field: str) -> MachineSize:
        """The offering, which must be an instance of the trial organisation's catalog."""
        if not offering.startswith(self.organization + "/offerings/"):
            raise InvalidArgument(
                "FIELD_INVALID",
                f"{field} must be one of the trial organisation's offerings"
                f" ({self.organization}/offerings/...)",
                domain=DOMAIN,
                metadata={"field": field, "organization": self.organization},
                field_violations=[FieldViolation(field, "not an offering of the trial organisation")],
            )
        stub = cpb_grpc.CatalogServiceStub(self._open())
        try:
            found = (
                await stub.GetOffering(cpb.GetOfferingRequest(name=offering), timeout=self._timeout_s)
            ).offering
        except grpc.aio.AioRpcError as exc:
            if exc.code() in (grpc.StatusCode.NOT_FOUND, grpc.StatusCode.INVALID_ARGUMENT):
                raise InvalidArgument(
                    "FIELD_INVALID",
                    f"{field} names no offering of the cloud broker",
                    domain=DOMAIN,
                    metadata={"field": field, "offering": offering[:200]},
                    field_violations=[FieldViolation(field, "no such offering")],
                ) from exc
            raise _unavailable("GetOffering", exc) from exc
        if found.kind != cres.OFFERING_KIND_INSTANCE or found.unit != "hour":
            raise InvalidArgument(
                "FIELD_INVALID",
                f"{field} must be an instance offering priced per hour",
                domain=DOMAIN,
                metadata={"field": field, "offering": offering[:200]},
                field_violations=[FieldViolation(field, "not an instance offering")],
            )
        try:
            hourly = Decimal(found.unit_price_twd)
        except InvalidOperation:
            hourly = Decimal(-1)
        if not hourly.is_finite() or hourly < 0:
            raise _not_configured(self.organization, "the broker gave the offering no TWD price")
        return MachineSize(
            offering=found.name,
            provider=found.provider,
            region=found.region,
            vcpu=found.vcpu,
            memory_gib=found.memory_gib,
            gpu_count=found.gpu_count,
            hourly_twd=hourly,
        )

    async def _accounts(self, provider: str) -> list[str]:
        stub = apb_grpc.AccountServiceStub(self._open())
        accounts: list[str] = []
        token = ""
        while True:
            try:
                page = await stub.ListProviderAccounts(
                    apb.ListProviderAccountsRequest(page_size=100, page_token=token),
                    timeout=self._timeout_s,
                )
            except grpc.aio.AioRpcError as exc:
                raise _unavailable("ListProviderAccounts", exc) from exc
            accounts += [a.name for a in page.accounts if a.provider == provider]
            token = page.next_page_token
            if not token:
                return accounts

    async def plan(self, size: MachineSize) -> str:
        """Plan a placement pinned to the size's provider and region; its name.

        A trial plans once and keeps the name: CreateDeployment's request fingerprint holds the
        placement, so a retry that planned afresh would be refused as a reused request id."""
        workload = cres.Workload(
            id="trial",
            vcpu=size.vcpu,
            memory_gib=size.memory_gib,
            gpu_count=size.gpu_count,
            allowed_providers=[size.provider],
            allowed_regions=[size.region],
        )
        try:
            placement = (
                await ppb_grpc.PlacementServiceStub(self._open()).PlanPlacement(
                    ppb.PlanPlacementRequest(
                        parent=self.organization, placement=cres.Placement(workloads=[workload]), max_plans=1
                    ),
                    timeout=self._timeout_s,
                )
            ).placement
        except grpc.aio.AioRpcError as exc:
            raise _refused_or_unavailable("PlanPlacement", exc) from exc
        if not placement.plans:
            raise provisioning_refused(
                "no offering of the trial organisation fits the template's machine", "OK", "NO_PLAN"
            )
        return placement.name

    async def provision(
        self, size: MachineSize, image: str, expire_time: datetime, request_id: str, *, placement: str
    ) -> Provisioned:
        """Create the deployment of `placement` (from plan) with its TTL. `request_id` makes
        CreateDeployment replay the first operation, as long as the placement is the same."""
        accounts = await self._accounts(size.provider)
        if not accounts:
            raise _not_configured(
                self.organization, f"the trial organisation has no provider account for {size.provider}"
            )
        deployment = cres.Deployment(
            placement=placement,
            accounts=accounts[:1],
            images={size.provider: image},
            expire_time=_stamp(expire_time),
        )
        try:
            operation = (
                await vpb_grpc.ProvisioningServiceStub(self._open()).CreateDeployment(
                    vpb.CreateDeploymentRequest(
                        parent=self.organization, deployment=deployment, request_id=request_id
                    ),
                    timeout=self._timeout_s,
                )
            ).operation
        except grpc.aio.AioRpcError as exc:
            raise _refused_or_unavailable("CreateDeployment", exc) from exc
        return Provisioned(placement, operation.name, operation.metadata.target)

    async def deployment(self, name: str) -> DeploymentStatus:
        try:
            found = (
                await vpb_grpc.ProvisioningServiceStub(self._open()).GetDeployment(
                    vpb.GetDeploymentRequest(name=name), timeout=self._timeout_s
                )
            ).deployment
        except grpc.aio.AioRpcError as exc:
            raise _unavailable("GetDeployment", exc) from exc
        return DeploymentStatus(
            name=found.name,
            state=cres.DeploymentState.Name(found.state).removeprefix("DEPLOYMENT_STATE_"),
            machines=tuple(
                DeployedMachine(r.resource_id, r.region, r.provider_state)
                for r in found.resources
                if r.workload == "trial"
            ),
        )

    async def failure(self, operation: str) -> str:
        """Why an operation failed, in the broker's words ("" while it has not)."""
        try:
            found = (
                await vpb_grpc.ProvisioningServiceStub(self._open()).GetOperation(
                    vpb.GetOperationRequest(name=operation), timeout=self._timeout_s
                )
            ).operation
        except grpc.aio.AioRpcError as exc:
            raise _unavailable("GetOperation", exc) from exc
        if found.done and found.HasField("error"):
            return f"{found.error.reason or 'FAILED'}: {found.error.message}"[:1000]
        return ""

    async def tear_down(self, deployment: str, trial_id: str) -> bool:
        """Ask the broker to delete the deployment; False when it cannot yet (still being created).
        The request id is the trial's, so asking again is a replay, not a second teardown."""
        request_id = str(uuid.uuid5(_TEARDOWN, trial_id))
        try:
            await vpb_grpc.ProvisioningServiceStub(self._open()).DeleteDeployment(
                vpb.DeleteDeploymentRequest(name=deployment, request_id=request_id), timeout=self._timeout_s
            )
        except grpc.aio.AioRpcError as exc:
            if exc.code() == grpc.StatusCode.FAILED_PRECONDITION:
                return False
            raise _unavailable("DeleteDeployment", exc) from exc
        return True

    async def aclose(self) -> None:
        if self._channel is not None:
            await self._channel.aclose()
