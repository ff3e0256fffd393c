"""On-screen text of a whole video: frames → OCR (skipped when the picture did not change)
→ timed text items, streaming.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from reviewer.vision.dedupe import TextTracker, TimedText
from reviewer.vision.frames import Frame
from reviewer.vision.ocr import OcrEngine, OcrLine


@dataclass(frozen=True)
class FrameText:
    t_s: float
    lines: list[OcrLine]
    reused: bool  # True: the frame looked unchanged, these are the last OCR'd frame's lines


def read_frames(frames: Iterable[Frame], engine: OcrEngine) -> Iterator[FrameText]:
    """OCR each changed frame; an unchanged frame repeats the previous lines."""
    last: list[OcrLine] = []
    seen_any = False
    for frame in frames:
        if frame.changed or not seen_any:
            last = engine.read(frame.image)
            seen_any = True
            yield FrameText(frame.t_s, last, reused=False)
        else:
            yield FrameText(frame.t_s, last, reused=True)


def timed_text(
    frame_texts: Iterable[FrameText], tracker: TextTracker | None = None
) -> Iterator[TimedText]:
    """Timed items as soon as each one closes, then the rest at the end."""
    tracker = tracker or TextTracker()
    for item in frame_texts:
        yield from tracker.feed(item.t_s, item.lines)
    yield from tracker.flush()
