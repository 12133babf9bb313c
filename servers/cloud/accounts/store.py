"""Provider accounts in PostgreSQL (the `cloud` schema's `accounts` table).

Rows become domain types here; the sealed credentials are read only by
`get_sealed`, never with an account.
"""

from __future__ import annotations

from datetime import datetime

import asyncpg

from jipan.servers.cloud.accounts.types import AccountState, ProviderAccount, SealedCredentials
from jipan.servers.runtime.idempotency import Connection

_COLUMNS = (
    "owner, id, provider, display_name, endpoint, default_region, credential_id, state, credential_version, "
    "credentials_update_time, verify_time, create_time"
)


def _account(row: asyncpg.Record) -> ProviderAccount:
    return ProviderAccount(
        owner=row["owner"],
        id=row["id"],
        provider=row["provider"],
        display_name=row["display_name"],
        endpoint=row["endpoint"],
        default_region=row["default_region"],
        credential_id=row["credential_id"],
        state=AccountState(row["state"]),
        credential_version=row["credential_version"],
        credentials_update_time=row["credentials_update_time"],
        verify_time=row["verify_time"],
        create_time=row["create_time"],
    )


class AccountStore:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    async def insert(
        self, conn: Connection, account: ProviderAccount, sealed: SealedCredentials
    ) -> ProviderAccount | None:
        """The stored account; None when the organisation has one with this id."""
        row = await conn.fetchrow(
            "INSERT INTO cloud.accounts (owner, id, provider, display_name, endpoint, default_region,"  # noqa: S608
            " credential_id,"
            " sealed_credentials, wrapped_key, credential_version)"
            " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
            f" ON CONFLICT DO NOTHING RETURNING {_COLUMNS}",
            account.owner,
            account.id,
            account.provider,
            account.display_name,
            account.endpoint,
            account.default_region,
            account.credential_id,
            sealed.ciphertext,
            sealed.wrapped_key,
            sealed.version,
        )
        return None if row is None else _account(row)

    async def get(
        self, owner: str, account_id: str, conn: Connection | None = None
    ) -> ProviderAccount | None:
        row = await (conn or self.pool).fetchrow(
            f"SELECT {_COLUMNS} FROM cloud.accounts WHERE owner = $1 AND id = $2",  # noqa: S608
            owner,
            account_id,
        )
        return None if row is None else _account(row)

    async def get_sealed(self, owner: str, account_id: str) -> SealedCredentials | None:
        row = await self.pool.fetchrow(
            "SELECT sealed_credentials, wrapped_key, credential_version FROM cloud.accounts"
            " WHERE owner = $1 AND id = $2",
            owner,
            account_id,
        )
        if row is None:
            return None
        return SealedCredentials(
            ciphertext=bytes(row["sealed_credentials"]),
            wrapped_key=bytes(row["wrapped_key"]),
            version=row["credential_version"],
        )

    async def list_page(self, owner: str, after: int, limit: int) -> list[tuple[int, ProviderAccount]]:
        rows = await self.pool.fetch(
            f"SELECT seq, {_COLUMNS} FROM cloud.accounts"  # noqa: S608
            " WHERE owner = $1 AND seq > $2 ORDER BY seq LIMIT $3",
            owner,
            after,
            limit,
        )
        return [(row["seq"], _account(row)) for row in rows]

    async def current_version(self, owner: str, account_id: str) -> int | None:
        version: int | None = await self.pool.fetchval(
            "SELECT credential_version FROM cloud.accounts WHERE owner = $1 AND id = $2", owner, account_id
        )
        return version

    async def replace_credentials(
        self, owner: str, account_id: str, credential_id: str, sealed: SealedCredentials
    ) -> ProviderAccount | None:
        """Set the next version's credentials, only if the stored version is the one before it
        (two racing rotations: one wins, the other sees None and retries)."""
        row = await self.pool.fetchrow(
            "UPDATE cloud.accounts SET sealed_credentials = $3,"  # noqa: S608
            " wrapped_key = $4, credential_version = $5,"
            " credential_id = $6, state = 'UNVERIFIED', verify_time = NULL, credentials_update_time = now()"
            f" WHERE owner = $1 AND id = $2 AND credential_version = $5 - 1 RETURNING {_COLUMNS}",
            owner,
            account_id,
            sealed.ciphertext,
            sealed.wrapped_key,
            sealed.version,
            credential_id,
        )
        return None if row is None else _account(row)

    async def set_state(
        self, owner: str, account_id: str, version: int, state: AccountState, at: datetime
    ) -> ProviderAccount | None:
        """Record a verification of `version`'s credentials (ignored if they were rotated meanwhile)."""
        row = await self.pool.fetchrow(
            "UPDATE cloud.accounts SET state = $4, verify_time = $5"  # noqa: S608
            f" WHERE owner = $1 AND id = $2 AND credential_version = $3 RETURNING {_COLUMNS}",
            owner,
            account_id,
            version,
            state.value,
            at,
        )
        return None if row is None else _account(row)

    async def delete(self, owner: str, account_id: str) -> bool:
        status: str = await self.pool.execute(
            "DELETE FROM cloud.accounts WHERE owner = $1 AND id = $2", owner, account_id
        )
        return status.endswith(" 1")
