"""DocumentService over gRPC: unpack, call the domain, pack."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import grpc
from google.protobuf.timestamp_pb2 import Timestamp

from jipan.document.v1 import document_service_pb2 as dpb
from jipan.document.v1 import document_service_pb2_grpc as dpb_grpc
from jipan.document.v1 import resources_pb2 as res
from jipan.interceptors.context import current_principal
from jipan.servers.document.domain import ExtractedText, Operation, PageText, TextExtraction
from jipan.servers.document.operations import TextExtractionOperations, operation_name

Context = grpc.aio.ServicerContext[Any, Any]


def _pages(pages: tuple[PageText, ...]) -> list[res.Page]:
    return [
        res.Page(
            width=page.width,
            height=page.height,
            lines=[
                res.Line(
                    text=line.text,
                    polygon=[res.Point(x=x, y=y) for x, y in line.polygon],
                    confidence=line.confidence,
                    reading_order=line.reading_order,
                )
                for line in page.lines
            ],
        )
        for page in pages
    ]


def _response(extracted: ExtractedText) -> dpb.ExtractTextResponse:
    return dpb.ExtractTextResponse(pages=_pages(extracted.pages), models=list(extracted.models))


def _timestamp(value: datetime | None) -> Timestamp | None:
    if value is None:
        return None
    stamp = Timestamp()
    stamp.FromDatetime(value.astimezone(UTC))
    return stamp


def _operation(operation: Operation) -> res.Operation:
    message = res.Operation(
        name=operation_name(operation.id),
        metadata=res.OperationMetadata(
            pages_done=operation.pages_done,
            pages_total=operation.pages_total,
            requester=operation.requester,
            create_time=_timestamp(operation.create_time),
            update_time=_timestamp(operation.update_time),
            end_time=_timestamp(operation.end_time),
        ),
        done=operation.done,
    )
    if operation.error is not None:
        e = operation.error
        message.error.CopyFrom(
            res.OperationError(
                code=grpc.StatusCode.__members__.get(e.code, grpc.StatusCode.UNKNOWN).value[0],
                message=e.message,
                reason=e.reason,
                domain=e.domain,
                metadata=e.metadata,
            )
        )
    elif operation.result is not None:
        message.response.CopyFrom(
            res.ExtractedDocument(pages=_pages(operation.result.pages), models=list(operation.result.models))
        )
    return message


class DocumentServicer(dpb_grpc.DocumentServiceServicer):
    def __init__(self, extraction: TextExtraction, operations: TextExtractionOperations) -> None:
        self._extraction = extraction
        self._operations = operations

    async def ExtractText(self, request: dpb.ExtractTextRequest, context: Context) -> dpb.ExtractTextResponse:
        extracted = await self._extraction.extract_text(
            request.content, request.mime_type, list(request.languages)
        )
        return _response(extracted)

    async def ExtractDocumentText(
        self, request: dpb.ExtractDocumentTextRequest, context: Context
    ) -> dpb.ExtractDocumentTextResponse:
        operation = await self._operations.start(
            current_principal(),
            request.content,
            request.mime_type,
            list(request.languages),
            request.request_id,
        )
        return dpb.ExtractDocumentTextResponse(operation=_operation(operation))

    async def GetOperation(
        self, request: dpb.GetOperationRequest, context: Context
    ) -> dpb.GetOperationResponse:
        operation = await self._operations.get(current_principal(), request.name)
        return dpb.GetOperationResponse(operation=_operation(operation))

    async def ListOperations(
        self, request: dpb.ListOperationsRequest, context: Context
    ) -> dpb.ListOperationsResponse:
        operations, token = await self._operations.list(
            current_principal(),
            done=request.done if request.HasField("done") else None,
            page_size=request.page_size,
            page_token=request.page_token,
        )
        return dpb.ListOperationsResponse(
            operations=[_operation(operation) for operation in operations], next_page_token=token
        )
