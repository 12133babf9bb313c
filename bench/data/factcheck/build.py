"""Builds factchecks.jsonl and queries.jsonl (both committed) from the hand-written source_*.txt.

source_a.txt: zh-TW fact-check ||| a LINE-style forward in Chinese ||| an English question
source_b.txt: zh-TW fact-check ||| a LINE-style forward in Chinese ||| a Chinese paraphrase
source_c.txt: en fact-check ||| an English paraphrase ||| a Chinese message (en fact-check, zh query)
source_nomatch.txt: language ||| a plausible message that no fact-check here answers

The LINE forwards get the decoration such messages carry (emoji, links,
"請轉傳"), cycling through the templates below; every fourth Chinese
forward is turned into Simplified characters (OpenCC t2s: content copied
from mainland sources) and every seventh into full-width Latin letters and
digits. The split is by topic: topics whose number ends in 1, 4, 7 or 9 (and
the same for no-match queries) are HELD OUT (40 %): never used to fit
calibration or choose a default threshold.

Usage: .venv/bin/python bench/data/factcheck/build.py
"""

from __future__ import annotations

import json
from pathlib import Path

import opencc

HERE = Path(__file__).parent
ORGS = ("orgs/tfc", "orgs/cofacts", "orgs/mygopen")
LINE = (
    "‼️‼️緊急通知‼️‼️\n{t}\n請大家轉傳給親友🙏🙏 https://bit.ly/3k{n}Xq",
    "{t}😱😱😱 趕快分享出去！！！",
    "【轉傳】{t} 👉 https://line.me/R/ti/p/@news{n}",
    "{t}～～～ 我也是朋友傳來的，大家小心⚠️⚠️",
    "🔥🔥{t}🔥🔥 詳情：https://reurl.cc/a{n}b",
    "{t}",
    "各位親朋好友注意❗❗ {t} 不看後悔，請轉發",
    "Fwd: {t} ✅✅✅",
)
EN_LINE = (
    "{t}",
    "Please share this with everyone!! {t} 🙏 http://tinyurl.com/x{n}",
    "FWD FWD {t} 😱😱",
)
HELD_OUT_DIGITS = {1, 4, 7, 9}
# Topics that are the same claim in both languages: a query about one is rightly answered by either.
SAME_CLAIM = (
    ("在加油站講手機會引起爆炸", "Cell phones do not cause gas station fires"),
    ("喝大量開水可以治療新冠肺炎", "Drinking warm water every 15 minutes"),
    ("吃苦瓜可以降血糖取代糖尿病藥物", "Eating bitter melon does not replace insulin"),
    ("喝酒可以消毒殺死體內病毒", "Drinking alcohol does not protect against COVID-19"),
)


def full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isalnum() else c for c in text)


def split(number: int) -> str:
    return "heldout" if number % 10 in HELD_OUT_DIGITS else "train"


def rows(name: str) -> list[list[str]]:
    lines = (HERE / name).read_text(encoding="utf-8").splitlines()
    return [[part.strip() for part in line.split("|||")] for line in lines if line.strip()]


def main() -> None:
    to_simplified = opencc.OpenCC("t2s")
    factchecks: list[dict[str, object]] = []
    queries: list[dict[str, object]] = []
    topic = 0
    zh_line = 0
    for section, name in (("a", "source_a.txt"), ("b", "source_b.txt"), ("c", "source_c.txt")):
        for index, (claim, first, second) in enumerate(rows(name), start=1):
            topic += 1
            fc_id = f"fc-{section}{index:03d}"
            fc_language = "en" if section == "c" else "zh-TW"
            factchecks.append(
                {
                    "id": fc_id,
                    "text": claim,
                    "language": fc_language,
                    "organization": ORGS[topic % 3],
                    "published": topic % 11 != 0,
                }
            )
            if section in "ab":
                zh_line += 1
                text = LINE[zh_line % len(LINE)].format(t=first, n=topic)
                if zh_line % 4 == 0:
                    text = to_simplified.convert(text)
                elif zh_line % 7 == 0:
                    text = full_width(text)
                queries.append(_query(f"q-{section}{index:03d}-line", text, "zh-TW", "line", fc_id, topic))
                if section == "a":
                    queries.append(_query(f"q-{section}{index:03d}-en", second, "en", "cross", fc_id, topic))
                else:
                    queries.append(
                        _query(f"q-{section}{index:03d}-para", second, "zh-TW", "paraphrase", fc_id, topic)
                    )
            else:
                text = EN_LINE[index % len(EN_LINE)].format(t=first, n=topic)
                queries.append(_query(f"q-{section}{index:03d}-para", text, "en", "paraphrase", fc_id, topic))
                zh = to_simplified.convert(second) if index % 3 == 0 else second
                queries.append(_query(f"q-{section}{index:03d}-zh", zh, "zh-TW", "cross", fc_id, topic))
    by_text = {str(f["text"]): str(f["id"]) for f in factchecks}
    for zh_part, en_part in SAME_CLAIM:
        zh_id = next(i for t, i in by_text.items() if zh_part in t)
        en_id = next(i for t, i in by_text.items() if en_part in t)
        for q in queries:
            targets = q["targets"]
            assert isinstance(targets, list)
            if zh_id in targets or en_id in targets:
                q["targets"] = sorted({zh_id, en_id})
    for index, (language, text) in enumerate(rows("source_nomatch.txt"), start=1):
        queries.append(
            {
                "id": f"q-none{index:03d}",
                "text": text,
                "language": language,
                "kind": "none",
                "targets": [],
                "split": split(index),
            }
        )
    with (HERE / "factchecks.jsonl").open("w", encoding="utf-8") as out:
        out.writelines(json.dumps(f, ensure_ascii=False) + "\n" for f in factchecks)
    with (HERE / "queries.jsonl").open("w", encoding="utf-8") as out:
        out.writelines(json.dumps(q, ensure_ascii=False) + "\n" for q in queries)
    print(len(factchecks), "fact-checks,", len(queries), "queries")


def _query(query_id: str, text: str, language: str, kind: str, target: str, topic: int) -> dict[str, object]:
    return {
        "id": query_id,
        "text": text,
        "language": language,
        "kind": kind,
        "targets": [target],
        "split": split(topic),
    }


if __name__ == "__main__":
    main()
