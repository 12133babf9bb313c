"""One `jipan up`, started by the tests, that every SDK's example runs against.

The mesh runs as a user starts it (`python -m jipan.servers.cli up`, dev
mode, every registered service) on a database of its own, with the built-in
inference models off (the examples do not call them). It is seeded the way an
organisation would prepare for an SDK user:

- a service account `services/sdk-example-…` in the development organisation
  `orgs/dev`, allowed `procurement.read` only, with an Ed25519 key whose PEM
  private key is written to a file: the examples exchange an RFC 7523
  assertion signed with it for an access token (as `jipan.clients
  .service_tokens` does), never a token minted by the test;
- three approved listings whose product names contain 「雲端備份」 and two
  that do not, so a `SearchListings` for 雲端備份 with `page_size` 2 has
  exactly two pages and three hits.

Each example reads JIPAN_TARGET, JIPAN_TOKEN_ISSUER, JIPAN_SERVICE_ACCOUNT and
JIPAN_SERVICE_ACCOUNT_KEY_FILE and prints the lines `check_example_output`
checks.
"""

from __future__ import annotations

import asyncio
import os
import re
import socket
import subprocess
import sys
import threading
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

import grpc
import pytest
import pytest_asyncio
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from jipan.identity.v1 import resources_pb2 as ires
from jipan.identity.v1 import service_account_service_pb2 as sa_pb
from jipan.identity.v1 import service_account_service_pb2_grpc as sa_grpc
from jipan.interceptors.tokens import DevSigningKey, mint_access_token
from jipan.procurement.v1 import catalog_service_pb2 as cpb
from jipan.procurement.v1 import catalog_service_pb2_grpc as cpb_grpc
from jipan.procurement.v1 import resources_pb2 as pres
from jipan.procurement.v1 import review_service_pb2 as rpb
from jipan.procurement.v1 import review_service_pb2_grpc as rpb_grpc
from tests.conftest import fresh_database
from tests.descriptor_walk import all_grants, registered_methods
from tests.mesh import make_pki
from tests.procurement.helpers import good_sla, software_listing
from tests.subprocess_mesh import exiting_with_parent
from tests.webauthn_soft import b64url

ROOT = Path(__file__).resolve().parents[2]
ISSUER = "https://identity.jipan.test"
AUDIENCE = "jipan-sdk-tests"
DEV_PERSON = "people/397a02e48ac85ec48391bc99a560df01"
READY = re.compile(r"jipan ready on (\S+) ")
GATEWAY = re.compile(r" gateway (http://\S+?)/? ")
QUERY = "雲端備份"
PAGE_SIZE = 2


@dataclass(frozen=True)
class MeshTls:
    """PEM files for a mesh that requires mTLS: the CA that signed the server's and the
    client's certificates, and the client certificate and key an SDK presents."""

    ca_file: Path
    cert_file: Path
    key_file: Path

    @staticmethod
    def create(directory: Path) -> MeshTls:
        pki = make_pki(client_cn="services/sdk-example")
        directory.mkdir(parents=True, exist_ok=True)
        files = {
            "ca.pem": pki.ca_pem,
            "server.pem": pki.server_cert_pem,
            "server-key.pem": pki.server_key_pem,
            "client.pem": pki.client_cert_pem,
            "client-key.pem": pki.client_key_pem,
        }
        for name, data in files.items():
            (directory / name).write_bytes(data)
            (directory / name).chmod(0o600)
        return MeshTls(directory / "ca.pem", directory / "client.pem", directory / "client-key.pem")

    def server_env(self, address: str) -> dict[str, str]:
        """`jipan up` with TLS that requires client certificates; its own calls to ledger,
        inference and procurement go to `address` over mTLS with the same client certificate."""
        ca, directory = str(self.ca_file), self.ca_file.parent
        env = {
            "JIPAN_TLS_CERT_FILE": str(directory / "server.pem"),
            "JIPAN_TLS_KEY_FILE": str(directory / "server-key.pem"),
            "JIPAN_TLS_CLIENT_CA_FILE": ca,
            "JIPAN_OUTBOUND_TLS_CERT_FILE": str(self.cert_file),
            "JIPAN_OUTBOUND_TLS_KEY_FILE": str(self.key_file),
            # The Connect gateway dials this TLS server too.
            "JIPAN_GATEWAY_MESH_CA_FILE": ca,
        }
        for target in (
            "LEDGER_TARGET",
            "INFERENCE_TARGET",
            "MARKET_PROCUREMENT_TARGET",
            "PROCUREMENT_PRIVACY_TARGET",
            "MARKET_CLOUD_TARGET",
            "DATASPACE_PRIVACY_TARGET",
            "DATASPACE_FACTCHECK_TARGET",
        ):
            env[f"JIPAN_{target}"] = address
            env[f"JIPAN_{target}_CA_FILE"] = ca
        return env

    def channel(self, address: str) -> grpc.aio.Channel:
        credentials = grpc.ssl_channel_credentials(
            root_certificates=self.ca_file.read_bytes(),
            private_key=self.key_file.read_bytes(),
            certificate_chain=self.cert_file.read_bytes(),
        )
        return grpc.aio.secure_channel(address, credentials)


