"""OCDS 1.1 export: packages validate against the vendored official schemas; no personal data."""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import json
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest
from jsonschema import Draft4Validator

from jipan.servers.procurement import ocds

PREFIX = "ocds-jipan01-"
T0 = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
AGENCY = ocds.OrganizationRef("orgs/moda", "數位發展部")
PROCURER = ocds.OrganizationRef("orgs/moda-procurement", "數位發展部 採購科")
VENDOR_A = ocds.OrganizationRef("orgs/vendor-a", "Vendor A 股份有限公司", registration_number="22099131")
VENDOR_B = ocds.OrganizationRef("orgs/vendor-b", "Vendor B Ltd.")


def _tender() -> ocds.TenderRecord:
    return ocds.TenderRecord(
        id="2026-cloud-001",
        title="政府雲端主機服務 Government cloud hosting",
        description="Two lots: compute and managed database.",
        buyer=AGENCY,
        procuring_entity=PROCURER,
        tender_period=ocds.Period(T0, T0 + timedelta(days=30)),
        award_period=ocds.Period(T0 + timedelta(days=31), T0 + timedelta(days=45)),
        award_criteria="ratedCriteria",
        award_criteria_details="price 60%, technical 30%, support 10%",
        value=ocds.Value.from_minor_units(1_200_000_000, "TWD"),
        main_procurement_category="services",
        lots=(
            ocds.LotRecord("lot-1", "Compute", value=ocds.Value(Decimal(8_000_000), "TWD")),
            ocds.LotRecord("lot-2", "Managed database", status="active"),
        ),
        items=(
            ocds.ItemRecord(
                "item-1",
                "vCPU-month",
                quantity=2400,
                unit_name="vCPU-month",
                unit_value=ocds.Value(Decimal("850.5"), "TWD"),
                classification=ocds.Classification("UNSPSC", "81112003", "Data center services"),
                related_lot="lot-1",
            ),
            ocds.ItemRecord("item-2", "PostgreSQL instance-month", quantity=Decimal(36), related_lot="lot-2"),
        ),
    )


def _bids() -> list[ocds.BidRecord]:
    return [
        ocds.BidRecord(
            "bid-a",
            T0 + timedelta(days=3),
            "valid",
            (VENDOR_A,),
            ocds.Value(Decimal("7650000.00"), "TWD"),
            ("lot-1",),
        ),
        ocds.BidRecord(
            "bid-b",
            T0 + timedelta(days=4),
            "disqualified",
            (VENDOR_B,),
            ocds.Value(Decimal(7_100_000), "TWD"),
            ("lot-1", "lot-2"),
        ),
        ocds.BidRecord("bid-c", T0 + timedelta(days=5), "withdrawn", (VENDOR_B,)),
    ]


def _award() -> ocds.AwardRecord:
    return ocds.AwardRecord(
        "award-1",
        T0 + timedelta(days=40),
        "active",
        (VENDOR_A,),
        value=ocds.Value(Decimal("7650000.00"), "TWD"),
        title="Lot 1 award",
        related_bid="bid-a",
        related_lots=("lot-1",),
        contract_period=ocds.Period(T0 + timedelta(days=60), T0 + timedelta(days=425)),
    )


def _contract() -> ocds.ContractRecord:
    return ocds.ContractRecord(
        "contract-1",
        "award-1",
        "active",
        value=ocds.Value(Decimal("7650000.00"), "TWD"),
        title="Cloud hosting, lot 1",
        period=ocds.Period(T0 + timedelta(days=60), T0 + timedelta(days=425)),
        date_signed=T0 + timedelta(days=50),
    )


def _package() -> dict[str, Any]:
    tender, bids, award, contract = _tender(), _bids(), _award(), _contract()
    releases = [
        ocds.tender_release(tender, ocid_prefix=PREFIX, date=T0),
        ocds.award_release(tender, [award], bids=bids, ocid_prefix=PREFIX, date=award.date),
        ocds.contract_release(
            tender, [award], [contract], ocid_prefix=PREFIX, date=T0 + timedelta(days=50, hours=1)
        ),
    ]
    return ocds.release_package(
        releases,
        uri="https://jipan.example.gov.tw/ocds/2026-cloud-001.json",
        published_date=T0 + timedelta(days=51),
        publisher_name="Jipan procurement",
        license_url="https://data.gov.tw/license",
    )


