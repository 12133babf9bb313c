"""Cloud broker figures (issue 13), JSON on the last line.

    python bench/cloud.py            # ~1 min here
    python bench/cloud.py --quick    # smoke run

* placement_100x5000_s (target ≤ 1.0): 100 workloads (tiers of three with
  traffic between them, a third TW-only, some needing CNS 27001, spread
  groups, storage and internet egress) over 5,000 offerings (4,974 instance
  types over 14 regions / 42 zones of 5 providers, plus storage and egress
  prices per region), generated with fixed seeds (tests/cloud/synthetic.py).
  The figure is the median wall time of `--runs` calls of the solver
  (filtering, dominance, the HiGHS MIP to a proved optimum with gap 0, the
  plan priced in decimals), one plan; its process CPU time beside it, since
  this host is shared. `placement_rpc_100x5000_s` is the same problem
  through PlanPlacement end to end (catalog read from PostgreSQL, solve,
  placement and exclusions stored), median of `--rpc-runs`.
* greedy_cost_gap: the greedy plan's cost / the optimum's (each workload in
  turn takes its cheapest offering in a zone its spread group has not used,
  blind to traffic between workloads).
* focus_rows_per_s (target ≥ 200,000): legacy-CUR exports of `--focus-rows`
  line items each (tests/cloud/cost_series.cur_export, ~10 MiB per 20,000
  rows, under the 15 MiB a call may carry), `--focus-files` of them imported
  one after another through ImportCostExport: read (pyarrow CSV), mapped to
  FOCUS, every mandatory column validated, stored as zstd Parquet parts with
  the effective cost per day, provider, service, tags and currency and the
  import's sums, in one transaction per file. The figure is rows stored /
  wall time of the calls. Beside it: `focus_rows_per_cpu_s` (rows per CPU
  second of this process, client and server, plus the database's backends:
  what the host's load changes least); `focus_prepare_*` the CPU part alone;
  `focus_gzip_*` the same exports gzip-compressed; `known_file_*` the same
  calls once more with every file known by its digest (the RPC's transport
  floor: 10 MiB over gRPC, the hash, two lookups); and the primitives on the
  same rows in the same run: `bare_read_csv_*` (pyarrow's CSV reader alone)
  and `bare_copy_*` (asyncpg COPY of the FOCUS rows as CSV into a table of
  typed columns with one index: the row store before migration 0006).
  `--only focus` runs this part alone.
* forecast_coverage_95 (target within [0.90, 0.99]): the rolling-origin
  backtest of the forecast model (servers/cloud/forecast/model.py) on the
  committed series tests/cloud/data/billing/daily_costs_twd.csv (420 days,
  synthetic, see tests/cloud/cost_series.py): origins every 7 days from day
  120, 14 days ahead each, share of actual days inside the 95 % interval;
  `forecast_coverage_80` and the mean absolute percentage error beside it.
* migration_ratio (target ≥ 0.80): a bucket migration's throughput over a raw
  copy's with the same SDK in the same run, two moto servers
  (bench/cloud_migration.py says what each side does); `--migration-objects`.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import io
import json
import os
import statistics
import sys
import tempfile
import time
import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import asyncpg
import grpc
import pyarrow.csv as pacsv  # type: ignore[import-untyped]  # no type information

from bench import cloud_migration
from bench.host import (
    backend_cpu_s,
    backend_cpu_since,
    cpu_model,
    create_database,
    drop_database,
    load_1m,
    process_cpu_s,
)
from jipan.cloud.v1 import billing_service_pb2 as bpb
from jipan.cloud.v1 import billing_service_pb2_grpc as bpb_grpc
from jipan.cloud.v1 import placement_service_pb2 as ppb
from jipan.cloud.v1 import placement_service_pb2_grpc as ppb_grpc
from jipan.cloud.v1 import resources_pb2 as res
from jipan.servers import cloud, system
from jipan.servers.cloud.billing import focus, layouts
from jipan.servers.cloud.billing.domain import prepare_import
from jipan.servers.cloud.billing.types import CostExportLayout
from jipan.servers.cloud.catalog.store import OfferingStore
from jipan.servers.cloud.forecast import model
from jipan.servers.cloud.placement import solver
from tests.cloud import cost_series, synthetic
from tests.mesh import make_settings, running_server

SERVER_DSN = os.environ.get("JIPAN_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
SCOPES = ["cloud.read", "cloud.write"]
OWNER = "orgs/bench"


def say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def workload_pb(w: Any) -> res.Workload:
    return res.Workload(
        id=w.id,
        vcpu=w.vcpu,
        memory_gib=w.memory_gib,
        gpu_count=w.gpu_count,
        storage_gib=w.storage_gib,
        allowed_countries=list(w.allowed_countries),
        required_certifications=[
            res.Certification.Value(f"CERTIFICATION_{c}") for c in w.required_certifications
        ],
        spread_group=w.spread_group,
        internet_egress_gib_month=w.internet_egress_gib_month,
    )


async def rpc_runs(offerings: list[Any], workloads: list[Any], flows: list[Any], runs: int) -> list[float]:
    database, dsn = await create_database(SERVER_DSN, "jipan_bench_cloud")
    try:
        with tempfile.TemporaryDirectory(prefix="jipan-bench-cloud-") as workdir:
            settings = make_settings(dsn, Path(workdir), JIPAN_LOG_LEVEL="warning")
            async with running_server(settings, [system.SERVICE, cloud.SERVICE]) as server:
                await OfferingStore(server.runtime.database).upsert(offerings)
                request = ppb.PlanPlacementRequest(
                    parent=OWNER,
                    max_plans=1,
                    placement=res.Placement(
                        workloads=[workload_pb(w) for w in workloads],
                        flows=[
                            res.TrafficFlow(source=f.source, destination=f.destination, gib_month=f.gib_month)
                            for f in flows
                        ],
                    ),
                )
                metadata = server.metadata(org=OWNER, scopes=SCOPES)
                times = []
                async with grpc.aio.insecure_channel(server.address) as channel:
                    stub = ppb_grpc.PlacementServiceStub(channel)
                    for _ in range(runs):
                        started = time.perf_counter()
                        answer = await stub.PlanPlacement(request, metadata=metadata)
                        times.append(time.perf_counter() - started)
                        assert answer.placement.plans[0].optimal
                return times
    finally:
        await drop_database(SERVER_DSN, database)


async def focus_runs(exports: list[bytes], rows: int) -> dict[str, Any]:
    """Importing every export in turn through ImportCostExport: wall time, rows stored, and the
    CPU seconds of this process (client and server) and of the database's backends."""
    database, dsn = await create_database(SERVER_DSN, "jipan_bench_billing")
    try:
        with tempfile.TemporaryDirectory(prefix="jipan-bench-billing-") as workdir:
            settings = make_settings(dsn, Path(workdir), JIPAN_LOG_LEVEL="warning")
            async with running_server(settings, [system.SERVICE, cloud.SERVICE]) as server:
                metadata = server.metadata(org=OWNER, scopes=SCOPES)
                usd = res.ExchangeRate(currency_code="USD", twd_per_unit="32.5", date="2025-12-01")

                def request(content: bytes) -> bpb.ImportCostExportRequest:
                    return bpb.ImportCostExportRequest(
                        parent=OWNER,
                        layout=bpb.COST_EXPORT_LAYOUT_AWS_CUR,
                        content=content,
                        request_id=str(uuid.uuid4()),
                        exchange_rates=[usd],
                    )

                async with grpc.aio.insecure_channel(
                    server.address, options=[("grpc.max_send_message_length", 16 << 20)]
                ) as channel:
                    stub = bpb_grpc.BillingServiceStub(channel)
                    await stub.ImportCostExport(request(cost_series.cur_export(100, 9999)), metadata=metadata)
                    stored = 0
                    backends = await backend_cpu_s(dsn)
                    started, cpu = time.perf_counter(), time.process_time()
                    for content in exports:
                        answer = await stub.ImportCostExport(request(content), metadata=metadata)
                        stored += answer.cost_import.row_count
                    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
                    backend = backend_cpu_since(backends, await backend_cpu_s(dsn))
                    # The same calls again: every file is known by its digest, so this is the
                    # RPC without the import (10 MiB over gRPC, the hash, two lookups).
                    started, known_cpu = time.perf_counter(), time.process_time()
                    for content in exports:
                        again = await stub.ImportCostExport(request(content), metadata=metadata)
                        assert again.cost_import.row_count == rows
                    known_wall = time.perf_counter() - started
                    known_cpu = time.process_time() - known_cpu
                    # The same rows gzip-compressed, as CUR files arrive (other bytes: imported again).
                    packed = [gzip.compress(content, 6) for content in exports]
                    started, gzip_cpu = time.perf_counter(), time.process_time()
                    for content in packed:
                        again = await stub.ImportCostExport(request(content), metadata=metadata)
                        assert again.cost_import.row_count == rows
                    gzip_wall = time.perf_counter() - started
                    gzip_cpu = time.process_time() - gzip_cpu
                    # The rows read back: ExportFocus (CSV) streams every stored row.
                    started = time.perf_counter()
                    exported = 0
                    async for chunk in stub.ExportFocus(
                        bpb.ExportFocusRequest(parent=OWNER, format=bpb.FOCUS_FILE_FORMAT_CSV),
                        metadata=metadata,
                    ):
                        exported += chunk.chunk.count(b"\n")
                    export_s = time.perf_counter() - started
                assert stored == rows * len(exports)
                assert exported - 1 == 2 * stored + 100, exported  # the header; the warm-up's 100 rows
                return {
                    "wall": wall,
                    "stored": stored,
                    "cpu": cpu,
                    "backend": backend,
                    "export_s": export_s,
                    "exported": exported - 1,
                    "known_wall": known_wall,
                    "known_cpu": known_cpu,
                    "gzip_wall": gzip_wall,
                    "gzip_cpu": gzip_cpu,
                    "gzip_mib": sum(map(len, packed)) / 2**20,
                }
    finally:
        await drop_database(SERVER_DSN, database)


