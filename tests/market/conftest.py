"""What the market tests share."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from jipan.interceptors.context import Principal


def caller_of(org: str) -> Principal:
    """Someone at `org`, for tests that drive a domain object directly, not through gRPC."""
    return Principal(
        subject=f"people/someone-at-{org}",
        issuer="test",
        audiences=(),
        expires_at=datetime.now(UTC),
        token_id=str(uuid.uuid4()),
        org=f"orgs/{org}",
    )
