"""A local HTTP server that speaks the few Keystone v3 and Nova calls the OpenStack adapter makes.

No OpenStack runs here (DevStack needs a whole machine), so tests drive the
real openstacksdk and keystoneauth1 against this server: Keystone v3 token
issue with application credentials (`POST /identity/v3/auth/tokens`,
checked against the registered credentials; the token's service catalog
points at the Nova endpoint below, in `region`), Nova's version documents,
flavors (list, get; `flavors` replaces the three m1 ones, e.g. with a
committed `/flavors/detail` excerpt), servers (create in one of `zones`
via `availability_zone`, get, list with details, `os-start` /
`os-stop` actions, delete). A new server is `BUILD` at its first read and
`ACTIVE` after. `refuse_next_create` makes the next create fail as a cloud
without room does: "quota" as Nova's 403 "Quota exceeded", "no_valid_host"
as a server that goes to `ERROR` with the scheduler's "No valid host" fault.
"""

from __future__ import annotations

import json
import re
import secrets
import threading
import urllib.parse
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

FLAVORS = (
    ("1", "m1.small", 1, 2048),
    ("2", "m1.medium", 2, 4096),
    ("3", "m1.large", 4, 8192),
)
_SERVER = re.compile(r"^/compute/v2\.1/servers/([^/]+)(/action)?$")
_FLAVOR = re.compile(r"^/compute/v2\.1/flavors/([^/]+)$")


@dataclass
class FakeOpenStack:
    endpoint: str = ""
    credentials: dict[str, str] = field(default_factory=dict)  # application credential id → secret
    tokens: set[str] = field(default_factory=set)
    servers: dict[str, dict[str, Any]] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)
    refuse_next_create: str = ""
    region: str = "RegionOne"
    zones: tuple[str, ...] = ("nova",)  # availability zones; the first is where unpinned servers go
    # Flavors as Nova's GET /flavors/detail shows them (with extra_specs, microversion 2.61+).
    flavors: list[dict[str, Any]] = field(default_factory=list)

    def flavor_documents(self) -> list[dict[str, Any]]:
        return self.flavors or [_flavor(f, self.endpoint) for f in FLAVORS]

    @property
    def auth_url(self) -> str:
        return f"{self.endpoint}/identity/v3"

    def application_credential(self) -> tuple[str, str]:
        """A new application credential: (id, secret)."""
        credential, secret = uuid.uuid4().hex, secrets.token_urlsafe(30)
        self.credentials[credential] = secret
        return credential, secret


def _flavor(flavor: tuple[str, str, int, int], base: str) -> dict[str, Any]:
    flavor_id, name, vcpus, ram = flavor
    return {
        "id": flavor_id,
        "name": name,
        "vcpus": vcpus,
        "ram": ram,
        "disk": 20,
        "OS-FLV-EXT-DATA:ephemeral": 0,
        "swap": 0,
        "rxtx_factor": 1.0,
        "os-flavor-access:is_public": True,
        "links": [{"rel": "self", "href": f"{base}/compute/v2.1/flavors/{flavor_id}"}],
    }


