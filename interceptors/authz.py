"""Authorization: the method's policy, as declared in its proto, enforced.

Sixth in the chain: after authentication (it needs the principal), before
validation (a caller who may not call the method learns nothing about its
field rules, and the server spends nothing checking them).

The policy is the `jipan.common.v1.auth_policy` method option, read from the
default descriptor pool (every generated `_pb2` module registers its file
there on import). A method without it needs an authenticated caller and
nothing more. Health and reflection are open by design: load balancers and
`grpcurl` must reach them without a token, and they reveal nothing a caller
could not learn from the published contracts. Resource ownership (may this
caller read *this* order?) is the domain's job; this stage only knows methods.
"""

from __future__ import annotations

import functools
from collections.abc import AsyncIterator
from typing import Any

from google.protobuf import descriptor_pool

from jipan.common.v1 import authz_pb2
from jipan.interceptors.context import principal_var
from jipan.interceptors.rpc import MethodPlan, RpcCall, StreamResponder, UnaryResponder
from jipan.servers.runtime.errors import PermissionDenied, Unauthenticated

HEALTH_SERVICE = "grpc.health.v1.Health"
OPEN_SERVICES = frozenset(
    {HEALTH_SERVICE, "grpc.reflection.v1alpha.ServerReflection", "grpc.reflection.v1.ServerReflection"}
)


# Policies of methods whose contract cannot carry the option (a vendored
# upstream proto such as the Open Inference Protocol), by "pkg.Service/Method":
# the service that serves them registers them before it serves (register_policies).
_EXTERNAL_POLICIES: dict[str, authz_pb2.AuthPolicy] = {}


def register_policies(policies: dict[str, authz_pb2.AuthPolicy]) -> None:
    """Declare the policy of methods of a contract Jipan does not own ("pkg.Service/Method" → policy)."""
    _EXTERNAL_POLICIES.update(policies)
    _declared_policy.cache_clear()


def split_method(method: str) -> tuple[str, str]:
    """ "/pkg.Service/Method" → ("pkg.Service", "Method")."""
    service, _, name = method.lstrip("/").partition("/")
    return service, name


@functools.lru_cache(maxsize=4096)
def _declared_policy(method: str) -> authz_pb2.AuthPolicy:
    service, name = split_method(method)
    if service in OPEN_SERVICES:
        return authz_pb2.AuthPolicy(level=authz_pb2.AUTH_LEVEL_OPEN)
    policy = authz_pb2.AuthPolicy()
    external = _EXTERNAL_POLICIES.get(f"{service}/{name}")
    if external is not None:
        policy.CopyFrom(external)
        if policy.level == authz_pb2.AUTH_LEVEL_UNSPECIFIED:
            policy.level = authz_pb2.AUTH_LEVEL_AUTHENTICATED
        return policy
    try:
        descriptor = descriptor_pool.Default().FindMethodByName(f"{service}.{name}")
    except KeyError:
        descriptor = None  # not in any imported contract: closed by default
    if descriptor is not None:
        options = descriptor.GetOptions()
        if options.HasExtension(authz_pb2.auth_policy):
            policy.CopyFrom(options.Extensions[authz_pb2.auth_policy])
    if policy.level == authz_pb2.AUTH_LEVEL_UNSPECIFIED:
        policy.level = authz_pb2.AUTH_LEVEL_AUTHENTICATED
    return policy


def policy_for_method(method: str) -> authz_pb2.AuthPolicy:
    """The effective policy of "/pkg.Service/Method" (level never UNSPECIFIED).

    Returns a copy: callers (ListMethodPolicies) may put it into a response.
    """
    policy = authz_pb2.AuthPolicy()
    policy.CopyFrom(_declared_policy(method))
    return policy


def check_policy(plan: MethodPlan) -> None:
    """PERMISSION_DENIED unless the current principal satisfies the method's scopes and roles."""
    principal = principal_var.get()
    if principal is None:  # the authentication stage always runs first; never trust that silently
        raise Unauthenticated("TOKEN_MISSING", "this method needs an authenticated caller")
    missing = plan.required_scopes - principal.scopes
    if missing:
        raise PermissionDenied(
            "SCOPE_MISSING",
            f"the token lacks the scope(s) this method requires: {' '.join(sorted(missing))}",
            metadata={"method": plan.name, "missing_scopes": " ".join(sorted(missing))},
        )
    if plan.any_org_role and (principal.org is None or not plan.any_org_role & principal.roles):
        raise PermissionDenied(
            "ROLE_MISSING",
            f"this method needs one of the roles {', '.join(sorted(plan.any_org_role))} in the caller's org",
            metadata={
                "method": plan.name,
                "required_roles": " ".join(sorted(plan.any_org_role)),
                "org": principal.org or "",
            },
        )


class AuthorizationStage:
    def wrap_unary(self, plan: MethodPlan, inner: UnaryResponder) -> UnaryResponder:
        if plan.open or not (plan.required_scopes or plan.any_org_role):
            return inner  # authenticated is all it asks, and authentication made sure of that

        async def authorized(request: Any, call: RpcCall) -> Any:
            check_policy(plan)
            return await inner(request, call)

        return authorized

    def wrap_stream(self, plan: MethodPlan, inner: StreamResponder) -> StreamResponder:
        if plan.open or not (plan.required_scopes or plan.any_org_role):
            return inner

        async def authorized(request: Any, call: RpcCall) -> AsyncIterator[Any]:
            check_policy(plan)
            async for response in inner(request, call):
                yield response

        return authorized
