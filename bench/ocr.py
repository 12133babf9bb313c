"""OCR figures (issue 12) over the committed evaluation set, through the gateway; JSON on the last line.

    python bench/ocr.py            # ~3 min here (2 shared cores)
    python bench/ocr.py --quick    # two pictures per set: a smoke run, not a measurement

The server (system, ledger, inference with its built-in OCR models on the
embedded Triton, document) runs in this process on a database of its own;
every model call goes document → gateway → Triton with document's service
token, as in production. The pictures are bench/ocr_eval/images (made by
bench/ocr_eval/generate.py with Noto CJK TC and DejaVu; truth in truth.json).

* cer_clean_zh (target ≤ 0.03), cer_degraded_zh (≤ 0.08), cer_vertical_zh,
  cer_en: character error rate per set, ExtractText with the language hint
  of the set ("zh-TW" or "en"): edit distance between the page's lines in
  reading order and the truth, over the truth's length. Chinese sets ignore
  whitespace; English counts single spaces between words (runs of whitespace
  and line breaks become one space); cer_en_ignoring_spaces beside it.
* cer_clean_zh_no_hint: the clean set read without the hint (no OpenCC
  Simplified → Traditional conversion), to show what the conversion does.
* traditional: how many distinct characters of the zh truth the recognition
  model's dictionary lacks (it can never answer them; OpenCC brings back
  those it reads as their Simplified form), and their share of the clean
  set's characters.
* cer_scans (cer_scans_ignoring_spaces beside it, and per page): three real
  scans (bench/ocr_eval/scans/, sources and licences in its SOURCES.md: a
  public-domain 1884 book page as a PDF, a typewritten page, a 1985
  brochure), English hint; curly quotes, primes and dashes folded to ASCII
  and list bullets dropped on both sides, the rest as for cer_en.
* cer_sideways_zh, cer_sideways_en: the clean zh-TW and the English pages
  turned 90° and 270° (both), read as their sets are.
* pages_per_s: the whole set read one ExtractText after another (sequential,
  one client), and pdf_pages_per_s: the clean pages as one PDF read by
  ExtractDocumentText (rendering at 200 dpi included), polled until done.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import grpc
from PIL import Image
from tritonclient.grpc import service_pb2 as oip
from tritonclient.grpc import service_pb2_grpc as oip_grpc

from bench.host import cpu_model, create_database, drop_database, load_1m
from jipan.document.v1 import document_service_pb2 as dpb
from jipan.document.v1 import document_service_pb2_grpc as dpb_grpc
from jipan.servers import document, inference, ledger, system
from jipan.servers.inference.builtin.ocr import rec_characters
from tests.mesh import make_settings, running_server

SERVER_DSN = os.environ.get("JIPAN_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
EVALUATION = Path(__file__).resolve().parent / "ocr_eval"
MODELS = ("ocr-text-detection", "ocr-text-direction", "ocr-text-recognition")
SETS = ("clean_zh", "degraded_zh", "vertical_zh", "en")
SCANS = EVALUATION / "scans" / "truth.json"
_FOLD = str.maketrans(
    {"‘": "'", "’": "'", "′": "'", "″": '"', "“": '"', "”": '"', "—": "-", "–": "-", "•": None}
)


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def normalised(lines: list[str], *, english: bool, spaces: bool = True) -> str:
    if english and spaces:
        return " ".join(" ".join(lines).split())
    return "".join("".join(lines).split())


def folded(lines: list[str], *, spaces: bool = True) -> str:
    """A scan's lines for comparing: typographic quotes, primes and dashes as ASCII, no bullets."""
    return normalised([line.translate(_FOLD) for line in lines], english=True, spaces=spaces)


def png(picture: Image.Image) -> bytes:
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    return buffer.getvalue()


async def wait_for_models(channel: grpc.aio.Channel, metadata: tuple[tuple[str, str], ...]) -> None:
    gateway = oip_grpc.GRPCInferenceServiceStub(channel)
    deadline = time.monotonic() + 240
    for model in MODELS:
        while True:
            try:
                if (await gateway.ModelReady(oip.ModelReadyRequest(name=model), metadata=metadata)).ready:
                    break
            except grpc.aio.AioRpcError as exc:
                if exc.code() != grpc.StatusCode.NOT_FOUND:
                    raise
            if time.monotonic() > deadline:
                raise SystemExit(f"{model} was not deployed within 240 s")
            await asyncio.sleep(0.5)


