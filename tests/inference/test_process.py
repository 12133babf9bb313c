"""`jipan serve … inference` as a process: shutdown leaves no tritonserver, a restart serves again.

The server runs as a real subprocess (tests/subprocess_mesh.py): a deployed
version is served, the server gets SIGTERM (its graceful shutdown) and must
leave no tritonserver or host process behind; started again on the same
database and data dir, it redeploys what was deployed and serves it.
"""

from __future__ import annotations

import asyncio
import signal
import time
from pathlib import Path

import psutil
import pytest
from tritonclient.grpc import service_pb2 as oip
from tritonclient.grpc import service_pb2_grpc as oip_grpc

from jipan.inference.v1 import model_registry_service_pb2 as rpb
from jipan.inference.v1 import resources_pb2 as res
from tests.conftest import fresh_database
from tests.descriptor_walk import bearer
from tests.inference.helpers import WRITE, create_model, deploy, registry, upload
from tests.inference.models import tiny_classifier
from tests.subprocess_mesh import ServedMesh, process_gone

pytestmark = pytest.mark.timeout(300)

MODULES = ["system", "ledger", "inference"]


def _tritons(root: int) -> list[psutil.Process]:
    try:
        children = psutil.Process(root).children(recursive=True)
    except psutil.NoSuchProcess:
        return []
    return [p for p in children if "tritonserver" in " ".join(_cmdline(p))]


def _cmdline(process: psutil.Process) -> list[str]:
    try:
        return process.cmdline()
    except (psutil.NoSuchProcess, psutil.ZombieProcess, psutil.AccessDenied):
        return []


def _descendants(root: int) -> list[psutil.Process]:
    try:
        return psutil.Process(root).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


def _all_gone(processes: list[psutil.Process], within_s: float) -> list[psutil.Process]:
    deadline = time.monotonic() + within_s
    alive = processes
    while time.monotonic() < deadline:
        alive = [p for p in alive if not process_gone(p)]
        if not alive:
            return []
        time.sleep(0.2)
    return alive


async def _wait_for_triton(mesh: ServedMesh, timeout_s: float = 60.0) -> list[psutil.Process]:
    assert mesh.process is not None
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        tritons = _tritons(mesh.process.pid)
        if tritons:
            return tritons
        await asyncio.sleep(0.2)
    raise AssertionError("no tritonserver under the server:\n" + "".join(mesh.output[-40:]))


async def _ready(
    mesh: ServedMesh, model: str, metadata: tuple[tuple[str, str], ...], timeout_s: float = 60.0
) -> bool:
    assert mesh.channel is not None
    stub = oip_grpc.GRPCInferenceServiceStub(mesh.channel)
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        answer = await stub.ModelReady(oip.ModelReadyRequest(name=model), metadata=metadata)
        if answer.ready:
            return True
        await asyncio.sleep(0.3)
    return False


def _story(mesh: ServedMesh) -> str:
    """The server's output without its access lines (one per ModelReady poll)."""
    return "".join(line for line in mesh.output if '"event":"rpc"' not in line)[-8000:]


async def test_sigterm_leaves_no_tritonserver_and_a_restart_serves_again(
    database_url: str, tmp_path: Path
) -> None:
    async with fresh_database(database_url, "jipan_inference_proc") as own:
        # Info level: a failure shows what the restarted server did (see _story).
        mesh = ServedMesh(
            tmp_path / "data",
            own,
            env_overrides={"JIPAN_INFERENCE_BUILTIN_MODELS": "false", "JIPAN_LOG_LEVEL": "info"},
        )
        await mesh.start(MODULES)
        try:
            metadata = bearer(mesh.token(scopes=list(WRITE), org="orgs/moda"))
            assert mesh.channel is not None
            stub = registry(mesh.channel)
            model = await create_model(stub, metadata, "restartable")
            version = await upload(stub, metadata, model.name, tiny_classifier())
            assert (await deploy(stub, metadata, version.name)).WhichOneof("result") == "response"
            assert await _ready(mesh, "restartable", metadata)
            assert mesh.process is not None
            server_pid = mesh.process.pid
            tree = _descendants(server_pid)
            assert _tritons(server_pid), "the embedded tritonserver runs under the server"

            mesh.process.send_signal(signal.SIGTERM)
            code = await asyncio.to_thread(mesh.process.wait, 60)
            assert code == 0, "".join(mesh.output[-40:])
            left = await asyncio.to_thread(_all_gone, tree, 15.0)
            assert not left, f"left behind after SIGTERM: {[(p.pid, _cmdline(p)[:3]) for p in left]}"

            # Same database and data dir: the deployed version is deployed again. Polls can
            # arrive before the restarted server's tritonserver has its port (they once pinned
            # the gateway's channel to port 0, so the redeployed version never looked ready).
            await mesh.stop()
            await mesh.start(MODULES)
            metadata = bearer(mesh.token(scopes=list(WRITE), org="orgs/moda"))
            assert await _ready(mesh, "restartable", metadata), _story(mesh)
            assert mesh.channel is not None
            again = await registry(mesh.channel).GetModelVersion(
                rpb.GetModelVersionRequest(name=version.name), metadata=metadata
            )
            assert again.version.deployment_state == res.DEPLOYMENT_STATE_DEPLOYED
        finally:
            await mesh.stop()


async def test_sigkill_of_the_server_leaves_no_tritonserver(database_url: str, tmp_path: Path) -> None:
    async with fresh_database(database_url, "jipan_inference_kill") as own:
        mesh = ServedMesh(tmp_path / "data", own, env_overrides={"JIPAN_INFERENCE_BUILTIN_MODELS": "false"})
        await mesh.start(MODULES)
        try:
            tritons = await _wait_for_triton(mesh)
            assert mesh.process is not None
            tree = _descendants(mesh.process.pid)
            assert tritons
            mesh.process.send_signal(signal.SIGKILL)
            await asyncio.to_thread(mesh.process.wait, 30)
            left = await asyncio.to_thread(_all_gone, tree, 20.0)
            assert not left, f"left behind after SIGKILL: {[(p.pid, _cmdline(p)[:3]) for p in left]}"
        finally:
            await mesh.stop()
