"""A server with system, ledger and inference on a database of its own, and calls against it."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import grpc
import pytest

from jipan.clients import error_details
from jipan.inference.v1 import model_registry_service_pb2 as rpb
from jipan.inference.v1 import model_registry_service_pb2_grpc as rpb_grpc
from jipan.inference.v1 import resources_pb2 as res
from jipan.servers import inference, ledger, system
from tests.conftest import fresh_database
from tests.mesh import RunningServer, make_settings, running_server

WRITE = ("inference.models.read", "inference.models.write", "inference.infer")


@asynccontextmanager
async def inference_server(database_url: str, data_dir: Path, **env: str) -> AsyncIterator[RunningServer]:
    """system + ledger + inference (embedded Triton) on a fresh database; built-ins off unless asked."""
    async with fresh_database(database_url, "jipan_inference") as own:
        settings = make_settings(
            own,
            data_dir,
            JIPAN_LEDGER_BATCH_WINDOW_S="0.05",
            JIPAN_INFERENCE_BUILTIN_MODELS=env.pop("JIPAN_INFERENCE_BUILTIN_MODELS", "false"),
            **env,
        )
        async with running_server(settings, [system.SERVICE, ledger.SERVICE, inference.SERVICE]) as running:
            yield running


def auth(
    server: RunningServer, org: str | None = "orgs/moda", scopes: Sequence[str] = WRITE, **claims: Any
) -> tuple[tuple[str, str], ...]:
    return server.metadata(org=org, scopes=list(scopes), **claims)


def registry(channel: grpc.aio.Channel) -> rpb_grpc.ModelRegistryServiceAsyncStub:
    return rpb_grpc.ModelRegistryServiceStub(channel)


async def create_model(
    stub: rpb_grpc.ModelRegistryServiceAsyncStub,
    metadata: tuple[tuple[str, str], ...],
    model_id: str | None = None,
    **fields: Any,
) -> res.Model:
    model_id = model_id or f"m-{uuid.uuid4().hex[:10]}"
    card = res.ModelCard(license="Apache-2.0", intended_use="tests")
    response = await stub.CreateModel(
        rpb.CreateModelRequest(model=res.Model(card=card, **fields), model_id=model_id), metadata=metadata
    )
    return response.model


def upload_messages(
    parent: str, data: bytes, chunk: int = 64 * 1024, **header: Any
) -> list[rpb.UploadModelVersionRequest]:
    messages = [rpb.UploadModelVersionRequest(header=rpb.UploadHeader(parent=parent, **header))]
    messages += [rpb.UploadModelVersionRequest(chunk=data[i : i + chunk]) for i in range(0, len(data), chunk)]
    return messages


async def upload(
    stub: rpb_grpc.ModelRegistryServiceAsyncStub,
    metadata: tuple[tuple[str, str], ...],
    parent: str,
    data: bytes,
    **header: Any,
) -> res.ModelVersion:
    response = await stub.UploadModelVersion(iter(upload_messages(parent, data, **header)), metadata=metadata)
    return response.version


async def wait_operation(
    stub: rpb_grpc.ModelRegistryServiceAsyncStub,
    metadata: tuple[tuple[str, str], ...],
    operation: res.Operation,
    timeout_s: float = 120.0,
) -> res.Operation:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout_s
    while not operation.done:
        assert loop.time() < deadline, f"operation did not finish: {operation}"
        await asyncio.sleep(0.1)
        operation = (
            await stub.GetOperation(rpb.GetOperationRequest(name=operation.name), metadata=metadata)
        ).operation
    return operation


async def deploy(
    stub: rpb_grpc.ModelRegistryServiceAsyncStub, metadata: tuple[tuple[str, str], ...], name: str
) -> res.Operation:
    started = await stub.DeployModelVersion(rpb.DeployModelVersionRequest(name=name), metadata=metadata)
    return await wait_operation(stub, metadata, started.operation)


async def expect_error(call: Any, code: grpc.StatusCode, reason: str) -> Any:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await call
    details = error_details(caught.value)
    assert caught.value.code() == code, details
    assert details.reason == reason, details
    return details
