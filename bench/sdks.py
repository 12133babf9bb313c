"""Unary GetWhoAmI round trips per second from each SDK against one `jipan up`.

    JIPAN_TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres \\
        .venv/bin/python -m bench.sdks [--seconds 5] [--concurrency 16]

One `jipan up` (every service, dev mode, built-in models off) on a fresh
database, seeded as tests/sdks does (a service account with a key). Each SDK's
example (sdk/<lang>/) runs in bench mode (JIPAN_BENCH_SECONDS,
JIPAN_BENCH_CONCURRENCY): it gets its token with the service-account
assertion, makes one warm-up call, then `concurrency` concurrent callers
(coroutines, promises, goroutines or threads, as the language does it) call
GetWhoAmI for `seconds` and it prints the rate. The SDKs run one after
another against the same server, so the server's own cost is in every number;
ratio_<lang> = rps_<lang> / rps_python; server_cpu_ms_per_call_<lang> is the
server's CPU time per call while that SDK ran. An SDK whose toolchain or build is
missing is left out (a missing key, never a zero) and named under "missing".
The last line is JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

from bench.host import cpu_model, create_database, drop_database
from tests.sdks.conftest import ROOT, SdkMesh, running_sdk_mesh

BUILD = ROOT / "build" / "sdks"
RPS = re.compile(r"^rps ([0-9.]+)$", re.MULTILINE)


def _built(lang: str) -> list[str] | None:
    """The command that runs `lang`'s example, building it first; None when it cannot be built."""
    try:
        if lang == "python":
            return [sys.executable, str(ROOT / "sdk/python/example.py")]
        if lang == "betterproto":
            return [sys.executable, str(ROOT / "sdk/python/example_betterproto.py")]
        if lang == "ts":
            subprocess.run(
                [str(ROOT / "node_modules/.bin/tsc"), "-p", str(ROOT / "sdk/ts/tsconfig.json")], check=True
            )
            return ["node", str(ROOT / "sdk/ts/dist/sdk/ts/example/example.js")]
        if lang == "go":
            subprocess.run([str(ROOT / "sdk/go/build.sh"), str(BUILD / "go")], check=True)
            return [str(BUILD / "go" / "example")]
        if lang == "java":
            subprocess.run([str(ROOT / "sdk/java/build.sh"), str(BUILD / "java")], check=True)
            classpath = (BUILD / "java" / "classpath").read_text().strip()
            return ["java", "-cp", classpath, "tw.jipan.sdk.example.Example"]
        if lang == "cpp":
            build = Path(os.environ.get("JIPAN_SDK_CPP_BUILD_DIR") or BUILD / "cpp")
            packages = "-DJIPAN_PACKAGES=common;system;identity;procurement"
            subprocess.run(["cmake", "-S", str(ROOT / "sdk/cpp"), "-B", str(build), packages], check=True)
            jobs = str(os.cpu_count() or 2)
            subprocess.run(
                ["cmake", "--build", str(build), "-j", jobs, "--target", "jipan_example"], check=True
            )
            return [str(build / "jipan_example")]
    except (OSError, subprocess.CalledProcessError) as exc:
        print(f"{lang}: not built ({exc})", file=sys.stderr)
    return None


def _cpu_s(pid: int) -> float:
    """CPU seconds of the server process and any children it runs."""
    process = psutil.Process(pid)
    total = 0.0
    for each in [process, *process.children(recursive=True)]:
        try:
            times = each.cpu_times()
        except psutil.Error:
            continue
        total += times.user + times.system
    return total


def _run(mesh: SdkMesh, command: list[str], seconds: float, concurrency: int) -> tuple[float, float]:
    """(round trips per second, the server's CPU milliseconds per call)."""
    env = mesh.env() | {"JIPAN_BENCH_SECONDS": str(seconds), "JIPAN_BENCH_CONCURRENCY": str(concurrency)}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "gen/betterproto"), str(ROOT / "sdk/python")])
    before = _cpu_s(mesh.pid)
    run = subprocess.run(command, env=env, capture_output=True, text=True, timeout=seconds + 120)
    cpu = _cpu_s(mesh.pid) - before
    match = RPS.search(run.stdout)
    if run.returncode != 0 or match is None:
        raise RuntimeError(f"{command[0]} failed: {run.stdout[-2000:]}{run.stderr[-2000:]}")
    rps = float(match.group(1))
    # Includes the token issuance and warm-up call, a few ms against thousands of calls.
    return rps, cpu / max(rps * seconds, 1) * 1000


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--langs", default="python,betterproto,ts,go,java,cpp")
    args = parser.parse_args()
    server_dsn = os.environ.get("JIPAN_TEST_DATABASE_URL") or os.environ.get("JIPAN_BENCH_DATABASE_URL")
    if not server_dsn:
        raise SystemExit("set JIPAN_TEST_DATABASE_URL (a PostgreSQL superuser DSN)")
    langs = args.langs.split(",")
    commands = {lang: _built(lang) for lang in langs}
    name, dsn = await create_database(server_dsn, "jipan_bench_sdks")
    result: dict[str, object] = {
        "cpu": cpu_model(),
        "cpus": os.cpu_count(),
        "seconds": args.seconds,
        "concurrency": args.concurrency,
    }
    missing = [lang for lang, command in commands.items() if command is None]
    started = time.monotonic()
    try:
        with tempfile.TemporaryDirectory() as work:
            async with running_sdk_mesh(dsn, Path(work)) as mesh:
                for lang, command in commands.items():
                    if command is None:
                        continue
                    try:
                        rps, cpu_ms = await asyncio.to_thread(
                            _run, mesh, command, args.seconds, args.concurrency
                        )
                    except RuntimeError as exc:
                        print(f"{lang}: {exc}", file=sys.stderr)
                        missing.append(lang)
                        continue
                    result[f"rps_{lang}"] = round(rps, 1)
                    result[f"server_cpu_ms_per_call_{lang}"] = round(cpu_ms, 1)
                    print(f"{lang}: {rps:.1f} round trips/s", file=sys.stderr)
    finally:
        await drop_database(server_dsn, name)
    python = result.get("rps_python")
    if isinstance(python, float) and python > 0:
        for lang in langs:
            value = result.get(f"rps_{lang}")
            if isinstance(value, float):
                result[f"ratio_{lang}"] = round(value / python, 2)
    result["missing"] = missing
    result["took_s"] = round(time.monotonic() - started, 1)
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    asyncio.run(main())
