"""Fixtures shared by the dataspace tests (each module provides its own `server`)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import grpc
import pytest_asyncio

from tests.mesh import RunningServer


@pytest_asyncio.fixture(scope="module")
async def channel(server: RunningServer) -> AsyncIterator[grpc.aio.Channel]:
    async with grpc.aio.insecure_channel(server.address) as chan:
        yield chan
