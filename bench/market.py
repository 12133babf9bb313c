"""Market figures (issue 14), JSON on the last line.

    python bench/market.py            # 100,000 projects, 10,000 providers (~2-3 min here)
    python bench/market.py --quick    # smoke run

* search_p95_ms (target ≤ 20 over 100,000 projects): SearchProjects through
  gRPC, half Chinese and half English queries of one or two words, p50 and p95.
* match_p95_ms (target ≤ 50 over 10,000 providers): MatchNeed through gRPC,
  needs in both languages, some with constraints.
* webhook_delivered_ratio (target 1.0): subscriptions of 30 organisations with
  webhooks to a local receiver that answers 503 to 30 % of first attempts
  (chosen at random per delivery); a re-import adds 10 versions, so 300
  signed deliveries are queued; the figure is the share DELIVERED (2xx, with
  a signature that verifies) once none is pending, with the retries counted
  and the p95 time from queueing to the delivering attempt.

The catalog is loaded directly into market's tables (COPY of generated
projects and offers, their search tokens made by the service's own
`servers/runtime/search.py`), since importing 100,000 registry documents is
not what is measured. The server (system, ledger, procurement, market) runs
in this process on a database of its own.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import asyncpg
import grpc

from bench.host import cpu_model, create_database, drop_database, load_1m
from jipan.common.v1 import money_pb2
from jipan.market.v1 import match_service_pb2 as mpb
from jipan.market.v1 import match_service_pb2_grpc as mpb_grpc
from jipan.market.v1 import project_service_pb2 as ppb
from jipan.market.v1 import project_service_pb2_grpc as ppb_grpc
from jipan.market.v1 import resources_pb2 as mres
from jipan.market.v1 import subscription_service_pb2 as spb
from jipan.market.v1 import subscription_service_pb2_grpc as spb_grpc
from jipan.servers import ledger, market, procurement, system
from jipan.servers.runtime import search
from tests.market.webhook_receiver import WebhookReceiver
from tests.mesh import RunningServer, make_settings, running_server

SERVER_DSN = os.environ.get("JIPAN_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
SCOPES = ["market.read", "market.write", "procurement.read"]
ZH = [
    "資料庫",
    "備份",
    "雲端",
    "監控",
    "日誌",
    "搜尋",
    "身分",
    "認證",
    "加密",
    "影像",
    "辨識",
    "地圖",
    "報表",
    "排程",
    "訊息",
    "佇列",
    "網頁",
    "框架",
    "模板",
    "引擎",
    "容器",
    "叢集",
    "儲存",
    "分析",
    "機器",
    "學習",
    "語音",
    "翻譯",
    "表單",
    "流程",
    "簽章",
    "憑證",
    "防火牆",
    "負載",
    "平衡",
    "快取",
]
EN = [
    "database",
    "backup",
    "cloud",
    "monitoring",
    "logging",
    "search",
    "identity",
    "authentication",
    "encryption",
    "image",
    "recognition",
    "maps",
    "reporting",
    "scheduler",
    "messaging",
    "queue",
    "web",
    "framework",
    "template",
    "engine",
    "container",
    "cluster",
    "storage",
    "analytics",
    "machine",
    "learning",
    "speech",
    "translation",
    "forms",
    "workflow",
    "signature",
    "certificate",
    "firewall",
    "load",
    "balancer",
    "cache",
]


def say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def load(dsn: str, projects: int, providers: int, rng: random.Random) -> None:
    conn = await asyncpg.connect(dsn)
    try:
        rows = []
        for i in range(projects):
            zh = "".join(rng.sample(ZH, 3))
            en = " ".join(rng.sample(EN, 4))
            name = f"pkg{i}-{rng.choice(EN)}"
            tokens = search.tokens(name, f"pypi-{name}", zh, en)
            rows.append(
                (
                    f"pypi-{name}",
                    "PYPI",
                    f"pkg:pypi/{name}",
                    name,
                    zh,
                    en,
                    tokens,
                    round(rng.uniform(0, 10), 2),
                    "bench",
                )
            )
        await conn.copy_records_to_table(
            "projects",
            schema_name="market",
            columns=[
                "id",
                "ecosystem",
                "purl",
                "package_name",
                "description_zh",
                "description_en",
                "search_tokens",
                "health_score",
                "creator",
            ],
            records=rows,
        )
        say(f"{projects} projects loaded")
        certs = ["ISO/IEC 27001", "CNS 27001", "ISO 9001"]
        regions = ["TW", "TW-TPE", "TW-KHH", "TW-TXG"]
        await conn.copy_records_to_table(
            "providers",
            schema_name="market",
            columns=["organization", "display_name", "regions", "certifications"],
            records=[
                (
                    f"orgs/vendor-{v}",
                    f"Vendor {v}",
                    [rng.choice(regions)],
                    rng.sample(certs, rng.randint(0, 2)),
                )
                for v in range(providers)
            ],
        )
        offers = []
        kinds = ["SUPPORT", "INTEGRATION", "HOSTING", "TRAINING"]
        for v in range(providers):
            for _ in range(2):
                zh = "".join(rng.sample(ZH, 2)) + "維運"
                en = " ".join(rng.sample(EN, 2)) + " support"
                price = rng.randint(10_000, 2_000_000) * 100
                kind = rng.choice(kinds)
                offers.append(
                    (
                        f"orgs/vendor-{v}",
                        uuid.uuid4(),
                        rows[rng.randrange(projects)][0],
                        kind,
                        zh,
                        en,
                        rng.random() < 0.4,
                        "TWD",
                        price,
                        price * 3,
                        search.tokens(zh, en, kind.lower()),
                    )
                )
        await conn.copy_records_to_table(
            "offers",
            schema_name="market",
            columns=[
                "provider",
                "id",
                "project_id",
                "kind",
                "description_zh",
                "description_en",
                "on_premises",
                "currency",
                "price_min_minor",
                "price_max_minor",
                "search_tokens",
            ],
            records=offers,
        )
        await conn.execute("ANALYZE market.projects; ANALYZE market.offers; ANALYZE market.providers")
        say(f"{providers} providers, {len(offers)} offers loaded")
        # A catalog in service has planner statistics (autovacuum's ANALYZE); one loaded a second
        # ago by COPY has none yet, and the planner then guesses how common a token is.
        await conn.execute("ANALYZE market.projects, market.offers, market.providers")
    finally:
        await conn.close()


async def timed(calls: list[Any]) -> list[float]:
    out = []
    for call in calls:
        start = time.perf_counter()
        await call()
        out.append((time.perf_counter() - start) * 1000)
    return out


JINJA2 = Path(__file__).resolve().parents[1] / "tests" / "market" / "fixtures" / "pypi-jinja2.json"
WEBHOOK_SETTINGS = {
    "JIPAN_MARKET_WEBHOOK_ALLOW_PRIVATE": "true",  # the receiver is on 127.0.0.1
    "JIPAN_MARKET_WEBHOOK_BACKOFF_S": "0.1",
    "JIPAN_MARKET_WEBHOOK_BACKOFF_MAX_S": "2",
}


async def webhooks(
    server: RunningServer,
    channel: grpc.aio.Channel,
    organisations: int,
    new_versions: int,
    rng: random.Random,
) -> dict[str, Any]:
    """Deliveries to a receiver failing 30 % of first attempts: the share delivered, retries, p95."""
    document = json.loads(JINJA2.read_bytes())
    releases = list(document["releases"])
    older = dict(document)
    older["releases"] = {k: document["releases"][k] for k in releases[: len(releases) - new_versions]}
    older["info"] = {**document["info"], "version": releases[len(releases) - new_versions - 1]}
    failing = {}

    def status_for(delivery: str, attempt: int) -> int:
        if delivery not in failing:
            failing[delivery] = rng.random() < 0.30
        return 503 if attempt == 1 and failing[delivery] else 200

    receiver = WebhookReceiver(status_for=status_for)
    hook = await receiver.start()
    try:
        projects = ppb_grpc.ProjectServiceStub(channel)
        subs = spb_grpc.SubscriptionServiceStub(channel)
        importer = server.metadata(scopes=SCOPES, org="orgs/bench-importer")
        await projects.ImportProject(
            ppb.ImportProjectRequest(
                format=mres.METADATA_FORMAT_PYPI_JSON, metadata=json.dumps(older).encode()
            ),
            metadata=importer,
        )
        names = []
        for i in range(organisations):
            org = f"bench-subscriber-{i}"
            created = await subs.CreateSubscription(
                spb.CreateSubscriptionRequest(
                    parent=f"orgs/{org}",
                    subscription=mres.Subscription(
                        target="projects/pypi-jinja2", events=[mres.EVENT_KIND_NEW_VERSION], webhook_uri=hook
                    ),
                ),
                metadata=server.metadata(scopes=SCOPES, org=f"orgs/{org}"),
            )
            receiver.secrets[created.subscription.name] = created.subscription.webhook_secret
            names.append((org, created.subscription.name))
        start = time.perf_counter()
        await projects.ImportProject(
            ppb.ImportProjectRequest(format=mres.METADATA_FORMAT_PYPI_JSON, metadata=JINJA2.read_bytes()),
            metadata=importer,
        )
        expected = organisations * new_versions
        deliveries: list[mres.WebhookDelivery] = []
        deadline = time.perf_counter() + 300
        while time.perf_counter() < deadline:
            deliveries = []
            for org, name in names:
                listed = await subs.ListWebhookDeliveries(
                    spb.ListWebhookDeliveriesRequest(parent=name, page_size=500),
                    metadata=server.metadata(scopes=SCOPES, org=f"orgs/{org}"),
                )
                deliveries += listed.deliveries
            if len(deliveries) == expected and all(
                d.state != mres.DELIVERY_STATE_PENDING for d in deliveries
            ):
                break
            await asyncio.sleep(0.5)
        elapsed = time.perf_counter() - start
    finally:
        await receiver.stop()
    delivered = [d for d in deliveries if d.state == mres.DELIVERY_STATE_DELIVERED]
    verified = {r.delivery for r in receiver.received if r.signature_ok}
    latency = [
        (d.attempt_log[-1].attempt_time.ToDatetime() - d.create_time.ToDatetime()).total_seconds()
        for d in delivered
    ]
    say(f"webhooks: {len(delivered)}/{expected} delivered in {elapsed:.1f} s")
    return {
        "webhook_deliveries": expected,
        "webhook_delivered_ratio": round(len([d for d in delivered if d.name in verified]) / expected, 4)
        if expected
        else None,
        "webhook_first_attempt_failures": sum(1 for failed in failing.values() if failed),
        "webhook_attempts": sum(d.attempts for d in deliveries),
        "webhook_delivery_p95_s": round(p(latency, 0.95), 3) if latency else None,
        "webhook_all_settled_s": round(elapsed, 2),
    }


async def run(args: argparse.Namespace) -> dict[str, Any]:
    rng = random.Random(14)
    database, dsn = await create_database(SERVER_DSN, "jipan_bench_market")
    try:
        with tempfile.TemporaryDirectory(prefix="jipan-bench-market-") as workdir:
            settings = make_settings(dsn, Path(workdir), JIPAN_LOG_LEVEL="warning", **WEBHOOK_SETTINGS)
            modules = [system.SERVICE, ledger.SERVICE, procurement.SERVICE, market.SERVICE]
            async with running_server(settings, modules) as server:
                if args.only_webhooks:
                    async with grpc.aio.insecure_channel(server.address) as channel:
                        hooks = await webhooks(server, channel, args.webhook_organisations, 10, rng)
                    return {"bench": "market", **hooks, "cpu": cpu_model(), "load_1m": load_1m()}
                await load(dsn, args.projects, args.providers, rng)
                metadata = server.metadata(scopes=SCOPES, org="orgs/bench-agency")
                async with grpc.aio.insecure_channel(server.address) as channel:
                    projects = ppb_grpc.ProjectServiceStub(channel)
                    matcher = mpb_grpc.MatchServiceStub(channel)
                    queries = [
                        "".join(rng.sample(ZH, rng.randint(1, 2)))
                        if i % 2
                        else " ".join(rng.sample(EN, rng.randint(1, 2)))
                        for i in range(args.queries)
                    ]

                    def search_call(q: str) -> Any:
                        return lambda: projects.SearchProjects(
                            ppb.SearchProjectsRequest(query=q), metadata=metadata
                        )

                    await timed([search_call(q) for q in queries[:20]])  # warm the plan cache and connections
                    search_ms = await timed([search_call(q) for q in queries])
                    say(f"search p95 {p(search_ms, 0.95):.1f} ms")

                    def need(i: int) -> mres.Need:
                        text = (
                            rng.choice(ZH) + rng.choice(ZH) if i % 2 else f"{rng.choice(EN)} {rng.choice(EN)}"
                        )
                        constrained = i % 3 == 0
                        return mres.Need(
                            text=text,
                            on_premises=constrained,
                            certifications=["ISO/IEC 27001"] if constrained else [],
                            regions=["TW-TPE"] if i % 4 == 0 else [],
                            budget=money_pb2.Money(currency_code="TWD", amount_minor=100_000_000)
                            if i % 5 == 0
                            else None,
                        )

                    def match_call(n: mres.Need) -> Any:
                        return lambda: matcher.MatchNeed(mpb.MatchNeedRequest(need=n), metadata=metadata)

                    needs = [need(i) for i in range(args.queries)]
                    await timed([match_call(n) for n in needs[:20]])
                    match_ms = await timed([match_call(n) for n in needs])
                    say(f"match p95 {p(match_ms, 0.95):.1f} ms")
                    hooks = await webhooks(server, channel, args.webhook_organisations, 10, rng)
    finally:
        await drop_database(SERVER_DSN, database)
    return {
        "bench": "market",
        "projects": args.projects,
        "providers": args.providers,
        "queries": args.queries,
        "search_p50_ms": round(statistics.median(search_ms), 2),
        "search_p95_ms": round(p(search_ms, 0.95), 2),
        "match_p50_ms": round(statistics.median(match_ms), 2),
        "match_p95_ms": round(p(match_ms, 0.95), 2),
        **hooks,
        "cpu": cpu_model(),
        "load_1m": load_1m(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--projects", type=int, default=100_000)
    parser.add_argument("--providers", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--quick", action="store_true", help="1,000 projects, 100 providers, 40 queries")
    parser.add_argument("--webhook-organisations", type=int, default=30, help="subscribers (× 10 deliveries)")
    parser.add_argument("--only-webhooks", action="store_true", help="measure webhook delivery only")
    args = parser.parse_args()
    if args.quick:
        args.projects, args.providers, args.queries = 1_000, 100, 40
    figures = asyncio.run(run(args))
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    main()
