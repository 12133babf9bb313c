"""The embedded Triton: nvidia-pytriton's tritonserver in a child process of the Jipan server.

The child (`host.py`) runs in a session of its own, so a Ctrl-C to the
server's process group does not kill Triton under the gateway's feet; the
server's graceful shutdown calls `close()`, which stops Triton and then kills
the child's process group. If the server dies without closing (SIGKILL), the
child gets SIGTERM from the kernel (PR_SET_PDEATHSIG) and the socket between
them closes, either of which stops Triton; tritonserver has its own PDEATHSIG
towards the child. Model bytes reach the child over that socket and stay in
memory.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

import structlog

from jipan.servers.inference.names import DOMAIN
from jipan.servers.inference.serving.backend import Deployable, ModelFormat
from jipan.servers.inference.serving.datatypes import numpy_dtype
from jipan.servers.inference.serving.frames import (
    FrameError,
    Header,
    deployable_header,
    encode,
    read_frame_async,
)
from jipan.servers.inference.serving.host import ACCESS_HEADER
from jipan.servers.runtime import errors
from jipan.servers.runtime.errors import InvalidArgument, Unavailable
from jipan.servers.runtime.owned import OwnedTasks
from jipan.servers.runtime.settings import ConfigError, Settings

log = structlog.get_logger(__name__)

DEFAULT_BUILTIN_LOADER = "jipan.servers.inference.builtin:load_runtime"
_WORKSPACE_PREFIX = "jt-"
_STOP_TIMEOUT_S = 20.0
_COMMAND_TIMEOUT_S = 300.0
MAX_SERVING_NAME = 60
"""PyTriton puts `<workspace>/<name>_0_0-server.sock` in a unix socket path (108 bytes at most)."""


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_workspaces(root: Path | None = None) -> list[Path]:
    """Remove workspaces whose owner died without closing (SIGKILL): PyTriton copies ~30 MB into each."""
    removed = []
    for path in Path(root or tempfile.gettempdir()).glob(f"{_WORKSPACE_PREFIX}*-*"):
        owner = path.name[len(_WORKSPACE_PREFIX) :].split("-", 1)[0]
        if owner.isdigit() and not _pid_alive(int(owner)) and path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


class EmbeddedTriton:
    """`ServingBackend` on a tritonserver this process starts (kind "embedded")."""

    kind = "embedded"

    def __init__(
        self,
        settings: Settings,
        *,
        dynamic_batching: bool = True,
        max_queue_delay_us: int = 1000,
        intra_op_threads: int = 1,
        builtin_loader: str = DEFAULT_BUILTIN_LOADER,
        log_verbose: int = 0,
    ) -> None:
        """`builtin_loader` is "module:function" imported in the child (it runs the built-ins)."""
        self._startup_timeout_s = settings.triton_startup_timeout_s
        self._dynamic_batching = dynamic_batching
        self._max_queue_delay_us = max_queue_delay_us
        self._intra_op_threads = intra_op_threads
        self._builtin_loader = builtin_loader
        self._log_verbose = log_verbose
        self._token = secrets.token_urlsafe(32)
        self._target = "127.0.0.1:0"
        """Port 0 until `start` picks one: nothing listens there."""
        self._process: asyncio.subprocess.Process | None = None
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None
        self._workspace: Path | None = None
        self._lock = asyncio.Lock()
        self._exchanges = OwnedTasks("embedded Triton: a command")
        """Commands whose caller may have stopped waiting: each runs to its reply (see _command)."""
        self._loaded: set[str] = set()

    @property
    def target(self) -> str:
        return self._target

    @property
    def metadata(self) -> tuple[tuple[str, str], ...]:
        return ((ACCESS_HEADER, self._token),)

    @property
    def secure(self) -> bool:
        return False

    @property
    def pid(self) -> int | None:
        """The host child's pid (its process group holds tritonserver)."""
        return self._process.pid if self._process is not None else None

    @property
    def loaded(self) -> frozenset[str]:
        return frozenset(self._loaded)

    async def start(self) -> None:
        started = time.monotonic()
        for stale in remove_stale_workspaces():
            log.info("triton_stale_workspace_removed", path=str(stale))
        self._workspace = Path(tempfile.mkdtemp(prefix=f"{_WORKSPACE_PREFIX}{os.getpid()}-"))
        ports = [_free_port() for _ in range(3)]
        ours, theirs = socket.socketpair()
        env = dict(os.environ)
        libdir = str(sysconfig.get_config_var("LIBDIR") or "")
        env["LD_LIBRARY_PATH"] = ":".join(p for p in (libdir, env.get("LD_LIBRARY_PATH", "")) if p)
        log.info("triton_starting", grpc_port=ports[0], workspace=str(self._workspace))
        try:
            self._process = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "jipan.servers.inference.serving.host",
                str(theirs.fileno()),
                str(os.getpid()),
                pass_fds=(theirs.fileno(),),
                start_new_session=True,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                env=env,
            )
        finally:
            theirs.close()
        self._reader, self._writer = await asyncio.open_connection(sock=ours)
        start: Header = {
            "op": "start",
            "token": self._token,
            "grpc_port": ports[0],
            "http_port": ports[1],
            "metrics_port": ports[2],
            "workspace": str(self._workspace / "w"),
            "workspace_root": str(self._workspace),
            "dynamic_batching": self._dynamic_batching,
            "max_queue_delay_us": self._max_queue_delay_us,
            "intra_op_threads": self._intra_op_threads,
            "builtin_loader": self._builtin_loader,
            "log_verbose": self._log_verbose,
        }
        try:
            reply = await asyncio.wait_for(self._exchange(start), self._startup_timeout_s)
        except (TimeoutError, Unavailable) as error:
            await self._kill()
            raise ConfigError(
                f"the embedded tritonserver did not become ready within {self._startup_timeout_s}s: {error}"
            ) from error
        if not reply.get("ok"):
            await self._kill()
            raise ConfigError(f"the embedded tritonserver did not start: {reply.get('message')}")
        # Named only now that tritonserver listens: the gateway opens its channel for this address.
        self._target = f"127.0.0.1:{ports[0]}"
        log.info(
            "triton_ready",
            target=self.target,
            pid=self._process.pid,
            dynamic_batching=self._dynamic_batching,
            seconds=round(time.monotonic() - started, 2),
        )

    async def _exchange(self, header: Header, payload: bytes = b"") -> Header:
        if self._writer is None or self._reader is None:
            raise Unavailable("BACKEND_UNAVAILABLE", "the embedded Triton is not started", domain=DOMAIN)
        try:
            self._writer.write(encode(header, payload))
            await self._writer.drain()
            reply, _ = await read_frame_async(self._reader)
        except (FrameError, ConnectionError) as error:
            raise Unavailable(
                "BACKEND_UNAVAILABLE", "the embedded Triton host process is gone", domain=DOMAIN
            ) from error
        return reply

    async def _exchange_in_turn(self, header: Header, payload: bytes) -> Header:
        async with self._lock:
            return await self._exchange(header, payload)

    async def _command(self, header: Header, payload: bytes = b"") -> Header:
        """Send one command and wait (at most _COMMAND_TIMEOUT_S) for its reply.

        The host answers each command in turn, with nothing that says which
        command a reply is for. So the write and the read run whole, in a task
        of their own that holds the pipe: a caller that stops waiting (timeout,
        cancellation) leaves the reply to be read and dropped there, instead of
        leaving it on the socket for the next command, which would read it as
        its own, and every reply after would be one behind.
        """
        exchange = self._exchanges.run(
            self._exchange_in_turn(header, payload), name=f"triton-host-{header.get('op')}"
        )
        try:
            reply = await asyncio.wait_for(exchange, _COMMAND_TIMEOUT_S)
        except TimeoutError as error:
            raise Unavailable(
                "BACKEND_UNAVAILABLE",
                f"the embedded Triton did not answer {header.get('op')} within {_COMMAND_TIMEOUT_S:g} s",
                domain=DOMAIN,
                metadata={"backend": self.kind},
            ) from error
        if reply.get("ok"):
            return reply
        message = str(reply.get("message", ""))
        if reply.get("error") == "domain":
            kind = getattr(errors, str(reply.get("class")), None)
            if isinstance(kind, type) and issubclass(kind, errors.DomainError):
                raise kind(str(reply["reason"]), message, domain=DOMAIN, metadata=reply.get("metadata") or {})
        if reply.get("error") == "malformed":
            raise InvalidArgument("MODEL_MALFORMED", message, domain=DOMAIN, metadata={"backend": self.kind})
        raise Unavailable("BACKEND_UNAVAILABLE", message, domain=DOMAIN, metadata={"backend": self.kind})

    async def load(self, deployable: Deployable) -> None:
        self._check(deployable)
        reply = await self._command(
            {"op": "load", "deployable": deployable_header(deployable)}, deployable.payload
        )
        self._loaded.add(deployable.serving_name)
        log.info("triton_model_loaded", serving_name=deployable.serving_name, seconds=reply.get("seconds"))

    def _check(self, deployable: Deployable) -> None:
        def malformed(message: str) -> InvalidArgument:
            return InvalidArgument(
                "MODEL_MALFORMED", message, domain=DOMAIN, metadata={"serving_name": deployable.serving_name}
            )

        if len(deployable.serving_name) > MAX_SERVING_NAME:
            raise malformed(
                f"serving names are at most {MAX_SERVING_NAME} characters on the embedded backend"
            )
        for spec in (*deployable.inputs, *deployable.outputs):
            numpy_dtype(spec.datatype, spec.name)
            if deployable.max_batch_size > 0 and (not spec.shape or spec.shape[0] != -1):
                raise malformed(f"{spec.name}: a batching model's shapes start with the batch dimension -1")
        if deployable.format is ModelFormat.ONNX and not deployable.payload:
            raise malformed("an ONNX deployable has no model bytes")
        if deployable.format is ModelFormat.BUILTIN and not deployable.builtin:
            raise malformed("a built-in deployable names no built-in model")

    async def unload(self, serving_name: str) -> None:
        reply = await self._command({"op": "unload", "name": serving_name})
        self._loaded.discard(serving_name)
        if reply.get("unloaded"):
            log.info("triton_model_unloaded", serving_name=serving_name, seconds=reply.get("seconds"))

    async def close(self) -> None:
        """Stop Triton (which unloads every model), then make sure nothing of the group is left."""
        if self._process is None:
            return
        started = time.monotonic()
        if self._process.returncode is None:

            async def stop() -> None:
                async with self._lock:  # after a load in flight, but not forever: then SIGKILL
                    await self._exchange({"op": "stop"})

            with contextlib.suppress(Unavailable, TimeoutError):
                await asyncio.wait_for(stop(), _STOP_TIMEOUT_S)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._process.wait(), _STOP_TIMEOUT_S)
        await self._kill()
        self._loaded.clear()
        log.info("triton_closed", seconds=round(time.monotonic() - started, 2))

    async def _kill(self) -> None:
        """SIGKILL the host's process group (tritonserver and stubs too) and drop the workspace."""
        if self._writer is not None:
            self._writer.close()
            self._writer = self._reader = None
        if self._process is not None:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self._process.pid, signal.SIGKILL)
            await self._process.wait()
            self._process = None
        if self._workspace is not None:
            shutil.rmtree(self._workspace, ignore_errors=True)
            self._workspace = None
