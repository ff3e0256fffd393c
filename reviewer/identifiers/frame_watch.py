"""QR codes and keyframe picture hashes of a video's sampled frames, as plain data (no store:
the analysis core runs this, in a child process or on a worker; reviewer/analysis/save.py stores
what comes back).

Only frames whose picture changed are read (zxing-cpp ~5 ms, PDQ ~2 ms on a 720p frame); an
unchanged frame only extends what is on screen. A QR code is one record from the frame it
appears on to the last one it was seen on; a keyframe is a picture whose PDQ hash differs from
the previous keyframe's by more than PDQ_MATCH_DISTANCE bits (a new scene), kept with the
span it stayed on screen. Whatever this reads, a failure here never stops the analysis: it is
counted in `errors` and the frame is passed over.
"""

from __future__ import annotations

import time

import numpy as np

from .pdq import PDQ_MATCH_DISTANCE, distance, picture_hash
from .qr import read_qr_codes


class FrameWatch:
    """Feed every sampled frame in order (`frame`); `flush` at the end of each stretch."""

    def __init__(self, every_s: float, duration_s: float | None = None) -> None:
        self.every_s, self.duration_s = every_s, duration_s
        self._codes: dict[str, dict] = {}  # on screen now, by payload
        self._keyframe: dict | None = None
        self._done_codes: list[dict] = []
        self._done_keyframes: list[dict] = []
        self._fresh = True  # look at the next frame whatever it is (a stretch's first)
        self.errors: list[str] = []
        self.seconds = 0.0  # time spent reading and hashing
        self.looked = 0  # frames read

    def _end(self, t_s: float) -> float:
        end = t_s + self.every_s  # on screen until the next sample, as far as we know
        return round(min(end, self.duration_s) if self.duration_s else end, 3)

    def frame(self, t_s: float, bgr: np.ndarray, changed: bool) -> None:
        """One sampled frame (BGR, as the sampler gives it); `changed`: its picture changed."""
        end = self._end(t_s)
        if not (changed or self._fresh):
            for code in self._codes.values():
                code["end_s"] = end
            if self._keyframe is not None:
                self._keyframe["end_s"] = end
            return
        self._fresh = False
        began = time.perf_counter()
        rgb = np.ascontiguousarray(bgr[..., ::-1])
        self.looked += 1
        self._look_codes(rgb, round(t_s, 3), end)
        self._look_picture(rgb, round(t_s, 3), end)
        self.seconds += time.perf_counter() - began

    def _look_codes(self, rgb: np.ndarray, t_s: float, end: float) -> None:
        try:
            found = {c["text"]: c for c in read_qr_codes(rgb)}
        except Exception as exc:  # a reader failure loses this frame's codes, nothing more
            self._error(f"QR codes not read at {t_s:.1f} s: {exc}")
            return
        for text in [t for t in self._codes if t not in found]:
            self._done_codes.append(self._codes.pop(text))  # gone from the screen
        for text, code in found.items():
            if text in self._codes:
                self._codes[text]["end_s"] = end
            else:
                self._codes[text] = {"start_s": t_s, "end_s": end, **code}

    def _look_picture(self, rgb: np.ndarray, t_s: float, end: float) -> None:
        try:
            pdq, quality = picture_hash(rgb)
        except Exception as exc:
            self._error(f"picture hash not made at {t_s:.1f} s: {exc}")
            return
        kept = self._keyframe
        if kept is not None and distance(kept["pdq"], pdq) <= PDQ_MATCH_DISTANCE:
            kept["end_s"] = end  # the same scene
            return
        if kept is not None:
            self._done_keyframes.append(kept)
        self._keyframe = {"start_s": t_s, "end_s": end, "pdq": pdq, "quality": quality}

    def _error(self, text: str) -> None:
        if len(self.errors) < 20:
            self.errors.append(text)

    def flush(self) -> tuple[list[dict], list[dict]]:
        """Everything read since the last flush, closed where it was last seen: (QR codes,
        keyframes). The next frame is read again whatever it shows."""
        codes = self._done_codes + list(self._codes.values())
        keyframes = self._done_keyframes + ([self._keyframe] if self._keyframe else [])
        self._codes, self._keyframe = {}, None
        self._done_codes, self._done_keyframes = [], []
        self._fresh = True
        return sorted(codes, key=lambda c: (c["start_s"], c["text"])), keyframes


def picture_records(rgb: np.ndarray) -> tuple[list[dict], list[dict]]:
    """A screenshot's QR codes and picture hash, as a video frame's (no time)."""
    codes = [{"start_s": None, "end_s": None, **c} for c in read_qr_codes(rgb)]
    pdq, quality = picture_hash(rgb)
    return codes, [{"start_s": None, "end_s": None, "pdq": pdq, "quality": quality}]
