"""What the interceptor chain costs per RPC: full chain vs a bare grpc.aio server.

Usage:
    python bench/mesh_overhead.py [--quick] [--rounds R] [--calls N] [--latency-calls L]
                                  [--concurrency C] [--channels K]

Both servers run the real SystemService servicer (servers/system), each in a
subprocess of its own, both started before measuring; the load generator is
this process. The chain server is built by `create_server` (the interceptor
chain, health, reflection), the bare one is `grpc.aio.server` with the same
options and the same servicer. Every call is GetVersion with a valid access
token (the bare server ignores it), so both receive the same bytes. Both run
on the event loop `jipan serve` runs on (uvloop; `--event-loop asyncio` for
the standard library's).

The measurement alternates short phases, bare then chain then chain then
bare..., for `--rounds` rounds; this machine is shared, and a burst of
someone else's load then hits both variants alike. Each phase:
  * throughput: `--calls` calls from `--concurrency` callers over `--channels`
    channels (closed loop), and the server process's CPU time per call;
  * latency: `--latency-calls` sequential calls from one caller. Latency is
    measured without concurrency on purpose: under a saturating closed loop
    latency is concurrency / throughput, which counts queueing, not the chain.

throughput_ratio is the median over rounds of chain/bare of adjacent phases;
p50/p99 come from all latency samples of a variant pooled. The chain server
logs one JSON line per call to a file, as in production (stdout to a log
pipeline); tracing is in its default mode (no exporter: ids only).

The last line printed is one JSON object: throughput_ratio, capacity_ratio
(bare/chain server CPU per call under the concurrent load: the throughput
ratio of a server-bound deployment, and much less sensitive to other load on
the machine), p50_added_us, p99_added_us, server_cpu_added_us_per_call (and
per sequential call), and the raw numbers. Per-phase lines go to stderr.

Beside the ratios it prints what bounds them on this host, measured in the
same run: `host.chain_inprocess_us` (the chain's own Python per call, in a
tight loop in this process with a stand-in servicer context: the figure that
scales with the core, not with the load) and `host.bare_server_cpu_us_per_call`
(what grpc itself costs per call here), and `host.cpu_model`. The added server
CPU per call divided by chain_inprocess_us is the cold-cache factor
(`host.server_vs_inprocess`): a real server runs the same code between grpc
core, the event loop and other tenants' processes, with cold caches.

`--quick` is a smoke run (the bench and both servers work, ~15 s), not a
measurement: on a shared 2-core host its ratios swing by about +-0.1 from run
to run. Compare only default runs (30 rounds) with the targets.
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
from typing import Any, TextIO, cast

import grpc

from jipan.interceptors.tokens import DevSigningKey
from jipan.servers.runtime.settings import EventLoop, load_settings
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
    from jipan.servers.runtime.server import SERVER_OPTIONS, GenericDispatch, create_server

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
        # The same dispatch as create_server's (generic handlers only), so the ratio is the chain's.
        system.SERVICE.attach(GenericDispatch(server).as_server(), runtime)
        port = server.add_insecure_port(settings.listen)
    await server.start()
    # Written whole, then renamed: the load side must never read half a port number.
    partial = port_file.with_suffix(".partial")
    await asyncio.to_thread(partial.write_text, str(port))
    partial.replace(port_file)
    await server.wait_for_termination()


# --- load side ------------------------------------------------------------------------------------


def _cpu_seconds(pid: int) -> float:
    """CPU time of every thread of `pid` (grpc's core threads included), to the nanosecond.

    schedstat's run time, summed over the threads, where the kernel has it;
    otherwise utime + stime from /proc/PID/stat, which count in clock ticks
    (10 ms: 25 µs per call over a 400-call phase, too coarse for --quick).
    """
    try:
        return (
            sum(
                int((task / "schedstat").read_text().split()[0])
                for task in Path(f"/proc/{pid}/task").iterdir()
            )
            / 1e9
        )
    except (OSError, ValueError, IndexError):
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


class _Server:
    """One server variant in its own process, and channels to it."""

    def __init__(self, variant: str, data_dir: Path, event_loop: str) -> None:
        self.variant = variant
        self.data_dir = data_dir
        self.event_loop = event_loop
        self.log_path = data_dir / f"server-{variant}.log"
        self.process: asyncio.subprocess.Process | None = None
        self.channels: list[grpc.aio.Channel] = []
        self.stubs: list[pb_grpc.SystemServiceAsyncStub] = []

    async def start(self, channels: int) -> None:
        port_file = self.data_dir / f"port-{self.variant}"
        with self.log_path.open("w") as log_file:
            self.process = await asyncio.create_subprocess_exec(
                sys.executable,
                __file__,
                "--serve",
                self.variant,
                "--data-dir",
                str(self.data_dir),
                "--port-file",
                str(port_file),
                "--event-loop",
                self.event_loop,
                stdout=log_file,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 30
        while not port_file.exists():
            if self.process.returncode is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{self.variant} server did not start; see {self.log_path}")
            await asyncio.sleep(0.05)
        target = f"127.0.0.1:{port_file.read_text()}"
        self.channels = [grpc.aio.insecure_channel(target) for _ in range(channels)]
        self.stubs = [pb_grpc.SystemServiceStub(channel) for channel in self.channels]

    def cpu_seconds(self) -> float:
        assert self.process is not None
        return _cpu_seconds(self.process.pid)

    async def stop(self) -> None:
        for channel in self.channels:
            await channel.close()
        if self.process is not None and self.process.returncode is None:
            self.process.terminate()
            await self.process.wait()


async def _phase(
    server: _Server, metadata: tuple[tuple[str, str], ...], args: argparse.Namespace
) -> dict[str, Any]:
    cpu_before = server.cpu_seconds()
    rps = await _throughput(server.stubs, metadata, args.calls, args.concurrency)
    cpu_per_call = (server.cpu_seconds() - cpu_before) / args.calls * 1e6
    cpu_before = server.cpu_seconds()
    samples = await _latencies(server.stubs[0], metadata, args.latency_calls)
    sequential_cpu = (server.cpu_seconds() - cpu_before) / args.latency_calls * 1e6
    return {
        "variant": server.variant,
        "throughput_rps": round(rps, 1),
        "server_cpu_us_per_call": round(cpu_per_call, 1),
        "server_cpu_us_per_sequential_call": round(sequential_cpu, 1),
        "p50_us": round(_percentile(samples, 0.50), 1),
        "p99_us": round(_percentile(samples, 0.99), 1),
        "samples": samples,
    }


# --- the chain's own cost, in process -------------------------------------------------------------


class _StandInContext:
    """What the chain asks of a grpc.aio servicer context, without grpc around it."""

    def __init__(self, metadata: tuple[tuple[str, str], ...]) -> None:
        self._metadata = metadata
        self._trailing: Any = None

    def invocation_metadata(self) -> tuple[tuple[str, str], ...]:
        return self._metadata

    def time_remaining(self) -> float:
        return 30.0

    def set_trailing_metadata(self, trailing: Any) -> None:
        self._trailing = trailing

    def trailing_metadata(self) -> Any:
        return self._trailing

    def code(self) -> None:
        return None

    def peer_identities(self) -> None:
        return None


def chain_inprocess_us(data_dir: Path, metadata: tuple[tuple[str, str], ...], calls: int = 5_000) -> float:
    """CPU µs the whole chain adds per call around a trivial GetVersion handler (best of 5 runs each)."""
    from jipan.interceptors.chain import JipanChain, build_stages
    from jipan.interceptors.rpc import handed_metadata

    settings = load_settings({}, data_dir=str(data_dir))
    key = DevSigningKey.load_or_create(data_dir)

    async def get_version(request: Any, context: Any) -> pb.GetVersionResponse:
        return pb.GetVersionResponse(version="bench")

    handler = grpc.unary_unary_rpc_method_handler(
        get_version,
        request_deserializer=pb.GetVersionRequest.FromString,
        response_serializer=pb.GetVersionResponse.SerializeToString,
    )
    with open(data_dir / "inprocess.log", "w", encoding="utf-8") as log:
        chain = JipanChain(build_stages(settings, key.key_set(), log_stream=log))
        wrapped = chain.wrapped("/jipan.system.v1.SystemService/GetVersion", handler)
        behavior: Any = wrapped.unary_unary
        deserialize: Any = wrapped.request_deserializer
        request = deserialize(b"")

        async def loop(n: int, chained: bool) -> None:
            for _ in range(n):
                handed_metadata.set(metadata)
                context = _StandInContext(metadata)
                if chained:
                    await behavior(request, context)
                else:
                    await get_version(request, context)
                # One turn of the event loop per call, as in a server: the
                # access line is written from the loop after its call.
                await asyncio.sleep(0)

        async def measure() -> float:
            await loop(1_000, True)
            best: dict[bool, float] = {}
            for _ in range(5):
                for chained in (True, False):
                    started = time.process_time()
                    await loop(calls, chained)
                    spent = (time.process_time() - started) / calls * 1e6
                    best[chained] = min(best.get(chained, spent), spent)
            return best[True] - best[False]

        return asyncio.run(measure())


def _cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.partition(":")[2].strip()
    return platform.processor() or "unknown"


async def _run(args: argparse.Namespace) -> dict[str, Any]:
    variants = args.variants.split(",")
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
        metadata = (("authorization", f"Bearer {token}"),)
        servers = {variant: _Server(variant, data_dir, args.event_loop) for variant in variants}
        phases: list[dict[str, Any]] = []
        try:
            for server in servers.values():
                await server.start(args.channels)
                await _throughput(server.stubs, metadata, args.warmup, args.concurrency)
            for round_index in range(args.rounds):
                # Short alternating phases, the order flipped every round: a
                # burst of background load hits both variants alike.
                order = variants if round_index % 2 == 0 else variants[::-1]
                for variant in order:
                    phase = await _phase(servers[variant], metadata, args)
                    phase["round"] = round_index
                    print(json.dumps({k: v for k, v in phase.items() if k != "samples"}), file=sys.stderr)
                    phases.append(phase)
        finally:
            for server in servers.values():
                await server.stop()
        log_lines = sum(1 for _ in servers["chain"].log_path.open()) if "chain" in servers else 0

    def of(variant: str) -> list[dict[str, Any]]:
        return [p for p in phases if p["variant"] == variant]

    def summary(variant: str) -> dict[str, float]:
        samples = [s for p in of(variant) for s in p["samples"]]
        return {
            "throughput_rps": round(statistics.median(p["throughput_rps"] for p in of(variant)), 1),
            "p50_us": round(_percentile(samples, 0.50), 1),
            "p99_us": round(_percentile(samples, 0.99), 1),
            "server_cpu_us_per_call": round(
                statistics.median(p["server_cpu_us_per_call"] for p in of(variant)), 1
            ),
            "server_cpu_us_per_sequential_call": round(
                statistics.median(p["server_cpu_us_per_sequential_call"] for p in of(variant)), 1
            ),
        }

    results = {variant: summary(variant) for variant in variants}
    with tempfile.TemporaryDirectory(prefix="jipan-bench-inprocess-") as tmp:
        data_dir = Path(tmp)
        settings = load_settings({}, data_dir=str(data_dir))
        token = DevSigningKey.load_or_create(data_dir).mint(
            subject="services/bench",
            audience=settings.token_audience,
            issuer=settings.token_issuer,
            scopes=["system.read"],
            ttl_s=3600,
        )
        inprocess = await asyncio.to_thread(
            chain_inprocess_us, data_dir, (("authorization", f"Bearer {token}"),)
        )
    bare, chain = results["bare"], results["chain"]
    # The ratio of each round's adjacent phases, then the median over rounds.
    ratios = [c["throughput_rps"] / b["throughput_rps"] for b, c in zip(of("bare"), of("chain"), strict=True)]
    # Server capacity: calls per second of server CPU, from the same phases.
    # It does not depend on how fast the load generator is or on who else
    # runs on the machine, which wall-clock throughput does.
    capacity_ratio = bare["server_cpu_us_per_call"] / chain["server_cpu_us_per_call"]
    return {
        "throughput_ratio": round(statistics.median(ratios), 3),
        "capacity_ratio": round(capacity_ratio, 3),
        "p50_added_us": round(chain["p50_us"] - bare["p50_us"], 1),
        "p99_added_us": round(chain["p99_us"] - bare["p99_us"], 1),
        "server_cpu_added_us_per_call": round(
            chain["server_cpu_us_per_call"] - bare["server_cpu_us_per_call"], 1
        ),
        "server_cpu_added_us_per_sequential_call": round(
            chain["server_cpu_us_per_sequential_call"] - bare["server_cpu_us_per_sequential_call"], 1
        ),
        "host": {
            "cpu_model": _cpu_model(),
            "chain_inprocess_us": round(inprocess, 1),
            "bare_server_cpu_us_per_call": bare["server_cpu_us_per_call"],
            "server_vs_inprocess": round(
                (chain["server_cpu_us_per_call"] - bare["server_cpu_us_per_call"]) / inprocess, 1
            ),
            "loadavg_1m_start_end": [args.load_start, round(os.getloadavg()[0], 2)],
            "event_loop": args.event_loop,
        },
        **results,
        "throughput_ratios_per_round": [round(r, 3) for r in ratios],
        "chain_log_lines": log_lines,
        "config": {
            "calls_per_phase": args.calls,
            "warmup": args.warmup,
            "latency_calls_per_phase": args.latency_calls,
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
    parser.add_argument(
        "--quick",
        action="store_true",
        help="8 short rounds: a smoke run (~15 s), NOT a measurement: its ratios swing by about"
        " +-0.1 on a shared 2-core host; compare only default runs with the targets",
    )
    parser.add_argument("--calls", type=int, default=1_000, help="calls per throughput phase")
    parser.add_argument("--warmup", type=int, default=1_000)
    parser.add_argument("--latency-calls", type=int, default=300, help="sequential calls per phase")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--channels", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument(
        "--event-loop",
        default=EventLoop.UVLOOP.value,
        choices=[choice.value for choice in EventLoop],
        help="the loop both servers run on (JIPAN_EVENT_LOOP; `jipan serve` runs on uvloop)",
    )
    parser.add_argument("--variants", default=",".join(VARIANTS), help=argparse.SUPPRESS)
    parser.add_argument("--serve", choices=VARIANTS + EXTRA_VARIANTS, help=argparse.SUPPRESS)
    parser.add_argument("--data-dir", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--port-file", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        from jipan.servers.runtime import loop

        with open(os.devnull, "w") as devnull:
            loop.run(
                _serve(args.serve, args.data_dir, args.port_file, devnull if args.serve == "nolog" else None),
                EventLoop(args.event_loop),
            )
        return
    if args.quick:
        # More, shorter rounds than before (3 x 1000): the median of 8 pairs
        # moves less with one burst of someone else's load than that of 3.
        args.calls, args.warmup, args.latency_calls, args.rounds = 400, 300, 100, 8
    args.load_start = round(os.getloadavg()[0], 2)
    result = asyncio.run(_run(args))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
