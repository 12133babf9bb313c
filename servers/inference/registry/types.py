"""The registry's domain types (what domain code returns; the servicer converts them)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from jipan.inference.v1 import resources_pb2
from jipan.servers.inference.serving.backend import ModelFormat, TensorSpec

# Shared with the other services' operations; re-exported for the registry's store and converters.
from jipan.servers.runtime.operations import OperationError as OperationError


class Visibility(StrEnum):
    PRIVATE = "PRIVATE"
    PUBLIC = "PUBLIC"


class Precision(StrEnum):
    FP32 = "FP32"
    INT8 = "INT8"


class DeploymentState(StrEnum):
    UNDEPLOYED = "UNDEPLOYED"
    DEPLOYING = "DEPLOYING"
    DEPLOYED = "DEPLOYED"
    UNDEPLOYING = "UNDEPLOYING"
    FAILED = "FAILED"


class OperationKind(StrEnum):
    COMPRESS = "COMPRESS"
    DEPLOY = "DEPLOY"
    UNDEPLOY = "UNDEPLOY"


@dataclass(frozen=True, slots=True)
class Model:
    id: str
    owner: str
    display_name: str
    card: resources_pb2.ModelCard
    visibility: Visibility
    shared_with: tuple[str, ...]
    builtin: bool
    evaluation_key: str | None
    evaluation_samples: int
    serving_version: int | None
    create_time: datetime
    update_time: datetime

    def visible_to(self, org: str | None) -> bool:
        if self.visibility is Visibility.PUBLIC:
            return True
        return org is not None and (org == self.owner or org in self.shared_with)


@dataclass(frozen=True, slots=True)
class Compression:
    size_ratio: float
    mean_cosine: float
    min_cosine: float
    top1_agreement: float
    samples: int
    evaluation_source: str
    cosine_threshold: float


@dataclass(frozen=True, slots=True)
class Version:
    model: str
    version: int
    uploader: str
    format: ModelFormat
    precision: Precision
    size_bytes: int
    sha256: bytes
    inputs: tuple[TensorSpec, ...]
    outputs: tuple[TensorSpec, ...]
    max_batch_size: int
    builtin: str
    source_version: int | None
    compression: Compression | None
    object_key: str
    card: resources_pb2.ModelCard
    ledger_receipt: str
    deployment_state: DeploymentState
    deployment_backend: str
    serving_name: str
    deploy_time: datetime | None
    create_time: datetime


@dataclass(frozen=True, slots=True)
class Operation:
    id: str
    kind: OperationKind
    model: str
    version: int
    requester: str
    requester_org: str
    progress_percent: int
    progress_message: str
    done: bool
    error: OperationError | None
    result: Version | None
    create_time: datetime
    update_time: datetime
    end_time: datetime | None
