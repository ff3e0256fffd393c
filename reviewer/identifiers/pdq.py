"""PDQ picture hashes (pdqhash, MIT): the perceptual hash agencies exchange. Pure: an RGB array
in, a 64-hex-digit hash and its quality out.

Two pictures are the same or near-identical when their hashes differ in at most
PDQ_MATCH_DISTANCE of 256 bits (the usual PDQ threshold); a hash of quality under
PDQ_MIN_QUALITY (a flat or nearly blank picture) says little and is never matched.
"""

from __future__ import annotations

import re

import numpy as np

from ..errors import ReviewerError

PDQ_MATCH_DISTANCE = 31
PDQ_MIN_QUALITY = 50
# Pictures are brought down to at most this many pixels a side before hashing: PDQ reduces to
# 64 x 64 anyway, and a 720p frame then hashes in ~2 ms instead of ~30 ms. Screenshots and
# frames go through the same step, so their hashes compare.
HASH_SIDE = 512
HEX64 = re.compile(r"^[0-9a-f]{64}$")


class PictureHashError(ReviewerError):
    """A picture could not be hashed (PDQ missing or an unreadable picture)."""


def _fit(rgb: np.ndarray, side: int = HASH_SIDE) -> np.ndarray:
    height, width = rgb.shape[:2]
    scale = side / max(height, width)
    if scale >= 1.0:
        return np.ascontiguousarray(rgb)
    import cv2

    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    return np.ascontiguousarray(cv2.resize(rgb, size, interpolation=cv2.INTER_AREA))


def picture_hash(rgb: np.ndarray) -> tuple[str, int]:
    """PDQ of one picture (H x W x 3, uint8, RGB): (hash as 64 hex digits, quality 0-100)."""
    try:
        import pdqhash
    except ImportError as exc:
        raise PictureHashError(
            "Picture hashes need the pdqhash package, which is not installed: reinstall the "
            "application."
        ) from exc
    if rgb.ndim != 3 or rgb.shape[2] != 3 or rgb.dtype != np.uint8 or min(rgb.shape[:2]) < 1:
        raise PictureHashError("The picture is not an RGB image: it cannot be hashed.")
    bits, quality = pdqhash.compute(_fit(rgb))
    return np.packbits(bits.astype(np.uint8)).tobytes().hex(), int(quality)


def file_hash(path) -> tuple[str, int]:
    """PDQ of a picture file (PNG, JPEG...), decoded as analysis decodes screenshots."""
    from ..vision.errors import VisionError
    from ..vision.images import load_image

    try:
        bgr = load_image(path)
    except VisionError as exc:
        raise PictureHashError(str(exc)) from exc
    return picture_hash(np.ascontiguousarray(bgr[..., ::-1]))


def distance(a: str, b: str) -> int:
    """Hamming distance of two PDQ hashes (0-256)."""
    return (int(a, 16) ^ int(b, 16)).bit_count()
