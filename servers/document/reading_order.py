"""The order in which a person reads horizontal lines: top to bottom, left to right within a row.

Two lines share a row when they overlap vertically by more than half the
shorter one's height (rapidocr sorts by the top edge and swaps neighbours
less than 10 pixels apart, which breaks with the page's resolution). A
skewed scan is first turned upright by the median slope of its lines:
otherwise, on a page turned 10 degrees clockwise, the left end of the
second line sits higher than the first line's top and is read first.
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


def reading_order(boxes: Sequence[Quad]) -> list[int]:
    """Indices of `boxes` in reading order."""
    upright = _deskewed(boxes)
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
