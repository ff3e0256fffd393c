"""Finding text lines in an image with rapidocr's PP-OCRv6 DB detector.

We run the ONNX model ourselves (our session, our device, our file checked by hash) and
turn its probability map into boxes with our own DB post-processing (db_postprocess.py).
Memory stays bounded for any image size: the detector sees a downscaled copy (a pixel
budget), and images much taller than wide are cut into overlapping horizontal bands so a
long phone screenshot keeps readable text instead of being shrunk to a sliver.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

import cv2
import numpy as np

from reviewer.vision.db_postprocess import DBPostProcess
from reviewer.vision.device import Device, create_session, session_device
from reviewer.vision.models import TEXT_DETECTOR, ModelId, resolve

if TYPE_CHECKING:
    from reviewer.vision.ocr import OcrLine

Box = tuple[int, int, int, int]

# 960x544 input: ~50 ms on 2 cores for a 720p frame versus ~130 ms at full size, and 16 px
# chat text still reaches the detector at 12 px (measured in tests/test_vision_ocr.py).
DEFAULT_DET_PIXELS = 960 * 544
# A band is at most this many times as tall as the image is wide (before scaling): a
# 1080x2400 phone screenshot is one band, a scrolling capture is several.
MAX_BAND_ASPECT = 3.0
_MULTIPLE = 32  # the DB network's input sides must divide by 32
_MEAN = np.float32(0.5)
_STD = np.float32(0.5)


@dataclass(frozen=True)
class DetectedLine:
    """A text line in original image pixels: ``quad`` is the 4 corners (clockwise from top
    left), ``box`` its axis-aligned bounds (x0, y0, x1, y1), end-exclusive."""

    box: Box
    quad: np.ndarray
    score: float


def _round32(value: float) -> int:
    return max(_MULTIPLE, int(round(value / _MULTIPLE)) * _MULTIPLE)


def _ceil32(value: int) -> int:
    return max(_MULTIPLE, -(-value // _MULTIPLE) * _MULTIPLE)


def plan_scale(width: int, height: int, det_pixels: int) -> tuple[float, int]:
    """Scale factor for the detector and the band height in original pixels.

    Never upscales: small images keep their size (the detector handles them fine and an
    upscale of a 4000x100 banner would cost a lot for nothing).
    """
    band_h = height if height <= MAX_BAND_ASPECT * width else int(MAX_BAND_ASPECT * width)
    scale = min(1.0, math.sqrt(det_pixels / float(width * band_h)))
    return scale, band_h


def _bands(height: int, band_h: int) -> list[tuple[int, int]]:
    if band_h >= height:
        return [(0, height)]
    # The overlap must exceed the tallest line we expect so that every line lies whole
    # inside at least one band; a quarter of the band is generous.
    overlap = band_h // 4
    step = band_h - overlap
    starts = list(range(0, height - band_h, step)) + [height - band_h]
    return [(s, s + band_h) for s in starts]


def box_overlap(a: Box, b: Box) -> float:
    """Intersection over the smaller box's area (1.0: one box lies inside the other)."""
    ix = max(0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = ix * iy
    if inter == 0:
        return 0.0
    smaller = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))
    return inter / max(1, smaller)


