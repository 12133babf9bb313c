"""A real server (system, identity, ledger, procurement, dataspace) with the Connect gateway before it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import pytest
import pytest_asyncio

from jipan.servers import dataspace, identity, ledger, procurement, system
from jipan.servers.gateway.serving import serving
from tests.mesh import RunningServer, make_settings, running_server


@dataclass
class Gateway:
    server: RunningServer
    url: str
    http: aiohttp.ClientSession

    def bearer(self, **token_args: object) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.server.token(**token_args)}"}


def gateway_env(portal: Path) -> dict[str, str]:
    return {
        "JIPAN_GATEWAY_PORT": "0",
        "JIPAN_GATEWAY_MAX_REQUEST_BYTES": str(64 * 1024),
        "JIPAN_GATEWAY_STATIC_DIR": str(portal),
        "JIPAN_GATEWAY_CORS_ORIGINS": "https://portal.example.gov.tw",
        "JIPAN_LEDGER_BATCH_WINDOW_S": "0.1",
    }


@pytest.fixture(scope="module")
def portal_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A stand-in for Vite's output: index.html and one hashed asset."""
    root = tmp_path_factory.mktemp("dist")
    (root / "index.html").write_text(
        '<!doctype html><title>portal</title><script src="/assets/app-3f9a1c.js"></script>'
    )
    (root / "assets").mkdir()
    (root / "assets" / "app-3f9a1c.js").write_text("console.log('portal');\n")
    (root / "favicon.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    (root / ".env").write_text("SECRET=1\n")
    return root


@pytest_asyncio.fixture(scope="module")
async def gateway(
    database_url: str, tmp_path_factory: pytest.TempPathFactory, portal_dir: Path
) -> AsyncIterator[Gateway]:
    settings = make_settings(database_url, tmp_path_factory.mktemp("gateway-data"), **gateway_env(portal_dir))
    modules = [system.SERVICE, identity.SERVICE, ledger.SERVICE, procurement.SERVICE, dataspace.SERVICE]
    async with (
        running_server(settings, modules) as server,
        serving(settings, server.address, server.runtime.services) as url,
        aiohttp.ClientSession() as http,
    ):
        yield Gateway(server, url, http)
