// 源市集 marketplace: search projects, a project page with licence, advisory
// and health badges, service providers, and questions and answers.
import { useEffect, useState } from "preact/hooks";
import { ProjectService } from "@gen/jipan/market/v1/project_service_pb";
import { ProviderService } from "@gen/jipan/market/v1/provider_service_pb";
import { QuestionService } from "@gen/jipan/market/v1/question_service_pb";
import { RatingService } from "@gen/jipan/market/v1/rating_service_pb";
import { TrialService } from "@gen/jipan/market/v1/trial_service_pb";
import { OrderService } from "@gen/jipan/procurement/v1/order_service_pb";
import { OrderState } from "@gen/jipan/procurement/v1/resources_pb";
import { Badge, HealthCheckKind, RiskLevel, TrialState, type Project, type Trial } from "@gen/jipan/market/v1/resources_pb";
import { client, session, tokenClaims } from "../api";
import { signal } from "../lib/signal";
import { formatDate, formatMoney, formatNumber, lang, pick, t } from "../i18n";
import { Empty, NeedSignIn, Pager, Section, Status, errorOutcome, say, toDate, useAction, useLoad, usePaged, useSession, useSignal, type Outcome } from "../ui";

/** Ratings and trials are listed a page at a time (previous/next over the servers' page tokens). */
export const RATINGS_PAGE = 5;
export const TRIALS_PAGE = 5;

const projects = client(ProjectService);
const questions = client(QuestionService);
const providerService = client(ProviderService);
const ratings = client(RatingService);
const trials = client(TrialService);
const orders = client(OrderService);

