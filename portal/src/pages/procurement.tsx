// 共契 procurement: catalogue search (Chinese), a listing with its review
// findings and ledger receipt, vendor listing submission with an SBOM, orders,
// tenders with bids sealed here in the browser (WebCrypto, src/lib/sealing.ts),
// and sales charts (k-anonymised "market" view unless the caller may see more).
import { create, toBinary } from "@bufbuild/protobuf";
import { useState } from "preact/hooks";
import { AnalyticsService, SalesDimension } from "@gen/jipan/procurement/v1/analytics_service_pb";
import { CatalogService } from "@gen/jipan/procurement/v1/catalog_service_pb";
import { OrderService } from "@gen/jipan/procurement/v1/order_service_pb";
import { Category, Decision, Distribution, ListingState, OrderState, type Listing, type Review } from "@gen/jipan/procurement/v1/resources_pb";
import { ListingReviewService, SbomFormat } from "@gen/jipan/procurement/v1/review_service_pb";
import { BidContentSchema, type Tender } from "@gen/jipan/procurement/v1/tender_pb";
import { TenderService } from "@gen/jipan/procurement/v1/tender_service_pb";
import { client, session, tokenClaims } from "../api";
import { signal } from "../lib/signal";
import { formatDate, formatMoney, formatNumber, pick, t } from "../i18n";
import { sealBid } from "../lib/sealing";
import { BarChart, Empty, NeedSignIn, Section, Status, hex, toDate, useAction, useLoad, useSession, useSignal, type Outcome } from "../ui";

const catalog = client(CatalogService);
const orderService = client(OrderService);
/** Bumped when an order is placed or moves, so the orders panel reloads. */
const ordersChanged = signal(0);
const reviews = client(ListingReviewService);

const CATEGORY: Record<number, [string, string]> = {
  [Category.PACKAGED_SOFTWARE]: ["套裝軟體", "Packaged software"],
  [Category.CLOUD_SERVICES]: ["雲端服務", "Cloud services"],
  [Category.INFORMATION_SECURITY_SERVICES]: ["資安服務", "Security services"],
};
const LISTING_STATE: Record<number, [string, string, string]> = {
  [ListingState.DRAFT]: ["草稿", "Draft", "info"],
  [ListingState.CHANGES_REQUESTED]: ["需修正", "Changes requested", "bad"],
  [ListingState.APPROVED]: ["已核准", "Approved", "ok"],
  [ListingState.FLAGGED]: ["已標記風險", "Flagged", "warn"],
};
const ORDER_STATE: Record<number, [string, string]> = {
  [OrderState.PLACED]: ["已下單", "Placed"],
  [OrderState.CONFIRMED]: ["廠商已確認", "Confirmed"],
  [OrderState.DELIVERED]: ["已交貨", "Delivered"],
  [OrderState.ACCEPTED]: ["已驗收", "Accepted"],
  [OrderState.DISPUTED]: ["爭議中", "Disputed"],
  [OrderState.PAID]: ["已付款", "Paid"],
};

