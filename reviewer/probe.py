"""What a file is, judged by its content (never by its extension), using PyAV."""

from __future__ import annotations

import math
from dataclasses import dataclass, fields
from pathlib import Path

import av

from .errors import MediaError
from .media_errors import ffmpeg_reason

# Demuxers that hold a single still picture: such a "video" is a screenshot.
IMAGE_FORMATS = {
    "image2",
    "png_pipe",
    "jpeg_pipe",
    "webp_pipe",
    "bmp_pipe",
    "tiff_pipe",
    "gif",
    "gif_pipe",
    "jpegls_pipe",
    "pgm_pipe",
    "ppm_pipe",
    "qoi_pipe",
    "svg_pipe",
}
IMAGE_CODECS = {"png", "mjpeg", "webp", "bmp", "tiff", "gif", "jpegls", "qoi"}


@dataclass
class Probe:
    kind: str  # video | audio | image
    container: str
    duration_s: float | None
    fps: float | None
    width: int | None
    height: int | None
    video_codec: str | None
    audio_codec: str | None
    has_audio: bool

    @classmethod
    def from_json(cls, data: object) -> Probe:
        """A probe another process made, read as data: anything out of shape is refused
        (MediaError), as an analysis child that a hostile file took over might send it."""
        if not isinstance(data, dict) or set(data) != {f.name for f in fields(cls)}:
            raise MediaError("the analysis process described the file in a way not understood")
        kind, has_audio = data["kind"], data["has_audio"]
        texts = ("container", "video_codec", "audio_codec")
        numbers = ("duration_s", "fps", "width", "height")
        ok = (
            kind in ("video", "audio", "image")
            and isinstance(has_audio, bool)
            and isinstance(data["container"], str)
            and all(
                data[k] is None or (isinstance(data[k], str) and len(data[k]) < 64) for k in texts
            )
            and all(
                data[k] is None
                or (
                    isinstance(data[k], (int, float))
                    and not isinstance(data[k], bool)
                    and math.isfinite(data[k])
                    and 0 <= data[k] < 1e9
                )
                for k in numbers
            )
        )
        if not ok:
            raise MediaError("the analysis process described the file in a way not understood")
        return cls(**data)


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200]


def probe(path: Path) -> Probe:
    """Kind, duration and streams of a media file; MediaError with a plain reason otherwise."""
    if path.stat().st_size == 0:
        raise MediaError("empty file (0 bytes)")
    try:
        container = av.open(str(path), mode="r", metadata_errors="ignore")
    except av.error.FFmpegError as exc:
        raise MediaError(ffmpeg_reason(exc)) from exc
    except (UnicodeDecodeError, ValueError) as exc:
        raise MediaError(f"not a readable media file ({_one_line(exc)})") from exc
    with container:
        fmt = container.format.name.split(",")[0]
        videos = [
            s
            for s in container.streams.video
            if not (s.disposition & av.stream.Disposition.attached_pic)  # cover art of a song
        ]
        audios = list(container.streams.audio)
        if not videos and not audios:
            raise MediaError("no audio or video stream in the file")
        video = videos[0] if videos else None
        audio = audios[0] if audios else None
        vcodec = video.codec_context.name if video else None
        is_image = (
            video is not None
            and not audio
            and (
                fmt in IMAGE_FORMATS
                or (vcodec in IMAGE_CODECS and (video.frames or 0) <= 1 and not container.duration)
            )
        )
        duration = None
        if not is_image:
            if container.duration:
                duration = container.duration / av.time_base
            else:
                stream = audio or video
                if stream.duration and stream.time_base:
                    duration = float(stream.duration * stream.time_base)
        fps = (
            float(video.average_rate)
            if video is not None and video.average_rate and not is_image
            else None
        )
        width = video.codec_context.width if video is not None else None
        height = video.codec_context.height if video is not None else None
        if video is not None and not (width and height):
            raise MediaError("video stream has no picture size (damaged or unsupported)")
        kind = "image" if is_image else ("video" if video is not None else "audio")
        return Probe(
            kind=kind,
            container=fmt,
            duration_s=duration,
            fps=fps,
            width=width,
            height=height,
            video_codec=vcodec,
            audio_codec=audio.codec_context.name if audio else None,
            has_audio=audio is not None,
        )
