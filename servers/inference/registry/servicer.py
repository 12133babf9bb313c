"""ModelRegistryService over gRPC: unpack, call the domain, pack."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import grpc

from jipan.inference.v1 import model_registry_service_pb2 as rpb
from jipan.inference.v1 import model_registry_service_pb2_grpc as rpb_grpc
from jipan.interceptors.context import current_principal
from jipan.servers.inference.names import DOMAIN
from jipan.servers.inference.registry.convert import (
    VISIBILITY_FROM_PB,
    model_to_pb,
    operation_to_pb,
    version_to_pb,
)
from jipan.servers.inference.registry.domain import NewModel, Registry, UploadHeader
from jipan.servers.inference.registry.operations import Operations
from jipan.servers.inference.registry.types import Visibility
from jipan.servers.runtime.errors import InvalidArgument

Context = grpc.aio.ServicerContext[Any, Any]

MAX_CHUNK = 4 * 1024 * 1024


def _new_model(model: Any, model_id: str) -> NewModel:
    return NewModel(
        model_id=model_id,
        display_name=model.display_name,
        card=model.card,
        visibility=VISIBILITY_FROM_PB.get(model.visibility, Visibility.PRIVATE),
        shared_with=tuple(model.shared_with),
    )


def _upload_invalid(message: str) -> InvalidArgument:
    return InvalidArgument("UPLOAD_INVALID", message, domain=DOMAIN)


class ModelRegistryServicer(rpb_grpc.ModelRegistryServiceServicer):
    def __init__(self, registry: Registry, operations: Operations) -> None:
        self._registry = registry
        self._operations = operations

    async def CreateModel(self, request: rpb.CreateModelRequest, context: Context) -> rpb.CreateModelResponse:
        model = await self._registry.create_model(
            current_principal(), _new_model(request.model, request.model_id)
        )
        return rpb.CreateModelResponse(model=model_to_pb(model))

    async def GetModel(self, request: rpb.GetModelRequest, context: Context) -> rpb.GetModelResponse:
        model = await self._registry.get_model(current_principal(), request.name)
        return rpb.GetModelResponse(model=model_to_pb(model))

    async def ListModels(self, request: rpb.ListModelsRequest, context: Context) -> rpb.ListModelsResponse:
        models, token = await self._registry.list_models(
            current_principal(), request.page_size, request.page_token
        )
        return rpb.ListModelsResponse(models=[model_to_pb(m) for m in models], next_page_token=token)

    async def UpdateModel(self, request: rpb.UpdateModelRequest, context: Context) -> rpb.UpdateModelResponse:
        model = await self._registry.update_model(
            current_principal(),
            request.model.name,
            _new_model(request.model, ""),
            list(request.update_mask.paths),
        )
        return rpb.UpdateModelResponse(model=model_to_pb(model))

    async def UpdateEvaluationSet(
        self, request: rpb.UpdateEvaluationSetRequest, context: Context
    ) -> rpb.UpdateEvaluationSetResponse:
        model = await self._registry.update_evaluation_set(current_principal(), request.name, request.npz)
        return rpb.UpdateEvaluationSetResponse(model=model_to_pb(model))

    async def UploadModelVersion(
        self, request_iterator: AsyncIterator[rpb.UploadModelVersionRequest], context: Context
    ) -> rpb.UploadModelVersionResponse:
        iterator = aiter(request_iterator)
        first = await anext(iterator, None)
        if first is None or first.WhichOneof("part") != "header":
            raise _upload_invalid("the first message of an upload must carry the header")
        header = first.header
        if not header.parent:
            raise InvalidArgument(
                "FIELD_INVALID", "header.parent is required", metadata={"field": "header.parent"}
            )

        async def chunks() -> AsyncIterator[bytes]:
            async for message in iterator:
                if message.WhichOneof("part") != "chunk":
                    raise _upload_invalid("only the first message of an upload carries a header")
                if len(message.chunk) > MAX_CHUNK:
                    raise _upload_invalid(f"a chunk carries at most {MAX_CHUNK} bytes")
                yield message.chunk

        version, _ = await self._registry.upload_version(
            current_principal(),
            UploadHeader(
                parent=header.parent,
                request_id=header.request_id,
                expected_sha256=header.expected_sha256,
                max_batch_size=header.max_batch_size,
            ),
            chunks(),
        )
        return rpb.UploadModelVersionResponse(version=version_to_pb(version))

    async def GetModelVersion(
        self, request: rpb.GetModelVersionRequest, context: Context
    ) -> rpb.GetModelVersionResponse:
        version = await self._registry.get_version(current_principal(), request.name)
        return rpb.GetModelVersionResponse(version=version_to_pb(version))

    async def ListModelVersions(
        self, request: rpb.ListModelVersionsRequest, context: Context
    ) -> rpb.ListModelVersionsResponse:
        versions, token = await self._registry.list_versions(
            current_principal(), request.parent, request.page_size, request.page_token
        )
        return rpb.ListModelVersionsResponse(
            versions=[version_to_pb(v) for v in versions], next_page_token=token
        )

    async def DeleteModelVersion(
        self, request: rpb.DeleteModelVersionRequest, context: Context
    ) -> rpb.DeleteModelVersionResponse:
        await self._registry.delete_version(current_principal(), request.name)
        return rpb.DeleteModelVersionResponse()

    async def CompressModelVersion(
        self, request: rpb.CompressModelVersionRequest, context: Context
    ) -> rpb.CompressModelVersionResponse:
        operation = await self._operations.compress(
            current_principal(), request.name, request.min_cosine, request.request_id
        )
        return rpb.CompressModelVersionResponse(operation=operation_to_pb(operation))

    async def DeployModelVersion(
        self, request: rpb.DeployModelVersionRequest, context: Context
    ) -> rpb.DeployModelVersionResponse:
        operation = await self._operations.deploy(current_principal(), request.name, request.request_id)
        return rpb.DeployModelVersionResponse(operation=operation_to_pb(operation))

    async def UndeployModelVersion(
        self, request: rpb.UndeployModelVersionRequest, context: Context
    ) -> rpb.UndeployModelVersionResponse:
        operation = await self._operations.undeploy(current_principal(), request.name, request.request_id)
        return rpb.UndeployModelVersionResponse(operation=operation_to_pb(operation))

    async def GetOperation(
        self, request: rpb.GetOperationRequest, context: Context
    ) -> rpb.GetOperationResponse:
        operation = await self._operations.get(current_principal(), request.name)
        return rpb.GetOperationResponse(operation=operation_to_pb(operation))

    async def ListOperations(
        self, request: rpb.ListOperationsRequest, context: Context
    ) -> rpb.ListOperationsResponse:
        operations, token = await self._operations.list(
            current_principal(), request.model, request.page_size, request.page_token
        )
        return rpb.ListOperationsResponse(
            operations=[operation_to_pb(o) for o in operations], next_page_token=token
        )
