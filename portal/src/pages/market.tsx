// 源市集 marketplace: search projects, a project page with licence, advisory
// and health badges, service providers, and questions and answers.
import { useState } from "preact/hooks";
import { ProjectService } from "@gen/jipan/market/v1/project_service_pb";
import { ProviderService } from "@gen/jipan/market/v1/provider_service_pb";
import { QuestionService } from "@gen/jipan/market/v1/question_service_pb";
import { Badge, HealthCheckKind, RiskLevel, type Project } from "@gen/jipan/market/v1/resources_pb";
import { client } from "../api";
import { formatDate, formatNumber, lang, t } from "../i18n";
import { Empty, NeedSignIn, Section, Status, toDate, useAction, useLoad, useSession } from "../ui";

const projects = client(ProjectService);
const questions = client(QuestionService);

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
const pick = (pair: readonly string[] | undefined) => pair?.[lang.get() === "en" ? 1 : 0] ?? "—";
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
    <section class="card" id="project" aria-labelledby="project-heading">
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
      <h3>{t("questions")}</h3>
      <Empty when={!!value && value.qs.length === 0} />
      <ul>{value?.qs.map((q) => <li key={q.name}><strong>{q.title}</strong> <span class="muted">{formatDate(toDate(q.createTime))}</span><br />{q.body}</li>)}</ul>
      {who && (
        <form class="stack" id="question-form" onSubmit={(e) => {
          e.preventDefault();
          void action.run(async () => {
            const asked = await questions.createQuestion({ parent: name, question: { title, body }, requestId: crypto.randomUUID() });
            reload();
            return { kind: "ok", text: `${t("ask")}: ${asked.question?.title ?? ""}` };
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

function Providers() {
  const providers = client(ProviderService);
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
            return { kind: "ok", text: `${t("results")}: ${formatNumber(answer.projects.length)}` };
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
      <Providers />
    </>
  );
}
