"""jipan.document.v1: OCR of Chinese and English documents, the models run through the inference gateway.

DocumentService decodes the image (image.py), prepares the detection
input and extracts boxes from the model's probability map (detection.py),
crops and batches the lines and decodes what the recognition model reads
(recognition.py), and orders them (reading_order.py); PDFs are rendered
page by page with PDFium (pdf.py). The models themselves (PP-OCRv4 detection, the
PP-OCR direction classifier, PP-OCRv5 recognition: the registry's public
`ocr-text-detection`, `ocr-text-direction` and `ocr-text-recognition`) run
wherever the inference service deployed them, called over gRPC
(gateway.py). Long PDFs are read in the background as AIP-151 operations
(operations.py), whose progress and result are the only thing stored
(store.py); the documents themselves never are.
"""

from __future__ import annotations

import grpc

from jipan.clients.service_tokens import service_token_source
from jipan.document.v1 import document_service_pb2, document_service_pb2_grpc
from jipan.servers.document.domain import TextExtraction
from jipan.servers.document.gateway import InferenceGateway
from jipan.servers.document.operations import TextExtractionOperations
from jipan.servers.document.servicer import DocumentServicer
from jipan.servers.document.store import MIGRATIONS, SCHEMA, DocumentStore
from jipan.servers.runtime.idempotency import RequestIds
from jipan.servers.runtime.runtime import Runtime, ServiceModule
from jipan.servers.runtime.settings import ConfigError

DOCUMENT_SERVICE = document_service_pb2.DESCRIPTOR.services_by_name["DocumentService"].full_name
GATEWAY_SERVICE = "inference.GRPCInferenceService"


def attach(server: grpc.aio.Server, runtime: Runtime) -> None:
    settings = runtime.settings
    if settings.inference_target is None and GATEWAY_SERVICE not in runtime.services:
        raise ConfigError("document needs JIPAN_INFERENCE_TARGET when this server does not serve inference")
    if settings.inference_target is None and settings.tls_cert_file is not None:
        raise ConfigError(
            "with TLS on, set JIPAN_INFERENCE_TARGET (and JIPAN_INFERENCE_TARGET_CA_FILE) for document's "
            "calls to the inference gateway"
        )

    gateway = InferenceGateway(
        settings.inference_target or runtime.own_target,
        ca_file=settings.inference_target_ca_file,
        client_cert=settings.outbound_certificate(),
        token_source=service_token_source(settings, "document", ["inference.infer"]),
    )
    runtime.on_shutdown(gateway.aclose)
    extraction = TextExtraction(gateway)
    operations = TextExtractionOperations(
        extraction, DocumentStore(runtime.database), RequestIds(), runtime.page_tokens
    )
    # Registered after the gateway's: shutdown callbacks run last-first, so the
    # running operations are failed as interrupted before their channel closes.
    runtime.on_shutdown(operations.close)
    document_service_pb2_grpc.add_DocumentServiceServicer_to_server(
        DocumentServicer(extraction, operations), server
    )


SERVICE = ServiceModule(
    name="document",
    service_names=(DOCUMENT_SERVICE,),
    attach=attach,
    schema=SCHEMA,
    migrations=MIGRATIONS,
)
