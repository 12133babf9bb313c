"""The publisher use cases: claim a project, verify the claim, read publishers, mark official."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta

import structlog

from jipan.interceptors.context import Principal
from jipan.servers.market.catalog.domain import project_not_found
from jipan.servers.market.catalog.store import CatalogStore
from jipan.servers.market.names import DOMAIN, caller_org, parse_claim, parse_project, parse_publisher
from jipan.servers.market.publishers.challenge import claim_file_url, fetch_claim_file
from jipan.servers.market.publishers.model import Claim, ClaimState, Publisher
from jipan.servers.market.publishers.store import PublisherStore
from jipan.servers.runtime.errors import AlreadyExists, FailedPrecondition, NotFound
from jipan.servers.runtime.pagination import PageTokens, query_fingerprint, resolve_page_size

log = structlog.get_logger(__name__)

CLAIM_TTL = timedelta(days=7)


def _org(principal: Principal) -> str:
    return caller_org(principal, "claims are an organisation's")


def _claim_not_found() -> NotFound:
    return NotFound("CLAIM_NOT_FOUND", "no claim with this name", domain=DOMAIN)


def _already_claimed(publisher: str) -> AlreadyExists:
    return AlreadyExists(
        "PROJECT_ALREADY_CLAIMED",
        "another organisation is the project's verified publisher",
        domain=DOMAIN,
        metadata={"publisher": publisher.replace("orgs/", "publishers/", 1)},
    )


class Publishers:
    def __init__(
        self,
        store: PublisherStore,
        catalog: CatalogStore,
        page_tokens: PageTokens,
        *,
        allow_http_loopback: bool,
    ) -> None:
        self.store = store
        self.catalog = catalog
        self.page_tokens = page_tokens
        self.allow_http_loopback = allow_http_loopback

    async def create_claim(self, principal: Principal, parent: str) -> Claim:
        organization = _org(principal)
        project_id = parse_project(parent, "parent")
        project = await self.catalog.get_project(project_id)
        if project is None:
            raise project_not_found(project_id)
        if project.publisher and project.publisher != organization:
            raise _already_claimed(project.publisher)
        challenge = "jipan-market-claim-" + secrets.token_urlsafe(24)
        return await self.store.insert_claim(
            project_id, organization, "CHALLENGE_FILE", challenge, datetime.now(UTC) + CLAIM_TTL
        )

    async def get_claim(self, principal: Principal, name: str) -> Claim:
        project_id, claim_id = parse_claim(name)
        claim = await self.store.get_claim(project_id, claim_id)
        # Another organisation's claim is as absent as a missing one: its challenge is not for others.
        if claim is None or claim.organization != principal.org:
            raise _claim_not_found()
        return claim

    async def list_claims(
        self, principal: Principal, parent: str, page_size: int, page_token: str
    ) -> tuple[list[Claim], str]:
        organization = _org(principal)
        project_id = parse_project(parent, "parent")
        if await self.catalog.get_project(project_id) is None:
            raise project_not_found(project_id)
        size = resolve_page_size(page_size, default=50, maximum=500)
        fingerprint = query_fingerprint("ListClaims", project=project_id, org=organization)
        before = int(self.page_tokens.decode(page_token, fingerprint)["before"]) if page_token else None
        rows = await self.store.list_claims(project_id, organization, before, size + 1)
        token = ""
        if len(rows) > size:
            rows = rows[:size]
            token = self.page_tokens.encode(fingerprint, {"before": rows[-1][0]})
        return [claim for _, claim in rows], token

    async def verify_claim(self, principal: Principal, name: str) -> Claim:
        claim = await self.get_claim(principal, name)
        if claim.state is not ClaimState.PENDING:
            raise FailedPrecondition(
                "CLAIM_NOT_PENDING",
                "the claim is not pending",
                domain=DOMAIN,
                metadata={"state": claim.state.value},
            )
        if claim.expire_time <= datetime.now(UTC):
            await self.store.set_claim_result(claim, ClaimState.REJECTED, "the challenge expired")
            raise FailedPrecondition(
                "CLAIM_NOT_PENDING",
                "the claim's challenge expired",
                domain=DOMAIN,
                metadata={"state": "REJECTED"},
            )
        homepage, repository = await self.store.source_urls(claim.project_id)
        url = claim_file_url(homepage, repository)
        if not url:
            raise self._proof_invalid(
                "the registry metadata names no repository or homepage to hold the file", url
            )
        fetched = await fetch_claim_file(url, allow_http_loopback=self.allow_http_loopback)
        if fetched.problem:
            raise self._proof_invalid(fetched.problem, url)
        if claim.challenge not in fetched.lines:
            raise self._proof_invalid("the file does not hold the challenge on a line of its own", url)
        async with self.store.pool.acquire() as conn, conn.transaction():
            publisher = await self.store.lock_publisher_of(conn, claim.project_id)
            if publisher is None:
                raise project_not_found(claim.project_id)
            if publisher and publisher != claim.organization:
                raise _already_claimed(publisher)
            verified = await self.store.set_claim_result(
                claim, ClaimState.VERIFIED, f"{url} holds the challenge", conn
            )
            await self.store.make_publisher(conn, claim.project_id, claim.organization)
        log.info("publisher verified", project=claim.project_id, organization=claim.organization)
        return verified

    @staticmethod
    def _proof_invalid(problem: str, url: str) -> FailedPrecondition:
        return FailedPrecondition(
            "CLAIM_PROOF_INVALID",
            f"the claim is not proved: {problem}",
            domain=DOMAIN,
            metadata={"problem": problem, "url": url},
        )

    async def get_publisher(self, name: str) -> Publisher:
        return await self.store.get_publisher(parse_publisher(name))

    async def mark_official(self, name: str, official: bool) -> Publisher:
        organization = parse_publisher(name)
        if not await self.store.set_official(organization, official):
            raise FailedPrecondition(
                "PUBLISHER_NOT_VERIFIED",
                "the organisation is not a verified publisher",
                domain=DOMAIN,
                metadata={"publisher": name},
            )
        return await self.store.get_publisher(organization)
