"""What a running server knows about itself: version, services, method policies."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from importlib import metadata

from google.protobuf import descriptor_pool

from jipan.common.v1 import authz_pb2
from jipan.servers.runtime.errors import NotFound
from jipan.servers.runtime.pagination import PageTokens, query_fingerprint, resolve_page_size

SYSTEM_DOMAIN = "system.jipan.tw"
DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 500


def package_version() -> str:
    try:
        return metadata.version("jipan")
    except metadata.PackageNotFoundError:  # running from a tree that was never installed
        return "0+unknown"


@dataclass(frozen=True, slots=True)
class MethodPolicyPage:
    entries: list[tuple[str, authz_pb2.AuthPolicy]]
    next_page_token: str


class ServerIntrospection:
    """Answers SystemService from the process's own state and descriptors."""

    def __init__(
        self,
        *,
        services: Sequence[str],
        started_at: datetime,
        page_tokens: PageTokens,
        policy_of: Callable[[str], authz_pb2.AuthPolicy],
    ) -> None:
        self.version = package_version()
        self.services = tuple(sorted(services))
        self.started_at = started_at
        self._page_tokens = page_tokens
        self._policy_of = policy_of
        pool = descriptor_pool.Default()
        self._methods: dict[str, list[str]] = {
            name: sorted(f"/{name}/{m.name}" for m in pool.FindServiceByName(name).methods)
            for name in self.services
        }

    def list_method_policies(self, *, service: str, page_size: int, page_token: str) -> MethodPolicyPage:
        size = resolve_page_size(page_size, default=DEFAULT_PAGE_SIZE, maximum=MAX_PAGE_SIZE)
        if service and service not in self._methods:
            raise NotFound(
                "SERVICE_NOT_FOUND",
                f"this server does not serve {service}",
                domain=SYSTEM_DOMAIN,
                metadata={"service": service},
            )
        names = self._methods[service] if service else sorted(m for ms in self._methods.values() for m in ms)
        fingerprint = query_fingerprint("ListMethodPolicies", service=service)
        after = ""
        if page_token:
            after = str(self._page_tokens.decode(page_token, fingerprint).get("after", ""))
        remaining = [name for name in names if name > after]
        page = remaining[:size]
        next_token = ""
        if len(remaining) > size:
            next_token = self._page_tokens.encode(fingerprint, {"after": page[-1]})
        return MethodPolicyPage([(name, self._policy_of(name)) for name in page], next_token)
