"""The catalog's use cases: publish, read, search, update, export a data space catalog."""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime

import structlog

from jipan.interceptors.context import Principal
from jipan.servers.dataspace import policy
from jipan.servers.dataspace.catalog import dcat
from jipan.servers.dataspace.catalog.credibility import (
    DISTRIBUTION_ID,
    SOURCE_RATINGS_CSV_ID,
    SOURCE_RATINGS_ID,
    FactCheckSource,
    fact_check_fields,
    source_ratings_csv,
    source_ratings_fields,
    source_ratings_json,
)
from jipan.servers.dataspace.catalog.privacy import PrivacyAssessor
from jipan.servers.dataspace.catalog.store import CatalogStore
from jipan.servers.dataspace.catalog.types import (
    Dataset,
    DatasetFields,
    Distribution,
    KAssessment,
    Offer,
    PersonalObject,
)
from jipan.servers.dataspace.consent import not_personal
from jipan.servers.dataspace.names import DOMAIN, check_org, dataset_name, parse_dataset
from jipan.servers.dataspace.retired import RetiredObjects
from jipan.servers.runtime import search
from jipan.servers.runtime.errors import (
    Aborted,
    AlreadyExists,
    FailedPrecondition,
    FieldViolation,
    InvalidArgument,
    NotFound,
    PermissionDenied,
)
from jipan.servers.runtime.objectstore import ObjectStore
from jipan.servers.runtime.pagination import PageTokens, query_fingerprint, resolve_page_size

log = structlog.get_logger(__name__)

