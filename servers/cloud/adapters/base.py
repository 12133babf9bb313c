"""One async interface over every cloud: what an adapter can do, and the errors it raises.

An adapter is built for one provider account (its endpoint, region and
unsealed credentials) and lives for one use; it never logs or returns the
credentials. Each adapter declares its capabilities; the domain asks an
adapter only for what it declares (`require`).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

from jipan.servers.cloud.names import DOMAIN
from jipan.servers.runtime.errors import FailedPrecondition, Unavailable


class Capability(enum.Enum):
    VERIFY_CREDENTIALS = "VERIFY_CREDENTIALS"
    INSTANCES = "INSTANCES"
    OBJECT_STORAGE = "OBJECT_STORAGE"
    PRICE_LIST = "PRICE_LIST"
    COST_EXPORT = "COST_EXPORT"


class ProviderKind(enum.Enum):
    AWS = "AWS"
    AZURE = "AZURE"
    GCP = "GCP"
    S3_COMPATIBLE = "S3_COMPATIBLE"
    OPENSTACK = "OPENSTACK"


@dataclass(frozen=True)
class AccountConnection:
    """Where and as whom an adapter calls: the account's endpoint, region and secret.

    `secret` holds the unsealed credentials (e.g. access_key_id and
    secret_access_key); repr() leaves them out so they cannot reach a log line.
    """

    provider: str
    endpoint: str
    region: str
    secret: Mapping[str, str] = field(repr=False)


@dataclass(frozen=True)
class InstanceState:
    instance_id: str
    state: str  # the provider's word: "pending", "running", "stopped", "terminated"
    instance_type: str
    region: str


class ProviderUnavailable(Unavailable):
    def __init__(self, provider: str, problem: str) -> None:
        super().__init__(
            "PROVIDER_UNAVAILABLE",
            f"provider {provider} did not answer: {problem}",
            domain=DOMAIN,
            metadata={"provider": provider},
        )


class CapacityExhausted(FailedPrecondition):
    """The provider refused for capacity or quota: the next plan may still fit."""

    def __init__(self, provider: str, code: str) -> None:
        super().__init__(
            "CAPACITY_EXHAUSTED",
            f"provider {provider} refused for capacity or quota ({code})",
            domain=DOMAIN,
            metadata={"provider": provider, "provider_code": code},
        )


class CloudAdapter(Protocol):
    """What every provider adapter offers; a method outside `capabilities` is never called."""

    provider: str
    kind: ProviderKind
    capabilities: frozenset[Capability]
    library: str

    async def verify(self) -> bool:
        """True when the provider accepts the credentials, False when it refuses them.

        Raises ProviderUnavailable when the provider cannot be reached.
        """
        ...

    async def create_bucket(self, bucket: str) -> None: ...

    async def delete_bucket(self, bucket: str) -> None: ...

    async def list_buckets(self) -> list[str]: ...

    async def run_instance(self, instance_type: str, image_id: str, tags: Mapping[str, str]) -> str: ...

    async def describe_instance(self, instance_id: str) -> InstanceState: ...

    async def find_instance(self, tags: Mapping[str, str]) -> str | None:
        """The id of a live instance carrying all of `tags` (a create that crashed before it
        was recorded is found again, not made twice)."""
        ...

    async def stop_instance(self, instance_id: str) -> None: ...

    async def start_instance(self, instance_id: str) -> None: ...

    async def terminate_instance(self, instance_id: str) -> None: ...


def require(adapter: CloudAdapter, capability: Capability) -> None:
    if capability not in adapter.capabilities:
        raise FailedPrecondition(
            "CAPABILITY_UNSUPPORTED",
            f"the {adapter.provider} adapter does not declare {capability.value}",
            domain=DOMAIN,
            metadata={"capability": capability.value, "provider": adapter.provider},
        )
