"""Request id: accept the caller's `x-request-id` or make one, and echo it back.

First in the chain, so every later stage, log line, span and error names the
call. It also records the call's deadline for the client interceptors
(deadline propagation), the other call-wide fact known before anything runs.

The id is echoed in trailing metadata, which a client receives on success and
on every error (an abort re-sends it, see errors.py). Not in initial metadata:
that belongs to the handler (a second `send_initial_metadata` fails), and for
a unary call it would cost a separate send for a value the client receives
in the same response anyway.

Contextvars set here and by the other stages are not reset afterwards: grpc
runs every RPC in its own asyncio task, whose context copy ends with the call.
"""

from __future__ import annotations

import random
import re
import time
from collections.abc import AsyncIterator
from typing import Any

from jipan.interceptors.context import deadline_var, request_id_var
from jipan.interceptors.rpc import MethodPlan, RpcCall, StreamResponder, UnaryResponder

REQUEST_ID_KEY = "x-request-id"
# Accepted ids are echoed into logs and headers: bound length and alphabet so
# a caller cannot inject log lines, control characters or megabytes of text.
_VALID_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")


def new_request_id() -> str:
    # 128 random bits as hex. A correlation id, not a secret: Python's PRNG
    # (like OTel's trace ids) instead of os.urandom, which is a system call
    # on every RPC.
    return f"{random.getrandbits(128):032x}"


def accept_request_id(offered: object) -> str:
    """The caller's id when it is acceptable, else a fresh one."""
    if isinstance(offered, str) and _VALID_REQUEST_ID.fullmatch(offered):
        return offered
    return new_request_id()


def _enter(call: RpcCall) -> None:
    request_id = accept_request_id(call.metadata.get(REQUEST_ID_KEY))
    call.request_id = request_id
    call.trailing.append((REQUEST_ID_KEY, request_id))
    request_id_var.set(request_id)
    remaining = call.context.time_remaining()
    if remaining is not None:
        deadline_var.set(time.monotonic() + remaining)


class RequestIdStage:
    def wrap_unary(self, plan: MethodPlan, inner: UnaryResponder) -> UnaryResponder:
        async def with_request_id(request: Any, call: RpcCall) -> Any:
            _enter(call)
            return await inner(request, call)

        return with_request_id

    def wrap_stream(self, plan: MethodPlan, inner: StreamResponder) -> StreamResponder:
        async def with_request_id(request: Any, call: RpcCall) -> AsyncIterator[Any]:
            _enter(call)
            async for response in inner(request, call):
                yield response

        return with_request_id
