"""Provider adapters, one per provider kind, behind one async interface (base.py).

Built: AWS (aioboto3: EC2, S3, the Price List Query API), S3-compatible domestic object storage
(the same S3 client at the account's endpoint), Azure Blob Storage
("azure-blob": the async azure-storage-blob client, a storage account's
shared key), Azure virtual machines ("azure": the async azure-mgmt-compute,
-network and -resource clients as a service principal through
azure-identity), GCP Compute Engine and Cloud Storage ("gcp":
google-cloud-compute and google-cloud-storage, sync, in worker threads)
and OpenStack Nova ("openstack": openstacksdk, sync, in worker threads
through anyio; Keystone v3 application credentials).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from jipan.servers.cloud.adapters.aws import AwsAdapter, S3CompatibleAdapter
from jipan.servers.cloud.adapters.azure import AzureAdapter
from jipan.servers.cloud.adapters.azure_blob import AzureBlobAdapter
from jipan.servers.cloud.adapters.base import (
    AccountConnection,
    Capability,
    CloudAdapter,
    ProviderKind,
)
from jipan.servers.cloud.adapters.gcp import GcpAdapter
from jipan.servers.cloud.adapters.openstack import OpenStackAdapter


@dataclass(frozen=True)
class ProviderSpec:
    """One adapter the broker has: its provider id ("aws"), kind, what it can do, how to build it."""

    id: str
    kind: ProviderKind
    capabilities: frozenset[Capability]
    library: str
    secret_fields: tuple[str, ...]
    needs_endpoint: bool
    build: Callable[[AccountConnection], CloudAdapter]


PROVIDERS: dict[str, ProviderSpec] = {
    "aws": ProviderSpec(
        id="aws",
        kind=ProviderKind.AWS,
        capabilities=AwsAdapter.capabilities,
        library=AwsAdapter.library,
        secret_fields=("access_key_id", "secret_access_key"),
        needs_endpoint=False,
        build=AwsAdapter,
    ),
    "s3-compatible": ProviderSpec(
        id="s3-compatible",
        kind=ProviderKind.S3_COMPATIBLE,
        capabilities=S3CompatibleAdapter.capabilities,
        library=S3CompatibleAdapter.library,
        secret_fields=("access_key_id", "secret_access_key"),
        needs_endpoint=True,
        build=S3CompatibleAdapter,
    ),
    "azure-blob": ProviderSpec(
        id="azure-blob",
        kind=ProviderKind.AZURE,
        capabilities=AzureBlobAdapter.capabilities,
        library=AzureBlobAdapter.library,
        secret_fields=("account_name", "account_key"),
        needs_endpoint=False,
        build=AzureBlobAdapter,
    ),
    "gcp": ProviderSpec(
        id="gcp",
        kind=ProviderKind.GCP,
        capabilities=GcpAdapter.capabilities,
        library=GcpAdapter.library,
        secret_fields=("key_json",),
        needs_endpoint=False,
        build=GcpAdapter,
    ),
    "azure": ProviderSpec(
        id="azure",
        kind=ProviderKind.AZURE,
        capabilities=AzureAdapter.capabilities,
        library=AzureAdapter.library,
        secret_fields=("tenant_id", "client_id", "client_secret", "subscription_id"),
        needs_endpoint=False,
        build=AzureAdapter,
    ),
    "openstack": ProviderSpec(
        id="openstack",
        kind=ProviderKind.OPENSTACK,
        capabilities=OpenStackAdapter.capabilities,
        library=OpenStackAdapter.library,
        secret_fields=("auth_url", "application_credential_id", "application_credential_secret"),
        needs_endpoint=False,
        build=OpenStackAdapter,
    ),
}
