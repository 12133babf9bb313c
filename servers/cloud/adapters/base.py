"""One async interface over every cloud: what an adapter can do, and the errors it raises.

An adapter is built for one provider account (its endpoint, region and
unsealed credentials) and lives for one use; it never logs or returns the
credentials. Each adapter declares its capabilities; the domain asks an
adapter only for what it declares (`require`).
"""

from __future__ import annotations

import enum
import hashlib
from collections.abc import AsyncGenerator, AsyncIterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from jipan.servers.cloud.names import DOMAIN
from jipan.servers.runtime.errors import FailedPrecondition, NotFound, Unavailable

DEFAULT_CONTENT_TYPE = "application/octet-stream"


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
    ca_file: str = ""  # extra PEM roots for the provider's TLS (JIPAN_CLOUD_CA_FILE); "" = system roots


@dataclass(frozen=True)
class InstanceState:
    instance_id: str
    state: str  # the provider's word: "pending", "running", "stopped", "terminated"
    instance_type: str
    region: str
    zone: str = ""  # the availability zone the provider put it in; "" where it reports none


@dataclass(frozen=True)
class StoredObject:
    """One object as its store lists it: the key, the size and the store's own digest of it.

    `digest` is what the store reports, in its own convention: S3's ETag (the
    MD5 of a single-part object; MD5 of the parts' MD5s and "-{parts}" for a
    multipart one), Azure's Content-MD5 in hex; "" when the store reports none.
    """

    key: str
    size: int
    digest: str


@dataclass(frozen=True)
class WrittenObject:
    """What a streamed write sent: its size, the MD5 of every byte sent, and the digest the
    destination store must report for it once written (in the store's convention)."""

    size: int
    md5: str
    expected_digest: str


class StreamDigest:
    """MD5 of a stream, whole and per part: what S3's and Azure's digests are made of."""

    def __init__(self) -> None:
        self.whole = hashlib.md5(usedforsecurity=False)
        self.parts: list[bytes] = []
        self.size = 0

    def part(self, data: bytes) -> bytes:
        self.whole.update(data)
        self.size += len(data)
        digest = hashlib.md5(data, usedforsecurity=False).digest()
        self.parts.append(digest)
        return digest

    def s3_etag(self, multipart: bool) -> str:
        if not multipart:
            return self.whole.hexdigest()
        joined = hashlib.md5(b"".join(self.parts), usedforsecurity=False).hexdigest()
        return f"{joined}-{len(self.parts)}"


async def read_parts(chunks: AsyncIterator[bytes], part_size: int) -> AsyncGenerator[bytes]:
    """Re-cut a stream of chunks of any size into parts of `part_size` (the last one shorter);
    at most one part is held in memory."""
    buffer = bytearray()
    async for chunk in chunks:
        buffer += chunk
        while len(buffer) >= part_size:
            yield bytes(buffer[:part_size])
            del buffer[:part_size]
    if buffer:
        yield bytes(buffer)


class BucketNotFound(NotFound):
    def __init__(self, provider: str, bucket: str) -> None:
        super().__init__(
            "BUCKET_NOT_FOUND",
            f"provider {provider} has no bucket {bucket!r} for this account",
            domain=DOMAIN,
            metadata={"provider": provider, "bucket": bucket[:63]},
        )


class ProviderUnavailable(Unavailable):
    def __init__(self, provider: str, problem: str) -> None:
        super().__init__(
            "PROVIDER_UNAVAILABLE",
            f"provider {provider} did not answer: {problem}",
            domain=DOMAIN,
            metadata={"provider": provider, "problem": problem[:200]},
        )