class Errors:
    def __init__(self) -> None:
        self.errors = 0
        self.length = 0

    def add(self, expected: str, read: str) -> None:
        self.errors += edit_distance(expected, read)
        self.length += len(expected)

    @property
    def rate(self) -> float:
        return round(self.errors / max(1, self.length), 4)


async def run(args: argparse.Namespace) -> dict[str, Any]:
    truth: list[dict[str, Any]] = json.loads((EVALUATION / "truth.json").read_text(encoding="utf-8"))
    if args.quick:
        truth = [entry for s in SETS for entry in [e for e in truth if e["set"] == s][:2]]
    database, dsn = await create_database(SERVER_DSN, "jipan_bench_ocr")
    try:
        with tempfile.TemporaryDirectory(prefix="jipan-bench-ocr-") as workdir:
            settings = make_settings(
                dsn,
                Path(workdir),
                JIPAN_LEDGER_BATCH_WINDOW_S="0.05",
                JIPAN_INFERENCE_BUILTIN_MODELS="true",
                JIPAN_LOG_LEVEL="warning",
            )
            modules = [system.SERVICE, ledger.SERVICE, inference.SERVICE, document.SERVICE]
            async with (
                running_server(settings, modules) as server,
                grpc.aio.insecure_channel(
                    server.address, options=[("grpc.max_receive_message_length", 16 * 1024 * 1024)]
                ) as channel,
            ):
                say("waiting for the OCR models to deploy")
                await wait_for_models(channel, server.metadata(scopes=["inference.infer"]))
                stub = dpb_grpc.DocumentServiceStub(channel)
                metadata = server.metadata(scopes=["document.ocr"])
                return await measure(stub, metadata, truth)
    finally:
        await drop_database(SERVER_DSN, database)


