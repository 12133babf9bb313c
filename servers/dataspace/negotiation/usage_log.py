"""The usage log's hash chain: what an entry's digest covers, and how a log is checked.

An entry's digest is SHA-256(previous entry's digest ‖ canonical JSON of the
entry: negotiation, sequence, event, actor role, actor, details, time); the
first entry chains from 32 zero bytes. Changing, removing or reordering an
entry changes every digest after it, and each digest is anchored on the
ledger, so a log rewritten whole no longer matches its anchors. The same
function serves the service and an offline check (tests/dataspace).
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from jipan.servers.dataspace.negotiation.types import LogEntry

GENESIS = bytes(32)


def entry_digest(
    previous: bytes,
    negotiation: uuid.UUID,
    sequence: int,
    event: str,
    actor_role: str,
    actor: str,
    details: str,
    at: datetime,
) -> bytes:
    canonical = json.dumps(
        {
            "negotiation": str(negotiation),
            "sequence": sequence,
            "event": event,
            "actor_role": actor_role,
            "actor": actor,
            "details": details,
            "time": at.isoformat(timespec="microseconds"),
        },
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return hashlib.sha256(previous + canonical.encode()).digest()


@dataclass(frozen=True)
class ChainCheck:
    valid: bool
    entries: int
    first_invalid_sequence: int
    problem: str


def check_chain(entries: Sequence[LogEntry]) -> ChainCheck:
    """Recompute the chain of one negotiation's entries, in sequence order."""
    previous = GENESIS
    for expected, entry in enumerate(entries, start=1):
        if entry.sequence != expected:
            return ChainCheck(False, len(entries), expected, f"entry {expected} is missing")
        digest = entry_digest(
            previous,
            entry.negotiation,
            entry.sequence,
            entry.event,
            entry.actor_role,
            entry.actor,
            entry.details,
            entry.create_time,
        )
        if digest != entry.sha256:
            return ChainCheck(False, len(entries), entry.sequence, "the entry does not match its digest")
        previous = digest
    return ChainCheck(True, len(entries), 0, "")
