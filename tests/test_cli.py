"""The `jipan` command as a user runs it: a real subprocess on the embedded engines."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import grpc
import psutil
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection_pb2, reflection_pb2_grpc

from jipan.system.v1 import system_service_pb2 as pb
from jipan.system.v1 import system_service_pb2_grpc as pb_grpc

JIPAN = [sys.executable, "-m", "jipan.servers.cli"]


def _clean_env(data_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("JIPAN_")}
    env["JIPAN_DATA_DIR"] = str(data_dir)
    env.update(extra)
    return env


def _postgres_for(data_dir: Path) -> list[psutil.Process]:
    found = []
    for proc in psutil.process_iter(["name", "cmdline"]):
        try:
            cmdline = " ".join(proc.info["cmdline"] or [])
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
        if "postgres" in (proc.info["name"] or "") and str(data_dir) in cmdline:
            found.append(proc)
    return found


@pytest.fixture
def up_process() -> Iterator[tuple[subprocess.Popen[str], str, Path]]:
    # Its own folder under /tmp, not pytest's: another pytest session run as
    # root resets /tmp/pytest-of-root to 0700, which the embedded PostgreSQL's
    # own user then cannot traverse.
    data_dir = Path(tempfile.mkdtemp(prefix="jipan-up-", dir="/tmp"))
    proc = subprocess.Popen(
        [*JIPAN, "up", "--listen", "127.0.0.1:0", "--data-dir", str(data_dir)],
        env=_clean_env(data_dir),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    address = ""
    lines: list[str] = []
    deadline = time.monotonic() + 120
    assert proc.stdout is not None
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        lines.append(line)
        match = re.match(r"jipan ready on (\S+) ", line)
        if match:
            address = match.group(1)
            break
    if not address:
        proc.kill()
        pytest.fail("jipan up never became ready:\n" + "".join(lines))
    try:
        yield proc, address, data_dir
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        shutil.rmtree(data_dir, ignore_errors=True)


def test_up_serves_and_stops_cleanly(up_process: tuple[subprocess.Popen[str], str, Path]) -> None:
    proc, address, data_dir = up_process
    assert _postgres_for(data_dir), "jipan up runs the embedded PostgreSQL under its data dir"
    assert proc.stdout is not None
    banner_token = ""
    for _ in range(10):
        match = re.search(r"export JIPAN_TOKEN='([^']+)'", proc.stdout.readline())
        if match:
            banner_token = match.group(1)
            break
    assert banner_token, "the ready banner prints a ready-to-use development token"

    token = subprocess.run(
        [
            *JIPAN,
            "token",
            "--dev",
            "--sub",
            "people/carol",
            "--org",
            "orgs/moda",
            "--scope",
            "openid",
            "--data-dir",
            str(data_dir),
        ],
        env=_clean_env(data_dir),
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()

    with grpc.insecure_channel(address) as channel:
        health = health_pb2_grpc.HealthStub(channel).Check(
            health_pb2.HealthCheckRequest(service=""), timeout=10
        )
        assert health.status == health_pb2.HealthCheckResponse.SERVING
        reflection = reflection_pb2_grpc.ServerReflectionStub(channel)
        responses = reflection.ServerReflectionInfo(
            iter([reflection_pb2.ServerReflectionRequest(list_services="")])
        )
        names = {s.name for r in responses for s in r.list_services_response.service}
        assert {"jipan.system.v1.SystemService", "grpc.health.v1.Health"} <= names
        whoami = pb_grpc.SystemServiceStub(channel).GetWhoAmI(
            pb.GetWhoAmIRequest(), metadata=(("authorization", f"Bearer {token}"),), timeout=10
        )
        assert whoami.principal.subject == "people/carol"
        # The banner's token carries every scope the served contracts declare.
        banner_whoami = pb_grpc.SystemServiceStub(channel).GetWhoAmI(
            pb.GetWhoAmIRequest(), metadata=(("authorization", f"Bearer {banner_token}"),), timeout=10
        )
        assert {"ledger.anchor", "ledger.read"} <= set(banner_whoami.principal.scopes)

    proc.send_signal(signal.SIGTERM)
    out, _ = proc.communicate(timeout=60)
    assert proc.returncode == 0, out
    assert "jipan stopped" in out
    deadline = time.monotonic() + 10
    while _postgres_for(data_dir) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _postgres_for(data_dir), "SIGTERM must stop the embedded PostgreSQL too"


def test_config_redacts_secrets(tmp_path: Path) -> None:
    out = subprocess.run(
        [*JIPAN, "config"],
        env=_clean_env(tmp_path, JIPAN_DATABASE_URL="postgresql://app:hunter2@db.example/jipan"),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    shown = json.loads(out)
    assert shown["database_url"] == "**********"
    assert "hunter2" not in out
    assert shown["data_dir"] == str(tmp_path)


def test_token_refuses_with_a_real_issuer(tmp_path: Path) -> None:
    result = subprocess.run(
        [*JIPAN, "token", "--dev"],
        env=_clean_env(tmp_path, JIPAN_IDENTITY_TARGET="identity.gov.example:443"),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert "refusing" in result.stderr
    assert result.stdout == ""


def test_invalid_configuration_is_reported_not_raised(tmp_path: Path) -> None:
    result = subprocess.run(
        [*JIPAN, "config"], env=_clean_env(tmp_path, JIPAN_LISTEN="no-port"), capture_output=True, text=True
    )
    assert result.returncode == 2
    assert "invalid configuration" in result.stderr
    assert "Traceback" not in result.stderr


def test_serve_rejects_unknown_service(tmp_path: Path) -> None:
    result = subprocess.run(
        [*JIPAN, "serve", "nosuch"], env=_clean_env(tmp_path), capture_output=True, text=True
    )
    assert result.returncode == 2
    assert "unknown service" in result.stderr


def test_migrate_applies_and_is_idempotent(database_url: str, tmp_path: Path) -> None:
    env = _clean_env(tmp_path, JIPAN_DATABASE_URL=database_url)
    for _ in range(2):
        result = subprocess.run([*JIPAN, "migrate"], env=env, capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "migrations up to date: system" in result.stdout
