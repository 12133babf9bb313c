"""A local HTTPS server that speaks the few Azure Resource Manager and Entra calls the Azure
compute adapter makes.

Azure has no compute emulator, so tests drive the real azure-identity
(ClientSecretCredential) and azure-mgmt-compute/-network/-resource async
clients against this server at the account's endpoint: the ARM metadata
endpoint (`/metadata/endpoints`, as Azure Stack serves it: where to log in,
which token audience), the client-credentials token grant
(`/{tenant}/oauth2/v2.0/token`, checked against the registered service
principals), resource groups, virtual networks and virtual machines
(create, get, instanceView, list, start, deallocate, delete) with the
long-running-operation protocol the SDKs poll: 201/202 with
`Azure-AsyncOperation` and `Location` headers, an operation that answers
`InProgress` once before `Succeeded` or `Failed`. It serves TLS (the SDKs
send bearer tokens over https only) with a throwaway CA whose PEM is
written to `ca_file`. `refuse_next_create` makes the next VM create fail
as a region without capacity does (`AllocationFailed` from the operation,
the VM left in provisioning state `Failed`) or, for `OperationNotAllowed`,
as a spent quota does (a synchronous 409), or, for `AuthorizationFailed`, as
ARM answers a principal without a role allowing the write (a 403).
"""

from __future__ import annotations

import json
import re
import secrets
import ssl
import threading
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from tests.mesh import make_pki

_SUB = r"^/subscriptions/([^/]+)"
_RG = _SUB + r"/resourcegroups/([^/]+)"
_ROUTES = {
    "rg": re.compile(_RG + r"$", re.I),
    "vnet": re.compile(_RG + r"/providers/microsoft\.network/virtualnetworks/([^/]+)$", re.I),
    "vm": re.compile(_RG + r"/providers/microsoft\.compute/virtualmachines/([^/]+)$", re.I),
    "vm_action": re.compile(
        _RG + r"/providers/microsoft\.compute/virtualmachines/([^/]+)/(start|deallocate|instanceview)$", re.I
    ),
    "vm_list": re.compile(_RG + r"/providers/microsoft\.compute/virtualmachines$", re.I),
    "vm_list_all": re.compile(_SUB + r"/providers/microsoft\.compute/virtualmachines$", re.I),
    "operation": re.compile(
        _SUB + r"/providers/microsoft\.compute/locations/([^/]+)/operations/([^/]+)$", re.I
    ),
    "result": re.compile(
        _SUB + r"/providers/microsoft\.compute/locations/([^/]+)/operationresults/([^/]+)$", re.I
    ),
    "token": re.compile(r"^/([^/]+)/oauth2/v2\.0/token$"),
}


@dataclass
class Operation:
    location: str
    polls: int = 0
    error: dict[str, str] | None = None
    done: Callable[[], None] | None = None


@dataclass
class FakeArm:
    endpoint: str = ""
    ca_file: str = ""
    principals: dict[tuple[str, str], str] = field(default_factory=dict)  # (tenant, client) → secret
    subscriptions: dict[str, str] = field(default_factory=dict)  # subscription → its tenant
    tokens: dict[str, str] = field(default_factory=dict)  # token → tenant
    groups: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    networks: dict[tuple[str, str, str], dict[str, Any]] = field(default_factory=dict)
    machines: dict[tuple[str, str, str], dict[str, Any]] = field(default_factory=dict)  # keys lower-case
    operations: dict[str, Operation] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)
    refuse_next_create: str = ""

    def service_principal(self, tenant: str, subscription: str) -> tuple[str, str]:
        """A new service principal of `tenant` with access to `subscription`: (client id, secret)."""
        client = str(_uuid())
        secret = secrets.token_urlsafe(30)
        self.principals[(tenant, client)] = secret
        self.subscriptions[subscription] = tenant
        return client, secret


def _uuid() -> str:
    raw = secrets.token_hex(16)
    return f"{raw[:8]}-{raw[8:12]}-{raw[12:16]}-{raw[16:20]}-{raw[20:]}"


