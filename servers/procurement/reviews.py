"""The listing review gate as use cases: submit, accept a risk, import advisories, notify.

The decisions themselves come from the review engine (review/: SBOM intake,
OSV matching, licence and SLA policy). This module stores what the engine
decided, anchors each decision's digest on the ledger (anchoring.py), and
keeps every replica's in-memory advisory index in step with PostgreSQL.
"""

from __future__ import annotations

import asyncio
import builtins
import contextlib
import gc
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg
import structlog

from jipan.interceptors.context import Principal
from jipan.servers.procurement.anchoring import DecisionAnchor
from jipan.servers.procurement.catalog import (
    Category,
    Listing,
    ListingState,
    Sla,
    SupportHours,
    can_see,
    listing_not_found,
    require_org,
)
from jipan.servers.procurement.names import DOMAIN, ListingKey, ReviewKey, parse_review, parse_vendor
from jipan.servers.procurement.review import advisories as osv
from jipan.servers.procurement.review import licences, policy, sla
from jipan.servers.procurement.review.sbom import (
    ParsedSbom,
    SbomComponent,
    SbomFormat,
    import_validators,
    parse_sbom,
)
from jipan.servers.procurement.store import CatalogStore
from jipan.servers.runtime.errors import (
    Aborted,
    FailedPrecondition,
    FieldViolation,
    InvalidArgument,
    NotFound,
)
from jipan.servers.runtime.objectstore import ObjectStore
from jipan.servers.runtime.pagination import PageTokens, query_fingerprint, resolve_page_size

log = structlog.get_logger(__name__)

MAX_SBOM_BYTES = 15 * 1024 * 1024  # the contract's limit (review_service.proto)
# A zip dump may expand to this much: osv.dev's largest ecosystems (Maven,
# PyPI, npm) are well under it.
MAX_ADVISORY_EXPANDED_BYTES = 1024 * 1024 * 1024
WATCH_POLL_S = 0.5
MAX_PURL_CHARS = 1000
REVIEW_PAGE = (20, 100)
# How often a review computed on a listing that was meanwhile reviewed again is redone.
RECORD_ATTEMPTS = 5
NOTIFICATION_PAGE = (50, 500)

_SUPPORT = {
    SupportHours.BUSINESS: sla.SupportHours.BUSINESS_HOURS,
    SupportHours.EXTENDED: sla.SupportHours.EXTENDED_HOURS,
    SupportHours.ALWAYS: sla.SupportHours.ALWAYS,
}
_DISTRIBUTION = {
    "PROPRIETARY": licences.Distribution.PROPRIETARY,
    "SAAS": licences.Distribution.SAAS,
    "OPEN_SOURCE": licences.Distribution.OPEN_SOURCE,
}


@dataclass(frozen=True, slots=True)
class StoredReview:
    key: ReviewKey
    decision: str
    findings: list[dict[str, Any]]
    sbom_sha256: bytes | None
    sbom_spec_version: str
    component_count: int
    decision_digest: bytes
    ledger_receipt: str
    trigger: str
    create_time: datetime
    seq: int


class ReviewSuperseded(Exception):
    """The listing's latest review changed after the listing was read: a review computed
    from it would overwrite a newer one (its SBOM, its accepted risks). Nothing was written."""

    def __init__(self, key: ListingKey) -> None:
        super().__init__(key.name)
        self.key = key


def _superseded(key: ListingKey) -> Aborted:
    return Aborted(
        "REVIEW_NOT_LATEST",
        "the listing was reviewed again meanwhile; retry",
        domain=DOMAIN,
        metadata={"listing": key.name},
    )


@dataclass(frozen=True, slots=True)
class ImportSummary:
    added: int
    updated: int
    rereviewed: int
    flagged: list[str]


def _review(row: asyncpg.Record) -> StoredReview:
    return StoredReview(
        key=ReviewKey(ListingKey(row["vendor"], row["listing_id"]), row["id"]),
        decision=row["decision"],
        findings=list(row["findings"]),
        sbom_sha256=None if row["sbom_sha256"] is None else bytes(row["sbom_sha256"]),
        sbom_spec_version=row["sbom_spec_version"],
        component_count=row["component_count"],
        decision_digest=bytes(row["decision_digest"]),
        ledger_receipt=row["ledger_receipt"],
        trigger=row["trigger"],
        create_time=row["create_time"],
        seq=row["seq"],
    )


