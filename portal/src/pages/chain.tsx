// 鏈上儀表板: anchors grouped by batch (Merkle root / transaction), verify a
// file (SHA-256 computed here with WebCrypto, then the ledger's VerifyDigest),
// consortium members, nodes, proposals and votes.
import { useState } from "preact/hooks";
import { GovernanceService } from "@gen/jipan/ledger/v1/governance_service_pb";
import { LedgerService } from "@gen/jipan/ledger/v1/ledger_service_pb";
import { NodeRole, ProposalState, ReceiptState, type Receipt } from "@gen/jipan/ledger/v1/resources_pb";
import { client } from "../api";
import { formatDate, formatNumber, lang, t } from "../i18n";
import { Empty, NeedSignIn, Section, Status, hex, toDate, useAction, useLoad, useSession } from "../ui";

const ledger = client(LedgerService);
const governance = client(GovernanceService);

const RECEIPT_STATE: Record<number, [string, string, string]> = {
  [ReceiptState.PENDING]: ["等待上鏈", "Pending", "warn"],
  [ReceiptState.CONFIRMED]: ["已上鏈", "Confirmed", "ok"],
  [ReceiptState.FAILED]: ["失敗", "Failed", "bad"],
};

function ReceiptBadge({ receipt }: { receipt: Receipt }) {
  const [zh, en, kind] = RECEIPT_STATE[receipt.state] ?? ["—", "—", "info"];
  return <span class={`badge ${kind}`}>{lang.get() === "en" ? en : zh}</span>;
}

function Verify() {
  const { run, busy, outcome } = useAction();
  const [file, setFile] = useState<File | null>(null);
  const [digest, setDigest] = useState("");
  const [receipts, setReceipts] = useState<Receipt[]>([]);
  return (
    <Section title="verifyFile" id="verify">
      <form class="inline" onSubmit={(e) => {
        e.preventDefault();
        if (!file) return;
        void run(async () => {
          const bytes = new Uint8Array(await file.arrayBuffer());
          const sum = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
          setDigest(hex(sum));
          const answer = await ledger.verifyDigest({ digest: sum });
          setReceipts(answer.receipts);
          return answer.anchored
            ? { kind: "ok", text: () => t("verified"), reason: "ANCHORED" }
            : { kind: "error", text: () => t("notFound"), reason: "NOT_ANCHORED" };
        });
      }}>
        <label>{t("chooseFile")}<input id="verify-file" type="file" required onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} /></label>
        <button type="submit" disabled={busy || !file}>{t("verify")}</button>
      </form>
      {digest && <p>{t("digest")}: <span class="mono" id="verify-digest">{digest}</span></p>}
      <Status id="verify-outcome" outcome={outcome} />
      {receipts.length > 0 && <Receipts receipts={receipts} />}
    </Section>
  );
}

function Receipts({ receipts }: { receipts: Receipt[] }) {
  return (
    <table>
      <thead><tr><th scope="col">{t("receipt")}</th><th scope="col">{t("state")}</th><th scope="col">{t("batch")}</th><th scope="col">{t("when")}</th></tr></thead>
      <tbody>{receipts.map((r) => (
        <tr key={r.name}>
          <td class="mono">{r.name}<br /><span class="muted">{r.submitter}</span></td>
          <td><ReceiptBadge receipt={r} /></td>
          <td class="mono">{r.anchor ? `#${formatNumber(r.anchor.blockNumber)} · ${r.anchor.leafIndex}/${r.anchor.treeSize} · ${hex(r.anchor.transactionHash).slice(0, 16)}…` : "—"}</td>
          <td>{formatDate(toDate(r.anchor?.blockTime ?? r.createTime))}</td>
        </tr>
      ))}</tbody>
    </table>
  );
}

function Anchors() {
  const { value, outcome, reload } = useLoad(() => ledger.listAnchors({ pageSize: 50 }), []);
  const receipts = value?.receipts ?? [];
  // A batch is one Merkle root anchored in one transaction; pending receipts have none yet.
  const batches = new Map<string, Receipt[]>();
  for (const r of receipts) {
    const key = r.anchor && r.anchor.root.length ? hex(r.anchor.root) : "";
    batches.set(key, [...(batches.get(key) ?? []), r]);
  }
  return (
    <Section title="anchors" id="anchors">
      <button type="button" class="secondary" onClick={reload}>{t("refresh")}</button>
      <Status outcome={outcome} />
      <Empty when={!!value && receipts.length === 0} />
      {[...batches.entries()].map(([root, list]) => (
        <div key={root}>
          <h3>{t("batch")} {root ? <span class="mono">{root.slice(0, 16)}…</span> : "—"} ({formatNumber(list.length)})</h3>
          <Receipts receipts={list} />
        </div>
      ))}
    </Section>
  );
}

