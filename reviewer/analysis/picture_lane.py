"""The pictures of a range (sampled frames, or one still image), and a lane that runs them ahead.

`RangePictures` is the picture work of one range: run in place (a Dask worker runs ranges side by
side in its threads), or in a thread beside the range's speech (a process that runs one range at a
time: the workstation's child), joined when the speech is done.

`PictureLane` keeps that second core busy across ranges. A range's speech takes longer than its
pictures (10 minutes of a chat stream with real voices: speech ~85 s, pictures ~30 s), so with one
range at a time the picture core idled from the end of a range's pictures to the end of its speech,
and while the file was planned (the VAD over the whole sound track). The lane starts the first
range's pictures when the file is planned and the next range's as soon as one range's are done:
the spans of a file's pictures follow from its duration alone (`picture_spans`, which planning
uses too). A range task adopts the pictures under way or done when they are the ones it asks for
(same file, size and modification time, span and options); anything else is stopped. The pictures
of a span are a function of the file, the span and the options wherever they start (the frame
loop replays from the last OCR epoch), so running them ahead changes no row.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .frames import VISION_CHUNK_S, FrameStretches, read_image

if TYPE_CHECKING:
    from .core import CoreModels, CoreOptions, RangeProgress, TimeRange

Span = tuple[float, float | None]


def picture_spans(duration_s: float, range_s: float) -> list[Span]:
    """[start, end) of each range's frames, end None for the last (to the end of the video)."""
    step = max(1, round(range_s / VISION_CHUNK_S)) * VISION_CHUNK_S
    # A tail under a second (container rounding) joins the last range instead of making one.
    count = max(1, math.ceil((duration_s - 1.0) / step))
    return [(k * step, (k + 1) * step if k < count - 1 else None) for k in range(count)]


def _key(path: Path, span: Span | None, image: bool, duration_s: float | None, options) -> tuple:
    stat = path.stat()
    return (str(path.resolve()), stat.st_size, stat.st_mtime_ns, span, image, duration_s, options)


class RangePictures:
    """The picture work of one range: run in place, or started in a thread and joined."""

    def __init__(
        self,
        path: Path,
        span: Span | None,
        image: bool,
        duration_s: float | None,
        options: CoreOptions,
        models: CoreModels,
        progress: RangeProgress | None = None,
        ahead: bool = False,
    ) -> None:
        self.path, self.span, self.image = path, span, image
        self.duration_s, self.options, self.models = duration_s, options, models
        self.progress = progress
        self.key: tuple | None = None  # set by the lane that runs it ahead
        self.then: Callable[[RangePictures], None] | None = None  # after a clean finish
        self._thread: threading.Thread | None = None
        self._out: tuple | None = None
        self._error: BaseException | None = None
        self._done_s: float | None = None
        self._taken = not ahead  # run ahead: no task has asked for it yet
        self._finished = False
        self._lock = threading.Lock()
        self.stop = threading.Event()  # set when the speech beside it failed, or not wanted

    @classmethod
    def of(
        cls,
        path: Path,
        rng: TimeRange,
        options: CoreOptions,
        models: CoreModels,
        progress: RangeProgress | None = None,
    ) -> RangePictures:
        return cls(path, rng.vision, rng.image, rng.duration_s, options, models, progress)

    def adopt(self, progress: RangeProgress | None) -> bool:
        """A task takes it over: its progress goes to `progress` from now on. True when it
        had already finished cleanly (the lane then runs the next range's ahead)."""
        with self._lock:
            self.progress, done = progress, self._done_s
            self._taken, finished = True, self._finished
        if progress is not None and done is not None:
            progress("ocr", done)
        return finished and self._clean()

    def _clean(self) -> bool:
        return self._error is None and not self.stop.is_set()

    def _frame(self, t_s: float) -> None:
        with self._lock:
            self._done_s, progress = t_s, self.progress
        if progress is not None:
            progress("ocr", t_s)

    def _run(self) -> None:
        try:
            vision = self.models.vision()
            if self.image:
                found, notes = [asdict(read_image(self.path, vision))], []
            else:
                stretches = FrameStretches(
                    self.path,
                    vision,
                    start_s=self.span[0],
                    end_s=self.span[1],
                    every_s=self.options.ocr_every_s,
                    duration_s=self.duration_s,
                    incremental=self.options.ocr_incremental,
                    cancel=self.stop,
                    on_frame=self._frame,
                )
                found = [asdict(stretch) for stretch in stretches]
                notes = [stretches.warning] if stretches.warning else []
            nsfw = vision.nsfw.model
            image = {"name": nsfw.name, "sha256": nsfw.sha256}
            self._out = (found, notes, vision.ocr_provenance(), image)
        except BaseException as exc:  # handed to the range's thread, raised there
            self._error = exc

    def _run_beside(self) -> None:
        self._run()
        with self._lock:
            self._finished, taken = True, self._taken
        # Only one range ahead of the tasks: a file whose next task never comes (a failure,
        # a resumed case that has it) costs one range's pictures, not the rest of the file.
        if taken and self._clean() and self.then is not None:
            self.then(self)

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run_beside, name="range-pictures", daemon=True)
        self._thread.start()

    def join(self, reraise: bool = True) -> None:
        if self._thread is not None:
            self._thread.join()
        if reraise and self._error is not None:
            raise self._error

    def result(self) -> tuple:
        """(stretches, warnings, OCR models, image model), run here if it was not started."""
        if self._thread is None:
            self._run()
        self.join()
        assert self._out is not None
        return self._out


