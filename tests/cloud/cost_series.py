"""The daily cost series of the forecast backtest (tests/cloud/data/billing/daily_costs_twd.csv).

Synthetic, and said so: no organisation's real bill is public. It is generated
here with a fixed seed and committed, so the backtest and bench/cloud.py read
the same numbers: 420 days of TWD from 2024-11-01, a slowly drifting level
(a random walk, as a growing estate), a working-week pattern (weekends at
about 70 %), day-to-day noise, a step on day 260 (a new project's estate) and
the monthly support fee on each 1st of the month.

    python -m tests.cloud.cost_series > tests/cloud/data/billing/daily_costs_twd.csv
"""

from __future__ import annotations

import random
from datetime import date, timedelta

START = date(2024, 11, 1)
DAYS = 420


def generate(seed: int = 13) -> list[tuple[date, float]]:
    rng = random.Random(seed)
    level = 11_000.0
    out = []
    for index in range(DAYS):
        day = START + timedelta(days=index)
        level += rng.gauss(6.0, 90.0)
        if index == 260:
            level += 2_400.0
        weekly = 0.7 if day.weekday() >= 5 else 1.0
        value = level * weekly + rng.gauss(0.0, 420.0)
        if day.day == 1:
            value += 3_200.0  # the support plan's monthly fee
        out.append((day, round(max(value, 0.0), 2)))
    return out


if __name__ == "__main__":
    print("day,effective_cost_twd")
    for day, value in generate():
        print(f"{day.isoformat()},{value:.2f}")


def cur_export(rows: int, seed: int) -> bytes:
    """A legacy-CUR export of `rows` hourly line items, cycling the five usage rows of the
    committed excerpt (tests/cloud/data/billing/aws_cur_legacy.csv) with new ids, hours in
    December 2025 and random costs: bench/cloud.py's focus_rows_per_s input."""
    import csv
    import io
    from pathlib import Path

    rng = random.Random(seed)
    with open(Path(__file__).parent / "data" / "billing" / "aws_cur_legacy.csv", newline="") as f:
        source = list(csv.reader(f))
    header, usage = source[0], source[1:6]
    column = {name: index for index, name in enumerate(header)}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for index in range(rows):
        row = list(usage[index % len(usage)])
        hour, day = index % 24, 1 + (index // 24) % 28
        start, end = f"2025-12-{day:02d}T{hour:02d}:00:00Z", f"2025-12-{day:02d}T{hour:02d}:59:59Z"
        cost = f"{rng.random() * 2:.10f}"
        row[column["identity/LineItemId"]] = f"{seed:04d}{index:012d}"
        row[column["identity/TimeInterval"]] = f"{start}/{end}"
        row[column["lineItem/UsageStartDate"]] = start
        row[column["lineItem/UsageEndDate"]] = end
        for name in ("lineItem/UnblendedCost", "lineItem/NetUnblendedCost", "pricing/publicOnDemandCost"):
            row[column[name]] = cost
        row[column["lineItem/ResourceId"]] = f"i-{rng.getrandbits(60):015x}"
        writer.writerow(row)
    return out.getvalue().encode()
