"""DocumentService over gRPC: unpack, call the domain, pack."""

from __future__ import annotations

from typing import Any

import grpc

from jipan.document.v1 import document_service_pb2 as dpb
from jipan.document.v1 import document_service_pb2_grpc as dpb_grpc
from jipan.document.v1 import resources_pb2 as res
from jipan.servers.document.domain import ExtractedText, TextExtraction

Context = grpc.aio.ServicerContext[Any, Any]


def _response(extracted: ExtractedText) -> dpb.ExtractTextResponse:
    return dpb.ExtractTextResponse(
        pages=[
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
            for page in extracted.pages
        ],
        models=list(extracted.models),
    )


class DocumentServicer(dpb_grpc.DocumentServiceServicer):
    def __init__(self, extraction: TextExtraction) -> None:
        self._extraction = extraction

    async def ExtractText(self, request: dpb.ExtractTextRequest, context: Context) -> dpb.ExtractTextResponse:
        extracted = await self._extraction.extract_text(
            request.content, request.mime_type, list(request.languages)
        )
        return _response(extracted)
