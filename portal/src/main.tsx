// The portal's shell: header, language switch, main menu, and one lazily
// loaded module per page (hash routes, so the gateway serves a single file).
import { render, type ComponentType } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import { setSession } from "./api";
import { lang, setLang, t, type Key } from "./i18n";
import { useLang, useSession } from "./ui";
import "./style.css";

type PageModule = { default: ComponentType };

const ROUTES: { path: string; title: Key; load: () => Promise<PageModule> }[] = [
  { path: "passport", title: "passport", load: () => import("./pages/passport") },
  { path: "procurement", title: "procurement", load: () => import("./pages/procurement") },
  { path: "chain", title: "chain", load: () => import("./pages/chain") },
  { path: "market", title: "market", load: () => import("./pages/market") },
  { path: "cloud", title: "cloud", load: () => import("./pages/cloud") },
  { path: "factcheck", title: "factcheck", load: () => import("./pages/factcheck") },
];

function currentPath(): string {
  return location.hash.replace(/^#\/?/, "").split("?")[0] ?? "";
}

function Home() {
  return (
    <>
      <h1 tabIndex={-1}>{t("siteName")}</h1>
      <p>{t("homeIntro")}</p>
      <ul class="tiles">
        {ROUTES.map((r) => (
          <li key={r.path}><a href={`#/${r.path}`}><strong>{t(r.title)}</strong><span>{t(`${r.path}Desc` as Key)}</span></a></li>
        ))}
      </ul>
    </>
  );
}

function App() {
  useLang();
  const who = useSession();
  const [path, setPath] = useState(currentPath());
  const [Page, setPage] = useState<ComponentType | null>(null);
  const mainRef = useRef<HTMLElement>(null);

  useEffect(() => {
    const onHash = () => setPath(currentPath());
    addEventListener("hashchange", onHash);
    return () => removeEventListener("hashchange", onHash);
  }, []);

  const route = ROUTES.find((r) => r.path === path);
  useEffect(() => {
    document.title = `${route ? t(route.title) + " · " : ""}${t("siteName")}`;
  }, [path, lang.get()]);

  // A page is loaded when the path changes, not when the language does: switching language
  // re-renders the page in place and keeps what the user has typed into its forms.
  useEffect(() => {
    if (!route) {
      setPage(() => Home);
      markReady(path);
      return;
    }
    setPage(null);
    let live = true;
    route.load().then((module) => {
      if (!live) return;
      setPage(() => module.default);
      markReady(path);
      // Move focus to the new page's heading for keyboard and screen-reader users.
      requestAnimationFrame(() => mainRef.current?.querySelector<HTMLElement>("h1")?.focus());
    });
    return () => { live = false; };
  }, [path]);

  const switchTo = lang.get() === "en" ? "zh-TW" : "en";
  return (
    <>
      <a class="skip" href="#main" onClick={(e) => { e.preventDefault(); mainRef.current?.focus(); }}>{t("skip")}</a>
      <header class="site">
        <div class="bar">
          <a class="brand" href="#/">{t("siteName")}</a>
          <span class="who" data-testid="who">
            {who ? `${t("signedInAs")}${who.displayName || who.person}` : t("signedOut")}
          </span>
          {who && <button type="button" class="secondary" onClick={() => setSession(null)}>{t("signOut")}</button>}
          <button type="button" class="lang" lang={switchTo} aria-label={t("switchLangLabel")} onClick={() => setLang(switchTo)}>
            {t("switchLang")}
          </button>
        </div>
      </header>
      <nav class="main" aria-label={t("navLabel")}>
        <ul>
          <li><a href="#/" aria-current={path === "" ? "page" : undefined}>{t("home")}</a></li>
          {ROUTES.map((r) => (
            <li key={r.path}><a href={`#/${r.path}`} aria-current={path === r.path ? "page" : undefined}>{t(r.title)}</a></li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1} ref={mainRef}>
        {Page ? <Page key={path} /> : <p role="status">{t("loading")}</p>}
      </main>
    </>
  );
}

/** Tells whoever measures (bench/portal.py, the browser tests) the page is interactive. */
function markReady(path: string): void {
  requestAnimationFrame(() => {
    document.body.dataset.ready = path || "home";
    performance.mark(`jipan-ready:${path || "home"}`);
  });
}

document.documentElement.lang = lang.get();
render(<App />, document.getElementById("app")!);
