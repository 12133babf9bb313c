"""The child process that runs the embedded tritonserver (PyTriton) for `EmbeddedTriton`.

Started as `python -m jipan.servers.inference.serving.host <fd> <parent pid>`
with one end of a socketpair at <fd>. It lives in a process of its own so the
model callables (onnxruntime, built-ins) never hold the gateway's GIL, and so
its whole process group — this process, tritonserver and the python-backend
stubs — can be killed at once. Commands arrive as frames (`frames.py`): start,
load (the ONNX bytes as payload, never written to disk: onnxruntime builds the
session from memory), unload, stop. It exits when told to, when the socket
closes, or when the parent dies (PR_SET_PDEATHSIG).
"""

from __future__ import annotations

import ctypes
import glob
import importlib
import logging
import os
import shutil
import signal
import socket
import sys
import time
from collections.abc import Callable, Mapping
from types import FrameType
from typing import Any

import numpy as np
import structlog

from jipan.servers.inference.serving.backend import Array, BuiltinRuntime, Deployable, ModelFormat
from jipan.servers.inference.serving.datatypes import numpy_dtype
from jipan.servers.inference.serving.frames import (
    FrameError,
    Header,
    deployable_from_header,
    read_frame,
    write_frame,
)
from jipan.servers.runtime.errors import DomainError

log = structlog.get_logger(__name__)

ACCESS_HEADER = "triton-grpc-protocol-triton-access-token"
_PR_SET_PDEATHSIG = 1
_UNLOAD_TIMEOUT_S = 60.0


class ModelRejected(Exception):
    """The model itself is wrong (MODEL_MALFORMED in the parent)."""


