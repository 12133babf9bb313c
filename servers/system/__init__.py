"""jipan.system.v1: introspection served by every Jipan server."""

from __future__ import annotations

import grpc

from jipan.interceptors.authz import policy_for_method
from jipan.servers.runtime.runtime import Runtime, ServiceModule
from jipan.servers.system.domain import ServerIntrospection
from jipan.servers.system.servicer import SystemServicer
from jipan.system.v1 import system_service_pb2, system_service_pb2_grpc

SERVICE_NAME = system_service_pb2.DESCRIPTOR.services_by_name["SystemService"].full_name


def _attach(server: grpc.aio.Server, runtime: Runtime) -> None:
    introspection = ServerIntrospection(
        services=runtime.services,
        started_at=runtime.started_at,
        page_tokens=runtime.page_tokens,
        policy_of=policy_for_method,
    )
    system_service_pb2_grpc.add_SystemServiceServicer_to_server(SystemServicer(introspection), server)


SERVICE = ServiceModule(name="system", service_names=(SERVICE_NAME,), attach=_attach)
