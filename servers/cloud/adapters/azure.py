"""Azure virtual machines through the async Azure management SDKs, as a service principal.

The account is a service principal (tenant, client id, client secret) and a
subscription. azure-identity's async ClientSecretCredential gets the ARM
token; azure-mgmt-resource puts the broker's resource group, azure-mgmt-network
its virtual network, azure-mgmt-compute the virtual machines. Every write is
a long-running operation that the SDK polls itself (Azure-AsyncOperation, then
Location, honouring Retry-After).

Layout in the subscription: one resource group per region, `jipan-{region}`,
holding one virtual network `jipan-vnet` (10.0.0.0/16, subnet `default`);
virtual machines are named by the adapter (`jipan-{12 hex}`), carry the
broker's tags as Azure tags (so a create that crashed before its record is
found again by `find_instance`), make their own NIC and delete it (and the
OS disk) with the machine; a pinned zone ("japaneast-2" in the catalog) is ARM's `zones`
(["2"]). Images are a marketplace URN
(`publisher:offer:sku:version`) or an image resource id. The admin password
is random and thrown away: the broker manages machines, it does not log in.

The account's `endpoint`, when set, is an ARM endpoint other than Azure's
public cloud (a sovereign cloud, Azure Stack Hub, a test server): the
adapter reads its `/metadata/endpoints` to learn where to get tokens and
for which audience, as Azure Stack's tools do. Capacity and quota refusals
(`AllocationFailed`, `SkuNotAvailable`, quota `OperationNotAllowed`, ...)
become CapacityExhausted; a VM left in state Failed by a refused allocation
is deleted before the refusal is raised.
"""

from __future__ import annotations

import contextlib
import re
import secrets
import ssl
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final, cast
from uuid import uuid4

import aiohttp
from azure.core.exceptions import (
    AzureError,
    ClientAuthenticationError,
    HttpResponseError,
    ResourceNotFoundError,
    ServiceRequestError,
    ServiceResponseError,
)

from jipan.servers.cloud.adapters.base import (
    AccountConnection,
    Capability,
    CapacityExhausted,
    InstanceState,
    ProviderKind,
    ProviderRefused,
    ProviderUnavailable,
    WithoutObjectStorage,
    WithoutPriceList,
)
from jipan.servers.cloud.names import DOMAIN
from jipan.servers.runtime.errors import FailedPrecondition

if TYPE_CHECKING:
    from azure.mgmt.compute.aio import ComputeManagementClient
    from azure.mgmt.network.aio import NetworkManagementClient
    from azure.mgmt.resource.resources.aio import ResourceManagementClient

DEFAULT_REGION: Final = "eastasia"
METADATA_API: Final = "2022-09-01"
VNET: Final = "jipan-vnet"
SUBNET: Final = "default"
# The codes ARM gives when a region or zone has no room for a size, or a quota is spent.
CAPACITY_CODES: Final = (
    "AllocationFailed",
    "ZonalAllocationFailed",
    "OverconstrainedAllocationRequest",
    "OverconstrainedZonalAllocationRequest",
    "SkuNotAvailable",
    "QuotaExceeded",
)
# ARM's codes for a principal without the role an action needs, or a token it will not take.
REFUSAL_CODES: Final = (
    "AuthorizationFailed",
    "LinkedAuthorizationFailed",
    "InvalidAuthenticationToken",
    "InvalidAuthenticationTokenTenant",
)

_POWER: Final = {
    "running": "running",
    "starting": "pending",
    "stopping": "stopping",
    "deallocating": "stopping",
    "stopped": "stopped",
    "deallocated": "stopped",
}
_URN: Final = re.compile(r"^([^:/]+):([^:/]+):([^:/]+):([^:/]+)$")


def _code(exc: HttpResponseError) -> str:
    error = getattr(exc, "error", None)
    return str(getattr(error, "code", None) or "")


def capacity_code(exc: HttpResponseError) -> str | None:
    code = _code(exc)
    if code in CAPACITY_CODES:
        return code
    if code == "OperationNotAllowed" and "quota" in str(exc).lower():
        return "QuotaExceeded"
    return None


