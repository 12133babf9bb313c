"""The browser check: real WebAuthn in headless Chromium against the real identity.

The page of `jipan.servers.identity.webdev` runs `navigator.credentials.create()`
and `get()` in Chromium, with a CDP virtual authenticator (CTAP2, platform,
resident keys, user verification) standing in for the device; the bridge
forwards the ceremony to identity over gRPC, which verifies it with fido2.
Nothing is bypassed: the attestation, the assertion and clientDataJSON (with
the page's origin) come from the browser. The outcome is then checked on the
server side through gRPC.

Runs when Chromium is installed (`.ci/run` installs Debian's `chromium`);
skipped otherwise.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import itertools
import json
import os
import shutil
import signal
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiohttp
import grpc
import psutil
import pytest

from jipan.identity.v1 import passkey_service_pb2 as pk_pb
from jipan.identity.v1 import passkey_service_pb2_grpc as pk_grpc
from jipan.servers import identity, system
from jipan.servers.identity import webdev
from jipan.system.v1 import system_service_pb2 as sys_pb
from jipan.system.v1 import system_service_pb2_grpc as sys_grpc
from tests.mesh import RunningServer, make_settings, running_server

CHROMIUM = shutil.which("chromium")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium is not installed (Debian: apt-get install chromium); .ci/run installs it",
)

# The flags CI runs Chromium with (root in a container: no sandbox; no GPU; no
# background traffic to Google).
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--no-first-run",
    "--no-default-browser-check",
)
# A device with a platform authenticator that keeps discoverable credentials
# and verifies its user (the server requires UV), answering without a prompt.
VIRTUAL_AUTHENTICATOR = {
    "protocol": "ctap2",
    "transport": "internal",
    "hasResidentKey": True,
    "hasUserVerification": True,
    "isUserVerified": True,
    "automaticPresenceSimulation": True,
}
WAIT_S = 30.0


class DevTools:
    """A Chrome DevTools Protocol connection to the browser, with flattened page sessions."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self._ws = ws
        self._ids = itertools.count(1)
        self._pending: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        async for frame in self._ws:
            if frame.type is not aiohttp.WSMsgType.TEXT:
                continue
            message = json.loads(frame.data)
            waiter = self._pending.pop(message.get("id", -1), None)
            if waiter is not None and not waiter.done():
                waiter.set_result(message)
        for waiter in self._pending.values():
            if not waiter.done():
                waiter.set_exception(ConnectionError("the DevTools connection closed"))

    async def send(self, method: str, session_id: str | None = None, **params: Any) -> dict[str, Any]:
        call_id = next(self._ids)
        waiter = asyncio.get_running_loop().create_future()
        self._pending[call_id] = waiter
        message: dict[str, Any] = {"id": call_id, "method": method, "params": params}
        if session_id is not None:
            message["sessionId"] = session_id
        await self._ws.send_str(json.dumps(message))
        reply = await asyncio.wait_for(waiter, WAIT_S)
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']}")
        result: dict[str, Any] = reply["result"]
        return result

    async def open_tab(self) -> Tab:
        target = await self.send("Target.createTarget", url="about:blank")
        attached = await self.send("Target.attachToTarget", targetId=target["targetId"], flatten=True)
        return Tab(self, attached["sessionId"])

    async def close(self) -> None:
        self._reader.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._reader
        await self._ws.close()


class Tab:
    def __init__(self, devtools: DevTools, session_id: str) -> None:
        self._devtools = devtools
        self._session_id = session_id

    async def send(self, method: str, **params: Any) -> dict[str, Any]:
        return await self._devtools.send(method, self._session_id, **params)

    async def evaluate(self, expression: str) -> Any:
        # userGesture: the click counts as the person's, as WebAuthn expects.
        result = await self.send(
            "Runtime.evaluate",
            expression=expression,
            awaitPromise=True,
            returnByValue=True,
            userGesture=True,
        )
        if "exceptionDetails" in result:
            raise AssertionError(f"{expression!r} threw: {result['exceptionDetails']}")
        return result["result"].get("value")

    async def wait_for(self, expression: str) -> Any:
        deadline = time.monotonic() + WAIT_S
        while time.monotonic() < deadline:
            value = await self.evaluate(expression)
            if value:
                return value
            await asyncio.sleep(0.05)
        raise AssertionError(f"timed out waiting for {expression!r}")

    async def outcome(self) -> tuple[str, str]:
        """Waits for the page's outcome; (state, text)."""
        state: str = await self.wait_for(
            "(s => s !== 'idle' && s !== 'busy' && s)(document.getElementById('outcome').dataset.state)"
        )
        text: str = await self.evaluate("document.getElementById('outcome').textContent")
        return state, text


