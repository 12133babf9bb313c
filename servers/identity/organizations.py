"""People, organisations and memberships: who may act for which organisation.

Membership and the "admin" role are read from the stored memberships of the
organisation a request names, never from the caller's token claims, so a
member of org A holding a token for A cannot act on org B.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar

import asyncpg

from jipan.servers.identity.errors import denied, exists, invalid, not_found, precondition
from jipan.servers.runtime.errors import FieldViolation, InvalidArgument
from jipan.servers.runtime.pagination import PageTokens, query_fingerprint, resolve_page_size
from jipan.servers.runtime.settings import Settings

ADMIN_ROLE = "admin"
ORGANIZATION_KINDS = ("agency", "vendor", "other")
DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 500
MAX_ROLES = 16
_ROLE = re.compile(r"^[a-z][a-z0-9_-]{0,31}$")
_MEMBERSHIP_NAME = re.compile(r"^orgs/(?P<org>[a-z][a-z0-9-]{2,62})/memberships/(?P<person>[0-9a-f]{32})$")


@dataclass(frozen=True, slots=True)
class PersonRecord:
    id: uuid.UUID
    user_name: str
    display_name: str
    create_time: datetime

    @property
    def name(self) -> str:
        return person_name(self.id)


@dataclass(frozen=True, slots=True)
class OrganizationRecord:
    id: str
    display_name: str
    kind: str
    create_time: datetime

    @property
    def name(self) -> str:
        return f"orgs/{self.id}"


@dataclass(frozen=True, slots=True)
class MembershipRecord:
    org_id: str
    person_id: uuid.UUID
    roles: tuple[str, ...]
    create_time: datetime
    update_time: datetime

    @property
    def name(self) -> str:
        return f"orgs/{self.org_id}/memberships/{self.person_id.hex}"

    @property
    def person(self) -> str:
        return person_name(self.person_id)


T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    items: list[T]
    next_page_token: str


def person_name(person_id: uuid.UUID) -> str:
    return f"people/{person_id.hex}"


def parse_person(name: str, *, field: str = "person") -> uuid.UUID:
    prefix, _, raw = name.partition("/")
    try:
        if prefix != "people" or len(raw) != 32:
            raise ValueError(name)
        return uuid.UUID(hex=raw)
    except ValueError:
        raise not_found("PERSON_NOT_FOUND", f"no person named {name!r}", **{field: name}) from None


def org_id_of(name: str) -> str:
    return name.removeprefix("orgs/")


def _person(row: Any) -> PersonRecord:
    return PersonRecord(row["id"], row["user_name"], row["display_name"], row["create_time"])


def _organization(row: Any) -> OrganizationRecord:
    return OrganizationRecord(row["id"], row["display_name"], row["kind"], row["create_time"])


def _membership(row: Any) -> MembershipRecord:
    return MembershipRecord(
        row["org_id"], row["person_id"], tuple(row["roles"]), row["create_time"], row["update_time"]
    )


@dataclass(frozen=True)
class PlatformRoles:
    """Roles that act across every organisation (a platform reviewer reads every listing's
    review; a procurement-admin sees analytics unsuppressed). Any organisation's admins
    grant roles to their own members, so these are honoured only in the operator's one."""

    org: str
    roles: frozenset[str]

    @classmethod
    def from_settings(cls, settings: Settings) -> PlatformRoles:
        names = (role.strip() for role in settings.platform_roles.split(","))
        return cls(settings.platform_org, frozenset(role for role in names if role))

    def reserved(self, org_id: str, roles: Sequence[str]) -> list[str]:
        """The platform roles among `roles` that orgs/{org_id} may not hold."""
        return [] if f"orgs/{org_id}" == self.org else sorted(set(roles) & self.roles)

    def refuse_reserved(self, org_id: str, roles: Sequence[str]) -> None:
        reserved = self.reserved(org_id, roles)
        if reserved:
            raise denied(
                "ROLE_RESERVED",
                f"{', '.join(reserved)} can be granted only in the platform operator's organisation",
                roles=" ".join(reserved),
                platform_org=self.org,
            )


def _still_admin(roles: Sequence[str] | None, org_id: str) -> None:
    """The caller's admin check again, on the roles read under the organisation's lock.

    `require_admin` runs before the lock, for an early answer; an admin demoted or
    removed between it and the lock must not complete the change it began.
    """
    if roles is None:
        raise denied("NOT_A_MEMBER", f"not a member of orgs/{org_id}", organization=f"orgs/{org_id}")
    if ADMIN_ROLE not in roles:
        raise denied("NOT_AN_ADMIN", f"not an admin of orgs/{org_id}", organization=f"orgs/{org_id}")