def engine_sla(value: Sla) -> sla.SlaAttestation:
    report = value.lab_report
    return sla.SlaAttestation(
        availability_percent=value.availability_basis_points / 100,
        recovery_time_objective=timedelta(minutes=value.rto_minutes),
        recovery_point_objective=timedelta(minutes=value.rpo_minutes),
        support_hours=_SUPPORT[value.support_hours]
        if value.support_hours
        else sla.SupportHours.BUSINESS_HOURS,
        data_locations=value.data_locations,
        incident_notification=timedelta(minutes=value.incident_notification_minutes),
        lab_report=None
        if report is None
        else sla.LabReport(
            reference=report.reference,
            standard=report.standard,
            laboratory=report.laboratory,
            valid=report.valid,
            expires_at=report.expire_time,
        ),
    )


def declared_terms(listing: Listing) -> licences.DeclaredLicenceTerms:
    terms = listing.draft.licence_terms
    distribution = _DISTRIBUTION[terms.distribution.value if terms.distribution else "PROPRIETARY"]
    return licences.DeclaredLicenceTerms(distribution=distribution, expression=terms.spdx_expression)


def finding_json(finding: policy.Finding, acceptance: Mapping[str, Any] | None) -> dict[str, Any]:
    return {
        "id": finding.key,
        "kind": finding.kind.value,
        "component_purl": finding.component_purl,
        "advisory_id": finding.advisory_id,
        "aliases": list(finding.aliases),
        "severity": finding.severity.value if finding.severity else "",
        "fixed_version": finding.fixed_version,
        "message": finding.message,
        "blocking": finding.blocks,
        "risk_acceptance": dict(acceptance) if finding.accepted and acceptance else None,
    }


def _component_json(component: SbomComponent) -> dict[str, Any]:
    return {
        key: list(value) if isinstance(value, tuple) else value for key, value in asdict(component).items()
    }


def _component(data: Mapping[str, Any]) -> SbomComponent:
    values: dict[str, Any] = {key: tuple(v) if isinstance(v, list) else v for key, v in data.items()}
    return SbomComponent(**values)


class AdvisoryCache:
    """This replica's AdvisoryIndex, kept in step with `procurement.advisories` by sequence.

    Every review first loads what other replicas (or this one) imported since
    the last look: one indexed query when nothing changed.
    """

    def __init__(self, store: CatalogStore) -> None:
        self._store = store
        self.index = osv.AdvisoryIndex()
        self._seq = 0
        self.lock = asyncio.Lock()

    def warm_in_background(self) -> Callable[[], Awaitable[None]]:
        """Load the stored advisories now, beside the server starting, so the first review
        does not wait for tens of thousands of records, then import the SBOM validators
        (review/sbom.py's import_validators, ~1.2 s) in a thread; returns the task's canceller."""

        async def warm() -> None:
            async with self.lock:
                await self.refresh()
            await asyncio.to_thread(import_validators)
            # The index is long-lived (about 25 objects per advisory: 1.25 M for
            # 50,000) and every full collection would walk it again (0.3-0.4 s
            # measured on the 2-vCPU Xeon host, inside whatever request it hits).
            # Freezing moves what exists now out of the collector's reach.
            gc.freeze()
            log.info("advisory index loaded", advisories=len(self.index))

        task = asyncio.get_running_loop().create_task(warm())

        async def cancel() -> None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task

        return cancel

    async def refresh(self) -> osv.ImportResult:
        """Load new rows; the merged ImportResult says which packages changed. Hold `lock`."""
        added: list[str] = []
        updated: list[str] = []
        affected: set[osv.PackageKey] = set()
        while True:
            rows = await self._store.advisories_after(self._seq)
            if not rows:
                break
            result = self.index.import_records([row["record"] for row in rows], source="store")
            added += result.added
            updated += result.updated
            affected |= result.affected_packages
            self._seq = rows[-1]["seq"]
        return osv.ImportResult(
            added=tuple(added), updated=tuple(updated), affected_packages=frozenset(affected)
        )


