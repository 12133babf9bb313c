"""CatalogService over gRPC: unpack, call the domain, pack."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

import grpc

from jipan.dataspace.v1 import catalog_service_pb2 as cpb
from jipan.dataspace.v1 import catalog_service_pb2_grpc as cpb_grpc
from jipan.interceptors.context import current_principal
from jipan.servers.dataspace.catalog.domain import Catalog, federated_party, upload_invalid, validate_policy
from jipan.servers.dataspace.convert import dataset_to_pb, fields_from_pb
from jipan.servers.dataspace.remote import peer_not_configured
from jipan.servers.runtime.errors import InvalidArgument

if TYPE_CHECKING:
    from jipan.servers.dataspace.federated import Connector

Context = grpc.aio.ServicerContext[Any, Any]
_PERSON = re.compile(r"^people/[0-9a-f]{32}$")


def caller_token(context: Context) -> str:
    """The caller's bearer token as it came (authentication has verified it already)."""
    for key, value in context.invocation_metadata() or ():
        if key == "authorization" and isinstance(value, str) and value[:7].lower() == "bearer ":
            return value[7:].strip()
    return ""


def _viewer() -> str | None:
    """Whom a dataset is shown to (its creator only to its publisher): a caller from another mesh
    is never the publisher, whatever organisation of this mesh approved it."""
    principal = current_principal()
    return federated_party(principal) or principal.org


class CatalogServicer(cpb_grpc.CatalogServiceServicer):
    def __init__(self, catalog: Catalog, connector: Connector | None = None) -> None:
        self._catalog = catalog
        self._connector = connector

    async def CreateDataset(
        self, request: cpb.CreateDatasetRequest, context: Context
    ) -> cpb.CreateDatasetResponse:
        dataset = await self._catalog.create(
            current_principal(), request.dataset_id, fields_from_pb(request.dataset)
        )
        return cpb.CreateDatasetResponse(dataset=dataset_to_pb(dataset, _viewer()))

    async def GetDataset(self, request: cpb.GetDatasetRequest, context: Context) -> cpb.GetDatasetResponse:
        dataset = await self._catalog.get(current_principal(), request.name)
        return cpb.GetDatasetResponse(dataset=dataset_to_pb(dataset, _viewer()))

    async def ListDatasets(
        self, request: cpb.ListDatasetsRequest, context: Context
    ) -> cpb.ListDatasetsResponse:
        if request.peer:
            if self._connector is None:
                raise peer_not_configured(request.peer)
            return await self._connector.list_datasets(current_principal(), caller_token(context), request)
        datasets, token = await self._catalog.list_datasets(
            current_principal(),
            request.page_size,
            request.page_token,
            publisher=request.publisher,
            theme=request.theme,
            keyword=request.keyword,
            query=request.query,
        )
        return cpb.ListDatasetsResponse(
            datasets=[dataset_to_pb(d, _viewer()) for d in datasets], next_page_token=token
        )

    async def UpdateDataset(
        self, request: cpb.UpdateDatasetRequest, context: Context
    ) -> cpb.UpdateDatasetResponse:
        dataset = await self._catalog.update(
            current_principal(),
            request.dataset.name,
            fields_from_pb(request.dataset),
            list(request.update_mask.paths),
            request.etag,
        )
        return cpb.UpdateDatasetResponse(dataset=dataset_to_pb(dataset, _viewer()))

    async def ExportCatalog(
        self, request: cpb.ExportCatalogRequest, context: Context
    ) -> cpb.ExportCatalogResponse:
        document, token = await self._catalog.export(
            current_principal(), request.publisher, request.page_size, request.page_token
        )
        return cpb.ExportCatalogResponse(json_ld=document, next_page_token=token)

    async def UploadDistribution(
        self, request_iterator: AsyncIterator[cpb.UploadDistributionRequest], context: Context
    ) -> cpb.UploadDistributionResponse:
        iterator = aiter(request_iterator)
        first = await anext(iterator, None)
        if first is None or first.WhichOneof("part") != "header":
            raise upload_invalid("the first message of an upload must carry the header")
        header = first.header
        for field in ("dataset", "distribution_id"):
            if not getattr(header, field):
                raise InvalidArgument(
                    "FIELD_INVALID", f"header.{field} is required", metadata={"field": f"header.{field}"}
                )

        async def chunks() -> AsyncIterator[bytes]:
            async for message in iterator:
                if message.WhichOneof("part") != "chunk":
                    raise upload_invalid("only the first message of an upload carries a header")
                yield message.chunk

        if header.data_subject and not _PERSON.match(header.data_subject):
            raise InvalidArgument(
                "FIELD_INVALID",
                "header.data_subject must look like people/{person}",
                metadata={"field": "header.data_subject"},
            )
        dataset = await self._catalog.upload(
            current_principal(),
            header.dataset,
            header.distribution_id,
            header.expected_sha256,
            chunks(),
            data_subject=header.data_subject,
        )
        return cpb.UploadDistributionResponse(dataset=dataset_to_pb(dataset, _viewer()))

    async def PublishFactCheckDataset(
        self, request: cpb.PublishFactCheckDatasetRequest, context: Context
    ) -> cpb.PublishFactCheckDatasetResponse:
        dataset, count = await self._catalog.publish_fact_checks(
            current_principal(), request.dataset_id, request.license
        )
        return cpb.PublishFactCheckDatasetResponse(
            dataset=dataset_to_pb(dataset, _viewer()), fact_checks=count
        )

    async def PublishSourceRatingsDataset(
        self, request: cpb.PublishSourceRatingsDatasetRequest, context: Context
    ) -> cpb.PublishSourceRatingsDatasetResponse:
        dataset, count = await self._catalog.publish_source_ratings(
            current_principal(), request.dataset_id, request.license, caller_token(context)
        )
        return cpb.PublishSourceRatingsDatasetResponse(
            dataset=dataset_to_pb(dataset, _viewer()), source_ratings=count
        )

    async def AssessDistribution(
        self, request: cpb.AssessDistributionRequest, context: Context
    ) -> cpb.AssessDistributionResponse:
        dataset = await self._catalog.assess(
            current_principal(),
            request.dataset,
            request.distribution_id,
            request.privacy_dataset,
            caller_token(context),
        )
        return cpb.AssessDistributionResponse(dataset=dataset_to_pb(dataset, _viewer()))

    async def ValidatePolicy(
        self, request: cpb.ValidatePolicyRequest, context: Context
    ) -> cpb.ValidatePolicyResponse:
        parsed = validate_policy(request.policy)
        return cpb.ValidatePolicyResponse(
            policy_sha256=parsed.digest,
            permissions=[rule.uid for rule in parsed.permissions],
            prohibitions=[rule.uid for rule in parsed.prohibitions],
        )
