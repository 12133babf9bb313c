// The thin hand-written layer of the Jipan TypeScript SDK. The messages and
// service descriptors are generated (gen/ts, protoc-gen-es); the wire is
// @connectrpc/connect-node's gRPC transport.
export { createMeshTransport, type MeshTransportOptions } from "./transport";
export { serviceAccountTokens, staticToken, type TokenSource, type ServiceAccountOptions } from "./credentials";
export { meshError, type MeshError } from "./errors";
export { createClient, ConnectError, Code } from "@connectrpc/connect";
