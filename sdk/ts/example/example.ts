// The TypeScript SDK example: a service-account token, GetWhoAmI, a paginated
// SearchListings in Chinese, and two refused calls with their error details.
//   JIPAN_TARGET=127.0.0.1:50051 JIPAN_TOKEN_ISSUER=... JIPAN_SERVICE_ACCOUNT=services/... \
//   JIPAN_SERVICE_ACCOUNT_KEY_FILE=key.pem node dist/sdk/ts/example/example.js
import { createClient, createMeshTransport, meshError, serviceAccountTokens } from "../src";
import { SystemService } from "../../../gen/ts/jipan/system/v1/system_service_pb";
import { CatalogService } from "../../../gen/ts/jipan/procurement/v1/catalog_service_pb";

export async function main(env: NodeJS.ProcessEnv = process.env, print = console.log): Promise<void> {
  const target = env.JIPAN_TARGET ?? "127.0.0.1:50051";
  // TLS when JIPAN_TLS_CA_FILE is set; mTLS with JIPAN_TLS_CERT_FILE and JIPAN_TLS_KEY_FILE too.
  const tls = {
    caFile: env.JIPAN_TLS_CA_FILE || undefined,
    certFile: env.JIPAN_TLS_CERT_FILE || undefined,
    keyFile: env.JIPAN_TLS_KEY_FILE || undefined,
  };
  const tokens = serviceAccountTokens({
    serviceAccount: env.JIPAN_SERVICE_ACCOUNT!,
    keyFile: env.JIPAN_SERVICE_ACCOUNT_KEY_FILE!,
    issuer: env.JIPAN_TOKEN_ISSUER!,
    identity: createMeshTransport({ target, ...tls }),
    scopes: ["procurement.read"],
  });
  const transport = createMeshTransport({ target, tokens, ...tls });

  const system = createClient(SystemService, transport);
  const seconds = Number(env.JIPAN_BENCH_SECONDS ?? "0");
  if (seconds > 0) {
    // GetWhoAmI round trips per second from N concurrent callers (bench/sdks.py).
    await system.getWhoAmI({});
    const end = Date.now() + seconds * 1000;
    const start = Date.now();
    let done = 0;
    const worker = async () => {
      while (Date.now() < end) {
        await system.getWhoAmI({});
        done++;
      }
    };
    await Promise.all(Array.from({ length: Number(env.JIPAN_BENCH_CONCURRENCY ?? "16") }, worker));
    print(`rps ${(done / ((Date.now() - start) / 1000)).toFixed(1)}`);
    return;
  }
  const who = await system.getWhoAmI({});
  print(`whoami ${who.principal?.subject}`);

  const catalog = createClient(CatalogService, transport);
  const query = env.JIPAN_EXAMPLE_QUERY ?? "雲端備份";
  const pageSize = Number(env.JIPAN_EXAMPLE_PAGE_SIZE ?? "2");
  let pageToken = "";
  let page = 0;
  do {
    const response = await catalog.searchListings({ query, pageSize, pageToken });
    print(`page ${++page} ${response.listings.length}`);
    for (const listing of response.listings) print(`listing ${listing.name}`);
    pageToken = response.nextPageToken;
  } while (pageToken);

  try {
    await catalog.createLot({ lot: { displayName: "不允許" } });
  } catch (err) {
    const e = meshError(err);
    print(`refused ${e.code} ${e.reason} ${e.domain}`);
  }
  try {
    await catalog.searchListings({ query, pageSize: -1 });
  } catch (err) {
    const e = meshError(err);
    print(`invalid ${e.code} ${e.reason} ${e.fieldViolations.map((v) => v.field).join(" ")}`);
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
