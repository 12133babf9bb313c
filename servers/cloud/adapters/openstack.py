"""OpenStack clouds (the domestic OpenStack-based ones) through openstacksdk, off the event loop.

openstacksdk (and keystoneauth1 under it) is synchronous, so every call runs
in a worker thread (`anyio.to_thread.run_sync`). The account is a Keystone
v3 application credential (its auth URL, id and secret): keystoneauth gets a
token scoped to the credential's project and finds Nova in the token's
service catalog, in the account's region.

Servers are named by the adapter (`jipan-{12 hex}`) and carry the broker's
tags as Nova metadata (keys and values up to 255 characters), so a create
that crashed before its record is found again by `find_instance`. The
instance type is a flavor name; the image an image id; the network is
Nova's `auto` allocation; a pinned zone is Nova's `availability_zone`.
Capacity and quota refusals — Nova's 403 "Quota exceeded", or a server the
scheduler puts in `ERROR` with "No valid host" —
become CapacityExhausted (the errored server is deleted first).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping
from typing import Any, Final, TypeVar
from uuid import uuid4

import anyio.to_thread
import openstack.connection
from keystoneauth1 import exceptions as ksa_errors
from openstack import exceptions as os_errors

from jipan.servers.cloud.adapters.base import (
    AccountConnection,
    Capability,
    CapacityExhausted,
    InstanceState,
    ProviderKind,
    ProviderUnavailable,
    WithoutObjectStorage,
    WithoutPriceList,
)

T = TypeVar("T")
BUILD_TIMEOUT_S: Final = 600
_STATES: Final = {
    "BUILD": "pending",
    "REBUILD": "pending",
    "ACTIVE": "running",
    "SHUTOFF": "stopped",
    "STOPPED": "stopped",
    "SUSPENDED": "stopped",
    "PAUSED": "stopped",
    "SHELVED": "stopped",
    "SHELVED_OFFLOADED": "stopped",
    "DELETED": "terminated",
    "SOFT_DELETED": "terminated",
    "ERROR": "error",
}


def _metadata(tags: Mapping[str, str]) -> dict[str, str]:
    return {k[:255]: v[:255] for k, v in tags.items()}


class OpenStackAdapter(WithoutObjectStorage, WithoutPriceList):
    """Nova servers of the application credential's project, in the account's region."""

    kind = ProviderKind.OPENSTACK
    capabilities = frozenset({Capability.VERIFY_CREDENTIALS, Capability.INSTANCES})
    library = "openstacksdk with keystoneauth1 (sync, in worker threads via anyio)"

    def __init__(self, connection: AccountConnection) -> None:
        self.provider = connection.provider
        self._region = connection.region
        secret = connection.secret
        self._cloud = openstack.connection.Connection(
            auth_type="v3applicationcredential",
            auth={
                "auth_url": secret["auth_url"],
                "application_credential_id": secret["application_credential_id"],
                "application_credential_secret": secret["application_credential_secret"],
            },
            region_name=connection.region or None,
            interface="public",
            verify=connection.ca_file or True,
            api_timeout=60,
            app_name="jipan",  # no `cloud` name: clouds.yaml and OS_* variables are not read
        )

    async def aclose(self) -> None:
        await anyio.to_thread.run_sync(self._cloud.close)

    async def _run(self, call: Callable[[], T]) -> T:
        """`call` in a worker thread, the SDK's errors mapped. `call` itself reads
        `self._cloud.compute`: its first read authenticates with Keystone and discovers Nova's
        versions over HTTP, which must neither stall the event loop nor escape the mapping."""
        try:
            return await anyio.to_thread.run_sync(call)
        except os_errors.HttpException as exc:
            status = int(exc.status_code or 0)
            if status == 403 and "quota exceeded" in str(exc).lower():
                raise CapacityExhausted(self.provider, "QuotaExceeded") from None
            if status >= 500:
                raise ProviderUnavailable(self.provider, f"HTTP {status}") from None
            raise
        except (ksa_errors.Unauthorized, ksa_errors.Forbidden):
            raise
        except ksa_errors.ClientException as exc:  # Keystone unreachable, or answering 5xx
            raise ProviderUnavailable(self.provider, type(exc).__name__) from None
        except os_errors.SDKException as exc:
            if isinstance(exc, os_errors.ResourceFailure | os_errors.ResourceTimeout):
                raise
            raise ProviderUnavailable(self.provider, type(exc).__name__) from None

    async def verify(self) -> bool:
        def authorise_and_list() -> None:
            self._cloud.session.get_token()  # Keystone: a token for the credential
            next(iter(self._cloud.compute.flavors()), None)  # Nova, in the account's region

        try:
            await self._run(authorise_and_list)
        except (ksa_errors.Unauthorized, ksa_errors.Forbidden):
            return False  # Keystone refused the application credential
        except os_errors.HttpException as exc:
            if exc.status_code in (401, 403):
                return False
            raise ProviderUnavailable(self.provider, f"HTTP {exc.status_code}") from None
        return True

    async def run_instance(
        self, instance_type: str, image_id: str, tags: Mapping[str, str], zone: str = ""
    ) -> str:
        name = f"jipan-{uuid4().hex[:12]}"
        placement = {"availability_zone": zone} if zone else {}

        def create() -> str:
            compute = self._cloud.compute
            flavor = compute.find_flavor(instance_type, ignore_missing=False)
            server = compute.create_server(
                name=name,
                flavor_id=flavor.id,
                image_id=image_id,
                networks="auto",
                metadata=_metadata(tags),
                **placement,
            )
            try:
                compute.wait_for_server(
                    server, status="ACTIVE", failures=["ERROR"], interval=1, wait=BUILD_TIMEOUT_S
                )
            except os_errors.ResourceFailure:
                fault = (compute.get_server(server.id).fault or {}).get("message", "")
                with contextlib.suppress(os_errors.SDKException):  # the errored server holds nothing
                    compute.delete_server(server.id, ignore_missing=True)
                if "no valid host" in str(fault).lower():
                    raise CapacityExhausted(self.provider, "NoValidHost") from None
                raise
            return str(server.id)

        return await self._run(create)

    async def describe_instance(self, instance_id: str) -> InstanceState:
        try:
            server = await self._run(lambda: self._cloud.compute.get_server(instance_id))
        except os_errors.NotFoundException:
            return InstanceState(instance_id, "terminated", "", self._region)
        flavor = server.flavor or {}
        return InstanceState(
            instance_id=instance_id,
            state=_STATES.get(str(server.status), str(server.status).lower()),
            instance_type=str(flavor.get("original_name") or flavor.get("name") or flavor.get("id") or ""),
            region=self._region,
            zone=str(server.availability_zone or ""),  # OS-EXT-AZ:availability_zone
        )

    async def find_instance(self, tags: Mapping[str, str]) -> str | None:
        wanted = _metadata(tags)

        def first() -> str | None:
            for server in self._cloud.compute.servers(details=True, name="^jipan-"):
                metadata: dict[str, Any] = server.metadata or {}
                if server.status not in ("DELETED", "SOFT_DELETED") and all(
                    metadata.get(k) == v for k, v in wanted.items()
                ):
                    return str(server.id)
            return None

        return await self._run(first)

    async def _act(self, instance_id: str, status: str, action: Callable[[Any, Any], Any]) -> None:
        """`action(compute, server)` moves the server towards `status`."""

        def act() -> None:
            compute = self._cloud.compute
            server = compute.get_server(instance_id)
            if server.status != status:
                action(compute, server)
                compute.wait_for_server(
                    server, status=status, failures=["ERROR"], interval=1, wait=BUILD_TIMEOUT_S
                )

        await self._run(act)

    async def stop_instance(self, instance_id: str) -> None:
        await self._act(instance_id, "SHUTOFF", lambda compute, server: compute.stop_server(server))

    async def start_instance(self, instance_id: str) -> None:
        await self._act(instance_id, "ACTIVE", lambda compute, server: compute.start_server(server))

    async def terminate_instance(self, instance_id: str) -> None:
        def delete() -> None:
            compute = self._cloud.compute
            try:
                server = compute.get_server(instance_id)
            except os_errors.NotFoundException:
                return  # a retried delete is done
            compute.delete_server(server, ignore_missing=True)
            compute.wait_for_delete(server, interval=1, wait=BUILD_TIMEOUT_S)

        await self._run(delete)