/** The signed-in token's organisation id ("dev" for orgs/dev), or "". */
function orgId(): string {
  const claims = tokenClaims(session.get()?.token ?? "");
  return typeof claims.org === "string" ? claims.org.replace(/^orgs\//, "") : "";
}

const BADGE: Record<number, [string, string, string]> = {
  [Badge.VERIFIED_PUBLISHER]: ["已驗證發布者", "Verified publisher", "ok"],
  [Badge.OFFICIAL]: ["官方", "Official", "info"],
  [Badge.SIGNED]: ["已簽章", "Signed", "ok"],
  [Badge.NO_KNOWN_ADVISORIES]: ["無已知漏洞", "No known advisories", "ok"],
  [Badge.LICENCE_APPROVED]: ["授權已核可", "Licence approved", "ok"],
  [Badge.HEALTHY]: ["健康", "Healthy", "ok"],
};
const RISK: Record<number, [string, string, string]> = {
  [RiskLevel.LOW]: ["低風險", "Low risk", "ok"],
  [RiskLevel.MEDIUM]: ["中風險", "Medium risk", "warn"],
  [RiskLevel.HIGH]: ["高風險", "High risk", "bad"],
  [RiskLevel.CRITICAL]: ["極高風險", "Critical risk", "bad"],
};
const text = (l: { zhTw: string; en: string } | undefined) => (lang.get() === "en" ? l?.en || l?.zhTw : l?.zhTw || l?.en) ?? "";

function Badges({ project }: { project: Project }) {
  return (
    <span>
      {project.licence && (
        <span class={`badge ${project.licence.approved ? "ok" : "warn"}`}>{t("licence")}: {project.licence.expression || project.licence.declared || "?"}</span>
      )}
      {project.badges.map((b) => <span key={b} class={`badge ${BADGE[b]?.[2] ?? "info"}`}>{pick(BADGE[b])}</span>)}
      {project.healthScore > 0 && <span class="badge info">{t("health")} {formatNumber(Math.round(project.healthScore * 10) / 10)}/10</span>}
    </span>
  );
}

function ProjectView({ name }: { name: string }) {
  const { value, outcome, reload } = useLoad(async () => {
    const project = (await projects.getProject({ name })).project;
    const health = await projects.getProjectHealth({ name }).then((r) => r.health, () => undefined);
    const qs = await questions.listQuestions({ parent: name, pageSize: 20 }).then((r) => r.questions, () => []);
    return { project, health, qs };
  }, [name]);
  const action = useAction();
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");
  const who = useSession();
  const p = value?.project;
  return (
    <section class="card" id="project" aria-labelledby="project-heading" data-loaded={p ? "true" : undefined}>
      <h2 id="project-heading">{p?.packageName ?? name}</h2>
      <Status outcome={outcome} />
      {p && (
        <>
          <p><Badges project={p} /></p>
          <p>{text(p.description)}</p>
          <p class="mono">{p.purl} · {p.latestVersion}</p>
          {p.repositoryUri && <p><a href={p.repositoryUri} rel="noreferrer">{p.repositoryUri}</a></p>}
        </>
      )}
      {value?.health && (
        <>
          <h3>{t("health")}</h3>
          <table>
            <thead><tr><th scope="col">{pick(["檢查", "Check"])}</th><th scope="col">{pick(["分數", "Score"])}</th><th scope="col">{pick(["風險", "Risk"])}</th><th scope="col">{pick(["原因", "Reason"])}</th></tr></thead>
            <tbody>{value.health.checks.map((c, i) => (
              <tr key={i}><td>{HealthCheckKind[c.kind]?.toLowerCase().replace(/_/g, " ")}</td><td>{formatNumber(c.score)}</td>
                <td><span class={`badge ${RISK[c.risk]?.[2] ?? "info"}`}>{pick(RISK[c.risk])}</span></td><td>{c.reason}</td></tr>
            ))}</tbody>
          </table>
        </>
      )}
      {p && <ProjectProviders project={name} />}
      {p && <ProjectTrials project={name} />}
      <h3>{t("questions")}</h3>
      <Empty when={!!value && value.qs.length === 0} />
      <ul>{value?.qs.map((q) => <li key={q.name}><strong>{q.title}</strong> <span class="muted">{formatDate(toDate(q.createTime))}</span><br />{q.body}</li>)}</ul>
      {who && (
        <form class="stack" id="question-form" onSubmit={(e) => {
          e.preventDefault();
          void action.run(async () => {
            const asked = await questions.createQuestion({ parent: name, question: { title, body }, requestId: crypto.randomUUID() });
            reload();
            return { kind: "ok", text: () => `${t("ask")}: ${asked.question?.title ?? ""}` };
          });
        }}>
          <label>{t("question")}<input id="question-title" required maxLength={300} value={title} onInput={(e) => setTitle(e.currentTarget.value)} /></label>
          <label>{t("description")}<textarea id="question-body" value={body} onInput={(e) => setBody(e.currentTarget.value)} /></label>
          <div><button type="submit">{t("ask")}</button></div>
          <Status id="question-outcome" outcome={action.outcome} />
        </form>
      )}
    </section>
  );
}

const TRIAL_STATE: Record<number, [string, string, string]> = {
  [TrialState.PROVISIONING]: ["準備中", "Provisioning", "info"],
  [TrialState.RUNNING]: ["執行中", "Running", "ok"],
  [TrialState.ENDING]: ["結束中", "Ending", "info"],
  [TrialState.ENDED]: ["已結束", "Ended", "info"],
  [TrialState.FAILED]: ["失敗", "Failed", "bad"],
};
const ORDER_STATE: Record<number, [string, string]> = {
  [OrderState.PLACED]: ["已下單", "Placed"],
  [OrderState.CONFIRMED]: ["廠商已確認", "Confirmed"],
  [OrderState.DELIVERED]: ["已交貨", "Delivered"],
  [OrderState.ACCEPTED]: ["已驗收", "Accepted"],
  [OrderState.DISPUTED]: ["爭議中", "Disputed"],
  [OrderState.PAID]: ["已付款", "Paid"],
};
const RATEABLE = new Set([OrderState.CONFIRMED, OrderState.DELIVERED, OrderState.ACCEPTED, OrderState.DISPUTED, OrderState.PAID]);
// The trial service counts TWD in hundredths (ISO 4217's two minor digits), unlike procurement's
// whole-dollar Money (see formatMoney); shown rounded to whole dollars.
const trialMoney = (m: { amountMinor: bigint; currencyCode: string }) =>
  m.currencyCode === "TWD" ? formatMoney(Math.ceil(Number(m.amountMinor) / 100), "TWD") : formatMoney(m.amountMinor, m.currencyCode);
// Plain-language explanations of the refusals a person can meet here; the server's message follows.
const REFUSAL: Record<string, [string, string]> = {
  PURCHASE_NOT_VERIFIED: ["無法評價：此訂單不是向這家供應商採購、或廠商尚未確認。", "Cannot rate: this order is not from this provider or the vendor has not confirmed it."],
  ORDER_ALREADY_RATED: ["此訂單已評價過，每筆訂單只能評價一次。", "This order has already been rated; each order rates once."],
  ORGANIZATION_MISMATCH: ["只能以您機關自己的訂單評價。", "Only your own agency's orders can be used."],
  PROVIDER_NOT_FOUND: ["找不到這家供應商。", "This provider was not found."],
  TRIAL_LIMIT_EXCEEDED: ["超過試用方案的時數或預算上限，請減少時數。", "Beyond the plan's hours or budget cap; ask for fewer hours."],
  TRIAL_PROVISIONING_REFUSED: ["雲端拒絕建立試用機器。", "The cloud refused to create the trial machine."],
  TRIAL_NOT_FOUND: ["找不到此試用。", "This trial was not found."],
  TRIALS_NOT_CONFIGURED: ["此試用方案的雲端尚未設定帳號，無法建立試用機器。", "The trial's cloud has no account set up, so no trial machine can be made."],
};

/** Runs `work`; a refusal is explained in the page's language before the server's own words. */
async function explained(work: () => Promise<Outcome>): Promise<Outcome> {
  try {
    return await work();
  } catch (error) {
    const shown = errorOutcome(error);
    const hint = shown?.reason ? REFUSAL[shown.reason] : undefined;
    if (!shown || !hint) throw error;
    return { ...shown, text: () => `${pick(hint)} ${say(shown.text)}` };
  }
}

/** Bumped when a trial is started or ended here, so the organisation's list reloads. */
const trialsChanged = signal(0);
const bumpTrials = () => trialsChanged.set(trialsChanged.get() + 1);
const starText = (n: number) => "★".repeat(n) + "☆".repeat(Math.max(0, 5 - n));

/** Providers offering services for the project, each with its ratings. */
function ProjectProviders({ project }: { project: string }) {
  const { value, outcome } = useLoad(async () => {
    const offers = (await providerService.listOffers({ parent: "providers/-", project, pageSize: 50 })).offers;
    const names = [...new Set(offers.map((o) => o.name.split("/offers/")[0] ?? ""))].filter(Boolean);
    const found = await Promise.all(names.map((n) => providerService.getProvider({ name: n }).then((r) => r.provider, () => undefined)));
    return found.filter((x) => x !== undefined);
  }, [project]);
  return (
    <section id="project-providers" aria-labelledby="project-providers-heading">
      <h3 id="project-providers-heading">{t("offers")}</h3>
      <Status outcome={outcome} />
      <Empty when={!!value && value.length === 0} />
      {value?.map((p) => (
        <article key={p.name} class="provider" data-provider={p.name} aria-labelledby={`${p.name.replace(/\W/g, "-")}-name`}>
          <h4 id={`${p.name.replace(/\W/g, "-")}-name`}>{p.displayName || p.name}</h4>
          <p>{text(p.description)} <span class="muted">{p.regions.join("、")}</span></p>
          <ProviderRatings provider={p.name} />
        </article>
      ))}
    </section>
  );
}

function ProviderRatings({ provider }: { provider: string }) {
  const paged = usePaged(async (pageToken) => {
    const r = await ratings.listRatings({ parent: provider, pageSize: RATINGS_PAGE, pageToken });
    return { items: r.ratings, next: r.nextPageToken, summary: r.summary };
  }, [provider]);
  const { value, outcome, reload } = paged;
  const summary = value?.summary;
  const base = provider.replace(/\W/g, "-");
  return (
    <div class="ratings">
      <h5 id={`${base}-ratings`}>{t("ratings")}</h5>
      <Status outcome={outcome} />
      {summary && summary.count > 0 && (
        <p class="rating-summary" data-count={summary.count} data-average={summary.bayesianAverage}>
          {t("ratingCount")}: {formatNumber(summary.count)} · {t("ratingAverage")}:{" "}
          <span aria-label={`${formatNumber(Math.round(summary.bayesianAverage * 100) / 100)} / 5`}>
            {formatNumber(Math.round(summary.bayesianAverage * 100) / 100)} / 5
          </span>
        </p>
      )}
      <Empty when={!!value && paged.items.length === 0} />
      <ul aria-labelledby={`${base}-ratings`}>
        {paged.items.map((r) => (
          <li key={r.name} data-rating={r.name} data-stars={r.stars}>
            <span aria-hidden="true" class="stars">{starText(r.stars)}</span>
            <span class="visually-hidden">{t("stars")}: {r.stars} / 5</span>{" "}
            <span class="review">{r.review}</span> <span class="muted">{r.agency.replace(/^(orgs|agencies)\//, "")} · {formatDate(toDate(r.createTime))}</span>
          </li>
        ))}
      </ul>
      <Pager paged={paged} label={t("ratings")} />
      <RateForm provider={provider} onRated={reload} />
    </div>
  );
}

/** An agency rates a provider from one of its orders; the server checks the purchase. */
function RateForm({ provider, onRated }: { provider: string; onRated: () => void }) {
  const org = orgId();
  const vendor = `vendors/${provider.replace(/^providers\//, "")}/`;
  const { value, outcome } = useLoad(
    () => (org ? orders.listOrders({ parent: `agencies/${org}`, pageSize: 100 }).then((r) => r.orders) : Promise.resolve([])),
    [org],
  );
  const [order, setOrder] = useState("");
  const [stars, setStars] = useState("5");
  const [review, setReview] = useState("");
  const action = useAction();
  const list = value ?? [];
  useEffect(() => {
    if (!order && list.length) setOrder((list.find((o) => o.listing.startsWith(vendor) && RATEABLE.has(o.state)) ?? list[0])!.name);
  }, [value]);
  const base = provider.replace(/\W/g, "-");
  if (!org) return null;
  return (
    <form class="stack rate-form" id={`${base}-rate`} aria-labelledby={`${base}-rate-heading`} onSubmit={(e) => {
      e.preventDefault();
      void action.run(() => explained(async () => {
        const made = await ratings.createRating({ parent: provider, rating: { order, stars: Number(stars), review }, requestId: crypto.randomUUID() });
        onRated();
        return { kind: "ok", text: () => `${t("rated")}: ${starText(made.rating?.stars ?? 0)}` };
      }));
    }}>
      <h5 id={`${base}-rate-heading`}>{t("rateProvider")}</h5>
      <p class="muted">{t("rateHelp")}</p>
      <Status outcome={outcome} />
      {value && list.length === 0 ? <p>{t("noOrders")}</p> : (
        <>
          <label>{t("rateOrder")}
            <select class="rate-order" required value={order} onChange={(e) => setOrder(e.currentTarget.value)}>
              {list.map((o) => (
                <option key={o.name} value={o.name}>{o.listing.split("/listings/")[0]} · {o.name.split("/").pop()} · {pick(ORDER_STATE[o.state])}</option>
              ))}
            </select>
          </label>
          <label>{t("stars")}
            <select class="rate-stars" value={stars} onChange={(e) => setStars(e.currentTarget.value)}>
              {[5, 4, 3, 2, 1].map((n) => <option key={n} value={String(n)}>{n} — {starText(n)}</option>)}
            </select>
          </label>
          <label>{t("reviewText")}<textarea class="rate-review" maxLength={5000} value={review} onInput={(e) => setReview(e.currentTarget.value)} /></label>
          <div><button type="submit" disabled={action.busy || !order}>{t("rateSubmit")}</button></div>
        </>
      )}
      <Status id={`${base}-rate-outcome`} outcome={action.outcome} />
    </form>
  );
}

function TrialStateBadge({ trial }: { trial: Trial }) {
  const entry = TRIAL_STATE[trial.state];
  return <span class={`badge ${entry?.[2] ?? "info"}`} data-trial-state={TrialState[trial.state]}>{pick(entry)}</span>;
}

const settled = (s: TrialState) => s === TrialState.ENDED || s === TrialState.FAILED;

/** One trial: its state (polled until it settles), endpoint, problem and an end button. */
function TrialCard({ initial, onChange }: { initial: Trial; onChange?: () => void }) {
  const [trial, setTrial] = useState(initial);
  const action = useAction();
  useEffect(() => {
    if (settled(trial.state)) return;
    const timer = setTimeout(() => {
      trials.getTrial({ name: trial.name }).then((r) => {
        if (!r.trial) return;
        // A change seen here is news for the organisation's list too: it reloads at once
        // instead of waiting for its own cards' polls.
        if (r.trial.state !== trial.state) bumpTrials();
        setTrial(r.trial);
      }, () => undefined);
    }, 1500);
    return () => clearTimeout(timer);
  }, [trial]);
  const live = trial.state === TrialState.PROVISIONING || trial.state === TrialState.RUNNING;
  return (
    <div class="trial" data-trial={trial.name} data-trial-state={TrialState[trial.state]}>
      <p>
        <span class="mono">{trial.name.split("/").pop()}</span> <TrialStateBadge trial={trial} />{" "}
        {t("hours")}: {formatNumber(trial.hours)}
        {trial.estimatedCost && <> · {trialMoney(trial.estimatedCost)}</>}
        {trial.expireTime && <> · {t("expires")}: {formatDate(toDate(trial.expireTime))}</>}
      </p>
      {trial.endpoint && <p>{t("endpoint")}: <span class="mono trial-endpoint">{trial.endpoint}</span></p>}
      {trial.problem && <p class="trial-problem">{t("problem")}: {trial.problem}</p>}
      {live && (
        <button type="button" class="danger trial-end" disabled={action.busy} onClick={() => void action.run(() => explained(async () => {
          const ended = await trials.endTrial({ name: trial.name });
          if (ended.trial) setTrial(ended.trial);
          onChange?.();
          bumpTrials();
          return { kind: "ok", text: () => `${t("trialEnded")}${pick(TRIAL_STATE[ended.trial?.state ?? 0])}` };
        }))}>{t("endTrial")}</button>
      )}
      <Status outcome={action.outcome} />
    </div>
  );
}

/** The project's trial templates, each with a start button; the trial started here is shown below. */
function ProjectTrials({ project }: { project: string }) {
  const { value, outcome } = useLoad(() => trials.listTrialTemplates({ parent: project, pageSize: 50 }).then((r) => r.trialTemplates), [project]);
  const [hours, setHours] = useState<Record<string, string>>({});
  const [started, setStarted] = useState<Trial[]>([]);
  const action = useAction();
  const who = useSession();
  return (
    <section id="project-trials" aria-labelledby="project-trials-heading">
      <h3 id="project-trials-heading">{t("trialTemplates")}</h3>
      <Status outcome={outcome} />
      <Empty when={!!value && value.length === 0} />
      {value && value.length > 0 && (
        <table>
          <thead><tr><th scope="col">{t("machine")}</th><th scope="col">{t("maxHours")}</th><th scope="col">{t("budgetCap")}</th><th scope="col">{t("hours")}</th><th scope="col">{t("actions")}</th></tr></thead>
          <tbody>{value.map((tpl) => {
            const id = `hours-${tpl.name.replace(/\W/g, "-")}`;
            return (
              <tr key={tpl.name} data-template={tpl.name}>
                <td><span class="mono">{tpl.offering.split("/").pop()}</span><br /><span class="muted">{tpl.image}</span></td>
                <td>{formatNumber(tpl.maxHours)}</td>
                <td>{tpl.budgetCap ? trialMoney(tpl.budgetCap) : "—"}</td>
                <td><label class="visually-hidden" for={id}>{t("hours")}</label>
                  <input id={id} class="trial-hours" type="number" min={1} max={tpl.maxHours} value={hours[tpl.name] ?? "1"}
                    onInput={(e) => { const v = e.currentTarget.value; setHours((h) => ({ ...h, [tpl.name]: v })); }} /></td>
                <td><button type="button" class="trial-start" disabled={!who || action.busy} onClick={() => void action.run(() => explained(async () => {
                  // A start the broker refuses still leaves a FAILED trial with its problem: the
                  // organisation's list reloads either way.
                  const answer = await trials.startTrial({ trial: { template: tpl.name, hours: Number(hours[tpl.name] ?? "1") }, requestId: crypto.randomUUID() })
                    .finally(bumpTrials);
                  if (answer.trial) setStarted((s) => [answer.trial!, ...s]);
                  return { kind: "ok", text: () => `${t("trialStarted")}${answer.trial?.name.split("/").pop() ?? ""}` };
                }))}>{t("startTrial")}</button></td>
              </tr>
            );
          })}</tbody>
        </table>
      )}
      <Status id="trial-start-outcome" outcome={action.outcome} />
      <div id="started-trials">{started.map((tr) => <TrialCard key={tr.name} initial={tr} />)}</div>
    </section>
  );
}

/** The caller's organisation's trials, newest first. */
function MyTrials() {
  const org = orgId();
  const changed = useSignal(trialsChanged);
  const paged = usePaged(
    async (pageToken) => {
      if (!org) return { items: [] as Trial[], next: "" };
      const r = await trials.listTrials({ parent: `orgs/${org}`, pageSize: TRIALS_PAGE, pageToken });
      return { items: r.trials, next: r.nextPageToken };
    },
    [org],
  );
  // A trial started, ended or changed elsewhere on the page: reload the page shown (not page 1).
  useEffect(() => { if (changed) paged.reload(); }, [changed]);
  return (
    <Section title="myTrials" id="my-trials">
      <div><button type="button" class="secondary" onClick={paged.reload}>{t("refresh")}</button></div>
      <Status outcome={paged.outcome} />
      <Empty when={!!paged.value && paged.items.length === 0} />
      {paged.items.map((tr) => <TrialCard key={`${tr.name}-${tr.state}`} initial={tr} />)}
      <Pager paged={paged} label={t("myTrials")} id="my-trials-pager" />
    </Section>
  );
}

function Providers() {
  const providers = providerService;
  const { value, outcome } = useLoad(() => providers.listProviders({ pageSize: 20 }), []);
  const list = value?.providers ?? [];
  return (
    <Section title="providers" id="providers">
      <Status outcome={outcome} />
      <Empty when={!!value && list.length === 0} />
      <ul>{list.map((p) => <li key={p.name}><strong>{p.displayName}</strong> — {text(p.description)} <span class="muted">{p.regions.join("、")} {p.certifications.join("、")}</span></li>)}</ul>
    </Section>
  );
}

export default function Market() {
  const [query, setQuery] = useState("");
  const [hits, setHits] = useState<Project[] | null>(null);
  const [open, setOpen] = useState("");
  const { run, busy, outcome } = useAction();
  const who = useSession();
  if (!who) return <><h1 tabIndex={-1}>{t("market")}</h1><NeedSignIn /></>;
  return (
    <>
      <h1 tabIndex={-1}>{t("market")}</h1>
      <Section title="marketSearch" id="market-search">
        <form class="inline" role="search" onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            const answer = await projects.searchProjects({ query, pageSize: 20 });
            setHits(answer.projects);
            return { kind: "ok", text: () => `${t("results")}: ${formatNumber(answer.projects.length)}` };
          });
        }}>
          <label>{t("keywords")}<input id="market-query" type="search" required value={query} onInput={(e) => setQuery(e.currentTarget.value)} /></label>
          <button type="submit" disabled={busy}>{t("search")}</button>
        </form>
        <Status outcome={outcome} />
        {hits && hits.length === 0 && <Empty when />}
        <ul>{hits?.map((p) => (
          <li key={p.name}><a href="#/market" onClick={(e) => { e.preventDefault(); setOpen(p.name); }}>{p.packageName}</a> <Badges project={p} /><br /><span class="muted">{text(p.description)}</span></li>
        ))}</ul>
      </Section>
      {open && <ProjectView key={open} name={open} />}
      <MyTrials />
      <Providers />
    </>
  );
}
