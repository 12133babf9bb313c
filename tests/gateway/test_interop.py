"""connect-es (the Connect client the portal's connect-web shares its protocol code with) through the gateway.

tests/gateway/interop/interop.ts uses `@connectrpc/connect-node`'s Connect
transport over HTTP/1.1 and the generated gen/ts descriptors: a unary call
with the caller's token, a refusal whose ErrorInfo and BadRequest details it
decodes with `findDetails`, an anonymous call, and a server stream cut by its
deadline — once in JSON and once in the binary format.
"""

from __future__ import annotations

import asyncio
import os
import shutil
from pathlib import Path

import pytest

from tests.gateway.conftest import Gateway

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent / "interop"
TSC = ROOT / "node_modules" / ".bin" / "tsc"
SCRIPT = HERE / "dist" / "tests" / "gateway" / "interop" / "interop.js"


@pytest.fixture(scope="module")
async def compiled() -> Path:
    if shutil.which("node") is None or not TSC.exists():
        pytest.fail("node and node_modules/.bin/tsc are needed (scripts/bootstrap runs npm ci)")
    process = await asyncio.create_subprocess_exec(
        str(TSC),
        "-p",
        str(HERE / "tsconfig.json"),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    output, _ = await asyncio.wait_for(process.communicate(), 300)
    assert process.returncode == 0, output.decode()
    return SCRIPT


@pytest.mark.parametrize("binary", [False, True], ids=["json", "binary"])
async def test_connect_es_client_through_the_gateway(gateway: Gateway, compiled: Path, binary: bool) -> None:
    token = gateway.server.token(subject="people/node", scopes=("openid", "ledger.read"))
    env = {
        **os.environ,
        "JIPAN_GATEWAY_URL": gateway.url,
        "JIPAN_TOKEN": token,
        "JIPAN_BINARY": "1" if binary else "0",
    }
    process = await asyncio.create_subprocess_exec(
        "node", str(compiled), env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    out, err = await asyncio.wait_for(process.communicate(), 120)
    assert process.returncode == 0, err.decode()
    lines = out.decode().splitlines()
    assert lines == [
        "whoami people/node",
        "verified false",
        "invalid InvalidArgument FIELD_INVALID common.jipan.tw digest",
        "anonymous Unauthenticated TOKEN_MISSING common.jipan.tw",
        "watch 1 DeadlineExceeded",
    ], err.decode()
