import { Code, ConnectError } from "@connectrpc/connect";
import { durationMs } from "@bufbuild/protobuf/wkt";
import {
  BadRequestSchema,
  ErrorInfoSchema,
  RetryInfoSchema,
} from "../../../gen/ts/google/rpc/error_details_pb";

/** A refused call, with the google.rpc.Status details the mesh sends in grpc-status-details-bin. */
export interface MeshError {
  /** The gRPC code's name, e.g. "PERMISSION_DENIED". */
  code: string;
  message: string;
  /** ErrorInfo: the service's ErrorReason name, its fixed domain, dynamic metadata. */
  reason?: string;
  domain?: string;
  metadata: Record<string, string>;
  /** BadRequest field violations. */
  fieldViolations: { field: string; description: string; reason: string }[];
  /** RetryInfo: how long to wait before retrying, in milliseconds. */
  retryDelayMs?: number;
}

const CODE_NAMES: Record<number, string> = Object.fromEntries(
  Object.entries(Code)
    .filter(([, v]) => typeof v === "number")
    .map(([k, v]) => [v as number, k.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase()]),
);

/** Decodes a thrown error (any value) into a MeshError. */
export function meshError(err: unknown): MeshError {
  const e = ConnectError.from(err);
  const info = e.findDetails(ErrorInfoSchema)[0];
  const bad = e.findDetails(BadRequestSchema)[0];
  const retry = e.findDetails(RetryInfoSchema)[0];
  return {
    code: CODE_NAMES[e.code] ?? String(e.code),
    message: e.rawMessage,
    reason: info?.reason,
    domain: info?.domain,
    metadata: info?.metadata ?? {},
    fieldViolations: (bad?.fieldViolations ?? []).map((v) => ({
      field: v.field,
      description: v.description,
      reason: v.reason,
    })),
    retryDelayMs: retry?.retryDelay ? durationMs(retry.retryDelay) : undefined,
  };
}
