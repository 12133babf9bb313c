"""The development person and organisation `jipan up` provides on the embedded engines.

Identity's organisation methods read people and memberships from its tables,
never from token claims, so a development token is only useful there if the
person it names exists and belongs to the organisation it names. `jipan up`
(dev mode only: no `JIPAN_IDENTITY_TARGET`, its tokens signed with the
embedded development key) calls `ensure_dev_principals` at every start; it is
idempotent, so a restart on the same data dir finds them as they were, with
the `admin` role restored if it was taken away.

The person has no passkey: nobody can sign in as it; only a token signed with
the development key of this data dir names it.
"""

from __future__ import annotations

from dataclasses import dataclass

import asyncpg

from jipan.servers.dev_mesh import DEV_ORG, DEV_ORG_ID, DEV_PERSON, DEV_PERSON_ID
from jipan.servers.identity.organizations import ADMIN_ROLE

__all__ = [
    "DEV_ORG",
    "DEV_PERSON",
    "DEV_PERSON_ID",
    "DevPrincipalConflict",
    "DevPrincipals",
    "ensure_dev_principals",
]

DEV_USER_NAME = "dev"


@dataclass(frozen=True, slots=True)
class DevPrincipals:
    person: str
    organization: str
    roles: tuple[str, ...]


class DevPrincipalConflict(Exception):
    """The development user name is taken by another person in this data dir."""


async def ensure_dev_principals(pool: asyncpg.Pool) -> DevPrincipals:
    """Create (or repair) the dev person, `orgs/dev`, and the person's `admin` membership in it."""
    async with pool.acquire() as conn, conn.transaction():
        await conn.execute(
            "INSERT INTO identity.people (id, user_name, display_name) VALUES ($1, $2, $3)"
            " ON CONFLICT DO NOTHING",
            DEV_PERSON_ID,
            DEV_USER_NAME,
            "Development user",
        )
        found = await conn.fetchval("SELECT user_name FROM identity.people WHERE id = $1", DEV_PERSON_ID)
        if found is None:
            raise DevPrincipalConflict(
                f"the user name {DEV_USER_NAME!r} belongs to another person in this data dir; "
                "the development person cannot be created"
            )
        await conn.execute(
            "INSERT INTO identity.organizations (id, display_name, kind) VALUES ($1, $2, 'other')"
            " ON CONFLICT DO NOTHING",
            DEV_ORG_ID,
            "Development organisation",
        )
        stored = await conn.fetchval(
            "INSERT INTO identity.memberships (org_id, person_id, roles) VALUES ($1, $2, $3)"
            " ON CONFLICT (org_id, person_id) DO UPDATE"
            " SET roles = ARRAY(SELECT DISTINCT r FROM unnest(memberships.roles || $3::text[]) r ORDER BY r),"
            "  update_time = now()"
            " WHERE NOT $3::text[] <@ memberships.roles"
            " RETURNING roles",
            DEV_ORG_ID,
            DEV_PERSON_ID,
            [ADMIN_ROLE],
        )
        if stored is None:  # already a member with every role wanted: nothing to change
            stored = await conn.fetchval(
                "SELECT roles FROM identity.memberships WHERE org_id = $1 AND person_id = $2",
                DEV_ORG_ID,
                DEV_PERSON_ID,
            )
    return DevPrincipals(DEV_PERSON, DEV_ORG, tuple(stored))
