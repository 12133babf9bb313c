// Sealed bids in the browser, bit-compatible with clients/sealing.py
// (format "jipan.sealed-bid.v1"): AES-256-GCM content encryption under a
// random key, the key split by Shamir over GF(2^8) (0x11B, generator 0x03),
// each share sealed to its committee member's X25519 key with HPKE (RFC 9180
// base mode: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM), share
// commitments SHA-256("jipan.sealed-bid.v1/share\0" || x || y), and the
// canonical JSON of Python's json.dumps(sort_keys, separators=(",", ":"),
// ensure_ascii=True). Everything runs on WebCrypto; the plaintext never leaves
// the browser unencrypted.

export const FORMAT = "jipan.sealed-bid.v1";
export const SUITE = "shamir-gf256+hpke-x25519-hkdf-sha256-aes256gcm+aes256gcm";
const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const MIN_THRESHOLD = 2;
const MAX_MEMBERS = 255;

type Bytes = Uint8Array<ArrayBuffer>;
const enc = new TextEncoder();
const subtle = globalThis.crypto.subtle;

function concat(...parts: Bytes[]): Bytes {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) { out.set(p, offset); offset += p.length; }
  return out;
}

function b64(bytes: Bytes): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function random(n: number): Bytes {
  return globalThis.crypto.getRandomValues(new Uint8Array(n));
}

// --- canonical JSON (Python json.dumps(sort_keys=True, separators=(",", ":"), ensure_ascii=True))

type Json = string | number | Json[] | { [key: string]: Json };

