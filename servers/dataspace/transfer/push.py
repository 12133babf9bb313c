"""Push transfers: the provider's connector writes the data into the consumer's S3 bucket.

The consumer names the bucket and hands over credentials that may write the
key (Dataspace Protocol's push: the consumer's DataAddress). They live in
this process only for the write: never stored, logged or returned; the
transfer keeps "s3://{bucket}/{key}" as its destination. The write streams
the object from the provider's store as an aioboto3 multipart upload,
hashing what it sends, so what arrived is checked against the
distribution's size and SHA-256.

The endpoint must be https: the server dials what a consumer names, so plain
http is allowed only to a loopback address and only where the operator
turned it on (dataspace_push_allow_http_loopback, for development and tests).
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import ipaddress
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import aioboto3
import structlog
from aiobotocore.config import AioConfig
from botocore.exceptions import BotoCoreError, ClientError

from jipan.servers.dataspace.names import DOMAIN
from jipan.servers.runtime.errors import FailedPrecondition, InvalidArgument
from jipan.servers.runtime.objectstore import validate_key

log = structlog.get_logger(__name__)

CHUNK = 8 * 1024 * 1024


@dataclass(frozen=True)
class S3Destination:
    endpoint_url: str
    bucket: str
    key: str
    region: str
    access_key_id: str = field(repr=False)
    secret_access_key: str = field(repr=False)
    session_token: str = field(default="", repr=False)

    @property
    def shown(self) -> str:
        """What the transfer records and shows: where, never with what."""
        return f"s3://{self.bucket}/{self.key}"


def destination_invalid(problem: str) -> InvalidArgument:
    return InvalidArgument(
        "PUSH_DESTINATION_INVALID",
        f"push_destination: {problem}",
        domain=DOMAIN,
        metadata={"problem": problem},
    )


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_destination(destination: S3Destination, *, allow_http_loopback: bool) -> S3Destination:
    parts = urlsplit(destination.endpoint_url)
    host = parts.hostname or ""
    if not host or parts.username or parts.password or parts.query or parts.fragment:
        raise destination_invalid("endpoint_url must be a plain https URL of the S3 endpoint")
    if parts.scheme != "https" and not (parts.scheme == "http" and allow_http_loopback and _loopback(host)):
        raise destination_invalid("endpoint_url must be https")
    try:
        validate_key(destination.key)
    except InvalidArgument as exc:
        raise destination_invalid(f"key {exc.message}") from None
    return destination


class PushFailed(FailedPrecondition):
    pass


async def _write(
    client: Any, destination: S3Destination, chunks: AsyncIterator[bytes], part_size: int
) -> tuple[int, bytes]:
    """A multipart upload of `chunks` (one PutObject when it all fits in a part), hashed off the loop.

    Not runtime's S3ObjectStore.put_stream: that one copies a multipart object onto itself to record
    its SHA-256 as metadata, which needs read access to the key; a consumer may grant write only."""
    hasher = hashlib.sha256()
    buffer = bytearray()
    size = 0
    upload_id: str | None = None
    parts: list[dict[str, Any]] = []
    bucket, key = destination.bucket, destination.key

    async def send_part(data: bytes) -> None:
        nonlocal upload_id
        if upload_id is None:
            created = await client.create_multipart_upload(
                Bucket=bucket, Key=key, ContentType="application/octet-stream"
            )
            upload_id = created["UploadId"]
        number = len(parts) + 1
        sent = await client.upload_part(
            Bucket=bucket, Key=key, UploadId=upload_id, PartNumber=number, Body=data
        )
        parts.append({"PartNumber": number, "ETag": sent["ETag"]})

    try:
        async for chunk in chunks:
            await asyncio.to_thread(hasher.update, chunk)
            size += len(chunk)
            buffer += chunk
            while len(buffer) >= part_size:
                await send_part(bytes(buffer[:part_size]))
                del buffer[:part_size]
        if upload_id is None:
            await client.put_object(
                Bucket=bucket, Key=key, Body=bytes(buffer), ContentType="application/octet-stream"
            )
        else:
            if buffer:
                await send_part(bytes(buffer))
            await client.complete_multipart_upload(
                Bucket=bucket, Key=key, UploadId=upload_id, MultipartUpload={"Parts": parts}
            )
    except BaseException:
        if upload_id is not None:
            with contextlib.suppress(Exception):  # abandoned parts cost the consumer storage
                await asyncio.shield(
                    client.abort_multipart_upload(Bucket=bucket, Key=key, UploadId=upload_id)
                )
        raise
    return size, hasher.digest()


async def push(
    chunks: AsyncIterator[bytes], destination: S3Destination, *, part_size: int = CHUNK
) -> tuple[int, bytes]:
    """Write `chunks` to the destination; the size and SHA-256 of what was written."""
    session = aioboto3.Session(
        aws_access_key_id=destination.access_key_id,
        aws_secret_access_key=destination.secret_access_key,
        aws_session_token=destination.session_token or None,
    )
    config = AioConfig(
        signature_version="s3v4",
        s3={"addressing_style": "path"},
        retries={"max_attempts": 3, "mode": "standard"},
        connect_timeout=10,
        read_timeout=60,
        request_checksum_calculation="when_required",
        response_checksum_validation="when_required",
    )
    try:
        async with session.client(
            "s3",
            endpoint_url=destination.endpoint_url,
            region_name=destination.region or "us-east-1",
            config=config,
        ) as client:
            return await _write(client, destination, chunks, part_size)
    except ClientError as exc:
        code = str(exc.response.get("Error", {}).get("Code", "unknown"))[:100]
        log.warning("push refused by the destination", destination=destination.shown, s3_error=code)
        raise PushFailed(
            "PUSH_FAILED",
            f"the destination refused the write ({code})",
            domain=DOMAIN,
            metadata={"s3_error": code, "destination": destination.shown},
        ) from None
    except (BotoCoreError, OSError) as exc:
        log.warning("push destination unreachable", destination=destination.shown, error=type(exc).__name__)
        raise PushFailed(
            "PUSH_FAILED",
            "the destination could not be reached",
            domain=DOMAIN,
            metadata={"s3_error": type(exc).__name__, "destination": destination.shown},
        ) from None
