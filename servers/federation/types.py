"""The federation service's domain types (no grpc, no asyncpg)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from jipan.servers.federation.bundle import TrustBundle
from jipan.servers.federation.names import approval_name, peer_name


class PeerState(StrEnum):
    PENDING = "pending"
    ACTIVE = "active"
    SUSPENDED = "suspended"


@dataclass(frozen=True, slots=True)
class Peer:
    id: uuid.UUID
    org_id: str
    peer_id: str
    display_name: str
    issuer: str
    audience: str
    bundle_endpoint: str
    bundle_endpoint_ca_pem: str
    state: PeerState
    pinned_fingerprint: str
    bundle: TrustBundle
    bundle_fetch_time: datetime
    bundle_error: str
    create_time: datetime
    update_time: datetime

    @property
    def name(self) -> str:
        return peer_name(self.org_id, self.peer_id)


@dataclass(frozen=True, slots=True)
class Approval:
    org_id: str
    peer_id: str
    approval_id: str
    consumer: str
    methods: tuple[str, ...]
    approver: str
    create_time: datetime

    @property
    def name(self) -> str:
        return approval_name(self.org_id, self.peer_id, self.approval_id)


@dataclass(frozen=True, slots=True)
class ExchangedToken:
    access_token: str
    expire_time: datetime
    methods: tuple[str, ...]
    peer: str
