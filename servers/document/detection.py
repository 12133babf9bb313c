"""Text detection around PP-OCRv4 det (DB): the model's input, and boxes from its probability map.

The post-processing follows rapidocr-onnxruntime 1.4.4's `DBPostProcess`
(threshold 0.3, 2x2 dilation, box score 0.5 over the box, unclip ratio 1.6,
minimum side 3) with the same numbers, but is written here in numpy:
rapidocr's class imports OpenCV (`cv2.findContours`, `minAreaRect`,
`fillPoly`) and pyclipper at module level, and OpenCV is not a dependency
Jipan declares (the wheel rapidocr pulls in is 60 MB of native code, and on
this machine its installation is incomplete). Connected components come
from run-length rows, the minimum-area rectangle from the convex hull's
edges, and the unclip of a rectangle (pyclipper's round offset followed by
`minAreaRect`) is the rectangle grown by the offset distance on every side.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from PIL import Image, ImageDraw

THRESHOLD = 0.3
BOX_THRESHOLD = 0.5
UNCLIP_RATIO = 1.6
MIN_SIDE = 3
MAX_CANDIDATES = 1000

MIN_INPUT_SIDE = 736
"""rapidocr's det `limit_side_len` (type "min"): small images are scaled up towards it ..."""
MAX_UPSCALE = 2.0
"""... but at most twice: a 900x106 single line would otherwise become 6200x736, and the
detector's time grows with its pixels (measured here: 670 ms at 2912x352, 250 ms at 1792x224,
the same box)."""
MAX_INPUT_PIXELS = 1024 * 1024
"""The det input (12 MiB of fp32) must fit the gateway's 16 MiB messages; larger pages are scaled down."""
MAX_INPUT_SIDE = 4096

Quad = npt.NDArray[np.float64]
"""Four (x, y) corners, shape (4, 2): top-left, top-right, bottom-right, bottom-left."""


@dataclass(frozen=True, slots=True)
class DetectionInput:
    tensor: npt.NDArray[np.float32]
    """(1, 3, H, W): BGR, (pixel / 255 - 0.5) / 0.5, sides multiples of 32."""
    page_size: tuple[int, int]
    """(width, height) of the page the boxes are mapped back to."""


def _multiple_of_32(value: float) -> int:
    return int(min(MAX_INPUT_SIDE, max(32, round(value / 32) * 32)))


def input_size(width: int, height: int) -> tuple[int, int]:
    """The det input's (width, height): short side towards 736 (at most 2x), at most 1 Mpx, sides of 32k."""
    ratio = (
        min(MAX_UPSCALE, MIN_INPUT_SIDE / min(width, height)) if min(width, height) < MIN_INPUT_SIDE else 1.0
    )
    if width * height * ratio * ratio > MAX_INPUT_PIXELS:
        ratio = math.sqrt(MAX_INPUT_PIXELS / (width * height))
    out_w, out_h = _multiple_of_32(width * ratio), _multiple_of_32(height * ratio)
    while out_w * out_h > MAX_INPUT_PIXELS:
        if out_w >= out_h:
            out_w -= 32
        else:
            out_h -= 32
    return out_w, out_h


def detection_input(page: Image.Image) -> DetectionInput:
    size = input_size(*page.size)
    resized = page.resize(size, Image.Resampling.BILINEAR)
    pixels = np.asarray(resized, dtype=np.float32)[:, :, ::-1]  # the model was trained on cv2's BGR
    chw = (pixels.transpose(2, 0, 1) / 255.0 - 0.5) / 0.5
    return DetectionInput(np.ascontiguousarray(chw[np.newaxis], dtype=np.float32), page.size)


def _dilate(mask: npt.NDArray[np.bool_]) -> npt.NDArray[np.bool_]:
    """cv2.dilate with a 2x2 kernel (anchor at its centre): each pixel ORs its up/left neighbours."""
    out = mask.copy()
    out[1:, :] |= mask[:-1, :]
    out[:, 1:] |= mask[:, :-1]
    out[1:, 1:] |= mask[:-1, :-1]
    return out


