"""Fixtures shared by the procurement tests (each module provides its own `server`)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import grpc
import pytest

from tests.mesh import RunningServer
from tests.procurement.helpers import Caller, caller, unique


@pytest.fixture
async def channel(server: RunningServer) -> AsyncIterator[grpc.aio.Channel]:
    async with grpc.aio.insecure_channel(server.address) as chan:
        yield chan


@pytest.fixture
def admin(server: RunningServer, channel: grpc.aio.Channel) -> Caller:
    return caller(server, channel, "moda", ["procurement-admin"])


@pytest.fixture
def reviewer(server: RunningServer, channel: grpc.aio.Channel) -> Caller:
    return caller(server, channel, "agencies-sa", ["procurement-reviewer"], subject="people/reviewer")


@pytest.fixture
def vendor(server: RunningServer, channel: grpc.aio.Channel) -> Caller:
    return caller(server, channel, unique("vendor"), ["procurement-vendor"])
