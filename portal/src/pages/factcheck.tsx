// 事實查核 fact-checks: anyone searches the published fact-checks (no sign-in: the base is open
// data), reads one with its verdict, explanation and evidence, and takes it as ClaimReview
// JSON-LD; anyone checks what is known about a link's source (CheckSource).
import { useState } from "preact/hooks";
import { FactCheckService } from "@gen/jipan/factcheck/v1/factcheck_service_pb";
import { SourceService, type CheckSourceResponse } from "@gen/jipan/factcheck/v1/source_service_pb";
import { Credibility, Verdict, type FactCheck, type ReaderFeedback } from "@gen/jipan/factcheck/v1/resources_pb";
import { client } from "../api";
import { formatDate, formatNumber, pick, t } from "../i18n";
import { Empty, Pager, Section, Status, toDate, useAction, usePaged, type Outcome } from "../ui";

/** Fact-checks are searched a page at a time (previous/next over the server's page tokens). */
export const FACTCHECK_PAGE = 10;

const factChecks = client(FactCheckService);
const sources = client(SourceService);

// [zh-TW, English, badge class]
const VERDICT: Record<number, [string, string, string]> = {
  [Verdict.FALSE]: ["錯誤", "False", "bad"],
  [Verdict.MOSTLY_FALSE]: ["大致錯誤", "Mostly false", "bad"],
  [Verdict.MISLEADING]: ["誤導", "Misleading", "warn"],
  [Verdict.MIXED]: ["部分正確", "Mixed", "warn"],
  [Verdict.MOSTLY_TRUE]: ["大致正確", "Mostly true", "ok"],
  [Verdict.TRUE]: ["正確", "True", "ok"],
  [Verdict.OPINION]: ["個人意見", "Opinion", "info"],
  [Verdict.NOT_CHECKABLE]: ["無查核必要", "Not checkable", "info"],
};
const CREDIBILITY: Record<number, [string, string, string]> = {
  [Credibility.RELIABLE]: ["可信", "Reliable", "ok"],
  [Credibility.MOSTLY_RELIABLE]: ["大致可信", "Mostly reliable", "ok"],
  [Credibility.MIXED]: ["好壞參半", "Mixed record", "warn"],
  [Credibility.UNRELIABLE]: ["不可信", "Unreliable", "bad"],
  [Credibility.FABRICATED]: ["假訊息來源", "Fabricated content", "bad"],
  [Credibility.SATIRE]: ["諷刺或惡搞", "Satire", "info"],
};
const LANGUAGES: [string, string, string][] = [["", "全部語言", "All languages"], ["zh", "中文", "Chinese"], ["en", "英文", "English"]];

function VerdictBadge({ verdict }: { verdict: Verdict }) {
  const entry = VERDICT[verdict];
  return <span class={`badge ${entry?.[2] ?? "info"}`} data-verdict={Verdict[verdict]}>{pick(entry)}</span>;
}

/** Readers' votes where the fact-check came from (Cofacts' feedback counts, as last imported). */
function ReaderVotes({ votes }: { votes: ReaderFeedback }) {
  const helpful = formatNumber(votes.helpfulCount);
  const unhelpful = formatNumber(votes.unhelpfulCount);
  const where = votes.source === "cofacts" ? "Cofacts" : votes.source;
  return (
    <p class="muted reader-feedback" data-helpful={String(votes.helpfulCount)} data-unhelpful={String(votes.unhelpfulCount)}>
      {pick([`${where} 讀者：${helpful} 人認為有幫助，${unhelpful} 人認為沒有`, `${where} readers: ${helpful} found it helpful, ${unhelpful} did not`])}
    </p>
  );
}

