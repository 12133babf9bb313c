"""What the inference service costs and gains: the gateway, dynamic batching, int8, sealed deploys.

Usage:
    python bench/inference.py [--quick] [--only gateway,batching,int8,deploy]
                              [--rounds R] [--seconds S] [--concurrency C]

PostgreSQL comes from JIPAN_DATABASE_URL (default the local test server,
postgresql://postgres@127.0.0.1:5432/postgres); the bench creates a database
of its own there and drops it at the end.

Figures (the last line printed is one JSON object with all of them):

  * gateway_ratio: ModelInfer throughput through Jipan / straight to Triton,
    `--concurrency` (16) callers of tritonclient.grpc.aio, closed loop, one
    single-row request each, on the benchmark MLP
    (tests.inference.models.BENCHMARK_MLP, its hidden layers widened until one
    row takes >= 1 ms in onnxruntime on this host: the issue's "~1-2 ms per
    inference"; `--default-model` keeps the default width).
    Jipan runs `python -m jipan.servers.cli serve system ledger inference` in
    a process of its own (the embedded Triton in its children); the model is
    uploaded through the registry in chunks and deployed with
    DeployModelVersion. The direct path goes straight to the server's own
    embedded Triton (its address and access header from the record the
    server keeps in its data dir, `inference/embedded-triton.json`), to the
    very version the gateway forwards to. Rounds alternate direct and gateway phases
    (order flipped every round) after a warm-up; the figure is the median of
    the rounds' ratios, with their spread; `gateway_ratio_c1` the same with
    one caller. `p50_added_us_c1` / `p50_added_us_c16`: median latency
    through Jipan minus direct, one caller and `--concurrency` callers.
    Beside it: CPU per call of the Jipan server, of Triton (the host child's
    process tree) and of the load generator, the mean batch Triton ran on the
    direct path (statistics extension), ServerLive round trips, and the
    model's own single-row latency in onnxruntime.
  * batching_gain: throughput straight to Triton with dynamic batching /
    without (a second EmbeddedTriton, dynamic_batching=False), same model,
    same concurrency, alternating rounds.
  * int8_size_ratio, int8_cosine: the shipped fp32 PP-OCRv4 recognition model
    uploaded to the running server with its evaluation set
    (UpdateEvaluationSet, .npz), compressed with CompressModelVersion; the
    figures are the CompressionReport users read. Beside it: the operation's
    wall time and the fp32/int8 single-sample latency in onnxruntime.
  * encrypted_deploy_ratio: deploy time of a sealed version / a plain one:
    read from the object store (FilesystemObjectStore), decrypt with
    sealing.decrypt_all (sealed) or not, verify the SHA-256, load on the
    embedded Triton until ready; unload is timed apart. Alternating, medians.
    Triton's load time swings by seconds, so `encrypted_deploy_ratio_same_load`
    puts the pooled median load time under both (what sealing itself adds).
    Beside it: AES-GCM decrypt MB/s and the load time alone.

Progress goes to stderr. `--quick` is a smoke run (the bench works, ~2 min), not a
measurement.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
import io
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import asyncpg
import grpc
import numpy as np
import numpy.typing as npt
import onnxruntime as ort
import psutil
import tritonclient.grpc.aio as triton_aio

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.host import cpu_model, create_database, drop_database, load_1m
from jipan.inference.v1 import model_registry_service_pb2 as rpb
from jipan.inference.v1 import model_registry_service_pb2_grpc as rpb_grpc
from jipan.inference.v1 import resources_pb2 as res
from jipan.interceptors.tokens import DevSigningKey, mint_access_token
from jipan.servers.inference import sealing, serving_record_path
from jipan.servers.inference.registry.signature import read_signature
from jipan.servers.inference.serving.backend import Deployable, ModelFormat
from jipan.servers.inference.serving.embedded import EmbeddedTriton
from jipan.servers.runtime.objectstore import FilesystemObjectStore
from jipan.servers.runtime.settings import EventLoop, Settings, load_settings
from tests.inference.models import BENCHMARK_MLP, mlp_model

FIGURES = ("gateway", "batching", "int8", "deploy")
ISSUER = "https://identity.jipan.bench"
AUDIENCE = "jipan-bench"
ORG = "orgs/bench"
SCOPES = ("inference.infer", "inference.models.read", "inference.models.write")
SERVE = (sys.executable, "-m", "jipan.servers.cli", "serve", "system", "ledger", "inference")
"""How the server process starts (a profiling run may put a profiler in front)."""
READY = re.compile(r"jipan ready on (\S+) ")
DEFAULT_DSN = "postgresql://postgres@127.0.0.1:5432/postgres"
_MiB = 1024 * 1024
CHANNEL_OPTIONS = [
    ("grpc.max_send_message_length", 64 * _MiB),
    ("grpc.max_receive_message_length", 64 * _MiB),
]


def say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def _cpu_seconds(pid: int) -> float:
    """CPU seconds of a process, all its threads, from schedstat (ns) or /proc stat (ticks)."""
    try:
        return (
            sum(int((t / "schedstat").read_text().split()[0]) for t in Path(f"/proc/{pid}/task").iterdir())
            / 1e9
        )
    except (OSError, ValueError, IndexError):
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _tree_cpu_seconds(pid: int, children_only: bool) -> float:
    """CPU seconds of a process's descendants (and itself unless `children_only`): a Triton's group."""
    try:
        root = psutil.Process(pid)
        processes = root.children(recursive=True) + ([] if children_only else [root])
    except psutil.Error:
        return 0.0
    total = 0.0
    for process in processes:
        with contextlib.suppress(psutil.Error):
            times = process.cpu_times()
            total += times.user + times.system
    return total


def _median(values: list[float], digits: int = 3) -> float:
    return round(statistics.median(values), digits)


def _spread(values: list[float], digits: int = 3) -> list[float]:
    return [round(min(values), digits), round(max(values), digits)]


# --- the Jipan server, in a process of its own --------------------------------------------------


@dataclass
class JipanProcess:
    data_dir: Path
    dsn: str
    event_loop: str = "uvloop"
    process: subprocess.Popen[str] | None = None
    address: str = ""
    output: list[str] = field(default_factory=list)

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("JIPAN_")}
        env.update(
            {
                "JIPAN_DATABASE_URL": self.dsn,
                "JIPAN_DATA_DIR": str(self.data_dir),
                "JIPAN_LISTEN": "127.0.0.1:0",
                "JIPAN_GRACE_PERIOD_S": "1",
                "JIPAN_EVENT_LOOP": self.event_loop,
                "JIPAN_TOKEN_ISSUER": ISSUER,
                "JIPAN_TOKEN_AUDIENCE": AUDIENCE,
                "JIPAN_SIGNING_KEY_SECRET": "bench-only secret for bench/inference.py (>= 32 chars)",
                "JIPAN_LEDGER_BATCH_WINDOW_S": "0.05",
                "JIPAN_LOG_LEVEL": "warning",
                "JIPAN_INFERENCE_BUILTIN_MODELS": "false",
                # The bench measures the gateway, not the quota: orgs/bench may call as fast as it can.
                "JIPAN_INFERENCE_QUOTA_ORGS": f"{ORG}=1000000/1000000",
            }
        )
        return env

    async def start(self) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        DevSigningKey.load_or_create(self.data_dir)  # before the server reads it: both agree on one key
        self._spawn()
        if not await asyncio.to_thread(self._wait_ready, 180.0):
            assert self.process is not None
            self.process.kill()
            raise RuntimeError("jipan serve never became ready:\n" + "".join(self.output[-40:]))
        threading.Thread(target=self._drain, daemon=True).start()

    def _spawn(self) -> None:
        self.process = subprocess.Popen(
            [*SERVE],
            env=self.env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )

    def _wait_ready(self, timeout: float) -> bool:
        assert self.process is not None
        assert self.process.stdout is not None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if not line:
                return False
            self.output.append(line)
            match = READY.search(line)
            if match:
                self.address = match.group(1)
                return True
        return False

    def _drain(self) -> None:
        assert self.process is not None
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.output.append(line)
            if len(self.output) > 2000:
                del self.output[:1000]

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def headers(self) -> dict[str, str]:
        token = mint_access_token(
            DevSigningKey.load_or_create(self.data_dir),
            subject="services/bench",
            audience=AUDIENCE,
            issuer=ISSUER,
            scopes=list(SCOPES),
            org=ORG,
            roles=["owner"],
            ttl_s=3600,
        )
        return {"authorization": f"Bearer {token}"}

    async def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                await asyncio.to_thread(self.process.wait, 30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                await asyncio.to_thread(self.process.wait)


async def _wait_operation(
    stub: rpb_grpc.ModelRegistryServiceAsyncStub,
    metadata: Any,
    operation: res.Operation,
    timeout_s: float = 300,
) -> res.Operation:
    deadline = time.monotonic() + timeout_s
    while not operation.done:
        if time.monotonic() > deadline:
            raise RuntimeError(f"operation did not finish: {operation}")
        await asyncio.sleep(0.1)
        operation = (
            await stub.GetOperation(rpb.GetOperationRequest(name=operation.name), metadata=metadata)
        ).operation
    if operation.WhichOneof("result") != "response":
        raise RuntimeError(f"operation failed: {operation}")
    return operation


async def _upload_model(
    stub: rpb_grpc.ModelRegistryServiceAsyncStub, metadata: Any, model_id: str, data: bytes
) -> res.ModelVersion:
    card = res.ModelCard(license="Apache-2.0", intended_use="bench/inference.py")
    model = (
        await stub.CreateModel(
            rpb.CreateModelRequest(model=res.Model(card=card), model_id=model_id), metadata=metadata
        )
    ).model
    chunk = 1 * _MiB
    messages = [
        rpb.UploadModelVersionRequest(
            header=rpb.UploadHeader(parent=model.name, expected_sha256=hashlib.sha256(data).digest())
        )
    ]
    messages += [rpb.UploadModelVersionRequest(chunk=data[i : i + chunk]) for i in range(0, len(data), chunk)]
    return (await stub.UploadModelVersion(iter(messages), metadata=metadata)).version


def _deployable(serving_name: str, payload: bytes) -> Deployable:
    """What the registry hands the backend for this model (read_signature is what it reads too)."""
    signature = read_signature(payload)
    return Deployable(
        serving_name=serving_name,
        format=ModelFormat.ONNX,
        inputs=signature.inputs,
        outputs=signature.outputs,
        max_batch_size=signature.max_batch_size,
        payload=payload,
    )


# --- load ---------------------------------------------------------------------------------------


@dataclass
class Target:
    """A ModelInfer endpoint: a tritonclient aio client, the model's name there, its headers."""

    label: str
    client: triton_aio.InferenceServerClient
    model: str
    headers: dict[str, str]
    pid: int | None = None
    """The Jipan server, whose CPU per call is reported; None on the direct path."""
    triton_pid: int | None = None
    """The process whose descendants are the Triton serving this target (CPU per call)."""
    triton_children_only: bool = True
    statistics: bool = False
    """Whether Triton's statistics (the batches it ran) are reachable: only straight to Triton."""


