// 數位護照: passkey sign-up and discoverable sign-in, passkeys, organisations
// and roles, consents (expiry, one-click revoke) and security events.
import { create } from "@bufbuild/protobuf";
import { FieldMaskSchema, timestampFromDate } from "@bufbuild/protobuf/wkt";
import { useState } from "preact/hooks";
import { ConsentService } from "@gen/jipan/identity/v1/consent_service_pb";
import { OrganizationService } from "@gen/jipan/identity/v1/organization_service_pb";
import { PasskeyService } from "@gen/jipan/identity/v1/passkey_service_pb";
import { ConsentState, SecurityEventKind, PasskeySchema } from "@gen/jipan/identity/v1/resources_pb";
import { SecurityEventService } from "@gen/jipan/identity/v1/security_event_service_pb";
import { client, session, setSession, tokenClaims } from "../api";
import { formatDate, lang, t } from "../i18n";
import { createCredential, getCredential } from "../lib/webauthn";
import { Empty, Section, Status, toDate, useAction, useLoad, useSession } from "../ui";

const passkeys = client(PasskeyService);

/**
 * The scopes the portal's pages call with. A passkey sign-in asks for them; what the person may
 * do with them is still up to the roles their organisation gave them (the token carries the roles
 * of the organisation signed in for, none without one).
 */
export const PORTAL_SCOPES = [
  "procurement.read", "procurement.write", "market.read", "market.write",
  "ledger.read", "ledger.govern", "cloud.read",
];

function SignUp() {
  const { run, busy, outcome } = useAction();
  const [userName, setUserName] = useState("");
  const [displayName, setDisplayName] = useState("");
  return (
    <Section title="signUp" id="sign-up">
      <form class="stack" onSubmit={(e) => {
        e.preventDefault();
        void run(async () => {
          const begun = await passkeys.beginPasskeyRegistration({ userName, displayName });
          const credentialJson = await createCredential(begun.optionsJson);
          const done = await passkeys.finishPasskeyRegistration({ credentialJson });
          return { kind: "ok", text: () => `${t("registered")} (${done.person?.userName})` };
        });
      }}>
        <label>{t("userName")}
          <input id="user-name" name="username" required pattern="[a-z0-9][a-z0-9._\-]{2,63}" autocomplete="username webauthn"
            value={userName} onInput={(e) => setUserName(e.currentTarget.value)} />
        </label>
        <label>{t("displayName")}
          <input id="display-name" name="display-name" required maxLength={200} autocomplete="name"
            value={displayName} onInput={(e) => setDisplayName(e.currentTarget.value)} />
        </label>
        <div><button id="register" type="submit" disabled={busy}>{t("register")}</button></div>
      </form>
      <Status id="register-outcome" outcome={outcome} />
    </Section>
  );
}

function SignIn() {
  const { run, busy, outcome } = useAction();
  const [token, setToken] = useState("");
  const [organization, setOrganization] = useState("");
  return (
    <Section title="signIn" id="sign-in">
      <p>{t("signInHelp")}</p>
      <label>{t("signInOrg")}
        <input id="sign-in-org" value={organization} pattern="orgs/[a-z][a-z0-9\-]{2,62}" placeholder="orgs/…"
          onInput={(e) => setOrganization(e.currentTarget.value)} />
      </label>
      <p><button id="sign-in-button" type="button" disabled={busy} onClick={() => void run(async () => {
        const begun = await passkeys.beginPasskeyAuthentication({ userName: "" });
        const credentialJson = await getCredential(begun.optionsJson);
        const done = await passkeys.finishPasskeyAuthentication({ credentialJson, organization: organization.trim(), scopes: PORTAL_SCOPES });
        setSession({
          token: done.accessToken,
          person: done.person?.name ?? "",
          displayName: done.person?.displayName ?? "",
          userName: done.person?.userName ?? "",
          expires: toDate(done.expireTime),
        });
        return { kind: "ok", text: () => `${t("signedIn")} ${done.person?.displayName ?? ""}` };
      })}>{t("signIn")}</button></p>
      <details>
        <summary>{t("tokenSignIn")}</summary>
        <form class="inline" onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            const claims = tokenClaims(token.trim());
            setSession({
              token: token.trim(),
              person: String(claims.sub ?? ""),
              displayName: String(claims.sub ?? ""),
              userName: "",
              expires: typeof claims.exp === "number" ? new Date(claims.exp * 1000) : null,
            });
            return { kind: "ok", text: () => t("signedIn") };
          });
        }}>
          <label>{t("tokenLabel")}<input id="token" name="token" value={token} autocomplete="off" onInput={(e) => setToken(e.currentTarget.value)} /></label>
          <button type="submit">{t("useToken")}</button>
        </form>
      </details>
      <Status id="sign-in-outcome" outcome={outcome} />
    </Section>
  );
}

