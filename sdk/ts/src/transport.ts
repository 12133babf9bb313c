import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Interceptor, Transport } from "@connectrpc/connect";
import { createGrpcTransport } from "@connectrpc/connect-node";
import type { TokenSource } from "./credentials";

/** How to reach the mesh. */
export interface MeshTransportOptions {
  /** host:port of the mesh (or of its TLS-terminating sidecar). */
  target: string;
  /** PEM file of the roots that verify the server: TLS when given, plaintext (h2c) otherwise. */
  caFile?: string;
  /** mTLS: PEM client certificate chain and key files (with caFile). */
  certFile?: string;
  keyFile?: string;
  /** Bearer token for every call (see serviceAccountTokens). */
  tokens?: TokenSource;
  /** Deadline of a call that sets none, in milliseconds (default 10 000). */
  defaultTimeoutMs?: number;
  /** Extra interceptors, run after the SDK's own. */
  interceptors?: Interceptor[];
}

/** Sets x-request-id (the mesh echoes it and logs it) unless the caller already did. */
export const requestIdInterceptor: Interceptor = (next) => async (req) => {
  if (!req.header.has("x-request-id")) req.header.set("x-request-id", randomUUID());
  return next(req);
};

/** Attaches `authorization: Bearer <token>` from a token source. */
export function bearerInterceptor(tokens: TokenSource): Interceptor {
  return (next) => async (req) => {
    req.header.set("authorization", `Bearer ${await tokens()}`);
    return next(req);
  };
}

/** A gRPC (HTTP/2) transport to the mesh: TLS/mTLS options, request id, deadline, bearer token. */
export function createMeshTransport(options: MeshTransportOptions): Transport {
  const tls = options.caFile !== undefined;
  if (!tls && (options.certFile || options.keyFile)) {
    throw new Error("mTLS (certFile/keyFile) needs caFile: a client certificate is only sent over TLS");
  }
  const interceptors: Interceptor[] = [requestIdInterceptor];
  if (options.tokens) interceptors.push(bearerInterceptor(options.tokens));
  interceptors.push(...(options.interceptors ?? []));
  return createGrpcTransport({
    baseUrl: `${tls ? "https" : "http"}://${options.target}`,
    defaultTimeoutMs: options.defaultTimeoutMs ?? 10_000,
    interceptors,
    nodeOptions: tls
      ? {
          ca: readFileSync(options.caFile as string),
          cert: options.certFile ? readFileSync(options.certFile) : undefined,
          key: options.keyFile ? readFileSync(options.keyFile) : undefined,
        }
      : {},
  });
}
