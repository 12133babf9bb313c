"""TransferService over gRPC: unpack, call the domain, pack."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import grpc

from jipan.dataspace.v1 import transfer_service_pb2 as tpb
from jipan.dataspace.v1 import transfer_service_pb2_grpc as tpb_grpc
from jipan.interceptors.context import current_principal
from jipan.servers.dataspace.catalog.domain import org_of
from jipan.servers.dataspace.catalog.servicer import caller_token
from jipan.servers.dataspace.convert import transfer_to_pb
from jipan.servers.dataspace.federated import Connector
from jipan.servers.dataspace.names import DOMAIN
from jipan.servers.dataspace.transfer.broker import CloudDestination
from jipan.servers.dataspace.transfer.domain import Transfers
from jipan.servers.dataspace.transfer.push import S3Destination
from jipan.servers.runtime.errors import InvalidArgument

Context = grpc.aio.ServicerContext[Any, Any]


class TransferServicer(tpb_grpc.TransferServiceServicer):
    def __init__(self, transfers: Transfers, connector: Connector) -> None:
        self._t = transfers
        self._c = connector

    async def RequestTransfer(
        self, request: tpb.RequestTransferRequest, context: Context
    ) -> tpb.RequestTransferResponse:
        principal = current_principal()
        remote = await self._c.remote_agreement(principal, request.agreement)
        if remote is not None:
            return await self._c.request_transfer(principal, caller_token(context), remote[0], request)
        push_to: S3Destination | CloudDestination | None = None
        if request.HasField("push_destination") and request.HasField("cloud_destination"):
            raise InvalidArgument(
                "PUSH_DESTINATION_INVALID",
                "at most one of push_destination and cloud_destination",
                domain=DOMAIN,
                metadata={"problem": "two destinations", "field": "cloud_destination"},
            )
        if request.HasField("cloud_destination"):
            c = request.cloud_destination
            push_to = CloudDestination(account=c.account, bucket=c.bucket, key=c.key)
        elif request.HasField("push_destination"):
            d = request.push_destination
            push_to = S3Destination(
                endpoint_url=d.endpoint_url,
                bucket=d.bucket,
                key=d.key,
                region=d.region,
                access_key_id=d.access_key_id,
                secret_access_key=d.secret_access_key,
                session_token=d.session_token,
            )
        transfer, access = await self._t.request(
            principal,
            request.agreement,
            request.distribution_id,
            request.purpose,
            request.request_id,
            consent_token=request.consent_token,
            push_to=push_to,
            bearer_token=caller_token(context) if isinstance(push_to, CloudDestination) else "",
        )
        return tpb.RequestTransferResponse(transfer=transfer_to_pb(transfer, access))

    async def SuspendTransfer(
        self, request: tpb.SuspendTransferRequest, context: Context
    ) -> tpb.SuspendTransferResponse:
        transfer, _ = await self._t.send(current_principal(), request.name, "SuspendTransfer")
        return tpb.SuspendTransferResponse(transfer=transfer_to_pb(transfer))

    async def ResumeTransfer(
        self, request: tpb.ResumeTransferRequest, context: Context
    ) -> tpb.ResumeTransferResponse:
        principal = current_principal()
        transfer, access = await self._t.send(
            principal,
            request.name,
            "ResumeTransfer",
            purpose=request.purpose,
            consent_token=request.consent_token,
        )
        # The token goes to the consumer only.
        shown = access if org_of(principal) == transfer.consumer else None
        return tpb.ResumeTransferResponse(transfer=transfer_to_pb(transfer, shown))

    async def CompleteTransfer(
        self, request: tpb.CompleteTransferRequest, context: Context
    ) -> tpb.CompleteTransferResponse:
        transfer, _ = await self._t.send(current_principal(), request.name, "CompleteTransfer")
        return tpb.CompleteTransferResponse(transfer=transfer_to_pb(transfer))

    async def TerminateTransfer(
        self, request: tpb.TerminateTransferRequest, context: Context
    ) -> tpb.TerminateTransferResponse:
        transfer, _ = await self._t.send(
            current_principal(), request.name, "TerminateTransfer", code=request.code, reason=request.reason
        )
        return tpb.TerminateTransferResponse(transfer=transfer_to_pb(transfer))

    async def GetTransfer(self, request: tpb.GetTransferRequest, context: Context) -> tpb.GetTransferResponse:
        transfer = await self._t.get(current_principal(), request.name)
        return tpb.GetTransferResponse(transfer=transfer_to_pb(transfer))

    async def ListTransfers(
        self, request: tpb.ListTransfersRequest, context: Context
    ) -> tpb.ListTransfersResponse:
        transfers, token = await self._t.list_transfers(
            current_principal(), request.page_size, request.page_token, request.agreement
        )
        return tpb.ListTransfersResponse(
            transfers=[transfer_to_pb(t) for t in transfers], next_page_token=token
        )

    async def DownloadTransfer(
        self, request: tpb.DownloadTransferRequest, context: Context
    ) -> AsyncIterator[tpb.DownloadTransferResponse]:
        if request.peer:
            relayed = await self._c.download(current_principal(), caller_token(context), request)
            async for message in relayed:
                yield message
            return
        stream = await self._t.open_download(
            current_principal(), request.name, request.token, request.consent_token
        )
        async for chunk, digest in stream:
            yield tpb.DownloadTransferResponse(chunk=chunk, sha256=digest)

    async def PresignDownload(
        self, request: tpb.PresignDownloadRequest, context: Context
    ) -> tpb.PresignDownloadResponse:
        url, expire = await self._t.presign(current_principal(), request.name, request.token)
        response = tpb.PresignDownloadResponse(url=url)
        response.expire_time.FromDatetime(expire)
        return response
