"""Fixtures of the cloud suites: moto servers (with IAM authentication on) and one cloud server."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import botocore.session
import grpc
import pytest
import pytest_asyncio

from jipan.interceptors.context import Principal
from jipan.servers import cloud, system
from tests.conftest import fresh_database
from tests.mesh import RunningServer, make_settings, running_server

SCOPES = ["cloud.read", "cloud.write"]
REGION = "us-east-1"


@dataclass(frozen=True)
class MotoKeys:
    """A moto server that checks signatures, and the access keys of one IAM user on it."""

    endpoint: str
    keys: tuple[tuple[str, str], ...]  # (access key id, secret), two of them for rotation


def caller_of(org: str) -> Principal:
    """A caller of `org` for tests that drive a domain object directly, not through gRPC."""
    return Principal(
        subject="tester",
        issuer="test",
        audiences=(),
        expires_at=datetime.now(UTC) + timedelta(hours=1),
        token_id="t",
        org=org,
    )


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _moto(tmp: Path) -> Iterator[MotoKeys]:
    """moto_server on a loopback port in its own process, IAM authentication on after setup.

    INITIAL_NO_AUTH_ACTION_COUNT lets the first 4 requests (the IAM user, its
    policy, its two keys) through unsigned; every later request must be signed
    with a key moto knows, so a wrong key is refused as AWS would refuse it.
    """
    port = _free_port()
    endpoint = f"http://127.0.0.1:{port}"
    executable = shutil.which("moto_server", path=str(Path(sys.executable).parent)) or "moto_server"
    env = {**os.environ, "INITIAL_NO_AUTH_ACTION_COUNT": "4"}
    with open(tmp / "moto.log", "wb") as log:
        process = subprocess.Popen(
            [executable, "-H", "127.0.0.1", "-p", str(port)], env=env, stdout=log, stderr=log
        )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{endpoint}/moto-api/", timeout=1):
                    break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("moto_server did not start") from None
                time.sleep(0.1)
        iam: Any = botocore.session.get_session().create_client(
            "iam", endpoint_url=endpoint, region_name=REGION, aws_access_key_id="x", aws_secret_access_key="x"
        )
        iam.create_user(UserName="broker")
        iam.put_user_policy(
            UserName="broker",
            PolicyName="all",
            PolicyDocument=json.dumps(
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
            ),
        )
        keys = []
        for _ in range(2):
            key = iam.create_access_key(UserName="broker")["AccessKey"]
            keys.append((key["AccessKeyId"], key["SecretAccessKey"]))
        yield MotoKeys(endpoint=endpoint, keys=tuple(keys))
    finally:
        process.terminate()
        process.wait(10)


@pytest.fixture(scope="session")
def aws(tmp_path_factory: pytest.TempPathFactory) -> Iterator[MotoKeys]:
    """Stands in for AWS (EC2 and S3)."""
    yield from _moto(tmp_path_factory.mktemp("moto-aws"))


@pytest.fixture(scope="session")
def domestic(tmp_path_factory: pytest.TempPathFactory) -> Iterator[MotoKeys]:
    """A second, separate S3 endpoint: the domestic S3-compatible store."""
    yield from _moto(tmp_path_factory.mktemp("moto-domestic"))


@pytest_asyncio.fixture(scope="module")
async def server(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[RunningServer]:
    async with fresh_database(database_url, "jipan_cloud") as own:
        settings = make_settings(own, tmp_path_factory.mktemp("cloud"))
        async with running_server(settings, [system.SERVICE, cloud.SERVICE]) as running:
            yield running


@pytest_asyncio.fixture(scope="module")
async def channel(server: RunningServer) -> AsyncIterator[grpc.aio.Channel]:
    async with grpc.aio.insecure_channel(server.address) as opened:
        yield opened


def database_dsn(server: RunningServer) -> str:
    assert server.settings.database_url is not None
    return server.settings.database_url.get_secret_value()


def auth(server: RunningServer, org: str | None = "orgs/moda") -> tuple[tuple[str, str], ...]:
    return server.metadata(org=org, scopes=SCOPES)


# Azurite's well-known development account (published in Azure's docs; not a secret).
AZURITE_ACCOUNT = "devstoreaccount1"
AZURITE_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="


@dataclass(frozen=True)
class AzuriteBlob:
    """Azurite's blob service (Azure Storage's emulator, npm `azurite`) and its account."""

    endpoint: str  # http://127.0.0.1:{port}/devstoreaccount1
    account_name: str
    account_key: str


@pytest.fixture(scope="session")
def azurite(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AzuriteBlob]:
    root = Path(__file__).resolve().parents[2]
    executable = root / "node_modules" / ".bin" / "azurite-blob"
    if not executable.exists():
        pytest.fail("azurite-blob is missing: run `npm ci` (root package.json devDependencies)")
    port = _free_port()
    workdir = tmp_path_factory.mktemp("azurite")
    with open(workdir / "azurite.log", "wb") as log:
        process = subprocess.Popen(
            [
                str(executable),
                "--blobHost",
                "127.0.0.1",
                "--blobPort",
                str(port),
                "--inMemoryPersistence",
                "--skipApiVersionCheck",
            ],
            cwd=workdir,  # nothing is written with in-memory persistence; if it were, it lands here
            stdout=log,
            stderr=log,
        )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("azurite-blob did not start") from None
                time.sleep(0.1)
        yield AzuriteBlob(f"http://127.0.0.1:{port}/{AZURITE_ACCOUNT}", AZURITE_ACCOUNT, AZURITE_KEY)
    finally:
        process.terminate()  # Azurite may wait on idle keep-alive connections; then it is killed
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)


@pytest.fixture(scope="session")
def gcp() -> Iterator[Any]:
    """A local server speaking Compute Engine's REST calls (no emulator exists): tests/cloud/fake_gcp.py;
    Cloud Storage's calls it passes on to gcp-storage-emulator (in memory, on its own port)."""
    from gcp_storage_emulator.server import create_server

    from tests.cloud.fake_gcp import serve_fake_compute

    port = _free_port()
    emulator = create_server("127.0.0.1", port, in_memory=True)
    emulator.start()
    try:
        yield from serve_fake_compute(storage=f"http://127.0.0.1:{port}")
    finally:
        emulator.stop()


@pytest.fixture(scope="session")
def azure_arm(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A local HTTPS server speaking Entra's token grant and ARM's resource group, network and VM
    calls (no emulator exists): tests/cloud/fake_azure.py."""
    from tests.cloud.fake_azure import serve_fake_arm

    yield from serve_fake_arm(tmp_path_factory.mktemp("fake-arm"))


@pytest.fixture(scope="session")
def openstack() -> Iterator[Any]:
    """A local server speaking Keystone v3's and Nova's calls (no DevStack here):
    tests/cloud/fake_openstack.py."""
    from tests.cloud.fake_openstack import serve_fake_openstack

    yield from serve_fake_openstack()
