"""Factcheck service figures (issue 11, the service around the matching engine), JSON on the last line.

    python bench/factcheck_service.py                  # 100,000 fact-checks
    python bench/factcheck_service.py --count 20000    # a quicker run

What the engine's own figures (bench/factcheck.py: recall, MRR, no-match
precision, match latency inside the engine) leave out, measured through the
service:

* index_load_s: a server's start over `--count` published fact-checks whose
  vectors are stored (what every replica does at start): read them from
  PostgreSQL and build the in-memory index (ClaimIndex.refresh), with
  embedded_on_load the texts it had to embed (0 is right: vectors are kept).
* match_p50_ms / match_p95_ms: MatchClaims end to end through gRPC (the
  interceptor chain, the engine, reading the candidates' fact-checks), 8
  callers at once, over the same base; engine_match_p50_ms is the engine's
  ClaimMatcher.match alone, one call at a time, in the same process.

The fact-checks are generated (Chinese and English claims from word lists) and
written straight into the service's table with stored vectors; the embedder is
the tests' hashed character bigrams (tests/factcheck/embedding.py), so the
figures are the service's and the engine's cost without the model: add the
text embedder's own latency (bench/inference.py) for a real query.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import grpc
import numpy as np

from bench.host import cpu_model, create_database, drop_database, load_1m
from jipan.factcheck.v1 import factcheck_service_pb2 as fpb
from jipan.factcheck.v1 import factcheck_service_pb2_grpc as fpb_grpc
from jipan.servers import factcheck, ledger, system
from jipan.servers.factcheck.factchecks.store import FactCheckStore
from jipan.servers.factcheck.index import ClaimIndex, text_digest
from jipan.servers.factcheck.matching import ClaimMatcher
from tests.factcheck.embedding import HashedBigrams
from tests.mesh import make_settings, running_server

SERVER_DSN = "postgresql://postgres@127.0.0.1:5432/postgres"
CALLERS = 8

ZH_SUBJECTS = [
    "衛福部",
    "交通部",
    "中央氣象署",
    "台電",
    "健保署",
    "疾管署",
    "教育部",
    "經濟部",
    "內政部",
    "環境部",
]
ZH_CLAIMS = [
    "宣布明天起全面停水",
    "證實喝溫鹽水可以預防感染",
    "將對未戴安全帽的騎士罰款六千元",
    "表示今年夏天會停電三個月",
    "要求民眾立刻更換身分證",
    "發放每人一萬元的振興券",
    "禁止在家中使用微波爐",
    "說疫苗含有追蹤晶片",
]
EN_SUBJECTS = [
    "The health ministry",
    "The city council",
    "NASA",
    "The central bank",
    "A new study",
    "The police",
]
EN_CLAIMS = [
    "will shut off tap water for a week",
    "confirmed that garlic cures the flu",
    "is giving every citizen ten thousand dollars",
    "says 5G towers spread the virus",
    "banned cash payments from next month",
    "found that bananas with yogurt are poisonous",
]


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def claim_text(rng: random.Random, index: int) -> tuple[str, str]:
    if index % 2:
        return f"{rng.choice(EN_SUBJECTS)} {rng.choice(EN_CLAIMS)} (case {index})", "en"
    return f"{rng.choice(ZH_SUBJECTS)}{rng.choice(ZH_CLAIMS)}，第{index}號訊息", "zh-TW"


async def seed(pool: Any, count: int) -> list[str]:
    """`count` published fact-checks with stored (random, unit-length) vectors; their texts."""
    rng = random.Random(11)
    vectors = np.random.default_rng(11).standard_normal((count, 512)).astype("<f4")
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    texts = []
    records = []
    for index in range(count):
        text, language = claim_text(rng, index)
        texts.append(text)
        records.append(
            (
                "orgs/bench",
                uuid.uuid4().hex,
                text,
                "FALSE",
                language,
                "PUBLISHED",
                "people/bench",
                vectors[index].tobytes(),
                text_digest(text),
                hashlib.sha256(text.encode()).digest(),
            )
        )
    await pool.copy_records_to_table(
        "fact_checks",
        schema_name="factcheck",
        columns=[
            "owner",
            "id",
            "claim",
            "verdict",
            "language",
            "state",
            "creator",
            "vector",
            "vector_text_sha256",
            "digest",
        ],
        records=records,
    )
    return texts


async def run(args: argparse.Namespace) -> dict[str, Any]:
    database, dsn = await create_database(SERVER_DSN, "jipan_bench_factcheck")
    try:
        with tempfile.TemporaryDirectory() as data_dir:
            embedder = HashedBigrams()
            settings = make_settings(
                dsn, Path(data_dir), JIPAN_LEDGER_BATCH_WINDOW_S="0.05", JIPAN_FACTCHECK_INDEX_POLL_S="300"
            )
            module = factcheck.service_module(lambda settings, runtime: embedder)
            modules = [system.SERVICE, ledger.SERVICE, module]
            async with running_server(settings, modules) as server:  # migrations, then the rows
                started = time.perf_counter()
                texts = await seed(server.runtime.database, args.count)
                say(f"seeded {args.count} fact-checks in {time.perf_counter() - started:.1f} s")
                counting = HashedBigrams()
                index = ClaimIndex(
                    ClaimMatcher(counting),
                    FactCheckStore(server.runtime.database),
                    server.runtime.database,
                    300,
                )
                started = time.perf_counter()
                await index.refresh()
                load_s = time.perf_counter() - started
                embedded_on_load = counting.texts
                assert len(index.owners) == args.count
                say(f"index loaded in {load_s:.1f} s, {counting.texts} texts embedded")
                # The engine alone, one call at a time, for what the service adds around it.
                rng = random.Random(7)
                engine: list[float] = []
                for text in (f"轉傳 {rng.choice(texts)} 🙏" for _ in range(50)):
                    began = time.perf_counter()
                    await index.matcher.match(text, limit=5)
                    engine.append((time.perf_counter() - began) * 1000)
            # A server starting over the seeded base: its index loads in the background.
            async with running_server(settings, modules) as server:
                metadata = server.metadata(org="orgs/bench", scopes=["factcheck.read"])
                async with grpc.aio.insecure_channel(server.address) as channel:
                    stub = fpb_grpc.FactCheckServiceStub(channel)
                    started = time.perf_counter()
                    while True:  # ready when a seeded claim matches itself
                        outcome = (
                            await stub.MatchClaims(fpb.MatchClaimsRequest(text=texts[0]), metadata=metadata)
                        ).outcome
                        if outcome.matches and outcome.matches[0].fact_check_detail.claim == texts[0]:
                            break
                        await asyncio.sleep(0.2)
                    ready_s = time.perf_counter() - started
                    say(f"server's index ready after {ready_s:.1f} s")
                    rng = random.Random(5)
                    queries = [f"轉傳 {rng.choice(texts)} 🙏" for _ in range(args.queries)]
                    latencies: list[float] = []

                    async def caller(mine: list[str]) -> None:
                        for text in mine:
                            began = time.perf_counter()
                            await stub.MatchClaims(fpb.MatchClaimsRequest(text=text), metadata=metadata)
                            latencies.append((time.perf_counter() - began) * 1000)

                    await asyncio.gather(*(caller(queries[i::CALLERS]) for i in range(CALLERS)))
        ordered = sorted(latencies)
        return {
            "fact_checks": args.count,
            "index_load_s": round(load_s, 2),
            "embedded_on_load": embedded_on_load,
            "server_index_ready_s": round(ready_s, 2),
            "engine_match_p50_ms": round(statistics.median(engine), 2),
            "match_p50_ms": round(statistics.median(ordered), 2),
            "match_p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))], 2),
            "callers": CALLERS,
            "queries": len(ordered),
            "cpu": cpu_model(),
            "load_1m": load_1m(),
        }
    finally:
        await drop_database(SERVER_DSN, database)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=100_000, help="published fact-checks in the base")
    parser.add_argument("--queries", type=int, default=400, help="MatchClaims calls, over 8 callers")
    print(json.dumps(asyncio.run(run(parser.parse_args()))))


if __name__ == "__main__":
    main()