async def bare_copy(tables: list[Any]) -> dict[str, float | None]:
    """The primitive beside the figure: the same FOCUS rows COPYed (CSV, asyncpg) into a table of
    typed columns with one index, as the row store before migration 0006 did, one transaction per
    export; pyarrow writes the COPY input (not timed)."""
    database, dsn = await create_database(SERVER_DSN, "jipan_bench_copy")
    try:
        payloads = []
        for table in tables:
            buffer = io.BytesIO()
            pacsv.write_csv(table, buffer, pacsv.WriteOptions(include_header=False))
            payloads.append(buffer.getvalue())
        conn = await asyncpg.connect(dsn)
        try:
            await conn.execute(
                "CREATE TABLE focus_rows (billed_cost numeric NOT NULL, billing_account_id text NOT NULL,"
                " billing_account_name text, billing_currency text NOT NULL,"
                " billing_period_end timestamptz NOT NULL, billing_period_start timestamptz NOT NULL,"
                " charge_category text NOT NULL, charge_class text, charge_description text,"
                " charge_period_end timestamptz NOT NULL, charge_period_start timestamptz NOT NULL,"
                " contracted_cost numeric NOT NULL, effective_cost numeric NOT NULL,"
                " invoice_issuer_name text NOT NULL, list_cost numeric NOT NULL, pricing_quantity numeric,"
                " pricing_unit text, provider_name text NOT NULL, publisher_name text NOT NULL,"
                " service_category text NOT NULL, service_name text NOT NULL, tags jsonb,"
                " line integer NOT NULL);"
                " CREATE INDEX ON focus_rows (provider_name, charge_period_start)"
            )
            pid = await conn.fetchval("SELECT pg_backend_pid()")
            before = process_cpu_s(pid)
            started = time.perf_counter()
            for payload in payloads:
                async with conn.transaction():
                    await conn.copy_to_table("focus_rows", source=io.BytesIO(payload), format="csv")
            wall = time.perf_counter() - started
            after = process_cpu_s(pid)
        finally:
            await conn.close()
        return {"wall": wall, "backend": None if before is None or after is None else after - before}
    finally:
        await drop_database(SERVER_DSN, database)


