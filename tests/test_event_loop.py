"""JIPAN_EVENT_LOOP: `jipan serve` runs on the loop the setting names, and grpc.aio works on both.

(Every suite that starts `jipan serve` as a subprocess, tests/subprocess_mesh.py, runs the mesh
on the default, uvloop; the in-process servers of the other suites run on pytest's standard loop.)
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import grpc
import pytest
import uvloop
from grpc_health.v1 import health, health_pb2, health_pb2_grpc

from jipan.servers.runtime import loop
from jipan.servers.runtime.settings import EventLoop, Settings
from tests.conftest import fresh_database
from tests.subprocess_mesh import ServedMesh


async def _loop_and_a_round_trip() -> tuple[type[asyncio.AbstractEventLoop], int]:
    server = grpc.aio.server()
    health_pb2_grpc.add_HealthServicer_to_server(health.aio.HealthServicer(), server)
    port = server.add_insecure_port("127.0.0.1:0")
    await server.start()
    try:
        async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as channel:
            stub = health_pb2_grpc.HealthStub(channel)
            answers = await asyncio.gather(*(stub.Check(health_pb2.HealthCheckRequest()) for _ in range(50)))
    finally:
        await server.stop(None)
    serving = sum(a.status == health_pb2.HealthCheckResponse.SERVING for a in answers)
    return type(asyncio.get_running_loop()), serving


def test_the_default_is_uvloop() -> None:
    assert Settings().event_loop is EventLoop.UVLOOP


@pytest.mark.parametrize(
    ("choice", "expected"),
    [(EventLoop.UVLOOP, uvloop.Loop), (EventLoop.ASYNCIO, asyncio.SelectorEventLoop)],
)
def test_serve_runs_on_the_chosen_loop_and_grpc_aio_works_there(
    choice: EventLoop, expected: type[asyncio.AbstractEventLoop]
) -> None:
    kind, serving = loop.run(_loop_and_a_round_trip(), choice)
    assert issubclass(kind, expected)
    assert serving == 50


@pytest.mark.parametrize(("setting", "module"), [(None, "uvloop"), ("asyncio", "asyncio.unix_events")])
async def test_jipan_serve_says_which_loop_it_serves_on(
    database_url: str, tmp_path: Path, setting: str | None, module: str
) -> None:
    overrides = {"JIPAN_LOG_LEVEL": "info"} | ({"JIPAN_EVENT_LOOP": setting} if setting else {})
    async with fresh_database(database_url, "jipan_event_loop") as own:
        mesh = ServedMesh(tmp_path / "data", own, env_overrides=overrides)
        await mesh.start(["system"])
        try:
            serving = [
                json.loads(line) for line in list(mesh.output) if line.startswith("{") and '"serving"' in line
            ]
        finally:
            await mesh.stop()
    assert [line["event_loop"] for line in serving] == [module]
