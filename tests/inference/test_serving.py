"""Serving backends: the embedded tritonserver for real, the cluster adapter against a fake Triton.

The embedded Triton starts once for the module (a few seconds). A real
onnxruntime-backend Triton is not exercised here: the wheel's tritonserver has
only the python backend, so `TritonCluster` is checked by what it sends.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import grpc
import numpy as np
import numpy.typing as npt
import psutil
import pytest
import pytest_asyncio
import tritonclient.grpc as grpcclient
import tritonclient.grpc.aio as grpcaio
import yaml
from onnx import TensorProto, helper, numpy_helper
from tritonclient.grpc import model_config_pb2, service_pb2, service_pb2_grpc
from tritonclient.utils import InferenceServerException

from jipan.servers.inference.gateway.servicer import Backend
from jipan.servers.inference.serving import embedded as embedded_module
from jipan.servers.inference.serving.backend import Array, Deployable, ModelFormat, TensorSpec
from jipan.servers.inference.serving.embedded import EmbeddedTriton
from jipan.servers.inference.serving.frames import FrameError, encode, read_frame_async
from jipan.servers.inference.serving.triton import MODEL_FILE, TritonCluster
from jipan.servers.runtime.errors import FailedPrecondition, InvalidArgument, NotFound, Unavailable
from jipan.servers.runtime.settings import ConfigError, Settings
from tests.subprocess_mesh import process_gone

ROOT = Path(__file__).resolve().parents[2]
ACCESS_HEADER = "triton-grpc-protocol-triton-access-token"
Floats = npt.NDArray[np.float32]


def dense_relu(seed: int = 0) -> tuple[bytes, Floats, Floats]:
    """y = relu(x @ W + b), x FP32 (-1, 4), y FP32 (-1, 3); b > 0 so the output is not all zeros."""
    rng = np.random.default_rng(seed)
    weight = rng.standard_normal((4, 3)).astype(np.float32)
    bias = (rng.random(3) + 0.5).astype(np.float32)
    graph = helper.make_graph(
        [
            helper.make_node("MatMul", ["x", "W"], ["h"]),
            helper.make_node("Add", ["h", "b"], ["a"]),
            helper.make_node("Relu", ["a"], ["y"]),
        ],
        "dense_relu",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [-1, 4])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [-1, 3])],
        [numpy_helper.from_array(weight, "W"), numpy_helper.from_array(bias, "b")],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    return model.SerializeToString(), weight, bias


def dense_deployable(name: str, payload: bytes, max_batch_size: int = 8) -> Deployable:
    batch = (-1,) if max_batch_size > 0 else (2,)
    return Deployable(
        serving_name=name,
        format=ModelFormat.ONNX,
        inputs=(TensorSpec("x", "FP32", (*batch, 4)),),
        outputs=(TensorSpec("y", "FP32", (*batch, 3)),),
        max_batch_size=max_batch_size,
        payload=payload,
    )


def fake_builtin_runtime(builtin: str) -> Any:
    """Stands in for jipan.servers.inference.builtin.load_runtime (imported in the host child)."""
    if builtin != "doubler":
        raise NotFound("MODEL_NOT_FOUND", f"no built-in runtime {builtin}", domain="inference.jipan.tw")

    def run(inputs: Mapping[str, Array]) -> dict[str, Array]:
        return {"doubled": np.asarray(inputs["value"], np.int64) * 2}

    return run


@pytest_asyncio.fixture(scope="module")
async def embedded() -> AsyncIterator[EmbeddedTriton]:
    backend = EmbeddedTriton(
        Settings(triton_startup_timeout_s=60),
        builtin_loader="tests.inference.test_serving:fake_builtin_runtime",
    )
    await backend.start()
    try:
        yield backend
    finally:
        await backend.close()


@pytest_asyncio.fixture
async def client(embedded: EmbeddedTriton) -> AsyncIterator[grpcaio.InferenceServerClient]:
    triton = grpcaio.InferenceServerClient(embedded.target)
    try:
        yield triton
    finally:
        await triton.close()


async def infer(
    client: grpcaio.InferenceServerClient, backend: EmbeddedTriton, name: str, x: Floats, **kwargs: Any
) -> Any:
    tensor = grpcclient.InferInput("x", list(x.shape), "FP32")
    tensor.set_data_from_numpy(x)
    result = await client.infer(name, [tensor], headers=dict(backend.metadata), **kwargs)
    return result.as_numpy("y")


async def test_onnx_model_serves_batched_numbers(
    embedded: EmbeddedTriton, client: grpcaio.InferenceServerClient
) -> None:
    payload, weight, bias = dense_relu()
    await embedded.load(dense_deployable("dense-a1", payload))
    x = np.random.default_rng(1).standard_normal((5, 4)).astype(np.float32)
    y = await infer(client, embedded, "dense-a1", x)
    np.testing.assert_allclose(y, np.maximum(x @ weight + bias, 0), rtol=1e-5, atol=1e-6)

    config = (await client.get_model_config("dense-a1", headers=dict(embedded.metadata))).config
    assert config.max_batch_size == 8
    assert config.HasField("dynamic_batching")
    assert config.dynamic_batching.max_queue_delay_microseconds == 1000
    assert [list(i.dims) for i in config.input] == [[4]]

    # Concurrent single rows are served (and may be batched together) correctly.
    rows = [np.random.default_rng(i).standard_normal((1, 4)).astype(np.float32) for i in range(16)]
    outputs = await asyncio.gather(*(infer(client, embedded, "dense-a1", row) for row in rows))
    for row, out in zip(rows, outputs, strict=True):
        np.testing.assert_allclose(out, np.maximum(row @ weight + bias, 0), rtol=1e-5, atol=1e-6)


async def test_unbatched_model(embedded: EmbeddedTriton, client: grpcaio.InferenceServerClient) -> None:
    payload, weight, bias = dense_relu(seed=3)
    await embedded.load(dense_deployable("dense-u1", payload, max_batch_size=0))
    x = np.random.default_rng(2).standard_normal((2, 4)).astype(np.float32)
    np.testing.assert_allclose(
        await infer(client, embedded, "dense-u1", x), np.maximum(x @ weight + bias, 0), rtol=1e-5, atol=1e-6
    )
    config = (await client.get_model_config("dense-u1", headers=dict(embedded.metadata))).config
    assert config.max_batch_size == 0
    assert not config.HasField("dynamic_batching")


async def test_every_protocol_wants_the_access_header(
    embedded: EmbeddedTriton, client: grpcaio.InferenceServerClient
) -> None:
    payload, _, _ = dense_relu()
    await embedded.load(dense_deployable("dense-h1", payload))
    x = np.ones((1, 4), np.float32)
    tensor = grpcclient.InferInput("x", [1, 4], "FP32")
    tensor.set_data_from_numpy(x)
    with pytest.raises(InferenceServerException, match="restricted"):
        await client.infer("dense-h1", [tensor])
    with pytest.raises(InferenceServerException, match="restricted"):
        await client.is_model_ready("dense-h1")
    with pytest.raises(InferenceServerException, match="restricted"):
        await client.get_model_metadata("dense-h1")
    with pytest.raises(InferenceServerException, match="restricted"):
        await client.unload_model("dense-h1")
    wrong = {ACCESS_HEADER: "not-the-token"}
    with pytest.raises(InferenceServerException):
        await client.infer("dense-h1", [tensor], headers=wrong)
    assert await client.is_model_ready("dense-h1", headers=dict(embedded.metadata))


async def test_unload_removes_the_model(
    embedded: EmbeddedTriton, client: grpcaio.InferenceServerClient
) -> None:
    payload, _, _ = dense_relu()
    headers = dict(embedded.metadata)
    await embedded.load(dense_deployable("dense-gone1", payload))
    assert await client.is_model_ready("dense-gone1", headers=headers)
    child = psutil.Process(embedded.pid)
    stubs_before = [p for p in child.children(recursive=True) if "dense-gone1" in " ".join(p.cmdline())]
    threads_loaded = child.num_threads()

    await embedded.unload("dense-gone1")
    assert "dense-gone1" not in embedded.loaded
    assert not await client.is_model_ready("dense-gone1", headers=headers)
    with pytest.raises(InferenceServerException):
        await infer(client, embedded, "dense-gone1", np.ones((1, 4), np.float32))
    index = await client.get_model_repository_index(headers=headers)
    assert [m.state for m in index.models if m.name == "dense-gone1"] in ([], ["UNAVAILABLE"])
    # The python-backend stub that ran it exits, and the proxy threads stop.
    for stub in stubs_before:
        stub.wait(timeout=10)
    assert child.num_threads() < threads_loaded
    workspace = next(Path(tempfile.gettempdir()).glob(f"jt-{os.getpid()}-*/w"))
    assert [p.name for p in workspace.iterdir() if "dense-gone1" in p.name] == []

    await embedded.unload("dense-gone1")  # unknown names are ignored
    await embedded.unload("never-loaded")


async def test_malformed_onnx_is_refused(
    embedded: EmbeddedTriton, client: grpcaio.InferenceServerClient
) -> None:
    with pytest.raises(InvalidArgument) as refused:
        await embedded.load(dense_deployable("bad-m1", b"not an onnx model"))
    assert refused.value.reason == "MODEL_MALFORMED"
    payload, _, _ = dense_relu()
    wrong_name = Deployable(
        serving_name="bad-m2",
        format=ModelFormat.ONNX,
        inputs=(TensorSpec("features", "FP32", (-1, 4)),),
        outputs=(TensorSpec("y", "FP32", (-1, 3)),),
        max_batch_size=8,
        payload=payload,
    )
    with pytest.raises(InvalidArgument) as refused:
        await embedded.load(wrong_name)
    assert refused.value.reason == "MODEL_MALFORMED"
    assert not await client.is_model_ready("bad-m2", headers=dict(embedded.metadata))
    # A failed bind does not poison the name for the next try.
    await embedded.load(dense_deployable("bad-m2", payload))
    assert await client.is_model_ready("bad-m2", headers=dict(embedded.metadata))


async def test_builtin_runs_in_the_host(
    embedded: EmbeddedTriton, client: grpcaio.InferenceServerClient
) -> None:
    builtin = Deployable(
        serving_name="builtin-d1",
        format=ModelFormat.BUILTIN,
        inputs=(TensorSpec("value", "INT64", (-1, 2)),),
        outputs=(TensorSpec("doubled", "INT64", (-1, 2)),),
        max_batch_size=4,
        builtin="doubler",
    )
    await embedded.load(builtin)
    tensor = grpcclient.InferInput("value", [1, 2], "INT64")
    tensor.set_data_from_numpy(np.array([[3, -4]], np.int64))
    result = await client.infer("builtin-d1", [tensor], headers=dict(embedded.metadata))
    assert result.as_numpy("doubled").tolist() == [[6, -8]]

    with pytest.raises(NotFound) as missing:
        await embedded.load(
            Deployable(
                serving_name="builtin-d2",
                format=ModelFormat.BUILTIN,
                inputs=builtin.inputs,
                outputs=builtin.outputs,
                max_batch_size=4,
                builtin="no-such",
            )
        )
    assert missing.value.reason == "MODEL_NOT_FOUND"


async def test_a_dead_host_is_backend_unavailable() -> None:
    backend = EmbeddedTriton(Settings(triton_startup_timeout_s=60))
    await backend.start()
    try:
        assert backend.pid is not None
        tree = psutil.Process(backend.pid).children(recursive=True)
        os.kill(backend.pid, signal.SIGKILL)  # the host child only, as an OOM kill would
        payload, _, _ = dense_relu()
        with pytest.raises(Unavailable) as gone:
            await backend.load(dense_deployable("dense-dead1", payload))
        assert gone.value.reason == "BACKEND_UNAVAILABLE"
    finally:
        await backend.close()
    # close() SIGKILLs the group; a killed tritonserver can take a moment to finish exiting on a
    # loaded host (CI saw it still listed right after close returned), so give it what the
    # process-tree tests below give.
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and not all(process_gone(p) for p in tree):
        await asyncio.sleep(0.1)
    assert [p.name() for p in tree if not process_gone(p)] == []


async def _answer_in_turn(
    reader: asyncio.StreamReader,
    writer: asyncio.StreamWriter,
    received: asyncio.Event,
    release: asyncio.Event,
) -> None:
    """A host child that answers in turn, as host.py does; the first answer waits for `release`."""
    first = True
    while True:
        try:
            header, _ = await read_frame_async(reader)
        except FrameError:
            return
        if first:
            first = False
            received.set()
            await release.wait()
        writer.write(encode({"ok": True, "unloaded": True, "name": header.get("name")}))
        await writer.drain()


@asynccontextmanager
async def _host_that_holds_its_first_answer() -> AsyncIterator[
    tuple[EmbeddedTriton, asyncio.Event, asyncio.Event]
]:
    """A backend wired to _answer_in_turn (no tritonserver); (backend, first command received, release)."""
    backend = EmbeddedTriton(Settings())
    ours, theirs = socket.socketpair()
    backend._reader, backend._writer = await asyncio.open_connection(sock=ours)
    host_reader, host_writer = await asyncio.open_connection(sock=theirs)
    received, release = asyncio.Event(), asyncio.Event()
    host = asyncio.create_task(_answer_in_turn(host_reader, host_writer, received, release))
    try:
        yield backend, received, release
    finally:
        release.set()
        backend._writer.close()
        host_writer.close()
        await host


async def test_a_command_its_caller_gave_up_on_does_not_put_the_replies_out_of_step() -> None:
    async with _host_that_holds_its_first_answer() as (backend, received, release):
        # The host got the command; its caller stops waiting (a deadline, a shutdown) before the reply.
        slow = asyncio.create_task(backend._command({"op": "unload", "name": "slow"}))
        await received.wait()
        slow.cancel()
        with pytest.raises(asyncio.CancelledError):
            await slow
        release.set()
        assert (await backend._command({"op": "unload", "name": "next"}))["name"] == "next"
        assert (await backend._command({"op": "unload", "name": "after"}))["name"] == "after"


async def test_a_command_without_an_answer_in_time_is_backend_unavailable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async with _host_that_holds_its_first_answer() as (backend, _, release):
        monkeypatch.setattr(embedded_module, "_COMMAND_TIMEOUT_S", 0.01)
        with pytest.raises(Unavailable) as late:
            await backend._command({"op": "unload", "name": "late"})
        assert late.value.reason == "BACKEND_UNAVAILABLE"
        monkeypatch.setattr(embedded_module, "_COMMAND_TIMEOUT_S", 30.0)
        release.set()
        assert (await backend._command({"op": "unload", "name": "next"}))["name"] == "next"


async def test_the_address_is_named_once_tritonserver_is_ready(monkeypatch: pytest.MonkeyPatch) -> None:
    """Before, a gateway call would open a channel to a port where nothing listens yet."""
    backend = EmbeddedTriton(Settings(triton_startup_timeout_s=60))
    exchange = backend._exchange
    named_while_starting: list[str] = []

    async def watched(header: Any, payload: bytes = b"") -> Any:
        if header.get("op") == "start":
            named_while_starting.append(backend.target)
        return await exchange(header, payload)

    monkeypatch.setattr(backend, "_exchange", watched)
    await backend.start()
    try:
        assert named_while_starting == ["127.0.0.1:0"]
        assert backend.target != "127.0.0.1:0"
        async with grpcaio.InferenceServerClient(backend.target) as client:
            assert await client.is_server_ready(headers=dict(backend.metadata))
    finally:
        await backend.close()


# -- the process tree: no tritonserver outlives the server ------------------------------------

_SERVER = """
import asyncio, signal, sys
from jipan.servers.runtime.settings import Settings
from jipan.servers.inference.serving import embedded as embedded_module
from jipan.servers.inference.serving.embedded import EmbeddedTriton
from jipan.servers.inference.serving.frames import FrameError, encode, read_frame_async

