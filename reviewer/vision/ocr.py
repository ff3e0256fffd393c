"""OCR of one image: rapidocr's detector finds the lines, trueocr's recogniser reads them.

Big images stay within bounded memory: the detector works on a downscaled copy (see
``detect.py``) and each line is cropped from the original, so small text keeps every pixel.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import cv2
import numpy as np

from reviewer.vision.device import Device
from reviewer.vision.errors import InvalidImageError
from reviewer.vision.models import ModelId
from reviewer.vision.recognise import DEFAULT_VARIANTS, LineRecogniser
from reviewer.vision.text_boxes import DEFAULT_DET_PIXELS, Box, DetectedLine, TextBoxFinder

# Readings below this are nearly always non-text (logos, textures) read as short garbage.
DEFAULT_MIN_CONFIDENCE = 0.5
# Tilt (degrees) above which a line is straightened before reading rather than cut out of
# its bounding box, which would also take in parts of the lines above and below.
_MAX_PLAIN_TILT = 3.0


@dataclass(frozen=True)
class OcrLine:
    box: Box  # (x0, y0, x1, y1) in the input image's pixels, end-exclusive
    text: str
    confidence: float
    variant: str = "asis"  # the crop variant whose reading was kept


def as_bgr(image: np.ndarray) -> np.ndarray:
    """Accept 8-bit gray, BGR or BGRA arrays; return BGR (no copy when already BGR)."""
    if not isinstance(image, np.ndarray) or image.dtype != np.uint8 or image.size == 0:
        raise InvalidImageError("Expected a non-empty uint8 numpy image.")
    if image.ndim == 2:
        return cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)
    if image.ndim == 3 and image.shape[2] == 3:
        return image
    if image.ndim == 3 and image.shape[2] == 4:
        return cv2.cvtColor(image, cv2.COLOR_BGRA2BGR)
    raise InvalidImageError(f"Unsupported image shape {image.shape}: need gray, BGR or BGRA.")


def crop_line(image: np.ndarray, line: DetectedLine) -> np.ndarray:
    """The line's pixels from the original image, straightened when it is tilted."""
    x0, y0, x1, y1 = line.box
    quad = line.quad  # tl, tr, br, bl
    top = quad[1] - quad[0]
    tilt = abs(math.degrees(math.atan2(float(top[1]), float(top[0]) or 1e-6)))
    if tilt <= _MAX_PLAIN_TILT:
        return image[y0:y1, x0:x1]
    width = int(round(max(np.linalg.norm(quad[1] - quad[0]), np.linalg.norm(quad[2] - quad[3]))))
    height = int(round(max(np.linalg.norm(quad[3] - quad[0]), np.linalg.norm(quad[2] - quad[1]))))
    width, height = max(width, 4), max(height, 4)
    target = np.float32([[0, 0], [width, 0], [width, height], [0, height]])
    matrix = cv2.getPerspectiveTransform(quad.astype(np.float32), target)
    return cv2.warpPerspective(
        image, matrix, (width, height), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE
    )


class OcrEngine:
    """Vietnamese-first OCR of frames and screenshots.

    ``device``: "cpu" (default), "cuda" (fails if CUDA is not usable), "auto", or an
    explicit ONNX Runtime provider list. ``threads``: ONNX Runtime intra-op threads per
    model (None: its default, all cores). ``det_pixels``: the detector's pixel budget per
    band; raise it for screenshots with tiny text, lower it for speed.
    """

    def __init__(
        self,
        device: Device = "cpu",
        threads: int | None = None,
        det_pixels: int = DEFAULT_DET_PIXELS,
        variants: Sequence[str] = DEFAULT_VARIANTS,
        min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    ) -> None:
        self.detector = TextBoxFinder(device=device, threads=threads, det_pixels=det_pixels)
        self.recogniser = LineRecogniser(device=device, threads=threads, variants=variants)
        self.min_confidence = min_confidence

    @property
    def device(self) -> str:
        """Where the models actually run ('cpu', 'cuda', or a provider name)."""
        devices = {self.detector.device, self.recogniser.device}
        return devices.pop() if len(devices) == 1 else "+".join(sorted(devices))

    def model_ids(self) -> list[ModelId]:
        """Name, source package, path and SHA-256 of every model file in use."""
        return [self.detector.model, self.recogniser.model, self.recogniser.charset_model]

    def read(self, image: np.ndarray, det_pixels: int | None = None) -> list[OcrLine]:
        """Text lines in reading order. ``image``: uint8 BGR (gray and BGRA accepted)."""
        bgr = as_bgr(image)
        detected = self.detector.detect(bgr, det_pixels=det_pixels)
        if not detected:
            return []
        readings = self.recogniser.read([crop_line(bgr, line) for line in detected])
        return [
            OcrLine(line.box, reading.text, round(reading.confidence, 4), reading.variant)
            for line, reading in zip(detected, readings, strict=True)
            if reading.text and reading.confidence >= self.min_confidence
        ]
