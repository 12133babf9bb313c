"""Provider accounts of an organisation: created with credentials that are sealed at once,
rotated, verified with the provider, deleted. The secret goes in and never comes out;
`connect` is the one way the rest of the service gets a working adapter."""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

import structlog

from jipan.interceptors.context import Principal
from jipan.servers.cloud.accounts import sealing
from jipan.servers.cloud.accounts.store import AccountStore
from jipan.servers.cloud.accounts.types import AccountState, ProviderAccount
from jipan.servers.cloud.adapters import PROVIDERS, ProviderSpec
from jipan.servers.cloud.adapters.base import AccountConnection, Capability, CloudAdapter, require
from jipan.servers.cloud.names import DOMAIN, account_name, org_of, parse_account, parse_provider
from jipan.servers.runtime.errors import Aborted, AlreadyExists, FailedPrecondition, InvalidArgument, NotFound
from jipan.servers.runtime.idempotency import RequestIds, scope_for
from jipan.servers.runtime.key_wrapping import KeyWrapper
from jipan.servers.runtime.pagination import PageTokens, query_fingerprint, resolve_page_size

log = structlog.get_logger(__name__)


def capability_unsupported(provider: str, capability: Capability, field: str) -> FailedPrecondition:
    return FailedPrecondition(
        "CAPABILITY_UNSUPPORTED",
        f"{field}: the {provider} adapter does not declare {capability.value}",
        domain=DOMAIN,
        metadata={"capability": capability.value, "provider": provider},
    )


CREATE_SCOPE = "jipan.cloud.v1.AccountService/CreateProviderAccount"
MAX_SECRET_FIELD = 8192


@dataclass(frozen=True)
class NewAccount:
    account_id: str
    provider: str  # "providers/{provider}"
    display_name: str
    endpoint: str
    default_region: str


@dataclass(frozen=True)
class GivenCredentials:
    """Credentials as the caller gave them: which kind (the oneof's case) and its fields."""

    kind: str  # "access_key", "azure_client_secret", ...
    fields: Mapping[str, str]

    def __repr__(self) -> str:  # never print the secret
        return f"GivenCredentials(kind={self.kind!r})"


_KIND_FOR_PROVIDER = {
    "aws": "access_key",
    "s3-compatible": "access_key",
    "azure-blob": "azure_storage_key",
    "gcp": "gcp_service_account",
    "azure": "azure_client_secret",
    "openstack": "openstack_application",
}
_ID_FIELD = {
    "access_key": "access_key_id",
    "azure_storage_key": "account_name",
    "azure_client_secret": "client_id",
    "openstack_application": "application_credential_id",
}
_AZURE_TENANT = re.compile(r"^[A-Za-z0-9.-]{1,253}$")
_AZURE_SUBSCRIPTION = re.compile(r"^[A-Za-z0-9-]{1,64}$")
_GCP_KEY_FIELDS = ("type", "project_id", "private_key", "client_email")


def _gcp_key(given: GivenCredentials) -> tuple[str, dict[str, str]]:
    """A service account key file: its client_email is the id; kept as compact JSON."""
    text = given.fields.get("key_json", "")
    if not text or len(text) > 16 * 1024:
        raise _credentials_invalid("credentials.gcp_service_account.key_json is required (at most 16 KiB)")
    try:
        key = json.loads(text)
    except ValueError:
        raise _credentials_invalid("credentials.gcp_service_account.key_json is not JSON") from None
    if not isinstance(key, dict) or any(
        not isinstance(key.get(f), str) or not key[f] for f in _GCP_KEY_FIELDS
    ):
        raise _credentials_invalid(
            "credentials.gcp_service_account.key_json needs " + ", ".join(_GCP_KEY_FIELDS)
        )
    if key["type"] != "service_account":
        raise _credentials_invalid("credentials.gcp_service_account.key_json is not a service account key")
    return key["client_email"], {"key_json": json.dumps(key, separators=(",", ":"))}


def _credentials_invalid(problem: str) -> InvalidArgument:
    return InvalidArgument("CREDENTIALS_INVALID", problem, domain=DOMAIN, metadata={"problem": problem})


def _secret(spec: ProviderSpec, given: GivenCredentials) -> tuple[str, dict[str, str]]:
    """(the non-secret credential id, the secret fields) checked against the provider."""
    want = _KIND_FOR_PROVIDER[spec.id]
    if given.kind != want:
        raise _credentials_invalid(f"provider {spec.id} takes {want} credentials, not {given.kind or 'none'}")
    if want == "gcp_service_account":
        return _gcp_key(given)
    secret: dict[str, str] = {}
    for field in spec.secret_fields:
        value = given.fields.get(field, "")
        if not value:
            raise _credentials_invalid(f"credentials.{want}.{field} is required")
        if len(value) > MAX_SECRET_FIELD or any(ch in value for ch in "\r\n\x00"):
            raise _credentials_invalid(f"credentials.{want}.{field} is not a credential")
        secret[field] = value
    if want == "openstack_application" and not _is_http_url(secret["auth_url"]):
        raise _credentials_invalid("credentials.openstack_application.auth_url is not an http(s) URL")
    if want == "azure_client_secret":
        # Entra's tenant ids are GUIDs or domain names; a subscription id is a GUID (it goes in ARM paths).
        if not _AZURE_TENANT.match(secret["tenant_id"]):
            raise _credentials_invalid("credentials.azure_client_secret.tenant_id is not a tenant id")
        if not _AZURE_SUBSCRIPTION.match(secret["subscription_id"]):
            raise _credentials_invalid(
                "credentials.azure_client_secret.subscription_id is not a subscription id"
            )
    return secret[_ID_FIELD[want]], secret


