"""The Python SDK: typed stubs over one channel that carries the mesh metadata.

    async with Client("127.0.0.1:50051", token=token) as jipan:
        me = await jipan.system.GetWhoAmI(system_pb2.GetWhoAmIRequest())

Errors stay `grpc.aio.AioRpcError`; `error_details(err)` reads the
`google.rpc.Status` details every Jipan error carries, so callers branch on
`reason` rather than on message text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import TracebackType

import grpc
from google.rpc import error_details_pb2
from grpc_status import rpc_status

from jipan.interceptors.client import TokenSource, insecure_channel, secure_channel, static_token
from jipan.system.v1 import system_service_pb2_grpc

__all__ = ["Client", "ErrorDetails", "error_details"]


@dataclass(frozen=True, slots=True)
class ErrorDetails:
    """What a Jipan error says beyond its code (AIP-193)."""

    code: grpc.StatusCode
    message: str
    reason: str = ""
    domain: str = ""
    metadata: dict[str, str] = field(default_factory=dict)
    field_violations: dict[str, str] = field(default_factory=dict)
    """Field path → description, from `google.rpc.BadRequest`."""

    @property
    def request_id(self) -> str:
        return self.metadata.get("request_id", "")


def error_details(error: grpc.aio.AioRpcError) -> ErrorDetails:
    status = rpc_status.from_call(error)
    info = error_details_pb2.ErrorInfo()
    violations: dict[str, str] = {}
    for packed in status.details if status is not None else ():
        if packed.Is(error_details_pb2.ErrorInfo.DESCRIPTOR):
            packed.Unpack(info)
        elif packed.Is(error_details_pb2.BadRequest.DESCRIPTOR):
            bad = error_details_pb2.BadRequest()
            packed.Unpack(bad)
            violations.update({v.field: v.description for v in bad.field_violations})
    return ErrorDetails(
        code=error.code(),
        message=error.details() or "",
        reason=info.reason,
        domain=info.domain,
        metadata=dict(info.metadata),
        field_violations=violations,
    )


class Client:
    """One channel to a Jipan server (or Envoy in front of several) with typed stubs.

    `token` or `token_source` authenticates every call; `credentials` switches
    to TLS/mTLS (`grpc.ssl_channel_credentials(...)`). Inside a Jipan server the
    same channel also forwards the request id, trace and remaining deadline.
    """

    def __init__(
        self,
        target: str,
        *,
        token: str | None = None,
        token_source: TokenSource | None = None,
        credentials: grpc.ChannelCredentials | None = None,
    ) -> None:
        if token is not None and token_source is not None:
            raise ValueError("pass token or token_source, not both")
        source = static_token(token) if token is not None else token_source
        if credentials is None:
            self.channel = insecure_channel(target, token_source=source)
        else:
            self.channel = secure_channel(target, credentials, token_source=source)
        self.system = system_service_pb2_grpc.SystemServiceStub(self.channel)

    async def close(self) -> None:
        await self.channel.close()

    async def __aenter__(self) -> Client:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()
