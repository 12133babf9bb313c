// Cloud costs (jipan.cloud.v1.BillingService): costs by month and by service,
// the forecast with its 80 % / 95 % interval band, budgets. Where the server
// does not implement billing yet, each panel says so (UNIMPLEMENTED).
import { BillingService, CostDimension } from "@gen/jipan/cloud/v1/billing_service_pb";
import { client, isUnimplemented, session, tokenClaims } from "../api";
import { formatMoney, lang, t } from "../i18n";
import { BarChart, Empty, NeedSignIn, Section, Status, errorOutcome, useLoad, useSession, type Outcome } from "../ui";

const billing = client(BillingService);

function org(): string {
  const claims = tokenClaims(session.get()?.token ?? "");
  return typeof claims.org === "string" ? claims.org : "";
}

function unavailable(error: unknown): Outcome {
  return isUnimplemented(error) ? { kind: "info", text: () => t("notAvailable"), reason: "UNIMPLEMENTED" } : errorOutcome(error);
}

function useBilling<T>(load: () => Promise<T>) {
  return useLoad(async () => {
    try {
      return { ok: await load(), problem: null as Outcome };
    } catch (error) {
      return { ok: null, problem: unavailable(error) };
    }
  }, []);
}

function Costs({ dimension, title }: { dimension: CostDimension; title: "costs" | "costsByService" }) {
  const { value, outcome } = useBilling(() => billing.queryCosts({ parent: org(), dimension }));
  const bars = (value?.ok?.groups ?? []).map((g) => ({ label: g.key, value: Number(g.effectiveCostTwd), display: formatMoney(Math.round(Number(g.effectiveCostTwd))) }));
  return (
    <Section title={title} id={`costs-${dimension}`}>
      <Status outcome={outcome ?? value?.problem ?? null} />
      {value?.ok && (bars.length ? <BarChart title={t(title)} bars={bars} /> : <Empty when />)}
    </Section>
  );
}

function Forecast() {
  const { value, outcome } = useBilling(() => billing.forecastCosts({ parent: org(), horizonDays: 30 }));
  const points = value?.ok?.points ?? [];
  const width = 560, height = 200;
  const max = Math.max(1, ...points.map((p) => p.upper95Twd));
  const x = (i: number) => (i * width) / Math.max(1, points.length - 1);
  const y = (v: number) => height - (v * (height - 10)) / max;
  const band = (lo: (i: number) => number, hi: (i: number) => number) =>
    points.map((_, i) => `${x(i)},${y(hi(i))}`).join(" ") + " " + points.map((_, i) => `${x(points.length - 1 - i)},${y(lo(points.length - 1 - i))}`).join(" ");
  return (
    <Section title="forecast" id="forecast">
      <Status outcome={outcome ?? value?.problem ?? null} />
      {value?.ok && (points.length ? (
        <>
          <p>{lang.get() === "en" ? "Month-end total" : "月底預估總額"}: {formatMoney(Math.round(value.ok.monthEndTotalTwd))} ({value.ok.model})</p>
          <svg class="chart" role="img" aria-label={t("forecast")} viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: `${width}px` }}>
            <polygon points={band((i) => points[i]!.lower95Twd, (i) => points[i]!.upper95Twd)} fill="#cfe0f1" />
            <polygon points={band((i) => points[i]!.lower80Twd, (i) => points[i]!.upper80Twd)} fill="#9ec1e3" />
            <polyline points={points.map((p, i) => `${x(i)},${y(p.meanTwd)}`).join(" ")} fill="none" stroke="#083a66" stroke-width="2" />
          </svg>
        </>
      ) : <Empty when />)}
    </Section>
  );
}

function Budgets() {
  const { value, outcome } = useBilling(() => billing.listBudgets({ parent: org(), pageSize: 50 }));
  const list = value?.ok?.budgets ?? [];
  return (
    <Section title="budgets" id="budgets">
      <Status outcome={outcome ?? value?.problem ?? null} />
      {value?.ok && (list.length ? (
        <table>
          <thead><tr><th scope="col">{t("name")}</th><th scope="col">{t("amount")}</th></tr></thead>
          <tbody>{list.map((b) => <tr key={b.name}><td>{b.displayName}</td><td>{formatMoney(Math.round(Number(b.monthlyAmountTwd)))}</td></tr>)}</tbody>
        </table>
      ) : <Empty when />)}
    </Section>
  );
}

export default function Cloud() {
  const who = useSession();
  return (
    <>
      <h1 tabIndex={-1}>{t("cloud")}</h1>
      {who ? (
        <>
          <Costs dimension={CostDimension.MONTH} title="costs" />
          <Costs dimension={CostDimension.SERVICE} title="costsByService" />
          <Forecast />
          <Budgets />
        </>
      ) : <NeedSignIn />}
    </>
  );
}
