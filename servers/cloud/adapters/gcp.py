"""Google Compute Engine through google-cloud-compute, off the event loop.

google-cloud-compute's clients are synchronous (REST over `requests`), so
every call runs in a worker thread (`asyncio.to_thread`) and the
event loop never blocks on Google. The account is a service account key
(JSON); the client signs its own JWT with the key (or exchanges it at the
key's `token_uri`), so the key never leaves the process.

Instances are zonal and named by the adapter (`jipan-{12 hex}`); the zone is
the account's region with `-a` (`asia-east1` → `asia-east1-a`) unless the
region already names a zone. The broker's tags become labels (GCP label
keys and values are `[a-z0-9_-]{0,63}`: other characters become `-`, and a
value that does not fit is shortened with a hash suffix), so a create that
crashed before its record is found again by `find_instance`.

Cloud Storage goes through google-cloud-storage with the same key, also in
worker threads: buckets are made in the account's region; objects are
listed a page at a time with their MD5 (`md5Hash`, given as hex), read in
8 MiB ranged chunks (BlobReader) and written in one upload carrying the
body's MD5, which GCS checks, or, above 8 MiB, as a resumable upload in
8 MiB chunks whose MD5 the client compares with the one GCS reports. The
account's `endpoint`, when set, serves both APIs (as
www.googleapis.com or a Private Service Connect endpoint does).
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import functools
import hashlib
import json
import re
from collections.abc import AsyncGenerator, AsyncIterator, Callable, Mapping
from typing import TYPE_CHECKING, Any, Final, TypeVar
from uuid import uuid4

from google.api_core import exceptions as google_errors
from google.api_core.client_options import ClientOptions
from google.auth import exceptions as auth_errors
from google.cloud.storage import Client as StorageClient
from google.oauth2 import service_account

from jipan.servers.cloud.adapters.base import (
    DEFAULT_CONTENT_TYPE,
    AccountConnection,
    BucketNotFound,
    Capability,
    CapacityExhausted,
    InstanceState,
    ProviderKind,
    ProviderRefused,
    ProviderUnavailable,
    StoredObject,
    StreamDigest,
    WithoutPriceList,
    WrittenObject,
    read_parts,
)

if TYPE_CHECKING:
    from google.cloud import compute_v1

T = TypeVar("T")


def _compute_v1() -> Any:
    """google.cloud.compute_v1, imported when a GCP account is first used: the module takes ~2 s
    to import here, which every process serving cloud (and `jipan up`) paid at start."""
    from google.cloud import compute_v1

    return compute_v1


SCOPES: Final = ("https://www.googleapis.com/auth/cloud-platform",)
DEFAULT_REGION: Final = "asia-east1"
CHUNK_SIZE: Final = 8 * 1024 * 1024  # GCS resumable chunks are multiples of 256 KiB
# The codes Compute Engine gives when a zone has no room or a quota is spent.
CAPACITY_CODES: Final = ("ZONE_RESOURCE_POOL_EXHAUSTED", "QUOTA_EXCEEDED", "RESOURCE_EXHAUSTED")
# HTTP 401 / 403 (and their gRPC names): the key is refused.
REFUSED: Final = (
    google_errors.Unauthorized,
    google_errors.Unauthenticated,
    google_errors.Forbidden,
    google_errors.PermissionDenied,
)
_STATES: Final = {
    "PROVISIONING": "pending",
    "STAGING": "pending",
    "RUNNING": "running",
    "STOPPING": "stopping",
    "SUSPENDING": "stopping",
    "SUSPENDED": "stopped",
    "TERMINATED": "stopped",  # GCP's word for a stopped instance
    "REPAIRING": "pending",
}
_LABEL: Final = re.compile(r"[^a-z0-9_-]")
_ZONED: Final = re.compile(r"^zones/([a-z0-9-]+)/instances/([a-z0-9-]+)$")


def label(value: str) -> str:
    """A GCP label key or value for `value`: exact where it fits, else shortened with a hash."""
    cleaned = _LABEL.sub("-", value.lower())
    if len(cleaned) <= 63:
        return cleaned
    return f"{cleaned[:50]}-{hashlib.sha256(value.encode()).hexdigest()[:12]}"


class GcpAdapter(WithoutPriceList):
    """Compute Engine instances of one GCP project (the service account key's)."""

    kind = ProviderKind.GCP
    capabilities = frozenset({Capability.VERIFY_CREDENTIALS, Capability.INSTANCES, Capability.OBJECT_STORAGE})
    library = "google-cloud-compute, google-cloud-storage (sync, in worker threads)"
    part_size = CHUNK_SIZE

    def __init__(self, connection: AccountConnection) -> None:
        self.provider = connection.provider
        info = json.loads(connection.secret["key_json"])
        self._project = str(info["project_id"])
        region = connection.region or DEFAULT_REGION
        self._zone = region if re.search(r"-[a-z]$", region) else f"{region}-a"
        self._region = re.sub(r"-[a-z]$", "", region)
        self._endpoint = connection.endpoint
        self._credentials = service_account.Credentials.from_service_account_info(info, scopes=SCOPES)  # type: ignore[no-untyped-call]
        options = ClientOptions(api_endpoint=connection.endpoint) if connection.endpoint else None
        self._instances: compute_v1.InstancesClient = _compute_v1().InstancesClient(
            credentials=self._credentials, client_options=options
        )
        self._storage: StorageClient | None = None

    async def aclose(self) -> None:
        if self._storage is not None:
            await asyncio.to_thread(self._storage.close)

    async def _run(self, call: Callable[[], T], bucket: str = "") -> T:
        """`call` in a worker thread, its errors sorted: capacity, refused (401/403: the key, or
        a permission its service account lacks, as ProviderRefused naming `bucket`), not found
        and conflict (as they are, for the caller to judge), or unavailable."""
        try:
            return await asyncio.to_thread(call)
        except google_errors.GoogleAPICallError as exc:
            text = str(exc)
            code = next((c for c in CAPACITY_CODES if c in text), None)
            if code is not None:
                raise CapacityExhausted(self.provider, code) from None
            if isinstance(exc, REFUSED):
                raise ProviderRefused(
                    self.provider, f"HTTP {exc.code} {type(exc).__name__}", exc.message, bucket=bucket
                ) from None
            if isinstance(exc, google_errors.NotFound | google_errors.Conflict):
                raise
            raise ProviderUnavailable(self.provider, type(exc).__name__) from None
        except auth_errors.RefreshError:
            # The token endpoint refused the key (deleted, disabled, wrong project).
            raise ProviderRefused(
                self.provider, "RefreshError", "the service account key was refused", bucket=bucket
            ) from None
        except (auth_errors.TransportError, google_errors.RetryError, OSError) as exc:
            raise ProviderUnavailable(self.provider, type(exc).__name__) from None

    async def verify(self) -> bool:
        def first_page() -> None:
            request = _compute_v1().ListInstancesRequest(
                project=self._project, zone=self._zone, max_results=1
            )
            next(iter(self._instances.list(request=request).pages), None)

        try:
            await self._run(first_page)
        except ProviderRefused:
            return False
        return True

    def _placed(self, instance_id: str) -> tuple[str, str]:
        """(zone, name) of an instance id: a bare name is in the account's zone; an instance
        pinned to another zone is "zones/{zone}/instances/{name}"."""
        match = _ZONED.match(instance_id)
        return (match[1], match[2]) if match else (self._zone, instance_id)

    def _instance_id(self, zone: str, name: str) -> str:
        return name if zone == self._zone else f"zones/{zone}/instances/{name}"

    async def run_instance(
        self, instance_type: str, image_id: str, tags: Mapping[str, str], zone: str = ""
    ) -> str:
        zone = zone or self._zone
        name = f"jipan-{uuid4().hex[:12]}"
        compute_v1 = _compute_v1()
        instance = compute_v1.Instance(
            name=name,
            machine_type=f"zones/{zone}/machineTypes/{instance_type}",
            labels={label(k): label(v) for k, v in tags.items()},
            disks=[
                compute_v1.AttachedDisk(
                    boot=True,
                    auto_delete=True,
                    initialize_params=compute_v1.AttachedDiskInitializeParams(source_image=image_id),
                )
            ],
            network_interfaces=[compute_v1.NetworkInterface(network="global/networks/default")],
        )

        def insert() -> None:
            operation = self._instances.insert(project=self._project, zone=zone, instance_resource=instance)
            operation.result(timeout=300)  # type: ignore[no-untyped-call]  # raises the operation's error (capacity, quota) if it has one

        await self._run(insert)
        return self._instance_id(zone, name)

    async def describe_instance(self, instance_id: str) -> InstanceState:
        zone, name = self._placed(instance_id)
        try:
            found = await self._run(
                functools.partial(self._instances.get, project=self._project, zone=zone, instance=name)
            )
        except google_errors.NotFound:
            return InstanceState(instance_id, "terminated", "", self._region, zone)
        return InstanceState(
            instance_id=instance_id,
            state=_STATES.get(found.status, found.status.lower()),
            instance_type=found.machine_type.rsplit("/", 1)[-1],
            region=self._region,
            zone=zone,
        )

    async def find_instance(self, tags: Mapping[str, str]) -> str | None:
        """Searched in every zone of the project (aggregatedList): a pinned instance may be in a
        zone other than the account's."""
        expression = " AND ".join(f'labels.{label(k)} = "{label(v)}"' for k, v in sorted(tags.items()))

        def first() -> str | None:
            request = _compute_v1().AggregatedListInstancesRequest(project=self._project, filter=expression)
            for scope, listed in self._instances.aggregated_list(request=request):
                for instance in listed.instances:
                    return self._instance_id(scope.removeprefix("zones/"), str(instance.name))
            return None

        return await self._run(first)

    async def _operate(self, method: Callable[..., Any], instance_id: str) -> None:
        zone, name = self._placed(instance_id)

        def call() -> None:
            method(project=self._project, zone=zone, instance=name).result(timeout=300)

        await self._run(call)

    async def stop_instance(self, instance_id: str) -> None:
        await self._operate(self._instances.stop, instance_id)

    async def start_instance(self, instance_id: str) -> None:
        await self._operate(self._instances.start, instance_id)

    async def terminate_instance(self, instance_id: str) -> None:
        with contextlib.suppress(google_errors.NotFound):  # a retried delete is done
            await self._operate(self._instances.delete, instance_id)

    # Cloud Storage: buckets and objects through google-cloud-storage (sync, in worker threads).

    def _storage_client(self) -> StorageClient:
        if self._storage is None:
            options = ClientOptions(api_endpoint=self._endpoint) if self._endpoint else None
            self._storage = StorageClient(
                project=self._project, credentials=self._credentials, client_options=options
            )
        return self._storage

    async def create_bucket(self, bucket: str) -> None:
        client = self._storage_client()
        try:
            await self._run(functools.partial(client.create_bucket, bucket, location=self._region), bucket)
        except google_errors.Conflict:
            # The name is taken: a retried create is done when the bucket is this project's own
            # (reading it succeeds); anyone else's answers 403 here (PROVIDER_REFUSED).
            await self._run(functools.partial(client.get_bucket, bucket, timeout=60), bucket)

    async def delete_bucket(self, bucket: str) -> None:
        client = self._storage_client()
        with contextlib.suppress(google_errors.NotFound):  # a retried delete is done
            await self._run(functools.partial(client.bucket(bucket).delete, timeout=60), bucket)

    async def list_buckets(self) -> list[str]:
        client = self._storage_client()
        return sorted(await self._run(lambda: [b.name for b in client.list_buckets()]))

    async def list_objects(self, bucket: str) -> AsyncGenerator[StoredObject]:
        client = self._storage_client()
        pages = client.list_blobs(bucket, page_size=1000).pages  # name order, a page at a time
        while True:
            try:
                page = await self._run(
                    lambda: [(b.name, b.size, b.md5_hash) for b in next(pages, [])], bucket
                )
            except google_errors.NotFound:
                raise BucketNotFound(self.provider, bucket) from None
            if not page:
                return
            for name, size, md5 in page:
                yield StoredObject(
                    key=str(name), size=int(size or 0), digest=base64.b64decode(md5).hex() if md5 else ""
                )

    async def read_object(self, bucket: str, key: str) -> AsyncGenerator[bytes]:
        blob = self._storage_client().bucket(bucket).blob(key)
        try:
            reader = await self._run(functools.partial(blob.open, "rb", chunk_size=CHUNK_SIZE), bucket)
        except google_errors.NotFound:
            raise BucketNotFound(self.provider, bucket) from None
        try:
            while chunk := await self._run(functools.partial(reader.read, CHUNK_SIZE), bucket):
                yield chunk
        finally:
            await asyncio.to_thread(reader.close)

    async def write_object(
        self,
        bucket: str,
        key: str,
        size: int,
        chunks: AsyncIterator[bytes],
        content_type: str = DEFAULT_CONTENT_TYPE,
    ) -> WrittenObject:
        """One upload with the body's MD5 (GCS checks it) for a small object; a resumable upload
        in parts of CHUNK_SIZE for a large one, whose MD5 the client checks against GCS's."""
        blob = self._storage_client().bucket(bucket).blob(key)
        blob.content_type = content_type
        digest = StreamDigest()
        try:
            if size <= CHUNK_SIZE:
                body = b"".join([chunk async for chunk in chunks])
                blob.md5_hash = base64.b64encode(digest.part(body)).decode()
                await self._run(
                    functools.partial(
                        blob.upload_from_string, body, content_type=content_type, checksum="md5"
                    ),
                    bucket,
                )
            else:
                writer = await self._run(
                    functools.partial(
                        blob.open, "wb", chunk_size=CHUNK_SIZE, checksum="md5", ignore_flush=True
                    ),
                    bucket,
                )
                # Closing the writer completes the upload: only once every part is written. A
                # stream that fails cancels the resumable session instead (terminate; a writer
                # merely dropped would be closed, so completed, when it is collected).
                try:
                    async for part in read_parts(chunks, CHUNK_SIZE):
                        digest.part(part)
                        await self._run(functools.partial(writer.write, part), bucket)
                except BaseException:
                    with contextlib.suppress(Exception):
                        await asyncio.shield(self._run(writer.terminate, bucket))
                    raise
                await self._run(writer.close, bucket)
        except google_errors.NotFound:
            raise BucketNotFound(self.provider, bucket) from None
        md5_hex = digest.whole.hexdigest()
        return WrittenObject(digest.size, md5_hex, md5_hex)
