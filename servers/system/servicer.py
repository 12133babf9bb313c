"""SystemService over gRPC: unpack, call the domain, pack."""

from __future__ import annotations

import grpc
from google.protobuf.timestamp_pb2 import Timestamp

from jipan.interceptors.context import current_peer_identity, current_principal, current_request_id
from jipan.servers.system.domain import ServerIntrospection
from jipan.system.v1 import system_service_pb2 as pb
from jipan.system.v1 import system_service_pb2_grpc as pb_grpc


class SystemServicer(pb_grpc.SystemServiceServicer):
    def __init__(self, introspection: ServerIntrospection) -> None:
        self._introspection = introspection

    async def GetWhoAmI(
        self,
        request: pb.GetWhoAmIRequest,
        context: grpc.aio.ServicerContext[pb.GetWhoAmIRequest, pb.GetWhoAmIResponse],
    ) -> pb.GetWhoAmIResponse:
        principal = current_principal()
        expire_time = Timestamp()
        expire_time.FromDatetime(principal.expires_at)
        return pb.GetWhoAmIResponse(
            principal=pb.Principal(
                subject=principal.subject,
                org=principal.org or "",
                roles=sorted(principal.roles),
                scopes=sorted(principal.scopes),
                issuer=principal.issuer,
                audiences=list(principal.audiences),
                expire_time=expire_time,
                token_id=principal.token_id,
                consent=principal.consent or "",
                peer_certificate_identity=current_peer_identity() or "",
                request_id=current_request_id(),
            )
        )

    async def GetVersion(
        self,
        request: pb.GetVersionRequest,
        context: grpc.aio.ServicerContext[pb.GetVersionRequest, pb.GetVersionResponse],
    ) -> pb.GetVersionResponse:
        start_time = Timestamp()
        start_time.FromDatetime(self._introspection.started_at)
        return pb.GetVersionResponse(
            version=self._introspection.version,
            services=list(self._introspection.services),
            start_time=start_time,
        )

    async def ListMethodPolicies(
        self,
        request: pb.ListMethodPoliciesRequest,
        context: grpc.aio.ServicerContext[pb.ListMethodPoliciesRequest, pb.ListMethodPoliciesResponse],
    ) -> pb.ListMethodPoliciesResponse:
        page = self._introspection.list_method_policies(
            service=request.service, page_size=request.page_size, page_token=request.page_token
        )
        return pb.ListMethodPoliciesResponse(
            method_policies=[pb.MethodPolicy(method=m, policy=p) for m, p in page.entries],
            next_page_token=page.next_page_token,
        )