def _components(mask: npt.NDArray[np.bool_]) -> list[npt.NDArray[np.int64]]:
    """8-connected components as arrays of runs (row, start, end exclusive), by union-find over runs."""
    height = mask.shape[0]
    padded = np.zeros((height, mask.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = mask
    edges = np.diff(padded, axis=1)
    starts = np.argwhere(edges == 1)
    ends = np.argwhere(edges == -1)
    if len(starts) == 0:
        return []
    runs = np.column_stack([starts[:, 0], starts[:, 1], ends[:, 1]])  # row-major, paired
    parent = list(range(len(runs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    row_first = np.searchsorted(runs[:, 0], np.arange(height + 1))
    for row in range(1, height):
        above = range(int(row_first[row - 1]), int(row_first[row]))
        here = range(int(row_first[row]), int(row_first[row + 1]))
        if not above or not here:
            continue
        j = above.start
        for i in here:
            start, end = int(runs[i, 1]), int(runs[i, 2])
            while j < above.stop and int(runs[j, 2]) < start:  # ends before (8-connectivity: touching)
                j += 1
            k = j
            while k < above.stop and int(runs[k, 1]) <= end:
                a, b = find(i), find(k)
                if a != b:
                    parent[a] = b
                k += 1
    groups: dict[int, list[int]] = {}
    for i in range(len(runs)):
        groups.setdefault(find(i), []).append(i)
    return [runs[members] for members in groups.values()]


def _convex_hull(points: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """Andrew's monotone chain, counter-clockwise (y up) without repeated points."""
    ordered = sorted({(float(x), float(y)) for x, y in points})
    if len(ordered) < 3:
        return np.array(ordered, dtype=np.float64)

    def cross(o: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[tuple[float, float]] = []
    for p in ordered:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    upper: list[tuple[float, float]] = []
    for p in reversed(ordered):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return np.array(lower[:-1] + upper[:-1], dtype=np.float64)


def min_area_rect(points: npt.NDArray[np.float64]) -> tuple[npt.NDArray[np.float64], float, float]:
    """The smallest rectangle around `points` (cv2.minAreaRect): its 4 corners, width and height."""
    hull = _convex_hull(points)
    if len(hull) < 3:
        low, high = points.min(axis=0), points.max(axis=0)
        corners = np.array([low, [high[0], low[1]], high, [low[0], high[1]]], dtype=np.float64)
        return corners, float(high[0] - low[0]), float(high[1] - low[1])
    edges = np.roll(hull, -1, axis=0) - hull
    angles = np.unique(np.mod(np.arctan2(edges[:, 1], edges[:, 0]), math.pi / 2))
    best: tuple[float, npt.NDArray[np.float64], float, float] | None = None
    for angle in angles:
        cos, sin = math.cos(angle), math.sin(angle)
        rotation = np.array([[cos, sin], [-sin, cos]])
        rotated = hull @ rotation.T
        low, high = rotated.min(axis=0), rotated.max(axis=0)
        area = float((high[0] - low[0]) * (high[1] - low[1]))
        if best is None or area < best[0] - 1e-9:
            box = np.array([low, [high[0], low[1]], high, [low[0], high[1]]]) @ rotation
            best = (area, box, float(high[0] - low[0]), float(high[1] - low[1]))
    assert best is not None
    return best[1], best[2], best[3]


def order_corners(box: npt.NDArray[np.float64]) -> Quad:
    """Top-left, top-right, bottom-right, bottom-left, as rapidocr's get_mini_boxes orders them."""
    by_x = box[np.argsort(box[:, 0], kind="stable")]
    left = by_x[:2][np.argsort(by_x[:2, 1], kind="stable")]
    right = by_x[2:][np.argsort(by_x[2:, 1], kind="stable")]
    return np.array([left[0], right[0], right[1], left[1]], dtype=np.float64)


def _grow(box: npt.NDArray[np.float64], distance: float) -> Quad:
    """The rectangle grown by `distance` on every side (the unclip of a rectangle)."""
    centre = box.mean(axis=0)
    ordered = order_corners(box)
    along = ordered[1] - ordered[0]
    across = ordered[3] - ordered[0]
    length, depth = float(np.linalg.norm(along)), float(np.linalg.norm(across))
    u = along / (length or 1.0)
    v = across / (depth or 1.0)
    half_w, half_h = length / 2 + distance, depth / 2 + distance
    return np.array(
        [
            centre - u * half_w - v * half_h,
            centre + u * half_w - v * half_h,
            centre + u * half_w + v * half_h,
            centre - u * half_w + v * half_h,
        ]
    )


def _box_score(probability: npt.NDArray[np.float32], box: Quad) -> float:
    """Mean probability inside the box (rapidocr's box_score_fast)."""
    height, width = probability.shape
    x0 = int(np.clip(np.floor(box[:, 0].min()), 0, width - 1))
    x1 = int(np.clip(np.ceil(box[:, 0].max()), 0, width - 1))
    y0 = int(np.clip(np.floor(box[:, 1].min()), 0, height - 1))
    y1 = int(np.clip(np.ceil(box[:, 1].max()), 0, height - 1))
    mask = Image.new("L", (x1 - x0 + 1, y1 - y0 + 1), 0)
    ImageDraw.Draw(mask).polygon([(float(x) - x0, float(y) - y0) for x, y in box.astype(np.int32)], fill=1)
    selected = np.asarray(mask, dtype=bool)
    window = probability[y0 : y1 + 1, x0 : x1 + 1]
    return float(window[selected].mean()) if selected.any() else 0.0


def text_boxes(probability_map: npt.NDArray[np.float32], page_size: tuple[int, int]) -> list[Quad]:
    """Boxes (page pixels) of the text regions in a det output of shape (1, 1, H, W) or (H, W)."""
    probability = probability_map.reshape(probability_map.shape[-2:])
    map_h, map_w = probability.shape
    page_w, page_h = page_size
    boxes: list[Quad] = []
    for runs in _components(_dilate(probability > THRESHOLD))[:MAX_CANDIDATES]:
        # Pixel centres of each run's ends, as cv2.findContours traces them.
        points = np.concatenate(
            [np.column_stack([runs[:, 1], runs[:, 0]]), np.column_stack([runs[:, 2] - 1, runs[:, 0]])]
        ).astype(np.float64)
        rect, width, height = min_area_rect(points)
        if min(width, height) < MIN_SIDE:
            continue
        if _box_score(probability, order_corners(rect)) < BOX_THRESHOLD:
            continue
        distance = width * height * UNCLIP_RATIO / (2 * (width + height))
        if min(width, height) + 2 * distance < MIN_SIDE + 2:
            continue
        grown = order_corners(_grow(rect, distance))
        grown[:, 0] = np.clip(np.round(grown[:, 0] / map_w * page_w), 0, page_w - 1)
        grown[:, 1] = np.clip(np.round(grown[:, 1] / map_h * page_h), 0, page_h - 1)
        side_w = np.linalg.norm(grown[1] - grown[0])
        side_h = np.linalg.norm(grown[3] - grown[0])
        if side_w <= 3 or side_h <= 3:
            continue
        boxes.append(grown)
    return boxes
