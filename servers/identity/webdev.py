"""The browser check: one page that runs real WebAuthn ceremonies against identity.

A development page, not a production front end (the portal is that). It is
a single page (HTML plus one script) in front of the Connect gateway
(`jipan.servers.gateway`), which serves every method of identity's services
to the browser; the page calls the four passkey ceremony RPCs of
`jipan.identity.v1.PasskeyService` with Connect's unary JSON (`POST
/jipan.identity.v1.PasskeyService/<Method>`, errors as `{"code", "message",
"details"}` with each detail's decoded `debug`). The gateway forwards each
call to identity over gRPC, so what the browser produces (attestation and
assertion objects from a real authenticator, a real clientDataJSON with the
page's origin) is verified by the real server; nothing here decides anything.

`jipan up` serves the same gateway (with the portal) on its own port; this
module is for a lone identity server. WebAuthn allows plain http only on
`localhost`, so the page is served from `http://localhost:<port>`; identity
must have `JIPAN_WEBAUTHN_RP_ID=localhost` and that origin in
`JIPAN_WEBAUTHN_ORIGINS` (the defaults match port 8080):

    python -m jipan.servers.identity.webdev --identity-target 127.0.0.1:50051 --port 8080
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Final

import grpc
from aiohttp import web

from jipan.servers import identity, system
from jipan.servers.gateway import app as gateway_app
from jipan.servers.gateway.serving import bind, serving_app

SERVICE: Final = "jipan.identity.v1.PasskeyService"

# The page loads only its own script and talks only to its own origin.
_CSP: Final = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'"

PAGE_HTML: Final = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Jipan passkeys: browser check</title>
<script src="/passkeys.js" defer></script>
</head>
<body style="font-family: sans-serif; max-width: 40em; margin: 2em auto">
<h1>Jipan passkeys</h1>
<p>Registers a passkey and signs in with it through identity's PasskeyService
(<code>navigator.credentials.create()</code> / <code>get()</code>, verified by the server).</p>
<form id="register-form">
  <label>User name <input id="user-name" name="user-name" required
    pattern="[a-z0-9][a-z0-9._-]{2,63}" autocomplete="username webauthn"></label>
  <label>Display name <input id="display-name" name="display-name" required></label>
  <button id="register" type="submit">Register a passkey</button>
</form>
<p><button id="sign-in" type="button">Sign in with a passkey</button>
  (discoverable: no user name needed)</p>
<p>Outcome: <output id="outcome" data-state="idle">nothing yet</output></p>
</body>
</html>
"""