def _inputs(batch: npt.NDArray[np.float32]) -> list[triton_aio.InferInput]:
    tensor = triton_aio.InferInput("input", list(batch.shape), "FP32")
    tensor.set_data_from_numpy(batch)
    return [tensor]


async def _batch_counts(target: Target) -> tuple[int, int]:
    """(requests, executions) Triton has run for the target's model so far."""
    stats = await target.client.get_inference_statistics(target.model, headers=target.headers, as_json=True)
    model = stats["model_stats"][0]
    return int(model.get("inference_count", 0)), int(model.get("execution_count", 0))


async def _closed_loop(target: Target, seconds: float, concurrency: int) -> dict[str, Any]:
    """`concurrency` callers, each one request at a time, for `seconds`: rate, latencies, CPU per call."""
    batch = np.random.default_rng(0).standard_normal((1, BENCHMARK_MLP["inputs"])).astype(np.float32)
    inputs = _inputs(batch)
    latencies: list[float] = []
    stop_at = time.perf_counter() + seconds

    async def caller() -> None:
        while time.perf_counter() < stop_at:
            started = time.perf_counter_ns()
            await target.client.infer(target.model, inputs, headers=target.headers)
            latencies.append((time.perf_counter_ns() - started) / 1000)

    server_before = _cpu_seconds(target.pid) if target.pid else 0.0
    triton_before = (
        _tree_cpu_seconds(target.triton_pid, target.triton_children_only) if target.triton_pid else 0.0
    )
    counts_before = await _batch_counts(target) if target.statistics else (0, 0)
    own_before = time.process_time()
    started = time.perf_counter()
    await asyncio.gather(*(caller() for _ in range(concurrency)))
    elapsed = time.perf_counter() - started
    own_cpu = time.process_time() - own_before
    calls = len(latencies)
    phase: dict[str, Any] = {
        "target": target.label,
        "concurrency": concurrency,
        "calls": calls,
        "throughput_rps": round(calls / elapsed, 1),
        "p50_us": round(statistics.median(latencies), 1),
        "p99_us": round(sorted(latencies)[int(0.99 * (calls - 1))], 1),
        "client_cpu_us_per_call": round(own_cpu / calls * 1e6, 1),
    }
    if target.statistics:
        counts = await _batch_counts(target)
        executions = counts[1] - counts_before[1]
        phase["mean_batch"] = round((counts[0] - counts_before[0]) / executions, 2) if executions else 0.0
    if target.triton_pid:
        spent = _tree_cpu_seconds(target.triton_pid, target.triton_children_only) - triton_before
        phase["triton_cpu_us_per_call"] = round(spent / calls * 1e6, 1)
    if target.pid:
        phase["server_cpu_us_per_call"] = round((_cpu_seconds(target.pid) - server_before) / calls * 1e6, 1)
    return phase