def free_address() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"127.0.0.1:{probe.getsockname()[1]}"


@dataclass
class SdkMesh:
    address: str
    service_account: str
    key_file: Path
    hits: list[str]
    """Names of the approved listings a search for QUERY must find."""
    output: list[str] = field(default_factory=list)
    pid: int = 0
    tls: MeshTls | None = None
    """Where the mesh requires TLS with client certificates: the files an SDK needs."""
    gateway: str = ""
    """The Connect gateway's URL from the ready line (no trailing slash)."""

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("JIPAN_")}
        env.update(
            {
                "JIPAN_TARGET": self.address,
                "JIPAN_TOKEN_ISSUER": ISSUER,
                "JIPAN_SERVICE_ACCOUNT": self.service_account,
                "JIPAN_SERVICE_ACCOUNT_KEY_FILE": str(self.key_file),
                "JIPAN_EXAMPLE_QUERY": QUERY,
                "JIPAN_EXAMPLE_PAGE_SIZE": str(PAGE_SIZE),
            }
        )
        if self.tls is not None:
            env.update(
                {
                    "JIPAN_TLS_CA_FILE": str(self.tls.ca_file),
                    "JIPAN_TLS_CERT_FILE": str(self.tls.cert_file),
                    "JIPAN_TLS_KEY_FILE": str(self.tls.key_file),
                }
            )
        return env


def check_example_output(mesh: SdkMesh, stdout: str) -> None:
    """What every language's example must print (one fact per line, same words everywhere)."""
    lines = stdout.splitlines()
    assert f"whoami {mesh.service_account}" in lines, stdout
    found = [line.removeprefix("listing ") for line in lines if line.startswith("listing ")]
    assert sorted(found) == sorted(mesh.hits), stdout
    pages = [line for line in lines if line.startswith("page ")]
    assert pages == ["page 1 2", "page 2 1"], stdout  # two pages of page_size 2: 2 + 1 hits
    # The service account lacks procurement.write: CreateLot is refused with its ErrorInfo.
    assert "refused PERMISSION_DENIED SCOPE_MISSING common.jipan.tw" in lines, stdout
    # A negative page size: INVALID_ARGUMENT, and BadRequest names the field.
    assert "invalid INVALID_ARGUMENT FIELD_INVALID page_size" in lines, stdout


def _bearer(token: str) -> tuple[tuple[str, str]]:
    return (("authorization", f"Bearer {token}"),)


async def _seed(address: str, data_dir: Path, work: Path, tls: MeshTls | None) -> tuple[str, Path, list[str]]:
    key = DevSigningKey.load_or_create(data_dir)
    scopes, roles = all_grants(registered_methods())  # as `jipan token --dev --all-grants`
    admin = mint_access_token(
        key,
        subject=DEV_PERSON,
        audience=AUDIENCE,
        issuer=ISSUER,
        scopes=scopes,
        org="orgs/dev",
        roles=roles,
        ttl_s=900,
    )
    async with tls.channel(address) if tls else grpc.aio.insecure_channel(address) as channel:
        accounts = sa_grpc.ServiceAccountServiceStub(channel)
        # The first call waits for the channel (a connection attempt that fails while the host
        # is busy is tried again) instead of failing on it; 60 s at most.
        account = await accounts.CreateServiceAccount(
            sa_pb.CreateServiceAccountRequest(
                service_account_id=f"sdk-example-{uuid.uuid4().hex[:8]}",
                service_account=ires.ServiceAccount(
                    organization="orgs/dev", display_name="SDK example", scopes=["procurement.read"]
                ),
            ),
            metadata=_bearer(admin),
            wait_for_ready=True,
            timeout=60,
        )
        private = Ed25519PrivateKey.generate()
        x = b64url(
            private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        )
        await accounts.CreateServiceAccountKey(
            sa_pb.CreateServiceAccountKeyRequest(
                parent=account.service_account.name,
                service_account_key=ires.ServiceAccountKey(
                    public_key=ires.JsonWebKey(kty="OKP", crv="Ed25519", x=x)
                ),
            ),
            metadata=_bearer(admin),
        )
        key_file = work / "service-account.pem"
        key_file.write_bytes(
            private.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
        )
        key_file.chmod(0o600)

        catalog = cpb_grpc.CatalogServiceStub(channel)
        lot = await catalog.CreateLot(
            cpb.CreateLotRequest(
                lot=pres.Lot(
                    display_name="雲端服務",
                    category=pres.CATEGORY_CLOUD_SERVICES,
                    contract_number=uuid.uuid4().hex,
                )
            ),
            metadata=_bearer(admin),
        )
        review = rpb_grpc.ListingReviewServiceStub(channel)
        hits: list[str] = []
        names = [f"{QUERY} CloudVault {n}" for n in (1, 2, 3)] + [
            "公文管理系統 Document Manager",
            "視訊會議 Meet",
        ]
        for product in names:
            listing = await catalog.CreateListing(
                cpb.CreateListingRequest(
                    parent="vendors/dev",
                    listing=software_listing(
                        lot.lot.name,
                        product_name=product,
                        description=product,
                        licence_terms=pres.LicenceTerms(distribution=pres.DISTRIBUTION_SAAS),
                        sla=good_sla(),
                    ),
                    request_id=str(uuid.uuid4()),
                ),
                metadata=_bearer(admin),
            )
            submitted = await review.SubmitListing(
                rpb.SubmitListingRequest(listing=listing.listing.name), metadata=_bearer(admin)
            )
            assert submitted.listing.state == pres.LISTING_STATE_APPROVED, submitted
            if QUERY in product:
                hits.append(listing.listing.name)
    return account.service_account.name, key_file, hits


