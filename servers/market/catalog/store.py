"""The market catalog's tables (migrations/0001_market.sql) through asyncpg.

Rows become domain types here and nowhere else.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import Any

import asyncpg

from jipan.servers.market.catalog.model import (
    Dependency,
    Ecosystem,
    Licence,
    LicenceFamily,
    PackageVersion,
    Project,
    Version,
)
from jipan.servers.runtime.idempotency import Connection

SCHEMA = "market"
MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"

_PROJECT_COLUMNS = (
    "id, ecosystem, purl, package_name, description_zh, description_en, homepage, repository, categories,"
    " keywords, cardinality(maintainers) AS maintainer_count, security_policy, latest_version, licence,"
    " version_count, publisher, official, health_score, creator, creator_org, create_time, update_time"
)
_VERSION_COLUMNS = (
    "project_id, version, ordinal, purl, licence, publish_time, withdrawn, withdrawn_reason, signed,"
    " prerelease, dependencies, source_sha256"
)
# Fields UpdateProject may set, by column.
CURATED = ("description", "categories", "homepage_uri", "repository_uri")


def licence_json(licence: Licence) -> dict[str, Any]:
    data = asdict(licence)
    data["ids"] = list(licence.ids)
    data["family"] = licence.family.value
    return data


def _licence(data: Any) -> Licence:
    if not data:
        return Licence()
    return Licence(
        declared=data.get("declared", ""),
        expression=data.get("expression", ""),
        ids=tuple(data.get("ids", ())),
        valid=bool(data.get("valid")),
        approved=bool(data.get("approved")),
        family=LicenceFamily(data.get("family", "UNSPECIFIED")),
    )


def _project(row: asyncpg.Record) -> Project:
    return Project(
        id=row["id"],
        ecosystem=Ecosystem(row["ecosystem"]),
        purl=row["purl"],
        package_name=row["package_name"],
        description_zh=row["description_zh"],
        description_en=row["description_en"],
        homepage=row["homepage"],
        repository=row["repository"],
        categories=tuple(row["categories"]),
        keywords=tuple(row["keywords"]),
        maintainer_count=row["maintainer_count"],
        latest_version=row["latest_version"],
        licence=_licence(row["licence"]),
        version_count=row["version_count"],
        security_policy=row["security_policy"],
        publisher=row["publisher"],
        official=row["official"],
        health_score=row["health_score"],
        creator=row["creator"],
        creator_org=row["creator_org"],
        create_time=row["create_time"],
        update_time=row["update_time"],
    )


def _version(row: asyncpg.Record) -> Version:
    return Version(
        project_id=row["project_id"],
        version=row["version"],
        purl=row["purl"],
        licence=_licence(row["licence"]),
        publish_time=row["publish_time"],
        withdrawn=row["withdrawn"],
        withdrawn_reason=row["withdrawn_reason"],
        signed=row["signed"],
        prerelease=row["prerelease"],
        dependencies=tuple(Dependency(**d) for d in row["dependencies"]),
        source_sha256=bytes(row["source_sha256"]),
        order=row["ordinal"],
    )


class CatalogStore:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    # -- projects -----------------------------------------------------------

    async def lock_project(self, conn: Connection, project_id: str) -> tuple[str, tuple[str, ...]] | None:
        """(purl, curated fields) of the project, its row locked for this transaction; None if absent."""
        row = await conn.fetchrow(
            "SELECT purl, curated FROM market.projects WHERE id = $1 FOR UPDATE", project_id
        )
        return None if row is None else (row["purl"], tuple(row["curated"]))

    async def insert_project(
        self,
        conn: Connection,
        project_id: str,
        ecosystem: Ecosystem,
        purl: str,
        package_name: str,
        categories: Sequence[str],
        creator: str,
        creator_org: str,
    ) -> bool:
        """True when this call created it (False: a racing import did; then it is locked like an update)."""
        status = await conn.execute(
            "INSERT INTO market.projects"
            " (id, ecosystem, purl, package_name, categories, creator, creator_org)"
            " VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING",
            project_id,
            ecosystem.value,
            purl,
            package_name,
            list(categories),
            creator,
            creator_org,
        )
        return str(status).endswith(" 1")

    async def upsert_versions(
        self, conn: Connection, project_id: str, versions: Sequence[tuple[PackageVersion, str]], source: bytes
    ) -> list[str]:
        """Insert or refresh versions; the versions that were new. An empty licence never replaces one."""
        if not versions:
            return []
        rows = await conn.fetch(
            "INSERT INTO market.versions AS v (project_id, version, purl, licence, publish_time, withdrawn,"
            "   withdrawn_reason, signed, prerelease, dependencies, source_sha256)"
            " SELECT $1, r.version, r.purl, r.licence::jsonb, r.publish_time, r.withdrawn,"
            "   r.withdrawn_reason, r.signed, r.prerelease, r.dependencies::jsonb, $2"
            # JSON as text: a jsonb[] parameter of lists would be read as a multidimensional array.
            " FROM unnest($3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::boolean[], $8::text[],"
            "   $9::boolean[], $10::boolean[], $11::text[])"
            "   AS r(version, purl, licence, publish_time, withdrawn, withdrawn_reason, signed, prerelease,"
            "   dependencies)"
            " ON CONFLICT (project_id, version) DO UPDATE SET"
            "   licence = CASE WHEN EXCLUDED.licence->>'expression' <> '' OR v.licence->>'expression' = ''"
            "     THEN EXCLUDED.licence ELSE v.licence END,"
            "   publish_time = coalesce(EXCLUDED.publish_time, v.publish_time),"
            "   withdrawn = EXCLUDED.withdrawn, withdrawn_reason = EXCLUDED.withdrawn_reason,"
            "   signed = v.signed OR EXCLUDED.signed,"
            "   dependencies = CASE WHEN EXCLUDED.dependencies = '[]'::jsonb THEN v.dependencies"
            "     ELSE EXCLUDED.dependencies END"
            " RETURNING v.version, (xmax = 0) AS inserted",
            project_id,
            source,
            [v.version for v, _ in versions],
            [purl for _, purl in versions],
            [json.dumps(licence_json(v.licence)) for v, _ in versions],
            [v.publish_time for v, _ in versions],
            [v.withdrawn for v, _ in versions],
            [v.withdrawn_reason for v, _ in versions],
            [v.signed for v, _ in versions],
            [v.prerelease for v, _ in versions],
            [json.dumps([asdict(d) for d in v.dependencies]) for v, _ in versions],
        )
        return [row["version"] for row in rows if row["inserted"]]

    async def version_summaries(self, conn: Connection, project_id: str) -> list[tuple[str, bool, bool]]:
        """(version, prerelease, withdrawn) of every version of the project."""
        rows = await conn.fetch(
            "SELECT version, prerelease, withdrawn FROM market.versions WHERE project_id = $1", project_id
        )
        return [(r["version"], r["prerelease"], r["withdrawn"]) for r in rows]

    async def set_order(self, conn: Connection, project_id: str, ordered: Sequence[str]) -> None:
        await conn.execute(
            "UPDATE market.versions AS v SET ordinal = r.ordinal"
            " FROM unnest($2::text[]) WITH ORDINALITY AS r(version, ordinal)"
            " WHERE v.project_id = $1 AND v.version = r.version",
            project_id,
            list(ordered),
        )

    async def version_licence(self, conn: Connection, project_id: str, version: str) -> Licence:
        row = await conn.fetchrow(
            "SELECT licence FROM market.versions WHERE project_id = $1 AND version = $2", project_id, version
        )
        return Licence() if row is None else _licence(row["licence"])

    async def update_project_metadata(
        self, conn: Connection, project_id: str, fields: dict[str, Any], maintainers: Sequence[str]
    ) -> None:
        """Set metadata-derived columns (already filtered by `curated`) and add maintainers."""
        assignments = [f"{column} = ${n}" for n, column in enumerate(fields, start=3)]
        await conn.execute(
            "UPDATE market.projects SET"  # noqa: S608 - the column names are this module's own
            " maintainers = ARRAY(SELECT DISTINCT unnest(maintainers || $2::text[])),"
            f" {', '.join(assignments)}, update_time = now() WHERE id = $1",
            project_id,
            list(maintainers),
            *fields.values(),
        )

    async def get_project(self, project_id: str, conn: Connection | None = None) -> Project | None:
        row = await (conn or self.pool).fetchrow(
            f"SELECT {_PROJECT_COLUMNS} FROM market.projects WHERE id = $1",  # noqa: S608
            project_id,
        )
        return None if row is None else _project(row)

    async def list_projects(self, ecosystem: Ecosystem | None, after: str, limit: int) -> list[Project]:
        rows = await self.pool.fetch(
            f"SELECT {_PROJECT_COLUMNS} FROM market.projects"  # noqa: S608
            " WHERE ($1::text IS NULL OR ecosystem = $1) AND id > $2 ORDER BY id LIMIT $3",
            None if ecosystem is None else ecosystem.value,
            after,
            limit,
        )
        return [_project(r) for r in rows]

    async def search_projects(
        self, tokens: Sequence[str], family: LicenceFamily | None, after: tuple[float, str] | None, limit: int
    ) -> list[Project]:
        # Only the conditions in use go into the statement: "$n IS NULL OR ..." in a prepared
        # statement leads PostgreSQL's generic plan away from the GIN index.
        conditions = ["search_tokens @> $1::text[]"]
        args: list[Any] = [list(tokens)]
        if family is not None:
            args.append(family.value)
            conditions.append(f"licence_family = ${len(args)}")
        if after is not None:
            args += [after[0], after[1]]
            conditions.append(f"(health_score, id) < (${len(args) - 1}, ${len(args)})")
        args.append(limit)
        rows = await self.pool.fetch(
            f"SELECT {_PROJECT_COLUMNS} FROM market.projects"  # noqa: S608
            f" WHERE {' AND '.join(conditions)} ORDER BY health_score DESC, id DESC LIMIT ${len(args)}",
            *args,
        )
        return [_project(r) for r in rows]

    async def projects_for_match(
        self, tokens: Sequence[str], limit: int, conn: Connection | None = None
    ) -> list[tuple[Project, frozenset[str]]]:
        """The healthiest projects sharing at least one token with a need, with the tokens they share
        (intersected here: an array intersection per matching row in SQL costs more than the lookup)."""
        rows = await (conn or self.pool).fetch(
            f"SELECT {_PROJECT_COLUMNS}, search_tokens FROM market.projects"  # noqa: S608
            " WHERE search_tokens && $1::text[] ORDER BY health_score DESC, id LIMIT $2",
            list(tokens),
            limit,
        )
        wanted = frozenset(tokens)
        return [(_project(r), wanted.intersection(r["search_tokens"])) for r in rows]

    async def get_projects(
        self, project_ids: Sequence[str], conn: Connection | None = None
    ) -> dict[str, Project]:
        rows = await (conn or self.pool).fetch(
            f"SELECT {_PROJECT_COLUMNS} FROM market.projects WHERE id = ANY($1::text[])",  # noqa: S608
            list(project_ids),
        )
        return {row["id"]: _project(row) for row in rows}

    async def curate_project(self, project_id: str, fields: dict[str, Any], curated: Sequence[str]) -> None:
        assignments = [f"{column} = ${n}" for n, column in enumerate(fields, start=3)]
        await self.pool.execute(
            "UPDATE market.projects SET"  # noqa: S608 - the column names are this module's own
            " curated = ARRAY(SELECT DISTINCT unnest(curated || $2::text[])),"
            f" {', '.join(assignments)}, update_time = now() WHERE id = $1",
            project_id,
            list(curated),
            *fields.values(),
        )

    async def set_search_tokens(
        self, project_id: str, tokens: Sequence[str], conn: Connection | None = None
    ) -> None:
        await (conn or self.pool).execute(
            "UPDATE market.projects SET search_tokens = $2 WHERE id = $1", project_id, list(tokens)
        )

    async def set_health(self, project_id: str, score: float) -> None:
        await self.pool.execute(
            "UPDATE market.projects SET health_score = $2 WHERE id = $1", project_id, score
        )

    # -- versions -----------------------------------------------------------

    async def newest_release_time(self, project_id: str) -> datetime | None:
        """When the newest non-pre-release version was published (None if no date is known)."""
        value = await self.pool.fetchval(
            "SELECT max(publish_time) FROM market.versions WHERE project_id = $1 AND NOT prerelease",
            project_id,
        )
        return value if isinstance(value, datetime) else None

    async def get_version(self, project_id: str, version: str) -> Version | None:
        row = await self.pool.fetchrow(
            f"SELECT {_VERSION_COLUMNS} FROM market.versions WHERE project_id = $1 AND version = $2",  # noqa: S608
            project_id,
            version,
        )
        return None if row is None else _version(row)

    async def list_versions(self, project_id: str, before: int | None, limit: int) -> list[Version]:
        rows = await self.pool.fetch(
            f"SELECT {_VERSION_COLUMNS} FROM market.versions"  # noqa: S608
            " WHERE project_id = $1 AND ($2::integer IS NULL OR ordinal < $2) ORDER BY ordinal DESC LIMIT $3",
            project_id,
            before,
            limit,
        )
        return [_version(r) for r in rows]