function orgId(): string {
  const claims = tokenClaims(session.get()?.token ?? "");
  return typeof claims.org === "string" ? claims.org.replace(/^orgs\//, "") : "";
}

function StateBadge({ state }: { state: ListingState }) {
  const entry = LISTING_STATE[state];
  return <span class={`badge ${entry?.[2] ?? "info"}`}>{pick(entry)}</span>;
}

function Search({ onOpen }: { onOpen: (name: string) => void }) {
  const [query, setQuery] = useState("");
  const [category, setCategory] = useState(0);
  const [hits, setHits] = useState<Listing[] | null>(null);
  const [next, setNext] = useState("");
  const { run, busy, outcome } = useAction();
  const search = (pageToken: string) => run(async () => {
    const answer = await catalog.searchListings({ query, category, pageSize: 20, pageToken });
    setHits((old) => (pageToken && old ? [...old, ...answer.listings] : answer.listings));
    setNext(answer.nextPageToken);
    return { kind: "ok", text: () => `${t("results")}: ${formatNumber(answer.listings.length + (pageToken ? hits?.length ?? 0 : 0))}` };
  });
  return (
    <Section title="catalogSearch" id="search">
      <form class="inline" role="search" onSubmit={(e) => { e.preventDefault(); void search(""); }}>
        <label>{t("keywords")}<input id="search-query" type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} /></label>
        <label>{pick(["商品類別", "Category"])}
          <select id="search-category" value={category} onChange={(e) => setCategory(Number(e.currentTarget.value))}>
            <option value={0}>—</option>
            {Object.entries(CATEGORY).map(([value, names]) => <option key={value} value={value}>{pick(names)}</option>)}
          </select>
        </label>
        <button type="submit" disabled={busy}>{t("search")}</button>
      </form>
      <Status id="search-outcome" outcome={outcome} />
      {hits && hits.length === 0 && <Empty when />}
      {hits && hits.length > 0 && (
        <table id="search-results">
          <thead><tr><th scope="col">{t("product")}</th><th scope="col">{t("vendor")}</th><th scope="col">{t("price")}</th><th scope="col">{t("state")}</th></tr></thead>
          <tbody>{hits.map((l) => (
            <tr key={l.name}>
              <td><a href={`#/procurement?listing=${encodeURIComponent(l.name)}`} onClick={(e) => { e.preventDefault(); onOpen(l.name); }}>{l.productName}</a> <span class="muted">{l.productVersion}</span></td>
              <td class="mono">{l.name.split("/listings/")[0]}</td>
              <td>{l.priceTiers[0]?.unitPrice ? formatMoney(l.priceTiers[0].unitPrice.amountMinor, l.priceTiers[0].unitPrice.currencyCode) : "—"}</td>
              <td><StateBadge state={l.state} /></td>
            </tr>
          ))}</tbody>
        </table>
      )}
      {next && <button type="button" class="secondary" onClick={() => void search(next)}>{t("more")}</button>}
    </Section>
  );
}

function ReviewView({ review }: { review: Review }) {
  return (
    <div id="review">
      <p><strong>{t("decision")}:</strong>{" "}
        <span class={`badge ${review.decision === Decision.APPROVED ? "ok" : "bad"}`}>
          {review.decision === Decision.APPROVED ? pick(["核准", "Approved"]) : pick(["需修正", "Changes requested"])}
        </span>
        {review.componentCount > 0 && <> · SBOM CycloneDX {review.sbomSpecVersion} · {formatNumber(review.componentCount)} {pick(["個元件", "components"])}</>}
      </p>
      <p><strong>{t("receipt")}:</strong> <span class="mono" id="review-receipt">{review.ledgerReceipt || "—"}</span></p>
      {review.decisionDigest.length > 0 && <p class="muted">{t("digest")}: <span class="mono">{hex(review.decisionDigest)}</span></p>}
      <h3>{t("findings")} ({formatNumber(review.findings.length)})</h3>
      {review.findings.length === 0 ? <p>{pick(["沒有發現問題。", "No findings."])}</p> : (
        <table id="findings">
          <thead><tr><th scope="col">{t("severity")}</th><th scope="col">{pick(["項目", "Item"])}</th><th scope="col">{t("description")}</th></tr></thead>
          <tbody>{review.findings.map((f) => (
            <tr key={f.id}>
              <td><span class={`badge ${f.blocking ? "bad" : "warn"}`}>{f.severity || (f.blocking ? pick(["阻擋", "Blocking"]) : pick(["提醒", "Notice"]))}</span></td>
              <td class="mono">{f.advisoryId || f.id}{f.componentPurl ? <><br />{f.componentPurl}</> : null}</td>
              <td>{f.message}{f.fixedVersion ? ` (${pick(["修正版本", "fixed in"])} ${f.fixedVersion})` : ""}</td>
            </tr>
          ))}</tbody>
        </table>
      )}
    </div>
  );
}