def _is_http_url(url: str) -> bool:
    parts = urlsplit(url)
    return (
        parts.scheme in ("http", "https")
        and bool(parts.hostname)
        and not parts.username
        and not parts.password
    )


def _endpoint(spec: ProviderSpec, endpoint: str) -> str:
    if not endpoint:
        if spec.needs_endpoint:
            raise InvalidArgument(
                "ENDPOINT_INVALID",
                f"a {spec.id} account needs an endpoint",
                domain=DOMAIN,
                metadata={"problem": "missing"},
            )
        return ""
    parts = urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.username or parts.password:
        raise InvalidArgument(
            "ENDPOINT_INVALID",
            "endpoint must be an http(s) URL without credentials",
            domain=DOMAIN,
            metadata={"problem": "not an http(s) URL"},
        )
    return endpoint.rstrip("/")


def provider_spec(provider: str, field: str = "account.provider") -> ProviderSpec:
    provider_id = parse_provider(provider, field)
    spec = PROVIDERS.get(provider_id)
    if spec is None:
        raise NotFound(
            "PROVIDER_NOT_FOUND",
            f"the broker has no adapter for {provider_id}",
            domain=DOMAIN,
            metadata={"provider": provider[:100]},
        )
    return spec


class Accounts:
    def __init__(
        self,
        store: AccountStore,
        keys: KeyWrapper,
        page_tokens: PageTokens,
        request_ids: RequestIds,
        ca_file: str = "",
    ):
        self.ca_file = ca_file  # extra PEM roots the adapters trust (JIPAN_CLOUD_CA_FILE)
        self.store = store
        self.keys = keys
        self.page_tokens = page_tokens
        self.request_ids = request_ids

    async def create(
        self, principal: Principal, new: NewAccount, given: GivenCredentials, request_id: str
    ) -> ProviderAccount:
        owner = org_of(principal)
        spec = provider_spec(new.provider)
        endpoint = _endpoint(spec, new.endpoint)
        credential_id, secret = _secret(spec, given)
        name = account_name(owner, new.account_id)
        fingerprint = json.dumps(
            {
                "account": name,
                "provider": spec.id,
                "display_name": new.display_name,
                "endpoint": endpoint,
                "region": new.default_region,
                # The secret is in the fingerprint only as a digest.
                "credentials": hashlib.sha256(json.dumps(secret, sort_keys=True).encode()).hexdigest(),
            },
            sort_keys=True,
        ).encode()
        sealed = await sealing.seal(self.keys, name, 1, secret)
        now = datetime.now(UTC)
        account = ProviderAccount(
            owner=owner,
            id=new.account_id,
            provider=spec.id,
            display_name=new.display_name,
            endpoint=endpoint,
            default_region=new.default_region,
            credential_id=credential_id,
            state=AccountState.UNVERIFIED,
            credential_version=1,
            credentials_update_time=now,
            verify_time=None,
            create_time=now,
        )
        scope = scope_for(CREATE_SCOPE, principal.subject)
        async with self.store.pool.acquire() as conn, conn.transaction():
            replay = await self.request_ids.claim(conn, scope, request_id, fingerprint)
            if replay is not None:
                stored = await self.store.get(owner, replay.decode(), conn)
                if stored is None:  # deleted since the first call
                    raise NotFound("ACCOUNT_NOT_FOUND", "the account was deleted", domain=DOMAIN)
                return stored
            created = await self.store.insert(conn, account, sealed)
            if created is None:
                raise AlreadyExists(
                    "ACCOUNT_EXISTS",
                    "the organisation has an account with this id",
                    domain=DOMAIN,
                    metadata={"name": name},
                )
            await self.request_ids.record(conn, scope, request_id, new.account_id.encode())
        log.info("provider account created", account=name, provider=spec.id, credential_id=credential_id)
        return created

    async def get(self, principal: Principal, name: str, field: str = "name") -> ProviderAccount:
        owner, account_id = parse_account(name, field)
        # Another organisation's account is indistinguishable from none.
        account = await self.store.get(owner, account_id) if owner == org_of(principal) else None
        if account is None:
            raise NotFound(
                "ACCOUNT_NOT_FOUND", "no account with this name", domain=DOMAIN, metadata={"name": name[:300]}
            )
        return account

    async def capable(
        self, principal: Principal, name: str, field: str, capability: Capability
    ) -> ProviderAccount:
        """The caller's account `name`, whose provider's adapter declares `capability` (checked
        before any credential is unsealed); FAILED_PRECONDITION CAPABILITY_UNSUPPORTED naming
        `field` otherwise."""
        account = await self.get(principal, name, field)
        spec = PROVIDERS.get(account.provider)
        if spec is None or capability not in spec.capabilities:
            raise capability_unsupported(account.provider, capability, field)
        return account

    async def list(
        self, principal: Principal, page_size: int, page_token: str
    ) -> tuple[list[ProviderAccount], str]:
        owner = org_of(principal)
        size = resolve_page_size(page_size, default=50, maximum=500)
        fingerprint = query_fingerprint("ListProviderAccounts", org=owner)
        after = int(self.page_tokens.decode(page_token, fingerprint)["after"]) if page_token else 0
        rows = await self.store.list_page(owner, after, size + 1)
        token = ""
        if len(rows) > size:
            rows = rows[:size]
            token = self.page_tokens.encode(fingerprint, {"after": rows[-1][0]})
        return [account for _, account in rows], token

    async def rotate(self, principal: Principal, name: str, given: GivenCredentials) -> ProviderAccount:
        account = await self.get(principal, name)
        spec = provider_spec(f"providers/{account.provider}")
        credential_id, secret = _secret(spec, given)
        version = account.credential_version + 1
        sealed = await sealing.seal(self.keys, name, version, secret)
        rotated = await self.store.replace_credentials(account.owner, account.id, credential_id, sealed)
        if rotated is None:
            # Deleted, or another rotation took this version first: the caller retries.
            current = await self.store.current_version(account.owner, account.id)
            if current is None:
                raise NotFound("ACCOUNT_NOT_FOUND", "no account with this name", domain=DOMAIN)
            raise Aborted(
                "ACCOUNT_CHANGED", "the account's credentials changed meanwhile; retry", domain=DOMAIN
            )
        log.info(
            "provider account credentials rotated", account=name, version=version, credential_id=credential_id
        )
        return rotated

    async def connect(
        self, principal: Principal, name: str, field: str = "name"
    ) -> tuple[ProviderAccount, CloudAdapter]:
        """The account and an adapter holding its unsealed credentials (for this use only)."""
        account = await self.get(principal, name, field)
        return account, await self._adapter(account, name, account.default_region)

    async def connect_owned(self, owner: str, name: str, region: str) -> tuple[ProviderAccount, CloudAdapter]:
        """For the broker's own steps, which run with no caller: `owner`'s account, in `region`."""
        account_owner, account_id = parse_account(name)
        account = await self.store.get(account_owner, account_id) if account_owner == owner else None
        if account is None:
            raise NotFound(
                "ACCOUNT_NOT_FOUND", "no account with this name", domain=DOMAIN, metadata={"name": name[:300]}
            )
        return account, await self._adapter(account, name, region or account.default_region)

    @contextlib.asynccontextmanager
    async def using(self, owner: str, name: str, region: str) -> AsyncIterator[CloudAdapter]:
        """`connect_owned`'s adapter for one step, closed after it (an adapter may keep sessions)."""
        _, adapter = await self.connect_owned(owner, name, region)
        try:
            yield adapter
        finally:
            await adapter.aclose()

    async def _adapter(self, account: ProviderAccount, name: str, region: str) -> CloudAdapter:
        sealed = await self.store.get_sealed(account.owner, account.id)
        if sealed is None:
            raise NotFound("ACCOUNT_NOT_FOUND", "no account with this name", domain=DOMAIN)
        secret = await sealing.unseal(self.keys, name, sealed)
        spec = provider_spec(f"providers/{account.provider}")
        return spec.build(
            AccountConnection(
                provider=spec.id,
                endpoint=account.endpoint,
                region=region,
                secret=secret,
                ca_file=self.ca_file,
            )
        )

    async def verify(self, principal: Principal, name: str) -> ProviderAccount:
        account, adapter = await self.connect(principal, name)
        try:
            require(adapter, Capability.VERIFY_CREDENTIALS)
            accepted = await adapter.verify()
        finally:
            await adapter.aclose()
        state = AccountState.VERIFIED if accepted else AccountState.REJECTED
        updated = await self.store.set_state(
            account.owner, account.id, account.credential_version, state, datetime.now(UTC)
        )
        log.info("provider account verified", account=name, state=state.value)
        if updated is None:  # rotated or deleted while the provider answered
            return await self.get(principal, name)
        return updated

    async def delete(self, principal: Principal, name: str) -> None:
        account = await self.get(principal, name)
        if not await self.store.delete(account.owner, account.id):
            raise NotFound("ACCOUNT_NOT_FOUND", "no account with this name", domain=DOMAIN)
        log.info("provider account deleted", account=name)
