// Seals stdin's JSON request with the portal's WebCrypto sealing (src/lib/sealing.ts,
// compiled by tsc into the folder given as argv[2]) and prints the sealed bytes as base64.
// tests/portal/test_sealing_compat.py opens the result with clients/sealing.py.
import { pathToFileURL } from "node:url";
import { readFileSync } from "node:fs";

const { sealBid, canonicalJson } = await import(pathToFileURL(`${process.argv[2]}/sealing.js`).href);
const request = JSON.parse(readFileSync(0, "utf8"));
const members = request.members.map((m) => ({ memberId: m.member_id, publicKey: Buffer.from(m.public_key, "base64") }));
const sealed = await sealBid(new Uint8Array(Buffer.from(request.plaintext, "base64")), {
  tender: request.tender, bidder: request.bidder, bidId: request.bid_id, members, threshold: request.threshold,
});
process.stdout.write(JSON.stringify({
  sealed: Buffer.from(sealed.bytes).toString("base64"),
  commitment: Buffer.from(sealed.commitment).toString("base64"),
  canonical: request.canonical_probe ? canonicalJson(request.canonical_probe) : null,
}));