function ListingView({ name }: { name: string }) {
  const { value, outcome } = useLoad(async () => {
    const listing = (await catalog.getListing({ name })).listing;
    const review = listing?.latestReview ? (await reviews.getReview({ name: listing.latestReview })).review : undefined;
    return { listing, review };
  }, [name]);
  const l = value?.listing;
  return (
    <section class="card" id="listing" aria-labelledby="listing-heading">
      <h2 id="listing-heading">{l ? `${l.productName} ${l.productVersion}` : t("listing")}</h2>
      <Status outcome={outcome} />
      {l && (
        <>
          <p><StateBadge state={l.state} /> <span class="mono">{l.name}</span></p>
          <p>{l.description}</p>
          <table>
            <thead><tr><th scope="col">{pick(["數量", "Quantity"])}</th><th scope="col">{t("price")}</th></tr></thead>
            <tbody>{l.priceTiers.map((p, i) => (
              <tr key={i}><td>{formatNumber(p.minQuantity)}–{p.maxQuantity ? formatNumber(p.maxQuantity) : "∞"}</td>
                <td>{p.unitPrice ? formatMoney(p.unitPrice.amountMinor, p.unitPrice.currencyCode) : "—"}</td></tr>
            ))}</tbody>
          </table>
          <p class="muted">{l.support}</p>
        </>
      )}
      {value?.review && <ReviewView review={value.review} />}
      {l?.state === ListingState.APPROVED && <OrderForm listing={l.name} />}
    </section>
  );
}

function OrderForm({ listing }: { listing: string }) {
  const { run, busy, outcome } = useAction();
  const [quantity, setQuantity] = useState("1");
  const [budget, setBudget] = useState("");
  return (
    <form class="inline" id="order-form" onSubmit={(e) => {
      e.preventDefault();
      void run(async () => {
        const placed = await orderService.createOrder({
          parent: `agencies/${orgId()}`,
          order: { listing, quantity: BigInt(quantity), budgetCode: budget },
          requestId: crypto.randomUUID(),
        });
        ordersChanged.set(ordersChanged.get() + 1);
        const total = placed.order?.total;
        return { kind: "ok", text: () => `${pick(["已下單", "Ordered"])}: ${placed.order?.name ?? ""} ${total ? formatMoney(total.amountMinor, total.currencyCode) : ""}` };
      });
    }}>
      <label>{pick(["數量", "Quantity"])}<input id="order-quantity" type="number" min={1} required value={quantity} onInput={(e) => setQuantity(e.currentTarget.value)} /></label>
      <label>{pick(["預算科目", "Budget code"])}<input id="order-budget" required maxLength={100} value={budget} onInput={(e) => setBudget(e.currentTarget.value)} /></label>
      <button type="submit" disabled={busy}>{pick(["下單", "Place order"])}</button>
      <Status id="order-outcome" outcome={outcome} />
    </form>
  );
}

