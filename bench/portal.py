"""The portal's first load per page: time to interactive and JavaScript shipped (gzip).

    JIPAN_TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres \\
        .venv/bin/python -m bench.portal [--repeats 5]

One `jipan up` (every service, dev mode, its Connect gateway serving the built
portal/dist on a `localhost` port) on a fresh database, seeded as
tests/portal/test_portal_browser.py does. portal/test/browser.mjs, in
Debian's Chromium (playwright-core), opens each page `repeats` times, each in a
new browser context (cold cache, signed in through sessionStorage):

- interactive_ms: from navigation start to the portal's `jipan-ready:<page>`
  performance mark, set in the first animation frame after the page's module
  is loaded and rendered (targets: <= 1500 ms on localhost);
- js_gzip_kb: every .js response of that load, gzip -9 (target <= 300 kB);
  js_kb is the bytes decoded; js_wire_kb the bytes that crossed the wire (the
  build's pre-compressed .br siblings, Chromium asking for brotli), with
  js_encodings the Content-Encoding the gateway sent.

The figures per page are the median over the rounds; the last line is JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import tempfile
from pathlib import Path

from bench.host import cpu_model, create_database, drop_database
from tests.portal.test_portal_browser import CHROMIUM, NODE, PORTAL, running_portal_mesh


async def measure(server_dsn: str, repeats: int) -> dict[str, object]:
    if CHROMIUM is None or NODE is None or not (PORTAL / "dist" / "index.html").exists():
        raise SystemExit("needs chromium, node and the built portal (scripts/bootstrap)")
    name, dsn = await create_database(server_dsn, "jipan_bench_portal")
    try:
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            async with running_portal_mesh(dsn, work / "mesh") as mesh:
                config = {
                    "base_url": mesh.base_url,
                    "chromium": CHROMIUM,
                    "out_dir": str(work / "out"),
                    "staff_token": mesh.staff_token,
                    "perf_only": True,
                    "repeats": repeats,
                }
                (work / "config.json").write_text(json.dumps(config))
                done = await asyncio.to_thread(
                    subprocess.run,
                    [NODE, str(PORTAL / "test" / "browser.mjs"), str(work / "config.json")],
                    capture_output=True,
                    text=True,
                    timeout=600,
                    cwd=PORTAL,
                )
                if done.returncode != 0:
                    raise SystemExit(done.stdout + done.stderr)
                results = json.loads((work / "out" / "results.json").read_text())
    finally:
        await drop_database(server_dsn, name)
    pages: dict[str, dict[str, float]] = {}
    for page, perf in results["perf"].items():
        rounds = results["rounds"][page]
        pages[page] = {
            "interactive_ms": round(statistics.median(r["interactive_ms"] for r in rounds), 1),
            "interactive_ms_max": round(max(r["interactive_ms"] for r in rounds), 1),
            "js_kb": round(perf["js_bytes"] / 1024, 1),
            "js_gzip_kb": round(perf["js_gzip_bytes"] / 1024, 1),
            "js_wire_kb": round(perf["js_transfer_bytes"] / 1024, 1),
            "js_encodings": perf["js_encodings"],
            "js_files": perf["js_files"],
        }
    return {
        "pages": pages,
        "interactive_ms_worst_page": max(p["interactive_ms"] for p in pages.values()),
        "js_gzip_kb_worst_page": max(p["js_gzip_kb"] for p in pages.values()),
        "repeats": repeats,
        "cpu": cpu_model(),
        "load_1m": os.getloadavg()[0],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    server_dsn = os.environ.get("JIPAN_TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
    result = asyncio.run(measure(server_dsn, args.repeats))
    pages: dict[str, dict[str, float]] = result["pages"]  # type: ignore[assignment]
    for page, figures in pages.items():
        print(
            f"{page:12s} interactive {figures['interactive_ms']:7.1f} ms"
            f"  JS {figures['js_gzip_kb']:6.1f} kB gzip"
            f"  {figures['js_wire_kb']:6.1f} kB on the wire {figures['js_encodings']}"
        )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
