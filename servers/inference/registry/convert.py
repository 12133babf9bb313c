"""Domain types of the registry ↔ jipan.inference.v1 messages."""

from __future__ import annotations

from datetime import UTC, datetime

import grpc
from google.protobuf.timestamp_pb2 import Timestamp

from jipan.inference.v1 import resources_pb2 as pb
from jipan.servers.inference.names import model_name, version_name
from jipan.servers.inference.registry.types import (
    DeploymentState,
    Model,
    Operation,
    OperationKind,
    Precision,
    Version,
    Visibility,
)
from jipan.servers.inference.serving.backend import ModelFormat, TensorSpec

VISIBILITY_FROM_PB: dict[int, Visibility] = {
    pb.VISIBILITY_UNSPECIFIED: Visibility.PRIVATE,
    pb.VISIBILITY_PRIVATE: Visibility.PRIVATE,
    pb.VISIBILITY_PUBLIC: Visibility.PUBLIC,
}
_VISIBILITY_TO_PB = {Visibility.PRIVATE: pb.VISIBILITY_PRIVATE, Visibility.PUBLIC: pb.VISIBILITY_PUBLIC}
_FORMAT_TO_PB = {ModelFormat.ONNX: pb.MODEL_FORMAT_ONNX, ModelFormat.BUILTIN: pb.MODEL_FORMAT_BUILTIN}
_PRECISION_TO_PB = {Precision.FP32: pb.PRECISION_FP32, Precision.INT8: pb.PRECISION_INT8}
_STATE_TO_PB = {
    DeploymentState.UNDEPLOYED: pb.DEPLOYMENT_STATE_UNDEPLOYED,
    DeploymentState.DEPLOYING: pb.DEPLOYMENT_STATE_DEPLOYING,
    DeploymentState.DEPLOYED: pb.DEPLOYMENT_STATE_DEPLOYED,
    DeploymentState.UNDEPLOYING: pb.DEPLOYMENT_STATE_UNDEPLOYING,
    DeploymentState.FAILED: pb.DEPLOYMENT_STATE_FAILED,
}
_KIND_TO_PB = {
    OperationKind.COMPRESS: pb.OPERATION_KIND_COMPRESS,
    OperationKind.DEPLOY: pb.OPERATION_KIND_DEPLOY,
    OperationKind.UNDEPLOY: pb.OPERATION_KIND_UNDEPLOY,
}


def timestamp(value: datetime | None) -> Timestamp | None:
    if value is None:
        return None
    stamp = Timestamp()
    stamp.FromDatetime(value.astimezone(UTC))
    return stamp


def _specs(specs: tuple[TensorSpec, ...]) -> list[pb.TensorSpec]:
    return [pb.TensorSpec(name=s.name, datatype=s.datatype, shape=list(s.shape)) for s in specs]


def model_to_pb(model: Model) -> pb.Model:
    return pb.Model(
        name=model_name(model.id),
        display_name=model.display_name,
        owner=model.owner,
        card=model.card,
        visibility=_VISIBILITY_TO_PB[model.visibility],
        shared_with=list(model.shared_with),
        serving_version=version_name(model.id, model.serving_version) if model.serving_version else "",
        builtin=model.builtin,
        has_evaluation_set=model.evaluation_key is not None,
        evaluation_samples=model.evaluation_samples,
        create_time=timestamp(model.create_time),
        update_time=timestamp(model.update_time),
    )


def version_to_pb(version: Version) -> pb.ModelVersion:
    message = pb.ModelVersion(
        name=version_name(version.model, version.version),
        uploader=version.uploader,
        format=_FORMAT_TO_PB[version.format],
        precision=_PRECISION_TO_PB[version.precision],
        size_bytes=version.size_bytes,
        sha256=version.sha256,
        inputs=_specs(version.inputs),
        outputs=_specs(version.outputs),
        max_batch_size=version.max_batch_size,
        source_version=version_name(version.model, version.source_version) if version.source_version else "",
        deployment_state=_STATE_TO_PB[version.deployment_state],
        deployment_backend=version.deployment_backend
        if version.deployment_state is DeploymentState.DEPLOYED
        else "",
        ledger_receipt=version.ledger_receipt,
        card=version.card,
        create_time=timestamp(version.create_time),
        deploy_time=timestamp(version.deploy_time)
        if version.deployment_state is DeploymentState.DEPLOYED
        else None,
    )
    if version.compression is not None:
        c = version.compression
        message.compression.CopyFrom(
            pb.CompressionReport(
                size_ratio=c.size_ratio,
                mean_cosine=c.mean_cosine,
                min_cosine=c.min_cosine,
                top1_agreement=c.top1_agreement,
                samples=c.samples,
                evaluation_source=c.evaluation_source,
                cosine_threshold=c.cosine_threshold,
            )
        )
    return message


def operation_to_pb(operation: Operation) -> pb.Operation:
    message = pb.Operation(
        name=f"operations/{operation.id}",
        metadata=pb.OperationMetadata(
            kind=_KIND_TO_PB[operation.kind],
            target=version_name(operation.model, operation.version),
            requester=operation.requester,
            progress_percent=operation.progress_percent,
            progress_message=operation.progress_message,
            create_time=timestamp(operation.create_time),
            update_time=timestamp(operation.update_time),
            end_time=timestamp(operation.end_time),
        ),
        done=operation.done,
    )
    if operation.error is not None:
        e = operation.error
        message.error.CopyFrom(
            pb.OperationError(
                code=grpc.StatusCode.__members__.get(e.code, grpc.StatusCode.UNKNOWN).value[0],
                message=e.message,
                reason=e.reason,
                domain=e.domain,
                metadata=e.metadata,
            )
        )
    elif operation.result is not None:
        message.response.CopyFrom(version_to_pb(operation.result))
    return message
