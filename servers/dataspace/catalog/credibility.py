"""The credibility data space (數據源公信力資料空間): an organisation's published fact-checks
and source credibility records as datasets.

The factcheck service owns fact-checks; dataspace reads them only through
factcheck's public contract — SearchFactChecks (published ones, by
publisher) and ExportClaimReview (one schema.org ClaimReview JSON-LD
document each) — so a draft can never enter the data space. The documents
become the data of the dataset's "claimreview" distribution: a JSON array,
newest first, uploaded like any other distribution (size and SHA-256 as
received), under an open offer (use, with attribution).

Source credibility records are listed by factcheck's SourceService only to
their own organisation, so they are read with the publisher's own access
token (the one PublishSourceRatingsDataset was called with, as privacy.py
does for AssessDistribution), and only PUBLISHED ones: a DRAFT is still
being assessed and a WITHDRAWN one is no longer in force (CheckSource
ignores both). They become the "source-ratings" distribution: a JSON array,
oldest first, one plain object per record (no fitting linked-data
vocabulary for a site's credibility rating exists; schema.org's Rating needs
a reviewed item and a scale, which these records do not have), and the same
records as CSV, "source-ratings-csv", for spreadsheets.
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import grpc
import structlog
from google.protobuf.timestamp_pb2 import Timestamp

from jipan.factcheck.v1 import factcheck_service_pb2 as fpb
from jipan.factcheck.v1 import factcheck_service_pb2_grpc as fpb_grpc
from jipan.factcheck.v1 import resources_pb2 as fres
from jipan.factcheck.v1 import source_service_pb2 as spb
from jipan.factcheck.v1 import source_service_pb2_grpc as spb_grpc
from jipan.interceptors.client import LazyChannel
from jipan.servers.dataspace.catalog.types import DatasetFields, Distribution, Offer
from jipan.servers.dataspace.downstream import downstream_error, unavailable
from jipan.servers.runtime.settings import ClientCertificate

log = structlog.get_logger(__name__)

CALL_TIMEOUT_S = 30.0
PAGE_SIZE = 100  # factcheck's maximum
MAX_FACT_CHECKS = 10_000
EXPORTS_IN_FLIGHT = 8
DISTRIBUTION_ID = "claimreview"
SOURCE_RATINGS_ID = "source-ratings"
SOURCE_RATINGS_CSV_ID = "source-ratings-csv"
CSV_COLUMNS = (
    "name",
    "target",
    "normalized_target",
    "domain_wide",
    "credibility",
    "assessed_by",
    "assess_time",
    "update_time",
    "evidence_links",
    "evidence",
)
SOURCE_PAGE_SIZE = 500  # ListSources' maximum
MAX_SOURCE_RATINGS = 10_000
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


def source_ratings_fields(publisher: str, license_id: str) -> DatasetFields:
    """The DCAT description of a publisher's source ratings dataset, as first published."""
    org = publisher.removeprefix("orgs/")
    return DatasetFields(
        title=f"數據源公信力評等（{org}）",
        title_en=f"Source credibility ratings by {org}",
        description=(
            f"{org} 發布的網站與網址公信力評等：正規化的網域或網址前綴、評等、評估者、佐證連結與評估日期，"
            "JSON 與 CSV 格式，由事實查核服務匯出（僅限已發布者）。"
        ),
        description_en=(
            f"The source credibility ratings {org} has published: the normalised domain or URL prefix, "
            "the rating, who assessed it, evidence links and the assessment date, as JSON and CSV, "
            "exported from the factcheck service (published records only)."
        ),
        themes=("SOCI",),
        keywords=("數據源公信力", "來源評等", "source credibility", "source rating"),
        spatial="TW",
        license=license_id or "CC-BY-4.0",
        update_frequency="CONTINUOUS",
        distributions=(
            Distribution(SOURCE_RATINGS_ID, "Source credibility ratings (JSON)", "application/json", 0, b""),
            Distribution(SOURCE_RATINGS_CSV_ID, "Source credibility ratings (CSV)", "text/csv", 0, b""),
        ),
        offers=(Offer("open", OPEN_POLICY, b""),),
    )


def _time(stamp: Timestamp) -> str:
    """A Timestamp as RFC 3339 UTC, or "" when unset."""
    return stamp.ToJsonString() if stamp.seconds or stamp.nanos else ""


