"""The authorization policy of the Open Inference Protocol's methods.

The upstream proto (protos/third_party/triton) cannot carry Jipan's
`auth_policy` option, so the policies are declared here and registered with
the chain when this module is imported (jipan.servers.inference imports it).
Every method needs an access token with scope `inference.infer`; which
models a caller may run is decided per model in routes.py (its owner, the
organisations it is shared with, or every organisation for public models).
Triton's other extensions (repository, statistics, shared memory, trace,
log) are not served by the gateway: they keep the default (authenticated)
and answer UNIMPLEMENTED.
"""

from __future__ import annotations

from jipan.common.v1 import authz_pb2
from jipan.interceptors.authz import register_policies

SERVICE = "inference.GRPCInferenceService"
INFER_SCOPE = "inference.infer"

SERVED = (
    "ServerLive",
    "ServerReady",
    "ServerMetadata",
    "ModelReady",
    "ModelMetadata",
    "ModelInfer",
    "ModelConfig",
    "ModelStreamInfer",
)


def policies() -> dict[str, authz_pb2.AuthPolicy]:
    return {
        f"{SERVICE}/{method}": authz_pb2.AuthPolicy(
            level=authz_pb2.AUTH_LEVEL_AUTHENTICATED, scopes=[INFER_SCOPE]
        )
        for method in SERVED
    }


register_policies(policies())