function Submit({ onDone }: { onDone: (name: string) => void }) {
  const { run, busy, outcome } = useAction();
  const [lot, setLot] = useState("");
  const [productName, setProductName] = useState("");
  const [version, setVersion] = useState("1.0.0");
  const [description, setDescription] = useState("");
  const [price, setPrice] = useState("10000");
  const [sbom, setSbom] = useState<File | null>(null);
  const [distribution, setDistribution] = useState(Distribution.PROPRIETARY);
  const [review, setReview] = useState<Review | null>(null);
  return (
    <Section title="submitListing" id="submit">
      <form class="stack" onSubmit={(e) => {
        e.preventDefault();
        void run(async (): Promise<Outcome> => {
          const vendor = orgId();
          const created = await catalog.createListing({
            parent: `vendors/${vendor}`,
            requestId: crypto.randomUUID(),
            listing: {
              lot: lot.trim(),
              productName,
              productVersion: version,
              description,
              priceTiers: [{ minQuantity: 1n, maxQuantity: 0n, unitPrice: { currencyCode: "TWD", amountMinor: BigInt(Math.round(Number(price))) } }],
              licenceTerms: { distribution },
              support: pick(["週一至週五 9-17 時，中文", "Weekdays 9-17, Chinese"]),
            },
          });
          const name = created.listing?.name ?? "";
          const answer = await reviews.submitListing({
            listing: name,
            sbom: sbom ? new Uint8Array(await sbom.arrayBuffer()) : new Uint8Array(0),
            sbomFormat: sbom ? SbomFormat.CYCLONEDX_JSON : SbomFormat.UNSPECIFIED,
          });
          setReview(answer.review ?? null);
          onDone(name);
          return { kind: "ok", text: () => `${pick(LISTING_STATE[answer.listing?.state ?? 0])}: ${name}` };
        });
      }}>
        <label>{t("lot")}<input id="submit-lot" required value={lot} pattern="lots/.+" onInput={(e) => setLot(e.currentTarget.value)} /></label>
        <label>{t("productName")}<input id="submit-product" required maxLength={200} value={productName} onInput={(e) => setProductName(e.currentTarget.value)} /></label>
        <label>{t("version")}<input id="submit-version" required value={version} onInput={(e) => setVersion(e.currentTarget.value)} /></label>
        <label>{t("description")}<textarea id="submit-description" value={description} onInput={(e) => setDescription(e.currentTarget.value)} /></label>
        <label>{t("unitPriceTwd")}<input id="submit-price" type="number" min={1} required value={price} onInput={(e) => setPrice(e.currentTarget.value)} /></label>
        <label>{pick(["授權方式", "Distribution"])}
          <select id="submit-distribution" value={distribution} onChange={(e) => setDistribution(Number(e.currentTarget.value))}>
            <option value={Distribution.PROPRIETARY}>{pick(["套裝授權", "Licensed software"])}</option>
            <option value={Distribution.SAAS}>{pick(["雲端服務（SaaS）", "Software as a service"])}</option>
          </select>
        </label>
        <label>{t("sbomFile")}<input id="submit-sbom" type="file" accept=".json,application/json" onChange={(e) => setSbom(e.currentTarget.files?.[0] ?? null)} /></label>
        <div><button type="submit" disabled={busy}>{t("submit")}</button></div>
      </form>
      <Status id="submit-outcome" outcome={outcome} />
      {review && <ReviewView review={review} />}
    </Section>
  );
}

type Step = "confirmOrder" | "deliverOrder" | "acceptOrder" | "disputeOrder" | "payOrder";
const BUYER_STEPS: Partial<Record<OrderState, [Step, string, string][]>> = {
  [OrderState.DELIVERED]: [["acceptOrder", "驗收", "Accept"], ["disputeOrder", "提出爭議", "Dispute"]],
  [OrderState.ACCEPTED]: [["payOrder", "付款", "Pay"]],
};
const VENDOR_STEPS: Partial<Record<OrderState, [Step, string, string][]>> = {
  [OrderState.PLACED]: [["confirmOrder", "確認訂單", "Confirm"]],
  [OrderState.CONFIRMED]: [["deliverOrder", "已交貨", "Mark delivered"]],
};