def test_tender_bids_award_contract_package_validates() -> None:
    package = _package()
    assert ocds.validate_release_package(package) == []
    # What a consumer reads survives a JSON round trip unchanged.
    assert json.loads(json.dumps(package, ensure_ascii=False)) == package


def test_release_shape() -> None:
    tender_notice, award_notice, contract_notice = _package()["releases"]
    for release in (tender_notice, award_notice, contract_notice):
        assert release["ocid"] == "ocds-jipan01-2026-cloud-001"
        assert release["initiationType"] == "tender"
        assert release["buyer"] == {"id": "orgs/moda", "name": "數位發展部"}
    assert [r["tag"] for r in (tender_notice, award_notice, contract_notice)] == [
        ["tender"],
        ["award"],
        ["contract"],
    ]
    assert len({r["id"] for r in (tender_notice, award_notice, contract_notice)}) == 3
    assert tender_notice["date"] == "2026-03-02T01:00:00Z"
    assert "bids" not in tender_notice
    assert "awards" not in tender_notice

    roles = {party["id"]: party["roles"] for party in award_notice["parties"]}
    assert roles == {
        "orgs/moda": ["buyer"],
        "orgs/moda-procurement": ["procuringEntity"],
        "orgs/vendor-a": ["tenderer", "supplier"],
        "orgs/vendor-b": ["tenderer"],
    }
    details = award_notice["bids"]["details"]
    assert [(d["id"], d["status"]) for d in details] == [
        ("bid-a", "valid"),
        ("bid-b", "disqualified"),
        ("bid-c", "withdrawn"),
    ]
    assert details[0]["value"] == {"amount": 7650000, "currency": "TWD"}
    assert details[0]["tenderers"] == [{"id": "orgs/vendor-a", "name": "Vendor A 股份有限公司"}]
    assert [d.get("relatedLots") for d in details] == [["lot-1"], ["lot-1", "lot-2"], None]
    identifiers = {party["id"]: party["identifier"] for party in award_notice["parties"]}
    assert identifiers == {
        "orgs/moda": {"scheme": None, "id": None},
        "orgs/moda-procurement": {"scheme": None, "id": None},
        "orgs/vendor-a": {"scheme": "TW-CR", "id": "22099131"},
        "orgs/vendor-b": {"scheme": None, "id": None},
    }
    assert award_notice["tender"]["numberOfTenderers"] == 2  # the withdrawn bid does not count
    assert award_notice["awards"][0]["relatedBid"] == "bid-a"
    assert contract_notice["contracts"][0]["awardID"] == "award-1"
    assert tender_notice["tender"]["value"] == {"amount": 12000000, "currency": "TWD"}
    assert tender_notice["tender"]["items"][0]["unit"]["value"] == {"amount": 850.5, "currency": "TWD"}
    assert tender_notice["tender"]["lots"][1]["status"] == "active"


def test_buyer_that_is_also_procuring_entity_is_one_party() -> None:
    tender = dataclasses.replace(_tender(), procuring_entity=AGENCY)
    release = ocds.tender_release(tender, ocid_prefix=PREFIX, date=T0)
    assert release["parties"] == [
        {
            "id": "orgs/moda",
            "name": "數位發展部",
            "identifier": {"scheme": None, "id": None},
            "roles": ["buyer", "procuringEntity"],
        }
    ]


def test_dates_are_normalised_to_utc() -> None:
    taipei = timezone(timedelta(hours=8))
    release = ocds.tender_release(
        _tender(), ocid_prefix=PREFIX, date=datetime(2026, 3, 2, 9, 0, tzinfo=taipei)
    )
    assert release["date"] == "2026-03-02T01:00:00Z"
    with pytest.raises(ValueError, match="timezone"):
        ocds.tender_release(_tender(), ocid_prefix=PREFIX, date=datetime(2026, 3, 2))


def test_missing_ocid_is_an_error() -> None:
    package = _package()
    del package["releases"][1]["ocid"]
    errors = ocds.validate_release_package(package)
    assert errors == ["/releases/1: 'ocid' is a required property"]


