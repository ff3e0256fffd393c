"""Vision: frames sampled from video, text read from frames and screenshots (Vietnamese
first), same-line merging across frames, and the obscene-image score.

Models ship inside pinned registry packages and are checked by SHA-256 before use; nothing
here opens a network connection or imports Qt.

    engine = OcrEngine()                       # device="cpu" | "cuda" | "auto"
    sampler = FrameSampler("live.mp4", every_s=1.0)
    items = list(timed_text(read_frames(sampler, engine)))
    sampler.report.truncated                   # damaged file? frames before it were read
    NsfwClassifier().score(load_image("shot.png"))
"""

from reviewer.vision.dedupe import TextTracker, TimedText, merge_lines
from reviewer.vision.device import available_providers
from reviewer.vision.errors import (
    DeviceUnavailableError,
    ImageReadError,
    ImageTooLargeError,
    InvalidImageError,
    VideoOpenError,
    VisionError,
    VisionModelError,
    VisionModelHashMismatch,
)
from reviewer.vision.frames import Frame, FrameSampler, SampleReport, sample_frames
from reviewer.vision.images import IMAGE_SUFFIXES, load_image
from reviewer.vision.models import ModelId
from reviewer.vision.nsfw import NsfwClassifier
from reviewer.vision.ocr import OcrEngine, OcrLine
from reviewer.vision.video_text import FrameText, read_frames, timed_text

__all__ = [
    "IMAGE_SUFFIXES",
    "DeviceUnavailableError",
    "Frame",
    "FrameSampler",
    "FrameText",
    "ImageReadError",
    "ImageTooLargeError",
    "InvalidImageError",
    "ModelId",
    "NsfwClassifier",
    "OcrEngine",
    "OcrLine",
    "SampleReport",
    "TextTracker",
    "TimedText",
    "VideoOpenError",
    "VisionError",
    "VisionModelError",
    "VisionModelHashMismatch",
    "available_providers",
    "load_image",
    "merge_lines",
    "read_frames",
    "sample_frames",
    "timed_text",
]