def image_reference(image_id: str) -> dict[str, str]:
    if image_id.startswith("/"):
        return {"id": image_id}
    match = _URN.match(image_id)
    if match is None:
        raise FailedPrecondition(
            "CAPABILITY_UNSUPPORTED",
            "an Azure image is a URN publisher:offer:sku:version or an image resource id",
            domain=DOMAIN,
            metadata={"provider": "azure", "image": image_id[:100]},
        )
    publisher, offer, sku, version = match.groups()
    return {"publisher": publisher, "offer": offer, "sku": sku, "version": version}


def zone_number(zone: str, location: str) -> str:
    """ARM's zone ("2") for the catalog's zone of a region ("japaneast-2")."""
    number = zone.removeprefix(f"{location}-")
    if not number.isdigit():
        raise FailedPrecondition(
            "CAPABILITY_UNSUPPORTED",
            f"{zone!r} is not an availability zone of Azure region {location}",
            domain=DOMAIN,
            metadata={"provider": "azure", "zone": zone[:100], "region": location[:100]},
        )
    return number


class AzureAdapter(WithoutObjectStorage, WithoutPriceList):
    """Virtual machines of one Azure subscription, as one service principal."""

    kind = ProviderKind.AZURE
    capabilities = frozenset({Capability.VERIFY_CREDENTIALS, Capability.INSTANCES})
    library = "azure-mgmt-compute, azure-mgmt-network, azure-mgmt-resource (aio) with azure-identity"

    def __init__(self, connection: AccountConnection) -> None:
        self.provider = connection.provider
        secret = connection.secret
        self._tenant = secret["tenant_id"]
        self._client_id = secret["client_id"]
        self._client_secret = secret["client_secret"]
        self._subscription = secret["subscription_id"]
        self._endpoint = connection.endpoint
        self._ca_file = connection.ca_file
        self._location = connection.region or DEFAULT_REGION
        self._group = f"jipan-{self._location}"
        self._stack = contextlib.AsyncExitStack()
        self._compute: ComputeManagementClient | None = None
        self._network: NetworkManagementClient | None = None
        self._resources: ResourceManagementClient | None = None

    async def aclose(self) -> None:
        await self._stack.aclose()

    def _transport(self) -> dict[str, Any]:
        options: dict[str, Any] = {"retry_total": 2, "connection_timeout": 10, "read_timeout": 60}
        if self._ca_file:
            options["connection_verify"] = self._ca_file
        return options

    async def _cloud(self) -> tuple[str | None, str | None, list[str] | None]:
        """(authority, ARM base URL, token scopes): Azure's public cloud, or the endpoint's metadata."""
        if not self._endpoint:
            return None, None, None
        context = ssl.create_default_context(cafile=self._ca_file or None)
        url = f"{self._endpoint}/metadata/endpoints?api-version={METADATA_API}"
        try:
            async with (
                aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30)) as session,
                session.get(url, ssl=context) as response,
            ):
                response.raise_for_status()
                metadata = await response.json(content_type=None)
            login = str(metadata["authentication"]["loginEndpoint"]).rstrip("/")
            audience = str(metadata["authentication"]["audiences"][0]).rstrip("/")
        except (
            aiohttp.ClientError,
            OSError,
            TimeoutError,
            KeyError,
            IndexError,
            TypeError,
            ValueError,
        ) as exc:
            raise ProviderUnavailable(self.provider, f"ARM metadata: {type(exc).__name__}") from None
        return login, self._endpoint, [f"{audience}/.default"]

    async def _clients(
        self,
    ) -> tuple[ComputeManagementClient, NetworkManagementClient, ResourceManagementClient]:
        if self._compute is None or self._network is None or self._resources is None:
            # Imported when an Azure account is first used: the three management
            # SDKs and azure-identity take ~0.7 s to import, which every process
            # serving cloud (and `jipan up`) paid at start.
            from azure.identity.aio import ClientSecretCredential
            from azure.mgmt.compute.aio import ComputeManagementClient
            from azure.mgmt.network.aio import NetworkManagementClient
            from azure.mgmt.resource.resources.aio import ResourceManagementClient

            authority, base_url, scopes = await self._cloud()
            transport = self._transport()
            credential = ClientSecretCredential(
                self._tenant,
                self._client_id,
                self._client_secret,
                authority=authority,
                disable_instance_discovery=authority is not None,
                **transport,
            )
            await self._stack.enter_async_context(credential)
            arm: dict[str, Any] = {**transport, "polling_interval": 10}
            if base_url is not None:
                arm.update(base_url=base_url, credential_scopes=scopes)
            self._compute = await self._stack.enter_async_context(
                ComputeManagementClient(credential, self._subscription, **arm)
            )
            self._network = await self._stack.enter_async_context(
                NetworkManagementClient(credential, self._subscription, **arm)
            )
            self._resources = await self._stack.enter_async_context(
                ResourceManagementClient(credential, self._subscription, **arm)
            )
        return self._compute, self._network, self._resources

    def _unavailable(self, exc: Exception) -> ProviderUnavailable:
        return ProviderUnavailable(
            self.provider, _code(exc) if isinstance(exc, HttpResponseError) else type(exc).__name__
        )

    def _sorted(self, exc: AzureError) -> Exception | None:
        """The broker's error for `exc`, or None when it should propagate as it is."""
        if isinstance(exc, HttpResponseError):
            code = capacity_code(exc)
            if code is not None:
                return CapacityExhausted(self.provider, code)
            if exc.status_code is not None and exc.status_code >= 500:
                return self._unavailable(exc)
            if exc.status_code in (401, 403) or _code(exc) in REFUSAL_CODES:
                # The service principal lacks a role on the scope (AuthorizationFailed), or its
                # token was refused: its grants must change, no retry or other plan helps.
                error = getattr(exc, "error", None)
                return ProviderRefused(
                    self.provider,
                    _code(exc) or f"HTTP {exc.status_code}",
                    str(getattr(error, "message", "") or ""),
                )
            return None
        if isinstance(exc, ServiceRequestError | ServiceResponseError):
            return self._unavailable(exc)
        return None

    async def verify(self) -> bool:
        try:
            compute, _, _ = await self._clients()
            async for _ in compute.virtual_machines.list_all():
                break
        except ClientAuthenticationError:
            return False  # Entra refused the secret, or ARM the token
        except HttpResponseError as exc:
            if exc.status_code in (401, 403) or _code(exc) in (
                "SubscriptionNotFound",
                "InvalidSubscriptionId",
            ):
                return False
            raise self._unavailable(exc) from None
        except AzureError as exc:
            raise self._unavailable(exc) from None
        return True

    async def _prepare(self) -> str:
        """The region's resource group and virtual network (idempotent puts); the subnet's id."""
        _, network, resources = await self._clients()
        await resources.resource_groups.create_or_update(
            self._group, cast(Any, {"location": self._location, "tags": {"jipan:managed": "true"}})
        )
        poller = await network.virtual_networks.begin_create_or_update(
            self._group,
            VNET,
            cast(
                Any,
                {
                    "location": self._location,
                    "properties": {
                        "addressSpace": {"addressPrefixes": ["10.0.0.0/16"]},
                        "subnets": [{"name": SUBNET, "properties": {"addressPrefix": "10.0.0.0/24"}}],
                    },
                },
            ),
        )
        await poller.result()
        return (
            f"/subscriptions/{self._subscription}/resourceGroups/{self._group}"
            f"/providers/Microsoft.Network/virtualNetworks/{VNET}/subnets/{SUBNET}"
        )

    async def run_instance(
        self, instance_type: str, image_id: str, tags: Mapping[str, str], zone: str = ""
    ) -> str:
        name = f"jipan-{uuid4().hex[:12]}"
        body: dict[str, Any] = {
            "location": self._location,
            "tags": {k[:512]: v[:256] for k, v in tags.items()},
            "properties": {
                "hardwareProfile": {"vmSize": instance_type},
                "storageProfile": {
                    "imageReference": image_reference(image_id),
                    "osDisk": {"createOption": "FromImage", "deleteOption": "Delete"},
                },
                "osProfile": {
                    "computerName": name,
                    "adminUsername": "jipan",
                    "adminPassword": secrets.token_urlsafe(24) + "aA1!",
                },
            },
        }
        if zone:
            body["zones"] = [zone_number(zone, self._location)]
        try:
            subnet = await self._prepare()
            body["properties"]["networkProfile"] = {
                "networkApiVersion": "2020-11-01",
                "networkInterfaceConfigurations": [
                    {
                        "name": f"{name}-nic",
                        "properties": {
                            "primary": True,
                            "deleteOption": "Delete",
                            "ipConfigurations": [
                                {"name": "ipconfig1", "properties": {"subnet": {"id": subnet}}}
                            ],
                        },
                    }
                ],
            }
            compute, _, _ = await self._clients()
            poller = await compute.virtual_machines.begin_create_or_update(self._group, name, cast(Any, body))
            try:
                await poller.result()
            except HttpResponseError as exc:
                if capacity_code(exc) is not None:
                    # The refused machine stays behind in state Failed: remove it, then refuse.
                    with contextlib.suppress(AzureError):
                        await (await compute.virtual_machines.begin_delete(self._group, name)).result()
                raise
        except AzureError as exc:
            mapped = self._sorted(exc)
            if mapped is not None:
                raise mapped from None
            raise
        return name

    async def describe_instance(self, instance_id: str) -> InstanceState:
        try:
            compute, _, _ = await self._clients()
            machine = await compute.virtual_machines.get(self._group, instance_id)
            view = await compute.virtual_machines.instance_view(self._group, instance_id)
        except ResourceNotFoundError:
            return InstanceState(instance_id, "terminated", "", self._location)
        except AzureError as exc:
            mapped = self._sorted(exc)
            if mapped is not None:
                raise mapped from None
            raise
        codes = [str(s.code or "") for s in (view.statuses or [])]
        provisioning = next((c.split("/", 1)[1] for c in codes if c.startswith("ProvisioningState/")), "")
        power = next((c.split("/", 1)[1] for c in codes if c.startswith("PowerState/")), "")
        if provisioning == "deleting":
            state = "shutting-down"
        elif provisioning in ("creating", "updating") and not power:
            state = "pending"
        else:
            state = _POWER.get(power, power or provisioning or "unknown")
        hardware = machine.properties.hardware_profile if machine.properties else None
        return InstanceState(
            instance_id=instance_id,
            state=state,
            instance_type=str(hardware.vm_size) if hardware and hardware.vm_size else "",
            region=self._location,
            zone=f"{self._location}-{machine.zones[0]}" if machine.zones else "",
        )

    async def find_instance(self, tags: Mapping[str, str]) -> str | None:
        wanted = {k[:512]: v[:256] for k, v in tags.items()}
        try:
            compute, _, _ = await self._clients()
            async for machine in compute.virtual_machines.list(self._group):
                have = machine.tags or {}
                if all(have.get(k) == v for k, v in wanted.items()):
                    return str(machine.name)
        except ResourceNotFoundError:
            return None  # no resource group yet: nothing was made in this region
        except AzureError as exc:
            mapped = self._sorted(exc)
            if mapped is not None:
                raise mapped from None
            raise
        return None

    async def _operate(self, verb: str, instance_id: str) -> None:
        try:
            compute, _, _ = await self._clients()
            begin = getattr(compute.virtual_machines, f"begin_{verb}")
            await (await begin(self._group, instance_id)).result()
        except AzureError as exc:
            mapped = self._sorted(exc)
            if mapped is not None:
                raise mapped from None
            raise

    async def stop_instance(self, instance_id: str) -> None:
        await self._operate("deallocate", instance_id)  # deallocated: compute is no longer billed

    async def start_instance(self, instance_id: str) -> None:
        await self._operate("start", instance_id)

    async def terminate_instance(self, instance_id: str) -> None:
        with contextlib.suppress(ResourceNotFoundError):  # a retried delete is done
            await self._operate("delete", instance_id)