class Reviews:
    def __init__(
        self,
        store: CatalogStore,
        objects: ObjectStore,
        anchor: DecisionAnchor,
        page_tokens: PageTokens,
        review_policy: policy.ReviewPolicy | None = None,
    ) -> None:
        self._store = store
        self._objects = objects
        self._anchor = anchor
        self._page_tokens = page_tokens
        self._policy = review_policy or policy.ReviewPolicy()
        self.advisories = AdvisoryCache(store)

    # -- submission ---------------------------------------------------------

    async def submit(
        self, principal: Principal, key: ListingKey, sbom_bytes: bytes, sbom_format: str | None
    ) -> tuple[StoredReview, Listing]:
        require_org(principal, key.vendor, "listing")
        listing = await self._store.get_listing(key)
        if listing is None:
            raise listing_not_found(key.name)
        parsed: ParsedSbom | None = None
        if listing.category is Category.PACKAGED_SOFTWARE:
            if not sbom_bytes or sbom_format is None:
                raise InvalidArgument(
                    "SBOM_REQUIRED",
                    "a packaged-software listing is reviewed on its CycloneDX SBOM: send sbom and its format",
                    domain=DOMAIN,
                    metadata={"field": "sbom"},
                    field_violations=[FieldViolation("sbom", "required for packaged software")],
                )
            media_type = (
                "application/vnd.cyclonedx+json" if sbom_format == "JSON" else "application/vnd.cyclonedx+xml"
            )
            parsed = await asyncio.to_thread(parse_sbom, sbom_bytes, media_type, max_bytes=MAX_SBOM_BYTES)
            await self._keep_sbom(parsed, sbom_bytes)
        for _ in range(RECORD_ATTEMPTS):
            async with self.advisories.lock:
                await self.advisories.refresh()
                decision = await self._decide(listing, parsed, {})
            try:
                return await self._record(listing, decision, parsed, "SUBMISSION", {})
            except ReviewSuperseded:
                # Another review was recorded since `listing` was read (an advisory import's,
                # say): decide again on the index as it is now.
                fresh = await self._store.get_listing(key)
                if fresh is None:
                    raise listing_not_found(key.name) from None
                listing = fresh
        raise _superseded(key)

    async def _keep_sbom(self, parsed: ParsedSbom, data: bytes) -> None:
        suffix = "json" if parsed.format is SbomFormat.JSON else "xml"
        object_key = f"procurement/sboms/{parsed.sha256_hex}.{suffix}"
        if await self._store.get_sbom(parsed.sha256) is not None:
            return
        await self._objects.put(object_key, data, content_type=f"application/vnd.cyclonedx+{suffix}")
        async with self._store.pool.acquire() as conn:
            await self._store.put_sbom(
                conn,
                parsed.sha256,
                format=parsed.format.value,
                spec_version=parsed.spec_version,
                object_key=object_key,
                components=[_component_json(c) for c in parsed.components],
            )

    async def _stored_sbom(self, sha256: bytes) -> ParsedSbom:
        row = await self._store.get_sbom(sha256)
        if row is None:  # never: a review references its SBOM row by foreign key
            raise FailedPrecondition("SBOM_REQUIRED", "the listing's SBOM is missing", domain=DOMAIN)
        return ParsedSbom(
            sha256=sha256,
            spec_version=row["spec_version"],
            format=SbomFormat(row["format"]),
            components=tuple(_component(c) for c in row["components"]),
        )

    async def _decide(
        self, listing: Listing, parsed: ParsedSbom | None, accepted: Mapping[str, Mapping[str, Any]]
    ) -> policy.Decision:
        """The engine's decision (CPU work in a thread; the caller holds the advisory lock)."""
        risks = {key: str(value["justification"]) for key, value in accepted.items()}
        if parsed is not None:
            return await asyncio.to_thread(
                policy.review_software,
                parsed,
                self.advisories.index,
                declared_terms(listing),
                self._policy,
                accepted_risks=risks,
            )
        assert listing.draft.sla is not None  # check_sla made it required for these lots
        return policy.review_cloud(engine_sla(listing.draft.sla), self._policy, accepted_risks=risks)

    async def _record(
        self,
        listing: Listing,
        decision: policy.Decision,
        parsed: ParsedSbom | None,
        trigger: str,
        accepted: Mapping[str, Mapping[str, Any]],
    ) -> tuple[StoredReview, Listing]:
        digest = policy.decision_digest(decision)
        review_id = uuid.uuid4()
        review_key = ReviewKey(listing.key, review_id)
        receipt = await self._anchor.anchor(
            digest,
            {
                "kind": "procurement.review",
                "listing": listing.key.name[:256],
                "decision": decision.outcome.value,
            },
        )
        approved = decision.outcome is policy.Outcome.APPROVED
        if trigger == "ADVISORY_IMPORT":
            state = ListingState.APPROVED if approved else ListingState.FLAGGED
        else:
            state = ListingState.APPROVED if approved else ListingState.CHANGES_REQUESTED
        findings = [finding_json(f, accepted.get(f.key)) for f in decision.findings]
        findings.sort(key=lambda f: (not f["blocking"], f["id"]))
        packages = None
        if parsed is not None:
            packages = [(eco, name) for eco, name in policy.sbom_package_keys(parsed)]
        async with self._store.pool.acquire() as conn, conn.transaction():
            row = await self._store.insert_review(
                conn,
                listing.key,
                review_id,
                decision=decision.outcome.value,
                findings=findings,
                sbom_sha256=None if parsed is None else parsed.sha256,
                sbom_spec_version="" if parsed is None else parsed.spec_version,
                component_count=0 if parsed is None else len(parsed.components),
                decision_digest=digest,
                ledger_receipt=receipt,
                trigger=trigger,
                accepted_risks=dict(accepted),
            )
            updated = await self._store.set_listing_review(
                conn,
                listing.key,
                state=state,
                review_id=review_id,
                sbom_sha256=None if parsed is None else parsed.sha256,
                packages=packages,
                expected_review=listing.latest_review,
            )
            if updated is None:  # rolls back the review row
                raise ReviewSuperseded(listing.key)
            if trigger == "ADVISORY_IMPORT" and not approved:
                advisory_ids = sorted({f.advisory_id for f in decision.blocking_findings if f.advisory_id})
                await self._store.insert_notification(
                    conn,
                    listing.key.vendor,
                    uuid.uuid4(),
                    listing=listing.key.name,
                    review=review_key.name,
                    advisory_ids=advisory_ids,
                    message=f"{listing.draft.product_name} {listing.draft.product_version} is affected by "
                    f"{', '.join(advisory_ids) or 'new advisories'}; submit a fixed SBOM",
                )
        return _review(row), updated

    # -- reading ------------------------------------------------------------

    async def get(self, principal: Principal, name: str) -> StoredReview:
        key = parse_review(name)
        listing = await self._store.get_listing(key.listing)
        row = await self._store.get_review(key.listing, key.id) if listing is not None else None
        if listing is None or row is None or not can_see(principal, listing):
            raise NotFound("REVIEW_NOT_FOUND", f"no review {name}", domain=DOMAIN, metadata={"name": name})
        return _review(row)

    async def list(
        self, principal: Principal, key: ListingKey, page_size: int, page_token: str
    ) -> tuple[builtins.list[StoredReview], str]:
        listing = await self._store.get_listing(key)
        if listing is None or not can_see(principal, listing):
            raise listing_not_found(key.name)
        size = resolve_page_size(page_size, default=REVIEW_PAGE[0], maximum=REVIEW_PAGE[1])
        fingerprint = query_fingerprint("ListReviews", parent=key.name)
        before = int(self._page_tokens.decode(page_token, fingerprint)["s"]) if page_token else None
        rows = [_review(row) for row in await self._store.list_reviews(key, before, size + 1)]
        page = rows[:size]
        token = self._page_tokens.encode(fingerprint, {"s": page[-1].seq}) if len(rows) > size else ""
        return page, token

    # -- risk acceptance ----------------------------------------------------

    async def accept_risk(
        self, principal: Principal, review_name: str, finding_id: str, justification: str
    ) -> tuple[StoredReview, Listing]:
        current = await self.get(principal, review_name)
        listing = await self._store.get_listing(current.key.listing)
        assert listing is not None
        if listing.latest_review != current.key.id:
            raise FailedPrecondition(
                "REVIEW_NOT_LATEST",
                "risk can be accepted only on the listing's latest review",
                domain=DOMAIN,
                metadata={"latest_review": f"{listing.key.name}/reviews/{listing.latest_review}"},
            )
        if not any(f["id"] == finding_id for f in current.findings):
            raise NotFound(
                "FINDING_NOT_FOUND",
                f"the review has no finding {finding_id!r}",
                domain=DOMAIN,
                metadata={"finding_id": finding_id[:200]},
            )
        row = await self._store.get_review(current.key.listing, current.key.id)
        assert row is not None
        accepted: dict[str, Mapping[str, Any]] = dict(row["accepted_risks"])
        accepted[finding_id] = {
            "reviewer": principal.subject,
            "reviewer_org": principal.org or "",
            "justification": justification.strip(),
            "accept_time": datetime.now(UTC).isoformat(),
        }
        parsed = None if current.sbom_sha256 is None else await self._stored_sbom(current.sbom_sha256)
        async with self.advisories.lock:
            await self.advisories.refresh()
            decision = await self._decide(listing, parsed, accepted)
        try:
            return await self._record(listing, decision, parsed, "RISK_ACCEPTANCE", accepted)
        except ReviewSuperseded:
            # Another acceptance (or a submission, a re-review) was recorded after this one
            # read the review: writing it would drop that one. The caller accepts again on
            # the latest review.
            raise FailedPrecondition(
                "REVIEW_NOT_LATEST",
                "the listing was reviewed again meanwhile: accept the risk on its latest review",
                domain=DOMAIN,
                metadata={"listing": listing.key.name},
            ) from None

    # -- advisories ---------------------------------------------------------

    async def match_advisories(
        self, purls: Sequence[str]
    ) -> builtins.list[builtins.list[osv.VulnerabilityMatch]]:
        """The advisories affecting each purl's version, from this replica's index kept in step
        with the store (the matching a review does for an SBOM component)."""
        for n, purl in enumerate(purls):
            if len(purl) > MAX_PURL_CHARS:
                raise InvalidArgument(
                    "FIELD_INVALID",
                    f"purls[{n}] is longer than {MAX_PURL_CHARS} characters",
                    field_violations=[FieldViolation(f"purls[{n}]", "too long")],
                )
        async with self.advisories.lock:
            await self.advisories.refresh()
            return [self.advisories.index.match(purl) for purl in purls]

    async def import_advisories(self, data: bytes) -> ImportSummary:
        staging = osv.AdvisoryIndex()
        if data[:4] == b"PK\x03\x04":
            result = await asyncio.to_thread(
                staging.import_zip, data, max_total_bytes=MAX_ADVISORY_EXPANDED_BYTES
            )
        else:
            result = await asyncio.to_thread(staging.import_json, data)
        if not result.changed:
            detail = "; ".join(f"{where}: {why}" for where, why in result.rejected[:5])
            raise InvalidArgument(
                "ADVISORY_MALFORMED",
                f"no valid OSV record in osv_data ({detail or 'empty'})",
                domain=DOMAIN,
                metadata={"field": "osv_data", "rejected": str(len(result.rejected))},
                field_violations=[FieldViolation("osv_data", "no valid OSV record")],
            )
        staged = list(staging.rows(result.changed))
        async with self._store.pool.acquire() as conn, conn.transaction():
            stored = await self._store.upsert_advisories(
                conn, [(row.id, _modified(row.modified), row.record_json) for row in staged]
            )
            # The packages to re-review are this import's own: recorded durably with the
            # advisories, not left to this replica's index refresh (which another request
            # holding the lock may run first, and whose result it does not pass on).
            await self._store.add_rereviews(conn, _rereview_packages(staging, stored))
        added = sum(1 for row in stored if row["inserted"])
        updated = len(stored) - added
        rereviewed, flagged = await self.rereview_pending()
        return ImportSummary(added, updated, rereviewed, flagged)

    async def rereview_pending(self) -> tuple[int, builtins.list[str]]:
        """Review again the listings of every package an advisory import marked (its own, or one
        that failed, was cancelled or was killed part-way): how many were reviewed, and the names
        of those it flagged. The marks go only once every listing is done, so whatever stops this
        leaves them for the next import or the next start."""
        async with self.advisories.lock:
            await self.advisories.refresh()
            pending = await self._store.pending_rereviews()
            keys = await self._store.listings_with_packages((eco, name) for eco, name, _ in pending)
            rereviewed = 0
            flagged: builtins.list[str] = []
            for key in keys:
                reviewed, recorded = await self._rereview(key)
                rereviewed += reviewed
                if recorded is ListingState.FLAGGED:
                    flagged.append(key.name)
            await self._store.clear_rereviews(pending)
        return rereviewed, flagged

    async def finish_interrupted_rereviews(self) -> None:
        """At start-up: finish the re-reviews an import left when its process stopped or died
        after storing its advisories (nothing to do, and no lock taken, when none is pending)."""
        if not await self._store.pending_rereviews():
            return
        rereviewed, flagged = await self.rereview_pending()
        log.info("interrupted advisory re-reviews finished", rereviewed=rereviewed, flagged=len(flagged))

    async def _rereview(self, key: ListingKey) -> tuple[bool, ListingState | None]:
        """Review a listing again on its stored SBOM (the caller holds the advisory lock):
        whether it had one to review, and its state when that recorded a new decision."""
        for _ in range(RECORD_ATTEMPTS):
            listing = await self._store.get_listing(key)
            if listing is None or listing.sbom_sha256 is None or listing.latest_review is None:
                return False, None
            previous = await self._store.get_review(key, listing.latest_review)
            assert previous is not None
            accepted = dict(previous["accepted_risks"])
            parsed = await self._stored_sbom(listing.sbom_sha256)
            decision = await self._decide(listing, parsed, accepted)
            if policy.decision_digest(decision) == bytes(previous["decision_digest"]):
                return True, None  # the new advisories do not change this listing's decision
            try:
                _, after = await self._record(listing, decision, parsed, "ADVISORY_IMPORT", accepted)
            except ReviewSuperseded:
                # A submission or acceptance was recorded since the listing was read:
                # review what it recorded (this index has the new advisories).
                continue
            return True, after.state
        raise _superseded(key)  # the packages stay pending for the next import

    # -- notifications ------------------------------------------------------

    async def notifications(
        self, principal: Principal, parent: str, page_size: int, page_token: str
    ) -> tuple[builtins.list[asyncpg.Record], str]:
        vendor = parse_vendor(parent)
        require_org(principal, vendor, "parent")
        size = resolve_page_size(page_size, default=NOTIFICATION_PAGE[0], maximum=NOTIFICATION_PAGE[1])
        fingerprint = query_fingerprint("ListNotifications", parent=parent)
        before = int(self._page_tokens.decode(page_token, fingerprint)["s"]) if page_token else None
        rows = await self._store.list_notifications(vendor, before, None, size + 1)
        page = rows[:size]
        token = self._page_tokens.encode(fingerprint, {"s": page[-1]["seq"]}) if len(rows) > size else ""
        return page, token

    async def watch(self, principal: Principal, parent: str) -> AsyncIterator[Sequence[asyncpg.Record]]:
        """First an empty batch (the watch is active), then new notifications as they appear.

        Polls by sequence number every WATCH_POLL_S, so it sees what any
        replica wrote, with no state beyond the last sequence seen.
        """
        vendor = parse_vendor(parent)
        require_org(principal, vendor, "parent")
        last = await self._store.last_notification_seq(vendor)
        yield []
        while True:
            await asyncio.sleep(WATCH_POLL_S)
            rows = await self._store.list_notifications(vendor, None, last, 500)
            if rows:
                last = rows[0]["seq"]
                yield list(reversed(rows))


def _rereview_packages(staging: osv.AdvisoryIndex, stored: Sequence[asyncpg.Record]) -> set[osv.PackageKey]:
    """The packages the stored advisories name, as imported and as they were before."""
    packages: set[osv.PackageKey] = set()
    for row in stored:
        advisory = staging.get(row["id"])
        if advisory is not None:
            packages |= advisory.package_keys
        if row["previous"] is not None:
            try:
                packages |= osv.build_advisory(row["previous"]).package_keys
            except ValueError:  # stored before a stricter parser: its new version still counts
                log.warning("stored advisory no longer parses", advisory=row["id"])
    return packages


def _modified(text: str) -> datetime | None:
    if not text:
        return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
