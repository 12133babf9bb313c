"""The order in which a person reads the lines of a page.

Horizontal writing: top to bottom, left to right within a row. Two lines
share a row when they overlap vertically by more than half the shorter one's
height (rapidocr sorts by the top edge and swaps neighbours less than 10
pixels apart, which breaks with the page's resolution). A skewed scan is
first turned upright by the median slope of its lines: otherwise, on a page
turned 10 degrees clockwise, the left end of the second line sits higher
than the first line's top and is read first.

Vertical writing (most lines at least 1.5 times as tall as wide, as
recognition.crop decides): columns right to left, top to bottom within a
column, as Chinese official documents are written.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from jipan.servers.document.detection import Quad


def _deskewed(boxes: Sequence[Quad]) -> list[Quad]:
    slopes = [math.atan2(b[1, 1] - b[0, 1], b[1, 0] - b[0, 0]) for b in boxes]
    skew = float(np.median(slopes)) if slopes else 0.0
    cos, sin = math.cos(-skew), math.sin(-skew)
    rotation = np.array([[cos, -sin], [sin, cos]])
    return [b @ rotation.T for b in boxes]


VERTICAL_RATIO = 1.5


def is_vertical(boxes: Sequence[Quad]) -> bool:
    """Whether most of the lines are columns (taller than wide by VERTICAL_RATIO)."""
    tall = 0
    for box in boxes:
        width = max(np.linalg.norm(box[0] - box[1]), np.linalg.norm(box[2] - box[3]))
        height = max(np.linalg.norm(box[0] - box[3]), np.linalg.norm(box[1] - box[2]))
        tall += bool(height >= VERTICAL_RATIO * width)
    return tall * 2 > len(boxes)


def reading_order(boxes: Sequence[Quad]) -> list[int]:
    """Indices of `boxes` in reading order."""
    upright = _deskewed(boxes)
    if is_vertical(boxes):
        # Columns are rows of the page turned 90 degrees clockwise: (x, y) -> (y, -x)
        # puts the rightmost column on top and each column's top at its left.
        upright = [np.column_stack([b[:, 1], -b[:, 0]]) for b in upright]
    spans = [(float(b[:, 1].min()), float(b[:, 1].max()), float(b[:, 0].min())) for b in upright]
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