async def main() -> None:
    backend = EmbeddedTriton(Settings(triton_startup_timeout_s=60))
    await backend.start()
    stopping = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stopping.set)
    asyncio.get_running_loop().add_signal_handler(signal.SIGINT, lambda: None)
    print("ready", backend.pid, backend.target, flush=True)
    await stopping.wait()
    await backend.close()

asyncio.run(main())
"""


def _start_server() -> tuple[subprocess.Popen[str], list[psutil.Process], Path]:
    server = subprocess.Popen(
        [sys.executable, "-c", _SERVER], cwd=ROOT, stdout=subprocess.PIPE, text=True, start_new_session=True
    )
    assert server.stdout is not None
    line = server.stdout.readline()
    while line and not line.startswith("ready"):  # structlog's lines come first
        line = server.stdout.readline()
    assert line.startswith("ready"), "the server did not start Triton"
    tree = psutil.Process(server.pid).children(recursive=True)
    assert any(p.name() == "tritonserver" for p in tree), [p.name() for p in tree]
    workspaces = sorted(Path(tempfile.gettempdir()).glob(f"jt-{server.pid}-*"))
    assert len(workspaces) == 1, "the workspace is under the temp dir, named after its owner"
    return server, tree, workspaces[0]


def _assert_all_gone(tree: list[psutil.Process], workspace: Path, within_s: float = 15.0) -> None:
    deadline = time.monotonic() + within_s
    while time.monotonic() < deadline and not (all(process_gone(p) for p in tree) and not workspace.exists()):
        time.sleep(0.1)
    assert [p.pid for p in tree if not process_gone(p)] == []
    assert not workspace.exists(), sorted(str(p) for p in workspace.rglob("*"))[:20]


def _reap(server: subprocess.Popen[str], tree: list[psutil.Process]) -> None:
    """Whatever a failed assertion left running: this test's processes, by pid."""
    for process in [psutil.Process(server.pid), *tree] if server.poll() is None else tree:
        if not process_gone(process):
            process.kill()
    server.wait(timeout=10)


