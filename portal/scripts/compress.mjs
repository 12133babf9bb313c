// After `vite build`: a brotli (.br) and a gzip (.gz) copy of every text file in dist/, beside it,
// which the gateway (servers/gateway/static.py, through aiohttp's FileResponse) sends to browsers
// that accept them. Node's own zlib does both (brotli at quality 11, gzip at level 9); a copy is
// kept only when it is smaller than the file.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const root = new URL("../dist/", import.meta.url).pathname;
const TEXT = /\.(js|mjs|css|html|svg|json|map|txt|webmanifest)$/;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (TEXT.test(name)) yield path;
  }
}

let raw = 0, br = 0, gz = 0;
for (const path of files(root)) {
  const body = readFileSync(path);
  const brotli = brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  });
  const gzip = gzipSync(body, { level: 9 });
  raw += body.length;
  if (brotli.length < body.length) { writeFileSync(`${path}.br`, brotli); br += brotli.length; }
  if (gzip.length < body.length) { writeFileSync(`${path}.gz`, gzip); gz += gzip.length; }
}
console.log(`compressed dist/: ${raw} bytes of text, ${br} as brotli, ${gz} as gzip`);