def placement_figures(args: argparse.Namespace) -> dict[str, Any]:
    offerings = synthetic.catalog(4974, owner=OWNER)
    assert len(offerings) == 5000
    workloads, flows = synthetic.workloads(100)
    say(f"{len(offerings)} offerings, {len(workloads)} workloads, {len(flows)} flows")
    solver.solve(workloads, flows, offerings, max_plans=1)  # warm: imports, allocator
    walls, cpus = [], []
    solution = None
    for _ in range(args.runs):
        wall, cpu = time.perf_counter(), time.process_time()
        solution = solver.solve(workloads, flows, offerings, max_plans=1, with_greedy=True)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
        say(f"solve {walls[-1]:.3f} s (cpu {cpus[-1]:.3f} s)")
    assert solution is not None
    best = solution.plans[0]
    gap = float(solution.greedy_total_twd / best.total_twd) if solution.greedy_total_twd else None
    rpc = asyncio.run(rpc_runs(offerings, workloads, flows, args.rpc_runs))
    say(f"rpc {[round(t, 3) for t in rpc]}")
    return {
        "placement_100x5000_s": round(statistics.median(walls), 3),
        "placement_100x5000_cpu_s": round(statistics.median(cpus), 3),
        "placement_100x5000_min_s": round(min(walls), 3),
        "placement_optimal": best.optimal,
        "placement_optimum_twd": str(best.total_twd),
        "placement_columns": solution.stats["columns"],
        "placement_rows": solution.stats["rows"],
        "placement_rpc_100x5000_s": round(statistics.median(rpc), 3),
        "greedy_cost_gap": round(gap, 4) if gap is not None else None,
        "greedy_twd": str(solution.greedy_total_twd),
    }


