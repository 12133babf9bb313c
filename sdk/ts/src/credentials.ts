import { randomBytes, createPrivateKey, createPublicKey } from "node:crypto";
import { readFileSync } from "node:fs";
import { timestampMs } from "@bufbuild/protobuf/wkt";
import { createClient, type Transport } from "@connectrpc/connect";
import { TokenService } from "../../../gen/ts/jipan/identity/v1/token_service_pb";

/** Something that yields a current access token (awaited before every call). */
export type TokenSource = () => Promise<string>;

/** A fixed token (e.g. from `jipan token --dev`). */
export function staticToken(token: string): TokenSource {
  return async () => token;
}

export interface ServiceAccountOptions {
  /** The account, "services/{id}". */
  serviceAccount: string;
  /** PEM (PKCS#8) Ed25519 private key whose public key is registered for the account. */
  keyFile: string;
  /** Identity's issuer: the assertion's audience. */
  issuer: string;
  /** A transport to identity (no token on it: the assertion is the credential). */
  identity: Transport;
  /** Scopes asked for (at most the account's). */
  scopes?: string[];
  /** Renew this long before expiry (default 60 s). */
  renewBeforeMs?: number;
}

const ASSERTION_LIFETIME_S = 60;

/**
 * Service-account credentials, as jipan.clients.service_tokens does in Python:
 * a short RFC 7523 assertion signed EdDSA with the account's key (header `kid`
 * its RFC 7638 JWK thumbprint, `jti` used once) is exchanged at
 * TokenService.IssueServiceAccountToken for an access token, cached and
 * renewed before it expires; concurrent callers share one renewal.
 */
export function serviceAccountTokens(options: ServiceAccountOptions): TokenSource {
  const privateKey = createPrivateKey(readFileSync(options.keyFile));
  if (privateKey.asymmetricKeyType !== "ed25519") throw new Error(`${options.keyFile} is not an Ed25519 key`);
  const tokens = createClient(TokenService, options.identity);
  const renewBefore = options.renewBeforeMs ?? 60_000;
  let cached: { token: string; expiresMs: number } | undefined;
  let pending: Promise<string> | undefined;

  async function issue(): Promise<string> {
    const jose = await import("jose"); // ESM-only; loaded on first use
    const kid = await jose.calculateJwkThumbprint(createPublicKey(privateKey).export({ format: "jwk" }) as never);
    const now = Math.floor(Date.now() / 1000);
    const assertion = await new jose.SignJWT({ jti: randomBytes(16).toString("hex") })
      .setProtectedHeader({ alg: "EdDSA", kid })
      .setIssuer(options.serviceAccount)
      .setSubject(options.serviceAccount)
      .setAudience(options.issuer)
      .setIssuedAt(now)
      .setExpirationTime(now + ASSERTION_LIFETIME_S)
      .sign(privateKey);
    const response = await tokens.issueServiceAccountToken({ assertion, scopes: options.scopes ?? [] });
    const expiresMs = response.expireTime ? timestampMs(response.expireTime) : Date.now() + 300_000;
    cached = { token: response.accessToken, expiresMs };
    return response.accessToken;
  }

  return async () => {
    if (cached && cached.expiresMs - renewBefore > Date.now()) return cached.token;
    pending ??= issue().finally(() => {
      pending = undefined;
    });
    return pending;
  };
}
