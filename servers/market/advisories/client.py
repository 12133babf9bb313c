"""procurement's ListingReviewService.MatchAdvisories over one channel, opened on first use."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import grpc
import structlog

from jipan.clients.service_tokens import ServiceTokens
from jipan.interceptors.client import LazyChannel
from jipan.procurement.v1 import review_service_pb2 as rpb
from jipan.procurement.v1 import review_service_pb2_grpc as rpb_grpc
from jipan.servers.market.names import DOMAIN
from jipan.servers.runtime.errors import Unavailable
from jipan.servers.runtime.settings import ClientCertificate

log = structlog.get_logger(__name__)

CALL_TIMEOUT_S = 10.0
RETRY_AFTER_S = 5.0
MAX_PURLS_PER_CALL = 200  # the contract's limit


@dataclass(frozen=True, slots=True)
class KnownAdvisory:
    id: str
    aliases: tuple[str, ...]
    summary: str
    severity: str
    """"CRITICAL", "HIGH", "MEDIUM", "LOW", "NONE" or "UNKNOWN" (procurement's words)."""
    cvss_score: float
    cvss_vector: str
    fixed_version: str


class AdvisoryStore:
    """The platform's OSV store as market sees it: procurement, reached over gRPC."""

    def __init__(
        self,
        target: str | Callable[[], str],
        *,
        ca_file: Path | None,
        client_cert: ClientCertificate | None = None,
        token_source: ServiceTokens,
        timeout_s: float = CALL_TIMEOUT_S,
    ) -> None:
        self._timeout_s = timeout_s
        self._channel = LazyChannel(
            target,
            ca_file=ca_file,
            client_cert=client_cert,
            token_source=token_source,
        )

    def _stub(self) -> rpb_grpc.ListingReviewServiceAsyncStub:
        stub: rpb_grpc.ListingReviewServiceAsyncStub = rpb_grpc.ListingReviewServiceStub(self._channel.get())
        return stub

    async def match(self, purls: Sequence[str]) -> list[list[KnownAdvisory]]:
        """Advisories affecting each purl's version, in order. Raises ADVISORIES_UNAVAILABLE."""
        out: list[list[KnownAdvisory]] = []
        for start in range(0, len(purls), MAX_PURLS_PER_CALL):
            chunk = list(purls[start : start + MAX_PURLS_PER_CALL])
            try:
                response = await self._stub().MatchAdvisories(
                    rpb.MatchAdvisoriesRequest(purls=chunk), timeout=self._timeout_s
                )
            except grpc.aio.AioRpcError as exc:
                log.warning("advisory store unavailable", code=exc.code().name, detail=exc.details())
                raise Unavailable(
                    "ADVISORIES_UNAVAILABLE",
                    "the advisory store (procurement) did not answer",
                    domain=DOMAIN,
                    metadata={"code": exc.code().name},
                    retry_after_s=RETRY_AFTER_S,
                ) from exc
            for result in response.results:
                out.append(
                    [
                        KnownAdvisory(
                            id=a.advisory_id,
                            aliases=tuple(a.aliases),
                            summary=a.summary,
                            severity=a.severity,
                            cvss_score=a.cvss_score,
                            cvss_vector=a.cvss_vector,
                            fixed_version=a.fixed_version,
                        )
                        for a in result.advisories
                    ]
                )
        return out

    async def aclose(self) -> None:
        await self._channel.aclose()
