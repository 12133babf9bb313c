"""VerifyUsageLog's ledger lookups end with the call: the first failure cancels the rest."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

import pytest

from jipan.servers.dataspace.names import DOMAIN
from jipan.servers.dataspace.negotiation import domain
from jipan.servers.dataspace.negotiation.domain import Negotiations
from jipan.servers.dataspace.negotiation.types import LogEntry
from jipan.servers.runtime.errors import Unavailable


async def test_the_first_failed_lookup_cancels_the_others(monkeypatch: pytest.MonkeyPatch) -> None:
    negotiation = uuid.uuid4()
    entries = [
        LogEntry(negotiation, i, "e", "PROVIDER", "people/p", "{}", bytes(32), f"r{i}", datetime.now(UTC))
        for i in range(1, 101)
    ]
    calls = 0
    cancelled = 0
    never = asyncio.Event()

    async def anchored_receipts(digest: bytes) -> dict[str, bool]:
        nonlocal calls, cancelled
        calls += 1
        if calls == domain.LEDGER_LOOKUPS_IN_FLIGHT:  # every worker busy: this one fails
            raise Unavailable("LEDGER_UNAVAILABLE", "the ledger is down", domain=DOMAIN)
        try:
            await never.wait()
        except asyncio.CancelledError:
            cancelled += 1
            raise
        return {}

    async def found(*_: Any) -> Any:
        return SimpleNamespace(id=negotiation)

    async def nothing(*_: Any) -> None:
        return None

    async def listed(*_: Any) -> list[LogEntry]:
        return entries

    negotiations = Negotiations.__new__(Negotiations)
    monkeypatch.setattr(negotiations, "get", found, raising=False)
    monkeypatch.setattr(negotiations, "anchor_pending", nothing, raising=False)
    monkeypatch.setattr(negotiations, "store", SimpleNamespace(entries=listed), raising=False)
    monkeypatch.setattr(
        negotiations, "anchor", SimpleNamespace(anchored_receipts=anchored_receipts), raising=False
    )
    try:
        with pytest.raises(Unavailable):
            await negotiations.verify_log(SimpleNamespace(), "negotiations/x")  # type: ignore[arg-type]
        for _ in range(10):
            await asyncio.sleep(0)
        # The lookups in flight were cancelled with the call, and none started after it.
        assert (calls, cancelled) == (domain.LEDGER_LOOKUPS_IN_FLIGHT, domain.LEDGER_LOOKUPS_IN_FLIGHT - 1)
    finally:
        never.set()  # without the fix, lets the lookups left behind end
