"""The Python (grpcio) SDK example: a service-account token, GetWhoAmI, a paginated
SearchListings in Chinese, and two refused calls with their google.rpc details.

    JIPAN_TARGET=127.0.0.1:50051 JIPAN_TOKEN_ISSUER=... JIPAN_SERVICE_ACCOUNT=services/... \
    JIPAN_SERVICE_ACCOUNT_KEY_FILE=key.pem python sdk/python/example.py

The SDK is the generated `jipan.*.v1` modules plus `jipan.interceptors.client`
(channel factory: TLS, request id, deadline propagation, bearer token) and
`jipan.clients.service_tokens` (RFC 7523 assertion → access token, renewed).
Error details are decoded with grpcio-status (`rpc_status.from_call`).
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import grpc
from google.rpc import error_details_pb2
from grpc_status import rpc_status

from jipan.clients.service_tokens import service_token_source
from jipan.interceptors.client import target_channel
from jipan.procurement.v1 import catalog_service_pb2 as cpb
from jipan.procurement.v1 import catalog_service_pb2_grpc as cpb_grpc
from jipan.procurement.v1 import resources_pb2 as pres
from jipan.servers.runtime.settings import Settings
from jipan.system.v1 import system_service_pb2 as spb
from jipan.system.v1 import system_service_pb2_grpc as spb_grpc

TIMEOUT_S = 10.0


async def bench(call: Callable[[], Awaitable[object]], seconds: float, concurrency: int) -> float:
    """GetWhoAmI round trips per second from `concurrency` concurrent callers (bench/sdks.py)."""
    await call()  # token and connection first
    done = 0
    end = time.monotonic() + seconds

    async def worker() -> None:
        nonlocal done
        while time.monotonic() < end:
            await call()
            done += 1

    start = time.monotonic()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return done / (time.monotonic() - start)


def details(error: grpc.aio.AioRpcError) -> tuple[str, str, list[str]]:
    """(ErrorInfo reason, domain, BadRequest fields) of a refused call."""
    status = rpc_status.from_call(error)  # AioRpcError carries the trailers
    reason = domain = ""
    fields: list[str] = []
    for detail in status.details if status else []:
        if detail.Is(error_details_pb2.ErrorInfo.DESCRIPTOR):
            info = error_details_pb2.ErrorInfo()
            detail.Unpack(info)
            reason, domain = info.reason, info.domain
        elif detail.Is(error_details_pb2.BadRequest.DESCRIPTOR):
            bad = error_details_pb2.BadRequest()
            detail.Unpack(bad)
            fields += [v.field for v in bad.field_violations]
    return reason, domain, fields


async def main() -> None:
    target = os.environ["JIPAN_TARGET"]
    # TLS when JIPAN_TLS_CA_FILE is set; mTLS with JIPAN_TLS_CERT_FILE and JIPAN_TLS_KEY_FILE too.
    ca_file = Path(os.environ["JIPAN_TLS_CA_FILE"]) if os.environ.get("JIPAN_TLS_CA_FILE") else None
    cert_file, key_file = os.environ.get("JIPAN_TLS_CERT_FILE"), os.environ.get("JIPAN_TLS_KEY_FILE")
    settings = Settings(
        identity_target=target,
        identity_target_ca_file=ca_file,
        outbound_tls_cert_file=cert_file or None,
        outbound_tls_key_file=key_file or None,
        token_issuer=os.environ["JIPAN_TOKEN_ISSUER"],
        service_account=os.environ["JIPAN_SERVICE_ACCOUNT"],
        service_account_key_file=Path(os.environ["JIPAN_SERVICE_ACCOUNT_KEY_FILE"]),
    )
    tokens = service_token_source(settings, "sdk-example", ["procurement.read"])
    channel = target_channel(
        target, ca_file, client_cert=settings.outbound_certificate(), token_source=tokens
    )
    try:
        system = spb_grpc.SystemServiceStub(channel)
        if seconds := float(os.environ.get("JIPAN_BENCH_SECONDS", "0")):
            concurrency = int(os.environ.get("JIPAN_BENCH_CONCURRENCY", "16"))
            rps = await bench(
                lambda: system.GetWhoAmI(spb.GetWhoAmIRequest(), timeout=TIMEOUT_S), seconds, concurrency
            )
            print("rps", round(rps, 1))
            return
        who = await system.GetWhoAmI(spb.GetWhoAmIRequest(), timeout=TIMEOUT_S)
        print("whoami", who.principal.subject)
        catalog = cpb_grpc.CatalogServiceStub(channel)
        query = os.environ.get("JIPAN_EXAMPLE_QUERY", "雲端備份")
        page_size = int(os.environ.get("JIPAN_EXAMPLE_PAGE_SIZE", "2"))
        token, page = "", 0
        while True:
            response = await catalog.SearchListings(
                cpb.SearchListingsRequest(query=query, page_size=page_size, page_token=token),
                timeout=TIMEOUT_S,
            )
            page += 1
            print("page", page, len(response.listings))
            for listing in response.listings:
                print("listing", listing.name)
            token = response.next_page_token
            if not token:
                break
        try:
            await catalog.CreateLot(
                cpb.CreateLotRequest(lot=pres.Lot(display_name="不允許")), timeout=TIMEOUT_S
            )
        except grpc.aio.AioRpcError as error:
            reason, domain, _ = details(error)
            print("refused", error.code().name, reason, domain)
        try:
            await catalog.SearchListings(
                cpb.SearchListingsRequest(query=query, page_size=-1), timeout=TIMEOUT_S
            )
        except grpc.aio.AioRpcError as error:
            reason, _, fields = details(error)
            print("invalid", error.code().name, reason, *fields)
    finally:
        await channel.close()
        await tokens.aclose()


if __name__ == "__main__":
    asyncio.run(main())
