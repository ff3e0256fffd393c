"""Sampling frames from a video, streaming, at a fixed interval.

Measured on a 720p H.264 clip (see the report in tests/test_vision_frames.py): OpenCV's
sequential grab()/retrieve() and PyAV cost about the same CPU when every frame is decoded,
and PyAV with ``skip_frame="NONREF"`` (B-frames nobody references are not decoded) costs
~25% less on streams with B-frames and the same without. PyAV also gives each frame's
real timestamp (phone recordings are often variable frame rate, where frame index / fps
drifts) and a typed error at the point where a damaged file stops, so we use PyAV.

Times are seconds from the container's start time, the position a player shows.
Only one decoded frame (plus the decoder's own small queue) is held at a time.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import av
import numpy as np

from reviewer.media_errors import ffmpeg_reason
from reviewer.vision.change import DEFAULT_CHANGE_THRESHOLD, ChangeDetector
from reviewer.vision.errors import VideoOpenError

# The decode ends this much before the declared duration: treat as cut short. Containers
# round durations and the last frame starts one frame interval before the end.
_TRUNCATION_SLACK_S = 1.5


@dataclass(frozen=True)
class Frame:
    t_s: float
    image: np.ndarray  # BGR uint8, H x W x 3
    changed: bool = True  # False: looks like the last changed frame, its OCR can be reused
    change_fraction: float = 1.0


@dataclass
class SampleReport:
    """What the sampler saw: filled in while iterating, final when iteration ends."""

    path: str
    duration_s: float | None = None
    width: int = 0
    height: int = 0
    frames_decoded: int = 0
    frames_sampled: int = 0
    frames_changed: int = 0
    last_t_s: float | None = None
    truncated: bool = False
    error: str | None = None
    notes: list[str] = field(default_factory=list)


class FrameSampler:
    """Iterate over ``Frame`` objects one every ``every_s`` seconds.

    ``change_threshold``: fraction of thumbnail cells that must differ for a frame to count
    as changed (see ``change.py``); 0 marks every frame changed. Unchanged frames are still
    yielded (with ``changed=False``) so a caller can extend a text's last-seen time without
    running OCR again.

    A file that cannot be opened raises ``VideoOpenError``. A file that breaks or ends early
    while decoding stops the iteration cleanly; ``report.truncated`` and ``report.error``
    say so, and every frame before the damage has been yielded.
    """

    def __init__(
        self,
        path: str | Path,
        every_s: float = 1.0,
        change_threshold: float = DEFAULT_CHANGE_THRESHOLD,
        skip_nonref: bool = True,
        threads: int | None = None,
        start_s: float = 0.0,
    ) -> None:
        if not every_s > 0:
            raise ValueError("every_s must be positive")
        self.path = Path(path)
        self.every_s = float(every_s)
        self.change_threshold = change_threshold
        self.skip_nonref = skip_nonref
        self.threads = threads
        self.start_s = max(0.0, float(start_s))  # resume point: frames before it are skipped
        self.report = SampleReport(path=str(self.path))

    def __iter__(self) -> Iterator[Frame]:
        report = self.report = SampleReport(path=str(self.path))
        try:
            container = av.open(str(self.path), mode="r")
        except (av.error.FFmpegError, OSError, ValueError) as exc:
            raise VideoOpenError(
                f"Cannot open {self.path.name} as a video: {ffmpeg_reason(exc)}"
            ) from exc
        with container:
            if not container.streams.video:
                raise VideoOpenError(f"{self.path.name} has no video stream.")
            stream = container.streams.video[0]
            stream.thread_type = "AUTO"  # frame + slice threads: the fastest here
            if self.threads:
                stream.codec_context.thread_count = self.threads
            if self.skip_nonref:
                stream.codec_context.skip_frame = "NONREF"
            report.width = stream.codec_context.width
            report.height = stream.codec_context.height
            report.duration_s = _duration(container, stream)
            start_s = container.start_time / 1_000_000 if container.start_time else 0.0
            if self.start_s > 0:
                # Land on the keyframe before the resume point; frames before it are skipped.
                try:
                    target = int((self.start_s + start_s) / stream.time_base)
                    container.seek(target, stream=stream, backward=True)
                except (av.error.FFmpegError, OverflowError, TypeError):
                    container.seek(0)
            yield from self._frames(container, stream, start_s, report)
        if (
            report.error is None
            and report.duration_s
            and (report.last_t_s or 0.0)
            < report.duration_s - max(_TRUNCATION_SLACK_S, self.every_s)
        ):
            report.truncated = True
            report.notes.append(
                f"decoding stopped at {report.last_t_s or 0.0:.1f} s of "
                f"{report.duration_s:.1f} s declared: the file looks cut short"
            )

    def _frames(
        self,
        container: av.container.InputContainer,
        stream: av.video.stream.VideoStream,
        start_s: float,
        report: SampleReport,
    ) -> Iterator[Frame]:
        detector = ChangeDetector(self.change_threshold)
        next_t = self.start_s
        time_base = stream.time_base
        try:
            for decoded in container.decode(stream):
                report.frames_decoded += 1
                if decoded.pts is None or time_base is None:
                    continue  # no timestamp: cannot place it on the timeline
                t_s = float(decoded.pts * time_base) - start_s
                report.last_t_s = t_s
                if t_s < next_t - 1e-6:
                    continue
                # The next sample is the next multiple of every_s after this frame, so a
                # frozen stretch (VFR) does not cause a burst of catch-up samples.
                next_t = (math.floor(t_s / self.every_s + 1e-6) + 1) * self.every_s
                image = decoded.to_ndarray(format="bgr24")
                changed = detector.update(image)
                report.frames_sampled += 1
                report.frames_changed += int(changed)
                yield Frame(t_s, image, changed, detector.last_fraction)
        except (av.error.FFmpegError, OSError) as exc:
            # Damaged or cut-short data: keep what was read, say where and why it stopped.
            report.truncated = True
            report.error = ffmpeg_reason(exc)
            report.notes.append(
                f"decoding stopped at {report.last_t_s or 0.0:.1f} s: {report.error}"
            )


def _duration(
    container: av.container.InputContainer, stream: av.video.stream.VideoStream
) -> float | None:
    if stream.duration is not None and stream.time_base is not None:
        return float(stream.duration * stream.time_base)
    if container.duration is not None:
        return container.duration / 1_000_000
    return None


def sample_frames(
    path: str | Path,
    every_s: float = 1.0,
    change_threshold: float = DEFAULT_CHANGE_THRESHOLD,
) -> Iterator[Frame]:
    """Frames every ``every_s`` seconds; use ``FrameSampler`` to also get its report."""
    return iter(FrameSampler(path, every_s=every_s, change_threshold=change_threshold))