def _devtools_port(user_data_dir: Path) -> tuple[int, str]:
    # With --remote-debugging-port=0 Chromium writes the port it picked, and
    # the browser endpoint's path, here.
    lines = (user_data_dir / "DevToolsActivePort").read_text().split()
    return int(lines[0]), lines[1]


def _leftovers(user_data_dir: Path) -> list[psutil.Process]:
    found = []
    for process in psutil.process_iter(["cmdline"]):
        if any(str(user_data_dir) in part for part in process.info["cmdline"] or ()):
            found.append(process)
    return found


@pytest.fixture(scope="module")
async def browser(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[DevTools]:
    assert CHROMIUM is not None
    user_data_dir = tmp_path_factory.mktemp("chromium")
    process = await asyncio.create_subprocess_exec(
        CHROMIUM,
        *CHROMIUM_FLAGS,
        "--remote-debugging-port=0",
        f"--user-data-dir={user_data_dir}",
        "about:blank",
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
        start_new_session=True,  # its own process group: the finally below ends all of it
    )
    devtools: DevTools | None = None
    http = aiohttp.ClientSession()
    try:
        deadline = time.monotonic() + WAIT_S
        while not (user_data_dir / "DevToolsActivePort").exists():
            assert process.returncode is None, f"Chromium exited with {process.returncode}"
            assert time.monotonic() < deadline, "Chromium did not open its DevTools port"
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.05)  # the file is written in one go, but let it land
        port, path = _devtools_port(user_data_dir)
        devtools = DevTools(await http.ws_connect(f"ws://127.0.0.1:{port}{path}", max_msg_size=0))
        yield devtools
    finally:
        # A clean exit first (Chromium removes its profile locks), then the
        # whole process group whatever happened.
        if devtools is not None:
            with contextlib.suppress(Exception):
                await devtools.send("Browser.close")
            await devtools.close()
        await http.close()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(process.wait(), 10)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        await process.wait()
        # No Chromium process (zygotes, renderers, utilities) may outlive the
        # test; SIGKILL is delivered asynchronously, so give it a moment.
        deadline = time.monotonic() + 5
        while (leftovers := _leftovers(user_data_dir)) and time.monotonic() < deadline:
            await asyncio.sleep(0.1)
        for straggler in leftovers:
            with contextlib.suppress(psutil.Error):
                straggler.kill()
        assert not leftovers, f"Chromium processes left behind: {leftovers}"


@asynccontextmanager
async def page_for_identity(
    database_url: str, data_dir: Path, allowed_origins: Callable[[str], str]
) -> AsyncIterator[tuple[RunningServer, str]]:
    """identity whose allowed origins are `allowed_origins(page origin)`, and the page in front of it."""
    sock = webdev.bind_localhost()
    try:
        origin = f"http://localhost:{sock.getsockname()[1]}"
        settings = make_settings(
            database_url,
            data_dir,
            JIPAN_WEBAUTHN_RP_ID="localhost",
            JIPAN_WEBAUTHN_ORIGINS=allowed_origins(origin),
        )
        async with (
            running_server(settings, [system.SERVICE, identity.SERVICE]) as server,
            webdev.serving(server.address, sock) as served,
        ):
            assert served == origin
            yield server, origin
    finally:
        sock.close()


