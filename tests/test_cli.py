"""The `jipan` command as a user runs it: a real subprocess on the embedded engines."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import asyncpg
import grpc
import psutil
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection_pb2, reflection_pb2_grpc

from jipan.interceptors.tokens import DEV_KEY_FILE
from jipan.servers import dev_mesh, identity
from jipan.servers.identity.dev_principals import (
    DEV_PERSON,
    DEV_PERSON_ID,
    DevPrincipals,
    ensure_dev_principals,
)
from jipan.servers.identity.organizations import Organizations, person_name
from jipan.servers.runtime.database import apply_migrations
from jipan.servers.runtime.pagination import PageTokens
from jipan.system.v1 import system_service_pb2 as pb
from jipan.system.v1 import system_service_pb2_grpc as pb_grpc

JIPAN = [sys.executable, "-m", "jipan.servers.cli"]


def _clean_env(data_dir: Path | None, state_home: Path | None = None, **extra: str) -> dict[str, str]:
    """The user's environment without JIPAN_* settings; `data_dir` as JIPAN_DATA_DIR when given.

    XDG_STATE_HOME is always a private folder, so the records `jipan up`
    keeps there are this test's own, never a developer's running mesh.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("JIPAN_")}
    if data_dir is not None:
        env["JIPAN_DATA_DIR"] = str(data_dir)
    base = state_home or data_dir
    assert base is not None
    env["XDG_STATE_HOME"] = str(state_home or base / "xdg-state")
    env.update(extra)
    return env


def _jipan(*args: str, env: dict[str, str], check: bool = False) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*JIPAN, *args], env=env, capture_output=True, text=True, timeout=60, check=check)


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


