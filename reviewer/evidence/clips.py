"""Clips and stills around a flag, with a record of how each was derived from its original.

Clips copy the original's packets (no re-encoding), so every frame and sample in a clip is the
original's own; the cut starts at the key frame at or before the asked in-point.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

import av

from .. import TOOL_NAME, __version__
from .errors import ExportCancelled

PAD_BEFORE_S = 5.0  # context before the flag (or its lead-in) ...
PAD_AFTER_S = 5.0  # ... and after it
STILL_MAX_SIDE = 1280
JPEG_QUALITY = 90
MARK = (255, 59, 48)  # the review window's red (#ff3b30)


@dataclass
class Derived:
    """A derived file's bytes and how it was made."""

    data: bytes
    ext: str
    derivation: dict[str, Any]


def tool_versions() -> dict[str, str]:
    return {
        TOOL_NAME: __version__,
        "pyav": av.__version__,
        "libavformat": ".".join(str(x) for x in av.library_versions.get("libavformat", ())),
        "libavcodec": ".".join(str(x) for x in av.library_versions.get("libavcodec", ())),
    }


def clip_window(flag: dict, duration_s: float | None) -> tuple[float, float]:
    start = flag.get("play_from_s")
    if start is None:
        start = flag.get("start_s") or 0.0
    end = flag.get("end_s") if flag.get("end_s") is not None else start
    t_in = max(0.0, start - PAD_BEFORE_S)
    t_out = end + PAD_AFTER_S
    if duration_s:
        t_out = min(t_out, duration_s)
    return t_in, max(t_out, t_in + 0.1)


def _out_format(kind: str, codecs: set[str]) -> tuple[str, str]:
    """mp4/m4a where the codecs allow (plays everywhere), Matroska otherwise (takes anything)."""
    mp4_ok = {"h264", "hevc", "aac", "mp3", "mpeg4", "alac"}
    if codecs <= mp4_ok:
        return ("mp4", "mp4") if kind == "video" else ("ipod", "m4a")
    return ("matroska", "mkv") if kind == "video" else ("matroska", "mka")


def cut_clip(
    src: Path,
    source_sha256: str,
    kind: str,
    t_in: float,
    t_out: float,
    cancel: threading.Event | None = None,
) -> Derived:
    """Copy the packets between `t_in` (back to the key frame before it) and `t_out`."""
    with av.open(str(src)) as inp:
        streams = [s for s in inp.streams if s.type in ("video", "audio")]
        if kind != "video":
            streams = [s for s in streams if s.type == "audio"]
        if not streams:
            raise ValueError("no audio or video stream to cut")
        fmt, ext = _out_format(kind, {s.codec_context.name for s in streams})
        buf = io.BytesIO()
        with av.open(buf, "w", format=fmt) as out:
            omap = {s.index: out.add_stream_from_template(s) for s in streams}
            inp.seek(int(t_in * av.time_base), backward=True, any_frame=False)
            offset: float | None = None  # seconds subtracted so the clip starts at zero
            first_s, last_s = None, 0.0
            done: set[int] = set()
            for packet in inp.demux(*streams):
                if cancel is not None and cancel.is_set():
                    raise ExportCancelled("Export cancelled while cutting a clip.")
                if packet.dts is None or packet.stream.index in done:
                    continue
                tb = packet.stream.time_base
                t = float(packet.dts * tb)
                if t > t_out:
                    done.add(packet.stream.index)
                    if len(done) == len(streams):
                        break
                    continue
                if offset is None:
                    offset = t
                    first_s = float((packet.pts if packet.pts is not None else packet.dts) * tb)
                shift = int(round(Fraction(offset).limit_denominator(10**6) / tb))
                packet.dts -= shift
                if packet.pts is not None:
                    packet.pts -= shift
                    last_s = max(last_s, float(packet.pts * tb) + offset)
                packet.stream = omap[packet.stream.index]
                out.mux(packet)
        data = buf.getvalue()
    return Derived(
        data=data,
        ext=ext,
        derivation={
            "type": "clip",
            "method": "packet copy (remux, no re-encoding); starts at the key frame at or "
            "before the requested in-point",
            "source_sha256": source_sha256,
            "requested_in_s": round(t_in, 3),
            "requested_out_s": round(t_out, 3),
            "actual_in_s": round(first_s if first_s is not None else t_in, 3),
            "actual_out_s": round(last_s, 3),
            "container": fmt,
            "tools": tool_versions(),
        },
    )


def _mark(image: Any, boxes: Sequence[Sequence[float]]) -> Any:
    """Red rectangles around the matched text, as the review window draws them."""
    from PIL import ImageDraw

    image = image.convert("RGB")
    if boxes:
        draw = ImageDraw.Draw(image)
        width = max(2, image.width // 300)
        for box in boxes:
            x0, y0, x1, y1 = (float(v) for v in box[:4])
            draw.rectangle(
                (x0 - width, y0 - width, x1 + width, y1 + width), outline=MARK, width=width
            )
    return image


def _marked(derivation: dict[str, Any], boxes: Sequence[Sequence[float]]) -> dict[str, Any]:
    if boxes:
        derivation["method"] += (
            "; red rectangles drawn around the text that matched (boxes in the original's pixels)"
        )
        derivation["marked_boxes"] = [[round(float(v), 1) for v in b[:4]] for b in boxes]
    return derivation


def _jpeg(image: Any) -> bytes:
    image = image.convert("RGB")
    image.thumbnail((STILL_MAX_SIDE, STILL_MAX_SIDE))
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=JPEG_QUALITY)
    return out.getvalue()


def still_frame(
    src: Path, source_sha256: str, at_s: float, boxes: Sequence[Sequence[float]] = ()
) -> Derived:
    """The first decoded video frame at or after `at_s`, as JPEG, `boxes` marked in red."""
    with av.open(str(src)) as inp:
        stream = inp.streams.video[0]
        inp.seek(int(max(0.0, at_s) * av.time_base), backward=True)
        chosen = None
        for frame in inp.decode(stream):
            if frame.time is None:
                continue
            chosen = frame
            if frame.time >= at_s - 1e-3:
                break
        if chosen is None:
            raise ValueError(f"no video frame at {at_s:.2f} s")
        data = _jpeg(_mark(chosen.to_image(), boxes))
        frame_time = float(chosen.time)
    return Derived(
        data=data,
        ext="jpg",
        derivation=_marked(
            {
                "type": "still",
                "method": f"decoded video frame, JPEG quality {JPEG_QUALITY}, longest side "
                f"at most {STILL_MAX_SIDE} px",
                "source_sha256": source_sha256,
                "requested_at_s": round(at_s, 3),
                "frame_time_s": round(frame_time, 3),
                "tools": tool_versions(),
            },
            boxes,
        ),
    )


def screenshot_preview(
    src: Path, source_sha256: str, boxes: Sequence[Sequence[float]] = ()
) -> Derived:
    """A JPEG rendition of an image original for the report (the original itself is in the
    bag), `boxes` marked in red."""
    from PIL import Image

    with Image.open(src) as image:
        data = _jpeg(_mark(image, boxes))
    return Derived(
        data=data,
        ext="jpg",
        derivation=_marked(
            {
                "type": "screenshot",
                "method": f"image re-encoded as JPEG quality {JPEG_QUALITY} for the report; "
                "the original file is in data/originals",
                "source_sha256": source_sha256,
                "tools": tool_versions(),
            },
            boxes,
        ),
    )
