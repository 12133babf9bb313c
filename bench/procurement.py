"""procurement: SBOM review time, orders per second, catalog search latency.

Usage:
    python bench/procurement.py [--quick] [--clients C] [--orders N] [--listings N] [--searches N]

1. SBOM. bench/procurement_sbom.py's `run`: `parse_sbom` + `review_software`
   on generated CycloneDX 1.5 JSON SBOMs of 1,000 and 10,000 components
   against an advisory index of 50,000 generated OSV records (cold: the
   index is freshly loaded, version ranges compiled on first use).
2. Orders. A procurement server (system + ledger + procurement, the real
   interceptor chain, PostgreSQL from JIPAN_DATABASE_URL /
   JIPAN_TEST_DATABASE_URL in a fresh database, or an embedded one in a
   temporary folder) runs in a subprocess. One cloud listing is created and
   approved over gRPC (CreateListing + SubmitListing, its decision anchored
   on the in-process ledger). Then C concurrent clients, each the buyer of
   its own agency, place N orders with CreateOrder; every tenth call is
   immediately retried with the same request_id, as a client whose response
   was lost would. Afterwards each agency's orders are read back with
   ListOrders (all pages): `orders_lost` counts request ids that were
   acknowledged but have no order, `orders_doubled` extra orders and retries
   answered with another order than the first.
3. Search. L listings are loaded straight into procurement.listings with
   COPY, in the store's shape: the price tiers, licence terms and SLA JSON
   from store.draft_json and `search_tokens`/`name_tokens` from catalog's functions
   (search.tokens, what CreateListing stores), names and descriptions drawn
   from Chinese and English procurement vocabulary; then ANALYZE. S
   SearchListings calls, one at a time (latency, not throughput), by an
   agency's buyer: Chinese, English and mixed queries, some with a category,
   price ceiling, lot or vendor filter, some filters alone.

The last line is JSON: sbom_10k_s, orders_per_s, orders_lost, search_p95_ms,
and the parts. Targets (issue 5): sbom_10k_s <= 2, orders_per_s >= 1000,
orders_lost = 0, search_p95_ms <= 20.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import asyncpg  # noqa: E402
import grpc  # noqa: E402

from bench.host import (  # noqa: E402
    backend_cpu_s,
    backend_cpu_since,
    cpu_model,
    create_database,
    drop_database,
    load_1m,
    process_cpu_s,
    sql_roundtrip_us,
)
from bench.procurement_sbom import run as run_sbom  # noqa: E402
from jipan.common.v1 import money_pb2  # noqa: E402
from jipan.interceptors.tokens import DevSigningKey, mint_access_token  # noqa: E402
from jipan.procurement.v1 import catalog_service_pb2 as cpb  # noqa: E402
from jipan.procurement.v1 import catalog_service_pb2_grpc as cpb_grpc  # noqa: E402
from jipan.procurement.v1 import order_service_pb2 as opb  # noqa: E402
from jipan.procurement.v1 import order_service_pb2_grpc as opb_grpc  # noqa: E402
from jipan.procurement.v1 import resources_pb2 as res  # noqa: E402
from jipan.procurement.v1 import review_service_pb2 as rpb  # noqa: E402
from jipan.procurement.v1 import review_service_pb2_grpc as rpb_grpc  # noqa: E402
from jipan.servers.procurement.catalog import (  # noqa: E402
    Category,
    Distribution,
    LicenceTerms,
    ListingDraft,
    PriceTier,
    Sla,
    SupportHours,
    name_tokens,
    search_tokens,
)
from jipan.servers.procurement.store import draft_json  # noqa: E402
from jipan.servers.runtime import loop as event_loop  # noqa: E402
from jipan.servers.runtime.embedded_pg import EmbeddedPostgres  # noqa: E402
from jipan.servers.runtime.settings import load_settings  # noqa: E402

RETRY_EVERY = 10
SEARCH_VENDORS = 500

ZH_TERMS = (
    "雲端", "備份", "公文", "管理", "系統", "資安", "監控", "防火牆", "郵件", "視訊", "會議", "人事",
    "差勤", "電子", "簽核", "資料庫", "虛擬主機", "儲存", "端點", "防護", "弱點", "掃描", "滲透",
    "測試", "客服", "平台", "會計", "採購", "檔案", "異地", "災難", "復原", "身分", "認證", "入侵",
    "偵測", "日誌", "分析", "網站", "代管", "行動", "應用", "辨識", "地理", "資訊", "排程",
)  # fmt: skip
EN_TERMS = (
    "cloud", "backup", "document", "manager", "firewall", "mail", "video", "conference", "hr",
    "endpoint", "protection", "scanner", "database", "storage", "analytics", "portal", "gateway",
    "identity", "siem", "soc", "vpn", "kubernetes", "archive", "helpdesk", "erp", "crm", "waf",
    "ddos", "recovery", "monitoring", "log", "sso", "mfa", "workflow", "ocr", "gis", "chatbot",
)  # fmt: skip
CATEGORIES = (Category.PACKAGED_SOFTWARE, Category.CLOUD_SERVICES, Category.INFORMATION_SECURITY_SERVICES)
CATEGORY_PB = {
    Category.PACKAGED_SOFTWARE: res.CATEGORY_PACKAGED_SOFTWARE,
    Category.CLOUD_SERVICES: res.CATEGORY_CLOUD_SERVICES,
    Category.INFORMATION_SECURITY_SERVICES: res.CATEGORY_INFORMATION_SECURITY_SERVICES,
}


# -- the server, in a subprocess -------------------------------------------------


async def serve(port_file: Path, data_dir: Path, dsn: str) -> None:
    from jipan.servers import ledger, procurement, system
    from jipan.servers.runtime.runtime import open_runtime
    from jipan.servers.runtime.server import create_server

    settings = load_settings(
        {
            "JIPAN_DATABASE_URL": dsn,
            "JIPAN_DATA_DIR": str(data_dir),
            "JIPAN_LISTEN": "127.0.0.1:0",
            "JIPAN_LOG_LEVEL": "warning",
            "JIPAN_DATABASE_POOL_MAX": "20",
            "JIPAN_LEDGER_BATCH_WINDOW_S": "0.05",
        }
    )
    modules = [system.SERVICE, ledger.SERVICE, procurement.SERVICE]
    async with open_runtime(settings, modules) as runtime:
        server, port = await create_server(settings, modules, runtime)
        await server.start()
        await asyncio.to_thread(port_file.write_text, str(port))
        await server.wait_for_termination()


class Tokens:
    def __init__(self, data_dir: Path) -> None:
        self._key = DevSigningKey.load_or_create(data_dir)
        self._settings = load_settings({"JIPAN_DATA_DIR": str(data_dir)})

    def metadata(self, org: str, roles: list[str]) -> tuple[tuple[str, str], ...]:
        token = mint_access_token(
            self._key,
            subject=f"people/bench-{org}",
            audience=self._settings.token_audience,
            issuer=self._settings.token_issuer,
            scopes=["procurement.read", "procurement.write"],
            org=f"orgs/{org}",  # identity's form of the claim; procurement's parents use the bare id
            roles=roles,
            ttl_s=3600,
        )
        return (("authorization", f"Bearer {token}"),)


def _twd(amount: int) -> money_pb2.Money:
    return money_pb2.Money(currency_code="TWD", amount_minor=amount)


async def _setup(channel: grpc.aio.Channel, tokens: Tokens) -> tuple[dict[Category, str], str]:
    """Lots of every category (names) and one APPROVED cloud listing."""
    admin = tokens.metadata("moda", ["procurement-admin"])
    catalog = cpb_grpc.CatalogServiceStub(channel)
    lots: dict[Category, str] = {}
    for category in CATEGORIES:
        created = await catalog.CreateLot(
            cpb.CreateLotRequest(
                lot=res.Lot(
                    display_name=f"113年度共同供應契約 {category.value}",
                    category=CATEGORY_PB[category],
                    contract_number=f"LP5-{uuid.uuid4().hex[:8]}",
                )
            ),
            metadata=admin,
        )
        lots[category] = created.lot.name
    vendor_org = "vendor-bench-orders"
    vendor = tokens.metadata(vendor_org, ["procurement-vendor"])
    listing = await catalog.CreateListing(
        cpb.CreateListingRequest(
            parent=f"vendors/{vendor_org}",
            listing=res.Listing(
                lot=lots[Category.CLOUD_SERVICES],
                product_name="雲端備份服務 Cloud Backup",
                product_version="2026.1",
                description="異地備份與災難復原 for agencies",
                price_tiers=[
                    res.PriceTier(min_quantity=1, max_quantity=99, unit_price=_twd(1200)),
                    res.PriceTier(min_quantity=100, max_quantity=0, unit_price=_twd(900)),
                ],
                licence_terms=res.LicenceTerms(distribution=res.DISTRIBUTION_SAAS),
                sla=res.SlaAttestation(
                    availability_basis_points=9995,
                    rto_minutes=240,
                    rpo_minutes=60,
                    support_hours=res.SUPPORT_HOURS_ALWAYS,
                    data_locations=["TW"],
                    incident_notification_minutes=60,
                ),
                support="7x24",
            ),
        ),
        metadata=vendor,
    )
    submitted = await rpb_grpc.ListingReviewServiceStub(channel).SubmitListing(
        rpb.SubmitListingRequest(listing=listing.listing.name), metadata=vendor
    )
    assert submitted.listing.state == res.LISTING_STATE_APPROVED, submitted.listing.state
    return lots, submitted.listing.name


# -- orders ------------------------------------------------------------------------


async def _orders(
    channels: list[grpc.aio.Channel],
    tokens: Tokens,
    listing: str,
    clients: int,
    total: int,
    server_pid: int | None = None,
    dsn: str | None = None,
) -> dict[str, Any]:
    run = uuid.uuid4().hex[:6]
    agencies = [f"agency-bench-{run}-{i}" for i in range(clients)]
    metadata = [tokens.metadata(org, ["procurement-buyer"]) for org in agencies]
    per_client = [total // clients + (1 if i < total % clients else 0) for i in range(clients)]
    placed: list[dict[str, str]] = [{} for _ in range(clients)]  # request id → order name
    mismatched = 0
    latencies: list[float] = []

    def request(i: int, request_id: str, n: int) -> opb.CreateOrderRequest:
        return opb.CreateOrderRequest(
            parent=f"agencies/{agencies[i]}",
            order=res.Order(listing=listing, quantity=1 + n % 150, budget_code="113-資訊-01"),
            request_id=request_id,
        )

    async def client(i: int) -> None:
        nonlocal mismatched
        stub = opb_grpc.OrderServiceStub(channels[i % len(channels)])
        for n in range(per_client[i]):
            request_id = str(uuid.uuid4())
            started = time.perf_counter()
            response = await stub.CreateOrder(request(i, request_id, n), metadata=metadata[i])
            latencies.append(time.perf_counter() - started)
            placed[i][request_id] = response.order.name
            if n % RETRY_EVERY == 0:  # the response "was lost": the client retries
                again = await stub.CreateOrder(request(i, request_id, n), metadata=metadata[i])
                mismatched += again.order.name != response.order.name

    # Warm-up outside the clock: each client's first call (channels, token cache).
    warm = opb_grpc.OrderServiceStub(channels[0])
    await warm.CreateOrder(
        opb.CreateOrderRequest(
            parent="agencies/agency-bench-warm",
            order=res.Order(listing=listing, quantity=1, budget_code="warm"),
            request_id=str(uuid.uuid4()),
        ),
        metadata=tokens.metadata("agency-bench-warm", ["procurement-buyer"]),
    )
    roundtrip = await sql_roundtrip_us(dsn) if dsn else None
    server_cpu = process_cpu_s(server_pid) if server_pid else None
    backends = await backend_cpu_s(dsn)
    own_cpu = time.process_time()
    started = time.perf_counter()
    await asyncio.gather(*(client(i) for i in range(clients)))
    elapsed = time.perf_counter() - started
    own_cpu = time.process_time() - own_cpu
    if server_cpu is not None and server_pid:
        server_cpu = (process_cpu_s(server_pid) or server_cpu) - server_cpu
    postgres_cpu = backend_cpu_since(backends, await backend_cpu_s(dsn)) if dsn else None

    # Read every agency's orders back over the API.
    lost = doubled = 0
    for i, agency in enumerate(agencies):
        stub = opb_grpc.OrderServiceStub(channels[0])
        names: list[str] = []
        token = ""
        while True:
            page = await stub.ListOrders(
                opb.ListOrdersRequest(parent=f"agencies/{agency}", page_size=500, page_token=token),
                metadata=metadata[i],
            )
            names.extend(order.name for order in page.orders)
            token = page.next_page_token
            if not token:
                break
        stored = set(names)
        lost += sum(1 for name in placed[i].values() if name not in stored)
        doubled += len(names) - len(stored) + max(0, len(stored) - len(placed[i]))
    latencies.sort()
    retries = sum((count + RETRY_EVERY - 1) // RETRY_EVERY for count in per_client)
    return {
        "orders": total,
        "retries": retries,
        "clients": clients,
        "seconds": round(elapsed, 3),
        "orders_per_s": round(total / elapsed, 1),
        "calls_per_s": round((total + retries) / elapsed, 1),
        "create_ms_p50": round(statistics.median(latencies) * 1000, 2),
        "create_ms_p99": round(latencies[max(0, int(len(latencies) * 0.99) - 1)] * 1000, 2),
        "orders_lost": lost,
        "orders_doubled": doubled + mismatched,
        # The primitive each order's SQL statements cost at least, measured
        # on the bench's database just before the orders (host otherwise as is).
        "sql_roundtrip_us_p50": roundtrip,
        # CPU time per order (its retry included) of the server process, the
        # load generator and the PostgreSQL backends, and the rate their sum
        # allows on this host's cores with nothing else running.
        "server_cpu_ms_per_order": _per_order_ms(server_cpu, total),
        "client_cpu_ms_per_order": _per_order_ms(own_cpu, total),
        "postgres_cpu_ms_per_order": _per_order_ms(postgres_cpu, total),
        "cpu_bound_orders_per_s": (
            round((os.cpu_count() or 1) * total / (server_cpu + own_cpu + postgres_cpu), 1)
            if server_cpu is not None and postgres_cpu
            else None
        ),
    }


def _per_order_ms(cpu_s: float | None, orders: int) -> float | None:
    return round(cpu_s * 1000 / orders, 3) if cpu_s is not None else None


# -- search ------------------------------------------------------------------------


def _json(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def _listing_rows(count: int, lots: dict[Category, str], seed: int) -> list[tuple[Any, ...]]:
    rng = random.Random(seed)
    now = datetime.now(UTC)
    rows = []
    for i in range(count):
        category = CATEGORIES[i % len(CATEGORIES)]
        zh = "".join(rng.sample(ZH_TERMS, rng.randint(2, 3)))
        en = " ".join(word.capitalize() for word in rng.sample(EN_TERMS, rng.randint(1, 3)))
        description = "、".join(rng.sample(ZH_TERMS, 4)) + "; " + " ".join(rng.sample(EN_TERMS, 5))
        price = rng.randrange(500, 500_000, 100)
        draft = ListingDraft(
            lot=lots[category].removeprefix("lots/"),
            product_name=f"{zh} {en}",
            product_version=f"{rng.randint(1, 12)}.{rng.randint(0, 9)}",
            description=description,
            price_tiers=(
                PriceTier(1, 99, price),
                PriceTier(100, 0, price * 9 // 10),
            ),
            licence_terms=LicenceTerms(
                Distribution.SAAS if category is not Category.PACKAGED_SOFTWARE else Distribution.PROPRIETARY,
                "",
                "",
            ),
            sla=None
            if category is Category.PACKAGED_SOFTWARE
            else Sla(9990 + rng.randint(0, 9), 240, 60, SupportHours.ALWAYS, ("TW",), 60, None),
            support="5x8",
        )
        data = draft_json(draft)
        state = "APPROVED" if rng.random() < 0.9 else rng.choice(("DRAFT", "CHANGES_REQUESTED", "FLAGGED"))
        moment = now - timedelta(seconds=rng.randint(0, 365 * 86400))
        rows.append(
            (
                f"vendor-bench-{rng.randrange(SEARCH_VENDORS)}",
                uuid.UUID(int=rng.getrandbits(128), version=4),
                draft.lot,
                category.value,
                draft.product_name,
                draft.product_version,
                draft.description,
                _json(data["price_tiers"]),
                min(tier.unit_price_minor for tier in draft.price_tiers),
                _json(data["licence_terms"]),
                None if data["sla"] is None else _json(data["sla"]),
                draft.support,
                state,
                search_tokens(draft),
                name_tokens(draft),
                moment,
                moment,
            )
        )
    return rows


LISTING_COLUMNS = (
    "vendor", "id", "lot", "category", "product_name", "product_version", "description", "price_tiers",
    "min_unit_price_minor", "licence_terms", "sla", "support", "state", "search_tokens", "name_tokens",
    "create_time", "update_time",
)  # fmt: skip


async def _load_listings(dsn: str, count: int, lots: dict[Category, str]) -> dict[str, Any]:
    t0 = time.perf_counter()
    rows = _listing_rows(count, lots, seed=5)
    t1 = time.perf_counter()
    # A plain connection: binary COPY takes jsonb as JSON text (the pool's
    # codec turns dicts into text for statements only).
    conn = await asyncpg.connect(dsn)
    try:
        for start in range(0, len(rows), 10_000):
            await conn.copy_records_to_table(
                "listings",
                schema_name="procurement",
                columns=LISTING_COLUMNS,
                records=rows[start : start + 10_000],
                timeout=600,
            )
        await conn.execute("ANALYZE procurement.listings", timeout=600)
    finally:
        await conn.close()
    return {"listings": count, "generate_s": round(t1 - t0, 2), "load_s": round(time.perf_counter() - t1, 2)}


def _search_requests(count: int, lots: dict[Category, str], seed: int) -> list[cpb.SearchListingsRequest]:
    rng = random.Random(seed)
    requests = []
    for _ in range(count):
        kind = rng.random()
        if kind < 0.35:
            query = "".join(rng.sample(ZH_TERMS, rng.randint(1, 2)))
        elif kind < 0.65:
            query = " ".join(rng.sample(EN_TERMS, rng.randint(1, 2)))
        elif kind < 0.9:
            query = f"{rng.choice(ZH_TERMS)} {rng.choice(EN_TERMS)}"
        else:
            query = ""  # filters alone
        request = cpb.SearchListingsRequest(query=query)
        if rng.random() < 0.3 or not query:
            request.category = CATEGORY_PB[rng.choice(CATEGORIES)]
        if rng.random() < 0.2:
            request.max_unit_price_minor = rng.randrange(10_000, 400_000, 1000)
        if rng.random() < 0.1:
            request.lot = rng.choice(list(lots.values()))
        if rng.random() < 0.1:
            request.vendor = f"vendors/vendor-bench-{rng.randrange(SEARCH_VENDORS)}"
        requests.append(request)
    return requests


async def _search(
    channel: grpc.aio.Channel, tokens: Tokens, lots: dict[Category, str], count: int
) -> dict[str, Any]:
    stub = cpb_grpc.CatalogServiceStub(channel)
    metadata = tokens.metadata("agency-bench-search", ["procurement-buyer"])
    for request in _search_requests(50, lots, seed=11):  # warm-up: plans, caches, token
        await stub.SearchListings(request, metadata=metadata)
    latencies: list[float] = []
    by_kind: dict[str, list[float]] = {"zh": [], "en": [], "mixed": [], "filters": []}
    hits = 0
    for request in _search_requests(count, lots, seed=13):
        started = time.perf_counter()
        response = await stub.SearchListings(request, metadata=metadata)
        latency = time.perf_counter() - started
        latencies.append(latency)
        hits += len(response.listings)
        query = request.query
        ascii_only = query.isascii()
        kind = "filters" if not query else "en" if ascii_only else "zh" if " " not in query else "mixed"
        by_kind[kind].append(latency)

    def p95(values: list[float]) -> float:
        ordered = sorted(values)
        return round(ordered[max(0, int(len(ordered) * 0.95) - 1)] * 1000, 2) if ordered else 0.0

    return {
        "searches": count,
        "search_ms_p50": round(statistics.median(latencies) * 1000, 2),
        "search_p95_ms": p95(latencies),
        "search_ms_p99": round(sorted(latencies)[max(0, int(len(latencies) * 0.99) - 1)] * 1000, 2),
        "p95_ms_by_kind": {kind: p95(values) for kind, values in by_kind.items()},
        "mean_hits_per_page": round(hits / count, 1),
    }


# -- the run -----------------------------------------------------------------------


def _start_server(workdir: Path, dsn: str) -> tuple[subprocess.Popen[bytes], str]:
    port_file = workdir / "port"
    server = subprocess.Popen(
        [
            sys.executable,
            __file__,
            "--serve",
            str(port_file),
            "--data-dir",
            str(workdir / "data"),
            "--dsn",
            dsn,
        ]
    )
    for _ in range(1800):
        if port_file.exists() and port_file.read_text():
            return server, f"127.0.0.1:{port_file.read_text()}"
        if server.poll() is not None:
            raise SystemExit("the procurement server exited during start-up")
        time.sleep(0.1)
    server.terminate()
    raise SystemExit("the procurement server did not start in 180 s")


async def _against_server(
    address: str, workdir: Path, dsn: str, args: argparse.Namespace, server_pid: int
) -> dict[str, Any]:
    tokens = Tokens(workdir / "data")
    channels = [grpc.aio.insecure_channel(address) for _ in range(4)]
    try:
        lots, listing = await _setup(channels[0], tokens)
        orders = await _orders(channels, tokens, listing, args.clients, args.orders, server_pid, dsn)
        loaded = await _load_listings(dsn, args.listings, lots)
        search = await _search(channels[0], tokens, lots, args.searches)
    finally:
        for channel in channels:
            await channel.close()
    return {"orders": orders, "search": {**loaded, **search}}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="a smoke run: fewer orders, listings, searches")
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--orders", type=int, default=None)
    parser.add_argument("--listings", type=int, default=None)
    parser.add_argument("--searches", type=int, default=None)
    parser.add_argument("--advisories", type=int, default=50_000)
    parser.add_argument("--serve", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--data-dir", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--dsn", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        # On the loop `jipan serve` runs on (JIPAN_EVENT_LOOP, default uvloop).
        event_loop.run(
            serve(args.serve, args.data_dir, args.dsn),
            load_settings().event_loop,
        )
        return
    args.orders = args.orders or (3_000 if args.quick else 20_000)
    args.listings = args.listings or (20_000 if args.quick else 100_000)
    args.searches = args.searches or (300 if args.quick else 2_000)

    load_start = load_1m()
    sbom = run_sbom(quick=args.quick, advisories=args.advisories, seed=1)
    print(f"sbom: {json.dumps({k: v for k, v in sbom.items() if not isinstance(v, dict)})}", flush=True)

    workdir = Path(tempfile.mkdtemp(prefix="jipan-bench-procurement-", dir="/tmp"))
    engine: EmbeddedPostgres | None = None
    server_dsn = os.environ.get("JIPAN_DATABASE_URL") or os.environ.get("JIPAN_TEST_DATABASE_URL")
    try:
        if not server_dsn:
            engine = EmbeddedPostgres(workdir / "pgdata")
            server_dsn = engine.start()
        database, dsn = asyncio.run(create_database(server_dsn, "jipan_bench"))
        try:
            server, address = _start_server(workdir, dsn)
            try:
                measured = asyncio.run(_against_server(address, workdir, dsn, args, server.pid))
            finally:
                server.terminate()
                server.wait(timeout=60)
        finally:
            asyncio.run(drop_database(server_dsn, database))
    finally:
        if engine is not None:
            engine.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    orders, search = measured["orders"], measured["search"]
    print(f"orders: {json.dumps(orders)}", flush=True)
    print(f"search: {json.dumps(search)}", flush=True)
    summary = {
        "sbom_10k_s": sbom["sbom_10k_s"],
        "orders_per_s": orders["orders_per_s"],
        "orders_lost": orders["orders_lost"],
        "search_p95_ms": search["search_p95_ms"],
        "sbom_1k_s": sbom["sbom_1k_s"],
        "advisories": sbom["advisories"],
        "orders_doubled": orders["orders_doubled"],
        "sbom_10k_parse_s": sbom["sbom_10k"]["parse_s"],
        "sbom_10k_review_s": sbom["sbom_10k"]["review_s"],
        "sbom_10k_cpu_s": sbom["sbom_10k"]["cpu_s"],
        "sql_roundtrip_us_p50": orders["sql_roundtrip_us_p50"],
        "server_cpu_ms_per_order": orders["server_cpu_ms_per_order"],
        "client_cpu_ms_per_order": orders["client_cpu_ms_per_order"],
        "postgres_cpu_ms_per_order": orders["postgres_cpu_ms_per_order"],
        "cpu_bound_orders_per_s": orders["cpu_bound_orders_per_s"],
        "orders": orders["orders"],
        "clients": orders["clients"],
        "listings": search["listings"],
        "searches": search["searches"],
        "machine": f"{platform.machine()} {os.cpu_count()} CPUs, Python {platform.python_version()}",
        "cpu": cpu_model(),
        "load_1m_start": load_start,
        "load_1m_end": load_1m(),
    }
    print(json.dumps(summary), flush=True)


if __name__ == "__main__":
    main()
