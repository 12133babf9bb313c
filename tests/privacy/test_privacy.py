"""PrivacyService end to end: one server (system + ledger + privacy) on a fresh database."""

from __future__ import annotations

import asyncio
import base64
import csv
import hashlib
import hmac
import io
import math
import re
import uuid
from collections.abc import AsyncIterator
from decimal import Decimal
from typing import Any

import grpc
import pytest
import pytest_asyncio

from jipan.clients import error_details
from jipan.privacy.v1 import privacy_service_pb2 as ppb
from jipan.privacy.v1 import privacy_service_pb2_grpc as ppb_grpc
from jipan.privacy.v1 import resources_pb2 as res
from jipan.servers import ledger, privacy, system
from jipan.servers.privacy.domain import Privacy
from jipan.servers.privacy.names import DOMAIN, KEY_ERRORS
from jipan.servers.privacy.pseudonyms import pseudonym
from jipan.servers.runtime.errors import DataLoss, Unavailable
from jipan.servers.runtime.key_wrapping import open_key_wrapper
from tests.conftest import fresh_database
from tests.mesh import RunningServer, make_settings, running_server

SCOPES = ["privacy.read", "privacy.write"]
MAX_BYTES = 64 * 1024

# The hand-computed table. Equivalence classes over (age, zip, sex):
#   (30, 10001, F): rows 1-3, disease {flu, cold}  -> size 3, ℓ 2
#   (40, 10002, M): rows 4-5, disease {cancer}     -> size 2, ℓ 1
#   (50, 10003, F): row 6,    disease {flu}        -> size 1, ℓ 1
# Row 2 writes its age "30.0": numbers compare normalised.
PEOPLE = (
    b"id,age,zip,sex,disease,income,visit\n"
    b"1,30,10001,F,flu,100,2026-01-05\n"
    b"2,30.0,10001,F,cold,200,2026-01-06\n"
    b"3,30,10001,F,flu,300,2026-02-01\n"
    b"4,40,10002,M,cancer,400,2026-02-03\n"
    b'5,40,10002,M,cancer,"500",2026-03-01\n'
    b"6,50,10003,F,flu,600,2026-03-09\n"
)


def column(name: str, role: res.ColumnRole.ValueType, kind: res.ColumnKind.ValueType) -> res.Column:
    return res.Column(name=name, role=role, kind=kind)


COLUMNS = [
    column("id", res.COLUMN_ROLE_IDENTIFIER, res.COLUMN_KIND_NUMBER),
    column("age", res.COLUMN_ROLE_QUASI_IDENTIFIER, res.COLUMN_KIND_NUMBER),
    column("zip", res.COLUMN_ROLE_QUASI_IDENTIFIER, res.COLUMN_KIND_TEXT),
    column("sex", res.COLUMN_ROLE_QUASI_IDENTIFIER, res.COLUMN_KIND_TEXT),
    column("disease", res.COLUMN_ROLE_SENSITIVE, res.COLUMN_KIND_TEXT),
    column("income", res.COLUMN_ROLE_OTHER, res.COLUMN_KIND_NUMBER),
    column("visit", res.COLUMN_ROLE_OTHER, res.COLUMN_KIND_DATE),
]