def _handler(fake: FakeOpenStack) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def _send(
            self, status: int, body: dict[str, Any] | None, headers: dict[str, str] | None = None
        ) -> None:
            data = json.dumps(body).encode() if body is not None else b""
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("OpenStack-API-Version", "compute 2.79")
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

        def _json(self) -> dict[str, Any]:
            data = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            return json.loads(data) if data else {}

        def _issue_token(self) -> None:
            identity = self._json().get("auth", {}).get("identity", {})
            given = identity.get("application_credential", {})
            secret = fake.credentials.get(str(given.get("id")))
            if (
                "application_credential" not in identity.get("methods", [])
                or secret is None
                or not (secrets.compare_digest(secret, str(given.get("secret", ""))))
            ):
                self._send(
                    401,
                    {
                        "error": {
                            "code": 401,
                            "title": "Unauthorized",
                            "message": "The request you have made requires authentication.",
                        }
                    },
                )
                return
            token = secrets.token_urlsafe(32)
            fake.tokens.add(token)
            now = datetime.now(UTC)
            self._send(
                201,
                {
                    "token": {
                        "methods": ["application_credential"],
                        "expires_at": (now + timedelta(hours=1)).isoformat().replace("+00:00", "Z"),
                        "issued_at": now.isoformat().replace("+00:00", "Z"),
                        "user": {
                            "id": "u1",
                            "name": "broker",
                            "domain": {"id": "default", "name": "Default"},
                        },
                        "project": {
                            "id": "p1",
                            "name": "agency",
                            "domain": {"id": "default", "name": "Default"},
                        },
                        "roles": [{"id": "r1", "name": "member"}],
                        "application_credential": {"id": given["id"], "name": "jipan", "restricted": True},
                        "catalog": [
                            {
                                "type": "compute",
                                "name": "nova",
                                "id": "c1",
                                "endpoints": [
                                    {
                                        "id": "e1",
                                        "interface": "public",
                                        "region": fake.region,
                                        "region_id": fake.region,
                                        "url": f"{fake.endpoint}/compute/v2.1",
                                    }
                                ],
                            }
                        ],
                    }
                },
                {"X-Subject-Token": token},
            )

        def _route(self, method: str) -> None:
            parsed = urllib.parse.urlsplit(self.path)
            path = parsed.path.rstrip("/")
            fake.requests.append(f"{method} {path}")
            if path == "/identity/v3/auth/tokens" and method == "POST":
                self._issue_token()
                return
            if path == "/identity/v3" and method == "GET":
                self._send(
                    200,
                    {
                        "version": {
                            "id": "v3.14",
                            "status": "stable",
                            "links": [{"rel": "self", "href": fake.auth_url + "/"}],
                        }
                    },
                )
                return
            if self.headers.get("X-Auth-Token", "") not in fake.tokens:
                self._send(401, {"error": {"code": 401, "title": "Unauthorized", "message": "unauthorized"}})
                return
            version = {
                "id": "v2.1",
                "status": "CURRENT",
                "version": "2.79",
                "min_version": "2.1",
                "updated": "2013-07-23T11:33:21Z",
                "links": [{"rel": "self", "href": f"{fake.endpoint}/compute/v2.1/"}],
            }
            if path == "/compute" and method == "GET":
                self._send(200, {"versions": [version]})
            elif path == "/compute/v2.1" and method == "GET":
                self._send(200, {"version": version})
            elif path in ("/compute/v2.1/flavors", "/compute/v2.1/flavors/detail") and method == "GET":
                self._send(200, {"flavors": fake.flavor_documents()})
            elif match := _FLAVOR.match(path):
                found = next((f for f in fake.flavor_documents() if f["id"] == match[1]), None)
                if found is None:
                    self._send(
                        404,
                        {"itemNotFound": {"code": 404, "message": f"Flavor {match[1]} could not be found."}},
                    )
                else:
                    self._send(200, {"flavor": found})
            elif path == "/compute/v2.1/servers" and method == "POST":
                self._create(self._json()["server"])
            elif path in ("/compute/v2.1/servers", "/compute/v2.1/servers/detail") and method == "GET":
                self._send(200, {"servers": [self._shown(s) for s in fake.servers.values()]})
            elif match := _SERVER.match(path):
                self._server(method, match[1], bool(match[2]))
            else:
                self._send(404, {"itemNotFound": {"code": 404, "message": f"no route {path}"}})

        def _create(self, body: dict[str, Any]) -> None:
            refusal, fake.refuse_next_create = fake.refuse_next_create, ""
            if refusal == "quota":
                self._send(
                    403,
                    {
                        "forbidden": {
                            "code": 403,
                            "message": "Quota exceeded for cores: Requested 2, but already "
                            "used 20 of 20 cores",
                        }
                    },
                )
                return
            flavor = next((f for f in fake.flavor_documents() if f["id"] == str(body.get("flavorRef"))), None)
            if flavor is None:
                self._send(400, {"badRequest": {"code": 400, "message": "Invalid flavorRef provided."}})
                return
            zone = str(body.get("availability_zone") or fake.zones[0])
            if zone not in fake.zones:
                self._send(
                    400,
                    {
                        "badRequest": {
                            "code": 400,
                            "message": "The requested availability zone is not available",
                        }
                    },
                )
                return
            server_id = str(uuid.uuid4())
            fake.servers[server_id] = {
                "id": server_id,
                "name": body["name"],
                "status": "BUILD",
                "OS-EXT-AZ:availability_zone": zone,
                "flavor": {
                    "original_name": flavor["name"],
                    "vcpus": flavor["vcpus"],
                    "ram": flavor["ram"],
                    "disk": flavor["disk"],
                },
                "image": {"id": body.get("imageRef", "")},
                "metadata": body.get("metadata", {}),
                "tenant_id": "p1",
                "user_id": "u1",
                "_reads": 0,
                "_fail": refusal == "no_valid_host",
            }
            self._send(
                202,
                {
                    "server": {
                        "id": server_id,
                        "links": [],
                        "adminPass": secrets.token_urlsafe(9),
                        "OS-DCF:diskConfig": "MANUAL",
                        "security_groups": [{"name": "default"}],
                    }
                },
            )

        def _shown(self, server: dict[str, Any]) -> dict[str, Any]:
            server["_reads"] += 1
            if server["status"] == "BUILD" and server["_reads"] > 1:
                if server["_fail"]:
                    server["status"] = "ERROR"
                    server["fault"] = {
                        "code": 500,
                        "message": "No valid host was found. There are not enough hosts available.",
                        "created": datetime.now(UTC).isoformat(),
                    }
                else:
                    server["status"] = "ACTIVE"
            return {k: v for k, v in server.items() if not k.startswith("_")}

        def _server(self, method: str, server_id: str, action: bool) -> None:
            server = fake.servers.get(server_id)
            if server is None:
                self._send(
                    404,
                    {"itemNotFound": {"code": 404, "message": f"Instance {server_id} could not be found."}},
                )
                return
            if action and method == "POST":
                body = self._json()
                if "os-stop" in body:
                    server["status"] = "SHUTOFF"
                elif "os-start" in body:
                    server["status"] = "ACTIVE"
                else:
                    self._send(400, {"badRequest": {"code": 400, "message": "unknown action"}})
                    return
                self._send(202, None)
            elif method == "GET" and not action:
                self._send(200, {"server": self._shown(server)})
            elif method == "DELETE" and not action:
                del fake.servers[server_id]
                self._send(204, None)
            else:
                self._send(405, {"error": {"code": 405, "message": "method not allowed"}})

        def do_GET(self) -> None:
            self._route("GET")

        def do_POST(self) -> None:
            self._route("POST")

        def do_DELETE(self) -> None:
            self._route("DELETE")

    return Handler


def serve_fake_openstack() -> Iterator[FakeOpenStack]:
    fake = FakeOpenStack()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(fake))
    fake.endpoint = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
