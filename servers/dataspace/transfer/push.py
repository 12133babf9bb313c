"""Push transfers: the provider's connector writes the data into the consumer's S3 bucket.

The consumer names the bucket and hands over credentials that may write the
key (Dataspace Protocol's push: the consumer's DataAddress). They live in
this process only for the write: never stored, logged or returned; the
transfer keeps "s3://{bucket}/{key}" as its destination. The write streams
the object from the provider's store (aioboto3's multipart upload through
runtime's S3ObjectStore), hashing what it sends, so what arrived can be
checked against the distribution's SHA-256.

The endpoint must be https: the server dials what a consumer names, so plain
http is allowed only to a loopback address and only where the operator
turned it on (dataspace_push_allow_http_loopback, for development and tests).
"""

from __future__ import annotations

import hashlib
import ipaddress
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import aioboto3
import structlog
from botocore.exceptions import BotoCoreError, ClientError

from jipan.servers.dataspace.names import DOMAIN
from jipan.servers.runtime.errors import FailedPrecondition, InvalidArgument
from jipan.servers.runtime.objectstore import S3ObjectStore, validate_key

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


async def push(
    chunks: AsyncIterator[bytes], destination: S3Destination, *, part_size: int = CHUNK
) -> tuple[int, bytes]:
    """Write `chunks` to the destination; the size and SHA-256 of what was written."""
    session = aioboto3.Session(
        aws_access_key_id=destination.access_key_id,
        aws_secret_access_key=destination.secret_access_key,
        aws_session_token=destination.session_token or None,
    )
    store = S3ObjectStore(
        destination.bucket,
        endpoint_url=destination.endpoint_url,
        region=destination.region or "us-east-1",
        part_size=part_size,
        session=session,
    )
    digest = hashlib.sha256()
    size = 0

    async def counted() -> AsyncIterator[bytes]:
        nonlocal size
        async for chunk in chunks:
            size += len(chunk)
            digest.update(chunk)
            yield chunk

    try:
        await store.put_stream(destination.key, counted(), content_type="application/octet-stream")
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
    finally:
        await store.aclose()
    return size, digest.digest()