async def migration_figures(objects: int, runs: int) -> dict[str, Any]:
    database, dsn = await create_database(SERVER_DSN, "jipan_bench_migration")
    try:
        return await cloud_migration.measure(dsn, objects, runs, say)
    finally:
        await drop_database(SERVER_DSN, database)


def billing_figures(args: argparse.Namespace) -> dict[str, Any]:
    exports = [cost_series.cur_export(args.focus_rows, seed) for seed in range(args.focus_files)]
    say(f"{len(exports)} CUR exports of {args.focus_rows} rows, {sum(map(len, exports)) / 2**20:.1f} MiB")
    rates = {"TWD": Decimal(1), "USD": Decimal("32.5")}
    prepare_import(CostExportLayout.AWS_CUR, cost_series.cur_export(100, 9998), rates)
    # Primitive: pyarrow's CSV reader alone (every column, types inferred, its threads).
    started, cpu = time.perf_counter(), time.process_time()
    for content in exports:
        pacsv.read_csv(io.BytesIO(content))
    read_s, read_cpu_s = time.perf_counter() - started, time.process_time() - cpu
    started, cpu = time.perf_counter(), time.process_time()
    for content in exports:
        prepare_import(CostExportLayout.AWS_CUR, content, rates)
    prepare_s, prepare_cpu_s = time.perf_counter() - started, time.process_time() - cpu
    run = asyncio.run(focus_runs(exports, args.focus_rows))
    stored, wall = run["stored"], run["wall"]
    say(
        f"focus: {stored} rows in {wall:.2f} s ({stored / wall:,.0f}/s), process cpu {run['cpu']:.2f} s,"
        f" backends {run['backend']}; prepare alone {prepare_s:.2f} s; read_csv alone {read_s:.2f} s"
    )
    validated = [focus.validate(layouts.read_aws_cur(content)) for content in exports]
    copied = asyncio.run(
        bare_copy([t.select([*focus.MANDATORY_COLUMNS, "Tags", focus.LINE]) for t in validated])
    )
    say(f"bare COPY of the same rows: {copied}")
    backend = run["backend"]
    return {
        "focus_rows_per_s": round(stored / wall),
        "focus_rows": stored,
        "focus_files": len(exports),
        # CPU seconds of all this process's threads (client and server) and of the database's
        # backends during the imports: what the host's load does not change.
        "focus_rows_per_cpu_s": round(stored / (run["cpu"] + (backend or 0.0))),
        "focus_process_cpu_s": round(run["cpu"], 3),
        "focus_backend_cpu_s": None if backend is None else round(backend, 3),
        "focus_prepare_rows_per_s": round(stored / prepare_s),
        "focus_prepare_rows_per_cpu_s": round(stored / prepare_cpu_s),
        "focus_export_csv_rows_per_s": round(run["exported"] / run["export_s"]),
        # The same exports gzip-compressed (level 6), imported as well.
        "focus_gzip_rows_per_s": round(stored / run["gzip_wall"]),
        "focus_gzip_rows_per_cpu_s": round(stored / run["gzip_cpu"]),
        "focus_gzip_mib": round(run["gzip_mib"], 1),
        # The same files sent again (known by digest, not imported): the RPC's transport floor.
        "known_file_rows_per_s": round(stored / run["known_wall"]),
        "known_file_rows_per_cpu_s": round(stored / run["known_cpu"]),
        # The primitives, same run, same rows.
        "bare_read_csv_rows_per_s": round(stored / read_s),
        "bare_read_csv_rows_per_cpu_s": round(stored / read_cpu_s),
        "bare_copy_rows_per_s": round(stored / copied["wall"]),
        "bare_copy_rows_per_backend_cpu_s": round(stored / copied["backend"]) if copied["backend"] else None,
    }