function Members() {
  const { value, outcome } = useLoad(() => governance.listMembers({ pageSize: 100 }), []);
  const list = value?.members ?? [];
  return (
    <Section title="members" id="members">
      <Status outcome={outcome} />
      <Empty when={!!value && list.length === 0} />
      {list.length > 0 && (
        <table>
          <thead><tr><th scope="col">{t("name")}</th><th scope="col">{t("organisation")}</th><th scope="col">{t("state")}</th></tr></thead>
          <tbody>{list.map((m) => (
            <tr key={m.name} data-member={m.name}><td>{m.legalName || m.name}</td><td class="mono">{m.organization}</td>
              <td><span class={`badge ${m.active ? "ok" : "bad"}`}>{m.active ? t("active") : t("revoked")}</span></td></tr>
          ))}</tbody>
        </table>
      )}
    </Section>
  );
}

function Nodes() {
  const { value, outcome } = useLoad(() => governance.listNodes({ pageSize: 100 }), []);
  const list = value?.nodes ?? [];
  return (
    <Section title="nodes" id="nodes">
      <Status outcome={outcome} />
      <Empty when={!!value && list.length === 0} />
      {list.length > 0 && (
        <table>
          <thead><tr><th scope="col">{t("name")}</th><th scope="col">{t("nodeRole")}</th><th scope="col">{t("operator")}</th><th scope="col">{t("state")}</th></tr></thead>
          <tbody>{list.map((n) => (
            <tr key={n.name} data-node={n.name}><td class="mono">{n.name}</td><td>{NODE_ROLE[n.role]?.[lang.get() === "en" ? 1 : 0] ?? NodeRole[n.role]}</td><td class="mono">{n.operator}</td>
              <td><span class={`badge ${n.active ? "ok" : "bad"}`}>{n.active ? t("active") : t("revoked")}</span></td></tr>
          ))}</tbody>
        </table>
      )}
    </Section>
  );
}

const NODE_ROLE: Partial<Record<NodeRole, [string, string]>> = {
  [NodeRole.VALIDATOR]: ["驗證節點", "Validator"],
  [NodeRole.OBSERVER]: ["觀察節點", "Observer"],
};
const PROPOSAL_STATE: Partial<Record<ProposalState, [string, string]>> = {
  [ProposalState.OPEN]: ["投票中", "Open"],
  [ProposalState.EXECUTED]: ["已通過並執行", "Executed"],
};
const CHANGE: Record<string, [string, string]> = {
  admitMember: ["加入成員", "Admit a member"],
  removeMember: ["移除成員", "Remove a member"],
  addNode: ["新增節點", "Add a node"],
  removeNode: ["移除節點", "Remove a node"],
};

function Proposals() {
  const { value, outcome, reload } = useLoad(() => governance.listProposals({ pageSize: 50 }), []);
  const action = useAction();
  const list = value?.proposals ?? [];
  return (
    <Section title="proposals" id="proposals">
      <Status outcome={outcome} />
      <Empty when={!!value && list.length === 0} />
      {list.length > 0 && (
        <table>
          <thead><tr><th scope="col">{t("name")}</th><th scope="col">{t("votes")}</th><th scope="col">{t("state")}</th><th scope="col">{t("actions")}</th></tr></thead>
          <tbody>{list.map((p) => (
            <tr key={p.name} data-proposal={p.name} data-votes={`${p.votes}/${p.requiredVotes}`} data-proposal-state={ProposalState[p.state]}>
              <td class="mono">{p.name}<br /><span class="muted">{CHANGE[p.change.case ?? ""]?.[lang.get() === "en" ? 1 : 0] ?? p.change.case ?? ""} · {p.proposer}</span></td>
              <td>{formatNumber(p.votes)} / {formatNumber(p.requiredVotes)}<br /><span class="muted voters">{p.voters.join("、")}</span></td>
              <td>{PROPOSAL_STATE[p.state]?.[lang.get() === "en" ? 1 : 0] ?? ProposalState[p.state]}</td>
              <td>{p.state === ProposalState.OPEN && (
                <button type="button" aria-label={`${t("approve")} ${p.name}`} onClick={() => void action.run(async () => {
                  await governance.voteProposal({ name: p.name, requestId: crypto.randomUUID() });
                  reload();
                })}>{t("approve")}</button>
              )}</td>
            </tr>
          ))}</tbody>
        </table>
      )}
      <Status outcome={action.outcome} />
    </Section>
  );
}

export default function Chain() {
  const who = useSession();
  return (
    <>
      <h1 tabIndex={-1}>{t("chain")}</h1>
      {who ? (
        <>
          <Verify />
          <Anchors />
          <div class="grid2"><Members /><Nodes /></div>
          <Proposals />
        </>
      ) : <NeedSignIn />}
    </>
  );
}