@pytest.mark.parametrize(
    ("path", "bad"),
    [
        (("releases", 0, "date"), "2 March 2026"),
        (("releases", 0, "date"), "2026-03-02"),
        (("releases", 0, "date"), "2026-02-30T00:00:00Z"),
        (("releases", 1, "bids", "details", 0, "date"), "yesterday"),
        (("publishedDate",), "2026-03-02T25:00:00Z"),
    ],
)
def test_bad_date_is_an_error(path: tuple[str | int, ...], bad: str) -> None:
    package = _package()
    target: Any = package
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = bad
    pointer = "/" + "/".join(str(step) for step in path)
    assert ocds.validate_release_package(package) == [f"{pointer}: {bad!r} is not a 'date-time'"]


def test_extension_fields_are_validated() -> None:
    package = _package()
    award_notice = package["releases"][1]
    award_notice["bids"]["details"][0]["status"] = "opened"  # not in the closed bidStatus codelist
    award_notice["tender"]["lots"][0]["value"]["amount"] = "8 million"
    award_notice["awards"][0]["relatedBid"] = 7
    errors = ocds.validate_release_package(package)
    assert [error.split(":")[0] for error in errors] == [
        "/releases/1/awards/0/relatedBid",
        "/releases/1/bids/details/0/status",
        "/releases/1/tender/lots/0/value/amount",
    ]


def test_package_level_errors() -> None:
    package = _package()
    package["version"] = "1.1.5"
    package["uri"] = "not a uri"
    del package["publisher"]
    package["releases"][0]["tag"] = ["tenderOpened"]
    package["releases"][0]["tender"]["value"]["currency"] = "NTD"
    errors = ocds.validate_release_package(package)
    assert [error.split(":")[0] for error in errors] == [
        "/",
        "/releases/0/tag/0",
        "/releases/0/tender/value/currency",
        "/uri",
        "/version",
    ]
    assert all(len(error) <= 400 for error in errors)  # the currency enum is not dumped whole


def test_not_a_package_at_all() -> None:
    assert ocds.validate_release_package([]) == ["/: [] is not of type 'object'"]
    assert ocds.validate_release_package({"version": "1.1", "releases": []}) != []


def test_vendored_schemas_are_draft4_and_merged() -> None:
    schema = ocds.release_schema()
    Draft4Validator.check_schema(schema)
    assert schema["id"] == ocds.RELEASE_SCHEMA_URL
    assert {"Bid", "Bids", "BidsStatistic", "Lot"} <= set(schema["definitions"])
    assert schema["properties"]["bids"]["$ref"] == "#/definitions/Bids"
    assert "relatedBid" in schema["definitions"]["Award"]["properties"]
    assert "lots" in schema["definitions"]["Tender"]["properties"]
    # The merge adds, it does not drop core fields.
    assert "tenderPeriod" in schema["definitions"]["Tender"]["properties"]
    assert schema["definitions"]["Award"]["required"] == ["id"]
    for name in ("README.md", "LICENSE"):
        assert (ocds.SCHEMA_DIR / name).is_file()
    assert "Apache License" in (ocds.SCHEMA_DIR / "LICENSE").read_text(encoding="utf-8")


def test_json_merge_patch_follows_rfc_7396() -> None:
    target = {"a": "b", "c": {"d": "e", "f": "g"}, "keep": [1, None]}
    patch = {"a": "z", "c": {"f": None}, "new": {"x": [None]}}
    assert ocds.json_merge_patch(target, patch) == {
        "a": "z",
        "c": {"d": "e"},
        "keep": [1, None],
        "new": {"x": [None]},
    }
    assert target["c"] == {"d": "e", "f": "g"}  # not mutated


# --- personal data -------------------------------------------------------------------------------------

_PERSONAL_WORDS = ("email", "phone", "telephone", "fax", "contact", "person", "address", "street", "postal")


@pytest.mark.parametrize(
    "record",
    [
        ocds.OrganizationRef,
        ocds.Value,
        ocds.Period,
        ocds.Classification,
        ocds.ItemRecord,
        ocds.LotRecord,
        ocds.TenderRecord,
        ocds.BidRecord,
        ocds.AwardRecord,
        ocds.ContractRecord,
    ],
)
def test_records_have_no_field_for_personal_data(record: type) -> None:
    names = [field.name for field in dataclasses.fields(record)]
    assert not [name for name in names if any(word in name.lower() for word in _PERSONAL_WORDS)]
    assert record.__dataclass_params__.frozen  # type: ignore[attr-defined]


def test_organisations_carry_only_id_name_and_registration_number() -> None:
    assert [field.name for field in dataclasses.fields(ocds.OrganizationRef)] == [
        "id",
        "name",
        "registration_number",
    ]
    with pytest.raises(TypeError):
        ocds.OrganizationRef("orgs/x", "X", email="someone@example.org")  # type: ignore[call-arg]


