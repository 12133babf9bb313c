"""A stand-in for another agency's bundle endpoint: a real gRPC server answering GetTrustBundle.

For suites that need a real peer registered in a mesh (the auth matrix) but
not a whole second mesh: the bundle is built by federation's own code from
fresh keys and a fresh CA, for an issuer of the caller's choosing. Nothing
else of FederationService is served (UNIMPLEMENTED).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import grpc
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from jipan.federation.v1 import federation_service_pb2 as fpb
from jipan.interceptors.tokens import jwk_thumbprint
from jipan.servers.federation.bundle import TrustBundle, build_document, fingerprint_of, load_certificates
from jipan.servers.federation.convert import bundle_message
from tests.mesh import make_pki


async def start_bundle_endpoint(issuer: str, audience: str) -> tuple[grpc.aio.Server, str]:
    """(server, "host:port") publishing a fresh bundle for `issuer`/`audience`; stop the server after."""
    token_key = Ed25519PrivateKey.generate().public_key()
    log_key = Ed25519PrivateKey.generate().public_key()
    tokens, logs = {jwk_thumbprint(token_key): token_key}, {jwk_thumbprint(log_key): log_key}
    certificates = load_certificates(make_pki(ca_cn=f"{issuer} workload CA").ca_pem)
    now = datetime.now(UTC)
    bundle = TrustBundle(
        issuer=issuer,
        audience=audience,
        sequence=1,
        refresh_hint_s=300,
        document=build_document(tokens, certificates, logs, sequence=1, refresh_hint_s=300),
        fingerprint=fingerprint_of(tokens, certificates, logs),
        issue_time=now,
        expire_time=now + timedelta(hours=6),
    )
    response = fpb.GetTrustBundleResponse(bundle=bundle_message(bundle))

    async def get_trust_bundle(
        request: fpb.GetTrustBundleRequest, context: Any
    ) -> fpb.GetTrustBundleResponse:
        return response

    server = grpc.aio.server()
    server.add_generic_rpc_handlers(
        [
            grpc.method_handlers_generic_handler(
                "jipan.federation.v1.FederationService",
                {
                    "GetTrustBundle": grpc.unary_unary_rpc_method_handler(
                        get_trust_bundle,
                        request_deserializer=fpb.GetTrustBundleRequest.FromString,
                        response_serializer=fpb.GetTrustBundleResponse.SerializeToString,
                    )
                },
            )
        ]
    )
    port = server.add_insecure_port("127.0.0.1:0")
    await server.start()
    return server, f"127.0.0.1:{port}"
