"""ProvisioningService over gRPC: unpack, call the domain, pack."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from datetime import UTC
from typing import Any

import grpc

from jipan.cloud.v1 import provisioning_service_pb2 as ppb
from jipan.cloud.v1 import provisioning_service_pb2_grpc as ppb_grpc
from jipan.cloud.v1 import resources_pb2 as res
from jipan.interceptors.context import current_principal
from jipan.servers.cloud.accounts.servicer import timestamp
from jipan.servers.cloud.provisioning.domain import Provisioning, deployment_name, operation_name
from jipan.servers.cloud.provisioning.types import AuditEntry, Deployment, Operation, OperationKind

Context = grpc.aio.ServicerContext[Any, Any]


def deployment_to_pb(deployment: Deployment) -> res.Deployment:
    message = res.Deployment(
        name=deployment_name(deployment.owner, deployment.id),
        placement=deployment.placement,
        plan_rank=deployment.plan_rank,
        accounts=sorted(deployment.accounts.values()),
        buckets=list(deployment.buckets),
        state=res.DeploymentState.Value(f"DEPLOYMENT_STATE_{deployment.state.value}"),
        resources=[
            res.DeployedResource(
                workload=r.workload,
                account=r.account,
                resource_id=r.resource_id,
                region=r.region,
                provider_state=r.provider_state,
                zone=r.zone,
            )
            for r in deployment.resources
        ],
        create_time=timestamp(deployment.create_time),
        images={f"providers/{k}": v for k, v in deployment.images.items()},
    )
    if deployment.expire_time is not None:
        message.expire_time.CopyFrom(timestamp(deployment.expire_time))
    return message


def _error(values: Mapping[str, Any]) -> res.OperationError:
    code = grpc.StatusCode.__members__.get(str(values.get("code", "INTERNAL")), grpc.StatusCode.INTERNAL)
    return res.OperationError(
        code=code.value[0],
        message=str(values.get("message", "")),
        reason=str(values.get("reason", "")),
        domain=str(values.get("domain", "")),
        metadata={str(k): str(v) for k, v in dict(values.get("metadata") or {}).items()},
    )


def operation_to_pb(operation: Operation, deployment: Deployment | None) -> res.Operation:
    metadata = res.OperationMetadata(
        kind=res.OperationKind.Value(f"OPERATION_KIND_{operation.kind.value}"),
        target=operation.target,
        requester=operation.requester,
        step=operation.step,
        create_time=timestamp(operation.create_time),
        update_time=timestamp(operation.update_time),
    )
    if operation.end_time is not None:
        metadata.end_time.CopyFrom(timestamp(operation.end_time))
    message = res.Operation(
        name=operation_name(operation.owner, operation.id), metadata=metadata, done=operation.done
    )
    if operation.done and operation.error is not None:
        message.error.CopyFrom(_error(operation.error))
    elif operation.done and deployment is not None:
        message.deployment.CopyFrom(deployment_to_pb(deployment))
    return message


def audit_to_pb(entry: AuditEntry) -> res.AuditEntry:
    message = res.AuditEntry(
        target=entry.target,
        sequence=entry.sequence,
        action=entry.action,
        actor=entry.actor,
        details=entry.details,
    )
    if entry.time is not None:
        message.time.CopyFrom(timestamp(entry.time))
    return message


OperationPacker = Callable[[Operation], Awaitable[res.Operation]]


class ProvisioningServicer(ppb_grpc.ProvisioningServiceServicer):
    def __init__(
        self, provisioning: Provisioning, packers: Mapping[OperationKind, OperationPacker] | None = None
    ) -> None:
        self._p = provisioning
        # Operations of other contexts in the same table (MIGRATE_BUCKET): packed by their owner.
        self._packers = dict(packers or {})

    async def _pack(self, operation: Operation) -> res.Operation:
        packer = self._packers.get(operation.kind)
        if packer is not None:
            return await packer(operation)
        deployment = None
        if operation.done and operation.error is None:
            deployment = await self._p.get_deployment(current_principal(), operation.target)
        return operation_to_pb(operation, deployment)

    async def CreateDeployment(
        self, request: ppb.CreateDeploymentRequest, context: Context
    ) -> ppb.CreateDeploymentResponse:
        d = request.deployment
        operation = await self._p.create_deployment(
            current_principal(),
            request.parent,
            d.placement,
            list(d.accounts),
            dict(d.images),
            list(d.buckets),
            d.expire_time.ToDatetime(tzinfo=UTC) if d.HasField("expire_time") else None,
            request.request_id,
        )
        return ppb.CreateDeploymentResponse(operation=await self._pack(operation))

    async def GetDeployment(
        self, request: ppb.GetDeploymentRequest, context: Context
    ) -> ppb.GetDeploymentResponse:
        return ppb.GetDeploymentResponse(
            deployment=deployment_to_pb(await self._p.get_deployment(current_principal(), request.name))
        )

    async def ListDeployments(
        self, request: ppb.ListDeploymentsRequest, context: Context
    ) -> ppb.ListDeploymentsResponse:
        deployments, token = await self._p.list_deployments(
            current_principal(), request.parent, request.page_size, request.page_token
        )
        return ppb.ListDeploymentsResponse(
            deployments=[deployment_to_pb(d) for d in deployments], next_page_token=token
        )

    async def _change(self, name: str, kind: OperationKind, request_id: str) -> res.Operation:
        return await self._pack(await self._p.change_deployment(current_principal(), name, kind, request_id))

    async def StartDeployment(
        self, request: ppb.StartDeploymentRequest, context: Context
    ) -> ppb.StartDeploymentResponse:
        return ppb.StartDeploymentResponse(
            operation=await self._change(request.name, OperationKind.START_DEPLOYMENT, request.request_id)
        )

    async def StopDeployment(
        self, request: ppb.StopDeploymentRequest, context: Context
    ) -> ppb.StopDeploymentResponse:
        return ppb.StopDeploymentResponse(
            operation=await self._change(request.name, OperationKind.STOP_DEPLOYMENT, request.request_id)
        )

    async def DeleteDeployment(
        self, request: ppb.DeleteDeploymentRequest, context: Context
    ) -> ppb.DeleteDeploymentResponse:
        return ppb.DeleteDeploymentResponse(
            operation=await self._change(request.name, OperationKind.DELETE_DEPLOYMENT, request.request_id)
        )

    async def GetOperation(
        self, request: ppb.GetOperationRequest, context: Context
    ) -> ppb.GetOperationResponse:
        return ppb.GetOperationResponse(
            operation=await self._pack(await self._p.get_operation(current_principal(), request.name))
        )

    async def ListOperations(
        self, request: ppb.ListOperationsRequest, context: Context
    ) -> ppb.ListOperationsResponse:
        operations, token = await self._p.list_operations(
            current_principal(), request.parent, request.page_size, request.page_token
        )
        return ppb.ListOperationsResponse(
            operations=[await self._pack(o) for o in operations], next_page_token=token
        )

    async def ListAuditEntries(
        self, request: ppb.ListAuditEntriesRequest, context: Context
    ) -> ppb.ListAuditEntriesResponse:
        entries, token = await self._p.list_audit(
            current_principal(), request.parent, request.page_size, request.page_token
        )
        return ppb.ListAuditEntriesResponse(
            audit_entries=[audit_to_pb(e) for e in entries], next_page_token=token
        )