function OrderTable({ parent, steps, id }: { parent: string; steps: typeof BUYER_STEPS; id: string }) {
  const tick = useSignal(ordersChanged);
  const { value, outcome } = useLoad(() => orderService.listOrders({ parent, pageSize: 50 }), [parent, tick]);
  const action = useAction();
  const list = value?.orders ?? [];
  return (
    <div id={id}>
      <h3>{parent}</h3>
      <Status outcome={outcome} />
      <Empty when={!!value && list.length === 0} />
      {list.length > 0 && (
        <table>
          <thead><tr><th scope="col">{t("name")}</th><th scope="col">{pick(["數量", "Quantity"])}</th><th scope="col">{t("amount")}</th><th scope="col">{t("state")}</th><th scope="col">{t("actions")}</th></tr></thead>
          <tbody>{list.map((o) => (
            <tr key={o.name} data-order={o.name} data-order-state={OrderState[o.state]}>
              <td class="mono">{o.name}<br /><span class="muted">{formatDate(toDate(o.createTime))}</span></td>
              <td>{formatNumber(o.quantity)}</td>
              <td>{o.total ? formatMoney(o.total.amountMinor, o.total.currencyCode) : "—"}</td>
              <td>{pick(ORDER_STATE[o.state])}<br /><span class="muted">{o.history.map((h) => pick(ORDER_STATE[h.state])).join(" → ")}</span></td>
              <td>{(steps[o.state] ?? []).map(([method, zh, en]) => (
                <button key={method} type="button" class={`secondary order-${method}`} onClick={() => void action.run(async () => {
                  await orderService[method]({ name: o.name, note: "" });
                  ordersChanged.set(ordersChanged.get() + 1);
                })}>{pick([zh, en])}</button>
              ))}</td>
            </tr>
          ))}</tbody>
        </table>
      )}
      <Status outcome={action.outcome} />
    </div>
  );
}

function Orders() {
  const org = orgId();
  return (
    <Section title="orders" id="orders">
      <OrderTable id="orders-agency" parent={`agencies/${org}`} steps={BUYER_STEPS} />
      <OrderTable id="orders-vendor" parent={`vendors/${org}`} steps={VENDOR_STEPS} />
    </Section>
  );
}

function BidForm({ tender }: { tender: Tender }) {
  const tenders = client(TenderService);
  const { run, busy, outcome } = useAction();
  const [price, setPrice] = useState("");
  const [proposal, setProposal] = useState("");
  const [lots, setLots] = useState<string[]>(tender.lots.map((l) => l.id));
  const id = tender.name.replace(/[^a-z0-9]/gi, "-");
  return (
    <form class="stack" onSubmit={(e) => {
      e.preventDefault();
      void run(async () => {
        const content = create(BidContentSchema, {
          lotIds: lots,
          price: { currencyCode: "TWD", amountMinor: BigInt(Math.round(Number(price))) },
          proposal,
        });
        const bidId = crypto.randomUUID();
        // Sealed here: the server only ever receives ciphertext and shares sealed to the committee.
        const sealed = await sealBid(toBinary(BidContentSchema, content), {
          tender: tender.name,
          bidder: `vendors/${orgId()}`,
          bidId,
          members: tender.committee.map((m) => ({ memberId: m.member, publicKey: m.publicKey })),
          threshold: tender.threshold,
        });
        const answer = await tenders.submitBid({ parent: tender.name, bidId, sealedBid: sealed.bytes });
        return { kind: "ok", text: () => `${t("bidSubmitted")}${hex(sealed.commitment)} (${answer.bid?.name ?? ""})` };
      });
    }}>
      <fieldset>
        <legend>{pick(["投標組別", "Lots"])}</legend>
        {tender.lots.map((l) => (
          <label key={l.id} style={{ display: "flex", gap: ".5rem", fontWeight: 400 }}>
            <input type="checkbox" checked={lots.includes(l.id)} onChange={(e) => setLots(e.currentTarget.checked ? [...lots, l.id] : lots.filter((x) => x !== l.id))} />
            {l.title} {l.budget ? `(${formatMoney(l.budget.amountMinor, l.budget.currencyCode)})` : ""}
          </label>
        ))}
      </fieldset>
      <label>{t("unitPriceTwd")}<input id={`bid-price-${id}`} class="bid-price" type="number" min={1} required value={price} onInput={(e) => setPrice(e.currentTarget.value)} /></label>
      <label>{t("bidText")}<textarea id={`bid-proposal-${id}`} class="bid-proposal" value={proposal} onInput={(e) => setProposal(e.currentTarget.value)} /></label>
      <div><button type="submit" class="bid-submit" disabled={busy}>{t("sealAndSubmit")}</button></div>
      <Status outcome={outcome} />
    </form>
  );
}