export function canonicalJson(value: Json): string {
  if (typeof value === "string") {
    // JSON.stringify escapes quotes, backslashes and controls as Python does;
    // ensure_ascii additionally escapes DEL and everything above ASCII, per UTF-16 unit, lower-case hex.
    return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
  }
  if (typeof value === "number") {
    if (!Number.isInteger(value)) throw new Error("only integers are canonical here");
    return String(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  // Python sorts keys by code point; these keys are ASCII, where that is JS's default order.
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${canonicalJson(k)}:${canonicalJson(value[k]!)}`).join(",")}}`;
}

const ascii = (s: string): Bytes => enc.encode(s);

// --- GF(2^8) and Shamir

const EXP = new Uint8Array(510);
const LOG = new Uint8Array(256);
{
  let value = 1;
  for (let power = 0; power < 255; power++) {
    EXP[power] = value;
    LOG[value] = power;
    let doubled = value << 1;
    if (doubled & 0x100) doubled ^= 0x11b;
    value = doubled ^ value;
  }
  for (let power = 255; power < 510; power++) EXP[power] = EXP[power - 255]!;
}

function gfMul(a: number, b: number): number {
  return a === 0 || b === 0 ? 0 : EXP[LOG[a]! + LOG[b]!]!;
}

export function split(secret: Bytes, threshold: number, count: number): [number, Bytes][] {
  const coefficients = Array.from({ length: threshold - 1 }, () => random(secret.length));
  const shares: [number, Bytes][] = [];
  for (let x = 1; x <= count; x++) {
    const y = new Uint8Array(secret.length);
    for (let position = 0; position < secret.length; position++) {
      let accumulator = 0;
      for (let i = coefficients.length - 1; i >= 0; i--) accumulator = gfMul(accumulator, x) ^ coefficients[i]![position]!;
      y[position] = gfMul(accumulator, x) ^ secret[position]!;
    }
    shares.push([x, y]);
  }
  return shares;
}

// --- HKDF-SHA256 and HPKE (RFC 9180), base mode, single shot

async function hmac(key: Bytes, data: Bytes): Promise<Bytes> {
  // An empty salt is HashLen zero bytes (RFC 5869), which is also what HMAC pads an empty key to.
  const k = await subtle.importKey("raw", key.length ? key : new Uint8Array(32), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return new Uint8Array(await subtle.sign("HMAC", k, data));
}

async function expand(prk: Bytes, info: Bytes, length: number): Promise<Bytes> {
  const out: Bytes[] = [];
  let previous = new Uint8Array(0);
  for (let i = 1; out.length * 32 < length; i++) {
    previous = await hmac(prk, concat(previous, info, new Uint8Array([i])));
    out.push(previous);
  }
  return concat(...out).slice(0, length);
}

const i2osp2 = (n: number): Bytes => new Uint8Array([(n >> 8) & 0xff, n & 0xff]);
const KEM_ID = 0x0020; // DHKEM(X25519, HKDF-SHA256)
const KDF_ID = 0x0001; // HKDF-SHA256
const AEAD_ID = 0x0002; // AES-256-GCM
const KEM_SUITE = concat(ascii("KEM"), i2osp2(KEM_ID));
const HPKE_SUITE = concat(ascii("HPKE"), i2osp2(KEM_ID), i2osp2(KDF_ID), i2osp2(AEAD_ID));
const HPKE_V1 = ascii("HPKE-v1");

const labeledExtract = (suite: Bytes, salt: Bytes, label: string, ikm: Bytes) =>
  hmac(salt, concat(HPKE_V1, suite, ascii(label), ikm));
const labeledExpand = (suite: Bytes, prk: Bytes, label: string, info: Bytes, length: number) =>
  expand(prk, concat(i2osp2(length), HPKE_V1, suite, ascii(label), info), length);

/** HPKE base-mode single-shot seal to a raw X25519 public key: enc (32 bytes) || AES-256-GCM(pt). */
export async function hpkeSeal(recipient: Bytes, info: Bytes, plaintext: Bytes): Promise<Bytes> {
  const pkR = await subtle.importKey("raw", recipient, { name: "X25519" }, true, []);
  const ephemeral = (await subtle.generateKey({ name: "X25519" }, true, ["deriveBits"])) as CryptoKeyPair;
  const encapsulated = new Uint8Array(await subtle.exportKey("raw", ephemeral.publicKey));
  const dh = new Uint8Array(await subtle.deriveBits({ name: "X25519", public: pkR }, ephemeral.privateKey, 256));
  if (dh.every((b) => b === 0)) throw new Error("unusable public key");
  const kemContext = concat(encapsulated, recipient);
  const eaePrk = await labeledExtract(KEM_SUITE, new Uint8Array(0), "eae_prk", dh);
  const sharedSecret = await labeledExpand(KEM_SUITE, eaePrk, "shared_secret", kemContext, 32);
  const empty = new Uint8Array(0);
  const pskIdHash = await labeledExtract(HPKE_SUITE, empty, "psk_id_hash", empty);
  const infoHash = await labeledExtract(HPKE_SUITE, empty, "info_hash", info);
  const context = concat(new Uint8Array([0]), pskIdHash, infoHash);
  const secret = await labeledExtract(HPKE_SUITE, sharedSecret, "secret", empty);
  const key = await labeledExpand(HPKE_SUITE, secret, "key", context, 32);
  const baseNonce = await labeledExpand(HPKE_SUITE, secret, "base_nonce", context, 12);
  const aesKey = await subtle.importKey("raw", key, { name: "AES-GCM" }, false, ["encrypt"]);
  const ct = new Uint8Array(await subtle.encrypt({ name: "AES-GCM", iv: baseNonce }, aesKey, plaintext));
  return concat(encapsulated, ct);
}

// --- the sealed bid

export interface Member { memberId: string; publicKey: Uint8Array }

export interface SealedBid {
  bytes: Bytes; // canonical serialisation (what SubmitBid takes)
  commitment: Bytes; // SHA-256 of bytes (what the ledger anchors)
}

async function sha256(data: Bytes): Promise<Bytes> {
  return new Uint8Array(await subtle.digest("SHA-256", data));
}

function checkName(value: string, field: string): string {
  if (!value || value.length > 512) throw new Error(`${field} must be a non-empty string of at most 512 characters`);
  return value;
}

export async function sealBid(
  plaintextIn: Uint8Array,
  opts: { tender: string; bidder: string; bidId: string; members: Member[]; threshold: number },
): Promise<SealedBid> {
  const tender = checkName(opts.tender, "tender");
  const bidder = checkName(opts.bidder, "bidder");
  const bidId = checkName(opts.bidId, "bid_id");
  const count = opts.members.length;
  if (count < 1 || count > MAX_MEMBERS) throw new Error(`between 1 and ${MAX_MEMBERS} members are required`);
  if (!Number.isInteger(opts.threshold) || opts.threshold < MIN_THRESHOLD || opts.threshold > count) {
    throw new Error(`threshold must be between ${MIN_THRESHOLD} and ${count}`);
  }
  const ids = new Set(opts.members.map((m) => m.memberId));
  if (ids.size !== count) throw new Error("a member is listed twice");
  const keys = new Set(opts.members.map((m) => b64(new Uint8Array(m.publicKey))));
  if (keys.size !== count) throw new Error("a member reuses another member's public key");

  const plaintext = new Uint8Array(plaintextIn);
  const contentKey = random(KEY_BYTES);
  const shares = split(contentKey, opts.threshold, count);
  const recipients: { [key: string]: Json }[] = [];
  for (let i = 0; i < count; i++) {
    const member = { memberId: opts.members[i]!.memberId, publicKey: new Uint8Array(opts.members[i]!.publicKey) };
    checkName(member.memberId, "member_id");
    if (member.publicKey.length !== 32) throw new Error(`public key of member ${member.memberId} is not a raw X25519 key`);
    const [x, y] = shares[i]!;
    const info = concat(
      ascii(`${FORMAT}/share-seal\0`),
      ascii(canonicalJson({ tender, bidder, bid_id: bidId, member_id: member.memberId, x })),
    );
    const sealedShare = await hpkeSeal(member.publicKey, info, concat(new Uint8Array([x]), y));
    const shareHash = await sha256(concat(ascii(`${FORMAT}/share\0`), new Uint8Array([x]), y));
    recipients.push({
      member_id: member.memberId,
      public_key: b64(member.publicKey),
      x,
      share_hash: b64(shareHash),
      sealed_share: b64(sealedShare),
    });
  }
  const nonce = random(NONCE_BYTES);
  const header: { [key: string]: Json } = {
    format: FORMAT,
    suite: SUITE,
    tender,
    bidder,
    bid_id: bidId,
    threshold: opts.threshold,
    nonce: b64(nonce),
    recipients,
  };
  const aad = concat(ascii(`${FORMAT}/content\0`), ascii(canonicalJson(header)));
  const aesKey = await subtle.importKey("raw", contentKey, { name: "AES-GCM" }, false, ["encrypt"]);
  const ciphertext = new Uint8Array(await subtle.encrypt({ name: "AES-GCM", iv: nonce, additionalData: aad }, aesKey, plaintext));
  contentKey.fill(0);
  const bytes = ascii(canonicalJson({ ...header, ciphertext: b64(ciphertext) }));
  return { bytes, commitment: await sha256(bytes) };
}
