"""What the Connect gateway adds to a unary call: Connect over HTTP/1.1 vs direct gRPC, same run.

Usage:
    python bench/gateway.py [--quick] [--rounds R] [--calls N]

One server process (a subprocess of this one) runs what `jipan up` runs for
one service: `create_server` with the whole interceptor chain serving the
real SystemService, and the Connect gateway beside it on the same event loop
(servers/gateway/serving.py), dialling the server on loopback. The load side
(this process) calls GetWhoAmI with the same valid access token three ways:

  * grpc: a grpc.aio channel straight to the server;
  * connect_json: POST application/json to the gateway (what connect-web sends
    by default), over one keep-alive aiohttp session;
  * connect_proto: POST application/proto to the gateway.

Calls are sequential (one caller): latency without queueing. The variants
alternate in short phases for `--rounds` rounds (grpc, json, proto, proto,
json, grpc, ...), so a burst of someone else's load on this shared host hits
them alike. gateway_p50_added_us is the p50 of connect_json minus the p50 of
grpc, each over all its samples; the binary figure beside it. The figure is
end to end: it includes the HTTP client (aiohttp here; a browser's fetch in
the portal) as the gRPC figure includes grpc.aio's client. Beside it, the
server process's CPU time per call in each variant (gateway and gRPC server
share that process, as in `jipan up`): gateway_cpu_added_us_per_call is what
the gateway costs the server host per call, and moves much less with the
neighbours' load than latency does.

The last line printed is one JSON object with the figures.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

import aiohttp
import grpc

from jipan.interceptors.tokens import DevSigningKey, mint_access_token
from jipan.servers.runtime.settings import load_settings
from jipan.system.v1 import system_service_pb2 as pb
from jipan.system.v1 import system_service_pb2_grpc as pb_grpc

PATH = "/jipan.system.v1.SystemService/GetWhoAmI"
VARIANTS = ("grpc", "connect_json", "connect_proto")


# --- server side (subprocess) ---------------------------------------------------------------------


async def _serve(data_dir: Path, port_file: Path) -> None:
    from grpc_health.v1.health import aio as health_aio

    from jipan.interceptors.logs import configure_logging
    from jipan.servers import system
    from jipan.servers.gateway.serving import serving
    from jipan.servers.runtime.pagination import PageTokens
    from jipan.servers.runtime.runtime import Runtime, load_key_set
    from jipan.servers.runtime.server import create_server

    settings = load_settings(
        {"JIPAN_GATEWAY_PORT": "0", "JIPAN_LOG_LEVEL": "warning"},
        data_dir=str(data_dir),
        listen="127.0.0.1:0",
    )
    # SystemService needs no database or object store (as in bench/mesh_overhead.py).
    runtime = Runtime(
        settings=settings,
        started_at=datetime.now(UTC),
        database=cast(Any, None),
        objects=cast(Any, None),
        key_set=load_key_set(settings),
        page_tokens=PageTokens.load_or_create(data_dir),
        health=health_aio.HealthServicer(),
        services=system.SERVICE.service_names,
    )
    configure_logging(settings)
    server, port = await create_server(settings, [system.SERVICE], runtime)
    await server.start()
    async with serving(settings, f"127.0.0.1:{port}", runtime.services) as url:
        partial = port_file.with_suffix(".partial")
        await asyncio.to_thread(partial.write_text, json.dumps({"grpc": f"127.0.0.1:{port}", "gateway": url}))
        partial.replace(port_file)
        await server.wait_for_termination()


# --- load side ------------------------------------------------------------------------------------


def _percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def _start_server(data_dir: Path) -> tuple[asyncio.subprocess.Process, dict[str, str]]:
    port_file = data_dir / "ports.json"
    log = (data_dir / "server.log").open("w")
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        __file__,
        "--serve",
        "--data-dir",
        str(data_dir),
        "--port-file",
        str(port_file),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while not port_file.exists():
        if process.returncode is not None or time.monotonic() > deadline:
            raise RuntimeError(f"the server did not start; see {data_dir / 'server.log'}")
        await asyncio.sleep(0.05)
    ports: dict[str, str] = json.loads(port_file.read_text())
    return process, ports


async def _measure(args: argparse.Namespace) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="jipan-bench-gateway-") as scratch:
        data_dir = Path(scratch)
        key = DevSigningKey.load_or_create(data_dir)
        settings = load_settings({}, data_dir=str(data_dir))
        token = mint_access_token(
            key,
            subject="people/bench",
            audience=settings.token_audience,
            issuer=settings.token_issuer,
            scopes=["openid"],
            org=None,
            roles=[],
            ttl_s=3600,
        )
        process, ports = await _start_server(data_dir)
        try:
            return await _phases(args, ports, token, process.pid)
        finally:
            process.terminate()
            await process.wait()


def _cpu_seconds(pid: int) -> float:
    """CPU time of every thread of `pid` (schedstat run time, nanoseconds; see bench/mesh_overhead.py)."""
    return (
        sum(int((task / "schedstat").read_text().split()[0]) for task in Path(f"/proc/{pid}/task").iterdir())
        / 1e9
    )


async def _phases(
    args: argparse.Namespace, ports: dict[str, str], token: str, server_pid: int
) -> dict[str, Any]:
    metadata = (("authorization", f"Bearer {token}"),)
    request = pb.GetWhoAmIRequest()
    raw = request.SerializeToString()
    url = ports["gateway"] + PATH
    json_headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    proto_headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/proto"}
    samples: dict[str, list[float]] = {variant: [] for variant in VARIANTS}
    server_cpu_s: dict[str, float] = dict.fromkeys(VARIANTS, 0.0)
    async with (
        grpc.aio.insecure_channel(ports["grpc"]) as channel,
        aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=1)) as http,
    ):
        stub = pb_grpc.SystemServiceStub(channel)

        async def grpc_call() -> None:
            await stub.GetWhoAmI(request, metadata=metadata, timeout=30)

        async def json_call() -> None:
            async with http.post(url, data=b"{}", headers=json_headers) as response:
                body = await response.read()
                if response.status != 200:
                    raise RuntimeError(f"connect_json: {response.status} {body!r}")

        async def proto_call() -> None:
            async with http.post(url, data=raw, headers=proto_headers) as response:
                body = await response.read()
                if response.status != 200:
                    raise RuntimeError(f"connect_proto: {response.status} {body!r}")

        calls = {"grpc": grpc_call, "connect_json": json_call, "connect_proto": proto_call}
        for call in calls.values():  # warm: channels connected, code paths compiled
            for _ in range(50):
                await call()
        for round_index in range(args.rounds):
            order = VARIANTS if round_index % 2 == 0 else tuple(reversed(VARIANTS))
            for variant in order:
                call = calls[variant]
                cpu_before = _cpu_seconds(server_pid)
                for _ in range(args.calls):
                    started = time.perf_counter_ns()
                    await call()
                    samples[variant].append((time.perf_counter_ns() - started) / 1000)
                server_cpu_s[variant] += _cpu_seconds(server_pid) - cpu_before
            print(
                f"round {round_index + 1}/{args.rounds}: "
                + " ".join(
                    f"{v} p50 {statistics.median(samples[v][-args.calls :]):.0f} µs" for v in VARIANTS
                ),
                file=sys.stderr,
                flush=True,
            )
    p50 = {variant: _percentile(values, 0.5) for variant, values in samples.items()}
    p99 = {variant: _percentile(values, 0.99) for variant, values in samples.items()}
    cpu_us = {variant: server_cpu_s[variant] / len(samples[variant]) * 1e6 for variant in VARIANTS}
    return {
        "gateway_p50_added_us": round(p50["connect_json"] - p50["grpc"], 1),
        "gateway_p50_added_us_binary": round(p50["connect_proto"] - p50["grpc"], 1),
        "p50_us": {variant: round(value, 1) for variant, value in p50.items()},
        "p99_us": {variant: round(value, 1) for variant, value in p99.items()},
        # The server process's CPU per call (gateway and gRPC server share it): less
        # sensitive to the neighbours' load than latency.
        "server_cpu_us_per_call": {variant: round(value, 1) for variant, value in cpu_us.items()},
        "gateway_cpu_added_us_per_call": round(cpu_us["connect_json"] - cpu_us["grpc"], 1),
        "gateway_cpu_added_us_per_call_binary": round(cpu_us["connect_proto"] - cpu_us["grpc"], 1),
        "calls_per_variant": len(samples["grpc"]),
        "method": PATH,
    }


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.machine()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a smoke run (~5 s), not a measurement")
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--calls", type=int, default=200, help="sequential calls per variant per round")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--data-dir", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--port-file", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        asyncio.run(_serve(args.data_dir, args.port_file))
        return
    if args.quick:
        args.rounds, args.calls = 2, 50
    started = time.monotonic()
    figures = asyncio.run(_measure(args))
    figures["host"] = {
        "cpu_model": _cpu_model(),
        "cpus": os.cpu_count(),
        "load_1m": round(os.getloadavg()[0], 2),
    }
    figures["seconds"] = round(time.monotonic() - started, 1)
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    main()
