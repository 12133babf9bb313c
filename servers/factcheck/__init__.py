"""jipan.factcheck.v1: the shared fact-check base — fact-checks, claim matching, human review, sources.

Three bounded contexts, each servicer → domain → store:
- factchecks/: the FactCheck resource, its verdict mappings (Cofacts reply
  types, ClaimReview ratings), ClaimReview JSON-LD and Cofacts CSV
  interchange, publishing with the digest anchored on the ledger, public
  search and export, MatchClaims;
- review/: incoming claims the AI cannot match with confidence, reviewers'
  decisions (anchored), threshold re-fits from them;
- sources/: credibility records and CheckSource's URL normalisation.
Matching itself is the engine in matching/ (hybrid BM25 + multilingual
embeddings served by the inference service); index.py keeps this process's
copy of the published base current from the database.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

import grpc

from jipan.clients.service_tokens import service_token_source
from jipan.factcheck.v1 import (
    factcheck_service_pb2,
    factcheck_service_pb2_grpc,
    review_service_pb2,
    review_service_pb2_grpc,
    source_service_pb2,
    source_service_pb2_grpc,
)
from jipan.servers.factcheck.factchecks.domain import FactChecks
from jipan.servers.factcheck.factchecks.servicer import FactCheckServicer
from jipan.servers.factcheck.factchecks.store import FactCheckStore
from jipan.servers.factcheck.index import ClaimIndex
from jipan.servers.factcheck.matching import ClaimMatcher, Embedder, gateway_embedder
from jipan.servers.factcheck.names import DOMAIN
from jipan.servers.factcheck.review.domain import Reviews
from jipan.servers.factcheck.review.servicer import ReviewServicer
from jipan.servers.factcheck.review.store import ReviewStore
from jipan.servers.factcheck.sources.domain import Sources
from jipan.servers.factcheck.sources.servicer import SourceServicer
from jipan.servers.factcheck.sources.store import SourceStore
from jipan.servers.runtime.idempotency import RequestIds
from jipan.servers.runtime.ledger_anchor import PENDING_SWEEP_S, LedgerAnchor
from jipan.servers.runtime.periodic import Periodic
from jipan.servers.runtime.runtime import Runtime, ServiceModule
from jipan.servers.runtime.settings import ConfigError, Settings

FACTCHECK_SERVICE = factcheck_service_pb2.DESCRIPTOR.services_by_name["FactCheckService"].full_name
REVIEW_SERVICE = review_service_pb2.DESCRIPTOR.services_by_name["ReviewService"].full_name
SOURCE_SERVICE = source_service_pb2.DESCRIPTOR.services_by_name["SourceService"].full_name
LEDGER_SERVICE = "jipan.ledger.v1.LedgerService"
GATEWAY_SERVICE = "inference.GRPCInferenceService"
SCHEMA = "factcheck"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"

EmbedderFactory = Callable[[Settings, Runtime], Embedder]


def inference_embedder(settings: Settings, runtime: Runtime) -> Embedder:
    """The multilingual text embedder as the inference service serves it (this server's, or a remote one)."""
    if settings.inference_target is None and GATEWAY_SERVICE not in runtime.services:
        raise ConfigError("factcheck needs JIPAN_INFERENCE_TARGET when this server does not serve inference")
    if settings.inference_target is None and settings.tls_cert_file is not None:
        raise ConfigError(
            "with TLS on, set JIPAN_INFERENCE_TARGET (and JIPAN_INFERENCE_TARGET_CA_FILE) for factcheck's "
            "calls to the inference gateway"
        )

    embedder = gateway_embedder(
        settings,
        service_token_source(settings, "factcheck", ["inference.infer"]),
        target=settings.inference_target or runtime.own_target,
    )
    closer = getattr(embedder, "aclose", None)
    if closer is not None:
        runtime.on_shutdown(closer)
    return embedder


def service_module(embedder: EmbedderFactory = inference_embedder) -> ServiceModule:
    """The factcheck service; tests pass an embedder that runs without the inference service."""

    def attach(server: grpc.aio.Server, runtime: Runtime) -> None:
        settings = runtime.settings
        anchor = LedgerAnchor(
            settings,
            runtime,
            service="factcheck",
            domain=DOMAIN,
            serves_ledger=LEDGER_SERVICE in runtime.services,
        )
        runtime.on_shutdown(anchor.close)
        embed = embedder(settings, runtime)
        store = FactCheckStore(runtime.database)
        index = ClaimIndex(ClaimMatcher(embed), store, runtime.database, settings.factcheck_index_poll_s)
        # The first load reads the database only once the server runs (attach is synchronous).
        loading = _start_later(index)
        runtime.on_shutdown(loading)
        request_ids = RequestIds()
        fact_checks = FactChecks(store, index, anchor, runtime.page_tokens, request_ids)
        sources = Sources(SourceStore(runtime.database), runtime.page_tokens, request_ids)
        reviews = Reviews(
            ReviewStore(runtime.database),
            fact_checks,
            embed,
            anchor,
            runtime.page_tokens,
            request_ids,
            sources,
            confident_score=settings.factcheck_confident_score,
        )
        factcheck_service_pb2_grpc.add_FactCheckServiceServicer_to_server(
            FactCheckServicer(fact_checks), server
        )
        review_service_pb2_grpc.add_ReviewServiceServicer_to_server(ReviewServicer(reviews), server)
        source_service_pb2_grpc.add_SourceServiceServicer_to_server(SourceServicer(sources), server)
        # What was committed and not anchored (the ledger away, no retry; a process that died).
        for name, work in (
            ("factcheck: unanchored fact-checks", fact_checks.anchor_every_pending),
            ("factcheck: unanchored review decisions", reviews.anchor_pending),
        ):
            runtime.on_shutdown(Periodic(name, PENDING_SWEEP_S, work).start())

    return ServiceModule(
        name="factcheck",
        service_names=(FACTCHECK_SERVICE, REVIEW_SERVICE, SOURCE_SERVICE),
        attach=attach,
        schema=SCHEMA,
        migrations=MIGRATIONS,
    )


def _start_later(index: ClaimIndex) -> Callable[[], Awaitable[None]]:
    task = asyncio.get_running_loop().create_task(index.start(), name="factcheck-index-start")

    async def stop() -> None:
        task.cancel()
        await index.close()

    return stop


SERVICE = service_module()
