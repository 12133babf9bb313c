"""AccountService over gRPC: unpack, call the domain, pack."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import grpc
from google.protobuf.timestamp_pb2 import Timestamp

from jipan.cloud.v1 import account_service_pb2 as apb
from jipan.cloud.v1 import account_service_pb2_grpc as apb_grpc
from jipan.cloud.v1 import resources_pb2 as res
from jipan.interceptors.context import current_principal
from jipan.servers.cloud.accounts.domain import Accounts, GivenCredentials, NewAccount
from jipan.servers.cloud.accounts.types import ProviderAccount
from jipan.servers.cloud.adapters import PROVIDERS
from jipan.servers.cloud.names import account_name, provider_name

Context = grpc.aio.ServicerContext[Any, Any]


def timestamp(value: datetime) -> Timestamp:
    stamp = Timestamp()
    stamp.FromDatetime(value)
    return stamp


def account_to_pb(account: ProviderAccount) -> res.ProviderAccount:
    message = res.ProviderAccount(
        name=account_name(account.owner, account.id),
        provider=provider_name(account.provider),
        display_name=account.display_name,
        endpoint=account.endpoint,
        default_region=account.default_region,
        credential_id=account.credential_id,
        state=res.AccountState.Value(f"ACCOUNT_STATE_{account.state.value}"),
        credential_version=account.credential_version,
        credentials_update_time=timestamp(account.credentials_update_time),
        create_time=timestamp(account.create_time),
    )
    if account.verify_time is not None:
        message.verify_time.CopyFrom(timestamp(account.verify_time))
    return message


def credentials_from_pb(credentials: res.Credentials) -> GivenCredentials:
    kind = credentials.WhichOneof("secret") or ""
    if not kind:
        return GivenCredentials(kind="", fields={})
    message = getattr(credentials, kind)
    return GivenCredentials(
        kind=kind,
        fields={field.name: value for field, value in message.ListFields() if isinstance(value, str)},
    )


class AccountServicer(apb_grpc.AccountServiceServicer):
    def __init__(self, accounts: Accounts) -> None:
        self._accounts = accounts

    async def ListProviders(
        self, request: apb.ListProvidersRequest, context: Context
    ) -> apb.ListProvidersResponse:
        return apb.ListProvidersResponse(
            providers=[
                res.Provider(
                    name=provider_name(spec.id),
                    kind=res.ProviderKind.Value(f"PROVIDER_KIND_{spec.kind.value}"),
                    capabilities=sorted(
                        res.Capability.Value(f"CAPABILITY_{c.value}") for c in spec.capabilities
                    ),
                    library=spec.library,
                )
                for spec in PROVIDERS.values()
            ]
        )

    async def CreateProviderAccount(
        self, request: apb.CreateProviderAccountRequest, context: Context
    ) -> apb.CreateProviderAccountResponse:
        account = await self._accounts.create(
            current_principal(),
            NewAccount(
                account_id=request.account_id,
                provider=request.account.provider,
                display_name=request.account.display_name,
                endpoint=request.account.endpoint,
                default_region=request.account.default_region,
            ),
            credentials_from_pb(request.credentials),
            request.request_id,
        )
        return apb.CreateProviderAccountResponse(account=account_to_pb(account))

    async def GetProviderAccount(
        self, request: apb.GetProviderAccountRequest, context: Context
    ) -> apb.GetProviderAccountResponse:
        account = await self._accounts.get(current_principal(), request.name)
        return apb.GetProviderAccountResponse(account=account_to_pb(account))

    async def ListProviderAccounts(
        self, request: apb.ListProviderAccountsRequest, context: Context
    ) -> apb.ListProviderAccountsResponse:
        accounts, token = await self._accounts.list(
            current_principal(), request.page_size, request.page_token
        )
        return apb.ListProviderAccountsResponse(
            accounts=[account_to_pb(a) for a in accounts], next_page_token=token
        )

    async def RotateProviderAccountCredentials(
        self, request: apb.RotateProviderAccountCredentialsRequest, context: Context
    ) -> apb.RotateProviderAccountCredentialsResponse:
        account = await self._accounts.rotate(
            current_principal(), request.name, credentials_from_pb(request.credentials)
        )
        return apb.RotateProviderAccountCredentialsResponse(account=account_to_pb(account))

    async def VerifyProviderAccount(
        self, request: apb.VerifyProviderAccountRequest, context: Context
    ) -> apb.VerifyProviderAccountResponse:
        account = await self._accounts.verify(current_principal(), request.name)
        return apb.VerifyProviderAccountResponse(account=account_to_pb(account))

    async def DeleteProviderAccount(
        self, request: apb.DeleteProviderAccountRequest, context: Context
    ) -> apb.DeleteProviderAccountResponse:
        await self._accounts.delete(current_principal(), request.name)
        return apb.DeleteProviderAccountResponse()
