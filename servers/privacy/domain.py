"""The privacy service's use cases: datasets, their assessment, and releases that spend a budget.

Parsing, assessing and the OpenDP mechanisms are CPU work on a whole
dataset; they run in a worker thread so the event loop keeps serving.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from decimal import Decimal

import structlog

from jipan.interceptors.context import Principal
from jipan.servers.privacy import assessment, disclosure, mechanisms, pseudonyms
from jipan.servers.privacy.anonymisation.engine import (
    AnonymisationSpec,
    Anonymised,
    anonymise,
    resolve_hierarchies,
)
from jipan.servers.privacy.anonymisation.hierarchies import Hierarchy
from jipan.servers.privacy.names import (
    DOMAIN,
    dataset_name,
    operation_name,
    parse_dataset,
    parse_operation,
    release_name,
)
from jipan.servers.privacy.parquet import parquet_to_csv
from jipan.servers.privacy.store import PrivacyStore, result_json
from jipan.servers.privacy.table import Table, check_schema, read_table
from jipan.servers.privacy.types import (
    Assessment,
    Column,
    ColumnRole,
    Dataset,
    Mechanism,
    NoisyResult,
    Operation,
    OperationKind,
    Query,
    Release,
)
from jipan.servers.runtime.errors import (
    Aborted,
    AlreadyExists,
    FailedPrecondition,
    FieldViolation,
    InvalidArgument,
    NotFound,
    PermissionDenied,
    Unavailable,
)
from jipan.servers.runtime.idempotency import Connection, RequestIds, scope_for
from jipan.servers.runtime.key_wrapping import KeyWrapper
from jipan.servers.runtime.leases import LeaseLost, hold_lease
from jipan.servers.runtime.ledger_anchor import PENDING_GRACE_S, DecisionAnchor
from jipan.servers.runtime.objectstore import ObjectStore
from jipan.servers.runtime.operations import OperationError, OperationTasks, interrupted
from jipan.servers.runtime.pagination import PageTokens, query_fingerprint, resolve_page_size
from jipan.servers.runtime.startup import StartupStep

log = structlog.get_logger(__name__)

RELEASE_SCOPE = "jipan.privacy.v1.PrivacyService/CreateRelease"
ANONYMISE_SCOPE = "jipan.privacy.v1.PrivacyService/AnonymiseDataset"
DEFAULT_RISK_THRESHOLD = 0.2
DEFAULT_VIOLATING_CLASSES = 100
MAX_TOTAL_EPSILON = Decimal(100)
MAX_RELEASE_EPSILON = Decimal(10)
MAX_TOTAL_DELTA = Decimal("0.001")
MAX_RELEASE_DELTA = Decimal("0.0001")
PSEUDONYMISABLE = (ColumnRole.IDENTIFIER, ColumnRole.QUASI_IDENTIFIER)


@dataclass(frozen=True)
class AnonymiseRequest:
    name: str
    k: int
    l_diversity: int
    max_suppression: float
    hierarchies: tuple[Hierarchy, ...]
    output_dataset_id: str
    output_total_epsilon: float
    request_id: str


@dataclass(frozen=True)
class PseudonymScope:
    """One column's pseudonyms of one dataset, for one recipient, under one key version
    (0: the newest)."""

    dataset: str
    column: str
    recipient: str = ""
    key_version: int = 0


@dataclass(frozen=True)
class Pseudonymised:
    csv: bytes
    columns: tuple[str, ...]
    key_version: int
    recipient: str


@dataclass(frozen=True)
class NewDataset:
    dataset_id: str
    display_name: str
    columns: tuple[Column, ...]
    total_epsilon: float
    content: bytes
    total_delta: float = 0.0
    parquet: bool = False
    object_key: str = ""


def _org(principal: Principal) -> str:
    if not principal.org:
        raise PermissionDenied(
            "ORGANIZATION_MISMATCH",
            "the token names no organisation (`org`); datasets belong to organisations",
            domain=DOMAIN,
        )
    return principal.org


def _epsilon(value: float, field: str, maximum: Decimal) -> Decimal:
    """ε as the exact decimal the caller wrote (0.1 stays 0.1, so budgets add up exactly)."""
    epsilon = Decimal(repr(value)) if value == value else Decimal(-1)  # NaN is refused below
    if not (Decimal(0) < epsilon <= maximum):
        raise InvalidArgument(
            "FIELD_INVALID",
            f"{field} must be greater than 0 and at most {maximum}",
            metadata={"field": field, "value": repr(value)},
        )
    return epsilon


def _delta(value: float, field: str, maximum: Decimal, *, required: bool) -> Decimal:
    """δ as the exact decimal the caller wrote; 0 where it is optional and not set."""
    delta = Decimal(repr(value)) if value == value else Decimal(-1)  # NaN is refused below
    if delta == 0 and not required:
        return delta
    if not (Decimal(0) < delta <= maximum):
        raise InvalidArgument(
            "FIELD_INVALID",
            f"{field} must be greater than 0 and at most {maximum}" + ("" if required else ", or 0"),
            metadata={"field": field, "value": repr(value)},
        )
    return delta


def pseudonym_key_context(owner: str, dataset_id: str, version: int = 1) -> dict[str, str]:
    """What the wrapped key is bound to: it opens for this dataset's pseudonyms of this
    version only (version 1 keeps the context it was first wrapped under)."""
    context = {"dataset": dataset_name(owner, dataset_id), "purpose": "pseudonymisation"}
    if version > 1:
        context["version"] = str(version)
    return context


def entry_digest(release: Release, dataset_sha256: bytes) -> bytes:
    """SHA-256 of the budget ledger entry, the bytes anchored on the ledger."""
    entry: dict[str, object] = {
        "release": release_name(release.owner, release.dataset, release.sequence),
        "dataset_sha256": dataset_sha256.hex(),
        "query": release.query.canonical(),
        "epsilon": str(release.epsilon),
        "spent_epsilon": str(release.spent_epsilon),
        "total_epsilon": str(release.total_epsilon),
        "result": result_json(release.result),
        "creator": release.creator,
    }
    if release.delta:  # entries without δ keep the digest they were anchored with
        entry.update(
            delta=str(release.delta),
            spent_delta=str(release.spent_delta),
            total_delta=str(release.total_delta),
        )
    canonical = json.dumps(entry, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).digest()


class Privacy:
    def __init__(
        self,
        store: PrivacyStore,
        anchor: DecisionAnchor,
        page_tokens: PageTokens,
        request_ids: RequestIds,
        keys: KeyWrapper,
        *,
        max_bytes: int,
        max_rows: int,
        objects: ObjectStore | None = None,
        lease_s: float = 30.0,
    ) -> None:
        self.objects = objects
        self.store = store
        self.keys = keys
        self.anchor = anchor
        self.page_tokens = page_tokens
        self.request_ids = request_ids
        self.max_bytes = max_bytes
        self.max_rows = max_rows
        self.lease_s = lease_s
        """How long an operation's lease lasts: renewed every third of it while the operation runs
        here, failed by any replica's sweep once it lapsed."""
        self.recovery: StartupStep | None = None
        """Set by attach: the start-up recovery that operations wait for (it fails lapsed ones)."""
        self.operations: OperationTasks[dict[str, object]] = OperationTasks(
            "privacy-op",
            domain=DOMAIN,
            interrupted=interrupted(DOMAIN, "OPERATION_INTERRUPTED", by="shutdown"),
            finish=self._finish_operation,
        )

    async def create_dataset(self, principal: Principal, new: NewDataset) -> Dataset:
        owner = _org(principal)
        if bool(new.content) == bool(new.object_key):
            raise InvalidArgument(
                "FIELD_INVALID",
                "exactly one of content and object_key is required",
                metadata={"field": "content"},
            )
        if new.object_key:
            new = replace(new, content=await self._object(owner, new.object_key), object_key="")
        if new.parquet:
            if len(new.content) > self.max_bytes:
                raise InvalidArgument(
                    "DATASET_TOO_LARGE",
                    f"the content is larger than {self.max_bytes} bytes",
                    domain=DOMAIN,
                    metadata={"limit_bytes": str(self.max_bytes)},
                )
            check_schema(new.columns)
            csv_content = await asyncio.to_thread(
                parquet_to_csv, new.content, new.columns, max_rows=self.max_rows
            )
            new = replace(new, content=csv_content, parquet=False)
        table = await self._checked_table(new)
        return await self._insert_dataset(owner, principal.subject, new, table.row_count)

    async def _object(self, owner: str, key: str) -> bytes:
        """The object's bytes; only keys under the caller's organisation are read."""
        if not key.startswith(owner + "/"):
            raise PermissionDenied(
                "OBJECT_KEY_FORBIDDEN",
                f"object_key must start with {owner}/",
                domain=DOMAIN,
                metadata={"object_key": key[:300]},
            )
        if self.objects is None:
            raise NotFound("OBJECT_NOT_FOUND", "no object store is configured", domain=DOMAIN)
        try:
            info = await self.objects.stat(key)
        except NotFound as exc:
            raise NotFound(
                "OBJECT_NOT_FOUND",
                "no object with this key",
                domain=DOMAIN,
                metadata={"object_key": key[:300]},
            ) from exc
        if info.size > self.max_bytes:
            raise InvalidArgument(
                "DATASET_TOO_LARGE",
                f"the object is larger than {self.max_bytes} bytes",
                domain=DOMAIN,
                metadata={"limit_bytes": str(self.max_bytes)},
            )
        return await self.objects.get(key)

    async def _checked_table(self, new: NewDataset) -> Table:
        _epsilon(new.total_epsilon, "dataset.total_epsilon", MAX_TOTAL_EPSILON)
        _delta(new.total_delta, "dataset.total_delta", MAX_TOTAL_DELTA, required=False)
        if len(new.content) > self.max_bytes:
            raise InvalidArgument(
                "DATASET_TOO_LARGE",
                f"the content is larger than {self.max_bytes} bytes",
                domain=DOMAIN,
                metadata={"limit_bytes": str(self.max_bytes)},
            )
        check_schema(new.columns)
        return await asyncio.to_thread(read_table, new.content, new.columns, max_rows=self.max_rows)

    async def _insert_dataset(
        self, owner: str, creator: str, new: NewDataset, row_count: int, *, for_operation: str | None = None
    ) -> Dataset:
        total = _epsilon(new.total_epsilon, "dataset.total_epsilon", MAX_TOTAL_EPSILON)
        total_delta = _delta(new.total_delta, "dataset.total_delta", MAX_TOTAL_DELTA, required=False)
        dataset = Dataset(
            owner=owner,
            id=new.dataset_id,
            display_name=new.display_name,
            columns=new.columns,
            total_epsilon=total,
            spent_epsilon=Decimal(0),
            row_count=row_count,
            size_bytes=len(new.content),
            sha256=hashlib.sha256(new.content).digest(),
            creator=creator,
            create_time=datetime.now(UTC),
            total_delta=total_delta,
        )
        # The key is made with the dataset, so it exists before anyone can ask
        # for pseudonyms; only its wrapped form is stored.
        wrapped = await self.keys.wrap(
            os.urandom(pseudonyms.KEY_BYTES), pseudonym_key_context(owner, new.dataset_id)
        )
        stored = await self.store.insert_dataset(dataset, new.content, wrapped, for_operation=for_operation)
        if stored is None:
            raise AlreadyExists(
                "DATASET_EXISTS",
                "the organisation has a dataset with this id",
                domain=DOMAIN,
                metadata={"name": dataset_name(owner, new.dataset_id)},
            )
        log.info("dataset created", dataset=dataset_name(owner, new.dataset_id), rows=row_count)
        return stored

    async def get_dataset(self, principal: Principal, name: str, field: str = "name") -> Dataset:
        owner, dataset_id = parse_dataset(name, field)
        # Another organisation's dataset is indistinguishable from none.
        dataset = await self.store.get_dataset(owner, dataset_id) if owner == _org(principal) else None
        if dataset is None:
            raise NotFound(
                "DATASET_NOT_FOUND", "no dataset with this name", domain=DOMAIN, metadata={"name": name[:300]}
            )
        return dataset

    async def list_datasets(
        self, principal: Principal, page_size: int, page_token: str
    ) -> tuple[list[Dataset], str]:
        owner = _org(principal)
        size = resolve_page_size(page_size, default=50, maximum=500)
        fingerprint = query_fingerprint("ListDatasets", org=owner)
        after = int(self.page_tokens.decode(page_token, fingerprint)["after"]) if page_token else 0
        rows = await self.store.list_datasets(owner, after, size + 1)
        token = ""
        if len(rows) > size:
            rows = rows[:size]
            token = self.page_tokens.encode(fingerprint, {"after": rows[-1][0]})
        return [dataset for _, dataset in rows], token

    async def _table(self, dataset: Dataset) -> Table:
        content = await self.store.get_content(dataset.owner, dataset.id)
        if content is None:  # deleted between the two reads (no Delete yet, but the store allows it)
            raise NotFound("DATASET_NOT_FOUND", "no dataset with this name", domain=DOMAIN)
        return await asyncio.to_thread(
            read_table, content, dataset.columns, max_rows=max(dataset.row_count, 1)
        )

    async def _pseudonym_key(self, dataset: Dataset, version: int = 0) -> tuple[int, bytes]:
        """(version, the dataset's HMAC key of that version, unwrapped); version 0 is the newest.
        Version 1 is made now for a dataset created before keys were."""
        owner, dataset_id = dataset.owner, dataset.id
        newest = await self.store.newest_pseudonym_key_version(owner, dataset_id)
        version = version or newest
        if version > newest:
            raise NotFound(
                "KEY_VERSION_NOT_FOUND",
                "the dataset never had this pseudonym key version",
                domain=DOMAIN,
                metadata={"key_version": str(version), "newest_version": str(newest)},
            )
        context = pseudonym_key_context(owner, dataset_id, version)
        if version > 1:
            rotated = await self.store.get_rotated_pseudonym_key(owner, dataset_id, version)
            if rotated is None:
                raise NotFound("DATASET_NOT_FOUND", "no dataset with this name", domain=DOMAIN)
            return version, await self.keys.unwrap(rotated, context)
        wrapped = await self.store.get_pseudonym_key(owner, dataset_id)
        if wrapped is None:
            made = await self.keys.wrap(os.urandom(pseudonyms.KEY_BYTES), context)
            # Set only where still unset: of two racing first uses, both get the first key.
            wrapped = await self.store.set_pseudonym_key(owner, dataset_id, made)
            if wrapped is None:
                raise NotFound("DATASET_NOT_FOUND", "no dataset with this name", domain=DOMAIN)
            log.info("pseudonym key made", dataset=dataset_name(owner, dataset_id))
        return version, await self.keys.unwrap(wrapped, context)

    @staticmethod
    def _check_pseudonymisable(dataset: Dataset, column: str) -> None:
        roles = {c.name: c.role for c in dataset.columns}
        role = roles.get(column)
        if role is None:
            raise InvalidArgument(
                "COLUMN_UNKNOWN",
                "a column is not in the dataset's schema",
                domain=DOMAIN,
                metadata={"column": column[:200]},
            )
        if role not in PSEUDONYMISABLE:
            raise InvalidArgument(
                "COLUMN_NOT_PSEUDONYMISABLE",
                f"column {column[:50]!r} is {role.value}; only IDENTIFIER and QUASI_IDENTIFIER"
                " columns are pseudonymised",
                domain=DOMAIN,
                metadata={"column": column, "role": role.value},
            )

    async def pseudonymise_dataset(
        self, principal: Principal, name: str, columns: Sequence[str], recipient: str = ""
    ) -> Pseudonymised:
        """The dataset's CSV with `columns` replaced by `recipient`'s pseudonyms under the
        newest key, the columns once each, and that key's version."""
        dataset = await self.get_dataset(principal, name)
        chosen = list(dict.fromkeys(columns))
        if not chosen:
            raise InvalidArgument("FIELD_INVALID", "columns is required", metadata={"field": "columns"})
        for column in chosen:
            self._check_pseudonymisable(dataset, column)
        version, key = await self._pseudonym_key(dataset)
        content = await self.store.get_content(dataset.owner, dataset.id)
        if content is None:
            raise NotFound("DATASET_NOT_FOUND", "no dataset with this name", domain=DOMAIN)
        output = await asyncio.to_thread(
            pseudonyms.pseudonymise_csv,
            content,
            dataset.columns,
            chosen,
            pseudonyms.recipient_key(key, recipient),
            max_rows=max(dataset.row_count, 1),
        )
        return Pseudonymised(output, tuple(chosen), version, recipient)

    async def rotate_pseudonym_key(self, principal: Principal, name: str, request_id: str) -> int:
        """A new newest pseudonym key for the dataset; its version."""
        dataset = await self.get_dataset(principal, name)

        async def wrap(version: int) -> bytes:
            return await self.keys.wrap(
                os.urandom(pseudonyms.KEY_BYTES), pseudonym_key_context(dataset.owner, dataset.id, version)
            )

        version = await self.store.rotate_pseudonym_key(
            dataset.owner, dataset.id, request_id, principal.subject, wrap
        )
        if version is None:
            raise NotFound("DATASET_NOT_FOUND", "no dataset with this name", domain=DOMAIN)
        log.info("pseudonym key rotated", dataset=name, version=version, by=principal.subject)
        return version

    async def link_pseudonyms(
        self, principal: Principal, source: PseudonymScope, target: PseudonymScope, asked: Sequence[str]
    ) -> tuple[list[str], int]:
        """The target's pseudonyms of the values behind `asked`, and the target key version."""
        if not asked:
            raise InvalidArgument("FIELD_INVALID", "pseudonyms is required", metadata={"field": "pseudonyms"})
        source_dataset = await self.get_dataset(principal, source.dataset, "source.dataset")
        target_dataset = await self.get_dataset(principal, target.dataset, "target.dataset")
        self._check_pseudonymisable(source_dataset, source.column)
        self._check_pseudonymisable(target_dataset, target.column)
        _, source_key = await self._pseudonym_key(source_dataset, source.key_version)
        target_version, target_key = await self._pseudonym_key(target_dataset)
        source_table = await self._table(source_dataset)
        target_table = await self._table(target_dataset)
        linked = await asyncio.to_thread(
            pseudonyms.link,
            source_table,
            source.column,
            pseudonyms.recipient_key(source_key, source.recipient),
            target_table,
            target.column,
            pseudonyms.recipient_key(target_key, target.recipient),
            list(asked),
        )
        log.info(
            "pseudonyms linked",
            source=source.dataset,
            target=target.dataset,
            asked=len(asked),
            linked=sum(1 for p in linked if p),
            by=principal.subject,
        )
        return linked, target_version

    @staticmethod
    def suppress_cells(
        k: int, cells: Sequence[disclosure.CellMagnitude], dominance: tuple[int, int] | None
    ) -> tuple[list[bool], int]:
        """The threshold rule, and the (n, p) dominance rule when `dominance` is given, over an
        aggregate table's cells (disclosure.py): whether each is withheld, and how many only
        the dominance rule withholds."""
        suppressed = disclosure.threshold_rule([cell.contributors for cell in cells], k)
        if dominance is None:
            return suppressed, 0
        n, percent = dominance
        for index, cell in enumerate(cells):
            problem = disclosure.magnitude_problem(cell, n)
            if problem is not None:
                field = f"cells[{index}].largest_contributions"
                raise InvalidArgument(
                    "FIELD_INVALID",
                    f"{field}: {problem}",
                    metadata={"field": field},
                    field_violations=[FieldViolation(field, problem)],
                )
        dominated = disclosure.dominance_rule(cells, n, percent)
        extra = sum(1 for hidden, dom in zip(suppressed, dominated, strict=True) if dom and not hidden)
        return [a or b for a, b in zip(suppressed, dominated, strict=True)], extra

    async def assess_dataset(
        self, principal: Principal, name: str, risk_threshold: float, max_classes: int
    ) -> tuple[Dataset, Assessment]:
        if risk_threshold == 0:
            risk_threshold = DEFAULT_RISK_THRESHOLD
        if not 0 < risk_threshold <= 1:  # NaN fails too
            raise InvalidArgument(
                "FIELD_INVALID",
                "risk_threshold must be greater than 0 and at most 1",
                metadata={"field": "risk_threshold", "value": repr(risk_threshold)},
            )
        cap = resolve_page_size(max_classes, default=DEFAULT_VIOLATING_CLASSES, maximum=1000)
        dataset = await self.get_dataset(principal, name)
        table = await self._table(dataset)
        result = await asyncio.to_thread(assessment.assess, table, dataset.columns, risk_threshold, cap)
        return dataset, result

    async def create_release(
        self,
        principal: Principal,
        parent: str,
        query: Query,
        epsilon_value: float,
        request_id: str,
        mechanism: Mechanism = Mechanism.LAPLACE,
        delta_value: float = 0.0,
    ) -> Release:
        if not request_id:
            raise InvalidArgument("FIELD_INVALID", "request_id is required", metadata={"field": "request_id"})
        epsilon = _epsilon(epsilon_value, "release.epsilon", MAX_RELEASE_EPSILON)
        if mechanism is Mechanism.GAUSSIAN:
            delta = _delta(delta_value, "release.delta", MAX_RELEASE_DELTA, required=True)
        elif delta_value:
            raise InvalidArgument(
                "FIELD_INVALID",
                "release.delta is for the GAUSSIAN mechanism; LAPLACE spends no δ",
                metadata={"field": "release.delta", "value": repr(delta_value)},
            )
        else:
            delta = Decimal(0)
        dataset = await self.get_dataset(principal, parent, "parent")
        query = mechanisms.check_query(query, dataset.columns)
        identity: dict[str, object] = {"parent": parent, "query": query.canonical(), "epsilon": str(epsilon)}
        if mechanism is Mechanism.GAUSSIAN:
            identity.update(mechanism=mechanism.value, delta=str(delta))
        fingerprint = json.dumps(identity, sort_keys=True).encode()
        table = await self._table(dataset)
        # The noise is drawn before the budget is taken, so the row lock is held
        # only for the spend; a result whose spend is refused is never shown.
        result = await asyncio.to_thread(
            mechanisms.release, table, query, float(epsilon), float(delta), mechanism
        )
        scope = scope_for(RELEASE_SCOPE, principal.subject)
        async with self.store.pool.acquire() as conn, conn.transaction():
            replay = await self.request_ids.claim(conn, scope, request_id, fingerprint)
            if replay is not None:
                replayed = await self.store.get_release(dataset.owner, dataset.id, int(replay.decode()), conn)
                if replayed is None:  # the entry of a committed claim is never removed
                    raise RuntimeError("replayed release is missing")
                stored = replayed
            else:
                stored = await self._spend(conn, dataset, query, epsilon, delta, result, principal.subject)
                await self.request_ids.record(conn, scope, request_id, str(stored.sequence).encode())
        if replay is None:
            log.info(
                "privacy budget spent",
                release=release_name(stored.owner, stored.dataset, stored.sequence),
                epsilon=str(epsilon),
                spent=str(stored.spent_epsilon),
            )
        return await self._anchored(stored)

    async def _spend(
        self,
        conn: Connection,
        dataset: Dataset,
        query: Query,
        epsilon: Decimal,
        delta: Decimal,
        result: NoisyResult,
        creator: str,
    ) -> Release:
        """Take ε and δ from the budget and write the ledger entry, in the caller's transaction."""
        spend = await self.store.spend(conn, dataset.owner, dataset.id, epsilon, delta)
        if spend is None:
            current = await self.store.get_dataset(dataset.owner, dataset.id, conn)
            remaining = current.remaining_epsilon if current is not None else Decimal(0)
            remaining_delta = current.remaining_delta if current is not None else Decimal(0)
            raise FailedPrecondition(
                "PRIVACY_BUDGET_EXHAUSTED",
                f"the release needs ε = {epsilon}, δ = {delta}; the dataset's budget has"
                f" ε = {remaining}, δ = {remaining_delta} left",
                domain=DOMAIN,
                metadata={
                    "requested_epsilon": str(epsilon),
                    "remaining_epsilon": str(remaining),
                    "requested_delta": str(delta),
                    "remaining_delta": str(remaining_delta),
                },
            )
        release = Release(
            owner=dataset.owner,
            dataset=dataset.id,
            sequence=spend.sequence,
            query=query,
            epsilon=epsilon,
            spent_epsilon=spend.spent,
            total_epsilon=spend.total,
            result=result,
            digest=b"",
            ledger_receipt="",
            creator=creator,
            create_time=datetime.now(UTC),
            delta=delta,
            spent_delta=spend.spent_delta,
            total_delta=spend.total_delta,
        )
        release = replace(release, digest=entry_digest(release, dataset.sha256))
        return await self.store.insert_release(conn, release)

    async def _anchored(self, release: Release) -> Release:
        """Anchor the entry's digest once the spend is committed.

        Not inside the spend's transaction: anchoring is a call to the ledger,
        which may be served by this process from the same connection pool, and
        racing releases queued on the dataset's row lock would hold the pool's
        connections while the one holding the lock waits for the ledger. An
        entry whose anchoring failed is anchored by the retry of its request_id.
        """
        if release.ledger_receipt:
            return release
        name = release_name(release.owner, release.dataset, release.sequence)
        receipt = await self.anchor.anchor(
            release.digest,
            {"kind": "privacy-release", "release": name, "epsilon": str(release.epsilon)},
        )
        await self.store.set_receipt(release.owner, release.dataset, release.sequence, receipt)
        return replace(release, ledger_receipt=receipt)

    async def anchor_pending_releases(self) -> int:
        """Anchor the releases committed at least PENDING_GRACE_S ago and not anchored yet (their
        anchoring failed and nobody retried the request, or their process died before it);
        how many. Anchoring is idempotent by digest: one its own request anchors meanwhile gets
        the same receipt. A ledger still away leaves them for the next round."""
        anchored = 0
        for release in await self.store.unanchored_releases(PENDING_GRACE_S, 100):
            await self._anchored(release)
            anchored += 1
        if anchored:
            log.info("unanchored releases anchored", count=anchored)
        return anchored

    async def list_releases(
        self, principal: Principal, parent: str, page_size: int, page_token: str
    ) -> tuple[list[Release], str]:
        dataset = await self.get_dataset(principal, parent, "parent")
        size = resolve_page_size(page_size, default=50, maximum=500)
        fingerprint = query_fingerprint("ListReleases", parent=parent)
        after = int(self.page_tokens.decode(page_token, fingerprint)["after"]) if page_token else 0
        releases = await self.store.list_releases(dataset.owner, dataset.id, after, size + 1)
        token = ""
        if len(releases) > size:
            releases = releases[:size]
            token = self.page_tokens.encode(fingerprint, {"after": releases[-1].sequence})
        return releases, token

    # --- anonymisation (a long-running operation) ---------------------------------------------

    async def recover_operations(self) -> None:
        """Fail the operations whose lease lapsed: their process died (or stalled past the lease).
        Those another replica runs, renewing their leases, are left alone."""
        ended = await self.store.fail_unfinished(interrupted(DOMAIN, "OPERATION_INTERRUPTED", by="restart"))
        if ended:
            log.info("interrupted operations failed", count=ended)

    async def anonymise_dataset(self, principal: Principal, request: AnonymiseRequest) -> Operation:
        owner = _org(principal)
        # Until the start-up recovery has run once, refused as UNAVAILABLE with its attempts: the
        # database has not answered this process yet. (An operation started meanwhile would be safe
        # from the recovery: it is leased from its insert.)
        if self.recovery is not None and not await self.recovery.ready():
            raise Unavailable(
                "OPERATIONS_RECOVERING",
                "the service is still ending the operations a previous process left running; retry shortly",
                domain=DOMAIN,
                metadata={"attempts": str(self.recovery.failures)},
            )
        if not request.request_id:
            raise InvalidArgument("FIELD_INVALID", "request_id is required", metadata={"field": "request_id"})
        if not 2 <= request.k <= 1000:
            raise InvalidArgument("FIELD_INVALID", "k must be 2-1000", metadata={"field": "k"})
        if not 0 <= request.max_suppression <= 1:  # NaN fails too
            raise InvalidArgument(
                "FIELD_INVALID", "max_suppression must be 0 to 1", metadata={"field": "max_suppression"}
            )
        _epsilon(request.output_total_epsilon, "output_total_epsilon", MAX_TOTAL_EPSILON)
        dataset = await self.get_dataset(principal, request.name)
        spec = AnonymisationSpec(
            k=request.k,
            l_diversity=request.l_diversity,
            max_suppression=request.max_suppression,
            hierarchies=resolve_hierarchies(dataset.columns, request.hierarchies),
        )
        fingerprint = json.dumps(
            {
                "name": request.name,
                "k": request.k,
                "l": request.l_diversity,
                "max_suppression": repr(request.max_suppression),
                "hierarchies": [[h.column, h.kind.value, list(h.band_widths)] for h in spec.hierarchies],
                "output": request.output_dataset_id,
                "epsilon": repr(request.output_total_epsilon),
            },
            sort_keys=True,
        ).encode()
        scope = scope_for(ANONYMISE_SCOPE, principal.subject)
        op_id = uuid.uuid4()
        async with self.store.pool.acquire() as conn, conn.transaction():
            replay = await self.request_ids.claim(conn, scope, request.request_id, fingerprint)
            if replay is not None:
                existing = await self.store.get_operation(owner, uuid.UUID(replay.decode()), conn)
                if existing is None:  # operations are never deleted
                    raise RuntimeError("replayed operation is missing")
                return existing
            # Checked after the replay: a replay finds the output its first call made.
            if await self.store.get_dataset(owner, request.output_dataset_id, conn) is not None:
                raise AlreadyExists(
                    "DATASET_EXISTS",
                    "the organisation has a dataset with the output's id",
                    domain=DOMAIN,
                    metadata={"name": dataset_name(owner, request.output_dataset_id)},
                )
            operation = await self.store.insert_operation(
                conn, owner, op_id, OperationKind.ANONYMISE, request.name, principal.subject, self.lease_s
            )
            await self.request_ids.record(conn, scope, request.request_id, op_id.hex.encode())

        async def work(_: str) -> dict[str, object]:
            try:
                return await hold_lease(
                    self._anonymise(operation.id, dataset, spec, request, principal.subject),
                    lambda: self.store.extend_lease(operation.id, self.lease_s),
                    self.lease_s,
                    name=f"privacy-op-lease-{operation.id}",
                )
            except LeaseLost:
                log.warning(
                    "anonymisation stopped: its lease lapsed and a sweep failed it",
                    operation=operation_name(owner, operation.id),
                )
                # What the sweep recorded (the outcome of this runner is not written: fenced).
                raise Aborted(
                    "OPERATION_INTERRUPTED", "the operation's lease lapsed", domain=DOMAIN
                ) from None

        self.operations.spawn(operation.id, work)
        log.info("anonymisation started", operation=operation_name(owner, operation.id), dataset=request.name)
        return operation

    async def _progress(self, op_id: str, percent: int, message: str) -> None:
        """Record the progress; LeaseLost when a sweep failed the operation (nothing more is done)."""
        if not await self.store.progress(op_id, percent, message):
            raise LeaseLost(f"operation {op_id}: no longer this process's (progress {percent} not recorded)")

    async def _anonymise(
        self, op_id: str, dataset: Dataset, spec: AnonymisationSpec, request: AnonymiseRequest, creator: str
    ) -> dict[str, object]:
        await self._progress(op_id, 5, "reading the dataset")
        table = await self._table(dataset)
        await self._progress(op_id, 20, "searching the generalisation lattice")
        anonymised: Anonymised = await asyncio.to_thread(anonymise, table, dataset.columns, spec)
        await self._progress(op_id, 90, "storing the anonymised dataset")
        output = await self._insert_dataset(
            dataset.owner,
            creator,
            NewDataset(
                dataset_id=request.output_dataset_id,
                display_name=f"{dataset.display_name or dataset.id} (k = {spec.k})"[:200],
                columns=anonymised.columns,
                total_epsilon=request.output_total_epsilon,
                content=anonymised.csv,
            ),
            anonymised.outcome.row_count,
            for_operation=op_id,  # not stored if a sweep failed the operation meanwhile (LeaseLost)
        )
        outcome = anonymised.outcome
        log.info(
            "dataset anonymised",
            source=dataset_name(dataset.owner, dataset.id),
            output=dataset_name(output.owner, output.id),
            loss=round(outcome.loss, 4),
            suppressed=outcome.suppressed_records,
            evaluated=outcome.evaluated_transformations,
        )
        return {
            "dataset": dataset_name(output.owner, output.id),
            "source_dataset": dataset_name(dataset.owner, dataset.id),
            "transformation": [
                {"column": c.column, "level": c.level, "level_name": c.level_name, "height": c.height}
                for c in outcome.transformation
            ],
            "k": outcome.k,
            "achieved_k": outcome.achieved_k,
            "achieved_l_diversity": outcome.achieved_l_diversity,
            "suppressed_records": outcome.suppressed_records,
            "row_count": outcome.row_count,
            "equivalence_class_count": outcome.equivalence_class_count,
            "loss": outcome.loss,
            "discernibility": outcome.discernibility,
            "evaluated_transformations": outcome.evaluated_transformations,
            "lattice_size": outcome.lattice_size,
        }

    async def _finish_operation(
        self, op_id: str, result: dict[str, object] | None, error: OperationError | None
    ) -> None:
        if not await self.store.finish_operation(op_id, error, result):
            # Its lease lapsed and a sweep failed it: that outcome stands.
            log.warning(
                "operation outcome not recorded: the operation was failed as interrupted meanwhile",
                operation=op_id,
                reason=None if error is None else error.reason,
            )

    async def get_operation(self, principal: Principal, name: str) -> Operation:
        owner, op_id = parse_operation(name)
        operation = (
            await self.store.get_operation(owner, uuid.UUID(op_id)) if owner == _org(principal) else None
        )
        if operation is None:
            raise NotFound(
                "OPERATION_NOT_FOUND",
                "no operation with this name",
                domain=DOMAIN,
                metadata={"name": name[:300]},
            )
        return operation
