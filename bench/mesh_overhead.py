"""What the interceptor chain costs per RPC: full chain vs a bare grpc.aio server.

Usage:
    python bench/mesh_overhead.py [--quick] [--calls N] [--concurrency C] [--channels K] [--rounds R]

Both servers run the real SystemService servicer (servers/system) in a
subprocess of their own, one at a time, alternating bare/chain for `--rounds`
rounds; the load generator is this process. The chain server is built by
`create_server` (interceptors, health, reflection), the bare one is
`grpc.aio.server` with the same options and the same servicer. Every call is
GetVersion with a valid access token (the bare server ignores it), so both
see the same bytes.

Per variant and round:
  * throughput: `--calls` calls from `--concurrency` callers over `--channels`
    channels (closed loop), plus the server process's CPU time per call;
  * latency: sequential calls from one caller (p50/p99). Latency is measured
    without concurrency on purpose: under a saturating closed loop, latency is
    concurrency / throughput, so it would count queueing, not the chain.

The chain server logs one JSON line per call to a file, as in production
(stdout to a log pipeline). Tracing is in its default mode (no exporter, ids only).

The last line printed is one JSON object: throughput_ratio (chain/bare),
p50_added_us, p99_added_us, server_cpu_added_us_per_call and the raw numbers.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO, cast

import grpc

from jipan.interceptors.tokens import DevSigningKey
from jipan.servers.runtime.settings import load_settings
from jipan.system.v1 import system_service_pb2 as pb
from jipan.system.v1 import system_service_pb2_grpc as pb_grpc

VARIANTS = ("bare", "chain")
# Diagnostic variants (--variants): "noop" is a bare server with one
# pass-through interceptor (grpc.aio's own cost of having an interceptor);
# "nolog" is the chain writing its log lines to /dev/null.
EXTRA_VARIANTS = ("noop", "nolog")


class _PassThrough(grpc.aio.ServerInterceptor):
    async def intercept_service(self, continuation: Any, handler_call_details: Any) -> Any:
        return await continuation(handler_call_details)


CLK_TCK = os.sysconf("SC_CLK_TCK")


# --- server side (subprocess) ---------------------------------------------------------------------


async def _serve(variant: str, data_dir: Path, port_file: Path, log_stream: TextIO | None) -> None:
    from grpc_health.v1.health import aio as health_aio

    from jipan.interceptors.logs import configure_logging
    from jipan.servers import system
    from jipan.servers.runtime.pagination import PageTokens
    from jipan.servers.runtime.runtime import Runtime, load_key_set
    from jipan.servers.runtime.server import SERVER_OPTIONS, create_server

    settings = load_settings({}, data_dir=str(data_dir), listen="127.0.0.1:0")
    # SystemService needs no database or object store; the runtime is built by
    # hand so that the benchmark measures the chain, not PostgreSQL start-up.
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
    if variant in ("chain", "nolog"):
        configure_logging(settings, stream=log_stream)
        server, port = await create_server(settings, [system.SERVICE], runtime)
    else:
        server = grpc.aio.server(
            options=SERVER_OPTIONS, interceptors=[_PassThrough()] if variant == "noop" else None
        )
        system.SERVICE.attach(server, runtime)
        port = server.add_insecure_port(settings.listen)
    await server.start()
    # Written whole, then renamed: the load side must never read half a port number.
    partial = port_file.with_suffix(".partial")
    await asyncio.to_thread(partial.write_text, str(port))
    partial.replace(port_file)
    await server.wait_for_termination()


# --- load side ------------------------------------------------------------------------------------


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK  # utime + stime


async def _throughput(
    stubs: list[pb_grpc.SystemServiceAsyncStub],
    metadata: tuple[tuple[str, str], ...],
    calls: int,
    concurrency: int,
) -> float:
    remaining = calls
    request = pb.GetVersionRequest()

    async def caller(stub: pb_grpc.SystemServiceAsyncStub) -> None:
        nonlocal remaining
        while remaining > 0:
            remaining -= 1
            await stub.GetVersion(request, metadata=metadata, timeout=30)

    started = time.perf_counter()
    await asyncio.gather(*(caller(stubs[i % len(stubs)]) for i in range(concurrency)))
    return calls / (time.perf_counter() - started)


async def _latencies(
    stub: pb_grpc.SystemServiceAsyncStub, metadata: tuple[tuple[str, str], ...], calls: int
) -> list[float]:
    request = pb.GetVersionRequest()
    samples: list[float] = []
    for _ in range(calls):
        started = time.perf_counter_ns()
        await stub.GetVersion(request, metadata=metadata, timeout=30)
        samples.append((time.perf_counter_ns() - started) / 1000)
    return samples


def _percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def _measure(variant: str, data_dir: Path, args: argparse.Namespace, token: str) -> dict[str, Any]:
    port_file = data_dir / f"port-{variant}"
    port_file.unlink(missing_ok=True)
    log_path = data_dir / f"server-{variant}.log"
    with log_path.open("w") as log_file:
        server = await asyncio.create_subprocess_exec(
            sys.executable,
            __file__,
            "--serve",
            variant,
            "--data-dir",
            str(data_dir),
            "--port-file",
            str(port_file),
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + 30
            while not port_file.exists() or not port_file.read_text():
                if server.returncode is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"{variant} server did not start; see {log_path}")
                await asyncio.sleep(0.05)
            target = f"127.0.0.1:{port_file.read_text()}"
            metadata = (("authorization", f"Bearer {token}"),)
            channels = [grpc.aio.insecure_channel(target) for _ in range(args.channels)]
            try:
                stubs = [pb_grpc.SystemServiceStub(channel) for channel in channels]
                await _throughput(stubs, metadata, args.warmup, args.concurrency)
                cpu_before = _cpu_seconds(server.pid)
                rps = await _throughput(stubs, metadata, args.calls, args.concurrency)
                cpu_per_call_us = (_cpu_seconds(server.pid) - cpu_before) / args.calls * 1e6
                samples = await _latencies(stubs[0], metadata, args.latency_calls)
            finally:
                for channel in channels:
                    await channel.close()
        finally:
            server.terminate()
            await server.wait()
    return {
        "variant": variant,
        "throughput_rps": round(rps, 1),
        "server_cpu_us_per_call": round(cpu_per_call_us, 1),
        "p50_us": round(_percentile(samples, 0.50), 1),
        "p99_us": round(_percentile(samples, 0.99), 1),
        "log_lines": sum(1 for _ in log_path.open()) if variant == "chain" else 0,
    }


async def _run(args: argparse.Namespace) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="jipan-bench-") as tmp:
        data_dir = Path(tmp)
        settings = load_settings({}, data_dir=str(data_dir))
        key = DevSigningKey.load_or_create(data_dir)
        token = key.mint(
            subject="services/bench",
            audience=settings.token_audience,
            issuer=settings.token_issuer,
            scopes=["system.read"],
            ttl_s=3600,
        )
        rounds: list[dict[str, Any]] = []
        for _ in range(args.rounds):
            for variant in args.variants.split(","):
                result = await _measure(variant, data_dir, args, token)
                print(json.dumps(result), file=sys.stderr)
                rounds.append(result)

    def best(variant: str, key: str, pick: Any) -> float:
        return cast(float, pick(r[key] for r in rounds if r["variant"] == variant))

    # Best of rounds for each figure: the least disturbed measurement of each.
    bare_rps, chain_rps = best("bare", "throughput_rps", max), best("chain", "throughput_rps", max)
    bare_p50, chain_p50 = best("bare", "p50_us", min), best("chain", "p50_us", min)
    bare_p99, chain_p99 = best("bare", "p99_us", min), best("chain", "p99_us", min)
    bare_cpu, chain_cpu = (
        best("bare", "server_cpu_us_per_call", min),
        best("chain", "server_cpu_us_per_call", min),
    )
    return {
        "throughput_ratio": round(chain_rps / bare_rps, 3),
        "p50_added_us": round(chain_p50 - bare_p50, 1),
        "p99_added_us": round(chain_p99 - bare_p99, 1),
        "server_cpu_added_us_per_call": round(chain_cpu - bare_cpu, 1),
        "bare": {
            "throughput_rps": bare_rps,
            "p50_us": bare_p50,
            "p99_us": bare_p99,
            "server_cpu_us_per_call": bare_cpu,
        },
        "chain": {
            "throughput_rps": chain_rps,
            "p50_us": chain_p50,
            "p99_us": chain_p99,
            "server_cpu_us_per_call": chain_cpu,
        },
        "rounds": rounds,
        "config": {
            "calls": args.calls,
            "warmup": args.warmup,
            "latency_calls": args.latency_calls,
            "concurrency": args.concurrency,
            "channels": args.channels,
            "rounds": args.rounds,
            "nproc": os.cpu_count(),
            "python": platform.python_version(),
            "grpcio": grpc.__version__,
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="fewer calls and one round (a smoke run)")
    parser.add_argument("--calls", type=int, default=20_000)
    parser.add_argument("--warmup", type=int, default=2_000)
    parser.add_argument("--latency-calls", type=int, default=3_000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--channels", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--variants", default=",".join(VARIANTS), help=argparse.SUPPRESS)
    parser.add_argument("--serve", choices=VARIANTS + EXTRA_VARIANTS, help=argparse.SUPPRESS)
    parser.add_argument("--data-dir", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--port-file", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        with open(os.devnull, "w") as devnull:
            asyncio.run(
                _serve(args.serve, args.data_dir, args.port_file, devnull if args.serve == "nolog" else None)
            )
        return
    if args.quick:
        args.calls, args.warmup, args.latency_calls, args.rounds = 3_000, 500, 500, 1
    result = asyncio.run(_run(args))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