def _start_up(data_dir: Path, state_home: Path) -> tuple[subprocess.Popen[str], str]:
    proc = subprocess.Popen(
        [*JIPAN, "up", "--listen", "127.0.0.1:0", "--data-dir", str(data_dir)],
        env=_clean_env(data_dir, state_home),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
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
            return proc, match.group(1)
    proc.kill()
    pytest.fail("jipan up never became ready:\n" + "".join(lines))


@pytest.fixture
def up_process() -> Iterator[tuple[subprocess.Popen[str], str, Path]]:
    # Its own folder under /tmp, not pytest's: another pytest session run as
    # root resets /tmp/pytest-of-root to 0700, which the embedded PostgreSQL's
    # own user then cannot traverse.
    data_dir = Path(tempfile.mkdtemp(prefix="jipan-up-", dir="/tmp"))
    proc, address = _start_up(data_dir, data_dir / "xdg-state")
    try:
        yield proc, address, data_dir
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        shutil.rmtree(data_dir, ignore_errors=True)


def _stop(proc: subprocess.Popen[str]) -> str:
    proc.send_signal(signal.SIGTERM)
    out, _ = proc.communicate(timeout=60)
    assert proc.returncode == 0, out
    assert "jipan stopped" in out
    return out


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

    # A second terminal: no JIPAN_DATA_DIR, only the record jipan up keeps.
    terminal = _clean_env(None, data_dir / "xdg-state")
    status = json.loads(_jipan("status", "--json", env=terminal, check=True).stdout)
    assert [(s["pid"], s["address"], s["data_dir"]) for s in status] == [
        (proc.pid, address, str(data_dir.resolve()))
    ]
    # The Connect gateway beside it (a free port: the gRPC one is free too), on localhost.
    gateway = status[0]["gateway"]
    assert re.fullmatch(r"http://localhost:\d+", gateway), gateway
    call = urllib.request.Request(
        f"{gateway}/jipan.system.v1.SystemService/GetWhoAmI",
        data=b"{}",
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {banner_token}"},
    )
    with urllib.request.urlopen(call, timeout=30) as answer:
        assert json.loads(answer.read())["principal"]["subject"] == dev_mesh.DEV_PERSON
    token = _jipan(
        "token",
        "--dev",
        "--sub",
        "people/carol",
        "--org",
        "orgs/moda",
        "--scope",
        "openid",
        env=terminal,
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
        # The banner's token carries every scope the served contracts declare,
        # and names the development person jipan up provides.
        banner_whoami = pb_grpc.SystemServiceStub(channel).GetWhoAmI(
            pb.GetWhoAmIRequest(), metadata=(("authorization", f"Bearer {banner_token}"),), timeout=10
        )
        assert {"ledger.anchor", "ledger.read"} <= set(banner_whoami.principal.scopes)
        assert banner_whoami.principal.subject == DEV_PERSON
        all_grants = _jipan("token", "--dev", "--all-grants", env=terminal, check=True).stdout.strip()
        same = pb_grpc.SystemServiceStub(channel).GetWhoAmI(
            pb.GetWhoAmIRequest(), metadata=(("authorization", f"Bearer {all_grants}"),), timeout=10
        )
        assert sorted(same.principal.scopes) == sorted(banner_whoami.principal.scopes)

    # `jipan token --dev` (no --sub) is the development person, an admin of orgs/dev in identity.
    dev = _jipan("token", "--dev", env=terminal, check=True).stdout.strip()
    memberships = _grpcurl(
        "-H",
        f"authorization: Bearer {dev}",
        "-d",
        '{"parent": "orgs/dev"}',
        address,
        "jipan.identity.v1.OrganizationService/ListMemberships",
    )
    assert [(m["person"], m["roles"]) for m in memberships["memberships"]] == [(DEV_PERSON, ["admin"])]

    _stop(proc)
    deadline = time.monotonic() + 10
    while _postgres_for(data_dir) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _postgres_for(data_dir), "SIGTERM must stop the embedded PostgreSQL too"
    # Stopped: the record is gone, and a dev token is refused, not made with a new key.
    assert not list((data_dir / "xdg-state" / "jipan" / "up").glob("*.json"))
    refused = _jipan("token", "--dev", env=terminal)
    assert refused.returncode == 1
    assert "no `jipan up` is running" in refused.stderr
    assert refused.stdout == ""


def _grpcurl(*args: str) -> dict[str, Any]:
    """grpcurl (the dev extra's binary) with -plaintext, its JSON answer parsed."""
    grpcurl = Path(sys.executable).parent / "grpcurl"
    if not grpcurl.exists():
        pytest.skip("grpcurl is not in this environment (the dev extra ships it for linux/x86_64 only)")
    result = subprocess.run(
        [str(grpcurl), "-plaintext", *args], capture_output=True, text=True, timeout=30, check=False
    )
    assert result.returncode == 0, result.stderr
    answer: dict[str, Any] = json.loads(result.stdout)
    return answer


def test_restart_after_a_kill_finds_the_stale_record_and_keeps_the_dev_person() -> None:
    """SIGKILL leaves jipan up's record behind: it is detected as stale (its pid is gone), and the
    next jipan up on the same data dir provides the same development person, once."""
    data_dir = Path(tempfile.mkdtemp(prefix="jipan-up-", dir="/tmp"))
    state_home = data_dir / "xdg-state"
    terminal = _clean_env(None, state_home)
    try:
        first, _ = _start_up(data_dir, state_home)
        first.kill()
        first.wait()
        status = _jipan("status", env=terminal)
        assert status.returncode == 1
        assert f"a jipan up that is gone (pid {first.pid}" in status.stderr
        assert not list((state_home / "jipan" / "up").glob("*.json")), "the stale record is removed"

        second, address = _start_up(data_dir, state_home)
        try:
            dev = _jipan("token", "--dev", env=terminal, check=True).stdout.strip()
            memberships = _grpcurl(
                "-H",
                f"authorization: Bearer {dev}",
                "-d",
                '{"parent": "orgs/dev"}',
                address,
                "jipan.identity.v1.OrganizationService/ListMemberships",
            )
            assert [m["person"] for m in memberships["memberships"]] == [DEV_PERSON]
            _stop(second)
        finally:
            if second.poll() is None:
                second.kill()
                second.wait()
    finally:
        for proc in _postgres_for(data_dir):  # the killed run's PostgreSQL, if the second run did not stop it
            with contextlib.suppress(psutil.NoSuchProcess):
                proc.kill()
        shutil.rmtree(data_dir, ignore_errors=True)


def test_token_without_a_running_mesh_never_makes_a_key(tmp_path: Path) -> None:
    env = _clean_env(None, tmp_path / "state", XDG_DATA_HOME=str(tmp_path / "data"), HOME=str(tmp_path))
    default_key = Path("/var/lib/jipan") / DEV_KEY_FILE  # root's default data dir
    had_default_key = default_key.exists()
    result = _jipan("token", "--dev", env=env)
    assert result.returncode == 1
    assert "no `jipan up` is running" in result.stderr
    assert "scripts/up" in result.stderr
    assert "--data-dir" in result.stderr
    assert result.stdout == ""
    named = _jipan("token", "--dev", "--data-dir", str(tmp_path / "elsewhere"), env=env)
    assert named.returncode == 1
    assert "no development key in" in named.stderr
    assert not list(tmp_path.rglob(DEV_KEY_FILE)), "no key made anywhere"
    assert default_key.exists() == had_default_key


def test_stale_and_ambiguous_records(tmp_path: Path) -> None:
    """A record whose pid is gone, or is now another process, is stale; two live ones need a choice."""
    exited = subprocess.Popen(["true"])
    exited.wait()
    me = os.getpid()

    def mesh(pid: int, start: float, port: int) -> dev_mesh.DevMesh:
        return dev_mesh.DevMesh(
            pid=pid,
            process_start=start,
            address=f"127.0.0.1:{port}",
            data_dir=str(tmp_path / str(port)),
            token_issuer="https://jipan.local/dev",
            token_audience="jipan",
            tls=False,
            dev_person=DEV_PERSON,
            dev_org="orgs/dev",
        )

    records = tmp_path / "state" / "jipan" / "up"
    dev_mesh.record(mesh(exited.pid, time.time() - 5, 1), records)
    reused = dev_mesh.record(
        mesh(me, dev_mesh.process_start(me) - 3600, 2), records
    )  # same pid, other process
    found = dev_mesh.survey(records)
    assert found.running == []
    assert sorted(m.pid for m in found.stale) == sorted([exited.pid, me])
    assert not reused.exists()

    dev_mesh.record(mesh(me, dev_mesh.process_start(me), 3), records)
    dev_mesh.record(mesh(os.getppid(), dev_mesh.process_start(os.getppid()), 4), records)
    (records / "garbage.json").write_text("{not json")
    result = _jipan("token", "--dev", env=_clean_env(None, tmp_path / "state"))
    assert result.returncode == 1
    assert "several `jipan up` are running" in result.stderr
    assert "ignoring an unreadable record" in result.stderr


async def test_dev_principals_are_provided_idempotently(database_url: str) -> None:
    pool = await asyncpg.create_pool(database_url, min_size=1, max_size=2)
    try:
        await apply_migrations(pool, identity.SCHEMA, identity.MIGRATIONS)
        first = await ensure_dev_principals(pool)
        assert first == DevPrincipals(DEV_PERSON, "orgs/dev", ("admin",))
        assert person_name(DEV_PERSON_ID) == DEV_PERSON, "the name identity gives the person"
        assert await ensure_dev_principals(pool) == first
        # Someone changed the roles: a restart gives admin back and keeps the rest.
        await pool.execute(
            "UPDATE identity.memberships SET roles = '{auditor}' WHERE org_id = 'dev' AND person_id = $1",
            DEV_PERSON_ID,
        )
        assert (await ensure_dev_principals(pool)).roles == ("admin", "auditor")
        counts = await pool.fetchrow(
            "SELECT (SELECT count(*) FROM identity.people WHERE user_name = 'dev') AS people,"
            " (SELECT count(*) FROM identity.memberships WHERE org_id = 'dev') AS members"
        )
        assert counts is not None
        assert (counts["people"], counts["members"]) == (1, 1)
        organizations = Organizations(pool, PageTokens(b"k" * 32))
        assert await organizations.caller(DEV_PERSON) == DEV_PERSON_ID
        await organizations.require_admin(DEV_PERSON_ID, "dev")
    finally:
        await pool.close()


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
