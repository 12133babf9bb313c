"""Every registered service served by a real `jipan serve` subprocess (no tests here).

The auth-matrix and fuzz suites call the mesh from outside, as an attacker
would: a crash in the server (a SIGSEGV from deep recursion in C) shows as a
dead process with an exit code instead of killing pytest, and its memory is
read with psutil. The server runs every module of `jipan.servers.registry`
(so a new service is served the day it is registered) on its own database,
created on the session's PostgreSQL and dropped afterwards, so what the
suites create never shows up in another module's listings.
"""

from __future__ import annotations

import asyncio
import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import grpc
import psutil

from jipan.interceptors.tokens import DevSigningKey, mint_access_token
from tests.conftest import fresh_database

ISSUER = "https://identity.jipan.test"
AUDIENCE = "jipan-tests"
RP_ID = "passport.jipan.test"
ORIGIN = "https://passport.jipan.test"
READY = re.compile(r"jipan ready on (\S+) .*services: (.*)$")


# Run in a fresh interpreter, then exec'd into the real command (same pid): SIGTERM when the
# thread that started it dies, however pytest dies (Linux), so a killed test run never leaves a
# server (and its database connections) behind. Not a `preexec_fn`: that makes subprocess fork()
# and run Python in the child before exec, while gRPC's threads in pytest may hold locks (gRPC
# then skips its fork handlers and the child can hang before exec, never printing "ready").
_EXIT_WITH_PARENT = """
import ctypes, os, signal, sys
if sys.platform == "linux":
    ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    if os.getppid() != int(sys.argv[1]):
        sys.exit(143)  # the parent died before prctl took effect
os.execv(sys.argv[2], sys.argv[2:])
"""


def process_gone(process: psutil.Process) -> bool:
    """True once `process` exited: reaped, a zombie (the sandbox's init reaps lazily), or one
    that exits between psutil's two questions."""
    try:
        return not process.is_running() or process.status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True


def exiting_with_parent(argv: Sequence[str]) -> list[str]:
    """`argv` (an absolute executable first) run so that it ends when pytest does."""
    return [sys.executable, "-c", _EXIT_WITH_PARENT, str(os.getpid()), *argv]


@dataclass
class ServedMesh:
    """A `jipan serve <every registered module>` process and a channel to it."""

    data_dir: Path
    database_url: str
    env_overrides: dict[str, str] = field(default_factory=dict)
    process: subprocess.Popen[str] | None = None
    address: str = ""
    services: tuple[str, ...] = ()
    channel: grpc.aio.Channel | None = None
    output: list[str] = field(default_factory=list)
    restarts: int = 0
    baseline_rss: int = 0
    """Resident memory right after the (last) start: growth is measured from here."""

    @property
    def dev_key(self) -> DevSigningKey:
        return DevSigningKey.load_or_create(self.data_dir)

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("JIPAN_")}
        env.update(
            {
                "JIPAN_DATABASE_URL": self.database_url,
                "JIPAN_DATA_DIR": str(self.data_dir),
                "JIPAN_LISTEN": "127.0.0.1:0",
                "JIPAN_GRACE_PERIOD_S": "1",
                "JIPAN_TOKEN_ISSUER": ISSUER,
                "JIPAN_TOKEN_AUDIENCE": AUDIENCE,
                "JIPAN_SIGNING_KEY_SECRET": "tests-only secret for the subprocess mesh (>= 32 chars)",
                "JIPAN_WEBAUTHN_RP_ID": RP_ID,
                "JIPAN_WEBAUTHN_ORIGINS": ORIGIN,
                "JIPAN_LEDGER_BATCH_WINDOW_S": "0.05",
                "JIPAN_LOG_LEVEL": "warning",
            }
        )
        env.update(self.env_overrides)
        return env

    async def start(self, modules: Sequence[str]) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.dev_key  # noqa: B018 - created before the server reads it, so both agree on one key
        self.process = subprocess.Popen(
            exiting_with_parent([sys.executable, "-m", "jipan.servers.cli", "serve", *modules]),
            env=self.env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        try:
            # readline blocks while the server prints nothing: the deadline is kept out here.
            ready = await asyncio.wait_for(asyncio.to_thread(self._wait_ready, 180.0), 185.0)
        except TimeoutError:
            ready = False
        if not ready:
            self.process.kill()
            raise AssertionError("jipan serve never became ready:\n" + "".join(self.output[-60:]))
        # Keep draining the output, or a chatty server blocks on a full pipe.
        threading.Thread(target=self._drain, args=(self.process,), daemon=True).start()
        self.channel = grpc.aio.insecure_channel(
            self.address,
            options=[
                ("grpc.max_send_message_length", 64 << 20),
                ("grpc.max_receive_message_length", 64 << 20),
            ],
        )
        self._modules = tuple(modules)
        self.baseline_rss = self.rss_bytes()

    def _wait_ready(self, timeout: float) -> bool:
        assert self.process is not None
        assert self.process.stdout is not None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if not line:
                return False
            self.output.append(line)
            match = READY.search(line.strip())
            if match:
                self.address = match.group(1)
                self.services = tuple(s.strip() for s in match.group(2).split(","))
                return True
        return False

    def _drain(self, process: subprocess.Popen[str]) -> None:
        assert process.stdout is not None
        for line in process.stdout:
            self.output.append(line)
            if len(self.output) > 2000:
                del self.output[:1000]

    @property
    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    @property
    def exit_status(self) -> int | None:
        return None if self.process is None else self.process.poll()

    async def wait_for_exit(self, timeout: float) -> None:
        """Give a process that lost its connections a moment to exit (no-op while it serves)."""
        deadline = time.monotonic() + timeout
        while self.alive and time.monotonic() < deadline:
            await asyncio.sleep(0.1)

    def rss_bytes(self) -> int:
        assert self.process is not None
        return int(psutil.Process(self.process.pid).memory_info().rss)

    async def restart(self) -> None:
        """Start again after a crash (the suite goes on, and reports the crash)."""
        await self.stop()
        self.restarts += 1
        await self.start(self._modules)

    async def stop(self) -> None:
        if self.channel is not None:
            await self.channel.close()
            self.channel = None
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                await asyncio.to_thread(self.process.wait, 30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                await asyncio.to_thread(self.process.wait)

    def token(
        self,
        *,
        subject: str = "people/0123456789abcdef0123456789abcdef",
        scopes: Sequence[str] = (),
        org: str | None = None,
        roles: Sequence[str] = (),
        ttl_s: int = 900,
        key: Any = None,
        audience: str = AUDIENCE,
        issuer: str = ISSUER,
        extra: dict[str, Any] | None = None,
    ) -> str:
        return mint_access_token(
            key or self.dev_key,
            subject=subject,
            audience=audience,
            issuer=issuer,
            scopes=list(scopes),
            org=org,
            roles=list(roles),
            ttl_s=ttl_s,
            extra=extra,
        )


@asynccontextmanager
async def served_mesh(database_url: str, data_dir: Path, **env: str) -> AsyncIterator[ServedMesh]:
    """Every registered module in one subprocess, on a database of its own."""
    from tests.descriptor_walk import registered_modules

    # A database of its own on the session's server (dropped afterwards).
    async with fresh_database(database_url, "jipan_sub") as own_database:
        mesh = ServedMesh(data_dir, own_database, env_overrides=dict(env))
        await mesh.start(list(registered_modules()))
        try:
            yield mesh
        finally:
            await mesh.stop()