function Tenders() {
  const tenders = client(TenderService);
  const { value, outcome } = useLoad(() => tenders.listTenders({ pageSize: 20 }), []);
  const list = value?.tenders ?? [];
  return (
    <Section title="tenders" id="tenders">
      <p>{t("sealBid")}</p>
      <Status outcome={outcome} />
      <Empty when={!!value && list.length === 0} />
      {list.map((tender) => (
        <article key={tender.name} class="card" data-tender={tender.name}>
          <h3>{tender.title}</h3>
          <p class="muted">{tender.name} · {pick(["截止", "Deadline"])} {formatDate(toDate(tender.bidDeadline))} · {pick(["開標", "Opening"])} {formatDate(toDate(tender.openingTime))} · {pick(["門檻", "Threshold"])} {tender.threshold}/{tender.committee.length}</p>
          <p>{tender.description}</p>
          <BidForm tender={tender} />
        </article>
      ))}
    </Section>
  );
}

function Analytics() {
  const analytics = client(AnalyticsService);
  const dims: [SalesDimension, "byCategory" | "byMonth" | "byAgency"][] = [
    [SalesDimension.CATEGORY, "byCategory"], [SalesDimension.MONTH, "byMonth"], [SalesDimension.AGENCY, "byAgency"],
  ];
  const tick = useSignal(ordersChanged);
  const { value, outcome } = useLoad(async () => {
    const org = orgId();
    const out: { key: string; cells: Awaited<ReturnType<typeof analytics.aggregateSales>>["cells"]; error?: string }[] = [];
    for (const [dimension, key] of dims) {
      // The market view cannot be grouped by agency (k-anonymity); an agency sees its own spending.
      const parent = dimension === SalesDimension.AGENCY ? `agencies/${org}` : "market";
      try {
        out.push({ key, cells: (await analytics.aggregateSales({ parent, dimension, pageSize: 24 })).cells });
      } catch (error) {
        out.push({ key, cells: [], error: String((error as Error).message) });
      }
    }
    return out;
  }, [tick]);
  return (
    <Section title="analytics" id="analytics">
      <p class="muted">{t("suppressed")}</p>
      <Status outcome={outcome} />
      {value?.map((group) => {
        const bars = group.cells.filter((c) => !c.suppressed && c.figures).map((c) => ({
          label: c.month || pick(CATEGORY[c.category], "") || c.agency || c.vendor,
          value: Number(c.figures!.total?.amountMinor ?? 0n),
          display: formatMoney(c.figures!.total?.amountMinor ?? 0n),
        }));
        const hidden = group.cells.filter((c) => c.suppressed).length;
        return (
          <div key={group.key} data-group={group.key} data-bars={bars.length} data-hidden={hidden}>
            <h3>{t(group.key as "byCategory")}</h3>
            {group.error ? <p class="muted">{group.error}</p> : bars.length ? <BarChart title={t(group.key as "byCategory")} bars={bars} /> : <Empty when />}
            {hidden > 0 && <p class="muted">{pick(["未顯示的組數：", "Groups not shown: "])}{formatNumber(hidden)}</p>}
          </div>
        );
      })}
    </Section>
  );
}

export default function Procurement() {
  const who = useSession();
  const [open, setOpen] = useState<string>(() => decodeURIComponent(location.hash.split("listing=")[1] ?? ""));
  return (
    <>
      <h1 tabIndex={-1}>{t("procurement")}</h1>
      {who ? (
        <>
          <Search onOpen={setOpen} />
          {open && <ListingView key={open} name={open} />}
          <Submit onDone={() => undefined} />
          <Tenders />
          <Orders />
          <Analytics />
        </>
      ) : <NeedSignIn />}
    </>
  );
}