function Passkeys({ person }: { person: string }) {
  const { value, outcome, reload } = useLoad(() => passkeys.listPasskeys({ parent: person, pageSize: 50 }), [person]);
  const action = useAction();
  const [editing, setEditing] = useState<string | null>(null);
  const [newName, setNewName] = useState("");
  const list = value?.passkeys ?? [];
  return (
    <Section title="passkeys" id="passkeys">
      <Status outcome={outcome} />
      <Empty when={!!value && list.length === 0} />
      {list.length > 0 && (
        <table>
          <thead><tr><th scope="col">{t("name")}</th><th scope="col">{t("created")}</th><th scope="col">{t("lastUsed")}</th><th scope="col">{t("actions")}</th></tr></thead>
          <tbody>
            {list.map((p) => (
              <tr key={p.name}>
                <td>{editing === p.name ? (
                  <form class="inline" onSubmit={(e) => {
                    e.preventDefault();
                    void action.run(async () => {
                      await passkeys.updatePasskey({
                        passkey: create(PasskeySchema, { name: p.name, displayName: newName }),
                        updateMask: create(FieldMaskSchema, { paths: ["display_name"] }),
                      });
                      setEditing(null);
                      reload();
                    });
                  }}>
                    <label>{t("newName")}<input value={newName} required maxLength={100} onInput={(e) => setNewName(e.currentTarget.value)} /></label>
                    <button type="submit">{t("save")}</button>
                    <button type="button" class="secondary" onClick={() => setEditing(null)}>{t("cancel")}</button>
                  </form>
                ) : (p.displayName || p.name)}</td>
                <td>{formatDate(toDate(p.createTime))}</td>
                <td>{formatDate(toDate(p.lastUseTime))}</td>
                <td>
                  <button type="button" class="secondary" aria-label={`${t("rename")} ${p.displayName || p.name}`}
                    onClick={() => { setEditing(p.name); setNewName(p.displayName); }}>{t("rename")}</button>{" "}
                  <button type="button" class="danger" aria-label={`${t("remove")} ${p.displayName || p.name}`}
                    onClick={() => void action.run(async () => { await passkeys.deletePasskey({ name: p.name }); reload(); })}>{t("remove")}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Status outcome={action.outcome} />
    </Section>
  );
}

function Organisations() {
  const orgs = client(OrganizationService);
  const { value, outcome } = useLoad(() => orgs.listOrganizations({ pageSize: 50 }), []);
  const claims = tokenClaims(session.get()?.token ?? "");
  const tokenOrg = typeof claims.org === "string" ? claims.org : "";
  const tokenRoles = Array.isArray(claims.roles) ? (claims.roles as string[]) : [];
  const list = value?.organizations ?? [];
  return (
    <Section title="organisations" id="organisations">
      {tokenOrg && <p>{tokenOrg}: <strong>{t("roles")}</strong> {tokenRoles.join("、") || "—"}</p>}
      <Status outcome={outcome} />
      <Empty when={!!value && list.length === 0} />
      {list.length > 0 && (
        <table>
          <thead><tr><th scope="col">{t("name")}</th><th scope="col">{t("displayName")}</th><th scope="col">{t("created")}</th></tr></thead>
          <tbody>{list.map((o) => <tr key={o.name}><td class="mono">{o.name}</td><td>{o.displayName}</td><td>{formatDate(toDate(o.createTime))}</td></tr>)}</tbody>
        </table>
      )}
    </Section>
  );
}

const STATE_LABEL: Record<number, "active" | "expired" | "revoked"> = {
  [ConsentState.ACTIVE]: "active",
  [ConsentState.EXPIRED]: "expired",
  [ConsentState.REVOKED]: "revoked",
};

function Consents({ person }: { person: string }) {
  const consents = client(ConsentService);
  const { value, outcome, reload } = useLoad(() => consents.listConsents({ parent: person, pageSize: 100 }), [person]);
  const action = useAction();
  const [clientName, setClientName] = useState("");
  const [scopes, setScopes] = useState("");
  const [categories, setCategories] = useState("");
  const [days, setDays] = useState("30");
  const list = value?.consents ?? [];
  const split = (s: string) => s.split(/[,，、\s]+/).map((x) => x.trim()).filter(Boolean);
  return (
    <Section title="consents" id="consents">
      <Status outcome={outcome} />
      <Empty when={!!value && list.length === 0} />
      {list.length > 0 && (
        <table>
          <thead><tr><th scope="col">{t("client")}</th><th scope="col">{t("scopes")}</th><th scope="col">{t("categories")}</th>
            <th scope="col">{t("expires")}</th><th scope="col">{t("state")}</th><th scope="col">{t("actions")}</th></tr></thead>
          <tbody>
            {list.map((c) => {
              const state = STATE_LABEL[c.state] ?? "active";
              return (
                <tr key={c.name} data-consent={c.name}>
                  <td class="mono">{c.client}</td>
                  <td>{c.scopes.join("、")}</td>
                  <td>{c.categories.join("、")}</td>
                  <td>{formatDate(toDate(c.expireTime))}</td>
                  <td><span class={`badge ${state === "active" ? "ok" : "bad"}`}>{t(state)}</span></td>
                  <td>{state === "active" && (
                    <button type="button" class="danger" aria-label={`${t("revoke")} ${c.client}`}
                      onClick={() => void action.run(async () => {
                        await consents.revokeConsent({ name: c.name });
                        reload();
                        return { kind: "ok", text: () => `${t("revoked")}: ${c.client}` };
                      })}>{t("revoke")}</button>
                  )}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <Status id="consent-outcome" outcome={action.outcome} />
      <h3>{t("grantConsent")}</h3>
      <form class="stack" onSubmit={(e) => {
        e.preventDefault();
        void action.run(async () => {
          const expire = new Date(Date.now() + Number(days) * 86400_000);
          await consents.createConsent({
            parent: person,
            consent: { client: clientName.trim(), scopes: split(scopes), categories: split(categories), expireTime: timestampFromDate(expire) },
          });
          reload();
          return { kind: "ok", text: () => `${t("grant")}: ${clientName}` };
        });
      }}>
        <label>{t("clientName")}<input id="consent-client" required value={clientName} onInput={(e) => setClientName(e.currentTarget.value)} /></label>
        <label>{t("scopesComma")}<input id="consent-scopes" required value={scopes} onInput={(e) => setScopes(e.currentTarget.value)} /></label>
        <label>{t("categoriesComma")}<input id="consent-categories" value={categories} onInput={(e) => setCategories(e.currentTarget.value)} /></label>
        <label>{t("days")}<input id="consent-days" type="number" min={1} max={365} required value={days} onInput={(e) => setDays(e.currentTarget.value)} /></label>
        <div><button type="submit" disabled={action.busy}>{t("grant")}</button></div>
      </form>
    </Section>
  );
}

const EVENT_LABEL: Partial<Record<SecurityEventKind, [string, string]>> = {
  [SecurityEventKind.PASSKEY_REGISTERED]: ["註冊通行金鑰", "Passkey registered"],
  [SecurityEventKind.PASSKEY_ENROLLED]: ["新增通行金鑰", "Passkey added"],
  [SecurityEventKind.PASSKEY_REVOKED]: ["移除通行金鑰", "Passkey removed"],
  [SecurityEventKind.SIGNED_IN]: ["登入", "Signed in"],
  [SecurityEventKind.SIGN_IN_FAILED]: ["登入失敗", "Sign-in failed"],
  [SecurityEventKind.COUNTER_REGRESSION]: ["金鑰計數異常（可能遭複製）", "Key counter went back (possible clone)"],
  [SecurityEventKind.REFRESH_TOKEN_REUSED]: ["更新權杖被重複使用", "Refresh token reused"],
  [SecurityEventKind.REFRESH_TOKEN_REVOKED]: ["更新權杖已撤銷", "Refresh token revoked"],
  [SecurityEventKind.CONSENT_GRANTED]: ["授權同意", "Consent granted"],
  [SecurityEventKind.CONSENT_REVOKED]: ["撤回同意", "Consent revoked"],
  [SecurityEventKind.ACCESS_TOKEN_REVOKED]: ["存取權杖已撤銷", "Access token revoked"],
};

function Events({ person }: { person: string }) {
  const events = client(SecurityEventService);
  const { value, outcome, reload } = useLoad(() => events.listSecurityEvents({ parent: person, pageSize: 50 }), [person]);
  const list = value?.securityEvents ?? [];
  const en = lang.get() === "en" ? 1 : 0;
  return (
    <Section title="events" id="events">
      <button type="button" class="secondary" onClick={reload}>{t("refresh")}</button>
      <Status outcome={outcome} />
      <Empty when={!!value && list.length === 0} />
      {list.length > 0 && (
        <table>
          <thead><tr><th scope="col">{t("when")}</th><th scope="col">{t("eventKind")}</th><th scope="col">{t("receipt")}</th></tr></thead>
          <tbody>{list.map((ev) => (
            <tr key={ev.name}><td>{formatDate(toDate(ev.createTime))}</td>
              <td>{EVENT_LABEL[ev.kind]?.[en] ?? SecurityEventKind[ev.kind]}{ev.reason ? ` (${ev.reason})` : ""}</td>
              <td class="mono">{ev.anchorReceipt || "—"}</td></tr>
          ))}</tbody>
        </table>
      )}
    </Section>
  );
}

export default function Passport() {
  const who = useSession();
  const person = who?.person.startsWith("people/") ? who.person : "";
  return (
    <>
      <h1 tabIndex={-1}>{t("passport")}</h1>
      <div class="grid2">
        <SignUp />
        <SignIn />
      </div>
      {person && (
        <>
          <Passkeys person={person} />
          <Organisations />
          <Consents person={person} />
          <Events person={person} />
        </>
      )}
    </>
  );
}
