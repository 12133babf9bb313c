"""A local HTTP server that speaks the AWS Price List Query API's GetProducts (moto has no Pricing API).

Tests drive the real aioboto3/botocore `pricing` client against it at the
account's endpoint. It speaks the API's JSON protocol: `POST /` with
`X-Amz-Target: AWSPriceListService.GetProducts` and
`Content-Type: application/x-amz-json-1.1`; the body names `ServiceCode`,
`Filters` (TERM_MATCH on `productFamily` or a product attribute),
`FormatVersion`, `MaxResults` and `NextToken`; the answer is `FormatVersion`,
`PriceList` (each entry a JSON string: the offer file's product with its `sku`,
`serviceCode`, and its terms) and a `NextToken` while entries remain. Errors
are `{"__type": ..., "message": ...}` as AWS sends them.

It serves the products of committed offer-file excerpts (tests/cloud/data/),
so the entries are the excerpt's products and terms, reshaped as the Query
API shapes them. Every request must carry a SigV4 `Authorization` header for
the `pricing` service with an access key the fake knows (one it does not know
is refused as AWS refuses it); `denied_keys` answers AccessDeniedException
(a key whose policy lacks pricing:GetProducts); `page_size` makes pages
small so that pagination is exercised.
"""

from __future__ import annotations

import base64
import json
import re
import threading
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

_TARGET = "AWSPriceListService.GetProducts"
_AUTHORIZATION = re.compile(
    r"^AWS4-HMAC-SHA256 Credential=([A-Z0-9]+)/[0-9]{8}/([a-z0-9-]+)/pricing/aws4_request,"
    r" ?SignedHeaders=[a-z0-9;-]+, ?Signature=[0-9a-f]{64}$"
)


def price_list_entries(offer_file: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The offer file's products as GetProducts entries: product (with its sku), service code, terms."""
    entries = []
    for sku, product in offer_file["products"].items():
        terms = {
            kind: {term: body for term, body in by_sku.get(sku, {}).items()}
            for kind, by_sku in offer_file["terms"].items()
            if sku in by_sku
        }
        entries.append(
            {
                "product": {**product, "sku": sku},
                "serviceCode": product["attributes"].get("servicecode", offer_file.get("offerCode", "")),
                "terms": terms,
                "version": offer_file.get("version", ""),
                "publicationDate": offer_file.get("publicationDate", ""),
            }
        )
    return entries


@dataclass
class FakePricing:
    endpoint: str = ""
    entries: list[dict[str, Any]] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)  # access key ids that sign requests
    denied_keys: set[str] = field(default_factory=set)
    page_size: int = 100
    # (access key, signing region, ServiceCode, filters, NextToken) of every GetProducts answered
    calls: list[tuple[str, str, str, dict[str, str], str]] = field(default_factory=list)

    def serve_offer_files(self, paths: Sequence[Path]) -> None:
        self.entries = [entry for path in paths for entry in price_list_entries(json.loads(path.read_text()))]

    def matching(self, service_code: str, filters: Mapping[str, str]) -> list[dict[str, Any]]:
        def value(entry: Mapping[str, Any], name: str) -> str:
            product = entry["product"]
            if name == "productFamily":
                return str(product.get("productFamily", ""))
            return str(product["attributes"].get(name, ""))

        return [
            entry
            for entry in self.entries
            if entry["serviceCode"] == service_code
            and all(value(entry, name) == wanted for name, wanted in filters.items())
        ]


def _handler(fake: FakePricing) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

        def _send(self, status: int, body: Mapping[str, Any]) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/x-amz-json-1.1")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("x-amzn-RequestId", "00000000-0000-0000-0000-000000000000")
            self.end_headers()
            self.wfile.write(data)

        def _error(self, status: int, code: str, message: str) -> None:
            self._send(status, {"__type": code, "message": message})

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            if self.path != "/" or self.headers.get("X-Amz-Target") != _TARGET:
                self._error(400, "UnknownOperationException", "only GetProducts is spoken here")
                return
            if self.headers.get("Content-Type") != "application/x-amz-json-1.1":
                self._error(400, "SerializationException", "expected application/x-amz-json-1.1")
                return
            signed = _AUTHORIZATION.match(self.headers.get("Authorization", ""))
            if signed is None:
                self._error(400, "MissingAuthenticationTokenException", "the request is not signed (SigV4)")
                return
            key, region = signed.group(1), signed.group(2)
            if key not in fake.keys:
                self._error(400, "UnrecognizedClientException", "The security token included is invalid.")
                return
            if key in fake.denied_keys:
                self._error(
                    400,
                    "AccessDeniedException",
                    "User is not authorized to perform: pricing:GetProducts",
                )
                return
            request = json.loads(body or b"{}")
            filters: dict[str, str] = {}
            for given in request.get("Filters", []):
                if given.get("Type") != "TERM_MATCH":
                    self._error(400, "InvalidParameterException", "a filter's Type must be TERM_MATCH")
                    return
                filters[str(given["Field"])] = str(given["Value"])
            service_code = str(request.get("ServiceCode", ""))
            token = str(request.get("NextToken", ""))
            fake.calls.append((key, region, service_code, filters, token))
            matching = fake.matching(service_code, filters)
            start = 0
            if token:
                query, _, offset = base64.urlsafe_b64decode(token).decode().rpartition("@")
                if query != json.dumps([service_code, filters], sort_keys=True):
                    self._error(400, "InvalidNextTokenException", "the token is another query's")
                    return
                start = int(offset)
            size = min(int(request.get("MaxResults", 100)), fake.page_size)
            page = matching[start : start + size]
            answer: dict[str, Any] = {
                "FormatVersion": request.get("FormatVersion", "aws_v1"),
                "PriceList": [json.dumps(entry) for entry in page],
            }
            if start + size < len(matching):
                query = json.dumps([service_code, filters], sort_keys=True)
                answer["NextToken"] = base64.urlsafe_b64encode(f"{query}@{start + size}".encode()).decode()
            self._send(200, answer)

    return Handler


def serve_fake_pricing() -> Iterator[FakePricing]:
    fake = FakePricing()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(fake))
    fake.endpoint = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
