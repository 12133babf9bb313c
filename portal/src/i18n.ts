// zh-TW first, English on request. Every visible string goes through t();
// dates are shown in Asia/Taipei and numbers/TWD through Intl for the locale.
import { signal } from "./lib/signal";

export type Lang = "zh-TW" | "en";

const stored = (typeof localStorage !== "undefined" && localStorage.getItem("jipan.lang")) as Lang | null;
export const lang = signal<Lang>(stored === "en" ? "en" : "zh-TW");

export function setLang(next: Lang): void {
  localStorage.setItem("jipan.lang", next);
  document.documentElement.lang = next;
  lang.set(next);
}

type Entry = readonly [zh: string, en: string];

const DICT = {
  siteName: ["政府數位服務入口", "Government digital services portal"],
  skip: ["跳到主要內容", "Skip to main content"],
  navLabel: ["主選單", "Main menu"],
  home: ["首頁", "Home"],
  passport: ["數位護照", "Digital passport"],
  procurement: ["共契採購", "Joint procurement"],
  chain: ["鏈上儀表板", "Chain explorer"],
  market: ["源市集", "Open source market"],
  cloud: ["雲端費用", "Cloud costs"],
  factcheck: ["事實查核", "Fact-checks"],
  factcheckSearch: ["查詢事實查核", "Search fact-checks"],
  checkLink: ["查詢網站來源", "Check a link's source"],
  switchLang: ["English", "中文"],
  switchLangLabel: ["Switch to English", "切換為中文"],
  loading: ["載入中…", "Loading…"],
  signedInAs: ["已登入：", "Signed in as "],
  signedOut: ["尚未登入", "Not signed in"],
  signOut: ["登出", "Sign out"],
  notAvailable: ["此功能目前尚未在伺服器上提供。", "This feature is not available on the server yet."],
  needSignIn: ["請先到「數位護照」登入。", "Please sign in on the Digital passport page first."],
  errorPrefix: ["發生錯誤：", "Something went wrong: "],
  none: ["沒有資料。", "Nothing here yet."],
  more: ["載入更多", "Load more"],
  pages: ["分頁", "pages"],
  previousPage: ["上一頁", "Previous page"],
  nextPage: ["下一頁", "Next page"],
  pageN: ["第 {n} 頁", "Page {n}"],
  save: ["儲存", "Save"],
  cancel: ["取消", "Cancel"],
  refresh: ["重新整理", "Refresh"],
  search: ["搜尋", "Search"],
  name: ["名稱", "Name"],
  created: ["建立時間", "Created"],
  state: ["狀態", "State"],
  actions: ["動作", "Actions"],
  passportDesc: ["用通行金鑰登入，管理您的授權同意與安全紀錄。", "Sign in with a passkey; manage your consents and security record."],
  procurementDesc: ["搜尋共同供應契約商品、下單、上架與投標。", "Search joint-supply products, order, list and bid."],
  chainDesc: ["確認文件是否記錄在聯盟鏈上。", "Check whether a document is recorded on the consortium chain."],
  marketDesc: ["找開源專案、看授權與安全狀況、提問。", "Find open-source projects, their licences and security, ask questions."],
  cloudDesc: ["各雲端服務的費用、預測與預算。", "Cloud costs, forecasts and budgets."],
  factcheckDesc: ["查詢訊息是否已有事實查核，查看網站來源的可信度。", "Has a claim been fact-checked? How credible is a link's source?"],
  homeIntro: [
    "在這裡管理您的通行金鑰與授權、搜尋共同供應契約、查核區塊鏈上的紀錄。",
    "Manage your passkeys and consents, search joint procurement contracts and check records on the chain.",
  ],
  // passport
  signUp: ["建立數位護照（註冊通行金鑰）", "Create a digital passport (register a passkey)"],
  userName: ["帳號名稱（小寫英文、數字）", "User name (lower-case letters and digits)"],
  displayName: ["顯示名稱", "Display name"],
  register: ["註冊通行金鑰", "Register a passkey"],
  signIn: ["使用通行金鑰登入", "Sign in with a passkey"],
  signInOrg: ["代表機關登入（選填，orgs/…）", "Sign in for an organisation (optional, orgs/…)"],
  signInHelp: ["不需輸入帳號：裝置會列出您的通行金鑰。", "No user name needed: your device lists your passkeys."],
  tokenSignIn: ["以存取權杖登入（開發用）", "Sign in with an access token (development)"],
  tokenLabel: ["存取權杖", "Access token"],
  useToken: ["使用此權杖", "Use this token"],
  registered: ["已建立通行金鑰，請登入。", "Passkey created. Please sign in."],
  signedIn: ["登入成功。", "Signed in."],
  passkeys: ["我的通行金鑰", "My passkeys"],
  rename: ["重新命名", "Rename"],
  newName: ["新名稱", "New name"],
  remove: ["移除", "Remove"],
  lastUsed: ["最近使用", "Last used"],
  organisations: ["我的機關與角色", "My organisations and roles"],
  roles: ["角色", "Roles"],
  consents: ["我的授權同意", "My consents"],
  client: ["應用程式", "App"],
  scopes: ["權限範圍", "Scopes"],
  categories: ["資料類別", "Data categories"],
  expires: ["到期時間", "Expires"],
  revoke: ["撤回同意", "Revoke"],
  revoked: ["已撤回", "Revoked"],
  active: ["有效", "Active"],
  expired: ["已過期", "Expired"],
  grantConsent: ["新增授權同意", "Grant a consent"],
  clientName: ["應用程式（services/…）", "App (services/…)"],
  scopesComma: ["權限範圍（以逗號分隔）", "Scopes (comma separated)"],
  categoriesComma: ["資料類別（以逗號分隔）", "Data categories (comma separated)"],
  days: ["有效天數", "Valid for (days)"],
  grant: ["同意授權", "Grant"],
  events: ["安全事件", "Security events"],
  eventKind: ["事件", "Event"],
  when: ["時間", "When"],
  // procurement
  catalogSearch: ["搜尋共契商品", "Search the catalogue"],
  keywords: ["關鍵字", "Keywords"],
  results: ["搜尋結果", "Results"],
  product: ["商品", "Product"],
  vendor: ["廠商", "Vendor"],
  price: ["單價", "Unit price"],
  listing: ["商品頁", "Listing"],
  review: ["審查結果", "Review"],
  findings: ["審查發現", "Findings"],
  severity: ["嚴重度", "Severity"],
  receipt: ["鏈上收據", "Ledger receipt"],
  decision: ["審查決定", "Decision"],
  submitListing: ["上架商品（廠商）", "List a product (vendor)"],
  lot: ["組別（lots/…）", "Lot (lots/…)"],
  vendorId: ["廠商代號（vendors/…）", "Vendor (vendors/…)"],
  productName: ["商品名稱", "Product name"],
  version: ["版本", "Version"],
  description: ["說明", "Description"],
  unitPriceTwd: ["單價（新臺幣元）", "Unit price (TWD)"],
  sbomFile: ["軟體物料清單 SBOM（CycloneDX JSON）", "Software bill of materials (CycloneDX JSON)"],
  submit: ["送出審查", "Submit for review"],
  orders: ["訂單", "Orders"],
  tenders: ["招標案", "Tenders"],
  sealBid: ["密封投標（在瀏覽器內加密）", "Seal and submit a bid (encrypted in your browser)"],
  tender: ["招標案", "Tender"],
  bidText: ["投標內容", "Bid"],
  sealAndSubmit: ["加密並投標", "Seal and submit"],
  bidSubmitted: ["已投標，承諾值：", "Bid submitted; commitment: "],
  analytics: ["採購統計", "Procurement analytics"],
  byCategory: ["依類別", "By category"],
  byAgency: ["依機關", "By agency"],
  byMonth: ["依月份", "By month"],
  suppressed: ["（為保護個別機關，筆數過少的組合不顯示）", "(groups with too few buyers are not shown)"],
  // chain
  anchors: ["上鏈紀錄", "Anchors"],
  batch: ["批次", "Batch"],
  verifyFile: ["驗證檔案", "Verify a file"],
  chooseFile: ["選擇檔案", "Choose a file"],
  verify: ["驗證", "Verify"],
  digest: ["SHA-256 摘要", "SHA-256 digest"],
  verified: ["已在鏈上找到此檔案的紀錄。", "This file is recorded on the chain."],
  notFound: ["鏈上沒有此檔案的紀錄。", "This file is not recorded on the chain."],
  members: ["聯盟成員", "Consortium members"],
  nodes: ["節點", "Nodes"],
  organisation: ["機關", "Organisation"],
  nodeRole: ["角色", "Role"],
  operator: ["營運成員", "Operator"],
  proposals: ["提案與投票", "Proposals and votes"],
  votes: ["票數", "Votes"],
  vote: ["投票", "Vote"],
  approve: ["贊成", "Approve"],
  reject: ["反對", "Reject"],
  // market
  marketSearch: ["搜尋開源專案", "Search open source projects"],
  licence: ["授權", "Licence"],
  advisories: ["安全通報", "Advisories"],
  health: ["健康度", "Health"],
  providers: ["服務供應商", "Service providers"],
  questions: ["問與答", "Questions and answers"],
  ask: ["提問", "Ask"],
  question: ["問題", "Question"],
  // market: ratings and trials
  ratings: ["機關評價", "Agency ratings"],
  ratingAverage: ["平均（貝氏）", "Average (Bayesian)"],
  ratingCount: ["評價數", "Ratings"],
  stars: ["星等", "Stars"],
  reviewText: ["評語", "Review"],
  rateProvider: ["評價此供應商", "Rate this provider"],
  rateOrder: ["依據的訂單（已由廠商確認）", "The order it is based on (confirmed by the vendor)"],
  rateSubmit: ["送出評價", "Submit rating"],
  rated: ["已送出評價", "Rating submitted"],
  noOrders: ["您的機關沒有可評價的訂單。", "Your agency has no order to rate."],
  rateHelp: ["只有向此供應商採購且訂單已確認的機關可以評價。", "Only an agency with a confirmed order from this provider can rate it."],
  offers: ["提供服務的供應商", "Providers offering services"],
  trials: ["試用", "Trials"],
  trialTemplates: ["試用方案", "Trial plans"],
  machine: ["機器規格", "Machine"],
  maxHours: ["最長時數", "Max hours"],
  budgetCap: ["預算上限", "Budget cap"],
  hours: ["試用時數", "Hours"],
  startTrial: ["開始試用", "Start trial"],
  endTrial: ["結束試用", "End trial"],
  trialStarted: ["已開始試用：", "Trial started: "],
  trialEnded: ["已要求結束試用：", "Trial ending: "],
  myTrials: ["本機關的試用", "My organisation's trials"],
  endpoint: ["連線位址", "Endpoint"],
  problem: ["問題說明", "Problem"],
  // cloud
  costs: ["每月費用", "Costs by month"],
  forecast: ["費用預測", "Forecast"],
  budgets: ["預算", "Budgets"],
  service: ["服務", "Service"],
  costsByService: ["依服務分類的費用", "Costs by service"],
  month: ["月份", "Month"],
  amount: ["金額", "Amount"],
} as const satisfies Record<string, Entry>;

