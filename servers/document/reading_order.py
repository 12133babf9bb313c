"""The order in which a person reads horizontal lines: top to bottom, left to right within a row.

Two lines share a row when they overlap vertically by more than half the
shorter one's height (rapidocr sorts by the top edge and swaps neighbours
less than 10 pixels apart, which breaks with the page's resolution).
"""

from __future__ import annotations

from collections.abc import Sequence

from jipan.servers.document.detection import Quad


def reading_order(boxes: Sequence[Quad]) -> list[int]:
    """Indices of `boxes` in reading order."""
    spans = [(float(b[:, 1].min()), float(b[:, 1].max()), float(b[:, 0].min())) for b in boxes]
    rows: list[list[int]] = []
    for i in sorted(range(len(boxes)), key=lambda i: (spans[i][0], spans[i][2])):
        top, bottom, _ = spans[i]
        if rows:
            row = rows[-1]
            row_top, row_bottom, _ = spans[row[0]]
            shorter = min(bottom - top, row_bottom - row_top)
            if min(bottom, row_bottom) - max(top, row_top) > shorter / 2:
                row.append(i)
                continue
        rows.append([i])
    return [i for row in rows for i in sorted(row, key=lambda i: spans[i][2])]
