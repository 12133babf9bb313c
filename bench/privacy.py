"""Privacy service figures (issue 12), JSON on the last line.

    python bench/privacy.py            # ~1 min here
    python bench/privacy.py --quick    # smoke run

* budget_overspend (target 0): a dataset with ε 1.0, 0.8 spent, then 50
  releases of 0.1 at once racing for the last 0.2; the overspend is what the
  budget ledger (ListReleases) sums beyond the total, over `--rounds` rounds
  (the figure is the largest), with how many releases were granted (2 is
  right). Beside it: the p50 of one COUNT release (noise, spend, anchoring
  on the ledger through its gRPC contract) and a SQL round trip.
* assess_rows_per_s: AssessDataset over a generated dataset of `--rows`
  rows (k-anonymity, ℓ-diversity, prosecutor risk), end to end through gRPC.
* anonymise_1m_s (target ≤ 30): the anonymisation engine that
  AnonymiseDataset's operation runs (servers/privacy/anonymisation/engine.py:
  encoding along the hierarchies, the lattice search, writing the output
  CSV) on `--anonymise-rows` generated records × 6 quasi-identifiers (birth
  date → month/quarter/year, age in bands of 5/10/50/100, district → county
  over Taiwan's 371 postal districts, sex, income in bands, education), k = 5,
  at most 5 % suppressed; in-process, as the service's datasets stop at
  200 000 rows. Beside it the CPU seconds of the process (the host is
  shared) and what the search chose. `--anonymise-only` runs just this.

The server (system, ledger, privacy) runs in this process on a database of
its own (created and dropped here; PostgreSQL from JIPAN_DATABASE_URL, default
the local test server).
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import grpc

from bench.host import cpu_model, create_database, drop_database, load_1m, sql_roundtrip_us
from jipan.privacy.v1 import privacy_service_pb2 as ppb
from jipan.privacy.v1 import privacy_service_pb2_grpc as ppb_grpc
from jipan.privacy.v1 import resources_pb2 as res
from jipan.servers import ledger, privacy, system
from jipan.servers.privacy.anonymisation import taiwan_areas
from jipan.servers.privacy.anonymisation.engine import AnonymisationSpec, anonymise, resolve_hierarchies
from jipan.servers.privacy.anonymisation.hierarchies import Hierarchy, HierarchyKind
from jipan.servers.privacy.table import Table
from jipan.servers.privacy.types import Column, ColumnKind, ColumnRole
from tests.mesh import make_settings, running_server

SERVER_DSN = os.environ.get("JIPAN_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
SCOPES = ["privacy.read", "privacy.write"]
COLUMNS = [
    res.Column(name="id", role=res.COLUMN_ROLE_IDENTIFIER, kind=res.COLUMN_KIND_NUMBER),
    res.Column(name="age", role=res.COLUMN_ROLE_QUASI_IDENTIFIER, kind=res.COLUMN_KIND_NUMBER),
    res.Column(name="zip", role=res.COLUMN_ROLE_QUASI_IDENTIFIER, kind=res.COLUMN_KIND_TEXT),
    res.Column(name="sex", role=res.COLUMN_ROLE_QUASI_IDENTIFIER, kind=res.COLUMN_KIND_TEXT),
    res.Column(name="disease", role=res.COLUMN_ROLE_SENSITIVE, kind=res.COLUMN_KIND_TEXT),
    res.Column(name="income", role=res.COLUMN_ROLE_OTHER, kind=res.COLUMN_KIND_NUMBER),
]


def say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def people(rows: int, seed: int = 0) -> bytes:
    rng = random.Random(seed)
    out = io.StringIO()
    out.write("id,age,zip,sex,disease,income\n")
    for i in range(rows):
        out.write(
            f"{i},{rng.randint(18, 90)},{rng.randint(100, 999)},{rng.choice('FM')},"
            f"{rng.choice(['flu', 'cold', 'asthma', 'diabetes', 'none'])},{rng.randint(0, 200_000)}\n"
        )
    return out.getvalue().encode()


async def create(stub: Any, metadata: Any, content: bytes, total_epsilon: float) -> str:
    response = await stub.CreateDataset(
        ppb.CreateDatasetRequest(
            dataset_id=f"b-{uuid.uuid4().hex[:10]}",
            dataset=res.Dataset(columns=COLUMNS, total_epsilon=total_epsilon),
            content=content,
        ),
        metadata=metadata,
    )
    name: str = response.dataset.name
    return name


async def count_release(stub: Any, metadata: Any, parent: str, epsilon: float) -> Any:
    return await stub.CreateRelease(
        ppb.CreateReleaseRequest(
            parent=parent,
            release=res.Release(query=res.Query(statistic=res.STATISTIC_COUNT), epsilon=epsilon),
            request_id=str(uuid.uuid4()),
        ),
        metadata=metadata,
    )


async def race(stub: Any, metadata: Any) -> tuple[Decimal, int]:
    parent = await create(stub, metadata, people(50), 1.0)
    await count_release(stub, metadata, parent, 0.8)
    outcomes = await asyncio.gather(
        *(count_release(stub, metadata, parent, 0.1) for _ in range(50)), return_exceptions=True
    )
    for outcome in outcomes:
        if (
            isinstance(outcome, grpc.aio.AioRpcError)
            and outcome.code() != grpc.StatusCode.FAILED_PRECONDITION
        ):
            raise outcome
    granted = sum(1 for o in outcomes if not isinstance(o, BaseException))
    entries = (await stub.ListReleases(ppb.ListReleasesRequest(parent=parent), metadata=metadata)).releases
    spent = sum((Decimal(repr(e.epsilon)) for e in entries), Decimal(0))
    return max(spent - Decimal("1.0"), Decimal(0)), granted


def anonymise_figures(rows: int) -> dict[str, Any]:
    import numpy as np

    rng = np.random.default_rng(7)
    say(f"generating {rows} records x 6 quasi-identifiers")
    births = np.datetime64("1940-01-01") + rng.integers(0, 365 * 65, rows)
    areas = [d.county + d.district for d in taiwan_areas.districts()]
    qi = ColumnRole.QUASI_IDENTIFIER
    data = {
        "birth": births.astype(str).tolist(),
        "age": rng.integers(0, 100, rows).astype(str).tolist(),
        "area": [areas[i] for i in rng.integers(0, len(areas), rows)],
        "sex": [("F", "M")[i] for i in rng.integers(0, 2, rows)],
        "income": rng.integers(0, 200_000, rows).astype(str).tolist(),
        "education": rng.integers(0, 8, rows).astype(str).tolist(),
        "disease": [("flu", "cold", "asthma", "none")[i] for i in rng.integers(0, 4, rows)],
    }
    columns = [
        Column("birth", qi, ColumnKind.DATE),
        Column("age", qi, ColumnKind.NUMBER),
        Column("area", qi, ColumnKind.TEXT),
        Column("sex", qi, ColumnKind.TEXT),
        Column("income", qi, ColumnKind.NUMBER),
        Column("education", qi, ColumnKind.TEXT),
        Column("disease", ColumnRole.SENSITIVE, ColumnKind.TEXT),
    ]
    hierarchies = resolve_hierarchies(
        columns,
        [
            Hierarchy("area", HierarchyKind.TAIWAN_AREA),
            Hierarchy("income", HierarchyKind.NUMBER_BANDS, (1000.0, 10_000.0, 50_000.0, 100_000.0)),
        ],
    )
    table = Table(columns=data, row_count=rows)
    say(f"anonymising {rows} records to k = 5")
    cpu_started, started = time.process_time(), time.perf_counter()
    result = anonymise(table, columns, AnonymisationSpec(5, 0, 0.05, hierarchies))
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    outcome = result.outcome
    return {
        "anonymise_1m_s" if rows == 1_000_000 else "anonymise_s": round(elapsed, 2),
        "anonymise_rows": rows,
        "anonymise_cpu_s": round(cpu, 2),
        "anonymise_chosen": {c.column: c.level_name for c in outcome.transformation},
        "anonymise_loss": round(outcome.loss, 4),
        "anonymise_suppressed": outcome.suppressed_records,
        "anonymise_achieved_k": outcome.achieved_k,
        "anonymise_evaluated": outcome.evaluated_transformations,
        "anonymise_lattice": outcome.lattice_size,
        "anonymise_output_bytes": len(result.csv),
    }


async def run(args: argparse.Namespace) -> dict[str, Any]:
    database, dsn = await create_database(SERVER_DSN, "jipan_bench_privacy")
    try:
        with tempfile.TemporaryDirectory(prefix="jipan-bench-privacy-") as workdir:
            settings = make_settings(
                dsn, Path(workdir), JIPAN_LEDGER_BATCH_WINDOW_S="0.05", JIPAN_LOG_LEVEL="warning"
            )
            async with running_server(settings, [system.SERVICE, ledger.SERVICE, privacy.SERVICE]) as server:
                metadata = server.metadata(org="orgs/bench", scopes=SCOPES)
                async with grpc.aio.insecure_channel(server.address) as channel:
                    stub = ppb_grpc.PrivacyServiceStub(channel)
                    say(f"{args.rounds} rounds of 50 releases racing for the last 0.2 of ε")
                    races = [await race(stub, metadata) for _ in range(args.rounds)]
                    say("single release latency")
                    parent = await create(stub, metadata, people(50), 100.0)
                    latencies = []
                    for _ in range(args.releases):
                        started = time.perf_counter()
                        await count_release(stub, metadata, parent, 0.01)
                        latencies.append((time.perf_counter() - started) * 1e3)
                    say(f"assessing {args.rows} rows")
                    content = people(args.rows, seed=1)
                    big = await create(stub, metadata, content, 1.0)
                    started = time.perf_counter()
                    assessed = await stub.AssessDataset(ppb.AssessDatasetRequest(name=big), metadata=metadata)
                    assess_s = time.perf_counter() - started
        return {
            "budget_overspend": float(max(o for o, _ in races)),
            "granted_per_round": [g for _, g in races],
            "release_p50_ms": round(statistics.median(latencies), 2),
            "assess_rows_per_s": round(args.rows / assess_s),
            "assess_s": round(assess_s, 3),
            "assess_k": assessed.assessment.k_anonymity,
            "assess_classes": assessed.assessment.equivalence_class_count,
            "dataset_bytes": len(content),
            "bound_by": {"sql_roundtrip_us": round(await sql_roundtrip_us(dsn), 1)},
        }
    finally:
        await drop_database(SERVER_DSN, database)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="a smoke run, not a measurement")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--releases", type=int, default=50)
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--anonymise-rows", type=int, default=1_000_000)
    parser.add_argument("--anonymise-only", action="store_true", help="only anonymise_1m_s")
    args = parser.parse_args()
    if args.quick:
        args.rounds, args.releases, args.rows, args.anonymise_rows = 1, 5, 2_000, 20_000
    load_start = load_1m()
    started = time.monotonic()
    figures = {} if args.anonymise_only else asyncio.run(run(args))
    figures.update(anonymise_figures(args.anonymise_rows))
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
