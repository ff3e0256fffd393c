"""The one place that knows the order of work: ingest, then speech; emits progress, honours cancel."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .errors import Cancelled, MediaError, ModelError
from .ingest import expand_inputs, ingest_file
from .speech import SpeechEngine, SpeechOptions, load_engine, transcribe_media
from .store.case import Case


@dataclass
class ProgressEvent:
    path: Path
    media_id: int | None
    stage: str  # ingest | speech | done | failed | skipped
    file_index: int
    file_count: int
    fraction: float  # of this file's current stage, 0..1
    eta_s: float | None = None
    message: str = ""


@dataclass
class AnalysisOptions:
    language: str | None = "vi"
    device: str = "auto"
    speech_model: str = "faster-whisper-base"
    chunk_s: float = 60.0
    speech: SpeechOptions = field(default_factory=SpeechOptions)


@dataclass
class FileOutcome:
    path: Path
    media_id: int | None
    sha256: str | None
    status: str  # analyzed | failed
    error: str | None = None


@dataclass
class AnalysisResult:
    outcomes: list[FileOutcome]
    engine_warning: str | None = None

    @property
    def media_ids(self) -> list[int]:
        return [o.media_id for o in self.outcomes if o.media_id is not None]

    @property
    def all_ok(self) -> bool:
        return all(o.status == "analyzed" for o in self.outcomes)


EngineFactory = Callable[[str, str], SpeechEngine]


class Analyzer:
    """Runs analysis of files into a case. `engine_factory` lets tests use a fake engine."""

    def __init__(
        self,
        case: Case,
        options: AnalysisOptions,
        on_progress: Callable[[ProgressEvent], None] | None = None,
        cancel: threading.Event | None = None,
        engine_factory: EngineFactory = load_engine,
    ) -> None:
        self.case = case
        self.options = options
        self.on_progress = on_progress or (lambda event: None)
        self.cancel = cancel or threading.Event()
        self.engine_factory = engine_factory
        self._engine: SpeechEngine | None = None
        self._engine_error: str | None = None

    def engine(self) -> SpeechEngine:
        """Load the speech model once, on first need (images-only runs never load it)."""
        if self._engine_error:
            raise ModelError(self._engine_error)
        if self._engine is None:
            try:
                self._engine = self.engine_factory(self.options.speech_model, self.options.device)
            except ModelError as exc:
                self._engine_error = str(exc)
                raise
        return self._engine

    def run(self, paths: list[Path]) -> AnalysisResult:
        files = expand_inputs(paths)
        self.case.log(
            "analysis.start",
            {
                "files": len(files),
                "tool_version": __version__,
                "language": self.options.language,
                "device": self.options.device,
                "speech_model": self.options.speech_model,
            },
        )
        outcomes = []
        for index, path in enumerate(files):
            if self.cancel.is_set():
                raise Cancelled("Analysis cancelled; saved work is kept and a re-run resumes.")
            outcomes.append(self._one(path, index, len(files)))
        result = AnalysisResult(outcomes, getattr(self._engine, "warning", None))
        self.case.log(
            "analysis.finish",
            {
                "analyzed": sum(o.status == "analyzed" for o in outcomes),
                "failed": sum(o.status == "failed" for o in outcomes),
            },
        )
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
        self._emit(path, None, "ingest", index, count, 0.0)
        ingested = ingest_file(self.case, path)
        media_id = ingested.media_id
        if media_id is None or ingested.error:
            self._emit(path, media_id, "failed", index, count, 1.0, message=ingested.error or "")
            return FileOutcome(path, media_id, ingested.sha256, "failed", ingested.error)
        media = self.case.get_media(media_id)
        # Done before, or unreadable as media: nothing new to learn by analysing again.
        if media["status"] == "analyzed" or (media["status"] == "failed" and not media["kind"]):
            self._emit(path, media_id, "skipped", index, count, 1.0, message="already in the case")
            return FileOutcome(path, media_id, ingested.sha256, media["status"], media["error"])
        self.case.set_media_status(media_id, "analyzing")
        try:
            warning = self._speech(media, path, index, count) if media["has_audio"] else None
        except Cancelled:
            self.case.set_media_status(media_id, "pending")
            raise
        except (MediaError, ModelError) as exc:
            return self._fail(path, media_id, ingested.sha256, str(exc), index, count)
        except Exception as exc:  # one bad file never stops the batch
            reason = f"internal error while analysing: {type(exc).__name__}: {exc}"
            return self._fail(
                path, media_id, ingested.sha256, " ".join(reason.split())[:300], index, count
            )
        self.case.set_media_status(media_id, "analyzed", warning=warning)
        self._emit(path, media_id, "done", index, count, 1.0, message=warning or "")
        return FileOutcome(path, media_id, ingested.sha256, "analyzed")

    def _fail(
        self, path: Path, media_id: int, sha: str | None, reason: str, index: int, count: int
    ) -> FileOutcome:
        self.case.set_media_status(media_id, "failed", error=reason)
        self._emit(path, media_id, "failed", index, count, 1.0, message=reason)
        return FileOutcome(path, media_id, sha, "failed", reason)

    def _speech(self, media: dict, path: Path, index: int, count: int) -> str | None:
        engine = self.engine()
        media_id = media["id"]
        self.case.update_media(
            media_id,
            speech_model=engine.name,
            speech_model_sha256=engine.sha256,
            device=engine.device,
            compute_type=engine.compute_type,
            language=self.options.language or "auto",
        )
        duration = media["duration_s"] or 0.0
        start = media["speech_done_s"] or 0.0
        began = time.monotonic()

        def progress(done_s: float) -> None:
            fraction = min(1.0, done_s / duration) if duration else 0.0
            elapsed = time.monotonic() - began
            rate = (done_s - start) / elapsed if elapsed > 0 else 0
            eta = (duration - done_s) / rate if rate > 0 and duration else None
            self._emit(path, media_id, "speech", index, count, fraction, eta)

        def save(segments: list[dict], done_until: float) -> None:
            self.case.save_speech_chunk(media_id, segments, done_until)

        speech_options = SpeechOptions(
            language=self.options.language,
            beam_size=self.options.speech.beam_size,
            word_timestamps=self.options.speech.word_timestamps,
            initial_prompt=self.options.speech.initial_prompt,
            hotwords=self.options.speech.hotwords,
        )
        progress(start)
        return transcribe_media(
            path, engine, speech_options, start, save, progress, self.cancel, self.options.chunk_s
        )