PAGE_JS: Final = r"""'use strict';
// base64url (what the server's options and the credential JSON use) <-> bytes.
function fromB64url(text) {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '=');
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)).buffer;
}
function toB64url(buffer) {
  let binary = '';
  for (const byte of new Uint8Array(buffer)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

class CallError extends Error {
  constructor(method, status, body) {
    const reason = (body.details || []).map((d) => d.debug && d.debug.reason).find(Boolean) || '';
    super(`${method}: ${body.code || status} ${reason} ${body.message || ''}`.trim());
    this.code = body.code || String(status);
    this.reason = reason;
  }
}

async function call(method, request) {
  const response = await fetch(`/jipan.identity.v1.PasskeyService/${method}`, {
    method: 'POST',
    headers: {'content-type': 'application/json', 'connect-protocol-version': '1'},
    body: JSON.stringify(request),
  });
  const body = await response.json();
  if (!response.ok) throw new CallError(method, response.status, body);
  return body;
}

function creationOptions(optionsJson) {
  const options = JSON.parse(optionsJson);
  options.challenge = fromB64url(options.challenge);
  options.user.id = fromB64url(options.user.id);
  for (const c of options.excludeCredentials || []) c.id = fromB64url(c.id);
  return options;
}

function requestOptions(optionsJson) {
  const options = JSON.parse(optionsJson);
  options.challenge = fromB64url(options.challenge);
  for (const c of options.allowCredentials || []) c.id = fromB64url(c.id);
  return options;
}

function credentialJson(credential, response) {
  return JSON.stringify({
    id: credential.id,
    rawId: toB64url(credential.rawId),
    type: credential.type,
    authenticatorAttachment: credential.authenticatorAttachment,
    clientExtensionResults: credential.getClientExtensionResults(),
    response,
  });
}

async function register(userName, displayName) {
  const begun = await call('BeginPasskeyRegistration', {userName, displayName});
  const credential = await navigator.credentials.create({publicKey: creationOptions(begun.optionsJson)});
  const r = credential.response;
  return call('FinishPasskeyRegistration', {
    credentialJson: credentialJson(credential, {
      clientDataJSON: toB64url(r.clientDataJSON),
      attestationObject: toB64url(r.attestationObject),
      transports: r.getTransports ? r.getTransports() : [],
    }),
  });
}

async function signIn(userName) {
  const begun = await call('BeginPasskeyAuthentication', {userName: userName || ''});
  const credential = await navigator.credentials.get({publicKey: requestOptions(begun.optionsJson)});
  const r = credential.response;
  return call('FinishPasskeyAuthentication', {
    credentialJson: credentialJson(credential, {
      clientDataJSON: toB64url(r.clientDataJSON),
      authenticatorData: toB64url(r.authenticatorData),
      signature: toB64url(r.signature),
      userHandle: r.userHandle ? toB64url(r.userHandle) : null,
    }),
  });
}

// The last outcome, for whoever drives the page (the browser test reads it).
window.jipanPasskeys = {register, signIn, last: null};

async function run(state, work) {
  const outcome = document.getElementById('outcome');
  outcome.dataset.state = 'busy';
  outcome.textContent = '...';
  try {
    const result = await work();
    window.jipanPasskeys.last = result;
    outcome.dataset.state = state;
    outcome.textContent = `${state}: ${result.person.name} (${result.person.userName})`;
  } catch (error) {
    window.jipanPasskeys.last = {error: String(error), reason: error.reason || ''};
    outcome.dataset.state = 'error';
    outcome.textContent = String(error);
  }
}

document.getElementById('register-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const userName = document.getElementById('user-name').value;
  const displayName = document.getElementById('display-name').value;
  run('registered', () => register(userName, displayName));
});
document.getElementById('sign-in').addEventListener('click', () => run('signed-in', () => signIn('')));
"""


async def _page(_request: web.Request) -> web.Response:
    return web.Response(text=PAGE_HTML, content_type="text/html", headers={"Content-Security-Policy": _CSP})


async def _script(_request: web.Request) -> web.Response:
    return web.Response(text=PAGE_JS, content_type="text/javascript")


def create_app(channel: grpc.aio.Channel, origin: str | None = None) -> web.Application:
    """The page in front of the gateway for system and identity, calling them through `channel`."""
    config = gateway_app.GatewayConfig(
        allowed_origins=frozenset({origin} if origin else ()), max_request_bytes=128 * 1024
    )
    return gateway_app.create_app(
        channel,
        [*system.SERVICE.service_names, *identity.SERVICE.service_names],
        config,
        pages={"/": _page, "/passkeys.js": _script},
    )


@asynccontextmanager
async def serving(identity_target: str, sock: socket.socket) -> AsyncIterator[str]:
    """Serve the page on the bound, listening `sock`; yields its `http://localhost:<port>` origin.

    The caller binds the socket so that it knows the origin (which identity's
    settings must allow) before identity starts.
    """
    origin = f"http://localhost:{sock.getsockname()[1]}"
    async with (
        grpc.aio.insecure_channel(identity_target) as channel,
        serving_app(create_app(channel, origin), sock),
    ):
        yield origin


def bind_localhost(port: int = 0) -> socket.socket:
    """A listening TCP socket on 127.0.0.1 (`localhost` is what the browser is sent to)."""
    return bind("127.0.0.1", port)


async def _serve_forever(identity_target: str, port: int) -> None:
    async with serving(identity_target, bind_localhost(port)) as origin:
        print(f"passkey browser check on {origin}/ (identity at {identity_target})", flush=True)
        print(
            f"identity needs JIPAN_WEBAUTHN_RP_ID=localhost and {origin} in JIPAN_WEBAUTHN_ORIGINS",
            flush=True,
        )
        await asyncio.Event().wait()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m jipan.servers.identity.webdev",
        description="Serve the passkey browser-check page, and the Connect gateway it calls identity "
        "through (development only).",
    )
    parser.add_argument("--identity-target", default="127.0.0.1:50051", help="identity's gRPC host:port")
    parser.add_argument("--port", type=int, default=8080, help="port on 127.0.0.1 (served as localhost)")
    args = parser.parse_args(argv)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_serve_forever(args.identity_target, args.port))


if __name__ == "__main__":
    main()
