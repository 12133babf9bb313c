"""A webhook receiver for the tests and the bench: verifies signatures, fails on demand."""

from __future__ import annotations

import json
import socket
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from jipan.servers.market.subscriptions.webhooks import (
    DELIVERY_HEADER,
    EVENT_HEADER,
    SIGNATURE_HEADER,
    verify,
)


@dataclass
class Received:
    delivery: str
    event: str
    body: dict[str, Any]
    signature_ok: bool


@dataclass
class WebhookReceiver:
    """POST /hook: answers `status_for(delivery, attempt)` (1-based attempt per delivery)."""

    secrets: dict[str, str] = field(default_factory=dict)
    """subscription name → secret, to verify signatures with."""
    status_for: Callable[[str, int], int] = lambda delivery, attempt: 200
    received: list[Received] = field(default_factory=list)
    attempts: dict[str, int] = field(default_factory=dict)
    _runner: web.AppRunner | None = None
    port: int = 0

    async def _hook(self, request: web.Request) -> web.Response:
        raw = await request.read()
        delivery = request.headers.get(DELIVERY_HEADER, "")
        body = json.loads(raw)
        secret = self.secrets.get(body.get("subscription", ""), "")
        ok = bool(secret) and verify(secret, raw, request.headers.get(SIGNATURE_HEADER, ""))
        self.attempts[delivery] = self.attempts.get(delivery, 0) + 1
        status = self.status_for(delivery, self.attempts[delivery])
        if 200 <= status < 300:
            self.received.append(Received(delivery, request.headers.get(EVENT_HEADER, ""), body, ok))
        return web.Response(status=status, text="ok" if status < 300 else "try again")

    async def start(self, port: int = 0) -> str:
        app = web.Application()
        app.router.add_post("/hook", self._hook)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        sock = socket.socket()
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", port))
        sock.listen()
        self.port = sock.getsockname()[1]
        await web.SockSite(self._runner, sock).start()
        return f"http://127.0.0.1:{self.port}/hook"

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
