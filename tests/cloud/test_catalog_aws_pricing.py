"""CatalogService.FetchOfferings: an AWS account's prices from the Price List Query API, through the
real aioboto3 `pricing` client against tests/cloud/fake_aws_pricing.py (moto has no Pricing API),
which serves the committed offer-file excerpts as GetProducts entries."""

from __future__ import annotations

import json
import socket
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import grpc
import pytest

from jipan.cloud.v1 import account_service_pb2 as apb
from jipan.cloud.v1 import account_service_pb2_grpc as apb_grpc
from jipan.cloud.v1 import catalog_service_pb2 as cpb
from jipan.cloud.v1 import catalog_service_pb2_grpc as cpb_grpc
from jipan.cloud.v1 import resources_pb2 as res
from jipan.servers.cloud.catalog import pricelists
from tests.cloud.conftest import auth
from tests.cloud.fake_aws_pricing import FakePricing, price_list_entries, serve_fake_pricing
from tests.cloud.test_accounts import keys, refused
from tests.mesh import RunningServer

DATA = Path(__file__).parent / "data"
EXCERPTS = (DATA / "aws_ec2_offer.json", DATA / "aws_ec2_offer_taipei.json")
USD = res.ExchangeRate(currency_code="USD", twd_per_unit="32.5", date="2025-12-01")
REGIONS = ["us-east-1", "ap-northeast-1", "ap-east-2"]
KEY = ("AKIAPRICINGREADER001", "pricing-reader-secret")
DENIED_KEY = ("AKIAPRICINGNOGRANT01", "no-pricing-grant-secret")


@pytest.fixture(scope="module")
def pricing() -> Iterator[FakePricing]:
    for fake in serve_fake_pricing():
        fake.serve_offer_files(EXCERPTS)
        fake.keys.update({KEY[0], DENIED_KEY[0]})
        fake.denied_keys.add(DENIED_KEY[0])
        yield fake


async def aws_account(
    channel: grpc.aio.Channel, md: Any, endpoint: str, key: tuple[str, str], region: str = "ap-east-2"
) -> str:
    stub = apb_grpc.AccountServiceStub(channel)
    created = await stub.CreateProviderAccount(
        apb.CreateProviderAccountRequest(
            account=res.ProviderAccount(provider="providers/aws", endpoint=endpoint, default_region=region),
            account_id=f"p-{uuid.uuid4().hex[:10]}",
            credentials=keys(key),
            request_id=str(uuid.uuid4()),
        ),
        metadata=md,
    )
    return created.account.name


def fetch(org: str, account: str, regions: list[str] = REGIONS) -> cpb.FetchOfferingsRequest:
    return cpb.FetchOfferingsRequest(
        parent=org, provider_account=account, regions=regions, exchange_rates=[USD]
    )


async def every_offering(stub: cpb_grpc.CatalogServiceAsyncStub, md: Any, org: str) -> list[res.Offering]:
    listed = await stub.ListOfferings(cpb.ListOfferingsRequest(parent=org, page_size=1000), metadata=md)
    assert not listed.next_page_token
    return list(listed.offerings)


def comparable(offering: res.Offering) -> tuple[Any, ...]:
    """The offering less what names its organisation and when it was imported."""
    copy = res.Offering()
    copy.CopyFrom(offering)
    copy.ClearField("import_time")
    copy.name = copy.name.split("/offerings/", 1)[1]
    return (copy.name, copy.SerializeToString(deterministic=True))


def test_price_list_entries_price_as_the_offer_file_does() -> None:
    for path in EXCERPTS:
        document = json.loads(path.read_text())
        from_file, _ = pricelists.load_aws_offer_file(document)
        from_api, _ = pricelists.load_aws_price_list(price_list_entries(document))
        assert from_api == from_file
        assert from_api


def test_the_fake_refuses_an_unsigned_request(pricing: FakePricing) -> None:
    request = urllib.request.Request(
        pricing.endpoint + "/",
        data=b"{}",
        method="POST",
        headers={
            "X-Amz-Target": "AWSPriceListService.GetProducts",
            "Content-Type": "application/x-amz-json-1.1",
        },
    )
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(request, timeout=5)
    assert json.loads(caught.value.read())["__type"] == "MissingAuthenticationTokenException"


