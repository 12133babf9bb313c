"""A local HTTP server that speaks the few Compute Engine REST calls the GCP adapter makes.

GCP has no Compute Engine emulator, so tests drive the real google-cloud-compute
client (and google-auth) against this server at the account's endpoint:
OAuth (a service-account JWT, either sent as the bearer token or exchanged at
`/token`), instances insert/get/list and aggregatedList (with `labels.k = "v"`
filters)/stop/start/delete, and zone operations; with `storage` (a gcp-storage-emulator's
URL) it passes Cloud Storage's paths on to that emulator once the caller's
token is checked, so one endpoint serves both APIs as www.googleapis.com
does. Every JWT is checked against the public
key of the service account it names, so a wrong key is refused as Google
would refuse it; `forbidden_buckets` answers as Cloud Storage does for a
bucket the service account has no role on (403; 409 to creating the name).
It keeps instances in memory; `refuse_next_insert` makes the
next insert fail as a zone without capacity does.
"""

from __future__ import annotations

import http.client
import io
import json
import re
import secrets
import threading
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

_INSTANCES = re.compile(
    r"^/compute/v1/projects/([^/]+)/zones/([^/]+)/instances(?:/([^/]+)(?:/(stop|start))?)?$"
)
_AGGREGATED = re.compile(r"^/compute/v1/projects/([^/]+)/aggregated/instances$")
_OPERATION = re.compile(r"^/compute/v1/projects/([^/]+)/zones/([^/]+)/operations/([^/]+)$")
_BUCKET = re.compile(r"^/(?:upload/|download/)?storage/v1/b/([^/]+)")
_STORAGE_PATHS = ("/storage/v1/", "/upload/storage/v1/", "/download/storage/v1/")
_FILTER = re.compile(r'labels\.([a-z0-9_-]+)\s*=\s*"([^"]*)"')


@dataclass
class FakeCompute:
    endpoint: str = ""
    keys: dict[str, Any] = field(default_factory=dict)  # client_email → public key
    tokens: set[str] = field(default_factory=set)
    instances: dict[tuple[str, str, str], dict[str, Any]] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)
    refuse_next_insert: str = ""
    storage: str = ""  # the Cloud Storage emulator the storage paths are passed to, once authorised
    # Buckets the caller's service account has no role on (another project's): Cloud Storage
    # answers 403 for them, and 409 to a create of the name (gcp-storage-emulator has no IAM).
    forbidden_buckets: set[str] = field(default_factory=set)

    def service_account(self, project: str, email: str) -> dict[str, str]:
        """A new key for `email`, registered here; returns the key file as Google gives it."""
        private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.keys[email] = private.public_key()
        pem = private.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        ).decode()
        return {
            "type": "service_account",
            "project_id": project,
            "private_key_id": secrets.token_hex(20),
            "private_key": pem,
            "client_email": email,
            "client_id": "1" * 21,
            "token_uri": f"{self.endpoint}/token",
        }

    def check_jwt(self, token: str) -> bool:
        try:
            claims = jwt.decode(token, options={"verify_signature": False})
            key = self.keys.get(str(claims.get("iss")))
            if key is None:
                return False
            jwt.decode(token, key, algorithms=["RS256"], options={"verify_aud": False})
        except jwt.PyJWTError:
            return False
        return True


def _operation(project: str, zone: str, kind: str, target: str, error: str = "") -> dict[str, Any]:
    answer: dict[str, Any] = {
        "kind": "compute#operation",
        "name": f"operation-{secrets.token_hex(6)}",
        "zone": f"projects/{project}/zones/{zone}",
        "operationType": kind,
        "targetLink": target,
        "status": "DONE",
        "progress": 100,
    }
    if error:
        answer["error"] = {"errors": [{"code": error, "message": f"{error}: the zone has no capacity"}]}
        answer["httpErrorStatusCode"] = 503
        answer["httpErrorMessage"] = f"SERVICE UNAVAILABLE: {error}"
    return answer