UPDATABLE = frozenset(
    {
        "title",
        "title_en",
        "description",
        "description_en",
        "themes",
        "keywords",
        "temporal_start",
        "temporal_end",
        "spatial",
        "license",
        "update_frequency",
        "distributions",
        "offers",
        "personal_data",
        "personal_data_category",
    }
)
THEMES = frozenset(
    {"AGRI", "ECON", "EDUC", "ENER", "ENVI", "GOVE", "HEAL", "INTR", "JUST", "REGI", "SOCI", "TECH", "TRAN"}
)
"""The EU data theme vocabulary (DCAT-AP's dcat:theme)."""
_SPATIAL = re.compile(r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$")
_CATEGORY = re.compile(r"^[a-z][a-z0-9._:-]{0,63}$")
"""identity's consent category words."""
_SPDX_OR_URL = re.compile(r"^([A-Za-z0-9][A-Za-z0-9.+-]{0,99}|https://\S{1,290})$")
MAX_QUERY_TOKENS = 64


def federated_party(principal: Principal) -> str | None:
    """For a caller from another mesh (a token federation exchanged: a `fed` claim, `sub` the peer,
    `org` the approving organisation of this mesh), the party it acts for: the peer's name then its
    caller's organisation (or principal) in its own mesh, "orgs/{org}/peers/{peer}/orgs/{their org}".
    Never an organisation of this mesh, so such a caller is never taken for the publisher or for a
    local consumer. None for a caller of this mesh."""
    fed = principal.claims.get("fed")
    if not isinstance(fed, dict):
        return None
    act = principal.claims.get("act")
    acting = act.get("org") or act.get("sub") if isinstance(act, dict) else None
    if not isinstance(acting, str) or not acting:
        raise PermissionDenied(
            "ORGANIZATION_MISMATCH",
            "the federated token names no caller of the peer (`act`)",
            domain=DOMAIN,
        )
    return f"{principal.subject}/{acting}"


def org_of(principal: Principal) -> str:
    """The organisation (party) the caller acts for: its token's `org`, or, for a caller from another
    mesh, `federated_party`."""
    party = federated_party(principal)
    if party is not None:
        return party
    if not principal.org:
        raise PermissionDenied(
            "ORGANIZATION_MISMATCH",
            "the token names no organisation (`org`); datasets are published by organisations",
            domain=DOMAIN,
        )
    return principal.org


def _field_invalid(field: str, message: str) -> InvalidArgument:
    return InvalidArgument(
        "FIELD_INVALID",
        f"{field}: {message}",
        metadata={"field": field},
        field_violations=(FieldViolation(field=field, description=message),),
    )


def dataset_not_found(name: str) -> NotFound:
    return NotFound(
        "DATASET_NOT_FOUND",
        "no catalogued dataset with this name",
        domain=DOMAIN,
        metadata={"name": name[:300]},
    )


def check_fields(fields: DatasetFields) -> DatasetFields:
    """`fields` with each offer's policy digest set, or INVALID_ARGUMENT naming the field at fault."""
    if not fields.title.strip():
        raise _field_invalid("dataset.title", "is required")
    for i, theme in enumerate(fields.themes):
        if theme not in THEMES:
            raise _field_invalid(
                f"dataset.themes[{i}]", f"{theme!r} is not one of {', '.join(sorted(THEMES))}"
            )
    for i, keyword in enumerate(fields.keywords):
        if not keyword.strip() or len(keyword) > 100:
            raise _field_invalid(f"dataset.keywords[{i}]", "must be 1 to 100 characters")
    if fields.temporal_start and fields.temporal_end and fields.temporal_end < fields.temporal_start:
        raise _field_invalid("dataset.temporal_end", "is before temporal_start")
    if fields.spatial and not _SPATIAL.match(fields.spatial):
        raise _field_invalid(
            "dataset.spatial", "must be an ISO 3166-1 alpha-2 code or ISO 3166-2 subdivision"
        )
    if fields.personal_data_category and not (
        fields.personal_data and _CATEGORY.match(fields.personal_data_category)
    ):
        raise _field_invalid(
            "dataset.personal_data_category",
            "is for datasets of personal data only, a category word like `health` (identity's consents)",
        )
    if fields.license and not _SPDX_OR_URL.match(fields.license):
        raise _field_invalid("dataset.license", "must be an SPDX licence id or an https URL")
    ids = [d.id for d in fields.distributions]
    if len(set(ids)) != len(ids):
        raise _field_invalid("dataset.distributions", "distribution ids must be unique")
    for i, distribution in enumerate(fields.distributions):
        if distribution.sha256 and len(distribution.sha256) != 32:
            raise _field_invalid(f"dataset.distributions[{i}].sha256", "must be 32 bytes (SHA-256)")
    if not fields.offers:
        raise _field_invalid("dataset.offers", "a dataset needs at least one offer")
    offer_ids = [o.id for o in fields.offers]
    if len(set(offer_ids)) != len(offer_ids):
        raise _field_invalid("dataset.offers", "offer ids must be unique")
    offers = []
    for i, offer in enumerate(fields.offers):
        parsed = policy.parse_policy(offer.policy, field_name=f"dataset.offers[{i}].policy", domain=DOMAIN)
        offers.append(Offer(offer.id, offer.policy, parsed.digest))
    return replace(fields, offers=tuple(offers))


def _keep_uploads(current: Dataset, distributions: tuple[Distribution, ...]) -> tuple[Distribution, ...]:
    """An update of the distributions keeps the uploaded data (and its size and checksum) of each
    distribution it keeps by id: the data change only through UploadDistribution."""
    kept = []
    for distribution in distributions:
        old = current.distribution(distribution.id)
        if old is not None and old.uploaded:
            distribution = replace(
                distribution,
                object_key=old.object_key,
                byte_size=old.byte_size,
                sha256=old.sha256,
                assessment=old.assessment,
            )
        kept.append(distribution)
    return tuple(kept)


def upload_invalid(problem: str, **metadata: str) -> InvalidArgument:
    return InvalidArgument(
        "UPLOAD_INVALID", problem, domain=DOMAIN, metadata={"problem": problem, **metadata}
    )


def distribution_not_found(dataset: str, distribution_id: str) -> NotFound:
    return NotFound(
        "DISTRIBUTION_NOT_FOUND",
        "the dataset has no distribution with this id",
        domain=DOMAIN,
        metadata={"dataset": dataset, "distribution": distribution_id[:63]},
    )


def as_json(items: Sequence[object]) -> bytes:
    """The fact-check distribution's data: a compact UTF-8 JSON array."""
    return json.dumps(items, ensure_ascii=False, separators=(",", ":")).encode()


def object_key(dataset: Dataset, distribution_id: str) -> str:
    """A new key for every upload: a transfer in flight keeps reading the data it started with."""
    org = dataset.publisher.removeprefix("orgs/")
    return f"dataspace/{org}/{dataset.id}/{distribution_id}/{uuid.uuid4().hex}"


class Catalog:
    def __init__(
        self,
        store: CatalogStore,
        page_tokens: PageTokens,
        objects: ObjectStore,
        *,
        max_upload_bytes: int,
        privacy: PrivacyAssessor | None = None,
        fact_checks: FactCheckSource | None = None,
        retired: RetiredObjects | None = None,
    ) -> None:
        self.retired = retired
        self.store = store
        self.page_tokens = page_tokens
        self.objects = objects
        self.max_upload_bytes = max_upload_bytes
        self.privacy = privacy
        self.fact_checks = fact_checks

    async def publish_fact_checks(
        self, principal: Principal, dataset_id: str, license_id: str
    ) -> tuple[Dataset, int]:
        """The credibility data space: the caller's published fact-checks as a dataset (see
        credibility.py), created on the first call, its data replaced on every later one."""
        publisher = org_of(principal)
        fact_checks = self._fact_checks()
        fields = check_fields(fact_check_fields(publisher, license_id))
        documents = await fact_checks.claim_reviews(publisher)
        if not documents:
            raise FailedPrecondition(
                "FACTCHECK_DATASET",
                "the organisation has no published fact-check to offer",
                domain=DOMAIN,
                metadata={"problem": "nothing published", "publisher": publisher},
            )
        dataset = await self._publish_credibility(
            principal, dataset_id, fields, {DISTRIBUTION_ID: as_json(documents)}, "PublishFactCheckDataset"
        )
        return dataset, len(documents)

    async def publish_source_ratings(
        self, principal: Principal, dataset_id: str, license_id: str, bearer_token: str
    ) -> tuple[Dataset, int]:
        """The credibility data space: the caller's published source credibility records as a
        dataset (see credibility.py), read with the caller's `bearer_token`; created on the first
        call, its data replaced on every later one."""
        publisher = org_of(principal)
        fact_checks = self._fact_checks()
        fields = check_fields(source_ratings_fields(publisher, license_id))
        records = await fact_checks.source_ratings(publisher, bearer_token)
        if not records:
            raise FailedPrecondition(
                "FACTCHECK_DATASET",
                "the organisation has no published source credibility record to offer",
                domain=DOMAIN,
                metadata={"problem": "nothing published", "publisher": publisher},
            )
        data = {
            SOURCE_RATINGS_ID: source_ratings_json(records),
            SOURCE_RATINGS_CSV_ID: source_ratings_csv(records),
        }
        dataset = await self._publish_credibility(
            principal, dataset_id, fields, data, "PublishSourceRatingsDataset"
        )
        return dataset, len(records)

    def _fact_checks(self) -> FactCheckSource:
        if self.fact_checks is None:
            raise FailedPrecondition(
                "FACTCHECK_UNAVAILABLE", "this server has no factcheck service configured", domain=DOMAIN
            )
        return self.fact_checks

    async def _publish_credibility(
        self,
        principal: Principal,
        dataset_id: str,
        fields: DatasetFields,
        data: dict[str, bytes],
        method: str,
    ) -> Dataset:
        """Create the dataset on the first call (an id held by a dataset made another way is
        refused), then upload each distribution's `data`."""
        publisher = org_of(principal)
        name = dataset_name(publisher, dataset_id)
        existing = await self.store.get(publisher, dataset_id)
        if existing is None:
            created = await self.store.insert(publisher, dataset_id, fields, principal.subject)
            if created is not None:
                log.info("credibility dataset published", dataset=name, distributions=list(data))
        elif existing.fields.personal_data or any(existing.distribution(d) is None for d in data):
            raise FailedPrecondition(
                "FACTCHECK_DATASET",
                f"a dataset with this id exists and was not published by {method}",
                domain=DOMAIN,
                metadata={"problem": "another dataset", "name": name},
            )
        dataset: Dataset | None = None
        for distribution_id, body in data.items():

            async def chunks(body: bytes = body) -> AsyncIterator[bytes]:
                for start in range(0, len(body), 1 << 20):
                    yield body[start : start + (1 << 20)]

            dataset = await self.upload(principal, name, distribution_id, b"", chunks())
        assert dataset is not None
        return dataset

    async def _own(self, principal: Principal, name: str, field: str) -> Dataset:
        publisher = org_of(principal)
        dataset = await self.get(principal, name, field)
        if dataset.publisher != publisher:
            raise PermissionDenied(
                "ORGANIZATION_MISMATCH",
                "only the dataset's publisher changes its data",
                domain=DOMAIN,
                metadata={"name": name},
            )
        return dataset

    async def _sweep(self) -> None:
        """The objects retired: deleted once no transfer reads them."""
        if self.retired is not None:
            await self.retired.sweep()

    async def _update(
        self, current: Dataset, fields: DatasetFields, retire: Callable[[Dataset], list[str]]
    ) -> Dataset | None:
        """The dataset updated if still at `current`'s version, and in the same transaction the
        object keys `retire` names (from the updated dataset) retired: a cancellation after the
        commit leaves no replaced object unretired. None when the version moved."""
        async with self.store.pool.acquire() as conn, conn.transaction():
            updated = await self.store.update(current.publisher, current.id, fields, current.version, conn)
            if updated is not None and self.retired is not None:
                await RetiredObjects.mark(conn, retire(updated))
        return updated

    async def _write(self, current: Dataset, distribution: Distribution, retire: str = "") -> Dataset | None:
        fields = replace(
            current.fields,
            distributions=tuple(
                distribution if d.id == distribution.id else d for d in current.fields.distributions
            ),
        )
        return await self._update(current, fields, lambda _: [retire] if retire else [])

    async def assess(
        self, principal: Principal, name: str, distribution_id: str, privacy_dataset: str, bearer_token: str
    ) -> Dataset:
        """Have the privacy service assess the distribution's data (see PrivacyAssessor)."""
        dataset = await self._own(principal, name, "dataset")
        owner, _ = parse_dataset(privacy_dataset, "privacy_dataset")
        if owner != dataset.publisher:
            raise InvalidArgument(
                "NAME_INVALID",
                "privacy_dataset must be the publisher's own dataset in the privacy service",
                domain=DOMAIN,
                metadata={"field": "privacy_dataset", "value": privacy_dataset[:200]},
            )
        distribution = dataset.distribution(distribution_id)
        if distribution is None:
            raise distribution_not_found(name, distribution_id)
        if not distribution.uploaded:
            raise FailedPrecondition(
                "ASSESSMENT_MISMATCH",
                "the distribution has no uploaded data to assess",
                domain=DOMAIN,
                metadata={"problem": "not uploaded", "distribution": distribution_id},
            )
        if self.privacy is None:
            raise FailedPrecondition(
                "PRIVACY_UNAVAILABLE", "this server has no privacy service configured", domain=DOMAIN
            )
        found = await self.privacy.assess(privacy_dataset, bearer_token)
        if found.sha256 != distribution.sha256:
            raise FailedPrecondition(
                "ASSESSMENT_MISMATCH",
                "the privacy service's dataset does not hold the distribution's data (another SHA-256)",
                domain=DOMAIN,
                metadata={
                    "problem": "sha256 differs",
                    "distribution_sha256": distribution.sha256.hex(),
                    "privacy_sha256": found.sha256.hex(),
                },
            )
        assessment = KAssessment(privacy_dataset, found.k, distribution.sha256, datetime.now(UTC))
        for _ in range(5):  # an update racing the assessment: read again and reapply
            current = await self.get(principal, name, "dataset")
            target = current.distribution(distribution_id)
            if target is None:
                raise distribution_not_found(name, distribution_id)
            if target.sha256 != distribution.sha256:
                raise Aborted(
                    "ETAG_MISMATCH",
                    "the data were uploaded again during the assessment; retry",
                    domain=DOMAIN,
                )
            updated = await self._write(current, replace(target, assessment=assessment))
            if updated is not None:
                log.info("distribution assessed", dataset=name, distribution=distribution_id, k=found.k)
                return updated
        raise Aborted(
            "ETAG_MISMATCH", "the dataset kept changing during the assessment; retry", domain=DOMAIN
        )

    async def upload(
        self,
        principal: Principal,
        name: str,
        distribution_id: str,
        expected_sha256: bytes,
        chunks: AsyncIterator[bytes],
        data_subject: str = "",
    ) -> Dataset:
        """Store a distribution's data streamed in `chunks`; its size and SHA-256 as received.

        For a dataset of personal data, one person's data (`data_subject`), kept per person and
        outside the catalog entry."""
        dataset = await self._own(principal, name, "header.dataset")
        if dataset.distribution(distribution_id) is None:
            raise distribution_not_found(name, distribution_id)
        if data_subject and not dataset.fields.personal_data:
            raise not_personal("header.data_subject")
        if dataset.fields.personal_data and not data_subject:
            raise upload_invalid(
                "a dataset of personal data is uploaded per person: set header.data_subject",
                field="header.data_subject",
            )
        if expected_sha256 and len(expected_sha256) != 32:
            raise upload_invalid("expected_sha256 must be 32 bytes")
        digest = hashlib.sha256()
        size = 0
        limit = self.max_upload_bytes

        async def checked() -> AsyncIterator[bytes]:
            nonlocal size
            async for chunk in chunks:
                size += len(chunk)
                if size > limit:
                    raise upload_invalid(f"the data are larger than {limit} bytes", limit_bytes=str(limit))
                digest.update(chunk)
                yield chunk
            # Raised inside the stream, so the store keeps nothing of a refused upload.
            if expected_sha256 and digest.digest() != expected_sha256:
                raise upload_invalid("the data do not hash to expected_sha256")

        key = object_key(dataset, distribution_id)
        await self.objects.put_stream(key, checked(), content_type="application/octet-stream")
        sha256 = digest.digest()
        if data_subject:
            # The key replaced is read, replaced and retired in one transaction: two uploads for
            # the person at once each retire exactly the key they replaced, and none is kept.
            async with self.store.pool.acquire() as conn, conn.transaction():
                before = await self.store.replace_personal_object(
                    conn,
                    dataset.publisher,
                    dataset.id,
                    distribution_id,
                    PersonalObject(data_subject, key, size, sha256),
                )
                if before and self.retired is not None:
                    await RetiredObjects.mark(conn, [before])
            log.info("personal data uploaded", dataset=name, distribution=distribution_id, bytes=size)
            if before:
                await self._sweep()
            return dataset
        for _ in range(5):  # an UpdateDataset racing the upload: read again and reapply
            current = await self.get(principal, name, "header.dataset")
            target = current.distribution(distribution_id)
            if target is None:
                raise distribution_not_found(name, distribution_id)
            updated = await self._write(
                current,
                replace(target, object_key=key, byte_size=size, sha256=sha256),
                retire=target.object_key,
            )
            if updated is not None:
                log.info("distribution uploaded", dataset=name, distribution=distribution_id, bytes=size)
                await self._sweep()
                return updated
        raise Aborted("ETAG_MISMATCH", "the dataset kept changing during the upload; retry", domain=DOMAIN)

    async def create(self, principal: Principal, dataset_id: str, fields: DatasetFields) -> Dataset:
        publisher = org_of(principal)
        fields = check_fields(fields)
        stored = await self.store.insert(publisher, dataset_id, fields, principal.subject)
        if stored is None:
            raise AlreadyExists(
                "DATASET_EXISTS",
                "the organisation has a dataset with this id",
                domain=DOMAIN,
                metadata={"name": dataset_name(publisher, dataset_id)},
            )
        log.info("dataset published", dataset=stored.name, offers=len(fields.offers))
        return stored

    async def get(self, principal: Principal, name: str, field: str = "name") -> Dataset:
        org_of(principal)
        publisher, dataset_id = parse_dataset(name, field)
        dataset = await self.store.get(publisher, dataset_id)
        if dataset is None:
            raise dataset_not_found(name)
        return dataset

    async def list_datasets(
        self,
        principal: Principal,
        page_size: int,
        page_token: str,
        *,
        publisher: str = "",
        theme: str = "",
        keyword: str = "",
        query: str = "",
    ) -> tuple[list[Dataset], str]:
        org_of(principal)
        if publisher:
            check_org(publisher, "publisher")
        words = tuple(search.query_tokens(query))
        if len(words) > MAX_QUERY_TOKENS:
            raise _field_invalid("query", f"at most {MAX_QUERY_TOKENS} search tokens (words, CJK bigrams)")
        size = resolve_page_size(page_size, default=50, maximum=500)
        fingerprint = query_fingerprint(
            "ListDatasets", publisher=publisher, theme=theme, keyword=keyword, q=words
        )
        before = int(self.page_tokens.decode(page_token, fingerprint)["before"]) if page_token else 2**62
        rows = await self.store.list_datasets(
            before_seq=before,
            limit=size + 1,
            publisher=publisher,
            theme=theme,
            keyword=keyword,
            query_tokens=words,
        )
        token = ""
        if len(rows) > size:
            rows = rows[:size]
            token = self.page_tokens.encode(fingerprint, {"before": rows[-1][0]})
        return [dataset for _, dataset in rows], token

    async def update(
        self, principal: Principal, name: str, new: DatasetFields, paths: Sequence[str], etag: str
    ) -> Dataset:
        publisher = org_of(principal)
        current = await self.get(principal, name, "dataset.name")
        if current.publisher != publisher:
            raise PermissionDenied(
                "ORGANIZATION_MISMATCH",
                "only the dataset's publisher changes it",
                domain=DOMAIN,
                metadata={"name": name},
            )
        unknown = [path for path in paths if path not in UPDATABLE]
        if unknown or not paths:
            raise _field_invalid("update_mask", f"may name only {', '.join(sorted(UPDATABLE))}")
        if etag and etag != current.etag:
            raise Aborted(
                "ETAG_MISMATCH",
                "the dataset changed since that etag was read",
                domain=DOMAIN,
                metadata={"etag": current.etag},
            )
        changes = {path: getattr(new, path) for path in paths}
        if "distributions" in changes:
            changes["distributions"] = _keep_uploads(current, changes["distributions"])
        fields = check_fields(replace(current.fields, **changes))

        def removed(updated: Dataset) -> list[str]:
            kept = {d.object_key for d in updated.fields.distributions}
            return [d.object_key for d in current.fields.distributions if d.object_key not in kept]

        updated = await self._update(current, fields, removed)
        if updated is None:
            raise Aborted(
                "ETAG_MISMATCH", "the dataset changed during the update; read it and retry", domain=DOMAIN
            )
        log.info("dataset updated", dataset=updated.name, fields=",".join(paths))
        if removed(updated):
            await self._sweep()
        return updated

    async def export(
        self, principal: Principal, publisher: str, page_size: int, page_token: str
    ) -> tuple[str, str]:
        datasets, token = await self.list_datasets(principal, page_size, page_token, publisher=publisher)
        return dcat.catalog_json_ld(datasets, publisher), token


def validate_policy(text: str) -> policy.Policy:
    return policy.parse_policy(text, field_name="policy", domain=DOMAIN)
