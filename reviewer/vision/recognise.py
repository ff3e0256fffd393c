"""Reading cropped text lines with trueocr's Vietnamese CTC line recogniser.

rapidocr's own recogniser drops Vietnamese tone marks; trueocr's model (``trueocr-vi-r01``)
has the full Vietnamese character set. It reads dark ink on light paper. Its own
pre-processing already turns a line around when the line is clearly light-on-dark, so for
such lines an inverted copy gives exactly the same input and is skipped. Only when a crop
is *ambiguous* (neither clearly dark nor light ground: text over live video, outlined
captions) do we also read extra variants and keep the most confident reading:

- ``inverted``: the gray crop turned around (light text read as ink);
- ``white``: 255 - min(B, G, R): white or pale text becomes ink and a coloured background
  or a black outline turns pale; it rescues outlined captions over video;
- ``threshold``: Otsu black/white. Measured to add nothing (see the test report), so it
  is off by default but kept selectable.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
from trueocr.preprocess import is_dark_line, pad_batch, prepare_gray, width_batches

from reviewer.vision.device import Device, create_session, session_device
from reviewer.vision.errors import VisionModelError
from reviewer.vision.models import LINE_RECOGNISER, LINE_RECOGNISER_CHARSET, ModelId, resolve

VARIANTS = ("asis", "inverted", "white", "threshold")
DEFAULT_VARIANTS: tuple[str, ...] = ("asis", "inverted", "white")


@dataclass(frozen=True)
class LineReading:
    text: str
    confidence: float  # mean CTC peak probability of the kept characters (not calibrated)
    variant: str  # which crop variant gave this reading


def _gray(crop: np.ndarray) -> np.ndarray:
    if crop.ndim == 2:
        return crop
    return cv2.cvtColor(crop, cv2.COLOR_BGR2GRAY)


def is_ambiguous(gray: np.ndarray) -> bool:
    """True when trueocr's polarity test cannot tell the ground from the text either way."""
    box = (0, 0, gray.shape[1], gray.shape[0])
    return not is_dark_line(gray, box) and not is_dark_line(255 - gray, box)


def variant_images(crop: np.ndarray, variants: Sequence[str]) -> list[tuple[str, np.ndarray]]:
    """The uint8 gray images to read for one BGR (or gray) line crop."""
    gray = _gray(crop)
    out = [("asis", gray)]
    if not is_ambiguous(gray):
        return out  # the recogniser's own polarity flip covers the clear cases
    if "inverted" in variants:
        out.append(("inverted", 255 - gray))
    if "white" in variants and crop.ndim == 3:
        out.append(("white", 255 - crop[:, :, :3].min(axis=2)))
    if "threshold" in variants:
        _, binary = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
        out.append(("threshold", binary))
    return out


class LineRecogniser:
    """trueocr 0.1.1's ``rec.onnx`` with its ``meta.json`` charset, on our own session."""

    def __init__(
        self,
        device: Device = "cpu",
        threads: int | None = None,
        variants: Sequence[str] = DEFAULT_VARIANTS,
        model_path: str | None = None,
        charset_path: str | None = None,
        batch_size: int = 64,
    ) -> None:
        unknown = set(variants) - set(VARIANTS)
        if unknown or "asis" not in variants:
            raise ValueError(f"variants must include 'asis' and come from {VARIANTS}")
        self.variants = tuple(variants)
        self.model: ModelId = resolve(LINE_RECOGNISER, model_path)
        self.charset_model: ModelId = resolve(LINE_RECOGNISER_CHARSET, charset_path)
        try:
            meta = json.loads(Path(self.charset_model.path).read_text(encoding="utf-8"))
            self._chars: list[str] = list(meta["charset"])
        except (OSError, ValueError, KeyError) as exc:
            raise VisionModelError(f"Cannot read the recogniser charset: {exc}") from exc
        self._max_width = int(meta.get("max_width", 768))
        self._pad_y = float(meta.get("pad_y", 0.2))
        self._pad_x = float(meta.get("pad_x", 0.3))
        self._batch_size = batch_size
        self.session = create_session(self.model.path, device, threads)
        self.device = session_device(self.session)

    def read(self, crops: Sequence[np.ndarray]) -> list[LineReading]:
        """Best reading per crop (BGR or gray uint8 arrays, one text line each)."""
        jobs: list[tuple[int, str, np.ndarray]] = []
        for index, crop in enumerate(crops):
            for name, gray in variant_images(crop, self.variants):
                jobs.append((index, name, gray))
        readings = self._run([gray for _, _, gray in jobs])
        best: list[LineReading | None] = [None] * len(crops)
        for (index, name, _), (text, confidence) in zip(jobs, readings, strict=True):
            current = best[index]
            if current is None or confidence > current.confidence:
                best[index] = LineReading(text, confidence, name)
        return [b if b is not None else LineReading("", 0.0, "asis") for b in best]

    def _run(self, grays: list[np.ndarray]) -> list[tuple[str, float]]:
        inks = [
            prepare_gray(g, max_width=self._max_width, pad_y=self._pad_y, pad_x=self._pad_x)
            for g in grays
        ]
        results: list[tuple[str, float]] = [("", 0.0)] * len(inks)
        widths_list = [ink.shape[1] for ink in inks]
        for selected in width_batches(widths_list, max_batch=self._batch_size):
            tensor, widths = pad_batch([inks[i] for i in selected])
            ids, conf, lengths = self.session.run(
                ["ids", "conf", "lengths"], {"x": tensor, "widths": widths}
            )
            for row, index in enumerate(selected):
                n = int(lengths[row])
                seq = ids[row, :n]
                # Greedy CTC: drop blanks (id 0) and repeats of the previous id.
                keep = (seq != 0) & np.concatenate(([True], seq[1:] != seq[:-1]))
                text = "".join(self._chars[int(t) - 1] for t in seq[keep])
                text = re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()
                confidence = float(conf[row, :n][keep].mean()) if keep.any() else 0.0
                results[index] = (text, confidence)
        return results