def test_sigterm_of_the_server_leaves_no_tritonserver() -> None:
    server, tree, workspace = _start_server()
    try:
        server.send_signal(signal.SIGTERM)  # the server's handler closes the backend, as `serve` does
        assert server.wait(timeout=30) == 0
        _assert_all_gone(tree, workspace, within_s=5)
    finally:
        _reap(server, tree)


def test_sigkill_of_the_server_leaves_no_tritonserver() -> None:
    server, tree, workspace = _start_server()
    try:
        server.kill()
        server.wait(timeout=10)
        _assert_all_gone(tree, workspace, within_s=30)
    finally:
        _reap(server, tree)


def test_process_group_ctrl_c_does_not_kill_triton_under_the_server() -> None:
    server, tree, workspace = _start_server()
    try:
        os.killpg(server.pid, signal.SIGINT)  # what a terminal's Ctrl-C sends to the server's group
        time.sleep(1.0)
        # The server ignores it here; Triton, in a session of its own, never saw it.
        assert [p.name() for p in tree if process_gone(p)] == []
        assert server.poll() is None
        server.send_signal(signal.SIGTERM)
        assert server.wait(timeout=30) == 0
        _assert_all_gone(tree, workspace, within_s=30)
    finally:
        _reap(server, tree)


# -- the production cluster, against a fake Triton --------------------------------------------


