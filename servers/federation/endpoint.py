"""Fetching a peer's trust bundle from its bundle endpoint (its FederationService.GetTrustBundle)."""

from __future__ import annotations

from datetime import UTC

import grpc

from jipan.federation.v1 import federation_service_pb2 as fpb
from jipan.federation.v1 import federation_service_pb2_grpc as fpb_grpc
from jipan.servers.federation.bundle import BundleInvalid, TrustBundle, read_bundle
from jipan.servers.federation.peers import BundleUnreachable
from jipan.servers.runtime.settings import ClientCertificate

FETCH_TIMEOUT_S = 5.0


async def fetch_bundle(
    endpoint: str, ca_pem: str, *, issuer: str, audience: str, client_cert: ClientCertificate | None = None
) -> TrustBundle:
    """The peer's current bundle; BundleUnreachable when it does not answer, BundleInvalid when it
    answers with a bundle of another issuer or audience, or one that does not hold together.

    Over TLS (`ca_pem`) `client_cert` is presented: a peer whose endpoint requires client
    certificates accepts this mesh's once it has activated this mesh (its bundle's CAs)."""
    channel = (
        grpc.aio.secure_channel(
            endpoint,
            grpc.ssl_channel_credentials(
                ca_pem.encode(),
                private_key=client_cert.key_file.read_bytes() if client_cert else None,
                certificate_chain=client_cert.cert_file.read_bytes() if client_cert else None,
            ),
        )
        if ca_pem
        else grpc.aio.insecure_channel(endpoint)
    )
    try:
        response = await fpb_grpc.FederationServiceStub(channel).GetTrustBundle(
            fpb.GetTrustBundleRequest(), timeout=FETCH_TIMEOUT_S
        )
    except grpc.aio.AioRpcError as exc:
        raise BundleUnreachable(f"{exc.code().name}: {exc.details()}") from None
    finally:
        await channel.close()
    bundle = response.bundle
    if bundle.issuer != issuer:
        raise BundleInvalid(f"the bundle's issuer is {bundle.issuer[:200]!r}, not the registered one")
    if bundle.audience != audience:
        raise BundleInvalid(f"the bundle's audience is {bundle.audience[:200]!r}, not the registered one")
    return read_bundle(
        bundle.bundle_json,
        issuer=issuer,
        audience=audience,
        stated_fingerprint=bundle.fingerprint,
        issue_time=bundle.issue_time.ToDatetime(tzinfo=UTC),
        expire_time=bundle.expire_time.ToDatetime(tzinfo=UTC),
    )
