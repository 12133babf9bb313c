"""The review gate under interleavings and failures: each test forces one ordering (a hook
on a real method) against a real server and PostgreSQL, and checks nothing is lost."""

from __future__ import annotations

import asyncio
import contextlib
import json
import uuid
from collections.abc import AsyncIterator
from typing import Any

import grpc
import pytest

from jipan.clients import error_details
from jipan.procurement.v1 import catalog_service_pb2 as cpb
from jipan.procurement.v1 import resources_pb2 as res
from jipan.procurement.v1 import review_service_pb2 as rpb
from jipan.servers.procurement.reviews import AdvisoryCache, Reviews
from jipan.servers.procurement.store import CatalogStore
from tests.mesh import RunningServer
from tests.procurement.helpers import (
    Caller,
    create_lot,
    procurement_server,
    software_listing,
    unique,
)

JSON = rpb.SBOM_FORMAT_CYCLONEDX_JSON


@pytest.fixture(scope="module")
async def server(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[RunningServer]:
    async with procurement_server(database_url, tmp_path_factory.mktemp("procurement-races")) as running:
        yield running


def sbom(*packages: str) -> bytes:
    """A CycloneDX 1.5 SBOM of PyPI packages at 1.0.0 (names no advisory names unless a test adds one)."""
    components = [
        {
            "type": "library",
            "bom-ref": f"pkg:pypi/{name}@1.0.0",
            "name": name,
            "version": "1.0.0",
            "purl": f"pkg:pypi/{name}@1.0.0",
            "licenses": [{"license": {"id": "MIT"}}],
        }
        for name in packages
    ]
    return json.dumps(
        {
            "bomFormat": "CycloneDX",
            "specVersion": "1.5",
            "serialNumber": f"urn:uuid:{uuid.uuid4()}",
            "version": 1,
            "metadata": {"component": {"type": "application", "bom-ref": "app", "name": "app"}},
            "components": components,
            "dependencies": [{"ref": "app", "dependsOn": [c["bom-ref"] for c in components]}],
        }
    ).encode()


def advisory(package: str, *, modified: str = "2025-01-08T16:43:05Z") -> dict[str, Any]:
    """A critical OSV advisory for every version of a PyPI package below 2.0.0."""
    return {
        "schema_version": "1.6.0",
        "id": f"GHSA-test-{uuid.uuid4().hex[:4]}-{uuid.uuid4().hex[:4]}",
        "modified": modified,
        "summary": f"{package} is vulnerable",
        "affected": [
            {
                "package": {"ecosystem": "PyPI", "name": package},
                "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "2.0.0"}]}],
            }
        ],
        "database_specific": {"severity": "CRITICAL"},
    }


async def approved_listing(admin: Caller, vendor: Caller, *packages: str) -> str:
    lot = await create_lot(admin)
    created = await vendor.catalog.CreateListing(
        cpb.CreateListingRequest(parent=f"vendors/{vendor.org}", listing=software_listing(lot)),
        metadata=vendor.metadata,
    )
    submitted = await vendor.reviews.SubmitListing(
        rpb.SubmitListingRequest(listing=created.listing.name, sbom=sbom(*packages), sbom_format=JSON),
        metadata=vendor.metadata,
    )
    assert submitted.listing.state == res.LISTING_STATE_APPROVED, submitted.review.findings
    return str(created.listing.name)


async def import_records(admin: Caller, *records: dict[str, Any]) -> rpb.ImportAdvisoriesResponse:
    response: rpb.ImportAdvisoriesResponse = await admin.reviews.ImportAdvisories(
        rpb.ImportAdvisoriesRequest(osv_data=json.dumps(list(records)).encode()), metadata=admin.metadata
    )
    return response


async def state_of(vendor: Caller, name: str) -> int:
    got = await vendor.catalog.GetListing(cpb.GetListingRequest(name=name), metadata=vendor.metadata)
    return int(got.listing.state)


async def test_an_import_flags_listings_even_when_another_request_refreshed_the_index_first(
    admin: Caller, vendor: Caller, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = unique("jipan-race-pkg")
    name = await approved_listing(admin, vendor, package)

    # Between the import storing its advisories and taking the index lock, another
    # request (a submission, MatchAdvisories) holds the lock and refreshes the index,
    # discarding what the refresh found changed.
    original = AdvisoryCache.refresh
    interleave = {"armed": True}

    async def refresh_after_another_request(self: AdvisoryCache) -> Any:
        if interleave.pop("armed", False):
            await original(self)  # the other request's refresh
        return await original(self)

    monkeypatch.setattr(AdvisoryCache, "refresh", refresh_after_another_request)
    imported = await import_records(admin, advisory(package))

    assert name in imported.flagged_listings
    assert await state_of(vendor, name) == res.LISTING_STATE_FLAGGED
    notices = await vendor.reviews.ListNotifications(
        rpb.ListNotificationsRequest(parent=f"vendors/{vendor.org}"), metadata=vendor.metadata
    )
    assert [n.listing for n in notices.notifications] == [name]


async def test_an_import_whose_rereview_failed_part_way_is_finished_by_the_retry(
    admin: Caller, vendor: Caller, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = unique("jipan-retry-pkg")
    name = await approved_listing(admin, vendor, package)
    record = advisory(package)

    original = Reviews._record
    failures = {"left": 1}

    async def record_failing_once(self: Reviews, *args: Any, **kwargs: Any) -> Any:
        if failures["left"]:
            failures["left"] -= 1
            raise ConnectionResetError("the database went away mid-import")
        return await original(self, *args, **kwargs)

    monkeypatch.setattr(Reviews, "_record", record_failing_once)
    with pytest.raises(grpc.aio.AioRpcError) as failed:
        await import_records(admin, record)
    assert failed.value.code() == grpc.StatusCode.INTERNAL
    assert await state_of(vendor, name) == res.LISTING_STATE_APPROVED

    retried = await import_records(admin, record)  # the same data: nothing new to store
    assert (retried.added, retried.updated) == (0, 0)
    assert name in retried.flagged_listings
    assert await state_of(vendor, name) == res.LISTING_STATE_FLAGGED

    again = await import_records(admin, record)  # finished: nothing left to re-review
    assert again.listings_rereviewed == 0


async def test_an_import_killed_before_its_rereviews_ended_is_finished_at_the_next_start(
    admin: Caller,
    vendor: Caller,
    database_url: str,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An import stored its advisories and marked their packages, then its process died before
    the listings were re-reviewed: the next process to start finishes them, with no import."""
    package = unique("jipan-killed-pkg")
    name = await approved_listing(admin, vendor, package)
    record = advisory(package)

    async def killed(self: Reviews, *args: Any, **kwargs: Any) -> Any:
        raise ConnectionResetError("the process died mid-import")

    with monkeypatch.context() as patched:
        patched.setattr(Reviews, "_record", killed)
        with pytest.raises(grpc.aio.AioRpcError):
            await import_records(admin, record)
    assert await state_of(vendor, name) == res.LISTING_STATE_APPROVED

    async with procurement_server(database_url, tmp_path_factory.mktemp("procurement-restart")):
        for _ in range(300):
            if await state_of(vendor, name) == res.LISTING_STATE_FLAGGED:
                break
            await asyncio.sleep(0.1)
        assert await state_of(vendor, name) == res.LISTING_STATE_FLAGGED
    notices = await vendor.reviews.ListNotifications(
        rpb.ListNotificationsRequest(parent=f"vendors/{vendor.org}"), metadata=vendor.metadata
    )
    assert name in [n.listing for n in notices.notifications]
    again = await import_records(admin, record)  # finished: nothing left to re-review
    assert (again.added, again.updated, again.listings_rereviewed) == (0, 0, 0)


def trigger_of(args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
    """Reviews._record(listing, decision, parsed, trigger, accepted)'s trigger."""
    return str(kwargs["trigger"] if "trigger" in kwargs else args[3])


async def test_two_simultaneous_risk_acceptances_lose_neither(
    admin: Caller, reviewer: Caller, vendor: Caller, monkeypatch: pytest.MonkeyPatch
) -> None:
    first_package, second_package = unique("jipan-accept-a"), unique("jipan-accept-b")
    await import_records(admin, advisory(first_package), advisory(second_package))
    lot = await create_lot(admin)
    created = await vendor.catalog.CreateListing(
        cpb.CreateListingRequest(parent=f"vendors/{vendor.org}", listing=software_listing(lot)),
        metadata=vendor.metadata,
    )
    submitted = await vendor.reviews.SubmitListing(
        rpb.SubmitListingRequest(
            listing=created.listing.name, sbom=sbom(first_package, second_package), sbom_format=JSON
        ),
        metadata=vendor.metadata,
    )
    blocking = [f.id for f in submitted.review.findings if f.blocking]
    assert len(blocking) == 2

    # Both acceptances have read the review's accepted risks and decided before either writes.
    both_decided = asyncio.Barrier(2)
    original = Reviews._record

    async def record_after_both_decided(self: Reviews, *args: Any, **kwargs: Any) -> Any:
        if trigger_of(args, kwargs) == "RISK_ACCEPTANCE":
            with contextlib.suppress(asyncio.BrokenBarrierError, TimeoutError):
                await asyncio.wait_for(both_decided.wait(), timeout=5)
        return await original(self, *args, **kwargs)

    monkeypatch.setattr(Reviews, "_record", record_after_both_decided)
    results = await asyncio.gather(
        *(
            reviewer.reviews.AcceptFindingRisk(
                rpb.AcceptFindingRiskRequest(
                    review=submitted.review.name, finding_id=finding, justification="mitigated by deployment"
                ),
                metadata=reviewer.metadata,
            )
            for finding in blocking
        ),
        return_exceptions=True,
    )
    accepted_ok = [
        finding
        for finding, result in zip(blocking, results, strict=True)
        if not isinstance(result, BaseException)
    ]
    for result in results:
        if isinstance(result, grpc.aio.AioRpcError):
            assert result.code() == grpc.StatusCode.FAILED_PRECONDITION, result.details()
            assert error_details(result).reason == "REVIEW_NOT_LATEST"
        else:
            assert not isinstance(result, BaseException), result
    assert accepted_ok
    reviews = await vendor.reviews.ListReviews(
        rpb.ListReviewsRequest(parent=created.listing.name), metadata=vendor.metadata
    )
    latest = reviews.reviews[0]
    accepted_in_latest = {f.id for f in latest.findings if f.risk_acceptance.reviewer}
    assert set(accepted_ok) <= accepted_in_latest  # every acceptance answered OK is kept


async def test_a_rereview_of_an_old_sbom_never_overwrites_a_newer_submission(
    admin: Caller, vendor: Caller, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = unique("jipan-stale-pkg")
    name = await approved_listing(admin, vendor, package)  # package@1.0.0

    # The vendor submits a fixed SBOM (package@2.0.0) while an advisory for package < 2.0.0 is
    # imported: the import reads the listing (the old SBOM) and decides FLAGGED, the submission
    # is recorded, and only then does the import write its decision.
    submission_decided, import_decided, submission_recorded = (asyncio.Event() for _ in range(3))
    original = Reviews._record

    async def record_interleaved(self: Reviews, *args: Any, **kwargs: Any) -> Any:
        trigger = trigger_of(args, kwargs)
        if trigger == "SUBMISSION" and not submission_decided.is_set():
            submission_decided.set()
            await asyncio.wait_for(import_decided.wait(), timeout=30)
            try:
                return await original(self, *args, **kwargs)
            finally:
                submission_recorded.set()
        if trigger == "ADVISORY_IMPORT" and not import_decided.is_set():
            import_decided.set()
            await asyncio.wait_for(submission_recorded.wait(), timeout=30)
        return await original(self, *args, **kwargs)

    monkeypatch.setattr(Reviews, "_record", record_interleaved)
    fixed = sbom(package).replace(b"@1.0.0", b"@2.0.0").replace(b'"1.0.0"', b'"2.0.0"')
    submission = asyncio.ensure_future(
        vendor.reviews.SubmitListing(
            rpb.SubmitListingRequest(listing=name, sbom=fixed, sbom_format=JSON), metadata=vendor.metadata
        )
    )
    await asyncio.wait_for(submission_decided.wait(), timeout=30)
    await import_records(admin, advisory(package))
    submitted = await submission
    assert submitted.listing.state == res.LISTING_STATE_APPROVED

    assert await state_of(vendor, name) == res.LISTING_STATE_APPROVED
    reviews = await vendor.reviews.ListReviews(rpb.ListReviewsRequest(parent=name), metadata=vendor.metadata)
    assert reviews.reviews[0].name == submitted.review.name


async def test_a_notification_committed_after_a_later_one_still_reaches_the_watch_feed(
    server: RunningServer,
) -> None:
    """The watch feed reads `seq > last seen`. A notification's transaction takes its seq, a
    second one takes a later seq and commits first: the feed must still deliver the first."""
    database = server.runtime.database
    store = CatalogStore(database)
    vendor = unique("vendor")

    async def notify(conn: Any) -> None:
        await store.insert_notification(
            conn, vendor, uuid.uuid4(), listing="l", review="r", advisory_ids=["GHSA-x"], message="m"
        )

    seen: dict[int, uuid.UUID] = {}
    last = await store.last_notification_seq(vendor)

    async def poll() -> None:
        nonlocal last
        rows = await store.list_notifications(vendor, None, last, 500)
        if rows:
            last = rows[0]["seq"]
            seen.update((row["seq"], row["id"]) for row in rows)

    async with database.acquire() as first, database.acquire() as second:
        first_tx = first.transaction()
        await first_tx.start()
        await notify(first)  # seq N, not committed yet

        async def second_notification() -> None:
            async with second.transaction():
                await notify(second)  # seq N+1

        later = asyncio.ensure_future(second_notification())
        # Until the second has committed, or waits for the first (a lock).
        pid = second.get_server_pid()
        for _ in range(1000):
            if later.done():
                break
            waiting = await database.fetchval(
                "SELECT wait_event_type = 'Lock' FROM pg_stat_activity WHERE pid = $1", pid
            )
            if waiting:
                break
            await asyncio.sleep(0.01)
        else:
            pytest.fail("the second notification neither committed nor waited")
        await poll()  # a watcher looks now
        await first_tx.commit()
        await later
    await poll()
    await poll()
    assert len(seen) == 2
