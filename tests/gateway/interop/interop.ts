// connect-es's own Connect-protocol client (the transport connect-web shares its
// protocol code with) calling the mesh through the Connect gateway, with the
// generated gen/ts descriptors. tests/gateway/test_interop.py compiles and runs
// it, once with JSON and once with the binary format, and reads its lines:
//   JIPAN_GATEWAY_URL=http://localhost:8080 JIPAN_TOKEN=... JIPAN_BINARY=0 node dist/.../interop.js
import { Code, ConnectError, createClient, type Interceptor } from "@connectrpc/connect";
import { createConnectTransport } from "@connectrpc/connect-node";
import { SystemService } from "../../../gen/ts/jipan/system/v1/system_service_pb";
import { LedgerService } from "../../../gen/ts/jipan/ledger/v1/ledger_service_pb";
import { BadRequestSchema, ErrorInfoSchema } from "../../../gen/ts/google/rpc/error_details_pb";

function transport(token: string | undefined) {
  const bearer: Interceptor = (next) => async (req) => {
    if (token) req.header.set("Authorization", `Bearer ${token}`);
    return next(req);
  };
  return createConnectTransport({
    baseUrl: process.env.JIPAN_GATEWAY_URL!,
    httpVersion: "1.1",
    useBinaryFormat: process.env.JIPAN_BINARY === "1",
    interceptors: [bearer],
  });
}

async function refused(print: (line: string) => void, label: string, call: () => Promise<unknown>) {
  try {
    await call();
    print(`${label} succeeded`);
  } catch (err) {
    const e = ConnectError.from(err);
    const info = e.findDetails(ErrorInfoSchema)[0];
    const fields = e.findDetails(BadRequestSchema)[0]?.fieldViolations.map((v) => v.field) ?? [];
    print(`${label} ${Code[e.code]} ${info?.reason ?? "-"} ${info?.domain ?? "-"} ${fields.join(",")}`.trim());
  }
}

export async function main(print = console.log): Promise<void> {
  const authorised = transport(process.env.JIPAN_TOKEN);
  const system = createClient(SystemService, authorised);
  const ledger = createClient(LedgerService, authorised);

  const who = await system.getWhoAmI({});
  print(`whoami ${who.principal?.subject}`);

  const digest = new Uint8Array(32).map((_, i) => i + 7);
  const verified = await ledger.verifyDigest({ digest });
  print(`verified ${verified.anchored}`);

  await refused(print, "invalid", () => ledger.verifyDigest({ digest: new Uint8Array(3) }));
  await refused(print, "anonymous", () => createClient(SystemService, transport(undefined)).getWhoAmI({}));

  // A server stream: the first (empty) message says the watch is on; the deadline ends it.
  let messages = 0;
  try {
    for await (const _message of ledger.watchAnchors({}, { timeoutMs: 600 })) messages++;
    print(`watch ended cleanly after ${messages}`);
  } catch (err) {
    print(`watch ${messages} ${Code[ConnectError.from(err).code]}`);
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
