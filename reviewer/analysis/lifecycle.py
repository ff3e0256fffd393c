"""One file's lifecycle in a run, the same whichever driver runs it: admitted (hashed and
recorded, or skipped), reported (progress events), detected (flags from what was saved),
failed with a reason or finished; and the run around the files (one analysis of a case at a
time, the analysis.start/finish entries, identifiers once the files are done).

The workstation pipeline (reviewer/pipeline.py) and the range driver (reviewer/cluster/driver.py)
subclass FileRun and differ only in how a file's work is done.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from ..detections import MediaDetector, load_text_scorer
from ..identifiers.hook import after_analysis
from ..ingest import expand_inputs, ingest_file
from ..probe import Probe, probe
from ..speech.bias import lexicon_hotwords
from ..store.analysis_lock import analysis_lock
from ..store.case import Case
from ..text import TextScorer
from . import save
from .options import AnalysisOptions, AnalysisResult, FileOutcome, ProgressEvent
from .states import Media, MediaStatus, Stage

ProgressCallback = Callable[[ProgressEvent], None]


class FileRun:
    """One run of files into one case; progress and cancel given at construction."""

    def __init__(
        self,
        case: Case,
        options: AnalysisOptions,
        on_progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
    ) -> None:
        self.case = case
        self.options = options
        self.on_progress = on_progress or (lambda event: None)
        self.cancel = cancel or threading.Event()
        self.count = 0  # files in the run under way
        self._text: TextScorer | None = None
        #: reads a file's streams at ingest; a driver with an isolated child probes there
        self.prober: Callable[[Path], Probe] = probe
        #: screenshots opened here for QR codes and picture hashes; False where the ranges ran
        #: elsewhere and brought them back (a hostile picture is never opened in this process)
        self.reads_pictures = True

    # -- what subclasses do -----------------------------------------------------------------------
    def _run_files(self, files: list[Path]) -> list[FileOutcome]:
        raise NotImplementedError

    def engine_warning(self) -> str | None:
        return None

    # -- the run ----------------------------------------------------------------------------------
    def run(self, paths: list[Path]) -> AnalysisResult:
        files = expand_inputs(paths)
        with analysis_lock(self.case.folder):  # one analysis of a case at a time
            self.count = len(files)
            outcomes = self._run_files(files)
            # Identifiers (phone numbers, accounts, QR codes) from all the text now stored.
            ids = [o.media_id for o in outcomes if o.media_id is not None]
            after_analysis(self.case, ids, read_pictures=self.reads_pictures)
            result = AnalysisResult(outcomes, self.engine_warning())
            save.log_finish(self.case, outcomes)
            return result

    def text_scorer(self) -> TextScorer:
        if self._text is None:
            self._text = load_text_scorer(self.options.lexicon_dir)
        return self._text

    def bias_hotwords(self) -> str | None:
        """Whisper hotwords from the lexicon when the officer chose that biasing; else None."""
        if self.options.speech_bias != "lexicon":
            return None
        return lexicon_hotwords(self.text_scorer().lexicon) or None

    # -- one file ---------------------------------------------------------------------------------
    def emit(
        self,
        path: Path,
        media_id: int | None,
        stage: Stage,
        index: int,
        fraction: float,
        eta: float | None = None,
        message: str = "",
    ) -> None:
        event = ProgressEvent(path, media_id, stage, index, self.count, fraction, eta, message)
        self.on_progress(event)

    def detector(self, media_id: int, case: Case | None = None) -> MediaDetector:
        """Flags from a media's saved findings; `case`: another connection (a worker thread's)."""
        return MediaDetector(
            case or self.case,
            media_id,
            self.text_scorer(),
            self.options.thresholds,
            self.options.language,
        )

    def detect(self, media_id: int, path: Path, index: int) -> None:
        self.emit(path, media_id, Stage.DETECT, index, 0.0)
        self.detector(media_id).complete()
        self.emit(path, media_id, Stage.DETECT, index, 1.0)

    def admit(self, path: Path, index: int) -> Media | FileOutcome:
        """Hash and record a file: its media, marked analysing, when there is work to do;
        otherwise how it ended. A media analysed before only runs detection again (today's
        lexicons and thresholds)."""
        self.emit(path, None, Stage.INGEST, index, 0.0)
        ingested = ingest_file(self.case, path, self.prober)
        media_id = ingested.media_id
        if media_id is None or ingested.error:
            self.emit(path, media_id, Stage.FAILED, index, 1.0, message=ingested.error or "")
            return FileOutcome(path, media_id, ingested.sha256, MediaStatus.FAILED, ingested.error)
        media = Media.from_row(self.case.get_media(media_id))
        if media.status == MediaStatus.FAILED and not media.kind:
            # Unreadable as media: nothing new to learn by analysing again.
            self.emit(path, media_id, Stage.SKIPPED, index, 1.0, message="already in the case")
            return FileOutcome(path, media_id, media.sha256, MediaStatus.FAILED, media.error)
        if media.status == MediaStatus.ANALYZED:
            self.detect(media_id, path, index)
            self.emit(path, media_id, Stage.SKIPPED, index, 1.0, message="already in the case")
            return FileOutcome(path, media_id, media.sha256, MediaStatus.ANALYZED)
        save.set_status(self.case, media_id, MediaStatus.ANALYZING)
        return Media.from_row(self.case.get_media(media_id))

    def fail(self, path: Path, media: Media, reason: str, index: int) -> FileOutcome:
        reason = " ".join(reason.split())[:300]  # one line the queue and the report can show
        save.set_status(self.case, media.id, MediaStatus.FAILED, error=reason)
        self.emit(path, media.id, Stage.FAILED, index, 1.0, message=reason)
        return FileOutcome(path, media.id, media.sha256, MediaStatus.FAILED, reason)

    def finish(
        self, path: Path, media: Media, index: int, warnings: list[str | None]
    ) -> FileOutcome:
        """Detection over everything saved, then the media analysed (with its warnings)."""
        self.detect(media.id, path, index)
        warning = "; ".join(dict.fromkeys(w for w in warnings if w)) or None
        save.set_status(self.case, media.id, MediaStatus.ANALYZED, warning=warning)
        self.emit(path, media.id, Stage.DONE, index, 1.0, message=warning or "")
        return FileOutcome(path, media.id, media.sha256, MediaStatus.ANALYZED)