function FactCheckItem({ fact }: { fact: FactCheck }) {
  const { run, busy, outcome } = useAction();
  const [jsonLd, setJsonLd] = useState("");
  const publisher = fact.publisherDisplayName || fact.publisher.replace(/^orgs\//, "");
  return (
    <li data-fact-check={fact.name} lang={fact.language}>
      <VerdictBadge verdict={fact.verdict} /> <strong>{fact.title || fact.claim}</strong>
      <div class="muted">{publisher} · {formatDate(toDate(fact.publishTime))}</div>
      <details>
        <summary>{pick(["查核內容", "The fact-check"])}</summary>
        {fact.title && <p class="claim">{fact.claim}</p>}
        {fact.explanation && <p class="explanation">{fact.explanation}</p>}
        {fact.evidence.length > 0 && (
          <ul class="evidence">
            {fact.evidence.map((e) => <li key={e.uri}><a href={e.uri} rel="noopener noreferrer" target="_blank">{e.title || e.uri}</a></li>)}
          </ul>
        )}
        {fact.uri && <p><a href={fact.uri} rel="noopener noreferrer" target="_blank">{pick(["原文", "Published at"])}</a></p>}
        {fact.readerFeedback && <ReaderVotes votes={fact.readerFeedback} />}
        <button type="button" class="secondary claim-review" disabled={busy} onClick={() => void run(async (): Promise<Outcome> => {
          setJsonLd((await factChecks.exportClaimReview({ name: fact.name })).jsonLd);
          return null;
        })}>{pick(["ClaimReview 格式", "As ClaimReview"])}</button>
        <Status outcome={outcome} />
        {jsonLd && <pre class="json-ld" tabIndex={0} role="region" aria-label="ClaimReview JSON-LD">{JSON.stringify(JSON.parse(jsonLd), null, 2)}</pre>}
      </details>
    </li>
  );
}

function Search() {
  const [draft, setDraft] = useState({ query: "", language: "" });
  const [asked, setAsked] = useState({ query: "", language: "" });
  const paged = usePaged(async (pageToken) => {
    const r = await factChecks.searchFactChecks({ ...asked, pageSize: FACTCHECK_PAGE, pageToken });
    return { items: r.factChecks, next: r.nextPageToken };
  }, [asked.query, asked.language]);
  const { value, outcome } = paged;
  return (
    <Section title="factcheckSearch" id="factcheck-search">
      <p class="muted">{pick(["已發布的事實查核是開放資料：不需登入。", "Published fact-checks are open data: no sign-in needed."])}</p>
      <form class="inline" role="search" onSubmit={(e) => { e.preventDefault(); setAsked({ query: draft.query.trim(), language: draft.language }); }}>
        <label>{t("keywords")}<input id="factcheck-query" type="search" maxLength={200} value={draft.query} onInput={(e) => setDraft({ ...draft, query: e.currentTarget.value })} /></label>
        <label>{pick(["語言", "Language"])}
          <select id="factcheck-language" value={draft.language} onChange={(e) => setDraft({ ...draft, language: e.currentTarget.value })}>
            {LANGUAGES.map(([code, zh, en]) => <option key={code} value={code}>{pick([zh, en])}</option>)}
          </select>
        </label>
        <button type="submit">{t("search")}</button>
      </form>
      <Status outcome={outcome} />
      <Empty when={!!value && paged.items.length === 0} />
      <ul id="factcheck-results" class="fact-checks" data-count={paged.items.length}>
        {paged.items.map((f) => <FactCheckItem key={f.name} fact={f} />)}
      </ul>
      <Pager paged={paged} label={t("factcheckSearch")} id="factcheck-pager" />
    </Section>
  );
}

function LinkCheck() {
  const [url, setUrl] = useState("");
  const [answer, setAnswer] = useState<CheckSourceResponse | null>(null);
  const { run, busy, outcome } = useAction();
  return (
    <Section title="checkLink" id="check-link">
      <form class="inline" onSubmit={(e) => {
        e.preventDefault();
        void run(async (): Promise<Outcome> => {
          const checked = await sources.checkSource({ url });
          setAnswer(checked);
          return checked.unknown
            ? { kind: "ok", text: () => pick(["查無此來源的評估紀錄。", "No assessment of this source is on record."]), reason: "UNKNOWN" }
            : { kind: "ok", text: () => `${pick(["評估紀錄", "Assessments"])}: ${formatNumber(checked.sources.length)}` };
        });
      }}>
        <label>{pick(["網址", "Link"])}<input id="check-link-url" required maxLength={2000} value={url} onInput={(e) => setUrl(e.currentTarget.value)} /></label>
        <button type="submit" disabled={busy}>{pick(["查詢", "Check"])}</button>
      </form>
      <Status id="check-link-outcome" outcome={outcome} />
      {answer && (
        <div id="check-link-answer" data-host={answer.host} data-shortener={answer.shortener ? "true" : "false"}>
          <p class="muted">{answer.normalizedUrl}</p>
          {answer.shortener && <p class="status warn">{pick(["這是縮網址：紀錄是關於縮網址服務，不是它指向的網站。請展開後再查。", "This is a link shortener: the records are about the shortener, not where it leads. Expand it and check again."])}</p>}
          <ul>
            {answer.sources.map((s) => {
              const entry = CREDIBILITY[s.credibility];
              return (
                <li key={s.name} data-source={s.name} data-credibility={Credibility[s.credibility]}>
                  <span class={`badge ${entry?.[2] ?? "info"}`}>{pick(entry)}</span> {s.target}
                  <span class="muted"> · {s.name.split("/sources/")[0].replace(/^orgs\//, "")} · {formatDate(toDate(s.assessTime))}</span>
                  {s.evidence && <p>{s.evidence}</p>}
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </Section>
  );
}

export default function FactCheckPage() {
  return (
    <>
      <h1 tabIndex={-1}>{t("factcheck")}</h1>
      <Search />
      <LinkCheck />
    </>
  );
}
