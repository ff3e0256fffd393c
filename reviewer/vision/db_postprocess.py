"""DB (differentiable binarisation) post-processing: the detector's probability map → text quads.

The standard DBNet recipe: threshold the map, take each connected region's minimum-area
rectangle, keep it when the mean probability inside is high enough, then grow it by
area × ratio / perimeter (the network predicts shrunk text kernels). Our own implementation:
importing rapidocr's pulls in its model downloader (requests), which opens a socket on import.
"""

from __future__ import annotations

import cv2
import numpy as np
import pyclipper

MIN_SIDE = 3  # pixels on the map: smaller regions are noise


def _ordered_quad(rect: tuple) -> tuple[np.ndarray, float]:
    """A rotated rectangle's corners as top-left, top-right, bottom-right, bottom-left."""
    points = sorted(cv2.boxPoints(rect).tolist(), key=lambda p: p[0])
    left = sorted(points[:2], key=lambda p: p[1])
    right = sorted(points[2:], key=lambda p: p[1])
    quad = np.array([left[0], right[0], right[1], left[1]], dtype=np.float32)
    return quad, min(rect[1])


def _mean_inside(prob: np.ndarray, quad: np.ndarray) -> float:
    h, w = prob.shape
    x0 = int(np.clip(np.floor(quad[:, 0].min()), 0, w - 1))
    x1 = int(np.clip(np.ceil(quad[:, 0].max()), 0, w - 1))
    y0 = int(np.clip(np.floor(quad[:, 1].min()), 0, h - 1))
    y1 = int(np.clip(np.ceil(quad[:, 1].max()), 0, h - 1))
    mask = np.zeros((y1 - y0 + 1, x1 - x0 + 1), dtype=np.uint8)
    shifted = (quad - np.array([x0, y0], dtype=np.float32)).astype(np.int32)
    cv2.fillPoly(mask, [shifted], 1)
    return float(cv2.mean(prob[y0 : y1 + 1, x0 : x1 + 1], mask)[0])


def _grow(quad: np.ndarray, ratio: float) -> np.ndarray | None:
    area = cv2.contourArea(quad)
    perimeter = cv2.arcLength(quad, True)
    if perimeter <= 0:
        return None
    offset = pyclipper.PyclipperOffset()
    offset.AddPath(quad.tolist(), pyclipper.JT_ROUND, pyclipper.ET_CLOSEDPOLYGON)
    grown = offset.Execute(area * ratio / perimeter)
    if len(grown) != 1:
        return None
    return np.array(grown[0], dtype=np.float32)


class DBPostProcess:
    """Callable: (prediction N×1×H×W, (height, width) of the source) → (quads, scores)."""

    def __init__(
        self,
        thresh: float = 0.3,
        box_thresh: float = 0.5,
        max_candidates: int = 1000,
        unclip_ratio: float = 1.6,
        use_dilation: bool = True,
    ) -> None:
        self.thresh = thresh
        self.box_thresh = box_thresh
        self.max_candidates = max_candidates
        self.unclip_ratio = unclip_ratio
        # A 2×2 dilation joins the strokes of thin fonts that the map splits.
        self.kernel = np.ones((2, 2), dtype=np.uint8) if use_dilation else None

    def __call__(
        self, pred: np.ndarray, source_hw: tuple[int, int]
    ) -> tuple[list[np.ndarray], list[float]]:
        prob = pred[0, 0].astype(np.float32)
        mask = (prob > self.thresh).astype(np.uint8)
        if self.kernel is not None:
            mask = cv2.dilate(mask, self.kernel)
        contours, _ = cv2.findContours(mask, cv2.RETR_LIST, cv2.CHAIN_APPROX_SIMPLE)
        map_h, map_w = prob.shape
        src_h, src_w = source_hw
        scale = np.array([src_w / map_w, src_h / map_h], dtype=np.float32)
        quads: list[np.ndarray] = []
        scores: list[float] = []
        for contour in contours[: self.max_candidates]:
            quad, side = _ordered_quad(cv2.minAreaRect(contour))
            if side < MIN_SIDE:
                continue
            score = _mean_inside(prob, quad)
            if score < self.box_thresh:
                continue
            grown = _grow(quad, self.unclip_ratio)
            if grown is None:
                continue
            quad, side = _ordered_quad(cv2.minAreaRect(grown))
            if side < MIN_SIDE + 2:
                continue
            quad = quad * scale
            quad[:, 0] = np.clip(np.round(quad[:, 0]), 0, src_w)
            quad[:, 1] = np.clip(np.round(quad[:, 1]), 0, src_h)
            quads.append(quad)
            scores.append(score)
        return quads, scores
