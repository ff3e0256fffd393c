"""The one place that knows the order of work: ingest, speech, on-screen text and images, then
detection into flags; emits progress, honours cancel."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .analysis import save
from .analysis.frames import FrameStretches, VisionModels, read_image
from .analysis.options import (
    AnalysisOptions,
    AnalysisResult,
    EngineFactory,
    FileOutcome,
    ProgressEvent,
)
from .analysis.states import Media, MediaStatus, Stage
from .detect import MediaDetector, load_text_detector
from .errors import Cancelled, MediaError, ModelError, ReviewerError
from .identifiers.hook import after_analysis, picture_qr
from .ingest import expand_inputs, ingest_file
from .native_heap import map_big_blocks_apart
from .speech import (
    SpeechEngine,
    SpeechOptions,
    engine_names,
    load_named,
    transcribe_media,
)
from .speech.bias import lexicon_hotwords
from .speech.loader import decoding_for, pass_settings
from .stage_thread import StageThread, StopSignal, vision_threads
from .store.analysis_lock import analysis_lock
from .store.case import Case
from .text import TextDetector


def admit_file(
    case: Case,
    path: Path,
    emit: Callable[..., None],
    detect_again: Callable[[int], None],
) -> Media | FileOutcome:
    """Hash and record a file (local and cluster runs alike): its media row, marked analysing,
    when there is work to do; otherwise how it ended. `emit(stage, media_id, fraction, message)`
    reports; a media analysed before only runs detection again (today's lexicons and thresholds)."""
    emit(Stage.INGEST, None, 0.0, "")
    ingested = ingest_file(case, path)
    media_id = ingested.media_id
    if media_id is None or ingested.error:
        emit(Stage.FAILED, media_id, 1.0, ingested.error or "")
        return FileOutcome(path, media_id, ingested.sha256, MediaStatus.FAILED, ingested.error)
    media = Media.from_row(case.get_media(media_id))
    if media.status == MediaStatus.FAILED and not media.kind:
        # Unreadable as media: nothing new to learn by analysing again.
        emit(Stage.SKIPPED, media_id, 1.0, "already in the case")
        return FileOutcome(path, media_id, ingested.sha256, MediaStatus.FAILED, media.error)
    if media.status == MediaStatus.ANALYZED:
        detect_again(media_id)
        emit(Stage.SKIPPED, media_id, 1.0, "already in the case")
        return FileOutcome(path, media_id, ingested.sha256, MediaStatus.ANALYZED)
    save.set_status(case, media_id, MediaStatus.ANALYZING)
    return Media.from_row(case.get_media(media_id))


class Analyzer:
    """Runs analysis of files into a case. `engine_factory` lets tests use a fake engine."""

    def __init__(
        self,
        case: Case,
        options: AnalysisOptions,
        on_progress: Callable[[ProgressEvent], None] | None = None,
        cancel: threading.Event | None = None,
        engine_factory: EngineFactory = load_named,
    ) -> None:
        self.case = case
        self.options = options
        self.on_progress = on_progress or (lambda event: None)
        self.cancel = cancel or threading.Event()
        self.engine_factory = engine_factory
        self._engines: dict[str, SpeechEngine] = {}
        self._engine_errors: dict[str, str] = {}
        self._vision: VisionModels | None = None
        self._text: TextDetector | None = None

    def engine_names(self) -> list[str]:
        """The speech models this analysis runs, in order; the last one's transcript is read."""
        return engine_names(
            self.options.speech_engine, self.options.language, self.options.speech_model
        )

    def engine(self, name: str) -> SpeechEngine:
        """Load a speech model once, on first need (images-only runs never load one)."""
        if name in self._engine_errors:
            raise ModelError(self._engine_errors[name])
        if name not in self._engines:
            try:
                self._engines[name] = self.engine_factory(name, self.options.device)
            except ModelError as exc:
                self._engine_errors[name] = str(exc)
                raise
        return self._engines[name]

    def speech_options(self) -> SpeechOptions:
        return self.options.core(self._bias_hotwords()).speech()

    def vision_models(self) -> VisionModels:
        if self._vision is None:
            # onnxruntime's CUDA build is optional; the OCR models are small enough for the CPU.
            # Beside speech, the picture models get their share of the cores, no more.
            threads = vision_threads() if self.options.overlap_stages else None
            self._vision = VisionModels.load("cpu", threads)
        return self._vision

    def text_detector(self) -> TextDetector:
        if self._text is None:
            self._text = load_text_detector(self.options.lexicon_dir)
        return self._text

    def _bias_hotwords(self) -> str | None:
        if self.options.speech_bias != "lexicon":
            return None
        return lexicon_hotwords(self.text_detector().lexicon) or None

    def run(self, paths: list[Path]) -> AnalysisResult:
        with analysis_lock(self.case.folder):  # one analysis of a case at a time
            return self._run_locked(paths)

    def _run_locked(self, paths: list[Path]) -> AnalysisResult:
        map_big_blocks_apart()  # before the models load: RSS stays flat over hours of video
        files = expand_inputs(paths)
        save.log_start(
            self.case,
            self.options,
            len(files),
            speech_engines=self.engine_names(),
            hotwords=self.options.speech.hotwords or self._bias_hotwords(),
            decoding=self.speech_options().as_record(),
        )
        outcomes = []
        for index, path in enumerate(files):
            if self.cancel.is_set():
                raise Cancelled()
            outcomes.append(self._one(path, index, len(files)))
        after_analysis(self.case, [o.media_id for o in outcomes if o.media_id is not None])
        warnings = [e.warning for e in self._engines.values() if getattr(e, "warning", None)]
        result = AnalysisResult(outcomes, "; ".join(dict.fromkeys(warnings)) or None)
        save.log_finish(self.case, outcomes)
        return result

    def _emit(
        self,
        path: Path,
        media_id: int | None,
        stage: str,
        index: int,
        count: int,
        fraction: float,
        eta: float | None = None,
        message: str = "",
    ) -> None:
        self.on_progress(ProgressEvent(path, media_id, stage, index, count, fraction, eta, message))

    def _one(self, path: Path, index: int, count: int) -> FileOutcome:
        admitted = admit_file(
            self.case,
            path,
            lambda stage, media_id, fraction, message: self._emit(
                path, media_id, stage, index, count, fraction, message=message
            ),
            lambda media_id: self._detect(media_id, path, index, count),
        )
        if isinstance(admitted, FileOutcome):
            return admitted
        media, sha256 = admitted, admitted.sha256
        media_id = media.id
        try:
            detector = self._media_detector(media_id)
            warnings = []
            vision = (
                self.options.vision and media.kind in ("video", "image") and not media.vision_done
            )
            if media.has_audio and vision and self.options.overlap_stages:
                warnings += self._speech_beside_vision(media, path, index, count, detector)
            else:
                if media.has_audio:
                    warnings.append(self._speech(media, path, index, count, detector))
                if vision:
                    warnings.append(self._vision_stage(media, path, index, count, detector))
            self._detect(media_id, path, index, count)
        except Cancelled:
            save.set_status(self.case, media_id, MediaStatus.PENDING)
            raise
        except (MediaError, ModelError, ReviewerError) as exc:
            return self._fail(path, media_id, sha256, str(exc), index, count)
        except Exception as exc:  # one bad file never stops the batch
            reason = f"internal error while analysing: {type(exc).__name__}: {exc}"
            return self._fail(path, media_id, sha256, " ".join(reason.split())[:300], index, count)
        warning = "; ".join(w for w in warnings if w) or None
        save.set_status(self.case, media_id, MediaStatus.ANALYZED, warning=warning)
        self._emit(path, media_id, Stage.DONE, index, count, 1.0, message=warning or "")
        return FileOutcome(path, media_id, sha256, MediaStatus.ANALYZED)

    def _speech_beside_vision(
        self, media: Media, path: Path, index: int, count: int, detector: MediaDetector
    ) -> list[str | None]:
        """Speech here, pictures in a worker thread with its own case connection: both cores
        stay busy. Each stage saves its own chunks, so a crash or cancel in either leaves the
        media resumable as before; the first failure is raised once both have stopped."""
        self.vision_models()  # loaded here: a model error is reported like any other
        run = StageThread(
            lambda case, stop: self._vision_stage(
                media, path, index, count, self._media_detector(media.id, case), stop
            ),
            self.case,
            self.cancel,
        )
        run.start()
        try:
            speech_warning = self._speech(media, path, index, count, detector)
        except BaseException:
            run.stop()  # speech failed or was cancelled: pictures stop at their next frame
            run.join(reraise=False)
            raise
        return [speech_warning, run.join()]

    def _media_detector(self, media_id: int, case: Case | None = None) -> MediaDetector:
        return MediaDetector(
            case or self.case,
            media_id,
            self.text_detector(),
            self.options.thresholds,
            self.options.language,
        )

    def _detect(self, media_id: int, path: Path, index: int, count: int) -> None:
        self._emit(path, media_id, Stage.DETECT, index, count, 0.0)
        self._media_detector(media_id).complete()
        self._emit(path, media_id, Stage.DETECT, index, count, 1.0)

    def _vision_stage(
        self,
        media: Media,
        path: Path,
        index: int,
        count: int,
        detector: MediaDetector,
        cancel: threading.Event | StopSignal | None = None,
    ) -> str | None:
        media_id = media.id
        models = self.vision_models()
        self._emit(path, media_id, Stage.OCR, index, count, 0.0)
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
            self._emit(
                path,
                media_id,
                Stage.OCR,
                index,
                count,
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
            )
            boundary = stretch.until
        save.finish_pictures(case, media_id, models.ocr_provenance())
        return stretches.warning  # the video broke off early

    def _fail(
        self, path: Path, media_id: int, sha: str | None, reason: str, index: int, count: int
    ) -> FileOutcome:
        save.set_status(self.case, media_id, MediaStatus.FAILED, error=reason)
        self._emit(path, media_id, Stage.FAILED, index, count, 1.0, message=reason)
        return FileOutcome(path, media_id, sha, MediaStatus.FAILED, reason)

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

    def _speech(
        self, media: Media, path: Path, index: int, count: int, detector: MediaDetector
    ) -> str | None:
        """Each chosen engine over the whole file in turn, each with its own resume point."""
        names = self.engine_names()
        engines = [self.engine(name) for name in names]
        reading = engines[-1]
        media_id = media.id
        save.record_speech_model(
            self.case, media_id, self._engine_record(reading), self.options.language
        )
        if len(engines) == 2 and self.options.overlap_stages:
            return self._speech_passes_side_by_side(media, path, index, count, detector, engines)
        warning = None
        for number, engine in enumerate(engines):
            warning = self._speech_pass(
                media, path, index, count, detector, engine, number, len(engines)
            )
        return warning

    def _speech_passes_side_by_side(
        self,
        media: Media,
        path: Path,
        index: int,
        count: int,
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
                count,
                self._media_detector(media.id, case),
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
            warning = self._speech_pass(media, path, index, count, detector, engines[0], 0, 2)
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
        count: int,
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
            self._emit(
                path,
                media_id,
                Stage.SPEECH,
                index,
                count,
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


def _fraction_eta(
    done_s: float, start_s: float, duration_s: float, began: float
) -> tuple[float, float | None]:
    """How far a stage is through the file, and the time left at the rate seen so far."""
    fraction = min(1.0, done_s / duration_s) if duration_s else 0.0
    elapsed = time.monotonic() - began
    rate = (done_s - start_s) / elapsed if elapsed > 0 else 0
    eta = (duration_s - done_s) / rate if rate > 0 and duration_s else None
    return fraction, eta
