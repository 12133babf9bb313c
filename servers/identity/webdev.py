"""The browser check: one page that runs real WebAuthn ceremonies against identity.

A development endpoint, not a production front end. It serves a single page
(HTML plus one script) and a JSON bridge for exactly the four passkey
ceremony RPCs of `jipan.identity.v1.PasskeyService`. The bridge forwards each
call to a running identity server over gRPC, so what the browser produces
(attestation and assertion objects from a real authenticator, a real
clientDataJSON with the page's origin) is verified by the real server; the
bridge decides nothing itself.

The bridge follows the Connect protocol's unary JSON shape: `POST
/jipan.identity.v1.PasskeyService/<Method>` with the request message in
proto3 JSON, the response message in proto3 JSON, and errors as `{"code",
"message", "details"}` (details are `google.rpc.ErrorInfo` / `BadRequest`,
base64 `value` plus a decoded `debug`) with Connect's HTTP status for the code.

WebAuthn allows plain http only on `localhost`, so the page is served from
`http://localhost:<port>`; identity must have `JIPAN_WEBAUTHN_RP_ID=localhost`
and that origin in `JIPAN_WEBAUTHN_ORIGINS` (the defaults match port 8080):

    python -m jipan.servers.identity.webdev --identity-target 127.0.0.1:50051 --port 8080
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import contextlib
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any, Final

import grpc
from aiohttp import web
from google.protobuf import json_format
from google.protobuf.message import Message
from google.rpc import error_details_pb2
from grpc_status import rpc_status

from jipan.identity.v1 import passkey_service_pb2 as pk_pb
from jipan.servers.runtime.untrusted import json_depth_exceeds

SERVICE: Final = "jipan.identity.v1.PasskeyService"

# The ceremony RPCs the page needs, and nothing else: every other identity
# method stays reachable only over gRPC.
_METHODS: Final[dict[str, tuple[type[Message], type[Message]]]] = {
    "BeginPasskeyRegistration": (
        pk_pb.BeginPasskeyRegistrationRequest,
        pk_pb.BeginPasskeyRegistrationResponse,
    ),
    "FinishPasskeyRegistration": (
        pk_pb.FinishPasskeyRegistrationRequest,
        pk_pb.FinishPasskeyRegistrationResponse,
    ),
    "BeginPasskeyAuthentication": (
        pk_pb.BeginPasskeyAuthenticationRequest,
        pk_pb.BeginPasskeyAuthenticationResponse,
    ),
    "FinishPasskeyAuthentication": (
        pk_pb.FinishPasskeyAuthenticationRequest,
        pk_pb.FinishPasskeyAuthenticationResponse,
    ),
}

# Connect's mapping of gRPC codes to HTTP statuses (connectrpc.com/docs/protocol).
_HTTP_STATUS: Final[dict[grpc.StatusCode, int]] = {
    grpc.StatusCode.CANCELLED: 499,
    grpc.StatusCode.UNKNOWN: 500,
    grpc.StatusCode.INVALID_ARGUMENT: 400,
    grpc.StatusCode.DEADLINE_EXCEEDED: 504,
    grpc.StatusCode.NOT_FOUND: 404,
    grpc.StatusCode.ALREADY_EXISTS: 409,
    grpc.StatusCode.PERMISSION_DENIED: 403,
    grpc.StatusCode.RESOURCE_EXHAUSTED: 429,
    grpc.StatusCode.FAILED_PRECONDITION: 400,
    grpc.StatusCode.ABORTED: 409,
    grpc.StatusCode.OUT_OF_RANGE: 400,
    grpc.StatusCode.UNIMPLEMENTED: 501,
    grpc.StatusCode.INTERNAL: 500,
    grpc.StatusCode.UNAVAILABLE: 503,
    grpc.StatusCode.DATA_LOSS: 500,
    grpc.StatusCode.UNAUTHENTICATED: 401,
}

_DETAIL_TYPES: Final[tuple[type[Message], ...]] = (error_details_pb2.ErrorInfo, error_details_pb2.BadRequest)

# Each identity call gets this long; a ceremony is a few milliseconds of work.
_CALL_TIMEOUT_S: Final = 10.0
_MAX_JSON_DEPTH: Final = 32
"""A ceremony request nests a few levels; deeper JSON is refused before it is parsed."""

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


def _error_body(error: grpc.aio.AioRpcError) -> dict[str, Any]:
    details: list[dict[str, Any]] = []
    status = rpc_status.from_call(error)
    for packed in status.details if status is not None else ():
        for detail_type in _DETAIL_TYPES:
            if packed.Is(detail_type.DESCRIPTOR):
                detail = detail_type()
                packed.Unpack(detail)
                details.append(
                    {
                        "type": detail_type.DESCRIPTOR.full_name,
                        "value": base64.b64encode(packed.value).decode().rstrip("="),
                        "debug": json_format.MessageToDict(detail),
                    }
                )
    code = error.code()
    return {"code": code.name.lower(), "message": error.details() or "", "details": details}


def _connect_error(status: int, code: str, message: str) -> web.Response:
    return web.json_response({"code": code, "message": message}, status=status)


class PasskeyBridge:
    """Forwards the four ceremony RPCs, JSON in and out, to identity over gRPC."""

    def __init__(self, channel: grpc.aio.Channel) -> None:
        self._channel = channel

    async def handle(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        types = _METHODS.get(method)
        if types is None:
            return _connect_error(404, "unimplemented", f"{SERVICE}/{method} is not bridged")
        if request.content_type != "application/json":
            return _connect_error(415, "unimplemented", "content-type must be application/json")
        request_type, response_type = types
        try:
            text = await request.text()
            # Bounded before the C parser recurses (jipan.servers.runtime.untrusted).
            if json_depth_exceeds(text, _MAX_JSON_DEPTH):
                return _connect_error(
                    400, "invalid_argument", f"request nests deeper than {_MAX_JSON_DEPTH} levels"
                )
            message = json_format.Parse(text, request_type())
        except (json_format.ParseError, UnicodeDecodeError) as exc:
            return _connect_error(400, "invalid_argument", f"request is not a {request_type.__name__}: {exc}")
        call = self._channel.unary_unary(
            f"/{SERVICE}/{method}",
            request_serializer=request_type.SerializeToString,
            response_deserializer=response_type.FromString,
        )
        try:
            response: Message = await call(message, timeout=_CALL_TIMEOUT_S)
        except grpc.aio.AioRpcError as error:
            return web.json_response(_error_body(error), status=_HTTP_STATUS.get(error.code(), 500))
        return web.json_response(json_format.MessageToDict(response))


async def _page(_request: web.Request) -> web.Response:
    return web.Response(text=PAGE_HTML, content_type="text/html", headers={"Content-Security-Policy": _CSP})


async def _script(_request: web.Request) -> web.Response:
    return web.Response(text=PAGE_JS, content_type="text/javascript")


def create_app(channel: grpc.aio.Channel) -> web.Application:
    """The page and the bridge, calling identity through `channel`."""
    bridge = PasskeyBridge(channel)
    app = web.Application(client_max_size=128 * 1024)
    app.router.add_get("/", _page)
    app.router.add_get("/passkeys.js", _script)
    app.router.add_post(f"/{SERVICE}/{{method}}", bridge.handle)
    return app


@asynccontextmanager
async def serving(identity_target: str, sock: socket.socket) -> AsyncIterator[str]:
    """Serve the page on the bound, listening `sock`; yields its `http://localhost:<port>` origin.

    The caller binds the socket so that it knows the origin (which identity's
    settings must allow) before identity starts.
    """
    async with grpc.aio.insecure_channel(identity_target) as channel:
        runner = web.AppRunner(create_app(channel), access_log=None)
        await runner.setup()
        try:
            await web.SockSite(runner, sock).start()
            yield f"http://localhost:{sock.getsockname()[1]}"
        finally:
            await runner.cleanup()


def bind_localhost(port: int = 0) -> socket.socket:
    """A listening TCP socket on 127.0.0.1 (`localhost` is what the browser is sent to)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    sock.listen(64)
    sock.setblocking(False)
    return sock


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
        description="Serve the passkey browser-check page and its JSON bridge to identity "
        "(development only).",
    )
    parser.add_argument("--identity-target", default="127.0.0.1:50051", help="identity's gRPC host:port")
    parser.add_argument("--port", type=int, default=8080, help="port on 127.0.0.1 (served as localhost)")
    args = parser.parse_args(argv)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_serve_forever(args.identity_target, args.port))


if __name__ == "__main__":
    main()
