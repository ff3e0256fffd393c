"""The one place that knows the order of work: ingest, speech, on-screen text and images, then
detection into flags; emits progress, honours cancel."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .analysis import save
from .analysis.core import CoreModels
from .analysis.frames import FrameStretches, VisionModels, read_image
from .analysis.lifecycle import FileRun
from .analysis.options import (
    AnalysisOptions,
    EngineFactory,
    FileOutcome,
    ProgressEvent,
)
from .analysis.states import Media, MediaStatus, Stage
from .analysis.thread_share import vision_threads
from .detections import MediaDetector
from .errors import Cancelled, MediaError, ModelError, ReviewerError
from .identifiers.hook import picture_qr
from .native_heap import map_big_blocks_apart
from .speech import (
    SpeechEngine,
    SpeechOptions,
    engine_names,
    load_named,
    transcribe_media,
)
from .speech.loader import decoding_for, pass_settings
from .stage_thread import StageThread, StopSignal
from .store.case import Case


def workstation_models(
    options: AnalysisOptions, engine_factory: EngineFactory = load_named
) -> CoreModels:
    """This workstation's models for `options`: beside speech, the picture models get their
    share of the cores, no more."""
    threads = vision_threads() if options.overlap_stages else None
    return CoreModels(options.speech_model, options.device, engine_factory, threads)


class Analyzer(FileRun):
    """Runs analysis of files into a case on this workstation. `engine_factory` lets tests use
    a fake engine."""

    def __init__(
        self,
        case: Case,
        options: AnalysisOptions,
        on_progress: Callable[[ProgressEvent], None] | None = None,
        cancel: threading.Event | None = None,
        engine_factory: EngineFactory = load_named,
        models: CoreModels | None = None,
    ) -> None:
        """`models`: loaded models kept across runs (an Executor's); `engine_factory`: used
        when none are given."""
        super().__init__(case, options, on_progress, cancel)
        self.models = models or workstation_models(options, engine_factory)

    def engine_names(self) -> list[str]:
        """The speech models this analysis runs, in order; the last one's transcript is read."""
        return engine_names(
            self.options.speech_engine, self.options.language, self.options.speech_model
        )

    def engine(self, name: str) -> SpeechEngine:
        """A speech model, loaded once, on first need (images-only runs never load one)."""
        return self.models.engine(name)

    def speech_options(self) -> SpeechOptions:
        return self.options.core(self.bias_hotwords()).speech()

    def vision_models(self) -> VisionModels:
        return self.models.vision()

    def engine_warning(self) -> str | None:
        warnings = [e.warning for e in self.models.engines() if getattr(e, "warning", None)]
        return "; ".join(dict.fromkeys(warnings)) or None

    def _run_files(self, files: list[Path]) -> list[FileOutcome]:
        map_big_blocks_apart()  # before the models load: RSS stays flat over hours of video
        save.log_start(
            self.case,
            self.options,
            len(files),
            speech_engines=self.engine_names(),
            hotwords=self.options.speech.hotwords or self.bias_hotwords(),
            decoding=self.speech_options().as_record(),
        )
        outcomes = []
        for index, path in enumerate(files):
            if self.cancel.is_set():
                raise Cancelled()
            outcomes.append(self._one(path, index))
        return outcomes

    def _one(self, path: Path, index: int) -> FileOutcome:
        admitted = self.admit(path, index)
        if isinstance(admitted, FileOutcome):
            return admitted
        media = admitted
        media_id = media.id
        try:
            detector = self.detector(media_id)
            warnings = []
            vision = (
                self.options.vision and media.kind in ("video", "image") and not media.vision_done
            )
            if media.has_audio and vision and self.options.overlap_stages:
                warnings += self._speech_beside_vision(media, path, index, detector)
            else:
                if media.has_audio:
                    warnings.append(self._speech(media, path, index, detector))
                if vision:
                    warnings.append(self._vision_stage(media, path, index, detector))
            return self.finish(path, media, index, warnings)
        except Cancelled:
            save.set_status(self.case, media_id, MediaStatus.PENDING)
            raise
        except (MediaError, ModelError, ReviewerError) as exc:
            return self.fail(path, media, str(exc), index)
        except Exception as exc:  # one bad file never stops the batch
            return self.fail(path, media, f"internal error while analysing: {_named(exc)}", index)

    def _speech_beside_vision(
        self, media: Media, path: Path, index: int, detector: MediaDetector
    ) -> list[str | None]:
        """Speech here, pictures in a worker thread with its own case connection: both cores
        stay busy. Each stage saves its own chunks, so a crash or cancel in either leaves the
        media resumable as before; the first failure is raised once both have stopped."""
        self.vision_models()  # loaded here: a model error is reported like any other
        run = StageThread(
            lambda case, stop: self._vision_stage(
                media, path, index, self.detector(media.id, case), stop
            ),
            self.case,
            self.cancel,
        )
        run.start()
        try:
            speech_warning = self._speech(media, path, index, detector)
        except BaseException:
            run.stop()  # speech failed or was cancelled: pictures stop at their next frame
            run.join(reraise=False)
            raise
        return [speech_warning, run.join()]

    def _vision_stage(
        self,
        media: Media,
        path: Path,
        index: int,
        detector: MediaDetector,
        cancel: threading.Event | StopSignal | None = None,
    ) -> str | None:
        media_id = media.id
        models = self.vision_models()
        self.emit(path, media_id, Stage.OCR, index, 0.0)
        case, every_s = detector.case, self.options.ocr_every_s
        if media.kind == "image":
            read = read_image(path, models, media_id)
            save.save_image(case, media_id, read.items, read.detections, detector)
            save.finish_pictures(case, media_id, models.ocr_provenance())
            picture_qr(case, media_id, path)  # who is behind it: payment QR codes
            return None
        duration = media.duration_s or 0.0
        start = media.vision_done_s or 0.0
        began = time.monotonic()

        def progress(done_s: float) -> None:
            self.emit(
                path,
                media_id,
                Stage.OCR,
                index,
                *_fraction_eta(done_s, start, duration, began),
            )

        # From the saved resume point on, each stretch saved with its own resume point.
        boundary: float | None = start if start > 0 else None  # where the tracker last flushed
        stretches = FrameStretches(
            path,
            models,
            start_s=start,
            every_s=every_s,
            duration_s=media.duration_s,
            incremental=self.options.ocr_incremental,
            media_id=media_id,
            cancel=cancel or self.cancel,
            on_frame=progress,
        )
        for stretch in stretches:
            save.save_stretch(
                case,
                media_id,
                stretch.items,
                stretch.detections,
                stretch.until,
                boundary,
                every_s,
                detector,
                stretch.codes,
                stretch.keyframes,
            )
            boundary = stretch.until
        save.finish_pictures(case, media_id, models.ocr_provenance())
        return stretches.warning  # the video broke off early

    def _engine_record(
        self, engine: SpeechEngine, decoding: SpeechOptions | None = None
    ) -> dict[str, Any]:
        """An engine as save (and a range payload) names it."""
        return {
            "name": engine.name,
            "kind": engine.kind,
            "sha256": engine.sha256,
            "device": engine.device,
            "compute_type": engine.compute_type,
            "settings": pass_settings(engine, decoding) if decoding else None,
        }

    def _speech(self, media: Media, path: Path, index: int, detector: MediaDetector) -> str | None:
        """Each chosen engine over the whole file in turn, each with its own resume point."""
        names = self.engine_names()
        engines = [self.engine(name) for name in names]
        reading = engines[-1]
        media_id = media.id
        save.record_speech_model(
            self.case, media_id, self._engine_record(reading), self.options.language
        )
        if len(engines) == 2 and self.options.overlap_stages:
            return self._speech_passes_side_by_side(media, path, index, detector, engines)
        warning = None
        for number, engine in enumerate(engines):
            warning = self._speech_pass(media, path, index, detector, engine, number, len(engines))
        return warning

    def _speech_passes_side_by_side(
        self,
        media: Media,
        path: Path,
        index: int,
        detector: MediaDetector,
        engines: list[SpeechEngine],
    ) -> str | None:
        """`both`: viet-asr (one thread of its own) beside Whisper, each with its own case
        connection and resume point; the slower one sets the pace, not their sum. Detection
        while they run may not yet know where Whisper heard English; complete() settles it."""
        second = engines[1]
        run = StageThread(
            lambda case, stop: self._speech_pass(
                media,
                path,
                index,
                self.detector(media.id, case),
                second,
                1,
                2,
                case,
                stop,
            ),
            self.case,
            self.cancel,
            name="reviewer-speech-2",
        )
        run.start()
        try:
            warning = self._speech_pass(media, path, index, detector, engines[0], 0, 2)
        except BaseException:
            run.stop()
            run.join(reraise=False)
            raise
        return run.join() or warning

    def _speech_pass(
        self,
        media: Media,
        path: Path,
        index: int,
        detector: MediaDetector,
        engine: SpeechEngine,
        number: int,
        passes: int,
        case: Case | None = None,
        cancel: threading.Event | StopSignal | None = None,
    ) -> str | None:
        case = case or self.case
        media_id = media.id
        options = decoding_for(engine, self.speech_options())
        start = save.start_speech(case, media_id, self._engine_record(engine, options))
        duration = media.duration_s or 0.0
        began = time.monotonic()

        def progress(done_s: float) -> None:
            fraction, eta = _fraction_eta(done_s, start, duration, began)
            self.emit(
                path,
                media_id,
                Stage.SPEECH,
                index,
                (number + fraction) / passes,
                eta,
                engine.name if passes > 1 else "",
            )

        def keep(segments: list[dict], done_until: float) -> None:
            save.save_speech(case, media_id, engine.name, segments, done_until, detector)

        progress(start)
        return transcribe_media(
            path,
            engine,
            options,
            start,
            keep,
            progress,
            cancel or self.cancel,
            self.options.chunk_s,
        )


def _named(exc: Exception) -> str:
    return f"{type(exc).__name__}: {exc}"


def _fraction_eta(
    done_s: float, start_s: float, duration_s: float, began: float
) -> tuple[float, float | None]:
    """How far a stage is through the file, and the time left at the rate seen so far."""
    fraction = min(1.0, done_s / duration_s) if duration_s else 0.0
    elapsed = time.monotonic() - began
    rate = (done_s - start_s) / elapsed if elapsed > 0 else 0
    eta = (duration_s - done_s) / rate if rate > 0 and duration_s else None
    return fraction, eta
