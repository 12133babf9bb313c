"""How long `jipan serve SERVICE` takes from process start to its ready line.

Usage:
    python bench/startup.py [--services identity,ledger,procurement+ledger] [--runs 3]

What a restart after a crash costs before the process serves again, and
what every test or bench that starts a server subprocess waits for. Each
run starts `python -m jipan.servers.cli serve --listen 127.0.0.1:0 SERVICE...`
("procurement+ledger": both in one process)
on a database of its own (created on the PostgreSQL of JIPAN_DATABASE_URL /
JIPAN_TEST_DATABASE_URL, default the host's, and dropped afterwards; the
first run of each service applies its migrations, later runs find them
applied, as a restart does), waits for `jipan ready`, and stops it with
SIGTERM. Prints each run, and last a JSON line: per service the median
seconds to ready over the runs after the first (`<service>_restart_s`) and
the first run's (`<service>_first_s`).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.host import cpu_model, create_database, drop_database  # noqa: E402

DSN = os.environ.get(
    "JIPAN_DATABASE_URL",
    os.environ.get("JIPAN_TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres"),
)


def _time_to_ready(service: str, dsn: str, data_dir: Path) -> float:
    env = dict(os.environ, JIPAN_DATABASE_URL=dsn)
    started = time.perf_counter()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "jipan.servers.cli",
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--data-dir",
            str(data_dir),
            *service.split("+"),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert proc.stdout is not None
    tail: list[str] = []
    try:
        for line in proc.stdout:
            if "jipan ready" in line:
                return time.perf_counter() - started
            tail = [*tail[-4:], line.rstrip()]
        lines = "\n".join(tail)
        raise RuntimeError(f"jipan serve {service} exited with {proc.wait()} before it was ready:\n{lines}")
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--services", default="identity,ledger,procurement+ledger")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    out: dict[str, float | str] = {}
    for service in args.services.split(","):
        database, dsn = asyncio.run(create_database(DSN, "jipan_startup"))
        try:
            with tempfile.TemporaryDirectory(prefix="jipan-startup-") as tmp:
                runs = []
                for run in range(args.runs):
                    seconds = _time_to_ready(service, dsn, Path(tmp))
                    runs.append(seconds)
                    print(f"jipan serve {service}, run {run + 1}: ready after {seconds:.2f} s", flush=True)
        finally:
            asyncio.run(drop_database(DSN, database))
        out[f"{service}_first_s"] = round(runs[0], 2)
        out[f"{service}_restart_s"] = round(statistics.median(runs[1:] or runs), 2)
    out["cpu"] = cpu_model()
    print(json.dumps(out))


if __name__ == "__main__":
    main()