class PictureLane:
    """A process's pictures, one range after the other, ahead of its speech (module doc)."""

    def __init__(self, models: CoreModels) -> None:
        self.models = models
        self._lock = threading.Lock()
        self._job: RangePictures | None = None
        self._closed = False
        self.adopted = 0  # range tasks that found their pictures under way or done

    def take(
        self,
        path: Path,
        rng: TimeRange,
        options: CoreOptions,
        progress: RangeProgress | None = None,
    ) -> RangePictures:
        """The pictures of `rng`, under way: the ones run ahead when they match, else new."""
        key = _key(path, rng.vision, rng.image, rng.duration_s, options)
        with self._lock:
            job, ahead = self._job, False
            if job is not None and job.key == key and not job.stop.is_set():
                ahead = job.adopt(progress)
                self.adopted += 1
            else:
                job = RangePictures.of(path, rng, options, self.models, progress)
                self._begin(job, key)
        if ahead:
            self._next(job)
        return job

    def plan(self, path: Path, media: dict[str, Any], options: CoreOptions) -> None:
        """A file is being planned: its first range's pictures need not wait for that."""
        duration = media.get("duration_s")
        if media.get("kind") != "video" or not options.vision or not duration:
            return
        span = picture_spans(float(duration), options.range_s)[0]
        self._ahead(path, span, media.get("duration_s"), options)

    @property
    def current(self) -> RangePictures | None:
        """The pictures under way or last done."""
        return self._job

    def close(self) -> None:
        with self._lock:
            self._closed = True
            if self._job is not None:
                self._job.stop.set()

    def _begin(self, job: RangePictures, key: tuple) -> None:
        if self._job is not None and self._job is not job:
            self._job.stop.set()  # not wanted any more: it ends at its next frame
        job.key, job.then = key, self._next
        self._job = job
        if not self._closed:
            job.start()

    def _ahead(self, path: Path, span: Span, duration_s: float | None, options) -> None:
        try:
            key = _key(path, span, False, duration_s, options)
        except OSError:
            return  # the file went away: the range task will say so
        with self._lock:
            if self._closed or (self._job is not None and self._job.key == key):
                return
            job = RangePictures(path, span, False, duration_s, options, self.models, ahead=True)
            self._begin(job, key)

    def _next(self, done: RangePictures) -> None:
        """After a range's pictures: the next range's, when the file has one."""
        if done.image or done.span is None or done.span[1] is None or not done.duration_s:
            return
        spans = picture_spans(float(done.duration_s), done.options.range_s)
        if done.span in spans and spans.index(done.span) + 1 < len(spans):
            nxt = spans[spans.index(done.span) + 1]
            self._ahead(done.path, nxt, done.duration_s, done.options)
