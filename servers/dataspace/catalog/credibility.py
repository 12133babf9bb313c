"""The credibility data space (數據源公信力資料空間): an organisation's published fact-checks as a dataset.

The factcheck service owns fact-checks; dataspace reads them only through
factcheck's public contract — SearchFactChecks (published ones, by
publisher) and ExportClaimReview (one schema.org ClaimReview JSON-LD
document each) — so a draft can never enter the data space. The documents
become the data of the dataset's "claimreview" distribution: a JSON array,
newest first, uploaded like any other distribution (size and SHA-256 as
received), under an open offer (use, with attribution).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from pathlib import Path

import grpc
import structlog

from jipan.factcheck.v1 import factcheck_service_pb2 as fpb
from jipan.factcheck.v1 import factcheck_service_pb2_grpc as fpb_grpc
from jipan.interceptors.client import LazyChannel
from jipan.servers.dataspace.catalog.types import DatasetFields, Distribution, Offer
from jipan.servers.dataspace.names import DOMAIN
from jipan.servers.runtime.errors import Unavailable
from jipan.servers.runtime.settings import ClientCertificate

log = structlog.get_logger(__name__)

CALL_TIMEOUT_S = 30.0
RETRY_AFTER_S = 5.0
PAGE_SIZE = 100  # factcheck's maximum
MAX_FACT_CHECKS = 10_000
EXPORTS_IN_FLIGHT = 8
DISTRIBUTION_ID = "claimreview"
OPEN_POLICY = json.dumps(
    {
        "@context": "http://www.w3.org/ns/odrl.jsonld",
        "@type": "Offer",
        "uid": "urn:jipan:dataspace:credibility:open",
        "permission": [{"uid": "open-use", "action": "use", "duty": [{"action": "attribute"}]}],
    },
    ensure_ascii=False,
)


def fact_check_fields(publisher: str, license_id: str) -> DatasetFields:
    """The DCAT description of a publisher's fact-check dataset, as first published."""
    org = publisher.removeprefix("orgs/")
    return DatasetFields(
        title=f"事實查核報告（{org}）",
        title_en=f"Fact-checks published by {org}",
        description=f"{org} 發布的事實查核報告，schema.org ClaimReview JSON-LD 格式，由事實查核服務匯出。",
        description_en=(
            f"The fact-checks {org} has published, as schema.org ClaimReview JSON-LD, exported from the "
            "factcheck service."
        ),
        themes=("SOCI",),
        keywords=("事實查核", "數據源公信力", "fact-check", "ClaimReview"),
        spatial="TW",
        license=license_id or "CC-BY-4.0",
        update_frequency="CONTINUOUS",
        distributions=(Distribution(DISTRIBUTION_ID, "ClaimReview JSON-LD", "application/ld+json", 0, b""),),
        offers=(Offer("open", OPEN_POLICY, b""),),
    )


class FactCheckSource:
    """factcheck's published fact-checks over one channel (opened on first use); its public methods."""

    def __init__(
        self,
        target: str | Callable[[], str],
        *,
        ca_file: Path | None,
        client_cert: ClientCertificate | None = None,
    ) -> None:
        self._channel = LazyChannel(
            target,
            ca_file=ca_file,
            client_cert=client_cert,
        )

    def _stub(self) -> fpb_grpc.FactCheckServiceAsyncStub:
        stub: fpb_grpc.FactCheckServiceAsyncStub = fpb_grpc.FactCheckServiceStub(self._channel.get())
        return stub

    async def claim_reviews(self, publisher: str) -> list[object]:
        """The publisher's published fact-checks as ClaimReview documents, newest first (at most
        MAX_FACT_CHECKS). Raises FACTCHECK_UNAVAILABLE."""
        stub = self._stub()
        try:
            names: list[str] = []
            token = ""
            while len(names) < MAX_FACT_CHECKS:
                page = await stub.SearchFactChecks(
                    fpb.SearchFactChecksRequest(publisher=publisher, page_size=PAGE_SIZE, page_token=token),
                    timeout=CALL_TIMEOUT_S,
                )
                names += [fact_check.name for fact_check in page.fact_checks]
                token = page.next_page_token
                if not token:
                    break
            gate = asyncio.Semaphore(EXPORTS_IN_FLIGHT)

            async def export(name: str) -> object | None:
                async with gate:
                    try:
                        response = await stub.ExportClaimReview(
                            fpb.ExportClaimReviewRequest(name=name), timeout=CALL_TIMEOUT_S
                        )
                    except grpc.aio.AioRpcError as exc:
                        if exc.code() == grpc.StatusCode.NOT_FOUND:
                            return None  # withdrawn since the search: it is not published any more
                        raise
                document: object = json.loads(response.json_ld)
                return document

            found = await asyncio.gather(*(export(name) for name in names[:MAX_FACT_CHECKS]))
            return [document for document in found if document is not None]
        except grpc.aio.AioRpcError as exc:
            log.warning("factcheck unavailable", code=exc.code().name, detail=exc.details())
            raise Unavailable(
                "FACTCHECK_UNAVAILABLE",
                "the factcheck service did not answer; retry",
                domain=DOMAIN,
                metadata={"factcheck_status": exc.code().name},
                retry_after_s=RETRY_AFTER_S,
            ) from exc

    async def aclose(self) -> None:
        await self._channel.aclose()