def forecast_figures() -> dict[str, Any]:
    with open(Path(__file__).resolve().parents[1] / "tests/cloud/data/billing/daily_costs_twd.csv") as f:
        series = [float(line.split(",")[1]) for line in f.read().splitlines()[1:]]
    started = time.perf_counter()
    result = model.backtest(series, first_origin=120, horizon=14, stride=7)
    backtest_s = time.perf_counter() - started
    say(f"backtest: {result}")
    return {
        "forecast_coverage_95": round(result.coverage_95, 4),
        "forecast_coverage_80": round(result.coverage_80, 4),
        "forecast_mape": round(result.mape, 4),
        "forecast_backtest_points": result.points,
        "forecast_backtest_origins": result.origins,
        "forecast_models": result.models,
        "forecast_backtest_s": round(backtest_s, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--rpc-runs", type=int, default=3)
    parser.add_argument("--focus-files", type=int, default=8)
    parser.add_argument("--focus-rows", type=int, default=20_000)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--migration-objects", type=int, default=300)
    parser.add_argument("--migration-runs", type=int, default=5)
    parser.add_argument(
        "--only", choices=["placement", "billing", "focus", "forecast", "migration"], default=None
    )
    args = parser.parse_args()
    if args.quick:
        args.runs, args.rpc_runs, args.focus_files, args.focus_rows = 2, 1, 2, 5_000
        args.migration_objects, args.migration_runs = 40, 1
    load_before = load_1m()
    figures: dict[str, Any] = {}
    # The migration first, in a process not yet holding the 5,000 offerings and the solver's
    # state: a heap that large makes every full garbage collection during the copy slower.
    if args.only in (None, "migration"):
        figures.update(asyncio.run(migration_figures(args.migration_objects, args.migration_runs)))
    if args.only in (None, "placement"):
        figures.update(placement_figures(args))
    if args.only in (None, "billing", "focus"):
        figures.update(billing_figures(args))
    if args.only in (None, "billing", "forecast"):
        figures.update(forecast_figures())
    figures["cpu"] = cpu_model()
    figures["load_1m"] = [load_before, load_1m()]
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    main()
