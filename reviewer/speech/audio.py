"""Streaming audio decode with PyAV: 16 kHz mono float32 blocks, never the whole track at once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import av
import numpy as np

from ..errors import MediaError
from ..media_errors import ffmpeg_reason

SAMPLE_RATE = 16000


class AudioReader:
    """Decode the first audio stream from `start_s` on, in blocks of about `block_s` seconds.

    A file that breaks off mid-way (truncated download, pulled stick) ends the stream early and
    sets `error`, so what could be decoded is still used.

    `seek=False` decodes from the beginning and drops what comes before `start_s`: the samples
    are then exactly those of an uninterrupted decode. After a seek they are not: FFmpeg's AAC
    decoder carries state from frame to frame (the noise generator of perceptual noise
    substitution), so ~5 % of samples differ by up to 0.1 for the rest of the file. Decoding is
    cheap (10 minutes of AAC in 0.5 s here), so an analysis range pays for exactness this way.
    """

    def __init__(
        self, path: Path, start_s: float = 0.0, block_s: float = 30.0, seek: bool = True
    ) -> None:
        self.path = path
        self.start_s = max(0.0, start_s)
        self.block = int(block_s * SAMPLE_RATE)
        self.seek = seek
        self.error: str | None = None

    def __iter__(self) -> Iterator[np.ndarray]:
        try:
            container = av.open(str(self.path), mode="r", metadata_errors="ignore")
        except av.error.FFmpegError as exc:
            raise MediaError(f"cannot open audio: {ffmpeg_reason(exc)}") from exc
        with container:
            if not container.streams.audio:
                return
            stream = container.streams.audio[0]
            stream.thread_type = "AUTO"
            start_sample = int(round(self.start_s * SAMPLE_RATE))
            if self.start_s > 0 and self.seek:
                # Seek a little early, then trim to the exact sample by frame timestamps.
                target = max(0.0, self.start_s - 1.0)
                try:
                    container.seek(int(target / stream.time_base), stream=stream, backward=True)
                except av.error.FFmpegError:
                    container.seek(0, stream=stream)
            # Same conversion as faster_whisper.decode_audio (s16, then /32768): float resampling
            # differs by ~1e-4, enough to tip Whisper into slow temperature fallbacks.
            resampler = av.AudioResampler(format="s16", layout="mono", rate=SAMPLE_RATE)
            position: int | None = None  # absolute sample index of the next resampled sample
            pending: list[np.ndarray] = []
            pending_len = 0
            try:
                for packet in container.demux(stream):
                    for frame in packet.decode():
                        if position is None:
                            position = int(round(frame.time * SAMPLE_RATE)) if frame.time else 0
                        for out in resampler.resample(frame):
                            samples = _as_float(out)
                            position, samples = _trim(position, samples, start_sample)
                            if samples.size:
                                pending.append(samples)
                                pending_len += samples.size
                        while pending_len >= self.block:
                            block, pending, pending_len = _take(pending, self.block)
                            yield block
            except av.error.FFmpegError as exc:
                self.error = f"audio breaks off at {((position or 0) / SAMPLE_RATE):.1f} s ({ffmpeg_reason(exc)})"
            try:
                for out in resampler.resample(None):
                    samples = _as_float(out)
                    position, samples = _trim(position or 0, samples, start_sample)
                    if samples.size:
                        pending.append(samples)
                        pending_len += samples.size
            except av.error.FFmpegError:
                pass
            if pending_len:
                yield np.concatenate(pending).astype(np.float32, copy=False)


def _as_float(frame: av.AudioFrame) -> np.ndarray:
    return frame.to_ndarray().reshape(-1).astype(np.float32) / 32768.0


def _trim(position: int, samples: np.ndarray, start_sample: int) -> tuple[int, np.ndarray]:
    end = position + samples.size
    if end <= start_sample:
        return end, samples[:0]
    if position < start_sample:
        samples = samples[start_sample - position :]
    return end, samples


def _take(parts: list[np.ndarray], n: int) -> tuple[np.ndarray, list[np.ndarray], int]:
    joined = np.concatenate(parts)
    rest = joined[n:]
    return joined[:n].astype(np.float32, copy=False), ([rest] if rest.size else []), rest.size