class FakeTriton(service_pb2_grpc.GRPCInferenceServiceServicer):  # type: ignore[misc]
    def __init__(self) -> None:
        self.loads: list[tuple[service_pb2.RepositoryModelLoadRequest, dict[str, str]]] = []
        self.unloads: list[str] = []
        self.fail_with: grpc.StatusCode | None = None

    async def ServerReady(self, request: Any, context: grpc.aio.ServicerContext[Any, Any]) -> Any:
        return service_pb2.ServerReadyResponse(ready=True)

    async def RepositoryModelLoad(self, request: Any, context: grpc.aio.ServicerContext[Any, Any]) -> Any:
        if self.fail_with is not None:
            await context.abort(self.fail_with, "no capacity")
        self.loads.append((request, {k: str(v) for k, v in context.invocation_metadata() or ()}))
        return service_pb2.RepositoryModelLoadResponse()

    async def RepositoryModelUnload(self, request: Any, context: grpc.aio.ServicerContext[Any, Any]) -> Any:
        self.unloads.append(request.model_name)
        return service_pb2.RepositoryModelUnloadResponse()


@pytest_asyncio.fixture
async def fake_triton() -> AsyncIterator[tuple[FakeTriton, str]]:
    fake = FakeTriton()
    server = grpc.aio.server()
    service_pb2_grpc.add_GRPCInferenceServiceServicer_to_server(fake, server)
    port = server.add_insecure_port("127.0.0.1:0")
    await server.start()
    try:
        yield fake, f"127.0.0.1:{port}"
    finally:
        await server.stop(None)


