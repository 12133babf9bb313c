"""Which analytics base cells to withhold: the privacy service's SuppressCells over gRPC.

The threshold rule (a cell of fewer than k distinct contributors is withheld)
and the (n, p) dominance rule (a cell whose n largest contributors make p %
or more of its total is withheld) belong to the privacy service, the
platform's one place for disclosure control; procurement sends each base
cell's count of distinct agencies, its total and its largest agencies'
parts of it, never an order or an agency id, and publishes only what comes
back unsuppressed.
If the privacy service does not answer, a k-anonymised view fails with
UNAVAILABLE PRIVACY_UNAVAILABLE rather than show figures nobody checked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import grpc
import structlog

from jipan.clients.service_tokens import ServiceTokens
from jipan.interceptors.client import LazyChannel
from jipan.privacy.v1 import privacy_service_pb2 as ppb
from jipan.privacy.v1 import privacy_service_pb2_grpc as ppb_grpc
from jipan.servers.procurement.names import DOMAIN
from jipan.servers.runtime.errors import Unavailable
from jipan.servers.runtime.settings import ClientCertificate

log = structlog.get_logger(__name__)

CALL_TIMEOUT_S = 10.0
RETRY_AFTER_S = 2.0
MAX_CELLS_PER_CALL = 100_000  # the contract's limit


@dataclass(frozen=True, slots=True)
class CellCounts:
    """What the rules read of one cell: distinct contributors, the total, and the largest
    contributors' parts of it (largest first; no identities)."""

    contributors: int
    total: int = 0
    largest: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Dominance:
    """The (n, p) dominance rule: withheld when the n largest make `percent` % or more."""

    n: int
    percent: int


class CellSuppression(Protocol):
    async def suppressed(
        self, k: int, cells: Sequence[CellCounts], dominance: Dominance | None = None
    ) -> list[bool]:
        """Whether each cell must be withheld."""
        ...


class PrivacyCellSuppression:
    """CellSuppression by jipan.privacy.v1.PrivacyService/SuppressCells, on one channel opened on
    first use."""

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

    def _stub(self) -> ppb_grpc.PrivacyServiceAsyncStub:
        stub: ppb_grpc.PrivacyServiceAsyncStub = ppb_grpc.PrivacyServiceStub(self._channel.get())
        return stub

    async def suppressed(
        self, k: int, cells: Sequence[CellCounts], dominance: Dominance | None = None
    ) -> list[bool]:
        out: list[bool] = []
        rule = ppb.DominanceRule(n=dominance.n, percent=dominance.percent) if dominance else None
        for start in range(0, len(cells), MAX_CELLS_PER_CALL):
            chunk = cells[start : start + MAX_CELLS_PER_CALL]
            request = ppb.SuppressCellsRequest(
                k=k,
                cells=[
                    ppb.ContributorCount(
                        contributors=cell.contributors,
                        total=cell.total,
                        largest_contributions=cell.largest,
                    )
                    for cell in chunk
                ],
                dominance=rule,
            )
            try:
                response = await self._stub().SuppressCells(request, timeout=self._timeout_s)
            except grpc.aio.AioRpcError as exc:
                log.warning("privacy service unavailable", code=exc.code().name, detail=exc.details())
                raise Unavailable(
                    "PRIVACY_UNAVAILABLE",
                    "the privacy service, which decides the cells to withhold, did not answer",
                    domain=DOMAIN,
                    metadata={"code": exc.code().name},
                    retry_after_s=RETRY_AFTER_S,
                ) from exc
            if len(response.suppressed) != len(chunk):  # a contract breach: never publish unchecked
                raise Unavailable(
                    "PRIVACY_UNAVAILABLE",
                    "the privacy service answered for another number of cells",
                    domain=DOMAIN,
                    metadata={"code": "OUT_OF_RANGE"},
                )
            out.extend(response.suppressed)
        return out

    async def aclose(self) -> None:
        await self._channel.aclose()