def _die_with_parent(parent_pid: int) -> None:
    """SIGTERM this process when the parent dies, even by SIGKILL; the handler stops Triton."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != parent_pid:  # the parent died before prctl took effect
        raise SystemExit(0)


def _on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(0)


def _load_builtin_loader(path: str) -> Callable[[str], BuiltinRuntime]:
    module_name, _, attribute = path.partition(":")
    loader: Callable[[str], BuiltinRuntime] = getattr(importlib.import_module(module_name), attribute)
    return loader


class TritonHost:
    """PyTriton's Triton plus the models bound on it, driven by frames."""

    def __init__(self, start: Header) -> None:
        from pytriton.triton import (
            TRITON_ACCESS_HEADER,
            VALID_TRITON_ENDPOINTS,
            Triton,
            TritonConfig,
            TritonSecurityConfig,
        )

        self._token = str(start["token"])
        self._grpc_port = int(start["grpc_port"])
        self._dynamic_batching = bool(start["dynamic_batching"])
        self._max_queue_delay_us = int(start["max_queue_delay_us"])
        self._intra_op_threads = int(start["intra_op_threads"])
        self._builtin_loader_path = str(start["builtin_loader"])
        config = TritonConfig(
            grpc_address="127.0.0.1",
            grpc_port=self._grpc_port,
            http_address="127.0.0.1",
            http_port=int(start["http_port"]),
            metrics_port=int(start["metrics_port"]),
            allow_metrics=False,
            log_verbose=int(start.get("log_verbose", 0)),
        )
        # Every endpoint wants the token, inference included: nobody else on the
        # host reaches the models without going through the gateway. PyTriton
        # itself polls HTTP health without the token (ModelClient.wait_for_server
        # in 0.7.0), so HTTP health stays open — it says only whether the server
        # and a named model are ready; gRPC, which the gateway uses, restricts all.
        everything = sorted(VALID_TRITON_ENDPOINTS)
        security = TritonSecurityConfig(
            access_token=self._token, restricted_endpoints=[e for e in everything if e != "health"]
        )
        self._triton = Triton(config=config, workspace=str(start["workspace"]), security_config=security)
        self._triton._triton_server_config["grpc-restricted-protocol"] = (
            f"{','.join(everything)}:{TRITON_ACCESS_HEADER}={self._token}"
        )
        self._client: Any = None
        self._stopped = False

    def run(self) -> None:
        import tritonclient.grpc as grpcclient

        self._triton.run()
        self._client = grpcclient.InferenceServerClient(f"127.0.0.1:{self._grpc_port}")
        if not self._client.is_server_ready(headers=self._headers):
            raise RuntimeError("tritonserver started but is not ready")

    @property
    def _headers(self) -> dict[str, str]:
        return {ACCESS_HEADER: self._token}

    def stop(self) -> None:
        if self._stopped:
            return
        self._stopped = True
        if self._client is not None:
            self._client.close()
        self._triton.stop()

    def load(self, deployable: Deployable) -> None:
        from pytriton.model_config import DynamicBatcher, ModelConfig, Tensor

        infer = self._callable(deployable)
        batching = deployable.max_batch_size > 0

        def tensors(specs: Any) -> list[Tensor]:
            return [
                Tensor(name=s.name, dtype=numpy_dtype(s.datatype), shape=s.shape[1:] if batching else s.shape)
                for s in specs
            ]

        batcher = DynamicBatcher(max_queue_delay_microseconds=self._max_queue_delay_us)
        config = ModelConfig(
            batching=batching,
            max_batch_size=max(deployable.max_batch_size, 1),
            batcher=batcher if self._dynamic_batching else None,
        )
        try:
            self._triton.bind(
                model_name=deployable.serving_name,
                infer_func=infer,
                inputs=tensors(deployable.inputs),
                outputs=tensors(deployable.outputs),
                config=config,
                strict=False,
            )
        except Exception:
            self._forget(deployable.serving_name)
            raise

    def _callable(self, deployable: Deployable) -> Callable[..., Any]:
        from pytriton.decorators import batch

        run: Callable[[Mapping[str, Array]], dict[str, Array]]
        if deployable.format is ModelFormat.BUILTIN:
            run = _load_builtin_loader(self._builtin_loader_path)(deployable.builtin)
        else:
            run = self._onnx_runner(deployable)
        input_names = [s.name for s in deployable.inputs]

        if deployable.max_batch_size > 0:

            @batch  # type: ignore[untyped-decorator]
            def infer_batch(**inputs: Array) -> dict[str, Array]:
                return run(inputs)

            return infer_batch  # type: ignore[no-any-return]

        def infer_each(requests: list[Any]) -> list[dict[str, Array]]:
            return [run({name: request[name] for name in input_names}) for request in requests]

        return infer_each

    def _onnx_runner(self, deployable: Deployable) -> Callable[[Mapping[str, Array]], dict[str, Array]]:
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.intra_op_num_threads = self._intra_op_threads
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        try:
            session = ort.InferenceSession(deployable.payload, options, providers=["CPUExecutionProvider"])
        except Exception as error:
            raise ModelRejected(f"onnxruntime cannot load the model: {error}") from error
        have_inputs = {i.name for i in session.get_inputs()}
        have_outputs = {o.name for o in session.get_outputs()}
        missing = [s.name for s in deployable.inputs if s.name not in have_inputs]
        missing += [s.name for s in deployable.outputs if s.name not in have_outputs]
        if missing:
            raise ModelRejected(f"the ONNX graph has no tensor named {', '.join(missing)}")
        output_names = [s.name for s in deployable.outputs]

        def run(inputs: Mapping[str, Array]) -> dict[str, Array]:
            results = session.run(output_names, dict(inputs))
            return {name: np.asarray(value) for name, value in zip(output_names, results, strict=True)}

        return run

    def _forget(self, name: str) -> Any:
        """Drop a model from PyTriton's registry (0.7.0 has no public unbind) and stop its proxy threads."""
        model = self._triton._model_manager._models.pop((name.lower(), 1), None)
        if model is not None:
            model.clean()
            for function in model.infer_functions:
                self._triton._triton_context.model_configs.pop(function, None)
            # The proxy's unix sockets for this model outlive clean(); drop them.
            workspace = self._triton._workspace.path
            for pattern in (f"{name}-config.sock", f"{name}-data.sock*", f"{name}_*-server.sock"):
                for stale in workspace.glob(glob.escape(pattern).replace("[*]", "*")):
                    stale.unlink(missing_ok=True)
        return model

    def unload(self, name: str) -> bool:
        if (name.lower(), 1) not in self._triton._model_manager._models:
            return False
        # Unload in Triton first (it lets in-flight requests finish), then
        # stop the proxy threads that served them.
        self._client.unload_model(name, headers=self._headers)
        deadline = time.monotonic() + _UNLOAD_TIMEOUT_S
        while self._client.is_model_ready(name, headers=self._headers):
            if time.monotonic() > deadline:
                raise RuntimeError(f"{name} still ready {_UNLOAD_TIMEOUT_S}s after unload")
            time.sleep(0.05)
        self._forget(name)
        return True