@asynccontextmanager
async def running_sdk_mesh(own_database: str, work: Path, *, mtls: bool = False) -> AsyncIterator[SdkMesh]:
    """`jipan up` on `own_database` (an empty database), seeded; stopped on exit (also bench/sdks.py).

    With `mtls`, the mesh serves TLS only and requires a client certificate from every
    caller, its own calls between services included (SdkMesh.tls has the files)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("JIPAN_")}
    env.update(
        {
            "XDG_STATE_HOME": str(work / "state"),
            "JIPAN_DATA_DIR": str(work / "data"),
            "JIPAN_DATABASE_URL": own_database,
            "JIPAN_LISTEN": "127.0.0.1:0",
            "JIPAN_GRACE_PERIOD_S": "1",
            "JIPAN_TOKEN_ISSUER": ISSUER,
            "JIPAN_TOKEN_AUDIENCE": AUDIENCE,
            "JIPAN_INFERENCE_BUILTIN_MODELS": "false",
            "JIPAN_LOG_LEVEL": "warning",
            "JIPAN_GATEWAY_PORT": "0",
        }
    )
    tls = MeshTls.create(work / "pki") if mtls else None
    if tls is not None:
        listen = free_address()
        env.update({"JIPAN_LISTEN": listen, **tls.server_env(listen)})
    process = subprocess.Popen(
        exiting_with_parent([sys.executable, "-m", "jipan.servers.cli", "up"]),
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    output: list[str] = []

    def wait_ready() -> str | None:
        assert process.stdout is not None
        for line in process.stdout:
            output.append(line)
            if match := READY.search(line):
                return match.group(1)
        return None

    try:
        address = await asyncio.wait_for(asyncio.to_thread(wait_ready), 180)
        assert address, "jipan up never became ready:\n" + "".join(output[-60:])

        def drain() -> None:
            assert process.stdout is not None
            for line in process.stdout:
                output.append(line)

        threading.Thread(target=drain, daemon=True).start()
        try:
            account, key_file, hits = await _seed(address, work / "data", work, tls)
        except Exception as exc:
            # What the mesh said is the diagnosis (it died, a port was taken, its TLS refused).
            await asyncio.sleep(1)
            raise AssertionError(
                f"seeding `jipan up` at {address} failed: {exc}\n" + "".join(output[-60:])
            ) from exc
        gateway = next((m.group(1) for line in output if (m := GATEWAY.search(line))), "")
        yield SdkMesh(address, account, key_file, hits, output, process.pid, tls, gateway)
    finally:
        process.terminate()
        try:
            await asyncio.to_thread(process.wait, 30)
        except subprocess.TimeoutExpired:
            process.kill()
            await asyncio.to_thread(process.wait)


@pytest_asyncio.fixture(scope="session")
async def sdk_mesh(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[SdkMesh]:
    work = tmp_path_factory.mktemp("sdk-mesh")
    async with (
        fresh_database(database_url, "jipan_sdk") as own_database,
        running_sdk_mesh(own_database, work) as mesh,
    ):
        yield mesh


@pytest_asyncio.fixture(scope="session")
async def sdk_mesh_mtls(
    database_url: str, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[SdkMesh]:
    """A second `jipan up` that serves TLS only and requires client certificates (mTLS)."""
    work = tmp_path_factory.mktemp("sdk-mesh-mtls")
    async with (
        fresh_database(database_url, "jipan_sdk_mtls") as own_database,
        running_sdk_mesh(own_database, work, mtls=True) as mesh,
    ):
        yield mesh


@pytest.fixture(params=["plaintext", "mtls"])
def any_mesh(request: pytest.FixtureRequest, sdk_mesh: SdkMesh, sdk_mesh_mtls: SdkMesh) -> SdkMesh:
    """Each example runs twice: against the plaintext mesh and against the mTLS-only one."""
    return sdk_mesh if request.param == "plaintext" else sdk_mesh_mtls
