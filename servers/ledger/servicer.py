"""LedgerService over gRPC: unpack, call the domain, pack."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime

import grpc
from google.protobuf.timestamp_pb2 import Timestamp

from jipan.interceptors.context import current_principal
from jipan.ledger.v1 import ledger_service_pb2 as pb
from jipan.ledger.v1 import ledger_service_pb2_grpc as pb_grpc
from jipan.ledger.v1 import resources_pb2
from jipan.servers.ledger.domain import DigestEntry, Ledger, receipt_name
from jipan.servers.ledger.store import ReceiptRecord

_STATES = {
    "PENDING": resources_pb2.RECEIPT_STATE_PENDING,
    "CONFIRMED": resources_pb2.RECEIPT_STATE_CONFIRMED,
    "FAILED": resources_pb2.RECEIPT_STATE_FAILED,
}


def _timestamp(value: datetime) -> Timestamp:
    stamp = Timestamp()
    stamp.FromDatetime(value)
    return stamp


def _receipt(record: ReceiptRecord, stamps: dict[datetime, Timestamp] | None = None) -> resources_pb2.Receipt:
    """`stamps` caches Timestamps by time: the receipts of one AnchorDigests call share theirs."""
    if stamps is None:
        stamps = {}
    create_time = stamps.get(record.create_time)
    if create_time is None:
        create_time = stamps[record.create_time] = _timestamp(record.create_time)
    # Default-valued fields are left out: setting them costs as much as the rest.
    receipt = resources_pb2.Receipt(
        name=receipt_name(record),
        digest=record.digest,
        submitter=record.submitter,
        state=_STATES[record.state],
        create_time=create_time,
    )
    if record.metadata:
        receipt.metadata.update(record.metadata)
    if record.failure_reason:
        receipt.failure_reason = record.failure_reason
    if record.attempts:
        receipt.attempts = record.attempts
    if record.anchor is not None:
        anchor = record.anchor
        receipt.anchor.CopyFrom(
            resources_pb2.AnchorProof(
                root=anchor.root,
                leaf_index=anchor.leaf_index,
                tree_size=anchor.tree_size,
                proof=list(anchor.proof),
                transaction_hash=anchor.transaction_hash,
                block_number=anchor.block_number,
                block_time=_timestamp(anchor.block_time),
                chain_id=anchor.chain_id,
                contract_address=anchor.contract_address,
                signer_address=anchor.signer_address,
            )
        )
    return receipt


def _time(stamp: Timestamp, present: bool) -> datetime | None:
    return stamp.ToDatetime(tzinfo=UTC) if present else None


class LedgerServicer(pb_grpc.LedgerServiceServicer):
    def __init__(self, ledger: Ledger) -> None:
        self._ledger = ledger

    async def AnchorDigests(
        self,
        request: pb.AnchorDigestsRequest,
        context: grpc.aio.ServicerContext[pb.AnchorDigestsRequest, pb.AnchorDigestsResponse],
    ) -> pb.AnchorDigestsResponse:
        principal = current_principal()
        receipts = await self._ledger.anchor_digests(
            principal.subject,
            [DigestEntry(d.digest, dict(d.metadata) if len(d.metadata) else {}) for d in request.digests],
            request_id=request.request_id,
            request_body=request.SerializeToString(deterministic=True),
            submitter_org=principal.org or "",
        )
        stamps: dict[datetime, Timestamp] = {}
        return pb.AnchorDigestsResponse(receipts=[_receipt(r, stamps) for r in receipts])

    async def GetReceipt(
        self,
        request: pb.GetReceiptRequest,
        context: grpc.aio.ServicerContext[pb.GetReceiptRequest, pb.GetReceiptResponse],
    ) -> pb.GetReceiptResponse:
        return pb.GetReceiptResponse(receipt=_receipt(await self._ledger.get_receipt(request.name)))

    async def VerifyDigest(
        self,
        request: pb.VerifyDigestRequest,
        context: grpc.aio.ServicerContext[pb.VerifyDigestRequest, pb.VerifyDigestResponse],
    ) -> pb.VerifyDigestResponse:
        receipts = await self._ledger.verify_digest(request.digest, request.submitter)
        return pb.VerifyDigestResponse(
            anchored=any(r.state == "CONFIRMED" for r in receipts), receipts=[_receipt(r) for r in receipts]
        )

    async def ListAnchors(
        self,
        request: pb.ListAnchorsRequest,
        context: grpc.aio.ServicerContext[pb.ListAnchorsRequest, pb.ListAnchorsResponse],
    ) -> pb.ListAnchorsResponse:
        time_range = request.create_time_range
        page = await self._ledger.list_anchors(
            self._ledger.reader(current_principal()),
            submitter=request.submitter,
            start=_time(time_range.start_time, time_range.HasField("start_time")),
            end=_time(time_range.end_time, time_range.HasField("end_time")),
            page_size=request.page_size,
            page_token=request.page_token,
        )
        return pb.ListAnchorsResponse(
            receipts=[_receipt(r) for r in page.receipts], next_page_token=page.next_page_token
        )

    async def WatchAnchors(
        self,
        request: pb.WatchAnchorsRequest,
        context: grpc.aio.ServicerContext[pb.WatchAnchorsRequest, pb.WatchAnchorsResponse],
    ) -> AsyncIterator[pb.WatchAnchorsResponse]:
        reader = self._ledger.reader(current_principal())
        async for receipts in self._ledger.watch_confirmations(reader, request.submitter):
            yield pb.WatchAnchorsResponse(receipts=[_receipt(r) for r in receipts])