class TextBoxFinder:
    """PP-OCRv6 small DB text detector (rapidocr 3.10's shipped model)."""

    def __init__(
        self,
        device: Device = "cpu",
        threads: int | None = None,
        det_pixels: int = DEFAULT_DET_PIXELS,
        model_path: str | None = None,
        box_thresh: float = 0.5,
        unclip_ratio: float = 1.6,
    ) -> None:
        self.model: ModelId = resolve(TEXT_DETECTOR, model_path)
        self.session = create_session(self.model.path, device, threads)
        self.device = session_device(self.session)
        self.det_pixels = det_pixels
        self._input = self.session.get_inputs()[0].name
        # rapidocr's defaults for PP-OCRv6 (config.yaml): thresh 0.3, box 0.5, unclip 1.6.
        self._post = DBPostProcess(
            thresh=0.3,
            box_thresh=box_thresh,
            max_candidates=1000,
            unclip_ratio=unclip_ratio,
            use_dilation=True,
        )

    def detect(self, image: np.ndarray, det_pixels: int | None = None) -> list[DetectedLine]:
        """Text lines of a BGR uint8 image, top to bottom then left to right."""
        height, width = image.shape[:2]
        if height < 4 or width < 4:
            return []
        scale, band_h = plan_scale(width, height, det_pixels or self.det_pixels)
        bands = _bands(height, band_h)
        found: list[DetectedLine] = []
        for y0, y1 in bands:
            band = image[y0:y1]
            lines = self._detect_band(band, scale)
            for line in lines:
                x0, by0, x1, by1 = line.box
                # A line cut by an inner band edge is whole in the neighbouring band.
                if (y0 > 0 and by0 <= 1) or (y1 < height and by1 >= (y1 - y0) - 1):
                    continue
                quad = line.quad.copy()
                quad[:, 1] += y0
                found.append(DetectedLine((x0, by0 + y0, x1, by1 + y0), quad, line.score))
        if len(bands) > 1:
            found = suppress_duplicates(found)
        found.sort(key=lambda d: (d.box[1], d.box[0]))
        return reading_order(found)

    def frame_scale(self, width: int, height: int, det_pixels: int | None = None) -> float:
        """The scale ``detect`` uses for a whole image of this size (first band)."""
        return plan_scale(width, height, det_pixels or self.det_pixels)[0]

    def detect_region(self, image: np.ndarray, rect: Box, scale: float) -> list[DetectedLine]:
        """Text lines inside ``rect`` of ``image``, in image pixels, seen at ``scale``.

        With the whole frame's scale, text reaches the network at the size it has in a
        whole-frame run, so a region gives the same lines at a fraction of the cost. The
        scaled region is padded (not stretched) to the network's multiple of 32.
        """
        x0, y0, x1, y1 = rect
        region = image[y0:y1, x0:x1]
        h, w = region.shape[:2]
        if h < 4 or w < 4:
            return []
        lines = self._detect_band(region, scale, pad=True)
        return [
            DetectedLine(
                (b[0] + x0, b[1] + y0, b[2] + x0, b[3] + y0),
                line.quad + np.float32([x0, y0]),
                line.score,
            )
            for line in lines
            for b in [line.box]
        ]

    def _detect_band(self, band: np.ndarray, scale: float, pad: bool = False) -> list[DetectedLine]:
        h, w = band.shape[:2]
        interp = cv2.INTER_AREA if scale < 1.0 else cv2.INTER_LINEAR
        if pad:
            det_w, det_h = max(1, round(w * scale)), max(1, round(h * scale))
        else:
            det_w, det_h = _round32(w * scale), _round32(h * scale)
        resized = cv2.resize(band, (det_w, det_h), interpolation=interp)
        if pad:
            resized = cv2.copyMakeBorder(
                resized,
                0,
                _ceil32(det_h) - det_h,
                0,
                _ceil32(det_w) - det_w,
                cv2.BORDER_REPLICATE,
            )
        tensor = (resized.astype(np.float32) * np.float32(1 / 255.0) - _MEAN) / _STD
        tensor = np.ascontiguousarray(tensor.transpose(2, 0, 1)[None])
        pred = self.session.run(None, {self._input: tensor})[0][:, :, :det_h, :det_w]
        quads, scores = self._post(pred, (h, w))
        out: list[DetectedLine] = []
        for quad, score in zip(quads, scores, strict=False):
            quad = np.asarray(quad, dtype=np.float32)
            x0, y0 = np.floor(quad.min(axis=0)).astype(int)
            x1, y1 = np.ceil(quad.max(axis=0)).astype(int) + 1
            x0, y0 = max(0, int(x0)), max(0, int(y0))
            x1, y1 = min(w, int(x1)), min(h, int(y1))
            if x1 - x0 >= 4 and y1 - y0 >= 4:
                out.append(DetectedLine((x0, y0, x1, y1), quad, float(score)))
        return out


def suppress_duplicates(lines: list[DetectedLine]) -> list[DetectedLine]:
    """Lines seen whole in two overlapping bands (or regions): keep the higher-scoring one."""
    kept: list[DetectedLine] = []
    for line in sorted(lines, key=lambda d: -d.score):
        if all(box_overlap(line.box, k.box) < 0.5 for k in kept):
            kept.append(line)
    return kept


_Line = TypeVar("_Line", bound="DetectedLine | OcrLine")


def reading_order(lines: list[_Line]) -> list[_Line]:
    """Group boxes whose vertical centres are within half a line height into rows, then
    order each row left to right (the same idea as rapidocr's sorted_boxes)."""
    rows: list[list[_Line]] = []
    for line in lines:
        cy = (line.box[1] + line.box[3]) / 2
        if rows:
            last = rows[-1][0].box
            if abs(cy - (last[1] + last[3]) / 2) <= (last[3] - last[1]) / 2:
                rows[-1].append(line)
                continue
        rows.append([line])
    return [line for row in rows for line in sorted(row, key=lambda d: d.box[0])]
