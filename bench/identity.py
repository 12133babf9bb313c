"""identity: passkey sign-ins per second and access-token verification cost.

Usage:
    python bench/identity.py [--quick] [--clients C] [--seconds S] [--tokens N]

1. Ceremonies. An identity server (system + identity, the real interceptor
   chain, PostgreSQL from JIPAN_DATABASE_URL or the embedded one in a
   temporary folder) runs in a subprocess. This process registers one person
   per client with the software authenticator of the tests
   (tests/webauthn_soft.py, ES256), then C concurrent clients loop over
   complete sign-ins (BeginPasskeyAuthentication + FinishPasskeyAuthentication
   over gRPC, each verified by fido2 and issuing tokens) for S seconds.
2. Verification. AccessTokenVerifier, as the authentication interceptor uses
   it, on N distinct identity-style tokens: a full verification (Ed25519 +
   claims) per token, then the cached path a repeated token takes.

The last line is JSON: ceremonies_per_s, verify_us_p50 (full verification),
verify_cached_us_p50, and the raw numbers. Targets (issue 3, 2-core machine):
ceremonies_per_s >= 300, verify_us_p50 <= 50.
"""

from __future__ import annotations

import argparse
import asyncio
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

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from jipan.identity.v1 import passkey_service_pb2 as pk_pb  # noqa: E402
from jipan.identity.v1 import passkey_service_pb2_grpc as pk_grpc  # noqa: E402
from jipan.interceptors.tokens import AccessTokenVerifier, DevSigningKey, StaticKeySet  # noqa: E402
from tests.webauthn_soft import SoftAuthenticator  # noqa: E402

ORIGIN = "https://passport.bench.test"
RP_ID = "passport.bench.test"


async def serve(port_file: Path, data_dir: Path) -> None:
    from jipan.servers.registry import select_services
    from jipan.servers.runtime.runtime import open_runtime
    from jipan.servers.runtime.server import create_server
    from jipan.servers.runtime.settings import load_settings

    env = {k: v for k, v in os.environ.items() if k.startswith("JIPAN_") and k != "JIPAN_LISTEN"}
    env.update(
        JIPAN_LISTEN="127.0.0.1:0",
        JIPAN_DATA_DIR=str(data_dir),
        JIPAN_WEBAUTHN_RP_ID=RP_ID,
        JIPAN_WEBAUTHN_ORIGINS=ORIGIN,
        JIPAN_LOG_LEVEL="warning",
        JIPAN_DATABASE_POOL_MAX="20",
    )
    if os.environ.get("JIPAN_TEST_DATABASE_URL") and "JIPAN_DATABASE_URL" not in env:
        env["JIPAN_DATABASE_URL"] = os.environ["JIPAN_TEST_DATABASE_URL"]
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


async def ceremonies(address: str, clients: int, seconds: float) -> dict[str, Any]:
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

        started = time.perf_counter()
        await asyncio.gather(*(client(a, f"bench-{run}-{i}") for i, a in enumerate(authenticators)))
        elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "ceremonies": len(latencies),
        "seconds": round(elapsed, 3),
        "ceremonies_per_s": round(len(latencies) / elapsed, 1),
        "ceremony_ms_p50": round(statistics.median(latencies) * 1000, 2),
        "ceremony_ms_p99": round(latencies[int(len(latencies) * 0.99) - 1] * 1000, 2),
    }


async def verification(tokens: int) -> dict[str, Any]:
    key = DevSigningKey.generate()
    verifier = AccessTokenVerifier(
        StaticKeySet({key.kid: key.public_key}),
        issuer="https://bench",
        audience="jipan",
        cache_size=tokens * 2,
    )
    minted = [
        key.mint(subject=f"people/{i:032x}", audience="jipan", issuer="https://bench", scopes=["openid"])
        for i in range(tokens)
    ]
    full: list[float] = []
    for token in minted:
        started = time.perf_counter_ns()
        await verifier.verify(token)
        full.append((time.perf_counter_ns() - started) / 1000)
    cached: list[float] = []
    for token in minted:
        started = time.perf_counter_ns()
        await verifier.verify(token)
        cached.append((time.perf_counter_ns() - started) / 1000)
    return {
        "verify_us_p50": round(statistics.median(full), 1),
        "verify_per_s": round(1e6 / statistics.mean(full)),
        "verify_cached_us_p50": round(statistics.median(cached), 2),
    }


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
    args = parser.parse_args()
    if args.serve:
        asyncio.run(serve(args.serve, args.data_dir))
        return
    clients = args.clients or (8 if args.quick else 32)
    seconds = args.seconds or (3.0 if args.quick else 15.0)
    tokens = args.tokens or (2000 if args.quick else 20000)

    with tempfile.TemporaryDirectory(prefix="jipan-bench-identity-", dir="/tmp") as tmp:
        port_file = Path(tmp) / "port"
        server = subprocess.Popen(
            [sys.executable, __file__, "--serve", str(port_file), "--data-dir", str(Path(tmp) / "data")]
        )
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
            result = asyncio.run(ceremonies(address, clients, seconds))
        finally:
            server.terminate()
            server.wait(timeout=30)
    result.update(asyncio.run(verification(tokens)))
    result.update(
        clients=clients,
        cpus=os.cpu_count(),
        python=platform.python_version(),
        machine=platform.machine(),
    )
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
