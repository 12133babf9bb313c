"""Azure Blob Storage through the async azure-storage-blob client (containers are buckets).

The account is a storage account and one of its shared keys (Azure Storage's
own authentication; Azurite, Azure's storage emulator, speaks it too). Small
blobs go up in one Put Blob; larger ones as 4 MiB blocks and a block list.
Every request carries the MD5 of its body (`validate_content`), which the
service checks; the committed blob carries the MD5 of the whole, which
listings return as Content-MD5.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, AsyncIterator
from typing import Final

from azure.core.exceptions import (
    AzureError,
    ClientAuthenticationError,
    HttpResponseError,
    ResourceExistsError,
    ResourceNotFoundError,
)
from azure.storage.blob import BlobBlock, ContentSettings
from azure.storage.blob.aio import BlobServiceClient

from jipan.servers.cloud.adapters.base import (
    DEFAULT_CONTENT_TYPE,
    AccountConnection,
    BucketNotFound,
    Capability,
    ProviderKind,
    ProviderRefused,
    ProviderUnavailable,
    StoredObject,
    StreamDigest,
    WithoutInstances,
    WithoutPriceList,
    WrittenObject,
    read_parts,
)

BLOCK_SIZE: Final = 4 * 1024 * 1024


class AzureBlobAdapter(WithoutInstances, WithoutPriceList):
    """The containers and blobs of one Azure storage account."""

    kind = ProviderKind.AZURE
    capabilities = frozenset({Capability.VERIFY_CREDENTIALS, Capability.OBJECT_STORAGE})
    library = "azure-storage-blob (aio)"
    part_size = BLOCK_SIZE

    def __init__(self, connection: AccountConnection) -> None:
        self.provider = connection.provider
        name = connection.secret["account_name"]
        url = connection.endpoint or f"https://{name}.blob.core.windows.net"
        self._service = BlobServiceClient(
            url,
            credential={"account_name": name, "account_key": connection.secret["account_key"]},
            retry_total=2,
            connection_timeout=5,
            read_timeout=60,
        )

    async def aclose(self) -> None:
        await self._service.close()

    def _error(self, exc: AzureError, bucket: str) -> Exception:
        if isinstance(exc, ResourceNotFoundError):
            return BucketNotFound(self.provider, bucket)
        if isinstance(exc, HttpResponseError) and exc.status_code in (401, 403):
            # AuthorizationPermissionMismatch, AuthorizationFailure (a firewall or a SAS without the
            # permission), AuthenticationFailed: the account's grants, not a passing fault.
            code = getattr(exc, "error_code", None) or f"HTTP {exc.status_code}"
            return ProviderRefused(self.provider, str(code), bucket=bucket)
        return ProviderUnavailable(self.provider, getattr(exc, "error_code", None) or type(exc).__name__)

    async def verify(self) -> bool:
        try:
            async for _ in self._service.list_containers(results_per_page=1):
                break
        except ClientAuthenticationError:
            return False
        except HttpResponseError as exc:
            if exc.status_code == 403:
                return False
            raise ProviderUnavailable(self.provider, type(exc).__name__) from None
        except AzureError as exc:
            raise ProviderUnavailable(self.provider, type(exc).__name__) from None
        return True

    async def create_bucket(self, bucket: str) -> None:
        try:
            await self._service.create_container(bucket)
        except ResourceExistsError:
            pass  # a retried create is done
        except AzureError as exc:
            raise self._error(exc, bucket) from None

    async def delete_bucket(self, bucket: str) -> None:
        try:
            await self._service.delete_container(bucket)
        except ResourceNotFoundError:
            pass  # a retried delete is done
        except AzureError as exc:
            raise self._error(exc, bucket) from None

    async def list_buckets(self) -> list[str]:
        try:
            return sorted([c.name async for c in self._service.list_containers()])
        except AzureError as exc:
            raise ProviderUnavailable(self.provider, type(exc).__name__) from None

    async def list_objects(self, bucket: str) -> AsyncGenerator[StoredObject]:
        container = self._service.get_container_client(bucket)
        try:
            async for blob in container.list_blobs():  # name order, 5,000 a page
                md5 = blob.content_settings.content_md5
                yield StoredObject(key=blob.name, size=int(blob.size), digest=bytes(md5).hex() if md5 else "")
        except AzureError as exc:
            raise self._error(exc, bucket) from None

    async def read_object(self, bucket: str, key: str) -> AsyncGenerator[bytes]:
        blob = self._service.get_blob_client(bucket, key)
        try:
            downloader = await blob.download_blob()
            async for chunk in downloader.chunks():
                yield chunk
        except AzureError as exc:
            raise self._error(exc, bucket) from None

    async def write_object(
        self,
        bucket: str,
        key: str,
        size: int,
        chunks: AsyncIterator[bytes],
        content_type: str = DEFAULT_CONTENT_TYPE,
    ) -> WrittenObject:
        blob = self._service.get_blob_client(bucket, key)
        digest = StreamDigest()
        try:
            if size <= self.part_size:
                body = b"".join([chunk async for chunk in chunks])  # at most one block
                md5 = digest.part(body)
                await blob.upload_blob(
                    body,
                    length=len(body),
                    overwrite=True,
                    validate_content=True,
                    content_settings=ContentSettings(content_type=content_type, content_md5=bytearray(md5)),
                )
            else:
                blocks: list[BlobBlock] = []
                async for part in read_parts(chunks, self.part_size):
                    digest.part(part)
                    block_id = f"{len(blocks):08d}"
                    await blob.stage_block(block_id, part, length=len(part), validate_content=True)
                    blocks.append(BlobBlock(block_id=block_id))
                await blob.commit_block_list(
                    blocks,
                    content_settings=ContentSettings(
                        content_type=content_type, content_md5=bytearray(digest.whole.digest())
                    ),
                )
        except AzureError as exc:
            raise self._error(exc, bucket) from None
        md5_hex = digest.whole.hexdigest()
        return WrittenObject(digest.size, md5_hex, md5_hex)
