"""identity: passkey sign-ins per second and access-token verification cost.

Usage:
    python bench/identity.py [--quick] [--clients C] [--seconds S] [--tokens N]

1. Ceremonies. An identity server (system + identity, the real interceptor
   chain) runs in a subprocess, on a fresh database made (and dropped
   afterwards) on the PostgreSQL of JIPAN_DATABASE_URL /
   JIPAN_TEST_DATABASE_URL, or on the embedded one in a temporary folder.
   This process registers one person per client with the software
   authenticator of the tests (tests/webauthn_soft.py, ES256), then C
   concurrent clients loop over complete sign-ins (BeginPasskeyAuthentication
   + FinishPasskeyAuthentication over gRPC, each verified by fido2 and issuing
   tokens) for S seconds. The server process's CPU time per ceremony is
   reported beside the rate (it depends less on other tenants of the host).
2. Verification. AccessTokenVerifier, as the authentication interceptor uses
   it, on N distinct identity-style tokens: a full verification (Ed25519 +
   claims) per token, then the cached path a repeated token takes.

Primitives, measured in the same run: the bare Ed25519 verification of each
token's signature with libsodium through PyNaCl (`ed25519_verify_us_p50`,
interleaved with the full verifications; `verify_vs_ed25519` is
verify_us_p50 / ed25519_verify_us_p50), the ES256 verification fido2 does
per sign-in (`es256_verify_us_p50`), and one SQL round trip (`SELECT 1` on
the bench's database, `sql_roundtrip_us_p50`, just before the ceremonies).
Beside the rate: the CPU time per ceremony of the server process, of this
load generator and of the PostgreSQL backends serving the bench's database,
and `cpu_bound_ceremonies_per_s`, the rate their sum allows on this host's
cores with nothing else running (less dependent on other tenants than the
rate). `cpu`, `load_1m_start`/`load_1m_end`: the host model and its 1-minute
load average.

The last line is JSON: ceremonies_per_s, verify_us_p50 (full verification),
ed25519_verify_us_p50, verify_vs_ed25519, verify_cached_us_p50, and the raw
numbers. Targets (issues 3 and 9, 2-core machine): ceremonies_per_s >= 300,
verify_us_p50 <= 50 where Ed25519 itself allows it, verify_vs_ed25519 <= 1.3.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import grpc
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from nacl.signing import VerifyKey

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.host import (  # noqa: E402
    backend_cpu_s,
    backend_cpu_since,
    cpu_model,
    create_database,
    drop_database,
    load_1m,
    process_cpu_s,
    sql_roundtrip_us,
)
from jipan.identity.v1 import passkey_service_pb2 as pk_pb  # noqa: E402
from jipan.identity.v1 import passkey_service_pb2_grpc as pk_grpc  # noqa: E402
from jipan.interceptors.revocation import RevocationList  # noqa: E402
from jipan.interceptors.tokens import AccessTokenVerifier, DevSigningKey, StaticKeySet  # noqa: E402
from jipan.servers.runtime import loop as event_loop  # noqa: E402
from jipan.servers.runtime.settings import load_settings  # noqa: E402
from tests.webauthn_soft import SoftAuthenticator  # noqa: E402

ORIGIN = "https://passport.bench.test"
RP_ID = "passport.bench.test"


async def serve(port_file: Path, data_dir: Path, dsn: str | None) -> None:
    from jipan.servers.registry import select_services
    from jipan.servers.runtime.runtime import open_runtime
    from jipan.servers.runtime.server import create_server

    env = {k: v for k, v in os.environ.items() if k.startswith("JIPAN_") and k != "JIPAN_LISTEN"}
    env.update(
        JIPAN_LISTEN="127.0.0.1:0",
        JIPAN_DATA_DIR=str(data_dir),
        JIPAN_WEBAUTHN_RP_ID=RP_ID,
        JIPAN_WEBAUTHN_ORIGINS=ORIGIN,
        JIPAN_LOG_LEVEL="warning",
        JIPAN_DATABASE_POOL_MAX="20",
    )
    env.pop("JIPAN_DATABASE_URL", None)
    if dsn:
        env["JIPAN_DATABASE_URL"] = dsn
    settings = load_settings(env)
    modules = select_services(["identity"])
    async with open_runtime(settings, modules) as runtime:
        server, port = await create_server(settings, modules, runtime)
        await server.start()
        await asyncio.to_thread(port_file.write_text, str(port))
        await server.wait_for_termination()


async def register(stub: pk_grpc.PasskeyServiceAsyncStub, name: str) -> SoftAuthenticator:
    authenticator = SoftAuthenticator(ORIGIN)
    begun = await stub.BeginPasskeyRegistration(
        pk_pb.BeginPasskeyRegistrationRequest(user_name=name, display_name=name)
    )
    await stub.FinishPasskeyRegistration(
        pk_pb.FinishPasskeyRegistrationRequest(
            credential_json=json.dumps(authenticator.create(begun.options_json))
        )
    )
    return authenticator


async def ceremonies(
    address: str, clients: int, seconds: float, server_pid: int | None = None, dsn: str | None = None
) -> dict[str, Any]:
    async with grpc.aio.insecure_channel(address) as channel:
        stub: pk_grpc.PasskeyServiceAsyncStub = pk_grpc.PasskeyServiceStub(channel)
        run = os.urandom(3).hex()
        authenticators = await asyncio.gather(*(register(stub, f"bench-{run}-{i}") for i in range(clients)))
        latencies: list[float] = []
        deadline = time.perf_counter() + seconds

        async def client(authenticator: SoftAuthenticator, user_name: str) -> None:
            while time.perf_counter() < deadline:
                started = time.perf_counter()
                begun = await stub.BeginPasskeyAuthentication(
                    pk_pb.BeginPasskeyAuthenticationRequest(user_name=user_name)
                )
                await stub.FinishPasskeyAuthentication(
                    pk_pb.FinishPasskeyAuthenticationRequest(
                        credential_json=json.dumps(authenticator.get(begun.options_json))
                    )
                )
                latencies.append(time.perf_counter() - started)

        server_cpu = process_cpu_s(server_pid) if server_pid else None
        backends = await backend_cpu_s(dsn)
        own_cpu = time.process_time()
        started = time.perf_counter()
        await asyncio.gather(*(client(a, f"bench-{run}-{i}") for i, a in enumerate(authenticators)))
        elapsed = time.perf_counter() - started
        own_cpu = time.process_time() - own_cpu
        if server_cpu is not None and server_pid:
            server_cpu = (process_cpu_s(server_pid) or server_cpu) - server_cpu
        postgres_cpu = backend_cpu_since(backends, await backend_cpu_s(dsn)) if dsn else None
    latencies.sort()
    count = len(latencies)

    def per_ceremony_ms(cpu_s: float | None) -> float | None:
        return round(cpu_s * 1000 / count, 3) if cpu_s is not None else None

    total_ms = None
    if server_cpu is not None and postgres_cpu is not None:
        total_ms = (server_cpu + own_cpu + postgres_cpu) * 1000 / count
    return {
        "ceremonies": len(latencies),
        "seconds": round(elapsed, 3),
        "ceremonies_per_s": round(len(latencies) / elapsed, 1),
        "ceremony_ms_p50": round(statistics.median(latencies) * 1000, 2),
        "ceremony_ms_p99": round(latencies[int(len(latencies) * 0.99) - 1] * 1000, 2),
        # CPU time per ceremony of the three parties sharing the host, and the
        # rate their sum allows on this host's cores with nothing else running
        # (an estimate that depends less on other tenants than the rate does).
        "server_cpu_ms_per_ceremony": per_ceremony_ms(server_cpu),
        "client_cpu_ms_per_ceremony": per_ceremony_ms(own_cpu),
        "postgres_cpu_ms_per_ceremony": per_ceremony_ms(postgres_cpu),
        "cpu_bound_ceremonies_per_s": (
            round((os.cpu_count() or 1) * 1000 / total_ms, 1) if total_ms else None
        ),
    }


def es256_verify_us(rounds: int = 500) -> float:
    """What fido2 checks per sign-in: one ECDSA P-256 signature (cryptography / OpenSSL)."""
    key = ec.generate_private_key(ec.SECP256R1())
    public = key.public_key()
    message = os.urandom(37) + os.urandom(32)  # authenticatorData || SHA-256(clientDataJSON)
    signature = key.sign(message, ec.ECDSA(hashes.SHA256()))
    samples = []
    for _ in range(rounds):
        started = time.perf_counter_ns()
        public.verify(signature, message, ec.ECDSA(hashes.SHA256()))
        samples.append((time.perf_counter_ns() - started) / 1000)
    return round(statistics.median(samples), 1)


async def verification(tokens: int) -> dict[str, Any]:
    key = DevSigningKey.generate()
    verifier = AccessTokenVerifier(
        StaticKeySet({key.kid: key.public_key}),
        issuer="https://bench",
        audience="jipan",
        cache_size=tokens * 2,
        # As the servers run it: with a revocation list, empty (nothing revoked).
        revocations=RevocationList(None),
    )
    minted = [
        key.mint(subject=f"people/{i:032x}", audience="jipan", issuer="https://bench", scopes=["openid"])
        for i in range(tokens)
    ]
    # The primitive beside it: libsodium's Ed25519 verification (PyNaCl, the
    # call the verifier's fast path makes) of the same token's signature,
    # interleaved with the full verifications so both see the same host.
    bare_key = VerifyKey(key.public_key.public_bytes(Encoding.Raw, PublicFormat.Raw))
    full: list[float] = []
    bare: list[float] = []
    for i, token in enumerate(minted):
        signing_input, _, signature_b64 = token.rpartition(".")
        message, signature = signing_input.encode(), _Base64Url.decode(signature_b64.encode())
        if i % 2:
            started = time.perf_counter_ns()
            bare_key.verify(message, signature)
            bare.append((time.perf_counter_ns() - started) / 1000)
        started = time.perf_counter_ns()
        await verifier.verify(token)
        full.append((time.perf_counter_ns() - started) / 1000)
        if not i % 2:
            started = time.perf_counter_ns()
            bare_key.verify(message, signature)
            bare.append((time.perf_counter_ns() - started) / 1000)
    cached: list[float] = []
    for token in minted:
        started = time.perf_counter_ns()
        await verifier.verify(token)
        cached.append((time.perf_counter_ns() - started) / 1000)
    verify_p50, bare_p50 = statistics.median(full), statistics.median(bare)
    return {
        "verify_us_p50": round(verify_p50, 1),
        "ed25519_verify_us_p50": round(bare_p50, 1),
        "verify_vs_ed25519": round(verify_p50 / bare_p50, 3),
        "verify_per_s": round(1e6 / statistics.mean(full)),
        "verify_cached_us_p50": round(statistics.median(cached), 2),
    }


class _Base64Url:
    """PyNaCl encoder for unpadded base64url (JWS segments, JWK members)."""

    @staticmethod
    def decode(data: bytes) -> bytes:
        return base64.urlsafe_b64decode(data + b"=" * (-len(data) % 4))

    @staticmethod
    def encode(data: bytes) -> bytes:
        return base64.urlsafe_b64encode(data).rstrip(b"=")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="short run (CI smoke)")
    parser.add_argument("--clients", type=int, default=None)
    parser.add_argument("--seconds", type=float, default=None)
    parser.add_argument("--tokens", type=int, default=None)
    parser.add_argument("--serve", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--data-dir", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--dsn", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        # On the loop `jipan serve` runs on (JIPAN_EVENT_LOOP, default uvloop).
        event_loop.run(
            serve(args.serve, args.data_dir, args.dsn),
            load_settings().event_loop,
        )
        return
    clients = args.clients or (8 if args.quick else 32)
    seconds = args.seconds or (3.0 if args.quick else 15.0)
    tokens = args.tokens or (2000 if args.quick else 20000)

    load_start = load_1m()
    server_dsn = os.environ.get("JIPAN_DATABASE_URL") or os.environ.get("JIPAN_TEST_DATABASE_URL")
    database, dsn = (
        asyncio.run(create_database(server_dsn, "jipan_bench_identity")) if server_dsn else (None, None)
    )
    result: dict[str, Any] = {}
    try:
        with tempfile.TemporaryDirectory(prefix="jipan-bench-identity-", dir="/tmp") as tmp:
            port_file = Path(tmp) / "port"
            command = [
                sys.executable,
                __file__,
                "--serve",
                str(port_file),
                "--data-dir",
                str(Path(tmp) / "data"),
            ]
            server = subprocess.Popen([*command, "--dsn", dsn] if dsn else command)
            try:
                for _ in range(600):
                    if port_file.exists() and port_file.read_text():
                        break
                    if server.poll() is not None:
                        raise SystemExit("the identity server exited during start-up")
                    time.sleep(0.1)
                else:
                    raise SystemExit("the identity server did not start in 60 s")
                address = f"127.0.0.1:{port_file.read_text()}"
                if dsn:
                    result["sql_roundtrip_us_p50"] = asyncio.run(sql_roundtrip_us(dsn))
                result.update(asyncio.run(ceremonies(address, clients, seconds, server.pid, dsn)))
            finally:
                server.terminate()
                server.wait(timeout=30)
    finally:
        if server_dsn and database:
            asyncio.run(drop_database(server_dsn, database))
    result["es256_verify_us_p50"] = es256_verify_us()
    result.update(asyncio.run(verification(tokens)))
    result.update(
        clients=clients,
        cpus=os.cpu_count(),
        cpu=cpu_model(),
        python=platform.python_version(),
        machine=platform.machine(),
        load_1m_start=load_start,
        load_1m_end=load_1m(),
    )
    summary = {
        key: result[key]
        for key in ("ceremonies_per_s", "verify_us_p50", "ed25519_verify_us_p50", "verify_vs_ed25519")
    }
    print(json.dumps({**summary, **result}), flush=True)


if __name__ == "__main__":
    main()