class ProviderRefused(FailedPrecondition):
    """The provider refused the request itself (an unknown image, a type the region lacks, or the
    account's identity lacks the permission — GCS's or ARM's 403, S3's AccessDenied): retrying
    the same plan will not help, and no other plan is tried for it. FAILED_PRECONDITION, not
    PERMISSION_DENIED: the caller may use the account; the account's grants at the provider are
    what must change. `bucket` names the bucket the refusal was about, if any."""

    def __init__(self, provider: str, code: str, message: str = "", *, bucket: str = "") -> None:
        detail = f": {message[:200]}" if message else ""
        about = f" for bucket {bucket!r}" if bucket else ""
        metadata = {"provider": provider, "provider_code": code[:100]}
        if bucket:
            metadata["bucket"] = bucket[:63]
        super().__init__(
            "PROVIDER_REFUSED",
            f"provider {provider} refused the request{about} ({code}){detail}",
            domain=DOMAIN,
            metadata=metadata,
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

    async def aclose(self) -> None:
        """Close the connections the adapter keeps (object streaming keeps one client)."""
        ...

    def list_objects(self, bucket: str) -> AsyncGenerator[StoredObject]:
        """Every object of `bucket`, in key order, page by page (BucketNotFound if absent)."""
        ...

    def read_object(self, bucket: str, key: str) -> AsyncGenerator[bytes]:
        """The object's bytes as a stream of chunks; never the whole object at once."""
        ...

    async def write_object(
        self,
        bucket: str,
        key: str,
        size: int,
        chunks: AsyncIterator[bytes],
        content_type: str = DEFAULT_CONTENT_TYPE,
    ) -> WrittenObject:
        """Write `size` bytes from `chunks` to `key`: one request for a small object, a
        multipart (S3) or block (Azure) upload for a large one, every request carrying the
        MD5 of its body so the store checks what it received; the object gets `content_type`.

        An exception raised by `chunks` (the caller's own checks of the stream) stops the write
        before the store completes it: no object is left at `key`, nor one there replaced."""
        ...

    async def run_instance(
        self, instance_type: str, image_id: str, tags: Mapping[str, str], zone: str = ""
    ) -> str:
        """Start one instance and return its id. `zone` pins the availability zone (as the
        catalog names it: "ap-northeast-1a", "japaneast-2", "asia-east1-b", a Nova zone); ""
        leaves the zone to the provider."""
        ...

    async def describe_instance(self, instance_id: str) -> InstanceState: ...

    async def find_instance(self, tags: Mapping[str, str]) -> str | None:
        """The id of a live instance carrying all of `tags` (a create that crashed before it
        was recorded is found again, not made twice)."""
        ...

    async def stop_instance(self, instance_id: str) -> None: ...

    async def start_instance(self, instance_id: str) -> None: ...

    async def terminate_instance(self, instance_id: str) -> None: ...

    def price_list(self, regions: Sequence[str]) -> AsyncGenerator[Mapping[str, Any]]:
        """The provider's price-list entries for `regions`, page by page, each in the provider's
        own published shape (AWS: a GetProducts PriceList entry, an offer file's product with
        its terms); the catalog's loader for that shape prices them."""
        ...


class WithoutPriceList:
    """For adapters that do not declare PRICE_LIST: the method exists, and refuses."""

    provider: str

    async def price_list(self, regions: Sequence[str]) -> AsyncGenerator[Mapping[str, Any]]:
        nothing: tuple[Mapping[str, Any], ...] = ()
        for item in nothing:  # yields nothing: the first iteration refuses
            yield item
        raise FailedPrecondition(
            "CAPABILITY_UNSUPPORTED",
            f"the {self.provider} adapter does not declare PRICE_LIST",
            domain=DOMAIN,
            metadata={"capability": Capability.PRICE_LIST.value, "provider": self.provider},
        )


class WithoutInstances:
    """For adapters that do not declare INSTANCES: the methods exist, and refuse."""

    provider: str

    def _no_instances(self) -> FailedPrecondition:
        return FailedPrecondition(
            "CAPABILITY_UNSUPPORTED",
            f"the {self.provider} adapter does not declare INSTANCES",
            domain=DOMAIN,
            metadata={"capability": Capability.INSTANCES.value, "provider": self.provider},
        )

    async def run_instance(
        self, instance_type: str, image_id: str, tags: Mapping[str, str], zone: str = ""
    ) -> str:
        raise self._no_instances()

    async def describe_instance(self, instance_id: str) -> InstanceState:
        raise self._no_instances()

    async def find_instance(self, tags: Mapping[str, str]) -> str | None:
        raise self._no_instances()

    async def stop_instance(self, instance_id: str) -> None:
        raise self._no_instances()

    async def start_instance(self, instance_id: str) -> None:
        raise self._no_instances()

    async def terminate_instance(self, instance_id: str) -> None:
        raise self._no_instances()


class WithoutObjectStorage:
    """For adapters that do not declare OBJECT_STORAGE: the methods exist, and refuse."""

    provider: str

    def _no_buckets(self) -> FailedPrecondition:
        return FailedPrecondition(
            "CAPABILITY_UNSUPPORTED",
            f"the {self.provider} adapter does not declare OBJECT_STORAGE",
            domain=DOMAIN,
            metadata={"capability": Capability.OBJECT_STORAGE.value, "provider": self.provider},
        )

    async def create_bucket(self, bucket: str) -> None:
        raise self._no_buckets()

    async def delete_bucket(self, bucket: str) -> None:
        raise self._no_buckets()

    async def list_buckets(self) -> list[str]:
        raise self._no_buckets()

    def list_objects(self, bucket: str) -> AsyncGenerator[StoredObject]:
        return self._refused_stream()

    def read_object(self, bucket: str, key: str) -> AsyncGenerator[bytes]:
        return self._refused_stream()

    async def _refused_stream(self) -> AsyncGenerator[Any]:
        nothing: tuple[Any, ...] = ()
        for item in nothing:  # yields nothing: the first iteration refuses
            yield item
        raise self._no_buckets()

    async def write_object(
        self,
        bucket: str,
        key: str,
        size: int,
        chunks: AsyncIterator[bytes],
        content_type: str = DEFAULT_CONTENT_TYPE,
    ) -> WrittenObject:
        raise self._no_buckets()


def require(adapter: CloudAdapter, capability: Capability) -> None:
    if capability not in adapter.capabilities:
        raise FailedPrecondition(
            "CAPABILITY_UNSUPPORTED",
            f"the {adapter.provider} adapter does not declare {capability.value}",
            domain=DOMAIN,
            metadata={"capability": capability.value, "provider": adapter.provider},
        )