async def _alternate(
    targets: list[Target], rounds: int, seconds: float, concurrency: int, latency_seconds: float
) -> list[dict[str, Any]]:
    """Rounds of one phase per target, order flipped every round, so background load hits all alike."""
    phases: list[dict[str, Any]] = []
    for round_index in range(rounds):
        order = targets if round_index % 2 == 0 else targets[::-1]
        for target in order:
            phase = await _closed_loop(target, seconds, concurrency)
            phase["round"] = round_index
            if latency_seconds > 0:
                single = await _closed_loop(target, latency_seconds, 1)
                phase["c1_p50_us"] = single["p50_us"]
                phase["c1_p99_us"] = single["p99_us"]
                phase["c1_throughput_rps"] = single["throughput_rps"]
                if "server_cpu_us_per_call" in single:
                    phase["c1_server_cpu_us_per_call"] = single["server_cpu_us_per_call"]
            say(json.dumps(phase))
            phases.append(phase)
    return phases


def _of(phases: list[dict[str, Any]], label: str, key: str) -> list[float]:
    return [p[key] for p in phases if p["target"] == label]


def _ratios(phases: list[dict[str, Any]], numerator: str, denominator: str) -> list[float]:
    return [
        n / d
        for n, d in zip(
            _of(phases, numerator, "throughput_rps"), _of(phases, denominator, "throughput_rps"), strict=True
        )
    ]