async def test_cluster_load_sends_config_and_bytes(fake_triton: tuple[FakeTriton, str]) -> None:
    fake, target = fake_triton
    cluster = TritonCluster(Settings(triton_target=target, triton_access_token="s3cret"))
    await cluster.start()
    payload, _, _ = dense_relu()
    await cluster.load(dense_deployable("dense-c1", payload, max_batch_size=16))
    request, headers = fake.loads[0]
    assert request.model_name == "dense-c1"
    assert headers[ACCESS_HEADER] == "s3cret"
    assert request.parameters[MODEL_FILE].bytes_param == payload
    config = json.loads(request.parameters["config"].string_param)
    assert config["platform"] == "onnxruntime_onnx"
    assert config["max_batch_size"] == 16
    assert "dynamic_batching" in config
    assert config["input"] == [{"name": "x", "data_type": "TYPE_FP32", "dims": ["4"]}]
    assert config["output"] == [{"name": "y", "data_type": "TYPE_FP32", "dims": ["3"]}]
    # What Triton parses: the JSON is a valid ModelConfig.
    from google.protobuf import json_format

    parsed = json_format.Parse(request.parameters["config"].string_param, model_config_pb2.ModelConfig())
    assert parsed.input[0].data_type == model_config_pb2.TYPE_FP32

    with pytest.raises(FailedPrecondition) as refused:
        await cluster.load(Deployable("builtin-c1", ModelFormat.BUILTIN, (), (), 0, builtin="text-embedder"))
    assert refused.value.reason == "NOT_DEPLOYED"
    assert refused.value.metadata["required_backend"] == "embedded"

    await cluster.close()  # unloads what it loaded
    assert fake.unloads == ["dense-c1"]