def _handler(fake: FakeCompute) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

        def _send(self, status: int, body: dict[str, Any]) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _body(self) -> bytes:
            return self.rfile.read(int(self.headers.get("Content-Length") or 0))

        def _authorised(self) -> bool:
            token = self.headers.get("Authorization", "").removeprefix("Bearer ")
            if token in fake.tokens or fake.check_jwt(token):
                return True
            self._send(
                401, {"error": {"code": 401, "message": "Request had invalid authentication credentials."}}
            )
            return False

        def _route(self, method: str) -> None:
            parsed = urllib.parse.urlsplit(self.path)
            fake.requests.append(f"{method} {parsed.path}")
            if parsed.path == "/token" and method == "POST":
                form = urllib.parse.parse_qs(self._body().decode())
                if fake.check_jwt(form.get("assertion", [""])[0]):
                    token = secrets.token_urlsafe(24)
                    fake.tokens.add(token)
                    self._send(200, {"access_token": token, "expires_in": 3600, "token_type": "Bearer"})
                else:
                    self._send(400, {"error": "invalid_grant", "error_description": "Invalid JWT Signature."})
                return
            if not self._authorised():
                return
            if fake.storage and parsed.path.startswith(_STORAGE_PATHS):
                if self._refuse_storage(method, parsed.path):
                    return
                self._pass_to_storage(method)
                return
            if (match := _AGGREGATED.match(parsed.path)) and method == "GET":
                wanted = dict(_FILTER.findall(urllib.parse.parse_qs(parsed.query).get("filter", [""])[0]))
                scopes: dict[str, Any] = {}
                for (p, z, _), i in sorted(fake.instances.items()):
                    if p == match[1] and all(i.get("labels", {}).get(k) == v for k, v in wanted.items()):
                        scopes.setdefault(f"zones/{z}", {"instances": []})["instances"].append(i)
                self._send(200, {"kind": "compute#instanceAggregatedList", "items": scopes})
                return
            if match := _OPERATION.match(parsed.path):
                self._send(200, _operation(match[1], match[2], "get", ""))
                return
            match = _INSTANCES.match(parsed.path)
            if match is None:
                self._send(404, {"error": {"code": 404, "message": f"no route {parsed.path}"}})
                return
            project, zone, name, verb = match.groups()
            link = f"projects/{project}/zones/{zone}/instances/{name or ''}"
            if method == "POST" and name is None:
                body = json.loads(self._body())
                if fake.refuse_next_insert:
                    code, fake.refuse_next_insert = fake.refuse_next_insert, ""
                    self._send(200, _operation(project, zone, "insert", link + body["name"], code))
                    return
                body.update(
                    status="RUNNING", zone=f"projects/{project}/zones/{zone}", id=str(len(fake.instances) + 1)
                )
                fake.instances[(project, zone, body["name"])] = body
                self._send(200, _operation(project, zone, "insert", link + body["name"]))
                return
            if method == "GET" and name is None:
                wanted = dict(_FILTER.findall(urllib.parse.parse_qs(parsed.query).get("filter", [""])[0]))
                items = [
                    i
                    for (p, z, _), i in sorted(fake.instances.items())
                    if (p, z) == (project, zone)
                    and all(i.get("labels", {}).get(k) == v for k, v in wanted.items())
                ]
                self._send(200, {"kind": "compute#instanceList", "items": items})
                return
            instance = fake.instances.get((project, zone, name or ""))
            if instance is None:
                self._send(404, {"error": {"code": 404, "message": f"The resource '{link}' was not found"}})
                return
            if method == "GET":
                self._send(200, instance)
            elif method == "DELETE":
                del fake.instances[(project, zone, name or "")]
                self._send(200, _operation(project, zone, "delete", link))
            elif method == "POST" and verb in ("stop", "start"):
                self._body()
                instance["status"] = "TERMINATED" if verb == "stop" else "RUNNING"
                self._send(200, _operation(project, zone, verb, link))
            else:
                self._send(405, {"error": {"code": 405, "message": "method not allowed"}})

        def _refuse_storage(self, method: str, path: str) -> bool:
            """Cloud Storage's own answers about a bucket of another project: True when sent."""
            named = _BUCKET.match(path)
            if named and urllib.parse.unquote(named[1]) in fake.forbidden_buckets:
                self._body()
                message = (
                    "runner@moda-broker.iam.gserviceaccount.com does not have storage.objects.list "
                    "access to the Google Cloud Storage bucket. Permission 'storage.objects.list' "
                    "denied on resource (or it may not exist)."
                )
                self._send(
                    403,
                    {
                        "error": {
                            "code": 403,
                            "message": message,
                            "errors": [{"message": message, "domain": "global", "reason": "forbidden"}],
                        }
                    },
                )
                return True
            if method == "POST" and path.rstrip("/") == "/storage/v1/b":
                body = self._body()
                self.rfile = io.BytesIO(body)  # read again by the pass-through
                if json.loads(body or b"{}").get("name") in fake.forbidden_buckets:
                    message = (
                        "The requested bucket name is not available. The bucket namespace is shared "
                        "by all users of the system. Please select a different name and try again."
                    )
                    self._send(
                        409,
                        {
                            "error": {
                                "code": 409,
                                "message": message,
                                "errors": [{"message": message, "domain": "global", "reason": "conflict"}],
                            }
                        },
                    )
                    return True
            return False

        def _pass_to_storage(self, method: str) -> None:
            """Cloud Storage's paths go to gcp-storage-emulator (the token was checked here)."""
            target = urllib.parse.urlsplit(fake.storage)
            body = self._body()
            headers = {
                k: v
                for k, v in self.headers.items()
                if k.lower() not in ("host", "authorization", "connection", "transfer-encoding")
            }
            connection = http.client.HTTPConnection(target.hostname or "", target.port, timeout=60)
            try:
                connection.request(method, self.path, body=body, headers=headers)
                answer = connection.getresponse()
                data = answer.read()
            finally:
                connection.close()
            self.send_response(answer.status)
            for name, value in answer.getheaders():
                if name.lower() in ("content-length", "transfer-encoding", "connection", "server", "date"):
                    continue
                if name.lower() == "location":
                    value = value.replace(fake.storage, fake.endpoint)
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            self._route("GET")

        def do_PUT(self) -> None:
            self._route("PUT")

        def do_PATCH(self) -> None:
            self._route("PATCH")

        def do_POST(self) -> None:
            self._route("POST")

        def do_DELETE(self) -> None:
            self._route("DELETE")

    return Handler


def serve_fake_compute(storage: str = "") -> Iterator[FakeCompute]:
    fake = FakeCompute(storage=storage)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(fake))
    fake.endpoint = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