# --- primitives ---------------------------------------------------------------------------------


def _ort_single_row_us(model: bytes, feeds: dict[str, Any], runs: int = 200) -> float:
    """Median µs of one run in onnxruntime with the embedded Triton's session options."""
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    session = ort.InferenceSession(model, options, providers=["CPUExecutionProvider"])
    for _ in range(10):
        session.run(None, feeds)
    samples = []
    for _ in range(runs):
        started = time.perf_counter_ns()
        session.run(None, feeds)
        samples.append((time.perf_counter_ns() - started) / 1000)
    return round(statistics.median(samples), 1)


MODEL_MS = 1.0
"""The issue's model costs "~1-2 ms per inference": the MLP's hidden layers are widened until one
row takes at least this long in onnxruntime on this host."""
WIDTHS = (BENCHMARK_MLP["hidden"], 2304, 2560, 2816, 3072, 3584, 4096)
"""Hidden widths tried, the default first."""


def sized_benchmark_model(fixed: bool = False) -> tuple[bytes, int, float]:
    """The benchmark MLP (tests.inference.models.BENCHMARK_MLP), its hidden width the first of
    WIDTHS at which one row takes >= MODEL_MS in onnxruntime here (`fixed`: the default width):
    the model, its width and that single-row time in µs.

    The default (25.3 MB of fp32 weights) runs one row in ~1.6 ms where the L3 cache is 16 MiB,
    in ~0.45 ms where it is 32 MiB and holds every weight: against a model that fast the
    gateway's fixed cost per call weighs four times as much, and the issue's figure is defined
    for a model of ~1-2 ms per inference."""
    feeds = {"input": np.zeros((1, BENCHMARK_MLP["inputs"]), dtype=np.float32)}
    for width in WIDTHS[:1] if fixed else WIDTHS:
        model = mlp_model(seed=0, **{**BENCHMARK_MLP, "hidden": width})
        single_row_us = _ort_single_row_us(model, feeds, runs=100)
        if single_row_us >= MODEL_MS * 1000:
            break
    return model, width, single_row_us


async def _bare_grpc_roundtrip_us(target: Target, calls: int = 300) -> float:
    """Median µs of a ServerLive round trip to the target (no model): the transport's own floor."""
    samples = []
    for _ in range(calls):
        started = time.perf_counter_ns()
        await target.client.is_server_live(headers=target.headers)
        samples.append((time.perf_counter_ns() - started) / 1000)
    return round(statistics.median(samples), 1)


# --- figures ------------------------------------------------------------------------------------


