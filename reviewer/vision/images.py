"""Loading screenshots and photos (PNG, JPEG, WebP, BMP, GIF first frame) as BGR arrays.

The size is read from the header before anything is decoded, so a decompression bomb or
a camera panorama beyond the limit is refused instead of exhausting memory. OpenCV decodes
from bytes we read ourselves (cv2.imread cannot open non-ASCII paths on Windows) and applies
the EXIF orientation, as a phone gallery shows the picture; Pillow is the fallback for
formats OpenCV lacks.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from reviewer.vision.errors import ImageReadError, ImageTooLargeError

# 120 megapixels: above any phone screenshot or 108 MP phone photo; a decoded BGR image of
# that size is 360 MB.
DEFAULT_MAX_PIXELS = 120_000_000

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".webp", ".bmp", ".gif", ".tif", ".tiff"})


def image_size(path: str | Path) -> tuple[int, int]:
    """(width, height) from the header only."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as probe:
                return probe.size
    except (Image.DecompressionBombError, UnidentifiedImageError, OSError, ValueError) as exc:
        raise ImageReadError(f"Cannot read {Path(path).name} as an image: {exc}") from exc


def load_image(path: str | Path, max_pixels: int = DEFAULT_MAX_PIXELS) -> np.ndarray:
    """Decode an image file to a BGR uint8 array (EXIF orientation applied)."""
    path = Path(path)
    width, height = image_size(path)
    if width * height > max_pixels:
        raise ImageTooLargeError(
            f"{path.name} is {width}x{height} ({width * height / 1e6:.0f} MP), over the "
            f"{max_pixels / 1e6:.0f} MP limit; it was not decoded."
        )
    try:
        data = np.fromfile(str(path), dtype=np.uint8)
    except OSError as exc:
        raise ImageReadError(f"Cannot read {path.name}: {exc}") from exc
    image = cv2.imdecode(data, cv2.IMREAD_COLOR)
    del data
    if image is not None:
        return image
    return _load_with_pillow(path)


def _load_with_pillow(path: Path) -> np.ndarray:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as opened:
                opened.seek(0)  # animated GIF/WebP: the first frame
                upright = ImageOps.exif_transpose(opened)
                if upright.mode in ("RGBA", "LA", "P"):
                    # Transparent areas show as white, as an image viewer would.
                    rgba = upright.convert("RGBA")
                    canvas = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
                    upright = Image.alpha_composite(canvas, rgba)
                rgb = np.asarray(upright.convert("RGB"))
    except (Image.DecompressionBombError, UnidentifiedImageError, OSError, ValueError) as exc:
        raise ImageReadError(f"Cannot decode {path.name}: {exc}") from exc
    except SyntaxError as exc:  # Pillow's word for a damaged PNG chunk, not a Python error
        raise ImageReadError(f"Cannot decode {path.name}: damaged picture ({exc.msg})") from exc
    return cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR)
