"""Pseudonyms per recipient, key rotation, linking with authority, and the threshold rule.

One server (system + ledger + privacy) on its own database, as test_privacy.py.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator

import grpc
import pytest
import pytest_asyncio

from jipan.privacy.v1 import privacy_service_pb2 as ppb
from jipan.privacy.v1 import privacy_service_pb2_grpc as ppb_grpc
from jipan.servers import ledger, privacy, system
from jipan.servers.privacy.names import KEY_ERRORS
from jipan.servers.privacy.pseudonyms import pseudonym, recipient_key
from jipan.servers.runtime.errors import DataLoss
from jipan.servers.runtime.key_wrapping import open_key_wrapper
from tests.conftest import fresh_database
from tests.mesh import RunningServer, make_settings, running_server
from tests.privacy.test_privacy import PEOPLE, auth, create, refused, rows

LINKER = ["privacy.read", "privacy.write", "privacy.link"]
# A second dataset of the same organisation: people 4-6 again, and 7-8.
CLINIC = (
    b"id,age,zip,sex,disease,income,visit\n"
    b"4,40,10002,M,cancer,400,2026-04-03\n"
    b"5,40,10002,M,cold,500,2026-04-04\n"
    b"6,50,10003,F,flu,600,2026-04-09\n"
    b"7,20,10004,F,flu,700,2026-04-10\n"
    b"8,20,10004,M,flu,800,2026-04-11\n"
)


@pytest_asyncio.fixture(scope="module")
async def server(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[RunningServer]:
    async with fresh_database(database_url, "jipan_privacy_links") as own:
        settings = make_settings(
            own, tmp_path_factory.mktemp("privacy-links"), JIPAN_LEDGER_BATCH_WINDOW_S="0.02"
        )
        async with running_server(settings, [system.SERVICE, ledger.SERVICE, privacy.SERVICE]) as running:
            yield running


@pytest_asyncio.fixture(scope="module")
async def stub(server: RunningServer) -> AsyncIterator[ppb_grpc.PrivacyServiceAsyncStub]:
    async with grpc.aio.insecure_channel(server.address) as channel:
        yield ppb_grpc.PrivacyServiceStub(channel)


async def pseudonyms_of(
    stub: ppb_grpc.PrivacyServiceAsyncStub,
    metadata: tuple[tuple[str, str], ...],
    name: str,
    recipient: str = "",
) -> tuple[dict[str, str], ppb.PseudonymiseDatasetResponse]:
    """id → pseudonym, and the response."""
    response: ppb.PseudonymiseDatasetResponse = await stub.PseudonymiseDataset(
        ppb.PseudonymiseDatasetRequest(name=name, columns=["id"], recipient=recipient), metadata=metadata
    )
    ids = [row[0] for row in rows(PEOPLE if "people" in name else CLINIC)[1:]]
    return dict(zip(ids, (row[0] for row in rows(response.csv)[1:]), strict=True)), response


async def rotate(
    stub: ppb_grpc.PrivacyServiceAsyncStub, metadata: tuple[tuple[str, str], ...], name: str
) -> int:
    response = await stub.RotatePseudonymKey(
        ppb.RotatePseudonymKeyRequest(name=name, request_id=str(uuid.uuid4())), metadata=metadata
    )
    return response.key_version


async def test_each_recipient_gets_pseudonyms_of_its_own(
    server: RunningServer, stub: ppb_grpc.PrivacyServiceAsyncStub
) -> None:
    metadata = auth(server, "orgs/hospital")
    dataset = await create(stub, metadata, dataset_id="people-r")
    own, response = await pseudonyms_of(stub, metadata, dataset.name)
    assert (response.key_version, response.recipient) == (1, "")
    insurer, response = await pseudonyms_of(stub, metadata, dataset.name, "orgs/insurer")
    assert response.recipient == "orgs/insurer"
    research, _ = await pseudonyms_of(stub, metadata, dataset.name, "purpose:research")
    assert (await pseudonyms_of(stub, metadata, dataset.name, "orgs/insurer"))[0] == insurer  # stable
    for one, other in ((own, insurer), (own, research), (insurer, research)):
        assert not set(one.values()) & set(other.values())
    # The derivation is the documented one: HMAC under HMAC(dataset key, "recipient\x1f" + label).
    owner, _, dataset_id = dataset.name.rpartition("/datasets/")
    wrapped = await server.runtime.database.fetchval(
        "SELECT pseudonym_key FROM privacy.datasets WHERE owner = $1 AND id = $2", owner, dataset_id
    )
    key = await open_key_wrapper(server.settings, KEY_ERRORS).unwrap(
        bytes(wrapped), {"dataset": dataset.name, "purpose": "pseudonymisation"}
    )
    assert insurer["1"] == pseudonym(recipient_key(key, "orgs/insurer"), "id", "1")
    assert own["1"] == pseudonym(key, "id", "1")


async def test_rotation_makes_new_pseudonyms_and_replays_by_request_id(
    server: RunningServer, stub: ppb_grpc.PrivacyServiceAsyncStub
) -> None:
    metadata = auth(server, "orgs/hospital")
    dataset = await create(stub, metadata, dataset_id="people-rot")
    before, _ = await pseudonyms_of(stub, metadata, dataset.name)
    request = ppb.RotatePseudonymKeyRequest(name=dataset.name, request_id=str(uuid.uuid4()))
    assert (await stub.RotatePseudonymKey(request, metadata=metadata)).key_version == 2
    assert (await stub.RotatePseudonymKey(request, metadata=metadata)).key_version == 2  # a retry
    after, response = await pseudonyms_of(stub, metadata, dataset.name)
    assert response.key_version == 2
    assert not set(before.values()) & set(after.values())
    assert await rotate(stub, metadata, dataset.name) == 3
    # Version 2 is wrapped bound to its version: the context without it does not open it.
    owner, _, dataset_id = dataset.name.rpartition("/datasets/")
    wrapped = await server.runtime.database.fetchval(
        "SELECT wrapped FROM privacy.pseudonym_keys WHERE owner = $1 AND dataset_id = $2 AND version = 2",
        owner,
        dataset_id,
    )
    keys = open_key_wrapper(server.settings, KEY_ERRORS)
    key = await keys.unwrap(
        bytes(wrapped), {"dataset": dataset.name, "purpose": "pseudonymisation", "version": "2"}
    )
    assert after["1"] == pseudonym(key, "id", "1")
    with pytest.raises(DataLoss) as caught:
        await keys.unwrap(bytes(wrapped), {"dataset": dataset.name, "purpose": "pseudonymisation"})
    assert caught.value.reason == "KEY_TAMPERED"
    # Racing rotations get distinct versions (the dataset row is locked).
    versions = await asyncio.gather(*(rotate(stub, metadata, dataset.name) for _ in range(3)))
    assert sorted(versions) == [4, 5, 6]
    await refused(
        stub.RotatePseudonymKey(
            ppb.RotatePseudonymKeyRequest(name=dataset.name, request_id=str(uuid.uuid4())),
            metadata=auth(server, "orgs/intruder"),
        ),
        grpc.StatusCode.NOT_FOUND,
        "DATASET_NOT_FOUND",
    )


async def test_linking_translates_pseudonyms_through_values_with_the_link_scope_only(
    server: RunningServer, stub: ppb_grpc.PrivacyServiceAsyncStub
) -> None:
    metadata = auth(server, "orgs/hospital")
    linker = server.metadata(org="orgs/hospital", scopes=LINKER)
    people = await create(stub, metadata, dataset_id="people-link")
    clinic = await create(stub, metadata, content=CLINIC, dataset_id="clinic-link")
    given, _ = await pseudonyms_of(stub, metadata, people.name, "orgs/insurer")
    assert await rotate(stub, metadata, people.name) == 2  # the pseudonyms above are version 1's
    wanted, _ = await pseudonyms_of(stub, metadata, clinic.name, "orgs/registry")
    asked = [given["4"], given["6"], given["1"], "notapseudonym", given["5"]]
    request = ppb.LinkPseudonymsRequest(
        source=ppb.PseudonymScope(dataset=people.name, column="id", recipient="orgs/insurer", key_version=1),
        target=ppb.PseudonymScope(dataset=clinic.name, column="id", recipient="orgs/registry"),
        pseudonyms=asked,
    )
    linked = await stub.LinkPseudonyms(request, metadata=linker)
    # Person 1 is not in the clinic's dataset: no pseudonym is made for it.
    assert list(linked.pseudonyms) == [wanted["4"], wanted["6"], "", "", wanted["5"]]
    assert (linked.linked_count, linked.target_key_version) == (3, 1)
    # Under the source's newest key (version 2) these pseudonyms are nobody's.
    newest = ppb.LinkPseudonymsRequest()
    newest.CopyFrom(request)
    newest.source.key_version = 0
    assert list((await stub.LinkPseudonyms(newest, metadata=linker)).pseudonyms) == [""] * 5
    # Without the link scope, read and write are not enough.
    await refused(
        stub.LinkPseudonyms(request, metadata=metadata), grpc.StatusCode.PERMISSION_DENIED, "SCOPE_MISSING"
    )
    # Another organisation's linker does not reach these datasets.
    await refused(
        stub.LinkPseudonyms(request, metadata=server.metadata(org="orgs/intruder", scopes=LINKER)),
        grpc.StatusCode.NOT_FOUND,
        "DATASET_NOT_FOUND",
    )
    unknown_version = ppb.LinkPseudonymsRequest()
    unknown_version.CopyFrom(request)
    unknown_version.source.key_version = 9
    details = await refused(
        stub.LinkPseudonyms(unknown_version, metadata=linker),
        grpc.StatusCode.NOT_FOUND,
        "KEY_VERSION_NOT_FOUND",
    )
    assert details.metadata["newest_version"] == "2"
    sensitive = ppb.LinkPseudonymsRequest()
    sensitive.CopyFrom(request)
    sensitive.target.column = "disease"
    await refused(
        stub.LinkPseudonyms(sensitive, metadata=linker),
        grpc.StatusCode.INVALID_ARGUMENT,
        "COLUMN_NOT_PSEUDONYMISABLE",
    )
    empty = ppb.LinkPseudonymsRequest(source=request.source, target=request.target)
    await refused(
        stub.LinkPseudonyms(empty, metadata=linker), grpc.StatusCode.INVALID_ARGUMENT, "FIELD_INVALID"
    )


async def test_suppress_cells_applies_the_threshold_rule(
    server: RunningServer, stub: ppb_grpc.PrivacyServiceAsyncStub
) -> None:
    metadata = auth(server, None)  # a computation: no organisation's data is involved
    cells = [ppb.ContributorCount(contributors=n) for n in (0, 1, 2, 3, 5)]
    response = await stub.SuppressCells(ppb.SuppressCellsRequest(k=3, cells=cells), metadata=metadata)
    assert list(response.suppressed) == [False, True, True, False, False]
    assert response.suppressed_cell_count == 2
    none = await stub.SuppressCells(ppb.SuppressCellsRequest(k=1, cells=cells), metadata=metadata)
    assert not any(none.suppressed)
    for bad in (
        ppb.SuppressCellsRequest(k=0, cells=cells),
        ppb.SuppressCellsRequest(k=3),
        ppb.SuppressCellsRequest(k=3, cells=[ppb.ContributorCount(contributors=-1)]),
    ):
        await refused(
            stub.SuppressCells(bad, metadata=metadata), grpc.StatusCode.INVALID_ARGUMENT, "FIELD_INVALID"
        )


async def test_suppress_cells_applies_the_dominance_rule(
    server: RunningServer, stub: ppb_grpc.PrivacyServiceAsyncStub
) -> None:
    """(2, 85 %): a cell of many contributors is still withheld when its two largest make
    85 % or more of it (exactly 85 % included); the threshold rule alone publishes it."""
    metadata = auth(server, None)

    def cell(contributors: int, total: int, *largest: int) -> ppb.ContributorCount:
        return ppb.ContributorCount(contributors=contributors, total=total, largest_contributions=largest)

    cells = [
        cell(5, 100, 80, 5),  # 85 %: dominated
        cell(5, 100, 50, 34),  # 84 %: published
        cell(2, 100, 60, 40),  # under k: the threshold rule
        cell(0, 0),  # nothing
        cell(4, 0, 0, 0),  # a total of 0 has nothing to dominate
    ]
    rule = ppb.DominanceRule(n=2, percent=85)
    response = await stub.SuppressCells(
        ppb.SuppressCellsRequest(k=3, cells=cells, dominance=rule), metadata=metadata
    )
    assert list(response.suppressed) == [True, False, True, False, False]
    assert (response.suppressed_cell_count, response.dominated_cell_count) == (2, 1)
    plain = await stub.SuppressCells(ppb.SuppressCellsRequest(k=3, cells=cells), metadata=metadata)
    assert list(plain.suppressed) == [False, False, True, False, False]
    assert plain.dominated_cell_count == 0
    one_rule = ppb.DominanceRule(n=1, percent=90)
    one = await stub.SuppressCells(
        ppb.SuppressCellsRequest(k=3, cells=[cell(3, 100, 90, 5, 5)], dominance=one_rule), metadata=metadata
    )
    assert list(one.suppressed) == [True]
    for bad_cell in (
        cell(6, 1000, 900),  # fewer largest contributions than n
        cell(3, 100, 5, 90),  # not in descending order
        cell(3, 100, 60, 50),  # more than the total
        cell(1, 100, 60, 40),  # more entries than contributors
        cell(3, 100, -1, -2),  # negative
    ):
        await refused(
            stub.SuppressCells(
                ppb.SuppressCellsRequest(k=3, cells=[bad_cell], dominance=rule), metadata=metadata
            ),
            grpc.StatusCode.INVALID_ARGUMENT,
            "FIELD_INVALID",
        )
    for bad_rule in (ppb.DominanceRule(n=0, percent=85), ppb.DominanceRule(n=2, percent=101)):
        await refused(
            stub.SuppressCells(
                ppb.SuppressCellsRequest(k=3, cells=cells, dominance=bad_rule), metadata=metadata
            ),
            grpc.StatusCode.INVALID_ARGUMENT,
            "FIELD_INVALID",
        )