def _group_id(sub: str, group: str) -> str:
    return f"/subscriptions/{sub}/resourceGroups/{group}"


def _cloud_error(code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}


def _handler(fake: FakeArm) -> type[BaseHTTPRequestHandler]:
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
            self.send_header("x-ms-request-id", _uuid())
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

        def _body(self) -> bytes:
            return self.rfile.read(int(self.headers.get("Content-Length") or 0))

        def _json(self) -> dict[str, Any]:
            data = self._body()
            return json.loads(data) if data else {}

        def _accepted(
            self, status: int, sub: str, location: str, operation: Operation, body: Any = None
        ) -> None:
            """Start a long-running operation: the SDK polls Azure-AsyncOperation, then Location."""
            op_id = _uuid()
            fake.operations[op_id] = operation
            base = f"{fake.endpoint}/subscriptions/{sub}/providers/Microsoft.Compute/locations/{location}"
            headers = {
                "Azure-AsyncOperation": f"{base}/operations/{op_id}?api-version=2024-07-01",
                "retry-after-ms": "50",
            }
            if status == 202:
                headers["Location"] = f"{base}/operationResults/{op_id}?api-version=2024-07-01"
            self._send(status, body, headers)

        def _token(self, tenant: str) -> None:
            form = urllib.parse.parse_qs(self._body().decode())
            client = form.get("client_id", [""])[0]
            secret = fake.principals.get((tenant, client))
            if (
                form.get("grant_type") != ["client_credentials"]
                or secret is None
                or not secrets.compare_digest(secret, form.get("client_secret", [""])[0])
            ):
                self._send(
                    401,
                    {
                        "error": "invalid_client",
                        "error_description": "AADSTS7000215: Invalid client secret provided.",
                        "error_codes": [7000215],
                    },
                )
                return
            token = secrets.token_urlsafe(32)
            fake.tokens[token] = tenant
            self._send(
                200,
                {"token_type": "Bearer", "expires_in": 3599, "ext_expires_in": 3599, "access_token": token},
            )

        def _authorised(self, sub: str) -> bool:
            token = self.headers.get("Authorization", "").removeprefix("Bearer ")
            tenant = fake.tokens.get(token)
            if tenant is None:
                self._send(401, _cloud_error("InvalidAuthenticationToken", "The access token is invalid."))
                return False
            if fake.subscriptions.get(sub) != tenant:
                self._send(
                    403,
                    _cloud_error(
                        "AuthorizationFailed", f"The client does not have authorization over {sub}."
                    ),
                )
                return False
            return True

        def _route(self, method: str) -> None:
            parsed = urllib.parse.urlsplit(self.path)
            path = parsed.path
            fake.requests.append(f"{method} {path}")
            if path == "/metadata/endpoints" and method == "GET":
                self._send(
                    200,
                    {
                        "resourceManager": fake.endpoint + "/",
                        "authentication": {
                            "loginEndpoint": fake.endpoint + "/",
                            "audiences": [fake.endpoint + "/"],
                        },
                    },
                )
                return
            if (match := _ROUTES["token"].match(path)) and method == "POST":
                self._token(match[1])
                return
            route, match = next(
                ((name, m) for name, pattern in _ROUTES.items() if (m := pattern.match(path))), ("", None)
            )
            if match is None:
                self._send(404, _cloud_error("InvalidResourceType", f"no route {path}"))
                return
            if not self._authorised(match[1]):
                return
            handler = getattr(self, f"_{route}")
            handler(method, *match.groups())

        def _rg(self, method: str, sub: str, group: str) -> None:
            key = (sub, group.lower())
            if method == "PUT":
                body = self._json()
                existed = key in fake.groups
                fake.groups[key] = {
                    "id": f"/subscriptions/{sub}/resourceGroups/{group}",
                    "name": group,
                    "location": body["location"],
                    "tags": body.get("tags", {}),
                    "properties": {"provisioningState": "Succeeded"},
                }
                self._send(200 if existed else 201, fake.groups[key])
            elif method == "GET" and key in fake.groups:
                self._send(200, fake.groups[key])
            else:
                self._send(
                    404,
                    _cloud_error("ResourceGroupNotFound", f"Resource group '{group}' could not be found."),
                )

        def _vnet(self, method: str, sub: str, group: str, name: str) -> None:
            if (sub, group.lower()) not in fake.groups:
                self._send(
                    404,
                    _cloud_error("ResourceGroupNotFound", f"Resource group '{group}' could not be found."),
                )
                return
            key = (sub, group.lower(), name.lower())
            if method == "PUT":
                body = self._json()
                network = {
                    "id": f"{_group_id(sub, group)}/providers/Microsoft.Network/virtualNetworks/{name}",
                    "name": name,
                    "location": body["location"],
                    "properties": {**body.get("properties", {}), "provisioningState": "Succeeded"},
                }
                for subnet in network["properties"].get("subnets", []):
                    subnet["id"] = f"{network['id']}/subnets/{subnet['name']}"
                existed = key in fake.networks
                fake.networks[key] = network
                self._accepted(
                    200 if existed else 201, sub, body["location"], Operation(body["location"]), network
                )
            elif method == "GET" and key in fake.networks:
                self._send(200, fake.networks[key])
            else:
                self._send(404, _cloud_error("ResourceNotFound", f"virtual network {name} not found"))

        def _vm(self, method: str, sub: str, group: str, name: str) -> None:
            key = (sub, group.lower(), name.lower())
            if method == "PUT":
                self._create_vm(sub, group, name, key)
                return
            machine = fake.machines.get(key)
            if machine is None:
                if method == "DELETE":
                    self._send(204, None)
                else:
                    self._send(404, _cloud_error("ResourceNotFound", f"The Resource '{name}' was not found."))
                return
            if method == "GET":
                self._send(200, machine)
            elif method == "DELETE":
                machine["properties"]["provisioningState"] = "Deleting"

                def deleted() -> None:
                    fake.machines.pop(key, None)

                self._accepted(202, sub, machine["location"], Operation(machine["location"], done=deleted))
            else:
                self._send(405, _cloud_error("MethodNotAllowed", method))

        def _create_vm(self, sub: str, group: str, name: str, key: tuple[str, str, str]) -> None:
            if (sub, group.lower()) not in fake.groups:
                self._send(
                    404,
                    _cloud_error("ResourceGroupNotFound", f"Resource group '{group}' could not be found."),
                )
                return
            body = self._json()
            properties = body.get("properties", {})
            subnet = properties["networkProfile"]["networkInterfaceConfigurations"][0]["properties"][
                "ipConfigurations"
            ][0]["properties"]["subnet"]["id"]
            vnet = subnet.split("/subnets/")[0].rsplit("/", 1)[-1]
            if (sub, group.lower(), vnet.lower()) not in fake.networks:
                self._send(400, _cloud_error("InvalidResourceReference", f"subnet {subnet} not found"))
                return
            refusal, fake.refuse_next_create = fake.refuse_next_create, ""
            if refusal == "AuthorizationFailed":
                scope = f"{_group_id(sub, group)}/providers/Microsoft.Compute/virtualMachines/{name}"
                self._send(
                    403,
                    _cloud_error(
                        "AuthorizationFailed",
                        "The client '00000000-0000-0000-0000-000000000001' with object id "
                        "'00000000-0000-0000-0000-000000000001' does not have authorization to perform "
                        f"action 'Microsoft.Compute/virtualMachines/write' over scope '{scope}' or the "
                        "scope is invalid. If access was recently granted, please refresh your credentials.",
                    ),
                )
                return
            if refusal == "OperationNotAllowed":
                self._send(
                    409,
                    _cloud_error(
                        "OperationNotAllowed",
                        "Operation could not be completed as it results in exceeding approved "
                        "standardDSv5Family Cores quota.",
                    ),
                )
                return
            machine = {
                "id": f"{_group_id(sub, group)}/providers/Microsoft.Compute/virtualMachines/{name}",
                "name": name,
                "type": "Microsoft.Compute/virtualMachines",
                "location": body["location"],
                "tags": body.get("tags", {}),
                **({"zones": body["zones"]} if body.get("zones") else {}),
                "properties": {**properties, "vmId": _uuid(), "provisioningState": "Creating"},
                "_power": "starting",
            }
            fake.machines[key] = machine
            operation = Operation(body["location"])
            if refusal:
                operation.error = {
                    "code": refusal,
                    "message": "Allocation failed. We do not have sufficient capacity for the requested "
                    f"VM size in this region. ({refusal})",
                }

                def failed() -> None:
                    machine["properties"]["provisioningState"] = "Failed"
                    machine["_power"] = "deallocated"

                operation.done = failed
            else:

                def created() -> None:
                    machine["properties"]["provisioningState"] = "Succeeded"
                    machine["_power"] = "running"

                operation.done = created
            self._accepted(201, sub, body["location"], operation, _public(machine))

        def _vm_action(self, method: str, sub: str, group: str, name: str, action: str) -> None:
            machine = fake.machines.get((sub, group.lower(), name.lower()))
            if machine is None:
                self._send(404, _cloud_error("ResourceNotFound", f"The Resource '{name}' was not found."))
                return
            if action.lower() == "instanceview" and method == "GET":
                self._send(
                    200,
                    {
                        "computerName": name,
                        "statuses": [
                            {
                                "code": "ProvisioningState/"
                                + machine["properties"]["provisioningState"].lower()
                            },
                            {"code": f"PowerState/{machine['_power']}"},
                        ],
                    },
                )
                return
            if method != "POST":
                self._send(405, _cloud_error("MethodNotAllowed", method))
                return
            self._body()
            target = "running" if action.lower() == "start" else "deallocated"
            machine["_power"] = "starting" if target == "running" else "deallocating"

            def settled() -> None:
                machine["_power"] = target

            self._accepted(202, sub, machine["location"], Operation(machine["location"], done=settled))

        def _vm_list(self, method: str, sub: str, group: str) -> None:
            items = [
                _public(m) for (s, g, _), m in sorted(fake.machines.items()) if (s, g) == (sub, group.lower())
            ]
            self._send(200, {"value": items})

        def _vm_list_all(self, method: str, sub: str) -> None:
            self._send(
                200, {"value": [_public(m) for (s, _, _), m in sorted(fake.machines.items()) if s == sub]}
            )

        def _operation(self, method: str, sub: str, location: str, op_id: str) -> None:
            operation = fake.operations.get(op_id)
            if operation is None:
                self._send(404, _cloud_error("NotFound", "no such operation"))
                return
            operation.polls += 1
            if operation.polls == 1:  # once in progress: the SDK must poll again
                self._send(200, {"name": op_id, "status": "InProgress"}, {"retry-after-ms": "50"})
                return
            if operation.done is not None:
                operation.done()
                operation.done = None
            if operation.error:
                self._send(200, {"name": op_id, "status": "Failed", "error": operation.error})
            else:
                self._send(200, {"name": op_id, "status": "Succeeded"})

        def _result(self, method: str, sub: str, location: str, op_id: str) -> None:
            self._send(204 if op_id in fake.operations else 404, None)

        def do_GET(self) -> None:
            self._route("GET")

        def do_PUT(self) -> None:
            self._route("PUT")

        def do_POST(self) -> None:
            self._route("POST")

        def do_DELETE(self) -> None:
            self._route("DELETE")

    return Handler


def _public(machine: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in machine.items() if not k.startswith("_")}


def serve_fake_arm(workdir: Path) -> Iterator[FakeArm]:
    pki = make_pki()
    (workdir / "ca.pem").write_bytes(pki.ca_pem)
    (workdir / "server.pem").write_bytes(pki.server_cert_pem)
    (workdir / "server.key").write_bytes(pki.server_key_pem)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(workdir / "server.pem", workdir / "server.key")
    fake = FakeArm(ca_file=str(workdir / "ca.pem"))
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(fake))
    server.socket = context.wrap_socket(server.socket, server_side=True)
    fake.endpoint = f"https://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