async def test_fetched_offerings_equal_the_imported_document(
    server: RunningServer, channel: grpc.aio.Channel, pricing: FakePricing
) -> None:
    stub = cpb_grpc.CatalogServiceStub(channel)
    fetched_md = auth(server, org="orgs/pricing-api")
    document_md = auth(server, org="orgs/pricing-document")
    account = await aws_account(channel, fetched_md, pricing.endpoint, KEY)
    pricing.page_size = 1  # one entry a page: every query's NextToken must be followed
    pricing.calls.clear()
    try:
        fetched = await stub.FetchOfferings(fetch("orgs/pricing-api", account), metadata=fetched_md)
    finally:
        pricing.page_size = 100
    imported = 0
    for path in EXCERPTS:
        response = await stub.ImportOfferings(
            cpb.ImportOfferingsRequest(
                parent="orgs/pricing-document",
                format=res.PRICE_LIST_FORMAT_AWS_OFFER_FILE,
                content=path.read_bytes(),
                exchange_rates=[USD],
            ),
            metadata=document_md,
        )
        imported += response.imported_count
    assert fetched.imported_count == imported > 0
    # The API's filters leave out what the offer file's loader skips (Windows, unused
    # reservations): every entry fetched is priced. us-east-1: m5.large, g5.xlarge, gp3, transfer;
    # ap-northeast-1: m5.large, gp3; ap-east-2: two instance types, gp3, transfer.
    assert (fetched.fetched_count, fetched.skipped_count) == (10, 0)
    from_api = sorted(comparable(o) for o in await every_offering(stub, fetched_md, "orgs/pricing-api"))
    from_document = sorted(
        comparable(o) for o in await every_offering(stub, document_md, "orgs/pricing-document")
    )
    assert from_api == from_document

    # Signed with the account's key, for the pricing service, in the Pricing API's Asian region.
    assert {(key, region) for key, region, *_ in pricing.calls} == {(KEY[0], "ap-south-1")}
    # Three queries a region; pages of one: every entry cost a call, plus one for an empty query
    # (ap-northeast-1 lists no transfer in the excerpt).
    assert len(pricing.calls) == 10 + 1
    # The two regions with two instance types each: their second page asked with the NextToken.
    followed = [call for call in pricing.calls if call[4]]
    assert [(call[3]["regionCode"], call[3]["productFamily"]) for call in followed] == [
        ("us-east-1", "Compute Instance"),
        ("ap-east-2", "Compute Instance"),
    ]
    instances = [call for call in pricing.calls if call[3].get("productFamily") == "Compute Instance"]
    assert {call[2] for call in instances} == {"AmazonEC2"}
    assert instances[0][3] == {
        "productFamily": "Compute Instance",
        "tenancy": "Shared",
        "operatingSystem": "Linux",
        "preInstalledSw": "NA",
        "capacitystatus": "Used",
        "licenseModel": "No License required",
        "regionCode": "us-east-1",
    }


async def test_fetch_refusals(server: RunningServer, channel: grpc.aio.Channel, pricing: FakePricing) -> None:
    stub = cpb_grpc.CatalogServiceStub(channel)
    md = auth(server, org="orgs/pricing-refused")

    denied = await aws_account(channel, md, pricing.endpoint, DENIED_KEY)
    details = await refused(
        stub.FetchOfferings(fetch("orgs/pricing-refused", denied), metadata=md),
        grpc.StatusCode.FAILED_PRECONDITION,
        "PROVIDER_REFUSED",
    )
    assert details.metadata["provider_code"] == "AccessDeniedException"

    unknown_key = await aws_account(channel, md, pricing.endpoint, ("AKIANOTKNOWNATALL001", "x"))
    details = await refused(
        stub.FetchOfferings(fetch("orgs/pricing-refused", unknown_key), metadata=md),
        grpc.StatusCode.FAILED_PRECONDITION,
        "PROVIDER_REFUSED",
    )
    assert details.metadata["provider_code"] == "UnrecognizedClientException"

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{probe.getsockname()[1]}"
    unreachable = await aws_account(channel, md, closed, KEY, region="us-east-1")
    await refused(
        stub.FetchOfferings(fetch("orgs/pricing-refused", unreachable), metadata=md),
        grpc.StatusCode.UNAVAILABLE,
        "PROVIDER_UNAVAILABLE",
    )
    # Nothing was written by the refused fetches.
    assert await every_offering(stub, md, "orgs/pricing-refused") == []

    # Another organisation's account is no account at all, named in its own organisation or not.
    other_md = auth(server, org="orgs/pricing-other")
    others = await aws_account(channel, other_md, pricing.endpoint, KEY)
    await refused(
        stub.FetchOfferings(fetch("orgs/pricing-refused", others), metadata=md),
        grpc.StatusCode.NOT_FOUND,
        "ACCOUNT_NOT_FOUND",
    )
    await refused(
        stub.FetchOfferings(fetch("orgs/pricing-other", others), metadata=md),
        grpc.StatusCode.PERMISSION_DENIED,
        "ORGANIZATION_MISMATCH",
    )

    # An S3-compatible store has no price list.
    accounts = apb_grpc.AccountServiceStub(channel)
    store = await accounts.CreateProviderAccount(
        apb.CreateProviderAccountRequest(
            account=res.ProviderAccount(provider="providers/s3-compatible", endpoint=pricing.endpoint),
            account_id=f"s-{uuid.uuid4().hex[:10]}",
            credentials=keys(KEY),
            request_id=str(uuid.uuid4()),
        ),
        metadata=md,
    )
    await refused(
        stub.FetchOfferings(fetch("orgs/pricing-refused", store.account.name), metadata=md),
        grpc.StatusCode.FAILED_PRECONDITION,
        "CAPABILITY_UNSUPPORTED",
    )
    for regions in ([], ["Asia Pacific (Taipei)"], ["ap-east-2", "ap-east-2"]):
        await refused(
            stub.FetchOfferings(fetch("orgs/pricing-refused", denied, regions), metadata=md),
            grpc.StatusCode.INVALID_ARGUMENT,
            "FIELD_INVALID",
        )
