"""Small generated pictures and videos for the frame identifier tests: two scenes of shapes (so
PDQ has structure to hash) and a QR code drawn over some of the frames."""

from __future__ import annotations

import io
from pathlib import Path

import av
import numpy as np
import segno
from PIL import Image, ImageDraw


def scene(seed: int, width: int = 640, height: int = 360) -> Image.Image:
    """A picture of coloured shapes on a gradient, different for each seed."""
    rng = np.random.default_rng(seed)
    ramp = np.linspace(40, 200, width, dtype=np.float32)
    base = np.stack([np.tile(ramp, (height, 1)) * f for f in rng.uniform(0.5, 1.0, 3)], axis=-1)
    img = Image.fromarray(base.astype(np.uint8))
    draw = ImageDraw.Draw(img)
    for _ in range(12):
        x, y = int(rng.integers(0, width)), int(rng.integers(0, height))
        r = int(rng.integers(20, 90))
        colour = tuple(int(c) for c in rng.integers(0, 255, 3))
        if rng.random() < 0.5:
            draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)
        else:
            draw.rectangle((x - r, y - r // 2, x + r, y + r // 2), fill=colour)
    return img


def qr_image(payload: str, module_px: int) -> Image.Image:
    buf = io.BytesIO()
    segno.make(payload, error="m").save(buf, kind="png", scale=module_px, border=2)
    return Image.open(io.BytesIO(buf.getvalue())).convert("RGB")


def with_qr(picture: Image.Image, payload: str, module_px: int = 3, at=(440, 40)) -> Image.Image:
    out = picture.copy()
    out.paste(qr_image(payload, module_px), at)
    return out


def write_video(path: Path, frames: list[tuple[float, Image.Image]], fps: int = 10,
                duration_s: float = 12.0, crf: int = 20) -> Path:  # fmt: skip
    """An H.264 mp4 (no audio): each picture of `frames` from its start time until the next."""
    with av.open(str(path), "w") as out:
        stream = out.add_stream("libx264", rate=fps)
        stream.width, stream.height = frames[0][1].size
        stream.pix_fmt = "yuv420p"
        stream.options = {"crf": str(crf), "g": str(fps * 2)}
        for i in range(int(duration_s * fps)):
            t = i / fps
            picture = [img for start, img in frames if start <= t + 1e-9][-1]
            frame = av.VideoFrame.from_ndarray(np.asarray(picture), format="rgb24")
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    return path
