// Runs the example against the mesh named by the environment (tests/sdks/test_ts.py
// starts one with `jipan up`, seeds it, and runs `node --test` with these variables).
import { test } from "node:test";
import assert from "node:assert/strict";
import { main } from "../example/example";

test("the example against a live mesh", { skip: !process.env.JIPAN_TARGET && "no JIPAN_TARGET" }, async () => {
  const lines: string[] = [];
  await main(process.env, (line: string) => lines.push(line));
  assert.ok(lines.includes(`whoami ${process.env.JIPAN_SERVICE_ACCOUNT}`), lines.join("\n"));
  const expected: string[] = JSON.parse(process.env.JIPAN_EXPECT_HITS ?? "[]");
  const found = lines.filter((l) => l.startsWith("listing ")).map((l) => l.slice("listing ".length));
  assert.deepEqual([...found].sort(), [...expected].sort());
  assert.deepEqual(lines.filter((l) => l.startsWith("page ")), ["page 1 2", "page 2 1"]);
  assert.ok(lines.includes("refused PERMISSION_DENIED SCOPE_MISSING common.jipan.tw"), lines.join("\n"));
  assert.ok(lines.includes("invalid INVALID_ARGUMENT FIELD_INVALID page_size"), lines.join("\n"));
});