async def test_cluster_maps_triton_errors(fake_triton: tuple[FakeTriton, str]) -> None:
    fake, target = fake_triton
    cluster = TritonCluster(Settings(triton_target=target))
    assert cluster.metadata == ()
    await cluster.start()
    payload, _, _ = dense_relu()
    fake.fail_with = grpc.StatusCode.UNAVAILABLE
    with pytest.raises(Unavailable) as unavailable:
        await cluster.load(dense_deployable("dense-c2", payload))
    assert unavailable.value.reason == "BACKEND_UNAVAILABLE"
    fake.fail_with = grpc.StatusCode.INVALID_ARGUMENT
    with pytest.raises(InvalidArgument) as malformed:
        await cluster.load(dense_deployable("dense-c2", payload))
    assert malformed.value.reason == "MODEL_MALFORMED"
    await cluster.close()


async def test_cluster_start_fails_when_triton_is_unreachable() -> None:
    with pytest.raises(ConfigError):
        TritonCluster(Settings())
    cluster = TritonCluster(Settings(triton_target="127.0.0.1:1", triton_startup_timeout_s=0.5))
    with pytest.raises(ConfigError):
        await cluster.start()


# -- deploy/triton -----------------------------------------------------------------------------


class _MovingBackend:
    """A serving backend whose address is set when it starts (as the embedded one's is)."""

    kind = "embedded"
    secure = False
    metadata: tuple[tuple[str, str], ...] = ()

    def __init__(self) -> None:
        self.target = "127.0.0.1:0"


async def test_the_gateways_channel_follows_the_backends_address(fake_triton: tuple[FakeTriton, str]) -> None:
    """A call before the backend has its port must not pin the gateway to port 0."""
    _, target = fake_triton
    serving = _MovingBackend()
    backend = Backend(serving)  # type: ignore[arg-type]
    try:
        with pytest.raises(grpc.aio.AioRpcError) as refused:
            await backend.stub.ServerReady(service_pb2.ServerReadyRequest(), timeout=5)
        assert refused.value.code() in (grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DEADLINE_EXCEEDED)
        serving.target = target  # the backend started
        answer = await backend.stub.ServerReady(service_pb2.ServerReadyRequest(), timeout=5)
        assert answer.ready
    finally:
        await backend.aclose()


def test_triton_manifests_parse_and_restrict_every_protocol() -> None:
    documents = [d for d in yaml.safe_load_all((ROOT / "deploy" / "triton" / "triton.yaml").read_text()) if d]
    kinds = {d["kind"] for d in documents}
    assert {"Deployment", "Service"} <= kinds
    deployment = next(d for d in documents if d["kind"] == "Deployment")
    container = deployment["spec"]["template"]["spec"]["containers"][0]
    assert container["image"].startswith("nvcr.io/nvidia/tritonserver:")
    assert not container["image"].endswith(":latest")
    args = " ".join(container["args"])
    assert "--model-control-mode=explicit" in args
    assert "--model-repository=/models" in args
    assert "--grpc-restricted-protocol=" in args
    assert "inference" in args
    assert container["readinessProbe"]
    assert container["livenessProbe"]
