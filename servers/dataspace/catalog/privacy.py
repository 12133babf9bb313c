"""The privacy service's k-anonymity assessment of a dataset, over its gRPC contract.

privacy keeps each organisation's datasets to that organisation (the token's
`org`), so dataspace asks with the publisher's own access token — the one the
publisher called AssessDistribution with — rather than with a service token
of its own, which would name another organisation (or need a power to read
every organisation's data that no service should hold).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import grpc
import structlog

from jipan.interceptors.client import LazyChannel
from jipan.privacy.v1 import privacy_service_pb2 as ppb
from jipan.privacy.v1 import privacy_service_pb2_grpc as ppb_grpc
from jipan.servers.dataspace.downstream import downstream_error
from jipan.servers.runtime.settings import ClientCertificate

log = structlog.get_logger(__name__)

CALL_TIMEOUT_S = 30.0


@dataclass(frozen=True)
class PrivacyAssessment:
    k: int
    sha256: bytes
    """SHA-256 of the CSV the privacy service assessed."""


class PrivacyAssessor:
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

    def _stub(self) -> ppb_grpc.PrivacyServiceAsyncStub:
        stub: ppb_grpc.PrivacyServiceAsyncStub = ppb_grpc.PrivacyServiceStub(self._channel.get())
        return stub

    async def assess(self, privacy_dataset: str, bearer_token: str) -> PrivacyAssessment:
        """k and the CSV's SHA-256 of `privacy_dataset`, asked with `bearer_token`."""
        metadata = (("authorization", f"Bearer {bearer_token}"),)
        stub = self._stub()
        try:
            found = await stub.GetDataset(
                ppb.GetDatasetRequest(name=privacy_dataset), metadata=metadata, timeout=CALL_TIMEOUT_S
            )
            assessed = await stub.AssessDataset(
                ppb.AssessDatasetRequest(name=privacy_dataset, max_violating_classes=1),
                metadata=metadata,
                timeout=CALL_TIMEOUT_S,
            )
        except grpc.aio.AioRpcError as exc:
            raise downstream_error(exc, "privacy", "ASSESSMENT_REFUSED", "the assessment") from exc
        return PrivacyAssessment(k=assessed.assessment.k_anonymity, sha256=bytes(found.dataset.sha256))

    async def aclose(self) -> None:
        await self._channel.aclose()