export type Key = keyof typeof DICT;

export function t(key: Key): string {
  return DICT[key][lang.get() === "en" ? 1 : 0];
}

/** A page's own [zh-TW, English] pair (labels of enum values), in the current language. */
export function pick(pair: readonly string[] | undefined, fallback = "—"): string {
  return pair?.[lang.get() === "en" ? 1 : 0] ?? fallback;
}

export function formatDate(value: Date | undefined | null): string {
  if (!value || Number.isNaN(value.getTime())) return "—";
  return new Intl.DateTimeFormat(lang.get(), {
    timeZone: "Asia/Taipei",
    dateStyle: "medium",
    timeStyle: "short",
  }).format(value);
}

// Money.amount_minor counts the currency's minor units; TWD has none in practice
// (jipan.common.v1.Money: 1 unit = 1 dollar).
const NO_MINOR_UNIT = new Set(["TWD", "JPY", "KRW"]);

export function formatMoney(minor: bigint | number, currency = "TWD"): string {
  const digits = NO_MINOR_UNIT.has(currency) ? 0 : 2;
  const major = Number(minor) / 10 ** digits;
  const parts = new Intl.NumberFormat(lang.get(), {
    style: "currency",
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).formatToParts(major);
  // zh-TW's own currency symbol for TWD is a bare "$" (CLDR); spell it "NT$" in both languages,
  // as Taiwan's government and banks do, so it cannot be read as US dollars.
  return parts.map((p) => (p.type === "currency" && currency === "TWD" ? "NT$" : p.value)).join("");
}

export function formatNumber(value: number | bigint): string {
  return new Intl.NumberFormat(lang.get()).format(value);
}
