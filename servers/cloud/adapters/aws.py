"""AWS through aioboto3 (EC2, S3, the Price List Query API), and S3-compatible stores through the
same S3 client.

Every call goes through one client per service made from a session holding
only this account's keys, so the host's own AWS configuration (environment,
~/.aws) never mixes in. Errors are sorted into three kinds: the provider
refused the credentials (verify returns False), it refused for capacity or
quota (CapacityExhausted, so provisioning can fall over to the next plan),
or it could not be reached or failed (ProviderUnavailable). Anything else is
a bug or bad input and propagates.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
from collections.abc import AsyncGenerator, AsyncIterator, Mapping, Sequence
from typing import Any, Final

import aioboto3
from aiobotocore.config import AioConfig
from botocore.exceptions import BotoCoreError, ClientError
from botocore.parsers import ResponseParserError

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
    WrittenObject,
    read_parts,
)

# The codes EC2, S3 and STS answer when the access key is unknown, disabled
# or the signature does not match: the account's credentials are refused.
CREDENTIALS_REFUSED: Final = frozenset(
    {
        "AuthFailure",
        "InvalidAccessKeyId",
        "InvalidClientTokenId",
        "SignatureDoesNotMatch",
        "UnrecognizedClientException",
        "AccessDenied",
        "UnauthorizedOperation",
    }
)
# S3's answers when the key is good but its policy does not allow the action on the bucket (or the
# bucket's own policy, or the account's block, refuses it).
PERMISSION_CODES: Final = frozenset({"AllAccessDisabled", "AccountProblem"})
# EC2's answers when a region or zone has no room or the account's quota is spent.
CAPACITY_CODES: Final = frozenset(
    {
        "InsufficientInstanceCapacity",
        "InstanceLimitExceeded",
        "VcpuLimitExceeded",
        "InsufficientHostCapacity",
        "InsufficientReservedInstanceCapacity",
        "MaxSpotInstanceCountExceeded",
    }
)
DEFAULT_REGION: Final = "us-east-1"
# The Price List Query API is served from these regions only (api.pricing.{region}.amazonaws.com);
# every one of them prices every region. An account in Asia asks Mumbai, one in Europe Frankfurt.
PRICING_REGIONS: Final = {"ap": "ap-south-1", "eu": "eu-central-1"}
# The Pricing API's answers that refuse the request itself (the key lacks pricing:GetProducts, a
# filter it does not know): retrying will not help.
PRICING_REFUSED: Final = frozenset(
    {"AccessDeniedException", "InvalidParameterException", "NotFoundException", "InvalidSignatureException"}
)
# What each region is priced by: (ServiceCode, filters). On-demand Linux instances of shared tenancy
# with no pre-installed software, as running capacity ("Used"); EBS volumes; data transfer out to the
# internet, which the Query API lists under its own service code.
_PRICE_QUERIES: Final = (
    (
        "AmazonEC2",
        {
            "productFamily": "Compute Instance",
            "tenancy": "Shared",
            "operatingSystem": "Linux",
            "preInstalledSw": "NA",
            "capacitystatus": "Used",
            "licenseModel": "No License required",
        },
        "regionCode",
    ),
    ("AmazonEC2", {"productFamily": "Storage"}, "regionCode"),
    ("AWSDataTransfer", {"transferType": "AWS Outbound", "toLocation": "External"}, "fromRegionCode"),
)
_CONFIG: Final = AioConfig(connect_timeout=5, read_timeout=30, retries={"max_attempts": 2})
# Objects above one part go up as multipart uploads of 8 MiB parts (S3's minimum is 5 MiB); a
# copy holds at most one part in memory.
PART_SIZE: Final = 8 * 1024 * 1024
READ_CHUNK: Final = 1024 * 1024
# S3 clients for object streaming are kept for the adapter's life (one per object would cost a
# connection setup each); a pool of this many connections serves concurrent copies.
_OBJECT_CONFIG: Final = AioConfig(
    connect_timeout=5, read_timeout=60, retries={"max_attempts": 3}, max_pool_connections=32
)


def _code(exc: ClientError) -> str:
    return str(exc.response.get("Error", {}).get("Code", ""))


class AwsAdapter:
    """EC2 instances and S3 buckets of one AWS account (or an endpoint that speaks their APIs)."""

    kind = ProviderKind.AWS
    capabilities = frozenset(
        {
            Capability.VERIFY_CREDENTIALS,
            Capability.INSTANCES,
            Capability.OBJECT_STORAGE,
            Capability.PRICE_LIST,
        }
    )
    library = "aioboto3"

    def __init__(self, connection: AccountConnection) -> None:
        self.provider = connection.provider
        self._endpoint = connection.endpoint or None
        self._region = connection.region or DEFAULT_REGION
        self._session = aioboto3.Session(
            aws_access_key_id=connection.secret["access_key_id"],
            aws_secret_access_key=connection.secret["secret_access_key"],
            region_name=self._region,
        )
        self._objects = contextlib.AsyncExitStack()
        self._object_client: Any = None

    part_size = PART_SIZE

    async def aclose(self) -> None:
        await self._objects.aclose()

    async def _s3(self) -> Any:
        """The adapter's long-lived S3 client for object streaming (made on first use)."""
        if self._object_client is None:
            make: Any = self._session.client
            self._object_client = await self._objects.enter_async_context(
                make("s3", endpoint_url=self._endpoint, config=_OBJECT_CONFIG)
            )
        return self._object_client

    def _object_error(self, exc: Exception, bucket: str) -> Exception:
        if isinstance(exc, ClientError):
            code = _code(exc)
            if code == "NoSuchBucket":
                return BucketNotFound(self.provider, bucket)
            if code in CREDENTIALS_REFUSED or code in PERMISSION_CODES:
                return self._refused(exc, bucket)
            return ProviderUnavailable(self.provider, code or type(exc).__name__)
        return self._unavailable(exc)

    def _refused(self, exc: ClientError, bucket: str = "") -> ProviderRefused:
        message = str(exc.response.get("Error", {}).get("Message", ""))
        return ProviderRefused(self.provider, _code(exc), message, bucket=bucket)

    async def list_objects(self, bucket: str) -> AsyncGenerator[StoredObject]:
        s3 = await self._s3()
        token: str | None = None
        while True:
            kwargs: dict[str, Any] = {"Bucket": bucket, "MaxKeys": 1000}
            if token:
                kwargs["ContinuationToken"] = token
            try:
                page = await s3.list_objects_v2(**kwargs)
            except (ClientError, BotoCoreError) as exc:
                raise self._object_error(exc, bucket) from None
            for item in page.get("Contents", []):
                yield StoredObject(
                    key=str(item["Key"]), size=int(item["Size"]), digest=str(item.get("ETag", "")).strip('"')
                )
            token = page.get("NextContinuationToken")
            if not page.get("IsTruncated") or not token:
                return

    async def read_object(self, bucket: str, key: str) -> AsyncGenerator[bytes]:
        s3 = await self._s3()
        try:
            response = await s3.get_object(Bucket=bucket, Key=key)
            body = response["Body"]
            try:
                while chunk := await body.read(READ_CHUNK):
                    yield chunk
            finally:
                body.close()
        except (ClientError, BotoCoreError) as exc:
            raise self._object_error(exc, bucket) from None

    async def write_object(
        self,
        bucket: str,
        key: str,
        size: int,
        chunks: AsyncIterator[bytes],
        content_type: str = DEFAULT_CONTENT_TYPE,
    ) -> WrittenObject:
        s3 = await self._s3()
        digest = StreamDigest()
        try:
            if size <= self.part_size:
                body = b"".join([chunk async for chunk in chunks])  # at most one part
                md5 = digest.part(body)
                await s3.put_object(
                    Bucket=bucket,
                    Key=key,
                    Body=body,
                    ContentMD5=base64.b64encode(md5).decode(),
                    ContentType=content_type,
                )
                return WrittenObject(digest.size, digest.whole.hexdigest(), digest.s3_etag(multipart=False))
            upload_id = str(
                (await s3.create_multipart_upload(Bucket=bucket, Key=key, ContentType=content_type))[
                    "UploadId"
                ]
            )
        except (ClientError, BotoCoreError) as exc:
            raise self._object_error(exc, bucket) from None
        try:
            parts: list[dict[str, Any]] = []
            async for part in read_parts(chunks, self.part_size):
                md5 = digest.part(part)
                answer = await s3.upload_part(
                    Bucket=bucket,
                    Key=key,
                    UploadId=upload_id,
                    PartNumber=len(parts) + 1,
                    Body=part,
                    ContentMD5=base64.b64encode(md5).decode(),
                )
                parts.append({"PartNumber": len(parts) + 1, "ETag": answer["ETag"]})
            await s3.complete_multipart_upload(
                Bucket=bucket, Key=key, UploadId=upload_id, MultipartUpload={"Parts": parts}
            )
        except BaseException as exc:
            # A failed or interrupted upload leaves no half-object and no parts billed for.
            with contextlib.suppress(Exception):
                await asyncio.shield(s3.abort_multipart_upload(Bucket=bucket, Key=key, UploadId=upload_id))
            if isinstance(exc, ClientError | BotoCoreError):
                raise self._object_error(exc, bucket) from None
            raise
        return WrittenObject(digest.size, digest.whole.hexdigest(), digest.s3_etag(multipart=True))

    def _client(self, service: str) -> Any:
        make: Any = self._session.client  # typed per literal service name; ours is a variable
        return make(service, endpoint_url=self._endpoint, config=_CONFIG)

    def _unavailable(self, exc: Exception) -> ProviderUnavailable:
        return ProviderUnavailable(self.provider, type(exc).__name__)

    async def _call(self, service: str, operation: str, **kwargs: Any) -> Any:
        try:
            if service == "s3" and self._object_client is not None:
                # Streaming made the long-lived S3 client already: one client setup is enough.
                return await getattr(self._object_client, operation)(**kwargs)
            async with self._client(service) as client:
                return await getattr(client, operation)(**kwargs)
        except ClientError as exc:
            code = _code(exc)
            if code in CAPACITY_CODES:
                raise CapacityExhausted(self.provider, code) from None
            status = int(exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0) or 0)
            if status >= 500:
                raise self._unavailable(exc) from None
            if code in CREDENTIALS_REFUSED or code in PERMISSION_CODES:
                raise self._refused(exc, str(kwargs.get("Bucket", ""))) from None
            raise
        except (BotoCoreError, ResponseParserError) as exc:
            # ResponseParserError: an answer that is not the API's (an HTML 5xx page from a proxy
            # or an endpoint's crash); botocore does not derive it from BotoCoreError.
            raise self._unavailable(exc) from None

    async def verify(self) -> bool:
        # DescribeRegions needs no resources and every IAM policy that can do
        # anything with EC2 allows it; a refused key fails it with AuthFailure.
        return await self._verify_with("ec2", "describe_regions")

    async def _verify_with(self, service: str, operation: str) -> bool:
        try:
            await self._call(service, operation)
        except ProviderRefused:
            return False
        except ClientError as exc:
            raise self._unavailable(exc) from None
        return True

    async def create_bucket(self, bucket: str) -> None:
        kwargs: dict[str, Any] = {"Bucket": bucket}
        if self._region != DEFAULT_REGION:
            kwargs["CreateBucketConfiguration"] = {"LocationConstraint": self._region}
        try:
            await self._call("s3", "create_bucket", **kwargs)
        except ClientError as exc:
            if _code(exc) != "BucketAlreadyOwnedByYou":  # a retried create is done
                # BucketAlreadyExists (someone else's name), InvalidBucketName...: S3 said no.
                raise self._refused(exc, bucket) from None

    async def delete_bucket(self, bucket: str) -> None:
        try:
            await self._call("s3", "delete_bucket", Bucket=bucket)
        except ClientError as exc:
            if _code(exc) != "NoSuchBucket":  # a retried delete is done
                raise self._refused(exc, bucket) from None  # BucketNotEmpty, say

    async def list_buckets(self) -> list[str]:
        response = await self._call("s3", "list_buckets")
        return sorted(bucket["Name"] for bucket in response.get("Buckets", []))

    async def run_instance(
        self, instance_type: str, image_id: str, tags: Mapping[str, str], zone: str = ""
    ) -> str:
        placement = {"Placement": {"AvailabilityZone": zone}} if zone else {}
        try:
            response = await self._call(
                "ec2",
                "run_instances",
                ImageId=image_id,
                InstanceType=instance_type,
                MinCount=1,
                MaxCount=1,
                TagSpecifications=[
                    {
                        "ResourceType": "instance",
                        "Tags": [{"Key": k, "Value": v} for k, v in sorted(tags.items())],
                    }
                ],
                **placement,
            )
        except ClientError as exc:  # 4xx other than capacity: EC2 said no to this very request
            raise ProviderRefused(
                self.provider, _code(exc), str(exc.response.get("Error", {}).get("Message", ""))
            ) from None
        except ProviderUnavailable as exc:
            if not zone:
                raise
            # Name the zone: an endpoint that fails (5xx, or a body that is not EC2's XML) only
            # when a zone is pinned — moto 5.2.5 for ap-east-2's zones — is told apart this way.
            raise ProviderUnavailable(
                self.provider, f"run_instances in zone {zone}: {(exc.metadata or {}).get('problem', '')}"
            ) from None
        return str(response["Instances"][0]["InstanceId"])

    async def describe_instance(self, instance_id: str) -> InstanceState:
        try:
            response = await self._call("ec2", "describe_instances", InstanceIds=[instance_id])
        except ClientError as exc:
            if _code(exc) != "InvalidInstanceID.NotFound":
                raise
            # Gone (EC2 forgets a terminated instance after about an hour), as the other
            # adapters report a vanished one.
            return InstanceState(instance_id, "terminated", "", self._region)
        instance = response["Reservations"][0]["Instances"][0]
        return InstanceState(
            instance_id=instance_id,
            state=str(instance["State"]["Name"]),
            instance_type=str(instance["InstanceType"]),
            region=self._region,
            zone=str(instance.get("Placement", {}).get("AvailabilityZone", "")),
        )

    async def find_instance(self, tags: Mapping[str, str]) -> str | None:
        response = await self._call(
            "ec2",
            "describe_instances",
            Filters=[
                *({"Name": f"tag:{k}", "Values": [v]} for k, v in sorted(tags.items())),
                {"Name": "instance-state-name", "Values": ["pending", "running", "stopping", "stopped"]},
            ],
        )
        for reservation in response.get("Reservations", []):
            for instance in reservation.get("Instances", []):
                return str(instance["InstanceId"])
        return None

    async def stop_instance(self, instance_id: str) -> None:
        await self._call("ec2", "stop_instances", InstanceIds=[instance_id])

    async def start_instance(self, instance_id: str) -> None:
        await self._call("ec2", "start_instances", InstanceIds=[instance_id])

    async def terminate_instance(self, instance_id: str) -> None:
        try:
            await self._call("ec2", "terminate_instances", InstanceIds=[instance_id])
        except ClientError as exc:
            if _code(exc) != "InvalidInstanceID.NotFound":  # already gone: a retried delete is done
                raise

    async def price_list(self, regions: Sequence[str]) -> AsyncGenerator[Mapping[str, Any]]:
        """GetProducts of the Price List Query API for each region, every page (NextToken), each
        PriceList entry decoded from its JSON string. The account's endpoint, when it has one,
        serves the Pricing API too (as it serves EC2 and S3)."""
        pricing_region = PRICING_REGIONS.get(self._region.split("-", 1)[0], DEFAULT_REGION)
        make: Any = self._session.client
        try:
            async with make(
                "pricing", endpoint_url=self._endpoint, region_name=pricing_region, config=_CONFIG
            ) as client:
                for region in regions:
                    for service_code, attributes, region_field in _PRICE_QUERIES:
                        filters = [
                            {"Type": "TERM_MATCH", "Field": field, "Value": value}
                            for field, value in {**attributes, region_field: region}.items()
                        ]
                        token = ""
                        while True:
                            page = await client.get_products(
                                ServiceCode=service_code,
                                Filters=filters,
                                FormatVersion="aws_v1",
                                MaxResults=100,
                                **({"NextToken": token} if token else {}),
                            )
                            for entry in page.get("PriceList", []):
                                yield self._price_entry(entry)
                            token = str(page.get("NextToken") or "")
                            if not token:
                                break
        except ClientError as exc:
            code = _code(exc)
            status = int(exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0) or 0)
            if status < 500 and (code in PRICING_REFUSED or code in CREDENTIALS_REFUSED):
                raise self._refused(exc) from None
            raise ProviderUnavailable(self.provider, code or type(exc).__name__) from None
        except (BotoCoreError, ResponseParserError) as exc:
            raise self._unavailable(exc) from None

    def _price_entry(self, entry: Any) -> Mapping[str, Any]:
        try:
            decoded = json.loads(entry) if isinstance(entry, str) else entry
        except json.JSONDecodeError:
            decoded = None
        if not isinstance(decoded, Mapping):
            # Not the API's answer: an endpoint that is not the Pricing API's.
            raise ProviderUnavailable(self.provider, "a PriceList entry is not a JSON object")
        return decoded


class S3CompatibleAdapter(AwsAdapter):
    """A domestic S3-compatible object store at its own endpoint: buckets only, no instances."""

    kind = ProviderKind.S3_COMPATIBLE
    capabilities = frozenset({Capability.VERIFY_CREDENTIALS, Capability.OBJECT_STORAGE})

    def __init__(self, connection: AccountConnection) -> None:
        if not connection.endpoint:
            raise ValueError("an S3-compatible account needs an endpoint")  # checked at creation
        super().__init__(connection)

    async def verify(self) -> bool:
        return await self._verify_with("s3", "list_buckets")
