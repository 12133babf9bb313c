"""Dataspace figures (issue 18), JSON on the last line.

    python bench/dataspace.py            # ~1 min here
    python bench/dataspace.py --quick    # smoke run

* policy_eval_us_p50 (target ≤ 200): one access decision against a 20-rule
  ODRL policy (15 permissions with 3-4 constraints each and 5 prohibitions,
  the use matching the last permission, so every rule is looked at), in
  this process, the policy parsed once as the service does. Beside it the
  parse of the same policy, and `sha256_us` (hashlib over 1 KiB) as the
  primitive the host's speed shows in.
* negotiations_per_s (reported): request → agree → verify → finalize, each
  message a gRPC call that writes its state and usage log entry in one
  transaction and anchors the entry on the ledger, 8 consumer/provider
  pairs at once, against one server (system, ledger, dataspace) in this
  process. Beside it a SQL round trip.
* transfer_ratio (target ≥ 0.85) is not measured: transfers are not built.

PostgreSQL from JIPAN_DATABASE_URL (default the local test server); the
bench makes its own database and drops it.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import grpc

from bench.host import cpu_model, create_database, drop_database, load_1m, sql_roundtrip_us
from jipan.dataspace.v1 import catalog_service_pb2 as cpb
from jipan.dataspace.v1 import catalog_service_pb2_grpc as cpb_grpc
from jipan.dataspace.v1 import negotiation_service_pb2 as npb
from jipan.dataspace.v1 import negotiation_service_pb2_grpc as npb_grpc
from jipan.dataspace.v1 import resources_pb2 as res
from jipan.servers import dataspace, ledger, system
from jipan.servers.dataspace.policy import UseContext, evaluate, parse_policy
from tests.mesh import make_settings, running_server

SERVER_DSN = os.environ.get("JIPAN_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
SCOPES = ["dataspace.read", "dataspace.write"]
CTX = "http://www.w3.org/ns/odrl.jsonld"
NOW = datetime(2026, 12, 6, tzinfo=UTC)


def say(message: str) -> None:
    print(f"[dataspace] {message}", file=sys.stderr, flush=True)


def twenty_rule_policy() -> str:
    purposes = ["research", "statistics", "public-interest", "education", "journalism"]
    permissions = []
    for i in range(15):
        constraints: list[dict[str, Any]] = [
            {"leftOperand": "purpose", "operator": "isAnyOf", "rightOperand": purposes[: 1 + i % 5]},
            {"leftOperand": "spatial", "operator": "eq", "rightOperand": "TW"},
            {
                "leftOperand": "dateTime",
                "operator": "lteq",
                "rightOperand": (NOW + timedelta(days=30)).isoformat(),
            },
        ]
        if i % 2:
            constraints.append({"leftOperand": "count", "operator": "lteq", "rightOperand": 1000})
        # Only the last permission admits the recipient the bench asks as.
        recipient = "orgs/consumer" if i == 14 else f"orgs/other-{i}"
        constraints.append({"leftOperand": "recipient", "operator": "eq", "rightOperand": recipient})
        permissions.append(
            {"uid": f"p{i}", "action": "use", "constraint": constraints, "duty": [{"action": "attribute"}]}
        )
    prohibitions = [
        {"uid": f"x{i}", "action": "distribute"}
        if i == 0
        else {
            "uid": f"x{i}",
            "action": "use",
            "constraint": [{"leftOperand": "purpose", "operator": "eq", "rightOperand": "commercial"}],
        }
        for i in range(5)
    ]
    return json.dumps({"@context": CTX, "permission": permissions, "prohibition": prohibitions})


def policy_figures(rounds: int) -> dict[str, Any]:
    text = twenty_rule_policy()
    parse_us = []
    for _ in range(200):
        started = time.perf_counter_ns()
        policy = parse_policy(text, field_name="policy", domain="bench")
        parse_us.append((time.perf_counter_ns() - started) / 1e3)
    assert policy.rule_count == 20
    use = UseContext(
        action="read", at=NOW, uses=3, purpose="research", recipient="orgs/consumer", spatial="TW"
    )
    decision = evaluate(policy, use)
    assert decision.permitted, decision
    assert decision.rule == "p14", decision
    samples = []
    for _ in range(rounds):
        started = time.perf_counter_ns()
        evaluate(policy, use)
        samples.append((time.perf_counter_ns() - started) / 1e3)
    block = os.urandom(1024)
    sha = []
    for _ in range(2000):
        started = time.perf_counter_ns()
        hashlib.sha256(block).digest()
        sha.append((time.perf_counter_ns() - started) / 1e3)
    return {
        "policy_eval_us_p50": round(statistics.median(samples), 1),
        "policy_eval_us_p99": round(statistics.quantiles(samples, n=100)[98], 1),
        "policy_parse_us_p50": round(statistics.median(parse_us), 1),
        "policy_rules": policy.rule_count,
        "sha256_us": round(statistics.median(sha), 2),
    }


async def negotiate(server: Any, channel: grpc.aio.Channel, pair: int, count: int) -> list[float]:
    provider = server.metadata(org=f"orgs/provider-{pair}", scopes=SCOPES)
    consumer = server.metadata(org=f"orgs/consumer-{pair}", scopes=SCOPES)
    catalog = cpb_grpc.CatalogServiceStub(channel)
    negotiations = npb_grpc.NegotiationServiceStub(channel)
    policy = json.dumps({"@context": CTX, "permission": [{"action": "use"}]})
    dataset = await catalog.CreateDataset(
        cpb.CreateDatasetRequest(
            dataset_id=f"d-{pair}",
            dataset=res.Dataset(title="bench", offers=[res.Offer(id="open", policy=policy)]),
        ),
        metadata=provider,
    )
    took = []
    for _ in range(count):
        started = time.perf_counter()
        name = (
            await negotiations.RequestContract(
                npb.RequestContractRequest(
                    dataset=dataset.dataset.name, offer_id="open", request_id=str(uuid.uuid4())
                ),
                metadata=consumer,
            )
        ).negotiation.name
        await negotiations.AgreeContract(npb.AgreeContractRequest(name=name), metadata=provider)
        await negotiations.VerifyAgreement(npb.VerifyAgreementRequest(name=name), metadata=consumer)
        done = await negotiations.FinalizeContract(npb.FinalizeContractRequest(name=name), metadata=provider)
        assert done.negotiation.state == res.NEGOTIATION_STATE_FINALIZED
        took.append(time.perf_counter() - started)
    return took


async def negotiation_figures(args: argparse.Namespace) -> dict[str, Any]:
    database, dsn = await create_database(SERVER_DSN, "jipan_bench_dataspace")
    try:
        with tempfile.TemporaryDirectory(prefix="jipan-bench-dataspace-") as workdir:
            settings = make_settings(
                dsn, Path(workdir), JIPAN_LEDGER_BATCH_WINDOW_S="0.02", JIPAN_LOG_LEVEL="warning"
            )
            async with (
                running_server(settings, [system.SERVICE, ledger.SERVICE, dataspace.SERVICE]) as server,
                grpc.aio.insecure_channel(server.address) as channel,
            ):
                say(f"{args.pairs} pairs × {args.negotiations} negotiations to FINALIZED")
                started = time.perf_counter()
                runs = await asyncio.gather(
                    *(negotiate(server, channel, pair, args.negotiations) for pair in range(args.pairs))
                )
                elapsed = time.perf_counter() - started
        every = [t for run in runs for t in run]
        return {
            "negotiations_per_s": round(len(every) / elapsed, 1),
            "negotiation_p50_ms": round(statistics.median(every) * 1e3, 1),
            "pairs": args.pairs,
            "transfer_ratio": None,
            "bound_by": {"sql_roundtrip_us": round(await sql_roundtrip_us(dsn), 1)},
        }
    finally:
        await drop_database(SERVER_DSN, database)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="a smoke run, not a measurement")
    parser.add_argument("--evals", type=int, default=20_000)
    parser.add_argument("--pairs", type=int, default=8)
    parser.add_argument("--negotiations", type=int, default=20)
    args = parser.parse_args()
    if args.quick:
        args.evals, args.negotiations = 1_000, 2
    load_start = load_1m()
    started = time.monotonic()
    say(f"{args.evals} decisions against a 20-rule policy")
    figures = policy_figures(args.evals)
    figures.update(asyncio.run(negotiation_figures(args)))
    figures["host"] = {
        "cpu_model": cpu_model(),
        "nproc": os.cpu_count(),
        "loadavg_1m_start_end": [load_start, load_1m()],
        "seconds": round(time.monotonic() - started, 1),
        "quick": args.quick,
    }
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    main()