@dataclass
class Bench:
    args: argparse.Namespace
    workdir: Path
    settings: Settings
    dsn: str = ""
    server: JipanProcess | None = None
    direct: EmbeddedTriton | None = None
    model: bytes = b""
    closers: list[Callable[[], Awaitable[Any]]] = field(default_factory=list)

    async def jipan(self) -> JipanProcess:
        if self.server is None:
            say("starting jipan serve system ledger inference (its embedded Triton included)")
            started = time.monotonic()
            self.server = JipanProcess(self.workdir / "server", self.dsn, self.args.event_loop)
            self.closers.append(self.server.stop)
            await self.server.start()
            say(f"jipan ready on {self.server.address} in {time.monotonic() - started:.1f} s")
        return self.server

    async def direct_triton(self) -> EmbeddedTriton:
        """The bench's own EmbeddedTriton, the server's configuration, the benchmark model loaded."""
        if self.direct is None:
            say("starting the bench's EmbeddedTriton (dynamic batching, as the server's)")
            self.direct = EmbeddedTriton(self.settings)
            self.closers.append(self.direct.close)
            await self.direct.start()
            await self.direct.load(_deployable("bench-mlp-direct", self.model))
        return self.direct

    async def servers_triton(self, server: JipanProcess, model_id: str) -> Target:
        """The server's own embedded Triton, straight (its record in the data dir), same deployed version."""
        record = json.loads(
            serving_record_path(load_settings({"JIPAN_DATA_DIR": str(server.data_dir)})).read_text()
        )
        headers = {key: value for key, value in record["metadata"]}
        client = triton_aio.InferenceServerClient(record["target"], channel_args=CHANNEL_OPTIONS)
        self.closers.append(client.close)
        # The name Triton knows the deployed version by, from the registry's row.
        conn = await asyncpg.connect(self.dsn)
        try:
            names = await conn.fetch(
                "SELECT serving_name FROM inference.versions"
                " WHERE model = $1 AND deployment_state = 'DEPLOYED'",
                model_id,
            )
        finally:
            await conn.close()
        assert len(names) == 1, f"{model_id} has {len(names)} deployed versions"
        return Target(
            "direct",
            client,
            names[0]["serving_name"],
            headers,
            triton_pid=server.pid,
            triton_children_only=True,
            statistics=True,
        )

    def triton_target(self, triton: EmbeddedTriton, label: str, model: str) -> Target:
        client = triton_aio.InferenceServerClient(triton.target, channel_args=CHANNEL_OPTIONS)
        self.closers.append(client.close)
        return Target(
            label,
            client,
            model,
            dict(triton.metadata),
            triton_pid=triton.pid,
            triton_children_only=False,
            statistics=True,
        )

    async def gateway(self) -> dict[str, Any]:
        server = await self.jipan()
        headers = server.headers()
        metadata = tuple(headers.items())
        async with grpc.aio.insecure_channel(server.address, options=CHANNEL_OPTIONS) as channel:
            stub = rpb_grpc.ModelRegistryServiceStub(channel)
            say(f"uploading the benchmark model ({len(self.model) / 1e6:.1f} MB) through the registry")
            started = time.monotonic()
            version = await _upload_model(stub, metadata, "bench-mlp", self.model)
            upload_s = time.monotonic() - started
            say(f"uploaded {version.name} in {upload_s:.1f} s; deploying")
            started = time.monotonic()
            operation = (
                await stub.DeployModelVersion(
                    rpb.DeployModelVersionRequest(name=version.name), metadata=metadata
                )
            ).operation
            await _wait_operation(stub, metadata, operation)
            deploy_s = time.monotonic() - started
        straight = await self.servers_triton(server, "bench-mlp")
        client = triton_aio.InferenceServerClient(server.address, channel_args=CHANNEL_OPTIONS)
        self.closers.append(client.close)
        via_jipan = Target("jipan", client, "bench-mlp", headers, pid=server.pid, triton_pid=server.pid)
        targets = [straight, via_jipan]
        say("warming up both paths")
        for target in targets:
            await _closed_loop(target, self.args.warmup, self.args.concurrency)
        say(f"{self.args.rounds} rounds of {self.args.seconds} s per path, alternating")
        phases = await _alternate(
            targets, self.args.rounds, self.args.seconds, self.args.concurrency, self.args.latency_seconds
        )
        ratios = _ratios(phases, "jipan", "direct")
        c1_ratios = [
            j / d
            for j, d in zip(
                _of(phases, "jipan", "c1_throughput_rps"),
                _of(phases, "direct", "c1_throughput_rps"),
                strict=True,
            )
        ]
        c16_added = [
            j - d
            for j, d in zip(_of(phases, "jipan", "p50_us"), _of(phases, "direct", "p50_us"), strict=True)
        ]
        c1_added = [
            j - d
            for j, d in zip(
                _of(phases, "jipan", "c1_p50_us"), _of(phases, "direct", "c1_p50_us"), strict=True
            )
        ]
        batch = np.zeros((1, BENCHMARK_MLP["inputs"]), dtype=np.float32)
        return {
            "gateway_ratio": _median(ratios),
            "gateway_ratio_spread": _spread(ratios),
            "gateway_ratio_c1": _median(c1_ratios),
            "p50_added_us_c1": _median(c1_added, 1),
            "p50_added_us_c16": _median(c16_added, 1),
            "direct_rps": _median(_of(phases, "direct", "throughput_rps"), 1),
            "jipan_rps": _median(_of(phases, "jipan", "throughput_rps"), 1),
            "direct_p50_us_c1": _median(_of(phases, "direct", "c1_p50_us"), 1),
            "jipan_p50_us_c1": _median(_of(phases, "jipan", "c1_p50_us"), 1),
            "direct_mean_batch": _median(_of(phases, "direct", "mean_batch"), 2),
            "server_cpu_us_per_call_c16": _median(_of(phases, "jipan", "server_cpu_us_per_call"), 1),
            "server_cpu_us_per_call_c1": _median(_of(phases, "jipan", "c1_server_cpu_us_per_call"), 1),
            "triton_cpu_us_per_call_direct": _median(_of(phases, "direct", "triton_cpu_us_per_call"), 1),
            "triton_cpu_us_per_call_jipan": _median(_of(phases, "jipan", "triton_cpu_us_per_call"), 1),
            "client_cpu_us_per_call_direct": _median(_of(phases, "direct", "client_cpu_us_per_call"), 1),
            "client_cpu_us_per_call_jipan": _median(_of(phases, "jipan", "client_cpu_us_per_call"), 1),
            "ratios_per_round": [round(r, 3) for r in ratios],
            "bound_by": {
                "model_single_row_ort_us": _ort_single_row_us(self.model, {"input": batch}),
                "bare_roundtrip_us_direct": await _bare_grpc_roundtrip_us(straight),
                "bare_roundtrip_us_jipan": await _bare_grpc_roundtrip_us(via_jipan),
            },
            "upload_s": round(upload_s, 2),
            "deploy_operation_s": round(deploy_s, 2),
            "phases": [p for p in phases],
        }

    async def batching(self) -> dict[str, Any]:
        batched = await self.direct_triton()
        say("starting a second EmbeddedTriton without dynamic batching")
        plain = EmbeddedTriton(self.settings, dynamic_batching=False)
        self.closers.append(plain.close)
        await plain.start()
        await plain.load(_deployable("bench-mlp-nobatch", self.model))
        targets = [
            self.triton_target(batched, "batching", "bench-mlp-direct"),
            self.triton_target(plain, "no-batching", "bench-mlp-nobatch"),
        ]
        for target in targets:
            await _closed_loop(target, self.args.warmup, self.args.concurrency)
        rounds = max(2, self.args.rounds // 2 + 1)
        say(f"{rounds} rounds of {self.args.seconds} s with and without dynamic batching")
        phases = await _alternate(targets, rounds, self.args.seconds, self.args.concurrency, 0)
        await plain.close()
        ratios = _ratios(phases, "batching", "no-batching")
        batch16 = np.zeros((16, BENCHMARK_MLP["inputs"]), dtype=np.float32)
        row = _ort_single_row_us(self.model, {"input": batch16[:1]})
        sixteen = _ort_single_row_us(self.model, {"input": batch16}, runs=100)
        return {
            "batching_gain": _median(ratios),
            "batching_gain_spread": _spread(ratios),
            "triton_cpu_us_per_call_batching": _median(_of(phases, "batching", "triton_cpu_us_per_call"), 1),
            "triton_cpu_us_per_call_no_batching": _median(
                _of(phases, "no-batching", "triton_cpu_us_per_call"), 1
            ),
            "mean_batch_batching": _median(_of(phases, "batching", "mean_batch"), 2),
            "batching_rps": _median(_of(phases, "batching", "throughput_rps"), 1),
            "no_batching_rps": _median(_of(phases, "no-batching", "throughput_rps"), 1),
            "max_queue_delay_us": 1000,
            "bound_by": {
                "ort_batch1_us": row,
                "ort_batch16_us": sixteen,
                "ort_rows_per_s_batch1": round(1e6 / row, 1),
                "ort_rows_per_s_batch16": round(16e6 / sixteen, 1),
                "ort_batch16_gain": round(16 * row / sixteen, 2),
            },
            "ratios_per_round": [round(r, 3) for r in ratios],
        }

    async def int8(self) -> dict[str, Any]:
        from jipan.servers.inference.builtin import BUILTIN_MODELS

        rec = next(m for m in BUILTIN_MODELS if m.model_id == "ocr-text-recognition")
        assert rec.evaluation_set is not None
        fp32 = rec.load_bytes()
        samples = rec.evaluation_set()
        buffer = io.BytesIO()
        np.savez(buffer, **samples)
        server = await self.jipan()
        metadata = tuple(server.headers().items())
        async with grpc.aio.insecure_channel(server.address, options=CHANNEL_OPTIONS) as channel:
            stub = rpb_grpc.ModelRegistryServiceStub(channel)
            npz_mb = len(buffer.getvalue()) / 1e6
            say(f"uploading PP-OCRv4 rec ({len(fp32) / 1e6:.1f} MB) and its evaluation set ({npz_mb:.1f} MB)")
            version = await _upload_model(stub, metadata, "bench-ocr-rec", fp32)
            model = (
                await stub.UpdateEvaluationSet(
                    rpb.UpdateEvaluationSetRequest(name="models/bench-ocr-rec", npz=buffer.getvalue()),
                    metadata=metadata,
                )
            ).model
            say(f"compressing {version.name} ({model.evaluation_samples} evaluation samples)")
            started = time.monotonic()
            operation = (
                await stub.CompressModelVersion(
                    rpb.CompressModelVersionRequest(name=version.name), metadata=metadata
                )
            ).operation
            operation = await _wait_operation(stub, metadata, operation)
            compress_s = time.monotonic() - started
            int8 = (
                await stub.GetModelVersion(
                    rpb.GetModelVersionRequest(name=operation.response.name), metadata=metadata
                )
            ).version
        report = int8.compression
        one = {name: array[:1] for name, array in samples.items()}
        from jipan.servers.inference.compression import quantize_int8

        int8_bytes = await asyncio.to_thread(quantize_int8, fp32)
        return {
            "int8_size_ratio": round(report.size_ratio, 3),
            "int8_cosine": round(report.mean_cosine, 5),
            "int8_min_cosine": round(report.min_cosine, 5),
            "top1_agreement": round(report.top1_agreement, 4),
            "samples": report.samples,
            "evaluation_source": report.evaluation_source,
            "fp32_bytes": version.size_bytes,
            "int8_bytes": int8.size_bytes,
            "int8_version": int8.name,
            "bound_by": {
                "compress_operation_s": round(compress_s, 2),
                "ort_fp32_one_sample_us": _ort_single_row_us(fp32, one, runs=30),
                "ort_int8_one_sample_us": _ort_single_row_us(int8_bytes, one, runs=30),
            },
        }

    async def deploy(self) -> dict[str, Any]:
        triton = await self.direct_triton()
        objects = FilesystemObjectStore(self.workdir / "objects")
        kek = sealing.FileKek.load_or_create(self.workdir / "kek" / "model.kek")
        sealed_key, plain_key = "bench/model.sealed", "bench/model.onnx"
        context = {"model": "bench-mlp", "object": sealed_key}
        digest = hashlib.sha256(self.model).digest()

        async def chunks() -> Any:
            yield self.model

        await objects.put_stream(sealed_key, sealing.encrypt_stream(chunks(), kek, context))
        await objects.put(plain_key, self.model)

        async def read_plain() -> bytes:
            return b"".join([part async for part in objects.open(plain_key)])

        async def read_sealed() -> bytes:
            plaintext: bytes = await sealing.decrypt_all(objects.open(sealed_key), kek, context)
            return plaintext

        async def once(kind: str, index: int) -> dict[str, Any]:
            started = time.perf_counter()
            payload = await (read_sealed() if kind == "sealed" else read_plain())
            read_s = time.perf_counter() - started
            if hashlib.sha256(payload).digest() != digest:
                raise RuntimeError(f"{kind}: digest mismatch")
            verified = time.perf_counter()
            name = f"bench-deploy-{kind}-{index}"
            await triton.load(_deployable(name, payload))
            ready = time.perf_counter()
            await triton.unload(name)
            done = time.perf_counter()
            return {
                "kind": kind,
                "deploy_s": round(ready - started, 4),
                "read_s": round(read_s, 4),
                "sha256_s": round(verified - started - read_s, 4),
                "load_s": round(ready - verified, 4),
                "unload_s": round(done - ready, 4),
            }

        # Decrypt throughput alone (the primitive), then alternating deploys.
        await read_sealed()
        decrypts = []
        for _ in range(5):
            started = time.perf_counter()
            await read_sealed()
            decrypts.append(time.perf_counter() - started)
        plain_reads = []
        for _ in range(5):
            started = time.perf_counter()
            await read_plain()
            plain_reads.append(time.perf_counter() - started)
        runs: list[dict[str, Any]] = []
        for index in range(self.args.deploys):
            for kind in ("sealed", "plain") if index % 2 == 0 else ("plain", "sealed"):
                run = await once(kind, index)
                say(json.dumps(run))
                runs.append(run)

        def med(kind: str, key: str) -> float:
            return _median([r[key] for r in runs if r["kind"] == kind], 4)

        size_mb = len(self.model) / 1e6
        # Triton's load time swings by seconds from one load to the next (PyTriton binds a
        # model and polls for it), far more than decryption costs: the ratio with the
        # load time of all runs pooled isolates what sealing adds.
        load = _median([r["load_s"] for r in runs], 4)

        def same_load(kind: str) -> float:
            return med(kind, "read_s") + med(kind, "sha256_s") + load

        return {
            "encrypted_deploy_ratio": round(med("sealed", "deploy_s") / med("plain", "deploy_s"), 3),
            "encrypted_deploy_ratio_same_load": round(same_load("sealed") / same_load("plain"), 4),
            "sealing_added_s": round(med("sealed", "read_s") - med("plain", "read_s"), 4),
            "sealed_deploy_s": med("sealed", "deploy_s"),
            "plain_deploy_s": med("plain", "deploy_s"),
            "model_mb": round(size_mb, 1),
            "bound_by": {
                "aes_gcm_decrypt_mb_per_s": round(size_mb / statistics.median(decrypts), 1),
                "plain_read_mb_per_s": round(size_mb / statistics.median(plain_reads), 1),
                "decrypt_read_s": _median(decrypts, 4),
                "plain_read_s": _median(plain_reads, 4),
                "load_s_sealed": med("sealed", "load_s"),
                "load_s_plain": med("plain", "load_s"),
                "sha256_s": med("plain", "sha256_s"),
                "unload_s": _median([r["unload_s"] for r in runs], 4),
            },
            "runs": runs,
        }


async def _run(args: argparse.Namespace) -> dict[str, Any]:
    only = [f for f in args.only.split(",") if f]
    unknown = set(only) - set(FIGURES)
    if unknown:
        raise SystemExit(
            f"--only: unknown figure(s) {', '.join(sorted(unknown))}; pick from {', '.join(FIGURES)}"
        )
    workdir = Path(tempfile.mkdtemp(prefix="jipan-bench-inference-", dir="/tmp"))
    server_dsn = os.environ.get("JIPAN_DATABASE_URL", DEFAULT_DSN)
    settings = load_settings({}, data_dir=str(workdir / "bench"))
    model, width, single_row_us = sized_benchmark_model(fixed=args.default_model)
    size_mb, row_ms = len(model) / 1e6, single_row_us / 1000
    say(f"benchmark MLP: hidden width {width}, {size_mb:.1f} MB, one row {row_ms:.2f} ms")
    bench = Bench(args, workdir, settings, model=model)
    database = ""
    results: dict[str, Any] = {}
    started = time.monotonic()
    try:
        if {"gateway", "int8"} & set(only):
            database, bench.dsn = await create_database(server_dsn, "jipan_bench_inference")
        for figure in FIGURES:
            if figure in only:
                say(f"--- {figure}")
                results[figure] = await getattr(bench, figure)()
    finally:
        for close in reversed(bench.closers):
            with contextlib.suppress(Exception):
                await close()
        if database:
            with contextlib.suppress(Exception):
                await drop_database(server_dsn, database)
        shutil.rmtree(workdir, ignore_errors=True)
    headline = {
        key: value
        for figure in results.values()
        for key, value in figure.items()
        if key
        in (
            "gateway_ratio",
            "gateway_ratio_c1",
            "p50_added_us_c1",
            "p50_added_us_c16",
            "batching_gain",
            "int8_size_ratio",
            "int8_cosine",
            "encrypted_deploy_ratio",
            "encrypted_deploy_ratio_same_load",
        )
    }
    return {
        **headline,
        "host": {
            "cpu_model": cpu_model(),
            "nproc": os.cpu_count(),
            "loadavg_1m_start_end": [args.load_start, load_1m()],
            "python": platform.python_version(),
            "seconds": round(time.monotonic() - started, 1),
            "quick": args.quick,
            "event_loop": args.event_loop,
            "model_hidden_width": width,
            "model_bytes": len(model),
        },
        **results,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="a smoke run (~2 min), not a measurement")
    parser.add_argument("--only", default=",".join(FIGURES), help="comma-separated: " + ",".join(FIGURES))
    parser.add_argument("--rounds", type=int, default=5, help="direct/gateway rounds (batching: rounds/2+1)")
    parser.add_argument("--seconds", type=float, default=4.0, help="seconds per throughput phase")
    parser.add_argument("--latency-seconds", type=float, default=1.5, help="seconds of one caller per phase")
    parser.add_argument("--warmup", type=float, default=3.0, help="seconds of warm-up per target")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument(
        "--event-loop",
        default=EventLoop.UVLOOP.value,
        choices=[choice.value for choice in EventLoop],
        help="the server's JIPAN_EVENT_LOOP",
    )
    parser.add_argument(
        "--default-model",
        action="store_true",
        help="the MLP at its default width (25.3 MB), however fast this host runs it",
    )
    parser.add_argument("--deploys", type=int, default=5, help="sealed and plain deploys each")
    args = parser.parse_args()
    if args.quick:
        args.rounds, args.seconds, args.latency_seconds, args.warmup, args.deploys = 2, 1.5, 0.5, 1.0, 2
    args.load_start = load_1m()
    say(f"host: {cpu_model()}, {os.cpu_count()} CPUs, load {args.load_start}")
    result = asyncio.run(_run(args))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
