// Vite builds the portal into dist/, which `jipan up`'s gateway serves at `/`.
// The generated messages and service descriptors come from ../gen/ts (protoc-gen-es,
// the same code the TypeScript SDK uses); their @bufbuild/protobuf imports are
// resolved from this package so one copy is bundled.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  base: "/",
  resolve: {
    alias: { "@gen": here("../gen/ts") },
    dedupe: ["@bufbuild/protobuf", "@connectrpc/connect", "preact"],
  },
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  server: { fs: { allow: [here("..")] } },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
    reportCompressedSize: true,
  },
});