def checked_roles(roles: Sequence[str], field: str) -> tuple[str, ...]:
    unique = tuple(dict.fromkeys(roles))
    bad = [role for role in unique if not _ROLE.match(role)]
    if not unique or len(unique) > MAX_ROLES or bad:
        raise InvalidArgument(
            "FIELD_INVALID",
            f"{field} needs 1-{MAX_ROLES} roles of lower-case letters, digits, '_' or '-'",
            metadata={"field": field},
            field_violations=[FieldViolation(field, "1-16 roles matching ^[a-z][a-z0-9_-]{0,31}$")],
        )
    return tuple(sorted(unique))


class Organizations:
    def __init__(
        self, pool: asyncpg.Pool, page_tokens: PageTokens, platform: PlatformRoles | None = None
    ) -> None:
        self._pool = pool
        self._page_tokens = page_tokens
        self._platform = platform or PlatformRoles("orgs/founder", frozenset())

    # --- people -----------------------------------------------------------------------------

    async def caller(self, subject: str) -> uuid.UUID:
        """The person behind a token's `sub`; only people act on organisations."""
        if not subject.startswith("people/"):
            raise denied("PERSON_REQUIRED", "only a person's token may call this", subject=subject)
        person_id = parse_person(subject, field="subject")
        found = await self._pool.fetchval("SELECT true FROM identity.people WHERE id = $1", person_id)
        if not found:
            raise not_found("PERSON_NOT_FOUND", f"no person named {subject!r}", subject=subject)
        return person_id

    async def person(self, person_id: uuid.UUID) -> PersonRecord:
        row = await self._pool.fetchrow("SELECT * FROM identity.people WHERE id = $1", person_id)
        if row is None:
            raise not_found("PERSON_NOT_FOUND", "no such person", person=person_name(person_id))
        return _person(row)

    async def token_roles(self, person_id: uuid.UUID, org_id: str) -> tuple[str, ...]:
        """The roles an access token carries: the membership's, less platform roles held
        outside the platform organisation (granted before the rule, or written by hand)."""
        roles = await self.roles_in(person_id, org_id)
        reserved = self._platform.reserved(org_id, roles)
        return tuple(role for role in roles if role not in reserved) if reserved else roles

    async def roles_in(self, person_id: uuid.UUID, org_id: str) -> tuple[str, ...]:
        """The person's roles in the organisation; NOT_A_MEMBER when they hold none."""
        roles = await self._pool.fetchval(
            "SELECT roles FROM identity.memberships WHERE org_id = $1 AND person_id = $2", org_id, person_id
        )
        if roles is None:
            await self._organization_exists(org_id)
            raise denied("NOT_A_MEMBER", f"not a member of orgs/{org_id}", organization=f"orgs/{org_id}")
        return tuple(roles)

    async def _organization_exists(self, org_id: str) -> None:
        found = await self._pool.fetchval("SELECT true FROM identity.organizations WHERE id = $1", org_id)
        if not found:
            raise not_found(
                "ORGANIZATION_NOT_FOUND", f"no organisation orgs/{org_id}", organization=f"orgs/{org_id}"
            )

    async def require_admin(self, person_id: uuid.UUID, org_id: str) -> None:
        if ADMIN_ROLE not in await self.roles_in(person_id, org_id):
            raise denied("NOT_AN_ADMIN", f"not an admin of orgs/{org_id}", organization=f"orgs/{org_id}")

    async def require_admin_locked(self, conn: Any, person_id: uuid.UUID, org_id: str) -> None:
        """`require_admin` again inside the caller's transaction on `conn`, for a change the
        admin role guards outside the memberships (service accounts and their keys).

        A share lock on the organisation row waits for a membership change in flight
        (those take it FOR UPDATE) and holds off the next until this transaction ends,
        so an admin demoted meanwhile cannot complete the change it began.
        """
        await conn.execute("SELECT 1 FROM identity.organizations WHERE id = $1 FOR SHARE", org_id)
        roles = await conn.fetchval(
            "SELECT roles FROM identity.memberships WHERE org_id = $1 AND person_id = $2", org_id, person_id
        )
        _still_admin(roles, org_id)

    # --- organisations ----------------------------------------------------------------------

    async def create_organization(
        self, subject: str, org_id: str, display_name: str, kind: str
    ) -> OrganizationRecord:
        person_id = await self.caller(subject)
        if kind not in ORGANIZATION_KINDS:
            raise invalid("FIELD_INVALID", "organization.kind must be set", field="organization.kind")
        if not display_name.strip():
            raise invalid(
                "FIELD_INVALID", "organization.display_name must be set", field="organization.display_name"
            )
        async with self._pool.acquire() as conn, conn.transaction():
            row = await conn.fetchrow(
                "INSERT INTO identity.organizations (id, display_name, kind) VALUES ($1, $2, $3)"
                " ON CONFLICT DO NOTHING RETURNING *",
                org_id,
                display_name,
                kind,
            )
            if row is None:
                raise exists("ORGANIZATION_EXISTS", f"orgs/{org_id} exists", organization=f"orgs/{org_id}")
            await conn.execute(
                "INSERT INTO identity.memberships (org_id, person_id, roles) VALUES ($1, $2, $3)",
                org_id,
                person_id,
                [ADMIN_ROLE],
            )
        return _organization(row)

    async def get_organization(self, subject: str, name: str) -> OrganizationRecord:
        person_id = await self.caller(subject)
        org_id = org_id_of(name)
        await self.roles_in(person_id, org_id)
        row = await self._pool.fetchrow("SELECT * FROM identity.organizations WHERE id = $1", org_id)
        assert row is not None  # a membership references it
        return _organization(row)

    async def list_organizations(
        self, subject: str, page_size: int, page_token: str
    ) -> Page[OrganizationRecord]:
        person_id = await self.caller(subject)
        size = resolve_page_size(page_size, default=DEFAULT_PAGE_SIZE, maximum=MAX_PAGE_SIZE)
        fingerprint = query_fingerprint("ListOrganizations", person=person_id.hex)
        after = ""
        if page_token:
            after = str(self._page_tokens.decode(page_token, fingerprint).get("after", ""))
        rows = await self._pool.fetch(
            "SELECT o.* FROM identity.memberships m JOIN identity.organizations o ON o.id = m.org_id"
            " WHERE m.person_id = $1 AND m.org_id > $2 ORDER BY m.org_id LIMIT $3",
            person_id,
            after,
            size + 1,
        )
        items = [_organization(row) for row in rows[:size]]
        token = self._page_tokens.encode(fingerprint, {"after": items[-1].id}) if len(rows) > size else ""
        return Page(items, token)

    # --- memberships ------------------------------------------------------------------------

    async def create_membership(
        self, subject: str, parent: str, person: str, roles: Sequence[str]
    ) -> MembershipRecord:
        caller = await self.caller(subject)
        org_id = org_id_of(parent)
        await self.require_admin(caller, org_id)
        member = parse_person(person, field="membership.person")
        checked = checked_roles(roles, "membership.roles")
        self._platform.refuse_reserved(org_id, checked)
        try:
            async with self._pool.acquire() as conn, conn.transaction():
                await self._lock_organization(conn, org_id)
                caller_roles = await conn.fetchval(
                    "SELECT roles FROM identity.memberships WHERE org_id = $1 AND person_id = $2",
                    org_id,
                    caller,
                )
                _still_admin(caller_roles, org_id)
                row = await conn.fetchrow(
                    "INSERT INTO identity.memberships (org_id, person_id, roles) VALUES ($1, $2, $3)"
                    " ON CONFLICT DO NOTHING RETURNING *",
                    org_id,
                    member,
                    list(checked),
                )
        except asyncpg.ForeignKeyViolationError:
            raise not_found("PERSON_NOT_FOUND", f"no person named {person!r}", person=person) from None
        if row is None:
            raise exists("MEMBERSHIP_EXISTS", f"{person} is already a member of {parent}", person=person)
        return _membership(row)

    def _parse_membership(self, name: str, field: str) -> tuple[str, uuid.UUID]:
        match = _MEMBERSHIP_NAME.match(name)
        if match is None:
            raise not_found("MEMBERSHIP_NOT_FOUND", f"no membership {name!r}", **{field: name})
        return match["org"], uuid.UUID(hex=match["person"])

    async def update_membership(
        self, subject: str, name: str, roles: Sequence[str], update_mask: Sequence[str]
    ) -> MembershipRecord:
        caller = await self.caller(subject)
        org_id, member = self._parse_membership(name, "membership.name")
        if list(update_mask) != ["roles"]:
            raise InvalidArgument(
                "FIELD_INVALID",
                'update_mask may only name "roles"',
                metadata={"field": "update_mask"},
                field_violations=[FieldViolation("update_mask", 'only "roles" can change')],
            )
        checked = checked_roles(roles, "membership.roles")
        await self.require_admin(caller, org_id)
        self._platform.refuse_reserved(org_id, checked)
        async with self._pool.acquire() as conn, conn.transaction():
            current = await self._lock_memberships(conn, org_id)
            _still_admin(current.get(caller), org_id)
            if member not in current:
                raise not_found("MEMBERSHIP_NOT_FOUND", f"no membership {name!r}", membership=name)
            admins = {p for p, r in current.items() if ADMIN_ROLE in r}
            if admins == {member} and ADMIN_ROLE not in checked:
                raise precondition(
                    "LAST_ADMIN", f"orgs/{org_id} needs an admin", organization=f"orgs/{org_id}"
                )
            row = await conn.fetchrow(
                "UPDATE identity.memberships SET roles = $3, update_time = now()"
                " WHERE org_id = $1 AND person_id = $2 RETURNING *",
                org_id,
                member,
                list(checked),
            )
        return _membership(row)

    async def delete_membership(self, subject: str, name: str) -> None:
        caller = await self.caller(subject)
        org_id, member = self._parse_membership(name, "name")
        if member != caller:
            await self.require_admin(caller, org_id)
        else:
            await self.roles_in(caller, org_id)
        async with self._pool.acquire() as conn, conn.transaction():
            current = await self._lock_memberships(conn, org_id)
            if member != caller:
                _still_admin(current.get(caller), org_id)
            if member not in current:
                raise not_found("MEMBERSHIP_NOT_FOUND", f"no membership {name!r}", membership=name)
            admins = {p for p, r in current.items() if ADMIN_ROLE in r}
            if admins == {member}:
                raise precondition(
                    "LAST_ADMIN", f"orgs/{org_id} needs an admin", organization=f"orgs/{org_id}"
                )
            await conn.execute(
                "DELETE FROM identity.memberships WHERE org_id = $1 AND person_id = $2", org_id, member
            )

    @staticmethod
    async def _lock_organization(conn: Any, org_id: str) -> None:
        # The organisation row serialises membership changes, so two admins
        # demoting each other at once cannot leave it without an admin, and an
        # admin demoted meanwhile is seen as demoted by a change that follows.
        await conn.execute("SELECT 1 FROM identity.organizations WHERE id = $1 FOR UPDATE", org_id)

    async def _lock_memberships(self, conn: Any, org_id: str) -> dict[uuid.UUID, tuple[str, ...]]:
        await self._lock_organization(conn, org_id)
        # A statement of its own after the lock: its snapshot sees what the lock waited for.
        rows = await conn.fetch("SELECT person_id, roles FROM identity.memberships WHERE org_id = $1", org_id)
        return {row["person_id"]: tuple(row["roles"]) for row in rows}

    async def list_memberships(
        self, subject: str, parent: str, page_size: int, page_token: str
    ) -> Page[MembershipRecord]:
        caller = await self.caller(subject)
        org_id = org_id_of(parent)
        await self.roles_in(caller, org_id)
        size = resolve_page_size(page_size, default=DEFAULT_PAGE_SIZE, maximum=MAX_PAGE_SIZE)
        fingerprint = query_fingerprint("ListMemberships", parent=parent)
        after = uuid.UUID(int=0)
        if page_token:
            position = self._page_tokens.decode(page_token, fingerprint)
            try:
                after = uuid.UUID(hex=str(position.get("after", "")))
            except ValueError:
                raise invalid("PAGE_TOKEN_INVALID", "page_token is malformed", field="page_token") from None
        rows = await self._pool.fetch(
            "SELECT * FROM identity.memberships WHERE org_id = $1 AND person_id > $2"
            " ORDER BY person_id LIMIT $3",
            org_id,
            after,
            size + 1,
        )
        items = [_membership(row) for row in rows[:size]]
        token = (
            self._page_tokens.encode(fingerprint, {"after": items[-1].person_id.hex})
            if len(rows) > size
            else ""
        )
        return Page(items, token)
