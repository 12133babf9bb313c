"""Access tokens a server carries on its own service-to-service calls.

Production: `JIPAN_SERVICE_TOKEN_FILE` names a file that something else keeps
fresh (a sidecar that runs identity's service-account flow, a projected
volume); the file is re-read whenever its modification time changes.
Embedded mode (no identity configured): tokens are minted with the development
key in the data dir, for `services/<name>` with exactly the scopes asked for,
and re-minted a minute before they expire.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from pathlib import Path

from jipan.interceptors.client import TokenSource
from jipan.interceptors.tokens import DevSigningKey, mint_access_token
from jipan.servers.runtime.settings import ConfigError, Settings

TTL_S = 900
RENEW_BEFORE_S = 60


def service_token_source(
    settings: Settings, service: str, scopes: Sequence[str], org: str | None = None
) -> TokenSource:
    if settings.service_token_file is not None:
        return _file_source(settings.service_token_file)
    if settings.identity_target is not None:
        raise ConfigError(
            "JIPAN_IDENTITY_TARGET is set, so the embedded dev key cannot mint service tokens: "
            "set JIPAN_SERVICE_TOKEN_FILE"
        )
    key = DevSigningKey.load_or_create(settings.data_dir)
    cached: list[tuple[str, float]] = []

    async def source() -> str:
        now = time.time()
        if not cached or cached[0][1] - RENEW_BEFORE_S < now:
            token = mint_access_token(
                key,
                subject=f"services/{service}",
                audience=settings.token_audience,
                issuer=settings.token_issuer,
                scopes=list(scopes),
                org=org,
                ttl_s=TTL_S,
            )
            cached[:] = [(token, now + TTL_S)]
        return cached[0][0]

    return source


def _file_source(path: Path) -> TokenSource:
    state: dict[str, object] = {"mtime": None, "token": ""}

    async def source() -> str:
        try:
            mtime = (await asyncio.to_thread(path.stat)).st_mtime_ns
        except OSError as exc:
            raise ConfigError(f"cannot read the service token file {path}: {exc.strerror}") from exc
        if mtime != state["mtime"]:
            text = (await asyncio.to_thread(path.read_text)).strip()
            state["mtime"], state["token"] = mtime, text
        return str(state["token"])

    return source
