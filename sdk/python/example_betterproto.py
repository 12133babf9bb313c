"""The betterproto2 SDK example (async dataclasses over grpclib): a service-account
token, GetWhoAmI, a paginated SearchListings in Chinese, two refused calls.

    PYTHONPATH=gen/betterproto:sdk/python JIPAN_TARGET=127.0.0.1:50051 JIPAN_TOKEN_ISSUER=... \
    JIPAN_SERVICE_ACCOUNT=services/... JIPAN_SERVICE_ACCOUNT_KEY_FILE=key.pem \
    python sdk/python/example_betterproto.py
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

from example import bench
from grpclib.exceptions import GRPCError
from jipan_betterproto.jipan.procurement.v1 import (
    CatalogServiceStub,
    CreateLotRequest,
    Lot,
    SearchListingsRequest,
)
from jipan_betterproto.jipan.system.v1 import GetWhoAmIRequest, SystemServiceStub
from jipan_betterproto_sdk import DEFAULT_TIMEOUT_S, ServiceAccountTokens, mesh_channel, mesh_error


async def main() -> None:
    target = os.environ["JIPAN_TARGET"]
    # TLS when JIPAN_TLS_CA_FILE is set; mTLS with JIPAN_TLS_CERT_FILE and JIPAN_TLS_KEY_FILE too.
    tls = {
        option: Path(os.environ[variable])
        for option, variable in (
            ("ca_file", "JIPAN_TLS_CA_FILE"),
            ("cert_file", "JIPAN_TLS_CERT_FILE"),
            ("key_file", "JIPAN_TLS_KEY_FILE"),
        )
        if os.environ.get(variable)
    }
    identity = mesh_channel(target, **tls)
    tokens = ServiceAccountTokens(
        os.environ["JIPAN_SERVICE_ACCOUNT"],
        Path(os.environ["JIPAN_SERVICE_ACCOUNT_KEY_FILE"]),
        os.environ["JIPAN_TOKEN_ISSUER"],
        identity,
        ["procurement.read"],
    )
    channel = mesh_channel(target, tokens=tokens, **tls)
    try:
        system = SystemServiceStub(channel, timeout=DEFAULT_TIMEOUT_S)
        if seconds := float(os.environ.get("JIPAN_BENCH_SECONDS", "0")):
            concurrency = int(os.environ.get("JIPAN_BENCH_CONCURRENCY", "16"))
            print(
                "rps",
                round(await bench(lambda: system.get_who_am_i(GetWhoAmIRequest()), seconds, concurrency), 1),
            )
            return
        who = await system.get_who_am_i(GetWhoAmIRequest())
        print("whoami", who.principal.subject if who.principal else "")
        catalog = CatalogServiceStub(channel, timeout=DEFAULT_TIMEOUT_S)
        query = os.environ.get("JIPAN_EXAMPLE_QUERY", "雲端備份")
        page_size = int(os.environ.get("JIPAN_EXAMPLE_PAGE_SIZE", "2"))
        token, page = "", 0
        while True:
            response = await catalog.search_listings(
                SearchListingsRequest(query=query, page_size=page_size, page_token=token)
            )
            page += 1
            print("page", page, len(response.listings))
            for listing in response.listings:
                print("listing", listing.name)
            token = response.next_page_token
            if not token:
                break
        try:
            await catalog.create_lot(CreateLotRequest(lot=Lot(display_name="不允許")))
        except GRPCError as error:
            refused = mesh_error(error)
            print("refused", refused.code, refused.reason, refused.domain)
        try:
            await catalog.search_listings(SearchListingsRequest(query=query, page_size=-1))
        except GRPCError as error:
            invalid = mesh_error(error)
            print("invalid", invalid.code, invalid.reason, *(v.field for v in invalid.field_violations))
    finally:
        channel.close()
        identity.close()


if __name__ == "__main__":
    asyncio.run(main())
