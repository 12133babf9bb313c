"""Placements in PostgreSQL (the `cloud` schema's `placements` table).

A placement is kept as the Placement message it was answered with, plus its
exclusions in compact form (the workloads × offerings reason matrix, zlib
compressed), so that ListPlacementExclusions can name every excluded
offering without a row per pair (100 workloads × 5,000 offerings would be
half a million rows per placement).
"""

from __future__ import annotations

import json
import zlib
from uuid import UUID

import asyncpg
import numpy as np

from jipan.servers.cloud.placement.types import Exclusions


def pack_exclusions(exclusions: Exclusions) -> bytes:
    header = json.dumps(
        {"offerings": exclusions.offering_ids, "shape": list(exclusions.reasons.shape)}, separators=(",", ":")
    ).encode()
    body = exclusions.reasons.astype(np.uint8).tobytes() + exclusions.dominated_by.astype("<i4").tobytes()
    return zlib.compress(len(header).to_bytes(4, "big") + header + body, 6)


def unpack_exclusions(packed: bytes) -> Exclusions:
    raw = zlib.decompress(packed)
    size = int.from_bytes(raw[:4], "big")
    header = json.loads(raw[4 : 4 + size])
    rows, cols = header["shape"]
    body = raw[4 + size :]
    reasons = np.frombuffer(body[: rows * cols], dtype=np.uint8).reshape(rows, cols)
    dominated = np.frombuffer(body[rows * cols :], dtype="<i4").reshape(rows, cols).astype(np.int32)
    return Exclusions(list(header["offerings"]), reasons, dominated)


class PlacementStore:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    async def insert(
        self, owner: str, placement_id: UUID, message: bytes, exclusions: bytes, creator: str
    ) -> None:
        await self.pool.execute(
            "INSERT INTO cloud.placements (owner, id, placement, exclusions, creator)"
            " VALUES ($1, $2, $3, $4, $5)",
            owner,
            placement_id,
            message,
            exclusions,
            creator,
        )

    async def get(self, owner: str, placement_id: UUID) -> bytes | None:
        message = await self.pool.fetchval(
            "SELECT placement FROM cloud.placements WHERE owner = $1 AND id = $2", owner, placement_id
        )
        return None if message is None else bytes(message)

    async def get_exclusions(self, owner: str, placement_id: UUID) -> bytes | None:
        packed = await self.pool.fetchval(
            "SELECT exclusions FROM cloud.placements WHERE owner = $1 AND id = $2", owner, placement_id
        )
        return None if packed is None else bytes(packed)