@pytest_asyncio.fixture(scope="module")
async def server(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[RunningServer]:
    async with fresh_database(database_url, "jipan_privacy") as own:
        settings = make_settings(
            own,
            tmp_path_factory.mktemp("privacy"),
            JIPAN_LEDGER_BATCH_WINDOW_S="0.02",
            JIPAN_PRIVACY_MAX_DATASET_BYTES=str(MAX_BYTES),
        )
        async with running_server(settings, [system.SERVICE, ledger.SERVICE, privacy.SERVICE]) as running:
            yield running


@pytest_asyncio.fixture(scope="module")
async def stub(server: RunningServer) -> AsyncIterator[ppb_grpc.PrivacyServiceAsyncStub]:
    async with grpc.aio.insecure_channel(server.address) as channel:
        yield ppb_grpc.PrivacyServiceStub(channel)


def auth(server: RunningServer, org: str | None = "orgs/moda") -> tuple[tuple[str, str], ...]:
    return server.metadata(org=org, scopes=SCOPES)


async def create(
    stub: ppb_grpc.PrivacyServiceAsyncStub,
    metadata: tuple[tuple[str, str], ...],
    content: bytes = PEOPLE,
    columns: list[res.Column] | None = None,
    total_epsilon: float = 1.0,
    dataset_id: str | None = None,
    total_delta: float = 0.0,
) -> res.Dataset:
    response = await stub.CreateDataset(
        ppb.CreateDatasetRequest(
            dataset_id=dataset_id or f"d-{uuid.uuid4().hex[:10]}",
            dataset=res.Dataset(
                columns=COLUMNS if columns is None else columns,
                total_epsilon=total_epsilon,
                total_delta=total_delta,
            ),
            content=content,
        ),
        metadata=metadata,
    )
    return response.dataset


async def release(
    stub: ppb_grpc.PrivacyServiceAsyncStub,
    metadata: tuple[tuple[str, str], ...],
    parent: str,
    epsilon: float,
    request_id: str | None = None,
    **query: Any,
) -> res.Release:
    query.setdefault("statistic", res.STATISTIC_COUNT)
    response = await stub.CreateRelease(
        ppb.CreateReleaseRequest(
            parent=parent,
            release=res.Release(query=res.Query(**query), epsilon=epsilon),
            request_id=request_id or str(uuid.uuid4()),
        ),
        metadata=metadata,
    )
    return response.release


async def refused(call: Any, code: grpc.StatusCode, reason: str) -> Any:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await call
    details = error_details(caught.value)
    assert caught.value.code() == code, details
    assert details.reason == reason, details
    return details


async def test_create_get_and_list_datasets(
    server: RunningServer, stub: ppb_grpc.PrivacyServiceAsyncStub
) -> None:
    metadata = auth(server, "orgs/lister")
    first = await create(stub, metadata, dataset_id="people")
    assert first.name == "orgs/lister/datasets/people"
    assert first.row_count == 6
    assert first.size_bytes == len(PEOPLE)
    assert (first.total_epsilon, first.spent_epsilon, first.remaining_epsilon) == (1.0, 0.0, 1.0)
    got = (await stub.GetDataset(ppb.GetDatasetRequest(name=first.name), metadata=metadata)).dataset
    assert got == first
    await refused(
        create(stub, metadata, dataset_id="people"), grpc.StatusCode.ALREADY_EXISTS, "DATASET_EXISTS"
    )
    second = await create(stub, metadata, dataset_id="people-2")
    page = await stub.ListDatasets(ppb.ListDatasetsRequest(page_size=1), metadata=metadata)
    assert [d.name for d in page.datasets] == [first.name]
    assert page.next_page_token
    rest = await stub.ListDatasets(
        ppb.ListDatasetsRequest(page_size=1, page_token=page.next_page_token), metadata=metadata
    )
    assert [d.name for d in rest.datasets] == [second.name]
    assert not rest.next_page_token


async def test_assessment_matches_the_hand_computed_table(
    server: RunningServer, stub: ppb_grpc.PrivacyServiceAsyncStub
) -> None:
    metadata = auth(server)
    dataset = await create(stub, metadata)
    default = (
        await stub.AssessDataset(ppb.AssessDatasetRequest(name=dataset.name), metadata=metadata)
    ).assessment
    assert default.dataset == dataset.name
    assert list(default.quasi_identifiers) == ["age", "zip", "sex"]
    assert default.row_count == 6
    assert default.equivalence_class_count == 3
    assert default.k_anonymity == 1
    assert [(d.column, d.l_diversity) for d in default.diversities] == [("disease", 1)]
    # Threshold 0.2: risks 1/3, 1/2 and 1 all exceed it.
    assert default.risk_threshold == pytest.approx(0.2)
    assert default.records_at_risk == 6
    assert default.records_at_risk_share == pytest.approx(1.0)
    assert default.highest_risk == pytest.approx(1.0)
    assert default.average_risk == pytest.approx(0.5)
    assert default.violating_class_count == 3
    assert [
        (list(c.values), c.size, list(c.distinct_sensitive_values)) for c in default.violating_classes
    ] == [
        (["50", "10003", "F"], 1, [1]),
        (["40", "10002", "M"], 2, [1]),
        (["30", "10001", "F"], 3, [2]),
    ]
    # Threshold 0.4: the class of 3 (risk 1/3) is no longer at risk; the list is cut at one.
    cut = (
        await stub.AssessDataset(
            ppb.AssessDatasetRequest(name=dataset.name, risk_threshold=0.4, max_violating_classes=1),
            metadata=metadata,
        )
    ).assessment
    assert cut.records_at_risk == 3
    assert cut.records_at_risk_share == pytest.approx(0.5)
    assert cut.violating_class_count == 2
    assert [(list(c.values), c.size) for c in cut.violating_classes] == [(["50", "10003", "F"], 1)]
    await refused(
        stub.AssessDataset(
            ppb.AssessDatasetRequest(name=dataset.name, risk_threshold=1.5), metadata=metadata
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
        "FIELD_INVALID",
    )


async def test_releases_are_noisy_with_stated_accuracy_and_anchored(
    server: RunningServer, stub: ppb_grpc.PrivacyServiceAsyncStub
) -> None:
    metadata = auth(server)
    dataset = await create(stub, metadata, total_epsilon=5.0)
    bounded: dict[str, Any] = {
        "statistic": res.STATISTIC_SUM,
        "column": "income",
        "lower": 0.0,
        "upper": 1000.0,
    }
    first = await release(stub, metadata, dataset.name, 0.5, **bounded)
    second = await release(stub, metadata, dataset.name, 0.5, **bounded)
    assert first.value != second.value  # fresh continuous noise each time
    # Sensitivity of a sum clamped to [0, 1000] is 1000 (OpenDP adds a hair for float rounding).
    assert first.noise_scale == pytest.approx(1000 / 0.5, rel=1e-3)
    assert first.accuracy == pytest.approx(first.noise_scale * math.log(1 / 0.05), rel=1e-6)
    assert first.confidence == pytest.approx(0.95)
    assert first.mechanism == res.MECHANISM_LAPLACE
    assert first.name == f"{dataset.name}/releases/1"
    assert second.name == f"{dataset.name}/releases/2"
    assert first.ledger_receipt.startswith("receipts/")
    assert len(first.digest) == 32
    assert (second.spent_epsilon, second.remaining_epsilon) == (1.0, 4.0)

    count = await release(stub, metadata, dataset.name, 1.0)
    assert count.value == int(count.value)
    assert count.accuracy > 0
    mean = await release(stub, metadata, dataset.name, 1.0, **{**bounded, "statistic": res.STATISTIC_MEAN})
    assert 0 <= mean.value <= 1000
    assert mean.accuracy > 0
    histogram = await release(
        stub,
        metadata,
        dataset.name,
        1.0,
        statistic=res.STATISTIC_HISTOGRAM,
        column="disease",
        categories=["flu", "cold", "cancer"],
    )
    assert [b.category for b in histogram.bins] == ["flu", "cold", "cancer", ""]
    assert all(b.count == int(b.count) for b in histogram.bins)

    ledger_page = await stub.ListReleases(
        ppb.ListReleasesRequest(parent=dataset.name, page_size=3), metadata=metadata
    )
    rest = await stub.ListReleases(
        ppb.ListReleasesRequest(parent=dataset.name, page_token=ledger_page.next_page_token),
        metadata=metadata,
    )
    entries = [*ledger_page.releases, *rest.releases]
    assert [e.spent_epsilon for e in entries] == [0.5, 1.0, 2.0, 3.0, 4.0]
    assert [e.remaining_epsilon for e in entries] == [4.5, 4.0, 3.0, 2.0, 1.0]
    assert entries[0].value == first.value
    assert all(e.ledger_receipt.startswith("receipts/") for e in entries)
    assert not rest.next_page_token


async def test_budget_refuses_a_release_that_would_exceed_it(
    server: RunningServer, stub: ppb_grpc.PrivacyServiceAsyncStub
) -> None:
    metadata = auth(server)
    dataset = await create(stub, metadata, total_epsilon=1.0)
    await release(stub, metadata, dataset.name, 0.7)
    details = await refused(
        release(stub, metadata, dataset.name, 0.4),
        grpc.StatusCode.FAILED_PRECONDITION,
        "PRIVACY_BUDGET_EXHAUSTED",
    )
    assert details.metadata["remaining_epsilon"] == "0.3"
    await release(stub, metadata, dataset.name, 0.3)
    got = (await stub.GetDataset(ppb.GetDatasetRequest(name=dataset.name), metadata=metadata)).dataset
    assert (got.spent_epsilon, got.remaining_epsilon) == (1.0, 0.0)
    await refused(
        release(stub, metadata, dataset.name, 0.001),
        grpc.StatusCode.FAILED_PRECONDITION,
        "PRIVACY_BUDGET_EXHAUSTED",
    )


async def test_fifty_releases_racing_for_the_last_epsilon_overspend_nothing(
    server: RunningServer, stub: ppb_grpc.PrivacyServiceAsyncStub
) -> None:
    metadata = auth(server)
    dataset = await create(stub, metadata, total_epsilon=1.0)
    await release(stub, metadata, dataset.name, 0.8)
    outcomes = await asyncio.gather(
        *(release(stub, metadata, dataset.name, 0.1) for _ in range(50)), return_exceptions=True
    )
    granted = [o for o in outcomes if isinstance(o, res.Release)]
    for outcome in outcomes:
        if isinstance(outcome, grpc.aio.AioRpcError):
            assert outcome.code() == grpc.StatusCode.FAILED_PRECONDITION
            assert error_details(outcome).reason == "PRIVACY_BUDGET_EXHAUSTED"
        else:
            assert isinstance(outcome, res.Release), outcome
    assert len(granted) == 2
    got = (await stub.GetDataset(ppb.GetDatasetRequest(name=dataset.name), metadata=metadata)).dataset
    entries = (
        await stub.ListReleases(ppb.ListReleasesRequest(parent=dataset.name), metadata=metadata)
    ).releases
    spent = sum((Decimal(repr(e.epsilon)) for e in entries), Decimal(0))
    overspend = max(spent - Decimal(repr(got.total_epsilon)), Decimal(0))
    assert overspend == 0
    assert spent == Decimal("1.0")
    assert got.spent_epsilon == 1.0
    assert [e.name.rsplit("/", 1)[1] for e in entries] == ["1", "2", "3"]


async def test_request_id_replays_the_same_release_and_spends_once(
    server: RunningServer, stub: ppb_grpc.PrivacyServiceAsyncStub
) -> None:
    metadata = auth(server)
    dataset = await create(stub, metadata, total_epsilon=2.0)
    request_id = str(uuid.uuid4())
    bounded: dict[str, Any] = {
        "statistic": res.STATISTIC_SUM,
        "column": "income",
        "lower": 0.0,
        "upper": 1000.0,
    }
    replies = await asyncio.gather(
        *(release(stub, metadata, dataset.name, 0.5, request_id, **bounded) for _ in range(3))
    )
    again = await release(stub, metadata, dataset.name, 0.5, request_id, **bounded)
    assert all(reply == replies[0] for reply in [*replies, again])
    got = (await stub.GetDataset(ppb.GetDatasetRequest(name=dataset.name), metadata=metadata)).dataset
    assert got.spent_epsilon == 0.5
    await refused(
        release(stub, metadata, dataset.name, 0.6, request_id, **bounded),
        grpc.StatusCode.INVALID_ARGUMENT,
        "REQUEST_ID_REUSED",
    )


async def test_a_release_whose_anchoring_failed_is_anchored_by_the_sweep_without_a_retry(
    server: RunningServer, stub: ppb_grpc.PrivacyServiceAsyncStub, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The spend committed and the ledger was away: the caller got UNAVAILABLE and never retried
    (or the process died before anchoring). The release stayed without a receipt for good; the
    service's sweep anchors it."""
    metadata = auth(server)
    dataset = await create(stub, metadata, total_epsilon=2.0)
    owners: list[Privacy] = []

    async def ledger_away(self: Privacy, release: Any) -> Any:
        if release.dataset == dataset.name.rsplit("/", 1)[1]:
            owners.append(self)
        raise Unavailable("LEDGER_UNAVAILABLE", "the ledger is away", domain=DOMAIN)

    with monkeypatch.context() as away:
        away.setattr(Privacy, "_anchored", ledger_away)
        await refused(
            release(stub, metadata, dataset.name, 0.5), grpc.StatusCode.UNAVAILABLE, "LEDGER_UNAVAILABLE"
        )
    [owner] = owners
    listed = (
        await stub.ListReleases(ppb.ListReleasesRequest(parent=dataset.name), metadata=metadata)
    ).releases
    assert [r.ledger_receipt for r in listed] == [""]
    monkeypatch.setattr("jipan.servers.privacy.domain.PENDING_GRACE_S", 0.0)
    assert await owner.anchor_pending_releases() >= 1
    listed = (
        await stub.ListReleases(ppb.ListReleasesRequest(parent=dataset.name), metadata=metadata)
    ).releases
    assert listed[0].ledger_receipt.startswith("receipts/")
    assert await owner.anchor_pending_releases() == 0  # nothing left


async def test_another_organisation_sees_nothing(
    server: RunningServer, stub: ppb_grpc.PrivacyServiceAsyncStub
) -> None:
    dataset = await create(stub, auth(server))
    other = auth(server, "orgs/other")
    await refused(
        stub.GetDataset(ppb.GetDatasetRequest(name=dataset.name), metadata=other),
        grpc.StatusCode.NOT_FOUND,
        "DATASET_NOT_FOUND",
    )
    await refused(
        stub.AssessDataset(ppb.AssessDatasetRequest(name=dataset.name), metadata=other),
        grpc.StatusCode.NOT_FOUND,
        "DATASET_NOT_FOUND",
    )
    await refused(release(stub, other, dataset.name, 0.1), grpc.StatusCode.NOT_FOUND, "DATASET_NOT_FOUND")
    await refused(
        stub.ListReleases(ppb.ListReleasesRequest(parent=dataset.name), metadata=other),
        grpc.StatusCode.NOT_FOUND,
        "DATASET_NOT_FOUND",
    )
    listed = await stub.ListDatasets(ppb.ListDatasetsRequest(), metadata=other)
    assert dataset.name not in [d.name for d in listed.datasets]
    await refused(
        create(stub, auth(server, None)), grpc.StatusCode.PERMISSION_DENIED, "ORGANIZATION_MISMATCH"
    )


@pytest.mark.parametrize(
    ("content", "columns", "reason", "metadata"),
    [
        (b"id,age\n1,30\n2\n", None, "CSV_INVALID", {"line": "3"}),
        (b"id,age\n1,thirty\n", None, "CSV_INVALID", {"line": "2", "column": "age"}),
        (b"id,age\n1,\xff\n", None, "CSV_INVALID", {}),
        (b"\n\n", None, "CSV_INVALID", {"line": "1"}),
        (b'id,age\n1,"30\n', None, "CSV_INVALID", {}),
        (b"id,age,extra\n1,30,x\n", None, "SCHEMA_INVALID", {"column": "extra"}),
        (b"id\n1\n", None, "SCHEMA_INVALID", {"column": "age"}),
        (
            b"id,age\n1,30\n",
            [column("id", res.COLUMN_ROLE_OTHER, res.COLUMN_KIND_NUMBER)] * 2,
            "SCHEMA_INVALID",
            {},
        ),
        (
            b"id,age\n1,30\n",
            [
                column("id", res.COLUMN_ROLE_OTHER, res.COLUMN_KIND_NUMBER),
                column("age", res.COLUMN_ROLE_OTHER, res.COLUMN_KIND_NUMBER),
            ],
            "SCHEMA_INVALID",
            {},
        ),
        (
            b"id,age\n1,30\n",
            [
                column("id", res.COLUMN_ROLE_UNSPECIFIED, res.COLUMN_KIND_NUMBER),
                column("age", res.COLUMN_ROLE_QUASI_IDENTIFIER, res.COLUMN_KIND_NUMBER),
            ],
            "SCHEMA_INVALID",
            {"column": "id"},
        ),
        (
            b"id,age\n" + b"1,30\n" * (MAX_BYTES // 5),
            None,
            "DATASET_TOO_LARGE",
            {"limit_bytes": str(MAX_BYTES)},
        ),
    ],
)
async def test_bad_csv_or_schema_is_refused_with_a_reason(
    server: RunningServer,
    stub: ppb_grpc.PrivacyServiceAsyncStub,
    content: bytes,
    columns: list[res.Column] | None,
    reason: str,
    metadata: dict[str, str],
) -> None:
    schema = columns or [
        column("id", res.COLUMN_ROLE_IDENTIFIER, res.COLUMN_KIND_NUMBER),
        column("age", res.COLUMN_ROLE_QUASI_IDENTIFIER, res.COLUMN_KIND_NUMBER),
    ]
    details = await refused(
        create(stub, auth(server), content=content, columns=schema), grpc.StatusCode.INVALID_ARGUMENT, reason
    )
    for key, value in metadata.items():
        assert details.metadata[key] == value, details


@pytest.mark.parametrize(
    ("query", "epsilon", "reason"),
    [
        ({"statistic": res.STATISTIC_SUM, "column": "zip", "lower": 0.0, "upper": 1.0}, 0.1, "QUERY_INVALID"),
        ({"statistic": res.STATISTIC_SUM, "column": "id", "lower": 0.0, "upper": 1.0}, 0.1, "QUERY_INVALID"),
        (
            {"statistic": res.STATISTIC_MEAN, "column": "income", "lower": 5.0, "upper": 1.0},
            0.1,
            "QUERY_INVALID",
        ),
        ({"statistic": res.STATISTIC_HISTOGRAM, "column": "disease"}, 0.1, "QUERY_INVALID"),
        ({"statistic": res.STATISTIC_COUNT, "column": "nope"}, 0.1, "QUERY_INVALID"),
        ({"statistic": res.STATISTIC_UNSPECIFIED}, 0.1, "QUERY_INVALID"),
        ({"statistic": res.STATISTIC_COUNT}, 0.0, "FIELD_INVALID"),
        ({"statistic": res.STATISTIC_COUNT}, 11.0, "FIELD_INVALID"),
    ],
)
async def test_bad_queries_are_refused_and_spend_nothing(
    server: RunningServer,
    stub: ppb_grpc.PrivacyServiceAsyncStub,
    query: dict[str, Any],
    epsilon: float,
    reason: str,
) -> None:
    metadata = auth(server)
    dataset = await create(stub, metadata)
    await refused(
        release(stub, metadata, dataset.name, epsilon, **query), grpc.StatusCode.INVALID_ARGUMENT, reason
    )
    got = (await stub.GetDataset(ppb.GetDatasetRequest(name=dataset.name), metadata=metadata)).dataset
    assert got.spent_epsilon == 0.0


async def pseudonymise(
    stub: ppb_grpc.PrivacyServiceAsyncStub,
    metadata: tuple[tuple[str, str], ...],
    name: str,
    columns: list[str],
) -> ppb.PseudonymiseDatasetResponse:
    response: ppb.PseudonymiseDatasetResponse = await stub.PseudonymiseDataset(
        ppb.PseudonymiseDatasetRequest(name=name, columns=columns), metadata=metadata
    )
    return response


def rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode(), newline=""), strict=True))


async def test_pseudonyms_are_stable_within_a_dataset_and_differ_across_datasets(
    server: RunningServer, stub: ppb_grpc.PrivacyServiceAsyncStub
) -> None:
    metadata = auth(server, "orgs/pseudo")
    first = await create(stub, metadata)
    second = await create(stub, metadata)
    out = await pseudonymise(stub, metadata, first.name, ["id", "zip", "age", "zip"])
    assert list(out.columns) == ["id", "zip", "age"]
    table = rows(out.csv)
    original = rows(PEOPLE)
    assert len(table) == len(original) == 7  # header and every record
    assert table[0] == original[0]
    for got, stored in zip(table[1:], original[1:], strict=True):
        assert got[3:] == stored[3:]  # sex, disease, income, visit: as stored
        for cell in got[:3]:
            assert re.fullmatch(r"[a-z2-7]{26}", cell), cell
    ids, ages, zips = (column for column in list(zip(*table[1:], strict=True))[:3])
    assert len(set(ids)) == 6
    assert zips[0] == zips[1] == zips[2] != zips[3] == zips[4] != zips[5]
    assert ages[0] == ages[1] == ages[2]  # "30" and "30.0" are one value
    assert ages[0] != zips[0]
    again = await pseudonymise(stub, metadata, first.name, ["zip", "id", "age"])
    assert again.csv == out.csv  # the key is the dataset's, not the call's
    other = rows((await pseudonymise(stub, metadata, second.name, ["id", "zip", "age"])).csv)
    for column in range(3):
        assert not {row[column] for row in table[1:]} & {row[column] for row in other[1:]}


async def test_the_stored_key_is_wrapped_and_is_the_key_the_pseudonyms_use(
    server: RunningServer, stub: ppb_grpc.PrivacyServiceAsyncStub
) -> None:
    metadata = auth(server, "orgs/pseudo")
    dataset = await create(stub, metadata)
    owner, _, dataset_id = dataset.name.rpartition("/datasets/")
    wrapped = await server.runtime.database.fetchval(
        "SELECT pseudonym_key FROM privacy.datasets WHERE owner = $1 AND id = $2", owner, dataset_id
    )
    assert wrapped is not None
    keys = open_key_wrapper(server.settings, KEY_ERRORS)
    context = {"dataset": dataset.name, "purpose": "pseudonymisation"}
    key = await keys.unwrap(bytes(wrapped), context)
    assert len(key) == 32
    assert key not in bytes(wrapped)
    out = rows((await pseudonymise(stub, metadata, dataset.name, ["id"])).csv)
    assert out[1][0] == pseudonym(key, "id", "1")
    expected = base64.b32encode(hmac.new(key, b"id\x1f1", hashlib.sha256).digest()).decode()[:26].lower()
    assert out[1][0] == expected
    with pytest.raises(DataLoss) as caught:  # bound to its dataset: another context does not open it
        await keys.unwrap(
            bytes(wrapped), {"dataset": "orgs/pseudo/datasets/x", "purpose": "pseudonymisation"}
        )
    assert (caught.value.reason, caught.value.domain) == ("KEY_TAMPERED", DOMAIN)


async def test_a_key_that_does_not_open_is_data_loss_in_the_privacy_domain(
    server: RunningServer, stub: ppb_grpc.PrivacyServiceAsyncStub
) -> None:
    """Another dataset's wrapped key moved onto this one: the service answers DATA_LOSS KEY_TAMPERED."""
    metadata = auth(server, "orgs/pseudo")
    first, second = await create(stub, metadata), await create(stub, metadata)
    owner, _, first_id = first.name.rpartition("/datasets/")
    second_id = second.name.rpartition("/datasets/")[2]
    await server.runtime.database.execute(
        "UPDATE privacy.datasets SET pseudonym_key ="
        " (SELECT pseudonym_key FROM privacy.datasets WHERE owner = $1 AND id = $2)"
        " WHERE owner = $1 AND id = $3",
        owner,
        second_id,
        first_id,
    )
    details = await refused(
        pseudonymise(stub, metadata, first.name, ["id"]), grpc.StatusCode.DATA_LOSS, "KEY_TAMPERED"
    )
    assert details.domain == DOMAIN


async def test_a_dataset_without_a_key_gets_one_on_first_use(
    server: RunningServer, stub: ppb_grpc.PrivacyServiceAsyncStub
) -> None:
    """Datasets created before pseudonymisation have a NULL key until first asked."""
    metadata = auth(server, "orgs/pseudo")
    dataset = await create(stub, metadata)
    owner, _, dataset_id = dataset.name.rpartition("/datasets/")
    select = "SELECT pseudonym_key FROM privacy.datasets WHERE owner = $1 AND id = $2"
    before = await server.runtime.database.fetchval(select, owner, dataset_id)
    await server.runtime.database.execute(
        "UPDATE privacy.datasets SET pseudonym_key = NULL WHERE owner = $1 AND id = $2", owner, dataset_id
    )
    racing = await asyncio.gather(*(pseudonymise(stub, metadata, dataset.name, ["id"]) for _ in range(4)))
    assert len({response.csv for response in racing}) == 1
    after = await server.runtime.database.fetchval(select, owner, dataset_id)
    assert after is not None
    assert after != before
    assert (await pseudonymise(stub, metadata, dataset.name, ["id"])).csv == racing[0].csv


async def test_pseudonymise_refusals(server: RunningServer, stub: ppb_grpc.PrivacyServiceAsyncStub) -> None:
    metadata = auth(server, "orgs/pseudo")
    dataset = await create(stub, metadata)
    await refused(
        pseudonymise(stub, auth(server, "orgs/intruder"), dataset.name, ["id"]),
        grpc.StatusCode.NOT_FOUND,
        "DATASET_NOT_FOUND",
    )
    details = await refused(
        pseudonymise(stub, metadata, dataset.name, ["id", "nickname"]),
        grpc.StatusCode.INVALID_ARGUMENT,
        "COLUMN_UNKNOWN",
    )
    assert details.metadata["column"] == "nickname"
    details = await refused(
        pseudonymise(stub, metadata, dataset.name, ["disease"]),
        grpc.StatusCode.INVALID_ARGUMENT,
        "COLUMN_NOT_PSEUDONYMISABLE",
    )
    assert details.metadata["role"] == "SENSITIVE"
    await refused(
        pseudonymise(stub, metadata, dataset.name, []), grpc.StatusCode.INVALID_ARGUMENT, "FIELD_INVALID"
    )
    await refused(
        pseudonymise(stub, metadata, f"{dataset.name}-missing", ["id"]),
        grpc.StatusCode.NOT_FOUND,
        "DATASET_NOT_FOUND",
    )


# 40 records over (age, area, sex); the least-loss transformation is checked against
# brute force in test_anonymisation.py, here the service around it.
AREAS = ("臺北市大安區", "臺北市中正區", "新北市板橋區", "台北市大安區龍門里")


def _anonymisable() -> bytes:
    lines = ["id,age,area,sex,disease"]
    for i in range(40):
        area = AREAS[i % 4]
        age = 20 + 10 * ((i // 4) % 2) + (i % 7)
        lines.append(f"{i},{age},{area},{'FM'[i % 2]},{('flu', 'cold', 'cancer')[i % 3]}")
    return ("\n".join(lines) + "\n").encode()


ANONYMISABLE_COLUMNS = [
    column("id", res.COLUMN_ROLE_IDENTIFIER, res.COLUMN_KIND_NUMBER),
    column("age", res.COLUMN_ROLE_QUASI_IDENTIFIER, res.COLUMN_KIND_NUMBER),
    column("area", res.COLUMN_ROLE_QUASI_IDENTIFIER, res.COLUMN_KIND_TEXT),
    column("sex", res.COLUMN_ROLE_QUASI_IDENTIFIER, res.COLUMN_KIND_TEXT),
    column("disease", res.COLUMN_ROLE_SENSITIVE, res.COLUMN_KIND_TEXT),
]


async def _anonymise(
    stub: ppb_grpc.PrivacyServiceAsyncStub,
    metadata: tuple[tuple[str, str], ...],
    name: str,
    k: int,
    request_id: str | None = None,
    output: str | None = None,
    **fields: Any,
) -> res.Operation:
    response = await stub.AnonymiseDataset(
        ppb.AnonymiseDatasetRequest(
            name=name,
            k=k,
            generalisations=[
                res.Generalisation(column="age", hierarchy=res.HIERARCHY_NUMBER_BANDS, band_widths=[5, 10]),
                res.Generalisation(column="area", hierarchy=res.HIERARCHY_TAIWAN_AREA),
            ],
            output_dataset_id=output or f"anon-{uuid.uuid4().hex[:8]}",
            output_total_epsilon=1.0,
            request_id=request_id or str(uuid.uuid4()),
            **fields,
        ),
        metadata=metadata,
    )
    return response.operation


async def _done(
    stub: ppb_grpc.PrivacyServiceAsyncStub, metadata: tuple[tuple[str, str], ...], operation: res.Operation
) -> res.Operation:
    for _ in range(600):
        if operation.done:
            return operation
        await asyncio.sleep(0.05)
        operation = (
            await stub.GetOperation(ppb.GetOperationRequest(name=operation.name), metadata=metadata)
        ).operation
    raise AssertionError(f"operation {operation.name} did not finish")


async def test_anonymise_reaches_k_with_the_least_loss_and_stores_a_new_dataset(
    server: RunningServer, stub: ppb_grpc.PrivacyServiceAsyncStub
) -> None:
    metadata = auth(server, "orgs/anon")
    source = await create(stub, metadata, _anonymisable(), ANONYMISABLE_COLUMNS)
    request_id = str(uuid.uuid4())
    started = await _anonymise(stub, metadata, source.name, 5, request_id, output="people-k5")
    assert re.fullmatch(r"orgs/anon/operations/[0-9a-f]{32}", started.name)
    assert started.metadata.kind == res.OPERATION_KIND_ANONYMISE
    assert started.metadata.target == source.name
    done = await _done(stub, metadata, started)
    assert done.WhichOneof("result") == "response", done.error
    result = done.response
    assert result.dataset == "orgs/anon/datasets/people-k5"
    assert result.source_dataset == source.name
    assert result.achieved_k >= 5
    assert result.suppressed_records == 0  # max_suppression 0: nothing may go
    assert result.row_count == 40
    levels = {level.column: level.level_name for level in result.transformation}
    assert set(levels) == {"age", "area", "sex"}
    assert levels["age"] != "value"  # 17 distinct ages in 40 records: some must be banded
    assert 0 < result.loss < 1
    assert result.evaluated_transformations <= result.lattice_size
    assert done.metadata.progress_percent == 100
    # The output dataset: no identifiers, generalised cells, and k-anonymous by the service's own assessment.
    output = (await stub.GetDataset(ppb.GetDatasetRequest(name=result.dataset), metadata=metadata)).dataset
    assert [c.name for c in output.columns] == ["age", "area", "sex", "disease"]
    assert output.row_count == 40
    assessed = (
        await stub.AssessDataset(ppb.AssessDatasetRequest(name=result.dataset), metadata=metadata)
    ).assessment
    assert assessed.k_anonymity == result.achieved_k
    assert assessed.equivalence_class_count == result.equivalence_class_count
    cells = {tuple(c.values) for c in assessed.violating_classes}
    assert not cells  # no class under the default risk threshold (size < 5)
    # A replay returns the same operation; another organisation sees none of it.
    again = await _anonymise(stub, metadata, source.name, 5, request_id, output="people-k5")
    assert again.name == started.name
    await refused(
        stub.GetOperation(ppb.GetOperationRequest(name=started.name), metadata=auth(server, "orgs/intruder")),
        grpc.StatusCode.NOT_FOUND,
        "OPERATION_NOT_FOUND",
    )


async def test_anonymise_failures(server: RunningServer, stub: ppb_grpc.PrivacyServiceAsyncStub) -> None:
    metadata = auth(server, "orgs/anon")
    source = await create(stub, metadata, _anonymisable(), ANONYMISABLE_COLUMNS)
    # k above the record count with nothing suppressible: the operation fails, FAILED_PRECONDITION.
    failed = await _done(stub, metadata, await _anonymise(stub, metadata, source.name, 41))
    assert failed.WhichOneof("result") == "error"
    assert failed.error.code == grpc.StatusCode.FAILED_PRECONDITION.value[0]
    assert (failed.error.reason, failed.error.domain) == ("ANONYMISATION_INFEASIBLE", "privacy.jipan.tw")
    # With every record suppressible, the same k is reached by suppressing them all.
    emptied = await _done(
        stub, metadata, await _anonymise(stub, metadata, source.name, 41, max_suppression=1.0)
    )
    assert emptied.response.suppressed_records == 40
    assert emptied.response.row_count == 0
    await refused(
        stub.AnonymiseDataset(
            ppb.AnonymiseDatasetRequest(
                name=source.name,
                k=2,
                generalisations=[res.Generalisation(column="disease", hierarchy=res.HIERARCHY_SUPPRESSION)],
                output_dataset_id="never",
                output_total_epsilon=1.0,
                request_id=str(uuid.uuid4()),
            ),
            metadata=metadata,
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
        "HIERARCHY_INVALID",
    )
    await refused(
        _anonymise(stub, metadata, source.name, 2, output=source.name.rpartition("/")[2]),
        grpc.StatusCode.ALREADY_EXISTS,
        "DATASET_EXISTS",
    )
    await refused(
        stub.GetOperation(
            ppb.GetOperationRequest(name="orgs/anon/operations/" + "0" * 32), metadata=metadata
        ),
        grpc.StatusCode.NOT_FOUND,
        "OPERATION_NOT_FOUND",
    )


async def gaussian(
    stub: ppb_grpc.PrivacyServiceAsyncStub,
    metadata: tuple[tuple[str, str], ...],
    parent: str,
    epsilon: float,
    delta: float,
    **query: Any,
) -> res.Release:
    query.setdefault("statistic", res.STATISTIC_COUNT)
    response = await stub.CreateRelease(
        ppb.CreateReleaseRequest(
            parent=parent,
            release=res.Release(
                query=res.Query(**query), epsilon=epsilon, delta=delta, mechanism=res.MECHANISM_GAUSSIAN
            ),
            request_id=str(uuid.uuid4()),
        ),
        metadata=metadata,
    )
    return response.release


async def test_gaussian_releases_spend_epsilon_and_delta(
    server: RunningServer, stub: ppb_grpc.PrivacyServiceAsyncStub
) -> None:
    import opendp.prelude as dp

    metadata = auth(server, "orgs/gauss")
    dataset = await create(stub, metadata, total_epsilon=20.0, total_delta=1e-5)
    assert (dataset.total_delta, dataset.remaining_delta) == (1e-5, 1e-5)
    count = await gaussian(stub, metadata, dataset.name, 5.0, 1e-6)
    assert count.mechanism == res.MECHANISM_GAUSSIAN
    assert (count.delta, count.spent_delta) == (1e-6, 1e-6)
    assert count.remaining_delta == pytest.approx(9e-6)
    assert count.accuracy == pytest.approx(dp.discrete_gaussian_scale_to_accuracy(count.noise_scale, 0.05))
    assert count.value == int(count.value)
    assert abs(count.value - 6) <= 3 * count.accuracy  # six records; fails with probability ~1e-9
    # The scale is the one OpenDP's (ε, δ) conversion of zCDP calibrates, not Laplace's.
    laplace = await release(stub, metadata, dataset.name, 5.0)
    assert laplace.mechanism == res.MECHANISM_LAPLACE
    assert laplace.delta == 0
    assert laplace.spent_delta == pytest.approx(1e-6)
    assert count.noise_scale != pytest.approx(laplace.noise_scale)
    total = await gaussian(
        stub,
        metadata,
        dataset.name,
        2.0,
        1e-6,
        statistic=res.STATISTIC_SUM,
        column="income",
        lower=0,
        upper=1000,
    )
    assert total.accuracy == pytest.approx(dp.gaussian_scale_to_accuracy(total.noise_scale, 0.05))
    mean = await gaussian(
        stub,
        metadata,
        dataset.name,
        2.0,
        1e-6,
        statistic=res.STATISTIC_MEAN,
        column="income",
        lower=0,
        upper=1000,
    )
    assert 0 <= mean.value <= 1000
    histogram = await gaussian(
        stub,
        metadata,
        dataset.name,
        2.0,
        1e-6,
        statistic=res.STATISTIC_HISTOGRAM,
        column="disease",
        categories=["flu", "cold"],
    )
    assert [b.category for b in histogram.bins] == ["flu", "cold", ""]
    assert histogram.spent_delta == pytest.approx(4e-6)
    # δ beyond what is left: refused, nothing spent, the remaining δ stated.
    details = await refused(
        gaussian(stub, metadata, dataset.name, 0.1, 1e-4),
        grpc.StatusCode.FAILED_PRECONDITION,
        "PRIVACY_BUDGET_EXHAUSTED",
    )
    assert Decimal(details.metadata["remaining_delta"]) == Decimal("0.000006")
    after = (await stub.GetDataset(ppb.GetDatasetRequest(name=dataset.name), metadata=metadata)).dataset
    assert after.spent_delta == pytest.approx(4e-6)
    assert after.spent_epsilon == pytest.approx(16.0)
    # Mechanism and δ must agree; a dataset without a δ budget takes no Gaussian release.
    await refused(
        stub.CreateRelease(
            ppb.CreateReleaseRequest(
                parent=dataset.name,
                release=res.Release(query=res.Query(statistic=res.STATISTIC_COUNT), epsilon=0.1, delta=1e-6),
                request_id=str(uuid.uuid4()),
            ),
            metadata=metadata,
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
        "FIELD_INVALID",
    )
    await refused(
        gaussian(stub, metadata, dataset.name, 0.1, 0.0), grpc.StatusCode.INVALID_ARGUMENT, "FIELD_INVALID"
    )
    no_delta = await create(stub, metadata)
    await refused(
        gaussian(stub, metadata, no_delta.name, 0.1, 1e-6),
        grpc.StatusCode.FAILED_PRECONDITION,
        "PRIVACY_BUDGET_EXHAUSTED",
    )


async def test_racing_gaussian_releases_overspend_no_delta(
    server: RunningServer, stub: ppb_grpc.PrivacyServiceAsyncStub
) -> None:
    """20 releases of δ = 1e-6 at once against a δ budget of 5e-6 (ε plenty): exactly 5 are granted."""
    metadata = auth(server, "orgs/gauss")
    dataset = await create(stub, metadata, total_epsilon=100.0, total_delta=5e-6)
    outcomes = await asyncio.gather(
        *(gaussian(stub, metadata, dataset.name, 0.5, 1e-6) for _ in range(20)), return_exceptions=True
    )
    granted = [o for o in outcomes if isinstance(o, res.Release)]
    for outcome in outcomes:
        if not isinstance(outcome, res.Release):
            assert isinstance(outcome, grpc.aio.AioRpcError), outcome
            assert error_details(outcome).reason == "PRIVACY_BUDGET_EXHAUSTED"
    assert len(granted) == 5
    ledger = (
        await stub.ListReleases(ppb.ListReleasesRequest(parent=dataset.name), metadata=metadata)
    ).releases
    assert sum(Decimal(repr(r.delta)) for r in ledger) == Decimal("0.000005")
    assert sum(Decimal(repr(r.epsilon)) for r in ledger) == Decimal("2.5")


def _parquet(rows: list[dict[str, Any]]) -> bytes:
    import datetime as dt

    import pyarrow as pa  # type: ignore[import-untyped]
    import pyarrow.parquet as pq  # type: ignore[import-untyped]

    table = pa.table(
        {
            "id": pa.array([r["id"] for r in rows], pa.int64()),
            "age": pa.array([r["age"] for r in rows], pa.float64()),
            "zip": pa.array([r["zip"] for r in rows], pa.string()),
            "sex": pa.array([r["sex"] for r in rows], pa.string()),
            "disease": pa.array([r["disease"] for r in rows], pa.string()),
            "income": pa.array([r["income"] for r in rows], pa.int32()),
            "visit": pa.array([dt.date.fromisoformat(r["visit"]) for r in rows], pa.date32()),
        }
    )
    out = io.BytesIO()
    pq.write_table(table, out)
    return out.getvalue()


def _people_rows() -> list[dict[str, Any]]:
    reader = csv.DictReader(io.StringIO(PEOPLE.decode()))
    return [
        {**row, "id": int(row["id"]), "age": float(row["age"]), "income": int(row["income"])}
        for row in reader
    ]


async def test_a_dataset_from_parquet_reads_as_its_csv_does(
    server: RunningServer, stub: ppb_grpc.PrivacyServiceAsyncStub
) -> None:
    metadata = auth(server, "orgs/parquet")
    from_csv = await create(stub, metadata)
    response = await stub.CreateDataset(
        ppb.CreateDatasetRequest(
            dataset_id=f"p-{uuid.uuid4().hex[:10]}",
            dataset=res.Dataset(columns=COLUMNS, total_epsilon=1.0),
            content=_parquet(_people_rows()),
            format=ppb.DATASET_FORMAT_PARQUET,
        ),
        metadata=metadata,
    )
    from_parquet = response.dataset
    assert from_parquet.row_count == 6
    first = (
        await stub.AssessDataset(ppb.AssessDatasetRequest(name=from_csv.name), metadata=metadata)
    ).assessment
    second = (
        await stub.AssessDataset(ppb.AssessDatasetRequest(name=from_parquet.name), metadata=metadata)
    ).assessment
    assert (second.k_anonymity, second.equivalence_class_count) == (
        first.k_anonymity,
        first.equivalence_class_count,
    )
    assert [list(c.values) for c in second.violating_classes] == [
        list(c.values) for c in first.violating_classes
    ]
    await refused(
        stub.CreateDataset(
            ppb.CreateDatasetRequest(
                dataset_id="broken",
                dataset=res.Dataset(columns=COLUMNS, total_epsilon=1.0),
                content=b"PAR1 not really",
                format=ppb.DATASET_FORMAT_PARQUET,
            ),
            metadata=metadata,
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
        "PARQUET_INVALID",
    )
    # "zip" is a string column in the file; a schema that says NUMBER does not fit it.
    columns = [c if c.name != "zip" else column("zip", c.role, res.COLUMN_KIND_NUMBER) for c in COLUMNS]
    details = await refused(
        stub.CreateDataset(
            ppb.CreateDatasetRequest(
                dataset_id="wrong-kind",
                dataset=res.Dataset(columns=columns, total_epsilon=1.0),
                content=_parquet(_people_rows()),
                format=ppb.DATASET_FORMAT_PARQUET,
            ),
            metadata=metadata,
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
        "PARQUET_INVALID",
    )
    assert details.metadata["column"] == "zip"


async def test_a_dataset_from_the_object_store(
    server: RunningServer, stub: ppb_grpc.PrivacyServiceAsyncStub
) -> None:
    metadata = auth(server, "orgs/objects")
    await server.runtime.objects.put("orgs/objects/exports/people.csv", PEOPLE)
    await server.runtime.objects.put("orgs/objects/exports/people.parquet", _parquet(_people_rows()))

    async def from_object(key: str, fmt: int = ppb.DATASET_FORMAT_CSV) -> res.Dataset:
        response = await stub.CreateDataset(
            ppb.CreateDatasetRequest(
                dataset_id=f"o-{uuid.uuid4().hex[:10]}",
                dataset=res.Dataset(columns=COLUMNS, total_epsilon=1.0),
                object_key=key,
                format=fmt,  # type: ignore[arg-type]
            ),
            metadata=metadata,
        )
        return response.dataset

    csv_dataset = await from_object("orgs/objects/exports/people.csv")
    assert csv_dataset.sha256 == hashlib.sha256(PEOPLE).digest()
    parquet_dataset = await from_object("orgs/objects/exports/people.parquet", ppb.DATASET_FORMAT_PARQUET)
    assert parquet_dataset.row_count == csv_dataset.row_count == 6
    await refused(
        from_object("orgs/objects/exports/missing.csv"), grpc.StatusCode.NOT_FOUND, "OBJECT_NOT_FOUND"
    )
    await server.runtime.objects.put("orgs/other/people.csv", PEOPLE)
    await refused(
        from_object("orgs/other/people.csv"), grpc.StatusCode.PERMISSION_DENIED, "OBJECT_KEY_FORBIDDEN"
    )
    both = stub.CreateDataset(
        ppb.CreateDatasetRequest(
            dataset_id="both",
            dataset=res.Dataset(columns=COLUMNS, total_epsilon=1.0),
            content=PEOPLE,
            object_key="orgs/objects/exports/people.csv",
        ),
        metadata=metadata,
    )
    await refused(both, grpc.StatusCode.INVALID_ARGUMENT, "FIELD_INVALID")