def _reply(sock: socket.socket, started: float, **fields: Any) -> None:
    write_frame(sock, {"ok": True, "seconds": round(time.monotonic() - started, 4), **fields})


def _fail(sock: socket.socket, kind: str, message: str) -> None:
    write_frame(sock, {"ok": False, "error": kind, "message": message[:2000]})


def serve(sock: socket.socket) -> None:
    header, _ = read_frame(sock)
    if header.get("op") != "start":
        raise FrameError("the first frame must be start")
    started = time.monotonic()
    root = header.get("workspace_root")
    host = TritonHost(header)
    try:
        try:
            host.run()
        except Exception as error:
            _fail(sock, "unavailable", f"tritonserver did not start: {error}")
            return
        _reply(sock, started, op="ready")
        log.info("triton_host_ready", seconds=round(time.monotonic() - started, 2))
        while True:
            header, payload = read_frame(sock)
            started = time.monotonic()
            op = header.get("op")
            if op == "stop":
                host.stop()
                _reply(sock, started)
                return
            try:
                if op == "load":
                    host.load(deployable_from_header(header["deployable"], payload))
                    _reply(sock, started)
                elif op == "unload":
                    _reply(sock, started, unloaded=host.unload(str(header["name"])))
                else:
                    _fail(sock, "malformed", f"unknown op {op!r}")
            except ModelRejected as error:
                _fail(sock, "malformed", str(error))
            except DomainError as error:  # e.g. load_runtime's NotFound: the parent raises the same
                write_frame(
                    sock,
                    {
                        "ok": False,
                        "error": "domain",
                        "class": type(error).__name__,
                        "reason": error.reason,
                        "message": error.message[:2000],
                        "metadata": error.metadata,
                    },
                )
            except Exception as error:  # Triton refused: the parent maps it to BACKEND_UNAVAILABLE
                log.warning("triton_host_command_failed", op=op, error=str(error))
                _fail(sock, "unavailable", f"{type(error).__name__}: {error}")
    finally:
        # The parent's death brings both EOF and SIGTERM: one shutdown is enough,
        # and a second SystemExit must not cut it short.
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        try:
            host.stop()
        finally:
            if root:  # the parent's directory too, in case it died without closing
                shutil.rmtree(str(root), ignore_errors=True)


def main(argv: list[str]) -> int:
    fd, parent_pid = int(argv[1]), int(argv[2])
    signal.signal(signal.SIGTERM, _on_sigterm)
    _die_with_parent(parent_pid)
    structlog.configure(logger_factory=structlog.PrintLoggerFactory(sys.stderr))
    logging.basicConfig(level=os.environ.get("JIPAN_TRITON_HOST_LOG_LEVEL", "WARNING"), stream=sys.stderr)
    sock = socket.socket(fileno=fd)
    try:
        serve(sock)
    except FrameError:
        log.info("triton_host_parent_gone")
    finally:
        sock.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
