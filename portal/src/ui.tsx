// Small shared pieces: live status messages, async actions with error display, tables, bar charts.
import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import { describeError, session, type Session } from "./api";
import { formatNumber, lang, t, type Key } from "./i18n";
import type { Signal } from "./lib/signal";

export function useSignal<T>(s: Signal<T>): T {
  const [value, setValue] = useState(s.get());
  useEffect(() => s.subscribe(setValue), [s]);
  return value;
}

export function useLang(): string {
  return useSignal(lang);
}

export function useSession(): Session | null {
  return useSignal(session);
}

/** A status line's text: a function is called on every render, so the line follows a language switch. */
export type Text = string | (() => string);

export function say(text: Text): string {
  return typeof text === "function" ? text() : text;
}

export type Outcome = { kind: "ok" | "error" | "info"; text: Text; reason?: string } | null;

export function errorOutcome(error: unknown): Outcome {
  const shown = describeError(error);
  const reason = shown.reason || shown.codeName;
  return { kind: "error", text: () => `${t("errorPrefix")}${shown.message} (${reason})`, reason };
}

/** A status line announced to screen readers; data-state lets tests wait for it. */
export function Status({ outcome, id }: { outcome: Outcome; id?: string }) {
  return (
    <div id={id} role={outcome?.kind === "error" ? "alert" : "status"} aria-live="polite"
      data-state={outcome ? outcome.kind : "idle"} data-reason={outcome?.reason ?? ""}
      class={outcome ? `status ${outcome.kind}` : undefined}>
      {outcome ? say(outcome.text) : ""}
    </div>
  );
}

/** Runs `work`, showing progress and its error; returns [run, busy, outcome, setOutcome]. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  async function run(work: () => Promise<Outcome | void>): Promise<void> {
    setBusy(true);
    setOutcome({ kind: "info", text: () => t("loading") });
    try {
      setOutcome((await work()) ?? null);
    } catch (error) {
      setOutcome(errorOutcome(error));
    } finally {
      setBusy(false);
    }
  }
  return { run, busy, outcome, setOutcome };
}

/** Loads data when `deps` change; exposes the value, an error outcome and a reload. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]) {
  const [value, setValue] = useState<T | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setOutcome({ kind: "info", text: () => t("loading") });
    load().then(
      (v) => { if (live) { setValue(v); setOutcome(null); } },
      (e) => { if (live) setOutcome(errorOutcome(e)); },
    );
    return () => { live = false; };
  }, [...deps, tick]);
  return { value, outcome, reload: () => setTick((n) => n + 1), setValue };
}

export function Section({ title, id, children }: { title: Key; id?: string; children: ComponentChildren }) {
  const headingId = `${id ?? title}-heading`;
  return (
    <section class="card" id={id} aria-labelledby={headingId}>
      <h2 id={headingId}>{t(title)}</h2>
      {children}
    </section>
  );
}

export function Empty({ when }: { when: boolean }) {
  return when ? <p class="muted">{t("none")}</p> : null;
}

export function NeedSignIn() {
  return <p class="status">{t("needSignIn")} <a href="#/passport">{t("passport")}</a></p>;
}

export interface Bar { label: string; value: number; display: string }

/** A horizontal bar chart as inline SVG with a text alternative (the same figures as a table). */
export function BarChart({ title, bars }: { title: string; bars: Bar[] }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const row = 26;
  const labelWidth = 150;
  const width = 560;
  const height = Math.max(row, bars.length * row) + 4;
  return (
    <figure>
      <svg class="chart" role="img" aria-label={title} viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: `${width}px` }}>
        {bars.map((b, i) => {
          const w = ((width - labelWidth - 110) * b.value) / max;
          return (
            <g key={b.label} transform={`translate(0 ${i * row})`} data-label={b.label} data-display={b.display}>
              <text x={labelWidth - 6} y={17} text-anchor="end">{b.label}</text>
              <rect x={labelWidth} y={4} width={Math.max(1, w)} height={row - 8} fill="#0b4f8a" />
              <text x={labelWidth + w + 6} y={17}>{b.display}</text>
            </g>
          );
        })}
      </svg>
      <figcaption class="visually-hidden">{title}</figcaption>
    </figure>
  );
}

export function toDate(ts: { seconds: bigint; nanos: number } | undefined): Date | null {
  return ts ? new Date(Number(ts.seconds) * 1000 + Math.floor(ts.nanos / 1e6)) : null;
}

export function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** One page of a list method: its items and the token of the next page ("" on the last). */
export interface Page<T> { items: T[]; next: string }

/**
 * Previous/next paging over a list method's page tokens. The tokens of the pages already seen are
 * kept, so "previous" asks for the same page again (the servers' tokens are opaque and forward-only).
 */
export function usePaged<P extends Page<unknown>>(load: (pageToken: string) => Promise<P>, deps: unknown[]) {
  const [tokens, setTokens] = useState<string[]>([""]);
  const [index, setIndex] = useState(0);
  useEffect(() => { setTokens([""]); setIndex(0); }, deps);
  const pageToken = tokens[index] ?? "";
  const loaded = useLoad(() => load(pageToken), [...deps, pageToken, index]);
  const next = loaded.value?.next ?? "";
  return {
    ...loaded,
    items: (loaded.value?.items ?? []) as P["items"],
    page: index + 1,
    hasPrevious: index > 0,
    hasNext: next !== "",
    next: () => { setTokens((seen) => [...seen.slice(0, index + 1), next]); setIndex(index + 1); },
    previous: () => setIndex((i) => Math.max(0, i - 1)),
  };
}

/** Previous/next buttons for a paged list; `label` names the list for screen readers. */
export interface Paging { page: number; hasPrevious: boolean; hasNext: boolean; next: () => void; previous: () => void }

export function Pager({ paged, label, id }: { paged: Paging; label: string; id?: string }) {
  if (!paged.hasPrevious && !paged.hasNext) return null;
  return (
    <nav class="pager" id={id} aria-label={`${label} · ${t("pages")}`} data-page={paged.page}>
      <button type="button" class="secondary pager-previous" disabled={!paged.hasPrevious} onClick={paged.previous}>{t("previousPage")}</button>
      <span aria-live="polite">{t("pageN").replace("{n}", formatNumber(paged.page))}</span>
      <button type="button" class="secondary pager-next" disabled={!paged.hasNext} onClick={paged.next}>{t("nextPage")}</button>
    </nav>
  );
}
