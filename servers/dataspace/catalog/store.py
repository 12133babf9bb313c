"""The catalog's tables (migrations/0001_dataspace.sql) through asyncpg; rows become domain types here."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import asyncpg

from jipan.servers.dataspace.catalog.types import (
    Dataset,
    DatasetFields,
    Distribution,
    KAssessment,
    Offer,
    PersonalObject,
)
from jipan.servers.runtime import search
from jipan.servers.runtime.idempotency import Connection

_COLUMNS = (
    "publisher, id, title, title_en, description, description_en, themes, keywords, temporal_start,"
    " temporal_end, spatial, license, update_frequency, distributions, offers, personal_data, creator,"
    " create_time, update_time, version, personal_data_category"
)


def _dataset(row: asyncpg.Record) -> Dataset:
    return Dataset(
        publisher=row["publisher"],
        id=row["id"],
        fields=DatasetFields(
            title=row["title"],
            title_en=row["title_en"],
            description=row["description"],
            description_en=row["description_en"],
            themes=tuple(row["themes"]),
            keywords=tuple(row["keywords"]),
            temporal_start=row["temporal_start"],
            temporal_end=row["temporal_end"],
            spatial=row["spatial"],
            license=row["license"],
            update_frequency=row["update_frequency"],
            distributions=tuple(
                Distribution(
                    d["id"],
                    d["title"],
                    d["media_type"],
                    d["byte_size"],
                    bytes.fromhex(d["sha256"]),
                    d.get("object_key", ""),
                    _assessment(d.get("assessment")),
                )
                for d in row["distributions"]
            ),
            offers=tuple(
                Offer(o["id"], o["policy"], bytes.fromhex(o["policy_sha256"])) for o in row["offers"]
            ),
            personal_data=row["personal_data"],
            personal_data_category=row["personal_data_category"],
        ),
        creator=row["creator"],
        create_time=row["create_time"],
        update_time=row["update_time"],
        version=row["version"],
    )


def _assessment(value: Any) -> KAssessment | None:
    if not value:
        return None
    return KAssessment(
        privacy_dataset=value["privacy_dataset"],
        k=int(value["k"]),
        sha256=bytes.fromhex(value["sha256"]),
        assess_time=datetime.fromisoformat(value["assess_time"]),
    )


def _assessment_json(value: KAssessment | None) -> dict[str, Any] | None:
    if value is None:
        return None
    return {
        "privacy_dataset": value.privacy_dataset,
        "k": value.k,
        "sha256": value.sha256.hex(),
        "assess_time": value.assess_time.isoformat(),
    }


def _values(fields: DatasetFields) -> list[Any]:
    tokens = search.tokens(
        fields.title, fields.title_en, fields.description, fields.description_en, *fields.keywords
    )
    return [
        fields.title,
        fields.title_en,
        fields.description,
        fields.description_en,
        list(fields.themes),
        list(fields.keywords),
        fields.temporal_start,
        fields.temporal_end,
        fields.spatial,
        fields.license,
        fields.update_frequency,
        [
            {
                "id": d.id,
                "title": d.title,
                "media_type": d.media_type,
                "byte_size": d.byte_size,
                "sha256": d.sha256.hex(),
                "object_key": d.object_key,
                "assessment": _assessment_json(d.assessment),
            }
            for d in fields.distributions
        ],
        [{"id": o.id, "policy": o.policy, "policy_sha256": o.policy_sha256.hex()} for o in fields.offers],
        fields.personal_data,
        tokens,
        fields.personal_data_category,
    ]


class CatalogStore:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    async def insert(
        self, publisher: str, dataset_id: str, fields: DatasetFields, creator: str
    ) -> Dataset | None:
        """The new dataset, or None when the publisher has one with this id."""
        row = await self.pool.fetchrow(
            "INSERT INTO dataspace.datasets (publisher, id, title, title_en, description, description_en,"  # noqa: S608
            " themes, keywords, temporal_start, temporal_end, spatial, license, update_frequency,"
            " distributions, offers, personal_data, search_tokens, personal_data_category, creator)"
            " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)"
            f" ON CONFLICT DO NOTHING RETURNING {_COLUMNS}",
            publisher,
            dataset_id,
            *_values(fields),
            creator,
        )
        return None if row is None else _dataset(row)

    async def get(self, publisher: str, dataset_id: str, conn: Connection | None = None) -> Dataset | None:
        row = await (conn or self.pool).fetchrow(
            f"SELECT {_COLUMNS} FROM dataspace.datasets WHERE publisher = $1 AND id = $2",  # noqa: S608
            publisher,
            dataset_id,
        )
        return None if row is None else _dataset(row)

    async def update(
        self,
        publisher: str,
        dataset_id: str,
        fields: DatasetFields,
        expected_version: int,
        conn: Connection | None = None,
    ) -> Dataset | None:
        """The updated dataset, or None when its version is no longer `expected_version`."""
        row = await (conn or self.pool).fetchrow(
            "UPDATE dataspace.datasets SET title = $4, title_en = $5, description = $6,"  # noqa: S608
            " description_en = $7, themes = $8, keywords = $9, temporal_start = $10, temporal_end = $11,"
            " spatial = $12, license = $13, update_frequency = $14, distributions = $15, offers = $16,"
            " personal_data = $17, search_tokens = $18, personal_data_category = $19, update_time = now(),"
            " version = version + 1"
            f" WHERE publisher = $1 AND id = $2 AND version = $3 RETURNING {_COLUMNS}",
            publisher,
            dataset_id,
            expected_version,
            *_values(fields),
        )
        return None if row is None else _dataset(row)

    async def list_datasets(
        self,
        *,
        before_seq: int,
        limit: int,
        publisher: str = "",
        theme: str = "",
        keyword: str = "",
        query_tokens: tuple[str, ...] = (),
    ) -> list[tuple[int, Dataset]]:
        """Newest first: datasets with seq < before_seq matching every filter given."""
        conditions = ["seq < $1"]
        args: list[Any] = [before_seq]
        if publisher:
            args.append(publisher)
            conditions.append(f"publisher = ${len(args)}")
        if theme:
            args.append(theme)
            conditions.append(f"${len(args)} = ANY (themes)")
        if keyword:
            args.append(keyword)
            conditions.append(f"${len(args)} = ANY (keywords)")
        if query_tokens:
            args.append(list(query_tokens))
            conditions.append(f"search_tokens @> ${len(args)}::text[]")
        args.append(limit)
        rows = await self.pool.fetch(
            f"SELECT seq, {_COLUMNS} FROM dataspace.datasets WHERE {' AND '.join(conditions)}"  # noqa: S608
            f" ORDER BY seq DESC LIMIT ${len(args)}",
            *args,
        )
        return [(row["seq"], _dataset(row)) for row in rows]

    async def replace_personal_object(
        self, conn: Connection, publisher: str, dataset_id: str, distribution_id: str, item: PersonalObject
    ) -> str:
        """In the caller's transaction: record one person's data of a distribution; the object key
        it replaced ("" if none). Uploads for one person are serialised on a transaction-scoped
        lock, so of two at once each replaces exactly the key the other (or the last) left."""
        await conn.execute(
            "SELECT pg_advisory_xact_lock(hashtextextended('dataspace-personal:' || $1, 0))",
            "/".join((publisher, dataset_id, distribution_id, item.data_subject)),
        )
        before = await conn.fetchval(
            "SELECT object_key FROM dataspace.personal_objects"
            " WHERE publisher = $1 AND dataset_id = $2 AND distribution_id = $3 AND data_subject = $4"
            " FOR UPDATE",
            publisher,
            dataset_id,
            distribution_id,
            item.data_subject,
        )
        await conn.execute(
            "INSERT INTO dataspace.personal_objects (publisher, dataset_id, distribution_id, data_subject,"
            " object_key, byte_size, sha256) VALUES ($1, $2, $3, $4, $5, $6, $7)"
            " ON CONFLICT (publisher, dataset_id, distribution_id, data_subject) DO UPDATE SET"
            " object_key = EXCLUDED.object_key, byte_size = EXCLUDED.byte_size, sha256 = EXCLUDED.sha256,"
            " upload_time = now()",
            publisher,
            dataset_id,
            distribution_id,
            item.data_subject,
            item.object_key,
            item.byte_size,
            item.sha256,
        )
        return "" if before is None or before == item.object_key else str(before)

    async def personal_object(
        self, publisher: str, dataset_id: str, distribution_id: str, data_subject: str
    ) -> PersonalObject | None:
        row = await self.pool.fetchrow(
            "SELECT data_subject, object_key, byte_size, sha256 FROM dataspace.personal_objects"
            " WHERE publisher = $1 AND dataset_id = $2 AND distribution_id = $3 AND data_subject = $4",
            publisher,
            dataset_id,
            distribution_id,
            data_subject,
        )
        if row is None:
            return None
        return PersonalObject(row["data_subject"], row["object_key"], row["byte_size"], bytes(row["sha256"]))