async def open_page(browser: DevTools, origin: str) -> tuple[Tab, str]:
    """A new tab with its own virtual authenticator, showing the page; (tab, authenticator id)."""
    tab = await browser.open_tab()
    await tab.send("WebAuthn.enable", enableUI=False)
    added = await tab.send("WebAuthn.addVirtualAuthenticator", options=VIRTUAL_AUTHENTICATOR)
    await tab.send("Page.navigate", url=f"{origin}/")
    await tab.wait_for(
        "location.href.startsWith(" + json.dumps(origin) + ") && document.readyState === 'complete'"
        " && !!window.jipanPasskeys"
    )
    return tab, added["authenticatorId"]


async def click_register(tab: Tab, user_name: str) -> tuple[str, str]:
    await tab.evaluate(
        f"""document.getElementById('user-name').value = {json.dumps(user_name)};
        document.getElementById('display-name').value = {json.dumps(user_name.title())};
        document.getElementById('register').click();"""
    )
    return await tab.outcome()


def b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


async def test_browser_registers_a_passkey_and_signs_in_with_it_discoverably(
    browser: DevTools, database_url: str, tmp_path: Path
) -> None:
    async with page_for_identity(database_url, tmp_path, lambda origin: origin) as (server, origin):
        tab, authenticator_id = await open_page(browser, origin)
        user_name = f"browser-{os.urandom(4).hex()}"

        state, text = await click_register(tab, user_name)
        assert state == "registered", text
        registered = await tab.evaluate("window.jipanPasskeys.last")
        person = registered["person"]["name"]
        assert registered["person"]["userName"] == user_name

        # The authenticator holds exactly one discoverable credential for
        # localhost, and it is the one the server registered.
        held = (await tab.send("WebAuthn.getCredentials", authenticatorId=authenticator_id))["credentials"]
        assert len(held) == 1
        assert held[0]["isResidentCredential"] is True
        assert held[0]["rpId"] == "localhost"
        credential_id = b64url(base64.b64decode(held[0]["credentialId"]))
        assert registered["credentialId"] == credential_id

        # Discoverable login: no user name, the browser picks the credential.
        await tab.evaluate("document.getElementById('sign-in').click()")
        state, text = await tab.outcome()
        assert state == "signed-in", text
        signed_in = await tab.evaluate("window.jipanPasskeys.last")
        assert signed_in["person"]["name"] == person
        assert signed_in["tokenType"] == "Bearer"
        assert signed_in["refreshToken"]

        # Server side, over gRPC: the token is accepted, the passkey is listed
        # with the counter the authenticator reached.
        bearer = (("authorization", f"Bearer {signed_in['accessToken']}"),)
        async with grpc.aio.insecure_channel(server.address) as channel:
            whoami = await sys_grpc.SystemServiceStub(channel).GetWhoAmI(
                sys_pb.GetWhoAmIRequest(), metadata=bearer
            )
            assert whoami.principal.subject == person
            listed = await pk_grpc.PasskeyServiceStub(channel).ListPasskeys(
                pk_pb.ListPasskeysRequest(parent=person), metadata=bearer
            )
        assert [p.name for p in listed.passkeys] == [f"{person}/passkeys/{credential_id}"]
        held = (await tab.send("WebAuthn.getCredentials", authenticatorId=authenticator_id))["credentials"]
        assert listed.passkeys[0].sign_count == held[0]["signCount"]
        assert listed.passkeys[0].HasField("last_use_time")


async def test_browser_ceremony_from_an_origin_identity_does_not_allow_is_refused(
    browser: DevTools, database_url: str, tmp_path: Path
) -> None:
    # Same page, same rpId, but identity allows only another port: the origin
    # the browser wrote into clientDataJSON must be what refuses it.
    async with page_for_identity(database_url, tmp_path, lambda _origin: "http://localhost:1") as (
        _server,
        origin,
    ):
        tab, authenticator_id = await open_page(browser, origin)
        state, text = await click_register(tab, f"browser-{os.urandom(4).hex()}")
        assert state == "error", text
        refused = await tab.evaluate("window.jipanPasskeys.last")
        assert refused["reason"] == "ORIGIN_INVALID", refused
        # The browser did run the ceremony: the authenticator made a credential.
        held = (await tab.send("WebAuthn.getCredentials", authenticatorId=authenticator_id))["credentials"]
        assert len(held) == 1
