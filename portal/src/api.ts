// One Connect transport to the gateway that serves this page (same origin),
// carrying the signed-in person's bearer token; typed clients come from the
// generated service descriptors in gen/ts (protoc-gen-es).
import { Code, ConnectError, createClient, type Client, type Interceptor } from "@connectrpc/connect";
import { createConnectTransport } from "@connectrpc/connect-web";
import type { DescService } from "@bufbuild/protobuf";
import { signal } from "./lib/signal";

export interface Session {
  token: string;
  person: string; // "people/{id}"
  displayName: string;
  userName: string;
  expires: Date | null;
}

function loadSession(): Session | null {
  try {
    const raw = sessionStorage.getItem("jipan.session");
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Session & { expires: string | null };
    return { ...parsed, expires: parsed.expires ? new Date(parsed.expires) : null };
  } catch {
    return null;
  }
}

export const session = signal<Session | null>(loadSession());

export function setSession(next: Session | null): void {
  if (next) sessionStorage.setItem("jipan.session", JSON.stringify(next));
  else sessionStorage.removeItem("jipan.session");
  session.set(next);
}

/** The token's claims, read without verifying (the servers verify it). */
export function tokenClaims(token: string): Record<string, unknown> {
  const part = token.split(".")[1] ?? "";
  const b64 = part.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(part.length / 4) * 4, "=");
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

const bearer: Interceptor = (next) => async (request) => {
  const current = session.get();
  if (current && !request.header.has("authorization")) {
    request.header.set("authorization", `Bearer ${current.token}`);
  }
  return next(request);
};

// The gateway serves the built portal, so calls go to the page's own origin; under
// `vite dev` (port 5173) they go to VITE_JIPAN_GATEWAY, default jipan up's gateway on :8080.
const gateway = import.meta.env.DEV
  ? (import.meta.env.VITE_JIPAN_GATEWAY as string | undefined) || "http://localhost:8080"
  : location.origin;

export const transport = createConnectTransport({
  baseUrl: gateway,
  useBinaryFormat: true,
  interceptors: [bearer],
});

const clients = new Map<DescService, unknown>();

export function client<T extends DescService>(service: T): Client<T> {
  let existing = clients.get(service) as Client<T> | undefined;
  if (!existing) {
    existing = createClient(service, transport);
    clients.set(service, existing);
  }
  return existing;
}

/** A caller-side reason for the error: the ErrorInfo reason if any, else the code's name. */
export interface ShownError {
  code: Code;
  codeName: string;
  reason: string;
  message: string;
}

export function describeError(error: unknown): ShownError {
  const e = ConnectError.from(error);
  let reason = "";
  for (const detail of e.details) {
    // Without the ErrorInfo schema registered, the raw detail carries its type name and bytes.
    if ("type" in detail && detail.type === "google.rpc.ErrorInfo" && detail.debug && typeof detail.debug === "object") {
      reason = String((detail.debug as { reason?: string }).reason ?? "");
    }
  }
  if (!reason) reason = errorInfoReason(e);
  return { code: e.code, codeName: Code[e.code] ?? String(e.code), reason, message: e.rawMessage };
}

function errorInfoReason(e: ConnectError): string {
  for (const detail of e.details) {
    if ("type" in detail && detail.type === "google.rpc.ErrorInfo" && "value" in detail) {
      // ErrorInfo { string reason = 1; ... }: read field 1 by hand (tiny, avoids bundling google/rpc).
      const bytes = detail.value as Uint8Array;
      if (bytes[0] === 0x0a) {
        const length = bytes[1] ?? 0;
        return new TextDecoder().decode(bytes.subarray(2, 2 + length));
      }
    }
  }
  return "";
}

export function isUnimplemented(error: unknown): boolean {
  return ConnectError.from(error).code === Code.Unimplemented;
}