async def measure(
    stub: dpb_grpc.DocumentServiceAsyncStub,
    metadata: tuple[tuple[str, str], ...],
    truth: list[dict[str, Any]],
) -> dict[str, Any]:
    sets = {name: Errors() for name in SETS}
    en_no_spaces = Errors()
    worst: dict[str, tuple[float, str]] = {}
    say(f"reading {len(truth)} pictures")
    started = time.perf_counter()
    for entry in truth:
        english = entry["set"] == "en"
        content = (EVALUATION / entry["file"]).read_bytes()
        answer = await stub.ExtractText(
            dpb.ExtractTextRequest(content=content, languages=["en" if english else "zh-TW"]),
            metadata=metadata,
        )
        read = [line.text for line in answer.pages[0].lines]
        expected = normalised(entry["lines"], english=english)
        got = normalised(read, english=english)
        sets[entry["set"]].add(expected, got)
        if english:
            en_no_spaces.add(
                normalised(entry["lines"], english=True, spaces=False),
                normalised(read, english=True, spaces=False),
            )
        rate = edit_distance(expected, got) / max(1, len(expected))
        if rate > worst.get(entry["set"], (-1.0, ""))[0]:
            worst[entry["set"]] = (round(rate, 4), f"{entry['file']} ({entry['how']})")
    elapsed = time.perf_counter() - started
    pages_per_s = len(truth) / elapsed

    say("the real scans")
    scans = Errors()
    scans_no_spaces = Errors()
    per_scan: dict[str, float] = {}
    for entry in json.loads(SCANS.read_text(encoding="utf-8")):
        answer = await stub.ExtractText(
            dpb.ExtractTextRequest(
                content=(EVALUATION / entry["file"]).read_bytes(), languages=[entry["language"]]
            ),
            metadata=metadata,
        )
        read = [line.text for page in answer.pages for line in page.lines]
        expected, got = folded(entry["lines"]), folded(read)
        scans.add(expected, got)
        scans_no_spaces.add(folded(entry["lines"], spaces=False), folded(read, spaces=False))
        per_scan[entry["file"]] = round(edit_distance(expected, got) / max(1, len(expected)), 4)

    say("the clean zh-TW and English pages turned 90 and 270 degrees")
    sideways = {"clean_zh": Errors(), "en": Errors()}
    for entry in truth:
        if entry["set"] not in sideways:
            continue
        english = entry["set"] == "en"
        picture = Image.open(EVALUATION / entry["file"])
        for angle in (90, 270):
            answer = await stub.ExtractText(
                dpb.ExtractTextRequest(
                    content=png(picture.rotate(angle, expand=True)), languages=["en" if english else "zh-TW"]
                ),
                metadata=metadata,
            )
            sideways[entry["set"]].add(
                normalised(entry["lines"], english=english),
                normalised([line.text for line in answer.pages[0].lines], english=english),
            )

    say("the clean set again without the zh-TW hint")
    no_hint = Errors()
    clean = [entry for entry in truth if entry["set"] == "clean_zh"]
    for entry in clean:
        answer = await stub.ExtractText(
            dpb.ExtractTextRequest(content=(EVALUATION / entry["file"]).read_bytes()), metadata=metadata
        )
        no_hint.add(
            normalised(entry["lines"], english=False),
            normalised([line.text for line in answer.pages[0].lines], english=False),
        )

    say(f"the {len(clean)} clean pages as one PDF through ExtractDocumentText")
    pictures = [Image.open(EVALUATION / entry["file"]).convert("RGB") for entry in clean]
    buffer = io.BytesIO()
    pictures[0].save(buffer, format="PDF", resolution=200.0, save_all=True, append_images=pictures[1:])
    started = time.perf_counter()
    operation = (
        await stub.ExtractDocumentText(
            dpb.ExtractDocumentTextRequest(content=buffer.getvalue(), languages=["zh-TW"]), metadata=metadata
        )
    ).operation
    while not operation.done:
        await asyncio.sleep(0.2)
        operation = (
            await stub.GetOperation(dpb.GetOperationRequest(name=operation.name), metadata=metadata)
        ).operation
    pdf_s = time.perf_counter() - started
    if operation.WhichOneof("result") != "response":
        raise SystemExit(f"the PDF operation failed: {operation.error}")
    pdf_errors = Errors()
    for entry, read_page in zip(clean, operation.response.pages, strict=True):
        pdf_errors.add(
            normalised(entry["lines"], english=False),
            normalised([line.text for line in read_page.lines], english=False),
        )

    dictionary = set(rec_characters())
    zh_chars = {c for e in truth if e["set"] != "en" for line in e["lines"] for c in line if not c.isspace()}
    missing = sorted(c for c in zh_chars if c not in dictionary)
    clean_chars = [c for e in clean for line in e["lines"] for c in line if not c.isspace()]
    return {
        "cer_clean_zh": sets["clean_zh"].rate,
        "cer_degraded_zh": sets["degraded_zh"].rate,
        "cer_vertical_zh": sets["vertical_zh"].rate,
        "cer_en": sets["en"].rate,
        "cer_en_ignoring_spaces": en_no_spaces.rate,
        "cer_clean_zh_no_hint": no_hint.rate,
        "cer_clean_zh_pdf": pdf_errors.rate,
        "cer_scans": scans.rate,
        "cer_scans_ignoring_spaces": scans_no_spaces.rate,
        "cer_scan_pages": per_scan,
        "cer_sideways_zh": sideways["clean_zh"].rate,
        "cer_sideways_en": sideways["en"].rate,
        "pages_per_s": round(pages_per_s, 3),
        "pdf_pages_per_s": round(len(clean) / pdf_s, 3),
        "pages": {name: sum(1 for e in truth if e["set"] == name) for name in SETS},
        "characters": {name: errors.length for name, errors in sets.items()},
        "worst_page": {name: list(value) for name, value in worst.items()},
        "traditional": {
            "distinct_zh_characters": len(zh_chars),
            "not_in_model_dictionary": len(missing),
            "missing": "".join(missing),
            "clean_share_not_in_dictionary": round(
                sum(c not in dictionary for c in clean_chars) / max(1, len(clean_chars)), 4
            ),
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="two pictures per set: a smoke run")
    args = parser.parse_args()
    load_start = load_1m()
    started = time.monotonic()
    figures = asyncio.run(run(args))
    figures["host"] = {
        "cpu_model": cpu_model(),
        "nproc": os.cpu_count(),
        "loadavg_1m_start_end": [load_start, load_1m()],
        "seconds": round(time.monotonic() - started, 1),
        "quick": args.quick,
    }
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    main()