def test_exported_package_holds_no_personal_data() -> None:
    package = _package()
    assert ocds.personal_data_paths(package) == []
    text = json.dumps(package, ensure_ascii=False)
    for key in ocds.PERSONAL_DATA_KEYS:
        assert f'"{key}"' not in text
    assert "@" not in text  # no e-mail address anywhere
    for party in package["releases"][2]["parties"]:
        assert set(party) == {"id", "name", "identifier", "roles"}


def test_personal_data_added_elsewhere_is_reported() -> None:
    package = _package()
    package["releases"][0]["parties"][0]["contactPoint"] = {
        "name": "王小明",
        "email": "xiaoming@example.gov.tw",
        "telephone": "+886-2-1234-5678",
    }
    package["releases"][0]["parties"][1]["address"] = {"streetAddress": "1 Some Rd"}
    errors = ocds.validate_release_package(package)
    assert errors == [
        "/releases/0/parties/0/contactPoint/email: personal data is never exported",
        "/releases/0/parties/0/contactPoint/telephone: personal data is never exported",
        "/releases/0/parties/0/contactPoint: personal data is never exported",
        "/releases/0/parties/1/address/streetAddress: personal data is never exported",
        "/releases/0/parties/1/address: personal data is never exported",
    ]


def test_inconsistent_organisation_names_are_refused() -> None:
    renamed = ocds.OrganizationRef(VENDOR_A.id, "Someone else")
    award = dataclasses.replace(_award(), suppliers=(renamed,))
    with pytest.raises(ValueError, match="two names"):
        ocds.award_release(_tender(), [award], bids=_bids(), ocid_prefix=PREFIX, date=T0)


def test_validation_is_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket
    import urllib.request

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("validation must not touch the network")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    package = copy.deepcopy(_package())
    assert ocds.validate_release_package(package) == []


@pytest.mark.parametrize(
    ("number", "valid"),
    [
        ("22099131", True),  # a company's registered number
        ("04595257", True),
        ("10458575", True),  # a 7 in the seventh place: 4 x 7 = 28 counts as 1 (or 0)
        ("10458570", True),
        ("22099132", False),
        ("2209913", False),
        ("220991311", False),
        ("2209913a", False),
        ("２２０９９１３１", False),  # full-width digits are not ASCII digits
        ("", False),
    ],
)
def test_unified_business_numbers_are_checked(number: str, valid: bool) -> None:
    assert ocds.is_unified_business_number(number) is valid


def test_a_malformed_registration_number_is_refused() -> None:
    vendor = ocds.OrganizationRef("orgs/vendor-c", "C", registration_number="12345678")
    award = dataclasses.replace(_award(), suppliers=(vendor,))
    with pytest.raises(ValueError, match="Unified Business Number"):
        ocds.award_release(_tender(), [award], bids=_bids(), ocid_prefix=PREFIX, date=T0)


def test_one_organisation_has_one_registration_number() -> None:
    renumbered = ocds.OrganizationRef(VENDOR_A.id, VENDOR_A.name, registration_number="04595257")
    award = dataclasses.replace(_award(), suppliers=(renumbered,))
    with pytest.raises(ValueError, match="two registration numbers"):
        ocds.award_release(_tender(), [award], bids=_bids(), ocid_prefix=PREFIX, date=T0)


def _git_blob_id(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


@pytest.mark.parametrize(
    ("name", "blob"),
    [
        # `git rev-parse v1.1.5:release-schema.json` in open-contracting-extensions/ocds_bid_extension
        ("bids-extension-release-schema.json", "48fbd1ae029472846512c8941d23a75eaa6ad80a"),
        # ... and in open-contracting-extensions/ocds_lots_extension
        ("lots-extension-release-schema.json", "674246dd6c6ab07ef00f18926fe48e92f75d8483"),
    ],
)
def test_vendored_extensions_are_the_declared_versions(name: str, blob: str) -> None:
    """The package declares v1.1.5 of both extensions: the vendored schemas are byte for byte
    the files at those tags (git blob ids), so our validation and everyone else's agree."""
    assert all("/v1.1.5/extension.json" in url for url in ocds.EXTENSIONS)
    assert _git_blob_id((ocds.SCHEMA_DIR / name).read_bytes()) == blob
