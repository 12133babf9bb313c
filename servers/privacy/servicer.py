"""PrivacyService over gRPC: unpack, call the domain, pack."""

from __future__ import annotations

from typing import Any

import grpc

from jipan.interceptors.context import current_principal
from jipan.privacy.v1 import privacy_service_pb2 as ppb
from jipan.privacy.v1 import privacy_service_pb2_grpc as ppb_grpc
from jipan.servers.privacy.convert import (
    assessment_to_pb,
    columns_from_pb,
    dataset_to_pb,
    hierarchies_from_pb,
    mechanism_from_pb,
    operation_to_pb,
    query_from_pb,
    release_to_pb,
)
from jipan.servers.privacy.disclosure import CellMagnitude
from jipan.servers.privacy.domain import AnonymiseRequest, NewDataset, Privacy, PseudonymScope

Context = grpc.aio.ServicerContext[Any, Any]


def scope_from_pb(scope: ppb.PseudonymScope) -> PseudonymScope:
    return PseudonymScope(scope.dataset, scope.column, scope.recipient, scope.key_version)


class PrivacyServicer(ppb_grpc.PrivacyServiceServicer):
    def __init__(self, privacy: Privacy) -> None:
        self._privacy = privacy

    async def CreateDataset(
        self, request: ppb.CreateDatasetRequest, context: Context
    ) -> ppb.CreateDatasetResponse:
        dataset = await self._privacy.create_dataset(
            current_principal(),
            NewDataset(
                dataset_id=request.dataset_id,
                display_name=request.dataset.display_name,
                columns=columns_from_pb(list(request.dataset.columns)),
                total_epsilon=request.dataset.total_epsilon,
                content=request.content,
                total_delta=request.dataset.total_delta,
                parquet=request.format == ppb.DATASET_FORMAT_PARQUET,
                object_key=request.object_key,
            ),
        )
        return ppb.CreateDatasetResponse(dataset=dataset_to_pb(dataset))

    async def GetDataset(self, request: ppb.GetDatasetRequest, context: Context) -> ppb.GetDatasetResponse:
        dataset = await self._privacy.get_dataset(current_principal(), request.name)
        return ppb.GetDatasetResponse(dataset=dataset_to_pb(dataset))

    async def ListDatasets(
        self, request: ppb.ListDatasetsRequest, context: Context
    ) -> ppb.ListDatasetsResponse:
        datasets, token = await self._privacy.list_datasets(
            current_principal(), request.page_size, request.page_token
        )
        return ppb.ListDatasetsResponse(datasets=[dataset_to_pb(d) for d in datasets], next_page_token=token)

    async def AssessDataset(
        self, request: ppb.AssessDatasetRequest, context: Context
    ) -> ppb.AssessDatasetResponse:
        dataset, assessment = await self._privacy.assess_dataset(
            current_principal(), request.name, request.risk_threshold, request.max_violating_classes
        )
        return ppb.AssessDatasetResponse(assessment=assessment_to_pb(dataset, assessment))

    async def CreateRelease(
        self, request: ppb.CreateReleaseRequest, context: Context
    ) -> ppb.CreateReleaseResponse:
        release = await self._privacy.create_release(
            current_principal(),
            request.parent,
            query_from_pb(request.release.query),
            request.release.epsilon,
            request.request_id,
            mechanism_from_pb(request.release.mechanism),
            request.release.delta,
        )
        return ppb.CreateReleaseResponse(release=release_to_pb(release))

    async def ListReleases(
        self, request: ppb.ListReleasesRequest, context: Context
    ) -> ppb.ListReleasesResponse:
        releases, token = await self._privacy.list_releases(
            current_principal(), request.parent, request.page_size, request.page_token
        )
        return ppb.ListReleasesResponse(releases=[release_to_pb(r) for r in releases], next_page_token=token)

    async def PseudonymiseDataset(
        self, request: ppb.PseudonymiseDatasetRequest, context: Context
    ) -> ppb.PseudonymiseDatasetResponse:
        made = await self._privacy.pseudonymise_dataset(
            current_principal(), request.name, list(request.columns), request.recipient
        )
        return ppb.PseudonymiseDatasetResponse(
            csv=made.csv, columns=made.columns, key_version=made.key_version, recipient=made.recipient
        )

    async def RotatePseudonymKey(
        self, request: ppb.RotatePseudonymKeyRequest, context: Context
    ) -> ppb.RotatePseudonymKeyResponse:
        version = await self._privacy.rotate_pseudonym_key(
            current_principal(), request.name, request.request_id
        )
        return ppb.RotatePseudonymKeyResponse(key_version=version)

    async def LinkPseudonyms(
        self, request: ppb.LinkPseudonymsRequest, context: Context
    ) -> ppb.LinkPseudonymsResponse:
        linked, version = await self._privacy.link_pseudonyms(
            current_principal(),
            scope_from_pb(request.source),
            scope_from_pb(request.target),
            list(request.pseudonyms),
        )
        return ppb.LinkPseudonymsResponse(
            pseudonyms=linked, target_key_version=version, linked_count=sum(1 for p in linked if p)
        )

    async def SuppressCells(
        self, request: ppb.SuppressCellsRequest, context: Context
    ) -> ppb.SuppressCellsResponse:
        cells = [
            CellMagnitude(cell.contributors, cell.total, tuple(cell.largest_contributions))
            for cell in request.cells
        ]
        dominance = (
            (request.dominance.n, request.dominance.percent) if request.HasField("dominance") else None
        )
        suppressed, dominated = self._privacy.suppress_cells(request.k, cells, dominance)
        return ppb.SuppressCellsResponse(
            suppressed=suppressed, suppressed_cell_count=sum(suppressed), dominated_cell_count=dominated
        )

    async def AnonymiseDataset(
        self, request: ppb.AnonymiseDatasetRequest, context: Context
    ) -> ppb.AnonymiseDatasetResponse:
        operation = await self._privacy.anonymise_dataset(
            current_principal(),
            AnonymiseRequest(
                name=request.name,
                k=request.k,
                l_diversity=request.l_diversity,
                max_suppression=request.max_suppression,
                hierarchies=hierarchies_from_pb(list(request.generalisations)),
                output_dataset_id=request.output_dataset_id,
                output_total_epsilon=request.output_total_epsilon,
                request_id=request.request_id,
            ),
        )
        return ppb.AnonymiseDatasetResponse(operation=operation_to_pb(operation))

    async def GetOperation(
        self, request: ppb.GetOperationRequest, context: Context
    ) -> ppb.GetOperationResponse:
        operation = await self._privacy.get_operation(current_principal(), request.name)
        return ppb.GetOperationResponse(operation=operation_to_pb(operation))
