"""FederationService: unpack, call the domain, pack."""

from __future__ import annotations

from typing import Any

import grpc
from google.protobuf import descriptor_pool

from jipan.federation.v1 import federation_service_pb2 as pb
from jipan.federation.v1 import federation_service_pb2_grpc as pb_grpc
from jipan.federation.v1 import resources_pb2 as res
from jipan.interceptors.authz import policy_for_method, split_method
from jipan.interceptors.context import current_principal
from jipan.servers.federation.convert import (
    approval_message,
    bundle_message,
    jwk_json,
    log_entry_message,
    peer_message,
    timestamp,
)
from jipan.servers.federation.messagelog import MessageLog
from jipan.servers.federation.peers import Federation
from jipan.servers.federation.publication import OwnBundle
from jipan.servers.runtime.pagination import resolve_page_size

Context = grpc.aio.ServicerContext[Any, Any]
ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token"  # noqa: S105 (a URN, not a secret)


def _org() -> str | None:
    return current_principal().org


class FederationServicer(pb_grpc.FederationServiceServicer):
    def __init__(
        self, federation: Federation, message_log: MessageLog, own_bundle: OwnBundle, issuer: str
    ) -> None:
        self._issuer = issuer
        self._federation = federation
        self._log = message_log
        self._bundle = own_bundle

    async def GetTrustBundle(
        self, request: pb.GetTrustBundleRequest, context: Context
    ) -> pb.GetTrustBundleResponse:
        return pb.GetTrustBundleResponse(bundle=bundle_message(await self._bundle.current()))

    async def CreatePeer(self, request: pb.CreatePeerRequest, context: Context) -> pb.CreatePeerResponse:
        peer = request.peer
        created = await self._federation.create_peer(
            _org(),
            request.peer_id,
            display_name=peer.display_name,
            issuer=peer.issuer,
            audience=peer.audience,
            bundle_endpoint=peer.bundle_endpoint,
            bundle_endpoint_ca_pem=peer.bundle_endpoint_ca_pem,
        )
        return pb.CreatePeerResponse(peer=peer_message(created))

    async def GetPeer(self, request: pb.GetPeerRequest, context: Context) -> pb.GetPeerResponse:
        return pb.GetPeerResponse(peer=peer_message(await self._federation.get_peer(_org(), request.name)))

    async def ListPeers(self, request: pb.ListPeersRequest, context: Context) -> pb.ListPeersResponse:
        page = await self._federation.list_peers(_org(), request.page_size, request.page_token)
        return pb.ListPeersResponse(
            peers=[peer_message(p) for p in page.items], next_page_token=page.next_page_token
        )

    async def ActivatePeer(
        self, request: pb.ActivatePeerRequest, context: Context
    ) -> pb.ActivatePeerResponse:
        peer = await self._federation.activate_peer(_org(), request.name, request.fingerprint)
        return pb.ActivatePeerResponse(peer=peer_message(peer))

    async def SuspendPeer(self, request: pb.SuspendPeerRequest, context: Context) -> pb.SuspendPeerResponse:
        peer, revoked = await self._federation.suspend_peer(_org(), request.name)
        return pb.SuspendPeerResponse(peer=peer_message(peer), revoked_token_count=revoked)

    async def RefreshPeerBundle(
        self, request: pb.RefreshPeerBundleRequest, context: Context
    ) -> pb.RefreshPeerBundleResponse:
        return pb.RefreshPeerBundleResponse(
            peer=peer_message(await self._federation.refresh_peer(_org(), request.name))
        )

    async def CreateApproval(
        self, request: pb.CreateApprovalRequest, context: Context
    ) -> pb.CreateApprovalResponse:
        approval = await self._federation.create_approval(
            _org(),
            current_principal().subject,
            request.parent,
            request.approval_id,
            request.approval.consumer,
            list(request.approval.methods),
        )
        return pb.CreateApprovalResponse(approval=approval_message(approval))

    async def ListApprovals(
        self, request: pb.ListApprovalsRequest, context: Context
    ) -> pb.ListApprovalsResponse:
        page = await self._federation.list_approvals(
            _org(), request.parent, request.page_size, request.page_token
        )
        return pb.ListApprovalsResponse(
            approvals=[approval_message(a) for a in page.items], next_page_token=page.next_page_token
        )

    async def DeleteApproval(
        self, request: pb.DeleteApprovalRequest, context: Context
    ) -> pb.DeleteApprovalResponse:
        return pb.DeleteApprovalResponse(
            revoked_token_count=await self._federation.delete_approval(_org(), request.name)
        )

    async def ExchangePeerToken(
        self, request: pb.ExchangePeerTokenRequest, context: Context
    ) -> pb.ExchangePeerTokenResponse:
        exchanged = await self._federation.exchange(request.subject_token)
        return pb.ExchangePeerTokenResponse(
            access_token=exchanged.access_token,
            issued_token_type=ACCESS_TOKEN_TYPE,
            token_type="Bearer",  # noqa: S106 (RFC 6750's token type, not a secret)
            expire_time=timestamp(exchanged.expire_time),
            methods=list(exchanged.methods),
            peer=exchanged.peer,
        )

    async def ListOfferedMethods(
        self, request: pb.ListOfferedMethodsRequest, context: Context
    ) -> pb.ListOfferedMethodsResponse:
        principal = current_principal()
        methods = await self._federation.offered_methods(principal.claims, principal.org)
        size = resolve_page_size(request.page_size, default=100, maximum=500)
        start = 0
        if request.page_token:
            start = next((i + 1 for i, m in enumerate(methods) if m == request.page_token), len(methods))
        page = methods[start : start + size]
        offered = []
        pool = descriptor_pool.Default()
        for method in page:
            service, name = split_method(method)
            try:
                descriptor = pool.FindMethodByName(f"{service}.{name}")
            except KeyError:
                continue
            offered.append(
                res.OfferedMethod(
                    method=method,
                    input_type=descriptor.input_type.full_name,
                    output_type=descriptor.output_type.full_name,
                    scopes=list(policy_for_method(method).scopes),
                )
            )
        token = page[-1] if start + size < len(methods) and page else ""
        return pb.ListOfferedMethodsResponse(offered_methods=offered, next_page_token=token)

    async def RecordExchange(
        self, request: pb.RecordExchangeRequest, context: Context
    ) -> pb.RecordExchangeResponse:
        principal = current_principal()
        await self._log.record_consumer(
            principal.org,
            principal.subject,
            self._issuer,
            request.parent,
            method=request.method,
            request_id=request.request_id,
            request_digest=request.request_digest,
            response_digest=request.response_digest,
            status_code=request.status_code,
            start_time=request.start_time.ToNanoseconds() / 1e9,
            end_time=request.end_time.ToNanoseconds() / 1e9,
            provider_principal=request.provider_principal,
        )
        return pb.RecordExchangeResponse()

    async def ListLogEntries(
        self, request: pb.ListLogEntriesRequest, context: Context
    ) -> pb.ListLogEntriesResponse:
        page = await self._log.list_entries(_org(), request.parent, request.page_size, request.page_token)
        return pb.ListLogEntriesResponse(
            log_entries=[log_entry_message(e) for e in page.items], next_page_token=page.next_page_token
        )

    async def VerifyExchange(
        self, request: pb.VerifyExchangeRequest, context: Context
    ) -> pb.VerifyExchangeResponse:
        proof = await self._log.prove(_org(), request.name)
        return pb.VerifyExchangeResponse(
            log_entry=log_entry_message(proof.entry),
            log_key_json=jwk_json(proof.log_key, proof.entry.signing_key_id),
            signature_valid=proof.signature_valid,
            chain_valid=proof.chain_valid,
            merkle_root=proof.merkle_root,
            leaf_index=proof.leaf_index,
            tree_size=proof.tree_size,
            proof=proof.proof,
            anchored=proof.anchored,
            anchor_time=timestamp(proof.anchor_time) if proof.anchor_time is not None else None,
        )