@dataclass(frozen=True)
class SourceRating:
    """One published source credibility record as the data space offers it."""

    name: str
    target: str
    normalized_target: str
    domain_wide: bool
    credibility: str  # reliable, mostly_reliable, mixed, unreliable, fabricated or satire
    evidence: str
    evidence_links: tuple[tuple[str, str], ...]  # (uri, title)
    assessed_by: str
    assess_time: str
    update_time: str

    @classmethod
    def from_pb(cls, source: fres.Source) -> SourceRating:
        return cls(
            name=source.name,
            target=source.target,
            normalized_target=source.normalized_target,
            domain_wide=source.domain_wide,
            credibility=fres.Credibility.Name(source.credibility).removeprefix("CREDIBILITY_").lower(),
            evidence=source.evidence,
            evidence_links=tuple((link.uri, link.title) for link in source.evidence_links),
            assessed_by=source.assessed_by,
            assess_time=_time(source.assess_time) or _time(source.create_time),
            update_time=_time(source.update_time),
        )

    def to_json(self) -> dict[str, object]:
        """The record in the "source-ratings" distribution (documented on the RPC)."""
        return {
            "name": self.name,
            "target": self.target,
            "normalized_target": self.normalized_target,
            "domain_wide": self.domain_wide,
            "credibility": self.credibility,
            "evidence": self.evidence,
            "evidence_links": [{"uri": uri, "title": title} for uri, title in self.evidence_links],
            "assessed_by": self.assessed_by,
            "assess_time": self.assess_time,
            "update_time": self.update_time,
        }

    def csv_row(self) -> tuple[str, ...]:
        """The record as a row of CSV_COLUMNS: evidence links' URIs joined by spaces, domain_wide
        as true/false."""
        return (
            self.name,
            self.target,
            self.normalized_target,
            "true" if self.domain_wide else "false",
            self.credibility,
            self.assessed_by,
            self.assess_time,
            self.update_time,
            " ".join(uri for uri, _ in self.evidence_links),
            self.evidence,
        )


def source_ratings_json(ratings: Sequence[SourceRating]) -> bytes:
    """The "source-ratings" distribution's data: a compact UTF-8 JSON array."""
    return json.dumps([r.to_json() for r in ratings], ensure_ascii=False, separators=(",", ":")).encode()


def source_ratings_csv(ratings: Sequence[SourceRating]) -> bytes:
    """The "source-ratings-csv" distribution's data: UTF-8 CSV, a header row of CSV_COLUMNS."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(rating.csv_row() for rating in ratings)
    return out.getvalue().encode()


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
            raise unavailable(exc, "factcheck") from exc

    async def source_ratings(self, publisher: str, bearer_token: str) -> list[SourceRating]:
        """The publisher's PUBLISHED source credibility records, oldest first (at most
        MAX_SOURCE_RATINGS), listed with the publisher's `bearer_token`. Raises
        FACTCHECK_UNAVAILABLE, or FACTCHECK_REFUSED when factcheck refuses the token."""
        stub: spb_grpc.SourceServiceAsyncStub = spb_grpc.SourceServiceStub(self._channel.get())
        metadata = (("authorization", f"Bearer {bearer_token}"),)
        records: list[SourceRating] = []
        token = ""
        try:
            while len(records) < MAX_SOURCE_RATINGS:
                page = await stub.ListSources(
                    spb.ListSourcesRequest(
                        parent=publisher,
                        page_size=SOURCE_PAGE_SIZE,
                        page_token=token,
                        status=fres.SOURCE_STATUS_PUBLISHED,
                    ),
                    metadata=metadata,
                    timeout=CALL_TIMEOUT_S,
                )
                # The filter is factcheck's; checked again so no draft can slip in.
                records += [
                    SourceRating.from_pb(source)
                    for source in page.sources
                    if source.status == fres.SOURCE_STATUS_PUBLISHED
                ]
                token = page.next_page_token
                if not token:
                    break
        except grpc.aio.AioRpcError as exc:
            raise downstream_error(
                exc, "factcheck", "FACTCHECK_REFUSED", "to list the source records"
            ) from exc
        return records[:MAX_SOURCE_RATINGS]

    async def aclose(self) -> None:
        await self._channel.aclose()
